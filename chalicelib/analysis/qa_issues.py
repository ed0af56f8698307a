"""QA's issue model, shared by the rules (qa.py) and the cross-check (crosscheck.py)."""

from __future__ import annotations

from typing import Literal

from chalicelib.analysis.findings import CamelModel, EquipmentKind, StandardRef
from chalicelib.analysis.standards import ReferenceKey, Standards

# A Literal rather than an enum: callers and the state machine compare plain strings.
Severity = Literal["error", "warning", "info"]


class QaIssue(CamelModel):
    code: str
    severity: Severity
    field: str  # camelCase path into the findings, e.g. "affectedAreas[0]"
    message: str
    standard: StandardRef | None = None  # where the rule comes from; None: carrier practice only


class QaResult(CamelModel):
    passed: bool
    issues: list[QaIssue]
    checked_at: str | None = None  # set by the QA phase; check_findings stays deterministic


LABELS = {
    EquipmentKind.AIR_MOVER: "air movers",
    EquipmentKind.DEHUMIDIFIER: "dehumidifiers",
    EquipmentKind.AIR_SCRUBBER: "air scrubbers",
    EquipmentKind.OTHER: "other equipment",
}


def issue(
    standards: Standards,
    rule: ReferenceKey | None,
    code: str,
    severity: Severity,
    field: str,
    message: str,
) -> QaIssue:
    return QaIssue(
        code=code,
        severity=severity,
        field=field,
        message=message,
        standard=standards.ref(rule) if rule else None,
    )
