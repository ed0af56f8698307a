"""Points defined once and read again by their IDs in other layouts: a log whose first column is
titled "Ref" (the UK word for a point's code) under a legend table; a run of "ID-value" items
where a point is said not read in words ("7 n/r"); a list of numbered points under a long
sentence that leads in to it; a later visit "in the same order" that leaves a numbered point out."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_point_registry import point_registry
from chalicelib.analysis.offline.reading_point_values import keyed_values
from chalicelib.analysis.offline.reading_positional import left_out_points
from chalicelib.analysis.offline.text import Line


def _lines(text: str) -> list[Line]:
    return [Line(number, line, line) for number, line in enumerate(text.splitlines(), start=1)]


def _found(text: str) -> set[tuple[float, str, date | None, bool]]:
    return {(r.value, r.location, r.taken_on, r.is_reference) for r in analyze_text(text).moisture_readings}


# --- a log by rows of points, its code column titled "Ref" ------------------------------------

_LEGEND = (
    "Leak from the en-suite shower into the bedroom below, 4 Mill Lane, Leeds LS6 2AB. On site 03/02/2026.\n"
    "En-suite floor and the bedroom ceiling wet. Category 1, Class 3.\n"
    "{head}\n"
    "E1 | En-suite, floor by the tray | Plywood deck | WME\n"
    "B1 | Bedroom ceiling, under the tray | Plasterboard | Search (REL)\n"
    "D1 | Landing wall (dry standard) | Plasterboard | Search (REL)\n"
    "{log}\n"
    "E1 | 29 | 21 | 16\n"
    "B1 | 610 | 330 | 180\n"
    "D1 | 110 | 105 | 108\n"
)


@pytest.mark.parametrize(
    ("head", "log", "second"),
    [
        # (the legend's and the log's code columns both titled "Ref", the days written in full)
        ("Ref | Location | Material | Mode", "Ref | 03/02/2026 | 05/02/2026 | 09/02/2026", date(2026, 2, 5)),
        # (another title, "Ref no.", and the log's days by their month's name)
        ("Ref no. | Where | Substrate | Meter", "Ref no. | 3 Feb | 6 Feb | 9 Feb", date(2026, 2, 6)),
    ],
)
def test_a_log_whose_code_column_is_titled_ref_reads_each_row_as_its_point(
    head: str, log: str, second: date
) -> None:
    found = _found(_LEGEND.format(head=head, log=log))
    assert (29.0, "En-suite", date(2026, 2, 3), False) in found
    assert (330.0, "Bedroom", second, False) in found
    assert (105.0, "Landing", second, True) in found
    assert not any(location == "unspecified" for _, location, _, _ in found)


def test_a_ref_column_that_is_not_the_first_is_a_dry_standards_values() -> None:
    notes = (
        "Leak under the sink, 2 Elm Row, York YO1 7HH. On site 03/02/2026. Kitchen floor wet.\n"
        "Location | Ref | 03/02/2026 | 05/02/2026\n"
        "Kitchen plinth | 14 | 28 | 19\n"
    )
    found = _found(notes)
    assert (28.0, "Kitchen", date(2026, 2, 3), False) in found
    assert (14.0, "Kitchen", date(2026, 2, 3), False) not in found


# --- a run of "ID-value" items with a point said not read --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/3   1-31  2-24  3 n/r  4-18", [("1", 31.0), ("2", 24.0), ("4", 18.0)]),
        ("Wed 16/3  1=22  2=19  3 not re-read", [("1", 22.0), ("2", 19.0)]),
        ("18/3  (1) 15  2 removed  (3) 12", [("1", 15.0), ("3", 12.0)]),
    ],
)
def test_a_numbered_point_said_not_read_keeps_the_run(text: str, expected: list[tuple[str, float]]) -> None:
    run = keyed_values(text, {"1", "2", "3", "4"})
    assert run is not None
    assert [(value.code, value.value) for value in run.values] == expected


def test_a_number_and_a_word_alone_open_no_run() -> None:
    # ("2 removed 3 fitted": counts of things, not points)
    assert keyed_values("2 removed  3-14", {"1", "2", "3"}) is None


# --- a numbered list under a long sentence that leads in to it ----------------------------------

_EMAIL = (
    "From: Jo Pardoe\n"
    "Subject: claim HX-20031 - leak\n"
    "\n"
    "On Friday 6/3/2026 the dishwasher leaked into the kitchen and the dining room. Category 2.\n"
    "\n"
    "{lead}\n"
    "\n"
    "Friday 6/3:\n"
    "- 1 kitchen wall by the dishwasher 52\n"
    "- 2 kitchen kickboard 35\n"
    "- 3 dining room wall next to the door 27\n"
    "- 4 dining room wall by the window 14 (the edge of the wet)\n"
    "\n"
    "Monday 9/3, same order: 30, 21, 16 {remark}\n"
)


@pytest.mark.parametrize(
    ("lead", "remark"),
    [
        (
            "Jo's readings (she said the wall ones are on the plasterboard setting and the kickboard is"
            " on the timber pins) - her dry standard was the hallway wall at 10:",
            "- she didn't do number 4 again.",
        ),
        (
            "The readings the technician wrote on his sheet, which he said are all on the same meter and"
            " that the hallway was his dry standard:",
            "(point 4 not re-read)",
        ),
    ],
)
def test_a_numbered_list_under_a_long_lead_in_and_a_later_visit_that_leaves_one_out(
    lead: str, remark: str
) -> None:
    found = _found(_EMAIL.format(lead=lead, remark=remark))
    assert (52.0, "Kitchen", date(2026, 3, 6), False) in found
    assert (27.0, "Dining room", date(2026, 3, 6), False) in found
    assert (30.0, "Kitchen", date(2026, 3, 9), False) in found
    assert (16.0, "Dining room", date(2026, 3, 9), False) in found
    assert not any(value == 14.0 and day == date(2026, 3, 9) for value, _, day, _ in found)


@pytest.mark.parametrize(
    ("remark", "expected"),
    [
        ("- he didn't do number 7 again.", {"7"}),
        ("(no reading at point 3)", {"3"}),
        ("pt 2 and 5 not re-read", {"2", "5"}),
        ("skipped #4", {"4"}),
        ("- all at goal", set()),  # (no point named)
        ("- number 7 is the worst", set()),  # (a point named, not left out)
    ],
)
def test_the_points_a_visits_remark_leaves_out(remark: str, expected: set[str]) -> None:
    assert left_out_points(remark) == expected


# --- a log's day columns titled by the day's number and its date --------------------------------

_NUMBERED_DAYS = (
    "Burst pipe in the roof, 6 Lake Rd, Denver, CO 80220. Loss 4/1/2026.\n"
    "Field adjuster on site 4/9/2026.\n"
    "Hall closet ceiling and the hall carpet wet.\n"
    "| Pt | {one} | {two} |\n"
    "| C1 hall closet ceiling | 71 | 40 |\n"
    "| C2 hall carpet edge | 33 | 21 |\n"
)


@pytest.mark.parametrize(
    ("one", "two"),
    [("D1 4/2", "D3 4/4"), ("Day 1 (4/2)", "Day 3 (4/4)"), ("V1 - 4/2", "V2 - 4/4")],
)
def test_a_day_column_titled_by_its_number_and_date_takes_the_date(one: str, two: str) -> None:
    days = {
        (r.value, r.taken_on) for r in analyze_text(_NUMBERED_DAYS.format(one=one, two=two)).moisture_readings
    }
    assert (71.0, date(2026, 4, 2)) in days
    assert (21.0, date(2026, 4, 4)) in days


def test_a_day_column_titled_by_its_number_alone_counts_from_the_first_visit() -> None:
    notes = _NUMBERED_DAYS.replace("Field adjuster on site", "First visit").format(one="Day 1", two="Day 3")
    days = {(r.value, r.taken_on) for r in analyze_text(notes).moisture_readings}
    assert (71.0, date(2026, 4, 9)) in days
    assert (21.0, date(2026, 4, 11)) in days


# --- a log with a column per point, its legend one line of " / " parts ------------------------

_SLASHED = (
    "Washing machine hose split in the laundry, 14 Fig St, Katoomba NSW 2780. Loss 3 March 2026, "
    "attended 3 March 2026. Laundry and the rear hall wet.\n"
    "Moisture readings\n"
    "Meter: Protimeter in WME.\n"
    "L1 laundry wall board by the tub, 300 MM AFL / L2 laundry vanity kick (particleboard) / "
    "H1 rear hall skirting / REF-B study wall board / REF-F study floor particleboard\n"
    "{head}\n"
    "{first}\n"
    "{second}\n"
)


@pytest.mark.parametrize(
    ("head", "first", "second"),
    [
        # (as a PDF gives it: codes with their scale after them, each day by its month's name)
        ("Date L1 WME L2 WME H1 WME REF-B WME REF-F WME", "Mar 3 31 28 24 11 12", "Mar 5 15 - 13 11 -"),
        # (as a Word table gives it: the dry standards' codes lettered, not numbered)
        (
            "| Date | L1 WME | L2 WME | H1 WME | REF-B WME | REF-F WME |",
            "| 03/03 | 31 | 28 | 24 | 11 | 12 |",
            "| 05/03 | 15 | removed | 13 | 11 | - |",
        ),
        # (the scale after the codes left off, the days in full)
        ("Date L1 L2 H1 REF-B REF-F", "03/03/2026 31 28 24 11 12", "05/03/2026 15 - 13 11 -"),
    ],
)
def test_a_point_column_log_under_a_slashed_legend_reads_every_row(
    head: str, first: str, second: str
) -> None:
    found = _found(_SLASHED.format(head=head, first=first, second=second))
    assert (31.0, "Laundry", date(2026, 3, 3), False) in found
    assert (28.0, "Laundry", date(2026, 3, 3), False) in found
    assert (24.0, "Rear hall", date(2026, 3, 3), False) in found
    assert (12.0, "Study", date(2026, 3, 3), True) in found
    assert (15.0, "Laundry", date(2026, 3, 5), False) in found
    assert (13.0, "Rear hall", date(2026, 3, 5), False) in found
    assert (11.0, "Study", date(2026, 3, 5), True) in found
    assert len(found) == 8  # (a dash, "removed": no reading that day)


def test_a_height_in_capitals_ends_a_slashed_point_but_a_remark_is_no_point() -> None:
    registry = point_registry(
        _lines(
            "K1 kitchen wall board by the fridge, 2 FT AFF / K2 kitchen kick (MDF) / STD-W study wall board"
        )
    )
    assert sorted(registry.points) == ["K1", "K2", "STD-W"]
    assert registry.points["STD-W"].reference
    # the near miss: words after the slash that open with no ID are the same point's, not another
    near = point_registry(_lines("K1 kitchen wall board by the fridge, 2 FT AFF / re-checked after lunch"))
    assert "RE" not in near.points


@pytest.mark.parametrize(
    ("meter", "row", "unit"),
    [
        # (rows coded with a hyphen and a number, a space named by its number, the pins' scale per the meter)
        (
            "Meter: Protimeter, pins in WME, search mode on ceilings",
            "U4-2 Unit 4 hallway wall plaster (pins) 27 21",
            "WME",
        ),
        (
            "Meter: Protimeter - pins read %MC; search on ceilings",
            "U4-2 Unit 4 hallway wall plaster (pins) 27 21",
            "%MC",
        ),
    ],
)
def test_a_hyphen_coded_row_keeps_its_room_and_the_pins_scale(meter: str, row: str, unit: str) -> None:
    text = (
        "Leak from Unit 9 above into Unit 4, 20 Quay St, Hull HU1 1AA. Attended 01/12/2026.\n"
        "Unit 4 kitchen ceiling and hallway wall wet.\n"
        f"{meter}\n"
        "Point Location Material 01/12 03/12\n"
        "U4-1 Unit 4 kitchen ceiling plasterboard (search) 640 400\n"
        f"{row}\n"
    )
    readings = analyze_text(text).moisture_readings
    found = {(r.point, r.location, r.value, r.unit) for r in readings}
    assert ("U4-2", "Hallway", 27.0, unit) in found
    assert ("U4-1", "Kitchen", 640.0, "REL") in found


@pytest.mark.parametrize(
    "legend",
    [
        "DS1 lounge wall plaster - search / DS2 lounge skirting - pins / DS3 lounge screed - CME5",
        "DS1 lounge wall plaster (MMS2 search); DS2 lounge skirting (pins); DS3 lounge screed (CME4)",
    ],
)
def test_dry_standards_coded_ds_are_read_from_a_pdf_log(legend: str) -> None:
    text = (
        "Sewage into the basement flat, 2 Elm Rd, Cardiff CF5 1AA.\n"
        "Bedroom and hallway wet; lounge unaffected.\n"
        "P1 hallway skirting - pins (WME)\nP2 bedroom floor screed - CME5 (%)\n"
        f"{legend}\n"
        "Readings\nPoint 16/11 18/11\nP1 34 26\nP2 6.1 5.4\nDS1 180 -\nDS2 13 -\nDS3 3.2 -\n"
    )
    found = {(r.value, r.location, r.is_reference) for r in analyze_text(text).moisture_readings}
    assert {(180.0, "Lounge", True), (13.0, "Lounge", True), (3.2, "Lounge", True)} <= found
    assert (34.0, "Hallway", False) in found


def test_a_legend_part_with_a_bare_number_is_no_definition() -> None:
    # the near miss: "P4 bedroom skirting 22" holds a reading, so the line is no legend
    registry = point_registry(_lines("P3 hallway wall - search / P4 bedroom skirting 22 / P5 bedroom screed"))
    assert registry.points == {}
