"""Values keyed by point: a registry of the points the notes define (in any legend layout) and one
reader of values given against their IDs (table columns, ID-value runs on a dated line)."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_registry import point_registry
from chalicelib.analysis.offline.reading_point_values import keyed_values
from chalicelib.analysis.offline.text import Line

pytestmark = pytest.mark.unit

Found = set[tuple[float, str, str, date | None, bool]]


def _lines(text: str) -> list[Line]:
    return [Line(number, line, line) for number, line in enumerate(text.splitlines(), start=1)]


def _readings(text: str) -> Found:
    readings = analyze_text(text).moisture_readings
    return {(r.value, r.location, r.unit, r.taken_on, r.is_reference) for r in readings}


# --- the registry ------------------------------------------------------------------------------


def test_a_one_line_legend_carries_the_room_to_points_that_name_none() -> None:
    registry = point_registry(
        _lines(
            "Pts: K1 kitchen wall by fridge; K2 toe kick under sink; H1 hallway skirting; "
            "DS study wall (dry std)."
        )
    )
    assert {code: point.room for code, point in registry.points.items()} == {
        "K1": "kitchen",
        "K2": "kitchen",  # (no room of its own: the definition before it)
        "H1": "hallway",
        "DS": "study",
    }
    assert [code for code, point in registry.points.items() if point.reference] == ["DS"]
    assert registry.lines == frozenset({1})


def test_a_listed_legend_with_bracketed_ids_dot_leaders_and_scales() -> None:
    registry = point_registry(
        _lines(
            " (1) laundry wall by the trough ....... search (REL)\n"
            " (2) laundry skirting, 50 mm AFF ...... pins, %MC\n"
            " (2B) subfloor at (2) from below ...... pins, %MC\n"
            " REF-1 bedroom 3 wall ................. search (REL)\n"
        )
    )
    points = registry.points
    assert sorted(points) == ["1", "2", "2B", "REF-1"]
    assert (points["1"].scale, points["2"].scale) == ("REL", "%MC")
    assert points["2B"].room == "laundry"  # (the room of the point it is read at)
    assert points["REF-1"].reference and not points["1"].reference


def test_a_labelled_list_of_standards_marks_each_a_reference() -> None:
    registry = point_registry(_lines("Standards: SA den slab (concrete scale), SB den wall (WME)."))
    assert {code: (point.room, point.reference) for code, point in registry.points.items()} == {
        "SA": ("den", True),
        "SB": ("den", True),
    }


def test_prose_and_lines_with_readings_define_no_points() -> None:
    registry = point_registry(
        _lines(
            "A plumber checked the wall behind the vanity.\n"
            "B was away. The laundry floor read 22.\n"
            "P1 cabinet base, pins %MC: 28 (10/3), 22 (11/3)\n"
            "P2 subfloor under the sink, pins:\n"
        )
    )
    assert registry.points == {}


# --- the keyed-values reader -------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Tue 4/3   K1 31  K2 27  DS 12",
        "4/3 - K1=31, K2=27, DS=12",
        "K1 31 | K2 27 | DS 12",
        "(K1) 31   (K2) 27   (DS) 12",
    ],
)
def test_id_value_runs_in_any_style(line: str) -> None:
    run = keyed_values(line, {"K1", "K2", "DS"})
    assert run is not None
    assert [(value.code, value.value) for value in run.values] == [("K1", 31.0), ("K2", 27.0), ("DS", 12.0)]


def test_runs_of_letters_glued_to_values_and_points_not_read() -> None:
    run = keyed_values("Thu 6/3  A31  B4.5  C -  D n/r  (C and D not re-read)", {"A", "B", "C", "D"})
    assert run is not None
    assert [(value.code, value.value) for value in run.values] == [("A", 31.0), ("B", 4.5)]


@pytest.mark.parametrize(
    "line",
    [
        "A 410 came back from the lab",  # one item and prose
        "K1 31 K9 40",  # a point the notes never defined
        "2 34 3 35",  # bare numbers are counts, not points
        "Notes: K1 was wet at 31 on the first day.",
    ],
)
def test_lines_that_are_no_run(line: str) -> None:
    assert keyed_values(line, {"A", "K1", "2", "3"}) is None


# --- the two together, through the analyzer ----------------------------------------------------

_LOG = """Kitchen dishwasher leak, attended 14/03/2026. Kitchen and hallway affected, vinyl and skirting wet.
Meter: Protimeter, pins (%MC).
Points: K1 kitchen skirting by the dishwasher; K2 kitchen skirting at the fridge; H1 hallway skirting;
DS study skirting (dry std).
| Date | K1 | K2 | H1 | DS |
|---|---|---|---|---|
| 14/03 | 31 | 27 | 24 | 12 |
| Tue 17/03 | 19 | 16 | n/r | - |
"""


def test_a_table_headed_by_point_ids_reads_each_column_as_its_point() -> None:
    found = _readings(_LOG)
    assert {
        (31.0, "Kitchen", "%MC", date(2026, 3, 14), False),
        (24.0, "Hallway", "%MC", date(2026, 3, 14), False),
        (12.0, "Study", "%MC", date(2026, 3, 14), True),
        (19.0, "Kitchen", "%MC", date(2026, 3, 17), False),
    } <= found
    assert len(found) == 6  # ("n/r" and "-" are no readings)


_RUNS = """Laundry tap leak, first visit 13/04/2026; laundry and pantry affected, plasterboard wet.
Meter: Tramex, relative scale (REL).
(1) laundry wall behind the tap
(2) pantry wall, same partition
(R) lounge wall - dry standard
13/04/2026
(1) 410   (2) 260   (R) 88
Wed 15/04  (1) 190  (2) 120
The meter was checked on (1) before we left.
"""


def test_id_value_runs_are_dated_by_their_own_day_or_the_day_line_above() -> None:
    found = _readings(_RUNS)
    assert {
        (410.0, "Laundry", "REL", date(2026, 4, 13), False),
        (260.0, "Pantry", "REL", date(2026, 4, 13), False),
        (88.0, "Lounge", "REL", date(2026, 4, 13), True),
        (190.0, "Laundry", "REL", date(2026, 4, 15), False),
        (120.0, "Pantry", "REL", date(2026, 4, 15), False),
    } == found


# --- values in a stated order of points --------------------------------------------------------

_ORDERED = """HWS overflow, first visit 17/11/2026. Laundry and hall wet, plasterboard and skirting.
Points:
 1 laundry wall behind the unit, 50 AFF
 2 hall wall by the laundry door
 3 hall skirting, pins
 S1 bedroom 2 wall (dry std)
