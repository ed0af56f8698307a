"""A table's wet column wherever it stands and whatever its title: bar-less (PDF) headers with the
wet, affected or notes column anywhere, a level column before the room's, cells wrapped onto lines
of their own; and the cells that must not be read (fire's measure, a note with no wet word)."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import AffectedArea
from chalicelib.analysis.offline.wet_columns import pdf_header


def _areas(text: str) -> dict[str, AffectedArea]:
    return {area.room: area for area in analyze_text(text).affected_areas}


def _near(value: float | None, expected: float) -> bool:
    return value is not None and abs(value - expected) < 0.5


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Room Level Size Flooring Wet", "wet"),
        ("Level Room Size How much is wet Materials", "wet"),
        ("Area Dimensions Extent Linings", "wet"),
        ("Room Size Affected", "affected"),
        ("No. Location Size What is wet", "affected"),
        ("Room Dimensions Notes", "notes"),
        # a heading, prose, a readings header with its days, a list of dry rooms: no table of extents
        ("Areas affected", None),
        ("Rooms that were affected by the water", None),
        ("Point Room Material 12/03 14/03", None),
        ("Room Size Not affected", None),
        ("Room Size Materials", None),
    ],
)
def test_a_bar_less_header_is_known_by_its_column_titles(header: str, expected: str | None) -> None:
    assert pdf_header(header) == expected


def test_the_wet_column_after_a_flooring_column_is_read_for_each_row() -> None:
    # Given a PDF table whose wet column is last, after a flooring column, with a level column
    notes = (
        "Room Level Size Flooring Wet\n"
        "Study ground 3.2 m x 2.9 m cork tiles on slab approx. 4 m2\n"
        "Laundry ground 2.0 m x 1.8 m sheet vinyl all of it, 3.6 m2\n"
        "Office ground 4.0 m x 3.5 m carpet tiles none, dry standard taken here\n"
    )
    areas = _areas(notes)
    assert _near(areas["Study"].wet_floor_sqft, 43.1)
    assert _near(areas["Laundry"].wet_floor_sqft, 38.8)
    assert "Office" not in areas or areas["Office"].wet_floor_sqft is None


def test_a_level_column_before_the_room_and_wrapped_cells_keep_each_rows_extent() -> None:
    # Given a PDF table whose first column is the level and whose wet cells wrapped onto short lines
    notes = (
        "Level Room Size How much is wet Materials\n"
        "Upper level Bedroom 2 3.6 x 3.0 m\n"
        "carpet along the\n"
        "robe wall, about 2.5\n"
        "m2\n"
        "carpet, underlay\n"
        "Lower level Lounge 5.5 x 4.2 m\n"
        "ceiling stain about\n"
        "1.5 m2 by the light\n"
        "plasterboard ceiling\n"
        "The garage was checked and is dry.\n"
    )
    areas = _areas(notes)
    assert _near(areas["Bedroom 2"].wet_floor_sqft, 26.9)
    # (the level may stay in the room's name)
    lounge = next(area for room, area in areas.items() if room.lower().endswith("lounge"))
    assert _near(lounge.wet_ceiling_sqft, 16.1)
    assert lounge.wet_floor_sqft is None


def test_an_affected_column_gives_the_measure_of_the_surface_its_part_names() -> None:
    # Given a Word table whose column says what the water did, floor and ceiling in one cell
    notes = (
        "Room | Size | What got wet\n"
        "Family room | 18 x 14 ft | wet carpet and pad approx 90 SF, ceiling wet at the downlight\n"
    )
    area = _areas(notes)["Family room"]
    assert area.wet_floor_sqft == 90.0
    assert area.wet_ceiling_sqft is None


def test_a_notes_column_is_read_only_where_the_cell_says_wet() -> None:
    # Given a PDF table of rooms with a notes column
    notes = (
        "Water came through the ceiling into the den and the study overnight.\n"
        "Room Dimensions Notes\n"
        "Den 14 ft x 12 ft tiles down, carpet wet approx. 60 SF along the window\n"
        "Study 10 ft x 9 ft bookshelves cover about 20 SF of the east wall\n"
    )
    areas = _areas(notes)
    assert areas["Den"].wet_floor_sqft == 60.0
    # Then a measure the note does not call wet is no wet extent
    assert "Study" not in areas or areas["Study"].wet_floor_sqft is None


def test_fire_damage_measured_under_an_affected_column_is_not_wet() -> None:
    notes = (
        "Kitchen fire, hose water in the lounge.\n"
        "Room Size Affected\n"
        "Kitchen 4 x 3 m heavy smoke, soot film over about 10 m2\n"
        "Lounge 5 x 4 m carpet soaked about 9 m2 by the door\n"
    )
    areas = _areas(notes)
    assert areas["Kitchen"].wet_ceiling_sqft is None and areas["Kitchen"].wet_floor_sqft is None
    assert _near(areas["Lounge"].wet_floor_sqft, 96.9)
