"""A table with no header whose columns' days are said under it:

    | A | kitchen floor under sink | 38 | 27 | 18 |
    | G | sink base cabinet        | 40 | lifted | - |
    Columns = 2/10, 5/10, 7/10. H is the dry edge, not re-read on 7/10.

The rows were read as they came, each number of the day the block was under; the line after the
table gives each column its day, so the readings of the rows just above are moved to their
column's day. Only when every row's last cells (one per day) are its readings or words saying the
point was not read, and the readings found on the row are those numbers in that order."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_numbers import reading_cell
from chalicelib.analysis.offline.readings import ReadingDraft
from chalicelib.analysis.offline.text import FLAGS

# "Columns = 2/10, 5/10, 7/10.", "Columns: 12/03 / 14/03 / 16/03", "Cols are 4/5, 6/5 and 9/5";
# under a list of "a / b / c" series: "Visit dates: 3/10, 5/10, 8/10 (slashes in that order)".
_COLUMN_DAYS = re.compile(
    r"\s*(?:the )?(?:columns?|cols?\.?|(?:visit|reading) (?:dates|days)|visits)"
    r"(?: (?:are|were|read|left to right))?\s*[=:]?\s*(?P<days>[^.;()]{5,80})",
    FLAGS,
)
# A series row's values after its words: "P2 hall wall ... 52 / 29 / 13": the last number before
# the first " / " is the first day's value.
_SERIES_HEAD = re.compile(r"(?:^|\s)(?P<first>\d{1,4}(?:\.\d{1,2})?(?: ?[a-z%]{1,4})?)$", FLAGS)
# A cell that says the point was not read that day: "-", "n/r", "lifted", "removed", "dry".
_NOT_READ = re.compile(
    r"(?:-|\u2013|\u2014|n/?r|n/?a|nr|x|lifted|removed|gone|dry|not read|no access|at goal|cut out)?",
    FLAGS,
)
_MIN_DAYS = 2
_MAX_DAYS = 10
_LOOK_BACK = 200  # the readings a table's rows may hold (bounded)


def column_days(text: str, dates: Dates, anchor: date | None) -> list[date] | None:
    """The days a line gives the columns of the table above it, in order; None for other lines."""
    match = _COLUMN_DAYS.match(text)
    if match is None:
        return None
    words = match.group("days")
    found = dates.find(words, anchor, yearless_numeric=True)
    days = [day.value for day in found if day.value is not None]
    if not _MIN_DAYS <= len(days) <= _MAX_DAYS or len(days) != len(found) or days != sorted(days):
        return None
    between = re.sub(r"[\s,/&]|\band\b", "", _strip(words, [(d.start, d.end) for d in found]), flags=re.I)
    return days if not between else None


def _strip(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text


def _row_values(text: str, columns: int) -> list[int] | None:
    """The column (0-based) of each reading of a table row's last `columns` cells; None when those
    cells are not all readings or not-read words."""
    cells = _cells(text)
    if cells is None or len(cells) <= columns:
        return None
    tail = cells[-columns:]
    found = []
    for index, cell in enumerate(tail):
        if reading_cell(cell) is not None:
            found.append(index)
        elif not _NOT_READ.fullmatch(cell):
            return None
    return found or None


def _cells(text: str) -> list[str] | None:
    """A table row's cells, or a series row's words then its values ("P1 wall ... 61 / 33 / 14")."""
    stripped = text.strip()
    if "|" in stripped:
        return [cell.strip() for cell in stripped.strip("|").split("|")]
    parts = [part.strip() for part in re.split(r"\s/\s", stripped, maxsplit=_MAX_DAYS)]
    if len(parts) < _MIN_DAYS:
        return None
    head = _SERIES_HEAD.search(parts[0][-40:])
    if head is None:
        return None
    words = parts[0][-40:][: head.start()]
    return [words, head.group("first").strip(), *parts[1:]]


def _cell_value(cell: str) -> float | None:
    number = reading_cell(cell)
    return None if number is None else number.value


def redated(readings: list[ReadingDraft], line_number: int, days: list[date]) -> list[ReadingDraft] | None:
    """The readings with those of the table just above `line_number` moved to their column's day;
    None when the rows above are not such a table."""
    start = max(0, len(readings) - _LOOK_BACK)
    by_line: dict[int, list[int]] = {}
    for index in range(start, len(readings)):
        seen = readings[index].source.line
        if seen is not None:
            by_line.setdefault(seen, []).append(index)
    expected, moved = line_number - 1, dict[int, ReadingDraft]()
    while expected in by_line:
        indexes = by_line[expected]
        text = readings[indexes[0]].source.text
        columns = _row_values(text, len(days))
        all_cells = _cells(text)
        if columns is None or all_cells is None or len(indexes) > len(columns):
            return None
        cells = all_cells[-len(days) :]
        # Each reading to the next column holding its value, in order: a value the row repeats
        # from a line above may have been kept there only ("61" told in prose, then "61 / 33 / 14").
        remaining = iter(columns)
        for index in indexes:
            column = next((c for c in remaining if _cell_value(cells[c]) == readings[index].value), None)
            if column is None:
                return None
            moved[index] = replace(readings[index], taken_on=days[column])
        expected -= 1
    if len({readings[index].taken_on for index in moved}) > 1 or not moved:
        return None  # (rows already of several days were read by their own header)
    return [moved.get(index, draft) for index, draft in enumerate(readings)]
