"""Values lined up with a list of days the same line writes: "laundry wall 46 / 33 / 18 / 9 (11/8,
11/9, 11/11, 11/13)", "hall skirting 31, 22, 15 - read 02/10, 04/10, 07/10". The k values of the
run next to a list of k days are those days' readings, in order. When the counts do not fit, the
run's values keep no day at all: a wrong date is worse than none."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_days import WEEKDAY_NAME, weekday_on_or_after
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.readings import ReadingDraft
from chalicelib.analysis.offline.text import FLAGS

# What may stand between two days of a list: "11/8, 11/9", "2/10 / 4/10", "3/3 -> 3/5", "and then"
_DAY_GAP = re.compile(r"\s*(?:,|;|/|->|>|\u2192|-|\u2013|&|and|then)?\s*(?:and |then )?", FLAGS)
# What may stand between a run of values and its days: "(", " - read ", " on ", " taken "
_RUN_TO_DAYS = re.compile(
    r"\s*(?:% ?MC|%|WME|REL)?\s*[-:(\[\u2013]?\s*(?:(?:read|taken|on|dates?|days?)\s*:?\s*){0,2}\(?\s*",
    FLAGS,
)
# What may stand between two values of the run: "46 / 33", "31, 22", "28 -> 22"
_VALUE_GAP = re.compile(r"\s*(?:% ?MC|%|WME|REL)?\s*(?:,|;|/|->|>|\u2192|-|\u2013|and|then)?\s*", FLAGS)
_MIN_DAYS = 2
_MAX_LINE = 4000  # (dates are looked for in this much of a line: linear on hostile input)


def _day_lists(text: str, dates: Dates, anchor: date | None) -> list[tuple[int, int, list[date | None]]]:
    """Each run of two or more dates with only separators between them: where it starts and
    ends, and its days."""
    found = dates.find(text[:_MAX_LINE], anchor, yearless_numeric=True)
    runs: list[tuple[int, int, list[date | None]]] = []
    for match in found:
        if runs and _DAY_GAP.fullmatch(text, runs[-1][1], match.start):
            start, _, days = runs[-1]
            runs[-1] = (start, match.end, [*days, match.value])
        else:
            runs.append((match.start, match.end, [match.value]))
    return [run for run in runs if len(run[2]) >= _MIN_DAYS]


# A weekday alone, no date after it: "(Mon/Wed/Fri)", "Tue, Thu and Sat"
_WEEKDAY_ALONE = re.compile(rf"(?<![\w.]){WEEKDAY_NAME}\b\.?(?!\s*\d)", FLAGS)


def _weekday_lists(text: str, anchor: date | None) -> list[tuple[int, int, list[date | None]]]:
    """Each run of two or more weekdays alone with only separators between them ("38 > 26 > 15
    (Mon/Wed/Fri)"): the first the first day of its name on or after the line's visit, each next
    the first of its name after the one before. None placed without the visit's day."""
    if anchor is None:
        return []
    runs: list[tuple[int, int, list[str]]] = []
    for match in _WEEKDAY_ALONE.finditer(text[:_MAX_LINE]):
        if runs and _DAY_GAP.fullmatch(text, runs[-1][1], match.start()):
            start, _, names = runs[-1]
            runs[-1] = (start, match.end(), [*names, match.group("weekday")])
        else:
            runs.append((match.start(), match.end(), [match.group("weekday")]))
    placed: list[tuple[int, int, list[date | None]]] = []
    for start, end, names in runs:
        if len(names) < _MIN_DAYS:
            continue
        days: list[date | None] = []
        previous = anchor
        for name in names:
            previous = weekday_on_or_after(previous + timedelta(days=1) if days else previous, name)
            days.append(previous)
        placed.append((start, end, days))
    return placed


# A weekday alone right after a value: "5.1 Mon, 4.3 Wed", "22% on Tuesday, 16% Thursday"
_THEN_WEEKDAY = re.compile(
    rf"\s*(?:% ?MC|%|WME|REL)?\s*(?:on\s+)?(?:the\s+)?{WEEKDAY_NAME}\b\.?(?!\s*\d)", FLAGS
)
_PAIR_GAP = re.compile(r"\s*(?:,|;|/|->|>|\u2192|-|\u2013)?\s*(?:and |then )?\s*", FLAGS)


def _each_with_weekday(text: str, found: list[RowReading], anchor: date | None) -> list[RowReading]:
    """ "bed 3 slab 5.1 Mon, 4.3 Wed": values side by side, each with its weekday after it, each on
    that day (the first on or after the line's visit, each next after the one before). A run of
    two or more; any value of it whose day cannot be placed leaves the run as it was."""
    if anchor is None:
        return found
    out = list(found)
    run: list[tuple[int, str]] = []  # (index, weekday) of the run so far
    run_end = 0

    def place() -> None:
        if len(run) < _MIN_DAYS:
            return
        previous = anchor
        for position, (index, name) in enumerate(run):
            previous = weekday_on_or_after(previous + timedelta(days=1) if position else previous, name)
            out[index] = replace(out[index], taken_on=previous)

    for index, reading in enumerate(out):
        tagged = _THEN_WEEKDAY.match(text, reading.end)
        joined = bool(run) and _PAIR_GAP.fullmatch(text, run_end, reading.start) is not None
        if tagged is None or (run and not joined):
            place()
            run = []
        if tagged is not None:
            run.append((index, tagged.group("weekday")))
            run_end = tagged.end()
    place()
    return out


def _run_before(found: list[RowReading], start: int, text: str) -> list[int]:
    """The indexes of the readings that run, value after value, up to `start` (the days' list)."""
    chosen: list[int] = []
    edge = start
    last = bisect_right([reading.end for reading in found], start)  # (found is in line order)
    for index in range(last - 1, -1, -1):
        reading = found[index]
        gap = _RUN_TO_DAYS if not chosen else _VALUE_GAP
        if not gap.fullmatch(text, reading.end, edge):
            break
        chosen.append(index)
        edge = reading.start
    return chosen[::-1]


def aligned_to_days(
    text: str, found: list[RowReading], dates: Dates, anchor: date | None
) -> list[RowReading]:
    """The line's readings, those of a run followed by a list of days each dated by its place in
    the list (or undated when the counts do not fit)."""
    if len(found) < _MIN_DAYS:
        return found
    out = sorted(found, key=lambda reading: reading.start)
    out = _each_with_weekday(text, out, anchor)
    for start, _, days in [*_day_lists(text, dates, anchor), *_weekday_lists(text, anchor)]:
        run = _run_before(out, start, text)
        if len(run) < _MIN_DAYS:
            continue
        fits = len(run) == len(days) and all(day is not None for day in days)
        for index, day in zip(run, days if fits else [None] * len(run), strict=True):
            out[index] = replace(out[index], taken_on=day)
    return out


# --- a lead-in that names the days of the rows under it ----------------------------------------

# A day a lead-in names: "day 1", "today", "yesterday", "intake", a weekday, or a written date
_DAY_WORD = (
    r"(?:day ?(?P<n>\d{1,2})|(?P<today>today)|(?P<yesterday>yesterday)|(?P<intake>intake|initial|first visit)"
    r"|(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
)
_DAY_TOKEN = re.compile(_DAY_WORD, FLAGS)
_DIGIT = re.compile(r"\d")
# A header row's words before its days: a point's or a place's column ("POINT / WHAT", "Location")
_HEADER_WORD = re.compile(r"\b(?:points?|pt|what|where|location|place|spot|material|room|area)\b", FLAGS)
_MAX_LEAD = 240  # a lead-in is a short line ending with ":"
_MAX_ROWS = 40  # (rows a lead-in heads, at most)


@dataclass
class _Lead:
    days: list[date | None]
    line: int  # the last line the lead-in dated (its own, then each row's)
    rows: int = 0
    # (days a row wrote beside its own values: a row under it of another count is no sign of
    # trouble, it keeps its day and ends the run)
    from_row: bool = False
    # (a header row's days head a table: a row of it that gives one value or none, "(2) ... 12 -- --",
    # is still the table's, and the rows go on under it)
    header: bool = False


def _token_day(match: re.Match[str], day_one: date | None, today: date | None) -> date | None:
    if match.group("n"):
        return day_one + timedelta(days=int(match.group("n")) - 1) if day_one is not None else None
    if match.group("today"):
        return today
    if match.group("yesterday"):
        return today - timedelta(days=1) if today is not None else None
    if match.group("intake"):
        return day_one
    return None  # (a weekday alone: placed by the story's days, not here)


def _lead_days(text: str, dates: Dates, day_one: date | None, today: date | None) -> list[date | None]:
    """The run of days a lead-in names ("day 1 then today:", "11/8, 11/9 and 11/11:"), if any."""
    tokens: list[tuple[int, int, date | None]] = [
        (match.start(), match.end(), _token_day(match, day_one, today)) for match in _DAY_TOKEN.finditer(text)
    ]
    written = dates.find(text, today, yearless_numeric=True)
    # ("came on Sunday 22nd and again on Tuesday 24th": a weekday places the day its ordinal names)
    written += [
        found
        for found in dates.find_with_weekdays(text, today)
        if not any(known.start < found.end and found.start < known.end for known in written)
    ]
    # (a weekday inside a date found with it, "Tuesday 24th", is that date's, no day of its own)
    tokens = [
        token for token in tokens if not any(f.start <= token[0] and token[1] <= f.end for f in written)
    ]
    tokens += [(found.start, found.end, found.value) for found in written]
    tokens.sort()
    tokens = _weekdays_with_dates(text, tokens)
    best: list[date | None] = []
    run: list[date | None] = []
    end = -1
    for start, stop, day in tokens:
        run = [*run, day] if run and _LEAD_GAP.fullmatch(text, end, start) else [day]
        end = stop
        best = run if len(run) >= len(best) else best
    return best if len(best) >= _MIN_DAYS else []


# Between two days a lead-in names: a list's marks, or "and again on", "then later on"
_LEAD_GAP = re.compile(
    r"\s*(?:,|;|/|->|>|\u2192|-|\u2013|&|and|then)?\s*(?:and |then )?(?:again |later )?(?:on )?", FLAGS
)
_WEEKDAY_TO_DATE = re.compile(r",?\s*(?:the\s+)?", FLAGS)


def _weekdays_with_dates(
    text: str, tokens: list[tuple[int, int, date | None]]
) -> list[tuple[int, int, date | None]]:
    """A weekday right before its date is that one day ("Monday 16/11"), not two."""
    out: list[tuple[int, int, date | None]] = []
    for token in tokens:
        if (
            out
            and _WEEKDAY_ONLY.fullmatch(text, out[-1][0], out[-1][1])
            and _WEEKDAY_TO_DATE.fullmatch(text, out[-1][1], token[0])
            and token[2] is not None
        ):
            out[-1] = (out[-1][0], token[1], token[2])
            continue
        out.append(token)
    return out


_WEEKDAY_ONLY = re.compile(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", FLAGS)


def note_lead(
    state: dict[str, Any], line: int, text: str, dates: Dates, day_one: date | None, today: date | None
) -> None:
    """Keep the days a lead-in ending with ":" names, or a header row of words ending with its days
    ("POINT / WHAT   11/3   11/4   11/6"), for the rows under it."""
    stripped = text.rstrip()
    if len(stripped) > _MAX_LEAD:
        return
    if not stripped.endswith(":"):
        runs = _day_lists(stripped, dates, today)
        if (
            len(runs) == 1
            and runs[0][1] == len(stripped)
            and not _DIGIT.search(stripped, 0, runs[0][0])
            and _HEADER_WORD.search(stripped, 0, runs[0][0])
            and all(day is not None for day in runs[0][2])
        ):
            state["_day_lead"] = _Lead(runs[0][2], line, header=True)
        return
    days = _lead_days(stripped, dates, day_one, today)
    if days:
        state["_day_lead"] = _Lead(days, line)


# A row's one value said to hold on every day of the lead: "10 both days", "12 each time"
_EVERY_DAY = re.compile(
    r"\b(?:both (?:days|visits|times)|each (?:time|day|visit)|every (?:time|day|visit)"
    r"|all (?:days|visits))\b",
    FLAGS,
)


def lined_up(
    state: dict[str, Any], line: int, drafts: list[ReadingDraft], taken_on: date | None, written_days: int = 0
) -> list[ReadingDraft]:
    """A row's readings under a lead-in of days, each dated by its place in the row when their
    count is the days' (or undated when it is not); other lines' readings as they are. A row
    that writes days of its own (`written_days`) is not under a dated row's days."""
    lead = state.get("_day_lead")
    if not isinstance(lead, _Lead) or lead.line == line:
        return drafts
    if lead.from_row and written_days:
        state["_day_lead"] = None
        return drafts
    if line != lead.line + 1 or lead.rows >= _MAX_ROWS:
        state["_day_lead"] = None  # (the rows end at a gap: a lead-in heads only the rows right under it)
        return drafts
    own = [index for index, draft in enumerate(drafts) if draft.taken_on in (taken_on, None)]
    if (
        len(own) == 1
        and not lead.from_row
        and all(day is not None for day in lead.days)
        and _EVERY_DAY.search(drafts[own[0]].source.text)
    ):
        # ("hallway wall: 10 both days": the one value, read on each of the lead's days)
        lead.line, lead.rows = line, lead.rows + 1
        index = own[0]
        again = [replace(drafts[index], taken_on=day) for day in lead.days]
        return [*drafts[:index], *again, *drafts[index + 1 :]]
    if lead.header and len(own) < _MIN_DAYS:
        lead.line, lead.rows = line, lead.rows + 1
        return drafts
    if len(own) < _MIN_DAYS or len({drafts[index].location for index in own}) > 1:
        # (a row is one point's values; "kitchen 28, hall 22" are two places, not two days)
        state["_day_lead"] = None
        return drafts
    fits = len(own) == len(lead.days) and all(day is not None for day in lead.days)
    if lead.from_row and not fits:
        state["_day_lead"] = None
        return drafts
    lead.line, lead.rows = line, lead.rows + 1
    out = list(drafts)
    for index, day in zip(own, lead.days if fits else [None] * len(own), strict=True):
        out[index] = replace(out[index], taken_on=day)
    return out


# --- a row that dates its own values dates the rows under it -----------------------------------


def note_dated_row(
    state: dict[str, Any], line: int, drafts: list[ReadingDraft], taken_on: date | None, written_days: int
) -> None:
    """ "P1 34 on 12/11, 24 on 14/11" over "P2 29, then 21": a row of one place whose values each
    carry a day the row itself writes (`written_days`: all different, in order, not the line's)
    names the days of the rows right under it, as a lead-in of days would. Rows of another count
    keep their own day."""
    lead = state.get("_day_lead")
    if isinstance(lead, _Lead) and lead.line == line:
        return  # (the row is itself under a lead-in: its days are the lead's)
    days = [draft.taken_on for draft in drafts]
    known = [day for day in days if day is not None]
    if (
        len(drafts) < _MIN_DAYS
        or written_days < len(drafts)  # (days a table's header gave its rows are the header's)
        or len(known) < len(days)
        or len({draft.location for draft in drafts}) > 1
        or known != sorted(set(known))
    ):
        return
    state["_day_lead"] = _Lead(list(days), line, from_row=True)


# --- runs read "each visit": one value a visit, in the order of the visits -----------------------

# "Std each visit: bed 2 wall 12 / 12 / 11", "standards ... GIB 13, 13, 12; skirting 11 every day"
_EACH_VISIT = re.compile(r"\b(?:each|every|per|at all) (?:visit|day|check|re-?read)s?\b", FLAGS)


# A value said to be the same at every visit: "skirting 11 every day", "closet OSB 9 each visit"
_EACH_VISIT_AFTER = re.compile(
    r"\s*(?:% ?MC|%|WME|REL)?\s*(?:on |at )?(?:each|every) (?:visit|day|check|re-?read)\b", FLAGS
)


def _runs(text: str, found: list[RowReading]) -> list[list[int]]:
    """The indexes of each run of values parted only by a slash, a comma or a dash ("12 / 12 / 11")."""
    runs: list[list[int]] = []
    for index, reading in enumerate(found):
        if runs and _VALUE_GAP.fullmatch(text, found[runs[-1][-1]].end, reading.start):
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def says_each_visit(text: str) -> bool:
    """Whether a line says its values were read each visit (the visits are looked up only then)."""
    return _EACH_VISIT.search(text, 0, _MAX_LINE) is not None


def visit_dated(
    text: str, found: list[RowReading], visits: list[date], taken_on: date | None
) -> list[RowReading]:
    """A line that says its values were read each visit: each run of as many values as the job
    has had visits takes the visits' days in order; a value followed by "every visit" is that
    value at each visit. A run of another length keeps its day: which
    visits it skipped is not said."""
    if len(visits) < _MIN_DAYS or len(found) < _MIN_DAYS or not _EACH_VISIT.search(text, 0, _MAX_LINE):
        return found
    out = sorted(found, key=lambda reading: reading.start)
    repeated: list[RowReading] = []
    for run in _runs(text, out):
        if any(out[index].taken_on not in (taken_on, None) for index in run):
            continue
        if len(run) == 1 and _EACH_VISIT_AFTER.match(text, out[run[0]].end):
            # ("skirting 11 every day": the one value, read at each visit)
            first, *rest = (replace(out[run[0]], taken_on=day) for day in visits)
            out[run[0]] = first
            repeated.extend(rest)
            continue
        if len(run) != len(visits):
            continue
        for index, day in zip(run, visits, strict=True):
            out[index] = replace(out[index], taken_on=day)
    return sorted([*out, *repeated], key=lambda reading: reading.start)
