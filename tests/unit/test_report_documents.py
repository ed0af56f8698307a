"""The report as Word and PDF documents: they open, their tables hold the findings, unicode survives.

The findings are built here as a realistic Category 2 washing-machine overflow with every section
filled (job facts, category/class with evidence, metric rooms, readings over three days,
psychrometrics, equipment with its calculation, scope, hazards, QA issues and a fallback note).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from chalicelib.analysis.findings import (
    AffectedArea,
    AtmosphericReading,
    Classification,
    DamageType,
    DateFact,
    EquipmentItem,
    EquipmentKind,
    Findings,
    JobInfo,
    LengthUnit,
    MoistureReading,
    SafetyHazard,
    ScopeItem,
    SourceSpan,
    StandardRef,
    TextFact,
)
from chalicelib.analysis.qa import QaIssue, QaResult, check_findings
from chalicelib.report import Report, render_docx, render_json, render_markdown, render_pdf

RENDERERS = {"json": render_json, "md": render_markdown, "docx": render_docx, "pdf": render_pdf}
S500 = StandardRef(standard="IICRC S500", edition="2021", country="US", section="10.5")
INSURED = "Nguy\u1ec5n Th\u1ecb Zo\u00eb"
INTAKE = date(2024, 3, 3)


def _span(line: int, text: str, page: int | None = 1) -> SourceSpan:
    return SourceSpan(line=line, text=text, page=page)


def realistic_findings() -> Findings:
    overflow = _span(4, "Cause: washing machine hose split, grey water over laundry and hall floor.")
    laundry = _span(7, "Laundry 2.4 x 1.8 m, vinyl and particleboard kickboards wet.")
    hall = _span(9, "Hallway 14' x 3'6\", carpet + underlay saturated, drywall wicking 8 in.")
    return Findings(
        job=JobInfo(
            claim_number=TextFact(value="CLM-2024-004471", source=_span(1, "Claim CLM-2024-004471")),
            insured=TextFact(value=INSURED, source=_span(2, f"Insured: {INSURED}")),
            address=TextFact(
                value="Unit 4/12 Smith St, Springfield NSW 2150",
                source=_span(2, "Unit 4/12 Smith St, Springfield NSW 2150"),
            ),
            date_of_loss=DateFact(value=date(2024, 3, 2), source=_span(3, "Loss 2 Mar 2024 approx 7pm")),
            inspection_date=DateFact(value=INTAKE, source=_span(3, "Attended 3/3/2024 09:30")),
        ),
        damage_type=DamageType.WATER,
        damage_type_evidence=overflow,
        cause_of_loss="washing machine inlet hose split; grey water over laundry and hallway floor",
        cause_of_loss_evidence=overflow,
        water_category=Classification(
            value=2,
            justification="Washing machine discharge carries detergent and soil: significant "
            "contamination, Category 2 (grey water) per S500.",
            evidence=[overflow],
            standard=S500,
        ),
        water_class=Classification(
            value=2,
            justification="Whole rooms affected, carpet and cushion wet, wicking under 24 in: Class 2.",
            evidence=[laundry, hall],
            standard=StandardRef(standard="IICRC S500", edition="2021", country="US"),
        ),
        affected_areas=[
            AffectedArea(
                room="Laundry",
                length_ft=7.87,
                width_ft=5.91,
                height_ft=7.87,
                floor_area_sqft=46.5,
                original_unit=LengthUnit.METRES,
                wet_floor_sqft=46.5,
                wet_wall_sqft=12.0,
                materials=["vinyl", "particleboard kickboards"],
                source=laundry,
            ),
            AffectedArea(
                room="Hallway",
                length_ft=14,
                width_ft=3.5,
                floor_area_sqft=49,
                original_unit=LengthUnit.FEET,
                wet_floor_sqft=49,
                wet_wall_sqft=0,
                wall_insets_offsets=2,
                materials=["carpet", "underlay", "drywall"],
                source=hall,
            ),
        ],
        moisture_readings=[
            MoistureReading(
                location="Bedroom 2 (unaffected)",
                material="drywall",
                value=9,
                unit="%MC",
                meter="Protimeter Mini, wood scale",
                taken_on=INTAKE,
                is_reference=True,
                source=_span(11, "Dry std bedroom 2 drywall 9%MC"),
            ),
            *(
                MoistureReading(
                    location="Hallway north wall",
                    material="drywall",
                    value=value,
                    unit="%MC",
                    meter="Protimeter Mini, wood scale",
                    taken_on=INTAKE + timedelta(days=offset),
                    dry_standard=9,
                    drying_goal=13,
                    is_dry=value <= 13,
                    source=_span(12 + offset, f"Day {offset + 1}: hall N wall {value}%MC", page=1 + offset),
                )
                for offset, value in enumerate((32, 21, 12))
            ),
            MoistureReading(
                location="Laundry kickboard",
                material="particleboard",
                value=35,
                unit="WME",
                taken_on=INTAKE,
                drying_goal=15,
                is_dry=False,
                source=_span(8, "Kickboard WME 35"),
            ),
        ],
        atmospheric_readings=[
            AtmosphericReading(
                location="affected",
                temperature_f=75.2,
                relative_humidity=68,
                gpp=88,
                dew_point_f=63.8,
                taken_on=INTAKE,
                source=_span(15, "Affected 24\u00b0C 68% RH 88 GPP"),
            ),
            AtmosphericReading(
                location="outside",
                temperature_f=69.8,
                relative_humidity=55,
                gpp=60,
                taken_on=INTAKE,
                source=_span(16, "Outside 21\u00b0C 55% RH"),
            ),
        ],
        equipment=[
            EquipmentItem(
                kind=EquipmentKind.AIR_MOVER,
                quantity=6,
                calculation="2 rooms + ceil(95.5 sq ft wet floor / 70) + 0 wet wall + 2 insets = 6",
                inputs={"rooms": 2, "wetFloorSqft": 95.5, "insets": 2},
                stated_quantity=4,
                standard=S500,
                source=_span(18, "Set 4 air movers"),
            ),
            EquipmentItem(
                kind=EquipmentKind.DEHUMIDIFIER,
                quantity=1,
                calculation="760 cu ft / 40 (Class 2, conventional) = 19 pints/day AHAM -> 1 unit",
                stated_quantity=1,
            ),
        ],
        scope_of_work=[
            ScopeItem(
                description="Remove and dispose of wet carpet cushion (Cat 2)",
                room="Hallway",
                quantity=49,
                unit="sq ft",
                source=hall,
            ),
            ScopeItem(description="Antimicrobial application", room="Laundry", source=laundry),
        ],
        safety_hazards=[SafetyHazard(description="Power board on wet floor in laundry", source=laundry)],
        notes=["Produced by the offline analyzer because Claude was unavailable (HTTP 529 after 3 tries)."],
        analyzer="offline-rules",
        analyzer_version="2.0.0",
    )


def realistic_report(findings: Findings | None = None) -> Report:
    findings = findings or realistic_findings()
    qa = QaResult(
        passed=False,
        issues=[
            QaIssue(
                code="EQUIPMENT_BELOW_FORMULA",
                severity="error",
                field="equipment[0]",
                message="4 air movers placed; the S500 formula gives 6.",
            ),
            QaIssue(
                code="NO_DRY_STANDARD",
                severity="warning",
                field="moistureReadings[4]",
                message="Particleboard has no dry standard from an unaffected area.",
            ),
        ],
        checked_at="2024-03-05T01:02:03Z",
    )
    return Report(
        workflow_id="wf-7f3a",
        title="Unit 4/12 Smith St \u2014 washing machine overflow",
        generated_at="2024-03-05T01:02:03Z",
        findings=findings,
        qa=qa,
    )


def empty_report() -> Report:
    findings = Findings(analyzer_version="2.0.0")
    return Report(
        workflow_id="wf-empty",
        title="",
        generated_at="not a timestamp",
        findings=findings,
        qa=check_findings(findings),
    )


def many_readings_report(count: int) -> Report:
    base = realistic_findings()
    readings = [
        MoistureReading(
            location=f"Room {index % 12} point {index}",
            material=("drywall", "carpet", "subfloor", "skirting")[index % 4],
            value=10 + index % 30,
            unit="%MC",
            taken_on=INTAKE + timedelta(days=index % 5),
            dry_standard=9,
            drying_goal=13,
            is_dry=10 + index % 30 <= 13,
            source=_span(20 + index, f"reading {index}", page=1 + index // 40),
        )
        for index in range(count)
    ]
    return realistic_report(base.model_copy(update={"moisture_readings": readings}))


def _docx(data: bytes) -> Any:
    import docx

    return docx.Document(io.BytesIO(data))


def _rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _table(document: Any, *headers: str) -> list[list[str]]:
    """The rows of the table whose header row starts with `headers`."""
    for table in document.tables:
        rows = _rows(table)
        if tuple(rows[0][: len(headers)]) == headers:
            return rows
    raise AssertionError(f"no table with the headers {headers}")


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _to_png(data: bytes, tmp_path: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        # `make test` installs it; missing, the page check fails rather than passing unchecked
        pytest.fail("pdftoppm (poppler-utils) is not installed; `make test` installs it")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(path), str(tmp_path / "page")], check=True)
    return sorted(tmp_path.glob("page*.png"))


# --- DOCX --------------------------------------------------------------------------------------


def test_docx_opens_with_the_tables_and_their_values() -> None:
    # Given a report of a Category 2 overflow with every section filled
    report = realistic_report()
    # When it is rendered as Word
    data = render_docx(report)
    # Then python-docx opens it, and the cover names the claim and the insured, unicode intact
    document = _docx(data)
    assert data.startswith(b"PK")
    cover = _rows(document.tables[0])
    assert ["Claim number", "CLM-2024-004471"] in cover
    assert ["Insured", INSURED] in cover
    assert ["Date of loss", "2 Mar 2024"] in cover
    # And the areas table has its header row and metric rooms in m² as well as sq ft
    areas = _table(document, "Room", "Dimensions")
    assert areas[0] == [
        "Room",
        "Dimensions",
        "Floor area",
        "Wet floor",
        "Wet walls",
        "Wet ceiling",
        "Materials",
        "Source",
    ]
    assert areas[1][:3] == [
        "Laundry",
        "7.87 \u00d7 5.91 \u00d7 7.87 ft (2.4 \u00d7 1.8 \u00d7 2.4 m)",
        "46.5 sq ft (4.32 m\u00b2)",
    ]
    assert areas[2][4] == "0 sq ft; 2 insets/offsets"
    # And the readings table has dry standards, drying goals and the dry state per reading
    readings = _table(document, "Location", "Material")
    assert readings[0] == [
        "Location",
        "Material",
        "Reading",
        "Dry standard",
        "Drying goal",
        "Dry?",
        "Date",
        "Meter",
        "Source",
    ]
    assert readings[1][5] == "Reference"
    assert readings[2] == [
        "Hallway north wall",
        "drywall",
        "32 %MC",
        "9 %MC",
        "13 %MC",
        "No",
        "3 Mar 2024",
        "Protimeter Mini, wood scale",
        "p. 1, line 12",
    ]
    assert readings[4][5] == "Yes"
    # And equipment shows the calculation with stated against calculated quantities
    equipment = _table(document, "Equipment")
    assert equipment[1][:2] == ["Air mover", "4 (2 fewer than calculated)"]
    assert equipment[1][2].startswith("Calculated 6: ")
    assert "ceil(95.5 sq ft wet floor / 70)" in equipment[1][2]
    assert equipment[1][3] == "IICRC S500-2021, section 10.5"
    # And °C survives in the atmospheric table, QA findings are a table
    atmospheric = _table(document, "Date", "Location", "Temperature")
    assert atmospheric[1][2] == "75.2 \u00b0F (24.0 \u00b0C)"
    qa = _table(document, "Severity")
    assert qa[0] == ["Severity", "Finding", "Standard"]
    assert qa[1][0] == "Error" and "EQUIPMENT_BELOW_FORMULA" not in qa[1][1]
    # And the headings are there, the fallback note not (it is the contractor's, in the JSON)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Produced by the offline analyzer because Claude was unavailable" not in text
    assert "Moisture readings and drying goals" in text
    assert document.core_properties.title == report.title


def test_docx_keeps_unicode_in_paragraphs_and_marks_empty_sections() -> None:
    # Given a report with nothing found
    # When it is rendered as Word
    document = _docx(render_docx(empty_report()))
    # Then each empty section keeps its heading and says so in one line
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Affected areas\nNo affected areas were identified in the notes." in text
    assert "Moisture readings and drying goals\nNo moisture readings were recorded in the notes." in text
    assert "Equipment\nNo drying equipment was calculated or recorded." in text
    assert ["Claim number", "Not determined"] in _rows(document.tables[0])
    assert _table(document, "Severity")[1][:2] == [
        "Error",
        "The notes do not say what kind of loss this is (water, fire/smoke, mould).",
    ]


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_renders_to_pages_and_its_text_keeps_the_key_values(tmp_path: Path) -> None:
    # Given a report of a Category 2 overflow with every section filled
    # When it is rendered as PDF
    data = render_pdf(realistic_report())
    # Then it is a PDF that poppler turns into PNG pages
    assert data.startswith(b"%PDF-")
    pages = _to_png(data, tmp_path)
    assert len(pages) >= 2
    assert all(page.read_bytes().startswith(b"\x89PNG") for page in pages)
    # And its text layer has the claim, the insured's name and the units, unicode intact
    text = _pdf_text(data, tmp_path)
    for expected in (
        "CLM-2024-004471",
        INSURED,
        "46.5 sq ft",
        "(4.32 m\u00b2)",
        "75.2 \u00b0F (24.0 \u00b0C)",
        "Category 2 \u2014 grey water",
        "IICRC S500-2021, section 10.5",
        "32 %MC",
        "2 fewer than",
        "\u201cKickboard WME 35\u201d",
        "Page 1 of",
    ):
        assert expected in text, expected
    # And the findings' notes are the contractor's, not printed for the insurer
    assert "Claude was unavailable" not in text


def test_every_format_renders_when_nothing_was_found(tmp_path: Path) -> None:
    # Given findings with every section empty, no title and an unreadable timestamp
    report = empty_report()
    # When the report is rendered in every format
    rendered = {name: render(report) for name, render in RENDERERS.items()}
    # Then each renders, and the empty sections say so rather than disappearing
    read_back = Report.model_validate_json(rendered["json"])
    assert read_back == report.model_copy(
        update={"line_items": [], "documentation_gaps": read_back.documentation_gaps}
    )
    # (nothing found: the contractor is told what to add, the claim number first)
    assert read_back.documentation_gaps and read_back.documentation_gaps[0].missing == "No claim number."
    markdown = rendered["md"]
    assert isinstance(markdown, str)
    assert markdown.startswith("# Inspection report\n\nRestoration inspection report\n")
    assert "## Scope of work\n\nNo scope of work items were recorded in the notes." in markdown
    assert _docx(rendered["docx"]).tables
    pdf = rendered["pdf"]
    assert isinstance(pdf, bytes)
    assert pdf.startswith(b"%PDF-")
    _to_png(pdf, tmp_path)
    text = _pdf_text(pdf, tmp_path)
    assert "No moisture readings were recorded in the notes." in text
    assert "No atmospheric (psychrometric) readings were recorded in the notes." in text
    assert "The notes do not say what kind of loss this is" in text and "DAMAGE_TYPE_MISSING" not in text


def test_200_readings_render_in_time_and_the_pdf_table_breaks_across_pages(tmp_path: Path) -> None:
    # Given a report with 200 moisture readings over five days
    report = many_readings_report(200)
    # When it is rendered in every format
    started = time.process_time()
    rendered = {name: render(report) for name, render in RENDERERS.items()}
    elapsed = time.process_time() - started
    # Then all four take seconds, not minutes
    assert elapsed < 20, f"rendering took {elapsed:.1f} s"
    # And the Word table has every reading
    assert len(_table(_docx(rendered["docx"]), "Location", "Material")) == 201
    # And the PDF's readings table runs over several pages, repeating its header on each
    pdf = rendered["pdf"]
    assert isinstance(pdf, bytes)
    pages = _pdf_text(pdf, tmp_path).split("\f")
    # (a location alone is the readings table's cell; the drying log names "Room 0 point 0, drywall")
    with_readings = [page for page in pages if re.search(r"Room \d+ point \d+(?!\d|,)", page)]
    assert len(with_readings) >= 4
    assert all("Drying goal" in page for page in with_readings)
    assert any("Room 0 point 0" in page for page in with_readings)
    assert any("Room 7 point 199" in page for page in with_readings)


def test_hostile_text_cannot_break_the_documents(tmp_path: Path) -> None:
    # Given findings whose text has control characters, a bidi override, a 3,000-character word,
    # a 30,000-character justification and characters the PDF font lacks
    findings = realistic_findings()
    word = "W" * 3000
    hostile = f"Bath\x00room\x0b \u202eevil\u202c | x\r\n{word}"
    category = findings.water_category
    assert category is not None
    findings = findings.model_copy(
        update={
            "affected_areas": [findings.affected_areas[0].model_copy(update={"room": hostile})],
            "water_category": category.model_copy(update={"justification": "because " * 3750}),
            "cause_of_loss": "\u6c34 leak \U0001f4a7 in \u0645\u0637\u0628\u062e",
        }
    )
    report = realistic_report(findings)
    # When it is rendered as Word and PDF
    word_document = _docx(render_docx(report))
    pdf = render_pdf(report)
    # Then Word holds the text without the unsafe characters, the long word in one cell
    room = _table(word_document, "Room", "Dimensions")[1][0]
    assert room == f"Bath room evil | x {word}"
    # And the PDF still renders to pages, the long cell cut short with a note, the unknown glyphs as "?"
    assert len(_to_png(pdf, tmp_path)) >= 3
    text = _pdf_text(pdf, tmp_path)
    assert "(cut short here;" in text
    assert "? leak ? in ????" in text
    # And Markdown keeps the table row on one line
    markdown = render_markdown(report)
    row = next(line for line in markdown.splitlines() if line.startswith("| Bath"))
    assert row.startswith("| Bath room evil \\| x WWW")


def test_importing_the_report_package_loads_neither_docx_nor_fpdf() -> None:
    # Given a fresh interpreter
    probe = "import sys, chalicelib.report; print(sorted({'docx', 'fpdf'} & set(sys.modules)))"
    # When it imports the report package
    output = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    ).stdout
    # Then python-docx and fpdf2 are still unloaded
    assert output.strip() == "[]"
    assert render_json  # the JSON renderer needs neither
