"""A point defined with one ID for several surfaces, parted by slashes: "REF bed 1 GIB / bed 1 floor",
read later as "REF 11 / 13" in that order. Used by the point registry."""

from __future__ import annotations

import re
from dataclasses import replace

from chalicelib.analysis.offline.reading_legend import LegendPoint, cell_scale
from chalicelib.analysis.offline.reading_point_rooms import point_room
from chalicelib.analysis.offline.readings import materials_in

_SURFACE_GAP = re.compile(r"\s+/\s+")
_MAX_SURFACES = 3
_BRACKET = re.compile(r"\([^()]{0,60}\)")


def register_surfaces(points: dict[str, LegendPoint], point: LegendPoint, words: str) -> list[str]:
    """Each surface of a point's words registered as "REF/1", "REF/2" with its own words; the codes
    registered (none when the words name one surface or too many)."""
    surfaces = _SURFACE_GAP.split(_BRACKET.sub(" ", words).strip())
    if not 2 <= len(surfaces) <= _MAX_SURFACES or not all(surfaces):
        return []
    codes = []
    for index, surface in enumerate(surfaces, start=1):
        materials = materials_in(surface)
        code = f"{point.code}/{index}"
        points[code] = replace(
            point,
            code=code,
            room=point_room(surface) or point.room,
            material=materials[0] if materials else None,
            scale=cell_scale(surface) or point.scale,
            surface=surface,
        )
        codes.append(code)
    return codes
