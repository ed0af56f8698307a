"""OUTPUT: render the report in every format and attach it to the workflow."""

from __future__ import annotations

from typing import Any

from chalicelib.analysis import Findings, QaResult
from chalicelib.blobs import report_key, work_key
from chalicelib.models import OrchestratorPhase, Workflow, iso, utc_now
from chalicelib.phases.processing import FINDINGS_FILE
from chalicelib.phases.qa import QA_FILE
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
from chalicelib.report import Report, render_json, render_markdown
from chalicelib.services import get_blobs

RENDERERS = {
    "json": (render_json, "application/json"),
    "md": (render_markdown, "text/markdown; charset=utf-8"),
}


def handle(event: dict[str, Any]) -> dict[str, Any]:
    return run_phase(OrchestratorPhase.OUTPUT, event, render_reports)


def render_reports(workflow: Workflow, state: ExecutionState) -> PhaseResult:
    blobs = get_blobs()
    findings = Findings.model_validate(blobs.get_json(work_key(workflow.user_id, workflow.id, FINDINGS_FILE)))
    qa_result = QaResult.model_validate(blobs.get_json(work_key(workflow.user_id, workflow.id, QA_FILE)))
    report = Report(
        workflow_id=workflow.id,
        title=workflow.title,
        generated_at=iso(utc_now()),
        findings=findings,
        qa=qa_result,
    )
    keys = {}
    for extension, (render, content_type) in RENDERERS.items():
        keys[extension] = report_key(workflow.user_id, workflow.id, extension)
        blobs.put_text(keys[extension], render(report), content_type)
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
