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


def visit_values_in_cell(cell: str, dates: Dates, anchor: date | None) -> list[VisitValue]:
    """Each value of a cell made only of values with their own days; none for any other cell (a note
    with a date in it, "removed 12/02 (ceiling cut)", is no reading)."""
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
