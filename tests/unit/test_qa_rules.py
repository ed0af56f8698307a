"""QA reviews findings the way a desk adjuster would: errors block, warnings and info inform."""

from __future__ import annotations

from datetime import date

from chalicelib.analysis import (
    AffectedArea,
    DamageType,
    Findings,
    MoistureReading,
    QaResult,
    SourceSpan,
    analyze_text,
    check_findings,
    load_standards,
)
from chalicelib.analysis.standards import MonitoringConfig

from .test_offline_analyzer import BURST_SUPPLY_LINE, KITCHEN_FIRE, NOTHING_DETERMINABLE

SPAN = SourceSpan(line=1, text="Kitchen 12 x 14 ft, carpet wet")
JOB_FIELDS = ("job.claimNumber", "job.insured", "job.address", "job.dateOfLoss", "job.inspectionDate")


def _codes(result: QaResult) -> list[tuple[str, str, str]]:
    return [(issue.code, issue.severity, issue.field) for issue in result.issues]


def _findings(**fields: object) -> Findings:
    return Findings.model_validate({"analyzerVersion": "test", **fields})


def test_complete_water_findings_pass_with_only_documentation_warnings() -> None:
    # Given the findings of a burst supply line documented but for its claim facts and equipment
    findings = analyze_text(BURST_SUPPLY_LINE)
    # When QA checks them
    result = check_findings(findings)
    # Then they pass; v2 says what an adjuster would still ask for (v1 had no such rules)
    assert result.passed is True
    assert _codes(result) == [
        ("JOB_INFO_MISSING", "warning", "job.claimNumber"),
        ("JOB_INFO_MISSING", "warning", "job.insured"),
        ("JOB_INFO_MISSING", "warning", "job.dateOfLoss"),
        ("DRY_STANDARD_MISSING", "warning", "moistureReadings[1]"),
        ("DRY_STANDARD_MISSING", "warning", "moistureReadings[2]"),
        ("DRY_STANDARD_MISSING", "warning", "moistureReadings[3]"),
    ]
    assert result.checked_at is None


def test_nothing_determinable_fails_on_type_and_areas() -> None:
    # Given findings from notes with no inspection content
    findings = analyze_text(NOTHING_DETERMINABLE)
    # When QA checks them
    result = check_findings(findings)
    # Then the missing type and areas are errors, the missing cause and job facts warnings, and QA fails
    assert result.passed is False
    assert _codes(result) == [
        ("DAMAGE_TYPE_MISSING", "error", "damageType"),
        ("AFFECTED_AREAS_MISSING", "error", "affectedAreas"),
        ("CAUSE_OF_LOSS_MISSING", "warning", "causeOfLoss"),
        *(("JOB_INFO_MISSING", "warning", field) for field in JOB_FIELDS),
    ]


def test_fire_without_readings_passes_with_info_for_an_unmeasured_room() -> None:
    # Given fire findings: no moisture readings, the dining room not measured
    findings = analyze_text(KITCHEN_FIRE)
    # When QA checks them
    result = check_findings(findings)
    # Then readings are not asked of a fire loss, and the unmeasured room is only info
    assert result.passed is True
    area_issues = [issue for issue in result.issues if issue.code == "AREA_DIMENSIONS_MISSING"]
    assert [(issue.severity, issue.field) for issue in area_issues] == [("info", "affectedAreas[1]")]
    assert "Dining room" in area_issues[0].message
    assert {issue.code for issue in result.issues} == {"AREA_DIMENSIONS_MISSING", "JOB_INFO_MISSING"}


def test_water_loss_without_readings_is_a_warning_not_an_error() -> None:
    # Given a measured water loss with a cause but no readings (and no v2 facts at all)
    findings = _findings(
        damage_type=DamageType.WATER,
        cause_of_loss="burst pipe",
        affected_areas=[
            AffectedArea(room="Kitchen", length_ft=12, width_ft=14, floor_area_sqft=168, source=SPAN)
        ],
    )
    # When QA checks them
    result = check_findings(findings)
    # Then it passes, with a warning about the missing readings among the documentation warnings
    assert result.passed is True
    assert ("MOISTURE_READINGS_MISSING", "warning", "moistureReadings") in _codes(result)
    assert {issue.severity for issue in result.issues} == {"warning"}


