"""Readings found but put wrong: a room's number taken for a value, a count of floor-drying mats taken
for readings, a note that says the record stands giving its value again, a numbered section's visit
day not dating the readings under it, and a value's own day written after its scale."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _readings(notes: str) -> list[tuple[float, str, date | None, bool]]:
    return [
        (r.value, r.location, r.taken_on, r.is_reference)
        for r in analyze_text(notes, received=date(2026, 12, 1)).moisture_readings
    ]


# --- a room's number in a series of rooms of one kind ---------------------------------------------

_MEETING_ROOMS = """Claim: 88-1200
Date of loss: 4 May 2026
Inspection date: 4 May 2026
Affected: Boardroom - carpet wet over 6 m2, plasterboard wet to 300 mm.
Not affected: Meeting room 3 (our dry standard), meeting room 4 and the kitchenette were checked \
and are dry. The projector from the boardroom was carried to meeting room 4 for the week.
Readings (Protimeter, WME)
Boardroom wall 33 WME, boardroom skirting 28 WME.
"""


def test_a_number_naming_one_of_a_series_of_rooms_is_no_reading() -> None:
    # Given a line naming "meeting room 3" and "meeting room 4", neither number with a scale
    found = _readings(_MEETING_ROOMS)
    # Then neither room's number is read as a value; the real readings stay
    assert not {value for value, _, _, _ in found} & {3.0, 4.0}
    assert (33.0, "Boardroom", date(2026, 5, 4), False) in found


def test_numbered_treatment_rooms_in_other_words_give_no_value() -> None:
    # Given the same kind of writing with "treatment rm 1" and "treatment rm 2"
    notes = (
        _MEETING_ROOMS.replace("Meeting room 3", "Treatment rm 1")
        .replace("meeting room 4 and", "treatment rm 2 and")
        .replace("to meeting room 4", "to treatment rm 2")
    )
    found = _readings(notes)
    # Then the numbers 1 and 2 are the rooms' names, no readings
    assert not {value for value, _, _, _ in found} & {1.0, 2.0}


def test_a_named_room_with_one_value_still_reads() -> None:
    # Given a named room with a value after it and no other room of its kind on the line
    notes = "Water from the dishwasher.\nFamily room: carpet wet.\nReadings (WME)\nfamily room 28 / hall 14\n"
    found = _readings(notes)
    # Then the value after "family room" is still its reading (the rule needs a series)
    assert 28.0 in {value for value, _, _, _ in found}


# --- a floor-drying system's mats or panels are counted, never read -------------------------------

_MATS = """Claim: 55-3010
Date of loss: March 9, 2026
Inspection date: March 10, 2026
Dining room: oak strip floor wet over 12 m2, cupping at the kitchen edge.
Den next door is dry and gave the dry standard.
Readings (wood scale %MC)
03/10 dining oak by kitchen 24, dining oak middle 19
Equipment
Timber floor drying mats: 6 on 3/10, 9 from 3/12 after the owner asked \
for the den edge to be included. 2 air movers, 1 dehu.
"""


def test_a_count_of_floor_drying_mats_is_no_reading() -> None:
    # Given a count of drying mats, each count by its day
    found = _readings(_MATS)
    # Then no count is read as a reading; the floor's readings are
    assert not {value for value, _, _, _ in found} & {6.0, 9.0}
    assert 24.0 in {value for value, _, _, _ in found}


def test_suction_panels_in_other_words_are_counted_too() -> None:
    # Given a vacuum system's panels told by number in other words
    notes = _MATS.replace("Timber floor drying mats: 6 on 3/10, 9", "Hardwood suction panels: 5 on 3/10, 7")
    found = _readings(notes)
    # Then the panel counts are no readings either
    assert not {value for value, _, _, _ in found} & {5.0, 7.0}


def test_a_floor_near_a_mat_still_gives_its_reading() -> None:
    # Given a surface reading beside an entry mat (a mat by the door, no drying system)
    notes = (
        "Burst hose.\nLaundry: vinyl and skirting wet.\nReadings (WME)\n"
        "laundry skirting by the door mat 31 WME, hall skirting 12 WME\n"
    )
    found = _readings(notes)
    # Then the skirting's reading is kept
    assert 31.0 in {value for value, _, _, _ in found}


# --- a note that says the record stands -----------------------------------------------------------

_TABLE = """Claim: 71-4482
Date of loss: June 1, 2026
Inspection date: June 2, 2026
Study: carpet and drywall wet along the outside wall.
Readings (drywall scale %)
| Point | 6/2 | 6/4 |
| Study drywall low | 36 | 15 |
| Study drywall high | 22 | 11 |
"""


def test_a_note_that_the_table_is_right_gives_no_reading_of_its_own() -> None:
    # Given a note after the table: the text message was a slip, the table stands, its value in brackets
    notes = _TABLE + 'I told the adjuster "study at 51" on the phone - a slip, the table is right (15).\n'
    found = _readings(notes)
    # Then only the table's readings are read: the 15 once, on its own day
    assert [v for v, _, _, _ in found].count(15.0) == 1
    assert (15.0, "Study", date(2026, 6, 4), False) in found


def test_a_log_said_correct_in_other_words_is_not_read_twice() -> None:
    # Given the same kind of note: "the log was correct: 11"
    notes = (
        _TABLE
        + 'Friday 6/5: I e-mailed "study high at 17" - that was my mistake, the log was correct (11).\n'
    )
    found = _readings(notes)
    # Then the 11 is the table's alone
    assert [v for v, _, _, _ in found].count(11.0) == 1


def test_a_note_saying_a_value_is_right_without_a_slip_is_untouched() -> None:
    # Given a sentence with no slip word that says a reading is right
    notes = (
        _TABLE.replace("| Study drywall high | 22 | 11 |\n", "")
        + "Hall drywall 14 on 6/4, the table is right there.\n"
    )
    found = _readings(notes)
    # Then the rule strikes nothing
    assert (36.0, "Study", date(2026, 6, 2), False) in found


# --- a numbered section that is a dated visit ----------------------------------------------------

_SECTIONS = """Claim 30-7781. Loss 10/02/2026.
1. Inspection, 11th February 2026
Laundry: particleboard floor swollen; skirting wet.
Laundry floor 44 WME, laundry skirting 31 WME.
2. Return visit, 18th February 2026 (dehumidifier running since the 12th)
Laundry floor 27 WME, laundry skirting 16 WME.
3. Recommendations
Replace the laundry floor.
"""


def test_a_numbered_sections_visit_day_dates_the_readings_under_it() -> None:
    # Given a numbered section titled by a visit and its date
    found = _readings(_SECTIONS)
    # Then the readings under it are that day's, not the first visit's
    assert (27.0, "Laundry", date(2026, 2, 18), False) in found
    assert (16.0, "Laundry", date(2026, 2, 18), False) in found
    assert (44.0, "Laundry", date(2026, 2, 11), False) in found


def test_a_bracketed_numbered_recheck_dates_its_readings() -> None:
    # Given "2) Re-check on 20/02/2026" in other words
    notes = _SECTIONS.replace("2. Return visit, 18th February 2026", "2) Re-check on 20/02/2026")
    found = _readings(notes)
    # Then its readings are read on the 20th
    assert (27.0, "Laundry", date(2026, 2, 20), False) in found


def test_a_numbered_section_without_a_date_keeps_the_days_so_far() -> None:
    # Given a numbered "Final" section with no date of its own over more readings
    notes = _SECTIONS.replace("3. Recommendations\n", "3. Final notes\nLaundry floor 19 WME.\n")
    found = _readings(notes)
    # Then its readings are not dated by the section's number (they stay on the visit before)
    assert (19.0, "Laundry", date(2026, 2, 18), False) in found


# --- a value's own day written after its scale ----------------------------------------------------

_LOG = """Claim: 64-2290
Date of loss: 14 July 2026
Inspection date: 18 July 2026
Hall: carpet and skirting wet by the linen press.
Restorer's log: hall skirting 33 WME 14/07, 21 WME 16/07; linen press base 38 WME 14/07. \
Lounge skirting 11 WME 14/07 as the dry standard.
"""


def test_a_date_after_a_values_scale_is_that_values_day() -> None:
    # Given values each followed by their scale and day, a comma or a full stop after the day
    found = _readings(_LOG)
    # Then each value is read on its own day, not the next value's
    assert (33.0, "Hall", date(2026, 7, 14), False) in found
    assert (21.0, "Hall", date(2026, 7, 16), False) in found
    assert (38.0, "Hall", date(2026, 7, 14), False) in found
    assert (11.0, "Lounge", date(2026, 7, 14), True) in found


def test_a_percent_scale_and_an_american_date_are_read_alike() -> None:
    # Given the same kind of writing with %MC and month/day dates
    notes = """Claim: 9931
