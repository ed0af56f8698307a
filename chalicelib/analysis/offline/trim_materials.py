"""A room's trim named as what the water or fire reached: "cornice stained", "cornice wet", "the
laundry door jamb was 24 %MC", "ENS door jamb (hinge side) ..... 19 WME", "| S4 | door lining |
timber | WME | 29 |". Notes name a cornice or a door jamb far more often as a landmark ("tide marks
running down from the cornice", "plasterboard at the door jamb damp", "wall below cornice 45"), so
only the trim's own words count: a damage word or a reading right after it, never its sentence's.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

# Trim, and the fittings and roof parts notes name far more often as where something is than as what
# was reached ("on the benchtop", "along the truss"): read only by their own words.
TRIM_KEYS = frozenset(
    {
        *("cornice", "doorjamb", "architrave", "benchtop", "trusses", "sarking"),
        # (fittings: material_words names them)
        *("curtains", "windowsill", "windowreveal", "handrail"),
    }
)

# "along the cornice", "from the cornice", "wall below cornice", "at the door jamb": where something
# else is, or where a reading was taken.
_LANDMARK_BEFORE = re.compile(
    r"\b(?:along|from|at|below|under|beneath|beside|by|near|next to|above|over|to|behind|around|into|past"
    r"|up to|down to)(?: the| its| a)?(?: [a-z]{1,12})? $",
    FLAGS,
)
# Its own damage, right after it: "cornice stained", "door jamb swollen at the base", "cornice is wet".
_OWN_DAMAGE = re.compile(
    r"(?: ?\([^()]{1,20}\))?(?: (?:is|was|were|are|also|all|both|now|badly|slightly|visibly)){0,2},? "
    r"(?:wet|damp|saturated|soaked|swollen|stain\w*|sagg\w*|split|cracked|delaminat\w*|mou?ldy"
    r"|water[- ]damaged|damaged|soot\w*|smoke[- ]\w+|charred|blistered|warped|buckled|rott(?:ed|en|ing)"
    r"|peeling|lifting|bubbl\w*|blister\w*|flaking|wicking|affected|melted|scorched|burnt|burned)\b",
    FLAGS,
)
# Its own reading, right after it, across an aside or a table's cells: "jamb (timber): 26 %MC",
# "door jamb (hinge side) ..... 19 WME", "door lining|timber|WME|29|", "door lining timber WME 24 16 13".
_OWN_READING = re.compile(
    r"(?: ?\([^()]{1,20}\))?[ .:=|\-]{0,12}(?:[a-z%]{1,8}(?: ?\| ?| )){0,3}"
    r"\d{1,3}(?:\.\d)?(?: ?(?:%|wme\b|mc\b|rel\b|\|)| +\d{1,3}(?:\.\d)?(?!\w))",
    FLAGS,
)
_REACH = 40


def trim_reached(text: str, start: int, end: int) -> bool:
    """Whether the trim at `start`-`end` is said damaged or is read, in its own words right after it,
    and is not named as a landmark."""
    if _LANDMARK_BEFORE.search(text, max(0, start - _REACH), start):
        return False
    return _OWN_DAMAGE.match(text, end, end + _REACH) is not None or (
        _OWN_READING.match(text, end, end + _REACH) is not None
    )


# "GIB at skirting", "plaster 100 mm above skirting", "35 WME at skirting height", "drywall behind the
# baseboard", "water ran down the wall to the baseboard": the skirting marks where something else was
# wet or read. ("damage to the skirting", "wicking along the skirting" and "a tape lift from the skirting"
# name the skirting itself.)
_BASE_LANDMARK_BEFORE = re.compile(
    r"(?:\b(?:at|above|below|near|by|behind|beside|next to|up to|down to)"
    r"|(?<!damage)(?<!damaged)(?<!swelling)(?<!staining)(?<!harm)(?<!repairs)(?<!water) to)"
    r"(?: the| its)?(?: [a-z]{1,10})? $",
    FLAGS,
)
_BASE_HEIGHT = re.compile(r" (?:height|level|line)\b", FLAGS)


def baseboard_as_landmark(text: str, start: int, end: int) -> bool:
    """Whether the skirting at `start`-`end` only marks where something else is, with no damage of its
    own right after it."""
    if _OWN_DAMAGE.match(text, end, end + _REACH):
        return False
    if _BASE_HEIGHT.match(text, end):
        return True
    return _BASE_LANDMARK_BEFORE.search(text, max(0, start - _REACH), start) is not None
