"""A table's wet-extent column: "| Room | Size | Wet | Materials |" then "| Laundry | 2.0 x 1.6 m |
whole floor | vinyl |". The header says what the cell is, so the cell needs no wet word of its own
("approx. 3,200 SF", "whole floor", "ceiling 60 SF")."""

from __future__ import annotations

import re
from collections.abc import Callable

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.measures import CEILING_WORD, DIMENSIONS, area_sqft
from chalicelib.analysis.offline.text import FLAGS, Line
from chalicelib.analysis.offline.wet_extents import AREA_QUANTITY
from chalicelib.analysis.offline.wet_full_extents import FULL_EXTENT

# "Wet", "Wet area", "Wet extent", "Wet floor (m2)"; not "What got wet" (that column lists materials)
_WET_HEADER = re.compile(
    r"^wet(?: (?:area|extent|floor(?: area)?|surface area))?(?: ?\([^()]{0,8}\))?$", FLAGS
)
_RULE_ROW = re.compile(r"^[\s|:\-]+$")
# A PDF table's header row loses its bars: "Room Size What got wet Wet area". When it starts with
# the room column and ends with the wet column, each row's trailing measure is its wet extent.
_TRAILING_WET_HEADER = re.compile(
    r"^(?:room|area|location|space|zone)\b[a-z /&-]{0,60} wet (?:area|extent|floor(?: area)?|surface area)"
    r"(?: ?\([^()]{0,8}\))?$",
    FLAGS,
)
_TRAILING_QUANTITY = re.compile(rf"(?:{AREA_QUANTITY.pattern})$", FLAGS)
# The same header with the wet column between the size and the materials: "Room Size Wet area
# Materials", "Area Dimensions Wet extent Materials". Each row reads "Kitchen 4.3 m x 3.7 m about
# 9 m2 ceramic tile ...": the wet cell is what starts right after the row's size.
_SIZED_WET_HEADER = re.compile(
    r"^(?:room|area|location|space|zone) (?:size|dimensions|dims)(?: \([^()]{0,8}\))?"
    r" wet(?: (?:area|extent|floor(?: area)?|surface area))?(?: ?\([^()]{0,8}\))?"
    r" (?:materials?|what got wet|what is wet|notes|comments|surfaces?|finishes|floor(?:s|ing)?|walls?"
    r"|ceilings?|linings?)\b[a-z /&-]{0,40}$",
    FLAGS,
)
_APPROX = r"(?:(?:approx(?:imately)?\.?|about|around|roughly|c\.|~) ?)?"
_WET_CELL = re.compile(rf" ?{_APPROX}(?:{AREA_QUANTITY.pattern}|{FULL_EXTENT.pattern})", FLAGS)
# A wet cell that says where before how much: "back 28 ft, about 140 SF", "along the bench 24 SF"
# (a few words only, so a materials cell's own figure further on is not taken).
_WET_CELL_LEAD = re.compile(
    rf" ?(?:[^\s\d]\S* |\d{{1,3}} ?(?:ft|m)\b,? ){{1,4}}?{_APPROX}{AREA_QUANTITY.pattern}", FLAGS
)

