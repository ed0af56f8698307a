"""A drying log whose day columns are written day.month with a dot ("| Pt | 3.06 | 5.06 |")."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

_LOG = """Drying log - 14 Birch Road, Ballarat VIC 3350. Attended 03/06/2026.
Meter: Protimeter pins, WME.
| Pt | Room | Spot | Material |
| K1 | Kitchen | plinth by sink | particleboard |
| H1 | Hallway | skirting at door | pine |
Readings
| Pt | 3.06 | 5.06 | 8.06 | Goal | Met |
| K1 | 34 | 26 | 17 | 18 | 8.06 |
| H1 | 29 | 21 | - | 18 | 5.06 |
"""


def _found() -> set[tuple[float, str | None, date | None]]:
    return {(r.value, r.location, r.taken_on) for r in analyze_text(_LOG).moisture_readings}


def test_day_month_columns_with_a_dot_give_each_reading_its_day() -> None:
    found = _found()
    assert (34.0, "Kitchen", date(2026, 6, 3)) in found
    assert (26.0, "Kitchen", date(2026, 6, 5)) in found
    assert (17.0, "Kitchen", date(2026, 6, 8)) in found
    assert (21.0, "Hallway", date(2026, 6, 5)) in found


def test_the_goal_and_met_columns_are_no_readings() -> None:
    values = {value for value, _, _ in _found()}
    assert 8.06 not in values
    assert 5.06 not in values
    assert 18.0 not in values


def test_a_row_of_decimal_readings_is_no_header() -> None:
    text = (
        "Inspected 12/05/2026. Tramex concrete scale %.\n"
        "| Location | Day 1 | Day 2 |\n"
        "| Lounge slab | 5.2 | 4.1 |\n"
    )
    values = {r.value for r in analyze_text(text).moisture_readings}
    assert {5.2, 4.1} <= values


_TITLED = """Drying summary. Claim 55-1187. First visit 03/09/2026, Akron OH 44303.
Meter: Protimeter, %MC on wood.
Room Point Material Readings 03/09 > 03/11 > 03/13
Kitchen K1 sink base plywood 31 > 22 > 15 %MC
Hallway H1 base trim pine 26 > 18 > 12 %MC
"""


def test_a_readings_title_over_its_days_heads_no_column_of_its_own() -> None:
    # Given a PDF header whose "Readings" stands before the days it titles
    found = {(r.value, r.taken_on) for r in analyze_text(_TITLED).moisture_readings}
    # Each value falls on its own day, not one day early
    assert (31.0, date(2026, 3, 9)) in found
    assert (22.0, date(2026, 3, 11)) in found
    assert (15.0, date(2026, 3, 13)) in found
    assert (18.0, date(2026, 3, 11)) in found
    assert (22.0, date(2026, 3, 9)) not in found


def test_a_day_written_day_month_after_on_is_no_reading() -> None:
    text = _LOG + "Note on H1: skirting was at goal on 5.06 so it was dropped after 8.06.\n"
    values = {r.value for r in analyze_text(text).moisture_readings}
    assert 5.06 not in values
    assert 8.06 not in values
    assert 34.0 in values


def test_a_visit_line_led_by_a_dotted_day_dates_the_rows_under_it() -> None:
    # (notes that write "09.11.26" write the later visits "10.11", "12.11", and the rows are theirs)
    text = (
        "Addr: 14 Gold Street, Kettering NN16 8JB\n\n"
        "09.11.26 attd 08:10\nBathroom leak. Hall ceiling wet. Meter: pins, WME.\n"
        "  hall ceiling 42, hall wall 28\n\n"
        "10.11 attd 16:30\n  hall ceiling 31, hall wall 19\n\n"
        "12.11 attd 08:00\n  hall ceiling 20, hall wall 15\n"
    )
    found = {(r.value, r.taken_on) for r in analyze_text(text).moisture_readings}
    assert {
        (42.0, date(2026, 11, 9)),
        (31.0, date(2026, 11, 10)),
        (19.0, date(2026, 11, 10)),
        (20.0, date(2026, 11, 12)),
    } <= found


@pytest.mark.parametrize(
    "day_line",
    ["02/12/2026 (after the roof repair, no equipment used)", "  02/12/2026 (re-test):"],
)
def test_a_day_with_a_bracketed_note_over_a_map_dates_its_rereads(day_line: str) -> None:
    text = (
        "Inspection: 18/11/2026. 22 Kowhai Rise, Glen Eden, Auckland 0602.\n"
        "Moisture readings (Protimeter, WME)\n"
        " 18/11/2026\n"
        " 1. Study ceiling by the skylight ..................... 38 WME\n"
        " 2. Study ceiling 1 m out .............................. 24 WME\n"
        f" {day_line}\n"
        " 1 - 30   2 - 19\n"
    )
    found = {(r.value, r.taken_on) for r in analyze_text(text).moisture_readings}
    assert {(38.0, date(2026, 11, 18)), (30.0, date(2026, 12, 2)), (19.0, date(2026, 12, 2))} <= found


@pytest.mark.parametrize("tail", ["in the crawlspace on", "since the plumber came at"])
def test_a_day_a_wrapped_cell_ends_on_is_no_visit(tail: str) -> None:
    # (a table's cell wrapped: "... found the leak in the crawlspace on" / "11/16/2026")
    text = (
        "Assessment date: 11/23/2026. 6314 SE Tolman Street, Portland, OR 97206.\n"
        f"Reason: plumber found a leaking drain {tail}\n"
        "11/16/2026\n"
        "Source: the tub waste slip joint under the bathroom.\n\n"
        "Moisture readings (Protimeter, %MC)\n"
        "Pt Location Material Reading\n"
        "1 Bathroom joist under the tub joist 32 %MC\n"
    )
    assert {(r.value, r.taken_on) for r in analyze_text(text).moisture_readings} == {
        (32.0, date(2026, 11, 23))
    }
