"""The day a story of readings has reached: "Friday: hallway manhole 14, linen press 12", "The next
morning (Wednesday) the wall was down to 25", "By Monday 16/11 the cornice read 12", "Saturday: wall
16 and 14". A weekday or a relative day that opens a sentence dates the readings after it, until
the next such marker; a sentence a wrapped line carries on keeps the day its line had reached.

The days are placed from the job's own dates: a written date beside the marker is the day; a
weekday alone is the first day of that name on or after the day the story had reached (the line's
visit, or the last marker); "the next morning" is the day after it. A marker whose weekday and
relative day disagree, or that cannot be placed, dates nothing: a wrong date is worse than none."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_days import weekday_on_or_after
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.text import FLAGS, continues_sentence

_FULL_DAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_SHORT_DAY = r"mon|tues?|wed|thur?s?|fri|sat|sun"
# A marker opens a sentence: "Friday:", "On Tuesday the ...", "The next morning (Wednesday)",
# "By Monday 16/11", "Sun Nov 22:". (Matched only at a sentence's start, never mid-sentence: "read
# 12 on Friday" is the prose reader's, which dates the one reading it follows.)
_MARKER = re.compile(
    r"(?:(?:on|by|then|and) )?(?:the )?"
    r"(?:(?P<relative>next|following) (?:morning|day|afternoon|evening|visit)"
    rf"|(?P<weekday>{_FULL_DAY}|{_SHORT_DAY})\b\.?(?: (?:morning|afternoon|evening|night)\b)?)"
    rf"(?:,? ?\((?P<aside>{_FULL_DAY}|{_SHORT_DAY})\b[^()\n]{{0,16}}\))?",
    FLAGS,
)
# A short weekday ("Sat", "Sun") opens a marker only before a date or a stop: "Sat 21/11:", not
# "Sun damage on the sill"
_AFTER_SHORT = re.compile(r"\.? ?(?:\d|[:,(]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", FLAGS)
# Where a sentence starts: the line's start (after a bullet) or after a stop ("15. Friday: ...").
_SENTENCE_OPEN = re.compile(r"(?:^|(?<=[.;!?])\s+|(?<=[.;!?]\)\s))[-*\u2022 ]*", FLAGS)
_DATE_NEXT = 3  # a date this close after the marker's weekday is its date ("Monday 23/11")
_DATE_SPAN = 16
_LATEST = timedelta(days=21)  # a story's day never runs this far past the day it had reached
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_RECENT_LINES = 12  # a marker this many lines back still dates the story (its paragraphs)
_MAX_LINE = 4000  # (markers are looked for in this much of a line: linear on hostile input)


@dataclass
class _Story:
    day: date | None = None  # the day the story had reached at the end of the last line read
    line: int = 0  # the line of the last marker
    heads: bool = False  # that line ends with its marker ("... Friday:"): it heads the next line
    calendar: date | None = None  # the first day the text wrote beside its weekday ("Thursday 19/11")
    text: str = ""  # that line's text (does the next line carry its sentence on?)
    # the days the text wrote beside their weekdays so far ("first came on Monday 23 November")
    named: dict[int, date] = field(default_factory=dict)


def _story(state: dict[str, Any]) -> _Story:
    story = state.get("_story_day")
    if not isinstance(story, _Story):
        story = state["_story_day"] = _Story()
    return story


def _weekday(name: str) -> int:
    return _WEEKDAYS[name.lower()[:3]]


def _written(text: str, start: int, dates: Dates, reached: date | None) -> tuple[bool, date | None]:
    """Whether a date is written at `start` (a weekday's own: "Monday 23/11", "Tuesday 7th"), and
    its day (None when it is written but cannot be read)."""
    span = text[start : start + _DATE_SPAN * 2]
    found = [m for m in dates.find_with_weekdays(span, reached) if m.start <= _DATE_NEXT]
    if not found:
        found = [m for m in dates.find(span, reached, yearless_numeric=True) if m.start <= _DATE_NEXT]
    return (True, found[0].value) if found else (False, None)


def _place(
    match: re.Match[str],
    text: str,
    dates: Dates,
    reached: date | None,
    visit: date | None,
    named_days: tuple[dict[int, date], date | None] = ({}, None),
) -> date | None:
    """The day a marker names, or None when it cannot be placed or contradicts itself. A weekday
    alone that is the line's visit's weekday is that visit ("Friday:" under Friday's visit); one
    the text wrote with its date before ("came on Monday 23 November", then "Monday - wall 650")
    is that day, while the story's own markers have not passed it (`named_days`: the weekdays'
    written days, and the day the markers had reached)."""
    weekday = match.group("weekday")
    if weekday and len(weekday) <= 4 and not _AFTER_SHORT.match(text, match.end("weekday")):
        return None
    aside = match.group("aside")
    is_written, written = _written(text, match.start("weekday"), dates, reached) if weekday else (False, None)
    if not is_written:
        is_written, written = _written(text, match.end(), dates, reached)
    if is_written:
        if written is None or (weekday and written.weekday() != _weekday(weekday)):
            return None  # ("Monday 24/11" when the 24th is a Tuesday: no day is sure)
        return written
    if reached is None:
        return None
    if match.group("relative"):
        day = reached + timedelta(days=1)
        return day if aside is None or day.weekday() == _weekday(aside) else None
    named = weekday or aside
    if named and visit is not None and visit.weekday() == _weekday(named):
        return visit
    written_days, told = named_days
    before = written_days.get(_weekday(named)) if named else None
    if before is not None and (told is None or told < before) and reached - _LATEST <= before <= reached:
        return before
    return weekday_on_or_after(reached, named) if named else None


# "The call came in Thursday 19/11/2026": a weekday beside a written date fixes the story's calendar
_WEEKDAY_BESIDE = re.compile(rf"\b(?P<weekday>{_FULL_DAY})\b,? (?:the )?(?=\d)", FLAGS)


def _calendar(text: str, dates: Dates) -> date | None:
    """The first date the line writes beside its own weekday, when the two agree."""
    return next(iter(_weekday_dates(text, dates, None)), None)


def _weekday_dates(text: str, dates: Dates, anchor: date | None) -> list[date]:
    """Each date the line writes beside its own weekday, when the two agree (a date without its
    year is placed near `anchor`)."""
    out = []
    for match in _WEEKDAY_BESIDE.finditer(text, 0, min(len(text), _MAX_LINE)):
        written = dates.find(text[match.end() : match.end() + _DATE_SPAN], anchor, yearless_numeric=False)
        day = written[0].value if written and written[0].start == 0 else None
        if day is not None and day.weekday() == _weekday(match.group("weekday")):
            out.append(day)
    return out


def _markers(
    text: str,
    dates: Dates,
    reached: date | None,
    visit: date | None,
    named_days: tuple[dict[int, date], date | None] = ({}, None),
) -> list[tuple[int, date | None]]:
    """Where each sentence-opening marker ends, and its day (None: a marker that dates nothing)."""
    out: list[tuple[int, date | None]] = []
    for opening in _SENTENCE_OPEN.finditer(text, 0, min(len(text), _MAX_LINE)):
        match = _MARKER.match(text, opening.end())
        if match is None:
            # ("March 8 - kitchen subfloor 28", "03/07 - update: ..."): a date opening a sentence
            dated = dates.find(
                text[opening.end() : opening.end() + _DATE_SPAN], reached, yearless_numeric=True
            )
            if dated and dated[0].start == 0:
                out.append((opening.end() + dated[0].end, dated[0].value))
                reached = dated[0].value or reached
            continue
        day = _place(match, text, dates, reached, visit, named_days)
        named_days = (named_days[0], day or named_days[1])
        if day is not None and reached is not None and not reached - _LATEST <= day <= reached + _LATEST:
            day = None
        out.append((match.end(), day))
        reached = day or reached
    return out


_DATE_OPENS = re.compile(r"[-*\u2022 ]*\d", FLAGS)


def _dated_later(text: str, dates: Dates, day: date) -> bool:
    """Whether the line writes `day` only after a marker that opens an earlier sentence: the
    line's date is then the day its story ends on, not the day it starts from."""
    head = text[: min(len(text), _MAX_LINE)]
    written = [m.start for m in dates.find(head, day, yearless_numeric=True) if m.value == day]
    if not written:
        return False
    for opening in _SENTENCE_OPEN.finditer(head, 0, written[0]):
        match = _MARKER.match(head, opening.end())
        if match is not None and match.end() < written[0] and match.group("weekday"):
            return not _written(head, match.start("weekday"), dates, day)[0]
    return False


def story_dated(
    state: dict[str, Any], line: int, text: str, found: list[RowReading], dates: Dates, taken_on: date | None
) -> list[RowReading]:
    """The line's readings, each one its line dated by the visit re-dated to the day the story
    had reached where it is told; the story's day is kept for the lines after."""
    story = _story(state)
    # (a marker a few lines back still tells the story's day; an older one gives way to the visit's)
    recent = story.day if story.day is not None and 0 <= line - story.line <= _RECENT_LINES else None
    carried = recent if story.text and (continues_sentence(story.text) or story.heads) else None
    visit = taken_on
    if taken_on is not None and _dated_later(text, dates, taken_on):
        # ("On the Thursday the walls read 24 ... On Thursday 22/10 the slab was 4.1": the line's date
        # is one its own story reaches later; its first markers count from the days told before)
        visit = None
        taken_on_before = recent or story.calendar
        reached = taken_on_before if taken_on_before is not None and taken_on_before <= taken_on else None
    else:
        reached = max((day for day in (recent, taken_on) if day is not None), default=story.calendar)
    markers = _markers(text, dates, reached, visit, (story.named, recent))
    out: list[RowReading] = []
    # ("MDF plinth: 27/11 24 WME; 01/12 16 WME": a value whose day is written right before it, the
    # visit's own, is dated by the line's words; a story told before does not re-date it)
    written = [(m.start, m.value) for m in dates.find(text, taken_on, yearless_numeric=True) if m.value]
    previous_end = 0
    for reading in found:
        day = carried
        for end, marked in markers:
            if end <= reading.start:
                day = marked
        own = any(previous_end <= at < reading.start and value == reading.taken_on for at, value in written)
        previous_end = reading.end
        keep = own or reading.taken_on != taken_on or day is None  # (a day its own words give stays)
        out.append(reading if keep else replace(reading, taken_on=day))
    if markers and (found or continues_sentence(text) or markers[-1][1] is None or _DATE_OPENS.match(text)):
        # (a story of readings is told by lines with readings: "Saturday night it froze" is not one)
        story.day, story.line = markers[-1][1], line  # (None: a marker that could not be placed)
    story.text = text
    story.heads = bool(markers) and not text[markers[-1][0] :].strip(" :-\u2013")
    if story.calendar is None:
        story.calendar = _calendar(text, dates)
    for day in _weekday_dates(text, dates, story.calendar or taken_on):
        story.named[day.weekday()] = day
    return out
