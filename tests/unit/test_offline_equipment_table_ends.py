"""Where an equipment log stops: a table of daily counts ends at the first line outside its bars (a
scope table further on is no count of units), and "carpet removed:" opens a list of what is on site."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import EquipmentKind, Findings

pytestmark = pytest.mark.unit

AM = EquipmentKind.AIR_MOVER
DH = EquipmentKind.DEHUMIDIFIER
AFD = EquipmentKind.AIR_SCRUBBER

HEADER = (
    "Claim: QX-55120\nSite: 14 Wattle Crescent, Mildura VIC 3500\nAttended 02/09/2026\n"
    "Cause: laundry tap flexi burst, Category 1\n"
)


def _peaks(findings: Findings) -> dict[EquipmentKind, int]:
    return {item.kind: item.stated_quantity for item in findings.equipment if item.stated_quantity}


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        (
            "Drying log\n| Date | Air movers | Dehumidifiers |\n| 02/09 | 4 | 1 |\n| 04/09 | 2 | 1 |\n"
            "Hazards\nNone noted.\n"
            "| Action | Material | Qty | Unit | Area |\n"
            "| Replace | carpet and underlay | 18 | m2 | Lounge |\n",
            {AM: 4, DH: 1},
        ),
        (
            "| Day | Fans | Dehu (LGR) |\n| 02/09 | 3 | 2 |\n| 03/09 | 3 | 2 |\n"
            "Works to quote\n| Item | Qty | Unit |\n| Remove skirting | 14 | lm |\n",
            {AM: 3, DH: 2},
        ),
    ],
)
def test_a_day_count_table_ends_at_a_line_outside_its_bars(
    tables: str, expected: dict[EquipmentKind, int]
) -> None:
    # Given a table of daily counts, a line of prose, then a scope table with a quantity column
    # When the notes are read
    peaks = _peaks(analyze_text(HEADER + tables))
    # Then the scope table's quantities are no counts of units
    assert peaks == expected


def test_a_day_count_table_reads_every_row_of_its_own() -> None:
    # Given a table of daily counts whose later row counts more units
    text = "| Date | Air movers | Dehumidifiers |\n| 02/09 | 2 | 1 |\n| 03/09 | 5 | 2 |\n| 05/09 | 0 | 0 |\n"
    # When the notes are read
    peaks = _peaks(analyze_text(HEADER + text))
    # Then the most on site is that later row's
    assert peaks == {AM: 5, DH: 2}


@pytest.mark.parametrize(
    "line",
    [
        "02/09 - wet underlay removed: 5 air movers, 2 dehumidifiers and 1 air scrubber running.\n",
        "02/09: kickboards pulled: five air movers, two dehumidifiers, one HEPA air scrubber.\n",
    ],
)
def test_something_else_removed_opens_a_list_of_units_on_site(line: str) -> None:
    # Given a log line that says what material came out, then lists the units after a colon
    # When the notes are read
    peaks = _peaks(analyze_text(HEADER + line))
    # Then the units are on site, not removed
    assert peaks == {AM: 5, DH: 2, AFD: 1}


def test_units_removed_under_a_label_stay_removed() -> None:
    # Given units placed, then a label that says which were removed
    text = (
        "02/09 - 5 air movers and 2 dehumidifiers set.\n05/09 - Air movers removed: 3.\n"
        "06/09 - removed: 2 dehumidifiers.\n"
    )
    # When the notes are read
    findings = analyze_text(HEADER + text)
    # Then the removals are read as removals: the runs end, the peaks stay the placed counts
    assert _peaks(findings) == {AM: 5, DH: 2}
    ended = {run.kind for run in findings.equipment_runs if run.removed_on is not None}
    assert DH in ended
