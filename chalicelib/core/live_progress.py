"""Live progress: subscriptions with replay, and the push of a workflow's events.

The protocol a client sees (connect, subscribe, unsubscribe) is the edge's, `api/websocket.py`.
What it relies on is here: after a subscribe, each event once, in `seq` order, no gap.

Events are stored with the workflow (`WorkflowRecords`, in the same transaction as the change
they describe); that write is the only one an update makes. Two senders deliver them, never both
the same event to the same subscription:

- `subscribe` replays the history while its subscription is marked as replaying, then makes it
  live after the last event it sent (`Connections.go_live`: only if no newer event exists, else
  it sends the newer ones and tries again);
- `push` runs from the workflows table's stream (app.py's `push_events`, off the phases'
  path): it reads the workflow's subscriptions once and sends each live one the new events
  after its `live_after`, in parallel; it writes nothing per subscriber but the cleanup of
  connections that are gone or whose credential expired.

docs/adr/0016-fan-out-from-the-table-stream.md says why, and what replaced the per-subscriber
leases this used to take on every update.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from chalicelib.core import activity, policy
from chalicelib.core.errors import InvalidRequestError, WorkflowNotFoundError
from chalicelib.core.events import Event, EventType, snapshot_data, workflow_of
from chalicelib.core.identity import Principal
from chalicelib.core.models import WORKFLOW_ID_PATTERN, Workflow, iso, utc_now
from chalicelib.core.ports import Connection, ConnectionGone, Ports, Subscription
from chalicelib.logs import logger

# Long enough to replay a workflow's whole history; a subscribe that died in its replay leaves
# the subscription to the push after this.
REPLAY_SECONDS = 30
# Connections sent to at once by one push; each connection's events go in order on one thread.
# API Gateway answers a post in tens of milliseconds: 200 subscribers take ~10 rounds.
FANOUT_THREADS = 20
# A subscribe that finds its subscription mid-replay waits this long, in all, for it to end.
SUBSCRIBE_WAIT_SECONDS = 2.0
# Rounds of "replay, then go live": each finds the events written during the one before, and a
# workflow writes a handful per phase.
MAX_ROUNDS = 20


def deadline_ms(seconds: float) -> int:
    """A replay's end, in epoch milliseconds."""
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
    if activity.workflow_of(channel) is not None:
        _subscribe_activity(ports, connection, channel)
        return
    workflow = _owned(ports, connection, channel)
    latest = workflow.last_event_seq
    if last_seq is not None and last_seq > latest:
        raise InvalidRequestError(
            f"lastSeq {last_seq} is ahead of this workflow's newest event ({latest})",
            code="INVALID_LAST_SEQ",
        )
    start = latest if last_seq is None else last_seq
    replaying_until = _start_replay(ports, workflow.id, connection, start)
    _still_allowed(ports, connection, workflow, workflow.id)
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
        _replay(ports, workflow.id, connection, start, replaying_until)
    except ConnectionGone:
        disconnect(ports, connection.connection_id)


def _replay(ports: Ports, workflow_id: str, connection: Connection, sent: int, replaying_until: int) -> None:
    """Send what follows `sent`, then hand the subscription to the push. The subscription was
    written (replaying) before the first read here, so an event this read misses is newer than
    it, and `go_live` refuses to hand over until that event has been sent."""
    store = ports.workflows
    for _ in range(MAX_ROUNDS):
        owed = store.events_after(workflow_id, sent)
        if owed and not ports.connections.holds(workflow_id, connection.connection_id, replaying_until):
            return  # ended meanwhile (access withdrawn, an unsubscribe) or a newer subscribe has it
        for event in owed:
            ports.pusher.send(connection.connection_id, event.envelope())
            sent = event.seq
        if ports.connections.go_live(workflow_id, connection, sent, replaying_until):
            return
        workflow = store.get(workflow_id)
        if workflow is None or workflow.last_event_seq <= sent:
            return  # not for want of events: a newer subscribe (or the push, after a stall) has it
    # Events come faster than they can be replayed: the client subscribes again from its last seq.
    ports.connections.unsubscribe(workflow_id, connection.connection_id)
    logger.warning("A replay never caught up", extra={"workflowId": workflow_id})
    raise InvalidRequestError("This workflow is changing too fast; subscribe again", code="SUBSCRIPTION_BUSY")


