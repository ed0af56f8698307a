"""Cabinetry named as a place is not affected; a part of it, or its top that water fell on, is."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text

pytestmark = pytest.mark.unit


def _materials(text: str, room: str) -> list[str]:
    area = next(area for area in analyze_text(text).affected_areas if area.room == room)
    return [material.lower() for material in area.materials]


@pytest.mark.parametrize(
    "line",
    [
        "Pantry 2 x 2 m: ceiling plasterboard stained; the top of both wall cabinets damp.",
        "Pantry 2 x 2 m: ceiling plasterboard stained; wall cabinets under the leak damp on top.",
        "Pantry 2 x 2 m: ceiling plasterboard stained, and the base of the cabinet swollen.",
    ],
)
def test_a_cabinet_part_or_top_reached_by_water_is_affected(line: str) -> None:
    assert "cabinet" in " ".join(_materials(line, "Pantry"))


def test_a_cabinet_named_as_where_water_went_is_not() -> None:
    # Given water that pooled against the cabinets and a slab wet only on top
    text = "Pantry 2 x 2 m: ceiling plasterboard stained, water pooled beside the wall cabinets."
    assert "cabinet" not in " ".join(_materials(text, "Pantry"))
