"""Materials a line names without saying they were reached: a finish said not to have lifted, a frame
named for the wall it builds, what an inspection hole was cut to look at, a drying goal, a slip risk,
and a suspected asbestos product."""

from __future__ import annotations

import pytest

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


# (notes, room, {material: whether it is among the room's affected materials})
_TOOK_NO_WATER = [
    # the material said to have taken none of the water, in other verbs and orders
    (
        "Burst pipe 3/4/2026. Rumpus carpet and underlay wet. The slab itself did not take any water.",
        "Rumpus",
        {"carpet": True, "slab": False},
    ),
    (
        "Burst pipe 3/4/2026. Study carpet soaked; the jarrah boards under it never absorbed any of it.",
        "Study",
        {"carpet": True, "jarrah boards": False},
    ),
    (
        "Burst pipe 3/4/2026. Den plasterboard wet to 300 mm. The screed took up no moisture.",
        "Den",
        {"plasterboard": True, "screed": False},
    ),
    # the near miss: a material said to have taken the water is affected
    (
        "Burst pipe 3/4/2026. Rumpus carpet and underlay wet. The slab did take water and reads high.",
        "Rumpus",
        {"carpet": True, "slab": True},
    ),
]


@pytest.mark.parametrize(("text", "room", "expected"), _TOOK_NO_WATER)
def test_a_material_said_to_have_taken_no_water_is_not_affected(
    text: str, room: str, expected: dict[str, bool]
) -> None:
    materials = _materials(text, room)
    assert {name: name in materials for name in expected} == expected, materials


_LEFT_OUT_OF_DRYING = [
    # a floor the writer leaves out of the drying, in two wordings
    (
        "Burst pipe 3/4/2026. Rumpus floor is bare concrete, wet after a puddle was squeegeed to the drain"
        " - the concrete is not being dried or logged. Rumpus drywall wet.",
        "Rumpus",
        {"drywall": True, "concrete": False},
    ),
    (
        "Burst pipe 3/4/2026. Garage slab damp near the door, not to be monitored. Garage plasterboard wet.",
        "Garage",
        {"plasterboard": True, "slab": False},
    ),
    # the near miss: the same floor with nothing said of leaving it out
    (
        "Burst pipe 3/4/2026. Rumpus floor is bare concrete, wet after a puddle was squeegeed to the drain."
        " Rumpus drywall wet.",
        "Rumpus",
        {"drywall": True, "concrete": True},
    ),
]


@pytest.mark.parametrize(("text", "room", "expected"), _LEFT_OUT_OF_DRYING)
def test_a_material_left_out_of_the_drying_is_not_affected(
    text: str, room: str, expected: dict[str, bool]
) -> None:
    materials = _materials(text, room)
    assert {name: name in materials for name in expected} == expected, materials


_NOTHING_FOUND_ON_IT = [
    # the finish named first as the floor, then said to have no damage: the same tile, in either order
    (
        "Burst pipe 3/4/2026. Ensuite 2.4 x 1.8 m.\n"
        "Ensuite: porcelain tile on slab, no damage to the tile; vanity kickboard and drywall wet to 450 mm.",
        "Ensuite",
        {"porcelain tile": False, "drywall": True},
    ),
    (
        "Burst pipe 3/4/2026. Ensuite 2.4 x 1.8 m, water on the floor.\n"
        "Ensuite: floor tiles over a screed, no water damage to the tiles, grout fine; plasterboard wet.",
        "Ensuite",
        {"floor tiles": False, "plasterboard": True},
    ),
    # the near miss: one tile lifting in its own clause, another tile found undamaged
    (
        "Burst pipe 3/4/2026. Ensuite 2.4 x 1.8 m, water on the floor.\n"
        "Ensuite: floor tiles lifting over a wet screed; no water damage to the wall tiles;"
        " plasterboard wet.",
        "Ensuite",
        {"floor tiles": True, "plasterboard": True},
    ),
]


_NOTHING_FOUND_ON_IT.append(
    # the near miss: no mould on it says nothing of whether it is wet
    (
        "Burst pipe 3/4/2026.\nDen: carpet wet along the wall. Skirting looks darker along the bottom edge."
        " Musty, but no visible mould on the walls or skirting.",
        "Den",
        {"carpet": True, "skirting": True},
    )
)


@pytest.mark.parametrize(("text", "room", "expected"), _NOTHING_FOUND_ON_IT)
def test_a_material_nothing_was_found_on_is_not_affected_where_it_is_named_again(
    text: str, room: str, expected: dict[str, bool]
) -> None:
    materials = _materials(text, room)
    assert {name: name in materials for name in expected} == expected, materials


_WATER_TAKEN_OFF = [
    # water extracted, squeegeed or wet-vacuumed off a sealed finish says nothing of the finish
    (
        "Burst pipe 3/4/2026. Kitchen plasterboard wet.\nWork done:\n"
        "- extracted kitchen tiles and lounge carpet",
        "Kitchen",
        {"plasterboard": True, "tiles": False},
    ),
    (
        "Burst pipe 3/4/2026. Scullery plasterboard wet.\nWork done:\n- wet-vac'd the scullery floor tiles",
        "Scullery",
        {"plasterboard": True, "floor tiles": False},
    ),
    # the near misses: a carpet extracted was wet through; a tile lifted after the extraction was reached
    (
        "Burst pipe 3/4/2026. Lounge plasterboard wet.\nWork done:\n- extracted lounge carpet",
        "Lounge",
        {"plasterboard": True, "carpet": True},
    ),
    (
        "Burst pipe 3/4/2026. Kitchen plasterboard wet.\nWork done:\n"
        "- extracted water, then lifted the kitchen tiles (drummy)",
        "Kitchen",
        {"plasterboard": True, "tiles": True},
    ),
]


