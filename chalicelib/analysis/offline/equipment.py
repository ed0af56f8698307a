"""Equipment: what the notes say was placed, per visit day, and the S500 calculation beside it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from chalicelib.analysis.findings import (
    AffectedArea,
    EquipmentItem,
    EquipmentKind,
    SourceSpan,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    WINDOW,
    Line,
    Sentences,
    count_word,
)
from chalicelib.analysis.standards import (
    Standards,
    air_mover_calculation,
    dehumidifier_calculation,
)

# --- equipment, scope, hazards -----------------------------------------------------------------

_EQUIPMENT_KIND = (
    r"(?P<am>air ?movers?|AM'?s?|blowers?|turbo ?dryers?|axial(?: fans?| air movers?)?|centrifugal(?: fans?)?"
    r"|carpet dryers?|drying fans?)"
    r"|(?:(?P<dtype>lgr|conventional|refrigerant|desiccant) )?(?P<dh>dehu(?:midifier)?s?|dehus|dh)"
    r"|(?P<lgr>LGRs?)"
    r"|(?P<scrubber>air ?scrubbers?|AFDs?|air filtration devices?|HEPA (?:air )?scrubbers?|NAMs?"
    r"|negative air (?:machines?|units?)|hepa units?)"
    r"|(?P<other>hydroxyl (?:generators?|units?)|ozone (?:generators?|machines?)|heaters?|injecti?dry"
    r"|mat systems?)"
)


_EQUIPMENT_COUNT = re.compile(
    r"(?<![\w.:/#])(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\)?(?! ?(?:x|\u00d7) ?\d)"
    r" ?(?:x|\u00d7)? ?(?:[A-Za-z][\w\-]{0,14} ){0,2}?"
    rf"(?:{_EQUIPMENT_KIND})(?![\w])",
    FLAGS,
)


_EQUIPMENT_COUNT_AFTER = re.compile(
    rf"(?<![\w])(?:{_EQUIPMENT_KIND}) ?(?:x|\u00d7|:|=|-) ?(?P<n>\d{{1,2}})\b(?! ?(?:%|ft|'|\"|in\b|m\b|ppd"
    rf"|pints))",
    FLAGS,
)


_EQUIPMENT_CONTEXT = re.compile(
    r"\b(?:placed|place|set|setup|set up|installed|install|running|equipment|equip|dehu\w*|lgr|scrubbers?"
    r"|afd|air movers?|drying|pulled|removed|on site|onsite|in place|added|deployed|mobili[sz]ed|ams)\b",
    FLAGS,
)


_TIME_BEFORE = re.compile(
    r"(?:\b(?:at|@|by|from|until|till|to|arrived|attended|approx\.?|around|about|~|after|before|since)"
    r"|\d:\d\d) ?$",
    FLAGS,
)


_EQUIPMENT_REMOVED = re.compile(
    r"\b(?:pulled|pull|removed|picked up|collected|decommissioned|off ?hired|taken off|de-?mob\w*)\b", FLAGS
)


_EQUIPMENT_ADDED = re.compile(r"\b(?:added|add|additional|extra|another)\b", FLAGS)


_EQUIPMENT_TOTAL = re.compile(r"\btotal\b", FLAGS)


_DAY_BEFORE = re.compile(r"\b(?:day|visit|#|no\.?|room|bed|bedroom|level|unit|cat|category|class)\s?$", FLAGS)


_UNIT_RATING = re.compile(
    r"(?<![\d.])(?P<ppd>\d{2,3}) ?(?:ppd|pints?(?: ?/ ?| per )day|pints?|pt/day)\b", FLAGS
)


# --- equipment ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Count:
    kind: EquipmentKind
    quantity: int
    mode: Literal["set", "add", "remove", "total"]
    dehumidifier_type: str | None
    start: int
    end: int


@dataclass
class _Stated:
    """What the notes say was placed: the most on site at once, and where that is written."""

    quantity: int = 0
    source: SourceSpan | None = None
    dehumidifier_type: str | None = None
    unit_pints_per_day: float | None = None


def _kind_of(match: re.Match[str]) -> tuple[EquipmentKind, str | None] | None:
    if match.group("am"):
        return EquipmentKind.AIR_MOVER, None
    if match.group("dh"):
        written = (match.group("dtype") or "").lower()
        return EquipmentKind.DEHUMIDIFIER, {"refrigerant": "conventional"}.get(written, written or None)
    if match.group("lgr"):
        return EquipmentKind.DEHUMIDIFIER, "lgr"
    if match.group("scrubber"):
        return EquipmentKind.AIR_SCRUBBER, None
    if match.group("other"):
        return EquipmentKind.OTHER, None
    return None


def _is_time(text: str, match: re.Match[str]) -> bool:
    """ "arrived 9 AM" is a time, "set 3 AM" is three air movers."""
    kind_text = match.group("am") or ""
    if kind_text.lower() not in ("am",):
        return False
    if _TIME_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        return True
    context = (
        text[max(0, match.start() - WINDOW) : match.start()] + " " + text[match.end() : match.end() + WINDOW]
    )
    return not _EQUIPMENT_CONTEXT.search(context)


def _counts_in(text: str) -> list[_Count]:
    sentences = Sentences(text)
    found: list[_Count] = []
    matches = sorted(
        [*_EQUIPMENT_COUNT.finditer(text), *_EQUIPMENT_COUNT_AFTER.finditer(text)],
        key=lambda match: match.start(),
    )
    previous_end = 0
    for match in matches:
        if found and match.start() < found[-1].end:
            continue
        kind = _kind_of(match)
        if kind is None or _is_time(text, match):
            continue
        if _DAY_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue
        quantity = count_word(match.group("n"))
        if quantity <= 0:
            continue
        before = text[max(previous_end, sentences.bounds(match.start())[0]) : match.start()]
        after = text[match.end() : match.end() + 16]
        mode: Literal["set", "add", "remove", "total"] = "set"
        if _EQUIPMENT_REMOVED.search(before) or _EQUIPMENT_REMOVED.match(after.lstrip()):
            mode = "remove"
        elif _EQUIPMENT_ADDED.search(before):
            mode = "add"
        elif _EQUIPMENT_TOTAL.search(before):
            mode = "total"
        found.append(_Count(kind[0], quantity, mode, kind[1], match.start(), match.end()))
        previous_end = match.end()
    return found


def stated_equipment(
    lines: Sequence[Line], line_dates: Sequence[date | None]
) -> dict[EquipmentKind, _Stated]:
    """Per visit day: placements add up, "added" adds, "pulled" removes, a "total" line replaces."""
    groups: dict[tuple[int, date | None], list[tuple[Line, _Count]]] = {}
    group_order: dict[date | None, int] = {}
    for line, taken_on in zip(lines, line_dates, strict=True):
        counts = _counts_in(line.text) if line.text else []
        if counts:
            order = group_order.setdefault(taken_on, len(group_order))
            groups.setdefault((order, taken_on), []).extend((line, count) for count in counts)
    stated: dict[EquipmentKind, _Stated] = {}
    running: dict[EquipmentKind, int] = {}
    for key in sorted(groups, key=lambda item: item[0]):
        for kind in EquipmentKind:
            entries = [(line, count) for line, count in groups[key] if count.kind is kind]
            if entries:
                _apply_day(kind, entries, running, stated)
    for line in lines:
        rating = _UNIT_RATING.search(line.text)
        dehu = stated.get(EquipmentKind.DEHUMIDIFIER)
        if rating and dehu is not None and dehu.unit_pints_per_day is None:
            dehu.unit_pints_per_day = float(rating.group("ppd"))
    return stated


def _apply_day(
    kind: EquipmentKind,
    entries: Sequence[tuple[Line, _Count]],
    running: dict[EquipmentKind, int],
    stated: dict[EquipmentKind, _Stated],
) -> None:
    placed = sum(count.quantity for _, count in entries if count.mode == "set")
    totals = [count.quantity for _, count in entries if count.mode == "total"]
    on_site = totals[-1] if totals else placed if placed else running.get(kind, 0)
    on_site += sum(count.quantity for _, count in entries if count.mode == "add")
    on_site -= sum(count.quantity for _, count in entries if count.mode == "remove")
    running[kind] = max(on_site, 0)
    record = stated.setdefault(kind, _Stated())
    types = [count.dehumidifier_type for _, count in entries if count.dehumidifier_type]
    record.dehumidifier_type = record.dehumidifier_type or (types[0] if types else None)
    if running[kind] > record.quantity:
        record.quantity = running[kind]
        record.source = next(
            (line.span() for line, count in entries if count.mode != "remove"), entries[0][0].span()
        )


def equipment_items(
    areas: Sequence[AffectedArea],
    stated: dict[EquipmentKind, _Stated],
    water_class: int | None,
    is_water: bool,
    standards: Standards,
) -> list[EquipmentItem]:
    items = []
    if is_water or EquipmentKind.AIR_MOVER in stated:
        item = _air_mover_item(areas, stated.get(EquipmentKind.AIR_MOVER), is_water, standards)
        items += [item] if item else []
    if is_water or EquipmentKind.DEHUMIDIFIER in stated:
        item = _dehumidifier_item(
            areas, stated.get(EquipmentKind.DEHUMIDIFIER), water_class, is_water, standards
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
    areas: Sequence[AffectedArea], record: _Stated | None, is_water: bool, standards: Standards
) -> EquipmentItem | None:
    calculation = air_mover_calculation(areas, standards) if is_water else None
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
) -> EquipmentItem | None:
    kind = record.dehumidifier_type if record else None
    calculation = (
        dehumidifier_calculation(
            areas,
            water_class,
            standards,
            kind=kind,
            unit_pints_per_day=record.unit_pints_per_day if record else None,
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
