"""The report's content, planned once as neutral blocks that every renderer writes.

`build_document` turns a `Report` into a `ReportDocument`: a cover and a list of sections, each a
list of blocks (sub-headings, key-value lists, tables, paragraphs, bullet lists). The Markdown,
Word and PDF renderers only lay those blocks out, so what the report says is decided here alone.

Text in the blocks is plain, unescaped and may come from the notes: each renderer passes every
string through its format's function in `sanitize`, the one place text is made safe. A section
with nothing to show keeps its heading and says so in one line (`Paragraph(..., empty=True)`): an
adjuster must see that nothing was recorded, not wonder whether the section was forgotten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from chalicelib.analysis.findings import (
    AffectedArea,
    Classification,
    DamageType,
    EquipmentItem,
    Findings,
    MoistureReading,
    SafetyHazard,
    SourceSpan,
)
from chalicelib.analysis.qa import QaResult
from chalicelib.report.blocks import (
    Block,
    Bullets,
    Column,
    KeyValues,
    Paragraph,
    ReportDocument,
    Section,
    Subheading,
    Table,
)
from chalicelib.report.documentation_checklist import checklist_section
from chalicelib.report.drying_log import reading_points
from chalicelib.report.drying_sections import atmospheric_section, drying_log_section
from chalicelib.report.equipment_log_section import equipment_section, is_calculated
from chalicelib.report.job_locale import formatting_for
from chalicelib.report.line_items import coded_items
from chalicelib.report.parties_section import (
    claim_parties,
    contractor_parties,
    insured_contact,
    party_spans,
    running_line,
)
from chalicelib.report.review_sections import DRAFT_MARK, qa_section, signed_line, signoff_section
from chalicelib.report.sanitize import plain
from chalicelib.report.scope_section import scope_section
from chalicelib.report.template_layout import branding, laid_out
from chalicelib.report.wording import (
    CATEGORY,
    CLASS,
    CONDITION,
    DAMAGE_TYPE_LABELS,
    EQUIPMENT_LABELS,
    FIELD_LABELS,
    NONE,
    NOT_DETERMINED,
    SUBTITLES,
    Grade,
    areas_intro,
    count,
    day,
    dimensions,
    floor_area,
    grade_value,
    is_metric,
    number,
    qa_verdict,
    reading_place,
    sentence,
    sqft,
    standard_label,
    timestamp,
    unnamed_scale_note,
    where,
    with_source,
)

if TYPE_CHECKING:
    from chalicelib.report.render import Report


# --- the document ------------------------------------------------------------------------------


def build_document(report: Report) -> ReportDocument:
    """The document, worded in the job's units, date style and time zone (`job_locale`)."""
    with formatting_for(report.findings.locale):
        return _document(report)


