"""A table header whose day columns are written day.month with a dot:

    | Pt | 16.11 | 17.11 | 19.11 | 23.11 | Goal | Met |

Each "16.11" also reads as a decimal reading, so the row was taken for a row of readings of the
header above it and every value fell on one day. A row is such a header when it names its rows'
column ("Pt", "Location", "Room"), holds no other number, and has two or more day.month cells
that are real days, in order, in the document's settled day order.

Beside it, two more ways a day heads or hides among readings: "Readings 11/02 > 11/03" in a PDF
header titles the days after it and heads no column of its own (`dated_after`), and "at goal on
19.11" in a note is a day, no reading (`dotted_date_at`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.text import FLAGS

_DOTTED_DAY = re.compile(r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})")
# the title of the rows' own column: what each row is, not what it holds
_ROWS_TITLE = re.compile(
    r"(?:pt|point|points|#|no\.?|id|ref|location|loc|room|area|material|place|position|spot|item)",
    FLAGS,
)
_NUMBER = re.compile(r"\d")
_MIN_DAYS = 2


def dotted_days(cells: list[str], dates: Dates, anchor: date | None) -> dict[str, date]:
    """Each day.month cell's day when the row is a header of day columns; empty otherwise."""
    days: dict[str, date] = {}
    order: list[date] = []
    titled = False
    for raw in cells:
        cell = raw.strip()
        match = _DOTTED_DAY.fullmatch(cell)
        if match is not None:
            day = dates.day_and_month(int(match.group("a")), int(match.group("b")), anchor)
            if day is None:
                return {}
            days[cell] = day
            order.append(day)
        elif _NUMBER.search(cell):
            return {}  # ("| L1 | 5.8 | 5.5 |": a point's row, whose other cells hold numbers)
        elif _ROWS_TITLE.fullmatch(cell):
            titled = True
    if not titled or len(order) < _MIN_DAYS or order != sorted(order) or len(set(order)) != len(order):
        return {}
    return days


class _Titled(Protocol):
    @property
    def kind(self) -> str: ...


def dated_after(columns: Sequence[_Titled], index: int) -> bool:
    """Whether the column after `index` is a day's: "Readings 11/02 11/03" titles its days."""
    return index + 1 < len(columns) and columns[index + 1].kind == "date"


# "at goal on 19.11", "dropped after 23.11": a day written day.month after a word of time; a
# meter's reading is not written with two decimals after "on" or "after"
_TIME_WORD_BEFORE = re.compile(r"\b(?:on|after|before|by|until|till|since|from)\s$", FLAGS)
_LOOK_BEFORE = 8  # the characters before the number looked at (bounded)


def dotted_date_at(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] is a day.month after a word of time."""
    match = _DOTTED_DAY.fullmatch(text, start, end)
    if match is None or len(match.group("b")) != 2:
        return False
    day, month = int(match.group("a")), int(match.group("b"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    return _TIME_WORD_BEFORE.search(text, max(0, start - _LOOK_BEFORE), start) is not None
