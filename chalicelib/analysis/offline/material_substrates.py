"""A material named as the structure under a finish or as the floor seen from the room below.

"Vinyl over the slab", "slab-on-grade house", "the bottom of the subfloor was damp (from the
basement)": the material is named to say what something sits on, or is another room's floor seen
through this room's ceiling; only its own wet words make it this room's affected material.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.material_words import MaterialWord
from chalicelib.analysis.offline.text import FLAGS

# "vinyl over the slab", "slab-on-grade house", "concrete slab below", "oak nailed to joists over a
# ventilated subfloor", "sheet vinyl on plywood": the structure under a finish, named to say what it
# sits on; only its own wet words make it affected ("LVP on ply subfloor, subfloor wet" is read by
# its second mention; "on plywood 28%" by the reading right after it). Chipboard is left out: it is
# the floor itself under a thin sheet and a wet floor of it is wet chipboard.
_SUBSTRATE_KEYS = frozenset({"concrete", "subfloor", "plywood"})
_SUBSTRATE_BEFORE = re.compile(
    r"\b(?:over|on|under|beneath|onto|laid on|glued to|nailed to)"
    r"(?: (?:the|a|an|bare|exposed|plain|existing))?(?: (?:ply|timber|suspended|ventilated|\d{1,2} ?mm))? $"
    # "vinyl/slab", "cpt/ply": a finish and what it sits on, written as a pair
    r"|\b(?:vinyl|lvp|lvt|tiles?|cpt|carpet|laminate|lino|timber|floorboards?)/$",
    FLAGS,
)
# Its own wet words: a verb or "both"/"also" that makes it the subject ("vinyl on slab, slab is wet",
# "tiles on slab, both wet"), or its own reading ("on plywood 28%"). A bare "wet" after the pair
# ("vinyl on slab, wet all over", "carpet tiles on slab, wet for about 12 m2") says what the floor
# is, and the floor a room's notes see wet is its finish: the structure under it is not read as wet.
_SUBSTRATE_OWN_WET = re.compile(
    r"(?: (?:itself|too))?,?(?: (?:which|that))?"
    r"(?: (?:is|was|were|are|also|both|itself)(?: (?:also|still|all|both))?)"
    r" (?:wet|damp|saturated|soaked|sodden|swollen)"
    r"|,? (?:wet|damp|saturated|soaked|sodden|swollen)(?: (?:also|too|as well|underneath|beneath|below))\b"
    r"|,? ?\d{1,3}(?:\.\d)? ?%",
    FLAGS,
)
_SUBSTRATE_AFTER = re.compile(
    r"[- ](?:below|beneath|underneath|on[- ]grade|-?on[- ](?:ground|grade))\b", FLAGS
)


# "the bottom of the subfloor was damp", "subfloor under the fridge (from basement)": the floor of the
# room above, seen through the ceiling or from the basement of the room below. The ceiling cavity is
# the lower room's, the floor the upper room's, and the line names the lower one: left out.
_FLOOR_KEYS = frozenset({"subfloor", "plywood", "particleboard"})
_UNDERSIDE_BEFORE = re.compile(
    r"\b(?:underside|under-side|bottom|back|soffit) of (?:the )?(?:[a-z]{1,12} )?$", FLAGS
)
_FROM_BELOW_AFTER = re.compile(
    r"[^.;:]{0,40}?\bfrom (?:below|underneath|beneath|(?:the )?(?:basement|cellar|crawl ?space|room below))"
    r"| (?:above|overhead)\b",
    FLAGS,
)


def named_as_substrate(text: str, word: MaterialWord) -> bool:
    """The structure under a finish, named to say what the finish sits on, with no wet word of its own."""
    return (
        word.key in _SUBSTRATE_KEYS
        and (
            _SUBSTRATE_BEFORE.search(text, max(0, word.start - 24), word.start) is not None
            or (word.key == "concrete" and _SUBSTRATE_AFTER.match(text, word.end) is not None)
        )
        and not _SUBSTRATE_OWN_WET.match(text, word.end)
    )


def seen_from_below(text: str, word: MaterialWord) -> bool:
    """The upper room's floor seen from below ("underside of the subfloor", "... from the basement")."""
    return word.key in _FLOOR_KEYS and (
        _UNDERSIDE_BEFORE.search(text, max(0, word.start - 30), word.start) is not None
        or _FROM_BELOW_AFTER.match(text, word.end) is not None
    )


# "subfloor access", "the subfloor vents", "a brick-walled subfloor about 450 mm high", "read from the
# subfloor through a lifted board", "desiccant ducted into the subfloor", "access to the subfloor": the
# space under a suspended floor that Australian and New Zealand notes call the subfloor, not the floor's
# sheet ("subfloor wet", "OSB subfloor swollen", "moisture in the subfloor" stay the material).
_SPACE_KEYS = frozenset({"subfloor"})
_SPACE_AFTER = re.compile(
    r"[ -](?:access|space|void|area|vents?|ventilation|cavity|clearance|height|crawl\w*|inspection|entry"
    r"|hatch|manhole|fans?|ducting|soil|ground|earth)\b"
    r"|(?: (?:about|approx\.?|approximately|around|~))? ?\d{2,4} ?(?:mm|cm|m|in|inches|ft|\")?"
    r" ?(?:high|deep|clearance)\b",
    FLAGS,
)
_SPACE_BEFORE = re.compile(
    r"\b(?:read|checked|inspected|viewed|seen|looked|accessed|entered|crawled|ducted|blown|pushed|placed|set"
    r"|went|got|go|going|taken)(?: (?:up|down|back|out))?"
    r" (?:from|into|in|through|via|under|to|inside)(?: the| a| our)? $"
    r"|\b(?:access|entry|hatch|manhole|vents?|ducts?) (?:to|into|in|for|under)(?: the)? $",
    FLAGS,
)
_SPACE_REACH = 40


def named_as_space(text: str, word: MaterialWord) -> bool:
    """ "The subfloor" as the space under a suspended floor: named for its access, vents or height, or
    as where someone went, read from or ducted air into."""
    return word.key in _SPACE_KEYS and (
        _SPACE_AFTER.match(text, word.end) is not None
        or _SPACE_BEFORE.search(text, max(0, word.start - _SPACE_REACH), word.start) is not None
    )
