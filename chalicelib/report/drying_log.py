"""The drying log's arithmetic: reading points visit by visit, the day each met its goal, a
projected dry date from the trend, and the air per visit with the dehumidifiers' grain depression.

Pure functions of the findings (no rendering): `drying_sections` lays them out. A point is one
place, material and meter read again on later visits, as S500 asks (same points, same meter), so
its readings can be compared. Readings on moisture scales fall as a material dries: a goal is met
by a reading at or below it.

The projection is the trend an adjuster can check by hand, not a model of drying: an ordinary
least-squares line of reading against day over the point's visits, drawn forward to the goal. It
is given only when the readings fall, and always said to be a projection, with its slope.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from chalicelib.analysis.findings import AtmosphericReading, MoistureReading, SourceSpan
from chalicelib.analysis.psychrometrics import dew_point_f, gpp_from_fahrenheit
from chalicelib.analysis.reading_series import point_series

MIN_VISITS_TO_PROJECT = 2
# A projection further out than this says the trend is too flat to date anything.
MAX_PROJECTION_DAYS = 60


@dataclass(frozen=True)
class Visit:
    """One reading of a point."""

    on: date | None
    value: float
    is_dry: bool | None
    source: SourceSpan


@dataclass(frozen=True)
class Trend:
    """The least-squares line through a point's readings: value = intercept + slope * day."""

    slope_per_day: float
    intercept: float
    first_day: date
    visits: int

    def value_on(self, day: date) -> float:
        return self.intercept + self.slope_per_day * (day - self.first_day).days


@dataclass(frozen=True)
class Projection:
    """When the trend reaches the goal: a projection, never a reading."""

    dry_on: date
    trend: Trend


@dataclass(frozen=True)
class ReadingPoint:
    location: str
    point: str | None
    material: str | None
    meter: str | None
    unit: str
    dry_standard: float | None
    drying_goal: float | None
    visits: tuple[Visit, ...]
    goal_met_on: date | None
    projection: Projection | None

    @property
    def goal_met(self) -> bool:
        return self.goal_met_on is not None or any(visit.is_dry for visit in self.visits)


def _key(reading: MoistureReading) -> tuple[str, str, str, str]:
    return (
        reading.location.strip().lower(),
        (reading.material or "").strip().lower(),
        (reading.meter or "").strip().lower(),
        reading.unit,
    )


def reading_points(readings: Iterable[MoistureReading]) -> list[ReadingPoint]:
    """The readings grouped by point (place, material, meter and scale), in the order first read.

    Reference readings are the dry standards themselves, not points being dried. Two points with
    one place and material (a ceiling and a wall of one room, each a row of the log) stay apart
    (`point_series`)."""
    measured = [reading for reading in readings if not reading.is_reference]
    return [_point([measured[index] for index in point]) for point in point_series(measured, _key)]


def _point(group: Sequence[MoistureReading]) -> ReadingPoint:
    ordered = sorted(group, key=lambda reading: reading.taken_on or date.max)
    first = ordered[0]
    visits = tuple(Visit(r.taken_on, r.value, r.is_dry, r.source) for r in ordered)
    goal = next((r.drying_goal for r in ordered if r.drying_goal is not None), None)
    standard = next((r.dry_standard for r in ordered if r.dry_standard is not None), None)
    met = goal_met_on(visits, goal)
    projection = None if met is not None else project_dry_date(visits, goal)
    return ReadingPoint(
        first.location,
        first.point,
        first.material,
        first.meter,
        first.unit,
        standard,
        goal,
        visits,
        met,
        projection,
    )


def goal_met_on(visits: Sequence[Visit], goal: float | None) -> date | None:
    """The date of the first visit whose reading is at or below the goal (or, with no goal, that
    the notes call dry)."""
    for visit in visits:
        met = visit.value <= goal if goal is not None else visit.is_dry is True
        if met and visit.on is not None:
            return visit.on
    return None


def fit_trend(visits: Sequence[Visit]) -> Trend | None:
    """Ordinary least squares of reading against day, over the dated visits; None with fewer
    than two different days."""
    dated = [visit for visit in visits if visit.on is not None]
    if len({visit.on for visit in dated}) < MIN_VISITS_TO_PROJECT:
        return None
    first_day = min(visit.on for visit in dated if visit.on is not None)
    xs = [float((visit.on - first_day).days) for visit in dated if visit.on is not None]
    ys = [visit.value for visit in dated]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return Trend(slope, mean_y - slope * mean_x, first_day, len(dated))


def project_dry_date(visits: Sequence[Visit], goal: float | None) -> Projection | None:
    """The first day the trend is at or below the goal, when the readings fall toward it."""
    if goal is None:
        return None
    trend = fit_trend(visits)
    if trend is None or trend.slope_per_day >= 0:
        return None  # not drying (or not yet measurably): no date can be argued from the trend
    days = math.ceil((goal - trend.intercept) / trend.slope_per_day)
    last_day = max(visit.on for visit in visits if visit.on is not None)
    dry_on = max(trend.first_day + timedelta(days=days), last_day + timedelta(days=1))
    if (dry_on - last_day).days > MAX_PROJECTION_DAYS:
        return None
    return Projection(dry_on, trend)


# --- the air ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AirReading:
    """An atmospheric reading with GPP and dew point, computed from temperature and RH when the
    notes did not give them (`computed`)."""

    on: date | None
    location: str
    temperature_f: float | None
    relative_humidity: float | None
    gpp: float | None
    dew_point_f: float | None
    computed: bool
    source: SourceSpan


@dataclass(frozen=True)
class GrainDepression:
    """A dehumidifier's inlet GPP less its outlet GPP on one visit: the moisture it takes out."""

    on: date | None
    inlet_gpp: float
    outlet_gpp: float

    @property
    def grains(self) -> float:
        return round(self.inlet_gpp - self.outlet_gpp, 1)


def air_readings(readings: Iterable[AtmosphericReading]) -> list[AirReading]:
    """Every atmospheric reading, by visit, with its GPP and dew point."""
    out = []
    for reading in readings:
        gpp, dew, computed = reading.gpp, reading.dew_point_f, False
        if reading.temperature_f is not None and reading.relative_humidity:
            if gpp is None:
                gpp, computed = (
                    round(gpp_from_fahrenheit(reading.temperature_f, reading.relative_humidity), 1),
                    True,
                )
            if dew is None:
                dew, computed = round(dew_point_f(reading.temperature_f, reading.relative_humidity), 1), True
        out.append(
            AirReading(
                reading.taken_on,
                reading.location,
                reading.temperature_f,
                reading.relative_humidity,
                gpp,
                dew,
                computed,
                reading.source,
            )
        )
    return sorted(out, key=lambda air: air.on or date.max)


def grain_depressions(readings: Sequence[AirReading]) -> list[GrainDepression]:
    """Per visit, the dehumidifier's inlet against its outlet, where both were read."""
    by_day: dict[date | None, dict[str, float]] = {}
    for air in readings:
        place = air.location.strip().lower()
        side = "inlet" if "inlet" in place or "intake" in place else "outlet" if "outlet" in place else None
        if side is not None and "dehu" in place and air.gpp is not None:
            by_day.setdefault(air.on, {}).setdefault(side, air.gpp)
    return [
        GrainDepression(day, sides["inlet"], sides["outlet"])
        for day, sides in by_day.items()
        if "inlet" in sides and "outlet" in sides
    ]
