"""An equipment event as the notes write it: units of a kind set, added, removed or totalled on a day.
The log (equipment_log, its counts read by equipment_counts) and the tables (equipment_tables) read
them; equipment replays them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from chalicelib.analysis.findings import EquipmentKind
from chalicelib.analysis.offline.text import Line

Mode = Literal["set", "add", "remove", "total", "clear"]


@dataclass(frozen=True)
class Event:
    kind: EquipmentKind
    quantity: int
    mode: Mode
    on: date | None
    line: Line
    room: str | None = None
    dehumidifier_type: str | None = None
    run_hours: float | None = None  # stated, or a log row's two times apart ("placed 13/11 11:30")
    at: datetime | None = None  # the time with the date; the day-keyed replay does not use it yet
    model: str | None = None  # "Dri-Eaz LGR 7000XLi", as written
    position: int | None = None  # where in its line the count was written (for the range after it)
    ranged: bool = False  # placed with its own days in and out ("1 AM, Nov 18 to Nov 21")