Date of loss: March 2, 2026
Inspection date: March 9, 2026
Den: oak floor wet.
Their log: den oak 26 %MC 3/3, 18 %MC 3/5.
"""
    found = _readings(notes)
    assert (26.0, "Den", date(2026, 3, 3), False) in found
    assert (18.0, "Den", date(2026, 3, 5), False) in found


def test_a_date_that_leads_the_next_part_is_not_the_values() -> None:
    # Given a date after a value that a place and a value follow before any break
    notes = _LOG.replace(
        "hall skirting 33 WME 14/07, 21 WME 16/07; linen press base 38 WME 14/07.",
        "hall skirting 33 WME 16/07 linen press base 21 WME;",
    )
    found = _readings(notes)
    # Then the date is not taken as the first value's own
    assert (33.0, "Hall", date(2026, 7, 16), False) not in found


# --- a reading at the shower is the one bathroom's ------------------------------------------------

_SHOWER = """Claim: 40-5521
Date of loss: 2 October 2026
Inspection date: 5 October 2026
- Ensuite, 2.0 x 1.6 m: grout failed at the shower screen, lining behind the shower wet.
- Guest room, 3.4 x 3.1 m: skirting on the shared wall stained and wet.
Readings (Protimeter, WME):
Guest room shared wall 29 WME; guest room skirting 24 WME.
Floor joist under the shower 33 WME; floor joist under the hallway 13 WME.
"""


def test_a_reading_under_the_shower_is_the_bathrooms_not_the_room_read_before() -> None:
    # Given a roomless line "joist under the shower" after the guest room's readings
    found = _readings(_SHOWER)
    # Then it is the ensuite's reading (the one affected room a shower stands in)
    assert (33.0, "Ensuite", date(2026, 10, 5), False) in found
    assert (24.0, "Guest room", date(2026, 10, 5), False) in found


def test_a_reading_at_the_shower_in_other_words_is_the_bathrooms() -> None:
    # Given "Particleboard at the shower" after the laundry's readings
    found = _readings("""Claim: 40-7730
