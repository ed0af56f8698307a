"""A report's photo log: what the photos show, not what the notes find.

"Photos" / "Before: trough, laundry floor, hallway carpet ... During: vinyl up, ceiling cut-out", "PHOTO
LOG (on the shared drive)" / "Before demo: live room ceiling ... wet insulation bagged": the log names
materials already told in the room sections, in the order the photos were taken, and its lines name no
room of their own; a material in it is not a room's affected material.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

# The log's heading on a line of its own: "Photos", "PHOTO LOG (on the shared drive, 212 photos)", "PHOTO /
# DOCUMENT LOG", "Photographs:". ("Photos 1-22 uploaded." and "Photo 07 - ceiling ... 88" are no heading.)
_HEADING = re.compile(
    r"\s*(?:\d{1,2}\.?\s+)?photo(?:s|graphs)?(?: ?/ ?(?:document|video)s?)?(?: (?:log|record|register))?"
    r"(?: ?\([^()]{0,60}\))? ?:?\s*",
    FLAGS,
)
# Another section's heading ends the log: a short line with no sentence in it ("SCOPE", "Equipment:").
_OTHER_HEADING = re.compile(r"[^.;,]{1,40}:?", FLAGS)


class PhotoLog:
    """Whether each line, read in order, is in a photo log (from its heading to a blank line or the next
    heading)."""

    def __init__(self) -> None:
        self._open = False

    def covers(self, text: str) -> bool:
        if not text.strip():
            self._open = False
        elif _HEADING.fullmatch(text):
            self._open = True
        elif self._open and _OTHER_HEADING.fullmatch(text.strip()):
            self._open = False
        return self._open
