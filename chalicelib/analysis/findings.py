"""Findings: what an analyzer read in the notes, each fact with the line it came from.

This is the contract between PROCESSING (writes it), QA (reviews it) and OUTPUT (renders it),
so every analyzer, offline or AI, fills the same model.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import ConfigDict, Field

from chalicelib.models import ApiModel


class CamelModel(ApiModel):
    """The API's camelCase model; unknown keys are a bug in whoever wrote them."""

    model_config = ConfigDict(extra="forbid")


class DamageType(StrEnum):
    WATER = "water"
    FIRE_SMOKE = "fire_smoke"
    MOULD = "mould"
    OTHER = "other"


class LengthUnit(StrEnum):
    FEET = "ft"
    METRES = "m"


class FindingField(StrEnum):
    """The camelCase names `Findings.undetermined` lists."""

    DAMAGE_TYPE = "damageType"
    CAUSE_OF_LOSS = "causeOfLoss"
    AFFECTED_AREAS = "affectedAreas"
    MOISTURE_READINGS = "moistureReadings"


class SourceSpan(CamelModel):
    line: int = Field(ge=1, description="1-based line in the analysed text.")
    text: str = Field(description="The line as written (trimmed, control characters removed).")
    page: int | None = Field(default=None, ge=1, description="Page, once the input is a PDF.")


class AffectedArea(CamelModel):
    room: str
    length_ft: float | None = Field(default=None, gt=0)
    width_ft: float | None = Field(default=None, gt=0)
    floor_area_sqft: float | None = Field(default=None, gt=0)
    original_unit: LengthUnit | None = Field(
        default=None, description="Unit the dimensions were written in; values are always feet."
    )
    materials: list[str] = Field(default_factory=list)
    source: SourceSpan


class MoistureReading(CamelModel):
    location: str
    material: str | None = None
    value: float
    unit: str = Field(description='"%MC", "WME", "REL", "%RH", "GPP", or "%" when no scale was written.')
    source: SourceSpan


class Findings(CamelModel):
    damage_type: DamageType | None = None
    damage_type_evidence: SourceSpan | None = None
    cause_of_loss: str | None = None
    cause_of_loss_evidence: SourceSpan | None = None
    affected_areas: list[AffectedArea] = Field(default_factory=list)
    moisture_readings: list[MoistureReading] = Field(default_factory=list)
    undetermined: list[str] = Field(
        default_factory=list,
        description="camelCase names of the fields the analyzer could not determine (no guessing).",
    )
    analyzer: str = "offline-rules"
    analyzer_version: str
