"""The structured inspection a field app sends, its field-name mappings, and its text form.

The analyzer reads text and cites lines, so a structured inspection is written out as one
fact per line ("Room: Kitchen 12 x 14 ft ..."); the payload itself is kept beside it in S3.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from chalicelib.core.errors import InvalidRequestError
from chalicelib.core.models import RequestModel
from chalicelib.core.validation import validated

MAPPINGS_FILE = Path(__file__).with_name("mappings.json")
SECTIONS = ("job", "rooms", "readings", "photos")
Text = Annotated[str, StringConstraints(max_length=2000)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Job(RequestModel):
    claim_number: Short | None = None
    insured: Short | None = None
    address: Annotated[str, StringConstraints(max_length=500)] | None = None
    date_of_loss: date | None = None
    inspection_date: date | None = None
    loss_type: Short | None = Field(default=None, description="water, fire, smoke, mould, ...")
    cause_of_loss: Text | None = None
    policy_number: Short | None = None
    insurer: Short | None = None
    adjuster: Short | None = None
    technician: Short | None = Field(default=None, description="The inspecting technician's name")
    certifications: Short | None = Field(default=None, description='As written, e.g. "WRT, AMRT"')
    insured_phone: Short | None = None
    insured_email: Short | None = None


class Room(RequestModel):
    name: Short
    length_ft: Annotated[float, Field(gt=0, le=1000)] | None = None
    width_ft: Annotated[float, Field(gt=0, le=1000)] | None = None
    materials: Annotated[list[Short], Field(max_length=50)] = Field(default_factory=list)
    notes: Text | None = None


class Reading(RequestModel):
    location: Short
    material: Short | None = None
    value: Annotated[float, Field(ge=0, le=10_000)]
    unit: Annotated[str, StringConstraints(min_length=1, max_length=20)] = Field(
        description="%MC, WME, REL, %RH, GPP, °F ..."
    )
    taken_at: datetime | None = None


class Photo(RequestModel):
    caption: Text
    room: Short | None = None


class FieldInspection(RequestModel):
    job: Job = Field(default_factory=Job)
    rooms: Annotated[list[Room], Field(max_length=200)] = Field(default_factory=list)
    readings: Annotated[list[Reading], Field(max_length=2000)] = Field(default_factory=list)
    photos: Annotated[list[Photo], Field(max_length=500)] = Field(default_factory=list)
    notes: Annotated[str, StringConstraints(max_length=50_000)] | None = None


@cache
def mapping_profiles() -> dict[str, dict[str, dict[str, str]]]:
    profiles: dict[str, dict[str, dict[str, str]]] = json.loads(MAPPINGS_FILE.read_text())["profiles"]
    return profiles


def inspection_from_payload(input_data: dict[str, Any]) -> FieldInspection:
    """Validate a field app's payload, renaming its fields first when it names a `source`."""
    payload = dict(input_data)
    source = payload.pop("source", None)
    if source is not None:
        profile = mapping_profiles().get(str(source))
        if profile is None:
            known = ", ".join(sorted(mapping_profiles()))
            raise InvalidRequestError(f"Unknown source {source!r}; known: {known}", code="UNKNOWN_SOURCE")
        payload = _renamed(payload, profile)
    inspection = validated(
        FieldInspection, payload, message="inputData is not a valid inspection", code="INVALID_INPUT_DATA"
    )
    if not (inspection.rooms or inspection.readings or inspection.notes or inspection.job.cause_of_loss):
        raise InvalidRequestError(
            "The inspection has no rooms, readings, cause or notes", code="EMPTY_INSPECTION"
        )
    return inspection


def _renamed(payload: dict[str, Any], profile: dict[str, dict[str, str]]) -> dict[str, Any]:
    root = _rename(payload, profile.get("root", {}))
    for section in SECTIONS:
        names = profile.get(section, {})
        value = root.get(section)
        if isinstance(value, dict):
            root[section] = _rename(value, names)
        elif isinstance(value, list):
            root[section] = [_rename(item, names) if isinstance(item, dict) else item for item in value]
    return root


def _rename(data: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    return {names.get(key, key): value for key, value in data.items()}


def inspection_text(inspection: FieldInspection) -> str:
    """One fact per line, in the words the analyzer reads in typed notes."""
    job = inspection.job
    lines = [
        f"{label}: {value}"
        for label, value in (
            ("Claim", job.claim_number),
            ("Insured", job.insured),
            ("Address", job.address),
            ("Date of loss", job.date_of_loss),
            ("Inspection date", job.inspection_date),
            ("Loss type", job.loss_type),
            ("Cause", job.cause_of_loss),
            ("Policy number", job.policy_number),
            ("Insurer", job.insurer),
            ("Adjuster", job.adjuster),
            # "Technician: Dana Lee (WRT, AMRT)": the form the analyzer reads a name and its certifications in
            ("Technician", _technician(job)),
            ("Insured phone", job.insured_phone),
            ("Insured email", job.insured_email),
        )
        if value
    ]
    for room in inspection.rooms:
        size = f" {room.length_ft:g} x {room.width_ft:g} ft" if room.length_ft and room.width_ft else ""
        materials = f"; materials affected: {', '.join(room.materials)}" if room.materials else ""
        lines.append(f"Room: {room.name}{size}{materials}")
        if room.notes:
            lines.append(f"{room.name}: {room.notes}")
    for reading in inspection.readings:
        material = f" {reading.material}" if reading.material else ""
        lines.append(f"Reading: {reading.location}{material} {reading.value:g}{reading.unit}")
    lines += [f"Photo{f' ({p.room})' if p.room else ''}: {p.caption}" for p in inspection.photos]
    # A value's own line breaks would shift the line numbers the findings cite.
    facts = [" ".join(line.split()) for line in lines]
    notes = ["Notes:", *inspection.notes.splitlines()] if inspection.notes else []
    return "\n".join(facts + notes)


def _technician(job: Job) -> str | None:
    if not job.technician:
        return None
    return f"{job.technician} ({job.certifications})" if job.certifications else job.technician
