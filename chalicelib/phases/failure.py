"""The state every Catch leads to: mark the workflow and its running step FAILED.

The state machine hands over `{"Error": <name>, "Cause": <text>}`; for a Lambda error the
Cause is the JSON `{"errorMessage", "errorType", ...}` that Lambda reported.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.errors import WorkflowStoppedError
from chalicelib.core.models import UNFINISHED_STATUSES, Workflow, WorkflowStatus, utc_now
from chalicelib.core.ports import Ports
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
        message = failure_message(code, error.get("Cause"), phase)

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


# Errors Step Functions or Lambda raise with no message a person can read.
TIMEOUT_MESSAGES = {
    "States.Timeout": "The {phase} phase did not finish within its time limit",
    "States.HeartbeatTimeout": "The {phase} phase stopped reporting progress",
    "Sandbox.Timedout": "The {phase} phase ran out of time (its Lambda timed out)",
    "ReviewTimedOut": "Nobody approved the findings within the review period; the draft report "
    "stays available, and retrying the workflow starts a new review",
}


def failure_message(code: str, cause: Any, phase: str = "workflow") -> str:
    if code in TIMEOUT_MESSAGES:
        return TIMEOUT_MESSAGES[code].format(phase=phase)
    message = ""
    if isinstance(cause, str) and cause:
        try:
            parsed = json.loads(cause)
        except ValueError:
            message = cause
        else:
            message = str(parsed.get("errorMessage") or "") if isinstance(parsed, dict) else cause
    return (message or code)[:MAX_MESSAGE_CHARS]


def qa_rejection_message(qa: dict[str, Any], attempts: int) -> str:
    errors = [i.get("message", "") for i in qa.get("issues", []) if i.get("severity") == "error"]
    plural = "attempt" if attempts == 1 else "attempts"
    text = f"QA rejected the findings after {attempts} {plural}: " + "; ".join(errors)
    return text[:MAX_MESSAGE_CHARS]
