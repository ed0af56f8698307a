"""Equipment: what the notes say was placed, per visit day, and the S500 calculation beside it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain

from chalicelib.analysis.findings import (
    AffectedArea,
    EquipmentItem,
    EquipmentKind,
    EquipmentRun,
    SourceSpan,
)
from chalicelib.analysis.offline.dates import (
    Dates,
)
from chalicelib.analysis.offline.equipment_events import Event
from chalicelib.analysis.offline.equipment_log import read_events
from chalicelib.analysis.offline.equipment_peaks import stated_peaks
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
)
from chalicelib.analysis.standards import (
    Standards,
    air_mover_calculation,
    dehumidifier_calculation,
)

_UNIT_RATING = re.compile(
    r"(?<![\d.])(?P<ppd>\d{2,3}) ?(?:ppd|pints?(?: ?/ ?| per )day|pints?|pt/day)\b", FLAGS
)


# --- equipment ---------------------------------------------------------------------------------


@dataclass
class _Stated:
    """What the notes say was placed: the most on site at once, and where that is written."""

    quantity: int = 0
    source: SourceSpan | None = None
    dehumidifier_type: str | None = None
    unit_pints_per_day: float | None = None


@dataclass
class _Open:
    quantity: int
    room: str | None
    placed_on: date | None
    source: SourceSpan
    run_hours: float | None
    placed_at: datetime | None = None  # with the time, when the log gives one
    model: str | None = None


@dataclass
class Replay:
    """Per kind: the runs, the most on site at once, and the line that count was stated on."""

    runs: list[EquipmentRun] = field(default_factory=list)
    peak: dict[EquipmentKind, int] = field(default_factory=dict)
    peak_source: dict[EquipmentKind, SourceSpan] = field(default_factory=dict)
    dehumidifier_type: str | None = None


def read_equipment_log(
    lines: Sequence[Line], line_dates: Sequence[date | None], dates: Dates | None = None
) -> Replay:
    """The notes' equipment events replayed: the runs, and the most of each kind on site at once."""
    return replay(read_events(lines, line_dates, dates))


def stated_equipment(
    lines: Sequence[Line], line_dates: Sequence[date | None], log: Replay | None = None
) -> dict[EquipmentKind, _Stated]:
    """The most of each kind on site at once, from the same replay that gives the runs."""
    replayed = log if log is not None else read_equipment_log(lines, line_dates)
    stated: dict[EquipmentKind, _Stated] = {}
    for kind, peak in replayed.peak.items():
        if peak > 0:
            dehumidifier = replayed.dehumidifier_type if kind is EquipmentKind.DEHUMIDIFIER else None
            stated[kind] = _Stated(peak, replayed.peak_source.get(kind), dehumidifier)
    for kind, (quantity, line) in stated_peaks(lines).items():
        # the writer's own "most on site at once" is the count, whatever the replay made of the log
        dehumidifier = replayed.dehumidifier_type if kind is EquipmentKind.DEHUMIDIFIER else None
        stated[kind] = _Stated(quantity, line.span(), dehumidifier)
    for line in lines:
        rating = _UNIT_RATING.search(line.text)
        dehu = stated.get(EquipmentKind.DEHUMIDIFIER)
        if rating and dehu is not None and dehu.unit_pints_per_day is None:
            dehu.unit_pints_per_day = float(rating.group("ppd"))
    return stated


# --- replaying events into runs ----------------------------------------------------------------


