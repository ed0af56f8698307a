"""Drying logs whose header gives its days or its columns in ways that are not plain dates or
point codes: month-and-day titles with a dash in notes dated in full, a wide table of points that
also carries the air's columns, and a meter's span written beside its scale."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_column_days import column_days
from chalicelib.analysis.offline.reading_row_parts import dashed_days
from chalicelib.analysis.offline.reading_table_places import leading_room_words
from chalicelib.analysis.offline.text import Line

_FILE_NOTES = """Claim 88-2291
2026-04-02 10:00  Site visit. Water heater let go in the basement overnight (2026-04-01).
Basement family room and furnace room affected; the office down there is dry (used as the standard).

Readings (Delmhorst, drywall %, wood %MC):
  Point                        04-02   04-04   04-06
  Family room drywall          44%     21%     12%
  Family room bottom plate     31%MC   19%MC   13%MC
  Furnace room drywall         38%     --      --
  Office drywall (dry std)     9%      9%      9%
"""


def test_month_and_day_titles_with_a_dash_head_the_columns_of_days() -> None:
    found = {
        (r.value, r.location, r.taken_on, r.is_reference) for r in analyze_text(_FILE_NOTES).moisture_readings
    }
    assert (44.0, "Family room", date(2026, 4, 2), False) in found
    assert (21.0, "Family room", date(2026, 4, 4), False) in found
    assert (13.0, "Family room", date(2026, 4, 6), False) in found
    assert (9.0, "Office", date(2026, 4, 6), True) in found
    assert not any(r.taken_on is None for r in analyze_text(_FILE_NOTES).moisture_readings)


def test_dashed_titles_are_days_only_in_twos_near_the_entry_and_in_order() -> None:
    dates = Dates([Line(0, "2026-04-02 visit", "2026-04-02 visit")], None)
    anchor = date(2026, 4, 2)
    assert dashed_days("Point  04-02  04-04", dates, anchor) == {"04-02": anchor, "04-04": date(2026, 4, 4)}
    assert dashed_days("Goal 10-12", dates, anchor) == {}  # one alone is a range as often as a day
    assert dashed_days("Point  04-04  04-02", dates, anchor) == {}  # days run forward
    assert dashed_days("Sizes 10-12 14-16", dates, anchor) == {}  # far from the entry's day
    assert dashed_days("Point  04-02  04-04", dates, None) == {}


_WIDE_LOG = """Drying log - 4 Beach Rd, Torquay VIC 3228
Date of loss: 03/03/2026. First visit 04/03/2026.
Kitchen and hall affected; the study is not affected.

Point legend
K1 Kitchen wall, plasterboard (REL)
K2 Kitchen floor, particleboard (%MC)
H1 Hall wall, plasterboard (REL)
S1 Study wall, plasterboard - reference (REL)

| Date | K1 | K2 | H1 | S1 | Air °C | Air RH% |
|---|---|---|---|---|---|---|
| 04/03 | 640 | 27 | 410 | 120 | 21 | 66 |
| 06/03 | 220 | 15 | 160 | 118 | 23 | 48 |
"""


def test_a_wide_table_of_points_may_carry_the_airs_columns_too() -> None:
    found = {
        (r.value, r.location, r.taken_on, r.is_reference) for r in analyze_text(_WIDE_LOG).moisture_readings
    }
    assert (640.0, "Kitchen", date(2026, 3, 4), False) in found
    assert (15.0, "Kitchen", date(2026, 3, 6), False) in found
    assert (118.0, "Study", date(2026, 3, 6), True) in found
    # the air's temperature and humidity are no material's readings
    assert not {21.0, 66.0, 23.0, 48.0} & {value for value, *_ in found}


def test_a_meters_span_beside_its_scale_is_no_reading() -> None:
    text = (
        "Bathroom ceiling wet after the shower leak on 02/05/2026.\n"
        "Meter: Protimeter, search mode on plasterboard (REL 0-999), pins on timber (%MC)\n"
    )
    assert [r.value for r in analyze_text(text).moisture_readings] == []


_MAP_SHEET = """Moisture map - 7 Rata Lane, Motueka
Leak found Mon 9/03/2026 under the laundry tub. First visit Tue 10/03/2026.
Laundry and hall wet; the lounge is dry and used for the standard.

