"""A moisture map's points read again by their codes alone on later visits."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_rereads import point_rereads

pytestmark = pytest.mark.unit

_MAP = """Job 3391, 6 Aralia St, Nightcliff NT 0810. Attended Wed 04/03/2026.
Master bedroom (4.0 x 3.6 m): floorboards wet near the ensuite wall.
MC (Protimeter, %WME)
A  master bed floorboards at ensuite wall ............. 30%
B  master bed floorboards 0.6 m out .................. 26%

Re-check Fri 06/03/2026:
A 21% | B 18% | X 40% | C not read
Re-check Mon 09/03/2026:
A 16% | B 15% - all at goal, equipment out.
"""


def test_points_read_again_by_code_are_the_maps_points_on_that_day() -> None:
    # Given a lettered map, then two visits that give only the codes and their values
    found = {
        (r.value, r.taken_on) for r in analyze_text(_MAP).moisture_readings if r.location == "Master bedroom"
    }
    # Then each code's value is its point's on the visit's day (a code the map never gave is none)
    assert {(21.0, date(2026, 3, 6)), (18.0, date(2026, 3, 6)), (16.0, date(2026, 3, 9))} <= found
    assert (15.0, date(2026, 3, 9)) in found
    assert all(value != 40.0 for value, _ in found)


def test_a_line_of_other_words_is_no_reread() -> None:
    known = frozenset({"A", "B"})
    assert point_rereads("A 21% | B 18%", known) == [("A", 21.0, "%"), ("B", 18.0, "%")]
    assert point_rereads("Kitchen 21% | bath 18%", known) is None
    assert point_rereads("A 21%", known) is None  # one item is a label, not a visit's line


_MAP_THEN_TABLE = """Job 5120, 14 Elm Cres, Calgary AB T2K 1A1. Attended 2025-01-14.
Rec room: carpet and underpad wet along the north wall.
Storage room: not affected, used for dry standards.
MC
A  bottom plate, rec room north wall ............ 26%
B  drywall @ 4 in., rec room north wall ......... 71%
C  drywall, storage room (unaffected) ............ 12%  (dry standard)
Dry goals: drywall within 4 of C; wood 15% or less.
A is the wettest point at 26% - not a standard.
Follow-up readings (same points, 2025-01-16 and 2025-01-18)
{rows}
All points at goal on 2025-01-18.
"""


@pytest.mark.parametrize(
    "rows",
    ["| A | 19 | 14 |\n| B | 33 | 16 |\n| C | 12 | - |", "A 19 14\nB 33 16\nC 12 -"],
    ids=["table", "pdf-text"],
)
def test_a_table_of_points_by_the_days_its_heading_lists_reads_each_point_on_each_day(rows: str) -> None:
    # Given a lettered map, then a table with one row per point and one column per day the heading
    # names, as a Word table gives it or as a PDF's text does
    readings = analyze_text(_MAP_THEN_TABLE.format(rows=rows)).moisture_readings
    found = {(r.location, r.value, r.taken_on, r.is_reference) for r in readings}
    # Then each cell is its point's reading on its column's day, in its point's room
    assert {
        ("Rec room", 19.0, date(2025, 1, 16), False),
        ("Rec room", 14.0, date(2025, 1, 18), False),
        ("Rec room", 33.0, date(2025, 1, 16), False),
        ("Rec room", 16.0, date(2025, 1, 18), False),
    } <= found
    # and the dry standard read again stays the dry standard; a dash is no reading
    assert {(r.value, r.taken_on) for r in readings if r.is_reference} == {
        (12.0, date(2025, 1, 14)),
        (12.0, date(2025, 1, 16)),
    }


def test_a_point_named_by_its_letter_after_the_dry_standards_is_not_one() -> None:
    # "A is the wettest point at 26% - not a standard", after the storage room's lines
    readings = analyze_text(_MAP_THEN_TABLE.format(rows="")).moisture_readings
    assert [r.is_reference for r in readings if r.value == 26.0] == [False, False]


def test_a_map_line_padded_with_leader_dots_is_in_the_room_it_names() -> None:
    # "C  drywall, storage room (unaffected) ...... 12%": the leader ends no sentence, so the room
    # the line names is the point's, not the room the notes were last about
    readings = analyze_text(_MAP_THEN_TABLE.format(rows="")).moisture_readings
    assert [(r.location, r.is_reference) for r in readings if r.value == 12.0] == [("Storage room", True)]


_NUMBERED_MAP = """Job 8812, 3 Saguaro Dr, Mesa AZ 85201. Inspected 10/14/2025.
Kitchen 12 x 10 ft and family room 16 x 14 ft: dishwasher leak.
MOISTURE MAP (Tramex ME5: drywall REL; wood %MC)
P1  Kitchen - toe kick at dishwasher ............. 29 %MC
P2  Kitchen - drywall, wall to family rm ......... 61 REL
P3  Family rm - baseboard S wall ................. 21 %MC

