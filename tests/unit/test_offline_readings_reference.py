"""Which readings are dry standards: a reading of an unaffected room, or one labelled so; never a
reading of an affected room that has dried down to the dry standard."""

from __future__ import annotations

from chalicelib.analysis.offline import analyze_text

_NOTES = """JOB SHEET - burst hose
Att: 12 Mar 26 0800, 4 Wattle St, Unley SA 5061
Laundry - vinyl wet, pbd wicking. Hall - cpt wet outside laundry door.
Bed 2 - unaffected, used as ref

MC - Protimeter (%, no scale) 12/3
 bed 2 skirting 10 (ref)
 hall skirting 24
 laundry wall pbd 19

15 Mar 26 - hall skirting 11 = dry std. laundry wall 12. All eqpt pulled.
"""


def _readings(text: str) -> list[tuple[float, str, bool]]:
    return [
        (reading.value, reading.location, reading.is_reference)
        for reading in analyze_text(text).moisture_readings
    ]


def test_an_affected_room_at_the_dry_standard_is_not_the_dry_standard() -> None:
    found = _readings(_NOTES)
    # The unaffected bedroom's reading is the dry standard
    assert (10.0, "Bedroom 2", True) in found
    # "hall skirting 11 = dry std" says the hall has dried to it: a hall reading, not a reference
    assert (11.0, "Hall", False) in found
    # and the next part of the line names its own room
    assert (12.0, "Laundry", False) in found
    assert [reading for reading in found if reading[2]] == [(10.0, "Bedroom 2", True)]


def test_a_room_named_after_a_pair_of_readings_owns_only_the_one_next_to_it() -> None:
    # Given a sentence about the bathroom giving its reading against a dry standard elsewhere
    text = (
        "Inspected Oct 2, 2026. Meter: pin meter.\n"
        "The bathroom had water over the whole floor; the pin meter put the subfloor at 30%MC against"
        " 11%MC in the linen closet, which was the dry standard.\n"
    )
    found = _readings(text)
    # Then the 30 is the bathroom's, and only the 11 is the linen closet's dry standard
    assert (30.0, "Bathroom", False) in found
    assert (11.0, "Linen closet", True) in found


def test_what_a_sentence_reader_leaves_the_scale_marked_reader_reads() -> None:
    # Given a line whose sentence reading is read by the sentence reader, and more %MC readings
    text = (
        "Inspected Oct 2, 2026.\nDen: carpet wet, drywall wet. Study: not affected.\n\n"
        "Readings on the den drywall were 14 and 12 above the cut. Den bottom plates by pin meter: 18%MC"
        " and 16%MC; unaffected plate in the study 11%MC.\n"
    )
    found = _readings(text)
    assert (18.0, "Den", False) in found
    assert (16.0, "Den", False) in found
    assert (11.0, "Study", True) in found


def test_a_sentence_reading_against_a_dry_standard_elsewhere() -> None:
    # Given a reading with no room before it, against a dry standard in a named room after it
    text = (
        "First attendance: 14/04/2026.\nOnly the kitchen is wet: the sink cabinet base and the kickboard.\n"
        "The lining behind the fridge read 19 on the non-invasive scale against 15 on the hallway lining"
        " (dry standard).\n"
    )
    found = _readings(text)
    # Then the first is the kitchen's (the room the notes are on), the second the hallway's dry standard
    assert (19.0, "Kitchen", False) in found
    assert (15.0, "Hallway", True) in found


def test_a_bracketed_note_in_a_table_row_is_not_equipment() -> None:
    text = (
        "First attendance: 14/04/2026. Kitchen floor wet under the dishwasher.\n\nMoisture readings\n"
        "Pins, %MC. The numbers in each row are the readings on 14/04 and 16/04 in that order.\n\n"
        "| Kitchen floor under dishwasher (pulled out) | 30 | 17 |\n| Kitchen kickboard | 25 | 14 |\n"
    )
    values = sorted(reading.value for reading in analyze_text(text).moisture_readings)
    assert values == [14.0, 17.0, 25.0, 30.0]


def test_a_maps_legend_states_the_goal_its_dry_marks_are_judged_by() -> None:
    # Given a map whose legend calls a point dry under 17, and a dry standard of 11 (goal 15 by rule)
    text = (
        "Attended 04/02/2026. Family room skirting wet.\n\nMC\nMeter: Protimeter, values in WME.\n"
        "Legend: W = wet (over 20), B = borderline (17-20), D = dry (under 17).\n\n"
        "A - family room skirting, east wall - 26 W\nB - family room skirting by the door - 16 D\n"
        "R1 - Bed 2 skirting (reference) - 11\n"
    )
    findings = analyze_text(text)
    marked = [reading for reading in findings.moisture_readings if reading.value == 16.0]
    # Then the 16 marked D is dry against the legend's goal, which the report keeps
    assert [(reading.is_dry, reading.drying_goal) for reading in marked] == [(True, 17.0)]


