"""The cost of durable local data: the same load on `make run` with and without its journal.

Two stacks, each in its own process (moto's state is per process), one after the other in one
run of this script: `--no-persist` (in memory, as before) and `--data-dir` (every DynamoDB and S3
write journaled and fsync'ed before its answer, local_stack/durable.py). For each:

- one TEXT workflow at a time, created and polled to COMPLETED: median and p90 wall time (both
  stacks run at once and take turns, so the machine's other load falls on both alike);
- 100 TEXT workflows submitted at once by 10 users: seconds until all are COMPLETED (in turns
  too: `--rounds 2` runs A B B A);
- for the durable one, the time to start again on the data it wrote (the journal replayed, or a
  snapshot and a short journal), next to a start on an empty directory; and the bytes on disk.

Printed as ratios, durable / in memory: the figure to watch (absolute times depend on the machine
and whatever else runs on it).

    python bench/durability.py [--single 15] [--workflows 100]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import urllib3

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SECRET = "bench-durability-signing-key-" + "0" * 36

from chalicelib.api.auth import issue_dev_token  # noqa: E402

NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet.\nLaundry wall 40 WME."
PORTS = ("--api-port", "0", "--aws-port", "0", "--websocket-port", "0")
FINISHED = {"COMPLETED", "FAILED", "CANCELLED", "NEEDS_REVIEW"}


class Stack:
    def __init__(self, secret_file: Path, data_dir: Path | None) -> None:
        started = time.perf_counter()
        storage = ["--data-dir", str(data_dir)] if data_dir else ["--no-persist"]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "local_stack", "--secret-file", str(secret_file), "run", *PORTS, *storage],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self.process.stdout is not None
        self.api = ""
        for line in self.process.stdout:
            if line.startswith("HTTP API"):
                self.api = line.split()[-1]
                break
        if not self.api:
            raise RuntimeError("the stack did not start")
        self.start_seconds = time.perf_counter() - started
        threading.Thread(target=self.process.stdout.read, daemon=True).start()
        self.pool = urllib3.PoolManager(maxsize=32, retries=False, timeout=urllib3.Timeout(total=60))

    def call(self, method: str, path: str, user: str, body: Any = None) -> Any:
        reply = self.pool.request(
            method,
            f"{self.api}{path}",
            body=json.dumps(body) if body is not None else None,
            headers={
                "Authorization": f"Bearer {issue_dev_token(user, SECRET)}",
                "Content-Type": "application/json",
            },
        )
        return json.loads(reply.data)

    def create(self, user: str) -> str:
        body = {"inputMethod": "TEXT", "inputData": {"text": NOTES}}
        return str(self.call("POST", "/workflows", user, body)["workflowId"])

    def wait(self, user: str, workflow_id: str) -> str:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            status = str(self.call("GET", f"/workflows/{workflow_id}", user)["workflow"]["status"])
            if status in FINISHED:
                return status
            time.sleep(0.05)
        raise RuntimeError(f"{workflow_id} did not finish")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def single(stack: Stack, count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        stack.wait("solo", stack.create("solo"))
        times.append(time.perf_counter() - started)
    return times


def burst(stack: Stack, count: int) -> float:
    started = time.perf_counter()
    users = [f"user-{n % 10}" for n in range(count)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        ids = list(pool.map(stack.create, users))
        statuses = list(pool.map(stack.wait, users, ids))
    assert all(s == "COMPLETED" for s in statuses), statuses
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--single", type=int, default=15, help="workflows timed one at a time, on each")
    parser.add_argument("--workflows", type=int, default=100, help="workflows submitted at once")
    parser.add_argument("--rounds", type=int, default=1, help="bursts on each (2: in the order ABBA)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        secret_file = Path(scratch) / "secret"
        secret_file.write_text(SECRET)
        data_dir = Path(scratch) / "data"
        # Both up at once, measured in turns: the machine's other load falls on both alike.
        stacks = {"in memory": Stack(secret_file, None), "durable": Stack(secret_file, data_dir)}
        durable = stacks["durable"]
        for stack in stacks.values():
            single(stack, 2)  # warm-up: the first phases import the analyzer and the renderers
        times: dict[str, list[float]] = {name: [] for name in stacks}
        for n in range(args.single):
            for name in sorted(stacks, reverse=bool(n % 2)):
                times[name] += single(stacks[name], 1)
        bursts: dict[str, list[float]] = {name: [] for name in stacks}
        for n in range(args.rounds):
            for name in sorted(stacks, reverse=bool(n % 2)):
                bursts[name].append(burst(stacks[name], args.workflows))
        for stack in stacks.values():
            stack.stop()
        on_disk = sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file())
        again = Stack(secret_file, data_dir)
        again.stop()
    rows = {
        "one TEXT workflow, median (s)": {n: statistics.median(t) for n, t in times.items()},
        "one TEXT workflow, p90 (s)": {n: sorted(t)[int(0.9 * (len(t) - 1))] for n, t in times.items()},
        f"{args.workflows} workflows at once (s)": {n: statistics.mean(b) for n, b in bursts.items()},
        "start, empty (s)": {n: stacks[n].start_seconds for n in stacks},
    }
    print(f"{'':34}{'in memory':>12}{'durable':>12}{'ratio':>8}")
    for label, row in rows.items():
        ratio = row["durable"] / row["in memory"]
        print(f"{label:34}{row['in memory']:12.3f}{row['durable']:12.3f}{ratio:8.2f}x")
    total = 2 + args.single + args.workflows * args.rounds
    print(
        f"{'start again on its data (s)':34}{'':12}{again.start_seconds:12.3f}"
        f"{again.start_seconds / durable.start_seconds:8.2f}x (vs its empty start)"
    )
    print(f"data on disk after {total} workflows: {on_disk / 1e6:.1f} MB")
    rates = [args.workflows / statistics.mean(bursts[name]) for name in ("in memory", "durable")]
    print(f"throughput: {rates[0]:.2f} workflows/s in memory, {rates[1]:.2f} durable")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
