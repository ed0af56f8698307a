"""Dates as people write them, in the order the document settles, and the visit days they open.

The date of loss and the first visit are read from these in job_dates.py."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from chalicelib.analysis.findings import (
    DateFact,
    Locale,
)
from chalicelib.analysis.offline.locale import (
    DateOrder,
    read_locale,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    continues_sentence,
)
from chalicelib.analysis.offline.weekdays import (
    WEEKDAY_NUMBERS,
    WEEKDAY_ORDINAL,
    WEEKDAY_YEARLESS,
    YEARLESS_WEEKDAY,
    safe_date,
    weekday_day,
    weekday_near,
    weekday_order,
    weekday_year,
    weekdays_alone,
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
    # (a two-digit year follows the day and month's own separator, "24-Nov-26", "3 Nov 26"; in
    # "24-Nov 28-Nov" and "28-Nov 31 / 70" the number after the space is no year)
    rf"|(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?: of)?(?P<dsep>[ \-])(?P<m1>{_MONTH_WORDS})\.?"
    # ("on 11 Nov 13:40" is a time after the day; `Dates.find` weighs "11 Nov 13 readings")
    r"(?:(?:,?[ \-]'?(?=\d{4})|(?P=dsep)'?(?=\d{2}\b(?![:.]\d)))(?P<y1>\d{4}|\d{2}))?"
    rf"|(?P<m2>{_MONTH_WORDS})\.? (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y2>\d{{4}}))?"
    # '1/4" tube', '3/4-inch line': a fraction of an inch, not a date
    r")(?![\w/]|[.\-]\d|\"|-? ?inch)",
    FLAGS,
)


# "on Saturday 30 May at about 10 am", "May 30": the month; "bedroom 2 may have" is the verb.
_MAY_DAY_BEFORE = re.compile(
    r"(?:^|\b(?:on|of|from|until|till|by|since|to|and|the|mon|tue|wed|thu|fri|sat|sun)\w*,?|[,(\-:])\s*$",
    FLAGS,
)
_MAY_DAY_AFTER = re.compile(
    r"(?:\s*$|\s*[,.;:)\-\u2013]|\s+(?:at|on|in|and|to|until|till|when|while|before|after|from|the|we|i|he"
    r"|she|they|it|around|about|approx\w*|between|or|through|\d)\b)",
    FLAGS,
)


def _is_the_month_may(text: str, match: re.Match[str]) -> bool:
    if match.group("m2"):  # "May 30": written as the month, capitalised
        return match.group("m2") == "May"
    return bool(
        _MAY_DAY_BEFORE.search(text, max(0, match.start() - 16), match.start())
        or _MAY_DAY_AFTER.match(text, match.end())
    ) and not re.match(r"\s+(?:have|be|not|need|also|still|well|show|require|affect)\b", text[match.end() :])


# "overflowed last evening (10/05)", "found it this morning, 14/3": a yearless numeric date that the
# day it is told against confirms (the day before the date the line gave, or that same day).
_RELATIVE_YEARLESS = re.compile(
    r"\b(?:(?P<before>yesterday|last (?:night|evening)|the (?:night|evening|day) before)"
    r"|(?P<same>today|tonight|this (?:morning|afternoon|evening)"
    # "the vendor attended the same evening (06/06, 7:00 PM)": the day the line has just given
    r"|(?:the same|that(?: same)?) (?:morning|afternoon|evening|night|day)))"
    r"(?: (?:morning|afternoon|evening|night))?,? \(?(?P<a>\d{1,2})/(?P<b>\d{1,2})\b(?!/)",
    FLAGS,
)


_HALF_YEAR = timedelta(days=183)
_ONE_DAY = timedelta(days=1)
_NEAR = timedelta(days=45)  # how far from a date already read an ambiguous date may be read


BULLETS = re.compile(r"[\s\-*#>\u2022\u2013]*")


_VISIT_START = re.compile(
    r"(?:(?P<day>day) ?(?P<num>\d{1,2})\b|(?P<first>intake|initial|first (?:day|visit)|day one)\b"
    r"|(?P<reset>visit|site visit|re-?visit|return visit|re-?inspection|follow[- ]?up|final|check ?in"
    r"|re-?checks?|re-?reads?|re-?tests?|back on site|returned"
    # "Back Thursday 12th: rumpus wall 17": a return visit led by its weekday
    r"|back(?: again)?(?: on)? (?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
    r"|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday"
    r"|sun|sunday)\b"
    # ("Sunday night's storm", "Monday's rain": a day told of, not a visit)
    r"(?!(?: (?:night|morning|afternoon|evening))?['\u2019]s\b)"
    r"|(?:monitor(?:ing)?|moisture (?:check|map(?:ping)?|readings?)|drying (?:check|log|day)|readings?"
    r"|inspection(?: date)?|inspected|date of inspection|attended|attendance|date attended|date)\b)",
    FLAGS,
)


# A header's visit field after another field on its line ("Property: 9 Elm Ave   Site visit:
# 12/01/2026", "Claim 55 | Inspected: 3/4/2026"): the report's own visit, which the readings under it
# belong to, whoever visited first.
_VISIT_FIELD = re.compile(
    r"\b(?:site visit|inspection date|date of inspection|inspected|visit date)\s*:\s*$",
    FLAGS,
)


def _visit_field(text: str, found: Sequence[DateMatch]) -> date | None:
    for known in found:
        if known.value and _VISIT_FIELD.search(text, max(0, known.start - 40), known.start):
            return known.value
    return None


# A dated log line that records a call or a report rather than anyone on site.
_LOG_ENTRY = re.compile(
    r"\b(?:fnol|first notice|call(?:ed)?(?! ?(?:out|back))|phoned|rang|e-?mail(?:ed)?|reported|notified"
    r"|lodged|update by)\b",
    FLAGS,
)


_LOG_REACH = 50  # a log line says what it records within its first words


# "Atmospherics 13/11/2026:", "Air, 14/11 -": a short label and a day head what follows.
_DAY_LABEL = re.compile(r"[A-Za-z][A-Za-z/&()-]{0,20}(?: [A-Za-z/&()-]{1,20}){0,2},? ?")
_AFTER_DAY_LABEL = re.compile(r" ?(?::| [-\u2013\u2014] )")


def _opens_with_day(text: str, start: int, first: DateMatch) -> bool:
    """Whether the line opens with its date, or with a short label and the date as a heading."""
    if first.start == start:
        return True
    return _DAY_LABEL.fullmatch(text, start, first.start) is not None and (
        _AFTER_DAY_LABEL.match(text, first.end) is not None
    )


# An e-mail's header ("From:", "To:", "Date: 02/14/2025", "Subject:"): its date is when it was sent.
_MAIL_HEADER = re.compile(r"^\s*(?:from|to|cc|sent|date|subject)\s*:", FLAGS)
_MAIL_HEADER_LINES = 8


def _mail_header_lines(lines: Sequence[Line]) -> frozenset[int]:
    """The lines of a leading e-mail header, when the notes open with one (a From: or Subject:)."""
    top = [line for line in lines if line.text][:_MAIL_HEADER_LINES]
    header = [line for line in top if _MAIL_HEADER.match(line.text)]
    if not any(re.match(r"\s*(?:from|subject)\s*:", line.text, FLAGS) for line in header):
        return frozenset()
    return frozenset(line.number for line in header)


_VISIT_DATE_REACH = 60  # how far into a visit line its own date may be written
_TAKEN_BEFORE = re.compile(r"\b(?:taken|recorded|logged|dated|read)(?: on)? $", FLAGS)
_ANCHOR_BACK = timedelta(days=366)  # an earlier date than this (an install, a service) anchors no year


# A list item's sentence a wrap carries on: "- heavy rain started" over "Fri arvo 6/11, the gauge
# peaked ...": the weekday opens the wrapped half of the item, no visit. (A short line is a visit's
# heading even so: "Sun 8/11" under an item that ends without a stop.)
_BULLET = re.compile(r"\s*[-*\u2022]\s")
_HEADING_LENGTH = 40


def _carries_bullet_on(previous: str, text: str) -> bool:
    return (
        len(text) > _HEADING_LENGTH and _BULLET.match(previous) is not None and continues_sentence(previous)
    )


_NOT_VISIT = re.compile(r"(?:date of (?:loss|incident)|dol\b|d\.o\.l|loss date)", FLAGS)
# A visit told in a sentence, its date near it: "The drying tech came out Tuesday afternoon, 10
# November", "Yesterday (Wed 11th) she came back". The lines after it are that visit's.
_TOLD_VISIT = re.compile(
    r"\b(?:came (?:out|back|round|over)|was back|went back|re-?visited|came to re-?check)\b", FLAGS
)
_TOLD_VISIT_REACH = 40  # how far from the verb its date may be written


# --- dates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: date | None  # None: day and month could swap and nothing settles it, or no such day


# The years a restoration job's dates fall in: "4471" after a day and month is a job number's tail.
_FIRST_YEAR, _LAST_YEAR = 1900, 2099


def _year(written: str | None) -> int | None:
    if written is None:
        return None
    year = int(written.lstrip("'"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    return year


def _nearer_reading(first: int, second: int, year: int | None, anchor: date | None) -> date | None:
    """ "11/06" the day after "Nov 5, 2026": of the two ways to read a numeric date, the one within a
    few weeks of a date already read, when only one is; else None (it stays undetermined)."""
    if anchor is None:
        return None
    readings = []
    for day, month in ((first, second), (second, first)):
        found = safe_date(year, month, day) if year else _near_anchor(month, day, anchor)
        if found is not None and abs(found - anchor) <= _NEAR:
            readings.append(found)
    return readings[0] if len(set(readings)) == 1 else None


_EARLIEST_YEAR = 1990  # (a job's notes are of these times)


def _near_anchor(month: int, day: int, anchor: date | None) -> date | None:
    """A date written without its year, in the year that puts it nearest the dates around it."""
    if anchor is None:
        return None
    for year in (anchor.year, anchor.year + 1, anchor.year - 1):
        candidate = safe_date(year, month, day)
        if candidate is not None and abs(candidate - anchor) <= _HALF_YEAR:
            return candidate
    return None


def _written_years(lines: Sequence[Line]) -> Counter[int]:
    """How often each year is written in the document's dates: what a two-digit year must fit."""
    years: Counter[int] = Counter()
    for line in lines:
        for match in _DATE.finditer(line.text):
            written = match.group("iso_y") or match.group("ny") or match.group("y1") or match.group("y2")
            if written is not None and (year := _year(written)) is not None:
                years[year] += 1
    return years


