"""At-least-once delivery: a phase, a start or a failure delivered twice changes nothing more."""

from __future__ import annotations

import os
from typing import Any

import boto3

from chalicelib.wiring import ports
from tests.conftest import Api

NOTES = "Laundry 3 x 2.5 m flooded by a washing machine hose. Wall 38 WME, floor 28%MC."


def _app() -> Any:
    import app

    return app


def _state(workflow: dict[str, Any]) -> dict[str, Any]:
    return {"workflowId": workflow["id"], "userId": workflow["userId"], "attempt": 1}


def test_a_phase_delivered_again_after_completion_changes_nothing(api: Api) -> None:
    # Given a completed workflow
    workflow = api.wait_for(api.create_text(NOTES))
    assert workflow["status"] == "COMPLETED"

    # When Step Functions delivers each phase's task again
    app = _app()
    for handler in (app.phase_initiation, app.phase_processing, app.phase_qa, app.phase_output):
        result = handler(_state(workflow), None)
        assert result["workflowId"] == workflow["id"]

    # Then the record and its steps are exactly as they were
    again = api.workflow(workflow["id"])
    assert again["version"] == workflow["version"]
    assert again["steps"] == workflow["steps"]
    assert again["status"] == "COMPLETED"


def test_starting_the_same_workflow_twice_runs_one_execution(api: Api) -> None:
    # Given a workflow whose execution was started
    workflow = api.wait_for(api.create_text(NOTES))

    # When a start for it is delivered again
    ports().engine.start(workflow["id"], workflow["userId"])

    # Then there is still exactly one execution for it
    sfn = boto3.client("stepfunctions")
    executions = sfn.list_executions(stateMachineArn=os.environ["STATE_MACHINE_ARN"])["executions"]
    assert [e["name"] for e in executions].count(workflow["id"]) == 1


def test_a_failure_delivered_after_completion_does_not_undo_it(api: Api) -> None:
    # Given a completed workflow
    workflow = api.wait_for(api.create_text(NOTES))

    # When a stray failure for it arrives
    event = {**_state(workflow), "error": {"Error": "States.Timeout", "Cause": ""}}
    _app().workflow_failed(event, None)

    # Then it stays COMPLETED with its steps intact
    again = api.workflow(workflow["id"])
    assert again["status"] == "COMPLETED"
    assert again["errorMessage"] is None
    assert all(step["status"] == "COMPLETED" for step in again["steps"])


def test_a_timeout_fails_the_workflow_with_a_clear_message(api: Api) -> None:
    # Given a workflow waiting for its input (no execution)
    workflow_id = api.create_pending("WORD")
    record = ports().workflows.get(workflow_id)
    assert record is not None

    # When the state machine reports a timeout for it
    event = {"workflowId": workflow_id, "userId": record.user_id, "attempt": 1}
    _app().workflow_failed({**event, "error": {"Error": "States.Timeout", "Cause": ""}}, None)

    # Then the workflow is FAILED and says what happened
    failed = api.workflow(workflow_id)
    assert failed["status"] == "FAILED"
    assert failed["errorCode"] == "PHASE_TIMED_OUT"
    assert failed["errorMessage"].startswith("The INITIATION phase did not finish within its time limit")
