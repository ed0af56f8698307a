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
