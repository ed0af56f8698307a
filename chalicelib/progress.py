"""Live progress over WebSockets: connect, subscribe (with replay), and fan-out of events.

The contract a client relies on:

- Connect with `?token=<the same bearer credential as the HTTP API>`; without a valid one the
  connection is refused.
- `{"action": "subscribe", "channel": "workflow:<id>:progress", "lastSeq": N}` sends every
  event after N, then the live ones. Without `lastSeq` a `SNAPSHOT` of the workflow (its `seq`
  is the newest event's) comes first. Either way: each event once, in `seq` order, no gap.
- `{"action": "unsubscribe", "channel": ...}` stops them.

Events are stored with the workflow (`store.py`, written in the same transaction as the change
they describe). Delivering them to one subscription takes that subscription's lease
(`connections.py`), sends what it is owed from its `deliveredSeq` on, and records how far it
got. A sender that finds the lease taken leaves the work to its holder, which looks for newer
events after releasing it; so nothing is skipped and nothing is sent twice.
"""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal

from pydantic import Field, ValidationError

from chalicelib import auth
from chalicelib.connections import Connection, Subscription, lease_deadline
from chalicelib.errors import AppError, TransientError, UnauthorizedError, WorkflowNotFoundError
from chalicelib.events import Event, EventType, snapshot_data, workflow_of
from chalicelib.logs import logger
from chalicelib.models import RequestModel, Workflow, iso, utc_now
from chalicelib.push import ConnectionGone
from chalicelib.services import get_connections, get_pusher, get_store
from chalicelib.settings import get_settings

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


class SubscribeMessage(RequestModel):
    action: Literal["subscribe"]
    channel: str = Field(max_length=200)
    last_seq: int | None = Field(default=None, ge=0)


class UnsubscribeMessage(RequestModel):
    action: Literal["unsubscribe"]
    channel: str = Field(max_length=200)


# --- $connect / $disconnect ---------------------------------------------------------------


def connect(connection_id: str, token: str | None) -> auth.Principal:
    """Register the connection for the user the token names; UnauthorizedError refuses it."""
    if not token:
        raise UnauthorizedError("Connect with ?token=<your bearer token>")
    principal = auth.authenticate(f"Bearer {token}", get_settings())
    get_connections().add_connection(connection_id, principal.user_id, iso(utc_now()))
    return principal


def disconnect(connection_id: str) -> None:
    get_connections().remove_connection(connection_id)


# --- messages -----------------------------------------------------------------------------


def handle_message(connection_id: str, body: str) -> None:
    """A client's message: answered on the socket (an `ERROR` for a bad one), never raised."""
    connection = get_connections().get_connection(connection_id)
    if connection is None:
        # $connect never completed (or the record expired): nothing is owed to this socket.
        get_pusher().disconnect(connection_id)
        return
    try:
        message = _parse(body)
        if isinstance(message, SubscribeMessage):
            subscribe(connection, message.channel, message.last_seq)
        else:
            unsubscribe(connection, message.channel)
    except AppError as error:
        reply = {"type": "ERROR", "channel": _channel_of(body), "error": error.to_body()["error"]}
        _send_quietly(connection_id, reply)
    except TransientError:
        logger.exception("A subscription message failed", extra={"connectionId": connection_id})
        busy = {"code": "TRY_AGAIN", "message": "The service is busy; send the message again"}
        _send_quietly(connection_id, {"type": "ERROR", "channel": _channel_of(body), "error": busy})


def _parse(body: str) -> SubscribeMessage | UnsubscribeMessage:
    try:
        raw = json.loads(body)
    except ValueError:
        raise MessageError("The message is not JSON", code="INVALID_MESSAGE") from None
    if not isinstance(raw, dict):
        raise MessageError("The message must be a JSON object", code="INVALID_MESSAGE")
    model: type[SubscribeMessage] | type[UnsubscribeMessage]
    action = raw.get("action")
    if action == "subscribe":
        model = SubscribeMessage
    elif action == "unsubscribe":
        model = UnsubscribeMessage
    else:
        raise MessageError("action must be 'subscribe' or 'unsubscribe'", code="UNKNOWN_ACTION")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise MessageError(f"Invalid {action} message: {problems}", code="INVALID_MESSAGE") from None


class MessageError(AppError):
    status = 400
    code = "INVALID_MESSAGE"


def _channel_of(body: str) -> str | None:
    try:
        raw = json.loads(body)
    except ValueError:
        return None
    channel = raw.get("channel") if isinstance(raw, dict) else None
    return channel if isinstance(channel, str) and len(channel) <= 200 else None


def subscribe(connection: Connection, channel: str, last_seq: int | None) -> None:
    workflow = _owned(connection, channel)
    latest = workflow.last_event_seq
    if last_seq is not None and last_seq > latest:
        raise MessageError(
            f"lastSeq {last_seq} is ahead of this workflow's newest event ({latest})",
            code="INVALID_LAST_SEQ",
        )
    start = latest if last_seq is None else last_seq
    lease = _subscribe_holding_lease(workflow.id, connection, start)
    delivered = start
    try:
        pusher = get_pusher()
        pusher.send(
            connection.connection_id, {"type": "SUBSCRIBED", "channel": channel, "data": {"lastSeq": start}}
        )
        if last_seq is None:
            steps = get_store().list_steps(workflow.id)
            snapshot = {
                "channel": channel,
                "seq": latest,
                "type": EventType.SNAPSHOT.value,
                "data": snapshot_data(workflow, steps),
                "at": iso(utc_now()),
            }
            pusher.send(connection.connection_id, snapshot)
        for event in get_store().events_after(workflow.id, start):
            pusher.send(connection.connection_id, event.envelope())
            delivered = event.seq
    except ConnectionGone:
        disconnect(connection.connection_id)
        return
    finally:
        get_connections().release(workflow.id, connection.connection_id, delivered, lease)
    # Events written while we held the lease were left to us by their senders.
    _catch_up(workflow.id, connection.connection_id, delivered)


