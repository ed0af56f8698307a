"""The fan-out of progress events on the local stack: what an update costs in DynamoDB writes,
and that the phases never wait for the sockets (the push runs from the table's stream)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

import pytest
from websockets.asyncio.client import connect as connect_async

from chalicelib import wiring
from local_stack.metering import ItemWrites, count_item_writes
from local_stack.stack import LocalStack
from tests.conftest import Api
from tests.integration.test_live_progress import NOTES, Socket, of_type, seqs


def _held_in_processing(api: Api) -> str:
    workflow_id = api.create_text(NOTES)
    api.wait_for(workflow_id, until=lambda w: w["currentPhase"] == "PROCESSING")
    return workflow_id


def _wait_until_live(workflow_id: str, subscribers: int) -> None:
    """Every subscription has ended its replay: what follows is the push's alone."""
    deadline = time.monotonic() + 30
    while True:
        found = wiring.ports().connections.subscriptions(workflow_id)
        if len(found) == subscribers and all(s.replaying_until is None for s in found):
            return
        assert time.monotonic() < deadline, f"subscriptions never went live: {found}"
        time.sleep(0.05)


def _watch_to_the_end(
    api: Api, stack: LocalStack, held_analysis: threading.Event, subscribers: int
) -> tuple[dict[str, int], int, list[list[int]]]:
    """A workflow held in PROCESSING, `subscribers` sockets on it from seq 0; then the item
    writes from its release until every socket has WORKFLOW_COMPLETE (no HTTP call in between),
    by kind: the workflow's own partition and its subscriptions (the session's other tests may
    still be running workflows of their own: theirs are not counted; nor is the user's phase-time
    aggregate, added after the last event's write, so inside the count or not by a race)."""
    assert api.token is not None
    held_analysis.clear()
    workflow_id = _held_in_processing(api)
    channel = f"workflow:{workflow_id}:progress"
    url = f"{stack.websocket_url}/?token={api.token}"

    async def watcher(ready: asyncio.Queue[None], close: asyncio.Event) -> list[dict[str, Any]]:
        async with connect_async(url, open_timeout=30) as ws:
            await ws.send(json.dumps({"action": "subscribe", "channel": channel, "lastSeq": 0}))
            received: list[dict[str, Any]] = []
            await ready.put(None)
            while received[-1:] == [] or received[-1]["type"] != "WORKFLOW_COMPLETE":
                received.append(json.loads(await asyncio.wait_for(ws.recv(), timeout=60)))
            await ready.put(None)
            await close.wait()  # a socket's $disconnect writes: not the update's cost
            return received

    async def run() -> tuple[ItemWrites, list[list[dict[str, Any]]]]:
        ready: asyncio.Queue[None] = asyncio.Queue()
        close = asyncio.Event()
        tasks = [asyncio.create_task(watcher(ready, close)) for _ in range(subscribers)]
        for _ in range(subscribers):
            await asyncio.wait_for(ready.get(), timeout=60)
        await asyncio.to_thread(_wait_until_live, workflow_id, subscribers)
        with count_item_writes() as writes:
            held_analysis.set()
            for _ in range(subscribers):
                await asyncio.wait_for(ready.get(), timeout=60)
            await asyncio.to_thread(stack.event_stream.drain)
        close.set()
        return writes, list(await asyncio.gather(*tasks))

    writes, results = asyncio.run(run())
    total = wiring.ports().workflows.get(workflow_id).last_event_seq  # type: ignore[union-attr]
    mine = {
        "workflow": writes.counts[(stack.config.table_name, f"WF#{workflow_id}")],
        # Its subscriptions, where the leases were taken and released on every update.
        "subscriptions": writes.counts[(stack.config.connections_table_name, f"CHAN#{workflow_id}")],
    }
    return mine, total, [seqs(received) for received in results]


def test_an_update_costs_the_same_writes_for_one_subscriber_as_for_fifty(
    api: Api, stack: LocalStack, held_analysis: threading.Event
) -> None:
    # Given the same workflow watched by one socket, then by fifty
    one, events_one, received_one = _watch_to_the_end(api, stack, held_analysis, 1)
    fifty, events_fifty, received_fifty = _watch_to_the_end(api, stack, held_analysis, 50)

    # Then every socket got every event, in order, once
    for total, received in ((events_one, received_one), (events_fifty, received_fifty)):
        assert all(got == list(range(1, total + 1)) for got in received)
    # ... and the run from PROCESSING to the end wrote exactly as many items with fifty as with one
    assert events_one == events_fifty
    assert fifty == one, (one, fifty)
    # ... none of them to a subscription: an update's only writes are its transaction's
    assert one["subscriptions"] == 0 and one["workflow"] > 0, one


def test_a_phase_does_not_wait_for_its_watchers(
    api: Api, stack: LocalStack, held_analysis: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a socket watching a workflow held in PROCESSING, its replay over
    assert api.token is not None
    workflow_id = _held_in_processing(api)
    client = Socket(stack.websocket_url, api.token)
    try:
        assert client.subscribe(workflow_id, last_seq=0)["type"] == "SUBSCRIBED"
        _wait_until_live(workflow_id, 1)
        replayed = seqs(client.until(lambda m: m.get("seq") == 5))  # PROCESSING's step started
        # ... and every post to a WebSocket held up (in the Management API) until the test lets it through
        sockets_open = threading.Event()
        deliver = stack.websockets.deliver

        async def held_deliver(connection_id: str, data: bytes) -> bool:
            await asyncio.to_thread(sockets_open.wait, 60)
            return await deliver(connection_id, data)

        monkeypatch.setattr(stack.websockets, "deliver", held_deliver)

        # When the workflow runs on
        held_analysis.set()

        # Then it completes while no event has reached the socket
        finished = api.wait_for(workflow_id, timeout=20)
        assert finished["status"] == "COMPLETED"
        assert client.silent_for(0.2)
        # ... and once the sockets take messages again, every event arrives, in order, once
        sockets_open.set()
        live = seqs(client.until(of_type("WORKFLOW_COMPLETE")))
        assert replayed + live == list(range(1, finished["lastEventSeq"] + 1))
    finally:
        sockets_open.set()
        client.close()
