"""A row's values each told with its own day ("71 on 11/8 - 52 on 11/9 - 27 on 11/11"), and two
such rows joined into one line by a wrap."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_day_runs import (
    barred_day_values,
    day_value_runs,
    value_day_runs,
    weekday_value_runs,
)
from chalicelib.analysis.offline.text import Line

_DATES = Dates([Line(1, "Springfield, IL, USA", "Springfield, IL, USA")], None)
_DAY = date(2026, 3, 2)


def test_each_value_takes_the_day_written_after_it() -> None:
    found = value_day_runs("B3 bath wall by tub, %  64 on 3/2, 41 on 3/3; 22 on 3/5", _DATES, _DAY)
    assert [(r.value, r.taken_on, r.unit) for r in found] == [
        (64.0, date(2026, 3, 2), "%"),
        (41.0, date(2026, 3, 3), "%"),
        (22.0, date(2026, 3, 5), "%"),
    ]
    assert found[0].label.startswith("B3 bath wall")


def test_a_second_row_wrapped_into_the_line_starts_at_its_words() -> None:
    text = (
        "hall wall %  50 on 3/2 - 33 on 3/3 - 20 on 3/5 stud behind it, %MC: 30 on 3/3, 21 on 3/5, 15 on 3/7"
    )
    found = value_day_runs(text, _DATES, _DAY)
    assert [(r.value, r.taken_on) for r in found][3:] == [
        (30.0, date(2026, 3, 3)),
        (21.0, date(2026, 3, 5)),
        (15.0, date(2026, 3, 7)),
    ]
    assert found[3].label.startswith("stud behind it")


def test_a_value_without_a_day_or_words_after_the_run_read_nothing() -> None:
    assert value_day_runs("hall wall 50 on 3/2 - 33 on arrival - 20 on 3/5", _DATES, _DAY) == []
    assert value_day_runs("hall wall 50 on 3/2 - 33 on 3/3 - 20 on 3/5 then it rained", _DATES, _DAY) == []
    assert value_day_runs("hall wall 50 on 3/2 - 33 on 3/3", _DATES, _DAY) == []  # (other readers')
    assert value_day_runs("Hall wall (pin, WME): 50 on 3/2, 33 on 3/3, 20 on 3/5.", _DATES, _DAY) == []


_NOTES = (
    "Job: dishwasher leak, 12 Oak St, Springfield, IL 62704, USA. Loss 3/1/2026, first visit 3/2/2026.\n"
    "Kitchen: drywall wet along the sink wall.\n"
    "\n"
    "READINGS\n"
    "Tramex ME5 on drywall (drywall scale, %).\n"
    " K2 kitchen wall by window, %     35 on 3/2\n"
    " K1 kitchen wall by sink, %       48 on 3/2 - 31 on 3/3 - 19 on 3/5 - 11 on 3/7\n"
)


def test_a_table_row_of_values_on_days_is_read_in_its_room() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_NOTES).moisture_readings}
    assert (48.0, "Kitchen", date(2026, 3, 2)) in found
    assert (11.0, "Kitchen", date(2026, 3, 7)) in found


# --- each day first: "3/2: 64   3/3: 41" -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "B  bath wall behind vanity, 2 in. up   3/2: 64   3/3: 41   3/5: 22",
            [(64.0, date(2026, 3, 2)), (41.0, date(2026, 3, 3)), (22.0, date(2026, 3, 5))],
        ),
        # a bracketed note may end the row; a relative scale named in its words reads over 100
        (
            "E  tile at tub (Tramex, REL)   3/2: 310, 3/3: 180 (still high)",
            [(310.0, date(2026, 3, 2)), (180.0, date(2026, 3, 3))],
        ),
    ],
)
def test_a_row_of_day_value_items_reads_each_on_its_day(
    text: str, expected: list[tuple[float, date]]
) -> None:
    assert [(r.value, r.taken_on) for r in day_value_runs(text, _DATES, _DAY)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Visited 3/2: 4 air movers placed, 3/3: 2 pulled",  # words after a value: a count, no reading
        "bath wall 3/2: 64",  # one item: another reader's, if anyone's
        "3/2: 64   3/3: 41",  # no place words before the first day
        "bath wall   3/2: 140   3/3: 120",  # over 100 with no relative scale named
    ],
)
def test_lines_that_are_no_row_of_day_value_items(text: str) -> None:
    assert day_value_runs(text, _DATES, _DAY) == []


def test_a_row_with_no_visit_to_date_it_takes_the_year_the_notes_write() -> None:
    notes = (
        "WORK ORDER 12-88-4410\n"
        "DOL: 03/01/2026  Address: 40 Elm St, Springfield, IL 62704\n"
        "Readings (pin meter %MC):\n"
        " A  bath baseboard by tub     3/2: 24   3/3: 17\n"
    )
    days = {(r.value, r.taken_on) for r in analyze_text(notes).moisture_readings}
    assert days == {(24.0, date(2026, 3, 2)), (17.0, date(2026, 3, 3))}


_MONDAY = date(2026, 3, 2)  # (a Monday)


def test_each_value_takes_its_weekday_placed_after_the_one_before() -> None:
    found = weekday_value_runs(
        "- W2 laundry skirting: Tue 40, Wed 31, Fri -, Mon 3/9 17", _DATES, _MONDAY, {}
    )
    assert [(r.value, r.taken_on) for r in found] == [
        (40.0, date(2026, 3, 3)),
        (31.0, date(2026, 3, 4)),  # (Friday was not read: a dash)
        (17.0, date(2026, 3, 9)),
    ]
    assert found[0].label == "W2 laundry skirting:"


def test_the_rows_under_take_the_days_the_row_above_gave_its_weekdays() -> None:
    state: dict[str, object] = {}
    weekday_value_runs("hall wall: Wed 3/4 60, Thu 44, Sat 30", _DATES, _MONDAY, state)
    found = weekday_value_runs("hall skirting: Wed 22, Thu 19, Sat 14", _DATES, date(2026, 3, 9), state)
    assert [r.taken_on for r in found] == [date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 7)]


@pytest.mark.parametrize(
    "text",
    [
        "Tue 40, Wed 31, Thu 22",  # (no place before the run: a story's line, its reader's)
        "hall wall: Tue 40, Wed 31",  # (two days are other readers')
        "hall wall: Tue 3/3 40, Wed 31, Thu 22 and then it rained",  # (words after the run)
        "hall wall: Wed 3/3 40, Thu 31, Fri 22",  # (March 3rd is a Tuesday: no day is sure)
        "crew: Tue 2 men, Wed 3 men, Thu 1 man",  # (counts of something else)
    ],
)
def test_no_weekday_run_where_a_day_or_the_row_is_unsure(text: str) -> None:
    assert weekday_value_runs(text, _DATES, _MONDAY, {}) == []


# --- each day first, the items between bars: "11/9 28 | 11/11 19 | cut out 11/12" -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "W2 bath wall by tub (drywall): 3/2 52 | 3/3 37 | 3/5 21",
            [(52.0, date(2026, 3, 2)), (37.0, date(2026, 3, 3)), (21.0, date(2026, 3, 5))],
        ),
        # a note for a day the point was not read is no reading; its day still counts as an item
        ("S1 sill plate (%MC): 3/3 26 | removed 3/5", [(26.0, date(2026, 3, 3))]),
        (
            "S2 stud at door (%MC): 3/3 = 24 | 3/5 18 | (dry, not re-read 3/7)",
            [(24.0, date(2026, 3, 3)), (18.0, date(2026, 3, 5))],
        ),
    ],
)
def test_a_row_of_barred_day_value_items_reads_each_on_its_day(
    text: str, expected: list[tuple[float, date]]
) -> None:
    found = barred_day_values(text, _DATES, _DAY)
    assert [(r.value, r.taken_on) for r in found] == expected
    assert found[0].label.startswith(text.split(":")[0][:4])


def test_a_barred_row_takes_the_scale_its_words_end_with() -> None:
    found = barred_day_values("S1 sill plate (%MC): 3/3 26 | 3/5 19", _DATES, _DAY)
    assert {r.unit for r in found} == {"%MC"}


@pytest.mark.parametrize(
    "text",
    [
        "K1 | kitchen wall | 3/2 | 48",  # (a table's cells: the place is parted from its day)
        "bath wall (drywall): 3/2 52",  # (no bar: the other day readers')
        "Visit 3/2: 4 air movers | 3/3: 2 pulled",  # (counts, no place then values)
        "bath wall: 3/2 52 | 3/3 37 x 2",  # (more than a value after a day)
        "bath wall: 3/2 52 | 6 holes drilled",  # (a number in a note: no such row)
        "bath wall: 3/2 52 | replaced",  # (a single dated item)
    ],
)
def test_lines_that_are_no_row_of_barred_day_values(text: str) -> None:
    assert barred_day_values(text, _DATES, _DAY) == []


def test_barred_rows_under_a_heading_are_read_in_their_rooms() -> None:
    notes = (
        "Job: toilet overflow, 12 Oak St, Springfield, IL 62704, USA. Loss 3/1/2026, first visit 3/2/2026.\n"
        "Bathroom: vinyl and drywall wet, water into the hallway carpet.\n"
        "Meter: Delmhorst BD-2100, drywall scale (%) on drywall, wood (%MC) on plates.\n"
        "READINGS (point: date value | date value)\n"
        "B1 bathroom wall behind toilet (drywall): 3/2 44 | 3/3 29 | 3/5 14\n"
        "H1 hallway wall at bath door (drywall): 3/2 31 | cut out 3/3\n"
    )
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(notes).moisture_readings}
    assert (44.0, "Bathroom", date(2026, 3, 2)) in found
    assert (14.0, "Bathroom", date(2026, 3, 5)) in found
    assert (31.0, "Hallway", date(2026, 3, 2)) in found
    assert len(found) == 4


# --- "place: day value, day value": each day then its value with a space alone ----------------

_SPACED_DAYS = [
    # (text, [(value, day)]): other separators, a note on a value, another date form
    (
        "laundry wall: 3/2 44, 3/4 30, 3/6 18",
        [(44.0, date(2026, 3, 2)), (30.0, date(2026, 3, 4)), (18.0, date(2026, 3, 6))],
    ),
    (
        "vanity kick (%MC): 3/2 27 (wet to touch); 3/5 15",
        [(27.0, date(2026, 3, 2)), (15.0, date(2026, 3, 5))],
    ),
    ("den carpet edge - 3/3 61 | 3/4 40", [(61.0, date(2026, 3, 3)), (40.0, date(2026, 3, 4))]),
    # (a place, its colon, one day's value, and a note that dates something else)
    ("utility room drywall: 3/3 88 - removed 3/5, not read again", [(88.0, date(2026, 3, 3))]),
]


@pytest.mark.parametrize(("text", "expected"), _SPACED_DAYS)
def test_a_day_then_its_value_after_a_space(text: str, expected: list[tuple[float, date]]) -> None:
    assert [(r.value, r.taken_on) for r in day_value_runs(text, _DATES, _DAY)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Equipment: 3/2 3 air movers, 3/4 2 air movers",  # (counts of units, each day)
        "Attended: 3/2 10 am",  # (a time)
        "hall wall 3/2 44",  # (one day's value with no colon after the place: other readers')
        "Crew on site 3/2 4, 3/3 2 then off",  # (words after the run)
    ],
)
def test_a_day_and_a_number_that_is_no_run(text: str) -> None:
    assert day_value_runs(text, _DATES, _DAY) == []


def test_rows_of_a_received_log_each_give_their_days() -> None:
    found = analyze_text(
        "Storm water entered 14 Elm Ct, Springfield IL 62704 on 3/1/2026. Den and hall carpet wet.\n"
        "3/6/2026 - the first contractor's moisture log came in (Protimeter, drywall %):\n"
        " Den drywall at 12 in.: 3/2 70 (max), 3/5 41\n"
        " Hall drywall: 3/2 38 - cut out 3/4, not re-read\n"
    ).moisture_readings
    read = {(r.value, r.location, r.taken_on) for r in found}
    assert {(70.0, "Den", date(2026, 3, 2)), (41.0, "Den", date(2026, 3, 5))} <= read
    assert (38.0, "Hall", date(2026, 3, 2)) in read or (38.0, "Hallway", date(2026, 3, 2)) in read
    assert not any(r.taken_on == date(2026, 3, 6) for r in found)


# --- a log that writes its days year first: "2026-03-02: 64   03-03: 41" ------------------------

_ISO_DATES = Dates(
    [
        Line(1, "Springfield, IL, USA", "Springfield, IL, USA"),
        Line(2, "Loss reported 2026-03-01", "Loss reported 2026-03-01"),
    ],
    None,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # later visits drop the year and keep month then day, whatever the document's own order
        (
            "C  stud base (office)   2026-03-02 = 31 %MC   03-04 = 22 %MC   03-06 = 15 %MC",
            [(31.0, date(2026, 3, 2)), (22.0, date(2026, 3, 4)), (15.0, date(2026, 3, 6))],
        ),
        (
            "P6 screed by the sliding door 2026-03-02: 4.8, 03-05: 4.1, 03-09: 3.9",
            [(4.8, date(2026, 3, 2)), (4.1, date(2026, 3, 5)), (3.9, date(2026, 3, 9))],
        ),
        # (an item's own relative unit reads over 100)
        (
            "7 GIB behind the washer (scullery)   2026-03-02: 210 REL   03-03: 140 REL",
            [(210.0, date(2026, 3, 2)), (140.0, date(2026, 3, 3))],
        ),
    ],
)
def test_days_written_year_first_then_without_the_year(text: str, expected: list[tuple[float, date]]) -> None:
    found = day_value_runs(text, _ISO_DATES, _DAY)
    assert [(r.value, r.taken_on) for r in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "hall wall   2026-03-02: 40   09-12: 30",  # (a month and day half a year away: no visit)
        "hall wall   2026-03-02: 40   03-41: 30",  # (no such day)
    ],
)
def test_year_first_logs_read_no_number_pair_as_a_day(text: str) -> None:
    assert day_value_runs(text, _ISO_DATES, _DAY) == []


def test_a_document_without_year_first_days_reads_no_dashed_pair_as_a_day() -> None:
    # ("hall wall 3/2: 40   03-04: 30" where no date is written year first: "03-04" is no day)
    assert day_value_runs("hall wall   3/2: 40   03-04: 30", _DATES, _DAY) == []


def test_a_point_list_with_year_first_visits_is_read_in_each_points_room() -> None:
    found = analyze_text(
        "Sump failure, 9 Birch Rd, Hamilton ON L8P 1A1, Canada. Loss 2026-03-01, first visit 2026-03-02.\n"
        "Games room approx 16 ft x 12 ft and the boiler room were flooded.\n"
        "Points (Tramex, REL on block walls):\n"
        "1 block wall at 4 in. (games room)    2026-03-02: 77 REL   03-04: 61 REL   03-07: 48 REL\n"
        "2 block wall at 4 in. (boiler room)   2026-03-02: 83 REL   03-04: 70 REL   03-07: 52 REL\n"
    ).moisture_readings
    read = {(r.value, r.location, r.taken_on) for r in found}
    assert (61.0, "Games room", date(2026, 3, 4)) in read
    assert (52.0, "Boiler room", date(2026, 3, 7)) in read
    assert not any(r.value in (3.0, 4.0, 7.0) for r in found)  # (no day's number read as a value)


# --- a barred row whose place ends with a dash, "day: value" items, a day not read -----------

_DASHED_BARRED = [
    # (text, [(value, day)]): the place parted from its days by a dash, not a colon
    (
        "M2 vinyl by fridge - 3/2: 66 | 3/3: 41 | 3/5: 22",
        [(66.0, date(2026, 3, 2)), (41.0, date(2026, 3, 3)), (22.0, date(2026, 3, 5))],
    ),
    # (an en dash, "=" after the day, a day not read in words with its reason)
    (
        "D4 door jamb \u2013 3/2 = 30 | 3/4: not read (door off) | 3/6 = 17",
        [(30.0, date(2026, 3, 2)), (17.0, date(2026, 3, 6))],
    ),
    ("W7 robe wall - 3/3: 25 | 3/5: n/r", [(25.0, date(2026, 3, 3))]),
]


@pytest.mark.parametrize(("text", "expected"), _DASHED_BARRED)
def test_a_barred_row_may_part_its_place_by_a_dash_and_skip_a_day(
    text: str, expected: list[tuple[float, date]]
) -> None:
    assert [(r.value, r.taken_on) for r in barred_day_values(text, _DATES, _DAY)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Visit - 3/2: 4 air movers | 3/3: 2 pulled",  # (counts after the days: no readings)
        "kitchen - 3/2 | 3/4",  # (days and no values)
        "hall wall 3/2: 44 | 3/3: 30",  # (no colon, dash or scale ends the place)
    ],
)
def test_dashed_lines_that_are_no_barred_row(text: str) -> None:
    assert barred_day_values(text, _DATES, _DAY) == []


def test_a_dashed_place_then_one_day_and_its_colon_is_a_run_of_one() -> None:
    found = day_value_runs("DS lounge wall - 3/2: 11", _DATES, _DAY)
    assert [(r.value, r.taken_on) for r in found] == [(11.0, date(2026, 3, 2))]
    # (a dashed place then one day and a bare number is no reading: a count or a size)
    assert day_value_runs("garage - 3/2 4", _DATES, _DAY) == []


# --- each day first, on a slab probe's %RH or under a meter line naming a relative scale ---------


@pytest.mark.parametrize(
    ("text", "relative", "expected"),
    [
        # a probe's humidity in the slab, the items parted by semicolons
        (
            "P1 hall slab centre: 3/2 96 %RH; 3/9 91 %RH",
            False,
            [(96.0, "%RH", date(2026, 3, 2)), (91.0, "%RH", date(2026, 3, 9))],
        ),
        # another spacing and separator of the unit ("% RH", a comma)
        (
            "H3 family room slab by door - 3/2 88% RH, 3/9 80% RH",
            False,
            [(88.0, "%RH", date(2026, 3, 2)), (80.0, "%RH", date(2026, 3, 9))],
        ),
        # values over 100 with no scale of their own, under a meter line declaring a relative scale
        (
            "B2 brick pier @ 200 mm: 3/2 640, 3/9 410",
            True,
            [(640.0, None, date(2026, 3, 2)), (410.0, None, date(2026, 3, 9))],
        ),
    ],
)
def test_day_value_items_with_a_probes_rh_or_a_declared_relative_scale(
    text: str, relative: bool, expected: list[tuple[float, str | None, date]]
) -> None:
    found = day_value_runs(text, _DATES, _DAY, relative=relative)
    assert [(r.value, r.unit, r.taken_on) for r in found] == expected


def test_values_over_100_with_no_relative_scale_declared_are_no_run() -> None:
    # (the near miss: the same row when the block named no relative scale)
    assert day_value_runs("B2 brick pier @ 200 mm: 3/2 640, 3/9 410", _DATES, _DAY) == []