def _full_date_separators(lines: Sequence[Line]) -> frozenset[str]:
    """The separators the document writes its full day-month-year dates with ("17-10-2026": "-")."""
    return frozenset(
        match.group("sep")
        for line in lines
        for match in _DATE.finditer(line.text)
        if match.group("n1") and match.group("ny") and len(match.group("ny")) == 4
    )


class Dates:
    """Reads dates, with one decision per document on how to read 03/04/2024 (see module notes)."""

    def __init__(self, lines: Sequence[Line], configured: DateOrder | None) -> None:
        locale = read_locale(lines)
        # Canada writes both orders: only the document's own dates settle it, never a default.
        fallback = None if locale.country == "CA" else configured
        self.order: DateOrder | None = self._settled_order(lines) or locale.date_order or fallback
        self.locale: Locale = locale.model_copy(update={"date_order": self.order})
        self.ambiguous_seen = False
        self._years = _written_years(lines)
        self.own_separators = _full_date_separators(lines)
        self._lines = lines
        self._first_written: tuple[date | None] | None = None

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
                    elif first != second:
                        # "Monday 04/05/2026": only one reading falls on a Monday.
                        weekday = weekday_near(line.text, match.start(), match.end())
                        year = _year(match.group("ny")) or 0
                        order = weekday_order(first, second, year, weekday)
                        if order is not None:
                            evidence.add(order)
        # Both orders in one document: a typo somewhere; no order is settled.
        return evidence.pop() if len(evidence) == 1 else None

    def first_written(self) -> date | None:
        """The first date the document writes with its year: what a yearless day is near when
        nothing closer dates it (a dispatch's "DOL: 10/28/2026" over the tech's "10/29: 26")."""
        if self._first_written is None:
            found = (
                match.value
                for line in self._lines
                if any(char.isdigit() for char in line.text)
                for match in self.find(line.text, None)
                # (a work order's "26-10-4471" is no date: only a year of these times)
                if match.value is not None and _EARLIEST_YEAR <= match.value.year <= date.today().year + 1
            )
            self._first_written = (next(found, None),)
        return self._first_written[0]

    def find(
        self, text: str, anchor: date | None, *, yearless_numeric: bool = False, own_separator: bool = False
    ) -> list[DateMatch]:
        """The dates in `text`. `yearless_numeric`: "16/02" is a date (a visit line, a log's cell);
        `own_separator` too: "18-10" or "19.11" where the document writes "17-10-2026" or "19.11.2026"."""
        found: list[DateMatch] = []
        pos = 0
        while (match := _DATE.search(text, pos)) is not None:
            pos = match.end()
            # "1/2", "24/7" and "3/4 in" are not dates; "16/02" is, on a visit line.
            yearless = match.group("n1") and match.group("ny") is None
            separator = match.group("sep")
            accepted = separator == "/" or (own_separator and separator in self.own_separators)
            if yearless and (not yearless_numeric or not accepted):
                continue
            written = match.group("iso_y") or match.group("ny") or match.group("y1") or match.group("y2")
            if written is not None and not _FIRST_YEAR <= (_year(written) or 0) <= _LAST_YEAR:
                continue  # "WORK ORDER 26-10-4471": a number that is no year makes no date
            month_word = match.group("m1") or match.group("m2")
            if (
                month_word
                and month_word.lower() == "may"
                and not (match.group("y1") or match.group("y2"))
                and not _is_the_month_may(text, match)
            ):
                continue  # "may" without a year is the verb far more often than the month
            if self._spaced_year_unfit(match, anchor):
                # "11 Nov 13 readings" in a 2026 job: a day and month, then a number that is no year
                value = self._day_month(match, anchor, text)
                found.append(DateMatch(match.start(), match.start("y1") - 1, value))
                anchor = value or anchor
                pos = match.start("y1")  # (the number may open the next date: "11 Nov 13 Nov 16 Nov")
                continue
            value = self._parse(match, anchor, text)
            found.append(DateMatch(match.start(), match.end(), value))
            # "Jun 16, 2026 10:05 - ... in the early hours of Jun 15": a date earlier on the line
            # places the yearless ones after it
            anchor = value or anchor
        return found

    def day_and_month(self, first: int, second: int, anchor: date | None) -> date | None:
        """ "13/11" read in the document's settled order, in the year that puts it nearest `anchor`."""
        if self.order is None:
            return None
        day, month = (first, second) if self.order == "DMY" else (second, first)
        return _near_anchor(month, day, anchor)

    def find_with_weekdays(self, text: str, anchor: date | None) -> list[DateMatch]:
        """`find`, plus the yearless days only a weekday places ("Friday the 6th", "Sunday (6/15)")."""
        found = self.find(text, anchor)
        found.extend(_relative_yearless(text, found, anchor))
        if anchor is None:
            # ("Saturday 14/11" in notes that never write a year: the weekday alone places it)
            found.extend(self._weekday_placed(text, found))
            return sorted(found, key=lambda known: known.start)
        for match in _PART_OF_DAY_YEARLESS.finditer(text):
            # ("the evening of 11/11": a part of a day says the number is a day, not a fraction)
            if not any(known.start <= match.start("a") < known.end for known in found):
                value = self._numeric(int(match.group("a")), int(match.group("b")), None, anchor, None)
                found.append(DateMatch(match.start("a"), match.end("b"), value))
        for match in WEEKDAY_ORDINAL.finditer(text):
            weekday = WEEKDAY_NUMBERS[match.group("weekday").lower()[:3]]
            value = weekday_day(int(match.group("day")), weekday, anchor)
            found.append(DateMatch(match.start(), match.end(), value))
        for match in itertools.chain(WEEKDAY_YEARLESS.finditer(text), YEARLESS_WEEKDAY.finditer(text)):
            if any(known.start <= match.start("a") < known.end for known in found):
                continue
            weekday = WEEKDAY_NUMBERS[match.group("weekday").lower()[:3]]
            first, second = int(match.group("a")), int(match.group("b"))
            readings = {"DMY": (second, first), "MDY": (first, second)}
            orders = [self.order] if self.order else ["DMY", "MDY"]
            values = {
                value
                for order in orders
                if (value := _near_anchor(*readings[order], anchor)) is not None
                and value.weekday() == weekday
            }
            if len(values) == 1:
                found.append(DateMatch(match.start("a"), match.end("b"), values.pop()))
        return sorted(found, key=lambda known: known.start)

    def _weekday_placed(self, text: str, found: list[DateMatch]) -> list[DateMatch]:
        """Yearless days beside their weekday with no date yet read: the latest recent year in which
        the day falls on that weekday, when the document's order (or only one order) fits."""
        out: list[DateMatch] = []
        for match in itertools.chain(WEEKDAY_YEARLESS.finditer(text), YEARLESS_WEEKDAY.finditer(text)):
            if any(known.start <= match.start("a") < known.end for known in (*found, *out)):
                continue
            weekday = WEEKDAY_NUMBERS[match.group("weekday").lower()[:3]]
            first, second = int(match.group("a")), int(match.group("b"))
            readings = {"DMY": (second, first), "MDY": (first, second)}
            orders = [self.order] if self.order else ["DMY", "MDY"]
            values = {
                value for order in orders if (value := weekday_year(*readings[order], weekday)) is not None
            }
            if len(values) == 1:
                out.append(DateMatch(match.start("a"), match.end("b"), values.pop()))
        return out

    def _parse(self, match: re.Match[str], anchor: date | None, text: str) -> date | None:
        if match.group("iso_y"):
            return safe_date(int(match.group("iso_y")), int(match.group("iso_m")), int(match.group("iso_d")))
        if match.group("n1"):
            weekday = weekday_near(text, match.start(), match.end())
            return self._numeric(
                int(match.group("n1")), int(match.group("n2")), _year(match.group("ny")), anchor, weekday
            )
        year = _year(match.group("y1") or match.group("y2"))
        if year:
            month_word = (match.group("m1") or match.group("m2")).lower()[:3]
            return safe_date(year, _MONTH_NUMBERS[month_word], int(match.group("d1") or match.group("d2")))
        return self._day_month(match, anchor, text)

    def _spaced_year_unfit(self, match: re.Match[str], anchor: date | None) -> bool:
        """Whether a two-digit year written after a space ("11 Nov 13") fits no other year of the job:
        a year only when it is plainly one (a dash or slash date, "24-Nov-26", keeps its year)."""
        written = match.group("y1")
        if written is None or len(written.lstrip("'")) != 2 or match.group("dsep") != " ":
            return False
        year = _year(written) or 0
        if anchor is not None and abs(anchor.year - year) <= 1:
            return False
        # (itself counted once: another date of the document must agree)
        near = sum(count for other, count in self._years.items() if abs(other - year) <= 1)
        return near <= 1 and (anchor is not None or bool(self._years.keys() - {year}))

    @staticmethod
    def _day_month(match: re.Match[str], anchor: date | None, text: str) -> date | None:
        month = _MONTH_NUMBERS[(match.group("m1") or match.group("m2")).lower()[:3]]
        day = int(match.group("d1") or match.group("d2"))
        if anchor is None and (weekday := weekday_near(text, match.start(), match.end())) is not None:
            return weekday_year(month, day, weekday)
        return _near_anchor(month, day, anchor)

    def _numeric(
        self, first: int, second: int, year: int | None, anchor: date | None, weekday: int | None
    ) -> date | None:
        order = self.order or (weekday_order(first, second, year, weekday) if year else None)
        if first > 12 or (first == second) or (order == "DMY" and second <= 12):
            day, month = first, second
        elif second > 12 or order == "MDY":
            day, month = second, first
        else:
            near = _nearer_reading(first, second, year, anchor)
            if near is None:
                self.ambiguous_seen = True
            return near
        if year:
            return safe_date(year, month, day)
        if anchor is None and weekday is not None:
            return weekday_year(month, day, weekday)
        return _near_anchor(month, day, anchor)


