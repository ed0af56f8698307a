"""A stain said by its shape, a ring ("a brown ring on the ceiling"), is damage that makes its room
affected, however the line opens; a ring ruled out is not."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def _rooms(text: str) -> list[str]:
    return [area.room for area in analyze_text(text).affected_areas]


def test_a_brown_ring_on_a_ceiling_after_a_chatty_opening_is_damage() -> None:
    # Given a texted note that opens with filler words before the room and its ring
    notes = '"right so study ceiling near the window has a brown ring about a foot wide, soft in the middle.'
    # When it is read
    # Then the study is affected
    assert "Study" in _rooms(notes)


def test_a_yellow_ring_under_a_leak_is_damage_of_the_room_below() -> None:
    # Given a leak upstairs and a ring on the ceiling of the room below
    notes = "The ensuite shower leaked overnight. There is now a yellow ring on the lounge ceiling below it."
    # When it is read
    # Then the lounge is affected
    assert "Lounge" in _rooms(notes)


def test_a_ring_ruled_out_makes_no_room_affected() -> None:
    # Given a room said to have no ring and to be dry
    notes = "Laundry tub overflowed; laundry vinyl wet. Bedroom 2: no brown ring on the ceiling, all dry."
    # When it is read
    # Then bedroom 2 is not affected
    assert "Bedroom 2" not in _rooms(notes)
