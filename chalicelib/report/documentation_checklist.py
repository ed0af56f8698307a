"""What an insurer's desk reviewer will ask for that this job's findings lack, each with what to
add. Payment is cut for missing documentation more often than for the work itself (no reading
proving dry, no dry standard, demolition without a reading or a photo, equipment with no end),
so the contractor sees the gaps before the adjuster finds them. Derived from the findings and
whether photos were received.

Written to the contractor ("add ..."), so it is theirs, like the QA list: the report's JSON
carries it (`documentationGaps`) and the reviewer's DRAFT prints it; the report that goes out
does not (ADR 0006): a list of what the notes lack, in the contractor's voice, is no fact for an
insurer, and what could not be determined is already said in the report's own words.
"""

from __future__ import annotations

from collections.abc import Iterator

from chalicelib.analysis.findings import CamelModel, DamageType, EquipmentKind, Findings, ScopeItem
from chalicelib.report.blocks import Column, Paragraph, Section, Table
from chalicelib.report.drying_log import reading_points
from chalicelib.report.drying_sections import point_name
from chalicelib.report.wording import EQUIPMENT_LABELS, count, day, where

# Scope actions that take material out: each needs a reading (and a photo) that justified it.
_DEMOLITION = ("remove", "demo", "cut", "tear", "strip", "dispose", "discard", "pull")


_NAMES_SHOWN = 5


class DocumentationGap(CamelModel):
    """One thing a desk review will ask for, and what to add."""

    missing: str
    add: str


def _gap(missing: str, add: str) -> DocumentationGap:
    return DocumentationGap(missing=missing, add=add)


def _job_gaps(findings: Findings) -> Iterator[DocumentationGap]:
    job = findings.job
    if job.claim_number is None:
        yield _gap("No claim number.", "Add the insurer's claim number to the job details.")
    if job.date_of_loss is None:
        yield _gap("No date of loss.", "Add the date the loss happened (or was discovered).")
    if findings.cause_of_loss is None:
        yield _gap("No cause of loss.", "Add what caused the loss and where it came from.")
    water = findings.damage_type is DamageType.WATER
    if water and (findings.water_category is None or findings.water_class is None):
        yield _gap(
            "No IICRC S500 category or class.",
            "Add the water category and class, with what they were judged from.",
        )


def _reading_gaps(findings: Findings) -> Iterator[DocumentationGap]:
    measured = [reading for reading in findings.moisture_readings if not reading.is_reference]
    if not measured:
        if findings.damage_type is DamageType.WATER:
            yield _gap(
                "No moisture readings.",
                "Add readings at intake and on each visit until dry, at the same points with the same meter.",
            )
        return
    references = {(r.material or "").lower() for r in findings.moisture_readings if r.is_reference}
    points = reading_points(measured)
    unmatched = [p for p in points if p.dry_standard is None and (p.material or "").lower() not in references]
    no_standard = [point_name(point) for point in unmatched]
    if no_standard:
        yield _gap(
            f"No dry standard for {_some(no_standard)}.",
            "Add a reading of the same material in an unaffected area of the building.",
        )
    not_dry = [point_name(point) for point in points if not point.goal_met]
    if not_dry and _dried(findings):
        yield _gap(
            f"No reading on a later visit proves {_some(not_dry)} dry.",
            "Add the reading, at the same point with the same meter, that shows it at or below its goal.",
        )
    if findings.damage_type is DamageType.WATER and not findings.atmospheric_readings:
        yield _gap(
            "No atmospheric readings.",
            "Add temperature and RH in the affected area, an unaffected area and outside on each visit.",
        )


def _dried(findings: Findings) -> bool:
    """Whether the job is one of drying, so an insurer asks for proof of dry: a water loss, or any
    loss where drying equipment was placed (a mould or smoke assessment read once, with nothing
    being dried, proves nothing by a later visit)."""
    if findings.damage_type is DamageType.WATER:
        return True
    return bool(findings.equipment_runs) or any(item.stated_quantity for item in findings.equipment)


