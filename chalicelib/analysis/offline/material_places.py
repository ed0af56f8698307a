"""A material placed by its own clause in a place the notes label in their own way: "(carpet and pad in
the living room; LVP in kitchen, dining, hall; tile in bath 1)", "tile and vanity base in ENS". The
clause says where the material is; when that place is not one of the rooms read, the material is not
the room named before the semicolon, and is left to no room rather than given to the wrong one. A room
named only in a bracketed aside ("The mudroom (the laundry is in there too) ...") places nothing after it.
And the rooms a material can be in at all: a roof's sheathing only a roof space's, cabinets only a
room with plumbing's (fits_room).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

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


_ASIDE_REACH = 60


def room_outside_aside(
    text: str, rooms: Sequence[Mention], ends: Sequence[int], before: int | None, start: int, word_start: int
) -> int | None:
    """The room before a bracketed aside holding `rooms[before]`, the room nearest the material at
    `word_start` (the sentence starts at `start`): the aside's room is a remark about the first ("The
    mudroom (tile floor, laundry is in there too) got water over the tile and the drywall wicked": the
    mudroom's drywall). None when the nearest room is in no closed aside."""
    if before is None or before == 0:
        return None
    room = rooms[before]
    opening = text.rfind("(", max(start, room.start - _ASIDE_REACH), room.start)
    if opening < 0 or text.find(")", opening, room.start) >= 0:
        return None
    closing = text.find(")", room.end, word_start)
    if closing < 0 or text.find("(", room.end, closing) >= 0:
        return None
    outer = bisect_right(ends, opening) - 1
    if outer < 0 or rooms[outer].start < start or opening - rooms[outer].end > _ASIDE_REACH:
        return None
    return outer


# "the wall it shares with the store room", "the wall shared with bedroom 2", "the party wall with unit 4":
# a neighbouring room named for the wall between, not as where a material is; "Kitchen, open to the
# laundry: ..." names the room the kitchen opens onto, whose materials are not what the line goes on to say.
_SHARED_WITH = re.compile(
    r"\b(?:(?:(?:it |they )?(?:shares?|shared|sharing)(?: a wall)?|party wall|common wall) with"
    r"|(?:open|opens|opening) (?:on)?to) (?:the )?$",
    FLAGS,
)


def shared_with(text: str, room_start: int) -> bool:
    """Whether the room at `room_start` is named as the neighbour across a shared wall."""
    return _SHARED_WITH.search(text, max(0, room_start - 40), room_start) is not None


def not_neighbour(text: str, rooms: Sequence[Mention], owner: Mention | None) -> Mention | None:
    """The line's room before a neighbour named for a shared wall, in place of the neighbour."""
    if owner is None or owner not in rooms or not shared_with(text, owner.start):
        return owner
    index = list(rooms).index(owner) - 1
    while index >= 0 and shared_with(text, rooms[index].start):
        index -= 1
    return rooms[index] if index >= 0 else None


# A roof's own timbers are the roof space's, whatever room a line names them beside.
ROOF_KEYS = frozenset({"sheathing", "rafters"})
ROOF_SPACE = re.compile(r"\b(?:attic|loft|roof|ceiling (?:space|void|cavity)|crawl ?space)\b", FLAGS)


# Kitchen and bathroom joinery (cabinets, vanities, kickboards) stands in the rooms with plumbing, never
# in a living room, bedroom or passage: there, a cabinet a line names is another room's, reached by
# the notes moving on ("... across the family room carpet. A tide mark on the kickboard").
_CABINET_KEYS = frozenset({"cabinetry"})
_LIVING_ROOM = re.compile(
    r"\b(?:hall(?:way)?s?|corridors?|passages?|famil(?:y|ies)|lounges?|living|dining|bed(?:room)?s?|br|bdrm"
    r"|stairs?|stairwells?|landings?|rumpus|den|study|sunroom|foyer|entry)\b",
    FLAGS,
)
_PLUMBED_ROOM = re.compile(
    r"\b(?:kitchen\w*|bath\w*|ensuite|en-suite|laundry|utility|wc|toilet|powder|pantry|scullery|bar|servery"
    r"|vanity|wet ?bar|robe|wardrobe|closet|cupboard|office|reception|surgery|treatment)\b",
    FLAGS,
)


def fits_room(key: str, room: str) -> bool:
    """Whether a material can be the room's: a roof's sheathing and rafters are only a roof space's;
    cabinets are not a living room's, bedroom's or passage's."""
    if key in _CABINET_KEYS:
        return not (_LIVING_ROOM.search(room) and not _PLUMBED_ROOM.search(room))
    return key not in ROOF_KEYS or ROOF_SPACE.search(room) is not None
