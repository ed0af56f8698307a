"""A table's wet-extent column: "| Room | Size | Wet | Materials |" then "| Laundry | 2.0 x 1.6 m |
whole floor | vinyl |". The header says what the cell is, so the cell needs no wet word of its own
("approx. 3,200 SF", "whole floor", "ceiling 60 SF"). One reader serves every bar-less (PDF) header
too, whatever its columns' order ("Room Level Size Floor Wet", "Level Room Size How much is wet
Materials", "Room Size Affected"), with cells wrapped onto short lines of their own."""

from __future__ import annotations

import re
from collections.abc import Callable

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.measures import CEILING_WORD, DIMENSIONS, WET_WORD, area_sqft
from chalicelib.analysis.offline.text import FLAGS, Line
from chalicelib.analysis.offline.wet_extents import AREA_QUANTITY
from chalicelib.analysis.offline.wet_full_extents import FULL_EXTENT

# The column that says how much of the room got wet, by its title: "Wet", "Wet area", "Wet extent",
# "Wet floor (m2)", "How much is wet", "Extent"; and, a step removed, a column of what the water did
# ("Affected", "What is wet", "What got wet", "Damage", "Findings"), whose cell is read only for a
# measure or a whole floor, never for a materials list. The closer title wins when a table has both.
_WET_TITLE = re.compile(
    r"^(?:wet(?: (?:area|extent|floor(?: area)?|surface area|part))?|how much (?:is |was |got )?wet"
    r"|(?:wet |damage )?extent(?: of (?:water|wetting|damage))?)(?: ?\([^()]{0,8}\))?$",
    FLAGS,
)
_AFFECTED_TITLE = re.compile(
    r"^(?:affected(?: (?:area|extent|surfaces?|part))?|what (?:is|was|got|were) wet|damage(?: observed)?"
    r"|findings|observations?|notes|comments|remarks|description)(?: ?\([^()]{0,8}\))?$",
    FLAGS,
)
_RULE_ROW = re.compile(r"^[\s|:\-]+$")

# A PDF table's header row loses its bars: "Room Level Size Floor Wet", "Area Size Wet extent
# Materials", "Level Room Size How much is wet Materials", "Room Size Affected". It is a short line of
# column titles only, one of them the room's (first, or after a level, unit or number column) and one
# the wet (or affected) column, wherever it stands.
_TITLE_WORDS = frozenset(
    [
        "room",
        "rooms",
        "area",
        "areas",
        "location",
        "space",
        "zone",
        "level",
        "floor",
        "storey",
        "unit",
        "no",
        "no.",
        "#",
        "size",
        "sizes",
        "dimensions",
        "dims",
        "approx",
        "m",
        "ft",
        "m2",
        "sf",
        "sq",
        "metres",
        "feet",
        "wet",
        "extent",
        "affected",
        "what",
        "is",
        "was",
        "got",
        "were",
        "how",
        "much",
        "damage",
        "observed",
        "findings",
        "observations",
        "notes",
        "comments",
        "remarks",
        "description",
        "materials",
        "material",
        "finishes",
        "flooring",
        "floors",
        "walls",
        "wall",
        "ceiling",
        "ceilings",
        "linings",
        "surfaces",
        "surface",
        "condition",
        "of",
        "part",
        "class",
        "category",
        "photos",
    ]
)
_ROOM_TITLES = frozenset(["room", "rooms", "area", "areas", "location", "space", "zone"])
_LEAD_TITLES = frozenset(["level", "floor", "storey", "unit", "no", "no.", "#", "pt"])
_HEADER_TOKEN = re.compile(r"\(?[a-z0-9.#]+\)?|/|&|-", FLAGS)
_WET_IN_HEADER = re.compile(
    r"\b(?:wet(?: (?:area|extent|floor(?: area)?|surface area))?|how much (?:is |was |got )?wet|extent)\b",
    FLAGS,
)
_AFFECTED_IN_HEADER = re.compile(
    r"\b(?:affected|what (?:is|was|got|were) wet|damage(?: observed)?|findings)\b", FLAGS
)
# A column of remarks: its measure counts only where the cell calls it wet.
_NOTES_IN_HEADER = re.compile(r"\b(?:notes|comments|observations?|remarks|description)\b", FLAGS)
_MAX_HEADER_WORDS = 12


