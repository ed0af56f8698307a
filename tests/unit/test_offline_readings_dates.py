"""Readings dated by what is written beside them: a point re-read on later days in one sentence,
a fraction of an inch that is no date, a dry standard restated in a table."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _readings(text: str) -> list[tuple[float, str, date | None, bool]]:
    return [
        (reading.value, reading.unit, reading.taken_on, reading.is_reference)
        for reading in analyze_text(text).moisture_readings
    ]


def test_a_point_re_read_on_later_days_in_one_sentence() -> None:
    # Given one point's readings on three days, the later ones only "date - value"
    text = (
        "Job 7702, inspected 13/06/2026 (Perth WA).\nCellar: brick wall wet at the base.\n\n"
        "Cellar brick wall, relative scale: 13/06 - 88 at 200 mm above the floor; 15/06 - 41; 19/06 - 17.\n"
    )
    found = _readings(text)
    # Then each is the same point's reading on its own day; the height is not a reading
    assert [(value, day) for value, _, day, _ in found] == [
        (88.0, date(2026, 6, 13)),
        (41.0, date(2026, 6, 15)),
        (17.0, date(2026, 6, 19)),
    ]
    assert {unit for _, unit, _, _ in found} == {"REL"}


def test_a_dated_value_with_no_reading_before_it_is_not_read() -> None:
    # Given "date - number" parts with no reading of a point before them
    text = "Job 7703, inspected 13/06/2026 (Perth WA).\nInvoices: 15/06 - 41; 19/06 - 17.\n"
    # Then nothing is read
    assert _readings(text) == []


def test_a_fraction_of_an_inch_at_the_start_of_a_line_is_no_date() -> None:
    # Given a cause line that starts with a pipe size, then a reading on the inspection day
    text = (
        'Inspected Oct 2, 2026.\n\nCause\n1/4" supply tube to the fridge split.\n\n'
        "Kitchen: toe kick wet.\nKitchen toe kick 28%MC.\n"
    )
    found = _readings(text)
    # Then the reading keeps the inspection day, not 4 January
    assert found == [(28.0, "%MC", date(2026, 10, 2), False)]


def test_a_dry_standard_restated_in_a_table_is_one_reading() -> None:
    # Given a dry standard written in the preamble and again in the table's REF column that day
    text = (
        "Inspected Oct 2, 2026.\nStudy carpet wet by the door. Hall carpet wet.\n"
        "Dry standard: lounge carpet, unaffected: 9%MC (REF).\n\nMoisture log (%MC)\n"
        "| Date | S1 study door | S2 study desk | REF lounge carpet |\n"
        "| 10/2 | 31 | 25 | 9 |\n| 10/4 | 14 | 12 | 9 |\n"
    )
    found = _readings(text)
    references = [(value, day) for value, _, day, is_reference in found if is_reference]
    # Then the first day's dry standard is listed once; the later day's is its own reading
    assert references == [(9.0, date(2026, 10, 2)), (9.0, date(2026, 10, 4))]
    assert len(found) == 6


_LATER_VISITS = (
    "Job 3301, 9 Banksia Way, Bunbury WA 6230. Inspected 04/08/2026.\n"
    "Meter: Protimeter, WME scale.\n"
    "Study: carpet wet, the skirting behind the desk swollen. Hall: carpet wet by the study door.\n\n"
    "Intake: study skirting 38, hall skirting 30.\n\n"
    "Then on Thursday 06/08: study skirting down to 21, hall skirting 17.\n"
    "On Friday 07/08 the study skirting was down to 15, the hall skirting 13 and the bed 2 skirting 12."
    " By Saturday 08/08 the study skirting read 12.\n"
)


def _dated(text: str) -> list[tuple[float, str, date | None]]:
    return [
        (reading.value, reading.location, reading.taken_on)
        for reading in analyze_text(text).moisture_readings
    ]


def test_a_date_after_words_of_time_dates_the_readings_of_its_line() -> None:
    found = _dated(_LATER_VISITS)
    # "Then on Thursday 06/08:" and "On Friday 07/08 the ..." date their lines, not the intake day
    assert (21.0, "Study", date(2026, 8, 6)) in found
    assert (17.0, "Hall", date(2026, 8, 6)) in found
    assert (15.0, "Study", date(2026, 8, 7)) in found
    # a list in a sentence goes on after its first reading ("..., the hall skirting 13 and ...")
    assert (13.0, "Hall", date(2026, 8, 7)) in found
    # a later sentence's own date dates its reading
    assert (12.0, "Study", date(2026, 8, 8)) in found
    # the room's number is no reading
    assert not any(value == 2.0 for value, _, _ in found)


def test_the_day_of_a_date_after_a_scale_is_no_reading_and_a_goal_is_no_reading() -> None:
    # Given a block heading with its scale just before its date, and a goal told in a sentence
    text = (
        "Att 14/01/2026.\nLaundry vinyl wet. Hall carpet wet.\n\n"
        "MC Protimeter WME 15/01: laundry pbd 33 / hall skirt 25\n"
        "Our goal for the skirting is 12% or less.\n"
    )
    values = sorted(reading.value for reading in analyze_text(text).moisture_readings)
    # Then "WME 15" is not read off the date, and the goal is not a reading
    assert values == [25.0, 33.0]


_HOMEOWNER = (
    "We live at 5 Kowhai St, Riccarton, Christchurch 8011. The cylinder burst on Thursday 4 June 2026"
    " and the restorer came on Friday 5 June 2026.\n\n"
    "The airing cupboard floor was soaked, the hallway carpet was wet and the water got into Mia's room"
    " along the skirting.\n\n"
    "He used a meter on everything. The cupboard wall was 38 on his meter, the hallway wall 24, the"
    " skirting in Mia's room 20.\n\n"
    "On Monday the 8th he came back. The hallway wall was 13 and Mia's room 12, but the cupboard wall"
    " was still 18. He took the last fan away on Wednesday the 10th when the cupboard was down to 13.\n"
)


def test_a_homeowner_tells_readings_in_sentences_dated_by_the_day_of_the_month() -> None:
    found = [
        (reading.value, reading.location, reading.taken_on)
        for reading in analyze_text(_HOMEOWNER).moisture_readings
    ]
    assert (24.0, "Hallway", date(2026, 6, 5)) in found  # "..., the hallway wall 24"
    assert (20.0, "Mia's room", date(2026, 6, 5)) in found  # "Mia's room 20" is no room number
    assert (13.0, "Hallway", date(2026, 6, 8)) in found  # "On Monday the 8th" dates the paragraph
    assert (12.0, "Mia's room", date(2026, 6, 8)) in found
    assert (13.0, "Airing cupboard", date(2026, 6, 10)) in found  # the cupboard, by its last word


def test_a_date_inside_a_line_dates_the_listed_readings_after_it() -> None:
    text = (
        "Inspected Jan 12, 2026. Hallway carpet and OSB wet, closet plate wet.\n\n"
        "By January 14 the hallway OSB was at 15% near the closet and 13% at the far end. Final readings on"
        " 1/15: hallway OSB 11% and 12%, hallway drywall 10%.\n"
    )
    found = [(reading.value, reading.taken_on) for reading in analyze_text(text).moisture_readings]
    assert found == [
        (15.0, date(2026, 1, 14)),
        (13.0, date(2026, 1, 14)),
        (11.0, date(2026, 1, 15)),
        (12.0, date(2026, 1, 15)),
        (10.0, date(2026, 1, 15)),
    ]


_DATED_GROUPS = """Storm damage, 40 Port Rd, Hindmarsh SA. Attended 18/10/2026.
Showroom: carpet tiles wet, plasterboard partition wicking.
Moisture (Protimeter, WME on plasterboard)
- Showroom partition wall: 33, 29 (18/10); 19, 17 (20/10); 14, 12 (22/10)
- Air movers: 4 (18/10); 2 (20/10)
"""


def test_groups_of_readings_each_dated_by_the_day_after_them() -> None:
    found = {(r.value, r.taken_on) for r in analyze_text(_DATED_GROUPS).moisture_readings}
    assert {(33.0, date(2026, 10, 18)), (29.0, date(2026, 10, 18))} <= found
    assert {(19.0, date(2026, 10, 20)), (17.0, date(2026, 10, 20))} <= found
    assert {(14.0, date(2026, 10, 22)), (12.0, date(2026, 10, 22))} <= found
    assert len(found) == 6  # the equipment counts are none


_LOG_ENTRIES = """Adjuster file notes - claim 77-4410, 12 Rue Laval, Gatineau QC. Loss 2026-07-13.
Affected: rec room (carpet, drywall, bottom plates) and basement bedroom.
2026-07-14 10:00 - Site visit. Vendor readings to follow.
2026-07-17 09:15 - Update from vendor (readings 07-16): rec room plate 22 %MC, bedroom plate 17 %MC.
2026-07-19 11:40 - Update (readings 07-18): rec room plate 15 %MC, bedroom plate 13 %MC.
"""


def test_a_log_entrys_readings_are_of_the_day_its_bracket_states() -> None:
    found = {(r.value, r.taken_on) for r in analyze_text(_LOG_ENTRIES).moisture_readings}
    assert {(22.0, date(2026, 7, 16)), (17.0, date(2026, 7, 16))} <= found
    assert {(15.0, date(2026, 7, 18)), (13.0, date(2026, 7, 18))} <= found
    assert not any(day in (date(2026, 7, 17), date(2026, 7, 19)) for _, day in found)


def test_each_value_followed_by_on_and_a_date_is_read_on_that_date() -> None:
    # Given readings each followed by "on <day>", under a heading naming the two visits and without one
    head = "Job 5531, first attended 04/03/2026 (Hobart TAS).\nLaundry: vinyl lifted, skirting wet.\n\n"
    for heading in ("Meter readings (ours 04/03, the builder's 06/03)\n", "Meter readings\n"):
        text = head + heading + "- Laundry skirting: 29 WME on 04/03, 18 WME on 06/03.\n"
        found = [(value, day) for value, _, day, _ in _readings(text)]
        # Then each value takes the day written after it, not the day before it or the line's first
        assert (29.0, date(2026, 3, 4)) in found, heading
        assert (18.0, date(2026, 3, 6)) in found, heading


def test_a_dry_standards_line_opened_by_its_own_date_is_read_on_that_date() -> None:
    # Given dry standards taken on the second visit, the line opening with their label and that date
    text = (
        "Job 6120, first attended 10/05/2026 (Launceston TAS).\nStudy: carpet wet, skirting wet.\n\n"
        "Readings\n- Study skirting: 25 WME.\n- Dry std, 12/05: dining skirting 11 WME.\n"
    )
    found = _readings(text)
    # Then the dry standard is the second visit's, not the first's
    assert (11.0, "WME", date(2026, 5, 12), True) in found


def test_a_list_item_led_by_its_visit_and_day_of_the_month_is_that_days() -> None:
    # Given an email that tells the loss's day, then list items that open with which visit it was,
    # or a weekday, then "the 16th"
    text = """Date: Fri, 22 May 2026 9:10 am
