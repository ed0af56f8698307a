"""Live progress: subscriptions with replay, and the fan-out of a workflow's events.

The protocol a client sees (connect, subscribe, unsubscribe) is the edge's, `api/websocket.py`.
What it relies on is here: after a subscribe, each event once, in `seq` order, no gap.

Events are stored with the workflow (`WorkflowRecords`, written in the same transaction as the
change they describe). Delivering them to one subscription takes that subscription's lease
(`Connections`), sends what it is owed from its `deliveredSeq` on, and records how far it got.
A sender that finds the lease taken leaves the work to its holder, which looks for newer events
after releasing it; so nothing is skipped and nothing is sent twice.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from chalicelib.core.errors import InvalidRequestError, WorkflowNotFoundError
from chalicelib.core.events import Event, EventType, snapshot_data, workflow_of
from chalicelib.core.models import Workflow, iso, utc_now
from chalicelib.core.ports import Connection, ConnectionGone, Ports, Subscription
from chalicelib.logs import logger

# Long enough to send a workflow's whole history; short enough that a sender that died
# holding it delays the next event by no more than this.
LEASE_SECONDS = 30
# Sends to one subscription are sequential; different subscriptions go in parallel.
FANOUT_THREADS = 16
# A subscribe that finds its subscription mid-delivery waits this long, in all, for the lease.
SUBSCRIBE_WAIT_SECONDS = 2.0
# Rounds of "deliver, then look for newer events"; each round finds the events written during
# the one before, and a workflow writes a handful per phase.
MAX_ROUNDS = 20


def lease_deadline(seconds: float) -> int:
    """A lease's end, in epoch milliseconds."""
    return int(time.time() * 1000) + int(seconds * 1000)


def disconnect(ports: Ports, connection_id: str) -> None:
    ports.connections.remove_connection(connection_id)


def close(ports: Ports, connection_id: str) -> None:
    """Close a socket whose credential is no longer valid, and forget it: nothing more is sent."""
    ports.connections.remove_connection(connection_id)
    ports.pusher.disconnect(connection_id)


def close_connections_of_key(ports: Ports, api_key_id: str) -> int:
    """A revoked API key's sockets, closed at once."""
    found = ports.connections.connections_of_key(api_key_id)
    for connection_id in found:
        close(ports, connection_id)
    return len(found)


EXPIRED_PER_SWEEP = 500


def close_expired_connections(ports: Ports, now: int | None = None) -> int:
    """Sockets whose token has expired (run every minute: a token's socket closes within 60 s of
    its expiry; a push never reaches it even before that)."""
    found = ports.connections.expired_connections(int(time.time()) if now is None else now, EXPIRED_PER_SWEEP)
    for connection_id in found:
        close(ports, connection_id)
    return len(found)


def _credential_valid(expires_at: int | None) -> bool:
    return expires_at is None or expires_at > time.time()


def subscribe(ports: Ports, connection: Connection, channel: str, last_seq: int | None) -> None:
    workflow = _owned(ports, connection, channel)
    latest = workflow.last_event_seq
    if last_seq is not None and last_seq > latest:
        raise InvalidRequestError(
            f"lastSeq {last_seq} is ahead of this workflow's newest event ({latest})",
            code="INVALID_LAST_SEQ",
        )
    start = latest if last_seq is None else last_seq
    lease = _subscribe_holding_lease(ports, workflow.id, connection, start)
    delivered = start
    try:
        pusher = ports.pusher
        pusher.send(
            connection.connection_id, {"type": "SUBSCRIBED", "channel": channel, "data": {"lastSeq": start}}
        )
        if last_seq is None:
            steps = ports.workflows.list_steps(workflow.id)
            snapshot = {
                "channel": channel,
                "seq": latest,
                "type": EventType.SNAPSHOT.value,
                "data": snapshot_data(workflow, steps),
                "at": iso(utc_now()),
            }
            pusher.send(connection.connection_id, snapshot)
        for event in ports.workflows.events_after(workflow.id, start):
            pusher.send(connection.connection_id, event.envelope())
            delivered = event.seq
    except ConnectionGone:
        disconnect(ports, connection.connection_id)
        return
    finally:
        ports.connections.release(workflow.id, connection.connection_id, delivered, lease)
    # Events written while we held the lease were left to us by their senders.
    _catch_up(ports, workflow.id, connection.connection_id, delivered)


def _catch_up(ports: Ports, workflow_id: str, connection_id: str, delivered: int) -> None:
    """Send one subscription what was written after `delivered`, until nothing newer is left."""
    store = ports.workflows
    for _ in range(MAX_ROUNDS):
        workflow = store.get(workflow_id)
        if workflow is None or workflow.last_event_seq <= delivered:
            return
        latest = workflow.last_event_seq
        mine = Subscription(workflow_id, connection_id, "", delivered)
        events = store.events_after(workflow_id, delivered, through=latest)
        if not _deliver(ports, mine, events, latest):
            return  # a sender holds the lease now, and looks for newer events after it
        delivered = latest


