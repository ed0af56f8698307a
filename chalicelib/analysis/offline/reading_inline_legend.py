"""A point legend written as prose, wherever it stands: "A = drywall behind toilet, 4 in. AFF
(bathroom). B = drywall, closet side of bath wall (sleeping area). E = Room 411 drywall, dry
standard." Drying logs often put it under the wide table it explains, so it is read from the whole
document before the scan, and the table's columns ("Date A B C D E") are read as its points."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chalicelib.analysis.offline.reading_legend import LegendPoint
from chalicelib.analysis.offline.reading_legend_columns import legend_column_lines
from chalicelib.analysis.offline.reading_point_registry import point_registry, with_registry
from chalicelib.analysis.offline.readings import REFERENCE_WORD, materials_in, names_reference
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import Line

# "A = ...", "P2 = ...", "DS: ..." after a line start or a sentence end; the definition runs to the
# next code's definition, a ";" or the line's end.
_DEFINITION = re.compile(
    r"(?:^|(?<=[.;,] ))(?P<code>[A-Z]{1,2}\d{0,2}|DS\d?) ?(?:=|:) ?(?P<words>.+?)"
    # (a legend a point a line, its lines joined: "... (ME5 %) K2 = prep area wall" parts at the "=")
    r"(?=\.? ?(?:;|$)|[.;,] (?:[A-Z]{1,2}\d{0,2}|DS\d?) ?(?:=|:) | (?:[A-Z]{1,2}\d{0,2}|DS\d?) ?= )",
)
# "(sleeping area)": words only ("(17-20)" in a dry-mark legend is a range, not a place)
_BRACKETED_PLACE = re.compile(r"\((?P<place>[A-Za-z][A-Za-z '/-]{1,29})\)")
_MIN_POINTS = 2  # one "A = ..." is a label; a legend defines several points
_MAX_LINE = 2_000  # a legend is a line or two, not a page
_MAX_TAIL = 80  # the wrapped end of a legend's last definition: a few words
_MAX_WRAPS = 4  # a labelled legend's lines


@dataclass(frozen=True)
class InlineLegend:
    """The points a document's prose legends define, by code, and the lines they take (which hold
    heights and room numbers, not readings)."""

    points: dict[str, LegendPoint]
    lines: frozenset[int]


def inline_legend(lines: Sequence[Line], text: str = "") -> InlineLegend:
    document = text  # (the document as written: `text` is each run's joined lines below)
    points: dict[str, LegendPoint] = {}
    taken: set[int] = set()
    for run in _definition_runs(lines):
        text = " ".join(line.text for line in run)
        found = [point for match in _DEFINITION.finditer(text) if (point := _point(match)) is not None]
        if len(found) >= _MIN_POINTS:
            points.update((point.code, point) for point in found)
            taken.update(line.number for line in run)
    for run in _labelled_runs(lines):
        text = " ".join(line.text for line in run)
        found = [point for item in text.split(";") if (point := _labelled_point(item)) is not None]
        if len(found) >= _MIN_POINTS:
            points.update((point.code, point) for point in found)
            taken.update(line.number for line in run)
    # (every other way a line defines points, a point a line among them: reading_point_registry; a
    # legend typed in two columns is read a point a line there too; the document as written gives
    # a drawn map's boxes)
    registry = point_registry(legend_column_lines(lines, document) if document else lines, document)
    return InlineLegend(with_registry(points, registry), frozenset(taken | registry.lines))


# "Legend: A office N wall drywall 6 in. AFF; B office slab; X front office drywall (dry standard)."
# A labelled legend: each point a code then its words, the points parted by semicolons.
_LABELLED = re.compile(r"\s*(?:point |map |pin )?(?:legend|key)\s*:\s*(?=\S)", re.IGNORECASE)
_LABELLED_ITEM = re.compile(
    r"\s*(?P<code>[A-Z]{1,2}\d{0,2}|DS\d?|#?\d{1,2})\s+(?P<words>[A-Za-z].{2,150}?)[\s.]*"
)


def _labelled_runs(lines: Sequence[Line]) -> Iterable[list[Line]]:
    """A labelled legend's lines: its label's line and those it wrapped onto, to a full stop or a
    blank line (at most a few lines: a legend is no page)."""
    run: list[Line] = []
    for line in lines:
        wrapped = line.text.strip() and " | " not in line.text and not line.text.lstrip().startswith("|")
        if run and wrapped and not run[-1].text.rstrip().endswith(".") and len(run) < _MAX_WRAPS:
            run.append(line)
            continue
        if run:
            yield run
            run = []
        if _LABELLED.match(line.text) and ";" in line.text and len(line.text) <= _MAX_LINE:
            run = [line]
    if run:
        yield run


def _labelled_point(item: str) -> LegendPoint | None:
    """ "B shipping office E wall drywall 6 in. AFF": a code, then a room and a material."""
    item = _LABELLED.sub("", item, count=1)
    match = _LABELLED_ITEM.fullmatch(item)
    if match is None:
        return None
    words = match.group("words")
    materials = materials_in(words)
    if not materials:
        return None
    # ("F warehouse slab, aisle 15": a space the vocabulary does not know, by the words before)
    room = _room_words(words) or _leading_place(words[: materials[0].start])
    if not room:
        return None
    code = match.group("code").lstrip("#")
    return LegendPoint(
        code=code,
        room=room,
        material=materials[0],
        scale=None,
        reference=names_reference(words) or code.startswith("DS"),
    )


_PLACE_WORDS = re.compile(r"[A-Za-z]{3,}(?: [A-Za-z]{3,}){0,2}")
_PART_WORDS = re.compile(
    r"\b(?:wall|floor|ceiling|side|corner|edge|north|south|east|west|centre|center|under|behind|at|by|near)\b",
    re.IGNORECASE,
)


def _leading_place(words: str) -> str:
    """The words before a point's material when they are a name, not a part of a room."""
    words = words.strip(" ,-")
    return words if _PLACE_WORDS.fullmatch(words) and not _PART_WORDS.search(words) else ""


