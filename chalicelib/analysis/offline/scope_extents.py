"""The wet extent a scope line gives: "Removed and disposed of wet underlay in the family room,
11 m2", "Remove wet underpad, bedroom 3: 30 sq ft". A quantity of work tells how much was wet only
when the item says the flooring it takes up was wet; "remove carpet 14 m2" says nothing of it."""

from __future__ import annotations

import re
from collections.abc import Callable

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.measures import area_sqft
from chalicelib.analysis.offline.text import FLAGS, is_negated
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


def read_scope_extents(text: str, area_at: AreaAt) -> None:
    """Each wet flooring the line's items take up, as the floor extent of the room it is in."""
    previous_end = 0
    for match in AREA_QUANTITY.finditer(text):
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
