"""Equipment counts as people write them: stages of a job, the owners' own units, systems told with
their parts, count-only tables, units booked or advised but never placed."""

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
    "Claim: ZZ-204417\nSite: 9 Banksia Way, Albany WA 6330\nAttended 03/12/2026\n"
    "Cause: dishwasher supply line split, Category 1\n"
)


def _peaks(findings: Findings) -> dict[EquipmentKind, int]:
    return {item.kind: item.stated_quantity for item in findings.equipment if item.stated_quantity}


CASES: list[tuple[str, dict[EquipmentKind, int]]] = [
    # stages summed up on one line are not parts of one total
    ("Summary - Equipment: 4 air movers (day 1-2), 3 air movers (day 2-5), 1 LGR (5 days)\n", {AM: 4, DH: 1}),
    # ... but parts by room are
    ("Equipment: 2 air movers in the lounge, 3 air movers in the study\n", {AM: 5}),
    # a later stage told in the same line says what is on site from then on
    ("Day one: 2 air movers + 1 LGR. From Tuesday: 5 air movers along the wall, 2 LGRs.\n", {AM: 5, DH: 2}),
    ("Log shows 10 air movers and 2 dehus at the start, then 4 AM / 1 DH from 05/12.\n", {AM: 10, DH: 2}),
    # "one in each room" spreads the units already counted
    (
        "Set four air movers (two lounge, two study) and two dehumidifiers, one in each room.\n",
        {AM: 4, DH: 2},
    ),
    # an arrow to the total
    ("- set 3 AM + 1 LGR\n- 05/12 added AM -> 6 total, 1 LGR still\n", {AM: 6, DH: 1}),
    # the owners' own dehumidifier, running on site
    ("The owners have been running their own 30-litre dehumidifier in the study since Monday.\n", {DH: 1}),
    ("The landlord's portable dehu has run in the lounge all week.\n", {DH: 1}),
    # ... but not one they do not have
    ("The owners do not have their own dehumidifier.\n", {}),
    # a count of some of them
    ("They left two of those big round fans and a dehumidifier going.\n", {AM: 2, DH: 1}),
    # "the" unit in a list of what was put in is one unit
    ("Put 2 air movers + the small dehu in the study.\n", {AM: 2, DH: 1}),
    # a unit taken away, or one the writer only advises
    (
        "Site check: 3 air movers and 1 LGR. One study air mover went back to the depot on Friday.\n",
        {AM: 3, DH: 1},
    ),
    (
        "The restorer has 2 air movers and 1 dehumidifier running; I would add another air mover.\n",
        {AM: 2, DH: 1},
    ),
    # units dispatched or on the card but never set up
    (
        "Send: 5 air movers, 2 LGR\nPlaced 2 air movers and 1 LGR. Did not set the other 3 air movers.\n",
        {AM: 2, DH: 1},
    ),
    ("The job card says 3 AFD. Actual: 1 HEPA air scrubber and 2 air movers.\n", {AFD: 1, AM: 2}),
    # a system told with its parts is one system
    ("Placed a floor mat system (5 mats, 1 vacuum unit) and 2 air movers.\n", {OTHER: 1, AM: 2}),
    ("A drying mat system with four mats and a pump, plus one LGR dehumidifier.\n", {OTHER: 1, DH: 1}),
    ("Installed one wall cavity injection system and one floor-drying panel system.\n", {OTHER: 2}),
    # a place named by a heater is no heater
    ("Skirting behind heater 05/12: 24\n", {}),
    # a removal verb of something else before the count
    ("Lifted the carpet corner and left 1 air mover and 1 dehu in the study.\n", {AM: 1, DH: 1}),
    ("Put one air mover in and one compact dehu with the door pulled to.\n", {AM: 1, DH: 1}),
    # advice numbered under its section's number, and under a long heading, places nothing
    (
        "4.0 Recommendations\n4.1 Fix the trap first.\n4.2 Dry the slab with a dehumidifier after works.\n",
        {},
    ),
    (
        "Recommended works (the builder can start on Tuesday 08/12, once the tenants have moved out)\n"
        "1. Containment at the door; negative air through a HEPA air scrubber.\n",
        {},
    ),
    # one total told in parts, after a breakdown in brackets, and parts that are only its breakdown
    ("- Equipment: 2 air movers upstairs (one each bedroom), 1 in the stairwell\n", {AM: 3}),
    ("Equipment: 4 air movers in the lounge, one in the hall and one in the study\n", {AM: 6}),
    ("Set 4 air movers: one in the hall, one in the study and two in the lounge\n", {AM: 4}),
    # "a third added" is one more of the kind the line counts
    ("05/12: 2 HEPA air scrubbers (lounge, hall). 07/12: a third added in the study.\n", {AFD: 3}),
    # "3 AM + 1 DH" with no other word of drying is units, not a time
    ("done: lifted underlay, binned; 3 AM + 1 DH\n", {AM: 3, DH: 1}),
    # the verb after a joined list is every count's in it
    ("04/12: 3 air movers, 1 LGR. 05/12: 1 AM + 1 dehu added in the study.\n", {AM: 4, DH: 2}),
    # ... but a count before a comma keeps its own
    ("04/12: 3 air movers, 1 LGR. 05/12: 3 air movers, 1 dehu added in the study.\n", {AM: 3, DH: 2}),
    # "N from then" is what is on site after the change the clause tells
    (
        "04/12: 1 LGR.\n05/12: added a desiccant dehumidifier under the floor - 2 dehumidifiers from then.\n",
        {DH: 2},
    ),
    # what someone asks for is not placed
    ("The builder wants 4 air movers and a dehu. Approved 2 air movers and 1 dehu.\n", {AM: 2, DH: 1}),
    # the same units named again on another line the same day are one set
    (
        "Approved 1 air mover and 1 dehu on 03/12.\n\nBilled: 1 AM + 1 dehu, 03/12 to 06/12 (3 days).\n",
        {AM: 1, DH: 1},
    ),
    (
        "An air scrubber ran in the lounge.\n\nSet up: 3 air movers and the one air scrubber.\n",
        {AM: 3, AFD: 1},
    ),
    # ... but a second placement in another room that day adds
    ("Set 2 air movers in the lounge.\n\nSet 2 air movers in the study.\n", {AM: 4}),
    # the owners' unit said to be running, inside advice, is on site
    (
        "Recommendations\n- Keep the tenants' dehumidifier running in the study until we return.\n",
        {DH: 1},
    ),
    ("Their own dehu has been running since Friday, at my suggestion.\n", {DH: 1}),
    # ... but not one they are only told to get
    ("Recommendations\n- The owners should hire a dehumidifier for the study.\n", {}),
    # ... nor lines each under its own place, nor the next line of one list
    ("Upstairs: 2 air movers, 1 LGR\n\nDownstairs: 2 air movers, 1 LGR\n", {AM: 4, DH: 2}),
    ("- 2 air movers, 1 LGR\n- 2 air movers, 1 LGR\n", {AM: 4, DH: 2}),
    # a count with no kind goes on with the kind its line counts
    ("- Air movers: 4 (2 lounge, 2 study). 6 on the Friday when the hall opened up.\n", {AM: 6}),
    # ... but not on a line that counts two kinds
    ("- 4 air movers, 1 LGR. 6 on the Friday for the hall.\n", {AM: 4, DH: 1}),
    # what an invoice lists is billed, not seen on site
    ("On site: 3 air movers, 1 LGR. The invoice lists 5 air movers and 2 LGRs.\n", {AM: 3, DH: 1}),
    # a word naming two places between a count and its kind
    ("Set 1 ceiling/wall cavity injection system and 2 air movers.\n", {OTHER: 1, AM: 2}),
    # a count corrected on a later line replaces the one it corrects
    (
        "03/12: set 5 air movers, 1 LGR.\n04/12: added 1 air mover.\n"
        "Review: on 03/12 it was 4 air movers, not 5 - one stayed in the van.\n",
        {AM: 5, DH: 1},
    ),
    # "there were N on site" is what was there, whatever the clause says was added
    ("03/12: 4 air movers.\n04/12: with the one added that day there were 5 air movers on site.\n", {AM: 5}),
    # an equipment list's item that opens with a kind and no count is one of it
    ("Equipment:\n- 03/12: floor drying mat system (6 panels, one pump), 2 air movers.\n", {OTHER: 1, AM: 2}),
]


