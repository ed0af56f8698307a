"""Whether a loss has one start day: a leak going on for seasons, nobody knowing when it began, or
water found after signs that it had been there a while (job_dates.py)."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

from chalicelib.analysis.offline.dates import DateMatch
from chalicelib.analysis.offline.text import BELIEF_WORDS, FLAGS, HEDGE_WORDS, WINDOW, Sentences

# Finding the water is not when it got out; a loss left open ("for weeks", "don't know how long")
# is dated by nothing told against the call.
DISCOVERY = re.compile(
    r"\b(?:noticed|discovered|spotted|saw|found|first seen"
    # "came home a bit after six to the sound of water running": home to what they found
    r"|(?:came|got|arrived) home\b[^.;]{0,40}?\bto (?:the sound of|find|water|a flood))\b",
    FLAGS,
)


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
    r"|(?:can'?t|cannot|could ?n'?t) (?:say|tell)(?: (?:you|anyone|us))? (?:when|how long)|unknown when"
    r"|onset (?:is )?unknown"
    # the writer declines to date it: "I cannot put a date on when it began", "No date of loss can be
    # fixed from what I found"
    r"|(?:can'?t|cannot|could ?n'?t|unable to) (?:put|fix|give|set) (?:a|any|an exact) date on"
    r"|no (?:date of loss|loss date|start date|onset date) (?:can|could) be (?:fixed|set|given|determined"
    r"|established)"
    # a stain or a smell older than any day told: "the stain has been there a week or two"
    r"|(?:has|had|have|'s|'d) [\"\u201c]?been there (?:for )?(?:about |at least |over )?"
    r"(?:a (?:week|month|while|fortnight)"
    r"|(?:a )?(?:few|couple of|several) (?:weeks|months)|weeks|months|ages)"
    # ("This has gone on since the house was built. There is no single event.")
    r"|no (?:single|one|specific|identifiable|particular) (?:event|incident|date|day|escape)"
    # the wetting told as going on for seasons: "this has been going on for at least two winters",
    # "the fan has been pumping wet air into the roof for what looks like years"
    # (any doing but the people's own: "have been living here for years" says nothing of the water)
    r"|(?:has|have|had|'s) been (?!(?:living|renting|staying|residing|working|waiting|trying|planning"
    r"|paying|owning|using|visiting|asking|meaning|looking)\b)[a-z]+ing\b[^.;]{0,80}?"
    r"\bfor (?:what (?:looks|seems) like"
    r" |at least |probably |possibly |maybe |well over |over |about )?(?:(?:several|many|a few|a couple of"
    r"|some|two|three|four|five) )?(?:years|winters|summers|seasons|months))\b",
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


# A meter or a sensor's log of the water running: "the smart-meter app shows continuous flow from
# Saturday 11/07 around 2 PM", "the building's water meter started a continuous flow at 2:10 AM
# Sunday 6/14". Not a bill's period ("usage from 1 Oct to 31 Dec"): the flow is told as unbroken or
# as starting.
_METER_LOG = re.compile(
    r"\b(?:meter|app|logger|(?:leak|flow) (?:sensor|detector|monitor)|monitor(?:ing)?|telemetry)\b"
    r"[\w' -]{0,30}?\b(?:shows?|showed|showing|logs?|logged|records?|recorded|registers?|registered"
    # ("the smart meter had flagged continuous flow from 02:00 on 21/11", "the app detected ...")
    r"|flag(?:s|ged)?|detect(?:s|ed)?|report(?:s|ed)?|indicat(?:es|ed)|alerted(?: (?:to|on))?"
    r"|(?P<began>started|began|picked up))\b (?:an? )?(?P<steady>(?:continuous|constant|steady|unbroken"
    r"|non-?stop|uninterrupted) )?(?:water )?(?:flow|usage|consumption|draw)\b",
    FLAGS,
)
# An alarm or a sensor's log of the water itself: "pump alarm log shows high-water at 02:10 on 18/11",
# "the leak sensor under the sink triggered at 4.05 am Sunday 6/12", "water alarm went off at 3 a.m. on
# the 14th". What it logged is the water, so no "continuous" is needed: the log dates the escape.
_ALARM_LOG = re.compile(
    r"\b(?:alarm|(?:leak|water|flood|moisture) (?:sensor|detector)|sensor)\b[\w' -]{0,25}?"
    r"\b(?:shows?|showed|logs?|logged|records?|recorded|registers?|registered|went off|triggered"
    r"|tripped|sounded|alerted|fired|flag(?:s|ged))\b(?: an?)?"
    r"(?: (?:high[- ]water|water|leak|flood(?:ing)?|wet|alarm|alert|event))?"
    # An appliance's own controller logging the fault that let the water go: "the cooler controller
    # logged a 'fill fault' at 2.14pm Sun 30/11", "the boiler panel recorded a low-pressure error on".
    r"|\b(?:controller|control (?:panel|board|unit)|panel|display)\b[\w' -]{0,25}?"
    r"\b(?:logs?|logged|records?|recorded|shows?|showed|flag(?:s|ged)|registers?|registered|threw|raised)"
    r"\b(?: an?)? [\"']?(?:[\w-]+ ){0,2}(?:fault|error|alarm|alert)\b[\"']?",
    FLAGS,
)
_FROM_WORD = re.compile(r"[^.;]{0,30}?\b(?:from|since|starting|beginning|at)\b", FLAGS)


# The writer (or the evidence) settling when it began: "the water bill and the leak detection put the
# start at or near 11/24", "which dates the onset to Sunday 6/14".
_START_PUT = re.compile(
    r"\b(?:put|puts|places?|placed|dates?|dated|fix(?:es|ed)?|sets?) the (?:start|onset|beginning)"
    r"(?: of (?:the |this )?(?:leak|loss|escape|flow|water))? (?:at|on|to|as)"
    r"(?: or (?:near|about|around|close to)| about| around| approximately)?\b",
    FLAGS,
)
_METER_TO_DATE = 45  # how far after the flow's "from" its date may be
_METER_TRIES = 3  # meter logs read per line


def metered_start(text: str, found: list[DateMatch]) -> list[date]:
    """The day a meter's log says the water started running, or the writer puts the start at."""
    out: list[date] = []
    for tried, cue in enumerate(_METER_LOG.finditer(text)):
        if tried >= _METER_TRIES:
            break
        if not (cue.group("began") or cue.group("steady")):
            continue
        start = _FROM_WORD.match(text, cue.end())
        if start is not None and (day := _date_after(text, found, start.end())) is not None:
            out.append(day)
    for cue in itertools.islice(_ALARM_LOG.finditer(text), _METER_TRIES):
        start = _FROM_WORD.match(text, cue.end())
        if start is not None and (day := _date_after(text, found, start.end())) is not None:
            out.append(day)
    for cue in itertools.islice(_START_PUT.finditer(text), _METER_TRIES):
        if (day := _date_after(text, found, cue.end())) is not None:
            out.append(day)
    return out


