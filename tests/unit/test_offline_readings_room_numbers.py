"""Readings whose label leads with a room's number ("305 carpet pad: 80"), in a hotel's, motel's or
apartment block's notes that named the room in full first ("Room 305")."""

from __future__ import annotations

from chalicelib.analysis.offline import analyze_text

_NOTES = """Claim HX-4410. Loss 03/02/2026, inspected 03/02/2026.
A basin supply split in Room 405 and water came down into Room 305 below.
- Room 405: vinyl plank and underlay wet around the vanity, about 40 sq ft.
- Room 305: ceiling drywall wet and stained, carpet pad wet along the east wall.
Room 307 next door is dry and gave the dry standard.

Moisture readings (pin meter, drywall in %)
03/02/26
  305 ceiling drywall, middle of stain: 64
  305 ceiling drywall, 2 ft from stain: 27
  305 carpet pad by window: 81
  405 underlay by vanity: 58
  307 ceiling drywall (dry std): 8
03/04/26
  305 ceiling drywall: 19; 405 underlay: 22
"""


def _found() -> list[tuple[float, str, bool]]:
    return [(r.value, r.location, r.is_reference) for r in analyze_text(_NOTES).moisture_readings]


def test_a_label_led_by_a_rooms_number_is_that_rooms_reading() -> None:
    found = _found()
    assert (64.0, "Room 305", False) in found
    assert (27.0, "Room 305", False) in found
    assert (81.0, "Room 305", False) in found
    assert (58.0, "Room 405", False) in found
    # the room number itself is never taken for a value
    assert not {value for value, _, _ in found} & {305.0, 405.0, 307.0}


def test_each_item_of_a_list_line_takes_its_own_rooms_number() -> None:
    found = _found()
    assert (19.0, "Room 305", False) in found
    assert (22.0, "Room 405", False) in found


def test_the_dry_standards_room_number_keeps_it_a_reference() -> None:
    # (and it is the dry room's, by its number, not the wet room the notes were on)
    assert (8.0, "Room 307", True) in _found()


def test_a_number_that_names_no_room_is_not_masked() -> None:
    notes = "Kitchen: cabinets wet.\nMoisture readings\n  kitchen toe kick 125 mm up: 32\n"
    found = [(r.value, r.location) for r in analyze_text(notes).moisture_readings]
    assert (32.0, "Kitchen") in found


def test_a_guessed_value_is_no_reading() -> None:
    notes = _NOTES.replace(
        "  305 carpet pad by window: 81\n",
        "  305 carpet pad by window: 81\n  405 wall behind the vanity: 70-something, not noted\n",
    )
    found = [(r.value, r.location) for r in analyze_text(notes).moisture_readings]
    assert (81.0, "Room 305") in found
    assert 70.0 not in {value for value, _ in found}
