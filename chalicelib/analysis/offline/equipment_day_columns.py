"""Equipment tables with a column per kind and a row per day, as a PDF's text gives them (no bars):

    Day AM DH Note
    1 4 2 2 kitchen, 2 family room
    3 3 2 1 AM out of family room
    5 0 0 all removed

The header opens with the day column, then names one kind per column and may end in a note column;
each row opens with its day (a date, or the job's day number) and gives one count per kind in the
header's order; the rest of the row is its note. Each count is what is on site that day (a total).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from chalicelib.analysis.findings import EquipmentKind
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.equipment_events import Event
from chalicelib.analysis.offline.equipment_words import KIND_ONLY, kind_of
from chalicelib.analysis.offline.text import FLAGS, Line

_HEADER_LENGTH = 80
_DAY_HEAD = re.compile(r"^\s*(?P<head>date|day|visit)\s+", FLAGS)
# (what may stand after the kinds: the row's note)
_NOTE_HEAD = re.compile(r"^\s*(?:notes?|comments?|remarks?)?\s*$", FLAGS)
_DAY_CELL = re.compile(r"^\s*(?:day\s*)?(?P<day>\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?|\d{1,2})\s+", FLAGS)
# A count's cell may carry the unit's type after it ("1 LGR", "2 (desiccant)"): one short word.
_COUNT_CELL = r"(\d{1,3})(?:\s+\(?[A-Za-z]{2,10}\)?(?=\s+\d))?"
_LAST_DAY_NUMBER = 60  # a job's day number past this is no day


@dataclass(frozen=True)
class DayColumns:
    """The kinds a header's columns count, in order, and whether its days are numbers or dates."""

    kinds: tuple[EquipmentKind, ...]
    numbered: bool


def day_columns_header(text: str) -> DayColumns | None:
    """ "Day AM DH Note", "Date Air movers Dehumidifiers": the kinds, or None for any other line."""
    if len(text) > _HEADER_LENGTH or "|" in text or any(char.isdigit() for char in text):
        return None
    head = _DAY_HEAD.match(text)
    if head is None:
        return None
    kinds: list[EquipmentKind] = []
    cursor = head.end()
    for match in KIND_ONLY.finditer(text, head.end()):
        if text[cursor : match.start()].strip():
            return None  # a word between the kinds: not a column of counts each
        kind = kind_of(match)
        if kind is None:
            return None
        kinds.append(kind[0])
        cursor = match.end()
    if not kinds or not _NOTE_HEAD.match(text[cursor:]):
        return None
    return DayColumns(tuple(kinds), head.group("head").lower() == "day")


def day_columns_row(
    line: Line, columns: DayColumns, first_day: date | None, on: date | None, dates: Dates | None
) -> list[Event] | None:
    """One row's counts, each what is on site that day; None when the line is no row of the table."""
    text = line.text
    lead = _DAY_CELL.match(text)
    if lead is None:
        return None
    counts = re.match(
        r"\s*" + r"\s+".join([_COUNT_CELL] * len(columns.kinds)) + r"(?!\S)", text[lead.end() :]
    )
    if counts is None:
        return None
    day = _day(lead.group("day"), columns, first_day, on, dates)
    return [
        Event(kind, int(count), "total", day, line)
        for kind, count in zip(columns.kinds, counts.groups(), strict=True)
    ]


def _day(
    written: str, columns: DayColumns, first_day: date | None, on: date | None, dates: Dates | None
) -> date | None:
    if written.isdigit():
        number = int(written)
        if not columns.numbered or first_day is None or not 1 <= number <= _LAST_DAY_NUMBER:
            return on
        return first_day + timedelta(days=number - 1)  # "Day 3" of a job whose day 1 is its first visit
    found = dates.find(written, on, yearless_numeric=True, own_separator=True) if dates else []
    return found[0].value if found and found[0].value else on


# The same log turned on its side, as Word tables often give it: a column per day, a row per kind.
#
#     | Equipment | Nov 21 | Nov 22 | Nov 23 |
#     | Air movers | 8 | 8 | 5 |
#
# Each count is what is on site that day (a total).
_KIND_HEAD = re.compile(r"^\s*(?:equipment|units?|kinds?|types?|items?|machines?|plant)\s*$", FLAGS)
_ROW_QUALIFIER = re.compile(r"\s*\([^()]{1,20}\)\s*$")
_MIN_DAY_COLUMNS = 2


def kind_rows_header(cells: list[str], on: date | None, dates: Dates | None) -> list[date | None] | None:
    """The day each column after the first stands for, when the header names its rows' kinds first
    and dates every other column; None for any other row."""
    if dates is None or len(cells) <= _MIN_DAY_COLUMNS or not _KIND_HEAD.match(cells[0]):
        return None
    days: list[date | None] = []
    for cell in cells[1:]:
        found = dates.find(cell, on, yearless_numeric=True, own_separator=True) if cell.strip() else []
        if not found or found[0].value is None:
            return None
        days.append(found[0].value)
    return days


def kind_row(line: Line, cells: list[str], days: list[date | None]) -> list[Event] | None:
    """One kind's counts, a day each; None when the row names no kind first."""
    match = KIND_ONLY.fullmatch(_ROW_QUALIFIER.sub("", cells[0].strip()))
    kind = kind_of(match) if match else None
    if kind is None:
        return None
    events = []
    for cell, day in zip(cells[1:], days, strict=False):
        count = re.fullmatch(r"\s*(\d{1,3})\s*", cell)
        if count is not None:
            events.append(Event(kind[0], int(count.group(1)), "total", day, line))
    return events
