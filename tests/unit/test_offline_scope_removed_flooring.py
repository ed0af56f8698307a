"""Flooring a scope takes up, as the wet floor when the notes say elsewhere that it was wet."""

from __future__ import annotations

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.scope_extents import ANY_FLOORING, wet_floorings


def _wet_floor(text: str, room: str) -> float | None:
    findings = analyze_text(text)
    return next((area.wet_floor_sqft for area in findings.affected_areas if area.room == room), None)


def test_flooring_taken_up_room_by_room_is_each_rooms_wet_floor_when_the_carpet_was_wet() -> None:
    # Given notes that say the carpet got soaked, then list what was pulled, room by room
    notes = (
        "Storm water ran in under the front door into the family room and the study.\n"
        "It soaked the carpet and underlay right through.\n"
        "Carpet and underlay were pulled up and skipped from the family room (18 m2) and the"
        " study (9 m2).\n"
    )
    # Then each room's quantity is its wet floor
    family = _wet_floor(notes, "Family room")
    study = _wet_floor(notes, "Study")
    assert family is not None and abs(family - 193.8) < 1
    assert study is not None and abs(study - 96.9) < 1


def test_flooring_taken_up_says_nothing_of_wet_when_the_notes_never_call_it_wet() -> None:
    # Given flooring replaced for smoke odour, nothing ever called wet
    notes = (
        "Kitchen fire, smoke through the house. Bedroom 2 carpet holds a strong smoke odour.\n"
        "Scope: remove and dispose carpet, bedroom 2, 11 m2.\n"
    )
    # Then the quantity is work, not a wet extent
    assert _wet_floor(notes, "Bedroom 2") is None


def test_a_wall_quantity_after_flooring_is_not_the_floors() -> None:
    # Given a line that takes up pad and then drywall in the same room
    notes = "Den: carpet pad wet along the north wall.\nRemoved drywall in the den, 32 SF.\n"
    # Then the drywall's square feet are not the den's wet floor
    assert _wet_floor(notes, "Den") is None


def test_a_wet_floor_is_read_from_a_clause_of_its_own() -> None:
    assert wet_floorings("Bathroom: vinyl plank, water across the whole floor") == {ANY_FLOORING}
    assert wet_floorings("Hall carpet and underpad wet 1 m in from the door") == {"carpet"}
    assert wet_floorings("Lounge carpet dry, walls wet at the base") == set()
    assert wet_floorings("The carpet was not wet") == set()
