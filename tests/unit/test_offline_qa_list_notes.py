"""Notes written as a list of terse items: a field label as a list item ("- cause: ..."), a grade
alone on the line under the sentence that says why, and a reference point read on two surfaces
("REF 11 / 13") in a row of points."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.reading_point_values import keyed_values

_NOTES = """Tue 3/3/26 09:10 on site
- cause: 150 L turtle tank in the family room, side panel cracked overnight. owners bailed what they
  could into buckets
- owners think it is clean water. no - tank water with fish waste and uneaten food, sat all night.
  CAT 2.
- family room 5.0 x 4.0 m, carpet and underlay wet about 9 m2
- CLASS 2

meter: Protimeter pins WME
K1 family room GIB by the stand, 100 AFF
K2 family room GIB by the window, 100 AFF
REF bed 2 GIB / bed 2 floor

3/3  K1 41  K2 30   REF 12 / 14
5/3  K1 20  K2 16
7/3  K1 13  K2 12   REF 12 / 14
set: 3 AM, 1 LGR dehu in the family room
"""


def test_a_cause_written_as_a_list_item_is_read() -> None:
    findings = analyze_text(_NOTES)
    assert findings.cause_of_loss is not None and "turtle tank" in findings.cause_of_loss


def test_a_grade_alone_under_its_reason_is_justified() -> None:
    findings = analyze_text(_NOTES)
    category = findings.water_category
    assert category is not None and category.value == 2
    assert "fish waste" in category.justification


def test_a_row_with_a_paired_reference_still_reads_its_points() -> None:
    findings = analyze_text(_NOTES)
    first = {reading.value for reading in findings.moisture_readings if reading.taken_on == date(2026, 3, 3)}
    assert {41.0, 30.0} <= first
    run = keyed_values("REF 12 / 14  K1 41", {"REF", "K1"}, min_items=1)
    assert run is not None and [value.code for value in run.values] == ["K1"]
