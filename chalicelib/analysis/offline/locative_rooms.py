"""Rooms a line names only to place another: "basement below the kitchen", "the wall between the
bathroom and bed 2", "the linen closet down the hall", "Corridor to the cool room: 8 x 1.5 m"."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.room_verdicts import is_spot
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS

# "Basement below kitchen", "plasterboard hall wall": a room named to place something, not the subject.
# ("read from below and logged with the kitchen": the room whose record holds the readings)
_LOCATIVE_BEFORE = re.compile(
    # ("Family room, adjoining the kitchen. Carpet wet": the kitchen only says where the room is)
    # ("into the adjoining family room" names the room itself)
    r"\b(?:below|above|under|beneath|next to|adjacent to|beside|behind|off|outside|from|towards?"
    r"|(?<!the )(?<!an )(?<!a )(?:adjoining|abutting)"
    r"|across from|opposite|(?:logged|recorded|listed|entered|filed) (?:with|under)"
    # "hardwood wet at the foot of the stairs": a spot in the room named first
    r"|(?:foot|head|top|bottom) of"
    # "wet from the kitchen door to the doorway of bedroom 1": the room's door marks where it stopped
    # ("under the door into Bella's room", "under the door of bed 2 closet": where the water went)
    r"|(?<!under the )(?<!through the )(?<!across the )(?<!past the )(?<!beneath the )"
    r"(?:door(?:way)?|threshold|entry|entrance) of)(?: the)? $"
    r"|, (?:across|opposite|beside|near|next to)(?: from)?(?: the)? $",
    FLAGS,
)


# "stain on the lounge ceiling, near the wall to the kitchen": the wall the room shares places the stain
_SHARED_WALL_BEFORE = re.compile(
    r"\b(?:near|by|on|at|beside|against|along|close to|next to) (?:the )?(?:wall|partition)"
    r" (?:to|with|of)(?: the)? $",
    FLAGS,
)


_LOCATIVE_AFTER = re.compile(r" (?:wall|side|door(?:way)?|end|edge|threshold)s?\b", FLAGS)


# "the wall between bathroom + bed 2": both rooms only place the wall.
_BETWEEN_BEFORE = re.compile(r"\bbetween (?:the )?$|\bbetween (?:the )?\S+ (?:and|\+|&) (?:the )?$", FLAGS)


# "Corridor to the cool room: 8 x 1.5 m": a passage heading its line is named by where it leads; the
# room it leads to only places it ("water ran down the hall to the kitchen" is not a heading).
_PASSAGES = frozenset({"hallway", "landing", "stairwell"})
_LEADS_TO = re.compile(r" (?:(?:that |which )?leads? to|leading to|to|towards?) (?:the )?", FLAGS)
_LINE_OPENING = re.compile(r"[\s\-*#>\u2022\d.)]*(?:the )?", FLAGS)


# A value, its scale, then the separator of a list of readings: the room after it opens the next
# item and is that item's subject ("lounge wall 31%, bed 2 wall 28%", "hall 40 / laundry wall 52").
_OPENS_LIST_ITEM = re.compile(
    r"\d(?: ?(?:%\s?mc|%|mc|wme|rel))?\)?[ \t]*(?:[,;|]|[ \t]/)[ \t]*(?:the )?$", FLAGS
)


# Right after another room: "closet down the hall", "bathroom off the hallway", "bedroom next to the kitchen".
_PLACES_PREVIOUS = re.compile(
    r" (?:down|up|along|across|off|near|by|beside|next to|opposite|across from|at the end of) (?:the )?",
    FLAGS,
)


def is_locative(text: str, mention: Mention, previous: Mention | None) -> bool:
    window = max(0, mention.start - 40)
    if _BETWEEN_BEFORE.search(text, window, mention.start) is not None:
        return True
    if previous is not None and _PLACES_PREVIOUS.fullmatch(text, previous.end, mention.start):
        return True  # "the linen closet down the hall": the hall only places the closet
    if (
        previous is not None
        and previous.base in _PASSAGES
        and _LINE_OPENING.fullmatch(text, 0, previous.start)
        and _LEADS_TO.fullmatch(text, previous.end, mention.start)
    ):
        return True
    has_subject = previous is not None
    if not has_subject:
        return False
    if _OPENS_LIST_ITEM.search(text, max(0, mention.start - 24), mention.start) is not None:
        return False  # ("kitchen wall 66 / guest room wall 48": each item of a list names its own room)
    if is_spot(text, mention):
        return True  # "Bathroom OSB at toilet", "floor OSB at closet": a spot in the room named first
    if _SHARED_WALL_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None:
        return True
    before = _LOCATIVE_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    return before is not None or _LOCATIVE_AFTER.match(text, mention.end) is not None
