"""Clues to what a date in a sentence dates, for job_dates.py: another event's words near it (a call,
a trade's work, our equipment), a state seen fine, our arrival told before it, a loss label's own
sentence, a loss told against the day of the call. Split from job_dates.py by topic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from chalicelib.analysis.offline.dates import DateMatch
from chalicelib.analysis.offline.job_arrivals import ARRIVAL, is_our_arrival
from chalicelib.analysis.offline.job_date_labels import LOSS_DATE_LABEL, THIRD_PARTY
from chalicelib.analysis.offline.loss_onset import DISCOVERY, OPEN_ENDED
from chalicelib.analysis.offline.loss_words import ESCAPE
from chalicelib.analysis.offline.relative_days import PLACED_REACH, DayContext, DayEvent
from chalicelib.analysis.offline.text import FLAGS

_DAY = timedelta(days=1)

# Dates of something other than the loss: a call, a discovery, a tradesman's work, an install.
_NOT_LOSS_EVENT = re.compile(
    r"\b(?:call(?:ed|s)?|rang|phoned|phone|contacted|e-?mailed|reported|notified|lodged|fnol|noticed"
    r"|discovered|found|saw|spotted|plumbers?|roofers?|electricians?|builders?|handym[ae]n|tradesm[ae]n"
    r"|tradies?|leak detection|installed|delivered|connected(?! to)|hooked up|(?:re-?)?plumbed|renovated"
    # (an appointment still to come: "sparky due Thursday 19/11")
    r"|due(?! to)|fitted|replaced|repaired|serviced|quoted?|invoiced?|warning|issued|forecast|last used"
    r"|booked"
    # (the day the job reached us: "Instruction received: 10/11/2026 08:05", "Claim received 3/2")
    r"|received|instruct(?:ion|ions|ed)"
    # (a stage of an earlier job, or people moving: "dried by another firm and signed off on 2/9",
    # "new tenants moved in on 1/11")
    r"|signed off|moved (?:in|out|into)|dried (?:out )?by"
    # (a stage of the drying: "Drying complete on 3 December", "dry and signed-off 9/12",
    # "works finished 14/12", "handed back to the owner on the 9th")
    r"|(?:drying|dry-?out|works?|job|mitigation) (?:was |is )?(?:complete[ds]?|finished|done|ended)"
    r"|completed|completion|sign-?off|signed-?off|handed (?:back|over)|demob\w*"
    # (a trade's or our own check: "checked by the gas fitter 20/11 - no gas leak")
    r"|(?:checked|tested|inspected|cleared|certified) by|gas ?fitters?|relit"
    r"|scheduled|purchased|bought|since|new|set|placed|pulled|removed|extracted|equipment|air movers?"
    r"|booking|came in|job received|work order|referr(?:al|ed)|assigned|allocated"
    r"|dehumidifiers?|dehus?|fans|took (?:\w+ ){0,3}(?:away|out)|readings?|read|we did"
    # (the day a post, a message or a report was written: "Posted to a forum, Dec 3, 2026")
    r"|posted|updated|edited|wrote|written"
    # (the policy's own days: "Policy incepted 14/03/2026", "cover renewed on 1 July", "policy start")
    r"|incept(?:ed|ion)|(?:policy|cover) (?:start(?:ed)?|began|commenced|taken out|renewed|renewal)|renewed"
    # (the day someone went away: "the owners left on Friday 6/3 for the coast", "flew out Sun 14th")
    r"|left (?:home|the (?:house|flat|unit|property|place)|town|for|early|on)"
    r"|left (?=(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b)"
    r"|went away|headed (?:off|away|out of town)|set off|departed|flew out|drove (?:off|away|up|down))\b",
    FLAGS,
)


# Who told of it, and when: a report's verb governs the dates after it in its sentence, however long
# the list of what was reported ("the tenant reported a musty smell and black spotting in the
# bedroom closet, first on 2026-11-10").
_REPORT_VERB = re.compile(
    r"\b(?:reported|notified|lodged|called (?:us|it in|the office)|rang (?:us|the \w+)|phoned (?:us|the \w+)"
    r"|e-?mailed|complained)\b",
    FLAGS,
)


# How close after an event's word its own date may follow: "saw water on Sun 18/05 and rang us on
# 20/05": the call has its day, so it says nothing of the day before it.
_OWN_DATE_REACH = 25


def dated_elsewhere(match_end: int, found: Sequence[DateMatch], known: DateMatch) -> bool:
    """Whether another date follows an event's word closely: the event is that date's."""
    return any(other is not known and 0 <= other.start - match_end <= _OWN_DATE_REACH for other in found)


def other_event(
    text: str,
    near_start: int,
    known: DateMatch,
    near_end: int,
    sentence_start: int | None = None,
    found: Sequence[DateMatch] = (),
) -> bool:
    """Whether words near the date say it dates a call, a trade's work or our equipment. Not a report
    that goes on to tell the loss: in "the insured reports the toilet overflowed last evening
    (10/05)" the date is the overflow's, the verb nearer to it. With `sentence_start`, a report's
    verb anywhere before the date in its sentence dates the report, unless the water's own verb
    comes between them."""
    if sentence_start is not None and sentence_start < near_start:
        reports = [
            match
            for match in _REPORT_VERB.finditer(text, sentence_start, near_start)
            if not denied(text, match)
        ]
        if reports and not ESCAPE.search(text, reports[-1].end(), known.start):
            return True
    if any(
        not denied(text, match)
        and not _water_came(text, match)
        and not dated_elsewhere(match.end(), found, known)
        for match in _NOT_LOSS_EVENT.finditer(text, known.end, near_end)
    ):
        return True
    before = [
        match
        for match in _NOT_LOSS_EVENT.finditer(text, near_start, known.start)
        if not denied(text, match) and not _water_came(text, match)
    ]
    if not before:
        return False
    # (the water's verb, not a noun: "she phoned us about the leak on 3 April" dates the call)
    return not any(
        _NOUN_BEFORE.search(text, max(0, escape.start() - 12), escape.start()) is None
        for escape in ESCAPE.finditer(text, before[-1].end(), known.start)
    )


# "Water came in about 9 pm on Mon 30/11": the water's coming in, not a job's ("the job came in on
# 3/12"): the water named just before it.
_WATER_BEFORE = re.compile(
    r"\b(?:water|rain(?:water)?|storm ?water|flood ?water|sewage|effluent|mud|seawater|run-?off)\s+$", FLAGS
)


def _water_came(text: str, match: re.Match[str]) -> bool:
    return match.group(0).lower() == "came in" and bool(
        _WATER_BEFORE.search(text, max(0, match.start() - 16), match.start())
    )


# "... on the Sunday night, and nobody noticed until breakfast": no discovery on that day.
_DENIED = re.compile(r"\b(?:nobody|no one|never|not|didn'?t|did not|hadn'?t)\s+$", FLAGS)


def denied(text: str, match: re.Match[str]) -> bool:
    return _DENIED.search(text, max(0, match.start() - 12), match.start()) is not None


_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|about|of|her|his|their|our|my|this|that|its)\s+$", FLAGS)


# "(overnight; floor dry at 22:00 on the 19th, water found 06:45 on the 20th)": the day it was last
# seen fine, in its own clause, is not the day it was found.
_FINE_STATE = re.compile(r"\b(?:dry|fine|normal|ok|okay|nothing)\b", FLAGS)
_CLAUSE_MARK = re.compile(r"[,;()]")
_CLAUSE_REACH = 60  # how far either side of a date its clause is read


def seen_fine_then(text: str, known: DateMatch) -> bool:
    before = text[max(0, known.start - _CLAUSE_REACH) : known.start]
    marks = [mark.end() for mark in _CLAUSE_MARK.finditer(before)]
    clause_start = known.start - len(before) + (marks[-1] if marks else 0)
    after = _CLAUSE_MARK.search(text, known.end, known.end + _CLAUSE_REACH)
    clause_end = after.start() if after else min(len(text), known.end + _CLAUSE_REACH)
    return bool(
        _FINE_STATE.search(text, clause_start, clause_end)
        and not DISCOVERY.search(text, clause_start, clause_end)
    )


_TOLD_REACH = 90  # how far after a loss label a date told in its own sentence may be


def told_after_label(text: str, found: list[DateMatch]) -> date | None:
    """ "DOL: the owner says it happened Friday night around 9 PM (11/13)": a label whose sentence
    tells the loss in words before its date. Nothing between may date another event or leave the
    start open ("DOL: unknown, tenant away until 12/11")."""
    label = LOSS_DATE_LABEL.search(text)
    if label is None:
        return None
    for known in found:
        if known.start < label.end():
            continue
        between = text[label.end() : known.start]
        if (
            known.start - label.end() > _TOLD_REACH
            or known.value is None
            or re.search(r"[.!?;] ", between)
            or (not ESCAPE.search(between) and not _HAPPENED.search(between))
            or _NOT_LOSS_EVENT.search(between)
            or OPEN_ENDED.search(between)
            or THIRD_PARTY.search(between)
        ):
            return None
        return known.value
    return None


# (or a meter or an app's log of it: "Loss date: the boiler app logs pressure falling from 19/10")
_HAPPENED = re.compile(
    r"\b(?:happened|occurred|started|began|went|let go|logs|logged"
    r"|(?:pressure|flow|usage) (?:falling|dropping|jumped|spiked|rising))\b",
    FLAGS,
)


_ARRIVAL_TO_DATE = 120  # how far after our arrival's verb the date it was told with may be


def arrival_day(text: str, found: list[DateMatch], known: DateMatch, start: int) -> bool:
    """ "We were at 7718 W Sagebrush Ct at 8 the next morning, Monday the 16th": the first date
    after our arrival in its sentence is the visit's, however long the address between them."""
    reach = max(start, known.start - _ARRIVAL_TO_DATE)
    cues = [
        cue
        for cue in ARRIVAL.finditer(text, reach, known.start)
        if is_our_arrival(text, cue, start, known.end)
    ]
    if not cues:
        return False
    last = cues[-1].end()
    return not any(last <= other.start < known.start for other in found)


