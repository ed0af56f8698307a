"""Readings told in a job story's sentences: a paragraph that opens with the readings of the
first morning is dated by the first visit, not by the loss told before it; a range's two ends
are both readings ("ranged from 55 to 70"), and a bound is recorded as the number given ("it
was over 90")."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_STORY = (
    "Job story - king tide through a ground-floor flat, Ferndale\n\n"
    "The king tide pushed up the estuary and at about 10 pm on Friday 6 March 2026 water came over the"
    " garden wall and under the back door of the flat. It drained away by midnight. The owner rang us at"
    " 7 am on Saturday 7 March and we were on site just before 9.\n\n"
    "Readings on the first morning (Protimeter, reference scale on the plasterboard). The kitchen"
    " plasterboard behind the dishwasher ranged from 55 to 70. In the dining room the plasterboard read"
    " 48 by the doorway; behind the fridge it was over 90.\n"
)


def _readings() -> list[tuple[float, date | None]]:
    return [(r.value, r.taken_on) for r in analyze_text(_STORY).moisture_readings]


def test_readings_on_the_first_morning_take_the_first_visit_not_the_loss() -> None:
    found = _readings()
    assert (48.0, date(2026, 3, 7)) in found
    assert all(day != date(2026, 3, 6) for _, day in found)


def test_both_ends_of_a_range_and_a_bound_are_readings() -> None:
    values = [value for value, _ in _readings()]
    assert 55.0 in values
    assert 70.0 in values
    assert 90.0 in values


def test_a_bound_said_of_every_reading_is_still_no_reading() -> None:
    text = (
        "Inspected 07/03/2026. Protimeter on the kitchen plasterboard: the readings were all over 40,"
        " and the wall behind the sink read 62."
    )
    values = [r.value for r in analyze_text(text).moisture_readings]
    assert 40.0 not in values
    assert 62.0 in values
