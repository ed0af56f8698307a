"""The wet extent a scope line gives: "Removed and disposed of wet underlay in the family room,
11 m2", "Remove wet underpad, bedroom 3: 30 sq ft". A quantity of work tells how much was wet only
when the item says the flooring it takes up was wet; "remove carpet 14 m2" says nothing of it."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.material_words import material_words
from chalicelib.analysis.offline.measures import area_sqft
from chalicelib.analysis.offline.text import FLAGS, is_negated
from chalicelib.analysis.offline.wet_breakdowns import breakdown, written_value
from chalicelib.analysis.offline.wet_extents import AREA_QUANTITY

# A wet word on the flooring itself: "wet underlay", "damp pad strip", "the wet strip of guest room pad".
_WET_FLOORING = re.compile(
    r"\b(?:wet|damp|soaked|saturated|sodden|water[- ]damaged)"
    r" (?:[\w/-]+ ){0,4}?(?:carpet(?: tiles?)?|cpt|underlay|u/lay|under-?pad|pad|cushion|vinyl(?: planks?)?"
    r"|sheet vinyl|lino(?:leum)?|laminate|lvp|lvt|floorboards|floor(?:ing)?)\b",
    FLAGS,
)
# Where the item a quantity ends begins: the line's start, a semicolon, or the quantity before it.
_ITEM_START = re.compile(r";|^\s*[-*\u2022]|\d\.\s", FLAGS)
_ITEM_REACH = 90  # how far back from its quantity an item's words may be (bounded: linear)

AreaAt = Callable[[int], AreaDraft | None]


# Water is what is extracted: "extracted 732 SF of floor (420 sales floor, ...)" measures wet floor
_EXTRACTED = re.compile(r"\bextract(?:ed|ion|ing)?\b", FLAGS)


def read_scope_extents(text: str, area_at: AreaAt) -> None:
    """Each wet flooring the line's items take up, as the floor extent of the room it is in; a
    total extracted or taken up wet that the item breaks down by room, as each room's part."""
    previous_end = 0
    for match in AREA_QUANTITY.finditer(text):
        value = written_value(match.group("value"))
        found = breakdown(text, match.end(), value) if value else None
        item = text[max(0, match.start() - _ITEM_REACH) : match.start()]
        if found is not None and (_EXTRACTED.search(item) or _WET_FLOORING.search(item)):
            for part in found[1]:
                area = area_at(part.at)
                if area is not None and area.wet.scope_floor_sqft is None:
                    area.wet.scope_floor_sqft = round(area_sqft(match) * part.value / value, 1)
            previous_end = found[0]
            continue
        if match.start() < previous_end:
            continue
        start = max(previous_end, match.start() - _ITEM_REACH)
        previous_end = match.end()
        stops = [found.end() for found in _ITEM_START.finditer(text, start, match.start())]
        item_start = stops[-1] if stops else start
        wet = next(
            (
                found
                for found in _WET_FLOORING.finditer(text, item_start, match.start())
                if not is_negated(text, found.start(), found.end())
            ),
            None,
        )
        if wet is None:
            continue
        area = area_at(match.start())
        if area is not None and area.wet.scope_floor_sqft is None:
            area.wet.scope_floor_sqft = area_sqft(match)


# "Carpet and underlay were removed from the lounge (22 m2)", "remove carpet pad, 15 SF", "underlay
# pulled & binned 4.0 m2": flooring taken up, by the quantity. It says nothing of how much was wet
# unless the notes say elsewhere that the room's flooring was wet (AreaDraft.wet_floor decides).
_TAKE_UP = re.compile(
    r"\b(?:remov(?:e|ed|al|ing)|lift(?:ed|ing)?|pull(?:ed|ing)?|pulled up|strip(?:ped)? out|strip(?:ped)?"
    r"|rip(?:ped)? (?:out|up)|tore (?:out|up)|tear (?:out|up)|cut (?:out|back)|dispos(?:e|ed|al)"
    r"|dump(?:ed)?|bagg?(?:ed)?|binned|discard(?:ed)?|took up|take up|skip)\b",
    FLAGS,
)
# What a floor extent can be taken up in: coverings and their underlays, not boards under a tray
# (carpet and its underlay are one flooring: "carpet wet", then "underlay pulled, 6 m2")
_FLOORING = {"carpet": "carpet", "underlay": "carpet", "vinyl": "vinyl", "laminate": "laminate"}
_FLOORING |= {"hardwood": "hardwood"}
_OF_AFTER = re.compile(r" of (?:the |wet |damp |this |that )*", FLAGS)
_ITEM_LOOK_BACK = 160  # how far back a list of rooms may carry its item's verb (bounded: linear)


