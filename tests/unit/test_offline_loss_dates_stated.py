"""The date of loss as the text states it: a dated sentence whose water comes late in it, a post's
own date, a tradesman's visit, a loss with no single event, and the writer's conclusion over an
earlier event in the story."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis import analyze_text


def _job_dates(text: str) -> tuple[date | None, date | None]:
    job = analyze_text(text).job
    return (
        job.date_of_loss.value if job.date_of_loss else None,
        job.inspection_date.value if job.inspection_date else None,
    )


def test_a_dated_sentence_whose_water_word_comes_late_dates_the_loss_not_the_post() -> None:
    # Given a homeowner's post dated at its top, telling the loss in one long sentence
    text = (
        "Written up for the neighbourhood group, Feb 9, 2026 - how our claim went\n"
        "We live at 14 Birch Lane, Kelowna BC V1Y 2B3. Saturday Jan 31, 2026, in the middle of that"
        " long cold snap, with the furnace off for a repair all weekend and the four of us away at my"
        " sister's place in Vernon, the line under the kitchen sink froze and split and sent water"
        " across the floor. The drying crew came Sunday Feb 1 first thing.\n"
    )
    # Then the loss is the day the sentence tells, and the first visit the crew's
    assert _job_dates(text) == (date(2026, 1, 31), date(2026, 2, 1))


def test_the_day_a_handyman_gave_his_opinion_is_not_the_loss() -> None:
    # Given a mould assessment where no single event is known
    text = (
        "Property: 9 Quandong Cres, Amaroo ACT 2914\n"
        "Inspection: Tuesday 10 November 2026\n"
        "The owner saw spotting on the laundry ceiling in August. A handyman on 2 November said"
        " a gutter leak might be to blame. The dryer vents into the ceiling space; there is no"
        " single event behind this mould.\n"
    )
    # Then no date of loss is given
    assert _job_dates(text) == (None, date(2026, 11, 10))


def test_the_writers_conclusion_on_the_loss_day_outweighs_an_earlier_day_in_the_story() -> None:
    # Given a consultant who reasons the loss onto the day of the first visit
    text = (
        "Claim No.: TX-55-1200\n"
        "Site visit made Thursday 3/12/2026. The vendor's first visit was Monday 3/9/2026.\n"
        "- The toilet supply line split at the nut. The office shuts at 6 PM Sundays; the manager"
        " found water running out under the restroom door at 7 AM Monday 3/9. The alarm shows the"
        " last cleaner out at 9 PM Sunday 3/8, and the water meter started a continuous flow at"
        " 3:40 AM Monday 3/9. So the loss occurred on 3/9, not on Sunday as the notice says.\n"
    )
    # Then the loss is the day the writer concludes, not the cleaner's last evening there
    assert _job_dates(text) == (date(2026, 3, 9), date(2026, 3, 9))


def test_a_later_first_on_site_label_dates_the_first_visit_over_a_consultants_site_visit() -> None:
    # Given a consultant's report headed by its own visit, naming the drying firm's first day below
    text = (
        "Site visit: 04/22/2026, 9:00 a.m. Consultant: J. Marsh, WRT\n"
        "Drying vendor: Keystone Dry (first on site 04/19/2026, 7:40 a.m.)\n"
        "Date of loss: 04/18/2026 (dishwasher supply line split)\n"
    )
    # Then the first visit is the vendor's
    assert _job_dates(text) == (date(2026, 4, 18), date(2026, 4, 19))


def test_a_bracket_naming_the_date_before_it_the_first_visit_dates_the_visit_not_the_loss() -> None:
    # Given a review whose vendor's first visit is told with a bracket after its date
    text = (
        "Property: 8 Saguaro Way, Tempe, AZ 85281\n"
        "Site visit: 03/20/2026\n"
        "A water line under the slab pinholed. The drying firm had been out on 03/16/2026 (their first"
        " visit) and called it a Class 3 water loss.\n"
    )
    # Then the bracket's date is the first visit, and not a date of loss
    assert _job_dates(text) == (None, date(2026, 3, 16))


def test_a_discovery_stands_when_a_trade_comes_in_the_next_clause() -> None:
    # Given a drying record whose loss line tells the finding, then the plumber's work
    text = (
        "Loss: cold line split inside the brick wall behind the vanity. Noticed Sun 8/03/2026 as water"
        " across the bathroom floor; plumber capped it that evening.\n"
        "Attended: Mon 9/03/2026 10.00 am.\n"
    )
    # Then the loss is the day it was found
    assert _job_dates(text) == (date(2026, 3, 8), date(2026, 3, 9))


def test_a_loss_label_dated_by_an_apps_log_gives_the_loss() -> None:
    # Given a loss label whose date is a meter app's record of the water running
    text = (
        "Loss date: the smart meter app logged continuous flow from 14/06/2026; Mrs Dale saw the"
        " ceiling stain on 16/06/2026\n"
        "Survey: 18/06/2026\n"
    )
    # Then the loss is the day the log gives
    assert _job_dates(text) == (date(2026, 6, 14), date(2026, 6, 18))
