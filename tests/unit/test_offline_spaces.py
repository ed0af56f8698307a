"""Which rooms a line of notes names, and which of them it says were affected."""

from __future__ import annotations

import time

import pytest

from chalicelib.analysis import analyze_text
from chalicelib.analysis.offline.spaces import Mention, room_mentions


def _affected(text: str) -> list[str]:
    return [mention.name for mention in room_mentions(text) if mention.affected]


def _named(text: str) -> dict[str, Mention]:
    return {mention.name: mention for mention in room_mentions(text)}


def test_a_room_kept_as_the_dry_standard_is_not_affected() -> None:
    # Given a line that names two rooms as the places the dry standards were read
    text = (
        "- Family room (ground level) and coat closet (upstairs): not touched, used for reference readings."
    )
    # When its rooms are read
    rooms = _named(text)
    # Then neither is affected, and the first keeps the level its brackets give
    assert _affected(text) == []
    assert rooms["Family room"].unaffected
    assert rooms["Family room"].level == "ground"


def test_a_room_named_as_the_baseline_after_ref_is_a_reference() -> None:
    # Given a reading line that starts with "ref" and a room
    text = "Ref bedroom 4 - plasterboard 10%, skirting 11%MC"
    # When it is read
    (room,) = room_mentions(text)
    # Then the room is the reference, not an affected area
    assert room.unaffected and not room.affected


def test_a_hedged_heading_found_dry_is_not_affected() -> None:
    # Given a heading whose room might have been wet but was checked and found dry
    text = (
        "- Comms room: the owner thinks it could have got some water. No staining found,"
        " nothing read above the control point."
    )
    # When it is read
    (room,) = room_mentions(text)
    # Then a hedge is not damage, and the room is not affected
    assert not room.affected


def test_checked_with_a_meter_and_dry_in_a_longer_phrase() -> None:
    # Given a room checked with two tools and described as dry with nothing coming through
    text = "Laundry checked w/ meter + thermal camera - dry, nothing came through."
    # When it is read
    # Then it is not affected
    assert _affected(text) == []


def test_a_room_said_dry_once_is_dry_wherever_its_line_names_it() -> None:
    # Given a line that names the ensuite twice and says no water reached its floor
    text = "Ensuite side of the wall is tiled - no water onto the ensuite floor."
    # When it is read
    # Then neither mention makes the ensuite affected
    assert _affected(text) == []


def test_a_room_where_things_were_put_is_not_affected() -> None:
    # Given lines that put removed materials or spare stock in a garage next to damage
    staged = "Lounge 5 x 4, carpet and underlay soaked, pulled and stacked in the garage for review."
    spare = "- Replace 4 swollen floorboards in the study (leftover boards kept in garage) - approx 2 m2."
    # When they are read
    # Then only the damaged room is affected
    assert _affected(staged) == ["Lounge"]
    assert _affected(spare) == ["Study"]


def test_down_stairs_is_a_level_not_a_room() -> None:
    # Given water that ran down stairs into a room
    text = "Water ran down stairs and pooled in the rumpus, carpet soaked."
    # When it is read
    # Then the stairs are not a room, the rumpus is
    assert _affected(text) == ["Rumpus"]


def test_a_fixture_of_the_basement_is_not_the_basement() -> None:
    # Given sewage that came up a basement floor drain in a named room
    text = "The basement floor drain in the laundry room backed up, water over the laundry floor."
    # When it is read
    rooms = [mention for mention in room_mentions(text) if mention.affected]
    # Then the laundry room is the affected space, not the level it is on
    assert {room.key for room in rooms} == {"|laundry|"}


def test_rooms_known_by_their_own_words_keep_them() -> None:
    # Given rooms the vocabulary knows only in part
    owned = _named("Water got under the door into Archie's room, carpet wet for a metre.")
    unit = _named("2205 bathroom: ceiling plasterboard wet, stained over 2 m2.")
    compound = _named("Garage storage room: 20 mm of standing water on the slab.")
    # When they are read
    # Then each keeps the phrase the notes use
    assert owned["Archie's room"].affected
    assert unit["2205 bathroom"].affected
    assert compound["Garage storage room"].affected


def test_two_flats_with_the_same_room_are_two_rooms() -> None:
    # Given the same kind of room in two numbered units
    text = (
        "Water crossed the 801 bathroom tile and came through into the 701 bathroom ceiling, wet and sagging."
    )
    # When it is read
    keys = {mention.key for mention in room_mentions(text)}
    # Then they are told apart
    assert len(keys) == 2


