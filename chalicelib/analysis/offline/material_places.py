"""A material placed by its own clause in a place the notes label in their own way: "(carpet and pad in
the living room; LVP in kitchen, dining, hall; tile in bath 1)", "tile and vanity base in ENS". The
clause says where the material is; when that place is not one of the rooms read, the material is not
the room named before the semicolon, and is left to no room rather than given to the wrong one.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.equipment_spots import own_equipment_spot
from chalicelib.analysis.offline.material_words import MaterialWord
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS

# "tile in bath 1", "vanity base in ENS)", "skirting in the WIR;": a short label after "in", closing the
# clause. Words after "in" that say how or how much ("in places", "in poor condition", "in the corner")
# are not a place.
_IN_LABEL = re.compile(
    r"(?: and (?:the )?[a-z]{2,12}(?: [a-z]{2,10})?)? (?:is |are |was |were )?(?:wet )?in (?:the )?"
    r"(?!(?:places?|spots?|patches|parts?|areas?|sections?|corners?|middle|cent(?:re|er)|front|back|doorways?"
    r"|good|poor|fair|contact|total|all|most|some|full|situ|it|them|there|here|one|two|places)\b)"
    r"[a-z]{2,12}(?: \d{1,2}[a-z]?)?(?= ?[;).,]| ?$)",
    FLAGS,
)


def placed_past_semicolon(text: str, room_end: int, word: MaterialWord) -> bool:
    """Whether the material, in a clause after a semicolon following the room that ends at room_end, is
    placed by its own words in a place that is no room read."""
    return ";" in text[room_end : word.start] and _IN_LABEL.match(text, word.end) is not None


def placed_elsewhere(text: str, room: Mention, word: MaterialWord, *, last: bool) -> bool:
    """Whether the material written after `room` is not that room's: the room is only where equipment
    stood (equipment_spots.py), or the material's own clause past a semicolon places it in a place that
    is no room read (`last`: no room is named after it in the sentence)."""
    return own_equipment_spot(text, room, word.start) or (
        last and placed_past_semicolon(text, room.end, word)
    )
