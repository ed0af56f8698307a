"""A later visit's values split by " | " between points and " // " between rooms, in the order of
the first visit's points ("Mon 16/3, same order: 200 | 22 // 450 | 300")."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_positional import visit_values

pytestmark = pytest.mark.unit

_NOTES = """Two storey home, 9 Banks St, Ainslie ACT 2602
Attended: Thu 12/03/2026
Bathroom upstairs leaked through the floor into the lounge below. Category 1.
- Bathroom 2.0 x 2.2 m: floor tiles wet.
- Lounge 5 x 4 m below: ceiling stained, carpet wet.
Readings, Protimeter (WME pins / REL search):
upstairs: bathroom tile joint REL 300 | bathroom skirting WME 26
downstairs: lounge ceiling centre REL 850 | lounge wall top REL 480
Mon 16/03, same order: 200 | 19 // 450 | 260
"""


def test_bar_and_double_slash_split_a_visits_values() -> None:
    found = visit_values("Mon 16/03, same order: 200 | 19 // 450 | 260")
    assert found is not None
    assert [value for value, _ in found[1]] == [200.0, 19.0, 450.0, 260.0]


def test_a_bar_split_visit_is_read_against_the_first_visits_points() -> None:
    later = {
        (r.value, r.location, r.unit)
        for r in analyze_text(_NOTES).moisture_readings
        if r.taken_on is not None and r.taken_on.day == 16
    }
    assert later == {
        (200.0, "Bathroom", "REL"),
        (19.0, "Bathroom", "WME"),
        (450.0, "Lounge", "REL"),
        (260.0, "Lounge", "REL"),
    }
