"""Values keyed by numbered points parted by bars or semicolons ("1 5.8 | 2 28 | 3 5.2"), and dry
standards lettered by their surface ("STD-C", "REF-W"), in legends, runs and table cells."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_registry import point_registry
from chalicelib.analysis.offline.reading_point_values import keyed_values
from chalicelib.analysis.offline.text import Line

pytestmark = pytest.mark.unit

Found = set[tuple[float, str, date | None, bool]]


def _lines(text: str) -> list[Line]:
    return [Line(number, line, line) for number, line in enumerate(text.splitlines(), start=1)]


def _readings(text: str) -> Found:
    return {(r.value, r.location, r.taken_on, r.is_reference) for r in analyze_text(text).moisture_readings}


# --- numbered points and their values, pair by pair ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1 5.8 | 2 28 | 3 5.2", [("1", 5.8), ("2", 28.0), ("3", 5.2)]),
        ("1 31; 2 27; 3 19", [("1", 31.0), ("2", 27.0), ("3", 19.0)]),
        ("3 22 | 1 40 | 2 18 (not re-read after)", [("3", 22.0), ("1", 40.0), ("2", 18.0)]),
        ("12/03  1 640 | 2 455 | 3 90", [("1", 640.0), ("2", 455.0), ("3", 90.0)]),
    ],
)
def test_numbered_points_parted_by_bars_or_semicolons(line: str, expected: list[tuple[str, float]]) -> None:
    run = keyed_values(line, {"1", "2", "3"})
    assert run is not None
    assert [(value.code, value.value) for value in run.values] == expected


@pytest.mark.parametrize(
    "line",
    [
        "2 34 3 35",  # no bars: counts and numbers
        "Set 2 fans, 3 dehus | pulled 1 on day 4",  # prose with a bar
        "2 rooms | 3 fans",  # a count before a word
    ],
)
def test_numbers_without_their_bars_are_no_points(line: str) -> None:
    assert keyed_values(line, {"1", "2", "3"}) is None


# --- standards lettered by their surface ----------------------------------------------------------


def test_a_standard_lettered_by_its_surface_is_a_point_and_a_reference() -> None:
    registry = point_registry(
        _lines(
            "1 laundry tiles at the floor waste - CME\n"
            "2 laundry wall behind the tub - WME\n"
            "REF-W study wall (unaffected) - WME\n"
            "STD-F study floor (unaffected) - CME\n"
        )
    )
    points = registry.points
    assert sorted(points) == ["1", "2", "REF-W", "STD-F"]
    assert points["REF-W"].reference and points["STD-F"].reference
    assert not points["1"].reference
    assert points["STD-F"].room.lower() == "study"


def test_a_log_of_barred_numbered_points_under_its_day_lines() -> None:
    text = (
        "Sink overflow in the scullery on 13/03/2026; scullery and pantry wet. Attended 14/03/2026.\n"
        "Meter: Protimeter pins (WME).\n"
        "Legend\n"
        "1 Scullery skirting by the sink - WME\n"
        "2 Pantry skirting at the door - WME\n"
        "STD-S Sitting room skirting (unaffected) - WME\n"
        "STD-F Sitting room boards (unaffected) - WME\n"
        "\n"
        "14/03 (first visit)\n"
        "1 34 | 2 29\n"
        "STD-S 12 | STD-F 11\n"
        "\n"
        "17/03\n"
        "1 21; 2 17\n"
    )
    found = _readings(text)
    assert (34.0, "Scullery", date(2026, 3, 14), False) in found
    assert (29.0, "Pantry", date(2026, 3, 14), False) in found
    assert (21.0, "Scullery", date(2026, 3, 17), False) in found
    assert (17.0, "Pantry", date(2026, 3, 17), False) in found
    assert (12.0, "Sitting room", date(2026, 3, 14), True) in found
    assert (11.0, "Sitting room", date(2026, 3, 14), True) in found


def test_a_table_row_coded_as_a_lettered_standard_is_a_reference_in_its_own_place() -> None:
    text = (
        "Dishwasher leak in the kitchen, attended 03/04/2026.\n"
        "| Pt | Location | 03/04 | 05/04 |\n"
        "|---|---|---|---|\n"
        "| K1 | Kitchen vinyl at the dishwasher | 41 | 22 |\n"
        "| REF-V | Laundry vinyl (dry) | 12 | 12 |\n"
    )
    readings = analyze_text(text).moisture_readings
    reference = [r for r in readings if r.point == "REF-V"]
    assert reference and all(r.is_reference and r.location == "Laundry" for r in reference)
    assert all(not r.is_reference for r in readings if r.point == "K1")
