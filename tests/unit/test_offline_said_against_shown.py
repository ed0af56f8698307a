"""Where the notes' own labels say one thing and what they describe another: a stated class under
wet ceilings and insulation, a date of loss labelled on the day of our visit, an onset nobody
knows, a field "to be confirmed", a room called unaffected in brackets, a spot named by a fixture,
and an equipment line whose counts are not readings."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import check_findings
from chalicelib.analysis.offline import analyze_text

_UPSTAIRS_TOILET = """WATER LOSS REPORT
Claim #: HX-204-1188
Insured: Mara Quill
Address: 12 Aspen Cres, Regina SK S4S 1A1
DOL: 10/05/2026
Class: 1 (minor)

Heard water running late on Saturday, October 3. Found it coming through the family room ceiling
on Sunday, October 4. Supply line to the upstairs toilet split. We attended Monday 10/05/2026.
Upstairs bathroom: vinyl over OSB, wet across the floor. Bathroom is 5 ft x 8 ft.
Family room (main floor) 12 x 14 ft: ceiling drywall stained, sagging; batts in the joist bays soaked.

Readings 10/05 (Delmhorst, drywall scale / wood scale for OSB)
Den (unaffected) drywall 9 and floor OSB at closet 11 %MC - dry standard
Bathroom OSB at toilet 31 %MC / at vanity 22 %MC
Family room ceiling 2 ft outside stain 17 (drywall scale)

