"""A consultant's prose names rooms the vocabulary may not know ("the plant room", "the quiet
room"): a reading told after that phrase, in its sentence, is that room's, not the room an earlier
line was about; ranges give their two ends."""

from __future__ import annotations

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_room_phrases import (
    is_room_number,
    numbered_rooms,
    room_phrase_before,
)

_REPORT = """Site report, claim 55-102. Attended 09/06/2026.
The foyer carpet was damp at the door only and has been left; it is not an affected area.
Readings (Protimeter Surveymaster, measure scale %WME)
Walls in the quiet reading room read 60-70 near the floor and 25-30 at 1 m.
The carpet in the plant room could not be read; the slab under it read 6.1%.
"""


def test_a_reading_is_the_room_its_own_sentence_names() -> None:
    found = [(r.value, r.location) for r in analyze_text(_REPORT).moisture_readings]
    for value in (60.0, 70.0, 25.0, 30.0):  # a range's two ends, each a reading
        assert (value, "Quiet reading room") in found
    assert (6.1, "Plant room") in found
    assert all(location != "Foyer" for _, location in found)


def test_the_room_phrase_is_looked_for_in_the_readings_own_sentence_only() -> None:
    text = "The plant room is dry. Walls read 40 by the door."
    assert room_phrase_before(text, text.index("40")) is None
    text = "Walls in the same room read 40."
    assert room_phrase_before(text, text.index("40")) is None
    text = "In the staff room the wall read 12."
    assert room_phrase_before(text, text.index("12")) == "Staff room"


_HOTEL = """Adjuster's report, claim 71-330. Inspected 05/18/2026.
Room 508 bathroom ceiling wet from the tub overflow in room 608 above.
Water came down into 508 through the light, and 608 itself only had a wet floor.
Readings (ME5, reference scale): bathroom ceiling 86.
"""


def test_a_numbered_room_named_again_is_no_reading() -> None:
    found = [r.value for r in analyze_text(_HOTEL).moisture_readings]
    assert 86.0 in found
    assert 508.0 not in found and 608.0 not in found


def test_room_numbers_are_three_or_four_digits_and_never_a_size() -> None:
    assert numbered_rooms("Room 412, Suite 1206 and unit 7") == frozenset({"412", "1206"})
    assert numbered_rooms("Utility room 100 x 80 in") == frozenset()
    assert is_room_number("water came into 412 overnight", 412.0, frozenset({"412"}))
    assert not is_room_number("412 wall: 412 REL", 412.0, frozenset({"412"}))


def test_a_list_item_that_starts_with_a_room_and_goes_on_to_a_landmark_is_that_rooms() -> None:
    from chalicelib.analysis.offline import analyze_text
    from chalicelib.analysis.offline.reading_room_phrases import room_leading_landmark

    # Given an item that names its room first, then a room it is only next to
    lead = room_leading_landmark("the family room wall beside the kitchen")
    assert lead is not None and lead.name == "Family room"
    assert room_leading_landmark("plasterboard by the kitchen") is None  # (no room of its own first)
    assert room_leading_landmark("family room wall") is None  # (no landmark: the line's rules decide)
    text = (
        "On 4 May 2026 the dishwasher leaked into the kitchen and the family room.\n"
        "His readings: kitchen wall 41, family room wall beside the kitchen 33, family room skirting 20.\n"
    )
    found = {(r.value, r.location) for r in analyze_text(text).moisture_readings}
    # Then the reading is the family room's, not the kitchen's the line named first
    assert (33.0, "Family room") in found
