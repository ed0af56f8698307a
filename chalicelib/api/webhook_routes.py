"""The webhook routes (#22 part 5, ADR 0021): an account's admins register, list, rotate, test
and delete endpoints, read each one's deliveries and redeliver a failed one.

Declared on a `RouteGroup` like every other group (authenticated, rate limited, errors as
`{"error": ...}`, recorded in `ROUTES` for the OpenAPI document). People only, like the API
keys' routes: a field app's key manages nothing of the account's.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from chalice.app import Response

from chalicelib.api.http import json_response, parse_model
from chalicelib.api.routing import RouteGroup, audited, json_body, ports, signed_in_user
from chalicelib.core import webhooks
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.webhook_models import CreateWebhookRequest

routes = RouteGroup("webhooks")


@routes.api("/webhooks", "POST", "createWebhook", people_only=True)
def create_webhook() -> Response:
    user = signed_in_user()
    body = parse_model(CreateWebhookRequest, json_body())
    created = webhooks.create_endpoint(ports(), user, body)
    # The host only: a URL's path or query may carry the receiver's own token.
    host = urlsplit(body.url).hostname
    audited(AuditAction.WEBHOOK_CREATE, created["webhook"]["id"], host=host, events=[*map(str, body.events)])
    return json_response(created, 201)


@routes.api("/webhooks", "GET", "listWebhooks", people_only=True)
def list_webhooks() -> Response:
    found = webhooks.list_endpoints(ports(), signed_in_user())
    return json_response({"webhooks": [endpoint.model_dump(mode="json") for endpoint in found]})


@routes.api("/webhooks/{webhook_id}", "DELETE", "deleteWebhook", people_only=True)
def delete_webhook(webhook_id: str) -> Response:
    webhooks.delete_endpoint(ports(), signed_in_user(), webhook_id)
    audited(AuditAction.WEBHOOK_DELETE, webhook_id)
    return json_response({"success": True})


@routes.api("/webhooks/{webhook_id}/rotate-secret", "POST", "rotateWebhookSecret", people_only=True)
def rotate_webhook_secret(webhook_id: str) -> Response:
    rotated = webhooks.rotate_secret(ports(), signed_in_user(), webhook_id)
    audited(AuditAction.WEBHOOK_ROTATE_SECRET, webhook_id)
    return json_response(rotated)


@routes.api("/webhooks/{webhook_id}/enable", "POST", "enableWebhook", people_only=True)
def enable_webhook(webhook_id: str) -> Response:
    endpoint = webhooks.enable_endpoint(ports(), signed_in_user(), webhook_id)
    audited(AuditAction.WEBHOOK_ENABLE, webhook_id)
    return json_response({"webhook": endpoint.model_dump(mode="json")})


@routes.api("/webhooks/{webhook_id}/test", "POST", "testWebhook", people_only=True)
def test_webhook(webhook_id: str) -> Response:
    delivery = webhooks.send_test(ports(), signed_in_user(), webhook_id)
    audited(AuditAction.WEBHOOK_TEST, webhook_id, deliveryId=delivery.id)
    return json_response({"delivery": delivery.model_dump(mode="json")}, 202)


@routes.api("/webhooks/{webhook_id}/deliveries", "GET", "listWebhookDeliveries", people_only=True)
def list_webhook_deliveries(webhook_id: str) -> Response:
    found = webhooks.list_deliveries(ports(), signed_in_user(), webhook_id)
    return json_response({"deliveries": [delivery.model_dump(mode="json") for delivery in found]})


@routes.api(
    "/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
    "POST",
    "redeliverWebhookDelivery",
    people_only=True,
)
def redeliver_webhook_delivery(webhook_id: str, delivery_id: str) -> Response:
    delivery, queued = webhooks.redeliver(ports(), signed_in_user(), webhook_id, delivery_id)
    if queued:  # a repeated request changed nothing, and leaves no second entry
        attempt = delivery.redelivery.attempt if delivery.redelivery else None
        audited(AuditAction.WEBHOOK_REDELIVER, webhook_id, deliveryId=delivery.id, attempt=attempt)
    return json_response({"delivery": delivery.model_dump(mode="json")}, 202)
