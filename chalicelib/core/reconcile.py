"""The reconciler: no workflow stays unfinished without a live execution.

A scheduled Lambda (`app.py`'s `reconcile_workflows`, every 5 minutes; the local stack runs it on
a timer) reads the unfinished workflows from their own sparse index (never a table scan), skips
those changed within a grace period (a retry records its new execution just before starting it),
asks the engine about each one's execution, and settles the ones whose execution is over:

- RUNNING: nothing to do; it is counted in review if a person has not answered in time.
- FAILED, TIMED_OUT, ABORTED, or no such execution (never started, deleted): FAILED with a
  code and a message for people, retryable; retry goes on from the phase that stood.
- SUCCEEDED while the record is unfinished: COMPLETED only if OUTPUT finished (its step is
  COMPLETED and the report is recorded); otherwise the run ended early (a phase found the record
  in a state it could not run in): FAILED and retryable, like the others.

A workflow waiting for its upload (PENDING, no execution yet) has no execution to lose; once its
upload form has long expired (`pending_expiry`, 24 hours by default, counted from its newest
form: a fresh one restarts it) it ends FAILED with `UPLOAD_EXPIRED` and a message that says to
create a new workflow, instead of waiting for ever.
Each settling write re-checks the record (still unfinished, still on that execution), so a user
who resumes, cancels or retries meanwhile wins.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from chalicelib.core import control
from chalicelib.core.models import (
    FINISHED_STATUSES,
    OrchestratorPhase,
    StepStatus,
    Workflow,
    WorkflowStatus,
    iso,
    utc_now,
)
from chalicelib.core.ports import Engine, NotFound, Throttled, WorkflowRecords

# Execution status -> the workflow's errorCode and what the user reads.
ENDED: dict[str | None, tuple[str, str]] = {
    "FAILED": ("RUN_FAILED", "The workflow stopped on an error it could not record; retry it to go on"),
    "TIMED_OUT": ("RUN_TIMED_OUT", "The workflow ran out of time; retry it to go on"),
    "ABORTED": ("RUN_STOPPED", "The workflow's run was stopped before it finished; retry it to go on"),
    None: ("RUN_LOST", "The workflow's run could not be found; retry it to go on"),
    "SUCCEEDED": ("RUN_ENDED", "The workflow's run ended before the report was made; retry it to go on"),
}


class Metrics(Protocol):
    """Where the reconciler's counts go (CloudWatch EMF on AWS)."""

    def count(self, name: str, value: int) -> None: ...


@dataclass
class Outcome:
    checked: int = 0
    settled: dict[str, str] = field(default_factory=dict)  # workflow id -> new status
    reviews_overdue: int = 0
    # True when the time budget ran out first: the next run goes on (oldest first each time).
    partial: bool = False


@dataclass(frozen=True)
class Limits:
    grace: timedelta = timedelta(minutes=10)
    review_overdue: timedelta = timedelta(hours=24)
    pending_expiry: timedelta = timedelta(hours=24)
    # Stop starting new checks when the Lambda is this close to its own timeout.
    time_left: Callable[[], float] = lambda: float("inf")
    reserve_seconds: float = 5.0


class Ports(Protocol):
    @property
    def workflows(self) -> WorkflowRecords: ...

    @property
    def engine(self) -> Engine: ...


def reconcile(ports: Ports, metrics: Metrics, now: datetime, limits: Limits | None = None) -> Outcome:
    limits = limits or Limits()
    outcome = Outcome()
    cutoff = now - limits.grace
    overdue_before = now - limits.review_overdue
    for workflow_id in ports.workflows.open_workflow_ids(iso(cutoff)):
        if limits.time_left() < limits.reserve_seconds:
            outcome.partial = True
            break
        workflow = ports.workflows.get(workflow_id)
        if workflow is None or workflow.status in FINISHED_STATUSES or workflow.updated_at > cutoff:
            continue
        outcome.checked += 1
        if _in_review_since(workflow, overdue_before):
            outcome.reviews_overdue += 1
        try:
            settled = _settle(ports, workflow, now - limits.pending_expiry)
        except Throttled:
            # Step Functions or DynamoDB pushing back: the next run (5 minutes) goes on from here.
            outcome.partial = True
            break
        if settled is not None:
            outcome.settled[workflow.id] = settled.value
    metrics.count("ReviewsOverdue", outcome.reviews_overdue)
    metrics.count("WorkflowsReconciled", len(outcome.settled))
    return outcome


