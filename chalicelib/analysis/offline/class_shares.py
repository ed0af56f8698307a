"""The S500 class a measured share gives: the wet part of each room's floor, walls and ceiling
against the whole, as exact figures or as bounds when the notes only bound it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.text import fmt
from chalicelib.analysis.standards import Standards, SurfaceShare

_FLOOR_MATERIALS = frozenset(
    {
        "underlay",
        "carpet",
        "vinyl",
        "laminate",
        "hardwood",
        "subfloor",
        "concrete",
        "tile",
        "particleboard",
        "plywood",
    }
)


_WALL_MATERIALS = frozenset({"drywall", "plaster", "masonry"})


@dataclass(frozen=True)
class _Bounds:
    low: float
    high: float

    def __add__(self, other: _Bounds) -> _Bounds:
        return _Bounds(self.low + other.low, self.high + other.high)


_NONE = _Bounds(0.0, 0.0)


def _exact(value: float) -> _Bounds:
    return _Bounds(value, value)


def surface_share(area: AreaDraft, standards: Standards) -> SurfaceShare | None:
    """The wet part of one room's floor + walls + ceiling, as bounds when the notes only bound it."""
    dims, floor, perimeter = area.dimensions, area.floor_sqft, area.perimeter_ft
    if dims is None or floor is None or perimeter is None:
        return None
    height, assumed = area.height_ft or standards.default_ceiling_height_ft, area.height_ft is None
    materials = set(area.materials)
    wet_floor = area.wet_floor()
    floor_part = (
        _exact(wet_floor)
        if wet_floor is not None
        else _Bounds(0.0, floor)
        if materials & _FLOOR_MATERIALS
        else _NONE
    )
    wall_part = _wall_bounds(area, perimeter, height, bool(materials & _WALL_MATERIALS))
    wet_ceiling = area.wet_ceiling()
    ceiling_part = (
        _exact(wet_ceiling)
        if wet_ceiling is not None
        else _Bounds(0.0, floor)
        if area.wet.ceiling_wet
        else _NONE
    )
    wet = floor_part + wall_part + ceiling_part
    return SurfaceShare(
        wet_low=wet.low, wet_high=wet.high, total=2 * floor + perimeter * height, assumed_height=assumed
    )


def _wall_bounds(area: AreaDraft, perimeter: float, height: float, wall_material_wet: bool) -> _Bounds:
    wet = area.wet
    wick = min(wet.wick_height_ft, height) if wet.wick_height_ft is not None else None
    length = wet.wall_length_ft or (perimeter if wet.wall_perimeter else None)
    if wet.wall_total_sqft is not None:
        bounds = _exact(wet.wall_total_sqft)
    elif length is not None and wick is not None:
        bounds = _exact(length * wick)
    elif length is not None:
        bounds = _Bounds(0.0, length * height)
    elif wick is not None:
        bounds = _Bounds(0.0, perimeter * wick)
    elif wall_material_wet or wet.wall_above_sqft:
        bounds = _Bounds(0.0, perimeter * height)
    else:
        bounds = _NONE
    above = wet.wall_above_sqft or 0.0
    return _Bounds(max(bounds.low, above), max(bounds.high, above))


def share_of(drafts: Sequence[AreaDraft], standards: Standards) -> SurfaceShare | None:
    shares = [surface_share(area, standards) for area in drafts]
    if not shares or any(share is None for share in shares):
        return None
    present = [share for share in shares if share is not None]
    return SurfaceShare(
        wet_low=sum(share.wet_low for share in present),
        wet_high=sum(share.wet_high for share in present),
        total=sum(share.total for share in present),
        assumed_height=any(share.assumed_height for share in present),
    )


def _percent(part: float, total: float) -> str:
    return f"{100 * part / total:.0f} %"


_SQM_PER_SQFT = 0.09290304
_M_PER_FT = 0.3048


def share_text(share: SurfaceShare, rooms: str, standards: Standards, metric: bool = False) -> str:
    """The share said in the units the notes write (`metric`: square metres and metres, so a job
    measured in metres is not reported in feet); the figures are the same either way."""
    factor, unit = (_SQM_PER_SQFT, "m\u00b2") if metric else (1.0, "sq ft")
    low, high, total = (round(value * factor, 1) for value in (share.wet_low, share.wet_high, share.total))
    wet = (
        f"{fmt(low)} {unit} ({_percent(share.wet_low, share.total)})"
        if share.wet_low == share.wet_high
        else f"{fmt(low)}-{fmt(high)} {unit}"
        f" ({_percent(share.wet_low, share.total)}-{_percent(share.wet_high, share.total)})"
    )
    config = standards.water_class
    text = (
        f"Wet floor, wall and ceiling surface {wet} of {fmt(total)} {unit} in {rooms}"
        f" (Class 1 under {config.class1_max_wet_share:.0%}, Class 2 to {config.class2_max_wet_share:.0%},"
        f" Class 3 above, per {standards.cite('water_class')})."
    )
    if share.assumed_height:
        height = standards.default_ceiling_height_ft
        assumed = f"{height * _M_PER_FT:.2f} m" if metric else f"{fmt(height)} ft"
        text += f" Ceiling height not stated: {assumed} assumed."
    return text


def class_at(share: float, standards: Standards) -> int:
    if share < standards.water_class.class1_max_wet_share:
        return 1
    return 2 if share <= standards.water_class.class2_max_wet_share else 3
