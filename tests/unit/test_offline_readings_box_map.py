"""Box maps: a floor plan drawn in text, each point marked in the box of the room it was taken in;
the visits' lines give values against the marks."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_box_map import box_points
from chalicelib.analysis.offline.reading_point_registry import point_registry
from chalicelib.analysis.offline.text import Line

pytestmark = pytest.mark.unit

_PLAN = (
    "Plan (not to scale)\n"
    "  +--------------------------+      +---------------------------+\n"
    "  | SCULLERY  3 x 2 m        |      | GARDEN STORE 4 x 3 m      |\n"
    "  |  [P] plaster by the sink |      |  (R) block wall low       |\n"
    "  |  [Q] skirting at door    |      |       (S) slab at roller   |\n"
    "  +------+-------------------+      +---------------------------+\n"
    "  | HALL | [T] carpet edge   |\n"
    "  |      |                   |\n"
    "  +------+-------------------+\n"
    "  | DEN (dry) - W1 wall, reference         |\n"
    "  +----------------------------------------+\n"
)


def test_each_mark_is_in_the_room_its_box_names() -> None:
    points, lines = box_points(_PLAN)
    assert {code: point.room for code, point in points.items()} == {
        "P": "SCULLERY",
        "Q": "SCULLERY",
        "R": "GARDEN STORE",  # (a name the vocabulary does not know; the size is no part of it)
        "S": "GARDEN STORE",
        "T": "HALL",  # (the name to its left on its own line: the box above was closed by a rule)
        "W1": "DEN",
    }
    assert points["P"].material is not None and points["P"].material.key == "plaster"
    assert points["W1"].reference
    assert lines == frozenset(range(2, 12))  # (sizes and heights in the drawing are no readings)


def test_a_letter_code_after_the_room_is_a_reference_by_its_code() -> None:
    drawing = "+-----------+\n| DEN R1 R2 |\n| GARAGE    |\n+-----------+\n"
    registry = point_registry([Line(1, "x", "x")], drawing)
    assert {code: (p.room, p.reference) for code, p in registry.points.items()} == {
        "R1": ("DEN", True),
        "R2": ("DEN", True),
    }


@pytest.mark.parametrize(
    "drawing",
    [
        # A Markdown table is no drawing: no corner-to-corner rule
        "| Pt | Where |\n|---|---|\n| [A] | KITCHEN wall |\n| [B] | KITCHEN floor |\n",
        # A drawing with marks and no room anywhere places nothing
        "+------------------+\n|  (1)   (2)       |\n|  ~~wet~~   (3)   |\n+------------------+\n",
        # A fixture's capitals are no trade codes' marks: "[DW]" and "[WH]" mark no point
        "+------------------+\n| LAUNDRY [WH] [DW] |\n+------------------+\n",
    ],
)
def test_no_points_where_nothing_is_drawn_in_a_named_box(drawing: str) -> None:
    assert box_points(drawing)[0] == {}


_NOTES = (
    "Job: cistern overflow, 9 Hill Rd, Hobart TAS 7000, Australia. Loss 02/03/2026, first visit 02/03/2026.\n"
    "Meter: Protimeter Mini, WME on plasterboard and skirting.\n"
    "Scullery and hall affected: plasterboard and skirting wet.\n"
    "\n"
    "  +--------------------------+\n"
    "  | SCULLERY  3 x 2 m        |\n"
    "  |  [P] plasterboard by sink|\n"
    "  |  [Q] skirting at door    |\n"
    "  +------+-------------------+\n"
    "  | HALL | [T] skirting edge |\n"
    "  +------+-------------------+\n"
    "\n"
    "Readings (WME)\n"
    "02/03 pm   P 34  Q 29  T 25\n"
    "04/03      P 22  Q 18  T --\n"
)


def test_the_visits_lines_are_read_against_the_drawn_marks() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_NOTES).moisture_readings}
    assert (34.0, "Scullery", date(2026, 3, 2)) in found
    assert (25.0, "Hall", date(2026, 3, 2)) in found
    assert (18.0, "Scullery", date(2026, 3, 4)) in found
    assert not any(value in (3.0, 2.0) for value, _, _ in found)  # (the box's size is no reading)
