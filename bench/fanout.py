"""WebSocket fan-out on the local stack: N clients watch one workflow; how long do events take?

For each event the latency is from its `at` (written with the change, in the same transaction)
to the moment the last of the N clients has it. Printed next to the same run with one client,
as a ratio: the cost of fanning out, on this machine, through the same `@connections` calls the
app makes on AWS. The local stack serves everything from one Python process, so the absolute
numbers say more about the GIL than about API Gateway; the ratio is the figure to watch.

    python bench/fanout.py [--clients 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import threading
import time
from datetime import UTC
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SECRET = "bench-fanout-signing-key-" + "0" * 40
os.environ.update(AUTH_MODE="dev", DEV_AUTH_SECRET=SECRET)

from chalicelib.api.auth import issue_dev_token  # noqa: E402
from chalicelib.phases import processing  # noqa: E402
from local_stack.stack import LocalStack, StackConfig  # noqa: E402

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


async def _watch(url: str, channel: str, ready: asyncio.Queue[None]) -> dict[int, float]:
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
                    return received


def run_once(stack: LocalStack, clients: int, release: threading.Event) -> dict[str, float]:
    token = issue_dev_token(f"bench-{clients}", SECRET)
    release.clear()
    workflow_id = _create_workflow(stack, token)  # held in PROCESSING until every client is in
    channel = f"workflow:{workflow_id}:progress"
    url = f"{stack.websocket_url}/?token={token}"

    async def run() -> tuple[float, list[dict[int, float]]]:
        ready: asyncio.Queue[None] = asyncio.Queue()
        started = time.monotonic()
        tasks = [asyncio.create_task(_watch(url, channel, ready)) for _ in range(clients)]
        for _ in range(clients):
            await asyncio.wait_for(ready.get(), timeout=300)
        subscribe_seconds = time.monotonic() - started
        release.set()
        return subscribe_seconds, list(await asyncio.gather(*tasks))

    subscribe_seconds, per_client = asyncio.run(run())
    events = _events(workflow_id)
    latencies = []
    for seq, written_at in events.items():
        times = [received[seq] for received in per_client if seq in received]
        if len(times) == clients:
            latencies.append(max(times) - written_at)
    return {
        "subscribe_s": subscribe_seconds,
        "events": len(latencies),
        "p50_ms": statistics.median(latencies) * 1000,
        "max_ms": max(latencies) * 1000,
        "messages": clients * len(latencies),
    }


def _events(workflow_id: str) -> dict[int, float]:
    """seq -> when the change was written."""
    from chalicelib.wiring import ports

    return {e.seq: e.at.astimezone(UTC).timestamp() for e in ports().workflows.events_after(workflow_id, 0)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--clients", type=int, default=200)
    args = parser.parse_args(argv)

    release = threading.Event()
    real = processing.analyze_text

    def held(text: str) -> Any:
        release.wait(timeout=300)
        return real(text)

    processing.analyze_text = held  # type: ignore[assignment]
    stack = LocalStack(StackConfig(api_port=0, aws_port=0, websocket_port=0, dev_auth_secret=SECRET))
    stack.start()
    try:
        one = run_once(stack, 1, release)
        many = run_once(stack, args.clients, release)
    finally:
        stack.stop()

    print(f"WebSocket fan-out, {args.clients} clients on one workflow (local stack, one process)")
    print(f"{'clients':>8} {'subscribe s':>12} {'events':>7} {'p50 ms':>9} {'max ms':>9} {'messages':>9}")
    for clients, row in ((1, one), (args.clients, many)):
        print(
            f"{clients:>8} {row['subscribe_s']:>12.2f} {row['events']:>7} {row['p50_ms']:>9.1f} "
            f"{row['max_ms']:>9.1f} {row['messages']:>9}"
        )
    print(f"p50 latency ratio {args.clients}:1 = {many['p50_ms'] / one['p50_ms']:.1f}x")
    print(f"per delivered message at p50: {many['p50_ms'] / args.clients:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
