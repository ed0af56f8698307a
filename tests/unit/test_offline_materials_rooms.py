"""Which materials the notes say were affected, and which room each belongs to."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.material_words import material_words


def _materials(text: str) -> dict[str, set[str]]:
    findings = analyze_text(text)
    return {area.room: set(area.materials) for area in findings.affected_areas}


def test_field_abbreviations_name_their_materials() -> None:
    # Given a line of shorthand a technician writes
    words = material_words("Rumpus cpt + u/lay soaked, pbd and skirts wicking, GIB behind, LVP lifting, OSB")
    # When its materials are read
    found = [(word.key, word.name) for word in words]
    # Then each abbreviation is its material, reported in full
    assert found == [
        ("carpet", "carpet"),
        ("underlay", "underlay"),
        ("drywall", "plasterboard"),
        ("baseboard", "skirting"),
        ("drywall", "plasterboard"),
        ("vinyl", "lvp"),
        ("plywood", "osb"),
    ]
    # And the frame is read part by part, but a door frame is not framing
    assert [word.key for word in material_words("wet sole plate and studs, door frame stained")] == [
        "framing",
        "framing",
    ]


def test_rooms_written_as_a_list_share_the_materials_said_after_them() -> None:
    # Given notes where two rooms share one line of damage
    text = "Study and bed 3: cpt + u/l wet through, skirt wicking.\nKitchen vinyl checked - dry."
    # When they are analysed
    materials = _materials(text)
    # Then both rooms have every material, and the dry kitchen has none
    assert materials["Study"] == {"carpet", "underlay", "skirting"}
    assert materials["Bedroom 3"] == {"carpet", "underlay", "skirting"}
    assert "Kitchen" not in materials


def test_a_material_placed_in_rooms_after_it_is_theirs() -> None:
    # Given a sentence that names the material first and its rooms after
    text = "Flood water through the house. Carpet and underlay in the den and the study are saturated."
    # When it is analysed
    materials = _materials(text)
    # Then each room has the carpet and underlay
    assert materials["Den"] == {"carpet", "underlay"}
    assert materials["Study"] == {"carpet", "underlay"}


def test_a_later_sentence_about_the_same_room_adds_its_material() -> None:
    # Given a room named once and its skirting spoken of in the next sentence
    text = "The study carpet was soaked along the north wall. The skirting there had swollen too."
    # When it is analysed
    # Then the skirting is the study's
    assert _materials(text)["Study"] == {"carpet", "skirting"}


def test_denied_hedged_and_context_materials_are_not_affected() -> None:
    # Given a room whose notes deny, hedge or only mention some materials
    text = (
        "Study: carpet wet across half the room. No laminate or tiles in this room; the slab itself was"
        " dry. Built slab-on-grade. The plasterboard may have wicked, to be checked."
    )
    # When it is analysed
    materials = _materials(text)["Study"]
    # Then only the carpet is affected
    assert materials == {"carpet"}


def test_work_that_removes_a_material_marks_it_affected_but_cleaning_does_not() -> None:
    # Given scope lines that remove some materials and only clean others
    text = (
        "Den: water across the floor.\n"
        "Scope:\n"
        "- Den: remove and dispose of underlay, 12 m2\n"
        "- Antimicrobial to the den slab\n"
        "- Detach and reset den kickboards"
    )
    # When it is analysed
    materials = _materials(text)["Den"]
    # Then the removed underlay is affected; the cleaned slab and reset kickboards are not
    assert "underlay" in materials
    assert "slab" not in materials
    assert not {"kickboards", "kickboard"} & materials


def test_a_reading_of_a_material_marks_it_affected_unless_it_is_the_dry_standard() -> None:
    # Given a readings line with a reference entry and affected entries
    text = "Study carpet wet.\nReadings: ref bed 1 skirt 11 / study skirt 28 / study pbd 31"
    # When it is analysed
    materials = _materials(text)
    # Then the study's skirting and plasterboard are affected, and bedroom 1 is no area
    assert materials["Study"] == {"carpet", "skirting", "plasterboard"}
    assert "Bedroom 1" not in materials


def test_cabinetry_named_as_a_landmark_is_not_damage() -> None:
    # Given water that sat against a vanity whose kickboard swelled
    text = (
        "Ensuite: water pooled against the vanity. Kickboard swollen and plasterboard behind the vanity wet."
    )
    # When it is analysed
    materials = _materials(text)["Ensuite"]
    # Then the kickboard and plasterboard are affected, the vanity itself is not named
    assert materials == {"kickboard", "plasterboard"}


def test_what_no_mould_was_found_on_is_not_affected() -> None:
    # Given a ceiling cut that showed a damp board and clean framing
    text = "Den: ceiling plasterboard wet at the stain; no visible mould on the back of it or the framing."
    # When it is analysed
    materials = _materials(text)["Den"]
    # Then the plasterboard is affected and the framing is not
    assert materials == {"plasterboard"}


def test_block_walls_are_masonry_and_a_joist_bay_is_no_framing() -> None:
    # Given concrete block walls and an open joist bay
    words = material_words("concrete block walls wicked; the joist bay was open")
    # When their materials are read
    # Then the block walls are masonry and nothing else is named
    assert [(word.key, word.name) for word in words] == [("masonry", "concrete block")]


def test_a_bare_pb_is_plasterboard_on_a_ceiling_or_wall_and_particleboard_on_a_floor() -> None:
    # Given "PB" written where it is on a ceiling, a wall, a floor, and in a list with no place
    def read(text: str) -> list[tuple[str, str]]:
        return [(word.key, word.name) for word in material_words(text)]

    # Then the ceiling's and wall's are plasterboard, the floor's particleboard
    assert read("clg PB sagging") == [("drywall", "plasterboard")]
    assert read("walls PB wet N + E") == [("drywall", "plasterboard")]
    assert read("PB floor swollen at the joints") == [("particleboard", "particleboard")]
    # And a PB nothing places is not guessed at
    assert read("DW leak, PB swollen") == []


def test_a_room_named_for_access_in_a_later_clause_is_not_affected() -> None:
    # Given a room section whose line names the roof space and hall only for the access hatch
    notes = (
        "LOUNGE approx 5.0 x 4.2\n"
        "- batts above lounge soaked, roof space access via manhole in hall\n"
        "- walls PB wet N + E\n"
        "- carpet + u/lay wet under drip zone\n"
    )
    # When it is read
    materials = _materials(notes)
    # Then the hall is not an area, and what follows is still the lounge's
    assert set(materials) == {"Lounge"}
    assert {"plasterboard", "carpet", "underlay"} <= materials["Lounge"]


def test_a_room_only_named_in_a_damage_sentence_then_called_unaffected_is_not_an_area() -> None:
    # Given a mould survey: one room graded Condition 3, another Condition 1, and a hall first named
    # in a sentence about spores, then given its own verdict
    notes = (
        "Bedroom 1 (3.9 x 3.3 m) - CONDITION 3\n"
        "Visible growth on the external wall behind the wardrobe, about 1.4 m2.\n"
        "Bedroom 2 - CONDITION 2\n"
        "Settled spores from bedroom 1, we believe, as the two rooms share the hall.\n"
        "Living room - CONDITION 1\n"
        "Normal fungal ecology; walls read dry.\n"
        "Hall: the walls read dry. Not affected.\n"
    )
    # When it is read
    rooms = set(_materials(notes))
    # Then the Condition 1 room and the hall are not areas
    assert "Living room" not in rooms and "Hall" not in rooms
    assert {"Bedroom 1", "Bedroom 2"} <= rooms


def test_a_scope_line_places_its_materials_in_the_rooms_listed_after_them() -> None:
    # Given an estimate whose lines name the work and material, then the rooms, then the quantity
    notes = (
        "Rec room: carpet and pad soaked.\n"
        "Bedroom 3: carpet wet along the closet wall.\n"
        "Office: carpet tile wet.\n"
        "Scope\n"
        "- Remove and dispose baseboard, rec room and bedroom 3: 46 LF\n"
        "- Tear out vinyl cove base - 12 LF (office)\n"
        "- Remove drywall for drying, bedroom 3: 9 LF\n"
        "- Clean vinyl, rec room and bedroom 3: 80 SF\n"
    )
    # When it is read
    materials = _materials(notes)
    # Then the removed baseboard and drywall are each listed room's, and the cleaned vinyl no one's
    assert "baseboard" in materials["Rec room"]
    assert {"baseboard", "drywall"} <= materials["Bedroom 3"]
    assert "drywall" not in materials["Rec room"]
    assert "vinyl cove base" in materials["Office"]
    assert not any(material == "vinyl" for room in materials.values() for material in room)


def test_materials_taken_from_a_list_of_rooms_with_their_sizes_are_each_rooms() -> None:
    # Given prose saying where the carpet was taken from, each room with its area in brackets
    notes = (
        "Family room: water across the floor. Bedroom 1: wet along the hall wall. Hall: wet throughout.\n"
        "The carpet and underlay were lifted and dumped from the family room (18 m2), bedroom 1 (10 m2)"
        " and the hall (5 m2).\n"
    )
    # When it is read
    materials = _materials(notes)
    # Then each listed room has both
    for room in ("Family room", "Bedroom 1", "Hall"):
        assert {"carpet", "underlay"} <= materials[room], materials
    # And water coming "from" a room does not place a material there
    notes = "Kitchen: vinyl wet. Laundry: tiles wet.\nThe kitchen vinyl was wet from the laundry.\n"
    assert "vinyl" not in _materials(notes)["Laundry"]


def test_a_scope_lines_rooms_with_quantities_and_a_note_on_the_material() -> None:
    # Given estimate lines giving each room's quantity after it, and a note in brackets on the material
    notes = (
        "Hall: carpet wet. Bedroom 2: carpet wet. Hall closet: vinyl wet. Den: carpet wet.\n"
        "Scope\n"
        "- Remove baseboard - hall 6 LF, BR2 12 LF, closet 14 LF\n"
        "- Remove baseboard (rubber cove), den: 9 LF\n"
    )
    # When it is read
    materials = _materials(notes)
    # Then "hall 6 LF" is the hall and six feet of it, not a room called Hall 6, and each room has it
    assert {"Hall", "Bedroom 2", "Hall closet", "Den"} == set(materials), materials
    assert all("baseboard" in materials[room] for room in ("Hall", "Bedroom 2", "Hall closet"))
    assert "baseboard" in materials["Den"]


def test_a_table_rows_materials_are_its_first_cells_room_not_a_landmark_in_another_cell() -> None:
    # Given a Word table of rooms whose wet-extent cell names the room the water came from
    notes = (
        "Room | Size | Wet | Materials\n"
        "Laundry | 9 x 6 ft | whole floor | sheet vinyl, drywall\n"
        "Den | 12 x 11 ft | 40 sq ft along the wall shared with the laundry | carpet, pad, drywall\n"
    )
    # When it is read
    materials = _materials(notes)
    # Then the den's carpet and pad are the den's, not the laundry's
    assert {"carpet", "pad", "drywall"} <= materials["Den"], materials
    assert not {"carpet", "pad"} & materials["Laundry"]


def test_a_room_less_estimate_line_joins_the_one_room_holding_its_siblings() -> None:
    # Given a den and a mud room, and an estimate whose lines name no room
    text = (
        "Den 14 x 12 ft: carpet and pad soaked, drywall wicking 8 in. on two walls.\n"
        "Mud room 6 x 6 ft: vinyl wet, drywall wet at the base.\n"
        "\n"
        "Class 2: one room's carpet and pad plus wicking.\n"
        "\n"
        "Estimate\n"
        "- Remove and bag pad, 168 SF\n"
        "- Remove carpet, 168 SF\n"
        "- Flood cut drywall 2 ft, 30 LF\n"
        "- Remove and dispose baseboard, 30 LF\n"
    )
    # When the areas' materials are read
    areas = {area.room: [m.lower() for m in area.materials] for area in analyze_text(text).affected_areas}
    # Then the baseboard is the den's, the only room with the carpet, pad and drywall, not the mud room's
    assert "baseboard" in areas["Den"]
    assert "baseboard" not in areas["Mud room"]


def test_a_counted_equipment_spot_is_no_material_of_the_room_before_it() -> None:
    # Given a shop whose air movers are counted by where they stood, one of them on the rear slab
    text = (
        "Office 2 3.0 x 3.0 m: carpet tiles wet along the front wall.\n"
        "Equipment: 4 air movers (3 Office 2, 1 rear slab by the roller door), 1 LGR dehumidifier."
    )
    # When the office's materials are read
    area = next(area for area in analyze_text(text).affected_areas if area.room == "Office 2")
    # Then the slab the air mover stood on is not the office's
    assert not any("slab" in material or "concrete" in material for material in area.materials)


def test_the_next_object_of_a_cleaning_verb_is_cleaned_too() -> None:
    # Given a scope that sprays sanitiser over two floors, the second named past the verb's reach
    text = (
        "Studio, 8 x 6 m: timber floor cupped and wet.\nReception, 3 x 3 m: carpet tiles wet.\n\n"
        "Scope of works\n"
        "- Sanitiser sprayed over the studio timber floor (48 m2) and the reception concrete floor (9 m2).\n"
    )
    # When the reception's materials are read
    area = next(area for area in analyze_text(text).affected_areas if area.room == "Reception")
    # Then its concrete, only sanitised, is not an affected material
    assert not any("concrete" in material for material in area.materials)


def test_a_room_named_only_by_its_door_does_not_take_the_rows_after_it() -> None:
    # Given readings grouped under room headings, one row placed at another room's door
    text = (
        "Laundry: vinyl and plasterboard wet from the washer hose.\n"
        "Rumpus: carpet wet along the laundry wall.\n"
        "Readings (WME)\n"
        "Rumpus\n"
        "  carpet at laundry doorway: 38 | 20\n"
        "  skirting beside the couch: 26 | 15\n"
    )
    # When they are analysed
    materials = _materials(text)
    # Then the skirting stays with the room under whose heading it was read
    assert "skirting" in materials["Rumpus"]
    assert "skirting" not in materials["Laundry"]


def test_an_equipment_log_or_air_readings_do_not_move_the_notes_to_their_room() -> None:
    # Given a wet lounge, then an air reading and an equipment log naming the kitchen, then work done
    lines = [
        "Lounge: carpet and underlay wet, skirting wicking.",
        "Kitchen: vinyl wet at the sink.",
        "Lounge carpet checked again.",
        "Atmospherics: Mar 3 kitchen 22 / 60, outside 15 / 70",
        "AM-1 Air mover Lounge Mar 3 Mar 6",
        "DH-1 LGR dehumidifier Kitchen Mar 3 Mar 6",
        "Work done Mar 3: carpet lifted and floated; underlay bagged; skirting left on.",
    ]
    # When they are analysed
    materials = _materials("\n".join(lines))
    # Then the work line's carpet is not put in the kitchen the log rows ended on
    assert "carpet" not in materials["Kitchen"]
    assert "carpet" in materials["Lounge"]


def test_a_room_named_in_a_bracketed_aside_does_not_take_the_materials_after_it() -> None:
    # Given a porch whose bracket mentions the laundry, then the porch's own damage after the bracket
    text = (
        "Kitchen: cupboards wet, plasterboard wicking 150 mm.\n"
        "- The back porch (vinyl floor, the laundry tub is out there too) got water across the vinyl and "
        "the plasterboard wicked about 100 mm by the door."
    )
    # Then the plasterboard is the porch's
    assert "plasterboard" in _materials(text)["Back porch"]


def test_a_scope_line_lists_its_rooms_after_the_height_of_the_cut() -> None:
    # Given two wet rooms, then an estimate line cutting the lining at a height in both
    text = (
        "Rumpus: carpet wet. Study: carpet wet along the door.\n"
        "Scope:\n"
        "- Flood cut drywall 2 ft, rumpus and study 52 LF: approved."
    )
    # Then both rooms have the drywall
    found = _materials(text)
    assert "drywall" in found["Rumpus"]
    assert "drywall" in found["Study"]


def test_a_neighbour_named_for_a_shared_wall_does_not_take_the_rooms_materials() -> None:
    # Given a wet store room, then two rooms whose damage is along the wall they share with it
    text = (
        "Store room (3.0 x 2.5 m): carpet tiles wet throughout, plasterboard wet to 300 mm.\n"
        "Consult room 1 (3.5 x 3.0 m): a strip along the wall it shares with the store room, 0.4 m wide. "
        "Plasterboard on that wall wet at the bottom.\n"
        "Consult room 2: plasterboard ceiling stained. Carpet damp along the wall shared with the store room."
    )
    found = _materials(text)
    # Then each room keeps its own materials
    assert "plasterboard" in found["Consult room 1"]
    assert "carpet" in found["Consult room 2"]


def test_a_room_written_short_later_is_the_room_it_ends_with() -> None:
    # Given two named practice rooms, then a work line calling one of them by its number alone
    text = (
        "3.2 Rehearsal room 5: plaster ceiling partly down, carpet wet under the fall.\n"
        "3.3 Rehearsal room 4: plasterboard ceiling stained.\n"
        "6.1 Done: the rest of the room 5 ceiling taken down; wet underlay in room 5 lifted and bagged."
    )
    found = _materials(text)
    # Then "room 5" is Rehearsal room 5, and no room of its own
    assert "underlay" in found["Rehearsal room 5"]
    assert "Room 5" not in found


def test_what_reinstatement_puts_back_is_not_what_the_water_reached() -> None:
    # Given a den whose carpet got wet, then work lines that only put materials back
    cases = [
        "Den 3 x 3 m: carpet and underlay soaked.\n- Reinstatement (laminate, paint) quoted separately.",
        "Den 3 x 3 m: carpet and underlay soaked.\n- Supply/install 1.2 lm pine skirting, paint to match.",
        "Den 3 x 3 m: carpet and underlay soaked.\n- Install new laminate with foam underlay once dry.",
    ]
    for text in cases:
        # Then the den has only what got wet
        assert _materials(text)["Den"] == {"carpet", "underlay"}, text


def test_a_material_removed_then_put_back_new_was_reached() -> None:
    # Given skirting that is removed and replaced with new
    text = (
        "Den 3 x 3 m: carpet and underlay soaked.\n- Remove skirting 12 lm, supply and install new skirting."
    )
    # Then the skirting is affected
    assert "skirting" in _materials(text)["Den"]


def test_a_class_sentence_gives_a_room_only_the_materials_it_places_there() -> None:
    # Given a class sentence naming a room's ceiling and materials of another storey
    text = (
        "Rumpus 5 x 4 m: carpet soaked along the east wall.\n"
        "Class 3 - water from above, the rumpus ceiling soaked through, plus carpet and underlay upstairs."
    )
    # Then the rumpus keeps its own carpet and ceiling, and is given no underlay
    assert _materials(text)["Rumpus"] == {"carpet", "ceiling"}


def test_a_class_sentence_placing_materials_in_rooms_still_places_them() -> None:
    # Given a class sentence that writes each material beside its room
    text = "Class 2 - den carpet/underlay wet, gyprock wicking in the study to 250 mm."
    found = _materials(text)
    # Then each room has its own
    assert found["Den"] == {"carpet", "underlay"} and found["Study"] == {"gyprock"}


def test_a_line_after_a_table_of_rooms_is_not_the_last_rows() -> None:
    # Given a table of rooms, then a prose line naming materials and no room
    text = (
        "|Room|Size|Materials|\n"
        "|Scullery|2 x 2 m|vinyl wet, gyprock wicked|\n"
        "|Den|3 x 3 m|carpet soaked|\n"
        "Checked under the vinyl before lifting: none, hardboard straight onto boards."
    )
    found = _materials(text)
    # Then the den, the last row, is not given the line's materials
    assert found["Den"] == {"carpet"}


def test_a_line_after_a_table_under_a_room_heading_is_still_that_rooms() -> None:
    # Given a room heading, a readings table with no rooms of its own, then a prose line
    text = "Den 3 x 3 m\n|Point|Material|Reading|\n|1|skirting|28|\nGyprock wicked to 300 mm."
    # Then the prose line's material is the den's
    assert _materials(text)["Den"] == {"skirting", "gyprock"}


def test_hardboard_under_vinyl_or_as_a_lining_is_read() -> None:
    # Given hardboard lifted with a vinyl floor and a hardboard lining with growth
    text = (
        "Scullery: vinyl and hardboard lifted, both wet.\nDen: growth on the hardboard lining by the window."
    )
    found = _materials(text)
    # Then each is the room's material
    assert "hardboard" in found["Scullery"] and "hardboard lining" in found["Den"]


def test_a_photo_logs_materials_are_not_a_rooms_damage() -> None:
    # Given a den's damage, then a photo log naming materials in the order they were photographed
    text = (
        "Den 3 x 3 m: carpet soaked along the wall.\n"
        "Photos\n"
        "Before: den carpet, meter screens. During: vinyl up, gyprock cut-out, batts bagged.\n"
    )
    # Then the den has only its own damage
    assert _materials(text)["Den"] == {"carpet"}


def test_a_photo_count_line_is_no_photo_log() -> None:
    # Given a line that counts photos, then the den's damage
    text = "Photos 1-12 uploaded.\nDen 3 x 3 m: carpet soaked, gyprock wicked to 300 mm."
    # Then the den's materials are read
    assert _materials(text)["Den"] == {"carpet", "gyprock"}


# (notes, {room: materials}): the rest of a room said fine after the room itself leaves the notes on
# that room, so the next line's material is its; a room named only as fine does not (the near miss).
_REST_OF_ROOM_FINE = [
    (
        "Leak 3/4/2026.\nLaundry 2.1 x 1.8. Vinyl wet at the tub. Rest of laundry floor dry.\n"
        "Skirting swollen 2 lm.",
        {"Laundry": {"vinyl", "skirting"}},
    ),
    (
        "Leak 3/4/2026.\nScullery 2.4 x 2.0. Sheet vinyl soaked near the sink."
        " Remainder of scullery floor dry on the meter.\nKickboards swollen 1.2 lm.",
        {"Scullery": {"sheet vinyl", "kickboards"}},
    ),
    (
        "Leak 3/4/2026.\nScullery sheet vinyl soaked near the sink.\nPantry checked, dry.\n"
        "Kickboards swollen.",
        {"Scullery": {"sheet vinyl"}},
    ),
]


@pytest.mark.parametrize(("text", "expected"), _REST_OF_ROOM_FINE)
def test_the_rest_of_a_room_said_fine_leaves_the_notes_on_that_room(
    text: str, expected: dict[str, set[str]]
) -> None:
    assert _materials(text) == expected


# (notes, {room: materials}): joinery stands in the rooms with plumbing; a cabinet the notes name while
# on a living room, bedroom or passage is not that room's, while a hall bathroom's or a kitchenette's
# is (the near misses).
_CABINETS_WHERE_PLUMBED = [
    (
        "Leak 3/4/2026.\nThe water ran out of the kitchen and across the lounge carpet. There was a tide mark"
        " on the kickboard.\nKitchen vinyl wet.",
        {"Kitchen": {"vinyl"}, "Lounge": {"carpet"}},
    ),
    (
        "Leak 3/4/2026.\nHall bath 8 x 5 ft: vanity base swollen, tile wet.\n"
        "Hallway carpet wet; the vanity toe kick by the door reads 30.",
        {"Hall bath": {"vanity", "tile"}, "Hallway": {"carpet"}},
    ),
    (
        "Leak 3/4/2026.\nKitchenette: kickboards swollen. Corridor carpet wet.",
        {"Kitchenette": {"kickboards"}, "Corridor": {"carpet"}},
    ),
]


@pytest.mark.parametrize(("text", "expected"), _CABINETS_WHERE_PLUMBED)
def test_cabinets_are_a_plumbed_rooms_not_a_living_rooms(text: str, expected: dict[str, set[str]]) -> None:
    assert _materials(text) == expected


# (notes, {room: materials}): a room bracketed after a material's own size is that item's room, though a
# comma brings the size in; the rooms bracketed after the item before it are not (the near miss: the den
# gets no vinyl).
_BRACKETED_AFTER_SIZE = [
    (
        "Flood 3/4/2026.\nKitchen, 14 x 12 ft: vinyl plank wet. Living room carpet wet.\n"
        "Primary bedroom carpet wet.\nScope:\n"
        "- Remove carpet and pad, 483 SF (living room and primary bedroom);"
        " remove vinyl plank, 168 SF (kitchen).",
        {"Kitchen": {"vinyl plank"}, "Living room": {"carpet", "pad"}, "Primary bedroom": {"carpet", "pad"}},
    ),
    (
        "Storm 3/4/2026.\nDen carpet wet. Sunroom vinyl wet.\nScope:\n- Lift carpet, 14 m2 (den); lift sheet"
        " vinyl, 9.5 m2 (sunroom).",
        {"Den": {"carpet"}, "Sunroom": {"vinyl"}},
    ),
]


@pytest.mark.parametrize(("text", "expected"), _BRACKETED_AFTER_SIZE)
def test_a_room_bracketed_after_a_materials_size_is_its_items(
    text: str, expected: dict[str, set[str]]
) -> None:
    assert _materials(text) == expected


def test_a_skirting_named_by_what_it_is_made_of_is_the_skirting() -> None:
    # Given skirtings named by their vinyl, rubber or PVC, beside a vinyl floor
    words = material_words(
        "vinyl skirting lifted, rubber baseboard swollen, PVC skirting ok, vinyl floor tiles"
    )
    # Then each skirting is a baseboard, and only the floor is vinyl
    assert [(word.key, word.name) for word in words] == [
        ("baseboard", "vinyl skirting"),
        ("baseboard", "rubber baseboard"),
        ("baseboard", "pvc skirting"),
        ("vinyl", "vinyl floor tiles"),
    ]


@pytest.mark.parametrize(
    ("line", "rooms"),
    [
        # the rooms listed after a colon, the first named with the walls cut in it
        (
            "- Remove plasterboard to 600 mm: lounge S wall, study, laundry - 30 lm",
            {"Lounge", "Study", "Laundry"},
        ),
        # placed "in" a list whose rooms carry their sides
        ("Drywall removed to 2 ft in the den west wall and the study both sides.", {"Den", "Study"}),
        # compass letters joined, then the next rooms
        (
            "Cut out GIB 400 mm: lounge N + E walls, study W wall, laundry (14 lm).",
            {"Lounge", "Study", "Laundry"},
        ),
    ],
)
def test_a_list_of_rooms_each_with_its_walls_shares_the_material(line: str, rooms: set[str]) -> None:
    # Given three rooms with wet floors, then a line cutting the lining in a list of them by their walls
    text = "Lounge: carpet wet. Study: carpet wet. Den: carpet wet. Laundry: vinyl wet.\n" + line
    found = _materials(text)
    # Then every room of the list has the lining, and no other room
    lined = {room for room, names in found.items() if any(n in ("plasterboard", "drywall") for n in names)}
    assert lined == rooms, found


def test_a_room_said_otherwise_after_its_wall_ends_the_list() -> None:
    # Given a cut line that names a second room only to say it was left alone
    text = (
        "Lounge: carpet wet. Study: carpet wet.\n"
        "- Remove plasterboard to 600 mm: lounge S wall only, study left as is"
    )
    found = _materials(text)
    # Then only the first room has the lining
    assert "plasterboard" in found["Lounge"]
    assert "plasterboard" not in found["Study"]


@pytest.mark.parametrize(
    "notes",
    [
        "Affected: laundry + hallway carpet\nLaundry vinyl wet. Hallway carpet: dry, checked along the door.",
        "Areas per the call: ensuite and bedroom 2 carpet\n"
        "Ensuite tiles wet. Bedroom 2: carpet dry, not affected.",
        "Caller reported lounge / hall carpet soaked.\nLounge tiles wet by the door. Hall carpet reads dry.",
    ],
)
def test_a_lists_material_written_after_its_last_room_goes_when_that_room_is_dry(notes: str) -> None:
    # Given a list of rooms whose material is written right after the last one, that room later said dry
    found = _materials(notes)
    # Then the first room does not keep the material: it was only ever the other room's
    assert not any("carpet" in name for names in found.values() for name in names), found


def test_a_lists_material_stays_when_its_last_room_keeps_it_or_the_list_heads_it() -> None:
    # The last room keeps its wet carpet: both rooms have it
    found = _materials("Affected: laundry + hallway carpet\nHallway carpet soaked along the door.")
    assert "carpet" in found["Laundry"] and "carpet" in found["Hallway"], found
    # A list heading the material with a colon shares it, whatever is said of one room later
    found = _materials("Study and den: carpet wet through.\nDen carpet dry by the window.")
    assert "carpet" in found["Study"], found