def test_a_storm_told_of_on_a_weekday_is_no_visit() -> None:
    # Given a narrative line that starts with the day of the storm, after the first visit's date
    text = (
        "First visit: 07/07/2025.\n\nSunday night's storm pushed sewage up the basement floor drain.\n"
        "The den (16 x 12 ft): drywall wicked; the drywall read 40% at 6 inches.\n"
    )
    days = [reading.taken_on for reading in analyze_text(text).moisture_readings]
    # Then the reading keeps the visit's date, not an unknown one
    from datetime import date

    assert days == [date(2025, 7, 7)]


_RESTATED = """Call 21:55, on site 22:30, 13/06/2026.
UPSTAIRS
- Main bath 5x8: vinyl on ply subfloor, standing water. Subfloor 30%MC (pin).
- Linen closet subfloor = dry std 9%MC.

DOWNSTAIRS
- Kitchen 12x14, under the bath. Ceiling drywall soaked.

Readings 13/06 (drywall rel scale / wood %MC)
- bath subfloor 30%MC
- kitchen ceiling near window 75
- kitchen ceiling by window 2 is dry
- linen closet subfloor (dry std) 9%MC
- skirt 12%MC, p-board 12%MC in the spare room (dry std)
"""


def test_a_readings_list_restating_the_rooms_notes_gives_each_reading_once() -> None:
    found = [
        (reading.value, reading.location, reading.is_reference)
        for reading in analyze_text(_RESTATED).moisture_readings
    ]
    assert found.count((30.0, "Main bath", False)) == 1
    assert [value for value, _, is_reference in found if is_reference].count(9.0) == 1
    # a reading by a window is read; a window's number is not
    assert (75.0, "Kitchen", False) in found
    assert not any(value == 2.0 for value, _, _ in found)
    # two dry standards of one value on one line are two points
    assert [value for value, _, is_reference in found if is_reference].count(12.0) == 2


def test_a_dry_standard_told_for_two_materials_in_one_sentence() -> None:
    # Given a dry standard room named once, then two materials with bare numbers
    text = (
        "Inspected 08/03/2026. Meter: Protimeter, WME scale. Ensuite: plasterboard wet behind the vanity.\n"
        "Dry standard taken in bedroom 3 at the other end of the house, skirting 11 and plasterboard 10.\n"
        "Then on Monday 09/03 we set 3 vacuum units with 24 panels and 1 trailer dehumidifier.\n"
    )
    found = [
        (reading.value, reading.location, reading.is_reference)
        for reading in analyze_text(text).moisture_readings
    ]
    # Then both are the bedroom's dry standards (not the ensuite's plasterboard), and counts are not read
    assert found == [(11.0, "Bedroom 3", True), (10.0, "Bedroom 3", True)]


def test_a_list_led_by_a_dry_standard_label_and_a_reference_point_re_read() -> None:
    text = (
        "On site 2 October 2026. Lounge ceiling and dining room ceiling wet.\n"
        "Meter: Protimeter, WME. Dry standard from unaffected rooms on 2 Oct: Bedroom 3 floorboards 12,"
        " dining room ceiling 13.\n\nMoisture map\n"
        "A - lounge ceiling, centre .... 40\nR2 - bedroom 3 skirting (reference) .... 11\n\n"
        "Re-read 4 Oct: A 20, R2 11.\n"
        "Note for the file: the lounge ceiling read 30 on 5 Oct.\n"
    )
    found = [(reading.value, reading.is_reference) for reading in analyze_text(text).moisture_readings]
    assert (12.0, True) in found
    assert (13.0, True) in found  # the list's label says what its items are
    assert found.count((11.0, True)) == 2  # R2 re-read is still the dry standard
    assert (30.0, False) in found  # a later sentence is not the dry-standard list
    assert (40.0, False) in found and (20.0, False) in found


def test_a_line_after_a_dry_standard_is_not_the_dry_standard_rooms() -> None:
    # Given a day's list that ends on the unaffected hall's dry standard, then a later day's list
    text = (
        "Inspected 3 March 2026. Bathroom vanity and laundry wall wet.\n"
        "Day 1 readings (WME): vanity kick 32, laundry wall 28, hall skirting 14 (dry std)\n"
        "Day 3: vanity kick 18, wall 15\n"
    )
    later = [
        (reading.location, reading.is_reference)
        for reading in analyze_text(text).moisture_readings
        if reading.value in (18.0, 15.0)
    ]
    # Then the later points are not the hall's, nor dry standards
    assert later and all(location != "Hall" and not is_reference for location, is_reference in later)


