"""QA: review the findings the way a desk adjuster would; errors send them back."""

from __future__ import annotations

from typing import Any

from chalicelib.analysis import ANALYZER_NAME, Findings, analyze_text, check_findings
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.models import OrchestratorPhase, Workflow, iso, utc_now
from chalicelib.core.ports import Ports
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase


def handle(ports: Ports, event: dict[str, Any]) -> dict[str, Any]:
    return run_phase(ports, OrchestratorPhase.QA, event, review)


def review(ports: Ports, workflow: Workflow, state: ExecutionState) -> PhaseResult:
    blobs = ports.blobs
    findings = Findings.model_validate(
        blobs.get_json(work_key(workflow.user_id, workflow.id, WorkFile.FINDINGS))
    )
    # The rules engine checks the AI: when another analyzer produced the findings, the offline
    # analyzer recomputes category, class, GPP and equipment and every disagreement is flagged.
    reference = None
    if findings.analyzer != ANALYZER_NAME:
        reference = analyze_text(blobs.get_text(work_key(workflow.user_id, workflow.id, WorkFile.TEXT)))
    result = check_findings(findings, reference=reference)
    result = result.model_copy(update={"checked_at": iso(utc_now())})
    blobs.put_json(work_key(workflow.user_id, workflow.id, WorkFile.QA), result.model_dump(mode="json"))
    severities = [issue.severity for issue in result.issues]
    # `qaPassed` is what the state machine's Choice reads.
    return PhaseResult(
        outcome={
            "qaPassed": result.passed,
            "errors": severities.count("error"),
            "warnings": severities.count("warning"),
        }
    )
