"""The date of loss by the kind of writing that tells it, each with its near miss: a firm named for
the water it works on (its visit is not the loss), a yearless loss label with a part of the day after
it, a vessel of water that split, a freeze told with its split further on, a day the writer denies,
and "that's when the valve went" after a day."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.cause_words import CAUSE_KEYWORD


def _dates(text: str) -> tuple[date | None, date | None]:
    job = analyze_text(text).job
    return (
        job.date_of_loss.value if job.date_of_loss else None,
        job.inspection_date.value if job.inspection_date else None,
    )


# A firm named with a water word: its visit's day is not the loss's.
_FIRM_VISITS = [
    (
        "Insured: J. Okoro\nNorthern Water Pros were out on Tuesday 3 March 2026 to extract.\n"
        "Inspection 5 March 2026. Lounge carpet 40%.\n",
        date(2026, 3, 5),
    ),
    (
        "Claim 77-1\nOn 14/06/2027 Harbour Flood Restoration pumped out the garage.\n"
        "Inspected: 16/06/2027. Garage slab wet.\n",
        date(2027, 6, 16),
    ),
    (
        "Claim 77-1\nHarbour Flood Restoration pumped out the garage on Monday 14 June 2027.\n"
        "Inspected: 16/06/2027. Garage slab wet.\n",
        date(2027, 6, 16),
    ),
]


@pytest.mark.parametrize(("text", "visit"), _FIRM_VISITS)
def test_a_firm_named_for_water_does_not_date_the_loss(text: str, visit: date) -> None:
    # Given notes where a firm with "Water" or "Flood" in its name worked on a dated day
    # When the job dates are read
    # Then the firm's day is no loss date, and the inspection stands
    assert _dates(text) == (None, visit)


def test_the_water_itself_on_that_day_still_dates_the_loss() -> None:
    # Given the same notes, but the water itself is what came in on the day
    text = (
        "Claim 77-1\nWater came through the garage roof on Monday 14 June 2027 in the storm.\n"
        "Inspected: 16/06/2027. Garage slab wet.\n"
    )
    # When the job dates are read
    # Then the day dates the loss
    assert _dates(text) == (date(2027, 6, 14), date(2027, 6, 16))


# A yearless loss label, then a part of the day: the number is a day, placed near the job's days.
_PART_OF_DAY = [
    (
        "Job 5521 - 9 Ridge Rd, Toowoomba QLD 4350 - opened 15/06/2027\n"
        "DOL: 14/06 late evening (dishwasher hose split)\nInspected 15/06/2027. Kitchen vinyl wet.\n",
        date(2027, 6, 14),
    ),
    (
        "Claim: AB-2027-1182, booked 23/02/2027\nDOL: 22/02 early morning, laundry tap left running\n"
        "Attended 23/02/2027. Laundry floor wet.\n",
        date(2027, 2, 22),
    ),
]


@pytest.mark.parametrize(("text", "loss"), _PART_OF_DAY)
def test_a_yearless_loss_label_with_a_part_of_the_day_is_read(text: str, loss: date) -> None:
    # Given a loss label whose yearless day is followed by "late evening" or "early morning"
    # When the job dates are read
    # Then the label's day is the loss
    assert _dates(text)[0] == loss


def test_a_fraction_after_a_loss_label_is_no_day() -> None:
    # Given a loss label followed by a fraction of the floor, not a day
    text = (
        "Claim 5544 dated 10/05/2027\nDOL 3/4 of the floor wet by evening, date not given\n"
        "Attended 10/05/2027. Laundry floor wet.\n"
    )
    # When the job dates are read
    # Then no loss date is made up from the fraction
    assert _dates(text)[0] is None


# A vessel of water that split, cracked or ruptured: the loss, on its day.
_VESSELS = [
    (
        "Flat 3, 21 Mill Road, Cambridge CB1 2AD - claim HH-552\nInspected 10/03/2027. Lounge carpet wet.\n"
        "The 200 L fish tank (1.2 x 0.4 m) cracked along its base about 8 pm on 08/03/2027.\n",
        date(2027, 3, 8),
    ),
    (
        "Unit 4, 77 Bay St, Nelson 7010 - claim TZ-1180\nInspected 06/05/2027. Bedroom carpet wet.\n"
        "Their waterbed ruptured on 05/05/2027 while they were out.\n",
        date(2027, 5, 5),
    ),
]


@pytest.mark.parametrize(("text", "loss"), _VESSELS)
def test_a_vessel_of_water_that_split_dates_the_loss(text: str, loss: date) -> None:
    # Given an aquarium or a waterbed that let go on a dated day
    # When the job dates are read
    # Then that day is the loss
    assert _dates(text)[0] == loss


def test_a_vessel_checked_and_sound_dates_nothing() -> None:
    # Given an aquarium checked on a day and found not cracked
    text = (
        "Flat 3, 21 Mill Road, Cambridge CB1 2AD - claim HH-552\nInspected 10/03/2027. Kitchen floor wet.\n"
        "The aquarium in the lounge was checked on 09/03/2027 and is not cracked.\n"
    )
    # When the job dates are read
    # Then the check's day is no loss
    assert _dates(text)[0] is None


def test_a_freeze_told_with_its_split_further_on_dates_the_loss() -> None:
    # Given a pipe that froze where it ran by a cold wall, then split, on a dated night
    text = (
        "4410 Birch Ave, Duluth MN 55804 - claim NW-77812\nInspected 01/16/2027. Garage drywall wet.\n"
        "The hose bib supply froze where it passes through the uninsulated garage wall and split"
        " overnight on 01/14/2027.\n"
    )
    # When the job dates are read
    # Then the night it split is the loss
    assert _dates(text)[0] == date(2027, 1, 14)


def test_a_freeze_and_a_split_in_different_sentences_are_no_freeze_break() -> None:
    # Given a freeze in one sentence and something else split in the next
    text = "The outside tap froze last week. The carpet seam split when the fitter lifted it."
    # When the cause words are looked for
    # Then no freeze break is read
    assert CAUSE_KEYWORD.search(text) is None


# A day the writer denies is not the loss, though the next sentence tells water coming out.
_DENIED = [
    (
        "Subject: claim LV-88213\nDate: Wed 10 Mar 2027\n"
        "The storm water came up through the shower waste on the evening of Sunday 7th March, about"
        " 9 pm. It wasn't the 8th - that was the Monday I rang you. Anglian Water came out on Tuesday.\n",
        date(2027, 3, 7),
    ),
    (
        "From: Dev Raman\nDate: Thu 18 Nov 2027 19:02\n"
        "Dirty water came up through the basement floor drain late on Saturday 13th November. It"
        " wasn't the 14th - that was the Sunday we phoned you. Thames Water came out on Monday.\n",
        date(2027, 11, 13),
    ),
]


@pytest.mark.parametrize(("text", "loss"), _DENIED)
def test_a_day_the_writer_denies_is_not_the_loss(text: str, loss: date) -> None:
    # Given the water's day, then another day the writer says it was not
    # When the job dates are read
    # Then the loss is the water's day
    assert _dates(text)[0] == loss


def test_a_day_told_after_a_denied_finding_still_dates_it() -> None:
    # Given a discovery put off until a day ("wasn't found until ..."): no denial of the day
    text = (
        "Claim NZ-4471 - 12 Tui St, Hamilton 3200\n"
        "The cistern overflowed on Saturday 17/04/2027 while they slept; the floor was soaked.\n"
        "It wasn't only the bathroom: the hall carpet was wet too.\n"
    )
    # When the job dates are read
    # Then the told day stands
    assert _dates(text)[0] == date(2027, 4, 17)


# "... 17/11 - that's when the valve went": the writer names the day the loss happened, over a
# header's loss day after the visit.
_THATS_WHEN = [
    (
        "Flat 2, 9 Elm Grove, Bristol BS6 5AA\nLoss: dishwasher hose in KITCHEN. DOL 21/11/2027\n"
        "On site 20/11/2027.\nThe smart meter shows flow from the evening of 18/11/2027 - that's when"
        " the hose split. Kitchen vinyl wet.\n",
        date(2027, 11, 18),
    ),
    (
        "Job 8812, 5 Kent St, Ballarat VIC 3350\nLoss: laundry tap. DOL 09/08/2027\nAttended 08/08/2027.\n"
        "The heating app shows the pressure dropping from 06/08/2027 - that's when the valve went."
        " Hall carpet wet.\n",
        date(2027, 8, 6),
    ),
]


@pytest.mark.parametrize(("text", "loss"), _THATS_WHEN)
def test_thats_when_it_failed_names_the_loss_day(text: str, loss: date) -> None:
    # Given a header's loss day after the visit, and the writer naming an earlier day as when it failed
    # When the job dates are read
    # Then the writer's day is the loss
    assert _dates(text)[0] == loss


def test_thats_when_someone_came_is_no_loss_verdict() -> None:
    # Given a day named as when a trade came, not when anything failed
    text = (
        "Job 8812, 5 Kent St, Ballarat VIC 3350\nLoss: laundry tap. DOL 05/08/2027\nAttended 08/08/2027.\n"
        "Laundry floor wet. The plumber was there on 07/08/2027 - that's when the plumber replaced the tap.\n"
    )
    # When the job dates are read
    # Then the labelled loss stands
    assert _dates(text)[0] == date(2027, 8, 5)


def test_a_freeze_with_a_day_between_it_and_the_split_is_no_freeze_break_of_that_day() -> None:
    # Given a cold snap's start day told between "froze" and "split", far apart
    text = "the hose bib froze during the long cold snap that began 2027-01-17 and split on the thaw"
    # When the cause words are looked for
    # Then the long reach does not run across the day (the snap's, not the split's)
    assert CAUSE_KEYWORD.search(text) is None
