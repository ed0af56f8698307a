"""The report's equipment section: the S500 calculation beside what was placed, then the
equipment log (each run placed and removed, its run hours) and the units on site per day.

One statement per kind about calculation and placement: a calculated quantity is shown only for
equipment that was calculated, with the formula; equipment S500 gives no formula for, or whose
inputs the notes lack, says "Not calculated" and why, next to what was placed. The calculation's
caveats (how far the configured factors can be trusted) are the contractor's: they stay in the
JSON and are never printed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from chalicelib.analysis.findings import EquipmentItem, EquipmentKind, EquipmentRun
from chalicelib.report.blocks import Block, Column, Paragraph, Section, Subheading, Table
from chalicelib.report.drying_log import ReadingPoint
from chalicelib.report.equipment_days import argument_text, day_arguments
from chalicelib.report.equipment_runs import run_hours, unit_hours, units_per_day
from chalicelib.report.wording import (
    EQUIPMENT_LABELS,
    NONE,
    count,
    day,
    number,
    standard_label,
    where,
)

_NOT_CALCULATED = "Not calculated"
_UNCALCULATED = ("not calculated", "stated in the notes")
_AS_PLACED = " Quantity as placed per the notes."

CALCULATION_COLUMNS = (
    Column("Equipment", 1.1),
    Column("Placed (notes)", 1.0, "right"),
    Column("S500 calculation", 3.6),
    Column("Standard", 1.2),
    Column("Source", 1.0),
)

RUN_COLUMNS = (
    Column("Equipment", 1.1),
    Column("Units", 0.55, "right"),
    Column("Make / model", 1.1),
    Column("Room", 1.0),
    Column("Placed", 1.2),
    Column("Removed", 1.2),
    Column("Run hours", 0.9, "right"),
    Column("Source", 0.9),
)


def is_calculated(item: EquipmentItem) -> bool:
    """Whether the quantity comes from a formula. Both analyzers say when it does not: the
    offline one writes "Not calculated: <why>", Claude (its prompt) "stated in the notes; inputs
    not recorded"; the quantity is then only what was placed."""
    return not item.calculation.lower().startswith(_UNCALCULATED)


def _placed(item: EquipmentItem) -> str:
    if item.stated_quantity is None:
        return "Not stated"
    if not is_calculated(item):
        return str(item.stated_quantity)
    difference = item.stated_quantity - item.quantity
    if difference == 0:
        return f"{item.stated_quantity} (as calculated)"
    return (
        f"{item.stated_quantity} ({abs(difference)} {'more' if difference > 0 else 'fewer'} than calculated)"
    )


def calculation_statement(item: EquipmentItem) -> str:
    """The one statement about the calculation: the quantity and its formula, or why there is none."""
    if not is_calculated(item):
        reason = item.calculation.removesuffix(_AS_PLACED).strip()
        return reason if reason.startswith(_NOT_CALCULATED) else f"{_NOT_CALCULATED}: {reason}."
    # The formula already shows its numbers; the machine-named `inputs` stay in the JSON
    return f"Calculated {item.quantity}: {item.calculation}"


def _calculation_row(item: EquipmentItem) -> tuple[str, ...]:
    return (
        EQUIPMENT_LABELS[item.kind][0],
        _placed(item),
        calculation_statement(item),
        standard_label(item.standard) if item.standard else NONE,
        where(item.source) if item.source else NONE,
    )


def _when(moment: datetime | None, on: date | None) -> str:
    if moment is not None:
        return f"{day(moment.date())} {moment:%H:%M}"
    return day(on) if on is not None else NONE


def _hours(run: EquipmentRun) -> str:
    hours = run_hours(run)
    if hours is None:
        return NONE
    return f"{number(hours.hours)} h" + (" (from times)" if hours.from_times else "")


def _run_row(run: EquipmentRun) -> tuple[str, ...]:
    still = run.removed_on is None and run.removed_at is None
    return (
        EQUIPMENT_LABELS[run.kind][0],
        str(run.quantity),
        run.model or NONE,
        run.room or NONE,
        _when(run.placed_at, run.placed_on),
        "Not recorded" if still else _when(run.removed_at, run.removed_on),
        _hours(run),
        where(run.source),
    )


def _per_day(runs: Sequence[EquipmentRun], points: Sequence[ReadingPoint]) -> Table | None:
    counts = units_per_day(runs)
    if not counts:
        return None
    kinds = [kind for kind in EquipmentKind if any(run.kind is kind for run in runs)]
    arguments = day_arguments([entry.on for entry in counts], points)
    columns = (
        Column("Date", 1.2),
        *(Column(EQUIPMENT_LABELS[kind][1].capitalize(), 1.0, "right") for kind in kinds),
        Column("What the readings show", 3.6),
    )
    rows = tuple(
        (
            day(entry.on),
            *(str(entry.units.get(kind, 0)) for kind in kinds),
            argument_text(argument, day(argument.read_on) if argument.read_on else ""),
        )
        for entry, argument in zip(counts, arguments, strict=True)
    )
    return Table(columns, rows)


def equipment_section(
    equipment: Sequence[EquipmentItem], runs: Sequence[EquipmentRun], points: Sequence[ReadingPoint] = ()
) -> Section:
    title = "Equipment"
    if not equipment and not runs:
        return Section(
            "equipment", title, (Paragraph("No drying equipment was calculated or recorded.", empty=True),)
        )
    blocks: list[Block] = []
    if equipment:
        blocks.append(
            Paragraph(
                "What the notes say was placed (the most on site at once), beside the IICRC S500 "
                "calculation from the wet areas, or the reason none could be made."
            )
        )
        blocks.append(Table(CALCULATION_COLUMNS, tuple(map(_calculation_row, equipment))))
    blocks.append(Subheading("Equipment log"))
    if not runs:
        blocks.append(Paragraph("The notes record no placement or removal of equipment.", empty=True))
        return Section("equipment", title, tuple(blocks))
    blocks.append(
        Paragraph(
            "Each placement as the notes record it. Run hours are as stated, or computed from the "
            "placed and removed times where the notes give both."
        )
    )
    blocks.append(Table(RUN_COLUMNS, tuple(map(_run_row, runs))))
    totals = unit_hours(runs)
    if totals:
        blocks.append(
            Paragraph(
                "Unit-hours (units \u00d7 run hours): "
                + "; ".join(
                    f"{EQUIPMENT_LABELS[kind][1]} {number(hours)} h" for kind, hours in totals.items()
                )
                + "."
            )
        )
    per_day = _per_day(runs, points)
    if per_day is not None:
        blocks.append(Subheading("Units on site per day"))
        blocks.append(
            Paragraph(
                "A unit counts on each day it was on site, the days placed and removed included; "
                f"{count(len(per_day.rows), 'day')} in all. Each day is set against the moisture "
                "readings of that day (or the last before it): drying is called for while a point is "
                "above its drying goal."
            )
        )
        blocks.append(per_day)
    return Section("equipment", title, tuple(blocks))
