"""The washer's drain box (the wall fitting its hose drains into) names no discharge: a supply hose
read beside it stays Category 1; the machine draining or its drain hose is still its discharge."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


def _category(text: str) -> int | None:
    grade = analyze_text(text).water_category
    return grade.value if grade else None


@pytest.mark.parametrize(
    "text",
    [
        # Given a supply hose failure read through the washer's drain box
        "Hot water cylinder burst in the laundry cupboard, 2 Dec 2026. Readings taken beside the washer"
        " drain-box: 22%.\nLaundry floor wet.\n",
        "Mains supply pipe to the laundry tap burst, 2 Dec 2026. Moisture behind the washer drain box 24%.\n"
        "Laundry floor wet.\n",
    ],
)
def test_the_washers_drain_box_names_no_discharge(text: str) -> None:
    # When the notes are graded / Then the supply's clean water gives Category 1
    assert _category(text) == 1


@pytest.mark.parametrize(
    "text",
    [
        # Given the machine itself draining or its drain hose coming loose (the near miss)
        "The washing machine drained onto the laundry floor mid-cycle, 2 Dec 2026. Vinyl wet across 3 m2.\n",
        "Washing machine drain hose slipped out of the standpipe during the spin. Laundry wet.\n",
    ],
)
def test_the_washer_draining_is_still_its_discharge(text: str) -> None:
    assert _category(text) == 2
