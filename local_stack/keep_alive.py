"""moto's HTTP ports with keep-alive: one connection serves a client's requests one after another.

werkzeug's development server (which moto's server mode runs on) answers every request with
`Connection: close`, then waits up to 10 ms for more of the request body before the socket
closes. So every boto3 call to the local stack opened a connection, the server started a thread
for it, and both sides tore it down again: about 0.4 ms of the client's CPU per call (socket,
connect, close; cProfile of a POST) and the server's thread and teardown on top, for each of a
POST's seven calls and each of a workflow's sixty. AWS keeps connections open, and botocore
pools them.

`KeepAliveRequestHandler` serves a plain HTTP/1.1 request with a `Content-Length` (or no body)
itself: it runs the WSGI app, sends the answer with its length and without `Connection: close`,
reads whatever the app left of the request body (so the next request starts where it should),
and lets the connection carry the client's next request. Anything else (HTTP/1.0, a chunked
request body, a client that asks to close) is werkzeug's, which closes the connection as
before. An idle kept connection's thread ends after `IDLE_SECONDS`, or with the process.
"""

from __future__ import annotations

import logging
import socket
from io import BufferedIOBase
from typing import Any

from moto.moto_server.werkzeug_app import MotoRequestHandler

from local_stack.wsgi_call import call_wsgi

logger = logging.getLogger(__name__)
IDLE_SECONDS = 300.0  # past any pause of a pooled client; a stuck read ends too
HOP_BY_HOP = frozenset({"connection", "keep-alive", "transfer-encoding"})
NO_BODY = frozenset({204, 304})


class _Body:
    """The request body as the app reads it, bounded by its Content-Length; `drain` reads the rest."""

    def __init__(self, stream: BufferedIOBase, length: int) -> None:
        self._stream = stream
        self.left = length

    def read(self, size: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        wanted = self.left if size is None or size < 0 else min(size, self.left)
        data = self._stream.read(wanted)
        self.left -= len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        wanted = self.left if size is None or size < 0 else min(size, self.left)
        data = self._stream.readline(wanted)
        self.left -= len(data)
        return data

    def __iter__(self) -> Any:
        return iter(self.readline, b"")

    def drain(self) -> None:
        while self.left > 0 and self.read(min(self.left, 1 << 20)):
            pass


class KeepAliveRequestHandler(MotoRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = IDLE_SECONDS  # (socketserver: the connection's socket timeout, idle reads included)

    def setup(self) -> None:
        super().setup()
        # The status and headers go in one write and the body in another: on a kept connection,
        # Nagle's algorithm held the body until the client's delayed ACK (40 ms a request).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def run_wsgi(self) -> None:
        headers = self.headers
        if (
            self.request_version != "HTTP/1.1"
            or self.close_connection
            or "chunked" in headers.get("Transfer-Encoding", "").lower()
        ):
            super().run_wsgi()  # werkzeug's: answers and closes the connection
            return
        if headers.get("Expect", "").lower().strip(" \t") == "100-continue":
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        self.environ = environ = self.make_environ()
        body = _Body(self.rfile, int(headers.get("Content-Length") or 0))
        environ["wsgi.input"] = body
        try:
            status, response_headers, chunks = call_wsgi(self.server.app, environ)
            started: list[Any] = [status, response_headers]
        except Exception:
            logger.exception(
                "Error on request %s %s", environ.get("REQUEST_METHOD"), environ.get("PATH_INFO")
            )
            started = ["500 INTERNAL SERVER ERROR", [("Content-Type", "text/plain")]]
            chunks = [b"Internal Server Error"]
            self.close_connection = True
        self._answer(environ, started, b"".join(chunks))
        body.drain()

    def _answer(self, environ: dict[str, Any], started: list[Any], payload: bytes) -> None:
        status, response_headers = started
        code_text, _, reason = status.partition(" ")
        code = int(code_text)
        self.send_response(code, reason)
        length_given = False
        for name, value in response_headers:
            if name.lower() in HOP_BY_HOP:
                continue
            length_given = length_given or name.lower() == "content-length"
            self.send_header(name, value)
        if not length_given and code not in NO_BODY and not 100 <= code < 200:
            self.send_header("Content-Length", str(len(payload)))
        if self.close_connection:
            self.send_header("Connection", "close")
        # The head and the body in one write (what end_headers adds, then the body): one send and
        # one segment instead of two, so the client wakes once for the answer.
        self._headers_buffer.append(b"\r\n")
        if environ["REQUEST_METHOD"] != "HEAD" and code not in NO_BODY and payload:
            self._headers_buffer.append(payload)
        self.flush_headers()
        self.wfile.flush()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # werkzeug formats each request's line (the path decoded, a timestamp) before its logger
        # drops it: not when the logger's own level already refuses INFO (moto's processes set
        # WARNING). An unset level is werkzeug's to set (to INFO), so its lines stay as they were.
        logger = logging.getLogger("werkzeug")
        if logger.level != logging.NOTSET and not logger.isEnabledFor(logging.INFO):
            return
        super().log_request(code, size)
