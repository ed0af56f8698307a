"""The local stack serves the dashboard at / beside the API, and the API's 404 stays the API's."""

from __future__ import annotations

import json

import urllib3

from local_stack.stack import LocalStack


def test_the_stack_serves_the_page_and_its_config(stack: LocalStack, http_pool: urllib3.PoolManager) -> None:
    # When the page's config is asked for
    reply = http_pool.request("GET", f"{stack.api_url}/config.json")
    # Then it names this stack's WebSocket URL and the development sign-in
    config = json.loads(reply.data)
    assert reply.status == 200
    assert config["websocketUrl"] == stack.websocket_url
    assert config["auth"] == {"mode": "dev"} and config["maxUploadBytes"] > 0
    assert reply.headers["Referrer-Policy"] == "no-referrer"
    # And the page itself answers (built), or says how to build it
    assert http_pool.request("GET", f"{stack.api_url}/").status in (200, 503)


def test_an_unknown_api_route_is_still_the_apis_404(
    stack: LocalStack, http_pool: urllib3.PoolManager
) -> None:
    for method in ("GET", "POST"):
        reply = http_pool.request(method, f"{stack.api_url}/api/orchestrator/no-such-page")
        assert reply.status == 404, method
        assert json.loads(reply.data)["error"]["code"] == "NOT_FOUND"
