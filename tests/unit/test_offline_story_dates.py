"""Job dates a homeowner's story tells: a paragraph that opens with the day it happened to them, a
day of the month alone ("the 14th"), a firm that simply "came", and the day the floor was last seen
dry (not the loss)."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.story_openings import opens_story
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.offline.visit_days import Visits


def _job_dates(text: str) -> tuple[date | None, date | None]:
    job = analyze_text(text).job
    return (
        job.date_of_loss.value if job.date_of_loss else None,
        job.inspection_date.value if job.inspection_date else None,
    )


_MAIL = (
    "From: Tama Ruru\n"
    "Date: Wed, 18 Nov 2026 7:10 pm\n"
    "Subject: Claim HX-220981 - dishwasher leak, 9 Rata Road, Havelock North\n"
    "\n"
    "Hi Jo,\n"
    "\n"
)


def test_a_paragraph_opening_with_the_day_it_happened_dates_the_loss() -> None:
    # Given a homeowner's mail whose story opens with the weekday and the hour, then the restorer
    # arriving on a day of the month told alone
    text = _MAIL + (
        "Thursday the 12th, about half past eight at night, we were watching telly and heard a hiss"
        " from the kitchen. The dishwasher inlet hose had split and water was across the floor.\n"
        "\n"
        "Rewi from Bay Dry Restoration came the next morning, the 13th, before ten and set two fans.\n"
    )
    # Then the story's day is the loss and the ordinal the first visit
    assert _job_dates(text) == (date(2026, 11, 12), date(2026, 11, 13))


def test_a_visit_heading_is_still_a_visit_not_a_story() -> None:
    assert opens_story("Sunday 8 March, around 7 pm, I heard the cistern overflowing")
    assert not opens_story("Monday 16/11: laundry walls 31% left, hallway skirting 17 %MC")
    assert not opens_story("Tue 10/11 8.30 pm - attended, extracted the hall carpet")


def test_an_ordinal_that_counts_a_floor_is_no_date() -> None:
    # Given an ordinal that names a floor after a story's date
    text = _MAIL + (
        "Monday 9 November, about six in the evening, I came home to water pouring through the"
        " ceiling from the 3rd floor flat above.\n"
    )
    # Then the floor is not read as the 3rd of a month
    assert _job_dates(text)[0] == date(2026, 11, 9)


def test_the_day_the_floor_was_last_seen_dry_is_not_the_day_it_was_found() -> None:
    # Given a loss label whose bracket gives the evening the floor was fine and the morning it was found
    text = (
        "Claim: QX-55120\n"
        "Date of loss: Oct 8, 2026 (overnight; laundry floor dry at 21:30 on the 7th, water found"
        " 06:15 on the 8th)\n"
        "Inspected: Oct 8, 2026 11:00\n"
    )
    # Then the label's day stands
    assert _job_dates(text)[0] == date(2026, 10, 8)


def test_a_firm_that_simply_came_is_the_first_visit() -> None:
    # Given a story where the drying firm "came", named in brackets, and the adjuster came later
    text = _MAIL + (
        "Saturday 14th, about nine in the morning, I found the kitchen floor flooded - the dishwasher"
        " hose had split.\n"
        "Monday 16th the drying company came (Bay Dry - Rewi) and took readings.\n"
        "The loss adjuster came on Wednesday 18th and agreed the scope.\n"
    )
    # Then the drying company's day is the inspection
    assert _job_dates(text)[1] == date(2026, 11, 16)


def test_a_meter_log_of_continuous_flow_dates_the_loss() -> None:
    # Given a consultant's source line where the utility's meter app shows when the water began running
    text = (
        "Claim: HM-330912\n"
        "Site visit: Thursday 11/19/2026\n"
        "- Source: a push-fit elbow on the dishwasher supply. The water utility's meter app shows"
        " continuous flow from Sunday 11/15/2026 about 4 PM until the owner came home and shut the main.\n"
    )
    # Then the flow's first day is the loss
    assert _job_dates(text)[0] == date(2026, 11, 15)


def test_a_bill_period_is_no_flow_start() -> None:
    # Given a meter that only shows a billing period, not a flow told as unbroken or starting
    text = "Claim: HM-330913\nThe meter shows usage from 10/01/2026 to 12/31/2026 in the last bill.\n"
    # Then no loss date is read from it
    assert _job_dates(text)[0] is None


def test_the_writer_putting_the_start_at_a_day_dates_the_loss() -> None:
    # Given a consultant's background where the evidence puts the leak's start at a date
    text = (
        "Re: Claim No. QP-77120\n"
        "Property: 8 Ironwood Dr, Tempe, AZ 85281   Site visit: 12/03/2026\n"
        "Background. The usage graph and the leak locator put the start at or near 11/25/2026;"
        " the plumber rerouted the line 11/29/2026.\n"
    )
    # Then that day is the date of loss, not the plumber's
    assert _job_dates(text)[0] == date(2026, 11, 25)


def test_readings_under_a_header_visit_field_take_the_reports_own_visit() -> None:
    # Given a header whose visit field follows the property field, and an earlier vendor visit
    lines = prepare_lines(
        "Property: 8 Ironwood Dr, Tempe, AZ 85281   Site visit: 12/03/2026\n"
        "The vendor had been out on 11/27/2026 (their first visit).\n"
        "Readings: kitchen tile 5.2 %\n"
    )
    days = Visits(Dates(lines, "MDY")).line_dates(lines, date(2026, 11, 27))
    # Then the readings belong to the report's own visit
    assert days[-1] == date(2026, 12, 3)


def test_a_day_led_line_telling_a_part_giving_way_opens_the_loss_not_a_visit() -> None:
    assert opens_story(
        "Saturday 4/4/2026 at about 7 pm the flexi hose under the basin burst while the owner was out."
    )
    assert not opens_story("Saturday 4/4/2026 at 7 pm - attended, replaced the hose, extracted.")


_REPORT = (
    "DRYING REPORT\n"
    "Report issued: 27/04/2026\n"
    "Summary\n"
    "Friday 17/04/2026 at about 8.30 pm the cold flexi under the vanity let go while the owner was out."
    " Water ran through the floor into the laundry ceiling. Our tech attended the same night to isolate"
    " - no readings. Full inspection Saturday 18/04.\n"
    "Safety: the laundry light was isolated on the Friday night - water had come out of it.\n"
)


def test_the_day_a_part_let_go_is_the_loss_not_a_later_friday() -> None:
    assert _job_dates(_REPORT)[0] == date(2026, 4, 17)


def test_an_hour_written_with_stops_keeps_its_part_giving_way_in_the_same_sentence() -> None:
    from chalicelib.analysis.offline.story_openings import opens_story

    # "p.m." followed by a small letter goes on: the part gives way in the same sentence
    assert opens_story("Sunday 8/3/2026 at about 7.15 p.m. the flexi hose under the vanity burst")
    # "AM." followed by a name ends the sentence: what burst is told in another one
    assert not opens_story("Tuesday 3/3/2026 about 8 AM. Dana was on site and set fans; the pipe had split.")


# --- a long dated sentence whose water words come late -------------------------------------------


def test_a_long_sentence_telling_the_water_late_still_dates_the_loss() -> None:
    # the day opens a long sentence (the hour, the weather, where the drain is) and the water
    # only gets out near its end; a later day in the story (a sparky's visit) is no loss
    text = _MAIL + (
        "On Sunday 8 November 2026, a little before midnight and right in the worst of that week of"
        " heavy rain off the ranges, the old clay sewer line under the neighbour's back lawn and"
        " along our side fence finally backed up and pushed brown water up through the floor waste"
        " of the downstairs shower and across the tiles into the rumpus.\n"
        "\n"
        "The restorer got here on Monday 9/11 at seven and the electrician checked the circuits on"
        " the Tuesday.\n"
    )
    assert _job_dates(text) == (date(2026, 11, 8), date(2026, 11, 9))


def test_a_long_dated_sentence_about_a_visit_is_no_loss() -> None:
    # the near miss: a long sentence whose day is a booking, with no water getting out in it
    text = _MAIL + (
        "On Friday 6 November 2026, a good while before any of this and only because the insurer"
        " had asked for it at renewal time, a plumber came round with a camera and a notebook and"
        " spent most of the afternoon looking over the pipework under the house and the gutters.\n"
        "\n"
        "The hot water cylinder burst late on Sunday 8/11.\n"
        "\n"
        "The restorer came on Monday 9/11.\n"
    )
    assert _job_dates(text)[0] == date(2026, 11, 8)


# --- a job card's day right before "attended" ----------------------------------------------------

_CARD = (
    "JOB 55-2210  -  Ropata  -  14 Kereru Cres, Lenah Valley TAS 7008\n"
    "{visit}\n"
    "\n"
    "laundry tub waste let go overnight, vinyl and plasterboard wet\n"
    "Thu 19/11  laundry wall 24 / skirting 16. pulled 1 AM\n"
)


@pytest.mark.parametrize(
    ("visit", "expected"),
    [
        ("Tech: R. Hona   Tue 17/11/26  attended 8:10am", date(2026, 11, 17)),
        ("Crew lead: S. Mahe - 17/11/2026 - attended 7.30", date(2026, 11, 17)),
        # the near miss: a booking's day, then the day the crew attended, after the cue
        ("Booked Mon 16/11/26, attended Tue 17/11/26 8am", date(2026, 11, 17)),
    ],
)
def test_a_job_cards_day_right_before_attended_is_the_first_visit(visit: str, expected: date) -> None:
    assert _job_dates(_CARD.format(visit=visit))[1] == expected
