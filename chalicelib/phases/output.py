"""OUTPUT: render the report's cheap formats (JSON, Markdown, CSV) and attach them to the
workflow; PDF and Word are rendered when first downloaded (`report.files.file_on_request`)."""

from __future__ import annotations

from typing import Any

from chalicelib.core.models import OrchestratorPhase, Workflow
from chalicelib.core.ports import Ports
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
from chalicelib.report.files import download_paths, render_report_files


def handle(ports: Ports, event: dict[str, Any]) -> dict[str, Any]:
    return run_phase(ports, OrchestratorPhase.OUTPUT, event, render_reports)


def render_reports(ports: Ports, workflow: Workflow, state: ExecutionState) -> PhaseResult:
    rendered = render_report_files(ports, workflow)
    findings, qa_result, keys = rendered.findings, rendered.qa, rendered.keys
    return PhaseResult(
        outcome={"formats": sorted(keys)},
        output_data={
            "reports": download_paths(keys),  # rendered now
            "onRequest": list(rendered.on_request),  # rendered when first downloaded, then kept
            "damageType": findings.damage_type,
            "affectedAreas": len(findings.affected_areas),
            "moistureReadings": len(findings.moisture_readings),
            "qa": {"passed": qa_result.passed, "issues": len(qa_result.issues)},
            # (left out when unknown: the record keeps no nulls, and the event must match it)
            **({"claimNumber": findings.job.claim_number.value} if findings.job.claim_number else {}),
        },
    )
