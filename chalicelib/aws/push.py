"""WebSocket push adapter (`Pusher`): the API Gateway Management API (`@connections`).

The endpoint comes from settings: on AWS the WebSocket API's own
`https://{apiId}.execute-api.{region}.amazonaws.com/{stage}`, locally the local stack's plain
HTTP one, where `HttpPusher` makes the same calls without botocore. Chalice's
`app.websocket_api.send` only knows the first, and only inside a WebSocket event; pushes come
from the table stream's handler.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import queue
from typing import Any
from urllib.parse import quote, urlsplit

from botocore.exceptions import ClientError

from chalicelib.core.ports import ConnectionGone, Throttled


class GatewayPusher:
    def __init__(self, client: Any) -> None:
        self._client = client

    def send(self, connection_id: str, message: dict[str, Any]) -> None:
        data = json.dumps(message, separators=(",", ":")).encode()
        try:
            self._client.post_to_connection(ConnectionId=connection_id, Data=data)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code == "GoneException":
                raise ConnectionGone(connection_id) from exc
            raise Throttled(f"Could not send to {connection_id} ({code})") from exc

    def disconnect(self, connection_id: str) -> None:
        with contextlib.suppress(ClientError):  # gone already
            self._client.delete_connection(ConnectionId=connection_id)


class HttpPusher:
    """The same Management API calls over plain HTTP/1.1 keep-alive, without botocore: the local
    stack's (`PUSH_CLIENT=http`), whose gateway checks no signature.

    botocore spends about 0.2 ms of CPU per post (request building, SigV4, its event hooks), and
    a push's 20 threads share one GIL: with 200 subscribers that client, not the gateway, bounded
    the local fan-out (p99 1.4-1.8 s against 0.8 s, bench/fanout.py; ADR 0016). On AWS every post
    is API Gateway's work and GatewayPusher is used. Connections are pooled, as botocore pools
    them: a push's threads live for that push only, and a new connection per thread per push
    would cost a connect (and the gateway an accept) each. The answers are mapped as
    GatewayPusher maps them."""

    def __init__(self, endpoint: str, timeout: float = 5.0) -> None:
        parts = urlsplit(endpoint)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"HttpPusher needs a plain http:// endpoint, not {endpoint!r}")
        self._host = parts.hostname
        self._port = parts.port or 80
        self._path = parts.path.rstrip("/")
        self._timeout = timeout
        self._idle: queue.LifoQueue[http.client.HTTPConnection] = queue.LifoQueue()

    def send(self, connection_id: str, message: dict[str, Any]) -> None:
        data = json.dumps(message, separators=(",", ":")).encode()
        status, error_type = self._call("POST", connection_id, data)
        if status == 410:
            raise ConnectionGone(connection_id)
        if not 200 <= status < 300:
            raise Throttled(f"Could not send to {connection_id} ({error_type or status})")

    def disconnect(self, connection_id: str) -> None:
        with contextlib.suppress(OSError, http.client.HTTPException):  # gone already, or the gateway is
            self._call("DELETE", connection_id, b"")

    def _call(self, method: str, connection_id: str, body: bytes) -> tuple[int, str]:
        path = f"{self._path}/@connections/{quote(connection_id, safe='')}"
        headers = {"Content-Type": "application/json"}
        # A kept-alive connection the gateway has closed fails at once: one more try on a new one
        # (botocore retries the same way). A post is not repeated after an answer was read.
        for attempt in (1, 2):
            try:
                connection = self._idle.get_nowait()
            except queue.Empty:
                connection = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
            except (ConnectionError, http.client.RemoteDisconnected, http.client.CannotSendRequest):
                connection.close()
                if attempt == 2:
                    raise
                continue
            except BaseException:
                connection.close()  # a timeout, say: its state is unknown, so it is not reused
                raise
            self._idle.put(connection)
            return response.status, response.getheader("x-amzn-ErrorType", "")
        raise AssertionError("unreachable")
