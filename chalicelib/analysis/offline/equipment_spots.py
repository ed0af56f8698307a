"""Where a drying unit was set, written as a counted item of an equipment line: "6 air movers (2
washroom/corridor, 3 Office 1, 1 warehouse slab edge)". A material named in its own counted item is
the spot the unit stood on, not a material of the room the item before it names.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS

# Drying equipment counted on the line ("6 air movers", "2 LGR dehus", "3 x AM").
_EQUIPMENT = re.compile(
    r"\b(?:air ?movers?|dehumidifiers?|dehus?|blowers?|fans|air scrubbers?|drying mats?|AMs?)\b", FLAGS
)
# The material's own item: a comma, a count, and up to two words of place before it ("1 warehouse
# slab"), not a size ("3 m2 carpet": a quantity of the room's own material).
_COUNT = r"\d+ (?:x )?(?!(?:m2|m|sq|sf|ft|lm|lf|mm|in|cm|ea)\b)(?:[a-z-]{1,15} ){0,2}"
_OWN_ITEM = re.compile(r"[^,;.()]{0,30}, ?" + _COUNT, FLAGS)
# ("3 Office 1, 1 warehouse slab": the item's count read as the room's next number)
_COUNT_ITEM = re.compile(_COUNT, FLAGS)
_ITEM_START = re.compile(r"[,(] ?$")
_REACH = 60
_BACK = 120


def own_equipment_spot(text: str, room: Mention, word_start: int) -> bool:
    """Whether a material after a room is a counted equipment item of its own (see module doc)."""
    room_start, room_end = room.start, room.end
    # (the units are counted just before their list: a bounded look back keeps a long line linear)
    if (
        word_start - room_end > _REACH
        or _EQUIPMENT.search(text, max(0, room_start - _BACK), room_start) is None
    ):
        return False
    if text[room_start:room_end].isdigit():
        return _ITEM_START.search(text, max(0, room_start - 2), room_start) is not None and (
            _COUNT_ITEM.fullmatch(text, room_start, word_start) is not None
        )
    return _OWN_ITEM.fullmatch(text, room_end, word_start) is not None
