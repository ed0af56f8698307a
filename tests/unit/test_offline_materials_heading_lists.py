"""A list of rooms heading its line: what the line goes on to say without naming a room is every
listed room's, not only the last one's."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text

pytestmark = pytest.mark.unit


def _materials(text: str) -> dict[str, set[str]]:
    return {area.room: {m.lower() for m in area.materials} for area in analyze_text(text).affected_areas}


@pytest.mark.parametrize(
    ("text", "rooms", "material"),
    [
        (
            "Bedroom 2 (3.2 x 3.0 m) and bedroom 3 (3.6 x 3.1 m): water ran under the doors overnight."
            " The carpet and underlay were saturated.\n",
            ("Bedroom 2", "Bedroom 3"),
            "underlay",
        ),
        (
            "Study and sewing room - the storm water came in across the sill. The floating laminate has"
            " swollen along every joint.\n",
            ("Study", "Sewing room"),
            "laminate",
        ),
    ],
)
def test_a_later_sentence_is_every_listed_rooms(text: str, rooms: tuple[str, str], material: str) -> None:
    # Given a line headed by a list of two rooms, then a sentence naming a wet material and no room
    # When the notes are read
    found = _materials(text)
    # Then both rooms of the list have the material
    for room in rooms:
        assert material in found[room], room


def test_a_list_inside_the_line_does_not_head_it() -> None:
    # Given a line headed by one room that names two others in passing (the near miss: the list is not
    # the line's heading), then a sentence naming a wet material and no room
    text = "Hall 4.0 x 1.1 m: water ran in from bedroom 2 and bedroom 3. The skirting swelled.\n"
    # When the notes are read
    found = _materials(text)
    # Then the list's first room is not given the material
    assert "skirting" not in found.get("Bedroom 2", set())
