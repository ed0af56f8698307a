"""A legend of numbered points, one a line ("1 - Seating area plaster, bay 4"), whose later lines
give each visit's values by the points' numbers, the visit by its month's name ("March 3: 1 = 30,
2 = 22"). A lane's, a bay's or a storey's number in a point's words is no reading, an area by its
name opens the point's place, and a room the point is only by is a landmark."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_registry import point_registry
from chalicelib.analysis.offline.reading_point_rereads import point_rereads
from chalicelib.analysis.offline.reading_point_rooms import point_room
from chalicelib.analysis.offline.text import Line

pytestmark = pytest.mark.unit

_GYM = """Burst pipe over the climbing gym, 18 Tern Rd, Leeds LS9 8AB. Attended 3 March 2026.
Bouldering area: 20 m x 9 m, rubber matting and plasterboard wet along the west wall.
Cafe: not affected; used for the dry standard.
Meter: Protimeter Mini (%WME).
1 - Bouldering area west wall plasterboard, bay 4, 300 mm up
2 - Bouldering area west wall plasterboard, near the cafe
3 - Bouldering area skirting, bays 6-7
4 - Cafe plasterboard (dry standard)
3 March: 1 = 34, 2 = 27, 3 = 31, 4 = 11
5 March: 1 = 22, 2 = 18, 3 = 20 (4 not read)
"""

_STORE = """Job 77-310. Water heater leak, 40 Kings Rd, Moncton NB. Attended October 5, 2025.
Stock area: sheet vinyl and drywall wet, 30 ft x 12 ft.
Office: unaffected, dry standard.
Legend:
1 - Stock area drywall, aisle 2
2 - Stock area baseboard, aisle 3 (%MC)
3 - Office drywall (dry standard)
October 5: 1 = 44, 2 = 29, 3 = 10
October 8: 1 = 21, 2 = 17, 3 = 10
"""


def _readings(text: str) -> set[tuple[str, float, date | None]]:
    return {(r.location, r.value, r.taken_on) for r in analyze_text(text).moisture_readings}


def test_numbered_legend_then_visits_by_month_name_gives_each_point_its_values() -> None:
    # Given a numbered legend whose points name their bay, and visits dated by the month's name
    found = _readings(_GYM)
    # Then each visit's values are the numbered points', on that visit's day, in the legend's area
    assert {
        ("Bouldering area", 34.0, date(2026, 3, 3)),
        ("Bouldering area", 27.0, date(2026, 3, 3)),
        ("Bouldering area", 31.0, date(2026, 3, 3)),
        ("Bouldering area", 22.0, date(2026, 3, 5)),
        ("Bouldering area", 20.0, date(2026, 3, 5)),
    } <= found
    # And the point not read that visit gives no value, and no bay's number is a reading
    assert not any(value in (4.0, 6.0, 7.0) for _, value, _ in found)


def test_a_second_layout_by_aisle_and_month_first_dates() -> None:
    # Given a legend whose points name their aisle, in another locale and trade
    found = _readings(_STORE)
    # Then the aisle numbers are no readings and the visits' values are the points'
    assert {
        ("Stock area", 44.0, date(2025, 10, 5)),
        ("Stock area", 29.0, date(2025, 10, 5)),
        ("Stock area", 21.0, date(2025, 10, 8)),
        ("Stock area", 17.0, date(2025, 10, 8)),
    } <= found
    assert not any(value in (2.0, 3.0) for _, value, _ in found)


def test_a_visit_line_by_month_name_is_read_by_the_points_numbers() -> None:
    # Given the points a legend defined
    known = frozenset({"1", "2", "3"})
    # When a visit's line opens with its day by the month's name
    found = point_rereads("April 14: 1 = 30, 2 = 22.5, 3 = 19 (4 not read)", known)
    # Then each number is its point's
    assert found == [("1", 30.0, None), ("2", 22.5, None), ("3", 19.0, None)]


def test_a_day_by_month_name_before_other_counts_is_no_visit_line() -> None:
    # Given the same points, and a line that counts equipment after its day
    known = frozenset({"1", "2", "3"})
    # Then it is not read as the points' values
    assert not point_rereads("April 14: 3 air movers, 2 dehumidifiers", known)
    assert not point_rereads("April 14: equipment 1 = pulled", known)


def test_lane_bay_and_storey_numbers_do_not_stop_a_definition() -> None:
    # Given legend lines whose words name a lane, a bay range and a storey
    lines = [
        Line(0, "", "1 - Seating area plaster, bay 4"),
        Line(1, "", "2 - Seating area skirting, lanes 9-10"),
        Line(2, "", "#3 1st floor landing carpet edge (%MC)"),
    ]
    # When the registry reads them
    points = point_registry(lines).points
    # Then each is a point, placed in the area its words open with (the lane's bay is where in it)
    assert points["1"].room == "Seating area"
    assert points["2"].room == "Seating area"
    assert "3" in points


def test_a_number_standing_alone_after_the_words_is_still_a_reading() -> None:
    # Given legend-like lines whose last number is a value, not a lane's or a floor's
    lines = [Line(0, "", "1 - lobby wall, aisle 6 45"), Line(1, "", "#2 2nd floor 31")]
    # Then they define no point
    assert point_registry(lines).points == {}


def test_a_room_the_point_is_only_by_is_a_landmark() -> None:
    # Given a point's words that open with a place the lexicon does not know, then "by" a room
    # Then the opening place is the point's
    assert point_room("Gallery west wall plasterboard, near the kitchen") == "Gallery"
    assert point_room("Mezzanine north wall drywall, by the restroom corridor") == "Mezzanine"
    # And a point that opens with no place is still in the room it names
    assert point_room("skirting by the laundry") == "laundry"
    # And a state word before "area" names no area
    assert point_room("Wet area drywall by the kitchen") == "kitchen"