def test_an_open_plan_space_is_one_area() -> None:
    # Given a kitchen and dining room written as one space
    text = "Kitchen/dining 6 x 4 m: vinyl lifted, plasterboard wicking to 300 mm."
    # When it is read
    rooms = room_mentions(text)
    # Then it is one affected area, known by its first room
    assert [(room.name, room.base) for room in rooms] == [("Kitchen/dining", "kitchen")]


def test_a_collective_name_is_not_an_area_of_its_own() -> None:
    # Given numbered rooms named together as a plural
    text = "Carpet and underlay in both bedrooms saturated."
    # When it is read
    # Then "bedrooms" makes no area: each bedroom is named on its own elsewhere
    assert _affected(text) == []


def test_a_room_given_its_working_name_in_brackets_is_that_room() -> None:
    # Given a room described and then named for the rest of the notes
    text = "Dark staining on the ceiling of the front bedroom (we call it Bedroom 4)."
    # When it is read
    keys = {mention.key for mention in room_mentions(text)}
    # Then both mentions are one room
    assert len(keys) == 1


def test_a_heading_that_names_only_rooms_is_flagged_for_its_section() -> None:
    # Given a heading line that names rooms and nothing else
    rooms = room_mentions("Bedroom 2 and Bedroom 4")
    # When it is read
    # Then its rooms are marked as a heading only, for the section under it to settle
    assert [room.heading_only for room in rooms] == [True, True]
    assert not room_mentions("Bedroom 2: carpet wet")[0].heading_only


def test_a_qualified_room_carries_its_level() -> None:
    # Given rooms qualified by the level they are on
    rooms = room_mentions("Upstairs bathroom and basement laundry both wet.")
    # When they are read
    # Then each names its level
    assert [room.level for room in rooms] == ["upstairs", "basement"]


def test_a_bare_room_after_its_qualified_name_is_the_same_room() -> None:
    # Given a line that names a room in full and then in short
    rooms = room_mentions(
        "The pipe to the downstairs bathroom basin burst and water ran over the bathroom tiles."
    )
    # When it is read
    # Then both mentions are one room
    assert len({room.key for room in rooms}) == 1


def test_long_lines_of_rooms_are_read_in_linear_time() -> None:
    # Given long lines built from the joins and brackets the reader looks at, each at two lengths
    pieces = [
        "hall kitchen/dining and meals area ",
        "(spare boxes in garage) ",
        "Room: study (unaffected) ",
        "back bedroom (we call it bedroom 3) ",
    ]
    for piece in pieces:
        # When each is read (CPU time of this process: other work on the machine does not count)
        started = time.process_time()
        room_mentions(piece * 1_000)
        short_cpu = time.process_time() - started
        started = time.process_time()
        room_mentions(piece * 4_000)
        long_cpu = time.process_time() - started
        # Then four times the line costs about four times as much (quadratic would be sixteen)
        assert long_cpu < 8 * max(short_cpu, 0.05), (piece, short_cpu, long_cpu)
        # (a guard against a gross slowdown, not a benchmark: about 3 s of CPU alone for the
        # longest; a process's CPU time runs slower beside the other test worker on 2 cores)
        assert long_cpu < 12.0, piece


def _affected_by_name(text: str) -> dict[str, bool]:
    return {mention.name: mention.affected for mention in room_mentions(text)}


def test_rooms_the_notes_set_aside_are_not_affected_by_name() -> None:
    # Given rooms a line clears while other words on it speak of water
    cleared = [
        "The landing and the stair carpet were checked tread by tread and are dry; the water came"
        " down through the mid-floor, not the stairwell.",
        "He said the hallway (which wasn't wet) read 12 and that's what they're aiming for.",
        "Laundry room upstairs not involved.",
        "Kitchen, office and staff room were checked: no readings above background.",
        "Crawl space fan (drying under-floor) | 1 | 21/08/2026 | 28/08/2026",
        "Kitchen shares the laundry's west wall; the kitchen side was scanned and read normal"
        " - not affected.",
    ]
    for text in cleared:
        # Then none of them is an affected area
        assert not any(_affected_by_name(text).values()), text


def test_a_room_whose_own_clause_is_wet_stays_affected_by_name() -> None:
    # Given a room said to be wet, with a cleared part of it and a cleared room beside it
    found = _affected_by_name("Study: carpet damp by the door, the west wall is fine. Lounge checked - dry.")
    # Then the wet room is affected and the cleared one is not
    assert found == {"Study": True, "Lounge": False}


