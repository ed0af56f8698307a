"""A roof space written as the cavity over a room ("batts in the roof space over the family room
soaked", "Roof space over both: batts wet"): its wet insulation is the ceiling of the room below,
not an area of its own. One whose own structure took the damage (sheathing, rafters, trusses) or
that is measured stays an area."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.text import FLAGS

ROOF_SPACE_BASES = frozenset({"attic"})
# The roof space placed over the rooms: "over the ensuite", "above both", "over that section".
_PLACED_OVER = re.compile(
    r"\b(?:roof ?space|roof void|attic)(?: [a-z]+)? (?:over|above) (?:the|both|that|this|each|all|those)\b",
    FLAGS,
)
# The roof's own structure: what makes the space itself damaged.
_ROOF_STRUCTURE = re.compile(r"\b(?:sheathing|rafters?|truss\w*|sarking|decking|purlins?|roof)\b", FLAGS)


def places_roof_space_over(text: str) -> bool:
    return _PLACED_OVER.search(text) is not None


def ceiling_cavity_only(area: AreaDraft) -> bool:
    """Whether a roof space area holds only what a ceiling below it holds (insulation, joists)."""
    if area.base not in ROOF_SPACE_BASES or area.dimensions or area.stated_area_sqft:
        return False
    return not any(_ROOF_STRUCTURE.search(name) for name in area.materials.values())
