"""Job dates the writer settles in words of their own: a loss day the writer puts ("I'm putting the
loss at 6/12"), a drying milestone that is no loss, a firm known by its "Co." attending first, and
notes that write no year at all ("att 24/11 0940")."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text

_RECEIVED = date(2026, 12, 31)


def _job_dates(text: str) -> tuple[date | None, date | None]:
    job = analyze_text(text, received=_RECEIVED).job
    return (
        job.date_of_loss.value if job.date_of_loss else None,
        job.inspection_date.value if job.inspection_date else None,
    )


@pytest.mark.parametrize(
    "verdict",
    [
        "I'm putting the loss at 14/10 (first noticed).",
        "We have set the date of loss to Wednesday 14/10.",
        "Recording DOL as 14/10/2026, from the owner's account.",
        "So I'd call the loss date 14/10.",
    ],
)
def test_the_loss_day_the_writer_puts_overrules_the_booked_field(verdict: str) -> None:
    # Given a booked "Date of loss" the writer corrects in words of their own
    text = (
        "Job 77 | 8 Ferris St, Moonah TAS 7009\n"
        "Date of loss: 16/10/2026\n"
        "Visit 1 - Fri 16/10/2026 10am\n"
        "The washer outlet had been dripping behind the machine for a while, going by the stain. "
        + verdict
        + "\n"
    )
    # Then the writer's day is the loss
    assert _job_dates(text)[0] == date(2026, 10, 14)


def test_someone_elses_putting_of_the_loss_is_no_verdict() -> None:
    # Given the office's day reported, not the writer's own
    text = (
        "Job 78 | 8 Ferris St, Moonah TAS 7009\n"
        "Visit 1 - Fri 16/10/2026 10am. Shower waste leaked on Thursday 15/10/2026 overnight.\n"
        "The office put the loss at 12/10 from the phone call.\n"
    )
    # Then the day the prose tells stands
    assert _job_dates(text)[0] == date(2026, 10, 15)


@pytest.mark.parametrize(
    "milestone",
    [
        "Drying complete on 9 March per the sign-off sheet.",
        "Works finished 9 March; the cabinet toe kicks were refitted.",
        "Job completed 9 March and the equipment demobilised.",
    ],
)
def test_a_drying_milestone_is_not_the_loss(milestone: str) -> None:
    # Given an adjuster's report whose last section dates the end of the drying near the burst's words
    text = (
        "Loss adjuster's report - 3 Gidgee Pl, Kalgoorlie WA 6430\n"
        "On Tuesday 3 March 2026 the owner found the laundry flooded; the cold tap hose had split.\n"
        + milestone
        + " The sudden burst of the hose is covered.\n"
    )
    # Then the loss is the day the owner found the water, not the milestone
    assert _job_dates(text)[0] == date(2026, 3, 3)


@pytest.mark.parametrize(
    "firm", ["Goldfields Flood Damage Co.", "Red Dirt Drying Pty Ltd", "Outback Dry Inc."]
)
def test_a_firm_known_by_its_registered_form_attending_is_the_first_visit(firm: str) -> None:
    # Given an adjuster's report naming the firm that attended before the adjuster's inspection
    text = (
        "LOSS ADJUSTERS REPORT\n"
        "Risk address: 3 Gidgee Pl, Kalgoorlie WA 6430\n"
        "Date of our inspection: 6 March 2026\n"
        "On the morning of 3 March 2026 the owner found the laundry flooded from a split tap hose.\n"
        f"{firm} attended 3 March at 2pm and set up drying.\n"
    )
    # Then the firm's attendance is the job's first visit
    assert _job_dates(text)[1] == date(2026, 3, 3)


def test_a_trade_firm_attending_is_not_the_first_visit() -> None:
    text = (
        "LOSS ADJUSTERS REPORT\n"
        "Risk address: 3 Gidgee Pl, Kalgoorlie WA 6430\n"
        "Date of our inspection: 6 March 2026\n"
        "On the morning of 3 March 2026 the owner found the laundry flooded from a split tap hose.\n"
        "Kalgoorlie Plumbing Co. attended 4 March and replaced the hose.\n"
    )
    assert _job_dates(text)[1] == date(2026, 3, 6)


@pytest.mark.parametrize(
    ("visit", "told", "expected"),
    [
        (
            "att 17/10 1015. tech KB.",
            "hot water unit relief line let go last night (~2215 on 16/10).",
            date(2026, 10, 16),
        ),
        (
            "arrived 17/10, 10:15",
            "the cistern hose split last night (about 10 pm on 16/10).",
            date(2026, 10, 16),
        ),
    ],
)
def test_notes_that_write_no_year_read_their_days_near_the_day_received(
    visit: str, told: str, expected: date
) -> None:
    # Given terse notes with no year anywhere
    text = f"job 55 / 2 Pell St, Howrah TAS 7018\n{visit}\n\n- {told}\n- hall carpet wet.\n"
    # Then the visit's and the loss's days are read in the year the notes arrived in
    assert _job_dates(text) == (expected, date(2026, 10, 17))


def test_a_yearless_fraction_is_still_no_date() -> None:
    # Given notes with no year and a fraction where a date could sit
    text = "job 56 / 2 Pell St, Howrah TAS 7018\nabout 3/4 of the hall carpet wet.\n"
    # Then nothing is dated
    assert _job_dates(text) == (None, None)


@pytest.mark.parametrize(
    ("visit", "told"),
    [
        (
            "Attended: Thu 15/10/26 13:30 (tech: D. Ng)",
            "Loss: cistern flexi split at about 05:50 this morning.",
        ),
        (
            "Site visit - Thursday 15/10/2026, 1.30 pm",
            "Owner says the dishwasher hose let go early this morning.",
        ),
    ],
)
def test_a_visit_field_dates_this_morning_in_the_notes_under_it(visit: str, told: str) -> None:
    # Given a site sheet headed by its visit's field, telling the loss against that day
    text = f"Job 61 Site: 4 Ruby St, Rosny TAS 7018\n{visit}\n\n{told}\nLaundry vinyl wet.\n"
    # Then "this morning" is the visit's day
    assert _job_dates(text) == (date(2026, 10, 15), date(2026, 10, 15))


def test_this_morning_in_a_mail_is_not_a_visit_fields_day() -> None:
    # (the near miss: a visit line with no date of its own dates nothing under it)
    text = (
        "Job 62 Site: 4 Ruby St, Rosny TAS 7018\nAttended: after lunch\n\nLoss: flexi split this morning.\n"
    )
    assert _job_dates(text)[0] is None


@pytest.mark.parametrize(
    "verdict",
    [
        "unknown start - using 12/10 (found).",
        "start not known, so taking 12/10, the day it was noticed.",
    ],
)
def test_the_finding_day_the_writer_adopts_is_the_loss(verdict: str) -> None:
    text = (
        "Job 63 | 4 Ruby St, Rosny TAS 7018\n"
        "Visit 1 - 13/10/2026 9am\n"
        "Owners were away from 2/10/2026; back 12/10/2026 and saw water at the fridge."
        " Ice maker line cracked, ran for days, " + verdict + "\n"
    )
    assert _job_dates(text)[0] == date(2026, 10, 12)
