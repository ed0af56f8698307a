"""The report renders as camelCase JSON and as Markdown an insurer can read, citing its sources."""

from __future__ import annotations

import json

from chalicelib.analysis import (
    AffectedArea,
    DamageType,
    Findings,
    LengthUnit,
    MoistureReading,
    SourceSpan,
    analyze_text,
    check_findings,
)
from chalicelib.report import Report, render_json, render_markdown

from .test_offline_analyzer import BURST_SUPPLY_LINE, NOTHING_DETERMINABLE


def _report(findings: Findings, title: str = "12 Smith St - burst flexi hose") -> Report:
    return Report(
        workflow_id="wf-123",
        title=title,
        generated_at="2025-03-04T05:06:07Z",
        findings=findings,
        qa=check_findings(findings),
    )


def _table_rows(markdown: str, header: str) -> list[str]:
    lines = markdown.splitlines()
    start = lines.index(header) + 2  # skip the header and its --- row
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def _unescaped_pipes(row: str) -> int:
    return row.replace("\\|", "").count("|")


def test_json_is_camel_case_and_round_trips() -> None:
    # Given a report of analysed notes
    report = _report(analyze_text(BURST_SUPPLY_LINE))
    # When it is rendered as JSON
    rendered = render_json(report)
    # Then the keys are camelCase and the text reads back to the same report
    data = json.loads(rendered)
    assert {"workflowId", "title", "generatedAt", "findings", "qa"} == set(data)
    assert data["findings"]["affectedAreas"][0]["lengthFt"] == 12.0
    assert data["findings"]["damageTypeEvidence"]["line"] == 4
    assert rendered.startswith('{\n  "workflowId"')
    assert Report.model_validate_json(rendered) == report


def test_markdown_has_summary_tables_qa_and_sources() -> None:
    # Given a report of the burst supply line
    markdown = render_markdown(_report(analyze_text(BURST_SUPPLY_LINE)))
    # When it is rendered as Markdown
    # Then the summary gives the type and cause with their lines
    assert markdown.startswith("# 12 Smith St - burst flexi hose\n")
    assert "- **Damage type:** Water (line 4)" in markdown
    assert "- **Cause of loss:** burst flexi hose under kitchen sink (cold supply line)" in markdown
    # And the areas table has one row per room with converted dimensions
    area_rows = _table_rows(markdown, "| Room | Dimensions | Floor area | Materials | Source |")
    assert area_rows == [
        "| Kitchen | 12 \u00d7 14 ft | 168 sq ft | vinyl plank, particleboard, cabinets, drywall | line 6 |",
        "| Hallway | 11.5 \u00d7 3.9 ft (measured in m) | 45.2 sq ft | carpet, underlay | line 9 |",
        "| Dining room | 10 \u00d7 12 ft | 120 sq ft | hardwood floor | line 11 |",
    ]
    # And the readings table has every reading
    reading_rows = _table_rows(markdown, "| Location | Material | Reading | Source |")
    assert len(reading_rows) == 7
    assert reading_rows[0] == "| Kitchen | drywall | 32 %MC | line 7 |"
    # And QA, the undetermined fields and the cited lines have their sections
    assert "## QA findings\n\nQA passed (0 errors, 0 warnings, 0 info).\n\nNo issues found." in markdown
    assert "## Not determined\n\nEvery field was determined from the notes." in markdown
    assert "- Line 3 (cause of loss): \u201cCause: burst flexi hose under kitchen sink" in markdown
    assert "- Line 13 (moisture reading): \u201cOutside RH 65%, GPP 78\u201d" in markdown


def test_markdown_lists_what_was_not_determined_and_failed_qa() -> None:
    # Given a report of notes with nothing determinable
    markdown = render_markdown(_report(analyze_text(NOTHING_DETERMINABLE)))
    # When it is rendered as Markdown
    # Then nothing is presented as known, and the QA errors are listed
    assert "- **Damage type:** Not determined" in markdown
    assert "No affected areas were identified in the notes." in markdown
    assert "- **Error** `DAMAGE_TYPE_MISSING` (`damageType`):" in markdown
    assert "QA not passed (2 errors, 1 warning, 0 info)." in markdown
    assert "- Damage type\n- Cause of loss\n- Affected areas\n- Moisture readings" in markdown


def test_user_text_cannot_break_the_tables() -> None:
    # Given findings whose room, material and location contain pipes, newlines and markup
    span = SourceSpan(line=2, text="Bath | Laundry\nupstairs", page=3)
    findings = Findings(
        damage_type=DamageType.WATER,
        damage_type_evidence=span,
        cause_of_loss="leak | unknown\nsource",
        affected_areas=[
            AffectedArea(
                room="Bath | Laundry\nupstairs",
                length_ft=3.3,
                width_ft=6.6,
                floor_area_sqft=21.8,
                original_unit=LengthUnit.METRES,
                materials=["tile|grout", "*vinyl*"],
                source=span,
            )
        ],
        moisture_readings=[
            MoistureReading(
                location="wall | 1", material="drywall\r\n| x |", value=18.5, unit="%", source=span
            )
        ],
        analyzer_version="test",
    )
    # When the report is rendered as Markdown
    markdown = render_markdown(_report(findings, title="Claim #9 | <b>urgent</b>"))
    # Then each row keeps its cells, the `|` escaped and the newline folded
    (area_row,) = _table_rows(markdown, "| Room | Dimensions | Floor area | Materials | Source |")
    assert area_row == (
        "| Bath \\| Laundry upstairs | 3.3 \u00d7 6.6 ft (measured in m) | 21.8 sq ft "
        "| tile\\|grout, \\*vinyl\\* | p. 3, line 2 |"
    )
    assert _unescaped_pipes(area_row) == 6
    (reading_row,) = _table_rows(markdown, "| Location | Material | Reading | Source |")
    assert reading_row == "| wall \\| 1 | drywall \\| x \\| | 18.5 % (scale not stated) | p. 3, line 2 |"
    assert _unescaped_pipes(reading_row) == 5
    # And the title and summary are escaped too
    assert markdown.startswith("# Claim #9 \\| \\<b\\>urgent\\</b\\>\n")
    assert "- **Cause of loss:** leak \\| unknown source" in markdown