def replay(events: Sequence[Event]) -> Replay:
    """Per kind, in order of day (then of writing): a day's first "set" says what is on site then,
    later ones that day add to it; "added" adds, "removed" takes off (from the same room first),
    a total or a table row says what is left, "all equipment removed" closes everything."""
    result = Replay()
    keys = _day_keys(events)
    # Within a day: placements, then removals, then what is left, then "all removed", whatever
    # the order they are written in ("1 air mover left" in the readings, "removed 3" further down).
    # A row's own removal ("| DH1 | LGR | 12/01 | 13/01 |") goes before that day's placements: the unit
    # swapped out that day is not on site beside the one that replaced it.
    placed_from = {event.line.number: event.on for event in events if event.mode == "add" and event.on}
    steps = [-1 if _closes_own_row(event, placed_from) else _STEP[event.mode] for event in events]
    order = sorted(range(len(events)), key=lambda index: (keys[index], steps[index], index))
    open_runs: dict[EquipmentKind, list[_Open]] = {}
    on_site: dict[EquipmentKind, int] = {}  # kept beside the runs so each event costs no re-count
    set_today: dict[EquipmentKind, date | None] = {}
    # the day's placements by kind, day, count and the place their line is under: the same ones retold
    placed_today: dict[tuple[EquipmentKind, date | None, int, str | None], list[Event]] = {}
    labels: dict[int, str | None] = {}  # each line's place label, read once
    for index in order:
        event = events[index]
        if event.mode == "clear":
            for kind, open_now in open_runs.items():
                on_site[kind] -= _close(result, kind, open_now, on_site[kind], None, event.on, event.at)
            continue
        runs = open_runs.setdefault(event.kind, [])
        now = on_site.setdefault(event.kind, 0)
        mode = event.mode
        if mode == "set":
            first_today = set_today.get(event.kind, _NEVER) != event.on
            set_today[event.kind] = event.on
            mode = "total" if first_today and now else "add"
        if (mode == "add" and (event.mode == "set" or event.ranged)) or (
            mode == "total" and event.mode == "set"
        ):
            number = event.line.number
            label = (
                labels[number]
                if number in labels
                else labels.setdefault(number, _place_label(event.line.text))
            )
            same = placed_today.setdefault((event.kind, event.on, event.quantity, label), [])
            # (only the first few are looked at: a long line of the same count stays linear)
            retold = next((earlier for earlier in same[:_RETOLD_REACH] if _retold(earlier, event)), None)
            if mode == "add" and retold is not None:
                same.remove(retold)  # (each placement is retold once: two more of the same are two)
                continue
            same.append(event)
        placed = 0
        if mode == "add":
            placed = event.quantity
        elif mode == "remove":
            taken = _close(
                result,
                event.kind,
                runs,
                event.quantity or now,
                event.room,
                event.on,
                event.at,
                event.line.number,
            )
            now -= taken
        elif mode == "total" and event.quantity < now:
            now -= _close(result, event.kind, runs, now - event.quantity, event.room, event.on, event.at)
        elif mode == "total":
            placed = event.quantity - now
        if placed > 0:
            runs.append(
                _Open(placed, event.room, event.on, event.line.span(), event.run_hours, event.at, event.model)
            )
            now += placed
        on_site[event.kind] = now
        if event.dehumidifier_type and result.dehumidifier_type is None:
            result.dehumidifier_type = event.dehumidifier_type
        if now > result.peak.get(event.kind, 0):
            result.peak[event.kind] = now
            result.peak_source[event.kind] = event.line.span()
    for kind, runs in open_runs.items():
        for run in runs:
            result.runs.append(_run(kind, run, None, None))
    result.runs.sort(key=lambda run: (run.source.line, run.placed_on or date.min))
    return result


_NEVER = date.min


def _retold(earlier: Event, event: Event) -> bool:
    """Whether a placement with no verb of its own ("1 AM + 1 dehu, Nov 18 to Nov 21", "the one air
    scrubber") is the same units an earlier line placed that day (the caller pairs the same count of
    the kind under the same place label): in the same room or with no room named, written apart from
    it. Lines next to each other, or each under its own place ("Upstairs: 2 air movers" / "Basement:
    2 air movers"), are the parts of one set."""
    return abs(earlier.line.number - event.line.number) > 1 and (
        earlier.room is None or event.room is None or earlier.room == event.room
    )


