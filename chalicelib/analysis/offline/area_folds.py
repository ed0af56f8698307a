"""Areas of one room written two ways, folded into one: a bare "bedroom" beside the one "Bedroom 2",
a numbered room described only through its parts ("412 bathroom")."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.areas import AreaDraft

# Rooms joined into one open-plan space ("Lounge/dining", "Kitchen & meals", "living and dining")
_JOINED = re.compile(r"\s*(?:/|&|\+|\band\b)\s*", re.IGNORECASE)
# The level an open-plan space is placed on ("downstairs living and dining"): where, not which room.
_LEVEL_LEAD = re.compile(
    r"^(?:downstairs|upstairs|ground[- ]floor|first[- ]floor|main[- ]floor|upper|lower|basement)\s+",
    re.IGNORECASE,
)


def _joins(space: str, room: str) -> bool:
    """Whether an open-plan space's name joins this room's one word with another room's."""
    parts = [part.strip().lower() for part in _JOINED.split(space)]
    return len(parts) > 1 and room.strip().lower() in parts


def fold_bare_rooms(areas: dict[str, AreaDraft]) -> None:
    """ "cupboard floor, hallway and one bedroom", with "bedroom 2, 3.4 x 3.1 m" on another line:
    a room of a kind written bare, when one room of that kind is named, is that room."""
    for key, area in list(areas.items()):
        # ("Main hallway" beside "Upstairs hallway": a word of its own names another room)
        if key != f"|{area.base}|" or " " in area.room.strip() or area.dimensions or area.stated_area_sqft:
            continue
        named = [other for other_key, other in areas.items() if other_key != key and other.base == area.base]
        if not named:
            # ("Affected: lounge/dining 7.0 x 5.0 m", then "Lounge plasterboard @ 500 mm": a room of an
            # open-plan space written alone is that space)
            named = [other for other in areas.values() if other is not area and _joins(other.room, area.room)]
        if len(named) == 1:
            del areas[key]
            for material_key, name in area.materials.items():
                named[0].materials.setdefault(material_key, name)
            for material_key, span in area.soaked_materials.items():
                named[0].soaked_materials.setdefault(material_key, span)


def fold_numbered_rooms(areas: dict[str, AreaDraft]) -> None:
    """ "Room 412 - bathroom and half the guestroom carpet", then "412 bathroom: tile ...": the
    numbered room is the area and its parts' materials are its own, when the notes describe it
    only through its parts."""
    for key, area in list(areas.items()):
        if area.base != "numbered_room" or area.materials:
            continue
        number = key.split("|", 1)[0].removeprefix("room")
        parts = [other for other in areas if other.startswith(f"{number}|")]
        for part in parts:
            for material_key, name in areas.pop(part).materials.items():
                area.materials.setdefault(material_key, name)


def fold_open_plan_named_apart(areas: dict[str, AreaDraft]) -> None:
    """ "lower level: living and dining on slab", then "Living room 5.8 x 4.6 m ... Dining room 3.9 x
    3.4 m": an open-plan space written once, with no size, whose every room the notes name as an area
    of its own, is those areas, not one more."""
    for key, area in list(areas.items()):
        parts = [part.strip().lower() for part in _JOINED.split(_LEVEL_LEAD.sub("", area.room))]
        if len(parts) < 2 or area.dimensions or area.stated_area_sqft:
            continue
        others = [other for other in areas.values() if other is not area]
        owners = [
            next((other for other in others if other.room.lower().split()[0] == part), None) for part in parts
        ]
        if all(owner is not None for owner in owners) and len({id(owner) for owner in owners}) == len(parts):
            del areas[key]
            for owner in owners:  # (what was said of the space was said of each of its rooms)
                for material_key, name in area.materials.items():
                    owner.materials.setdefault(material_key, name)  # type: ignore[union-attr]
