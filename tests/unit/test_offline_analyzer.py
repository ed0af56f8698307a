"""The offline analyzer reads realistic inspection notes into findings, each fact with its line."""

from __future__ import annotations

import time

from chalicelib.analysis import DamageType, Findings, LengthUnit, analyze_text

BURST_SUPPLY_LINE = """\
Job 4471 - 12 Smith St, Springfield
Inspected 3 March 2024 by T. Nguyen
Cause: burst flexi hose under kitchen sink (cold supply line), ran approx 6 hrs before shut-off.
Loss type: water, Category 1.

Kitchen: 12 x 14 ft. Vinyl plank floor and particleboard cabinets wet, drywall wicking 30 cm.
 - Drywall north wall 32%MC
 - Toe kick 28 %MC
Hallway 3.5 x 1.2 m, carpet and underlay saturated.
 - Carpet MC 40%
Dining room: 10'x12', hardwood floor cupping, WME 22
Bedroom 2 unaffected - dry standard drywall 9%MC
Outside RH 65%, GPP 78
No mould observed.
"""

SEWAGE_BACKUP = """\
Claim 88213 / Insured: Patel
Attended 14/02/2025 09:30. Sewer main blocked by tree roots; sewage backup through floor waste in the laundry.
Category 3 - black water. Contaminated water spread into downstairs bathroom and rumpus room.

Laundry 2.4 x 1.8 m - tiles, grout lifting, vanity kickboard swollen. REL 35 on plasterboard at 300 mm.
Bathroom: 2.1 x 2.5 m, tiled floor, plasterboard walls 19% reading at base.
Rumpus room carpet and underlay saturated, approx 24 m2. Carpet reading of 22%
Skirting boards wet.
"""

KITCHEN_FIRE = """\
Kitchen fire 2 Jan 2025, started at cooktop (unattended cooking oil).
Heavy soot on ceiling and walls of kitchen and dining room. Smoke odour throughout.
Fire brigade used water to extinguish - kitchen floor wet, vinyl lifting.
Smoke detectors in hallway were sounding.
Kitchen 4 x 3.6 m, cabinetry charred, laminate benchtop melted.
"""

NOTHING_DETERMINABLE = """\
called customer, no answer. left vm
tried again 3pm - spoke w/ wife, will call back re: access
TBC
??? see photos
"""


def _rooms(findings: Findings) -> list[str]:
    return [area.room for area in findings.affected_areas]


def test_burst_supply_line_gives_type_cause_and_sources() -> None:
    # Given notes of a clean-water loss from a burst flexi hose
    # When they are analysed
    findings = analyze_text(BURST_SUPPLY_LINE)
    # Then the labelled loss type and cause are read, each citing its own line
    assert findings.damage_type is DamageType.WATER
    assert findings.damage_type_evidence is not None
    assert findings.damage_type_evidence.line == 4
    assert findings.damage_type_evidence.text == "Loss type: water, Category 1."
    assert findings.cause_of_loss == (
        "burst flexi hose under kitchen sink (cold supply line), ran approx 6 hrs before shut-off"
    )
    assert findings.cause_of_loss_evidence is not None
    assert findings.cause_of_loss_evidence.line == 3
    assert findings.undetermined == []
    assert findings.analyzer == "offline-rules"


def test_burst_supply_line_areas_have_dimensions_in_feet_and_materials() -> None:
    # Given the same notes, with rooms measured in feet and in metres
    # When they are analysed
    findings = analyze_text(BURST_SUPPLY_LINE)
    # Then each affected room is listed once; the dry-standard bedroom is not an affected area
    assert _rooms(findings) == ["Kitchen", "Hallway", "Dining room"]
    kitchen, hallway, dining = findings.affected_areas
    assert (kitchen.length_ft, kitchen.width_ft, kitchen.floor_area_sqft) == (12.0, 14.0, 168.0)
    assert kitchen.original_unit is LengthUnit.FEET
    assert kitchen.materials == ["vinyl plank", "particleboard", "cabinets", "drywall"]
    # And the source is the line the measurements were written on, not the cause line naming the sink
    assert kitchen.source.line == 6
    # And metres are converted to feet with one decimal, the original unit kept
    assert (hallway.length_ft, hallway.width_ft, hallway.floor_area_sqft) == (11.5, 3.9, 45.2)
    assert hallway.original_unit is LengthUnit.METRES
    assert hallway.materials == ["carpet", "underlay"]
    assert (dining.length_ft, dining.width_ft, dining.source.line) == (10.0, 12.0, 11)


