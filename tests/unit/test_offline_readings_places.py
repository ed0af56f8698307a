"""Where readings were taken when their own words name only a surface or a point: wide tables
with a column per point, and lists that name a wall described under a room earlier."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_places import surface_words
from chalicelib.analysis.offline.readings import MaterialFinder, materials_in, readings_in


def _readings(text: str) -> list[tuple[float, str, date | None, bool]]:
    findings = analyze_text(text)
    return [
        (reading.value, reading.location, reading.taken_on, reading.is_reference)
        for reading in findings.moisture_readings
    ]


_WIDE_TABLE = """Claim 55-1020. Inspected 14/03/2026.
Pantry tap left running overnight. The pantry floor and the den carpet were wet.
Pantry, 3 x 2 m: vinyl wet against the shelving. Den, 4 x 4 m: carpet wet along the pantry wall.

Meter: pin meter, %MC.
| Date | P1 shelving | P2 doorway | D1 den wall | D2 den corner | REF study floor |
| 14/3 | 30 | 26 | 22 | 18 | 9 |
| 16/3 | 20 | 17 | 15 | 12 | 9 |
"""


def test_a_wide_table_reads_each_cell_at_its_column_and_its_row_date() -> None:
    # Given a drying log with a row per day and a column per point, the dry standard last
    found = _readings(_WIDE_TABLE)
    # Then every cell is a reading on its row's day, the REF column a dry standard
    assert (30.0, "Pantry", date(2026, 3, 14), False) in found
    assert (15.0, "Den", date(2026, 3, 16), False) in found
    assert (9.0, "Study", date(2026, 3, 16), True) in found or (
        9.0,
        "Study floor",
        date(2026, 3, 16),
        True,
    ) in found
    assert len(found) == 10
    # "D1" heads a point in the den, not the first day of a day-by-day table
    assert not any(reading[1] == "unspecified" for reading in found)


def test_a_column_headed_day_one_is_still_a_day() -> None:
    # Given a table whose columns are days, not points
    text = (
        "Laundry floor wet. Inspected 14/03/2026.\n\nMoisture readings (%MC)\n"
        "| Location | Day 1 | Day 2 |\n| Laundry skirting | 25 | 14 |\n"
    )
    found = _readings(text)
    # Then each number is the laundry's, on its day
    assert [(value, day) for value, _, day, _ in found] == [
        (25.0, date(2026, 3, 14)),
        (14.0, date(2026, 3, 15)),
    ]


_SURFACE_LIST = """Job 1188. Inspected 14/07/2026.
Lounge: carpet wet, the drywall on the east wall wicked 300 mm.
Study: carpet damp by the door, the west wall is fine.

