"""Dates as people write them, in the order the document settles, and the visit days they open."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from chalicelib.analysis.findings import (
    DateFact,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
)

# --- dates -------------------------------------------------------------------------------------

_MONTH_NUMBERS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}


_MONTH_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)


_DATE = re.compile(
    r"(?<![\w/.\-])(?:"
    r"(?P<iso_y>\d{4})(?P<iso_sep>[-/.])(?P<iso_m>\d{1,2})(?P=iso_sep)(?P<iso_d>\d{1,2})"
    r"|(?P<n1>\d{1,2})(?P<sep>[/.\-])(?P<n2>\d{1,2})(?:(?P=sep)(?P<ny>\d{4}|\d{2}))?"
    rf"|(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?: of)?[ \-](?P<m1>{_MONTH_WORDS})\.?(?:,?[ \-]'?(?P<y1>\d{{4}}"
    rf"|\d{{2}}))?"
    rf"|(?P<m2>{_MONTH_WORDS})\.? (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y2>\d{{4}}))?"
    r")(?![\w/]|[.\-]\d)",
    FLAGS,
)


DateOrder = Literal["DMY", "MDY"]


_AU_STATES = "NSW|VIC|QLD|WA|SA|TAS|ACT|NT"


_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND"
    "|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WV|WI|WY|DC"
)


# Case-sensitive on purpose: "wa 6000" in prose is not Western Australia.
_DAY_FIRST_HINT = re.compile(
    rf"\b(?:{_AU_STATES}),? \d{{4}}\b|\bAustralia\b|\bNew Zealand\b|\bNZ\b", re.ASCII
)


_MONTH_FIRST_HINT = re.compile(rf"\b(?:{_US_STATES}),? \d{{5}}(?:-\d{{4}})?\b|\bUSA\b", re.ASCII)


_HALF_YEAR = timedelta(days=183)


_LABEL_TO_DATE = 40  # how far after a label its date may be


BULLETS = re.compile(r"[\s\-*#>\u2022\u2013]*")


_VISIT_START = re.compile(
    r"(?:(?P<day>day) ?(?P<num>\d{1,2})\b|(?P<first>intake|initial|first (?:day|visit)|day one)\b"
    r"|(?P<reset>visit|site visit|re-?visit|return visit|re-?inspection|follow[- ]?up|final|check ?in"
    r"|re-?checks?|re-?reads?|re-?tests?|back on site|returned"
    r"|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday"
    r"|sun|sunday)\b"
    r"|(?:monitor(?:ing)?|moisture (?:check|map(?:ping)?|readings?)|drying (?:check|log|day)|readings?"
    r"|inspection(?: date)?|inspected|date of inspection|attended|attendance|date attended|date)\b)",
    FLAGS,
)


_NOT_VISIT = re.compile(r"(?:date of (?:loss|incident)|dol\b|d\.o\.l|loss date)", FLAGS)


# --- dates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _DateMatch:
    start: int
    end: int
    value: date | None  # None: day and month could swap and nothing settles it, or no such day


def _year(written: str | None) -> int | None:
    if written is None:
        return None
    year = int(written.lstrip("'"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    return year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _near_anchor(month: int, day: int, anchor: date | None) -> date | None:
    """A date written without its year, in the year that puts it nearest the dates around it."""
    if anchor is None:
        return None
    for year in (anchor.year, anchor.year + 1, anchor.year - 1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and abs(candidate - anchor) <= _HALF_YEAR:
            return candidate
    return None


class Dates:
    """Reads dates, with one decision per document on how to read 03/04/2024 (see module notes)."""

    def __init__(self, lines: Sequence[Line], configured: DateOrder | None) -> None:
        self.order: DateOrder | None = self._settled_order(lines) or self._locale_order(lines) or configured
        self.ambiguous_seen = False

    @staticmethod
    def _settled_order(lines: Sequence[Line]) -> DateOrder | None:
        evidence: set[DateOrder] = set()
        for line in lines:
            for match in _DATE.finditer(line.text):
                if match.group("n1") and match.group("ny"):
                    first, second = int(match.group("n1")), int(match.group("n2"))
                    if first > 12 >= second:
                        evidence.add("DMY")
                    elif second > 12 >= first:
                        evidence.add("MDY")
        # Both orders in one document: a typo somewhere; no order is settled.
        return evidence.pop() if len(evidence) == 1 else None

    @staticmethod
    def _locale_order(lines: Sequence[Line]) -> DateOrder | None:
        day_first = any(_DAY_FIRST_HINT.search(line.text) for line in lines)
        month_first = any(_MONTH_FIRST_HINT.search(line.text) for line in lines)
        if day_first != month_first:
            return "DMY" if day_first else "MDY"
        return None

    def find(self, text: str, anchor: date | None, *, yearless_numeric: bool = False) -> list[_DateMatch]:
        found = []
        for match in _DATE.finditer(text):
            # "1/2", "24/7" and "3/4 in" are not dates; "16/02" is, on a visit line.
            yearless = match.group("n1") and match.group("ny") is None
            if yearless and (not yearless_numeric or match.group("sep") != "/"):
                continue
            month_word = match.group("m1") or match.group("m2")
            if month_word and month_word.lower() == "may" and not (match.group("y1") or match.group("y2")):
                continue  # "may" without a year is the verb far more often than the month
            found.append(_DateMatch(match.start(), match.end(), self._parse(match, anchor)))
        return found

    def _parse(self, match: re.Match[str], anchor: date | None) -> date | None:
        if match.group("iso_y"):
            return _safe_date(int(match.group("iso_y")), int(match.group("iso_m")), int(match.group("iso_d")))
        if match.group("n1"):
            return self._numeric(
                int(match.group("n1")), int(match.group("n2")), _year(match.group("ny")), anchor
            )
        month_word = (match.group("m1") or match.group("m2")).lower()[:3]
        day = int(match.group("d1") or match.group("d2"))
        year = _year(match.group("y1") or match.group("y2"))
        month = _MONTH_NUMBERS[month_word]
        return _safe_date(year, month, day) if year else _near_anchor(month, day, anchor)

    def _numeric(self, first: int, second: int, year: int | None, anchor: date | None) -> date | None:
        if first > 12 or (first == second) or (self.order == "DMY" and second <= 12):
            day, month = first, second
        elif second > 12 or self.order == "MDY":
            day, month = second, first
        else:
            self.ambiguous_seen = True
            return None
        return _safe_date(year, month, day) if year else _near_anchor(month, day, anchor)


def first_date_after(dates: Dates, text: str, position: int, anchor: date | None) -> date | None:
    for found in dates.find(text, anchor):
        if position <= found.start <= position + _LABEL_TO_DATE:
            return found.value
    return None


# --- visit days --------------------------------------------------------------------------------


class Visits:
    """Which visit day each line belongs to: readings and equipment are dated by it."""

    def __init__(self, dates: Dates) -> None:
        self._dates = dates

    @staticmethod
    def _start(text: str) -> int:
        bullets = BULLETS.match(text)
        return bullets.end() if bullets else 0

    def is_visit_line(self, text: str) -> bool:
        start = self._start(text)
        if _NOT_VISIT.match(text, start):
            return False
        if _VISIT_START.match(text, start):
            return True
        return any(found.start == start for found in self._dates.find(text, None, yearless_numeric=True))

    def first_visit(self, lines: Sequence[Line], dates: Dates) -> DateFact | None:
        """Without an inspection label, the first dated visit line is the inspection."""
        anchor: date | None = None
        for line in lines:
            found = [match.value for match in dates.find(line.text, anchor) if match.value]
            if self.is_visit_line(line.text):
                visit = [m.value for m in dates.find(line.text, anchor, yearless_numeric=True) if m.value]
                if visit:
                    return DateFact(value=visit[0], source=line.span())
            anchor = found[-1] if found else anchor
        return None

    def line_dates(self, lines: Sequence[Line], inspection: date | None) -> list[date | None]:
        """The visit date each line falls under; before any visit line, the inspection date."""
        current, anchor, day_one = inspection, inspection, inspection
        result: list[date | None] = []
        for line in lines:
            text = line.text
            start = self._start(text)
            visit = _VISIT_START.match(text, start) if not _NOT_VISIT.match(text, start) else None
            found = self._dates.find(
                text, anchor, yearless_numeric=visit is not None or self.is_visit_line(text)
            )
            values = [match.value for match in found if match.value]
            if visit is not None or (found and found[0].start == start and not _NOT_VISIT.match(text, start)):
                current, day_one = self._visit_date(visit, values, current, day_one, inspection)
            anchor = values[-1] if values else anchor
            result.append(current)
        return result

    @staticmethod
    def _visit_date(
        visit: re.Match[str] | None,
        values: list[date],
        current: date | None,
        day_one: date | None,
        inspection: date | None,
    ) -> tuple[date | None, date | None]:
        if visit is not None and visit.group("day"):
            number = int(visit.group("num"))
            if values:
                return values[0], (values[0] if number == 1 else day_one)
            return (day_one + timedelta(days=number - 1) if day_one else None), day_one
        if values:
            return values[0], day_one
        if visit is not None and visit.group("first"):
            return inspection, day_one
        if visit is not None and visit.group("reset"):
            return None, day_one  # a new visit whose date is not written
        return current, day_one