10/16 recheck: 1-18  2-30  3-14
10/18 recheck: 1-12  2-14  3-11  all at goal
"""


def test_numbered_points_read_again_by_number_and_dash() -> None:
    found = {(r.value, r.unit, r.location, r.taken_on) for r in analyze_text(_NUMBERED_MAP).moisture_readings}
    # the map's point is in the room that leads its row, not the one its wall faces
    assert (61.0, "REL", "Kitchen", date(2025, 10, 14)) in found
    assert (18.0, "%MC", "Kitchen", date(2025, 10, 16)) in found
    assert (30.0, "REL", "Kitchen", date(2025, 10, 16)) in found
    assert (14.0, "%MC", "Family room", date(2025, 10, 16)) in found
    assert (11.0, "%MC", "Family room", date(2025, 10, 18)) in found
    assert len(found) == 9


def test_a_visit_line_of_numbered_items_needs_its_day_first() -> None:
    known = frozenset({"P1", "P2"})
    assert point_rereads("10/16 recheck: 1-18 2-30", known) == [("P1", 18.0, None), ("P2", 30.0, None)]
    assert point_rereads("1-18 2-30", known) is None  # a range of numbers is no visit
    assert point_rereads("10/16 1-18 2-30 then 3 more", known) is None


_LEGEND_THEN_VISITS = """Job 4410, 5/9 Banksia Pl, Bruce ACT 2617. Att 14/08/26.
Laundry tap leak into hall. Hall vinyl and plasterboard wet.
Meter Tramex ME5, REL on plasterboard and vinyl, %MC pins on pine.
Points
1 hall plasterboard by laundry door 100 AFL (REL)
2 hall skirting pine (%MC)
3 hall vinyl at door (REL)

14/08 1-31 2-20 3-44
16/08 1-14 2-13 3-18 all at goal.
"""


def test_a_listed_legends_points_read_on_each_visit_by_number() -> None:
    found = {
        (r.value, r.unit, r.location, r.taken_on) for r in analyze_text(_LEGEND_THEN_VISITS).moisture_readings
    }
    assert (31.0, "REL", "Hall", date(2026, 8, 14)) in found
    assert (20.0, "%MC", "Hall", date(2026, 8, 14)) in found
    assert (18.0, "REL", "Hall", date(2026, 8, 16)) in found
    assert 100.0 not in {value for value, *_ in found}  # a height above the floor is no reading
    assert len(found) == 6


def test_a_visits_line_of_points_by_their_word_and_an_equals_sign() -> None:
    # Given a re-check line that opens on its day and names each point "Pt n = value", with a note
    line = "Day 2, 4/22: Pt 1 = 14 / Pt 2 = 11 / Pt 4 = 33  -> all points at goal"
    # Then each known point's value is read, in order, and the note is no item
    assert point_rereads(line, frozenset({"1", "2", "4"})) == [
        ("1", 14.0, None),
        ("2", 11.0, None),
        ("4", 33.0, None),
    ]


_VISITS = """Job 118, 40 Ridge Rd, Nampa ID 83651. First visit 5/11/2026.
Laundry room 8 x 6 ft, drywall wet behind the washer. Mud room 10 x 6 ft, drywall wet.
Meter: Delmhorst, drywall scale (REL).
Readings
Day 1, 5/11:
  Pt 1 laundry wall behind washer = 52
  Pt 2 mud room wall by the door = 44