_TAGGED_IN_A_WET_ROOM = """Job 2231, 8 Rimu St, Karori. Attended Mon 08/06/2026.
Bathroom, 2.4 x 2.0 m: vinyl lifted, GIB behind the vanity wet at the bottom.
Bedroom 3 next door: dry, used for the dry standard.

Readings (Protimeter, WME)
| Pt | Room | Material | 08/06 | 10/06 |
|---|---|---|---|---|
| P1 | Bathroom | GIB behind vanity | 31 | 18 |
| P2 (ref) | Bathroom | GIB, far wall from vanity | 14 | - |
| P3 (ref) | Bedroom 3 | GIB | 12 | 12 |
"""


def test_a_point_tagged_ref_in_a_room_described_wet_is_that_rooms_reading() -> None:
    found = _readings(_TAGGED_IN_A_WET_ROOM)
    # the wet bathroom's far wall is a reading of the bathroom, whatever its point's tag says
    assert (14.0, "Bathroom", False) in found
    # the unaffected bedroom's point is the dry standard
    assert (12.0, "Bedroom 3", True) in found
    assert (31.0, "Bathroom", False) in found


_DENIED = """Job 7719, 12 Birch Ct, Provo UT. Inspected 9/25/2026. Kitchen hardwood wet at the fridge.
Pantry, living room - not wet.
Point  Location                        Material   Unit  9/25  9/27
 1     Kitchen, at fridge              hardwood   %MC    22    13
 2     Pantry door, kitchen side       hardwood   %MC    11     -
 3     Living room (unaffected)        hardwood   %MC     8     8
Point 2 is the dry edge of the wet kitchen floor - it is
NOT a dry standard. Point 3 is the dry standard.
"""


def test_a_point_the_notes_say_is_no_dry_standard_is_none() -> None:
    found = _readings(_DENIED)
    assert all(not reference for value, _, reference in found if value == 11.0)
    assert any(reference for value, _, reference in found if value == 8.0)


_HOMEOWNER = """Subject: Claim 31-7720 - fridge line
The ice maker line cracked behind the fridge on Saturday 4 April 2026 and wet the kitchen floor.
The kitchen and the laundry next to it took water; the tech came on Monday 6 April.
His numbers: drywall behind the fridge 30%, baseboard behind the fridge 24%, laundry drywall 18%.
He said normal for this house is 11 on the drywall (WME) and 10% on the baseboard, taken in the den.
He checked the den wall for a "normal" number - 12% - and said everything has to get back to that.
By the end the drywall was back to normal at 12%.
"""


def test_a_dry_standard_said_in_a_homeowners_words_is_a_dry_standard() -> None:
    found = _readings(_HOMEOWNER)
    references = sorted(value for value, _, is_reference in found if is_reference)
    assert references == [10.0, 11.0, 12.0]
    # "back to normal" says a wet reading has dried, not that it is the dry standard
    assert sum(1 for value, _, is_reference in found if value == 12.0 and not is_reference) <= 1


def test_a_reading_by_a_fixture_is_in_the_room_the_fixture_stands_in() -> None:
    found = _readings(_HOMEOWNER)
    assert (30.0, "Kitchen", False) in found
    assert (24.0, "Kitchen", False) in found


_DRYING_ROW = """SERVICE NOTES 44-210, 18 Birch Rd, Guelph ON N1E 2K9. On site 2026-02-09.
Crawlspace under the kitchen: insulation soaked, joists wet. Kitchen above - floor dry, NOT affected.
Meter: Delmhorst J-2000 pins, %MC.
readings (%MC)
pt   loc                     2026-02-09  2026-02-10  2026-02-12
J1   joist under kitchen sink   31          24          16
J2   joist mid kitchen          12          12          11
"""


def test_a_point_that_dried_over_the_visits_is_no_dry_standard_though_its_room_is_unaffected() -> None:
    found = _readings(_DRYING_ROW)
    assert {reference for value, _, reference in found if value in (31.0, 24.0, 16.0)} == {False}
    # (a steady point in the room called unaffected is still read as its dry standard)
    assert {reference for value, _, reference in found if value in (12.0, 11.0)} == {True}


def test_a_sheets_thickness_and_a_count_of_bays_are_no_readings() -> None:
    notes = (
        "SERVICE NOTES, 18 Birch Rd, Guelph ON N1E 2K9. On site 2026-02-09. Meter: Delmhorst pins, %MC.\n"
        "- crawlspace: dirt floor under 6 mil poly, batts soaked in 4 bays, joist 26%MC.\n"
    )
    assert [value for value, _, _ in _readings(notes)] == [26.0]


def test_counts_of_things_and_a_three_phase_supply_are_no_readings() -> None:
    notes = (
        "SERVICE NOTES, 18 Birch Rd, Guelph ON N1E 2K9. On site 2026-02-09. Meter: Delmhorst pins, %MC.\n"
        "- basement: 2 infrared heat panels and 1 desiccant on the west wall, 3-phase isolator dry.\n"
        "- patched 2 inspection holes; bottom plate 19 %MC.\n"
        "- plate by the door 24%MC.\n"
    )
    assert sorted(value for value, _, _ in _readings(notes)) == [19.0, 24.0]
