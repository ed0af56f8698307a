"""Equipment told in sentences: what is placed, what is only booked, and household things that are
named like drying equipment."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import EquipmentKind, Findings

pytestmark = pytest.mark.unit

HEADER = (
    "Claim: ZZ-100520\nSite: 31 Wattle Crescent, Mildura VIC 3500\nAttended 16/11/2026\n"
    "Cause: washing machine hose burst, Category 2\n"
)


def _peaks(findings: Findings) -> dict[EquipmentKind, int | None]:
    return {item.kind: item.stated_quantity for item in findings.equipment if item.stated_quantity}


def test_household_fans_heaters_and_mats_are_not_drying_equipment() -> None:
    # Given notes that name a ceiling fan in a cleaning line, the owner's box fans, a water heater
    # and a bath mat beside the restorer's own units
    findings = analyze_text(
        HEADER + "The owner had run two box fans overnight before we arrived.\n"
        "Wet patch about the size of a bath mat beside the water heater.\n"
        "Clean lounge ceiling 20 m2; ceiling fan: 1 EA.\n"
        "Set 3 air movers and 1 LGR dehumidifier in the laundry.\n"
    )
    # Then only the restorer's units are counted
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 3, EquipmentKind.DEHUMIDIFIER: 1}


def test_units_booked_or_left_in_the_van_are_not_placed() -> None:
    # Given a job card that books more than the tech set, and the rest said to stay in the van
    findings = analyze_text(
        HEADER + "Equipment booked: 5 x AM, 2 x DH\n"
        "Set AM x3 (laundry 2, hall 1) + DH x1 (laundry). The other 2 AMs and the second dehu stayed "
        "in the ute - not needed.\n"
    )
    # Then only what was set is on site
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 3, EquipmentKind.DEHUMIDIFIER: 1}


def test_a_type_said_once_for_two_kinds_of_dehumidifier_and_a_cut_to_total() -> None:
    # Given "2 LGR dehumidifiers and 1 desiccant" and a later cut in the air movers
    findings = analyze_text(
        HEADER + "Equipment (placed 16/11): 5 air movers, 2 LGR dehumidifiers and 1 desiccant.\n"
        "Total on site: 5 air movers, 3 dehus. Cut to 2 air movers on 19/11.\n"
    )
    # Then the desiccant is a third dehumidifier, and the cut is a total, not two more air movers
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 5, EquipmentKind.DEHUMIDIFIER: 3}


def test_a_count_corrected_after_another_kind_is_replaced() -> None:
    # Given a count the writer corrects after naming another kind in between
    findings = analyze_text(HEADER + "Equip: 5 AM + 1 dehu... actually 4 AM, the 5th stayed on the truck.\n")
    assert _peaks(findings) == {EquipmentKind.AIR_MOVER: 4, EquipmentKind.DEHUMIDIFIER: 1}


def test_a_list_that_writes_each_kind_then_its_count() -> None:
    # Given an equipment list with the count after each kind, and a unit tag that is not a count
    findings = analyze_text(
        HEADER + "Equipment on site 16/11\n"
        "Air movers 4 (laundry and hall), LGR dehumidifiers 2, hydroxyl generator 1 units for 3 days.\n"
        "DH 2 emptied and moved to the hall.\n"
    )
    assert _peaks(findings) == {
        EquipmentKind.AIR_MOVER: 4,
        EquipmentKind.DEHUMIDIFIER: 2,
        EquipmentKind.OTHER: 1,
    }


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a later day's count, "from" that day: what is on site then, not more of them
        (
            "Recommended works\n- Drying: 5 air movers and 1 dehumidifier placed 12/11; 3 air movers"
            " from 14/11; all pulled 17/11.\n",
            {EquipmentKind.AIR_MOVER: 5, EquipmentKind.DEHUMIDIFIER: 1},
        ),
        (
            "Proposed protocol\n* 2 LGR dehus were set on Monday 16/11, 8 air movers as of 18/11,"
            " removed Friday.\n",
            {EquipmentKind.AIR_MOVER: 8, EquipmentKind.DEHUMIDIFIER: 2},
        ),
    ],
)
def test_an_item_under_a_proposal_heading_that_tells_its_day_was_done(
    lines: str, expected: dict[EquipmentKind, int]
) -> None:
    assert _peaks(analyze_text(HEADER + lines)) == expected


def test_an_item_under_a_proposal_heading_with_no_day_is_only_advised() -> None:
    # the near miss: advice, with nothing placed
    findings = analyze_text(
        HEADER + "Recommendations\n- Set 4 air movers and 1 dehumidifier once the tiles are off.\n"
    )
    assert _peaks(findings) == {}


@pytest.mark.parametrize(
    "line",
    [
        "Equipment actually set (not as booked): 3 air movers, 1 dehumidifier.\n",
        "Units on site, rather than what dispatch booked: 3 air movers and 1 LGR dehu.\n",
    ],
)
def test_a_booking_set_apart_leaves_the_placed_count(line: str) -> None:
    booked = "Equipment booked: 6 air movers, 2 dehumidifiers\n"
    expected = {EquipmentKind.AIR_MOVER: 3, EquipmentKind.DEHUMIDIFIER: 1}
    assert _peaks(analyze_text(HEADER + booked + line)) == expected


def test_a_booking_alone_places_nothing() -> None:
    # the near miss: only the booking is told
    assert (
        _peaks(analyze_text(HEADER + "Equipment booked for tomorrow: 4 air movers, 1 dehumidifier.\n")) == {}
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # one per place, then how many that made
        ("We put an air mover in each wet room - four in total - and 1 LGR in the hall.\n", 4),
        ("One fan under each bedroom window, three altogether, plus a dehumidifier.\n", 3),
        ("Set one air mover per wall cavity, so 6 all up, and one LGR.\n", 6),
    ],
)
def test_a_count_per_place_then_the_total_it_made(line: str, expected: int) -> None:
    assert _peaks(analyze_text(HEADER + line)).get(EquipmentKind.AIR_MOVER) == expected


def test_a_count_in_a_room_after_a_count_is_more_of_them() -> None:
    # the near miss: "two in the hall" is two more, not a total
    findings = analyze_text(HEADER + "Set 3 air movers in the lounge and two in the hall, plus 1 LGR.\n")
    assert _peaks(findings).get(EquipmentKind.AIR_MOVER) == 5


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a bracketed aside about units that never went in, after the placed count
        ("Placed: 4 air movers, 1 LGR (the other 2 AM on the work order stayed in the van).\n", (4, 1)),
        ("Set 3 fans + 2 dehus [a third dehu was sent but not needed] in the basement.\n", (3, 2)),
    ],
)
def test_a_bracket_of_units_never_placed_leaves_the_placed_count(
    line: str, expected: tuple[int, int]
) -> None:
    peaks = _peaks(analyze_text(HEADER + line))
    assert (peaks.get(EquipmentKind.AIR_MOVER), peaks.get(EquipmentKind.DEHUMIDIFIER)) == expected


def test_units_never_placed_told_outside_a_bracket_are_not_placed() -> None:
    # the near miss: the whole clause tells of units left in the van
    findings = analyze_text(HEADER + "Set 3 air movers. 2 more air movers stayed in the van.\n")
    assert _peaks(findings).get(EquipmentKind.AIR_MOVER) == 3
