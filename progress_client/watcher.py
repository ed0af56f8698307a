"""Follow one workflow's progress events, surviving dropped connections.

The server may close a WebSocket at any time (API Gateway closes one after 10 minutes idle and
after 2 hours at most; a deploy or a network blip closes it sooner). Its protocol makes that
harmless for a client that remembers the last `seq` it processed: subscribing again with
`lastSeq` replays everything after it, then carries on live. `ProgressWatcher` does exactly
that, so its caller sees one unbroken, ordered stream:

- The first subscribe has no `lastSeq`, so a `SNAPSHOT` (the workflow as it is now, its `seq`
  the newest event's) comes first and sets the starting point; every later subscribe passes
  the last seq seen.
- Reconnects back off exponentially with full jitter (a random delay between 0 and the
  exponential bound), so a fleet of clients dropped together does not return together.
- A refused handshake (401/403) is not retried: a bad token will not get better by waiting.
- An envelope with a seq at or below the last one seen is dropped. The server promises each
  event once, but a client should not double-count progress if a replay and a live push ever
  overlap.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI
from websockets.sync.client import connect as websockets_connect
from websockets.uri import parse_uri

logger = logging.getLogger(__name__)

Envelope = dict[str, Any]

# After one of these nothing more happens to the workflow unless the user retries it.
# (Kept in step with `chalicelib.core.events.FINAL_EVENTS`; not imported, so the client does not
# drag the server's dependencies along.)
FINAL_EVENTS: frozenset[str] = frozenset({"WORKFLOW_COMPLETE", "WORKFLOW_FAILED", "WORKFLOW_CANCELLED"})
# The workflow waits for a person (its findings in review): nothing more happens until they act.
SETTLED_EVENTS: frozenset[str] = FINAL_EVENTS | {"REVIEW_REQUIRED"}

# A SNAPSHOT's status that means the same as a final event: watching on would wait for ever.
FINISHED_STATUS_EVENT: dict[str, str] = {
    "COMPLETED": "WORKFLOW_COMPLETE",
    "FAILED": "WORKFLOW_FAILED",
    "CANCELLED": "WORKFLOW_CANCELLED",
    "NEEDS_REVIEW": "REVIEW_REQUIRED",
}

# Handshake answers that say "not with this credential": retrying cannot help.
AUTH_STATUSES = frozenset({401, 403})

# ERROR codes that describe a passing condition on the server, not a mistake of ours.
RETRYABLE_ERRORS = frozenset({"SUBSCRIPTION_BUSY", "TRY_AGAIN", "RATE_LIMITED"})


class WebSocket(Protocol):
    """The part of `websockets.sync.client.ClientConnection` the watcher uses (a seam for tests)."""

    def send(self, message: str) -> None: ...

    def recv(self, timeout: float | None = None) -> str | bytes: ...

    def close(self) -> None: ...


Connect = Callable[[str], WebSocket]


class ProgressClientError(Exception):
    """Base class: watching the workflow cannot go on."""


class AuthenticationError(ProgressClientError):
    """The server refused the handshake (401/403): the token is missing, bad or expired."""

    def __init__(self, status_code: int) -> None:
        super().__init__(
            f"The server refused the connection (HTTP {status_code}): check the token "
            "(the same bearer token as the HTTP API)"
        )
        self.status_code = status_code


class SubscriptionError(ProgressClientError):
    """The server answered the subscription with an ERROR (e.g. WORKFLOW_NOT_FOUND)."""

    def __init__(self, code: str, message: str, channel: str | None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.channel = channel


class ConnectionLostError(ProgressClientError):
    """The connection kept failing and the reconnect attempts ran out."""

    def __init__(self, attempts: int, last_error: BaseException) -> None:
        super().__init__(
            f"Gave up after {attempts} failed connection attempts in a row; last error: {last_error!r}"
        )
        self.attempts = attempts
        self.last_error = last_error


class _Resync(Exception):
    """Internal: drop this connection and subscribe again from the last seq seen, now."""


class _ComeBackLater(Exception):
    """Internal: the server refused the subscription for now; reconnect after a backoff."""


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with full jitter: the n-th retry (0-based) waits a uniformly random
    time in [0, min(cap, base * 2**n)] seconds.

    Full jitter (rather than a fixed exponential delay) spreads out clients that all lost
    their connection at the same moment, e.g. when the server restarts. `max_attempts` bounds
    the failed connections in a row, the first included (1: never retry; None: never give up);
    a successful subscribe resets the count.
    """

    base: float = 0.5
    cap: float = 30.0
    max_attempts: int | None = 8

    def __post_init__(self) -> None:
        if self.base < 0 or self.cap < 0:
            raise ValueError("base and cap must not be negative")
        if self.max_attempts is not None and self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")

    def bound(self, retry: int) -> float:
        """The largest delay of the `retry`-th retry (0-based), before jitter."""
        # The exponent is clamped so a long outage cannot overflow a float.
        return min(self.cap, self.base * 2.0 ** min(retry, 64))

    def delay(self, retry: int, rng: Callable[[], float] = random.random) -> float:
        """The jittered delay of the `retry`-th retry; `rng` returns a float in [0, 1)."""
        return rng() * self.bound(retry)


