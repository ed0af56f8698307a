"""Psychrometrics: grains per pound (GPP) and dew point from air temperature and relative humidity.

The arithmetic is PsychroLib's (Meyer and Thevenard: the equations of the ASHRAE Handbook -
Fundamentals, chapter 1, "Psychrometrics", tested against the Handbook's tables), at
standard sea-level pressure (101.325 kPa), which is what restoration hygrometers and the IICRC
S500 psychrometric chart assume. It replaced our own copy of the same formulas: it saturates over
ice below 0 C (outside air on a winter job) and finds the dew point by solving the formula rather
than by ASHRAE's regression, which strays by up to 2.7 C below freezing.

Checked against chart values: 70 F / 50 % RH is about 55 GPP with a 50.5 F dew point; 80 F / 60 %
RH (the AHAM rating point) is about 92 GPP. At altitude real GPP is higher than these; the
tolerance QA allows (configuration) covers ordinary sites.
"""

from __future__ import annotations

import psychrolib

SEA_LEVEL_PRESSURE_PA = 101_325.0
GRAINS_PER_POUND = 7000.0

# PsychroLib keeps its unit system as module state; this is its only user, and SI is what the
# formulas below pass.
psychrolib.SetUnitSystem(psychrolib.SI)


def fahrenheit_to_celsius(temperature_f: float) -> float:
    return (temperature_f - 32.0) * 5.0 / 9.0


def celsius_to_fahrenheit(temperature_c: float) -> float:
    return temperature_c * 9.0 / 5.0 + 32.0


def saturation_pressure_kpa(temperature_c: float) -> float:
    """Saturation vapour pressure in kPa: over liquid water, over ice below 0 C."""
    return float(psychrolib.GetSatVapPres(temperature_c)) / 1000.0


def _fraction(relative_humidity: float) -> float:
    if not 0.0 < relative_humidity <= 100.0:
        raise ValueError(f"relative humidity must be in (0, 100], got {relative_humidity}")
    return relative_humidity / 100.0


def humidity_ratio(temperature_c: float, relative_humidity: float) -> float:
    """Pounds of water per pound of dry air (equally kg/kg) at sea-level pressure."""
    return float(
        psychrolib.GetHumRatioFromRelHum(temperature_c, _fraction(relative_humidity), SEA_LEVEL_PRESSURE_PA)
    )


def grains_per_pound(temperature_c: float, relative_humidity: float) -> float:
    """GPP: grains of water vapour per pound of dry air."""
    return humidity_ratio(temperature_c, relative_humidity) * GRAINS_PER_POUND


def dew_point_c(temperature_c: float, relative_humidity: float) -> float:
    """Dew point in Celsius (the frost point below 0 C), never above the air temperature."""
    dew = float(psychrolib.GetTDewPointFromRelHum(temperature_c, _fraction(relative_humidity)))
    return min(dew, temperature_c)


def gpp_from_fahrenheit(temperature_f: float, relative_humidity: float) -> float:
    return grains_per_pound(fahrenheit_to_celsius(temperature_f), relative_humidity)


def dew_point_f(temperature_f: float, relative_humidity: float) -> float:
    return celsius_to_fahrenheit(dew_point_c(fahrenheit_to_celsius(temperature_f), relative_humidity))
