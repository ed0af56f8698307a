"""The local Lambda service's answers (local_stack/lambda_runtime.py), whichever process runs the
handler: a result, or the error document Lambda reports."""

from __future__ import annotations

from typing import Any

import pytest

from local_stack.lambda_runtime import FunctionError, InProcess, Outcome, as_handler, runtime_exit
from local_stack.workers import function_timeouts


def _fails(_event: dict[str, Any], _context: Any) -> Any:
    raise KeyError("workflowId")


def test_an_unhandled_error_is_answered_with_its_type_and_message() -> None:
    # Given a handler that raises
    invoke = InProcess({"phase_qa": _fails}, "restoreassist-dev-")

    # When it is invoked
    outcome = invoke("phase_qa", {})

    # Then the answer is Lambda's error document, not an exception
    assert outcome.result is None and outcome.error is not None
    assert outcome.error["errorType"] == "KeyError"
    assert outcome.error["errorMessage"] == "'workflowId'"
    assert outcome.error["stackTrace"]


def test_a_result_reaches_the_caller_with_the_context_lambda_gives() -> None:
    seen: list[Any] = []

    def handler(event: dict[str, Any], context: Any) -> Any:
        seen.append(context)
        return {"echo": event["n"]}

    outcome = InProcess({"phase_qa": handler}, "restoreassist-dev-")("phase_qa", {"n": 3})

    assert outcome == Outcome(result={"echo": 3})
    assert seen[0].function_name == "restoreassist-dev-phase_qa"
    assert seen[0].invoked_function_arn.endswith(":function:restoreassist-dev-phase_qa")


def test_a_runtime_that_dies_is_told_as_lambda_tells_it_and_runs_nothing() -> None:
    ran: list[bool] = []
    invoke = InProcess({"phase_qa": lambda _e, _c: ran.append(True)}, "p-")

    outcome = invoke("phase_qa", {}, die=True)

    assert ran == []
    assert outcome.error is not None and outcome.error["errorType"] == "Runtime.ExitError"
    assert outcome.error["errorMessage"].endswith("Runtime exited with error: signal: killed")
    assert runtime_exit("r-1", "exit status 1")["errorMessage"] == (
        "RequestId: r-1 Error: Runtime exited with error: exit status 1"
    )


def test_a_plain_handler_over_an_invoke_raises_the_error_it_was_answered() -> None:
    handler = as_handler(InProcess({"upload_received": _fails}, "p-"), "upload_received")

    with pytest.raises(FunctionError) as raised:
        handler({}, None)

    assert raised.value.error["errorType"] == "KeyError"


def test_each_function_gets_its_timeout_from_chalices_config() -> None:
    timeouts = function_timeouts()

    assert timeouts[""] == 30  # .chalice/config.json: lambda_timeout
    assert timeouts["phase_processing"] == 900
    assert timeouts["phase_initiation"] == 90
