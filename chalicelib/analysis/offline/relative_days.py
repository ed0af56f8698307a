"""Days told relative to a day already written: "that night", "the same morning", "the night before".

A narrative dates the call once ("called us on the morning of 12 January") and then tells the visit
and the loss against it ("we were on site by 9:40 the same morning"). `DayContext` keeps the dates
written so far, each with the part of the day the text ties it to, and resolves such a phrase only
when one date fits it: a date said to be "before" another is never the day a phrase means, and a
phrase moving the story to another day ("the next day", "overnight") forgets the dates before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from chalicelib.analysis.offline.dates import DateMatch
from chalicelib.analysis.offline.text import FLAGS, Sentences

_PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night|tonight)\b", FLAGS)


_MORNING_CLOCK = re.compile(r"\b(?:[1-9]|1[01])(?:[.:][0-5]\d)? ?a\.?m\b", FLAGS)


_OVERNIGHT = re.compile(r"\bovernight\b", FLAGS)


# "On Sunday, November 8, around 10 pm, the hose came off": that evening, that night.
_EVENING_CLOCK = re.compile(r"\b(?:[6-9]|1[01])(?:[.:][0-5]\d)? ?p\.?m\b", FLAGS)


# "The call came through on Tuesday 10/11/2026 at about 2 pm ... I got there at 5.15 the same
# afternoon": that afternoon.
_AFTERNOON_CLOCK = re.compile(r"\b(?:12|[1-5])(?:[.:][0-5]\d)? ?p\.?m\b", FLAGS)


_PART_REACH = 40  # how far from a date the part of the day it is tied to may be written


# "The night before, Thursday 2 April": the date is of an earlier day than the story's.
_BACKWARD = re.compile(r"\b(?:before|previous|prior|earlier|ago)\b", FLAGS)


_BACKWARD_REACH = 30


# Phrases that move the story to another, unwritten day.
_SHIFT = re.compile(
    r"\b(?:(?:the )?(?:next|following) (?:morning|day|afternoon|evening|night)"
    r"|the (?:morning|day|night) after|(?:a|one|two|three|four|five|\d) (?:days?|weeks?) (?:later|after)"
    r"|days later|overnight|yesterday|last night|(?:the )?(?:night|evening|day|afternoon) before"
    r"|the previous (?:night|evening|day|afternoon)|earlier (?:that|in the) week|that weekend)\b",
    FLAGS,
)


PLACED_REACH = 30  # a shift followed this closely by a date is placed by it, not a move


_COMPATIBLE = {
    "morning": {"morning"},
    "afternoon": {"afternoon"},
    "evening": {"evening", "night"},
    "night": {"night", "evening"},
    "tonight": {"night", "evening"},
}


# The parts of a day in their order: "that night" after a day told in its afternoon is that day.
_ORDER = {"morning": 0, "afternoon": 1, "evening": 2, "night": 3, "tonight": 3}


_BACKGROUND = timedelta(days=7)  # a date this much older than the story's day is background


_KEPT = 8  # the story's latest dates kept: a phrase means one of the last few days told


@dataclass(frozen=True)
class Day:
    value: date
    parts: frozenset[str]
    backward: bool


# A line's events in order: a date (a `Day`) or a move to an unwritten day (None).
DayEvent = tuple[int, "Day | None"]


class DayContext:
    """The dates the story has told so far, to resolve "that night" or "the same morning" against."""

    def __init__(self) -> None:
        self._days: list[Day] = []

    @staticmethod
    def events(text: str, found: Sequence[DateMatch]) -> list[DayEvent]:
        sentences = Sentences(text)
        events: list[DayEvent] = []
        for known in found:
            if known.value is None:
                continue
            start, end = sentences.bounds(known.start)
            near = text[max(start, known.start - _PART_REACH) : min(end, known.end + _PART_REACH)]
            parts = frozenset(match.group(0).lower() for match in _PART_OF_DAY.finditer(near))
            if _MORNING_CLOCK.search(near):
                parts |= {"morning"}  # "rang at 6.40 am on Tuesday 15/07": that morning
            if _AFTERNOON_CLOCK.search(near):
                parts |= {"afternoon"}
            if _EVENING_CLOCK.search(near):
                parts |= {"evening", "night"}  # "around 10 pm on Sunday, November 8": that night
            if _OVERNIGHT.search(near):
                parts |= {"night"}  # "split overnight on Monday 14/07": that night
            backward = _BACKWARD.search(text, max(start, known.start - _BACKWARD_REACH), known.start)
            events.append((known.start, Day(known.value, parts, backward is not None)))
        starts = [known.start for known in found]
        for shift in _SHIFT.finditer(text):
            index = bisect_left(starts, shift.end())  # the first date after the shift
            if index == len(starts) or starts[index] > shift.end() + PLACED_REACH:
                events.append((shift.start(), None))
        return sorted(events, key=lambda event: event[0])

    def feed(self, events: Sequence[DayEvent], before: int | None = None) -> list[Day]:
        """The days known at `before` in the line these events are from (the line's end: None)."""
        days = list(self._days)
        for position, day in events:
            if before is not None and position >= before:
                break
            if day is None:
                days.clear()
            else:
                days.append(day)
                del days[:-_KEPT]
        return days

    def advance(self, events: Sequence[DayEvent]) -> None:
        self._days = self.feed(events)

    @staticmethod
    def resolve(days: Sequence[Day], part: str) -> date | None:
        """The one day "that <part>" can mean, or None when the text leaves it open."""
        told = [day for day in reversed(days) if not day.backward]
        if not told:
            return None
        if part == "day":
            values = {day.value for day in told}
            return values.pop() if len(values) == 1 else None
        wanted = _COMPATIBLE[part]
        match = next((day for day in told if day.parts & wanted), None)
        latest = told[0]
        if (
            match is None
            and latest.parts
            and all(_ORDER[told_part] < _ORDER[part] for told_part in latest.parts)
        ):
            # ("a fire started at about 4.15 pm on Tuesday ... we came at 8 pm that night": the
            # story's latest day, told at an earlier part of it, goes on into the phrase's part)
            return latest.value
        if match is None:
            values = {day.value for day in told}
            untied = all(not day.parts for day in told)
            return values.pop() if len(values) == 1 and untied else None
        for day in told:
            if day is match:
                return match.value
            # A later date, of another day, that is neither tied to another part of the day nor
            # long before: the phrase may mean it.
            if day.value != match.value and not day.parts and match.value - day.value <= _BACKGROUND:
                return None
        return match.value
