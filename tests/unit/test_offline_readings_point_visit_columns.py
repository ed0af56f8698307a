"""A numbered or lettered map's later visits as people write them on site: one point a line under
the visit's heading ("Visit 2 - Tue 4/08" then "1 - 61", "2 - cut out"), several points told not
read at once ("C and D removed"), a slip put right in a bracket ("E 71 (typo - re-read 17)"), and a
point whose words place it by another point's number ("4 ft east of #3")."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_column import column_item, visit_heading
from chalicelib.analysis.offline.reading_point_values import keyed_values

_RECEIVED = date(2026, 12, 31)
_COLUMN_NOTES = """12 Wren St, Unley SA 5061. Burst flexi hose under the laundry tub, 3/08/2026.
Laundry 3.0 x 2.2 m and hallway 4.0 x 1.1 m wet. Study = dry standard.
Meters: Protimeter pins %MC on timber; Tramex ME5 plasterboard scale % on walls.
Points
1 laundry wall plasterboard behind the tub
2 laundry pine skirting
3 hallway wall plasterboard
4 study wall plasterboard - dry std

Visit 1 - 3/08
1-44  2-31  3-36  4-11
Visit 2 - Tue 4/08 (laundry skirting pulled off Mon night)
1 - 61
2 - removed
3 - 27
4 - 11
Visit 3 - Thu 6/08
1-15  3-14  4-12
"""


def _found(notes: str) -> list[tuple[float, date | None]]:
    return [(r.value, r.taken_on) for r in analyze_text(notes, received=_RECEIVED).moisture_readings]


def test_a_visit_written_one_point_a_line_under_its_heading_is_read_that_day() -> None:
    # Given a numbered map whose second visit lists its points down the page
    # When the notes are analysed
    found = _found(_COLUMN_NOTES)
    # Then each point's line is that visit's reading, and the point not read gives none
    assert (61.0, date(2026, 8, 4)) in found
    assert (27.0, date(2026, 8, 4)) in found
    assert (11.0, date(2026, 8, 4)) in found
    assert not [value for value, day in found if day == date(2026, 8, 4) and value == 2.0]
    # And the visits on one line are still read
    assert (44.0, date(2026, 8, 3)) in found
    assert (15.0, date(2026, 8, 6)) in found


def test_a_lettered_column_item_and_a_marked_number_are_read_alone() -> None:
    # Given lines of one point each, in the ways people write them
    known = frozenset({"1", "2", "3", "B", "C"})
    # When each is read as a column item
    # Then the code, value and written scale come back; a point not read has no value
    assert column_item("#3: 18%", known) == ("3", 18.0, "%")
    assert column_item("B = 21", known) == ("B", 21.0, None)
    assert column_item("C 14 %MC", known) == ("C", 14.0, "%MC")
    assert column_item("2 - n/r", known) == ("2", None, None)


def test_a_bare_count_or_an_unknown_code_is_no_column_item() -> None:
    # Given lines that look like items but are not a known point's
    known = frozenset({"1", "2", "A"})
    # When each is read as a column item
    # Then none is: a bare number needs its mark, and the code must be the map's
    assert column_item("2 40", known) is None
    assert column_item("7 - 40", known) is None
    assert column_item("Z 12", known) is None
    assert column_item("a 12", known) is None


def test_a_line_with_readings_or_a_room_is_no_visit_heading() -> None:
    # Given a heading, and lines that start like one but say more
    # When each is tested as a visit's heading
    # Then only the heading alone is one
    assert visit_heading("Re-check 2 - Fri 9/10 (ceiling cut out Thu, 1.2 x 2.4 m)")
    assert visit_heading("14/05/2026 8.30 am:")
    assert not visit_heading("Visit 2 - 9/10 1-22 2-18")
    assert not visit_heading("Hallway 9/10")


def test_a_column_item_not_under_a_heading_is_not_read() -> None:
    # Given a numbered map, then a note that only happens to look like an item
    notes = _COLUMN_NOTES.replace(
        "Visit 2 - Tue 4/08 (laundry skirting pulled off Mon night)\n",
        "Visit 2 - Tue 4/08 (laundry skirting pulled off Mon night)\nAir movers moved.\n",
    )
    # When the notes are analysed
    found = _found(notes)
    # Then the lines under the note are no readings of that visit (the column's heading is not above)
    assert (61.0, date(2026, 8, 4)) not in found


def test_several_points_told_not_read_at_once_leave_the_line_read() -> None:
    # Given a visit's line where two points went together
    known = frozenset({"A", "B", "C", "D", "E"})
    run = keyed_values("A 22, B 19, C and D removed, E 14", known)
    also = keyed_values("A 20 | C & D n/r | E 12 | B 17", known)
    # When the lines are read by point
    # Then the other points keep their values and the joined ones give none
    assert run is not None and [(v.code, v.value) for v in run.values] == [("A", 22), ("B", 19), ("E", 14)]
    assert also is not None and [(v.code, v.value) for v in also.values] == [("A", 20), ("E", 12), ("B", 17)]


def test_points_joined_with_one_the_map_never_gave_are_no_run() -> None:
    # Given a line joining a code the map has and one it does not
    known = frozenset({"A", "B", "C"})
    # When it is read by point
    # Then the line is something else
    assert keyed_values("A 22, B and Q removed, C 14", known) is None


def test_a_slip_put_right_in_a_bracket_gives_the_right_value() -> None:
    # Given a value the writer corrects right after it
    known = frozenset({"A", "B", "E", "F"})
    run = keyed_values("A 25, E 71 (typo - re-read 17), F 13", known)
    other = keyed_values("B 12 / E 93 (typo: 39) / F 20", known)
    # When the line is read by point
    # Then the corrected value takes the slip's place
    assert run is not None and [(v.code, v.value) for v in run.values] == [("A", 25), ("E", 17), ("F", 13)]
    assert other is not None and ("E", 39.0) in [(v.code, v.value) for v in other.values]


def test_a_bracketed_remark_that_is_no_slip_keeps_the_value() -> None:
    # Given a bracket after a value that only remarks on the point
    known = frozenset({"A", "B", "C"})
    run = keyed_values("A 25, B 33 (sheet cut 20/11), C 13", known)
    # When the line is read by point
    # Then B keeps its own value
    assert run is not None and ("B", 33.0) in [(v.code, v.value) for v in run.values]


def test_a_point_placed_by_another_points_number_is_defined() -> None:
    # Given a numbered legend where one point is placed by another's "#" number
    notes = """4 Birch Ave, Toowong QLD 4066. Dishwasher leak 2/05/2026, kitchen and rumpus below wet.
Points (Delmhorst, %MC on wood, % on drywall):
1 - kitchen subfloor plywood at the dishwasher
2 - rumpus ceiling drywall under the dishwasher
3 - rumpus ceiling drywall 3 ft west of #2
4 - study drywall - dry standard
2/05 (first visit): 1-31, 2-44, 3-40, 4-10
4/05: 1=19 2=21 3=18 4=10
"""
    # When the notes are analysed
    found = _found(notes)
    # Then the third point's readings are read on both days, and the first day's line too
    assert (40.0, date(2026, 5, 2)) in found
    assert (18.0, date(2026, 5, 4)) in found
    assert (31.0, date(2026, 5, 2)) in found
