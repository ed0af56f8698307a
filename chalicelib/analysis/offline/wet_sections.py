"""A section of the notes that lists what got wet: "Affected", "Areas affected", "What got wet:",
"Extent". Under such a heading a room's measure of its flooring or ceiling is its wet extent
without a wet word of its own ("Kitchen: oak strip along the island, approx. 60 sq ft")."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS, Line

_WET_LIST_HEADING = re.compile(
    r"^[\s\-*#>\d.)]*(?:[a-z]+ ){0,3}?"
    r"(?:(?:areas?|rooms?|spaces?|units and rooms) (?:that were )?affected"
    r"|affected(?: (?:areas?|rooms?|spaces?))?|what (?:got|was|were|is) wet|extent(?: of (?:damage|water))?"
    r"|damage(?: observed)?)"
    r"(?: (?:and|&) [a-z]+)?\s*:?\s*$",
    FLAGS,
)
_NOT_WET_HEADING = re.compile(r"\b(?:not|un)[ -]?affected\b", FLAGS)
# The same label opening a line of its own list: "Affected: laundry (vinyl), bedroom 3 (carpet
# edge along the hall wall, approx. 2 m2)".
_WET_LIST_LABEL = re.compile(
    r"^[\s\-*#>]*(?:(?:areas?|rooms?) affected|affected(?: (?:areas?|rooms?))?|what (?:got|was|is) wet)\s*:",
    FLAGS,
)
# A line that heads something else ("Readings", "Scope of works:", "CAUSE"): the list has ended.
_OTHER_HEADING = re.compile(r"^[\s\-*#>\d.)]*[A-Za-z][A-Za-z /&()-]{0,40}:?\s*$")


class WetSections:
    """Whether each line is under a heading that lists what got wet; a gap in the lines (a blank
    line) or another heading ends the list."""

    def __init__(self) -> None:
        self._last: int | None = None
        self._open = False

    def under_heading(self, line: Line) -> bool:
        """Whether `line` is in a list of what got wet (read each line once, in order)."""
        follows = self._last is not None and line.number == self._last + 1
        self._last = line.number
        text = line.text.strip()
        if _WET_LIST_HEADING.match(text) and not _NOT_WET_HEADING.search(text):
            self._open = True
            return False
        if not follows or _OTHER_HEADING.match(text):
            self._open = False
        return self._open or _WET_LIST_LABEL.match(text) is not None
