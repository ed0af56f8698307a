"""The day the notes were received as the reference for a weekday written with no year: passed in
by the pipeline, never read from the clock, so the same notes give the same findings on any day;
without it the notes' own written years decide (only notes with no year at all fall back to the
clock's)."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.weekdays import weekday_year

_SITE = "Site: 4 Tern St, Ballina NSW 2478\n"


def _inspection(text: str, received: date | None) -> date | None:
    job = analyze_text(text, received=received).job
    return job.inspection_date.value if job.inspection_date else None


@pytest.mark.parametrize(
    ("text", "received", "expected"),
    [
        # the received day's year, or the latest year before it with that weekday
        (_SITE + "Attended Tuesday 10 November, 8am.\n", date(2026, 12, 1), date(2026, 11, 10)),
        (_SITE + "Attended Wednesday 10 November, 8am.\n", date(2028, 1, 5), date(2027, 11, 10)),
        (_SITE + "Attended Thu 4/3, 8am.\n", date(2027, 3, 20), date(2027, 3, 4)),
        # no reference day: a year the notes write elsewhere decides
        (_SITE + "Report 02/12/2026\nAttended Tuesday 10 November, 8am.\n", None, date(2026, 11, 10)),
        # a reference day years from now places it by that year, never by the clock's
        (_SITE + "Attended Monday 10 November, 8am.\n", date(2031, 12, 1), date(2031, 11, 10)),
        # no reference day: the notes' own latest year (or the one after it) bounds it, not the clock
        (_SITE + "Attended Monday 10 November, 8am.\nReport sent 02/12/2019\n", None, date(2014, 11, 10)),
    ],
)
def test_a_weekday_with_no_year_is_placed_by_the_reference_day(
    text: str, received: date | None, expected: date | None
) -> None:
    assert _inspection(text, received) == expected


def test_the_weekday_year_is_never_after_the_latest_year_given() -> None:
    # 10 November fell on a Tuesday in 2026 and 2020: up to 2027 it is 2026, up to 2025 it is 2020
    assert weekday_year(11, 10, 1, 2027) == date(2026, 11, 10)
    assert weekday_year(11, 10, 1, 2025) == date(2020, 11, 10)
    assert weekday_year(11, 10, 1, None) is None
