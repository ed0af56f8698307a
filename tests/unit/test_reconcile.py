"""The reconciler's decisions, on the in-memory ports: what it settles, what it leaves alone,
and the ReviewsOverdue count."""

from __future__ import annotations

from datetime import datetime, timedelta

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
from chalicelib.core.ports import Throttled
from chalicelib.core.reconcile import Limits, reconcile
from tests.memory_ports import MemoryPorts

LONG_AGO = utc_now() - timedelta(days=3)


class Counted:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def count(self, name: str, value: int) -> None:
        self.counts[name] = value


def _workflow(ports: MemoryPorts, name: str, status: WorkflowStatus, **fields: object) -> Workflow:
    workflow = Workflow(
        id=f"wf_{name}",
        user_id="alice",
        title=name,
        input_method=InputMethod.TEXT,
        status=status,
        created_at=fields.pop("created_at", LONG_AGO),  # type: ignore[arg-type]
        updated_at=fields.pop("updated_at", LONG_AGO),  # type: ignore[arg-type]
        execution_name=fields.pop("execution_name", f"wf_{name}"),  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )
    ports.workflows.workflows[workflow.id] = workflow
    return workflow


def _run(ports: MemoryPorts, now: datetime | None = None) -> tuple[dict[str, str], dict[str, int]]:
    metrics = Counted()
    outcome = reconcile(ports, metrics, now or utc_now(), Limits(grace=timedelta(minutes=10)))
    return outcome.settled, metrics.counts


def test_every_ended_or_vanished_execution_is_settled_and_live_ones_are_left_alone() -> None:
    ports = MemoryPorts()
    for name, status in (("failed", "FAILED"), ("timed", "TIMED_OUT"), ("aborted", "ABORTED")):
        _workflow(ports, name, WorkflowStatus.IN_PROGRESS)
        ports.engine.statuses[f"wf_{name}"] = status
    _workflow(ports, "lost", WorkflowStatus.PAUSED, task_token="t-lost")  # no execution at all
    _workflow(ports, "live", WorkflowStatus.IN_PROGRESS)
    ports.engine.statuses["wf_live"] = "RUNNING"
    # waits for its upload (its form was issued two hours ago)
    _workflow(
        ports,
        "upload",
        WorkflowStatus.PENDING,
        execution_name=None,
        created_at=utc_now() - timedelta(hours=2),
    )
    _workflow(ports, "recent", WorkflowStatus.IN_PROGRESS, updated_at=utc_now())  # within the grace
    _workflow(ports, "done", WorkflowStatus.COMPLETED)

    settled, _ = _run(ports)

    assert settled == {f"wf_{n}": "FAILED" for n in ("failed", "timed", "aborted", "lost")}
    codes = {
        n: ports.workflows.workflows[f"wf_{n}"].error_code for n in ("failed", "timed", "aborted", "lost")
    }
    assert codes == {
        "failed": "RUN_FAILED",
        "timed": "RUN_TIMED_OUT",
        "aborted": "RUN_STOPPED",
        "lost": "RUN_LOST",
    }
    lost = ports.workflows.workflows["wf_lost"]
    assert lost.task_token is None and ports.engine.abandoned == ["t-lost"]
    for name in ("live", "recent"):
        assert ports.workflows.workflows[f"wf_{name}"].status is WorkflowStatus.IN_PROGRESS
    assert ports.workflows.workflows["wf_upload"].status is WorkflowStatus.PENDING
    # And a second run has nothing left to do
    assert _run(ports)[0] == {}


def test_a_succeeded_run_completes_the_record_only_if_its_report_was_made() -> None:
    ports = MemoryPorts()
    made = _workflow(ports, "made", WorkflowStatus.IN_PROGRESS, output_data={"reports": {}})
    _workflow(ports, "early", WorkflowStatus.IN_PROGRESS)
    ports.engine.statuses.update({"wf_made": "SUCCEEDED", "wf_early": "SUCCEEDED"})
    ports.workflows.steps[made.id] = {
        4: WorkflowStep(
            id=f"{made.id}-0004",
            workflow_id=made.id,
            phase=OrchestratorPhase.OUTPUT,
            step_number=4,
            description="Render the report",
            status=StepStatus.COMPLETED,
        )
    }

    settled, _ = _run(ports)

    assert settled == {"wf_made": "COMPLETED", "wf_early": "FAILED"}
    assert ports.workflows.workflows["wf_early"].error_code == "RUN_ENDED"


