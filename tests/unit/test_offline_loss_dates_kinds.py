"""The date of loss by the kind of writing that tells it, each with its near miss: a yearless day set
against another one ("11/21 not 11/20"), the day someone went away (not the loss), a wetting told as
going on for seasons (no loss date)."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text


def _loss(text: str) -> date | None:
    job = analyze_text(text).job
    return job.date_of_loss.value if job.date_of_loss else None


# A yearless day the writer sets against another day: the correction names the loss.
_SET_AGAINST = [
    (
        "Booking 02/14/2027 7:05 AM\nDate of loss: 02/13/2027\n"
        "Tech: the washer hose burst the morning of 02/14/2027, so the loss date is 2/14 not 2/13.\n",
        date(2027, 2, 14),
    ),
    (
        "Site: 2 Wattle St, Mackay QLD 4740\nJob opened 09.03.2027\nDOL 08/03/2027 per office\n"
        "Spoke to the tenant: the cistern overflowed on 09/03/2027 at 6am - DOL is 9/3 rather than 8/3.\n",
        date(2027, 3, 9),
    ),
    (
        "Call logged 4/22/2027\nDate of loss: 4/21/2027\n"
        "Homeowner says the dishwasher leaked on 4/21/2027 overnight. Plumber due 4/23 not 4/24.\n",
        date(2027, 4, 21),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _SET_AGAINST)
def test_a_yearless_day_set_against_another_is_read(text: str, expected: date) -> None:
    assert _loss(text) == expected


# The day someone went away dates the going, not the loss: the day they came back to water does.
_WENT_AWAY = [
    (
        "Address: 4 Kestrel Way, Albany WA 6330\n"
        "The owners left home on Friday 5/3/2027 for the coast and got back Sunday 7/3/2027 about 4pm to"
        " water pouring out of the laundry: the washer inlet hose had split.\n",
        date(2027, 3, 7),
    ),
    (
        "Address: 88 Elm Road, Guelph ON N1H 3K2\n"
        "Insured flew out March 12, 2027 for a week; returned March 19, 2027 in the evening and found"
        " the basement flooded from a split supply line.\n",
        date(2027, 3, 19),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _WENT_AWAY)
def test_the_day_someone_went_away_is_not_the_loss(text: str, expected: date | None) -> None:
    assert _loss(text) != date(2027, 3, 5) and _loss(text) != date(2027, 3, 12)
    assert _loss(text) in (expected, None)


def test_a_tap_left_running_on_a_day_still_dates_the_loss() -> None:
    # the near miss: "left the tap running" is the loss itself, not someone going away
    text = (
        "Address: 3 Quarry Lane, Bendigo VIC 3550\n"
        "On Saturday 13/3/2027 the tenant left the bath tap running and it overflowed into the hall.\n"
    )
    assert _loss(text) == date(2027, 3, 13)


# A wetting told as going on for seasons has no one start: no day in the story is the loss.
_FOR_SEASONS = [
    "Address: 12 Fern St, Katoomba NSW 2780\nThe owner thinks it began after the storm on 4/2/2027."
    " From the rot in the bearers this has been going on for at least three winters.\n",
    "Address: 77 Gull Rd, Duluth MN 55803\nThe homeowner first saw the stain after the rain on"
    " March 3, 2027. The dryer has been venting into the crawlspace and condensing there for what"
    " seems like years.\n",
]


@pytest.mark.parametrize("text", _FOR_SEASONS)
def test_a_wetting_going_on_for_seasons_has_no_loss_date(text: str) -> None:
    assert _loss(text) is None


def test_a_house_lived_in_for_years_still_has_its_loss_date() -> None:
    # the near miss: years of living there say nothing about the water's start
    text = (
        "Address: 5 Pine Ave, Hobart TAS 7000\n"
        "The owners have been living here for many years. On 14/4/2027 the hot water cylinder burst"
        " and flooded the laundry.\n"
    )
    assert _loss(text) == date(2027, 4, 14)


# A month word, its day and a year after a slash ("Nov. 17/26"): the Canadian form of a full date.
_SLASH_YEAR = [
    (
        "Intake - Date/time: Feb. 3/27, 07:40\nAddress: 9 Birch Cres, Regina SK S4S 1A1\n"
        "Caller says the hot water tank let go overnight (Feb. 2). Tech on site Feb. 3/27 10:15.\n",
        (date(2027, 2, 2), date(2027, 2, 3)),
    ),
    (
        "Address: 41 Lake Rd, Sudbury ON P3A 4R7\nOn site: March 9/2027 at 8 am.\n"
        "The dishwasher supply line split on March 8/2027 in the evening and flooded the kitchen.\n",
        (date(2027, 3, 8), date(2027, 3, 9)),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _SLASH_YEAR)
def test_a_year_after_a_slash_completes_a_month_and_day(text: str, expected: tuple[date, date]) -> None:
    job = analyze_text(text).job
    loss = job.date_of_loss.value if job.date_of_loss else None
    visit = job.inspection_date.value if job.inspection_date else None
    assert (loss, visit) == expected


def test_two_days_joined_by_a_slash_are_not_a_year() -> None:
    # the near miss: "Nov 17/18" is the 17th and the 18th, never 17 November 2018
    from chalicelib.analysis.offline.dates import Dates
    from chalicelib.analysis.offline.text import Line

    rows = ["Job: 3 Oak St, Austin TX 78701 - opened Nov 16, 2026", "Crew on site Nov 17/18."]
    lines = [Line(number, row, row) for number, row in enumerate(rows, start=1)]
    dates = Dates(lines, None)
    assert all(match.value is None or match.value.year == 2026 for match in dates.find(lines[1].text, None))


# The water found (or getting out) by the hour, under a dated entry of the notes: the entry's day.
_HOUR_UNDER_ENTRY = [
    (
        "Address: 6 Banksia Rd, Geraldton WA 6530\n\nWed 10/3/27\n"
        "- on site 10:40. cleaner found the storeroom flooded at 6.15am when unlocking."
        " cistern inlet split.\n",
        date(2027, 3, 10),
    ),
    (
        "Address: 220 Ridge Ave, Boise ID 83702\n\nThursday 04/08/2027\n"
        "* Manager says the sprinkler head burst about 5:30 am; tenant noticed water in the hallway.\n"
        "* Crew arrived 8:00, extraction started.\n",
        date(2027, 4, 8),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _HOUR_UNDER_ENTRY)
def test_water_found_by_the_hour_under_a_dated_entry_is_the_entrys_day(text: str, expected: date) -> None:
    assert _loss(text) == expected


def test_an_hour_in_a_mail_is_not_the_mails_day() -> None:
    # the near miss: a mail's lines tell of any day, so "found it at 7:10am" is not the day it was sent
    text = (
        "Sent: Friday 12 March 2027 09:14\nSubject: leak at 3 Gum St, Dubbo NSW 2830\n"
        "I found water under the laundry tub at 7:10am and turned the tap off.\n"
    )
    assert _loss(text) != date(2027, 3, 12)


# The water coming in is the loss, not a job coming in.
_WATER_CAME_IN = [
    (
        "Address: 15 Wharf Rd, Lismore NSW 2480\n06/04/26 10:00 - Rang the owner. Floodwater came in"
        " around midnight on Sat 4/4 when the creek rose over the yard.\n",
        date(2026, 4, 4),
    ),
    (
        "Address: 903 Bay St, Tampa FL 33606\nPer the tenant, rain water came in under the slider on"
        " Tuesday 6/8/2027 during the squall and soaked the living room carpet.\n",
        date(2027, 6, 8),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _WATER_CAME_IN)
def test_water_that_came_in_on_a_day_dates_the_loss(text: str, expected: date) -> None:
    assert _loss(text) == expected


def test_a_job_that_came_in_on_a_day_is_not_the_loss() -> None:
    # the near miss: the work order coming in dates the call, not the water
    text = (
        "Address: 15 Wharf Rd, Lismore NSW 2480\nThe job came in on 6/4/2027 from the insurer; the"
        " owner says the shower has leaked into the wall for months.\n"
    )
    assert _loss(text) is None


# A start only guessed at, then the day the water was first seen: the seen day is the loss.
_GUESSED_THEN_SEEN = [
    (
        "Address: 21 Cavenagh St, Darwin NT 0800\nLoss: the flexi under the vanity let go. Owner reckons"
        " it maybe started Thursday 19/11/2026 but no one noticed anything until the cleaner found the"
        " carpet soaked on Saturday 21/11/2026.\nAttended Sunday 22/11/2026.\n",
        date(2026, 11, 21),
    ),
    (
        "Address: 310 Pine St, Missoula MT 59802\nThe tenant believes the ice maker line probably failed"
        " on 11/13/2026; nobody saw water until the neighbor below called on 11/16/2026 about a stain.\n"
        "First visit 11/16/2026.\n",
        date(2026, 11, 16),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _GUESSED_THEN_SEEN)
def test_a_guessed_start_gives_way_to_the_day_the_water_was_first_seen(text: str, expected: date) -> None:
    assert _loss(text) == expected


def test_a_start_told_outright_stands_before_the_day_it_was_seen() -> None:
    # the near miss: no guess, so the day the pipe burst is the loss, whenever it was seen
    text = (
        "Address: 21 Cavenagh St, Darwin NT 0800\nThe flexi under the vanity burst on Thursday 19/11/2026"
        " but nobody saw the water until Saturday 21/11/2026.\nAttended Sunday 22/11/2026.\n"
    )
    assert _loss(text) == date(2026, 11, 19)


# A device's log of the water itself (an alarm, a leak sensor) dates the escape, before the day it
# was found; a trade's check of an appliance on a day is not the loss.
_LOGGED = [
    (
        "Site: 3 Rata Pl, Nelson\nOwners away for the weekend. The leak sensor under the laundry tub logged"
        " water at 03:40 on Saturday 14/11/2026; they found the floor wet on return, Monday 16/11/2026.\n"
        "Attended 16/11/2026.\n",
        date(2026, 11, 14),
    ),
    (
        "12 Birch Rd, Duluth, MN 55803\nHomeowners out of town. Water alarm app recorded a leak at 11:20 pm"
        " on 3/2/2027 in the basement; neighbor let us in 3/4/2027.\nOn site 3/4/2027.\n",
        date(2027, 3, 2),
    ),
    (
        "Site: 8 Moss St, Hobart\nThe hot water cylinder in the roof burst on Tuesday 10/11/2026"
        " about 6 am.\n"
        "Safety: cylinder isolated and checked by the electrician 11/11/2026 - no fault, no leak at"
        " the board.\n",
        date(2026, 11, 10),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _LOGGED)
def test_a_devices_log_of_the_water_dates_the_loss(text: str, expected: date) -> None:
    assert _loss(text) == expected


# A drain or fixture backing up, a pipe corroded through, water found on the way home from a day out.
_TOLD_KINDS = [
    (
        "Job 4471 - 9 Kowhai St, Rotorua 3010\nThe laundry tub waste backed up on the evening of"
        " 4/10/2026 during heavy rain.\n"
        "Inspected 5/10/2026.\n",
        date(2026, 10, 4),
    ),
    (
        "Property: 22 Gill St, Ballarat VIC 3350\nBackground\n- The copper cold line corroded"
        " through under the vanity; the owner heard it hissing"
        " on Friday 9/10/2026 at about 8 pm and shut the stopcock.\nSurvey: 12/10/2026.\n",
        date(2026, 10, 9),
    ),
    (
        "Site: 5 Emu Ct, Dubbo NSW 2830\nCAUSE: dishwasher hose split, found by owner Tue 3/11/2026"
        " around 6pm when she got back from the"
        " gym.\nAttended Wed 4/11/2026.\n",
        date(2026, 11, 3),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _TOLD_KINDS)
def test_a_loss_told_by_its_kind_dates_the_loss(text: str, expected: date) -> None:
    assert _loss(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # guesses with a question in a bracket, and the writer unable to tell
        "Site: 5 Emu Ct, Dubbo NSW 2830\nVisit 6/12/2026\n- Could be: the shower waste (was it"
        " resealed?), the roof flashing, or rain -"
        " a storm came through around 3 Dec. Unable to tell yet.\n",
        # back from a week away: the day found is not the loss
        "Site: 5 Emu Ct, Dubbo NSW 2830\nVisit 6/12/2026\nOwner got back from two weeks overseas on"
        " 5/12/2026 and found the hall carpet"
        " wet from a split hose.\n",
    ],
)
def test_a_guessed_or_away_day_dates_no_loss(text: str) -> None:
    assert _loss(text) is None


# A loss in the small hours of the day of the call, with a trade named only in a later clause.
_SMALL_HOURS_TRADE = [
    (
        "Site: 7 Kawa St, Tauranga 3110\nCall from the owner on Monday 9 March 2026 at 7.10 am.\n"
        "The washing machine hose had burst in the small hours, and by the time the plumber got there"
        " the laundry was flooded.\n",
        date(2026, 3, 9),
    ),
    (
        "Site: 3 Bell Rd, Mackay QLD 4740\nRang us Sat 14/02/2026 6 am.\n"
        "The cistern supply hose let go some time after midnight; the electrician came later"
        " to check the GPO.\n",
        date(2026, 2, 14),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _SMALL_HOURS_TRADE)
def test_a_small_hours_loss_with_a_trade_in_a_later_clause(text: str, expected: date) -> None:
    assert _loss(text) == expected


def test_a_trade_working_in_the_small_hours_is_no_loss() -> None:
    text = (
        "Site: 3 Bell Rd, Mackay QLD 4740\nRang us Sun 22/03/2026 8 am.\n"
        "The plumber cut the supply some time after midnight.\n"
    )
    assert _loss(text) is None
