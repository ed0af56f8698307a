"""moto's ports keep a client's connection open across requests (local_stack/keep_alive.py)."""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from werkzeug.serving import BaseWSGIServer, make_server

from local_stack.keep_alive import KeepAliveRequestHandler

pytestmark = pytest.mark.unit


def _app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    path = environ["PATH_INFO"]
    if path == "/ignore-body":  # an app that reads none of the body it was sent
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ignored"]
    if path == "/no-length":  # an answer without a Content-Length of its own
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"part one, ", b"part two"]
    if path == "/fail":
        raise RuntimeError("the app failed")
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length)
    answer = b"echo:" + body
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(answer)))])
    return [answer]


@pytest.fixture
def server() -> Iterator[BaseWSGIServer]:
    served = make_server("127.0.0.1", 0, _app, threaded=True, request_handler=KeepAliveRequestHandler)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    yield served
    served.shutdown()


def _connection(server: BaseWSGIServer) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=5)


def test_one_connection_serves_requests_one_after_another_without_delay(server: BaseWSGIServer) -> None:
    # Given one client connection
    connection = _connection(server)
    connection.connect()
    sock = connection.sock

    # When it sends requests one after another, one of them leaving its body unread
    answers, took = [], []
    for path, body in [
        ("/", b"a"),
        ("/ignore-body", b"x" * 5000),
        ("/", b"b"),
        ("/no-length", b""),
        ("/", b"c"),
    ]:
        started = time.monotonic()
        connection.request("POST", path, body=body)
        reply = connection.getresponse()
        answers.append((reply.status, reply.read(), reply.getheader("Connection")))
        took.append(time.monotonic() - started)

    # Then each is answered in full, on the same socket, never closed, and without the 40 ms
    # that Nagle's algorithm and a delayed ACK would add to each
    assert [a[:2] for a in answers] == [
        (200, b"echo:a"),
        (200, b"ignored"),
        (200, b"echo:b"),
        (200, b"part one, part two"),
        (200, b"echo:c"),
    ]
    assert all(a[2] is None for a in answers)
    assert connection.sock is sock
    assert sorted(took)[len(took) // 2] < 0.035


def test_head_has_no_body_and_a_failure_closes_the_connection(server: BaseWSGIServer) -> None:
    connection = _connection(server)
    connection.request("HEAD", "/no-length")
    reply = connection.getresponse()
    assert reply.status == 200 and reply.read() == b""

    connection.request("POST", "/fail", body=b"{}")
    reply = connection.getresponse()
    assert reply.status == 500 and reply.getheader("Connection") == "close"


def test_a_client_that_asks_to_close_gets_werkzeugs_answer(server: BaseWSGIServer) -> None:
    connection = _connection(server)
    connection.request("POST", "/", body=b"z", headers={"Connection": "close"})
    reply = connection.getresponse()
    assert (reply.status, reply.read(), reply.getheader("Connection")) == (200, b"echo:z", "close")
