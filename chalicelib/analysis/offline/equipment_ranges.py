"""A count of equipment followed by the days it ran, written as a range: "2 air movers in the kitchen
12/01 to 19/01", "LGR (1) 2026-01-12 - 2026-01-13", "from 3 March until 9 March". The range gives
the day the units went in and the day they came out; a clause's first date alone would place them on
the first day and never take them out. A range whose either end cannot be settled (day and month
could swap) gives neither: a wrong day is worse than the line's own day.

A count told day by day ("Air movers: 4 on 14/03, 6 from 17/03") is the count on site from each
day: the later counts carry no kind of their own, so they are the first count's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import pairwise

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.equipment_events import Event
from chalicelib.analysis.offline.text import FLAGS

# A count and its kind, then "+", "and" or "&": the link to the next count of one list.
_JOINED = re.compile(r"[^,;.()/]*?\s*(?:\+|&|\band|\bplus)\s*", FLAGS)


_BETWEEN = re.compile(r"\s*(?:to|until|till|thru|through|-|\u2013|\u2014|>|->)\s*", FLAGS)


def ranged_days(
    text: str, start: int, end: int, positions: Sequence[int], current: date | None, dates: Dates
) -> list[tuple[date, date] | None]:
    """For each count at `positions` (in order) within `text[start:end]`, the (in, out) days of the
    first range written after it and before the next count, or None."""
    clause = text[start:end]
    found = dates.find(clause, current, yearless_numeric=True)
    ranges: list[tuple[int, date | None, date | None]] = []
    for first, second in pairwise(found):
        if not _BETWEEN.fullmatch(clause, first.end, second.start):
            continue
        ranges.append((start + first.start, first.value, second.value))
    days: list[tuple[date, date] | None] = []
    bounds = [*positions, end]
    cursor = 0  # (counts and ranges are both in order: one pass over each keeps a long line linear)
    for position, following in zip(positions, bounds[1:], strict=True):
        while cursor < len(ranges) and ranges[cursor][0] < position:
            cursor += 1
        taken = (
            ranges[cursor]
            if cursor < len(ranges) and ranges[cursor][0] < max(following, position + 1)
            else None
        )
        if taken is None or taken[1] is None or taken[2] is None or taken[2] < taken[1]:
            days.append(None)
        else:
            days.append((taken[1], taken[2]))
    return days


def with_ranges(
    events: list[Event], text: str, start: int, end: int, day: date | None, dates: Dates | None
) -> list[Event]:
    """ "2 air movers in the kitchen 12/01 to 19/01": placed on the range's first day, out on its last."""
    placed = [event for event in events if event.mode in ("set", "add") and event.position is not None]
    if not placed or dates is None:
        return events
    spans = ranged_days(text, start, end, [event.position or 0 for event in placed], day, dates)
    for index in range(len(placed) - 2, -1, -1):
        # ("1 AM + 1 dehu, Nov 18 to Nov 21": the range after a joined list is each count's in it)
        joint = text[placed[index].position or 0 : placed[index + 1].position or 0]
        if spans[index] is None and _JOINED.fullmatch(joint):
            spans[index] = spans[index + 1]
    ranged = {id(event): span for event, span in zip(placed, spans, strict=True) if span}
    out: list[Event] = []
    for event in events:
        span = ranged.get(id(event))
        if span is None:
            out.append(event)
            continue
        # (units with their own days in and out add to what is on site, whatever else came that day)
        out.append(replace(event, mode="add", on=span[0], ranged=True))
        out.append(replace(event, mode="remove", on=span[1], run_hours=None))
    return out


# Between a count's kind and its day: "4 on", "3 air movers from" (nothing else of the clause between).
_DAY_LEAD = re.compile(r"[^,;.()]*?\b(?:on|from|as of)\s*$", FLAGS)
# The next count of the same kind, with its own day: ", 6 from", "; then 5 on", " and 2 as of".
_NEXT_DATED = re.compile(
    r"\s*(?:,|;|\band\b)\s*(?:then\s+)?(?P<n>[1-9]\d?)\s+(?:on|from|as of)\s+$|\s*,?\s*then\s+"
    r"(?P<m>[1-9]\d?)\s+(?:on|from|as of)\s+$",
    FLAGS,
)


def with_dated_series(
    events: list[Event], text: str, start: int, end: int, day: date | None, dates: Dates | None
) -> list[Event]:
    """ "Air movers: 4 on 14/03, 6 from 17/03": the first count on its day, then each later count
    (a bare number with its own day) the count of that kind on site from its day."""
    placed = [event for event in events if event.mode in ("set", "total") and not event.ranged]
    if len(placed) != 1 or placed[0].position is None or dates is None:
        return events
    first = placed[0]
    found = [match for match in dates.find(text[start:end], day, yearless_numeric=True) if match.value]
    at = next(
        (index for index, match in enumerate(found) if start + match.start > (first.position or 0)), None
    )
    if at is None or not _DAY_LEAD.match(text, first.position or 0, start + found[at].start):
        return events
    series: list[Event] = []
    for previous, following in pairwise(found[at:]):
        step = _NEXT_DATED.fullmatch(text, start + previous.end, start + following.start)
        if step is None or following.value is None:
            break
        quantity = int(step.group("n") or step.group("m"))
        series.append(replace(first, quantity=quantity, mode="total", on=following.value, room=None))
    if not series:
        return events
    return [replace(event, on=found[at].value) if event is first else event for event in events] + series
