"""A space under a floor whose only wet is the floor above: "Crawlspace below: vapour barrier intact,
plywood wet under the kitchen only", "Basement: subfloor boards damp under the laundry". The wet sheet
and framing are the floor of the room above, seen from below; the space under it is where the writer
looked, not an affected area of its own (its own things wet, "vapour barrier torn and wet", "insulation
soaked", "water on the basement floor", make it one)."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.room_states import seen_damage
from chalicelib.analysis.offline.spaces_vocabulary import ROOM_PATTERN, Mention
from chalicelib.analysis.offline.text import FLAGS

# The spaces under a floor a writer goes down into to look at its underside.
UNDER_FLOOR_SPACES = frozenset({"crawlspace", "basement", "cellar", "subfloor_space"})
# A clause is a part of the line between stops and commas.
_CLAUSE = re.compile(r"[^,;.]+", FLAGS)
# Right before the room above, whose floor the wet part is ("under the kitchen", "beneath the laundry").
_UNDER = re.compile(r"\b(?:under|beneath|below|underneath) (?:the |their |our )?$", FLAGS)
# What is the floor above seen from below: its sheet and its framing.
_FLOOR_ABOVE = re.compile(
    r"\b(?:plywood|ply|osb|subfloor|sub-floor|underside|boards?|sheeting|particleboard|chipboard"
    r"|joists?|bearers?|framing)\b",
    FLAGS,
)


def underside_only(text: str, mention: Mention) -> bool:
    """Whether the under-floor space's line tells no wet but the underside of a named room's floor:
    each clause after the space's name that tells damage names the floor's sheet or framing and the
    room above it."""
    if mention.base not in UNDER_FLOOR_SPACES:
        return False
    wet = [
        clause.group()
        for clause in _CLAUSE.finditer(text, mention.end)
        if seen_damage(clause.group(), 0, len(clause.group()))
    ]
    return bool(wet) and all(
        _under_a_room(clause) and _FLOOR_ABOVE.search(clause) is not None for clause in wet
    )


def _under_a_room(clause: str) -> bool:
    return any(_UNDER.search(clause, 0, room.start()) for room in ROOM_PATTERN.finditer(clause))
