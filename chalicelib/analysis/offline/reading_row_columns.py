"""A readings table's columns: what each header cell says its column holds (a day, the goal, a
dry standard, the point, the room, notes), and the header forms RowReader (reading_rows) checks
before it reads a row under them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_numbers import is_reading_cell
from chalicelib.analysis.offline.reading_visit_cells import VISITS_TITLE
from chalicelib.analysis.offline.text import FLAGS, collapse

ColumnKind = Literal[
    "label", "date", "when", "goal", "reference", "value", "notes", "unit", "visits", "other"
]

HEADER_CELLS: tuple[tuple[ColumnKind, re.Pattern[str]], ...] = (
    ("unit", re.compile(r"^(?:units?|scale)$", FLAGS)),  # "| 31 | %WME |": the reading's scale beside it
    ("visits", VISITS_TITLE),  # "Later visits": "1.9 (12/03), 0.8 (12/05)", each value with its day
    ("goal", re.compile(r"^(?:dry(?:ing)? )?(?:goal|target)s?\b", FLAGS)),
    (
        "reference",
        re.compile(r"^(?:dry ?(?:std|standard|ref\w*)|ref(?:erence)?|baseline|control|ds)\b", FLAGS),
    ),
    (
        "notes",
        re.compile(r"^(?:notes?|comments?|remarks?|flag|status|result|action|equipment|dry\??)\b", FLAGS),
    ),
    (
        "value",
        re.compile(
            r"^(?:readings?|mc|%|moisture|value|wme|rel|%\s?mc|mc\s?%|intake|initial|final|reading \w+)\b",
            FLAGS,
        ),
    ),
    (
        "label",
        re.compile(
            r"^(?:pt|point|#|no\.?|location|room|area|space|material|surface|position|place|substrate|item|zone"
            r"|where|id|loc)\b",
            FLAGS,
        ),
    ),
)
DAY_COLUMN = re.compile(r"^(?:day|d|visit|v) ?(?P<n>\d{1,2})\b", FLAGS)
# A column heading that names a point, not what the column holds: "D1 dining centre" (not day 1),
# "REF living room", "Dry standard (south court)": a point id or a dry-standard word, then words of
# a place. "Day 2", "Goal %MC" and "Reading 1" hold no place.
POINT_HEADING = re.compile(
    r"(?:[A-Z]{1,3}\d{1,2}|[A-Z]{1,3}(?= )|(?i:ref(?:erence)?|dry ?(?:std|standard)))\W{1,3}"
    r"(?!(?i:day|date|visit|readings?|goal|target|mc|wme|rel|notes?|value)\b)[A-Za-z]{3,}",
)


@dataclass(frozen=True)
class Column:
    kind: ColumnKind
    taken_on: date | None = None
    scale: str | None = None
    room: bool = False  # a "Room" column: its cell names the row's place, known word or not
    point: bool = False  # a "#" column: its cell is the row's point, re-read later by it ("#3 460")


def titles_written_day(tokens: list[str], index: int, dates: Dates, anchor: date | None) -> bool:
    """Whether a "Day 3" title is followed by the date it was ("Day 3 14/10"): the written date
    dates the column, and the day's number is no column of its own."""
    if DAY_COLUMN.fullmatch(collapse(tokens[index])) is None or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    found = dates.find(following, anchor, yearless_numeric=True)
    return (
        bool(found) and found[0].start == 0 and found[0].end == len(following) and found[0].value is not None
    )


def is_point_heading(cell: str) -> bool:
    return POINT_HEADING.match(cell) is not None


def labels_dates(columns: list[Column], cells: list[str]) -> bool:
    """Whether a header of days alone heads a row that is its label and one reading per day."""
    return (
        len(cells) == len(columns) + 1
        and all(column.kind == "date" for column in columns)
        and not is_reading_cell(cells[0])
        and all(map(is_reading_cell, cells[1:]))
    )
