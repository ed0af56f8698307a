"""What a report template asks of QA: the fields it requires, and its rule settings.

A template (`core/template_models.py`) names fields of the findings that must be there, each with
the code and message QA raises when one is missing, in the contractor's words. It may also turn
QA's own rules off, change their severity, and set a few of their thresholds. This module holds
those settings and applies them; `qa.check_findings` calls it when a template is given, and
without one QA is exactly as it was.

A required field is a camelCase path into the findings as their JSON says them: `job.claimNumber`,
`waterCategory`, `parties.adjuster`, `moistureReadings` (a list: at least one entry). A path
through a list asks the rest of it of every entry: `moistureReadings.meter` is missing for each
reading without a meter (reported as `moistureReadings[2].meter`). Paths are checked against the
findings model when a template is made (`check_path`), so a typo is refused then, not ignored.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Field, StringConstraints, field_validator

from chalicelib.analysis.findings import Findings
from chalicelib.analysis.qa_issues import QaIssue, Severity
from chalicelib.analysis.standards import Standards
from chalicelib.core.api_model import RequestModel

QA_CODE_PATTERN = r"^[A-Z][A-Z0-9_]{2,47}$"
QaCode = Annotated[str, StringConstraints(pattern=QA_CODE_PATTERN)]
FieldPath = Annotated[str, StringConstraints(pattern=r"^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*){0,5}$")]
# QA's structural errors: without a loss type or an affected area there is no report to read, so
# no template may turn them off or soften them.
PROTECTED_CODES = frozenset({"DAMAGE_TYPE_MISSING", "AFFECTED_AREAS_MISSING"})


class RequiredField(RequestModel):
    """A field of the findings the template requires, and what QA says when it is missing."""

    path: FieldPath = Field(description='camelCase path into the findings, e.g. "job.claimNumber"')
    code: QaCode = Field(description="The QA code raised when it is missing, e.g. ADJUSTER_MISSING")
    message: Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=300)] = Field(
        description="What the contractor reads: what is missing and what to add"
    )
    severity: Severity = Field(
        default="warning", description="error: the report waits for a person's review; warning, info: shown"
    )

    @field_validator("path")
    @classmethod
    def _known_path(cls, path: str) -> str:
        check_path(path)
        return path


class QaThresholds(RequestModel):
    """The thresholds a template may set for QA's own rules (unset: the configured standards)."""

    max_days_between_visits: int | None = Field(
        default=None, ge=1, le=30, description="Monitoring visits further apart than this are a warning"
    )
    gpp_tolerance: float | None = Field(
        default=None, ge=0, le=50, description="Grains per pound a stated GPP may differ from T and RH"
    )
    dry_tolerance_points: float | None = Field(
        default=None, ge=0, le=20, description="Points above the dry standard that still count as dry"
    )


class QaRules(RequestModel):
    """QA's own rules as the template wants them: some off, some at another severity."""

    off: list[QaCode] = Field(default_factory=list, max_length=100, description="Rule codes not raised")
    severity: dict[QaCode, Severity] = Field(
        default_factory=dict, description="Rule codes raised at another severity than QA's own"
    )
    thresholds: QaThresholds = Field(default_factory=QaThresholds)

    @field_validator("off")
    @classmethod
    def _not_protected(cls, codes: list[str]) -> list[str]:
        if protected := sorted(PROTECTED_CODES.intersection(codes)):
            raise ValueError(f"{', '.join(protected)} cannot be turned off")
        return codes

    @field_validator("severity")
    @classmethod
    def _not_softened(cls, severities: dict[str, Severity]) -> dict[str, Severity]:
        if softened := sorted(
            code for code, level in severities.items() if code in PROTECTED_CODES and level != "error"
        ):
            raise ValueError(f"{', '.join(softened)} stays an error")
        return severities


class QaTemplate(RequestModel):
    """What QA reads of a template."""

    required_fields: list[RequiredField] = Field(default_factory=list, max_length=100)
    rules: QaRules = Field(default_factory=QaRules)


