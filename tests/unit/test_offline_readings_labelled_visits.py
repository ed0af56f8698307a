"""A later visit's line whose every value names its own place ("Thu 12/3: lounge carpet 30, hall
wall 24, lounge slab 5.1") is a list of readings by their words, not values given in the order of
an earlier visit's points; a line with a bare value keeps the order."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_skipped_values import skipped_values

_NOTES = (
    "Sewage backflow - 9 Banksia Court, Geelong VIC 3220. Attended Tuesday 10/3/2026. Cat 3.\n"
    "Lounge room 5 x 4 m: carpet and slab wet. Hallway plasterboard wet low down. Bathroom wet too.\n"
    "Readings 10/3: hallway plasterboard 36. Lounge carpet edge 41. Lounge slab 6.2."
    " Bathroom wall by the basin 22.\n"
)


def _places(notes: str, day: date) -> set[tuple[float, str]]:
    findings = analyze_text(notes)
    return {(r.value, r.location) for r in findings.moisture_readings if r.taken_on == day}


def test_a_visit_whose_values_each_name_their_place_is_read_by_their_words() -> None:
    # Given a later visit whose three values each name a room and a surface
    notes = _NOTES + "Thu 12/3: lounge carpet 30, hall plasterboard 24, lounge slab 5.1.\n"
    # When the notes are read
    found = _places(notes, date(2026, 3, 12))
    # Then each value is in the room its own words name, not that of the earlier point in its place
    assert (24.0, "Hallway") in found
    assert (5.1, "Lounge room") in found
    assert not any(location == "Bathroom" for _, location in found)


def test_a_weekday_visit_of_labelled_values_is_no_positional_line() -> None:
    # Given a weekday-led visit whose every value carries its place's words
    # When its slots are read
    # Then it is no line of values by position
    assert skipped_values("Friday: kitchen wall 30, pantry floor 26, laundry skirting 11") is None
    assert skipped_values("Sat 14/3: office carpet 22, and office slab 4.8, foyer wall 15") is None


def test_a_visit_with_bare_values_keeps_the_earlier_order() -> None:
    # Given a visit where only the last value carries a reminder of its point
    # When its slots are read
    # Then the line is still read by position (the bare values have only the order to go by)
    assert skipped_values("Friday: 30, 26, lounge 11") == (
        "Friday",
        [(30.0, None), (26.0, None), (11.0, None)],
    )
