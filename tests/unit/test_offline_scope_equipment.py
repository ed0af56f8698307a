"""Scope line items and the equipment log, as the offline analyzer reads them."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import EquipmentKind, Findings

HEADER = "Claim: ZZ-100200\nAttended 14/08/2025\nCause: washing machine hose split, Category 2\n"


def _measured(findings: Findings) -> list[tuple[float | None, str | None]]:
    return [(item.quantity, item.unit) for item in findings.scope_of_work if item.quantity is not None]


def _peaks(findings: Findings) -> dict[EquipmentKind, int | None]:
    return {item.kind: item.stated_quantity for item in findings.equipment if item.stated_quantity}


# --- scope ---------------------------------------------------------------------------------------


def test_a_done_list_under_an_informal_heading_gives_measured_items() -> None:
    # Given a "what was done" list written in the past tense
    findings = analyze_text(
        HEADER + "\nWhat we did today:\n- Pulled up and binned the study carpet, 9.5 m2.\n"
        "- Took off the laundry skirting, 3.1 lm\n- Mopped the floor\n"
    )
    # When it is analysed
    items = [item for item in findings.scope_of_work if item.quantity is not None]
    # Then each measured line is an item with its action, material, unit and source line
    assert [(i.quantity, i.unit, i.action, i.source.line) for i in items] == [
        (9.5, "m2", "remove", 6),
        (3.1, "lm", "remove", 7),
    ]
    assert items[0].material is not None and "carpet" in items[0].material


def test_one_sentence_of_prose_can_hold_two_items_with_their_rooms() -> None:
    # Given a prose sentence that removes one material from two rooms
    findings = analyze_text(
        HEADER + "We stripped out the underlay, 6 m2 in the lounge and 2.5 m2 in the study, then sanitised"
        " the slab.\n"
    )
    # When it is analysed
    items = [(i.quantity, i.unit, i.room) for i in findings.scope_of_work if i.quantity is not None]
    # Then there is one item per quantity, each in the room written beside it
    assert items == [(6.0, "m2", "Lounge"), (2.5, "m2", "Study")]


def test_field_shorthand_gives_two_items() -> None:
    # Given a terse note with two rooms' worth of remove-and-dispose
    findings = analyze_text(HEADER + "15/08 u/lay R&D lounge 4m2 + bed 3 2.2m2, AM x2\n")
    # When it is analysed
    # Then both quantities are items, and the air movers are no scope item
    assert _measured(findings) == [(4.0, "m2"), (2.2, "m2")]
    assert {item.action for item in findings.scope_of_work} == {"remove"}


def test_damage_sizes_heights_and_decisions_are_not_items() -> None:
    # Given wet extents, a room size, a flood-cut height, a decision and a hole size
    findings = analyze_text(
        HEADER + "Lounge 5.0 x 4.0 m, carpet soaked approx 11 m2.\n"
        "Scope of works:\n- Flood cut plasterboard at 1.5 ft, lounge: 14 LF\n"
        "- Mould remediation not required 20 m2\n- Cut a 10 x 10 cm inspection hole\n"
    )
    # When it is analysed
    # Then only the length of the cut is a measured item
    assert _measured(findings) == [(14.0, "lf")]


def test_an_inline_label_lists_items_with_and_without_verbs() -> None:
    # Given a reinstatement note separated by semicolons
    findings = analyze_text(
        HEADER + "Reinstatement (to be quoted): new skirting 7 lm; carpet 12 m2 lounge and 5 m2 hall; "
        "detach and reset washer (1)\n"
    )
    # When it is analysed
    # Then every quantity is an item, the bare count "(1)" an each
    assert _measured(findings) == [(7.0, "lm"), (12.0, "m2"), (5.0, "m2"), (1.0, "ea")]
    carpets = [item for item in findings.scope_of_work if item.unit == "m2"]
    assert [item.material for item in carpets] == ["carpet", "carpet"]


def test_the_same_work_told_twice_is_one_item() -> None:
    # Given a day log and a summary that repeat one removal
    findings = analyze_text(
        HEADER + "Day 1: removed the hall vinyl, 3.3 m2.\n\nScope completed:\n- Remove hall vinyl 3.3 m2\n"
    )
    # When it is analysed
    # Then it is listed once, sourced from the scope list
    items = [item for item in findings.scope_of_work if item.quantity is not None]
    assert [(item.quantity, item.source.line) for item in items] == [(3.3, 7)]


# --- equipment -----------------------------------------------------------------------------------


def test_placed_added_and_removed_become_runs_that_agree_with_the_most_on_site() -> None:
    # Given placements per room, an addition and two removals on later visits
    findings = analyze_text(
        HEADER + "14/08/2025: set 3 air movers in the lounge and 1 LGR dehumidifier in the hall.\n"
        "16/08/2025: added 2 air movers in the study (5 total).\n"
        "17/08/2025: pulled 2 air movers from the lounge.\n"
        "19/08/2025: all equipment removed.\n"
    )
    # When it is analysed
    runs = [(r.kind, r.quantity, r.room, r.placed_on, r.removed_on) for r in findings.equipment_runs]
    # Then each placement is a run with its days in and out, removals taken from the named room
    assert sorted(runs, key=str) == sorted(
        [
            (EquipmentKind.AIR_MOVER, 2, "Lounge", date(2025, 8, 14), date(2025, 8, 17)),
            (EquipmentKind.AIR_MOVER, 1, "Lounge", date(2025, 8, 14), date(2025, 8, 19)),
            (EquipmentKind.DEHUMIDIFIER, 1, "Hall", date(2025, 8, 14), date(2025, 8, 19)),
            (EquipmentKind.AIR_MOVER, 2, "Study", date(2025, 8, 16), date(2025, 8, 19)),
        ],
        key=str,
    )
    # And the most on site at once is the stated quantity
    assert _peaks(findings)[EquipmentKind.AIR_MOVER] == 5
    assert _peaks(findings)[EquipmentKind.DEHUMIDIFIER] == 1


def test_an_equipment_table_gives_the_count_on_site_per_day() -> None:
    # Given a Word-style table of units per day, its notes retelling the change
    findings = analyze_text(
        HEADER + "\n| Date | Air movers | Dehumidifiers | Notes |\n| 14/08 | 3 | 1 | set 3 AM |\n"
        "| 15/08 | 5 | 2 | added 2 AM, 1 dehu |\n| 17/08 | 0 | 0 | pulled |\n"
    )
    # When it is analysed
    # Then the columns, not the notes, give the most on site
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 5, EquipmentKind.DEHUMIDIFIER: 2}
    assert all(run.removed_on == date(2025, 8, 17) for run in findings.equipment_runs)


def test_a_unit_per_row_log_counts_each_unit_once() -> None:
    # Given a log with one unit a row, and a prose line retelling the same units
    findings = analyze_text(
        HEADER + "Placed 2 air movers today.\nEQUIPMENT LOG\nAM-7 air mover lounge set 14/08 removed 16/08\n"
        "AM-9 air mover study set 14/08 removed 18/08\n"
    )
    # When it is analysed
    # Then the log's rows are the runs and the prose is not counted again
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 2}
    assert sorted(run.removed_on for run in findings.equipment_runs if run.removed_on) == [
        date(2025, 8, 16),
        date(2025, 8, 18),
    ]


def test_counts_said_in_passing_add_up_and_advice_places_nothing() -> None:
    # Given a list that drops the kind after its first count, articles as counts, and advice
    findings = analyze_text(
        HEADER + "We set two fans in the lounge, one in the study and one in the hall, with a dehumidifier.\n"
        "The hygienist recommended a negative air machine while the board comes out.\n"
        "Ran a hydroxyl unit for 20 hours.\n"
    )
    # When it is analysed
    # Then the fans add up to four, the advised machine is not counted, and hours run are kept
    assert _peaks(findings) == {
        EquipmentKind.AIR_MOVER: 4,
        EquipmentKind.DEHUMIDIFIER: 1,
        EquipmentKind.OTHER: 1,
    }
    (hydroxyl,) = [run for run in findings.equipment_runs if run.kind is EquipmentKind.OTHER]
    assert hydroxyl.run_hours == 20.0


def test_equipment_the_works_will_need_is_not_on_site() -> None:
    # Given a report that says what the coming works will need, with nothing placed yet
    findings = analyze_text(
        HEADER + "Nothing has been set up so far; two air movers and an LGR would be required once the"
        " cabinets come out.\nA HEPA air scrubber will also be needed while the lining is stripped.\n"
    )
    # When it is analysed
    # Then no equipment is on site
    assert findings.equipment == []


def test_a_log_tables_qty_column_and_times_reach_the_runs() -> None:
    # Given an equipment table with a Qty column and times beside the dates
    findings = analyze_text(
        "Job 55. 12 Acacia Rd, Bunbury WA 6230. Attended 13/11/2026.\n"
        "Kitchen: laminate wet, 4 x 3 m.\n"
        "Equipment:\n"
        "| Unit | Qty | Placed | Removed |\n"
        "| Air mover | 3 | 13/11/2026 11:30 | 16/11/2026 10:15 |\n"
    )
    # Then the run holds three units, its times, and the hours between them
    (run,) = findings.equipment_runs
    assert (run.quantity, run.run_hours) == (3, 70.75)
    assert run.placed_at is not None and run.placed_at.isoformat() == "2026-11-13T11:30:00"
    assert run.removed_at is not None and run.removed_at.isoformat() == "2026-11-16T10:15:00"


def test_a_log_rows_make_and_model_reach_the_run() -> None:
    # Given an equipment table naming the dehumidifier's make and model
    findings = analyze_text(
        "Job 55. 12 Acacia Rd, Bunbury WA 6230. Attended 13/11/2026.\n"
        "Kitchen: laminate wet, 4 x 3 m.\n"
        "| Unit | Qty | Placed | Removed |\n"
        "| Dri-Eaz LGR 7000XLi dehumidifier | 1 | 13/11/2026 | 16/11/2026 |\n"
    )
    # Then the run carries the make and model as written
    (run,) = findings.equipment_runs
    assert (run.kind, run.model) == (EquipmentKind.DEHUMIDIFIER, "Dri-Eaz LGR 7000XLi")


def test_a_line_summing_up_the_most_on_site_is_that_count_not_another_placement() -> None:
    # Given placements per level, then the writer's own peak
    findings = analyze_text(
        HEADER + "Upstairs: 2 air movers, 1 LGR dehumidifier (14/08).\n"
        "Downstairs: 3 air movers, 1 LGR dehumidifier (14/08).\n"
        "Most on site at once: 5 air movers, 2 dehumidifiers.\n"
    )
    # Then the peak is the writer's count, not the levels' placements added to it
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 5, EquipmentKind.DEHUMIDIFIER: 2}


def test_a_total_with_its_breakdown_is_counted_once() -> None:
    # Given a total followed by where the units went, and three counts that are each a room's
    total = analyze_text(
        HEADER + "14/08: Six air movers were set: one air mover in the laundry, three in the hall and two in"
        " bedroom 2.\n"
    )
    parts = analyze_text(
        HEADER + "14/08: three air movers in the hall, one in the laundry and two in bedroom 2.\n"
    )
    # Then the total is the count once, and the rooms' counts add up
    assert _peaks(total) == {EquipmentKind.AIR_MOVER: 6}
    assert _peaks(parts) == {EquipmentKind.AIR_MOVER: 6}


def test_an_equipment_list_under_its_heading_and_counts_written_1x() -> None:
    # Given a PDF table's rows under an "Equipment" heading, and field notes' "1x AM"
    table = analyze_text(
        HEADER + "Equipment\nUnit Qty Location Set Pulled\n"
        "Air mover 4 Lounge 14/08/2025 18/08/2025\n"
        "LGR dehumidifier 1 Lounge 14/08/2025 18/08/2025\n"
    )
    field = analyze_text(HEADER + "14/08 1x AM at the doorway, 1x LGR (small) in the hall\n")
    # Then each row's count is on site between its days, and "1x" is one
    assert _peaks(table) == {EquipmentKind.AIR_MOVER: 4, EquipmentKind.DEHUMIDIFIER: 1}
    assert _peaks(field) == {EquipmentKind.AIR_MOVER: 1, EquipmentKind.DEHUMIDIFIER: 1}


def test_a_count_the_writer_corrects_is_replaced_by_the_corrected_one() -> None:
    # Given a homeowner who corrects the number of fans in the same sentence
    findings = analyze_text(
        HEADER + "14/08: They set up four fans - sorry, I checked the photos, it was three fans (two in the"
        " lounge and one in the hall) and one dehumidifier.\n"
    )
    # Then the corrected count is the one placed
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 3, EquipmentKind.DEHUMIDIFIER: 1}