Readings (relative scale):
- east wall, 100 mm up: 61
- study carpet: 40
- 16/07: east wall 100 mm - 22, study carpet - 18
- 18/07: east wall 100 mm - 14, study carpet - 12
"""


def test_a_surface_described_under_a_room_places_its_later_readings() -> None:
    # Given a list that names only "east wall", described earlier under the lounge
    found = _readings(_SURFACE_LIST)
    # Then the east wall readings are the lounge's on every day, even after a line ending "study"
    assert (61.0, "Lounge", date(2026, 7, 14), False) in found
    assert (22.0, "Lounge", date(2026, 7, 16), False) in found
    assert (14.0, "Lounge", date(2026, 7, 18), False) in found
    assert (12.0, "Study", date(2026, 7, 18), False) in found


def test_a_surface_seen_in_two_rooms_stays_unplaced() -> None:
    # Given "north wall" described in two rooms
    text = (
        "Job 1189. Inspected 14/07/2026.\nKitchen: the north wall is wet at the base.\n"
        "Dining room: the north wall is wet too.\n\nReadings (WME):\n- north wall: 30\n- south wall: 28\n"
    )
    found = _readings(text)
    # Then neither room is guessed
    assert {location for _, location, _, _ in found} <= {"unspecified"}


def test_surface_words_leave_out_heights_dates_and_point_ids() -> None:
    assert surface_words('North wall, 6" above base') == ["north", "wall"]
    assert surface_words("- 01/20: N wall 30") == ["north", "wall"]
    assert surface_words('shared wall @ 4"') == ["shared", "wall"]
    assert surface_words("G2 free-throw line") == ["free-throw", "line"]
    assert surface_words("dry std") == []


def test_a_surface_given_only_its_height_is_on_the_wall_before_it() -> None:
    # Given a list whose later parts give only a height ("@ 8\": 22")
    text = (
        'Inspected 11/05/2026.\nBack office\n- drywall wicking on the west wall, 6-10" up\n\n'
        'Readings (drywall scale, no units)\n- west wall @ 4": 61\n- west wall @ 8": 47\n\n'
        '11/06\n- west wall @ 4": 30, @ 8": 21\n'
    )
    found = [(reading.value, reading.location) for reading in analyze_text(text).moisture_readings]
    assert (21.0, "Back office") in found
    assert (30.0, "Back office") in found
    # the heights are not readings
    assert not any(value in (4.0, 8.0) for value, _ in found)


def test_a_numbered_section_item_names_a_wing_of_its_own() -> None:
    text = (
        "Inspected 2026-03-16.\n- Boardroom: ceiling tiles wet. East wing: column wraps wet.\n\n"
        "5. Moisture readings, 2026-03-16\n- Boardroom, east wall: 80\n- East wing, column wrap C2: 50\n"
    )
    found = [(reading.value, reading.location) for reading in analyze_text(text).moisture_readings]
    assert (80.0, "Boardroom") in found
    # the wing is not the boardroom the line before named
    assert (50.0, "Boardroom") not in found


def test_a_pdf_row_whose_label_wrapped_onto_the_line_of_its_numbers() -> None:
    # Given a headerless table read out of a PDF: the point's words wrap, the last line of them
    # carries the numbers, and a word of it ("door") could pass for an opening's number
    text = (
        "Attended 24/02/2026. Bathroom and laundry flooded.\n\nMoisture readings\n"
        "Pins, %MC. The four numbers after each point are the readings on 24/02, 26/02, 28/02 and 02/03.\n"
        "P1 Laundry - bottom\nplate at door 36 28 20 15\n"
        "P2 Bathroom - bottom\nplate, west wall\n31 25 18 14\n"
    )
    found = [(reading.value, reading.location) for reading in analyze_text(text).moisture_readings]
    assert found == [
        (36.0, "Laundry"),
        (28.0, "Laundry"),
        (20.0, "Laundry"),
        (15.0, "Laundry"),
        (31.0, "Bathroom"),
        (25.0, "Bathroom"),
        (18.0, "Bathroom"),
        (14.0, "Bathroom"),
    ]


def test_a_paragraphs_readings_are_its_rooms_not_a_room_named_in_passing() -> None:
    # Given a paragraph about the den that names the laundry in passing before its readings
    text = (
        "First visit: 07/07/2025.\n\n"
        "The den (16 x 12 ft) took water over half the floor; the drywall wicked on the wall nearest the"
        " laundry. Readings on the drywall scale: 40% at 6 inches, 28% at 12 inches, 10% at 24 inches.\n"
        "The laundry (10 x 8 ft) has a painted slab; the drywall behind the washer read 33% at 6 inches.\n"
    )
    found = [(reading.value, reading.location) for reading in analyze_text(text).moisture_readings]
    assert found == [(40.0, "Den"), (28.0, "Den"), (10.0, "Den"), (33.0, "Laundry")]


def test_rooms_counted_by_number_are_not_readings() -> None:
    text = (
        "Inspected 19/11/2025. Meter: Protimeter, WME.\n"
        "Water came through the ceilings over Bedrooms 1, 2 and the hallway; carpet wet in all three.\n"
        "Flat 2, 41 Renshaw Road: kitchen wall 19 WME.\n"
    )
    values = [reading.value for reading in analyze_text(text).moisture_readings]
    assert values == [19.0]


def test_an_outside_wall_is_a_surface_not_the_air_outside() -> None:
    text = (
        "Inspected 05/04/2025. Meter: Protimeter, WME.\nBedroom 1: bottom plates wet.\n\nDRYING LOG (WME)\n"
        "| Point | Location | 05/04 | 07/04 |\n| B | Bedroom 1, bottom plate, outside wall | 33 | 21 |\n"
    )
    found = [(reading.value, reading.location) for reading in analyze_text(text).moisture_readings]
    assert found == [(33.0, "Bedroom 1"), (21.0, "Bedroom 1")]


def test_a_homeowner_email_lists_readings_after_the_meter_and_places_the_attic_ones() -> None:
    text = (
        "Inspected 11/03/2025.\n"
        "- The closet has mold on the ceiling. He showed me his meter: 36% on the closet ceiling, 22% high"
        " up on the back wall, and only 8% down near the floor.\n"
        "- Up in the attic the wood around the vent pipe is stained. The wood next to the pipe read 20% and"
        " the same roof boards about 10 feet away read 10%.\n"
    )
    found = [(reading.value, reading.location) for reading in analyze_text(text).moisture_readings]
    assert (36.0, "Closet") in found
    assert (22.0, "Closet") in found
    assert (8.0, "Closet") in found
    assert (20.0, "Attic") in found
    assert (10.0, "Attic") in found
    assert len(found) == 5  # "10 feet" is no reading


def test_a_side_named_for_a_room_is_not_that_room() -> None:
    # Given map points on the bathroom's walls, described by the room each side faces
    text = (
        "On site 6/14/2026. Basement bathroom and laundry area flooded.\n\nMoisture map\n"
        "A - laundry side wall of bath, bottom plate (pins) .... 31 %MC\n"
        'B - bath drywall, laundry side, 6" up (search) .... 640\n'
    )
    found = [(reading.value, reading.location) for reading in analyze_text(text).moisture_readings]
    assert found == [(31.0, "Basement bathroom"), (640.0, "Basement bathroom")]


def test_a_room_right_after_a_reading_owns_it() -> None:
    text = (
        "Inspected 18/11/2026. Rumpus and granny flat flooded; plasterboard removed.\n"
        "With the board off, the exposed studs read 27%MC in the rumpus and 30%MC in the granny flat,"
        " under our 16% goal.\n"
    )
    found = [(reading.value, reading.location) for reading in analyze_text(text).moisture_readings]
    # and "our 16% goal" is a goal, not a reading
    assert found == [(27.0, "Rumpus"), (30.0, "Granny flat")]


def test_a_numbered_reference_point_of_a_map() -> None:
    text = (
        "Attended 12/03/2026. Utility room flooded.\n\nMoisture map\n"
        "Meter: Tramex, relative scale, skirting with the pin probe in %MC.\n"
        "1  utility - wall behind washer, 100 mm up ........ 90\n"
        "11 REF front room - plaster wall, 100 mm up ........ 14\n"
        "12 REF front room - skirting (pin) ................. 11%MC\n"
    )
    found = [
        (reading.value, reading.location, reading.is_reference)
        for reading in analyze_text(text).moisture_readings
    ]
    assert found == [(90.0, "Utility room", False), (14.0, "Front room", True), (11.0, "Front room", True)]


def test_an_open_plan_office_named_by_its_adjective_in_a_table_row_is_the_place_read() -> None:
    # Given a readings table (as a PDF's text gives it) whose area cells say "Open-plan, ...", after a
    # line about a dry server room
    notes = (
        "Cause: sprinkler head struck in the open-plan office, Level 3.\n"
        "Address: 1 Main St, Osborne Park WA 6017\n"
        "- Open-plan office: about 140 m2 of carpet tiles wet over the slab.\n"
        "- Server room: door closed, no water entered.\n"
        "Moisture readings (Protimeter, relative)\n"
        "Point Area Material 15/06 17/06\n"
        "1 Open-plan, workstation row C Slab (carpet tiles lifted) 420 310\n"
        "2 Open-plan, east partition Plasterboard 45 27\n"
    )
    readings = analyze_text(notes).moisture_readings
    # Then the rows are the open-plan office's, none the dry server room's or a dry standard
    assert {reading.location for reading in readings} == {"Open-plan office"}
    assert not any(reading.is_reference for reading in readings)


def test_what_a_bracket_adds_is_not_the_material_read() -> None:
    # Given a material with a bracketed aside naming another material, then the reading
    text = "Office slab (carpet tiles lifted) 420 REL, partition plasterboard (behind the desk) 45 WME."
    materials = materials_in(text)
    readings = readings_in(text, materials)
    finder = MaterialFinder(text, materials)
    # Then each reading is of the material before the bracket
    assert [finder.for_reading(readings, index).name for index in range(len(readings))] == [  # type: ignore[union-attr]
        "slab",
        "plasterboard",
    ]


def test_outside_a_room_is_where_in_the_house_not_outdoors() -> None:
    # Given a moisture map point on the hallway skirting just outside the laundry
    notes = (
        "Cause: HWS failed in the laundry.\n"
        "Laundry and hallway carpet wet.\n"
        "Moisture map (Tramex, %MC on skirting)\n"
        "C Hallway, skirting outside laundry MDF skirting 28%\n"
    )
    readings = analyze_text(notes).moisture_readings
    # Then the reading is the hallway's, not an outdoor one
    assert [(reading.location, reading.value) for reading in readings] == [("Hallway", 28)]


_SHARED_THING = """Ice maker leak, 21 Elm St, Dayton OH. Inspected 9/19/2026.
Kitchen 14 x 12 ft and dining room 12 x 11 ft: oak flooring wet. Living room unaffected.
Moisture log (%MC)
| Date | K1 dishwasher | K2 island | D1 dining centre | SF subfloor under dishwasher | REF living room |
| 9/19 | 27 | 22 | 16 | 23 | 8 |
| 9/22 | 15 | 13 | 10 | 14 | 8 |
"""


def test_a_point_column_sharing_a_thing_with_a_rooms_point_is_in_that_room() -> None:
    found = {(r.value, r.location) for r in analyze_text(_SHARED_THING).moisture_readings}
    # the subfloor under the dishwasher is the kitchen's, as "K1 dishwasher" is
    assert (23.0, "Kitchen") in found and (14.0, "Kitchen") in found
    assert (16.0, "Dining room") in found


def test_a_numbered_point_naming_no_room_is_in_the_jobs_only_affected_room() -> None:
    # Given a job with one affected room, and points by number that name only surfaces
    text = """Attended 12/08/2026. Laundry tub tap left running.
