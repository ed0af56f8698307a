"""The phase runner and the failure recorder through the in-memory ports: the step record, the
progress, at-least-once delivery, a rejected input, a cancelled workflow."""

from __future__ import annotations

import json
from typing import Any

import pytest

from chalicelib.core.errors import InputRejectedError, PauseRequestedError, WorkflowStoppedError
from chalicelib.core.models import (
    InputMethod,
    OrchestratorPhase,
    StepStatus,
    Workflow,
    WorkflowStatus,
    utc_now,
)
from chalicelib.phases.failure import record_failure
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
from tests.memory_ports import MemoryPorts

WORKFLOW_ID = "wf_" + "a" * 32


def _ports_with_a_workflow(status: WorkflowStatus = WorkflowStatus.PENDING) -> MemoryPorts:
    ports = MemoryPorts()
    now = utc_now()
    ports.workflows.create(
        Workflow(
            id=WORKFLOW_ID,
            user_id="alice",
            title="Kitchen leak",
            input_method=InputMethod.TEXT,
            status=status,
            created_at=now,
            updated_at=now,
        )
    )
    return ports


EVENT = {"workflowId": WORKFLOW_ID, "userId": "alice", "attempt": 1}


def test_a_phase_records_its_step_and_moves_the_progress_on() -> None:
    # Given a pending workflow and a phase whose work succeeds
    ports = _ports_with_a_workflow()
    runs: list[str] = []

    def work(ports: Any, workflow: Workflow, state: ExecutionState) -> PhaseResult:
        runs.append(workflow.status.value)
        return PhaseResult(outcome={"characters": 42})

    # When INITIATION runs
    out = run_phase(ports, OrchestratorPhase.INITIATION, EVENT, work)
    # Then the work ran while the workflow was IN_PROGRESS, its step is COMPLETED with the
    # outcome, the progress is 25%, and the next state carries the outcome
    assert runs == ["IN_PROGRESS"]
    (step,) = ports.workflows.list_steps(WORKFLOW_ID)
    assert step.status is StepStatus.COMPLETED and step.outcome == {"characters": 42}
    record = ports.workflows.get(WORKFLOW_ID)
    assert record is not None and record.progress_percentage == 25
    assert record.completed_phases == [OrchestratorPhase.INITIATION]
    assert out == {"workflowId": WORKFLOW_ID, "userId": record.user_id, "attempt": 1, "characters": 42}


def test_a_second_delivery_of_a_completed_step_does_not_redo_the_work() -> None:
    ports = _ports_with_a_workflow()
    runs: list[int] = []

    def work(ports: Any, workflow: Workflow, state: ExecutionState) -> PhaseResult:
        runs.append(1)
        return PhaseResult(outcome={"n": len(runs)})

    first = run_phase(ports, OrchestratorPhase.INITIATION, EVENT, work)
    again = run_phase(ports, OrchestratorPhase.INITIATION, EVENT, work)
    assert runs == [1] and first["n"] == again["n"] == 1
    assert len(ports.workflows.list_steps(WORKFLOW_ID)) == 1


def test_a_rejected_input_fails_the_workflow_with_its_own_code() -> None:
    ports = _ports_with_a_workflow()

    def work(ports: Any, workflow: Workflow, state: ExecutionState) -> PhaseResult:
        raise InputRejectedError("PDF_NO_TEXT", "The PDF has no text to read")

    with pytest.raises(InputRejectedError):
        run_phase(ports, OrchestratorPhase.INITIATION, EVENT, work)
    record = ports.workflows.get(WORKFLOW_ID)
    assert record is not None and record.status is WorkflowStatus.FAILED
    assert record.error_code == "PDF_NO_TEXT"
    (step,) = ports.workflows.list_steps(WORKFLOW_ID)
    assert step.status is StepStatus.FAILED


def test_a_cancelled_workflow_runs_no_phase() -> None:
    ports = _ports_with_a_workflow(WorkflowStatus.CANCELLED)

    def work(ports: Any, workflow: Workflow, state: ExecutionState) -> PhaseResult:
        raise AssertionError("must not run")

    with pytest.raises(WorkflowStoppedError):
        run_phase(ports, OrchestratorPhase.PROCESSING, EVENT, work)
    assert ports.workflows.list_steps(WORKFLOW_ID) == []


def test_a_failure_is_recorded_once_and_never_over_a_cancel() -> None:
    # Given a running workflow whose phase timed out
    ports = _ports_with_a_workflow(WorkflowStatus.IN_PROGRESS)
    event = {**EVENT, "error": {"Error": "States.Timeout", "Cause": ""}}
    # When the failure is recorded (twice: Step Functions delivers at least once)
    record_failure(ports, event)
    record_failure(ports, event)
    # Then the workflow is FAILED with a message a person can read, written once
    record = ports.workflows.get(WORKFLOW_ID)
    assert record is not None and record.status is WorkflowStatus.FAILED
    assert record.error_code == "PHASE_TIMED_OUT" and "time limit" in (record.error_message or "")
    assert record.version == 2
    # And a cancelled workflow stays CANCELLED
    cancelled = _ports_with_a_workflow(WorkflowStatus.CANCELLED)
    record_failure(cancelled, event)
    after = cancelled.workflows.get(WORKFLOW_ID)
    assert after is not None and after.status is WorkflowStatus.CANCELLED


