"""A size the writer corrects on the same line: "Laundry is 2.8 x 1.9 m, not 3.0 x 2.2 - measured",
"The bathroom is 11 ft x 9 ft (I measured - not 12 x 10)". The size after "not" is the one somebody
else gave (an office card, a dispatch header) and is no room's; the size it is set against is the
room's, whatever size the notes gave it before."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.text import FLAGS

# Right before a size: "not", "rather than", "instead of" - after a comma, a dash or an opened bracket
# and a few words of the writer's own ("(I measured - not 12 x 10)").
_SET_AGAINST = re.compile(
    r"(?:,|;|\(|\s[-\u2013\u2014])[^,;()\d]{0,24}?\b(?:not|rather than|instead of|and not)\s+"
    r"(?:the |a |an )?(?:(?:about|approx\.?|~) ?)?$",
    FLAGS,
)
_REACH = 40  # how far before a size its "not" is read
# Right after a size: the writer says it is wrong ("Dining room size on Day 1 (12 x 10 ft) is wrong -
# it is 12 x 14 ft"), or marks it a guess with a question mark ("approx 3 x 3?").
_WRONG_AFTER = re.compile(
    r"\s*\)?\s*(?:(?:is|was|were|are) (?:wrong|incorrect|a mistake|a typo|off)\b|\?)", FLAGS
)
# Right after a size: the one side it replaces ("4.1 x 3.2 m, not 3.8", "12 x 10 ft (not 11)").
_NOT_A_SIDE_AFTER = re.compile(
    r"\s*[,;(\u2013\u2014-]\s*(?:not|rather than|instead of)\s+(?:(?:about|approx\.?|~) ?)?\d+(?:\.\d+)?"
    r"(?!\s*(?:x|by|\u00d7)\s*\d)",
    FLAGS,
)
# Before a size in its clause: the writer did not measure ("didn't measure - approx 3 x 3").
_UNMEASURED_BEFORE = re.compile(
    r"\b(?:did(?:n'?t| not)|could(?:n'?t| not)|not) (?:measure|measured|get a measurement)\b[^.;()]{0,24}$",
    FLAGS,
)


class Corrections:
    """Which sizes on a line are struck (said after "not") and which correct them."""

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int] = ()) -> None:
        self._struck = {
            start for start in starts if _SET_AGAINST.search(text, max(0, start - _REACH), start) is not None
        }
        self._struck |= {
            start
            for start, end in zip(starts, ends, strict=False)
            if _WRONG_AFTER.match(text, end) is not None
            or _UNMEASURED_BEFORE.search(text, max(0, start - _REACH), start) is not None
        }
        # (a line whose every size is struck corrects nothing)
        self._correcting = bool(self._struck) and len(self._struck) < len(starts)
        # ("kitchen measured properly with the laser today - 4.1 x 3.2 m, not 3.8 (I'd paced it)": a
        # size set against a side somebody gave before corrects the room's size)
        self._set_against_side = {
            start for start, end in zip(starts, ends, strict=False) if _NOT_A_SIDE_AFTER.match(text, end)
        }

    def struck(self, start: int) -> bool:
        """The size somebody else gave, that the line says is wrong."""
        return start in self._struck

    def corrects(self, start: int) -> bool:
        """A size the line sets against a struck one: the room's, over what the notes said before."""
        return (self._correcting and start not in self._struck) or start in self._set_against_side