Laundry 2.2 x 1.8 m, vinyl on slab, wall lining wet to 200 mm.
Meter: Protimeter, pins = WME, search = REL.

12/08
1 lining left of tub ........ 280 REL
2 cabinet kick MDF .......... 31 WME
"""
    found = [(r.value, r.location) for r in analyze_text(text).moisture_readings]
    # Then each is a reading of that room, not of an unspecified place
    assert (280.0, "Laundry") in found
    assert (31.0, "Laundry") in found


def test_a_point_at_a_ceiling_outlet_is_a_surface_not_a_units_air() -> None:
    # "at the outlet" places a point by an air-con outlet; a dehumidifier's outlet air is no reading
    notes = """Roof leak at 3 Kurrajong St, Wagga Wagga NSW. Attended 2/12/2026.
Family room ceiling stained around the air-con outlet; carpet wet under the drip.
Readings (Protimeter search REL, pins WME):
family room ceiling at the outlet 820, 1 m out 310; carpet 26 WME
"""
    found = {(r.location, r.value) for r in analyze_text(notes).moisture_readings}
    assert ("Family room", 820.0) in found
    assert ("Family room", 310.0) in found


# A list of readings whose every item opens with its own room, whatever parts the items.
_ROOM_ITEMS = [
    (
        "Sunroom wall 44 / spare room wall 37 / scullery wall 29\n",
        [(44.0, "Sunroom"), (37.0, "Spare room"), (29.0, "Scullery")],
    ),
    (
        "Sunroom wall 44%, spare room wall 37%; scullery wall 29%\n",
        [(44.0, "Sunroom"), (37.0, "Spare room"), (29.0, "Scullery")],
    ),
    (
        "12 Jun: sunroom skirting 21 MC | spare room skirting 18 MC | scullery wall 29\n",
        [(21.0, "Sunroom"), (18.0, "Spare room"), (29.0, "Scullery")],
    ),
]


def test_each_item_of_a_list_of_readings_is_read_in_the_room_it_opens_with() -> None:
    head = "Inspected 12/06/2026. Sunroom, spare room and scullery carpet wet from the tap.\n"
    for line, expected in _ROOM_ITEMS:
        found = [(value, place) for value, place, _, _ in _readings(head + line)]
        for value, room in expected:
            assert (value, room) in found, line


def test_a_room_named_beside_a_wall_in_a_sentence_still_only_places_it() -> None:
    # the near miss: no value and separator before the second room, which only places the stain
    text = (
        "Inspected 12/06/2026. Water from the sunroom tap.\n"
        "Stain on the sunroom ceiling by the scullery wall, plaster read 38.\n"
    )
    assert [(value, place) for value, place, _, _ in _readings(text)] == [(38.0, "Sunroom")]


def test_a_height_in_inches_ends_no_sentence() -> None:
    from chalicelib.analysis.offline.reading_sentence import sentence_start

    text = "5 block wall at 4 in. (boiler room)  2026-03-02: 83 REL   03-04: 70 REL   03-07: 52 REL"
    assert sentence_start(text, text.index("52")) == 0
    text = "B stud at 12in. (den) 31"
    assert sentence_start(text, text.index("31")) == 0
    # (a full stop after a word still ends the sentence)
    text = "Hall wall wet at the base. Den stud 31"
    assert sentence_start(text, text.index("31")) == text.index("Den")


# A PDF log whose point cell wrapped over several lines, one of them a word that could head a
# section ("equipment", "scope"), and rooms named for what is done in them ("Reading room",
# "Control room") that are neither a readings heading nor a dry standard.
_WRAPPED_LOG = (
    "Radio station flood, 8 Wharf St, Hobart TAS 7000. Attended 03/03/2026.\n"
    "Studio control room 5 x 4 m - carpet tile and plasterboard wet.\n"
    "Reading room 6 x 5 m - plasterboard wet along the east wall.\n"
    "Meter: Protimeter (WME). Unaffected: boardroom plasterboard 11.\n"
    "Pt Room Material 03/03 04/03 05/03\n"
    "1 Studio control plasterboard, N wall 40 28 19\n"
    "2 Studio control\nplasterboard,\nscope\nof works wall\n36 24 17\n"
    "3 Reading room plasterboard, E wall 33 21 15\n"
)


def test_a_wrapped_pdf_cell_and_rooms_named_for_their_use_read_in_their_rooms() -> None:
    found = {
        (r.value, r.location, r.taken_on, r.is_reference)
        for r in analyze_text(_WRAPPED_LOG).moisture_readings
    }
    rooms = {location for _, location, _, _ in found}
    control = next(room for room in rooms if room.lower().startswith("studio control"))
    assert (40.0, control, date(2026, 3, 3), False) in found
    assert (24.0, control, date(2026, 3, 4), False) in found  # (the wrapped row)
    assert (15.0, "Reading room", date(2026, 3, 5), False) in found  # (a row, no heading)


def test_a_control_reading_is_still_a_dry_standard() -> None:
    # ("control" before a material, in no room of that name: the dry standard)
    text = (
        "Attended 03/03/2026. Hall carpet and plasterboard wet.\n"
        "Readings (WME): hall plasterboard 38, control plasterboard 12\n"
    )
    found = {(r.value, r.is_reference) for r in analyze_text(text).moisture_readings}
    assert (12.0, True) in found and (38.0, False) in found


def test_a_bathroom_fitting_places_a_reading_in_the_one_bathroom() -> None:
    text = (
        "Attended 03/03/2026. Upstairs bathroom and the spare bedroom carpet wet.\n"
        "Readings (Protimeter, WME):\n"
        "- joist under the toilet, read through the access panel: 30\n"
        "- wall behind the vanity (plasterboard): 26\n"
        "- plasterboard boxing below the waste trap: 22\n"
        "- spare bedroom skirting: 18\n"
    )
    found = {(r.value, r.location) for r in analyze_text(text).moisture_readings}
    assert {(30.0, "Upstairs bathroom"), (26.0, "Upstairs bathroom"), (22.0, "Upstairs bathroom")} <= found
    assert (18.0, "Spare bedroom") in found


def test_a_fitting_two_affected_rooms_may_hold_places_neither() -> None:
    # (the near miss: an ensuite and a bathroom both wet, "behind the vanity" could be either)
    text = (
        "Attended 03/03/2026. Ensuite and main bathroom floors wet.\n"
        "Readings (Protimeter, WME):\n"
        "- wall behind the vanity (plasterboard): 26\n"
    )
    found = {(r.value, r.location) for r in analyze_text(text).moisture_readings}
    assert (26.0, "Bathroom") not in found and (26.0, "Ensuite") not in found


import pytest  # noqa: E402


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("Lounge wall at 200 mm: 61, 55, 48 (3 spots, left to right)", [61.0, 55.0, 48.0]),
        ("Lounge wall: 61, 55 (2 locations either side of the door)", [61.0, 55.0]),
        ("Lounge skirting 44 / 39 / 30 (3 places along the run)", [44.0, 39.0, 30.0]),
    ],
)
def test_a_bracketed_count_of_the_places_read_is_no_reading(line: str, values: list[float]) -> None:
    text = f"Attended 03/03/2026. Lounge carpet wet.\nReadings (Protimeter, WME):\n{line}\n"
    assert sorted(r.value for r in analyze_text(text).moisture_readings) == sorted(values)


@pytest.mark.parametrize(
    "line",
    [
        "laundry wall 44 - hall skirting 30 and study skirting 12",
        "laundry wall 44 & hall skirting 30 - study skirting 12",
    ],
)
def test_a_dash_or_and_between_place_value_items_parts_them(line: str) -> None:
    text = f"Attended 03/03/2026. Laundry and hall wet.\nReadings (Protimeter, WME):\n{line}\n"
    found = {(r.value, r.location) for r in analyze_text(text).moisture_readings}
    assert {(44.0, "Laundry"), (30.0, "Hall"), (12.0, "Study")} <= found


def test_a_dash_between_two_values_is_no_break() -> None:
    # (the near miss: "30 - 40" is a range, read by no item reader as two places)
    text = (
        "Attended 03/03/2026. Laundry wet.\n"
        "Readings (Protimeter, WME):\nlaundry wall 30 - 40 along the base\n"
    )
    assert not any(r.value == 40.0 and r.location != "Laundry" for r in analyze_text(text).moisture_readings)


def test_under_a_fitting_is_the_affected_crawlspace_below_its_room() -> None:
    text = (
        "Inspected 03/03/2026. Leak at the tub drain: the bathroom vinyl is lifting and the crawlspace\n"
        "under the bathroom has wet joists.\n"
        "Readings (pins, %MC):\n"
        "- joist beneath the tub: 31\n"
        "- subfloor underside at the tub waste: 27\n"
        "- bathroom vinyl seam (from the room): 20\n"
    )
    found = {(r.value, r.location) for r in analyze_text(text).moisture_readings}
    assert {(31.0, "Crawlspace"), (27.0, "Crawlspace"), (20.0, "Bathroom")} <= found


_BENEATH_LIST = """Inspected 14/05/2026. Leak at the laundry tub, timber floor on stumps.
- Laundry 2.4 x 1.8 m: floorboards wet. Hallway 5 x 1 m: boards wet at the laundry door.
- Study and front bedroom dry.
Readings, Protimeter pins, WME, all 14/05:
1. Laundry floorboards by the tub 36
2. Hallway boards at the laundry door 28
3. Underfloor bearer beneath the laundry tub 31
4. Sole plate under the study (reference) 14
"""


def test_a_point_read_from_beneath_a_room_is_that_rooms() -> None:
    # Given a numbered list whose later points are read from under the house, below named rooms
    found = _readings(_BENEATH_LIST)
    # Then the bearer under the affected laundry is the laundry's (not the hallway's, named the row
    # before), and the plate under the dry study is the study's dry standard
    assert (31.0, "Laundry", date(2026, 5, 14), False) in found
    assert any(value == 14.0 and place == "Study" and ref for value, place, _, ref in found)


def test_a_point_only_near_a_room_is_not_under_it() -> None:
    # the near miss: "boards at the laundry door" names the laundry as a landmark, not from beneath
    found = _readings(_BENEATH_LIST)
    assert (28.0, "Hallway", date(2026, 5, 14), False) in found


_NOOK = """Attended 02/06/2026. Roof leak over the lounge alcove and the study.
Sizes: lounge alcove 3 x 2 m, study 3 x 3 m.
Readings (Tramex, relative scale): the alcove ceiling read 88 and the study ceiling 41; the hall
ceiling 12 (dry standard).
"""


def test_a_part_of_a_room_called_later_by_its_own_word() -> None:
    # Given "lounge alcove" sized, then "the alcove ceiling": the alcove's own word names it
    found = _readings(_NOOK)
    assert any(value == 88.0 and place in ("Lounge", "Lounge alcove") for value, place, _, _ in found)


_SPOT_JOB = """Attended Fri 06/03/2026.
- Study - about 3 x 3, carpet soaked along the party wall, a metre out.
- Lounge next door: carpet dry at the archway.
- Readings (tramex, wood scale): {readings}
"""


@pytest.mark.parametrize(
    "readings",
    [
        "31, 27 at the party wall; 12 by the window.",
        "33 %MC along the party wall, 13 elsewhere.",
    ],
)
def test_a_roomless_reading_is_in_the_room_whose_surface_its_spot_names(readings: str) -> None:
    # Given a bullet of readings naming no room, only the spot ("at the party wall") described
    # under the Study, after a line on the dry lounge
    found = _readings(_SPOT_JOB.format(readings=readings))
    wet = [(value, place, ref) for value, place, _, ref in found if value > 20]
    # Then the wet values are the Study's, not dry standards of the lounge named just before
    assert wet
    assert all(place == "Study" and not ref for _, place, ref in wet)


_CLIPPED = """Attended 11/14/2026. Basement flooded from the floor drain.
- games room 20x14, carpet and pad wet, drywall wicking.
- laundry 10x8 unfinished slab, wet around the drain.
MOISTURE - pin meter %
11/14  {row}
"""


@pytest.mark.parametrize(
    "row",
    [
        "games S wall 38 / games door side 29 / laundry wall 41",
        "games S wall 38; games door side 29; laundry wall 41",
    ],
)
def test_a_list_part_naming_a_room_by_one_word_of_its_name_is_that_rooms(row: str) -> None:
    # Given a list whose parts call the games room "games", then a part naming the laundry
    found = _readings(_CLIPPED.format(row=row))
    # Then the games parts are the games room's, not the room a later part names
    assert (38.0, "Games room", date(2026, 11, 14), False) in found
    assert (29.0, "Games room", date(2026, 11, 14), False) in found


def test_a_list_part_naming_no_affected_room_keeps_the_line_s_room() -> None:
    # the near miss: "boiler S wall" names no affected room by any word, so no room is made up
    found = _readings(_CLIPPED.format(row="boiler S wall 38 / laundry wall 41"))
    assert not any(place == "Games room" for value, place, _, _ in found if value == 38.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a point named by its number after a material is no reading of it
        ("cut a 100 mm hole in the plasterboard at pt 4 to vent it", []),
        ("drilled the skirting near point 12 for the weep holes", []),
        ("sealed the slab at loc 3 and left it", []),
        # the near miss: a bare number right after the material is its reading in a block
        ("plasterboard at door 41", [41.0]),
    ],
)
def test_a_points_number_after_a_material_is_no_reading(text: str, expected: list[float]) -> None:
    assert [reading.value for reading in readings_in(text, materials_in(text), "%")] == expected


_SHARED = (
    "Tank burst in the basement, 9 Oak Ave, Halifax NS B3H 1A1. Attended 28/11/2026.\n"
    "Basement bedroom and family room wet along their shared wall. Meter: drywall scale (%).\n"
    "Readings:\n"
    "{line}\n"
)


def test_a_room_on_the_other_side_of_a_wall_is_a_landmark() -> None:
    for line in (
        "- Basement bedroom, wall shared with family room, 2 in.: 17%",
        "- Basement bedroom, wall backing onto the family room: 17%",
        "- Basement bedroom drywall adjoining family room 17%",
    ):
        found = _readings(_SHARED.format(line=line))
        assert [(value, location) for value, location, _, _ in found] == [(17.0, "Basement bedroom")], line


def test_a_room_named_first_is_still_the_readings_room() -> None:
    # the near miss: the family room's own wall, the bedroom named after it only as a landmark
    found = _readings(_SHARED.format(line="- Family room, wall shared with basement bedroom: 21%"))
    assert [(value, location) for value, location, _, _ in found] == [(21.0, "Family room")]


# --- the room a reading's own words name wins over the heading, the legend's default, the line ---


def _places(text: str) -> dict[float, str]:
    return {value: location for value, location, _, _ in _readings(text)}


_ROBE_SIDE = """Claim 88-4410. Inspected 14/03/2026.
Burst supply to the bathroom basin. Water ran under the wall into the master walk-in robe.
- Bathroom (2.4 x 2.0 m): vinyl wet, plasterboard wet at the base of the shared wall.
- Master walk-in robe (1.8 x 1.5 m): carpet wet along the shared wall.

