"""The standards configuration and the formulas that use it.

Every factor here (air-mover ratios, dehumidifier class factors, the dry-standard tolerance, the
class thresholds, the default ceiling height) is configuration read from `standards.json`, not a
constant in code, and every rule names the standard, edition and country it comes from
(`references`). `STANDARDS_FILE` may point at another file (an AU edition, a carrier's own
factors); it is read once per process.

The formulas take the findings model (`AffectedArea`) so that QA can recompute them from any
analyzer's output, and return the calculation as text an adjuster can follow.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from chalicelib.analysis.findings import AffectedArea, CamelModel, StandardRef

STANDARDS_FILE_VARIABLE = "STANDARDS_FILE"
DEFAULT_STANDARDS_FILE = Path(__file__).with_name("standards.json")

ReferenceKey = Literal[
    "documentation",
    "water_category",
    "water_class",
    "drying_goal",
    "monitoring",
    "psychrometrics",
    "air_movers",
    "dehumidifiers",
    "safety",
    "mould_condition",
    "fire_smoke",
]


class References(CamelModel):
    """The standard, edition and country each group of rules and formulas comes from."""

    documentation: StandardRef
    water_category: StandardRef
    water_class: StandardRef
    drying_goal: StandardRef
    monitoring: StandardRef
    psychrometrics: StandardRef
    air_movers: StandardRef
    dehumidifiers: StandardRef
    safety: StandardRef
    mould_condition: StandardRef
    fire_smoke: StandardRef


class CategoryConfig(CamelModel):
    standing_hours_cat1_to_cat2: float = Field(gt=0)
    note: str = ""


class WaterClassConfig(CamelModel):
    class1_max_wet_share: float = Field(gt=0, lt=1)
    class2_max_wet_share: float = Field(gt=0, lt=1)
    low_permeance_materials: list[str]


class RatioRange(CamelModel):
    """Square feet per air mover: `chosen` is recommended, `least`..`most` is what S500 allows."""

    chosen: float = Field(gt=0)
    least: float = Field(gt=0)
    most: float = Field(gt=0)


class AirMoverConfig(CamelModel):
    per_affected_room: int = Field(ge=0)
    wet_floor_sqft_per_air_mover: RatioRange
    wet_wall_ceiling_sqft_per_air_mover: RatioRange
    wall_height_excluded_ft: float = Field(ge=0)
    per_inset_offset: int = Field(ge=0)
    inset_offset_min_inches: float = Field(gt=0)
    choice: str = ""


class DehumidifierType(CamelModel):
    label: str
    class_factors: dict[str, float]
    assumed_unit_aham_pints_per_day: float = Field(gt=0)
    firm_source: bool
    source: str


class DehumidifierConfig(CamelModel):
    default_type: str
    types: dict[str, DehumidifierType]


class DryStandardConfig(CamelModel):
    tolerance_points: float = Field(ge=0)
    # "Within about 4 points" is for wood and drywall scales; concrete %MC runs 2-6, so its own.
    tolerance_by_material: dict[str, float] = Field(default_factory=dict)


class MonitoringConfig(CamelModel):
    max_days_between_visits: int = Field(ge=1)


class AtmosphericConfig(CamelModel):
    gpp_tolerance: float = Field(ge=0)


class HazardConfig(CamelModel):
    asbestos_era_built_before: int
    note: str = ""


class DateConfig(CamelModel):
    # None: a numeric date like 03/04/2024 is read only when the document itself settles the order.
    numeric_order: Literal["DMY", "MDY"] | None = None


class Standards(CamelModel):
    name: str
    references: References
    category: CategoryConfig
    water_class: WaterClassConfig
    default_ceiling_height_ft: float = Field(gt=0)
    air_movers: AirMoverConfig
    dehumidifiers: DehumidifierConfig
    dry_standard: DryStandardConfig
    monitoring: MonitoringConfig
    atmospheric: AtmosphericConfig
    hazards: HazardConfig
    dates: DateConfig = Field(default_factory=DateConfig)
    # A country's own editions, by reference key ("AU": {"water_category": {..., "country": "AU"}}):
    # a job in that country cites them instead of `references` (ADR 0008).
    references_by_country: dict[str, dict[ReferenceKey, StandardRef]] = Field(default_factory=dict)
    # The job's country, once known (`for_country`): a reference from another country's edition
    # is then cited without its country tag, so an Australian job never reads "(US)". "" (the
    # notes were read and show no country): no edition's tag is the job's, and the citation says
    # the country is not determined rather than calling the job American.
    job_country: str | None = None

    def ref(self, key: ReferenceKey) -> StandardRef:
        own = self.references_by_country.get(self.job_country or "", {}).get(key)
        reference: StandardRef = own or getattr(self.references, key)
        return reference

    def cite(self, key: ReferenceKey) -> str:
        """'IICRC S500-2021 (US)' for messages and calculations; the tag only when it is the job's."""
        reference = self.ref(key)
        name = f"{reference.standard}-{reference.edition}"
        if self.job_country == "" and reference.country != "international":
            return f"{name} (job's country not determined)"
        return f"{name} ({reference.country})" if self.shows_country(reference) else name

    def shows_country(self, reference: StandardRef) -> bool:
        """A country tag is printed unless it names a country other than the job's (or the job's
        country is not determined)."""
        if reference.country == "international" or self.job_country == "":
            return False
        return self.job_country is None or reference.country == self.job_country

    def for_country(self, country: str | None) -> Standards:
        """These standards as a job in `country` cites them."""
        return self if country == self.job_country else self.model_copy(update={"job_country": country})

    def for_notes(self, country: str | None) -> Standards:
        """These standards as notes whose addresses show `country` cite them: notes that show none
        (`None`) cite no edition's country as the job's ("IICRC S500-2021 (job's country not
        determined)"), where a caller that never looked (`for_country(None)`) keeps the tag."""
        return self.for_country(country or "")


