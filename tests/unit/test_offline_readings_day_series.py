"""Rows told as a trend ("a > b > c") under a line giving the days of that trend, in order."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_NOTES = """Job 7731, 40 Birch Lane, Akron OH 44303. Burst toilet supply, called out 03/09/2026.
Laundry and back hall wet. A ceiling stain in the den is old (roof leak fixed 06/02/2024), dry.

MOISTURE
Delmhorst: drywall on the relative scale (no unit), subfloor on pins (%MC).
Order of the values: 3/10 > 3/12 > 3/15

L-1 laundry drywall by the standpipe: 610 > 340 > 120
L-2 back hall plywood subfloor: 28 > 19
"""


def _found() -> list[tuple[float, str | None, date | None]]:
    return [(r.value, r.location, r.taken_on) for r in analyze_text(_NOTES).moisture_readings]


def test_each_value_of_a_trend_row_takes_its_day_in_order() -> None:
    found = _found()
    assert (610.0, "Laundry", date(2026, 3, 10)) in found
    assert (340.0, "Laundry", date(2026, 3, 12)) in found
    assert (120.0, "Laundry", date(2026, 3, 15)) in found


def test_a_shorter_row_takes_the_first_days_and_the_year_is_the_jobs() -> None:
    found = _found()
    assert (28.0, "Back hall", date(2026, 3, 10)) in found
    assert (19.0, "Back hall", date(2026, 3, 12)) in found
    assert all(day is None or day.year == 2026 for _, _, day in found)


def test_the_days_line_itself_is_no_reading() -> None:
    values = {value for value, _, _ in _found()}
    assert not values & {3.0, 10.0, 12.0, 15.0}
