"""The day a line was written on, and the words that mean it: "today", "this morning", "this AM",
"yesterday arvo" (job_dates.py).

A mail is written on the day its header gives ("Sent: 27 January 2026 16:52"); field notes on the
day their title gives ("quick notes 4/2/26 - unit 14B ..."); a file note's entry on the day that
heads it ("2026-07-14 15:30 - Call with vendor", "- Friday 10 April: ..."). In notes, an entry's day
holds for the undated lines under it ("11/28/26 arr 10:40" then "Src: ... split when it thawed this
AM"); in a mail, the lines between a timeline's entries are the mail's own.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from chalicelib.analysis.offline.dates import DateMatch
from chalicelib.analysis.offline.text import FLAGS, Line

_TODAY = re.compile(r"\b(?:today|this (?:morning|afternoon|am|pm|arvo)|earlier today)\b", FLAGS)
_YESTERDAY = re.compile(r"\b(?:yesterday|last night)\b", FLAGS)
_MAIL_DATE = re.compile(r"^\s*(?:sent|date)\s*:", FLAGS)
# "quick notes 4/2/26 - unit 14B", "Site notes, 12 March 2026": a title that dates the notes.
_NOTES_TITLE = re.compile(r"\W*(?:(?:quick|site|field|tech|job|visit|on-?site) )notes?\W{0,3}", FLAGS)
# What may lead a line before its own date: bullets, and a weekday ("- Friday 10 April: ...").
# ("Tue 1/12/26", "Thurs. 3 June": the weekday as notes shorten it)
_ENTRY_LED = re.compile(
    r"[\s\-*#>\u2022]*(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,? )?",
    FLAGS,
)
# "Attended: Sat 21/11/26 14:10 (tech: R. V.)", "att 24/11 0940", "Site visit - Tue 3/3/26": a
# visit's own field heading the notes; what they say under it ("let go at 06:40 this morning") was
# written that day, as under an entry that opens with its date.
_VISIT_LED = re.compile(
    r"[\s\-*#>\u2022]*(?:(?:first |site |our )?(?:attended|attendance|arrived|arrival|visit(?: ?1)?"
    r"|inspection|inspected|on ?site)|att|attd)\b\.?\s*[:\-\u2013]?\s*"
    r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,? )?",
    FLAGS,
)
_DAY = timedelta(days=1)


class WrittenDays:
    """The day each line was written on, read in order."""

    def __init__(self) -> None:
        self._header: date | None = None  # a mail's or a title's date
        self._entry: date | None = None  # the last entry's, in notes
        self.mailed = False
        self.sent: date | None = None  # the day a mail was sent: it tells of no day after it

    @property
    def entry(self) -> date | None:
        """The day of the notes' entry the lines are under (never a mail's: a mail tells of any day)."""
        return None if self.mailed else self._entry

    def read(self, line: Line, found: list[DateMatch]) -> date | None:
        """The day this line was written on (its entry's, its notes' or its mail's), or None."""
        header = found[0].value if found and _MAIL_DATE.match(line.text) else None
        if header is None and found and _NOTES_TITLE.fullmatch(line.text, 0, found[0].start):
            header = found[0].value
        if header is not None and self._header is None:
            self._header = header
            if _MAIL_DATE.match(line.text):
                self.mailed, self.sent = True, header
            return header
        entry = entry_date(line, found)
        if entry is None and found and found[0].value and _VISIT_LED.fullmatch(line.text, 0, found[0].start):
            entry = found[0].value
        if entry is not None:
            if not self.mailed:
                self._entry = entry
            return entry
        return self._entry or self._header


def entry_date(line: Line, found: list[DateMatch]) -> date | None:
    """The date a line opens with, as a file note's entry does."""
    if found and found[0].value and _ENTRY_LED.fullmatch(line.text, 0, found[0].start):
        return found[0].value
    return None


def with_today(line: Line, found: list[DateMatch], day: date | None) -> list[DateMatch]:
    """The line's dates, with "today" or "this morning" read as the day it was written on, and
    "yesterday" or "last night" as the day before."""
    if day is None:
        return found
    told = [DateMatch(m.start(), m.end(), day) for m in _TODAY.finditer(line.text)]
    told += [DateMatch(m.start(), m.end(), day - _DAY) for m in _YESTERDAY.finditer(line.text)]
    return sorted([*found, *told], key=lambda known: known.start) if told else found


# An hour told with the water found or getting out, on an undated line under a dated entry: "Tue
# 1/12/26" then "- receptionist found water under the basin at 07:45 when opening": the entry's day.
# (a mail's lines tell of any day: only notes' entries date their hours)
_HOUR = re.compile(
    r"\b(?:at|about|around|approx\.?|just (?:before|after)|~) ?\d{1,2}(?:[:.]\d{2} ?(?:[ap]\.?m\.?|hrs)?"
    r"|(?:[:.]\d{2})? ?[ap]\.?m\b\.?)",
    FLAGS,
)
_FOUND_OR_ESCAPED = re.compile(
    r"\b(?:found|noticed|discovered|spotted|saw|first seen|let go|burst|split|overflowed|came (?:off|apart)"
    r"|started (?:leaking|dripping|pouring))\b",
    FLAGS,
)
_SENTENCE_MARK = re.compile(r"[.!?;] ")


def with_hour(line: Line, found: list[DateMatch], entry: date | None) -> list[DateMatch]:
    """The line's dates, with the first hour told in a sentence that finds the water or tells it
    getting out read as the entry's day, when the line writes no day of its own."""
    if entry is None or found:
        return found
    for hour in _HOUR.finditer(line.text):
        marks = [mark.end() for mark in _SENTENCE_MARK.finditer(line.text, 0, hour.start())]
        after = _SENTENCE_MARK.search(line.text, hour.end())
        sentence = line.text[marks[-1] if marks else 0 : after.start() if after else len(line.text)]
        if _FOUND_OR_ESCAPED.search(sentence):
            return [DateMatch(hour.start(), hour.end(), entry)]
    return found
