"""The state machine's pause point: a `waitForTaskToken` task at a phase boundary.

It runs only when the phase after it found a pause requested before starting
(PauseRequestedError). It stores the task token with the workflow and marks it PAUSED; the
execution then waits until resume sends the token back. If the pause was withdrawn in the
meantime it fails with PauseWithdrawnError, which the state machine catches to go straight on.
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from chalicelib.core.errors import PauseWithdrawnError, WorkflowStoppedError
from chalicelib.core.models import RUNNING_STATUSES, OrchestratorPhase, Workflow, WorkflowStatus, utc_now
from chalicelib.core.ports import Ports
from chalicelib.phases.runner import ExecutionState


class PauseEvent(ExecutionState):
    model_config = ConfigDict(extra="ignore")

    next_phase: OrchestratorPhase
    task_token: str = Field(min_length=1, max_length=4096)


def pause_point(ports: Ports, event: dict[str, Any]) -> dict[str, Any]:
    pause = PauseEvent.model_validate(event)

    def to_paused(current: Workflow) -> None:
        if current.status is WorkflowStatus.PAUSED:
            # The same delivery again, or the state's Retry after a lost answer: then the task has
            # a new token and only the newest one can resume the execution.
            current.task_token = pause.task_token
            return
        if current.status not in RUNNING_STATUSES:
            raise WorkflowStoppedError(f"Workflow {current.id} is {current.status.value}")
        if not current.pause_requested:
            raise PauseWithdrawnError(f"Workflow {current.id} was resumed before it paused")
        current.status = WorkflowStatus.PAUSED
        current.paused_at = utc_now()
        current.task_token = pause.task_token

    ports.workflows.update(pause.workflow_id, to_paused)
    return {"paused": True, "nextPhase": pause.next_phase.value}