def read_standards(path: str | Path) -> Standards:
    return Standards.model_validate_json(Path(path).read_text(encoding="utf-8"))


@cache
def load_standards() -> Standards:
    """The configured standards: `STANDARDS_FILE` if set, else the bundled defaults (read once)."""
    return read_standards(os.environ.get(STANDARDS_FILE_VARIABLE) or DEFAULT_STANDARDS_FILE)


# --- small formulas ----------------------------------------------------------------------------


def drying_goal(dry_standard: float, standards: Standards, material: str | None = None) -> float:
    """Dry when within the tolerance of the same material's reading in an unaffected area.

    `material` is a material key or the material as written ("concrete slab"): a configured
    material named in it has its own tolerance."""
    config = standards.dry_standard
    written = (material or "").lower()
    tolerance = next(
        (points for key, points in config.tolerance_by_material.items() if key in written),
        config.tolerance_points,
    )
    return round(dry_standard + tolerance, 1)


def on_a_points_scale(dry_standard: float) -> bool:
    """Whether a tolerance in points means anything beside this dry standard: on a 0-100 scale it
    does; a relative meter's 60-999 search scale ("205") has no goal of "standard + 4"."""
    return dry_standard <= 100


def class_for_share(share: float, standards: Standards) -> int:
    """S500 class 1-3 from the wet share of the space's floor, wall and ceiling surface."""
    if share < standards.water_class.class1_max_wet_share:
        return 1
    return 2 if share <= standards.water_class.class2_max_wet_share else 3


def _fmt(value: float, places: int = 1) -> str:
    return f"{value:,.{places}f}".rstrip("0").rstrip(".")


_SQM_PER_SQFT = 0.09290304
_M_PER_FT = 0.3048
_CUM_PER_CUFT = 0.028316846592
_LITRES_PER_PINT = 0.473176473


