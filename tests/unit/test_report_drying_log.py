"""The drying log's arithmetic: points by visit, the day a goal was met, the projected dry date
from a least-squares trend, and the air per visit with the dehumidifier's grain depression."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.findings import AtmosphericReading, MoistureReading, SourceSpan
from chalicelib.report.drying_log import (
    Visit,
    air_readings,
    fit_trend,
    goal_met_on,
    grain_depressions,
    project_dry_date,
    reading_points,
)
from chalicelib.report.drying_sections import drying_log_section, point_outcome

SPAN = SourceSpan(line=3, text="readings")


def _reading(
    value: float, day: int, *, location: str = "Kitchen", goal: float | None = 14.0
) -> MoistureReading:
    return MoistureReading(
        location=location,
        material="plasterboard",
        value=value,
        unit="WME",
        meter="Protimeter",
        taken_on=date(2026, 11, day),
        dry_standard=10.0,
        drying_goal=goal,
        source=SPAN,
    )


def _visits(*pairs: tuple[int, float]) -> list[Visit]:
    return [Visit(date(2026, 11, day), value, None, SPAN) for day, value in pairs]


def test_readings_group_into_points_in_the_order_first_read_references_left_out() -> None:
    # Given two points read on two visits, and a reference reading
    reference = _reading(10, 13, location="Bedroom").model_copy(update={"is_reference": True})
    readings = [
        _reading(38, 13),
        _reading(30, 13, location="Hall"),
        _reading(24, 14),
        _reading(21, 14, location="Hall"),
    ]
    # When they are grouped
    points = reading_points([reference, *readings])
    # Then each point has its visits in date order, and the reference is no point
    assert [(p.location, [v.value for v in p.visits]) for p in points] == [
        ("Kitchen", [38, 24]),
        ("Hall", [30, 21]),
    ]


def test_the_goal_is_met_on_the_first_visit_at_or_below_it() -> None:
    assert goal_met_on(_visits((13, 38), (14, 24), (15, 14)), 14) == date(2026, 11, 15)
    assert goal_met_on(_visits((13, 38), (14, 24)), 14) is None
    # With no goal, the notes' own "dry" decides
    dry = [Visit(date(2026, 11, 14), 20, True, SPAN)]
    assert goal_met_on(dry, None) == date(2026, 11, 14)


def test_the_trend_is_the_least_squares_line() -> None:
    # Given readings 38, 24, 16 on days 0, 1, 2: slope -11 per day, intercept 37
    trend = fit_trend(_visits((13, 38), (14, 24), (15, 16)))
    assert trend is not None
    assert trend.slope_per_day == pytest.approx(-11.0)
    assert trend.intercept == pytest.approx(37.0)
    assert trend.visits == 3
    # And one day is no trend
    assert fit_trend(_visits((13, 38))) is None


def test_a_falling_trend_projects_the_first_day_at_or_below_the_goal() -> None:
    # Given 38 then 30 (slope -8 per day) and a goal of 14: 38 - 8 d <= 14 at d = 3
    projection = project_dry_date(_visits((13, 38), (14, 30)), 14)
    assert projection is not None
    assert projection.dry_on == date(2026, 11, 16)
    assert projection.trend.slope_per_day == pytest.approx(-8.0)


def test_no_projection_when_not_drying_or_too_far_out() -> None:
    assert project_dry_date(_visits((13, 30), (14, 31)), 14) is None  # rising
    assert project_dry_date(_visits((13, 30), (14, 30)), 14) is None  # flat
    assert project_dry_date(_visits((13, 90), (14, 89.9)), 14) is None  # 760 days out
    assert project_dry_date(_visits((13, 38), (14, 30)), None) is None  # no goal


def test_the_log_says_met_or_projected_with_the_fit_shown() -> None:
    # Given one point that met its goal on the 15th and one still drying
    met, drying = reading_points(
        [
            _reading(38, 13),
            _reading(24, 14),
            _reading(13, 15),
            _reading(40, 13, location="Hall"),
            _reading(32, 14, location="Hall"),
        ]
    )
    # Then the first says when; the second is marked projected, with its slope (40 - 8 d <= 14: d = 4)
    assert point_outcome(met) == "Kitchen, plasterboard (Protimeter): goal 14 WME met on 15 Nov 2026."
    assert point_outcome(drying) == (
        "Hall, plasterboard (Protimeter): goal not yet met; PROJECTED dry by 17 Nov 2026 (projected, not "
        "measured: least-squares fit over 2 readings, -8 WME per day)."
    )
    section = drying_log_section([_reading(38, 13), _reading(24, 14), _reading(13, 15)])
    table = section.blocks[1]
    assert [row[5] for row in table.rows] == ["Above goal", "Above goal", "Goal met"]  # type: ignore[union-attr]


def _air(
    location: str, temperature_f: float, rh: float, day: int, gpp: float | None = None
) -> AtmosphericReading:
    return AtmosphericReading(
        location=location,
        temperature_f=temperature_f,
        relative_humidity=rh,
        gpp=gpp,
        taken_on=date(2026, 11, day),
        source=SPAN,
    )


def test_air_gets_gpp_and_dew_point_and_the_dehumidifier_its_grain_depression() -> None:
    # Given inlet and outlet read on the 14th (GPP given), and an affected reading with no GPP
    readings = [
        _air("dehumidifier inlet", 75, 60, 14, gpp=78),
        _air("dehumidifier outlet", 95, 18, 14, gpp=40),
        _air("affected", 75, 60, 13),
    ]
    air = air_readings(readings)
    # Then the affected air has its GPP and dew point computed, and is first (by date)
    assert air[0].location == "affected" and air[0].computed
    assert air[0].gpp == pytest.approx(78.0, abs=1.5)
    assert air[0].dew_point_f == pytest.approx(60.5, abs=0.5)
    # And the grain depression is inlet less outlet
    (depression,) = grain_depressions(air)
    assert (depression.on, depression.grains) == (date(2026, 11, 14), 38.0)
    # And with no outlet there is none
    assert grain_depressions(air_readings(readings[:1])) == []


def test_a_spot_read_once_with_no_goal_is_left_to_the_readings_table() -> None:
    # Given a fire job's checks that nothing got wet (each spot read once, no goal, no verdict),
    # and one point read twice
    once = [_reading(value, 4, location=f"Hall {n}", goal=None) for n, value in enumerate((12, 13, 11))]
    twice = [_reading(30, 4, location="Laundry", goal=None), _reading(18, 6, location="Laundry", goal=None)]
    # When the drying log is drawn
    section = drying_log_section([*once, *twice])
    # Then only the point read twice is in it
    text = repr(section)
    assert "Laundry" in text and "Hall 0" not in text
    # And with only the checks, the log says there is nothing to follow
    assert "No reading point was read on more than one visit" in repr(drying_log_section(once))
