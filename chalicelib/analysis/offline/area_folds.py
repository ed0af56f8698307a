"""Areas of one room written two ways, folded into one: a bare "bedroom" beside the one "Bedroom 2",
a numbered room described only through its parts ("412 bathroom")."""

from __future__ import annotations

from chalicelib.analysis.offline.areas import AreaDraft


def fold_bare_rooms(areas: dict[str, AreaDraft]) -> None:
    """ "cupboard floor, hallway and one bedroom", with "bedroom 2, 3.4 x 3.1 m" on another line:
    a room of a kind written bare, when one room of that kind is named, is that room."""
    for key, area in list(areas.items()):
        # ("Main hallway" beside "Upstairs hallway": a word of its own names another room)
        if key != f"|{area.base}|" or " " in area.room.strip() or area.dimensions or area.stated_area_sqft:
            continue
        named = [other for other_key, other in areas.items() if other_key != key and other.base == area.base]
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