def _subscribe_activity(ports: Ports, connection: Connection, channel: str) -> None:
    """`workflow:<id>:activity`: the workflow's feed entries from now on (no replay: the API
    lists the feed), for whoever may see the workflow."""
    workflow_id = activity.workflow_of(channel)
    assert workflow_id is not None
    principal = Principal(connection.user_id, api_key_id=connection.api_key_id)
    workflow = policy.authorize(ports, principal, policy.Action.VIEW, workflow_id)
    key = activity.subscription_key(workflow_id)
    # Written marked (activity.push leaves it alone), the policy asked again, then live: nothing
    # to replay, so live at once unless access was withdrawn meanwhile.
    replaying_until = _start_replay(ports, key, connection, 0)
    _still_allowed(ports, connection, workflow, key)
    if ports.connections.activate(key, connection, replaying_until):
        send_quietly(ports, connection.connection_id, {"type": "SUBSCRIBED", "channel": channel, "data": {}})


def unsubscribe(ports: Ports, connection: Connection, channel: str) -> None:
    if (feed_of := activity.workflow_of(channel)) is not None:
        key = activity.subscription_key(feed_of)
        if key not in connection.channels:
            raise InvalidRequestError(f"Not subscribed to {channel}", code="NOT_SUBSCRIBED")
        ports.connections.unsubscribe(key, connection.connection_id)
        send_quietly(ports, connection.connection_id, {"type": "UNSUBSCRIBED", "channel": channel})
        return
    workflow_id = workflow_of(channel)
    if workflow_id is None or workflow_id not in connection.channels:
        raise InvalidRequestError(f"Not subscribed to {channel}", code="NOT_SUBSCRIBED")
    ports.connections.unsubscribe(workflow_id, connection.connection_id)
    send_quietly(ports, connection.connection_id, {"type": "UNSUBSCRIBED", "channel": channel})


def _owned(ports: Ports, connection: Connection, channel: str) -> Workflow:
    """The channel's workflow, if the connection's user may see it (`policy.Action.VIEW`, the
    same decision as `GET /workflows/{id}`); one they may not is not found."""
    workflow_id = workflow_of(channel)
    if workflow_id is None:
        raise InvalidRequestError(
            "channel must look like workflow:<workflowId>:progress", code="INVALID_CHANNEL"
        )
    if not WORKFLOW_ID_PATTERN.fullmatch(workflow_id):
        raise WorkflowNotFoundError(workflow_id)
    principal = Principal(connection.user_id, api_key_id=connection.api_key_id)
    return policy.authorize(ports, principal, policy.Action.VIEW, workflow_id)


def _still_allowed(ports: Ports, connection: Connection, workflow: Workflow, key: str) -> None:
    """Ask the policy again, after the subscription is written: a withdrawal of access (membership,
    role, share) that the first ask missed either saw this subscription and ended it, or is seen
    here, and the subscription ends before anything is sent (core/revocation.py says why)."""
    try:
        found = policy.standing(ports, connection.user_id, workflow)
    except Exception:
        # Unasked, the subscription would go live when its mark lapses (the push takes over a
        # stalled replay): end it; the client subscribes again (the edge says TRY_AGAIN)
        with contextlib.suppress(Exception):
            ports.connections.unsubscribe(key, connection.connection_id)
        raise
    by_key = connection.api_key_id is not None
    if (
        policy.decide(found.relationship, found.role, policy.Action.VIEW, by_api_key=by_key)
        is policy.Decision.ALLOW
    ):
        return
    ports.connections.unsubscribe(key, connection.connection_id)
    raise WorkflowNotFoundError(workflow.id)