def test_a_room_the_vocabulary_does_not_know_is_kept_in_its_words() -> None:
    # Given commercial rooms named "<word> room" and a known room after an adjective
    found = {
        mention.name: mention.affected
        for text in (
            "The steriliser room is 3.0 x 2.4 m; water had pooled under the bench.",
            "Toddler room: vinyl plank wet over about 180 sq ft.",
            "The unfinished storage room had water around the shelving.",
            "Back dining room (private room) - carpet wet.",
        )
        for mention in room_mentions(text)
    }
    # Then each is a room in the notes' words, and a bracketed description is no room of its own
    assert found == {
        "Steriliser room": True,
        "Toddler room": True,
        "Storage room": True,
        "Back dining room": True,
    }


def test_a_room_the_water_reached_in_a_later_clause_is_affected() -> None:
    # Given water said to have gone on into a room after a comma, and rooms a damage heading lists
    went_into = "Nearly all of the hallway carpet was wet, and it had gone under the door into the study."
    listed = "Rooms that took water: lounge (5.0 x 4.2 m), kitchen (6.0 x 3.5 m), hallway."
    # Then the room it reached and every listed room are affected
    assert _affected(went_into) == ["Hallway", "Study"]
    assert _affected(listed) == ["Lounge", "Kitchen", "Hallway"]
    # But a room named in a later clause only for access is not
    assert _affected("Batts above the lounge soaked, roof access via the manhole in the hall") == ["Lounge"]


def test_rooms_a_later_clause_of_their_sentence_calls_dry_are_not_affected() -> None:
    # Given two rooms named, then said dry after a semicolon in the same sentence
    line = "Bathroom and bedroom 2 open off the same hallway; both were checked and are dry."
    # Then none of them is affected
    assert _affected(line) == []
    # But a sentence that also says something is wet keeps its wet room
    assert _affected("Laundry floor wet; the bathroom beside it is dry.") == ["Laundry"]


def test_a_room_the_water_stopped_short_of_or_never_reached_is_not_affected() -> None:
    # Given rooms the water did not reach, said three ways
    # Then none is affected, and a wet room beside one still is
    assert _affected("Water stopped about 2 ft short of the basement stairs; the stair carpet is dry.") == []
    assert _affected("The water never reached the lounge.") == []
    assert _affected("Kitchen vinyl wet; the water did not get into the dining room.") == ["Kitchen"]


def test_a_residue_table_row_that_found_nothing_is_not_affected() -> None:
    # Given a fire's residue table, typed with its bars and as a PDF's text gives it (no bars)
    rows = [
        "| Front bedroom | None | - | - | Clean |",
        "Back bedroom None - - Clean",
    ]
    # Then the rooms whose cells found nothing are not affected, a room with residue still is
    assert [_affected(row) for row in rows] == [[], []]
    assert _named("| Front bedroom | None | - | - | Clean |")["Front bedroom"].unaffected
    assert not _named("| Landing | Light | Ceiling and walls | None | Light grey |")["Landing"].unaffected


def test_a_room_the_writer_takes_back_is_not_affected() -> None:
    # Given a writer correcting her own earlier statement about the hallway
    line = (
        "Just to correct my first email: I wrote that the hallway carpet outside #204 was wet. It"
        " wasn't - the restorer checked it Monday and the hallway is dry."
    )
    # Then the hallway is not affected, though the retracted sentence says "wet"
    assert _affected(line) == []
    # But a report of what someone said, not taken back, still stands
    assert _affected("I said that the hallway carpet was wet. The restorer agreed.") == ["Hallway"]


def test_a_not_affected_list_credited_to_someone_covers_every_room_in_it() -> None:
    # Given an adjuster's line listing the rooms the contractor found dry
    text = "- Not affected per contractor: front hall (rug dry), study, garage."
    # When it is read
    # Then none of them is an affected area
    assert _affected(text) == []
    assert all(mention.unaffected for mention in room_mentions(text))


def test_a_size_is_not_a_reading_that_keeps_a_room_from_being_dry() -> None:
    # Given a room on a raised floor said dry, with its height in centimetres
    text = "Ensuite is on a step up of 15 cm - dry."
    # Then it is not affected (while a real reading still is evidence against a bare "dry")
    assert _affected(text) == []
    assert room_mentions(text)[0].unaffected