def test_a_stated_floor_area_counts_as_dimensions() -> None:
    # Given a room with only its floor area, and a reading
    findings = _findings(
        damage_type=DamageType.MOULD,
        cause_of_loss="roof leak",
        affected_areas=[AffectedArea(room="Study", floor_area_sqft=96.0, source=SPAN)],
        moisture_readings=[MoistureReading(location="Study", value=20, unit="%MC", source=SPAN)],
    )
    # When QA checks them
    result = check_findings(findings)
    # Then the room is not reported as unmeasured (only the job facts and dry standard are asked for)
    assert "AREA_DIMENSIONS_MISSING" not in {issue.code for issue in result.issues}
    assert result.passed is True


def test_qa_result_serialises_camel_case() -> None:
    # Given a failing QA result
    result = check_findings(_findings())
    # When it is dumped as JSON data
    data = result.model_dump(mode="json")
    # Then keys and severities are as the state machine and the API read them
    assert set(data) == {"passed", "issues", "checkedAt"}
    assert data["issues"][0] == {
        "code": "DAMAGE_TYPE_MISSING",
        "severity": "error",
        "field": "damageType",
        "message": data["issues"][0]["message"],
        "standard": {"standard": "IICRC S500", "edition": "2021", "country": "US", "section": None},
    }
    assert QaResult.model_validate(data) == result


# --- v2 rules ----------------------------------------------------------------------------------

CLEAN_WATER = """\
Claim: CLM-1001
Insured: Ana Silva
Address: 12 Smith St, Springfield NSW 2000
Date of loss: 10/03/2024
Inspected: 11/03/2024
Cause: flexi hose to the kitchen sink burst. Category 1, clean supply.
Kitchen 4 x 3 m, 2.4 m ceiling. Vinyl wet approx 6 m2. Plasterboard wicking 200 mm.
Class 2.
Dry std: bedroom 1 (unaffected) plasterboard 12 WME, vinyl 10 WME
Day 1 - 11/03/2024
Kitchen plasterboard 40 WME, vinyl 38 WME
Outside 20C 60% RH, kitchen 24C 70% RH
Set 2 AM + 1 LGR dehu
Day 2 - 12/03/2024
Kitchen plasterboard 15 WME (dry), vinyl 13 WME (dry)
"""


def _clean() -> Findings:
    return analyze_text(CLEAN_WATER)


def _only(result: QaResult) -> set[str]:
    return {issue.code for issue in result.issues}


def _with(findings: Findings, **updates: object) -> Findings:
    return findings.model_copy(update=updates)


def _reading(findings: Findings, index: int, **updates: object) -> Findings:
    readings = list(findings.moisture_readings)
    readings[index] = readings[index].model_copy(update=updates)
    return _with(findings, moisture_readings=readings)


def test_a_fully_documented_water_loss_has_no_issue() -> None:
    # Given a water loss with job facts, category/class reasons, dated readings, air and equipment
    # When QA checks it
    result = check_findings(_clean())
    # Then there is nothing to report
    assert result.passed is True
    assert result.issues == []


def test_a_source_someone_proposed_and_the_sentence_answers_no_is_not_held_against_category_1() -> None:
    # Given Category 1 judged from a sentence that reports a neighbour's "grey water" the technician
    # refused (not stated: a stated category is checked against the writer's own source only)
    findings = _clean()
    assert findings.water_category is not None
    category = findings.water_category.model_copy(update={"value": 1, "stated": None})
    findings = _with(
        findings,
        cause_of_loss="The kids left the tap on and the bath ran over for half an hour",
        water_category=category,
    )
    assert findings.water_category is not None
    findings.water_category.evidence[0].text = (
        'My brother-in-law reckons it is "grey water" from the tub, but the technician said no - '
        "it was clean tap water, so Category 1."
    )
    # When QA checks it
    result = check_findings(findings)
    # Then nothing is raised on the category against the cause
    assert "CATEGORY_INCONSISTENT_WITH_CAUSE" not in [issue.code for issue in result.issues]
    # ...while the same opinion without the answer still is
    findings.water_category.evidence[
        0
    ].text = 'The plumber said it is "grey water" from the tub drain, Category 1.'
    assert "CATEGORY_INCONSISTENT_WITH_CAUSE" in [issue.code for issue in check_findings(findings).issues]


