"""Readings told in sentences: "the OSB read 27% near the door and 19% at the far end",
"ranged 18-22%", "had dried to below 20%", "the north wall read 84", dated by their sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_days import WEEKDAY_NAME, weekday_moments, weekday_on_or_after
from chalicelib.analysis.offline.reading_numbers import (
    MAX_RELATIVE,
    MEASURE_AFTER,
    MEASURE_BEFORE,
    aimed_at,
    scale_name,
)
from chalicelib.analysis.offline.reading_row_parts import AIR_WORDS, WHERE_WORDS, RowReading
from chalicelib.analysis.offline.reading_scales import SCALE_NAMES, SCALE_WORDS
from chalicelib.analysis.offline.readings import materials_in
from chalicelib.analysis.offline.spaces import ROOM_PATTERN
from chalicelib.analysis.offline.text import FLAGS, collapse

_SENTENCE_END = re.compile(r"[.;!?](?!\d)")


_PROSE_NUMBER = re.compile(
    r"(?<![\w.:/])(?P<a>\d{1,3}(?:\.\d)?)(?: ?(?:-|\u2013|to) ?(?P<b>\d{1,3}(?:\.\d)?))?"
    r"(?: ?(?P<scale>% ?MC|%|WME)"
    r"(?! ?(?:rh|of|wet|dry|humidity|relative|r\.h|depth|deep|thick|full|open|closed|done|complete))"
    r"|(?![\d%/:]|\.\d))",
    FLAGS,
)


# A bare number is a reading when a reading verb leads straight to it ("the wall read 84"), or,
# in a sentence that names the scale, after "and"/"at" ("and 71 by the window", "the wall at 13").
_AT_HEIGHT = re.compile(r" at \d{1,4}(?:\.\d)? ?(?:mm|cm|m|in|\"|ft|')(?![\w])", FLAGS)
_READINGS_WORD = re.compile(r"\breadings?\b", FLAGS)
_ANYTHING = re.compile(r"")
_READ_VERB = re.compile(
    r"\b(?:read|reads|reading|readings|reading of|readings of|measured|metered"
    r"|(?:in )?the same order)\W{0,2}$",  # "on the 22nd, in the same order: 17, 18, 14": the points again
    FLAGS,
)


_BARE_READ_CUE = re.compile(
    r"\b(?:read|reads|reading|reading of|measured|metered|and|at|to|was|were|against"
    # "had dried to below 15": a bound is recorded as the number given
    r"|(?:dried|down|dropped|fell|came down) to (?:below|under|less than)|reached|hit|went|then"
    r"|ranged(?: from| between)?|(?:read|reads|was|were|is|are)(?: still)? (?:over|above|more than)"
    # "normal for our house is 10": the dry standard, in a homeowner's words
    r"|normal (?:for (?:[a-z]+ ){1,3})?(?:is|was)|(?:in )?the same order)\W{0,2}$",
    FLAGS,
)


# With only the document's meter to give the scale, a bare number needs a verb of reading or of
# drying before it ("was down to 17"); "at 3 joints" and "monitor at 6" are no readings.
_KNOWN_SCALE_CUE = re.compile(
    r"\b(?:read|reads|reading|reading of|measured|metered|(?:was|were|is|are|now)(?: still)?(?: at)?"
    r"|(?:down|back|dropped|dried|fell|came down) to(?: below| under| less than)?"
    # "ranged from 62 to 78", "it was over 90", "read above 40": a range's ends, a bound as given
    r"|ranged(?: from| between)?|(?:read|reads|was|were|is|are)(?: still)? (?:over|above|more than)"
    r"|(?:in )?the same order) ?:? ?$",
    FLAGS,
)


# "were all above 50%: 64% on the sink run, ...", "readings above 50% at every point": a bound said
# of every reading, which are given one by one, or not at all; no reading itself
_SUMMARY_BEFORE = re.compile(
    r"\b(?:all|every (?:one|reading|point)|each (?:one|reading|point)) (?:of them )?"
    r"(?:above|over|below|under|more than|less than|greater than) $",
    FLAGS,
)
# "Confirm framing below 15% MC", "keep the slab under 4%": a bound a thing is to be brought to, told
# with no verb of reading or drying ("dried to below 20%", "was under 16" are the value as given)
_BOUND_ONLY = re.compile(
    r"(?<!\bto )(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bread )(?<!\breads )(?<!\bstill )"
    r"\b(?:below|under|less than|no more than|at most)\s?$",
    FLAGS,
)
# "ceiling and wall linings 100%": the whole of a thing, a share of it; a meter pegged at the top of
# its scale is read so in words ("read 100%", "pegged at 100")
_FULL_READ = re.compile(r"\b(?:read|reads|reading|measured|metered|showed|pegged)\W{0,3}(?:at )?$", FLAGS)


def _whole_share(match: re.Match[str], lead: str) -> bool:
    return (
        (match.group("scale") or "").strip() == "%"
        and float(match.group("a")) >= 100
        and _FULL_READ.search(lead) is None
    )


_SUMMARY_AFTER = re.compile(r" ?(?:% ?MC|%|WME|REL)? (?:at|on|in|across) (?:every|all|each)\b", FLAGS)
_IN_THE = re.compile(r" in (?:the|a|an|one|each|both)\b", FLAGS)  # "read 98 in the middle": not inches


_ORDINAL_DAY = re.compile(r"\bthe (?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b", FLAGS)
# "26 WME on the first night", "started at 29": the series' first visit (the line's own day).
_FIRST_VISIT = re.compile(
    r"\bthe first (?:night|day|visit|morning|afternoon|evening|inspection|check|reading)\b"
    r"|\bday (?:one|1)\b"
    r"|\b(?:initially|at first|started at|starting at|began at)\b",
    FLAGS,
)
# Between a reading and the date it was taken on: "18 on the 14th", "26 WME on the first night".
_DATE_AFTER = re.compile(r" ?(?:% ?MC|%|WME|REL)? (?:on|by) (?:the )?$", FLAGS)


_READ_CUE = re.compile(
    r"\b(?:read(?:s|ing|ings)?|measured|metered|showed|was|were|at|to|from|down to|dried to|dropped to|ranged"
    r"|between|above|below|over|under|still|and|against|versus|vs"
    r"|compared (?:with|to)|meter)\b\W{0,3}(?:[a-z]+ ){0,2}$"
    r"|[a-z]: ?$"  # "Dry standard for drywall, taken in the upstairs hallway: 8%"
    r"|\bnormal\W{0,2}(?:[a-z]+ ){0,2}[-:=]? ?$",  # 'a "normal" number - 11%': the dry standard
    FLAGS,
)


_LEAD = 40
# "read 38%, 33%, 29% and 22%": a value straight after a reading, with only a comma between, is the
# next reading of the list (the "and" before the last one is a cue of its own).
_LIST_COMMA = re.compile(r" ?, ?", FLAGS)
# (a bare number so listed is one of a list of bare numbers: "17, 18, 14 and 11", not "84, 2 of them")
_LIST_ENDS = re.compile(r" ?(?:,|and\b|&|[.;)]|$)", FLAGS)
# "the same spot read 22": a sentence that goes on about the place the line's last reading was at.
_SAME_PLACE = re.compile(
    r"\b(?:the same|that|this) (?:spot|point|place|location|wall|patch|reading point)\b"
    r"|\b(?:it|they) (?:was|were|had|read)\b",  # ("by Friday they were 15 and 14": the points again)
    FLAGS,
)
# "went from 21 %MC to 15 %MC and then to 12 %MC over the same three visits"
_OVER_VISITS = re.compile(
    r"\bover (?:the )?(?:same )?(?P<n>two|three|four|five|\d) (?:visits|days|checks|inspections|readings)\b",
    FLAGS,
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
_SPACE_WORD = re.compile(r"\b(?:cupboard|closet|room|area|office|garage|cellar|attic|loft|porch)\b", FLAGS)
# "bedrooms 2 and 3 read 38 and 35": a number right before the reading verb is its subject's
_SUBJECT_NUMBER = re.compile(r" (?:read|reads|measured|metered)\b", FLAGS)
_SCALE_LOOK = 200  # how far after a bare number its sentence's scale is looked at (bounded)
_SAME_ORDER = re.compile(r"\b(?:in )?the same order\b", FLAGS)
_READINGS_LEAD = re.compile(r"\s*readings?\b", FLAGS)  # "Readings: 31 at 100 mm, 22 at 300 mm"
_GOAL_AFTER = re.compile(r" ?(?:goal|target)\b", FLAGS)  # "under our 16% goal"
_POSSESSIVE_ROOM = re.compile(r"\w's (?:bed)?room ?$", FLAGS)


# "read 34, the hallway skirting 27 and the bedroom 2 skirting 22": after a reading, a list goes on
# with a place and a bare number.
# ("was 40 on his meter, the hallway wall 26": a few words may close the first reading's part).
_LIST_NEXT = re.compile(
    r"(?: [a-z]{1,12}){0,6} ?(?:,|;|and) (?:and )?(?:(?:the )?[a-z][a-z0-9 /'\-]{0,40})?", FLAGS
)


def in_same_order(text: str) -> bool:
    """Whether a line gives its values for the points told before, in their order ("On the 22nd,
    in the same order: 17, 18, 14"): a sentence, however short."""
    return _SAME_ORDER.search(text) is not None


def _scale_reaches(text: str, number: re.Match[str], scale: re.Match[str] | None) -> bool:
    """Whether the scale a sentence names is a bare number's: named before it, or after it with no
    other material's part between ("34 at 100 mm, 16 at 900 mm (relative scale)"); not the scale
    of a later part about another material ("the plasterboard read 12 and its pine skirting
    11 %MC": the 12 is no %MC)."""
    if scale is None:
        return False
    if scale.start() < number.start() or scale.start() - number.end() > _SCALE_LOOK:
        return True
    return not materials_in(text[number.end() : scale.start()])


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Where each sentence of a line starts and ends (a point before a digit is a decimal)."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _moments(
    text: str, start: int, end: int, dates: Dates, taken_on: date | None, day_one: date | None
) -> list[tuple[int, int, date]]:
    """The dates a sentence names, where it names them: written dates, "the 14th" (the job's
    month), "the first night" (the line's day)."""
    found = [
        (start + m.start, start + m.end, m.value)
        for m in dates.find(text[start:end], taken_on, yearless_numeric=True)
        if m.value
    ]
    anchor = taken_on or day_one
    if anchor is not None:
        written = [moment[0] for moment in found]  # (in order: dates.find reads left to right)
        for ordinal in _ORDINAL_DAY.finditer(text, start, end):
            index = bisect_left(written, ordinal.start() + 1) - 1
            if index >= 0 and found[index][0] <= ordinal.start() < found[index][1]:
                continue  # the "13th" of "the 13th of March" is that written date's
            day = day_of_month(anchor, int(ordinal.group("d")))  # "By the 17th": the job's month
            if day is not None:
                found.append((ordinal.start(), ordinal.end(), day))
        # ("on the Wednesday", "410 on Friday": the first such day from the days told before it)
        found += weekday_moments(text, start, end, found, day_one or anchor)
        if found or day_one is not None:  # (a first visit means something beside the later ones)
            first = day_one or anchor  # ("on the first day": the job's first visit, not the line's)
            found += [(m.start(), m.end(), first) for m in _FIRST_VISIT.finditer(text, start, end)]
    return sorted(found, key=lambda moment: moment[0])


