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
