"""A numbered report section of readings ("6. Moisture readings") with dated subheadings and one
"- place: value" item a line, as a readings block is read."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_REPORT = """Inspection report, claim 77-4410. Inspected 2026-04-02.

3. Affected areas
- Kitchen: ceiling drywall wet and sagging by the window, north wall wet from the top down.
- Living room: not affected.

6. Moisture readings
Drywall: non-invasive meter, relative scale.
2026-04-02:
- Kitchen ceiling, centre: 88
- Kitchen ceiling, near window: 64
- Kitchen north wall, upper: 41
- Living room ceiling (dry standard): 11
2026-04-04:
- Kitchen north wall, upper: 19
Items 2 and 3 were closed on 2026-04-04.

7. Equipment
- 2 air movers, 1 dehumidifier
"""


def test_items_of_a_numbered_readings_section_are_read_by_their_dated_heading() -> None:
    found = [
        (reading.value, reading.location, reading.taken_on, reading.is_reference)
        for reading in analyze_text(_REPORT).moisture_readings
    ]
    assert (88.0, "Kitchen", date(2026, 4, 2), False) in found
    assert (64.0, "Kitchen", date(2026, 4, 2), False) in found  # "near window: 64" is by the window
    assert (41.0, "Kitchen", date(2026, 4, 2), False) in found
    assert (11.0, "Living room", date(2026, 4, 2), True) in found
    assert (19.0, "Kitchen", date(2026, 4, 4), False) in found
    # the section's numbers and the equipment are not readings
    assert len(found) == 5


_UNBULLETED = """Job 5521, 3 Tully St, Brunswick VIC 3056. Attended 20/07/2026.
Laundry: vinyl wet, plasterboard wicking. Study: ceiling sagging, plasterboard wet.

