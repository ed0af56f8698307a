"""Cabinetry named as a place rather than as what got wet: "water sat against the vanity", "behind the
base cabinets", "the dishwasher beside the sink cupboard". A part of the cabinet is the cabinet itself:
"the top of one upper cabinet", "the bottom of the vanity cabinet was swollen"; and water that fell on
a cabinet reached it: "upper cabinets wet on top" (a slab or a tile "wet on top" is only surface water;
a cabinet's top is its own board).
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

_LANDMARK_BEFORE = re.compile(
    r"\b(?:under|behind|beside|next to|against|below|above|inside|in|from|beneath|near|around|by|of|out of"
    r"|at)(?: the| a| an)?(?: [a-z]{1,10}){0,3} $",
    FLAGS,
)
# ("back of the vanity" is as often where the water sat: left a place)
_PART_OF = re.compile(
    r"\b(?:top|tops|bottom|bottoms|base|front|fronts|face|faces|side|sides|underside|floor|kick) of"
    r"(?: the| a| an| one| two| both| each)?(?: [a-z]{1,10}){0,2} $",
    FLAGS,
)
_WET_ON_TOP = re.compile(r"(?: [a-z]{1,12}){0,5} (?:wet|damp|soaked|saturated) on (?:the )?tops?\b", FLAGS)


def cabinet_as_place(text: str, start: int) -> bool:
    """Whether the cabinetry starting at `start` is named as where something is, not as itself."""
    lo = max(0, start - 50)
    return _LANDMARK_BEFORE.search(text, lo, start) is not None and _PART_OF.search(text, lo, start) is None


def cabinet_wet_on_top(text: str, end: int) -> bool:
    """Whether the cabinetry ending at `end` is said wet on its top ("upper cabinets wet on top")."""
    return _WET_ON_TOP.match(text, end, end + 80) is not None