def related_day(
    night_before: bool,
    match: re.Match[str],
    found: list[DateMatch],
    context: DayContext,
    events: list[DayEvent],
) -> date | None:
    # "The night before, Thursday 2 April", "in the early hours of Jun 15": the date written with it
    written = next((k for k in found if match.end() <= k.start <= match.end() + PLACED_REACH), None)
    if written is not None:
        return written.value
    if night_before:
        # else the day before the call's
        day = DayContext.resolve(context.feed(events, before=match.start()), "day")
        return day - _DAY if day else None
    return DayContext.resolve(context.feed(events, before=match.start()), "morning")


# A table's cell that holds only its date (a bracket may say more of the visit): "| 2026-12-01 (after
# rain) |". Two of them in one row are the columns' days, a log's heading, not a story of the loss.
_CELL_EDGE = re.compile(r"\s*(?:\||$)")
_CELL_START = re.compile(r"(?:^|\|)\s*$")
_CELL_BRACKET = re.compile(r"\s*\([^()|]{0,40}\)")
_HEADING_DAYS = 2


def column_heading(text: str, found: list[DateMatch], known: DateMatch) -> bool:
    """Whether the date heads a table's column: it fills its cell, in a row of two such cells."""
    if "|" not in text:
        return False

    def fills_cell(match: DateMatch) -> bool:
        if not _CELL_START.search(text, max(0, match.start - 3), match.start):
            return False
        end = _CELL_BRACKET.match(text, match.end)
        return _CELL_EDGE.match(text, end.end() if end else match.end) is not None

    return fills_cell(known) and sum(fills_cell(match) for match in found) >= _HEADING_DAYS


