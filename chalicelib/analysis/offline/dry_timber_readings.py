"""A timber material read at a dry level is named, not affected: "Hall OSB 13", "master closet OSB
(carpet corner lifted) 10 %MC", "subfloor plywood 13%. Dry.", "plywood fridge 12, island 11". Timber
indoors sits at 8-13 %MC whatever the job; a point that was wet says so with a higher number, on that
visit's line or an earlier one. Only the material's own run of numbers counts ("Bath OSB 16 and 14" was
wet), and a relative or %RH scale says nothing of the timber's moisture content.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

_TIMBER_KEYS = frozenset({"subfloor", "plywood", "particleboard", "framing", "hardwood", "baseboard"})
# At or under this, timber on a pin meter is dry (the low teens are its normal level).
_DRY_WOOD = 13.0
# The material's own readings: an aside in brackets, a separator, then its numbers ("16 and 14", "19 ->
# 15", "12 / 11 / 11"), each with an optional %MC or WME.
_OWN_NUMBERS = re.compile(
    r"(?: ?\([^()]{1,40}\))?(?: (?:at|by|in|under|near|(?!wet|damp|soaked|swollen|cupp|stain)[a-z]{1,12}))"
    r"{0,3}[ :=\-|]{0,4}"
    r"(?P<run>\d{1,2}(?:\.\d)?(?!\d|\.\d)(?: ?(?:%|%? ?mc|wme)\b)?"
    r"(?:(?: ?(?:,|and|/|->|\u2192|then|to) ?| )\d{1,2}(?:\.\d)?(?!\d|\.\d)(?: ?(?:%|%? ?mc|wme)\b)?){0,5})"
    # not a size, a length, a relative or humidity scale or a date (any short word after the run is taken
    # for a unit: "12 LF", "12 mm", "11 REL"), nor a run cut short (the lookahead sees the whole run)
    r"(?! ?(?:[a-z]{1,3}\b|[a-z]{1,4}\d|m\u00b2|sq|lin\w*|days?|hours?|weeks?|/\d|\.\d|-\d)|[ ,/>-]{1,3}\d)",
    FLAGS,
)
_NUMBER = re.compile(r"\d{1,2}(?:\.\d)?")


def read_dry(key: str, text: str, end: int) -> bool:
    """Whether the timber material of `key` ending at `end` is followed by its own readings, all dry."""
    if key not in _TIMBER_KEYS:
        return False
    match = _OWN_NUMBERS.match(text, end, end + 90)
    if match is None:
        return False
    values = [float(number) for number in _NUMBER.findall(match.group("run"))]
    return bool(values) and max(values) <= _DRY_WOOD