@pytest.mark.parametrize(("notes", "expected"), CASES)
def test_equipment_counts(notes: str, expected: dict[EquipmentKind, int]) -> None:
    assert _peaks(analyze_text(HEADER + notes)) == expected


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # a count-only table, with bars and as a PDF gives it
        (
            "Equipment seen on site\n|Item|Qty|\n|Air movers (lounge 2, study 1)|3|\n|LGR dehumidifiers|1|\n"
            "|Desiccant dehumidifier, ducted to the subfloor|1|\n",
            {AM: 3, DH: 2},
        ),
        (
            "Equipment seen on site\nItem Qty\nAir movers (lounge 2, study 1) 3\nLGR dehumidifiers 1\n"
            "Desiccant dehumidifier, ducted to the subfloor 1\n9. Scope\n",
            {AM: 3, DH: 2},
        ),
        # ... but an item, quantity and unit of measure table is scope
        ("|Item|Qty|Unit|\n|Air mover hire|12|days|\n", {}),
        # a run of tags written out is that many units
        ("|Tag|Unit|Placed|Removed|\n|HM-01 to HM-04|heat mats|03/12|06/12|\n", {OTHER: 4}),
        # a list of tags is that many units
        ("|Tag|Unit|Placed|Removed|\n|AM-1, AM-2, AM-3|air mover|03/12|06/12|\n", {AM: 3}),
        # a kind column with its sort in brackets, and a cell summing two sorts
        (
            "|Date|Air movers|Dehumidifiers (LGR)|Notes|\n|03/12|5|1|lounge|\n|04/12|5|2|one more|\n"
            "|06/12|0|0|all out|\n",
            {AM: 5, DH: 2},
        ),
        (
            "|Date|Air movers|Dehus|Note|\n|03/12|2|1 LGR|x|\n|04/12|2|1 LGR + 2 desiccant|loft|\n",
            {AM: 2, DH: 3},
        ),
        # a heading that reads like a count-only header over a barred table is only its title
        (
            "Equipment on site\nDate | AM | DH | AFD\n03/12/2026 | 6 | 2 | 1\n05/12/2026 | 0 | 0 | 0\n",
            {AM: 6, DH: 2, AFD: 1},
        ),
        # the same table as a PDF gives it, with the job's day numbers
        (
            "Day AM DH Note\n1 5 2 3 lounge, 2 study\n2 4 2 1 AM out of the study\n4 0 0 all out\n",
            {AM: 5, DH: 2},
        ),
        # ... but a line that only opens with "Day" and a kind is no table
        ("Day one air movers went in\n1 5 2 3 lounge\n", {}),
    ],
)
def test_equipment_tables(table: str, expected: dict[EquipmentKind, int]) -> None:
    assert _peaks(analyze_text(HEADER + table)) == expected


