"""The place of a listed item that names no room: the room of the item before it on the same line.

"downstairs: family ceiling centre REL 880 | ceiling 1 m from wall REL 640 | east wall top 520":
the second and third points are the family room's, as the first is, not the room a line above
named. Only the same line carries a place over; a new line starts without one.

A table's row that names no room ("C5 | North wall at the split | Rim joist | ...") is in the one
affected room every earlier row of the same table was in; rows in two rooms carry none over.
"""

from __future__ import annotations

from typing import Any

from chalicelib.analysis.offline.spaces import Mention, room_mentions

_KEY = "_line_item_place"
_TABLE_KEY = "_table_row_places"


def keep_line_place(state: dict[str, Any], line_number: int, place: Mention | None) -> None:
    """Remember the place of the line's latest reading (none forgets it)."""
    state[_KEY] = (line_number, place)


def line_item_place(state: dict[str, Any], line_number: int, label: str) -> Mention | None:
    """The place of the reading before this one on the same line, when this one names no room."""
    kept = state.get(_KEY)
    if kept is None or kept[0] != line_number or room_mentions(label):
        return None
    place: Mention | None = kept[1]
    return place


def table_row_location(state: dict[str, Any], table: int, location: str, found: bool, affected: bool) -> str:
    """A table row's location: its own when found (kept when an affected room's), else the one
    affected room the table's earlier rows were all in. `table` tells one table from the next."""
    kept = state.get(_TABLE_KEY)
    if kept is None or kept[0] != table:
        kept = state[_TABLE_KEY] = (table, set())
    rooms: set[str] = kept[1]
    if found:
        if affected:
            rooms.add(location)
        return location
    return next(iter(rooms)) if len(rooms) == 1 else location
