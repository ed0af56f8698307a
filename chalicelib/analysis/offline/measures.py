"""Measures: room dimensions, stated areas, heights and wet extents, in any unit, kept in feet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from chalicelib.analysis.findings import (
    LengthUnit,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    parse_number,
)

FEET_PER_METRE = 3.28084


_SQFT_PER_SQM = FEET_PER_METRE**2


# --- dimensions, wet extents and readings ------------------------------------------------------

NUMBER = r"\d{1,4}(?:[.,]\d{1,2})?"


_LENGTH_UNIT = r"(?:(?:ft|feet|foot|metres?|meters?|m)\b|')"


DIMENSIONS = re.compile(
    rf"(?<![\d.,])(?P<a>{NUMBER}) ?(?P<ua>{_LENGTH_UNIT})?(?: ?(?P<ai>\d{{1,2}}) ?(?:\"|in\b))?"
    rf" ?(?:x|\u00d7|\*|by) ?"
    rf"(?P<b>{NUMBER}) ?(?P<ub>{_LENGTH_UNIT})?(?: ?(?P<bi>\d{{1,2}}) ?(?:\"|in\b))?"
    rf"(?: ?(?:x|\u00d7|\*|by) ?(?P<c>{NUMBER}) ?(?P<uc>{_LENGTH_UNIT})?)?"
    # ("AFD 1 x 5 days", "2 x 3 hrs": units times a time are hire, not a size)
    r"(?!\.?\d)(?! ?(?:days?|hrs?|hours?|weeks?|wks?|nights?)\b)",
    FLAGS,
)


# Only an area introduced as the room's ("floor area 24 m2") is one: "1 m2 of mould" is not.
STATED_AREA = re.compile(
    r"\b(?:floor ?area|floor|room size|size|area)(?: ?(?:of|is|approx(?:imately)?\.?|about|~|:|=)){0,2} ?"
    r"(?<![\d.,])(?P<value>\d{1,5}(?:[.,]\d{1,2})?) ?"
    r"(?:(?P<sqft>sq\.? ?(?:ft|feet|foot)|sqft|ft2|square (?:feet|foot))"
    r"|(?P<sqm>m2|sq\.? ?m|sqm|square met(?:re|er)s?))\b",
    FLAGS,
)


_PATCH_BEFORE = re.compile(r"\b(?P<surface>ceilings?|clg|walls?)(?: [a-z]{1,12})? ?[:\-]? ?$", FLAGS)


_ON_SURFACE_AFTER = re.compile(
    r"(?: of [a-z]{1,14}(?: [a-z]{1,14})?)? (?:on|across|over) (?:the )?(?:[a-z]{1,12} )?"
    r"(?P<surface>ceilings?|clg|walls?)\b",
    FLAGS,
)
_GROWTH_BEFORE = re.compile(
    r"\b(?:growth|mou?ld|spotting|staining|stain|colonies|damage|wet|damp)\b[^.;]{0,30}$", FLAGS
)
_PATCH_AFTER = re.compile(r" ?(?:section|patch|area|stain|portion)\b", FLAGS)
# "a 6 x 8 ft puddle area on the laundry slab": water lying on a floor
_PUDDLE_AFTER = re.compile(r" ?(?:(?:ft|feet|foot|m|')\.? )?(?:puddles?|pool(?:ed)?|standing water)\b", FLAGS)


CEILING_WORD = re.compile(r"\b(?:ceilings?|clg)\b", FLAGS)


WET_WORD = re.compile(
    r"\b(?:wet|saturated|soaked|damp|under water|underwater|flooded|submerged|wicking|wicked|affected"
    r"|damaged|stain(?:ed|ing|s)?|sagging|cupp(?:ed|ing)"
    r"|crowning|buckl(?:ed|ing)|swollen|delaminat(?:ed|ing)|standing water|pooled|pooling|elevated"
    r"|high readings?)\b",
    FLAGS,
)


@dataclass(frozen=True)
class Dimensions:
    length_ft: float
    width_ft: float
    floor_area_sqft: float
    unit: LengthUnit
    height_ft: float | None = None


@dataclass
class WetExtents:
    """What the notes say about how much of a room is wet; None is "not said"."""

    floor_sqft: float | None = None
    floor_full: bool = False
    floor_percent: float | None = None
    wall_total_sqft: float | None = None
    wall_above_sqft: float | None = None
    wall_length_ft: float | None = None
    wall_perimeter: bool = False
    wick_height_ft: float | None = None
    ceiling_sqft: float | None = None
    ceiling_full: bool = False
    ceiling_wet: bool = False
    ceiling_height_ft: float | None = None
    insets: int | None = None
    # "Removed wet underlay, bedroom 3: 30 sq ft": the wet flooring a scope line takes up, the
    # floor's extent only when the notes give none of their own
    scope_floor_sqft: float | None = None
    # "Carpet pad removed, 36 SF": flooring taken up, with no wet word of its own; the floor's extent
    # only when the notes say the room's flooring was wet and give no extent of their own
    removed_floor_sqft: float | None = None
    removed_floor_key: str | None = None  # the flooring taken up: "carpet", "vinyl", ...


# --- dimensions --------------------------------------------------------------------------------


def _length_unit(written: str | None) -> LengthUnit | None:
    if not written:
        return None
    return LengthUnit.METRES if written.lower().startswith("m") else LengthUnit.FEET


def _side(value: str, inches: str | None, unit: LengthUnit) -> float:
    if unit is LengthUnit.METRES:
        return parse_number(value) * FEET_PER_METRE
    return parse_number(value) + (int(inches) / 12 if inches else 0.0)


def _parse_dimensions(match: re.Match[str]) -> Dimensions | None:
    written = (match.group("ua"), match.group("ub"), match.group("uc"))
    units = {unit for unit in map(_length_unit, written) if unit}
    # No unit ("2 x 4") or two different ones is too ambiguous to convert.
    if len(units) != 1:
        return None
    unit = units.pop()
    if unit is LengthUnit.METRES and (match.group("ai") or match.group("bi")):
        return None
    length = _side(match.group("a"), match.group("ai"), unit)
    width = _side(match.group("b"), match.group("bi"), unit)
    if length <= 0 or width <= 0:
        return None
    height = _side(match.group("c"), None, unit) if match.group("c") else None
    return Dimensions(
        round(length, 1),
        round(width, 1),
        round(length * width, 1),
        unit,
        round(height, 1) if height else None,
    )


_METRIC_WORDS = re.compile(
    r"\d ?(?:m2|m\u00b2|sqm|sq ?m|lm|mm|cm|metres?|meters?|\u00b0 ?c)\b|\d ?m\b(?! ?(?:x|by))", FLAGS
)
_IMPERIAL_WORDS = re.compile(
    r"\d ?(?:sq\.? ?ft|sqft|sf|lf|ft|feet|foot|inch(?:es)?|\u00b0 ?f)\b|\d ?['\"]|\d ?in\b", FLAGS
)
# "100 x 100 mm inspection hole", "1 x 1 foot cut": the size of an opening, never of a room; "the
# original 9 x 9 vinyl tiles", "4 x 8 sheets": the size of a piece of material.
_OPENING_AFTER = re.compile(
    r" ?(?:(?:ft|feet|foot|mm|cm|m|in(?:ch(?:es)?)?|'|\")\.? ?)?(?:\(?\w+\)? )?"
    r"(?:inspection |access |vent |test |sample )?(?:holes?|cuts?|cut-?outs?|openings?|sections? of"
    r"|patch(?:es)?|pieces?|ceiling tiles?|samples?|plugs?|lifts?|bulge|stain|tiles|pavers|sheets)\b",
    FLAGS,
)
_OPENING_BEFORE = re.compile(
    r"\b(?:holes?|cuts?|opening|cut-?out|tile|panel|sample|piece|section|bulge|stain|patch|lifted|lift"
    r"|sheets?)\b[^.;:\d]{0,20}$",
    FLAGS,
)
# "cut out the wet bit of laundry ceiling, roughly 1.2 m x 1.5 m", "cut out a piece of the living room
# ceiling, about 4 ft by 6 ft": a size in the clause of a cut is the piece's.
_CUT_CLAUSE_BEFORE = re.compile(
    r"\b(?:cut (?:out|away|open|back)|cut|pulled (?:down|out)|took (?:down|out))\b(?: (?:a|an|the))?"
    r"(?: (?:wet|sagging|damaged|affected|stained))? (?:bit|piece|section|part|patch|square|hole|strip)\b"
    r"[^.;\d]{0,70}$",
    FLAGS,
)
_LUMBER = re.compile(r" ?(?:framing|frame|studs?|lumber|timber|joists?|plates?|boards?)\b", FLAGS)
_UNITLESS_LIMITS = {LengthUnit.METRES: (0.8, 40.0), LengthUnit.FEET: (3.0, 300.0)}


def unit_system(text: str) -> LengthUnit | None:
    """The units the notes are written in, by which kind they use more: a size written without
    a unit ("Laundry 2.4 x 1.9") is read in them."""
    metric = sum(1 for _ in _METRIC_WORDS.finditer(text))
    imperial = sum(1 for _ in _IMPERIAL_WORDS.finditer(text))
    if metric == imperial:
        return None
    return LengthUnit.METRES if metric > imperial else LengthUnit.FEET


def is_opening(text: str, start: int, end: int) -> bool:
    """A size that belongs to a hole, cut, tile or patch rather than to a room."""
    return bool(
        _OPENING_AFTER.match(text, end, end + 40)
        or _OPENING_BEFORE.search(text, max(0, start - 30), start)
        or _CUT_CLAUSE_BEFORE.search(text, max(0, start - 110), start)
    )


def dimensions_in(text: str, default_unit: LengthUnit | None = None) -> Iterator[tuple[int, int, Dimensions]]:
    found = []
    for match in DIMENSIONS.finditer(text):
        if is_opening(text, match.start(), match.end()):
            continue
        dimensions = _parse_dimensions(match)
        if dimensions is None and default_unit is not None:
            dimensions = _unitless(match, default_unit, text)
        if dimensions is not None:
            found.append((match.start(), match.end(), dimensions))
    for match in LONG_AND_WIDE.finditer(text):
        dimensions = _long_and_wide(match)
        if dimensions is not None and not is_opening(text, match.start(), match.end()):
            found.append((match.start(), match.end(), dimensions))
    yield from sorted(found, key=lambda item: item[0])


# "about 22 ft long and 3 1/2 ft wide", "1.1 m wide and 6 m long", "22 m long x 1.8 m wide": a
# room's sides said by their length and width, each with its unit.
_SIDE_UNIT = r"(?:ft|feet|foot|metres?|meters?|m)\b\.?"
_LENGTH_WORD = r"(?:long|wide|in length|in width|deep)"
LONG_AND_WIDE = re.compile(
    rf"(?<![\d.,])(?P<a>{NUMBER})(?: (?P<af>[1-3]/[248]))? ?(?P<ua>{_SIDE_UNIT}) (?P<wa>{_LENGTH_WORD})"
    rf"(?:,? (?:and|(?P<x>x|by|\u00d7))|,) (?:(?:about|approx\.?|approximately|roughly|around) )?"
    # ("1.1 m wide x 5.2 m": after an "x" the other side needs no word of its own)
    rf"(?P<b>{NUMBER})(?: (?P<bf>[1-3]/[248]))? ?(?P<ub>{_SIDE_UNIT})"
    rf"(?: (?P<wb>{_LENGTH_WORD})\b|(?<=[a-z.]))",
    FLAGS,
)


def _fraction(written: str | None) -> float:
    if not written:
        return 0.0
    top, bottom = written.split("/")
    return int(top) / int(bottom)


def long_and_wide_sides(match: re.Match[str]) -> tuple[float, float]:
    """The two sides as written (with their fractions: "3 1/2 ft" is 3.5)."""
    return (
        parse_number(match.group("a")) + _fraction(match.group("af")),
        parse_number(match.group("b")) + _fraction(match.group("bf")),
    )


def _long_and_wide(match: re.Match[str]) -> Dimensions | None:
    units = {_length_unit(match.group("ua")), _length_unit(match.group("ub"))}
    # one side each ("22 ft long and 22 ft long" is no size), in one unit
    said = (match.group("wb") or "").lower()
    if match.group("wa").lower() == said or len(units) != 1 or not (said or match.group("x")):
        return None
    unit = units.pop()
    if unit is None:
        return None
    factor = FEET_PER_METRE if unit is LengthUnit.METRES else 1.0
    length, width = (side * factor for side in long_and_wide_sides(match))
    if length <= 0 or width <= 0:
        return None
    return Dimensions(round(length, 1), round(width, 1), round(length * width, 1), unit)


def _unitless(match: re.Match[str], unit: LengthUnit, text: str) -> Dimensions | None:
    """ "2.4 x 1.9" in notes written in metres; "12x14" in notes written in feet."""
    if any(match.group(name) for name in ("ua", "ub", "uc", "ai", "bi")) or _LUMBER.match(text, match.end()):
        return None
    low, high = _UNITLESS_LIMITS[unit]
    sides = [parse_number(match.group("a")), parse_number(match.group("b"))]
    if not all(low <= side <= high for side in sides):
        return None
    height = parse_number(match.group("c")) if match.group("c") else None
    factor = FEET_PER_METRE if unit is LengthUnit.METRES else 1.0
    length, width = sides[0] * factor, sides[1] * factor
    return Dimensions(
        round(length, 1),
        round(width, 1),
        round(length * width, 1),
        unit,
        round(height * factor, 1) if height and low <= height <= high else None,
    )


# "carpet and underlay wet over approx. 1.1 m x 4.0 m", "wet floor roughly 1.5 x 3.3 m": the size
# of the wet part of a floor, not of the room.
_FLOOR_PATCH_BEFORE = re.compile(
    r"\b(?:wet|damp|saturated|soaked|sodden|affected)(?: (?:floor|area|patch|zone|carpet|section))?"
    r"(?: (?:over|across|covering|for))?(?: (?:an|a) (?:area|patch|section|zone)(?: of)?)?"
    r"(?: (?:approx\.?|approximately|roughly|about|around|some|~))? ?~?$"
    # "wet patch kitchen only: approx 1.1 x 0.8 m": the patch labelled with where it is
    r"|\b(?:wet|damp|soaked) (?:patch|spot|strip|section)(?: [a-z]{1,14}){1,2}: ?"
    r"(?:(?:approx\.?|approximately|roughly|about|around|~) ?)?$"
    # "he measured the wet bit as 3m by 1m", "the damp part of the hall measures 4 x 1 m": a wet part of
    # a room named, then measured (its place may come between). (Not a "wet zone" or "wet area": those
    # can be the affected space itself, whose size is the space's.)
    r"|\b(?:wet|damp|soaked|saturated) (?:bit|part|portion|patch|section|strip|spot)"
    r"(?: [a-z]{1,14}){0,3} (?:(?:is|was) )?(?:measured|measures|measuring|came to|comes to)"
    r"(?: (?:as|at|out at))?(?: (?:approx\.?|approximately|roughly|about|around|~))? ?$"
    r"|\bmeasured (?:the )?(?:wet|damp|soaked|saturated)"
    r" (?:bit|part|portion|patch|section|strip|spot)(?: [a-z]{1,14}){0,3} (?:as|at)"
    r"(?: (?:approx\.?|approximately|roughly|about|around|~))? ?$",
    FLAGS,
)


def patch_surface(text: str, start: int, end: int) -> str | None:
    """ "Kitchen ceiling 8x10 ft section stained": the size of a wet patch, not of the room; "wet
    over approx. 1.1 x 4.0 m" is the wet part of its floor."""
    if _FLOOR_PATCH_BEFORE.search(text, max(0, start - 60), start) or _PUDDLE_AFTER.match(text, end):
        return "floor"
    before = _PATCH_BEFORE.search(text, max(0, start - 20), start)
    if before is not None:
        return "ceiling" if before.group("surface").lower().startswith(("ceiling", "clg")) else "wall"
    if _PATCH_AFTER.match(text, end) and CEILING_WORD.search(text, max(0, start - 40), start):
        return "ceiling"
    # "Growth across about 1.2 m x 1.8 m of plasterboard on the shared wall": a patch on a surface
    on_surface = _ON_SURFACE_AFTER.match(text, end)
    if on_surface is not None and _GROWTH_BEFORE.search(text, max(0, start - 40), start):
        return "ceiling" if on_surface.group("surface").lower().startswith(("ceiling", "clg")) else "wall"
    return None


