"""Plain HTTP/1.1 requests over kept-alive connections, for the local stack's clients that skip
botocore (json_http.py, s3_http.py; ADR 0025, addenda 2026-12-06).

One connection per concurrent caller, in a LIFO pool: the local gateway's threads come and go
with their clients' connections, and a connection kept per thread would outlive its thread.
"""

from __future__ import annotations

import http.client
import queue
import socket

# What a request can fail with before an answer: retried as botocore retries a lost connection.
CONNECTION_ERRORS = (ConnectionError, http.client.HTTPException, socket.timeout)
# A kept-alive connection the server closed while it was idle.
STALE_CONNECTION = (ConnectionError, http.client.RemoteDisconnected, http.client.CannotSendRequest)


class Answer:
    __slots__ = ("body", "headers", "status")

    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body


class KeptAliveConnections:
    """Requests to one host and port, each on an idle connection of the pool or a new one."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self._host = host
        self._port = port
        self._timeout = timeout
        self._idle: queue.LifoQueue[http.client.HTTPConnection] = queue.LifoQueue()

    def send(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> Answer:
        try:
            connection = self._idle.get_nowait()
            reused = True
        except queue.Empty:
            connection, reused = self._connect(), False
        try:
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
            except STALE_CONNECTION:
                if not reused:
                    raise
                # Nothing was answered: at once on a new connection (urllib3 does the same for
                # botocore's pool); a failure there is retried as any other.
                connection.close()
                connection = self._connect()
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
            headers_in: dict[str, str] = {}
            for name, value in response.getheaders():
                # A repeated header (moto's errors send two `Server`s) joined, as urllib3 does.
                key = name.lower()
                headers_in[key] = f"{headers_in[key]}, {value}" if key in headers_in else value
            answer = Answer(response.status, headers_in, response.read())
        except BaseException:
            connection.close()  # its state is unknown, so it is not reused
            raise
        if response.will_close:
            connection.close()
        else:
            self._idle.put(connection)
        return answer

    def _connect(self) -> http.client.HTTPConnection:
        connection = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
        connection.connect()
        # Nagle's algorithm would hold a request's body behind the server's delayed ACK.
        connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection
