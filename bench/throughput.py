"""100 TEXT workflows submitted at once by 10 users: how long until all are done, and how long
does a POST wait? In-process Lambda invocations against worker processes, in one run.

For each mode the script starts a local stack in a child process of its own (Chalice's local
server can be made only once per process): `in-process` (`lambda_workers=0`), `workers:N`,
`workers:N+api` (the HTTP API in a process of its own) and `workers:N+api+dynamodb` (DynamoDB
too, in a moto process of its own: as `make run` serves it). It waits for the
workers to be warm, fires every POST at the same moment from a thread of its own (user
`i % users`; the load comes from this process, not the stack's), then lists each user's
workflows every 2 s until every one has finished. It prints, per mode:

- completion: from the first POST to the last workflow's `completedAt` (seconds);
- POST p50 / p99 / max (seconds), from sending the request to its answer;
- lost: POSTs not answered 201, and created workflows not finished by the deadline; failed:
  finished but not COMPLETED;
- CPU: the cores the stack kept busy on average, and the CPU seconds of the stack's own process
  (moto and its Step Functions interpreter, one GIL) and of each kind of child: DynamoDB's
  process, the HTTP API's, the Lambda workers (the stream's included);
- the POST burst: from the first POST to the last answer, and the CPU each process used in it;

and each mode's completion time and POST p99 as ratios of the first's. #19's goal: 100 workflows within 30 s
on 2 cores, POST p99 within 1 s, nothing lost. Absolute figures swing with whatever else the
machine runs; the ratios, measured minutes apart in one run, are the figures to compare.

`--runs N` runs each mode N times (in turns) and prints each figure's min / median / max and the
CPU per POST (every process's CPU during the burst, divided by the POSTs). `--baseline REV` also
serves each mode from a `git archive` of REV in a temporary directory (its own stack code, this
driver and this virtualenv), in turns with this tree's, and prints this tree's medians as ratios
of the baseline's. The load average is printed before and after.

    python bench/throughput.py [--workflows 100] [--users 10] [--modes workers:4+api,workers:4+api+dynamodb]
        [--runs 3] [--baseline 8b4d7d0]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SECRET = "bench-throughput-signing-key-" + "0" * 40
os.environ.update(AUTH_MODE="dev", DEV_AUTH_SECRET=SECRET)
# The phases' INFO lines and metrics, in the stack's process and the workers alike (inherited).
os.environ.update(POWERTOOLS_LOG_LEVEL="WARNING", POWERTOOLS_METRICS_DISABLED="true")
# The limiter would measure itself (100 POSTs a user is its whole bucket): generous, as in tests.
for _prefix in ("RATE_LIMIT", "API_KEY_RATE_LIMIT"):
    os.environ[f"{_prefix}_PER_SECOND"] = "500"
    os.environ[f"{_prefix}_BURST"] = "1000"

import urllib3  # noqa: E402

from chalicelib.api.auth import issue_dev_token  # noqa: E402
from local_stack.api_process import default_api_processes  # noqa: E402
from local_stack.stack import LocalStack, StackConfig  # noqa: E402
from local_stack.workers import default_lambda_workers  # noqa: E402

NOTES = (
    "Cause: burst supply line under the kitchen sink.\nKitchen 12x14 ft, vinyl floor wet.\n"
    "Subfloor 32%MC, dry standard 12%MC.\nTwo air movers and one LGR dehumidifier placed."
)
TERMINAL = {"COMPLETED", "FAILED", "CANCELLED", "NEEDS_REVIEW"}
DEADLINE_SECONDS = 600.0
POLL_SECONDS = 2.0


@dataclass
class Result:
    mode: str
    completion: float
    post_latencies: list[float]
    lost: int
    failed: int
    cores_busy: float
    cpu: dict[str, float]  # CPU seconds by process: stack (moto, the interpreter), api, dynamodb, workers
    burst_seconds: float  # from the first POST to the last POST's answer
    burst_cpu: dict[str, float]  # the same, in that time


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _own_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def _children_cpu() -> dict[str, float]:
    """CPU seconds this process's live children have used so far, from /proc (they are not reaped
    yet), by kind: the HTTP API's process, DynamoDB's, the Lambda workers."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = {"api": 0.0, "dynamodb": 0.0, "workers": 0.0}
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split() if entry.name.isdigit() else []
            command = (entry / "cmdline").read_bytes() if fields else b""
        except OSError:
            continue
        if fields and int(fields[1]) == os.getpid():
            kind = (
                "api"
                if b"api_process" in command
                else "dynamodb"
                if b"dynamodb_process" in command
                else "workers"
            )
            total[kind] += (int(fields[11]) + int(fields[12])) / ticks
    return total