def test_a_bare_clean_after_a_rooms_note_is_its_verdict() -> None:
    # Given a fire job's room checked and found clean
    text = "- Guest bedroom - door closed, clean."
    # Then it is not affected
    assert _affected(text) == []


def test_nothing_wet_ending_a_rooms_note_is_its_verdict_but_not_nothing_wet_overhead() -> None:
    # Given a room said to have nothing wet, and a room described with "nothing wet overhead"
    # Then the first is unaffected and the second affected
    assert _affected("Study - nothing wet.") == []
    assert _affected("The lounge carpet and underlay were wet, with nothing wet overhead.") == ["Lounge"]


def test_a_bracketed_dry_standard_speaks_only_for_its_own_room() -> None:
    # Given a point legend whose last point is the dry standard in another room
    text = "A1 = lounge wall plaster, 300 mm up; R1 = spare wall plaster (dry standard)."
    # Then the lounge is not made unaffected by the reference point's bracket
    assert not _named(text)["Lounge"].unaffected


def test_a_rooms_own_verdict_outweighs_the_header_list_that_named_it() -> None:
    # Given an office header listing two rooms, and the technician's notes finding one of them dry
    from chalicelib.analysis import analyze_text

    findings = analyze_text(
        "Rooms: lounge, study\n"
        "Lounge carpet and underlay wet along the east wall, plasterboard wicking 200 mm.\n"
        "Study - nothing wet. Checked walls and carpet. Listed on the sheet by mistake.\n"
    )
    # Then only the lounge is an affected area
    assert [area.room for area in findings.affected_areas] == ["Lounge"]


def test_a_table_row_whose_verdict_cell_says_normal_is_not_affected() -> None:
    # Given a mould assessor's conditions table
    # Then a row graded normal is not an affected room, a row with growth is
    assert _affected("| Dining room | 1 | normal |") == []
    assert _affected("| Ensuite | 3 | growth on the ceiling above the shower |") == ["Ensuite"]


def test_what_someone_thinks_was_wet_and_a_reading_not_taken_are_not_damage_seen() -> None:
    # Given a tenant's belief about a room, reported by the technician who found it dry
    text = (
        "The tenant also thinks the rug near the sliding door in the family room was damp on Sunday,"
        " but it was dry when I got there and I didn't get a reading on it."
    )
    # Then the room is not affected; the same room seen wet is
    assert _affected(text) == []
    assert _affected("The rug near the sliding door in the family room was damp; 30% on the pin meter.") == [
        "Family room"
    ]


def test_a_room_found_wet_later_is_affected_though_an_earlier_line_called_it_dry() -> None:
    # Given notes that first describe the kitchen's conditions as dry, then list it with its wet floor
    from chalicelib.analysis import analyze_text

    findings = analyze_text(
        "We are holding Category 1: clean supply line, no odour, and the kitchen was dry and cool.\n"
        "Rooms: Kitchen 15 x 13 ft (wet approx 120 SF of hardwood); pantry - not wet.\n"
    )
    # Then the kitchen is an affected area with its wet floor, and the pantry is not
    assert [(area.room, area.wet_floor_sqft) for area in findings.affected_areas] == [("Kitchen", 120.0)]


def test_a_cupboard_or_closet_named_for_what_it_houses_is_a_space() -> None:
    # Given a numbered report heading for the hot water cylinder's cupboard, and a furnace closet
    # Then each is a space of its own
    assert _affected("3.1 Cylinder cupboard (1.2 x 0.9 m) - growth on the lining, floor wet.") == [
        "Cylinder cupboard"
    ]
    assert _affected("Furnace closet: drywall wet 12 in. up.") == ["Furnace closet"]


def test_no_entry_and_the_valve_in_the_garage_name_no_affected_room() -> None:
    # Given a warning that forbids going in, and the place the main was shut off
    # Then neither the entry nor the garage is an affected room
    assert _affected("- Structural: the carport roof is unsafe - no entry to the carport.") == []
    assert _affected("It ran all afternoon; he shut off the water at the main in the garage.") == []
    # while an entry that took water still is
    assert _affected("Entry: tiles wet at the front door.") == ["Entry"]


def test_a_single_capital_k_before_a_kitchen_surface_is_the_kitchen() -> None:
    # Given field notes that shorten the kitchen to "K" before its surfaces
    # Then "K ceiling" is the kitchen's, while a lettered point with its dash is not
    assert [mention.base for mention in room_mentions("K ceiling by the N wall .... 62 REL")] == ["kitchen"]
    assert [mention.base for mention in room_mentions("K - lounge wall behind the sofa 31")] == ["lounge"]


