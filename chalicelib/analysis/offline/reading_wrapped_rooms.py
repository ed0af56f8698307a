"""The rooms of a table row whose label a PDF wrapped over lines ("K2 kitchen floor" / "by pantry
19 17 14"): a room the point is by or lies toward is a landmark, not the point's room, so the line
that names it goes on the label begun above, and the row takes the room that label opens with."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS

# Right before the room: the point is by it, or lies toward it
_LANDMARK = re.compile(
    r"\b(?:by|beside|near|next to|opposite|outside|towards?|facing|nearest)(?: the)? $", FLAGS
)


def wrapped_row_rooms(label: str) -> list[Mention]:
    """The rooms a wrapped row's words name, less those the point is only by or toward."""
    return [mention for mention in room_mentions(label) if not _LANDMARK.search(label, 0, mention.start)]
