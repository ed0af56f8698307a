"""After the local stack restarts: no workflow waits on an execution that is gone.

The local stack keeps its tables and bucket across a restart (`local_stack/durable.py`) but not
its Step Functions executions: the interpreter's state lives in threads. At start, before the
API answers, every unfinished workflow whose execution no longer exists is dealt with
(docs/adr/0015-local-durability.md):

- running (or starting): through the retry path. It is marked FAILED `LOCAL_RESTART` (its
  running step FAILED with the same message) and retried at once, from
  the phase that stood, earlier phases keeping their results (and a pause asked for, which then
  takes effect at the first boundary). A restart uses one of the
  workflow's retries: a workflow that crashes the stack every time cannot loop for ever. With
  none left it stays FAILED `LOCAL_RESTART`, saying to create a new workflow.
- paused: paused again. A new execution starts at its last completed phase, whose step answers
  with its recorded outcome; the next phase finds the pause still requested and the pause point
  stores a new task token, so resume works as before.
- in review: in review again. A new execution starts at the review point, which keeps the
  review, its edits and its DRAFT and only takes the new token (the review period restarts).
- resumed or approved, the token sent but the record not yet changed: the execution would have
  gone on, so a new one goes on from the same place (OUTPUT after an approval).

A PDF or Word workflow still waiting for its file has no execution to lose and is left alone.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from chalicelib.core import control
from chalicelib.core.errors import ConflictError
from chalicelib.core.models import (
    FINISHED_STATUSES,
    OrchestratorPhase,
    StepStatus,
    Workflow,
    WorkflowStatus,
    utc_now,
)
from chalicelib.core.ports import NotFound, Ports
from chalicelib.settings import get_settings

LOCAL_RESTART = "LOCAL_RESTART"
RESTART_MESSAGE = (
    "The local stack stopped while this workflow was running; retry it to go on from where it stopped"
)
NO_RETRIES_LEFT = (
    "The local stack stopped while this workflow was running, and it has used all its retries; "
    "create a new workflow with the same input"
)
# Every unfinished workflow, whenever it was created (the index sorts by creation time).
EVERYTHING = "9999"


@dataclass
class Recovered:
    resumed: list[str] = field(default_factory=list)  # running again through the retry path
    waiting_again: list[str] = field(default_factory=list)  # paused or in review, on a new token
    failed: list[str] = field(default_factory=list)  # FAILED LOCAL_RESTART (no retries left)


def recover_lost_runs(ports: Ports) -> Recovered:
    recovered = Recovered()
    for workflow_id in list(ports.workflows.open_workflow_ids(EVERYTHING)):
        workflow = ports.workflows.get(workflow_id)
        if workflow is None or workflow.status in FINISHED_STATUSES:
            continue
        if workflow.status is WorkflowStatus.PENDING and workflow.execution_name is None:
            continue  # waiting for its upload: nothing ran yet
        if ports.engine.describe(workflow.execution_name or workflow.id) is not None:
            continue  # its execution is alive
        if workflow.status in control.WAITING_STATUSES and workflow.task_token is not None:
            _wait_again(ports, workflow)
            recovered.waiting_again.append(workflow.id)
        elif _resume_through_retry(ports, workflow):
            recovered.resumed.append(workflow.id)
        else:
            recovered.failed.append(workflow.id)
    return recovered


def _resume_through_retry(ports: Ports, workflow: Workflow) -> bool:
    """FAILED LOCAL_RESTART, then retried; False if it stays FAILED (no retries left)."""
    exhausted = workflow.retries >= control.MAX_RETRIES
    message = NO_RETRIES_LEFT if exhausted else RESTART_MESSAGE
    store = ports.workflows
    settled = control.settle_failed(
        store,
        workflow.id,
        LOCAL_RESTART,
        message,
        only_execution=workflow.execution_name or workflow.id,
    )
    if settled is None or exhausted:
        return False
    if workflow.pause_requested:
        # Asked to pause before the stop: the retried run pauses at its first boundary.
        settled = store.update(workflow.id, _pause_kept, read=settled)
    try:
        control.retry_workflow(ports, settled)
    except (ConflictError, NotFound):
        return False
    return True


def _wait_again(ports: Ports, workflow: Workflow) -> None:
    """A new execution that reaches the same wait (or, if the wait was answered, goes on)."""
    steps = ports.workflows.list_steps(workflow.id)
    done = [s for s in steps if s.status is StepStatus.COMPLETED]
    last = max(done, key=lambda s: s.step_number) if done else None
    attempt = last.attempt if last else 1
    if workflow.status is WorkflowStatus.NEEDS_REVIEW:
        if last is not None and last.phase is OrchestratorPhase.OUTPUT:
            attempt += 1  # a revision in review: its OUTPUT is a step of its own (revisions.py)
        # Approved already: the execution would have gone on to the final report.
        resume_from: str | None = "OUTPUT" if control.handed_back(workflow) else "REVIEW"
    else:
        if not control.handed_back(workflow):
            # The phase after the pause point refuses a PAUSED workflow: running, with the pause
            # still asked for, it stops at the same boundary and the pause point records PAUSED.
            with contextlib.suppress(control.Unchanged):
                ports.workflows.update(workflow.id, _pausing_again)
        # The last completed step answers with its recorded outcome and the state machine
        # routes on from it as it did the first time.
        resume_from = last.phase.value if last and last.phase is not OrchestratorPhase.INITIATION else None
    ports.engine.start(
        workflow.id,
        workflow.user_id,
        execution_name=workflow.execution_name or workflow.id,
        resume_from=resume_from,
        attempt=attempt,
        extra={"reviewTimeoutSeconds": get_settings().review_timeout_seconds},
    )


def _pause_kept(current: Workflow) -> None:
    current.pause_requested = True


def _pausing_again(current: Workflow) -> None:
    if current.status is not WorkflowStatus.PAUSED or control.handed_back(current):
        raise control.Unchanged
    if current.paused_at is not None:
        current.paused_seconds += (utc_now() - current.paused_at).total_seconds()
    current.paused_at = None
    current.status = WorkflowStatus.IN_PROGRESS
    current.pause_requested = True
    current.task_token = None
