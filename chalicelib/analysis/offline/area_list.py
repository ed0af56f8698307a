"""The writer's own list of the affected areas ("4. Areas affected" and the items under it), and the
rooms a line lists together ("Stairwell and upstairs hallway")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.spaces import Mention
from chalicelib.analysis.offline.text import FLAGS

# "4. Areas affected", "AFFECTED ROOMS", "Rooms affected:": the writer's own list of the areas.
_AREA_LIST_HEADING = re.compile(
    r"^[\s\-*#>\d.)]*(?:(?:areas?|rooms?|spaces?) (?:that were )?affected"
    r"|affected (?:areas?|rooms?|spaces?))\b[^.:]{0,40}:?$",
    FLAGS,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022|]|\d+[.)] )", FLAGS)


_ROOM_LIST_GAP = re.compile(r"\s*(?:,|&|/|\band\b)\s*(?:the\s+)?", FLAGS)


def listed_areas(text: str, areas: Sequence[Mention]) -> list[str]:
    """The first area a line names and those listed with it ("Stairwell and upstairs hallway"), not
    one it only relates to ("Dining room (12 x 10 ft) - open to kitchen")."""
    listed = list(areas[:1])
    for area in areas[1:]:
        if not _ROOM_LIST_GAP.fullmatch(text, listed[-1].end, area.start):
            break
        listed.append(area)
    return [area.key for area in listed]


class AreaList:
    """The areas the items under an "Areas affected" heading name."""

    def __init__(self) -> None:
        self._in_area_list = False
        self.listed: set[str] = set()

    def read(self, text: str, rooms: Sequence[Mention]) -> None:
        """The areas the items under an "Areas affected" heading open with (up to the first line that
        is no list item or table row)."""
        if _AREA_LIST_HEADING.match(text):
            self._in_area_list = True
            return
        if not self._in_area_list:
            return
        if _LIST_ITEM.match(text) is None:
            self._in_area_list = False
            return
        first = next((room for room in rooms if room.affected), None)
        if first is not None:
            self.listed.add(first.key)
