"""Rooms and sizes the notes rule out: a verdict that closes the room's line ("Not an area."), a
trace dealt with on the day ("wiped, nothing else"), a room that tested clean, where the dry standards
were taken, a passage named by where it leads, a late own verdict on a room only a header or a
sentence's damage made an area, and a size the writer corrects ("2.8 x 1.9 m, not 3.0 x 2.2")."""

from __future__ import annotations

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.corrected_sizes import Corrections
from chalicelib.analysis.offline.dispatch_blocks import second_hand_lines
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import prepare_lines


def _affected(text: str) -> list[str]:
    return [mention.name for mention in room_mentions(text) if mention.affected]


def _areas(text: str) -> dict[str, tuple[float | None, float | None]]:
    return {area.room: (area.length_ft, area.width_ft) for area in analyze_text(text).affected_areas}


def test_a_room_line_closed_by_not_an_area_is_not_affected() -> None:
    # Given a stair the hose water ran over, that the writer rules out in so many words
    text = "- Stairs: hose water ran over the painted treads, it shed and we wiped it. Not an area."
    assert _affected(text) == []
    # Then without that verdict the stairs are affected
    assert _affected("- Stairs: hose water ran over the painted treads and soaked the runner.") == ["Stairs"]


def test_a_trace_wiped_on_the_day_needs_nothing() -> None:
    assert _affected("The landing has a few drips on the carpet edge; wiped, nothing else.") == []
    assert _affected("Cellar - a few drips onto the flags; dried by Monday and needs nothing.") == []
    # Then a space that took water keeps its place however little it needed
    text = "The garage also took water but it is bare concrete; it was hosed out and needed no drying."
    assert _affected(text) == ["Garage"]


def test_rooms_that_tested_clean_are_not_affected() -> None:
    text = (
        "Heavy soot in the lounge; light film in the hall; the study and the spare room had their doors"
        " shut and tested clean."
    )
    affected = _affected(text)
    assert "Study" not in affected
    assert "Lounge" in affected


def test_the_room_the_dry_standards_were_taken_in_is_not_affected() -> None:
    assert _affected("Dry standards, taken in the study: plasterboard 10, carpet 8 on the REL scale.") == []


def test_a_corridor_heading_is_named_by_where_it_leads() -> None:
    assert _affected("Corridor to the cool room: 8 x 1.5 m, sheet vinyl wet.") == ["Corridor"]
    assert _affected("Hallway to the bedrooms: carpet wet along both walls.") == ["Hallway"]
    # Then water that ran down a hall to a room reached that room
    assert "Kitchen" in _affected("Water ran down the hall to the kitchen and soaked the mat.")


def test_a_title_between_rules_ends_a_dispatch_block() -> None:
    text = (
        "=== DISPATCH (entered by office from the carrier's assignment) ===\n"
        "Room: ensuite 10 x 8, carpet in bedroom wet\n"
        "=== TECH NOTES (J. Ruiz) ===\n"
        "- Bedroom carpet: dry.\n"
    )
    lines = prepare_lines(text)
    assert sorted(second_hand_lines(lines)) == [1, 2]


def test_a_booked_room_the_tech_found_dry_is_no_area() -> None:
    text = (
        "=== DISPATCH (entered by office from the carrier's assignment) ===\n"
        "Room: ensuite 10 x 8, carpet in bedroom wet\n"
        "=== TECH NOTES (J. Ruiz) ===\n"
        "- Ensuite: tile floor wet around the toilet, vanity kick swollen.\n"
        "- Bedroom carpet: dry. Checked along the ensuite doorway with the meter.\n"
    )
    assert "Bedroom" not in _areas(text)


def test_a_corrected_size_replaces_the_office_size() -> None:
    text = (
        "Affected: laundry (3.0 x 2.2 m)\n"
        "- Laundry tile wet under the tub.\n"
        "- Laundry is 2.8 x 1.9 m, not 3.0 x 2.2 - measured.\n"
    )
    length, width = _areas(text)["Laundry"]
    assert length is not None and width is not None
    assert round(length / 3.2808, 1) == 2.8 and round(width / 3.2808, 1) == 1.9


def test_a_size_after_not_is_struck_and_the_other_corrects() -> None:
    text = "The bathroom is 11 ft x 9 ft (I measured - not 12 x 10)."
    first, second = text.index("11 ft"), text.index("12 x")
    corrections = Corrections(text, [first, second])
    assert corrections.struck(second) and not corrections.struck(first)
    assert corrections.corrects(first)
    # Then a line with one size and no "not" corrects nothing
    plain = Corrections("Kitchen 12 x 10 ft, vinyl wet.", [8])
    assert not plain.struck(8) and not plain.corrects(8)


