"""Whose a measure on a line is, when the line names more than one room: a size straight after a
room is that room's; a room named only to place the damage ("by the hallway") owns nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS

# Between a room and its size: a bracket, a comma or colon, a table's column bar ("| Bedroom | 11 x
# 10 ft |"), an opened bracket's first words, "approx"
_SIZE_AFTER_ROOM = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?[,:\-\u2013|]?\s*(?:\((?:[^(),]{0,20},\s*)?)?"
    r"(?:(?:approx\.?|about|~|c\.) ?)?",
    FLAGS,
)
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_JOINED = re.compile(r" ?/ ?")
# "Dining area (open to the kitchen, 10 x 8 ft)": a room an opened bracket only relates the bracketed
# room to; the size after it is the bracketed room's
_RELATED_IN_BRACKET = re.compile(
    r"\(\s*(?:open(?: plan)? (?:to|into|onto)|off|next to|beside|adjoining|adjacent to|below|beneath|under"
    r"|above|over|behind|part of|shared with|same as|like)(?: the)? $",
    FLAGS,
)
_RELATED_REACH = 30


def related_in_bracket(text: str, room: Mention) -> bool:
    """ "Dining area (open to the kitchen)": a room a bracket only relates the room before it to."""
    return _RELATED_IN_BRACKET.search(text, max(0, room.start - _RELATED_REACH), room.start) is not None


# "Bedroom 2 robe (1.8 x 0.6 m)", "the shower recess (0.9 x 0.9 m)": a size bracketed straight after
# a part of a room (a built-in, a recess) is that part's, not the room's. (Not a cupboard, press or
# pantry: those are rooms of their own - "HWC cupboard (0.9 x 0.8 m)" is the cupboard's size.)
_BRACKETED_AFTER_PART = re.compile(
    r"\b(?:robes?|wardrobes?|built-ins?|recess|alcove|nook|niche|shower(?: recess)?"
    r"|cabinets?|island|hearth|cavity|void|duct|riser) ?\(\s*(?:(?:approx\.?|about|~|c\.) ?)?$",
    FLAGS,
)
# "Bedroom 3: carpet wet in the corner by the hallway, about 2 m2", "Front hall: oak strip at the
# dining room threshold, approx. 15 sq ft": a room named after a word of place says where in the
# line's room the damage is, not whose the measure is. ("into the hallway" moves the water there.)
_PLACED_BY = re.compile(
    r"\b(?:by|at|near|next to|beside|toward|towards|from|along|against|outside|opposite|off|past)"
    r" (?:the )?$",
    FLAGS,
)
_PLACED_REACH = 16  # how far before a room its word of place may be
# "the water ran along the hallway carpet, about 5 m2 of it wet": where the water went is wet
_WATER_MOVED = re.compile(
    r"\b(?:ran|run|runs|flowed|spread|went|came|tracked|migrated|travell?ed|seeped|got)"
    r" (?:\w+ )?(?:the )?$",
    FLAGS,
)


def sized_room(text: str, rooms: Sequence[Mention], start: int) -> Mention | None:
    """ "Garage (downstairs), 6 x 6 m: water came through the laundry floor", "The kitchen (12 x 14
    ft) sits under the bathroom", "Bedroom 3 (basement, 11 x 10 ft)": a size straight after a room
    (past its bracket) is that room's, whoever owns the rest of the clause."""
    before = [room for room in rooms if room.end <= start]
    for index in range(len(before) - 1, -1, -1):
        room = before[index]
        if _RELATED_IN_BRACKET.search(text, max(0, room.start - _RELATED_REACH), room.start):
            continue
        if _SIZE_AFTER_ROOM.fullmatch(text, room.end, start) is None:
            continue
        # ("Bedroom 3 (basement, 11 x 10 ft)": a level in the bracket is the room's, not a room)
        if index > 0 and _OPEN_BRACKET.fullmatch(text, before[index - 1].end, room.start):
            room = before[index - 1]
        # ("Reception/office, 7 x 5 m", "Living / dining (open plan) 7.2 x 5.4 m": one space named
        # two ways; its size is the space's, which goes by the first name)
        while index > 0 and _JOINED.fullmatch(text, before[index - 1].end, room.start):
            index -= 1
            room = before[index]
        return room
    return None