4. MOISTURE READINGS (Tramex, relative scale unless marked)
20/07/2026
Ref: bedroom 2 wall 13
Laundry wall 80
Study ceiling 95
Study ceiling battens (exposed) 30 %MC
22/07/2026
Laundry wall 35 / study ceiling 30 / battens 20 %MC
"""


def test_unbulleted_items_of_a_readings_section_and_a_surface_known_from_an_earlier_item() -> None:
    found = [
        (reading.value, reading.location, reading.taken_on)
        for reading in analyze_text(_UNBULLETED).moisture_readings
    ]
    assert (80.0, "Laundry", date(2026, 7, 20)) in found
    assert (95.0, "Study", date(2026, 7, 20)) in found
    # "battens" alone on a later list is the study's: its battens were listed under the study
    assert (20.0, "Study", date(2026, 7, 22)) in found
    assert (30.0, "Study", date(2026, 7, 22)) in found


def test_a_follow_up_item_with_positions_on_one_surface() -> None:
    text = (
        "Inspected 2026-03-16.\n- Reception: north wall wet from the ceiling down.\n\n"
        "9. Follow-up readings, 2026-03-20 (same points, same meter)\n"
        "- Reception, north wall upper: 15; lower: 12\n"
    )
    found = [
        (reading.value, reading.location, reading.taken_on)
        for reading in analyze_text(text).moisture_readings
    ]
    assert found == [(15.0, "Reception", date(2026, 3, 20)), (12.0, "Reception", date(2026, 3, 20))]


def test_a_readings_heading_numbered_by_its_day_opens_a_block() -> None:
    # Given readings under "Day 1 readings (meter, scale):", each written "place: value"
    notes = (
        "Cause: split copper elbow in the kitchen wall, clean mains water.\n"
        "\n"
        "Day 1 readings (Protimeter Surveymaster, WME scale):\n"
        "kitchen wall beside the split, 200 mm up: 34\n"
        "family room skirting by the sliding door: 22\n"
        "main bedroom wall (not affected, our dry standard): 11\n"
    )
    readings = analyze_text(notes).moisture_readings
    # Then every line is a reading, the bedroom's the dry standard
    assert [(reading.value, reading.is_reference) for reading in readings] == [
        (34, False),
        (22, False),
        (11, True),
    ]


def test_a_day_by_point_table_read_from_a_pdf_without_its_bars() -> None:
    # Given a table with a row per day and a column per point, as a PDF's text gives it (no bars; a
    # wide gap after a point code read as a comma), and the same table typed with a Markdown rule
    header = "Date HW-1, Dining centre HW-2 Kitchen at fridge SF-1 Subfloor under dining REF Living room oak"
    rows = "2026-11-22 31 29 27 8\n2026-11-25 19 17 20 -\n"
    lead = (
        "Cause: ice-maker line split. 1 Elm Dr SW, Calgary, AB T2V 1J2\n"
        "- Dining room 12 ft x 14 ft: oak strip wet, about 150 sq ft.\n"
        "- Kitchen 11 ft x 13 ft: oak strip wet in front of the fridge.\n"
        "Living room hardwood dry - used as dry standard.\n"
        "\n"
        "Readings (Delmhorst, %MC)\n"
    )
    pdf = analyze_text(lead + header + "\n" + rows).moisture_readings
    markdown = analyze_text(
        lead
        + "| Date | HW-1 Dining centre | HW-2 Kitchen at fridge | REF Living room oak |\n"
        + "|---|---|---|---|\n| 2026-11-22 | 31 | 29 | 8 |\n"
    ).moisture_readings
    # Then every value is a reading of its point on its day, the REF column the dry standard
    assert [(r.location, r.value, r.taken_on, r.is_reference) for r in pdf] == [
        ("Dining room", 31, date(2026, 11, 22), False),
        ("Kitchen", 29, date(2026, 11, 22), False),
        ("Dining room", 27, date(2026, 11, 22), False),
        ("Living room", 8, date(2026, 11, 22), True),
        ("Dining room", 19, date(2026, 11, 25), False),
        ("Kitchen", 17, date(2026, 11, 25), False),
        ("Dining room", 20, date(2026, 11, 25), False),
    ]
    assert [(r.location, r.value) for r in markdown] == [
        ("Dining room", 31),
        ("Kitchen", 29),
        ("Living room", 8),
    ]


_LOSS_THEN_VISIT = (
    "Loss: Friday 6 March 2026, a burst tap in the salon.\n"
    "First attendance: Monday 9 March 2026. Salon floor and wall wet, storeroom dry.\n"
)
# A numbered section heading its readings with their day, in other numbers, brackets and date forms
_DATED_SECTIONS = [
    "5. Moisture readings (Tramex ME5, REL on plaster; pins on timber) - 9 March 2026\n",
    "2.3 Readings - Mar. 9, 2026\n",
    "7) Moisture log, 9th March\n",
]


def test_a_numbered_readings_section_dates_its_items_by_the_day_in_its_heading() -> None:
    for heading in _DATED_SECTIONS:
        text = _LOSS_THEN_VISIT + heading + "- Salon wall behind basin: 44\n- Salon skirting: 21 WME\n"
        found = [(r.value, r.location, r.taken_on) for r in analyze_text(text).moisture_readings]
        # Then each item is read on the heading's day (not the loss day), in the space its label leads with
        assert (44.0, "Salon", date(2026, 3, 9)) in found, heading
        assert (21.0, "Salon", date(2026, 3, 9)) in found, heading


def test_a_section_numbered_heading_that_is_a_sentence_dates_nothing() -> None:
    # the near miss: "3 readings were taken on 6 March" is a sentence, not a heading dating the list
    text = _LOSS_THEN_VISIT + "3 readings were taken on 6 March by the owner's plumber\n- Salon wall: 44\n"
    found = [(r.value, r.taken_on) for r in analyze_text(text).moisture_readings]
    assert (44.0, date(2026, 3, 9)) in found or (44.0, None) in found