# "she first saw water the evening of 11/11", "on the night of 3/7": a yearless day/month that a
# part of the day introduces, so no fraction or ratio ("3/4 of the floor", "24/7").
_PART_OF_DAY_YEARLESS = re.compile(
    r"\b(?:morning|afternoon|evening|night|early hours|small hours) of (?:the )?"
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})\b(?!/)",
    FLAGS,
)


def _relative_yearless(text: str, found: list[DateMatch], anchor: date | None) -> list[DateMatch]:
    out = []
    for match in _RELATIVE_YEARLESS.finditer(text):
        if any(known.start <= match.start("a") < known.end for known in found):
            continue
        told = [known.value for known in found if known.end <= match.start() and known.value]
        day = told[-1] if told else anchor
        if day is None:
            continue
        day -= _ONE_DAY if match.group("before") else timedelta()
        first, second = int(match.group("a")), int(match.group("b"))
        if (day.day, day.month) in {(first, second), (second, first)}:
            out.append(DateMatch(match.start("a"), match.end(), day))
    return out


# --- visit days --------------------------------------------------------------------------------


def next_anchor(anchor: date | None, values: Sequence[date]) -> date | None:
    """The date later yearless dates are read against: a line's dates in turn, except one more than a
    year before it ("DOL 1/22/2026 ... the washer went in on 3/14/2019" dates no later "1/24" to 2019)."""
    for value in values:
        if anchor is None or value >= anchor - _ANCHOR_BACK:
            anchor = value
    return anchor


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
        header = _mail_header_lines(lines)
        for line in lines:
            found = [match.value for match in dates.find(line.text, anchor) if match.value]
            if self.is_visit_line(line.text) and line.number not in header:
                visit = [m.value for m in dates.find(line.text, anchor, yearless_numeric=True) if m.value]
                # "03/04 21:50 - FNOL from the manager" logs a call, not a visit.
                if visit and not _LOG_ENTRY.search(line.text, 0, _LOG_REACH):
                    return DateFact(value=visit[0], source=line.span())
            anchor = found[-1] if found else anchor
        return None

    def line_dates(self, lines: Sequence[Line], inspection: date | None) -> list[date | None]:
        """The visit date each line falls under; before any visit line, the inspection date."""
        current, anchor, day_one = inspection, inspection, inspection
        result: list[date | None] = []
        header = _mail_header_lines(lines)
        previous = ""
        for line in lines:
            text = line.text
            start = self._start(text)
            if line.number in header:  # "Date: 02/14/2025" in an e-mail's header: when it was sent
                sent = [match.value for match in self._dates.find(text, anchor) if match.value]
                anchor = sent[-1] if sent else anchor  # (it still tells the year of what follows)
                result.append(current)
                continue
            visit = (
                _VISIT_START.match(text, start)
                if not _NOT_VISIT.match(text, start) and not _carries_bullet_on(previous, text)
                else None
            )
            found = self._dates.find(
                text, anchor, yearless_numeric=visit is not None or self.is_visit_line(text)
            )
            values = [match.value for match in found if match.value]
            if visit is not None and not values and anchor is not None:
                # "Thu 6th he came back": the weekday leads the visit, its date written as an ordinal
                values = [
                    match.value for match in self._dates.find_with_weekdays(text, anchor) if match.value
                ]
            if visit is not None and not values and anchor is not None:
                # "Moisture readings they sent me on Monday": a weekday alone beside the story's day
                values = [day for _, _, day in weekdays_alone(text, [], anchor, None)]
            if visit is not None or (
                found
                and _opens_with_day(text, start, found[0])
                and not _NOT_VISIT.match(text, start)
                and not continues_sentence(previous)
            ):
                # "Readings were taken ... at intake. ... On day three (17/07) ...": a visit line's day
                # is one written near its start, not one a later sentence of a long line gives
                own = [m.value for m in found if m.value and m.start <= start + _VISIT_DATE_REACH]
                own = own if found else values  # ("Thu 6th he came back": a weekday's ordinal)
                current, day_one = self._visit_date(visit, own, current, day_one, inspection)
                taken = [
                    m.value
                    for m in found
                    if m.value and _TAKEN_BEFORE.search(text, max(0, m.start - 16), m.start)
                ]
                current = (
                    taken[0] if taken else current
                )  # "15-Sep ... intake log, taken 14-Sep": its rows' day
            elif (told := self._told_visit(text, anchor)) is not None:
                current = told
            elif (field := _visit_field(text, found)) is not None:
                current = field  # ("Property: 1137 E Elm Ave   Site visit: 12/01/2026": the report's own)
            anchor = next_anchor(anchor, values)
            result.append(current)
            previous = text
        return result

    def _told_visit(self, text: str, anchor: date | None) -> date | None:
        """The date of a visit a sentence tells of, written near its verb; None when none is."""
        verb = _TOLD_VISIT.search(text)
        if verb is None:
            return None
        near = [
            found.value
            for found in self._dates.find_with_weekdays(text, anchor)
            if found.value
            and found.end >= verb.start() - _TOLD_VISIT_REACH
            and found.start <= verb.end() + _TOLD_VISIT_REACH
        ]
        return near[0] if len(near) == 1 else None

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