def pdf_header(text: str) -> str | None:
    """ "wet", "affected" or "notes" when `text` is a bar-less table header with a room column and a
    wet, affected or notes column; None for anything else (a heading, prose, a header with days)."""
    line = " ".join(text.split()).lower()
    if not line or any(char.isdigit() for char in line) or line.endswith((":", ".")):
        return None
    words = [token.strip("()") for token in _HEADER_TOKEN.findall(line) if token not in "/&-"]
    if not 3 <= len(words) <= _MAX_HEADER_WORDS or any(word not in _TITLE_WORDS for word in words):
        return None
    lead = 1 if words[0] in _LEAD_TITLES else 0
    if words[lead] not in _ROOM_TITLES and not (lead == 0 and words[1] in _ROOM_TITLES):
        return None
    if " not affected" in f" {line}" or "unaffected" in line:
        return None
    if _AFFECTED_IN_HEADER.search(line):
        return "affected"  # ("What is wet": what the water reached, a measure among them)
    if _WET_IN_HEADER.search(line):
        return "wet"
    return "notes" if _NOTES_IN_HEADER.search(line) else None


def _column_kind(title: str) -> str:
    return "notes" if _NOTES_IN_HEADER.fullmatch(title.lower()) else "affected"


_APPROX = r"(?:(?:approx(?:imately)?\.?|about|around|roughly|c\.|~) ?)?"
# "Hall | 1.2 m wide | approx 3 m2 ...": a corridor's size cell gives its width alone.
_ONE_SIDE = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,2})? ?(?:m|ft|')(?= (?:wide|long|deep)\b)\s?\w+", FLAGS)
# How many lines that are no row (the rest of a row's cells, wrapped) may pass before the table ends.
_WRAP_SLACK = 16
# A PDF cell wraps into short lines of its own ("ceiling  stain  about  3" / "m2  over  the  island;"); a
# longer line with no size is prose after the table.
_WRAPPED_LINE = 34

# What the water did is not all a cell of damage says: "heavy smoke, soot on the ceiling 20 m2",
# "dense growth over 1.5 m2" measure fire or mould, not wet, unless the cell says wet too.
_NOT_WATER = re.compile(
    r"\b(?:smoke|soot|char(?:red)?|scorch(?:ed)?|fire|burnt|mou?ld|growth|spores?)\b", FLAGS
)
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
        self._kind = "wet"  # the column's title: "wet", "affected" (what the water did) or "notes"
        # Under a bar-less (PDF) table's header: the row being read, the cell text gathered for it
        # (its wrapped lines), and how many lines may yet pass that are no row
        self._headed = False
        self._row: AreaDraft | None = None
        self._cell = ""
        self._slack = 0

    def read(
        self,
        line: Line,
        area_at: AreaAt,
        cell_area_at: AreaAt | None = None,
        row_area_at: AreaAt | None = None,
    ) -> None:
        """`cell_area_at`: whose a cell is, when a room named inside it only places the wet ("35 sq
        ft along the wall shared with the bathroom" is the row's room's); `row_area_at`: the affected
        room a bar-less row names before a position (its room column, after any level column)."""
        text = line.text
        if not _is_row(text):
            self._column = None  # the table has ended
            self._read_headed(line, row_area_at or area_at)
            return
        self._headed = False
        if _RULE_ROW.match(text):
            return
        cells = _cells(text)
        titles = [" ".join(text[start:end].split()) for start, end in cells]
        wet = [index for index, title in enumerate(titles) if _WET_TITLE.match(title)]
        affected = [index for index, title in enumerate(titles) if _AFFECTED_TITLE.match(title)]
        if wet or affected:
            self._column = wet[0] if wet else affected[0]
            self._kind = "wet" if wet else _column_kind(titles[self._column])
            return
        if self._column is None or self._column >= len(cells) or self._column == 0:
            return
        start, end = cells[self._column]
        area = (cell_area_at or area_at)(start)
        read = area is not None and self._read_cell(text[start:end], area, self._kind)
        if area is not None and read and (not area.evidence or area.evidence[-1].line != line.number):
            area.evidence.append(line.span())

    def _read_headed(self, line: Line, row_area_at: AreaAt) -> None:
        """Under a bar-less header ("Room Level Size Floor Wet"), each row opens with its room and
        size ("Rec room basement 18 ft x 13 ft carpet + pad on slab approx. 110 sq ft"): the row's
        room holds the measure (or whole floor) its cells give after the size, wherever the wet
        column stands. A cell that wrapped onto short lines of its own is read with them; a run of
        lines that are no row, or a line of prose, ends the table."""
        text = " ".join(line.text.split())
        kind = pdf_header(text)
        if kind is not None:
            self._headed, self._kind, self._row, self._cell = True, kind, None, ""
            self._slack = _WRAP_SLACK
            return
        if not self._headed:
            return
        size = DIMENSIONS.search(line.text) or _ONE_SIDE.search(line.text)
        if size is not None and size.start() > 0:
            # a row (of an unaffected room too: "Office 4 x 3 m carpet none", whose cells are no one's)
            self._slack = _WRAP_SLACK
            self._row, self._cell = row_area_at(size.start()), ""
            self._gather(line, line.text[size.end() :])
            return
        self._slack -= 1
        if len(text) > _WRAPPED_LINE or self._slack <= 0:
            self._headed, self._row = False, None  # prose after the table, or a long run of non-rows
            return
        self._gather(line, text)

    def _gather(self, line: Line, text: str) -> None:
        """Add a line's part of the row's cells, and read them once they hold a measure."""
        row = self._row
        if row is None:
            return
        self._cell = f"{self._cell} {' '.join(text.split())}".strip()
        if self._read_cell(self._cell, row, self._kind):
            self._row = None  # read: the rest of the row's lines are other columns
            if not row.evidence or row.evidence[-1].line != line.number:
                row.evidence.append(line.span())

    @staticmethod
    def _read_cell(cell: str, area: AreaDraft, column: str = "wet") -> bool:
        """Read a cell of the wet `column` ("wet"), of what the water did ("affected": not fire's or
        mould's measure), or of notes ("notes": only a measure the cell itself calls wet)."""
        if column != "wet" and _NOT_WATER.search(cell) and not WET_WORD.search(cell):
            return False  # ("heavy smoke, soot 20 m2" under "Affected": fire's extent, not a wet one)
        # "bath ceilings approx 40 SF, entry carpet approx 25 SF": each part measures its own surface
        parts = [part for part in _CELL_PARTS.findall(cell) if AREA_QUANTITY.search(part)]
        if column == "notes":
            parts = [part for part in parts if WET_WORD.search(part)]
        for part in parts:
            quantity = AREA_QUANTITY.search(part)
            assert quantity is not None
            if _on_ceiling(part, cell if len(parts) == 1 else part):
                area.wet.ceiling_sqft = area.wet.ceiling_sqft or area_sqft(quantity)
            else:
                area.wet.floor_sqft = area.wet.floor_sqft or area_sqft(quantity)
        if parts:
            return True
        full = FULL_EXTENT.search(cell)
        if full is not None and (column != "notes" or WET_WORD.search(cell)):
            noun = (full.group("noun") or "").lower()
            if noun.startswith("ceiling"):
                area.wet.ceiling_full = True
            elif not noun.startswith(("wall", "perimeter")):
                area.wet.floor_full = True
            return True
        return False


# A floor's word in a measure's own part: "wet carpet and pad approx 150 SF, ceiling wet at stack" is
# the carpet's measure, whatever else the cell names.
_FLOOR_PART = re.compile(
    r"\b(?:floor(?:ing)?|carpet|pad|underlay|vinyl|lvp|lvt|laminate|tiles?|slab|boards|poly)\b", FLAGS
)


def _on_ceiling(part: str, context: str) -> bool:
    """Whether a measure's part is the ceiling's: it names the ceiling, or names no floor and its
    cell (`context`) names the ceiling."""
    if CEILING_WORD.search(part):
        return True
    return not _FLOOR_PART.search(part) and CEILING_WORD.search(context) is not None
