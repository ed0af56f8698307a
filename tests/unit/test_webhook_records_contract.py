"""The memory double of the webhook store answers as the DynamoDB adapter does: the same calls made
on each (moto's DynamoDB behind the adapter, the webhooks table as the template defines it) give the
same endpoints, secrets, failure counts, deliveries, order and refusals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from moto import mock_aws

from chalicelib.aws.webhook_records import DynamoWebhookRecords
from chalicelib.core.webhook_models import (
    DeliveryAttempt,
    DeliveryStatus,
    EndpointStatus,
    Redelivery,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from chalicelib.core.webhook_ports import SealedSecrets, WebhookRecords
from local_stack.provision import table_properties
from tests.memory_webhooks import MemoryWebhookRecords
from tests.store_contract import assert_double_answers_as_adapter, outcome

pytestmark = pytest.mark.unit

START = datetime(2026, 12, 5, 10, tzinfo=UTC)
ORG = "org_0123456789abcdef"


@contextmanager
def _memory() -> Iterator[WebhookRecords]:
    yield MemoryWebhookRecords()


@contextmanager
def _dynamodb() -> Iterator[WebhookRecords]:
    with mock_aws():
        dynamodb = boto3.resource("dynamodb", region_name="us-east-1")
        yield DynamoWebhookRecords(
            dynamodb.create_table(TableName="webhooks", **table_properties("WebhooksTable"))
        )


STORES: dict[str, Callable[[], AbstractContextManager[WebhookRecords]]] = {
    "memory": _memory,
    "dynamodb": _dynamodb,
}


def _endpoint(n: int, *, minutes: int) -> WebhookEndpoint:
    return WebhookEndpoint(
        id=f"wh_{n:016x}",
        org_id=ORG,
        url=f"https://hooks.example.com/{n}",
        events=[WebhookEvent.WORKFLOW_COMPLETED],
        description=f"Endpoint {n}",
        created_by="u1",
        created_at=START + timedelta(minutes=minutes),
        secret_created_at=START + timedelta(minutes=minutes),
    )


def _delivery(n: int, endpoint: WebhookEndpoint) -> WebhookDelivery:
    return WebhookDelivery(
        id=f"dlv_{1764928800000 + n}{n:016x}",
        endpoint_id=endpoint.id,
        org_id=ORG,
        event=WebhookEvent.WORKFLOW_COMPLETED,
        event_id=f"wf_{n}:7",
        workflow_id=f"wf_{n}",
        created_at=START + timedelta(seconds=n),
        payload={"id": f"dlv_{n}", "type": "workflow.completed", "data": {"ratio": 0.5, "n": n}},
    )


def _attempt(delivery: WebhookDelivery, status_code: int, *, manual: bool = False) -> WebhookDelivery:
    number = len(delivery.attempts) + 1
    attempt = DeliveryAttempt(
        attempt=number,
        at=START + timedelta(minutes=number),
        duration_ms=120,
        status_code=status_code,
        error=None if status_code < 300 else f"HTTP_{status_code}",
        response_snippet="ok" if status_code < 300 else "busy",
        manual=manual,
    )
    done = status_code < 300 or number == 3
    return delivery.model_copy(
        update={
            "attempts": [*delivery.attempts, attempt],
            "status": DeliveryStatus.SUCCEEDED if status_code < 300 else DeliveryStatus.FAILED,
            "completed_at": attempt.at if done else None,
        }
    )


def _seen(endpoint: WebhookEndpoint | None) -> dict[str, Any] | None:
    # When it turned FAILING is the clock's; that it has a time is the store's.
    if endpoint is None:
        return None
    return endpoint.model_dump(mode="json") | {"failingSince": endpoint.failing_since is not None}


def _transcript(store: WebhookRecords) -> dict[str, Any]:
    said: dict[str, Any] = {}
    late, early = _endpoint(2, minutes=5), _endpoint(1, minutes=0)
    store.put_endpoint(late, SealedSecrets("sealed-2"))
    store.put_endpoint(early, SealedSecrets("sealed-1", "sealed-0"))
    said["same id again"] = outcome(lambda: store.put_endpoint(late, SealedSecrets("other")))
    said["listed"] = [e.id for e in store.list_endpoints(ORG)]
    said["other account's"] = store.list_endpoints("org_ffffffffffffffff")
    got = store.get_endpoint(ORG, early.id)
    said["got"] = (_seen(got[0]), got[1]) if got else None
    # A rotation keeps the old secret beside the new one for a while; the next drops it.
    rotated = late.model_copy(
        update={
            "secret_created_at": START + timedelta(days=1),
            "previous_secret_expires_at": START + timedelta(days=2),
        }
    )
    store.replace_secrets(rotated, SealedSecrets("sealed-3", "sealed-2"))
    got = store.get_endpoint(ORG, late.id)
    said["rotated"] = (_seen(got[0]), got[1]) if got else None
    again = rotated.model_copy(update={"secret_created_at": START + timedelta(days=3)})
    store.replace_secrets(again, SealedSecrets("sealed-4"))
    got = store.get_endpoint(ORG, late.id)
    said["rotated again"] = (_seen(got[0]), got[1]) if got else None
    said["rotate a missing endpoint"] = outcome(
        lambda: store.replace_secrets(_endpoint(9, minutes=1), SealedSecrets("x"))
    )
    # Failures count up to FAILING; a success resets the count but not the status.
    for _ in range(3):
        store.note_outcome(ORG, early.id, False, 3)
    said["failing"] = _seen(store.get_endpoint(ORG, early.id)[0])  # type: ignore[index]
    store.note_outcome(ORG, early.id, True, 3)
    said["a success after"] = _seen(store.get_endpoint(ORG, early.id)[0])  # type: ignore[index]
    said["enabled"] = _seen(store.set_status(ORG, early.id, EndpointStatus.ACTIVE))
    said["status of a missing endpoint"] = outcome(
        lambda: store.set_status(ORG, "wh_ffffffffffffffff", EndpointStatus.ACTIVE)
    )
    said["outcome of a missing endpoint"] = outcome(lambda: store.note_outcome(ORG, "wh_ffff", False, 1))
    # Deliveries: made once, attempts only over one fewer, newest first.
    first, second, third = (_delivery(n, late) for n in (1, 2, 3))
    said["created"] = [store.create_delivery(d) for d in (second, first, third, second)]
    tried = _attempt(first, 503)
    store.record_attempt(tried)
    said["same attempt again"] = outcome(lambda: store.record_attempt(tried))
    said["attempt over two fewer"] = outcome(
        lambda: store.record_attempt(_attempt(_attempt(tried, 503), 200))
    )
    said["attempt on a missing delivery"] = outcome(
        lambda: store.record_attempt(_attempt(_delivery(8, late), 200))
    )
    said["got delivery"] = store.get_delivery(late.id, first.id)
    said["newest two"] = [d.id for d in store.list_deliveries(late.id, 2)]
    said["all"] = [d.id for d in store.list_deliveries(late.id, 10)]
    # Two people reopening the failed delivery at once: one wins.
    seen = store.get_delivery(late.id, first.id)
    assert seen is not None
    request = Redelivery(attempt=2, requested_by="u1", requested_at=START + timedelta(hours=1))
    reopened = seen.model_copy(
        update={"status": DeliveryStatus.PENDING, "completed_at": None, "redelivery": request}
    )
    said["reopened"] = outcome(lambda: store.reopen_delivery(reopened, seen))
    said["reopened twice"] = outcome(lambda: store.reopen_delivery(reopened, seen))
    said["after reopening"] = store.get_delivery(late.id, first.id)
    store.delete_endpoint(ORG, early.id)
    store.delete_endpoint(ORG, early.id)  # deleting twice changes nothing
    said["after delete"] = (store.get_endpoint(ORG, early.id), [e.id for e in store.list_endpoints(ORG)])
    return said


@pytest.mark.parametrize("name", sorted(STORES))
def test_store_answers_as_the_port_promises(name: str) -> None:
    with STORES[name]() as store:
        said = _transcript(store)

    assert said["same id again"] == "ConditionFailed"
    assert said["listed"] == ["wh_0000000000000001", "wh_0000000000000002"]
    assert said["other account's"] == []
    assert said["got"][1] == SealedSecrets("sealed-1", "sealed-0")
    assert said["rotated"][1] == SealedSecrets("sealed-3", "sealed-2")
    assert said["rotated"][0]["previousSecretExpiresAt"] is not None
    assert said["rotated again"][1] == SealedSecrets("sealed-4")
    assert said["rotated again"][0]["previousSecretExpiresAt"] is None
    assert said["rotate a missing endpoint"] == "NotFound"
    assert (said["failing"]["status"], said["failing"]["consecutiveFailures"]) == ("FAILING", 3)
    assert said["failing"]["failingSince"] is True
    assert (said["a success after"]["status"], said["a success after"]["consecutiveFailures"]) == (
        "FAILING",
        0,
    )
    assert (said["enabled"]["status"], said["enabled"]["failingSince"]) == ("ACTIVE", False)
    assert said["status of a missing endpoint"] == "NotFound"
    assert said["outcome of a missing endpoint"] == "done"
    assert said["created"] == [True, True, True, False]
    assert said["same attempt again"] == "ConditionFailed"
    assert said["attempt over two fewer"] == "ConditionFailed"
    assert said["attempt on a missing delivery"] == "ConditionFailed"
    assert said["got delivery"].status is DeliveryStatus.FAILED and len(said["got delivery"].attempts) == 1
    assert said["newest two"] == said["all"][:2] and len(said["all"]) == 3
    assert said["all"] == sorted(said["all"], reverse=True)
    assert (said["reopened"], said["reopened twice"]) == ("done", "ConditionFailed")
    assert said["after reopening"].redelivery is not None
    assert said["after delete"] == (None, ["wh_0000000000000002"])


def test_memory_double_answers_as_the_dynamodb_adapter() -> None:
    assert_double_answers_as_adapter(STORES, _transcript)
