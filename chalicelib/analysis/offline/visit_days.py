"""The visit days dated lines open: which visit each line of the notes belongs to (Visits), and the
date later yearless dates are read against (next_anchor).

The dates themselves are read in dates.py; readings and equipment are dated by these visit days."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from chalicelib.analysis.findings import DateFact
from chalicelib.analysis.offline.dates import (
    BULLETS,
    DateMatch,
    Dates,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    continues_sentence,
)
from chalicelib.analysis.offline.weekdays import weekdays_alone

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


# A report's numbered section that is a return visit: "4. Re-check, 26th January 2026 (...)", "3) Follow-up
# visit 12/03": the section's number is no part of the visit's words (a numbered section of another
# kind, "3. Moisture readings", is not read as a visit by its number)
_NUMBERED_VISIT = re.compile(
    r"\d{1,2}[.)]\s+(?=(?:site |return |second |third |final )?(?:visit|re-?visit|re-?inspection|re-?checks?"
    r"|follow[- ]?up|re-?reads?)\b)",
    FLAGS,
)


# A header's visit field after another field on its line ("Property: 9 Elm Ave   Site visit:
# 12/01/2026", "Claim 55 | Inspected: 3/4/2026"): the report's own visit, which the readings under it
# belong to, whoever visited first.
_VISIT_FIELD = re.compile(
    r"\b(?:site visit|inspection date|date of inspection|inspected|visit date)\s*:\s*$",
    FLAGS,
)


# A heading of the notes taken on site that names the visit and its day in passing: "---- Tech notes
# (W. K., attended Tue 1/12/26 2.30pm) ----", "== Site notes - on site Mon 3/4 ==", "Technician's
# page (visited 12/11):", "=== Tech notes (site 28/11/2026, 2pm) ===" (the site's day, in brackets).
# The lines under it are that visit's, whatever the header above said.
_VISIT_IN_HEADING = re.compile(
    r"(?:\b(?:attended|on ?site|visited|inspected|arrived)|\(site)\s*:?\s*(?:on\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?$",
    FLAGS,
)
# A heading's line: set off by rules ("----", "==") at either end, or ending with a colon.
_HEADING_RULE = re.compile(r"^\s*[-=#*_~]{3,}|[-=#*_~]{3,}\s*$|:\s*$")


def _visit_field(text: str, found: Sequence[DateMatch]) -> date | None:
    for known in found:
        if known.value and _VISIT_FIELD.search(text, max(0, known.start - 40), known.start):
            return known.value
    if _HEADING_RULE.search(text) is None:
        return None  # ("the plumber attended Tue 1/12 and fixed it": a sentence, no visit's heading)
    for known in found:
        if known.value and _VISIT_IN_HEADING.search(text, max(0, known.start - 40), known.start):
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
    # (a line ending with a colon heads the lines under it, however long: "Re-check 26 November 2026
    # (plumber resealed the tray on 16 November; no demolition yet):" is a visit, no bullet's wrap)
    return (
        len(text) > _HEADING_LENGTH
        and _BULLET.match(previous) is not None
        and continues_sentence(previous)
        and not text.rstrip().endswith(":")
    )


_NOT_VISIT = re.compile(r"(?:date of (?:loss|incident)|dol\b|d\.o\.l|loss date)", FLAGS)
# A visit told in a sentence, its date near it: "The drying tech came out Tuesday afternoon, 10
# November", "Yesterday (Wed 11th) she came back". The lines after it are that visit's.
_TOLD_VISIT = re.compile(
    r"\b(?:came (?:out|back|round|over)|was back|went back|re-?visited|came to re-?check)\b", FLAGS
)
_TOLD_VISIT_REACH = 40  # how far from the verb its date may be written


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
        start = bullets.end() if bullets else 0
        numbered = _NUMBERED_VISIT.match(text, start)
        return numbered.end() if numbered else start

    def is_visit_line(self, text: str) -> bool:
        start = self._start(text)
        if _NOT_VISIT.match(text, start):
            return False
        if _VISIT_START.match(text, start):
            return True
        # ("10.11 attd 16:30" in notes that write "09.11.26": a day and month, placed near the job's
        # first written day as a dotted day must be)
        near = self._dates.first_written()
        return any(found.start == start for found in self._dates.find(text, near, yearless_numeric=True))

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
