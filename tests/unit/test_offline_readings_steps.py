"""Readings taken in steps away from a point: "at the door 30, 2 m along 22, 4 m along 18". The
distance after each comma places the next reading on the same surface; it is no length of a
series with the reading before it, and no point's number."""

from __future__ import annotations

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_numbers import numbers_in


def _found(text: str) -> list[tuple[float, str, str]]:
    return [(r.value, r.unit, r.location) for r in analyze_text(text).moisture_readings]


_STEPS = """Leak under the dishwasher, 8 Toa Rd, Nelson. Attended 11/05/2026.
Den 4 x 3 m: carpet wet along the kitchen wall.
Meter: Protimeter pins, WME.

Readings 11/05:
den carpet at the kitchen door 34, 1.5 m along 25, 3 m along 16
den skirting by the door 21 WME
"""

_FEET = """Slab leak, 20 Elm Ct, Mesa AZ. Inspected 03/02/2026.
Family room tile wet around the leak.

Readings 03/02:
family room tile at the leak 6.2 %, 4 ft out 4.8 %, 8 ft out 3.1 %
"""


def test_each_step_along_a_surface_is_a_reading_of_it() -> None:
    found = _found(_STEPS)
    assert (34.0, "WME", "Den") in found
    assert (25.0, "WME", "Den") in found
    assert (16.0, "WME", "Den") in found
    assert (21.0, "WME", "Den") in found
    assert len(found) == 4  # the distances are none


def test_steps_in_feet_with_their_scale() -> None:
    values = sorted(r[0] for r in _found(_FEET))
    assert values == [3.1, 4.8, 6.2]


def test_a_series_of_heights_is_still_no_reading() -> None:
    dates = Dates([], None)
    # heights listed with one unit, then their readings: the heights are lengths
    assert [n.value for n in numbers_in("GIB at 100, 300 and 600 mm: 38, 33 and 29", dates)] == [38, 33, 29]
    assert [n.value for n in numbers_in("wall at 100, 600 mm: 38, 33", dates)] == [38, 33]
    # a reading, then a step and the next reading: the first number is kept, the step is not
    assert [n.value for n in numbers_in("carpet 34, 2 m along 25", dates)] == [34, 25]


_BY_THE_DOOR = """Washer hose burst, 3 Tui Lane, Palmerston North. First visit 20/10/2026.
Laundry 2 x 2 m: vinyl and lining wet. Hall: carpet and skirting wet at the laundry door.
Pin meter, WME.
- 20th: laundry lining behind the machine 33, hall skirting by the laundry door 27 and three metres along 20.
- 22nd, the same three spots in the same order: 19, 16, 13.
"""


def test_a_reading_at_a_door_before_and_is_no_door_number() -> None:
    values = [r[0] for r in _found(_BY_THE_DOOR)]
    assert 27.0 in values  # "door 27 and": a reading by the door, not door 27 of a pair
    assert 20.0 in values  # "three metres along": a step along the same skirting
    assert values[-3:] == [19.0, 16.0, 13.0]  # re-read in the order of the three spots


def test_a_small_door_number_is_still_a_door() -> None:
    dates = Dates([], None)
    assert [n.value for n in numbers_in("near door 3 and window 2", dates)] == []