# "Laundry 3 x 3 ft access hatch": a size followed by the thing it measures is that thing's (an
# opening, a cut, a fitting), not the room's named before it.
_THING_AFTER = re.compile(
    r" ?(?:\w+ ){0,2}?(?:hatch(?:es)?|manholes?|panels?|openings?|cuts?|holes?|patch(?:es)?|pieces?"
    r"|sections?|samples?|hatchway|trapdoors?|access (?:door|point|hole)s?)\b",
    FLAGS,
)


def thing_sized(text: str, end: int) -> bool:
    """Whether the size ending at `end` is followed by the thing it measures (an opening, a cut)."""
    return _THING_AFTER.match(text, end) is not None


# "Subfloor hatch in the hall cupboard 600 x 400 mm", "an inspection hole at the robe, 100 x 100 mm":
# an opening or cut named first, then the room it is in, then a size: the size is the opening's (the
# room is named as where it is, and the size tells nothing of the room's damage).
_THING_IN_ROOM = re.compile(
    r"\b(?:hatch(?:es)?|manholes?|trap ?doors?|openings?|cut-?outs?|cuts?|holes?|patch(?:es)?"
    r"|access (?:doors?|points?|holes?|panels?))\b(?: [a-z]+)? (?:is |was )?(?:in|at|inside|under|of)"
    # ("access hatch in the hall closet (24 x 18 in.)": the size bracketed after the room it is in)
    r" (?:the )?[a-z' ]{2,30}?[,:-]? ?\(?(?:(?:about|approx\.?|~) ?)?$",
    FLAGS,
)
_THING_REACH = 60
# "access hatch 24 x 30 in. in the hall closet floor": the opening named straight before its size.
_THING_BEFORE = re.compile(
    r"\b(?:hatch(?:es)?|manholes?|trap ?doors?|openings?|cut-?outs?|holes?|access (?:doors?|points?|panels?))"
    r"[,:]? (?:(?:is|was|of|about|approx\.?|~) ?){0,2}$",
    FLAGS,
)


# "Steel portal building, about 42 x 30 m overall: lanes, kiosk, office": the whole building's size,
# said before the rooms it holds, is no news of damage in any of them.
_WHOLE_AFTER = re.compile(r" ?(?:overall|in all|in total|all up|footprint)\b", FLAGS)
_WHOLE_BEFORE = re.compile(
    r"\b(?:building|house|home|premises|tenancy|warehouse|factory|structure|footprint|site|block)\b"
    r"[^.;:\d]{0,24}$",
    FLAGS,
)


def size_of_thing(text: str, start: int, end: int) -> bool:
    """Whether the size at `start`-`end` measures an opening or cut, named after it or before the
    room it is in, or the whole building."""
    return (
        thing_sized(text, end)
        or _THING_IN_ROOM.search(text, max(0, start - _THING_REACH), start) is not None
        or _THING_BEFORE.search(text, max(0, start - 30), start) is not None
        or _WHOLE_AFTER.match(text, end) is not None
        or _WHOLE_BEFORE.search(text, max(0, start - 40), start) is not None
    )


# "Our 5 x 3 m sewing room - carpet wet", "the 12 x 10 ft den": a size said first, by a determiner,
# then the room it sizes.
_DETERMINER_BEFORE = re.compile(r"(?:^|\b(?:the|our|my|their|his|her|its|this|that|a|an))\W{0,3}$", FLAGS)
_NAME_NEXT = re.compile(r" ?(?:[a-z]+ )?", FLAGS)


def size_owner(
    text: str, rooms: Sequence[Mention], start: int, owner: Mention | None, end: int | None = None
) -> Mention | None:
    """The room a size at `start` is the size of: the room straight before it, whether or not the
    line calls that room wet ("Kitchen 3.8 x 3.2 m - tiles wiped dry": still the kitchen's size);
    else the room that owns that part of the line (`owner`), unless the size is bracketed straight
    after a part of a room ("Bedroom 2 robe (1.8 x 0.6 m)": the robe's size)."""
    sized = sized_room(text, rooms, start)
    if sized is None and end is not None and _DETERMINER_BEFORE.search(text, max(0, start - 8), start):
        sized = next(
            (room for room in rooms if room.start >= end and _NAME_NEXT.fullmatch(text, end, room.start)),
            None,
        )
    if sized is not None:
        return replace(sized, affected=True, unaffected=False)
    if _BRACKETED_AFTER_PART.search(text, max(0, start - 30), start) is not None:
        return None
    if _furnishing_sized(text, rooms, start):
        return None
    return owner


