"""`make run` keeps what it acknowledged: SIGKILL it in any phase, start it again on the same data
directory, and every workflow, API key, audit entry and report is there, and every workflow that
was in flight completes, pauses again or waits for its review again: none is left IN_PROGRESS
(local_stack/durable.py, chalicelib/core/recover.py, docs/adr/0015-local-durability.md)."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
import urllib3

from tests.conftest import TEST_SECRET, Api, token_for
from tests.local_processes import start_local_stack

pytestmark = pytest.mark.xdist_group("local-durability")
BASE = "/api/orchestrator/workflows"
PHASES = ("INITIATION", "PROCESSING", "QA", "OUTPUT")
# Each phase's own output, for a user named after the phase: the write is never answered, so
# the phase stays IN_PROGRESS (its step written, its work under way) until the stack is killed.
HOLD_WRITES = (
    r"/work/hold-(?:initiation|pauser)/[^/]+/text\.txt$"
    r"|/work/hold-processing/[^/]+/findings\.json$"
    r"|/work/hold-qa/[^/]+/qa[^/]*\.json$"
    r"|/reports/hold-output/"
)
NOTES = (
    "Cause: burst supply line under the kitchen sink.\nKitchen 12x14 ft, vinyl floor wet.\nSubfloor 32%MC."
)
REVIEWED = NOTES + "\nPlease have a person review this one."


class Stack:
    """`python -m local_stack run` on a data directory, in its own process."""

    def __init__(self, data_dir: Path, secret_file: Path, *extra: str, **env: str) -> None:
        # Lambda in the stack's process: this test is about the data, and it holds six invocations
        # at once (a bounded worker pool would queue the rest behind them)
        self.process, self.lines = start_local_stack(
            secret_file,
            data_dir,
            "--lambda-workers",
            "0",
            *extra,
            env={**os.environ, "RECONCILE_GRACE_SECONDS": "600", **env},
        )
        self.api_url = self._printed("HTTP API")
        self.aws_url = self._printed("AWS (moto)")
        self.pool = urllib3.PoolManager(maxsize=16, retries=False, timeout=urllib3.Timeout(total=30))

    def _printed(self, label: str) -> str:
        # Generous: a restart replays the journal and re-drives in-flight workflows before it
        # prints, and the other test worker may be running the analyzer's 200 KB inputs meanwhile
        # (60 s was once not enough on 2 cores; alone it starts in seconds)
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if line.startswith(label):
                    return line.split()[-1] if label == "HTTP API" else line.split()[2]
            assert self.process.poll() is None, "".join(self.lines)[-2000:]
            time.sleep(0.05)
        raise AssertionError("the stack did not start: " + "".join(self.lines)[-2000:])

    def api(self, user: str) -> Api:
        return Api(self.api_url.removesuffix("/api/orchestrator"), self.pool, token_for(user))

    def kill(self) -> None:
        self.process.kill()  # SIGKILL: no handler, no flush, no goodbye
        self.process.wait(timeout=10)

    def terminate(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=10)


@pytest.fixture
def stacks(tmp_path: Path) -> Iterator[list[Stack]]:
    started: list[Stack] = []
    yield started
    for stack in started:
        if stack.process.poll() is None:
            stack.process.kill()
            stack.process.wait()


def _secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "secret"
    secret.write_text(TEST_SECRET)
    return secret


def _step(workflow: dict[str, Any], phase: str) -> dict[str, Any] | None:
    steps = [s for s in workflow.get("steps", []) if s["phase"] == phase]
    return max(steps, key=lambda s: s["stepNumber"]) if steps else None


def _held_in(api: Api, workflow_id: str, phase: str) -> None:
    def running(workflow: dict[str, Any]) -> bool:
        step = _step(workflow, phase)
        return step is not None and step["status"] == "IN_PROGRESS"

    api.wait_for(workflow_id, running, timeout=30)


def _download(api: Api, workflow_id: str, report_format: str) -> bytes:
    reply = api.get(f"{BASE}/{workflow_id}/report?format={report_format}")
    assert reply.status == 200, reply.body
    with urllib.request.urlopen(reply.body["url"], timeout=10) as response:
        return bytes(response.read())


def _audit_ids(api: Api) -> set[str]:
    reply = api.get("/api/orchestrator/audit?limit=100")
    assert reply.status == 200, reply.body
    return {entry["id"] for entry in reply.body["auditEntries"]}


def _key_works(api: Api, secret: str) -> int:
    return (
        api.anonymous()
        .post("/api/orchestrator/integrations/test", headers={"Authorization": f"Bearer {secret}"})
        .status
    )


def _nothing_in_progress(stack: Stack, users: list[str]) -> None:
    for user in users:
        listed = stack.api(user).get(f"{BASE}?status=IN_PROGRESS&limit=100")
        assert listed.status == 200, listed.body
        assert listed.body["workflows"] == [], (user, listed.body)


def test_what_was_acknowledged_survives_sigkill_in_every_phase(tmp_path: Path, stacks: list[Stack]) -> None:
    data_dir, secret = tmp_path / "data", _secret_file(tmp_path)
    # Given a stack that holds each phase's output write for the user named after that phase,
    # and compacts its journal often (so the snapshot is read back too)
    first = Stack(data_dir, secret, LOCAL_STACK_HOLD_WRITES=HOLD_WRITES, LOCAL_STACK_COMPACT_BYTES="65536")
    stacks.append(first)
    alice = first.api("alice")
    # And a finished workflow with its reports downloaded, a field app's key used, a review waiting
    done_id = alice.create_text(NOTES, title="14 Banksia St")
    assert alice.wait_for(done_id)["status"] == "COMPLETED"
    reports = {fmt: _download(alice, done_id, fmt) for fmt in ("md", "pdf")}
    created = alice.post("/api/orchestrator/api-keys", {"name": "field app"})
    assert created.status == 201, created.body
    key_secret = created.body["secret"]
    assert _key_works(alice, key_secret) == 200
    review_id = alice.create_text(REVIEWED, review_required=True)
    assert alice.wait_for(review_id)["status"] == "NEEDS_REVIEW"
    # And one workflow in each phase, held there, and one asked to pause while in INITIATION
    held = {phase: first.api(f"hold-{phase.lower()}").create_text(NOTES) for phase in PHASES}
    for phase, workflow_id in held.items():
        _held_in(first.api(f"hold-{phase.lower()}"), workflow_id, phase)
    pauser = first.api("hold-pauser")
    paused_id = pauser.create_text(NOTES)
    _held_in(pauser, paused_id, "INITIATION")
    assert pauser.post(f"{BASE}/{paused_id}/pause").body["workflow"]["pauseRequested"] is True
    audit_before = _audit_ids(alice)
    assert len(audit_before) >= 4

    # When the stack is killed with all of that in flight, and started again on the same data
    first.kill()
    second = Stack(data_dir, secret)
    stacks.append(second)
    alice = second.api("alice")

    # Then the finished workflow, its reports, the key and the audit log are all there
    assert alice.workflow(done_id)["status"] == "COMPLETED"
    assert {fmt: _download(alice, done_id, fmt) for fmt in reports} == reports
    assert _key_works(alice, key_secret) == 200
    assert audit_before <= _audit_ids(alice)
    # And each held workflow goes on from the phase it was in, through the retry path, to the end
    for phase, workflow_id in held.items():
        api = second.api(f"hold-{phase.lower()}")
        workflow = api.wait_for(workflow_id)
        assert workflow["status"] == "COMPLETED", (phase, workflow)
        assert workflow["retries"] == 1
        # (the interrupted phase ran twice, on the same step; the phases before it once)
        runs = {s["phase"]: s["runs"] for s in workflow["steps"]}
        assert runs == {p: 2 if p == phase else 1 for p in PHASES}, (phase, workflow["steps"])
    # And the pause asked for before the kill takes effect; the review still waits for its person
    assert second.api("hold-pauser").wait_for(paused_id, lambda w: w["status"] == "PAUSED")
    assert alice.workflow(review_id)["status"] == "NEEDS_REVIEW"

    # When it is killed again while a client creates workflows as fast as it can
    loader = second.api("loader")
    acknowledged: list[str] = []
    stop_loading = threading.Event()

    def load() -> None:
        while not stop_loading.is_set():
            try:
                reply = loader.post(BASE, {"inputMethod": "TEXT", "inputData": {"text": NOTES}})
            except urllib3.exceptions.HTTPError:  # the stack is gone
                return
            if reply.status == 201:
                acknowledged.append(reply.body["workflowId"])

    loading = threading.Thread(target=load)
    loading.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < 8 and time.monotonic() < deadline:
        time.sleep(0.05)
    second.kill()
    stop_loading.set()
    loading.join(timeout=30)
    assert len(acknowledged) >= 8
    third = Stack(data_dir, secret)
    stacks.append(third)

    # Then every workflow it acknowledged exists and settles; none is left running without a run
    loader = third.api("loader")
    for workflow_id in acknowledged:
        settled = loader.wait_for(workflow_id)
        assert settled["status"] == "COMPLETED" or settled["errorCode"], settled
    # And the paused workflow resumes, the review is approved, and both complete
    pauser = third.api("hold-pauser")
    assert pauser.workflow(paused_id)["status"] == "PAUSED"
    assert pauser.post(f"{BASE}/{paused_id}/resume").status == 200
    assert pauser.wait_for(paused_id)["status"] == "COMPLETED"
    alice = third.api("alice")
    assert alice.workflow(review_id)["status"] == "NEEDS_REVIEW"
    issues = alice.get(f"{BASE}/{review_id}/report?format=json").body["report"]["qa"]["issues"]
    overrides = [{"code": i["code"], "reason": "Checked on site"} for i in issues if i["severity"] == "error"]
    approved = alice.post(f"{BASE}/{review_id}/approve", {"overrides": overrides})
    assert approved.status == 200, approved.body
    assert alice.wait_for(review_id)["status"] == "COMPLETED"
    assert _key_works(alice, key_secret) == 200
    _nothing_in_progress(third, ["alice", "loader", "hold-pauser", *(f"hold-{p.lower()}" for p in PHASES)])
    # And it still stops within seconds on SIGTERM
    assert third.terminate() == 0


def test_a_start_not_yet_begun_at_a_sigkill_runs_after_the_restart(
    tmp_path: Path, stacks: list[Stack]
) -> None:
    data_dir, secret = tmp_path / "data", _secret_file(tmp_path)
    # Given a stack whose executions begin only after 10 minutes (local_stack/deferred_starts.py)
    first = Stack(
        data_dir,
        secret,
        LOCAL_STACK_START_QUIET_SECONDS="600",
        LOCAL_STACK_START_MAX_DELAY_SECONDS="600",
    )
    stacks.append(first)
    api = first.api("deferred")
    # And a TEXT workflow it acknowledged, whose execution is RUNNING but has not begun
    workflow_id = api.create_text(NOTES)
    time.sleep(1)
    assert api.workflow(workflow_id)["steps"] == []

    # When the stack is killed and started again on the same data (executions begin as usual)
    first.kill()
    second = Stack(data_dir, secret)
    stacks.append(second)

    # Then the workflow runs to the end
    assert second.api("deferred").wait_for(workflow_id)["status"] == "COMPLETED"


def test_s3_keeps_version_ids_etags_and_times_through_replay_and_compaction(
    tmp_path: Path, stacks: list[Stack]
) -> None:
    data_dir, secret = tmp_path / "data", _secret_file(tmp_path)
    # Given a versioned bucket with overwritten and deleted keys, on a stack that compacts often
    first = Stack(data_dir, secret, LOCAL_STACK_COMPACT_BYTES="4096")
    stacks.append(first)
    s3 = _s3(first)
    s3.create_bucket(Bucket="versions")
    s3.put_bucket_versioning(Bucket="versions", VersioningConfiguration={"Status": "Enabled"})
    for n in range(12):
        s3.put_object(Bucket="versions", Key=f"doc-{n % 4}", Body=os.urandom(700 + n), ContentType="x/test")
    s3.delete_object(Bucket="versions", Key="doc-3")
    # Where compactions fall depends on the size of the stack's own tables' definitions: if one
    # fell on the last write, write on until there are writes after the snapshot
    extra = 0
    while not _journal_after_snapshot(data_dir) and extra < 5:
        extra += 1
        s3.put_object(Bucket="versions", Key="doc-extra", Body=os.urandom(10 + extra), ContentType="x/test")
    before = _versions(s3)
    assert len(before) == 13 + extra and any(v[0] == "marker" for v in before.values())
    # (compacted: a snapshot, and a journal of the writes since)
    assert len(list(data_dir.glob("snapshot-*.bin"))) == 1
    assert any(p.stat().st_size > 0 for p in data_dir.glob("journal-*.bin"))

    # When the stack is killed and started again
    first.kill()
    second = Stack(data_dir, secret, LOCAL_STACK_COMPACT_BYTES="4096")
    stacks.append(second)
    # Then every version is there with its id, ETag, time and body, and new ones can follow
    s3 = _s3(second)
    assert _versions(s3) == before
    s3.put_object(Bucket="versions", Key="doc-0", Body=b"after a restart")
    assert len(_versions(s3)) == 14 + extra


def _journal_after_snapshot(data_dir: Path) -> bool:
    """Once a compaction in progress has settled (the files stop changing): are there writes
    after the snapshot?"""
    deadline, last = time.monotonic() + 10, None
    while time.monotonic() < deadline:
        now = sorted((p.name, p.stat().st_size) for p in data_dir.glob("*.bin"))
        if now == last:
            break
        last = now
        time.sleep(0.5)
    return any(p.stat().st_size > 0 for p in data_dir.glob("journal-*.bin"))


def _s3(stack: Stack) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=stack.aws_url,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )


def _versions(s3: Any) -> dict[str, tuple[Any, ...]]:
    listed = s3.list_object_versions(Bucket="versions")
    found: dict[str, tuple[Any, ...]] = {}
    for version in listed.get("Versions", []):
        body = s3.get_object(Bucket="versions", Key=version["Key"], VersionId=version["VersionId"])["Body"]
        found[version["VersionId"]] = (
            version["Key"],
            version["ETag"],
            version["LastModified"],
            version["IsLatest"],
            body.read(),
        )
    for marker in listed.get("DeleteMarkers", []):
        found[marker["VersionId"]] = ("marker", marker["Key"], marker["LastModified"], marker["IsLatest"])
    return found


def test_no_persist_keeps_nothing_on_disk(tmp_path: Path, stacks: list[Stack]) -> None:
    # Given a stack told to keep its data in memory only
    stack = Stack(tmp_path / "data", _secret_file(tmp_path), LOCAL_STACK_PERSIST="0")
    stacks.append(stack)
    assert any(re.match(r"Data\s+in memory only", line) for line in stack.lines)
    stack.api("alice").create_text(NOTES)
    # Then it writes nothing where data would go
    assert stack.terminate() == 0
    assert not (tmp_path / "data").exists()
