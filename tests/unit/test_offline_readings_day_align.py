"""Values lined up with a list of days the same line writes: "44 / 30 / 17 (11/18, 11/20, 11/23)":
each value is its day's, in order; when the counts do not fit, no value takes a day."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

_HEAD = (
    "Job 5512, 18 Birch Ln, Naperville IL. Inspected 11/18/2026. Laundry and hall wet, Category 1.\n"
    "Meter: Tramex ME5, drywall scale.\n"
)


def _days(text: str) -> dict[float, date | None]:
    return {reading.value: reading.taken_on for reading in analyze_text(_HEAD + text).moisture_readings}


def test_a_run_of_values_takes_the_days_listed_after_it_in_order() -> None:
    days = _days("Laundry wall 44 / 30 / 17 (11/18, 11/20, 11/23).\n")
    assert days == {44.0: date(2026, 11, 18), 30.0: date(2026, 11, 20), 17.0: date(2026, 11, 23)}


def test_commas_and_a_read_lead_line_up_the_same_way() -> None:
    days = _days("Hall skirting drywall 28, 19, 12 - read 11/18, 11/20 and 11/23.\n")
    assert days == {28.0: date(2026, 11, 18), 19.0: date(2026, 11, 20), 12.0: date(2026, 11, 23)}


def test_a_run_whose_count_does_not_fit_its_days_takes_no_day() -> None:
    # Two values against three days: which day was skipped is not said, so neither is dated
    days = _days("Hall wall 33 / 21 (11/18, 11/20, 11/23).\n")
    assert set(days) == {33.0, 21.0}
    assert days[33.0] is None
    assert days[21.0] is None


_LEAD = (
    "Claim 77-410, 3 Heron Ct, Hobart TAS. Dryer vent leak. Attended 09/03/2026.\n"
    "\n"
    "12/03/2026 10:15  Readings from the drying firm (pin meter, %MC), day 1 then today:\n"
    "  W1 laundry skirting ........ 31 -> 17\n"
    "  W2 laundry door jamb ....... 27 -> 14\n"
    "Both trending down.\n"
)


def test_a_lead_in_naming_days_dates_each_rows_values_in_order() -> None:
    days = _days_of(_LEAD)
    assert days[31.0] == date(2026, 3, 9)  # day 1: the first visit
    assert days[17.0] == date(2026, 3, 12)  # today: the entry's own day
    assert days[27.0] == date(2026, 3, 9)
    assert days[14.0] == date(2026, 3, 12)


def test_a_row_with_more_values_than_the_lead_in_has_days_takes_none() -> None:
    text = _LEAD.replace("31 -> 17", "31 -> 24 -> 17")
    days = _days_of(text)
    assert days[31.0] is None
    assert days[24.0] is None
    assert days[27.0] == date(2026, 3, 9)  # (the next row fits, and is dated)


def _days_of(text: str) -> dict[float, date | None]:
    return {reading.value: reading.taken_on for reading in analyze_text(text).moisture_readings}


def test_a_header_of_days_led_by_any_level_heads_the_rows_under_it() -> None:
    # Given a column table whose header names its storey ("Second floor"), then days
    text = (
        "Inspected 11/18/2026, 40 Elm Ave, Evanston IL. Tub overflow, Category 1.\n"
        "Meter: Tramex ME5 on drywall (%); pins on wood (%MC).\n"
        "\n"
        "Second floor       11/18   11/19   11/21\n"
        " hall wall drywall %    41      30      16\n"
    )
    days = _days_of(text)
    assert days == {41.0: date(2026, 11, 18), 30.0: date(2026, 11, 19), 16.0: date(2026, 11, 21)}


# --- a row that dates its own values dates the rows under it -----------------------------------

_DATED_ROW_HEAD = (
    "Claim 55-210, 8 Ferry Rd, Dunedin. Inspected 3 March 2026. Laundry and hall wet.\n"
    "Readings (Protimeter, pins, WME):\n"
)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the first row writes each value's day; the rows under it give theirs in the same order
        (
            "  laundry floor by tub 36 on 3/3, 25 on 5/3\n  laundry floor centre 30, then 19\n",
            {36.0: date(2026, 3, 3), 25.0: date(2026, 3, 5), 30.0: date(2026, 3, 3), 19.0: date(2026, 3, 5)},
        ),
        # a row under it with another count keeps the line's day: which day it skipped is not said
        (
            "  laundry floor by tub 36 on 3/3, 25 on 5/3\n  laundry floor centre 30, 24, 19\n",
            {
                36.0: date(2026, 3, 3),
                25.0: date(2026, 3, 5),
                30.0: date(2026, 3, 3),
                24.0: date(2026, 3, 3),
                19.0: date(2026, 3, 3),
            },
        ),
        # a row after a gap is not under it
        (
            "  laundry floor by tub 36 on 3/3, 25 on 5/3\n\n  laundry floor centre 30, then 19\n",
            {36.0: date(2026, 3, 3), 25.0: date(2026, 3, 5), 30.0: date(2026, 3, 3), 19.0: date(2026, 3, 3)},
        ),
    ],
)
def test_a_row_that_dates_its_values_dates_the_rows_under_it(rows: str, expected: dict[float, date]) -> None:
    readings = analyze_text(_DATED_ROW_HEAD + rows).moisture_readings
    assert {reading.value: reading.taken_on for reading in readings} == expected


# --- a header row of words ending with its days ------------------------------------------------

_HEADER_HEAD = (
    "Claim 88-301, 4 Bell St, Marietta GA 30060. Inspected 3/9/2026. Kitchen wet.\n"
    "Meter: Delmhorst pins (%MC).\n"
)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # the header's days date each row's values in order; a row of one value stays in the table
        (
            "POINT / WHAT              3/9      3/10     3/12\n"
            "(1) sink base kickboard   12       --       --\n"
            "(2) vanity side panel, particleboard   23   ->  17   ->  13   (%MC)\n",
            {(23.0, date(2026, 3, 9)), (17.0, date(2026, 3, 10)), (13.0, date(2026, 3, 12))},
        ),
        # a line of days with no header word before them heads nothing here
        (
            "Visits      3/9      3/10     3/12\n"
            "(2) vanity side panel, particleboard   23   ->  17   ->  13   (%MC)\n",
            {(23.0, date(2026, 3, 9)), (17.0, date(2026, 3, 9)), (13.0, date(2026, 3, 9))},
        ),
    ],
)
def test_a_header_row_ending_with_days_dates_the_rows_under_it(
    table: str, expected: set[tuple[float, date]]
) -> None:
    found = {(r.value, r.taken_on) for r in analyze_text(_HEADER_HEAD + table).moisture_readings}
    assert expected <= found


_VISITS = (
    "Job 6120, 4 Elm St, Peoria IL. Inspected 11/18/2026. Laundry wet, Category 1.\n"
    "Meter: Tramex ME5, drywall scale.\n"
    "11/18: laundry wall 44\n"
    "11/20: laundry wall 31\n"
    "11/23: laundry wall 18\n"
)


def _visit_readings(line: str) -> set[tuple[float, date | None]]:
    readings = analyze_text(_VISITS + line + "\n").moisture_readings
    return {(r.value, r.taken_on) for r in readings if r.value < 17}


def test_a_run_read_each_visit_takes_the_visits_days_in_order() -> None:
    assert _visit_readings("Dry standard each visit: den wall 12 / 13 / 11") == {
        (12.0, date(2026, 11, 18)),
        (13.0, date(2026, 11, 20)),
        (11.0, date(2026, 11, 23)),
    }


def test_a_run_of_another_length_or_not_said_each_visit_keeps_its_day() -> None:
    # (two values for three visits: which was skipped is not said)
    assert {day for _, day in _visit_readings("Dry standard each visit: den wall 12 / 11")} == {
        date(2026, 11, 23)
    }
    # (three values with no word of visits: perhaps three spots on one day)
    assert {day for _, day in _visit_readings("Dry standard: den wall 12 / 13 / 11")} == {date(2026, 11, 23)}


def test_a_weekday_before_its_date_heads_rows_as_one_day() -> None:
    # ("Friday 11/20 (same points):" names one day, not two: the row under it is that day's)
    days = _days("Readings:\nFriday 11/20/2026 (same points):\nlaundry wall 31 / 27 / 22\n")
    assert days == {31.0: date(2026, 11, 20), 27.0: date(2026, 11, 20), 22.0: date(2026, 11, 20)}


def test_a_list_led_by_std_alone_is_of_dry_standards() -> None:
    readings = analyze_text(_VISITS + "Std each visit: den wall 12 / 13 / 11\n").moisture_readings
    standards = {(r.value, r.taken_on) for r in readings if r.is_reference}
    assert standards == {
        (12.0, date(2026, 11, 18)),
        (13.0, date(2026, 11, 20)),
        (11.0, date(2026, 11, 23)),
    }
    # (a word that only starts with the letters is no such lead: "Stdio" is not "std")
    assert not any(
        r.is_reference for r in analyze_text(_VISITS + "Stdio wall: 12 / 13 / 11\n").moisture_readings
    )


def test_a_value_said_to_be_the_same_every_visit_is_read_at_each() -> None:
    readings = analyze_text(_VISITS + "Dry standards: den wall 12, 12, 11; den skirting 10 every visit\n")
    skirting = {r.taken_on for r in readings.moisture_readings if r.value == 10.0}
    assert skirting == {date(2026, 11, 18), date(2026, 11, 20), date(2026, 11, 23)}
    # (a value with no word of visits is read once, on its line's day)
    once = analyze_text(_VISITS + "Dry standards: den wall 12, 12, 11; den skirting 10 at the door\n")
    assert [r.taken_on for r in once.moisture_readings if r.value == 10.0] == [date(2026, 11, 23)]


# --- a lead-in that tells the visits in words, then rows of "first, then last" ---------------

_VISITS_HEAD = (
    "Job 5512, 18 Birch Ln, Naperville IL. The laundry sink overflowed on Monday 11/16/2026.\n"
    "Laundry and hall wet, Category 1. Meter: Tramex ME5, drywall scale.\n"
)


@pytest.mark.parametrize(
    "lead",
    [
        "She came out on Tuesday 17th and again on Thursday 19th. These are what she read each time:",
        "The tech visited Tuesday the 17th, then later on Thursday the 19th; she called out:",
        "Readings on 11/17 and then on 11/19:",
    ],
)
def test_visits_told_in_a_lead_in_date_each_rows_values_in_order(lead: str) -> None:
    found = analyze_text(
        f"{_VISITS_HEAD}{lead}\n"
        "- laundry wall by the sink: 52, then 19\n"
        "- laundry cabinet kick: 30% -> 14%\n"
        "- hall wall (her dry one to compare): 11 both days\n"
    ).moisture_readings
    read = {(r.value, r.taken_on) for r in found}
    assert {(52.0, date(2026, 11, 17)), (19.0, date(2026, 11, 19))} <= read
    assert {(30.0, date(2026, 11, 17)), (14.0, date(2026, 11, 19))} <= read


def test_a_value_said_to_hold_both_days_is_read_on_each() -> None:
    found = analyze_text(
        f"{_VISITS_HEAD}Readings on 11/17 and 11/19:\n"
        "- laundry wall: 52, 19\n"
        "- laundry skirting: 13 both days\n"
    ).moisture_readings
    assert {(r.value, r.taken_on) for r in found if r.value == 13.0} == {
        (13.0, date(2026, 11, 17)),
        (13.0, date(2026, 11, 19)),
    }


def test_a_lead_in_with_one_visit_dates_no_row_by_order() -> None:
    # (one day named: the two values of a row are no days' pair)
    found = analyze_text(
        f"{_VISITS_HEAD}She came out on Tuesday 17th and read these:\n"
        "- laundry wall by the sink: 52, then 19\n"
    ).moisture_readings
    assert (19.0, date(2026, 11, 19)) not in {(r.value, r.taken_on) for r in found}
