"""Equipment counts as writers tell them beside other numbers: a clock's AM, a count told day by day,
a request answered, someone else's count in brackets, the booking's order over the writer's own
count, and an owner's word for a scrubber."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import EquipmentKind, Findings

pytestmark = pytest.mark.unit

HEADER = (
    "Claim: QT-440913\nSite: 8 Banksia Parade, Ballina NSW 2478\nAttended 02/11/2026\n"
    "Cause: flexi hose under the vanity burst, Category 1\n"
    "Bathroom 3 x 2.5 m and hall 4 x 1.2 m, carpet and tiles wet.\n"
)


def _peaks(findings: Findings) -> dict[EquipmentKind, int | None]:
    return {item.kind: item.stated_quantity for item in findings.equipment if item.stated_quantity}


@pytest.mark.parametrize(
    "line",
    [
        "The tenant's leak alarm went off at 5:47 AM on Sunday and she shut the stop tap.\n",
        "Neighbour noticed water under the door at 11.05 AM and rang the agent.\n",
        # (a wrap carried the AM away from its time, as a PDF's lines do)
        "The tenant's leak alarm went off at 5:47\nAM on Sunday, 1 November 2026; she shut the tap.\n",
    ],
)
def test_an_am_after_a_clock_time_is_no_air_mover(line: str) -> None:
    # Given a time of day written with its minutes, then the units that went in
    findings = analyze_text(HEADER + line + "Set 2 air movers and 1 dehumidifier in the bathroom.\n")
    # When the equipment is read
    # Then the time's AM adds no air mover
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 2, EquipmentKind.DEHUMIDIFIER: 1}


def test_an_am_after_a_bare_count_is_still_air_movers() -> None:
    # Given "3 AM" written as units, with a clock time earlier in the line
    findings = analyze_text(HEADER + "On site 9:15, set 3 AM + 1 dehu in the hall.\n")
    # When the equipment is read
    # Then the three air movers are counted
    assert _peaks(findings)[EquipmentKind.AIR_MOVER] == 3


@pytest.mark.parametrize(
    ("line", "kind", "peak"),
    [
        ("Air movers: 3 on 02/11, 5 from 04/11. All out 09/11.\n", EquipmentKind.AIR_MOVER, 5),
        ("Floor-drying mat panels: 2 on 02/11, then 4 from 05/11.\n", EquipmentKind.OTHER, 4),
    ],
)
def test_a_count_told_day_by_day_peaks_at_its_largest(line: str, kind: EquipmentKind, peak: int) -> None:
    # Given one kind's count told day by day, the later counts with no kind of their own
    findings = analyze_text(HEADER + line)
    # When the equipment is read
    # Then the most on site is the largest day's count
    assert _peaks(findings)[kind] == peak


def test_a_later_count_with_its_own_kind_is_not_the_first_kinds() -> None:
    # Given a second count that names its own kind
    findings = analyze_text(HEADER + "Air movers: 3 on 02/11, 2 dehumidifiers from 04/11.\n")
    # When the equipment is read
    # Then each kind keeps its own count
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 3, EquipmentKind.DEHUMIDIFIER: 2}


@pytest.mark.parametrize(
    "line",
    [
        "Set 4 air movers on 02/11 after the owner asked for the hall to be done too.\n",
        "4 air movers went in once the assessor wanted the hall included.\n",
    ],
)
def test_units_set_after_a_request_are_placed(line: str) -> None:
    # Given units set, with the request they answered told as the reason
    findings = analyze_text(HEADER + line)
    # When the equipment is read
    # Then they are counted
    assert _peaks(findings)[EquipmentKind.AIR_MOVER] == 4


def test_units_only_asked_for_are_not_placed() -> None:
    # Given a request nobody has answered yet
    findings = analyze_text(HEADER + "Set 2 air movers. The owner asked for 3 more air movers in the hall.\n")
    # When the equipment is read
    # Then only the units set are counted
    assert _peaks(findings)[EquipmentKind.AIR_MOVER] == 2


@pytest.mark.parametrize(
    "line",
    [
        "Placed 5 AM + 2 dehu 02/11 (dispatch said 3 AM - too few for the hall).\n",
        "Put in 5 air movers and 2 dehumidifiers [the PM quoted three air movers].\n",
    ],
)
def test_someone_elses_count_in_brackets_is_not_placed(line: str) -> None:
    # Given the writer's count, then in brackets a count someone else gave
    findings = analyze_text(HEADER + line)
    # When the equipment is read
    # Then only the writer's count stands
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 5, EquipmentKind.DEHUMIDIFIER: 2}


def test_a_breakdown_in_brackets_is_still_read() -> None:
    # Given a bracket that breaks the count down by room (no one else's word)
    findings = analyze_text(HEADER + "Placed 5 AM (3 bathroom, 2 hall) and 1 dehu.\n")
    # When the equipment is read
    # Then the count stands as written
    assert _peaks(findings)[EquipmentKind.AIR_MOVER] == 5


INTAKE = (
    "=== PHONE INTAKE ===\n"
    "Caller: tenant, flexi hose burst under the vanity.\n"
    "Send 2 air movers and 1 dehumidifier.\n"
    "\n"
)


def test_the_bookings_order_gives_way_to_the_writers_own_count() -> None:
    # Given a phone intake that orders units, then the technician's own count of them
    findings = analyze_text(INTAKE + HEADER + "Set 4 air movers and 1 dehumidifier 02/11. All out 06/11.\n")
    # When the equipment is read
    # Then the writer's count replaces the booking's (not added to it)
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 4, EquipmentKind.DEHUMIDIFIER: 1}


@pytest.mark.parametrize(
    "line",
    [
        "There are three of those noisy fans and an air cleaner running in the bathroom.\n",
        "Two air cleaners set in the hall with the 2 air movers.\n",
    ],
)
def test_an_air_cleaner_is_an_air_scrubber(line: str) -> None:
    # Given an owner's or a writer's "air cleaner"
    findings = analyze_text(HEADER + line)
    # When the equipment is read
    # Then it is counted as an air scrubber
    assert EquipmentKind.AIR_SCRUBBER in _peaks(findings)


def test_the_householders_own_air_cleaner_is_not_equipment() -> None:
    # Given the household's own air cleaner beside the restorer's units
    findings = analyze_text(
        HEADER + "Set 2 air movers in the hall; the family keep their own air cleaner in the nursery.\n"
    )
    # When the equipment is read
    # Then it is no scrubber of the job's
    assert EquipmentKind.AIR_SCRUBBER not in _peaks(findings)


def _removed_on(findings: Findings, kind: EquipmentKind) -> set[str | None]:
    return {
        run.removed_on.isoformat() if run.removed_on else None
        for run in findings.equipment_runs
        if run.kind is kind
    }


@pytest.mark.parametrize(
    "line",
    [
        "November 5: air scrubbers removed; 3 air movers remain.\n",
        "05/11 - air scrubbers pulled, air movers stay until the goal.\n",
    ],
)
def test_a_dated_entry_that_removes_a_kind_ends_its_runs_that_day(line: str) -> None:
    # Given scrubbers placed, then a log entry opened by its day that removes them (no count)
    findings = analyze_text(HEADER + "02/11/2026: 3 air movers and 2 HEPA air scrubbers set.\n" + line)
    # When the equipment runs are read
    # Then the scrubbers come out on the entry's day and the air movers stay
    assert _removed_on(findings, EquipmentKind.AIR_SCRUBBER) == {"2026-11-05"}
    assert _removed_on(findings, EquipmentKind.AIR_MOVER) == {None}


def test_a_dated_entry_that_removes_one_type_of_dehumidifier_does_not_end_the_other() -> None:
    # Given an LGR and a desiccant, then a dated entry that removes only the LGR
    findings = analyze_text(
        HEADER + "02/11/2026: 1 LGR dehumidifier and 1 desiccant dehumidifier set.\n"
        "05/11 - LGR dehumidifier removed, desiccant kept running.\n"
    )
    # When the equipment runs are read
    # Then the desiccant is not taken out with it (no dehumidifier run ends that day by a kind-wide removal)
    assert "2026-11-05" not in _removed_on(findings, EquipmentKind.DEHUMIDIFIER)
