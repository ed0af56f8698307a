"""Box maps: a floor plan drawn in text, each room a box of "+---+" rules and "|" walls, its name
written in capitals inside it and its moisture points marked where they were taken.

    +---------------------------+     +------------------------------+
    | LAUNDRY  9 x 6 ft         |     | GARAGE (slab)                |
    |  [A] wall behind washer   |     |  (D) slab at the door        |
    |  [B] toe kick             |     |  (E) block wall, 4 in. AFF   |
    +------+--------------------+     +------------------------------+
    | HALL | [C] carpet edge    |
    +------+--------------------+

A point is in the box its mark is drawn in: the room named at the head of its cell, else the
nearest name above it in its column with no rule between them, else a room its own words name,
else a name on its line to its left. Its words (to the next mark) give its material and scale.
The lines are read as written (a line's text has its spaces collapsed), matched back by number."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from chalicelib.analysis.offline.reading_legend import LegendPoint, cell_scale
from chalicelib.analysis.offline.readings import REFERENCE_WORD, materials_in
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import collapse

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MAX_LINE = 200  # a drawing's line is a page wide at most
_MAX_BLOCK = 60  # lines one drawing may take (bounded scan)
# A drawn line: it starts with a wall or a corner (after its indent).
_DRAWN = re.compile(r"[ \t]*[+|]")
# A horizontal rule: corner to corner, dashes (perhaps a label or a door gap in them), no wall.
_RULE = re.compile(r"\+[^|\n]*\+")
_RULE_DASHES = re.compile(r"-{3}")
# A fixture drawn as a box of underscores ("|___________|") closes what is above it too.
_UNDERSCORES = re.compile(r"_{3,}")
# A point's mark: bracketed ("[A]", "(3)", "(3S)") or a letter-and-digit code ("R1", "MP2").
_MARK = re.compile(
    r"[\[(]#?(?P<bracketed>[A-Z]{1,3}-?\d{1,2}[A-Z]?|[A-Z]|\d{1,2}[A-Z]?)[\])]"
    r"|(?<![\w/.-])(?P<bare>[A-Z]{1,3}-?\d{1,2})(?![\w/.-])"
)
# A box's name: capital words opening the cell ("HALL BATH", "UTILITY RM", "STORAGE AREA").
# (a room's number goes with it, "BED 2"; a size does not: "KITCHEN 14' x 12'", "STORE 26 x 20 ft")
_HEADING = re.compile(
    r"[A-Z][A-Z'&/-]+(?!\w)(?: [A-Z][A-Z'&/-]*(?!\w)| \d{1,2}[A-Z]?(?![\w'\".]| ?(?:x|ft|m|mm)\b| ?x\d))*"
)
_MIN_HEADING = 3
_MIN_POINTS = 2


@dataclass(frozen=True)
class _Cell:
    start: int  # column of the cell's first character (after its wall)
    end: int
    text: str


@dataclass
class _Heading:
    start: int
    end: int
    room: str


def _drawn_blocks(raw: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last + 1) line indexes of each run of drawn lines with a corner-to-corner rule in it:
    a Markdown table ("|---|---|") has no corner and is no drawing."""
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(raw):
        if not _is_drawn(raw[index]):
            index += 1
            continue
        end = index
        while end < len(raw) and end - index < _MAX_BLOCK and _is_drawn(raw[end]):
            end += 1
        if any(_rules(raw[i]) for i in range(index, end)):
            blocks.append((index, end))
        index = end
    return blocks


def _is_drawn(line: str) -> bool:
    return len(line) <= _MAX_LINE and _DRAWN.match(line) is not None


def _rules(line: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _RULE.finditer(line) if _RULE_DASHES.search(m.group(0))]
    return spans + [(m.start(), m.end()) for m in _UNDERSCORES.finditer(line)]


def _cells(line: str, rules: Sequence[tuple[int, int]]) -> list[_Cell]:
    """The text between walls: a rule's corners are walls too, its dashes no text."""
    chars = list(line)
    walls: list[int] = []
    for start, end in rules:
        for position in range(start, end):
            chars[position] = " "
        walls.extend((start, end - 1))
    walls.extend(position for position, char in enumerate(line) if char == "|")
    walls.sort()
    flat = "".join(chars)
    return [
        _Cell(left + 1, right, flat[left + 1 : right])
        for left, right in pairwise(walls)
        if flat[left + 1 : right].strip()
    ]


def _heading(cell: _Cell) -> str | None:
    """The room a cell opens with: capital words, not a point's mark nor a material."""
    stripped = cell.text.lstrip()
    found = _HEADING.match(stripped)
    if found is None or len(found.group(0).replace(" ", "")) < _MIN_HEADING:
        return None
    name = found.group(0).strip()
    if _MARK.fullmatch(name) or (materials_in(name) and not room_mentions(name)):
        return None
    return name


def _marks(cell: _Cell) -> list[tuple[str, int, str]]:
    """(code, column, words) for each point marked in a cell: its words run to the next mark."""
    found = list(_MARK.finditer(cell.text))
    marks = []
    for index, mark in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(cell.text)
        code = (mark.group("bracketed") or mark.group("bare")).upper()
        marks.append((code, cell.start + mark.start(), collapse(cell.text[mark.end() : end]).strip(" -:,")))
    return marks


def box_points(text: str) -> tuple[dict[str, LegendPoint], frozenset[int]]:
    """Every point marked inside a drawn box, in its box's room; and the drawing's line numbers
    (1-based), which hold sizes and heights, not readings. Points no box or word places are left
    out: a mark in a drawing with no room is not a point the notes define."""
    raw = _LINE_BREAK.split(text)
    points: dict[str, LegendPoint] = {}
    taken: set[int] = set()
    for first, last in _drawn_blocks(raw):
        found: dict[str, LegendPoint] = {}
        headings: list[_Heading] = []
        for index in range(first, last):
            line = raw[index]
            rules = _rules(line)
            # (a rule closes the boxes above it in its columns)
            headings = [h for h in headings if not any(s < h.end and h.start < e for s, e in rules)]
            cells = _cells(line, rules)
            named = [(cell, name) for cell in cells if (name := _heading(cell)) is not None]
            for cell, name in named:
                headings = [h for h in headings if not (h.start < cell.end and cell.start < h.end)]
                headings.append(_Heading(cell.start, cell.end, name))
            for cell in cells:
                own = next((name for other, name in named if other is cell), None)
                for code, column, words in _marks(cell):
                    room = own or next((h.room for h in headings if h.start <= column < h.end), None)
                    if room is None:
                        mentions = room_mentions(words)
                        room = words[mentions[0].start : mentions[0].end] if mentions else None
                    if room is None:
                        room = next((name for other, name in reversed(named) if other.end <= column), None)
                    if room is None or code in found:
                        continue
                    materials = materials_in(words)
                    found[code] = LegendPoint(
                        code=code,
                        room=room,
                        material=materials[0] if materials else None,
                        scale=cell_scale(words),
                        reference=REFERENCE_WORD.search(words) is not None,
                    )
        if len(found) >= _MIN_POINTS:
            points.update(found)
            taken.update(range(first + 1, last + 1))
    return points, frozenset(taken)
