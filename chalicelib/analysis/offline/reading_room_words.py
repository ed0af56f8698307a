"""Rooms a reading's words name short: by a word of an affected room's name ("CME family 4.2" is
the Family room's, "bath drywall" the Bathroom's), by its initials ("TR2 slab"), or, for a wide
table's point column, by its heading or the letters of the points beside it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.reading_places import point_room
from chalicelib.analysis.offline.reading_point_rooms import PART_WORDS
from chalicelib.analysis.offline.reading_room_codes import room_code_key
from chalicelib.analysis.offline.reading_room_numbers import numbered_room_key
from chalicelib.analysis.offline.reading_row_parts import WHERE_WORDS
from chalicelib.analysis.offline.readings import REFERENCE_WORD, materials_in
from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS

# Words that start room names but name no one room ("main bathroom", "upstairs hall").
_GENERIC_ROOM_WORDS = frozenset(
    {"main", "upstairs", "downstairs", "ground", "first", "second", "lower", "upper", "front", "back", "rear"}
    | {"north", "south", "east", "west", "master", "guest", "spare", "room", "the", "basement"}
)


# Rooms written short in labels: "bath drywall", "bed 2 skirting".
_SHORT = {
    **{"bath": "bathroom", "bed": "bedroom", "ldry": "laundry", "kit": "kitchen", "ens": "ensuite"},
    **{"mech": "mechanical", "util": "utility"},
}
_SIDE_WORD = re.compile(r"\b[a-z]+ side\b", FLAGS)


# "(from basement)": the room a point was reached from, not the room it is in.
_FROM_BEFORE = re.compile(r"\bfrom (?:the )?$", FLAGS)


_LABEL_WORD = re.compile(r"[a-z][a-z']*", FLAGS)


_MAX_LABEL_WORDS = 120


def _name_words(name: str) -> set[str]:
    """The words a room is called by in short: its first and its last ("Hot water cupboard")."""
    # ("Kitchen-diner" is called the "diner" too)
    words = [word for word in re.split(r"[\s-]+", name.lower()) if word and word not in _GENERIC_ROOM_WORDS]
    return {words[0], words[-1]} if words else set()


def _joined_words(area: AreaDraft) -> set[str]:
    """The other half of a joined room the notes described ("Kitchen-diner 5.8 x 3.6 m" is the
    Kitchen's area, and a "diner screed" point is in it); and the part of the room its heading
    names after the room ("Sales floor checkout counter: ...", "Garage workbench (north end): ..."),
    by which a later label calls it alone ("Checkout counter base: 38%MC")."""
    name = area.room.lower()
    text = area.source.text[:_JOINED_LOOK].lower()
    words = {
        found.group(1) or found.group(2)
        for found in _JOINED.finditer(text)
        if found.group(0).startswith(name)
    }
    at = text.find(name)
    part = _PART_HEADING.match(text, at + len(name)) if at >= 0 and name else None
    if part is not None and _names_a_part(part.group(1)):
        words.add(part.group(1))
    return words - _GENERIC_ROOM_WORDS


def _names_a_part(word: str) -> bool:
    """A heading's word after the room that names a part of it, not where on a surface or what."""
    return not (WHERE_WORDS.fullmatch(word) or PART_WORDS.fullmatch(word) or materials_in(word))


# "kitchen-diner", "lounge/dining": two rooms written as one space
# "kitchen nook", "dining alcove": a part of a room by a word of its own, later called by that word
# alone ("the nook ceiling was 100")
_JOINED = re.compile(
    r"\b[a-z]+(?:[-/]([a-z]{4,})|\s(nook|alcove|annexe?|recess|bump-?out|extension|sunroom))\b"
)
_JOINED_LOOK = 200
# A heading that goes on after the room's name with a word or two, then its colon or bracket
_PART_HEADING = re.compile(r" ([a-z]{4,})(?: [a-z]{3,})? ?[:(]")


_THING_WORD = re.compile(r"[a-z]{4,}")
# words a point shares with another without being in its room: surfaces, materials, positions
_NOT_A_THING = frozenset(
    {
        "wall",
        "floor",
        "ceiling",
        "subfloor",
        "drywall",
        "plasterboard",
        "carpet",
        "centre",
        "center",
        "side",
        "north",
        "south",
        "east",
        "west",
        "under",
        "from",
        "near",
        "corner",
        "edge",
        "door",
        "doorway",
        "room",
        "living",
        "dining",
        "kitchen",
        "bath",
        "bathroom",
        "bedroom",
        "hall",
        "hallway",
        "basement",
        "standard",
    }
)


class RoomWords:
    """The affected rooms a label names by a word: RoomScan keeps the areas these methods read."""

    areas: dict[str, AreaDraft]
    _resolve: Callable[[Mention], Mention]

    def _area_by_word(self, label: str) -> Mention | None:
        """An affected room a label names by its first word only ("CME family 4.2" in a job whose
        Family room is affected), when only one affected room starts with that word."""
        label = _SIDE_WORD.sub(" ", label[:_MAX_LABEL_WORDS])  # ("laundry side": a side, not a room)
        written = [word.lower() for word in _LABEL_WORD.findall(label)]
        # ("bath" is the Bathroom, or the "Basement bath" a job calls it)
        words = {*written, *(_SHORT[word] for word in written if word in _SHORT)}
        words -= _GENERIC_ROOM_WORDS
        found = [
            key for key, area in self.areas.items() if words & (_name_words(area.room) | _joined_words(area))
        ]
        if len(found) != 1:
            # ("TR2 slab" in a job whose Treatment Room 2 is affected: the room by its initials)
            found = [key] if (key := room_code_key(label, self.areas)) is not None else []
        if len(found) != 1:
            # ("112 ceiling drywall" in a motel job whose Room 112 is affected: the room by its number)
            found = [key] if (key := numbered_room_key(label, self.areas)) is not None else []
        if len(found) != 1:
            return None
        return Mention(key=found[0], name=self.areas[found[0]].room, start=0, end=0)

    def _column_room(self, label: str, columns: Sequence[str], *, alone: bool = False) -> Mention | None:
        """The room of a wide table's point column: named in its heading ("D2 dining by kitchen"),
        never one it was reached from ("SF subfloor (from basement)"); else the room its point
        letters stand for ("K1 fridge" beside "K2", "K3" in the kitchen); else, when every other
        point of the table is in one affected room, that room ("Plywood at cut" beside G1-G3)."""
        named = [
            self._resolve(mention)
            for mention in room_mentions(label)
            if not _FROM_BEFORE.search(label, max(0, mention.start - 12), mention.start)
        ]
        if named:
            return named[0]
        names = {key: area.room for key, area in self.areas.items()}
        key = point_room(label, columns, names)
        if key is not None:
            return Mention(key=key, name=names[key], start=0, end=0)
        if alone:
            return None
        # ("SF subfloor under fridge" beside "K1 fridge": the room of the point it shares a thing with)
        words = set(_THING_WORD.findall(label.lower())) - _NOT_A_THING
        for other in columns[1:]:
            if other != label and words & set(_THING_WORD.findall(other.lower())):
                room = self._column_room(other, columns, alone=True)
                if room is not None and room.key in self.areas and REFERENCE_WORD.search(other) is None:
                    return room
        others = {
            room.key if room is not None and room.key in self.areas else None
            for other in columns[1:]
            if other != label and REFERENCE_WORD.search(other) is None
            for room in (self._column_room(other, columns, alone=True),)
        }
        key = next(iter(others)) if len(others) == 1 else None
        return Mention(key=key, name=names[key], start=0, end=0) if key is not None else None
