"""The materials an affected room's wet readings show: "Rec room stud 27 %MC" above its goal says the
rec room's framing got wet, though no sentence lists framing among the room's damage.

Only a reading above its goal (the one the notes state, or the standard's from the dry standard)
adds its material, and only to the room the reading is in; a dry standard or a dry reading adds
nothing. With no goal, timber read at a wet level on the %MC scale, or a point a later visit read well
down, was wet. The reading cites its own line, so the material keeps a source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from chalicelib.analysis.findings import AffectedArea, MoistureReading
from chalicelib.analysis.offline.material_words import material_words


def _keys(name: str) -> set[str]:
    return {word.key for word in material_words(name)}


def _above_goal(reading: MoistureReading) -> bool:
    # The rules' judgement, not a note beside the number ("skirting 10 %MC - normal; carpet wet":
    # the "wet" is the carpet's)
    return reading.drying_goal is not None and reading.value > reading.drying_goal


# Timber at or above this moisture content is wet whatever its dry standard (it is dry in the low to
# mid teens; 20 %MC and over is where decay and mould start). Only structural and floor timber: a
# cabinet's board is as often the wall behind it ("vanity wall 40").
_WET_WOOD_MC = 20.0
_TIMBER_KEYS = frozenset({"framing", "subfloor", "plywood", "particleboard", "hardwood", "baseboard"})
_MARGIN = 4  # a standard's "within about 4 points" of dry
_Point = tuple[str, str | None, str]


def _point(reading: MoistureReading) -> _Point:
    return reading.location, reading.material, reading.unit


def wet_without_goal(reading: MoistureReading, readings: Sequence[MoistureReading]) -> bool:
    """A reading with no goal: timber on the %MC scale at a wet level, or a point read again later that
    came down by more than a standard's margin (it was being dried)."""
    return _wet_without_goal(reading, _lowest_by_day(readings))


def _wet_without_goal(reading: MoistureReading, lowest: Mapping[_Point, list[tuple[date, float]]]) -> bool:
    if reading.drying_goal is not None:
        return False
    if (
        reading.unit == "%MC"
        and reading.value >= _WET_WOOD_MC
        and _keys(reading.material or "") <= _TIMBER_KEYS
    ):
        return True
    days = lowest.get(_point(reading), [])
    return any(day > (reading.taken_on or day) and value <= reading.value - _MARGIN for day, value in days)


def _lowest_by_day(readings: Sequence[MoistureReading]) -> dict[_Point, list[tuple[date, float]]]:
    """Per point (room, material, scale), its lowest reading on each day: few days, however many rows."""
    by_day: dict[_Point, dict[date, float]] = {}
    for reading in readings:
        if reading.taken_on is not None:
            days = by_day.setdefault(_point(reading), {})
            days[reading.taken_on] = min(days.get(reading.taken_on, reading.value), reading.value)
    return {point: sorted(days.items()) for point, days in by_day.items()}


# (only particleboard: the lexicon reads it as a cabinet's own board where the line says so)
_BOARD_KEYS = frozenset({"particleboard"})


def _cabinet_of_board(reading: MoistureReading, keys: set[str]) -> str | None:
    """The cabinet a board reading is of, when its own line names the board only as that cabinet's
    ("vanity carcass (MDF) 28", "sink base panel - chipboard - 30 WME": the line reads the cabinet, so
    its board is no floor); None for a board the line names as itself."""
    if not keys <= _BOARD_KEYS:
        return None
    words = material_words(reading.source.text)
    if any(word.key in keys for word in words):
        return None
    return next((word.name for word in words if word.key == "cabinetry"), None)


def with_wet_reading_materials(
    areas: Sequence[AffectedArea], readings: Sequence[MoistureReading]
) -> list[AffectedArea]:
    by_room = {area.room: area for area in areas}
    lowest = _lowest_by_day(readings)
    added: dict[str, list[str]] = {}
    for reading in readings:
        area = by_room.get(reading.location)
        wet = _above_goal(reading) or _wet_without_goal(reading, lowest)
        if area is None or reading.is_reference or not reading.material or not wet:
            continue
        keys = _keys(reading.material)
        if len(keys) != 1:
            continue  # "vinyl/subfloor": which of them was read is not said
        material = reading.material
        cabinet = _cabinet_of_board(reading, keys)
        if cabinet is not None:
            keys, material = {"cabinetry"}, cabinet  # "sink cab base (particleboard) 22 %MC": the cabinet
        known = {key for name in (*area.materials, *added.get(area.room, [])) for key in _keys(name)}
        if not keys <= known:
            added.setdefault(area.room, []).append(material)
    dry = _read_dry(readings, lowest)
    return [
        area.model_copy(
            update={
                "materials": [
                    *(name for name in area.materials if (area.room, *_keys(name)) not in dry),
                    *added.get(area.room, []),
                ]
            }
        )
        for area in areas
    ]


def _read_dry(
    readings: Sequence[MoistureReading], lowest: Mapping[_Point, list[tuple[date, float]]]
) -> set[tuple[str, str]]:
    """(room, material) pairs every reading of which is at or under its dry standard, from the first
    visit on ("Lounge floorboards 12 %MC" beside a hallway standard of 12): the meter says the material
    never got wet, so a table row naming it is no damage. (At or under a goal above the standard is not
    enough: "subfloor 18 %MC" may be drying down to it.)"""
    verdicts: dict[tuple[str, str], bool] = {}
    for reading in readings:
        keys = _keys(reading.material or "")
        if reading.is_reference or len(keys) != 1:
            continue
        pair = (reading.location, next(iter(keys)))
        dry = reading.dry_standard is not None and reading.value <= reading.dry_standard
        verdicts[pair] = verdicts.get(pair, True) and dry and not _wet_without_goal(reading, lowest)
    return {pair for pair, dry in verdicts.items() if dry}