_RETOLD_REACH = 4  # how many of the day's same placements a retelling is looked for among


# A line's lead naming the place its counts are in: "Upstairs:", "- bed 2:", "Main floor:" (not a
# time, a step or a label of its own: "Set up Saturday afternoon:", "Billed:").
_PLACE_LABEL = re.compile(r"^[\s\-*\u2022]*(?P<label>[A-Za-z][\w'/-]*(?: [\w'/-]+){0,2})\s*:\s", FLAGS)
_LEVEL_WORD = re.compile(
    r"\b(?:upstairs|downstairs|floor|level|stor(?:e)?y|basement|loft|attic|sub-?floor|crawl\w*|cellar|wing"
    r"|unit|flat|suite|top|middle|bottom|ground|mezzanine)\b",
    FLAGS,
)


def _place_label(text: str) -> str | None:
    label = _PLACE_LABEL.match(text)
    if label is None:
        return None
    words = label.group("label")
    if not _LEVEL_WORD.search(words) and not room_mentions(words):
        return None
    return words.lower()


def _closes_own_row(event: Event, placed_from: dict[int, date]) -> bool:
    placed = placed_from.get(event.line.number)
    return event.mode == "remove" and event.on is not None and placed is not None and placed < event.on


_STEP = {"set": 0, "add": 1, "remove": 2, "total": 3, "clear": 4}


def _day_keys(events: Sequence[Event]) -> list[date]:
    """Events with no date keep their place after the last dated one before them."""
    keys: list[date] = []
    current = date.min
    for event in events:
        current = event.on or current
        keys.append(current)
    return keys


_ROOM_LOOKBACK = 50  # how many of the latest runs are searched for the room a removal names


def _close(
    result: Replay,
    kind: EquipmentKind,
    runs: list[_Open],
    quantity: int,
    room: str | None,
    on: date | None,
    at: datetime | None,
    line_number: int | None = None,
) -> int:
    """Take `quantity` units off site: those its own log row placed first ("| DH1 | 12/01 | 13/01 |"),
    then from runs in the named room, the latest placed first. Returns how many were taken."""
    remaining = quantity
    latest = range(len(runs) - 1, max(-1, len(runs) - 1 - _ROOM_LOOKBACK), -1)
    own_row = (
        index for index in latest if line_number is not None and runs[index].source.line == line_number
    )
    same_room = (index for index in latest if room is not None and runs[index].room == room)
    touched: list[int] = []
    for index in chain(own_row, same_room, range(len(runs) - 1, -1, -1)):
        if remaining <= 0:
            break
        run = runs[index]
        taken = min(run.quantity, remaining)
        if taken <= 0:
            continue
        remaining -= taken
        touched.append(index)
        taken_run = _Open(taken, run.room, run.placed_on, run.source, run.run_hours, run.placed_at, run.model)
        result.runs.append(_run(kind, taken_run, on, at))
        run.quantity -= taken
    while runs and runs[-1].quantity == 0:
        runs.pop()  # the latest are taken first, so emptied runs gather at the end
    if any(index < len(runs) and runs[index].quantity == 0 for index in touched):
        runs[:] = [run for run in runs if run.quantity > 0]
    return quantity - remaining


def _run(
    kind: EquipmentKind, run: _Open, removed_on: date | None, removed_at: datetime | None
) -> EquipmentRun:
    in_order = run.placed_on is None or removed_on is None or removed_on >= run.placed_on
    return EquipmentRun(
        kind=kind,
        quantity=run.quantity,
        room=run.room,
        placed_on=run.placed_on,
        removed_on=removed_on if in_order else None,
        placed_at=run.placed_at,
        model=run.model,
        removed_at=removed_at
        if in_order and removed_at is not None and removed_at.date() == removed_on
        else None,
        run_hours=run.run_hours,
        source=run.source,
    )


