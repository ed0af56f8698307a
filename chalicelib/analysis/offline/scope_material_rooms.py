"""Rooms a scope line writes after its materials: "Remove and reinstall baseboard, rec room and bedroom 3:
46 LF", "Remove baseboard - hall 6 LF, BR2 12 LF", "Remove skirting for drying, hallway: 15 lm",
"Remove baseboard (vinyl cove), Exam 4: 22 LF".

An estimate line names the work and the material first and then, after a comma, a dash or a colon,
the rooms it was done in, before its quantity. The rooms place every material of the run before them
("carpet, underlay and skirting - lounge"), never a material with other work or words between it and
the rooms.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from chalicelib.analysis.findings import AffectedArea, ScopeItem
from chalicelib.analysis.offline.material_words import MaterialWord, material_words
from chalicelib.analysis.offline.material_work import nearest_work
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS

# Between two materials of the run: joins only.
_JOIN = re.compile(r"(?:\s|,|&|\+|/|\band\b)*", FLAGS)
# Between the run and its rooms: a bracketed note, a purpose ("for drying"), then the separator.
_GAP = re.compile(
    # ("Flood cut drywall 2 ft, rec room and hall", "plasterboard to 400 mm, reception": the cut's height)
    r"(?: ?\([^()]{1,30}\))?(?: (?:to |at |@ ?)?\d{1,4}(?:\.\d{1,2})? ?(?:ft|feet|in|mm|cm|m|'|\")\.?"
    r"(?: (?:high|up|aff))?)?(?: (?:for|to) [a-z ]{1,25}?)?"
    r"\s*(?:,|\s[-\u2013]|:)\s*(?:(?:in|from|to|at) )?(?:the )?",
    FLAGS,
)
_NOTE = re.compile(r" ?\([^()]{1,30}\)", FLAGS)
# What follows the rooms on an estimate line: its quantity, a colon before it, or the line's end.
_ITEM_END = re.compile(r"\s*(?:[:;.(]|[-\u2013]\s|,?\s*\d|$)", FLAGS)


def rooms_listed_after(
    text: str, words: Sequence[MaterialWord], index: int, room_start: int, rooms_end: int
) -> bool:
    """Whether the rooms from `room_start` to `rooms_end` are the ones a scope line lists after the run
    of materials that `words[index]` is part of."""
    position = words[index].end
    for other in words[index + 1 :]:
        if other.start >= room_start:
            break
        note = _NOTE.match(text, position)
        if note is not None and other.end <= note.end():
            continue  # ("baseboard (vinyl cove), Exam 4": a material in the note on the last one)
        if not _JOIN.fullmatch(text, position, other.start):
            return False
        position = other.end
    if _GAP.fullmatch(text, position, room_start) is None:
        return False
    return _ITEM_END.match(text, rooms_end) is not None


# Room-less estimate lines ("- Remove baseboard, 64 LF" under a scope heading naming no room): the
# block's other removed materials say whose room it is. When they are at least two, and exactly one
# affected area already holds them all ("carpet", "pad", "drywall" are the rec room's and not the
# laundry's), the line's material is that area's too; with two candidate rooms it stays unplaced.
_MIN_SIBLINGS = 2


def _removed(item: ScopeItem) -> MaterialWord | None:
    """The one material a room-less line removes, when it is one."""
    if item.room is not None or not item.material:
        return None
    text = item.description
    words = [
        word for word in material_words(text) if word.key in {w.key for w in material_words(item.material)}
    ]
    if len({word.key for word in words}) != 1:
        return None
    word = words[0]
    return word if nearest_work(text, 0, len(text), word.start, word.end) else None


def with_roomless_scope_materials(
    areas: Sequence[AffectedArea], items: Sequence[ScopeItem]
) -> list[AffectedArea]:
    removed = [word for word in map(_removed, items) if word is not None]
    added: dict[int, list[str]] = {}
    for word in removed:
        siblings = {other.key for other in removed} - {word.key}
        if len(siblings) < _MIN_SIBLINGS:
            continue
        holders = [i for i, area in enumerate(areas) if siblings <= _keys(area.materials)]
        if len(holders) == 1 and word.key not in _keys(
            [*areas[holders[0]].materials, *added.get(holders[0], [])]
        ):
            added.setdefault(holders[0], []).append(word.name)
    return [
        area.model_copy(update={"materials": [*area.materials, *added[i]]}) if i in added else area
        for i, area in enumerate(areas)
    ]


def _keys(names: Sequence[str]) -> set[str]:
    return {word.key for name in names for word in material_words(name)}


def with_area_rooms(items: Sequence[ScopeItem], areas: Sequence[AffectedArea]) -> list[ScopeItem]:
    """A room-less line that names exactly one affected area is that area's work: "Remove glue-down
    carpet, concourse: 900 SF", "Lift vinyl in the proof room: 12 m2".

    The room lexicon knows houses, not every space a job names (a concourse, a proof room, bay 3);
    the affected areas the notes describe do. A line naming two areas, or none, stays unplaced: the
    report prints "—" rather than a guessed room. So does a line that gives several items ("5 m2 of
    underlay in the spare room and the 0.9 m2 of vinyl in the cupboard": which item is whose is the
    clause's, not the line's) or names a room the lexicon knows (the scope reader already weighed it)."""
    names = sorted({area.room for area in areas if area.room.strip()}, key=len, reverse=True)
    per_line = Counter(item.source.line for item in items)
    placed: list[ScopeItem] = []
    for item in items:
        if (
            item.room is not None
            or not names
            or per_line[item.source.line] > 1
            or room_mentions(item.description)
        ):
            placed.append(item)
            continue
        named = _named_areas(item.description, names)
        placed.append(item.model_copy(update={"room": named[0]}) if len(named) == 1 else item)
    return placed


def _named_areas(text: str, names: Sequence[str]) -> list[str]:
    """The areas a line names, longest first, a shorter name inside a longer one's words not again."""
    taken: list[tuple[int, int]] = []
    named: list[str] = []
    for name in names:
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, FLAGS):
            if any(start <= match.start() and match.end() <= end for start, end in taken):
                continue  # ("Concourse" inside "Concourse north wall", already the longer area's)
            taken.append(match.span())
            if name not in named:
                named.append(name)
    return named
