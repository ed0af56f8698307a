"""Workflow control: pause, resume, cancel and retry.

Pause takes effect at the next phase boundary: a phase that ends with a pause requested sends
the execution into a `waitForTaskToken` state, whose Lambda (`phases/pause.py`) stores the task
token with the workflow and marks it PAUSED; resume sends that token back. A retry starts a new
execution at the phase that failed; the phases before it keep their results.
"""

from __future__ import annotations

from dataclasses import dataclass

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
from chalicelib.core.ports import NotFound, Ports, TaskGone, WorkflowRecords

MAX_RETRIES = 3
# The error a review that nobody finished ends with (the state machine's ReviewTimedOut state).
REVIEW_TIMED_OUT = "ReviewTimedOut"
# Where an execution waits on a task token that resume or approval sends back.
WAITING_STATUSES = frozenset({WorkflowStatus.PAUSED, WorkflowStatus.NEEDS_REVIEW})


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
    """Resume a paused workflow, or withdraw a pause not reached yet.

    The token goes back first and the record follows (`hand_back`): recording first would
    leave a workflow that says IN_PROGRESS while its execution still waits, if the send failed.
    """
    token: list[str] = []

    def to_resuming(current: Workflow) -> None:
        token.clear()
        if current.status is WorkflowStatus.PAUSED:
            if current.task_token is None:
                raise ConflictError("The paused execution cannot be found", code="NOT_PAUSED")
            token.append(current.task_token)
        elif not (current.status in RUNNING_STATUSES and current.pause_requested):
            raise ConflictError(
                f"Only a paused workflow can be resumed; this one is {current.status.value}",
                code="NOT_PAUSED",
            )
        # Withdrawn before the token goes: the phase the execution runs next must not pause again.
        # A pause not reached yet is simply withdrawn.
        current.pause_requested = False

    updated = ports.workflows.update(workflow.id, to_resuming)
    if not token:
        return updated
    return hand_back(ports, workflow.id, token[0], gone=PAUSE_EXPIRED)


def running_again(workflow: Workflow, token: str | None = None) -> bool:
    """Record that a waiting workflow (paused, or approved in review) runs again; True if it
    changed. Both resume and the phase the execution runs next call it, whichever is first, so
    the record never waits on a phase and a phase never waits on the record (`token`: only if
    the workflow still waits on that one)."""
    if not handed_back(workflow) or (token is not None and workflow.task_token != token):
        return False
    if workflow.status is WorkflowStatus.PAUSED:
        if workflow.paused_at is not None:
            workflow.paused_seconds += (utc_now() - workflow.paused_at).total_seconds()
        workflow.paused_at = None
    workflow.status = WorkflowStatus.IN_PROGRESS
    workflow.task_token = None
    return True


def handed_back(workflow: Workflow) -> bool:
    """Waiting, but resumed or approved: its token is on its way back (or arrived)."""
    if workflow.status not in WAITING_STATUSES or workflow.task_token is None:
        return False
    if workflow.status is WorkflowStatus.PAUSED:
        return not workflow.pause_requested  # resume withdraws the request before it sends
    return workflow.review is not None and workflow.review.approved_at is not None


@dataclass(frozen=True)
class GoneWait:
    """How a wait that can no longer be ended is settled: FAILED with a code and message for
    people (retry then goes on from where it stood)."""

    code: str  # the workflow's errorCode
    api_code: str  # the refused request's error code
    message: str


PAUSE_EXPIRED = GoneWait(
    "PauseExpired",
    "PAUSE_EXPIRED",
    "The paused workflow can no longer be resumed (its wait ended); retry it to go on",
)
# A retry after ReviewTimedOut starts a new review (`_checkpoint`): the same code, the same way on.
REVIEW_EXPIRED = GoneWait(
    REVIEW_TIMED_OUT,
    "REVIEW_EXPIRED",
    "The review period ended before the approval reached the workflow; retrying it starts a new review",
)


def hand_back(ports: Ports, workflow_id: str, token: str, *, gone: GoneWait) -> Workflow:
    """Send the waiting task's token, then record that the workflow runs again.

    Idempotent: sending a token twice is harmless on AWS (the second is refused as gone, and the
    record then already runs). Throttling is retried by the engine adapter; if it persists the
    caller sees a retryable error and the record still holds the token, so resuming again works.
    A token whose task is over (timed out, its execution stopped) settles the workflow FAILED
    with `gone` instead of leaving it waiting for ever.
    """
    store = ports.workflows
    try:
        ports.engine.resume(token)
    except TaskGone as gone_task:
        current = store.get(workflow_id)
        if current is not None and current.status is WorkflowStatus.IN_PROGRESS:
            return current  # our earlier send got through; the phase recorded it
        settled = settle_failed(store, workflow_id, gone.code, gone.message, only_token=token)
        if settled is not None:
            # Over on AWS already; tidy anyway (moto's interpreter needs the token failed too).
            ports.engine.stop(settled.execution_name or workflow_id, cause=gone.message)
            ports.engine.abandon(token, cause=gone.message)
        raise ConflictError(gone.message, code=gone.api_code) from gone_task
    current = store.get(workflow_id)
    if current is not None and (not handed_back(current) or current.task_token != token):
        return current  # the phase the execution ran next recorded it first: no write needed
    return store.update(workflow_id, lambda record: _run_again(record, token), read=current)


def _run_again(workflow: Workflow, token: str) -> None:
    running_again(workflow, token)


def settle_failed(
    store: WorkflowRecords,
    workflow_id: str,
    code: str,
    message: str,
    *,
    only_token: str | None = None,
    only_execution: str | None = None,
) -> Workflow | None:
    """Mark an unfinished workflow FAILED (retryable) with its running step; None if it was
    finished already, or no longer waits on `only_token` / runs `only_execution` (someone
    resumed, cancelled or retried it meanwhile: theirs is the newer word)."""

    def to_failed(current: Workflow) -> None:
        if current.status not in UNFINISHED_STATUSES:
            raise Unchanged
        if only_token is not None and current.task_token not in (None, only_token):
            raise Unchanged
        if only_execution is not None and (current.execution_name or current.id) != only_execution:
            raise Unchanged
        current.status = WorkflowStatus.FAILED
        current.error_code = code
        current.error_message = message
        current.completed_at = utc_now()
        current.task_token = None
        current.pause_requested = False
        current.paused_at = None

    try:
        return store.update(workflow_id, to_failed, steps=store.failing_running_steps(message))
    except (Unchanged, NotFound):
        return None


class Unchanged(Exception):
    """Raised inside a mutation to leave the record as it is (no write at all)."""


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
