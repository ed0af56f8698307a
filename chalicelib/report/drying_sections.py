"""The report's drying log (each reading point visit by visit, the date its goal was met or a
projected one) and atmospheric log (the air per visit, with the dehumidifiers' grain depression).
The arithmetic is `drying_log`'s; this module only words it."""

from __future__ import annotations

from collections.abc import Sequence

from chalicelib.analysis.findings import AtmosphericReading, MoistureReading
from chalicelib.report.blocks import Block, Bullets, Column, Paragraph, Section, Table
from chalicelib.report.drying_log import (
    AirReading,
    ReadingPoint,
    air_readings,
    grain_depressions,
    reading_points,
)
from chalicelib.report.wording import (
    NONE,
    day,
    number,
    reading_place,
    temperature,
    unnamed_scale_note,
    where,
)

DRYING_COLUMNS = (
    Column("Reading point", 1.9),
    Column("Date", 1.0),
    Column("Reading", 0.8, "right"),
    Column("Dry standard", 0.9, "right"),
    Column("Goal", 0.8, "right"),
    Column("Status", 1.3),
    Column("Source", 0.9),
)


def _on_scale(value: float | None, unit: str) -> str:
    return NONE if value is None else f"{number(value)} {unit}"


def point_name(point: ReadingPoint) -> str:
    parts = [reading_place(point.location, point.point)]
    if point.material:
        parts.append(point.material)
    name = ", ".join(parts)
    return f"{name} ({point.meter})" if point.meter else name


def _rows(point: ReadingPoint) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for index, visit in enumerate(point.visits):
        if point.goal_met_on is not None and visit.on == point.goal_met_on:
            status = "Goal met"
        elif point.goal_met_on is not None and visit.on is not None and visit.on > point.goal_met_on:
            status = "Dry (after goal met)"
        elif point.drying_goal is None:
            status = {True: "Dry (per notes)", False: "Not dry (per notes)", None: "No goal set"}[
                visit.is_dry
            ]
        else:
            status = "Above goal"
        rows.append(
            (
                point_name(point) if index == 0 else "",
                day(visit.on) if visit.on else NONE,
                _on_scale(visit.value, point.unit),
                _on_scale(point.dry_standard, point.unit),
                _on_scale(point.drying_goal, point.unit),
                status,
                where(visit.source),
            )
        )
    return rows


def point_outcome(point: ReadingPoint) -> str:
    """One line per point: when its goal was met, or the projected date with the fit shown."""
    name = point_name(point)
    if point.goal_met_on is not None:
        goal = _on_scale(point.drying_goal, point.unit)
        return f"{name}: goal {goal} met on {day(point.goal_met_on)}."
    if point.projection is not None:
        trend = point.projection.trend
        return (
            f"{name}: goal not yet met; PROJECTED dry by {day(point.projection.dry_on)} "
            f"(projected, not measured: least-squares fit over {trend.visits} readings, "
            f"{number(trend.slope_per_day)} {point.unit} per day)."
        )
    if point.drying_goal is None:
        return f"{name}: no drying goal recorded, so no date can be given."
    if len(point.visits) < 2:
        return f"{name}: goal not met; one visit only, so no trend to project from."
    return f"{name}: goal not met; the readings are not falling, so no dry date can be projected."


def _tracked(point: ReadingPoint) -> bool:
    """A point the log has something to say about: read again, or against a goal, or called dry or
    wet. A spot read once with none of these (a fire job's check that nothing got wet) is in the
    readings table already; here it was a row and a bullet saying "no drying goal recorded"."""
    return (
        len(point.visits) > 1
        or point.drying_goal is not None
        or any(v.is_dry is not None for v in point.visits)
    )


def drying_log_section(readings: Sequence[MoistureReading]) -> Section:
    title = "Drying log"
    points = [point for point in reading_points(readings) if _tracked(point)]
    if not points:
        return Section(
            "drying-log",
            title,
            (
                Paragraph(
                    "No reading point was read on more than one visit or against a drying goal.", empty=True
                ),
            ),
        )
    rows = tuple(row for point in points for row in _rows(point))
    blocks: list[Block] = [
        Paragraph(
            "Each reading point (the same place, material and meter) visit by visit, against its dry "
            "standard and drying goal (lower readings are drier)."
        ),
        Table(DRYING_COLUMNS, rows),
    ]
    note = unnamed_scale_note(point.unit for point in points)
    if note is not None:
        blocks.append(Paragraph(note))
    blocks.append(Bullets(tuple(map(point_outcome, points))))
    return Section("drying-log", title, tuple(blocks))


ATMOSPHERIC_COLUMNS = (
    Column("Date", 1.0),
    Column("Location", 1.5),
    Column("Temperature", 1.3, "right"),
    Column("RH", 0.6, "right"),
    Column("GPP", 0.7, "right"),
    Column("Dew point", 1.3, "right"),
    Column("Source", 1.0),
)


def _air_row(air: AirReading) -> tuple[str, ...]:
    mark = "*" if air.computed else ""
    return (
        day(air.on) if air.on else NONE,
        air.location,
        temperature(air.temperature_f),
        f"{number(air.relative_humidity)}%" if air.relative_humidity is not None else NONE,
        number(air.gpp) + mark if air.gpp is not None else NONE,
        temperature(air.dew_point_f) + mark if air.dew_point_f is not None else NONE,
        where(air.source),
    )


def atmospheric_section(readings: Sequence[AtmosphericReading]) -> Section:
    title = "Atmospheric log"
    air = air_readings(readings)
    if not air:
        return Section(
            "atmospheric-readings",
            title,
            (Paragraph("No atmospheric (psychrometric) readings were recorded in the notes.", empty=True),),
        )
    blocks: list[Block] = [Table(ATMOSPHERIC_COLUMNS, tuple(map(_air_row, air)))]
    if any(reading.computed for reading in air):
        blocks.append(
            Paragraph("* computed from the temperature and RH (ASHRAE psychrometrics), not read on site.")
        )
    depressions = grain_depressions(air)
    if depressions:
        blocks.append(
            Bullets(
                tuple(
                    f"{day(entry.on) if entry.on else 'Undated'}: dehumidifier grain depression "
                    f"{number(entry.grains)} GPP (inlet {number(entry.inlet_gpp)} \u2212 outlet "
                    f"{number(entry.outlet_gpp)})."
                    for entry in depressions
                )
            )
        )
    return Section("atmospheric-readings", title, tuple(blocks))