Values in order 1 / 2 / 3 (3 WME, rest REL):
Tue 17/11 : 520 / 410 / 26   S1 95
Wed 18/11 : 300 / 250 / -
"""


def test_values_in_a_stated_order_of_points_take_each_point_and_its_scale() -> None:
    found = _readings(_ORDERED)
    assert {
        (520.0, "Laundry", "REL", date(2026, 11, 17), False),
        (410.0, "Hallway", "REL", date(2026, 11, 17), False),
        (26.0, "Hallway", "WME", date(2026, 11, 17), False),
        (300.0, "Laundry", "REL", date(2026, 11, 18), False),
        (250.0, "Hallway", "REL", date(2026, 11, 18), False),
    } <= {
        (v, place.replace("Hall", "Hallway") if place == "Hall" else place, u, d, r)
        for v, place, u, d, r in found
    }
    assert not any(value in (1.0, 2.0, 3.0, 50.0) for value, *_ in found)  # (the order's IDs, a height)


def test_a_row_with_more_values_than_the_order_is_no_row_of_it() -> None:
    from chalicelib.analysis.offline.reading_point_values import ordered_values, point_order

    order = point_order("order A / B (REL)", {"A", "B"})
    assert order is not None and order.codes == ("A", "B")
    assert ordered_values("12/3: 40 / 30 / 20", order, {"A", "B"}) is None
    run = ordered_values("12/3: 40 / -", order, {"A", "B"})
    assert run is not None and [(v.code, v.value) for v in run.values] == [("A", 40.0)]


# --- a label that opens a sentence in a paragraph, and a point's own trend ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the label opens a sentence mid-paragraph with a space alone before the first ID
        (
            "Readings copied from the drying firm's sheet. Points M1 laundry floor by tub, M2 laundry"
            " floor centre, M3 hall floor at laundry door.",
            {"M1": "laundry", "M2": "laundry", "M3": "hall"},
        ),
        # the same after a colon, as before
        ("Points: M1 laundry floor by tub, M2 hall floor at laundry door.", {"M1": "laundry", "M2": "hall"}),
    ],
)
def test_a_label_opening_a_sentence_leads_its_definitions(text: str, expected: dict[str, str]) -> None:
    registry = point_registry(_lines(text))
    assert {code: point.room for code, point in registry.points.items()} == expected


@pytest.mark.parametrize(
    "text",
    [
        # "points" as a word of prose, no ID after it
        "The tech points out the laundry floor is still wet, and the hall floor too.",
        # a label then a number that is no ID
        "Points 3 and 4 were not read again. Laundry floor by tub, hall floor at door.",
    ],
)
def test_points_as_a_word_of_prose_defines_nothing(text: str) -> None:
    assert point_registry(_lines(text)).points == {}


_TREND = (
    "Claim 40-118, 9 Sorrel Way, Nelson, New Zealand. Inspected 2 March 2026. Laundry floor wet.\n"
    "Readings from their sheet (pins, WME). Points M1 laundry floor by tub, M2 laundry floor centre.\n"
    "  M1  33 on 2/3, 21 on 4/3\n"
    "  M2  27, then 18\n"
)


def test_a_points_values_after_its_first_are_its_trend_dated_as_the_row_above() -> None:
    found = {(value, day) for value, _, _, day, _ in _readings(_TREND)}
    assert found == {
        (33.0, date(2026, 3, 2)),
        (21.0, date(2026, 3, 4)),
        (27.0, date(2026, 3, 2)),
        (18.0, date(2026, 3, 4)),
    }


def test_words_between_a_points_values_make_the_later_one_no_part_of_its_trend() -> None:
    # "then the hall 18": a value with a place of its own is not M2's
    found = {
        (value, location)
        for value, location, _, _, _ in _readings(_TREND.replace("27, then 18", "27, hall 18"))
    }
    assert (18.0, "Laundry") not in found


def test_a_headed_legends_points_are_the_registrys_when_the_legend_does_not_place_them() -> None:
    legend = (
        "Point Where Material Meter\n"
        "G1 Drying cupboard floor slate tile Tramex CME, concrete scale %\n"
        "G2 Drying cupboard wall by door lime plaster Protimeter pins, WME\n"
    )
    registry = point_registry(_lines("Affected: laundry, drying cupboard (half the floor).\n" + legend))
    assert {code: point.room for code, point in registry.points.items()} == {
        "G1": "Drying cupboard",
        "G2": "Drying cupboard",
    }
    assert registry.lines == frozenset()  # (the legend reader reads the lines as it always has)
    # a room only the legend names is none the notes told of: its points are left out
    assert point_registry(_lines("Affected: laundry.\n" + legend)).points == {}


def test_a_headed_table_of_readings_defines_no_points() -> None:
    # values in the rows: readings, not definitions
    registry = point_registry(
        _lines("Point Where 03/11 05/11\nG1 cupboard floor 5.4 5.0\nG2 cupboard wall 31 28\n")
    )
    assert registry.points == {}


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Points: E control room ceiling by the desk; F control room west wall.", False),  # a studio's room
        ("Points: E lounge ceiling (control); F lounge west wall.", True),  # a control reading
    ],
)
def test_a_control_room_is_a_room_not_a_control_reading(text: str, reference: bool) -> None:
    assert point_registry(_lines(text)).points["E"].reference is reference


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the last definition ends at its sentence: what follows is the notes' own words
        (
            "Points: J1 den ceiling at the vent; J2 den ceiling at the far west end. Study ceiling is our"
            " reference. Ceilings on the Tramex MEP in reference mode (no units), walls on the pins.",
            {"J1": "den", "J2": "den"},
        ),
        # a stop inside a definition before a lower-case word does not end it
        ("Points: J1 den ceiling approx. two ft from the vent; J2 den wall.", {"J1": "den", "J2": "den"}),
    ],
)
def test_a_definition_is_one_sentence_at_most(text: str, expected: dict[str, str]) -> None:
    assert {code: point.room for code, point in point_registry(_lines(text)).points.items()} == expected


def test_points_named_by_a_side_of_a_partition_take_the_room_that_side_faces() -> None:
    registry = point_registry(
        _lines(
            "  A  storeroom face, 0.4 m from the sink, 50 above floor\n"
            "  B  storeroom face, 1.2 m\n"
            "  C  corridor face, opposite A\n"
            "  X  REF - lobby wall, plasterboard (unaffected)\n"
        )
    )
    assert {code: point.room for code, point in registry.points.items()} == {
        "A": "storeroom",
        "B": "storeroom",
        "C": "corridor",
        "X": "lobby",
    }
    assert [code for code, point in registry.points.items() if point.reference] == ["X"]


def test_a_point_naming_no_room_is_not_put_in_the_dry_standards_room() -> None:
    registry = point_registry(
        _lines("Legend: R1 lounge wall (dry std); W1 wall behind the tap; W2 skirting by the door.")
    )
    assert registry.points["R1"].room == "lounge"
    assert (registry.points["W1"].room, registry.points["W2"].room) == ("", "")


_TWO_COLUMNS = """Site notes - 3 Gum Ct, Ballarat. Tue 10/03/2026 attended.
- laundry 2.4 x 2.0, tiles on slab, plasterboard wet behind the tap
Meter: Tramex ME5, plasterboard scale (REL)
Pts:  W1 wall behind tap 300 AFF   W2 wall 500 L of tap 300 AFF
      REF = hall wall plasterboard (unaffected)
