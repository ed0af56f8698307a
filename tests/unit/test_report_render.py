"""The report renders as camelCase JSON and as Markdown an insurer can read, citing its sources."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

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
from chalicelib.analysis.findings import HazardKind, SafetyHazard, StandardRef
from chalicelib.analysis.qa import QaResult
from chalicelib.core.models import QaOverride, Review, ReviewReason
from chalicelib.report import Report, render_json, render_markdown
from chalicelib.report.render import report_line_items

from .test_offline_analyzer import BURST_SUPPLY_LINE, NOTHING_DETERMINABLE
from .test_report_documents import realistic_report


def _report(findings: Findings, title: str = "12 Smith St - burst flexi hose") -> Report:
    return Report(
        workflow_id="wf-123",
        title=title,
        generated_at="2025-03-04T05:06:07Z",
        findings=findings,
        qa=check_findings(findings),
    )


def _verdict(qa: QaResult) -> str:
    counts = [sum(1 for i in qa.issues if i.severity == level) for level in ("error", "warning", "info")]
    plural = ["error" if counts[0] == 1 else "errors", "warning" if counts[1] == 1 else "warnings"]
    state = "QA passed" if qa.passed else "QA not passed"
    return f"{state} ({counts[0]} {plural[0]}, {counts[1]} {plural[1]}, {counts[2]} info)."


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
    keys = {
        "workflowId",
        "title",
        "generatedAt",
        "findings",
        "qa",
        "draft",
        "review",
        "signature",
        "lineItems",
        "documentationGaps",
    }
    assert keys | {"photos", "photoCaptions", "company"} == set(data)
    assert data["photos"] == [] and data["photoCaptions"] == []
    assert data["draft"] is False and data["review"] is None and data["signature"] is None
    assert data["findings"]["affectedAreas"][0]["lengthFt"] == 12.0
    assert data["findings"]["damageTypeEvidence"]["line"] == 4
    assert rendered.startswith('{\n  "workflowId"')
    # (with the line items coded and the documentation gaps, as the JSON carries them)
    assert data["documentationGaps"][-1] == {
        "missing": "No photos recorded.",
        "add": "Add photos of each affected room, of each reading point and before any demolition, "
        "with the time taken.",
    }
    gaps = Report.model_validate_json(rendered).documentation_gaps
    assert Report.model_validate_json(rendered) == report.model_copy(
        update={"line_items": report_line_items(report), "documentation_gaps": gaps}
    )


AREA_HEADER = "| Room | Dimensions | Floor area | Wet floor | Wet walls | Wet ceiling | Materials | Source |"
READING_HEADER = "| Location | Material | Reading | Dry standard | Drying goal | Dry? | Date | Source |"
SECTIONS = [
    "## Summary",
    "## Cause and type of loss",
    "## Category, class and condition",
    "## Affected areas",
    "## Moisture readings and drying goals",
    "## Drying log",
    "## Atmospheric log",
    "## Equipment",
    "## Scope of work",
    "## Safety hazards",
    "## QA findings",
    "## Not determined",
    "## Sources",
]


def _headings(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("## ")]


def test_markdown_has_summary_tables_qa_and_sources() -> None:
    # Given a report of the burst supply line
    report = _report(analyze_text(BURST_SUPPLY_LINE))
    markdown = render_markdown(report)
    # When it is rendered as Markdown
    # Then the cover and every section are there, in order
    assert markdown.startswith("# 12 Smith St - burst flexi hose\n\nWater damage inspection report\n")
    assert "- **Workflow:** wf-123" in markdown
    assert "- **Report generated:** 4 Mar 2025 05:06 UTC" in markdown
    assert _headings(markdown) == SECTIONS
    # And the type and cause cite their lines
    assert "- **Loss type:** Water (line 4)" in markdown
    assert "- **Cause of loss:** burst flexi hose under kitchen sink (cold supply line)" in markdown
    # And the areas table has one row per room, metric rooms in m as well as ft
    assert _table_rows(markdown, AREA_HEADER) == [
        # wicking 30 cm: no wet wall above 2 ft, which S500's wall formula counts
        "| Kitchen | 12 \u00d7 14 ft | 168 sq ft | \u2014 | 0 sq ft | \u2014 "
        "| vinyl plank, cabinets, drywall | line 6 |",
        "| Hallway | 11.5 \u00d7 3.9 ft (3.5 \u00d7 1.2 m) | 45.2 sq ft (4.2 m\u00b2) | \u2014 | \u2014 "
        "| \u2014 | carpet, underlay | line 9 |",
        "| Dining room | 10 \u00d7 12 ft | 120 sq ft | \u2014 | \u2014 | \u2014 | hardwood floor | line 11 |",
    ]
    # And the readings table has every moisture reading (outside RH/GPP are atmospheric)
    reading_rows = _table_rows(markdown, READING_HEADER)
    assert len(reading_rows) == 5
    # ... with the dry standard from the unaffected room, the drying goal and the day it was read
    assert reading_rows[0] == "| Kitchen | drywall | 32 %MC | 9 %MC | 13 %MC | No | 3 Mar 2024 | line 7 |"
    # And the sections with nothing recorded say so
    assert "## Safety hazards\n\nNo safety hazards were recorded in the notes." in markdown
    # And the equipment the class (judged from the wet carpet and underlay) sizes shows its formula
    # (notes that show no country cite the configured edition without calling the job American)
    assert (
        "| Dehumidifier | Not stated | Calculated 2: IICRC S500-2015 (job's country not determined)"
        " dehumidification" in markdown
    )
    # And QA, the undetermined fields and the cited lines have their sections
    assert f"## QA findings\n\n{_verdict(report.qa)}" in markdown
    assert "rather than guessed.\n\n- Claim number\n- Insured\n- Date of loss\n\n" in markdown
    cause_row = "| Line 3 | cause of loss; water category | \u201cCause: burst flexi hose under kitchen sink"
    assert cause_row in markdown
    assert "| Line 13 | atmospheric reading | \u201cOutside RH 65%, GPP 78\u201d |" in markdown


def test_markdown_lists_what_was_not_determined_and_failed_qa() -> None:
    # Given a report of notes with nothing determinable
    markdown = render_markdown(_report(analyze_text(NOTHING_DETERMINABLE)))
    # When it is rendered as Markdown
    # Then nothing is presented as known, and every section is still there
    assert _headings(markdown) == SECTIONS
    assert "- **Loss type:** Not determined" in markdown
    assert "- **Claim number:** Not determined" in markdown
    assert "No affected areas were identified in the notes." in markdown
    assert (
        "## Category, class and condition\n\nNo IICRC category, class or condition was determined."
        in markdown
    )
    # And the QA errors are a table in words, without our rule codes and JSON paths (the insurer's)
    assert "QA not passed (2 errors, " in markdown
    qa_rows = _table_rows(markdown, "| Severity | Finding | Standard |")
    assert qa_rows[0].startswith("| Error | The notes do not say")
    assert "DAMAGE_TYPE_MISSING" not in markdown and "`damageType`" not in markdown
    # ... while the reviewer's DRAFT keeps both, to override an error by them
    draft = render_markdown(_report(analyze_text(NOTHING_DETERMINABLE)).model_copy(update={"draft": True}))
    draft_rows = _table_rows(draft, "| Severity | Code | Field | Finding | Standard |")
    assert draft_rows[0].startswith("| Error | `DAMAGE_TYPE_MISSING` | `damageType` | The notes do not say")
    assert "- Loss type\n- Cause of loss\n- Affected areas\n- Moisture readings" in markdown
    assert "## Sources\n\nNo line of the notes was cited." in markdown


def test_markdown_has_classification_equipment_scope_and_every_cited_line() -> None:
    # Given a fully analysed Category 2 overflow, its QA issues naming their standard
    report = realistic_report()
    cited = StandardRef(standard="IICRC S500", edition="2021", section="12.2")
    issues = [issue.model_copy(update={"standard": cited}) for issue in report.qa.issues]
    report = report.model_copy(update={"qa": report.qa.model_copy(update={"issues": issues})})
    # When it is rendered as Markdown
    markdown = render_markdown(report)
    # Then the cover has the job facts, unicode intact
    assert "- **Claim number:** CLM-2024-004471\n" in markdown
    assert "- **Insured:** Nguy\u1ec5n Th\u1ecb Zo\u00eb\n" in markdown
    # And category and class come with their rating, standard, justification and evidence lines
    assert (
        "### Water category (IICRC S500)\n\n"
        "- **Rating:** Category 2 \u2014 grey water, significant contamination\n"
        "- **Standard:** IICRC S500-2021, section 10.5\n"
        "- **Justification:** Washing machine discharge carries detergent and soil"
    ) in markdown
    assert "Evidence in the notes:\n\n- P. 1, line 7: \u201cLaundry 2.4 x 1.8 m" in markdown
    # And readings show dry standard, drying goal, dry state, date and meter
    reading_rows = _table_rows(markdown, READING_HEADER.replace("| Source |", "| Meter | Source |"))
    assert reading_rows[1] == (
        "| Hallway north wall | drywall | 32 %MC | 9 %MC | 13 %MC | No | 3 Mar 2024 "
        "| Protimeter Mini, wood scale | p. 1, line 12 |"
    )
    # And atmospheric readings show °F with °C
    assert "| affected | 75.2 \u00b0F (24.0 \u00b0C) | 68% | 88 | 63.8 \u00b0F (17.7 \u00b0C) |" in markdown
    # And equipment shows the calculation and the placed quantity against it
    equipment = _table_rows(markdown, "| Equipment | Placed (notes) | S500 calculation | Standard | Source |")
    assert equipment[0].startswith(
        "| Air mover | 4 (2 fewer than calculated) | Calculated 6: 2 rooms + ceil(95.5 sq ft wet floor / 70)"
    )
    assert equipment[1].startswith("| Dehumidifier | 1 (as calculated) | Calculated 1: 760 cu ft / 40")
    # And scope, hazards, QA with its standard, notes and sources are listed
    assert _table_rows(markdown, "| \\# | Action | Description | Room | Quantity | Unit | Code | Source |")[
        0
    ] == (
        "| 1 | \u2014 | Remove and dispose of wet carpet cushion (Cat 2) | Hallway | 49 | ft\u00b2 "
        "| `WATER PAD-RMV` | p. 1, line 9 |"
    )
    assert "- Power board on wet floor in laundry (p. 1, line 7)" in markdown
    assert "| Warning | Particleboard has no dry standard" in markdown
    assert markdown.count("| IICRC S500-2021, section 12.2 |") == 2
    # (the notes are the contractor's: the JSON has them, the insurer's Markdown does not)
    assert "Produced by the offline analyzer because Claude was unavailable" not in markdown
    sources = _table_rows(markdown, "| Where | Cited for | Line as written |")
    assert sources[3] == (
        "| P. 1, line 4 | loss type; cause of loss; water category "
        "| \u201cCause: washing machine hose split, grey water over laundry and hall floor.\u201d |"
    )
    assert sources[-1] == "| P. 3, line 14 | moisture reading | \u201cDay 3: hall N wall 12%MC\u201d |"


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
    (area_row,) = _table_rows(markdown, AREA_HEADER)
    assert area_row == (
        "| Bath \\| Laundry upstairs | 3.3 \u00d7 6.6 ft (1 \u00d7 2 m) | 21.8 sq ft (2.03 m\u00b2) "
        "| \u2014 | \u2014 | \u2014 | tile\\|grout, \\*vinyl\\* | p. 3, line 2 |"
    )
    assert _unescaped_pipes(area_row) == 9
    (reading_row,) = _table_rows(markdown, READING_HEADER)
    assert reading_row == (
        "| wall \\| 1 | drywall \\| x \\| | 18.5 % | \u2014 | \u2014 | \u2014 | \u2014 | p. 3, line 2 |"
    )
    assert _unescaped_pipes(reading_row) == 9
    # And the title and summary are escaped too
    assert markdown.startswith("# Claim #9 \\| &lt;b&gt;urgent&lt;/b&gt;\n")
    assert "- **Cause of loss:** leak \\| unknown source" in markdown


def test_text_that_looks_like_markdown_blocks_stays_text() -> None:
    # Given findings whose cause, undetermined fields and hazards start like a heading, a list or a quote
    span = SourceSpan(line=1, text="> quoted")
    findings = Findings(
        cause_of_loss="# not a heading",
        safety_hazards=[SafetyHazard(description="- not a sub-list", source=span)],
        undetermined=["1. not an ordered list", "+ plus", "2024.03.03 is a date, not a list", "#hashtag"],
        analyzer_version="test",
    )
    # When the report is rendered as Markdown
    markdown = render_markdown(_report(findings))
    # Then each is escaped only where Markdown would read it as a block
    assert "- **Cause of loss:** \\# not a heading" in markdown
    assert "- \\- not a sub-list (line 1)" in markdown
    assert (
        "- 1\\. not an ordered list\n- \\+ plus\n- 2024.03.03 is a date, not a list\n- #hashtag" in markdown
    )
    assert "| Line 1 | safety hazard | \u201c&gt; quoted\u201d |" in markdown


def test_the_configurations_caveats_are_the_contractors_not_the_insurers() -> None:
    # Given a job whose dehumidifier calculation uses factors with no firm public source (LGR)
    notes = (
        "Kitchen 4.0 x 3.5 m, vinyl floor wet over 6 m2, plasterboard wicking to 150 mm. Class 2.\n"
        "Equipment: 2 air movers, 1 LGR dehumidifier placed 04/11.\n"
    )
    findings = analyze_text(notes)
    dehumidifier = next(item for item in findings.equipment if item.kind == "dehumidifier")
    # When the report is rendered
    report = _report(findings)
    markdown = render_markdown(report)
    # Then the caveat is in the JSON for the contractor, and in no document the insurer reads
    assert any("no firm public source" in caveat for caveat in dehumidifier.caveats)
    assert "no firm public source" not in dehumidifier.calculation
    assert "no firm public source" not in markdown
    assert "no firm public source" in render_json(report)


UNNAMED_SCALE_NOTE = (
    "Readings shown as % are on the meter's own percentage scale as the notes give them, not"
    " stated as %MC or WME."
)


def _readings_report(*units: str) -> str:
    span = SourceSpan(line=4, text="Hall wall 22 then 14")
    readings = [
        MoistureReading(
            location="Hall", material="drywall", value=value, unit=unit, taken_on=day, source=span
        )
        for unit in units
        for value, day in ((22, date(2026, 11, 2)), (14, date(2026, 11, 4)))
    ]
    findings = Findings(damage_type=DamageType.WATER, moisture_readings=readings, analyzer_version="test")
    return render_markdown(_report(findings))


def test_a_percentage_with_no_named_scale_is_said_once_under_each_table_not_in_every_cell() -> None:
    # Given readings written as bare percentages
    markdown = _readings_report("%")
    # Then the cells print the number and "%" only
    assert "22 % (scale" not in markdown and "| 22 % |" in markdown
    # And the moisture table and the drying log each say once that the scale is not named
    assert markdown.count(UNNAMED_SCALE_NOTE) == 2


def test_readings_on_a_named_scale_carry_no_scale_note() -> None:
    markdown = _readings_report("%MC", "WME")
    assert "| 22 %MC |" in markdown and "| 14 WME |" in markdown
    assert UNNAMED_SCALE_NOTE not in markdown


def _areas_markdown(**wet: float) -> str:
    span = SourceSpan(line=5, text="Hall: heavy soot on walls and ceiling")
    area = AffectedArea(room="Hall", length_ft=15.7, width_ft=3.9, materials=["paint"], source=span, **wet)
    findings = Findings(damage_type=DamageType.FIRE_SMOKE, affected_areas=[area], analyzer_version="test")
    return render_markdown(_report(findings))


def test_rooms_with_no_wet_extent_print_no_wet_columns_or_wet_wall_rule() -> None:
    # Given a smoke job's room with no wet floor, walls or ceiling
    markdown = _areas_markdown()
    # Then its table has no wet columns and the intro no wet-wall rule
    assert "| Room | Dimensions | Floor area | Materials | Source |" in markdown
    assert "Wet floor" not in markdown and "wet wall area" not in markdown


def test_a_room_with_a_wet_extent_keeps_the_wet_columns_and_rule() -> None:
    markdown = _areas_markdown(wet_floor_sqft=20.0)
    assert (
        "| Room | Dimensions | Floor area | Wet floor | Wet walls | Wet ceiling | Materials | Source |"
        in markdown
    )
    assert "wet wall area is above 2 ft" in markdown


def test_the_final_report_words_the_errors_a_reviewer_let_stand_and_the_draft_codes_them() -> None:
    # Given notes with nothing determinable, reviewed: every error let stand with a reason
    report = _report(analyze_text(NOTHING_DETERMINABLE))
    errors = [issue for issue in report.qa.issues if issue.severity == "error"]
    overrides = [
        QaOverride(code=issue.code, reason=f"Confirmed by phone, item {n}") for n, issue in enumerate(errors)
    ]
    review = Review(
        reason=ReviewReason.QA_ERRORS,
        requested_at=datetime(2025, 3, 4, 5, 6, tzinfo=UTC),
        approved_by="user-1",
        approved_at=datetime(2025, 3, 4, 6, 0, tzinfo=UTC),
        overrides=overrides,
    )
    reviewed = report.model_copy(update={"review": review})
    # When the final report and the reviewer's draft are rendered
    final = render_markdown(reviewed)
    draft = render_markdown(reviewed.model_copy(update={"draft": True}))
    # Then the final report says each error in QA's words beside the reason, no rule codes
    rows = _table_rows(final, "| Finding | Reviewer's reason |")
    assert rows == [f"| {issue.message} | Confirmed by phone, item {n} |" for n, issue in enumerate(errors)]
    assert not any(issue.code in final for issue in errors)
    # ... and the draft keeps the codes the reviewer overrides by
    assert _table_rows(draft, "| Code | Field | Reviewer's reason |")[0].startswith(f"| `{errors[0].code}` |")


def test_the_documentation_checklist_is_the_contractors_the_draft_prints_it_the_final_does_not() -> None:
    # Given a report of notes that lack photos and a claim number
    report = _report(analyze_text(BURST_SUPPLY_LINE))
    # When the report that goes out and the reviewer's DRAFT are rendered
    final = render_markdown(report)
    draft = render_markdown(report.model_copy(update={"draft": True}))
    # Then only the DRAFT prints the checklist, written to the contractor
    assert "## Documentation checklist" not in final and "No photos recorded." not in final
    assert "## Documentation checklist" in draft and "No photos recorded." in draft
    # And the JSON carries the same gaps for the contractor
    gaps = json.loads(render_json(report))["documentationGaps"]
    assert {"missing": "No photos recorded."}.items() <= gaps[-1].items()


def test_a_hazard_described_with_its_own_kind_label_is_not_labelled_twice() -> None:
    # Given hazards whose descriptions already begin with their kind, written with or without
    # spaces around the slash, and one that does not
    span = SourceSpan(line=4, text="Hazards: wet tiles by the door; downlights isolated")
    findings = Findings(
        safety_hazards=[
            SafetyHazard(
                description="Slip/trip: wet tiles by the door", kind=HazardKind.SLIP_TRIP, source=span
            ),
            SafetyHazard(description="Slip / Trip: taped leads", kind=HazardKind.SLIP_TRIP, source=span),
            SafetyHazard(description="Downlights isolated", kind=HazardKind.ELECTRICAL, source=span),
        ],
        analyzer_version="test",
    )
    # When the report is rendered as Markdown
    markdown = render_markdown(_report(findings))
    # Then each kind is named once, in front of a description that lacks it
    assert "\n- Slip/trip: wet tiles by the door (line 4)\n" in markdown
    assert "\n- Slip / Trip: taped leads (line 4)\n" in markdown
    assert "\n- Electrical: Downlights isolated (line 4)\n" in markdown
