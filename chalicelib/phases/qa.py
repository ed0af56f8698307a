"""QA: review the findings the way a desk adjuster would; errors send them back."""

from __future__ import annotations

from typing import Any

from chalicelib.analysis import Findings, check_findings
from chalicelib.blobs import work_key
from chalicelib.models import OrchestratorPhase, Workflow
from chalicelib.phases.processing import FINDINGS_FILE
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
from chalicelib.services import get_blobs

QA_FILE = "qa.json"


def handle(event: dict[str, Any]) -> dict[str, Any]:
    return run_phase(OrchestratorPhase.QA, event, review)


def review(workflow: Workflow, state: ExecutionState) -> PhaseResult:
    blobs = get_blobs()
    findings = Findings.model_validate(blobs.get_json(work_key(workflow.user_id, workflow.id, FINDINGS_FILE)))
    result = check_findings(findings)
    blobs.put_json(work_key(workflow.user_id, workflow.id, QA_FILE), result.model_dump(mode="json"))
    severities = [issue.severity for issue in result.issues]
    # `qaPassed` is what the state machine's Choice reads.
    return PhaseResult(
        outcome={
            "qaPassed": result.passed,
            "errors": severities.count("error"),
            "warnings": severities.count("warning"),
        }
    )