Readings (search mode, REL)
| Location | Reading |
| Bathroom wall, 150 mm | 720 REL |
| Robe side of the party wall, 200 mm | 450 REL |
| Robe side, 800 mm | 210 REL |
"""

_LAUNDRY_SIDE = """Claim 88-4411. Inspected 14/03/2026.
Washing machine hose burst. The laundry and the bathroom next to it were wet; the hall was dry.
Laundry 2.0 x 1.8 m, vinyl wet. Bathroom 2.5 x 2.2 m, tiles and skirting wet.

Readings (%)
- Bathroom skirting by the vanity: 31%
- Laundry side of the shared wall: 28%
- Hall side of the laundry wall: 12%
"""


def test_a_label_opening_with_a_rooms_side_alone_is_read_in_that_room() -> None:
    # Given rows that open with the side of a shared wall, a room the vocabulary does not know as
    # a room by that word ("robe") or one it does ("laundry"), under rows of the other room
    robe, laundry = _places(_ROBE_SIDE), _places(_LAUNDRY_SIDE)
    # Then each is read on that room's face of the wall, not in the room of the rows before
    assert robe[720.0] == "Bathroom"
    assert robe[450.0] == robe[210.0] == "Master walk-in robe"
    assert laundry[31.0] == "Bathroom"
    assert laundry[28.0] == "Laundry"
    # (near miss: "hall side of the laundry wall" names the laundry's wall; the hall was dry)
    assert laundry[12.0] == "Laundry"


_LETTERED_LEGEND = """Job 2231. Attended Mon 9/3/26.
Toilet cistern overflowed. Bathroom 2.4 x 1.9 m wet, laundry 2.0 x 1.6 m wet beside it.
Meter: Protimeter (WME).

