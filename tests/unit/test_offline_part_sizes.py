"""Sizes that belong to part of a room or to a thing in it, not to the room: a wet part measured on
its own, and a furnishing's size said after it."""

from __future__ import annotations

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import AffectedArea


def _area(text: str, room: str) -> AffectedArea:
    findings = analyze_text(text)
    return next(area for area in findings.affected_areas if area.room == room)


def test_a_wet_part_measured_on_its_own_is_the_wet_extent_not_the_rooms_size() -> None:
    # Given a room whose wet bit is measured by itself
    notes = (
        "The dishwasher supply let go overnight. Rooms that got wet:\n"
        "- the rumpus room, carpet sodden for a couple of metres in from the sliding door - she measured the "
        "wet bit as 2m by 1.5m\n"
    )
    # When it is read
    area = _area(notes, "Rumpus room")
    # Then the measure is how much of its floor is wet, not the rumpus room's size
    assert area.length_ft is None and area.floor_area_sqft is None
    assert area.wet_floor_sqft is not None and abs(area.wet_floor_sqft - 32.3) < 0.5


def test_a_damp_part_that_measures_a_size_is_wet_floor_in_feet_too() -> None:
    # Given a wet part of a room that "measures" a size, in feet, its room named in between
    notes = "Ice maker leak. Den carpet and pad soaked; the soaked portion of the den measures 6 x 5 ft."
    # When it is read
    area = _area(notes, "Den")
    # Then it is the den's wet floor, and the den has no size
    assert area.wet_floor_sqft == 30.0
    assert area.length_ft is None


def test_a_room_that_measures_a_size_next_to_a_wet_part_keeps_its_size() -> None:
    # Given a wet patch named, then the room itself measured in another clause
    notes = "Roof leak over the study. The wet patch was small; the study measures 4 x 3 m, carpet wet."
    # When it is read
    area = _area(notes, "Study")
    # Then the size is the study's own
    assert area.length_original == 4.0 and area.width_original == 3.0


def test_a_furnishings_size_in_its_bracket_is_not_the_rooms() -> None:
    # Given a rug in a room whose size is said in the rug's bracket
    notes = (
        "Mould found on the study walls after a roof leak.\n"
        "- Remove and bag the study area rug (owner agrees; it is 8 ft x 10 ft and holds dust)."
    )
    # When it is read
    area = _area(notes, "Study")
    # Then the study is affected but has no size
    assert area.length_ft is None and area.floor_area_sqft is None


def test_a_sofa_beds_size_after_it_is_not_the_rooms() -> None:
    # Given a sofa bed's size set after it, in metres
    notes = "Washer overflow. Lounge carpet and underlay wet; the lounge sofa bed, 2 x 1.5 m, is soaked."
    # When it is read
    area = _area(notes, "Lounge")
    # Then the lounge takes no size from it
    assert area.length_ft is None


def test_a_room_sized_after_a_furnishing_is_named_keeps_its_size() -> None:
    # Given a furnishing named, then the room named straight before its own size
    notes = "Roof leak. Bedroom 3 carpet wet; the bed was moved out. Bedroom 3 measures 4 x 3.5 m."
    # When it is read
    area = _area(notes, "Bedroom 3")
    # Then the size is the room's
    assert area.length_original == 4.0 and area.width_original == 3.5
    # And a room named between the rug and the size takes it too
    notes = "Washing machine overflow. The rug was lifted. Lounge 5 x 4 m: carpet and underlay wet."
    area = _area(notes, "Lounge")
    assert area.length_original == 5.0


def test_a_hatchs_size_bracketed_after_the_room_it_is_in_makes_no_room() -> None:
    # Given an access hatch placed in a room, its size bracketed after that room, in mm and in inches
    for notes, room in (
        (
            "Leak under the house from the kitchen waste. Subfloor access via a hatch in the hall cupboard "
            "(600 x 450 mm). Kitchen vinyl lifting and wet.",
            "Hall cupboard",
        ),
        (
            "Crawlspace wet under the bath. Entry is through the trapdoor in the coat closet (24 x 20 in.). "
            "Bathroom subfloor wet.",
            "Coat closet",
        ),
    ):
        # When it is read
        rooms = [area.room for area in analyze_text(notes).affected_areas]
        # Then the room holding the hatch is no affected area
        assert room not in rooms, rooms


def test_a_rooms_own_bracketed_size_with_water_in_it_still_counts() -> None:
    # Given water lying in a cupboard whose own size is bracketed after it
    notes = "HWS leaked. Water pooled in the linen cupboard (1.2 x 0.9 m); carpet and skirting wet."
    # When it is read
    area = _area(notes, "Linen cupboard")
    # Then the size is the cupboard's
    assert area.length_original == 1.2
