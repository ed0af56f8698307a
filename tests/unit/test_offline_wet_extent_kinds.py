"""Wet extents written in more ways: times named by work, shares, and where the measure sits."""

from __future__ import annotations

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.work_verbs import SCOPE_VERB_STRICT, WORK_DONE


def _wet_floor(text: str, room: str) -> float | None:
    findings = analyze_text(text)
    return next((area.wet_floor_sqft for area in findings.affected_areas if area.room == room), None)


def test_a_wet_area_after_extraction_is_still_the_wet_extent() -> None:
    # Given a measure of what stayed wet once the water was extracted
    notes = "Laundry 2.5 x 2.0 m, vinyl wet. Wet area after extraction: about 1.5 m2 by the tub."
    # Then "after extraction" says when, not a quantity of work done
    wet = _wet_floor(notes, "Laundry")
    assert wet is not None and abs(wet - 16.1) < 0.5


def test_a_quantity_of_work_stays_work_whatever_verb_is_used() -> None:
    # Given a wet sentence whose quantity is the work (discarded) rather than the damage
    notes = (
        "Laundry 2.5 x 2.0 m. The particleboard subfloor under the vinyl was found wet at the first"
        " visit, so the crew discarded 3 m2 of it."
    )
    # Then the discarded area is not the wet floor
    assert _wet_floor(notes, "Laundry") is None


def test_one_work_vocabulary_serves_scope_and_wet_extents() -> None:
    # An item starts with an unmistakable verb; a loose one only says work was done
    assert SCOPE_VERB_STRICT.match("Removed carpet 12 m2") is not None
    assert SCOPE_VERB_STRICT.match("Clean supply line") is None
    assert WORK_DONE.search("we cleaned the tiles") is not None
    assert WORK_DONE.search("wet after extraction") is None


def test_a_measure_before_a_room_named_later_in_its_clause_is_the_earlier_rooms() -> None:
    # Given a bedroom whose wet carpet is placed by the wall it shares with another room
    notes = (
        "- Spare room about 10 ft x 11 ft. Carpet and pad wet over roughly 45 sq ft along the wall"
        " shared with the ensuite."
    )
    # Then the measure is the spare room's, not the ensuite's
    assert _wet_floor(notes, "Spare room") == 45.0
    assert _wet_floor(notes, "Ensuite") is None


def test_a_measure_of_a_room_named_right_after_it_is_that_rooms() -> None:
    # Given two measures in one sentence, the second tied to its room by "of the" and by "in the"
    notes = (
        "All of the laundry floor was wet (about 6 m2) and roughly 4 m2 of the study carpet near the door."
    )
    study, laundry = _wet_floor(notes, "Study"), _wet_floor(notes, "Laundry")
    assert study is not None and abs(study - 43.1) < 0.5
    assert laundry is not None and abs(laundry - 64.6) < 0.5
    notes = "Wet: about 30 sq ft of sealed concrete in the stock room, near the roller door."
    assert _wet_floor(notes, "Stock room") == 30.0


def test_a_pdf_tables_last_wet_column_gives_each_rows_wet_extent() -> None:
    # Given a table read out of a PDF, its bars lost, whose last column is the wet area
    notes = (
        "Rooms affected\n"
        "Room Size Finishes Wet area\n"
        "Laundry 6 ft x 7 ft sheet vinyl, drywall 30 sq ft\n"
        "Hallway 4 ft x 16 ft carpet and pad approx. 25 sq ft\n"
        "The hallway closet was dry on the meter and measured 12 sq ft.\n"
    )
    areas = {area.room: area for area in analyze_text(notes).affected_areas}
    # Then each row's trailing measure is its room's wet floor, and the table ends at prose
    assert areas["Laundry"].wet_floor_sqft == 30.0
    assert areas["Hallway"].wet_floor_sqft == 25.0
    assert all(area.wet_floor_sqft != 12.0 for area in areas.values())


def test_water_lying_on_a_floor_makes_its_measure_a_wet_extent() -> None:
    # Given water said to lie on the floor rather than the floor said to be wet
    notes = (
        "Staff room, 10 x 12 ft, sheet vinyl. Some water still on the floor by the sink bench, about 35 sf."
    )
    assert _wet_floor(notes, "Staff room") == 35.0
    # And none is read when the notes say there was none
    assert (
        _wet_floor("Staff room, 10 x 12 ft, sheet vinyl. No water on the floor, about 35 sf.", "Staff room")
        is None
    )