def _document(report: Report) -> ReportDocument:
    findings = report.findings
    job = findings.job
    claim = job.claim_number.value if job.claim_number else None
    parties = findings.parties
    cover = KeyValues(
        (
            ("Claim number", claim or NOT_DETERMINED),
            *claim_parties(parties),
            ("Insured", job.insured.value if job.insured else NOT_DETERMINED),
            *insured_contact(parties),
            ("Property address", job.address.value if job.address else NOT_DETERMINED),
            ("Date of loss", day(job.date_of_loss.value) if job.date_of_loss else NOT_DETERMINED),
            (
                "Inspection date",
                day(job.inspection_date.value) if job.inspection_date else NOT_DETERMINED,
            ),
            *contractor_parties(report),
            ("Report generated", timestamp(report.generated_at)),
            ("Workflow", report.workflow_id),
            *signed_line(report.signature),
        )
    )
    footer_parts = [plain(running_line(report)), f"Workflow {plain(report.workflow_id)}"]
    if report.draft:
        footer_parts.insert(0, "DRAFT")
    subtitle = SUBTITLES.get(findings.damage_type) if findings.damage_type else None
    qa = qa_section(report.qa, report.review, draft=report.draft)
    # `findings.notes` and the equipment's caveats are the contractor's (the JSON keeps them):
    # no section of the insurer's documents prints them.
    planned = (
        _summary(findings, report.qa),
        _loss(findings),
        _classification(findings),
        _areas(findings.affected_areas, findings.damage_type),
        _moisture(findings.moisture_readings),
        drying_log_section(findings.moisture_readings),
        atmospheric_section(findings.atmospheric_readings),
        equipment_section(
            findings.equipment, findings.equipment_runs, reading_points(findings.moisture_readings)
        ),
        scope_section(coded_items(report.line_items, findings.scope_of_work)),
        _hazards(findings),
        # The checklist is written to the contractor: the reviewer's DRAFT prints it, the
        # report that goes out does not (the JSON carries it: `Report.documentation_gaps`).
        *((checklist_section(findings, photographed=bool(report.photos)),) if report.draft else ()),
        qa,
        _undetermined(findings.undetermined),
        _sources(findings),
    )
    # The template's sections, order and titles (a draft starts from QA, for its reviewer).
    layout = laid_out({section.key: section for section in planned}, report.template, draft=report.draft)
    sections = layout.sections
    if report.signature is not None:
        sections = (*sections, signoff_section(report.signature))
    colours = branding(report.template)
    return ReportDocument(
        title=plain(report.title) or (f"Claim {plain(claim)}" if claim else "Inspection report"),
        subtitle=subtitle or "Restoration inspection report",
        cover=cover,
        sections=sections,
        footer=" \u00b7 ".join(footer_parts),
        draft_mark=DRAFT_MARK if report.draft else None,
        header=plain(running_line(report)),
        logo=report.logo,
        primary_colour=colours.primary_colour,
        accent_colour=colours.accent_colour,
        photos_at=layout.photos_at,
        photos_title=layout.photos_title,
    )


def _empty(key: str, title: str, line: str) -> Section:
    return Section(key, title, (Paragraph(line, empty=True),))


def _summary(findings: Findings, qa: QaResult) -> Section:
    damage_type = DAMAGE_TYPE_LABELS[findings.damage_type] if findings.damage_type else NOT_DETERMINED
    items: list[tuple[str, str]] = [
        ("Loss type", damage_type),
        ("Cause of loss", findings.cause_of_loss or NOT_DETERMINED),
    ]
    for grade, classification in _grades(findings):
        items.append((grade.short, grade_value(grade, classification) if classification else NOT_DETERMINED))
    items += [
        ("Affected areas", _areas_summary(findings.affected_areas)),
        ("Moisture readings", _readings_summary(findings.moisture_readings)),
        ("Equipment", _equipment_summary(findings.equipment)),
        (
            "Scope of work",
            count(len(findings.scope_of_work), "line item") if findings.scope_of_work else "None recorded",
        ),
        ("QA", sentence(qa_verdict(qa))),
        ("Analyzer", f"{findings.analyzer} {findings.analyzer_version}"),
    ]
    return Section("summary", "Summary", (KeyValues(tuple(items)),))


def _areas_summary(areas: list[AffectedArea]) -> str:
    if not areas:
        return "None identified"
    metric = any(is_metric(area) for area in areas)
    parts = [count(len(areas), "area")]
    floor = [area.floor_area_sqft for area in areas if area.floor_area_sqft is not None]
    if floor:
        parts.append(f"{sqft(sum(floor), metric)} floor")
    wet = [area.wet_floor_sqft for area in areas if area.wet_floor_sqft is not None]
    if wet:
        parts.append(f"{sqft(sum(wet), metric)} wet floor")
    return ", ".join(parts)


