"""Field notes' ways of placing, questioning and ruling out materials: "out <room>" for what was taken
out of a room, a material asked about with a question mark, a dry-standard line's entries, and the
strip named for the carpet it holds."""

from __future__ import annotations

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.material_words import material_words


def _materials(text: str) -> dict[str, set[str]]:
    findings = analyze_text(text)
    return {area.room: set(area.materials) for area in findings.affected_areas}


def test_materials_taken_out_of_rooms_belong_to_them() -> None:
    # Given a work line that says what came out of which rooms, field-note style
    text = (
        "Storm water through the back door, Category 3.\n"
        "Den and study wet.\n"
        "Day 1 - pumped out; carpet + underlay out den (14 m2) and study (9 m2).\n"
    )
    # When it is analysed
    materials = _materials(text)
    # Then both rooms have the carpet and the underlay
    assert {"carpet", "underlay"} <= materials["Den"]
    assert {"carpet", "underlay"} <= materials["Study"]


def test_a_material_asked_about_is_not_found_wet() -> None:
    # Given notes that ask after a material and answer that it is not there
    text = (
        "Dishwasher leak, Category 1.\n"
        "Kitchen: cabinet kick wet, drywall wet 300 mm up, insulation? none in that wall (internal).\n"
    )
    # When it is analysed
    materials = _materials(text)
    # Then the asked-about insulation is left out and the wet drywall kept
    assert "insulation" not in materials["Kitchen"]
    assert "drywall" in materials["Kitchen"]


def test_every_entry_of_a_dry_standard_line_is_a_standard() -> None:
    # Given a readings block closing with a dry-standard line for an unaffected room
    text = (
        "Musty smell in the basement.\n"
        "- Rec room: tack strip along the laundry wall musty; drywall wet. Condition 2.\n"
        "Readings:\n"
        "rec room drywall by the laundry wall 280; rec room tack strip 24 WME.\n"
        "Reference (boiler room, unaffected): drywall 130 REL, stud 11 WME.\n"
    )
    # When it is analysed
    materials = _materials(text)
    # Then the standard's stud is no one's damage
    assert "stud" not in materials["Rec room"]
    assert "drywall" in materials["Rec room"]


def test_a_carpet_strip_is_the_strip_not_the_carpet() -> None:
    # Given the strips that hold a carpet, named for the carpet
    for line in ("carpet tack strip read 23 WME", "carpet tackless strip wet", "carpet gripper lifted"):
        # When the line's materials are read
        keys = [word.key for word in material_words(line)]
        # Then it is one tack strip and no carpet
        assert keys == ["tackstrip"], line
    # And a plain carpet is still carpet
    assert [word.key for word in material_words("carpet and gripper strips out")] == ["carpet", "tackstrip"]


def test_a_material_placed_in_an_unread_label_is_not_the_room_before_it() -> None:
    # Given a bracket that places each floor finish in its rooms, one of them by a label of the notes' own
    text = (
        "Storm water through the back door, Category 3.\n"
        "Rooms: lounge 5 x 4, study 3 x 3, kitchen 4 x 3, laundry 2 x 2. All flooring wet (carpet in the"
        " lounge and study; vinyl in kitchen, laundry; tile in ens 2).\n"
    )
    # When it is analysed
    materials = _materials(text)
    # Then the tile is not given to the rooms of the clause before its semicolon
    assert "tile" not in materials["Kitchen"]
    assert "tile" not in materials["Laundry"]
    assert "vinyl" in materials["Kitchen"]
    assert "carpet" in materials["Lounge"]


def test_a_material_named_in_a_safety_note_is_not_damage() -> None:
    # Given notes whose hazards line names a strip left bare when the carpet was lifted
    text = (
        "Washer hose split, Category 1.\n"
        "Lounge: carpet and underlay wet along the east wall.\n"
        "Trip hazard: the lounge tack strip is exposed, taped over for the kids.\n"
    )
    # When it is analysed
    materials = _materials(text)
    # Then the strip is a trip risk, not a wet material, and the wet carpet stays
    assert "tack strip" not in materials["Lounge"]
    assert "carpet" in materials["Lounge"]


def test_a_material_wet_in_a_safety_note_is_still_affected() -> None:
    # Given a safety note that itself says the material is wet
    text = (
        "Dishwasher leak, Category 1.\n"
        "Kitchen: vinyl wet and lifting by the sink, a slip hazard until it is dried.\n"
    )
    # When it is analysed
    materials = _materials(text)
    # Then its own damage words keep the vinyl
    assert "vinyl" in materials["Kitchen"]


def test_a_material_denied_anywhere_is_cleared_from_every_room() -> None:
    # Given an intake line that names carpet, then the visit saying there is none in the house
    text = (
        "Water heater leak, Category 1.\n"
        "Phone intake - affected: den carpet, hall.\n"
        "Den: timber floor cupping, wet 3 m out from the heater closet. Hall: timber floor wet.\n"
        "There is no carpet anywhere - the den and the hall are both strip oak.\n"
    )
    # When it is analysed
    materials = _materials(text)
    # Then no room keeps the carpet the intake guessed
    assert all("carpet" not in found for found in materials.values())
    assert "Den" in materials
