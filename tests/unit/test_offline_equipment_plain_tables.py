"""Equipment tables as a PDF's text gives them: a header line of column names, cells run together."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import EquipmentKind, Findings
from chalicelib.analysis.offline.equipment_plain_tables import plain_header

pytestmark = pytest.mark.unit

HEADER = (
    "Claim: ZZ-100410\nSite: 9 Orchard Road, Launceston TAS 7250\nAttended 10/03/2026\n"
    "Cause: cistern inlet valve failed, Category 1\n\nEquipment\n"
)


def _peaks(findings: Findings) -> dict[EquipmentKind, int | None]:
    return {item.kind: item.stated_quantity for item in findings.equipment if item.stated_quantity}


def _removed(findings: Findings, kind: EquipmentKind) -> list[tuple[int, date | None]]:
    runs = [(run.quantity, run.removed_on) for run in findings.equipment_runs if run.kind == kind]
    return sorted(runs, key=str)


def test_a_header_line_is_only_column_names() -> None:
    assert plain_header("Item Qty Placed Removed") is not None
    assert plain_header("Unit Qty Set Reduced / pulled") is not None
    assert plain_header("Equipment Placed Changes Max on site") is not None
    # (a sentence, a readings header and a row are not equipment headers)
    assert plain_header("Equipment placed in the hall") is None
    assert plain_header("Location Material Reading Note") is None
    assert plain_header("Air movers 4 10/03 14/03") is None


def test_rows_with_a_dash_and_a_partial_removal() -> None:
    # Given a table whose removed cell is "-" for units still running and "3 pulled" for some of them
    findings = analyze_text(
        HEADER + "Unit Qty Set Reduced / pulled\n"
        "Air movers 6 10/03 3 pulled 13/03\n"
        "LGR dehumidifiers 2 10/03 -\n"
        "Desiccant dehumidifier 1 11/03 -\n"
        "HEPA air scrubber 1 10/03 pulled 11/03 after the strip-out\n"
    )
    # Then each row's count is on site from its day in, and only the three pulled come out
    assert _peaks(findings) == {
        EquipmentKind.AIR_MOVER: 6,
        EquipmentKind.DEHUMIDIFIER: 3,
        EquipmentKind.AIR_SCRUBBER: 1,
    }
    assert _removed(findings, EquipmentKind.AIR_MOVER) == [(3, None), (3, date(2026, 3, 13))]


def test_a_wrapped_row_is_read_whole_and_a_bracketed_number_is_not_its_count() -> None:
    # Given rows whose first cell wraps onto the next line, one with numbers inside its brackets
    findings = analyze_text(
        HEADER + "Item Qty Placed Removed\n"
        "Floor drying mat system (6\n"
        "panels, 1 vacuum unit) 1 10/03 17/03\n"
        "Air movers, under the\n"
        "vanity (low profile) 2 10/03 14/03\n"
        "Air mover 1 10/03 2 on 12/03\n"
    )
    # Then the wrapped rows give their own counts, not the ones inside the brackets
    assert _peaks(findings) == {EquipmentKind.OTHER: 1, EquipmentKind.AIR_MOVER: 3}


def test_a_count_written_against_the_kind_and_no_quantity_column() -> None:
    # Given a table with no Qty column: "x2" is the count, a number after the kind is the unit's own
    findings = analyze_text(
        HEADER + "Unit Where Placed Removed\n"
        "LGR dehumidifier x2 Lounge and hall 10/03 1 removed 14/03\n"
        "LGR dehumidifier 3 bedroom 10/03 -\n"
        "Air movers x4 (low profile) Lounge 10/03 -\n"
    )
    # Then the dehumidifiers are the two written "x2" plus one, and one of the two comes out on 14/03
    assert _peaks(findings) == {EquipmentKind.DEHUMIDIFIER: 3, EquipmentKind.AIR_MOVER: 4}
    assert (1, date(2026, 3, 14)) in _removed(findings, EquipmentKind.DEHUMIDIFIER)


def test_a_max_on_site_column_after_the_days() -> None:
    # Given a table whose last column is the most on site at once
    findings = analyze_text(
        HEADER + "Equipment Placed Changes Max on site\n"
        "Air movers 10/03 8 placed; 3 pulled 12/03 8\n"
        "Electric heaters 11/03 - 2\n"
    )
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 8, EquipmentKind.OTHER: 2}


def test_the_table_ends_at_a_labelled_note() -> None:
    # Given a labelled note after the rows that names a fan and a room number
    findings = analyze_text(
        HEADER + "Unit Qty Set Removed\n"
        "Air movers 4 10/03 13/03\n"
        "Safety: water came through the exhaust fan in unit 204 - breaker off until 11/03\n"
    )
    # Then the note is not a row: the room number is no count of fans
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 4}


@pytest.mark.parametrize(
    "rows",
    [
        # a count cell carrying the unit's type after it, bare or in brackets
        "10/03 6 2 LGR all in\n12/03 6 2 (desiccant) swapped\n14/03 3 1 LGR\n16/03 0 0\n",
        "Day 1 6 2 (LGR)\nDay 3 5 2 (LGR) one fan out\nDay 5 0 0\n",
    ],
)
def test_a_day_per_row_log_with_typed_counts(rows: str) -> None:
    # Given a PDF's day-per-row equipment log, in another form
    text = HEADER + "Date Air movers Dehumidifiers\n" + rows + "Works done\n- Lifted the hall carpet\n"
    # Then the most on site of each kind is read from its column
    assert _peaks(analyze_text(text)) == {EquipmentKind.AIR_MOVER: 6, EquipmentKind.DEHUMIDIFIER: 2}


def test_a_row_whose_second_count_is_a_word_is_no_row() -> None:
    # the near miss: a note after one number, not a count per column
    text = HEADER + "Date Air movers Dehumidifiers\n10/03 6 units in the lounge\nWorks done\n"
    assert _peaks(analyze_text(text)).get(EquipmentKind.DEHUMIDIFIER) is None


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        # a next step told with its own weekday after the day the units went in
        ("They had 4 fans and a dehumidifier going from Saturday, then took one fan away on the Monday.", 23),
        ("Set 4 air movers and 1 dehu on Saturday and then pulled one air mover out on Tuesday.", 24),
    ],
)
def test_a_next_step_on_its_own_weekday_is_dated_that_day(line: str, removed: int) -> None:
    text = (
        f"Job 5512 - 4 Reed St, Mandurah WA 6210\nAttended Saturday 21/11/2026. Laundry vinyl wet.\n{line}\n"
    )
    runs = analyze_text(text).equipment_runs
    taken = [run for run in runs if run.removed_on is not None]
    assert [(run.quantity, run.removed_on) for run in taken] == [(1, date(2026, 11, removed))]
    assert all(run.placed_on == date(2026, 11, 21) for run in runs)


def test_a_weekday_told_back_from_a_later_visit_is_not_counted_forward() -> None:
    # the near miss: no next step, so "since Saturday" is never the Saturday after the visit
    text = (
        "Job 5513 - 4 Reed St, Mandurah WA 6210\n"
        "Visit Monday 23/11/2026: 4 air movers running since Saturday, then the owner rang on Sunday.\n"
    )
    runs = analyze_text(text).equipment_runs
    assert runs and all(run.placed_on is not None and run.placed_on <= date(2026, 11, 23) for run in runs)
    assert all(run.removed_on is None for run in runs)
