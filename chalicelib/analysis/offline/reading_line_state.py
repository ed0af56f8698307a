"""What a line of notes says about the lines around it, for readings: the day that opens it ("Back
on Tuesday 10/03:"), a section of readings it heads ("6. Moisture readings"), or the air it
gives ("Psychrometrics (temperature / RH / GPP)")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from chalicelib.analysis.offline.dates import MONTH_WORDS
from chalicelib.analysis.offline.reading_days import WEEKDAY_LEAD, weekday_on_or_after
from chalicelib.analysis.offline.reading_prose import day_of_month
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_wrapped_days import wrapped_day
from chalicelib.analysis.offline.readings import ReadingDraft
from chalicelib.analysis.offline.text import FLAGS, Line

# "6. Moisture readings", "3) Readings", "Moisture map:": a heading of a section of readings.
# "9. Follow-up readings, 2026-03-20 (same points, same meter)": a date and a note may follow.
# A day written with its month's name: "16 November 2026", "Nov. 16, 2026", "16th Nov".
_NAMED_DAY = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTH_WORDS})\.?|(?:{MONTH_WORDS})\.? \d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,? \d{4})?"
)
_SECTION_HEADING = re.compile(
    r"^[\s\-*#>]*(?:\d{1,2}(?:\.\d{1,2})*[.)]? ?)?(?:[a-z/\-]+ ){0,2}"
    r"(?:moisture (?:readings?|map\w*|log|survey)|readings?|drying log|moisture)(?: ?\([^()]{0,100}\))?"
    # its day, before or after the meter's bracket: "Readings, 16/11/26", "4. Moisture readings
    # (Protimeter, WME) - 16 November 2026" (a numeric day after a dash stays the block's title
    # only: such a block's later "Re-check 11/18 (since 11/05):" lines give their own days)
    rf"(?:,? [\d/.\-]{{4,10}}|(?:,| [-\u2013])? {_NAMED_DAY})?(?: ?\([^()]{{0,100}}\))?\W*$",
    FLAGS,
)


_NOT_SECTION = re.compile(
    r"^[\s\-*#>]*(?:\d{1,2}[.)] ?)?(?:[a-z/]+ ){0,2}(?:equipment|scope|works?|atmospher\w*|psychro\w*"
    r"|recommendations?|summary|photos?|notes|actions?)\b",
    FLAGS,
)


# (a meter's bracket may run long: "3. Moisture (Delmhorst BD-2100; drywall scale 0-100 reads in %,
# wood scale %MC on baseboard and plates)"; the heading's pattern bounds the bracket itself)
_MAX_SECTION_HEADING = 130


METER_WORD = re.compile(r"\b(?:meter|metered|protimeter|tramex|delmhorst)\b", FLAGS)


# A line that heads or gives air readings: "Psychrometrics (temperature / RH / GPP)", "Atmos:",
# "Atmospheric (deg C / %RH / g/kg): 02/10 outside 13 / 86 / 8.1". The lines right after it
# (a list, or a PDF line that wrapped) are air too, until a blank line or a heading of readings.
_AIR_HEADING = re.compile(
    r"^[\s\-*#>]*(?:atmospher\w*|psychrometr\w*|atmos\b|ambient (?:readings|conditions|log)|air (?:readings"
    r"|conditions|log))",
    FLAGS,
)


_READINGS_AGAIN = re.compile(r"^[\s\-*#>]*(?:[a-z]+ ){0,2}(?:moisture|mc|readings?)\b", FLAGS)


# "Back on Tuesday 10/03:", "On Sat 17/01 the", "Then on the Friday, 12/03": words of time, then
# the date. A line that starts with the date itself is dated by its visit already.
_LEAD_DATE = re.compile(
    r"^[\s\-*\u2022>]*(?P<words>(?:(?:back|then|and|but|by|on|until|as of|later)\b[ ,]{1,2}){1,3}"
    r"(?:(?:the )?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? (?:the )?)?"
    r"|(?:the )?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? (?:the )?"
    # ("Day 2, 4/22: Pt 1 = 14 / Pt 2 = 11": a visit's number, then its own date, under "Day 1, 4/21:")
    r"|(?:day|visit) \d{1,2},? "
    # ("Dry standards, 01/12: lounge skirting 12": the day the reference points were read)
    r"|dry (?:standards?|stds?\.?),? )(?=\d)",
    FLAGS,
)


# "Contractor's day-2 sheet, 16.11 (Protimeter, WME): hall boards 30", "Owner's log 3/12 - slab 5": a
# short label of words, then the one day its readings were taken, a meter's bracket, then the
# readings after a colon or a dash. (The label has no number of its own but a visit's "day-2".)
_LABEL_THEN_DAY = re.compile(
    r"^[\s\-*\u2022>]*(?:[a-z][a-z'\u2019]*(?:-\d{1,2})?,? ){1,6}(?P<day>\S{3,12}?),?"
    r"(?: ?\([^()]{0,60}\))?\s*(?::|\s[-\u2013]\s)",
    FLAGS,
)


# "(readings 07-16)", "(read Oct 18)", "(readings taken 3/4)": a log entry's readings of another day
_READINGS_OF = re.compile(
    r"\((?:readings?|read)(?: taken| of| from| on| dated)? (?P<day>[^()]{3,20})\)", FLAGS
)
# A bracket closing the line that gives all its values one day: "(both 12/02)", "(all read 4 May)"
_ALL_READ_ON = re.compile(
    r"\((?:both|all|each)(?: (?:two|three|four|of them|values|readings))?(?: (?:read|taken|measured))?"
    r"(?: on)? (?P<day>[^()]{3,20})\)[.;]?\s*$",
    FLAGS,
)
_NEAR_DAYS = 60  # a day the readings were taken is near the entry's

_LEAD_ORDINAL = re.compile(
    r"^[\s\-*\u2022>]*(?:"
    r"(?:(?:back|then|and|but|by|on|until|as of|later)\b[ ,]{1,2}){1,3}"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? )?"
    # ("- Saturday the 24th: 13, 12", "- first morning, the 20th: ..."): a visit's list item led by
    # its weekday or by which visit it was, then its day of the month
    r"|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?|(?:first|second|third|next|last|final)"
    r" (?:morning|day|visit|check|attendance)),? "
    r")the (?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b",
    FLAGS,
)


# "Monday: drywall behind the fridge 32%, ...", "Tue - 24, 19", "Wednesday (yesterday): 17, 14": a
# visit's line led by its weekday alone
_LEAD_WEEKDAY = re.compile(rf"^[\s\-*\u2022>]*{WEEKDAY_LEAD}\s*[:\-\u2013]\s", FLAGS)


# "Readings on the first morning (...)", "At our initial visit the ...", "On the first day:": a
# paragraph of readings dated by the first visit in words; the line's own day may be the loss's.
_LEAD_FIRST_VISIT = re.compile(
    r"^[\s\-*\u2022>]*(?:(?:moisture |meter |initial )?readings?(?: taken| were taken)? )?(?:on|at|during)"
    r" (?:the|our) (?:first|initial) (?:morning|day|visit|inspection|attendance)\b",
    FLAGS,
)


# A heading's readings said to be the first visit's: "Their day-one readings, Protimeter ...:",
# "Intake readings (pins):", "first-day moisture readings".
_DAY_ONE_READINGS = re.compile(
    r"\b(?:day[- ]?(?:one|1)|first[- ]day|intake|initial|first[- ]visit)(?:'s)? (?:moisture )?readings\b",
    FLAGS,
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")


def _last_sentence(text: str) -> str:
    return _SENTENCE_END.split(text)[-1]


# A date on a line of its own: a bullet or a weekday may lead it, a colon or a dash end it.
_DATE_ALONE_LEAD = re.compile(r"[\s\-*\u2022#>]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? )?", FLAGS)
# ("02/12/2026 (after the re-flash, no equipment used)": a note in brackets on the day, no values)
_DATE_ALONE_TAIL = re.compile(r"[\s:\-\u2013]*(?:\([^()\d]{0,80}\)[\s:]*)?", FLAGS)
_MAX_DATE_ALONE = 110
# A dated entry's day, then its colon or dash, then its items: "- 2026-03-09: north wall 31%"
_ENTRY_MARK = re.compile(r"\s*(?::|\s[-\u2013\u2014])\s+\S")
_ENTRY_LOOK = 40


_WRAPPED_LOOK_BACK = 40  # (the line above's readings are the last few: bounded)


@dataclass(frozen=True)
class _LeadDate:
    line: int
    value: date | None
    carries: bool  # a heading's date, for the lines under it


class ReadingLineState:
    """Line-by-line state of the readings scan, kept in the scan's own attributes."""

    _rows: RowReader | None
    readings: list[ReadingDraft]

    def _lead_date(self, line: Line, taken_on: date | None) -> date | None:
        """The day a line's readings were taken: the date that opens it after a few words ("Back on
        Tuesday 10/03: ...", "On Saturday 17/01 the laundry ..."), or the date of the heading above
        it ("Then on Fri 12/03:" over a list, until a blank line); else the visit's."""
        cached = self.__dict__.get("_lead")
        if isinstance(cached, _LeadDate) and cached.line == line.number:
            return cached.value
        carried = (
            cached.value
            if isinstance(cached, _LeadDate) and cached.carries and cached.line == line.number - 1
            else None
        )
        # ("- 04/14: hall wall 22%; vinyl" / "underlay 30%": the rest of the line above's list)
        wrapped = self._wrapped_day(line, taken_on)
        value, carries = carried or wrapped or taken_on, carried is not None
        lead = _LEAD_DATE.match(line.text)
        heading = (
            line.text.rstrip().endswith(":")
            or _SECTION_HEADING.match(line.text) is not None
            or self._date_alone(line.text, taken_on)
        )
        ordinal = _LEAD_ORDINAL.match(line.text)
        anchor = taken_on or (self._rows.day_one if self._rows is not None else None)
        if _LEAD_FIRST_VISIT.match(line.text) and self._rows is not None and self._rows.day_one is not None:
            self.__dict__["_lead"] = _LeadDate(line.number, self._rows.day_one, carries=False)
            return self._rows.day_one
        if ordinal is not None and anchor is not None:
            # "On Monday the 9th he came back. The hallway wall was 14": that day, in the job's month
            day = day_of_month(anchor, int(ordinal.group("day")))
            if day is not None:
                self.__dict__["_lead"] = _LeadDate(line.number, day, carries=False)
                return day
        weekday = _LEAD_WEEKDAY.match(line.text)
        if weekday is not None and anchor is not None:
            # placed from the visit, or from the weekday lines before it ("Monday:", then "Tuesday:")
            reached = self.__dict__.get("_weekday_reached")
            since = max(anchor, reached) if isinstance(reached, date) else anchor
            day = weekday_on_or_after(since, weekday.group("weekday"))
            self.__dict__["_weekday_reached"] = day
            self.__dict__["_lead"] = _LeadDate(line.number, day, carries=False)
            return day
        entry = self._entry_day(line.text, taken_on) if not heading and lead is None else None
        if entry is not None:
            # ("- 2026-03-09: north wall 31%; ..." under "- 2026-03-07:" and its items: a dated entry
            # of its own, the heading's day no longer carried past it)
            value, carries = entry, False
        labelled = _LABEL_THEN_DAY.match(line.text) if not heading and lead is None else None
        if labelled is not None and self._rows is not None:
            found = self._rows.dates.find(labelled.group("day"), taken_on, yearless_numeric=True)
            if (
                len(found) == 1
                and found[0].value is not None
                and found[0].end - found[0].start == len(labelled.group("day"))
            ):
                value, carries = found[0].value, False
        if (heading or (lead is not None and lead.group("words"))) and self._rows is not None:
            found = [m for m in self._rows.dates.find(line.text, taken_on, yearless_numeric=True) if m.value]
            if found and lead is not None and found[0].start == lead.end() and found[0].value is not None:
                value, carries = found[0].value, heading
            elif heading and len(found) == 1 and found[0].value is not None:
                # "In-slab RH probes (hygrometer, read after 72 h) 15/05:" dates the lines under it
                value, carries = found[0].value, True
            elif (
                heading
                and found
                and found[0].value == taken_on
                and _DATE_ALONE_LEAD.match(line.text).end() == found[0].start  # type: ignore[union-attr]
            ):
                # "30 November (after the plumber came on 28 November):": the date that opens a
                # heading, the visit's, is its day, whatever day its aside tells of ("15-Sep review of
                # the log taken 14-Sep:" is the log's day, the visit's reader says)
                value, carries = found[0].value, True
        if (
            heading
            and self._rows is not None
            and self._rows.day_one is not None
            and _DAY_ONE_READINGS.search(_last_sentence(line.text))
        ):
            # ("23/11 Their report in. Their day-one readings, pins (WME):" over the list: read on
            # the first visit, whatever day the note that passes them on was written)
            value, carries = self._rows.day_one, True
        stated = _READINGS_OF.search(line.text)
        if stated is not None and self._rows is not None:
            # "2026-07-17 09:15 - Update from vendor (readings 07-16): ...": the day they were read
            day = self._stated_day(stated.group("day"), value)
            self.__dict__["_stated_line"] = line.number if day is not None else None
            value = day or value
        closing = _ALL_READ_ON.search(line.text) if stated is None else None
        if closing is not None and self._rows is not None:
            # ("Dry standard: office drywall 0.3 %, ply 9 %MC (both 12/02).": every value of the line
            # was read on the day its closing bracket says)
            value = self._stated_day(closing.group("day"), value) or value
        self.__dict__["_lead"] = _LeadDate(line.number, value, carries)
        return value

    def _entry_day(self, text: str, taken_on: date | None) -> date | None:
        """The day a dated entry opens with, a colon or a dash after it ("- 11/03: hall 22%")."""
        if self._rows is None:
            return None
        found = self._rows.dates.find(text[:_ENTRY_LOOK], taken_on, yearless_numeric=True)
        if not found or found[0].value is None or _DATE_ALONE_LEAD.fullmatch(text, 0, found[0].start) is None:
            return None
        return found[0].value if _ENTRY_MARK.match(text, found[0].end) is not None else None

    def _wrapped_day(self, line: Line, taken_on: date | None) -> date | None:
        """The day of the line above when this line is the rest of its wrapped list of readings."""
        previous = self.__dict__.get("_previous_line")
        self.__dict__["_previous_line"] = line
        if not isinstance(previous, Line) or previous.number != line.number - 1 or self._rows is None:
            return None
        days = [
            reading.taken_on
            for reading in self.readings[-_WRAPPED_LOOK_BACK:]
            if reading.source.line == previous.number
        ]
        return wrapped_day(previous.text, line.text, days, self._rows.dates, taken_on)

    def _date_alone(self, text: str, anchor: date | None) -> bool:
        """ "24/07/2026" or "Wed 24/07" on a line of its own over a list of readings: the day of the
        lines under it (until a blank line), whatever the visit the notes were on."""
        if self._rows is None or len(text) > _MAX_DATE_ALONE:
            return False
        found = self._rows.dates.find(text, anchor, yearless_numeric=True)
        if len(found) != 1 or found[0].value is None:
            return False
        return (
            _DATE_ALONE_LEAD.fullmatch(text, 0, found[0].start) is not None
            and _DATE_ALONE_TAIL.fullmatch(text, found[0].end) is not None
        )

    def _without_entry_head(self, line: Line) -> Line:
        """A log entry's head up to its "(readings 07-16)" blanked (offsets kept): its timestamp
        is when the entry was written, not when its readings were taken."""
        stated = _READINGS_OF.search(line.text)
        if stated is None or self.__dict__.get("_stated_line") != line.number:
            return line  # ("(read after demo)" states no day: the line stays as written)
        return replace(line, text=" " * stated.end() + line.text[stated.end() :])

    def _stated_day(self, words: str, anchor: date | None) -> date | None:
        """The day a bracket says the line's readings were taken: a date, or a month and day
        written with a dash in the notes' own order ("07-16" in notes that write 2026-07-17)."""
        assert self._rows is not None
        found = self._rows.dates.find(words, anchor, yearless_numeric=True)
        if found and found[0].value is not None:
            return found[0].value
        dashed = re.fullmatch(r"(\d{1,2})-(\d{1,2})", words.strip())
        if dashed is None or anchor is None:
            return None
        first, second = int(dashed.group(1)), int(dashed.group(2))
        month, day = (second, first) if self._rows.dates.order == "DMY" else (first, second)
        try:
            stated = date(anchor.year, month, day)
        except ValueError:
            return None
        return stated if abs((stated - anchor).days) <= _NEAR_DAYS else None

    def _note_section(self, line: Line) -> None:
        """A section of readings the block reader does not see ("6. Moisture readings", numbered),
        with its dated subheadings and "- place: value" items, until a blank line."""
        previous = self.__dict__.get("_section")
        if (_SECTION_HEADING.match(line.text) and len(line.text) <= _MAX_SECTION_HEADING) or (
            isinstance(previous, int) and previous == line.number - 1 and not _NOT_SECTION.match(line.text)
        ):
            self.__dict__["_section"] = line.number

    def _note_air(self, line: Line) -> None:
        """Whether a line gives the air, not materials: under "Psychrometrics (temperature / RH /
        GPP)" or "Atmospheric (deg C / %RH / g/kg): 02/10 outside 13 / 86 / 8.1, lounge 18 / 77"
        and the lines right after it, until a blank line."""
        previous = self.__dict__.get("_air")
        carried = isinstance(previous, int) and previous == line.number - 1
        if _AIR_HEADING.match(line.text) or (carried and not _READINGS_AGAIN.match(line.text)):
            self.__dict__["_air"] = line.number

    def _is_air(self, line: Line, written: str) -> bool:
        """A number on a line of air readings, unless its moisture scale is written ("%MC", "WME")."""
        return self.__dict__.get("_air") == line.number and written not in ("%MC", "WME")
