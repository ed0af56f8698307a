"""Materials a line names without saying they were reached: a finish said not to have lifted, a frame
named for the wall it builds, what an inspection hole was cut to look at, a drying goal, a slip risk,
and a suspected asbestos product."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def _materials(text: str, room: str) -> list[str]:
    area = next(area for area in analyze_text(text).affected_areas if area.room == room)
    return [material.lower() for material in area.materials]


def test_a_finish_said_not_to_have_lifted_is_not_affected() -> None:
    # Given a hallway whose carpet is wet and whose tiles were mopped and did not lift
    text = (
        "Hallway: carpet wet along the wall. About 2 m2 of floor tile by the door, mopped; "
        "the tile did not lift."
    )
    # When its materials are read
    materials = _materials(text, "Hallway")
    # Then the carpet is affected and the tile is not
    assert "carpet" in materials
    assert not any("tile" in material for material in materials)


def test_a_stud_wall_is_the_wall_not_wet_framing() -> None:
    # Given a study where water ran down inside a stud wall and wet its plasterboard
    text = "Study: water came down inside the stud wall. Plasterboard wet to 500 mm on the east wall."
    # When its materials are read
    materials = _materials(text, "Study")
    # Then the plasterboard is affected and no framing is made up from the wall's name
    assert "plasterboard" in materials
    assert not any("stud" in material for material in materials)


def test_what_an_inspection_hole_was_cut_to_look_at_is_not_found_wet() -> None:
    # Given a lounge with a stained ceiling and a hole cut to look at the joists
    text = "Lounge: ceiling plasterboard stained. A small hole was cut in the ceiling to look at the joists."
    # When its materials are read
    materials = _materials(text, "Lounge")
    # Then the joists are not among its affected materials
    assert not any("joist" in material for material in materials)


def test_a_drying_goal_written_as_work_is_not_a_wet_finding() -> None:
    # Given a mould report's protocol after the laundry's findings
    text = (
        "Laundry: growth on the lower plasterboard behind the tub.\n"
        "Protocol:\n"
        "4. Dry the bottom plate and studs to within 4 points of the reference before closing up."
    )
    # When the laundry's materials are read
    materials = _materials(text, "Laundry")
    # Then the plasterboard is affected and the goal names no wet framing
    assert "plasterboard" in materials
    assert not any("plate" in material or "stud" in material for material in materials)


def test_a_material_named_for_a_slip_risk_is_not_affected() -> None:
    # Given a utility room with wet plasterboard and a slip risk noted on its floor tiles
    text = "Utility room: plasterboard wet to 200 mm. Slip risk on the quarry tiles was managed with signage."
    # When its materials are read
    materials = _materials(text, "Utility room")
    # Then the tiles are not among the affected materials
    assert "plasterboard" in materials
    assert not any("tile" in material for material in materials)


def test_a_suspected_asbestos_floor_left_undisturbed_is_not_affected() -> None:
    # Given a den whose carpet came up over old floor tiles presumed to contain asbestos
    text = (
        "Den: carpet and underlay saturated, removed. Under the carpet, old 9 x 9 floor tiles, presumed "
        "asbestos, left in place and undisturbed."
    )
    # When its materials are read
    materials = _materials(text, "Den")
    # Then the carpet is affected and the tiles are not
    assert "carpet" in materials
    assert not any("tile" in material for material in materials)


def test_a_wet_floor_cleared_of_asbestos_is_still_affected() -> None:
    # Given a laundry whose vinyl is wet and which the notes clear of asbestos
    text = "Laundry: sheet vinyl wet wall to wall, lifting at the seams. Vinyl is 2018, no asbestos concern."
    # When its materials are read
    materials = _materials(text, "Laundry")
    # Then the vinyl is affected
    assert any("vinyl" in material for material in materials)


def test_a_material_the_sentence_comes_back_to_as_fine_is_not_affected() -> None:
    # Given a dining room whose floor got a few drips that the sentence then says read normal, and
    # a later reading of that floor
    text = (
        "Dining room: drywall wet under the window to 8 in. The timber floor got a few drips; "
        "mopped straight away and it reads normal - not wet.\n"
        "Readings 12/03: dining room drywall 40, dining room timber floor 11 %MC."
    )
    # When its materials are read
    materials = _materials(text, "Dining room")
    # Then the drywall is affected and the timber floor is not
    assert "drywall" in materials
    assert not any("timber" in material for material in materials)


def test_a_soaked_material_later_dried_is_still_affected() -> None:
    # Given a den whose carpet was soaked and, after drying, reads dry
    text = "Den: carpet soaked along the east wall; after three days of drying it reads dry."
    # When its materials are read
    materials = _materials(text, "Den")
    # Then the carpet is affected
    assert "carpet" in materials


def test_an_attics_roof_sheathing_and_rafters_are_the_attics() -> None:
    # Given an attic headed as placed above a bathroom, with growth on its sheathing and rafters
    text = (
        "Bathroom: ceiling drywall stained around the fan.\n"
        "Attic above the bathroom: growth on the roof sheathing and rafters around the fan duct.\n"
        "Readings: sheathing at the duct 26 %MC."
    )
    # When the materials are read
    attic = _materials(text, "Attic")
    bathroom = _materials(text, "Bathroom")
    # Then the sheathing and rafters are the attic's and not the bathroom's
    assert "roof sheathing" in attic and "rafters" in attic
    assert "roof sheathing" not in bathroom and "rafters" not in bathroom


def test_materials_a_sentence_leaves_out_of_what_only_got_wet_are_not_affected() -> None:
    # Given a bathroom whose notes name its tiles and vanity, then say only the kickboard was wet
    text = "Bathroom: floor tiles and a vanity on legs, but only the vanity kickboard was wet."
    # When its materials are read
    materials = _materials(text, "Bathroom")
    # Then the kickboard's cabinet is affected and the tiles are not
    assert any("vanity" in material for material in materials)
    assert not any("tile" in material for material in materials)


def test_a_room_said_to_have_only_some_materials_wet_drops_the_others_named_elsewhere() -> None:
    # Given a study named beside a wet carpet, later said to have only its skirting wet
    text = (
        "Study: carpet laid through from the lounge.\n"
        "Study: same carpet as the lounge, but only the skirting got wet in the study."
    )
    # When its materials are read
    materials = _materials(text, "Study")
    # Then the skirting is affected and the carpet is not
    assert "skirting" in materials
    assert "carpet" not in materials