POINTS
L1  laundry skirting by tub
L2  laundry door jamb
{b}1  vanity kick
{b}2  wall behind pan, 100 up
REF  hallway skirting (dry std)

9/3   L1 30 | L2 26 | {b}1 35 | {b}2 28 | REF 12
"""


def test_a_roomless_legend_point_is_in_the_room_its_letter_is_the_initial_of() -> None:
    # Given a legend whose B points name no room under the laundry's L points
    found = _places(_LETTERED_LEGEND.format(b="B"))
    # Then the B points are the bathroom's (its initial), not the laundry's the legend lent them
    assert found[30.0] == found[26.0] == "Laundry"
    assert found[35.0] == found[28.0] == "Bathroom"
    # (near miss: an A point, whose letter is no affected room's initial, keeps the legend's room)
    near = _places(_LETTERED_LEGEND.format(b="A"))
    assert near[35.0] == near[28.0] == "Laundry"


_SIZED_SPACES = """Claim 55-7781. Inspected 02/06/2026.
Ice maker line split behind the bar. Water spread across the bar floor and under the wall.
- Taproom, approx. 12 m x 8 m: timber floor wet along the bar.
- The keg cellar itself (about 4 by 3 metres): slab wet, skirting wet.
- Inspection hole (0.3 x 0.3 m) cut in the bar front.

