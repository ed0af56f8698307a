"""Lambda invocations in worker processes (local_stack/workers.py), as `make run` runs them.

The session's stack runs its handlers in-process (many tests patch what they call); these tests
switch it to worker processes for their own duration. A worker that dies mid-invocation answers
as Lambda's runtime does and is replaced; stopping the stack, or killing it, leaves no worker."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import urllib3

from chalicelib.core import live_progress
from local_stack.faults import Fault, OncePerFunction
from local_stack.stack import LocalStack
from local_stack.workers import WorkerPool
from tests import documents
from tests.conftest import Api
from tests.integration.test_live_progress import Socket
from tests.local_processes import start_local_stack

NOTES = "Cause: dishwasher hose split.\nKitchen 12x14 ft, vinyl floor wet.\nSubfloor 31%MC, dry 11%MC."
# A bound on waiting, not a measurement: a worker polls for its parent twice a second.
GONE_WITHIN_SECONDS = 10
CHILDREN = {b"local_stack.workers", b"local_stack.api_process", b"local_stack.dynamodb_process"}


@pytest.fixture
def workers(stack: LocalStack) -> Iterator[WorkerPool]:
    pool = stack.start_lambda_workers(2)
    try:
        yield pool
    finally:
        stack.inject_faults(None)
        stack.stop_lambda_workers()


def _alive(pid: int) -> bool:
    """A process that exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_until_gone(pids: list[int]) -> list[int]:
    deadline = time.monotonic() + GONE_WITHIN_SECONDS
    while (left := [pid for pid in pids if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_a_workflow_runs_to_completed_on_worker_processes(api: Api, workers: WorkerPool) -> None:
    # Given two warm workers, none of them this process
    workers.wait_ready()
    assert len(workers.pids()) == 2 and os.getpid() not in workers.pids()

    # When a workflow runs
    workflow = api.wait_for(api.create_text(NOTES))

    # Then every phase ran, in the workers, and none had to be replaced
    assert workflow["status"] == "COMPLETED", workflow
    assert [s["phase"] for s in workflow["steps"]] == ["INITIATION", "PROCESSING", "QA", "OUTPUT"]
    assert workers.replaced == 0


def test_the_upload_trigger_and_the_schedules_run_on_the_workers(
    api: Api, stack: LocalStack, workers: WorkerPool, http_pool: urllib3.PoolManager
) -> None:
    # Given a PDF uploaded with its form (S3 -> the queue -> upload_received, in a worker)
    data = documents.make_pdf(["Cause: burst pipe.\nLaundry 3 x 2.5 m, vinyl floor wet.\nLaundry 40 WME"])
    created = api.create_upload("PDF", size=len(data))
    upload = created["upload"]
    fields = {**upload["fields"], "file": ("inspection.pdf", data, "application/pdf")}
    assert http_pool.request("POST", upload["url"], fields=fields).status == 204

    # Then its workflow ran to the end from the notification
    workflow = api.wait_for(created["workflowId"])
    assert workflow["status"] == "COMPLETED", workflow
    assert workflow["steps"][0]["outcome"]["pages"] == 1
    # And a scheduled function answers through the workers as it does in-process
    assert set(stack.reconcile()) >= {"checked", "settled"}
    assert workers.replaced == 0


def test_the_streams_pushes_run_on_worker_processes_of_their_own(
    api: Api, stack: LocalStack, workers: WorkerPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the stream's workers warm, and the push made to fail if it ran in this process
    stream_workers = stack.stream_workers
    assert stream_workers is not None
    stream_workers.wait_ready()
    assert not set(stream_workers.pids()) & {os.getpid(), *workers.pids()}

    def not_here(*_args: object) -> None:
        raise AssertionError("push_events ran in the stack's process")

    monkeypatch.setattr(live_progress, "push", not_here)
    # (and the workflow held before PROCESSING until its subscriber is in: what follows is pushed)
    release = threading.Event()

    def hold(function: str, _event: dict[str, object]) -> None:
        if function == "phase_processing":
            release.wait(timeout=60)

    stack.inject_faults(hold)
    assert api.token is not None
    socket = Socket(stack.websocket_url, api.token)
    try:
        # When a subscriber watches a workflow from its start
        workflow_id = api.create_text(NOTES)
        socket.subscribe(workflow_id, last_seq=0)
        release.set()
        received = socket.until(lambda m: m.get("type") == "WORKFLOW_COMPLETE")
    finally:
        release.set()
        socket.close()

    # Then it was sent every event in order, by the stream's workers
    seqs = [m["seq"] for m in received if "seq" in m]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))
    assert stream_workers.replaced == 0


def test_a_worker_that_dies_mid_invocation_fails_it_as_lambda_does_and_is_replaced(
    api: Api, stack: LocalStack, workers: WorkerPool
) -> None:
    # Given the worker that takes QA's first invocation killed (SIGKILL, as an OOM kill) as it starts
    workers.wait_ready()
    before = workers.pids()
    stack.inject_faults(OncePerFunction("phase_qa", Fault.RUNTIME_EXIT))

    # When a workflow runs
    workflow_id = api.create_text(NOTES)
    failed = api.wait_for(workflow_id)

    # Then the invocation failed as a Lambda runtime error: the state machine's catch-all recorded
    # the failure, with nothing of the inside shown
    assert failed["status"] == "FAILED", failed
    assert failed["errorCode"] == "INTERNAL_ERROR"
    # (the worker died before QA's handler ran: no QA step was begun)
    assert [s["phase"] for s in failed["steps"]] == ["INITIATION", "PROCESSING"]
    # And the dead worker was replaced: still two, one of them new
    assert workers.replaced == 1
    after = workers.pids()
    assert len(after) == 2 and len(set(after) - set(before)) == 1
    assert _wait_until_gone(sorted(set(before) - set(after))) == []

    # And the user's retry completes it, QA running again on the pool
    assert api.post(f"/api/orchestrator/workflows/{workflow_id}/retry").status == 200
    done = api.wait_for(workflow_id)
    assert done["status"] == "COMPLETED", done


def test_a_worker_killed_while_idle_is_replaced_before_it_is_given_anything(
    api: Api, workers: WorkerPool
) -> None:
    # Given both workers killed while idle
    workers.wait_ready()
    killed = workers.pids()
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    assert _wait_until_gone(killed) == []

    # When a workflow runs
    workflow = api.wait_for(api.create_text(NOTES))

    # Then it completed on their replacements: nothing was given to a dead worker
    assert workflow["status"] == "COMPLETED", workflow
    assert workers.replaced >= 2
    assert not set(killed) & set(workers.pids())


def test_an_invocation_past_its_timeout_ends_as_lambda_times_out_and_its_worker_is_replaced(
    api: Api, stack: LocalStack
) -> None:
    # Given QA's timeout shorter than any QA run (others: the config's)
    pool = stack.start_lambda_workers(1, timeouts={"": 900, "phase_qa": 0.001})
    try:
        pool.wait_ready()
        # When a workflow runs
        failed = api.wait_for(api.create_text(NOTES))
        # Then QA timed out (the state machine retried it, then gave up) and each timed-out
        # worker was killed and replaced
        assert failed["status"] == "FAILED", failed
        assert failed["errorCode"] == "PHASE_TIMED_OUT"
        assert pool.replaced >= 1
        assert len(pool.pids()) == 1
    finally:
        stack.stop_lambda_workers()


# --- the stack's process and its workers: `python -m local_stack run` -----------------------


def _start_stack(secret_file: Path) -> tuple[subprocess.Popen[str], list[str]]:
    # its own data directory: never the repo's .local/data, never another test's
    return start_local_stack(
        secret_file, secret_file.parent / "data", "--lambda-workers", "2", "--api-processes", "2"
    )


def _child_pids(parent: int) -> list[int]:
    """The stack's children: its Lambda workers (the stream's too), its HTTP API's process and
    DynamoDB's."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if int(stat[1]) == parent and CHILDREN & set(command):
            pids.append(int(entry.name))
    return pids


def _started(process: subprocess.Popen[str], lines: list[str]) -> list[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any(line.startswith("HTTP API") for line in list(lines)):
            pids = _child_pids(process.pid)
            if len(pids) == 7:  # two workers, two for the stream, the API's two, DynamoDB's
                return pids
        time.sleep(0.1)
    raise AssertionError("".join(lines)[-2000:])


@pytest.mark.xdist_group("local-stop")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=lambda s: s.name)
def test_no_worker_outlives_the_stack(tmp_path: Path, sig: signal.Signals) -> None:
    # Given `make run` with two Lambda workers (and its HTTP API in two processes, DynamoDB in one)
    secret_file = tmp_path / "secret"
    secret_file.write_text("workers-test-secret-" + "0" * 32)
    process, lines = _start_stack(secret_file)
    try:
        pids = _started(process, lines)
        # When the stack is stopped (SIGTERM, Ctrl-C) or killed outright (SIGKILL: no stop runs)
        process.send_signal(sig)
        process.wait(timeout=10)
        # Then no worker, nor the API's process, nor DynamoDB's, is left running
        assert _wait_until_gone(pids) == [], "".join(lines)[-2000:]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
