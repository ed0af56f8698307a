"""The first visit when a label lists several days that share one year ("Site visits: 4 March,
9 March and 15 March 2026"), and the insurer's person heading a line ("IA: K. Moss. Inspected
...") against the vendor's earlier "on site since"."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.findings import JobInfo
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.job import read_job
from chalicelib.analysis.offline.text import prepare_lines
from chalicelib.analysis.offline.visit_days import Visits


def _inspection(text: str) -> date | None:
    lines = prepare_lines("Property: 8 Kestrel Row, Orange NSW 2800\n" + text)
    dates = Dates(lines, None)
    job: JobInfo = read_job(lines, dates, Visits(dates))
    return job.inspection_date.value if job.inspection_date else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Given a label listing visit days with the year written once, on the last
        ("Site visits: 4 March, 9 March and 15 March 2026.\nLaundry floor tiles drummy.\n", date(2026, 3, 4)),
        (
            "Site visits - July 7 & July 12, 2026\nBasement carpet wet along the east wall.\n",
            date(2026, 7, 7),
        ),
        # a list across the new year reads its first day in the year before
        ("Attended: 29 Dec and 3 Jan 2027.\nGarage slab damp.\n", date(2026, 12, 29)),
    ],
)
def test_a_listed_visit_label_gives_its_first_day(text: str, expected: date) -> None:
    # When the job is read / Then the first listed day is the first visit
    assert _inspection(text) == expected


def test_two_fully_dated_labels_keep_the_first_as_written() -> None:
    # Given a visit and a later review each with its own year (the near miss: no shared-year list)
    text = "Inspected: 6 May 2026, reviewed 11 May 2026.\nStudy carpet wet.\n"
    assert _inspection(text) == date(2026, 5, 6)


@pytest.mark.parametrize(
    "text",
    [
        # Given the independent adjuster heading the line, the vendor on site before them
        "IA: K. Moss. Inspected 08/21/2026. Drying by Pelican Restoration, on site since 08/18/2026.\n"
        "Den carpet wet.\n",
        "Adjuster: T. Huang. Site inspection: 08/21/2026.\nGulf Dry Co. on site since 08/18/2026.\n"
        "Bedroom 2 carpet wet.\n",
    ],
)
def test_the_vendor_on_site_before_the_insurers_person_made_the_first_visit(text: str) -> None:
    assert _inspection(text) == date(2026, 8, 18)


def test_our_own_labelled_inspection_stands_before_a_later_vendor() -> None:
    # Given our own inspection (no insurer's person heads the line) and equipment placed later
    # (the near miss: "on site since" after our visit changes nothing)
    text = "Inspected 08/18/2026 by our tech.\nDrying vendor on site since 08/20/2026.\nHall carpet wet.\n"
    assert _inspection(text) == date(2026, 8, 18)
