"""Rooms and sizes read by the role the text gives them: the room where a dry reading was taken, a
room the writer's correction says someone else meant, the rest of a room said dry after the damage in
it, a bedroom counted by an ordinal, a gloss in brackets before the name the notes then use, a
shop's numbered aisle, and a size said before its noun (the noun's, whether a space or an opening)."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


def _areas(text: str) -> dict[str, tuple[float | None, float | None]]:
    return {
        # (feet are the model's own unit: a size written in feet has no separate "as written" figure)
        area.room: (area.length_original or area.length_ft, area.width_original or area.width_ft)
        for area in analyze_text(text).affected_areas
    }


_WET_HALL = "The flexi hose under the basin split and soaked the hall carpet.\n"

# Where a dry reading was taken is the room the standard comes from, not a wet room.
_DRY_READING_ROOM = [
    (_WET_HALL + 'The plumber took a "dry reading" in our study, 10 on the skirting.', ["Hall"]),
    (_WET_HALL + "She got her dry figures from the spare room: about 9 on the wall.", ["Hall"]),
    (_WET_HALL + "Our dry readings were taken in the den - 11 and 12.", ["Hall"]),
    # (the near miss: a room whose own reading is high is wet, whatever the word "reading")
    (_WET_HALL + "The study skirting gave a reading of 38, soaked at the base.", ["Hall", "Study"]),
]


@pytest.mark.parametrize(("text", "expected"), _DRY_READING_ROOM)
def test_a_room_where_a_dry_reading_was_taken_is_not_affected(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


_OVERFLOW = "Basin overflowed upstairs. Ensuite floor wet. Bedroom 4 carpet wet at the door.\n"

# A later line that puts right what someone else wrote ("X meant Y") clears the room it corrects.
_CORRECTED = [
    (_OVERFLOW + "- Bedroom 4 carpet is dry - the caller meant the landing carpet.", ["Ensuite"]),
    (_OVERFLOW + "- Bedroom 4 carpet checked: dry. The booking should have said the landing.", ["Ensuite"]),
    # (the near miss: the room simply dried later; the first visit's wet carpet stands)
    (_OVERFLOW + "- Bedroom 4 carpet is dry now.", ["Ensuite", "Bedroom 4"]),
]


@pytest.mark.parametrize(("text", "expected"), _CORRECTED)
def test_a_room_a_correction_says_was_meant_otherwise_is_cleared(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# The rest of a room said dry, after damage told before any room is named, is the room of the damage.
_REST_DRY = [
    (
        "- wet patch in front of the basins only, vinyl soaking. rest of salon dry.\n- salon is 9 x 5 m",
        {"Salon": (9.0, 5.0)},
    ),
    ("- carpet wet under the window, about 1 m2. Remainder of bedroom 3 dry.", {"Bedroom 3": (None, None)}),
    # (the near miss: the rest of the building said dry names no room of the loss)
    ("Laundry flooded.\n- tiles wet by the tub. rest of the house dry.", {"Laundry": (None, None)}),
    # (the near miss: another room's damage before it; the rest of this one is simply dry)
    ("- Kitchen vinyl wet. The rest of the lounge is dry.", {"Kitchen": (None, None)}),
]


@pytest.mark.parametrize(("text", "expected"), _REST_DRY)
def test_the_rest_of_a_room_said_dry_puts_the_damage_in_it(
    text: str, expected: dict[str, tuple[float | None, float | None]]
) -> None:
    assert _areas(text) == expected


# A bedroom counted by an ordinal is the numbered bedroom; a gloss in brackets before the name the
# notes use next is the same room.
_NAMED_OTHERWISE = [
    ("Water crossed the hall into our second bedroom, carpet wet.", ["Hall", "Bedroom 2"]),
    ("The 4th bedroom carpet is soaked along the wall.", ["Bedroom 4"]),
    (
        "Water reached the 2nd bedroom (the sewing room; we call it the craft room) - carpet soaked.",
        ["Craft room"],
    ),
    (
        "Water ran into the third bedroom (the old nursery, known as the blue room) and wet the carpet.",
        ["Blue room"],
    ),
    # (the near miss: a bracket that only describes the room leaves its name alone)
    ("Water ran into bedroom 3 (the old nursery) and wet the carpet.", ["Bedroom 3"]),
]


@pytest.mark.parametrize(("text", "expected"), _NAMED_OTHERWISE)
def test_a_room_named_by_ordinal_or_gloss_is_one_room(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


_SPRINKLER = "Sprinkler head knocked off by a pallet jack, water on the floor.\n"

_SHOP_SPACES = [
    (
        _SPRINKLER + "Water pooled in aisle 12 (garden aisle, 30 x 6 ft) on the sealed concrete.",
        {"Aisle 12": (30.0, 6.0)},
    ),
    (_SPRINKLER + "Aisle C: concrete wet along the end cap.", {"Aisle C": (None, None)}),
    # (the near miss: aisles said dry as a whole)
    (_SPRINKLER + "Aisle 4 - concrete wet.\nAisles 1-3 were walked and are dry.", {"Aisle 4": (None, None)}),
    # (a number that starts a size is the space's size, not its number)
    (_SPRINKLER + "Glazing bay 6 x 4 m, slab floor wet.", {"Glazing bay": (6.0, 4.0)}),
]


@pytest.mark.parametrize(("text", "expected"), _SHOP_SPACES)
def test_a_shops_numbered_aisle_is_a_space(
    text: str, expected: dict[str, tuple[float | None, float | None]]
) -> None:
    assert _areas(text) == expected


_WET_LAUNDRY = "Water from the washer hose wet the laundry floor.\n"

# A size said before its noun is that noun's: a space named after it, or an opening that is no room.
_SIZE_BEFORE_NAME = [
    (
        _WET_LAUNDRY + "The 6 x 4 m glazing bay, slab floor wet.",
        {"Laundry": (None, None), "Glazing bay": (6.0, 4.0)},
    ),
    (
        _WET_LAUNDRY + "Our 5 x 3 m sewing room - carpet wet at the door.",
        {"Laundry": (None, None), "Sewing room": (5.0, 3.0)},
    ),
    # (the near miss: an opening's size, not a room's, and no room named "The")
    (_WET_LAUNDRY + "The 3 x 3 ft access hatch in the rear wall was used.", {"Laundry": (None, None)}),
    (_WET_LAUNDRY + "Its 600 x 600 mm ceiling manhole was opened.", {"Laundry": (None, None)}),
]


@pytest.mark.parametrize(("text", "expected"), _SIZE_BEFORE_NAME)
def test_a_size_before_its_noun_is_the_nouns(
    text: str, expected: dict[str, tuple[float | None, float | None]]
) -> None:
    assert _areas(text) == expected


_WET_CRAWL = "Crawlspace: joists wet under the bathroom, 28 %MC.\n"

# A room labelled the baseline in a bracket after its name is where the dry standard was read; a room
# the writer never went into, with only someone else's word that it is fine, is no area.
_LABELLED_OR_UNVISITED = [
    (_WET_CRAWL + "- Joist under the den (baseline): 12 %MC", ["Crawlspace"]),
    (_WET_CRAWL + "- Bed 3 subfloor [dry std] 11 %MC", ["Crawlspace"]),
    # (the near miss: a bracketed level, not a label)
    (_WET_CRAWL + "- Den (lower level): subfloor soaked, 31 %MC", ["Crawlspace", "Den"]),
    (_WET_CRAWL + "- Study and upper bedrooms - owner says fine, I did not go upstairs.", ["Crawlspace"]),
    (_WET_CRAWL + "- Kitchen: tenant says fine; didn't go in.", ["Crawlspace"]),
    # (the writer says in other words that they never looked: a list before the verdict shares it)
    (_WET_CRAWL + "- Sunroom; laundry - not looked in yet.", ["Crawlspace"]),
    (_WET_CRAWL + "- Bedroom 4, den: haven't entered, tenant away.", ["Crawlspace"]),
    (_WET_CRAWL + "- Loft never opened up.", ["Crawlspace"]),
    # (the near miss: a room with its own damage, a part of it not looked at, is still wet)
    (_WET_CRAWL + "- Den: carpet soaked at the door, wardrobe not looked at.", ["Crawlspace", "Den"]),
]


@pytest.mark.parametrize(("text", "expected"), _LABELLED_OR_UNVISITED)
def test_a_baseline_room_or_one_never_visited_is_not_affected(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


_FIRE = "Pan fire on the cooktop. Lounge: soot on the walls, ceiling wet from the hose.\n"

# A room with only an odour that the writer clears in other words: its own verdict "dry" first, a wipe
# test told by what it did not find, or no work beyond the odour; a list before the verdict shares it.
_ODOUR_CLEARED = [
    (_FIRE + "- Study (upstairs): dry, light odour only.", ["Lounge"]),
    (_FIRE + "- Study: dry; faint smoke smell only.", ["Lounge"]),
    (_FIRE + "- Den: slight odour only, no work beyond deodorising.", ["Lounge"]),
    (
        _FIRE + "- Hallway + 3 bedrooms: faint smoke odor only, no visible soot on the white wipe in bed 2.",
        ["Lounge"],
    ),
    (_FIRE + "- Study and two bedrooms: slight smell only, no residue on a wipe.", ["Lounge"]),
    # (an odour and nothing else where the writer looked for residue: test_offline_spaces reads it)
    (_FIRE + "- Den and study: light odour only, no visible residue.", ["Lounge"]),
    # (the near misses: an odour with nothing said against it, residue beside it, or soot on the wipe)
    (_FIRE + "- Den and study: light odour through both.", ["Lounge", "Den", "Study"]),
    (_FIRE + "- Den: dry, light odour, soot film on the blinds.", ["Lounge", "Den"]),
    (_FIRE + "- Den: faint smell only, soot showed on the wipe test.", ["Lounge", "Den"]),
]


@pytest.mark.parametrize(("text", "expected"), _ODOUR_CLEARED)
def test_an_odour_only_room_the_writer_clears_is_not_affected(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# Two rooms written with a slash are one space named two ways, known by the first name.
_SLASHED = [
    ("Laundry/mudroom 3 x 2.5 m, tiles wet throughout.", {"Laundry/mudroom": (3.0, 2.5)}),
    ("Pantry / scullery 2 x 1.5 m: vinyl wet at the door.", {"Pantry / scullery": (2.0, 1.5)}),
    ("Scullery/pantry: vinyl lifted at the door.", {"Scullery/pantry": (None, None)}),
    # (the near misses: numbers after a slash are rooms of their own, and so are rooms a slash lists
    # before what is told of each)
    ("Bedroom 2/3 carpet wet.", {"Bedroom 2": (None, None), "Bedroom 3": (None, None)}),
    (
        "Study / hall carpet soaked. Study carpet lifted, hall carpet wet.",
        {"Study": (None, None), "Hall": (None, None)},
    ),
    (
        "Burst hose: laundry/hall/bed 2 carpet wet.",
        {"Laundry": (None, None), "Hall": (None, None), "Bedroom 2": (None, None)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), _SLASHED)
def test_two_rooms_written_with_a_slash_are_one_space(
    text: str, expected: dict[str, tuple[float | None, float | None]]
) -> None:
    assert _areas(text) == expected


_WET_KITCHEN = "Dishwasher leak. Kitchen: vinyl floor wet, kickboards swollen.\n"

# A space the writer puts outside the home being dried is no area of this loss, whatever water it took.
_OUTSIDE_THE_HOME = [
    (_WET_KITCHEN + "Carport - water pooled on the slab; not dwelling interior.", ["Kitchen"]),
    (_WET_KITCHEN + "Workshop - slab wet at the roller door, but it's an outbuilding.", ["Kitchen"]),
    (_WET_KITCHEN + "Garage - slab wet by the side door, though it is an outbuilding.", ["Kitchen"]),
    (_WET_KITCHEN + "Workshop: concrete soaked, but this is an outbuilding, not the house.", ["Kitchen"]),
    (_WET_KITCHEN + "Garage: slab took water first; not part of the main house for drying.", ["Kitchen"]),
    # (the near misses: a space of the home that took water, and one the policy question leaves in)
    (_WET_KITCHEN + "Laundry - water pooled on the tiles and soaked the skirting.", ["Kitchen", "Laundry"]),
    (
        _WET_KITCHEN + "Garage - water ran in under the door; not part of the house insurance but dried too.",
        ["Kitchen", "Garage"],
    ),
    (_WET_KITCHEN + "Laundry - tiles wet, but not affected beyond the tiles.", ["Kitchen", "Laundry"]),
]


@pytest.mark.parametrize(("text", "expected"), _OUTSIDE_THE_HOME)
def test_a_space_outside_the_home_being_dried_is_not_affected(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# A venue's big room named for what is done in it ("training hall", "function hall") is a space of its
# own, kept in its words and told apart from the corridor the same notes name; a hall alone, or a
# house's front or upstairs hall, is still the hallway.
_USE_HALLS = [
    (
        "Sizes: the function hall is 18 x 11 m, parquet cupped over the north half. The corridor is "
        "5 x 1.5 m, carpet tiles wet.",
        {"Function hall": (18.0, 11.0), "Corridor": (5.0, 1.5)},
    ),
    ("Drill hall (22 x 12 m): sprung floor soaked along the east wall.", {"Drill hall": (22.0, 12.0)}),
    ("Water crossed the rehearsal hall, timber boards wet, and reached the green room.", None),
    # (the near miss: a house's hall is the hallway)
    ("The front hall is 4 x 1.2 m, runner soaked.", {"Front hall": (4.0, 1.2)}),
    ("Water ran down the hall, carpet wet.", {"Hall": (None, None)}),
]


@pytest.mark.parametrize(("text", "expected"), _USE_HALLS)
def test_a_hall_named_for_its_use_is_a_space_of_its_own(
    text: str, expected: dict[str, tuple[float | None, float | None]] | None
) -> None:
    found = {
        room: tuple(round(side, 1) if side else None for side in sides)
        for room, sides in _areas(text).items()
    }
    if expected is None:
        assert "Rehearsal hall" in found and "Hallway" not in found and "Hall" not in found
    else:
        assert found == expected


# A venue's rooms told apart by number or letter ("Gallery 2", "Court 3", "Booth B") are spaces of
# their own, each with its size; a size after the word is no number, and one named dry stays out.
_NUMBERED_VENUE_ROOMS = [
    (
        "Gallery 4 is 9.0 x 6.0 m; slab wet over 20 m2. Gallery 5: dry.",
        {"Gallery 4": (9.0, 6.0)},
    ),
    ("Court 3 (sprung maple, 28 x 15 m) cupped along the baseline, boards wet.", {"Court 3": (28.0, 15.0)}),
    ("Booth B carpet soaked, stall 2 partition wicking.", {"Booth B": (None, None), "Stall 2": (None, None)}),
    # (the near miss: the word with no number, or with a size after it, names no numbered room)
    ("The gallery 6 x 4 m mural wall is dry; lobby carpet wet.", {"Lobby": (None, None)}),
]


@pytest.mark.parametrize(("text", "expected"), _NUMBERED_VENUE_ROOMS)
def test_a_venues_numbered_room_is_a_space(
    text: str, expected: dict[str, tuple[float | None, float | None]]
) -> None:
    assert _areas(text) == expected
