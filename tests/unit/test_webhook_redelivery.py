"""`webhooks.redeliver` on the in-memory ports, with its clock in the test's hands: which
deliveries may be sent again (FAILED, or PENDING an hour past due), that the attempt goes through
the worker's own path as one final attempt, how the endpoint's count moves, and that a repeat or
a race queues nothing more. The route itself, on moto, is tests/integration/test_webhook_redelivery.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from chalicelib.aws.webhook_http import HttpWebhookSender
from chalicelib.core import webhooks
from chalicelib.core.errors import ConflictError, NotFoundError
from chalicelib.core.models import utc_now
from chalicelib.core.webhook_models import DeliveryStatus, WebhookDelivery
from chalicelib.settings import get_settings
from tests.memory_ports import MemoryPorts
from tests.unit.test_webhooks import POLICY, USER, Clock, Receiver, finish_workflow, register, run_queue


@pytest.fixture(autouse=True)
def local_receivers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("WEBHOOKS_ALLOW_LOCAL_RECEIVERS", "1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def ports() -> MemoryPorts:
    found = MemoryPorts()
    found.webhook_sender = HttpWebhookSender(5, allow_local=True)
    return found


def _failed(ports: MemoryPorts, receiver: Receiver) -> tuple[str, WebhookDelivery]:
    """A workflow.completed delivery whose every attempt failed (POLICY: 4 attempts)."""
    endpoint_id = register(ports, receiver)
    finish_workflow(ports)
    assert run_queue(ports, Clock()) == ["retrying"] * 3 + ["failed"]
    (delivery,) = webhooks.list_deliveries(ports, USER, endpoint_id)
    assert delivery.status is DeliveryStatus.FAILED
    return endpoint_id, delivery


def test_a_failed_delivery_gets_one_final_attempt_through_the_worker(ports: MemoryPorts) -> None:
    # Given a delivery that failed every attempt, counted once against its endpoint
    receiver = Receiver([500, 500, 500, 500, 200])
    try:
        endpoint_id, failed = _failed(ports, receiver)
        assert webhooks.list_endpoints(ports, USER)[0].consecutive_failures == 1

        # When an admin redelivers it
        reopened, queued = webhooks.redeliver(ports, USER, endpoint_id, failed.id)

        # Then it is PENDING again, asking for attempt 5, and one message says so
        assert queued and reopened.status is DeliveryStatus.PENDING and reopened.completed_at is None
        assert reopened.redelivery is not None and reopened.redelivery.attempt == 5
        (message,) = ports.webhook_queue.messages
        assert message.message == {
            "deliveryId": failed.id,
            "endpointId": endpoint_id,
            "orgId": failed.org_id,
            "attempt": 5,
            "manual": True,
        }
        # and the worker sends it (past max_attempts: a manual attempt is its own), once, final
        assert run_queue(ports, Clock(), POLICY) == ["succeeded"]
    finally:
        receiver.close()
    (done,) = webhooks.list_deliveries(ports, USER, endpoint_id)
    assert done.status is DeliveryStatus.SUCCEEDED
    assert [(a.attempt, a.status_code, a.manual) for a in done.attempts][-2:] == [
        (4, 500, False),
        (5, 200, True),
    ]
    assert receiver.verdicts == [True] * 5  # every attempt signed as the recipe checks
    # a success resets the endpoint's count of failed deliveries
    assert webhooks.list_endpoints(ports, USER)[0].consecutive_failures == 0


def test_a_redelivery_that_fails_is_not_retried_nor_counted_again(ports: MemoryPorts) -> None:
    receiver = Receiver([500])
    try:
        endpoint_id, failed = _failed(ports, receiver)
        webhooks.redeliver(ports, USER, endpoint_id, failed.id)
        assert run_queue(ports, Clock(), POLICY) == ["failed"]
    finally:
        receiver.close()
    (done,) = webhooks.list_deliveries(ports, USER, endpoint_id)
    assert done.status is DeliveryStatus.FAILED and done.attempts[-1].next_attempt_at is None
    assert ports.webhook_queue.messages == []
    assert webhooks.list_endpoints(ports, USER)[0].consecutive_failures == 1


def test_a_repeat_queues_nothing_more_and_after_the_window_one_under_way_is_refused(
    ports: MemoryPorts,
) -> None:
    receiver = Receiver([500])
    try:
        endpoint_id, failed = _failed(ports, receiver)
        now = utc_now()
        first, queued = webhooks.redeliver(ports, USER, endpoint_id, failed.id, now=now)
        # A double click: the same redelivery, nothing queued
        again, queued_again = webhooks.redeliver(
            ports, USER, endpoint_id, failed.id, now=now + timedelta(seconds=1)
        )
        assert queued and not queued_again and again.redelivery == first.redelivery
        assert len(ports.webhook_queue.messages) == 1
        # Past the window, while its attempt is still to come: it is under way, not failed
        later = now + webhooks.REPEAT_WINDOW + timedelta(seconds=1)
        with pytest.raises(ConflictError) as pending:
            webhooks.redeliver(ports, USER, endpoint_id, failed.id, now=later)
        assert pending.value.code == "DELIVERY_PENDING"
        # Once that attempt failed too, it may be sent again
        assert run_queue(ports, Clock(), POLICY) == ["failed"]
        _, queued_third = webhooks.redeliver(ports, USER, endpoint_id, failed.id, now=later)
        assert queued_third and ports.webhook_queue.messages[0].message["attempt"] == 6
        # ...and a message whose redelivery was queued but never sent (lost) is sendable an hour on
        stuck = later + webhooks.STALLED_AFTER
        _, queued_fourth = webhooks.redeliver(ports, USER, endpoint_id, failed.id, now=stuck)
        assert queued_fourth and len(ports.webhook_queue.messages) == 2
    finally:
        receiver.close()


def test_a_request_that_loses_the_race_answers_the_winners_redelivery(ports: MemoryPorts) -> None:
    # Given two requests that both read the FAILED delivery, the other writing first
    receiver = Receiver([500])
    try:
        endpoint_id, failed = _failed(ports, receiver)
    finally:
        receiver.close()
    real_get = ports.webhooks.get_delivery
    raced = {"done": False}
    theirs = utc_now() - timedelta(seconds=5)

    def get_then_race(endpoint: str, delivery_id: str) -> WebhookDelivery | None:
        found = real_get(endpoint, delivery_id)
        if not raced["done"]:
            raced["done"] = True  # the other request reopens it between this read and our write
            webhooks.redeliver(ports, USER, endpoint, delivery_id, now=theirs)
        return found

    ports.webhooks.get_delivery = get_then_race  # type: ignore[method-assign]

    # When this one writes
    answered, queued = webhooks.redeliver(ports, USER, endpoint_id, failed.id)

    # Then its condition fails: it queues nothing and answers the other's redelivery
    assert not queued
    assert answered.redelivery is not None and answered.redelivery.requested_at == theirs
    assert len(ports.webhook_queue.messages) == 1


def test_what_may_not_be_sent_again(ports: MemoryPorts) -> None:
    receiver = Receiver([200])
    try:
        endpoint_id = register(ports, receiver)
        finish_workflow(ports)
        (queued,) = webhooks.list_deliveries(ports, USER, endpoint_id)
        # Queued, its first attempt still to come: not stuck
        with pytest.raises(ConflictError) as pending:
            webhooks.redeliver(ports, USER, endpoint_id, queued.id)
        assert pending.value.code == "DELIVERY_PENDING"
        # Still PENDING an hour after it was due (its message dead-lettered): it may
        stuck_at = queued.created_at + webhooks.STALLED_AFTER + timedelta(seconds=1)
        ports.webhook_queue.messages.clear()  # the dead-lettered message is gone
        _, sent = webhooks.redeliver(ports, USER, endpoint_id, queued.id, now=stuck_at)
        assert sent and run_queue(ports, Clock(), POLICY) == ["succeeded"]
        # Delivered: nothing to send again
        later = stuck_at + webhooks.REPEAT_WINDOW + timedelta(seconds=1)
        with pytest.raises(ConflictError) as succeeded:
            webhooks.redeliver(ports, USER, endpoint_id, queued.id, now=later)
        assert succeeded.value.code == "DELIVERY_SUCCEEDED"
        # Unknown, malformed, or another endpoint's: not found
        for delivery_id in (f"dlv_{'0' * 29}", "dlv_x", "../etc"):
            with pytest.raises(NotFoundError) as missing:
                webhooks.redeliver(ports, USER, endpoint_id, delivery_id)
            assert missing.value.code == "DELIVERY_NOT_FOUND"
        other = register(ports, receiver)
        with pytest.raises(NotFoundError) as elsewhere:
            webhooks.redeliver(ports, USER, other, queued.id)
        assert elsewhere.value.code == "DELIVERY_NOT_FOUND"
    finally:
        receiver.close()
