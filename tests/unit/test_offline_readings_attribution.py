"""Where, on what scale and on which day each number of a readings line was taken: the item it
belongs to, the scale declared for the lines that follow, a day named inside the line, a probe's id,
and room words that name no room ("bath 33", "family rm 28")."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text


def _found(text: str) -> list[tuple[float, str, str, date | None]]:
    return [
        (reading.value, reading.unit, reading.location, reading.taken_on)
        for reading in analyze_text(text).moisture_readings
    ]


_HEAD = """Burst flexi under the kitchen sink, 14 Flinders Tce, Port Augusta SA 5700. Attended 03/03/2026.
Kitchen 4 x 3 m, laminate on slab, wet. Family room 5 x 4 m, carpet and underlay wet.
"""


def test_an_item_without_a_room_is_in_the_room_of_the_item_before_it() -> None:
    # Given a list whose third item names no room
    notes = _HEAD + "Readings 03/03/2026 (WME): kitchen wall 34, family room wall 27, skirting 22.\n"
    # Then the skirting is the family room's, the room of the item before it, not the line's first
    assert (22.0, "WME", "Family room", date(2026, 3, 3)) in _found(notes)


def test_a_declared_scale_beats_a_scale_written_on_one_reading() -> None:
    # Given readings declared in WME, and a later line where only the bottom plate says %MC
    notes = (
        _HEAD
        + "First readings (Protimeter, WME): kitchen wall 34, family room wall 27.\n"
        + "Back Thursday 05/03/2026: kitchen wall 19, 18; bottom plate 18% MC.\n"
    )
    found = _found(notes)
    # Then the bare wall readings stay on the declared scale; the plate keeps its own
    assert (19.0, "WME", "Kitchen", date(2026, 3, 5)) in found
    assert (18.0, "%MC", "Kitchen", date(2026, 3, 5)) in found


def test_a_weekday_day_inside_a_line_dates_what_follows_it() -> None:
    notes = (
        _HEAD
        + "Readings in WME.\n"
        + "Thursday 05/03/2026: kitchen wall 19; family room wall 17. Friday 6th: kitchen wall 14.\n"
    )
    found = _found(notes)
    assert (19.0, "WME", "Kitchen", date(2026, 3, 5)) in found
    assert (14.0, "WME", "Kitchen", date(2026, 3, 6)) in found


def test_a_probe_read_again_by_its_id_is_the_same_point() -> None:
    notes = (
        _HEAD
        + "Hygrometer sleeves in slab (in-situ RH):\n"
        + " S1 kitchen centre - fitted 03/03, read 06/03 - 97 %RH\n"
        + " S2 family room by the door - fitted 03/03, read 06/03 - 91 %RH\n"
        + "Target slab RH 75% for new floor finish.\n"
        + "16/03: S1 88 %RH, S2 79 %RH.\n"
    )
    found = _found(notes)
    assert (97.0, "%RH", "Kitchen", date(2026, 3, 6)) in found
    assert (88.0, "%RH", "Kitchen", date(2026, 3, 16)) in found
    assert (79.0, "%RH", "Family room", date(2026, 3, 16)) in found
    # the target is a goal, not a reading
    assert not any(value == 75.0 for value, *_ in found)


def test_a_room_word_before_a_number_that_names_no_room_of_its_kind() -> None:
    notes = (
        "Sewer backup, 88 Elm St, Decatur GA 30030. Attended 11/16/2026. Cat 3.\n"
        "Basement family room 20 x 24 ft: carpet and pad soaked, drywall wicking.\n"
        "Basement bath 6 x 8 ft: drywall wicking 10 in.\n"
        "Readings (Tramex, drywall ref scale):\n"
        "11/18: family rm 28, 24; bath 33\n"
    )
    found = _found(notes)
    assert (28.0, "REL", "Basement family room", date(2026, 11, 18)) in found
    assert (33.0, "REL", "Basement bath", date(2026, 11, 18)) in found


def test_an_australian_city_and_state_without_a_postcode_sets_the_locale() -> None:
    # Given a WA address with no postcode, and a day-first date
    notes = "Address: 14 Banksia St, Perth WA\nDate of loss: 02/11/2026\nKitchen vinyl wet.\n"
    findings = analyze_text(notes)
    # Then the job is Australian, so 02/11 is the 2nd of November
    assert findings.locale.country == "AU"
    assert findings.job.date_of_loss is not None
    assert findings.job.date_of_loss.value == date(2026, 11, 2)


def test_a_point_legend_listed_a_point_to_a_line_names_the_table_rows_by_code() -> None:
    # Given points listed one to a line (numbers only heights), then a table of them by day
    notes = (
        "Washer hose, 1147 NE Briarcliff Ter, Kansas City, MO 64116. First visit 06/15/2026.\n"
        "Laundry room 7 x 9 ft, sheet vinyl, drywall, all of the floor wet.\n"
        "Mudroom 6 x 8 ft, sheet vinyl, drywall, wet.\n"
        "POINTS\n"
        "1 Laundry drywall, W wall, 6 in. (Tramex MEP, REL)\n"
        "2 Laundry plywood subfloor, through vinyl seam (pin, %MC)\n"
        "3 Mudroom drywall, N wall, 6 in. (REL)\n"
        "DS1 Dining room drywall, unaffected (REL)\n"
        "READINGS\n"
        "| Pt | 06/15 | 06/16 | Goal |\n"
        "|---|---|---|---|\n"
        "| 1 | 84 | 66 | 15 |\n"
        "| 2 | 31 | 27 | 15 |\n"
        "| 3 | 72 | 50 | 15 |\n"
        "| DS1 | 11 | 11 | - |\n"
    )
    found = analyze_text(notes).moisture_readings
    got = {(r.value, r.unit, r.location, r.taken_on, r.is_reference) for r in found}
    # Then each row is its point: room, scale and role from the legend, day from the column
    assert (84.0, "REL", "Laundry room", date(2026, 6, 15), False) in got
    assert (27.0, "%MC", "Laundry room", date(2026, 6, 16), False) in got
    assert (50.0, "REL", "Mudroom", date(2026, 6, 16), False) in got
    assert (11.0, "REL", "Dining room", date(2026, 6, 15), True) in got
    # the goal column is no reading, and the legend's heights are none either
    assert not any(r.value in (15.0, 6.0) for r in found)


def test_a_carrier_before_the_claim_label_and_a_tech_after_a_dash_are_read() -> None:
    notes = (
        "Carrier: Show-Me Mutual   Claim #: MO-2026-0618-447\n"
        "First visit: 06/15/2026 7:50 AM - Tech: Dana Whitsett (WRT)\n"
        "Laundry room 7 x 9 ft, sheet vinyl wet.\n"
    )
    parties = analyze_text(notes).parties
    assert parties.insurer is not None and parties.insurer.value == "Show-Me Mutual"
    assert parties.technician is not None and parties.technician.value == "Dana Whitsett"
    assert parties.certifications is not None and parties.certifications.value == "WRT"


def test_a_sentence_of_several_surfaces_gives_each_its_reading_and_a_bound_is_its_number() -> None:
    # Given a restorer's prose with a second surface joined by "and the GIB", and a bound reading
    notes = (
        "Sink hose burst, 3 Kiwi St, Roslyn, Dunedin 9010. Attended 20/04/2026.\n"
        "Dining room 3.8 x 3.6 m: carpet and underlay wet, GIB wicking 150 mm.\n"
        "Readings were taken in WME. On 22 April the dining room particleboard 22 and the GIB 16. On 24 April"
        " the dining particleboard 16, and the dining room GIB had dried to below 15, so we stopped.\n"
    )
    found = {(value, when) for value, _, room, when in _found(notes) if room == "Dining room"}
    # Then both of the 22nd's readings are there, and "below 15" is recorded as 15
    assert {(22.0, date(2026, 4, 22)), (16.0, date(2026, 4, 22)), (15.0, date(2026, 4, 24))} <= found


def test_a_drying_log_of_point_codes_is_read_through_its_dashed_point_legend() -> None:
    # Given a PDF drying log: a legend of "A - Hallway, GIB, ..." lines, then a row per point with
    # its scale column and a reading per day
    notes = (
        "Hot water cylinder valve failed, 23 Totara Rise, Stoke, Nelson 7011. First attendance: 02/02/2026.\n"
        "Hallway: 1.2 m x 7.5 m, carpet and underlay wet. Bedroom 1: 3.6 m x 3.3 m, carpet wet.\n"
        "POINT LEGEND\n"
        "A - Hallway, GIB, west wall at 150 mm\n"
        "D - Bedroom 1, particleboard floor, 1 m in from door\n"
        "E - Hallway, bottom plate (timber)\n"
        "R1 - Lounge, GIB (reference)\n"
        "\n"
        "DAILY READINGS\n"
        "Point Scale 02/02 03/02 04/02\n"
        "A WME 33 26 20\n"
        "D WME 37 31 25\n"
        "E %MC 29 24 19\n"
        "R1 WME 11 11 12\n"
    )
    found = _found(notes)
    # Then each code's row is its legend point's, on the row's own scale, by the column's day
    assert (33.0, "WME", "Hallway", date(2026, 2, 2)) in found
    assert (25.0, "WME", "Bedroom 1", date(2026, 2, 4)) in found
    assert (24.0, "%MC", "Hallway", date(2026, 2, 3)) in found
    assert (12.0, "WME", "Lounge", date(2026, 2, 4)) in found


def test_numbered_map_rows_with_leader_dots_and_an_equipment_line_of_counts() -> None:
    # Given a technician's numbered moisture points ("1  Utility closet DW ... 88"), then rechecks
    # by point number, then an equipment line counting units per room
    notes = (
        "ADDR: 5402 87th St, Lubbock TX 79424\nONSITE 4/8/26 0915\n"
        "- Hall 3.5x16 - DW wicking both walls\n- BR2 11x12 - carpet/pad saturated, DW wicking E wall\n"
        "MC (Tramex MEP - DW on REL scale)\n"
        "4/8\n"
        "1  Utility closet DW L of door @2in  ..... 88\n"
        "2  Hall DW N wall @4in  ..... 64\n"
        "4  BR2 DW E wall @4in  ..... 71\n"
        "\n"
        "EQUIP\n"
        "4/8 set: AM x7 (closet 1, hall 2, BR2 3, BR3 1), LGR dehu x2 (hall, BR2)\n"
    )
    found = {(value, room) for value, _, room, _ in _found(notes)}
    # Then every point's reading is there, and no count of air movers is a reading
    assert {(88.0, "Utility closet"), (64.0, "Hall"), (71.0, "Bedroom 2")} <= found
    assert not {value for value, _ in found} & {1.0, 2.0, 3.0}


def test_a_sentence_under_a_readings_table_that_cites_a_row_adds_no_reading() -> None:
    # Given a readings table, then a note that names one of its rows and its value again
    notes = _HEAD + (
        "Readings (WME):\n"
        "| Location | Material | 03/03 | 05/03 |\n"
        "|---|---|---|---|\n"
        "| Kitchen N wall | plaster | 34 | 18 |\n"
        "| Kitchen E wall | plaster | 14 | - |\n"
        "Note the kitchen E wall 14 is a check inside the affected kitchen, not a standard;"
        " it was not re-read.\n"
    )
    found = _found(notes)
    # Then the 14 is one reading, not two
    assert [value for value, *_ in found].count(14.0) == 1, found


def test_a_lettered_legend_then_a_grid_of_points_by_day_with_dashes_for_days_not_read() -> None:
    # Given a moisture map's legend (a point a line, no readings) and a grid: a row per point, a
    # column per visit, "-" where the point was not read; relative readings up to 999
    notes = (
        "MOISTURE MAP\nSite: 27 Quarry Lane, Fremantle WA 6160\nAttended 08/06/2026\n"
        "Kitchen 3.9 x 3.2 m boards wet along the west wall\n\nMC\n"
        "A  Kitchen W wall, 300 mm AFL, 200 mm left of chase ... plaster (REL)\n"
        "C  Kitchen boards, 400 mm off W wall .................. jarrah (WME)\n"
        "X  Front bedroom party wall, 300 mm AFL - DRY STD ..... plaster (REL)\n\n"
        "Pt    08/06   10/06   13/06   17/06\n"
        "A      880     810     690     560\n"
        "C       31      27      22      17\n"
        "X      205       -       -     210\n"
    )
    found = _found(notes)
    # Then every value is its point's, on its column's day, in its legend's scale
    assert (880.0, "REL", "Kitchen", date(2026, 6, 8)) in found
    assert (17.0, "WME", "Kitchen", date(2026, 6, 17)) in found
    # and the dashes keep the dry standard's second value on the last day, not the second
    assert (210.0, "REL", "Front bedroom", date(2026, 6, 17)) in found
    assert len(found) == 10, found


def test_a_readings_lead_in_at_the_end_of_a_dated_diary_line_heads_the_block() -> None:
    # Given an adjuster's diary line that ends by leading in to the readings, then series by point
    notes = (
        "Sewage, 3 Duke St, Dennistoun, Glasgow G31 1LB. My site visit 24/03/2026.\n"
        "Bathroom 2.4 m x 1.8 m: sheet vinyl over softwood boards, wet.\n"
        "28/03/2026 - Tiles removed by the licensed firm. Readings received from Thistle (Protimeter;"
        " boards and joists %MC, plaster WME):\n"
        "Bathroom floorboards: 31 (22/03) > 24 (25/03) > 17 (28/03)\n"
        "Bathroom joist, through lifted board: 27 > 21 > 16\n"
    )
    found = _found(notes)
    # Then each series is read, on the block's scale for boards and joists, a value per day
    assert (31.0, "%MC", "Bathroom", date(2026, 3, 22)) in found, found
    assert (16.0, "%MC", "Bathroom", date(2026, 3, 28)) in found, found


def test_a_levels_table_of_readings_by_day_after_a_blank_line_and_a_visits_label() -> None:
    # Given visits under a "Visits:" label, and a level's table titled with its scale, apart from
    # the readings heading by a blank line
    notes = (
        "WATER DAMAGE REPORT\nAddress: 17 Kowhai Rise, Kelson, Lower Hutt 5010\n"
        "Visits: 23/03/2026 20:10 (emergency), 24/03, 26/03, 30/03\n"
        "UPSTAIRS\n- Hallway, 4.0 x 1.1 m: carpet and underlay wet the full length.\n\n"
        "READINGS\nDry standards: Bedroom 1 particleboard 12 %MC (23/03).\n\n"
        "Upstairs (%MC)           23/03   24/03   26/03   30/03\n"
        "P1 hallway floor          32      24      17      13\n"
    )
    found = _found(notes)
    # Then the row is read, a value a day, on the title's scale
    assert (32.0, "%MC", "Hallway", date(2026, 3, 23)) in found, found
    assert (13.0, "%MC", "Hallway", date(2026, 3, 30)) in found, found


def test_a_search_scale_reading_gets_no_points_goal_and_a_stone_probe_is_masonry() -> None:
    # Given a relative 60-999 search-scale plaster point with its dry standard, and a stone probe
    notes = (
        "MOISTURE MAP\nSite: 27 Quarry Lane, Fremantle WA 6160\nAttended 08/06/2026\n"
        "Dining 4.2 x 3.6 m east wall plaster wet to 0.9 m high\n\nMC\n"
        "E  Dining E wall, 300 mm AFL .......................... plaster (REL)\n"
        "F  Dining E wall, deep probe 50 mm .................... limestone (WME)\n"
        "X  Front bedroom party wall, 300 mm AFL - DRY STD ..... plaster (REL)\n\n"
        "Pt    08/06   10/06   13/06\n"
        "E      810     760     650\n"
        "F       38      35      31\n"
        "X      205       -     210\n"
    )
    readings = analyze_text(notes).moisture_readings
    plaster = next(r for r in readings if r.value == 810.0)
    # Then "205 + 4" is no goal on a search scale: the goal is left undetermined
    assert plaster.dry_standard == 205.0
    assert plaster.drying_goal is None
    stone = next(r for r in readings if r.value == 38.0)
    assert stone.material == "limestone"


def test_a_bare_material_in_a_list_is_in_the_room_its_material_was_first_read() -> None:
    # Given an upstairs bathroom's floor read from below, and a later list whose items lead with
    # the kitchen, then give the subfloor by its material alone
    notes = (
        "Shower tray overflowed at 22 Quarry Rd, Bendigo VIC 3550. Attended 09/05/2026.\n"
        "Upstairs bathroom 2 x 3 m, vinyl wet. Kitchen 5 x 4 m below it, ceiling wet.\n"
        "Meter: Protimeter, WME.\n"
        "READINGS 2026-05-09\n"
        "Kitchen ceiling at fan ........ 41 WME\n"
        "Bathroom subfloor at waste ........ 35 WME\n"
        "\n"
        "2026-05-11 check\n"
        "Kitchen ceiling at fan 24 / kitchen cornice 22 / subfloor 26\n"
    )
    found = _found(notes)
    # Then the subfloor is the bathroom's, where it was read first, not the kitchen's
    assert (26.0, "WME", "Upstairs bathroom", date(2026, 5, 11)) in found
    assert (22.0, "WME", "Kitchen", date(2026, 5, 11)) in found


def test_values_each_followed_by_the_room_they_were_read_in() -> None:
    # Given a follow-up sentence giving each value first and its room's word after it
    notes = (
        "Hot water cylinder burst at 8 Wattle St, Mildura VIC 3500. Attended 12/04/2026.\n"
        "Family room 5 x 4 m, carpet wet. Spare bedroom 3 x 3 m, carpet wet. Study 3 x 2 m, carpet wet.\n"
        "Readings in WME (Protimeter). Skirting on 12/04/2026: family room 30, spare bedroom 28, study 26.\n"
        "Tuesday 14/04/2026: skirting 19 family, 22 spare, 17 study; all still drying.\n"
    )
    found = _found(notes)
    # Then each value is in the room named right after it, not the room of the first
    assert (19.0, "WME", "Family room", date(2026, 4, 14)) in found
    assert (22.0, "WME", "Spare bedroom", date(2026, 4, 14)) in found
    assert (17.0, "WME", "Study", date(2026, 4, 14)) in found


def test_a_living_room_written_by_its_capital_initials_before_a_surface() -> None:
    # Given field notes that write the living room as "LR" before each surface in a points list
    notes = (
        "Roof leak over the living room, 31 Mesa Dr, Tucson AZ 85701. Inspected 7/14/2026.\n"
        "Living room 18 x 15 ft, ceiling drywall stained and wet. Hallway 12 x 4 ft, wall wet.\n"
        "Tramex ME5, drywall REL.\n"
        "7/14: P1 LR ceiling at the light 88 / P2 hallway wall 3 ft 41 / P3 LR carpet at the window 57\n"
    )
    found = _found(notes)
    # Then the LR points are the living room's, and the hallway's point stays the hallway's
    assert (88.0, "REL", "Living room", date(2026, 7, 14)) in found
    assert (57.0, "REL", "Living room", date(2026, 7, 14)) in found
    assert (41.0, "REL", "Hallway", date(2026, 7, 14)) in found


def test_living_and_dining_rooms_written_by_capital_initials_before_a_material() -> None:
    # Given a points table whose rows open with "LR" or "DR" and then the material read
    notes = (
        "Hot water baseboard leak, 9 Elm Ct, Bangor ME 04401. First visit 3/02/2026.\n"
        "Living room 15 x 13 ft and dining room 12 x 11 ft, oak strip floor cupped.\n"
        "Delmhorst, wood scale %MC.\n"
        "Pt  location                 3/02   3/05\n"
        "1   LR oak by the baseboard   23     17\n"
        "2   DR oak near the hutch     19     14\n"
        "3   DR plaster at the corner  16     12\n"
    )
    found = _found(notes)
    # Then each row is in the room its initials name, not left without a room
    assert (23.0, "%MC", "Living room", date(2026, 3, 2)) in found
    assert (14.0, "%MC", "Dining room", date(2026, 3, 5)) in found
    assert (16.0, "%MC", "Dining room", date(2026, 3, 2)) in found
    # And a title "Dr" before a name is not the dining room
    assert not any(place == "Dining room" for _, _, place, _ in _found(_HEAD + "Dr Oakes: 14 WME\n"))


_TWO_OWN_WORD_ROOMS = (
    "Job 8812, 40 Mill Rd, Salem OR. Inspected 11/10/2026. Category 2, floor drain backup.\n"
    "- Pottery room 20' x 12', drywall wet to 14\".\n"
    "Readings 11/10, drywall scale:\n"
    "  pottery room P1 44, P2 37\n"
    "  glaze room G1 29, G2 25\n"
)


def test_a_room_known_by_its_own_words_is_not_another_such_room() -> None:
    # ("glaze room" and "Pottery room" are both rooms the vocabulary knows only by their words:
    # a reading in one is not the other's)
    found = {(r.value, r.location) for r in analyze_text(_TWO_OWN_WORD_ROOMS).moisture_readings}
    assert (44.0, "Pottery room") in found
    assert (29.0, "Glaze room") in found
    assert (29.0, "Pottery room") not in found


def test_a_rooms_own_number_is_no_reading() -> None:
    text = (
        "Job 8813, 2 Quay St, Nelson 7010, New Zealand. Inspected 10/11/2026. Category 1.\n"
        "Ward 4 carpet and plasterboard wet. Meter: Protimeter, WME.\n"
        "Readings:\n"
        "Standards (Ward 6, unaffected): plasterboard 12, skirting 11.\n"
        "Ward 4 plasterboard 31, skirting 27.\n"
    )
    values = sorted(r.value for r in analyze_text(text).moisture_readings)
    assert 6.0 not in values and 4.0 not in values  # (the wards' numbers)
    assert {12.0, 11.0, 31.0, 27.0} <= set(values)


# --- a threshold is no reading -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "threshold"),
    [
        ("- all at goal (drywall within 4 of std, ply <15, slab <4.0). pulled equipment.", 15.0),
        ("- signed off: timber > 18 nowhere, slab <= 4.2 everywhere", 4.2),
    ],
)
def test_a_value_after_a_less_or_more_mark_is_a_threshold(line: str, threshold: float) -> None:
    found = analyze_text(
        "Job 88, 3 Oak St, Perth WA 6000. Inspected 4/5/2026. Laundry wet.\n"
        "Readings (pins %MC):\n"
        "  laundry skirting 21%MC\n"
        f"{line}\n"
    ).moisture_readings
    values = {r.value for r in found}
    assert 21.0 in values
    assert threshold not in values


def test_an_arrow_between_values_is_no_threshold_mark() -> None:
    found = analyze_text(
        "Job 88, 3 Oak St, Perth WA 6000. Inspected 4/5/2026. Laundry wet.\n"
        "Readings (pins %MC):\n"
        "  laundry skirting 31 -> 17\n"
    ).moisture_readings
    assert {r.value for r in found} >= {31.0, 17.0}


@pytest.mark.parametrize("word", ["Loc", "Location", "Spot", "Pt"])
def test_a_listed_point_by_its_word_and_number_is_in_the_room_its_item_names(word: str) -> None:
    # (the point's number is no reading; the room each item names is its own, not the one before)
    found = analyze_text(
        "Survey of 22 Elm Rd, Dayton OH 45402 on 11/19/2026. Basement rec room and laundry wet.\n"
        "Main floor hallway checked for comparison only.\n"
        "Moisture survey (Delmhorst, drywall on the reference scale):\n"
        f"* {word} 1 - rec room, east wall drywall 4 in. above slab: 44\n"
        f"* {word} 2 - laundry, drywall 4 in. above slab: 36\n"
        f"* {word} 3 - main floor hallway drywall (comparison): 9\n"
    ).moisture_readings
    placed = {(r.value, r.location, r.is_reference) for r in found}
    assert placed == {(44.0, "Basement rec room", False), (36.0, "Laundry", False), (9.0, "Hallway", True)}


@pytest.mark.parametrize(
    ("line", "room"),
    [
        ("B1 bedroom 2 wall shared with closet - 2026-11-18: 24 | 2026-11-19: 16", "Bedroom 2"),
        ("S1 study wall backing onto the laundry - 2026-11-18: 31 | 2026-11-19: 22", "Study"),
        ("E2 ensuite wall common to the hall - 2026-11-18: 44 | 2026-11-19: 30", "Ensuite"),
    ],
)
def test_a_wall_between_two_rooms_is_the_room_the_label_opens_with(line: str, room: str) -> None:
    text = (
        "Address: 81 Cobourg Lane, Ottawa, ON K1N 0B4. Arrived 2026-11-18.\n"
        "Closet, laundry, hall, bedroom 2, study and ensuite all wet.\n"
        f"Points and readings:\n{line}\n"
    )
    assert {r.location for r in analyze_text(text).moisture_readings} == {room}


def test_a_forms_time_stamp_row_heads_no_table() -> None:
    # ("Call received | 2026-11-18 08:02" is a form's field; its "Category | 1" under it no reading)
    text = (
        "NEW LOSS INTAKE\n"
        "Field | Entry\n"
        "Call received | 2026-11-18 08:02\n"
        "Category (caller) | 1\n"
        "Floors (caller) | 2\n"
        "Arrived 2026-11-18. Laundry wet.\nMoisture: laundry wall 31%\n"
    )
    assert {r.value for r in analyze_text(text).moisture_readings} == {31.0}
