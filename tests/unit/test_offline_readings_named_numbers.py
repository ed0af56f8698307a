"""A room named by a word and its number ("treatment 1") gives no reading of that number."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_named_numbers import names_numbered_area

pytestmark = pytest.mark.unit


def test_a_rooms_number_is_no_reading() -> None:
    assert names_numbered_area("D treatment 1, W wall at door 36 %", 1.0, ["Treatment room 1"])
    assert names_numbered_area("consult room 2 skirting 18", 2.0, ["Consult room 2"])
    # (the number with a scale after it is a reading; another room's number is none of its name's)
    assert not names_numbered_area("treatment 1 %", 1.0, ["Treatment room 1"])
    assert not names_numbered_area("D treatment 1, W wall 36 %", 36.0, ["Treatment room 1"])
    assert not names_numbered_area("bay 3 floor 3", 1.0, ["Treatment room 1"])


def test_a_maps_points_in_a_numbered_room_read_only_their_values() -> None:
    text = """Vet clinic, 9 Penola Rd, Mount Gambier SA. Attended 11/11/2026.
Washer hose burst: treatment room 1 wet along the west wall (vinyl, plasterboard).
Moisture map (Delmhorst, drywall scale %):
 A  treatment 1, W wall at door .......... 33 %
 B  treatment 1, W wall 1 m along ........ 21 %
"""
    values = sorted(r.value for r in analyze_text(text).moisture_readings)
    assert values == [21.0, 33.0]
