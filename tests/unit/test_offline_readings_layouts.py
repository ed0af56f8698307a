"""Readings laid out as a PDF's spaced table, a log or a list, where a word of the layout looks
like something else: a "Goal" column title that looks like a goal sentence, and a hotel's or a
block's room number that leads each row ("305 bath wall 410 260 140")."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _found(text: str) -> list[tuple[float, str, str, date | None]]:
    return [(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(text).moisture_readings]


_GOAL_COLUMN = """Drying report, 77 Pine St, Tulsa OK 74103. On site 04/06/2026.
Dishwasher supply failed overnight into the kitchen.
Moisture log (Tramex ME5 on drywall, pin meter %MC on wood)
Pt Location Material Goal 4/6 4/7 4/9
K1 Kitchen, sink wall drywall % 16 58 31 14
K2 Kitchen, toe kick MDF %MC 15 27 19 12
"""


def test_a_goal_column_title_is_no_goal_sentence_and_its_rows_are_read() -> None:
    # Given a PDF table whose header names a Goal column before the days
    found = _found(_GOAL_COLUMN)
    # Then each row's numbers after the goal are read on the days of the columns
    assert (58.0, "%MC", "Kitchen", date(2026, 4, 6)) in found or (
        58.0,
        "%",
        "Kitchen",
        date(2026, 4, 6),
    ) in found
    assert any(f[0] == 14.0 and f[3] == date(2026, 4, 9) for f in found)
    assert any(f[0] == 27.0 and f[3] == date(2026, 4, 6) for f in found)
    # and the goal is no reading
    assert not any(f[0] in (15.0, 16.0) for f in found)


_HOTEL_ROWS = """Hotel water loss, 10 Bay St, Savannah GA 31401.
Our arrival: 06/12/2026 8:15 PM. Guest in room 418 overflowed the tub.
Affected rooms
Room 418 bath floor and entry wall. Room 318 bath ceiling and entry ceiling.
Moisture readings - Protimeter, search mode (REL).
Point 6/12 6/13 6/15
418 entry wall 380 240 130
318 bath ceiling 720 400 190
"""


def test_rows_led_by_a_room_number_read_in_that_room_on_each_day() -> None:
    # Given a hotel's PDF log whose rows start with the guest room's number
    found = _found(_HOTEL_ROWS)
    values = {(value, taken_on) for value, _, _, taken_on in found}
    # Then the room number is no reading, and each cell is read on its column's day
    assert (380.0, date(2026, 6, 12)) in values
    assert (130.0, date(2026, 6, 15)) in values
    assert (190.0, date(2026, 6, 15)) in values
    assert not any(value in (418.0, 318.0) for value, _, _, _ in found)
    by_value = {value: location for value, _, location, _ in found}
    assert "318" in by_value[720.0] and "418" in by_value[240.0]


def test_our_arrival_gives_the_inspection_date() -> None:
    # Given a report that dates the crew's arrival under "Our arrival:"
    findings = analyze_text(_HOTEL_ROWS)
    # Then that is the inspection date
    job = findings.job
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 6, 12)


_CODED_ROWS = """Tech notes, job 4410, 88 Birch Rd, Helena MT 59601
12/03/26 arr 9:10. Kitchen sink supply let go under the cabinet.
Kitchen 12x10, vinyl and cabinets wet. Dining room carpet wet along the kitchen side.
Bed 2 carpet dry.
Meter: Protimeter, WME on DW, wood scale %MC on ply / trim.
Std (bed 2): DW 9 WME
Pts:        12/3   12/5   12/7
 K1 DW sink   38     24     12
 K2 ply sub   31     22     15
 DR1 base     26     18     13
