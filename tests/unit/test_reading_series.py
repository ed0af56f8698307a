"""Two points of one room and material, each a row of the log, stay two series: QA does not call
the second row "out of order" and the drying log does not interleave them."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.findings import MoistureReading, SourceSpan
from chalicelib.analysis.reading_series import point_series
from chalicelib.report.drying_log import reading_points
from chalicelib.report.drying_sections import point_name

pytestmark = pytest.mark.unit


def _at(
    line: int, value: float, day: int, location: str = "Consult room 2", point: str | None = None
) -> MoistureReading:
    return MoistureReading(
        location=location,
        point=point,
        material="plasterboard",
        value=value,
        unit="%",
        taken_on=date(2026, 11, day),
        source=SourceSpan(line=line, text=f"row {line}"),
    )


def _key(reading: MoistureReading) -> tuple[str, str]:
    return reading.location, reading.material or ""


# A log with a row per point: the ceiling and a wall of one room, both plasterboard
ROWS = [_at(20, 88, 3), _at(20, 51, 4), _at(20, 17, 5), _at(21, 44, 3), _at(21, 29, 4), _at(21, 13, 5)]


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        # a row per point, the same room and material: two series
        (ROWS, [[0, 1, 2], [3, 4, 5]]),
        # one point whose later visits are written on later lines: one series (no day repeats)
        ([_at(20, 88, 3), _at(31, 51, 4), _at(40, 17, 5)], [[0, 1, 2]]),
        # a line per visit day holding two points of one room in the same order: by place in line
        ([_at(20, 88, 3), _at(20, 44, 3), _at(21, 51, 4), _at(21, 29, 4)], [[0, 2], [1, 3]]),
        # one visit's line reading three spots: three points read once
        ([_at(22, 12, 4), _at(22, 13, 4), _at(22, 11, 4)], [[0], [1], [2]]),
        # day lines of different lengths: which is which cannot be told, one group
        ([_at(20, 88, 3), _at(20, 44, 3), _at(21, 51, 4)], [[0, 1, 2]]),
        # two lines of the same day: one group
        ([_at(20, 88, 3), _at(20, 44, 3), _at(21, 51, 3), _at(21, 29, 3)], [[0, 1, 2, 3]]),
        # the notes' own point IDs say which is which, whatever the lines: a row per reading, the
        # second point read once on the first day and its neighbour on every visit
        (
            [_at(15, 240, 9, point="4"), _at(17, 88, 9, point="6"), _at(23, 150, 10, point="4")],
            [[0, 2], [1]],
        ),
        # IDs written in another case are the same point
        (
            [_at(15, 31, 9, point="C1"), _at(16, 30, 9, point="C2"), _at(20, 22, 10, point="c1")],
            [[0, 2], [1]],
        ),
        # one reading without an ID: the IDs do not decide, the layout does (each line one
        # reading of a day: a row per point, three points)
        ([_at(15, 240, 9, point="4"), _at(17, 88, 9), _at(23, 150, 10, point="4")], [[0], [1], [2]]),
        # different rooms are different points whatever their lines
        ([_at(20, 30, 3, "Hall"), _at(20, 22, 3), _at(21, 18, 4, "Hall")], [[0, 2], [1]]),
    ],
)
def test_readings_repeating_a_day_under_one_key_split_by_row(
    readings: list[MoistureReading], expected: list[list[int]]
) -> None:
    assert point_series(readings, _key) == expected


def test_the_drying_log_keeps_two_rows_of_one_room_apart() -> None:
    points = reading_points(ROWS)
    assert [[visit.value for visit in point.visits] for point in points] == [[88, 51, 17], [44, 29, 13]]


def test_the_drying_log_names_a_numbered_point_as_the_notes_do() -> None:
    readings = [_at(15, 240, 9, point="4"), _at(17, 88, 9, point="6"), _at(23, 150, 10, point="4")]
    points = reading_points(readings)
    assert [(point.point, [visit.value for visit in point.visits]) for point in points] == [
        ("4", [240, 150]),
        ("6", [88]),
    ]
    assert point_name(points[0]) == "Consult room 2, point 4, plasterboard"
