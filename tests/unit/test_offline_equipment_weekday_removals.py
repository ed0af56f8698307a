"""Removals told by weekday alone ("Wed pulled 1 AM", "two came out on the Wednesday"), a day before
"all out" ("Mon 12th all out") and a kind "out" or "off on" a day: the equipment log the report prints
gives each its day, not the day the units went in (a wrong removal day is a wrong fact an insurer pays
hire days from)."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text

_HEAD = "Job 4410, 12 Gidgee Court, Alice Springs NT 0870.\nFirst visit Tue 3/11/26. Laundry vinyl wet.\n"


def _runs(text: str) -> list[tuple[str, int, date | None, date | None]]:
    return [
        (run.kind.value, run.quantity, run.placed_on, run.removed_on)
        for run in analyze_text(_HEAD + text).equipment_runs
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "- set 4 AM + 1 dehu Tue. Thu pulled 2 AM. Mon 9th all out.\n",
            [("air_mover", 2, 5), ("air_mover", 2, 9), ("dehumidifier", 1, 9)],
        ),
        (
            "- placed 3 air movers Tue; Friday removed 1 air mover; Mon 9th all out\n",
            [("air_mover", 1, 6), ("air_mover", 2, 9)],
        ),
    ],
)
def test_a_weekday_alone_dates_the_removal(line: str, expected: list[tuple[str, int, int]]) -> None:
    # Given units set on the first visit, some taken out on a weekday named alone, the rest on a date
    runs = _runs(line)
    # Then each leaves on its own day, all placed on the first visit (Tuesday 3 November)
    assert sorted(runs, key=str) == sorted(
        [(kind, count, date(2026, 11, 3), date(2026, 11, day)) for kind, count, day in expected], key=str
    )


def test_a_kind_off_on_a_day_is_removed_that_day() -> None:
    # Given one kind taken out by "off on the <date>"
    runs = _runs("3 air movers and 1 dehumidifier set 3/11. Air movers off on the 6th.\n")
    # Then the air movers leave on the 6th and the dehumidifier stays open
    assert ("air_mover", 3, date(2026, 11, 3), date(2026, 11, 6)) in runs
    assert ("dehumidifier", 1, date(2026, 11, 3), None) in runs


def test_a_weekday_that_is_the_days_own_keeps_it() -> None:
    # Given the near miss: the placement's weekday is the first visit's own day
    runs = _runs("- 2 air movers set Tue in the laundry.\n")
    # Then it is placed that Tuesday, not a week later
    assert runs == [("air_mover", 2, date(2026, 11, 3), None)]