def test_sewage_under_category_3_is_an_error_naming_s500() -> None:
    # Given a sewage backup called Category 1
    findings = _clean()
    assert findings.water_category is not None
    category = findings.water_category.model_copy(update={"value": 1})
    findings = _with(
        findings, cause_of_loss="sewage backed up through the floor drain", water_category=category
    )
    # When QA checks it
    result = check_findings(findings)
    # Then it fails on the category, the issue citing IICRC S500-2021
    assert result.passed is False
    (issue,) = result.issues
    assert (issue.code, issue.severity, issue.field) == (
        "CATEGORY_INCONSISTENT_WITH_CAUSE",
        "error",
        "waterCategory",
    )
    assert issue.standard is not None and (issue.standard.standard, issue.standard.edition) == (
        "IICRC S500",
        "2021",
    )


def test_a_category_above_its_source_without_a_reason_is_info() -> None:
    # Given a supply-line loss called Category 3 with no word on what degraded it
    findings = _clean()
    assert findings.water_category is not None
    category = findings.water_category.model_copy(update={"value": 3, "justification": "Tech call."})
    # When QA checks it
    result = check_findings(_with(findings, water_category=category))
    # Then it passes with an info asking why
    assert result.passed is True
    assert _codes(result) == [("CATEGORY_ABOVE_SOURCE", "info", "waterCategory")]


def test_a_classification_without_justification_or_evidence() -> None:
    # Given a category with neither reason nor cited line, and a class without a reason
    findings = _clean()
    assert findings.water_category is not None and findings.water_class is not None
    findings = _with(
        findings,
        water_category=findings.water_category.model_copy(update={"justification": " ", "evidence": []}),
        water_class=findings.water_class.model_copy(update={"justification": ""}),
    )
    # When QA checks it
    result = check_findings(findings)
    # Then the category's gaps are errors, the class's a warning
    assert _codes(result) == [
        ("CATEGORY_JUSTIFICATION_MISSING", "error", "waterCategory.justification"),
        ("CATEGORY_EVIDENCE_MISSING", "error", "waterCategory.evidence"),
        ("CLASS_JUSTIFICATION_MISSING", "warning", "waterClass.justification"),
    ]


def test_a_class_below_what_the_wet_areas_prove() -> None:
    # Given Class 1 for a room whose wet floor alone is over 20 % of its surface
    findings = _clean()
    assert findings.water_class is not None
    # When QA checks it
    result = check_findings(_with(findings, water_class=findings.water_class.model_copy(update={"value": 1})))
    # Then it is a warning naming the least class
    (issue,) = result.issues
    assert (issue.code, issue.severity) == ("CLASS_BELOW_WET_SHARE", "warning")
    assert "at least Class 2" in issue.message


def test_a_reading_marked_dry_above_its_goal_is_an_error() -> None:
    # Given a reading called dry at 30 WME against a goal of 16
    findings = _reading(_clean(), 4, value=30.0)
    # When QA checks it
    result = check_findings(findings)
    # Then QA fails on that reading
    assert result.passed is False
    assert _codes(result) == [("READING_ABOVE_GOAL_MARKED_DRY", "error", "moistureReadings[4]")]


