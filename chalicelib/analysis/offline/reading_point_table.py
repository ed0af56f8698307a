"""A readings table with a row per day and a column per point, as a PDF's text gives it.

"| Date | HW-1 Dining centre | SF-1 Subfloor under dining | REF Living room oak |" loses its bars
when a PDF is read: the header becomes "Date HW-1 Dining centre SF-1 Subfloor under dining REF
Living room oak" and each row "2026-11-22 31 27 8". The point codes ("HW-1", "SF-1", "K3", "REF")
mark where each column's title starts; a row is a day and as many values as there are points.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_numbers import is_reading_cell
from chalicelib.analysis.offline.text import FLAGS, collapse

_DAY_WORD = re.compile(r"\s*(?:date|day|visit|read on)\b", FLAGS)
# A point's code: letters and a number ("HW-1", "K3", "SF-1", "P12a") or the reference's.
# (A wide gap in a PDF's line reads as a comma: "HW-1, Dining centre".)
# ("Pt 1  Pt 2  REF", "Point 3", "#4": a numbered point by the word for a point, read as one title)
_POINT_CODE = re.compile(
    r"(?<!\S)(?:[A-Z]{1,4}-?\d{1,2}[a-z]?|(?:(?i:pt|point|pnt)\.?\s?|#)\d{1,2}[A-Za-z]?|(?:REF|DS|STD)(?:-[A-Z0-9]{1,2})?|Ref)(?=,?(?:\s|$))"
)
# A cell with no value: a dash, "n/a", or a word for why the point was not read that day ("met":
# its goal was met; "dry", "removed", "cut")
_NO_VALUE = frozenset({"-", "\u2013", "\u2014", "n/a", "N/A", "nr", "NR", "n/r", "N/R"})
_NO_VALUE_WORDS = frozenset({"met", "dry", "ok", "done", "removed", "cut", "gone", "pulled", "stripped"})
_MIN_POINTS = 2


def point_header(text: str) -> list[str] | None:
    """The column titles of a day-by-point header line ("Date", then each point with its words)."""
    day = _DAY_WORD.match(text)
    if day is None:
        return None
    codes = list(_POINT_CODE.finditer(text, day.end()))
    if len(codes) < _MIN_POINTS or text[day.end() : codes[0].start()].strip():
        return None
    titles = [
        collapse(text[code.start() : codes[index + 1].start() if index + 1 < len(codes) else len(text)])
        .replace(",", " ", 1)
        .strip(" ,")
        for index, code in enumerate(codes)
    ]
    titles = [collapse(title) for title in titles]
    return [collapse(day.group(0)), *titles]


def day_row_cells(text: str, width: int, dates: Dates) -> list[str] | None:
    """A row of that table as cells: its day, then one value (or a dash) per point."""
    tokens = _day_row(text, width, dates)
    return tokens if tokens is not None and len(tokens) == width else None


def short_day_row(text: str, width: int, dates: Dates) -> bool:
    """Whether the line is a row of that table with fewer values than points: a PDF drops an empty
    cell, so which point each value is stays unknown; the row is the table's, read by no one."""
    tokens = _day_row(text, width, dates)
    return tokens is not None and _MIN_POINTS <= len(tokens) - 1 < width - 1


def _day_row(text: str, width: int, dates: Dates) -> list[str] | None:
    tokens = text.split()
    if len(tokens) == width + 1 or (
        len(tokens) < width and len(tokens) > 2 and not is_reading_cell(tokens[1])
    ):
        tokens = [f"{tokens[0]} {tokens[1]}", *tokens[2:]]  # "Nov 22 31 34 ...": a day in two words
    if len(tokens) > width or not dates.find(tokens[0], None, yearless_numeric=True):
        return None
    values = tokens[1:]
    if not all(
        value in _NO_VALUE or value.lower() in _NO_VALUE_WORDS or is_reading_cell(value) for value in values
    ):
        return None
    return tokens


# A column of a dry standard: its code ("STD-A", "REF", "DS2", "R1") or its words say so
_STANDARD_TITLE = re.compile(
    r"^(?:STD|REF|DS|DRY)\b|^R-?\d{1,2}\b|\b(?:dry ?std|dry standard|reference|unaffected)\b", FLAGS
)


def standards_short_row(text: str, titles: list[str], dates: Dates, last: dict[str, str]) -> list[str] | None:
    """A row short of cells whose own cells mark the points skipped that day ("55 cut 24 10" under
    "P5 P6 P7 STD-A STD-B"): the writer holds a skipped point's place, so the cells left out are the
    dry standards', read on some visits only and last in the table. Its cells as a full row: the
    affected points' in order, each value after them in the one standard column whose last value
    (`last`, by title) it repeats (a dry standard stays put), a dash in the others (a value that
    repeats no one standard's is left unread); None when the row is no such row."""
    tokens = _day_row(text, len(titles), dates)
    return held_places_row(tokens, titles, last) if tokens is not None else None


def held_places_row(tokens: list[str], titles: list[str], last: dict[str, str]) -> list[str] | None:
    """standards_short_row's reading of a row already parted into its cells (the day's first)."""
    width = len(titles)
    if not _MIN_POINTS <= len(tokens) - 1 < width - 1:
        return None
    values = tokens[1:]
    if not any(value in _NO_VALUE or value.lower() in _NO_VALUE_WORDS for value in values):
        return None  # (no cell marks a skip in place: a PDF may have dropped any empty cell)
    standards = 0
    for title in reversed(titles[1:]):
        if _STANDARD_TITLE.search(title) is None:
            break
        standards += 1
    affected = width - 1 - standards
    if standards == 0 or len(values) < affected:
        return None
    cells = values[:affected]
    placed = dict.fromkeys(titles[1 + affected :], "-")
    for value in values[affected:]:
        fits = [title for title, cell in placed.items() if cell == "-" and last.get(title) == value]
        if len(fits) == 1:  # (else which standard it is stays unsaid: none is read)
            placed[fits[0]] = value
    return [tokens[0], *cells, *placed.values()]
