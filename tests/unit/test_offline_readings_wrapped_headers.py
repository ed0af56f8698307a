"""A day-by-point table whose header a PDF wrapped over several lines is read by its columns."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_wrapped_headers import WrappedHeader, day_row_width
from chalicelib.analysis.offline.text import prepare_lines

pytestmark = pytest.mark.unit

_LOG = """Drying log - 14 Elm Ct, Dayton OH. Inspected 03/19/2026.
Affected: bathroom (vinyl, drywall), bedroom 2 carpet along the shared wall.
Meter: Tramex, drywall scale (%) and wood %MC.
Date Bathroom wall
Bathroom
subfloor
%MC
Bedroom 2
tack strip %MC
03/19 58 31 26
03/20 40 24 19
03/21 22 17 -
"""


def test_a_wrapped_header_names_each_column_of_the_rows_under_it() -> None:
    readings = analyze_text(_LOG).moisture_readings
    found = {(r.location, r.value, r.taken_on) for r in readings}
    assert ("Bathroom", 58.0, date(2026, 3, 19)) in found
    assert ("Bathroom", 24.0, date(2026, 3, 20)) in found
    assert ("Bedroom 2", 19.0, date(2026, 3, 20)) in found
    # (a dash is a point not read that day)
    assert len([r for r in readings if r.taken_on == date(2026, 3, 21)]) == 2


def test_the_rows_width_splits_the_header_at_each_rooms_name() -> None:
    header = WrappedHeader()
    for piece in ["Date Kitchen ceiling", "Kitchen", "chase wall", "Hall", "carpet"]:
        assert header.note(piece)
    assert header.titles(3) == ["Kitchen ceiling", "Kitchen chase wall", "Hall carpet"]
    assert header.titles(4) is None  # (the words do not split into four columns)


def test_a_sentence_is_no_piece_of_a_header() -> None:
    header = WrappedHeader()
    assert header.note("Date Kitchen ceiling")
    assert not header.note("The kitchen ceiling was 40 on the first day, then dried out.")


def test_a_row_needs_a_day_and_values() -> None:
    dates = Dates(prepare_lines("Inspected 03/19/2026"), "mdy")
    assert day_row_width("03/19 58 31 26", dates) == 3
    assert day_row_width("Kitchen 58 31 26", dates) is None
    assert day_row_width("03/19 - - -", dates) is None
