"""Wet extents in more layouts: a wet total broken down by room, a table cell that says where before
how much, a cell measuring two surfaces, and insulation measured apart from its floor."""

from __future__ import annotations

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import AffectedArea
from chalicelib.analysis.offline.wet_breakdowns import breakdown


def _areas(text: str) -> dict[str, AffectedArea]:
    return {area.room: area for area in analyze_text(text).affected_areas}


def test_a_total_broken_down_by_room_gives_each_room_its_part() -> None:
    text = "Wet floor: 60 SF of floor (35 kitchen, 15 dining room and 10 in the hallway)."
    found = breakdown(text, text.index(" of floor"), 60.0)
    assert found is not None
    assert [(part.room.name if part.room else None, part.value) for part in found[1]] == [
        ("Kitchen", 35.0),
        ("Dining room", 15.0),
        ("Hallway", 10.0),
    ]
    # A list that does not add up to the total is something else
    assert breakdown(text.replace("35 kitchen", "30 kitchen"), text.index(" of floor"), 60.0) is None


def test_an_extracted_total_broken_down_by_room_is_each_rooms_wet_floor() -> None:
    # Given a work line extracting a wet total it breaks down by room, and notes calling the floors wet
    notes = (
        "Cat 3 backup through the floor drain.\n"
        "Kitchen 4 x 3 m: vinyl wet.\n"
        "Laundry 2 x 2 m: vinyl wet.\n"
        "Hallway 5 x 1 m: vinyl wet at the back door.\n"
        "\n"
        "Work done\n"
        "- Extracted and disinfected 170 SF of floor (kitchen 100, laundry 40, and hallway 30).\n"
    )
    areas = _areas(notes)
    # Then each room has its part
    assert areas["Kitchen"].wet_floor_sqft == 100.0
    assert areas["Laundry"].wet_floor_sqft == 40.0
    assert areas["Hallway"].wet_floor_sqft == 30.0


def test_a_pdf_table_cell_that_says_where_before_how_much_is_read() -> None:
    # Given a bar-less table whose wet cell places the damage before measuring it
    notes = (
        "Affected areas\n"
        "Area Size Wet extent Materials\n"
        "Corridor 30 x 6 ft front 20 ft, about 120 SF VCT, drywall\n"
        "Office 12 x 10 ft entire floor carpet tile\n"
    )
    areas = _areas(notes)
    assert areas["Corridor"].wet_floor_sqft == 120.0
    assert areas["Office"].wet_floor_sqft == 120.0


def test_a_wet_cell_measuring_ceiling_and_floor_gives_each_its_own() -> None:
    # Given a table's wet cell with a ceiling's and a carpet's measure
    notes = (
        "| Room | Size | Wet |\n"
        "|---|---|---|\n"
        "| Bedroom 2 | 12 x 11 ft | ceiling approx 30 SF, carpet approx 1,200 SF |\n"
    )
    area = _areas(notes)["Bedroom 2"]
    assert area.wet_ceiling_sqft == 30.0
    assert area.wet_floor_sqft == 1200.0


def test_insulation_measured_on_its_own_is_not_the_floor() -> None:
    # Given a ceiling wet from above and the wet batts taken out by the square foot
    notes = "Dining room 12 x 13 ft - ceiling wet approx 40 SF.\n- wet batts pulled out, 24 SF\n"
    area = _areas(notes)["Dining room"]
    assert area.wet_ceiling_sqft == 40.0
    assert area.wet_floor_sqft is None
    # And insulation named with its ceiling is the ceiling's measure
    area = _areas("Lounge 5 x 4 m: ceiling plasterboard and batts wet, about 3 m2.\n")["Lounge"]
    assert area.wet_ceiling_sqft is not None and abs(area.wet_ceiling_sqft - 32.3) < 0.5


def test_a_measure_after_a_room_named_in_passing_is_the_lines_room() -> None:
    # Given a room's line that mentions where its carpet was taken, then measures the wet
    notes = (
        "Sewer backup.\n"
        "- Rumpus room approx. 14 x 18, carpet already lifted and stacked in the garage."
        " The sketch shows about 150 SF of the 252 SF wet.\n"
    )
    assert _areas(notes)["Rumpus room"].wet_floor_sqft == 150.0
    # And a measure in a sentence about an unaffected room is not the line's room's
    notes = (
        "Sewer backup.\n- Kitchen 4 x 3 m, vinyl wet by the sink. The lounge next door, 20 m2, read dry.\n"
    )
    assert _areas(notes)["Kitchen"].wet_floor_sqft is None
