"""Numbered framing members: "sill plate at stud 1", "beam at post 3", "wall stud 2 (by the tank):
17". Framers count studs, joists and posts along a wall or a run, and a reading taken at one is
named by its count; that count is the member's name, never a reading of it. A member's number is
its name when a place word leads the member ("at stud 1", "on joist 4": where another reading was
taken) or when the member and its number label the line, a colon (after at most a note in
brackets) handing on to the values ("Stud 2: 16 (30/11)")."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

_MEMBER = r"(?:studs?|joists?|posts?|piers?|bearers?|rafters?|truss(?:es)?|noggins?|nogs?|battens?|purlins?)"
# "at stud", "on the joist", "between studs", "from post": a place along the run, named by a count
_PLACED_MEMBER = re.compile(
    rf"\b(?:at|on|by|near|beside|between|from|past|of|to|behind|under|over)\s+(?:the\s+)?{_MEMBER}"
    r"\s?(?:no\.?\s?|#)?$",
    FLAGS,
)
_MEMBER_BEFORE = re.compile(rf"\b{_MEMBER}\s?(?:no\.?\s?|#)?$", FLAGS)
# "2: 16", "1 (by the water heater): 17": the count labels what follows ("joist 24 - 22" is two
# readings, so a dash is no label's)
_LABEL_AFTER = re.compile(r"\s?(?:\([^()\n]{1,40}\))?\s?:\s?\d", FLAGS)
_MAX_COUNT = 99
_LOOK = 30


def member_count(text: str, start: int, end: int) -> bool:
    """Whether the whole number at [start, end) is a framing member's count, not a reading."""
    value = text[start:end]
    if not value.isdigit() or int(value) > _MAX_COUNT:
        return False
    before = text[max(0, start - _LOOK) : start]
    if _MEMBER_BEFORE.search(before) is None:
        return False
    return _PLACED_MEMBER.search(before) is not None or _LABEL_AFTER.match(text, end) is not None
