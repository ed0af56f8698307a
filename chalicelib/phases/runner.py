"""What every phase Lambda does around its own work: the step record and the progress.

Step Functions delivers at least once, so a phase may run twice for the same step. Each step
has a fixed number (from its phase and QA attempt) and each phase writes deterministic S3
keys, so a second run rewrites the same records; a step already COMPLETED is not redone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ConfigDict, Field

from chalicelib import observability
from chalicelib.core import eta
from chalicelib.core.analytics import MAX_QA_CODES
from chalicelib.core.control import handed_back, running_again
from chalicelib.core.errors import (
    InputRejectedError,
    OcrPendingError,
    PauseRequestedError,
    PauseWithdrawnError,
    ResumeAt,
    ScanPendingError,
    TransientError,
    WorkflowStoppedError,
)
from chalicelib.core.models import (
    WORKFLOW_ID_PATTERN,
    ApiModel,
    OrchestratorPhase,
    StepStatus,
    TemplatePin,
    Workflow,
    WorkflowStatus,
    WorkflowStep,
    utc_now,
)
from chalicelib.core.ports import Ports, Throttled
from chalicelib.logs import logger

PHASE_PROGRESS: dict[OrchestratorPhase, int] = {
    OrchestratorPhase.INITIATION: 25,
    OrchestratorPhase.PROCESSING: 50,
    OrchestratorPhase.QA: 75,
    OrchestratorPhase.OUTPUT: 100,
}
# The phases a pause can wait before (the state machine's PauseBefore* states).
PAUSE_POINTS = frozenset({OrchestratorPhase.PROCESSING, OrchestratorPhase.QA, OrchestratorPhase.OUTPUT})
PHASE_DESCRIPTIONS: dict[OrchestratorPhase, str] = {
    OrchestratorPhase.INITIATION: "Check and prepare the inspection input",
    OrchestratorPhase.PROCESSING: "Analyse the inspection into structured findings",
    OrchestratorPhase.QA: "Review the findings for documentation gaps",
    OrchestratorPhase.OUTPUT: "Render the report",
}


class ExecutionState(ApiModel):
    """The only data passed between states: ids and the QA attempt counter."""

    model_config = ConfigDict(extra="ignore")

    workflow_id: str = Field(pattern=WORKFLOW_ID_PATTERN.pattern)
    user_id: str = Field(min_length=1, max_length=128)
    attempt: int = Field(default=1, ge=1)


@dataclass
class PhaseResult:
    outcome: dict[str, Any] = field(default_factory=dict)
    # OUTPUT sets it: what the workflow record shows once COMPLETED.
    output_data: dict[str, Any] | None = None
    # PROCESSING sets it: this attempt's analyzer, usage and cost, kept per attempt.
    analysis: dict[str, Any] | None = None
    # PROCESSING sets it: the report template inferred from the loss type, kept only when the
    # workflow has none (one chosen at creation, or inferred before, is never replaced).
    template: TemplatePin | None = None
    # QA sets it: the error codes this check found (kept on the record for the analytics).
    qa_failures: list[str] = field(default_factory=list)


PhaseWork = Callable[[Ports, Workflow, ExecutionState], PhaseResult]


def step_number(phase: OrchestratorPhase, attempt: int) -> int:
    """1 INITIATION, 2 PROCESSING, 3 QA, then 4, 5 for each repeat of PROCESSING and QA.

    OUTPUT follows the last QA: 4 on the first attempt, 6 on the second, and so on.
    """
    if phase is OrchestratorPhase.INITIATION:
        return 1
    base = {OrchestratorPhase.PROCESSING: 2, OrchestratorPhase.QA: 3, OrchestratorPhase.OUTPUT: 4}
    return base[phase] + 2 * (attempt - 1)


# Errors the state machine catches or retries by name (stepfunctions/workflow.asl.json): they
# steer a workflow, they are not faults.
STEERING_ERRORS: tuple[type[Exception], ...] = (
    ResumeAt,
    PauseRequestedError,
    PauseWithdrawnError,
    ScanPendingError,
    OcrPendingError,
    InputRejectedError,
    WorkflowStoppedError,
    TransientError,
    Throttled,
)


def run_phase(
    ports: Ports, phase: OrchestratorPhase, event: dict[str, Any], work: PhaseWork
) -> dict[str, Any]:
    """One phase invocation. An error that steers the workflow (a pause, a resume point, a rejected
    input, a stopped workflow, a transient fault Step Functions retries) is the state machine's to
    catch; any other is counted as `PhaseErrors`, which the operators' alarm watches: Lambda's own
    Errors metric counts the steering ones too, so it cannot page on a pause."""
    try:
        return _run_phase(ports, phase, event, work)
    except STEERING_ERRORS:
        raise
    except Exception:
        observability.phase_error(phase.value)
        raise


def _run_phase(
    ports: Ports, phase: OrchestratorPhase, event: dict[str, Any], work: PhaseWork
) -> dict[str, Any]:
    state = ExecutionState.model_validate(event)
    store = ports.workflows
    workflow = _owned_workflow(ports, state)
    number = step_number(phase, state.attempt)
    previous = store.get_step(workflow.id, number)
    if previous is not None and previous.status is StepStatus.COMPLETED:
        return _next_state(state, previous.outcome or {})
    _ensure_active(workflow)
    if workflow.pause_requested and phase in PAUSE_POINTS:
        # The boundary before this phase is where the pause takes effect: the state machine
        # catches this and waits at its pause point. Asked here, not by a Choice state after
        # every phase, so a workflow nobody pauses pays no transition for it (docs/adr/0011).
        raise PauseRequestedError(f"Workflow {workflow.id} pauses before {phase.value}")

    step = WorkflowStep(
        id=f"{workflow.id}-{number:04d}",
        workflow_id=workflow.id,
        phase=phase,
        step_number=number,
        attempt=state.attempt,
        description=PHASE_DESCRIPTIONS[phase],
        status=StepStatus.IN_PROGRESS,
        started_at=previous.started_at if previous and previous.started_at else utc_now(),
        runs=previous.runs + 1 if previous else 1,
    )
    # The step is written with its workflow, and the write refuses a workflow no longer
    # running: a step only ever starts or completes while its workflow is still running.
    workflow = store.update(
        workflow.id, lambda current: _mark_running(current, phase), steps=lambda _: [step], read=workflow
    )

    if phase is OrchestratorPhase.INITIATION and previous is None:
        observability.workflow_started()  # its first step: a redelivery or a retry is no new start
    try:
        with observability.phase(phase.value, workflow.id):
            result = work(ports, workflow, state)
    except InputRejectedError as rejected:
        _record_rejection(ports, workflow.id, rejected)
        raise

    done = step.model_copy(
        update={"status": StepStatus.COMPLETED, "completed_at": utc_now(), "outcome": result.outcome}
    )
    earlier = [s for s in store.list_steps(workflow.id) if s.step_number != number]
    totals = _phase_times(ports, workflow.user_id)
    finished = store.update(
        workflow.id,
        lambda current: _mark_done(current, done, earlier, result, totals),
        steps=lambda _: [done],
        read=workflow,
    )
    if finished.status is WorkflowStatus.COMPLETED:
        # Once per workflow: a repeated OUTPUT finds its step COMPLETED and returns above.
        store.add_phase_times(finished.user_id, finished.phase_durations)
        _TIMES_CACHE.pop(finished.user_id, None)  # this container's next estimate counts it
    logger.info(
        "Phase completed",
        extra={"workflowId": workflow.id, "phase": phase.value, "step": number, "seconds": _seconds(done)},
    )
    return _next_state(state, result.outcome)


def _record_rejection(ports: Ports, workflow_id: str, rejected: InputRejectedError) -> None:
    """A rejected input is the user's to fix: FAILED with its own code, not a retry."""

    def to_failed(workflow: Workflow) -> None:
        _ensure_active(workflow)
        workflow.status = WorkflowStatus.FAILED
        workflow.error_code = rejected.code
        workflow.error_message = rejected.message
        workflow.completed_at = utc_now()

    store = ports.workflows
    store.update(workflow_id, to_failed, steps=store.failing_running_steps(rejected.message))


