"""Air readings (temperature, RH, grains) are not moisture readings of materials."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis.offline import analyze_text

_NOTES = """Claim 88-2231. Inspected 11/14/2026, 2 Elm St, Dayton OH 45402.
Den: carpet and pad wet, drywall wicking 6 in. Meter: pin meter, WME.

Readings 11/14: den drywall 31 WME, den skirting 28 WME.

Psychrometrics (temperature / RH / GPP)
11/14 - outside 40 F 70% 26 GPP; den 68 F 64% 66 GPP; hall 67 F 51% 52 GPP.
11/16 - den 74 F 33% 40 GPP.

Atmospheric (deg F / %RH / GPP): 11/17 outside 45 / 60 / 24, den 72 / 30 / 35,
hall 71 / 32 / 36, dehu outlet 90 / 18.
Den drywall 14 WME on 11/17.
"""


def test_air_readings_under_an_air_heading_are_not_material_readings() -> None:
    found = [(reading.value, reading.location) for reading in analyze_text(_NOTES).moisture_readings]
    # The material readings are read, before and after the air lines
    assert (31.0, "Den") in found
    assert (28.0, "Den") in found
    assert (14.0, "Den") in found
    # No temperature, RH or grains is taken for a material reading, nor the wrapped line's
    assert not {value for value, _ in found} & {40.0, 70.0, 64.0, 66.0, 51.0, 33.0, 30.0, 32.0, 72.0, 18.0}
    assert len(found) == 3


def test_a_room_size_written_without_spaces_is_not_a_reading() -> None:
    # Given sizes written "2.4x1.9" beside the materials, with a meter scale known
    text = (
        "Att 14/01/2026. Meter: Protimeter, WME.\n"
        "Laundry 2.4x1.9 vinyl wet, pbd wicking. Bed 2 3.4x3.0 cpt wet.\n"
        "Laundry pbd 31, bed 2 skirting 22.\n"
    )
    values = sorted(reading.value for reading in analyze_text(text).moisture_readings)
    # Then only the readings are read
    assert values == [22.0, 31.0]


def test_a_percentage_after_a_temperature_is_the_airs_humidity() -> None:
    text = (
        "Inspected Jan 12, 2026. Hallway: carpet wet, drywall wet low.\n"
        "Outside it was 25 F and 60% RH; the hallway was 69 F and 55% (about 58 grains) and the hallway"
        " drywall read 21%.\n"
    )
    values = [reading.value for reading in analyze_text(text).moisture_readings]
    assert values == [21.0]


def test_several_scale_marked_readings_in_one_note_and_rooms_counted_by_number() -> None:
    text = (
        "Inspected 11/03/2025.\nBR3 closet 5' x 2.5'\n"
        ' - clg 36% back wall high 22% back wall 12" AFF 8% (gyp scale)\n'
        "Bedrooms 1 and 2 and the hall show no growth. Dry standard for drywall, taken in the hall: 7%.\n"
    )
    found = [(reading.value, reading.is_reference) for reading in analyze_text(text).moisture_readings]
    assert found == [(36.0, False), (22.0, False), (8.0, False), (7.0, True)]


def test_a_labelled_day_dates_the_air_readings_under_it() -> None:
    # Given two visits' readings, then each visit's air readings under "Atmospherics <date>:"
    findings = analyze_text(
        "Job 55. 12 Acacia Rd, Bunbury WA 6230. Attended 13/11/2026.\n"
        "Kitchen: laminate wet, 4 x 3 m.\n"
        "Readings 13/11/2026: kitchen laminate 40 WME.\n"
        "Readings 15/11/2026: kitchen laminate 18 WME.\n"
        "Atmospherics 13/11/2026: kitchen 24C 70% RH, outside 18C 60% RH.\n"
        "Atmospherics 15/11/2026: kitchen 23C 45% RH.\n"
        "City crew jetted the main on 16/11/2026 - not part of the visit.\n"
    )
    # Then each is dated by its own line, and a sentence's date heads nothing
    days = [(reading.relative_humidity, reading.taken_on) for reading in findings.atmospheric_readings]
    assert days == [(70.0, date(2026, 11, 13)), (60.0, date(2026, 11, 13)), (45.0, date(2026, 11, 15))]


def test_a_surface_by_an_outlet_with_no_article_is_a_surface_not_the_air() -> None:
    from chalicelib.analysis.offline.reading_row_parts import AIR_WORDS

    for place in ("ceiling at outlet", "wall 1 m from outlet", "bulkhead beside inlet", "floor near inlet"):
        assert AIR_WORDS.search(place) is None, place
    for air in ("dehu outlet", "outlet 31 C", "LGR inlet / outlet"):
        assert AIR_WORDS.search(air) is not None, air
