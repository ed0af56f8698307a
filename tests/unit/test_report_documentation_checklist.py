"""The documentation checklist: what an insurer will ask for that the job lacks, each with what
to add, derived from the findings."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import (
    DamageType,
    EquipmentKind,
    EquipmentRun,
    Findings,
    MoistureReading,
    ScopeItem,
    SourceSpan,
)
from chalicelib.report.documentation_checklist import checklist_section, documentation_gaps

SPAN = SourceSpan(line=4, text="notes")


def _missing(findings: Findings, *, photographed: bool = False) -> list[str]:
    return [gap.missing for gap in documentation_gaps(findings, photographed=photographed)]


def test_a_bare_water_job_lacks_the_job_facts_readings_and_photos() -> None:
    findings = Findings(damage_type=DamageType.WATER, analyzer_version="test")
    assert _missing(findings) == [
        "No claim number.",
        "No date of loss.",
        "No cause of loss.",
        "No IICRC S500 category or class.",
        "No moisture readings.",
        "No photos recorded.",
    ]
    # And each gap says what to add
    assert all(gap.add.startswith("Add ") for gap in documentation_gaps(findings, photographed=False))
    # ... and photos received are not asked for
    assert "No photos recorded." not in _missing(findings, photographed=True)


def test_readings_never_proven_dry_demolition_without_a_reading_and_equipment_never_removed() -> None:
    # Given a kitchen read once, wet, with no dry standard; a hallway demolished without a reading;
    # and air movers with no removal date
    findings = Findings(
        damage_type=DamageType.WATER,
        moisture_readings=[
            MoistureReading(location="Kitchen", material="plasterboard", value=30, unit="WME", source=SPAN),
        ],
        scope_of_work=[
            ScopeItem(description="Remove carpet 6 m2", action="remove", room="Hallway", source=SPAN),
            ScopeItem(description="Remove skirting kitchen", action="remove", room="Kitchen", source=SPAN),
        ],
        equipment_runs=[
            EquipmentRun(kind=EquipmentKind.AIR_MOVER, quantity=3, placed_on=date(2026, 11, 13), source=SPAN),
        ],
        analyzer_version="test",
    )
    missing = _missing(findings)
    # Then each is on the list, the kitchen's demolition (read) not
    assert "No dry standard for Kitchen, plasterboard." in missing
    assert "No reading on a later visit proves Kitchen, plasterboard dry." in missing
    assert "Remove carpet 6 m2 (line 4): demolition in Hallway with no moisture reading behind it." in missing
    assert not any(line.startswith("Remove skirting kitchen") for line in missing)
    assert "3 air movers placed 13 Nov 2026 (line 4): no removal date." in missing
    assert "No atmospheric readings." in missing


def test_a_well_documented_job_lacks_only_photos_and_the_dehumidifier_air() -> None:
    notes = (
        "Job: 27 Wattle Grove, Croydon VIC 3136\nClaim number: HOL-1\nDate of loss: 12/11/2026\n"
        "Cause: dishwasher hose split, grey water over kitchen floor.\nCategory 2. Class 2.\n"
        "Kitchen 4.2 x 3.6 m, vinyl floor wet over 9 m2.\nDry standard: bedroom plasterboard 10 WME.\n"
        "13/11/2026 kitchen plasterboard 38 WME\n15/11/2026 kitchen plasterboard 12 WME\n"
        "Atmospherics 13/11/2026: affected 24 C 68% RH.\n"
        "1 x LGR dehumidifier placed 13/11/2026 11:30, removed 15/11/2026 10:15\n"
    )
    assert _missing(analyze_text(notes)) == [
        "No dehumidifier inlet and outlet readings.",
        "No photos recorded.",
    ]
    section = checklist_section(analyze_text(notes), photographed=False)
    assert section.title == "Documentation checklist"


def _read_once(location: str, material: str, value: float, line: int) -> MoistureReading:
    return MoistureReading(
        location=location,
        material=material,
        value=value,
        unit="WME",
        taken_on=date(2026, 11, 14),
        source=SourceSpan(line=line, text=f"{location} {material} {value}"),
    )


def test_proof_of_dry_is_asked_of_a_drying_job_not_of_a_mould_assessment_read_once() -> None:
    # Given a mould assessment that read two skirting spots in one bedroom once, nothing placed
    readings = [
        _read_once("Rear bedroom", "skirting", 28, 21),
        _read_once("Rear bedroom", "skirting", 24, 22),
    ]
    mould = Findings(damage_type=DamageType.MOULD, moisture_readings=readings, analyzer_version="test")
    # Then no later visit is asked to prove them dry: nothing is being dried
    assert not any("later visit" in missing for missing in _missing(mould))
    # ... but a mould job with a dehumidifier running is drying, and is asked
    run = EquipmentRun(kind=EquipmentKind.DEHUMIDIFIER, quantity=1, placed_on=date(2026, 11, 14), source=SPAN)
    drying = mould.model_copy(update={"equipment_runs": [run]})
    # And the two spots it cannot tell apart are named once, with their number
    assert "No reading on a later visit proves Rear bedroom, skirting (2 points) dry." in _missing(drying)
    # ... as is a water job's
    water = mould.model_copy(update={"damage_type": DamageType.WATER})
    assert "No reading on a later visit proves Rear bedroom, skirting (2 points) dry." in _missing(water)
