"""The webhook adapters on moto: the records keep the ports' contract (one delivery per id, an
attempt only over one fewer, FAILING at the threshold), KMS seals a secret that opens for its own
endpoint only, the local AES-GCM box does the same, and the queue caps SQS's delay."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest
from moto import mock_aws

from chalicelib.aws.webhook_queue import SqsWebhookQueue
from chalicelib.aws.webhook_records import DynamoWebhookRecords
from chalicelib.aws.webhook_secrets import KmsSecretBox, LocalSecretBox
from chalicelib.core.ports import ConditionFailed, NotFound, SecretUnavailableError
from chalicelib.core.webhook_models import (
    DeliveryAttempt,
    DeliveryStatus,
    EndpointStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from chalicelib.core.webhook_ports import SealedSecrets
from local_stack.provision import table_properties

NOW = datetime(2026, 12, 5, 10, tzinfo=UTC)
CONTEXT = {"purpose": "webhook-signing-secret", "orgId": "personal-u1", "endpointId": "wh_0123456789abcdef"}


@pytest.fixture
def aws() -> Iterator[None]:
    with mock_aws():
        yield


@pytest.fixture
def records(aws: None) -> DynamoWebhookRecords:
    dynamodb = boto3.resource("dynamodb", region_name="us-east-1")
    return DynamoWebhookRecords(
        dynamodb.create_table(TableName="webhooks", **table_properties("WebhooksTable"))
    )


def endpoint() -> WebhookEndpoint:
    return WebhookEndpoint(
        id="wh_0123456789abcdef",
        org_id="personal-u1",
        url="https://hooks.example.com/x",
        events=[WebhookEvent.WORKFLOW_COMPLETED],
        created_by="u1",
        created_at=NOW,
        secret_created_at=NOW,
    )


def delivery() -> WebhookDelivery:
    return WebhookDelivery(
        id="dlv_17649288000000123456789abcdef",
        endpoint_id="wh_0123456789abcdef",
        org_id="personal-u1",
        event=WebhookEvent.WORKFLOW_COMPLETED,
        event_id="wf_1:7",
        workflow_id="wf_1",
        created_at=NOW,
        payload={"id": "dlv_1", "type": "workflow.completed", "data": {"ratio": 0.5}},
    )


def test_endpoints_keep_their_sealed_secrets_apart_and_turn_failing_at_the_threshold(
    records: DynamoWebhookRecords,
) -> None:
    records.put_endpoint(endpoint(), SealedSecrets("sealed-1"))
    with pytest.raises(ConditionFailed):
        records.put_endpoint(endpoint(), SealedSecrets("sealed-2"))
    found = records.get_endpoint("personal-u1", "wh_0123456789abcdef")
    assert found is not None and found[1] == SealedSecrets("sealed-1")
    assert "sealed" not in json.dumps(found[0].model_dump(mode="json"))
    assert [e.id for e in records.list_endpoints("personal-u1")] == ["wh_0123456789abcdef"]
    assert records.list_endpoints("personal-u2") == []
    records.note_outcome("personal-u1", "wh_0123456789abcdef", False, 2)
    records.note_outcome("personal-u1", "wh_0123456789abcdef", True, 2)  # a success resets the count
    records.note_outcome("personal-u1", "wh_0123456789abcdef", False, 2)
    (listed,) = records.list_endpoints("personal-u1")
    assert listed.status is EndpointStatus.ACTIVE and listed.consecutive_failures == 1
    records.note_outcome("personal-u1", "wh_0123456789abcdef", False, 2)
    (listed,) = records.list_endpoints("personal-u1")
    assert listed.status is EndpointStatus.FAILING and listed.failing_since is not None
    enabled = records.set_status("personal-u1", "wh_0123456789abcdef", EndpointStatus.ACTIVE)
    assert enabled.status is EndpointStatus.ACTIVE and enabled.consecutive_failures == 0
    assert enabled.failing_since is None
    rotated = endpoint()
    rotated.previous_secret_expires_at = NOW
    records.replace_secrets(rotated, SealedSecrets("sealed-3", "sealed-1"))
    found = records.get_endpoint("personal-u1", rotated.id)
    assert found is not None and found[1] == SealedSecrets("sealed-3", "sealed-1")
    assert found[0].previous_secret_expires_at == NOW
    records.delete_endpoint("personal-u1", rotated.id)
    with pytest.raises(NotFound):
        records.replace_secrets(rotated, SealedSecrets("sealed-4"))
    with pytest.raises(NotFound):
        records.set_status("personal-u1", rotated.id, EndpointStatus.ACTIVE)
    records.note_outcome("personal-u1", rotated.id, False, 1)  # gone: nothing to count


def test_a_delivery_is_created_once_and_its_attempts_recorded_in_order(records: DynamoWebhookRecords) -> None:
    made = delivery()
    assert records.create_delivery(made) is True
    assert records.create_delivery(made) is False
    made.attempts.append(
        DeliveryAttempt(attempt=1, at=NOW, duration_ms=12, status_code=503, error="HTTP_503")
    )
    records.record_attempt(made)
    with pytest.raises(ConditionFailed):
        records.record_attempt(made)  # attempt 1 again: another worker recorded it
    made.attempts.append(DeliveryAttempt(attempt=2, at=NOW, duration_ms=8, status_code=200))
    made.status = DeliveryStatus.SUCCEEDED
    records.record_attempt(made)
    stored = records.get_delivery(made.endpoint_id, made.id)
    assert stored is not None and stored.status is DeliveryStatus.SUCCEEDED
    assert [a.status_code for a in stored.attempts] == [503, 200]
    assert stored.payload == made.payload
    older = delivery()
    older.id = "dlv_17649287000000123456789abcdef"
    records.create_delivery(older)
    assert [d.id for d in records.list_deliveries(made.endpoint_id, 10)] == [made.id, older.id]


def test_kms_seals_a_secret_that_opens_for_its_own_endpoint_only(aws: None) -> None:
    kms = boto3.client("kms", region_name="us-east-1")
    key_id = kms.create_key()["KeyMetadata"]["Arn"]
    box = KmsSecretBox(kms, key_id)
    sealed = box.seal("whsec_abc", CONTEXT)
    assert "whsec_abc" not in sealed and sealed.startswith("kms:")
    assert box.open(sealed, CONTEXT) == "whsec_abc"
    with pytest.raises(Exception):  # noqa: B017 - KMS's InvalidCiphertextException
        box.open(sealed, {**CONTEXT, "endpointId": "wh_ffffffffffffffff"})


def test_the_local_box_binds_a_secret_to_its_endpoint_too() -> None:
    box = LocalSecretBox(base64.b64decode(base64.b64encode(b"k" * 32)))
    sealed = box.seal("whsec_abc", CONTEXT)
    assert "whsec_abc" not in sealed
    assert box.open(sealed, CONTEXT) == "whsec_abc"
    with pytest.raises(SecretUnavailableError):
        box.open(sealed, {**CONTEXT, "orgId": "personal-u2"})
    with pytest.raises(SecretUnavailableError):
        LocalSecretBox(b"j" * 32).open(sealed, CONTEXT)


def test_the_queue_sends_whole_seconds_of_delay_within_sqs_limit(aws: None) -> None:
    sqs = boto3.client("sqs", region_name="us-east-1")
    url = sqs.create_queue(QueueName="deliveries")["QueueUrl"]
    sent: list[dict[str, Any]] = []

    class Recording:
        def send_message(self, **kwargs: Any) -> Any:
            sent.append(kwargs)
            return sqs.send_message(**kwargs)

    queue = SqsWebhookQueue(Recording(), url)
    queue.send({"deliveryId": "dlv_1", "attempt": 1})
    queue.send({"deliveryId": "dlv_1", "attempt": 2}, 0.2)
    queue.send({"deliveryId": "dlv_1", "attempt": 3}, 5000)
    assert [m["DelaySeconds"] for m in sent] == [0, 1, 900]
    assert json.loads(sent[0]["MessageBody"]) == {"deliveryId": "dlv_1", "attempt": 1}
