"""Equipment counts in field-note shorthand: kit the tech "took" to the job, how many a room needed
beside how many were set, a booking's "req:", cavity dryers, and a PDF's day-per-row table under a
title that reads like a count-only header."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import EquipmentKind, Findings

pytestmark = pytest.mark.unit

AM = EquipmentKind.AIR_MOVER
DH = EquipmentKind.DEHUMIDIFIER
AFD = EquipmentKind.AIR_SCRUBBER
OTHER = EquipmentKind.OTHER

HEADER = (
    "Claim: ZZ-318802\nSite: 4 Tern Street, Napier 4110\nAttended 09/03/2026\n"
    "Cause: washing machine hose split, Category 2\n"
)


def _peaks(findings: Findings) -> dict[EquipmentKind, int]:
    return {item.kind: item.stated_quantity for item in findings.equipment if item.stated_quantity}


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        # kit taken to the job is what went in
        ("- Took 4 air movers and 2 dehus to site (the card said 3).\n", {AM: 4, DH: 2}),
        ("Tech took 2 AM + 1 DH, set in the lounge.\n", {AM: 2, DH: 1}),
        # the near miss: units taken out or away are a removal, not a placement
        ("09/03 set 4 AM + 1 DH. 11/03 took 2 AM out of the hall.\n", {AM: 4, DH: 1}),
    ],
)
def test_kit_the_tech_took_is_placed_unless_away(notes: str, expected: dict[EquipmentKind, int]) -> None:
    assert _peaks(analyze_text(HEADER + notes)) == expected


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        # how many the room needed, said beside how many were set, is no more units
        ("Equipment set: 3 AM + 1 DH - only 3 AM required, small room.\n", {AM: 3, DH: 1}),
        ("Placed 2 air movers and 1 dehumidifier; 2 air movers needed for the bedroom.\n", {AM: 2, DH: 1}),
        # a booking's requirement before anyone went places nothing
        ("Equip req: 5 AM + 2 DH\nOn site: set 3 AM + 1 DH.\n", {AM: 3, DH: 1}),
        # the near miss: a count after "needed" that is placed still counts
        ("Needed more drying: added 2 AM on 10/03 to the 3 AM set on 09/03.\n", {AM: 5}),
    ],
)
def test_a_count_needed_or_required_is_not_placed(notes: str, expected: dict[EquipmentKind, int]) -> None:
    assert _peaks(analyze_text(HEADER + notes)) == expected


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("Set 3 air movers, 1 LGR and 1 wall cavity dryer in the kitchen.\n", {AM: 3, DH: 1, OTHER: 1}),
        ("Equipment: 2 AM, 1 DH, 1 ceiling/void drying unit into the bulkhead.\n", {AM: 2, DH: 1, OTHER: 1}),
    ],
)
def test_a_cavity_or_void_dryer_is_other_equipment(notes: str, expected: dict[EquipmentKind, int]) -> None:
    assert _peaks(analyze_text(HEADER + notes)) == expected


def test_a_day_per_row_table_under_a_count_like_title() -> None:
    # Given a PDF's bar-less table, a day a row and a kind a column, under "Equipment on site"
    notes = "Equipment on site\nDate Fans Dehus Air scrubbers\n09/03 6 2 1\n10/03 7 2 1\n12/03 3 1 0\n"
    # When it is read
    # Then each kind's most on site at once comes from the rows (the title is no count-only header)
    assert _peaks(analyze_text(HEADER + notes)) == {AM: 7, DH: 2, AFD: 1}


def test_a_count_only_table_under_the_same_title_still_reads() -> None:
    # Given the near miss: the title over a count-only list of kinds, no day column
    notes = "Equipment on site\nAir movers 5\nDehumidifiers 2\n"
    # Then its counts are read as before
    assert _peaks(analyze_text(HEADER + notes)) == {AM: 5, DH: 2}
