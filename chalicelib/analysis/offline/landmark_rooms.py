"""Rooms a line names only as a landmark for a spot in the room the notes are on."""

from __future__ import annotations

import re
from collections.abc import Sequence

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


def line_rooms(text: str, rooms: Sequence[Mention]) -> list[Mention]:
    """The rooms a line moves the notes to: those not named only as a landmark."""
    return [room for room in rooms if not is_landmark(text, room)]