def test_rooms_of_other_houses_and_a_line_that_opens_on_its_room() -> None:
    # Given a UK scullery, a school library, a breakfast nook as a map row's place
    assert [mention.base for mention in room_mentions("Scullery flags wet by the back door.")] == ["scullery"]
    assert [mention.base for mention in room_mentions("Library carpet tiles wet, south half.")] == ["library"]
    nook = room_mentions("4 Nook, kitchen side hardwood 16")
    assert [mention.base for mention in nook][:1] == ["breakfast_nook"]
    # And a line that opens on its room and ends on its verdict is that room's verdict
    assert _affected("Room 6 shares the library's east wall. Readings there were normal. Not affected.") == []


def test_a_room_named_as_the_dry_standard_in_looser_words_is_not_affected() -> None:
    # Given dry standards named with a plural and the room's level, and a room given "as the normal
    # dry" reading
    plural = "Dry standards, downstairs study (same boards, same lining), 03/04: boards 9 %MC, lining 11."
    normal_dry = "Spare room wall downstairs, as the normal dry reading: 12."
    labelled = "Meter readings follow. Standard: downstairs rumpus room lining 10 REL on 02/03."
    # When their rooms are read
    # Then no room is affected: each is where the dry standard was taken
    for text in (plural, normal_dry, labelled):
        assert _affected(text) == [] and room_mentions(text)[0].unaffected, text


def test_a_laundry_closet_is_the_laundry() -> None:
    # Given a laundry cupboard named in full and then by its first word
    full = _named("- Laundry cupboard 1.2 x 0.9 m: vinyl wet, melamine base swollen.")
    # Then it is the laundry, which the bare word names as well
    assert full["Laundry cupboard"].base == "laundry"
    assert _named("Water ran out of the laundry into the hall.")["Laundry"].base == "laundry"


def test_a_room_that_only_holds_another_rooms_record_and_nothing_came_through_is_not_affected() -> None:
    # Given a crawlspace heading whose readings are logged with the room above, and nothing came down
    text = (
        "Cellar (bare brick) below the laundry - bearers read from underneath and recorded with the laundry;"
        " nothing seeped through, nothing stored there."
    )
    # When its rooms are read
    # Then the cellar is not affected, and the laundry it only refers to is no subject of the line
    assert _affected(text) == []
    assert _named(text)["Cellar"].unaffected


def test_a_wardrobe_is_furniture_of_its_room_not_a_space() -> None:
    # Given notes that name a wardrobe inside a bedroom, and one on its own line
    beside = "Spare bedroom wardrobe: particleboard base swollen, carpet damp along the wall."
    alone = "Wardrobe back panel spotted with mould."
    # When their rooms are read
    # Then the bedroom is the space and the wardrobe names none (a walk-in robe is still a room)
    assert [mention.name for mention in room_mentions(beside)] == ["Spare bedroom"]
    assert room_mentions(alone) == []
    walk_in = room_mentions("Walk-in wardrobe: carpet wet.")
    assert [mention.name for mention in walk_in] == ["Walk-in wardrobe"]


def test_the_office_that_took_the_call_is_not_a_room() -> None:
    # Given notes that quote the managing agent's office and the job's booking record
    agent = "Call logged by the strata office on Monday: leak in bedroom 2."
    booking = "Office intake form has Cat 1 but the hose was from the toilet."
    # When their rooms are read
    # Then only the bedroom is a space; an office with wet carpet still is one
    assert [mention.name for mention in room_mentions(agent)] == ["Bedroom 2"]
    assert room_mentions(booking) == []
    assert [mention.name for mention in room_mentions("Office carpet soaked.")] == ["Office"]


def test_a_room_named_only_for_a_hazard_sample_that_came_back_clear_is_not_affected() -> None:
    # Given a hazards line: the cellar is only where the pipe lagging was sampled, and nothing found
    assert _affected("Hazards: the pipe lagging in the cellar was sampled - no asbestos.") == []
    # while a sample from a wet room leaves it affected
    assert _affected("Water-stained plaster in the hallway was sampled - no asbestos.") == ["Hallway"]