def _workers_of(mode: str) -> int:
    """'in-process' -> 0; 'workers:N', 'workers:N+api' or 'workers:N+api+dynamodb' -> N."""
    return 0 if mode == "in-process" else int(mode.split(":", 1)[1].split("+", 1)[0])


def serve(mode: str) -> None:
    """The child: a stack, its API's URL on stdout, then its CPU figures each time asked."""
    logging.disable(logging.WARNING)
    stack = LocalStack(
        StackConfig(
            api_port=0,
            aws_port=0,
            websocket_port=0,
            dev_auth_secret=SECRET,
            reconcile_every_seconds=None,
            close_expired_every_seconds=None,
            lambda_workers=_workers_of(mode),
            api_process="+api" in mode,
            api_processes=default_api_processes(),  # as make run: one per core
            dynamodb_process="+dynamodb" in mode,
        )
    )
    stack.start()
    pool = stack.workers
    if pool is not None:
        pool.wait_ready()
    print(json.dumps({"api": f"{stack.api_url}/api/orchestrator"}), flush=True)
    for line in sys.stdin:
        if line.strip() != "cpu":
            break
        cpu = {"stack": _own_cpu(), "children": _children_cpu()}
        print(json.dumps(cpu), flush=True)
    stack.stop()


class _Stack:
    """The driver's handle on a child that serves a stack (from `root`: this tree or a baseline's)."""

    def __init__(self, mode: str, root: Path = ROOT) -> None:
        command = [sys.executable, str(root / "bench" / "throughput.py"), "--serve", mode]
        self._child = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=root,
        )
        self.api = str(self._read()["api"])

    def _read(self) -> dict[str, Any]:
        assert self._child.stdout is not None
        line = self._child.stdout.readline()
        if not line:
            raise RuntimeError("the stack's process ended")
        parsed: dict[str, Any] = json.loads(line)
        return parsed

    def cpu(self) -> dict[str, Any]:
        assert self._child.stdin is not None
        self._child.stdin.write("cpu\n")
        self._child.stdin.flush()
        return self._read()

    def stop(self) -> None:
        assert self._child.stdin is not None
        self._child.stdin.close()
        self._child.wait(timeout=60)


