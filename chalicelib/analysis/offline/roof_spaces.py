"""A roof space written as the cavity over a room ("batts in the roof space over the family room
soaked", "Roof space over both: batts wet"): its wet insulation is the ceiling of the room below,
not an area of its own. One whose own structure took the damage (sheathing, rafters, trusses) or
that is measured stays an area. Nor is one named only as the water's way in ("the cooler's tray
overflowed into the roof space", "rain backed up into the roof void") with nothing of its own told."""

from __future__ import annotations

import re
from dataclasses import fields

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.measures import WetExtents
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


_ROOF_SPACE_WORD = re.compile(r"\b(?:roof ?space|roof void|attic)\b", FLAGS)
# The water's way into the roof space: "overflowed into the roof space", "ran into the roof void",
# "backed up behind the fascia into the roof space", "poured back into the attic".
_WAY_IN_BEFORE = re.compile(
    r"\b(?:overflow\w*|ran|runs?|running|poured|pours?|pouring|backed up|spill\w*|flow\w*|leak\w*|came|went"
    r"|got|seep\w*|entered|tracked|blew|blown|driven)\b(?: \w+){0,5}? (?:back )?into (?:the )?$",
    FLAGS,
)


def water_way_in_only(area: AreaDraft) -> bool:
    """Whether a roof space is only where the water passed on its way to the rooms below: its line
    names it only as where the water went into, and nothing of its own is told (no size, material or
    wet extent)."""
    if area.base not in ROOF_SPACE_BASES or area.dimensions or area.stated_area_sqft or area.materials:
        return False
    empty = WetExtents()
    if any(getattr(area.wet, each.name) != getattr(empty, each.name) for each in fields(WetExtents)):
        return False
    text = area.source.text
    named = list(_ROOF_SPACE_WORD.finditer(text))
    return bool(named) and all(
        _WAY_IN_BEFORE.search(text, max(0, match.start() - 60), match.start()) is not None for match in named
    )


def drop_roof_spaces(areas: dict[str, AreaDraft], over_rooms: set[str], listed: set[str]) -> None:
    """Drop the roof spaces that are no area of their own: a cavity over rooms holding only what
    their ceilings hold, or only the water's way in (unless the writer's own list of the areas names
    it, and never the job's last area)."""
    for key in over_rooms - listed:
        if key in areas and ceiling_cavity_only(areas[key]) and len(areas) > 1:
            del areas[key]
    for key in [key for key, area in areas.items() if water_way_in_only(area)]:
        if len(areas) > 1 and key not in listed:
            del areas[key]
