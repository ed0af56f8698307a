"""A log that lists units one row each, with the day in and the day out: "AM-114 air mover hall set
20/07 removed 24/07", "| LGR dehumidifier #12 (kitchen) | 9/19 | 9/26 |", a PDF table's row "Air mover 3
Meals area 22/09/2026 26/09/2026". Each row is the placement and the removal of its units."""

from __future__ import annotations

import re
from datetime import date

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.equipment_events import Event
from chalicelib.analysis.offline.equipment_times import RUN_HOURS, hours_between, make_and_model, time_after
from chalicelib.analysis.offline.equipment_words import (
    COUNT_AFTER,
    COUNT_BEFORE,
    KIND_ONLY,
    REMOVED,
    TAG_THEN_KIND,
    kind_of,
    tagged_units,
)
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import Line

# A table row, with its outer bars or without them (as some extractors give it): "7/9 | 7 | 2 | ...".
TABLE_ROW = re.compile(r"^\|.*\|$|^[^|]+(?: \| [^|]*){2,}$")

_LOG_DATES_NEEDED = 2

_UNIT_ID = re.compile(r"-?\d")  # "AM-114", "DH27": a unit's tag, not a kind named again

_BARE_COUNT = re.compile(r" (?P<n>[1-9]\d?)\b(?![/.:\-]\d)")

_QTY_CELL = re.compile(r"\|\s*(?P<n>[1-9]\d{0,2})\s*(?=\|)")


def log_row(line: Line, on: date | None, dates: Dates | None, listed: bool = False) -> list[Event]:
    """One unit (or "x3") per row with the day in and the day out: "AM-114 air mover hall set 20/07
    removed 24/07", "| LGR dehumidifier #12 (kitchen) | 9/19 | 9/26 |"."""
    if dates is None:
        return []
    text = line.text
    kinds = list(KIND_ONLY.finditer(text))
    tagged = TAG_THEN_KIND.match(text)
    if tagged is not None:
        kinds = [kind for kind in kinds if kind.start() >= tagged.end()]  # "AM 5 air mover": AM is the tag
    found = [
        match for match in dates.find(text, on, yearless_numeric=True, own_separator=True) if match.value
    ]
    if not kinds or len(found) != _LOG_DATES_NEEDED:
        return []
    # ("4/13/2026 Air mover 4 Living room pulled 4/16/2026": the day in first, the unit, the day out)
    # (only in a list under an "Equipment" heading, the unit straight after its day: a dated note
    # "07/09 check: ... took two air movers out" is prose)
    dated_first = found[0].start < kinds[0].end()
    if dated_first and (
        not listed
        or text[: found[0].start].strip()
        or text[found[0].end : kinds[0].start()].strip(" :-\t")
        or found[1].start < kinds[0].end()
    ):
        return []
    lead = (found[0].end, found[1].start) if dated_first else (0, found[0].start)
    before_days = [kind for kind in kinds if lead[0] <= kind.start() < lead[1]]
    # ("Air mover (centrifugal)": a kind in brackets describes the unit; "AM-01", "DH27": its tag)
    named = [
        kind for kind in before_days if not _UNIT_ID.match(text, kind.end()) and not _bracketed(text, kind)
    ]
    one_unit = len(named) == 1 or (not named and bool(before_days))
    # (under an "Equipment" heading a row's two days are its days in and out: "Air mover 3 Meals area
    # 22/09/2026 26/09/2026", a PDF table's row)
    if not TABLE_ROW.match(text) and (
        not (listed or REMOVED.search(text, found[0].end, found[1].start)) or not one_unit
    ):
        return []  # "AM-114 air mover set 20/07 removed 24/07": one unit, then the day it came out
    kind = kind_of(kinds[0])
    if kind is None:
        return []
    counts = [match for match in COUNT_AFTER.finditer(text) if match.start() == kinds[0].start()]
    before = COUNT_BEFORE.search(text, lead[0], lead[1])
    bare = _BARE_COUNT.match(text, kinds[0].end()) if listed else None
    quantity = int(counts[0].group("n")) if counts else int(bare.group("n")) if bare else 1
    if before is not None and before.start() < kinds[0].end() and before.group("n").isdigit():
        quantity = int(before.group("n"))
    if tagged is not None:
        quantity = tagged_units(tagged)
    qty_cell = _QTY_CELL.search(text, kinds[0].end(), lead[1]) if TABLE_ROW.match(text) else None
    if qty_cell is not None:
        quantity = int(qty_cell.group("n"))  # "| Air mover | 3 | 13/11 | 15/11 |": a Qty column
    rooms = [mention.name for mention in room_mentions(text[lead[0] : lead[1]])]
    placed, removed = found[0].value, found[1].value
    placed_at, removed_at = time_after(text, found[0].end, placed), time_after(text, found[1].end, removed)
    stated = RUN_HOURS.search(text)
    hours = float(stated.group("a") or stated.group("b")) if stated else hours_between(placed_at, removed_at)
    room = rooms[0] if rooms else None
    model = make_and_model(text[lead[0] : lead[1]])
    return [
        Event(kind[0], quantity, "add", placed, line, room, kind[1], hours, placed_at, model),
        Event(kind[0], quantity, "remove", removed, line, room, kind[1], None, removed_at, model),
    ]


def _bracketed(text: str, kind: re.Match[str]) -> bool:
    """Whether a kind is named inside brackets ("(centrifugal)", "(LGR, 130 ppd)")."""
    reach = max(0, kind.start() - _BRACKET_REACH)  # (bounded: a long line stays linear)
    opened = text.rfind("(", reach, kind.start())
    closed = text.find(")", kind.end(), kind.end() + _BRACKET_REACH)
    return opened >= 0 and text.rfind(")", opened, kind.start()) < 0 and closed >= 0


_BRACKET_REACH = 40
