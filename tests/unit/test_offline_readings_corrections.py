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
