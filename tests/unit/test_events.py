"""What a change of a workflow means to a watcher (events.py) and how long it has left (eta.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from chalicelib.core import eta
from chalicelib.core.events import EventType, channel_for, describe_change, snapshot_data, workflow_of
from chalicelib.core.models import (
    InputMethod,
    OrchestratorPhase,
    StepStatus,
    Workflow,
    WorkflowStatus,
    WorkflowStep,
)

P = OrchestratorPhase
NOW = datetime(2026, 11, 25, tzinfo=UTC)
WORKFLOW_ID = "wf_" + "a" * 32


def _workflow(**fields: object) -> Workflow:
    base: dict[str, object] = {
        "id": WORKFLOW_ID,
        "user_id": "alice",
        "title": "14 Banksia St",
        "input_method": InputMethod.TEXT,
        "created_at": NOW,
        "updated_at": NOW,
    }
    return Workflow.model_validate({**base, **fields})


def _step(number: int, phase: OrchestratorPhase, status: StepStatus) -> WorkflowStep:
    return WorkflowStep(
        id=f"{WORKFLOW_ID}-{number:04d}",
        workflow_id=WORKFLOW_ID,
        phase=phase,
        step_number=number,
        description="d",
        status=status,
        started_at=NOW,
    )


def _types(changes: list[tuple[EventType, dict[str, object]]]) -> list[str]:
    return [kind.value for kind, _ in changes]


def test_a_phase_completing_reports_its_step_the_phase_and_the_progress_in_that_order() -> None:
    before = _workflow(status=WorkflowStatus.IN_PROGRESS, current_phase=P.INITIATION)
    after = _workflow(
        status=WorkflowStatus.IN_PROGRESS,
        current_phase=P.INITIATION,
        completed_phases=[P.INITIATION],
        progress_percentage=25,
        estimated_time="4 min",
        estimated_seconds_remaining=240,
    )

    changes = describe_change(before, after, [_step(1, P.INITIATION, StepStatus.COMPLETED)])

    assert _types(changes) == ["STEP_UPDATE", "PHASE_COMPLETE", "PROGRESS_UPDATE"]
    assert changes[0][1]["status"] == "COMPLETED" and changes[0][1]["stepNumber"] == 1
    assert changes[1][1] == {"phase": "INITIATION", "nextPhase": "PROCESSING", "progressPercentage": 25}
    assert changes[2][1] == {
        "progressPercentage": 25,
        "estimatedTimeRemaining": "4 min",
        "estimatedSecondsRemaining": 240,
    }


def test_the_last_phase_ends_with_workflow_complete_and_its_output() -> None:
    before = _workflow(
        status=WorkflowStatus.IN_PROGRESS,
        current_phase=P.OUTPUT,
        completed_phases=[P.INITIATION, P.PROCESSING, P.QA],
        progress_percentage=75,
    )
    after = before.model_copy(
        update={
            "status": WorkflowStatus.COMPLETED,
            "completed_phases": [P.INITIATION, P.PROCESSING, P.QA, P.OUTPUT],
            "progress_percentage": 100,
            "output_data": {"reports": {"json": "k"}},
        }
    )

    changes = describe_change(before, after, [_step(4, P.OUTPUT, StepStatus.COMPLETED)])

    assert _types(changes) == ["STEP_UPDATE", "PHASE_COMPLETE", "PROGRESS_UPDATE", "WORKFLOW_COMPLETE"]
    assert changes[1][1]["nextPhase"] is None
    assert changes[3][1] == {"workflowId": WORKFLOW_ID, "outputData": {"reports": {"json": "k"}}}


def test_status_changes_have_their_own_events() -> None:
    running = _workflow(status=WorkflowStatus.IN_PROGRESS, current_phase=P.PROCESSING)
    cases = [
        (running, {"status": WorkflowStatus.PAUSED}, "WORKFLOW_PAUSED"),
        (running, {"status": WorkflowStatus.CANCELLED}, "WORKFLOW_CANCELLED"),
        (
            running,
            {"status": WorkflowStatus.FAILED, "error_code": "X", "error_message": "m"},
            "WORKFLOW_FAILED",
        ),
        (
            running.model_copy(update={"status": WorkflowStatus.PAUSED}),
            {"status": WorkflowStatus.IN_PROGRESS},
            "WORKFLOW_RESUMED",
        ),
        (
            running.model_copy(update={"status": WorkflowStatus.FAILED}),
            {"status": WorkflowStatus.IN_PROGRESS, "retries": 1},
            "WORKFLOW_RESUMED",
        ),
    ]
    for before, update, expected in cases:
        changes = describe_change(before, before.model_copy(update=update))
        assert _types(changes) == [expected], (before.status, update)

    failed = describe_change(running, running.model_copy(update=cases[2][1]))[0][1]
    assert failed == {"workflowId": WORKFLOW_ID, "phase": "PROCESSING", "errorCode": "X", "errorMessage": "m"}
    retried = describe_change(cases[4][0], cases[4][0].model_copy(update=cases[4][1]))[0][1]
    assert retried["reason"] == "retry" and retried["retries"] == 1


def test_a_write_that_changes_nothing_visible_makes_no_event() -> None:
    # A repeated delivery rewrites the record with the same progress, or only bookkeeping.
    before = _workflow(status=WorkflowStatus.IN_PROGRESS, progress_percentage=50)
    after = before.model_copy(update={"pause_requested": True, "version": 7})

    assert describe_change(before, after) == []


def test_an_oversized_output_is_left_for_the_client_to_fetch() -> None:
    before = _workflow(status=WorkflowStatus.IN_PROGRESS)
    after = before.model_copy(
        update={"status": WorkflowStatus.COMPLETED, "output_data": {"blob": "x" * 200_000}}
    )

    (_kind, data), *_ = [c for c in describe_change(before, after) if c[0] is EventType.WORKFLOW_COMPLETE]

    assert data == {"workflowId": WORKFLOW_ID, "truncated": True}


def test_a_snapshot_shows_where_the_workflow_is_and_never_its_task_token() -> None:
    workflow = _workflow(status=WorkflowStatus.PAUSED, task_token="secret-token", progress_percentage=50)

    data = snapshot_data(
        workflow, [_step(2, P.PROCESSING, StepStatus.COMPLETED), _step(1, P.INITIATION, StepStatus.COMPLETED)]
    )

    assert data["workflowId"] == WORKFLOW_ID and data["status"] == "PAUSED"
    assert [s["stepNumber"] for s in data["steps"]] == [1, 2]
    assert "secret-token" not in str(data)


def test_channel_names_round_trip_and_reject_anything_else() -> None:
    assert workflow_of(channel_for(WORKFLOW_ID)) == WORKFLOW_ID
    for bad in ("workflow:wf_x:progress", f"workflow:{WORKFLOW_ID}:other", f"{WORKFLOW_ID}", ""):
        assert workflow_of(bad) is None


def _history(*durations: dict[OrchestratorPhase, float]) -> list[Workflow]:
    return [_workflow(status=WorkflowStatus.COMPLETED, phase_durations=d) for d in durations]


def test_time_remaining_averages_the_phases_still_to_run() -> None:
    history = _history(
        {P.INITIATION: 2, P.PROCESSING: 100, P.QA: 10, P.OUTPUT: 20},
        {P.INITIATION: 4, P.PROCESSING: 200, P.QA: 30, P.OUTPUT: 40},
    )

    assert eta.remaining_seconds(eta.totals_of(history), []) == 3 + 150 + 20 + 30
    assert eta.remaining_seconds(eta.totals_of(history), [P.INITIATION, P.PROCESSING]) == 20 + 30
    assert eta.remaining_seconds(eta.totals_of(history), list(P)) == 0
    # Sub-second phases still leave something to wait for
    assert (
        eta.remaining_seconds(eta.totals_of(_history({P.OUTPUT: 0.2})), [P.INITIATION, P.PROCESSING, P.QA])
        == 1
    )


def test_without_history_there_is_no_estimate_rather_than_a_made_up_one() -> None:
    assert eta.remaining_seconds({}, [P.INITIATION]) is None
    # A phase nobody has measured yet: still no estimate.
    assert eta.remaining_seconds(eta.totals_of(_history({P.INITIATION: 1})), [P.INITIATION]) is None


def test_time_remaining_reads_like_the_seed() -> None:
    assert eta.describe(None) is None
    assert eta.describe(0) == "done"
    assert eta.describe(42) == "under 1 min"
    assert eta.describe(300) == "5 min"
