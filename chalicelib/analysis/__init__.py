"""Analysis: inspection notes in, findings with their sources out, and the QA over them."""

from __future__ import annotations

from chalicelib.analysis.findings import (
    AffectedArea,
    CamelModel,
    DamageType,
    FindingField,
    Findings,
    LengthUnit,
    MoistureReading,
    SourceSpan,
)
from chalicelib.analysis.offline import ANALYZER_NAME, ANALYZER_VERSION, analyze_text
from chalicelib.analysis.qa import QaIssue, QaResult, Severity, check_findings

__all__ = [
    "ANALYZER_NAME",
    "ANALYZER_VERSION",
    "AffectedArea",
    "CamelModel",
    "DamageType",
    "FindingField",
    "Findings",
    "LengthUnit",
    "MoistureReading",
    "QaIssue",
    "QaResult",
    "Severity",
    "SourceSpan",
    "analyze_text",
    "check_findings",
]
