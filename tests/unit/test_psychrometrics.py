"""Psychrometrics: GPP and dew point from temperature and RH, against psychrometric-chart values."""

from __future__ import annotations

import pytest

from chalicelib.analysis.psychrometrics import (
    celsius_to_fahrenheit,
    dew_point_c,
    dew_point_f,
    fahrenheit_to_celsius,
    gpp_from_fahrenheit,
    grains_per_pound,
    saturation_pressure_kpa,
)


@pytest.mark.parametrize(
    ("temperature_f", "humidity", "gpp", "dew_point"),
    [
        (70.0, 50.0, 55.0, 50.5),  # the textbook restoration example
        (80.0, 60.0, 92.0, 64.9),  # the AHAM dehumidifier rating point
        (60.0, 90.0, 69.0, 57.0),
        (90.0, 30.0, 63.0, 54.5),
        (32.0, 100.0, 26.4, 32.0),
    ],
)
def test_gpp_and_dew_point_match_the_chart(
    temperature_f: float, humidity: float, gpp: float, dew_point: float
) -> None:
    # Given a temperature and RH at sea level
    # When GPP and dew point are computed
    computed_gpp = gpp_from_fahrenheit(temperature_f, humidity)
    computed_dew = dew_point_f(temperature_f, humidity)
    # Then they are within a grain and half a degree of the chart
    assert computed_gpp == pytest.approx(gpp, abs=1.0)
    assert computed_dew == pytest.approx(dew_point, abs=0.5)


def test_saturation_pressure_at_known_points() -> None:
    # Given water at 20 C and 100 C
    # When the saturation vapour pressure is computed
    # Then it matches the steam tables: 2.339 kPa and 101.42 kPa
    assert saturation_pressure_kpa(20.0) == pytest.approx(2.339, abs=0.002)
    assert saturation_pressure_kpa(100.0) == pytest.approx(101.42, abs=0.05)


def test_below_freezing_the_air_saturates_over_ice() -> None:
    # Given winter outside air, -10 C (ASHRAE Fundamentals table 3: 0.2600 kPa over ice, 0.2865
    # over supercooled water)
    # When the saturation pressure, GPP and dew point are computed
    # Then they are over ice: lower GPP than the water formula gives, and the frost point
    assert saturation_pressure_kpa(-10.0) == pytest.approx(0.2600, abs=0.001)
    assert grains_per_pound(-10.0, 100.0) == pytest.approx(11.2, abs=0.1)
    assert dew_point_c(-10.0, 100.0) == pytest.approx(-10.0, abs=0.01)
    assert dew_point_c(-10.0, 50.0) == pytest.approx(-17.6, abs=0.1)


def test_celsius_and_fahrenheit_agree() -> None:
    # Given 21.1 C, which is 70 F
    # When GPP is computed from either
    # Then it is the same
    assert grains_per_pound(fahrenheit_to_celsius(70.0), 50.0) == pytest.approx(
        gpp_from_fahrenheit(70.0, 50.0)
    )
    assert celsius_to_fahrenheit(fahrenheit_to_celsius(70.0)) == pytest.approx(70.0)
    assert dew_point_c(20.0, 50.0) == pytest.approx(9.3, abs=0.2)


def test_gpp_rises_with_rh_and_dew_point_never_exceeds_the_air() -> None:
    # Given 75 F at rising RH
    values = [gpp_from_fahrenheit(75.0, humidity) for humidity in (10, 30, 50, 70, 90, 100)]
    # When they are compared
    # Then GPP rises with RH, and the dew point at saturation is the air temperature
    assert values == sorted(values)
    assert dew_point_f(75.0, 100.0) == pytest.approx(75.0, abs=0.3)
    assert all(dew_point_f(75.0, humidity) <= 75.0 for humidity in (10, 50, 100))


@pytest.mark.parametrize("humidity", [0.0, -5.0, 100.5])
def test_an_impossible_rh_is_refused(humidity: float) -> None:
    # Given an RH outside (0, 100]
    # When GPP is asked for
    # Then it is refused rather than computed
    with pytest.raises(ValueError, match="relative humidity"):
        gpp_from_fahrenheit(70.0, humidity)