def _catch_up(workflow_id: str, connection_id: str, delivered: int) -> None:
    """Send one subscription what was written after `delivered`, until nothing newer is left."""
    store = get_store()
    for _ in range(MAX_ROUNDS):
        workflow = store.get(workflow_id)
        if workflow is None or workflow.last_event_seq <= delivered:
            return
        latest = workflow.last_event_seq
        mine = Subscription(workflow_id, connection_id, "", delivered)
        events = store.events_after(workflow_id, delivered, through=latest)
        if not _deliver(mine, events, latest):
            return  # a sender holds the lease now, and looks for newer events after it
        delivered = latest


def unsubscribe(connection: Connection, channel: str) -> None:
    workflow_id = workflow_of(channel)
    if workflow_id is None or workflow_id not in connection.channels:
        raise MessageError(f"Not subscribed to {channel}", code="NOT_SUBSCRIBED")
    get_connections().unsubscribe(workflow_id, connection.connection_id)
    _send_quietly(connection.connection_id, {"type": "UNSUBSCRIBED", "channel": channel})


def _owned(connection: Connection, channel: str) -> Workflow:
    """The channel's workflow, if it is the connection's user's; another user's is not found."""
    workflow_id = workflow_of(channel)
    if workflow_id is None:
        raise MessageError("channel must look like workflow:<workflowId>:progress", code="INVALID_CHANNEL")
    workflow = get_store().get(workflow_id)
    if workflow is None or workflow.user_id != connection.user_id:
        raise WorkflowNotFoundError(workflow_id)
    return workflow


def _subscribe_holding_lease(workflow_id: str, connection: Connection, start: int) -> int:
    deadline = time.monotonic() + SUBSCRIBE_WAIT_SECONDS
    while True:
        lease = lease_deadline(LEASE_SECONDS)
        if get_connections().subscribe(workflow_id, connection, start, lease):
            return lease
        if time.monotonic() > deadline:
            raise MessageError("This subscription is busy; subscribe again", code="SUBSCRIPTION_BUSY")
        time.sleep(0.05)


# --- fan-out ------------------------------------------------------------------------------


def publish(workflow_id: str, *, latest: int | None = None) -> None:
    """Send every subscription of the workflow the events it is owed."""
    store = get_store()
    connections = get_connections()
    for _ in range(MAX_ROUNDS):
        if latest is None:
            workflow = store.get(workflow_id)
            if workflow is None:
                return
            latest = workflow.last_event_seq
        owed = [s for s in connections.subscriptions(workflow_id) if s.delivered_seq < latest]
        if not owed:
            return
        events = store.events_after(workflow_id, min(s.delivered_seq for s in owed), through=latest)
        if not _fan_out(owed, events, latest):
            return  # every lease was held: its holders look for newer events themselves
        latest = None
    logger.warning("Progress fan-out gave up after its rounds", extra={"workflowId": workflow_id})


def _fan_out(owed: list[Subscription], events: list[Event], latest: int) -> bool:
    def deliver(subscription: Subscription) -> bool:
        try:
            return _deliver(subscription, events, latest)
        except Exception:  # noqa: BLE001 - one socket's trouble must not stop the others
            logger.exception("Progress delivery failed", extra={"connectionId": subscription.connection_id})
            return False

    if len(owed) == 1:
        return deliver(owed[0])
    with ThreadPoolExecutor(max_workers=min(FANOUT_THREADS, len(owed))) as pool:
        return any(list(pool.map(deliver, owed)))


def _deliver(subscription: Subscription, events: list[Event], latest: int) -> bool:
    """Send one subscription its owed events under its lease; False if the lease was taken."""
    connections = get_connections()
    lease = lease_deadline(LEASE_SECONDS)
    delivered = connections.acquire(subscription.workflow_id, subscription.connection_id, latest + 1, lease)
    if delivered is None:
        return False
    if delivered + 1 < (events[0].seq if events else latest + 1):
        # Re-subscribed further back since the subscriptions were read: load what it needs.
        events = get_store().events_after(subscription.workflow_id, delivered, through=latest)
    sent = delivered
    try:
        for event in events:
            if event.seq > delivered:
                get_pusher().send(subscription.connection_id, event.envelope())
                sent = event.seq
    except ConnectionGone:
        disconnect(subscription.connection_id)
        return True
    finally:
        connections.release(subscription.workflow_id, subscription.connection_id, sent, lease)
    return True


def publish_after_write(workflow: Workflow, events: list[Event]) -> None:
    """The store's hook: push what a write just recorded. The write has committed, so a failed
    push is logged, not raised; the client gets the events on its next reconnect."""
    try:
        publish(workflow.id, latest=workflow.last_event_seq)
    except Exception:  # noqa: BLE001 - the write stands; the events wait for a replay
        logger.exception("Progress push failed", extra={"workflowId": workflow.id})


def _send_quietly(connection_id: str, message: dict[str, Any]) -> None:
    try:
        get_pusher().send(connection_id, message)
    except ConnectionGone:
        disconnect(connection_id)
