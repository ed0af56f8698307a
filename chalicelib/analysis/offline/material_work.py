"""The work a line does to a material, nearest first: removal says it was affected ("pulled the
underlay", "flood-cut the drywall"), cleaning does not ("antimicrobial to the slab"), and some work says
nothing of damage ("detach and reset", "pulled to check", "protect", "reinstatement", "install new")."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.material_words import MaterialWord
from chalicelib.analysis.offline.text import FLAGS

# The work done to a material, nearest first: removal says it was affected, cleaning does not.
REMOVAL = re.compile(
    r"\b(?:remov\w*|r ?& ?[dr]|d ?& ?r|dispos\w*|strip(?:ped|ping)?|lift(?:ed|ing)?|pull(?:ed|ing)?"
    r"|tear ?out|tore out|torn out|ripped out|cut out|flood[- ]?cut\w*|demo(?:lish\w*|ed)?|replac\w*"
    r"|discard\w*|bagged|extract\w*|float(?:ed)?|detach\w*|relay|re-?laid|re-?stretch\w*|drill\w*)\b",
    FLAGS,
)
_CLEANING = re.compile(
    r"\b(?:clean(?:ed|ing)?|sanitis\w*|sanitiz\w*|disinfect\w*|anti-?microbial|wash(?:ed|ing)?(?: down)?"
    r"|wip(?:e|ed|ing)|hos(?:e|ed)(?: out)?|scrub\w*|fogg?\w*|deodori[sz]\w*|hepa[- ]?vac\w*)\b",
    FLAGS,
)
# Work that says nothing of damage: "detach and reset", "pulled to check", "protect", "mask".
_NEUTRAL = re.compile(
    r"\b(?:(?:detach\w*|lift\w*|pull\w*|remov\w*)(?: (?:and|&) reset| to (?:check|inspect|look|access))"
    r"|reset|protect\w*|mask\w*|cover\w*|mov(?:e|ed|ing)|block\w*|check\w*|inspect\w*|monitor\w*"
    # "Reinstatement (vinyl, underlay, paint) quoted separately", "supply/install kickboard", "install
    # new vinyl plank with underlayment": what will be put back, not what the water reached
    r"|reinstat\w*|supply(?: and| &| ?/ ?) ?(?:install|lay|fit)\w*|install(?:ed|ing)?"
    r"|(?:lay|fit) new)\b",
    FLAGS,
)
_VERB_REACH = 60


def nearest_work(text: str, start: int, end: int, word_start: int, word_end: int) -> bool | None:
    """Whether the work nearest a material (at `word_start`-`word_end`, in the clause `start`-`end`)
    removes it (True) or only cleans it or leaves it be (False); None when the clause does no work
    to it. Work written before the material wins; after it, only up to the next comma."""
    lo = max(start, word_start - _VERB_REACH)
    last: tuple[int, bool] | None = None
    for pattern, removes in ((REMOVAL, True), (_CLEANING, False), (_NEUTRAL, False)):
        for match in pattern.finditer(text, lo, word_start):
            if last is None or match.start() > last[0] or (match.start() == last[0] and not removes):
                last = (match.start(), removes)
    if last is not None:
        return last[1]
    stop = min(end, word_end + _VERB_REACH)
    comma = text.find(",", word_end, stop)
    stop = comma if comma >= 0 else stop
    following = [
        (match.start(), removes)
        for pattern, removes in ((REMOVAL, True), (_CLEANING, False), (_NEUTRAL, False))
        for match in [pattern.search(text, word_end, stop)]
        if match is not None
    ]
    return min(following, key=lambda verb: (verb[0], verb[1]))[1] if following else None


# The next object of the same work, past the reach of its verb: "Antimicrobial applied to the studio
# timber floor (30 m2) and the reception slab (9 m2)": the slab is cleaned as the floor is.
_NEXT_OBJECT = re.compile(
    r"(?: ?\([^()]{1,24}\))?(?:,| and| &| \+)(?: and)? (?:the |a )?(?:[a-z]{1,12} ){0,3}", FLAGS
)


# Water taken off a sealed finish ("extracted kitchen tiles", "squeegeed the tiled floor", "wet-vac'd
# the tiles and the hall carpet"): the water sat on it, which says nothing of the finish itself (a
# carpet or a board extracted was wet through, and stays read by REMOVAL).
_SEALED_KEYS = frozenset({"tile"})
_SURFACE_WORK = re.compile(r"\b(?:extract\w*|squeege\w*|wet[- ]?vac\w*|mopp?(?:ed|ing)?)\b", FLAGS)


# A reinstatement (rebuild) label or clause before the material ("Reinstatement: replace kickboards
# and underlay", "Rebuild - new vinyl, skirting", "to make good: replace the plasterboard"): its verbs
# are the rebuild, which says nothing of what the water reached.
# ("remove and reinstall baseboard" detaches it; "make good the screed" repairs it; "Scope to rebuild:
# remove and replace the drywall" takes it out first: those keep their own work)
_REBUILD_BEFORE = re.compile(r"\b(?P<rebuild>reinstat\w*|rebuild(?:ing)?)\b[^.;()]*$", FLAGS)
_PUT_BACK = re.compile(r"\b(?:replac\w*|relay|re-?laid)\b", FLAGS)


def _rebuilt_only(text: str, start: int, word: MaterialWord) -> bool:
    """Whether the material is only named as what a reinstatement puts back."""
    rebuild = _REBUILD_BEFORE.search(text, max(start, word.start - _VERB_REACH), word.start)
    if rebuild is None:
        return False
    removals = REMOVAL.finditer(text, rebuild.end("rebuild"), word.start)
    return all(_PUT_BACK.match(text, match.start()) for match in removals)


def _water_taken_off(text: str, start: int, word: MaterialWord) -> bool:
    """Whether the work nearest before a sealed finish only took the water off it."""
    lo = max(start, word.start - _VERB_REACH)
    surface = [*_SURFACE_WORK.finditer(text, lo, word.start)]
    if not surface:
        return False
    last = surface[-1].start()
    return not any(
        match.start() > last and not _SURFACE_WORK.match(text, match.start())
        for pattern in (REMOVAL, _CLEANING, _NEUTRAL)
        for match in pattern.finditer(text, last, word.start)
    )


def work_on(
    text: str, start: int, end: int, word: MaterialWord, previous: MaterialWord | None
) -> bool | None:
    """nearest_work, and for a material with no work of its own listed straight after one that is only
    cleaned, that cleaning (removal is not carried on: "removed the lounge carpet and the hall slab"
    leaves the slab unsaid)."""
    if word.key in _SEALED_KEYS and _water_taken_off(text, start, word):
        return False
    if _rebuilt_only(text, start, word):
        return False  # "Reinstatement: replace kickboards and underlay": what is put back

    verb = nearest_work(text, start, end, word.start, word.end)
    if (
        verb is None
        and previous is not None
        and word.start - previous.end <= _VERB_REACH
        and _NEXT_OBJECT.fullmatch(text, previous.end, word.start) is not None
        and nearest_work(text, start, end, previous.start, previous.end) is False
    ):
        return False
    return verb