"""


def test_coded_rows_under_a_line_of_days_are_read_in_the_room_of_their_initials() -> None:
    # Given a technician's table under "Pts:" whose codes are the rooms' initials, just after a
    # dry standard taken in another room
    found = _found(_CODED_ROWS)
    # Then each row is read in the room its code stands for, on the scale of its shorthand's
    # material, and none of them is the dry standard's room
    assert (38.0, "WME", "Kitchen", date(2026, 12, 3)) in found
    assert (12.0, "WME", "Kitchen", date(2026, 12, 7)) in found
    assert (31.0, "%MC", "Kitchen", date(2026, 12, 3)) in found
    assert (26.0, "%MC", "Dining room", date(2026, 12, 3)) in found
    assert (13.0, "%MC", "Dining room", date(2026, 12, 7)) in found
    references = [r for r in analyze_text(_CODED_ROWS).moisture_readings if r.is_reference]
    assert [r.value for r in references] == [9.0]


def test_a_meters_wood_setting_gives_the_scale_of_every_wooden_surface() -> None:
    # Given a log whose preamble names drywall's scale and the wood setting's
    text = (
        "Claim log, 4 Elm Ct, Boise ID 83702. Vendor on site 03/02/2026.\n"
        "Laundry and hall wet from the washer hose.\n"
        "Readings (Protimeter; DW in WME, wood in %MC):\n"
        "   Point              3/2   3/4\n"
        "   Laundry drywall     35    17\n"
        "   Hall baseboard      24    13\n"
    )
    found = _found(text)
    # Then the baseboard is on the wood scale and the drywall on WME
    assert (24.0, "%MC", "Hall", date(2026, 3, 2)) in found
    assert (35.0, "WME", "Laundry", date(2026, 3, 2)) in found


_QUOTED_ROWS = """Subject: RE: Maple Court - toilet supply, west wing
> Affected: room 214, the west corridor and the doorway of room 216.
> Room 214 (12 x 11 ft): vinyl wet edge to edge, drywall wet low.
> Readings - Tramex, reference scale on drywall.
>   Point                    Mar 3   Mar 4   Mar 6
>   214 wall by window         82      55      21
>   West corridor wall         60      34      18
>   216 wall at door           41      23      14
"""


def test_quoted_email_rows_led_by_room_numbers_are_those_rooms_readings() -> None:
    # Given a quoted e-mail whose readings table leads rows with the rooms' numbers
    found = {(value, location) for value, _, location, _ in _found(_QUOTED_ROWS)}
    # Then each such row is the numbered room's, not the room a line above was about
    assert {(82.0, "Room 214"), (55.0, "Room 214"), (21.0, "Room 214")} <= found
    assert {(41.0, "Room 216"), (14.0, "Room 216")} <= found
    assert not any(value in (214.0, 216.0) for value, _ in found)


_IN_ORDER = """Water damage report, 9 Quay St, Fremantle WA 6160. Attended 05/11/2026.
Laundry flooded from the washer hose; the hallway carpet wet beside it.
MC - Protimeter, plasterboard in WME, skirting in WME.
05/11 - laundry plasterboard 34, laundry skirting 27, hallway skirting 22
07/11 - 21, 18, 15
09/11 - 14, 12, 11 (same order)
"""


def test_a_later_visit_given_by_position_takes_the_earlier_points_in_order() -> None:
    # Given a visit's readings with their places, then later visits' numbers alone in that order
    found = _found(_IN_ORDER)
    # Then each number is the reading of the point in the same place of the first list, that day
    assert (21.0, "WME", "Laundry", date(2026, 11, 7)) in found
    assert (18.0, "WME", "Laundry", date(2026, 11, 7)) in found
    assert (15.0, "WME", "Hallway", date(2026, 11, 7)) in found
    assert (11.0, "WME", "Hallway", date(2026, 11, 9)) in found
    assert len(found) == 9


def test_numbers_alone_with_no_list_of_as_many_before_are_not_placed() -> None:
    # Given a later line whose count matches no list above
    text = _IN_ORDER.replace("07/11 - 21, 18, 15", "07/11 - 21, 18, 15, 13")
    found = _found(text)
    # Then its numbers are not given the earlier places
    assert not any(taken_on == date(2026, 11, 7) for _, _, _, taken_on in found)


def test_a_row_whose_number_follows_a_room_word_still_fills_its_columns() -> None:
    # Given a spaced table row whose place ends "into room" before its first day's number
    text = (
        "Drying log, 5 Lake Rd, Duluth MN 55803. Initial inspection: 02/03/2026.\n"
        "Dining room oak floor wet from the radiator valve.\n"
        "P#   Location                        2/3    2/5    2/7\n"
        "P1   dining oak 3 ft into room         19     15     11\n"
    )
    found = _found(text)
    # Then each column's number is read on its day, none shifted
    assert (19.0, "%", "Dining room", date(2026, 2, 3)) in found or any(
        f[0] == 19.0 and f[3] == date(2026, 2, 3) for f in found
    )
    assert any(f[0] == 11.0 and f[3] == date(2026, 2, 7) for f in found)


def test_a_number_in_a_map_rows_words_is_not_its_reading_after_an_equals_sign() -> None:
    # Given a numbered map whose row names an aisle by its number before "= value"
    text = (
        "Commercial loss, 12 Oak Blvd, Reno NV 89501. On site 5/4/2026.\n"
        "Warehouse floor wet from a roof drain. Meter: Tramex CME, concrete scale.\n"
        "Readings\n"
        "Day 1, 5/4:\n"
        "  Pt 1 warehouse concrete at drain = 44\n"
        "  Pt 2 warehouse concrete, aisle 9 end = 29\n"
    )
    values = [value for value, _, _, _ in _found(text)]
    # Then the value after "=" is read and the aisle's number is not
    assert 29.0 in values and 44.0 in values
    assert 9.0 not in values


def test_a_listed_legend_point_in_a_space_the_vocabulary_does_not_know_keeps_its_place() -> None:
    # Given a point legend, a point to a line, two of whose points are in a "boot store" (no room
    # word the vocabulary knows), then a wide table of visits by point code
    text = (
        "Flood report, 3 Mill Row, Hebden Bridge HX7 8AA. Attended 02/12/2026.\n"
        "Cellar den and boot store flooded by the river.\n"
        "Moisture points\n"
        "P1 den plaster, S wall (REL)\n"
        "P2 boot store plaster, N wall (REL)\n"
        "P3 boot store door frame (WME)\n"
        "Date P1 P2 P3\n"
        "02/12/2026 610 580 33\n"
        "05/12/2026 300 260 21\n"
    )
    found = _found(text)
    # Then the boot store's points are read in the boot store, the door frame's too
    assert (580.0, "REL", "Boot store", date(2026, 12, 2)) in found
    assert (33.0, "WME", "Boot store", date(2026, 12, 2)) in found
    assert (21.0, "WME", "Boot store", date(2026, 12, 5)) in found


def test_a_headed_pdf_legend_whose_meter_cells_wrapped_is_read_as_one_legend() -> None:
    # Given a PDF legend under its header whose meter cells wrapped onto lines of their own, the
    # stairwell's point naming no material the vocabulary knows
    text = (
        "Drying record, 7 Elm Close, Didcot OX11 7AA. First visit: 10/03/2026.\n"
        "Tank overflow through the stairwell and bedroom 1 ceilings.\n"
        "Code Level Room Material Instrument / scale\n"
        "B1 First floor Bedroom 1 ceiling plasterboard\n"
        "Protimeter MMS3\n"
        "non-invasive, relative\n"
        "B2 First floor Bedroom 1 pine floorboards Protimeter MMS3 pins, %WME\n"
        "B3 First floor Stairwell textured ceiling\n"
        "Protimeter MMS3\n"
        "non-invasive, relative\n"
        "Date B1 B2 B3\n"
        "10/03/2026 720 26 650\n"
        "12/03/2026 380 19 310\n"
    )
    found = {(value, unit, taken_on) for value, unit, _, taken_on in _found(text)}
    # Then the stairwell's point is on its meter's relative scale, read each day
    assert (650.0, "REL", date(2026, 3, 10)) in found
    assert (310.0, "REL", date(2026, 3, 12)) in found
    assert (26.0, "WME", date(2026, 3, 10)) in found


_WRAPPED_ROWS = """Mitigation report, 40 Pine Rd, Fargo ND 58102. Date of first inspection: 02/09/2026.
Affected: Office 2 and Office 3. Not affected: Office 1 (dry standard).
3. MOISTURE READINGS
Meter: Delmhorst, drywall scale (relative).
Point Room Material / location 02/09 02/10 02/11
1 Office 2 Drywall, N wall, 6 in. 88 54 20
2 Office 3
Drywall at
Office 2 door, 4
in.
47 25 14
DS Office 1
Drywall,
unaffected, 6
in.
10 11 10
"""


def test_a_pdf_row_whose_label_wrapped_with_its_height_gives_no_height_reading() -> None:
    # Given a PDF table whose label cells wrapped, a height's number parted from its unit
    found = _found(_WRAPPED_ROWS)
    values = [value for value, _, _, _ in found]
    # Then the heights are no readings; the dry standard's row is read on its days
    assert 4.0 not in values and 6.0 not in values
    assert (10.0, "REL", "Office 1", date(2026, 2, 9)) in found
    assert (11.0, "REL", "Office 1", date(2026, 2, 10)) in found
    # and a row whose own room wrapped away is not given the room it is only beside
    assert not any(location == "Office 2" and value == 47.0 for value, _, location, _ in found)


_ARROW_LOG = """Site notes. Laundry tub overflowed upstairs 2026-03-07, water through to the family room.
- Upstairs landing: carpet wet, particleboard floor under it
- Family room 5 x 4 m: ceiling stained, plasterboard wall under it