def _in_review_since(workflow: Workflow, before: datetime) -> bool:
    review = workflow.review
    return (
        workflow.status is WorkflowStatus.NEEDS_REVIEW
        and review is not None
        and review.approved_at is None
        and review.requested_at < before
    )


UPLOAD_EXPIRED = (
    "UPLOAD_EXPIRED",
    "No file arrived for this workflow and its upload form has expired. Create a new workflow "
    "to upload the inspection.",
)


def _settle(ports: Ports, workflow: Workflow, pending_since: datetime) -> WorkflowStatus | None:
    if workflow.status is WorkflowStatus.PENDING and workflow.execution_name is None:
        if _waiting_since(workflow) >= pending_since:
            return None  # waiting for its upload: no execution to lose
        return _expire_pending(ports, workflow.id, pending_since)
    execution = workflow.execution_name or workflow.id
    status = ports.engine.describe(execution)
    if status == "RUNNING":
        return None
    if status == "SUCCEEDED" and _output_done(ports, workflow):
        return _complete(ports, workflow, execution)
    code, message = ENDED.get(status, ENDED["FAILED"])
    settled = control.settle_failed(ports.workflows, workflow.id, code, message, only_execution=execution)
    if settled is None:
        return None
    if workflow.task_token is not None:
        # Nothing waits on it any more; ending it is only tidy (a gone token is fine).
        ports.engine.abandon(workflow.task_token, cause=message)
    return WorkflowStatus.FAILED


def _waiting_since(workflow: Workflow) -> datetime:
    """When its newest upload form was issued: a fresh form (POST .../upload) restarts the wait."""
    issued = (workflow.input_data or {}).get("formIssuedAt")
    if not isinstance(issued, str):
        return workflow.created_at
    return max(workflow.created_at, datetime.fromisoformat(issued))


def _expire_pending(ports: Ports, workflow_id: str, pending_since: datetime) -> WorkflowStatus | None:
    code, message = UPLOAD_EXPIRED

    def to_expired(current: Workflow) -> None:
        # (an upload that arrived since the read gave it an execution: it is no longer waiting)
        if current.status is not WorkflowStatus.PENDING or current.execution_name is not None:
            raise control.Unchanged
        if _waiting_since(current) >= pending_since:
            raise control.Unchanged
        current.status = WorkflowStatus.FAILED
        current.error_code = code
        current.error_message = message
        current.completed_at = utc_now()

    try:
        ports.workflows.update(workflow_id, to_expired)
    except (control.Unchanged, NotFound):
        return None
    return WorkflowStatus.FAILED


def _output_done(ports: Ports, workflow: Workflow) -> bool:
    steps = ports.workflows.list_steps(workflow.id)
    output = [s for s in steps if s.phase is OrchestratorPhase.OUTPUT]
    return (
        bool(output)
        and max(output, key=lambda s: s.step_number).status is StepStatus.COMPLETED
        and bool(workflow.output_data)
    )


def _complete(ports: Ports, workflow: Workflow, execution: str) -> WorkflowStatus | None:
    def to_completed(current: Workflow) -> None:
        if current.status in FINISHED_STATUSES or (current.execution_name or current.id) != execution:
            raise control.Unchanged
        current.status = WorkflowStatus.COMPLETED
        current.completed_at = current.completed_at or current.updated_at
        current.task_token = None
        current.pause_requested = False

    try:
        ports.workflows.update(workflow.id, to_completed)
    except control.Unchanged:
        return None
    return WorkflowStatus.COMPLETED


def lambda_time_left(context: object) -> Callable[[], float]:
    """Seconds the Lambda has left, from its context (unbounded without one)."""
    remaining = getattr(context, "get_remaining_time_in_millis", None)
    if remaining is None:
        started = time.monotonic()
        return lambda: 300.0 - (time.monotonic() - started)
    return lambda: float(remaining()) / 1000