def _some(names: list[str]) -> str:
    """A few names, then how many more: one line per gap, however big the job. Points the findings
    cannot tell apart (two plasterboard points of one room, no IDs) are named once, with their
    number."""
    counted: dict[str, int] = {}
    for name in names:
        counted[name] = counted.get(name, 0) + 1
    unique = [name if times == 1 else f"{name} ({times} points)" for name, times in counted.items()]
    shown = "; ".join(unique[:_NAMES_SHOWN])
    more = len(unique) - _NAMES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def _is_demolition(item: ScopeItem) -> bool:
    words = f"{item.action or ''} {item.description}".lower()
    return any(word in words for word in _DEMOLITION)


def _demolition_gaps(findings: Findings) -> Iterator[DocumentationGap]:
    read_rooms = {r.location.strip().lower() for r in findings.moisture_readings if not r.is_reference}
    for item in findings.scope_of_work:
        if not _is_demolition(item):
            continue
        room = (item.room or "").strip().lower()
        covered = any(room and (room in place or place in room) for place in read_rooms)
        if not covered:
            where_done = f" in {item.room}" if item.room else ""
            yield _gap(
                f"{item.description} ({where(item.source)}): demolition{where_done} with no moisture reading "
                "behind it.",
                "Add the reading that showed the material wet before it was removed, and a photo of it.",
            )


def _equipment_gaps(findings: Findings) -> Iterator[DocumentationGap]:
    for run in findings.equipment_runs:
        if run.removed_on is None and run.removed_at is None:
            placed = f" placed {day(run.placed_on)}" if run.placed_on else ""
            units = count(run.quantity, EQUIPMENT_LABELS[run.kind][0].lower(), EQUIPMENT_LABELS[run.kind][1])
            yield _gap(
                f"{units}{placed} ({where(run.source)}): no removal date.",
                "Add the date (and time) it was removed, or say it is still on site.",
            )
    placed_kinds = {run.kind for run in findings.equipment_runs}
    placed_kinds |= {item.kind for item in findings.equipment if item.stated_quantity}
    air = {reading.location.lower() for reading in findings.atmospheric_readings}
    if EquipmentKind.DEHUMIDIFIER in placed_kinds and not any("outlet" in place for place in air):
        yield _gap(
            "No dehumidifier inlet and outlet readings.",
            "Add temperature and RH at a dehumidifier's inlet and outlet on each visit "
            "(its grain depression).",
        )


def _photo_gaps(photographed: bool) -> Iterator[DocumentationGap]:
    if not photographed:
        yield _gap(
            "No photos recorded.",
            "Add photos of each affected room, of each reading point and before any demolition, "
            "with the time taken.",
        )


def documentation_gaps(findings: Findings, *, photographed: bool) -> list[DocumentationGap]:
    """The gaps, in the order a desk review meets them; `photographed`: photos of the job were
    received (the findings come from text, which names photos but does not hold them)."""
    return [
        *_job_gaps(findings),
        *_reading_gaps(findings),
        *_demolition_gaps(findings),
        *_equipment_gaps(findings),
        *_photo_gaps(photographed),
    ]


CHECKLIST_COLUMNS = (Column("What is missing", 3.0), Column("What to add", 3.0))


def checklist_section(findings: Findings, *, photographed: bool) -> Section:
    title = "Documentation checklist"
    gaps = documentation_gaps(findings, photographed=photographed)
    if not gaps:
        line = "Nothing an insurer usually asks for is missing from these findings."
        return Section("documentation-checklist", title, (Paragraph(line, empty=True),))
    intro = Paragraph(
        "What an insurer's desk review usually asks for that this job's notes do not give. "
        "Adding it before the report is sent avoids a query or a cut."
    )
    rows = tuple((gap.missing, gap.add) for gap in gaps)
    return Section("documentation-checklist", title, (intro, Table(CHECKLIST_COLUMNS, rows)))
