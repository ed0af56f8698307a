"""Live progress over WebSockets on the local stack: real clients, real handlers, the same
`@connections` calls as on AWS."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest
from websockets.asyncio.client import connect as connect_async
from websockets.exceptions import InvalidStatus
from websockets.sync.client import ClientConnection, connect

from chalicelib import wiring
from chalicelib.api.auth import issue_dev_token
from chalicelib.aws.connections import Connection
from local_stack.stack import LocalStack
from tests.conftest import TEST_SECRET, Api, token_for

BASE = "/api/orchestrator/workflows"
NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet.\nLaundry wall 40 WME."
PHASES = ["INITIATION", "PROCESSING", "QA", "OUTPUT"]
# What one phase says, in order, when it runs: its step starts, completes, then the phase and
# the progress. The last phase adds WORKFLOW_COMPLETE.
PHASE_EVENTS = ["STEP_UPDATE", "STEP_UPDATE", "PHASE_COMPLETE", "PROGRESS_UPDATE"]


class Socket:
    """A WebSocket client that reads JSON messages, with timeouts."""

    def __init__(self, url: str, token: str) -> None:
        self._open = ExitStack()
        self.ws: ClientConnection = self._open.enter_context(
            connect(f"{url}/?token={token}", open_timeout=10)
        )

    def send(self, message: dict[str, Any]) -> None:
        self.ws.send(json.dumps(message))

    def subscribe(self, workflow_id: str, last_seq: int | None = None) -> dict[str, Any]:
        message: dict[str, Any] = {"action": "subscribe", "channel": f"workflow:{workflow_id}:progress"}
        if last_seq is not None:
            message["lastSeq"] = last_seq
        self.send(message)
        return self.next()

    def next(self, timeout: float = 30) -> dict[str, Any]:
        return dict(json.loads(self.ws.recv(timeout=timeout)))

    def until(self, done: Callable[[dict[str, Any]], bool], timeout: float = 60) -> list[dict[str, Any]]:
        """Every message up to and including the first that `done` accepts."""
        deadline = time.monotonic() + timeout
        received: list[dict[str, Any]] = []
        while True:
            message = self.next(timeout=max(0.1, deadline - time.monotonic()))
            received.append(message)
            if done(message):
                return received

    def silent_for(self, seconds: float) -> bool:
        try:
            self.ws.recv(timeout=seconds)
        except TimeoutError:
            return True
        return False

    def close(self) -> None:
        self._open.close()


def of_type(kind: str) -> Callable[[dict[str, Any]], bool]:
    return lambda message: message.get("type") == kind


def seqs(messages: list[dict[str, Any]]) -> list[int]:
    return [m["seq"] for m in messages if "seq" in m and m["type"] != "SNAPSHOT"]


@pytest.fixture
def socket(stack: LocalStack, api: Api) -> Iterator[Socket]:
    assert api.token is not None
    client = Socket(stack.websocket_url, api.token)
    yield client
    client.close()


def _in_processing(api: Api) -> str:
    workflow_id = api.create_text(NOTES)
    api.wait_for(workflow_id, until=lambda w: w["currentPhase"] == "PROCESSING")
    return workflow_id


def test_every_event_of_a_text_workflow_arrives_once_and_in_order(
    api: Api, socket: Socket, held_analysis: threading.Event
) -> None:
    # Given a workflow held in PROCESSING, watched from its first event
    workflow_id = _in_processing(api)
    assert socket.subscribe(workflow_id, last_seq=0) == {
        "type": "SUBSCRIBED",
        "channel": f"workflow:{workflow_id}:progress",
        "data": {"lastSeq": 0},
    }
    replayed = socket.until(lambda m: m["type"] == "STEP_UPDATE" and m["data"]["phase"] == "PROCESSING")

    # When it runs to the end
    held_analysis.set()
    live = socket.until(of_type("WORKFLOW_COMPLETE"))

    # Then every event came once, in order, with contiguous seqs, ending with WORKFLOW_COMPLETE
    events = replayed + live
    assert seqs(events) == list(range(1, len(events) + 1))
    assert [e["type"] for e in events] == PHASE_EVENTS * 4 + ["WORKFLOW_COMPLETE"]
    assert all(e["channel"] == f"workflow:{workflow_id}:progress" and e["at"].endswith("Z") for e in events)
    steps = [e["data"] for e in events if e["type"] == "STEP_UPDATE"]
    assert [(s["phase"], s["status"]) for s in steps] == [
        (phase, status) for phase in PHASES for status in ("IN_PROGRESS", "COMPLETED")
    ]
    completions = [e["data"] for e in events if e["type"] == "PHASE_COMPLETE"]
    assert completions == [
        {"phase": "INITIATION", "nextPhase": "PROCESSING", "progressPercentage": 25},
        {"phase": "PROCESSING", "nextPhase": "QA", "progressPercentage": 50},
        {"phase": "QA", "nextPhase": "OUTPUT", "progressPercentage": 75},
        {"phase": "OUTPUT", "nextPhase": None, "progressPercentage": 100},
    ]
    finished = api.workflow(workflow_id)
    assert events[-1]["data"] == {"workflowId": workflow_id, "outputData": finished["outputData"]}
    assert finished["lastEventSeq"] == len(events)
    # And nothing follows
    assert socket.silent_for(0.5)


def test_a_client_that_drops_and_comes_back_with_last_seq_misses_nothing_and_gets_nothing_twice(
    api: Api, stack: LocalStack, held_analysis: threading.Event
) -> None:
    assert api.token is not None
    workflow_id = _in_processing(api)
    first = Socket(stack.websocket_url, api.token)
    first.subscribe(workflow_id, last_seq=0)
    before_drop = first.until(lambda m: m["type"] == "STEP_UPDATE" and m["data"]["phase"] == "PROCESSING")

    # When the client drops, and meanwhile PROCESSING finishes and the workflow pauses after it
    first.close()
    assert api.post(f"{BASE}/{workflow_id}/pause").status == 200
    held_analysis.set()
    api.wait_for(workflow_id, until=lambda w: w["status"] == "PAUSED")

    # Then reconnecting with the last seq it saw replays what it missed, up to the pause
    second = Socket(stack.websocket_url, api.token)
    try:
        assert second.subscribe(workflow_id, last_seq=before_drop[-1]["seq"])["data"] == {
            "lastSeq": before_drop[-1]["seq"]
        }
        missed = second.until(of_type("WORKFLOW_PAUSED"))
        assert [m["type"] for m in missed] == [
            "STEP_UPDATE",
            "PHASE_COMPLETE",
            "PROGRESS_UPDATE",
            "WORKFLOW_PAUSED",
        ]

        # And after resuming, the live events follow on
        assert api.post(f"{BASE}/{workflow_id}/resume").status == 200
        live = second.until(of_type("WORKFLOW_COMPLETE"))
    finally:
        second.close()

    # (resume sends the task token first and records WORKFLOW_RESUMED after it, ADR 0011: the next
    # phase's first step may be numbered before it)
    assert "WORKFLOW_RESUMED" in [m["type"] for m in live[:3]]
    received = seqs(before_drop + missed + live)
    assert received == list(range(1, len(received) + 1)), "a gap or a duplicate"
    assert received[-1] == api.workflow(workflow_id)["lastEventSeq"]


def test_without_last_seq_a_snapshot_comes_first_then_only_newer_events(
    api: Api, socket: Socket, held_analysis: threading.Event
) -> None:
    workflow_id = _in_processing(api)

    socket.subscribe(workflow_id)
    snapshot = socket.next()

    assert snapshot["type"] == "SNAPSHOT"
    assert snapshot["data"]["status"] == "IN_PROGRESS" and snapshot["data"]["currentPhase"] == "PROCESSING"
    assert [s["phase"] for s in snapshot["data"]["steps"]] == ["INITIATION", "PROCESSING"]
    held_analysis.set()
    live = socket.until(of_type("WORKFLOW_COMPLETE"))
    assert seqs(live) == list(range(snapshot["seq"] + 1, snapshot["seq"] + 1 + len(live)))


def test_a_finished_workflow_answers_with_its_snapshot_alone(api: Api, socket: Socket) -> None:
    workflow_id = api.create_text(NOTES)
    finished = api.wait_for(workflow_id)

    socket.subscribe(workflow_id)
    snapshot = socket.next()

    assert snapshot["type"] == "SNAPSHOT" and snapshot["seq"] == finished["lastEventSeq"]
    assert snapshot["data"]["status"] == "COMPLETED" and snapshot["data"]["progressPercentage"] == 100
    assert socket.silent_for(0.5)


def test_the_time_remaining_comes_from_the_users_measured_phases(api: Api, socket: Socket) -> None:
    # Given a user's first workflow: nothing measured yet, so no estimate until it is done
    first = api.wait_for(api.create_text(NOTES))
    socket.subscribe(first["id"], last_seq=0)
    first_progress = [
        m["data"] for m in socket.until(of_type("WORKFLOW_COMPLETE")) if m["type"] == "PROGRESS_UPDATE"
    ]
    assert [p["estimatedSecondsRemaining"] for p in first_progress] == [None, None, None, 0]
    assert first_progress[-1]["estimatedTimeRemaining"] == "done"

    # When a second one runs, its estimate is what the first one's remaining phases took
    second = api.wait_for(api.create_text(NOTES))
    socket.subscribe(second["id"], last_seq=0)
    progress = [
        m["data"] for m in socket.until(of_type("WORKFLOW_COMPLETE")) if m["type"] == "PROGRESS_UPDATE"
    ]

    took = first["phaseDurations"]
    expected = [max(1, round(sum(took[p] for p in PHASES[i + 1 :]))) for i in range(3)] + [0]
    assert [p["estimatedSecondsRemaining"] for p in progress] == expected
    assert all(p["estimatedTimeRemaining"] in ("under 1 min", "done") for p in progress)
    assert api.workflow(second["id"])["estimatedTime"] == "done"


def test_connecting_needs_a_valid_token(stack: LocalStack, api: Api) -> None:
    expired = issue_dev_token("alice", TEST_SECRET, ttl_seconds=-60)
    forged = issue_dev_token("alice", "not-the-signing-key-" + "x" * 40)
    for query in ("", "?token=", "?token=nonsense", f"?token={expired}", f"?token={forged}"):
        with (
            pytest.raises(InvalidStatus) as refused,
            connect(f"{stack.websocket_url}/{query}", open_timeout=10),
        ):
            pass
        assert refused.value.response.status_code == 401, query

    # An API key, like a signed-in user, may watch its user's workflows
    created = api.post("/api/orchestrator/api-keys", {"name": "field app"})
    assert created.status == 201, created.body
    field_app = Socket(stack.websocket_url, created.body["secret"])
    try:
        workflow_id = api.create_text(NOTES)
        assert field_app.subscribe(workflow_id)["type"] == "SUBSCRIBED"
    finally:
        field_app.close()


def test_another_users_workflow_cannot_be_watched(api: Api, stack: LocalStack) -> None:
    workflow_id = api.create_text(NOTES)
    mallory = Socket(stack.websocket_url, token_for("mallory-progress"))
    try:
        reply = mallory.subscribe(workflow_id, last_seq=0)

        assert reply["type"] == "ERROR"
        assert reply["error"]["code"] == "WORKFLOW_NOT_FOUND"
        assert reply["channel"] == f"workflow:{workflow_id}:progress"
        # Nothing was subscribed: the workflow's events never reach her
        api.wait_for(workflow_id)
        assert mallory.silent_for(0.5)
        subscribers = {s.user_id for s in wiring.ports().connections.subscriptions(workflow_id)}
        assert "mallory-progress" not in subscribers
    finally:
        mallory.close()


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("not json", "INVALID_MESSAGE"),
        ("[1, 2]", "INVALID_MESSAGE"),
        ('{"action": "dance"}', "UNKNOWN_ACTION"),
        ('{"action": "subscribe"}', "INVALID_MESSAGE"),
        ('{"action": "subscribe", "channel": "workflow:../etc:progress"}', "INVALID_CHANNEL"),
        (
            '{"action": "subscribe", "channel": "workflow:wf_%s:progress", "lastSeq": -1}' % ("0" * 32),
            "INVALID_MESSAGE",
        ),
        (
            '{"action": "subscribe", "channel": "workflow:wf_%s:progress", "x": 1}' % ("0" * 32),
            "INVALID_MESSAGE",
        ),
        ('{"action": "subscribe", "channel": "workflow:wf_%s:progress"}' % ("0" * 32), "WORKFLOW_NOT_FOUND"),
        ('{"action": "unsubscribe", "channel": "workflow:wf_%s:progress"}' % ("0" * 32), "NOT_SUBSCRIBED"),
    ],
)
def test_a_bad_message_gets_an_error_and_the_socket_stays_usable(
    socket: Socket, message: str, code: str
) -> None:
    socket.ws.send(message)
    reply = socket.next()

    assert reply["type"] == "ERROR" and reply["error"]["code"] == code, reply
    assert reply["error"]["message"]
    # The connection still works
    socket.ws.send('{"action": "dance"}')
    assert socket.next()["error"]["code"] == "UNKNOWN_ACTION"


def test_last_seq_ahead_of_the_workflow_is_refused(api: Api, socket: Socket) -> None:
    workflow_id = api.create_text(NOTES)
    finished = api.wait_for(workflow_id)

    reply = socket.subscribe(workflow_id, last_seq=finished["lastEventSeq"] + 1)

    assert reply["type"] == "ERROR" and reply["error"]["code"] == "INVALID_LAST_SEQ"


def test_unsubscribing_stops_the_events(api: Api, socket: Socket, held_analysis: threading.Event) -> None:
    workflow_id = _in_processing(api)
    socket.subscribe(workflow_id)
    socket.until(of_type("SNAPSHOT"))

    socket.send({"action": "unsubscribe", "channel": f"workflow:{workflow_id}:progress"})
    assert socket.next()["type"] == "UNSUBSCRIBED"
    held_analysis.set()
    api.wait_for(workflow_id)

    assert socket.silent_for(0.5)


def test_a_gone_connection_is_forgotten_at_the_next_push(
    api: Api, stack: LocalStack, held_analysis: threading.Event
) -> None:
    # Given a subscription whose socket is gone without a $disconnect (a Lambda died, say)
    workflow_id = _in_processing(api)
    connections = wiring.ports().connections
    ghost = Connection("ghost-connection-id", api.workflow_owner(), frozenset())
    connections.add_connection(ghost.connection_id, ghost.user_id, "2026-11-25T00:00:00.000Z")
    assert connections.subscribe(workflow_id, ghost, 0, replaying_until=0)  # a replay long over

    # When the workflow moves on, its push gets 410 Gone from the Management API
    held_analysis.set()
    api.wait_for(workflow_id)
    assert stack.event_stream.drain()

    # Then the subscription and the connection are removed
    assert all(s.connection_id != ghost.connection_id for s in connections.subscriptions(workflow_id))
    assert connections.get_connection(ghost.connection_id) is None


def test_closing_the_socket_removes_its_connection_and_subscriptions(api: Api, stack: LocalStack) -> None:
    assert api.token is not None
    workflow_id = api.create_text(NOTES)
    client = Socket(stack.websocket_url, api.token)
    client.subscribe(workflow_id)
    client.next()
    (subscription,) = wiring.ports().connections.subscriptions(workflow_id)

    client.close()

    deadline = time.monotonic() + 10
    while wiring.ports().connections.get_connection(subscription.connection_id) is not None:
        assert time.monotonic() < deadline, "the connection record outlived its socket"
        time.sleep(0.05)
    assert wiring.ports().connections.subscriptions(workflow_id) == []


FAN_OUT = 200


def test_two_hundred_subscribers_all_receive_every_event(
    api: Api, stack: LocalStack, held_analysis: threading.Event
) -> None:
    assert api.token is not None
    workflow_id = _in_processing(api)
    channel = f"workflow:{workflow_id}:progress"

    async def watcher(ready: asyncio.Queue[None]) -> list[dict[str, Any]]:
        async with connect_async(f"{stack.websocket_url}/?token={api.token}", open_timeout=30) as ws:
            await ws.send(json.dumps({"action": "subscribe", "channel": channel, "lastSeq": 0}))
            received: list[dict[str, Any]] = []
            while True:
                message = json.loads(await asyncio.wait_for(ws.recv(), timeout=120))
                received.append(message)
                if message["type"] == "SUBSCRIBED":
                    await ready.put(None)
                if message["type"] == "WORKFLOW_COMPLETE":
                    return received

    async def run() -> list[list[dict[str, Any]]]:
        ready: asyncio.Queue[None] = asyncio.Queue()
        tasks = [asyncio.create_task(watcher(ready)) for _ in range(FAN_OUT)]
        for _ in range(FAN_OUT):
            await asyncio.wait_for(ready.get(), timeout=120)
        held_analysis.set()  # every watcher is subscribed: the rest of the run is live
        return await asyncio.gather(*tasks)

    results = asyncio.run(run())

    total = api.workflow(workflow_id)["lastEventSeq"]
    for received in results:
        assert received[0]["type"] == "SUBSCRIBED"
        assert seqs(received) == list(range(1, total + 1))


@pytest.mark.parametrize(
    "frame", [b"\xff\xfe\x00binary", b'{"action": "subscribe"}'], ids=["not-utf8", "json-bytes"]
)
def test_a_binary_frame_gets_an_error_and_the_socket_stays_usable(socket: Socket, frame: bytes) -> None:
    # Given a client that sends a binary frame (the local gateway used to close with 1011)
    socket.ws.send(frame)
    reply = socket.next()
    # Then an ERROR says to send JSON text, and the connection still works
    assert reply["type"] == "ERROR" and reply["error"]["code"] == "INVALID_MESSAGE", reply
    assert "JSON text" in reply["error"]["message"]
    socket.ws.send('{"action": "dance"}')
    assert socket.next()["error"]["code"] == "UNKNOWN_ACTION"


def _closed_within(client: Socket, seconds: float) -> bool:
    """Whether the server closes the socket within `seconds` (messages before that are read)."""
    from websockets.exceptions import ConnectionClosed

    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            client.ws.recv(timeout=max(0.05, deadline - time.monotonic()))
    except ConnectionClosed:
        return True
    except TimeoutError:
        return False
    return False


def test_revoking_an_api_key_closes_its_sockets_at_once(api: Api, stack: LocalStack) -> None:
    # Given a field app watching a workflow with its API key, and the user's own socket
    created = api.post("/api/orchestrator/api-keys", {"name": "field app"})
    field_app = Socket(stack.websocket_url, created.body["secret"])
    own = Socket(stack.websocket_url, api.token)
    try:
        workflow_id = api.create_text(NOTES)
        assert field_app.subscribe(workflow_id)["type"] == "SUBSCRIBED"
        assert own.subscribe(workflow_id)["type"] == "SUBSCRIBED"
        # When the key is revoked
        key_id = created.body["apiKey"]["id"]
        assert api.delete(f"/api/orchestrator/api-keys/{key_id}").status in (200, 204)
        # Then its socket is closed at once; the user's own stays open
        assert _closed_within(field_app, 5)
        own.send({"action": "dance"})
        assert own.until(of_type("ERROR"))[-1]["error"]["code"] == "UNKNOWN_ACTION"
        # and a workflow created after the revoke is no longer the key's to watch
        assert wiring.ports().connections.connections_of_key(key_id) == []
    finally:
        field_app.close()
        own.close()


def test_a_socket_whose_token_expired_gets_nothing_more_and_is_closed(
    api: Api, stack: LocalStack, held_analysis: threading.Event
) -> None:
    # Given a workflow held in PROCESSING, watched by a socket whose token expires in two seconds
    workflow_id = _in_processing(api)
    short = issue_dev_token(api.workflow_owner(), TEST_SECRET, ttl_seconds=2)
    client = Socket(stack.websocket_url, short)
    try:
        assert client.subscribe(workflow_id)["type"] == "SUBSCRIBED"
        client.until(of_type("SNAPSHOT"))
        time.sleep(2.5)
        # When the workflow moves on after the token expired
        held_analysis.set()
        api.wait_for(workflow_id)
        # Then none of its events reach the socket: the push closes it instead
        from websockets.exceptions import ConnectionClosed

        received: list[dict[str, Any]] = []
        with pytest.raises(ConnectionClosed):
            while True:
                received.append(client.next(timeout=5))
        assert [m for m in received if m.get("type") != "ERROR"] == []
    finally:
        client.close()


def test_the_sweep_closes_an_expired_tokens_idle_socket(api: Api, stack: LocalStack) -> None:
    # Given an idle socket (no workflow pushes to it) whose token has expired
    # (exp is whole seconds, and a handshake on a loaded machine can take seconds: the token is
    # valid for 5-6 s, long enough to connect, and the test waits until it has surely expired)
    issued = time.time()
    short = issue_dev_token(api.workflow_owner(), TEST_SECRET, ttl_seconds=6)
    client = Socket(stack.websocket_url, short)
    try:
        time.sleep(max(0.0, issued + 7.0 - time.time()))
        # When the scheduled sweep runs (every minute on AWS, every 30 s under make run)
        assert stack.close_expired_connections()["closed"] >= 1
        # Then the socket is closed
        assert _closed_within(client, 5)
    finally:
        client.close()