def test_reviews_waiting_past_the_threshold_are_counted() -> None:
    ports = MemoryPorts()
    now = utc_now()
    for name, hours, approved in (("old", 30, None), ("new", 2, None), ("approved", 30, now)):
        review = Review(
            reason=ReviewReason.QA_ERRORS, requested_at=now - timedelta(hours=hours), approved_at=approved
        )
        _workflow(ports, name, WorkflowStatus.NEEDS_REVIEW, review=review, task_token=f"t-{name}")
        ports.engine.statuses[f"wf_{name}"] = "RUNNING"

    settled, counts = _run(ports, now)

    assert settled == {}
    assert counts == {"ReviewsOverdue": 1, "WorkflowsReconciled": 0}


def test_a_settled_workflow_can_be_retried() -> None:
    ports = MemoryPorts()
    workflow = _workflow(ports, "stranded", WorkflowStatus.IN_PROGRESS)
    ports.engine.statuses[workflow.id] = "FAILED"
    _run(ports)

    retried = control.retry_workflow(ports, ports.workflows.workflows[workflow.id])

    assert retried.status is WorkflowStatus.IN_PROGRESS and retried.retries == 1
    assert ports.engine.started[-1]["name"] == f"{workflow.id}-retry1"


def test_a_resume_whose_task_is_over_fails_the_workflow_instead_of_leaving_it_paused() -> None:
    ports = MemoryPorts()
    workflow = _workflow(ports, "paused", WorkflowStatus.PAUSED, task_token="t-1", pause_requested=True)
    ports.engine.gone_tokens.add("t-1")

    try:
        control.resume_workflow(ports, workflow)
    except control.ConflictError as refused:
        assert refused.code == "PAUSE_EXPIRED"
    else:
        raise AssertionError("resume should be refused")

    settled = ports.workflows.workflows[workflow.id]
    assert settled.status is WorkflowStatus.FAILED and settled.error_code == "PauseExpired"
    assert settled.task_token is None and ports.engine.stopped == [workflow.id]


def test_a_run_stops_before_its_time_runs_out_or_when_throttled_and_the_next_goes_on() -> None:
    ports = MemoryPorts()
    for name in ("one", "two"):
        _workflow(ports, name, WorkflowStatus.IN_PROGRESS)
        ports.engine.statuses[f"wf_{name}"] = "FAILED"

    # No time left: nothing checked, the run says it is partial
    out_of_time = reconcile(ports, Counted(), utc_now(), Limits(time_left=lambda: 1.0))
    assert out_of_time.partial and out_of_time.checked == 0

    # Step Functions throttling: the run stops there, and the next one settles both
    def throttled(name: str) -> str | None:
        raise Throttled("ThrottlingException")

    real = ports.engine.describe
    ports.engine.describe = throttled  # type: ignore[method-assign]
    stopped = reconcile(ports, Counted(), utc_now())
    assert stopped.partial and stopped.settled == {}
    ports.engine.describe = real  # type: ignore[method-assign]
    assert set(reconcile(ports, Counted(), utc_now()).settled) == {"wf_one", "wf_two"}


def test_a_workflow_whose_file_never_came_ends_upload_expired() -> None:
    # Given a PDF workflow created two days ago whose file never arrived
    ports = MemoryPorts()
    _workflow(
        ports, "stale", WorkflowStatus.PENDING, execution_name=None, created_at=utc_now() - timedelta(days=2)
    )
    # When the reconciler runs
    settled, _ = _run(ports)
    # Then it ends with a reason that says what to do, not PENDING for ever
    stale = ports.workflows.workflows["wf_stale"]
    assert settled == {"wf_stale": "FAILED"}
    assert stale.error_code == "UPLOAD_EXPIRED" and "Create a new workflow" in (stale.error_message or "")
    assert ports.engine.abandoned == []


def test_a_fresh_upload_form_restarts_the_pending_expiry() -> None:
    # Given two PDF workflows created two days ago, one of which asked for a fresh form an hour ago
    ports = MemoryPorts()
    two_days = utc_now() - timedelta(days=2)
    _workflow(ports, "old_form", WorkflowStatus.PENDING, execution_name=None, created_at=two_days)
    _workflow(
        ports,
        "fresh_form",
        WorkflowStatus.PENDING,
        execution_name=None,
        created_at=two_days,
        input_data={"formIssuedAt": (utc_now() - timedelta(hours=1)).isoformat()},
    )
    # When the reconciler runs
    settled, _ = _run(ports)
    # Then only the one whose newest form is over 24 hours old expires
    assert settled == {"wf_old_form": "FAILED"}
    assert ports.workflows.workflows["wf_fresh_form"].status is WorkflowStatus.PENDING