def channel_for(workflow_id: str) -> str:
    """The progress channel of a workflow (the server's `chalicelib.core.events.channel_for`)."""
    return f"workflow:{workflow_id}:progress"


def default_connect(open_timeout: float = 10.0) -> Connect:
    """A `connect` that opens a real connection with the sync `websockets` client.

    `legacy=True` asks for the connection itself, not websockets' own reconnecting context
    manager: the watcher owns the connection's lifetime (it closes it) and its reconnects.
    """

    def connect(url: str) -> WebSocket:
        return websockets_connect(url, open_timeout=open_timeout, legacy=True)

    return connect


def with_token(url: str, token: str) -> str:
    """The URL with `token` in its query string: browsers cannot set headers on a WebSocket,
    so the server reads the bearer token from `?token=`."""
    parts = urlsplit(url)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key != "token"]
    query.append(("token", token))
    return urlunsplit(parts._replace(path=parts.path or "/", query=urlencode(query)))


class ProgressWatcher:
    """Watches workflows' progress channels; one `watch` at a time per watcher.

    `connect`, `sleep` and `rng` are seams: tests inject a connect that drops connections, a
    sleep that records the backoff instead of waiting, and a fixed random number.
    """

    def __init__(
        self,
        url: str,
        token: str,
        *,
        backoff: Backoff | None = None,
        stop_on: Collection[str] = SETTLED_EVENTS,
        connect: Connect | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] = random.random,
        subscribe_timeout: float | None = 10.0,
        idle_timeout: float | None = None,
    ) -> None:
        """
        `stop_on`: the event types after which `watch` ends (a SNAPSHOT whose status means one
        of them ends it too). Drop WORKFLOW_FAILED from it to keep watching a failed workflow
        that the user may retry.

        `subscribe_timeout`: how long to wait for the server's SUBSCRIBED reply before treating
        the connection as broken (a server-side failure answers nothing at all).

        `idle_timeout`: reconnect when nothing arrives for this long after subscribing; None
        relies on websockets' keepalive pings and on the server closing idle sockets.
        """
        try:
            parse_uri(url)
        except InvalidURI as exc:
            raise ValueError(f"Not a WebSocket URL: {url!r} ({exc})") from None
        self.url = url
        self._token = token
        self.backoff = backoff or Backoff()
        self.stop_on = frozenset(stop_on)
        self._connect = connect or default_connect()
        self._sleep = sleep
        self._rng = rng
        self.subscribe_timeout = subscribe_timeout
        self.idle_timeout = idle_timeout
        self.last_seq: int | None = None
        self.connections = 0

    def watch(self, workflow_id: str, *, last_seq: int | None = None) -> Iterator[Envelope]:
        """Yield the workflow's SNAPSHOT and events in seq order, each once, across reconnects.

        Ends after an event in `stop_on` (or a SNAPSHOT showing the workflow finished). With
        `last_seq` (a seq processed earlier, e.g. before a restart) it resumes after it instead
        of starting with a SNAPSHOT.

        Raises AuthenticationError (not retried), SubscriptionError for an ERROR about the
        channel, ConnectionLostError when the reconnect attempts run out.
        """
        if last_seq is not None and last_seq < 0:
            raise ValueError("last_seq must be >= 0")
        channel = channel_for(workflow_id)
        self.last_seq = last_seq
        self.connections = 0
        failures = 0
        # The last_seq we already resubscribed from because of a gap (see _Session._accept).
        resynced_from: int | None = None
        while True:
            error: BaseException
            try:
                websocket = self._open()
            except (OSError, TimeoutError, InvalidHandshake) as exc:
                error = exc
            else:
                session = _Session(self, websocket, channel, resynced_from)
                try:
                    yield from session.run()
                    return
                except _Resync:
                    resynced_from = self.last_seq
                    logger.warning("Gap after seq %s: subscribing again to fill it", self.last_seq)
                    continue
                except (ConnectionClosed, OSError, TimeoutError, _ComeBackLater) as exc:
                    error = exc
                finally:
                    _close_quietly(websocket)
                    if session.subscribed:
                        failures = 0
            failures += 1
            attempts = self.backoff.max_attempts
            if attempts is not None and failures >= attempts:
                raise ConnectionLostError(failures, error) from error
            delay = self.backoff.delay(failures - 1, self._rng)
            logger.info(
                "Progress connection lost (%s); reconnecting in %.2f s from seq %s",
                _describe(error),
                delay,
                self.last_seq,
            )
            self._sleep(delay)

    def _open(self) -> WebSocket:
        self.connections += 1
        try:
            return self._connect(with_token(self.url, self._token))
        except InvalidStatus as exc:
            status = exc.response.status_code
            if status in AUTH_STATUSES:
                raise AuthenticationError(status) from None
            raise


