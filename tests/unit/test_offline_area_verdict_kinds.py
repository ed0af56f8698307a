"""Affected areas read from kinds of writing the rules first met on a blind set: rooms cleared by a
bare "all fine", a space said dry while the water kept to something else, a roof space named only as
the water's way in, an open-plan space placed on a level, the firm's office that wrote something, a
space sized after a report's section number or by two names, a shed sized like any space, "entry" as
going in, and a guessed size the writer later measured."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def _rooms(text: str) -> list[str]:
    return [area.room for area in analyze_text(text).affected_areas]


def _sizes(text: str) -> dict[str, tuple[float | None, float | None]]:
    return {
        area.room: (area.length_original or area.length_ft, area.width_original or area.width_ft)
        for area in analyze_text(text).affected_areas
    }


# --- a bare "all fine" after a list of rooms ------------------------------------------------------


def test_rooms_listed_then_called_all_fine_are_not_affected() -> None:
    # Given a wet room, then a list of rooms closed by "all fine" with no verb
    notes = "Laundry tub overflowed; laundry vinyl soaked.\nStudy, guest room and kitchen all fine."
    # When it is read
    # Then only the laundry is affected
    assert _rooms(notes) == ["Laundry"]


def test_two_rooms_called_both_ok_are_not_affected() -> None:
    # Given two rooms named together and closed by "both OK"
    notes = "Dishwasher leaked under the bench: kitchen floorboards wet.\nDining and lounge both OK."
    # When it is read
    # Then the kitchen alone is affected
    assert _rooms(notes) == ["Kitchen"]


def test_all_fine_after_damage_in_the_same_sentence_clears_nothing() -> None:
    # Given a room whose own sentence tells damage before an "all fine" about the rest
    notes = "Toilet cistern overflowed. Ensuite tiles flooded, grout soaked, rest all fine."
    # When it is read
    # Then the ensuite stays affected
    assert _rooms(notes) == ["Ensuite"]


# --- said dry, and the water kept to something else -----------------------------------------------


def test_a_space_said_dry_while_the_water_stayed_elsewhere_is_not_affected() -> None:
    # Given a wet laundry, and a cellar said dry with the water kept to the boards above
    notes = (
        "Laundry floorboards wet over about 4 m2 after the hose burst.\n"
        "The cellar membrane below the laundry was dry - the water stayed in the boards."
    )
    # When it is read
    # Then the cellar is not an affected area
    assert _rooms(notes) == ["Laundry"]


def test_a_room_said_dry_and_the_moisture_confined_to_a_wall_is_not_affected() -> None:
    # Given a study said dry, the moisture confined to the hall wall it shares
    notes = "Hall carpet wet along the east wall.\nThe study was dry, moisture was confined to the hall side."
    # When it is read
    # Then the hall alone is affected
    assert _rooms(notes) == ["Hall"]


def test_a_room_where_the_water_stayed_is_still_affected() -> None:
    # Given a room whose own damage is told, with the water said to stay in it (no dry verdict)
    notes = "Washing machine hose split. The laundry flooded - the water stayed in the laundry."
    # When it is read
    # Then the laundry is affected
    assert _rooms(notes) == ["Laundry"]


# --- a roof space named only as the water's way in ------------------------------------------------


def test_a_roof_space_the_water_ran_into_on_its_way_down_is_not_an_area() -> None:
    # Given rain that backed up into the roof void, and wet rooms below told on their own lines
    notes = (
        "Cause: the valley gutter blocked and rain backed up under the flashing into the roof void.\n"
        "Bedroom 2 3.2 x 3.0 m: ceiling wet over about 3 m2.\nHallway: carpet damp near the door."
    )
    # When it is read
    # Then the roof void is no area of its own
    assert "Roof space" not in _rooms(notes)
    assert "Bedroom 2" in _rooms(notes)


def test_an_attic_a_tank_overflowed_into_is_not_an_area() -> None:
    # Given a tank that overflowed into the attic and a wet kitchen ceiling
    notes = (
        "The header tank overflowed into the attic overnight.\nKitchen ceiling stained and wet, about 2 m2."
    )
    # When it is read
    # Then only the kitchen is affected
    assert _rooms(notes) == ["Kitchen"]


def test_a_roof_space_with_its_own_damage_stays_an_area() -> None:
    # Given a roof space the water ran into, whose own batts are told soaked
    notes = (
        "The cooler tray overflowed into the roof space.\nRoof space: batts soaked over about 6 m2.\n"
        "Lounge ceiling wet about 4 m2."
    )
    # When it is read
    # Then the roof space stays an area
    assert "Roof space" in _rooms(notes)


def test_a_roof_space_that_is_the_only_area_stays() -> None:
    # Given notes whose only space is the roof space the water ran into
    notes = "Storm rain ran into the roof space through a lifted ridge cap."
    # When it is read
    # Then the job keeps it (no job is left without an area)
    assert _rooms(notes) == ["Roof space"]


# --- an open-plan space placed on a level ---------------------------------------------------------


def test_an_open_plan_space_on_a_level_is_its_rooms_named_apart() -> None:
    # Given "upstairs lounge and dining" once, then each room with its own damage
    notes = (
        "The bath overflowed through the floor into the upstairs lounge and dining ceilings.\n"
        "Lounge 5 x 4 m: ceiling wet about 3 m2.\nDining room: ceiling wet about 2 m2."
    )
    # When it is read
    # Then the rooms are the areas, not one more joined space
    assert _rooms(notes) == ["Lounge", "Dining room"]


def test_an_open_plan_space_on_the_ground_floor_is_its_rooms_named_apart() -> None:
    # Given "ground floor family and kitchen" once, then each room on a line of its own
    notes = (
        "Water tracked along the joists into the ground floor family and kitchen ceilings.\n"
        "Family room: ceiling stained about 2 m2.\nKitchen: plasterboard ceiling wet about 1 m2."
    )
    # When it is read
    # Then the rooms are the areas
    assert sorted(_rooms(notes)) == ["Family room", "Kitchen"]


def test_an_open_plan_space_with_a_size_of_its_own_stays() -> None:
    # Given a level's open-plan space with a size of its own
    notes = "Downstairs lounge and dining 8 x 5 m: carpet wet about 10 m2.\nLounge wall wet to 300 mm."
    # When it is read
    # Then the joined space stays an area
    assert any("dining" in room.lower() for room in _rooms(notes))


# --- the firm's office doing what people do -------------------------------------------------------


def test_the_office_that_wrote_on_the_docket_is_not_a_room() -> None:
    # Given a line led by the office writing something, and a wet room elsewhere
    notes = "Called out to a wet lounge carpet, about 5 m2.\nOffice wrote 'urgent' on the job sheet."
    # When it is read
    # Then only the lounge is affected
    assert _rooms(notes) == ["Lounge"]


def test_reception_that_rang_is_not_a_room() -> None:
    # Given a line led by reception ringing, and a wet bathroom
    notes = "Bathroom floor flooded from the shower waste.\nReception rang the owner with the booking time."
    # When it is read
    # Then reception is no area
    assert _rooms(notes) == ["Bathroom"]


def test_an_office_that_got_wet_is_still_a_room() -> None:
    # Given an office line with damage of its own
    notes = "Office: carpet tiles wet over about 6 m2 under the window."
    # When it is read
    # Then the office is affected
    assert _rooms(notes) == ["Office"]


# --- spaces named by their size -------------------------------------------------------------------


def test_a_space_sized_after_a_section_number_is_an_area() -> None:
    # Given a report's numbered sections each heading a sized space the vocabulary does not know
    notes = (
        "3.1 Drum booth: 10 ft x 8 ft. Carpet wet over about 40 SF.\n"
        "4) Pro shop annex: 4 m x 3 m, boards damp."
    )
    # When it is read
    sizes = _sizes(notes)
    # Then both spaces are areas with their sizes
    assert sizes["Drum booth"] == (10.0, 8.0)
    assert sizes["Pro shop annex"] == (4.0, 3.0)


def test_a_space_by_two_names_joined_by_a_slash_is_an_area() -> None:
    # Given a shop space named two ways, the second holding a material's word
    notes = "- Tasting bar / glass display, 7.0 x 5.0 m: carpet tiles wet over about 6 m2."
    # When it is read
    # Then it is an area with its size
    assert _sizes(notes) == {"Tasting bar / glass display": (7.0, 5.0)}


def test_a_material_before_the_slash_is_no_space() -> None:
    # Given a sized pair of materials joined by a slash, in a wet room
    notes = "Laundry floor wet.\n- Plasterboard / frame 2.4 x 1.2 m removed."
    # When it is read
    # Then no space is made of the materials
    assert _rooms(notes) == ["Laundry"]


def test_a_shed_sized_like_a_space_is_an_area() -> None:
    # Given a shed named with its size and level in a bracket
    notes = "Boat shed (ground level, 10 x 6 m): the slab was covered, about 40 m2."
    # When it is read
    # Then the shed is an area with its size
    assert _sizes(notes) == {"Boat shed": (10.0, 6.0)}


def test_a_size_led_by_a_verb_in_the_past_is_not_a_space() -> None:
    # Given a size led by a past verb, and a wet room told apart
    notes = "Laundry floor wet.\nFinished 3 x 2 m of the slab with the squeegee."
    # When it is read
    # Then no space is made of the verb
    assert _rooms(notes) == ["Laundry"]


def test_a_list_count_before_a_size_is_no_section_number() -> None:
    # Given a count of rooms before their shared size
    notes = "Kitchen floor wet.\n2 offices 3 x 3 m each were checked and dry."
    # When it is read
    # Then no space is made of the counted rooms
    assert "Offices" not in _rooms(notes)


# --- "entry" as going in --------------------------------------------------------------------------


def test_entry_as_going_in_is_no_room() -> None:
    # Given "before entry" and "upon entry" said of going in, with a wet room told apart
    notes = (
        "Studio ceiling wet over about 5 m2; power isolated at the board before entry.\n"
        "Upon entry the smell in the studio was strong and the carpet was soaked."
    )
    # When it is read
    # Then no entry is an area
    assert "Entry" not in _rooms(notes)


def test_a_wet_entry_is_still_a_room() -> None:
    # Given an entry with wet tiles of its own
    notes = "Entry tiles wet and grout soaked near the front door."
    # When it is read
    # Then the entry is affected
    assert _rooms(notes) == ["Entry"]


# --- a guessed size, later measured ---------------------------------------------------------------


def test_a_measured_size_replaces_a_guessed_one() -> None:
    # Given a room sized "about" at first, then measured on a later line
    notes = "Lounge about 5 x 4 m, carpet wet.\nMeasured the lounge with the laser: 5.6 x 4.3 m."
    # When it is read
    # Then the measured size is the room's
    assert _sizes(notes)["Lounge"] == (5.6, 4.3)


def test_a_measured_size_replaces_an_approximate_one_in_feet() -> None:
    # Given a basement sized "approx" in feet, then measured
    notes = "Basement den approx 18 x 12, carpet soaked.\n- I measured the den: 19 x 13 ft."
    # When it is read
    sizes = _sizes(notes)
    # Then the measured size is the den's
    assert next(iter(sizes.values())) == (19.0, 13.0)


def test_a_size_given_outright_is_not_replaced_by_a_later_one() -> None:
    # Given a room sized outright, and another size told later without a correction
    notes = "Lounge 5 x 4 m, carpet wet.\nMeasured the lounge rug: 2 x 1.5 m, dry."
    # When it is read
    # Then the first size stands
    assert _sizes(notes)["Lounge"] == (5.0, 4.0)


# --- a room's whole floor said by "its" -----------------------------------------------------------


def _wet_floors(text: str) -> dict[str, float | None]:
    return {area.room: area.wet_floor_sqft for area in analyze_text(text).affected_areas}


def test_water_over_its_whole_floor_wets_the_rooms_whole_floor() -> None:
    # Given a sized room that "had water over its whole floor"
    notes = "The shower room (2.5 x 2.0 m, tiled) had water over its whole floor."
    # When it is read
    # Then its whole floor is its wet extent
    assert _wet_floors(notes) == {"Shower room": 53.8}


def test_water_sitting_across_its_entire_floor_wets_the_whole_floor() -> None:
    # Given a room in feet whose water sat across "its entire floor"
    notes = "Mudroom, 8 x 6 ft - water sitting across its entire floor when we arrived."
    # When it is read
    # Then the whole floor is wet
    assert _wet_floors(notes) == {"Mudroom": 48.0}


def test_a_tarp_over_its_whole_floor_is_no_wet_extent() -> None:
    # Given a room whose floor is covered by a tarp, with no water on it
    notes = "Garage (6 x 6 m), roof leak at the gutter: the tenant put a tarp over its whole floor."
    # When it is read
    # Then no wet floor is read from the tarp
    assert _wet_floors(notes).get("Garage") is None
