"""Equipment tables whose header names their columns: "Equipment | Placed | Removed | Qty",
"Unit | Type | Room | Set | Pulled", "| Equipment | Placed | Changes | Max on site |".

Each row below such a header is one kind's units: how many from its quantity column (else the range
of its unit tags, "AM1-AM3", else one), the day they went in from its placed column and the day they
came out from its removed column. A removed cell of "-" or "still running" leaves them on site; "1 off
24/03" takes out one of them. The columns are read by their names, so their order does not matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from chalicelib.analysis.findings import EquipmentKind
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.equipment_events import Event
from chalicelib.analysis.offline.equipment_times import hours_between, make_and_model, time_after
from chalicelib.analysis.offline.equipment_words import (
    COUNT_AFTER,
    COUNT_BEFORE,
    KIND_ONLY,
    TAG_LIST,
    TAG_RANGE,
    kind_of,
    listed_units,
    tagged_units,
    without_system_parts,
)
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS, Line, count_word

_HEADS: dict[str, re.Pattern[str]] = {
    "kind": re.compile(r"(?:(?:drying )?equipment|plant|unit|type|item|description|kind|machine)s?", FLAGS),
    "tag": re.compile(r"(?:unit |asset )?(?:tags?|ids?|asset(?: (?:no\.?|number))?)", FLAGS),
    "quantity": re.compile(
        r"qty|quantity|no\.?|number|count|#|(?:max(?:imum)?|peak|most) (?:on ?site|at once)|on ?site",
        FLAGS,
    ),
    "placed": re.compile(
        r"placed|set|set up|in|on|installed|delivered|start(?:ed)?|from"
        r"|(?:date|day) (?:in|placed|set|installed)",
        FLAGS,
    ),
    "removed": re.compile(
        r"removed|pulled|out|off|collected|end(?:ed)?|to|until|(?:date|day) (?:out|removed|pulled|off)",
        FLAGS,
    ),
    "room": re.compile(r"room|area|location|where", FLAGS),
    "hours": re.compile(r"(?:run )?(?:hours?|hrs)(?: run)?|run ?time|hour meter", FLAGS),
}


@dataclass(frozen=True)
class EquipmentColumns:
    """Where a header put each part of a row (cell indexes)."""

    kind: tuple[int, ...]
    tag: int | None
    quantity: int | None
    placed: int | None
    removed: int | None
    room: int | None
    hours: int | None


@dataclass(frozen=True)
class TableRow:
    """One row read: `quantity` units of `kind` in from `placed`, `removed_count` of them out on `removed`."""

    kind: EquipmentKind
    dehumidifier_type: str | None
    quantity: int
    placed: date | None
    removed: date | None
    removed_count: int
    room: str | None
    placed_at: datetime | None = None  # the time written beside the day ("13/11/2026 11:30")
    removed_at: datetime | None = None
    run_hours: float | None = None  # its hours column, else the two times apart
    model: str | None = None  # "Dri-Eaz LGR 7000XLi", as written


def equipment_columns(cells: Sequence[str]) -> EquipmentColumns | None:
    """The columns of an equipment table's header, or None when `cells` is not one: it must name the
    equipment and at least two of quantity, placed and removed, and every cell must be a heading."""
    found: dict[str, list[int]] = {name: [] for name in _HEADS}
    for index, cell in enumerate(cells):
        heading = cell.strip().rstrip(":").strip()
        names = [name for name, pattern in _HEADS.items() if pattern.fullmatch(heading)]
        if names:
            found[names[0]].append(index)
        elif heading and not _OTHER_HEADING.fullmatch(heading):
            return None  # a data row ("LGR dehumidifier | 10/03 | - | 2"), not a header

    def first(name: str) -> int | None:
        return found[name][0] if found[name] else None

    measured = sum(1 for name in ("quantity", "placed", "removed") if found[name])
    # ("| Item | Qty |": what was seen on site, one kind a row; but "| Item | Qty | Unit |" is a scope
    # table whose second kind-like column is the unit of measure)
    counted_only = measured == 1 and bool(found["quantity"]) and len(found["kind"]) == 1
    if not found["kind"] or (measured < 2 and not counted_only):
        return None
    return EquipmentColumns(
        tuple(found["kind"]),
        first("tag"),
        first("quantity"),
        first("placed"),
        first("removed"),
        first("room"),
        first("hours"),
    )


def heading_name(text: str) -> str | None:
    """What a column heading names ("kind", "quantity", "placed", ...), "other" for a heading that
    says nothing of the units' count or days ("Notes", "Model"), None for anything else."""
    heading = text.strip().rstrip(":").strip()
    name = next((name for name, pattern in _HEADS.items() if pattern.fullmatch(heading)), None)
    return name or ("other" if _OTHER_HEADING.fullmatch(heading) else None)