| L1 | laundry floor by tub, particleboard | 36 | 24 | 15 |
| L2 | laundry skirting | 30 | removed | - |
| H1 | hall floor at laundry door | 27 | 19 | 14 |
| S | lounge floor (std) | 12 | 12 | 12 |
Columns = 10/03, 12/03, 14/03. L2 not re-read once the skirting came off.
"""


def test_a_line_under_a_headerless_table_gives_its_columns_days() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_MAP_SHEET).moisture_readings}
    assert (36.0, "Laundry", date(2026, 3, 10)) in found
    assert (24.0, "Laundry", date(2026, 3, 12)) in found
    assert (15.0, "Laundry", date(2026, 3, 14)) in found
    assert (19.0, "Hall", date(2026, 3, 12)) in found or (19.0, "Hallway", date(2026, 3, 12)) in found
    assert (30.0, "Laundry", date(2026, 3, 10)) in found
    assert (12.0, "Lounge", date(2026, 3, 14)) in found


def test_only_a_list_of_days_gives_the_columns() -> None:
    dates = Dates([Line(0, "10/03/2026", "10/03/2026")], None)
    anchor = date(2026, 3, 10)
    assert column_days("Columns = 10/03, 12/03, 14/03.", dates, anchor) == [
        date(2026, 3, 10),
        date(2026, 3, 12),
        date(2026, 3, 14),
    ]
    assert column_days("Columns: 10/03 and 12/03", dates, anchor) == [date(2026, 3, 10), date(2026, 3, 12)]
    assert column_days("Columns sealed with tape on 10/03 and 12/03", dates, anchor) is None
    assert column_days("Columns = 12/03", dates, anchor) is None


_CODED_TABLE = """Drying record - 3 Mill Lane, Otley
Escape of water under the boiler, found 14/11/2026; first visit 15/11/2026.
Areas
Kitchen 4.0 x 3.0 m - screed wet approx 6 m2.
Utility 2.0 x 1.5 m - whole floor wet.
Readings
Point | Location | Unit | 15/11 | 19/11
P1 | kitchen screed by boiler | % | 5.6 | 4.2
P2 | utility screed | % | 4.9 | 3.8
"""


def test_a_points_code_column_is_no_word_of_its_place() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_CODED_TABLE).moisture_readings}
    assert (4.9, "Utility", date(2026, 11, 15)) in found
    assert (3.8, "Utility", date(2026, 11, 19)) in found
    assert (5.6, "Kitchen", date(2026, 11, 15)) in found


_BY_THE_HEATER = """Clinic - water heater failure, found 14/11/2026.
Tea room and store room affected; the office is dry (dry standard).
Moisture readings - Tramex ME5
| Location | 15/11 | 17/11 |
|---|---|---|
| Tea room plasterboard behind heater | 41 | 19 |
| Store room floor by the fan | 26 | 15 |
| Tea room dehu outlet | 55 | 48 |
"""


def test_a_drying_unit_named_only_as_where_the_point_is_keeps_the_rows_reading() -> None:
    found = {r.value for r in analyze_text(_BY_THE_HEATER).moisture_readings}
    assert {41.0, 19.0, 26.0, 15.0} <= found
    # the dehumidifier's outlet is its air, not a surface
    assert not {55.0, 48.0} & found


_SERIES_LIST = """Job 88 - burst pipe under the laundry tub, found 10/03/2026; first visit 10/03/2026.
Laundry and hall affected; the lounge is dry.
Readings from 10/03/2026 (same spots each time; Protimeter on wood, WME):
L1 laundry skirting 150 AFL ... 31 / 22 / 16
L2 laundry door jamb ... 27 / removed / -
H1 hall skirting at laundry door ... 24 / 18 / 14
Visit dates: 10/03/26, 12/03/26, 15/03/26 (slashes in that order).
"""


def test_a_visit_dates_line_dates_a_list_of_slashed_series() -> None:
    found = {(r.value, r.location, r.taken_on) for r in analyze_text(_SERIES_LIST).moisture_readings}
    assert (31.0, "Laundry", date(2026, 3, 10)) in found
    assert (22.0, "Laundry", date(2026, 3, 12)) in found
    assert (16.0, "Laundry", date(2026, 3, 15)) in found
    assert (27.0, "Laundry", date(2026, 3, 10)) in found
    assert {r.taken_on for r in analyze_text(_SERIES_LIST).moisture_readings if r.value == 14.0} == {
        date(2026, 3, 15)
    }
    # ("150 AFL" is the point's height above the floor, not a reading)
    assert not any(r.value == 150.0 for r in analyze_text(_SERIES_LIST).moisture_readings)


def test_visit_dates_give_the_columns() -> None:
    dates = Dates([Line(0, "10/03/2026", "10/03/2026")], None)
    anchor = date(2026, 3, 10)
    assert column_days("Visit dates: 10/03, 12/03, 15/03 (in that order)", dates, anchor) == [
        date(2026, 3, 10),
        date(2026, 3, 12),
        date(2026, 3, 15),
    ]
    assert column_days("Visits were booked for the owner", dates, anchor) is None


_MONTH_NAMED_COLUMNS = """Leak at the cistern found 14/10/2026; first visit 15/10/2026.
Gym and corridor affected.
Ref Location Material Scale 15 Oct 17 Oct 20 Oct
G1 Gym W wall, low plasterboard % 51 30 15
G2 Gym door lining timber WME 26 18 13
"""


def test_a_pdf_header_of_days_by_month_name_heads_each_column() -> None:
    found = {(r.value, r.taken_on) for r in analyze_text(_MONTH_NAMED_COLUMNS).moisture_readings}
    assert (51.0, date(2026, 10, 15)) in found
    assert (30.0, date(2026, 10, 17)) in found
    assert (13.0, date(2026, 10, 20)) in found
    # ("15 Oct 17" is no day of the year 2017)
    assert all(
        r.taken_on and r.taken_on.year == 2026 for r in analyze_text(_MONTH_NAMED_COLUMNS).moisture_readings
    )


# --- a PDF log whose header titles a Room column first: the room's words open each row ----------


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("1 Boiler House concrete %", "Boiler House"),
        ("R2 Green Room pine skirting %MC", "Green Room"),
        ("4 Lab 47 drywall, shared wall %", "Lab 47"),
        # near misses: no room's words before the material, or more words than a name
        ("3 drywall behind panel %", None),
        ("5 the far end of the old shearing shed floor %", None),
    ],
)
def test_a_rows_room_cell_is_the_words_before_its_material(label: str, expected: str | None) -> None:
    assert leading_room_words(label) == expected


_ROOM_FIRST = """Claim 5521-07, 12 Mill Rd, Ashburton 7700, New Zealand.
Loss 02/03/2026, burst header tank over the hall. Attended 02/03/2026.
The Boiler House and the Green Room took the water; the office is dry.
Meter: Protimeter, pins (%MC) on timber, search (REL) on plaster and concrete.
Ref  Area  Surface  02/03  03/03  05/03
1 Boiler House concrete REL 160 120 90
2 Boiler House pine skirting %MC 28 21 --
3 Green Room plaster REL 210 -- 140
"""


def test_a_log_headed_by_an_area_column_places_rows_in_spaces_no_lexicon_knows() -> None:
    found = {(r.value, r.location.lower(), r.taken_on) for r in analyze_text(_ROOM_FIRST).moisture_readings}
    assert {
        (160.0, "boiler house", date(2026, 3, 2)),
        (90.0, "boiler house", date(2026, 3, 5)),
        (21.0, "boiler house", date(2026, 3, 3)),
        (210.0, "green room", date(2026, 3, 2)),
        (140.0, "green room", date(2026, 3, 5)),  # (the dashes hold the skipped day's place)
    } <= found
    assert not any(value == 140.0 and taken_on == date(2026, 3, 3) for value, _, taken_on in found)


# --- a numbered section's heading opens a readings block; a PDF header with a readings column --------

_NUMBERED_SECTION = """Address: 7 Rata St, Nelson 7010, New Zealand
Inspection: 4 May 2026
Leaking dishwasher. Kitchen wet; the lounge is the dry standard.

