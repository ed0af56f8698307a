"""Sizes that are the wet part of a floor, and headings of several rooms, as the notes write them."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def test_a_wet_patch_measured_on_the_floor_is_the_wet_extent_not_the_room_size() -> None:
    # Given a study whose carpet is wet over a measured strip
    findings = analyze_text("- Study: carpet wet over roughly 0.9 m x 3.0 m along the robe wall.")
    # When its area is read
    study = next(area for area in findings.affected_areas if area.room == "Study")
    # Then the strip is how much of the floor is wet, and the room has no size
    assert study.wet_floor_sqft is not None and abs(study.wet_floor_sqft - 29.1) < 0.5
    assert study.length_ft is None and study.floor_area_sqft is None


def test_a_room_size_is_still_the_room_size() -> None:
    # Given a room with its size and its wet part told apart
    findings = analyze_text("Den 4.0 x 3.5 m: carpet soaked, wet floor about 2.0 x 1.5 m by the door.")
    # When its area is read
    den = next(area for area in findings.affected_areas if area.room == "Den")
    # Then the room keeps its size and the patch is the wet floor
    assert den.floor_area_sqft is not None and abs(den.floor_area_sqft - 150.7) < 0.5
    assert den.wet_floor_sqft is not None and abs(den.wet_floor_sqft - 32.3) < 0.5


def test_a_heading_of_two_rooms_is_settled_by_its_first_line() -> None:
    # Given two rooms headed together, then said to be untouched
    text = (
        "Study and Bedroom 4\nDoors were shut. Swab tests came back clean, nothing to do here.\n\n"
        "Den\nCarpet wet."
    )
    # When the notes are analysed
    rooms = [area.room for area in analyze_text(text).affected_areas]
    # Then neither headed room is an area, and the den is
    assert rooms == ["Den"]


def test_a_patch_of_growth_on_a_wall_is_not_the_room_s_size() -> None:
    # Given a mould table row that sizes the growth on the robe's wall
    notes = (
        "Mould inspection. Condition 3 in the robe.\n"
        "| Area | Findings | Condition |\n"
        "| Walk-in robe | Growth across about 1.2 m x 1.8 m of plasterboard on the shared wall"
        " | Condition 3 |\n"
    )
    areas = {area.room: area for area in analyze_text(notes).affected_areas}
    # Then the robe has no room size from the patch
    assert "Walk-in robe" in areas
    assert areas["Walk-in robe"].length_ft is None and areas["Walk-in robe"].width_ft is None