def test_burst_supply_line_readings_keep_location_material_unit_and_line() -> None:
    # Given the same notes, with readings written several ways
    # When they are analysed
    findings = analyze_text(BURST_SUPPLY_LINE)
    # Then every reading is found with its room (from the line or the section it sits in)
    readings = [
        (reading.location, reading.material, reading.value, reading.unit, reading.source.line)
        for reading in findings.moisture_readings
    ]
    assert readings == [
        ("Kitchen", "drywall", 32.0, "%MC", 7),
        ("Kitchen", "toe kick", 28.0, "%MC", 8),
        ("Hallway", "carpet", 40.0, "%MC", 10),
        ("Dining room", "hardwood floor", 22.0, "WME", 11),
        ("Bedroom 2", "drywall", 9.0, "%MC", 12),
        ("Outside", None, 65.0, "%RH", 13),
        ("Outside", None, 78.0, "GPP", 13),
    ]
    assert findings.moisture_readings[0].source.text == "- Drywall north wall 32%MC"


def test_sewage_backup_is_water_with_its_cause_sentence() -> None:
    # Given notes of a sewage backup with no "Cause:" label
    # When they are analysed
    findings = analyze_text(SEWAGE_BACKUP)
    # Then the type and cause come from the sentence naming the blocked sewer
    assert findings.damage_type is DamageType.WATER
    assert findings.cause_of_loss == (
        "Sewer main blocked by tree roots; sewage backup through floor waste in the laundry"
    )
    assert findings.cause_of_loss_evidence is not None
    assert findings.cause_of_loss_evidence.line == 2
    # And "Bathroom:" later is the downstairs bathroom named before, not a second room
    assert _rooms(findings) == ["Laundry", "Downstairs bathroom", "Rumpus room"]
    laundry, bathroom, rumpus = findings.affected_areas
    assert (laundry.length_ft, laundry.width_ft, laundry.source.line) == (7.9, 5.9, 5)
    assert (bathroom.length_ft, bathroom.width_ft, bathroom.source.line) == (6.9, 8.2, 6)
    # And "approx 24 m2" alone is not taken as the floor area, while later lines add materials
    assert rumpus.floor_area_sqft is None
    assert rumpus.materials == ["carpet", "underlay", "skirting boards"]


def test_sewage_backup_readings_with_and_without_a_scale() -> None:
    # Given the sewage notes, where two readings give a percentage but no scale
    # When they are analysed
    findings = analyze_text(SEWAGE_BACKUP)
    # Then those are reported as "%" instead of being assumed to be %MC
    readings = [
        (reading.location, reading.material, reading.value, reading.unit, reading.source.line)
        for reading in findings.moisture_readings
    ]
    assert readings == [
        ("Laundry", "plasterboard", 35.0, "REL", 5),
        ("Downstairs bathroom", "plasterboard", 19.0, "%", 6),
        ("Rumpus room", "carpet", 22.0, "%", 7),
    ]


def test_fire_outranks_the_suppression_water() -> None:
    # Given fire notes that also mention the fire brigade's water
    # When they are analysed
    findings = analyze_text(KITCHEN_FIRE)
    # Then the loss is fire/smoke, evidenced by the first line
    assert findings.damage_type is DamageType.FIRE_SMOKE
    assert findings.damage_type_evidence is not None
    assert findings.damage_type_evidence.line == 1
    assert findings.cause_of_loss == "Kitchen fire 2 Jan 2025, started at cooktop (unattended cooking oil)"
    # And a room named only for its smoke detectors is not an affected area
    assert _rooms(findings) == ["Kitchen", "Dining room"]
    kitchen = findings.affected_areas[0]
    assert (kitchen.length_ft, kitchen.width_ft, kitchen.floor_area_sqft) == (13.1, 11.8, 155.0)
    assert kitchen.materials == ["vinyl", "cabinetry", "laminate"]
    assert findings.undetermined == ["moistureReadings"]


def test_nothing_determinable_is_reported_as_undetermined_not_guessed() -> None:
    # Given an admin note with no inspection content
    # When it is analysed
    findings = analyze_text(NOTHING_DETERMINABLE)
    # Then nothing is invented and every field is listed as undetermined
    assert findings.damage_type is None
    assert findings.damage_type_evidence is None
    assert findings.cause_of_loss is None
    assert findings.affected_areas == []
    assert findings.moisture_readings == []
    assert findings.undetermined == ["damageType", "causeOfLoss", "affectedAreas", "moistureReadings"]


