"""A drying goal written with no scale ("slab at or below 4.0 on the CME5 scale", "timber under 16") is
on the scale the job reads that material on. The stated goal is the record: a goal computed from the
dry standard instead would call a point dry that the notes' own goal says is not."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

_HEAD = (
    "Job 5521, 30 Quandong Street, Toowoomba QLD 4350. Attended 12/08/2026.\nLaundry slab and skirting wet.\n"
)


@pytest.mark.parametrize(
    ("goal_line", "material", "goal"),
    [
        ("Drying goal: slab at or below 4.0 on the concrete meter.\n", "slab", 4.0),
        ("Targets: skirting under 15; slab within 1 of the garage.\n", "skirting", 15.0),
    ],
)
def test_a_goal_without_a_scale_takes_its_materials_own(goal_line: str, material: str, goal: float) -> None:
    # Given readings of one material on one scale and a goal for it written with no unit
    notes = (
        _HEAD
        + "Readings (Tramex CME5, %): laundry slab 5.6, laundry skirting 24. "
        + "Garage slab 3.1 (dry standard).\n"
        + goal_line
    )
    # When the notes are read
    readings = [
        r for r in analyze_text(notes).moisture_readings if r.material == material and not r.is_reference
    ]
    # Then the stated goal is the reading's goal
    assert readings and all(reading.drying_goal == goal for reading in readings)


def test_a_goal_without_a_scale_is_not_given_to_a_material_read_on_two() -> None:
    # Given the near miss: the skirting read on two scales, so "under 15" names neither
    notes = (
        _HEAD + "Readings: laundry skirting 24 %MC; laundry skirting 310 REL on search mode.\n"
        "Targets: skirting under 15.\n"
    )
    readings = [r for r in analyze_text(notes).moisture_readings if r.material == "skirting"]
    # Then no reading takes the unscaled 15
    assert readings and all(reading.drying_goal != 15.0 for reading in readings)
