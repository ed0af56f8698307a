"""The lines of a room scan: a table's row wrapped cell by cell under its point's ID, a line the dry
standards' label leads in, a line that goes on with the one before, and whether a room is what its
line is about (used by scan.RoomScan)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from chalicelib.analysis.offline.room_states import seen_damage
from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS, Sentences

# Rooms listed together ("front office (18 x 12 ft) and showroom (30 x 20 ft): light film").
_LISTED_GAP = re.compile(r"\s*(?:,|&|/|\band\b|\+)?\s*(?:the\s+)?", FLAGS)
_BRACKETS = re.compile(r"\([^()]*\)")


# A row that opens on its point's number and a place with no figure: "10 Study, upstairs".
NUMBERED_ROW = re.compile(r"\s*\d{1,3}[.)]?\s+[a-z][a-z ,'/-]{2,40}$", FLAGS)


def lone_point(text: str) -> bool:
    """A line that is only a row's point ID, no room's shorthand or heading ("STD", "S1"; not "HALL")."""
    return _LONE_POINT.fullmatch(text) is not None and not room_mentions(text)


# A line the dry standards' label leads in ("Standards taken 11/8: master bedroom wall 8 %;", "Dry std
# readings (Tramex): ..."): a list of the rooms they were read in, that may wrap onto the next line.
STANDARDS_LEAD_IN = re.compile(
    r"^\W*(?:dry )?(?:standards?|stds?|references?|refs?|baselines?)\b[^.:]{0,30}:", FLAGS
)
# A row's point ID alone on its line, the first cell of a row a PDF wrapped cell by cell ("STD" /
# "Dining room" / "plasterboard, % (dry" / "standard)" / "9 9 9"; "S1", "DS2", "12", "P-4")
_LONE_POINT = re.compile(r"\s*(?:[A-Z]{1,4}[- ]?\d{0,3}|\d{1,3})[.)]?\s*$", re.ASCII)
# A line that goes on with the one before: indented or in lower case, no list mark of its own.
GOES_ON = re.compile(r"(?:\s+(?![-*\u2022\d])|(?=[a-z]))", 0)
ENDS_SENTENCE = re.compile(r"[.!?]\s*$")
# A cell that only tags its row as the dry standard ("reference", "dry std", "(baseline)").
REFERENCE_CELL = re.compile(
    r"\s*[(\[]?(?:dry )?(?:ref(?:erence)?|std|standard|baseline|control)"
    r"(?: (?:point|reading|room))?[)\]]?\s*",
    FLAGS,
)
# A wrapped cell that ends on such a tag set off by a dash or a bracket ("wall \u2013 control",
# "skirting (ref)"): the row's place is the dry standard's.
REFERENCE_TAIL = re.compile(
    r"[\u2013\u2014(\[-]\s*(?:dry )?(?:ref(?:erence)?|std|standard|baseline|control)[)\]]?\s*$", FLAGS
)
# A wrapped cell's fragment: a few words or a figure, no sentence of its own ("floor (%MC),", "dry std").
FRAGMENT = re.compile(r"[\w%()/.,\-\u2013\u2014 ]{1,24}", FLAGS)


def heads_line(text: str, rooms: Sequence[Mention], room: Mention) -> bool:
    """Whether a room is what its line is about: the first it names, or listed with the first."""
    chain = [*(other for other in rooms if other.start < room.start), room]
    for previous, mention in pairwise(chain):
        gap = _BRACKETS.sub("", text[previous.end : mention.start])
        if previous.key != mention.key and _LISTED_GAP.fullmatch(gap) is None:
            return False
    return True


# Where a sentence's own clause ends and another's begins: "We coned off the wet marley because the
# owner wanted a lesson in Studio 2": the room is in the reason, the damage in the main clause.
_SUBORDINATE = re.compile(r"\b(?:because|since|so that|although|though|whereas|while|unless)\b", FLAGS)


def clause_says_damage(text: str, room: Mention) -> bool:
    """Whether the line says anything is damaged, outside the other clauses of the room's sentence."""
    sentence_start, sentence_end = Sentences(text).bounds(room.start)
    start, end = sentence_start, sentence_end
    for match in _SUBORDINATE.finditer(text, sentence_start, sentence_end):
        if match.start() < room.start:
            start = match.start()
        else:
            end = match.start()
            break
    return (
        seen_damage(text, start, end)
        or seen_damage(text, 0, sentence_start)
        or seen_damage(text, sentence_end, len(text))
    )