# Headings a table may also carry that say nothing about the units' count or days.
_OTHER_HEADING = re.compile(
    r"changes?|notes?|comments?|remarks?|model|make|serial|size|capacity"
    r"|meter|status|purpose|reason|by",
    FLAGS,
)


def table_row(
    cells: Sequence[str],
    columns: EquipmentColumns,
    on: date | None,
    dates: Dates,
    room_of: Callable[[str], str | None],
) -> TableRow | None:
    """What one row below the header says, or None when it names no equipment."""

    def cell(index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""

    kind_cells = [cell(index) for index in columns.kind]
    named = next((match for text in kind_cells if (match := KIND_ONLY.search(text))), None)
    kind = kind_of(named) if named else None
    if kind is None:
        return None
    tagged = [cell(columns.tag), *kind_cells]
    quantity = _leading_count(cell(columns.quantity)) or _tag_range(tagged) or _count_in(kind_cells) or 1
    placed_text, removed_text = cell(columns.placed), cell(columns.removed)
    placed, placed_end = _first_day(placed_text, on, dates)
    if placed is None and columns.placed is None:
        placed = on
    removed, removed_end = _first_day(removed_text, on, dates)
    placed_at = time_after(placed_text, placed_end, placed) if placed_end else None
    removed_at = time_after(removed_text, removed_end, removed) if removed_end else None
    stated_hours = _HOURS.match(cell(columns.hours))
    return TableRow(
        kind[0],
        kind[1],
        quantity,
        placed,
        removed,
        min(_leading_count(removed_text) or quantity, quantity),
        room_of(cell(columns.room)) if columns.room is not None else None,
        placed_at,
        removed_at,
        float(stated_hours.group(1)) if stated_hours else hours_between(placed_at, removed_at),
        next((model for text in kind_cells if (model := make_and_model(text))), None),
    )


_HOURS = re.compile(r"\s*(\d{1,4}(?:\.\d)?)\b")


def table_events(
    line: Line, cells: Sequence[str], columns: EquipmentColumns, on: date | None, dates: Dates
) -> list[Event]:
    def room_of(text: str) -> str | None:
        return next((mention.name for mention in room_mentions(text)), None)

    """The events of one row under an equipment table's header: its units in, and out when it says."""
    row = table_row(cells, columns, on, dates, room_of)
    if row is None:
        return []
    kind, dtype, room = row.kind, row.dehumidifier_type, row.room
    events = [
        Event(
            kind, row.quantity, "add", row.placed, line, room, dtype, row.run_hours, row.placed_at, row.model
        )
    ]
    if row.removed is not None:
        removed = Event(
            kind, row.removed_count, "remove", row.removed, line, room, dtype, None, row.removed_at, row.model
        )
        events.append(removed)
    return events


_LEADING_COUNT = re.compile(r"^\s*(?P<n>[1-9]\d{0,2})(?![\d/.:\-])\b")


def _leading_count(text: str) -> int | None:
    """ "2 (one swapped for a desiccant unit 13/03)" -> 2; "1 off 24/03" -> 1; "13/03" -> None."""
    match = _LEADING_COUNT.match(text)
    return int(match.group("n")) if match else None


def _tag_range(texts: Sequence[str]) -> int | None:
    for text in texts:
        match = TAG_RANGE.search(text)
        if match:
            return tagged_units(match)
        listed = TAG_LIST.search(text)
        if listed:
            return listed_units(listed)
    return None


def _count_in(texts: Sequence[str]) -> int | None:
    """ "Air movers x3", "3 air movers": a count written in the equipment cell itself."""
    for text in map(without_system_parts, texts):
        match = COUNT_AFTER.search(text) or COUNT_BEFORE.search(text)
        if match is not None:
            return count_word(match.group("n").lower()) or None
    return None


def _first_day(text: str, on: date | None, dates: Dates) -> tuple[date | None, int]:
    """The first day written in a cell, and where it ends (0 when there is none)."""
    found = [
        match for match in dates.find(text, on, yearless_numeric=True, own_separator=True) if match.value
    ]
    return (found[0].value, found[0].end) if found else (None, 0)
