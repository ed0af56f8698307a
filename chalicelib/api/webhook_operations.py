"""What each webhook route answers, for the OpenAPI document (`openapi.py` merges these with
`operations.OPERATIONS`; apart only to keep either module readable)."""

from __future__ import annotations

from pydantic.json_schema import JsonSchemaValue

from chalicelib.api.envelopes import (
    CreatedWebhook,
    DeliveryList,
    DeliveryQueued,
    Success,
    WebhookList,
    WebhookResponse,
)
from chalicelib.api.operations import Answer, Operation
from chalicelib.core.webhook_models import CreateWebhookRequest
from chalicelib.core.webhooks import DELIVERY_ID_PATTERN, ENDPOINT_ID_PATTERN

PATH_PARAMETERS: dict[str, JsonSchemaValue] = {
    "webhook_id": {
        "description": "The webhook endpoint's id (`webhook.id`). Another account's endpoint is "
        "`404`, like one that does not exist.",
        "schema": {"type": "string", "pattern": ENDPOINT_ID_PATTERN.pattern},
    },
    "delivery_id": {
        "description": "A delivery's id (`delivery.id`, the `RestoreAssist-Delivery` header's).",
        "schema": {"type": "string", "pattern": DELIVERY_ID_PATTERN.pattern},
    },
}

_ADMIN: dict[int, tuple[str, ...]] = {403: ("WEBHOOKS_ADMIN_ONLY",)}
_ONE: dict[int, tuple[str, ...]] = {**_ADMIN, 404: ("WEBHOOK_NOT_FOUND",)}

_WEBHOOK_OPERATIONS = (
    Operation(
        operation_id="createWebhook",
        summary="Register an HTTPS endpoint for workflow events",
        description="The account's owner or a manager only. The URL must be https:// and its host "
        "must resolve to public addresses only (checked again at every delivery). Each delivery "
        "is a POST of JSON signed with the secret in this answer, shown this once: see the README's "
        "signature recipe. At most 10 endpoints per account.",
        tag="Webhooks",
        body=CreateWebhookRequest,
        body_examples={
            "completed": {
                "summary": "Completed and failed workflows",
                "value": {
                    "url": "https://hooks.example.com/restoreassist",
                    "events": ["workflow.completed", "workflow.failed"],
                    "description": "Job management system",
                },
            }
        },
        answer=Answer(201, "Registered; the secret is shown this once", (CreatedWebhook,)),
        errors={**_ADMIN, 400: ("INVALID_WEBHOOK_URL", "UNSAFE_WEBHOOK_URL"), 409: ("WEBHOOK_LIMIT",)},
    ),
    Operation(
        operation_id="listWebhooks",
        summary="List the account's webhook endpoints (never their secrets)",
        tag="Webhooks",
        answer=Answer(200, "The endpoints", (WebhookList,)),
        errors=_ADMIN,
    ),
    Operation(
        operation_id="deleteWebhook",
        summary="Delete a webhook endpoint",
        description="Its queued deliveries end FAILED when they come up; nothing more is sent.",
        tag="Webhooks",
        answer=Answer(200, "Deleted", (Success,)),
        errors=_ONE,
    ),
    Operation(
        operation_id="rotateWebhookSecret",
        summary="Replace an endpoint's signing secret",
        description="The new secret is in this answer and never again. For 24 hours the old one "
        "signs too (a second `v1=` in the signature header), so a receiver can switch over.",
        tag="Webhooks",
        answer=Answer(200, "The new secret, shown this once", (CreatedWebhook,)),
        errors=_ONE,
    ),
    Operation(
        operation_id="enableWebhook",
        summary="Enable a FAILING endpoint again",
        description="An endpoint whose last 3 deliveries each failed every attempt is FAILING and "
        "gets no new deliveries until this.",
        tag="Webhooks",
        answer=Answer(200, "The endpoint, ACTIVE", (WebhookResponse,)),
        errors=_ONE,
    ),
    Operation(
        operation_id="testWebhook",
        summary="Send a webhook.test delivery to an endpoint",
        description="Queued at once, signed and retried like any delivery; sent even to a FAILING "
        "endpoint, and never counted for or against it.",
        tag="Webhooks",
        answer=Answer(202, "Queued", (DeliveryQueued,)),
        errors=_ONE,
    ),
    Operation(
        operation_id="listWebhookDeliveries",
        summary="An endpoint's deliveries and their attempts, newest first",
        description="Each attempt's status code, duration and error class, and at most 200 "
        "characters of the answer; when the next attempt is due.",
        tag="Webhooks",
        answer=Answer(200, "The deliveries", (DeliveryList,)),
        errors=_ONE,
    ),
    Operation(
        operation_id="redeliverWebhookDelivery",
        summary="Send a failed (or dead-lettered) delivery once more",
        description="One new attempt of the delivery, queued and made like every attempt (the "
        "same id and body, signed afresh) and listed after its earlier ones (`manual: true`); it "
        "is not retried on its own. A delivery still PENDING an hour after its next attempt was "
        "due (its message dead-lettered) may be sent again too. Idempotent: a repeat within 10 s, "
        "or a request racing another, answers the redelivery under way and queues nothing more. "
        "Sent even to a FAILING endpoint; a success resets its count of failed deliveries. The "
        "account's owner or a manager only.",
        tag="Webhooks",
        answer=Answer(202, "Queued (or the redelivery already under way)", (DeliveryQueued,)),
        errors={
            **_ADMIN,
            404: ("WEBHOOK_NOT_FOUND", "DELIVERY_NOT_FOUND"),
            409: ("DELIVERY_SUCCEEDED", "DELIVERY_PENDING"),
        },
    ),
)
OPERATIONS: dict[str, Operation] = {op.operation_id: op for op in _WEBHOOK_OPERATIONS}
