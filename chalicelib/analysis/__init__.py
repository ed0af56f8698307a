"""Analysis: inspection notes in, findings with their sources out, and the QA over them."""

from __future__ import annotations

from chalicelib.analysis.findings import (
    AffectedArea,
    AtmosphericReading,
    CamelModel,
    Classification,
    DamageType,
    DateFact,
    EquipmentItem,
    EquipmentKind,
    FindingField,
    Findings,
    HazardKind,
    JobInfo,
    LengthUnit,
    MoistureReading,
    SafetyHazard,
    ScopeItem,
    SourceSpan,
    StandardRef,
    TextFact,
)
from chalicelib.analysis.offline import ANALYZER_NAME, ANALYZER_VERSION, analyze_text, classify_water_source
from chalicelib.analysis.qa import QaIssue, QaResult, Severity, check_findings
from chalicelib.analysis.standards import Standards, load_standards, read_standards

__all__ = [
    "ANALYZER_NAME",
    "ANALYZER_VERSION",
    "AffectedArea",
    "AtmosphericReading",
    "CamelModel",
    "Classification",
    "DamageType",
    "DateFact",
    "EquipmentItem",
    "EquipmentKind",
    "FindingField",
    "Findings",
    "HazardKind",
    "JobInfo",
    "LengthUnit",
    "MoistureReading",
    "QaIssue",
    "QaResult",
    "SafetyHazard",
    "ScopeItem",
    "Severity",
    "SourceSpan",
    "StandardRef",
    "Standards",
    "TextFact",
    "analyze_text",
    "check_findings",
    "classify_water_source",
    "load_standards",
    "read_standards",
]
