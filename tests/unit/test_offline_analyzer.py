"""The offline analyzer reads realistic inspection notes into findings, each fact with its line."""

from __future__ import annotations

import gc
import time
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel

from chalicelib.analysis import (
    DamageType,
    EquipmentKind,
    Findings,
    HazardKind,
    LengthUnit,
    SourceSpan,
    analyze_text,
    load_standards,
)
from chalicelib.analysis.standards import DateConfig

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

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


NOTHING_FOUND = [
    "damageType",
    "causeOfLoss",
    "affectedAreas",
    "moistureReadings",
    "job.claimNumber",
    "job.insured",
    "job.address",
    "job.dateOfLoss",
    "job.inspectionDate",
]


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
    # And v2 reads the job facts the notes give, listing the ones they do not ("Job 4471" is the
    # contractor's job number, not the insurer's claim number), and the equipment it cannot size
    assert findings.job.address is not None and findings.job.address.value == "12 Smith St, Springfield"
    assert findings.job.inspection_date is not None and findings.job.inspection_date.value == date(2024, 3, 3)
    # (the class is judged from "carpet and underlay saturated", so the equipment is calculated)
    assert findings.undetermined == ["job.claimNumber", "job.insured", "job.dateOfLoss"]
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
    assert kitchen.materials == ["vinyl plank", "cabinets", "drywall"]  # the cabinets' board is no floor
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
    ]
    assert findings.moisture_readings[0].source.text == "- Drywall north wall 32%MC"
    # And v2 reports the outside RH and GPP as an air reading, not as a material's moisture
    (outside,) = findings.atmospheric_readings
    assert (outside.location, outside.relative_humidity, outside.gpp, outside.source.line) == (
        "outside",
        65.0,
        78.0,
        13,
    )


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
    # ("laminate benchtop melted": the benchtop, no laminate floor)
    assert kitchen.materials == ["vinyl", "cabinetry", "laminate benchtop", "ceiling", "walls"]
    # ("Heavy soot on ceiling and walls of kitchen and dining room": the surfaces the fire reached)
    assert findings.affected_areas[1].materials == ["ceiling", "walls"]
    # And the date in the loss sentence is the date of loss; water-only fields are not asked of a fire
    assert findings.job.date_of_loss is not None and findings.job.date_of_loss.value == date(2025, 1, 2)
    assert findings.undetermined == [
        "moistureReadings",
        "job.claimNumber",
        "job.insured",
        "job.address",
        "job.inspectionDate",
    ]


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
    assert findings.undetermined == NOTHING_FOUND


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
    assert results[0].undetermined == NOTHING_FOUND
    assert results[2].damage_type is None
    assert results[4].moisture_readings[0].value == 32.0
    assert (results[5].affected_areas[0].length_ft, results[5].affected_areas[0].width_ft) == (9.8, 13.1)


