"""A place's line ending with a colon, then a line of its values alone ("Lounge wall by the heater,
search mode, 200 mm up:" / "- 610 / 480 / 300"), and "place: a / b / c" on one line: each value a
reading of that place."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_row_parts import colon_series

pytestmark = pytest.mark.unit

_HEAD = (
    "Mould check, 8 Wattle Ave, Plympton SA. Inspected 12/11/2026.\n"
    "Lounge wall wet behind the heater and mould on the bottom 200 mm.\n"
    "\n"
    "Readings - Protimeter MMS3\n"
)


def _found(text: str) -> set[tuple[float, str]]:
    return {(r.value, r.location) for r in analyze_text(text).moisture_readings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lounge wall by the heater: 610 / 480 / 300", [610.0, 480.0, 300.0]),
        ("Lounge wall by the heater: 610, 480 and 300.", [610.0, 480.0, 300.0]),
        # (a slash with no spaces is a date's, "12/11", not a series)
        ("Lounge wall by the heater: 12/11", []),
        # ("1.1 / -": a decimal is no value then a stop, and a series with a gap is no plain series)
        ("Lounge wall by the heater: 14 / 1.1 / -", []),
        # (no place before the colon: no series)
        ("Visit notes: 610 / 480 / 300", []),
    ],
)
def test_a_place_then_its_series(text: str, expected: list[float]) -> None:
    assert [reading.value for reading in colon_series(text, None)] == expected


@pytest.mark.parametrize(
    "values",
    ["- 610 / 480 / 300", "610, 480, 300", "* 610 / 480 / 300."],
)
def test_values_alone_under_the_places_line_are_its_readings(values: str) -> None:
    found = _found(
        _HEAD + "Lounge wall behind the heater, search mode, at 0.5 m steps, 200 mm up:\n" + values + "\n"
    )
    assert {(610.0, "Lounge"), (480.0, "Lounge"), (300.0, "Lounge")} <= found


def test_values_under_a_line_that_names_no_place_are_not_its() -> None:
    found = _found(_HEAD + "Search mode, as he read them out:\n- 610 / 480 / 300\n")
    assert not {value for value, _ in found} & {610.0, 480.0, 300.0}


def test_values_under_a_blank_line_are_not_the_places() -> None:
    found = _found(_HEAD + "Lounge wall behind the heater, search mode:\n\n- 610 / 480 / 300\n")
    assert (610.0, "Lounge") not in found
