"""Our arrival told in prose ("we got to the house on ...", "Clearwater Drying came out Tuesday
afternoon, 10 November", "we were on site by 9:40 the same morning"): the first visit's day when no
label gives it. Read by job_dates.py."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date, timedelta

from chalicelib.analysis.offline.dates import DateMatch
from chalicelib.analysis.offline.job_call_out import CLOCK_AFTER
from chalicelib.analysis.offline.job_date_labels import RETURN, THIRD_PARTY
from chalicelib.analysis.offline.relative_days import DayContext, DayEvent
from chalicelib.analysis.offline.text import FLAGS, Line, Sentences, around

_DAY = timedelta(days=1)


RELATIVE_TRIES = 3  # relative phrases tried per line: a long line costs no more than a short one


# Someone of ours (or the inspector) reaching the site, in prose: "we got to the house on ...".
ARRIVAL = re.compile(
    r"\b(?:came(?: out| round| over| on\b| the next| that| to (?:the |our |their |her |his )?(?:house|home"
    r"|property|place|site|job|flat|unit))|got (?:there|to)|arrived|turned up|(?:were|was) (?:there|on site)"
    r"|attended|visited|inspected|(?:was|were) at the (?:front |back )?door"
    # "Drying by Bayline Restoration, on site since 10/27": the day they first came
    r"|on site since"
    # "we were at 12 Acacia Rd by 8", "I was at the house at 9": at the job's address or the place
    r"|(?:was|were) (?:out )?at (?:the (?:house|home|property|site|job|flat|unit|premises)\b|\d+[A-Za-z]?"
    r"(?:/\d+)?(?= (?-i:[A-Z])))"
    # "Peak Restoration came Monday morning", "a drying company came to look", "who got here around 11"
    r"|came(?= (?:on )?(?:the )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
    # "Tuesday 10th the drying company came (Cwm Restoration - Gareth)": the sentence's own day
    r"|came(?= ?(?:\(|[,;.!]|$))"
    # "We came at 8 pm that night": our side's coming, told by its hour
    r"|(?:(?<=\bwe )|(?<=\bi ))came(?= (?:at|by|around|about) (?:[01]?\d|2[0-3])(?:[:.][0-5]\d)? ?[ap]\.?m\b)"
    r"|came (?:out )?to (?:look|inspect|assess|check|have a look)|got here"
    # "they sent Gareth from Cwm Drying on Tuesday": the firm's person, named after the verb
    r"|sent(?= (?-i:[A-Z][a-z]+)(?: (?-i:[A-Z])[a-z]+)? from (?:the )?(?-i:[A-Z]))"
    # "On Monday 9 November we were called to a townhouse": the call-out, a weaker word for the visit
    r"|(?P<called>(?:were|was) called (?:out )?to (?:a|an|the)))\b",
    FLAGS,
)


# The firm a sent person is from, when it is no trade's ("sent Dave from Harris Plumbing").
_SENT_FROM = re.compile(r" [\w ]{1,30}? from (?:the )?(?P<firm>(?:[\w&'\-]+ ?){1,4})", FLAGS)
_TRADE_FIRM = re.compile(r"plumb|electric|roof|build|glaz|lock", FLAGS)


_OUR_SIDE = re.compile(
    # ("Allegheny Dry & Restore came on Monday 02/10", "Clearwater Drying came out": a firm by its name)
    r"\b(?:we|I|he|she|they|restor\w*|technician|tech|inspector|assessor|adjuster|crew|team"
    r"|company|contractor|drying|dry ?co)\b",
    FLAGS,
)


# A firm by its registered form ("Ballarat Water Damage Co.", "Hills Dry Pty Ltd", "Keyes Inc."),
# ending just before the verb: a firm that attends is the drying firm unless its name is a trade's.
_FIRM_FORM = re.compile(r"(?-i:(?:\b[A-Z][\w&'\-]*\s+){1,4})(?:Co|Pty(?: Ltd)?|Ltd|Inc|LLC|Limited)\b\.?\s*$")


_ARRIVAL_REACH = 60  # how far after an arrival its date may be


# "we were on site by 9:40 the same morning", "I got there the next day": a visit dated by a day
# the text has already given.
_RELATIVE_VISIT = re.compile(
    r"\b(?:(?:later |earlier )?that(?: same)?|the same) (?P<part>morning|afternoon|evening|night|day)\b"
    r"|\b(?:the )?(?:next|following) (?P<next>morning|day|afternoon|evening)\b|\b(?P<tonight>tonight)\b",
    FLAGS,
)


# An arrival's hour, however loosely told ("just before 9", "by 10:30", "around 8 am")
_HOUR_AFTER = re.compile(
    r" ?(?:at |by |around |about |just (?:before|after) |before |after |shortly after )?"
    r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?(?: ?[ap]\.?m\b\.?)?(?![\d/:]|\.\d)",
    FLAGS,
)


# A responder named after the customer's call: "... and called us. Sam Reid was at the door by 10."
_CALLED_US = re.compile(
    r"\b(?:called|rang|phoned|contacted|rung) (?:us|our office|the office"
    # "Deb rang the after-hours line", "called our emergency number"
    r"|(?:the |our )(?:[\w-]+ ){0,2}(?:line|number|hotline|service|desk))\b",
    FLAGS,
)


_NAMED_SUBJECT = re.compile(r"(?:^ ?|[.!?] )(?P<name>[A-Z][a-z]+)(?: [A-Z][A-Za-z'\-]+)? $")


_CALL_REACH = 300  # how far before a named responder's arrival the call may be told


# The call to us, told in the writer's words: "rang our office", "we got the call from", "I took the
# call". (a call told sentences before an arrival by the hour dates it, when no day is told between)
_CALL_TOLD = re.compile(
    rf"{_CALLED_US.pattern}|\b(?:we|I) (?:got|took|received|had|fielded) (?:the |a |an )?(?:[\w-]+ )?call\b",
    FLAGS,
)
_STORY_CALL_REACH = 600


_TO_SITE = re.compile(r" ?(?:on |at |to )?site\b", FLAGS)


# "Jordan from Grand Valley came on the Sunday": a person from a firm, as a customer names the
# restorer's technician (not a trade's firm: "Dave from Harris Plumbing came").
_FROM_FIRM = re.compile(
    r"(?-i:\b[A-Z][a-z]+) from (?:the )?(?!.*(?:plumb|electric|roof|build|glaz|lock))"
    r"(?:(?-i:[A-Z])[\w&'\-]*\s+){1,4}$",
    FLAGS,
)


def is_our_arrival(text: str, cue: re.Match[str], start: int, end: int) -> bool:
    """ "We got to the house", "the inspector came out": not "the plumber attended", not a return."""
    if RETURN.search(text, cue.start(), min(end, cue.end() + 10)) is not None:
        return False
    if cue.group(0).lower() == "sent":
        sent = _SENT_FROM.match(text, cue.end())
        return sent is not None and _TRADE_FIRM.search(sent.group("firm")) is None
    before = text[max(start, cue.start() - _ARRIVAL_REACH) : cue.start()]
    # "Kirra got to site at 9.15": reaching "site" is a restorer's word for the job, whoever is named
    on_site = _TO_SITE.match(text, cue.end()) is not None
    ours = [match.end() for match in _OUR_SIDE.finditer(before)]
    ours += [match.end() for match in _FROM_FIRM.finditer(before)]
    firm = _FIRM_FORM.search(before)
    if firm is not None and _TRADE_FIRM.search(firm.group(0)) is None:
        ours.append(firm.end())
    theirs = [match.end() for match in THIRD_PARTY.finditer(before)]
    # The one named nearest the verb arrived: "a drying company the agent uses (Aire Valley Drying)
    # came to look", not "we organised a plumber, who attended"
    if theirs:
        return bool(ours) and max(ours) > max(theirs)
    return bool(ours) or on_site


def _is_named_responder(text: str, cue: re.Match[str], start: int, end: int) -> bool:
    """ "... and called us. Sam Reid was at the door": a person first named after the call."""
    reach = max(start, cue.start() - _ARRIVAL_REACH)
    named = _NAMED_SUBJECT.search(text[reach : cue.start()])
    if named is None or THIRD_PARTY.search(text, start, end) or RETURN.search(text, cue.start(), end):
        return False
    told = text[max(0, reach + named.start() - _CALL_REACH) : reach + named.start("name")]
    return _CALLED_US.search(told) is not None and re.search(rf"\b{named.group('name')}\b", told) is None


def _day_just_told(sentences: Sentences, found: list[DateMatch], cue: re.Match[str], end: int) -> date | None:
    """ "The cook found it at 6:10 a.m. on Tuesday, March 4, 2025. We were on site at 6:40 a.m.": an
    arrival told only by its hour is on the day the sentence before it gave. Only the sentence just
    before: further back, the day may have changed without a word."""
    start, _ = sentences.bounds(cue.start())
    text = sentences.text
    # "The owners rang our after-hours line at 6:10 am on Sunday 15 February and we were on site just
    # before 9": the call's day, in the arrival's own sentence, is the arrival's
    called = _CALLED_US.search(text, max(start, cue.start() - _CALL_REACH), cue.start())  # (bounded)
    if called is not None and _HOUR_AFTER.match(text, cue.end()):
        days = [known.value for known in found if called.start() <= known.start < cue.start() and known.value]
        if len(days) == 1:
            return days[0]
    if not CLOCK_AFTER.match(text, cue.end()):
        return None
    if any(start <= known.start < end for known in found):
        return None  # the arrival's own sentence has a date, and it was not the visit's
    previous_start, _ = sentences.bounds(max(0, start - 1))
    told = [known.value for known in found if previous_start <= known.start < start and known.value]
    if told:
        return told[-1]
    # "We got the call at 6.15 on Tuesday 10/11/2026. She had woken to ... and we were on site by
    # 7.40": the call's day, told a few sentences back with no other day since, is the arrival's
    called_back = _CALL_TOLD.search(text, max(0, start - _STORY_CALL_REACH), start)
    if called_back is None:
        return None
    since = {known.value for known in found if called_back.start() <= known.start < start and known.value}
    return since.pop() if len(since) == 1 else None


def _relative_visit(
    text: str, cue: re.Match[str], end: int, context: DayContext, events: list[DayEvent]
) -> date | None:
    """ "I got there at 10:30 that morning": the day the text already gave that fits the phrase."""
    told = _RELATIVE_VISIT.search(text, cue.end(), min(end, cue.end() + _ARRIVAL_REACH))
    if told is None:
        return None
    days = context.feed(events, before=told.start())
    if (told.group("part") or "").lower() == "day":
        # ("found the water at 7.30 am on Sunday 18-10 and we were on site at 11.05 the same day":
        # the day its own sentence told last, whatever the story told before)
        sentence_start = Sentences(text).bounds(cue.start())[0]
        own = [day for at, day in events if sentence_start <= at < told.start()]
        if own and own[-1] is not None and not own[-1].backward:
            return own[-1].value
    if told.group("next"):
        day = DayContext.resolve(days, "day")
        return day + _DAY if day else None
    return DayContext.resolve(days, (told.group("part") or told.group("tonight")).lower())


# "- Friday 10 April: ...", "12/03 - ...": a timeline entry headed by its date and a colon or dash.
_ENTRY_HEAD = re.compile(r"[\s\-*\u2022>]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?$", FLAGS)
_ENTRY_MARK = re.compile(r" ?[:\-\u2013\u2014] ")


def _entry_relative_visit(text: str, found: list[DateMatch], cue: re.Match[str], end: int) -> date | None:
    """ "- Friday 10 April: the plumber found the crack. The drying firm attended that morning": in
    a timeline entry, "that morning" is the day the entry is headed by, whatever came before it."""
    if not found or found[0].start > cue.start():
        return None
    head, day = found[0], found[0].value
    if day is None:
        return None
    if not _ENTRY_HEAD.fullmatch(text, 0, head.start) or not _ENTRY_MARK.match(text, head.end):
        return None
    if any(head.end <= other.start < cue.end() for other in found[1:]):
        return None  # another day told between: the phrase may mean it
    told = _RELATIVE_VISIT.search(text, cue.end(), min(end, cue.end() + _ARRIVAL_REACH))
    if told is None or told.group("tonight"):
        return None
    return day + _DAY if told.group("next") else day


# Between a sentence's opening date and its arrival, words that make the date another event's: a
# call ("On 3 May the owner rang and we attended"), a discovery, a plan.
_OTHER_BETWEEN = re.compile(
    r"\b(?:call(?:ed)?|rang|phoned|rung|contacted|e-?mailed|reported|noticed|found|discovered|saw"
    r"|booked|scheduled|will|would|planned|until|after|before|since)\b",
    FLAGS,
)


_OPENING_REACH = 80  # how far before its arrival a sentence's opening date may be


def _day_opening(
    text: str, found: list[DateMatch], starts: list[int], cue: re.Match[str], start: int
) -> date | None:
    """ "On Monday 9 November we were called to a townhouse", "This morning a drying company ... came
    to look": the date the arrival's own sentence opens with, nothing else between."""
    first, last = bisect_left(starts, start), bisect_left(starts, cue.start()) - 1
    # (one date only, opening the sentence: by bisection, so a long line stays linear)
    if first != last or last < 0 or found[last].end > cue.start():
        return None
    opening = found[last]
    # ("Tech: D. Ferrier   Sat 14/11/26  attended 1:40pm": a job card's day right before the cue,
    # whatever field opens the line)
    adjacent = _DAY_THEN_CUE.fullmatch(text, opening.end, cue.start()) is not None
    if not adjacent and (
        cue.start() - opening.end > _OPENING_REACH
        or not _SENTENCE_OPENING.fullmatch(text, start, opening.start)
    ):
        return None
    if _OTHER_BETWEEN.search(text, opening.end, cue.start()):
        return None
    return opening.value