def test_200_kb_of_notes_is_analysed_in_linear_time() -> None:
    # Given 50 KB and 200 KB of realistic notes
    copies = 200_000 // len(BURST_SUPPLY_LINE)
    small, large = (BURST_SUPPLY_LINE + "\n") * (copies // 4), (BURST_SUPPLY_LINE + "\n") * copies
    # When each is analysed (CPU time of this process: other work on the machine does not count)
    started = time.process_time()
    analyze_text(small)
    small_cpu = time.process_time() - started
    started = time.process_time()
    findings = analyze_text(large)
    large_cpu = time.process_time() - started
    # Then four times the text costs about four times as much (quadratic would be sixteen), and
    # every copy's readings are found
    assert large_cpu < 7 * small_cpu, (small_cpu, large_cpu)
    # (a guard against a gross slowdown, not a benchmark: about 7-15 s of CPU alone and 10-22 s beside
    # the other test worker on 2 cores, where a process's CPU time runs slower; real notes are
    # 2-20 KB. bench/analyzer.py --against REV measures the analyzer's speed)
    assert large_cpu < 40.0
    assert len(findings.moisture_readings) == 5 * copies
    assert len(findings.atmospheric_readings) == copies


# --- v2: job facts and dates -------------------------------------------------------------------


def test_job_facts_come_from_labels_and_a_street_address() -> None:
    # Given a header with a claim number, insured, address and both dates
    findings = analyze_text(
        "Claim #: HO-2024-118734   Carrier: Lakeshore Mutual\n"
        "Insured: Maria Gonzalez     Ph 214-555-0187\n"
        "Loss address: 4417 Willow Creek Dr, Plano, TX 75093\n"
        "DOL: 03/11/2024      Inspected: 03/12/2024 0815 hrs\n"
    )
    # When they are analysed
    job = findings.job
    # Then each fact is read without its neighbours, and cites its own line
    assert job.claim_number is not None and (job.claim_number.value, job.claim_number.source.line) == (
        "HO-2024-118734",
        1,
    )
    assert job.insured is not None and job.insured.value == "Maria Gonzalez"
    assert job.address is not None and job.address.value == "4417 Willow Creek Dr, Plano, TX 75093"
    # And the US state and ZIP make the numeric dates month-first
    assert job.date_of_loss is not None and job.date_of_loss.value == date(2024, 3, 11)
    assert job.inspection_date is not None and job.inspection_date.value == date(2024, 3, 12)


def test_an_unambiguous_date_settles_day_first_for_the_whole_document() -> None:
    # Given AU-style notes where 14/02/2025 can only be day-first
    findings = analyze_text("DOL 03/02/2025\nAttended 14/02/2025\nKitchen 3 x 4 m carpet wet 30%MC")
    # When they are analysed
    # Then 03/02/2025 is read as 3 February, not 2 March
    assert findings.job.date_of_loss is not None and findings.job.date_of_loss.value == date(2025, 2, 3)
    assert findings.job.inspection_date is not None and findings.job.inspection_date.value == date(
        2025, 2, 14
    )


def test_an_ambiguous_numeric_date_is_left_undetermined_and_said() -> None:
    # Given a numeric date nothing in the notes can settle (no other date, no state or postcode)
    findings = analyze_text("Date of loss: 03/04/2024\nKitchen 3 x 4 m carpet wet 30%MC")
    # When it is analysed
    # Then no date is guessed, and the notes say why
    assert findings.job.date_of_loss is None
    assert "job.dateOfLoss" in findings.undetermined
    assert any("day-first or month-first" in note for note in findings.notes)


def test_configured_date_order_settles_what_the_document_does_not() -> None:
    # Given an AU deployment whose standards file says numeric dates are day-first
    standards = load_standards().model_copy(update={"dates": DateConfig(numeric_order="DMY")})
    # When ambiguous notes are analysed with it
    findings = analyze_text("Date of loss: 03/04/2024\n", standards=standards)
    # Then 03/04/2024 is 3 April
    assert findings.job.date_of_loss is not None and findings.job.date_of_loss.value == date(2024, 4, 3)


def test_written_out_and_iso_dates_are_read() -> None:
    # Given dates written several ways
    findings = analyze_text("Date of loss: March 3rd, 2024\nInspection date: 2024-03-05\n")
    # When they are analysed
    # Then each is read
    assert findings.job.date_of_loss is not None and findings.job.date_of_loss.value == date(2024, 3, 3)
    assert findings.job.inspection_date is not None and findings.job.inspection_date.value == date(2024, 3, 5)


def test_readings_are_dated_by_the_visit_they_are_under() -> None:
    # Given a drying log: intake before any heading, then "Day 2" with a date and "Day 3" without one
    findings = analyze_text(
        "Inspected 14/02/2025\n"
        "Kitchen drywall 40 WME\n"
        "Day 2 - 15/02\n"
        "Kitchen drywall 25 WME\n"
        "Day 3\n"
        "Kitchen drywall 14 WME dry\n"
    )
    # When it is analysed
    dates = [reading.taken_on for reading in findings.moisture_readings]
    # Then intake readings take the inspection date, "15/02" takes the year around it, and Day 3
    # is Day 1 + 2
    assert dates == [date(2025, 2, 14), date(2025, 2, 15), date(2025, 2, 16)]
    assert findings.moisture_readings[2].is_dry is True


# --- v2: S500 category -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cause", "category"),
    [
        ("Cause: braided supply line to the kitchen faucet burst", 1),
        ("Cause: hot water system failed in the laundry", 1),
        ("Cause: washing machine inlet hose split", 1),
        ("Cause: washing machine overflowed mid cycle", 2),
        ("Cause: dishwasher outlet hose split under the bench", 2),
        ("Cause: toilet overflowed, urine only, no faeces", 2),
        ("Cause: toilet overflow with faeces on the floor", 3),
        ("Cause: sewer main surcharged, sewage backed up through floor drain", 3),
        ("Cause: flash flooding from the creek entered the house", 3),
        ("Cause: storm surge pushed seawater into the garage", 3),
    ],
)
def test_category_follows_the_source_per_s500(cause: str, category: int) -> None:
    # Given a water loss whose cause names its source
    findings = analyze_text(f"Loss type: water\n{cause}\nKitchen 3 x 4 m carpet wet 30%MC\n")
    # When it is analysed
    # Then the category is the S500 category of that source, with the cause line as evidence
    assert findings.water_category is not None
    assert findings.water_category.value == category
    assert findings.water_category.evidence[0].line == 2
    assert findings.water_category.standard.standard == "IICRC S500"
    assert "Category" in findings.water_category.justification


