"""A whole job, from the notes to every format: a dishwasher leak in an Australian kitchen and
hallway, dried over three visits, read by the offline analyzer and rendered as the insurer reads
it (Markdown, Word, PDF), as the contractor keeps it (JSON) and as an estimator imports it (CSV).

The notes are written here for the test, in the day-first dates and metric units of an
Australian job. They set 3 air movers and a dehumidifier at 11:30 on 13/11 and pull them at 10:15
on 15/11: 46.75 hours, which the equipment log must show. Both points reach their goal on the
third visit (15 Nov 2026).
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from chalicelib.analysis import analyze_text, check_findings
from chalicelib.analysis.findings import EquipmentKind, Findings
from chalicelib.report import Report, render_csv, render_docx, render_json, render_markdown, render_pdf

NOTES = """Job: 27 Wattle Grove, Croydon VIC 3136
Insured: Priya Raman
Claim number: HOL-2026-118204
Date of loss: 12/11/2026
Inspection date: 13/11/2026
Cause: dishwasher inlet hose split under the kitchen bench, grey water over kitchen and hallway floor.
Category 2 (dishwasher discharge). Class 2.
Kitchen 4.2 x 3.6 m, vinyl plank floor wet over 9 m2, plasterboard wicking to 300 mm.
Hallway 5.0 x 1.2 m, carpet and underlay wet over 6 m2.
Dry standard: bedroom 2 plasterboard 10 WME, hallway skirting unaffected end 11 WME.
Moisture readings (Protimeter Surveymaster, WME):
13/11/2026 kitchen north wall plasterboard 38 WME, hallway skirting 32 WME
14/11/2026 kitchen north wall plasterboard 24 WME, hallway skirting 21 WME
15/11/2026 kitchen north wall plasterboard 13 WME, hallway skirting 14 WME
Drying goal: within 4 points of dry standard.
Atmospherics 13/11/2026: affected 24 C 68% RH; outside 19 C 72% RH.
Atmospherics 14/11/2026: affected 23 C 52% RH.
Equipment: 3 x AM placed 13/11/2026 11:30, removed 15/11/2026 10:15
1 x LGR dehumidifier placed 13/11/2026 11:30, removed 15/11/2026 10:15
Scope of works:
- Remove and dispose of wet carpet underlay 6 m2 (hallway)
- Remove skirting boards kitchen 7.8 lm
- Detach and reset dishwasher 1 ea
- Apply antimicrobial to kitchen subfloor 9 m2
- Extract water from hallway carpet 6 m2
- Monitoring and moisture mapping 3 hours
"""
# Who did the work, as a technician's notes close (other tests add their own letterhead to NOTES)
PARTIES = "Technician: Sam Reid (WRT, ASD)\nCompany: Croydon Restorations Pty Ltd, ABN 12 345 678 901\n"

# What the scope lines must show in every document: the description with its quantity and unit.
SCOPE = [
    ("Remove and dispose of wet carpet underlay 6 m2 (hallway)", "6", "m\u00b2"),
    ("Remove skirting boards kitchen 7.8 lm", "7.8", "lm"),
    ("Detach and reset dishwasher 1 ea", "1", "each"),
    ("Apply antimicrobial to kitchen subfloor 9 m2", "9", "m\u00b2"),
    ("Extract water from hallway carpet 6 m2", "6", "m\u00b2"),
    ("Monitoring and moisture mapping 3 hours", "3", "hours"),
]
CONTRACTOR_NOTE = "Contractor only: insured disputes the excess, call back before invoicing."
RUN_HOURS = "46.75 h"
GOAL_MET = "goal 14 WME met on 15 Nov 2026"


@pytest.fixture(scope="module")
def findings() -> Findings:
    found = analyze_text(NOTES + PARTIES)
    # A note for the contractor, as an analyzer or a fallback writes them
    found.notes.append(CONTRACTOR_NOTE)
    return found


@pytest.fixture(scope="module")
def report(findings: Findings) -> Report:
    return Report(
        workflow_id="wf-wattle",
        title="27 Wattle Grove \u2014 dishwasher leak",
        generated_at="2026-11-16T01:00:00Z",
        findings=findings,
        qa=check_findings(findings),
    )


def _caveats(findings: Findings) -> list[str]:
    return [caveat for item in findings.equipment for caveat in item.caveats]


def _private_texts(findings: Findings) -> list[str]:
    """The contractor's own text: the findings' notes and the calculation's caveats."""
    return [*findings.notes, *_caveats(findings)]


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # table cells wrap: compare with whitespace folded


