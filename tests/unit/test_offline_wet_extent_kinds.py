"""Wet extents written in more ways: times named by work, shares, and where the measure sits."""

from __future__ import annotations

import pytest

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
    # Then the measure is the guest bedroom's, not the ensuite's
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


def test_a_pdf_tables_wet_column_after_the_size_gives_each_rows_wet_extent() -> None:
    # Given a table read out of a PDF, its bars lost, whose wet column sits between size and materials
    notes = (
        "Affected rooms\n"
        "Room Size Wet area Materials\n"
        "Laundry 2.4 m x 2.0 m about  3  m2  by the tub sheet vinyl, plasterboard\n"
        "Hallway 5.0 m x 1.2 m whole floor carpet, underlay, skirting\n"
        "Not affected: the lounge, 20 m2, read dry.\n"
    )
    areas = {area.room: area for area in analyze_text(notes).affected_areas}
    # Then the measure right after each row's size is its wet floor, and the table ends at prose
    assert abs((areas["Laundry"].wet_floor_sqft or 0) - 32.3) < 0.5
    assert abs((areas["Hallway"].wet_floor_sqft or 0) - 64.6) < 0.5
    assert "Lounge" not in areas or areas["Lounge"].wet_floor_sqft is None


def test_a_room_named_only_to_place_the_damage_does_not_take_the_measure() -> None:
    # Given a room's line that places its wet patch by another affected room
    notes = (
        "- Hallway 5.0 x 1.1 m: carpet wet for the first 2 m, about 2.2 m2.\n"
        "- Bedroom 2: carpet and underlay wet in the corner by the hallway, about 1.5 m2.\n"
    )
    # Then the measure is the bedroom's, and the hallway keeps its own
    assert abs((_wet_floor(notes, "Bedroom 2") or 0) - 16.1) < 0.5
    assert abs((_wet_floor(notes, "Hallway") or 0) - 23.7) < 0.5


def test_a_room_the_water_ran_along_keeps_its_measure() -> None:
    # Given water that ran along a hallway from the room it started in
    notes = (
        "The laundry floor was wet, about 4 m2. From the laundry door the water ran along the"
        " hallway carpet, about 5 m2 of it wet."
    )
    # Then the hallway, where the water went, holds the second measure
    assert abs((_wet_floor(notes, "Hallway") or 0) - 53.8) < 0.5


def test_a_list_of_what_got_wet_gives_its_measures_without_a_wet_word() -> None:
    # Given a list under a heading that says it lists what got wet, its lines naming no wet word
    notes = (
        "Areas affected\n"
        "- Kitchen 12 ft x 10 ft: oak strip in front of the sink, approx. 40 sq ft.\n"
        "- Dining room (12 ft x 11 ft) - about 20 square feet of ceiling under the bathroom.\n"
        "\n"
        "Family room 14 ft x 12 ft: the carpet, 168 sq ft, was checked and read normal.\n"
    )
    # Then each listed measure is its room's wet extent, and the list ends at the blank line
    findings = analyze_text(notes)
    areas = {area.room: area for area in findings.affected_areas}
    assert areas["Kitchen"].wet_floor_sqft == 40.0
    assert areas["Dining room"].wet_ceiling_sqft == 20.0
    assert "Family room" not in areas or areas["Family room"].wet_floor_sqft is None


def test_a_measure_of_the_whole_building_in_a_wet_list_is_not_a_rooms_extent() -> None:
    # Given a listed room whose line also gives the size of the whole suite
    notes = (
        "Extent\n"
        "Store room 10 ft x 12 ft with VCT on slab: a strip along the racking, a small share of the 2,400 SF"
        " tenancy.\n"
    )
    areas = {area.room: area for area in analyze_text(notes).affected_areas}
    # Then the suite's size is not the store room's wet floor
    assert all(area.wet_floor_sqft != 2400.0 for area in areas.values())


def test_a_scope_line_that_takes_up_wet_flooring_gives_the_wet_floor() -> None:
    # Given notes whose only measure of a room's wet floor is the wet underlay the crew took up
    notes = (
        "Study 3.0 x 3.2 m: carpet and underlay wet along the west wall.\n"
        "Lounge 5.0 x 4.0 m: carpet wet near the study door.\n"
        "\n"
        "Scope of works\n"
        "- Removed and disposed of wet underlay, study: 4 m2.\n"
        "- Removed carpet in the lounge, 6 m2.\n"
    )
    areas = {area.room: area for area in analyze_text(notes).affected_areas}
    # Then the wet underlay is the study's wet floor; the lounge's carpet, which the notes call wet,
    # is its wet floor as taken up (test_offline_scope_removed_flooring: never when nothing says wet)
    assert abs((areas["Study"].wet_floor_sqft or 0) - 43.1) < 0.5
    assert abs((areas["Lounge"].wet_floor_sqft or 0) - 64.6) < 0.5


