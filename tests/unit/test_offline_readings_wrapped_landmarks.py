"""A PDF table row whose label wrapped, the words under its point's code naming a room the point is
only by or toward ("K2 kitchen floor" / "by pantry 19 17 14"): the wrapped words go on the row's
label, and the row keeps the room its label opens with."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text


def _found(text: str) -> list[tuple[float, str, date | None]]:
    return [(r.value, r.location, r.taken_on) for r in analyze_text(text).moisture_readings]


_BY = """Drying review, 14 Rata Street, Lower Hutt. Loss Saturday 4 April 2026 (dishwasher).
First attended Sunday 5 April 2026.
Lounge, 5.0 x 4.0 m: rimu strip floor wet across about 9 m2. Hallway dry.
Readings - Protimeter, wood scale %MC
Point 5/4 7/4 9/4
L1 lounge floor at
window 21 17 13
L2  lounge  floor
by hallway 24 18 12
"""


def test_a_room_the_wrapped_row_is_by_is_no_room_of_its_own() -> None:
    # Given a wrapped row whose second line names the hallway it is by
    # When the notes are analysed
    found = _found(_BY)
    # Then its values are the lounge's, each on its column's day
    assert (24.0, "Lounge", date(2026, 4, 5)) in found
    assert (12.0, "Lounge", date(2026, 4, 9)) in found
    assert not any(where == "Hallway" for _, where, _ in found)


_TOWARD = """Site log - 9 Maple Ave, Guelph ON. Supply line burst Monday, May 11, 2026.
First visit Tuesday, May 12, 2026.
Family room, 18 x 14 ft: engineered floor wet. Laundry room dry.
Moisture readings (Delmhorst, %MC)
Point 5/12 5/14
F1 family room floor,
centre 19 12
F2 family room floor
towards laundry 23 15
"""


def test_a_room_the_wrapped_row_lies_toward_is_only_a_landmark() -> None:
    # Given a wrapped row whose second line says which room it lies toward
    # When the notes are analysed
    found = _found(_TOWARD)
    # Then its values stay in the family room
    assert (23.0, "Family room", date(2026, 5, 12)) in found
    assert (15.0, "Family room", date(2026, 5, 14)) in found


_OWN_ROOM = """Drying review, 14 Rata Street, Lower Hutt. Loss Saturday 4 April 2026 (dishwasher).
First attended Sunday 5 April 2026.
Lounge, 5.0 x 4.0 m: rimu strip floor wet. Hallway, 6 x 1 m: carpet wet at the lounge door.
Readings - Protimeter, wood scale %MC
Point 5/4 7/4 9/4
L1 lounge floor at
window 21 17 13
H1 hallway skirting 26 19 14
"""


def test_a_row_that_opens_with_its_room_keeps_that_room() -> None:
    # Given a row that names its own room first, with no landmark word before it
    # When the notes are analysed
    found = _found(_OWN_ROOM)
    # Then its values are that room's
    assert (26.0, "Hallway", date(2026, 4, 5)) in found
    assert (21.0, "Lounge", date(2026, 4, 5)) in found
