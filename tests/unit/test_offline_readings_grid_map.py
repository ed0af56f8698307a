"""Grid maps: cells named by a letter and a number, a table of them per visit under its date line,
and later lines giving some cells by their IDs."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_grid_map import grid_points
from chalicelib.analysis.offline.text import Line

pytestmark = pytest.mark.unit

Found = set[tuple[float, str, str, date | None]]


def _lines(text: str) -> list[Line]:
    return [Line(number, line, line) for number, line in enumerate(text.splitlines(), start=1)]


def _readings(text: str) -> Found:
    readings = analyze_text(text).moisture_readings
    return {(r.value, r.location, r.unit, r.taken_on) for r in readings}


_LETTER_COLUMNS = """Water loss at 4 Elm Street. Washing machine hose burst 2026-03-02, Category 1.

Laundry floor map
The laundry floor is split into a grid, columns A-C along the back wall and rows 1-2 out
from it. Protimeter in search mode, relative scale (REL), on the vinyl.

2026-03-03
      A    B    C
  1  240  180   95
  2  120    -   90

2026-03-05 (row 2 dry)
      A    B    C
  1  150  110   92

2026-03-07: A1 96, B1 94.
"""


def test_a_grid_of_letters_across_gives_each_cell_per_visit() -> None:
    found = _readings(_LETTER_COLUMNS)
    assert {
        (240.0, "Laundry", "REL", date(2026, 3, 3)),
        (95.0, "Laundry", "REL", date(2026, 3, 3)),
        (90.0, "Laundry", "REL", date(2026, 3, 3)),
        (150.0, "Laundry", "REL", date(2026, 3, 5)),
        (92.0, "Laundry", "REL", date(2026, 3, 5)),
        (96.0, "Laundry", "REL", date(2026, 3, 7)),
        (94.0, "Laundry", "REL", date(2026, 3, 7)),
    } <= found
    day_one = {value for value, _, _, day in found if day == date(2026, 3, 3)}
    assert len(day_one) == 5  # (the dash is a cell not read)
    assert not any(value in (1.0, 2.0, 3.0) for value, *_ in found)  # (the row labels, the date)


_NUMBER_COLUMNS = """Bathroom floor grid (%MC, pin meter into the subfloor through the removed tile)
Rows A-B, columns 1-4.
14/05/2026
     1    2    3    4
A   31   28   22   17
B   25    -   19   15
"""


def test_a_grid_of_numbers_across_names_its_cells_letter_first() -> None:
    points = grid_points(_lines(_NUMBER_COLUMNS))
    assert set(points) == {"A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4"}
    assert {point.room.lower() for point in points.values()} == {"bathroom"}
    assert {point.scale for point in points.values()} == {"%MC"}


def test_a_table_of_letters_and_numbers_no_line_calls_a_grid_defines_no_cells() -> None:
    text = "Kitchen readings\n14/05/2026\n     A    B\n1   31   28\n2   25   19\n"
    assert grid_points(_lines(text)) == {}


def test_a_header_out_of_order_is_no_grid() -> None:
    text = "Kitchen floor grid, REL\n     A    C    B\n1   31   28   22\n"
    assert grid_points(_lines(text)) == {}


# --- the scale a point reads on, from the job's meter modes ------------------------------------

_METER_MODES = """Burst flexi under the vanity 03/02/2026. Ensuite and bed 2 wet.
Meter: Tramex MEP - pinless on tiles + gyprock (REL); pins %WME on the architraves.
Points:
 P1 ensuite floor tiles by vanity
 P2 bed 2 architrave, pins
 P3 bed 2 gyprock wall 30 AFF
 S1 study gyprock wall (dry std)
04/02/2026  P1 210  P2 24  P3 180  S1 105
"""


def test_the_meter_line_gives_pins_their_unit_and_a_material_its_scale() -> None:
    found = _readings(_METER_MODES)
    units = {value: unit for value, _, unit, _ in found}
    assert units.get(24.0) == "WME"  # (pins, which the meter line says read WME, not %MC)
    assert units.get(105.0) == "REL"  # (a dry standard over 100: gyprock reads REL on this meter)
    assert units.get(210.0) == "REL"


def test_other_points_agreeing_on_the_pins_unit_give_it_to_one_that_names_none() -> None:
    from chalicelib.analysis.offline.reading_point_registry import point_registry

    text = (
        "Legend:\n D pantry skirting ........ pins (WME)\n E laundry skirting ........ pins (WME)\n"
        " Y lounge skirting (dry std) ........ pins\n"
    )
    points = point_registry(_lines(text)).points
    assert points["Y"].scale == "WME"


def test_a_point_writing_its_own_unit_keeps_it_and_disagreeing_notes_give_pins_none() -> None:
    from chalicelib.analysis.offline.reading_point_meter import meter_modes

    modes = meter_modes(["Meter: Protimeter, pins WME on skirting"], ["B kitchen skirting, pins %MC"])
    assert modes.pins is None  # (the notes name two units for pins)
    agreed = meter_modes(["Meter: Protimeter, pins WME on skirting"], [])
    assert agreed.scale_for("kitchen skirting pins %MC", "%MC") == "%MC"
    assert agreed.scale_for("kitchen skirting pins", "%MC") == "WME"
    assert agreed.scale_for("kitchen door frame", None) is None  # (a word the meter line never names)


def test_a_meter_line_saying_what_each_surface_reads_with_an_equals() -> None:
    from chalicelib.analysis.offline.reading_point_meter import meter_modes

    line = "READINGS  Protimeter MMS3. Ceiling/wall pins = WME. Floor = search mode (REL)."
    modes = meter_modes([line], [])
    assert modes.pins == "WME"
    assert modes.scale_for("lounge floor by the door", None) == "REL"
    assert modes.scale_for("hall ceiling by the light", None) == "WME"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("garage ceiling over the car", "REL"),  # "on ceilings": a plural names each ceiling
        ("vinyl plank at the bench", "REL"),  # "the vinyl plank": the article is no part of the word
        ("garage floor by the door", "WME"),
        ("glass door by the bench", None),  # ("gas" stays whole: a word ending in s is no plural)
    ],
)
def test_a_meter_line_names_surfaces_in_the_plural_and_with_articles(
    words: str, expected: str | None
) -> None:
    from chalicelib.analysis.offline.reading_point_meter import meter_modes

    line = (
        "Meter: Protimeter pins (WME) on floors; search (relative) on ceilings and the vinyl plank; gas off."
    )
    assert meter_modes([line], []).scale_for(words, None) == expected


@pytest.mark.parametrize(
    ("line", "words", "expected"),
    [
        # the surfaces named before the meter that reads them, its reference mode a relative scale
        (
            "Ceilings on the Tramex MEP in reference mode (no units), floors on the pins (WME).",
            "hall ceiling",
            "REL",
        ),
        (
            "Ceilings on the Tramex MEP in reference mode (no units), floors on the pins (WME).",
            "hall floor",
            "WME",
        ),
        # a reference point's words are no scale: "reference" alone names no mode
        ("Meter: Tramex MEP; the study wall is our reference.", "hall ceiling", None),
    ],
)
def test_a_meter_clause_naming_its_surfaces_first(line: str, words: str, expected: str | None) -> None:
    from chalicelib.analysis.offline.reading_point_meter import meter_modes

    assert meter_modes([line], []).scale_for(words, None) == expected