# "Bag the lounge area rug (it is 8 ft x 10 ft)", "the den's sofa bed, 2 x 1.5 m, is soaked": a size
# said after a furnishing, with no room named between them, is the furnishing's, not the room's.
_FURNISHING_BEFORE = re.compile(
    r"\b(?:(?:area )?rugs?|mats?|runners?|mattress(?:es)?|sofas?(?: beds?)?|couch(?:es)?|tables?|desks?"
    r"|beds?|tarps?|pallets?|boxes|bookcases?|shelving|furniture)\b"
    # (a bracket opened after it may hold a clause of its own: "rug (owner agrees; it is 8 x 10 ft")
    r"(?:[^.;\d(]{0,20}\([^.\d()]{0,40}|[^.;\d]{0,40})$",
    FLAGS,
)
_FURNISHING_REACH = 60


def _furnishing_sized(text: str, rooms: Sequence[Mention], start: int) -> bool:
    furnishing = _FURNISHING_BEFORE.search(text, max(0, start - _FURNISHING_REACH), start)
    return furnishing is not None and not any(furnishing.start() <= room.start < start for room in rooms)


def placing_room(text: str, rooms: Sequence[Mention], owner: Mention | None, pos: int) -> Mention | None:
    """The room named earlier on the line whose measure at `pos` is, when the room that owns that
    part of the line is named only to place the damage; None when the owner stands."""
    if owner is None or owner.start >= pos:
        return None
    reach = max(0, owner.start - _PLACED_REACH)
    if _PLACED_BY.search(text, reach, owner.start) is None or _WATER_MOVED.search(text, reach, owner.start):
        return None
    earlier = [room for room in rooms if room.end <= owner.start and room.key != owner.key]
    return earlier[-1] if earlier else None


# "drywall behind the laminator charred through (about 8 x 12 ft)", "ceiling plasterboard cut out
# around the light, 1.2 m x 1.2 m", "stained and soft around the outlet, about 1.5 m x 1.5 m": a size
# set after what was damaged or cut is that patch's, not the room's.
_PATCH_SIZED = re.compile(
    r"\b(?:cut(?: out| back| away)?|removed|taken down|pulled down|charred|burnt|burned|scorched|stained"
    r"|soft|sagg(?:ing|ed)|collapsed|blistered|bubbled|opened up"
    # ("Brown stain on lounge ceiling, approx 1.0 x 0.8 m": the mark's size)
    r"|stains?|(?:water|tide) ?marks?|blotch(?:es)?)\b[^.;:\d()]{0,40}"
    r"(?:,|\(|\s[-\u2013])\s*(?:(?:about|approx\.?|approximately|roughly|around|~|c\.)\s*)?$",
    FLAGS,
)
_PATCH_REACH = 70
# "ceiling board scorched over 4 x 3 ft", "growth across roughly 2 x 1.5 m of the joists", "boards
# cupped covering a 3 x 2 m area": a size a word of spread leads is how far the damage goes over a
# surface, never a room's own size (a room is sized by its name, not by what lies over it).
_SPREAD_BEFORE = re.compile(
    r"\b(?:over|across|covering|spanning)(?: (?:an? (?:area|patch|section|zone|region) of|an?|the))?"
    r"(?: (?:about|approx\.?|approximately|roughly|around|some|~|c\.))? ?~?$",
    FLAGS,
)


# "Cut out kitchen ceiling under the ensuite 2.7 x 2.0 m", "- Removed the robe floor in bed 2 1.8 x
# 0.6 m": a work line that opens by cutting or removing; the size in its clause is the piece taken out.
_CUT_LEADS = re.compile(
    r"(?:^|[.;]\s+)[\s\-*\u2022]*(?:cut(?: out| back| away)?|removed|taken down|pulled down|opened up)\b"
    r"[^.;:\d()]{0,60}$",
    FLAGS,
)
_CUT_REACH = 90


def patch_sized(text: str, start: int) -> bool:
    """Whether the size at `start` is set after a damaged or cut patch rather than a room."""
    return (
        _PATCH_SIZED.search(text, max(0, start - _PATCH_REACH), start) is not None
        # ("^" is the line's real start, never where the search begins)
        or _CUT_LEADS.search(text, max(0, start - _CUT_REACH), start) is not None
        or _SPREAD_BEFORE.search(text, max(0, start - 40), start) is not None
    )