_DAY_THEN_CUE = re.compile(r"[ \t]*[-\u2013:]?[ \t]*")
# What a sentence may open with before its date: "On", "This", a bullet, a weekday.
_SENTENCE_OPENING = re.compile(
    r"[\s\-*\u2022>]*(?:on |by |at )?(?:the )?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r",? )?",
    FLAGS,
)


def told_arrival(
    line: Line, found: list[DateMatch], context: DayContext, events: list[DayEvent]
) -> tuple[date, bool] | None:
    """The day of our arrival a line tells in prose: a date after the cue, a day told against the
    story's ("the same night"), the day of the sentence before, or the date the sentence opens with;
    and whether it was told only as a call-out ("we were called to"), a weaker word for the visit."""
    for cue, value in _arrivals(line, found, context, events):
        return value, cue.group("called") is not None
    return None


def _arrivals(
    line: Line, found: list[DateMatch], context: DayContext, events: list[DayEvent]
) -> Iterator[tuple[re.Match[str], date]]:
    text = line.text
    sentences = Sentences(text)
    starts = [known.start for known in found]
    tries = RELATIVE_TRIES
    for cue in ARRIVAL.finditer(text):
        start, end = around(sentences, cue.start(), cue.end())
        if not (is_our_arrival(text, cue, start, end) or _is_named_responder(text, cue, start, end)):
            continue
        # The first date after the cue, found by bisection so a long line stays linear.
        index = bisect_left(starts, cue.end())
        if (
            index < len(found)
            and found[index].start <= min(end, cue.end() + _ARRIVAL_REACH)
            # ("attended that night and came back Monday morning": the return's day)
            and not RETURN.search(text, cue.end(), found[index].start)
        ):
            value = found[index].value
            if value is not None:
                yield cue, value
                continue
        if tries > 0 and _RELATIVE_VISIT.search(text, cue.end(), min(end, cue.end() + _ARRIVAL_REACH)):
            tries -= 1
            told = _entry_relative_visit(text, found, cue, end) or _relative_visit(
                text, cue, end, context, events
            )
            if told is not None:
                yield cue, told
                continue
        if (earlier := _day_just_told(sentences, found, cue, end)) is not None:
            yield cue, earlier
        elif (
            opening := _day_opening(text, found, starts, cue, sentences.bounds(cue.start())[0])
        ) is not None:
            yield cue, opening


