"""A list of one point's readings, each value followed by the day it was taken on as a weekday, a
day of the month or both ("41 on the Tuesday, 30 on Thursday 12th, 22 on the 16th"): each value
takes its own day, placed forward from the job's first visit and the days told before it."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _days(notes: str) -> list[tuple[float, date | None]]:
    findings = analyze_text(notes)
    return [(reading.value, reading.taken_on) for reading in findings.moisture_readings]


_OPENING = (
    "Drying job - 4 Wattle Street, Ballarat VIC 3350\n"
    "We first attended on Tuesday 10 March 2026: the laundry tap hose burst, clean water, Category 1.\n"
    "The laundry floor and walls are wet.\n"
)


def test_a_weekday_after_each_value_dates_that_value() -> None:
    # Given a laundry wall told as values each with its weekday, the readings taken over a week
    notes = _OPENING + "Laundry wall by the tub: 41 on the Tuesday, 30 on Thursday, 22 on the Monday.\n"
    # When the notes are read
    found = _days(notes)
    # Then each value takes the first such weekday on or after the one before it
    assert found == [(41.0, date(2026, 3, 10)), (30.0, date(2026, 3, 12)), (22.0, date(2026, 3, 16))]


def test_a_weekday_with_its_day_of_the_month_and_a_day_alone_date_their_values() -> None:
    # Given a bathroom skirting told with "Thursday 12th" and "the 17th"
    notes = (
        _OPENING.replace("laundry", "bathroom")
        + "Bathroom skirting, corner by the vanity: 33 on the Tuesday, 27 on Thursday 12th, 18 on the 17th.\n"
    )
    # When the notes are read
    found = _days(notes)
    # Then the 12th is that Thursday and the 17th the job's month
    assert found == [(33.0, date(2026, 3, 10)), (27.0, date(2026, 3, 12)), (18.0, date(2026, 3, 17))]


def test_a_weekday_its_written_date_contradicts_dates_nothing_new() -> None:
    # Given a value told "on Thursday 13th" when the 13th of March 2026 is a Friday
    notes = _OPENING + "Laundry wall by the tub: 41 on the Tuesday, 30 on Thursday 13th.\n"
    # When the notes are read
    found = _days(notes)
    # Then the 30 is not put on the 13th nor on the Thursday: the writer's slip leaves it undated
    assert (30.0, date(2026, 3, 13)) not in found
    assert (30.0, date(2026, 3, 12)) not in found


def test_a_weekday_that_is_no_day_after_a_value_leaves_it_at_its_line() -> None:
    # Given a value followed by "on" and words that name no day
    notes = _OPENING + "Laundry wall by the tub: 41 on the left, 30 on the right.\n"
    # When the notes are read
    found = _days(notes)
    # Then the readings keep the line's day
    assert all(day == date(2026, 3, 10) for _, day in found)
