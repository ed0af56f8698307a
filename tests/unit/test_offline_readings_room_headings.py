"""Readings listed under a room's heading: a line of the days the values were taken ("(3/5 | 5/5 |
8/5)"), then each room's name on a line of its own, and under it the points, each "place: value |
value | value" with the scale after the last. The heading's room is the points' room, a room named
after "at" in a point is only a landmark, and the first value (the intake's) is read too."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _found(text: str) -> list[tuple[float, str, str, date | None]]:
    return [(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(text).moisture_readings]


def _rooms(found: list[tuple[float, str, str, date | None]], *values: float) -> set[str]:
    """The rooms of the readings of these values, without the floor a room's name may start with."""
    return {f[2].lower().removeprefix("upstairs ") for f in found if f[0] in values}


_HEADED = """Inspection 3/5/2026, 14 Reeve St, Ballarat VIC 3350.
A toilet cistern hose let go upstairs.

Upstairs
- Bathroom: floor tiles wet, vanity kick swollen, wall lining wet at the base.
- Bedroom 2: carpet wet along the bathroom door.

Readings - Protimeter, timber and plasterboard in WME
(3/5 | 5/5 | 8/5)
Upstairs bathroom
  wall lining beside pan, 100 mm up: 41 | 28 | 16 WME
  vanity kick: 36 | 24 | 15 WME
Upstairs bedroom 2
  carpet at bathroom door: 44 | 21 | 13 WME
  skirting by the robe: 25 | 17 | 12 WME
"""


def test_the_first_value_after_a_colon_is_read_on_the_first_day() -> None:
    found = _found(_HEADED)
    assert any(f[0] == 41.0 and f[3] == date(2026, 5, 3) for f in found)
    assert any(f[0] == 28.0 and f[3] == date(2026, 5, 5) for f in found)
    assert any(f[0] == 16.0 and f[3] == date(2026, 5, 8) for f in found)


def test_points_under_a_room_heading_are_that_rooms() -> None:
    found = _found(_HEADED)
    # Given points whose own words name no room, under "Upstairs bathroom"
    assert _rooms(found, 41.0, 36.0) == {"bathroom"}
    # Given "Upstairs bedroom 2", a heading with its floor before the room
    assert _rooms(found, 25.0, 17.0) == {"bedroom 2"}


def test_a_room_after_at_under_a_heading_is_a_landmark() -> None:
    found = _found(_HEADED)
    # "carpet at bathroom door" under the bedroom's heading is the bedroom's carpet
    assert _rooms(found, 44.0, 21.0) == {"bedroom 2"}


def test_a_table_row_naming_its_own_room_keeps_it_under_a_heading() -> None:
    text = """Inspection 3/5/2026. Laundry tub overflowed into the laundry and hall.

Readings (WME)
| Point | Place | 3/5 | 5/5 |
Laundry
| 1 | hall skirting | 30 | 18 |
| 2 | laundry wall | 42 | 25 |
"""
    found = _found(text)
    assert _rooms(found, 30.0, 18.0) == {"hall"}
