"""Equipment tables whose header names the columns, and the kinds written as panels and kits."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import EquipmentKind, Findings

pytestmark = pytest.mark.unit

HEADER = (
    "Claim: ZZ-100300\nSite: 14 Kent Street, Ballarat VIC 3350\nAttended 03/02/2026\n"
    "Cause: dishwasher inlet hose split, Category 1\n"
)


def _peaks(findings: Findings) -> dict[EquipmentKind, int | None]:
    return {item.kind: item.stated_quantity for item in findings.equipment if item.stated_quantity}


def _removed(findings: Findings, kind: EquipmentKind) -> list[date | None]:
    return sorted((run.removed_on for run in findings.equipment_runs if run.kind == kind), key=str)


def test_a_table_with_the_quantity_last_and_a_dash_for_still_running() -> None:
    # Given a log whose columns are Equipment, Placed, Removed and Qty, typed without outer bars
    findings = analyze_text(
        HEADER + "\nPlant | Placed | Removed | Qty\n"
        "Refrigerant dehumidifier | 03/02/2026 | - | 2 (one changed to a desiccant 05/02)\n"
        "Air mover, snail type | 03/02/2026 | 1 off 06/02/2026 | 4\n"
        "Heat mat under the tiles | 04/02/2026 | - | 3\n"
    )
    # When it is analysed
    # Then each row's Qty is on site from its placed day, "1 off" takes one out, "-" leaves them running
    assert _peaks(findings) == {
        EquipmentKind.DEHUMIDIFIER: 2,
        EquipmentKind.AIR_MOVER: 4,
        EquipmentKind.OTHER: 3,
    }
    assert date(2026, 2, 6) in _removed(findings, EquipmentKind.AIR_MOVER)


def test_columns_are_read_by_their_names_not_their_order() -> None:
    # Given a table that puts the days before the count and the room between them
    findings = analyze_text(
        HEADER + "\n| Equipment | Room | In | Out | No. |\n"
        "| Air movers | Kitchen | 03/02/2026 | 07/02/2026 | 3 |\n"
        "| LGR dehumidifier | Kitchen | 03/02/2026 | 07/02/2026 | 1 |\n"
    )
    # Then the counts come from the "No." column and the units come out on the "Out" day
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 3, EquipmentKind.DEHUMIDIFIER: 1}
    assert _removed(findings, EquipmentKind.AIR_MOVER) == [date(2026, 2, 7)]


def test_a_run_of_unit_tags_counts_each_unit() -> None:
    # Given rows that name their units by a run of tags and the count inside the type cell
    findings = analyze_text(
        HEADER + "\nTag | Type | Set | Pulled\n"
        "AM1-AM5 | air movers | 03/02 | 08/02\n"
        "DH2 | dehumidifier x1 | 03/02 | 08/02\n"
    )
    # Then five air movers and one dehumidifier were on site
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 5, EquipmentKind.DEHUMIDIFIER: 1}


def test_a_data_row_is_not_taken_for_a_header() -> None:
    # Given a table whose header is a daily count, the rows under it carry dates, not headings
    findings = analyze_text(
        HEADER + "\n| Date | Air movers | Dehumidifiers |\n| 03/02 | 4 | 1 |\n| 05/02 | 2 | 1 |\n"
    )
    # Then the daily table is read as before
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 4, EquipmentKind.DEHUMIDIFIER: 1}


@pytest.mark.parametrize(
    "written",
    [
        "placed a ceiling drying panel kit over the hall",
        "laid 2 floor drying panels on the oak",
        "two radiant heat panels on the west wall",
        "one wall cavity injection kit behind the vanity",
    ],
)
def test_panels_and_kits_that_dry_are_equipment(written: str) -> None:
    # Given a note naming a drying panel or an injection kit
    findings = analyze_text(HEADER + f"03/02: {written}, with 2 air movers running.\n")
    # Then it is counted as other drying equipment
    assert EquipmentKind.OTHER in _peaks(findings)


def test_an_access_panel_is_not_equipment() -> None:
    # Given a cut access panel and a switchboard panel beside the drying kit
    findings = analyze_text(
        HEADER + "03/02: cut a 300 mm access panel in the ceiling; the electrical panel is dry. "
        "Set 2 air movers.\n"
    )
    # Then only the air movers are equipment
    assert set(_peaks(findings)) == {EquipmentKind.AIR_MOVER}


def test_an_hours_column_and_the_model_reach_the_run() -> None:
    # Given a table with the hour meter's reading and the unit's make and model in its own cells
    findings = analyze_text(
        HEADER + "\n| Type | Qty | On | Off | Hours run |\n"
        "| Phoenix R200 dehumidifier | 1 | 03/02/2026 | 06/02/2026 | 71.5 |\n"
    )
    # Then the run carries the stated hours and the model as written
    (run,) = findings.equipment_runs
    assert (run.kind, run.run_hours, run.model) == (EquipmentKind.DEHUMIDIFIER, 71.5, "Phoenix R200")


def _runs(findings: Findings) -> list[tuple[str, int, str | None, date | None, date | None]]:
    return sorted(
        (run.kind.value, run.quantity, run.room, run.placed_on, run.removed_on)
        for run in findings.equipment_runs
    )


def test_a_count_with_its_days_as_a_range_is_placed_and_removed_on_them() -> None:
    # Given list items that give each kind's count, room and days in and out as a range
    findings = analyze_text(
        HEADER + "Equipment\n- Air movers: 3 in the kitchen 03/02/2026 to 07/02/2026, 1 in the hall "
        "03/02/2026 to 05/02/2026.\n"
    )
    # Then every count is on site between its own days ("3 in" is a count, not three inches)
    assert _runs(findings) == [
        ("air_mover", 1, "Hall", date(2026, 2, 3), date(2026, 2, 5)),
        ("air_mover", 3, "Kitchen", date(2026, 2, 3), date(2026, 2, 7)),
    ]
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 4}


def test_a_unit_swapped_for_another_on_the_same_day_is_not_counted_twice() -> None:
    # Given a dehumidifier swapped for a desiccant unit, each with a count in brackets and a range
    findings = analyze_text(
        HEADER + "Desiccant dehumidifier (1) in the kitchen, 04/02/2026 to 09/02/2026; "
        "LGR dehumidifier (1) 03/02/2026 to 04/02/2026 (swapped out).\n"
    )
    # Then one was on site at a time, and each run ends on its own day
    assert _peaks(findings) == {EquipmentKind.DEHUMIDIFIER: 1}
    assert [(run[3], run[4]) for run in _runs(findings)] == [
        (date(2026, 2, 3), date(2026, 2, 4)),
        (date(2026, 2, 4), date(2026, 2, 9)),
    ]


def test_a_range_whose_day_and_month_could_swap_gives_no_days() -> None:
    # Given a job with no place to settle the date order, and a range of two such dates
    findings = analyze_text("Claim 7\nSet 2 air movers in the lounge 03/04 to 05/04.\n")
    # Then nothing says the units came out on a day that may be wrong
    assert all(run.removed_on is None for run in findings.equipment_runs)


def test_a_rows_unit_tag_is_not_its_count() -> None:
    # Given a log whose rows start with each unit's tag ("AM 5"), or a run of tags ("AM 1-3")
    findings = analyze_text(
        HEADER + "Equipment\nUnit Type Location Set Removed\n"
        "AM 1-3 air mover Kitchen 03-Feb 06-Feb\n"
        "AM 7 air mover Hall 03-Feb 05-Feb\n"
        "DH 2 LGR dehumidifier Kitchen 03-Feb 06-Feb\n"
    )
    # Then the tags count the units: four air movers and one dehumidifier, not seven and two
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 4, EquipmentKind.DEHUMIDIFIER: 1}


def test_an_hour_after_a_day_is_a_time_and_so_sums_up_the_story() -> None:
    # Given a visit at "10 am" beside a drying firm, and a homeowner's count after an addition
    visit = analyze_text(
        HEADER + "Site visit: Tuesday 3 February 2026, 10 am, with the drying contractor.\n"
        "Contractor has 3 air movers on site.\n"
    )
    story = analyze_text(
        HEADER + "03/02: first it was 3 fans and 1 dehumidifier. Then they added a second dehumidifier. "
        "So 3 fans and 2 dehumidifiers.\n"
    )
    # Then "10 am" places no air movers, and "So 3 fans" is what was on site, not three more
    assert _peaks(visit) == {EquipmentKind.AIR_MOVER: 3}
    assert _peaks(story) == {EquipmentKind.AIR_MOVER: 3, EquipmentKind.DEHUMIDIFIER: 2}


def test_a_labelled_summary_says_what_is_on_site_and_its_parts_add_up() -> None:
    # Given a header's equipment summary, then the body's own count for the same day
    corrected = analyze_text(
        HEADER
        + "Equipment: AM x3, DH x1\n\n03/02: 5 air movers (kitchen 3, hall 2) and 1 dehumidifier set.\n"
    )
    # And a summary line that gives a kind's count room by room
    parts = analyze_text(
        HEADER + "Equipment: 4 air movers and 1 dehumidifier in unit 6, 2 air movers in unit 9.\n"
    )
    # Then the body's count replaces the summary's rather than adding to it, and the parts add up
    assert _peaks(corrected) == {EquipmentKind.AIR_MOVER: 5, EquipmentKind.DEHUMIDIFIER: 1}
    assert _peaks(parts) == {EquipmentKind.AIR_MOVER: 6, EquipmentKind.DEHUMIDIFIER: 1}


def test_equipment_in_a_list_of_recommendations_is_not_on_site() -> None:
    # Given a mould report whose recommendations name the equipment the works will need, and a
    # sentence after the list saying what the inspector did leave running
    findings = analyze_text(
        HEADER + "Findings: mould on the robe wall, Condition 3.\n\n"
        "Recommended works (not started)\n"
        "1. Build containment at the robe and run a HEPA air scrubber under negative pressure.\n"
        "2. Dry the wall framing with a dehumidifier and two air movers to 15% or under,\n"
        "   then verify.\n"
        "I left one dehumidifier running in the robe until the works begin.\n"
    )
    # Then only the dehumidifier left running is on site
    assert _peaks(findings) == {EquipmentKind.DEHUMIDIFIER: 1}


def test_log_rows_by_tag_with_a_type_in_brackets_or_the_day_first() -> None:
    # Given a PDF log whose rows are a unit's tag alone, a kind with its type in brackets, or the day
    # in first under the Equipment heading
    tags = analyze_text(
        HEADER + "Equipment log\nUnit Location Set Pulled\n"
        "AM-211 kitchen 03/02/2026 06/02/2026\nAM-214 hall 03/02/2026 05/02/2026\n"
    )
    typed = analyze_text(
        HEADER + "Equipment log\nUnit Type Room Placed Removed\n"
        "AM-1 Air mover (axial) Kitchen 03/02/2026 06/02/2026\n"
        "AM-2 Air mover (axial) Kitchen 03/02/2026 06/02/2026\n"
    )
    dated = analyze_text(HEADER + "Equipment\n03/02/2026 Air mover 3 Kitchen pulled 06/02/2026\n")
    # Then each row is its units between its days
    assert _peaks(tags) == {EquipmentKind.AIR_MOVER: 2}
    assert _peaks(typed) == {EquipmentKind.AIR_MOVER: 2}
    assert _peaks(dated) == {EquipmentKind.AIR_MOVER: 3}
    assert _removed(dated, EquipmentKind.AIR_MOVER) == [date(2026, 2, 6)]


def test_a_fan_that_places_a_reading_and_equipment_days_are_no_units() -> None:
    # Given a reading taken beside a bathroom fan, and a sum of equipment-days
    findings = analyze_text(
        HEADER + "Sheathing 2 ft south of fan: 19\n"
        "Billing: 2 AM x 3 days + 1 DH x 3 days = 6 AM-days and 3 DH-days.\n"
        "03/02: set 2 air movers and 1 dehumidifier.\n"
    )
    # Then only the units set are on site
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 2, EquipmentKind.DEHUMIDIFIER: 1}


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "| Equipment | 12/11 | 13/11 | 14/11 |\n|---|---|---|---|\n| Air movers | 4 | 6 | 2 |\n"
            "| Dehumidifier (LGR) | 1 | 2 | 1 |\n",
            {EquipmentKind.AIR_MOVER: 6, EquipmentKind.DEHUMIDIFIER: 2},
        ),
        (
            "| Units | Mon 16 Nov | Tue 17 Nov | Wed 18 Nov |\n| AFD | 1 | 1 | 0 |\n| Fans | 3 | 5 | 5 |\n",
            {EquipmentKind.AIR_SCRUBBER: 1, EquipmentKind.AIR_MOVER: 5},
        ),
    ],
)
def test_a_table_with_a_row_per_kind_and_a_column_per_day(
    table: str, expected: dict[EquipmentKind, int]
) -> None:
    text = "Site: 5 Reef St, Cairns QLD 4870\nFirst visit 12/11/2026.\n" + table
    peaks = {item.kind: item.stated_quantity for item in analyze_text(text).equipment if item.stated_quantity}
    assert peaks == expected


def test_a_row_per_kind_under_a_header_of_rooms_is_not_read_by_day() -> None:
    # the near miss: the columns are rooms, not days
    text = (
        "Site: 5 Reef St, Cairns QLD 4870\nFirst visit 12/11/2026.\n"
        "| Equipment | Kitchen | Lounge | Hall |\n| Air movers | 2 | 2 | 1 |\n"
    )
    from chalicelib.analysis.offline.dates import Dates
    from chalicelib.analysis.offline.equipment_day_columns import kind_rows_header
    from chalicelib.analysis.offline.text import prepare_lines

    lines = prepare_lines(text)
    assert kind_rows_header(["Equipment", "Kitchen", "Lounge", "Hall"], None, Dates(lines, None)) is None
