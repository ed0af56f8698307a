"""Field notes that give a point's trend on one line with the visits' weekdays and no dates: "lounge
wall 41 > 29 > 17 (Tue/Thu/Sat)", "laundry skirting 24 Tue, 18 Thu". Each value is read on the
weekday it is set against, the first on or after the line's visit, each next after the one before;
an arrow between two values is a trend's, not a threshold's."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_RECEIVED = date(2026, 12, 31)
_HEAD = """FIELD NOTES - 7 Quandong St, Alice Springs NT 0870. Claim HX-22019.
Tue 2/06/26 first visit.
- washing machine hose split, laundry and lounge wet. Cat 1, Class 2.
- Tramex ME5 plasterboard scale (%), wood scale (%MC) on skirting.
"""


def _found(lines: str) -> list[tuple[float, date | None]]:
    notes = _HEAD + lines
    return [(r.value, r.taken_on) for r in analyze_text(notes, received=_RECEIVED).moisture_readings]


def test_a_trend_with_its_weekdays_in_a_bracket_is_read_one_value_a_day() -> None:
    # Given a trend of three values and the visits' weekdays after it
    found = _found("- lounge wall 41 > 29 > 17 (Tue/Thu/Sat)\n")
    # When the notes are analysed
    # Then each value is read on its weekday from the first visit on
    assert (41.0, date(2026, 6, 2)) in found
    assert (29.0, date(2026, 6, 4)) in found
    assert (17.0, date(2026, 6, 6)) in found


def test_values_told_with_their_weekdays_in_words_are_read_that_day() -> None:
    # Given a run of values and a "read" note naming the weekdays
    found = _found("- laundry wall 36, 22, 14 - read Tuesday, Wednesday and Friday\n")
    # When the notes are analysed
    # Then the values line up with the weekdays
    assert (36.0, date(2026, 6, 2)) in found
    assert (22.0, date(2026, 6, 3)) in found
    assert (14.0, date(2026, 6, 5)) in found


def test_each_value_with_its_own_weekday_after_it_is_that_days() -> None:
    # Given two values each followed by its weekday
    found = _found("- laundry skirting 24 Tue, 18 Thu\n- lounge wall 30 Tue, 19 Fri\n")
    # When the notes are analysed
    # Then each is read on its own weekday
    assert (24.0, date(2026, 6, 2)) in found
    assert (18.0, date(2026, 6, 4)) in found
    assert (30.0, date(2026, 6, 2)) in found
    assert (19.0, date(2026, 6, 5)) in found


def test_a_weekday_with_its_date_or_a_threshold_mark_is_not_read_this_way() -> None:
    # Given a goal written with ">" before a value, and a weekday that has its date after it
    found = _found("- goal: skirting not > 15\n- laundry wall 33 Tue 2/06, 21 later\n")
    # When the notes are analysed
    # Then the threshold is no reading, and the dated value keeps the line's day, the other none of
    # a weekday (no weekday stands alone after it)
    assert not [value for value, _ in found if value == 15.0]
    assert (21.0, date(2026, 6, 4)) not in found


def test_a_count_of_weekdays_that_does_not_fit_the_values_dates_none_of_them() -> None:
    # Given three values and only two weekdays
    found = _found("- lounge wall 41 > 29 > 17 (Tue/Thu)\n")
    # When the notes are analysed
    # Then no value is put on a weekday it may not be
    assert (29.0, date(2026, 6, 4)) not in found
    assert (17.0, date(2026, 6, 4)) not in found