def test_a_smoke_odour_the_occupants_have_cleaned_up_is_a_room_cleared() -> None:
    # Given a fire job: one room with a trace of odour the tenants cleaned, others still smelling
    cleared = "Dining room: slight odour only, no residue; cleaned by the tenants."
    smelling = "Bedrooms 2 and 3: light odour with a grey film on the sills."
    # Then the cleaned room is not an area, and rooms the smoke left something in are
    assert _affected(cleared) == []
    assert sorted(_affected(smelling)) == ["Bedroom 2", "Bedroom 3"]


# A smell and nothing else, where the writer looked for what smoke leaves (no residue, no marks, the
# door shut), is no room the smoke affected; a smell with a film, or with water, is.
_ODOUR_ONLY = [
    ("Sewing room: door closed, smoke smell only.", []),
    ("Games room and study: doors were kept shut. The owner says they only smell slightly of smoke.", []),
    ("Den - odour only; no visible soot on the walls or ceiling.", []),
    # (an odour called normal is the room's usual air: "no visible growth, normal odour")
    ("Sewing room and den of the granny flat: no visible growth, usual odour; Condition 1.", []),
    ("Den and study: no growth seen, normal odour.", []),
    ("Den and study: musty odour, no visible growth.", ["Den", "Study"]),
    # (the near misses)
    ("Den - odour only; a light film on the ceiling.", ["Den"]),
    ("Den: smoke odour only, carpet wet from the hose.", ["Den"]),
    ("Den: smoke odour through the whole room.", ["Den"]),
]


@pytest.mark.parametrize(("text", "expected"), _ODOUR_ONLY)
def test_a_room_that_only_smells_of_smoke_is_not_affected(text: str, expected: list[str]) -> None:
    assert _affected(text) == expected


def test_nothing_through_a_ceiling_in_a_class_note_does_not_clear_the_room_beside_it() -> None:
    # Given a class justified in brackets: the hallway carpet wet, and no ceiling anywhere involved
    text = "The drying was Class 2 (laundry floor and hallway carpet wet, nothing came through a ceiling)."
    # Then the hallway is not called unaffected by the words about ceilings
    assert not _named(text)["Hallway"].unaffected
    # while a room's own "nothing came through" still clears it
    assert _named("Study: nothing came through.")["Study"].unaffected


@pytest.mark.parametrize("line", ["Garage: nothing.", "Garage - nothing to report", "Garage: nothing found"])
def test_a_room_whose_heading_says_nothing_is_not_affected(line: str) -> None:
    # Given a room heading whose whole value is "nothing"
    mentions = room_mentions(line)
    # Then the room is named but not affected
    assert mentions and not any(mention.affected for mention in mentions)


def test_a_room_heading_whose_nothing_goes_on_to_damage_stays_affected() -> None:
    # "nothing but ..." goes on to what is wet
    assert any(mention.affected for mention in room_mentions("Garage: nothing but the drywall is soaked"))


@pytest.mark.parametrize(
    "line", ["Landing 1 Normal; swab unremarkable", "Hallway: unremarkable.", "Hallway - nothing visible"]
)
def test_a_survey_row_that_finds_the_room_normal_is_not_affected(line: str) -> None:
    # Given a mould survey's row whose finding for the room is normal
    mentions = room_mentions(line)
    # Then the room is named but not affected
    assert mentions and not any(mention.affected for mention in mentions)


def test_water_the_writer_calls_normal_makes_no_room_affected() -> None:
    # Given a candidate source ruled out: the water seen there is what is always there
    text = "- the sump in the plant room: water in the pit, which is normal; pump ran on test. Not it."
    # Then the room is named but not affected
    assert _affected(text) == []
    # (while water called normal elsewhere in the sentence, before other damage, still counts)
    assert _affected("Laundry: water in the trap, which is normal, but the vinyl is soaked") == ["Laundry"]


def test_a_room_its_own_sentence_sets_apart_from_the_loss_is_not_affected() -> None:
    # Given a line whose second sentence names one room only to set it apart from this job
    text = (
        "The hall and the study showed nothing. The owner mentioned a damp smell in the laundry too -"
        " that is the dryer vent, not part of this."
    )
    # Then no room is affected
    assert _affected(text) == []


# (a line, the rooms it names as affected): a business's store room known by what it holds
_STORES = [
    ("The chemical store floor was wet to the racking.", ["Chemical store"]),
    ("- Archive store (shelving along the south wall) - soot film on the top shelves.", ["Archive store"]),
    # a shop the writer went to, and the verb, name no room
    ("Bought poly sheeting at the hardware store before we started; carpet wet in the lounge.", ["Lounge"]),
    ("- remove store wall plasterboard, wet to 300 mm", []),
]