# --- paths -------------------------------------------------------------------------------------


def _model_of(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model an annotation holds (through Optional, list and Annotated), and whether a list."""
    is_list = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
        elif origin is list:
            is_list, annotation = True, get_args(annotation)[0]
        elif origin is Literal:
            return None, is_list
        else:
            break
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, is_list
    return None, is_list


def check_path(path: str) -> None:
    """ValueError unless `path` names a field of the findings, by its camelCase name."""
    model: type[BaseModel] | None = Findings
    for part in path.split("."):
        if model is None:
            raise ValueError(f"{path}: {part} is inside a value that has no fields")
        by_alias = {info.alias or name: info for name, info in model.model_fields.items()}
        info = by_alias.get(part)
        if info is None:
            raise ValueError(f"{path}: the findings have no field {part}")
        model, _ = _model_of(info.annotation)


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})


def missing(findings: Findings, path: str) -> Iterator[str]:
    """Each place `path` is missing in the findings (indexed where it runs through a list)."""
    data = findings.model_dump(mode="json", by_alias=True)
    yield from _missing(data, path.split("."), [])


def _missing(value: Any, parts: list[str], where: list[str]) -> Iterator[str]:
    if not parts:
        if not _present(value):
            yield ".".join(where)
        return
    if isinstance(value, list):
        for index, entry in enumerate(value):
            yield from _missing(entry, parts, [*where[:-1], f"{where[-1]}[{index}]"])
        return
    child = value.get(parts[0]) if isinstance(value, dict) else None
    yield from _missing(child, parts[1:], [*where, parts[0]])


# --- applying a template -------------------------------------------------------------------------


def with_thresholds(standards: Standards, thresholds: QaThresholds) -> Standards:
    """The standards with the template's thresholds in place of the configured ones."""
    update: dict[str, Any] = {}
    if thresholds.max_days_between_visits is not None:
        update["monitoring"] = standards.monitoring.model_copy(
            update={"max_days_between_visits": thresholds.max_days_between_visits}
        )
    if thresholds.gpp_tolerance is not None:
        update["atmospheric"] = standards.atmospheric.model_copy(
            update={"gpp_tolerance": thresholds.gpp_tolerance}
        )
    if thresholds.dry_tolerance_points is not None:
        update["dry_standard"] = standards.dry_standard.model_copy(
            update={"tolerance_points": thresholds.dry_tolerance_points, "tolerance_by_material": {}}
        )
    return standards.model_copy(update=update) if update else standards


def apply_rules(issues: list[QaIssue], rules: QaRules) -> list[QaIssue]:
    """QA's issues with the template's rules off, and at the template's severities."""
    off = set(rules.off)
    kept = []
    for found in issues:
        if found.code in off:
            continue
        severity = rules.severity.get(found.code)
        kept.append(found if severity is None else found.model_copy(update={"severity": severity}))
    return kept


def required_field_issues(findings: Findings, template: QaTemplate, raised: list[QaIssue]) -> list[QaIssue]:
    """An issue, with the template's code, for each place a required field is missing, unless
    QA's own rules already raised that code for that field (a built-in template names the fields
    its standard's rules check, and the rule's message cites the standard)."""
    already = {(found.code, found.field) for found in raised}
    issues = []
    for required in template.required_fields:
        for field in missing(findings, required.path):
            if (required.code, field) in already or _covered(required.code, field, already):
                continue
            issues.append(
                QaIssue(code=required.code, severity=required.severity, field=field, message=required.message)
            )
    return issues


_INDEX = re.compile(r"\[\d+\]")


def _covered(code: str, field: str, already: set[tuple[str, str]]) -> bool:
    """A rule raised the code for the same field of any entry (`affectedAreas[0]` covers `affectedAreas`)."""
    plain = _INDEX.sub("", field)
    return any(
        code == raised_code and _INDEX.sub("", raised_field) == plain for raised_code, raised_field in already
    )
