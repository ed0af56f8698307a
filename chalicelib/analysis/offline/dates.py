"""Dates as people write them, read in the order the document settles: DateMatch and Dates.

The visit days they open (Visits, next_anchor) are in visit_days.py; the date of loss and the first
visit are read from these in job_dates.py."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from chalicelib.analysis.findings import (
    Locale,
)
from chalicelib.analysis.offline.locale import (
    DateOrder,
    read_locale,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
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
MONTH_WORDS = _MONTH_WORDS  # (for readers that must know a day written with its month's name)


_DATE = re.compile(
    r"(?<![\w/.\-])(?:"
    r"(?P<iso_y>\d{4})(?P<iso_sep>[-/.])(?P<iso_m>\d{1,2})(?P=iso_sep)(?P<iso_d>\d{1,2})"
    r"|(?P<n1>\d{1,2})(?P<sep>[/.\-])(?P<n2>\d{1,2})(?:(?P=sep)(?P<ny>\d{4}|\d{2}))?"
    # (a two-digit year follows the day and month's own separator, "24-Nov-26", "3 Nov 26"; in
    # "24-Nov 28-Nov" and "28-Nov 31 / 70" the number after the space is no year)
    rf"|(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?: of)?(?P<dsep>[ \-])(?P<m1>{_MONTH_WORDS})\.?"
    # ("on 11 Nov 13:40" is a time after the day; `Dates.find` weighs "11 Nov 13 readings")
    r"(?:(?:,?[ \-]'?(?=\d{4})|(?P=dsep)'?(?=\d{2}\b(?![:.]\d)))(?P<y1>\d{4}|\d{2}))?"
    # ("Nov. 17/26", "Dec 3/2026": a month's name, its day, then the year after a slash, as North
    # American forms write it; a two-digit one only where the job's other years agree, below)
    rf"|(?P<m2>{_MONTH_WORDS})\.? (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:(?:,? (?=\d{4})|(?P<y2slash>/)(?=\d{2}(?:\d{2})?\b(?!/)))(?P<y2>\d{4}|\d{2}))?"
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
    r"(?: (?:morning|afternoon|evening|night))?,? \(?"
    # ("last night (~2030 on 23/11)", "this morning, about 6.40 am on 21/11": the hour, then the day)
    r"(?:(?:~ ?|approx\.? |about |around |at )?(?:\d{1,2}[:.]?\d{2}|\d{1,2} ?[ap]\.?m\.?)(?: ?hrs)?,?"
    r" (?:on )?)?"
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})\b(?!/)",
    FLAGS,
)


_HALF_YEAR = timedelta(days=183)
_ONE_DAY = timedelta(days=1)
_NEAR = timedelta(days=45)  # how far from a date already read an ambiguous date may be read


BULLETS = re.compile(r"[\s\-*#>\u2022\u2013]*")


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
    few weeks of a date already read, when only one is, or the one that is that very date; else
    None (it stays undetermined)."""
    if anchor is None:
        return None
    readings = []
    for day, month in ((first, second), (second, first)):
        found = safe_date(year, month, day) if year else _near_anchor(month, day, anchor)
        if found is not None and abs(found - anchor) <= _NEAR:
            readings.append(found)
    if anchor in readings:
        return anchor  # ("10/09" under "Oct 9, 2026": the day already read, written again)
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


def _writes_iso_dashes(lines: Sequence[Line]) -> bool:
    """Whether the document writes its full dates year first with dashes ("2026-11-20")."""
    return any(
        match.group("iso_sep") == "-"
        for line in lines
        for match in _DATE.finditer(line.text)
        if match.group("iso_y")
    )


def _iso_month_day(month: int, day: int, anchor: date | None) -> date | None:
    """ "11-23" in a log of "2026-11-20" days: the year-first form without its year, month then day,
    near the days around it (a month and day months away is some other number)."""
    found = _near_anchor(month, day, anchor)
    return found if found is not None and anchor is not None and abs(found - anchor) <= _NEAR else None


_LATEST_YEAR = 2100  # past it a "year" is a job number's digits ("26-10-4471")


def _clock_year() -> int:
    """The last resort for notes that write no year at all and came with no reference day (a library
    caller that passed none): the clock's year, as a reader today would take "Tuesday 10 November".
    The pipeline always passes the day the notes were received, so its findings never depend on it."""
    return date.today().year


def _latest_written_year(years: Counter[int]) -> int | None:
    """The latest year the notes write in their dates (not a job number's digits), or None."""
    return max((year for year in years if _EARLIEST_YEAR <= year <= _LATEST_YEAR), default=None)


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
    """The separators the document writes its full day-month-year dates with ("17-10-2026": "-";
    "09.11.26": "." - two dots or two slashes around a two-digit year are a date's too, where a
    dash's may be a job's number)."""
    return frozenset(
        match.group("sep")
        for line in lines
        for match in _DATE.finditer(line.text)
        if match.group("n1")
        and match.group("ny")
        and (len(match.group("ny")) == 4 or match.group("sep") in "./")
    )


# What makes "on 3/4" a share or a size, not a day: "on 3/4 of the floor", "on 1/2 in ply"; a
# weekday in brackets after it is the weekday reader's to check ("on 02/11 (Monday)").
_NOT_A_DAY_AFTER = re.compile(r"\s*(?:of\b|in\b|inch|\"|ft\b|mm\b|th\b|-?\d|\()", re.IGNORECASE)


