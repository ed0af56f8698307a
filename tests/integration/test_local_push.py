"""Both push adapters against the local WebSocket gateway's Management API: boto3's client, which
the app uses on AWS, and the plain-HTTP one the local stack uses (`PUSH_CLIENT=http`,
chalicelib/aws/push.py). They must answer alike: delivered, ConnectionGone, closed."""

from __future__ import annotations

import time
from typing import Any

import boto3
import pytest

from chalicelib import wiring
from chalicelib.aws.push import GatewayPusher, HttpPusher
from chalicelib.core.ports import ConnectionGone
from local_stack.stack import REGION, LocalStack
from tests.conftest import Api
from tests.integration.test_live_progress import Socket


def _pusher(kind: str, endpoint: str) -> Any:
    if kind == "http":
        return HttpPusher(endpoint)
    client = boto3.client("apigatewaymanagementapi", endpoint_url=endpoint, region_name=REGION)
    return GatewayPusher(client)


def _new_connection(stack: LocalStack, before: set[str]) -> str:
    deadline = time.monotonic() + 10
    while not (opened := stack.websockets.connection_ids() - before):
        assert time.monotonic() < deadline, "the socket never registered"
        time.sleep(0.02)
    (connection_id,) = opened
    return connection_id


def test_the_local_stack_pushes_over_plain_http(stack: LocalStack) -> None:
    assert isinstance(wiring.ports().pusher, HttpPusher)


@pytest.mark.parametrize("kind", ["http", "boto3"])
def test_a_push_is_delivered_a_gone_connection_is_told_and_a_disconnect_closes(
    api: Api, stack: LocalStack, kind: str
) -> None:
    # Given a socket open on the local gateway, and a pusher of each kind on its Management API
    assert api.token is not None
    before = stack.websockets.connection_ids()
    socket = Socket(stack.websocket_url, api.token)
    try:
        connection_id = _new_connection(stack, before)
        pusher = _pusher(kind, stack.websockets.management_url)

        # When messages are pushed to it, on one kept-alive connection or several
        for n in range(3):
            pusher.send(connection_id, {"type": "PING", "n": n})
        # Then it has each, in order
        assert [socket.next(timeout=10) for _ in range(3)] == [{"type": "PING", "n": n} for n in range(3)]

        # And a connection that does not exist is ConnectionGone (API Gateway's 410)
        with pytest.raises(ConnectionGone):
            pusher.send("no-such-connection", {"type": "PING"})

        # And a disconnect closes the socket
        pusher.disconnect(connection_id)
        deadline = time.monotonic() + 10
        while stack.websockets.is_connected(connection_id):
            assert time.monotonic() < deadline, "the socket stayed open"
            time.sleep(0.02)
        with pytest.raises(ConnectionGone):
            pusher.send(connection_id, {"type": "PING"})
    finally:
        socket.close()
