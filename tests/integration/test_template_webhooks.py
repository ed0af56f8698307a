"""The packaged template's webhooks (docs/adr/0021-webhooks.md): the delivery worker reaches the
webhooks table, its queue and the secrets key's Decrypt only; only the API seals a secret; no
function may send to a local receiver. Skips like test_packaged_template.py when there is none."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.sam_template import as_list, getatt_target, load_packaged_template, policy_statements

SENDER = "DeliverWebhooks"


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_packaged_template()


def _allows(template: dict[str, Any], function: str) -> list[dict[str, Any]]:
    return [
        s
        for owner, s in policy_statements(template)
        if owner == f"{function}Access" and s["Effect"] == "Allow"
    ]


def test_the_delivery_worker_reaches_no_workflow_document_or_socket(template: dict[str, Any]) -> None:
    text = json.dumps(_allows(template, SENDER))
    for elsewhere in (
        "WorkflowsTable",
        "DocumentsBucket",
        "ConnectionsTable",
        "AuditTable",
        "states:",
        "s3:",
    ):
        assert elsewhere not in text, elsewhere
    assert "WebhooksTable" in text and "WebhookDeliveriesQueue" in text
    variables = template["Resources"][SENDER]["Properties"]["Environment"]["Variables"]
    assert {"WEBHOOKS_TABLE_NAME", "WEBHOOK_QUEUE_URL", "WEBHOOK_SECRETS_KEY_ID"} <= set(variables)


def test_only_the_api_seals_and_only_the_worker_opens_webhook_secrets(template: dict[str, Any]) -> None:
    users: dict[str, set[str]] = {}
    for owner, statement in policy_statements(template):
        if statement["Effect"] == "Allow" and getatt_target(statement["Resource"]) == "WebhookSecretsKey":
            users.setdefault(owner, set()).update(as_list(statement["Action"]))
            assert statement["Condition"] == {
                "StringEquals": {"kms:EncryptionContext:purpose": "webhook-signing-secret"}
            }
    assert users == {"APIHandlerAccess": {"kms:Encrypt"}, f"{SENDER}Access": {"kms:Decrypt"}}


def test_no_function_may_send_to_a_local_receiver(template: dict[str, Any]) -> None:
    assert "WEBHOOKS_ALLOW_LOCAL_RECEIVERS" not in json.dumps(template)


def test_deliveries_reach_the_worker_through_a_queue_with_a_dead_letter_queue(
    template: dict[str, Any],
) -> None:
    resources = template["Resources"]
    queue = resources["WebhookDeliveriesQueue"]["Properties"]
    assert getatt_target(queue["RedrivePolicy"]["deadLetterTargetArn"]) == "WebhookDeliveriesDeadLetterQueue"
    # Six times the worker's timeout: a batch in flight is not handed to a second worker
    assert queue["VisibilityTimeout"] >= 6 * resources[SENDER]["Properties"]["Timeout"]
    (event,) = resources[SENDER]["Properties"]["Events"].values()
    assert event["Type"] == "SQS"
    assert event["Properties"]["Queue"] == {"Fn::Sub": "${WebhookDeliveriesQueue.Arn}"}
    assert event["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert event["Properties"]["ScalingConfig"]["MaximumConcurrency"] <= 10
