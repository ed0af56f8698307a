"""Wet extents listed one per room in a sentence after the one that says where the water went, a
puddle's size on a floor, and a patch of damage with its measure."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def _wet_floor(text: str, room: str) -> float | None:
    findings = analyze_text(text)
    return next((area.wet_floor_sqft for area in findings.affected_areas if area.room == room), None)


def test_measures_listed_after_the_waters_path_are_the_rooms_wet_floors() -> None:
    # Given a sentence of measures, one per room, a sentence after the water's path
    notes = (
        "The supply line burst and water ran across the laundry tiles and into the hallway carpet."
        " Category 1. Roughly 30 SF of the laundry floor and 25 SF of hall carpet and pad."
    )
    # Then each measure is its room's wet floor
    assert _wet_floor(notes, "Laundry") == 30.0
    assert _wet_floor(notes, "Hallway") == 25.0


def test_a_list_of_measures_with_no_water_before_it_is_not_wet() -> None:
    # Given the same list after sentences that say nothing of where the water went
    notes = (
        "The laundry has tiles on slab and the hallway is carpeted."
        " Roughly 30 SF of the laundry floor and 25 SF of hall carpet and pad."
    )
    assert _wet_floor(notes, "Laundry") is None
    # Nor is a list of work done after the water's path
    notes = (
        "Water ran across the laundry tiles and into the hallway carpet."
        " 25 SF of hall carpet was removed and discarded, and the pad with it."
    )
    assert _wet_floor(notes, "Hallway") is None


def test_a_puddles_size_is_the_wet_floor_not_the_rooms_size() -> None:
    notes = "Garage: water from the heater pooled on the slab, a 4 x 5 ft puddle by the drain."
    findings = analyze_text(notes)
    garage = next(area for area in findings.affected_areas if area.room == "Garage")
    assert garage.wet_floor_sqft == 20.0
    assert garage.floor_area_sqft is None


def test_a_patch_with_its_measure_is_the_wet_extent() -> None:
    # Given a homeowner's patch of damage, with no wet word in its sentence
    notes = (
        "Water came out from under the washing machine overnight and across the laundry floor.\n"
        "The man from the drying company measured the laundry and said it's only a small patch of about"
        " 2 square metres next to the machine."
    )
    wet = _wet_floor(notes, "Laundry")
    assert wet is not None and abs(wet - 21.5) < 0.5
    # But patching is work, not a wet extent
    notes = "Laundry: vinyl dry. We will patch about 2 square metres of plasterboard behind the machine."
    assert _wet_floor(notes, "Laundry") is None