def test_a_material_without_a_dry_standard() -> None:
    # Given readings of a material no unaffected area was read for
    findings = _clean()
    readings = [
        reading.model_copy(update={"dry_standard": None, "drying_goal": None})
        if reading.material == "vinyl"
        else reading
        for reading in findings.moisture_readings
    ]
    # When QA checks it
    result = check_findings(_with(findings, moisture_readings=readings))
    # Then one warning names the material
    (issue,) = result.issues
    assert (issue.code, issue.field) == ("DRY_STANDARD_MISSING", "moistureReadings[3]")
    assert "vinyl" in issue.message


def test_no_first_day_readings_is_an_error() -> None:
    # Given readings that start two days after the inspection
    findings = _clean()
    readings = [
        reading.model_copy(update={"taken_on": date(2024, 3, 13)}) if not reading.is_reference else reading
        for reading in findings.moisture_readings
    ]
    # When QA checks it
    result = check_findings(_with(findings, moisture_readings=readings))
    # Then QA fails for the missing intake readings
    assert result.passed is False
    assert _codes(result) == [("INTAKE_READINGS_MISSING", "error", "moistureReadings")]


def test_undated_readings_are_a_warning() -> None:
    # Given readings that carry no date
    findings = _clean()
    readings = [reading.model_copy(update={"taken_on": None}) for reading in findings.moisture_readings]
    # When QA checks it
    result = check_findings(_with(findings, moisture_readings=readings))
    # Then first-day and daily readings cannot be shown: a warning
    assert _codes(result) == [("READINGS_UNDATED", "warning", "moistureReadings")]


def test_dates_out_of_order() -> None:
    # Given a date of loss after the inspection, a reading before the loss, and a series going back
    findings = _clean()
    assert findings.job.date_of_loss is not None
    job = findings.job.model_copy(
        update={"date_of_loss": findings.job.date_of_loss.model_copy(update={"value": date(2024, 3, 12)})}
    )
    findings = _reading(_with(findings, job=job), 4, taken_on=date(2024, 3, 11))
    findings = _reading(findings, 2, taken_on=date(2024, 3, 12))
    # When QA checks it
    result = check_findings(findings)
    # Then each is reported: the loss date and early readings as errors, the series as a warning
    assert _codes(result) == [
        ("DATE_OF_LOSS_AFTER_INSPECTION", "error", "job.dateOfLoss"),
        ("READING_BEFORE_LOSS", "error", "moistureReadings[3]"),
        ("READING_DATES_OUT_OF_ORDER", "warning", "moistureReadings[4]"),
    ]


def test_a_gap_between_visits() -> None:
    # Given the second visit four days after the first
    findings = _clean()
    readings = [
        reading.model_copy(update={"taken_on": date(2024, 3, 15)}) if index >= 4 else reading
        for index, reading in enumerate(findings.moisture_readings)
    ]
    # When QA checks it
    result = check_findings(_with(findings, moisture_readings=readings))
    # Then the gap is a warning (S500: monitored daily)
    (issue,) = result.issues
    assert (issue.code, issue.severity) == ("VISIT_GAP", "warning")
    assert "4 days" in issue.message and issue.standard is not None


def test_equipment_without_readings_is_an_error() -> None:
    # Given air movers and a dehumidifier placed with no moisture readings
    findings = _with(_clean(), moisture_readings=[])
    # When QA checks it
    result = check_findings(findings)
    # Then QA fails: equipment days are not paid without readings
    assert result.passed is False
    assert ("EQUIPMENT_WITHOUT_READINGS", "error", "equipment[0]") in _codes(result)


def test_equipment_off_the_formula() -> None:
    # Given 6 air movers where the S500 ranges allow 2-3 for the wet areas
    findings = _clean()
    movers = findings.equipment[0].model_copy(update={"stated_quantity": 6})
    # When QA checks it
    result = check_findings(_with(findings, equipment=[movers, *findings.equipment[1:]]))
    # Then a warning says what the calculation gives
    (issue,) = result.issues
    assert (issue.code, issue.field) == ("EQUIPMENT_OFF_FORMULA", "equipment[0].statedQuantity")
    assert "gives 2-3" in issue.message