Subject: Claim 7781 - dishwasher leak

Friday the 15th, late at night, the dishwasher hose let go and flooded the kitchen floor.

The drying man came the next morning, the 16th. His numbers (WME, he said):
- first morning, the 16th: kitchen wall by the sink 31, kick board 26.
- Tuesday the 19th: kitchen wall by the sink 18, kick board 17.
"""
    found = [(r.value, r.taken_on) for r in analyze_text(text).moisture_readings]
    # Then each item's readings are on its own day
    assert (31.0, date(2026, 5, 16)) in found
    assert (18.0, date(2026, 5, 19)) in found


_RECHECK = """DAMP SURVEY - 14 Quay Street, Swansea SA1 1HB
Visit: Monday 2 March 2026. Re-check later.
Readings (Protimeter, pins = WME)
- Kitchen skirting at the sink: 27 WME
- Kitchen door lining foot: 24 WME; kitchen plinth 22 WME
Re-check 16 March 2026 (the plumber replaced the trap on 4 March; the units are still in place):
- Kitchen skirting at the sink: 17 WME
"""


def test_a_long_visit_heading_ending_with_a_colon_is_no_wrap_of_the_bullet_above() -> None:
    found = {(value, day) for value, _, day, _ in _readings(_RECHECK)}
    assert (27.0, date(2026, 3, 2)) in found
    assert (17.0, date(2026, 3, 16)) in found


def test_a_bullet_wrapped_onto_a_long_line_keeps_its_visit() -> None:
    text = _RECHECK.replace(
        "Re-check 16 March 2026 (the plumber replaced the trap on 4 March; the units are still in place):",
        "then re-read after the plumber's visit and the trap replaced on 16 March 2026, units still in",
    )
    found = {(value, day) for value, _, day, _ in _readings(text)}
    assert (17.0, date(2026, 3, 2)) in found
