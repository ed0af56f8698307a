"""The lining of a room's wall or ceiling read wet: "the hallway wall was 26 ... the hallway wall was 14"
says the hallway's wall lining got wet, though the line names no material. Notes name the lining once
for the job ("Readings were with the meter in relative mode (plasterboard)", "GIB linings") and then
read "the kitchen wall", "bedroom ceiling" by the room; the report lists the lining itself.

Only a wet reading adds it (above its goal, or wet by the readings rules without one), only a reading
with no material of its own whose label names a wall or ceiling, and only when the notes name one
kind of lining for the whole job: with both plasterboard and plaster named, which one a bare wall is
stays unsaid. Notes that name no lining at all (a homeowner quoting the meter on "the hallway wall")
give the wall lining by that name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.findings import AffectedArea, MoistureReading
from chalicelib.analysis.offline.material_words import material_words, named_materials
from chalicelib.analysis.offline.reading_materials import _lowest_by_day, _wet_without_goal
from chalicelib.analysis.offline.text import FLAGS, Line

_LINING_KEYS = frozenset({"drywall", "plaster"})
# Wall sheets other than the linings: named, they leave which board a bare wall is open.
_OTHER_SHEETS = frozenset({"fibro", "hardboard", "frp"})
# A reading's label, back from its number to the entry before it: "The hallway wall was 14", "kitchen
# wall beside the split, 200 mm up: 34", "Hall ceiling read 32". A number with a unit or a mark in the
# way ("200 mm up") is part of the label; a bare reading ("Bella's room 13, but the cupboard wall")
# ends the entry before it.
# In a table the row is the entry: a cell's bar ends no label, a number's own cell does ("3 | rec rm, N
# wall by utility door | Surveymaster | 820": the wall is the label of 820, across the meter's cell;
# "| skirting 14 | wall 40 |": each its own). A leader's dots ("N wall by washer ........ 58 %") join a
# label to its number.
_ENTRY_START = re.compile(r"[;]|(?<!\.)\.(?![\d.])|\b\d{1,3}(?:\.\d)?(?= ?(?:%|,|;|\band\b|$)| *\|)", FLAGS)
_LABEL_REACH = 70
_SURFACE = re.compile(r"\b(?:walls?|ceilings?)\b", FLAGS)
_WALL = re.compile(r"\bwalls?\b", FLAGS)
_GENERIC = "wall lining"
# A label that names what is on the wall or what stands before it is no reading of the lining.
_NOT_LINING = re.compile(
    r"\b(?:skirting|baseboard|tiles?|cabinet|vanity|floor|carpet|plate|stud|joist|frame|kickboard)\w*", FLAGS
)


def job_lining(lines: Sequence[Line]) -> str | None:
    """The one kind of wall lining the notes name (as first written), or None for none or several."""
    first = named_materials(lines, _LINING_KEYS)
    return next(iter(first.values())) if len(first) == 1 else None


_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,2})?(?!\d|\.\d)")


# A wall named as where the point is, not what was read: "bed 2 at cupboard wall", "floor by the north
# wall", "joist along the bath wall".
_LANDMARK_WALL = re.compile(
    r"\b(?:at|by|near|beside|along|against|under|behind|below|beneath|off|next to)(?: the| a)?"
    r"(?: [a-z0-9']{1,12}){0,2} (?:walls?|ceilings?)\b",
    FLAGS,
)


# A %MC written on the value itself ("sunroom wall 41 %MC"): the writer read timber there.
_OWN_MC = re.compile(r" ?%? ?mc\b", FLAGS)


def _wall_values(text: str, surface: re.Pattern[str], *, own_wall: bool = False) -> set[float]:
    """The numbers on a line whose labels name a wall or ceiling and nothing on or before it; with
    `own_wall`, only labels whose wall is what was read, not where ("laundry wall: 36", not "bed 2 at
    cupboard wall 26")."""
    values = set()
    for match in _NUMBER.finditer(text):
        start = max(0, match.start() - _LABEL_REACH)
        ends = [found.end() for found in _ENTRY_START.finditer(text, start, match.start())]
        label = text[ends[-1] if ends else start : match.start()]
        if own_wall and (_LANDMARK_WALL.search(label) or _OWN_MC.match(text, match.end())):
            continue
        if surface.search(label) and not _NOT_LINING.search(label):
            values.add(float(match.group(0)))
    return values


# A wall read at over this many times its lining's dry standard, and clear of the "within about 4
# points" of dry, was wet whatever goal the notes leave unsaid ("unaffected: bedroom drywall 8%" beside
# "kitchen - lower wall by range 44%").
_OVER_STANDARD = 2.0
_MARGIN = 4.0


def _lining_standards(
    readings: Sequence[MoistureReading], lining_key: str, surface: re.Pattern[str]
) -> dict[str, float]:
    """The highest dry standard read on the job's lining, by unit: a reference of the lining by name,
    or of a bare wall ("lounge wall (dry std) ..... 110"), which in a job of one lining is that lining."""
    out: dict[str, float] = {}
    for reading in readings:
        if not reading.is_reference:
            continue
        keys = {word.key for word in material_words(reading.material or "")}
        bare_wall = not reading.material and reading.value in _wall_values(reading.source.text, surface)
        if keys == {lining_key} or bare_wall:
            out[reading.unit] = max(out.get(reading.unit, 0.0), reading.value)
    return out


def _over_standard(reading: MoistureReading, standards: dict[str, float]) -> bool:
    standard = standards.get(reading.unit)
    return standard is not None and reading.value > max(standard * _OVER_STANDARD, standard + _MARGIN)


def with_lining_materials(
    areas: Sequence[AffectedArea], readings: Sequence[MoistureReading], lines: Sequence[Line]
) -> list[AffectedArea]:
    named = named_materials(lines, _LINING_KEYS)
    if len(named) > 1:
        return list(areas)
    # (a wall read on a unit it inherited is the lining only where no other wall sheet is named: with
    # "fibre cement in the laundry" beside the plasterboard, "laundry wall 40" may be either)
    sheeted = any(word.key in _OTHER_SHEETS for line in lines for word in material_words(line.text))
    # With none named, a wall read wet is its lining, whatever board it is ("the cupboard wall was 40
    # on his meter"); a bare ceiling is the ceiling (surface_materials reads it).
    lining, surface = (next(iter(named.values())), _SURFACE) if named else (_GENERIC, _WALL)
    lining_key = material_words(lining)[0].key
    by_room = {area.room: area for area in areas}
    lowest = _lowest_by_day(readings)
    standards = _lining_standards(readings, lining_key, surface)
    walls: dict[tuple[str, bool], set[float]] = {}  # by line: a line's readings share one pass over it
    lined: set[str] = set()
    for reading in readings:
        area = by_room.get(reading.location)
        if area is None or reading.is_reference or reading.material:
            continue
        wet = (
            (reading.drying_goal is not None and reading.value > reading.drying_goal)
            or _wet_without_goal(reading, lowest)
            or _over_standard(reading, standards)
        )
        if not wet:
            continue
        text = reading.source.text
        # (a pin reading in %MC is of timber, unless the %MC came from a heading or a meter line and its
        # label's wall is what was read: "P3 bed 2 at cupboard wall 26" under an "Upstairs (%MC)" heading
        # reads the floor by the wall, and "sunroom wall 41 %MC" is timber by the writer's own unit, while
        # "L1 laundry wall: 36" under "drywall scale % / wood scale %MC" is the lining)
        own_wall = reading.unit == "%MC"
        if own_wall and sheeted:
            continue
        if (text, own_wall) not in walls:
            walls[text, own_wall] = _wall_values(text, surface, own_wall=own_wall)
        if reading.value in walls[text, own_wall]:
            lined.add(area.room)
    out = []
    for area in areas:
        keys = {word.key for name in area.materials for word in material_words(name)}
        if area.room in lined and lining_key not in keys:
            area = area.model_copy(update={"materials": [*area.materials, lining]})
        out.append(area)
    return out
