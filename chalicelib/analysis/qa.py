"""QA: the checks a desk adjuster makes before paying, run over the findings.

Each rule is a small function from the findings (and the configured standards) to issues; `RULES`
is the list QA runs, in report order. An error means the report cannot go out as it is; warnings
and info are shown, not blocking. Every issue has a stable code, the camelCase path of the field it
is about, and the standard and edition the rule comes from (None for a carrier's documentation
practice that no standard states).

`check_findings(findings, reference)`: when `reference` is given (the offline analyzer's own
findings for the same text, while `findings` came from another analyzer), every disagreement on
category, class, GPP and equipment quantities is flagged too; what the rules could not read is
their blind spot and is not held against the findings. That is how the pipeline checks AI output
against the rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import pairwise

from chalicelib.analysis.crosscheck import cross_check
from chalicelib.analysis.findings import (
    Classification,
    DamageType,
    EquipmentItem,
    EquipmentKind,
    FindingField,
    Findings,
    MoistureReading,
)
from chalicelib.analysis.offline import classify_water_source
from chalicelib.analysis.photo_rules import PhotoEvidence, photo_issues
from chalicelib.analysis.psychrometrics import gpp_from_fahrenheit
from chalicelib.analysis.qa_issues import LABELS, QaIssue, QaResult, Severity, issue
from chalicelib.analysis.qa_template import QaTemplate, apply_rules, required_field_issues, with_thresholds
from chalicelib.analysis.reading_series import point_series
from chalicelib.analysis.source_notes import source_issues
from chalicelib.analysis.standards import (
    ReferenceKey,
    Standards,
    air_mover_calculation,
    class_for_share,
    drying_goal,
    least_wet_share,
    load_standards,
    on_a_points_scale,
)

__all__ = ["QaIssue", "QaResult", "Severity", "check_findings"]

Rule = Callable[[Findings, Standards], Iterable[QaIssue]]
_DRYING_EQUIPMENT = (EquipmentKind.AIR_MOVER, EquipmentKind.DEHUMIDIFIER)
# Words that explain a category above its source: time, temperature, contamination on the way.
_DEGRADED = ("stood", "standing", "degrad", "hours", " h ", "days", "contamina", "odour", "odor", "microbial")


def _is_water(findings: Findings) -> bool:
    return findings.damage_type is DamageType.WATER


def _measured(findings: Findings) -> list[tuple[int, MoistureReading]]:
    """The readings of affected materials (not the dry-standard references), with their index."""
    return [
        (index, reading)
        for index, reading in enumerate(findings.moisture_readings)
        if not reading.is_reference
    ]


# --- required fields ---------------------------------------------------------------------------


def damage_type_required(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    if findings.damage_type is None:
        yield issue(
            standards,
            "documentation",
            "DAMAGE_TYPE_MISSING",
            "error",
            FindingField.DAMAGE_TYPE,
            "The notes do not say what kind of loss this is (water, fire/smoke, mould).",
        )


def affected_area_required(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    if not findings.affected_areas:
        yield issue(
            standards,
            "documentation",
            "AFFECTED_AREAS_MISSING",
            "error",
            FindingField.AFFECTED_AREAS,
            "No affected room or area was found; an insurer needs to know where the damage is.",
        )


def cause_of_loss_expected(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    if findings.cause_of_loss is None:
        yield issue(
            standards,
            "documentation",
            "CAUSE_OF_LOSS_MISSING",
            "warning",
            FindingField.CAUSE_OF_LOSS,
            "The cause of loss is not stated; claims are commonly queried without it.",
        )


_JOB_FIELDS = (
    (FindingField.CLAIM_NUMBER, "claim_number", "claim number"),
    (FindingField.INSURED, "insured", "insured's name"),
    (FindingField.ADDRESS, "address", "property address"),
    (FindingField.DATE_OF_LOSS, "date_of_loss", "date of loss"),
    (FindingField.INSPECTION_DATE, "inspection_date", "inspection date"),
)


def job_info_expected(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    for name, attribute, label in _JOB_FIELDS:
        if getattr(findings.job, attribute) is None:
            yield issue(
                standards,
                "documentation",
                "JOB_INFO_MISSING",
                "warning",
                name,
                f"The {label} is not in the notes; the report's cover cannot be completed without it.",
            )


def water_loss_readings_expected(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    if _is_water(findings) and not findings.moisture_readings:
        yield issue(
            standards,
            "monitoring",
            "MOISTURE_READINGS_MISSING",
            "warning",
            FindingField.MOISTURE_READINGS,
            "A water loss without moisture readings: drying cannot be shown against a dry standard.",
        )


def atmospheric_readings_expected(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    if _is_water(findings) and not findings.atmospheric_readings:
        yield issue(
            standards,
            "psychrometrics",
            "ATMOSPHERIC_READINGS_MISSING",
            "warning",
            "atmosphericReadings",
            "No temperature/RH readings: the drying conditions (GPP, dew point) cannot be shown.",
        )


def area_dimensions_expected(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    # A water loss needs them for class and equipment; elsewhere they only support quantities.
    severity: Severity = "warning" if _is_water(findings) else "info"
    for index, area in enumerate(findings.affected_areas):
        if area.length_ft is None and area.floor_area_sqft is None:
            yield issue(
                standards,
                "documentation",
                "AREA_DIMENSIONS_MISSING",
                severity,
                f"{FindingField.AFFECTED_AREAS}[{index}]",
                f"{area.room}: no dimensions or floor area, so quantities cannot be checked.",
            )


def sources_expected(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    """Every claim in the report must rest on a line of the notes."""
    if findings.damage_type is not None and findings.damage_type_evidence is None:
        yield _source_missing(standards, "damageTypeEvidence", "The loss type")
    if findings.cause_of_loss is not None and findings.cause_of_loss_evidence is None:
        yield _source_missing(standards, "causeOfLossEvidence", "The cause of loss")
    for index, item in enumerate(findings.equipment):
        if item.stated_quantity is not None and item.source is None:
            yield _source_missing(standards, f"equipment[{index}].source", f"The {item.kind.value} placed")


def _source_missing(standards: Standards, field: str, what: str) -> QaIssue:
    return issue(
        standards,
        "documentation",
        "SOURCE_MISSING",
        "warning",
        field,
        f"{what} cites no line of the notes; an adjuster cannot check it.",
    )


# --- category, class, condition ----------------------------------------------------------------


def category_expected(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    if _is_water(findings) and findings.water_category is None:
        yield issue(
            standards,
            "water_category",
            "CATEGORY_MISSING",
            "warning",
            FindingField.WATER_CATEGORY,
            "No IICRC S500 water category: contamination (and so scope and PPE) is not established.",
        )


def category_consistent_with_cause(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    category = findings.water_category
    if category is None:
        return
    texts = [findings.cause_of_loss or "", *(span.text for span in category.evidence)]
    # The work order says "Category 2 - grey water"; we are treating it as Category 1': a category
    # the notes state is checked against the writer's own source, not the opinion it overrules.
    stated = category.stated is not None and category.stated == category.value
    source = classify_water_source(" | ".join(texts), own_only=stated)
    if source is None:
        return
    implied, reason = source
    if category.value < implied:
        yield issue(
            standards,
            "water_category",
            "CATEGORY_INCONSISTENT_WITH_CAUSE",
            "error",
            FindingField.WATER_CATEGORY,
            f"Category {category.value} is given, but the source ({reason}) is at least Category {implied}.",
        )
    elif category.value > implied and not any(word in category.justification.lower() for word in _DEGRADED):
        yield issue(
            standards,
            "water_category",
            "CATEGORY_ABOVE_SOURCE",
            "info",
            FindingField.WATER_CATEGORY,
            f"Category {category.value} is above what the source ({reason}) implies (Category {implied});"
            " say what degraded it (time, temperature, contamination on the way).",
        )


def classifications_justified(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    checks: tuple[tuple[str, str, Classification | None, ReferenceKey, Severity], ...] = (
        ("CATEGORY", FindingField.WATER_CATEGORY, findings.water_category, "water_category", "error"),
        ("CLASS", FindingField.WATER_CLASS, findings.water_class, "water_class", "warning"),
        ("MOULD_CONDITION", "mouldCondition", findings.mould_condition, "mould_condition", "warning"),
    )
    for prefix, field, graded, rule, severity in checks:
        if graded is None:
            continue
        if not graded.justification.strip():
            yield issue(
                standards,
                rule,
                f"{prefix}_JUSTIFICATION_MISSING",
                severity,
                f"{field}.justification",
                f"{prefix.replace('_', ' ').capitalize()} {graded.value} is given without saying why;"
                " desk review cuts an unexplained classification.",
            )
        if not graded.evidence:
            yield issue(
                standards,
                rule,
                f"{prefix}_EVIDENCE_MISSING",
                severity,
                f"{field}.evidence",
                f"{prefix.replace('_', ' ').capitalize()} {graded.value} cites no line of the notes.",
            )


def class_expected(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    if _is_water(findings) and findings.water_class is None:
        yield issue(
            standards,
            "water_class",
            "CLASS_MISSING",
            "warning",
            FindingField.WATER_CLASS,
            "No IICRC S500 water class: the evaporation load, and so the equipment, is not established.",
        )


def class_consistent_with_areas(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    water_class = findings.water_class
    if water_class is None or water_class.value == 4:
        return
    share = least_wet_share(findings.affected_areas, standards)
    if share is None or share.total <= 0:
        return
    least = class_for_share(share.wet_low / share.total, standards)
    if water_class.value < least:
        yield issue(
            standards,
            "water_class",
            "CLASS_BELOW_WET_SHARE",
            "warning",
            FindingField.WATER_CLASS,
            f"Class {water_class.value} is given, but the wet floor, wall and ceiling areas alone are"
            f" {100 * share.wet_low / share.total:.0f} % of the surface: at least Class {least}.",
        )


def mould_condition_expected(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    if findings.damage_type is DamageType.MOULD and findings.mould_condition is None:
        yield issue(
            standards,
            "mould_condition",
            "MOULD_CONDITION_MISSING",
            "warning",
            "mouldCondition",
            "No IICRC S520 condition (1-3) for a mould loss: the remediation scope cannot be judged.",
        )


# --- readings ----------------------------------------------------------------------------------


def _goal_of(reading: MoistureReading, standards: Standards) -> float | None:
    if reading.drying_goal is not None:
        return reading.drying_goal
    if reading.dry_standard is None or not on_a_points_scale(reading.dry_standard):
        return None
    return drying_goal(reading.dry_standard, standards, reading.material)


def dry_readings_at_goal(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    for index, reading in _measured(findings):
        goal = _goal_of(reading, standards)
        if reading.is_dry and goal is not None and reading.value > goal:
            yield issue(
                standards,
                "drying_goal",
                "READING_ABOVE_GOAL_MARKED_DRY",
                "error",
                f"{FindingField.MOISTURE_READINGS}[{index}]",
                f"{reading.location} {reading.material or ''} {reading.value:g} {reading.unit} is marked dry"
                f" but is above its drying goal of {goal:g}.",
            )


def dry_standard_per_material(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    groups: dict[tuple[str, str], list[tuple[int, MoistureReading]]] = defaultdict(list)
    for index, reading in _measured(findings):
        groups[((reading.material or "").lower(), reading.unit)].append((index, reading))
    for (material, unit), readings in groups.items():
        if all(_goal_of(reading, standards) is None for _, reading in readings):
            yield issue(
                standards,
                "drying_goal",
                "DRY_STANDARD_MISSING",
                "warning",
                f"{FindingField.MOISTURE_READINGS}[{readings[0][0]}]",
                f"No dry standard for {material or 'an unnamed material'} ({unit}): without a reading of"
                " the same material in an unaffected area, drying to goal cannot be shown.",
            )


def intake_readings_expected(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    measured = [reading for _, reading in _measured(findings)]
    if not measured:
        return
    undated = [reading for reading in measured if reading.taken_on is None]
    if undated:
        yield issue(
            standards,
            "monitoring",
            "READINGS_UNDATED",
            "warning",
            FindingField.MOISTURE_READINGS,
            f"{len(undated)} reading(s) carry no date: first-day and daily readings cannot be shown.",
        )
    dates = [reading.taken_on for reading in measured if reading.taken_on is not None]
    inspection = findings.job.inspection_date
    if dates and inspection is not None and min(dates) > inspection.value:
        yield issue(
            standards,
            "monitoring",
            "INTAKE_READINGS_MISSING",
            "error",
            FindingField.MOISTURE_READINGS,
            f"No readings on the first day ({inspection.value.isoformat()}); the first are from"
            f" {min(dates).isoformat()}. Carriers cut drying days without intake readings.",
        )


def dates_in_order(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    loss, inspection = findings.job.date_of_loss, findings.job.inspection_date
    if loss is not None and inspection is not None and loss.value > inspection.value:
        yield issue(
            standards,
            "documentation",
            "DATE_OF_LOSS_AFTER_INSPECTION",
            "error",
            FindingField.DATE_OF_LOSS,
            f"The date of loss ({loss.value.isoformat()}) is after the inspection"
            f" ({inspection.value.isoformat()}).",
        )
    if loss is not None:
        early = [(index, r) for index, r in _measured(findings) if r.taken_on and r.taken_on < loss.value]
        if early:
            yield issue(
                standards,
                "documentation",
                "READING_BEFORE_LOSS",
                "error",
                f"{FindingField.MOISTURE_READINGS}[{early[0][0]}]",
                f"{len(early)} reading(s) are dated before the date of loss ({loss.value.isoformat()}).",
            )
    yield from _series_out_of_order(findings, standards)


def _series_out_of_order(findings: Findings, standards: Standards) -> Iterator[QaIssue]:
    """The same point read again must not go back in time ("Day 3 - 06/03" after "Day 2 - 07/03")."""
    measured = _measured(findings)
    readings = [reading for _, reading in measured]
    points = point_series(readings, lambda r: (r.location.lower(), (r.material or "").lower(), r.unit))
    for point in points:
        previous: date | None = None
        for position in point:
            index, reading = measured[position]
            if reading.taken_on is None:
                continue
            if previous is not None and reading.taken_on < previous:
                yield issue(
                    standards,
                    "monitoring",
                    "READING_DATES_OUT_OF_ORDER",
                    "warning",
                    f"{FindingField.MOISTURE_READINGS}[{index}]",
                    f"{reading.location} {reading.material or ''} is dated {reading.taken_on.isoformat()}"
                    f" after a reading of {previous.isoformat()}: a visit date is probably wrong.",
                )
                break
            previous = max(reading.taken_on, previous) if previous else reading.taken_on


def visits_daily(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    days = sorted({reading.taken_on for _, reading in _measured(findings) if reading.taken_on is not None})
    allowed = standards.monitoring.max_days_between_visits
    for earlier, later in pairwise(days):
        gap = (later - earlier).days
        if gap > allowed:
            yield issue(
                standards,
                "monitoring",
                "VISIT_GAP",
                "warning",
                FindingField.MOISTURE_READINGS,
                f"No readings between {earlier.isoformat()} and {later.isoformat()} ({gap} days): drying is"
                " monitored daily until the dry standard is reached.",
            )


# --- equipment and air -------------------------------------------------------------------------


def _placed(findings: Findings) -> list[tuple[int, EquipmentItem]]:
    return [
        (index, item)
        for index, item in enumerate(findings.equipment)
        if item.kind in _DRYING_EQUIPMENT and (item.stated_quantity or 0) > 0
    ]


def equipment_backed_by_readings(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    placed = _placed(findings)
    if placed and not _measured(findings):
        index, item = placed[0]
        yield issue(
            standards,
            "monitoring",
            "EQUIPMENT_WITHOUT_READINGS",
            "error",
            f"{FindingField.EQUIPMENT}[{index}]",
            f"Drying equipment was placed ({item.stated_quantity} {LABELS[item.kind]}) with no moisture"
            " readings behind it; equipment days are not paid without them.",
        )


def equipment_on_formula(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    air_movers = air_mover_calculation(findings.affected_areas, standards)
    for index, item in _placed(findings):
        stated = item.stated_quantity or 0
        field = f"{FindingField.EQUIPMENT}[{index}].statedQuantity"
        if item.kind is EquipmentKind.AIR_MOVER and air_movers is not None:
            if not air_movers.least <= stated <= air_movers.most:
                yield _off_formula(
                    standards, "air_movers", field, item, f"{air_movers.least}-{air_movers.most}"
                )
        elif item.inputs and item.quantity != stated:
            rule: ReferenceKey = "air_movers" if item.kind is EquipmentKind.AIR_MOVER else "dehumidifiers"
            yield _off_formula(standards, rule, field, item, str(item.quantity))
        elif not item.inputs and not (item.kind is EquipmentKind.AIR_MOVER and air_movers is not None):
            yield issue(
                standards,
                "air_movers" if item.kind is EquipmentKind.AIR_MOVER else "dehumidifiers",
                "EQUIPMENT_CALCULATION_MISSING",
                "warning",
                f"{FindingField.EQUIPMENT}[{index}]",
                f"{stated} {LABELS[item.kind]} placed with no S500 calculation behind them:"
                f" {item.calculation.removeprefix('Not calculated: ')}",
            )


def _off_formula(
    standards: Standards, rule: ReferenceKey, field: str, item: EquipmentItem, allowed: str
) -> QaIssue:
    return issue(
        standards,
        rule,
        "EQUIPMENT_OFF_FORMULA",
        "warning",
        field,
        f"{item.stated_quantity} {LABELS[item.kind]} placed; the {standards.cite(rule)} calculation gives"
        f" {allowed}. Record why the deviation was needed, or expect the difference to be cut.",
    )


def gpp_consistent(findings: Findings, standards: Standards) -> Iterable[QaIssue]:
    tolerance = standards.atmospheric.gpp_tolerance
    for index, reading in enumerate(findings.atmospheric_readings):
        if reading.gpp is None or reading.temperature_f is None or not reading.relative_humidity:
            continue
        computed = gpp_from_fahrenheit(reading.temperature_f, reading.relative_humidity)
        if abs(computed - reading.gpp) > tolerance:
            yield issue(
                standards,
                "psychrometrics",
                "ATMOSPHERIC_GPP_INCONSISTENT",
                "warning",
                f"atmosphericReadings[{index}].gpp",
                f"{reading.location}: {reading.gpp:g} GPP does not match {reading.temperature_f:g} F and"
                f" {reading.relative_humidity:g} % RH ({computed:.0f} GPP at sea level).",
            )


RULES: tuple[Rule, ...] = (
    damage_type_required,
    affected_area_required,
    cause_of_loss_expected,
    job_info_expected,
    water_loss_readings_expected,
    atmospheric_readings_expected,
    area_dimensions_expected,
    category_expected,
    category_consistent_with_cause,
    classifications_justified,
    class_expected,
    class_consistent_with_areas,
    mould_condition_expected,
    dry_readings_at_goal,
    dry_standard_per_material,
    intake_readings_expected,
    dates_in_order,
    visits_daily,
    equipment_backed_by_readings,
    equipment_on_formula,
    gpp_consistent,
    sources_expected,
)


# --- entry point -------------------------------------------------------------------------------


def check_findings(
    findings: Findings,
    reference: Findings | None = None,
    *,
    standards: Standards | None = None,
    photos: Sequence[PhotoEvidence] | None = None,
    template: QaTemplate | None = None,
) -> QaResult:
    """Run every rule; with `reference` (the offline analyzer's findings for the same text), also
    flag every disagreement with it; with `photos` (the workflow's received photos, possibly
    none), warn where photo evidence is missing; with `template` (the report template's QA
    settings: `qa_template`), its thresholds, rules and required fields. Errors make `passed` false."""
    # Findings whose locale names no country were read and settle none: QA's messages cite the
    # edition without calling the job American, as the report does (ADR 0008).
    standards = (standards or load_standards()).for_notes(findings.locale.country)
    if template is not None:
        standards = with_thresholds(standards, template.rules.thresholds)
    issues = [issue for rule in RULES for issue in rule(findings, standards)]
    issues += source_issues(findings)  # pages of the source document left out, said in the notes
    if photos is not None:
        issues += photo_issues(findings, photos, standards)
    if reference is not None:
        issues += cross_check(findings, reference, standards)
    if template is not None:
        issues = apply_rules(issues, template.rules)
        issues += required_field_issues(findings, template, issues)
    return QaResult(passed=not any(issue.severity == "error" for issue in issues), issues=issues)