def equipment_items(
    areas: Sequence[AffectedArea],
    stated: dict[EquipmentKind, _Stated],
    water_class: int | None,
    is_water: bool,
    standards: Standards,
    metric: bool = False,
) -> list[EquipmentItem]:
    """`metric`: the job is measured in metres, so the calculations' working is said in them."""
    items = []
    if is_water or EquipmentKind.AIR_MOVER in stated:
        item = _air_mover_item(areas, stated.get(EquipmentKind.AIR_MOVER), is_water, standards, metric)
        items += [item] if item else []
    if is_water or EquipmentKind.DEHUMIDIFIER in stated:
        item = _dehumidifier_item(
            areas, stated.get(EquipmentKind.DEHUMIDIFIER), water_class, is_water, standards, metric
        )
        items += [item] if item else []
    for kind in (EquipmentKind.AIR_SCRUBBER, EquipmentKind.OTHER):
        record = stated.get(kind)
        if record is not None and record.quantity > 0:
            items.append(_stated_only(kind, record, "S500 gives no quantity formula for this equipment"))
    return items


def _stated_only(kind: EquipmentKind, record: _Stated, why: str) -> EquipmentItem:
    return EquipmentItem(
        kind=kind,
        quantity=record.quantity,
        calculation=f"Not calculated: {why}. Quantity as placed per the notes.",
        stated_quantity=record.quantity,
        source=record.source,
    )


def _air_mover_item(
    areas: Sequence[AffectedArea],
    record: _Stated | None,
    is_water: bool,
    standards: Standards,
    metric: bool,
) -> EquipmentItem | None:
    calculation = air_mover_calculation(areas, standards, metric=metric) if is_water else None
    if calculation is None:
        if record is None or record.quantity <= 0:
            return None
        unknown = (
            ", ".join(area.room for area in areas if area.wet_floor_sqft is None) or "the affected rooms"
        )
        return _stated_only(EquipmentKind.AIR_MOVER, record, f"the wet floor area of {unknown} is not stated")
    return EquipmentItem(
        kind=EquipmentKind.AIR_MOVER,
        quantity=calculation.quantity,
        calculation=calculation.text,
        inputs=calculation.inputs,
        stated_quantity=record.quantity if record else None,
        standard=standards.ref("air_movers"),
        source=record.source if record else None,
    )


def _dehumidifier_item(
    areas: Sequence[AffectedArea],
    record: _Stated | None,
    water_class: int | None,
    is_water: bool,
    standards: Standards,
    metric: bool,
) -> EquipmentItem | None:
    kind = record.dehumidifier_type if record else None
    calculation = (
        dehumidifier_calculation(
            areas,
            water_class,
            standards,
            kind=kind,
            unit_pints_per_day=record.unit_pints_per_day if record else None,
            metric=metric,
        )
        if is_water
        else None
    )
    if calculation is None:
        if record is None or record.quantity <= 0:
            return None
        return _stated_only(
            EquipmentKind.DEHUMIDIFIER, record, _why_no_dehumidifier(areas, water_class, kind, standards)
        )
    return EquipmentItem(
        kind=EquipmentKind.DEHUMIDIFIER,
        quantity=calculation.quantity,
        calculation=calculation.text,
        inputs=calculation.inputs,
        caveats=calculation.caveats,
        stated_quantity=record.quantity if record else None,
        standard=standards.ref("dehumidifiers"),
        source=record.source if record else None,
    )


def _why_no_dehumidifier(
    areas: Sequence[AffectedArea], water_class: int | None, kind: str | None, standards: Standards
) -> str:
    if water_class is None:
        return "the water class is not determined"
    unmeasured = [area.room for area in areas if area.floor_area_sqft is None]
    if unmeasured:
        return f"the floor area of {', '.join(unmeasured)} is not stated"
    if kind and kind not in standards.dehumidifiers.types:
        return f"{kind} dehumidifiers have no configured sizing factors"
    return f"no configured factor for Class {water_class}"