Readings (Tramex, %)
- Keg cellar skirting: 27%
- Taproom, bar front skirting: 32%
- cellar slab 5.2%; taproom boards 24%
- Hole edge timber: 19%
"""


def test_a_space_the_notes_introduce_by_its_size_is_the_place_of_a_label_opening_with_it() -> None:
    # Given a space the vocabulary does not know ("Taproom"), introduced with its size, whose
    # readings follow readings of the cellar on their lines and in the list
    found = _places(_SIZED_SPACES)
    # Then a label that opens with it is read there, not in the room of the line before
    assert found[32.0] == found[24.0] == "Taproom"
    assert found[27.0] == found[5.2] == "Cellar"
    # (near miss: a hole's size names no space)
    assert not any("hole" in location.lower() for location in found.values())


_PART_HEADING = """Claim 31-0092. Inspected 05/05/2026.
Dishwasher hose failed. Water ran along the kitchen and under the partition into the dining room.
- Kitchen island: toe kick swollen, vinyl wet around it.
- Dining room, 4 x 3.5 m: carpet wet along the kitchen partition.

Readings (%)
- Dining room carpet edge: 30%
- Island toe kick: 24%
- Dining skirting: 18%
"""


def test_a_part_a_rooms_heading_names_is_that_rooms_when_a_label_calls_it_alone() -> None:
    # Given a kitchen introduced by a part of it ("Kitchen island:"), read under the dining room's line
    found = _places(_PART_HEADING)
    # Then the island's reading is the kitchen's, the dining room's around it its own
    assert found[24.0] == "Kitchen"
    assert found[30.0] == found[18.0] == "Dining room"


_WALL_TO = """Claim 31-0093. Inspected 05/05/2026.
Shower waste leak. The bathroom and bedroom 2 beside it were wet.
- Bathroom 2.4 x 2 m: vinyl and plasterboard wet. Bedroom 2, 3 x 3 m: carpet wet along the bathroom wall.

