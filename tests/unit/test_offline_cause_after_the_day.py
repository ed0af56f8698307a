"""A loss label's value that opens with the day: the cause is what happened after it."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


@pytest.mark.parametrize(
    ("line", "cause"),
    [
        (
            "Date of loss: Fri 13/03/2026 (hot water unit relief line split in the roof space, found 7 am)",
            "hot water unit relief line split in the roof space, found 7 am",
        ),
        ("Loss: March 4, 2026 at 6 pm; upstairs toilet feed let go", "upstairs toilet feed let go"),
        ("Date of loss: 22.08.2026 - washing machine inlet hose burst", "washing machine inlet hose burst"),
    ],
)
def test_the_cause_after_a_loss_labels_day_leaves_the_day_out(line: str, cause: str) -> None:
    # Given a loss label whose value gives the day (and hour) first, then the cause
    findings = analyze_text(f"Claim HX-4410\n{line}\n\nLaundry 3 x 2 m: vinyl wet.\n")
    # Then the cause is what happened, the day being the date of loss's own field
    assert findings.cause_of_loss == cause


def test_a_cause_opening_with_a_size_or_count_keeps_it() -> None:
    # Given causes that open with figures that are no day (a pipe's size, a count of hoses)
    sized = analyze_text("Claim HX-4411\nCause: 1/2 in. copper line to the fridge split\n\nKitchen wet.\n")
    counted = analyze_text("Claim HX-4412\nCause: 2 flexi hoses under the vanity burst\n\nEnsuite wet.\n")
    # Then the figures stay in the cause
    assert sized.cause_of_loss is not None and sized.cause_of_loss.startswith("1/2 in. copper line")
    assert counted.cause_of_loss is not None and counted.cause_of_loss.startswith("2 flexi hoses")


def test_a_day_with_nothing_told_after_it_is_no_cause_cut() -> None:
    # Given a label whose value after the day is a pointer, not a cause
    findings = analyze_text("Claim HX-4413\nDate of loss: 02/02/2026 (see below)\n\nHallway carpet wet.\n")
    # Then no three-word cause is made of the pointer
    assert findings.cause_of_loss != "see below"


def test_an_hour_written_with_a_colon_is_not_cut_at_it() -> None:
    # Given a loss label's day and hour run straight into the story, with no mark between
    findings = analyze_text(
        "Claim HX-4414\nLoss: Thu 03/12/2026 about 9:40 p.m. the tenant left the bath on\n\nBath wet.\n"
    )
    # Then the cause is never cut inside the hour ("40 p.m. the tenant ...")
    assert findings.cause_of_loss is not None and not findings.cause_of_loss.startswith("40")