def _owned_workflow(ports: Ports, state: ExecutionState) -> Workflow:
    workflow = ports.workflows.get(state.workflow_id)
    if workflow is None or workflow.user_id != state.user_id:
        raise WorkflowStoppedError(f"Workflow {state.workflow_id} no longer exists")
    return workflow


def _ensure_active(workflow: Workflow) -> None:
    # Resumed or approved but not recorded yet (the token goes back before the record changes):
    # the execution went on, so this phase runs and records it (`_mark_running`).
    if workflow.status not in (WorkflowStatus.PENDING, WorkflowStatus.IN_PROGRESS) and not handed_back(
        workflow
    ):
        raise WorkflowStoppedError(f"Workflow {workflow.id} is {workflow.status.value}")


def _mark_running(workflow: Workflow, phase: OrchestratorPhase) -> None:
    _ensure_active(workflow)
    running_again(workflow)
    workflow.status = WorkflowStatus.IN_PROGRESS
    workflow.current_phase = phase


def _mark_done(
    workflow: Workflow,
    step: WorkflowStep,
    earlier_steps: list[WorkflowStep],
    result: PhaseResult,
    totals: eta.PhaseTotals,
) -> None:
    _ensure_active(workflow)
    phase = step.phase
    if phase not in workflow.completed_phases:
        workflow.completed_phases.append(phase)
    workflow.progress_percentage = max(workflow.progress_percentage, PHASE_PROGRESS[phase])
    # Recomputed from the step records rather than added to, so a repeated run counts once.
    workflow.phase_durations[phase] = round(
        sum(
            _seconds(s)
            for s in [*earlier_steps, step]
            if s.phase is phase and s.status is StepStatus.COMPLETED
        ),
        3,
    )
    remaining = eta.remaining_seconds(totals, workflow.completed_phases)
    workflow.estimated_seconds_remaining = remaining
    workflow.estimated_time = eta.describe(remaining)
    if result.analysis is not None:
        workflow.analysis = _with_attempt(workflow.analysis, step.attempt, result.analysis)
    if workflow.template is None and result.template is not None:
        workflow.template = result.template
    if result.qa_failures:
        # A union over attempts: a reason counts once per workflow, however often it recurred.
        workflow.qa_failures = sorted({*workflow.qa_failures, *result.qa_failures})[:MAX_QA_CODES]
    if phase is OrchestratorPhase.OUTPUT:
        workflow.status = WorkflowStatus.COMPLETED
        workflow.completed_at = utc_now()
        workflow.output_data = result.output_data
        workflow.pause_requested = False  # no boundary is left to pause at