def _day_after(
    text: str, number: re.Match[str], following: int, moments: list[tuple[int, int, date]], starts: list[int]
) -> date | None:
    """The date written straight after a reading ("18 on the 14th"), if one is. (The moments are
    sorted by where they start, `starts`: a sentence of thousands of dates stays linear.)"""
    index = bisect_left(starts, number.end())
    if index < len(moments):
        moment_start, _, day = moments[index]
        if moment_start < following and _DATE_AFTER.fullmatch(text, number.end(), moment_start):
            return day
    return None


def _day_before(
    number: re.Match[str], moments: list[tuple[int, int, date]], starts: list[int]
) -> date | None:
    """The last date written before a reading in its sentence ("by the 16th it was down to 16")."""
    index = bisect_left(starts, number.start())
    for earlier in range(index - 1, max(-1, index - 4), -1):  # (a moment may overlap the number)
        if moments[earlier][1] <= number.start():
            return moments[earlier][2]
    return None


def day_of_month(anchor: date, day: int) -> date | None:
    """ "the 17th" near a known date: that day in the anchor's month, or the next month's."""
    for year, month in (
        (anchor.year, anchor.month),
        (anchor.year + anchor.month // 12, anchor.month % 12 + 1),
    ):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if timedelta(days=-15) <= candidate - anchor <= timedelta(days=45):
            return candidate
    return None


# "08/05 - 35", "13/05: 14" after a reading of a point: the same point on a later day.
_DATED_VALUE = re.compile(
    r"\s*(?:and |then )?(?P<date>\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?) ?[-:=\u2013] ?"
    r"(?P<value>\d{1,3}(?:\.\d)?) ?(?P<scale>% ?MC|%|WME|REL)?[\s.;,]*",
    FLAGS,
)


def _dated_repeat(
    text: str, start: int, end: int, dates: Dates, taken_on: date | None, previous: RowReading
) -> RowReading | None:
    match = _DATED_VALUE.fullmatch(text, start, end)
    if match is None or float(match.group("value")) > 100:
        return None
    found = dates.find(match.group("date"), previous.taken_on or taken_on, yearless_numeric=True)
    if not found or found[0].value is None:
        return None
    scale = match.group("scale")
    return RowReading(
        label=previous.label,
        value=float(match.group("value")),
        unit=scale_name(scale) if scale else previous.unit,
        role="reading",
        taken_on=found[0].value,
        said_dry=None,
        point=None,
        start=match.start("value"),
        end=match.end("value"),
        told=True,
    )


def prose_readings(
    text: str, dates: Dates, day_one: date | None, taken_on: date | None, *, scale_known: bool = False
) -> list[RowReading]:
    """Readings told in sentences: "the OSB read 27% near the door and 19% at the far end",
    "ranged 18-22%", "had dried to below 20%", "was down to 16%". A percentage counts when a
    reading verb leads to it and its sentence names a material or a surface; a date in the
    sentence dates it."""
    found: list[RowReading] = []
    for start, end in _sentences(text):
        if found and (later := _dated_repeat(text, start, end, dates, taken_on, found[-1])) is not None:
            found.append(later)  # "...: 04/05 - 78 at 6 in.; 08/05 - 35; 13/05 - 14": the same point
            continue
        if (
            not WHERE_WORDS.search(text, start, end)
            and not _READINGS_LEAD.match(text, start)
            and not _SAME_ORDER.search(text, start, end)  # (the places told before, in their order)
            and not (
                found
                and (
                    ROOM_PATTERN.search(text, start, end)
                    or _SPACE_WORD.search(text, start, end)
                    or _SAME_PLACE.search(text, start, end)
                )
            )
        ):
            continue  # (after a line's first readings, a sentence naming a room may read one more)
        first = len(found)
        told_after: dict[int, date] = {}  # (each reading of the sentence with a day written after it)
        dated: set[int] = set()  # (and each with a day written before it)
        moments = _moments(text, start, end, dates, taken_on, day_one)
        starts = [moment[0] for moment in moments]
        named_scale = SCALE_WORDS.search(text, start, end)
        sentence_scale = SCALE_NAMES[named_scale.lastgroup] if named_scale and named_scale.lastgroup else None
        # A bare number after "was down to" is a reading once a scale is known (the sentence's, the
        # line's readings so far, or the document's meter).
        scaled = named_scale is not None or bool(found)
        previous, last_read = start, None
        numbers = list(_PROSE_NUMBER.finditer(text, start, end))
        for index, match in enumerate(numbers):
            following = numbers[index + 1].start() if index + 1 < len(numbers) else end
            after = _day_after(text, match, following, moments, starts)
            when = after or _day_before(match, moments, starts) or taken_on
            lead = text[max(previous, match.start() - _LEAD) : match.start()]
            bare = match.group("scale") is None
            cue = (
                _READ_CUE
                if not bare
                else _BARE_READ_CUE
                if scaled or last_read is not None  # (a reading earlier in the sentence sets the scale)
                else _KNOWN_SCALE_CUE
                if scale_known
                else _READ_VERB
            )
            at_height = bare and _AT_HEIGHT.match(text, match.end()) is not None  # "34 at 100 mm"
            if at_height and (scaled or _READINGS_WORD.search(text, start, end)):
                cue = _ANYTHING
            # "26 WME on the first night, 18 on the 14th and 15 on the 16th"
            series = last_read is not None and after is not None
            listed = series or (
                last_read is not None
                and _LIST_COMMA.fullmatch(text, last_read, match.start()) is not None
                and (not bare or _LIST_ENDS.match(text, match.end()) is not None)
            )
            listed = listed or (
                last_read is not None
                # "and the bedroom 2 skirting": the room's number; "Bella's room 13" is no room number
                and (not MEASURE_BEFORE.search(lead) or _POSSESSIVE_ROOM.search(lead) is not None)
                and _LIST_NEXT.fullmatch(text, last_read, match.start()) is not None
                and (
                    WHERE_WORDS.search(text, last_read, match.start()) is not None
                    or ROOM_PATTERN.search(text, last_read, match.start())
                    is not None  # "and Bella's room 13"
                )
            )
            if (
                not (cue.search(lead) or listed)
                or (bare and _SUBJECT_NUMBER.match(text, match.end()) is not None)
                or AIR_WORDS.search(text, match.start(), min(end, match.end() + 12))
                or _SUMMARY_BEFORE.search(lead) is not None
                or _BOUND_ONLY.search(lead) is not None
                or aimed_at(text, match.start(), previous)  # ("sill to reach 15 %MC": the aim)
                or _whole_share(match, lead)
                or _SUMMARY_AFTER.match(text, match.end()) is not None
                or (bare and MEASURE_AFTER.match(text, match.end()) and not _IN_THE.match(text, match.end()))
            ):
                if not (bare and MEASURE_BEFORE.search(lead)):
                    previous = match.end()  # (a room's number, "bedroom 2", stays in the next label)
                continue
            label = text[max(start, previous) : match.start()]
            appended = len(found)
            for group in ("a", "b"):
                # (over 100 only a relative scale reads: the scan keeps it where the notes name one)
                if match.group(group) is None or float(match.group(group)) > MAX_RELATIVE:
                    continue
                found.append(
                    RowReading(
                        label=collapse(label).strip(" ,.;:-"),
                        value=float(match.group(group)),
                        # (a bare number in a sentence with no scale: the line's last reading's)
                        unit=scale_name(match.group("scale"))
                        if match.group("scale")
                        else (sentence_scale if _scale_reaches(text, match, named_scale) else None)
                        or (found[-1].unit if found else None),
                        role="goal"
                        if re.search(r"\b(?:goal|target)\b", lead, FLAGS)
                        or _GOAL_AFTER.match(text, match.end())
                        else "reading",
                        taken_on=when,
                        said_dry=None,
                        point=None,
                        start=match.start(group),
                        end=match.end(),
                        told=True,
                    )
                )
            if after is not None:
                told_after.update((index, after) for index in range(appended, len(found)))
            elif when != taken_on:
                dated.update(range(appended, len(found)))
            previous = last_read = match.end()
        _date_by_later_days(text, found, first, told_after, day_one, dated)
        _date_by_visits(text, start, end, found, first)
    return found


# Between two readings that share the day written after the second: "19 and 17 WME on the Wednesday"
_SHARED_DAY = re.compile(r" ?(?:% ?MC|%|WME|REL)? ?(?:and|&|,) ?", FLAGS)


def _date_by_later_days(
    text: str,
    found: list[RowReading],
    first: int,
    told_after: dict[int, date],
    day_one: date | None,
    dated: set[int],
) -> None:
    """ "19 and 17 WME on the Wednesday": a reading joined to the next by "and" takes the day
    written after that one; "went 520, then 300 on Friday, then 150 on Monday": a series whose
    first value has no day of its own, the later ones a day each, starts at the job's first visit."""
    for index in range(len(found) - 2, first - 1, -1):
        later = told_after.get(index + 1)
        shared = _SHARED_DAY.fullmatch(text, found[index].end, found[index + 1].start) is not None
        if index not in told_after and later is not None and shared:
            found[index] = replace(found[index], taken_on=later)
            told_after[index] = later
    if len(found) - first < 2 or first in told_after or first in dated:
        return
    days = [told_after[index] for index in range(first + 1, len(found)) if index in told_after]
    if len(set(days)) == 1 and len(days) == len(found) - first - 1:
        # ("the ceiling at 90 and the skirting at 12 WME on the first day": one day for the sentence)
        found[first] = replace(found[first], taken_on=days[0])
    elif day_one is not None and days and all(day > day_one for day in days):
        found[first] = replace(found[first], taken_on=day_one)


def _date_by_visits(text: str, start: int, end: int, found: list[RowReading], first: int) -> None:
    """ "went from 21 %MC to 15 %MC and then to 12 %MC over the same three visits": the sentence's
    readings take, in order, the days of the line's visits told before it."""
    over = _OVER_VISITS.search(text, start, end)
    if over is None:
        return
    count = _COUNTS.get(over.group("n").lower()) or int(over.group("n"))
    told = [index for index in range(first, len(found)) if found[index].role == "reading"]
    visits = sorted({reading.taken_on for reading in found[:first] if reading.taken_on is not None})
    if len(told) != count or len(visits) < count:
        return
    for index, day in zip(told, visits[-count:], strict=True):
        found[index] = replace(found[index], taken_on=day)


# "Standard: guest bedroom drywall 11 REL on 06/06": a date written straight after a listed value
_ON_AFTER = re.compile(r" ?(?:% ?MC|%|MC|WME|REL|pts?)? ?\(?(?:(?:taken|read) )?on (?:the )?", FLAGS)
_DATE_SPAN = 24  # a written date after "on" is this short


# "31 on Wednesday 25th", "25 on the Friday", "19 on the 30th": a weekday, a day of the month or both
_TOLD_DAY_AFTER = re.compile(
    rf"(?:{WEEKDAY_NAME}\b\.?(?:,? (?:the )?(?P<both>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b)?"
    r"|(?P<ordinal>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b)(?! ?(?:/|\.\d|-\d|%|mm|cm|in\b|ft\b|m\b))",
    FLAGS,
)
_DIGIT_NEXT = re.compile(r" ?\d")
_WEEKDAY_REACH = 14  # a written date this close after a weekday is that weekday's ("Wed 25/11")


def _told_day(text: str, at: int, since: date, written: tuple[int, date] | None) -> date | None:
    """The day named right at `at` by a weekday ("on the Friday": the first Friday on or after
    `since`), a day of the month ("on the 30th") or both ("on Monday 30th", "on Wed 25/11": only
    when they agree). `written`: a date written after `at` (its offset from `at`, its day)."""
    match = _TOLD_DAY_AFTER.match(text, at)
    if match is None:
        return None
    number = match.group("both") or match.group("ordinal")
    if number is None and _DIGIT_NEXT.match(text, match.end()):
        # ("on Wed 25/11": the written date, when it is that weekday)
        if match.group("weekday") is None or written is None or written[0] > _WEEKDAY_REACH:
            return None
        named = weekday_on_or_after(written[1], match.group("weekday"))
        return written[1] if named == written[1] else None
    day = day_of_month(since, int(number)) if number else None
    if match.group("weekday") is None:
        return day if day is not None and day >= since else None
    named = weekday_on_or_after(since, match.group("weekday"))
    if number is None:
        return named
    return day if day is not None and day.weekday() == named.weekday() and day >= since else None


def dated_after(
    text: str, found: list[RowReading], dates: Dates, taken_on: date | None, day_one: date | None = None
) -> list[RowReading]:
    """Readings of a list or pairs on a line of prose, each dated by a date written right after its
    value ("drywall 11 REL on 06/06"), when the line's other readers left it at the line's day. A
    weekday or a day of the month so written ("38 on the Monday, 31 on Wednesday 25th, 19 on the
    30th") is placed on or after the day the line's readings had reached (from the job's first
    visit): a series told in one sentence runs forward, and a day told right after a value is its
    own, over one carried from an earlier part of the line."""
    out: list[RowReading] = []
    reached = day_one or taken_on
    for reading in found:
        on = _ON_AFTER.match(text, reading.end)
        day = None
        if on is not None:
            written = dates.find(text[on.end() : on.end() + _DATE_SPAN], taken_on, yearless_numeric=True)
            placed = (written[0].start, written[0].value) if written and written[0].value else None
            if placed is not None and placed[0] == 0:
                day = placed[1] if reading.taken_on == taken_on else None
            elif reached is not None:
                day = _told_day(text, on.end(), reached, placed)
        out.append(replace(reading, taken_on=day) if day is not None else reading)
        latest = out[-1].taken_on
        if latest is not None and (reached is None or latest > reached):
            reached = latest
    return out
