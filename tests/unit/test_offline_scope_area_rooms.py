"""Scope lines placed in an affected area the room lexicon does not know: the notes describe a
"concourse" or a "proof room" as affected, so an estimate line naming it is that area's work."""

from __future__ import annotations

from chalicelib.analysis import analyze_text


def _rooms(text: str) -> list[tuple[float | None, str | None]]:
    return [(item.quantity, item.room) for item in analyze_text(text).scope_of_work]


def test_an_estimate_line_naming_one_affected_space_is_placed_there() -> None:
    # Given a showroom job whose affected space is a "mezzanine gallery" no room list knows
    notes = (
        "Site: 14 Carrow Rd, Dayton OH 45402\n"
        "Mezzanine gallery: 40 ft x 22 ft, carpet tile wet over about 300 SF, drywall wicking 14 in.\n"
        "Scope\n"
        "- Remove wet carpet tile, mezzanine gallery: 300 SF\n"
        "- Flood cut drywall 2 ft, mezzanine gallery: 62 LF\n"
    )
    # When the notes are analysed
    # Then both items are the gallery's work
    assert _rooms(notes) == [(300.0, "Mezzanine gallery"), (62.0, "Mezzanine gallery")]


def test_a_metric_line_with_the_area_after_a_preposition_is_placed_too() -> None:
    # Given a bakery whose "proof room" is affected, its estimate written in metric
    notes = (
        "Site: 3 Wattle St, Ballarat VIC 3350\n"
        "Proof room 5.0 x 4.0 m - vinyl wet across about 12 m2, plasterboard wicking to 150 mm.\n"
        "Scope of works:\n"
        "- Lift and dispose of sheet vinyl in the proof room: 12 m2\n"
    )
    # When the notes are analysed
    # Then the item names the proof room
    assert _rooms(notes) == [(12.0, "Proof room")]


def test_a_line_naming_two_affected_spaces_stays_unplaced() -> None:
    # Given an estimate line that names two affected spaces the lexicon does not know (the near miss)
    notes = (
        "Site: 14 Carrow Rd, Dayton OH 45402\n"
        "Mezzanine gallery: 40 ft x 22 ft, carpet tile wet over about 300 SF.\n"
        "Print studio: 20 ft x 18 ft, carpet tile wet over about 150 SF.\n"
        "Scope\n"
        "- Remove wet carpet tile, mezzanine gallery and print studio: 450 SF\n"
    )
    # When the notes are analysed
    # Then the item is left without a room rather than given one of the two
    assert _rooms(notes) == [(450.0, None)]


def test_a_line_of_several_items_gives_each_the_room_written_after_it() -> None:
    # Given an owner's sentence with two items, each with its room after it, the second's room a
    # space the room lexicon does not know
    notes = (
        "Site: 9 Rata St, Nelson 7010\n"
        "Water everywhere in the cupboard the cylinder sits in (about 1.0 x 0.9 m, vinyl floor) and into "
        "our spare room, bedroom 3 (3.2 x 3.0), where about 4 m2 of carpet was soaked.\n"
        "They pulled 4 m2 of underlay in the spare room and the 0.9 m2 of vinyl in the cupboard.\n"
    )
    # When the notes are analysed
    # Then the underlay is the spare room's, and the vinyl is not given the spare room (the room the
    # line names before it is the underlay's) nor the cupboard on the strength of the line's other clause
    assert _rooms(notes) == [(4.0, "Spare room"), (0.9, None)]


def test_a_room_after_the_thing_measured_is_the_items_room() -> None:
    # Given estimate lines that name the thing measured, then its room, twice on one line
    metric = (
        "Site: 4 Kowhai Rd, Hamilton 3200\n"
        "Rumpus room carpet soaked, study carpet wet at the door.\n"
        "Scope: lifted 12 m2 of carpet in the rumpus room, then 5 lm of skirting in the study.\n"
    )
    imperial = (
        "Site: 88 Birch Ave, Boise ID 83702\n"
        "Scope\n"
        "- Remove 40 SF of drywall in the laundry and 12 LF of baseboard in the hallway\n"
    )
    # When the notes are analysed
    # Then each item takes the room after its own thing, not the one before it on the line
    assert _rooms(metric) == [(12.0, "Rumpus room"), (5.0, "Study")]
    assert _rooms(imperial) == [(40.0, "Laundry"), (12.0, "Hallway")]