# user id -> (when read, their phase-time aggregate). A warm Lambda container runs many phases
# of one user's workflows in a row; the aggregate barely moves in a minute.
_TIMES_CACHE: dict[str, tuple[float, eta.PhaseTotals]] = {}
TIMES_TTL_SECONDS = 60.0


def _phase_times(ports: Ports, user_id: str) -> eta.PhaseTotals:
    now = time.monotonic()
    cached = _TIMES_CACHE.get(user_id)
    if cached is not None and now - cached[0] < TIMES_TTL_SECONDS:
        return cached[1]
    totals = ports.workflows.phase_times(user_id)
    if len(_TIMES_CACHE) > 1000:
        _TIMES_CACHE.clear()
    _TIMES_CACHE[user_id] = (now, totals)
    return totals


def _with_attempt(analysis: dict[str, Any] | None, attempt: int, latest: dict[str, Any]) -> dict[str, Any]:
    """Keyed by attempt, so a repeated delivery overwrites its own entry instead of adding one."""
    attempts = {**(analysis or {}).get("attempts", {}), str(attempt): latest}
    costs = [a["costUsd"] for a in attempts.values() if a.get("costUsd") is not None]
    return {
        **latest,
        "attempts": attempts,
        "totalCostUsd": round(sum(costs), 6) if costs else None,
    }


def _seconds(step: WorkflowStep) -> float:
    if step.started_at is None or step.completed_at is None:
        return 0.0
    return (step.completed_at - step.started_at).total_seconds()


def _next_state(state: ExecutionState, outcome: dict[str, Any]) -> dict[str, Any]:
    return {**state.model_dump(mode="json"), **outcome}