Readings (%)
- Bedroom 2 carpet edge: 30%
- Bedroom 2 wall to bathroom: 26%
- Bathroom partition to bedroom 2: 33%
- bathroom floor at pan 41, at door 22, bath wall from below 27 %MC; bedroom 2 wall 29 % (base) and 17 % (top)
"""


def test_a_wall_to_another_room_is_the_room_the_label_opens_with() -> None:
    found = _places(_WALL_TO)
    # "Bedroom 2 wall to bathroom": bedroom 2's wall, toward the bathroom
    assert found[26.0] == "Bedroom 2"
    assert found[33.0] == "Bathroom"
    # A list's item after a ";" is what the ";" leaves, whatever number before it was not read
    assert found[41.0] == found[22.0] == "Bathroom"
    assert found[29.0] == found[17.0] == "Bedroom 2"


_REREAD_BY_CODE = """Claim 77-2211. Inspected 2026-03-02.
Dishwasher supply failed; kitchen and laundry wet.
- Kitchen (4 x 3 m): vinyl wet at the sink run. Laundry (2 x 2 m): tiles and skirting wet.

{first}

VISIT 2 - 2026-03-04
1 24 WME
2 17 WME
3 12 WME
"""
_FIRST_ROWS = """VISIT 1 - 2026-03-02
Pt Room Location Material Reading Scale
1 Kitchen kick under sink MDF 38 WME
2 Laundry skirting by tub pine 26 WME"""
_FIRST_TABLE = """First visit 02/03/2026
| Point | Room | Spot | Reading |
| 1 | Kitchen | kick under sink (MDF) | 38 WME |
| 2 | Laundry | pine skirting by tub | 26 WME |"""


@pytest.mark.parametrize("first", [_FIRST_ROWS, _FIRST_TABLE])
def test_a_point_re_read_by_its_number_alone_keeps_the_place_of_its_first_reading(first: str) -> None:
    # Given points read first in rows that name their rooms, then re-read by number alone
    found = [(value, location) for value, location, _, _ in _readings(_REREAD_BY_CODE.format(first=first))]
    # Then each keeps its room
    assert (24.0, "Kitchen") in found
    assert (17.0, "Laundry") in found
    # (near miss: a number no row read before is no known point: not the line before's room)
    assert (12.0, "unspecified") in found
