"""Scope lines that are not work, and the units a line item keeps: equipment days on hire, a floor's
"strip" and a describing participle are no work; holes are priced by the hole; a room's own line in a
scope section is its items."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text


def _scope(text: str) -> list[tuple[float | None, str | None]]:
    findings = analyze_text(text)
    return [(item.quantity, item.unit) for item in findings.scope_of_work]


def test_equipment_days_on_hire_are_not_scope_items() -> None:
    # Given a claim line that bills units by the day next to real items
    text = "Scope:\n- remove wet underlay 5.5 m2\n- Drying: 3 AM x 5 days, 1 LGR x 5 days\n"
    scope = _scope(text)
    # Then the underlay is an item and the units' days are not
    assert (5.5, "m2") in scope
    assert all(unit != "days" for _, unit in scope)
    # And a line item's own days stand
    assert (7.0, "days") in _scope("Scope:\n- Hardwood floor drying system, 7 days\n")


def test_holes_keep_their_own_unit() -> None:
    # Given a scope line patching holes and another drilling drying holes
    scope = _scope(
        "Scope:\n- Lounge ceiling: patch 4 holes, paint 10 m2\n- drill 5 drying holes in the hall\n"
    )
    # Then bare holes are counted as holes, qualified ones each
    assert (4.0, "holes") in scope
    assert (5.0, "ea") in scope


def test_a_strip_of_flooring_is_not_a_stripping_verb() -> None:
    # Given damage notes naming oak strip flooring and a strip of carpet, no work
    text = (
        "Affected areas\n"
        "- Study (12 ft x 11 ft): oak strip cupped for about 40 SF along the window wall.\n"
        "- Hall: a strip of carpet along the door, approx. 12 sq ft.\n"
    )
    # Then no scope item comes of them
    assert _scope(text) == []
    # And stripping is still work
    assert (9.0, "m2") in _scope("Scope:\n- Strip and bag wet carpet 9 m2\n")


def test_a_participle_after_the_quantity_describes_it() -> None:
    # Given a mould finding measured over "the painted" ceiling
    text = "Laundry (2.2 x 1.8 m) - Condition 3. Growth over about 0.9 m2 of the painted ceiling."
    # Then it is not a paint item
    assert _scope(text) == []


def test_a_room_line_in_a_scope_section_is_its_items() -> None:
    # Given a reinstatement list written one room to a line
    text = "Reinstatement scope\nStudy: plasterboard 300 mm 6.5 lm, carpet 11 m2, paint.\n"
    scope = _scope(text)
    # Then the room's quantities are items
    assert (6.5, "lm") in scope
    assert (11.0, "m2") in scope


def test_a_time_point_a_damage_patch_and_work_not_done_are_not_items() -> None:
    # Given a review date, a patch of damage and an item the writer rules out
    text = (
        "Scope:\n"
        "- re-sand the oak if it stays cupped - to be checked at 21 days\n"
        "- no antimicrobial - clean water, 1 day\n"
        "- Lounge ceiling: patch 2 holes\n"
    )
    scope = _scope(text)
    # Then only the patching is a measured item
    assert [item for item in scope if item[0] is not None] == [(2.0, "holes")]
    # And a small patch of damage is not patching
    assert _scope("The tech said Class 1 - only a small patch about 0.9 m2 by the fridge.") == []


def test_a_finish_the_material_has_is_not_work() -> None:
    # Given rooms described by their sealed or painted surfaces, with wet areas
    text = (
        "Affected areas\n"
        "- Store room 14' x 9', sealed concrete, water over the whole floor (126 SF).\n"
        "- Plant bay, painted block walls, about 300 SF of the slab wet.\n"
    )
    # Then no scope item comes of them
    assert _scope(text) == []
    # And sealing or painting is still work
    assert [quantity for quantity, _ in _scope("Scope:\n- Sealed the slab, 60 SF\n")] == [60.0]


def test_a_strip_of_floor_before_a_place_is_no_stripping() -> None:
    # Given a table naming the wet strip inside a door
    text = "| Area | Size | Wet | Floor |\n| Garage | 6 x 5 m | strip along the door, approx 4 m2 | slab |\n"
    # Then it is no item
    assert _scope(text) == []


def test_a_written_sum_is_not_more_work() -> None:
    # Given a line giving two parts and their sum
    scope = _scope("Scope:\n- Remove wet batts: hall ceiling 3 m2 + lounge ceiling 6 m2 = 9 m2\n")
    # Then the parts are the items and the sum is not another
    assert sorted(quantity for quantity, _ in scope) == [3.0, 6.0]


def test_a_homeowners_words_for_removal_are_work() -> None:
    # Given an owner's email telling what the crew threw away
    scope = _scope("They binned the lounge carpet (14 square metres) and threw out the hall underlay, 6 m2\n")
    # Then both are removals
    assert sorted(quantity for quantity, _ in scope) == [6.0, 14.0]
    # And a bin full of wet things is no work
    assert _scope("The skip bin held the wet vinyl, about 10 m2 of it.\n") == []


def test_work_on_one_fitting_is_priced_each() -> None:
    # Given a scope list that names single fittings with no count, and materials with none
    scope = _scope(
        "Scope of works\n- Remove and dispose the vanity\n- Replace the drain hose\n"
        "- Detach and reset toilet\n- Remove carpet\n- Replace kitchen cabinets\n"
    )
    # Then each fitting is one item each, and the materials stay unmeasured
    assert scope == [(1.0, "ea"), (1.0, "ea"), (1.0, "ea"), (None, None), (None, None)]


def test_a_quantity_noted_in_brackets_after_another_is_no_item() -> None:
    # Given an item whose quantity is explained in brackets
    scope = _scope("Scope\n- Remove wet plasterboard in the hall, about 3 m2 (the 2 m2 stained, a margin)\n")
    # Then the note is not a second item
    assert scope == [(3.0, "m2")]


SCOPE_UNITS: list[tuple[str, tuple[float, str] | None]] = [
    # water taken out is measured by the litre
    ("- Extracted the pooled water in the laundry with a wet vac (about 35 L).\n", (35.0, "L")),
    ("- pumped out and extracted approx. 1,200 litres from the cellar\n", (1200.0, "L")),
    # ... but a tank's or a cylinder's size is no quantity of work
    ("- Replace the 160 L electric cylinder in the hall cupboard.\n", None),
    # a lump sum is one item priced whole
    ("Scope:\n- HEPA vacuum and wipe the garage shelving: 1 LS\n", (1.0, "LS")),
    ("Scope:\n- Contents move-out to the carport, 1 lump sum\n", (1.0, "LS")),
    # holes drilled are counted each, in figures or words, with their size between
    ("Scope:\n- Drill 5 x 12 mm vent holes in the vanity kick\n", (5.0, "ea")),
    ("What we did: drilled four small holes in the study wall to vent it.\n", (4.0, "ea")),
    # ... but a size alone is no count of them
    ("Scope:\n- Drilled 6 mm holes along the kick for the probe\n", None),
]


def test_water_extracted_told_twice_is_one_item() -> None:
    # Given the day's note and the claim's list both giving the litres taken out
    text = "- 04/12 extracted the pooled water (approx 60 L) + mud.\nScope:\n- extract 60 L water + mud\n"
    # Then it is billed once
    assert _scope(text).count((60.0, "L")) == 1


@pytest.mark.parametrize(("text", "expected"), SCOPE_UNITS)
def test_scope_units_as_written(text: str, expected: tuple[float, str] | None) -> None:
    scope = _scope(text)
    if expected is None:
        assert all(quantity is None for quantity, _ in scope)
    else:
        assert expected in scope


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scope:\n- Hall: remove carpet 9 m2, replace one LED downlight\n", (1.0, "ea")),
        ("Scope:\n- detach and reset 2 toilets for the new vinyl\n", (2.0, "ea")),
        ("Scope:\n- Laundry: cabinet pulled today (1 vanity, 600 mm)\n", (1.0, "ea")),
        (
            "Scope:\n- Ensuite: replace basin cabinet and its kick panel (1 unit); plumber to refit\n",
            (1.0, "ea"),
        ),
        ("Works to do\n- swap three ceiling fans in the gym, 2 days\n", None),  # a fan is no fitting here
    ],
)
def test_a_counted_fitting_is_an_item_each(text: str, expected: tuple[float, str] | None) -> None:
    # Then a fitting counted in words, digits or a bracket is priced each
    scope = _scope(text)
    if expected is None:
        assert all(unit != "ea" for _, unit in scope)
    else:
        assert expected in scope


@pytest.mark.parametrize(
    "text",
    [
        "Scope:\n- cut 2 x 4 ft access hole in the ceiling by the light\n",  # a size, not a count
        "Scope:\n- leave the 2 vanity doors with the owner\n",  # parts of a fitting, no work counted
        "Affected: bathroom, 1 vanity and the toilet wet at the base.\n",  # damage, no work verb
    ],
)
def test_a_fittings_size_or_part_or_damage_is_no_count(text: str) -> None:
    assert all(unit != "ea" for _, unit in _scope(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Works completed\n- 3/2: lifted the laundry vinyl 6 m2 (bagged), removed wet underlay\n"
            "14 m2 from the hall (carpet kept).\n",
            (14.0, "m2"),
        ),
        (
            "What we did\n* Day 1 - extracted the rumpus, cut out the ceiling plasterboard\n"
            "about 3.5 m2 over the bar and bagged it.\n",
            (3.5, "m2"),
        ),
        (
            "Scope\n- Replace skirting 8 lm and\n12 lm of architrave in the study.\n",
            (12.0, "lm"),
        ),
    ],
)
def test_a_work_item_wrapped_onto_the_next_line_is_read_whole(text: str, expected: tuple[float, str]) -> None:
    scope = _scope(text)
    assert expected in scope
    measured = [item for item in scope if item[0] is not None]
    assert len(measured) == len(set(measured))  # the first line's own item is not read twice


def test_a_new_sentence_or_a_capitalised_line_is_no_wrap() -> None:
    # Given a scope line that ends its sentence, then a note line with a measure of damage
    text = (
        "Scope\n- Remove carpet 12 m2.\nhall carpet wet 4 m2 near the door\n- Replace vinyl\nBathroom 5 m2\n"
    )
    scope = _scope(text)
    # Then neither the damage nor a capitalised room line is read as the item before it
    assert (4.0, "m2") not in scope
    assert (5.0, "m2") not in scope


def test_a_line_opening_with_a_quantity_after_a_measured_item_is_its_own_note() -> None:
    # Given a measured item, then a line that opens with a quantity of something only to be checked
    scope = _scope("Scope\n- Seal slab 6 m2\n1.5 m2 of ply to be checked\n")
    # Then the note is not read as the end of the sealing item
    assert (1.5, "m2") not in scope
    assert (6.0, "m2") in scope


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recommended works\n1. Remove vinyl 6 m2\n2) Detach and reset toilet\n", (1.0, "ea")),
        ("To do\n(a) Remove carpet 9 m2\n(b) Replace vanity\n", (1.0, "ea")),
        ("Scope of works\niii. Replace the dishwasher\niv. Seal slab 6 m2\n", (1.0, "ea")),
    ],
)
def test_numbered_and_lettered_items_are_scope_lines(text: str, expected: tuple[float, str]) -> None:
    # Given items counted by numbers or letters instead of bullets
    # Then an unmeasured fitting among them is priced each, as under a bullet
    assert expected in _scope("Bathroom vinyl wet.\n\n" + text)