def test_rainwater_is_not_categorised_by_rule() -> None:
    # Given a roof leak in a storm, whose category depends on what the water picked up
    findings = analyze_text("Cause: roof leak in storm\nBedroom 10 x 11 ft carpet wet 19%MC\n")
    # When it is analysed
    # Then the category is left undetermined and the notes say why
    assert findings.water_category is None
    assert "waterCategory" in findings.undetermined
    assert any("Rainwater" in note for note in findings.notes)


def test_a_negated_sewage_mention_does_not_make_category_3() -> None:
    # Given a supply-line loss that rules sewage out
    findings = analyze_text(
        "Cause: flexi hose burst under vanity. No sewage involved.\nBathroom 2 x 3 m wet\n"
    )
    # When it is analysed
    # Then the category stays 1
    assert findings.water_category is not None and findings.water_category.value == 1


def test_clean_water_standing_over_48_hours_degrades_to_category_2_and_says_so() -> None:
    # Given a supply-line leak undetected for three days
    findings = analyze_text(
        "Source: ice maker supply line cracked.\n"
        "Leak undetected for about 3 days while owners were away, water pooled under the fridge.\n"
        "Kitchen 15 x 13 ft oak floor cupping\n"
    )
    # When it is analysed
    category = findings.water_category
    # Then it is Category 2, the justification giving the hours and the standing-water line
    assert category is not None and category.value == 2
    assert "72 h" in category.justification and "Category 2" in category.justification
    assert [span.line for span in category.evidence] == [1, 2]


def test_a_stated_category_without_a_reason_has_no_justification() -> None:
    # Given "Cat 2" and nothing saying where the water came from
    findings = analyze_text("called in by PM. Cat 2\nleak from somewhere upstairs, lounge carpet wet\n")
    # When it is analysed
    category = findings.water_category
    # Then the stated category is reported with its line, and an empty justification for QA to flag
    assert category is not None and category.value == 2
    assert category.justification == ""
    assert [span.line for span in category.evidence] == [1]


def test_a_stated_category_below_the_source_is_kept_and_the_disagreement_noted() -> None:
    # Given notes calling a sewage backup Category 1
    findings = analyze_text("Cause: sewage backup through shower drain. Category 1.\nBathroom 2 x 3 m wet\n")
    # When it is analysed
    category = findings.water_category
    # Then the source decides the value, Category 3, and the technician's call is kept beside it
    assert category is not None and (category.value, category.stated) == (3, 1)
    assert category.stated_source is not None and category.stated_source.line == 1
    assert "notes state Category 1" in category.justification
    assert any("evidence gives Category 3" in note for note in findings.notes)


