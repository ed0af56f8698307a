"""Rooms a line names without moving the notes to them: landmarks, equipment logs, air readings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.room_states import seen_damage
from chalicelib.analysis.offline.spaces_vocabulary import Mention

# "carpet/underlay at ensuite door: 40 | 17", "skirting by the laundry doorway 22": a spot in the
# room under the heading, placed by the other room's door or side; the other room is not where the
# notes have moved to.
_BEFORE_LANDMARK = re.compile(
    r"(?:\bat|\bby|\bbeside|\bnear|\bnext to|\bfrom|\btoward|\btowards|\bagainst)(?: the)? ?\Z", re.IGNORECASE
)
_AFTER_LANDMARK = re.compile(
    r"\s?(?:door(?:way|frame| frame| jamb| opening)?|threshold|side|wall|opening|entry|edge)\b", re.IGNORECASE
)
_REACH = 16  # enough for "next to the "; bounds the look back per room


def is_landmark(text: str, room: Mention) -> bool:
    """Whether the room is named only to place a spot ("at ensuite door"), not as the line's room."""
    before = text[max(0, room.start - _REACH) : room.start]
    return (
        room.start > 0
        and _BEFORE_LANDMARK.search(before) is not None
        and _AFTER_LANDMARK.match(text, room.end) is not None
    )


# "Bedroom closet (about 5 x 2 ft, shares the wall with the utility room where the tank is): heavy
# growth", "the bathroom, which backs onto the laundry, ...": a room named to say what another room is
# beside; what the line says is the other room's.
_BESIDE_BEFORE = re.compile(
    r"\b(?:shares?|sharing) (?:the|a|its|one) (?:[a-z]+ )?wall with(?: the)? ?\Z"
    r"|\b(?:backs?|backing) (?:on ?to|against)(?: the)? ?\Z",
    re.IGNORECASE,
)
_BESIDE_REACH = 40
# "about 14 m2 wet, everything except the strip along the cool room", "all of it but a band by the
# store room": a room named to place the part of another room that stayed dry is not itself wet.
_EXCEPT_BEFORE = re.compile(
    r"\b(?:except|excepting|save|but|apart from|other than)(?: for)? (?:the |a |one )?"
    r"(?:[a-z]+ )?(?:strip|band|edge|margin|corner|end|part|section|bit|side|area|run|patch|metre|foot|feet)"
    r" (?:along|beside|by|near|next to|against|at|under|nearest|closest to|toward|towards|facing)"
    r"(?: the)? ?\Z",
    re.IGNORECASE,
)
_EXCEPT_REACH = 60


_CLAUSE_END = re.compile(r"[),;.:]|$")


def only_beside(text: str, room: Mention) -> bool:
    """Whether the room is named only as what another room shares a wall with or backs onto, or to
    place the dry part another room's wet extent leaves out ("all wet except the strip along the cool
    room"). A shared wall counts only when the room's own clause, to the next stop, says nothing
    damaged: "shares a wall with the bathroom, whose floor is soaked" is the bathroom's news too."""
    if _EXCEPT_BEFORE.search(text[max(0, room.start - _EXCEPT_REACH) : room.start]) is not None:
        return True
    if _BESIDE_BEFORE.search(text[max(0, room.start - _BESIDE_REACH) : room.start]) is None:
        return False
    end = _CLAUSE_END.search(text, room.end)
    return not seen_damage(text, room.end, end.start() if end else len(text))


def line_rooms(text: str, rooms: Sequence[Mention]) -> list[Mention]:
    """The rooms a line moves the notes to: those not named only as a landmark."""
    return [room for room in rooms if not is_landmark(text, room)]


# "|AM-2|Air mover|Kitchen|Nov 20|Nov 24|", "Atmospherics (C / %RH): Nov 20 kitchen 21.5 / 68":
# an equipment log's row or an air-readings line says where a unit stood or the air was read; the
# notes after it are not about that room.
_LOG_LINE = re.compile(
    r"\A\s*(?:(?:\|[^\n]{0,120}?|[A-Z]{1,4}[- ]?\d{1,3}\s+(?:\w+\s+)?)"
    r"\b(?:air movers?|dehumidifiers?|dehus?|LGR|AFD|air scrubbers?)\b"
    r"|(?:atmospherics?|psychrometrics?|ambient|air readings?)\b)",
    re.IGNORECASE,
)


def log_line(text: str) -> bool:
    """Whether the line is a row of an equipment log or a line of air readings."""
    return _LOG_LINE.match(text) is not None
