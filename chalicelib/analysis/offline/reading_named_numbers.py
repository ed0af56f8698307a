"""A room named by a word and its number ("treatment 1", "classroom 4", "bay 2"): the number is
part of the room's name wherever the line writes it after that word, never a reading. The
vocabulary knows "Bedroom 2"; an affected area named that way that it does not know is matched
here by its own name."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