@dataclass(frozen=True)
class _Said:
    """A calculation's figures in the job's units. The S500 formulas are configured in square
    feet, cubic feet and AHAM pints and work in them; a job measured in metres (`metric`) reads
    its working in square and cubic metres, with the figure the factor divides kept beside."""

    metric: bool

    def area(self, sqft: float, places: int = 1) -> str:
        return f"{_fmt(sqft * _SQM_PER_SQFT, places + 1)} m\u00b2" if self.metric else f"{_fmt(sqft)} sq ft"

    def ratio(self, sqft: float) -> str:
        """An area per unit as a divisor, the number only ("60"; "5.57" in square metres)."""
        return _fmt(sqft * _SQM_PER_SQFT, 2) if self.metric else _fmt(sqft)

    def ratios(self, least_sqft: float, most_sqft: float) -> str:
        """A range of area per unit, numbers only ("40-70"; "3.72-6.5" in square metres)."""
        return f"{self.ratio(least_sqft)}-{self.ratio(most_sqft)}"

    def length(self, feet: float) -> str:
        return f"{_fmt(feet * _M_PER_FT, 2)} m" if self.metric else f"{_fmt(feet)} ft"

    def volume(self, cubic_feet: float) -> str:
        return f"{_fmt(cubic_feet * _CUM_PER_CUFT)} m\u00b3" if self.metric else f"{_fmt(cubic_feet)} cu ft"

    def divided_volume(self, cubic_feet: float) -> str:
        """A volume the per-cubic-foot factor divides: in metres, the cubic feet follow in brackets."""
        shown = self.volume(cubic_feet)
        return f"{shown} ({_fmt(cubic_feet)} cu ft)" if self.metric else shown

    def rating_conditions(self) -> str:
        """AHAM's rating point, 80 F and 60 % RH."""
        return "26.7 \u00b0C / 60 % RH" if self.metric else "80 F / 60 % RH"

    def pints(self, pints: float) -> str:
        shown = f"{_fmt(pints)} AHAM pints/day"
        return f"{shown} ({_fmt(pints * _LITRES_PER_PINT)} L/day)" if self.metric else shown


def ceiling_height(area: AffectedArea, standards: Standards) -> tuple[float, bool]:
    """The area's ceiling height and whether it was assumed (not stated)."""
    if area.height_ft:
        return area.height_ft, False
    return standards.default_ceiling_height_ft, True


# --- air movers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Calculation:
    """A formula's result: the recommended quantity, the range the standard allows, and the working."""

    quantity: int
    least: int
    most: int
    text: str
    inputs: dict[str, float] = field(default_factory=dict)
    # For the contractor, never the insurer: how far the configuration itself can be trusted.
    caveats: list[str] = field(default_factory=list)


def _per(area_sqft: float, ratio: float) -> int:
    # "One per 50-70 sq ft": any started block needs a unit, so each term rounds up.
    return math.ceil(round(area_sqft / ratio, 6)) if area_sqft > 0 else 0


def _air_movers_for(area: AffectedArea, config: AirMoverConfig, pick: str) -> int:
    floor_ratio = getattr(config.wet_floor_sqft_per_air_mover, pick)
    wall_ratio = getattr(config.wet_wall_ceiling_sqft_per_air_mover, pick)
    wall_ceiling = (area.wet_wall_sqft or 0.0) + (area.wet_ceiling_sqft or 0.0)
    return (
        config.per_affected_room
        + _per(area.wet_floor_sqft or 0.0, floor_ratio)
        + _per(wall_ceiling, wall_ratio)
        + config.per_inset_offset * (area.wall_insets_offsets or 0)
    )