def test_equipment_placed_with_nothing_to_calculate_it_from() -> None:
    # Given air movers placed in rooms whose wet floor is not known
    findings = _clean()
    areas = [area.model_copy(update={"wet_floor_sqft": None}) for area in findings.affected_areas]
    movers = findings.equipment[0].model_copy(
        update={"inputs": {}, "calculation": "Not calculated: no wet floor."}
    )
    # When QA checks it
    result = check_findings(
        _with(findings, affected_areas=areas, equipment=[movers, *findings.equipment[1:]])
    )
    # Then a warning says the count cannot be checked
    assert ("EQUIPMENT_CALCULATION_MISSING", "warning", "equipment[0]") in _codes(result)


def test_gpp_that_does_not_match_temperature_and_rh() -> None:
    # Given a GPP far from what 75 F / 70 % RH gives (about 92)
    findings = _clean()
    air = [
        findings.atmospheric_readings[0],
        findings.atmospheric_readings[1].model_copy(update={"gpp": 60.0}),
    ]
    # When QA checks it
    result = check_findings(_with(findings, atmospheric_readings=air))
    # Then a psychrometric warning
    assert _codes(result) == [("ATMOSPHERIC_GPP_INCONSISTENT", "warning", "atmosphericReadings[1].gpp")]


def test_claims_without_a_source_line() -> None:
    # Given a loss type and equipment placed that cite no line
    findings = _clean()
    movers = findings.equipment[0].model_copy(update={"source": None})
    # When QA checks it
    result = check_findings(
        _with(findings, damage_type_evidence=None, equipment=[movers, *findings.equipment[1:]])
    )
    # Then each is a warning
    assert _codes(result) == [
        ("SOURCE_MISSING", "warning", "damageTypeEvidence"),
        ("SOURCE_MISSING", "warning", "equipment[0].source"),
    ]


def test_a_mould_loss_without_a_condition() -> None:
    # Given a mould loss with no S520 condition
    findings = _findings(
        damage_type=DamageType.MOULD,
        cause_of_loss="shower leak",
        affected_areas=[AffectedArea(room="Study", floor_area_sqft=96.0, source=SPAN)],
    )
    # When QA checks it
    result = check_findings(findings)
    # Then it is asked for, citing IICRC S520
    (issue,) = [issue for issue in result.issues if issue.code == "MOULD_CONDITION_MISSING"]
    assert issue.standard is not None and issue.standard.standard == "IICRC S520"


def test_rules_read_their_factors_from_the_configured_standards() -> None:
    # Given standards allowing visits every 5 days
    standards = load_standards()
    relaxed = standards.model_copy(update={"monitoring": MonitoringConfig(max_days_between_visits=5)})
    findings = _clean()
    readings = [
        reading.model_copy(update={"taken_on": date(2024, 3, 15)}) if index >= 4 else reading
        for index, reading in enumerate(findings.moisture_readings)
    ]
    findings = _with(findings, moisture_readings=readings)
    # When QA checks a four-day gap with the default and with the relaxed standards
    # Then only the default flags it
    assert "VISIT_GAP" in _only(check_findings(findings))
    assert "VISIT_GAP" not in _only(check_findings(findings, standards=relaxed))


# --- the cross-check against the offline analyzer's own findings ------------------------------


def test_agreeing_findings_add_no_issue() -> None:
    # Given another analyzer's findings identical to the rules' own
    reference = _clean()
    claude = reference.model_copy(update={"analyzer": "claude"})
    # When QA checks them against the reference
    result = check_findings(claude, reference=reference)
    # Then there is nothing to report
    assert result.issues == []


