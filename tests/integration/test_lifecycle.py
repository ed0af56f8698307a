"""A TEXT inspection through all four phases on the local stack: the real ASL on moto's
interpreter, the phase Lambdas served by the local Invoke endpoint, the API over HTTP."""

from __future__ import annotations

import json
import threading
import urllib.request

import pytest

from chalicelib.core.errors import TransientError
from chalicelib.phases import processing
from tests.conftest import Api

WATER_LOSS = """Inspection - 14 Banksia St, water damage
Cause: burst flexible supply line under the kitchen sink.
Kitchen 12x14 ft, vinyl plank floor and lower cabinets wet.
Hallway 4 x 10 ft carpet wet at the kitchen doorway.
Readings: kitchen subfloor 32%MC, hallway drywall 45 WME.
"""

PHASES = ["INITIATION", "PROCESSING", "QA", "OUTPUT"]


def test_text_workflow_runs_all_phases_and_produces_the_report(api: Api) -> None:
    # Given a TEXT inspection submitted through the API
    workflow_id = api.create_text(WATER_LOSS, title="14 Banksia St")

    # When the state machine has run it to the end
    workflow = api.wait_for(workflow_id)

    # Then it completed every phase, in order, with every step recorded
    assert workflow["status"] == "COMPLETED", workflow
    assert workflow["completedPhases"] == PHASES
    assert workflow["currentPhase"] == "OUTPUT"
    assert workflow["progressPercentage"] == 100
    assert workflow["completedAt"] is not None
    steps = workflow["steps"]
    assert [s["phase"] for s in steps] == PHASES
    assert [s["stepNumber"] for s in steps] == [1, 2, 3, 4]
    for step in steps:
        assert step["status"] == "COMPLETED"
        assert step["startedAt"] <= step["completedAt"]
        assert step["errorMessage"] is None
    assert set(workflow["phaseDurations"]) == set(PHASES)
    assert workflow["outputData"]["qa"]["passed"] is True

    # And the report is there, as JSON inline and as a Markdown download
    report = api.get(f"/api/orchestrator/workflows/{workflow_id}/report?format=json")
    assert report.status == 200, report.body
    findings = report.body["report"]["findings"]
    assert findings["damageType"] is not None
    assert {area["room"].lower() for area in findings["affectedAreas"]} >= {"kitchen", "hallway"}
    assert len(findings["moistureReadings"]) == 2

    markdown = api.get(f"/api/orchestrator/workflows/{workflow_id}/report?format=md")
    assert markdown.status == 200, markdown.body
    with urllib.request.urlopen(markdown.body["url"], timeout=10) as download:
        text = download.read().decode()
    assert "Kitchen" in text or "kitchen" in text
    assert "32" in text


def test_report_is_not_ready_before_completion_and_rejects_unknown_formats(api: Api) -> None:
    # Given a workflow waiting for its upload (never started)
    workflow_id = api.create_pending("PDF")

    # When its report is asked for
    early = api.get(f"/api/orchestrator/workflows/{workflow_id}/report")
    wrong_format = api.get(f"/api/orchestrator/workflows/{workflow_id}/report?format=exe")

    # Then the answers say why, as JSON errors
    assert early.status == 409 and early.body["error"]["code"] == "REPORT_NOT_READY"
    assert wrong_format.status == 400 and wrong_format.body["error"]["code"] == "INVALID_REPORT_FORMAT"