def test_a_scope_lines_wet_flooring_gives_way_to_the_notes_own_extent() -> None:
    # Given a room whose wet floor the notes measure, and a scope line taking up more than that
    notes = (
        "Study 3.0 x 3.2 m: carpet wet over about 3 m2 by the window.\n"
        "\n"
        "Scope of works\n"
        "- Removed and disposed of wet underlay, study: 5 m2.\n"
    )
    # Then the notes' own measure stands
    assert abs((_wet_floor(notes, "Study") or 0) - 32.3) < 0.5


def test_the_whole_floor_of_a_room_named_in_the_phrase_is_that_rooms() -> None:
    # Given a line about one room that says another room's whole floor was wet
    notes = (
        "Water ran from the laundry (2.0 x 1.5 m) into the kitchen (4.0 x 3.0 m). The whole kitchen floor"
        " was wet."
    )
    # Then the kitchen's whole floor is its wet extent, not the laundry's
    assert abs((_wet_floor(notes, "Kitchen") or 0) - 129.2) < 0.5
    assert _wet_floor(notes, "Laundry") is None


def test_an_affected_label_opening_a_line_lists_measures_without_a_wet_word() -> None:
    # Given one line that lists the affected rooms after an "Affected:" label
    notes = "Affected: laundry (tiles), study (carpet edge along the laundry wall, approx. 1.5 m2)."
    # Then the study's listed carpet measure is its wet floor
    assert abs((_wet_floor(notes, "Study") or 0) - 16.1) < 0.5


def test_water_standing_on_a_measured_area_is_wet_and_the_rooms_total_is_not() -> None:
    # Given a shop floor's total size, a finish word that reads like damage, and the water on part of it
    notes = (
        "Showroom: the showroom is 2,400 SF total, stained and polished concrete. Water stood on about"
        " 300 SF of it near the rear door."
    )
    # Then the measure the water stood on is the wet floor, not the room's total
    assert _wet_floor(notes, "Showroom") == 300.0


def test_a_wet_cell_naming_another_room_stays_with_its_rows_room() -> None:
    # Given a table row whose wet cell places the wet by another room
    notes = (
        "| Room | Size | Wet | Materials |\n"
        "|---|---|---|---|\n"
        "| Guest bedroom | 12 x 10 ft | 30 sq ft along the wall shared with the laundry | carpet, pad |\n"
        "| Laundry | 8 x 6 ft | whole floor | sheet vinyl |\n"
    )
    # Then the measure is the guest bedroom's
    assert _wet_floor(notes, "Guest bedroom") == 30.0


def test_a_homeowners_size_in_words_is_a_wet_extent() -> None:
    # Given a homeowner's note that sizes a damp ceiling patch in words
    notes = "- Landing: damp patch on the ceiling by the loft hatch, maybe half a square metre."
    findings = analyze_text(notes)
    ceiling = next(
        (area.wet_ceiling_sqft for area in findings.affected_areas if area.room == "Landing"), None
    )
    # Then half a square metre is the landing's wet ceiling
    assert ceiling is not None and abs(ceiling - 5.4) < 0.2


def test_a_pdf_tables_wet_cell_wrapped_under_its_row_is_still_the_rows() -> None:
    # Given a PDF table whose long cells wrapped onto lines of their own, and a corridor sized by width
    notes = (
        "Rooms\n"
        "Area Size Wet extent Floor\n"
        "Family room 6.0 x 4.5 m\n"
        "about  8  m2  of  carpet,  the\n"
        "half nearest the slider\n"
        "carpet,  underlay,\n"
        "skirting,  plasterboard\n"
        "to 300 mm\n"
        "Laundry 2.2 x 1.8 m whole floor, about 3.9 m2 sheet vinyl\n"
        "Hall 1.1 m wide approx 2 m2 by the laundry door carpet\n"
        "The study was read dry.\n"
    )
    areas = {area.room: area for area in analyze_text(notes).affected_areas}
    # Then each row keeps its own wet extent, the whole-floor cell its figure
    assert abs((areas["Family room"].wet_floor_sqft or 0) - 86.1) < 0.5
    assert abs((areas["Laundry"].wet_floor_sqft or 0) - 42.0) < 0.5
    assert abs((areas["Hall"].wet_floor_sqft or 0) - 21.5) < 0.5


