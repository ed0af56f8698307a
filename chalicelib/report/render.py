"""Renderers: the report as camelCase JSON and as an insurer-style Markdown document.

Every fact in the Markdown names the line of the notes it came from, and all user text is escaped
so that a `|` or a newline in a room name cannot break a table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
from chalicelib.analysis.qa import QaIssue, QaResult, Severity


class Report(CamelModel):
    workflow_id: str
    title: str
    generated_at: str
    findings: Findings
    qa: QaResult


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2)


def render_markdown(report: Report) -> str:
    findings = report.findings
    sections = [
        _heading(report),
        _summary(findings, report.qa),
        _areas_section(findings.affected_areas),
        _readings_section(findings.moisture_readings),
        _qa_section(report.qa),
        _undetermined_section(findings.undetermined),
        _sources_section(findings),
    ]
    return "\n\n".join(sections) + "\n"


# --- text helpers ------------------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Characters Markdown would read as syntax; `|` also ends a table cell.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&])")
_NOT_DETERMINED = "Not determined"
_NONE = "\u2014"

_DAMAGE_TYPE_LABELS = {
    DamageType.WATER: "Water",
    DamageType.FIRE_SMOKE: "Fire / smoke",
    DamageType.MOULD: "Mould",
    DamageType.OTHER: "Other",
}
_FIELD_LABELS: dict[str, str] = {
    FindingField.DAMAGE_TYPE: "Damage type",
    FindingField.CAUSE_OF_LOSS: "Cause of loss",
    FindingField.AFFECTED_AREAS: "Affected areas",
    FindingField.MOISTURE_READINGS: "Moisture readings",
}
_SEVERITY_LABELS: dict[Severity, str] = {"error": "Error", "warning": "Warning", "info": "Info"}
_SEVERITY_NOUNS: dict[Severity, tuple[str, str]] = {
    "error": ("error", "errors"),
    "warning": ("warning", "warnings"),
    "info": ("info", "info"),
}
_UNIT_LABELS = {"%": "% (scale not stated)"}


def _one_line(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


def _inline(text: str) -> str:
    """User text made safe for one line of Markdown, including a table cell."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(text))


