"""A room named for the alarm or sensor that hangs there ("the hall smoke/leak detector sounded") is
not an affected area; its own damage still makes it one."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def _rooms(text: str) -> list[str]:
    return [area.room for area in analyze_text(text).affected_areas]


def test_a_room_named_for_its_smoke_alarm_is_not_affected() -> None:
    # Given an alarm on the landing that went off when water reached the kitchen
    notes = (
        "The upstairs toilet cistern overflowed. The landing smoke alarm went off when water reached the "
        "light below. Kitchen ceiling wet."
    )
    # When it is read
    rooms = _rooms(notes)
    # Then only the kitchen is affected
    assert rooms == ["Kitchen"]


def test_a_room_named_for_a_leak_sensor_written_with_a_slash_is_not_affected() -> None:
    # Given a combined detector named with a slash in a room the water never reached
    notes = "Dishwasher hose split overnight; the study smoke/CO alarm chirped at 3 am. Kitchen vinyl wet."
    # When it is read
    # Then the study is not affected
    assert "Study" not in _rooms(notes)


def test_a_room_with_its_own_damage_beside_its_alarm_stays_affected() -> None:
    # Given a room with smoke damage whose detector is also named
    notes = "Pan fire. Kitchen ceiling and walls smoke damaged; the kitchen smoke detector melted."
    # When it is read
    # Then the kitchen is affected
    assert "Kitchen" in _rooms(notes)
