"""Findings: what an analyzer read in the notes, each fact with the line it came from.

This is the contract between PROCESSING (writes it), QA (reviews it) and OUTPUT (renders it),
so every analyzer, offline or AI, fills the same model.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from chalicelib.core.models import ApiModel


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
    CLAIM_NUMBER = "job.claimNumber"
    INSURED = "job.insured"
    ADDRESS = "job.address"
    DATE_OF_LOSS = "job.dateOfLoss"
    INSPECTION_DATE = "job.inspectionDate"
    WATER_CATEGORY = "waterCategory"
    WATER_CLASS = "waterClass"
    EQUIPMENT = "equipment"


class SourceSpan(CamelModel):
    """Where a fact comes from: a line of the notes, or a reviewer who entered or changed it."""

    line: int | None = Field(default=None, ge=1, description="1-based line in the analysed text.")
    text: str = Field(description="The line as written (trimmed, control characters removed).")
    page: int | None = Field(default=None, ge=1, description="Page, once the input is a PDF.")
    ocr_confidence: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="OCR's confidence (0-100) in the line, when it was read from a scan or photo.",
    )
    entered_by: str | None = Field(
        default=None, description="Who entered or changed the fact in review (then there is no line)"
    )

    @model_validator(mode="after")
    def _cited_or_entered(self) -> SourceSpan:
        if (self.line is None) == (self.entered_by is None):
            raise ValueError("a source is either a line of the notes or a reviewer's entry")
        return self


class StandardRef(CamelModel):
    """Where a rule or formula comes from: IICRC S500 (water), S520 (mould), S700 (fire/smoke)."""

    standard: str = Field(description='e.g. "IICRC S500"')
    edition: str = Field(description='e.g. "2021" (5th edition)')
    country: Literal["US", "AU", "international"] = "US"
    section: str | None = Field(default=None, description="Section or clause, when known")


class TextFact(CamelModel):
    value: str
    source: SourceSpan


class DateFact(CamelModel):
    value: date
    source: SourceSpan


class JobInfo(CamelModel):
    claim_number: TextFact | None = None
    insured: TextFact | None = None
    address: TextFact | None = None
    date_of_loss: DateFact | None = None
    inspection_date: DateFact | None = None


class Parties(CamelModel):
    """Who is who on the claim, each as the notes name them (with the line), or left out."""

    company: TextFact | None = Field(default=None, description="The restoration company (contractor)")
    company_licence: TextFact | None = Field(default=None, description='e.g. "ABN 12 345 678 901"')
    company_address: TextFact | None = None
    technician: TextFact | None = Field(default=None, description="Who inspected: the lead technician's name")
    certifications: TextFact | None = Field(
        default=None, description='The technician\'s certifications as written, e.g. "WRT, AMRT"'
    )
    insurer: TextFact | None = Field(default=None, description="The insurer (carrier)")
    adjuster: TextFact | None = Field(default=None, description="The loss adjuster or assessor")
    policy_number: TextFact | None = None
    insured_phone: TextFact | None = None
    insured_email: TextFact | None = None


class Classification(CamelModel):
    """A graded judgement (S500 category 1-3 or class 1-4, S520 condition 1-3) and why.

    `value` is the judgement from the evidence; `stated` is what the notes themselves say, kept
    beside it (a technician's "Cat 1" on a sewage job stays on record, and the difference is said).
    """

    value: Annotated[int, Field(ge=1, le=4)]
    stated: Annotated[int, Field(ge=1, le=4)] | None = Field(
        default=None, description="The grade the notes themselves state, when they state one"
    )
    stated_source: SourceSpan | None = Field(default=None, description="The line that states it")
    justification: str = Field(description="The reasoning, in the standard's terms")
    evidence: list[SourceSpan] = Field(default_factory=list, description="The lines it rests on")
    standard: StandardRef


class AffectedArea(CamelModel):
    room: str = Field(description="The space as the notes name it (a room, a zone, a wall assembly)")
    level: str | None = Field(default=None, description='"basement", "ground", "upstairs", ... when stated')
    length_ft: float | None = Field(default=None, gt=0)
    width_ft: float | None = Field(default=None, gt=0)
    height_ft: float | None = Field(default=None, gt=0, description="Ceiling height, when stated")
    floor_area_sqft: float | None = Field(default=None, gt=0)
    original_unit: LengthUnit | None = Field(
        default=None, description="Unit the dimensions were written in; the *Ft values are always feet."
    )
    # The sides as written, in `original_unit`: feet are rounded to 0.1 ft for the formulas, and
    # 6.5 m read back from 21.3 ft is 6.49 m, so a report in the notes' own unit prints these.
    length_original: float | None = Field(
        default=None, gt=0, description="Length as written, in originalUnit (e.g. 6.5 for 6.5 m)"
    )
    width_original: float | None = Field(default=None, gt=0, description="Width as written, in originalUnit")
    height_original: float | None = Field(
        default=None, gt=0, description="Height as written, in originalUnit"
    )
    wet_floor_sqft: float | None = Field(default=None, ge=0)
    wet_wall_sqft: float | None = Field(default=None, ge=0, description="Wet wall area above 2 ft")
    wet_ceiling_sqft: float | None = Field(default=None, ge=0)
    wall_insets_offsets: int | None = Field(default=None, ge=0, description="Insets/offsets over 18 in")
    materials: list[str] = Field(default_factory=list)
    source: SourceSpan


class MoistureReading(CamelModel):
    location: str
    point: str | None = Field(
        default=None,
        description='The point\'s ID as the notes give it ("C1", "4", "REF"), when they number or letter '
        "their points",
    )
    material: str | None = None
    value: float
    unit: str = Field(description='"%MC", "WME", "REL", "%RH", "GPP", or "%" when no scale was written.')
    meter: str | None = Field(default=None, description="Meter model and setting, when stated")
    taken_on: date | None = None
    dry_standard: float | None = Field(
        default=None, description="Reading of the same material in an unaffected area (same scale)"
    )
    drying_goal: float | None = Field(default=None, description="The value that counts as dry")
    is_dry: bool | None = Field(default=None, description="Whether the notes call it dry")
    is_reference: bool = Field(default=False, description="A dry-standard reading of an unaffected area")
    source: SourceSpan


class AtmosphericReading(CamelModel):
    """Psychrometrics: temperature and RH give grains per pound (GPP) and dew point."""

    location: str = Field(description='"affected", "unaffected", "outside", "dehumidifier inlet", ...')
    temperature_f: float | None = None
    relative_humidity: float | None = Field(default=None, ge=0, le=100)
    gpp: float | None = Field(default=None, ge=0)
    dew_point_f: float | None = None
    taken_on: date | None = None
    source: SourceSpan


class EquipmentKind(StrEnum):
    AIR_MOVER = "air_mover"
    DEHUMIDIFIER = "dehumidifier"
    AIR_SCRUBBER = "air_scrubber"
    OTHER = "other"


class EquipmentItem(CamelModel):
    kind: EquipmentKind
    quantity: int = Field(ge=0)
    calculation: str = Field(description="The formula with the numbers put in, shown to the adjuster")
    inputs: dict[str, float] = Field(default_factory=dict, description="The figures the formula used")
    stated_quantity: int | None = Field(default=None, description="What the notes say was placed")
    caveats: list[str] = Field(
        default_factory=list,
        description="For the contractor only (the JSON): how far the calculation's factors can be trusted",
    )
    standard: StandardRef | None = None
    source: SourceSpan | None = Field(default=None, description="Where the notes mention it")


class ScopeItem(CamelModel):
    description: str
    action: str | None = Field(default=None, description='The work: "remove", "replace", "install", ...')
    material: str | None = Field(default=None, description="What it is done to, as written")
    room: str | None = None
    quantity: float | None = None
    unit: str | None = Field(default=None, description='"sq ft", "lf", "ea", "days" ...')
    source: SourceSpan


class EquipmentRun(CamelModel):
    """One placement in the equipment log: units of a kind in a room from one day to another."""

    kind: EquipmentKind
    quantity: int = Field(ge=1)
    model: str | None = Field(default=None, description="Make and model of the unit, when stated")
    room: str | None = None
    placed_on: date | None = None
    removed_on: date | None = Field(default=None, description="None while still on site, or not stated")
    # Times beside the dates (kept for older findings and for notes that give no time): the
    # local wall-clock time the notes write, no zone, so run hours come from the difference.
    placed_at: datetime | None = Field(
        default=None, description="Local date and time placed, when the notes give a time (no zone)"
    )
    removed_at: datetime | None = Field(
        default=None, description="Local date and time removed, when the notes give a time (no zone)"
    )
    run_hours: float | None = Field(
        default=None,
        ge=0,
        description="Hours run: as stated or metered, else from the placed and removed times",
    )
    source: SourceSpan


class UnitSystem(StrEnum):
    METRIC = "metric"
    IMPERIAL = "imperial"


class Locale(CamelModel):
    """Where the job is, as the notes show it: it decides how dates read, the units of the report,
    and which edition and country of each rule apply."""

    country: str | None = Field(default=None, description='ISO 3166 alpha-2: "AU", "US", "CA", "NZ", "GB"')
    region: str | None = Field(default=None, description='State or province, e.g. "WA", "ON"')
    units: UnitSystem | None = Field(default=None, description="The units the notes are written in")
    date_order: Literal["DMY", "MDY"] | None = Field(default=None, description="How numeric dates read")
    source: SourceSpan | None = Field(default=None, description="The line that settles it (e.g. the address)")


class HazardKind(StrEnum):
    ASBESTOS = "asbestos"
    LEAD = "lead"
    ELECTRICAL = "electrical"
    BIOHAZARD = "biohazard"
    MOULD = "mould"
    SLIP_TRIP = "slip_trip"
    STRUCTURAL = "structural"
    GAS = "gas"
    OTHER = "other"


class SafetyHazard(CamelModel):
    description: str
    kind: HazardKind | None = Field(default=None, description="What kind of hazard, when recognised")
    source: SourceSpan


class Findings(CamelModel):
    job: JobInfo = Field(default_factory=JobInfo)
    parties: Parties = Field(default_factory=Parties)
    locale: Locale = Field(default_factory=Locale)
    damage_type: DamageType | None = Field(default=None, description="The loss type")
    damage_type_evidence: SourceSpan | None = None
    cause_of_loss: str | None = None
    cause_of_loss_evidence: SourceSpan | None = None
    water_category: Classification | None = Field(default=None, description="IICRC S500 category 1-3")
    water_class: Classification | None = Field(default=None, description="IICRC S500 class 1-4")
    mould_condition: Classification | None = Field(default=None, description="IICRC S520 condition 1-3")
    affected_areas: list[AffectedArea] = Field(default_factory=list)
    moisture_readings: list[MoistureReading] = Field(default_factory=list)
    atmospheric_readings: list[AtmosphericReading] = Field(default_factory=list)
    equipment: list[EquipmentItem] = Field(default_factory=list)
    equipment_runs: list[EquipmentRun] = Field(
        default_factory=list, description="The equipment log: each placement with its dates and hours"
    )
    scope_of_work: list[ScopeItem] = Field(default_factory=list)
    safety_hazards: list[SafetyHazard] = Field(default_factory=list)
    undetermined: list[str] = Field(
        default_factory=list,
        description="camelCase names of the fields the analyzer could not determine (no guessing).",
    )
    notes: list[str] = Field(
        default_factory=list, description="What the reader must know, e.g. that a fallback analyzer ran"
    )
    analyzer: str = "offline-rules"
    analyzer_version: str