def _readings_summary(readings: list[MoistureReading]) -> str:
    if not readings:
        return "None recorded"
    references = sum(reading.is_reference for reading in readings)
    measured = [reading for reading in readings if not reading.is_reference]
    dry = sum(reading.is_dry is True for reading in measured)
    wet = sum(reading.is_dry is False for reading in measured)
    unstated = len(measured) - dry - wet
    parts = [count(len(readings), "reading")]
    if references:
        parts.append(f"{references} dry-standard reference{'s' if references != 1 else ''}")
    if dry or wet:
        parts.append(f"{dry} dry, {wet} not dry" + (f", {unstated} not stated" if unstated else ""))
    elif measured:
        parts.append("dry or not dry not stated")
    dates = sorted({reading.taken_on for reading in readings if reading.taken_on is not None})
    if dates:
        span = day(dates[0]) if len(dates) == 1 else f"{day(dates[0])} to {day(dates[-1])}"
        parts.append(f"{span} ({count(len(dates), 'day')})")
    return sentence("; ".join(parts))


def _equipment_summary(equipment: list[EquipmentItem]) -> str:
    if not equipment:
        return "None calculated"
    parts = []
    for item in equipment:
        # The same one statement as the equipment section: placed, beside the calculation if any.
        noun = EQUIPMENT_LABELS[item.kind][1]
        placed = "placed not stated" if item.stated_quantity is None else f"{item.stated_quantity} placed"
        calculated = f"S500 calculation {item.quantity}" if is_calculated(item) else "not calculated"
        parts.append(f"{noun}: {placed} ({calculated})")
    return sentence("; ".join(parts))


def _loss(findings: Findings) -> Section:
    damage_type = DAMAGE_TYPE_LABELS[findings.damage_type] if findings.damage_type else NOT_DETERMINED
    cause = findings.cause_of_loss or NOT_DETERMINED
    items = (
        ("Loss type", with_source(damage_type, findings.damage_type_evidence)),
        ("Cause of loss", with_source(cause, findings.cause_of_loss_evidence)),
    )
    return Section("loss", "Cause and type of loss", (KeyValues(items),))


def _grades(findings: Findings) -> Iterator[tuple[Grade, Classification | None]]:
    """The classifications that apply: those found, and those the loss type calls for."""
    water = findings.damage_type is DamageType.WATER
    mould = findings.damage_type is DamageType.MOULD
    if findings.water_category is not None or water:
        yield CATEGORY, findings.water_category
    if findings.water_class is not None or water:
        yield CLASS, findings.water_class
    if findings.mould_condition is not None or mould:
        yield CONDITION, findings.mould_condition


def _classification(findings: Findings) -> Section:
    title = "Category, class and condition"
    grades = list(_grades(findings))
    if not grades:
        return _empty("classification", title, "No IICRC category, class or condition was determined.")
    blocks: list[Block] = []
    for grade, classification in grades:
        blocks.append(Subheading(grade.label))
        if classification is None:
            blocks.append(Paragraph(f"{NOT_DETERMINED}: the notes do not establish it.", empty=True))
            continue
        blocks.append(
            KeyValues(
                (
                    ("Rating", grade_value(grade, classification)),
                    ("Standard", standard_label(classification.standard)),
                    ("Justification", classification.justification or NOT_DETERMINED),
                )
            )
        )
        if classification.evidence:
            blocks.append(Paragraph("Evidence in the notes:"))
            evidence = (
                f"{sentence(where(span))}: \u201c{span.text}\u201d" for span in classification.evidence
            )
            blocks.append(Bullets(tuple(evidence)))
        else:
            blocks.append(Paragraph("No line of the notes is cited as evidence.", empty=True))
    return Section("classification", title, tuple(blocks))


def _wet_walls(area: AffectedArea) -> str:
    shown = sqft(area.wet_wall_sqft, is_metric(area))
    if area.wall_insets_offsets:
        suffix = count(area.wall_insets_offsets, "inset/offset", "insets/offsets")
        return suffix if shown == NONE else f"{shown}; {suffix}"
    return shown