def test_wet_insulation_is_the_extent_of_the_roof_space_it_lies_in() -> None:
    # Given a loft whose insulation is soaked over an area, under a numbered heading
    notes = (
        "2.3 Loft: the glasswool over bedroom 1 is soaked over an area of about 6 m2.\nBedroom 1 clg wet.\n"
    )
    # Then it is the loft's wet extent
    assert abs((_wet_floor(notes, "Loft") or 0) - 64.6) < 0.5


def test_a_measure_of_a_sized_room_named_after_it_is_that_rooms() -> None:
    # Given a patch measured as part of a room whose size comes between them
    notes = "- Bedroom 2 dry.\n- Class 1, a small patch: about 8 sq ft of a 12 ft x 10 ft laundry on vinyl.\n"
    # Then the measure is the laundry's wet extent
    assert _wet_floor(notes, "Laundry") == 8.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # water that covered a room's floor wet all of it
        ("Burst hose. The water covered the utility room floor (12 x 6 ft, vinyl) by morning.", 72.0),
        # near miss: covered in places is no share
        ("Burst hose. The water covered the utility room floor in places (12 x 6 ft, vinyl).", None),
    ],
)
def test_water_that_covered_a_rooms_floor_wet_all_of_it(text: str, expected: float | None) -> None:
    assert _wet_floor(text, "Utility room") == expected


def _wet(text: str, room: str) -> float | None:
    findings = analyze_text(text)
    area = next((area for area in findings.affected_areas if area.room == room), None)
    return None if area is None else (area.wet_floor_sqft or area.wet_ceiling_sqft)


WET_IN_WORDS: list[tuple[str, str, float | None]] = [
    # the damage named before its sides: a stain, a puddle
    ("Study: ceiling stain about 4 x 3 ft over the desk, soft to touch.\n", "Study", 12.0),
    ("Laundry 3 x 2 m, vinyl. A puddle roughly 1 x 1 m in front of the machine.\n", "Laundry", 10.8),
    # ... but a cut's sides are no damage
    ("Study: drywall cut 2 x 2 ft at the desk to look inside.\n", "Study", None),
    # a measure wet out of a room given with its own size
    ("Only about 8 sq ft wet out of a 10 x 9 ft study, by the window.\n", "Study", 8.0),
    # water that covered a room's floor covered all of it
    ("Laundry 3 x 2 m, tiled.\nThe water covered the laundry floor.\n", "Laundry", 64.6),
    # ... but not when the sentence says where on it
    ("Laundry 3 x 2 m, tiled.\nThe water covered the laundry floor near the tub.\n", "Laundry", None),
    # a room's list of finishes names no one surface for the wet measure after it: the floor's
    ("- Pantry 3 x 2 m - vinyl floor, plasterboard walls, about 4 m2 wet by the door.\n", "Pantry", 43.1),
    # ... but a list that says which surface is wet gives it ("carpet dry, walls wet")
    ("- Study 4 x 3 m: carpet dry, plasterboard walls wet along the bottom, about 3 m2.\n", "Study", None),
    # a wall that says where a ceiling stain is does not make it the wall's
    ("- Hall (4 x 1 m): wet ceiling, stain about 1 m2 under the bathroom's side wall.\n", "Hall", 10.8),
]


@pytest.mark.parametrize(("text", "room", "expected"), WET_IN_WORDS)
def test_wet_extents_in_words(text: str, room: str, expected: float | None) -> None:
    wet = _wet(text, room)
    if expected is None:
        assert wet is None
    else:
        assert wet is not None and abs(wet - expected) < 0.5


