"""Room sizes written in more ways: by length and width, in a table's column, beside a dry material,
and sizes that belong to something other than the room."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import LengthUnit
from chalicelib.analysis.offline.measures import dimensions_in


def _floor(text: str, room: str) -> float | None:
    findings = analyze_text(text)
    return next((area.floor_area_sqft for area in findings.affected_areas if area.room == room), None)


def test_a_room_said_long_and_wide_is_sized() -> None:
    # Given sides written with the words long and wide, one with a fraction
    found = [dims for _, _, dims in dimensions_in("the passage runs about 18 ft long and 4 1/2 ft wide")]
    # Then they are the room's sides, in feet
    assert [(dims.length_ft, dims.width_ft, dims.floor_area_sqft) for dims in found] == [(18.0, 4.5, 81.0)]
    found = [dims for _, _, dims in dimensions_in("Landing: 1.2 m wide and 5 m long.")]
    assert len(found) == 1 and found[0].unit is LengthUnit.METRES
    assert abs(found[0].floor_area_sqft - 64.6) < 0.5
    # But two lengths, or two units, are no size
    assert list(dimensions_in("a 6 m long and 4 m long run of skirting")) == []
    assert list(dimensions_in("12 ft long and 2 m wide")) == []


def test_a_size_long_and_wide_is_read_for_its_room() -> None:
    notes = "Water ran from the laundry into the hallway, which is about 20 ft long and 3 ft wide; carpet wet"
    assert _floor(notes, "Hallway") == 60.0


def test_a_size_in_a_table_column_after_the_room_is_the_rooms() -> None:
    # Given a table row whose room cell names its level in a bracket
    notes = (
        "Basement flooded through the floor drain.\n"
        "| Room | Size | Materials |\n"
        "| Games room (basement) | 16 x 12 ft | carpet and pad wet, drywall wet |\n"
        "| Powder room (basement) | 6 x 5 ft | vinyl wet, vanity wet |\n"
    )
    # Then each size is its own room's
    assert _floor(notes, "Games room") == 192.0
    assert _floor(notes, "Powder room") == 30.0


def test_a_size_on_a_line_that_calls_a_material_dry_is_still_the_rooms() -> None:
    # Given a room made wet by one line and sized by a line that says its tiles were dried
    notes = (
        "The dishwasher hose split and water spread across the kitchen floor, wetting the plasterboard.\n"
        "Kitchen 4.0 x 3.0 m - porcelain tiles on slab, wiped dry and undamaged."
    )
    floor = _floor(notes, "Kitchen")
    assert floor is not None and abs(floor - 129.2) < 0.5


def test_a_room_an_opened_bracket_relates_to_does_not_take_the_size() -> None:
    # Given a room whose bracket says what it opens onto, then its size
    notes = "- Living area (open to the kitchen, approx. 6 x 5 m): carpet wet along the kitchen edge."
    # Then the size is the living area's, not the kitchen's
    floor = _floor(notes, "Living area")
    assert floor is not None and abs(floor - 322.9) < 0.5
    assert _floor(notes, "Kitchen") is None


def test_a_size_bracketed_after_a_built_in_is_not_the_rooms() -> None:
    # Given a bedroom whose wardrobe is sized in a bracket before the bedroom is
    notes = (
        "Bedroom 3 wardrobe (2.0 x 0.6 m): mould on the back wall, plasterboard damp.\n"
        "Bedroom 3 (3.4 x 3.1 m): carpet damp along the wardrobe wall."
    )
    # Then the bedroom takes its own size, not the wardrobe's
    floor = _floor(notes, "Bedroom 3")
    assert floor is not None and abs(floor - 113.4) < 0.5


def test_the_size_of_a_tile_is_not_the_rooms() -> None:
    # Given flooring described by the size of its tiles, in notes written in feet
    notes = "Family room 14 x 12 ft, carpet wet. Under the carpet are the old 12 x 12 vinyl tiles."
    assert _floor(notes, "Family room") == 168.0
    notes = "Family room: under the wet carpet we found the original 9 x 9 vinyl tiles. Walls 8 ft high."
    assert _floor(notes, "Family room") is None


def test_a_cupboard_sized_in_a_bracket_keeps_its_own_size() -> None:
    # Given a cupboard that is an affected space of its own, named by an abbreviation
    notes = "- HWC cupboard (1.0 x 0.7 m): chipboard floor swollen and wet around the tray."
    # Then the bracketed size is the cupboard's
    assert _floor(notes, "Hwc") == 7.5


def test_a_room_said_wide_by_a_length_is_sized() -> None:
    # Given a width with its word and the length after an "x" without one
    found = [dims for _, _, dims in dimensions_in("The passage is 0.9 m wide x 4.6 m, carpet wet along it")]
    # Then both are its sides
    assert len(found) == 1 and found[0].unit is LengthUnit.METRES
    assert abs(found[0].floor_area_sqft - 44.6) < 0.5
    # But a length then a distance after a comma is no size
    assert list(dimensions_in("skirting 5 m long, 2 m from the door")) == []


def test_a_space_named_two_ways_takes_its_size_by_its_first_name() -> None:
    # Given one space named with a slash before its size
    notes = "- Reception/office, 6.5 x 4 m: carpet tiles wet along the glass front.\n"
    # Then the size is the one space's, known by both names
    assert abs((_floor(notes, "Reception/office") or 0) - 279.9) < 0.5


def test_a_labelled_wet_patch_is_not_the_rooms_size() -> None:
    # Given a wet patch whose line names the room before the patch's size, and the room's own size after
    notes = "- wet patch laundry only: about 0.9 x 0.7 m on the tiles by the tub. laundry 2.6 x 1.8\n"
    # Then the room's size is its own
    assert abs((_floor(notes, "Laundry") or 0) - 50.4) < 0.5


def test_units_times_days_on_hire_are_no_size() -> None:
    # Given equipment hire written as units times days
    assert list(dimensions_in("- Scrubber 1 x 5 days, dehu 2 x 12 days", LengthUnit.FEET)) == []
    assert list(dimensions_in("Fans 3 x 48 hrs then 2 x 2 weeks", LengthUnit.FEET)) == []
    # Then a room's size ending a sentence is still read
    found = [dims for _, _, dims in dimensions_in("Store 4.0 x 2.5 m. Study 12 x 10.", LengthUnit.FEET)]
    assert len(found) == 2


_SPREAD_SIZES = [
    # (notes, room, floor area in sqft or None): a size led by a word of spread is how far the damage
    # goes over a surface, not the room's
    ("Study: plasterboard ceiling blistered across roughly 2.5 x 1.2 m near the light.", "Study", None),
    ("Den - smoke film and charring covering a 5 x 4 ft area over the fireplace", "Den", None),
    ("| Pantry | Rot in the shelving spanning about 1.1 x 0.6 m | 3 |", "Pantry", None),
    ("Sunroom: sisal matting stained over the whole of it, mould on the skirting", "Sunroom", None),
    # The near miss: the room's own size, said straight after it, is still read
    ("Sunroom 4.2 x 3.0 m: cork tiles lifting, growth over the skirting", "Sunroom", 135.6),
    ("Den (12 x 10 ft) - carpet wet over the doorway end", "Den", 120.0),
]


@pytest.mark.parametrize(("notes", "room", "floor"), _SPREAD_SIZES)
def test_a_size_led_by_a_word_of_spread_is_no_rooms_size(notes: str, room: str, floor: float | None) -> None:
    found = _floor(notes, room)
    assert (found is None) if floor is None else (found is not None and abs(found - floor) < 1.0)
