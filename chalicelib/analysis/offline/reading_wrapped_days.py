"""A dated line of readings that a PDF (or a narrow editor) wrapped onto the next line:

    - 2026-04-14: hall wall 1 ft 22%; hall wall 2 ft 9%; laundry skirting 18 %MC; vinyl
    underlay 30%; bedroom baseline 0.5%.

The second line has no day of its own: it is the rest of the first line's list, so its readings
are of the day the first line wrote, not of the block's day. Only when the first line is left
unfinished (it ends on a word or a list's mark, no full stop), wrote its own day, and all of its
readings are of that one day; and the second line starts as a list goes on (a small word or a
value), not as a row or a sentence of its own."""

from __future__ import annotations

import re
from datetime import date

from chalicelib.analysis.offline.dates import Dates

# The first line stops mid-item or after a list's mark: its last word has no full stop, colon or
# bracket after it ("...; slab"), or a semicolon or comma ends it ("... wall 0.8%;").
_UNFINISHED = re.compile(r"(?:[a-z]{2,}|[;,])\s*$")
# The second line goes on with the list: a lower-case word, or a value and its scale then a
# list's mark ("4.1%; staff room ..."), not a row's point number and words ("5 Kitchen ...").
_GOES_ON = re.compile(r"\s*(?:[a-z][a-z'-]+\b|\d{1,3}(?:\.\d{1,2})?\s?(?:%\s?MC|%|WME|REL)?\s*[;,])")
_MIN_READINGS = 2


def wrapped_day(
    previous: str,
    text: str,
    previous_days: list[date | None],
    dates: Dates,
    taken_on: date | None,
) -> date | None:
    """The day the line above wrote, when `text` is the rest of its wrapped list; else None."""
    if "|" in previous or "|" in text or len(previous_days) < _MIN_READINGS:
        return None
    day = previous_days[0]
    if day is None or day == taken_on or any(other != day for other in previous_days):
        return None
    if _UNFINISHED.search(previous) is None or _GOES_ON.match(text) is None:
        return None
    if _STARTS_A_SENTENCE.match(text) is not None:
        return None
    written = [found.value for found in dates.find(previous, taken_on, yearless_numeric=True)]
    if day not in written or dates.find(text[:_OWN_DAY_LOOK], day, yearless_numeric=True):
        return None  # (the day must be the first line's own; a line that writes a day has its own)
    return day


_OWN_DAY_LOOK = 24
_STARTS_A_SENTENCE = re.compile(r"\s*[A-Z]")