@pytest.mark.parametrize(("text", "expected"), _STORES)
def test_a_store_known_by_what_it_holds_is_a_room(text: str, expected: list[str]) -> None:
    assert _affected(text) == expected


def test_a_level_cell_run_into_a_rooms_row_is_its_level_not_another_room() -> None:
    # Given a table's Level column flattened into the row, after the room and before its size
    found = room_mentions("Paint store Basement 3.0 x 2.5 m, slab wet along the east wall")
    assert [(mention.name, mention.level) for mention in found] == [("Paint store", "basement")]
    # Then a basement the prose names after a room, with no size after it, stays as written
    assert [mention.name for mention in room_mentions("Water sat in the laundry basement.")] == [
        "Laundry basement"
    ]


def test_a_unit_written_before_its_street_is_the_address_not_a_room() -> None:
    assert _affected("Tenancy 3, 18 Harbour View Parade, Nelson 7010") == []
    # Then the same unit named for its damage is a room
    assert _affected("Tenancy 3 - soot on the ceiling tiles at the front.") == ["Tenancy 3"]


def test_what_a_line_says_of_an_appliance_is_not_said_of_the_room_it_stands_in() -> None:
    # Given a source ruled out by checking an appliance in a room
    named = _named(
        "- owner blamed the heat pump - checked the split in the lounge, drain tray dry, not the leak."
    )
    # Then the lounge is neither affected nor ruled out: the tray was dry, not the lounge
    assert not named["Lounge"].affected and not named["Lounge"].unaffected
    # while a room said dry in its own words still is
    assert _named("- checked the lounge, carpet dry.")["Lounge"].unaffected


def test_a_room_known_by_whose_it_is_takes_the_name_its_bracket_gives() -> None:
    from chalicelib.analysis.offline import analyze_text

    text = (
        "The toilet cistern hose let go on Sunday 8/03/2026 and the bathroom floor flooded.\n"
        "- Aroha's room (bedroom 3, 3.2 x 3.0) - carpet wet along the hall wall, about 3 square metres\n"
        "He lifted the carpet in Aroha's room and put a fan in there.\n"
    )
    rooms = [area.room for area in analyze_text(text).affected_areas]
    assert "Bedroom 3" in rooms
    assert "Aroha's room" not in rooms


def test_a_room_known_by_whose_it_is_with_a_bracket_of_other_words_keeps_its_name() -> None:
    from chalicelib.analysis.offline.spaces import room_mentions

    mentions = room_mentions("Aroha's room (next to the bathroom) was wet")
    assert mentions[0].name == "Aroha's room"


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("water under the basin in Tx rm 3 this morning", "Tx room 3"),  # (a clinic's treatment room)
        ("consult rm 2 carpet wet at the door", "Consult room 2"),
        ("Dorm 6 vinyl lifting by the bunks", "Dorm 6"),  # (a hostel's)
        ("the exam rm 1 skirting is swollen", "Exam room 1"),
    ],
)
def test_a_space_known_by_its_short_kind_and_number(text: str, room: str) -> None:
    assert [mention.name for mention in room_mentions(text)] == [room]


@pytest.mark.parametrize("text", ["tx 2 hours after the leak", "two dorms were checked"])
def test_a_short_word_with_no_room_word_is_no_space(text: str) -> None:
    assert room_mentions(text) == []


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("Consulting room 4 carpet wet", "consulting 4 skirting 19"),
        ("Procedure room 2 vinyl lifted", "procedure 2 wall 33"),
        ("Examination room 7 ceiling stained", "examination 7 wall 40"),
    ],
)
def test_a_lettered_space_with_and_without_its_room_word_is_one_room(first: str, again: str) -> None:
    (one,) = room_mentions(first)
    (two,) = room_mentions(again)
    assert one.key == two.key


def test_two_numbers_of_a_lettered_space_stay_two_rooms() -> None:
    # the near miss: "treatment room 2" and "treatment 3" differ by their number
    (one,) = room_mentions("Treatment room 2 carpet wet")
    (two,) = room_mentions("treatment 3 wall 19")
    assert one.key != two.key


@pytest.mark.parametrize(
    "text",
    [
        "Recreation area carpet wet to the bar",
        "the rec area tiles were under water",
        "3 tile by the bar (rec) 4.1",  # (a point's bracketed room, said short)
    ],
)
def test_a_basements_rec_area_is_the_rec_room(text: str) -> None:
    assert [mention.key for mention in room_mentions(text)] == ["|rec_room|"]


