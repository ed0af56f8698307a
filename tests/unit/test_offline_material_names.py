"""Names the material lexicon reads: lining boards cut to consonants, kickboards called "kicks", wall
panelling, benchtops, trusses, sarking, vapour barriers and architraves, each keyed one way however it
is written, and a board floor's bare "boards"; and the near misses that name something else."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.material_words import material_words


def _keys(text: str) -> list[str]:
    return [word.key for word in material_words(text)]


def _materials(text: str, room: str) -> list[str]:
    area = next(area for area in analyze_text(text).affected_areas if area.room == room)
    return [material.lower() for material in area.materials]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a lining word with "board" cut to its consonants
        ("Study plasterbd damp to 200mm", "drywall"),
        ("plstr bd wicking behind the vanity", "drywall"),
        ("gyp brd soft at the base", "drywall"),
        # a cabinet's kickboard called a "kick"
        ("chipboard kicks swollen along the run", "cabinetry"),
        ("vanity kick lifted for access", "cabinetry"),
        ("MDF kick panels delaminating", "cabinetry"),
        # panelling of any timber, and wainscoting
        ("knotty pine paneling stained at the base", "panelling"),
        ("wainscoting swollen in the dining nook", "panelling"),
        # benchtops by any of their names, before what they are made of
        ("granite countertop cracked", "benchtop"),
        ("laminate worktop lifting at the sink", "benchtop"),
        ("formica bench top swollen", "benchtop"),
        # vapour barriers, trusses, sarking, architraves
        ("6 mil vapour retarder torn under the crawl", "vapourbarrier"),
        ("truss bottom chords wet", "trusses"),
        ("sarking sagging with water", "sarking"),
        ("MDF architraves swollen", "architrave"),
    ],
)
def test_a_material_is_read_under_any_of_its_names(text: str, key: str) -> None:
    assert key in _keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # "bd" alone is a bedroom, "kicks in" a machine starting
        ("bd 2 carpet wet", "drywall"),
        ("the dehumidifier kicks in at 55%", "cabinetry"),
        ("the pump kicks on every ten minutes", "cabinetry"),
        # boards of another kind are no floor's
        ("insulation boards stacked in the garage", "boards"),
        ("skirting boards swollen", "boards"),
        # a laminate benchtop is the benchtop, not a laminate floor
        ("laminate benchtop lifting", "laminate"),
    ],
)
def test_a_near_miss_is_not_read_as_that_material(text: str, key: str) -> None:
    assert key not in _keys(text)


def test_particleboard_kicks_are_the_cabinet_not_a_particleboard_floor() -> None:
    # Given a kitchen whose particleboard kicks swelled, on a vinyl floor
    text = "Kitchen 4.0 x 3.0 m: vinyl wet approx 5 m2, particleboard kicks swollen under the sink run."
    materials = _materials(text, "Kitchen")
    # Then the kicks are the cabinetry, and no particleboard floor is made up
    assert "kickboards" in materials
    assert "particleboard" not in materials


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        # a fitting with its own damage word right after it is reached
        ("Kitchen: vinyl wet, stone benchtop stained along the back edge.", "stone benchtop", None),
        ("Garage: slab wet by the door, two trusses stained and damp.", "truss", None),
        # named only as where something stands or water ran, it is not
        ("Kitchen: vinyl wet in front of the sink, dishes left on the benchtop.", None, "benchtop"),
        ("Garage: slab wet by the door, water tracked along the truss to the wall.", None, "truss"),
    ],
)
def test_a_fitting_is_affected_only_by_its_own_words(
    text: str, expected: str | None, unexpected: str | None
) -> None:
    room = text.split(":")[0]
    materials = _materials(text, room)
    if expected is not None:
        assert any(expected.split()[-1] in material for material in materials), materials
    if unexpected is not None:
        assert not any(unexpected in material for material in materials), materials


@pytest.mark.parametrize(
    ("text", "room", "floor"),
    [
        # the notes name the board floor once, then say "boards" by the room
        (
            "Villa c.1910, matai boards on piles.\n"
            "Dining 4 x 3.5 m: boards wet along the bay window, about 4 m2.",
            "Dining",
            "matai boards",
        ),
        (
            "Oak floorboards throughout.\nStudy 3 x 3 m: boards cupping by the desk, approx 3 m2.",
            "Study",
            "oak floorboards",
        ),
    ],
)
def test_bare_boards_are_the_board_floor_the_notes_name(text: str, room: str, floor: str) -> None:
    assert floor in _materials(text, room)


def test_bare_boards_are_left_out_when_no_board_floor_is_named() -> None:
    # Given notes that never say what the floor is made of, "boards" may be any boards
    text = "Study 3 x 3 m: carpet wet by the desk, approx 3 m2; boards wet behind the shelves."
    materials = _materials(text, "Study")
    assert "carpet" in materials
    assert not any("board" in material for material in materials)


def test_bare_boards_are_left_out_where_the_notes_name_a_laminate() -> None:
    # Given an owner who calls the laminate planks "floorboards" and "boards"
    text = (
        "The floorboards by the fridge lifted at the joins; it is the click laminate we had put in.\n"
        "Kitchen 4 x 3 m: boards wet by the fridge, about 3 m2."
    )
    assert not any("board" in material for material in _materials(text, "Kitchen"))