@pytest.mark.parametrize(
    ("notes", "room", "expected"),
    [
        # a room said short between "whole" and "floor", on that room's own line
        ("Utility room, 2.4 x 2.0 m: cushion vinyl. Whole utility floor wet.", "Utility room", 51.7),
        ("Games room 20 x 15 ft, carpet on slab; the entire games floor soaked.", "Games room", 300.0),
        # a floor said by its kind
        ("Sunroom 4 x 3 m: water over the whole tiled floor, 10 mm deep.", "Sunroom", 129.2),
        # the whole of the surface, said by how it is wet
        ("Hall bath 8 x 5 ft, sheet vinyl fully wet; toilet pulled.", "Hall bath", 40.0),
        ("Sunroom 4 x 3 m, terracotta tiles, flooded edge to edge.", "Sunroom", 129.2),
        ("Mudroom 3 x 2 m, slate tiles completely under water when we arrived.", "Mudroom", 64.6),
        ("Powder room 5 x 4 ft: sheet vinyl, all wet.", "Powder room", 20.0),
        # near misses: how wet a spot is, a level, another word
        ("Den 12 x 10 ft carpet completely soaked by the slider.", "Den", None),
        ("Kitchen 4 x 3.5 m: the whole ground floor was wet, the tiles only at the sink.", "Kitchen", None),
        ("Laundry 2 x 2 m: the whole garage floor was wet, the laundry only at the tub.", "Laundry", None),
        ("Garage 6 x 6 m: the stored boxes were all wet, the slab dried by lunch.", "Garage", None),
        ("Study 3 x 3 m: plasterboard fully wet behind the desk, carpet dry.", "Study", None),
    ],
)
def test_a_whole_floor_said_in_other_words_is_the_rooms_floor(
    notes: str, room: str, expected: float | None
) -> None:
    wet = _wet_floor(notes, room)
    assert wet == expected if expected is None else wet is not None and abs(wet - expected) < 0.5


def test_flooring_taken_up_of_a_room_named_after_it_is_that_rooms() -> None:
    # Given work that takes up a measure "of" another room's carpet, after the line's own room
    notes = (
        "Laundry 2 x 2 m vinyl wet; water ran under the door into the hallway, carpet wet.\n"
        "Work: lifted the laundry vinyl; removed 40 SF of hallway carpet and pad.\n"
    )
    # Then the measure is the hallway's, not the laundry's the line began on
    assert _wet_floor(notes, "Hallway") == 40.0
    assert _wet_floor(notes, "Laundry") is None


def test_flooring_taken_up_of_a_room_found_dry_is_no_ones() -> None:
    notes = (
        "Hallway 14 x 4 ft: carpet and pad wet outside the laundry door. Bedroom 3 checked, dry.\n"
        "Work: pulled 30 SF of bedroom 3 carpet to check under it; pulled 56 SF of hallway carpet.\n"
    )
    # Then the dry bedroom's carpet does not become the hallway's extent
    assert _wet_floor(notes, "Hallway") == 56.0


# A room a bracket only relates the one before it to owns its bracket, no more: the measure after
# the bracket is the first room's.
_RELATED_BRACKET = [
    ("Dining area (open to the kitchen) - 10 x 9 ft, same floor, approx 45 SF wet", "Dining area", 45.0),
    ("Sunroom (off the lounge), 4 x 3 m: tiles wet, about 5 m2.", "Sunroom", 53.8),
    ("Study (next to the laundry): carpet soaked over about 3 m2 by the door.", "Study", 32.3),
    # (the near miss: the second room named outside any bracket owns what follows it)
    ("Laundry tiles wet, then the water ran into the study: carpet soaked over about 3 m2.", "Study", 32.3),
]


@pytest.mark.parametrize(("notes", "room", "sqft"), _RELATED_BRACKET)
def test_a_measure_after_a_relating_bracket_is_the_first_rooms(notes: str, room: str, sqft: float) -> None:
    wet = _wet_floor(notes, room)
    assert wet is not None and abs(wet - sqft) < 0.5


@pytest.mark.parametrize(
    ("notes", "room", "sqft"),
    [
        (
            "Dining 12x11 (open to the den): oak strip, wet 2 ft band along the den threshold ~ 22 SF.",
            "Dining",
            22.0,
        ),
        (
            "Study 4 x 3 m: jarrah strip flooring cupped, damp over roughly 5 m2 near the hallway door.",
            "Study",
            53.8,
        ),
        ("Sunroom 14 x 10 ft - carpet strip at the slider soaked, approx 18 sq ft.", "Sunroom", 18.0),
    ],
)
def test_a_strip_named_as_flooring_is_no_work_done(notes: str, room: str, sqft: float) -> None:
    # Given a floor named by its strips ("oak strip") and measured wet after it
    wet = _wet_floor("Pipe burst.\n" + notes, room)
    # Then the strip is the floor, not the verb, and the measure is the room's wet floor
    assert wet is not None and abs(wet - sqft) < 0.5


@pytest.mark.parametrize(
    "sentence",
    ["strip and bag the wet underlay", "then strip the carpet", "we had to strip out the vinyl"],
)
def test_strip_as_the_verb_is_still_work_done(sentence: str) -> None:
    assert WORK_DONE.search(sentence) is not None


@pytest.mark.parametrize("sentence", ["oak strip, wet 2 ft band", "a strip of carpet along the wall"])
def test_strip_as_a_noun_is_no_work_done(sentence: str) -> None:
    assert WORK_DONE.search(sentence) is None
