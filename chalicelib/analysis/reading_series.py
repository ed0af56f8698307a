"""Which moisture readings are one point read visit after visit.

A point is a place, material and scale read again on later visits. Two points of the same room and
material (a ceiling and a wall, both plasterboard in one treatment room, each a row of a log) carry
the same location and material in the findings, so that key alone joins them into one series with
two readings a day: QA then calls the second row's first day "dated before" the first row's last
and the drying log interleaves them. A key whose readings repeat a day is split by the line each
came from, when every line holds one reading a day (a row per point); when every line is one day's
and holds the same number of readings (a line per visit, the points in the same order each time:
"Day 2: skirting 22, bottom plate 19"), by their place in the line. Anything else stays joined.
When the notes number or letter their points and every reading of a key carries its point's ID,
the IDs say it outright and the layout is not asked.

QA (`qa.py`) and the report's drying log (`report/drying_log.py`) both ask this, each with its own
key (the report keeps the meter apart too).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date

from chalicelib.analysis.findings import MoistureReading


def point_series(
    readings: Sequence[MoistureReading], key: Callable[[MoistureReading], Hashable]
) -> list[list[int]]:
    """The readings' indexes grouped into points, each in the order read, the points in the order
    each was first read."""
    groups: dict[Hashable, list[int]] = {}
    for index, reading in enumerate(readings):
        groups.setdefault(key(reading), []).append(index)
    points: list[list[int]] = []
    for indexes in groups.values():
        for point in _split_by_id(readings, indexes):
            points.extend(_split_by_row(readings, point))
    return sorted(points, key=lambda point: point[0])


def _split_by_id(readings: Sequence[MoistureReading], indexes: list[int]) -> list[list[int]]:
    """A key's readings by the point ID each carries ("4" and "6", both plasterboard in bedroom 2),
    when every one carries one; else the key's readings as they are."""
    ids: dict[str, list[int]] = {}
    for index in indexes:
        point = readings[index].point
        if point is None:
            return [indexes]
        ids.setdefault(point.strip().lower(), []).append(index)
    return list(ids.values())


def _split_by_row(readings: Sequence[MoistureReading], indexes: list[int]) -> list[list[int]]:
    if not _repeats_a_day(readings, indexes):
        return [indexes]
    rows: dict[int | None, list[int]] = {}
    for index in indexes:
        rows.setdefault(readings[index].source.line, []).append(index)
    if len(rows) > 1 and not any(_repeats_a_day(readings, row) for row in rows.values()):
        return list(rows.values())
    return _split_by_place_in_line(readings, list(rows.values())) or [indexes]


def _split_by_place_in_line(readings: Sequence[MoistureReading], lines: list[list[int]]) -> list[list[int]]:
    """Lines that are each one visit's readings of the same points in the same order: the n-th
    reading of every line is one point. Nothing when the lines are not like that."""
    width = len(lines[0])
    for line in lines:
        if len(line) != width or len({readings[index].taken_on for index in line}) != 1:
            return []
    if len({readings[line[0]].taken_on for line in lines}) != len(lines):
        return []  # two lines of one day: the order does not say which is which
    return [[line[place] for line in lines] for place in range(width)]


def _repeats_a_day(readings: Sequence[MoistureReading], indexes: list[int]) -> bool:
    days: set[date] = set()
    for index in indexes:
        day = readings[index].taken_on
        if day is None:
            continue
        if day in days:
            return True
        days.add(day)
    return False
