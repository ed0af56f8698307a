"""StartExecution answers at once and the interpretation begins once starts have stopped
arriving, within a bound (local_stack/deferred_starts.py). Installed and restored by this
file's own fixture."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws, settings

from local_stack import deferred_starts
from local_stack.deferred_starts import DeferredStarts

pytestmark = pytest.mark.unit

# A Pass then a Wait: an execution that has begun shows a history at once and runs for a second.
DEFINITION = json.dumps(
    {
        "StartAt": "First",
        "States": {
            "First": {"Type": "Pass", "Next": "Hold"},
            "Hold": {"Type": "Wait", "Seconds": 1, "End": True},
        },
    }
)


def test_the_queue_begins_once_starts_stop_arriving() -> None:
    # Given a queue that waits for 0.3 s without a start, and at most 5 s
    begun: list[tuple[str, float]] = []
    starts = DeferredStarts(lambda name: begun.append((name, time.monotonic())), quiet=0.3, max_delay=5)

    # When three starts arrive 0.1 s apart
    first = time.monotonic()
    for name in ("a", "b", "c"):
        starts.defer(name)
        time.sleep(0.1)
    last = time.monotonic() - 0.1

    # Then nothing begins during the burst, and all begin, in order, once it is over
    time.sleep(0.05)
    assert begun == []
    deadline = time.monotonic() + 5
    while len(begun) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert [name for name, _ in begun] == ["a", "b", "c"]
    assert all(at >= last + 0.29 for _, at in begun) and begun[0][1] - first < 1.0


def test_a_steady_stream_of_starts_does_not_starve_the_queue() -> None:
    # Given a queue that waits 0.3 s of quiet but never more than 0.6 s
    begun: list[float] = []
    starts = DeferredStarts(lambda _: begun.append(time.monotonic()), quiet=0.3, max_delay=0.6)

    # When a start arrives every 0.1 s for 1.5 s (never quiet)
    first = time.monotonic()
    while time.monotonic() - first < 1.5:
        starts.defer("x")
        time.sleep(0.1)

    # Then the first began within the bound, not after the stream
    assert begun and begun[0] - first < 0.6 + 0.3


@pytest.fixture
def sfn() -> Iterator[Any]:
    """moto's Step Functions, interpreting, with deferred starts (1 s quiet, 3 s at most: long
    enough that a loaded machine's next two calls still land inside the quiet); moto's own start
    and stop are put back after the test."""
    if settings.TEST_SERVER_MODE:
        pytest.skip("in-process moto only")
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    was_installed = deferred_starts.is_installed()
    deferred_starts.restore()  # (a stack in this process may have installed it with other bounds)
    deferred_starts.install(quiet=1.0, max_delay=3)
    try:
        with mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
            client = boto3.client("stepfunctions", region_name="us-east-1")
            arn = client.create_state_machine(
                name="m", definition=DEFINITION, roleArn="arn:aws:iam::123456789012:role/r"
            )["stateMachineArn"]
            yield client, arn
    finally:
        deferred_starts.restore()
        if was_installed:  # as it was before the test, for the stack that installed it
            deferred_starts.install()


def test_an_execution_answers_running_at_once_and_begins_after_the_quiet(sfn: Any) -> None:
    client, arn = sfn
    # When an execution is started
    execution = client.start_execution(stateMachineArn=arn, name="e1", input="{}")["executionArn"]

    # Then it is RUNNING at once, with no event yet (and asking for its history does not fail)
    assert client.describe_execution(executionArn=execution)["status"] == "RUNNING"
    assert client.get_execution_history(executionArn=execution)["events"] == []

    # And it begins once the quiet has passed, and succeeds
    deadline = time.monotonic() + 10
    while (
        client.describe_execution(executionArn=execution)["status"] == "RUNNING"
        and time.monotonic() < deadline
    ):
        time.sleep(0.05)
    assert client.describe_execution(executionArn=execution)["status"] == "SUCCEEDED"
    assert client.get_execution_history(executionArn=execution)["events"]


def test_a_queued_execution_stopped_never_runs(sfn: Any) -> None:
    client, arn = sfn
    # Given an execution not yet begun
    execution = client.start_execution(stateMachineArn=arn, name="e2", input="{}")["executionArn"]

    # When it is stopped
    client.stop_execution(executionArn=execution, error="Cancelled", cause="by a test")

    # Then it is ABORTED at once and stays so, with no event
    assert client.describe_execution(executionArn=execution)["status"] == "ABORTED"
    time.sleep(1.5)  # past the quiet, when it would have begun
    described = client.describe_execution(executionArn=execution)
    assert described["status"] == "ABORTED" and "stopDate" in described
    assert client.get_execution_history(executionArn=execution)["events"] == []
