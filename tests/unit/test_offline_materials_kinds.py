"""Materials named only as what a finish sits on, as the notes write them."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.material_words import material_words


def _materials(text: str, room: str) -> list[str]:
    area = next(area for area in analyze_text(text).affected_areas if area.room == room)
    return [material.lower() for material in area.materials]


def test_a_wooden_floor_named_as_what_a_finish_sits_on_is_not_affected() -> None:
    # Given a den whose laminate is wet, laid over a plywood subfloor nothing is said of
    text = "Den: laminate swollen at the joints, laid over a timber subfloor. Hall oak nailed to plywood."
    # When its materials are read
    materials = _materials(text, "Den")
    # Then the laminate is affected and the subfloor under it is not
    assert "laminate" in materials
    assert not any("subfloor" in material or "plywood" in material for material in materials)


def test_a_wooden_floor_under_a_finish_with_its_own_wet_word_is_affected() -> None:
    # Given a study whose subfloor is said wet right where it is named
    text = (
        "Study: LVP over the plywood, plywood wet along the robe wall. Carpet over subfloor 24% by the door."
    )
    # When its materials are read
    materials = _materials(text, "Study")
    # Then the plywood and the subfloor are affected as well as the finishes
    assert "plywood" in materials and "subfloor" in materials


def test_the_floor_above_seen_from_the_room_below_is_not_the_lower_rooms() -> None:
    # Given a lounge under a leaking laundry, its ceiling opened to look at the floor above
    text = (
        "Lounge: ceiling plasterboard stained and wet, cut a hole to look up. The underside of the "
        "particleboard was damp. Also checked the subfloor from the basement, damp at the trap."
    )
    # When the lounge's materials are read
    materials = _materials(text, "Lounge")
    # Then its ceiling board is affected and the floor of the room above is not its own
    assert "plasterboard" in materials
    assert not any(word in material for material in materials for word in ("particleboard", "subfloor"))


def test_the_joist_space_and_stud_bays_are_places_not_framing() -> None:
    # Given a study whose ceiling batts in the joist space are wet and whose open stud bays are dried
    text = "Study: ceiling gyprock wet, batts in the joist space above wet. Fan into the open stud bays."
    # When its materials are read
    materials = _materials(text, "Study")
    # Then the batts are affected and no framing is
    assert "batts" in materials
    assert not any("joist" in material or "stud" in material for material in materials)


def test_joists_and_studs_said_wet_are_framing() -> None:
    # Given a cellar whose joists read wet and a garage whose studs are wet
    text = "Cellar: joists 28% along the east wall.\nGarage: studs wet at the base."
    # Then they are affected
    assert _materials(text, "Cellar") == ["joists"]
    assert _materials(text, "Garage") == ["studs"]


def test_a_building_named_for_its_one_affected_room_gives_that_room_its_materials() -> None:
    # Given a studio bedroom named with its outbuilding, later called by the outbuilding alone
    text = (
        "Studio flat bedroom 3.0 x 3.2 m: carpet soaked to the far wall.\n\n"
        "- Removed studio flat carpet and underlay, 9 m2.\n"
        "- Flood cut studio flat plasterboard at 400 mm, 12 lm."
    )
    # When its materials are read
    materials = _materials(text, "Studio flat bedroom")
    # Then the outbuilding's materials are the bedroom's
    assert {"carpet", "underlay", "plasterboard"} <= set(materials)


def test_a_building_with_two_affected_rooms_gives_neither_its_materials() -> None:
    # Given an outbuilding with two affected rooms, later called by the outbuilding alone
    text = (
        "Studio flat bedroom: carpet soaked.\nStudio flat kitchenette: vinyl wet.\n\n"
        "- Removed studio flat underlay, 9 m2."
    )
    # When the notes are analysed
    areas = analyze_text(text).affected_areas
    # Then the underlay is neither room's: whose it is is not said
    assert not any("underlay" in [m.lower() for m in area.materials] for area in areas)


def test_a_room_headed_by_its_level_owns_the_lines_under_it() -> None:
    # Given a lounge headed with its level, its damage on the lines under it
    text = (
        "Main floor - lounge\n- Approx. 5 x 4 m, wool carpet over foam underlay.\n- Carpet wet by the door."
    )
    # When its materials are read
    materials = _materials(text, "Lounge")
    # Then the carpet and the underlay are the lounge's
    assert {"carpet", "underlay"} <= set(materials)


def test_a_level_before_a_room_said_dry_does_not_make_it_affected() -> None:
    # Given a level heading a room said dry on the same line
    findings = analyze_text("Upstairs: study checked, dry.\nHall: carpet wet.")
    # Then only the hall is an affected area
    assert [area.room for area in findings.affected_areas] == ["Hall"]


def test_the_wall_a_cabinet_stands_against_is_not_the_cabinet() -> None:
    # Given a laundry whose wall behind the cabinet reads wet, and a kitchen whose cabinet is swollen
    text = "Laundry: cabinet wall plasterboard 88.\nKitchen: vanity wall dry, base cabinets swollen."
    # Then the laundry has its plasterboard and no cabinetry; the kitchen has its cabinets
    assert _materials(text, "Laundry") == ["plasterboard"]
    assert _materials(text, "Kitchen") == ["cabinets"]


def test_a_finish_named_then_said_fine_in_the_same_room_is_not_affected() -> None:
    # Given an ensuite said to be tiled, its wall wet, and its tiles later said fine
    text = "- Ensuite: tiled. Wet plasterboard behind the shower. Floor tiles sound.\n- Hall: tiles lifting."
    # Then the ensuite's tiles are not affected, its plasterboard is, and the hall's tiles are
    assert _materials(text, "Ensuite") == ["plasterboard"]
    assert _materials(text, "Hall") == ["tiles"]


def test_a_material_over_another_rooms_ceiling_is_the_room_the_notes_are_on() -> None:
    # Given a roof space section whose batts lie over the laundry ceiling
    text = "Laundry: vinyl wet.\n\nRoof space\nThe pink batts over the laundry ceiling are wet and sagging."
    areas = {area.room: [m.lower() for m in area.materials] for area in analyze_text(text).affected_areas}
    # Then the batts are the roof space's, not the laundry's
    assert areas["Roof space"] == ["pink batts"]
    assert areas["Laundry"] == ["vinyl"]


def test_a_material_over_a_room_with_no_surface_named_is_left_out() -> None:
    # Given a heading of the attic over a closet, and batts "over closet"
    text = "Closet: drywall stained.\n\nAttic over closet\n- batts over closet damp"
    areas = {area.room: [m.lower() for m in area.materials] for area in analyze_text(text).affected_areas}
    # Then the closet does not get the batts
    assert "batts" not in areas["Closet"]


def test_a_room_placing_the_last_item_of_a_list_places_only_its_own_item() -> None:
    # Given a summary listing what was wet, the last item placed in the cellar
    text = "Study: carpet wet.\n\nSeen: (carpet and underlay, minor wicking in the laundry only)"
    areas = {area.room: [m.lower() for m in area.materials] for area in analyze_text(text).affected_areas}
    # Then the laundry is not given the carpet and underlay
    assert not {"carpet", "underlay"} & set(areas.get("Laundry", []))


def test_a_room_placing_a_list_of_materials_places_them_all() -> None:
    # Given a list of materials placed in a room together
    text = "- Removed carpet, underlay and skirting in the lounge, all wet."
    # Then the lounge has them all
    assert {"carpet", "underlay", "skirting"} <= set(_materials(text, "Lounge"))


def test_a_finish_and_its_slab_written_as_a_pair_is_the_finish() -> None:
    # Given a shorthand note of a wet tile floor on a slab, and a slab said wet on its own
    text = "Laundry 2.0x1.5 tiles/slab whole floor wet ~3m2.\nGarage slab wet along the wall."
    # Then the laundry's tiles are affected and its slab is not; the garage slab is
    assert _materials(text, "Laundry") == ["tiles"]
    assert _materials(text, "Garage") == ["slab"]


def test_a_heading_room_keeps_a_material_placed_by_a_landmark_room_after_it() -> None:
    # Given a den heading whose stained ceiling board is described by the hallway door it runs along
    text = "- Den (ground floor): ceiling plasterboard along the hallway door, stained 1 m wide."
    # Then the plasterboard is the den's, and the hallway is no area
    findings = analyze_text(text)
    assert [area.room for area in findings.affected_areas] == ["Den"]
    assert _materials(text, "Den") == ["plasterboard"]


def test_a_landmark_room_in_a_headings_brackets_or_naming_a_wall_side_is_not_the_owner() -> None:
    # Given an ensuite headed with a landmark room in brackets, its wall named by the room beyond
    text = (
        "- Ensuite (backs onto the hallway): tiles lifting; plasterboard on the hallway side of the "
        "room wet low.\n- Hallway: carpet wet."
    )
    # Then the ensuite has its tiles and plasterboard, and the hallway only its carpet
    assert _materials(text, "Ensuite") == ["tiles", "plasterboard"]
    assert _materials(text, "Hallway") == ["carpet"]


def test_readings_said_normal_are_not_damage() -> None:
    # Given a study whose plasterboard readings are called normal, and a wet hall
    text = (
        "Study: plasterboard readings 14 and 12 (relative), which are normal.\n"
        "Hall: skirting 10 %MC - normal; carpet wet."
    )
    areas = {area.room: [m.lower() for m in area.materials] for area in analyze_text(text).affected_areas}
    # Then the study's plasterboard and the hall's skirting are not affected; the hall's carpet is
    assert "plasterboard" not in areas.get("Study", [])
    assert areas["Hall"] == ["carpet"]


def test_a_cabinet_made_of_particleboard_is_cabinetry_not_a_floor() -> None:
    # Given a laundry whose particleboard cupboards and kickboards are swollen
    text = "Laundry: particleboard base cupboards swollen, chipboard kickboards delaminating."
    # Then they are the cabinetry, and no particleboard floor is read
    assert _materials(text, "Laundry") == ["particleboard base cupboards"]


def test_a_sentence_describing_how_the_house_is_built_names_no_damage() -> None:
    # Given a build description naming materials of rooms, then the damage
    text = (
        "Single-storey brick veneer, built 1988, pink batts, plasterboard walls, carpet in the bedrooms and "
        "study, tiles in the wet areas.\nStudy: carpet soaked along the window wall."
    )
    # Then the study has only what is said to be damaged
    assert _materials(text, "Study") == ["carpet"]


def test_a_build_description_with_its_own_damage_words_still_counts() -> None:
    # Given a build description that says the den's carpet is wet
    text = "Two-storey frame house built in 1972; den carpet wet along the wall."
    # Then the den's carpet is affected
    assert _materials(text, "Den") == ["carpet"]


def test_a_heading_placing_one_room_over_another_leaves_the_notes_on_the_first() -> None:
    # Given a closet, then a roof space section headed as over the closet
    text = "Closet: plasterboard stained.\n\nRoof space over closet\n- batts damp around the vent"
    areas = {area.room: [m.lower() for m in area.materials] for area in analyze_text(text).affected_areas}
    # Then the batts are the roof space's, not the closet's
    assert areas["Closet"] == ["plasterboard"]
    assert areas["Roof space"] == ["batts"]


def test_the_utility_alone_is_the_utility_room_but_not_a_utility_closet_or_bill() -> None:
    # Given UK-style notes calling the utility room "the utility" and a map point "3 utility - ..."
    text = (
        "3 utility - skirting by the door (pin) .... 26%MC\n- Lifted and disposed vinyl in the utility, 4 m2."
    )
    # Then both are the utility room's
    assert {"skirting", "vinyl"} <= set(_materials(text, "Utility"))
    # And a utility bill or closet is no utility room
    findings = analyze_text("Paid the utility bills. Utility closet: carpet wet.")
    assert [area.room for area in findings.affected_areas] == ["Utility closet"]


def test_a_material_on_a_rooms_own_walls_is_that_rooms() -> None:
    # Given plaster wicking named by the walls of two rooms after it
    text = "Utility room: vinyl wet.\nKitchen: vinyl wet.\nPlaster wicking low on the utility room walls."
    # Then the utility room has the plaster and the kitchen does not
    assert "plaster" in _materials(text, "Utility room")
    assert "plaster" not in _materials(text, "Kitchen")


def test_a_work_lines_room_in_brackets_places_the_materials_before_it() -> None:
    # Given scope lines naming their room in brackets after the materials
    text = (
        "Study: carpet wet.\nDen: carpet wet.\n\nScope\n- remove carpet and underlay (Study)\n"
        "- pulled the vanity, flood-cut plasterboard at 600 mm (den 12 lm)"
    )
    areas = {area.room: [m.lower() for m in area.materials] for area in analyze_text(text).affected_areas}
    # Then the study has its underlay, the den its plasterboard, and nobody the vanity
    assert "underlay" in areas["Study"]
    assert "plasterboard" in areas["Den"]
    assert not any("vanity" in materials for materials in areas.values())


def test_a_material_later_said_dry_was_construction_not_damage() -> None:
    # Given a floor's construction, the water's spread, then the joists checked and found dry
    findings = analyze_text(
        "Site: 17 Haddon Street, Chifley ACT 2606\n"
        "Kitchen (4.2 x 3.6 m): oak strip flooring, secret-nailed to joists over a timber subfloor."
        " Water spread under the boards, which cupped along the fridge run.\n"
        "From the subfloor access the joists under the kitchen were checked with the pin meter and"
        " are dry; the water stayed in and under the boards.\n"
    )
    (kitchen,) = findings.affected_areas
    # Then the joists are not among the kitchen's affected materials, and the boards are
    assert "joists" not in kitchen.materials and "oak" in " ".join(kitchen.materials)


def test_a_suspended_timber_floor_is_the_structure_not_a_wood_finish() -> None:
    text = "Utility room 2.4 x 2.1 m: cushioned vinyl on 18 mm chipboard over a suspended timber floor, wet."
    materials = [m.lower() for a in analyze_text(text).affected_areas for m in a.materials]
    assert materials == ["cushioned vinyl", "chipboard"]  # (the vinyl as written)


def test_cove_base_and_us_drywall_shorthand_are_their_materials() -> None:
    # Given commercial notes writing the baseboard as cove base and the drywall as "DW"
    text = (
        "Break room 12x10: VCT wet, rubber cove base wet along the sink wall, DW wicking 6in.\n"
        "Office 2 - DW N wall @4in wet.\n"
        "DW supply hose replaced in the kitchen.\n"
    )
    # When the rooms' materials are read
    break_room, office = _materials(text, "Break room"), _materials(text, "Office 2")
    # Then the cove base is the baseboard and "DW" by a wall or wicking is drywall
    assert "rubber cove base" in break_room and "drywall" in break_room
    assert "drywall" in office
    # And a "DW" with no wall, height or wicking (the dishwasher) is no material
    from chalicelib.analysis.offline.material_words import material_words

    assert material_words("DW supply hose replaced") == []


def test_a_bare_pb_that_wicks_or_is_read_on_a_wall_is_plasterboard() -> None:
    # Given Australian notes writing plasterboard as a bare "PB"
    text = "Bed 2 (3.1 x 3.0) - carpet wet, PB wicking ~150mm on hall wall.\nLaundry - PB behind tub wet.\n"
    # When the rooms' materials are read
    bedroom = _materials(text, "Bedroom 2")
    # Then the wicking PB is plasterboard; a PB that neither wicks nor sits on a wall is left unread
    assert "plasterboard" in bedroom
    assert "plasterboard" not in _materials(text, "Laundry")


def test_one_part_said_fine_does_not_clear_another_part_of_the_same_kind() -> None:
    # Given a kitchen whose kickboards swelled while the cabinet carcasses tested dry
    text = (
        "Kitchen 4.0 x 3.2 - laminate wet over 8 m2. Kickboards swollen.\n"
        "Kitchen cabinet carcasses dry (tested).\n"
    )
    # When its materials are read
    materials = _materials(text, "Kitchen")
    # Then the kickboards stay affected
    assert "kickboards" in materials
    # And a material said fine under its own name is still cleared
    text = "Ensuite 2.0 x 1.8: tiled. Wet wall cavity behind the shower.\nEnsuite floor tiles intact.\n"
    assert not any("tile" in material for material in _materials(text, "Ensuite"))


def test_wall_linings_are_reported_as_one_wall_lining() -> None:
    # Given a consultant's plural "wall linings" for the plasterboard of a room's walls
    text = "Kitchen 3.4 x 3.0 m: water ran down the wall linings from the ceiling; linings wet to 1.2 m.\n"
    # Then the room's drywall is reported as its wall lining
    assert "wall lining" in _materials(text, "Kitchen")


def test_a_cabinets_own_board_written_as_an_aside_is_the_cabinet_not_a_floor() -> None:
    # Given a laundry whose cabinet parts are said to be of chipboard, and a floor of chipboard elsewhere
    text = (
        "Laundry 2.2 x 1.9 m: tub cabinet base (chipboard) swollen, plinth, particleboard 40 wet. "
        "Lower cabs (particleboard) wicking.\n"
        "Ensuite: vanity pulled, particleboard floor wet under it."
    )
    # When their materials are read
    laundry = _materials(text, "Laundry")
    ensuite = _materials(text, "Ensuite")
    # Then the laundry's boards are its cabinetry, and the ensuite's chipboard floor stays a floor
    assert not any("chipboard" in material or "particleboard" in material for material in laundry)
    assert any("cab" in material or "plinth" in material for material in laundry)
    assert any("particleboard" in material for material in ensuite)


def test_a_timber_species_naming_a_skirting_or_a_person_is_no_hardwood_floor() -> None:
    # Given a hall with wet oak skirting, written up by a technician whose first name is a timber
    text = (
        "Attended by: Jarrah Whitford (WRT)\n"
        "Hall 5.2 x 1.0: carpet and underlay soaked, oak skirting swollen along the bathroom wall.\n"
        "Study: Blackbutt Boards cupped near the door."
    )
    # When their materials are read
    hall = _materials(text, "Hall")
    study = _materials(text, "Study")
    # Then the hall has skirting and no hardwood floor, and the study's capitalised floor still counts
    assert "oak skirting" in hall
    assert not any(material in {"jarrah", "oak"} for material in hall)
    assert any("blackbutt" in material for material in study)


def test_a_slab_on_grade_or_multi_storey_building_description_is_not_damage() -> None:
    # Given rooms described by how they are built, then by what got wet
    text = (
        "Den 14 x 12 ft: slab on grade with 2x4 framed walls on a treated bottom plate, 1/2 in. drywall. "
        "Carpet and pad soaked across the room.\n"
        "Office 10 x 10 ft - five-storey steel and concrete building, carpet tile on the slab. Water ran in "
        "under the door, carpet tile wet by the desk.\n"
    )
    # When their materials are read
    den = _materials(text, "Den")
    office = _materials(text, "Office")
    # Then only what got wet is theirs
    assert "carpet" in den and "pad" in den and "carpet tile" in office
    assert not {"bottom plate", "drywall"} & set(den)
    assert "concrete" not in office and "slab" not in office


def test_steel_studs_are_no_wet_framing() -> None:
    # Given an office of steel-stud partitions whose drywall is wet, and a store whose studs are metal
    text = (
        "Office 3: metal studs with 5/8 drywall, drywall wet 4 in. up along the north wall.\n"
        "Store room: drywall wicking to 6 in., opened one bay and the studs are steel."
    )
    # When their materials are read
    office, store = _materials(text, "Office 3"), _materials(text, "Store room")
    # Then the drywall is affected and no framing is
    assert "drywall" in office and "drywall" in store
    assert not any("stud" in material or "fram" in material for material in (*office, *store))


def test_british_base_units_are_the_kitchen_cabinets() -> None:
    # Given a kitchen whose base units swelled in the flood
    text = "Kitchen: vinyl lifting, base units swollen at the plinth line."
    # When its materials are read
    materials = _materials(text, "Kitchen")
    # Then the base units are reported as the base cabinets
    assert "base cabinets" in materials


def test_what_the_walls_are_made_of_is_no_damage_to_them() -> None:
    # Given a bedroom whose carpet is wet, then a line saying what the walls are built of
    text = (
        "- Bedroom 2 (3.0 x 3.2 m): carpet and underlay wet along the passage wall.\n"
        "- Walls are hard plaster on brick. Wicking no more than 50 mm at the door."
    )
    # When its materials are read
    materials = _materials(text, "Bedroom 2")
    # Then the carpet and underlay are affected, and neither the plaster nor the brick is
    assert {"carpet", "underlay"} <= set(materials)
    assert not any("plaster" in material or "brick" in material for material in materials)


def test_a_material_the_sentence_leaves_out_of_the_claim_is_not_affected() -> None:
    # Given a kitchen whose ceiling board is sagging, and another unit's kitchen vinyl left off the claim
    text = (
        "Kitchen: ceiling plasterboard stained and sagging by the rangehood.\n"
        "Unit 3's own kitchen floor (vinyl) was wet too but the tenant mopped it; the owner is handling"
        " that separately so it's not on this claim."
    )
    # When the kitchen's materials are read
    materials = _materials(text, "Kitchen")
    # Then its plasterboard is affected and the vinyl is not
    assert "plasterboard" in materials and "vinyl" not in materials


def test_the_board_a_cabinet_is_made_of_is_no_floor() -> None:
    # Given a laundry whose cupboards are made of chipboard, said three ways, over a tiled slab
    text = (
        "Laundry 2.0 x 1.8 m: tiles on slab, melamine-faced chipboard wall cupboards and base units with "
        "particleboard bottoms, all swollen. Tub cabinet back panel (chipboard) 31 WME."
    )
    # When its materials are read
    materials = _materials(text, "Laundry")
    # Then the cupboards are cabinetry, and no particleboard floor is made of their board
    assert any("cabinet" in material for material in materials)
    assert not any("chipboard" in material or "particleboard" in material for material in materials)


def test_a_laminate_faced_bench_is_no_laminate_floor() -> None:
    # Given a kitchenette with laminate-faced joinery over a vinyl floor
    text = "Kitchenette: sheet vinyl wet, laminate-faced cupboards swollen at the base."
    # When its materials are read
    materials = _materials(text, "Kitchenette")
    # Then there is no laminate floor
    assert not any("laminate" in material for material in materials)


def test_commercial_linings_and_fittings_are_named_materials() -> None:
    # Given a cafe kitchen with FRP wall panels and a charred exhaust canopy, and a tea point whose
    # vinyl sits on a raised access floor
    text = (
        "Cafe kitchen 6 x 4 m: FRP panels delaminated behind the fryer, exhaust canopy charred.\n"
        "Tea point 2 x 2 m: sheet vinyl on raised access floor panels, wet about 1 m2."
    )
    # When their materials are read
    kitchen = _materials(text, "Kitchen")
    tea_point = _materials(text, "Tea point")
    # Then the panels, the canopy and the access floor are the rooms' materials
    assert "frp panels" in kitchen and "canopy" in kitchen
    assert "raised access floor panels" in tea_point


def test_limestone_walls_are_a_material_but_a_limestone_coast_firm_is_not() -> None:
    # Given a stone cottage's dining room, in notes headed by a firm named for the region
    text = (
        "LIMESTONE COAST DRYING\nDining room 4 x 4 m: lime plaster on limestone, "
        "limestone wet to 400 mm at the east wall."
    )
    # When its materials are read
    materials = _materials(text, "Dining room")
    # Then the limestone is affected, once
    assert materials.count("limestone") == 1


def test_dw_as_a_reading_rows_point_is_drywall_but_not_a_dishwasher_measured_in_units() -> None:
    # Given a reading table whose points name the drywall as "DW" by where it was read
    from chalicelib.analysis.offline.material_words import material_words

    rows = ["Laundry DW @ back door 52", "Ensuite DW beside door 61   30   12", "Study DW 18%"]
    # When each row's materials are read
    # Then each "DW" is drywall
    for row in rows:
        assert [word.key for word in material_words(row)] == ["drywall"], row
    # And a dishwasher pulled out or run for some hours is no material
    assert material_words("DW pulled out 2 ft from the bench") == []
    assert material_words("DW ran for 3 hrs overnight") == []


def test_a_board_in_a_cabinets_next_cell_or_named_as_its_bases_is_the_cabinet() -> None:
    from chalicelib.analysis.offline.material_words import material_words

    # Given a legend row, a table row and a scope line naming a cabinet and then its board
    lines = [
        "D - sink cupboard carcass by DW - particleboard - 29 WME",
        "| K3 | Laundry kickboard | chipboard | 36 |",
        "- Remove the vanity kickboards and particleboard bases.",
    ]
    # Then the board is the cabinet's, not a floor
    for line in lines:
        assert {word.key for word in material_words(line)} == {"cabinetry"}, line
    # And a board said wet after a cabinet said dry is still the floor
    keys = [word.key for word in material_words("Cabinets dry - particleboard wet in the hall")]
    assert keys == ["cabinetry", "particleboard"]


def test_a_bare_tiles_is_the_rooms_carpet_tiles_not_a_ceramic_floor() -> None:
    # Given an office laid with carpet tiles, later called just "tiles"
    text = (
        "Office: carpet tiles wet along the west wall, about 10 m2.\n"
        "Office: tiles lifted and stacked; slab under the lifted tiles 5.2%."
    )
    # When its materials are read
    materials = _materials(text, "Office")
    # Then the carpet tiles are affected and no ceramic tile is made up
    assert "carpet tiles" in materials
    assert "tiles" not in materials and "tile" not in materials


def test_ceramic_tiles_beside_carpet_tiles_keep_their_own_name() -> None:
    # Given a kitchen with carpet tiles and a wet ceramic tiled floor at the sink
    text = "Kitchen: carpet tiles soaked near the door; ceramic tiles at the sink wet and grout dark."
    # When its materials are read
    materials = _materials(text, "Kitchen")
    # Then both floors are kept
    assert "carpet tiles" in materials and "ceramic tiles" in materials


def test_cork_flooring_is_read_as_cork() -> None:
    # Given a sunroom with a glued cork floor that lifted
    text = "Sunroom 4 x 3 m: cork tiles lifting and swollen at the joins, wet over most of the floor."
    # When its materials are read
    materials = _materials(text, "Sunroom")
    # Then the floor is cork, not a ceramic tile
    assert materials == ["cork tiles"]


def test_a_bare_tiles_is_kept_where_the_notes_have_ceiling_tiles_too() -> None:
    # Given an office with acoustic ceiling tiles and carpet tiles, whose bare "tiles" fell from above
    text = (
        "Office: suspended ceiling with acoustic tiles over carpet tiles; carpet tiles wet by the door.\n"
        "Office: tiles collapsed onto the desk and are saturated."
    )
    # When its materials are read
    materials = _materials(text, "Office")
    # Then the fallen tiles are kept beside the carpet tiles
    assert "carpet tiles" in materials
    assert "tiles" in materials or "acoustic tiles" in materials


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ceiling tiles the notes say are fine: the bare "tiles" can only be the carpet tiles
        (
            "Office: carpet tiles wet by the door, about 8 m2.\nOffice: slab under the lifted tiles 4.9%.\n"
            "Ceiling tiles above the office dry on the meter.",
            False,
        ),
        (
            "Office: carpet tiles wet by the door, about 8 m2.\nOffice: slab under the lifted tiles 4.9%.\n"
            "No leak from above; the acoustic tiles are intact.",
            False,
        ),
        # near miss: ceiling tiles the notes do not clear may be what "tiles" means
        (
            "Office: carpet tiles wet by the door, about 8 m2.\nOffice: tiles sagging and stained, some"
            " fallen.\nCeiling tiles above the office stained brown.",
            True,
        ),
    ],
)
def test_ceiling_tiles_said_fine_leave_a_bare_tiles_to_the_carpet_tiles(text: str, expected: bool) -> None:
    # Given an office with carpet tiles, a bare "tiles", and ceiling tiles named elsewhere
    materials = _materials(text, "Office")
    # Then the bare name is dropped only where every ceiling tile is said fine
    assert "carpet tiles" in materials
    assert ("tiles" in materials) is expected


def test_a_bare_wet_word_after_a_finish_and_its_slab_is_the_finishs() -> None:
    # Given floors written as a finish on a slab followed by how wet the floor is
    cases = [
        ("Den 3.1 x 2.9 m, sheet vinyl on slab, wet right across.", "Den"),
        ("Rumpus: carpet tiles over the concrete, wet for about 9 m2 by the door.", "Rumpus"),
        ("Study 3 x 3 m - LVP on plywood all wet.", "Study"),
    ]
    for text, room in cases:
        materials = _materials(text, room)
        # Then the finish is affected and the structure under it is not
        assert any(word in m for m in materials for word in ("vinyl", "carpet", "lvp")), text
        assert not any(word in m for m in materials for word in ("slab", "concrete", "plywood")), text


def test_a_slab_the_sentence_itself_calls_wet_is_affected() -> None:
    # Given the structure under a finish said wet in its own words
    cases = [
        ("Den 3.1 x 2.9 m: sheet vinyl on slab, slab also wet at the drain.", "Den"),
        ("Rumpus: carpet tiles over the concrete, which was wet under them.", "Rumpus"),
        ("Study 3 x 3 m - LVP on plywood, both wet.", "Study"),
    ]
    for text, room in cases:
        materials = _materials(text, room)
        # Then it is affected too
        assert any(word in m for m in materials for word in ("slab", "concrete", "plywood")), (
            text,
            materials,
        )


def test_a_line_that_opens_by_describing_the_building_describes_it_until_the_damage() -> None:
    # Given description lines, labelled or opening with the building's age, before the damage lines
    cases = [
        (
            "Dwelling: 1964 brick cottage, gyprock linings, carpet in the den, vinyl in the scullery.\n"
            "Den: carpet soaked at the window.",
            "Den",
        ),
        (
            "Construction - two-storey, 1980s, timber frame. Den floor is engineered oak. "
            "Den walls gyprock.\n"
            "Den: carpet soaked along the wall by the laundry.",
            "Den",
        ),
    ]
    for text, room in cases:
        materials = _materials(text, room)
        # Then the den has only what the damage line names
        assert materials == ["carpet"], (text, materials)


def test_a_description_line_goes_on_to_the_damage_it_names() -> None:
    # Given a description line whose later sentence says what got wet
    text = "Building: 1990s single-level unit. Den carpet and underlay soaked along the east wall."
    # Then the damage sentence's materials are affected
    assert {"carpet", "underlay"} <= set(_materials(text, "Den"))


def test_a_line_with_no_description_is_read_as_before() -> None:
    # Given a room line that names a year for another reason
    text = "Den: carpet soaked, the 2019 claim's underlay was replaced then and is wet again."
    # Then its materials are affected
    assert {"carpet", "underlay"} <= set(_materials(text, "Den"))


def test_a_finish_said_fine_on_a_later_line_in_the_plural_or_bare_is_cleared() -> None:
    # Given a room whose finish is named with a describing word, then said fine by its bare plural
    cases = [
        "Scullery 2.4 x 2.0 m, glazed tile on slab, gyprock wicked to 200 mm.\nAll tiles + grout fine.",
        "Scullery 2.4 x 2.0 m: glazed tiles, gyprock wicked to 200 mm.\nThe tile itself was sound.",
        "Scullery 2.4 x 2.0 m, glazed tiles underfoot and gyprock walls. The tiles shed the water, nothing "
        "soaked in.\nScullery gyprock wicked to 200 mm.",
    ]
    for text in cases:
        materials = _materials(text, "Scullery")
        # Then only the lining is affected
        assert materials == ["gyprock"], (text, materials)


def test_another_part_of_the_same_kind_said_fine_does_not_clear_the_first() -> None:
    # Given a swollen kickboard and a cabinet carcass said dry
    text = "Scullery: kickboards swollen along the sink run.\nCabinet carcasses dry."
    # Then the kickboards stay affected
    assert _materials(text, "Scullery") == ["kickboards"]


def test_a_description_line_stops_at_a_room_given_its_size() -> None:
    # Given a description line that goes on to a room's own entry with its size
    text = (
        "Dwelling: 1950s brick cottage, timber floors. "
        "Scullery 2.4 x 1.8 m at the back, glazed tiles, gyprock."
    )
    # Then the room's entry is read as the notes' own room line, as before
    assert {"tiles", "gyprock"} <= set(_materials(text, "Scullery"))


_CUSHION_VINYL = [
    # a vinyl sheet with its own foam backing is one floor finish, no underlay
    ("Laundry: cushion vinyl lifting at the tub, wet under it.", [("vinyl", "cushion vinyl")]),
    ("Lifted the cushioned vinyl in the scullery, 6 m2.", [("vinyl", "cushioned vinyl")]),
    ("Meals area cushion flooring bubbled near the fridge.", [("vinyl", "cushion flooring")]),
    # the near miss: a carpet's cushion is the underlay under it
    ("Study carpet and cushion soaked by the window.", [("carpet", "carpet"), ("underlay", "cushion")]),
]


@pytest.mark.parametrize(("line", "expected"), _CUSHION_VINYL)
def test_a_cushion_vinyl_is_a_vinyl_floor_and_a_carpets_cushion_its_underlay(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert [(word.key, word.name) for word in material_words(line)] == expected


_FINISH_TURNED_UP = [
    # a coved or tiled skirting is the floor finish turned up the wall: that floor, no baseboard
    ("Surgery 3: safety vinyl with coved skirting, wet over 6 m2.", ["vinyl"]),
    ("Powder room: porcelain tile on screed with a tiled skirting, all wet.", ["tile", "concrete"]),
    ("Cove skirting along the bench wall lifting.", []),
    # the near misses: a timber skirting is a baseboard, and a US vinyl cove base is a strip of its own
    ("Den: MDF skirting swollen along the east wall.", ["baseboard"]),
    ("Break room: rubber cove base pulled, 14 LF.", ["baseboard"]),
]


@pytest.mark.parametrize(("line", "keys"), _FINISH_TURNED_UP)
def test_a_coved_or_tiled_skirting_is_its_floor_turned_up_the_wall(line: str, keys: list[str]) -> None:
    assert [word.key for word in material_words(line)] == keys


_BOARDS_AND_KICKS = [
    # a floor's boards named by their timber, or "floor boards" in two words, are its timber floor
    ("Lounge: Baltic pine boards cupped along the hearth.", [("hardwood", "baltic pine boards")]),
    ("Back room floor boards wet under the rug.", [("hardwood", "floor boards")]),
    ("T&G softwood boards swollen at the door.", [("hardwood", "t&g softwood boards")]),
    # the near misses: skirting boards and plasterboard are no floor, a bare "boards" is only "boards"
    # (the job's named board floor decides it, surface_materials), and one "pine board" is as often a
    # shelf or a panel
    ("Hall: pine skirting boards wet.", [("baseboard", "pine skirting boards")]),
    (
        "Store: boards stacked by the door, plasterboard dry.",
        [("boards", "boards"), ("drywall", "plasterboard")],
    ),
    ("Pantry: pine board at the back of the shelf stained.", []),
]


@pytest.mark.parametrize(("line", "expected"), _BOARDS_AND_KICKS)
def test_a_floors_boards_named_by_their_timber_are_its_timber_floor(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert [(word.key, word.name) for word in material_words(line)] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Kitchen: upper cabs stained underneath, sink cab floor swollen",
            [("cabinetry", "upper cabinets"), ("cabinetry", "sink cabinet")],
        ),
        (
            "laundry cab kick delaminating; pantry cabs dry",
            [("cabinetry", "laundry cabinet"), ("cabinetry", "pantry cabinets")],
        ),
        # the board a short-named cabinet is made of is the cabinet's, not a floor
        ("vanity cab base (particleboard) 31", [("cabinetry", "vanity cabinet")]),
        (
            "MDF island cabs lifting at the plinth",
            [("cabinetry", "island cabinets"), ("cabinetry", "plinth")],
        ),
    ],
)
def test_a_cab_said_of_which_cabinet_is_the_cabinetry(line: str, expected: list[tuple[str, str]]) -> None:
    # Given a field note writing "cab" for a cabinet, with a word that says which one
    words = [(word.key, word.name) for word in material_words(line)]
    # Then it is the cabinetry, reported in full, and no floor board is read from it
    assert words == expected


@pytest.mark.parametrize(
    "line", ["Called a cab for the tenant at 9 pm", "Truck cab parked on the slab apron"]
)
def test_a_bare_or_vehicle_cab_is_no_cabinet(line: str) -> None:
    assert all(word.key != "cabinetry" for word in material_words(line))


@pytest.mark.parametrize(
    "line",
    [
        "Lifted two hall boards for subfloor access, to be relaid.",
        "Joists under the study checked from the subfloor through the hatch, sound.",
        "Second dehumidifier ducted into the subfloor below the study.",
        "Timber-framed house on piles, ventilated subfloor about 600 mm high.",
        "Checked the subfloor vents: two blocked by garden beds.",
    ],
)
def test_the_subfloor_named_as_the_space_under_the_floor_is_no_affected_sheet(line: str) -> None:
    # Given a study whose carpet is wet, and a line naming the subfloor as the space below
    text = f"Study 3.2 x 3.0 m: carpet and underlay wet along the robe wall, approx 4 m2.\n{line}\n"
    # Then the study's carpet is affected and no subfloor sheet is made up
    materials = _materials(text, "Study")
    assert "carpet" in materials
    assert not any("subfloor" in material for material in materials)


@pytest.mark.parametrize(
    "line",
    [
        "Subfloor wet under the robe wall, particle board swollen at the joins.",
        "Water soaked into the subfloor along the robe wall.",
    ],
)
def test_the_subfloor_said_wet_is_the_floor_sheet(line: str) -> None:
    text = f"Study 3.2 x 3.0 m: carpet and underlay wet along the robe wall, approx 4 m2. {line}\n"
    assert any("subfloor" in material for material in _materials(text, "Study"))
