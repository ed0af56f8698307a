"""Replay and push (core/live_progress.py) on the in-memory ports, whose `committed` hook runs
the push as the table's stream would: each event once and in order, whoever sends it."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from chalicelib.core import live_progress, workflows
from chalicelib.core.models import CreateWorkflowRequest, PatchWorkflowRequest
from chalicelib.core.ports import Connection
from tests.memory_ports import MemoryConnections, MemoryPorts, load

NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet."


def _workflow(ports: MemoryPorts) -> str:
    request = CreateWorkflowRequest.model_validate({"inputMethod": "TEXT", "inputData": {"text": NOTES}})
    return str(workflows.create_workflow(ports, "alice", request)["workflowId"])


def _patch(ports: MemoryPorts, workflow_id: str, percentage: int) -> None:
    patch = PatchWorkflowRequest.model_validate({"progress": {"progressPercentage": percentage}})
    workflows.patch_workflow(ports, load(ports, "alice", workflow_id), patch, None)


def _connect(ports: MemoryPorts, connection_id: str, expires_at: int | None = None) -> Connection:
    ports.connections.add_connection(connection_id, "alice", "now", credential_expires_at=expires_at)
    connection = ports.connections.get_connection(connection_id)
    assert connection is not None
    return connection


def _seqs(ports: MemoryPorts, connection_id: str) -> list[int]:
    return [
        m["seq"]
        for m in ports.pusher.sent.get(connection_id, [])
        if m.get("type") != "SNAPSHOT" and "seq" in m
    ]


def test_an_event_written_during_a_replay_is_sent_once_and_in_order() -> None:
    # Given a workflow with history, and a subscriber replaying it from the start
    ports = MemoryPorts()
    workflow_id = _workflow(ports)
    for percentage in (10, 20):
        _patch(ports, workflow_id, percentage)
    connection = _connect(ports, "c1")
    # ... during whose replay the workflow changes again (its push runs while the replay is on)
    send = ports.pusher.send
    changed = []

    def sending(connection_id: str, message: dict[str, Any]) -> None:
        send(connection_id, message)
        if message.get("seq") == 1 and not changed:
            changed.append(True)
            _patch(ports, workflow_id, 30)

    ports.pusher.send = sending  # type: ignore[method-assign]

    # When the replay ends, and the workflow changes once more
    live_progress.subscribe(ports, connection, f"workflow:{workflow_id}:progress", 0)
    _patch(ports, workflow_id, 40)

    # Then the subscriber got every event once, in order: the replay sent the one written
    # during it (go_live refused while it was unsent); the push sent the last
    latest = ports.workflows.get(workflow_id).last_event_seq  # type: ignore[union-attr]
    assert changed and _seqs(ports, "c1") == list(range(1, latest + 1))
    (subscription,) = ports.connections.subscriptions(workflow_id)
    assert subscription.replaying_until is None and subscription.live_after < latest


def test_the_push_leaves_a_replaying_subscription_to_its_replay() -> None:
    # Given a subscription whose replay is under way (another Lambda is sending its history)
    ports = MemoryPorts()
    workflow_id = _workflow(ports)
    connection = _connect(ports, "c1")
    until = live_progress.deadline_ms(30)
    assert ports.connections.subscribe(workflow_id, connection, 0, until)

    # When the workflow changes
    _patch(ports, workflow_id, 10)

    # Then the push sent it nothing, and the replay cannot go live before it sends the new event
    assert _seqs(ports, "c1") == []
    latest = ports.workflows.get(workflow_id).last_event_seq  # type: ignore[union-attr]
    assert not ports.connections.go_live(workflow_id, connection, 0, until)
    assert ports.connections.go_live(workflow_id, connection, latest, until)


def test_an_expired_subscriber_gets_nothing_and_is_closed() -> None:
    # Given two subscribers, one whose token expired after it subscribed
    ports = MemoryPorts()
    workflow_id = _workflow(ports)
    for connection_id, expires_at in (("fresh", int(time.time()) + 3600), ("stale", int(time.time()) + 3600)):
        live_progress.subscribe(
            ports, _connect(ports, connection_id, expires_at), f"workflow:{workflow_id}:progress", None
        )
    stale = ports.connections.subscriptions_[(workflow_id, "stale")]
    ports.connections.subscriptions_[(workflow_id, "stale")] = replace(
        stale, credential_expires_at=int(time.time()) - 1
    )
    before = len(ports.pusher.sent["stale"])

    # When the workflow changes
    _patch(ports, workflow_id, 10)

    # Then the fresh one got the event; the stale one nothing, and it is closed and forgotten
    assert _seqs(ports, "fresh") != []
    assert len(ports.pusher.sent["stale"]) == before
    assert "stale" in ports.pusher.gone  # MemoryPusher.disconnect
    assert ports.connections.get_connection("stale") is None


class CountingConnections(MemoryConnections):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.removals: list[list[str]] = []

    def remove_connections(self, connection_ids: Any) -> None:
        self.removals.append(list(connection_ids))
        super().remove_connections(connection_ids)


def test_gone_connections_are_forgotten_in_one_batch() -> None:
    # Given five subscribers, three of which have left without a $disconnect
    ports = MemoryPorts()
    ports.connections = CountingConnections(ports.workflows)
    workflow_id = _workflow(ports)
    for index in range(5):
        connection = _connect(ports, f"c{index}")
        live_progress.subscribe(ports, connection, f"workflow:{workflow_id}:progress", None)
    ports.pusher.gone |= {"c0", "c2", "c4"}

    # When the workflow changes
    _patch(ports, workflow_id, 10)

    # Then the gone ones are removed together, once; the others got the event
    assert [sorted(ids) for ids in ports.connections.removals] == [["c0", "c2", "c4"]]
    assert {s.connection_id for s in ports.connections.subscriptions(workflow_id)} == {"c1", "c3"}
    assert all(_seqs(ports, c) for c in ("c1", "c3"))
