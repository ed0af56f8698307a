"""Rooms a line names and then clears in other words than a verdict: a hazard test there that found
nothing (the room is where a sample came from), or a smoke odour that has been cleaned up, has gone,
or needs no work beyond deodorising. Split from `room_verdicts` by topic: these read what was done
or found in a room, not what the writer says of it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.room_states import WET, unnegated
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS, Sentences

# A sentence that reports a hazard test and what it found: "the pipe lagging in the basement was
# sampled: no asbestos", "swabs from the hall came back negative". A room named only for where the
# sample came from is not damaged by the loss (its damage words are the test's: "pipe", "mould").
_HAZARD_TEST = re.compile(
    r"\b(?:sampled|tested|swabbed|swabs?|tape lifts?|lab (?:result|test)s?|(?:air|clearance|wipe) tests?"
    r"|test(?:ed)? for)\b",
    FLAGS,
)
_TEST_CLEAR = re.compile(
    r"\b(?:no (?:asbestos|acm|lead|mou?ld|spores?|contamination)|negative|not detected|none detected"
    r"|nothing (?:found|detected)|clear(?:ed)?|passed|clean"
    r"|below (?:the )?(?:limit|threshold|guideline)s?)\b",
    FLAGS,
)


_SOOT_SEEN = re.compile(
    r"\b(?:soot(?:y|ed)?|charr(?:ed|ing)|scorch(?:ed|ing)?|blister(?:ed|ing)?|smoke film)\b", FLAGS
)


class ClearTests:
    """Whether a sentence only reports a hazard test that found nothing (no wet word of its own beside
    the test's): the rooms it names are where samples came from, not affected areas. Each sentence of
    a line is read once (a long line of rooms costs no more)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._seen: dict[tuple[int, int], bool] = {}

    def __call__(self, bounds: tuple[int, int]) -> bool:
        if bounds not in self._seen:
            sentence = self._text[bounds[0] : bounds[1]]
            self._seen[bounds] = (
                _HAZARD_TEST.search(sentence) is not None
                and _TEST_CLEAR.search(sentence) is not None
                and not unnegated(WET, sentence)
                # ("Heavy soot in the lounge; the study had its door shut and tested clean": the
                # lounge's soot is seen, not tested for)
                and not unnegated(_SOOT_SEEN, sentence)
            )
        return self._seen[bounds]


# "Kitchen: faint odour only, no residue; cleaned by the owners": a trace of smoke odour the
# occupants have already dealt with is a room checked and cleared, not one that needs deodorising
# ("Bedrooms: light odour only, no visible residue" still does: nothing says it is gone).
# (a "smell" is the same trace as an "odour")
_ODOUR = re.compile(r"\b(?:odou?rs?|smell(?:s|y)?)\b", FLAGS)
_CLEARED = re.compile(
    r"\b(?:(?:already )?(?:cleaned|aired|wiped)(?: out| down| up)? by (?:the )?(?:owners?|tenants?|insureds?"
    r"|occupants?|residents?|family)|(?:owners?|tenants?|insureds?|occupants?) (?:have |had )?(?:already )?"
    r"(?:cleaned|aired|wiped)|(?:odou?r|smell) (?:has |had )?(?:gone|cleared|dissipated)"
    # "Lounge: faint odour only, wipes clean": the wipe test found no residue to clean
    r"|wipes? (?:off )?clean|clean on (?:the |a )?wipe(?: tests?)?"
    r"|wipe tests? (?:was |were |came back )?clean"
    # "no soot on the white wipe test": the same clean test, told as what it did not find
    r"|no (?:visible )?(?:soot|residue|film)(?: (?:was |showed |came up ))?(?: on| in)"
    r" (?:the |a |any )?(?:\w+ )?wipes?(?: tests?)?"
    # "no work beyond deodorising": the writer leaves the room out of the work but for its odour
    r"|no (?:work|cleaning|treatment)(?: (?:is |was )?(?:needed|required|proposed|planned))?"
    r" (?:beyond|other than|apart from|except(?: for)?) )\b",
    FLAGS,
)
# "Beds 1, 3, 4 doors shut - odour only, no visible residue", "Lounge: the door was shut ... they only
# smell faintly of smoke; no marks on the walls": a smell and nothing else, the writer having looked
# for what smoke leaves, is no room the smoke affected (the odour is the air's, dealt with by the
# deodorising of the affected rooms; not "Bedroom 2: light odour only, film on the door")
_ODOUR_ONLY = re.compile(
    r"\b(?:odou?rs?|smell(?:s|y)?)(?: [a-z]+){0,3}? only\b|\bonly (?:(?:a|an|some|faint|slight|light|faintly"
    r"|slightly|smoke|of) ){0,3}(?:odou?rs?|smell(?:s|y)?)\b",
    FLAGS,
)
_NONE_LEFT = re.compile(
    r"\bno (?:visible |other )?(?:residue|soot|film|marks?|staining|discolou?ration|damage)\b"
    r"|\bdoors? (?:was |were |had been )?(?:kept )?(?:shut|closed)\b",
    FLAGS,
)
# A room that leads its line with a colon ("Living room and both bedrooms: the doors were shut. ..."):
# every sentence of the line up to the next room is its note.
_LEAD_COLON = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?:", FLAGS)
# "Kitchen (ground floor): dry, light odour only": the room's own verdict, first, is dry
_DRY_FIRST = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:[:\-\u2013]\s*)?dry\b\s*[,;]", FLAGS)
# "Hallway + 3 bedrooms: light odour only, ...": rooms listed together share what follows the list
_LIST_REACH = 6
_LISTED_WITH = re.compile(r"(?:\s|,|&|\+|\band\b|\b[2-9]\b|\b(?:two|three|four|five)\b)*", FLAGS)
_HEAVIER = re.compile(
    r"\b(?:soot\w*|char(?:red|ring)?|burnt|burned|scorch\w*|residue|film|webs?|stain(?:s|ed|ing)?"
    r"|blister\w*|melted|damaged?)\b",
    FLAGS,
)


def odour_cleared(text: str, sentences: Sentences, found: Sequence[Mention], index: int) -> bool:
    """Whether a room's words (to its sentence's end or the next room) give it only an odour that has
    been cleaned up or has gone."""
    mention = found[index]
    end = sentences.bounds(mention.start)[1]
    later = index + 1
    # (the list's verdict comes after its last room; a list of a few rooms at most, so a long line of
    # rooms stays linear)
    while (
        later < min(len(found), index + _LIST_REACH)
        and _LISTED_WITH.fullmatch(text, found[later - 1].end, found[later].start) is not None
    ):
        later += 1
    if later < len(found):
        end = min(end, found[later].start)
    part = text[mention.start : end]
    if _ODOUR_ONLY.search(part) is None and _LEAD_COLON.match(text, found[later - 1].end):
        # (the list's note runs on past its first sentence, to the next room or the line's end)
        end = found[later].start if later < len(found) else len(text)
        part = text[mention.start : end]
    if (
        _ODOUR_ONLY.search(part) is not None
        and _NONE_LEFT.search(part) is not None
        and not unnegated(_HEAVIER, part)
        and not unnegated(WET, part)
    ):
        return True
    return (
        _ODOUR.search(part) is not None
        and (
            _CLEARED.search(part) is not None or _DRY_FIRST.match(text, found[later - 1].end, end) is not None
        )
        and not unnegated(_HEAVIER, part)
        and not unnegated(WET, part)
    )
