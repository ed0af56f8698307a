"""What fire and mould leave on a room's surfaces and contents are its affected materials."""

from __future__ import annotations

import pytest

from chalicelib.analysis.offline import analyze_text

pytestmark = pytest.mark.unit

_FIRE = """FIRE & SMOKE LOSS - INITIAL SITE INSPECTION
Date of loss: 09/14/2025. Inspected: 09/15/2025. A pan fire on the range.

Kitchen (14 ft x 12 ft) - direct fire damage
Upper cabinets each side of the range charred; range hood and microwave destroyed.

Dining room (12 ft x 10 ft) - open to kitchen
Moderate soot on the ceiling and on the window blinds; strong odor.

Stairwell and upstairs hallway
Light film on the walls and ceiling.

Master bedroom
Door was closed. No soot on the ceiling, no odor in the bedding.
"""


def _materials(text: str) -> dict[str, list[str]]:
    return {area.room: area.materials for area in analyze_text(text).affected_areas}


def test_soot_film_and_fire_damage_name_the_surfaces_and_contents_of_the_room_they_are_in() -> None:
    found = _materials(_FIRE)
    assert found["Kitchen"] == ["cabinets", "range hood", "microwave"]
    # the window blinds are the dining room's, not the kitchen's it is open to
    assert found["Dining room"] == ["ceiling", "window blinds"]
    assert "window blinds" not in found["Kitchen"]
    # a heading that lists two rooms gives both the line under it
    assert found["Stairwell"] == ["walls", "ceiling"]
    assert found["Upstairs hallway"] == ["walls", "ceiling"]
    # "No soot on the ceiling": nothing
    assert not found.get("Master bedroom")


def test_mould_growth_on_contents_names_them() -> None:
    text = (
        "MOULD ASSESSMENT REPORT\nBedroom 1 - Condition 3 inside the built-in robe: growth on the back wall"
        " over about 0.8 m2 and on stored shoes and a wool coat.\n"
    )
    assert {"shoes", "wool coat"} <= set(_materials(text)["Bedroom 1"])


def test_in_a_water_job_the_same_words_add_nothing() -> None:
    text = "Water loss. Burst pipe on 3/2/2025.\nLounge: carpet wet; odour in the sofa and drapes.\n"
    assert _materials(text)["Lounge"] == ["carpet"]