# "Hall | 1.2 m wide | approx 3 m2 ...": a corridor's size cell gives its width alone.
_ONE_SIDE = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,2})? ?(?:m|ft|')(?= (?:wide|long|deep)\b)\s?\w+", FLAGS)
# How many wrapped lines (the rest of a row's cells) may pass before a sized table is taken as ended.
_WRAP_SLACK = 8

# "whole floor, about 4.3 m2": the figure that follows a whole-floor cell is part of it.
_THEN_FIGURE = re.compile(rf",? ?{_APPROX}{AREA_QUANTITY.pattern}", FLAGS)


def _with_figure(text: str, cell: re.Match[str]) -> str:
    figure = _THEN_FIGURE.match(text, cell.end())
    return text[cell.start() : figure.end()] if figure is not None else cell.group(0)


_CELL_PARTS = re.compile(r"(?:[^,;]|[,;](?! ))+")

AreaAt = Callable[[int], AreaDraft | None]


def _cells(text: str) -> list[tuple[int, int]]:
    """Each cell's span in a `| a | b |` row (a Word table's `a | b | c`), without its padding."""
    spans, start = [], 0
    while start <= len(text):
        end = text.find("|", start)
        end = len(text) if end < 0 else end
        left, right = start, end
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        spans.append((left, right))
        start = end + 1
    if text.lstrip().startswith("|"):
        spans = spans[1:]  # the empty cell before a leading bar (and after a trailing one)
    if spans and spans[-1][0] == spans[-1][1]:
        spans = spans[:-1]
    return spans


def _is_row(text: str) -> bool:
    return text.lstrip().startswith("|") or text.count(" | ") >= 2


class WetColumns:
    """Remembers a table's wet column from its header, and reads that cell of each row below it."""

    def __init__(self) -> None:
        self._column: int | None = None
        self._trailing = False  # under a PDF table's header whose last column is the wet one
        self._sized = False  # under a PDF table's header whose wet column follows the size
        # (a sized row whose wet cell wrapped onto the next line, and the lines left to find it in)
        self._wrapped: AreaDraft | None = None
        self._slack = 0

    def read(self, line: Line, area_at: AreaAt, cell_area_at: AreaAt | None = None) -> None:
        """`cell_area_at`: whose a cell is, when a room named inside it only places the wet ("35 sq
        ft along the wall shared with the bathroom" is the row's room's)."""
        text = line.text
        if not _is_row(text):
            self._column = None  # the table has ended
            self._read_trailing(line, area_at)
            return
        if _RULE_ROW.match(text):
            return
        cells = _cells(text)
        wet = [index for index, (start, end) in enumerate(cells) if _WET_HEADER.match(text[start:end])]
        if wet:
            self._column = wet[0]
            return
        if self._column is None or self._column >= len(cells) or self._column == 0:
            return
        start, end = cells[self._column]
        area = (cell_area_at or area_at)(start)
        read = area is not None and self._read_cell(text[start:end], area)
        if area is not None and read and (not area.evidence or area.evidence[-1].line != line.number):
            area.evidence.append(line.span())

    def _read_trailing(self, line: Line, area_at: AreaAt) -> None:
        """ "1418 bathroom 8 ft x 10 ft porcelain tile 80 sq ft" under "Room Size What got wet Wet
        area": the row's room (its first words) holds the measure it ends with; the first row that
        does not end with one ends the table."""
        text = line.text.strip()
        if _TRAILING_WET_HEADER.match(text):
            self._trailing = True
            return
        if _SIZED_WET_HEADER.match(" ".join(text.split())):
            self._sized, self._wrapped, self._slack = True, None, _WRAP_SLACK
            return
        if self._sized:
            self._read_sized(line, area_at)
            return
        if not self._trailing:
            return
        quantity = _TRAILING_QUANTITY.search(text)
        if quantity is None:
            self._trailing = False
            return
        area = area_at(line.text.find(text[:1]))
        read = area is not None and self._read_cell(quantity.group(0), area)
        if area is not None and read and (not area.evidence or area.evidence[-1].line != line.number):
            area.evidence.append(line.span())

    def _read_sized(self, line: Line, area_at: AreaAt) -> None:
        """ "Family room 5.2 m x 4.0 m about 8 m2 at the kitchen side carpet, pad" under "Room Size
        Wet area Materials": the row's room holds the extent that starts right after its size; the
        first line with no size ends the table."""
        text = " ".join(line.text.split())
        size = DIMENSIONS.search(text) or _ONE_SIDE.search(text)
        if size is None or size.start() == 0:
            # A PDF cell wraps: "Living / dining 7.2 x 5.4 m" / "about 9 m2 of slab over 4.5" / "on
            # the CME ...": the wet cell starts the line after its row's size; a few wrapped lines
            # (the rest of a cell) do not end the table, a run of them does.
            wrapped = self._wrapped
            self._wrapped = None
            cell = _WET_CELL.match(text) if wrapped is not None else None
            if (
                wrapped is not None
                and cell is not None
                and self._read_cell(_with_figure(text, cell), wrapped)
            ):
                wrapped.evidence.append(line.span())
            self._slack -= 1
            self._sized = self._slack > 0
            return
        self._slack = _WRAP_SLACK
        cell = _WET_CELL.match(text, size.end()) or _WET_CELL_LEAD.match(text, size.end())
        area = area_at(line.text.find(text[:1]))
        self._wrapped = area if size.end() == len(text.rstrip(" .")) else None
        if cell is None or area is None:
            return
        if self._read_cell(_with_figure(text, cell), area) and (
            not area.evidence or area.evidence[-1].line != line.number
        ):
            area.evidence.append(line.span())

    @staticmethod
    def _read_cell(cell: str, area: AreaDraft) -> bool:
        # "bath ceilings approx 40 SF, entry carpet approx 25 SF": each part measures its own surface
        parts = [part for part in _CELL_PARTS.findall(cell) if AREA_QUANTITY.search(part)]
        for part in parts:
            quantity = AREA_QUANTITY.search(part)
            assert quantity is not None
            if CEILING_WORD.search(part if len(parts) > 1 else cell):
                area.wet.ceiling_sqft = area.wet.ceiling_sqft or area_sqft(quantity)
            else:
                area.wet.floor_sqft = area.wet.floor_sqft or area_sqft(quantity)
        if parts:
            return True
        full = FULL_EXTENT.search(cell)
        if full is not None:
            noun = (full.group("noun") or "").lower()
            if noun.startswith("ceiling"):
                area.wet.ceiling_full = True
            elif not noun.startswith(("wall", "perimeter")):
                area.wet.floor_full = True
            return True
        return False
