"""A table with no header row whose days a sentence above it gives, in order:

    The table lists each point with its readings on 9/2, 11/2 and 13/2, in that order.
    W1 | Workroom plasterboard partition | 41 | 26 | 15
    S2 | Shop slab under vinyl plank     | 5.4 | 4.4 | n/r

The block's preamble is read for such days only while the block has no rows; a sentence that
says which days the columns hold ("in that order", "left to right", "respectively") is the
table's header wherever it stands in the block, even after a line of dry standards was read.

A row whose last cells are one a day holds that day's reading in each, or a word saying the point
was not read that day ("n/r", "-", "lifted"): the cells' count, not the readings', is the days'.
"""

from __future__ import annotations

import re
from datetime import date

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_numbers import is_reading_cell
from chalicelib.analysis.offline.text import FLAGS

# The sentence says the days are the columns' or the readings', in their order.
_ORDER = re.compile(
    r"\b(?:in (?:that|this|the same) order|in order|left to right|respectively|in turn|"
    r"columns? (?:are|were|give|show|hold)|(?:dates|days|visits) across)\b",
    FLAGS,
)
# A line's sentences: the days are told in one of them, beside others that name the meter
# ("Delmhorst J-2000 on the oak. Dates across are 9/8, 9/9 and 9/10.")
_SENTENCE_END = re.compile(r"(?<=[.;])\s+")
_ABOUT_READINGS = re.compile(
    r"\b(?:readings?|read|values?|columns?|figures|numbers|table|points?|dates across|days across)\b", FLAGS
)
_NUMBER = re.compile(r"\d")
# A cell saying the point was not read that day
_NOT_READ = re.compile(
    r"(?:-|\u2013|\u2014|n/?r|n/?a|nr|not read|no access|lifted|removed|cut out|covered)?", FLAGS
)
# The point's own number in the row's first cell
_BARE_POINT = re.compile(r"#?\d{1,3}")
_MIN_DAYS = 2
_MAX_DAYS = 10


def told_column_days(text: str, dates: Dates, anchor: date | None) -> list[date] | None:
    """The days a sentence says a table's values were read on, in order; None for other lines
    (a table's row, a line with readings or other numbers, days out of order)."""
    if "|" in text:
        return None
    for sentence in _SENTENCE_END.split(text):
        days = _told_days(sentence, dates, anchor)
        if days is not None:
            return days
    return None


def _told_days(text: str, dates: Dates, anchor: date | None) -> list[date] | None:
    if _ORDER.search(text) is None or _ABOUT_READINGS.search(text) is None:
        return None
    found = dates.find(text, anchor, yearless_numeric=True)
    days = [day.value for day in found if day.value is not None]
    if not _MIN_DAYS <= len(days) <= _MAX_DAYS or len(days) != len(found) or days != sorted(days):
        return None
    rest = text
    for day in reversed(found):
        rest = rest[: day.start] + rest[day.end :]
    return None if _NUMBER.search(rest) else days


def told_day_cells(cells: list[str], days: int) -> list[int] | None:
    """The indexes of a row's last `days` cells when each is a reading, a not-read word or empty,
    at least one a reading, and no cell before them a reading but the point's bare number that
    leads the row's words ("3 | hall skirting | %MC | 22 | 17"); None otherwise."""
    if days < _MIN_DAYS or len(cells) <= days:
        return None
    tail = range(len(cells) - days, len(cells))
    lead = cells[: len(cells) - days]
    if len(lead) >= 2 and _BARE_POINT.fullmatch(lead[0]) and not is_reading_cell(lead[1]):
        lead = lead[1:]
    if any(is_reading_cell(cell) for cell in lead):
        return None
    if not all(is_reading_cell(cells[i]) or _NOT_READ.fullmatch(cells[i].strip()) for i in tail):
        return None
    return list(tail) if any(is_reading_cell(cells[i]) for i in tail) else None


def told_day_padded(cells: list[str], raw: list[str], days: int) -> list[str]:
    """A row's cells with the empty cells of its last days put back, where the row is the cells it
    was written with less those empties: the point was not read those days ("| 45 | lifted | | |")."""
    if len(cells) >= len(raw) or raw[: len(cells)] != cells or any(raw[len(cells) :]):
        return cells
    return raw if len(raw) - len(cells) < days else cells
