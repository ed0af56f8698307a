"""A visit's line of coded points ("15/3  K1 lining by sink 33 / K2 kick 29 / D1 dining skirting 24"),
then later visits' lines of the codes alone ("17/3  K1 22 / K2 18 / D1 15"): the first code after the
day is a point like the others, each code's letters name its room when they are one affected room's
initial, a later visit is read on its own day, and a dry standard run on after the last value ("...
24 ref - bed 1 skirting 12") is an item of its own."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_NOTES = """Attended 15/03/2026. Dishwasher hose split overnight.
Kitchen 3.6 x 3.0: lining wet low behind the sink run, kick boards swollen.
Dining: skirting wet along the kitchen side.

Pin meter, WME:
15/3  K1 lining by sink 33 / K2 kick under oven 29 / D1 dining skirting at doorway 24 ref - bed 1 skirting 12
17/3  K1 22 / K2 18 / D1 15
19/3  K1 14 / K2 13 / D1 12 -> all at goal, gear out.
"""


def _found() -> list[tuple[float, str, date | None, bool]]:
    return [(r.value, r.location, r.taken_on, r.is_reference) for r in analyze_text(_NOTES).moisture_readings]


def test_the_first_code_after_the_day_is_a_point_read_again_later() -> None:
    found = _found()
    assert (33.0, "Kitchen", date(2026, 3, 15), False) in found
    assert (22.0, "Kitchen", date(2026, 3, 17), False) in found
    assert (14.0, "Kitchen", date(2026, 3, 19), False) in found


def test_a_codes_letters_name_its_room_not_a_later_items_room() -> None:
    found = _found()
    # K1 and K2 name no room; the dining room is named only by D1's item
    assert {f[1] for f in found if f[0] in (29.0, 18.0)} == {"Kitchen"}
    assert (15.0, "Dining", date(2026, 3, 17), False) in found


def test_a_dry_standard_run_on_after_the_last_value_is_its_own_item() -> None:
    found = _found()
    assert (24.0, "Dining", date(2026, 3, 15), False) in found
    assert any(f[0] == 12.0 and f[3] and f[2] == date(2026, 3, 15) for f in found)