def air_mover_calculation(
    areas: Sequence[AffectedArea], standards: Standards, *, metric: bool = False
) -> Calculation | None:
    """S500 air movers: per room 1 + wet floor / ratio + wet wall above 2 ft and ceiling / ratio
    + 1 per inset/offset. None when a room's wet floor area is not known: that is not guessed.
    `metric`: the working is said in square metres (the quantities are the same)."""
    if not areas or any(area.wet_floor_sqft is None for area in areas):
        return None
    config = standards.air_movers
    said = _Said(metric)
    floor, wall = config.wet_floor_sqft_per_air_mover, config.wet_wall_ceiling_sqft_per_air_mover
    lines = []
    for area in areas:
        wall_ceiling = (area.wet_wall_sqft or 0.0) + (area.wet_ceiling_sqft or 0.0)
        unstated = [
            name
            for name, value in (("wet wall", area.wet_wall_sqft), ("wet ceiling", area.wet_ceiling_sqft))
            if value is None
        ]
        assumed = f" ({' and '.join(unstated)} not stated, taken as 0)" if unstated else ""
        lines.append(
            f"{area.room}: {config.per_affected_room} per room"
            f" + {said.area(area.wet_floor_sqft or 0.0)} wet floor / {said.ratio(floor.chosen)}"
            f" = {_per(area.wet_floor_sqft or 0.0, floor.chosen)}"
            f" + {said.area(wall_ceiling)} wet wall above {said.length(config.wall_height_excluded_ft)}"
            f" and ceiling / {said.ratio(wall.chosen)} = {_per(wall_ceiling, wall.chosen)}"
            f" + {area.wall_insets_offsets or 0} inset/offset"
            f" = {_air_movers_for(area, config, 'chosen')}{assumed}"
        )
    quantity = sum(_air_movers_for(area, config, "chosen") for area in areas)
    # Fewest units at the largest square feet per unit, most at the smallest.
    least = sum(_air_movers_for(area, config, "most") for area in areas)
    most = sum(_air_movers_for(area, config, "least") for area in areas)
    text = (
        f"{standards.cite('air_movers')} air movers, each term rounded up; "
        f"1 per {said.area(floor.chosen)} of wet floor (range {said.ratios(floor.least, floor.most)}), "
        f"1 per {said.area(wall.chosen)} of wet wall/ceiling (range {said.ratios(wall.least, wall.most)}). "
        + "; ".join(lines)
        + f". Total {quantity} (the ranges allow {least}-{most})."
    )
    inputs = {
        "affectedRooms": float(len(areas)),
        "wetFloorSqft": round(sum(area.wet_floor_sqft or 0.0 for area in areas), 1),
        "wetWallCeilingSqft": round(
            sum((area.wet_wall_sqft or 0.0) + (area.wet_ceiling_sqft or 0.0) for area in areas), 1
        ),
        "insetsOffsets": float(sum(area.wall_insets_offsets or 0 for area in areas)),
        "floorSqftPerAirMover": floor.chosen,
        "wallCeilingSqftPerAirMover": wall.chosen,
        "least": float(least),
        "most": float(most),
    }
    return Calculation(quantity=quantity, least=least, most=most, text=text, inputs=inputs)


# --- dehumidifiers -----------------------------------------------------------------------------


def dehumidifier_type(written: str | None, standards: Standards) -> str:
    """The configured type the notes name ("LGR"), else the configured default."""
    config = standards.dehumidifiers
    if written and written.lower() in config.types:
        return written.lower()
    return config.default_type