class _Session:
    """One connection's subscription: subscribe, then yield what arrives until it ends."""

    def __init__(
        self, watcher: ProgressWatcher, websocket: WebSocket, channel: str, resynced_from: int | None
    ) -> None:
        self._watcher = watcher
        self._websocket = websocket
        self._channel = channel
        self._resynced_from = resynced_from
        self.subscribed = False

    def run(self) -> Iterator[Envelope]:
        """Yields envelopes; returns when the watch is over; raises to reconnect or give up."""
        watcher = self._watcher
        message: dict[str, Any] = {"action": "subscribe", "channel": self._channel}
        if watcher.last_seq is not None:
            message["lastSeq"] = watcher.last_seq
        self._websocket.send(json.dumps(message))
        while True:
            timeout = watcher.idle_timeout if self.subscribed else watcher.subscribe_timeout
            envelope = self._accept(_parse(self._websocket.recv(timeout=timeout)))
            if envelope is None:
                continue
            yield envelope
            if self._ends_watch(envelope):
                return

    def _accept(self, message: dict[str, Any] | None) -> Envelope | None:
        """The envelope to hand on, or None for a reply, a stale copy or someone else's."""
        if message is None:
            return None
        kind = message.get("type")
        channel = message.get("channel")
        if kind == "ERROR":
            # A null channel is the server's answer to a message it could not read: ours.
            if channel not in (self._channel, None):
                return None
            error = message.get("error") or {}
            code, text = str(error.get("code", "ERROR")), str(error.get("message", ""))
            if code in RETRYABLE_ERRORS:
                raise _ComeBackLater(f"{code}: {text}")
            raise SubscriptionError(code, text, channel)
        if channel != self._channel:
            return None
        if kind == "SUBSCRIBED":
            self.subscribed = True
            return None
        seq = message.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(kind, str):
            return None  # UNSUBSCRIBED, or something this client does not know
        last = self._watcher.last_seq
        if kind == "SNAPSHOT":
            if last is not None:
                return None  # we asked to resume: the events say more than a second snapshot
            self._watcher.last_seq = seq
            return message
        if last is None:
            # Before the snapshot we cannot tell whether it already covers this event; if it
            # does not, the gap check on the next event resubscribes for it.
            return None
        if seq <= last:
            logger.debug("Dropped %s seq %s: already seen up to %s", kind, seq, last)
            return None
        if seq > last + 1:
            if self._resynced_from != last:
                raise _Resync
            # A replay from `last` starts past it again: what the server has stored has the
            # gap, so waiting will not fill it.
            logger.warning("Events %s..%s are missing on the server; going on", last + 1, seq - 1)
        self._watcher.last_seq = seq
        return message

    def _ends_watch(self, envelope: Envelope) -> bool:
        kind = envelope["type"]
        if kind == "SNAPSHOT":
            status = (envelope.get("data") or {}).get("status")
            kind = FINISHED_STATUS_EVENT.get(str(status), "")
        return kind in self._watcher.stop_on


def _parse(raw: str | bytes) -> dict[str, Any] | None:
    """A message as a JSON object, or None (logged) if it is not one."""
    try:
        message = json.loads(raw)
    except ValueError:
        logger.warning("Ignored a message that is not JSON: %.200r", raw)
        return None
    if not isinstance(message, dict):
        logger.warning("Ignored a message that is not a JSON object: %.200r", raw)
        return None
    return message


def _close_quietly(websocket: WebSocket) -> None:
    try:
        websocket.close()
    except Exception:  # the connection is being thrown away either way
        logger.debug("Closing the connection failed", exc_info=True)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
