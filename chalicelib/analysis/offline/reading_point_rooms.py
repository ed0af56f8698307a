"""The room a point's definition words name ("K2 kitchen toe-kick", "Dorm 4 pine skirting",
"B-118 slab just inside the door", "chandlery west wall"): a room the lexicon knows, else a space by
its name and number or its code, else the word or two the words open with when a surface or a
material follows (a space the vocabulary does not know); and a name with its number where no reading
stands ("Dorm 4", "behind bunk 2"). Used by the point registry."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.reading_row_parts import WHERE_WORDS
from chalicelib.analysis.offline.readings import materials_in
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS

# A unit's or a suite's code: "B-118", "U-4"
SPACE_CODE = re.compile(r"(?<![\w-])[A-Z]{1,2}-\d{1,4}(?![\w-])")

# (a word of three letters may name a place, "dishwash bay wall", "sun deck"; not a word of grammar)
# ("GIB wall", "peninsula end drywall": a trade's capitals or a part of a thing are no place's)
_LEADING_WORD = re.compile(
    r"(?!(?:the|and|for|off|out|top|low|mid|far|its|one|two|new|old|all|any|end|toe|rim|lip|leg|box|cap"
    r"|run|tap|bed|per|via|not)\b)(?:[a-z]{4,}|(?-i:[a-z]{3})) ",
    FLAGS,
)
PART_WORDS = re.compile(
    r"\b(?:wall|floor|ceiling|side|face|corner|edge|centre|center|north|south|east|west|under|behind|beside|near"
    r"|inside|outside|front|back|rear|left|right|base|shelf|door|window|entry|counter|cabinet|sink)\b",
    FLAGS,
)


def point_room(words: str) -> str:
    """The room a point's words name; else the word or two they open with when a surface or a
    material follows ("chandlery west wall", "living slab"): a space the vocabulary does not know."""
    # ("joist J6, two bays toward the dining room": a room the point lies toward is not its room)
    mentions = [m for m in room_mentions(words) if not _TOWARD.search(words, 0, m.start)]
    named = _NAME_NUMBER_LEAD.match(words)
    if (
        named is not None
        and (not mentions or mentions[0].start >= named.end())
        and _opens_place(words[named.end() :])
    ):
        # ("Dorm 4 pine skirting, en-suite wall": a space by its name and number the lexicon does not
        # know opens the words; the room named later is where on it)
        return named.group(0)
    area = _NAMED_AREA.match(words)
    if area is not None and all(m.start >= area.end() for m in mentions):
        # ("Seating area plaster, bay 4": an area by its name opens the words; a space named after
        # it is where in that area)
        return area.group("name")
    if mentions and all(_LANDMARK.search(words, 0, m.start) for m in mentions):
        # ("Concourse north wall, by restroom corridor": the place the words open with is the
        # point's; a room it is by is only a landmark)
        opening = _opening_place(words)
        if opening:
            return opening
    if mentions:
        return words[mentions[0].start : mentions[0].end]
    return _opening_place(words)


def _opening_place(words: str) -> str:
    """A place the words open with that the lexicon does not know: a space's code, or the word or
    two before a surface or a material ("chandlery west wall")."""
    code = SPACE_CODE.match(words)
    if code is not None and (PART_WORDS.match(words, code.end() + 1) or materials_in(words[code.end() :])):
        return code.group(0)  # ("B-118 slab just inside the door": the unit the point is in, by its code)
    end = 0
    for _ in range(2):
        word = _LEADING_WORD.match(words, end)
        if (
            word is None
            or PART_WORDS.fullmatch(word.group(0).strip())
            or materials_in(word.group(0))
            or WHERE_WORDS.match(words, end)  # ("toe kick under sink": a surface's first word, no name)
        ):
            return ""
        end = word.end()
        rest = words[end:]
        if WHERE_WORDS.match(rest) or PART_WORDS.match(rest) or any(m.start == 0 for m in materials_in(rest)):
            # ("toe kick under sink": the words are a material's, no place's)
            return "" if any(m.start < end - 1 for m in materials_in(words)) else words[: end - 1]
    return ""


# A numbered place the point is at, in lower case after its words: "knee wall, lanes 13-14", "tack
# strip, bay 3", "slab by stalls 4/5", or its storey ("2nd floor hallway"). Its number names the lane,
# the bay or the floor, never a reading.
NUMBERED_PLACE = re.compile(
    r"\b(?:lanes?|bays?|aisles?|stalls?|booths?|berths?|docks?|courts?|rinks?|pens?|kennels?|cubicles?"
    r"|desks?|stations?|rows?|units?|suites?|gates?|platforms?)\s\d{1,3}"
    r"(?:\s?[-\u2013/&]\s?\d{1,3})?\b(?!\s?(?:%|[.,]\d|mm|cm|m\b|ft|in\b))"
    # ("2nd floor hallway", "den ceiling, 1st floor": a storey by its count)
    r"|\b\d{1,2}(?:st|nd|rd|th) (?:floor|stor(?:e)?y|level)\b",
    FLAGS,
)
# A direction the point lies in, right before a room: the room is only a landmark.
_TOWARD = re.compile(
    r"\b(?:towards?|facing|away from|in the direction of|heading to|nearest|next door to)(?: the)? $", FLAGS
)
# An area by its name, opening a point's words: "Settee area", "Lobby zone", "Stage wing" (a word or
# two and what kind of space they are).
# (not a word that says which or what state: "The area", "Wet area", "Affected zone")
_NAMED_AREA = re.compile(
    r"(?!(?i:the|this|that|each|every|same|whole|wet|dry|damp|affected|unaffected|drying|work|other)\b)"
    r"(?P<name>(?:[A-Z][a-z]{2,} ){1,2}(?:area|zone|wing))\b"
)
# A room right after these words is a landmark the point is by, not the room it is in.
_LANDMARK = re.compile(r"\b(?:by|beside|near|next to|opposite|outside)(?: the)? $", FLAGS)
# A space's name and number opening a point's words: "Dorm 4", "Exam 2", "Ward 12B".
_NAME_NUMBER_LEAD = re.compile(r"[A-Z][a-z]{2,} \d{1,3}[A-Z]?(?=\s|,)")


def _opens_place(rest: str) -> bool:
    """Whether the words after a name open with where on it or what: a surface, a material."""
    rest = rest.lstrip(" ,-")
    # (one word may qualify it: "pine skirting", "east wall")
    for start in (0, *(gap.end() for gap in re.finditer(r"^[a-z]+\s", rest))):
        after = rest[start:]
        if (
            WHERE_WORDS.match(after)
            or PART_WORDS.match(after)
            or any(m.start == 0 for m in materials_in(after))
        ):
            return True
    return False


# A name and its number, where no reading stands: "Dorm 4", "Exam 2", "Bay 12" (a capital: a space
# the lexicon may not know), or a thing the point is by, "behind bunk 2", "near window 3". Not a
# material's or a surface's value ("pine skirting 31", "lounge door 23") nor a scale's.
NAMED_NUMBER = re.compile(
    r"(?:(?P<by>\b(?:behind|beside|near|by|at|opposite|under|above|over|next to|outside)\s+(?:the\s+)?)"
    r"(?P<thing>[a-z]{3,})|\b(?P<name>[A-Z][a-z]{2,}))\s(?P<number>\d{1,2})\b(?!\s?(?:%|[.,]\d|mm|cm|m\b|ft|in\b))"
)


def names_a_thing(found: re.Match[str]) -> bool:
    word = found.group("thing") or found.group("name")
    return not (
        materials_in(word)
        or WHERE_WORDS.fullmatch(word)
        or PART_WORDS.fullmatch(word)
        or _SCALE_WORD.fullmatch(word)
    )


# (nor a day's: "Tue 41", "Nov 12", "day 3")
_SCALE_WORD = re.compile(
    r"wme|rel|mc|rh|reads?|reading|was|is|then|and|day|visit"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*",
    FLAGS,
)
