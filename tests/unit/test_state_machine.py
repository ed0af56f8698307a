"""The ASL file: every Task runs a handler the app defines, and every Task is guarded."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from chalicelib.settings import Settings
from local_stack.provision import ASL_FILE, function_arns, render_definition

ASL: dict[str, Any] = json.loads(ASL_FILE.read_text())
TASKS = {name: state for name, state in ASL["States"].items() if state["Type"] == "Task"}


@pytest.fixture(scope="module")
def chalice_app() -> Any:
    import app

    return app.app


def test_every_task_resource_maps_to_a_lambda_handler(chalice_app: Any) -> None:
    # Given the app's Lambda functions and their ARNs as the template binds them
    arns = function_arns(chalice_app, "restoreassist-dev-", "us-east-1")

    # When the definition is rendered, every placeholder is bound
    rendered = json.loads(render_definition(ASL_FILE.read_text(), arns))

    # Then each Task invokes one of the app's own handlers
    handlers = {fn.name for fn in chalice_app.pure_lambda_functions}
    for name, state in rendered["States"].items():
        if state["Type"] != "Task":
            continue
        function = state["Parameters"]["FunctionName"].rsplit(":function:restoreassist-dev-", 1)[1]
        assert function in handlers, f"{name} invokes {function}, which app.py does not define"
        assert callable(chalice_app.handler_map[function])


def test_a_placeholder_without_a_handler_is_refused() -> None:
    with pytest.raises(ValueError, match="PhaseTypoArn"):
        render_definition('{"FunctionName": "${PhaseTypoArn}"}', {"PhaseQaArn": "arn"})


@pytest.mark.parametrize("name", sorted(TASKS))
def test_every_task_retries_transient_errors_and_catches_the_rest(name: str) -> None:
    state = TASKS[name]
    retried = {error for rule in state["Retry"] for error in rule["ErrorEquals"]}
    assert {
        "TransientError",
        "Throttled",
        "Lambda.TooManyRequestsException",
        "Lambda.ServiceException",
    } <= retried
    assert all(rule["BackoffRate"] > 1 for rule in state["Retry"])
    assert any("States.ALL" in c["ErrorEquals"] for c in state["Catch"])


def test_only_ids_are_passed_to_the_phases() -> None:
    for name, state in TASKS.items():
        if name.startswith("Pause"):
            # The pause point gets the ids, where it is, and the token that resume sends back
            payload = state["Parameters"]["Payload"]
            assert set(payload) == {"workflowId.$", "userId.$", "attempt.$", "nextPhase", "taskToken.$"}
            assert payload["taskToken.$"] == "$$.Task.Token"
            assert state["Resource"].endswith(".waitForTaskToken")
        elif name == "AwaitReview":
            # The review point gets the ids and the token that approval sends back
            payload = state["Parameters"]["Payload"]
            assert set(payload) == {"workflowId.$", "userId.$", "attempt.$", "taskToken.$"}
            assert state["Resource"].endswith(".waitForTaskToken")
        else:
            assert state["Parameters"]["Payload.$"] == "$"
    next_attempt = ASL["States"]["NextAttempt"]["Parameters"]
    assert set(next_attempt) == {"workflowId.$", "userId.$", "attempt.$"}


def test_qa_loops_back_only_when_it_says_so_and_a_bounded_number_of_times() -> None:
    choice = ASL["States"]["QaPassed"]
    loop = [c for c in choice["Choices"] if c.get("Next") == "NextAttempt"]
    assert len(loop) == 1
    conditions = {json.dumps(c, sort_keys=True) for c in loop[0]["And"]}
    assert json.dumps({"BooleanEquals": True, "Variable": "$.retry"}, sort_keys=True) in conditions
    assert any('"NumericLessThan"' in c for c in conditions)
    assert ASL["States"]["NextAttempt"]["Next"] == "Processing"
    assert re.fullmatch(
        r"States\.MathAdd\(\$\.attempt, 1\)", ASL["States"]["NextAttempt"]["Parameters"]["attempt.$"]
    )
    # Anything else that did not pass cleanly goes to a person, never to FAILED
    assert choice["Default"] == "AwaitReview"


def test_review_waits_for_approval_for_30_days_then_ends_with_its_reason() -> None:
    review = ASL["States"]["AwaitReview"]
    assert review["Resource"].endswith(".waitForTaskToken")
    # The wait is the configured review period (REVIEW_TIMEOUT_SECONDS, 30 days by default)
    assert review["TimeoutSecondsPath"] == "$.reviewTimeoutSeconds"
    assert Settings.from_env({}).review_timeout_seconds == 30 * 24 * 3600
    assert review["Next"] == "GateBeforeOutput"
    timeout = [c for c in review["Catch"] if c["ErrorEquals"] == ["States.Timeout"]]
    assert timeout and timeout[0]["Next"] == "ReviewTimedOut"
    timed_out = ASL["States"]["ReviewTimedOut"]
    assert timed_out["Parameters"]["error"]["Error"] == "ReviewTimedOut"
    assert timed_out["Next"] == "RecordFailure"
    stopped = [c for c in review["Catch"] if c["ErrorEquals"] == ["WorkflowStoppedError"]]
    assert stopped and stopped[0]["Next"] == "Stopped"


def test_every_phase_boundary_can_pause_and_a_withdrawn_pause_goes_on() -> None:
    states = ASL["States"]
    for gate, pause, phase in (
        ("GateBeforeProcessing", "PauseBeforeProcessing", "Processing"),
        ("GateBeforeQa", "PauseBeforeQa", "QualityCheck"),
        ("GateBeforeOutput", "PauseBeforeOutput", "Output"),
    ):
        assert states[gate]["Choices"][0]["Next"] == pause and states[gate]["Default"] == phase
        assert states[pause]["Next"] == phase
        withdrawn = [c for c in states[pause]["Catch"] if c["ErrorEquals"] == ["PauseWithdrawnError"]]
        assert withdrawn and withdrawn[0]["Next"] == phase
        assert 0 < states[pause]["TimeoutSeconds"] <= 365 * 24 * 3600


def test_a_retry_starts_at_the_phase_that_failed_and_a_revision_at_its_review() -> None:
    start = ASL["States"][ASL["StartAt"]]
    targets = {c["And"][1]["StringEquals"]: c["Next"] for c in start["Choices"]}
    assert targets == {
        "PROCESSING": "Processing",
        "QA": "QualityCheck",
        "OUTPUT": "Output",
        "REVIEW": "AwaitReview",
    }
    assert start["Default"] == "Initiation"
