"""QA: the checks a desk adjuster makes before paying, run over the findings.

Each rule is a small function from findings to issues; `RULES` is the list QA runs, in report
order. An error means the report cannot go out as it is; warnings and info are shown, not blocking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from chalicelib.analysis.findings import CamelModel, DamageType, FindingField, Findings

# A Literal rather than an enum: callers and the state machine compare plain strings.
Severity = Literal["error", "warning", "info"]


class QaIssue(CamelModel):
    code: str
    severity: Severity
    field: str  # camelCase path into the findings, e.g. "affectedAreas[0]"
    message: str


class QaResult(CamelModel):
    passed: bool
    issues: list[QaIssue]
    checked_at: str | None = None  # set by the QA phase; check_findings stays deterministic


Rule = Callable[[Findings], Iterable[QaIssue]]


def damage_type_required(findings: Findings) -> Iterable[QaIssue]:
    if findings.damage_type is None:
        yield QaIssue(
            code="DAMAGE_TYPE_MISSING",
            severity="error",
            field=FindingField.DAMAGE_TYPE,
            message="The notes do not say what kind of loss this is (water, fire/smoke, mould).",
        )


def affected_area_required(findings: Findings) -> Iterable[QaIssue]:
    if not findings.affected_areas:
        yield QaIssue(
            code="AFFECTED_AREAS_MISSING",
            severity="error",
            field=FindingField.AFFECTED_AREAS,
            message="No affected room or area was found; an insurer needs to know where the damage is.",
        )


def cause_of_loss_expected(findings: Findings) -> Iterable[QaIssue]:
    if findings.cause_of_loss is None:
        yield QaIssue(
            code="CAUSE_OF_LOSS_MISSING",
            severity="warning",
            field=FindingField.CAUSE_OF_LOSS,
            message="The cause of loss is not stated; claims are commonly queried without it.",
        )


def water_loss_readings_expected(findings: Findings) -> Iterable[QaIssue]:
    if findings.damage_type is DamageType.WATER and not findings.moisture_readings:
        yield QaIssue(
            code="MOISTURE_READINGS_MISSING",
            severity="warning",
            field=FindingField.MOISTURE_READINGS,
            message="A water loss without moisture readings: drying cannot be shown against a dry standard.",
        )


def area_dimensions_expected(findings: Findings) -> Iterable[QaIssue]:
    for index, area in enumerate(findings.affected_areas):
        if area.length_ft is None and area.floor_area_sqft is None:
            yield QaIssue(
                code="AREA_DIMENSIONS_MISSING",
                severity="info",
                field=f"{FindingField.AFFECTED_AREAS}[{index}]",
                message=f"{area.room}: no dimensions or floor area, so quantities cannot be checked.",
            )


RULES: tuple[Rule, ...] = (
    damage_type_required,
    affected_area_required,
    cause_of_loss_expected,
    water_loss_readings_expected,
    area_dimensions_expected,
)


def check_findings(findings: Findings) -> QaResult:
    issues = [issue for rule in RULES for issue in rule(findings)]
    return QaResult(passed=not any(issue.severity == "error" for issue in issues), issues=issues)