def _never(ports: Any, workflow: Workflow, state: ExecutionState) -> PhaseResult:
    raise AssertionError("the work must not run")


def test_a_pause_requested_stops_the_next_phase_before_it_starts() -> None:
    # Given a running workflow whose user asked for a pause
    ports = _ports_with_a_workflow(WorkflowStatus.IN_PROGRESS)
    ports.workflows.update(WORKFLOW_ID, lambda w: setattr(w, "pause_requested", True))

    # When QA is delivered, it asks the state machine to wait at its pause point: no step, no work
    with pytest.raises(PauseRequestedError):
        run_phase(ports, OrchestratorPhase.QA, EVENT, _never)
    assert ports.workflows.list_steps(WORKFLOW_ID) == []
    # ... while INITIATION, which has no pause point before it, is not stopped
    out = run_phase(ports, OrchestratorPhase.INITIATION, EVENT, lambda *_: PhaseResult(outcome={"n": 1}))
    assert out["n"] == 1


def test_a_phase_after_a_resume_records_the_run_if_the_resume_has_not_yet() -> None:
    # Given a paused workflow whose token resume has sent but whose record still says PAUSED
    ports = _ports_with_a_workflow()
    paused_at = utc_now()

    def handed_back(workflow: Workflow) -> None:
        workflow.status = WorkflowStatus.PAUSED
        workflow.task_token = "token-1"
        workflow.paused_at = paused_at
        workflow.pause_requested = False  # resume withdraws it before sending

    ports.workflows.update(WORKFLOW_ID, handed_back)

    # When the phase the execution runs next is delivered
    run_phase(ports, OrchestratorPhase.PROCESSING, EVENT, lambda *_: PhaseResult(outcome={}))

    # Then it ran and recorded the workflow running again, the token gone, the pause counted
    record = ports.workflows.get(WORKFLOW_ID)
    assert record is not None and record.status is WorkflowStatus.IN_PROGRESS
    assert record.task_token is None and record.paused_at is None and record.paused_seconds >= 0


def test_a_paused_workflow_not_resumed_runs_no_phase() -> None:
    ports = _ports_with_a_workflow()

    def paused(workflow: Workflow) -> None:
        workflow.status = WorkflowStatus.PAUSED
        workflow.task_token = "token-1"
        workflow.pause_requested = True

    ports.workflows.update(WORKFLOW_ID, paused)
    with pytest.raises(WorkflowStoppedError):
        run_phase(ports, OrchestratorPhase.QA, EVENT, _never)


def test_an_unexpected_failure_shows_internal_error_with_a_reference_never_its_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Given a phase that failed with an exception whose text names internals
    ports = _ports_with_a_workflow(WorkflowStatus.IN_PROGRESS)
    cause = json.dumps(
        {
            "errorType": "ClientError",
            "errorMessage": "AccessDenied on arn:aws:dynamodb:us-east-1:123456789012:table/prod-workflows "
            "reading s3://prod-documents/inputs/alice/wf/notes.txt",
        }
    )
    event = {**EVENT, "error": {"Error": "ClientError", "Cause": cause}}
    with caplog.at_level("ERROR"):
        result = record_failure(ports, event)
    # Then the user sees INTERNAL_ERROR, what to do and a reference, and nothing of the inside
    record = ports.workflows.get(WORKFLOW_ID)
    assert record is not None and record.error_code == "INTERNAL_ERROR"
    message = record.error_message or ""
    assert "Retry" in message and WORKFLOW_ID in message
    for internal in ("ClientError", "arn:", "prod-workflows", "s3://", "AccessDenied"):
        assert internal not in message and internal not in json.dumps(result)
    # while the logs keep the type and the text for whoever fixes it
    assert "ClientError" in caplog.text or any("ClientError" in str(r.__dict__) for r in caplog.records)


def test_every_error_the_state_machine_steers_by_is_one_the_runner_does_not_count_as_a_fault() -> None:
    # The runner lists by hand the errors that steer a workflow (not PhaseErrors); the state
    # machine names them in its Retry and Catch rules: the two must not drift apart
    from pathlib import Path

    from chalicelib.phases.runner import STEERING_ERRORS

    definition = json.loads(
        (Path(__file__).resolve().parents[2] / "stepfunctions" / "workflow.asl.json").read_text()
    )
    named: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            named.update(node.get("ErrorEquals", []))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(definition)
    ours = {name for name in named if not name.startswith(("States.", "Lambda.", "Sandbox."))}

    def with_subclasses(kind: type) -> set[str]:
        return {kind.__name__}.union(*(with_subclasses(sub) for sub in kind.__subclasses__()))

    steering = set().union(*(with_subclasses(kind) for kind in STEERING_ERRORS))
    assert ours and ours <= steering, ours - steering
