"""Rooms named together and then read in the same order ("bedrooms 1 and 2 read 41 and 33"):
each room takes its own value; a list whose rooms and values differ in number pairs nothing."""

from __future__ import annotations

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_room_pairs import paired_room

_NOTES = (
    "Inspected 12/05/2026. A supply line under the ensuite vanity failed overnight.\n"
    "Protimeter on the WME scale: the hallway plasterboard read 44, and bedrooms 1 and 2 read 41 and 33"
    " at skirting height.\n"
)


def test_each_room_of_a_list_takes_its_value_in_order() -> None:
    found = {r.value: r.location for r in analyze_text(_NOTES).moisture_readings}
    assert found[41.0] == "Bedroom 1"
    assert found[33.0] == "Bedroom 2"
    assert found[44.0] == "Hallway"


def test_rooms_and_values_of_different_number_pair_nothing() -> None:
    text = "and bedrooms 1 and 2 read 41 at the door."
    assert paired_room(text, text.index("41")) is None
    text = "bedrooms 1 and 2 read 41, 38 and 33 along the wall."
    assert paired_room(text, text.index("38")) is None


def test_a_value_outside_the_run_is_not_paired() -> None:
    text = "The hallway read 44 and bedrooms 1 and 2 read 41 and 33."
    assert paired_room(text, text.index("44")) is None
    paired = paired_room(text, text.index("33"))
    assert paired is not None
    assert paired.name == "Bedroom 2"
