"""What the named water source implies: the IICRC S500 category of "a burst supply line", "grey
water", "sewage". Guesses, quoted opinions and opinions the sentence answers "no" weigh less or
nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.grade_refutations import without_others_views
from chalicelib.analysis.offline.job import CATEGORY_SOURCES
from chalicelib.analysis.offline.proper_names import in_business_name
from chalicelib.analysis.offline.text import BELIEF_WORDS, FLAGS, GUESS_WORDS, Line, evidence_matches

# A clean-water washing machine source: its supply hose, not its discharge.
_SUPPLY_HOSE = re.compile(r"\b(?:inlet|supply|fill|cold|hot)(?: water)? (?:hose|line)\b", FLAGS)

# Someone else's words in quotes ("the work order says \"grey water from a bath\""): an opinion.
# A quote a cited span cut short ('the broker used "Cat 3 black water fr…': evidence is kept to a
# few hundred characters) still runs to the cut, so QA rereading the span sees it as quoted.
QUOTED = re.compile(r"\"[^\"]{1,120}(?:\"|\u2026)|\u201c[^\u201d]{1,120}(?:\u201d|\u2026)")
_HEDGE = re.compile(
    rf"\b(?:could be|could have|may be|{GUESS_WORDS}|{BELIEF_WORDS}|think|believe|assum\w+|presum\w+"
    r"|guess\w*|not sure|not found|unknown|either|or"
    # ("the owner wondered whether it counted as grey water", "asked if it was sewage"): a question
    r"|wonder\w*|whether|if)\b|\?",
    FLAGS,
)
_HEDGE_REACH = 40
# "the neighbour told us it would count as grey water, but Jordan said no": an opinion the same
# sentence answers "no" names no source.
_ANSWERED_NO = re.compile(
    r"\bbut (?:[A-Z][\w.]*(?: [A-Z][\w.]*)?|he|she|they|we|the \w+) (?:said|says|told (?:us|me|him|her)) no\b"
)


# A denial between the appliance and what it did ("the washer never drained", "the toilet did not
# overflow"): the source is ruled out, not named.
_INNER_NEGATION = re.compile(r"\b(?:never|not|didn'?t|did not|wasn'?t|was not|no)\b", FLAGS)


# An appliance naming the room it stands in ("the water heater closet", "hot water system cupboard").
_PLACE_AFTER = re.compile(r" ?(?:closet|cupboard|room|alcove|enclosure|nook)\b", FLAGS)


# A sentence's end: a hedge in the sentence before ("The tenant asked if it was grey water. It was the
# cold supply line") does not reach the next one's source.
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")


def _hedge_start(text: str, start: int) -> int:
    window = max(0, start - _HEDGE_REACH)
    ends = [found.end() for found in _SENTENCE_BREAK.finditer(text, window, start)]
    return ends[-1] if ends else window


def hedged_at(text: str, start: int) -> bool:
    """Whether the words just before `start`, in its own sentence, guess or ask ("the owner wondered
    whether it counted as grey water", "could be a supply pipe"): what follows is no source named."""
    return _HEDGE.search(text, _hedge_start(text, start), start) is not None


def _same_sentence(text: str, start: int, end: int) -> bool:
    return start <= end and not any(mark in text[start:end] for mark in ".!?|")


def classify_water_source(text: str, own_only: bool = False) -> tuple[int, str] | None:
    """The IICRC S500 category the water source named in `text` implies, and what S500 calls it.

    The worst source named wins (sewage in a supply-line note makes it Category 3). None when no
    known source is named; rainwater and roof leaks are not categorised by rule."""
    if own_only:
        # ("Tenille asked whether it should be treated as grey water ... No - clean supply water")
        text = without_others_views(text)
    quotes = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    answers = [m.start() for m in _ANSWERED_NO.finditer(text)]
    own: list[tuple[int, str]] = []
    reported: list[tuple[int, str]] = []
    for category, reason, pattern in CATEGORY_SOURCES:
        for match in evidence_matches(pattern, text):
            if _HEDGE.search(text, _hedge_start(text, match.start()), match.start()):
                continue  # "could be a supply pipe", "HO thinks the pan overflowed OR ...": a guess
            if any(_same_sentence(text, match.end(), answer) for answer in answers):
                continue
            if _PLACE_AFTER.match(text, match.end()):
                continue  # "Water heater closet: floor dry": a room named for what is in it
            if _INNER_NEGATION.search(match.group(0)):
                continue  # "the washer never drained - it was the supply hose": no discharge
            if in_business_name(text, match.start(), match.end()):
                continue  # "Brushy Creek Water Pros came out": a firm's name, not the water

            value, why = category, reason
            if category == 2 and _SUPPLY_HOSE.search(match.group(0)):
                value, why = 1, "appliance supply hose (clean water supply)"
            quoted = any(start <= match.start() < end for start, end in quotes)
            (reported if quoted else own).append((value, why))
    # 'The incident form says "grey water" ... this is clean supply water': a source quoted from
    # someone else counts only when the writer names none of their own.
    # (`own_only`: a grade the writer stated is checked against the writer's own source, not against
    # one quoted from someone the writer overrules)
    found = own if own_only else own or reported
    return max(found, key=lambda source: source[0]) if found else None


# "Could be:", "Possible sources -", "No idea yet. One of these:": a list of candidates follows, each
# item a guess however plainly it names its source ("2) a supply line in the wall").
_OPTIONS_HEADER = re.compile(
    rf"\b(?:could be|might be|may be|possibl[ey]|possibilities|candidates?|suspects?|{GUESS_WORDS}"
    r"|one of(?: these| the following)?|either|not (?:yet )?(?:known|found|confirmed)|unknown|no idea)\b"
    r"[^:]{0,40}[:\-\u2013]\s*$",
    FLAGS,
)
# "Source: NOT FOUND.", "Cause of loss - unknown", "Origin: not yet identified": a source field the
# writer leaves open; what is listed under it are the places checked, not the source.
_OPEN_SOURCE = re.compile(
    r"^\W*(?:(?:water )?source|cause|origin)(?: of (?:the )?(?:loss|leak|water|damage))?\s*[:=\-\u2013]\s*"
    r"(?:not (?:yet )?(?:found|known|confirmed|identified|located|determined|established)"
    r"|unknown|undetermined|unconfirmed|tbc|tbd|\?+)\W*$",
    FLAGS,
)
# A list item ("1)", "b.", "-", "*"), or an item's wrapped tail (it starts in lower case).
_LIST_ITEM = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-h][.)]|[-*\u2022\u2013])\s|^[a-z]")


def guessed_lines(lines: Sequence[Line]) -> frozenset[int]:
    """The numbers of the lines listing candidate sources under a header that says they are guesses."""
    guessed: set[int] = set()
    listing = False
    for line in lines:
        if listing and line.text and _LIST_ITEM.match(line.text):
            guessed.add(line.number)
            continue
        listing = _OPTIONS_HEADER.search(line.text) is not None or _OPEN_SOURCE.match(line.text) is not None
    return frozenset(guessed)
