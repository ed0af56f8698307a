"""Numeric dates that could be day-first or month-first, read the way that keeps them near."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.job_date_labels import INSPECTION_LABEL, LOSS_DATE_LABEL, labelled_date
from chalicelib.analysis.offline.text import Line, prepare_lines


def test_an_ambiguous_visit_date_reads_the_way_that_keeps_it_beside_a_known_one() -> None:
    # Given notes from a province with no settled date order: a visit written with the month's
    # name, then a visit written 11/06 (6 November, or 11 June: only one is near the first)
    findings = analyze_text(
        "Site: 40 Larch Rd, Kelowna BC V1Y 2K4\n"
        "Nov 5, 2026 - first visit\n"
        "Readings: kitchen drywall 40%\n"
        "\n"
        "11/06 10:00\n"
        "Readings: kitchen drywall 22%\n"
    )
    # When the readings are dated
    dates = [reading.taken_on for reading in findings.moisture_readings]
    # Then the second visit is the next day, not seven months before
    assert dates == [date(2026, 11, 5), date(2026, 11, 6)]


def test_an_ambiguous_date_far_from_any_known_one_stays_undetermined() -> None:
    # Given the same order problem with no date nearby to settle it
    findings = analyze_text("Site: 40 Larch Rd, Kelowna BC V1Y 2K4\nDate of loss: 04/05/2026\n")
    # Then the date of loss is left undetermined rather than guessed
    assert findings.job.date_of_loss is None


def test_a_weekday_and_day_that_fit_two_months_take_the_one_the_story_moves_to() -> None:
    # Given a loss on Tuesday 11 March 2025, an aside about 28 February, then a visit on "Thursday
    # 13th" (13 February and 13 March 2025 are both Thursdays)
    findings = analyze_text(
        "The pipe burst on Tuesday 11 March 2025 in the laundry. It was serviced on 28 February.\n"
        "The drying company came on Thursday 13th and found the laundry floor wet.\n"
    )
    # Then the visit is 13 March: after the dates around it, not a month before the loss
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(2025, 3, 13)


def test_a_drying_firm_named_by_its_name_is_the_visit() -> None:
    findings = analyze_text(
        "On Monday 9 November 2026 the vanity pipe leaked in the bathroom.\n"
        "Clearwater Drying came out Tuesday afternoon, 10 November, and read the wall at 28.\n"
    )
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(2026, 11, 10)


def test_an_arrival_told_by_its_hour_is_on_the_day_the_sentence_before_gave() -> None:
    findings = analyze_text(
        "The hose came off on Monday, March 3, 2025 in the evening. The cook found it at 6:10 a.m. on "
        "Tuesday, March 4, 2025. We were on site at 6:40 a.m., before the children arrived.\n"
    )
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(2025, 3, 4)


def test_a_file_note_entry_headed_by_its_date_and_site_visit_is_the_inspection() -> None:
    # Given an adjuster's file notes: the call, a leak-detection firm's visit, then our site visit
    findings = analyze_text(
        "29/09/2025 - FNOL by phone. Water running under the kitchen floor.\n"
        "02/10/2025 - Trace & access carried out by LeakTrace SW in the kitchen.\n"
        "07/10/2025 - Site visit. Kitchen screed wet.\n"
    )
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(2025, 10, 7)


def test_a_file_note_dates_the_loss_by_the_day_written_in_it_and_the_visit_by_its_entry() -> None:
    # Given an adjuster's file notes: entries led by a date and a time, the loss told as "the early
    # hours of Jun 15" (no year) in the FNOL entry of the 16th, the site inspection in the next day's
    notes = (
        "Risk: 1187 Glenbourne Dr, Oshawa, ON L1K 0T5\n"
        "Jun 16, 2026 10:05 - FNOL taken by phone. Insured says the basement floor drain backed up"
        " during the heavy rain in the early hours of Jun 15; he noticed it that morning.\n"
        "Jun 16, 2026 14:30 - Assigned a contractor for emergency services.\n"
        "Jun 17, 2026 09:00 - Site inspection with the contractor. Sludge line 1 in. up the walls.\n"
    )
    job = analyze_text(notes).job
    # Then the loss is the 15th (the day written, its year from the entry) and the visit the 17th
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2026, 6, 15)
    assert job.inspection_date is not None and job.inspection_date.value == date(2026, 6, 17)


def test_a_weekday_gives_a_yearless_first_date_its_year() -> None:
    # Given a story that never writes a year: "Tuesday 10 November", then "Thursday 12th"
    notes = (
        "Got the call on Tuesday 10 November just after 7 am: the flexi hose under the laundry tub had"
        " let go after midnight and water was across the laundry.\n"
        "We attended that morning. Laundry vinyl wet.\n"
        "Back Thursday 12th: laundry wall 19 WME.\n"
    )
    # (received on 1 December 2027: the pipeline passes the day the notes came in, never the clock's)
    findings = analyze_text(notes, received=date(2027, 12, 1))
    # Then the days are in the latest year whose 10 November was a Tuesday, up to the received year
    expected_year = next(y for y in range(2027, 2000, -1) if date(y, 11, 10).weekday() == 1)
    assert expected_year == 2026
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(expected_year, 11, 10)
    assert [reading.taken_on for reading in findings.moisture_readings] == [date(expected_year, 11, 12)]


def _loss_day(notes: str) -> date | None:
    job = analyze_text(notes).job
    return job.date_of_loss.value if job and job.date_of_loss else None


def test_the_day_the_water_got_in_dates_the_loss_not_the_weather_before_it() -> None:
    # Given a homeowner's email: a snowstorm on one day, the ceiling dripping days later
    notes = (
        "Date: Tue, Feb 10, 2026 at 9:14 PM\n"
        "Subject: ice dam leak, 4410 Pleasant Ave S, Minneapolis MN 55419\n"
        "We had the big snowstorm on January 24th and then nothing but cold until the thaw last week."
        " On Tuesday the 3rd (Feb 3) around dinner time my son said his ceiling was dripping."
        " There was a big ice dam along the back eave and the melt was backing up under the shingles.\n"
        "The restorer came out Wednesday Feb 4, 2026 and read the bedroom ceiling at 28%.\n"
    )
    # Then the loss is the day it dripped
    assert _loss_day(notes) == date(2026, 2, 3)


def test_a_flood_warning_is_not_the_loss() -> None:
    # Given a creek flood: the warning on one evening, the water in the house after midnight
    notes = (
        "Flood, 12 Trafalgar St, Annandale NSW 2038.\n"
        "The Bureau's flood warning for the local creeks went out on the evening of Saturday"
        " 14 February 2026. Overnight the channel behind the property broke its banks and water came"
        " across the back yard and into the house at about 1 am on Sunday 15 February."
        " Our first visit was on Monday 16 February 2026.\n"
    )
    assert _loss_day(notes) == date(2026, 2, 15)


def test_the_night_the_hose_split_told_in_the_next_sentence_is_the_loss() -> None:
    # Given the event's date in one sentence and the escape in the next, then the discovery next morning
    notes = (
        "Unit 10, 28 Marine Parade, Southport QLD 4215.\n"
        "- Mia upstairs put a load in her washing machine at about 9.30 pm on Monday night (20/07/2026) and"
        " went to bed. The cold water hose on the back of the machine split while it was filling.\n"
        "- I woke up at 6.40 am on Tuesday 21/07 to dripping in my laundry.\n"
    )
    assert _loss_day(notes) == date(2026, 7, 20)


def test_may_is_the_month_beside_a_day_and_the_verb_beside_a_room() -> None:
    # Given a day in May told without its year, and a room that "may have" been wet
    notes = (
        "Job summary, 23 Matai Road, Hataitai, Wellington 6021. Attended Tue 02/06/2026.\n"
        "What happened: on Saturday 30 May at about 10 am the laundry tub overflowed for 40 minutes.\n"
        "Bedroom 2 may have been wet too; it read dry.\n"
    )
    # Then the loss is 30 May, and no date is read from "2 may have"
    assert _loss_day(notes) == date(2026, 5, 30)


def test_a_loss_told_after_the_visit_in_the_same_paragraph_outweighs_a_wrong_labelled_date() -> None:
    # Given an office header's date of loss after the first visit, and the tech's paragraph that
    # opens with the visit and goes on to tell when the water got out
    notes = (
        "Address: 3318 Calle Sombra NE, Albuquerque, NM 87111\nDOL: 06/22/2026\n"
        "(header filled in by the office from the phone intake)\n"
        "6/21/2026 2:00 PM first visit. Owner says the evaporative cooler on the flat roof started"
        " dripping through the living room ceiling on Saturday 6/20 around 4 PM - a float valve stuck.\n"
    )
    findings = analyze_text(notes)
    # Then the loss is the day it dripped and the visit stays the inspection
    assert _loss_day(notes) == date(2026, 6, 20)
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(2026, 6, 21)


def _job_dates(text: str) -> tuple[date | None, date | None]:
    job = analyze_text(text).job
    return (
        job.date_of_loss.value if job.date_of_loss else None,
        job.inspection_date.value if job.inspection_date else None,
    )


@pytest.mark.parametrize(
    ("header", "loss"),
    [
        ("Date of fire: Tuesday 3 March 2026, about 9 pm", date(2026, 3, 3)),
        ("Date of flood: 03/03/2026", date(2026, 3, 3)),
        ("Date the water entered the house: 03/03/2026", date(2026, 3, 3)),
        ("Fire date - 3 March 2026", date(2026, 3, 3)),
    ],
)
def test_a_date_labelled_with_what_the_loss_was_is_the_loss(header: str, loss: date) -> None:
    # Given a header that names the fire, the flood or the water coming in, in an Australian job
    text = f"Site: 9 Banksia Rd, Orange NSW 2800\n{header}\nOur attendance: 05/03/2026\n"
    # Then that is the date of loss, day-first as the state writes it
    assert _job_dates(text) == (loss, date(2026, 3, 5))


def test_a_yearless_day_straight_after_a_label_takes_the_year_the_notes_gave() -> None:
    # Given tech notes that give the year once, then "DOL 14/05" in the source line
    text = (
        "Addr: 3/7 Mirrabooka Ave, Bruce ACT 2617\n"
        "Att 15/05/26 0900\n"
        "SRC: dishwasher inlet hose split under the bench. DOL 14/05.\n"
    )
    # Then the loss is 14 May of that year
    assert _job_dates(text) == (date(2026, 5, 14), date(2026, 5, 15))


@pytest.mark.parametrize(
    "visit",
    [
        "Insp: 11/17/26",
        "Attend Tue 11/17/26 0930.",
        "Walk-through Tue 11/17/26 9 AM with the adjuster",
        "Fire on 11/16. Walked 11/17/26 with the adjuster.",
    ],
)
def test_an_abbreviated_or_walk_through_visit_label_is_the_inspection(visit: str) -> None:
    # Given a US job whose first visit is written in the short forms field notes use
    text = f"Site: 88 Orchard Ln, Dayton, OH 45419\nDOL: 11/16/26\n{visit}\n"
    # Then the visit is the inspection
    assert _job_dates(text)[1] == date(2026, 11, 17)


def test_a_visit_after_a_call_from_an_agent_is_still_ours() -> None:
    # Given a call from a letting agent, and in the next sentence our own attendance
    text = (
        "Property: 12 Lisburn Rd, Belfast BT9 6AA\n"
        "Call taken 14/09/2026 from the letting agent (Harbour Lets). Attended 15/09/2026 10:00.\n"
    )
    # Then the agent in the sentence before does not make the attendance someone else's
    assert _job_dates(text)[1] == date(2026, 9, 15)


def test_a_long_leak_the_writer_rules_out_leaves_the_told_day_the_loss() -> None:
    # Given a drain hose that jumped out on a dated evening, and a long leak suggested and ruled out
    text = (
        "Site: 4 Kurrajong St, Ballarat VIC 3350\n"
        "The tenant says the washer drain hose jumped out of the standpipe on the evening of 02/06/2026."
        " Her partner thought it had been leaking for ages; we found no rot or staining to support a"
        " long-term leak.\n"
        "Date of inspection: 03/06/2026\n"
    )
    # Then the evening told is the loss
    assert _job_dates(text) == (date(2026, 6, 2), date(2026, 6, 3))


def test_a_long_leak_the_writer_asserts_dates_no_loss() -> None:
    text = (
        "Site: 4 Kurrajong St, Ballarat VIC 3350\n"
        "The owner noticed the swollen skirting on 02/06/2026; this is a long-term leak from the shower"
        " tray waste.\n"
        "Date of inspection: 03/06/2026\n"
    )
    assert _job_dates(text)[0] is None


def test_a_struck_sprinkler_head_dates_the_loss() -> None:
    text = (
        "Site: 1200 Dock Rd, Memphis, TN 38118\n"
        "A delivery truck hit a sidewall sprinkler head in bay 3 at 7:10 AM on Tuesday 6/9/2026.\n"
        "We were on site 6/9/2026 at 9 AM.\n"
    )
    assert _job_dates(text) == (date(2026, 6, 9), date(2026, 6, 9))


def test_a_report_that_tells_the_loss_last_evening_with_a_yearless_date() -> None:
    # Given a claim file entry: the call dated in full, the loss "last evening (9/14)" in reported speech
    text = (
        "Risk: 77 Aspen Way, Boulder, CO 80301\n"
        "09/15/26 08:40 FNOL by phone. Insured reports the laundry sink overflowed last evening (9/14)"
        " around 7 pm.\n"
        "09/16/26 10:00 Field inspection by writer.\n"
    )
    # Then the evening before the call is the loss, and a yearless date that does not fit is ignored
    assert _job_dates(text)[0] == date(2026, 9, 14)
    wrong = text.replace("(9/14)", "(9/11)")
    assert _job_dates(wrong)[0] != date(2026, 9, 11)


def test_an_afternoon_written_arvo_with_its_weekday_dates_the_loss() -> None:
    text = (
        "U2/8 Casuarina Dr, Rapid Creek NT 0810\n"
        "ATT 15/3/26 0900\n"
        "Src: dishwasher hose split under sink, Sat arvo 14/3, ran ~20 min before owner saw it.\n"
    )
    assert _job_dates(text) == (date(2026, 3, 14), date(2026, 3, 15))


def test_a_technician_named_from_a_firm_arriving_on_a_weekday_told_in_brackets() -> None:
    # Given a homeowner's mail: the loss on a Friday, then "Priya from Northside came on the
    # Saturday (the 7th)"
    text = (
        "Date: March 12, 2026 8:02 PM\n"
        "Our address is 31 Birch Cres, Guelph, ON N1H 3K2.\n"
        "On Friday March 6 the dishwasher hose came off and water ran under the cabinets.\n"
        "Priya from Northside Restoration came on the Saturday (the 7th) at 10 and checked the floor.\n"
    )
    # Then her visit is the inspection
    assert _job_dates(text) == (date(2026, 3, 6), date(2026, 3, 7))


def test_a_trade_from_a_firm_is_not_our_arrival() -> None:
    text = (
        "Date: March 12, 2026 8:02 PM\n"
        "Our address is 31 Birch Cres, Guelph, ON N1H 3K2.\n"
        "On Friday March 6 the dishwasher hose came off and water ran under the cabinets.\n"
        "Dave from Harris Plumbing came on the Saturday (the 7th) and replaced the hose.\n"
    )
    assert _job_dates(text)[1] != date(2026, 3, 7)


@pytest.mark.parametrize(
    "text",
    [
        # a file note whose entry says the vendor was on site "today"
        "Risk: 9 Rue Laval, Gatineau QC J8X 3H2\n"
        "2026-07-14 07:10 - FNOL. Insured says the floor drain backed up overnight.\n"
        "2026-07-14 15:30 - Call with vendor PM. Vendor on site 08:00 today, extraction done.\n",
        # a property manager's mail about the drying company's visit "this morning"
        "Sent: 14 July 2026 16:52\n"
        "Subject: Flat 3, 18 Dock St, Hull HU1 3DR\n"
        "Update following the drying company's visit this morning. The bathroom ceiling is wet.\n",
    ],
)
def test_today_is_the_day_the_entry_or_mail_is_written(text: str) -> None:
    assert _job_dates(text)[1] == date(2026, 7, 14)


def test_a_yearless_date_with_its_weekday_after_it_in_brackets() -> None:
    # Given a UK mail whose story dates the loss "on 02/11 (Monday)": day-first, and 2 November 2026
    # is a Monday (11 February is not)
    text = (
        "Sent: 06 November 2026 20:10\n"
        "Subject: escape of water, 12 Redland Rd, Bristol BS6 6AG\n"
        "What happened: on 02/11 (Monday) the radiator valve in the front room leaked onto the boards.\n"
    )
    assert _job_dates(text)[0] == date(2026, 11, 2)
    # and a weekday that does not fit leaves it unread
    assert _job_dates(text.replace("(Monday)", "(Friday)"))[0] != date(2026, 11, 2)


def test_a_fraction_after_a_visit_label_is_no_date() -> None:
    # Given notes whose year is known, a yearless day after a loss label and a fraction after a visit one
    lines = prepare_lines(
        "Addr: 3/7 Mirrabooka Ave, Bruce ACT 2617\nDOL 21/04.\nAttended 3/5 of the units so far.\n"
    )
    dates = Dates(lines, None)
    anchor = date(2026, 4, 22)
    # Then the day is read and the fraction is not
    assert labelled_date(LOSS_DATE_LABEL, lines[1], [], dates, anchor) == date(2026, 4, 21)
    assert labelled_date(INSPECTION_LABEL, lines[2], [], dates, anchor) is None


def test_an_arrival_told_by_its_hour_in_the_sentence_of_the_call_is_on_the_calls_day() -> None:
    # Given a job story: the call's day, then "and we were on site just before 9" in the same sentence,
    # and an insurer's assessor days later
    findings = analyze_text(
        "Storm water came under the roller door at about 11 pm on Saturday 14 February 2026.\n"
        "The owners rang our after-hours line at 6:10 am on Sunday 15 February and we were on site just"
        " before 9.\nThe insurer's assessor came out on Wednesday 18 February.\n"
        "Address: 4 Reef St, Darwin NT 0820\n"
    )
    # Then the inspection is the morning of the call
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(2026, 2, 15)


def test_a_two_digit_year_follows_the_day_and_months_own_separator() -> None:
    # Given day-month dates in a log, written with and without a two-digit year
    dates = Dates([Line(1, "", "Site: 9 Birch Ave, Ottawa ON K1L 8B2")], None)
    anchor = date(2026, 11, 24)

    def found(text: str) -> list[date | None]:
        return [match.value for match in dates.find(text, anchor, yearless_numeric=True)]

    # Then "24-Nov-26" and "3 Nov 26" carry their year, but in "24-Nov 28-Nov" and in a readings row
    # "28-Nov 31 / 70" the number after the space is another day or a reading, not 2028 or 2031
    assert found("24-Nov-26") == [date(2026, 11, 24)]
    assert found("3 Nov 26") == [date(2026, 11, 3)]
    assert found("24-Nov 28-Nov") == [date(2026, 11, 24), date(2026, 11, 28)]
    assert found("28-Nov 31 / 70 / 19") == [date(2026, 11, 28)]


def test_day_month_columns_side_by_side_are_days_not_years() -> None:
    # Given a log header whose day-month columns stand one after another with only spaces between
    lines = prepare_lines("x\n")
    found = Dates(lines, None).find("Point Surface 03-Feb 04-Feb 06-Feb Target", date(2026, 2, 3))
    # Then each is a day of the job's year, and no column's day is read as the year before it
    assert [match.value for match in found] == [date(2026, 2, 3), date(2026, 2, 4), date(2026, 2, 6)]


def _found(text: str, anchor: date | None) -> list[tuple[date | None, str]]:
    lines = prepare_lines(text)
    dates = Dates(lines, "DMY")
    last = lines[-1].text
    return [(match.value, last[match.start : match.end]) for match in dates.find(last, anchor)]


@pytest.mark.parametrize(
    "line",
    [
        "Second visit on 11 Nov 13:40, carpet still wet",  # a time after the day
        "Compared the 11 Nov 13 readings with the first day's",  # a count, not a year
        "11 Nov 13 points re-read, all lower",
    ],
)
def test_a_number_after_a_day_and_month_in_running_text_is_no_year(line: str) -> None:
    # Given a 2026 job whose later line gives a day and month followed by a time or a number
    found = _found(f"Attended 10/11/2026\n{line}", date(2026, 11, 10))
    # Then the day is 11 November of the job's year, and the number is left alone
    assert found == [(date(2026, 11, 11), "11 Nov")]


def test_a_two_digit_year_that_fits_the_job_or_is_written_as_a_date_stays_a_year() -> None:
    # a column of dates in the job's own two-digit year
    assert _found("DOL: 9 Mar 26 evening\nAtt: 10 Mar 26 0800", None) == [(date(2026, 3, 10), "10 Mar 26")]
    # dashes and slashes say a year plainly, whatever the rest of the job
    assert _found("Attended 10/11/2026\nroof replaced 24-Nov-13", date(2026, 11, 10)) == [
        (date(2013, 11, 24), "24-Nov-13")
    ]
    assert _found("Attended 10/11/2026\nroof replaced 24/11/13", date(2026, 11, 10))[0][0] == date(
        2013, 11, 24
    )


def test_a_header_of_days_run_together_keeps_every_day() -> None:
    # Given a PDF table's header line whose day columns run together
    found = _found("Attended 10/11/2026\nPoint Material 11 Nov 13 Nov 16 Nov", date(2026, 11, 10))
    # Then each day is read, the number after the first month being the next day, not a year
    assert [value for value, _ in found] == [date(2026, 11, 11), date(2026, 11, 13), date(2026, 11, 16)]


def _latest_year(month: int, day: int, weekday: int) -> int:
    return next(y for y in range(date.today().year, 2000, -1) if date(y, month, day).weekday() == weekday)


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        # a numeric day beside its weekday, in notes that never write a year
        (
            "4 Kent St, Bassendean WA 6054. Clare phoned on Thursday 8/10 after the dishwasher hose let go.\n"
            "We got there Friday morning, 9/10, and found the kitchen vinyl wet.\n"
            "Back Tuesday 13/10: kitchen wall 18 WME.\n",
            (10, 9, 4),
        ),
        # the same with the weekday in brackets after the day
        (
            "12 Rua Rd, Hamilton, New Zealand. The laundry tap let go overnight.\n"
            "We attended 21/9 (Monday) and lifted the laundry vinyl.\n",
            (9, 21, 0),
        ),
    ],
)
def test_a_weekday_places_a_numeric_yearless_visit(notes: str, expected: tuple[int, int, int]) -> None:
    month, day, weekday = expected
    findings = analyze_text(notes)
    assert findings.job.inspection_date is not None
    assert findings.job.inspection_date.value == date(_latest_year(month, day, weekday), month, day)


def test_a_numeric_yearless_day_without_its_weekday_stays_unread() -> None:
    # "9/10" alone could be a fraction or either order of any year: no weekday, no day
    dates = Dates(prepare_lines("Kitchen wet.\n"), None)
    assert dates.find_with_weekdays("We got there on 9/10 and lifted the vinyl.", None) == []


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        # a list item wrapped onto a line that opens with a weekday and a day: the item's words, no visit
        (
            "Tue 3/3/26 first visit, 9am\n"
            "- owner says the dishwasher hose let go and the kitchen flooded after the storm that\n"
            "Mon arvo 2/3, when the power went off and the sump pump stopped running for an hour\n"
            "- kitchen wall 28 WME\n",
            date(2026, 3, 3),
        ),
        # a short line under an item that ends with no stop is a visit's heading even so
        (
            "Tue 3/3/26 first visit, 9am\n"
            "- set 3 air movers and one dehumidifier in the kitchen, lifted the vinyl and kickboards\n"
            "Thu 5/3\n"
            "- kitchen wall 28 WME\n",
            date(2026, 3, 5),
        ),
    ],
)
def test_a_wrapped_list_item_opening_with_a_day_is_no_visit(notes: str, expected: date) -> None:
    notes = "12 Kauri St, Sydenham, Christchurch 8023, New Zealand\n" + notes
    readings = analyze_text(notes).moisture_readings
    assert [reading.taken_on for reading in readings] == [expected]


def test_an_ambiguous_day_that_reads_as_the_day_already_read_is_that_day() -> None:
    # Given a Canadian job (both orders written) and a day already read as October 9th
    lines = prepare_lines("Loss at 40 King St, Moncton NB E1C 4M2\nDate 10/09")
    dates = Dates(lines, None)
    # Then "10/09" is that day again, not September 10th
    assert [m.value for m in dates.find("10/09", date(2026, 10, 9), yearless_numeric=True)] == [
        date(2026, 10, 9)
    ]
    # and a day that reads within weeks of it either way, and is neither, stays undetermined
    assert [m.value for m in dates.find("10/11", date(2026, 10, 9), yearless_numeric=True)] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We were on site at 2:10 am on 3/15 to extract.", [date(2026, 3, 15)]),
        # a share or a size after "on" is no day
        ("Water sat on 3/4 of the floor.", []),
        ("Laid on 1/2 in ply.", []),
        # a day named by "on" that is no visit of ours stays to the readers that know its kind
        ("The council had the road up outside on 3/12 for a new main.", []),
    ],
)
def test_a_yearless_numeric_day_named_by_on_is_read_in_the_documents_order(
    text: str, expected: list[date]
) -> None:
    dates = Dates(prepare_lines("Loss location: 12 Elm St, Trenton, NJ 08608\n"), None)
    assert [m.value for m in dates.find(text, date(2026, 3, 14))] == expected


def _month_slash_dates(text: str, *years: str) -> list[date | None]:
    lines = [Line(i + 1, "", f"Dated {year}") for i, year in enumerate(years)] or [Line(1, "", "x")]
    return [match.value for match in Dates(lines, None).find(text, None)]


def test_a_month_name_with_its_year_after_a_slash_carries_that_year() -> None:
    # Given a North American way of writing a day: the month's name, the day, "/" and the year
    # Then each is that day of that year, with any period after the month and a four-digit year
    assert _month_slash_dates("on site Dec. 4/25 at 8", "Dec. 4/25") == [date(2025, 12, 4)]
    assert _month_slash_dates("Sept 30/2026 revisit") == [date(2026, 9, 30)]
    assert _month_slash_dates("Jan 9/27 - pulled fans", "Jan 9/27", "Jan 12/27") == [date(2027, 1, 9)]


def test_a_slash_after_a_month_and_day_is_no_year_when_the_job_has_another() -> None:
    # Given "overnight Mar 17/18" in notes whose other dates are all 2026: two nights, not 2018
    lines = [Line(1, "", "Inspected 19 March 2026"), Line(2, "", "Revisit 21 March 2026")]
    found = Dates(lines, None).find("leak ran overnight Mar 17/18", date(2026, 3, 19))
    # Then the day is the 17th of the job's year, and no year 2018 is read
    assert [match.value for match in found] == [date(2026, 3, 17)]


def _iso_document(*texts: str) -> Dates:
    return Dates([Line(number, text, text) for number, text in enumerate(texts, 1)], None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("visits 11-23 and 11-26", [date(2026, 11, 23), date(2026, 11, 26)]),
        ("re-read 12-02", [date(2026, 12, 2)]),  # (into the next month)
        ("then 11-05", [date(2026, 11, 5)]),  # (month first, though 05 could be a month too)
    ],
)
def test_a_year_first_document_drops_the_year_and_keeps_month_then_day(
    text: str, expected: list[date]
) -> None:
    dates = _iso_document("Ottawa, ON, Canada", "Loss 2026-11-18, first visit 2026-11-20", text)
    found = dates.find(text, date(2026, 11, 20), yearless_numeric=True, own_separator=True)
    assert [match.value for match in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "AM 1-4 placed",  # (a range of units, not two-digit month and day)
        "see 05-31 on the drawing",  # (a month and day half a year from the job)
    ],
)
def test_a_year_first_document_reads_no_other_dashed_pair_as_a_day(text: str) -> None:
    dates = _iso_document("Ottawa, ON, Canada", "Loss 2026-11-18, first visit 2026-11-20", text)
    assert dates.find(text, date(2026, 11, 20), yearless_numeric=True, own_separator=True) == []


def test_a_day_first_document_keeps_its_own_dashed_order() -> None:
    # (the near miss: dates written "20-11-2026" make "23-11" day first, no year-first tail)
    dates = _iso_document("Perth WA 6000", "Loss 18-11-2026, first visit 20-11-2026", "then 23-11")
    found = dates.find("then 23-11", date(2026, 11, 20), yearless_numeric=True, own_separator=True)
    assert [match.value for match in found] == [date(2026, 11, 23)]
