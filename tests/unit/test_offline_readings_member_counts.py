"""A framing member's count ("sill at stud 1", "joist 3: 22") names the member, never a reading of
it; a level the writer aims for ("to reach 15 %MC") is no reading either; a fixture a point is
taken by ("wall by the water heater: 17") keeps the row a surface's reading."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text
from chalicelib.analysis.offline.reading_members import member_count


def _values(notes: str) -> list[float]:
    return sorted(reading.value for reading in analyze_text(notes).moisture_readings)


def test_a_member_led_by_a_place_word_is_counted_not_read() -> None:
    # Given a subfloor list whose points are told by the joist and bearer they sit at
    notes = (
        "Job 4471, 12 Totara St. Attended 04/03/2026. Subfloor under the kitchen wet.\n"
        "Readings (Protimeter, %MC):\n"
        "- Bearer at joist 4: 24\n"
        "- Subfloor sheet on joist 2 - 27\n"
        "- Kitchen bearer still wet beside post 3, recheck Friday.\n"
    )
    # When the notes are read
    values = _values(notes)
    # Then only the values are readings, none of the members' counts
    assert values == [24.0, 27.0]


def test_a_member_and_its_count_labelling_a_line_is_no_reading() -> None:
    # Given a US basement list whose lines open with a stud and its number, one with a note in brackets
    notes = (
        "Basement rec room, 88 Alder Ln. Inspected 10/12/2026. Drywall and framing wet.\n"
        "Moisture (Delmhorst, %MC):\n"
        "- Rec room stud 5 (behind the freezer): 23 (10/12), 19 (10/14)\n"
        "- Stud 6: 21 (10/12), 17 (10/14)\n"
    )
    # When the notes are read
    values = _values(notes)
    # Then each stud gives its two readings, and its number none
    assert values == [17.0, 19.0, 21.0, 23.0]


def test_a_member_reading_is_still_read() -> None:
    # Given members read by name, their values straight after them (no count: a list of readings)
    notes = (
        "Job 902, 3 Rata Ave. Attended 09/05/2026. Laundry framing wet.\n"
        "Readings (Protimeter, %MC): laundry stud 19, plate 22, joist 14 - 12.\n"
    )
    # When the notes are read
    values = _values(notes)
    # Then every value is a reading
    assert {19.0, 22.0, 14.0} <= set(values)
    # And the rule itself leaves a value after a bare member alone
    text = "laundry stud 19, plate 22"
    assert not member_count(text, text.index("19"), text.index("19") + 2)


def test_a_level_to_reach_is_no_reading() -> None:
    # Given a report that says what the framing must dry to, with and without a scale
    notes = (
        "Job 5120, 7 Harbour Rd. Attended 02/02/2026. Bathroom wall framing wet.\n"
        "Readings (Tramex, %MC): bathroom stud 26, plate 31.\n"
        "Keep the dehumidifier on; plate to reach 16 %MC before lining.\n"
        "The studs must get down to 15 before we close up.\n"
    )
    # When the notes are read
    values = _values(notes)
    # Then the aims are not readings
    assert values == [26.0, 31.0]


def test_a_level_already_reached_is_a_reading() -> None:
    # Given a value the wall dropped to (told in the past), beside an aim
    notes = (
        "Job 5121, 9 Harbour Rd. Attended 02/02/2026. Bathroom wall wet.\n"
        "Readings (Tramex, %MC): bathroom plasterboard 28.\n"
        "04/02/2026: bathroom plasterboard dropped to 17 %MC; needs to reach 12 %MC.\n"
    )
    # When the notes are read
    values = _values(notes)
    # Then the value it dropped to is a reading, the aim is not
    assert 17.0 in values and 12.0 not in values


def test_a_fixture_heater_only_places_the_reading() -> None:
    # Given a list whose points sit by a water heater and behind a heater
    notes = (
        "Job 77, 4 Pine Cres. Inspected 11/20/2026. Garage laundry wall wet.\n"
        "Moisture (Tramex, %MC):\n"
        "- Laundry wall by the water heater: 26 (11/20), 18 (11/22)\n"
        "- Laundry skirting behind heater: 30 (11/20), 21 (11/22)\n"
    )
    # When the notes are read
    readings = analyze_text(notes, received=date(2026, 12, 1)).moisture_readings
    # Then each point's two readings are read on their days
    assert sorted((r.value, r.taken_on) for r in readings) == [
        (18.0, date(2026, 11, 22)),
        (21.0, date(2026, 11, 22)),
        (26.0, date(2026, 11, 20)),
        (30.0, date(2026, 11, 20)),
    ]


def test_a_row_naming_drying_equipment_is_still_no_surface_reading() -> None:
    # Given a row about the dehumidifier itself, not a point beside it
    notes = (
        "Job 78, 6 Pine Cres. Inspected 11/20/2026. Laundry wall wet.\n"
        "Moisture (Tramex, %MC):\n"
        "- Laundry wall: 26 (11/20), 18 (11/22)\n"
        "- Dehu set: 2 (11/20), 1 (11/22)\n"
    )
    # When the notes are read
    values = _values(notes)
    # Then the equipment's numbers are no readings
    assert values == [18.0, 26.0]
