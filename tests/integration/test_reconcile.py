"""Control that cannot strand, on the local stack with injected faults: the token goes back
before the record changes (and a token whose task is over settles the workflow), and the
reconciler settles every workflow whose execution ended or vanished; retry then goes on."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from chalicelib.aws.engine import execution_arn
from chalicelib.phases import processing
from local_stack.faults import Always, FailApiCalls, Fault, FirstInvocations
from local_stack.stack import LocalStack
from tests.conftest import Api

BASE = "/api/orchestrator/workflows"
NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet.\nLaundry wall 40 WME."
GRACE = float(os.environ["RECONCILE_GRACE_SECONDS"])
INTERNALS = ("arn:", "Injected", "Traceback", "restoreassist-", "Exception", "States.")


@pytest.fixture
def faults(stack: LocalStack) -> Iterator[LocalStack]:
    yield stack
    stack.inject_faults(None)
    stack.inject_api_faults(None)


def _sfn() -> Any:
    return boto3.client("stepfunctions")


def _execution_status(name: str, until_not_running: bool = True, timeout: float = 30) -> str:
    arn = execution_arn(os.environ["STATE_MACHINE_ARN"], name)
    deadline = time.monotonic() + timeout
    while True:
        status = str(_sfn().describe_execution(executionArn=arn)["status"])
        if status != "RUNNING" or not until_not_running or time.monotonic() > deadline:
            return status
        time.sleep(0.2)


def _paused(api: Api, held_analysis: threading.Event) -> str:
    workflow_id = api.create_text(NOTES)
    api.wait_for(workflow_id, until=lambda w: w["currentPhase"] == "PROCESSING")
    assert api.post(f"{BASE}/{workflow_id}/pause").status == 200
    held_analysis.set()
    api.wait_for(workflow_id, until=lambda w: w["status"] == "PAUSED")
    return workflow_id


def _reconciled(stack: LocalStack, workflow_id: str) -> dict[str, Any]:
    time.sleep(GRACE + 0.5)  # past the grace the reconciler gives a workflow that just changed
    outcome = stack.reconcile()
    assert workflow_id in outcome["settled"], outcome
    return outcome


def _user_facing(workflow: dict[str, Any]) -> None:
    assert workflow["errorCode"] and workflow["errorMessage"]
    assert not any(word in workflow["errorMessage"] for word in INTERNALS), workflow["errorMessage"]


def _retry_completes(api: Api, workflow_id: str) -> dict[str, Any]:
    reply = api.post(f"{BASE}/{workflow_id}/retry")
    assert reply.status == 200, reply.body
    done = api.wait_for(workflow_id)
    assert done["status"] == "COMPLETED", done
    return done


def test_resume_sends_the_token_through_throttling_then_records_it(
    api: Api, faults: LocalStack, held_analysis: threading.Event
) -> None:
    # Given a paused workflow, and Step Functions throttling SendTaskSuccess twice
    workflow_id = _paused(api, held_analysis)
    throttled = FailApiCalls("SendTaskSuccess", "ThrottlingException", times=2)
    faults.inject_api_faults(throttled)

    # When the user resumes it
    reply = api.post(f"{BASE}/{workflow_id}/resume")

    # Then the token went back on the third try, and the workflow runs on to the end
    assert reply.status == 200, reply.body
    assert throttled.failed == 2
    done = api.wait_for(workflow_id)
    assert done["status"] == "COMPLETED" and done["pauseRequested"] is False
    assert [(s["phase"], s["runs"]) for s in done["steps"]] == [
        ("INITIATION", 1),
        ("PROCESSING", 1),
        ("QA", 1),
        ("OUTPUT", 1),
    ]


def test_a_resume_whose_wait_is_over_settles_the_workflow_and_retry_goes_on(
    api: Api, faults: LocalStack, held_analysis: threading.Event
) -> None:
    # Given a paused workflow whose task token Step Functions no longer knows (its wait timed out)
    workflow_id = _paused(api, held_analysis)
    faults.inject_api_faults(FailApiCalls("SendTaskSuccess", "TaskTimedOut", times=1))

    # When the user resumes it
    reply = api.post(f"{BASE}/{workflow_id}/resume")

    # Then it is refused with a reason, and the workflow is FAILED (not left PAUSED or
    # IN_PROGRESS for ever), its execution ended
    assert reply.status == 409 and reply.body["error"]["code"] == "PAUSE_EXPIRED", reply.body
    failed = api.workflow(workflow_id)
    assert failed["status"] == "FAILED" and failed["errorCode"] == "PauseExpired"
    _user_facing(failed)
    assert _execution_status(workflow_id) in {"ABORTED", "FAILED"}

    # And a retry goes on from where it stood and completes
    done = _retry_completes(api, workflow_id)
    assert {s["phase"]: s["runs"] for s in done["steps"]}["PROCESSING"] == 1


def test_a_failure_that_cannot_be_recorded_is_settled_by_the_reconciler(
    api: Api, faults: LocalStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an analysis that fails, and the Lambda that records failures failing too
    real = processing.analyze_text
    monkeypatch.setattr(
        processing, "analyze_text", lambda text, **_: (_ for _ in ()).throw(ValueError("bug"))
    )
    faults.inject_faults(Always("record_failure", Fault.HANDLER_ERROR))
    workflow_id = api.create_text(NOTES)

    # When the execution has ended FAILED, the record still says IN_PROGRESS
    assert _execution_status(workflow_id) == "FAILED"
    assert api.workflow(workflow_id)["status"] == "IN_PROGRESS"

    # Then the reconciler settles it: FAILED with a reason for people, no step left running
    faults.inject_faults(None)
    _reconciled(faults, workflow_id)
    failed = api.workflow(workflow_id)
    assert failed["status"] == "FAILED" and failed["errorCode"] == "RUN_FAILED"
    _user_facing(failed)
    assert all(step["status"] != "IN_PROGRESS" for step in failed["steps"])

    # And once the bug is fixed, a retry completes it from PROCESSING
    monkeypatch.setattr(processing, "analyze_text", real)
    done = _retry_completes(api, workflow_id)
    assert {s["phase"]: s["runs"] for s in done["steps"]} == {
        "INITIATION": 1,
        "PROCESSING": 2,
        "QA": 1,
        "OUTPUT": 1,
    }


def test_an_execution_stopped_behind_the_workflows_back_is_settled(
    api: Api, faults: LocalStack, held_analysis: threading.Event
) -> None:
    # Given a workflow in PROCESSING whose execution someone stops outside the API
    workflow_id = api.create_text(NOTES)
    api.wait_for(workflow_id, until=lambda w: w["currentPhase"] == "PROCESSING")
    _sfn().stop_execution(
        executionArn=execution_arn(os.environ["STATE_MACHINE_ARN"], workflow_id), cause="by hand"
    )
    held_analysis.set()
    assert _execution_status(workflow_id) in {"ABORTED", "FAILED"}
    api.wait_for(workflow_id, until=lambda w: w["steps"][-1]["status"] != "IN_PROGRESS")
    assert api.workflow(workflow_id)["status"] == "IN_PROGRESS"

    # When the reconciler runs, it is FAILED with a reason, and a retry completes it
    _reconciled(faults, workflow_id)
    failed = api.workflow(workflow_id)
    assert failed["status"] == "FAILED" and failed["errorCode"] in {"RUN_STOPPED", "RUN_FAILED"}
    _user_facing(failed)
    _retry_completes(api, workflow_id)


def test_a_run_that_never_started_is_settled_and_retried(
    api: Api, faults: LocalStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a failed workflow whose retry was recorded but whose execution never started
    # (Step Functions unavailable): the record says IN_PROGRESS with no execution behind it
    real = processing.analyze_text
    monkeypatch.setattr(
        processing, "analyze_text", lambda text, **_: (_ for _ in ()).throw(ValueError("bug"))
    )
    workflow_id = api.create_text(NOTES)
    assert api.wait_for(workflow_id)["status"] == "FAILED"
    monkeypatch.setattr(processing, "analyze_text", real)
    faults.inject_api_faults(FailApiCalls("StartExecution", "ServiceUnavailable"))
    reply = api.post(f"{BASE}/{workflow_id}/retry")
    assert reply.status == 503, reply.body
    faults.inject_api_faults(None)
    stranded = api.workflow(workflow_id)
    assert stranded["status"] == "IN_PROGRESS" and stranded["retries"] == 1

    # When the reconciler runs, it is FAILED (RUN_LOST), and the next retry completes it
    _reconciled(faults, workflow_id)
    failed = api.workflow(workflow_id)
    assert failed["status"] == "FAILED" and failed["errorCode"] == "RUN_LOST"
    _user_facing(failed)
    assert _retry_completes(api, workflow_id)["retries"] == 2


def test_the_reconciler_leaves_live_and_waiting_workflows_alone(
    api: Api, faults: LocalStack, held_analysis: threading.Event
) -> None:
    # Given a paused workflow and one in review, both with live executions
    paused = _paused(api, held_analysis)
    review = api.create_text(NOTES, review_required=True)
    assert api.wait_for(review)["status"] == "NEEDS_REVIEW"
    time.sleep(GRACE + 0.5)

    # When the reconciler runs
    outcome = faults.reconcile()

    # Then it settled neither, and both still go on
    assert paused not in outcome["settled"] and review not in outcome["settled"]
    assert api.workflow(paused)["status"] == "PAUSED"
    assert api.workflow(review)["status"] == "NEEDS_REVIEW"
    assert api.post(f"{BASE}/{paused}/resume").status == 200
    assert api.wait_for(paused)["status"] == "COMPLETED"


def test_an_approval_whose_review_is_over_settles_the_workflow_and_retry_reviews_again(
    api: Api, faults: LocalStack
) -> None:
    # Given a workflow in review (asked for; QA passed), whose task token is no longer valid
    workflow_id = api.create_text(NOTES, review_required=True)
    assert api.wait_for(workflow_id)["status"] == "NEEDS_REVIEW"
    faults.inject_api_faults(FailApiCalls("SendTaskSuccess", "InvalidToken", times=1))

    # When the reviewer approves it
    reply = api.post(f"{BASE}/{workflow_id}/approve", {"overrides": []})

    # Then the approval is refused with a reason, and the workflow is FAILED as after a review
    # period that ended, not left in review or running
    assert reply.status == 409 and reply.body["error"]["code"] == "REVIEW_EXPIRED", reply.body
    failed = api.workflow(workflow_id)
    assert failed["status"] == "FAILED" and failed["errorCode"] == "ReviewTimedOut"
    _user_facing(failed)

    # And a retry starts a new review, which an approval then completes
    assert api.post(f"{BASE}/{workflow_id}/retry").status == 200
    assert api.wait_for(workflow_id)["status"] == "NEEDS_REVIEW"
    assert api.post(f"{BASE}/{workflow_id}/approve", {"overrides": []}).status == 200
    assert api.wait_for(workflow_id)["status"] == "COMPLETED"


def test_the_local_stack_runs_the_reconciler_on_a_timer(
    api: Api, faults: LocalStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a workflow whose failure could not be recorded, and the timer `make run` starts
    monkeypatch.setattr(
        processing, "analyze_text", lambda text, **_: (_ for _ in ()).throw(ValueError("bug"))
    )
    faults.inject_faults(Always("record_failure", Fault.HANDLER_ERROR))
    workflow_id = api.create_text(NOTES)
    assert _execution_status(workflow_id) == "FAILED"
    faults.inject_faults(None)
    stop = threading.Event()
    timer = faults.reconcile_on_a_timer(0.5, stop)
    try:
        # Then, with nobody calling it, the workflow is settled once its grace has passed
        settled = api.wait_for(workflow_id, until=lambda w: w["status"] == "FAILED", timeout=GRACE + 15)
    finally:
        stop.set()
        timer.join(timeout=10)
    assert settled["errorCode"] == "RUN_FAILED"


@pytest.mark.timeout(120)
def test_a_throttled_analysis_is_retried_until_it_runs_not_failed(api: Api, faults: LocalStack) -> None:
    # Given PROCESSING at its concurrency cap: Lambda refuses 4 invokes in a row with
    # TooManyRequestsException (one more than the 3 retries that failed such a workflow before)
    throttled = FirstInvocations("phase_processing", Fault.THROTTLED, times=4)
    faults.inject_faults(throttled)

    # When a workflow runs
    done = api.wait_for(api.create_text(NOTES), timeout=60)  # full jitter: at most 1+2+4+8 s

    # Then it waited its turn and completed, PROCESSING having run once
    assert done["status"] == "COMPLETED", done
    assert throttled.invocations == 5
    assert {s["phase"]: s["runs"] for s in done["steps"]}["PROCESSING"] == 1
