"""DynamoDB in a moto process of its own (`make run`, local_stack/dynamodb_process.py): what it
acknowledged survives its death and the stack's restart, a dead one is started again on the same
port, and a data directory from before the split keeps its DynamoDB data."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from tests.conftest import TEST_SECRET
from tests.integration.test_lambda_workers import _alive, _child_pids, _wait_until_gone
from tests.integration.test_local_durability import NOTES, Stack

pytestmark = pytest.mark.xdist_group("local-durability")  # stacks of their own, one at a time
# A bound on waiting, not a measurement: a restart imports moto and replays the journal.
BACK_WITHIN_SECONDS = 60


@pytest.fixture
def stacks() -> Iterator[list[Stack]]:
    started: list[Stack] = []
    yield started
    for stack in started:
        if stack.process.poll() is None:
            stack.process.kill()
            stack.process.wait()


def _start(tmp_path: Path, stacks: list[Stack], *extra: str) -> Stack:
    secret = tmp_path / "secret"
    secret.write_text(TEST_SECRET)
    stack = Stack(tmp_path / "data", secret, *extra)
    stacks.append(stack)
    return stack


def _dynamodb_pid(stack: Stack) -> int:
    (pid,) = [
        pid
        for pid in _child_pids(stack.process.pid)
        if b"local_stack.dynamodb_process" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]
    return pid


def _eventually(check: Callable[[], Any]) -> Any:
    deadline = time.monotonic() + BACK_WITHIN_SECONDS
    while True:
        try:
            return check()
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_dynamodb_process_that_dies_is_started_again_with_what_it_acknowledged(
    tmp_path: Path, stacks: list[Stack]
) -> None:
    # Given `make run` with DynamoDB in its own process, and a workflow it completed
    stack = _start(tmp_path, stacks)
    api = stack.api("dies")
    done = api.wait_for(api.create_text(NOTES))
    assert done["status"] == "COMPLETED", done
    first = _dynamodb_pid(stack)

    # When that process is killed outright (a crash, an OOM kill)
    os.kill(first, signal.SIGKILL)
    assert _wait_until_gone([first]) == []

    # Then another serves DynamoDB, on the same port, with the workflow as it was acknowledged
    again = _eventually(lambda: api.workflow(done["id"]))
    assert again["status"] == "COMPLETED" and again["steps"] == done["steps"]
    assert _dynamodb_pid(stack) != first
    # And the stack works on: a new workflow completes, its events pushed from the new stream
    assert api.wait_for(_eventually(lambda: api.create_text(NOTES)))["status"] == "COMPLETED"
    # And the AWS port still answers DynamoDB requests, forwarded there
    dynamodb = boto3.client(
        "dynamodb",
        endpoint_url=stack.aws_url,
        region_name="us-east-1",
        aws_access_key_id="x",
        aws_secret_access_key="y",
    )
    assert "restoreassist-workflows" in dynamodb.list_tables()["TableNames"]

    # And a stop ends it with the rest, and a restart finds everything
    pid = _dynamodb_pid(stack)
    assert stack.terminate() == 0
    assert not _alive(pid)
    restarted = _start(tmp_path, stacks)
    assert restarted.api("dies").workflow(done["id"])["status"] == "COMPLETED"


def test_a_data_directory_from_before_the_split_keeps_its_dynamodb_data(
    tmp_path: Path, stacks: list[Stack]
) -> None:
    # Given a data directory written by a stack whose own moto served DynamoDB (as before)
    old = _start(tmp_path, stacks, "--dynamodb-in-process")
    api = old.api("split")
    done = api.wait_for(api.create_text(NOTES))
    assert old.terminate() == 0
    assert not (tmp_path / "data" / "dynamodb").exists()

    # When stacks with DynamoDB in its own process start on it, twice (the second reads only the
    # DynamoDB process's own files: the first may have compacted the old ones away)
    for _ in range(2):
        stack = _start(tmp_path, stacks)
        # Then the workflow is there, as it was
        found = stack.api("split").workflow(done["id"])
        assert found["status"] == "COMPLETED" and found["steps"] == done["steps"]
        assert stack.terminate() == 0
    assert list((tmp_path / "data" / "dynamodb").glob("snapshot-*.bin"))