Readings (Protimeter - REL on plasterboard, %MC on timber)  8/3 -> 10/3 -> 12/3
L1 landing particleboard by tub   27 -> 19 -> 14
F1 family ceiling centre         640 -> 300 -> 150
Standards 8/3: study ceiling 100, bed 3 particleboard 11%MC.
"""


def test_a_trend_log_under_arrowed_days_reads_one_value_a_day() -> None:
    found = {(r.value, r.taken_on) for r in analyze_text(_ARROW_LOG).moisture_readings}
    assert (19.0, date(2026, 3, 10)) in found
    assert (14.0, date(2026, 3, 12)) in found
    assert (300.0, date(2026, 3, 10)) in found
    assert (150.0, date(2026, 3, 12)) in found


def test_a_list_of_places_after_a_trend_log_is_no_row_of_it() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_ARROW_LOG).moisture_readings}
    assert (11.0, "Bedroom 3", date(2026, 3, 8)) in found
    assert (100.0, "Study", date(2026, 3, 8)) in found


_WRAPPED_CELL = """Mould and moisture report, 14 Rue Main, Moncton NB E1C 1B1. Inspected 2026-03-03.
Laundry: plaster wet at the base, pine skirting swollen. Hallway dry (used for reference).
Location Material Reading
Laundry wall at tub plaster 40
Laundry skirting at
hallway door pine skirting 22 %MC
Hallway wall plaster 11
"""


def test_a_cell_wrapped_after_at_carries_on_though_its_next_line_names_a_room() -> None:
    found = {(r.value, r.location, r.is_reference) for r in analyze_text(_WRAPPED_CELL).moisture_readings}
    assert (22.0, "Laundry", False) in found  # (the hallway door is where on the laundry skirting)
    assert (11.0, "Hallway", True) in found  # (a row of its own: the line before ends its cell)


_READINGS_TABLE = """Drying log, 14 Ash Grove, Hamilton 3204. First visit 03/02/2026.
Cat 1 from the ensuite cistern; ensuite and study carpet wet.
| Pt | Where | Material | 03/02 | 04/02 | 05/02 |
| 1 | Study wall | GIB | 61 | 40 | 22 |
| 2 | Ensuite skirting | MDF | 29 | 21 | 15 |
"""
# Tables of units on site by day after the readings, titled in other words: their counts are no readings
_EQUIPMENT_TABLES = [
    "| Equipment | 03/02 | 04/02 | 05/02 |\n| Fans | 6 | 6 | 3 |\n| Dehus | 2 | 2 | 1 |\n",
    "| Units on site | Day 1 | Day 2 | Day 3 |\n| Air movers | 6 | 4 | 0 |\n| LGR | 2 | 2 | 0 |\n",
    "| Plant | 03/02 | 04/02 | 05/02 |\n| Blower | 5 | 5 | 2 |\n| Desiccant | 1 | 1 | 1 |\n",
]


def test_a_table_of_equipment_counts_by_day_gives_no_readings() -> None:
    for table in _EQUIPMENT_TABLES:
        values = sorted(value for value, _, _, _ in _found(_READINGS_TABLE + table))
        # Then only the readings table's six values are read, none of the counts
        assert values == [15.0, 21.0, 22.0, 29.0, 40.0, 61.0], table


def test_a_readings_table_with_an_equipment_column_is_still_read() -> None:
    # the near miss: a readings table whose notes column is titled "Equipment"
    text = (
        "First visit 3 Feb 2026. Study carpet wet from the cistern.\n"
        "| Point | 3 Feb | 4 Feb | Equipment |\n"
        "| Study wall GIB | 61 | 40 | 2 fans |\n"
    )
    found = [(value, day) for value, _, _, day in _found(text)]
    assert (61.0, date(2026, 2, 3)) in found
    assert (40.0, date(2026, 2, 4)) in found


# A column of later visits, each value with its own day in the cell, under other titles and forms.
_LATER_VISITS = [
    (
        "Pt | Where | Material | First 3 Jun | Follow-up readings\n"
        "A | Den wall | gypsum | 58 | 31 on 5 Jun; 17 on 7 Jun\n",
        [(58.0, date(2026, 6, 3)), (31.0, date(2026, 6, 5)), (17.0, date(2026, 6, 7))],
    ),
    (
        "| No. | Where | 3 Jun | Re-reads |\n| 1 | Den wall, gypsum | 58 | 31 (5 Jun), 17 (7 Jun) |\n",
        [(58.0, date(2026, 6, 3)), (31.0, date(2026, 6, 5)), (17.0, date(2026, 6, 7))],
    ),
]


def test_a_column_of_later_visits_gives_each_value_on_its_own_day() -> None:
    head = "Inspected 3 June 2026 at 8 Kauri Lane, Nelson 7010. The den carpet and wall got wet.\n"
    for table, expected in _LATER_VISITS:
        found = [(value, day) for value, _, place, day in _found(head + table) if place == "Den"]
        assert sorted(found) == sorted(expected), table


def test_a_later_visits_cell_of_notes_gives_no_reading_and_keeps_the_first() -> None:
    # the near miss: "removed 5 Jun (cut out)" names a day but holds no reading, and no equipment
    text = (
        "Inspected 3 June 2026 at 8 Kauri Lane, Nelson 7010. The den carpet and wall got wet.\n"
        "Pt | Where | Material | First 3 Jun | Later visits\n"
        "A | Den wall | gypsum | 58 | removed 5 Jun (cut out)\n"
    )
    assert [(value, day) for value, _, _, day in _found(text)] == [(58.0, date(2026, 6, 3))]
