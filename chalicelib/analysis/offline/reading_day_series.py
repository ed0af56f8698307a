"""Rows of readings told as a trend, "a > b > c", whose days a line above gave once, in order:

    Read as: point - material: 11/23 > 11/24 > 11/26 > 11/28
    UL-1 laundry closet drywall behind washer: 880 > 510 > 240 > 120
    MN-4 hardwood in front of sink base: 19 > 17 > 14 > 12

The days line names no reading; each row after it gives one value per day, in the days' order, so
the n-th value of a row was read on the n-th day. A row with fewer values than days was not read on
the last days (a point cut out): its values take the first days. Only rows of "words: a > b ..."
are read this way; any other line leaves the days standing until a new heading or days line."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.text import FLAGS

_ARROW = r"(?:>|->|\u2192|\u21d2)"
# Between two days of a days line only an arrow and spaces.
_BETWEEN_DAYS = re.compile(rf"\s*{_ARROW}\s*")
_NUMBER = r"\d{1,4}(?:\.\d{1,2})?"
# "UL-2 hall OSB under pad: 32 > 24 > 17 > 13", "Hall wall 12 in up - 41 > 30 > 22 %"
_SERIES_ROW = re.compile(
    rf"(?P<label>[^:=]{{3,120}}?)\s?[:\-\u2013=]\s*"
    rf"(?P<values>{_NUMBER}(?:[ \t]*{_ARROW}[ \t]*{_NUMBER}){{1,9}})"
    r"[ \t]*(?P<unit>%[ \t]?(?:mc|wme)\b|%|wme\b|rel\b)?[ \t.]*$",
    FLAGS,
)
_VALUE = re.compile(_NUMBER)
# A point code leading the row's words: "UL-1", "MN-3", "P4", "R2".
_POINT = re.compile(r"\s*(?P<point>[A-Z]{1,3}-?\d{1,2})\b", re.ASCII)
_MIN_DAYS = 2
_MAX_DAYS = 10
_MAX_LINE = 240


def series_days(text: str, dates: Dates, anchor: date | None) -> list[date] | None:
    """The days, in order, of a line that gives them joined by arrows ("11/23 > 11/24 > 11/26");
    None for any other line."""
    if len(text) > _MAX_LINE or not re.search(_ARROW, text):
        return None
    found = dates.find(text, anchor, yearless_numeric=True)
    days = [day.value for day in found if day.value is not None]
    if not _MIN_DAYS <= len(days) <= _MAX_DAYS or len(days) != len(found) or days != sorted(days):
        return None
    for before, after in pairwise(found):
        if not _BETWEEN_DAYS.fullmatch(text[before.end : after.start]):
            return None
    if _VALUE.search(text, found[-1].end):
        return None  # (a number after the days: a row of readings, not the days' order)
    return days


def series_row(text: str, days: list[date]) -> list[RowReading] | None:
    """One reading per value of a "words: a > b > c" row, each of its day; None for other lines."""
    if len(text) > _MAX_LINE:
        return None
    match = _SERIES_ROW.match(text)
    if match is None:
        return None
    values = list(_VALUE.finditer(match.group("values")))
    if len(values) > len(days):
        return None
    label = match.group("label").strip(" \t-*\u2022")
    point = _POINT.match(label)
    unit = match.group("unit")
    start = match.start("values")
    return [
        RowReading(
            label=label,
            value=float(value.group(0)),
            unit=unit.replace(" ", "").upper() if unit else None,
            role="reading",
            taken_on=day,
            said_dry=None,
            point=point.group("point") if point else None,
            start=start + value.start(),
            end=start + value.end(),
        )
        for value, day in zip(values, days, strict=False)
    ]


def day_series(state: dict[str, object], text: str, dates: Dates, anchor: date | None) -> list[RowReading]:
    """The readings of a series row under a days line, noting a days line in `state` as it comes
    (an empty list for the days line itself and any line that is not such a row)."""
    if anchor is None:  # (no visit day yet: the latest full date written above fixes the year;
        # an older one is of the building's past, "a leak repaired 03/14/2023")
        seen = state.get("_series_anchor")
        anchor = seen if isinstance(seen, date) else None
        if len(text) <= _MAX_LINE and (written := [d.value for d in dates.find(text, None) if d.value]):
            state["_series_anchor"] = max([*written, anchor] if anchor else written)
    days = series_days(text, dates, anchor)
    if days is not None:
        state["_series_days"] = days
        return []
    known = state.get("_series_days")
    if not isinstance(known, list):
        return []
    return series_row(text, known) or []
