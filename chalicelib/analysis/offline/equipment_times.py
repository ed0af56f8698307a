"""What an equipment log writes beside a unit: the times with its dates ("placed 13/11/2026 11:30,
removed 15/11 10:15"), the hours run between them, and the unit's make and model."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time

from chalicelib.analysis.offline.text import FLAGS, Line

# "13/11/2026 11:30", "20/07 at 2:15 pm", "15/11 10.15am": a time written right after a date.
_TIME_AFTER_DATE = re.compile(
    r"^,?\s*(?:at\s+|@\s*)?(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?!\d)\s*(?P<ampm>[ap]\.?m\.?)?(?![\w/])",
    FLAGS,
)


def time_after(text: str, position: int, on: date | None) -> datetime | None:
    """The date at `position` with the time written right after it, read in 24 h or am/pm."""
    written = _TIME_AFTER_DATE.match(text[position:])
    if written is None or on is None:
        return None
    hour, minute, half = int(written.group("h")), int(written.group("m")), (written.group("ampm") or " ")[0]
    if half != " " and not 1 <= hour <= 12:  # "13:30 pm": a typo, not a time to guess
        return None
    hour = hour % 12 + (12 if half in "pP" else 0) if half != " " else hour
    return datetime.combine(on, time(hour, minute))


def hours_between(placed: datetime | None, removed: datetime | None) -> float | None:
    """Hours run from the two times; none when either is missing or they run backwards."""
    ok = placed is not None and removed is not None and removed >= placed
    return round((removed - placed).total_seconds() / 3600, 2) if ok and placed and removed else None


# The makers whose drying equipment restorers name, then the model words after the name.
_MAKE_MODEL = re.compile(
    r"\b(?P<make>dri-?eaz|phoenix|b-?air|xpower|ebac|aerial|trotec|sahara|abatement technologies"
    r"|hydro-?force|omnitec|munters|thermo-?stat|dehumidifier corp|quest|santa fe|bluedri|stealth)\b"
    r"(?P<model>(?: [A-Za-z]*\d[\w-]*| (?:lgr|xli|pro|max|hd|ht|sb|mini|air|dry|dryer|velo|sahara)\b){0,4})",
    FLAGS,
)


def make_and_model(text: str) -> str | None:
    """ "Dri-Eaz LGR 7000XLi", "Phoenix 200 Max": a maker the trade knows and the model after it."""
    found = _MAKE_MODEL.search(text)
    return found.group(0).strip() if found else None


# "ran 72 hours", "hour meter 71.5 h", "48 hrs run": a unit's stated run time
RUN_HOURS = re.compile(
    r"(?:\b(?:ran|run|running|runtime|run time|hours? run|hour meter)\D{0,30}?(?P<a>\d{1,4}(?:\.\d)?) ?"
    r"(?:hours?|hrs?|h)\b|(?P<b>\d{1,4}(?:\.\d)?) ?(?:hours?|hrs?|h) (?:run|runtime|on the meter))",
    FLAGS,
)


# A clock time a wrap broke before its meridiem: "... the alarm went off at 6:12" over "AM on Saturday".
_CLOCK_AT_END = re.compile(r"(?<![\d/.\-])(?:[01]?\d|2[0-3])[:.][0-5]\d\s*$")
_MERIDIEM_AT_START = re.compile(r"^\s*(?:AM|PM|am|pm|a\.m\.|p\.m\.)(?!\w)")


def without_wrapped_meridiem(lines: Sequence[Line]) -> list[Line]:
    """The lines with an AM that a wrap carried away from its clock time blanked out (same length, so
    every position stays), so that the time's AM is never read as an air mover."""
    out = list(lines)
    for index in range(1, len(out)):
        meridiem = _MERIDIEM_AT_START.match(out[index].text)
        if meridiem is not None and _CLOCK_AT_END.search(out[index - 1].text):
            text = out[index].text
            masked = " " * meridiem.end() + text[meridiem.end() :]
            out[index] = Line(out[index].number, out[index].quote, masked)
    return out
