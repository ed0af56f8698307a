"""Workflow control on the local stack: pause at a phase boundary and resume, cancel a paused
workflow, and retry a failed one from the phase that failed."""

from __future__ import annotations

import threading
import time

import boto3
import pytest

from chalicelib.aws.engine import execution_arn
from chalicelib.phases import processing
from tests.conftest import Api

BASE = "/api/orchestrator/workflows"
NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet.\nLaundry wall 40 WME."


def _running_processing(api: Api) -> str:
    workflow_id = api.create_text(NOTES)
    api.wait_for(workflow_id, until=lambda w: w["currentPhase"] == "PROCESSING")
    return workflow_id


def test_pause_takes_effect_after_the_phase_and_resume_runs_each_phase_once(
    api: Api, held_analysis: threading.Event
) -> None:
    # Given a workflow in PROCESSING
    workflow_id = _running_processing(api)

    # When the user pauses it, and PROCESSING then finishes
    paused = api.post(f"{BASE}/{workflow_id}/pause")
    assert paused.status == 200 and paused.body["workflow"]["pauseRequested"] is True
    held_analysis.set()
    workflow = api.wait_for(workflow_id, until=lambda w: w["status"] == "PAUSED")

    # Then it waits at the boundary: PROCESSING done, QA not started, no token shown
    assert workflow["completedPhases"] == ["INITIATION", "PROCESSING"]
    assert [s["phase"] for s in workflow["steps"]] == ["INITIATION", "PROCESSING"]
    assert "taskToken" not in workflow
    time.sleep(1)
    assert api.workflow(workflow_id)["status"] == "PAUSED"

    # When it is resumed
    resumed = api.post(f"{BASE}/{workflow_id}/resume")
    assert resumed.status == 200 and resumed.body["workflow"]["status"] == "IN_PROGRESS"
    done = api.wait_for(workflow_id)

    # Then it completes, every phase having run once, and the pause is not counted as work
    assert done["status"] == "COMPLETED", done
    assert [(s["phase"], s["runs"]) for s in done["steps"]] == [
        ("INITIATION", 1),
        ("PROCESSING", 1),
        ("QA", 1),
        ("OUTPUT", 1),
    ]
    assert done["pausedSeconds"] >= 1
    assert done["pauseRequested"] is False


def test_a_pause_withdrawn_before_the_boundary_changes_nothing(
    api: Api, held_analysis: threading.Event
) -> None:
    workflow_id = _running_processing(api)
    assert api.post(f"{BASE}/{workflow_id}/pause").status == 200
    assert api.post(f"{BASE}/{workflow_id}/resume").status == 200
    held_analysis.set()
    done = api.wait_for(workflow_id)
    assert done["status"] == "COMPLETED" and done["pausedSeconds"] == 0


def test_a_paused_workflow_can_be_cancelled_and_its_execution_ends(
    api: Api, held_analysis: threading.Event
) -> None:
    # Given a paused workflow
    workflow_id = _running_processing(api)
    api.post(f"{BASE}/{workflow_id}/pause")
    held_analysis.set()
    api.wait_for(workflow_id, until=lambda w: w["status"] == "PAUSED")

    # When it is cancelled
    assert api.delete(f"{BASE}/{workflow_id}").body == {"success": True}

    # Then it is CANCELLED with no step left running, and its execution is over
    workflow = api.workflow(workflow_id)
    assert workflow["status"] == "CANCELLED"
    assert all(step["status"] != "IN_PROGRESS" for step in workflow["steps"])
    sfn = boto3.client("stepfunctions")
    import os

    arn = execution_arn(os.environ["STATE_MACHINE_ARN"], workflow_id)
    deadline = time.monotonic() + 20
    while sfn.describe_execution(executionArn=arn)["status"] == "RUNNING":
        assert time.monotonic() < deadline, "the paused execution is still waiting"
        time.sleep(0.2)
    assert api.workflow(workflow_id)["status"] == "CANCELLED"


def test_a_failed_workflow_is_retried_from_the_phase_that_failed(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a workflow that failed in PROCESSING (a bug, since fixed)
    real = processing.analyze_text
    monkeypatch.setattr(
        processing, "analyze_text", lambda text, **_: (_ for _ in ()).throw(ValueError("bug"))
    )
    workflow_id = api.create_text(NOTES)
    failed = api.wait_for(workflow_id)
    assert failed["status"] == "FAILED" and failed["errorCode"] == "INTERNAL_ERROR"
    monkeypatch.setattr(processing, "analyze_text", real)

    # When the user retries it
    reply = api.post(f"{BASE}/{workflow_id}/retry")
    assert reply.status == 200, reply.body
    assert reply.body["workflow"]["status"] == "IN_PROGRESS"
    assert reply.body["workflow"]["currentPhase"] == "PROCESSING"

    # Then it resumes at PROCESSING, keeping INITIATION's result, and completes
    done = api.wait_for(workflow_id)
    assert done["status"] == "COMPLETED", done
    assert done["errorMessage"] is None and done["retries"] == 1
    runs = {s["phase"]: s["runs"] for s in done["steps"]}
    assert runs == {"INITIATION": 1, "PROCESSING": 2, "QA": 1, "OUTPUT": 1}
    assert len(done["steps"]) == 4


def test_control_refuses_what_does_not_apply(api: Api) -> None:
    done = api.wait_for(api.create_text(NOTES))
    workflow_id = done["id"]
    for action, code in (("pause", "NOT_RUNNING"), ("resume", "NOT_PAUSED"), ("retry", "NOT_FAILED")):
        reply = api.post(f"{BASE}/{workflow_id}/{action}")
        assert reply.status == 409 and reply.body["error"]["code"] == code, (action, reply.body)
    # ... another user's workflow is not found, and nothing changed
    assert api.as_user("mallory-control").post(f"{BASE}/{workflow_id}/pause").status == 404
    assert api.workflow(workflow_id)["version"] == done["version"]


def test_retries_are_bounded(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        processing, "analyze_text", lambda text, **_: (_ for _ in ()).throw(ValueError("still broken"))
    )
    workflow_id = api.create_text(NOTES)
    api.wait_for(workflow_id)
    for _ in range(3):
        assert api.post(f"{BASE}/{workflow_id}/retry").status == 200
        assert api.wait_for(workflow_id)["status"] == "FAILED"
    reply = api.post(f"{BASE}/{workflow_id}/retry")
    assert reply.status == 409 and reply.body["error"]["code"] == "RETRY_LIMIT"
    steps = api.workflow(workflow_id)["steps"]
    assert [(s["phase"], s["runs"]) for s in steps] == [("INITIATION", 1), ("PROCESSING", 4)]
