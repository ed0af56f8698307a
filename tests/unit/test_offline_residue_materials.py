"""What fire leaves on a room's surfaces and contents (chalicelib/analysis/offline/residue_materials.py)
and the rooms fire notes name."""

from __future__ import annotations

import pytest

from chalicelib.analysis.findings import DamageType
from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.residue_materials import residue_items


def test_a_rooms_list_after_its_severity_is_its_affected_surfaces() -> None:
    # Given a walk-through line: the room, its severity, then what the residue is on
    line = (
        "Kitchen 16x13 - origin. Heavy. Ceiling, walls, all cabinet faces + insides of uppers, microwave hood"
    )
    # Then each listed surface is read, past a part that names no item
    assert residue_items(line, DamageType.FIRE_SMOKE) == [
        "ceiling",
        "walls",
        "cabinet faces",
        "microwave hood",
    ]
    # and in a water job the same words say nothing of the kind
    assert residue_items(line, DamageType.WATER) == []


def test_each_subject_of_fire_damage_in_a_table_cell_and_a_named_wall() -> None:
    # Given a table row whose cell lists what burned, what charred and where the soot is
    line = (
        "| Front bedroom (origin), 4.0 m x 3.5 m | Curtain and pole destroyed, timber window board charred,"
        " heavy soot on the ceiling and the window wall | Heavy |"
    )
    found = residue_items(line, DamageType.FIRE_SMOKE)
    # Then the curtain, the window board, the ceiling and the walls are each affected
    assert set(found) == {"curtain", "window board", "ceiling", "walls"}


def test_soot_along_a_ceiling_and_a_negated_residue() -> None:
    assert residue_items("Soot tracking along the ceiling from the bedroom door", DamageType.FIRE_SMOKE) == [
        "ceiling"
    ]
    assert residue_items("No soot on the ceiling or walls of the lounge", DamageType.FIRE_SMOKE) == []


def test_a_primary_br_and_a_main_hallway_beside_an_upstairs_one_are_rooms_of_their_own() -> None:
    # Given fire notes naming "Main hallway", "Upstairs hallway" and "Primary BR"
    notes = (
        "Dryer fire, 14 Elm St, Kelowna BC V1Y 2A1. Attended Feb 8, 2026.\n"
        "- Main hallway: heavy smoke, wet sticky soot on the ceiling and walls.\n"
        "- Upstairs hallway: light smoke film on the ceiling.\n"
        "Primary BR 15x14 - light film on ceiling around the supply register.\n"
    )
    rooms = {area.room: area.materials for area in analyze_text(notes).affected_areas}
    # Then the two hallways stay two rooms, and the primary bedroom is named in full
    assert {"Main hallway", "Upstairs hallway", "Primary bedroom"} <= set(rooms), rooms
    assert {"ceiling", "walls"} <= set(rooms["Main hallway"])


def test_kit_in_capitals_is_the_kitchen_and_a_test_kit_is_no_room() -> None:
    notes = (
        "Tub overflow, 12 King St W, Kitchener ON N2G 1A1. Attended Oct 18, 2026.\n"
        "CLASS 3 - came through from above: KIT ceiling drywall wet + sagging, sound batts soaked.\n"
        "Used the test kit on the tub water.\n"
    )
    rooms = {area.room: area.materials for area in analyze_text(notes).affected_areas}
    assert set(rooms) == {"Kitchen"}, rooms
    assert "drywall" in rooms["Kitchen"]


def test_upper_walls_are_the_walls_and_sooted_surfaces_are_the_subject_of_the_damage() -> None:
    # Given a survey line whose soot reaches the upper walls, and one whose surfaces are "sooted"
    assert residue_items("Heavy greasy soot on the ceilings and upper walls", DamageType.FIRE_SMOKE) == [
        "ceiling",
        "walls",
    ]
    assert residue_items("Ceiling and walls heavily sooted near the range", DamageType.FIRE_SMOKE) == [
        "ceiling",
        "walls",
    ]


def test_a_surface_before_the_line_names_a_room_is_its_sections() -> None:
    # Given a room heading, then a line whose soot sentence comes before it names another room in passing
    notes = (
        "Toaster fire, 3 Ash Ct, Boise ID 83702. Attended Mar 2, 2026.\n"
        "DEN 12 x 11 ft (off the garage)\n"
        "- Moderate soot on ceiling and drapes. Powder tracked in from the garage.\n"
    )
    rooms = {area.room: area.materials for area in analyze_text(notes).affected_areas}
    # Then the ceiling and drapes are the den's
    assert {"ceiling", "drapes"} <= set(rooms["Den"]), rooms