def test_a_numbered_report_paragraph_closed_by_not_affected() -> None:
    text = (
        "3.2 The dining room below the bathroom: we checked its ceiling for stains and moisture - none."
        " The water stayed in the floor void. Not affected."
    )
    assert "Dining room" not in _affected(text)


def test_a_hedged_closing_verdict_still_rules_the_room_out() -> None:
    text = (
        "- Lounge and study: owner said fine, I looked in from the door. Not affected as far as I could tell."
    )
    assert _affected(text) == []


def test_a_room_named_for_its_water_heater_is_not_wet_by_its_name() -> None:
    assert _affected("- Water heater closet: floor dry, pan dry, fittings clean.") == []
    assert _affected("- Water heater closet: floor wet, pan overflowing.") == ["Water heater closet"]


def test_a_room_read_only_for_its_dry_standard_and_listed_not_affected_is_no_area() -> None:
    text = (
        "Readings (Tramex, REL on tile, %MC on ply):\n"
        "A kitchen tile at the dishwasher: 38 REL\n"
        "REF-1 laundry tile floor: 10 REL\n"
        "\n"
        "Kitchen: tile and toe kick wet around the dishwasher.\n"
        "Study and laundry not affected.\n"
    )
    areas = _areas(text)
    assert "Laundry" not in areas
    assert "Kitchen" in areas


def test_a_booked_room_whose_threshold_stopped_the_water_is_no_area() -> None:
    text = (
        "=== DISPATCH (entered by office from the call) ===\n"
        "Affected: lounge carpet, hallway, bedroom 2\n"
        "=== TECH NOTES ===\n"
        "- Lounge carpet and underlay wet along the east wall, about 6 m2.\n"
        "- Hallway carpet wet at the lounge end.\n"
        "Bedroom 2 is at the end of the hall - its threshold stopped the water; carpet dry. NOT affected.\n"
    )
    assert "Bedroom 2" not in _areas(text)


def test_a_size_set_after_a_damaged_or_cut_patch_is_not_the_rooms() -> None:
    text = (
        "Garage: wet soot on the slab, plasterboard behind the press burnt through (about 6 x 10 ft).\n"
        "Rest of the garage (40 x 30 ft): light film.\n"
    )
    assert _areas(text)["Garage"] == (40.0, 30.0)
    text = "Study: ceiling plasterboard cut out around the downlight, 1.2 m x 1.2 m; carpet damp.\n"
    assert _areas(text)["Study"] == (None, None)
    # Then a size right after the room stays the room's
    assert _areas("Study, 3.0 x 2.7 m: ceiling stained, carpet damp.\n")["Study"] != (None, None)


def test_a_heading_with_a_bracketed_note_waits_for_its_sections_verdict() -> None:
    text = (
        "Laundry\n"
        "- Tape lift heavy growth behind the tub, plasterboard wet to 300 mm.\n"
        "\n"
        "Pantry (beside the laundry on the other side)\n"
        "- Nil. Readings normal. Not affected.\n"
    )
    areas = _areas(text)
    assert "Pantry" not in areas
    assert "Laundry" in areas


def test_a_room_closed_by_not_wet_mid_line_is_not_affected() -> None:
    text = "- Lounge (same boards, through the archway): pinned it - 10 %. Not wet. Hall beyond: dry."
    assert _affected(text) == []


def test_a_room_named_as_where_the_writer_looked_from_is_not_affected() -> None:
    text = (
        "- No lead (2004). Nothing structural - the drywall over the stove is scorched but not burned"
        " through; the rafters were checked from the attic and are clean."
    )
    assert "Attic" not in _affected(text)


# (a line, the rooms it leaves affected): verdicts said of a room in words other than "unaffected"
_VERDICT_LINES = [
    # a clean wipe test rules the room out, whatever faint odour lingers
    ("Store room - door shut, no soot on the wipe test, faint odour only.", []),
    ("Store room - door shut, soot on the wipe test and a strong odour.", ["Store room"]),
    # what the fire or water was kept out of
    ("- Garage (through the side door) - the crew kept it closed, no smoke got in.", []),
    ("- Garage (through the side door) - smoke got in and left soot on the roller door.", ["Garage"]),
    # a bracketed "housekeeping" sets routine mould apart from the loss
    ("- Bathroom: grout cleaned weekly, usual surface mould on the sealant only (housekeeping).", []),
    ("- Bathroom: grout cleaned weekly, black mould behind the vanity kickboard.", ["Bathroom"]),
    # a warning sign put out is no wet floor
    ("We left wet floor signs on the back stairs.", []),
    ("We found the back stairs wet to the third tread.", ["Back stairs"]),
]


@pytest.mark.parametrize(("text", "expected"), _VERDICT_LINES)
def test_a_verdict_in_other_words_rules_the_room_out(text: str, expected: list[str]) -> None:
    assert _affected(text) == expected