# --- v2: S500 class and wet extents ------------------------------------------------------------


def test_wet_extents_floor_walls_ceiling_offsets_and_height() -> None:
    # Given a room whose wet floor, walls, ceiling, offsets and height are written out
    findings = analyze_text(
        "Family room 20 x 16 ft, 9 ft ceilings. Carpet wet approx 200 sf. 2 offsets.\n"
        "Drywall wet to 30in along 24 lf of the east wall. Ceiling 40 sq ft stained.\n"
    )
    # When they are analysed
    (room,) = findings.affected_areas
    # Then each extent is in square feet; the wall counts only above 2 ft (24 lf x 0.5 ft)
    assert (room.height_ft, room.wet_floor_sqft, room.wet_ceiling_sqft) == (9.0, 200.0, 40.0)
    assert (room.wet_wall_sqft, room.wall_insets_offsets) == (12.0, 2)


def test_metric_extents_are_converted() -> None:
    # Given a room in metres with wicking in millimetres and a wet area in m2
    findings = analyze_text("Hallway 6.5 x 1.2 m, carpet wet approx 6 m2, plasterboard wicking 150mm\n")
    # When it is analysed
    (hallway,) = findings.affected_areas
    # Then the wet floor is in square feet, and wicking under 2 ft leaves no wet wall above 2 ft
    assert hallway.wet_floor_sqft == 64.6
    assert hallway.wet_wall_sqft == 0.0


def test_class_from_the_wet_share_of_the_surfaces() -> None:
    # Given one 12 x 14 ft room, 8 ft ceiling, its whole floor and walls to 1 ft all round wet
    findings = analyze_text(
        "Cause: supply line burst\n"
        "Kitchen 12 x 14 ft, 8 ft ceiling. Carpet wet wall to wall. Drywall wet to 12in all walls.\n"
    )
    # When it is analysed
    water_class = findings.water_class
    # Then (168 + 52) of 752 sq ft = 29 % is Class 2, and the justification shows the numbers
    assert water_class is not None and water_class.value == 2
    assert "220 sq ft (29 %) of 752 sq ft" in water_class.justification
    assert water_class.evidence[0].line == 2


def test_class_4_for_wet_low_permeance_material() -> None:
    # Given hardwood described as cupping with water
    findings = analyze_text(
        "Cause: supply line burst\nDining room 10 x 12 ft, hardwood floor cupping, 22 %MC\n"
    )
    # When it is analysed
    # Then the class is 4 (specialty drying), citing the hardwood line
    assert findings.water_class is not None and findings.water_class.value == 4
    assert "hardwood" in findings.water_class.justification
    assert findings.water_class.evidence[0].line == 2


def test_class_is_undetermined_when_the_wet_extent_is_unknown() -> None:
    # Given a measured room whose carpet is wet but not how much of it
    findings = analyze_text("Cause: supply line burst\nBedroom 10 x 11 ft, carpet wet near the door.\n")
    # When it is analysed
    # Then no class is guessed; the note gives the range the notes allow
    assert findings.water_class is None
    assert "waterClass" in findings.undetermined
    assert any(note.startswith("Water class not determined") for note in findings.notes)


# --- v2: readings, dry standards, air ----------------------------------------------------------


def test_dry_standard_drying_goal_and_dry_state() -> None:
    # Given readings against a reference in an unaffected room, one said dry and one not said
    findings = analyze_text(
        "Dry std (master bedroom, unaffected): drywall 10 %MC\n"
        "Kitchen drywall 38 %MC\n"
        "Kitchen drywall 13 %MC (dry)\n"
        "Hall drywall 12 %MC\n"
    )
    # When they are analysed
    reference, wet, said_dry, computed = findings.moisture_readings
    # Then the reference is marked, the goal is the standard + 4 points, and dry is what the notes
    # say, else whether the reading is at or under the goal
    assert (reference.is_reference, reference.location) == (True, "Master bedroom")
    assert (wet.dry_standard, wet.drying_goal, wet.is_dry) == (10.0, 14.0, False)
    assert said_dry.is_dry is True
    assert (computed.drying_goal, computed.is_dry) == (14.0, True)


