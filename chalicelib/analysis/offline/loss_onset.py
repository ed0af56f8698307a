"""Whether a loss has one start day: a leak going on for seasons, nobody knowing when it began, or
water found after signs that it had been there a while (job_dates.py)."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.dates import DateMatch
from chalicelib.analysis.offline.text import FLAGS, WINDOW, Sentences

# Finding the water is not when it got out; a loss left open ("for weeks", "don't know how long")
# is dated by nothing told against the call.
DISCOVERY = re.compile(r"\b(?:noticed|discovered|spotted|saw|found|first seen)\b", FLAGS)


OPEN_ENDED = re.compile(
    r"\b(?:days|weeks?|months?|holidays?|away|vacation|unknown|not known|(?:don'?t|do not|didn'?t|did not)"
    r" know|how long|slow(?:ly)?|gradual(?:ly)?|for some time)\b",
    FLAGS,
)


# "has been leaking on and off for several winters": a loss with no start; the day someone first
# saw it is not when it happened.
_LONG_TERM = re.compile(
    r"\b(?:leak\w*|seep\w*|wet|damp)(?: \w+){0,3} (?:on and off|for (?:several|many|a few|some|two|three)"
    r" (?:winters|years|seasons))|\blong[- ]term (?:leak|seepage|moisture)",
    FLAGS,
)


# The writer says nobody knows when the water started: a storm or a visit the prose mentions is
# not the date of loss ("she isn't sure when it started, maybe a few days, maybe longer").
_ONSET_UNKNOWN = re.compile(
    r"\b(?:(?:not|isn'?t|aren'?t|wasn'?t|unsure|un ?certain) sure (?:when|how long)|unsure (?:when|how long)"
    r"|(?:don'?t|doesn'?t|didn'?t|do not|does not) know (?:when|how long)|no idea (?:when|how long)"
    r"|(?:can'?t|cannot|could ?n'?t) (?:say|tell) (?:when|how long)|unknown when|onset (?:is )?unknown"
    # ("This has gone on since the house was built. There is no single event.")
    r"|no (?:single|one|specific|identifiable|particular) (?:event|incident|date|day|escape))\b",
    FLAGS,
)


# "We found no staining or rot to support a long-term leak": a long leak the writer rules out.
_RULED_OUT = re.compile(r"\b(?:no|not|never|nothing|without)\b|n't\b", FLAGS)
_CLAUSE_START = re.compile(r"[.;!?]\s|\bbut\b", FLAGS)


def onset_open(text: str) -> bool:
    """Whether the line says the water had no one start: a long leak, or nobody knows when."""
    if _ONSET_UNKNOWN.search(text):
        return True
    for match in _LONG_TERM.finditer(text):
        before = text[max(0, match.start() - WINDOW) : match.start()]
        starts = [clause.end() for clause in _CLAUSE_START.finditer(before)]
        if not _RULED_OUT.search(before, starts[-1] if starts else 0):
            return True
    return False


def found_late(text: str, sentences: Sentences, start: int, known: DateMatch) -> bool:
    """ "tenant noticed a musty smell last week sometime and wet carpet this morning (11/30). Could
    be longer - he's been away": the day it was found, in a sentence (or the next) that leaves the
    loss earlier or unknown, is not the loss date."""
    if DISCOVERY.search(text, start, known.start) is None:
        return False
    end = sentences.bounds(known.start)[1]
    following = text[end : end + WINDOW]
    return bool(_EARLIER_SIGN.search(text, start, end) or _EARLIER_SIGN.search(following))


# What says the water was there before it was found: an earlier sign, a span, a guess it was longer.
# (not "start unknown" alone: "found the basement wet when they got home on 11/23; start unknown"
# is a claim dated by its finding)
_EARLIER_SIGN = re.compile(
    r"\b(?:last week|(?:a|two|three|few|several|some) weeks?|weeks|months?|for some time|a while"
    r"|(?:could|may|might|must) (?:be|have been) (?:longer|going on|there)"
    r"|(?:or|maybe|possibly|probably) longer"
    r"|on and off|off and on|been (?:going on|there) (?:for|since))\b",
    FLAGS,
)