def dehumidifier_calculation(
    areas: Sequence[AffectedArea],
    water_class: int | None,
    standards: Standards,
    *,
    kind: str | None = None,
    unit_pints_per_day: float | None = None,
    metric: bool = False,
) -> Calculation | None:
    """Chamber cubic feet / class factor = AHAM pints/day; units = pints / one unit's AHAM rating.

    None when the class or a room's floor area is unknown, or the type has no factor for the class
    (conventional units have none for class 4). `metric`: the working is said in metres, cubic
    metres and litres beside the cubic feet and pints the factors are given in."""
    type_key = dehumidifier_type(kind, standards)
    dehu = standards.dehumidifiers.types.get(type_key)
    if dehu is None or water_class is None or not areas:
        return None
    factor = dehu.class_factors.get(str(water_class))
    if factor is None or any(area.floor_area_sqft is None for area in areas):
        return None
    said = _Said(metric)
    parts, volume, assumed_height = [], 0.0, False
    for area in areas:
        height, assumed = ceiling_height(area, standards)
        assumed_height = assumed_height or assumed
        room_volume = (area.floor_area_sqft or 0.0) * height
        volume += room_volume
        parts.append(
            f"{area.room} {said.area(area.floor_area_sqft or 0.0)} x {said.length(height)}"
            f"{' (assumed)' if assumed else ''} = {said.volume(room_volume)}"
        )
    pints = volume / factor
    rating = unit_pints_per_day or dehu.assumed_unit_aham_pints_per_day
    units = max(1, math.ceil(round(pints / rating, 6)))
    notes = []
    if assumed_height:
        notes.append(f"ceiling height not stated: {said.length(standards.default_ceiling_height_ft)} assumed")
    if unit_pints_per_day is None:
        notes.append(f"unit rating not stated: {said.pints(rating)} assumed")
    caveats = [f"{dehu.label} factors: {dehu.source}"] if not dehu.firm_source else []
    text = (
        f"{standards.cite('dehumidifiers')} dehumidification, {dehu.label}: "
        + "; ".join(parts)
        + f"; chamber {said.divided_volume(volume)} / class {water_class} factor {_fmt(factor)}"
        f" = {said.pints(pints)} (rated at {said.rating_conditions()}); / {said.pints(rating)} per unit"
        f" = {units} unit{'s' if units != 1 else ''}." + (" Note: " + "; ".join(notes) + "." if notes else "")
    )
    inputs = {
        "chamberCubicFt": round(volume, 1),
        "classFactor": factor,
        "requiredPintsPerDay": round(pints, 1),
        "unitPintsPerDay": rating,
    }
    return Calculation(quantity=units, least=units, most=units, text=text, inputs=inputs, caveats=caveats)


# --- water class -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurfaceShare:
    """The wet share of the affected space's surfaces: the lower bound and, when some extents
    are only bounded, the upper bound."""

    wet_low: float
    wet_high: float
    total: float
    assumed_height: bool

    def class_value(self, standards: Standards) -> int | None:
        if self.total <= 0:
            return None
        low = class_for_share(self.wet_low / self.total, standards)
        high = class_for_share(self.wet_high / self.total, standards)
        # Only a class every possible extent agrees on is determined.
        return low if low == high else None


def total_surface_sqft(area: AffectedArea, standards: Standards) -> tuple[float, bool] | None:
    """Floor + ceiling + walls of a rectangular room, and whether the height was assumed."""
    if area.length_ft is None or area.width_ft is None:
        return None
    height, assumed = ceiling_height(area, standards)
    floor = area.floor_area_sqft or area.length_ft * area.width_ft
    walls = 2 * (area.length_ft + area.width_ft) * height
    return 2 * floor + walls, assumed


def least_wet_share(areas: Sequence[AffectedArea], standards: Standards) -> SurfaceShare | None:
    """What the findings' own wet areas prove at least: wet floor, wall above 2 ft and ceiling
    over the total surface (walls below 2 ft are not in the model, so this is a lower bound)."""
    total, wet, assumed_any = 0.0, 0.0, False
    for area in areas:
        surface = total_surface_sqft(area, standards)
        if surface is None:
            return None
        total += surface[0]
        assumed_any = assumed_any or surface[1]
        wet += (area.wet_floor_sqft or 0.0) + (area.wet_wall_sqft or 0.0) + (area.wet_ceiling_sqft or 0.0)
    if total <= 0:
        return None
    return SurfaceShare(wet_low=wet, wet_high=wet, total=total, assumed_height=assumed_any)