def test_a_fire_scopes_cleaning_names_the_surfaces_of_rooms_the_survey_left_unsaid() -> None:
    # Given a fire job whose survey describes the kitchen, and whose scope cleans the hall and lounge too
    notes = (
        "Pan fire in the kitchen, 9 Rata St, Nelson 7010. Attended 4/05/2026.\n"
        "Kitchen: heavy soot on the ceiling and the range hood.\n"
        "Hallway and lounge: light smoke odour.\n"
        "Scope\n"
        "- Clean ceilings and walls: kitchen 30 m2, hallway 22 m2, lounge 48 m2\n"
        "- Wipe tests in bedroom 1 came back clean, walls fine.\n"
    )
    rooms = {area.room: area.materials for area in analyze_text(notes).affected_areas}
    # Then the hall and lounge are known by what is cleaned; the kitchen keeps only what was seen
    assert set(rooms["Hallway"]) == {"ceiling", "walls"}, rooms
    assert set(rooms["Lounge"]) == {"ceiling", "walls"}
    assert "walls" not in rooms["Kitchen"]
    # And a cleaning verb in a water job, or a wipe test that came back clean, names nothing
    assert residue_items("- Clean ceilings and walls: kitchen 30 m2", DamageType.FIRE_SMOKE) == []


def test_a_mould_rooms_cleaning_names_what_spores_settled_on() -> None:
    # Given a mould report whose Condition 2 room is only described by its cleaning
    line = "4. Bedroom 2: HEPA vacuum and damp wipe all hard surfaces and contents, then clean the carpet."
    # Then what is vacuumed, wiped and cleaned there is affected
    assert residue_items(line, DamageType.MOULD) == []  # (not residue the survey saw)
    notes = (
        "Mould inspection, 4 Kauri Rd, Hamilton 3204. Inspected 12/05/2026.\n"
        "Bedroom 1 - Condition 3: visible growth on the wardrobe back wall.\n"
        "Bedroom 2 - Condition 2: settled spores, no visible growth.\n"
        "Recommendations\n"
        f"{line}\n"
        "5. Wipe tests in the hall showed nothing.\n"
    )
    rooms = {area.room: area.materials for area in analyze_text(notes).affected_areas}
    assert set(rooms["Bedroom 2"]) == {"hard surfaces", "contents", "carpet"}, rooms


def test_residue_on_part_of_a_surface_is_on_that_surface() -> None:
    # Given soot reaching only part of the walls and of the doors
    line = "Study: light soot on the ceiling, the top third of the walls and the upper half of the doors"
    # Then the walls and doors are affected, as the ceiling is
    assert residue_items(line, DamageType.FIRE_SMOKE) == ["ceiling", "walls", "doors"]


def test_a_mould_scope_cleaning_what_the_survey_calls_dry_adds_nothing() -> None:
    # Given a mould job whose survey finds only airborne spores in the study and calls its carpet dry,
    # and a scope that vacuums the carpet and wipes the walls there
    text = (
        "Mould inspection, 4 Elm Row. Condition 2 in the study.\n"
        "Study 3 x 3 m: musty odour, spore count raised. Carpet and underlay (dry, unmarked).\n"
        "Scope: HEPA vacuum the study carpet and wipe the walls."
    )
    areas = {area.room: area.materials for area in analyze_text(text).affected_areas}
    # Then the walls the scope cleans are the study's, and the carpet is not
    assert areas["Study"] == ["walls"]


def test_an_old_plastered_houses_sooted_walls_and_ceiling_are_its_plaster() -> None:
    # Given a fire job in a house whose linings are named as lath and plaster, soot on a room's surfaces
    text = (
        "Fire survey. House: 1912 villa, lath and plaster throughout.\n"
        "Kitchen (origin): cooktop fire, benchtop charred.\n"
        "Study 3.0 x 2.8 m: heavy soot on the ceiling and walls."
    )
    areas = {area.room: area.materials for area in analyze_text(text).affected_areas}
    # Then the study's affected material is its plaster, named once
    assert areas["Study"] == ["plaster"]
    # and with plasterboard linings the walls and ceiling stay as the notes name them
    board = text.replace("lath and plaster throughout", "plasterboard linings")
    assert {area.room: area.materials for area in analyze_text(board).affected_areas}["Study"] == [
        "ceiling",
        "walls",
    ]


def test_appliances_and_furniture_a_fire_reaches_are_affected() -> None:
    # Given a laundry fire: a dryer burnt out, a rug and a sectional sooted in the next room
    line = "Clothes dryer destroyed, soot on the rug and the sectional sofa, benchtop appliances sooted."
    found = residue_items(line, DamageType.FIRE_SMOKE)
    # Then each is an affected item, named whole ("clothes dryer", not clothes)
    assert {"clothes dryer", "rug", "sectional sofa", "benchtop appliances"} <= set(found)
    assert "clothes" not in found and "benchtop" not in found


