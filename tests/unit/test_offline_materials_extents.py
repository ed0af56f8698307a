"""Sizes that are the wet part of a floor, and headings of several rooms, as the notes write them."""

from __future__ import annotations

import pytest

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


def _wet_floor(text: str, room: str) -> float | None:
    findings = analyze_text(text)
    return next(area.wet_floor_sqft for area in findings.affected_areas if area.room == room)


def test_a_tables_wet_column_gives_each_rooms_wet_extent() -> None:
    # Given a Word table (as the extractor writes it) whose header names the wet column
    text = (
        "Room | Size | Wet | Materials\n"
        "Lounge | 5.0 x 4.0 m | approx 6 m2 by the slider | carpet, underlay\n"
        "Entry | 2.0 x 1.5 m | whole floor | tiles\n"
    )
    # Then the cell is the wet floor, and "whole floor" is the room's floor
    assert abs((_wet_floor(text, "Lounge") or 0) - 64.6) < 0.5
    assert _wet_floor(text, "Entry") == 32.3
    # And without the header, a bare quantity in a row is not taken as wet
    assert _wet_floor("Lounge | 5.0 x 4.0 m | approx 6 m2 by the slider | carpet\n", "Lounge") is None


def test_wall_to_wall_and_along_a_wall_say_where_on_the_floor() -> None:
    # Given wet carpet described by walls that are not the wet surface
    wall_to_wall = _wet_floor("Bedroom 2: carpet wet wall to wall, about 4.4 m2.", "Bedroom 2")
    along = _wet_floor("Bedroom 3: carpet wet along the robe wall, about 2 m2.", "Bedroom 3")
    assert abs((wall_to_wall or 0) - 47.4) < 0.5
    assert abs((along or 0) - 21.5) < 0.5


def test_a_measure_where_the_water_went_is_wet() -> None:
    # Given water that ran into a corridor, with the floor it covered
    text = "- Corridor: water went out the gym's east doors into the corridor, about 150 sf of vinyl tile."
    # Then the corridor's wet floor is that measure (not the gym's, named on the way)
    findings = analyze_text(text)
    wet = {area.room: area.wet_floor_sqft for area in findings.affected_areas}
    assert wet["Corridor"] == 150.0 and wet.get("Gym") is None


def test_a_size_straight_after_a_room_is_that_rooms_whoever_owns_the_rest_of_the_clause() -> None:
    # Given sizes written right after their rooms, past a bracket, in prose and headings
    def sizes(text: str) -> dict[str, float | None]:
        return {area.room: area.floor_area_sqft for area in analyze_text(text).affected_areas}

    # Then each room has its own size, not the room named later in the clause
    assert sizes("Garage (downstairs), 5 x 6 m: water came through the laundry floor above, ceiling wet.")[
        "Garage"
    ] == pytest.approx(322.9, abs=0.5)
    assert sizes("The study (10 x 12 ft) sits under that bathroom; its ceiling is soaked.")["Study"] == 120


def test_a_sentence_that_said_what_is_wet_gives_the_measure_at_its_end() -> None:
    # The wet words come first and the extent last, more than a few words apart
    text = (
        "Dishwasher supply leak.\n"
        "Spare room (3.2 x 3.0 m): carpet and underlay wet for roughly a metre in from the doorway,"
        " about 3 m2."
    )
    assert _wet_floor(text, "Spare room") == pytest.approx(32.3, abs=0.5)


def test_a_quantity_of_work_done_in_a_wet_sentence_is_not_the_wet_extent() -> None:
    text = (
        "Toilet cistern overflow upstairs.\n"
        "Lounge 5.0 x 4.0 m: cut out the sagging wet ceiling sheet by the light, 2.4 x 1.2 m (2.9 m2)."
    )
    findings = analyze_text(text)
    lounge = next(area for area in findings.affected_areas if area.room == "Lounge")
    assert lounge.wet_ceiling_sqft is None


def _wet_ceiling(text: str, room: str) -> float | None:
    findings = analyze_text(text)
    return next(area.wet_ceiling_sqft for area in findings.affected_areas if area.room == room)


def test_a_ceilings_board_or_tiles_are_the_ceiling_not_a_wall_or_a_floor() -> None:
    board = "Supply line burst upstairs.\n- Kitchen 14 x 12 ft: ceiling drywall wet approx 60 SF, sagging."
    tiles = (
        "Roof drain backed up.\n"
        "- Room 9, 30 x 30 ft: ceiling tiles wet along the corridor wall, about 120 sq ft;"
        " carpet wet along the same wall, about 150 sq ft."
    )
    assert _wet_ceiling(board, "Kitchen") == 60.0
    assert _wet_ceiling(tiles, "Room 9") == 120.0
    assert _wet_floor(tiles, "Room 9") == 150.0


def test_a_wall_after_the_measure_that_says_where_is_not_its_surface() -> None:
    text = (
        "Pipe burst in the wall chase.\nKitchen   3.9 x 3.2 m   boards wet approx 2.5 m2 along the west wall."
    )
    assert _wet_floor(text, "Kitchen") == pytest.approx(26.9, abs=0.2)


def test_a_stated_share_of_the_floor_beats_wall_to_wall_carpet() -> None:
    text = (
        "Hose bib line split in the wall.\n"
        "Family room, 16 x 14 ft: wall-to-wall carpet and pad wet over about 60% of the room"
        " along the rear wall."
    )
    assert _wet_floor(text, "Family room") == pytest.approx(134.4, abs=0.2)


def test_a_patch_given_by_its_sides_is_a_wet_extent() -> None:
    floor = (
        "Washer hose burst.\n- Rec room, 18 x 22 ft: carpet and pad wet in a 2 m x 3 m patch at the chase."
    )
    ceiling = (
        "Leak from the flat above.\n- Kitchen: ceiling plasterboard sagging over roughly a 1.5 x 1 m patch."
    )
    assert _wet_floor(floor, "Rec room") == pytest.approx(64.6, abs=0.2)
    assert _wet_ceiling(ceiling, "Kitchen") == pytest.approx(16.1, abs=0.2)