# Our coming to the site, just before such a day: "we were on site at 1:35 am on 10/25".
_VISIT_BEFORE = re.compile(
    r"\b(?:on site|arrived|attended|got there|(?:were|was) there|came out|visited|inspected)\b[^.;]*$",
    re.IGNORECASE,
)
_VISIT_REACH = 40


class Dates:
    """Reads dates, with one decision per document on how to read 03/04/2024 (see module notes)."""

    def __init__(
        self, lines: Sequence[Line], configured: DateOrder | None, received: date | None = None
    ) -> None:
        """`received`: the day the notes reached us (the pipeline knows it), bounding the years a
        weekday or a first date may fall in; without it the notes' own written years decide, and
        only notes that write no year at all fall back to the clock's."""
        locale = read_locale(lines)
        # Canada writes both orders: only the document's own dates settle it, never a default.
        fallback = None if locale.country == "CA" else configured
        self.order: DateOrder | None = self._settled_order(lines) or locale.date_order or fallback
        self.locale: Locale = locale.model_copy(update={"date_order": self.order})
        self.ambiguous_seen = False
        self._years = _written_years(lines)
        # (with no reference day, a weekday's year may be the one after the latest the notes write:
        # a date's weekday moves by one or two each year, so that year never competes with its own)
        written = _latest_written_year(self._years)
        self.latest_year: int = received.year if received else written + 1 if written else _clock_year()
        self.own_separators = _full_date_separators(lines)
        # ("2026-11-20: 88   11-23: 71": a log that writes its days year first drops the year on
        # the later ones and keeps month then day; only where it writes no day-month-year with dashes)
        self._iso_tails = "-" not in self.own_separators and _writes_iso_dashes(lines)
        self._lines = lines
        self._first_written: tuple[date | None] | None = None
        # Notes that write no year anywhere ("att 24/11 0940", "25/11 readings"): their days are the
        # ones nearest the day the notes reached us, the only year the job gives.
        self.yearless_anchor: date | None = None if _latest_written_year(self._years) else received

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
                if match.value is not None and _EARLIEST_YEAR <= match.value.year <= self.latest_year + 1
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
            # (written as the year-first form writes them, two digits each: "11-23", "03-04"; "AM 1-4"
            # is a range of units)
            iso_tail = bool(
                own_separator
                and yearless
                and separator == "-"
                and self._iso_tails
                and len(match.group("n1")) == len(match.group("n2")) == 2
            )
            # ("sheet 15.11: boards 38" in notes that write "14.11.2026": a day and month written
            # with the document's own dot, two digits of month, near the job's days; "18.5" or
            # "12.25" far from them is a decimal reading)
            dotted_day = (
                yearless_numeric
                and yearless
                and separator == "."
                and "." in self.own_separators
                and len(match.group("n2")) == 2
            )
            accepted = (
                separator == "/"
                or iso_tail
                or dotted_day
                or (own_separator and separator in self.own_separators)
            )
            # ("were on site at 1:35 am on 10/25 for board-up": a visit's day the preposition "on"
            # names; not any "on 12/11", which may be someone's roadworks or a share)
            named_day = (
                separator == "/"
                and text[max(0, match.start() - 3) : match.start()].lower() == "on "
                and _NOT_A_DAY_AFTER.match(text, match.end()) is None
                and _VISIT_BEFORE.search(text[max(0, match.start() - _VISIT_REACH) : match.start()])
                is not None
            )
            if yearless and (not yearless_numeric or not accepted) and not named_day:
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
                year_at = match.start("y1") if match.group("y1") else match.start("y2")
                found.append(DateMatch(match.start(), year_at - 1, value))
                anchor = value or anchor
                pos = year_at  # (the number may open the next date: "11 Nov 13 Nov 16 Nov")
                continue
            value = (
                _iso_month_day(int(match.group("n1")), int(match.group("n2")), anchor)
                if iso_tail
                else self._parse(match, anchor, text)
            )
            if iso_tail and value is None:
                continue  # ("11-40", or a month and day far from the job's days: no day)
            if dotted_day and not (own_separator and separator in self.own_separators):
                near = anchor or self.first_written()
                if value is None or near is None or abs(value - near) > _NEAR:
                    continue  # (a decimal, or a day and month far from the job's: no day)
            if value is None and yearless and not yearless_numeric:
                continue  # ("on 9/10" with no order or year to place it: no day)
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
                value
                for order in orders
                if (value := weekday_year(*readings[order], weekday, self.latest_year)) is not None
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
        written = match.group("y1") or (match.group("y2") if match.group("y2slash") else None)
        spaced = match.group("dsep") == " " or match.group("y2slash") is not None
        if written is None or len(written.lstrip("'")) != 2 or not spaced:
            return False
        if match.group("y2slash") and int(written) == int(match.group("d2")) + 1:
            return True  # ("Nov 17/18": the 17th and the 18th, two nights, never 2018)
        year = _year(written) or 0
        if anchor is not None and abs(anchor.year - year) <= 1:
            return False
        # (itself counted once: another date of the document must agree)
        near = sum(count for other, count in self._years.items() if abs(other - year) <= 1)
        return near <= 1 and (anchor is not None or bool(self._years.keys() - {year}))

    def _day_month(self, match: re.Match[str], anchor: date | None, text: str) -> date | None:
        month = _MONTH_NUMBERS[(match.group("m1") or match.group("m2")).lower()[:3]]
        day = int(match.group("d1") or match.group("d2"))
        if anchor is None and (weekday := weekday_near(text, match.start(), match.end())) is not None:
            return weekday_year(month, day, weekday, self.latest_year)
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
            return weekday_year(month, day, weekday, self.latest_year)
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
