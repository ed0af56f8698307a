"""What the local stack does at start with workflows whose execution was lost in a restart, on the
in-memory ports (chalicelib/core/recover.py; the stack itself: tests/integration/test_local_durability.py)."""

from __future__ import annotations

from datetime import timedelta

from chalicelib.core import control
from chalicelib.core.models import (
    InputMethod,
    OrchestratorPhase,
    Review,
    ReviewReason,
    StepStatus,
    Workflow,
    WorkflowStatus,
    WorkflowStep,
    utc_now,
)
from chalicelib.core.recover import LOCAL_RESTART, recover_lost_runs
from tests.memory_ports import MemoryPorts

EARLIER = utc_now() - timedelta(minutes=5)


def _workflow(ports: MemoryPorts, name: str, status: WorkflowStatus, **fields: object) -> Workflow:
    workflow = Workflow(
        id=f"wf_{name}",
        user_id="alice",
        title=name,
        input_method=InputMethod.TEXT,
        status=status,
        created_at=EARLIER,
        updated_at=EARLIER,
        execution_name=fields.pop("execution_name", f"wf_{name}"),  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )
    ports.workflows.workflows[workflow.id] = workflow
    return workflow


def _steps(ports: MemoryPorts, workflow: Workflow, *done: OrchestratorPhase, running: bool = False) -> None:
    """Steps COMPLETED for `done` in order, the last one IN_PROGRESS if `running`."""
    for number, phase in enumerate(done, start=1):
        last = number == len(done)
        ports.workflows.steps.setdefault(workflow.id, {})[number] = WorkflowStep(
            id=f"{workflow.id}-{number:04d}",
            workflow_id=workflow.id,
            phase=phase,
            step_number=number,
            attempt=1,
            description=phase.value,
            status=StepStatus.IN_PROGRESS if running and last else StepStatus.COMPLETED,
            started_at=EARLIER,
            completed_at=None if running and last else EARLIER,
            outcome={},
        )


def test_a_running_workflow_goes_on_from_its_phase_through_the_retry_path() -> None:
    # Given a workflow in PROCESSING whose execution is gone (the stack was killed)
    ports = MemoryPorts()
    workflow = _workflow(ports, "running", WorkflowStatus.IN_PROGRESS)
    _steps(ports, workflow, OrchestratorPhase.INITIATION, OrchestratorPhase.PROCESSING, running=True)
    # When the stack starts again
    recovered = recover_lost_runs(ports)
    # Then it was retried from PROCESSING, in a new execution, and runs again
    assert recovered.resumed == [workflow.id]
    record = ports.workflows.workflows[workflow.id]
    assert record.status is WorkflowStatus.IN_PROGRESS and record.retries == 1
    assert record.error_code is None
    assert ports.engine.started[-1] == {
        "name": f"{workflow.id}-retry1",
        "workflowId": workflow.id,
        "userId": "alice",
        "resumeFrom": "PROCESSING",
        "attempt": 1,
    }
    # And the interrupted step says why it stopped
    step = ports.workflows.steps[workflow.id][2]
    assert step.status is StepStatus.FAILED and "local stack stopped" in (step.error_message or "")


def test_a_workflow_with_no_retries_left_ends_failed_with_what_to_do() -> None:
    ports = MemoryPorts()
    workflow = _workflow(ports, "tired", WorkflowStatus.IN_PROGRESS, retries=control.MAX_RETRIES)
    _steps(ports, workflow, OrchestratorPhase.INITIATION, running=True)

    recovered = recover_lost_runs(ports)

    assert recovered.failed == [workflow.id]
    record = ports.workflows.workflows[workflow.id]
    assert record.status is WorkflowStatus.FAILED and record.error_code == LOCAL_RESTART
    assert "create a new workflow" in (record.error_message or "")
    assert ports.engine.started == []


def test_a_pause_asked_for_before_the_stop_is_kept() -> None:
    ports = MemoryPorts()
    workflow = _workflow(ports, "asked", WorkflowStatus.IN_PROGRESS, pause_requested=True)
    _steps(ports, workflow, OrchestratorPhase.INITIATION, running=True)

    recover_lost_runs(ports)

    record = ports.workflows.workflows[workflow.id]
    assert record.status is WorkflowStatus.IN_PROGRESS and record.pause_requested is True


def test_a_paused_workflow_waits_again_at_the_same_boundary() -> None:
    # Given a workflow paused before QA, on a token of the lost execution
    ports = MemoryPorts()
    workflow = _workflow(
        ports, "paused", WorkflowStatus.PAUSED, task_token="old", pause_requested=True, paused_at=EARLIER
    )
    _steps(ports, workflow, OrchestratorPhase.INITIATION, OrchestratorPhase.PROCESSING)
    # When the stack starts again
    recovered = recover_lost_runs(ports)
    # Then a new execution starts at the last completed phase (whose step answers at once), with
    # the pause still asked for, so QA stops at the pause point again; no retry is used
    assert recovered.waiting_again == [workflow.id]
    record = ports.workflows.workflows[workflow.id]
    assert record.pause_requested is True and record.task_token is None and record.retries == 0
    assert record.paused_seconds >= 299
    assert ports.engine.started[-1]["resumeFrom"] == "PROCESSING"
    assert ports.engine.started[-1]["name"] == workflow.id


def test_a_review_waits_again_and_an_approved_one_goes_on_to_its_report() -> None:
    ports = MemoryPorts()
    review = Review(reason=ReviewReason.REQUESTED, requested_at=EARLIER, qa_errors=0, qa_warnings=0)
    waiting = _workflow(ports, "review", WorkflowStatus.NEEDS_REVIEW, task_token="old", review=review)
    approved = _workflow(
        ports,
        "approved",
        WorkflowStatus.NEEDS_REVIEW,
        task_token="old",
        review=review.model_copy(update={"approved_at": EARLIER, "approved_by": "alice"}),
    )
    for workflow in (waiting, approved):
        _steps(
            ports, workflow, OrchestratorPhase.INITIATION, OrchestratorPhase.PROCESSING, OrchestratorPhase.QA
        )

    recovered = recover_lost_runs(ports)

    assert sorted(recovered.waiting_again) == sorted([waiting.id, approved.id])
    starts = {s["workflowId"]: s["resumeFrom"] for s in ports.engine.started}
    assert starts == {waiting.id: "REVIEW", approved.id: "OUTPUT"}
    # (the review, its edits and its DRAFT stay; the review point only takes the new token)
    assert ports.workflows.workflows[waiting.id].status is WorkflowStatus.NEEDS_REVIEW


def test_live_executions_and_workflows_waiting_for_their_upload_are_left_alone() -> None:
    ports = MemoryPorts()
    live = _workflow(ports, "live", WorkflowStatus.IN_PROGRESS)
    ports.engine.statuses[live.id] = "RUNNING"
    _workflow(ports, "upload", WorkflowStatus.PENDING, execution_name=None)
    _workflow(ports, "done", WorkflowStatus.COMPLETED)

    recovered = recover_lost_runs(ports)

    assert (recovered.resumed, recovered.waiting_again, recovered.failed) == ([], [], [])
    assert ports.engine.started == []