Day 2, 5/12: Pt 1 = 31 / Pt 2 = 26
Day 3, 5/13: Pt 1 = 15 / Pt 2 = 12
"""


def test_points_called_pt_with_a_capital_are_read_again_by_their_numbers() -> None:
    # Given numbered points written "Pt 1 <place> = value", later given as "Pt 1 = 31 / Pt 2 = 26"
    found = {(r.value, r.location) for r in analyze_text(_VISITS).moisture_readings}
    # Then the later values are the points' own, in the rooms the points were first read in
    assert {(31.0, "Laundry room"), (26.0, "Mud room"), (15.0, "Laundry room"), (12.0, "Mud room")} <= found


def test_a_visit_line_that_opens_with_its_own_date_is_read_that_day() -> None:
    # Given visit lines "Day 2, 5/12: ..." right under the first visit's heading
    found = {(r.value, r.taken_on) for r in analyze_text(_VISITS).moisture_readings}
    # Then each line's readings are of its own day, not of the heading above the list
    assert {(31.0, date(2026, 5, 12)), (26.0, date(2026, 5, 12)), (15.0, date(2026, 5, 13))} <= found


_VALUES_BY_ORDER = """Job 2207, 5 Totara St, Hamilton. Attended 14/09/2026.
Kitchen 4 x 3 m, plasterboard and subfloor wet. Hall 1 x 5 m, skirting wet.
Readings - Protimeter: WME on timber, search mode (REL) on plasterboard.
14/09: kitchen subfloor 30 WME; kitchen plasterboard 410; hall skirting 22 WME
16/09: 21; 250; 15
"""


def test_a_visit_of_values_alone_reads_the_list_before_it_in_order() -> None:
    # Given a first visit's list of places and values, then a visit giving only the values
    found = {
        (r.value, r.unit, r.location, r.taken_on) for r in analyze_text(_VALUES_BY_ORDER).moisture_readings
    }
    # Then each value is the place in the same position of the list before it, on its own day
    assert (21.0, "WME", "Kitchen", date(2026, 9, 16)) in found
    assert (250.0, "REL", "Kitchen", date(2026, 9, 16)) in found
    assert (15.0, "WME", "Hall", date(2026, 9, 16)) in found


def test_a_value_over_100_is_on_the_relative_scale_the_notes_name() -> None:
    # Given notes naming a relative scale for plasterboard, and a ceiling read at 540 by no material
    notes = _VALUES_BY_ORDER + "17/09: kitchen ceiling 540 at the light.\n"
    found = {(r.value, r.unit) for r in analyze_text(notes).moisture_readings}
    # Then the value is a reading on that relative scale, not dropped as an impossible percentage
    assert (540.0, "REL") in found


def test_numbered_points_read_again_with_an_equals_sign_after_a_weekday_and_date() -> None:
    # "Sat 21/11: 1=19 2=17": the visit's weekday and date, then each point by number and "="
    known = frozenset({"1", "2", "3"})
    assert point_rereads("Sat 21/11: 1=19 2=17 3=12", known) == [
        ("1", 19.0, None),
        ("2", 17.0, None),
        ("3", 12.0, None),
    ]
    assert point_rereads("Sun 22/11: 1=14 2=13 - all done.", known) == [("1", 14.0, None), ("2", 13.0, None)]


# --- numbered points a space from their values, the slashes parting the items -------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a weekday and a day, then the run; the visit's note after a stop
        (
            "Mon 16/11  1 22 / 2 19 / 3 18%MC. pulled one fan",
            [("1", 22.0, None), ("2", 19.0, None), ("3", 18.0, "%MC")],
        ),
        # another lead (a day alone), a scale on each item, the note after a semicolon
        (
            "21/11 1 15 WME / 2 13 WME / 3 12 WME; all at goal",
            [("1", 15.0, "WME"), ("2", 13.0, "WME"), ("3", 12.0, "WME")],
        ),
        # the map's codes written "P1", read by their numbers
        ("Day 3  1 14 / 2 12", [("P1", 14.0, None), ("P2", 12.0, None)]),
    ],
)
def test_numbered_points_a_space_from_their_values_read_by_number(
    line: str, expected: list[tuple[str, float, str | None]]
) -> None:
    known = frozenset({"1", "2", "3"}) if "Day 3" not in line else frozenset({"P1", "P2", "P3"})
    assert point_rereads(line, known) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Mon 16/11  3 fans / 1 dehu left running",  # equipment counts, no points
        "Mon 16/11  7 22 / 8 19",  # numbers the map never defined
        "Mon 16/11  1 22 / 2 19 / 3 18 then another 4 16 by the door",  # a sentence, not a run
    ],
)
def test_a_slash_run_that_is_not_the_maps_points_is_no_reread(line: str) -> None:
    assert not point_rereads(line, frozenset({"1", "2", "3"}))


_BY_VISIT = (
    "Moisture record - 4 Tamar St, Launceston TAS 7250\n"
    "Assessed Tue 8 December 2026. Burst pipe in the wall between the laundry and the kitchen found 8/12.\n"
    "Points (Protimeter: search on plaster, pins on timber)\n"
    "A - laundry, shared wall, plaster 300 mm above floor (search)\n"
    "B - laundry boards against the shared wall (pins)\n"
    "D - lounge plaster, dry standard (search)\n"
    "Readings by visit\n"
    "08/12: A 910, B 33, D 170\n"
    "{second}\n"
    "B was not re-read after {after}.\n"
)


@pytest.mark.parametrize(
    ("second", "after", "day"),
    [
        ("11/12: A 760, B 27, D n/r", "11/12", date(2026, 12, 11)),
        ("Thu 10/12 - A 760; B 27; D n/r", "10/12", date(2026, 12, 10)),
    ],
)
def test_a_visit_line_of_re_read_letters_is_dated_by_its_own_day(second: str, after: str, day: date) -> None:
    found = {
        (r.value, r.taken_on)
        for r in analyze_text(_BY_VISIT.format(second=second, after=after)).moisture_readings
    }
    assert (760.0, day) in found
    assert (27.0, day) in found
    assert (910.0, date(2026, 12, 8)) in found


# --- a visit's line led by its label and count, a point not read holding its place ----------------

_LABELLED_VISITS = """Job 7781, 3 Quarry Rd, Toowoomba QLD 4350. Attended Mon 08/06/2026.
Ensuite flexi hose burst; ensuite and robe wet. Category 1.
Readings (Protimeter, WME on timber)
Day 1 8/6:
1. ensuite vanity kickboard 34
2. robe floor particleboard at door 29
3. robe skirting 24
4. ensuite architrave 20
{second}
{third}
"""


@pytest.mark.parametrize(
    ("second", "third"),
    [
        (  # a visit's word and count, then its day and a colon; a point cut out; a standard after
            "Visit 2 10/6: 1 = 25, 2 = 21, 3 = removed, 4 = 15. Std hall skirting 12.",
            "Visit 3 12/6: 1 = 17, 2 = 14, 4 = 12 (3 not re-read - it was gone)",
        ),
        (  # another label, the day in brackets and a dash, the items by dash
            "Trip #2 (10/6) - 1 - 25; 2 - 21; 3 - cut out; 4 - 15",
            "Trip #3 (12/6) - 1 - 17; 2 - 14; 4 - 12",
        ),
        (  # a follow-up by its number and "on" the day
            "Follow-up 2 on 10/6: #1=25, #2=21, #3=n/a, #4=15",
            "Follow-up 3 on 12/6: #1=17, #2=14, #4=12",
        ),
    ],
)
def test_a_visit_line_led_by_its_label_and_count_is_read_on_its_own_day(second: str, third: str) -> None:
    found = {
        (r.value, r.location, r.taken_on)
        for r in analyze_text(_LABELLED_VISITS.format(second=second, third=third)).moisture_readings
    }
    values = {(value, day) for value, _, day in found}
    assert {(25.0, date(2026, 6, 10)), (21.0, date(2026, 6, 10)), (15.0, date(2026, 6, 10))} <= values
    assert {(17.0, date(2026, 6, 12)), (14.0, date(2026, 6, 12)), (12.0, date(2026, 6, 12))} <= values
    # (the visit's count and its day's numbers are no readings; nothing of a later visit on day 1)
    assert not any(
        day == date(2026, 6, 8) and value in (25.0, 21.0, 17.0, 2.0, 10.0) for value, day in values
    )


def test_a_labelled_line_of_other_items_is_no_visit_of_the_points() -> None:
    known = frozenset({"1", "2", "3", "4"})
    assert point_rereads("Visit 2 10/6: 1 = 25, 2 = cut, 4 = 15", known) == [
        ("1", 25.0, None),
        ("4", 15.0, None),
    ]
    # (a booking of equipment by the visit's day: no points' values)
    assert point_rereads("Visit 2 booked for 10/6: 3 air movers, 1 dehu", known) is None
    # (a point count is no label: "2 10/6" is not "visit 2 on 10/6")
    assert point_rereads("2 10/6: 1 = 25, 2 = 21", known) is None


@pytest.mark.parametrize(
    ("second", "day"),
    [
        # (the day by its month's name, the letters parted by slashes, a point not read)
        ("Dec. 10: A 760 / B 27 / D not read", date(2026, 12, 10)),
        # (the day before its month, a sentence after the items saying which point was skipped)
        ("10th Dec - A 760, B 27. D skipped (lounge closed).", date(2026, 12, 10)),
        # (a year-first day)
        ("2026-12-10: A 760; B 27; D n/r", date(2026, 12, 10)),
    ],
)
def test_a_visit_line_dated_in_words_reads_the_maps_letters_that_day(second: str, day: date) -> None:
    found = {
        (r.value, r.taken_on)
        for r in analyze_text(_BY_VISIT.format(second=second, after="10/12")).moisture_readings
    }
    assert {(760.0, day), (27.0, day), (910.0, date(2026, 12, 8))} <= found
    assert not any(value in (760.0, 27.0) and taken != day for value, taken in found)


def test_a_sentence_after_the_items_that_is_another_list_is_no_note() -> None:
    known = frozenset({"A", "B", "D"})
    # (the sentence after is more of the map's items: the line is not cut there and read as one)
    assert point_rereads("Dec. 10: A 760, B 27. D 150 at the standard", known) is None
    # (a word's hyphen is no point not read: "Re-check" is not a code "RE" with a dash)
    rechecked = point_rereads("Re-check 11/12/2026: A 300, B 18 %MC. A still wet.", known)
    assert rechecked is None or ("A", 300.0, None) in rechecked
    # (a day in words before other words is no visit's line)
    assert point_rereads("Dec. 10: lounge 12, hall 14", known) is None
