"""Rooms named together, then their readings in the same order: "bedrooms 2 and 3 read 38 and
35", "the kitchen and laundry walls were 30 and 24 %MC". Each room takes its own value, in order,
when the rooms and the values are as many; otherwise the sentence is left to the other readers."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.reading_numbers import SCALED_VALUE, VALUE
from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS

# "read 38 and 35", "were 30, 27 and 24 %MC": a run of values straight after a verb of reading
_RUN = re.compile(
    rf"\b(?:read|reads|were|measured|showed|came in at|were at|sat at)"
    rf" (?P<values>{SCALED_VALUE}(?:(?: ?, ?| and | & |, and ){SCALED_VALUE}){{1,5}})(?![\d%]|\.\d)",
    FLAGS,
)
_ONE_VALUE = re.compile(VALUE, FLAGS)
# Between two rooms of the list, and between the last room and the verb (a material's word or two:
# "the kitchen and laundry walls read").
_JOIN = re.compile(r" ?(?:,|and|&|, and) ?", FLAGS)
_TAIL = re.compile(r"(?: [a-z]{2,15}){0,2} ?", FLAGS)
_LOOK_BACK = 80  # how far before the verb the rooms are looked for (bounded)


def paired_room(text: str, position: int) -> Mention | None:
    """The room a value at `position` belongs to when a list of rooms is read by as many values in
    the same order; None when the value is in no such run."""
    low = max(0, position - _LOOK_BACK - 60)
    for run in _RUN.finditer(text, low, min(len(text), position + 60)):
        values = list(_ONE_VALUE.finditer(text, run.start("values"), run.end("values")))
        index = next((i for i, value in enumerate(values) if value.start() == position), None)
        if index is None:
            continue
        rooms = _rooms_before(text, run.start())
        if len(rooms) != len(values):
            return None
        return rooms[index]
    return None


def _rooms_before(text: str, verb: int) -> list[Mention]:
    """The rooms listed right before a verb of reading, joined by commas and "and"; each named once."""
    start = max(0, verb - _LOOK_BACK)
    window = text[start:verb]
    mentions = [m for m in room_mentions(window) if m.is_room]
    listed: list[Mention] = []
    for mention in reversed(mentions):
        stop = listed[0].start if listed else len(window)
        gap = window[mention.end : stop]
        if not (_JOIN.fullmatch(gap) if listed else _TAIL.fullmatch(gap)):
            break
        listed.insert(0, mention)
    if len({m.key for m in listed}) != len(listed):
        return []
    return listed
