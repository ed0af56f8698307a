"""The date of loss when the escape was heard before it was found: "we heard a bang about 11pm on
Sunday night ... when I got up on the Monday the floor was under water" dates the loss Sunday."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text


def _loss(text: str) -> date | None:
    job = analyze_text(text).job
    return job.date_of_loss.value if job.date_of_loss else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Given a burst's sound heard on one night and the water found the next morning
        (
            "On the Saturday night (14 March 2026) we heard a loud crack about midnight and went back to"
            " sleep. In the morning of 15 March the laundry was flooded from a split washer hose.\n",
            date(2026, 3, 14),
        ),
        (
            "Email from the owner, 6 July 2026\nOn the Friday night (3 July) we heard a sharp crack at about"
            " 10pm but assumed it was the fence. When I woke at 7 on the Saturday the laundry was flooded and"
            " water had run into the hall. The washing machine hose had burst.\n",
            date(2026, 7, 3),
        ),
    ],
)
def test_the_night_the_escape_was_heard_is_the_loss(text: str, expected: date) -> None:
    # When the account is read / Then the loss is the night of the sound
    assert _loss(text) == expected


def test_a_day_with_no_sound_of_the_escape_is_not_the_loss() -> None:
    # Given the day before the water told only by what the household did (the near miss)
    text = (
        "On Saturday 14 March 2026 we heard the neighbours' party until late. On Sunday 15 March 2026"
        " the washer hose split and flooded the laundry.\n"
    )
    assert _loss(text) == date(2026, 3, 15)