def read_removed_flooring(
    text: str, area_at: AreaAt, room_at: Callable[[int], AreaDraft | bool | None] = lambda pos: False
) -> None:
    """Each quantity of flooring a line's items take up, kept as the room's removed flooring;
    `room_at`: the room named at a position, as its affected area, None for a room not affected, or
    False for no room ("pulled 56 SF of hall carpet": the hall's, whatever room the line began on;
    "20 SF of bath vinyl", the bath not affected: no one's)."""
    words = material_words(text)
    previous_end = 0
    for match in AREA_QUANTITY.finditer(text):
        start = max(0, match.start() - _ITEM_LOOK_BACK)
        stops = [found.end() for found in _ITEM_START.finditer(text, start, match.start())]
        item_start = stops[-1] if stops else start
        # The material the quantity measures: the last one named in its item, not past the quantity
        # before it unless none is named since ("the lounge (22 m2), bedroom 2 (11 m2)")
        named = [word for word in words if item_start <= word.start < match.start()]
        since = [word for word in named if word.start >= previous_end]
        previous_end = match.end()
        material = (since or named)[-1] if named else None
        of = _OF_AFTER.match(text, match.end())
        named_room: AreaDraft | bool | None = False
        if of is not None:
            # "discarded 3 m2 of it", "pulled 12 m2 of the carpet": what follows "of" is measured
            material = next((word for word in words if of.end() <= word.start <= of.end() + 20), None)
            named_room = room_at(of.end())
        if material is None or material.key not in _FLOORING:
            continue
        verb = _TAKE_UP.search(text, item_start, match.start())
        if verb is None or is_negated(text, verb.start(), verb.end()):
            continue
        area = area_at(match.start()) if named_room is False else named_room
        if isinstance(area, bool):
            continue
        if area is not None and area.wet.removed_floor_sqft is None:
            area.wet.removed_floor_sqft = area_sqft(match)
            area.wet.removed_floor_key = _FLOORING[material.key]


# A clause that says a floor or its covering is wet: "carpet and pad saturated", "~45 m2 of wet
# floor", "Water across the whole floor", "soaked the carpet and underlay"
_FLOOR_WET = re.compile(
    r"\b(?:wet|saturated|soaked|sodden|damp|flooded|under water|standing water|pooled|ponding)\b"
    r"|\bwater (?:across|over|on|covering|covered|spread across|lying on|sitting on)\b",
    FLAGS,
)
_CLAUSE = re.compile(r"[^.;!?|,]+")
_ANY_FLOOR = re.compile(r"\bfloor(?:s|ing)?\b", FLAGS)
_DRY_AFTER = re.compile(r" (?:\w+ ){0,2}?(?:dry|intact|unaffected|not wet|fine|ok)\b", FLAGS)
ANY_FLOORING = "floor"  # the notes call a floor wet without saying what covers it


def wet_floorings(text: str) -> set[str]:
    """The floorings a line calls wet ("carpet", "vinyl", ...), and ANY_FLOORING for a wet floor."""
    found: set[str] = set()
    for clause in _CLAUSE.finditer(text):
        words = clause.group(0)
        if not any(not is_negated(words, wet.start(), wet.end()) for wet in _FLOOR_WET.finditer(words)):
            continue
        for word in material_words(words):
            if word.key in _FLOORING and not _DRY_AFTER.match(words, word.end):
                found.add(_FLOORING[word.key])
        if _ANY_FLOOR.search(words):
            found.add(ANY_FLOORING)
    return found


def settle_removed_flooring(areas: Iterable[AreaDraft], wet_keys: Collection[str]) -> None:
    """The flooring each room's scope took up is its wet floor when the notes say that flooring
    was wet (`wet_keys`, wherever they said it) and give no extent of their own; never more than
    the room holds."""
    for area in areas:
        wet, floor = area.wet, area.floor_sqft
        removed = wet.removed_floor_sqft
        said = wet.removed_floor_key in wet_keys or ANY_FLOORING in wet_keys
        if removed is None or not said or wet.scope_floor_sqft is not None:
            continue
        if floor is None or removed <= floor * 1.05:
            wet.scope_floor_sqft = removed
