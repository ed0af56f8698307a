"""Rooms and hazards the text rules out: a neighbour's room, a room checked and found clear on a
line whose other sentence has damage elsewhere, a cupboard off the hall, an outlet of air."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import HazardKind
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.hazards import detect_hazards
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.standards import load_standards


def _affected(text: str) -> list[str]:
    return [mention.name for mention in room_mentions(text) if mention.affected]


def _hazards(text: str) -> set[HazardKind | None]:
    lines = prepare_lines(text)
    dates = Dates(lines, None)
    return {hazard.kind for hazard in detect_hazards(lines, None, load_standards(), dates.locale)}


def test_a_neighbours_room_is_not_an_area() -> None:
    # Given a line where a neighbour saw the stain in a room of her own flat
    text = "The neighbour in the flat below first noticed a wet patch on her kitchen ceiling on 4/10."
    # Then her kitchen is not an affected area of this job
    assert _affected(text) == []


def test_a_room_named_with_a_neighbours_possessive_is_not_an_area() -> None:
    assert _affected("Water also dripped into next door's laundry through the shared wall.") == []


def test_the_insureds_own_room_with_her_is_still_an_area() -> None:
    # Given the insured (not a neighbour) speaking of her room
    text = "The owner found her lounge carpet wet when she got home."
    # Then the lounge is affected
    assert _affected(text) == ["Lounge"]


def test_a_room_checked_clear_keeps_its_verdict_over_a_later_sentence() -> None:
    # Given a room's own sentence that says it was checked and found clear, then damage elsewhere
    text = "- Room 318 across the corridor: checked, no residue, no odour. The walkway rail has soot on it."
    # Then the room is not affected
    assert _affected(text) == []


def test_a_room_whose_later_sentence_is_its_own_damage_stays_affected() -> None:
    # Given a room's line whose own sentence is only a check, with its damage after
    assert _affected("Kitchen: checked the floor. Vinyl lifting and wet along the sink run.") == ["Kitchen"]


def test_a_hall_cupboard_is_one_space() -> None:
    # Given a cupboard named by the hall it opens off
    names = [
        mention.name for mention in room_mentions("Hall cupboard: skirting swollen, boxes on the floor wet.")
    ]
    # Then it is the hall cupboard, not the hall
    assert names == ["Hall cupboard"]


def test_an_air_outlet_is_no_electrical_hazard() -> None:
    # Given notes where the only outlet is the ducted heating's, wet around it
    text = (
        "Water came out through the ducted heating outlet in the lounge ceiling.\n"
        "Plasterboard soft around the outlet; insulation around the outlet wet.\n"
    )
    # Then no electrical hazard is flagged
    assert HazardKind.ELECTRICAL not in _hazards(text)


def test_a_power_outlet_wet_is_still_an_electrical_hazard() -> None:
    text = "Water came out through the ceiling vent outlet.\nThe wall outlet behind the couch was wet.\n"
    assert HazardKind.ELECTRICAL in _hazards(text)


def test_a_survey_rows_room_with_nothing_found_is_not_affected() -> None:
    # Given a survey table's row with an empty size cell and nothing found in the room
    assert _affected("Landing | - | Nothing visible; tape lift normal | 1") == []


def test_a_survey_rows_room_with_damage_stays_affected() -> None:
    assert _affected("Laundry | 2 x 3 m | Vinyl wet, nothing visible under it | 2") == ["Laundry"]


def test_a_cupboard_named_by_the_cylinder_it_houses_is_a_space() -> None:
    # Given a homeowner naming the cupboard by what lives in it
    text = "Water all over the cupboard the cylinder sits in, and out across the hall carpet."
    # Then the cupboard is an affected space
    assert "Cupboard" in _affected(text)


def test_a_bare_room_of_the_one_named_kind_is_that_room() -> None:
    # Given notes that speak of "one bedroom" first and name it bedroom 3 on a later line
    text = (
        "Class 2 accepted: laundry floor, hallway and one bedroom, carpet and underlay, wicking 150 mm.\n"
        "Affected: laundry 2.0 x 1.8 m (vinyl); hallway about 3 m2 of carpet; bedroom 3, 3.2 x 3.0 m.\n"
    )
    rooms = [area.room for area in analyze_text(text).affected_areas]
    # Then bedroom 3 is the only bedroom
    assert sorted(rooms) == ["Bedroom 3", "Hallway", "Laundry"]


def test_a_space_below_where_only_the_floor_above_was_wet_is_not_an_area() -> None:
    # Given a cellar seen from below, where only the structure of the rooms above was damp
    text = (
        "- Cellar: joists under the kitchen damp from above. The cellar is storage only and nothing in it"
        " got wet except the underside of the floor above."
    )
    # Then the cellar is not affected
    assert "Cellar" not in _affected(text)


def test_a_roof_space_over_a_room_with_only_wet_batts_is_that_rooms_ceiling() -> None:
    # Given a room with a wet ceiling and the roof space over it holding wet insulation only
    text = (
        "Lounge 5.0 x 4.0 m: ceiling plasterboard wet around the cooler outlet, carpet wet 4 m2.\n"
        "Roof space over the lounge: batts soaked over about 3 m2.\n"
    )
    rooms = [area.room for area in analyze_text(text).affected_areas]
    # Then the lounge is the only area
    assert rooms == ["Lounge"]


def test_an_attic_whose_own_structure_is_damaged_stays_an_area() -> None:
    # Given an attic over a bathroom with mould on its sheathing
    text = (
        "Bathroom 2.4 x 2.0 m: ceiling stained under the fan.\n"
        "Attic above the bathroom: roof sheathing mouldy and wet, rafters stained.\n"
    )
    rooms = [area.room for area in analyze_text(text).affected_areas]
    assert "Attic" in rooms


def test_a_room_that_needs_no_drying_is_not_affected() -> None:
    # Given a room whose own sentence says the water ran off and nothing there needs drying
    text = "Store room floor is sealed epoxy - the water ran to the floor waste and it needs no drying."
    assert _affected(text) == []


def test_a_room_that_needs_no_drying_in_part_but_is_wet_stays_affected() -> None:
    text = "Store room: the epoxy needs no drying, but the plasterboard is wet to 300 mm."
    assert _affected(text) == ["Store room"]


def test_a_shop_front_is_a_space() -> None:
    assert _affected("Shop front (8 m x 5 m): vinyl plank wet across the back half.") == ["Shop front"]


def test_a_room_described_by_its_state_is_no_named_room() -> None:
    # Given a sentence about water that crossed "a burned room"
    assert _affected(
        "The hose water ran across a charred room full of debris before it reached the hall."
    ) == ["Hall"]


def test_an_oven_deck_or_a_mezzanine_deck_is_no_outdoor_deck() -> None:
    assert _affected("Supply line to deck oven 3 split; water under the oven.") == []
    assert _affected("The plywood mezzanine deck is wet around the tank.") == []
    assert _affected("Deck: boards wet at the sliding door.") == ["Deck"]


def test_a_bakehouse_is_a_space() -> None:
    assert _affected("Bakehouse (production floor) 8 x 6 m: screed wet around the oven.") == ["Bakehouse"]


def test_a_room_followed_by_next_door_is_another_households() -> None:
    assert _affected("The beauty salon next door says it smells damp; we did not go in.") == []
    # (a commercial tenant's own working floor is a space like any room)
    assert _affected("Water spread across the hair salon floor from the basin.") == ["Hair salon"]


def test_a_room_next_door_to_another_is_the_houses_own() -> None:
    assert "Bathroom" in _affected("The bathroom next door to the laundry has wet carpet at the door.")
    # (a room of the job "next door" is only beside the one before)
    assert "Family room" in _affected("Hose water ran into the family room next door and soaked the carpet.")


# A room word that names people (the firm's office acting) or a business's name is no room of the job:
# "the office rang", "Kestrel Partners Office", and that business's word bare on other lines.
_NO_ROOM = [
    ("Laundry vinyl soaked. The office logged the call as a burst hose.", ["Laundry"]),
    ("Laundry vinyl soaked; reception confirmed the booking for Tuesday.", ["Laundry"]),
    # (the near misses: an office the water reached, and one that got wet)
    ("Laundry vinyl soaked and the office carpet wet by the door.", ["Laundry", "Office"]),
    ("Laundry vinyl soaked, and the office got wet as well.", ["Laundry", "Office"]),
]


@pytest.mark.parametrize(("text", "expected"), _NO_ROOM)
def test_a_room_word_for_the_people_in_it_is_no_room(text: str, expected: list[str]) -> None:
    assert _affected(text) == expected


_TRADING_NAME = [
    (
        "Leak report - Bramble Holdings Nursery, Packing Room\nPacking room 12 x 8 m: slab wet along the"
        " east wall.\nWater came from the nursery's dam line; the dam was overflowing.",
        ["Packing room"],
    ),
    # (the near miss: a nursery in a house, with no business of that name)
    (
        "Leak report - 4 Hill St\nNursery 3 x 3 m: carpet soaked under the cot.\n"
        "The nursery's window leaked.",
        ["Nursery"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _TRADING_NAME)
def test_a_room_word_a_business_is_named_by_is_that_business_elsewhere(
    text: str, expected: list[str]
) -> None:
    assert [area.room for area in analyze_text(text).affected_areas] == expected


# A room named only as what another room shares a wall with or backs onto is that room's landmark.
_BESIDE = [
    ("- Pantry (shares a wall with the sewing room where the freezer is): mould on the plaster.", ["Pantry"]),
    ("The ensuite, which backs onto the study, has soaked carpet.", ["Ensuite"]),
    # (the near miss: the neighbouring room's own clause says it is wet)
    (
        "The ensuite floor is soaked; it shares a wall with the study whose carpet is wet too.",
        ["Ensuite", "Study"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _BESIDE)
def test_a_room_named_only_as_what_another_adjoins_is_not_affected(text: str, expected: list[str]) -> None:
    assert _affected(text) == expected