def _start_replay(ports: Ports, workflow_id: str, connection: Connection, start: int) -> int:
    deadline = time.monotonic() + SUBSCRIBE_WAIT_SECONDS
    while True:
        replaying_until = deadline_ms(REPLAY_SECONDS)
        if ports.connections.subscribe(workflow_id, connection, start, replaying_until):
            return replaying_until
        if time.monotonic() > deadline:
            raise InvalidRequestError("This subscription is busy; subscribe again", code="SUBSCRIPTION_BUSY")
        time.sleep(0.05)


# --- the push -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pushed:
    """What one push did: the events it was given, messages sent, connections it removed."""

    events: int = 0
    messages: int = 0
    removed: int = 0


def push(ports: Ports, events: Sequence[Event]) -> Pushed:
    """Send new events to every live subscription of their workflows (the stream's handler).

    One query per workflow, no write per subscriber: a subscription replaying its history is
    left to its replay, which sends these events itself unless it went live before them. A
    connection whose credential expired is closed and sent nothing; one API Gateway says is
    gone is forgotten; both in one batch at the end."""
    by_workflow: dict[str, dict[int, Event]] = {}
    for event in events:
        by_workflow.setdefault(event.workflow_id, {})[event.seq] = event  # a redelivery is one
    now_ms = time.time() * 1000
    work: list[tuple[Subscription, list[Event]]] = []
    expired: list[str] = []
    for workflow_id, found in by_workflow.items():
        ordered = [found[seq] for seq in sorted(found)]
        for subscription in ports.connections.subscriptions(workflow_id):
            if not _credential_valid(subscription.credential_expires_at):
                expired.append(subscription.connection_id)  # nothing more is pushed to it
            elif subscription.replaying_until is None or subscription.replaying_until < now_ms:
                owed = [e for e in ordered if e.seq > subscription.live_after]
                if owed:
                    work.append((subscription, owed))
    results = _send_all(ports, work)
    gone = [
        subscription.connection_id for (subscription, _), sent in zip(work, results, strict=True) if sent < 0
    ]
    _forget(ports, gone, expired)
    return Pushed(len(events), sum(max(sent, 0) for sent in results), len(set(gone + expired)))


def _send_all(ports: Ports, work: list[tuple[Subscription, list[Event]]]) -> list[int]:
    """How many messages each subscription was sent; -1 for a connection that is gone."""

    def send(job: tuple[Subscription, list[Event]]) -> int:
        subscription, owed = job
        sent = 0
        try:
            for event in owed:
                ports.pusher.send(subscription.connection_id, event.envelope())
                sent += 1
        except ConnectionGone:
            return -1
        except Exception:  # noqa: BLE001 - one socket's trouble must not stop the others
            # It misses these events; the client gets them on its next reconnect.
            logger.exception("Progress delivery failed", extra={"connectionId": subscription.connection_id})
        return sent

    if len(work) <= 1:
        return [send(job) for job in work]
    with ThreadPoolExecutor(max_workers=min(FANOUT_THREADS, len(work))) as pool:
        return list(pool.map(send, work))


def _forget(ports: Ports, gone: list[str], expired: list[str]) -> None:
    for connection_id in dict.fromkeys(expired):
        with contextlib.suppress(Exception):  # closing is a courtesy: it gets nothing either way
            ports.pusher.disconnect(connection_id)  # its token expired: close the socket too
    if not gone and not expired:
        return
    try:
        ports.connections.remove_connections(gone + expired)
    except Exception:  # noqa: BLE001 - the sends are done: a retried batch would send them twice
        # What is left expires with the records' TTL, and the next push finds it again.
        logger.exception("Could not forget connections", extra={"connections": len(gone) + len(expired)})


def send_quietly(ports: Ports, connection_id: str, message: dict[str, Any]) -> None:
    try:
        ports.pusher.send(connection_id, message)
    except ConnectionGone:
        disconnect(ports, connection_id)
