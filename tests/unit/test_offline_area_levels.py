"""A level the affected rooms are on is not an affected area of its own."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def _areas(text: str) -> list[str]:
    return [area.room for area in analyze_text(text).affected_areas]


def test_the_basement_its_rooms_are_on_is_not_another_area() -> None:
    # Given notes that place the wet rooms in the basement by brackets, then say the water stayed there
    text = (
        "Toilet supply burst overnight; water stayed in the basement and wet the carpet throughout.\n"
        "Games room (basement): carpet and underlay soaked, plasterboard wet to 300 mm.\n"
        "Guest bedroom (basement): carpet wet along the games room wall.\n"
    )
    # When its areas are read
    areas = _areas(text)
    # Then the two rooms are the areas and the basement is only their level
    assert "Basement" not in areas
    assert "Games room" in areas and "Guest bedroom" in areas
