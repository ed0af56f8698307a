"""The date of loss where the writer gives a verdict on it, declines to give one, or tells days
around it that are not it: an appliance's delivery, a tradesman still to come, a stain older than
the storm it is blamed on, and a storm told as the night it began."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.dates import DateMatch, Dates
from chalicelib.analysis.offline.loss_statements import stated_loss
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.offline.weekdays import weekdays_alone


def _job_dates(text: str) -> tuple[date | None, date | None]:
    job = analyze_text(text).job
    return (
        job.date_of_loss.value if job.date_of_loss else None,
        job.inspection_date.value if job.inspection_date else None,
    )


def test_the_writers_correction_outranks_the_dispatch_header() -> None:
    # Given a dispatch header with the day the client rang, corrected in the tech's own notes
    text = (
        "Claim: HX-220871\n"
        "DOL: 11/14/2026\n"
        "Tech notes - on site 11/14/2026 1:15 p.m.\n"
        "- Supply hose to the vanity tap had pulled out of its crimp. Their leak alarm went off at"
        " 6:10 a.m. on 11/13 - that's the date of loss, not 11/14 (11/14 is when they called us).\n"
    )
    # Then the loss is the day the tech names, the visit the header's day
    assert _job_dates(text) == (date(2026, 11, 13), date(2026, 11, 14))


def test_a_loss_logged_as_a_day_beats_an_earlier_trade_job_blamed_for_it() -> None:
    # Given a drying log whose cause paragraph names an earlier plumbing job as the likely trigger
    text = (
        "Job 4471 - 3 Wray Ave, Fremantle WA 6160\n"
        "First attendance: 04/11/2026 (us)\n"
        "Cause: old copper line split under the hall floor. Owner heard hissing on the morning of"
        " 3/11/2026. The plumber reckons the joint was disturbed when the hot water unit was"
        " re-plumbed on 21/10, but nothing was wet before then, so the loss is logged as 3/11/2026.\n"
    )
    assert _job_dates(text)[0] == date(2026, 11, 3)


def test_the_verdict_reader_takes_the_day_named_not_the_one_ruled_out() -> None:
    text = "So DOL is Sunday 15/11, not 16/11."
    found = [
        DateMatch(text.index("15/11"), text.index("15/11") + 5, date(2026, 11, 15)),
        DateMatch(text.index("16/11"), text.index("16/11") + 5, date(2026, 11, 16)),
    ]
    assert stated_loss(text, found) == date(2026, 11, 15)
    # (a sentence that names no loss gives no verdict)
    assert stated_loss("Readings on 15/11 were high.", found[:1]) is None


def test_a_writer_who_cannot_date_the_start_leaves_the_loss_open() -> None:
    # Given a mould survey where the owner blames an old storm but the writer will not date it
    text = (
        "Mould assessment - 8 Kauri Rd, Titirangi, Auckland 0604\n"
        "Inspection: 10/11/2026\n"
        "The owner thinks it began in the big storm of 14/02/2024, but the tide marks say water"
        " has come in a little at a time for a long while. I cannot put a date on when it began.\n"
    )
    assert _job_dates(text) == (None, date(2026, 11, 10))


def test_a_stain_older_than_the_storm_it_grew_after_has_no_loss_date() -> None:
    text = (
        "Date attended: 04/12/2026 10am\n"
        "- Owner says the ceiling stain has been there a few weeks and got darker after the"
        " storm on Tuesday (1/12).\n"
    )
    assert _job_dates(text)[0] is None


def test_the_day_an_appliance_was_delivered_is_not_the_loss() -> None:
    # Given notes where the new dishwasher went in two days before the water was found
    text = (
        "Loss found: Thu 12/11/2026, 7 am (owner came down to water under the kickboards)\n"
        "First attendance: Thu 12/11/2026, 2 pm\n"
        "Source: the dishwasher inlet hose was cross-threaded. The dishwasher was delivered and"
        " connected on Tue 10/11; it may have dripped since then but nobody saw water until Thursday.\n"
    )
    assert _job_dates(text)[0] == date(2026, 11, 12)


def test_a_tradesman_still_to_come_does_not_date_the_loss() -> None:
    text = (
        "Attended Sat 14/11/2026.\n"
        "- Kitchen downlights had water in them - circuit isolated, electrician due Friday 20/11.\n"
    )
    assert _job_dates(text)[0] != date(2026, 11, 20)


def test_a_storm_told_as_a_night_into_the_next_day_dates_the_later_day() -> None:
    text = (
        "Job sheet 08/11/2026 - 2 Esplanade, Kettering TAS 7155\n"
        "A storm tide on the night of Friday 6 November into Saturday 7 November pushed water over"
        " the seawall and into the shop under the front door.\n"
        "We attended Sunday 8/11/2026 at 9 am.\n"
    )
    assert _job_dates(text) == (date(2026, 11, 7), date(2026, 11, 8))


def test_a_day_the_writer_adopts_as_the_loss_date_is_the_verdict() -> None:
    text = "The pressure had been dropping for weeks; we are taking 19/11, the day water showed, as the DOL."
    at = text.index("19/11")
    found = [DateMatch(at, at + 5, date(2026, 11, 19))]
    assert stated_loss(text, found) == date(2026, 11, 19)
    # (a day used for something else is no verdict)
    other = "We are using 19/11 readings as the baseline."
    at = other.index("19/11")
    assert stated_loss(other, [DateMatch(at, at + 5, date(2026, 11, 19))]) is None


def test_a_day_told_in_a_list_of_guessed_sources_is_not_the_loss() -> None:
    # Given first-response notes where the writer lists what the source could be
    text = (
        "Attended: Fri 04/12/2026 10:15\n"
        "Address: 3 Merchiston Ave, Edinburgh EH10 4NX\n"
        "Ceiling stain in the kitchen, damp to touch. Source not found.\n"
        "Could be any of:\n"
        "1. the flat above - their washing machine sits on that wall. Nobody home.\n"
        "2. rain - the gutter at the back is full of leaves and there was heavy rain on Sunday 29/11."
        " Tenant says the stain got worse after that.\n"
        "Readings taken on the stain and the wall below.\n"
    )
    assert _job_dates(text) == (None, date(2026, 12, 4))


def test_a_uk_city_with_only_its_postcode_district_settles_day_first_dates() -> None:
    # Given a sheet whose only date is ambiguous (3 Dec and 12 Mar 2026 are both Thursdays)
    text = "Attended: Thu 03/12/26, 14:20\nAddress: 40 Dumbarton Road, Glasgow G11 - top floor flat\n"
    assert _job_dates(text)[1] == date(2026, 12, 3)


def test_a_readings_heading_that_brackets_the_first_visit_dates_it_over_the_adjusters_visit() -> None:
    text = (
        "Insurer: Prairie Mutual   Claim # PM-26-55012   Adjuster: Dana Roy (visited Nov 24, 2026)\n"
        "Kitchen fire on the evening of Nov 19, 2026; the fire department hosed the ceiling.\n"
        "Readings (pin meter, %MC)\n"
        "Fri Nov 20 (first visit, 9 a.m.)\n"
        "  Kitchen subfloor 31, hall subfloor 22.\n"
    )
    assert _job_dates(text)[1] == date(2026, 11, 20)


def test_a_day_a_dash_names_the_first_inspection_beats_the_adjusters_later_visit() -> None:
    text = (
        "Storm surge over the seawall on the night of Tuesday 24/11/2026; water through the office.\n"
        "Site log\n"
        "10:00 on 25/11 - the first inspection by anyone. The loss adjuster came on 27/11.\n"
    )
    assert _job_dates(text)[1] == date(2026, 11, 25)


def test_a_source_list_told_in_prose_dates_no_loss() -> None:
    # Given field notes that weigh three possible sources in one running paragraph, one of them a storm
    text = (
        "Site visit Tue 02/12/2026, unit 4, back bedroom\n"
        "skirting damp along the outside wall, carpet edge wet to touch\n"
        "\n"
        "possible causes: one the laundry tap on the other side of this wall, plumber hasn't checked it.\n"
        "two the gutter over the window, full of leaves. three the hail on friday 27th, though the\n"
        "sill was dry when she looked. can't say which yet\n"
    )
    # Then the storm's day is one guess among three, not the date of loss
    assert _job_dates(text)[0] is None


def test_a_day_the_writer_sets_aside_is_not_the_loss() -> None:
    # Given a fire narrative that mentions an earlier service and says it has no bearing on the date
    text = (
        "Insured: R. Okafor\n"
        "Mar 4, 2026 - kitchen fire\n"
        "Range hood caught at about 7 PM, fire crew put it out with an extinguisher and a hose line.\n"
        "The hood filters were replaced by a contractor on Feb 10, 2026 - unrelated to this loss,"
        " the fire was Mar 4.\n"
        "Mar 5, 2026 - on site 9:30 AM, scoping smoke and water.\n"
    )
    # Then the service day is no date of loss
    assert _job_dates(text)[0] != date(2026, 2, 10)


def test_a_day_that_corrects_the_job_cards_day_is_the_verdict() -> None:
    # Given a job card with the day of the call, and the tech's note that the alarm log says otherwise
    text = (
        "DOL: 13/03/2026\n"
        "Tech notes, on site Sat 14/03/2026 09:20\n"
        "Washer valve let go. The flood sensor logged it at 4:10 am today (Sat 14/03, per the app)"
        " - not Friday like the job card says. Laundry and hall vinyl wet.\n"
    )
    # Then the loss is the day the sensor logged
    assert _job_dates(text)[0] == date(2026, 3, 14)


def test_a_weekday_with_its_day_in_brackets_is_that_day_not_the_latest_one() -> None:
    # Given an owner's email sent on a Friday, naming the night of the leak by weekday and day
    text = "Friday night (13th) about ten the washing machine hose burst and flooded the laundry."
    sent = date(2026, 11, 20)
    # Then the weekday is the Friday the bracket names, a week before the mail, not the mail's own day
    assert [told[2] for told in weekdays_alone(text, [], sent, sent)] == [date(2026, 11, 13)]


def test_a_verdict_wrapped_onto_the_next_line_is_read_with_the_line_before() -> None:
    # Given a wrapped note: the loss named at the end of one line, its date opening the next
    lead = "- Header says 03/02. The float valve stuck that night, per the owner. Date of loss"
    text = "04/02/2026."
    found = Dates(prepare_lines(text), "DMY").find(text, None)
    assert stated_loss(text, found, lead) == date(2026, 2, 4)
    # ... but not a line that only follows one ending in other words
    assert stated_loss(text, found, "- Readings were taken on") is None


def test_a_job_number_with_a_day_and_month_is_no_date() -> None:
    # Given a work order number shaped like a date whose "year" no job has
    text = "WORK ORDER 14-03-5521"
    assert [match.value for match in Dates(prepare_lines(text), "DMY").find(text, None)] == []


def test_home_the_same_day_from_an_outing_dates_the_loss_by_the_finding() -> None:
    # Given an owner home from a few hours out, who found the water on arriving
    text = (
        "Address: 9 Wattle Row, Mildura VIC 3500\n"
        "Gwen came home from the market on Saturday 7/11/2026 at about half two and found water "
        "pouring from the washing machine hose.\n"
    )
    assert _job_dates(text)[0] == date(2026, 11, 7)


def test_home_from_a_stay_away_leaves_the_loss_open() -> None:
    # Given owners back from a week away: the water may have run any day before
    text = (
        "Address: 9 Wattle Row, Mildura VIC 3500\n"
        "The owners came home from a week at the coast on Saturday 7/11/2026 at about 4 pm and found "
        "water across the laundry floor.\n"
    )
    assert _job_dates(text)[0] is None


def test_a_day_and_hour_alone_then_the_household_and_the_flames_date_a_fire() -> None:
    # Given a fire's account whose first sentence is only its day and hour
    text = (
        "Address: 77 Birch Hollow Rd, Dayton, OH 45419\n"
        "Walkthrough: 10/12/2026, 10 AM\n"
        "Sunday 10/11/2026 about 7:40 PM. Marta was searing steaks, went to answer the door, and the fat "
        "flared. Flames reached the range hood.\n"
    )
    assert _job_dates(text) == (date(2026, 10, 11), date(2026, 10, 12))


def test_a_visit_heading_naming_our_tech_on_site_is_no_story() -> None:
    # Given a visit's heading: its day, its hour, then our technician on site
    text = (
        "Address: 77 Birch Hollow Rd, Dayton, OH 45419\n"
        "Monday 10/12/2026 about 9 AM. Corey was on site and set the dehumidifier; the hose had burst.\n"
    )
    assert _job_dates(text)[0] != date(2026, 10, 12)


def test_the_bare_word_loss_set_equal_to_a_day_is_the_writers_verdict() -> None:
    # Given a call-centre summary's date and the tech's own account setting the loss equal to another day
    text = (
        "=== CALL SUMMARY (pre-filled at dispatch) ===\n"
        "Date of loss: 2026-03-09\n"
        "=== TECH NOTES - Mar 10, 2026 (J. Ruiz) ===\n"
        "- Date: the water alarm's app logged a leak at 2:40 am on Mar 10. The 9th is when they first"
        " rang about a noisy valve. Loss = Mar 10.\n"
    )
    assert _job_dates(text)[0] == date(2026, 3, 10)


def test_a_loss_set_equal_inside_a_sentence_is_no_verdict() -> None:
    # "loss" must open its sentence: a running sum that mentions a loss dates nothing
    text = "Stock write-off so far: gross loss = 3/10 of the shelf; counted 3/10/2026."
    found = [match for match in Dates(prepare_lines(text), None).find(text, None) if match.value]
    assert stated_loss(text, found) is None


def test_a_day_told_with_the_header_day_ruled_out_beside_it_is_the_loss() -> None:
    # Given a caller's day in the form and the writer's own account correcting it beside the date
    text = (
        "| Date of loss (caller) | Fri 12/06/2026 |\n"
        "The stormwater main backed up into the basement in the small hours of Saturday 13/06, not"
        " Friday - the council's log shows it.\n"
    )
    assert _job_dates(text)[0] == date(2026, 6, 13)


def test_a_reading_day_with_another_day_ruled_out_is_no_loss_verdict() -> None:
    text = "Readings re-taken Tuesday 16/06, not Monday - the meter was flat.\n"
    found = [match for match in Dates(prepare_lines(text), None).find(text, None) if match.value]
    assert stated_loss(text, found) is None


def test_a_day_inside_one_sentence_of_guesses_the_writer_cannot_settle_dates_no_loss() -> None:
    text = (
        "Site visit Tuesday 8/12/2026. Stain on the hall ceiling, dry to the touch.\n"
        "Might be the upstairs bath waste, the roof valley, or the aircon drain - there was a storm"
        " Friday 4/12 but it has been dry since. Not sure yet.\n"
    )
    assert _job_dates(text)[0] is None


def test_a_guess_the_writer_settles_still_dates_the_loss() -> None:
    text = (
        "Site visit Tuesday 8/12/2026.\n"
        "Might be the bath waste or the valley: the bath waste let go on Friday 4/12, the tenant saw"
        " it pour through the ceiling.\n"
    )
    assert _job_dates(text)[0] == date(2026, 12, 4)


def test_a_day_the_writer_only_asks_about_is_not_the_loss() -> None:
    # Given a loss day written with a question mark after it, in two forms
    for day in ("(Mar 14?)", "- 14/03??"):
        text = (
            "Attended 18/03/2026 10:00. Water stains at the base of the hall wall, dry to the touch.\n"
            f"Maybe the storm at the weekend {day} or the cistern - not sure.\nHall carpet damp.\n"
        )
        loss, _ = _job_dates(text)
        # Then no date of loss is taken from it
        assert loss != date(2026, 3, 14)
    # But a day told plainly is the loss
    text = (
        "Attended 18/03/2026 10:00.\nThe cistern hose burst on 14/03/2026 while they were away.\n"
        "Hall carpet wet.\n"
    )
    assert _job_dates(text)[0] == date(2026, 3, 14)
