"""WebSocket fan-out on the local stack: N clients watch one workflow; how long do events take,
and what does an update cost in DynamoDB writes?

A delivery's latency is from its event's `at` (written with the change, in the same transaction)
to the moment a client has it; p50 and p99 are over every (event, client) delivery of the live
part of the run, "last" is per event, until the last of the N clients has it. Printed next to
the same run with one client, as ratios: the cost of fanning out, on this machine, through the
same `@connections` calls the app makes on AWS.

Two modes, one after the other on the same stack: `in-process` (the stream's `push_events` runs
in the stack's own process, as the test suite's stack runs it) and `workers` (it runs in the
stream's worker processes, as `make run` runs it: local_stack/stack.py, STREAM_WORKERS). The
workflow is held before its PROCESSING phase until every client is in, by a fault plan that
waits (so the phases may run in workers too).

Item writes are counted in moto (`local_stack/metering.py`) from the release of the held
workflow until every client has its WORKFLOW_COMPLETE, per update (one workflow write that made
events: its `version` moves by one), by table: the workflows table holds the change and its
events, the connections table is what the fan-out itself writes.

    python bench/fanout.py [--clients 200] [--modes in-process,workers]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import statistics
import sys
import threading
import time
from datetime import UTC
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SECRET = "bench-fanout-signing-key-" + "0" * 40
os.environ.update(AUTH_MODE="dev", DEV_AUTH_SECRET=SECRET)

from chalicelib.api.auth import issue_dev_token  # noqa: E402
from local_stack.metering import count_item_writes  # noqa: E402
from local_stack.stack import LocalStack, StackConfig  # noqa: E402
from local_stack.workers import default_lambda_workers  # noqa: E402

NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet.\nLaundry wall 40 WME."


def _create_workflow(stack: LocalStack, token: str) -> str:
    import urllib3

    reply = urllib3.PoolManager().request(
        "POST",
        f"{stack.api_url}/api/orchestrator/workflows",
        body=json.dumps({"inputMethod": "TEXT", "inputData": {"text": NOTES}}),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    return str(json.loads(reply.data)["workflowId"])


async def _watch(
    url: str, channel: str, ready: asyncio.Queue[None], close: asyncio.Event
) -> dict[int, float]:
    """seq -> the wall-clock time this client received it."""
    from websockets.asyncio.client import connect

    received: dict[int, float] = {}
    async with connect(url, open_timeout=120, max_queue=None) as ws:
        await ws.send(json.dumps({"action": "subscribe", "channel": channel}))
        while True:
            message = json.loads(await asyncio.wait_for(ws.recv(), timeout=300))
            if message["type"] == "SNAPSHOT":
                await ready.put(None)
            elif "seq" in message:
                received[message["seq"]] = time.time()
                if message["type"] == "WORKFLOW_COMPLETE":
                    break
        await ready.put(None)
        await close.wait()  # closing writes ($disconnect): not the updates' cost
    return received


def _live(workflow_id: str, clients: int) -> None:
    """Wait until every subscription has ended its replay."""
    from chalicelib.wiring import ports

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        found = ports().connections.subscriptions(workflow_id)
        if len(found) == clients and all(s.replaying_until is None for s in found):
            return
        time.sleep(0.05)
    raise SystemExit("the subscriptions never went live")


def _version(workflow_id: str) -> int:
    from chalicelib.wiring import ports

    workflow = ports().workflows.get(workflow_id)
    assert workflow is not None
    return workflow.version


def _clients(url: str, channel: str, clients: int, pipe: Connection) -> None:
    """The watchers, in a process of their own (they are remote on AWS: their parsing is not the
    stack's cost). Says "subscribed", then "complete", waits for "close", sends what each got."""

    async def run() -> list[dict[int, float]]:
        ready: asyncio.Queue[None] = asyncio.Queue()
        close = asyncio.Event()
        tasks = [asyncio.create_task(_watch(url, channel, ready, close)) for _ in range(clients)]
        for stage in ("subscribed", "complete"):
            for _ in range(clients):
                await asyncio.wait_for(ready.get(), timeout=300)
            pipe.send(stage)
        await asyncio.to_thread(pipe.recv)
        close.set()
        return list(await asyncio.gather(*tasks))

    pipe.send(asyncio.run(run()))


def _expect(pipe: Connection, what: str) -> Any:
    if not pipe.poll(300):
        raise SystemExit(f"the clients never said {what!r}")
    said = pipe.recv()
    if what and said != what:
        raise SystemExit(f"the clients said {said!r}, not {what!r}")
    return said


def run_once(stack: LocalStack, clients: int, release: threading.Event) -> dict[str, float]:
    token = issue_dev_token(f"bench-{clients}", SECRET)
    release.clear()
    workflow_id = _create_workflow(stack, token)  # held in PROCESSING until every client is in
    _initiated(workflow_id)
    channel = f"workflow:{workflow_id}:progress"
    url = f"{stack.websocket_url}/?token={token}"

    context = multiprocessing.get_context("spawn")
    pipe, theirs = context.Pipe()
    watchers = context.Process(target=_clients, args=(url, channel, clients, theirs), daemon=True)
    started = time.monotonic()
    watchers.start()
    _expect(pipe, "subscribed")
    _live(workflow_id, clients)
    subscribe_seconds = time.monotonic() - started
    version = _version(workflow_id)
    with count_item_writes() as writes:
        released_at = time.time()
        cpu_at_release = time.process_time()
        release.set()
        _expect(pipe, "complete")
        stack.event_stream.drain()
        cpu_seconds = time.process_time() - cpu_at_release
    updates = _version(workflow_id) - version
    pipe.send("close")
    per_client: list[dict[int, float]] = _expect(pipe, "")
    watchers.join(timeout=30)

    events = {seq: at for seq, at in _events(workflow_id).items() if at >= released_at}
    deliveries: list[float] = []
    last: list[float] = []
    for seq, written_at in events.items():
        times = [received[seq] for received in per_client if seq in received]
        if len(times) != clients:
            raise SystemExit(f"event {seq} reached {len(times)} of {clients} clients")
        deliveries += [t - written_at for t in times]
        last.append(max(times) - written_at)
    tables = writes.by_table()
    return {
        "subscribe_s": subscribe_seconds,
        "events": len(events),
        "p50_ms": _percentile(deliveries, 50) * 1000,
        "p99_ms": _percentile(deliveries, 99) * 1000,
        "last_p50_ms": statistics.median(last) * 1000,
        "last_max_ms": max(last) * 1000,
        "messages": len(deliveries),
        "cpu_s": cpu_seconds,
        "updates": updates,
        "workflow_writes": tables.get(stack.config.table_name, 0) / updates,
        "connection_writes": tables.get(stack.config.connections_table_name, 0) / updates,
    }


def _initiated(workflow_id: str) -> None:
    """Wait until INITIATION is done: PROCESSING's invocation is then held (`_hold`)."""
    from chalicelib.wiring import ports

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workflow = ports().workflows.get(workflow_id)
        if workflow is not None and "INITIATION" in [p.value for p in workflow.completed_phases]:
            return
        time.sleep(0.05)
    raise SystemExit("the workflow never finished INITIATION")


def _hold(release: threading.Event) -> Any:
    """A fault plan that injects nothing: it holds each PROCESSING invocation until `release`."""

    def plan(function: str, _event: dict[str, Any]) -> None:
        if function == "phase_processing":
            release.wait(timeout=300)

    return plan


def _percentile(values: list[float], percent: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * percent / 100))]


