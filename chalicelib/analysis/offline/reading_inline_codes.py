"""A point's code written inside a line of readings, after its room: "kitchen K1 (behind fryer
bench) 38, K2 (sink wall) 41". The code names the point for the later visits that give it again by
its code alone ("Thu 12/11 - K1 24, K2 27"), as a map's lettered point does."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.spaces import room_mentions

# A code of one or two capitals and a number, then its place in brackets or the reading itself;
# not a meter or model name ("ME5 scale"), which is followed by other words.
# ("waiting area wall by the door (W1) 34%": the code in brackets at the words' end)
_CODE = re.compile(
    r"(?<![\w/.-])(?P<code>[A-Z]{1,2}\d{1,2})(?=\s*\(|\s*[:=-]?\s*$)"
    r"|\((?P<bracketed>[A-Z]{1,2}\d{1,2})\)(?=\s*[:=-]?\s*$)"
)


def inline_point_code(label: str) -> str | None:
    """The point code a reading's words end with or give before a bracket, else None."""
    found = [match.group("code") or match.group("bracketed") for match in _CODE.finditer(label)]
    return found[-1] if len(found) == 1 else None


# "K4 (pantry)": a point's code and, in brackets, the room it is beside
_CODE_SPOT = re.compile(r"\s*[A-Z]{1,2}\d{1,2}\s*\((?P<spot>[^()]{1,40})\)\s*")


def bracketed_spot(label: str) -> bool:
    """Whether a reading's words are a point code with a room in brackets ("K4 (pantry)"): the room
    is where the point is beside, not the room it is in, which the line named before."""
    match = _CODE_SPOT.fullmatch(label)
    return match is not None and bool(room_mentions(match.group("spot")))
