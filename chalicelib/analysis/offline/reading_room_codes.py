"""Rooms written by their initials in a log or table ("TR2 slab" for Treatment Room 2, "MB carpet"
for the Master bedroom): inspectors shorten a long room name they have written out in full once.
A numbered room of two words or more may be shortened to its first initial and its number ("T2
shared wall" for Treatment Room 2, "E4 vinyl" for Exam Room 4): the number keeps it apart."""

from __future__ import annotations

import re
from collections.abc import Mapping

from chalicelib.analysis.offline.areas import AreaDraft

# a capitals code, perhaps numbered, standing alone: "TR2", "MB", "LR 1" (case kept: "tr" is no code)
_CODE = re.compile(
    r"(?<![\w%/.])(?:(?P<letters>[A-Z]{2,3})(?: ?(?P<number>\d{1,2}))?"
    r"|(?P<initial>[A-Z])(?P<numbered>\d{1,2}))(?![\w%/.])"
)
# capitals that are scales, units or trades, never a room's initials ("RH", "MC", "WME", "REL")
_NOT_A_ROOM = frozenset(
    {"RH", "MC", "WME", "REL", "EMC", "GPP", "PPM", "LGR", "AM", "PM", "NA", "OK", "HVAC"}
)
_ROOM_WORD = re.compile(r"[A-Za-z]+|\d+")
# how far into a label its room code is looked for (a code leads a row's label)
_CODE_LOOK = 40


def _initials(name: str) -> tuple[str, str] | None:
    """ "Treatment Room 2" -> ("TR", "2"); "Master bedroom" -> ("MB", ""); a one-word name has none."""
    words = _ROOM_WORD.findall(name)
    number = words[-1] if words and words[-1].isdigit() else ""
    letters = [word for word in words if not word.isdigit()]
    if len(letters) < 2:
        return None
    return "".join(word[0] for word in letters).upper(), number


def room_code_key(label: str, areas: Mapping[str, AreaDraft]) -> str | None:
    """The one affected room whose initials (and number) a label's code spells, else None."""
    for code in _CODE.finditer(label[:_CODE_LOOK]):
        if code.group("initial"):
            # ("T2" for Treatment Room 2: the first initial and the room's own number)
            initial, number = code.group("initial"), code.group("numbered")
            found = [
                key
                for key, area in areas.items()
                if (spelt := _initials(area.room)) is not None
                and spelt[1] == number
                and spelt[0][0] == initial
            ]
            if len(found) == 1:
                return found[0]
            continue
        letters, number = code.group("letters"), code.group("number") or ""
        if letters in _NOT_A_ROOM:
            continue
        found = [key for key, area in areas.items() if _initials(area.room) == (letters, number)]
        if len(found) == 1:
            return found[0]
    return None


# a label's opening code: after a list's bullet, before the point's words ("- T2 far wall", "TR2: slab")
_LEADING_CODE = re.compile(r"[\s\-*\u2022]*(?P<code>[A-Z]{1,3} ?\d{0,2})(?=[\s:,]|$)")


def leading_room_code(label: str, areas: Mapping[str, AreaDraft]) -> str | None:
    """The affected room whose initials the code opening a label spells ("T2 shared wall 24" in a
    job whose Treatment Room 2 is affected): the row's own room, whatever room its words go on to
    name as a landmark ("T2 wall shared with laundry")."""
    lead = _LEADING_CODE.match(label)
    if lead is None:
        return None
    return room_code_key(lead.group("code"), areas)