def test_a_phase_that_keeps_failing_is_retried_then_marked_failed(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an analyzer whose dependency keeps timing out
    calls: list[int] = []

    def unavailable(text: str, **_: object) -> object:
        calls.append(1)
        raise TransientError("Analyzer timed out after 30 s")

    monkeypatch.setattr(processing, "analyze_text", unavailable)

    # When a workflow runs into it
    workflow_id = api.create_text(WATER_LOSS)
    workflow = api.wait_for(workflow_id, timeout=90)

    # Then the ASL retried the task (1 try + 3 retries) before its Catch marked it FAILED
    assert len(calls) == 4
    assert workflow["status"] == "FAILED"
    assert workflow["errorCode"] == "SERVICE_BUSY"
    assert workflow["errorMessage"].startswith("A service the PROCESSING phase needs stayed busy")
    assert workflow["completedPhases"] == ["INITIATION"]
    failed = [s for s in workflow["steps"] if s["status"] == "FAILED"]
    assert [s["phase"] for s in failed] == ["PROCESSING"]
    assert failed[0]["errorMessage"] == workflow["errorMessage"]


def test_a_permanent_error_is_not_retried(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given an analyzer that hits a bug
    calls: list[int] = []

    def broken(text: str, **_: object) -> object:
        calls.append(1)
        raise ValueError("could not parse reading '3O%MC'")

    monkeypatch.setattr(processing, "analyze_text", broken)

    # When a workflow runs into it
    workflow = api.wait_for(api.create_text(WATER_LOSS))

    # Then it failed at once as INTERNAL_ERROR, on the workflow and the step, with what to do and
    # a reference: the exception's type and text are for the logs, not the user
    assert len(calls) == 1
    assert workflow["status"] == "FAILED"
    assert workflow["errorCode"] == "INTERNAL_ERROR"
    assert workflow["id"] in workflow["errorMessage"] and "Retry" in workflow["errorMessage"]
    assert workflow["steps"][-1]["errorMessage"] == workflow["errorMessage"]
    assert "3O%MC" not in str(workflow) and "ValueError" not in str(workflow)


def test_qa_errors_the_offline_analyzer_cannot_fix_go_to_review_without_a_second_analysis(
    api: Api,
) -> None:
    # Given notes from which no damage type or room can be determined
    workflow_id = api.create_text("Called the client. Will come back Tuesday.")

    # When the workflow runs
    workflow = api.wait_for(workflow_id)

    # Then it stops at review with a DRAFT, after one analysis: the offline analyzer would give
    # the same findings again, so it is not run again
    assert workflow["status"] == "NEEDS_REVIEW"
    phases = [s["phase"] for s in workflow["steps"]]
    assert phases == ["INITIATION", "PROCESSING", "QA"]
    assert workflow["review"]["reason"] == "QA_ERRORS" and workflow["review"]["qaErrors"] >= 1
    assert workflow["outputData"]["draft"] is True
    assert workflow["outputData"]["qa"]["passed"] is False


def test_deleting_a_running_workflow_cancels_it_and_stops_its_execution(
    api: Api, monkeypatch: pytest.MonkeyPatch, stack: object
) -> None:
    # Given a workflow whose analysis is slow
    import threading

    release = threading.Event()
    real = processing.analyze_text

    def slow(text: str, **kwargs: object) -> object:
        release.wait(timeout=20)
        return real(text, **kwargs)

    monkeypatch.setattr(processing, "analyze_text", slow)
    workflow_id = api.create_text(WATER_LOSS)
    api.wait_for(workflow_id, until=lambda w: w["currentPhase"] == "PROCESSING")

    # When the user deletes it while it runs
    reply = api.delete(f"/api/orchestrator/workflows/{workflow_id}")
    release.set()

    # Then it is CANCELLED and its execution is stopped: no state after PROCESSING ran
    assert reply.status == 200 and reply.body == {"success": True}
    assert api.workflow(workflow_id)["status"] == "CANCELLED"
    sfn = _sfn_client()
    arn = _execution_arn(workflow_id)
    # ABORTED, as on AWS (local_stack/stepfunctions_stop.py: moto alone said RUNNING until the task
    # in flight returned, then FAILED when that phase refused to write over CANCELLED)
    assert _wait_execution_status(sfn, arn) == "ABORTED"
    entered = [
        event["stateEnteredEventDetails"]["name"]
        for event in sfn.get_execution_history(executionArn=arn)["events"]  # type: ignore[attr-defined]
        if event["type"].endswith("StateEntered")
    ]
    assert entered == ["Initiation", "Processing"]
    final = api.workflow(workflow_id)
    assert final["status"] == "CANCELLED"
    assert final["completedPhases"] == ["INITIATION"]


def test_deleting_a_running_workflow_aborts_its_execution_at_once_as_on_aws(
    api: Api, held_analysis: threading.Event
) -> None:
    # Given a workflow whose PROCESSING Lambda is still running
    workflow_id = api.create_text(WATER_LOSS)
    api.wait_for(workflow_id, until=lambda w: w["currentPhase"] == "PROCESSING")
    sfn = _sfn_client()
    arn = _execution_arn(workflow_id)

    # When the user deletes it, while that Lambda still runs
    assert api.delete(f"/api/orchestrator/workflows/{workflow_id}").status == 200

    # Then the execution is no longer RUNNING, before the task in flight returns (StopExecution on
    # AWS ends the execution at once; a Lambda already running finishes on its own)
    described = sfn.describe_execution(executionArn=arn)  # type: ignore[attr-defined]
    assert described["status"] == "ABORTED"
    assert described.get("stopDate") is not None

    # And once the phase returns, nothing more runs and nothing is written over CANCELLED
    held_analysis.set()
    api.wait_for(workflow_id, until=lambda w: all(s["status"] != "IN_PROGRESS" for s in w["steps"]))
    assert sfn.describe_execution(executionArn=arn)["status"] == "ABORTED"  # type: ignore[attr-defined]
    entered = [
        event["stateEnteredEventDetails"]["name"]
        for event in sfn.get_execution_history(executionArn=arn)["events"]  # type: ignore[attr-defined]
        if event["type"].endswith("StateEntered")
    ]
    assert entered == ["Initiation", "Processing"]
    final = api.workflow(workflow_id)
    assert final["status"] == "CANCELLED" and final["completedPhases"] == ["INITIATION"]


def test_deleting_a_finished_workflow_removes_it_and_its_steps(api: Api) -> None:
    # Given a completed workflow
    workflow_id = api.create_text(WATER_LOSS)
    assert api.wait_for(workflow_id)["status"] == "COMPLETED"

    # When it is deleted
    reply = api.delete(f"/api/orchestrator/workflows/{workflow_id}")

    # Then it is gone, with its steps and its documents
    assert reply.status == 200 and reply.body == {"success": True}
    assert api.get(f"/api/orchestrator/workflows/{workflow_id}").status == 404
    from chalicelib.wiring import ports

    assert ports().workflows.list_steps(workflow_id) == []
    s3 = _boto("s3")
    listed = s3.list_objects_v2(Bucket="restoreassist-documents", Prefix="reports/")
    assert not any(workflow_id in obj["Key"] for obj in listed.get("Contents", []))
    # And deleting it again is a 404, not an error
    assert api.delete(f"/api/orchestrator/workflows/{workflow_id}").status == 404


# --- helpers --------------------------------------------------------------------------------


def _boto(service: str) -> object:
    import boto3

    return boto3.client(service)


def _sfn_client() -> object:
    return _boto("stepfunctions")


def _execution_arn(workflow_id: str) -> str:
    import os

    from chalicelib.aws.engine import execution_arn

    return execution_arn(os.environ["STATE_MACHINE_ARN"], workflow_id)


def _wait_execution_status(sfn: object, arn: str, timeout: float = 30) -> str:
    import time

    deadline = time.monotonic() + timeout
    while True:
        status = str(sfn.describe_execution(executionArn=arn)["status"])  # type: ignore[attr-defined]
        if status != "RUNNING" or time.monotonic() > deadline:
            return status
        time.sleep(0.2)


def test_execution_input_carries_ids_only(api: Api) -> None:
    # Given a completed workflow
    workflow_id = api.create_text(WATER_LOSS)
    api.wait_for(workflow_id)

    # When its execution's input is read
    execution = _sfn_client().describe_execution(executionArn=_execution_arn(workflow_id))  # type: ignore[attr-defined]

    # Then it holds ids, never the document (and the OCR poll's Wait interval, a setting)
    assert set(json.loads(execution["input"])) == {"workflowId", "userId", "attempt", "ocrPollSeconds"}


def test_a_plain_workflow_makes_five_state_transitions_on_the_interpreter(api: Api) -> None:
    # Given a workflow nobody pauses, whose QA passes
    workflow_id = api.create_text(WATER_LOSS)
    assert api.wait_for(workflow_id)["status"] == "COMPLETED"

    # When its execution's history is read
    sfn = _sfn_client()
    arn = _execution_arn(workflow_id)
    assert _wait_execution_status(sfn, arn) == "SUCCEEDED"
    history = sfn.get_execution_history(executionArn=arn, maxResults=1000)["events"]  # type: ignore[attr-defined]

    # Then it entered five states, each a billed transition (bench/cost.py prices them)
    entered = [e["stateEnteredEventDetails"]["name"] for e in history if e["type"].endswith("StateEntered")]
    assert entered == ["Initiation", "Processing", "QualityCheck", "QaPassed", "Output"]
