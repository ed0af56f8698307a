"""A flood cut is drying work, not a flood: "After flood cut 11/9 - new points on the plates" dates the
cut, and an intake's "Date of loss" stands against it. (The merged round read it as the technician
dating the loss otherwise, set the loss a day late and QA held the job: readings before the loss.)"""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

_INTAKE = (
    "NEW LOSS INTAKE\n"
    "Taken by: office     Date/time: 03/02/2026 9:10 AM\n"
    "Loss address: 88 Birch Lane, Lansing, MI 48910\n"
    "Date of loss: 03/02/2026 (found this AM)\n"
    "=== TECH NOTES ===\n"
    "3/2 1:00 PM on site. Basement family room carpet wet, drywall wicking.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "After flood cut 3/3 - new points on the exposed bottom plates: 3/3 27 | 3/5 16\n",
        "Flood-cutting done 3/3 at 2 ft; plates read 3/3 24, 3/5 15.\n",
    ],
)
def test_a_flood_cut_day_is_no_loss_day(line: str) -> None:
    # Given an intake's loss date and the technician's flood cut on the next day
    findings = analyze_text(_INTAKE + line)
    # Then the loss stays on the intake's day
    assert findings.job.date_of_loss is not None and findings.job.date_of_loss.value == date(2026, 3, 2)


def test_a_flood_told_by_the_technician_still_dates_the_loss() -> None:
    # Given the near miss: the technician's own account dates the water getting in on another day
    line = "Per the owner the basement flooded on 3/1 overnight when the sump failed.\n"
    findings = analyze_text(_INTAKE + line)
    # Then the technician's day stands over the intake's
    assert findings.job.date_of_loss is not None and findings.job.date_of_loss.value == date(2026, 3, 1)
