"""Psychrometrics: grains per pound (GPP) and dew point from air temperature and relative humidity.

The formulas are those of the ASHRAE Handbook - Fundamentals (2017, chapter 1, "Psychrometrics"),
at standard sea-level pressure (101.325 kPa), which is what restoration hygrometers and the
IICRC S500 psychrometric chart assume:

- saturation vapour pressure over liquid water, Hyland-Wexler (ASHRAE eq. 6), valid -100..200 C;
- humidity ratio W = 0.621945 * pw / (p - pw) (ASHRAE eq. 20, 22), pw = RH * pws;
- GPP = W * 7000 (7000 grains in a pound);
- dew point from pw by ASHRAE's regressions (eq. 39 at or above 0 C; below 0 C eq. 40, which
  gives the frost point).

Checked against chart values: 70 F / 50 % RH is about 55 GPP with a 50.5 F dew point; 80 F / 60 %
RH (the AHAM rating point) is about 92 GPP. At altitude real GPP is higher than these; the
tolerance QA allows (configuration) covers ordinary sites.
"""

from __future__ import annotations

import math

SEA_LEVEL_PRESSURE_KPA = 101.325
GRAINS_PER_POUND = 7000.0
_MOLAR_MASS_RATIO = 0.621945  # water vapour / dry air

# Hyland-Wexler coefficients over liquid water (ASHRAE Fundamentals 2017, ch. 1, eq. 6); pws in Pa.
_C8 = -5.8002206e3
_C9 = 1.3914993
_C10 = -4.8640239e-2
_C11 = 4.1764768e-5
_C12 = -1.4452093e-8
_C13 = 6.5459673


def fahrenheit_to_celsius(temperature_f: float) -> float:
    return (temperature_f - 32.0) * 5.0 / 9.0


def celsius_to_fahrenheit(temperature_c: float) -> float:
    return temperature_c * 9.0 / 5.0 + 32.0


def saturation_pressure_kpa(temperature_c: float) -> float:
    """Saturation vapour pressure over liquid water, in kPa (Hyland-Wexler)."""
    kelvin = temperature_c + 273.15
    log_pa = (
        _C8 / kelvin + _C9 + _C10 * kelvin + _C11 * kelvin**2 + _C12 * kelvin**3 + _C13 * math.log(kelvin)
    )
    return math.exp(log_pa) / 1000.0


def _vapour_pressure_kpa(temperature_c: float, relative_humidity: float) -> float:
    if not 0.0 < relative_humidity <= 100.0:
        raise ValueError(f"relative humidity must be in (0, 100], got {relative_humidity}")
    return saturation_pressure_kpa(temperature_c) * relative_humidity / 100.0


def humidity_ratio(temperature_c: float, relative_humidity: float) -> float:
    """Pounds of water per pound of dry air (equally kg/kg) at sea-level pressure."""
    vapour = _vapour_pressure_kpa(temperature_c, relative_humidity)
    return _MOLAR_MASS_RATIO * vapour / (SEA_LEVEL_PRESSURE_KPA - vapour)


def grains_per_pound(temperature_c: float, relative_humidity: float) -> float:
    """GPP: grains of water vapour per pound of dry air."""
    return humidity_ratio(temperature_c, relative_humidity) * GRAINS_PER_POUND


def dew_point_c(temperature_c: float, relative_humidity: float) -> float:
    """Dew point in Celsius (ASHRAE eq. 39/40), never above the air temperature."""
    vapour = _vapour_pressure_kpa(temperature_c, relative_humidity)
    alpha = math.log(vapour)
    dew = 6.54 + 14.526 * alpha + 0.7389 * alpha**2 + 0.09486 * alpha**3 + 0.4569 * math.pow(vapour, 0.1984)
    if dew < 0.0:
        dew = 6.09 + 12.608 * alpha + 0.4959 * alpha**2
    # The regressions can overshoot by a few hundredths at saturation.
    return min(dew, temperature_c)


def gpp_from_fahrenheit(temperature_f: float, relative_humidity: float) -> float:
    return grains_per_pound(fahrenheit_to_celsius(temperature_f), relative_humidity)


def dew_point_f(temperature_f: float, relative_humidity: float) -> float:
    return celsius_to_fahrenheit(dew_point_c(fahrenheit_to_celsius(temperature_f), relative_humidity))
