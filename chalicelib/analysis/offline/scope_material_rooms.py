"""Rooms a scope line writes after its materials: "Remove and reinstall baseboard, rec room and bedroom 3:
46 LF", "Remove baseboard - hall 6 LF, BR2 12 LF", "Remove skirting for drying, hallway: 15 lm",
"Remove baseboard (vinyl cove), Exam 4: 22 LF".

An estimate line names the work and the material first and then, after a comma, a dash or a colon,
the rooms it was done in, before its quantity. The rooms place every material of the run before them
("carpet, underlay and skirting - lounge"), never a material with other work or words between it and
the rooms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.material_words import MaterialWord
from chalicelib.analysis.offline.text import FLAGS

# Between two materials of the run: joins only.
_JOIN = re.compile(r"(?:\s|,|&|\+|/|\band\b)*", FLAGS)
# Between the run and its rooms: a bracketed note, a purpose ("for drying"), then the separator.
_GAP = re.compile(
    r"(?: ?\([^()]{1,30}\))?(?: (?:for|to) [a-z ]{1,25}?)?"
    r"\s*(?:,|\s[-\u2013]|:)\s*(?:(?:in|from|to|at) )?(?:the )?",
    FLAGS,
)
_NOTE = re.compile(r" ?\([^()]{1,30}\)", FLAGS)
# What follows the rooms on an estimate line: its quantity, a colon before it, or the line's end.
_ITEM_END = re.compile(r"\s*(?:[:;.(]|[-\u2013]\s|,?\s*\d|$)", FLAGS)


def rooms_listed_after(
    text: str, words: Sequence[MaterialWord], index: int, room_start: int, rooms_end: int
) -> bool:
    """Whether the rooms from `room_start` to `rooms_end` are the ones a scope line lists after the run
    of materials that `words[index]` is part of."""
    position = words[index].end
    for other in words[index + 1 :]:
        if other.start >= room_start:
            break
        note = _NOTE.match(text, position)
        if note is not None and other.end <= note.end():
            continue  # ("baseboard (vinyl cove), Exam 4": a material in the note on the last one)
        if not _JOIN.fullmatch(text, position, other.start):
            return False
        position = other.end
    if _GAP.fullmatch(text, position, room_start) is None:
        return False
    return _ITEM_END.match(text, rooms_end) is not None
