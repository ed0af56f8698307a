"""Scope written the way fire and smoke estimates write it: schedules with quantity and unit
columns, flattened PDF rows, and contents packed out by the box."""

from __future__ import annotations

from chalicelib.analysis import analyze_text
from chalicelib.analysis.findings import Findings

HEADER = (
    "Claim: ZZ-300400\nAttended 03/03/2026\nCause: pan fire on the cooktop spread smoke through the house\n"
)


def _measured(findings: Findings) -> list[tuple[float | None, str | None]]:
    return [(item.quantity, item.unit) for item in findings.scope_of_work if item.quantity is not None]


def test_a_schedule_with_quantity_and_unit_columns_gives_one_item_per_row() -> None:
    # Given a scope schedule whose number and unit sit in cells of their own
    findings = analyze_text(
        HEADER + "\nSchedule of works\n"
        "Item | Qty | Unit | Area\n"
        "Wipe down soot film from walls | 31 | m2 | Lounge\n"
        "Wash blinds | 2 | each | Bedroom\n"
        "Throw out spoiled pantry food | 1 | lot | Kitchen\n"
        "Degrease rangehood duct | 4.5 | lm | Kitchen\n"
    )
    # Then each row is a measured item, its unit from the unit column and its room from the area
    assert sorted(_measured(findings)) == [(1.0, "lot"), (2.0, "ea"), (4.5, "lm"), (31.0, "m2")]
    rooms = {item.quantity: item.room for item in findings.scope_of_work}
    assert rooms[31.0] == "Lounge"


def test_an_equipment_table_without_a_unit_column_is_not_a_schedule() -> None:
    # Given an equipment table with a quantity column but no unit column
    findings = analyze_text(
        HEADER
        + "\nItem | Qty | Placed | Removed\nAir scrubber | 2 | 03/03 | 06/03\n"
        + "Hydroxyl unit | 1 | 03/03 | 05/03\n"
    )
    # Then its quantities are not scope items
    assert _measured(findings) == []


def test_a_flattened_schedule_reads_rows_whose_description_wraps() -> None:
    # Given a PDF's schedule with its borders lost and long descriptions wrapped onto two lines
    findings = analyze_text(
        HEADER + "\nScope of works\nItem Room Qty Unit\n"
        "Take down and dispose scorched\nupper cupboards Kitchen 2.8 lm\n"
        "Wipe walls Hallway 19 m2\n"
        "Launder drapes Lounge 1 each\n"
    )
    # Then each row ending with a quantity and unit is an item, wrapped text and all
    assert sorted(_measured(findings)) == [(1.0, "ea"), (2.8, "lm"), (19.0, "m2")]


def test_a_flattened_schedule_headed_line_item() -> None:
    # Given a PDF's "Line item Qty Unit" schedule with a wrapped row
    findings = analyze_text(
        HEADER + "\nWork done\nLine item Qty Unit\nCut out the swollen\nkickboard 3 LF\nDrill holes 4 EA\n"
    )
    # Then each row is an item
    assert sorted(_measured(findings)) == [(3.0, "lf"), (4.0, "ea")]


def test_contents_packed_out_by_the_box_keep_boxes_as_their_unit() -> None:
    # Given contents counted in boxes
    findings = analyze_text(HEADER + "\nScope\n- Contents pack-out from the lounge and study: 17 boxes\n")
    # Then the count is priced per box, not each
    assert _measured(findings) == [(17.0, "boxes")]


def test_estimate_lines_with_dot_leaders_keep_each_line_and_its_verb() -> None:
    # Given an estimate whose items reach their quantities over dot leaders, two with the same area
    findings = analyze_text(
        HEADER + "\nSCOPE\nLounge\n"
        "  Dry-sponge walls & ceiling .................... 410 SF\n"
        "  Seal walls & ceiling (stain-block primer) ..... 410 SF\n"
        "  Pack out & clean bookshelf contents ........... 9 boxes\n"
    )
    # Then each line is its own item, acted on by its own verb
    items = [(i.quantity, i.unit, i.action) for i in findings.scope_of_work if i.quantity is not None]
    assert sorted(items, key=str) == [
        (410.0, "sq ft", "clean"),
        (410.0, "sq ft", "paint"),
        (9.0, "boxes", "pack out"),
    ]


def test_a_homeowner_telling_feet_of_baseboard_gives_linear_feet_but_a_cut_height_does_not() -> None:
    # Given a homeowner's email giving trim in plain feet, and a flood cut at a height in feet
    findings = analyze_text(
        HEADER + "\nThey pulled off 14 feet of baseboard in the den and flood cut the drywall at 2 ft.\n"
        "The skirting in the hall (about 9 ft) is swollen and they are replacing it.\n"
    )
    # Then the trim runs are linear feet and the cut height is no item
    assert sorted(_measured(findings)) == [(9.0, "lf"), (14.0, "lf")]


def test_a_cut_sized_in_bare_metres_is_a_size_not_a_run() -> None:
    # Given a ceiling section cut out and sized in metres by metres
    findings = analyze_text(
        HEADER + "\n- Cut out the blistered lounge ceiling section, 1.8 m x 1.2 m (2.2 m2).\n"
    )
    # Then its area is the item and its second side is no linear run
    assert _measured(findings) == [(2.2, "m2")]


def test_a_measure_after_a_wet_label_is_damage_not_work() -> None:
    # Given a room note that labels its wet extent, then a removal elsewhere in the sentence
    findings = analyze_text(
        HEADER + "\n- Study 10 x 9 ft - light smoke; wet: about 70 SF of the pine floor removed later.\n"
    )
    # Then the wet extent is not a line item
    assert _measured(findings) == []


def test_contents_counted_in_pairs_sets_and_lots_keep_their_count_words() -> None:
    # Given a contents list priced by the pair, the set and the lot, and a count with no verb
    findings = analyze_text(
        HEADER + "\nScope\n1. Launder bedroom drapes: 3 pairs.\n2. Dry-clean the quilt and covers: 1 set.\n"
        "3. Discard spoiled fridge food: 1 lot.\n4. Replace smoke alarm: 1 no.\n"
        "Only 2 sets of keys were handed over.\n"
    )
    # Then each count keeps its word ("no." is each) and the keys are no item
    assert sorted(_measured(findings), key=str) == [(1.0, "ea"), (1.0, "lot"), (1.0, "set"), (3.0, "pairs")]
