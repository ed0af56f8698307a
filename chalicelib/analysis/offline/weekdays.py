"""Dates a weekday places: "Sat 13/06/26" settles the order, "Friday the 6th" the month, "Tuesday
10 November" the year. Read by dates.py."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol

from chalicelib.analysis.offline.locale import DateOrder
from chalicelib.analysis.offline.text import FLAGS

# Weekday names, as written before or after a date ("Sat 13/06/26", "03/04/26 (Wed evening)").
WEEKDAY = (
    r"(?P<weekday>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)"
)


_WEEKDAY_BEFORE = re.compile(
    rf"\b{WEEKDAY}\.?,?(?: (?:morning|afternoon|evening|night|arvo))?,? \(?(?:the )?$", FLAGS
)


_WEEKDAY_AFTER = re.compile(rf"^,? ?\(?{WEEKDAY}\b", FLAGS)


WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


# "Friday the 6th", "Monday the 9th", "on the Sunday (the 18th)": a day of the month that only its
# weekday places.
WEEKDAY_ORDINAL = re.compile(rf"\b{WEEKDAY},? \(?(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)\b", FLAGS)


# "Sunday morning (6/15)", "Fri arvo 21/2": a yearless numeric date that a weekday beside it confirms.
WEEKDAY_YEARLESS = re.compile(
    rf"\b{WEEKDAY}(?: (?:morning|afternoon|evening|night|arvo))?"
    # ("Friday night around 9 PM (11/13)": the hour may come between; the weekday still confirms it)
    r"(?: (?:at |around |about |after |before )?\d{1,2}(?:[:.]\d{2})? ?[ap]\.?m\.?)?,? \(?"
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})\b(?!/)",
    FLAGS,
)


# "on 03/11 (Tuesday) I came down": the weekday after it, in brackets, confirms it the same way.
YEARLESS_WEEKDAY = re.compile(rf"(?<![\w/.])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}}),? \({WEEKDAY}\b", FLAGS)


_WEEKDAY_REACH = 25  # how far before a date its weekday may be written

_NEAR_DAYS = timedelta(days=45)  # how far from the dates around it a weekday-only date may fall


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_WEEKDAY_YEARS_BACK = 12  # a day and month fall on each weekday at least once in any 12 years


def weekday_year(month: int, day: int, weekday: int, latest_year: int | None) -> date | None:
    """ "Tuesday 10 November" with no year anywhere before it: the latest year up to `latest_year` (the
    year the notes were received, else the latest the notes write) in which that day fell on that
    weekday (notes are read within months of being written). With no such year, None: the day
    alone cannot settle it."""
    if latest_year is None:
        return None
    for year in range(latest_year, latest_year - _WEEKDAY_YEARS_BACK, -1):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate.weekday() == weekday:
            return candidate
    return None


def weekday_near(text: str, start: int, end: int) -> int | None:
    """The weekday written just before or just after a date, as 0 (Monday) to 6."""
    match = _WEEKDAY_BEFORE.search(text[max(0, start - _WEEKDAY_REACH) : start]) or _WEEKDAY_AFTER.match(
        text[end : end + _WEEKDAY_REACH]
    )
    return WEEKDAY_NUMBERS[match.group("weekday").lower()[:3]] if match else None


def weekday_order(first: int, second: int, year: int, weekday: int | None) -> DateOrder | None:
    """Which reading of 04/05/2026 falls on the weekday written beside it, when only one does."""
    if weekday is None:
        return None
    day_first = safe_date(year, second, first)
    month_first = safe_date(year, first, second)
    fits_dmy = day_first is not None and day_first.weekday() == weekday
    fits_mdy = month_first is not None and month_first.weekday() == weekday
    if fits_dmy != fits_mdy:
        return "DMY" if fits_dmy else "MDY"
    return None


def weekday_day(day: int, weekday: int, anchor: date) -> date | None:
    """The one date near `anchor` (its month or the next or last) with this day and weekday."""
    candidates = []
    for shift in (-1, 0, 1):
        month_index = anchor.year * 12 + anchor.month - 1 + shift
        candidate = safe_date(month_index // 12, month_index % 12 + 1, day)
        if candidate is not None and candidate.weekday() == weekday and abs(candidate - anchor) <= _NEAR_DAYS:
            candidates.append(candidate)
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    # February's 13th and March's share a weekday: the one much nearer the dates around it, else the
    # one after them (a story moves forward: "serviced on 28 February ... they came on Thursday 13th").
    nearest, second = sorted(candidates, key=lambda candidate: abs(candidate - anchor))[:2]
    if 2 * abs(nearest - anchor) <= abs(second - anchor):
        return nearest
    after = [candidate for candidate in candidates if candidate >= anchor]
    return min(after) if after else None


class Dated(Protocol):
    """A date read from a line, where it was written."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> date | None: ...


# Full names only: "sat" and "wed" are words too ("the water sat on the slab"). Told as a day the
# story reaches ("on the Sunday", "Monday morning"), not a habit or a bound ("every Monday", "since
# Sunday", "until Friday"), nor a day another date then gives ("Sunday, 7 June").
_WEEKDAY_ALONE = re.compile(
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


_BOUND_BEFORE = re.compile(r"\b(?:since|until|till|every|next|last|by|before|after|each|this) $", FLAGS)


_WRITTEN_AFTER = 15  # a date written this soon after the weekday is its date ("Monday, 8 June")


_BRACKET_DAY = re.compile(r" ?\((?:the )?(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\)", FLAGS)


def weekdays_alone(
    text: str, found: Sequence[Dated], anchor: date, written: date | None
) -> list[tuple[int, int, date]]:
    """The weekdays a line tells alone, as (start, end, day), beside the dates already `found` on it."""
    if _DAYS_OPEN.search(text):
        return []
    out = []
    starts = [known.start for known in found]  # (found is in order: each look-up is a bisection)
    for match in _WEEKDAY_ALONE.finditer(text):
        if not (match.group("lead") or match.group("part")):
            continue
        if _BOUND_BEFORE.search(text, max(0, match.start() - 7), match.start()):
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
        value = day + timedelta(days=shift if shift <= 1 else shift - 7)
        # ("Saturday night (14th) about half nine": the bracket says which Saturday; a few weeks back)
        if bracket := _BRACKET_DAY.match(text, match.end()):
            weeks = (value + timedelta(weeks=back) for back in range(1, -4, -1))
            named = next((told for told in weeks if told.day == int(bracket.group("day"))), None)
            if named is None:
                continue
            value = named
        elif shift in (2, 3, 4, 5):
            continue
        if written is None or value <= written:
            out.append((match.start("weekday"), match.end(), value))
    return out
