"""Dates as people write them, in the order the document settles, and the visit days they open."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
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
    WINDOW,
    Line,
    Sentences,
    around,
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


# Weekday names, as written before or after a date ("Sat 13/06/26", "03/04/26 (Wed evening)").
_WEEKDAY = (
    r"(?P<weekday>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)"
)


_WEEKDAY_BEFORE = re.compile(
    rf"\b{_WEEKDAY}\.?,?(?: (?:morning|afternoon|evening|night))?,? \(?(?:the )?$", FLAGS
)


_WEEKDAY_AFTER = re.compile(rf"^,? ?\(?{_WEEKDAY}\b", FLAGS)


_WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


# "Friday the 6th", "Monday the 9th": a day of the month that only its weekday places.
_WEEKDAY_ORDINAL = re.compile(rf"\b{_WEEKDAY},? the (?P<day>\d{{1,2}})(?:st|nd|rd|th)\b", FLAGS)


# "Sunday morning (6/15)": a yearless numeric date that a weekday beside it confirms.
_WEEKDAY_YEARLESS = re.compile(
    rf"\b{_WEEKDAY}(?: (?:morning|afternoon|evening|night))?,? \(?(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})\b(?!/)",
    FLAGS,
)


_WEEKDAY_REACH = 25  # how far before a date its weekday may be written

_HALF_YEAR = timedelta(days=183)


_NEAR_DAYS = timedelta(days=45)  # how far from the dates around it a weekday-only date may fall


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


# A dated log line that records a call or a report rather than anyone on site.
_LOG_ENTRY = re.compile(
    r"\b(?:fnol|first notice|call(?:ed)?(?! ?(?:out|back))|phoned|rang|e-?mail(?:ed)?|reported|notified"
    r"|lodged|update by)\b",
    FLAGS,
)


_LOG_REACH = 50  # a log line says what it records within its first words


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


def _weekday_near(text: str, start: int, end: int) -> int | None:
    """The weekday written just before or just after a date, as 0 (Monday) to 6."""
    match = _WEEKDAY_BEFORE.search(text[max(0, start - _WEEKDAY_REACH) : start]) or _WEEKDAY_AFTER.match(
        text[end : end + _WEEKDAY_REACH]
    )
    return _WEEKDAY_NUMBERS[match.group("weekday").lower()[:3]] if match else None


def _weekday_order(first: int, second: int, year: int, weekday: int | None) -> DateOrder | None:
    """Which reading of 04/05/2026 falls on the weekday written beside it, when only one does."""
    if weekday is None:
        return None
    day_first = _safe_date(year, second, first)
    month_first = _safe_date(year, first, second)
    fits_dmy = day_first is not None and day_first.weekday() == weekday
    fits_mdy = month_first is not None and month_first.weekday() == weekday
    if fits_dmy != fits_mdy:
        return "DMY" if fits_dmy else "MDY"
    return None


class Dates:
    """Reads dates, with one decision per document on how to read 03/04/2024 (see module notes)."""

    def __init__(self, lines: Sequence[Line], configured: DateOrder | None) -> None:
        locale = read_locale(lines)
        # Canada writes both orders: only the document's own dates settle it, never a default.
        fallback = None if locale.country == "CA" else configured
        self.order: DateOrder | None = self._settled_order(lines) or locale.date_order or fallback
        self.locale: Locale = locale.model_copy(update={"date_order": self.order})
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
                    elif first != second:
                        # "Monday 04/05/2026": only one reading falls on a Monday.
                        weekday = _weekday_near(line.text, match.start(), match.end())
                        year = _year(match.group("ny")) or 0
                        order = _weekday_order(first, second, year, weekday)
                        if order is not None:
                            evidence.add(order)
        # Both orders in one document: a typo somewhere; no order is settled.
        return evidence.pop() if len(evidence) == 1 else None

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
            found.append(_DateMatch(match.start(), match.end(), self._parse(match, anchor, text)))
        return found

    def find_with_weekdays(self, text: str, anchor: date | None) -> list[_DateMatch]:
        """`find`, plus the yearless days only a weekday places ("Friday the 6th", "Sunday (6/15)")."""
        found = self.find(text, anchor)
        if anchor is None:
            return found
        for match in _WEEKDAY_ORDINAL.finditer(text):
            weekday = _WEEKDAY_NUMBERS[match.group("weekday").lower()[:3]]
            value = _weekday_day(int(match.group("day")), weekday, anchor)
            found.append(_DateMatch(match.start(), match.end(), value))
        for match in _WEEKDAY_YEARLESS.finditer(text):
            if any(known.start <= match.start("a") < known.end for known in found):
                continue
            weekday = _WEEKDAY_NUMBERS[match.group("weekday").lower()[:3]]
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
                found.append(_DateMatch(match.start("a"), match.end(), values.pop()))
        return sorted(found, key=lambda known: known.start)

    def _parse(self, match: re.Match[str], anchor: date | None, text: str) -> date | None:
        if match.group("iso_y"):
            return _safe_date(int(match.group("iso_y")), int(match.group("iso_m")), int(match.group("iso_d")))
        if match.group("n1"):
            weekday = _weekday_near(text, match.start(), match.end())
            return self._numeric(
                int(match.group("n1")), int(match.group("n2")), _year(match.group("ny")), anchor, weekday
            )
        month_word = (match.group("m1") or match.group("m2")).lower()[:3]
        day = int(match.group("d1") or match.group("d2"))
        year = _year(match.group("y1") or match.group("y2"))
        month = _MONTH_NUMBERS[month_word]
        return _safe_date(year, month, day) if year else _near_anchor(month, day, anchor)

    def _numeric(
        self, first: int, second: int, year: int | None, anchor: date | None, weekday: int | None
    ) -> date | None:
        order = self.order or (_weekday_order(first, second, year, weekday) if year else None)
        if first > 12 or (first == second) or (order == "DMY" and second <= 12):
            day, month = first, second
        elif second > 12 or order == "MDY":
            day, month = second, first
        else:
            self.ambiguous_seen = True
            return None
        return _safe_date(year, month, day) if year else _near_anchor(month, day, anchor)


def _weekday_day(day: int, weekday: int, anchor: date) -> date | None:
    """The one date near `anchor` (its month or the next or last) with this day and weekday."""
    candidates = set()
    for shift in (-1, 0, 1):
        month_index = anchor.year * 12 + anchor.month - 1 + shift
        candidate = _safe_date(month_index // 12, month_index % 12 + 1, day)
        if candidate is not None and candidate.weekday() == weekday and abs(candidate - anchor) <= _NEAR_DAYS:
            candidates.add(candidate)
    return candidates.pop() if len(candidates) == 1 else None


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
                # "03/04 21:50 - FNOL from the manager" logs a call, not a visit.
                if visit and not _LOG_ENTRY.search(line.text, 0, _LOG_REACH):
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


# --- the loss and the first visit --------------------------------------------------------------

_LINE_START = r"(?:^|[|;] ?)[\s\-*#>\u2022]*"


_LOSS_DATE_LABEL = re.compile(
    r"\b(?:date of (?:the )?(?:loss|incident|damage|event|escape)|d\.?o\.?l\b\.?"
    r"|loss (?:date|occurred|happened|discovered)|incident date|date loss|event date"
    r"|(?:loss|damage|incident|leak|flood|fire) occurred(?: on)?)"
    rf"|{_LINE_START}(?:loss|event|incident)\b ?[:\-]",
    FLAGS,
)


_INSPECTION_LABEL = re.compile(
    r"\b(?:(?:inspection|assessment|survey|visit|attendance|arrival) date|date (?:of )?(?:our |the |first "
    r"|initial )?(?:inspection|assessment|attendance|visit|survey|arrival)"
    r"|date (?:inspected|attended|assessed|surveyed)|inspected(?: on)?|attended(?: site)?(?: on)?|attendance"
    r"|(?:site|initial|first) (?:visit|inspection|attendance|access|assessment)|first attended|on site"
    r"|arrived(?: on site)?|surveyed(?: on)?|inspection)\b"
    rf"|{_LINE_START}(?:att|attd|visit|survey|arrival|inspection|assessment)\b\.? ?[:\-]?",
    FLAGS,
)


# Someone of ours (or the inspector) reaching the site, in prose: "we got to the house on ...".
_ARRIVAL = re.compile(
    r"\b(?:came(?: out| round| over| on\b| the next| that| to (?:the |our |their |her |his )?(?:house|home"
    r"|property|place|site|job|flat|unit))|got (?:there|to)|arrived|turned up|(?:were|was) (?:there|on site)"
    r"|attended|visited|inspected)\b",
    FLAGS,
)


_OUR_SIDE = re.compile(
    r"\b(?:we|I|he|she|they|restorer|restoration|technician|tech|inspector|assessor|adjuster|crew|team"
    r"|company|contractor)\b",
    FLAGS,
)


# Trades and services whose visit is not the inspection ("Plumber attended 01/03"), and whose work
# is not the loss ("the roofer replaced the boot on 02/24").
_THIRD_PARTY = re.compile(
    r"\b(?:plumbers?|electricians?|roofers?|builders?|leak detect(?:ion|or)|fire (?:brigade|crews?|service"
    r"|department)|firefighters|ses|police|locksmith|glazier|agent|(?:property|building|strata) manager"
    r"|council|landlord)\b",
    FLAGS,
)


_RETURN = re.compile(r"\b(?:came back|come back|returned|came again|back on site|re-?attended)\b", FLAGS)


# Dates of something other than the loss: a call, a discovery, a tradesman's work, an install.
_NOT_LOSS_EVENT = re.compile(
    r"\b(?:call(?:ed|s)?|rang|phoned|phone|contacted|e-?mailed|reported|notified|lodged|fnol|noticed"
    r"|discovered|found|saw|spotted|plumbers?|roofers?|electricians?|builders?|leak detection|installed"
    r"|fitted|replaced|repaired|serviced|quoted?|invoiced?|warning|issued|forecast|last used|booked"
    r"|scheduled|purchased|bought|since|new|set|placed|pulled|removed|extracted|equipment|air movers?"
    r"|dehumidifiers?|dehus?|readings?|read|we did)\b",
    FLAGS,
)


_EVENT_REACH = 50  # how far from a date the words saying what it dates may be


_ARRIVAL_REACH = 60  # how far after an arrival its date may be


# "the night before we attended": a loss dated only by the first visit.
_BEFORE_WE_ATTENDED = re.compile(
    r"\b(?:the )?(?:night|evening|day|afternoon) before (?:we|I|the (?:tech|technician|restorer|crew))"
    r" (?:attended|arrived|got there|came|were called out)\b",
    FLAGS,
)


_DAY = timedelta(days=1)


@dataclass
class _Found:
    value: date
    line: Line

    def fact(self) -> DateFact:
        return DateFact(value=self.value, source=self.line.span())


class JobDates:
    """The date of loss and the first visit, each from a label, else from what the prose says."""

    def __init__(self, dates: Dates, visits: Visits, about_loss: Callable[[str], bool]) -> None:
        self._dates = dates
        self._visits = visits
        self._about_loss = about_loss  # the job topic knows what a sentence about the loss looks like

    def read(self, lines: Sequence[Line]) -> tuple[DateFact | None, DateFact | None]:
        loss_labelled: _Found | None = None
        inspection_labelled: _Found | None = None
        arrival: _Found | None = None
        loss_told: list[_Found] = []
        relative: Line | None = None
        anchor: date | None = None
        for line in lines:
            if not line.text:
                continue
            found = [match for match in self._dates.find_with_weekdays(line.text, anchor) if match.value]
            loss_labelled = loss_labelled or self._labelled(_LOSS_DATE_LABEL, line, found, third_party=False)
            inspection_labelled = inspection_labelled or self._labelled(_INSPECTION_LABEL, line, found)
            arrival = arrival or self._arrival(line, found)
            loss_told.extend(self._loss_sentences(line, found))
            if relative is None and _BEFORE_WE_ATTENDED.search(line.text):
                relative = line
            anchor = found[-1].value if found else anchor
        inspection = inspection_labelled or arrival
        inspection_fact = inspection.fact() if inspection else self._visits.first_visit(lines, self._dates)
        first_visit = inspection_fact.value if inspection_fact else None
        return self._loss(loss_labelled, loss_told, relative, first_visit), inspection_fact

    @staticmethod
    def _loss(
        labelled: _Found | None, told: list[_Found], relative: Line | None, first_visit: date | None
    ) -> DateFact | None:
        # A labelled loss after the first visit contradicts it: a loss the prose dates before the
        # visit is taken instead; with none, the label stands as written and QA says it conflicts.
        candidates = [labelled] if labelled else []
        candidates.extend(told)
        for candidate in candidates:
            if first_visit is None or candidate.value <= first_visit:
                return candidate.fact()
        if labelled is not None:
            return labelled.fact()
        if relative is not None and first_visit is not None and not candidates:
            return DateFact(value=first_visit - _DAY, source=relative.span())
        return None

    @staticmethod
    def _labelled(
        label: re.Pattern[str], line: Line, found: list[_DateMatch], *, third_party: bool = True
    ) -> _Found | None:
        text = line.text
        for match in label.finditer(text):
            if third_party and _THIRD_PARTY.search(
                text, max(0, match.start() - _LABEL_TO_DATE), match.start()
            ):
                continue  # "plumber attended 01/03": someone else's visit
            for known in found:
                if match.end() <= known.start <= match.end() + _LABEL_TO_DATE and known.value:
                    return _Found(known.value, line)
        return None

    @staticmethod
    def _arrival(line: Line, found: list[_DateMatch]) -> _Found | None:
        text = line.text
        sentences = Sentences(text)
        starts = [known.start for known in found]
        for cue in _ARRIVAL.finditer(text):
            start, end = around(sentences, cue.start(), cue.end())
            if not _is_our_arrival(text, cue, start, end):
                continue
            # The first date after the cue, found by bisection so a long line stays linear.
            index = bisect_left(starts, cue.end())
            if index < len(found) and found[index].start <= min(end, cue.end() + _ARRIVAL_REACH):
                value = found[index].value
                if value is not None:
                    return _Found(value, line)
        return None

    def _about_loss_near(self, text: str, sentences: Sentences, start: int, end: int, at: int) -> bool:
        """Whether the date's sentence (near the date) or the start of the next one is about the loss.

        "Saturday night, 1/17, the heat tape quit. The line froze and split.": the sentence after may
        say what the dated one was about. Both are read only near the date, to stay linear.
        """
        if self._about_loss(text[start:end]):
            return True
        sentence_end = sentences.bounds(at)[1]
        return sentence_end - at <= 2 * WINDOW and self._about_loss(
            text[sentence_end : sentence_end + 2 * WINDOW]
        )

    def _loss_sentences(self, line: Line, found: list[_DateMatch]) -> list[_Found]:
        """Dates in sentences about the loss itself, not a visit, a call or a tradesman's work."""
        text = line.text
        if not found or self._visits.is_visit_line(text):
            return []
        sentences = Sentences(text)
        out = []
        for known in found:
            start, end = around(sentences, known.start, known.end)
            near_start, near_end = max(start, known.start - _EVENT_REACH), min(end, known.end + _EVENT_REACH)
            if (
                known.value is None
                or not self._about_loss_near(text, sentences, start, end, known.start)
                or _NOT_LOSS_EVENT.search(text, near_start, near_end)
                or _THIRD_PARTY.search(text, start, known.start)
                or any(
                    _is_our_arrival(text, cue, start, end)
                    for cue in _ARRIVAL.finditer(text, near_start, near_end)
                )
                or _INSPECTION_LABEL.search(text, near_start, near_end)
            ):
                continue
            out.append(_Found(known.value, line))
        return out


def _is_our_arrival(text: str, cue: re.Match[str], start: int, end: int) -> bool:
    """ "We got to the house", "the inspector came out": not "the plumber attended", not a return."""
    before = text[max(start, cue.start() - _ARRIVAL_REACH) : cue.start()]
    return (
        _OUR_SIDE.search(before) is not None
        and _THIRD_PARTY.search(before) is None
        and _RETURN.search(text, cue.start(), min(end, cue.end() + 10)) is None
    )
