"""QA reviews findings the way a desk adjuster would: errors block, warnings and info inform."""

from __future__ import annotations

from chalicelib.analysis import (
    AffectedArea,
    DamageType,
    Findings,
    MoistureReading,
    QaResult,
    SourceSpan,
    analyze_text,
    check_findings,
)

from .test_offline_analyzer import BURST_SUPPLY_LINE, KITCHEN_FIRE, NOTHING_DETERMINABLE

SPAN = SourceSpan(line=1, text="Kitchen 12 x 14 ft, carpet wet")


def _codes(result: QaResult) -> list[tuple[str, str, str]]:
    return [(issue.code, issue.severity, issue.field) for issue in result.issues]


def _findings(**fields: object) -> Findings:
    return Findings.model_validate({"analyzerVersion": "test", **fields})


def test_complete_water_findings_pass_without_issues() -> None:
    # Given the findings of a fully documented burst supply line
    findings = analyze_text(BURST_SUPPLY_LINE)
    # When QA checks them
    result = check_findings(findings)
    # Then they pass with nothing to report
    assert result.passed is True
    assert result.issues == []
    assert result.checked_at is None


def test_nothing_determinable_fails_on_type_and_areas() -> None:
    # Given findings from notes with no inspection content
    findings = analyze_text(NOTHING_DETERMINABLE)
    # When QA checks them
    result = check_findings(findings)
    # Then the missing type and areas are errors, the missing cause a warning, and QA fails
    assert result.passed is False
    assert _codes(result) == [
        ("DAMAGE_TYPE_MISSING", "error", "damageType"),
        ("AFFECTED_AREAS_MISSING", "error", "affectedAreas"),
        ("CAUSE_OF_LOSS_MISSING", "warning", "causeOfLoss"),
    ]


def test_fire_without_readings_passes_with_info_for_an_unmeasured_room() -> None:
    # Given fire findings: no moisture readings, the dining room not measured
    findings = analyze_text(KITCHEN_FIRE)
    # When QA checks them
    result = check_findings(findings)
    # Then readings are not asked of a fire loss, and the unmeasured room is only info
    assert result.passed is True
    assert _codes(result) == [("AREA_DIMENSIONS_MISSING", "info", "affectedAreas[1]")]
    assert "Dining room" in result.issues[0].message


def test_water_loss_without_readings_is_a_warning_not_an_error() -> None:
    # Given a measured water loss with a cause but no readings
    findings = _findings(
        damage_type=DamageType.WATER,
        cause_of_loss="burst pipe",
        affected_areas=[
            AffectedArea(room="Kitchen", length_ft=12, width_ft=14, floor_area_sqft=168, source=SPAN)
        ],
    )
    # When QA checks them
    result = check_findings(findings)
    # Then it passes with a warning about the missing readings
    assert result.passed is True
    assert _codes(result) == [("MOISTURE_READINGS_MISSING", "warning", "moistureReadings")]


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
    # Then nothing is reported
    assert result.issues == []


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
    }
    assert QaResult.model_validate(data) == result