def test_a_reading_said_dry_above_its_goal_keeps_what_the_notes_say() -> None:
    # Given a reading the technician called dry although it is far above the goal
    findings = analyze_text("Bed 1 unaffected plasterboard 12%MC\nLounge plasterboard 30%MC (dry)\n")
    # When it is analysed
    reading = findings.moisture_readings[1]
    # Then the record keeps "dry" (QA flags it) next to the goal it fails
    assert (reading.is_dry, reading.drying_goal) == (True, 16.0)


def test_meter_and_bare_numbers_in_a_readings_block() -> None:
    # Given a readings block whose values carry no unit, and a meter set to its reference scale
    findings = analyze_text(
        "Readings (Tramex ME5, ref scale):\nkitchen laminate 62, kitchen plasterboard 35\n"
        "Reference lounge (unaffected) laminate 12\n"
    )
    # When it is analysed
    readings = [(r.location, r.material, r.value, r.unit, r.meter) for r in findings.moisture_readings]
    # Then each number is a reading on the reference scale, the meter recorded
    assert readings == [
        ("Kitchen", "laminate", 62.0, "REL", "Tramex ME5"),
        ("Kitchen", "plasterboard", 35.0, "REL", "Tramex ME5"),
        ("Lounge", "laminate", 12.0, "REL", "Tramex ME5"),
    ]


def test_numbers_outside_a_readings_block_are_not_readings() -> None:
    # Given a material followed by a number that is a count, not a reading
    findings = analyze_text("Kitchen 3 x 4 m, tiles 20 lifted\n")
    # When it is analysed
    # Then no reading is invented
    assert findings.moisture_readings == []


def test_air_readings_compute_gpp_and_dew_point() -> None:
    # Given temperature and RH in both units, and a GPP the meter gave
    findings = analyze_text("Outside 70F 50% RH | affected kitchen 24C 60%RH GPP 80\n")
    # When they are analysed
    outside, kitchen = findings.atmospheric_readings
    # Then GPP and dew point are computed when not given (70 F / 50 % is about 55 GPP, 50.5 F dew)
    assert outside.location == "outside"
    assert outside.gpp is not None and 54 <= outside.gpp <= 56
    assert outside.dew_point_f is not None and abs(outside.dew_point_f - 50.5) < 0.5
    # And a written GPP is the record; Celsius is converted
    assert (kitchen.location, kitchen.temperature_f, kitchen.gpp) == ("affected (Kitchen)", 75.2, 80.0)


# --- v2: equipment, scope, hazards, mould ------------------------------------------------------


def test_equipment_placed_added_and_pulled_per_visit() -> None:
    # Given placements, an addition and a removal over three days, and a time written as "9 AM"
    findings = analyze_text(
        "Arrived 9 AM.\nCause: supply line burst\nKitchen 12 x 14 ft, carpet wet wall to wall\n"
        "Day 1 - 12/03/2024: set 3 AM + 1 LGR dehu\nDay 2 - 13/03/2024: added 1 AM\n"
        "Day 3 - 14/03/2024: pulled 2 AM\n"
    )
    # When they are analysed
    movers, dehu = findings.equipment
    # Then the most on site at once is the quantity placed, cited where it was placed
    assert (movers.kind, movers.stated_quantity) == (EquipmentKind.AIR_MOVER, 4)
    assert movers.source is not None and movers.source.line == 5
    assert (dehu.kind, dehu.stated_quantity) == (EquipmentKind.DEHUMIDIFIER, 1)