def test_the_analyzer_reads_the_job(findings: Findings) -> None:
    # Then the scope has its six lines, the runs their hours from the times, and a caveat exists
    assert [(item.description, item.quantity) for item in findings.scope_of_work] == [
        (description, float(quantity)) for description, quantity, _ in SCOPE
    ]
    assert {(run.kind, run.quantity, run.run_hours) for run in findings.equipment_runs} == {
        (EquipmentKind.AIR_MOVER, 3, 46.75),
        (EquipmentKind.DEHUMIDIFIER, 1, 46.75),
    }
    assert _caveats(findings), "the LGR factors carry a caveat for the contractor"


def test_json_keeps_everything_for_the_contractor(report: Report, findings: Findings) -> None:
    import json

    data = json.loads(render_json(report))
    # Then the line items carry their quantities, units, codes and source lines
    items = data["lineItems"]
    assert [(i["description"], i["quantity"], i["unit"]) for i in items] == [
        (description, float(quantity), unit) for description, quantity, unit in SCOPE
    ]
    assert items[1]["category"] == "FINISH" and items[1]["selector"] == "BASE-RMV"
    assert items[1]["source"] == "line 22" and items[1]["line"] == 22
    # And the runs their hours; and the notes and caveats are kept for the contractor
    assert [run["runHours"] for run in data["findings"]["equipmentRuns"]] == [46.75, 46.75]
    assert CONTRACTOR_NOTE in data["findings"]["notes"]
    parties = data["findings"]["parties"]
    assert (parties["technician"]["value"], parties["company"]["value"]) == (
        "Sam Reid",
        "Croydon Restorations Pty Ltd",
    )
    assert _caveats(findings)[0] in json.dumps(data, ensure_ascii=False)


def _assert_insurer_document(text: str, findings: Findings) -> None:
    for description, *_ in SCOPE:
        assert description in text, description
    assert RUN_HOURS in text
    assert GOAL_MET in text
    assert "goal 15 WME met on 15 Nov 2026" in text
    for private in _private_texts(findings):
        assert private not in text, private
    assert "(configuration)" not in text
    # The checklist is written to the contractor: the DRAFT and the JSON carry it, not this
    assert "Documentation checklist" not in text
    # And who did the work, for whom
    for party in ("Sam Reid", "WRT, ASD", "Croydon Restorations Pty Ltd", "ABN 12 345 678 901"):
        assert party in text, party


def test_markdown_shows_the_scope_logs_and_no_contractor_text(report: Report, findings: Findings) -> None:
    markdown = render_markdown(report)
    _assert_insurer_document(markdown, findings)
    # And each scope row has its quantity and unit in their own cells
    assert (
        "| Remove skirting boards kitchen 7.8 lm | Kitchen | 7.8 | lm | `FINISH BASE-RMV` | line 22 |"
        in markdown
    )
    row = "| Air mover | 3 | \u2014 | \u2014 | 13 Nov 2026 11:30 | 15 Nov 2026 10:15 | 46.75 h | line 18 |"
    assert row in markdown
    assert "| 15 Nov 2026 | 3 | 1 |" in markdown  # units on site on the day they were pulled


def test_word_shows_the_scope_logs_and_no_contractor_text(report: Report, findings: Findings) -> None:
    text = _docx_text(render_docx(report))
    _assert_insurer_document(text, findings)
    assert "7.8" in text.splitlines() and "each" in text.splitlines()


def test_pdf_shows_the_scope_logs_and_no_contractor_text(
    report: Report, findings: Findings, tmp_path: Path
) -> None:
    data = render_pdf(report)
    _assert_insurer_document(_pdf_text(data), findings)
    # And the pages render (the PNGs are for a person to look at: `pytest --basetemp=...`)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-", str(tmp_path / "page")], input=data, check=True)
        assert len(list(tmp_path.glob("page*.png"))) >= 3


def test_csv_exports_the_six_lines(report: Report) -> None:
    rows = list(csv.reader(io.StringIO(render_csv(report).lstrip("\ufeff"))))
    # Then a header and six lines, each with its quantity, unit, codes and source line
    assert rows[0] == [
        "Line",
        "Action",
        "Description",
        "Room",
        "Quantity",
        "Unit",
        "Category",
        "Selector",
        "Source",
    ]
    assert [(row[2], row[4], row[5]) for row in rows[1:]] == SCOPE
    assert rows[3] == [
        "3",
        "detach and reset",
        "Detach and reset dishwasher 1 ea",
        "",
        "1",
        "each",
        "APPLIANCE",
        "DW-DR",
        "line 23",
    ]
