"""The day of each reading a line gives in parts.

A date written in a line dates the parts after it ("By January 14 the plate had dried to 20%, ...
Final readings on 1/15: plate 13%"). But a date written right after a value, "on" between them, is
that value's own day: "34 WME on 29/11, 27 WME on 01/12" gives 34 on the 29th and 27 on the 1st. Read
as a date for what follows, it would put each value a visit late and the first on the line's day.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.text import FLAGS

# What may stand between a value and its own "on <date>": the value's scale when the number's span
# stops short of it, then "on" ("on the"). Anything more and the date is the next part's.
# The day may be bracketed after its value instead ("31 (12/01) -> 24 (12/03)"): the bracket holds
# the date alone.
_OWN_DAY = re.compile(
    r"[ \t]*(?:%\s?MC|%|WME|REL|MC)?[ \t]*(?:\bon[ \t]+(?:the[ \t]+)?|(?P<bracket>\()[ \t]*(?:on[ \t]+)?)",
    FLAGS,
)
# A value's own day written straight after its scale needs a break after it: ", ", "; ", ". " or the
# line's end ("28 %MC 30/11, 19 %MC 02/12"), words and no number before the break ("12 %MC 30/11 as
# their dry standard."); a number before the break may be the next part's, that date leading it.
_WRITTEN_SCALE = re.compile(r"\d\s?(?:%\s?MC|%|WME|REL|MC)\s*$", FLAGS)
_GAP = re.compile(r"[ \t]+")
_DAY_ENDS = re.compile(r"(?:[ \t]+[^\d,;.:()]*?)?[ \t]*(?:[,;]|\.(?:\s|$)|$)")
# The bracket closes after the day, or after a comma and a word or two of who read it: "(12/07,
# vendor)", "(3/5, by the owner)"; not after more days or a sentence ("(12/01 and 12/02 the same)")
_CLOSE = re.compile(
    r"[ \t]*(?:,[ \t]*(?:by[ \t]+)?(?:the[ \t]+)?[a-z][a-z'-]{1,15}(?:[ \t][a-z][a-z'-]{1,15})?[ \t]*)?\)",
    FLAGS,
)

# A bracket that tells of something else that day: "(cut out 28/11)", "(plumber came 2/12)". Its date
# is the aside's, not the day the parts after it were read ("30/11 revisit: ceiling centre removed
# (cut out 28/11), cornice 19" reads 19 on the 30th). A bracket of a date alone, or of the reading's
# own words ("(Tue 28/11)", "(readings 28/11)", "(day 3, 28/11)"), still dates what follows.
_BRACKET = re.compile(r"\([^()\n]{1,60}\)")
_ASIDE_WORD = re.compile(r"\b[a-z]{3,}\b", FLAGS)
_DAY_WORDS = re.compile(
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}"
    r"|day|visit|readings?|read|taken|the|and|both|all|today|yesterday",
    FLAGS,
)


def _without_asides(span: str) -> str:
    """The span with each bracket that tells of another event blanked out."""

    def blank(bracket: re.Match[str]) -> str:
        words = _ASIDE_WORD.findall(bracket.group(0))
        told = any(_DAY_WORDS.fullmatch(word) is None for word in words)
        return " " * len(bracket.group(0)) if told else bracket.group(0)

    return _BRACKET.sub(blank, span)


def date_parts(
    text: str, readings: list[RowReading], taken_on: date | None, dates: Dates
) -> list[RowReading]:
    """Each part's day: its own "on <date>" when one follows it, else the last date written before it
    in the line (from where the previous part, and its own date, ended), else the line's day."""
    if len(readings) < 2:
        return readings
    dated, current, previous = [], taken_on, 0
    for index, reading in enumerate(readings):
        span = _without_asides(text[previous : reading.start])
        found = [m.value for m in dates.find(span, current, yearless_numeric=True) if m.value]
        if not found and current is not None:  # "...; Friday 13th: rumpus 14"
            found = [m.value for m in dates.find_with_weekdays(span, current) if m.value]
        current = found[-1] if found else current
        previous = reading.end
        own, own_end = _own_day(text, reading, readings[index + 1 : index + 2], current, dates)
        if own is not None:
            # The next part reads its span from after this date, so the date is not also its.
            previous = own_end
        when = own if own is not None else current
        dated.append(replace(reading, taken_on=when) if when != reading.taken_on else reading)
    return dated


def _own_day(
    text: str, reading: RowReading, following: list[RowReading], anchor: date | None, dates: Dates
) -> tuple[date | None, int]:
    """The date written right after a value with "on" between ("24 %MC on 29/11"), and where it ends."""
    lead = _OWN_DAY.match(text, reading.end)
    if lead is None:
        return _trailing_day(text, reading, anchor, dates)
    stop = following[0].start if following else len(text)
    window = text[lead.end() : min(stop, lead.end() + 24)]
    found = dates.find(window, anchor, yearless_numeric=True)
    if not found or found[0].start != 0 or found[0].value is None:
        return None, reading.end
    end = lead.end() + found[0].end
    if lead.group("bracket"):
        close = _CLOSE.match(text, end)
        if close is None:
            return None, reading.end  # ("31 (12/01 and 12/02 the same)": no day of the value's own)
        end = close.end()
    return found[0].value, end


def _trailing_day(
    text: str, reading: RowReading, anchor: date | None, dates: Dates
) -> tuple[date | None, int]:
    """The date written right after a value and its scale, a break after the date ("boards 28 %MC
    30/11, 19 %MC 02/12"): that value's own day, as "on" would say. Not after a bare number ("hall
    28 30/11, ..." may be a date that leads the next part), nor a date a colon leads on from."""
    if reading.unit is None or not _WRITTEN_SCALE.search(text, reading.start, reading.end):
        return None, reading.end
    gap = _GAP.match(text, reading.end)
    if gap is None:
        return None, reading.end
    found = dates.find(text[gap.end() : gap.end() + 24], anchor, yearless_numeric=True)
    if not found or found[0].start != 0 or found[0].value is None:
        return None, reading.end
    end = gap.end() + found[0].end
    if _DAY_ENDS.match(text, end) is None:
        return None, reading.end
    return found[0].value, end


def own_days(text: str, readings: list[RowReading], dates: Dates) -> list[RowReading]:
    """A table-like row's values each dated by the "on <date>" written after it, where one is: the
    value's own day outranks the column's ("1.8% on 06/11, 0.6% on 07/11")."""
    dated = []
    for index, reading in enumerate(readings):
        own, _ = _own_day(text, reading, readings[index + 1 : index + 2], reading.taken_on, dates)
        dated.append(
            replace(reading, taken_on=own) if own is not None and own != reading.taken_on else reading
        )
    return dated
