"""A row's values each told with its own day: "K2 kitchen ceiling by window, %   71 on 11/8 - 52 on
11/9 - 27 on 11/11 - 12 on 11/13", or each after its weekday: "C1 hall skirting: Tue 17/11 46, Wed
34, Thu 25, Fri -, Mon 23/11 13". The words before the first value are the row's place (and its
scale, when they end with one); each "value on day" is that day's reading. Read only when no other
reader found the line's values, and only when every value of the run has a day that can be read:
a wrong date is worse than none. A table's row has no full stop: a sentence is the prose reader's.

The same row may give each day first: "B  drywall behind heater, 2 in. up   10/29: 31   10/30: 18
11/1: 11" - the words before the first day are the place, each "day: value" that day's reading."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_days import WEEKDAY_NAME, weekday_on_or_after
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.text import FLAGS

# One "value on" of the run; the date after "on" is read by the job's own date reader.
_VALUE_ON = re.compile(r"(?<![\w./])(?P<value>\d{1,3}(?:\.\d)?)\s?(?P<unit>% ?MC|%|WME|REL)?\s+on\s+", FLAGS)
# What may stand between one day and the next value: " - ", ", ", "; ", " then "
_GAP = re.compile(r"\s*(?:-|\u2013|,|;|/|->|\u2192)?\s*(?:then\s+)?", FLAGS)
# A scale the row's words end with: "K2 kitchen ceiling by window, %"
_LABEL_SCALE = re.compile(r"[,\s(]\s*(?P<unit>% ?MC|%|WME|REL)\)?\s*$", FLAGS)
_MIN_RUN = 3  # (two "a on d" are read already; a run of three or more is this reader's)
_MAX_LINE = 600  # a row of a table: longer lines are prose
_MAX_VALUE = 100.0


def _dated(label: str, value: float, unit: str | None, day: date | None, start: int, end: int) -> RowReading:
    """One value of a row, read on its own day (the three readers below build theirs alike)."""
    return RowReading(
        label=label,
        value=value,
        unit=unit,
        role="reading",
        taken_on=day,
        said_dry=None,
        point=None,
        start=start,
        end=end,
    )


def _unit(written: str | None) -> str | None:
    if written is None:
        return None
    return written.replace(" ", "").upper()


def value_day_runs(text: str, dates: Dates, anchor: date | None) -> list[RowReading]:
    """The readings of the rows that give each value with its day, in order; [] for any other line.
    A row wrapped into the line after it ("... 12 on 11/13 joist over the pendant, %MC read through
    the opening: 24 on 11/9, ...") starts again at the words after a run's last day."""
    if len(text) > _MAX_LINE:
        return []
    found = dates.find(text, anchor, yearless_numeric=True)
    by_start = {match.start: match for match in found}
    out: list[RowReading] = []
    row: list[RowReading] = []
    edge = 0  # where the last day of the run ended (0: the line's start)
    for value_on in _VALUE_ON.finditer(text):
        day = by_start.get(value_on.end())
        if day is None or day.value is None:
            return []  # ("71 on arrival"): a value whose day cannot be read ends the whole line
        if not row or not _GAP.fullmatch(text, edge, value_on.start()):
            # (words between two days: the next row's place, after a whole run)
            if row and len(row) < _MIN_RUN:
                return []
            out += _scaled(row)
            label = text[edge : value_on.start()].strip(" -,;")
            if not label or any(edge <= m.start < value_on.start() for m in found):
                return []  # (a row's words come first: "11/8 71 on 11/9" is no such row)
            row = []
        value = float(value_on.group("value"))
        if value > _MAX_VALUE:
            return []
        row.append(
            _dated(
                label,
                value,
                _unit(value_on.group("unit")),
                day.value,
                value_on.start("value"),
                value_on.end("value") if value_on.group("unit") is None else value_on.end("unit"),
            )
        )
        edge = day.end
    if len(row) < _MIN_RUN or text[edge:].strip():
        # (what follows the last day says something else about the values; a run that ends with a
        # stop is a sentence's, "Carpet tile backing (pin, WME) outside 34: 38 on 19/10, ...", the
        # prose reader's, which knows its scale and its room)
        return []
    return out + _scaled(row)


def _scaled(row: list[RowReading]) -> list[RowReading]:
    """The row's readings on the scale its words end with ("K2 kitchen ceiling by window, %")."""
    scale = _LABEL_SCALE.search(row[0].label) if row else None
    unit = _unit(scale.group("unit")) if scale is not None else None
    return [replace(reading, unit=reading.unit or unit) for reading in row]


# --- each day first: "10/29: 31   10/30: 18" ---------------------------------------------------

# The value after a day and its colon ("10/29: 31", "3/5 = 22") or a space alone ("22/11 40, 26/11
# 31": every item of the row is a day then its value, so no year or count stands there), and its scale
# (a slab's in-situ probe reads "%RH": "S2 slab by west wall: 26/11 99 %RH; 03/12 96 %RH")
_DAY_VALUE = re.compile(
    r"(?:\s*[:=]\s*|\s+)(?P<value>\d{1,3}(?:\.\d)?)(?![\d/.:])\s?(?P<unit>% ?MC|% ?RH|%|WME|REL)?(?![a-z])",
    FLAGS,
)
# Between one "day: value" and the next: spaces, a comma, a semicolon, a bar; a note on the value
# before may stand there ("22/11 100 (pegged), 26/11 72")
_ITEM_GAP = re.compile(r"\s*(?:\([a-z][^()]{0,30}\)\s*)?[,;|]?\s*", FLAGS)
# What may end the row after its last item: a bracketed note or a dash and words ("(dry - above
# the wick line", "- not re-read"), or nothing
_ROW_NOTE = re.compile(r"\s*(?:(?:\(|[-\u2013\u2014]\s).*)?", FLAGS)
_MIN_ITEMS = 2
_MAX_RELATIVE = 999.0  # (a row whose words end with a relative scale reads up to it)


def day_value_runs(
    text: str, dates: Dates, anchor: date | None, *, relative: bool = False
) -> list[RowReading]:
    """A row of place words then "day: value" items, each value that day's reading; [] for any other
    line (prose, a row whose day cannot be read, a row of fewer than two items). `relative`: the
    block's meter line declared a relative scale ("Walls - search mode, relative 0-999:"), so its
    rows read over 100 though their own words name no scale."""
    if len(text) > _MAX_LINE:
        return []
    # (with no visit to date the line, the days are near the first date the notes write in full)
    # ("2026-11-20: 88   11-23: 71": later days in the document's own form without the year)
    found = dates.find(text, anchor or dates.first_written(), yearless_numeric=True, own_separator=True)
    # ("Bed 2 plasterboard: 22/11 100 - cut out 24/11": a place, its colon, then one day's value is
    # a run of one; the day in the note after it is the note's)
    # (so is "STD bed 2 PB - 3/12: 10": a place, its dash, then a day and its colon)
    least = (
        1
        if found
        and (
            text[: found[0].start].rstrip().endswith(":")
            or (_PLACE_END.search(text[: found[0].start]) and text[found[0].end :].lstrip().startswith(":"))
        )
        else _MIN_ITEMS
    )
    if len(found) < least:
        return []
    label = text[: found[0].start].strip(" -,;:")
    if not label or not any(char.isalpha() for char in label) or "." in label.rstrip(".")[-2:]:
        return []
    scale = _LABEL_SCALE.search(label)
    unit = _unit(scale.group("unit")) if scale is not None else None
    ceiling = _MAX_RELATIVE if unit == "REL" or (relative and unit is None) else _MAX_VALUE
    out: list[RowReading] = []
    edge = found[0].start
    for day in found:
        if out and not _ITEM_GAP.fullmatch(text, edge, day.start):
            break  # (a day in the note after the run: "- cut out 24/11")
        if day.value is None or not _ITEM_GAP.fullmatch(text, edge, day.start):
            return []
        item = _DAY_VALUE.match(text, day.end)
        if item is None:
            return []
        value = float(item.group("value"))
        own = _unit(item.group("unit"))
        if value > (_MAX_RELATIVE if own == "REL" else ceiling):  # ("03-03: 140 REL": its own scale)
            return []
        out.append(_dated(label, value, own or unit, day.value, item.start("value"), item.end()))
        edge = item.end()
    if len(out) < least or not _ROW_NOTE.fullmatch(text, edge):
        return []
    return out


# --- each value after its weekday: "Tue 17/11 46, Wed 34, Thu 25, Fri 18, Mon 23/11 13" ----------

# One "weekday value" of the run: the weekday (perhaps with its date), then the value or a dash
# for a day the point was not read.
_WEEKDAY_VALUE = re.compile(
    rf"(?<![\w/.]){WEEKDAY_NAME}\.?(?P<date>\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)?\s*[:=]?\s+"
    r"(?:(?P<value>\d{1,3}(?:\.\d{1,2})?)(?![\d/.%]|\s?(?:mm|cm|m|ft|in|am|pm)\b)"
    r"\s?(?P<unit>% ?MC|%|WME|REL)?|(?P<skip>-|\u2013|\u2014|n/?r))",
    FLAGS,
)
_WEEKDAY_VALUE_GAP = re.compile(r"\s*(?:,|;|\|)\s*", FLAGS)
_WEEKDAY_VALUE_KEY = "_weekday_run_days"


def weekday_value_runs(
    text: str, dates: Dates, anchor: date | None, state: dict[str, object]
) -> list[RowReading]:
    """A row's values each after its weekday, the words before the first its place: the weekday's
    date where the row writes it; else the day the rows above gave that weekday; else the first
    day of that name after the value before it (the first on or after the line's visit). The run
    takes the whole rest of the line, three days or more, each placed: else no reading at all."""
    if len(text) > _MAX_LINE:
        return []
    first = _WEEKDAY_VALUE.search(text)
    if first is None or not text[: first.start()].strip(" -*:,;\u2022"):
        return []  # (a row's place comes first: "Tue 46, Wed 34" alone is a story's)
    label = text[: first.start()].strip(" -*,;\u2022")
    known = state.get(_WEEKDAY_VALUE_KEY)
    named: dict[int, date] = dict(known) if isinstance(known, dict) else {}
    out: list[RowReading] = []
    days: list[date] = []
    position = first.start()
    previous = anchor
    while position < len(text):
        item = _WEEKDAY_VALUE.match(text, position)
        if item is None:
            return []
        weekday = _weekday_number(item.group("weekday"))
        day = _written_day(item.group("date"), dates, previous or anchor)
        if item.group("date") and (day is None or day.weekday() != weekday):
            return []  # ("Tue 18/11" when the 18th is a Wednesday: no day is sure)
        if day is None:
            day = named.get(weekday)
        if day is None and previous is not None:
            after = previous + timedelta(days=1) if days else previous
            day = weekday_on_or_after(after, item.group("weekday"))
        if day is None or (days and day <= days[-1]):
            return []
        days.append(day)
        previous = day
        if item.group("value") is not None:
            value = float(item.group("value"))
            if value > _MAX_RELATIVE:
                return []
            out.append(
                _dated(
                    label,
                    value,
                    _unit(item.group("unit")),
                    day,
                    item.start("value"),
                    item.end("value") if item.group("unit") is None else item.end("unit"),
                )
            )
        gap = _WEEKDAY_VALUE_GAP.match(text, item.end())
        position = gap.end() if gap is not None and gap.group(0).strip() else item.end()
        if gap is None or not gap.group(0).strip():
            break
    if len(days) < _MIN_RUN or text[position:].strip(" .;,") or not out:
        return []
    state[_WEEKDAY_VALUE_KEY] = {day.weekday(): day for day in days}
    return _scaled(out)


def _weekday_number(name: str) -> int:
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(name.lower()[:3])


def _written_day(written: str | None, dates: Dates, anchor: date | None) -> date | None:
    if not written:
        return None
    found = dates.find(written.strip(), anchor, yearless_numeric=True)
    return found[0].value if found and found[0].start == 0 else None


# --- each day first, the items between bars: "T1 stud (%MC): 11/9 28 | 11/11 19 | cut out 11/12" --

# One barred item that is a reading: its day (read by the job's date reader), then its value and
# scale, perhaps a colon or "=" between; nothing after but a bracketed note.
_BARRED_VALUE = re.compile(
    r"\s*[:=]?\s*(?P<value>\d{1,3}(?:\.\d)?)(?![\d/.:])\s?(?P<unit>% ?MC|%|WME|REL)?(?![a-z])"
    r"\s*(?:\([^()|]{0,40}\))?\s*",
    FLAGS,
)
# A barred item that is no reading: words of what happened to the point that day ("cut out 11/9",
# "(dry, not re-read 11/12)", "n/r"); a number in it other than its date makes the line no such row.
_BARRED_NOTE = re.compile(r"[\s(]*[a-z][a-z ,./'-]{1,40}\)?\s*", FLAGS)
# A barred item's day, then words saying the point was not read that day ("7/12: n/r (refitted)").
_BARRED_SKIP = re.compile(
    r"\s*[:=\-\u2013]?\s*"
    r"(?:n/?r|n/?a|-|\u2013|\u2014|not (?:re-?)?(?:read|taken)|removed|cut(?: out)?|stripped)"
    r"\s*(?:\([^()|]{0,40}\))?\s*",
    FLAGS,
)
# Where a barred row's place ends: its colon, or a dash before the first day.
_PLACE_END = re.compile(r"(?::|\s[-\u2013])\s*$")


def barred_day_values(text: str, dates: Dates, anchor: date | None) -> list[RowReading]:
    """A row of place words, then its items between bars, each "day value" (the day first, the
    value after a space or a colon) or a note of what happened that day; [] for any other line. The
    bars settle where each item ends, so no colon is needed between a day and its value; a note's
    only number is its day, and at least two items carry a day, so a row of sizes or counts with a
    date in it never reads."""
    if len(text) > _MAX_LINE or "|" not in text:
        return []
    found = dates.find(text, anchor or dates.first_written(), yearless_numeric=True)
    if not found or any(day.value is None for day in found):
        return []
    label = text[: found[0].start].strip(" -,;:")
    if not label or not any(char.isalpha() for char in label) or "|" in label:
        return []
    if not _PLACE_END.search(text[: found[0].start]) and _LABEL_SCALE.search(label) is None:
        # (the row's place ends with its colon, a dash or its scale: "P2 hall (drywall): 11/8 40",
        # "K1 vinyl at sink - 3/12: 78 | 4/12: 61")
        return []
    scale = _LABEL_SCALE.search(label)
    unit = _unit(scale.group("unit")) if scale is not None else None
    ceiling = _MAX_RELATIVE if unit == "REL" else _MAX_VALUE
    out: list[RowReading] = []
    items = 0
    position = found[0].start
    for item in text[position:].split("|"):
        start, end = position, position + len(item)
        position = end + 1
        days = [day for day in found if start <= day.start < end]
        if len(days) > 1:
            return []
        if not days:
            if not _BARRED_NOTE.fullmatch(item):
                return []
            continue
        items += 1
        day = days[0]
        value = _BARRED_VALUE.fullmatch(text, day.end, end)
        if (
            value is None
            and _BARRED_SKIP.fullmatch(text, day.end, end)
            and not text[start : day.start].strip()
        ):
            continue  # ("7/12: n/r (unit refitted)", "9/12 - removed"): the point not read that day
        if value is None:
            # ("cut out 11/9"): a note dated by its day, no value in it
            before = text[start : day.start]
            if not _BARRED_NOTE.fullmatch(before) or text[day.end : end].strip(" )"):
                return []
            continue
        if text[start : day.start].strip():
            return []  # (words before a day with a value: no "day value" item)
        number = float(value.group("value"))
        if number > ceiling:
            return []
        out.append(
            _dated(
                label,
                number,
                _unit(value.group("unit")) or unit,
                day.value,
                value.start("value"),
                value.end("value") if value.group("unit") is None else value.end("unit"),
            )
        )
    if items < _MIN_ITEMS or not out:
        return []
    return out
