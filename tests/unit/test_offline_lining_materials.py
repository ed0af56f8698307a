"""A room's wall or ceiling read wet names the job's wall lining, once the notes say what it is."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.lining_materials import _SURFACE, _wall_values

pytestmark = pytest.mark.unit

_NOTES = """Visited 14/05/2026, 3 Wattle Crt.
Study: {lining}. Carpet wet by the window.
Sunroom: carpet and underlay wet near the door.
First visit 14/05/2026: the study wall read 38 and the sunroom wall 41.
Second visit 17/05/2026: study wall 15, sunroom wall 16. Spare room wall 12 as the dry one.
"""


def _materials(notes: str) -> dict[str, list[str]]:
    return {a.room: a.materials for a in analyze_text(notes).affected_areas}


def test_a_wall_read_wet_adds_the_lining_the_notes_name() -> None:
    # Given notes that name the lining once (the study's) and read the sunroom's wall down over visits
    areas = _materials(_NOTES.format(lining="gyprock walls"))
    # Then the sunroom's lining was wet too, though its own sentence lists only floor coverings
    assert "gyprock" in areas["Sunroom"]


def test_two_kinds_of_lining_named_adds_nothing() -> None:
    # With plasterboard beside plaster, which one a bare wall is stays unsaid
    areas = _materials(_NOTES.format(lining="plasterboard walls, hard plaster in the passage"))
    assert areas["Sunroom"] == ["carpet", "underlay"]


def test_no_lining_named_adds_the_wall_lining_by_that_name() -> None:
    # Given notes that never say what the walls are made of, the sunroom's wall read down over visits
    areas = _materials(_NOTES.format(lining="painted walls"))
    # Then the sunroom's wall lining was wet, named as the wall lining
    assert areas["Sunroom"] == ["carpet", "underlay", "wall lining"]


def test_no_lining_named_and_a_ceiling_read_wet_adds_no_wall_lining() -> None:
    # A ceiling read down over visits is no wall
    notes = _NOTES.format(lining="painted walls").replace("sunroom wall", "sunroom ceiling")
    assert "wall lining" not in _materials(notes)["Sunroom"]


def test_a_wall_read_steady_or_a_pin_reading_adds_nothing() -> None:
    # A wall read at the same level each visit shows no drying; a %MC pin reading "at the wall" is timber
    steady = _NOTES.format(lining="gyprock walls").replace("sunroom wall 16", "sunroom wall 40")
    assert _materials(steady)["Sunroom"] == ["carpet", "underlay"]
    pins = (
        _NOTES.format(lining="gyprock walls")
        .replace("wall 41", "wall 41 %MC")
        .replace("wall 16", "wall 16 %MC")
    )
    assert _materials(pins)["Sunroom"] == ["carpet", "underlay"]


def test_a_wall_read_far_over_the_linings_dry_standard_adds_the_lining() -> None:
    # Given one visit's readings: walls by the room, and the lining's dry standard in a room not affected
    notes = (
        "Hose water from the fire crew, Category 3.\n"
        "Water ran over the kitchen vinyl and into the den carpet.\n"
        "Readings 3/6 (Delmhorst, drywall scale %):\n"
        "kitchen - lower wall by the stove 41%, den - wall at the doorway 27%\n"
        "unaffected: spare room drywall 7%\n"
    )
    # When they are analysed
    areas = _materials(notes)
    # Then each wall read far over the standard is the job's drywall, wet
    assert "drywall" in areas["Kitchen"]
    assert "drywall" in areas["Den"]


def test_a_wall_near_the_linings_dry_standard_adds_nothing() -> None:
    # Given a wall read only a little over the lining's dry standard
    notes = (
        "Hose water from the fire crew, Category 3.\n"
        "Water ran over the kitchen vinyl.\n"
        "Readings 3/6 (Delmhorst, drywall scale %):\n"
        "kitchen - lower wall by the stove 10%\n"
        "unaffected: spare room drywall 7%\n"
    )
    # Then the wall is not called wet
    assert "drywall" not in _materials(notes)["Kitchen"]


# (notes, room): a wall whose %MC unit came from a heading or a meter line, not from the value itself,
# named as what was read: the job's one lining. Variants of the separator, the meter line's words and the
# room (one the lexicon does not know).
_INHERITED_UNIT = [
    (
        "Water heater leak, visited 3 Nov 2026.\n"
        "Meter: Protimeter, sheetrock mode (%) / pins %MC on the trim\n"
        "Mudroom 8 x 6 ft: vinyl wet.\n"
        "M1 mudroom wall - 34 (Nov 3), 20 (Nov 5), 11 (Nov 7)\n"
        "REF den wall - 10 (Nov 3)",
        "Mudroom",
    ),
    (
        "Dishwasher leak, 12/3/2026.\n"
        "Readings (%MC) - plasterboard on the search setting, timber on pins\n"
        "Scullery 3 x 2 m: tiles wet.\n"
        "S1 scullery wall = 45 on 12/3, 30 on 14/3, 12 on 17/3",
        "Scullery",
    ),
]


@pytest.mark.parametrize(("notes", "room"), _INHERITED_UNIT)
def test_a_wall_read_on_a_unit_it_inherited_is_the_lining(notes: str, room: str) -> None:
    materials = " ".join(_materials(notes)[room]).lower()
    assert "sheetrock" in materials or "plasterboard" in materials


def test_a_wall_named_only_as_where_an_inherited_pin_reading_was_is_no_lining() -> None:
    # The near miss: the same reading taken "at" the wall, a floor point beside it
    notes = _INHERITED_UNIT[0][0].replace("M1 mudroom wall -", "M1 mudroom floor at east wall -")
    assert not any("sheetrock" in m for m in _materials(notes)["Mudroom"])


def test_an_inherited_unit_wall_with_another_wall_sheet_named_is_left_unsaid() -> None:
    # The near miss: the scullery's walls may be the fibre cement the notes also name
    notes = _INHERITED_UNIT[1][0] + "\nFibre cement sheet behind the tub in the laundry."
    assert not any("plasterboard" in m for m in _materials(notes)["Scullery"])


_TABLE = """Visited 02/03/2026. Burst pipe under the den window.
Den 4 x 3.5 m: carpet and pad wet along the window wall.
Office 3 x 3 m: carpet wet at the door.
Walls are plasterboard, read in search mode (relative scale).
{rows}
"""


@pytest.mark.parametrize(
    "rows",
    [
        # point, place, meter cell, then the number: the wall is the row's label across the meter's cell
        "Pt | Where | Meter | 02/03 | 05/03\n"
        "1 | den, W wall under window | Aquant | 710 | 220\n"
        "2 | office, S wall by door | Aquant | 650 | 200\n"
        "3 | lounge wall (dry std) | Aquant | 110 | 110",
        # a leader's dots between the place and its number, days in a later line
        "Day 1\nK  den - west wall by the sill ........ 710\nL  office - south wall ........... 650\n"
        "R  lounge wall (dry std) ........ 110\nDay 4\nK  den - west wall by the sill ........ 220\n"
        "L  office - south wall ........... 200",
    ],
)
def test_a_wall_read_in_a_table_row_or_across_a_leader_is_the_lining(rows: str) -> None:
    # Given the walls read wet in a table or a dotted map, with the lining named once for the job
    areas = _materials(_TABLE.format(rows=rows))
    # Then each room read wet on its wall has the plasterboard among its materials
    assert "plasterboard" in areas["Den"]
    assert "plasterboard" in areas["Office"]


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("1 | den, W wall under window | Aquant | 710 | 220", {710.0}),
        ("K  den - west wall by the sill ........ 710", {710.0}),
        # each cell its own: the skirting's number is no wall's, the wall's is
        ("den | skirting 310 | wall 120", {120.0}),
        # a sentence's stop still ends a label: the 31 is the skirting's
        ("Den wall was fine. Skirting 31.", set()),
    ],
)
def test_a_walls_label_runs_across_its_rows_cells_and_leaders_but_not_past_a_number(
    line: str, values: set[float]
) -> None:
    assert _wall_values(line, _SURFACE) == values
