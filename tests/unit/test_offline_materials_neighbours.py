"""A room named beside another only to place it, and a reading kept as a standard, give no room a
wet material."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.material_asides import named_aside
from chalicelib.analysis.offline.material_words import material_words

pytestmark = pytest.mark.unit


def _materials(text: str) -> dict[str, set[str]]:
    return {area.room: {m.lower() for m in area.materials} for area in analyze_text(text).affected_areas}


@pytest.mark.parametrize(
    "second",
    [
        "Rumpus room - 6.1 m x 4.0 m, adjoining the laundry. Carpet and underlay soaked, about 5 m2.",
        "Dining area 3.8 x 3.2 m, abutting the kitchen; carpet and underlay wet for 4 m2.",
    ],
)
def test_a_room_said_to_adjoin_another_keeps_its_own_materials(second: str) -> None:
    # Given a first room with its own floor, then a second room placed by the one it adjoins
    first = "Laundry - 2.4 m x 1.9 m. Vinyl wet across the floor.\n" if "laundry" in second else ""
    first = first or "Kitchen - 4.2 m x 3.1 m. Vinyl wet across the floor.\n"
    # When the notes are read
    found = _materials(first + second + "\n")
    # Then the carpet and underlay are the second room's, not the room it adjoins
    owner = "Rumpus room" if "Rumpus" in second else "Dining area"
    neighbour = "Laundry" if "laundry" in second else "Kitchen"
    assert {"carpet", "underlay"} <= found[owner]
    assert not {"carpet", "underlay"} & found[neighbour]


def test_a_material_in_the_room_that_adjoins_is_still_that_rooms() -> None:
    # Given a line about the adjoining room itself (the near miss: it is the subject, not a landmark)
    text = (
        "Laundry - 2.4 m x 1.9 m. Vinyl wet across the floor.\n"
        "The adjoining rumpus room: carpet and underlay soaked, about 5 m2.\n"
    )
    # Then the rumpus room keeps its carpet
    assert {"carpet", "underlay"} <= _materials(text)["Rumpus room"]


@pytest.mark.parametrize(
    ("line", "material"),
    [
        ("Study skirting 11 WME as a second standard.", "skirting"),
        ("spare room plasterboard 9% taken as our reference", "plasterboard"),
        ("guest bedroom carpet 12, used as the dry standard", "carpet"),
    ],
)
def test_a_value_kept_as_a_standard_names_no_wet_material(line: str, material: str) -> None:
    # Given a reading the writer says was kept as a standard
    start = line.index(material)
    # Then its material is an aside, not a wet one
    assert named_aside(line, start, start + len(material))


@pytest.mark.parametrize(
    ("line", "material"),
    [
        ("den carpet 33 as dry as the lounge was never", "carpet"),
        ("laundry skirting 31 WME as a result of wicking", "skirting"),
        ("hall carpet 41, dry standard 12", "carpet"),
    ],
)
def test_a_wet_value_followed_by_as_is_not_a_standard(line: str, material: str) -> None:
    # Given a reading followed by "as" that keeps nothing as a standard (the near miss)
    start = line.index(material)
    # Then the material is still read as wet
    assert not named_aside(line, start, start + len(material))


def test_the_adjoining_room_named_as_the_subject_is_still_a_room_of_the_loss() -> None:
    # Given prose where "the adjoining" names the next room as where the water went (the near miss)
    text = (
        "Laundry 2.6 x 1.9 m: vinyl wet across the floor.\n"
        "The water spread into the adjoining rumpus room (5.8 x 4.1 m) and soaked the carpet and underlay.\n"
    )
    # Then the rumpus room is an area with its own size and carpet
    rumpus = next(area for area in analyze_text(text).affected_areas if area.room == "Rumpus room")
    assert rumpus.length_original == 5.8
    assert {"carpet", "underlay"} <= {m.lower() for m in rumpus.materials}


@pytest.mark.parametrize(
    "line",
    [
        "Lounge ceiling sagging, the mineral wool quilt above it sodden over 6 m2.",
        "Remove and bag wet glasswool batts, 9 m2, rear bedroom",
        "rock wool rolls in the attic over the study soaked",
        "the loft quilt over the landing is saturated",
    ],
)
def test_wool_insulation_by_its_fibre_or_its_loft_is_insulation(line: str) -> None:
    # Given insulation named by what it is spun from, or as the loft's quilt
    # Then it is read as insulation
    assert [word.key for word in material_words(line) if word.key == "insulation"] == ["insulation"]


@pytest.mark.parametrize("line", ["the wet quilt on the bed in bedroom 2", "wool carpet soaked by the door"])
def test_a_bed_quilt_or_a_wool_carpet_is_no_insulation(line: str) -> None:
    # Given a quilt that is bedding, or wool that is a carpet's (the near miss)
    # Then no insulation is read
    assert "insulation" not in [word.key for word in material_words(line)]


@pytest.mark.parametrize(
    ("text", "owner", "neighbour", "material"),
    [
        (
            "Scullery 2.6 x 2.0 m: vinyl wet across the floor.\n"
            "Family room 5.5 x 4.1 m, open to the scullery: smoke film on the ceiling, carpet and underlay"
            " wet near the doorway.\n",
            "Family room",
            "Scullery",
            "underlay",
        ),
        (
            "Laundry - 2.2 m x 1.8 m. Tiles wet.\n"
            "Pantry (3.4 x 3.0 m) opens onto the laundry; timber cabinets swollen at the base.\n",
            "Pantry",
            "Laundry",
            "cabinets",
        ),
    ],
)
def test_a_room_said_to_open_onto_another_keeps_its_own_materials(
    text: str, owner: str, neighbour: str, material: str
) -> None:
    # Given a room placed by the room it opens onto, then that room's own damage
    # When the notes are read
    found = _materials(text)
    # Then the material is the room that opens, not its neighbour
    assert material in found[owner]
    assert material not in found[neighbour]


def test_the_room_opened_onto_keeps_its_own_line() -> None:
    # Given a room that opens onto a second one, and the second room's own line (the near miss: the
    # neighbour named as the subject of its own line)
    text = (
        "Sunroom 3.0 x 2.5 m, open to the lounge: tiles wet by the door.\n"
        "Lounge 5.0 x 4.2 m: carpet and underlay soaked along the east wall.\n"
    )
    # When the notes are read
    found = _materials(text)
    # Then each room keeps what its own line says
    assert {"carpet", "underlay"} <= found["Lounge"]
    assert not {"carpet", "underlay"} & found["Sunroom"]
