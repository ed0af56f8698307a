"""The equipment log's arithmetic: each run's hours, and how many units of each kind were on site
each day. Pure functions of `EquipmentRun`s; `equipment_log_section` lays them out.

A unit counts on every day it was on site, the day placed and the day removed included (it was
there that day, and a daily log shows it). A run with no removal date counts up to the last day
the log knows of, and no further: what happened after is not in the notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from chalicelib.analysis.findings import EquipmentKind, EquipmentRun

# A log longer than this is a typo in a date, not a drying job: no per-day table is drawn.
MAX_LOG_DAYS = 120


@dataclass(frozen=True)
class RunHours:
    hours: float
    from_times: bool  # computed here from the placed and removed times, not stated in the notes


def run_hours(run: EquipmentRun) -> RunHours | None:
    """The hours stated (or metered) for the run, else the hours between its two times."""
    if run.run_hours is not None:
        return RunHours(run.run_hours, False)
    if run.placed_at is not None and run.removed_at is not None and run.removed_at >= run.placed_at:
        return RunHours(round((run.removed_at - run.placed_at).total_seconds() / 3600, 2), True)
    return None


def placed_day(run: EquipmentRun) -> date | None:
    return run.placed_at.date() if run.placed_at is not None else run.placed_on


def removed_day(run: EquipmentRun) -> date | None:
    return run.removed_at.date() if run.removed_at is not None else run.removed_on


@dataclass(frozen=True)
class DayCount:
    on: date
    units: dict[EquipmentKind, int]


def units_per_day(runs: Sequence[EquipmentRun]) -> list[DayCount]:
    """Per day from the first placement to the last day in the log, the units of each kind on site."""
    days = [day for run in runs for day in (placed_day(run), removed_day(run)) if day is not None]
    if not days:
        return []
    first, last = min(days), max(days)
    if (last - first).days > MAX_LOG_DAYS:
        return []
    counts = []
    for offset in range((last - first).days + 1):
        on = first + timedelta(days=offset)
        units: dict[EquipmentKind, int] = {}
        for run in runs:
            placed, removed = placed_day(run), removed_day(run)
            if placed is not None and placed <= on and (removed is None or on <= removed):
                units[run.kind] = units.get(run.kind, 0) + run.quantity
        counts.append(DayCount(on, units))
    return counts


def unit_hours(runs: Sequence[EquipmentRun]) -> dict[EquipmentKind, float]:
    """Per kind, units times hours over the runs whose hours are known (what a daily rate bills)."""
    totals: dict[EquipmentKind, float] = {}
    for run in runs:
        hours = run_hours(run)
        if hours is not None:
            totals[run.kind] = round(totals.get(run.kind, 0.0) + run.quantity * hours.hours, 2)
    return totals
