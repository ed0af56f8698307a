"""The state every Catch leads to: mark the workflow and its running step FAILED.

The state machine hands over `{"Error": <name>, "Cause": <text>}`; for a Lambda error the
Cause is the JSON `{"errorMessage", "errorType", ...}` that Lambda reported.
"""

from __future__ import annotations

import contextlib
from typing import Any

from chalicelib.core.control import REVIEW_TIMED_OUT
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.errors import WorkflowStoppedError
from chalicelib.core.models import UNFINISHED_STATUSES, Workflow, WorkflowStatus, utc_now
from chalicelib.core.ports import Ports
from chalicelib.logs import logger
from chalicelib.phases.runner import ExecutionState

# Executions started before review existed still end this way (QA rejected every attempt).
QA_REJECTED = "QaRejected"
MAX_MESSAGE_CHARS = 2000


def record_failure(ports: Ports, event: dict[str, Any]) -> dict[str, Any]:
    state = ExecutionState.model_validate(event)
    error = event.get("error") or {}
    code = str(error.get("Error") or "Unknown")
    output_data: dict[str, Any] | None = None
    if code == QA_REJECTED:
        qa = ports.blobs.get_json(work_key(state.user_id, state.workflow_id, WorkFile.QA))
        message = qa_rejection_message(qa, state.attempt)
        output_data = {"qa": qa}
    else:
        current = ports.workflows.get(state.workflow_id)
        phase = current.current_phase.value if current else "workflow"
        if code not in USER_FACING:
            # Ours to fix, not the user's: the type and text go to the logs only (they may name
            # tables, keys or ARNs); the user gets a code, what to do, and a reference
            logger.error(
                "A phase failed unexpectedly",
                extra={"errorType": code, "cause": str(error.get("Cause") or "")[:MAX_MESSAGE_CHARS]},
            )
        code, message = user_facing_failure(code, phase, reference=state.workflow_id)

    store = ports.workflows
    now = utc_now()

    def to_failed(workflow: Workflow) -> None:
        # A cancel that came first wins; FAILED never overwrites CANCELLED or COMPLETED.
        if workflow.status not in UNFINISHED_STATUSES:
            raise WorkflowStoppedError(f"Workflow is already {workflow.status.value}")
        workflow.status = WorkflowStatus.FAILED
        workflow.error_code = code
        workflow.error_message = message
        workflow.completed_at = now
        workflow.task_token = None
        if output_data is not None:
            workflow.output_data = output_data

    # The running step fails with its workflow, in one write: whoever sees one sees both.
    with contextlib.suppress(WorkflowStoppedError):
        store.update(state.workflow_id, to_failed, steps=store.failing_running_steps(message))
    return {**state.model_dump(mode="json"), "errorCode": code, "errorMessage": message}


# The failures the state machine reports by name that a person can act on: (code, message).
USER_FACING: dict[str, tuple[str, str]] = {
    "States.Timeout": (
        "PHASE_TIMED_OUT",
        "The {phase} phase did not finish within its time limit. Retry the workflow; a very long "
        "inspection may need splitting.",
    ),
    "Sandbox.Timedout": (
        "PHASE_TIMED_OUT",
        "The {phase} phase ran out of time. Retry the workflow; a very long inspection may need splitting.",
    ),
    "States.HeartbeatTimeout": (
        "PHASE_STALLED",
        "The {phase} phase stopped reporting progress. Retry the workflow.",
    ),
    "TransientError": (
        "SERVICE_BUSY",
        "A service the {phase} phase needs stayed busy through every retry. Retry the workflow in a "
        "few minutes.",
    ),
    "Throttled": (
        "SERVICE_BUSY",
        "A service the {phase} phase needs stayed busy through every retry. Retry the workflow in a "
        "few minutes.",
    ),
    "ScanPendingError": (
        "SCAN_PENDING",
        "The malware scan of the upload did not finish in time. Retry the workflow in a few minutes.",
    ),
    REVIEW_TIMED_OUT: (
        REVIEW_TIMED_OUT,
        "Nobody approved the findings within the review period; the draft report stays available, "
        "and retrying the workflow starts a new review",
    ),
}
INTERNAL_ERROR = "INTERNAL_ERROR"


def user_facing_failure(code: str, phase: str = "workflow", *, reference: str) -> tuple[str, str]:
    """The code and message a user sees for a failure the state machine reported as `code`."""
    if code in USER_FACING:
        public, message = USER_FACING[code]
        return public, message.format(phase=phase)
    return INTERNAL_ERROR, (
        f"The {phase} phase failed unexpectedly. Retry the workflow; if it fails again, contact "
        f"support with the reference {reference}."
    )


def qa_rejection_message(qa: dict[str, Any], attempts: int) -> str:
    errors = [i.get("message", "") for i in qa.get("issues", []) if i.get("severity") == "error"]
    plural = "attempt" if attempts == 1 else "attempts"
    text = f"QA rejected the findings after {attempts} {plural}: " + "; ".join(errors)
    return text[:MAX_MESSAGE_CHARS]