# The insurer's people ("Adjuster (G. Power) attended 9 March", "Loss adjuster: Harbour LA - site
# visit 21-10", "Assessor (insurer): P. Viney, on site 12/11"): their visit is theirs, and a visit of
# ours told before it in time is the job's first.
_INSURER_SIDE = re.compile(
    # ("IA: C. Ng. Inspected 10/31": the independent adjuster, as US flood files write it)
    r"\b(?:(?:loss |field |desk |independent )?adjust(?:ers?|ing)|assessors?|insurer(?:'s)?|(?-i:IA))\b",
    FLAGS,
)
# ... unless the writer is with them: "the adjuster and I attended 11/20", "our assessor"
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|i|me|my)\b", FLAGS)
_INSURER_REACH = 100  # how far before a visit's date the insurer's person may be named


# A line the insurer's person heads by name: "Adjuster: D. Ng. Site inspection: 11/17/2026." (the
# name's sentence ends before the visit's date, yet the line is theirs).
_INSURER_HEADED = re.compile(rf"^\W*(?:{_INSURER_SIDE.pattern})(?: ?\([^)]{{0,30}}\))? ?:", FLAGS)


def insurers_visit(text: str, found: list[DateMatch], day: date) -> bool:
    """Whether the visit dated `day` in this line is the insurer's person's, named before its date
    in its sentence (or heading the line) with no word of ours after them."""
    sentences = Sentences(text)
    headed = _INSURER_HEADED.match(text)
    # (only the first date after the head: a vendor's visit told after it is the vendor's)
    heads = next((known for known in found if headed is not None and known.start >= headed.end()), None)
    for known in found:
        if known.value != day:
            continue
        if headed is not None and known is heads and known.start <= headed.end() + _INSURER_REACH:
            return _FIRST_PERSON.search(text, headed.end(), known.start) is None
        start = max(sentences.bounds(known.start)[0], known.start - _INSURER_REACH)
        named = [match.end() for match in _INSURER_SIDE.finditer(text, start, known.start)]
        return bool(named) and _FIRST_PERSON.search(text, named[0], known.start) is None
    return False
