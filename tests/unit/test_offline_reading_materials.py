"""An affected room's wet readings name materials its sentences did not list."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.findings import MoistureReading, SourceSpan
from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_materials import wet_without_goal

pytestmark = pytest.mark.unit

# (point 1 is placed by the rec room's line above it: a row that names its room, "rec rm, E wall stud",
# lists the stud among that room's materials by its own words, whatever it reads)
_NOTES = """Attended 21/02/2026, 9 Birch Ave.
Rec room 20 x 14 ft: carpet and pad wet along the north wall.
Storage room not affected, used for dry standards.
Moisture map (Delmhorst J-2000, pins, %MC)
1 | E wall stud via 2 in hole | {wet} %MC
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


def test_a_point_read_down_over_the_visits_was_wet() -> None:
    # Given a relative-scale point with no goal or dry standard, read at two visits
    def read(value: float, day: int) -> MoistureReading:
        return MoistureReading(
            location="Robe",
            material="plasterboard",
            value=value,
            unit="REL",
            taken_on=date(2026, 3, day),
            source=SourceSpan(line=day, text=f"robe plasterboard {value:g}"),
        )

    first, dried, steady = read(68, 3), read(31, 5), read(66, 5)
    # Then it was wet when a later visit read it well down, and unsaid when it read the same
    assert wet_without_goal(first, [first, dried])
    assert not wet_without_goal(first, [first, steady])
    # And a cabinet's board on the %MC scale is no timber of the structure
    kick = first.model_copy(update={"material": "kickboard", "unit": "%MC", "value": 26})
    assert not wet_without_goal(kick, [kick])
    assert wet_without_goal(kick.model_copy(update={"material": "bottom plate"}), [])


def test_a_table_rows_material_read_at_its_dry_standard_is_not_affected() -> None:
    # Given a den whose ceiling is wet and whose floor is read, in a table, at the dry standard's value
    text = (
        "Den 4.0 x 3.5 m: ceiling plasterboard wet around the downlight.\n"
        "| Point | Location | Material | 02/03 | 04/03 |\n"
        "| 1 | Den ceiling by downlight | Plasterboard | 38 | 19 |\n"
        "| 2 | Den floor by the window | Hardwood | 11 %MC | - |\n"
        "| DS | Study floor (dry standard) | Hardwood | 11 %MC | - |\n"
        "Drying goal: timber 15 %MC or under.\n"
    )
    materials = {a.room: a.materials for a in analyze_text(text).affected_areas}["Den"]
    # Then the plasterboard is affected and the floor, read no wetter than the standard, is not
    assert any("plasterboard" in m.lower() for m in materials)
    assert not any("hardwood" in m.lower() for m in materials)


_CABINET_NOTES = """Attended 03/03/2026, 4 Lark St.
Kitchen 4 x 3 m: vinyl wet in front of the sink.
Moisture map (Delmhorst, pins, %MC), dry standard from the laundry floor 12 %MC
{row}
Laundry floor (dry std) 12 %MC
"""


@pytest.mark.parametrize(
    "row",
    [
        "K1 | kitchen sink cab base (particleboard) | 31 %MC",
        "K1 kitchen vanity carcass - chipboard - 29 %MC",
        "K1 | kitchen cab bottom panel (chipboard) | 33 %MC",
    ],
)
def test_a_cabinets_board_read_wet_is_the_cabinet_not_a_floor(row: str) -> None:
    # Given a wet reading of the board a kitchen cabinet is made of
    areas = {a.room: a.materials for a in analyze_text(_CABINET_NOTES.format(row=row)).affected_areas}
    # Then the kitchen's cabinet is affected, and no particleboard or plywood floor is
    names = " ".join(areas["Kitchen"]).lower()
    assert any(word in names for word in ("cabinet", "vanity")), areas
    assert not any(word in names for word in ("particleboard", "chipboard", "plywood")), areas


def test_a_floor_board_read_wet_beside_a_cabinet_is_still_the_floor() -> None:
    # Given the particleboard floor read in front of a cabinet, named as the floor itself
    row = "K1 | kitchen particleboard floor in front of the sink cab | 31 %MC"
    areas = {a.room: a.materials for a in analyze_text(_CABINET_NOTES.format(row=row)).affected_areas}
    # Then the floor is the particleboard
    assert any("particleboard" in name.lower() for name in areas["Kitchen"]), areas