def unsubscribe(ports: Ports, connection: Connection, channel: str) -> None:
    workflow_id = workflow_of(channel)
    if workflow_id is None or workflow_id not in connection.channels:
        raise InvalidRequestError(f"Not subscribed to {channel}", code="NOT_SUBSCRIBED")
    ports.connections.unsubscribe(workflow_id, connection.connection_id)
    send_quietly(ports, connection.connection_id, {"type": "UNSUBSCRIBED", "channel": channel})


def _owned(ports: Ports, connection: Connection, channel: str) -> Workflow:
    """The channel's workflow, if it is the connection's user's; another user's is not found."""
    workflow_id = workflow_of(channel)
    if workflow_id is None:
        raise InvalidRequestError(
            "channel must look like workflow:<workflowId>:progress", code="INVALID_CHANNEL"
        )
    workflow = ports.workflows.get(workflow_id)
    if workflow is None or workflow.user_id != connection.user_id:
        raise WorkflowNotFoundError(workflow_id)
    return workflow


def _subscribe_holding_lease(ports: Ports, workflow_id: str, connection: Connection, start: int) -> int:
    deadline = time.monotonic() + SUBSCRIBE_WAIT_SECONDS
    while True:
        lease = lease_deadline(LEASE_SECONDS)
        if ports.connections.subscribe(workflow_id, connection, start, lease):
            return lease
        if time.monotonic() > deadline:
            raise InvalidRequestError("This subscription is busy; subscribe again", code="SUBSCRIPTION_BUSY")
        time.sleep(0.05)


# --- fan-out ------------------------------------------------------------------------------


def publish(ports: Ports, workflow_id: str, *, latest: int | None = None) -> None:
    """Send every subscription of the workflow the events it is owed."""
    store = ports.workflows
    connections = ports.connections
    for _ in range(MAX_ROUNDS):
        if latest is None:
            workflow = store.get(workflow_id)
            if workflow is None:
                return
            latest = workflow.last_event_seq
        subscriptions = connections.subscriptions(workflow_id)
        for expired in (s for s in subscriptions if not _credential_valid(s.credential_expires_at)):
            close(ports, expired.connection_id)  # its token expired: nothing more is pushed to it
        owed = [
            s
            for s in subscriptions
            if s.delivered_seq < latest and _credential_valid(s.credential_expires_at)
        ]
        if not owed:
            return
        events = store.events_after(workflow_id, min(s.delivered_seq for s in owed), through=latest)
        if not _fan_out(ports, owed, events, latest):
            return  # every lease was held: its holders look for newer events themselves
        latest = None
    logger.warning("Progress fan-out gave up after its rounds", extra={"workflowId": workflow_id})


def _fan_out(ports: Ports, owed: list[Subscription], events: list[Event], latest: int) -> bool:
    def deliver(subscription: Subscription) -> bool:
        try:
            return _deliver(ports, subscription, events, latest)
        except Exception:  # noqa: BLE001 - one socket's trouble must not stop the others
            logger.exception("Progress delivery failed", extra={"connectionId": subscription.connection_id})
            return False

    if len(owed) == 1:
        return deliver(owed[0])
    with ThreadPoolExecutor(max_workers=min(FANOUT_THREADS, len(owed))) as pool:
        return any(list(pool.map(deliver, owed)))


def _deliver(ports: Ports, subscription: Subscription, events: list[Event], latest: int) -> bool:
    """Send one subscription its owed events under its lease; False if the lease was taken."""
    connections = ports.connections
    lease = lease_deadline(LEASE_SECONDS)
    delivered = connections.acquire(subscription.workflow_id, subscription.connection_id, latest + 1, lease)
    if delivered is None:
        return False
    if delivered + 1 < (events[0].seq if events else latest + 1):
        # Re-subscribed further back since the subscriptions were read: load what it needs.
        events = ports.workflows.events_after(subscription.workflow_id, delivered, through=latest)
    sent = delivered
    try:
        for event in events:
            if event.seq > delivered:
                ports.pusher.send(subscription.connection_id, event.envelope())
                sent = event.seq
    except ConnectionGone:
        disconnect(ports, subscription.connection_id)
        return True
    finally:
        connections.release(subscription.workflow_id, subscription.connection_id, sent, lease)
    return True


def publish_after_write(ports: Ports, workflow: Workflow) -> None:
    """The records' hook: push what a write just recorded. The write has committed, so a failed
    push is logged, not raised; the client gets the events on its next reconnect."""
    try:
        publish(ports, workflow.id, latest=workflow.last_event_seq)
    except Exception:  # noqa: BLE001 - the write stands; the events wait for a replay
        logger.exception("Progress push failed", extra={"workflowId": workflow.id})


def send_quietly(ports: Ports, connection_id: str, message: dict[str, Any]) -> None:
    try:
        ports.pusher.send(connection_id, message)
    except ConnectionGone:
        disconnect(ports, connection_id)
