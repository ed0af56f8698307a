"""Rooms the writer sets apart from this loss or closes with a bare verdict: not affected areas."""

from __future__ import annotations

from chalicelib.analysis.offline.spaces import room_mentions


def _affected(text: str) -> list[str]:
    return [mention.name for mention in room_mentions(text) if mention.affected]


def test_a_room_line_closed_by_a_bare_fine_is_not_affected() -> None:
    # Given a walk-through line giving the writer's reason and then "fine"
    assert _affected("Garage - on its own slab, no shared wall, fine.") == []
    # Then a line with damage before its "fine" keeps the room affected
    assert _affected("Lounge - carpet soaked along the wall, rest fine.") == ["Lounge"]


def test_a_room_said_to_have_nothing_to_do_with_this_is_not_affected() -> None:
    # Given an owner's stain the plumber traced to an old leak
    text = (
        "There is a stain in the pantry ceiling but the plumber says it is old"
        " and has nothing to do with this."
    )
    assert _affected(text) == []
    # Then the same stain without the verdict is damage in the pantry
    assert _affected("There is a wet stain in the pantry ceiling.") == ["Pantry"]


def test_a_room_left_out_of_this_log_is_not_affected_on_a_long_line_of_rooms() -> None:
    # Given a long line of rooms whose last sentence leaves one of them out of the report
    text = (
        "Rooms: lounge 5 x 4, kitchen 4 x 3, dining 4 x 3, bedroom 1 4 x 3, bedroom 2 3 x 3, bath 3 x 2,"
        " laundry 2 x 2, hall, study 3 x 3, office 3 x 3, den 4 x 4, porch. All flooring wet in the lounge,"
        " kitchen, dining, hall and bath. Garage is flooded but is a separate structure - not in this report."
    )
    affected = _affected(text)
    assert "Garage" not in affected
    assert "Lounge" in affected


def test_a_bare_sentence_setting_the_rooms_apart_speaks_for_the_sentence_before() -> None:
    # Given a sentence with a faint smell the owner says predates the loss, then the bare verdict
    text = (
        "Bedroom 2 had its door shut, only a faint smell which the owner says was always there."
        " Not part of the scope."
    )
    assert _affected(text) == []


def test_a_sentence_wrapped_onto_the_next_line_sets_its_room_apart() -> None:
    # Given an e-mail whose sentence about an old damp patch wraps over two lines
    from chalicelib.analysis import analyze_text

    findings = analyze_text(
        "The lounge carpet was soaked and the plasterboard behind the couch read wet to about 300 mm.\n"
        "Also, my wife noticed a damp patch in the linen cupboard a while back, but the plumber had a look\n"
        "and says it's an old one and has nothing to do with this.\n"
    )
    rooms = [area.room for area in findings.affected_areas]
    assert "Lounge" in rooms
    assert not any("cupboard" in room.lower() for room in rooms)


def test_a_space_only_looked_into_for_spread_is_not_affected() -> None:
    # Given firefighters who opened a ceiling to look into the attic for spread
    text = (
        "The brigade cut a 400 x 400 mm hole in the laundry ceiling by the dryer"
        " to check the roof space for spread."
    )
    assert "Roof space" not in _affected(text)
    # Then the same space with damage said of it is affected
    assert "Roof space" in _affected("Smoke got into the roof space and the insulation is sooted.")


def test_a_rooms_own_dry_sentence_mid_line_outweighs_the_office_listing() -> None:
    # Given an office's listing of two rooms, then a site note whose later sentence finds one dry
    from chalicelib.analysis import analyze_text

    findings = analyze_text(
        "Rooms: lounge, bedroom 2\n"
        "Lounge carpet wet across about 4 m2 under the ceiling leak. Bedroom 2 is dry - nothing there,"
        " the office had it wrong.\n"
    )
    assert [area.room for area in findings.affected_areas] == ["Lounge"]


def test_a_stair_named_as_the_way_the_water_went_is_not_an_area() -> None:
    # Given water that found its way down a staircase to the rooms below
    text = "Hose water ran across the porch tiles and down the cellar stairs."
    assert "Cellar stairs" not in _affected(text)
    # Then a stair whose own clause is wet stays affected
    assert _affected("Water came down the stairs and soaked the stair carpet.") == ["Stairs"]


def test_surface_spots_called_housekeeping_are_not_the_loss() -> None:
    # Given a mould survey's row whose spots are routine cleaning, and a row with real growth
    assert _affected("| Bathroom (upstairs) | surface mould on the fan cover only - housekeeping | 1 |") == []
    assert _affected("- Laundry: mould spots on the window seal, normal housekeeping.") == []
    assert _affected("| Laundry | black growth across the ceiling, about 2 m2 | 3 |") == ["Laundry"]