def test_a_room_named_for_its_reading_standard_is_not_affected() -> None:
    # Given a reading compared with a room's standard, the room is where the standard was read
    assert _affected("P2 had reached the lounge standard by Friday though it sits in the wet zone.") == []
    assert _affected("Study refs: wall 11 then 12.") == []
    # Then a meter's "reference scale" names no dry room
    assert _affected("Lounge reference scale readings: carpet wet 40, wall 35.") == ["Lounge"]


def test_rooms_ruled_out_as_a_kind_rule_out_each_numbered_one() -> None:
    # Given both bedrooms called unaffected, a bedroom later named for its reference readings
    text = (
        "Laundry and hall wet. Bathroom and both bedrooms unaffected.\n"
        "Laundry 2.4 x 2.0 m, vinyl wet. Hall 4.0 x 1.1 m, carpet wet.\n"
        "Bedroom 2 refs: carpet 10, wall 12."
    )
    assert set(_areas(text)) == {"Laundry", "Hall"}
    # Then a bedroom whose own line tells its damage is affected all the same
    damaged = text.replace("Bedroom 2 refs: carpet 10, wall 12.", "Bedroom 2: carpet soaked at the door.")
    assert "Bedroom 2" in _areas(damaged)
    # And ruling out the upstairs bedrooms leaves a downstairs one alone
    upstairs = (
        "Laundry wet. The upstairs bedrooms were unaffected.\n"
        "Laundry 2.4 x 2.0 m, vinyl wet.\n"
        "Downstairs bedroom: carpet wet along the laundry wall."
    )
    assert "Downstairs bedroom" in _areas(upstairs)


def test_a_ruled_out_room_named_after_another_on_a_damage_line_stays_out() -> None:
    # Given the study ruled out and used for references, a later line about the kitchen's wet
    # ceiling that only compares with the study
    text = (
        "Kitchen ceiling wet, 3.0 x 2.0 m stain. Study not affected, used for references.\n"
        "Point 2 is in the kitchen - it reads close to the study ceiling, so it marks where the wet"
        " ceiling ends."
    )
    assert set(_areas(text)) == {"Kitchen"}
    # Then rooms listed together on a damage line share it
    listed = "Study not affected.\nLIGHT - kitchen (4 x 3 m) and study (3 x 3 m): light film, odour."
    assert set(_areas(listed)) == {"Kitchen", "Study"}


def test_an_unknown_room_ruled_out_keeps_its_reference_rows_out() -> None:
    # Given a "<word> room" the vocabulary does not know, ruled out by a list's lead
    text = (
        "Laundry 3.0 x 2.0 m, slab wet all over.\n"
        "Not affected: pump room (step up, dry - used for the reference readings).\n"
        "R1 Pump room wall render 14 WME"
    )
    assert set(_areas(text)) == {"Laundry"}
    # Then one whose floor alone stayed dry is not ruled out by that
    assert _affected("- The spares room floor stayed dry (raised threshold).") == []


def test_a_room_named_for_its_figure_is_the_comparison_not_an_area() -> None:
    assert _affected("P6 is above the wet line and reads close to the study figure.") == []


