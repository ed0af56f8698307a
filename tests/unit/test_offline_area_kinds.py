"""Kinds of space writing the analyzer now reads or now refuses: a one-word "<word>room", the old
house's parlour, a venue's "<use> area" named by its size, a room named only to place the dry part of
another room's wet, a room called by its state ("the smoke-affected room"), the office that wrote a
date down, and the space under a floor with its own things wet (room_lexicon.py, sized_spaces.py,
landmark_rooms.py, others_rooms.py)."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.sized_spaces import sized_space_mentions

_HEAD = (
    "Water damage report. Insured: Jane Ward, 12 Pine Road, Springvale VIC 3171. Claim ABC-55512.\n"
    "Attended 4 March 2026. A flexi hose under the sink burst on 3 March 2026. Clean water, Category 1.\n"
)


def _rooms(body: str) -> list[str]:
    return [area.room for area in analyze_text(_HEAD + body).affected_areas]


@pytest.mark.parametrize(
    ("body", "room"),
    [
        ("The darkroom behind the studio is 3.0 x 2.5 m; its vinyl floor was wet throughout.\n", "Darkroom"),
        ("Tearoom (4 m x 3 m): carpet tiles soaked along the sink wall.\n", "Tearoom"),
    ],
)
def test_a_room_written_as_one_word_is_a_room_with_its_size(body: str, room: str) -> None:
    # Given a room the notes write as one "<word>room" word, with its size and damage
    # When the notes are analysed
    areas = analyze_text(_HEAD + body).affected_areas
    # Then the room is affected, in the notes' words, with its size
    assert [area.room for area in areas] == [room]
    assert areas[0].floor_area_sqft is not None


def test_a_one_word_room_is_not_read_inside_a_longer_word() -> None:
    # Given "mushroom" and "broom", which end in "room" but name no room
    # When the notes are analysed
    rooms = _rooms("Kitchen 4 x 3 m: vinyl wet along the sink run. A broom and a mushroom box got wet.\n")
    # Then only the kitchen is affected
    assert rooms == ["Kitchen"]


@pytest.mark.parametrize(
    "body",
    [
        "The back parlour: plaster on the chimney breast wet to 900 mm.\n",
        "The parlor (14 x 12 ft) has wet oak boards along the outside wall.\n",
    ],
)
def test_an_old_houses_parlour_is_a_room(body: str) -> None:
    # Given an older house's sitting room, called its parlour
    # When the notes are analysed
    rooms = _rooms(body)
    # Then the parlour is an affected room
    assert len(rooms) == 1 and "arlo" in rooms[0]


def test_a_business_called_a_parlour_is_no_room() -> None:
    # Given the beauty parlour next door named only as a business
    # When the notes are analysed
    rooms = _rooms("Laundry 2 x 2 m: tiles wet. The beauty parlour owner rang to say the pipe had burst.\n")
    # Then only the laundry is affected
    assert rooms == ["Laundry"]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("- Kids' play area (by the cafe): 30 ft x 20 ft. Rubber matting wet.", "Kids' play area"),
        ("Seating area 12 x 8 m, carpet wet along the east wall", "Seating area"),
    ],
)
def test_a_venues_use_area_led_by_its_size_is_a_space(line: str, name: str) -> None:
    # Given a line led by a space named for what is done there, then its size
    # When the line's spaces are read
    names = [mention.name for mention in sized_space_mentions(line)]
    # Then the space is kept in the notes' words
    assert names == [name]


@pytest.mark.parametrize(
    "line",
    [
        "Wet area: 12 x 10 ft, carpet and pad.",
        "Work area 3 x 3 m cordoned off",
        "Floor area 20 x 12 ft",
        "Affected area 6 x 4 m",
    ],
)
def test_a_size_labelled_as_an_extent_or_a_work_zone_is_no_space(line: str) -> None:
    # Given a size whose label is the wet extent, the work zone or the floor's area
    # When the line's spaces are read
    # Then no space is named by it
    assert sized_space_mentions(line) == []


@pytest.mark.parametrize(
    "body",
    [
        "Family room 5 x 4 m: carpet wet everywhere except the edge nearest the laundry.\n",
        "The lounge is 5 x 4 m; its carpet is soaked except for the strip along the study.\n",
    ],
)
def test_a_room_named_to_place_the_dry_part_is_not_wet(body: str) -> None:
    # Given a wet room whose dry part is placed by naming the room next to it
    # When the notes are analysed
    rooms = _rooms(body)
    # Then only the wet room is affected
    assert len(rooms) == 1


def test_a_room_after_except_that_is_itself_wet_stays_affected() -> None:
    # Given a sentence that excepts a room outright (not a strip placed by it) and says it is wet
    # When the notes are analysed
    rooms = _rooms(
        "Kitchen 4 x 3 m: vinyl soaked. Every room dried quickly except the study, whose carpet is wet.\n"
    )
    # Then both rooms are affected
    assert sorted(rooms) == ["Kitchen", "Study"]


@pytest.mark.parametrize("state", ["smoke-affected", "water-damaged"])
def test_a_room_called_by_its_state_is_no_room_of_its_own(state: str) -> None:
    # Given a line that refers back to a room by its state
    body = (
        f"Hallway 5 x 1 m: carpet wet.\nThe hallway reading is a check of the {state} room, which is dry.\n"
    )
    # When the notes are analysed
    rooms = _rooms(body)
    # Then no room is named after the state
    assert rooms == ["Hallway"]


def test_a_hyphenated_room_name_is_still_a_room() -> None:
    # Given a room whose own name is hyphenated
    # When the notes are analysed
    rooms = _rooms("The story-time room (6 x 5 m) had its carpet soaked.\n")
    # Then it is an affected room
    assert rooms == ["Story-time room"]


@pytest.mark.parametrize(
    "line",
    [
        "The owner saw water on the floor on Sunday and called us Tuesday, the date the office put down.",
        "She found water on the floor at 7 and rang us at 9, which is the time the office noted.",
    ],
)
def test_the_office_that_wrote_a_date_down_is_no_room(line: str) -> None:
    # Given the firm's office named for the date it wrote down, in a sentence about the water
    body = "Laundry 2 x 2 m: tiles wet.\n" + line + "\n"
    # When the notes are analysed
    rooms = _rooms(body)
    # Then the office is no affected room
    assert rooms == ["Laundry"]


def test_an_office_the_water_reached_is_still_a_room() -> None:
    # Given an office named with what the water did there
    # When the notes are analysed
    rooms = _rooms("Laundry 2 x 2 m: tiles wet.\nThe office carpet got wet along the laundry wall.\n")
    # Then the office is affected
    assert sorted(rooms) == ["Laundry", "Office"]


def test_a_space_under_a_floor_with_its_own_things_wet_is_affected() -> None:
    # Given a crawl space whose own vapour barrier and insulation are wet besides the floor above
    body = (
        "Bathroom 2.5 x 2 m: vinyl soaked.\nCrawl space: plywood wet under the bathroom, insulation soaked.\n"
    )
    # When the notes are analysed
    rooms = _rooms(body)
    # Then the crawl space is affected too
    assert sorted(rooms) == ["Bathroom", "Crawl space"]
