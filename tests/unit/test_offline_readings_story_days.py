"""Readings told in a story by days: a weekday or a relative day opening a sentence ("Friday:",
"The next morning (Wednesday)", "By Monday 16/11") dates the readings after it, until the next."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _days(text: str) -> dict[float, date | None]:
    return {reading.value: reading.taken_on for reading in analyze_text(text).moisture_readings}


_STORY = (
    "Job 4471, 9 Banksia Way, Morley WA 6062. Burst flexi under the laundry trough, Category 1.\n"
    "\n"
    "We attended Tuesday 10/11/2026. The laundry wall and the hallway wall took the water. I used a\n"
    "Tramex ME5 on the plasterboard scale throughout. On Tuesday the laundry wall read 44 and the hallway\n"
    "wall read 36.\n"
    "\n"
    "The next morning (Wednesday) the laundry wall was down to 31 and the hallway wall 27. Friday:\n"
    "laundry wall 18, hallway wall 16. By Monday 16/11 the laundry wall read 12.\n"
)


def test_a_weekday_opening_a_sentence_dates_the_readings_after_it() -> None:
    days = _days(_STORY)
    assert days[44.0] == date(2026, 11, 10)
    assert days[36.0] == date(2026, 11, 10)
    # "The next morning" is the day after the story's Tuesday, as its "(Wednesday)" agrees
    assert days[31.0] == date(2026, 11, 11)
    assert days[27.0] == date(2026, 11, 11)
    # "Friday:" is the Friday after it, not the first visit's day
    assert days[18.0] == date(2026, 11, 13)
    assert days[16.0] == date(2026, 11, 13)
    assert days[12.0] == date(2026, 11, 16)


def test_a_weekday_that_is_the_visits_own_is_that_visit() -> None:
    # Given an e-mail sent days later, that lists the visits then tells the readings by weekday
    text = (
        "Sent: Thursday, 23 April 2026 9:10 AM\n"
        "Subject: Unit 4 drying update\n"
        "\n"
        "- Friday 17 April: the restorer (Kim) attended Unit 4 and found the ensuite wall wet.\n"
        "- Monday 20 April and Wednesday 22 April: Kim came back to check.\n"
        "\n"
        "Kim's numbers (Protimeter, search mode):\n"
        "- Friday: ensuite wall 38, ensuite ceiling 30.\n"
        "- Monday: ensuite wall down to 21, ensuite ceiling 17.\n"
        "- Wednesday: ensuite wall 13, ensuite ceiling 12.\n"
    )
    days = _days(text)
    assert days[38.0] == date(2026, 4, 17)
    assert days[21.0] == date(2026, 4, 20)
    assert days[13.0] == date(2026, 4, 22)


def test_a_marker_whose_weekday_and_date_disagree_dates_nothing() -> None:
    # Given "Monday 19/11" where the 19th is a Thursday: no day is sure, so the story's day is not moved
    text = (
        "Attended Tuesday 17/11/2026, 4 Pier St. Bathroom wall wet; Tramex ME5, plasterboard scale.\n"
        "On Tuesday the bathroom wall read 40.\n"
        "Monday 19/11: bathroom wall 22.\n"
    )
    days = _days(text)
    assert days[40.0] == date(2026, 11, 17)
    assert days.get(22.0) != date(2026, 11, 23)
    assert days.get(22.0) != date(2026, 11, 19)


_LETTER = (
    "Sent: Saturday 14 March 2026 20:10\n"
    "Subject: our claim 55-2210, 4 Rowan Close, Dunedin 9010, New Zealand\n"
    "\n"
    "The bath upstairs overflowed on Sunday 8 March and came through the hall ceiling. Sam from the\n"
    "drying firm has been three times; he started on Monday 9 March.\n"
    "The readings he gave me (his Protimeter in search mode, not a percentage):\n"
    "Monday - hall ceiling 720, landing wall 480.\n"
    "The next morning: hall ceiling 610.\n"
)


def test_a_weekday_the_text_wrote_with_its_date_before_is_that_day() -> None:
    # (a letter written on the 14th tells of "Monday": the Monday it named with its date, the 9th,
    # not the Monday after the letter)
    days = _days(_LETTER)
    assert days[720.0] == date(2026, 3, 9)
    assert days[480.0] == date(2026, 3, 9)
    assert days[610.0] == date(2026, 3, 10)


_LOG_WEEK = (
    "Job 5520, 3 Kauri St, Whangarei 0110, New Zealand. Cylinder leak, Category 1.\n"
    "Hall plasterboard wet to 300 mm. Meter: Protimeter, plasterboard scale.\n"
    "Readings:\n"
    "Monday 9/3/2026: hall wall 60.\n"
    "Wednesday: hall wall 44.\n"
    "Friday: hall wall 31.\n"
    "Monday: hall wall 20.\n"
)


def test_a_weekday_the_story_has_passed_is_the_next_one() -> None:
    # (the story reached Friday the 13th: its "Monday" is the 16th, not the Monday written before)
    days = _days(_LOG_WEEK)
    assert days[44.0] == date(2026, 3, 11)
    assert days[31.0] == date(2026, 3, 13)
    assert days[20.0] == date(2026, 3, 16)


_ONE_PARAGRAPH = (
    "Job 5520, 3 Kauri Rise, Nelson 7010. The cylinder let go on Sunday 8 March 2026.\n"
    "We attended the next day, Monday 9/03, and found the hall carpet and the laundry wall wet.\n"
    "Readings on a Tramex ME5, plasterboard scale. On the Monday the laundry wall read 41 and the hall"
    " wall 29. On Wednesday 11/03 the laundry wall was 23. By Monday 16/03 the laundry wall read 12.\n"
)


def test_a_weekday_told_before_the_date_the_line_ends_on_is_the_day_the_text_named() -> None:
    days = _days(_ONE_PARAGRAPH)
    # ("On the Monday" is the Monday the notes named, not the Monday 16/03 the paragraph ends on)
    assert days[41.0] == date(2026, 3, 9)
    assert days[29.0] == date(2026, 3, 9)
    assert days[23.0] == date(2026, 3, 11)
    assert days[12.0] == date(2026, 3, 16)