def test_air_mover_calculation_is_shown_with_the_configured_ratios() -> None:
    # Given a room with its wet floor known
    findings = analyze_text("Cause: supply line burst\nKitchen 12 x 14 ft, LVP wet approx 120 sf\n")
    # When it is analysed
    (movers,) = [item for item in findings.equipment if item.kind is EquipmentKind.AIR_MOVER]
    # Then 1 per room + 120 / 60 = 3 air movers, the working and range shown, S500-2021 cited
    assert movers.quantity == 3
    assert "1 per 60 sq ft of wet floor (range 50-70)" in movers.calculation
    assert (movers.inputs["least"], movers.inputs["most"]) == (3.0, 4.0)
    assert movers.standard is not None and movers.standard.edition == "2021"


def test_scope_items_from_a_section_and_an_inline_list() -> None:
    # Given a scope section and an inline "Scope:" line
    findings = analyze_text(
        "Scope of work\n- Remove and discard carpet pad 168 sf\n- Flood cut drywall 2 ft\n"
        "- Dry ice blast not required\n\nScope: remove laminate 14 m2, remove kickboards 4.2 lm\n"
    )
    # When it is analysed
    items = [(item.quantity, item.unit, item.source.line) for item in findings.scope_of_work]
    # Then each item has its quantity and unit; a flood-cut height is no quantity; a decision not
    # to do something is no item
    assert items == [(168.0, "sq ft", 2), (None, None, 3), (14.0, "m2", 6), (4.2, "lm", 6)]


def test_hazards_by_kind_with_the_safety_line_preferred() -> None:
    # Given notes naming several hazards, and an Australian build year before the asbestos era ends
    findings = analyze_text(
        "House built 1972, Perth WA 6000.\nRaw sewage in the laundry.\nPower isolated at switchboard.\n"
        "Ceiling sagging in hallway, propped.\nSafety: wet floor signs placed, slip hazard.\n"
    )
    # When it is analysed
    kinds = {hazard.kind: hazard.source.line for hazard in findings.safety_hazards}
    # Then each kind is reported once, with its line
    assert kinds == {
        HazardKind.ASBESTOS: 1,
        HazardKind.ELECTRICAL: 3,
        HazardKind.BIOHAZARD: 2,
        HazardKind.SLIP_TRIP: 5,
        HazardKind.STRUCTURAL: 4,
    }


def test_no_asbestos_is_not_a_hazard() -> None:
    # Given a recent build and asbestos ruled out
    findings = analyze_text("Built 2012. No asbestos present. Kitchen 3 x 4 m wet\n")
    # When it is analysed
    # Then no asbestos hazard is reported
    assert all(hazard.kind is not HazardKind.ASBESTOS for hazard in findings.safety_hazards)


def test_mould_condition_from_growth_and_the_stated_condition() -> None:
    # Given visible growth and a stated S520 condition
    findings = analyze_text("Visible mold growth behind the vanity, approx 4 sf.\nS520 Condition 3.\n")
    # When it is analysed
    condition = findings.mould_condition
    # Then the condition is 3 per S520, both lines cited
    assert findings.damage_type is DamageType.MOULD
    assert condition is not None and condition.value == 3
    assert condition.standard.standard == "IICRC S520"
    assert [span.line for span in condition.evidence] == [1, 2]


