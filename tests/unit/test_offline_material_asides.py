"""Materials named for a meter's scale or a drying goal are not what got wet."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.material_asides import named_aside

pytestmark = pytest.mark.unit


def _materials(text: str, room: str) -> list[str]:
    area = next(area for area in analyze_text(text).affected_areas if area.room == room)
    return [material.lower() for material in area.materials]


def test_a_meter_scale_or_a_goal_names_no_wet_material() -> None:
    # Given a study whose carpet is wet, then lines about the meter and the goals naming other materials
    text = (
        "Study 3.1 x 2.9 m: carpet soaked along the robe wall.\n"
        "Moisture readings (Trotec T660, masonry and plaster scales; tile setting on the hearth)\n"
        "Instruments: GE Surveymaster pins on the bearers, search mode on the gyprock.\n"
        "Drying targets: bearers 16 or under, gyprock within 3 of the passage reading.\n"
        "Study carpet 40 on day one."
    )
    # Then only the carpet is the study's
    assert _materials(text, "Study") == ["carpet"]


@pytest.mark.parametrize(
    ("line", "material"),
    [
        ("Readings (Delmhorst, gypsum scale, %)", "gypsum"),
        ("pins on the timber, relative mode on the plasterboard", "plasterboard"),
        ("Goal for the subfloor 14%", "subfloor"),
        ("Readings (oak 12 %MC, skirting in WME)", "skirting"),
    ],
)
def test_the_aside_is_the_materials_own(line: str, material: str) -> None:
    start = line.index(material)
    assert named_aside(line, start, start + len(material))


@pytest.mark.parametrize(
    ("line", "material"),
    [
        ("Readings (hall drywall 38, bath drywall 41)", "drywall"),
        ("Laundry: plasterboard wet to 300 mm, reading 35 on the relative scale", "plasterboard"),
        ("Readings (oak 12 %MC, skirting in WME)", "oak"),
    ],
)
def test_a_reading_of_the_material_is_no_aside(line: str, material: str) -> None:
    start = line.index(material)
    assert not named_aside(line, start, start + len(material))


def test_a_sentence_grading_the_job_gives_no_room_its_materials() -> None:
    # Given a den and a porch, then a class sentence naming the job's wet materials and no room
    text = (
        "Den 4 x 3 m: carpet and underlay soaked, gyprock wicking 200 mm.\n"
        "Porch: water tracked across it from the den door.\n"
        "Carpet, underlay and gyprock wicking in one room only: we graded it Class 2."
    )
    # Then the porch, the room the notes were last on, does not take the carpet of the den
    assert _materials(text, "Porch") == []
    assert _materials(text, "Den") == ["carpet", "underlay", "gyprock"]


def test_a_safety_line_names_materials_for_their_risk_not_their_damage() -> None:
    # Given a laundry whose vinyl is wet, then a safety line naming the tiles of the room before it
    text = (
        "Ensuite: water across the floor, towelled dry, nothing soaked in.\n"
        "Laundry 2 x 2 m: sheet vinyl lifting at the seams, wet underneath.\n"
        "Hazards: slippery wet tiles by the shower, signs up."
    )
    # Then the laundry keeps its vinyl and takes no tiles
    assert _materials(text, "Laundry") == ["sheet vinyl"]


@pytest.mark.parametrize(
    ("line", "material"),
    [
        ("Den sole plate (probed through skirting) 24 %MC", "skirting"),
        ("Lounge plate, pins through the baseboard gap: 22", "baseboard"),
        ("Guest room - skirting (reference) 11 12 11", "skirting"),
        ("Office drywall (unaffected) 9%", "drywall"),
    ],
)
def test_the_way_a_probe_went_in_or_a_dry_standard_is_no_wet_material(line: str, material: str) -> None:
    start = line.lower().index(material)
    assert named_aside(line, start, start + len(material))


def test_water_through_a_floor_sheet_is_still_the_sheet() -> None:
    line = "Bathroom: water went through the fibre cement sheet at the pan"
    start = line.index("fibre cement")
    assert not named_aside(line, start, start + len("fibre cement sheet"))


@pytest.mark.parametrize(
    ("line", "material"),
    [
        # a row labelled as a standard
        ("STD spare room ceiling 10 / spare room skirting 11 %MC", "skirting"),
        ("REF-2 guest room vinyl: 14 REL", "vinyl"),
        ("ref | Study | plasterboard | 12", "plasterboard"),
        # the point's own value marked as the standard, or as dry, after dot leaders
        ("7. Family room wall, upstairs, gyprock ........... 12 WME REF", "gyprock"),
        ("(d) den ceiling (plasterboard) ................. 102 REL - dry", "plasterboard"),
        # the entry's point named a standard in brackets, whichever of its materials comes first
        ("R3 back office skirting (standard) - pine", "pine"),
        # a standards list whose values have decimal points
        ("Standards: office slab 2.4 %, store ply 11 %MC.", "ply"),
    ],
)
def test_a_standards_row_or_marked_value_names_no_wet_material(line: str, material: str) -> None:
    start = line.index(material)
    assert named_aside(line, start, start + len(material))


@pytest.mark.parametrize(
    ("line", "material"),
    [
        ("Ref 20931: carpet soaked in the lounge", "carpet"),
        ("hall carpet 41, dry standard 12", "carpet"),
        ("hall carpet 41%, reference 12%", "carpet"),
        ("den carpet 33 - dry in two days on the trend", "carpet"),
        ("bath drywall 52%, hall drywall 36%, lounge drywall (dry std) 9%", "drywall"),
    ],
)
def test_a_wet_reading_beside_a_standard_is_still_wet(line: str, material: str) -> None:
    start = line.index(material)
    assert not named_aside(line, start, start + len(material))


@pytest.mark.parametrize(
    ("line", "material"),
    [
        ("(2) vanity kick, particleboard - pins, %MC", "particleboard"),
        ("(4) den laminate 1 m out from the robe - rel", "laminate"),
        (" D  study carpet just inside the door ............... REL", "carpet"),
        ("R3 robe shelf particleboard - %MC | R4 hall plywood - %MC", "particleboard"),
    ],
)
def test_a_map_legend_entry_names_the_points_material_not_its_damage(line: str, material: str) -> None:
    start = line.index(material)
    assert named_aside(line, start, start + len(material))


@pytest.mark.parametrize(
    ("line", "material"),
    [
        ("(4) den laminate 1 m out from the robe - 31 rel", "laminate"),
        ("Den: carpet wet - 40%", "carpet"),
    ],
)
def test_a_legend_entry_with_its_value_is_a_reading(line: str, material: str) -> None:
    start = line.index(material)
    assert not named_aside(line, start, start + len(material))


@pytest.mark.parametrize(
    ("line", "material", "aside"),
    [
        ("Meter: plasterboard in search mode; OSB and engineered oak on pins (%MC).", "OSB", True),
        ("Tramex: gyprock on the relative scale, chipboard and joists with pins in %MC.", "chipboard", True),
        ("Laundry: chipboard and joists wet, read with pins 24", "chipboard", False),
    ],
)
def test_a_list_of_materials_read_the_same_way_is_a_meter_aside(
    line: str, material: str, aside: bool
) -> None:
    start = line.index(material)
    assert named_aside(line, start, start + len(material)) is aside


@pytest.mark.parametrize(
    ("line", "material"),
    [
        # a bare percent sign closing the entry: the scale the material is read on
        ("Moisture (GE Surveymaster, timber %MC / gyprock %):", "gyprock"),
        ("Meter notes - plasterboard %, pine %MC, tiles rel", "plasterboard"),
        # the meter named by its make before the material it was used on
        ("Readings taken with a Protimeter MMS3 on the screed and pins in the skirting", "screed"),
        ("We used the Tramex CME4 on the concrete and a Delmhorst on the studs", "concrete"),
    ],
)
def test_a_material_named_by_its_scale_sign_or_its_meter_is_an_aside(line: str, material: str) -> None:
    # Given a line about how a material was measured
    start = line.index(material)
    # Then the material is named as an aside, not as wet
    assert named_aside(line, start, start + len(material))


@pytest.mark.parametrize(
    ("line", "material"),
    [
        # near misses: a number before the percent sign, or the meter read on the material with a value
        ("Den gyprock 34 %, wet to 400 mm", "gyprock"),
        ("Laundry screed wet, Protimeter MMS3 reading 6.1 %", "screed"),
    ],
)
def test_a_read_value_with_its_percent_sign_is_no_aside(line: str, material: str) -> None:
    # Given a material with its own reading
    start = line.index(material)
    # Then it is not an aside
    assert not named_aside(line, start, start + len(material))


def test_a_meter_line_ending_in_percent_names_no_wet_material_for_the_room() -> None:
    # Given a bedroom with wet carpet, then a meter line naming gyprock on its percent scale
    text = (
        "Bedroom 2 3.4 x 3.1 m: carpet and underlay soaked by the robe.\n"
        "Moisture (GE Surveymaster, timber %MC / gyprock %):\n"
        "Bedroom 2 carpet 45 on day one.\n"
    )
    # Then the bedroom's materials are its carpet and underlay only
    assert set(_materials(text, "Bedroom 2")) == {"carpet", "underlay"}