Date of loss: 2 October 2026
Inspection date: 5 October 2026
- Bathroom: shower tray cracked, vinyl lifting at the door.
- Laundry next door: skirting swollen along the shared wall.
Readings (Protimeter, WME):
Laundry skirting 35 WME, laundry wall 27 WME.
Particleboard at the shower 44 WME.
""")
    # Then it is the bathroom's
    assert (44.0, "Bathroom", date(2026, 10, 5), False) in found


def test_a_shower_with_two_wet_rooms_it_may_stand_in_names_neither() -> None:
    # Given an ensuite and a bathroom both affected
    notes = """Claim: 40-7730
Date of loss: 2 October 2026
Inspection date: 5 October 2026
- Bathroom: shower tray cracked, vinyl lifting at the door.
- Laundry next door: skirting swollen along the shared wall.
Readings (Protimeter, WME):
Laundry skirting 35 WME, laundry wall 27 WME.
Particleboard at the shower 44 WME.
""".replace("- Laundry next door", "- Ensuite next door").replace(
        "Laundry skirting 35 WME, laundry wall 27 WME", "Ensuite skirting 35 WME, ensuite wall 27 WME"
    )
    found = _readings(notes)
    # Then the shower does not choose between them: the reading stays with the room read before
    assert (44.0, "Bathroom", date(2026, 10, 5), False) not in found


# --- the firm's office is no room -----------------------------------------------------------------

_JOB_SHEET = """Rapid Dry - job sheet (not finished)
Friday - called out about a wet carpet in the spare bedroom. Tenant let us in.
Carpet wet along the wall under the window, a metre or two of it.
Office wrote "Cat 1?" on the job card - can't tell yet.
Loaner meter (no scale shown): wall under window 41, middle of the same wall 25, far wall 12.
"""


def test_an_office_that_writes_is_the_firms_not_a_room_the_readings_are_in() -> None:
    # Given "Office wrote ..." between the wet room's line and its roomless readings
    found = _readings(_JOB_SHEET)
    # Then the readings stay with the wet room
    assert (41.0, "Spare bedroom", None, False) in found
    assert all(location != "Office" for _, location, _, _ in found)


def test_an_office_that_is_rung_is_the_firms_too() -> None:
    # Given "I rang the office" in the same place, in other words
    notes = _JOB_SHEET.replace(
        'Office wrote "Cat 1?" on the job card - can\'t tell yet.',
        "I rang the office about the claim number - they will call back.",
    )
    found = _readings(notes)
    assert (25.0, "Spare bedroom", None, False) in found
    assert all(location != "Office" for _, location, _, _ in found)


def test_an_office_that_took_water_is_still_a_room() -> None:
    # Given an office the water ran from (no one writes or rings it)
    notes = "Burst pipe.\nWater ran from the office into the hall.\nOffice: carpet wet along the desk.\n"
    notes += "Readings (WME): office carpet edge 38 WME\n"
    found = _readings(notes)
    # Then the office is the room the reading is in
    assert (38.0, "Office", None, False) in found
