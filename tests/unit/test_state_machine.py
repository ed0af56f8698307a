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
    assert review["Next"] == "Output"
    timeout = [c for c in review["Catch"] if c["ErrorEquals"] == ["States.Timeout"]]
    assert timeout and timeout[0]["Next"] == "ReviewTimedOut"
    timed_out = ASL["States"]["ReviewTimedOut"]
    assert timed_out["Parameters"]["error"]["Error"] == "ReviewTimedOut"
    assert timed_out["Next"] == "RecordFailure"
    stopped = [c for c in review["Catch"] if c["ErrorEquals"] == ["WorkflowStoppedError"]]
    assert stopped and stopped[0]["Next"] == "Stopped"


def test_every_phase_boundary_can_pause_and_a_withdrawn_pause_goes_on() -> None:
    # The phase after the boundary asks (PauseRequestedError before it starts): no Choice state
    # sits between the phases, and its Catch keeps the state as it came in (ResultPath null).
    states = ASL["States"]
    for pause, phase in (
        ("PauseBeforeProcessing", "Processing"),
        ("PauseBeforeQa", "QualityCheck"),
        ("PauseBeforeOutput", "Output"),
    ):
        asked = [c for c in states[phase]["Catch"] if c["ErrorEquals"] == ["PauseRequestedError"]]
        assert asked == [{"ErrorEquals": ["PauseRequestedError"], "ResultPath": None, "Next": pause}]
        assert states[phase]["Catch"][0] == asked[0], "caught before States.ALL"
        assert states[pause]["Next"] == phase
        withdrawn = [c for c in states[pause]["Catch"] if c["ErrorEquals"] == ["PauseWithdrawnError"]]
        assert withdrawn and withdrawn[0]["Next"] == phase
        assert 0 < states[pause]["TimeoutSeconds"] <= 365 * 24 * 3600
    retried = {e for state in TASKS.values() for rule in state["Retry"] for e in rule["ErrorEquals"]}
    assert "PauseRequestedError" not in retried


def _plain_path() -> list[str]:
    """The states a workflow nobody pauses enters when QA passes: each one is a billed transition."""
    states, name, path = ASL["States"], ASL["StartAt"], []
    while True:
        path.append(name)
        state = states[name]
        if state.get("End") or state["Type"] in ("Succeed", "Fail"):
            return path
        if name == "QaPassed":
            name = state["Choices"][0]["Next"]
        elif state["Type"] == "Choice":
            name = state["Default"]
        else:
            name = state["Next"]


def test_a_plain_workflow_makes_five_state_transitions() -> None:
    # $0.025 per 1,000 transitions is most of a workflow's AWS bill (bench/cost.py): no Choice
    # per pause gate nor at the start, no Succeed state after OUTPUT.
    path = _plain_path()
    assert path == ["Initiation", "Processing", "QualityCheck", "QaPassed", "Output"]
    assert len(path) <= 5


def _lambda_timeouts() -> dict[str, int]:
    config = json.loads((ASL_FILE.parent.parent / ".chalice" / "config.json").read_text())
    default = int(config["lambda_timeout"])
    functions = {
        name: int(settings.get("lambda_timeout", default))
        for stage in config["stages"].values()
        for name, settings in stage.get("lambda_functions", {}).items()
    }
    return {
        name: functions.get(name, default)
        for name in ("phase_initiation", "phase_processing", "phase_qa", "phase_output", "record_failure")
    }


@pytest.mark.parametrize(
    ("state", "function"),
    [
        ("Initiation", "phase_initiation"),
        ("Processing", "phase_processing"),
        ("QualityCheck", "phase_qa"),
        ("Output", "phase_output"),
        ("RecordFailure", "record_failure"),
    ],
)
def test_each_task_waits_longer_than_its_lambda_may_run(state: str, function: str) -> None:
    # Equal limits race: Step Functions would time the task out while Lambda still reports.
    assert TASKS[state]["TimeoutSeconds"] > _lambda_timeouts()[function]


def test_throttles_are_retried_patiently_with_jitter_and_a_timed_out_analysis_never() -> None:
    for name, state in TASKS.items():
        throttles = [r for r in state["Retry"] if "Lambda.TooManyRequestsException" in r["ErrorEquals"]]
        assert len(throttles) == 1, name
        (rule,) = throttles
        assert {"Throttled", "Lambda.ServiceException"} <= set(rule["ErrorEquals"])
        assert rule["MaxAttempts"] == 10 and rule["JitterStrategy"] == "FULL" and rule["BackoffRate"] > 1
        assert 0 < rule["MaxDelaySeconds"] <= 120
        transient = [r for r in state["Retry"] if r["ErrorEquals"] == ["TransientError"]]
        assert transient and transient[0]["MaxAttempts"] <= 3, name
    processing = {e for rule in TASKS["Processing"]["Retry"] for e in rule["ErrorEquals"]}
    assert not processing & {"Sandbox.Timedout", "States.Timeout", "States.ALL", "States.TaskFailed"}
    # ... it goes to RecordFailure (FAILED, retryable by the user) like any other error
    assert TASKS["Processing"]["Catch"][-1] == {
        "ErrorEquals": ["States.ALL"],
        "ResultPath": "$.error",
        "Next": "RecordFailure",
    }


def test_a_retry_starts_at_the_phase_that_failed_and_a_revision_at_its_review() -> None:
    # No Choice at the start: INITIATION answers a resumed execution with ResumeAt<Phase>, whose
    # Catch goes there with the input unchanged (never retried, caught before States.ALL).
    from chalicelib.phases.initiation import RESUME_POINTS

    assert ASL["StartAt"] == "Initiation"
    catches = TASKS["Initiation"]["Catch"]
    targets = {
        phase: next(c for c in catches if c["ErrorEquals"] == [error.__name__])
        for phase, error in RESUME_POINTS.items()
    }
    assert {phase: c["Next"] for phase, c in targets.items()} == {
        "PROCESSING": "Processing",
        "QA": "QualityCheck",
        "OUTPUT": "Output",
        "REVIEW": "AwaitReview",
    }
    assert all(c["ResultPath"] is None for c in targets.values())
    assert catches.index(targets["REVIEW"]) < next(
        i for i, c in enumerate(catches) if c["ErrorEquals"] == ["States.ALL"]
    )
    retried = {e for rule in TASKS["Initiation"]["Retry"] for e in rule["ErrorEquals"]}
    assert not retried & {error.__name__ for error in RESUME_POINTS.values()}
