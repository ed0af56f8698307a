"""An affected room's wet readings name materials its sentences did not list."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_NOTES = """Attended 21/02/2026, 9 Birch Ave.
Rec room 20 x 14 ft: carpet and pad wet along the north wall.
Storage room not affected, used for dry standards.
Moisture map (Delmhorst J-2000, pins, %MC)
1 | rec rm, E wall stud via 2 in hole | {wet} %MC
DS | storage room stud | 11 %MC
"""


def test_a_wet_reading_adds_its_material_to_its_room() -> None:
    # Given a rec room whose sentence lists carpet and pad, and a stud read well above the stud
    # dry standard
    areas = {a.room: a.materials for a in analyze_text(_NOTES.format(wet=27)).affected_areas}
    # Then the rec room's framing is affected too: the reading shows it
    assert areas["Rec room"] == ["carpet", "pad", "stud"]


def test_a_dry_reading_or_a_dry_standard_adds_nothing() -> None:
    areas = {a.room: a.materials for a in analyze_text(_NOTES.format(wet=12)).affected_areas}
    assert areas["Rec room"] == ["carpet", "pad"]
    assert "Storage room" not in areas


def test_a_headerless_rows_bare_number_first_is_its_point_not_a_reading() -> None:
    readings = analyze_text(_NOTES.format(wet=27)).moisture_readings
    assert sorted(r.value for r in readings) == [11.0, 27.0]
