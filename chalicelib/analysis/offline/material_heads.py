"""A room heading its line, and rooms its heading names only as landmarks.

"Living room (downstairs): ceiling drywall along the kitchen opening", "Bathroom (shares a wall with the
laundry): vinyl wet; drywall on the laundry side of the room wet", "Attic above the primary bathroom:
growth on the sheathing": the line's materials are its heading room's, not the room named after them
only to say where they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.material_words import MaterialWord
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS

# A room heading its line: "Living room (downstairs):", "Kitchen, 14 x 12 ft:", "Study -".
_HEAD_REACH = 4
_HEADS_LINE = re.compile(
    r"(?: ?\([a-z ]{1,20}\))?"
    r"(?:,? ?\d{1,3}(?:\.\d{1,2})? ?x ?\d{1,3}(?:\.\d{1,2})? ?(?:m|ft|')?)? ?[:\-\u2013]",
    FLAGS,
)


# "Bathroom (shares a wall with the laundry):": a heading room, a bracket naming a landmark room.
_BRACKET_HEAD = re.compile(r" ?\([^()]{1,60}\) ?[:\-\u2013]", FLAGS)
# "Attic above the primary bathroom:", "Roof space over bed 2 -": a heading room placed by another.
_PLACED_HEAD = re.compile(r" (?:above|over|below|beneath|under|behind|beside|next to)(?: the)? ", FLAGS)
_HEAD_MARK = re.compile(r"(?: ?\([^()]{1,40}\))? ?[:\-\u2013]", FLAGS)
# "on the laundry side of the room", "laundry side wall of bath": a wall's side named by the room beyond.
_SIDE_OF = re.compile(r" side(?: wall)? of\b", FLAGS)


def heads_line(text: str, room: Mention) -> bool:
    """Whether the room heads its line ("Kitchen, 14 x 12 ft:", "Study -")."""
    return room.start <= _HEAD_REACH and _HEADS_LINE.match(text, room.end) is not None


def heading_list(text: str, group: Sequence[Mention]) -> bool:
    """Whether a list of rooms heads its line ("Bedroom 2 (3 x 3 m) and bedroom 3 (3 x 4 m): ..."): what
    the line goes on to say without naming a room is the whole list's, not its last room's."""
    return (
        len(group) > 1 and group[0].start <= _HEAD_REACH and _HEAD_MARK.match(text, group[-1].end) is not None
    )


def landmarked_head(
    text: str, rooms: Sequence[Mention], word: MaterialWord, owner: Mention | None
) -> Mention | None:
    """ "Bathroom (shares a wall with the laundry): vinyl wet; drywall on the laundry side of the
    room wet": the heading's room, when the room the material would fall to is only a landmark, in
    the heading's brackets or naming a side of a wall."""
    if owner is None or not rooms or rooms[0].start > _HEAD_REACH or owner is rooms[0]:
        return None
    head = rooms[0]
    bracket = _BRACKET_HEAD.match(text, head.end)
    if bracket is None and len(rooms) > 1 and owner is rooms[1]:
        # "Attic above the primary bathroom: growth on the sheathing": the heading's room, placed
        bracket = _PLACED_HEAD.fullmatch(text, head.end, owner.start) and _HEAD_MARK.match(text, owner.end)
        return head if bracket and bracket.end() <= word.start else None
    if bracket is None or bracket.end() > word.start:
        return None
    if owner.start < bracket.end() or _SIDE_OF.match(text, owner.end):
        return head
    return None
