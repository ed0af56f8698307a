"""Each equipment day argued from the readings: a carrier pays for drying days the moisture
readings show were needed, not for a fixed number of days. For every day units were on site, what
the readings of that day (or the last before it) say: how many points were still above their
drying goal, and the wettest of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chalicelib.report.drying_log import ReadingPoint


@dataclass(frozen=True)
class DayArgument:
    on: date
    read_on: date | None  # the day the readings it rests on were taken (this day, or the last before)
    points: int  # points read that day with a goal to judge them by
    above_goal: int
    wettest: str | None  # "kitchen plasterboard 24 WME (goal 14)"

    @property
    def supported(self) -> bool | None:
        """True while a point is above its goal; False once every point is at or below it; None
        when no reading with a goal was taken by then."""
        if self.points == 0:
            return None
        return self.above_goal > 0


def day_arguments(days: Sequence[date], points: Sequence[ReadingPoint]) -> list[DayArgument]:
    readings_by_day: dict[date, list[tuple[ReadingPoint, float]]] = {}
    for point in points:
        if point.drying_goal is None:
            continue  # no goal, nothing to argue a day from
        for visit in point.visits:
            if visit.on is not None:
                readings_by_day.setdefault(visit.on, []).append((point, visit.value))
    read_days = sorted(readings_by_day)
    out = []
    for on in days:
        last = max((read for read in read_days if read <= on), default=None)
        if last is None:
            out.append(DayArgument(on, None, 0, 0, None))
            continue
        taken = readings_by_day[last]
        above = [
            (point, value)
            for point, value in taken
            if point.drying_goal is not None and value > point.drying_goal
        ]
        wettest = max(above, key=lambda item: item[1] - (item[0].drying_goal or 0), default=None)
        out.append(DayArgument(on, last, len(taken), len(above), _described(wettest) if wettest else None))
    return out


def _described(item: tuple[ReadingPoint, float]) -> str:
    point, value = item
    what = " ".join(part for part in (point.location, point.material) if part)
    goal = point.drying_goal
    return f"{what} {value:g} {point.unit} (goal {goal:g})"


def argument_text(argument: DayArgument, day_label: str) -> str:
    """What the day's readings say, in the insurer's words."""
    if argument.read_on is None:
        return "No readings with a drying goal yet."
    when = "" if argument.read_on == argument.on else f" (last read {day_label})"
    if argument.above_goal:
        above = f"{argument.above_goal} of {argument.points} points above goal{when}"
        return f"{above}; wettest: {argument.wettest}."
    return f"All {argument.points} points at or below goal{when}: the readings no longer call for drying."