def _code(text: str) -> str:
    # A code span shows identifiers as written; only a backtick inside could end it early.
    return f"`{_one_line(text).replace('`', '')}`"


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _count(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def _where(span: SourceSpan) -> str:
    return f"p. {span.page}, line {span.line}" if span.page is not None else f"line {span.line}"


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    header_cells = list(headers)
    lines = ["| " + " | ".join(header_cells) + " |", "|" + " --- |" * len(header_cells)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


# --- sections ----------------------------------------------------------------------------------


def _heading(report: Report) -> str:
    return (
        f"# {_inline(report.title) or 'Inspection report'}\n\n"
        f"**Workflow:** {_inline(report.workflow_id)}  \n"
        f"**Generated:** {_inline(report.generated_at)}"
    )


def _with_source(value: str, span: SourceSpan | None) -> str:
    return f"{value} ({_where(span)})" if span is not None else value


def _summary(findings: Findings, qa: QaResult) -> str:
    damage_type = _DAMAGE_TYPE_LABELS[findings.damage_type] if findings.damage_type else _NOT_DETERMINED
    cause = _inline(findings.cause_of_loss) if findings.cause_of_loss else _NOT_DETERMINED
    return "## Summary\n\n" + _bullets(
        [
            f"**Damage type:** {_with_source(damage_type, findings.damage_type_evidence)}",
            f"**Cause of loss:** {_with_source(cause, findings.cause_of_loss_evidence)}",
            f"**Affected areas:** {len(findings.affected_areas)}",
            f"**Moisture readings:** {len(findings.moisture_readings)}",
            f"**QA:** {_qa_verdict(qa)}",
            f"**Analyzer:** {_inline(findings.analyzer)} {_inline(findings.analyzer_version)}",
        ]
    )


def _dimensions(area: AffectedArea) -> str:
    if area.length_ft is None or area.width_ft is None:
        return _NONE
    measured = " (measured in m)" if area.original_unit is LengthUnit.METRES else ""
    return f"{_number(area.length_ft)} \u00d7 {_number(area.width_ft)} ft{measured}"


def _area_row(area: AffectedArea) -> list[str]:
    floor_area = f"{_number(area.floor_area_sqft)} sq ft" if area.floor_area_sqft is not None else _NONE
    materials = ", ".join(_inline(material) for material in area.materials) or _NONE
    return [_inline(area.room), _dimensions(area), floor_area, materials, _where(area.source)]


def _areas_section(areas: list[AffectedArea]) -> str:
    if not areas:
        return "## Affected areas\n\nNo affected areas were identified in the notes."
    table = _table(["Room", "Dimensions", "Floor area", "Materials", "Source"], map(_area_row, areas))
    return "## Affected areas\n\n" + table


def _reading_row(reading: MoistureReading) -> list[str]:
    unit = _UNIT_LABELS.get(reading.unit, reading.unit)
    return [
        _inline(reading.location),
        _inline(reading.material) if reading.material else _NONE,
        f"{_number(reading.value)} {_inline(unit)}",
        _where(reading.source),
    ]


def _readings_section(readings: list[MoistureReading]) -> str:
    if not readings:
        return "## Moisture readings\n\nNo moisture readings were recorded in the notes."
    table = _table(["Location", "Material", "Reading", "Source"], map(_reading_row, readings))
    return "## Moisture readings\n\n" + table


def _qa_verdict(qa: QaResult) -> str:
    severities = [issue.severity for issue in qa.issues]
    counts = ", ".join(
        _count(severities.count(severity), *nouns) for severity, nouns in _SEVERITY_NOUNS.items()
    )
    return f"{'passed' if qa.passed else 'not passed'} ({counts})"


def _qa_item(issue: QaIssue) -> str:
    label = _SEVERITY_LABELS[issue.severity]
    return f"**{label}** {_code(issue.code)} ({_code(issue.field)}): {_inline(issue.message)}"


def _qa_section(qa: QaResult) -> str:
    checked = f"Checked {_inline(qa.checked_at)}; " if qa.checked_at else ""
    body = _bullets(map(_qa_item, qa.issues)) if qa.issues else "No issues found."
    return f"## QA findings\n\n{checked}QA {_qa_verdict(qa)}.\n\n{body}"


def _undetermined_section(undetermined: list[str]) -> str:
    if not undetermined:
        return "## Not determined\n\nEvery field was determined from the notes."
    labels = (_FIELD_LABELS.get(name) or _inline(name) for name in undetermined)
    intro = "The notes did not establish these; they were left blank rather than guessed."
    return f"## Not determined\n\n{intro}\n\n{_bullets(labels)}"


def _cited_spans(findings: Findings) -> Iterable[tuple[str, SourceSpan]]:
    if findings.damage_type_evidence is not None:
        yield "damage type", findings.damage_type_evidence
    if findings.cause_of_loss_evidence is not None:
        yield "cause of loss", findings.cause_of_loss_evidence
    for area in findings.affected_areas:
        yield f"area {area.room}", area.source
    for reading in findings.moisture_readings:
        yield "moisture reading", reading.source


def _sources_section(findings: Findings) -> str:
    cited: dict[tuple[int, int], tuple[SourceSpan, list[str]]] = {}
    for fact, span in _cited_spans(findings):
        _, facts = cited.setdefault((span.page or 0, span.line), (span, []))
        if fact not in facts:
            facts.append(fact)
    if not cited:
        return "## Sources\n\nNo line of the notes was cited."
    items = (
        f"{_where(span).capitalize()} ({_inline('; '.join(facts))}): \u201c{_inline(span.text)}\u201d"
        for _, (span, facts) in sorted(cited.items())
    )
    return "## Sources\n\n" + _bullets(items)