def stated_areas_in(text: str) -> Iterator[tuple[int, float, LengthUnit]]:
    for match in STATED_AREA.finditer(text):
        value = parse_number(match.group("value"))
        # "wet floor area 120 sf" is a wet extent, not the room's size.
        if value > 0 and not WET_WORD.search(text, max(0, match.start() - 20), match.start() + 6):
            if match.group("sqm"):
                yield match.start(), round(value * _SQFT_PER_SQM, 1), LengthUnit.METRES
            else:
                yield match.start(), round(value, 1), LengthUnit.FEET


def area_sqft(match: re.Match[str]) -> float:
    written = match.group("value")
    # "3,600 square feet" has a thousands separator; "4,5 m2" a decimal comma
    value = (
        float(written.replace(",", ""))
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", written)
        else parse_number(written)
    )
    return round(value * _SQFT_PER_SQM, 1) if match.group("sqm") else round(value, 1)


def parse_height_ft(value: str, unit: str) -> float | None:
    number = parse_number(value)
    unit = unit.lower()
    if unit in ("in", "inch", "inches", '"'):
        feet = number / 12
    elif unit == "cm":
        feet = number / 30.48
    elif unit == "mm":
        feet = number / 304.8
    elif unit == "m":
        feet = number * FEET_PER_METRE
    else:
        feet = number
    return round(feet, 2) if 0 < feet <= 30 else None
