"""Facts the writer rules out in their own words: a hazard answered "no", a room struck off the list,
a plumbing wall that is no wet room, a dry standard under a short "Std -" label, a day dated by the
part of it ("the evening of 11/11")."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import HazardKind
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.hazards import detect_hazards
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.standards import load_standards


def _hazards(text: str) -> set[HazardKind | None]:
    lines = prepare_lines(text)
    dates = Dates(lines, None)
    return {hazard.kind for hazard in detect_hazards(lines, None, load_standards(), dates.locale)}


def _affected(text: str) -> list[str]:
    return [mention.name for mention in room_mentions(text) if mention.affected]


def test_a_hazard_asked_about_and_answered_no_is_ruled_out() -> None:
    # Given notes that ask about a suspect material and answer it at once
    text = "Roof space checked. Loose-fill vermiculite? Nope, it is rockwool batts throughout."
    # When hazards are read
    # Then the question raises no asbestos flag
    assert HazardKind.ASBESTOS not in _hazards(text)


def test_a_hazard_asked_about_without_an_answer_is_still_flagged() -> None:
    assert HazardKind.ASBESTOS in _hazards("Loose-fill vermiculite? Could not tell, sample sent.")


def test_a_hazard_label_that_rules_its_kind_out_outweighs_the_build_year() -> None:
    # Given an Australian job whose asbestos line weighs the build year and rules it out
    text = (
        "Site: 4 Kurrajong Cres, Alice Springs NT 0870\n"
        "Asbestos: cottage built 1979, strata holds a survey - no ACM in the wet areas.\n"
    )
    # When hazards are read
    # Then the era presumption does not overrule the writer's own verdict
    assert HazardKind.ASBESTOS not in _hazards(text)


def test_the_build_year_alone_still_presumes_asbestos() -> None:
    text = "Site: 4 Kurrajong Cres, Alice Springs NT 0870\nCottage built 1979, fibro eaves.\n"
    assert HazardKind.ASBESTOS in _hazards(text)


def test_a_room_beside_the_plumbing_wet_wall_is_not_wet_for_it() -> None:
    # Given a room said to share the plumbing wall, listed with another room both checked dry
    text = "Unit 12 (backs onto the wet wall of unit 11) and the second floor hallway: checked, dry."
    # Then neither room is affected
    assert _affected(text) == []


def test_wet_wall_to_wall_is_still_wet() -> None:
    assert _affected("Family room: carpet wet wall to wall.") == ["Family room"]


def test_a_room_under_a_short_std_label_is_the_dry_standard() -> None:
    # Given a reference reading under an abbreviated "Std -" label
    text = "Std - dining rm plaster 11%, dining rm skirting 9 %MC."
    # Then the room it names is not affected
    assert _affected(text) == []


def test_a_room_struck_off_the_writers_list_is_not_an_area() -> None:
    # Given a job whose room list is corrected by a later line of the same notes
    text = (
        "Insured: Dana Whitlock\n"
        "Rooms: laundry, kitchen, study.\n"
        "Laundry vinyl wet 6 SF, kitchen toe kicks swollen.\n"
        "- Study - walked it again, floor dry, cross it off the list.\n"
    )
    # When the notes are analysed
    rooms = [area.room for area in analyze_text(text).affected_areas]
    # Then the struck room is gone and the others stay
    assert "Study" not in rooms
    assert "Laundry" in rooms and "Kitchen" in rooms


def test_a_yearless_day_introduced_by_a_part_of_the_day_is_a_date() -> None:
    # Given a line dating an event by "the night of" and a day/month with no year
    dates = Dates(prepare_lines("Loss reported 03/08/2026."), "DMY")
    found = dates.find_with_weekdays("Tenant heard dripping the night of 2/8 and rang us.", date(2026, 8, 3))
    # Then the day is read in the year around it
    assert [match.value for match in found] == [date(2026, 8, 2)]


def test_a_fraction_is_not_a_yearless_date() -> None:
    dates = Dates(prepare_lines("Loss reported 03/08/2026."), "DMY")
    assert dates.find_with_weekdays("About 3/4 of the floor was wet.", date(2026, 8, 3)) == []


def test_a_header_of_days_alone_heads_a_table_of_readings() -> None:
    # Given a table whose first column has no title, only the days over the numbers
    text = (
        "Insured: Dana Whitlock   Loss: 14/03/2026\n"
        "Laundry: vinyl lifted, plasterboard wet.\n"
        "                         15/03    17/03    19/03\n"
        " Laundry plasterboard N    41       26       15\n"
    )
    # When the notes are analysed
    readings = analyze_text(text).moisture_readings
    # Then each number is read on the day above it
    assert [(reading.value, reading.taken_on) for reading in readings] == [
        (41, date(2026, 3, 15)),
        (26, date(2026, 3, 17)),
        (15, date(2026, 3, 19)),
    ]


# --- a hazard checked and cleared, rooms checked clean, unchecked or listed from a phone call ----


def test_a_fitting_that_got_wet_but_was_tested_and_found_safe_is_no_hazard() -> None:
    assert HazardKind.ELECTRICAL not in _hazards(
        "- The hall downlight had been wet: the landlord's electrician tested it on 3/10 and it is safe."
    )
    # (not tested yet: still the hazard)
    assert HazardKind.ELECTRICAL in _hazards(
        "- The hall downlight had been wet: the electrician will test it on Monday."
    )


def test_a_safety_list_part_that_stayed_dry_is_no_hazard() -> None:
    assert HazardKind.ELECTRICAL not in _hazards("- Electrical: the floor outlets are GFCI and stayed dry.")
    assert HazardKind.ELECTRICAL in _hazards("- Electrical: the floor outlets were wet and tripped.")


def test_a_room_that_wipes_clean_with_a_faint_odour_only_is_not_affected() -> None:
    assert _affected("- Family room: slight odour only, wipes clean.") == []
    assert _affected("- Bedrooms 2 and 3 doors closed - clean on the wipe test.") == []
    assert _affected("- Family room: light soot film on the ceiling.") == ["Family room"]


def test_a_room_line_the_writer_could_not_check_names_no_affected_room() -> None:
    assert _affected("Ensuite floor upstairs - tiled, didn't read.") == []
    assert _affected("Ensuite floor upstairs - no access, tenant says the tiles are wet.") == ["Ensuite"]


def test_a_header_list_with_a_size_is_a_list_a_later_verdict_outweighs() -> None:
    text = (
        "Rooms: laundry 3 x 2 (per plans), hallway, garage\n"
        "Laundry: vinyl wet, 4 m2.\nHallway carpet wet 2 m2.\n"
        "Garage was on the caller's list but it's dry, nothing there.\n"
    )
    rooms = [area.room for area in analyze_text(text).affected_areas]
    assert "Garage" not in rooms and "Laundry" in rooms


def test_a_size_from_a_listing_gives_way_to_the_one_measured_on_site() -> None:
    text = (
        "Rooms: kitchen 4 x 3 m (from listing), dining\n"
        "Kitchen vinyl wet in front of the sink.\n"
        "- Measured the kitchen: 4 x 4.5 m, not 4 x 3.\n"
    )
    kitchen = next(area for area in analyze_text(text).affected_areas if area.room == "Kitchen")
    assert (kitchen.length_original, kitchen.width_original) == (4, 4.5)


def test_a_corridor_known_by_its_letter_keeps_it() -> None:
    assert _affected("Corridor C 12 x 2 m - vinyl wet approx 6 m2") == ["Corridor C"]


def test_a_dry_standard_row_with_std_in_brackets_is_no_affected_room() -> None:
    assert _affected("  Spare room drywall (std)        10       -        -") == []
    assert _affected("  Spare room drywall (wet)        31       22       -") == ["Spare room"]


def test_the_basement_named_in_a_first_report_holds_the_rooms_it_names() -> None:
    text = (
        "Insured reports the dishwasher line let go overnight. Water on the basement floor and into the"
        " family room carpet.\n"
        "Family room 18 x 14 ft - carpet and pad wet along the kitchen wall.\n"
    )
    assert [area.room for area in analyze_text(text).affected_areas] == ["Family room"]
    # (a heading still names the basement as the space: "Basement: ...")
    assert _affected("Basement: slab wet, about 200 SF around the water heater.") == ["Basement"]


def test_a_hazard_the_writer_calls_not_applicable_is_ruled_out() -> None:
    # Given a recent build whose asbestos line says the hazard does not apply
    assert HazardKind.ASBESTOS not in _hazards(
        "Bathroom wall wet behind the vanity.\nAsbestos not applicable (2015 build).\n"
    )
    # Then an asbestos suspicion nobody has cleared is still flagged
    assert HazardKind.ASBESTOS in _hazards(
        "Bathroom wall wet behind the vanity.\nSuspect asbestos sheeting behind the vanity.\n"
    )
