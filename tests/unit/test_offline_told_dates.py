"""Job dates told without a whole date or under a label that says which visit was first: weekdays
alone, yearless days in prose, "arr 14:15", "first on site", "(09:30, first visit)"."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.offline.told_days import told_days


def _job_dates(text: str) -> tuple[date | None, date | None]:
    job = analyze_text(text).job
    return (
        job.date_of_loss.value if job.date_of_loss else None,
        job.inspection_date.value if job.inspection_date else None,
    )


def test_a_label_that_says_it_was_the_first_visit_outweighs_the_one_before_it() -> None:
    # Given an assessor's inspection line that also gives the drying firm's earlier first attendance
    text = (
        "Risk: 3 Jacaranda St, Toowong QLD 4066\n"
        "Storm: Saturday 21/03/2026, about 5 pm. Water got in under the roof flashing.\n"
        "Inspected: Tuesday 24/03/2026 with the drying firm"
        " (their tech first on site Sunday 22/03/2026 8 am).\n"
    )
    # Then the inspection is the first visit, not the assessor's
    assert _job_dates(text)[1] == date(2026, 3, 22)


def test_a_label_in_brackets_is_of_the_date_before_it() -> None:
    # Given a list of visits where "first visit" is bracketed after its own date
    text = (
        "Site: 6 Karri Way, Albany WA 6330\n"
        "Date of loss: 09/05/2026\n"
        "Restorer attendance: 10/05 (09:30, first visit), 12/05 and 15/05 (sign-off).\n"
    )
    # Then the first visit is 10 May, not the date after the bracket
    assert _job_dates(text) == (date(2026, 5, 9), date(2026, 5, 10))


def test_an_arrival_written_arr_with_its_hour_is_the_visit() -> None:
    # Given tech notes whose visit line is a date, "arr" and the hour
    text = (
        "FIELD NOTES - 88 Elm St, Dayton, OH 45402\n"
        "10/05/26 arr 14:15 (same day call). Tech: R. Singh\n"
        "Src: washer drain hose came off the standpipe this AM.\n"
    )
    # Then the inspection is that day
    assert _job_dates(text)[1] == date(2026, 10, 5)
    # and "arr" without an hour is no label ("arr" read as something else gives no visit)
    assert _job_dates(text.replace("arr 14:15", "arr by van"))[1] != date(2026, 10, 5)


def test_a_first_visit_named_for_its_work_and_an_assessed_label_are_the_visit() -> None:
    drying = "Site: 2 Stuart Hwy, Alice Springs NT 0870\nFirst drying visit 17/09/2026, slab wet.\n"
    assessed = "Mould survey - 5 Ash Lane, Ilam, Christchurch 8041\nAssessed: 4/5/26, 2pm. By K. Ruru\n"
    assert _job_dates(drying)[1] == date(2026, 9, 17)
    assert _job_dates(assessed)[1] == date(2026, 5, 4)


def test_a_yearless_day_in_prose_is_a_date_where_the_order_is_settled() -> None:
    # Given Australian notes that give the year in the visit line only
    text = (
        "Site: 41 Main Rd, Hobart TAS 7000\n"
        "Attended 22/07/26 0900.\n"
        "Loss: flexi hose under the basin split, tenant heard it 21/07 about 11pm and turned it off.\n"
    )
    # Then the day the tenant heard it is the loss
    assert _job_dates(text) == (date(2026, 7, 21), date(2026, 7, 22))


def test_fractions_and_days_far_from_the_job_are_not_dates() -> None:
    lines = prepare_lines("Site: 41 Main Rd, Hobart TAS 7000\nAttended 22/07/2026\n")
    dates = Dates(lines, None)
    anchor = date(2026, 7, 22)

    def days(text: str) -> list[date | None]:
        return [match.value for match in told_days(dates, text, [], anchor, None)]

    assert days("heard it 21/07 about 11pm") == [date(2026, 7, 21)]
    assert days("water over 3/4 of the floor, 1/2.") == []
    assert days("monitored 24/7.") == []
    assert days("meter last calibrated 14/02, fine") == []  # months from the job: no reading


def test_a_weekday_alone_is_the_day_beside_the_story_s_date() -> None:
    # Given a job story that dates the call and tells the loss by the weekday before it
    text = (
        "On Monday 9 November we attended a townhouse at 4 Gull St, Glenelg SA 5045.\n"
        "The dishwasher drain hose had slipped off its spigot on the Sunday night and leaked under the"
        " laminate.\n"
    )
    # Then the loss is the Sunday before
    assert _job_dates(text) == (date(2026, 11, 8), date(2026, 11, 9))


def test_a_weekday_alone_in_a_mail_is_never_after_it_was_sent_nor_read_when_the_days_are_open() -> None:
    lines = prepare_lines("Sent: Thursday, 16 April 2026 4:52 PM\n")
    dates = Dates(lines, None)
    sent = date(2026, 4, 16)

    def days(text: str, written: date | None) -> list[date | None]:
        return [match.value for match in told_days(dates, text, [], sent, written)]

    # "on Friday" in a mail sent on a Thursday is no day after it
    assert days("In my email on Friday I said the laundry was wet.", sent) == []
    # a day beside the story's date is read in notes
    assert days("The tech came on Wednesday morning.", None) == [date(2026, 4, 15)]
    # a weekday four days off could be either side of it
    assert days("The tech came on Monday morning.", None) == []
    # and a line that leaves the days open reads none of them
    assert days("She was away, so it may have been Tuesday night.", None) == []


def test_the_same_evening_with_a_yearless_date_is_the_day_just_told() -> None:
    # Given an adjuster's log whose vendor attended "the same evening (06/06, 7:00 PM)"
    text = (
        "Property: 12 Oak Ridge Dr, Cary, NC 27513\n"
        "06/08/2026 - FNOL by phone; insured reports the washer hose burst Saturday 06/06/2026 at 2 PM."
        " Vendor attended the same evening (06/06, 7:00 PM).\n"
    )
    # Then the vendor's visit is 6 June, not the day the log entry was written
    assert _job_dates(text)[1] == date(2026, 6, 6)


def test_an_arrival_then_a_return_takes_the_arrival_s_day() -> None:
    # Given a mail: the firm attended that night and came back the next Monday
    text = (
        "Date: Wed, Nov 11, 2026 at 4:05 PM\n"
        "Subject: leak from #304\n"
        "On Sunday, November 8, around 10 pm, the dishwasher hose came off and water ran into #204.\n"
        "Coastline Restoration attended that night and came back Monday morning for the assessment.\n"
    )
    # Then the visit is not the Monday of the return
    assert _job_dates(text)[1] != date(2026, 11, 9)


def test_this_am_under_a_notes_entry_is_the_entry_s_day() -> None:
    # Given field notes: an entry dated with the arrival, then the source told "this AM"
    text = (
        "RIVER CITY DRY - tech notes\n"
        "Site: 71 Birch Ln, Boise, ID 83702\n"
        "12/03/26 arr 09:20. Tech: J. Ochoa\n"
        "Src: supply line to the ice maker split overnight, found this AM ~7. Owner shut the valve.\n"
    )
    # Then the loss is the entry's day
    assert _job_dates(text) == (date(2026, 12, 3), date(2026, 12, 3))


def test_quick_notes_titled_with_their_date_are_the_visit_and_date_this_am() -> None:
    text = (
        "quick notes 5/6/26 - apt 3C, 900 Bell St, Houston TX 77002\n"
        "- mgr called 10:05. supply line to the kitchen sink let go at the nut ~8:30 this am.\n"
    )
    assert _job_dates(text) == (date(2026, 5, 6), date(2026, 5, 6))


def test_yesterday_on_a_dated_response_sheet_is_the_day_before() -> None:
    text = (
        "FIRST RESPONSE SHEET\n"
        "Date: 14/10/26  Time arr: 3.40pm\n"
        "Site: 9 Creek Rd, Dubbo NSW 2830\n"
        "Water on the laundry floor, owner first noticed it yesterday afternoon when the washer leaked.\n"
    )
    assert _job_dates(text)[0] == date(2026, 10, 13)


def test_an_arrival_dated_by_the_date_its_sentence_opens_with() -> None:
    # Given a mail whose drying firm "came to look" this morning, named after the agent who uses it
    text = (
        "From: Mel Ortiz\n"
        "Date: Sat 27 Jun 2026 21:14\n"
        "Subject: leak from the flat above\n"
        "The pipe under their sink burst at about 11 last night and water came through my ceiling.\n"
        "This morning a drying firm the agent uses (Pennine Drying) came to look at it.\n"
    )
    # Then the visit is the day the mail was sent
    assert _job_dates(text)[1] == date(2026, 6, 27)


def test_a_person_sent_from_a_drying_firm_is_the_visit_but_not_one_from_a_trade() -> None:
    text = (
        "From: Rhys Evans\nSent: 19 June 2026 07:52\nSubject: claim - leak under the sink\n"
        "On Sunday 14 June I found the cupboard under the sink wet; the waste trap had worked loose.\n"
        "Your people sent Owain from Taff Drying on Tuesday 16 June to dry it out.\n"
    )
    assert _job_dates(text)[1] == date(2026, 6, 16)
    trade = text.replace("Taff Drying", "Taff Plumbing")
    assert _job_dates(trade)[1] != date(2026, 6, 16)


def test_a_call_out_ranks_after_an_arrival_told_in_the_same_story() -> None:
    # Given a story called out on the Sunday night and attended on the Monday
    text = (
        "Site: 3 Gum St, Bendigo VIC 3550\n"
        "On Sunday 8 November we were called to a house whose laundry hose had burst.\n"
        "We attended Monday 9 November at 8 am and extracted the hallway carpet.\n"
    )
    # Then the visit is the Monday
    assert _job_dates(text)[1] == date(2026, 11, 9)


def test_a_loss_nobody_noticed_until_morning_is_dated_by_its_night() -> None:
    text = (
        "On Tuesday 14 April we attended a unit at 2 Bay Rd, Sandgate QLD 4017.\n"
        "The washer hose burst on the Monday night and nobody noticed until breakfast.\n"
    )
    assert _job_dates(text)[0] == date(2026, 4, 13)


def test_a_log_entry_that_reports_the_loss_with_its_date_is_the_loss() -> None:
    text = (
        "Property: 9 Elm Ct, Raleigh, NC 27601\n"
        "06/10/2026 - FNOL by phone; insured reports loss Sunday 06/07/2026 about 4 PM: the dishwasher"
        " supply line split.\n"
    )
    assert _job_dates(text)[0] == date(2026, 6, 7)


def test_a_source_abbreviated_src_is_the_cause_and_dates_the_loss() -> None:
    text = (
        "Site: 5 Pine St, Spokane, WA 99201\n"
        "12/14/26 arr 09:05. Tech: L. Moss\n"
        "Src: copper feed to the hose bib froze overnight and split when it thawed this AM.\n"
    )
    findings = analyze_text(text)
    assert findings.cause_of_loss is not None
    assert _job_dates(text)[0] == date(2026, 12, 14)


def test_an_evening_hour_ties_a_date_to_that_night() -> None:
    # Given a mail: the loss at 10 pm on a Sunday, then the restorer "attended that night"
    text = (
        "Date: Wed, Nov 11, 2026 at 4:05 PM\n"
        "Subject: leak from #304\n"
        "On Sunday, November 8, around 10 pm, the dishwasher hose came off and water ran into #204.\n"
        "Coastline Restoration attended that night and came back Monday morning for the assessment.\n"
    )
    # Then the visit is that Sunday night, not the day the mail was sent
    assert _job_dates(text)[1] == date(2026, 11, 8)


def test_readings_told_on_a_weekday_beside_the_story_s_day_take_that_day() -> None:
    # Given a mail: the loss on a Sunday night, then readings "they sent me on Monday"
    text = (
        "Date: Thu, Nov 12, 2026 at 9:10 AM\n"
        "Subject: leak update\n"
        "On Sunday, November 8, around 10 pm, the dishwasher hose came off in #304.\n"
        "Moisture readings they sent me on Monday (drywall, in %): #204 kitchen wall 48.\n"
    )
    readings = analyze_text(text).moisture_readings
    # Then the reading is the Monday's, not the night of the loss
    assert [reading.taken_on for reading in readings if reading.value == 48] == [date(2026, 11, 9)]


def test_the_day_damp_was_found_is_no_loss_date_when_the_notes_say_it_was_there_before() -> None:
    # Given a first-response sheet where the owner noticed the wet floor on the day we came, but a
    # smell for weeks before
    text = (
        "Site: 44 Ridge Rd, Saskatoon SK S7K 1A1\n"
        "On site 2026-10-14 09:00.\n"
        "Owner noticed the damp laminate in the den this morning (2026-10-14); she says the room has"
        " smelt off for a few weeks.\n"
    )
    # Then no loss date is given, but the visit is
    assert _job_dates(text) == (None, date(2026, 10, 14))


def test_the_day_water_was_found_on_return_still_dates_a_claim_whose_start_is_unknown() -> None:
    text = (
        "Site: 9 Elm Ave, Kingston ON K7L 1A1\n"
        "Loss: the washer hose split while the owners were away; they found the laundry flooded on"
        " 2026-02-08 when they got back. Start unknown.\n"
        "Attended 2026-02-09 10:00.\n"
    )
    assert _job_dates(text) == (date(2026, 2, 8), date(2026, 2, 9))
