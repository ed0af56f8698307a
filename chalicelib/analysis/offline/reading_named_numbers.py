"""A room named by a word and its number ("treatment 1", "classroom 4", "bay 2"): the number is
part of the room's name wherever the line writes it after that word, never a reading. The
vocabulary knows "Bedroom 2"; an affected area named that way that it does not know is matched
here by its own name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from chalicelib.analysis.offline.reading_row_parts import WHERE_WORDS
from chalicelib.analysis.offline.readings import materials_in

_NUMBERED_NAME = re.compile(r"(?P<word>[A-Za-z][A-Za-z -]{1,40}?) (?P<n>\d{1,3})")
_ROOM_WORD = re.compile(r" (?:room|rm)$", re.IGNORECASE)
_NO_SCALE = r"(?![\w.%/]| ?(?:%|(?:wme|rel|mc)\b))"


def names_numbered_area(text: str, value: float, area_names: Iterable[str]) -> bool:
    """Whether a value is the number of an affected area's name written on the line ("D
    treatment 1, W wall ... 36 %": 1 is Treatment 1's number, not a reading)."""
    if not value.is_integer():
        return False
    for name in area_names:
        match = _NUMBERED_NAME.fullmatch(name)
        if match is None or int(match.group("n")) != int(value):
            continue
        word = match.group("word")
        # ("Treatment room 1" is written "treatment 1" as often)
        for written in {word, _ROOM_WORD.sub("", word)}:
            pattern = rf"\b{re.escape(written)} {match.group('n')}{_NO_SCALE}"
            if re.search(pattern, text, re.IGNORECASE) is not None:
                return True
    return False


# A row's point code before its words ("S1 Gallery 2 centre", "- W3 Ward 12 north wall")
_ROW_CODE = re.compile(
    r"[\s\-*\u2022]*(?:[A-Z]{1,3}-?\d{0,2}[a-z]?|\(?\d{1,2}\)?|[A-Z]{1,3}-[A-Za-z]{1,3})\s+"
)
# A space by a capitalised name and its number: "Gallery 2", "Dorm 4", "Ward 12B" (a name the
# vocabulary may not know: the number says it is one of a set of spaces)
_NAME_NUMBER = re.compile(r"[A-Z][a-z]{2,} \d{1,3}[A-Z]?(?=[\s,:(]|$)")
# (a photo's, a page's or a visit's number names no space: "Photo 11 - joist at old valve")
_NOT_A_SPACE = re.compile(
    r"(?:photo|image|pic|picture|figure|fig|page|item|note|step|day|visit|week|sample|test|line|row|table"
    r"|appendix|section|point|reading|meter|unit|pump|fan|dehu|am|level|category|cat|class|condition|stage"
    r"|phase|type|grade|version|edition)s?\b",
    re.IGNORECASE,
)
# (one word may qualify the surface or material that follows: "west wall", "pine skirting")
_QUALIFIER = re.compile(r"[a-z]+\s+")


def named_space_lead(label: str, *, alone: bool = False) -> str | None:
    """The space a row's words open with by its name and number, when where on it or what it is
    follows ("S1 Gallery 2 centre", "W1 Gallery 2 west wall @ 300 mm", "Dorm 4 pine skirting"):
    the row's own place, though no lexicon knows the name. None for anything else ("Bay 3, 4410
    Blackfoot Trail" is an address's; "Pump 2 ran all night" names no surface). `alone`: a row's
    words may be the space alone, after the point's code ("S-ref Gallery 1")."""
    code = _ROW_CODE.match(label)
    start = code.end() if code is not None else len(label) - len(label.lstrip(" -*\u2022"))
    named = _NAME_NUMBER.match(label, start)
    if named is None or _NOT_A_SPACE.match(named.group(0)):
        return None
    rest = label[named.end() :].lstrip(" ,-:(")
    if alone and not rest.strip(" :"):
        return named.group(0)  # ("S-ref Gallery 1: 26/11 68 %RH": a row's point, then its space alone)
    qualifier = _QUALIFIER.match(rest)
    for after in (rest, rest[qualifier.end() :] if qualifier else None):
        if after is not None and (
            WHERE_WORDS.match(after) or _SPOT.match(after) or any(m.start == 0 for m in materials_in(after))
        ):
            return named.group(0)
    return None


# where in a space a point is, besides its surfaces: "centre", "doorway", "by the west wall"
_SPOT = re.compile(
    r"(?:centre|center|middle|doorway|entry|corner|partition|by|near|at|beside|behind|under)\b", re.IGNORECASE
)
