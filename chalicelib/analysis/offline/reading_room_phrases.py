"""A room a sentence names in words the room vocabulary may not know: "the nappy change room",
"the sleep room", "the plant room". A reading told in that sentence, after it, is that room's,
before any room an earlier line was about ("... the corridor was only damp." then "Walls in the
nappy change room read 75-90" is no corridor reading)."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.spaces import MAX_ROOM_NAME, Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS, truncate

# "the <one or two words> room": words of a name, not a determiner's ("the same room", "the
# other room", "the whole room" name none).
_ROOM_PHRASE = re.compile(
    r"\bthe (?!(?:same|whole|other|next|each|every|entire|adjoining|one|this|that|affected|wet|dry)\b)"
    r"(?P<name>(?:[a-z][a-z'\u2019]{2,14} ){1,2}room)\b",
    FLAGS,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)")  # (a clause after ";" is still its sentence)
_LOOK_BACK = 200  # how far back in its sentence a reading's room phrase is looked for


def room_phrase_before(text: str, position: int) -> str | None:
    """The last "the ... room" of the sentence before `position`, as a place name."""
    low = max(0, position - _LOOK_BACK)
    ends = [match.end() for match in _SENTENCE_END.finditer(text, low, position)]
    start = ends[-1] if ends else low
    found = None
    for match in _ROOM_PHRASE.finditer(text, start, position):
        found = match.group("name")
    if found is None:
        return None
    return truncate(found[0].upper() + found[1:], MAX_ROOM_NAME)


# "Room 412", "unit 12B", "Suite 210", "apt 3": rooms known by number; "into 312" is then that room
# (three or four digits, not a size: "Utility room 10 x 8 ft" numbers no room)
_NUMBERED_ROOM = re.compile(
    r"\b(?:room|rm|unit|suite|apt|apartment|flat|guestroom)\.? ?#?(?P<n>\d{3,4})\b(?! ?(?:x|ft|m|mm|')\b)",
    FLAGS,
)
# The room's number after a word that leads a place, not a reading: "into 312", "though 412 by itself"
_BARE = (
    r"\b(?:in|into|to|from|above|below|under|beneath|over|of|and|or|than|though|while|with|for) {}"
    r"(?![\w.%/]| ?(?:%|wme|rel|mc|pts?)\b)"
)


def numbered_rooms(text: str) -> frozenset[str]:
    """The numbers the notes give rooms by ("Room 412", "Suite 210")."""
    return frozenset(match.group("n") for match in _NUMBERED_ROOM.finditer(text))


def is_room_number(text: str, value: float, rooms: frozenset[str]) -> bool:
    """Whether a bare reading is a numbered room named again ("water came into 312"): its value is
    a room's number and the line writes that number with no scale after it."""
    if not value.is_integer() or str(int(value)) not in rooms:
        return False
    return re.search(_BARE.format(int(value)), text, FLAGS) is not None


# "rec room wall next to the laundry 30": the room after these words only says where on the wall
_LANDMARK_WORDS = re.compile(
    r"\b(?:next to|close to|near|beside|along|against|behind|towards?|opposite|nearest)(?: the)? [a-z]",
    FLAGS,
)
_LEAD = re.compile(r"[\s,;:\-]*(?:the )?", FLAGS)
_MAX_LABEL = 120  # a label's words read (bounded)


def room_leading_landmark(label: str) -> Mention | None:
    """The room a list item starts with when it goes on to a landmark: "rec room wall next to the
    laundry" is the rec room's wall, whatever room the line named before; None otherwise."""
    label = label[:_MAX_LABEL]
    lead = _LEAD.match(label)
    start = lead.end() if lead else 0
    mention = next(iter(room_mentions(label[start:])), None)
    if mention is None or mention.start != 0:
        return None
    return mention if _LANDMARK_WORDS.search(label, start + mention.end) is not None else None
