"""Days a story tells without writing a whole date, read for the job's dates (job_dates.py); the
weekday reader lives in weekdays.py, where the visit days (dates.py) read it too.

- A weekday alone: "the hose slipped off on the Sunday night", "Peak Restoration came Monday
  morning", "who got here around 11 on Sunday". A story names the days of the week it is living
  through: read only when it is the day just told, the day before or the day after (further off,
  "on Friday" could be either side of it), and never after the day a mail was sent ("in my email
  on Friday" in a mail sent on a Thursday is the Friday before).
- A day of the month alone: "came the next morning, the 20th, before nine", "on the 21st he put a
  clamp on it". A story written within weeks of its days names them by the ordinal: read as the
  one date with that day nearest the day just told, never a floor or a visit ("the 3rd floor").
- A day and month with no year in prose: "Owner heard it hissing 13/11 about 10pm", "insureds home
  ~6 pm on 19/04". Notes give the year once; where the document's order is settled and the day
  falls within weeks of the dates around it, the number is a date, not a fraction or a ratio.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from chalicelib.analysis.offline.dates import DateMatch, Dates
from chalicelib.analysis.offline.text import FLAGS
from chalicelib.analysis.offline.weekdays import weekday_near, weekdays_alone

_YEARLESS = re.compile(
    r"(?<![\w/.\-$#~])(?P<a>\d{1,2})/(?P<b>\d{1,2})"
    # ... followed by what follows a day: the sentence's end, an hour, a part of the day
    # ("so the loss is 11/21 not 11/20", "12/3 rather than 13/3": a day set against another one)
    r"(?=\s*(?:$|[.,;:)(]|[\-\u2013] |(?:at|am|pm|about|around|approx\w*|when|while|and|before|after"
    r"|overnight|morning|afternoon|evening|night|arvo|[ap]\.m|not|rather than|instead of"
    # ("Taking 08/11 as DOL", "started around 10 pm 08/11 per the caller": the day named for what)
    r"|as (?:the )?(?:dol|d\.o\.l|loss|date)|per (?:the )?(?:caller|owner|insured|tenant|client))\b"
    r"|~?\d{1,2}(?:[:.]\d{2})? ?(?:[ap]\.?m\b|hrs?\b)|~?\d{1,2}[:.]\d{2}\b))",
    FLAGS,
)


# Fractions ("1/2 of the floor", "3/4 ply") and "24/7" are no days.
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 8, 16})


_RELATIVE_BEFORE = re.compile(
    r"\b(?:yesterday|last (?:night|evening)|today|tonight|this (?:morning|afternoon|evening)"
    r"|(?:night|evening|day) before|the same (?:morning|afternoon|evening|night|day))\b[^.;]{0,12}$",
    FLAGS,
)


_YEARLESS_NEAR = timedelta(days=45)  # how far from the story's dates a yearless day may fall


def told_days(
    dates: Dates, text: str, found: list[DateMatch], anchor: date | None, written: date | None
) -> list[DateMatch]:
    """The days the line tells with no whole date, beside the dates already `found` on it; `written`
    is the day a mail was sent (None in notes)."""
    # (a date earlier on the line places what follows: "On Monday 9 November ... on the Sunday night")
    anchor = anchor or next((known.value for known in found if known.value), None)
    if anchor is None:
        return found
    alone = [DateMatch(*told) for told in weekdays_alone(text, found, anchor, written)]
    out = [
        *alone,
        *_yearless_in_prose(dates, text, found, anchor),
        *_ordinals_alone(text, found, anchor, written),
    ]
    return sorted([*found, *out], key=lambda known: known.start) if out else found


def _yearless_in_prose(dates: Dates, text: str, found: list[DateMatch], anchor: date) -> list[DateMatch]:
    if dates.order is None:
        return []
    out = []
    starts = [known.start for known in found]
    for match in _YEARLESS.finditer(text):
        first, second = int(match.group("a")), int(match.group("b"))
        if (second in _FRACTION_DENOMINATORS and first < second) or (first, second) == (24, 7):
            continue
        within = bisect_right(starts, match.start()) - 1
        if within >= 0 and found[within].end > match.start():
            continue
        if _RELATIVE_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "last evening (9/11)": the day it is told against settles it (dates.py), not this
        value = dates.day_and_month(first, second, anchor)
        weekday = weekday_near(text, match.start(), match.end())
        if weekday is not None and value is not None and value.weekday() != weekday:
            continue  # "on 02/11 (Friday)" where 2 November is a Monday: a slip, read neither way
        if value is not None and abs(value - anchor) <= _YEARLESS_NEAR:
            out.append(DateMatch(match.start(), match.end(), value))
    return out


# "the 20th", "on the 21st": a day of the month with "the" before it and nothing after it that makes
# it a count ("the 3rd floor", "the 2nd visit", "the 20th century"): the sentence or clause goes on.
_ORDINAL_ALONE = re.compile(
    r"\bthe (?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    r"(?=\s*(?:$|[.,;:)!?]|[\-\u2013] |(?:at|about|around|before|after|when|while|and|in the|by|i|we|he|she"
    r"|they|morning|afternoon|evening|night|arvo)\b))",
    FLAGS,
)


_ORDINAL_NEAR = timedelta(days=20)  # how far from the day just told an ordinal alone may fall


def _ordinals_alone(text: str, found: list[DateMatch], anchor: date, written: date | None) -> list[DateMatch]:
    out: list[DateMatch] = []
    starts = [known.start for known in found]
    for match in _ORDINAL_ALONE.finditer(text):
        within = bisect_right(starts, match.start("day")) - 1
        if within >= 0 and found[within].end > match.start("day"):
            continue  # ("Thursday the 22nd", "the 4th of July": a date already read)
        # (the day told just before it on the line, else the story's: a bounded look back)
        near = anchor
        for i in range(before := bisect_right(starts, match.start()) - 1, max(-1, before - 3), -1):
            if (told := found[i].value) is not None:
                near = told
                break
        value = _ordinal_day(int(match.group("day")), near)
        if value is not None and (written is None or value <= written):
            out.append(DateMatch(match.start(), match.end(), value))
    return out


def _ordinal_day(day: int, near: date) -> date | None:
    """The one date with this day of the month within `_ORDINAL_NEAR` of `near` (its month, the one
    before or after); None when none is, so a stray number is never stretched to a month away."""
    for shift in (0, -1, 1):
        index = near.year * 12 + near.month - 1 + shift
        try:
            candidate = date(index // 12, index % 12 + 1, day)
        except ValueError:
            continue
        if abs(candidate - near) <= _ORDINAL_NEAR:
            return candidate
    return None