10/03/2026  W1 240 / W2 180 / REF 90
"""


def test_a_labelled_legend_in_two_columns_places_roomless_points_in_the_only_affected_room() -> None:
    found = _readings(_TWO_COLUMNS)
    assert {
        (240.0, "Laundry", "REL", date(2026, 3, 10), False),
        (180.0, "Laundry", "REL", date(2026, 3, 10), False),
        (90.0, "Hall", "REL", date(2026, 3, 10), True),
    } == found


_CODES_HEADER = """Tap left running in the storeroom, first visit Tue 10/03/2026. Storeroom wall wet.
Meter: Tramex, relative scale.
  A  storeroom face, 0.3 m from the tap
  B  storeroom face, 1.0 m
  R  REF - office wall, plasterboard (unaffected)

        A    B    R
  Tue 10/03 38 . 27 . 11
  Thu 12/03 21 . -- . 11
"""


def test_a_table_headed_by_point_letters_alone_reads_its_dotted_rows_by_column() -> None:
    found = {(v, place, day, ref) for v, place, _, day, ref in _readings(_CODES_HEADER)}
    assert {
        (38.0, "Storeroom", date(2026, 3, 10), False),
        (27.0, "Storeroom", date(2026, 3, 10), False),
        (11.0, "Office", date(2026, 3, 10), True),
        (21.0, "Storeroom", date(2026, 3, 12), False),
    } <= found
    # ("--": point B was not read on the 12th)
    assert not [item for item in found if item[2] == date(2026, 3, 12) and item[0] not in (21.0, 11.0)]


def test_a_line_of_two_capitals_is_no_header_of_points() -> None:
    text = _CODES_HEADER.replace("        A    B    R", "        A    B")
    found = {(v, day) for v, _, _, day, _ in _readings(text)}
    assert (38.0, date(2026, 3, 10)) not in found


_PROSE_LEGEND = """Dishwasher leak, 7 Birch Ln. On site 23/09/2026.
Kitchen and pantry floors wet, drywall at the pantry wet.
Readings - Protimeter pins on the laminate (%MC), Tramex on drywall (%). Pt 1-3 kitchen floor from \
the dishwasher out, 4 pantry floor, 5 pantry drywall by the door. Dry standard: den drywall.
23/09: 1=31 2=27 3=22 | 4=19 | 5=44 | den drywall 9
"""


def test_a_labelled_sentence_of_numbered_points_in_a_long_line_defines_them() -> None:
    from chalicelib.analysis.offline.text import prepare_lines

    registry = point_registry(prepare_lines(_PROSE_LEGEND))
    assert {code: point.room for code, point in registry.points.items()} == {
        "1": "kitchen",
        "2": "kitchen",
        "3": "kitchen",
        "4": "pantry",
        "5": "pantry",
    }


def test_values_by_point_then_a_barred_tail_read_both() -> None:
    found = {(v, place, day, ref) for v, place, _, day, ref in _readings(_PROSE_LEGEND)}
    assert {
        (31.0, "Kitchen", date(2026, 9, 23), False),
        (22.0, "Kitchen", date(2026, 9, 23), False),
        (19.0, "Pantry", date(2026, 9, 23), False),
        (44.0, "Pantry", date(2026, 9, 23), False),
    } <= found
    assert any(value == 9.0 and ref for value, _, _, ref in found)


def test_a_range_of_numbers_with_no_label_defines_no_points() -> None:
    from chalicelib.analysis.offline.text import prepare_lines

    registry = point_registry(
        prepare_lines("Walls 13-40 wall readings across the kitchen.\n1-3 kitchen floor")
    )
    assert registry.points == {}


def test_a_run_of_values_by_point_ends_at_a_bar_before_other_words() -> None:
    run = keyed_values("1=31 2=27 3=22 | 4=19 | den drywall 9", {"1", "2", "3", "4"})
    assert run is not None and [v.code for v in run.values] == ["1", "2", "3", "4"]
    assert run.tail is not None and "den drywall 9".startswith(
        "1=31 2=27 3=22 | 4=19 | den drywall 9"[run.tail :][:3]
    )
    # (without a bar, words after the values make the line something else)
    assert keyed_values("1=31 2=27 3=22 den drywall 9", {"1", "2", "3"}) is None


_SURFACES = """Tank split in the lounge. Sun 15/11/2026 on site.
- lounge carpet and GIB wet; bedrooms not affected
meter: Protimeter, pins, WME
P1 lounge GIB behind the stand, 100 AFF
P2 lounge floor particleboard, pins thru carpet
REF bed 2 GIB / bed 2 floor (pins thru carpet)