def test_a_bulleted_subject_and_an_aside_after_an_item() -> None:
    # Given a bulleted line whose subject burned, and a residue list with a bracketed aside in it
    assert residue_items("- Dryer destroyed, door scorched.", DamageType.FIRE_SMOKE) == ["dryer"]
    line = "Light soot on ceiling, cabinet doors (timber), range hood and blinds."
    # Then the subject is read past its bullet, and the list goes on past the aside
    assert residue_items(line, DamageType.FIRE_SMOKE) == ["ceiling", "cabinet doors", "range hood", "blinds"]


def test_a_survey_cell_wrapped_into_short_lines_is_read_whole() -> None:
    # Given a fire survey whose cells a PDF wrapped at the column's width
    text = (
        "Chip pan fire in the kitchen, fire brigade used a blanket.\n"
        "Room Severity Surfaces\n"
        "Kitchen Heavy, greasy\n"
        "Upper cupboards and\n"
        "benchtop by cooktop burnt;\n"
        "ceiling and walls\n"
        "thickly sooted\n"
        "Lounge Light, film on the ceiling\n"
    )
    areas = {area.room: area.materials for area in analyze_text(text).affected_areas}
    # Then the subjects written on one line and damaged on the next are the kitchen's
    assert {"upper cupboards", "benchtop", "ceiling", "walls"} <= set(areas["Kitchen"])


def test_soot_on_a_cornice_names_the_cornice() -> None:
    # Given a fire survey line with a light film on the ceiling and its cornices
    found = residue_items("Family room: faint soot film on the ceiling and cornices.", DamageType.FIRE_SMOKE)
    # Then both are the room's affected surfaces
    assert found == ["ceiling", "cornices"]


_LINED_WALLS = [
    # the room's board is named among its damage: its sooted "walls" are that board, not a second material
    (
        "Smoke job.\nDen 4.0 x 3.6 m: gyprock scorched beside the heater; soot on the walls and ceiling.",
        "Den",
        {"walls": False, "gyprock": True, "ceiling": True},
    ),
    # the near miss: no board named in the room, the walls stay as the notes name them
    (
        "Smoke job.\nDen 4.0 x 3.6 m: soot on the walls and ceiling, bookcase scorched.",
        "Den",
        {"walls": True, "ceiling": True},
    ),
]


@pytest.mark.parametrize(("text", "room", "expected"), _LINED_WALLS)
def test_sooted_walls_of_a_room_whose_board_is_named_are_that_board(
    text: str, room: str, expected: dict[str, bool]
) -> None:
    materials = next(area.materials for area in analyze_text(text).affected_areas if area.room == room)
    assert {name: name in materials for name in expected} == expected


# The walls and ceiling the scope cleans under a room's own heading are that room's, whatever else the
# survey says of it; a line cleaning a list of rooms stays a blanket treatment (the near miss).
_CLEANED_UNDER_HEADING = [
    # a heading, then its cleaning with a quantity after each surface
    (
        "Candle fire, 4 Moana Ave, Timaru 7910. Attended 3/08/2026.\n"
        "Study: smoke webs in the corners of the ceiling.\n"
        "Scope\nStudy\n  - Dry sponge ceiling 9.5 m2, walls 31 m2; clean architraves 12 lm\n",
        "Study",
        {"ceiling": True, "walls": True},
    ),
    # another order and other verbs: walls first, a plus between, an unknown room by its heading
    (
        "Toaster fire, 17 Kauri Rd, Whangarei 0110. Attended 11/08/2026.\n"
        "Sewing room: curtains sooted.\n"
        "Works\nSewing room\n  - Degrease walls 24 m2 + ceiling 8 m2, then stain-block\n",
        "Sewing room",
        {"walls": True, "ceiling": True, "curtains": True},
    ),
    # the near miss: one line cleans several rooms' surfaces; a room the survey describes keeps its own
    (
        "Pan fire, 9 Rata St, Nelson 7010. Attended 4/05/2026.\n"
        "Kitchen: heavy soot on the ceiling and the range hood.\n"
        "Study: light soot film on the ceiling.\n"
        "Scope\n- Clean ceilings and walls: kitchen 30 m2, study 22 m2\n",
        "Study",
        {"ceiling": True, "walls": False},
    ),
    # a room whose wall board is named: its cleaned walls are that board, not a second material
    (
        "Heater fire, 2 Tui St, Levin 5510. Attended 6/08/2026.\n"
        "Den: soot on the ceiling, block walls sooted.\n"
        "Scope\nDen\n  - Wash walls 28 m2, ceiling 12 m2\n",
        "Den",
        {"ceiling": True, "walls": False, "concrete block": True},
    ),
]


@pytest.mark.parametrize(("text", "room", "expected"), _CLEANED_UNDER_HEADING)
def test_surfaces_cleaned_under_a_rooms_heading_are_its_linings(
    text: str, room: str, expected: dict[str, bool]
) -> None:
    materials = next(area.materials for area in analyze_text(text).affected_areas if area.room == room)
    assert {name: name in materials for name in expected} == expected, materials
