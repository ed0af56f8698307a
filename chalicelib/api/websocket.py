"""The WebSocket edge: connect, disconnect, and the client's messages for live progress.

The contract a client relies on:

- Connect with `?token=<the same bearer credential as the HTTP API>`; without a valid one the
  connection is refused.
- `{"action": "subscribe", "channel": "workflow:<id>:progress", "lastSeq": N}` sends every
  event after N, then the live ones. Without `lastSeq` a `SNAPSHOT` of the workflow (its `seq`
  is the newest event's) comes first. Either way: each event once, in `seq` order, no gap
  (`core/live_progress.py` keeps that promise).
- `{"action": "unsubscribe", "channel": ...}` stops them.
- A bad message is answered on the socket with `{"type": "ERROR", "channel", "error"}`.
- An `ERROR` with code `ACCESS_REVOKED` comes unasked when the caller's access to the channel's
  workflow is withdrawn (`core/revocation.py`): that subscription has ended.
"""

from __future__ import annotations

import json
import time
from typing import Literal

from pydantic import Field, ValidationError

from chalicelib.api import auth
from chalicelib.core import live_progress
from chalicelib.core.errors import AppError, InvalidRequestError, TransientError, UnauthorizedError
from chalicelib.core.identity import Principal
from chalicelib.core.models import RequestModel, iso, utc_now
from chalicelib.core.ports import Ports
from chalicelib.logs import logger
from chalicelib.settings import get_settings


class SubscribeMessage(RequestModel):
    action: Literal["subscribe"]
    channel: str = Field(max_length=200)
    last_seq: int | None = Field(default=None, ge=0)


class UnsubscribeMessage(RequestModel):
    action: Literal["unsubscribe"]
    channel: str = Field(max_length=200)


def connect(ports: Ports, connection_id: str, token: str | None) -> Principal:
    """Register the connection for the user the token names; UnauthorizedError refuses it."""
    if not token:
        raise UnauthorizedError("Connect with ?token=<your bearer token>")
    principal = auth.authenticate(ports, f"Bearer {token}", get_settings())
    # The credential's facts go with the connection: revoking the key, or the token's expiry,
    # closes it (core/live_progress.close_connections_of_key, close_expired_connections)
    ports.connections.add_connection(
        connection_id,
        principal.user_id,
        iso(utc_now()),
        api_key_id=principal.api_key_id,
        credential_expires_at=principal.expires_at,
    )
    return principal


def disconnect(ports: Ports, connection_id: str) -> None:
    live_progress.disconnect(ports, connection_id)


def handle_message(ports: Ports, connection_id: str, body: str, *, binary: bool = False) -> None:
    """A client's message: answered on the socket (an `ERROR` for a bad one), never raised. A
    binary frame (`binary`: API Gateway passes it base64-encoded) is answered, not read."""
    connection = ports.connections.get_connection(connection_id)
    if connection is None:
        # $connect never completed (or the record expired): nothing is owed to this socket.
        ports.pusher.disconnect(connection_id)
        return
    if connection.credential_expires_at is not None and connection.credential_expires_at <= time.time():
        live_progress.close(ports, connection_id)  # its token expired: sign in again
        return
    try:
        if binary:
            raise InvalidRequestError(
                "Binary frames are not read: send the message as JSON text", code="INVALID_MESSAGE"
            )
        message = parse_message(body)
        if isinstance(message, SubscribeMessage):
            live_progress.subscribe(ports, connection, message.channel, message.last_seq)
        else:
            live_progress.unsubscribe(ports, connection, message.channel)
    except AppError as error:
        channel = None if binary else channel_of(body)
        reply = {"type": "ERROR", "channel": channel, "error": error.to_body()["error"]}
        live_progress.send_quietly(ports, connection_id, reply)
    except TransientError:
        logger.exception("A subscription message failed", extra={"connectionId": connection_id})
        busy = {"code": "TRY_AGAIN", "message": "The service is busy; send the message again"}
        live_progress.send_quietly(
            ports, connection_id, {"type": "ERROR", "channel": channel_of(body), "error": busy}
        )


def parse_message(body: str) -> SubscribeMessage | UnsubscribeMessage:
    """A client's message, or InvalidRequestError saying what is wrong with it."""
    try:
        raw = json.loads(body)
    except ValueError:
        raise InvalidRequestError("The message is not JSON", code="INVALID_MESSAGE") from None
    if not isinstance(raw, dict):
        raise InvalidRequestError("The message must be a JSON object", code="INVALID_MESSAGE")
    model: type[SubscribeMessage] | type[UnsubscribeMessage]
    action = raw.get("action")
    if action == "subscribe":
        model = SubscribeMessage
    elif action == "unsubscribe":
        model = UnsubscribeMessage
    else:
        raise InvalidRequestError("action must be 'subscribe' or 'unsubscribe'", code="UNKNOWN_ACTION")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise InvalidRequestError(f"Invalid {action} message: {problems}", code="INVALID_MESSAGE") from None


def channel_of(body: str) -> str | None:
    """The channel a message names, if it names one we can echo back."""
    try:
        raw = json.loads(body)
    except ValueError:
        return None
    channel = raw.get("channel") if isinstance(raw, dict) else None
    return channel if isinstance(channel, str) and len(channel) <= 200 else None
