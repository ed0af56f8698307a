"""Webhooks on the local stack: a TEXT workflow completes, and a receiver on localhost gets a
signed `workflow.completed` that verifies with the README's recipe; a failing receiver is retried
through the deliveries queue (moto's SQS, its DelaySeconds) and its attempts are listed."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from chalicelib.settings import get_settings
from tests.conftest import Api
from tests.unit.test_webhooks import readme_recipe

BASE = "/api/orchestrator"
NOTES = (
    "Cause: burst supply line under the kitchen sink.\nKitchen 12x14 ft, vinyl floor wet.\nSubfloor 32%MC."
)
VERIFY = readme_recipe()


class Receiver:
    def __init__(self, statuses: list[int]) -> None:
        self.statuses = statuses
        self.secret = ""
        self.handled: set[str] = set()
        self.received: list[dict[str, Any]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                delivery = self.headers["RestoreAssist-Delivery"]
                genuine = VERIFY(
                    receiver.secret, body, self.headers["RestoreAssist-Signature"], delivery, receiver.handled
                )
                status = receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                if genuine and status < 300:
                    receiver.handled.add(delivery)
                receiver.received.append(
                    {
                        "genuine": genuine,
                        "event": self.headers["RestoreAssist-Event"],
                        "body": json.loads(body),
                    }
                )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/restoreassist"

    def wait_for(self, count: int, timeout: float = 30) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count:
            assert time.monotonic() < deadline, f"the receiver got {len(self.received)} of {count}"
            time.sleep(0.1)
        return self.received

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Retries after 1 s and 2 s (the stack runs deliver_webhooks in this process)."""
    monkeypatch.setenv("WEBHOOK_RETRY_BASE_SECONDS", "1")
    monkeypatch.setenv("WEBHOOK_RETRY_FACTOR", "2")
    monkeypatch.setenv("WEBHOOK_MAX_ATTEMPTS", "3")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


def _register(api: Api, receiver: Receiver, events: list[str]) -> str:
    created = api.post(f"{BASE}/webhooks", {"url": receiver.url, "events": events})
    assert created.status == 201, created.body
    receiver.secret = created.body["secret"]
    assert created.body["webhook"]["status"] == "ACTIVE"
    return str(created.body["webhook"]["id"])


def test_a_completed_text_workflow_reaches_the_receiver_signed(api: Api) -> None:
    receiver = Receiver([200])
    try:
        webhook_id = _register(api, receiver, ["workflow.completed", "workflow.failed"])
        workflow_id = api.create_text(NOTES, "14 Banksia St")
        assert api.wait_for(workflow_id)["status"] == "COMPLETED"
        (got,) = receiver.wait_for(1)
    finally:
        receiver.close()
    assert got["genuine"] is True
    assert got["event"] == "workflow.completed"
    assert got["body"]["type"] == "workflow.completed"
    assert got["body"]["data"] == {"workflowId": workflow_id, "title": "14 Banksia St", "status": "COMPLETED"}
    deliveries = api.get(f"{BASE}/webhooks/{webhook_id}/deliveries")
    assert deliveries.status == 200, deliveries.body
    (delivery,) = deliveries.body["deliveries"]
    assert delivery["status"] == "SUCCEEDED" and delivery["id"] == got["body"]["id"]
    assert [a["statusCode"] for a in delivery["attempts"]] == [200]
    # The secret is never shown again
    listed = api.get(f"{BASE}/webhooks")
    assert listed.status == 200 and receiver.secret not in json.dumps(listed.body)


@pytest.mark.usefixtures("quick_retries")
def test_a_test_delivery_to_a_failing_receiver_is_retried_through_the_queue(api: Api) -> None:
    receiver = Receiver([500, 503, 200])
    try:
        webhook_id = _register(api, receiver, ["workflow.signed"])
        queued = api.post(f"{BASE}/webhooks/{webhook_id}/test")
        assert queued.status == 202, queued.body
        received = receiver.wait_for(3)
    finally:
        receiver.close()
    assert [r["event"] for r in received] == ["webhook.test"] * 3
    assert all(r["genuine"] for r in received)
    (delivery,) = api.get(f"{BASE}/webhooks/{webhook_id}/deliveries").body["deliveries"]
    assert delivery["status"] == "SUCCEEDED"
    attempts = delivery["attempts"]
    assert [a["statusCode"] for a in attempts] == [500, 503, 200]
    assert [a["error"] for a in attempts] == ["HTTP_500", "HTTP_503", None]
    assert (
        attempts[0]["nextAttemptAt"] and attempts[1]["nextAttemptAt"] and attempts[2]["nextAttemptAt"] is None
    )


def test_webhooks_are_an_accounts_own_and_refuse_private_addresses(api: Api) -> None:
    receiver = Receiver([200])
    try:
        webhook_id = _register(api, receiver, ["workflow.completed"])
    finally:
        receiver.close()
    other = api.as_user("u-webhooks-someone-else")
    for method, path in (
        ("DELETE", f"{BASE}/webhooks/{webhook_id}"),
        ("POST", f"{BASE}/webhooks/{webhook_id}/rotate-secret"),
        ("POST", f"{BASE}/webhooks/{webhook_id}/test"),
        ("GET", f"{BASE}/webhooks/{webhook_id}/deliveries"),
    ):
        reply = other.call(method, path)
        assert reply.status == 404 and reply.body["error"]["code"] == "WEBHOOK_NOT_FOUND", (path, reply.body)
    refused = api.post(
        f"{BASE}/webhooks", {"url": "https://169.254.169.254/latest", "events": ["workflow.failed"]}
    )
    assert refused.status == 400 and refused.body["error"]["code"] == "UNSAFE_WEBHOOK_URL"
    rotated = api.post(f"{BASE}/webhooks/{webhook_id}/rotate-secret")
    assert rotated.status == 200 and rotated.body["secret"] != receiver.secret
    assert api.delete(f"{BASE}/webhooks/{webhook_id}").status == 200
    assert api.get(f"{BASE}/webhooks/{webhook_id}/deliveries").status == 404
