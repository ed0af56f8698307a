"""Webhooks (#22 part 5): signed with the README's recipe, retried with backoff against a real
HTTP receiver on localhost, failing endpoints marked, replays detectable, SSRF refused.

The domain runs on the in-memory ports; the sender is the real one (`aws/webhook_http.py`),
allowed to reach a loopback http:// receiver as the test setting allows.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from chalicelib.aws.webhook_http import HttpWebhookSender
from chalicelib.core import tenancy, webhook_signing, webhooks
from chalicelib.core.errors import ForbiddenError, InvalidRequestError, NotFoundError
from chalicelib.core.models import InputMethod, Workflow, WorkflowStatus, utc_now
from chalicelib.core.webhook_models import CreateWebhookRequest, DeliveryStatus, EndpointStatus
from chalicelib.core.webhook_ports import HttpAnswer, UnsafeDestination
from chalicelib.settings import get_settings
from tests.memory_ports import MemoryPorts

ROOT = Path(__file__).resolve().parents[2]
USER = "u-webhooks"
POLICY = webhooks.RetryPolicy(
    max_attempts=4, base_seconds=10, factor=3, failing_after=2, previous_secret_hours=24
)


def readme_recipe() -> Callable[..., bool]:
    """The verification recipe exactly as README.md shows it: if the README drifts, this fails."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- webhook-recipe[^>]*-->\s*```python\n(?P<code>.*?)```", text, re.S)
    assert match, "README.md lost its webhook recipe block"
    scope: dict[str, Any] = {}
    exec(compile(match["code"], "README.md#webhook-recipe", "exec"), scope)
    return scope["verify_restoreassist_webhook"]  # type: ignore[no-any-return]


VERIFY = readme_recipe()


