"""The equipment log's arithmetic and wording: run hours from times, units per day, and one
statement per kind about calculation and placement."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import EquipmentItem, EquipmentKind, EquipmentRun, SourceSpan, StandardRef
from chalicelib.report.equipment_log_section import calculation_statement, equipment_section, is_calculated
from chalicelib.report.equipment_runs import run_hours, unit_hours, units_per_day

SPAN = SourceSpan(line=18, text="Equipment")


def _run(
    kind: EquipmentKind, quantity: int, placed: date, removed: date | None, **times: datetime
) -> EquipmentRun:
    return EquipmentRun(
        kind=kind, quantity=quantity, placed_on=placed, removed_on=removed, source=SPAN, **times
    )


def test_run_hours_are_stated_else_from_the_times() -> None:
    # Given a run with both times, one with stated hours, and one with dates only
    timed = _run(
        EquipmentKind.AIR_MOVER,
        3,
        date(2026, 11, 13),
        date(2026, 11, 16),
        placed_at=datetime(2026, 11, 13, 11, 30),
        removed_at=datetime(2026, 11, 16, 10, 15),
    )
    stated = timed.model_copy(update={"run_hours": 70.0})
    dated = _run(EquipmentKind.AIR_MOVER, 3, date(2026, 11, 13), date(2026, 11, 16))
    # Then the hours come from the times (70.75 h over three nights), the notes, or nowhere
    from_times, from_notes = run_hours(timed), run_hours(stated)
    assert from_times is not None and (from_times.hours, from_times.from_times) == (70.75, True)
    assert from_notes is not None and (from_notes.hours, from_notes.from_times) == (70.0, False)
    assert run_hours(dated) is None
    # And unit-hours multiply by the units
    assert unit_hours([timed]) == {EquipmentKind.AIR_MOVER: 212.25}


def test_units_per_day_count_the_days_placed_and_removed_and_open_runs_to_the_last_day() -> None:
    runs = [
        _run(EquipmentKind.AIR_MOVER, 3, date(2026, 11, 13), date(2026, 11, 15)),
        _run(EquipmentKind.AIR_MOVER, 2, date(2026, 11, 14), date(2026, 11, 14)),
        _run(EquipmentKind.DEHUMIDIFIER, 1, date(2026, 11, 13), None),
    ]
    counts = [(entry.on.day, entry.units) for entry in units_per_day(runs)]
    assert counts == [
        (13, {EquipmentKind.AIR_MOVER: 3, EquipmentKind.DEHUMIDIFIER: 1}),
        (14, {EquipmentKind.AIR_MOVER: 5, EquipmentKind.DEHUMIDIFIER: 1}),
        (15, {EquipmentKind.AIR_MOVER: 3, EquipmentKind.DEHUMIDIFIER: 1}),
    ]
    assert units_per_day([]) == []


def test_one_statement_about_calculated_and_placed() -> None:
    # Given an item the analyzer could not calculate, and one it did
    placed_only = EquipmentItem(
        kind=EquipmentKind.AIR_MOVER,
        quantity=4,
        calculation=(
            "Not calculated: the wet floor area of Kitchen is not stated. Quantity as placed per the notes."
        ),
        stated_quantity=4,
    )
    calculated = EquipmentItem(
        kind=EquipmentKind.AIR_MOVER,
        quantity=6,
        calculation="2 rooms + ceil(96 / 60) = 4",
        inputs={"rooms": 2},
        stated_quantity=4,
        standard=StandardRef(standard="IICRC S500", edition="2021"),
    )
    # Then the first never shows a calculated quantity beside "Not calculated"
    assert not is_calculated(placed_only)
    assert (
        calculation_statement(placed_only) == "Not calculated: the wet floor area of Kitchen is not stated."
    )
    row = equipment_section([placed_only], []).blocks[1].rows[0]  # type: ignore[union-attr]
    assert row[:3] == ("Air mover", "4", "Not calculated: the wet floor area of Kitchen is not stated.")
    assert not any("Calculated 4" in cell for cell in row)
    # And the second shows its quantity with its formula, and what was placed against it
    assert calculation_statement(calculated) == "Calculated 6: 2 rooms + ceil(96 / 60) = 4"
    row = equipment_section([calculated], []).blocks[1].rows[0]  # type: ignore[union-attr]
    assert row[1] == "4 (2 fewer than calculated)"


@pytest.mark.parametrize(
    ("line", "hours"),
    [
        ("3 x AM placed 13/11/2026 11:30, removed 15/11/2026 10:15", 46.75),
        ("3 x AM placed 13/11/2026 11:30, removed 16/11/2026 10:15", 70.75),
        ("2 air movers set 13/11/2026 at 9:00 am, removed 14/11/2026 at 3:30 pm", 30.5),
        ("1 dehu placed 13/11/2026 11:30, removed 15/11/2026", None),  # no removal time
        ("3 x AM placed 13/11/2026 11:30, removed 15/11/2026 10:15, ran 40 hours", 40.0),  # stated wins
    ],
)
def test_the_offline_analyzer_reads_times_into_run_hours(line: str, hours: float | None) -> None:
    # Given an Australian job (day-first dates) whose equipment log row gives times
    notes = f"Job: 4 Banksia St, Ryde NSW 2112\nKitchen 3 x 4 m, vinyl wet.\n{line}\n"
    # When it is analysed
    (run,) = analyze_text(notes).equipment_runs
    # Then the run's hours are the time between, as the day-first dates read
    assert run.placed_on == date(2026, 11, 13)
    assert run.run_hours == hours


def test_month_first_dates_read_as_the_job_writes_them() -> None:
    # Given a US job writing 11/13/2026
    notes = (
        "Job: 12 Elm St, Austin TX 78701\nKitchen 12 x 14 ft, vinyl wet.\n"
        "3 air movers placed 11/13/2026 11:30, removed 11/15/2026 10:15\n"
    )
    (run,) = analyze_text(notes).equipment_runs
    assert (run.placed_on, run.removed_on, run.run_hours) == (date(2026, 11, 13), date(2026, 11, 15), 46.75)