Equipment: 2 air movers (bathroom 1, family room 1), 1 dehumidifier (upstairs hall).
"""


def test_wet_ceilings_and_soaked_ceiling_batts_outweigh_a_stated_class_1() -> None:
    findings = analyze_text(_UPSTAIRS_TOILET)
    # Then the class is judged from what is described, the stated one kept beside it
    assert findings.water_class is not None
    assert (findings.water_class.value, findings.water_class.stated) == (3, 1)


def test_wet_insulation_in_a_wall_does_not_overrule_a_stated_class_2() -> None:
    notes = (
        "Burst pipe, 4 Elm St, Albany NY 12203. Inspected 01/27/2026.\n"
        "Water class: Class 2. Two ceiling tiles were hit and discarded; the load is the floors.\n"
        "Exam 4 12 x 10 ft: carpet tile wet, drywall wicking 14 in.\n"
        "Inspection cut in the north wall: insulation in the exterior wall was damp at the plate.\n"
    )
    findings = analyze_text(notes)
    assert findings.water_class is not None and findings.water_class.value == 2


def test_a_date_of_loss_labelled_on_the_day_we_attended_yields_to_the_night_the_water_got_out() -> None:
    findings = analyze_text(_UPSTAIRS_TOILET)
    assert findings.job.date_of_loss is not None
    assert findings.job.date_of_loss.value == date(2026, 10, 3)


def test_no_date_of_loss_when_the_notes_say_nobody_knows_when_it_started() -> None:
    notes = (
        "Job sheet. Site: 4/18 Morrison Rd, Midland WA 6056. Attended: Fri 27/11/2026.\n"
        "Tenant isn't sure when it started, maybe a few days. She mentioned the big storm on Tue 24/11.\n"
        "Bedroom 3 ceiling stained near the split system.\n"
    )
    assert analyze_text(notes).job.date_of_loss is None


def test_a_field_to_be_confirmed_is_not_a_name() -> None:
    notes = (
        "Requested by: Hills Realty for the owner\n"
        "Owner: name and insurer to be confirmed\n"
        "Site: 4/18 Morrison Rd, Midland WA 6056. Attended 27/11/2026. Bedroom 3 ceiling stained.\n"
    )
    assert analyze_text(notes).job.insured is None


def test_a_room_called_unaffected_in_brackets_is_a_dry_standard_not_an_area() -> None:
    findings = analyze_text(_UPSTAIRS_TOILET)
    assert "Den" not in {area.room for area in findings.affected_areas}
    den = [(r.value, r.is_reference) for r in findings.moisture_readings if r.location == "Den"]
    assert sorted(den) == [(9.0, True), (11.0, True)]


def test_a_fixture_named_after_a_room_is_a_spot_in_that_room() -> None:
    findings = analyze_text(_UPSTAIRS_TOILET)
    rooms = {area.room for area in findings.affected_areas}
    assert "Toilet" not in rooms
    bathroom = {r.value for r in findings.moisture_readings if r.location == "Upstairs bathroom"}
    assert {31.0, 22.0} <= bathroom


def test_a_reading_taken_outside_the_stain_is_a_reading_not_outdoor_air() -> None:
    findings = analyze_text(_UPSTAIRS_TOILET)
    assert 17.0 in {r.value for r in findings.moisture_readings if r.location == "Family room"}


def test_an_equipment_line_counts_units_and_gives_no_readings() -> None:
    findings = analyze_text(_UPSTAIRS_TOILET)
    equipment_line = len(_UPSTAIRS_TOILET.splitlines())  # the notes' last line
    assert equipment_line not in {r.source.line for r in findings.moisture_readings}
    assert all(r.value != 1.0 for r in findings.moisture_readings)


def _rooms(notes: str) -> set[str]:
    return {area.room for area in analyze_text(notes).affected_areas}


_HEAD = "Burst pipe at 7 Reed St, Ballarat VIC 3350. Attended 03/03/2026.\n"


def test_a_room_the_writer_takes_back_is_no_area() -> None:
    notes = _HEAD + (
        "Correction first: in Tuesday's email I said the water came through the kitchen ceiling. That was"
        " wrong, sorry. It's the laundry ceiling. The laundry ceiling is sagging and wet.\n"
    )
    assert _rooms(notes) == {"Laundry"}


def test_rooms_listed_after_a_not_affected_label_are_no_areas() -> None:
    notes = _HEAD + (
        "Kitchen 4 x 3 m: vinyl wet across the floor.\n"
        "Checked and NOT affected: the hallway (carpet dry), bedroom 2 and the laundry.\n"
    )
    assert _rooms(notes) == {"Kitchen"}


def test_a_room_mentioned_for_an_unrelated_old_leak_is_no_area() -> None:
    notes = _HEAD + (
        "Bathroom 3 x 2 m: tiles lifting, vanity swollen, wet.\n"
        "Note to file: the owner mentioned a small leak at the kitchen sink last spring; no damage, not"
        " related to this loss and not claimed.\n"
    )
    assert _rooms(notes) == {"Bathroom"}


def test_a_room_line_whose_own_sentence_says_not_affected_is_no_area() -> None:
    notes = _HEAD + (
        "Kitchen 4 x 3 m: vinyl wet across the floor.\n"
        "Laundry: at the back of the house past the kitchen, door shut, clean. Not affected.\n"
        "Basement - none; house on a crawlspace.\n"
    )
    assert _rooms(notes) == {"Kitchen"}


def test_a_damaged_room_stays_an_area_when_a_part_of_it_is_not_damaged() -> None:
    notes = _HEAD + "Kitchen: vinyl wet to the door. Cabinets not damaged.\n"
    assert _rooms(notes) == {"Kitchen"}


def test_a_wrapped_table_cell_that_ends_reference_is_the_reference_room() -> None:
    notes = _HEAD + (
        "Sitting room 4 x 3.8 m, carpet and underlay wet, plaster wet to 700 mm.\n"
        "Location Material 16/02/2026\n"
        "Sitting room wall Lime plaster 46 WME\n"
        "Front bedroom wall,\n"
        "upstairs (reference) Lime plaster 14 WME\n"
    )
    assert _rooms(notes) == {"Sitting room"}


def test_a_numbered_room_called_dry_does_not_rename_the_affected_one() -> None:
    notes = (
        "Riser coupling failed, 2218 S Delaware Ave, Milwaukee, WI 53207. On site 08/04/2026.\n"
        "| Unit | Floor | Room | Size | Wet materials |\n"
        "|---|---|---|---|---|\n"
        "| 302 | 3rd | Bathroom | 6 ft x 8 ft | plaster wet wall |\n"
        "Checked and NOT affected: Units 301 and 101, the 102 bathroom (ceiling dry).\n"
    )
    assert "102 bathroom" not in _rooms(notes)


def _materials(notes: str) -> dict[str, set[str]]:
    return {area.room: set(area.materials) for area in analyze_text(notes).affected_areas}


def test_water_on_top_of_a_sealed_floor_leaves_the_floor_out_of_the_drying() -> None:
    notes = _HEAD + (
        "Hall 3.5 x 4 m - porcelain tile on slab, water on the surface; tile and grout OK. Plasterboard"
        " wicking to 300 mm, wet.\n"
    )
    assert not any("tile" in material for material in _materials(notes)["Hall"])


def test_a_floor_that_got_wet_but_was_not_soaked_through_is_not_affected() -> None:
    notes = _HEAD + (
        "Living room 4 x 5 m: plasterboard ceiling sagging and wet. The hardwood floor got wet where the"
        " water came down but it wasn't soaked through, it read 11 which is normal.\n"
    )
    assert not any("hardwood" in material for material in _materials(notes)["Living room"])


def test_asbestos_is_not_flagged_where_the_register_or_the_age_of_the_material_rules_it_out() -> None:
    register = (
        "School library water leak, 12 Reef Rd, Mount Kembla NSW 2526. Attended 03/03/2026. Built 1978.\n"
        "Library 10 x 8 m: carpet tiles wet.\n"
        "The asbestos register for Block B shows no asbestos-containing material in the library ceiling.\n"
    )
    new_vinyl = _HEAD + "Kitchen 4 x 3 m: vinyl wet. The 2015 vinyl is too new to contain asbestos.\n"
    labelled = _HEAD + "Kitchen 4 x 3 m: vinyl wet.\n- Asbestos: built 1988. No asbestos risk identified.\n"
    for notes in (register, new_vinyl, labelled):
        assert "asbestos" not in {hazard.kind for hazard in analyze_text(notes).safety_hazards}, notes


def test_the_size_of_a_piece_cut_out_is_not_the_room_size() -> None:
    notes = _HEAD + (
        "Laundry: ceiling sagging and wet. He cut out the wet bit of laundry ceiling, roughly 1.2 m x 1.5 m,"
        " and bagged the insulation.\n"
    )
    laundry = next(area for area in analyze_text(notes).affected_areas if area.room == "Laundry")
    assert (laundry.length_original, laundry.width_original) == (None, None)


def test_an_old_date_in_the_notes_dates_none_of_the_visits_after_it() -> None:
    notes = (
        "JOB# 26-0419   LUBBOCK   WTR MIT\nINS: Dwight Tolliver\nADDR: 5402 87th St, Lubbock TX 79424\n"
        "DOL 4/8/26 - WH let go approx 0200\nONSITE 4/8/26 0915   TECH R. Okafor\n"
        "WH install sticker says 3/11/2014.\n"
        "BR2 11x12 - carpet/pad saturated wall to wall, DW wicking\n"
        "4/8 readings: BR2 DW 26%, hall DW 22%\n"
    )
    findings = analyze_text(notes)
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(2026, 4, 8)
    assert {r.taken_on for r in findings.moisture_readings} == {date(2026, 4, 8)}


def test_a_date_a_pdf_wrapped_onto_its_own_line_is_no_visit() -> None:
    notes = (
        "Evaporative cooler overflow, 7 Quarry Hill Court, Golden Square VIC 3555. Attended 15/01/2026.\n"
        "Family room 6.2 m x 4.8 m: ceiling plasterboard wet around the outlet, carpet wet. The cooler was"
        " last serviced\n"
        "03/11/2025.\n"
        "Readings 15/01: family room ceiling 42, carpet 31\n"
    )
    findings = analyze_text(notes)
    assert all(r.taken_on == date(2026, 1, 15) for r in findings.moisture_readings)


def test_a_file_note_that_reviews_a_log_taken_the_day_before_dates_its_rows_by_the_log() -> None:
    notes = (
        "FILE NOTES\nInsureds: Farid Haddad and Leena Haddad\n"
        "Loss location: 77 Cedarbrook Cres, Barrie ON L4N 8K2\n"
        "14-Sep-26 16:45  Site inspection. Rec room 22 ft x 16 ft: carpet and underpad wet, wicking.\n"
        "15-Sep-26 14:00  Reviewed vendor's intake moisture log, taken 14-Sep (drywall on relative scale):\n"
        "   Rec room N wall 58, E wall 41\n"
        "   Bedroom shared wall 47\n"
    )
    findings = analyze_text(notes)
    assert findings.job.insured is not None and findings.job.insured.value.startswith("Farid Haddad")
    found = {(r.value, r.taken_on) for r in findings.moisture_readings}
    assert {(58.0, date(2026, 9, 14)), (41.0, date(2026, 9, 14)), (47.0, date(2026, 9, 14))} <= found


def test_a_category_label_followed_by_its_reason_is_a_justified_category() -> None:
    notes = _HEAD + (
        "Category 2: the water had been sitting in and recirculating through the cooler sump all season.\n"
        "Family room 6 x 5 m: carpet and underlay wet.\n"
    )
    codes = {issue.code for issue in check_findings(analyze_text(notes)).issues}
    assert "CATEGORY_JUSTIFICATION_MISSING" not in codes


def test_clinic_rooms_known_by_number_are_areas_and_a_reasoned_stated_class_stands() -> None:
    notes = (
        "Sprinkler branch froze above Exam 4, 12 Main St, Rochester NY 14604. On site 01/27/2026.\n"
        "Water class: Class 2. Two ceiling tiles were hit and discarded; the drying load is the floors.\n"
        "Exam 4 10 ft x 12 ft: sheet vinyl wet 100 SF, drywall wicking to 16 in.\n"
        "Exam 3 10 ft x 12 ft: sheet vinyl wet 35 SF.\n"
        "- Remove wet batt insulation at the bottom of the exterior wall cavity, Exam 4: 10 LF\n"
    )
    findings = analyze_text(notes)
    assert {"Exam 4", "Exam 3"} <= {area.room for area in findings.affected_areas}
    assert findings.water_class is not None and findings.water_class.value == 2


def test_a_line_about_a_fixture_is_about_the_room_it_stands_in() -> None:
    notes = _HEAD + (
        "Kitchen approx 4.2 x 3.6 m, floating laminate over slab. Family room 5 x 4 m, carpet on underlay.\n"
        "Laminate wet over most of the kitchen. Family room carpet wet by the threshold from the kitchen.\n"
        "Plasterboard wicking to approx 300 mm on the walls around the fridge recess.\n"
    )
    assert "plasterboard" in _materials(notes)["Kitchen"]
    assert "plasterboard" not in _materials(notes)["Family room"]


def test_the_rooms_the_water_ran_into_are_not_dry_because_the_room_it_left_was() -> None:
    notes = _HEAD + (
        "The tiles and the ensuite floor were dry; it ran under the bottom plate and across the slab into"
        " the master bedroom and on into the walk-in robe.\n"
        "The master bedroom is 4.5 x 3.8 m, 7 m2 of its carpet wet. The walk-in robe was wet right across.\n"
    )
    assert {"Master bedroom", "Walk-in robe"} <= _rooms(notes)


def test_rooms_the_water_never_reached_are_no_areas() -> None:
    notes = _HEAD + (
        "Laundry 2.4 x 1.9 m: vinyl wet, plasterboard wicking.\n"
        "Garage - slab dry, water stopped at the step down.\n"
        "Garage checked, dry (step down stopped the water). Bedroom 3 doorway dry.\n"
    )
    assert _rooms(notes) == {"Laundry"}


def test_two_spots_read_as_a_and_b_are_two_readings_and_a_reference_aside_leaves_the_block_affected() -> None:
    notes = _HEAD + (
        "Kitchen: ceiling stain, drywall soft in the middle.\n"
        "Readings: pin meter. Kitchen ceiling two spots: 38 and 44.\n"
        "\n"
        "Readings supplied (Protimeter; plaster WME; dry standard from bedroom 2, which was not affected):\n"
        "| Kitchen E wall | plaster (WME) | 29 |\n"
    )
    findings = analyze_text(notes)
    kitchen = {(r.value, r.is_reference) for r in findings.moisture_readings if r.location == "Kitchen"}
    assert {(38.0, False), (44.0, False), (29.0, False)} <= kitchen


def test_a_readings_lead_in_a_pdf_wrapped_still_leads_its_rows_in() -> None:
    notes = (
        "Adjuster file, 12 Duke St, Dennistoun, Glasgow G31 1LA. Site visit 22/03/2026.\n"
        "Bathroom 2.4 x 1.8 m: sheet vinyl and floorboards wet, plaster wicking.\n"
        "28/03/2026 - Tiles removed by the licensed firm. Readings received from Thistle (Protimeter;"
        " boards %MC,\n"
        "plaster WME):\n"
        "Bathroom floorboards: 31\n"
        "Bathroom plaster, 100 mm up: 30\n"
    )
    values = {r.value for r in analyze_text(notes).moisture_readings if r.location == "Bathroom"}
    assert {31.0, 30.0} <= values


def test_a_year_years_before_the_loss_dates_none_of_the_later_days() -> None:
    notes = (
        "Whitfield residence, 2214 N Quincy Ct, Arlington, VA 22207\n"
        "DOL: Thu 1/22/2026. Washer hose burst. Hoses were the originals from when the washer went in"
        " on 3/14/2019.\n"
        "We arrived 1/22 at 10:45 AM. Readings below with Protimeter (drywall on the REL scale, wood %MC).\n"
        "Laundry closet 6 x 3 ft - whole floor wet, vinyl on plywood. Subfloor at the washer (31%).\n"
        "Upper hall - carpet and pad wet outside the closet, about 45 SF. Subfloor under the pad (24%).\n"
        "\n1/24\nLaundry subfloor (19), hall subfloor (14).\n"
    )
    findings = analyze_text(notes)
    assert findings.moisture_readings
    assert all(r.taken_on and r.taken_on.year == 2026 for r in findings.moisture_readings)


def test_clean_water_that_stood_or_passed_through_soot_keeps_the_writers_higher_category() -> None:
    stood = _HEAD + (
        "A copper pipe in the roof void froze and split; clean mains water ran for six days.\n"
        "Water that has stood that long in a building void has deteriorated, and we have treated it as"
        " Category 2 throughout.\nHall 10 x 8 m: woodblock floor wet, musty odour.\n"
    )
    hose = _HEAD + (
        "The fire crew's hose water went through the scorched laundry floor into the rec room below. It"
        " left the hydrant as clean water, but it came through char, soot and extinguisher powder before"
        " it got there: Category 3.\nRec room 22 x 16 ft: carpet and pad wet.\n"
    )
    for notes, category in ((stood, 2), (hose, 3)):
        judged = analyze_text(notes).water_category
        assert judged is not None and judged.value == category, notes


def test_a_washer_pumping_out_into_a_blocked_tub_is_grey_water_whatever_the_header_says() -> None:
    notes = _HEAD + (
        "Category: 1     Class: 2 (laundry floor only)\n"
        "The washing machine was on a normal cycle and pumping out into the laundry tub, which had its"
        " plug in; the tub overflowed. So this is the machine's drain water, not clean supply water.\n"
        "Laundry 2.4 x 1.9 m: vinyl wet.\n"
    )
    judged = analyze_text(notes).water_category
    assert judged is not None and (judged.value, judged.stated) == (2, 1)


def test_the_day_the_writer_names_as_the_escape_is_the_date_of_loss_and_a_direction_is_no_cause() -> None:
    notes = (
        "Escape of Water: Drying Strategy\nPremises: Church Hall, 5 Millers Yard, York YO23 1AB\n"
        "The hall closed for Christmas after the carol supper on 21/12/2025. During the cold spell a 15 mm"
        " copper pipe in the roof void froze and split. Meter data show continuous flow starting at about"
        " 04:00 on 27/12/2025; that is the date of the escape. We first attended on 03/01/2026.\n"
        "Water came from above: the kitchenette ceiling and the main hall ceiling were all wet.\n"
    )
    findings = analyze_text(notes)
    assert findings.job.date_of_loss is not None
    assert findings.job.date_of_loss.value == date(2025, 12, 27)
    assert findings.job.address is not None and findings.job.address.value.startswith("Church Hall")
    assert findings.cause_of_loss is None or not findings.cause_of_loss.startswith("above")


def test_a_floor_that_only_had_surface_water_on_it_is_not_an_affected_material() -> None:
    # Given a rumpus whose vinyl plank only had surface water, and whose plasterboard is wet
    findings = analyze_text(
        "Cistern leak, 9 Casuarina Dr, Nightcliff NT 0810. Attended 18/11/2025.\n"
        "Rumpus: ceiling plasterboard wet and sagging under the toilet.\n"
        "The vinyl plank in the rumpus only had surface water on it; mopped, and it was dry underneath.\n"
    )
    materials = {m for area in findings.affected_areas for m in area.materials}
    # Then the plasterboard is affected and the vinyl plank is not
    assert "plasterboard" in materials
    assert not any("vinyl" in m for m in materials), materials


def test_a_stated_class_3_that_the_described_ceilings_and_insulation_bear_out_stands_over_a_share() -> None:
    # Given a stated Class 3 over wet ceilings and soaked mid-floor insulation, in a house whose
    # measured wet share (7-40 % of its surfaces) alone would read Class 2
    findings = analyze_text(
        "WATER DAMAGE REPORT\nAddress: 17 Kowhai Rise, Kelson, Lower Hutt 5010\nVisits: 23/03/2026 20:10\n"
        "CAUSE\nThe hot water cylinder in the upstairs hallway cupboard split on Monday 23/03/2026.\n\n"
        "CLASS 3 - the water went through the upstairs particleboard floor into the family room and laundry\n"
        "ceilings and soaked the insulation in the mid-floor. Call centre logged it Class 2; with two\n"
        "wet ceilings and wet insulation it is Class 3.\n\n"
        "UPSTAIRS\n"
        "- Cylinder cupboard, 0.9 x 0.9 m: particleboard floor saturated, vinyl lifted.\n"
        "- Hallway, 4.0 x 1.1 m: carpet and underlay wet the full length, particleboard under it wet.\n"
        "- Bedroom 2, 3.2 x 3.0 m: carpet wet along the cupboard wall, about 3 m2.\n"
        "DOWNSTAIRS\n"
        "- Family room, 5.5 x 4.2 m: GIB ceiling wet over about 8 m2, one sheet sagging.\n"
        "  Carpet wet under the drip, about 4 m2.\n"
        "- Laundry, 2.2 x 1.8 m: ceiling wet, vinyl floor wiped dry.\n"
    )
    assert findings.water_class is not None
    assert (findings.water_class.value, findings.water_class.stated) == (3, 3)


def test_a_category_after_a_colon_that_follows_a_negation_is_the_writers_call() -> None:
    # Given an office header's Category 1 and the technician's "Not clean water: Category 2."
    findings = analyze_text(
        "JOB SHEET\nAddress: 3318 Calle Sombra NE, Albuquerque, NM 87111\nCategory: 1\n"
        "(header filled in by the office from the phone intake)\n"
        "6/21/2026 first visit. The evaporative cooler reservoir overflowed into the living room ceiling.\n"
        "The water in the cooler pan was green, slimy and smelled. Not clean water: Category 2.\n"
    )
    assert findings.water_category is not None
    assert findings.water_category.stated == 2


def test_a_class_the_writer_answers_it_is_not_is_set_aside_and_low_permeance_water_is_class_4() -> None:
    # Given a stated Class 4 whose line says the job only reads like Class 1, and answers it
    findings = analyze_text(
        "MOISTURE MAP\nSite: 27 Quarry Lane, Fremantle WA 6160\nAttended 08/06/2026\n"
        "Split copper cold line in the wall chase between kitchen and dining, found 08/06/2026.\n"
        "Class 4. Only ~3 m2 of floor got wet, so on wet area alone it reads like a Class 1 job. It is not:"
        " the water is sitting in the solid plaster and the stone behind it, all low-permeance.\n"
        "Kitchen 3.9 x 3.2 m boards wet approx 2.5 m2 along the west wall; plaster wet to 1.1 m.\n"
    )
    assert findings.water_class is not None
    assert (findings.water_class.value, findings.water_class.stated) == (4, 4)


def test_a_class_the_job_only_looks_like_set_against_a_but_is_set_aside() -> None:
    # Given a stated Class 4 and, in the next sentence, a Class 1 the job only looks like before a "but"
    findings = analyze_text(
        "DRYING NOTES\nSite: 8 Tern Rd, Albany WA 6330\nAttended 14/07/2026\n"
        "Class 4. Counting wet surfaces only it looks like a Class 1 loss (a strip along one wall),"
        " but the water has gone into the limestone footing wall and the jarrah and is held there.\n"
        "Lounge 5.0 x 4.0 m jarrah boards wet approx 2 m2 along the east wall.\n"
    )
    # Then the stated class is the writer's own call, not the one the job only looks like
    assert findings.water_class is not None
    assert findings.water_class.stated == 4


@pytest.mark.parametrize(
    "clearance",
    [
        # the register raised no issue for the rooms of the job
        "Safety: wet floor signed. No asbestos register issues for the laundry or kitchen (register seen).\n",
        # the sample in one clause, the lab's result after the next clause's colon
        "Hazards: Asbestos - laundry ceiling stipple sampled 4/3; lab report 6/3: none detected.\n",
        # a register's finding the wrap carried onto the next line
        "Safety: power to the laundry isolated at the board. The asbestos register (2018 audit)\n"
        "lists no ACMs in the laundry or kitchen.\n",
    ],
)
def test_asbestos_cleared_by_a_register_or_a_sample_is_no_hazard_of_an_old_building(clearance: str) -> None:
    # Given a 1960s building in Australia, where the build year alone presumes asbestos
    notes = (
        "Flexi hose burst at 9 Gill St, Whyalla SA 5600. Attended 03/03/2026. Building: 1960s brick house.\n"
        "Laundry 3 x 2 m: vinyl wet.\n" + clearance
    )
    # Then the register or the lab result clears it
    assert "asbestos" not in {hazard.kind for hazard in analyze_text(notes).safety_hazards}


@pytest.mark.parametrize(
    ("tail", "category"),
    [
        # clean at the source, told as sitting and smelling before the writer's higher grade
        (
            "Source: the hot supply to the basin split under the floor. It sat on the membrane for a"
            " fortnight and smells sour now. Category 2.\nSubfloor void 6 x 4 m: joists wet.\n",
            2,
        ),
        (
            "Source: a cold water pipe let go behind the vanity. The water was left standing in the"
            " cavity and the smell is foul - Cat 2.\nBathroom 2 x 3 m: wall lining wet.\n",
            2,
        ),
        # near miss: a higher grade with no word of what worsened it: the source's grade stands
        (
            "Source: the hot supply to the basin split under the floor, found the same morning. Category 2.\n"
            "Subfloor void 6 x 4 m: joists wet.\n",
            1,
        ),
    ],
)
def test_clean_water_told_as_sitting_stale_keeps_the_writers_higher_category(
    tail: str, category: int
) -> None:
    judged = analyze_text(_HEAD + tail).water_category
    assert judged is not None and judged.value == category