@pytest.fixture(autouse=True)
def local_receivers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("WEBHOOKS_ALLOW_LOCAL_RECEIVERS", "1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


class Receiver:
    """A real http.server on 127.0.0.1 answering each POST with the next status of `statuses`
    (then the last one for ever), verifying each with the README's recipe."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses = statuses
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.secret = ""
        self.seen: set[str] = set()
        self.verdicts: list[bool] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers = {name: value for name, value in self.headers.items()}
                receiver.requests.append((headers, body))
                receiver.verdicts.append(
                    VERIFY(
                        receiver.secret,
                        body,
                        headers["RestoreAssist-Signature"],
                        headers["RestoreAssist-Delivery"],
                        receiver.seen,
                    )
                )
                status = receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                if status < 300 and receiver.verdicts[-1]:
                    receiver.seen.add(headers["RestoreAssist-Delivery"])  # handled
                answer = b"nope " * 100 if status >= 300 else b"ok"
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook?token=abc"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def ports() -> MemoryPorts:
    ports = MemoryPorts()
    ports.webhook_sender = HttpWebhookSender(5, allow_local=True)
    return ports


def register(ports: MemoryPorts, receiver: Receiver, events: list[str] | None = None) -> str:
    request = CreateWebhookRequest.model_validate(
        {"url": receiver.url, "events": events or ["workflow.completed", "workflow.failed"]}
    )
    created = webhooks.create_endpoint(ports, USER, request)
    receiver.secret = created["secret"]
    return str(created["webhook"]["id"])


def finish_workflow(ports: MemoryPorts, status: WorkflowStatus = WorkflowStatus.COMPLETED) -> str:
    """A workflow of USER's account reaches `status`: the write's events fan out (the memory
    ports' stream runs as the write commits)."""
    now = utc_now()
    workflow = Workflow(
        id=f"wf_{time.time_ns():032x}"[:35],
        user_id=USER,
        org_id=tenancy.personal_org_id(USER),
        title="14 Banksia St",
        input_method=InputMethod.TEXT,
        created_at=now,
        updated_at=now,
        status=WorkflowStatus.IN_PROGRESS,
        input_data={"textKey": "inputs/secret-layout.txt"},
    )
    ports.workflows.create(workflow)

    def finish(record: Workflow) -> None:
        record.status = status
        if status is WorkflowStatus.FAILED:
            record.error_code, record.error_message = "ANALYSIS_FAILED", "The notes could not be read"
        else:
            record.progress_percentage = 100

    ports.workflows.update(workflow.id, finish)
    return workflow.id


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def run_queue(ports: MemoryPorts, clock: Clock, policy: webhooks.RetryPolicy = POLICY) -> list[str]:
    """Deliver every queued message, moving the clock to each one's `notBefore` (SQS's delay)."""
    outcomes = []
    while (queued := ports.webhook_queue.take()) is not None:
        clock.now = max(clock.now, float(queued.message.get("notBefore", clock.now)))
        outcomes.append(webhooks.deliver(ports, queued.message, policy, now=clock))
    return outcomes


# --- signatures ------------------------------------------------------------------------------


def test_a_delivery_verifies_with_the_readme_recipe_and_a_tampered_one_does_not(ports: MemoryPorts) -> None:
    receiver = Receiver([200])
    try:
        register(ports, receiver)
        workflow_id = finish_workflow(ports)
        assert run_queue(ports, Clock()) == ["succeeded"]
    finally:
        receiver.close()
    ((headers, body),) = receiver.requests
    assert receiver.verdicts == [True]
    assert headers["RestoreAssist-Event"] == "workflow.completed"
    payload = json.loads(body)
    assert payload["type"] == "workflow.completed"
    assert payload["id"] == headers["RestoreAssist-Delivery"]
    assert payload["data"] == {"workflowId": workflow_id, "title": "14 Banksia St", "status": "COMPLETED"}
    assert payload["links"]["report"] == f"/api/orchestrator/workflows/{workflow_id}/report"
    # No internals: neither the owner nor where the input is kept
    assert USER not in body.decode() and "inputs/" not in body.decode()
    signature = headers["RestoreAssist-Signature"]
    assert not VERIFY(receiver.secret, body + b" ", signature, "dlv_other", set())
    assert not VERIFY("whsec_" + "x" * 43, body, signature, "dlv_other", set())
    assert webhook_signing.verify(receiver.secret, signature, body, time.time())


def test_the_core_signature_and_the_readme_recipe_agree() -> None:
    body = b'{"id":"dlv_1","type":"webhook.test"}'
    secret = webhook_signing.new_secret()
    now = int(time.time())
    header = webhook_signing.signature_header([secret], now, body)
    assert header == f"t={now},v1={webhook_signing.signature(secret, now, body)}"
    assert VERIFY(secret, body, header, "dlv_1", set())
    assert not VERIFY(secret, body, "v1=" + webhook_signing.signature(secret, now, body), "dlv_1", set())


def test_a_replayed_delivery_is_detected_by_its_id_and_a_stale_one_by_its_time(ports: MemoryPorts) -> None:
    receiver = Receiver([200])
    try:
        register(ports, receiver)
        finish_workflow(ports)
        run_queue(ports, Clock())
    finally:
        receiver.close()
    ((headers, body),) = receiver.requests
    signature, delivery = headers["RestoreAssist-Signature"], headers["RestoreAssist-Delivery"]
    # The same request again, within the tolerance: its delivery id was seen
    assert not VERIFY(receiver.secret, body, signature, delivery, receiver.seen)
    # Captured and replayed later to a receiver that forgot the id: its timestamp is stale
    stamp = int(signature.split(",")[0].removeprefix("t="))
    old = webhook_signing.signature_header([receiver.secret], stamp - 301, body)
    assert not VERIFY(receiver.secret, body, old, delivery, set())
    assert not webhook_signing.verify(receiver.secret, old, body, time.time())


def test_after_a_rotation_both_secrets_sign_until_the_old_one_expires(ports: MemoryPorts) -> None:
    sender = ports.webhook_sender = _FakeSender()
    request = CreateWebhookRequest.model_validate(
        {"url": "https://hooks.example.com/x", "events": ["workflow.failed"]}
    )
    created = webhooks.create_endpoint(ports, USER, request)
    endpoint_id = created["webhook"]["id"]
    rotated = webhooks.rotate_secret(ports, USER, endpoint_id)
    assert rotated["secret"] != created["secret"]
    webhooks.send_test(ports, USER, endpoint_id)
    run_queue(ports, Clock())
    _, body, headers = sender.posts[-1]
    signature = headers["RestoreAssist-Signature"]
    assert signature.count("v1=") == 2
    assert VERIFY(created["secret"], body, signature, "a", set())
    assert VERIFY(rotated["secret"], body, signature, "b", set())
    # Past the overlap only the new secret signs
    clock = Clock()
    clock.now += timedelta(hours=25).total_seconds()
    webhooks.send_test(ports, USER, endpoint_id)
    run_queue(ports, clock)
    assert sender.posts[-1][2]["RestoreAssist-Signature"].count("v1=") == 1


# --- retries, failures ---------------------------------------------------------------------------


def test_a_failing_endpoint_is_retried_with_backoff_then_succeeds_and_the_attempts_are_listed(
    ports: MemoryPorts,
) -> None:
    receiver = Receiver([503, 500, 200])
    clock = Clock()
    start = clock.now
    try:
        endpoint_id = register(ports, receiver)
        finish_workflow(ports)
        assert run_queue(ports, clock) == ["retrying", "retrying", "succeeded"]
    finally:
        receiver.close()
    delays = [queued.delay_seconds for queued in ports.webhook_queue.sent]
    assert delays[0] == 0
    assert 9 <= delays[1] <= 11 and 27 <= delays[2] <= 33  # 10 s, then 30 s, +-10%
    (delivery,) = webhooks.list_deliveries(ports, USER, endpoint_id)
    assert delivery.status is DeliveryStatus.SUCCEEDED
    assert [a.status_code for a in delivery.attempts] == [503, 500, 200]
    assert [a.error for a in delivery.attempts] == ["HTTP_503", "HTTP_500", None]
    assert (
        delivery.attempts[0].response_snippet is not None
        and len(delivery.attempts[0].response_snippet) == 200
    )
    waits = [a.at.timestamp() - start for a in delivery.attempts]
    assert 9 <= waits[1] - waits[0] <= 11 and 27 <= waits[2] - waits[1] <= 33
    assert delivery.attempts[0].next_attempt_at == delivery.attempts[1].at
    assert (
        all(a.duration_ms >= 0 for a in delivery.attempts) and delivery.attempts[-1].next_attempt_at is None
    )
    # Every attempt carried the same delivery id, each signed afresh and verified
    assert len({h["RestoreAssist-Delivery"] for h, _ in receiver.requests}) == 1
    # Each attempt verified; the receiver handled the delivery once, on the attempt it answered 2xx
    assert receiver.verdicts == [True, True, True]
    assert receiver.seen == {delivery.id}
    endpoint = webhooks.list_endpoints(ports, USER)[0]
    assert endpoint.status is EndpointStatus.ACTIVE and endpoint.consecutive_failures == 0


def test_an_endpoint_that_always_fails_ends_its_deliveries_failed_and_is_marked_failing(
    ports: MemoryPorts,
) -> None:
    receiver = Receiver([500])
    clock = Clock()
    try:
        endpoint_id = register(ports, receiver)
        finish_workflow(ports)
        assert run_queue(ports, clock) == ["retrying"] * 3 + ["failed"]
        (endpoint,) = webhooks.list_endpoints(ports, USER)
        assert endpoint.status is EndpointStatus.ACTIVE and endpoint.consecutive_failures == 1
        finish_workflow(ports, WorkflowStatus.FAILED)
        assert run_queue(ports, clock) == ["retrying"] * 3 + ["failed"]
        assert len(receiver.requests) == 2 * POLICY.max_attempts
        deliveries = webhooks.list_deliveries(ports, USER, endpoint_id)
        assert [d.status for d in deliveries] == [DeliveryStatus.FAILED] * 2
        assert deliveries[0].event.value == "workflow.failed"
        assert json.loads(receiver.requests[-1][1])["data"]["errorCode"] == "ANALYSIS_FAILED"
        (endpoint,) = webhooks.list_endpoints(ports, USER)
        assert endpoint.status is EndpointStatus.FAILING and endpoint.failing_since is not None
        # A failing endpoint gets nothing new...
        finish_workflow(ports)
        assert ports.webhook_queue.messages == []
        # ...until an admin enables it again
        enabled = webhooks.enable_endpoint(ports, USER, endpoint_id)
        assert enabled.status is EndpointStatus.ACTIVE and enabled.consecutive_failures == 0
        receiver.statuses = [200]
        finish_workflow(ports)
        assert run_queue(ports, clock) == ["succeeded"]
    finally:
        receiver.close()


def test_a_wait_longer_than_sqs_allows_is_made_in_hops(ports: MemoryPorts) -> None:
    ports.webhook_sender = _FakeSender([HttpAnswer(5, error="TIMEOUT")])
    policy = webhooks.RetryPolicy(
        max_attempts=2, base_seconds=2000, factor=2, failing_after=3, previous_secret_hours=0
    )
    request = CreateWebhookRequest.model_validate(
        {"url": "https://hooks.example.com/x", "events": ["workflow.completed"]}
    )
    webhooks.create_endpoint(ports, USER, request)
    finish_workflow(ports)
    clock = Clock()
    first = ports.webhook_queue.take()
    assert first is not None
    assert webhooks.deliver(ports, first.message, policy, now=clock) == "retrying"
    hop = ports.webhook_queue.take()
    assert hop is not None and hop.delay_seconds == 900
    clock.now += 900
    assert webhooks.deliver(ports, hop.message, policy, now=clock) == "deferred"
    again = ports.webhook_queue.take()
    assert again is not None and 900 <= again.delay_seconds + 900 <= 2200 and again.delay_seconds <= 900


# --- at least once ------------------------------------------------------------------------------


def test_a_repeated_stream_batch_or_message_sends_nothing_twice(ports: MemoryPorts) -> None:
    sender = ports.webhook_sender = _FakeSender()
    request = CreateWebhookRequest.model_validate(
        {"url": "https://hooks.example.com/x", "events": ["workflow.completed"]}
    )
    webhooks.create_endpoint(ports, USER, request)
    workflow_id = finish_workflow(ports)
    events = ports.workflows.events[workflow_id]
    assert webhooks.fan_out(ports, events) == 1  # the batch again: recorded, not yet attempted
    messages = [queued.message for queued in ports.webhook_queue.messages]
    assert messages[0] == messages[1]
    run_queue(ports, Clock())
    assert len(sender.posts) == 1
    assert webhooks.fan_out(ports, events) == 0  # attempted: nothing queued again
    assert webhooks.deliver(ports, messages[0], POLICY, redelivered=True) == "duplicate"
    assert len(sender.posts) == 1


def test_a_redelivered_message_whose_worker_died_before_queueing_the_retry_queues_it(
    ports: MemoryPorts,
) -> None:
    ports.webhook_sender = _FakeSender([HttpAnswer(5, status_code=502)])
    request = CreateWebhookRequest.model_validate(
        {"url": "https://hooks.example.com/x", "events": ["workflow.completed"]}
    )
    webhooks.create_endpoint(ports, USER, request)
    finish_workflow(ports)
    first = ports.webhook_queue.take()
    assert first is not None
    webhooks.deliver(ports, first.message, POLICY, now=Clock())
    ports.webhook_queue.messages.clear()  # the retry's send was lost with its worker
    assert webhooks.deliver(ports, first.message, POLICY, redelivered=True) == "duplicate"
    (retry,) = ports.webhook_queue.messages
    assert retry.message["attempt"] == 2


# --- who may, and where to ------------------------------------------------------------------------


def test_only_an_accounts_admins_manage_its_webhooks(
    ports: MemoryPorts, monkeypatch: pytest.MonkeyPatch
) -> None:
    def technician(_ports: Any, user_id: str) -> tenancy.Membership:
        return tenancy.Membership(user_id, "org-1", tenancy.Role.TECHNICIAN)

    monkeypatch.setattr(tenancy, "membership_of", technician)
    request = CreateWebhookRequest.model_validate(
        {"url": "https://hooks.example.com/x", "events": ["workflow.signed"]}
    )
    with pytest.raises(ForbiddenError):
        webhooks.create_endpoint(ports, USER, request)
    with pytest.raises(ForbiddenError):
        webhooks.list_endpoints(ports, USER)


def test_another_accounts_endpoint_is_not_found(ports: MemoryPorts) -> None:
    ports.webhook_sender = _FakeSender()
    request = CreateWebhookRequest.model_validate(
        {"url": "https://hooks.example.com/x", "events": ["workflow.signed"]}
    )
    endpoint_id = webhooks.create_endpoint(ports, "u-someone-else", request)["webhook"]["id"]
    for action in (
        webhooks.delete_endpoint,
        webhooks.rotate_secret,
        webhooks.send_test,
        webhooks.list_deliveries,
    ):
        with pytest.raises(NotFoundError):
            action(ports, USER, endpoint_id)
    with pytest.raises(NotFoundError):
        webhooks.delete_endpoint(ports, USER, "../../etc")


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.com/x",  # not https (outside the local setting: below)
        "https://user:pass@hooks.example.com/x",
        "https://10.0.0.8/x",
        "https://192.168.1.1/x",
        "https://169.254.169.254/latest/meta-data",
        "https://[::ffff:169.254.169.254]/x",
        "https://100.64.0.1/x",
        "https://[fd00::1]/x",
        "https://0.0.0.0/x",
        "https://localhost/x",
        "ftp://hooks.example.com/x",
    ],
)
def test_registration_refuses_what_is_not_a_public_https_endpoint(
    ports: MemoryPorts, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEBHOOKS_ALLOW_LOCAL_RECEIVERS", "0")
    get_settings.cache_clear()
    ports.webhook_sender = HttpWebhookSender(5, allow_local=False)
    request = CreateWebhookRequest.model_validate({"url": url, "events": ["workflow.completed"]})
    with pytest.raises(InvalidRequestError) as refused:
        webhooks.create_endpoint(ports, USER, request)
    assert refused.value.code in {"INVALID_WEBHOOK_URL", "UNSAFE_WEBHOOK_URL"}
    assert ports.webhooks.endpoints == {}


def test_the_sender_refuses_a_name_that_resolves_to_a_private_address_and_connects_to_the_checked_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    answers = {"rebind.example": "10.1.2.3", "public.example": "93.184.216.34"}

    def resolve(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    sender = HttpWebhookSender(1)
    with pytest.raises(UnsafeDestination):
        sender.check("https://rebind.example/x")
    with pytest.raises(UnsafeDestination):
        sender.post("https://rebind.example/x", b"{}", {})
    sender.check("https://public.example/x")
    connected: list[Any] = []

    def connect(address: Any, *args: Any, **kwargs: Any) -> Any:
        connected.append(address)
        raise ConnectionRefusedError

    monkeypatch.setattr(socket, "create_connection", connect)
    assert sender.post("https://public.example/x", b"{}", {}).error == "CONNECTION_REFUSED"
    assert connected == [("93.184.216.34", 443)]


def test_a_delivery_to_a_name_that_turned_private_is_not_sent_nor_retried(ports: MemoryPorts) -> None:
    sender = ports.webhook_sender = _FakeSender()
    request = CreateWebhookRequest.model_validate(
        {"url": "https://hooks.example.com/x", "events": ["workflow.completed"]}
    )
    endpoint_id = webhooks.create_endpoint(ports, USER, request)["webhook"]["id"]
    sender.unsafe_hosts.add("hooks.example.com")
    finish_workflow(ports)
    assert run_queue(ports, Clock()) == ["failed"]
    (delivery,) = webhooks.list_deliveries(ports, USER, endpoint_id)
    assert [a.error for a in delivery.attempts] == ["UNSAFE_DESTINATION"]
    assert sender.posts == []


def test_the_signing_secret_is_stored_sealed_and_never_listed(ports: MemoryPorts) -> None:
    ports.webhook_sender = _FakeSender()
    request = CreateWebhookRequest.model_validate(
        {"url": "https://hooks.example.com/x", "events": ["workflow.completed"]}
    )
    created = webhooks.create_endpoint(ports, USER, request)
    ((_, sealed),) = ports.webhooks.endpoints.values()
    assert created["secret"] not in sealed.current
    listed = json.dumps([e.model_dump(mode="json") for e in webhooks.list_endpoints(ports, USER)])
    assert created["secret"] not in listed and "sealed" not in listed


class _FakeSender:
    def __init__(self, answers: list[HttpAnswer] | None = None) -> None:
        from tests.memory_webhooks import MemoryWebhookSender

        self._inner = MemoryWebhookSender(answers=list(answers or []))
        self.posts = self._inner.posts
        self.unsafe_hosts = self._inner.unsafe_hosts

    def check(self, url: str) -> None:
        self._inner.check(url)

    def post(self, url: str, body: bytes, headers: Any) -> HttpAnswer:
        return self._inner.post(url, body, headers)