{heading}
{header}
K1 Kitchen, wall behind the sink plasterboard 31 wet
K2 Kitchen, skirting by the dishwasher skirting 18 elevated
D1 Lounge wall plasterboard 11 standard
"""


@pytest.mark.parametrize(
    ("heading", "header"),
    [
        ("3) Moisture readings (Tramex, pin mode, WME) - 04/05/2026", "Tag Room Surface Value Comment"),
        ("B. Readings (Protimeter, WME), 4 May 2026", "Point Location Material Reading Remarks"),
        ("3.2 Moisture readings (Protimeter, WME)", "Ref Location Material Result Note"),
    ],
)
def test_a_numbered_sections_readings_under_a_pdf_header_with_a_readings_column(
    heading: str, header: str
) -> None:
    text = _NUMBERED_SECTION.format(heading=heading, header=header)
    found = {(r.value, r.location, r.unit, r.taken_on) for r in analyze_text(text).moisture_readings}
    assert {
        (31.0, "Kitchen", "WME", date(2026, 5, 4)),
        (18.0, "Kitchen", "WME", date(2026, 5, 4)),
        (11.0, "Lounge", "WME", date(2026, 5, 4)),
    } <= found


def test_a_pdf_legend_header_with_no_readings_column_still_defines_points() -> None:
    # (the near miss: "Ref Location Material Meter" heads a legend; its values come later by code)
    text = (
        "Address: 7 Rata St, Nelson 7010, New Zealand\n"
        "Inspection: 4 May 2026\n"
        "Leaking dishwasher. Kitchen wet.\n\n"
        "Ref Location Material Meter\n"
        "K1 Kitchen wall plasterboard Tramex\n"
        "K2 Kitchen skirting Tramex\n\n"
        "4/5/2026: K1 31, K2 18\n"
    )
    found = {(r.value, r.location, r.point) for r in analyze_text(text).moisture_readings}
    assert {(31.0, "Kitchen", "K1"), (18.0, "Kitchen", "K2")} <= found


def test_a_table_of_rooms_and_sizes_is_no_table_of_readings() -> None:
    # the near miss: a header naming rooms and areas but no readings column gives no readings
    text = (
        "Address: 7 Rata St, Nelson 7010, New Zealand\nInspection: 4 May 2026\n\n"
        "Affected areas\nRoom Size Floor Wet area\n"
        "Laundry 1.8 m x 1.6 m sheet vinyl on slab 2.9 m2 (all)\n"
        "Hall 3.5 m x 1.0 m carpet on slab 3.5 m2 (all)\n"
    )
    assert analyze_text(text).moisture_readings == []
