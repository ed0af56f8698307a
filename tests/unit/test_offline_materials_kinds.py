"""Materials named only as what a finish sits on, as the notes write them."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


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
