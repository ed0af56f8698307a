"""Rooms a line writes as one list, and the room a material is written right after.

"Hallway and bed 2: cpt + u/l wet", "carpet and underlay: lounge 21 m2, bedroom 1 12 m2": rooms written
together share what is said of them. A list the material is written before may name each room's
walls ("flood cut drywall 2 ft: den N + E walls, study, laundry"); a list the material follows may
not. "bathroom + hallway carpet" writes the material right after the list's last room: the other
rooms have it only through that room's compound.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS

# A list is a few rooms at most (a longer run is not one list, and a short one keeps the reading linear)
MAX_LIST = 8

# Between two rooms of one list: joins, articles, and what a scope line writes per room
# ("lounge 21.0 m2, bedroom 1 12.2 m2 and hallway 5.0 m2").
GAP_PARTS = (
    r"\s|,|&|/|\+|\band\b|\bthe\b|\bboth\b|\([a-z0-9.~ ]{0,20}\)"
    r"|~?\d{1,4}(?:\.\d{1,2})? ?(?:m2|sq ?m|sqm|sq ?ft|sf|lm|lf|m|ft)?\b\.?"
)
LIST_GAP = re.compile(rf"(?:{GAP_PARTS})*", FLAGS)
# A list the material is written before ("flood cut drywall 2 ft: den N + E walls, study, laundry",
# "drywall removed in the lounge west wall and the hall both sides") may name each room's walls; a
# list the material follows may not ("the bathroom wall and bedroom skirting": the wall is the
# bathroom's own material, and "kitchen wall 210, hall skirting 19" a row of readings).
WALLED_LIST_GAP = re.compile(
    rf"(?:{GAP_PARTS}"
    r"|\b(?:[nsew]|north|south|east|west|end|back|rear|front|side|shared|party|partition|exterior|interior)"
    r"(?: ?(?:walls?|sides?))?\b|\b(?:walls?|sides?)\b)*",
    FLAGS,
)


# "hall cpt", "Bella's room carpet", "kitchen wall pbd": a room written right before its material.
# ("hallway carpet/underlay": a pair written with a slash goes with the room before it)
ADJACENT = re.compile(
    r"(?:'s)?(?:[ /](?!(?:and|or|in|of|to|from|into|but|the)\b)[a-z]{1,12}){0,2}[ /]", FLAGS
)


def room_lists(text: str, rooms: Sequence[Mention], gap: re.Pattern[str]) -> list[tuple[Mention, ...]]:
    """Each room's list (rooms in order): the rooms written together with it ("Hallway and bedroom 2"),
    joined by what `gap` allows."""
    groups: list[list[Mention]] = []
    for room in rooms:
        previous = groups[-1][-1] if groups else None
        if (
            previous is not None
            and len(groups[-1]) < MAX_LIST
            and gap.fullmatch(text, previous.end, room.start)
        ):
            groups[-1].append(room)
        else:
            groups.append([room])
    return [tuple(group) for group in groups for _ in group]


def compound_room(text: str, word_start: int, owners: tuple[Mention, ...] | None) -> Mention | None:
    """The last room of a list the material at `word_start` is written right after ("bathroom +
    hallway carpet"), when the list shares it with other rooms; None otherwise."""
    if not owners or len(owners) < 2:
        return None
    last = owners[-1]
    if last.collective or last.end > word_start or not ADJACENT.fullmatch(text, last.end, word_start):
        return None
    return last
