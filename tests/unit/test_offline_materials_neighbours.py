"""A room named beside another only to place it, and a reading kept as a standard, give no room a
wet material."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.material_asides import named_aside

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