15/11  P1 36  P2 31   REF 12 / 14
"""


def test_one_id_for_two_surfaces_reads_a_slash_pair_in_the_definitions_order() -> None:
    found = _readings(_SURFACES)
    assert {
        (36.0, "Lounge", "WME", date(2026, 11, 15), False),
        (31.0, "Lounge", "WME", date(2026, 11, 15), False),
        (12.0, "Bedroom 2", "WME", date(2026, 11, 15), True),
        (14.0, "Bedroom 2", "WME", date(2026, 11, 15), True),
    } == found


def test_a_slash_pair_for_an_id_defined_once_is_not_read() -> None:
    text = _SURFACES.replace("REF bed 2 GIB / bed 2 floor (pins thru carpet)", "REF bed 2 GIB (dry std)")
    assert not {value for value, *_ in _readings(text)} & {12.0, 14.0}


def test_a_meter_line_gives_the_mode_of_the_materials_named_before_it() -> None:
    from chalicelib.analysis.offline.reading_point_meter import meter_modes

    modes = meter_modes(["Meter (Protimeter, Tile in search = REL, ply/timber pin %MC)"], [])
    assert (modes.by_word.get("tile"), modes.by_word.get("ply"), modes.pins) == ("REL", "%MC", "%MC")
    # ("pins, WME": the line's one unit is what its pins read)
    assert meter_modes(["meter: Protimeter, pins, WME"], []).pins == "WME"
    # (two units and pins named apart from both: the pins' unit is not settled)
    assert meter_modes(["meter: pins, search (REL) and WME"], []).pins is None


# --- definitions parted by dashes, and a legend a PDF wrapped -----------------------------------


def test_definitions_parted_by_dashes_on_a_wrapped_line_are_each_a_point() -> None:
    registry = point_registry(
        _lines(
            "POINTS\n"
            "A1 family room drywall, 6 in. up - A2 family room slab - B1 mud room drywall, 6 in. - B2 mud\n"
            "room slab by the door - S1 den drywall (dry standard)\n"
            "Meter: Tramex ME5.\n"
        )
    )
    rooms = {code: (point.room, point.reference) for code, point in registry.points.items()}
    assert rooms == {
        "A1": ("family room", False),
        "A2": ("family room", False),
        "B1": ("mud room", False),
        "B2": ("mud room", False),
        "S1": ("den", True),
    }
    assert {2, 3} <= registry.lines


@pytest.mark.parametrize(
    "text",
    [
        # a dash in a sentence before a capitalised word and a number is no part of a legend
        "Set the fans at 9 - P2 was still wet on the second day, so we left them.\n",
        # a line that goes on in lower case under a single definition is not joined to it
        "K1 kitchen wall by the fridge\nand the toe kick 31 on day one\n",
    ],
)
def test_dashes_and_lower_case_lines_that_are_no_legend(text: str) -> None:
    assert point_registry(_lines(text)).points == {}


def test_a_day_column_written_either_way_takes_the_rows_day() -> None:
    # (the job writes no other numeric date: "10/09" alone could be either day; the row is the
    # first visit's, and the last row's "met" cells are points at goal, not read)
    text = (
        "Date of loss: Thursday Oct. 8, 2026. Initial inspection: Friday Oct. 9, 2026.\n"
        "Basement rec room carpet and drywall wet.\n"
        "P1 rec room drywall, 4 in. - P2 rec room slab - P3 rec room W wall, 4 in.\n"
        "Readings (Tramex ME5, drywall scale %):\n"
        "Date P1 P2 P3\n"
        "10/09 41 5.2 33\n"
        "10/10 30 4.6 22\n"
        "10/12 14 met 12\n"
    )
    found = {(value, day) for value, _, _, day, _ in _readings(text)}
    assert {(41.0, date(2026, 10, 9)), (5.2, date(2026, 10, 9)), (33.0, date(2026, 10, 9))} <= found
    assert {(14.0, date(2026, 10, 12)), (12.0, date(2026, 10, 12))} <= found


# --- legends parted by dashes, under a room's heading; a standard the words deny ---------------


def test_a_one_line_legend_parted_by_dashes_defines_each_point() -> None:
    registry = point_registry(
        _lines(
            "K1 kitchen wall by sink - K2 kitchen slab - H3 hallway skirting, 100 up"
            " - S1 study wall (dry std)"
        )
    )
    assert {code: point.room for code, point in registry.points.items()} == {
        "K1": "kitchen",
        "K2": "kitchen",
        "H3": "hallway",
        "S1": "study",
    }
    assert [code for code, point in registry.points.items() if point.reference] == ["S1"]


def test_a_dash_before_a_word_in_capitals_parts_no_definitions() -> None:
    registry = point_registry(_lines("K1 kitchen wall by sink - PB\nK2 kitchen floor - vinyl"))
    assert set(registry.points) == {"K1", "K2"}


def test_a_legend_under_a_heading_naming_a_room_places_its_roomless_points_there() -> None:
    registry = point_registry(
        _lines(
            "POINTS - GROUND (laundry)\n"
            "  A  vinyl floor at the tub\n"
            "  B  plasterboard behind the washer, 200 up\n"
            "POINTS - FIRST FLOOR (ensuite)\n"
            "  C  particleboard floor at the shower\n"
            "  D  skirting at the door\n"
        )
    )
    assert {code: point.room for code, point in registry.points.items()} == {
        "A": "laundry",
        "B": "laundry",
        "C": "ensuite",
        "D": "ensuite",
    }


@pytest.mark.parametrize(
    ("words", "reference"),
    [
        ("hall wall (edge check only - not a standard)", False),
        ("hall wall, not used as the reference", False),
        ("hall wall - dry standard", True),
    ],
)
def test_a_point_whose_words_deny_it_is_a_standard_is_none(words: str, reference: bool) -> None:
    registry = point_registry(_lines(f"  A  laundry floor at tub\n  B  {words}\n"))
    assert registry.points["B"].reference is reference


_DAY_ROWS = """Drying log, 14 Karaka St, Dunedin 9010. Attended 3/03/2026.
Laundry and hallway: vinyl and plasterboard wet.
Meter: Tramex ME5, drywall scale (%).
POINT LEGEND
L1 laundry wall by tub - L2 laundry wall at door - H1 hallway wall, 100 up - R1 lounge wall (dry standard)
Date L1 L2 H1 R1
3/03 41 33 28 12
5/03 22 met 15 -
"""


def test_a_table_of_days_reads_its_points_from_a_dashed_legend_and_skips_met_cells() -> None:
    found = {
        (value, location, taken_on, reference)
        for value, location, _, taken_on, reference in _readings(_DAY_ROWS)
    }
    assert (41.0, "Laundry", date(2026, 3, 3), False) in found
    assert (28.0, "Hallway", date(2026, 3, 3), False) in found
    assert (12.0, "Lounge", date(2026, 3, 3), True) in found
    assert (22.0, "Laundry", date(2026, 3, 5), False) in found
    assert (15.0, "Hallway", date(2026, 3, 5), False) in found
    assert len(found) == 6


@pytest.mark.parametrize(
    "line",
    [
        "W1 44 | W2 27 | W3 stripped | F1 760 | REF not taken",
        "W1 44, W2 27, W3 cut out, F1 760, REF met",
    ],
)
def test_a_run_of_values_by_point_passes_over_words_for_a_point_not_read(line: str) -> None:
    run = keyed_values(line, {"W1", "W2", "W3", "F1", "REF"})
    assert run is not None
    assert [(value.code, value.value) for value in run.values] == [("W1", 44.0), ("W2", 27.0), ("F1", 760.0)]


def test_a_word_after_a_point_that_is_no_reason_it_was_not_read_ends_no_run_as_one() -> None:
    assert keyed_values("W1 44 | W2 metal | F1 760", {"W1", "W2", "F1"}) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("V2 Wed 4/3:  K1 31 | K2 27 | S1 12", [("K1", 31.0), ("K2", 27.0), ("S1", 12.0)]),
        ("Visit 3 - 6/3: K1 18, K2 16, S1 12", [("K1", 18.0), ("K2", 16.0), ("S1", 12.0)]),
        # (a visit's number with no day after it is no lead: "V2" is not a point here)
        ("V2 K1 31 | K2 27 | S1 12", None),
    ],
)
def test_a_visits_number_may_lead_its_day(line: str, expected: list[tuple[str, float]] | None) -> None:
    run = keyed_values(line, {"K1", "K2", "S1"})
    assert (None if run is None else [(v.code, v.value) for v in run.values]) == expected


def test_a_room_named_by_its_number_only_to_place_a_point_is_no_reading() -> None:
    registry = point_registry(
        _lines(
            "W1  lounge wall by the heater - plasterboard, %\n"
            "W2  lounge architrave at bedroom 3 door - pine, %MC\n"
            "S1  bedroom 4 wall - plasterboard, % - dry std\n"
        )
    )
    assert sorted(registry.points) == ["S1", "W1", "W2"]
    assert registry.points["W2"].room == "lounge" and registry.points["S1"].reference


def test_words_after_a_comma_that_define_no_point_stay_the_points_words() -> None:
    registry = point_registry(
        _lines(
            "D1  laundry toe kick by the tub, RH end - particleboard, %MC\n"
            "D2  laundry wall behind the tub - plasterboard, %\n"
        )
    )
    point = registry.points["D1"]
    # ("RH end" is no point "RH": the line's material and scale after it are D1's)
    assert "RH" not in registry.points
    assert (point.scale, point.material.key if point.material else None) == ("%MC", "particleboard")


def test_the_material_after_the_dash_is_the_one_measured() -> None:
    registry = point_registry(
        _lines(
            "F1  study floor at the lifted carpet edge - plywood, %MC\n"
            "F2  study wall beside the desk - plasterboard, %\n"
        )
    )
    material = registry.points["F1"].material
    assert material is not None and material.key == "plywood"  # (the carpet only places it)
    # (no dash: the first material named is the point's)
    plain = point_registry(_lines("G1  carpet edge by the robe\nG2  robe wall plasterboard\n"))
    first = plain.points["G1"].material
    assert first is not None and first.key == "carpet"


def test_a_legend_of_places_with_rooms_numbered_reads_its_visits() -> None:
    found = _readings(
        "Burst flexi under the basin, 3 Kea St, Nelson. Found Tue 17/3/2026.\n"
        "Bathroom floor wet and the hall carpet wet to bedroom 2.\n"
        "\n"
        "H1  bathroom wall by the basin - plasterboard, %\n"
        "H2  hall skirting at bedroom 2 door - pine, %MC\n"
        "S1  bedroom 3 wall - plasterboard, % - dry std\n"
        "\n"
        "V1 Tue 17/3:  H1 44 | H2 19 | S1 10\n"
        "V2 Thu 19/3:  H1 21 | H2 14 | S1 10\n"
    )
    placed = {(value, where, day, reference) for value, where, _, day, reference in found}
    assert (19.0, "Hall", date(2026, 3, 17), False) in placed
    assert (10.0, "Bedroom 3", date(2026, 3, 19), True) in placed
    assert (21.0, "Bathroom", date(2026, 3, 19), False) in placed


def test_a_point_in_a_unit_named_by_its_code() -> None:
    registry = point_registry(
        _lines(
            "1 - hallway slab at the leak\n"
            "2 - hallway drywall beside C-204 door, 2 in. above the base\n"
            "3 - hallway drywall 3 ft along from point 2\n"
            "4 - C-204 slab inside the door\n"
            "5 - C-206 slab (dry standard)\n"
        )
    )
    rooms = {code: (point.room, point.reference) for code, point in registry.points.items()}
    assert rooms == {
        "1": ("hallway", False),
        "2": ("hallway", False),  # (the unit's code and "2 in." are no readings)
        "3": ("hallway", False),  # ("from point 2": another point, no reading)
        "4": ("C-204", False),  # (the unit by its code, not the hallway before it)
        "5": ("C-206", True),
    }


def test_a_code_that_opens_no_place_is_no_unit() -> None:
    # ("B-12 34": a point's reading, not a unit B-12)
    registry = point_registry(_lines("1 - hallway slab at the leak\n2 - B-12 34 dry\n"))
    assert "2" not in registry.points


def test_a_table_row_by_point_with_its_material_takes_the_legends_room() -> None:
    found = _readings(
        "Sprinkler drip in the mall corridor, 9 Depot Rd, Moose Jaw SK. Found 2026-11-16.\n"
        "Corridor slab wet and water under the door into Unit C-204.\n"
        "\n"
        "1 - corridor slab at the drip\n"
        "2 - corridor drywall at the base\n"
        "3 - C-204 slab inside the door\n"
        "4 - C-206 slab (dry standard)\n"
        "\n"
        "| Point | Material | 2026-11-16 | 2026-11-18 |\n"
        "|---|---|---|---|\n"
        "| 1 | slab % | 5.8 | 4.4 |\n"
        "| 2 | drywall % | 31 | 12 |\n"
        "| 3 | slab % | 5.5 | 4.2 |\n"
        "| 4 | slab % | 3.9 | 3.8 |\n"
    )
    placed = {(value, where, day, reference) for value, where, _, day, reference in found}
    assert (5.5, "C-204", date(2026, 11, 16), False) in placed
    assert (3.8, "C-206", date(2026, 11, 18), True) in placed
    assert (31.0, "Corridor", date(2026, 11, 16), False) in placed


def test_a_row_naming_a_place_of_its_own_keeps_it_whatever_a_numbered_list_says() -> None:
    # (the numbered list after the readings is a list of works, not a legend: the rows under
    # "Laundry" give their own places, "floorboard under tub")
    found = _readings(
        "Mould and leak report, 5 Reef St, Burnie TAS. Inspected 19/11/2026.\n"
        "Laundry floor wet under the tub.\n"
        "\n"
        "Laundry\n"
        "  1  cabinet base, back .............. 36 WME\n"
        "  2  floorboard under tub ............ 27 WME\n"
        "\n"
        "Works\n"
        "1. Sanding: sand the laundry floorboards once dry.\n"
        "2. Demolition under containment: remove the tub cabinet and the wall lining.\n"
    )
    assert {(value, where) for value, where, *_ in found} >= {(36.0, "Laundry"), (27.0, "Laundry")}
    assert not any(where.startswith("Demolition") for _, where, *_ in found)


# --- a numbered legend without separators, and the tables that give its points' values ---------

_NUMBERED_LEGEND = (
    "Hot water unit leak at 7 Gull St, Hobart TAS 7000 on 2 April 2026. Attended 2 April 2026.\n"
    "Ward 3 and the nurses station affected, vinyl and plasterboard wet.\n"
    "Points\n"
    "1 Ward 3 plasterboard behind bed 2, 150 mm AFF\n"
    "2 Ward 3 timber skirting by door\n"
    "3 Station plasterboard under bench\n"
    "4 Ward 6 plasterboard - dry standard\n"
    "Readings (Protimeter, REL on plasterboard)\n"
)


def test_a_space_named_by_a_word_and_its_number_opens_a_definition() -> None:
    # ("Ward 3", "bed 2": a name's number, no reading; the lexicon knows neither word)
    points = point_registry(_lines(_NUMBERED_LEGEND)).points
    assert {code: (point.room, point.reference) for code, point in points.items()} == {
        "1": ("Ward 3", False),
        "2": ("Ward 3", False),
        "3": ("Station", False),
        "4": ("Ward 6", True),
    }


@pytest.mark.parametrize(
    "line",
    [
        "1 Kitchen wall 34",  # (a place and its reading)
        "2 Bay 3 slab 5.6",  # (a named bay, then the slab's value)
        "3 lounge skirting 19",
    ],
)
def test_a_place_with_a_value_after_it_defines_no_point(line: str) -> None:
    assert point_registry(_lines(f"{line}\n4 hall skirting by the door\n")).points.get(line[0]) is None


@pytest.mark.parametrize(
    "header",
    [
        "Date Point 1 Point 2 Point 3 Point 4",  # (a PDF's header, the word for a point before each)
        "Date #1 #2 #3 #4",
        "Day Pt.1 Pt.2 Pt.3 Pt.4",
        "Date | Pt 1 | Pt 2 | Pt 3 | Pt 4",  # (a Word table's)
    ],
)
def test_a_row_per_day_under_columns_headed_by_the_word_for_a_point(header: str) -> None:
    barred = " | " in header
    rows = ["2/4 610 28 420 90", "3/4 400 22 250 -", "5/4 150 15 120 88"]
    body = "\n".join(row.replace(" ", " | ") if barred else row for row in rows)
    found = _readings(f"{_NUMBERED_LEGEND}{header}\n{body}\n")
    placed = {(value, where, day, reference) for value, where, _, day, reference in found}
    assert (610.0, "Ward 3", date(2026, 4, 2), False) in placed
    assert (250.0, "Station", date(2026, 4, 3), False) in placed
    assert (88.0, "Ward 6", date(2026, 4, 5), True) in placed
    assert len(found) == 11  # (the dash: no reading)


@pytest.mark.parametrize(
    "header",
    [
        "Pt Apr 2 Apr 3 Apr 5",  # (month first: "2 Apr 3" is no day)
        "Point Apr 2nd Apr 3rd Apr 5th",
        "Pt 2 Apr 3 Apr 5 Apr",  # (day first, as before)
        "Pt | Apr 2 | Apr 3 | Apr 5",
    ],
)
def test_a_row_per_point_under_columns_of_days(header: str) -> None:
    barred = " | " in header
    rows = ["1 610 400 150", "2 28 22 15", "3 420 250 120", "4 90 - 88"]
    body = "\n".join(row.replace(" ", " | ") if barred else row for row in rows)
    found = _readings(f"{_NUMBERED_LEGEND}{header}\n{body}\n")
    placed = {(value, where, day, reference) for value, where, _, day, reference in found}
    assert (610.0, "Ward 3", date(2026, 4, 2), False) in placed
    assert (22.0, "Ward 3", date(2026, 4, 3), False) in placed
    assert (120.0, "Station", date(2026, 4, 5), False) in placed
    assert (88.0, "Ward 6", date(2026, 4, 5), True) in placed
    assert len(found) == 11


def test_a_list_of_works_under_days_is_no_table_of_points() -> None:
    # (numbered works, not points: their numbers head no row of readings)
    found = _readings(
        "Hot water unit leak at 7 Gull St, Hobart TAS 7000 on 2 April 2026. Attended 2 April 2026.\n"
        "Ward 3 affected, vinyl wet.\n"
        "Works Apr 2 Apr 3 Apr 5\n"
        "1 Lift vinyl 12 m2\n"
        "2 Remove skirting 9 lm\n"
    )
    assert not found


# --- a defined point's value over 100 on the relative scale the job names ----------------------


@pytest.mark.parametrize(
    ("meter", "rows", "expected", "absent"),
    [
        # the meter's clause names the relative mode for a surface that is no material (a partition)
        (
            "Meter: Protimeter, floor on pins WME, partition in search mode, relative.",
            "Readings as transcribed.\n"
            "Points K1 kitchen floor at the tub, K2 partition laundry side 150 mm up.\n"
            "  K1  33 on 12/11, 25 on 14/11\n"
            "  K2  540, then 330\n",
            {(540.0, "REL"), (330.0, "REL"), (33.0, "WME")},
            set(),
        ),
        # another wording: a scanner "(relative)" beside pins in %MC, values after an equals sign
        (
            "Pin meter in %MC on the boards; the wall scanner reads a relative number.",
            "Points A hallway boards by the door, B hallway wall behind the door.\n12/11: A = 24, B = 410\n",
            {(410.0, "REL"), (24.0, "%MC")},
            set(),
        ),
        # the near miss: no relative scale named anywhere, so 540 is on no scale the job reads
        (
            "Meter: Protimeter on pins, WME throughout.",
            "Readings as transcribed.\n"
            "Points K1 kitchen floor at the tub, K2 partition laundry side 150 mm up.\n"
            "  K1  33 on 12/11, 25 on 14/11\n"
            "  K2  540, then 330\n",
            {(33.0, "WME")},
            {540.0, 330.0},
        ),
    ],
)
def test_a_points_value_over_100_is_on_the_relative_scale_the_job_names(
    meter: str, rows: str, expected: set[tuple[float, str]], absent: set[float]
) -> None:
    text = (
        "Claim 77-1203, 2 Tui Lane, Dunedin 9010. Laundry tub overflowed 11/11/2026; laundry and kitchen wet."
        f"\nAttended 12/11/2026. {meter}\n{rows}"
    )
    found = {(r.value, r.unit) for r in analyze_text(text).moisture_readings}
    assert expected <= found
    assert not {value for value, _ in found} & absent


# --- a labelled legend of numbered points parted by slashes, values as "ID-value" ---------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Points: 1 VCT at till / 2 LVT under the bench / R1 drywall in the office (dry std)",
            {"1": ("vinyl", False), "2": ("vinyl", False), "R1": ("drywall", True)},
        ),
        # another label, words in capitals and a ";" before the reference
        (
            "Pts - 1 MDF plinth at basin / 2 OSB under cistern; REF bedroom wall (unaffected)",
            {"1": ("particleboard", False), "2": ("plywood", False), "REF": ("", True)},
        ),
    ],
)
def test_a_labelled_legend_of_numbered_points_parted_by_slashes(
    line: str, expected: dict[str, tuple[str, bool]]
) -> None:
    points = point_registry(_lines(line)).points
    found = {
        code: (point.material.key if point.material else "", point.reference)
        for code, point in points.items()
    }
    assert found == expected


@pytest.mark.parametrize(
    "line",
    [
        "Set 2 / 3 air movers in the hall",  # no label: counts parted by a slash
        "Points: 2 / 3 dry",  # a label, but no point's words
    ],
)
def test_slashes_between_numbers_that_are_no_legend(line: str) -> None:
    assert point_registry(_lines(line)).points == {}


@pytest.mark.parametrize(
    "line",
    [
        "1-30  2-19  R1-14    (3 not read)",
        "1=30, 2=19, R1=14 (3 cut out)",
    ],
)
def test_a_run_of_values_by_point_ends_at_a_bracketed_note_opening_with_a_point(line: str) -> None:
    run = keyed_values(line, {"1", "2", "3", "R1"})
    assert run is not None
    assert [(value.code, value.value) for value in run.values] == [("1", 30.0), ("2", 19.0), ("R1", 14.0)]


_SLASHED_LEGEND = """Burst fridge line, 7 Birch Ave, Brandon MB R7A 1A1. Kitchen floor wet. Class 1.
2026-03-09 (Mon) on site. Meter: Tramex ME5 - wood scale (%MC) on the plywood, reference scale on the LVT.
Points: 1 LVT at fridge / 2 LVT by island / 3 plywood toe kick / R1 LVT in the mudroom (dry std)
  1-48  2-30  3-22  R1-12
