"""Days a story tells without writing a whole date, read only for the job's dates (job_dates.py).

- A weekday alone: "the hose slipped off on the Sunday night", "Peak Restoration came Monday
  morning", "who got here around 11 on Sunday". A story names the days of the week it is living
  through: read only when it is the day just told, the day before or the day after (further off,
  "on Friday" could be either side of it), and never after the day a mail was sent ("in my email
  on Friday" in a mail sent on a Thursday is the Friday before).
- A day and month with no year in prose: "Owner heard it hissing 13/11 about 10pm", "insureds home
  ~6 pm on 19/04". Notes give the year once; where the document's order is settled and the day
  falls within weeks of the dates around it, the number is a date, not a fraction or a ratio.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from chalicelib.analysis.offline.dates import DateMatch, Dates
from chalicelib.analysis.offline.text import FLAGS
from chalicelib.analysis.offline.weekdays import WEEKDAY_NUMBERS, weekday_near

# Full names only: "sat" and "wed" are words too ("the water sat on the slab"). Told as a day the
# story reaches ("on the Sunday", "Monday morning"), not a habit or a bound ("every Monday", "since
# Sunday", "until Friday"), nor a day another date then gives ("Sunday, 7 June").
_WEEKDAY_ALONE = re.compile(
    r"(?<!\bsince )(?<!\buntil )(?<!\btill )(?<!\bevery )(?<!\bnext )(?<!\blast )(?<!\bby )"
    r"(?<!\bbefore )(?<!\bafter )(?<!\beach )(?<!\bthis )"
    r"\b(?P<lead>on (?:the )?)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?P<part> (?:morning|afternoon|evening|night|arvo))?\b"
    r"(?!['\u2019]s\b|s\b)",
    FLAGS,
)


# A line that leaves the days open: its weekdays are guesses ("sometime over the weekend ... she was
# away Thurs-Fri. Drips started Sunday night").
_DAYS_OPEN = re.compile(
    r"\b(?:away|weekend|some ?time|(?:might|may|could)(?:'ve| have) been|not sure|unsure|(?:don'?t|do not)"
    r" know|no idea)\b",
    FLAGS,
)


_WRITTEN_AFTER = 15  # a date written this soon after the weekday is its date ("Monday, 8 June")


_YEARLESS = re.compile(
    r"(?<![\w/.\-$#~])(?P<a>\d{1,2})/(?P<b>\d{1,2})"
    # ... followed by what follows a day: the sentence's end, an hour, a part of the day
    r"(?=\s*(?:$|[.,;:)(]|[\-\u2013] |(?:at|am|pm|about|around|approx\w*|when|while|and|before|after"
    r"|overnight|morning|afternoon|evening|night|arvo|[ap]\.m)\b"
    r"|~?\d{1,2}(?:[:.]\d{2})? ?(?:[ap]\.?m\b|hrs?\b)|~?\d{1,2}[:.]\d{2}\b))",
    FLAGS,
)


# Fractions ("1/2 of the floor", "3/4 ply") and "24/7" are no days.
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 8, 16})


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
    out = [*_weekdays_alone(text, found, anchor, written), *_yearless_in_prose(dates, text, found, anchor)]
    return sorted([*found, *out], key=lambda known: known.start) if out else found


def _weekdays_alone(text: str, found: list[DateMatch], anchor: date, written: date | None) -> list[DateMatch]:
    if _DAYS_OPEN.search(text):
        return []
    out = []
    starts = [known.start for known in found]  # (found is in order: each look-up is a bisection)
    for match in _WEEKDAY_ALONE.finditer(text):
        if not (match.group("lead") or match.group("part")):
            continue
        after = bisect_left(starts, match.start() - 1)
        if after < len(found) and found[after].start <= match.end() + _WRITTEN_AFTER:
            continue  # "Sunday, 7 June 2026", "Monday morning (3/16)": the date says it
        weekday = WEEKDAY_NUMBERS[match.group("weekday").lower()[:3]]
        before = bisect_left(starts, match.start()) - 1
        if before >= 0 and found[before].end > match.start():
            before -= 1
        day = (found[before].value if before >= 0 else None) or anchor
        shift = (weekday - day.weekday()) % 7
        if shift in (2, 3, 4, 5):
            continue
        value = day + timedelta(days=shift if shift <= 1 else shift - 7)
        if written is None or value <= written:
            out.append(DateMatch(match.start("weekday"), match.end(), value))
    return out


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
        value = dates.day_and_month(first, second, anchor)
        weekday = weekday_near(text, match.start(), match.end())
        if weekday is not None and value is not None and value.weekday() != weekday:
            continue  # "on 02/11 (Friday)" where 2 November is a Monday: a slip, read neither way
        if value is not None and abs(value - anchor) <= _YEARLESS_NEAR:
            out.append(DateMatch(match.start(), match.end(), value))
    return out