def test_days_written_with_the_documents_own_separator() -> None:
    # Given a log whose full dates are "03-12-2026" and whose table writes "03-12"
    notes = (
        "Claim: ZZ-204418\nAttended 03-12-2026\nCause: supply line, Category 1\n"
        "Unit Where Set Removed\n"
        "LGR DH x2 Lounge 03-12 06-12\n"
        "Air movers x4 Lounge 03-12 05-12\n"
        "Works\n"
    )
    assert _peaks(analyze_text(notes)) == {AM: 4, DH: 2}


# A count the writer rules out beside the one placed ("not", "rather than", "instead of") is no
# placement; "rather" alone still corrects the count before it.
@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("Equipment placed 03/12: 4 air movers and 1 LGR dehumidifier (not 2 air movers).\n", {AM: 4, DH: 1}),
        ("Placed 3 air movers rather than 5 air movers, plus one dehumidifier.\n", {AM: 3, DH: 1}),
        ("Put in 2 dehus instead of the 1 dehu on the job card, and 3 air movers.\n", {AM: 3, DH: 2}),
        # near misses: a later count on site, and a correction with "rather" alone
        ("Placed 3 air movers and 1 dehumidifier; 05/12 added 2 air movers (5 on site).\n", {AM: 5, DH: 1}),
        ("Set 4 air movers, rather 3 air movers, and 1 dehumidifier.\n", {AM: 3, DH: 1}),
    ],
)
def test_a_count_ruled_out_beside_the_placed_one(notes: str, expected: dict[EquipmentKind, int]) -> None:
    assert _peaks(analyze_text(HEADER + notes)) == expected


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        # an addition written with its plus sign, then the sum after "=" or an arrow
        ("03/12 - 3 AM, 1 DH in the lounge\n05/12 - +2 AM hall = 5 AM, 1 DH\n", {AM: 5, DH: 1}),
        ("03/12: 4 fans + 1 dehu\n04/12: +1 fan bedroom -> 5 fans\n", {AM: 5, DH: 1}),
        # the near miss: a plus joining two kinds is no addition
        ("Billed: 2 AM + 1 dehu, 03/12 to 06/12.\n", {AM: 2, DH: 1}),
    ],
)
def test_an_addition_with_its_sum_written_after_it(notes: str, expected: dict[EquipmentKind, int]) -> None:
    assert _peaks(analyze_text(HEADER + notes)) == expected