def test_every_disagreement_with_the_reference_is_flagged() -> None:
    # Given findings that disagree with the rules on category, class, a GPP and equipment
    reference = _clean()
    assert reference.water_category is not None and reference.water_class is not None
    air = list(reference.atmospheric_readings)
    air[0] = air[0].model_copy(update={"gpp": (air[0].gpp or 0) + 10})
    movers = reference.equipment[0].model_copy(update={"quantity": 5})
    claude = reference.model_copy(
        update={
            "analyzer": "claude",
            "water_category": reference.water_category.model_copy(update={"value": 2}),
            "water_class": reference.water_class.model_copy(update={"value": 3}),
            "atmospheric_readings": air,
            "equipment": [movers, *reference.equipment[1:]],
        }
    )
    # When QA checks them against the reference
    result = check_findings(claude, reference=reference)
    # Then each disagreement is an issue; the category one is an error, so QA fails
    crosscheck = [code for code in _codes(result) if code[0].startswith("CROSSCHECK_")]
    assert crosscheck == [
        ("CROSSCHECK_CATEGORY", "error", "waterCategory"),
        ("CROSSCHECK_CLASS", "warning", "waterClass"),
        ("CROSSCHECK_GPP", "warning", "atmosphericReadings[0].gpp"),
        ("CROSSCHECK_EQUIPMENT", "warning", "equipment[0].quantity"),
    ]
    assert result.passed is False


def test_a_value_only_one_side_determined_is_flagged_too() -> None:
    # Given findings without a class where the rules read one, and a category the rules could not
    reference = _clean()
    claude = reference.model_copy(update={"water_class": None})
    no_category = reference.model_copy(update={"water_category": None})
    # When QA checks both ways
    missing = check_findings(claude, reference=reference)
    unconfirmed = check_findings(reference, reference=no_category)
    # Then the missing class is a warning and the unconfirmed category info
    assert ("CROSSCHECK_CLASS", "warning", "waterClass") in _codes(missing)
    assert ("CROSSCHECK_CATEGORY", "info", "waterCategory") in _codes(unconfirmed)


def test_a_stated_category_is_not_held_against_a_quoted_opinion_the_writer_overrules() -> None:
    # Given the notes' own Category 1 beside a work order's quoted "grey water"
    findings = _clean()
    assert findings.water_category is not None
    category = findings.water_category.model_copy(update={"value": 1, "stated": 1})
    findings = _with(
        findings, cause_of_loss="The bath was left running and overflowed", water_category=category
    )
    assert findings.water_category is not None
    findings.water_category.evidence[
        0
    ].text = 'The work order says "Category 2 - grey water from a bath". We are treating it as Category 1.'
    # Then QA raises nothing on the category against the cause
    assert "CATEGORY_INCONSISTENT_WITH_CAUSE" not in [issue.code for issue in check_findings(findings).issues]
    # ...while a judged (not stated) Category 1 is still checked against the quoted source
    judged = findings.water_category.model_copy(update={"stated": None})
    unstated = _with(findings, water_category=judged)
    assert "CATEGORY_INCONSISTENT_WITH_CAUSE" in [issue.code for issue in check_findings(unstated).issues]


def test_two_rows_of_one_room_and_material_are_two_series_not_dates_out_of_order() -> None:
    # Given two points of one room and material, each read on two visits on its own row of a log
    findings = _clean()
    first, *_ = findings.moisture_readings
    rows = [
        first.model_copy(
            update={
                "value": value,
                "taken_on": date(2024, 3, day),
                "source": SourceSpan(line=line, text="row"),
                "is_reference": False,
            }
        )
        for line, value, day in ((30, 40, 13), (30, 22, 14), (31, 35, 13), (31, 19, 14))
    ]
    readings = [*findings.moisture_readings, *rows]
    # When QA checks it
    result = check_findings(_with(findings, moisture_readings=readings))
    # Then the second row's first visit is not "dated before" the first row's last
    assert "READING_DATES_OUT_OF_ORDER" not in [code for code, _, _ in _codes(result)]
    # But the same rows with one visit day swapped are flagged
    swapped = [
        *findings.moisture_readings,
        *rows[:3],
        rows[3].model_copy(update={"taken_on": date(2024, 3, 12)}),
    ]
    flagged = check_findings(_with(findings, moisture_readings=swapped))
    assert "READING_DATES_OUT_OF_ORDER" in [code for code, _, _ in _codes(flagged)]
