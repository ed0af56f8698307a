"""A room named for where someone was when they heard of the loss ("she was in the lounge when she
heard water hitting the floor") is not an affected area; water found in it still is."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def _rooms(text: str) -> list[str]:
    return [area.room for area in analyze_text(text).affected_areas]


def test_where_someone_was_when_they_heard_the_loss_is_not_affected() -> None:
    # Given a tenant watching TV in one room when he heard the loss in another
    notes = (
        "Tenant rang at 9 pm. He was watching TV in the den when he heard the ceiling crack; water came "
        "down through the laundry ceiling above. Laundry vinyl wet."
    )
    # When it is read
    rooms = _rooms(notes)
    # Then the den is not affected, the laundry is
    assert "Den" not in rooms and "Laundry" in rooms


def test_where_a_family_slept_when_the_alarm_went_is_not_affected() -> None:
    # Given a family asleep in one room when the alarm sounded for a burst pipe elsewhere
    notes = (
        "We were asleep in the main bedroom when the alarm went off: the flexi hose had burst in the "
        "ensuite. Ensuite tiles and vanity wet."
    )
    # When it is read
    rooms = _rooms(notes)
    # Then the bedroom is not affected, the ensuite is
    assert "Main bedroom" not in rooms and "Ensuite" in rooms


def test_where_water_was_or_what_someone_saw_in_the_room_stays_affected() -> None:
    # Given water said to be in a room, and someone seeing the room's carpet soaked
    for notes in (
        "Water was in the lounge when she heard about it, carpet soaked.",
        "She was in the lounge when she saw the carpet was soaked.",
    ):
        # When it is read
        # Then the lounge is affected
        assert "Lounge" in _rooms(notes), notes
