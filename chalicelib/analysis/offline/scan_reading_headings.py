"""A room's heading over rows of readings ("Upstairs main bedroom" on a line of its own): the room
the rows under it are in, when their own words name none."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.spaces import Mention
from chalicelib.analysis.offline.text import FLAGS

# A room's heading: its name alone, perhaps after its floor ("Upstairs main bedroom", "Level 2 -
# Office"), perhaps ending in a colon
_HEADING_LEAD = re.compile(
    r"[ \t\-*\u2022#]*(?:(?:(?:up|down)stairs|(?:ground|first|second|upper|lower) floor|level \d{1,2}"
    r"|basement)[ \t]*[-:,]?[ \t]*)?",
    FLAGS,
)
_HEADING_TAIL = re.compile(r"[ \t]*:?[ \t]*", FLAGS)


class ReadingHeadingScan:
    """RoomScan keeps the state these methods read: the rooms and the scan's context."""

    areas: dict[str, AreaDraft]
    _context: Mention | None
    _resolve: Callable[[Mention], Mention]
    _area_by_word: Callable[[str], Mention | None]

    def _note_heading(self, text: str, rooms: Sequence[Mention]) -> None:
        """A line that is one room's name and nothing more ("Upstairs main bedroom") heads the rows
        under it, up to the next blank line (which ends the scan's context) or heading."""
        if len(rooms) != 1:
            return
        room = rooms[0]
        if _HEADING_LEAD.fullmatch(text, 0, room.start) and _HEADING_TAIL.fullmatch(text, room.end):
            self.__dict__["_heading"] = room

    def _heading_room(self) -> Mention | None:
        """ "Upstairs ensuite" on a line of its own over rows of a readings block: the affected room
        the rows under it are in, when their own words name none."""
        heading = self.__dict__.get("_heading")
        if self._context is None or not isinstance(heading, Mention):
            self.__dict__["_heading"] = None
            return None
        room = self._resolve(heading)
        return room if room.key in self.areas else self._area_by_word(heading.name)