def _events(workflow_id: str) -> dict[int, float]:
    """seq -> when the change was written."""
    from chalicelib.wiring import ports

    return {e.seq: e.at.astimezone(UTC).timestamp() for e in ports().workflows.events_after(workflow_id, 0)}


def _print(mode: str, clients: int, one: dict[str, float], many: dict[str, float]) -> None:
    print(f"{mode}: push_events in {'the stack process' if mode == 'in-process' else 'worker processes'}")
    print(
        f"{'clients':>8} {'subscribe s':>12} {'events':>7} {'p50 ms':>8} {'p99 ms':>8} {'last p50':>9} "
        f"{'last max':>9} {'messages':>9} {'updates':>8} {'writes/update':>14} {'of which fan-out':>17}"
    )
    for count, row in ((1, one), (clients, many)):
        per_update = row["workflow_writes"] + row["connection_writes"]
        print(
            f"{count:>8} {row['subscribe_s']:>12.2f} {row['events']:>7} {row['p50_ms']:>8.1f} "
            f"{row['p99_ms']:>8.1f} {row['last_p50_ms']:>9.1f} {row['last_max_ms']:>9.1f} "
            f"{row['messages']:>9} {row['updates']:>8} {per_update:>14.2f} {row['connection_writes']:>17.2f}"
        )
    extra_cpu_ms = (many["cpu_s"] - one["cpu_s"]) * 1000
    extra_messages = many["messages"] - one["messages"]
    print(
        f"the stack process's CPU from release to the last delivery: {one['cpu_s']:.2f} s with 1 client, "
        f"{many['cpu_s']:.2f} s with {clients}: {extra_cpu_ms / extra_messages:.2f} ms per extra message"
    )
    print(f"p50 latency ratio {clients}:1 = {many['p50_ms'] / one['p50_ms']:.1f}x")
    print(f"p99 latency ratio {clients}:1 = {many['p99_ms'] / one['p99_ms']:.1f}x")
    one_writes = one["workflow_writes"] + one["connection_writes"]
    many_writes = many["workflow_writes"] + many["connection_writes"]
    print(f"item writes per update ratio {clients}:1 = {many_writes / one_writes:.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--modes", default="in-process,workers", help="in-process, workers, or both")
    args = parser.parse_args(argv)

    release = threading.Event()
    config = StackConfig(api_port=0, aws_port=0, websocket_port=0, dev_auth_secret=SECRET)
    config.reconcile_every_seconds = config.close_expired_every_seconds = None  # no writes of theirs
    stack = LocalStack(config)
    stack.start()
    stack.inject_faults(_hold(release))
    results: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
    try:
        for mode in args.modes.split(","):
            if mode == "workers" and stack.workers is None:
                stack.start_lambda_workers(default_lambda_workers()).wait_ready()
                assert stack.stream_workers is not None
                stack.stream_workers.wait_ready()
            elif mode == "in-process" and stack.workers is not None:
                stack.stop_lambda_workers()
            results[mode] = (run_once(stack, 1, release), run_once(stack, args.clients, release))
    finally:
        release.set()
        stack.stop()

    print(
        f"WebSocket fan-out, {args.clients} clients on one workflow "
        "(the local stack in one process, the clients in another)"
    )
    for mode, (one, many) in results.items():
        _print(mode, args.clients, one, many)
    if len(results) == 2:
        (_, before), (_, after) = results.values()
        modes = "/".join(results)
        print(
            f"{args.clients} clients, p99 {modes}: {before['p99_ms']:.0f} / {after['p99_ms']:.0f} ms "
            f"= {after['p99_ms'] / before['p99_ms']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