@pytest.mark.parametrize(
    "text", ["rec'd the report on Monday", "see the rec for a dehu", "rec. 3 air movers"]
)
def test_rec_alone_is_no_room(text: str) -> None:
    assert room_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "affected"),
    [
        ("Studio control room 5 x 4 m - carpet tile wet", ["Studio control room"]),
        ("water through the ceiling of the edit control room onto the desk", ["Edit control room"]),
        ("the den is our control room for the readings", []),  # (the dry standard's room)
    ],
)
def test_a_control_room_is_a_room_unless_it_holds_the_dry_standard(text: str, affected: list[str]) -> None:
    assert [
        mention.name for mention in room_mentions(text) if mention.affected and mention.name != "Den"
    ] == affected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("master bed skirting at the ensuite wall", "Master bedroom"),
        ("guest bed wall behind the door", "Guest bedroom"),
        ("front bed carpet edge by the robe", "Front bedroom"),
    ],
)
def test_a_qualified_bed_is_the_bedroom(text: str, name: str) -> None:
    assert [mention.name for mention in room_mentions(text)][:1] == [name]


@pytest.mark.parametrize("text", ["the bed was soaked", "guest bed frame was wet", "master bed linen bagged"])
def test_a_bed_alone_or_its_frame_is_no_room(text: str) -> None:
    assert room_mentions(text) == []


# Rooms the vocabulary reads by their own words: a shop's stock room and workshop, a separate toilet
# or a UK "WC" as a room, a deck that is a floor's sheeting or a platform's top (no outdoor deck).
_ROOM_WORDS = [
    ("Stock room carpet tiles soaked along the racking.", ["Stock room"]),
    ("Water crossed the workshop slab to the bench.", ["Workshop"]),
    ("The separate WC flooded; vinyl lifted.", ["WC"]),
    ("Sewage stood in the WC overnight and the WC vinyl is lifting.", ["WC"]),
    ("The upstairs WC, 1.2 x 0.8 m, has wet tiles.", ["Upstairs WC"]),
    ("Tiles in the separate toilet were wet and the toilet skirting swollen.", ["Toilet"]),
    ("Toilet ceiling stained under the bath above.", ["Toilet"]),
    # (the near misses: the fixture, its pan, and a deck named by its sheet or the structure it tops)
    ("The toilet overflowed and the bathroom vinyl is wet.", ["Bathroom"]),
    ("The upstairs toilet overflowed; bathroom vinyl soaked.", ["Bathroom"]),
    ("Bathroom vinyl wet around the WC pan.", ["Bathroom"]),
    ("Foul water came up through the WC and the bath waste; bathroom vinyl soaked.", ["Bathroom"]),
    ("Bathroom vinyl wet; particleboard floor deck swollen under it.", ["Bathroom"]),
    ("Mezzanine ply deck wet where the pipe split; office carpet below soaked.", ["Office"]),
    ("Gantry deck wet by the split pipe, and the hall floor soaked.", ["Hall"]),
]


@pytest.mark.parametrize(("text", "expected"), _ROOM_WORDS)
def test_rooms_a_shop_or_a_uk_house_names_its_own_way(text: str, expected: list[str]) -> None:
    assert [area.room for area in analyze_text(text).affected_areas] == expected


@pytest.mark.parametrize(
    ("text", "rooms"),
    [
        # a separate toilet known by its number or heading its note is a room
        ("Toilet 2: vinyl lifted, skirting wet", ["Toilet 2"]),
        ("W/C: floor tiles wet", ["W/C"]),
        # the pan a point is read by is no room, nor a reading's value a room's number
        ("ensuite wall behind the toilet 310, hall wall 260", ["Ensuite", "Hall"]),
        ("Laundry OSB beside toilet 27 %MC", ["Laundry"]),
        ("Bathroom wall by the WC: 74", ["Bathroom"]),
        # a platform's or a floor's walking surface is no outdoor deck; a back deck is
        ("mezzanine catwalk deck 31 %MC", []),
        ("22 mm particleboard floor deck swollen", []),
        ("the rear deck boards were soaked", ["Rear deck"]),
    ],
)
def test_a_toilet_or_a_deck_is_a_room_only_when_named_as_one(text: str, rooms: list[str]) -> None:
    assert [mention.name for mention in room_mentions(text)] == rooms