def _definition_runs(lines: Sequence[Line]) -> Iterable[list[Line]]:
    """Consecutive lines that define codes: a legend a PDF wrapped onto the next line is one."""
    run: list[Line] = []
    for line in lines:
        if "=" in line.text and len(line.text) <= _MAX_LINE and _DEFINITION.search(line.text):
            run.append(line)
            continue
        if run and len(line.text) <= _MAX_TAIL and not run[-1].text.endswith("."):
            run.append(line)  # "E = Room 411 drywall," / "dry standard.": the last one wrapped
        if run:
            yield run
        run = []
    if run:
        yield run


def _point(match: re.Match[str]) -> LegendPoint | None:
    """A definition naming a material or a room; others ("W = wet (over 20)") are no point's."""
    words = match.group("words")
    materials = materials_in(words)
    room = _room_words(words)
    if not materials and not room:
        return None
    code = match.group("code")
    return LegendPoint(
        code=code,
        room=room,
        material=materials[0] if materials else None,
        scale=None,
        reference=names_reference(words) or code.startswith("DS"),
    )


def _room_words(words: str) -> str:
    """The room a definition names: the room it starts with ("kitchenette ceiling board edge
    (remaining perimeter strip)"), else a bracketed place ("drywall, closet side of bath wall
    (sleeping area)"), else the first room its words name ("corridor wall beside 412 door")."""
    mentions = room_mentions(words)
    if mentions and mentions[0].start == 0:
        return words[mentions[0].start : mentions[0].end]
    bracket = _BRACKETED_PLACE.search(words)
    # ("(dry standard)" says what the point is for, not where it is)
    if bracket is not None and REFERENCE_WORD.search(bracket.group("place")) is None:
        return bracket.group("place")
    return words[mentions[0].start : mentions[0].end] if mentions else ""