# The day the loss was reported: "rang the agent on 10/11", "called us 3/2", "lodged the claim on
# the 4th", "10/11 is when they called", "12/3, which is the date the job came in". A loss field
# holding that day holds the job's open date, not the loss (job_dates.py).
_REPORTED_BEFORE = re.compile(
    r"\b(?:rang|phoned|called|rung|e-?mailed|contacted|notified|reported(?: it)?|lodged|booked(?: it)? in"
    r"|came in|(?:was |were )?received)\b[^.;,()|]{0,30}?(?:\bon |\bat )?(?:the )?$",
    FLAGS,
)
_REPORTED_AFTER = re.compile(
    r"^,?(?: ?[-\u2013\u2014])? (?:which )?(?:is|was|being|=) (?:when|the (?:day|date)(?: that)?)"
    r"(?: \w+){0,4} (?:rang|phoned|called|rung|e-?mailed|contacted|notified|reported|lodged|booked"
    r"|came in|was received|received|opened|created|raised)\b",
    FLAGS,
)
_REPORT_REACH = 45


def reported_days(text: str, found: list[DateMatch]) -> list[date]:
    """The days the line says the loss was rung in, reported or booked."""
    out = []
    for index, known in enumerate(found):
        if known.value is None:
            continue
        start = max(found[index - 1].end if index else 0, known.start - _REPORT_REACH)
        before = _REPORTED_BEFORE.search(text, start, known.start)
        if (before is not None and not denied(text, before)) or _REPORTED_AFTER.match(
            text[known.end : known.end + 2 * _REPORT_REACH]
        ):
            out.append(known.value)
    return out
