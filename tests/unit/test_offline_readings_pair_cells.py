"""A table cell holding two readings of a row whose words name two surfaces ("Lounge GIB (REL) /
skirting (WME)" over "140 / 13"): each value is its own surface's, in order, on its own scale."""

from __future__ import annotations

from datetime import date

import pytest

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_pair_cells import paired_cell

_HEAD = (
    "Claim 31-7781, 6 Kowhai St, Timaru. Washing machine hose split 17/11/2026; laundry and hallway wet.\n"
    "Attended 18/11/2026. Study not affected (dry standard).\n"
    "Readings as supplied (pins WME / search mode REL):\n"
)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # a slash between the values and between the surfaces; the dry standard's row
        (
            "| Point | Location | 18/11 | 20/11 |\n"
            "| 1 | Laundry GIB (REL) | 650 | 300 |\n"
            "| Std | Study GIB (REL) / skirting (WME) | 150 / 12 | |\n",
            {(150.0, "REL", "Study", True), (12.0, "WME", "Study", True)},
        ),
        # a semicolon, the columns in another order (the day first), a room the first part names
        # carried to the second, scales written after the surfaces as %MC and REL
        (
            "| Where | 18/11 | 20/11 | Point |\n"
            "| Hallway skirting %MC; plasterboard REL | 24; 480 | 17; 260 | H1 |\n",
            {
                (24.0, "%MC", "Hallway", False),
                (480.0, "REL", "Hallway", False),
                (17.0, "%MC", "Hallway", False),
                (260.0, "REL", "Hallway", False),
            },
        ),
    ],
)
def test_a_cell_of_two_values_gives_each_surface_its_own(
    table: str, expected: set[tuple[float, str, str, bool]]
) -> None:
    readings = analyze_text(_HEAD + table).moisture_readings
    found = {(r.value, r.unit, r.location, r.is_reference) for r in readings}
    assert expected <= found
    assert all(r.taken_on in (date(2026, 11, 18), date(2026, 11, 20)) for r in readings)


def test_a_pair_under_a_label_of_one_surface_is_no_pair() -> None:
    # "20 / 16" under one surface: a reading and its goal, or a range; neither is two readings
    assert paired_cell("20 / 16", "Laundry skirting (WME)", None, None, 0) == []
    # a day is no pair of values
    assert paired_cell("14/11", "Laundry GIB / skirting", None, None, 0) == []
    found = paired_cell("520 / 22", "Laundry GIB (REL) / skirting (WME)", None, None, 0)
    assert [(r.value, r.unit) for r in found] == [(520.0, "REL"), (22.0, "WME")]
