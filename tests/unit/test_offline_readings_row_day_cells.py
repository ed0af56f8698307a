"""A PDF table row read flat, one cell a day, where a day the point was not read keeps its place
with a mark or words ("-", "n/r", "not read", "removed"): the values after it are the later days',
the values before it the earlier days'; a row of another count of cells keeps the row reader's way."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_row_cells import day_cells

pytestmark = pytest.mark.unit

_NOTES = """Insured: P Okafor. 18 Tamar St, Launceston TAS 7250.
Attended {first}. A dishwasher hose split under the bench. Category 1.
Scullery: vinyl and particleboard wet. Pantry: skirting wet.

Readings (Tramex, wood scale %MC unless marked)
Point Location Material {head}
{rows}
"""


@pytest.mark.parametrize(
    ("first", "head", "rows", "expected"),
    [
        (  # the first day not read (the point was opened up later), scales after each value
            "3 March 2026",
            "03/03 04/03 06/03",
            "P4 Scullery bench carcass (once opened) n/r 26 %MC 18 %MC\n"
            "P5 Pantry skirting 22 %MC 16 %MC 12 %MC",
            {(26.0, date(2026, 3, 4)), (18.0, date(2026, 3, 6)), (22.0, date(2026, 3, 3))},
        ),
        (  # a middle day skipped with an en dash, month-name days, a relative scale
            "9 March 2026",
            "9 Mar 10 Mar 12 Mar 14 Mar",
            "K2 Scullery particleboard 240 REL 180 REL \u2013 110 REL\nK3 Pantry skirting 19 15 13 12",
            {(240.0, date(2026, 3, 9)), (180.0, date(2026, 3, 10)), (110.0, date(2026, 3, 14))},
        ),
        (  # the last day not read, said in words
            "3 March 2026",
            "03/03 04/03 06/03",
            "P5 Pantry skirting 22 %MC 16 %MC not read",
            {(22.0, date(2026, 3, 3)), (16.0, date(2026, 3, 4))},
        ),
    ],
)
def test_a_day_not_read_holds_its_place_in_the_row(
    first: str, head: str, rows: str, expected: set[tuple[float, date]]
) -> None:
    found = analyze_text(_NOTES.format(first=first, head=head, rows=rows)).moisture_readings
    dated = {(r.value, r.taken_on) for r in found}
    assert expected <= dated
    # (no value of a row is read on a day it was not taken)
    assert not any(r.value == 26.0 and r.taken_on == date(2026, 3, 3) for r in found)


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("J4 joist (after opening) - 24 %MC 17 %MC 13 %MC", ["-", "24 %MC", "17 %MC", "13 %MC"]),
        ("H7 hall skirting 19 %MC 14 %MC not read", ["19 %MC", "14 %MC", "not read"]),
        ("S3 lounge plasterboard 10 % \u2014 98 REL", ["10 %", "\u2014", "98 REL"]),
        ("W1 wall 31 -- 12", ["31", "--", "12"]),
    ],
)
def test_a_rows_day_cells_are_values_with_scales_or_not_read_marks(row: str, cells: list[str]) -> None:
    found = day_cells(row)
    assert found is not None
    assert [row[start:end] for start, end, _ in found[1]] == cells


@pytest.mark.parametrize(
    "row",
    [
        "T1 toilet wall plasterboard 28 % 14 % 118 REL",  # (no day skipped: the row reader's own)
        "Vinyl lifted - approx 4 m2",  # (a note, no cells)
        "Hall 2 wall - wet to 600 mm",
    ],
)
def test_a_row_with_no_day_not_read_is_no_such_row(row: str) -> None:
    assert day_cells(row) is None
