"""OUTPUT: render the report in every format and attach it to the workflow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chalicelib.analysis import Findings, QaResult
from chalicelib.core.documents import WorkFile, report_key, work_key
from chalicelib.core.models import REPORT_CONTENT_TYPES, OrchestratorPhase, Workflow, iso, utc_now
from chalicelib.core.ports import Ports
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
from chalicelib.report import Report, render_docx, render_json, render_markdown, render_pdf

RENDERERS: dict[str, Callable[[Report], str | bytes]] = {
    "json": render_json,
    "md": render_markdown,
    "docx": render_docx,
    "pdf": render_pdf,
}


def handle(ports: Ports, event: dict[str, Any]) -> dict[str, Any]:
    return run_phase(ports, OrchestratorPhase.OUTPUT, event, render_reports)


def render_reports(ports: Ports, workflow: Workflow, state: ExecutionState) -> PhaseResult:
    findings, qa_result, keys = render_report_files(ports, workflow, draft=False)
    return PhaseResult(
        outcome={"formats": sorted(keys)},
        output_data={
            "reports": keys,
            "damageType": findings.damage_type,
            "affectedAreas": len(findings.affected_areas),
            "moistureReadings": len(findings.moisture_readings),
            "qa": {"passed": qa_result.passed, "issues": len(qa_result.issues)},
        },
    )


def render_report_files(
    ports: Ports, workflow: Workflow, *, draft: bool
) -> tuple[Findings, QaResult, dict[str, str]]:
    """The report in every format, stored: the final one, or the DRAFT a reviewer reads (marked
    DRAFT on every page, QA's issues first). Returns what it was made from and the keys."""
    blobs = ports.blobs
    findings = Findings.model_validate(
        blobs.get_json(work_key(workflow.user_id, workflow.id, WorkFile.FINDINGS))
    )
    qa_result = QaResult.model_validate(blobs.get_json(work_key(workflow.user_id, workflow.id, WorkFile.QA)))
    report = Report(
        workflow_id=workflow.id,
        title=workflow.title,
        generated_at=iso(utc_now()),
        findings=findings,
        qa=qa_result,
        draft=draft,
        review=workflow.review,
    )
    keys = {}
    for extension, render in RENDERERS.items():
        keys[extension] = report_key(workflow.user_id, workflow.id, extension, draft=draft)
        rendered = render(report)
        data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
        blobs.put_bytes(keys[extension], data, REPORT_CONTENT_TYPES[extension])
    return findings, qa_result, keys
