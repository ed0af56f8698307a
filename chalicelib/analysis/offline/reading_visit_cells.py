"""A table's column of later visits, each value with its own day in the cell: "1.9 (12/03), 0.8
(12/05)" or "15 on 3 Dec; 11 on 5 Dec" under a title such as "Later visits", "Follow-up readings",
"Re-reads". Each value is the row's point read again on its own day; a cell of notes ("removed
12/02", "not re-read - dry") gives none, and says nothing of equipment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.reading_scales import explicit_scale
from chalicelib.analysis.offline.text import FLAGS

# The column's title: the visits after the first, in the words logs use for them.
VISITS_TITLE = re.compile(
    r"^(?:(?:later|follow[- ]?up|subsequent|next|further|other)s?"
    r"(?: (?:visits?|readings?|re-?reads?|checks?))?|re-?reads?|re-?visits?|re-?checks?)$",
    FLAGS,
)
# One value with its day: "1.9 (12/03)", "15 %MC (3 Dec)", "22 on 04/06", "0.8 @ 12/05".
_PAIR = re.compile(
    r"(?P<value>\d{1,3}(?:\.\d{1,2})?)[ \t]?(?P<scale>%\s?mc|%|wme|rel|mc)?[ \t]*"
    r"(?:\((?P<day>[^()]{3,20})\)|(?:on|@)[ \t]+(?P<on>[^,;()]{3,20}?))(?=[ \t]*(?:[,;]|$))",
    FLAGS,
)
_BETWEEN = re.compile(r"[ \t]*[,;]?[ \t]*")


@dataclass(frozen=True)
class VisitValue:
    value: float
    scale: str | None
    taken_on: date
    start: int  # where the value stands in the cell
    end: int


# After a visit's day, its value: "27-Nov 26", "11/8: 40", "2026-11-20 - 88 REL", perhaps with a note
# in brackets ("02-Dec 14 (dry)"), then the mark that parts it from the next visit or the cell's end.
_DAY_FIRST_VALUE = re.compile(
    r"[ \t]*[:=\-\u2013]?[ \t]*(?P<value>\d{1,3}(?:\.\d{1,2})?)(?![\d/.:])"
    r"[ \t]?(?P<scale>%\s?mc|%|wme|rel|mc)?(?![a-z])[ \t]*(?:\([^()]{0,40}\))?[ \t]*(?:[,;/][ \t]*)?$",
    FLAGS,
)


def visit_values_in_cell(cell: str, dates: Dates, anchor: date | None) -> list[VisitValue]:
    """Each value of a cell made only of values with their own days, the day after its value
    ("1.9 (12/03), 0.8 (12/05)") or before it ("27-Nov 26 / 29-Nov 19"); none for any other cell (a
    note with a date in it, "removed 12/02 (ceiling cut)", is no reading)."""
    return _value_first(cell, dates, anchor) or _day_first(cell, dates, anchor)


def _day_first(cell: str, dates: Dates, anchor: date | None) -> list[VisitValue]:
    """ "27-Nov 26 / 29-Nov 19 / 02-Dec 14": each visit's day, then its value, up to the next day.
    Every stretch between two days must be a value alone (with its scale or a bracketed note)."""
    # (a yearless day takes its year from the job's first written date when the row has none)
    days = dates.find(cell, anchor or dates.first_written(), yearless_numeric=True)
    if not days or days[0].start != 0 or any(day.value is None for day in days):
        return []
    found: list[VisitValue] = []
    for index, day in enumerate(days):
        end = days[index + 1].start if index + 1 < len(days) else len(cell)
        value = _DAY_FIRST_VALUE.match(cell[:end], day.end)
        if value is None or day.value is None:
            return []
        scale = explicit_scale(value.group("scale")) if value.group("scale") else None
        found.append(
            VisitValue(
                float(value.group("value")), scale, day.value, value.start("value"), value.end("value")
            )
        )
    return found


def _value_first(cell: str, dates: Dates, anchor: date | None) -> list[VisitValue]:
    found: list[VisitValue] = []
    pos = 0
    while True:
        pos = _BETWEEN.match(cell, pos).end()  # type: ignore[union-attr]  # (matches the empty string)
        if pos >= len(cell):
            return found
        pair = _PAIR.match(cell, pos)
        if pair is None:
            return []
        written = pair.group("day") or pair.group("on")
        days = dates.find(written.strip(), anchor, yearless_numeric=True)
        if not days or days[0].start != 0 or days[0].value is None:
            return []
        scale = explicit_scale(pair.group("scale")) if pair.group("scale") else None
        found.append(
            VisitValue(float(pair.group("value")), scale, days[0].value, pair.start(), pair.end("value"))
        )
        pos = pair.end()


def visit_readings(
    cell: str, offset: int, label: str, unit: str | None, point: str | None, dates: Dates, anchor: date | None
) -> list[RowReading]:
    """The row's readings of a later-visits cell that starts at `offset` in the row's text."""
    return [
        RowReading(
            label=label,
            value=visit.value,
            unit=visit.scale or unit,
            role="reading",
            taken_on=visit.taken_on,
            said_dry=None,
            point=point,
            start=offset + visit.start,
            end=offset + visit.end,
        )
        for visit in visit_values_in_cell(cell, dates, anchor)
    ]
