"""The writer's own verdict on the date of loss, told in prose rather than a form's field: "So the
loss is 10/30, found 11/01", "the loss is logged as 2/11/2026", "5:52 a.m. on 11/15 - that's the
date of loss, not 11/14". A verdict weighs the evidence the writer saw (a leak sensor's alert, the
tenant's account), so it outranks a header filled in from the call and any date the prose tells
around it (job_dates.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from chalicelib.analysis.offline.dates import DateMatch
from chalicelib.analysis.offline.loss_words import ESCAPE
from chalicelib.analysis.offline.text import FLAGS

_LOSS_NAME = r"(?:(?:the )?date of (?:the )?loss|(?:the )?loss date|d\.?o\.?l\.?|the loss)"

# The name, then the verdict's verb, then its date: "So DOL is Sunday 15/11", "the loss was 10/30".
# (a weekday may stand between: the date reader starts the match at the number)
_NAME_THEN_DATE = re.compile(
    rf"\b{_LOSS_NAME} (?:is|was|should be|(?:is |was |gets |got )?(?:logged|recorded|put down|entered)"
    r" as|goes down as|=)(?: (?:really|actually|therefore|then|definitely|probably))?"
    r"(?: on)?(?: the)?(?: (?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?)? ?$",
    FLAGS,
)
_NAME_REACH = 70  # how far before its date the verdict's words may start

# The writer's verb, then the name, then its date: "I'm putting the loss at 6/12 (first noticed)",
# "we have set the date of loss to Sunday 6/12", "recording DOL as 5/3", "I'd call the loss date
# 14/11". The writer decides the day, so it is a verdict as much as "the loss is 6/12".
_VERB_THEN_NAME = re.compile(
    # (the writer's own: "I"/"we" before the verb, or nobody, the clause opening with it; not "the
    # office put the loss at 8/12", the booking's day reported)
    r"(?:(?:^|[.;:,!?(\u2013\u2014-] ?)(?:so |therefore |hence |and |then )?"
    r"|\b(?:I|we)\b(?:'m|'ve|'d|'ll|\u2019m|\u2019ve|\u2019d|\u2019ll)?"
    r"(?: (?:am|are|have|had|will|would|now|so|therefore|then|be|been|just|also))* )"
    r"(?:put|puts|putting|set|sets|setting|record|records|recording|recorded|log|logs|logging|logged"
    r"|enter|enters|entering|entered|call|calls|calling|fix|fixes|fixing|fixed|place|places|placing|placed"
    r"|amend(?:ed|ing)?|chang(?:e|ed|ing)|correct(?:ed|ing)?|mov(?:e|ed|ing))"
    rf" (?:the |our )?{_LOSS_NAME.replace('(?:the )?', '')}(?: (?:at|as|to|on|for))?(?: the)?"
    r"(?: (?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?)? ?$",
    FLAGS,
)

# The name set straight before its date with no verb, in a correction that rules another day out
# after it: "... got home at 6. So DOL 30/11, not 29/11", "hence loss date Tue 3/2 (not the 2nd)".
# Alone ("DOL 30/11") it is a form's field, read as a label; the day ruled out makes it a verdict.
_NAME_BARE = re.compile(
    rf"\b{_LOSS_NAME.replace('|the loss', '')} ?[:=\-]?(?: (?:therefore|then|really|actually|so))?"
    r"(?: (?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?"
    r"|sun)(?:day)?,?)? ?$",
    FLAGS,
)

# The name opening a later sentence of the writer's, the date straight after it: "... she showed me
# the app. Loss date 10/29/2026." (not the line's start: that is a form's field, read as a label)
# ("... it was only running that day. Loss = Nov 15.": the bare word set equal to its day)
_NAME_OPENS = re.compile(
    rf"[.;!?] (?:{_LOSS_NAME.replace('|the loss', '')} ?[:=\-]?|loss ?=) ?$",
    FLAGS,
)

# The date, then the writer naming it: "on 11/15 - that's the date of loss, not 11/14".
_DATE_THEN_NAME = re.compile(
    rf"^[,)]?(?: [-\u2013\u2014]| ?[,;:])? (?:that'?s|that is|which is|this is|is) (?:the |our )?"
    rf"(?:real |actual |true |correct )?{_LOSS_NAME.replace('|the loss', '')}\b",
    FLAGS,
)
_DATE_REACH = 50  # how far after its date the naming words may end

# The date, then the writer saying the loss happened then: "from the evening of 17/11 - that's when
# the valve went", "at 5.50 am on 3/2, which is when the hose burst".
_DATE_THEN_WHEN = re.compile(
    r"^[,)]?(?: [-\u2013\u2014]| ?[,;:])? (?:that'?s|that\u2019s|that is|which is|this is|that was|which was)"
    r" (?:exactly |precisely )?when (?:it|the (?:[\w-]+ ){1,3})(?:went|failed|burst|split|let go|gave way"
    r"|started|began|happened|broke|cracked|leaked|overflowed|blew|froze|came (?:off|apart|loose))\b",
    FLAGS,
)


# The date, then the form's day ruled out: "went off at 5:52 am (Sat 28/11, the app history shows
# it) - not Friday as the card says". The writer weighs the form's day and corrects it.
_NOT_AS_FORM = re.compile(
    r"^[^.;]{0,50}?(?:[-\u2013\u2014,;]|\)) not (?:on )?(?:the )?[\w/]+(?: \w+)?,? (?:as|like)"
    r" (?:the|our|their|it says on the) (?:job |work )?(?:card|header|sheet|form|dispatch|order|booking"
    r"|ticket|system|claim)\b",
    FLAGS,
)

# The date, then another day ruled out straight after it, in a sentence telling the water getting
# out: "the combined sewer surcharged in the early hours of Sunday 08/11, not Saturday" (the
# header's or the caller's day, corrected by the writer).
_NOT_OTHER_DAY = re.compile(
    r"^\)?(?:(?: ?[-\u2013\u2014]|,)? | ?\()not (?:on )?(?:the )?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
    r"|\d{1,2}(?:st|nd|rd|th)\b|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b)",
    FLAGS,
)
_EVENT_BEFORE = re.compile(
    rf"{ESCAPE.pattern}|\b(?:surcharg\w*|backed up|back(?:ed)? ?flow\w*|froze|failed|happened|occurred"
    r"|started|began|broke out|caught fire)\b",
    FLAGS,
)
_EVENT_REACH = 90  # how far before the date its event's words may be
_SENTENCE_END = re.compile(r"[.!?;] ")

# The date the writer adopts: "we are using 19/11, the day the water appeared, as the loss date".
_TAKEN_AS = re.compile(
    r"(?:,[^.;,]{0,50},)? as (?:the |our )?(?:loss date|date of (?:the )?loss|d\.?o\.?l)\b", FLAGS
)
_ADOPTED = re.compile(
    r"\b(?:using|use|used|taking|take|took|treating|treat|going with|adopt(?:ed|ing)?)\b[^.;]{0,12}$", FLAGS
)


# ... or the day adopted with what it is named after it: "unknown start - using 11/30 (found)",
# "taking 3/2, the day it was noticed": a loss whose start nobody knows, dated by its finding.
_AS_FOUND = re.compile(
    r" ?\((?:the )?(?:date |day |when )?(?:found|discovered|noticed|first (?:noticed|seen|found|reported))\)"
    r"|,? (?:the day|when) (?:it was |the water was |the leak was )?(?:found|noticed|discovered)\b",
    FLAGS,
)


def stated_loss(text: str, found: Sequence[DateMatch], lead: str = "") -> date | None:
    """The date the line's writer names as the loss's, or None. "not 11/14" beside it is the
    header's day being corrected, never the verdict. `lead`: the line before, when this one goes
    on from it (a wrapped note: "... Loss date" / "10/29/2026.")."""
    verdict: date | None = None
    for known in found:
        if known.value is None:
            continue
        before = text[max(0, known.start - _NAME_REACH) : known.start]
        if lead and known.start < _NAME_REACH:
            before = f"{lead[-(_NAME_REACH - known.start) :]} {before}"
        after = text[known.end : known.end + _DATE_REACH]
        adopted = _ADOPTED.search(before) and (
            _TAKEN_AS.match(text, known.end, known.end + 2 * _DATE_REACH)
            or _AS_FOUND.match(text, known.end, known.end + _DATE_REACH)
        )
        corrects = _NOT_AS_FORM.match(text[known.end : known.end + 2 * _DATE_REACH])
        opens = _NAME_OPENS.search(before)
        # (the event in the date's own sentence: "Leaked on 4/21. Plumber due 4/23 not 4/24." rules
        # out the plumber's day, not the loss's)
        event_from = max(0, known.start - _EVENT_REACH)
        ends = [end.end() for end in _SENTENCE_END.finditer(text, event_from, known.start)]
        ruled_out_day = _NOT_OTHER_DAY.match(after) is not None and _EVENT_BEFORE.search(
            text, ends[-1] if ends else event_from, known.start
        )
        bare_corrected = _NAME_BARE.search(before) is not None and _NOT_OTHER_DAY.match(after) is not None
        if (
            _NAME_THEN_DATE.search(before)
            or _VERB_THEN_NAME.search(before)
            or bare_corrected
            or _DATE_THEN_NAME.match(after)
            or _DATE_THEN_WHEN.match(after)
            or adopted
            or corrects
            or opens
            or ruled_out_day
        ):
            verdict = known.value  # the last verdict on the line: a correction comes after
    return verdict


# A day the writer sets aside: "vent cleaned on Oct 2, 2026 (receipt seen) - not relevant to the date".
_SET_ASIDE = re.compile(
    r"^[^.;]{0,40}?\b(?:not relevant|irrelevant|unrelated|nothing to do with|not (?:connected|related) to)\b",
    FLAGS,
)


# A day the writer only asks about: "thaw on the weekend (Nov 28?)", "DOL 3/12??", "the 14th? or the
# 15th": a question, not a day told.
_QUESTIONED = re.compile(r"\s?\?")


# A day the writer denies: "it wasn't the 14th - that was the day I phoned", "the leak was not on
# Friday 6/3": a day ruled out, whatever the sentence goes on to tell.
_DENIED_DAY = re.compile(
    r"\b(?:(?:was|is|were)n['\u2019]?t|was not|is not|were not)(?: (?:on|really|actually))?"
    r"(?: the)?(?: (?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?)? ?$",
    FLAGS,
)


def set_aside(text: str, found: Sequence[DateMatch]) -> list[DateMatch]:
    """The line's days less those the writer says have no bearing on the loss, denies, or only asks
    about."""
    return [
        known
        for known in found
        if not _SET_ASIDE.match(text[known.end : known.end + 60])
        and not _QUESTIONED.match(text, known.end)
        and not _DENIED_DAY.search(text, max(0, known.start - 30), known.start)
    ]
