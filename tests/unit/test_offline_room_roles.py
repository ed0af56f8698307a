"""Rooms read by what the text says of them, in words no earlier rule met: "rm" for "room" in any
room's name, the foot of a stair the water only touched, a level named as how far the loss went,
contents the only thing wet, a room ruled out as no drying area, a wipe test with a word for the
wipe, a verdict on a list that closes after it, the room's own line going on after its first sentence,
a closing verdict for what it is no area for, and a size the writer marks as measured after it."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.spaces import room_mentions


def _states(text: str) -> dict[str, tuple[bool, bool]]:
    """Each room named on a line: (affected, said unaffected)."""
    return {mention.name: (mention.affected, mention.unaffected) for mention in room_mentions(text)}


def _areas(text: str) -> dict[str, tuple[float | None, float | None]]:
    return {area.room: (area.length_ft, area.width_ft) for area in analyze_text(text).affected_areas}


# --- "rm" for "room" -----------------------------------------------------------------------------

ABBREVIATED_ROOMS = [
    # a clinic's numbered room, its kind shortened to two letters
    ("Op rm 2: ceiling tiles stained and sagging over the chair", {"Op room 2": (True, False)}),
    ("Exam rm 4 - sheet vinyl wet along the north wall", {"Exam room 4": (True, False)}),
    # a room the vocabulary knows, written with "rm"
    ("Staff rm: carpet tiles soaked by the sink", {"Staff room": (True, False)}),
    ("the games rm carpet is wet right through", {"Games room": (True, False)}),
    # a room written both ways is one room
    ("Rm 12 carpet wet at the door", {"Room 12": (True, False)}),
    ("water got in rm 2 as well, carpet wet", {"Room 2": (True, False)}),
    # a hostel's or a cinema's rooms by their number
    ("Dormitory 6 - carpet tiles wet under the bunks", {"Dormitory 6": (True, False)}),
    ("Cinema 3 rear aisle, about 90 sq ft of carpet wet.", {"Cinema 3": (True, False)}),
    ("Auditorium 1 checked - dry, not affected.", {"Auditorium 1": (False, True)}),
    # the near-miss: the word with no number is the building or the show, not a room
    ("the auditorium staff mopped the foyer tiles, which were wet", {"Foyer": (True, False)}),
    # the near-miss: "rm" after a word that names no kind of room
    ("checked each rm, nothing wet", {}),
    ("the wet rm 2 carpet", {"Room 2": (True, False)}),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATED_ROOMS)
def test_a_room_written_with_rm_is_read(text: str, expected: dict[str, tuple[bool, bool]]) -> None:
    assert _states(text) == expected


def test_rm_and_room_are_one_room() -> None:
    notes = "Consult rm 3: carpet wet along the wall, 3.0 x 2.5 m.\nconsult room 3 skirting swollen."
    assert list(_areas(notes)) == ["Consult room 3"]


# --- what the text says of a room --------------------------------------------------------------

RULED_OUT_BY_THEIR_WORDS = [
    # the water touched only the foot of a stair, said either way round
    ("Staircase - only the lowest two treads took water, runner above fine", {"Staircase": (False, True)}),
    ("Stairwell: water at the first step only, rest of the flight dry", {"Stairwell": (False, True)}),
    ("Back stairs: bottom riser damp only; treads dry.", {"Back stairs": (False, True)}),
    # the near-miss: a stair wet all the way down, or "only" of the runner, not of the foot
    ("Stairs: runner soaked from the landing down to the bottom step.", {"Stairs": (True, False)}),
    ("Stairs: only the runner was wet, top to bottom step, all of it soaked.", {"Stairs": (True, False)}),
    # what is stored there, not the room, took the water
    ("Linen store: towels on the bottom shelf soaked - contents only", {"Linen store": (False, True)}),
    ("Archive room: two cartons wet on the floor, contents only.", {"Archive room": (False, True)}),
    ("Store room: contents only partly wet, floor vinyl soaked", {"Store room": (True, False)}),
    # a room the writer rules out as no drying area, or will not call affected
    ("Garage - slab hosed off, not a drying area.", {"Garage": (False, True)}),
    ("Plant rm - bare slab, damp by the pump only. Not calling it affected.", {"Plant room": (False, True)}),
    ("Plant room - bare slab, damp by the pump and the wall base soaked.", {"Plant room": (True, False)}),
    # a wipe test with a word for the wipe
    ("Study: faint smell, no soot on the dry sponge wipe.", {"Study": (False, True)}),
    ("Study: heavy soot film on every wall.", {"Study": (True, False)}),
    # a verdict on a list of rooms that closes its clause
    (
        "Upstairs: no smoke residue on the wipe test in bed 1 and 4.",
        {"Bedroom 1": (False, True), "Bedroom 4": (False, True)},
    ),
    (
        "Lounge unaffected, water pooled in the den and the study.",
        {"Lounge": (False, True), "Den": (True, False), "Study": (True, False)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RULED_OUT_BY_THEIR_WORDS)
def test_a_room_is_read_by_what_its_words_say(text: str, expected: dict[str, tuple[bool, bool]]) -> None:
    assert _states(text) == expected


LEVELS_AS_EXTENT = [
    ("Lower level only. Rec room carpet soaked along the west wall.", ["Rec room"]),
    ("Water in the basement only - the rumpus carpet wet by the sump.", ["Rumpus"]),
    # the near-miss: a basement heading its own damage is an area
    ("Basement: bare slab wet across the whole floor.", ["Basement"]),
]


@pytest.mark.parametrize(("text", "expected"), LEVELS_AS_EXTENT)
def test_a_level_named_as_how_far_the_loss_went_is_no_room(text: str, expected: list[str]) -> None:
    assert [name for name, (affected, _) in _states(text).items() if affected] == expected


OWN_LINES = [
    # the room's own line goes on after its first sentence, and closes on the verdict
    (
        "Rooms: laundry, hallway, sunroom\n"
        "Laundry: vinyl wet across the whole floor.\n"
        "Hallway: carpet wet by the laundry door.\n"
        "Sunroom: metered the skirting - dry. Far end of the house. Not affected.\n",
        ["Laundry", "Hallway"],
    ),
    (
        "Owner mentioned a musty smell in the linen closet and stains in the ensuite.\n"
        "Ensuite: ceiling stained, visible growth by the fan.\n"
        "Linen closet: musty odour, no visible growth, swab clean. Condition 1. Not an affected area for"
        " remediation.\n",
        ["Ensuite"],
    ),
    # what the client told, overturned by the writer's own check; and the near-miss, confirmed
    (
        "Tenant said the study carpet was soaked and the laundry flooded.\nLaundry: tiles wet.\n"
        "Study: metered the carpet - dry, nothing there.\n",
        ["Laundry"],
    ),
    (
        "Tenant said the study carpet was soaked and the laundry flooded.\nLaundry: tiles wet.\n"
        "Study: carpet wet along the window wall.\n",
        ["Study", "Laundry"],
    ),
    # the near-miss: the verdict is another room's, named after it on the line
    (
        "Laundry: vinyl wet across the whole floor.\n"
        "Sunroom: carpet wet by the laundry door.\n"
        "Sunroom: metered the skirting, the bathroom beside it is not affected.\n",
        ["Laundry", "Sunroom"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OWN_LINES)
def test_a_room_struck_off_by_the_rest_of_its_own_line(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


MEASURED_AFTER = [
    # a header's size, then the writer's own measure marked after the size or by "actually"
    (
        "--- BOOKING (filled in by dispatch from the phone call) ---\nRooms: laundry 12 x 10\n"
        "--- ON SITE ---\nLaundry 9 x 8 ft (measured), vinyl wet across the floor.\n",
        (9.0, 8.0),
    ),
    (
        "--- BOOKING (filled in by dispatch from the phone call) ---\nRooms: laundry 12 x 10\n"
        "--- ON SITE ---\nThe laundry is actually 9 x 8 ft; vinyl wet across the floor.\n",
        (9.0, 8.0),
    ),
    # the near-miss: a size the writer did not measure does not displace the first
    (
        "--- BOOKING (filled in by dispatch from the phone call) ---\nRooms: laundry 12 x 10\n"
        "--- ON SITE ---\nLaundry about 9 x 8 ft (not measured), vinyl wet across the floor.\n",
        (12.0, 10.0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), MEASURED_AFTER)
def test_the_writers_own_measure_replaces_a_size_taken_second_hand(
    text: str, expected: tuple[float, float]
) -> None:
    assert _areas(text)["Laundry"] == expected


# --- how a room was, and the room the notes are on --------------------------------------------

NOT_A_ROOMS_NAME = [
    # a word for how a room was is no name of a room
    ("the water sat for two days in a shut room with the bunks", {}),
    ("a patch on the carpeted room's floor near the door, damp", {}),
    ("the unoccupied room next door had water under its door", {}),
    # the near-miss: a word that names a kind of room
    ("Plant room: slab wet around the pumps", {"Plant room": (True, False)}),
]


@pytest.mark.parametrize(("text", "expected"), NOT_A_ROOMS_NAME)
def test_a_word_for_how_a_room_was_names_no_room(text: str, expected: dict[str, tuple[bool, bool]]) -> None:
    assert _states(text) == expected


THE_ROOM_THE_NOTES_ARE_ON = [
    # "Room is ...", "The space measures ...": the room the notes are on, corrected
    (
        "Rooms: laundry 12 x 10 ft (from the call)\nLaundry: vinyl wet by the tub.\n"
        "- Room is 9 x 7 ft, not 12 x 10.\n",
        (9.0, 7.0),
    ),
    (
        "Laundry: vinyl wet by the tub, room 12 x 10 ft per the owner.\nThe space measures 9 x 7 ft.\n",
        (9.0, 7.0),
    ),
    # the near-miss: a named space sized at the start of its line is a space of its own
    ("Laundry: vinyl wet by the tub, 12 x 10 ft.\n- Drying room, 9 x 7 ft, slab damp.\n", (12.0, 10.0)),
]


@pytest.mark.parametrize(("text", "expected"), THE_ROOM_THE_NOTES_ARE_ON)
def test_a_room_said_with_a_verb_is_the_room_the_notes_are_on(
    text: str, expected: tuple[float, float]
) -> None:
    assert _areas(text)["Laundry"] == expected


# --- one space, and every floor of a list ------------------------------------------------------

OPEN_PLAN_PARTS = [
    # a room of an open-plan space, written alone later, is that space
    (
        "Affected: lounge/dining 7.0 x 5.0 m, carpet wet.\nLounge plasterboard swollen at the skirting.\n",
        ["Lounge/dining"],
    ),
    ("Kitchen/meals 6 x 4 m: vinyl wet.\nMeals skirting swollen.\n", ["Kitchen/meals"]),
    # the near-miss: a room that is no part of the space stays its own
    (
        "Affected: lounge/dining 7.0 x 5.0 m, carpet wet.\nStudy carpet wet by the door.\n",
        ["Lounge/dining", "Study"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OPEN_PLAN_PARTS)
def test_a_part_of_an_open_plan_space_is_that_space(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


EVERY_FLOOR = [
    # the plural says every room of the sentence has its whole floor wet
    (
        "Affected: lounge 5.0 x 4.0 m, bedroom 1 3.5 x 3.2 m, bedroom 2 3.5 x 3.2 m"
        " - all floors fully wet.\n",
        {"Lounge": True, "Bedroom 1": True, "Bedroom 2": True},
    ),
    ("Hall 4 x 1 m and study 3 x 3 m: carpets soaked in both rooms.\n", {"Hall": True, "Study": True}),
    # the near-miss: one room's corner, and floors said dry
    (
        "Hall 4 x 1 m: carpet wet at the door. Laundry 3 x 2 m: tiles wet in one corner.\n",
        {"Hall": False, "Laundry": False},
    ),
]


@pytest.mark.parametrize(("text", "expected"), EVERY_FLOOR)
def test_all_floors_wet_is_every_listed_rooms_whole_floor(text: str, expected: dict[str, bool]) -> None:
    found = analyze_text(text).affected_areas
    whole = {
        area.room: area.wet_floor_sqft is not None and area.wet_floor_sqft == area.floor_area_sqft
        for area in found
    }
    assert whole == expected


ROOF_SPACES = [
    # a roof space over a room whose own line tells its structure damaged is an area of its own
    (
        "Ensuite: ceiling stained around the fan, 2.0 x 1.8 m.\n"
        "Roof space: the fan duct vents into the roof space over the ensuite; growth on the underside of the"
        " sarking and three trusses.\n",
        ["Ensuite", "Roof space"],
    ),
    # the near-miss: one that only holds the ceiling's wet batts is the room's ceiling
    (
        "Ensuite: ceiling stained around the fan, 2.0 x 1.8 m.\n"
        "Roof space: batts wet in the roof space over the ensuite; trusses dry.\n",
        ["Ensuite"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROOF_SPACES)
def test_a_roof_space_whose_structure_is_damaged_is_an_area(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected
