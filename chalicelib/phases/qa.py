"""QA: review the findings the way a desk adjuster would. Errors send them back for another
analysis only when it could give another answer; otherwise, or when review was asked for, a
person reviews them (`core/review.py` decides, the state machine follows)."""

from __future__ import annotations

from typing import Any

from chalicelib import observability
from chalicelib.analysis import ANALYZER_NAME, Findings, analyze_text, check_findings
from chalicelib.core import photos, templates
from chalicelib.core.documents import WorkFile, qa_attempt_key, work_key
from chalicelib.core.models import OrchestratorPhase, Workflow, iso, utc_now
from chalicelib.core.ports import NotFound, Ports
from chalicelib.core.review import qa_errors, verdict_after_qa
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
from chalicelib.settings import get_settings


def handle(ports: Ports, event: dict[str, Any]) -> dict[str, Any]:
    return run_phase(ports, OrchestratorPhase.QA, event, review)


def review(ports: Ports, workflow: Workflow, state: ExecutionState) -> PhaseResult:
    blobs = ports.blobs
    findings = Findings.model_validate(
        blobs.get_json(work_key(workflow.user_id, workflow.id, WorkFile.FINDINGS))
    )
    # The rules engine checks the AI: when another analyzer produced the findings, the offline
    # analyzer recomputes category, class, GPP and equipment and every disagreement is flagged.
    reference = _reference(ports, workflow) if findings.analyzer != ANALYZER_NAME else None
    # The workflow's own template version: its required fields and rule settings.
    template = templates.qa_settings(ports, workflow)
    result = check_findings(
        findings, reference=reference, photos=photos.evidence(ports, workflow.id), template=template
    )
    result = result.model_copy(update={"checked_at": iso(utc_now())})
    qa_key = work_key(workflow.user_id, workflow.id, WorkFile.QA)
    previous = (
        _previous_errors(ports, qa_attempt_key(workflow.user_id, workflow.id, state.attempt - 1))
        if state.attempt > 1
        else None
    )
    document = result.model_dump(mode="json")
    errors = [issue["code"] for issue in qa_errors(document)]
    verdict = verdict_after_qa(
        passed=result.passed,
        review_requested=workflow.review_required,
        deterministic=findings.analyzer == ANALYZER_NAME,
        attempt=state.attempt,
        errors=errors,
        previous_errors=previous,
    )
    if verdict.retry:
        # Only the next attempt reads this copy (to see whether its errors changed): an attempt
        # with none to follow saves the S3 PUT, which is a fifth of a plain workflow's S3 bill.
        blobs.put_json(qa_attempt_key(workflow.user_id, workflow.id, state.attempt), document)
    blobs.put_json(qa_key, document)
    observability.qa_outcome(passed=verdict.passed, retry=verdict.retry, review=verdict.review)
    severities = [issue.severity for issue in result.issues]
    # `qaPassed`, `retry` and `reviewRequired` are what the state machine's Choice reads.
    return PhaseResult(
        outcome={
            "qaPassed": verdict.passed,
            "retry": verdict.retry,
            "reviewRequired": verdict.review,
            "errors": severities.count("error"),
            "warnings": severities.count("warning"),
            # How long the review state waits (its TimeoutSecondsPath), from the configuration.
            "reviewTimeoutSeconds": get_settings().review_timeout_seconds,
        },
        qa_failures=sorted(set(errors)),
    )


def _reference(ports: Ports, workflow: Workflow) -> Findings:
    """The offline analyzer's findings of this input: made once, kept for every later attempt
    (it is deterministic: analysing the same text again could only repeat them)."""
    key = work_key(workflow.user_id, workflow.id, WorkFile.REFERENCE)
    try:
        return Findings.model_validate(ports.blobs.get_json(key))
    except NotFound:
        text = ports.blobs.get_text(work_key(workflow.user_id, workflow.id, WorkFile.TEXT))
        # (the same reference day PROCESSING read it with)
        reference = analyze_text(text, received=workflow.received_on)
        ports.blobs.put_json(key, reference.model_dump(mode="json", by_alias=True))
        return reference


def _previous_errors(ports: Ports, key: str) -> list[str] | None:
    """The error codes the attempt before this one got."""
    try:
        return [issue["code"] for issue in qa_errors(ports.blobs.get_json(key))]
    except NotFound:
        return None