def run(mode: str, workflows: int, users: int, root: Path = ROOT) -> Result:
    """The driver: the load comes from this process, so it takes no CPU from the stack's GIL."""
    stack = _Stack(mode, root)
    http = urllib3.PoolManager(maxsize=workflows + users, retries=False, timeout=urllib3.Timeout(total=120))
    tokens = [issue_dev_token(f"user-{i}", SECRET) for i in range(users)]
    created: set[str] = set()
    latencies: list[float] = []
    refused = 0
    lock = threading.Lock()
    barrier = threading.Barrier(workflows + 1)

    def submit(index: int) -> None:
        nonlocal refused
        body = json.dumps({"inputMethod": "TEXT", "title": f"Bench {index}", "inputData": {"text": NOTES}})
        headers = {"Authorization": f"Bearer {tokens[index % users]}", "Content-Type": "application/json"}
        barrier.wait()
        sent = time.monotonic()
        try:
            reply = http.request("POST", f"{stack.api}/workflows", body=body, headers=headers)
            status, data = reply.status, reply.data
        except urllib3.exceptions.HTTPError:
            status, data = 0, b""
        took = time.monotonic() - sent
        with lock:
            latencies.append(took)
            if status == 201:
                created.add(json.loads(data)["workflowId"])
            else:
                refused += 1

    before = _flat(stack.cpu())
    threads = [threading.Thread(target=submit, args=(i,)) for i in range(workflows)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started_wall = time.time()
    started = time.monotonic()
    for thread in threads:
        thread.join()
    burst_seconds = time.monotonic() - started
    burst = _flat(stack.cpu())

    # One listing per user with workflows left, every POLL_SECONDS: polling each workflow would
    # load the stack being measured (the end time is each workflow's completedAt, not the poll's).
    finished: dict[str, dict[str, Any]] = {}
    done_users: set[str] = set()
    while len(finished) < len(created) and time.monotonic() - started < DEADLINE_SECONDS:
        time.sleep(POLL_SECONDS)
        for token in tokens:
            if token in done_users:
                continue
            reply = http.request(
                "GET", f"{stack.api}/workflows?limit=100", headers={"Authorization": f"Bearer {token}"}
            )
            for workflow in json.loads(reply.data)["workflows"] if reply.status == 200 else []:
                if workflow["id"] in created and workflow["status"] in TERMINAL:
                    finished[workflow["id"]] = workflow
            mine = json.loads(reply.data)["workflows"] if reply.status == 200 else []
            if mine and all(w["status"] in TERMINAL for w in mine):
                done_users.add(token)
    elapsed = time.monotonic() - started
    after = _flat(stack.cpu())
    stack.stop()

    ends = [
        datetime.fromisoformat(w["completedAt"].replace("Z", "+00:00")).timestamp()
        for w in finished.values()
        if w.get("completedAt")
    ]
    lost = refused + len(created) - len(finished)
    cpu = {kind: after[kind] - before[kind] for kind in after}
    return Result(
        mode=mode,
        completion=(max(ends) - started_wall) if ends and not lost else float("nan"),
        post_latencies=latencies,
        lost=lost,
        failed=sum(1 for w in finished.values() if w["status"] != "COMPLETED"),
        cores_busy=sum(cpu.values()) / elapsed,
        cpu=cpu,
        burst_seconds=burst_seconds,
        burst_cpu={kind: burst[kind] - before[kind] for kind in burst},
    )


def _flat(cpu: dict[str, Any]) -> dict[str, float]:
    return {"stack": float(cpu["stack"]), **{kind: float(v) for kind, v in cpu["children"].items()}}


def _archive(revision: str, into: Path) -> Path:
    """`git archive` of `revision` unpacked in `into`, with this tree's virtualenv beside it."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    if (ROOT / ".venv").exists() and not (into / ".venv").exists():
        (into / ".venv").symlink_to((ROOT / ".venv").resolve())
    return into


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _print_results(results: list[Result], workflows: int, users: int) -> None:
    print(f"{workflows} TEXT workflows from {users} users at once; {len(os.sched_getaffinity(0))} cores")
    kinds = ("stack", "dynamodb", "api", "workers")
    print(
        f"{'mode':<34} {'complete s':>10} {'POST p50':>9} {'POST p99':>9} {'POST max':>9} "
        f"{'lost':>5} {'failed':>6} {'cores busy':>10}   CPU s: " + " ".join(f"{k:>8}" for k in kinds)
    )
    for r in results:
        print(
            f"{r.mode:<34} {r.completion:>10.1f} {statistics.median(r.post_latencies):>9.2f} "
            f"{_percentile(r.post_latencies, 0.99):>9.2f} {max(r.post_latencies):>9.2f} "
            f"{r.lost:>5} {r.failed:>6} {r.cores_busy:>10.2f}           "
            + " ".join(f"{r.cpu[k]:>8.1f}" for k in kinds)
        )
    print("during the POST burst (from the first POST to the last answer): seconds, and CPU s by process")
    for r in results:
        print(
            f"{r.mode:<34} {r.burst_seconds:>10.2f}   CPU s: "
            + " ".join(f"{r.burst_cpu.get(k, 0.0):>8.2f}" for k in kinds)
            + f"   per POST {_cpu_per_post(r) * 1000:.1f} ms"
        )


def _cpu_per_post(result: Result) -> float:
    return sum(result.burst_cpu.values()) / max(1, len(result.post_latencies))


FIGURES: dict[str, Callable[[Result], float]] = {
    "complete s": lambda r: r.completion,
    "POST p50 s": lambda r: statistics.median(r.post_latencies),
    "POST p99 s": lambda r: _percentile(r.post_latencies, 0.99),
    "CPU/POST ms": lambda r: _cpu_per_post(r) * 1000,
    "lost": lambda r: float(r.lost),
    "failed": lambda r: float(r.failed),
}


def _summary(label: str, runs: list[Result]) -> dict[str, float]:
    """min / median / max of each figure over the runs; returns the medians."""
    medians: dict[str, float] = {}
    parts = []
    for name, figure in FIGURES.items():
        values = [figure(r) for r in runs]
        medians[name] = statistics.median(values)
        parts.append(f"{name} {min(values):.2f}/{medians[name]:.2f}/{max(values):.2f}")
    print(f"{label:<44} " + "  ".join(parts))
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workflows", type=int, default=100)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument(
        "--modes",
        default=f"workers:{default_lambda_workers()}+api,workers:{default_lambda_workers()}+api+dynamodb",
        help="comma-separated: in-process, workers:N, workers:N+api (the HTTP API in its own process), "
        "workers:N+api+dynamodb (DynamoDB too: make run)",
    )
    parser.add_argument("--runs", type=int, default=1, help="run each mode this many times (in turns)")
    parser.add_argument("--baseline", help="also run each mode from a git archive of this revision")
    parser.add_argument("--serve", help=argparse.SUPPRESS)  # the child: serve a stack in this mode
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return

    modes = args.modes.split(",")
    print(f"load average at start: {_load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="throughput-baseline-") as scratch:
        roots = [("this tree", ROOT)]
        if args.baseline:
            roots.insert(0, (f"baseline {args.baseline}", _archive(args.baseline, Path(scratch))))
        runs: dict[tuple[str, str], list[Result]] = {}
        results: list[Result] = []
        for turn in range(args.runs):
            for mode in modes:
                for label, root in roots:  # in turns: a change in the machine's load hits both
                    result = run(mode, args.workflows, args.users, root)
                    result.mode = f"{mode} ({label})" if args.baseline else mode
                    runs.setdefault((label, mode), []).append(result)
                    results.append(result)
                    print(
                        f"run {turn + 1}/{args.runs} {result.mode}: complete {result.completion:.1f} s, "
                        f"POST p99 {_percentile(result.post_latencies, 0.99):.2f} s, load {_load()}",
                        flush=True,
                    )
    print(f"load average at the end: {_load()}")
    _print_results(results, args.workflows, args.users)
    print("min/median/max over the runs:")
    medians = {key: _summary(f"{key[1]} ({key[0]})", value) for key, value in runs.items()}
    if args.baseline:
        for mode in modes:
            now, before = medians[("this tree", mode)], medians[(f"baseline {args.baseline}", mode)]
            ratios = ", ".join(
                f"{name} {now[name] / before[name]:.2f}x"
                for name in FIGURES
                if before[name] and name not in ("lost", "failed")
            )
            print(f"{mode}: this tree / baseline {args.baseline} (medians): {ratios}")
    elif len(modes) > 1 and args.runs == 1:
        first = results[0]
        for r in results[1:]:
            p99, first_p99 = _percentile(r.post_latencies, 0.99), _percentile(first.post_latencies, 0.99)
            print(
                f"{r.mode} / {first.mode}: completion {r.completion / first.completion:.2f}x, "
                f"POST p99 {p99 / first_p99:.2f}x"
            )


if __name__ == "__main__":
    main()