AREA_COLUMNS = (
    Column("Room", 1.3),
    Column("Dimensions", 1.7),
    Column("Floor area", 1.1, "right"),
    Column("Wet floor", 1.1, "right"),
    Column("Wet walls", 1.2, "right"),
    Column("Wet ceiling", 1.0, "right"),
    Column("Materials", 1.6),
    Column("Source", 1.1),
)


def _area_row(area: AffectedArea) -> tuple[str, ...]:
    metric = is_metric(area)
    return (
        area.room,
        dimensions(area),
        floor_area(area),
        sqft(area.wet_floor_sqft, metric),
        _wet_walls(area),
        sqft(area.wet_ceiling_sqft, metric),
        ", ".join(area.materials) or NONE,
        where(area.source),
    )


# The wet floor, walls and ceiling columns (AREA_COLUMNS[3:6])
_WET = slice(3, 6)


Cell = TypeVar("Cell")


def _without_wet(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    return cells[: _WET.start] + cells[_WET.stop :]


def _areas(areas: list[AffectedArea], damage: DamageType | None) -> Section:
    """The affected rooms. A smoke or mould job where no room has a wet extent leaves the three
    empty wet columns and the wet-wall rule out: a fire report read "wet wall area is above 2 ft,
    the height the S500 air-mover formula leaves out" over rooms of soot. A water job keeps them
    empty: the missing extent is worth seeing."""
    title = "Affected areas"
    if not areas:
        return _empty("affected-areas", title, "No affected areas were identified in the notes.")
    wet = damage == DamageType.WATER or any(
        area.wet_floor_sqft or area.wet_wall_sqft or area.wet_ceiling_sqft or area.wall_insets_offsets
        for area in areas
    )
    intro = Paragraph(areas_intro(wet_walls=wet))
    rows = tuple(map(_area_row, areas))
    if wet:
        return Section("affected-areas", title, (intro, Table(AREA_COLUMNS, rows)))
    table = Table(_without_wet(AREA_COLUMNS), tuple(_without_wet(row) for row in rows))
    return Section("affected-areas", title, (intro, table))


def _on_scale(value: float | None, unit: str) -> str:
    return NONE if value is None else f"{number(value)} {unit}"


def _dry_state(reading: MoistureReading) -> str:
    if reading.is_reference:
        return "Reference"
    return {True: "Yes", False: "No", None: NONE}[reading.is_dry]


def _reading_columns(with_meter: bool) -> tuple[Column, ...]:
    columns = [
        Column("Location", 1.5),
        Column("Material", 1.1),
        Column("Reading", 0.9, "right"),
        Column("Dry standard", 0.9, "right"),
        Column("Drying goal", 0.9, "right"),
        Column("Dry?", 0.95),
        Column("Date", 1.0),
    ]
    if with_meter:
        columns.append(Column("Meter", 1.2))
    columns.append(Column("Source", 1.1))
    return tuple(columns)


def _reading_row(reading: MoistureReading, with_meter: bool) -> tuple[str, ...]:
    cells = [
        reading_place(reading.location, reading.point),
        reading.material or NONE,
        _on_scale(reading.value, reading.unit),
        _on_scale(reading.dry_standard, reading.unit),
        _on_scale(reading.drying_goal, reading.unit),
        _dry_state(reading),
        day(reading.taken_on) if reading.taken_on else NONE,
    ]
    if with_meter:
        cells.append(reading.meter or NONE)
    cells.append(where(reading.source))
    return tuple(cells)


def _moisture(readings: list[MoistureReading]) -> Section:
    title = "Moisture readings and drying goals"
    if not readings:
        return _empty("moisture-readings", title, "No moisture readings were recorded in the notes.")
    with_meter = any(reading.meter for reading in readings)
    table = Table(
        _reading_columns(with_meter), tuple(_reading_row(reading, with_meter) for reading in readings)
    )
    summary = Paragraph(sentence(_readings_summary(readings)) + ".")
    note = unnamed_scale_note(reading.unit for reading in readings)
    blocks: tuple[Block, ...] = (summary, table) if note is None else (summary, table, Paragraph(note))
    return Section("moisture-readings", title, blocks)


def _hazard_kind(hazard: SafetyHazard) -> str:
    """ "Electrical: " when the analyzer recognised the kind of hazard (a later Findings field)."""
    kind: object = getattr(hazard, "kind", None)
    if kind is None or str(kind) == "other":
        return ""
    label = sentence(str(kind).replace("_", "/")) + ": "
    # ("Electrical: the receptacle ...", "Slip / trip: ...": the description may carry the label
    # itself, as written or as the analyzer wrote it; spaces around the slash are the writer's)
    described = re.sub(r"\s*/\s*", "/", hazard.description[: len(label) + 4]).lower()
    return "" if described.startswith(label.lower()) else label


def _hazards(findings: Findings) -> Section:
    title = "Safety hazards"
    if not findings.safety_hazards:
        return _empty("safety-hazards", title, "No safety hazards were recorded in the notes.")
    items = tuple(
        f"{_hazard_kind(hazard)}{hazard.description} ({where(hazard.source)})"
        for hazard in findings.safety_hazards
    )
    return Section("safety-hazards", title, (Bullets(items),))


def _undetermined(undetermined: list[str]) -> Section:
    title = "Not determined"
    if not undetermined:
        return _empty("undetermined", title, "Every field was determined from the notes.")
    intro = Paragraph("The notes did not establish these; they were left blank rather than guessed.")
    labels = tuple(FIELD_LABELS.get(name, name) for name in undetermined)
    return Section("undetermined", title, (intro, Bullets(labels)))


def _cited_spans(findings: Findings) -> Iterable[tuple[str, SourceSpan]]:
    job = findings.job
    for label, fact in (
        ("claim number", job.claim_number),
        ("insured", job.insured),
        ("address", job.address),
        ("date of loss", job.date_of_loss),
        ("inspection date", job.inspection_date),
    ):
        if fact is not None:
            yield label, fact.source
    for label, party in party_spans(findings.parties):
        yield label, party.source
    if findings.damage_type_evidence is not None:
        yield "loss type", findings.damage_type_evidence
    if findings.cause_of_loss_evidence is not None:
        yield "cause of loss", findings.cause_of_loss_evidence
    for grade, classification in _grades(findings):
        for span in classification.evidence if classification else ():
            yield grade.short.lower(), span
    for area in findings.affected_areas:
        yield f"area {area.room}", area.source
    for reading in findings.moisture_readings:
        yield "moisture reading", reading.source
    for atmospheric in findings.atmospheric_readings:
        yield "atmospheric reading", atmospheric.source
    for item in findings.equipment:
        if item.source is not None:
            yield EQUIPMENT_LABELS[item.kind][0].lower(), item.source
    for scope in findings.scope_of_work:
        yield "scope of work", scope.source
    for hazard in findings.safety_hazards:
        yield "safety hazard", hazard.source


SOURCE_COLUMNS = (Column("Where", 1.1), Column("Cited for", 1.8), Column("Line as written", 4.3))


def _sources(findings: Findings) -> Section:
    cited: dict[tuple[int, int], tuple[SourceSpan, list[str]]] = {}
    for fact, span in _cited_spans(findings):
        if span.line is None:
            continue  # entered on review: not a line of the notes
        _, facts = cited.setdefault((span.page or 0, span.line), (span, []))
        if fact not in facts:
            facts.append(fact)
    if not cited:
        return _empty("sources", "Sources", "No line of the notes was cited.")
    rows = tuple(
        (sentence(where(span)), "; ".join(facts), f"\u201c{span.text}\u201d")
        for _, (span, facts) in sorted(cited.items())
    )
    intro = Paragraph("Every line of the notes the findings rest on, as written.")
    return Section("sources", "Sources", (intro, Table(SOURCE_COLUMNS, rows)))
