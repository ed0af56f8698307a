"""Readings typed in columns with the space bar: a field sheet's rows of "label value" pairs, one
row per visit, that a plain text box or an e-mail keeps as runs of spaces."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.text import prepare_lines

pytestmark = pytest.mark.unit

_FIELD_SHEET = (
    "Loss 8/3/25 approx 7pm, on site 8/4/25 9:10am. 3318 W Palo Verde Dr, Phoenix AZ 85017\n"
    "Hallway: carpet + pad wet approx 42 SF. Drywall wicking 6-8 in.\n"
    "Bed 2: closet carpet + pad wet approx 12 SF.\n"
    "Master bedroom not affected; used for dry std.\n"
    "\n"
    "MC - Protimeter, drywall on ref scale\n"
    '8/4  hall wall N @6": 38   hall wall S @6": 41   bed 2 closet @6": 29   DRY STD master bdrm wall: 11\n'
    "8/5  hall N 24   hall S 27   closet 18\n"
)


def test_each_typed_column_is_a_reading_of_its_visit() -> None:
    # Given a field sheet whose rows are visits and whose columns are spaced points
    findings = analyze_text(_FIELD_SHEET)
    found = {(r.value, r.taken_on, r.is_reference) for r in findings.moisture_readings}
    # Then every column is read, on its row's day, the dry standard marked as one
    assert found == {
        (38.0, date(2025, 8, 4), False),
        (41.0, date(2025, 8, 4), False),
        (29.0, date(2025, 8, 4), False),
        (11.0, date(2025, 8, 4), True),
        (24.0, date(2025, 8, 5), False),
        (27.0, date(2025, 8, 5), False),
        (18.0, date(2025, 8, 5), False),
    }


@pytest.mark.parametrize(
    "line",
    [
        "Protimeter  MMS2,  pin  mode,  %WME  throughout.",  # a justified PDF line spaces every word
        "-  Lounge  (4.6  x  3.9  m),  plasterboard ceiling",  # a size, not two columns
        "1  utility - wall behind washer, 100 mm up ........ 92",  # a map's point number, padded once
        "Water stopped.  The carpet was lifted.",  # two spaces after a full stop
    ],
)
def test_spacing_that_is_not_columns_is_left_alone(line: str) -> None:
    # Given a line whose wide gaps are layout, not columns
    (prepared,) = prepare_lines(line)
    # Then no column break is read into it
    assert prepared.text.count(",") == line.count(",")
