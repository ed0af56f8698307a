"""Days a story of readings names by their weekday alone: "Wednesday: 17, 14, 12", "read 410 on
Friday", "on the Monday". A weekday is placed from the job's own dates: the first day of that name
on or after the day the story had reached (the visit, or the readings told before)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from chalicelib.analysis.offline.text import FLAGS

WEEKDAY_NAME = (
    r"(?P<weekday>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)"
)
_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

# A visit's lead that is a weekday and at most a note in brackets: "Wednesday (yesterday)", "Tue",
# "on the Monday"; the one definition for a lead given alone and for one that heads a line.
WEEKDAY_LEAD = rf"(?:on )?(?:the )?{WEEKDAY_NAME}\.?(?:\s*\([^()\n]{{0,20}}\))?"
_LONE_WEEKDAY = re.compile(rf"\s*{WEEKDAY_LEAD}\s*", FLAGS)


def weekday_on_or_after(anchor: date, name: str) -> date:
    """The first day called `name` on or after `anchor` ("Tuesday" after Monday's readings)."""
    weekday = _NUMBERS[name.lower()[:3]]
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def lone_weekday(words: str, anchor: date | None) -> date | None:
    """The day a lead of a weekday alone names, placed on or after `anchor`; None for other words."""
    match = _LONE_WEEKDAY.fullmatch(words)
    if match is None or anchor is None:
        return None
    return weekday_on_or_after(anchor, match.group("weekday"))


def is_weekday(words: str) -> bool:
    """Whether a lead is a weekday alone ("Tuesday", "Wednesday (yesterday)")."""
    return _LONE_WEEKDAY.fullmatch(words) is not None


# A weekday a reading is dated by in a sentence: "410 on Friday", "on the Wednesday", "by Monday".
_TOLD_WEEKDAY = re.compile(rf"\b(?:on|by|from|until|till) (?:the )?{WEEKDAY_NAME}\b", FLAGS)
_NEXT_TO = 6  # a weekday this close before a date is that date's ("Friday the 13th")


def weekday_moments(
    text: str, start: int, end: int, known: list[tuple[int, int, date]], since: date | None
) -> list[tuple[int, int, date]]:
    """Where a sentence names a day by its weekday, and the day: the first of that name on or
    after the job's first visit (`since`), or after a date the sentence wrote before it. A weekday
    right before a written date ("Friday the 13th") is that date."""
    if since is None:
        return []
    found: list[tuple[int, int, date]] = []
    for match in _TOLD_WEEKDAY.finditer(text, start, end):
        day_start = match.start("weekday")
        if any(other <= day_start < stop for other, stop, _ in known):
            continue  # (the weekday of a written date: "Monday 16 February")
        written = next((day for other, _, day in known if 0 <= other - match.end() <= _NEXT_TO), None)
        before = [day for other, _, day in known if other < day_start]
        day = written or weekday_on_or_after(max([since, *before]), match.group("weekday"))
        found.append((day_start, match.end(), day))
    return found
