"""An affected area as it is read, before it becomes an `AffectedArea`."""

from __future__ import annotations

from dataclasses import dataclass, field

from chalicelib.analysis.findings import (
    AffectedArea,
    LengthUnit,
    SourceSpan,
)
from chalicelib.analysis.offline.measures import (
    Dimensions,
    WetExtents,
)
from chalicelib.analysis.standards import (
    Standards,
)


@dataclass
class AreaDraft:
    room: str
    base: str
    source: SourceSpan
    dimensions: Dimensions | None = None
    stated_area_sqft: float | None = None
    stated_unit: LengthUnit | None = None
    materials: dict[str, str] = field(default_factory=dict)  # key -> name as first written
    wet: WetExtents = field(default_factory=WetExtents)
    soaked_materials: dict[str, SourceSpan] = field(default_factory=dict)  # key -> line saying it is wet
    # key -> the room whose compound gave it ("bathroom + hallway carpet": the bathroom's carpet is the
    # hallway's word); kept only while that room keeps the material too
    borrowed: dict[str, int | None] = field(default_factory=dict)  # (the draft's id; None: no area)
    evidence: list[SourceSpan] = field(default_factory=list)  # lines the wet extents came from

    @property
    def floor_sqft(self) -> float | None:
        dims = self.dimensions
        # The technician's stated area wins: rooms are not always rectangles.
        return self.stated_area_sqft or (dims.floor_area_sqft if dims else None)

    @property
    def height_ft(self) -> float | None:
        return self.wet.ceiling_height_ft or (self.dimensions.height_ft if self.dimensions else None)

    @property
    def perimeter_ft(self) -> float | None:
        dims = self.dimensions
        return 2 * (dims.length_ft + dims.width_ft) if dims else None

    def wet_floor(self) -> float | None:
        wet, floor = self.wet, self.floor_sqft
        if wet.floor_sqft is not None:
            return wet.floor_sqft
        # A stated share is the more exact ("wall-to-wall carpet wet over about 60% of the room")
        if floor is not None and wet.floor_percent is not None:
            return round(floor * wet.floor_percent / 100, 1)
        if floor is not None and wet.floor_full:
            return floor
        if wet.ceiling_sqft is None and not wet.ceiling_full:
            return wet.scope_floor_sqft  # the wet flooring the scope took up
        return None

    def wet_wall_above(self, exclude_ft: float) -> float | None:
        """Wet wall above the excluded height (2 ft), as the air-mover formula counts it."""
        wet = self.wet
        if wet.wall_above_sqft is not None:
            return wet.wall_above_sqft
        height = wet.wick_height_ft
        if height is None:
            return None
        if height <= exclude_ft:
            return 0.0
        length = wet.wall_length_ft or (self.perimeter_ft if wet.wall_perimeter else None)
        if length is not None:
            return round(length * (height - exclude_ft), 1)
        if wet.wall_total_sqft is not None:
            return round(wet.wall_total_sqft * (height - exclude_ft) / height, 1)
        return None

    def wet_ceiling(self) -> float | None:
        if self.wet.ceiling_sqft is not None:
            return self.wet.ceiling_sqft
        return self.floor_sqft if self.wet.ceiling_full else None

    def to_model(self, standards: Standards) -> AffectedArea:
        dims = self.dimensions
        return AffectedArea(
            room=self.room,
            length_ft=dims.length_ft if dims else None,
            width_ft=dims.width_ft if dims else None,
            height_ft=self.height_ft,
            floor_area_sqft=self.floor_sqft,
            original_unit=dims.unit if dims else self.stated_unit,
            wet_floor_sqft=self.wet_floor(),
            wet_wall_sqft=self.wet_wall_above(standards.air_movers.wall_height_excluded_ft),
            wet_ceiling_sqft=self.wet_ceiling(),
            wall_insets_offsets=self.wet.insets,
            materials=list(self.materials.values()),
            source=self.source,
        )
