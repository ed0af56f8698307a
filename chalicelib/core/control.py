"""Workflow control: pause, resume, cancel and retry.

Pause takes effect at the next phase boundary: a phase that ends with a pause requested sends
the execution into a `waitForTaskToken` state, whose Lambda (`phases/pause.py`) stores the task
token with the workflow and marks it PAUSED; resume sends that token back. A retry starts a new
execution at the phase that failed; the phases before it keep their results.
"""

from __future__ import annotations

from chalicelib.core.errors import ConflictError
from chalicelib.core.models import (
    PHASE_ORDER,
    RUNNING_STATUSES,
    UNFINISHED_STATUSES,
    OrchestratorPhase,
    StepStatus,
    Workflow,
    WorkflowStatus,
    WorkflowStep,
    utc_now,
)
from chalicelib.core.ports import Ports

MAX_RETRIES = 3
# The error a review that nobody finished ends with (the state machine's ReviewTimedOut state).
REVIEW_TIMED_OUT = "ReviewTimedOut"


def pause_workflow(ports: Ports, workflow: Workflow) -> Workflow:
    def request_pause(current: Workflow) -> None:
        if current.status is WorkflowStatus.PAUSED:
            return  # pausing a paused workflow changes nothing
        if current.status not in RUNNING_STATUSES or current.execution_name is None:
            raise ConflictError(
                f"Only a running workflow can be paused; this one is {current.status.value}",
                code="NOT_RUNNING",
            )
        current.pause_requested = True

    return ports.workflows.update(workflow.id, request_pause)


def resume_workflow(ports: Ports, workflow: Workflow) -> Workflow:
    token: list[str] = []

    def to_running(current: Workflow) -> None:
        token.clear()
        if current.status is WorkflowStatus.PAUSED:
            if current.task_token is None:
                raise ConflictError("The paused execution cannot be found", code="NOT_PAUSED")
            token.append(current.task_token)
            now = utc_now()
            if current.paused_at is not None:
                current.paused_seconds += (now - current.paused_at).total_seconds()
            current.status = WorkflowStatus.IN_PROGRESS
            current.paused_at = None
            current.task_token = None
        elif not (current.status in RUNNING_STATUSES and current.pause_requested):
            raise ConflictError(
                f"Only a paused workflow can be resumed; this one is {current.status.value}",
                code="NOT_PAUSED",
            )
        # A pause requested but not reached yet is simply withdrawn.
        current.pause_requested = False

    updated = ports.workflows.update(workflow.id, to_running)
    if token:
        ports.engine.resume(token[0])
    return updated


def cancel_workflow(ports: Ports, workflow: Workflow) -> None:
    token: list[str] = []

    def to_cancelled(current: Workflow) -> None:
        if current.status not in UNFINISHED_STATUSES:
            raise ConflictError(f"Workflow is already {current.status.value}", code="WORKFLOW_FINISHED")
        token[:] = [current.task_token] if current.task_token else []
        current.status = WorkflowStatus.CANCELLED
        current.completed_at = utc_now()
        current.task_token = None
        current.pause_requested = False

    # The status is written first: a phase that starts after this sees CANCELLED and stops.
    store = ports.workflows
    updated = store.update(
        workflow.id, to_cancelled, steps=store.failing_running_steps("Cancelled by the user")
    )
    engine = ports.engine
    # A workflow still waiting for its upload has no execution; stop() accepts that.
    engine.stop(updated.execution_name or workflow.id, cause="Cancelled by the user")
    if token:
        engine.abandon(token[0], cause="Cancelled by the user")


def retry_workflow(ports: Ports, workflow: Workflow) -> Workflow:
    """Run a FAILED workflow again from the phase that failed, keeping earlier phases' results."""
    steps = ports.workflows.list_steps(workflow.id)
    phase, attempt = _checkpoint(workflow, steps)

    def to_retry(current: Workflow) -> None:
        if current.status is not WorkflowStatus.FAILED:
            raise ConflictError(
                f"Only a FAILED workflow can be retried; this one is {current.status.value}",
                code="NOT_FAILED",
            )
        if current.retries >= MAX_RETRIES:
            raise ConflictError(f"This workflow was retried {MAX_RETRIES} times already", code="RETRY_LIMIT")
        current.retries += 1
        current.execution_name = f"{current.id}-retry{current.retries}"
        current.status = WorkflowStatus.IN_PROGRESS
        current.current_phase = phase
        current.error_code = None
        current.error_message = None
        current.completed_at = None

    updated = ports.workflows.update(workflow.id, to_retry)
    assert updated.execution_name is not None
    ports.engine.start(
        workflow.id,
        workflow.user_id,
        execution_name=updated.execution_name,
        resume_from=phase.value,
        attempt=attempt,
    )
    return updated


def _checkpoint(workflow: Workflow, steps: list[WorkflowStep]) -> tuple[OrchestratorPhase, int]:
    """The phase to resume from, and its QA attempt: the last failed step's, or after the last
    completed one (QA that rejected the findings resumes at a fresh PROCESSING attempt)."""
    if workflow.error_code == REVIEW_TIMED_OUT:
        # The analysis and QA stand; a retry starts a new review (QA's step is not redone).
        qa = [s for s in steps if s.phase is OrchestratorPhase.QA and s.status is StepStatus.COMPLETED]
        if qa:
            return OrchestratorPhase.QA, max(qa, key=lambda s: s.step_number).attempt
    failed = [s for s in steps if s.status is StepStatus.FAILED]
    if failed:
        last = max(failed, key=lambda s: s.step_number)
        return last.phase, last.attempt
    done = [s for s in steps if s.status is StepStatus.COMPLETED]
    if not done:
        return OrchestratorPhase.INITIATION, 1
    last = max(done, key=lambda s: s.step_number)
    if last.phase is OrchestratorPhase.QA:
        return OrchestratorPhase.PROCESSING, last.attempt + 1
    following = PHASE_ORDER[min(PHASE_ORDER.index(last.phase) + 1, len(PHASE_ORDER) - 1)]
    return following, last.attempt
