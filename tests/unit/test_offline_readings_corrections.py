"""A reading the writer takes back on the same line ("91 - sorry, 19", "64, I mean 46", "the 81 is a
typo, read 18 not 81"): the struck value is no reading, the right one takes its place."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

_HEAD = "Notes. Pipe burst 02/03/2026, attended 03/03/2026.\nMeter: Protimeter, WME.\n"


def _found(line: str) -> set[tuple[float, str | None, date | None]]:
    return {(r.value, r.location, r.taken_on) for r in analyze_text(_HEAD + line + "\n").moisture_readings}


@pytest.mark.parametrize(
    ("line", "struck", "right"),
    [
        ("05/03 - laundry floor 22; study floor 64, I mean 46; study wall 15.", 64.0, 46.0),
        ("05/03 - laundry floor 22; study floor 72 (typo: 27); study wall 15.", 72.0, 27.0),
        ("05/03 - laundry floor 22; study floor 35 - oops, 53; study wall 15.", 35.0, 53.0),
    ],
)
def test_a_value_taken_back_gives_way_to_the_right_one(line: str, struck: float, right: float) -> None:
    values = {value for value, _, _ in _found(line)}
    assert struck not in values
    assert right in values
    assert {22.0, 15.0} <= values


def test_a_note_after_the_row_corrects_the_value_it_names() -> None:
    line = (
        "  S2 study wall: 40 (Mar 3), 92 (Mar 4), 17 (Mar 6)   <- the Mar 4 one was a typo, it is 29 not 92"
    )
    found = _found(line)
    values = {value for value, _, _ in found}
    assert 92.0 not in values
    assert (29.0, "Study", date(2026, 3, 4)) in found


def test_a_comparison_with_not_is_no_correction() -> None:
    # the near miss: "30 not 20" with no slip of the pen is what the writer compares, left as read
    found = _found("05/03 - study wall 30, not 20 as the plumber said; laundry floor 22.")
    values = {value for value, _, _ in found}
    assert 30.0 in values


@pytest.mark.parametrize(
    ("line", "struck", "right"),
    [
        # (a slip named after the value with a few words of why before the right one)
        (
            "05/03 - study floor 71%... oops, checked my notebook again and it is 17%. laundry floor 22.",
            71.0,
            17.0,
        ),
        (
            "05/03 - study floor 58 - sorry, the screen was upside down, it was 85 REL. laundry floor 22.",
            58.0,
            85.0,
        ),
    ],
)
def test_a_slip_taken_back_after_a_few_words_gives_way_to_the_right_one(
    line: str, struck: float, right: float
) -> None:
    values = {value for value, _, _ in _found(line)}
    assert struck not in values
    assert right in values
    assert 22.0 in values


@pytest.mark.parametrize(
    "note",
    [
        "S2 on 05/03 was first logged as 64 - keyed into the wrong row. Re-read that day: 46.",
        "The S2 figure for 05/03 was originally entered 64 in error; the re-read gave 46.",
        "S2 on 05/03 was first written 64 and crossed out, the meter re-read it at 46.",
    ],
)
def test_a_note_that_a_logged_value_was_struck_adds_no_reading(note: str) -> None:
    found = _found("S1 study floor, S2 study wall\n05/03: S1 30 S2 46\n" + note)
    values = sorted(value for value, _, _ in found)
    assert 64.0 not in values
    assert values.count(46.0) == 1  # (the right value is the log's own, not a second one)


def test_a_first_reading_with_no_slip_stays_a_reading() -> None:
    # the near miss: a value "first logged" with no slip of the pen is the day's reading
    found = _found("05/03 - study wall first logged 38; laundry floor 22.")
    assert {38.0, 22.0} <= {value for value, _, _ in found}


@pytest.mark.parametrize(
    "note",
    [
        "S2 on 05/03 was first recorded as 9.5 - that was the garage standard copied across. Re-read: 41.",
        "The study wall was originally keyed in as 14 on the sheet; the meter said 41.",
        "S2 wrongly entered as 9.5 in the app, it read 41.",
    ],
)
def test_a_value_the_sheet_first_held_is_no_reading(note: str) -> None:
    values = {value for value, _, _ in _found("05/03 - study wall 41; laundry floor 22.\n" + note)}
    assert 9.5 not in values and 14.0 not in values
    assert {41.0, 22.0} <= values


def test_a_value_recorded_as_with_no_slip_is_still_a_reading() -> None:
    # the near miss: "recorded as" with nothing saying it was wrong tells the reading itself
    values = {value for value, _, _ in _found("05/03 - the study wall was recorded as 38.")}
    assert 38.0 in values
