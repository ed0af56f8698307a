"""The date of loss against the days a job is opened: the day it was rung in, reported or received
(a field holding that day holds the job's open date), a verdict written without a verb that rules
the field's day out, a meter's or a controller's log of the start, a report's verb governing the day
after it, a log's column days, an earlier job's stages; and a plural "Site visits:" label dating
the first visit. Each family has variants and its near miss."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.dates import DateMatch, Dates
from chalicelib.analysis.offline.job_date_clues import column_heading, reported_days
from chalicelib.analysis.offline.loss_statements import stated_loss
from chalicelib.analysis.offline.text import prepare_lines

_AU = "Address: 4 Tern St, Ballina NSW 2478\n"
_US = "12 Elm St, Mesa, AZ 85203\n"
_SA = "Property: 9 Gum Rd, Elizabeth SA 5112\n"


def _job_dates(text: str) -> tuple[date | None, date | None]:
    job = analyze_text(text).job
    return (
        job.date_of_loss.value if job.date_of_loss else None,
        job.inspection_date.value if job.inspection_date else None,
    )


# A verdict with no verb: the loss's name, its day, and the field's day ruled out beside it.
_BARE_VERDICTS = [
    (
        "Job card: DOL 14/03/2027\n" + _AU + "Tech on site 15/03/2027 9am.\n"
        "The dishwasher hose split at 9pm the night before they rang. Hence date of loss 13/03, not 14/03.\n",
        date(2027, 3, 13),
    ),
    (
        "Loss date: Wed 3/2/2027\n" + _AU + "Attended 4/2/2027\n"
        "The upstairs bath overflowed while she was on the phone; loss date therefore Tue 2/2"
        " (not the 3rd).\n",
        date(2027, 2, 2),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _BARE_VERDICTS)
def test_a_loss_named_with_its_day_and_another_ruled_out_is_the_verdict(text: str, expected: date) -> None:
    assert _job_dates(text)[0] == expected


def test_a_loss_named_with_its_day_and_nothing_ruled_out_is_no_verdict() -> None:
    text = "so DOL 30/11 per the card, tech to confirm"
    found = [DateMatch(text.index("30/11"), text.index("30/11") + 5, date(2026, 11, 30))]
    assert stated_loss(text, found) is None
    ruled = "so DOL 30/11, not 29/11"
    found = [
        DateMatch(ruled.index("30/11"), ruled.index("30/11") + 5, date(2026, 11, 30)),
        DateMatch(ruled.index("29/11"), ruled.index("29/11") + 5, date(2026, 11, 29)),
    ]
    assert stated_loss(ruled, found) == date(2026, 11, 30)


# A device's log of the start: a meter flagging or detecting steady flow, a controller's fault.
_DEVICE_LOGS = [
    (
        _AU + "The building's smart meter flagged constant flow from 3:15 am on 07/02/2027; the caretaker"
        " found water in the plant room on 09/02/2027.\nAttended 09/02/2027.\n",
        date(2027, 2, 7),
    ),
    (
        _AU + "The pool-house monitoring system detected continuous usage since 22/01/2027. Cleaner noticed"
        " the ceiling dripping 24/01/2027.\nOn site 24/01/2027.\n",
        date(2027, 1, 22),
    ),
    (
        _AU + "The heat-pump control panel recorded a 'drain pump fault' at 11.20pm Fri 4/6/2027 and the"
        " laundry floor was flooded by morning.\nAttended 5/6/2027.\n",
        date(2027, 6, 4),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _DEVICE_LOGS)
def test_a_devices_log_of_the_start_dates_the_loss(text: str, expected: date) -> None:
    assert _job_dates(text)[0] == expected


# The day the job reached us, with the cause in its line, is not the loss.
_RECEIVED = [
    (
        "Instruction received: 05/03/2027 (insurer says 'burst flexi hose, kitchen')\n"
        + _AU
        + "On site 05/03/2027.\nThe flexi hose under the sink split on 04/03/2027 at about 10pm.\n",
        (date(2027, 3, 4), date(2027, 3, 5)),
    ),
    (
        "Claim received 12/7/2027 - tenant reports storm water through the roof\n"
        + _AU
        + "Rain came through the bedroom ceiling on the night of 11/7/2027.\nAttended 12/7/2027\n",
        (date(2027, 7, 11), date(2027, 7, 12)),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _RECEIVED)
def test_the_day_a_job_was_received_is_not_the_loss(text: str, expected: tuple[date, date]) -> None:
    assert _job_dates(text) == expected


# A field holding the day the prose says the loss was rung in gives way to the earlier day told.
_RUNG_IN = [
    (
        "SUMMARY: Cat 1 / Class 1 / DOL 20/05/2027 / 1 air mover\n" + _AU + "On site 21/05/2027.\n"
        "Owner first saw water under the fridge on Sun 18/05/2027 and rang us on 20/05, the date the job"
        " came in. The fridge line had split.\n",
        date(2027, 5, 18),
    ),
    (
        "Date of loss: 3/9/2027\n" + _US + "On site 3/10/2027\nThe supply hose burst 3/7/2027 overnight"
        " while they slept; they called it in 3/9/2027, which is when the file was opened.\n",
        date(2027, 3, 7),
    ),
    # (the near miss: a field that is not the day rung in stands)
    (
        "Date of loss: 18/05/2027\n" + _AU + "On site 21/05/2027.\nThe fridge line split and the owner rang"
        " us 20/05.\n",
        date(2027, 5, 18),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _RUNG_IN)
def test_a_loss_field_on_the_day_it_was_rung_in_gives_way(text: str, expected: date) -> None:
    assert _job_dates(text)[0] == expected


def test_the_days_a_line_says_the_loss_was_reported() -> None:
    text = "seen Sun 18/05, rang us on 20/05; 22/05 is when the file was opened"
    found = [
        DateMatch(text.index(day), text.index(day) + 5, date(2027, 5, int(day[:2])))
        for day in ("18/05", "20/05", "22/05")
    ]
    assert reported_days(text, found) == [date(2027, 5, 20), date(2027, 5, 22)]


# A report's verb governs the day after it in its sentence; the water's own verb between takes it back.
_REPORTED_SIGNS = [
    (
        "Mould assessment, 7 Ash St, Hamilton 3204\nInspected 2027-02-01\nReason for call: the owner reported"
        " a damp smell and dark specks along the skirting in the study, first around 2027-01-15.\n",
        None,
    ),
    (
        "Mould check\n" + _AU + "Inspected 10/04/2027\nTenant complained of peeling paint and a stale odour"
        " behind the wardrobe, starting 3/4/2027.\n",
        None,
    ),
    (
        _AU + "The tenant reported that the cistern overflowed on 3/4/2027 and soaked the hall carpet.\n"
        "Attended 4/4/2027\n",
        date(2027, 4, 3),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _REPORTED_SIGNS)
def test_a_reported_sign_dates_the_report_not_the_loss(text: str, expected: date | None) -> None:
    assert _job_dates(text)[0] == expected


def test_an_earlier_jobs_stages_and_a_move_in_date_no_loss() -> None:
    text = (
        "Mould survey\n" + _AU + "Surveyed 2026-12-01\nA leak under the vanity in June 2026 was dried by"
        " another contractor and signed off on 14/07/2026. New owners moved in on 01/10/2026 and smell"
        " mould.\n"
    )
    assert _job_dates(text) == (None, date(2026, 12, 1))


@pytest.mark.parametrize(
    ("row", "heading"),
    [
        ("| Point | 2027-02-01 | 2027-02-04 (after storm) |", True),
        ("Point | 03/12 | 05/12 | Goal", True),
        # (one date in a row of words is a fact of the row, not a column's day)
        ("| Roof leak found | 02/02/2027 |", False),
    ],
)
def test_a_logs_column_days_are_not_told_days(row: str, heading: bool) -> None:
    found = Dates(prepare_lines(row), "DMY").find(row, None, yearless_numeric=True)
    assert found
    assert column_heading(row, found, found[0]) is heading


# A plural visits label dates the first of its days.
_VISITS = [
    ("Consultant: J. Doe. Site visits: 12/03/2027 and 19/03/2027\n" + _AU, date(2027, 3, 12)),
    ("Prepared by K. Ito. Initial inspections: 4/5/2027 & 9/5/2027\n" + _AU, date(2027, 5, 4)),
    ("Site visit fee: $450\n" + _AU + "Burst pipe 2/5/2027.\n", None),
]


@pytest.mark.parametrize(("text", "expected"), _VISITS)
def test_a_plural_visits_label_dates_the_first_visit(text: str, expected: date | None) -> None:
    assert _job_dates(text)[1] == expected


# A yearless day the writer adopts as the loss, or names as the caller's, in a header's wake.
_ADOPTED_YEARLESS = [
    (
        "NEW JOB INTAKE\nDate of loss per caller: 14/03/2027\n-----\n" + _AU + "On site 15/03/2027.\n"
        "The cistern overflowed some time after 9 pm on 13/03 per the caller. Taking 13/03 as DOL.\n",
        date(2027, 3, 13),
    ),
    (
        "Date of loss: 02/06/2027\n" + _AU + "Attended 02/06/2027.\nHose burst about 11 pm 01/06 per the"
        " owner; logging 01/06 as the loss date.\n",
        date(2027, 6, 1),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _ADOPTED_YEARLESS)
def test_a_yearless_day_the_writer_adopts_is_the_loss(text: str, expected: date) -> None:
    assert _job_dates(text)[0] == expected


# The day a floor was last seen fine is not the loss, however the loss label's line goes on.
_SEEN_FINE = [
    (
        "Date of loss: 20/03/2027 (overnight; laundry floor dry at 23:00 on the 19th, water found 06:30 on"
        " the 20th)\n" + _AU + "Attended 20/03/2027.\nThe washing machine inlet hose burst.\n",
        date(2027, 3, 20),
    ),
    (
        "DOL 20/03/2027 - bathroom fine at bedtime on 19/03, carpet soaked by 7am\n"
        + _AU
        + "On site 20/03/2027. The flexi hose to the basin split.\n",
        date(2027, 3, 20),
    ),
]


_SEEN_FINE.append(
    # near miss: a "dry" in the next sentence is no state of the day
    (
        _AU + "Attended 28/11/2027.\nThe fat fryer caught fire at close on Fri 26/11/2027 approx 16:50. Chef"
        " put it out with the dry powder extinguisher.\n",
        date(2027, 11, 26),
    )
)


@pytest.mark.parametrize(("text", "expected"), _SEEN_FINE)
def test_the_day_last_seen_fine_is_not_the_loss(text: str, expected: date) -> None:
    assert _job_dates(text)[0] == expected


# Whoever attended first, then the day: that visit is the job's first, before the writer's own.
_CAME_FIRST = [
    (
        _SA + "Inspected: Fri 4/12/26 (restorer Coastline Restoration attended"
        " first, Wed 2/12/26)\nStorm of Tue 1/12/26 evening; water came in under the doors.\n",
        date(2026, 12, 2),
    ),
    (
        _SA + "Site inspection 10/03/2027 - the drying contractor was on site"
        " first, 08/03/2027.\nThe hot water unit burst on 07/03/2027.\n",
        date(2027, 3, 8),
    ),
    # near miss: a trade that came first is no inspection
    (
        _SA + "Inspected: 10/03/2027. The plumber came first, 08/03/2027, and"
        " capped the line.\nThe hot water unit burst on 07/03/2027.\n",
        date(2027, 3, 10),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _CAME_FIRST)
def test_whoever_came_first_dates_the_first_visit(text: str, expected: date) -> None:
    assert _job_dates(text)[1] == expected
