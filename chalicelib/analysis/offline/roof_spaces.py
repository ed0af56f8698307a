"""A roof space written as the cavity over a room ("batts in the roof space over the family room
soaked", "Roof space over both: batts wet"): its wet insulation is the ceiling of the room below,
not an area of its own. One whose own structure took the damage (sheathing, rafters, trusses) or
that is measured stays an area."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.room_states import seen_damage
from chalicelib.analysis.offline.text import FLAGS, Sentences

ROOF_SPACE_BASES = frozenset({"attic"})
# The roof space placed over the rooms: "over the ensuite", "above both", "over that section".
_PLACED_OVER = re.compile(
    r"\b(?:roof ?space|roof void|attic)(?: [a-z]+)? (?:over|above) (?:the|both|that|this|each|all|those)\b",
    FLAGS,
)
# The roof's own structure: what makes the space itself damaged.
_ROOF_STRUCTURE = re.compile(r"\b(?:sheathing|rafters?|truss\w*|sarking|decking|purlins?|roof)\b", FLAGS)


# ... and said damaged on the space's own line ("Attic: ... visible growth on the underside of the roof
# sheathing over an area of 6 x 8 ft, and on two rafters"), whatever the material list kept of it.
_OWN_STRUCTURE = re.compile(
    r"\b(?:sheathing|rafters?|truss(?:es)?|sarking|purlins?|roof (?:deck\w*|sheeting|boards?))\b", FLAGS
)


def places_roof_space_over(text: str) -> bool:
    return _PLACED_OVER.search(text) is not None


def ceiling_cavity_only(area: AreaDraft) -> bool:
    """Whether a roof space area holds only what a ceiling below it holds (insulation, joists)."""
    if area.base not in ROOF_SPACE_BASES or area.dimensions or area.stated_area_sqft:
        return False
    if any(_ROOF_STRUCTURE.search(name) for name in area.materials.values()):
        return False
    text = area.source.text
    sentences = Sentences(text)
    for match in _OWN_STRUCTURE.finditer(text):
        # (its own clause: "batts wet over the ensuite; trusses dry" tells the trusses dry)
        start, end = sentences.bounds(match.start())
        start = max(start, text.rfind(";", start, match.start()) + 1)
        stop = text.find(";", match.end(), end)
        if seen_damage(text, start, stop if stop >= 0 else end):
            return False
    return True