def test_negated_and_placeholder_statements_are_not_evidence() -> None:
    # Given notes that rule mould out, leave the cause open and give unitless sizes
    # When they are analysed
    findings = analyze_text(
        "Cause: unknown at this stage\nMould: none observed. Checked for mould behind vanity.\n"
        "Bathroom 2 x 4, water pooled on tiles.\n"
    )
    # Then the type is water, the cause is undetermined and no dimensions are guessed
    assert findings.damage_type is DamageType.WATER
    assert findings.damage_type_evidence is not None
    assert findings.damage_type_evidence.line == 3
    assert findings.cause_of_loss is None
    assert "causeOfLoss" in findings.undetermined
    bathroom = findings.affected_areas[0]
    assert (bathroom.room, bathroom.length_ft, bathroom.floor_area_sqft) == ("Bathroom", None, None)


def test_a_labelled_room_and_feet_inches_dimensions() -> None:
    # Given a "Room:" label naming a room outside the vocabulary, measured in feet and inches
    # When it is analysed
    findings = analyze_text("Room: Granny flat\nSize 12'6\" x 10' - carpet wet\nMC 25% carpet")
    # Then the label names the area, and 12'6" is 12.5 ft
    (area,) = findings.affected_areas
    assert (area.room, area.length_ft, area.width_ft, area.floor_area_sqft) == (
        "Granny flat",
        12.5,
        10.0,
        125.0,
    )
    assert findings.moisture_readings[0].location == "Granny flat"
    assert findings.moisture_readings[0].material == "carpet"


def test_same_input_gives_the_same_findings() -> None:
    # Given the same notes analysed twice
    # When both results are serialised
    first = analyze_text(SEWAGE_BACKUP).model_dump_json()
    second = analyze_text(SEWAGE_BACKUP).model_dump_json()
    # Then they are identical
    assert first == second


def test_line_numbers_follow_crlf_and_cr_line_breaks() -> None:
    # Given Windows and old Mac line breaks
    # When the notes are analysed
    findings = analyze_text("Job 1\r\nnotes\rKitchen 3 x 4 m wet 30%MC")
    # Then the line numbers are those an editor shows
    assert findings.affected_areas[0].source.line == 3
    assert findings.moisture_readings[0].source.line == 3


def test_empty_non_english_and_odd_unicode_input_never_raises() -> None:
    # Given inputs a field app could send
    odd_inputs = [
        "",
        "   \n\t\r\n ",
        "Wasserschaden in der K\u00fcche. Feuchtigkeit 32 Prozent. Ursache: unbekannt",
        "\u0645\u0637\u0628\u062e \u0645\u0627\u0621 \u0663\u0662\u066a",
        "\ud800kitchen\udfff wet \u200b32%MC\ufeff",
        "\uff2b\uff49\uff54\uff43\uff48\uff45\uff4e \uff13 x \uff14 m wet",  # full-width "Kitchen 3 x 4 m"
    ]
    # When each is analysed
    results = [analyze_text(text) for text in odd_inputs]
    # Then each gives findings that serialise, undetermined where nothing was found
    for findings in results:
        Findings.model_validate_json(findings.model_dump_json())
    assert results[0].undetermined == ["damageType", "causeOfLoss", "affectedAreas", "moistureReadings"]
    assert results[2].damage_type is None
    assert results[4].moisture_readings[0].value == 32.0
    assert (results[5].affected_areas[0].length_ft, results[5].affected_areas[0].width_ft) == (9.8, 13.1)


def test_hostile_input_returns_quickly() -> None:
    # Given inputs built to make regular expressions backtrack
    hostile = [
        "a" * 50_000,
        "1" + " " * 50_000 + "x",
        "1 x " * 12_500,
        "9%" * 25_000,
        "".join(chr(code % 32) for code in range(50_000)),
        "due to " * 8_000,
        "kitchen. " * 6_000,
        "reading of 1" * 5_000,
        "12'6\" x " * 6_000,
    ]
    for text in hostile:
        # When each is analysed
        started = time.perf_counter()
        findings = analyze_text(text)
        # Then it comes back well within a Lambda's patience, without raising
        assert time.perf_counter() - started < 2.0, text[:20]
        assert findings.analyzer_version


def test_200_kb_of_notes_is_analysed_in_linear_time() -> None:
    # Given 200 KB of realistic notes
    text = (BURST_SUPPLY_LINE + "\n") * (200_000 // len(BURST_SUPPLY_LINE))
    # When they are analysed
    started = time.perf_counter()
    findings = analyze_text(text)
    # Then it finishes quickly and every copy's readings are found
    assert time.perf_counter() - started < 5.0
    assert len(findings.moisture_readings) == 7 * (200_000 // len(BURST_SUPPLY_LINE))