@pytest.mark.parametrize(("text", "room", "expected"), _WATER_TAKEN_OFF)
def test_water_taken_off_a_sealed_finish_says_nothing_of_the_finish(
    text: str, room: str, expected: dict[str, bool]
) -> None:
    materials = _materials(text, room)
    assert {name: name in materials for name in expected} == expected, materials


# (notes, {room: materials}): what a reinstatement puts back is not what the water reached; work that
# takes the material out first keeps it (the near miss).
_PUT_BACK_ONLY = [
    (
        "Leak 3/4/2026.\nKitchen vinyl wet. Family room carpet wet.\n"
        "Reinstatement: replace kickboards and underlay.",
        {"Kitchen": {"vinyl"}, "Family room": {"carpet"}},
    ),
    (
        "Leak 3/4/2026.\nKitchen vinyl wet. Family room carpet wet.\nRebuild - new skirting, relay the family"
        " room underlay.",
        {"Kitchen": {"vinyl"}, "Family room": {"carpet"}},
    ),
    (
        "Leak 3/4/2026.\nDining room ceiling wet and sagging.\nScope to rebuild: remove and replace dining"
        " ceiling drywall - 60 SF.",
        {"Dining room": {"drywall"}},
    ),
    (
        "Leak 3/4/2026.\nKitchen vinyl wet. Family room carpet wet.\nRemoved the family room underlay;"
        " reinstatement to follow.",
        {"Kitchen": {"vinyl"}, "Family room": {"carpet", "underlay"}},
    ),
]


@pytest.mark.parametrize(("text", "expected"), _PUT_BACK_ONLY)
def test_what_a_reinstatement_puts_back_is_not_affected(text: str, expected: dict[str, set[str]]) -> None:
    found = {area.room: set(area.materials) for area in analyze_text(text).affected_areas}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hedged question the line answers: the assembly has none of the material
        (
            "Lounge: plasterboard ceiling wet 4 m2.\nScope:\n- cut out lounge ceiling 4 m2 and batts"
            " above? - no batts in this ceiling, only the joists\n",
            False,
        ),
        (
            "Lounge: plasterboard ceiling wet 4 m2.\nScope:\n- lounge: check insulation over the stain -"
            " there is no insulation between the floors\n",
            False,
        ),
        (
            "Lounge: plasterboard ceiling wet 4 m2; no insulation in the ceiling void.\n",
            False,
        ),
        # near miss: "no" about the work, not the material's presence, leaves it affected
        (
            "Lounge: plasterboard ceiling wet 4 m2, insulation above soaked.\nScope:\n- lounge: remove"
            " wet insulation above the ceiling 4 m2, no insulation replacement until dry\n",
            True,
        ),
    ],
)
def test_a_material_said_not_to_be_in_the_assembly_at_all_is_not_affected(text: str, expected: bool) -> None:
    # Given a lounge ceiling whose insulation (or batts) is asked about or denied
    materials = _materials("Job 9. 5 Bay Rd, Kambah ACT 2902\n" + text, "Lounge")
    # Then it is affected only where the notes do not say there is none
    assert any(word in material for material in materials for word in ("insulation", "batts")) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table cell a PDF wrapped: the verdict on the material fell onto a line of its own
        (
            "Laundry 2.1 x 1.8 m\nbase of the wall behind the tub; tiles\nsound\nplasterboard, skirting\n",
            False,
        ),
        (
            "Laundry 2.1 x 1.8 m\nwall wet behind the tub to 300 mm; floor tiles\nintact.\nplasterboard\n",
            False,
        ),
        # near miss: the next line is not a lone verdict, so the material stays affected
        (
            "Laundry 2.1 x 1.8 m\nbase of the wall behind the tub wet; tiles\nlifting at the door\n"
            "plasterboard\n",
            True,
        ),
    ],
)
def test_a_verdict_wrapped_onto_the_next_line_alone_is_the_materials(text: str, expected: bool) -> None:
    # Given a laundry whose tiles are named at a line's end and judged on the next
    materials = _materials("Job 10. 5 Bay Rd, Kambah ACT 2902\n" + text, "Laundry")
    # Then the tiles are affected only where that next line is not a lone "sound" or "intact"
    assert "plasterboard" in materials
    assert any("tile" in material for material in materials) is expected


@pytest.mark.parametrize(
    "reading",
    [
        "laundry vanity kick 10 %MC (the water never reached it)",
        "laundry skirting by the door 11 WME (water didn't get this far)",
        "laundry base cupboard side 12 (no moisture made it behind the bench)",
    ],
)
def test_a_reading_bracketed_as_beyond_the_water_is_not_affected(reading: str) -> None:
    # Given a laundry whose vinyl is wet, and a reading of another of its materials bracketed as dry
    text = f"Laundry 2.4 x 1.8 m: vinyl soaked across the floor.\nReadings 4/5: laundry wall 38; {reading}."
    materials = _materials(text, "Laundry")
    # Then the vinyl is affected and the bracketed material is not
    assert "vinyl" in materials
    assert not any(word in m for m in materials for word in ("vanity", "skirting", "cupboard")), materials


def test_water_said_not_to_reach_another_place_leaves_the_material_before_it_wet() -> None:
    # A clause of its own about another place says nothing of the carpet before it
    text = "Lounge: carpet soaked, no water got into the hall past the door strip."
    assert "carpet" in _materials(text, "Lounge")
