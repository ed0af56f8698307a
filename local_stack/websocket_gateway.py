"""API Gateway's WebSocket API, locally: the `websockets` server in front of Chalice's handlers.

Like API Gateway it gives each connection an id, runs `$connect` before accepting it (any
answer but 2xx refuses the handshake with that status), runs `$default` for every message and
`$disconnect` when the socket closes, each with an API Gateway-shaped event.

The Management API (`POST`/`DELETE /{stage}/@connections/{id}`), which the app's boto3 client
calls, is served here too, on a port of its own (`management_url`), as API Gateway serves it on
the WebSocket API's own domain: a small HTTP/1.1 server (keep-alive, Content-Length bodies) in
the same event loop as the sockets, so a post is written to its socket without a thread hop.
A push to 200 sockets is 200 posts per event; through the werkzeug server in front of moto each
cost about five times as much (bench/fanout.py).
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import TimeoutError as FutureTimeout
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from local_stack.lambda_runtime import LambdaContext

Handler = Callable[[dict[str, Any], Any], Any]
SEND_TIMEOUT_SECONDS = 10
API_ID = "local"
# API Gateway's limit on a message; a post above it answers 413 PayloadTooLargeException.
MAX_MESSAGE_BYTES = 128 * 1024
MANAGEMENT_PATH = re.compile(r"^/[^/@]+/@connections/(?P<id>[^/?]+)$")


class LocalWebsocketGateway:
    def __init__(
        self,
        handlers: Mapping[str, tuple[str, Handler]],
        host: str,
        port: int,
        stage: str,
        function_prefix: str,
    ) -> None:
        """`handlers` maps a route key ($connect, $default, $disconnect) to (name, handler)."""
        self._handlers = handlers
        self._host = host
        self._requested_port = port
        self._stage = stage
        self._prefix = function_prefix
        self._connections: dict[str, ServerConnection] = {}
        self._ids: dict[ServerConnection, str] = {}
        self._loop = asyncio.new_event_loop()
        self._server: Server | None = None
        self._port: int | None = None
        self._management: asyncio.Server | None = None
        self._management_port: int | None = None
        self._sessions: dict[asyncio.StreamWriter, asyncio.Task[Any]] = {}
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="local-websockets")

    @property
    def port(self) -> int:
        assert self._port is not None, "start() first"
        return self._port

    @property
    def url(self) -> str:
        return f"ws://{self._host}:{self.port}"

    @property
    def management_url(self) -> str:
        """What the app's WEBSOCKET_ENDPOINT is locally: `http://{host}:{port}/{stage}`."""
        assert self._management_port is not None, "start() first"
        return f"http://{self._host}:{self._management_port}/{self._stage}"

    def start(self) -> None:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._serve(), self._loop)
        self._server = future.result(timeout=10)
        self._port = int(next(iter(self._server.sockets)).getsockname()[1])
        management = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._management_session, self._host, 0), self._loop
        )
        self._management = management.result(timeout=10)
        self._management_port = int(self._management.sockets[0].getsockname()[1])

    async def _serve(self) -> Server:
        return await serve(
            self._session,
            self._host,
            self._requested_port,
            process_request=self._connect,
            # API Gateway's own limit on a message.
            max_size=MAX_MESSAGE_BYTES,
            # API Gateway negotiates no permessage-deflate; compressing each push to each socket
            # also cost the local fan-out a zlib stream per connection.
            compression=None,
        )

    def stop(self) -> None:
        if self._management is not None:
            self._management.close()  # stops listening
            # Its open keep-alive sessions end in the loop, not when the stopped loop's tasks are
            # collected (closing a socket then raises "Event loop is closed").
            asyncio.run_coroutine_threadsafe(self._end_sessions(), self._loop).result(timeout=10)
        if self._server is not None:
            server = self._server

            async def close() -> None:
                server.close()
                await server.wait_closed()

            asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    # --- the Management API's side ------------------------------------------------------

    def send(self, connection_id: str, data: bytes) -> bool:
        """Send one message; False if the connection is gone (the API's 410)."""
        connection = self._connections.get(connection_id)
        if connection is None:
            return False
        future = asyncio.run_coroutine_threadsafe(connection.send(data.decode()), self._loop)
        try:
            future.result(timeout=SEND_TIMEOUT_SECONDS)
        except (ConnectionClosed, FutureTimeout):
            return False
        return True

    def close(self, connection_id: str) -> bool:
        connection = self._connections.get(connection_id)
        if connection is None:
            return False
        asyncio.run_coroutine_threadsafe(connection.close(), self._loop)
        return True

    def connection_ids(self) -> set[str]:
        """The ids of the sockets open now (tests)."""
        return set(self._connections)

    def is_connected(self, connection_id: str) -> bool:
        return connection_id in self._connections

    async def deliver(self, connection_id: str, data: bytes) -> bool:
        """A post's message to its socket, in the loop; False if the connection is gone."""
        connection = self._connections.get(connection_id)
        if connection is None:
            return False
        try:
            async with asyncio.timeout(SEND_TIMEOUT_SECONDS):  # no task per send, unlike wait_for
                await connection.send(data.decode())
        except (ConnectionClosed, TimeoutError):
            return False
        return True

    async def _end_sessions(self) -> None:
        # Closed, not cancelled: Python 3.11's stream callback reports a cancelled session as an error.
        sessions = dict(self._sessions)
        for writer in sessions:
            writer.close()
        await asyncio.gather(*sessions.values(), return_exceptions=True)

    async def _management_session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One keep-alive HTTP/1.1 connection of the Management API's client."""
        session = asyncio.current_task()
        if session is not None:
            self._sessions[writer] = session
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    return
                method, path, body = request
                status, answer = await self._manage(method, path, body)
                writer.write(_response(status, answer))
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            return
        finally:
            self._sessions.pop(writer, None)
            writer.close()

    async def _manage(self, method: str, path: str, body: bytes) -> tuple[str, dict[str, Any] | None]:
        match = MANAGEMENT_PATH.match(urlsplit(path).path)
        if match is None:
            return "404 Not Found", {"message": "Not Found"}
        connection_id = unquote(match["id"])
        if method == "POST":
            if len(body) > MAX_MESSAGE_BYTES:
                return "413 Payload Too Large", {
                    "message": "Message too long",
                    "__type": "PayloadTooLargeException",
                }
            found = await self.deliver(connection_id, body)
        elif method == "DELETE":
            found = self.close(connection_id)
        else:
            return "405 Method Not Allowed", {"message": "POST or DELETE"}
        if found:
            return "200 OK", None
        return "410 Gone", {"message": "The connection is gone", "__type": "GoneException"}

    # --- the client's side --------------------------------------------------------------

    async def _connect(self, connection: ServerConnection, request: Request) -> Response | None:
        connection_id = base64.urlsafe_b64encode(uuid.uuid4().bytes[:12]).decode()
        query = dict(parse_qsl(urlsplit(request.path).query))
        event = self._event("$connect", "CONNECT", connection_id, connection, headers=request.headers)
        event["queryStringParameters"] = query or None
        result = await asyncio.to_thread(self._invoke, "$connect", event)
        status = int((result or {}).get("statusCode", 200))
        if not 200 <= status < 300:
            return connection.respond(HTTPStatus(status), f"{HTTPStatus(status).phrase}\n")
        self._ids[connection] = connection_id
        self._connections[connection_id] = connection
        return None

    async def _session(self, connection: ServerConnection) -> None:
        connection_id = self._ids.pop(connection)
        try:
            async for message in connection:
                event = self._event("$default", "MESSAGE", connection_id, connection)
                # A binary frame reaches the handler as API Gateway passes it: base64, flagged
                if isinstance(message, bytes):
                    event["body"], event["isBase64Encoded"] = base64.b64encode(message).decode(), True
                else:
                    event["body"], event["isBase64Encoded"] = message, False
                # Like API Gateway, a message's handler runs outside the connection: the handler
                # itself sends replies through the Management API.
                await asyncio.to_thread(self._invoke, "$default", event)
        except ConnectionClosed:
            pass
        finally:
            self._connections.pop(connection_id, None)
            event = self._event("$disconnect", "DISCONNECT", connection_id, connection)
            await asyncio.to_thread(self._invoke, "$disconnect", event)

    def _invoke(self, route_key: str, event: dict[str, Any]) -> dict[str, Any] | None:
        entry = self._handlers.get(route_key)
        if entry is None:
            return None
        name, handler = entry
        try:
            result = handler(event, LambdaContext(self._prefix + name))
        except Exception:  # noqa: BLE001 - a Lambda error: API Gateway answers 500 or drops it
            traceback.print_exc()
            return {"statusCode": 500}
        return result if isinstance(result, dict) else None

    def _event(
        self,
        route_key: str,
        event_type: str,
        connection_id: str,
        connection: ServerConnection,
        headers: Any = None,
    ) -> dict[str, Any]:
        now_ms = int(time.time() * 1000)
        remote = connection.remote_address
        event: dict[str, Any] = {
            "requestContext": {
                "routeKey": route_key,
                "eventType": event_type,
                "messageDirection": "IN",
                "stage": self._stage,
                "apiId": API_ID,
                "domainName": f"{self._host}:{self.port}",
                "connectionId": connection_id,
                "connectedAt": now_ms,
                "requestTimeEpoch": now_ms,
                "requestId": str(uuid.uuid4()),
                "identity": {"sourceIp": remote[0] if remote else "127.0.0.1"},
            },
            "isBase64Encoded": False,
        }
        if headers is not None:
            event["headers"] = {key: value for key, value in headers.raw_items()}
        return event


async def _read_request(reader: asyncio.StreamReader) -> tuple[str, str, bytes] | None:
    """(method, path, body) of the next request on the connection; None when the client closes it."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")  # one read for the request line and headers
    except asyncio.IncompleteReadError as partial:
        if not partial.partial:
            return None
        raise
    request_line, *headers = head.decode("latin-1").split("\r\n")
    method, path, _version = request_line.split(" ", 2)
    length = 0
    for header in headers:
        name, _, value = header.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    return method, path, await reader.readexactly(length) if length else b""


def _response(status: str, answer: dict[str, Any] | None) -> bytes:
    headers = [f"HTTP/1.1 {status}", f"x-amzn-RequestId: {uuid.uuid4()}"]
    payload = b""
    if answer is not None:
        error_type = answer.pop("__type", None)
        if error_type:
            headers.append(f"x-amzn-ErrorType: {error_type}")
        payload = json.dumps(answer).encode()
        headers.append("Content-Type: application/json")
    headers.append(f"Content-Length: {len(payload)}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + payload
