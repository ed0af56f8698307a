"""A whole floor said wet by what covered it: "completely covered" on a room's line, "water all over
the floor", and what those words must not make of a spot or a thing covered by something else."""

from __future__ import annotations

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import AffectedArea


def _area(text: str, room: str) -> AffectedArea:
    findings = analyze_text(text)
    return next(area for area in findings.affected_areas if area.room == room)


def test_a_room_listed_as_completely_covered_has_its_whole_floor_wet() -> None:
    # Given a list of rooms, one sized and then said to be completely covered, one with water all over
    notes = (
        "Storm surge came back up through the floor drain. The rooms that got it:\n"
        "- laundry (about 3m x 2m), completely covered, vinyl on slab\n"
        "- ensuite (2m x 1.5m), tiled, water all over the floor\n"
    )
    # When it is read
    laundry, ensuite = _area(notes, "Laundry"), _area(notes, "Ensuite")
    # Then each whole floor is wet
    assert laundry.wet_floor_sqft == laundry.floor_area_sqft == 64.6
    assert ensuite.wet_floor_sqft == ensuite.floor_area_sqft == 32.3


def test_a_floor_fully_covered_in_water_is_wet_in_feet() -> None:
    # Given a slab said to be fully covered in water, in feet
    notes = "Water heater let go. Garage 20 x 18 ft: slab fully covered in water, boxes wet."
    # When it is read
    area = _area(notes, "Garage")
    # Then its whole floor is wet
    assert area.wet_floor_sqft == 360.0


def test_a_thing_or_a_spot_covered_is_no_whole_floor() -> None:
    # Given a desk covered (no floor), a floor covered in plastic, and a carpet covered only by the door
    for notes in (
        "Roof leak. Study 4 x 3 m: carpet wet near the window; the desk completely covered.",
        "Roof leak. Study 4 x 3 m: carpet wet near the window, floor completely covered with plastic.",
        "Roof leak. Study 4 x 3 m: carpet wet, completely covered by the door only.",
    ):
        # When it is read
        area = _area(notes, "Study")
        # Then no whole floor is said wet
        assert area.wet_floor_sqft is None, notes
