"""Rooms ruled out by what the text says of them in words the rules had not read: a bare room that is
the one room of its kind the notes ruled out, a room's doorway marking where the wet stopped, "not a
wet area", restorers' "the crawl", a line that corrects the file, and sizes the writer calls wrong or
only guesses."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text

_HEAD = "Job: 4 Teal Court, Hamilton 3204\nVisited 12/10/2026\n"


def _rooms(text: str) -> list[str]:
    return sorted(area.room for area in analyze_text(_HEAD + text).affected_areas)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the porch ruled out once by its full name, then named bare in the goal
        (
            "The dishwasher hose split and flooded the scullery floor, vinyl soaked.\n"
            "Unaffected: the rear porch (we took our dry standard there).\n"
            "Goal: vinyl substrate within 3 of the porch before we pull the kit.\n",
            ["Scullery"],
        ),
        # near miss: the one qualified room of its kind is wet, so the bare room is that room
        (
            "The dishwasher hose split and flooded the scullery floor, vinyl soaked.\n"
            "The rear porch decking took water too, boards damp.\n"
            "Porch boards dried by Friday.\n",
            ["Rear porch", "Scullery"],
        ),
    ],
)
def test_a_bare_room_is_the_one_of_its_kind_the_notes_ruled_out(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the nursery's doorway only marks where the wet carpet stops
        ("- Landing: carpet soaked from the bathroom door to the doorway of the nursery.\n", ["Landing"]),
        # near miss: under the nursery's door is where the water went
        (
            "- Landing: carpet soaked; water ran under the door of the nursery, its underlay soaked.\n",
            ["Landing", "Nursery"],
        ),
        # near miss: the water went into the nursery itself
        (
            "- Landing: carpet soaked, and the water ran on into the nursery, its underlay soaked.\n",
            ["Landing", "Nursery"],
        ),
    ],
)
def test_a_rooms_doorway_marks_where_the_wet_stopped(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # restorers' "the crawl", its access hatch sized and set aside as no wet area
        (
            "- the crawl 30 x 22 ft, vapour barrier with standing water over about 150 sf.\n"
            "- access hatch 30 x 20 in - not a wet area, only the way in.\n",
            ["Crawl"],
        ),
        # "the crawl" ruled out in so many words
        (
            "Laundry: vinyl wet, particleboard swollen at the tub.\n"
            "Checked underneath: the crawl is NOT an affected area, soil and joists dry.\n",
            ["Laundry"],
        ),
        # near miss: a full crawl of the space is an inspection, the crawlspace the area
        (
            "We did a full crawl of the crawlspace: insulation soaked under the bathroom.\n",
            ["Crawlspace"],
        ),
    ],
)
def test_the_crawl_and_what_is_no_wet_area(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the line corrects the file, then clears the room in a sentence of its own
        (
            "Study: carpet wet along the desk wall.\nLounge: carpet wet at the door.\n"
            "Update: the study was entered as affected by mistake. The study was checked and is not "
            "affected.\n",
            ["Lounge"],
        ),
        # a quote of the intake the writer refutes does not restore the room
        (
            "Rooms: lounge, den - carpet soaked\nLounge: carpet wet at the door.\n"
            'Den is dry - carpet dry to the wall. The booking\'s "den carpet soaked" must have been the '
            "lounge.\n",
            ["Lounge"],
        ),
        # near miss: no correction, a room dried later stays an area
        (
            "Study: carpet wet along the desk wall.\nLounge: carpet wet at the door.\n"
            "Day 4: study carpet read dry.\n",
            ["Lounge", "Study"],
        ),
    ],
)
def test_a_room_a_correcting_line_clears_is_no_area(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected


def _size(text: str, room: str) -> float | None:
    found = analyze_text(_HEAD + text).affected_areas
    return next((area.floor_area_sqft for area in found if area.room == room), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the size the writer calls wrong gives way to the one after it
        ("Office carpet wet. Office size on the booking (15 x 10 ft) is wrong - it is 12 x 10 ft.\n", 120.0),
        # a size marked as a guess is no size
        ("Office (did not measure, roughly 4 x 4?) - carpet wet under the desk.\n", None),
        # near miss: a plain approximate size is the room's
        ("Office (roughly 12 x 10 ft) - carpet wet under the desk.\n", 120.0),
    ],
)
def test_a_size_the_writer_calls_wrong_or_guesses_is_no_size(text: str, expected: float | None) -> None:
    assert _size(text, "Office") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a room used for a material's standard is the dry comparison, not an area
        (
            "Ensuite: tiles lifting, plasterboard wet to 300 mm.\n"
            "Top floor: not affected. Guest room used for the plasterboard standard.\n",
            ["Ensuite"],
        ),
        # a quoted claim the writer refutes, and rooms that show nothing
        (
            "Ensuite: tiles lifting, plasterboard wet to 300 mm.\n"
            'The owner\'s email said "water through every room" - not so; the study and the guest room '
            "show nothing.\n",
            ["Ensuite"],
        ),
        # near miss: a room that shows staining is an area
        (
            "Ensuite: tiles lifting, plasterboard wet to 300 mm.\n"
            "The guest room shows staining on the ceiling by the ensuite wall.\n",
            ["Ensuite", "Guest room"],
        ),
    ],
)
def test_a_room_used_for_a_standard_or_showing_nothing_is_no_area(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the water only reached the foot of the stair: the stair is where the wet ended
        ("- Rumpus: carpet wet over half the room. stairs only got the bottom step wet.\n", ["Rumpus"]),
        # the stair named by its own words as the way the water went down
        (
            "Water ran from the kitchen down the carpeted half-flight of stairs into the rumpus, its carpet"
            " soaked.\n",
            ["Kitchen", "Rumpus"],
        ),
        # near miss: the stair carpet itself is soaked
        (
            "- Rumpus: carpet wet over half the room.\n- Stairs: carpet soaked on every tread.\n",
            ["Rumpus", "Stairs"],
        ),
    ],
)
def test_a_stair_the_water_only_reached_or_ran_down_is_no_area(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the wall the room shares only places the stain; the room's reading is the standard
        (
            "Water mark on the study ceiling, close to the wall to the laundry.\n"
            "Readings: mark centre 620, laundry wall beside it 140 (dry - our standard).\n",
            ["Study"],
        ),
        # the room is where the writer took the dry standard
        (
            "Study: ceiling plasterboard wet and sagging.\nThe laundry is where we took our dry standard.\n",
            ["Study"],
        ),
        # near miss: the water went through the wall into the laundry
        (
            "Study: ceiling plasterboard wet and sagging.\n"
            "Water ran down the wall into the laundry, its vinyl wet.\n",
            ["Laundry", "Study"],
        ),
    ],
)
def test_a_shared_wall_or_a_rooms_standard_is_no_area(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the size of a stain is the mark's, not the room's
        ("Dark stain on the office ceiling, approx 1.2 x 0.9 m, carpet below wet.\n", None),
        # near miss: the room's size after its name
        ("Office 4.0 x 3.0 m: dark stain on the ceiling, carpet below wet.\n", 129.2),
    ],
)
def test_a_stains_size_is_no_rooms_size(text: str, expected: float | None) -> None:
    assert _size(text, "Office") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the water came up to the room's threshold and no further
        (
            "- Lounge: carpet soaked.\n- study: floorboards, water reached the door bar only, mopped.\n",
            ["Lounge"],
        ),
        (
            "Lounge carpet soaked. I looked at the study: boards dry, water only touched the threshold.\n",
            ["Lounge"],
        ),
        # near miss: past the threshold the boards are wet
        (
            "- Lounge: carpet soaked.\n- study: water crossed the threshold, boards wet 1 m in.\n",
            ["Lounge", "Study"],
        ),
    ],
)
def test_a_room_the_water_only_reached_the_threshold_of_is_no_area(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the goal's room is where the dry standard was read
        (
            "Laundry: vinyl wet, plasterboard wicking.\nDry when within 3 pts of the study wall.\n",
            ["Laundry"],
        ),
        # the pantry unit of the kitchen and the office that keeps the file are no rooms
        (
            "Kitchen: tiles wet around the fridge, kick and pantry base wicking.\n"
            "Office details need updating: the claim number is wrong.\n",
            ["Kitchen"],
        ),
        # a scope line's verb sized is no space
        ("Kitchen: tiles wet around the fridge.\n- Drill 6 x 10 mm vent holes in the kick.\n", ["Kitchen"]),
        # near miss: a walk-in pantry whose floor is wet is an area
        (
            "Kitchen: tiles wet around the fridge.\nThe pantry floor is wet too, vinyl lifting.\n",
            ["Kitchen", "Pantry"],
        ),
    ],
)
def test_a_goals_room_a_pantry_unit_and_a_scope_verb_are_no_areas(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the denial runs on down its list of rooms
        (
            "Laundry: vinyl wet wall to wall.\nUpstairs was fine, the water didn't get to the powder room or "
            "the stairs.\n",
            ["Laundry"],
        ),
        # a reading the writer keeps to compare to is the dry standard's room
        (
            "Laundry: vinyl wet wall to wall.\nReadings:\n- laundry wall 30\n"
            "- upstairs landing wall (the tech said it's his number to compare against) - 9\n",
            ["Laundry"],
        ),
        # near miss: a room after the list, with damage of its own, is wet
        (
            "Laundry: vinyl wet wall to wall.\nThe water didn't get to the powder room, but the stairs "
            "carpet is soaked.\n",
            ["Laundry", "Stairs"],
        ),
    ],
)
def test_a_denial_down_a_list_and_a_number_to_compare_to(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a point's row that tags its reading the reference names the dry standard's room
        (
            "Ensuite: tiles lifting, plasterboard wet to 300 mm.\nMoisture map:\n"
            "1. Ensuite wall behind vanity ........ 38 WME\n"
            "2. Study wall, ground floor ........ 10 WME REF\n",
            ["Ensuite"],
        ),
        # near miss: the row's reading is the room's own, untagged
        (
            "Ensuite: tiles lifting, plasterboard wet to 300 mm.\nMoisture map:\n"
            "1. Ensuite wall behind vanity ........ 38 WME\n2. Study wall, wet patch ........ 31 WME\n",
            ["Ensuite", "Study"],
        ),
    ],
)
def test_a_row_tagged_as_the_reference_is_no_area(text: str, expected: list[str]) -> None:
    assert _rooms(text) == expected
