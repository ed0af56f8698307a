"""The first visit of the job: the insurer's person's visit against ours, and our arrival told
against a day the story already gave ("the same night", "that night", "the same day")."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.findings import JobInfo
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.job import read_job
from chalicelib.analysis.offline.text import Sentences, prepare_lines
from chalicelib.analysis.offline.visit_days import Visits


def _job(text: str) -> JobInfo:
    lines = prepare_lines(text)
    dates = Dates(lines, None)
    return read_job(lines, dates, Visits(dates))


def _inspection(text: str) -> date | None:
    job = _job("Property: 4 Quarry Lane, Ballarat VIC 3350\n" + text)
    return job.inspection_date.value if job.inspection_date else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the insurer's person's visit, labelled or told, gives way to our earlier arrival
        (
            "Assessor (insurer): R. Menzies, site visit 14/09/2026\n"
            "The tap burst at 6 am on Saturday 12/09/2026. Our tech was on site at 10 am the same day.\n",
            date(2026, 9, 12),
        ),
        (
            "A pan of fat caught alight on Friday 4 September 2026 about 5.30 pm.\n"
            "Our team got there at 9.10 p.m. the same night to board up.\n"
            "Loss adjuster (D. Farrow) attended 8 September 2026 and agreed the scope.\n",
            date(2026, 9, 4),
        ),
        # with no visit of ours told, the insurer's person's visit stands
        (
            "The tap burst on Saturday 12/09/2026.\nAssessor (insurer): R. Menzies, site visit 14/09/2026\n",
            date(2026, 9, 14),
        ),
        # the writer with the adjuster: the visit is ours
        (
            "The tap burst on Saturday 12/09/2026.\nThe adjuster and I attended 14/09/2026.\n"
            "Tenant says a neighbour came round on 13/09/2026.\n",
            date(2026, 9, 14),
        ),
    ],
)
def test_the_insurers_visit_gives_way_to_ours_before_it(text: str, expected: date) -> None:
    assert _inspection(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "that night" after a day told at its afternoon: that day
        (
            "Wednesday 7/10/2026 at about 3 pm the kiln room caught fire. Crews put it out with hoses.\n"
            "We came at 9 pm that night to tarp the roof.\n",
            date(2026, 10, 7),
        ),
        # "the same day" in a sentence that told the day last, after other days
        (
            "The meter logged flow from 02:10 on 6-10-2026 (Tuesday night); the caretaker found the water "
            "at 8 am on Wednesday 7-10-2026 and we were on site at 1 pm the same day.\n",
            date(2026, 10, 7),
        ),
    ],
)
def test_our_arrival_told_against_the_stories_day(text: str, expected: date) -> None:
    assert _inspection(text) == expected


def test_that_morning_after_an_evening_is_left_open() -> None:
    # Given a day told at its evening, "that morning" cannot be placed by it: no visit is guessed
    text = "The hose split at about 8 pm on Monday 5/10/2026.\nWe were on site that morning.\n"
    assert _inspection(text) is None


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a clock's "p.m." goes on into the sentence when a small letter follows
        ("We got there at 8:30 p.m. the same night and pumped out.", 1),
        ("Called at 7 a.m. and on site by ten.", 1),
        # ... and still ends it before a capital
        ("We left at 5 p.m. The dehumidifier ran overnight.", 2),
    ],
)
def test_a_clocks_point_ends_a_sentence_only_before_a_capital(text: str, sentences: int) -> None:
    found = Sentences(text)
    starts = {found.bounds(pos)[0] for pos in range(len(text))}
    assert len(starts) == sentences


_ADJUSTERS_REPORT = (
    "WESTERN PLAINS LOSS ADJUSTING\n"
    "Claim number: WPL-5521\n"
    "Date of instruction: 10/03/2026   Date of our inspection: 13/03/2026\n"
    "The owner found the laundry flooded on Sunday 8 March 2026. The builder's emergency line sent a"
    " drying contractor, Plains Dry Co, who attended on the morning of 9/03/2026 and set up fans.\n"
)


def test_in_an_adjusters_report_the_contractors_earlier_attendance_is_the_first_visit() -> None:
    assert _inspection(_ADJUSTERS_REPORT) == date(2026, 3, 9)


def test_in_a_restorers_own_report_our_inspection_stays_the_first_visit() -> None:
    # the same lines under a restorer's title: "our inspection" is the writer's, the job's first
    text = _ADJUSTERS_REPORT.replace("WESTERN PLAINS LOSS ADJUSTING", "WESTERN PLAINS RESTORATION")
    text = text.replace(
        "sent a drying contractor, Plains Dry Co, who attended on the morning of 9/03/2026 and set up fans",
        "put the owner through to us",
    )
    assert _inspection(text) == date(2026, 3, 13)


def test_in_an_insurers_file_notes_the_writers_visit_stands_when_no_vendor_came_before() -> None:
    notes = (
        "HOMESTEAD MUTUAL - CLAIM FILE NOTES\n"
        "Claim: HM-7732   Adjuster: P. Oyelaran\n"
        "04/14/2026 08:30 - FNOL by phone: the water heater in the garage let go overnight.\n"
        "04/16/2026 10:00 - Site inspection. Garage slab damp at the heater; nothing else wet.\n"
    )
    assert _inspection(notes) == date(2026, 4, 16)


def test_a_line_listing_our_visits_dates_the_first_visit_by_the_first_listed() -> None:
    text = (
        "Date of loss: Friday 11/06/2026 - dryer fire in the laundry.\n"
        "Our visits: 11/06 at 11 PM - board-up only, no readings. 11/08 - full inspection and setup."
        " 11/10 - monitoring.\n"
    )
    assert _inspection(text) == date(2026, 11, 6)


def test_visits_named_mid_sentence_are_no_visits_label() -> None:
    text = (
        "Date of loss: Friday 11/06/2026 - dryer fire in the laundry.\n"
        "The adjuster wants our visits logged. Full inspection and setup 11/08/2026.\n"
    )
    assert _inspection(text) == date(2026, 11, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Site: 4 Heron Pde, Semaphore SA 5019\nI took the call from the tenant at 5.50 on Friday"
            " 13/11/2026. The laundry tap had snapped off and water was running under the door. She"
            " found the stop tap in the garden and I was on site by 6.45.\n",
            date(2026, 11, 13),
        ),
        (
            "Property: 71 Alder Way, Tacoma WA 98405\nWe received a call from Dana around 7:10 AM on"
            " Monday, November 9, 2026. The dishwasher drain had come apart overnight. We arrived at"
            " 8:30 am.\n",
            date(2026, 11, 9),
        ),
    ],
)
def test_an_arrival_by_the_hour_takes_the_day_of_the_call_told_before_it(text: str, expected: date) -> None:
    assert _inspection(text) == expected


def test_an_arrival_after_another_day_is_told_does_not_take_the_calls_day() -> None:
    # the near miss: a later day told between the call and the arrival
    text = (
        "Site: 4 Heron Pde, Semaphore SA 5019\nWe got the call at 9.15 on Friday 13/11/2026. The owner"
        " could not give access until Monday 16/11/2026. We were on site at 8.30.\n"
    )
    assert _inspection(text) != date(2026, 11, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an assessor's report: its own inspection is the assessor's, the restorer came first
        (
            "HARBOUR LOSS ASSESSING LTD\nPreliminary report\nSituation: 4 Kea St, Nelson 7010\n"
            "Date of loss: 2 March 2026\nOur inspection: 5 March 2026\n"
            "Restorer: Kahu Drying - attended 3 March 2026 at 9 am.\n",
            date(2026, 3, 3),
        ),
        (
            "Coastal Loss Assessors - site report\nProperty: 9 Elm Rd, Hastings 4120\nDOL 10/06/2026\n"
            "Inspected by the writer 14/06/2026.\nThe drying contractor arrived on site 11/06/2026.\n",
            date(2026, 6, 11),
        ),
        # the near miss: a restorer's own sheet naming an assessor on a line of its own
        (
            "KAHU DRYING - JOB SHEET\nSite: 4 Kea St, Nelson 7010\nDate of loss: 2 March 2026\n"
            "Inspection: 3 March 2026\nLoss assessor: P. Grant, to visit 5 March 2026.\n",
            date(2026, 3, 3),
        ),
    ],
)
def test_an_assessors_report_gives_way_to_the_restorers_earlier_visit(text: str, expected: date) -> None:
    assert _inspection(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # our make-safe visit as a field, before the labelled inspection
        (
            "Site: 12 Tui St, Hamilton 3204\nFire: Fri 6/03/2026 about 8 pm, pan of oil\n"
            "Make safe & board up: our tech, Fri 6/03/2026 11.30 pm\nInspection: Mon 9/03/2026\n",
            date(2026, 3, 6),
        ),
        (
            "Site: 4 Rue Street, Napier 4110\nDOL: 14/07/2026 (burst pipe)\n"
            "Emergency call-out: on site 15/07/2026 01:10, water off, 2 AM set\nInspection: 16/07/2026\n",
            date(2026, 7, 15),
        ),
        # the near miss: a builder's board-up is not our visit
        (
            "Site: 12 Tui St, Hamilton 3204\nFire: Fri 6/03/2026 about 8 pm, pan of oil\n"
            "Board-up: by the builder, Sat 7/03/2026\nInspection: Mon 9/03/2026\n",
            date(2026, 3, 9),
        ),
    ],
)
def test_our_make_safe_field_is_the_first_visit(text: str, expected: date) -> None:
    assert _inspection(text) == expected


@pytest.mark.parametrize(
    ("vendor", "expected"),
    [
        # the vendor named by its firm's name, in an adjuster's file note
        ("Bayside Flood Restoration attended on the night of 03/03/2026 and set drying.", date(2026, 3, 3)),
        ("Northern Drying Pros attended 03/03/2026 after hours and extracted the lounge.", date(2026, 3, 3)),
        # the near miss: a firm named for its trade that did not attend
        ("Bayside Flood Restoration quoted the drying on 03/03/2026 by phone.", date(2026, 3, 6)),
    ],
)
def test_an_adjusters_file_gives_way_to_the_vendor_named_by_its_firm(vendor: str, expected: date) -> None:
    text = (
        "KESTREL LOSS ADJUSTERS PTY LTD\nFile Note - Site Attendance\nClaim No: KL-55120\n"
        "Date of Loss: 02/03/2026\nDate of Attendance: 06/03/2026\n"
        f"{vendor}\nLounge carpet wet.\n"
    )
    assert _inspection(text) == expected