def test_every_cited_line_is_the_line_of_the_notes() -> None:
    # Given every sample inspection
    for path in SAMPLES.glob("*.txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        # When it is analysed
        findings = analyze_text(path.read_text(encoding="utf-8"))
        # Then every source span quotes the line it names (with the lines a hard wrap broke its
        # sentence onto, when the notes were wrapped)
        for span in _spans(findings):
            quoted = {
                " ".join(" ".join(lines[span.line - 1 : span.line - 1 + count]).split())
                for count in range(1, 6)
            }
            assert span.text in quoted, (path.name, span.line)


def _spans(value: object) -> list[SourceSpan]:
    if isinstance(value, SourceSpan):
        return [value]
    if isinstance(value, BaseModel):
        return [span for name in type(value).model_fields for span in _spans(getattr(value, name))]
    if isinstance(value, list):
        return [span for item in value for span in _spans(item)]
    return []


# Text built on every v2 pattern (dates, readings, air, equipment, extents), each about 200 KB, and
# inputs built to make a regular expression backtrack (about 50 KB each).
HOSTILE = [
    "drywall 12%MC dry std " * 9_000,
    "kitchen 70F 50% RH " * 10_000,
    "set 3 AM " * 20_000,
    "Day 1 - 12/03/2024 " * 10_000,
    "kitchen carpet wet 10 sf, " * 8_000,
    "ceiling wet 8 ft ceilings " * 8_000,
    "water standing 3 days " * 9_000,
    "Scope:\n" + "- remove carpet 10 sf\n" * 9_000,
    "bedroom 1 and 2 hall kitchen dining " * 5_000,
    "Readings:\n" + "kitchen laminate 62, " * 9_000,
    "1 Aaaa " * 28_000,
    "a" * 50_000,
    "1" + " " * 50_000 + "x",
    "1 x " * 12_500,
    "9%" * 25_000,
    "".join(chr(code % 32) for code in range(50_000)),
    "due to " * 8_000,
    "kitchen. " * 6_000,
    "reading of 1" * 5_000,
    "12'6\" x " * 6_000,
    "carpet wet over a 1 x 2 m patch " * 2_000,
]


def _cpu_seconds(text: str) -> float:
    # CPU time of this process: on a loaded machine a text and its quarter slow alike, so their
    # ratio is what says linear (a time alone failed on a busy machine). The garbage collector
    # waits meanwhile: a full collection landing in one of two short runs is not the analyzer.
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        findings = analyze_text(text)
        taken = time.process_time() - started
    finally:
        gc.enable()
    assert findings.analyzer_version == "2.0.0"
    Findings.model_validate_json(findings.model_dump_json())
    return taken


@pytest.mark.parametrize("text", HOSTILE, ids=[text[:12] for text in HOSTILE])
def test_each_hostile_pattern_is_analysed_in_linear_time(text: str) -> None:
    # Given a quarter of each pattern and a sixteenth (4x the text: quadratic would cost 16x).
    # The sizes are a quarter of the whole so `make test` stays short on two cores; the whole
    # 200 KB is read in the mixed test below.
    sixteenth = _cpu_seconds(text[: len(text) // 16])
    quarter = _cpu_seconds(text[: len(text) // 4])
    if quarter >= 7 * max(sixteenth, 0.02):
        # once more before judging: a quadratic reader is slow every time, a busy machine is not
        # (CI once saw 0.19 s and 1.35 s for a pair that costs 0.24 s and 0.73 s alone)
        sixteenth = min(sixteenth, _cpu_seconds(text[: len(text) // 16]))
        quarter = min(quarter, _cpu_seconds(text[: len(text) // 4]))
    # Then four times the text costs about four times as much
    assert quarter < 7 * max(sixteenth, 0.02), (text[:30], sixteenth, quarter)


def test_200_kb_of_hostile_v2_patterns_is_analysed_in_linear_time() -> None:
    # Given 200 KB made of every hostile pattern in turn (each pattern beside the others, as
    # patterns meet in real notes), and a quarter of it
    share = 200_000 // len(HOSTILE)
    mixed = "\n".join(text[:share] for text in HOSTILE)
    quarter = _cpu_seconds(mixed[: len(mixed) // 4])
    # When the whole is analysed
    full = _cpu_seconds(mixed)
    # Then it costs about four times the quarter, and well under a Lambda's patience
    assert full < 7 * max(quarter, 0.05), (quarter, full)
    assert full < 30.0


def test_a_hazard_line_that_names_its_kind_is_labelled_once_in_the_report() -> None:
    # Given a safety list whose lines start with the hazard's kind, as notes often do
    from chalicelib.analysis import check_findings
    from chalicelib.report import Report, render_markdown

    findings = analyze_text(
        "Kitchen fire 14/09/2025, kitchen soot on the ceiling.\nSAFETY\n"
        "- Electrical: the receptacle behind the range is melted; breakers taped off.\n"
    )
    (hazard,) = findings.safety_hazards
    # Then the finding and the report say "Electrical:" once, not "Electrical: Electrical:"
    assert hazard.description.startswith("Electrical: the receptacle")
    report = Report(
        workflow_id="wf-1",
        title="Fire",
        generated_at="2025-09-15T00:00:00Z",
        findings=findings,
        qa=check_findings(findings),
    )
    assert "Electrical: Electrical" not in render_markdown(report)
    assert "Electrical: the receptacle" in render_markdown(report)


def test_an_emails_cause_is_quoted_from_its_body_not_its_subject_line() -> None:
    # Given a homeowner's e-mail whose subject names the overflow and whose body tells it
    findings = analyze_text(
        "From: Alana Birch\nSubject: Claim HX-2231 - bath overflow, what happened\n\n"
        "Hi Sam,\nOur daughter left the tap running and it ran over the tub for about half an hour.\n"
        "Water came through the lounge ceiling below.\n"
    )
    # Then the cause is the body's sentence, cited to its line
    assert findings.cause_of_loss == (
        "Our daughter left the tap running and it ran over the tub for about half an hour"
    )
    assert findings.cause_of_loss_evidence is not None and findings.cause_of_loss_evidence.line == 5


def test_the_cause_under_a_cause_heading_is_the_sentence_that_says_what_failed() -> None:
    # Given a report whose cause section opens with who found the water, then what failed
    findings = analyze_text(
        "2. Cause of loss\n"
        "At 7.10 am the practice manager found water across the waiting room. The 3/4 in. braided hose"
        " to the coffee machine had worn through where it rubbed the cabinet; the owner's view that it was"
        ' "just a spill" does not fit the volume.\n'
        "Waiting room carpet wet over about 12 m2.\n"
    )
    # Then the cause is the failure, quoted whole despite the unit's full stop
    assert (findings.cause_of_loss or "").startswith(
        "The 3/4 in. braided hose to the coffee machine had worn through where it rubbed the cabinet;"
    )
    assert findings.cause_of_loss_evidence is not None and findings.cause_of_loss_evidence.line == 2


def test_a_fires_ignition_and_a_story_label_name_the_cause() -> None:
    # Given a fire told in a sentence, and an adjuster's "Circumstances:" whose second sentence is the loss
    fire = analyze_text("A pot of oil left on the cooktop caught fire. Heavy soot in the kitchen and hall.\n")
    water = analyze_text(
        "Circumstances: dishwasher on an overnight cycle. The drain hose came off the spigot and emptied"
        " across the kitchen floor.\nKitchen vinyl wet.\n"
    )
    # Then each cause is the sentence that says what happened
    assert fire.cause_of_loss == "A pot of oil left on the cooktop caught fire"
    assert water.cause_of_loss == "The drain hose came off the spigot and emptied across the kitchen floor"


def test_a_story_labels_first_sentence_goes_on_into_the_loss() -> None:
    # Given "What happened:" whose first sentence names no loss and whose next goes on from it
    findings = analyze_text(
        "What happened: on Friday the guest in room 12 ran the bath and fell asleep. It overflowed for"
        ' about half an hour.\nThe manager\'s note calls it "grey water from a bath".\nCorridor carpet wet.\n'
    )
    # Then the cause is the two sentences together, not the quoted note
    assert findings.cause_of_loss == (
        "on Friday the guest in room 12 ran the bath and fell asleep. It overflowed for about half an hour"
    )


def test_a_treatment_against_mould_names_no_mould() -> None:
    # Given a washer discharge where the technician sprayed a treatment against mould
    base = "The washer drain hose came out of the standpipe and the laundry floor was wet.\n"
    treated = analyze_text(base + "He sprayed something against mould on the laundry floor.")
    grown = analyze_text(base + "Visible mould on the laundry wall behind the washer.")
    # Then the job is a water job of Category 2 with no mould hazard; mould seen is still mould
    assert treated.damage_type == DamageType.WATER
    assert treated.water_category is not None and treated.water_category.value == 2
    assert "mould" not in {hazard.kind for hazard in treated.safety_hazards}
    assert "mould" in {hazard.kind for hazard in grown.safety_hazards}