2026-03-10 (Tue)
  1-25  3-17  R1-12    (2 at goal, not re-read)
"""


def test_values_by_point_after_a_slashed_legend_are_read_each_visit() -> None:
    found = {(r.value, r.taken_on, r.is_reference) for r in analyze_text(_SLASHED_LEGEND).moisture_readings}
    assert {
        (48.0, date(2026, 3, 9), False),
        (30.0, date(2026, 3, 9), False),
        (22.0, date(2026, 3, 9), False),
        (12.0, date(2026, 3, 9), True),
        (25.0, date(2026, 3, 10), False),
        (17.0, date(2026, 3, 10), False),
        (12.0, date(2026, 3, 10), True),
    } <= found
    assert len(found) == 7


@pytest.mark.parametrize(
    "line",
    [
        "Tue 6/3: K1 31 K2 - (kick removed Monday) DS 12",
        "6/3 - K1 31, K2 n/r (board cut out 5/3), DS 12",
    ],
)
def test_a_bracketed_remark_between_items_keeps_the_run(line: str) -> None:
    run = keyed_values(line, {"K1", "K2", "DS"})
    assert run is not None
    assert [(value.code, value.value) for value in run.values] == [("K1", 31.0), ("DS", 12.0)]


def test_a_bracketed_remark_with_no_item_after_it_ends_the_run() -> None:
    # the near miss: the remark is the line's last words, a note on the run, not a part of it
    run = keyed_values("6/3 - K1 31 K2 27 (then we left) and 4 more to come", {"K1", "K2"})
    assert run is None


@pytest.mark.parametrize(
    ("legend", "rooms"),
    [
        # (a place the vocabulary does not know, by a short word, and one opening with "dry")
        (
            "A1 = wash bay wall, GIB (ME5 %)\nA2 = dry store shelf kick, MDF (%MC)\nA3 = dry store wall, GIB",
            {"A1": "wash bay", "A2": "dry store", "A3": "dry store"},
        ),
        (
            "P1 - kiln bay door jamb, pine\nP2 - dry room wall, plasterboard\nP3 - dry room floor, slab",
            {"P1": "kiln bay", "P2": "dry room", "P3": "dry room"},
        ),
    ],
)
def test_places_by_short_words_or_opening_with_dry_are_the_points_rooms(
    legend: str, rooms: dict[str, str]
) -> None:
    registry = point_registry(_lines(legend))
    assert {code: point.room for code, point in registry.points.items()} == rooms


def test_a_dry_mark_is_still_no_point() -> None:
    # the near miss: a legend of marks, "D = dry (under 17)", defines no point
    registry = point_registry(_lines("W = wet, over 20\nB = borderline (17-20)\nD = dry (under 17)"))
    assert registry.points == {}


@pytest.mark.parametrize(
    "legend",
    [
        # (the meter's reference scale named in a point's bracket, and a dash after the slashed ID)
        "1 - shop carpet by the till (ME5 ref)\n2 - shop drywall N wall (%)\n"
        "S1 - office drywall, dry std (%) / S2 - office carpet, dry std (ME5 ref)",
        "1 - shop carpet by the till (Tramex reference)\n2 - shop drywall N wall (%)\n"
        "S1 - office drywall, dry std (%) / S2 - office carpet, dry std (Tramex reference)",
    ],
)
def test_a_meters_reference_scale_is_no_dry_standard(legend: str) -> None:
    text = "Sprinkler head broke in the shop, 4 Ash Rd, Dubbo NSW 2830. Office not affected, dry standards.\n"
    registry = point_registry(_lines(text + legend))
    points = registry.points
    assert not points["1"].reference
    assert not points["2"].reference
    assert sorted(code for code, point in points.items() if point.reference) == ["S1", "S2"]


def test_a_point_said_not_to_be_a_reference_is_none() -> None:
    # the near miss: the words name a reference only to deny it
    registry = point_registry(
        _lines("1 - shop carpet by the till\n2 - shop carpet at the door - edge of the wet, not a reference")
    )
    assert not registry.points["2"].reference


@pytest.mark.parametrize(
    ("line", "tail"),
    [
        ("Readings 09/11: K1 25 / K2 21 / DS 11 / lounge wall 10", "lounge wall 10"),
        ("Re-check Tue 10/11 - K1 25 / K2 21 / DS 11 / study skirting 12 (dry)", "study skirting 12 (dry)"),
    ],
)
def test_a_visits_label_and_words_after_a_slash_keep_the_run(line: str, tail: str) -> None:
    run = keyed_values(line, {"K1", "K2", "DS"})
    assert run is not None
    assert [(value.code, value.value) for value in run.values] == [("K1", 25.0), ("K2", 21.0), ("DS", 11.0)]
    assert run.tail is not None and line[run.tail :] == tail


def test_two_slashed_items_and_words_are_no_run() -> None:
    # the near miss: too few items before the words for a run of points
    assert keyed_values("09/11: K1 25 / lounge wall 10", {"K1", "K2", "DS"}) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a member's code glued to its number is no reading; a room it lies toward is no room
            " 1  laundry particleboard at the trough, from below\n"
            " 2  bearer B3 under the trough\n"
            " 3  stud S12-S13, two bays towards the lounge\n",
            {"1": "laundry", "2": "laundry", "3": "laundry"},
        ),
        (  # other IDs, another direction word, a fitting's code
            "P1 - ensuite vanity kick, particleboard\n"
            "P2 - joist J7 facing the study\n"
            "P3 - wall by window W2\n",
            {"P1": "ensuite", "P2": "ensuite", "P3": "ensuite"},
        ),
    ],
)
def test_codes_and_directions_in_a_definition_are_no_readings_and_no_rooms(
    text: str, expected: dict[str, str]
) -> None:
    registry = point_registry(_lines(text))
    assert {code: point.room for code, point in registry.points.items()} == expected


@pytest.mark.parametrize(
    "text",
    [
        " 1  laundry particleboard at the trough\n 2  joist 27\n",  # (a bare number: the joist's reading)
        " 1  laundry particleboard at the trough\n 2  joist J4 read 27\n",
    ],
)
def test_a_bare_number_beside_a_code_is_still_a_reading(text: str) -> None:
    assert "2" not in point_registry(_lines(text)).points


@pytest.mark.parametrize(
    ("text", "code", "room"),
    [
        ("Map of the bathroom.\n   R = bedroom 2 wall (same plasterboard, unaffected)\n", "R", "bedroom 2"),
        ("Ensuite map below.\nDS2 = study skirting\nThe map is not to scale.\n", "DS2", "study"),
    ],
)
def test_an_id_set_equal_to_a_place_defines_on_its_own_line(text: str, code: str, room: str) -> None:
    points = point_registry(_lines(text)).points
    assert points[code].room == room and points[code].reference


@pytest.mark.parametrize("text", ["Readings:\n   R = 12\n", "Settings:\nA = search mode\n"])
def test_an_equation_with_a_value_or_no_place_defines_nothing(text: str) -> None:
    assert point_registry(_lines(text)).points == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # spaces the vocabulary does not know, in short words; a meter's model code
            "Point key\n"
            "W1 = wash bay wall, GIB behind cladding (Tramex ME5, %)\n"
            "W2 = dry store wall, GIB (ME5 %)\n"
            "W3 = cool room floor, slab (Tramex CME5 concrete scale %)\n",
            {"W1": "wash bay", "W2": "dry store", "W3": "cool room"},
        ),
        (  # another separator, another model code, a stock room
            "A1 - tool bay skirting - pins (MMS3)\nA2 - dry goods wall - search\n",
            {"A1": "tool bay", "A2": "dry goods"},
        ),
    ],
)
def test_a_short_worded_space_and_a_meters_model_leave_a_definition_whole(
    text: str, expected: dict[str, str]
) -> None:
    points = point_registry(_lines(text)).points
    assert {code: points[code].room for code in expected} == expected


def test_a_state_mark_is_still_no_point() -> None:
    # the near miss: "D = dry (under 17)" marks a state, "W = wet" too; "dry store" above is a space
    assert point_registry(_lines("Key:\nD = dry (under 17)\nW = wet, over 20\n")).points == {}


@pytest.mark.parametrize(
    "text",
    [
        "C1 salon ceiling by the rose, C2 salon ceiling over basin 2, C3 salon wall PB 300 AFF, C4 floor",
        "C1 salon ceiling by the rose / C2 salon ceiling 2 in. AFF / C3 salon wall PB / C4 salon floor",
    ],
)
def test_definitions_part_after_a_number_or_a_capitals_abbreviation(text: str) -> None:
    assert sorted(point_registry(_lines(text)).points) == ["C1", "C2", "C3", "C4"]
