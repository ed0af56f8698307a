"""A moisture map's points read again by their codes alone on later visits."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_rereads import point_rereads

pytestmark = pytest.mark.unit

_MAP = """Job 3391, 6 Aralia St, Nightcliff NT 0810. Attended Wed 04/03/2026.
Master bedroom (4.0 x 3.6 m): floorboards wet near the ensuite wall.
MC (Protimeter, %WME)
A  master bed floorboards at ensuite wall ............. 30%
B  master bed floorboards 0.6 m out .................. 26%

Re-check Fri 06/03/2026:
A 21% | B 18% | X 40% | C not read
Re-check Mon 09/03/2026:
A 16% | B 15% - all at goal, equipment out.
"""


def test_points_read_again_by_code_are_the_maps_points_on_that_day() -> None:
    # Given a lettered map, then two visits that give only the codes and their values
    found = {
        (r.value, r.taken_on) for r in analyze_text(_MAP).moisture_readings if r.location == "Master bedroom"
    }
    # Then each code's value is its point's on the visit's day (a code the map never gave is none)
    assert {(21.0, date(2026, 3, 6)), (18.0, date(2026, 3, 6)), (16.0, date(2026, 3, 9))} <= found
    assert (15.0, date(2026, 3, 9)) in found
    assert all(value != 40.0 for value, _ in found)


def test_a_line_of_other_words_is_no_reread() -> None:
    known = frozenset({"A", "B"})
    assert point_rereads("A 21% | B 18%", known) == [("A", 21.0, "%"), ("B", 18.0, "%")]
    assert point_rereads("Kitchen 21% | bath 18%", known) is None
    assert point_rereads("A 21%", known) is None  # one item is a label, not a visit's line