def _date_after(text: str, found: list[DateMatch], at: int) -> date | None:
    """The first date written soon after `at`, in the same sentence."""
    after = next((known for known in found if known.start >= at), None)
    if after is None or after.value is None or after.start - at > _METER_TO_DATE:
        return None
    return None if re.search(r"[.;!?] ", text[at : after.start]) else after.value


# "on the night of Saturday 31 October into Sunday 1 November": the evening a night began; the
# water came in its small hours, the day the span runs into.
_INTO_NEXT = re.compile(r"\s*(?:into|to|through(?: to)?|[-\u2013/])\s", FLAGS)
_NEXT_DAY = timedelta(days=1)
_INTO_REACH = 16  # how far after the span's first day its second may start


def overnight_start(text: str, found: list[DateMatch], known: DateMatch) -> bool:
    if known.value is None or _INTO_NEXT.match(text, known.end) is None:
        return False
    return any(
        other.value == known.value + _NEXT_DAY and 0 < other.start - known.end <= _INTO_REACH
        for other in found
    )


# "manager thinks it probably let go Friday night, but nobody saw water until Monday 23/11": a start
# only guessed at, and the day the water was first seen. The seen day is the one the text settles;
# the guessed days before it in the sentence date nothing.
_UNSEEN_UNTIL = re.compile(
    r"\b(?:nobody|no one|no-one|none of (?:us|them)|(?:was|were) not|wasn'?t|weren'?t|not|never)"
    r"(?: \w+){0,2} (?:saw|seen|noticed|found|spotted|discovered|knew|aware)\b[^.;!?]{0,80}?"
    r"\b(?:until|till|before)\b[^.;!?]{0,80}$",
    FLAGS,
)
_GUESSED = re.compile(
    rf"\b(?:{HEDGE_WORDS}|{BELIEF_WORDS}|reckons?|guess(?:es|ed)?|assumes?|supposes?|likely|think)\b",
    FLAGS,
)


def seen_until(text: str, sentences: Sentences, known: DateMatch) -> bool:
    """Whether the date is the day the water was first seen, after a start nobody saw."""
    start = max(sentences.bounds(known.start)[0], known.start - 2 * WINDOW)
    return _UNSEEN_UNTIL.search(text, start, known.start) is not None


def guessed_before_seen(text: str, sentences: Sentences, found: list[DateMatch], known: DateMatch) -> bool:
    """Whether the date is a guessed start, told in a sentence that goes on to the day the water was
    first seen ("thinks it probably let go Friday night, but nobody saw water until Monday")."""
    start, end = sentences.bounds(known.start)
    later = [other for other in found if known.end <= other.start < end]
    return any(seen_until(text, sentences, other) for other in later) and bool(
        _GUESSED.search(text, start, min(end, later[-1].start))
    )
