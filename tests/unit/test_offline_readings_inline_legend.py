"""A drying log's point legend written as prose under its wide table ("A = drywall behind toilet
(bathroom). B = ..."), and rooms known by their number ("Room 412")."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_LOG = """MITIGATION DRYING LOG
Loss location: Room 412, 2210 Cumberland Bend Rd, Nashville, TN 37208
Date of loss: 03/16/2025. Arrival: 03/17/2025 01:05 AM
Affected areas
- Room 412 bathroom (tile floor, extracted; drywall behind toilet wet)
- 4th floor corridor outside 412 (glue-down carpet), approx. 40 SF wet
Moisture readings - Delmhorst reference scale (0-100). Dry standard taken in Room 411 (unaffected).
| Date | A | B | C |
| 03/17/2025 | 86 | 44 | 12 |
| 03/18/2025 | 54 | 25 | 12 |
A = drywall behind toilet, 4 in. AFF (bathroom). B = drywall, corridor wall beside 412 door, 4 in.
AFF. C = Room 411 drywall,
dry standard.
"""


def _readings(text: str) -> set[tuple[float, str, str | None, date | None, bool]]:
    readings = analyze_text(text).moisture_readings
    return {(r.value, r.location, r.material, r.taken_on, r.is_reference) for r in readings}


def test_a_legend_under_its_table_names_each_column() -> None:
    # Given a wide table of point codes whose legend follows it, wrapped over three lines
    found = _readings(_LOG)
    # Then each column is its point's room and material, the dry standard marked, and the
    # legend's own numbers ("4 in.", "412", "411") are no readings
    assert found == {
        (86.0, "Room 412 bathroom", "drywall", date(2025, 3, 17), False),
        (54.0, "Room 412 bathroom", "drywall", date(2025, 3, 18), False),
        (44.0, "Corridor", "drywall", date(2025, 3, 17), False),
        (25.0, "Corridor", "drywall", date(2025, 3, 18), False),
        (12.0, "Room 411", "drywall", date(2025, 3, 17), True),
        (12.0, "Room 411", "drywall", date(2025, 3, 18), True),
    }


def test_one_code_definition_is_no_legend() -> None:
    # Given a single "A = ..." label and no table of codes
    text = "Kitchen: vinyl wet, 3 x 4 m.\nA = kitchen drywall by the sink.\nReadings: kitchen drywall 40\n"
    # Then nothing is read as a legend point
    assert {location for _, location, _, _, _ in _readings(text)} == {"Kitchen"}


def test_a_numbered_room_is_a_room_of_its_own() -> None:
    # Given two hotel rooms known by their numbers
    findings = analyze_text("Room 412: carpet and pad wet.\nRoom 411 checked - dry, not affected.\n")
    # Then the affected one is an area and the other is not
    assert [area.room for area in findings.affected_areas] == ["Room 412"]


_LABELLED_LEGEND = """SPRINKLER LEAK - 1400 Dock Rd, Columbus OH. Inspected 09/14/2026.
Affected: packing room (drywall, slab), lunch room (drywall). Front office unaffected.
MOISTURE READINGS
Legend: A packing room W wall drywall 6 in. AFF; B packing room slab under mat; C lunch room
drywall 6 in. AFF; D loading bay slab, door 3; X front office drywall (dry standard).
Meters: Tramex ME5 - drywall on the reference scale (REL), slab in concrete mode (%).
| Date | A | B | C | D | X |
|---|---|---|---|---|---|
| 9/14 | 58 | 5.2 | 33 | 4.1 | 10 |
| 9/16 | 19 | 3.6 | 12 | - | - |
"""


def test_a_labelled_legend_of_semicolon_parted_points_names_the_wide_tables_columns() -> None:
    found = {
        (r.value, r.unit, r.location, r.taken_on, r.is_reference)
        for r in analyze_text(_LABELLED_LEGEND).moisture_readings
    }
    assert (58.0, "REL", "Packing room", date(2026, 9, 14), False) in found
    assert (5.2, "%", "Packing room", date(2026, 9, 14), False) in found
    assert (12.0, "REL", "Lunch room", date(2026, 9, 16), False) in found
    # a space the vocabulary may not know is the point's place by the words before its material
    assert (4.1, "%", "Loading bay", date(2026, 9, 14), False) in found
    assert (10.0, "REL", "Front office", date(2026, 9, 14), True) in found
    # the legend's heights (6 in.) and door numbers are no readings
    assert not {value for value, *_ in found} & {6.0, 3.0}


_SCALED_HEADINGS = """Burst pipe, St Mark's Hall, Leeds. Attended 05/01/2026.
Main hall and kitchenette ceilings down; hall floor wet. Vestry not affected.
Moisture readings (Protimeter; woodblock in %MC, plaster in WME)
H1 = hall woodblock, 1 m from the west wall; K1 = kitchenette ceiling board edge (remaining strip);
R2 = vestry wall plaster (dry standard).
| Date | H1 (%MC) | K1 (WME) | R2 (WME) |
|---|---|---|---|
| 05/01/2026 | 27 | 38 | 13 |
| 14/01/2026 | 18 | 21 | - |
"""


def test_a_wide_tables_headings_may_add_each_points_scale() -> None:
    found = {
        (r.value, r.unit, r.location, r.taken_on, r.is_reference)
        for r in analyze_text(_SCALED_HEADINGS).moisture_readings
    }
    assert any(
        (value, unit, day) == (27.0, "%MC", date(2026, 1, 5)) and place.lower().endswith("hall")
        for value, unit, place, day, _ in found
    )
    # a definition that starts with its room is in that room, whatever its bracket says
    assert (38.0, "WME", "Kitchenette", date(2026, 1, 5), False) in found
    assert (21.0, "WME", "Kitchenette", date(2026, 1, 14), False) in found
    assert any(value == 13.0 and reference for value, *_, reference in found)