# Where the water came from, that a later sentence of its own says needed no more than a quick clean-up
# (and no line gave a wet material, a size or a reading), is no affected area.
_ONLY_MOPPED = [
    (
        "Water ran from the shower room into the hall; hall carpet soaked.\n"
        "The shower room itself drained to its floor waste and only needed a quick mop.",
        ["Hall"],
    ),
    (
        "The flow came out of the plant room and across the lobby, lobby carpet tiles wet.\n"
        "The plant room is bunded concrete - it needed no more than a squeegee.",
        ["Lobby"],
    ),
    # (the near miss: a room whose own words say what in it is wet keeps its place)
    (
        "Water ran from the laundry into the kitchen; kitchen vinyl wet.\n"
        "The laundry vinyl was soaked, though it needed nothing more than a mop.",
        ["Kitchen", "Laundry"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _ONLY_MOPPED)
def test_a_source_room_that_only_needed_a_mop_is_no_area(text: str, expected: list[str]) -> None:
    assert sorted(_areas(text)) == expected


# A sentence the dry standard leads names where standards were read: every room it lists, not only
# the first, unless a room's own part of it says it is damaged.
_STANDARD_LED = [
    (
        "Garage slab soaked.\nOur baseline was the sewing room plaster at 10, with a check in the den"
        " joinery at 9 WME.",
        ["Garage"],
    ),
    (
        "Garage slab soaked.\nDry std - guest room skirting 12, games room board 8 (%), study plinth 11.",
        ["Garage"],
    ),
    (
        "Garage slab soaked.\nThe references came from the study wall at 11 and the media room skirting at"
        " 12.",
        ["Garage"],
    ),
    # (the near misses: a room of the same sentence its own words call wet, and a room dried back to
    # the standard, which leads nothing)
    (
        "Garage slab soaked.\nOur baseline was the sewing room plaster at 10, while the den carpet was"
        " soaked.",
        ["Garage", "Den"],
    ),
    (
        "Garage slab soaked.\nWalls in the study dried back to the standard, and the den carpet is still"
        " soaked.",
        ["Garage", "Study", "Den"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _STANDARD_LED)
def test_every_room_a_dry_standards_sentence_lists_is_a_reference(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# A room ruled out by its full name stays ruled out when a later row names it in fewer of its words;
# not when an affected room of its kind has those words too.
_FEWER_WORDS = [
    (
        "Den carpet soaked.\nNot affected: basement sewing room (door closed, carpet dry).\n"
        "| Pt | Room | Material | Unit | 3/4 | 4/4 |\n| 1 | Den | carpet | % | 40 | 22 |\n"
        "| S2 | Sewing room | bottom plate | %MC | 11 | 11 |",
        ["Den"],
    ),
    (
        "Den carpet soaked.\nUnaffected: upstairs front study (doors shut).\n| Pt | Room | Material | 3/4 |\n"
        "| 1 | Den | carpet % | 40 |\n| D1 | Front study | skirting %MC | 12 |",
        ["Den"],
    ),
    # (the near miss: an affected room of the kind shares the shorter name's words)
    (
        "Den carpet soaked.\nFront study carpet wet at the door.\nUnaffected: upstairs front study (doors"
        " shut).\n| Pt | Room | Material | 3/4 |\n| 1 | Den | carpet % | 40 |\n"
        "| D1 | Front study | carpet % | 35 |",
        ["Den", "Front study"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _FEWER_WORDS)
def test_a_ruled_out_room_named_again_in_fewer_words_stays_out(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected


# A size set against one side somebody gave before ("4.1 x 3.2 m, not 3.8") corrects the room's size,
# as a whole size set against another does.
_SIDE_CORRECTED = [
    (
        "Den 12 x 10 ft, carpet soaked.\nDay 2: den re-measured with the tape, 13 x 10 ft (not 12), carpet"
        " still wet.",
        {"Den": (13.0, 10.0)},
    ),
    (
        "Den 3.0 x 2.5 m, carpet soaked.\nDen re-measured: 3.6 x 2.5 m - not 3.0; I stepped it out on day 1.",
        {"Den": (11.8, 8.2)},
    ),
    # (the near miss: a second size with no side set against it leaves the first)
    (
        "Den 12 x 10 ft, carpet soaked.\nDay 2: den rug 6 x 4 ft lifted, carpet still wet.",
        {"Den": (12.0, 10.0)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), _SIDE_CORRECTED)
def test_a_size_set_against_one_side_given_before_corrects_the_room(
    text: str, expected: dict[str, tuple[float, float]]
) -> None:
    assert _areas(text) == expected


# A dry standards' list that wraps onto the next line ("Standards taken 11/8: ...;" over "rec room
# wall 9 %; joist over the workshop 11 %MC."): the wrapped rooms are where standards were read too.
_STANDARDS_WRAPPED = [
    (
        "Den carpet soaked.\nStandards taken 3/4: study wall 8 %; games room skirting 10 %MC;\n"
        "sewing room wall 9 %; joist under the media room 11 %MC.",
        ["Den"],
    ),
    (
        "Den carpet soaked.\nBaselines (Protimeter): study wall 8, games room skirting 10,\n"
        "  media room plaster 9.",
        ["Den"],
    ),
    # (the near miss: the list closed, the next line its own sentence of damage)
    (
        "Den carpet soaked.\nStandards taken 3/4: study wall 8 %; games room skirting 10 %MC.\n"
        "sewing room carpet soaked at the door.",
        ["Den", "Sewing room"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _STANDARDS_WRAPPED)
def test_a_dry_standards_list_wrapped_onto_the_next_line_rules_out_its_rooms(
    text: str, expected: list[str]
) -> None:
    assert list(_areas(text)) == expected


# The water never reached the room itself, said by a pronoun or by its first step.
_NEVER_REACHED = [
    ("Laundry vinyl soaked.\nThe study is carpeted but the water never reached it.", ["Laundry"]),
    (
        "Laundry vinyl soaked.\nThe stairwell runner is wool, and water never reached the first step.",
        ["Laundry"],
    ),
    # (the near miss: what the water never reached is another room; the first stays wet)
    (
        "Laundry vinyl soaked.\nThe den carpet is soaked but water never reached the study.",
        ["Laundry", "Den"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _NEVER_REACHED)
def test_a_room_the_water_never_reached_is_not_affected(text: str, expected: list[str]) -> None:
    assert list(_areas(text)) == expected
