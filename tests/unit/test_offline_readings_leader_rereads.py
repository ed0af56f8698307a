"""A numbered map written with dot leaders outside a readings heading ("2 skirting by shower ......
28 WME") keeps its points' numbers, so the later visits' lines of numbers ("16/03  1 - 150  2 - 22")
re-read them, even with a bracket naming the points not read that day."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_NOTES = """Laundry: tap spindle leak behind the machine, plasterboard and skirting wet.
Meter: Protimeter, pins = WME, search = REL.

15/03/2026
1 plasterboard behind washer ........ 280 REL
2 skirting by trough ................ 31 WME
3 skirting at door (check) .......... 15 WME

16/03  1 - 150   2 - 22   (3 not re-read)
18/03  1 - 96    2 - 16   3 - 13
"""


def _found() -> list[tuple[float, str | None, date | None]]:
    return [(r.value, r.unit, r.taken_on) for r in analyze_text(_NOTES).moisture_readings]


def test_a_dot_leader_maps_points_are_re_read_by_number() -> None:
    found = _found()
    assert (280.0, "REL", date(2026, 3, 15)) in found
    assert (96.0, "REL", date(2026, 3, 18)) in found
    assert (16.0, "WME", date(2026, 3, 18)) in found
    assert (13.0, "WME", date(2026, 3, 18)) in found


def test_a_bracket_naming_the_points_not_read_does_not_hide_the_visit() -> None:
    found = _found()
    assert (150.0, "REL", date(2026, 3, 16)) in found
    assert (22.0, "WME", date(2026, 3, 16)) in found
    # the bracket's point number is no value
    assert not [value for value, _, day in found if day == date(2026, 3, 16) and value == 3.0]
