"""Each equipment day argued from the moisture readings, not from a fixed number of days."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.findings import MoistureReading, SourceSpan
from chalicelib.report.drying_log import reading_points
from chalicelib.report.equipment_days import argument_text, day_arguments

pytestmark = pytest.mark.unit


def _reading(value: float, on: date) -> MoistureReading:
    return MoistureReading(
        location="Kitchen",
        material="plasterboard",
        value=value,
        unit="WME",
        taken_on=on,
        drying_goal=14,
        source=SourceSpan(line=1, text="kitchen plasterboard"),
    )


def test_each_day_is_set_against_the_last_readings() -> None:
    # Given readings on day 1 and day 3 and equipment on site for four days
    points = reading_points([_reading(38, date(2026, 11, 13)), _reading(13, date(2026, 11, 15))])
    days = [date(2026, 11, 12), date(2026, 11, 13), date(2026, 11, 14), date(2026, 11, 15)]
    arguments = day_arguments(days, points)
    # Then a day before any reading is not argued, day 2 rests on day 1's wet reading, and the
    # last day's readings no longer call for drying
    assert [argument.supported for argument in arguments] == [None, True, True, False]
    assert arguments[2].read_on == date(2026, 11, 13)
    text = argument_text(arguments[2], "13 Nov 2026")
    assert text == (
        "1 of 1 points above goal (last read 13 Nov 2026); wettest: Kitchen plasterboard 38 WME (goal 14)."
    )
    assert "no longer call for drying" in argument_text(arguments[3], "15 Nov 2026")
