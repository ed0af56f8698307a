"""A labelled one-line legend of points numbered 1, 2, 3 ... parted by semicolons, then a table with a
row per day and a column per point number ("| Date | 1 | 2 | 3 |"). A point whose words name no place
the vocabulary knows ("3 atrium pillar cladding") defines nothing, but does not undo the legend;
a cell saying the point was lifted, removed or not read holds its column's place."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_registry import point_registry
from chalicelib.analysis.offline.text import Line

pytestmark = pytest.mark.unit

Found = set[tuple[float, str, str, date | None, bool]]


def _lines(text: str) -> list[Line]:
    return [Line(number, line, line) for number, line in enumerate(text.splitlines(), start=1)]


def _readings(text: str) -> Found:
    readings = analyze_text(text).moisture_readings
    return {(r.value, r.location, r.unit, r.taken_on, r.is_reference) for r in readings}


_OFFICE_POINTS = (
    "Points: 1 meeting room east wall; 2 meeting room window wall; 3 atrium pillar cladding; "
    "4 print room door wall; 5 staff kitchen wall (dry std)"
)
_OFFICE = f"""Job 5521 - 12 Harbour Rd, Nelson. Attended 12 March 2026.
- Meeting room: carpet and walls wet from the roof leak.
- Print room: wall wet at the door.
Staff kitchen was dry (dry standard).
Readings - Protimeter (plasterboard %)
{_OFFICE_POINTS}
| Date | 1 | 2 | 3 | 4 | 5 |
|---|---|---|---|---|---|
| Mar 12 | 41 | 37 | 30 | 28 | 10 |
| Mar 13 | 30 | lifted | 22 | 19 | - |
| Mar 15 | 14 | - | 13 | n/r | 10 |
"""

_CLINIC_POINTS = (
    "Test points: 1 surgery 1 cabinet kick (%MC); 2 atrium pillar wrap; 3 waiting room wall by desk; "
    "4 office wall (dry standard)"
)
_CLINIC = f"""Dental clinic, 88 King St, Ballarat. Attended 4 June 2026.
- Surgery 1: vinyl and walls wet from the steriliser line.
- Waiting room: carpet wet along the front desk.
Readings - Tramex ME5 (%)
{_CLINIC_POINTS}
| Day | 1 | 2 | 3 | 4 |
|---|---|---|---|---|
| Jun 4 | 33 | 27 | 48 | 11 |
| Jun 5 | removed | 20 | 35 | 11 |
| Jun 7 | - | 14 | 19 | |
"""


def test_a_numbered_legend_defines_its_points_past_one_that_names_no_place() -> None:
    # Given a labelled legend whose third point names a place the vocabulary does not know
    registry = point_registry(_lines(_OFFICE))
    # Then the other points are defined, in their rooms, the dry standard as one
    rooms = {code: (point.room.lower(), point.reference) for code, point in registry.points.items()}
    assert rooms == {
        "1": ("meeting room", False),
        "2": ("meeting room", False),
        "4": ("print room", False),
        "5": ("kitchen", True),
    }


def test_day_rows_under_numbered_points_are_each_points_reading() -> None:
    # Given the office's legend and its table of a row per day, a column per point number
    found = _readings(_OFFICE)
    # Then each value is its column's point on its row's day; a "lifted" cell holds its place
    assert {
        (41.0, "Meeting room", "%", date(2026, 3, 12), False),
        (37.0, "Meeting room", "%", date(2026, 3, 12), False),
        (28.0, "Print room", "%", date(2026, 3, 12), False),
        (10.0, "Kitchen", "%", date(2026, 3, 12), True),
        (30.0, "Meeting room", "%", date(2026, 3, 13), False),
        (19.0, "Print room", "%", date(2026, 3, 13), False),
        (14.0, "Meeting room", "%", date(2026, 3, 15), False),
        (10.0, "Kitchen", "%", date(2026, 3, 15), True),
    } <= found
    # (the undefined point's column is no one's reading)
    assert not {value for value, *_ in found} & {22.0, 13.0}


def test_a_second_layout_of_numbered_points_with_a_scale_of_its_own() -> None:
    # Given a "Test points:" legend, one point with its own scale, a column headed "Day"
    found = _readings(_CLINIC)
    # Then the surgery's kick is read on its own scale and the waiting room's wall on the default
    assert {
        (33.0, "Surgery 1", "%MC", date(2026, 6, 4), False),
        (48.0, "Waiting room", "%", date(2026, 6, 4), False),
        (35.0, "Waiting room", "%", date(2026, 6, 5), False),
        (19.0, "Waiting room", "%", date(2026, 6, 7), False),
        (11.0, "Office", "%", date(2026, 6, 4), True),
    } <= found
    # (the atrium pillar names no room the notes know: its column is left out)
    assert not {value for value, *_ in found} & {27.0, 20.0}


def test_a_labelled_line_whose_unplaced_part_holds_a_number_is_no_legend() -> None:
    # Given a labelled line whose part naming no known place holds a value after its number
    registry = point_registry(_lines("Points: 1 lounge east wall; 2 atrium pillar 30; 3 hall floor"))
    # Then the line is no legend: the value may be a reading, so no point is defined from it
    assert registry.points == {}


def test_a_point_after_a_part_that_defined_nothing_borrows_no_room() -> None:
    # Given a legend whose third part names no place, and a fourth that names no room of its own
    registry = point_registry(
        _lines("Pts: 1 den east wall; 2 den carpet; 3 atrium pillar wrap; 4 MDF plinth (%MC); 5 hall wall")
    )
    # Then the fourth is left out: the room before the gap may not be its room
    assert {code: point.room for code, point in registry.points.items()} == {
        "1": "den",
        "2": "den",
        "5": "hall",
    }


def test_a_point_right_after_a_defined_one_still_borrows_its_room() -> None:
    # Given the same legend with no gap before the roomless point
    registry = point_registry(_lines("Pts: 1 den east wall; 2 MDF plinth (%MC); 3 hall wall"))
    # Then it is in the room of the point before it, as a legend goes room by room
    assert {code: point.room for code, point in registry.points.items()} == {
        "1": "den",
        "2": "den",
        "3": "hall",
    }
