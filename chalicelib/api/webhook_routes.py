"""The webhook routes (#22 part 5): an account's admins register, list, rotate, test and delete
endpoints, and read each one's deliveries.

Registered by app.py through its own `api(...)` decorator (`register(api, Edge(...))`), so each
route is authenticated, rate limited, answers errors as `{"error": ...}` and is recorded in
`app.ROUTES` for the OpenAPI document exactly like the routes written in app.py, while app.py
stays one screen of entry points. A Chalice Blueprint would register the routes too, but the
authorizers are app.py's, and this layer may not import the wiring: what a handler needs from
app.py comes in the `Edge`. People only, like the API keys' routes: a field app's key manages
nothing of the account's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from chalice.app import Chalice, Response

from chalicelib.api.http import json_response, parse_model
from chalicelib.core import webhooks
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.ports import Ports
from chalicelib.core.webhook_models import CreateWebhookRequest

Route = Callable[[Callable[..., Response]], Any]


@dataclass(frozen=True)
class Edge:
    """What the handlers need from app.py."""

    app: Chalice
    ports: Callable[[], Ports]
    signed_in_user: Callable[[], str]
    audited: Callable[..., None]


def register(api: Callable[..., Route], edge: Edge) -> None:
    @api("/webhooks", "POST", "createWebhook", people_only=True)
    def create_webhook() -> Response:
        user = edge.signed_in_user()
        current = edge.app.current_request
        request = parse_model(CreateWebhookRequest, current.json_body if current is not None else None)
        created = webhooks.create_endpoint(edge.ports(), user, request)
        # The host only: a URL's path or query may carry the receiver's own token.
        host = urlsplit(request.url).hostname
        edge.audited(
            AuditAction.WEBHOOK_CREATE,
            created["webhook"]["id"],
            host=host,
            events=[*map(str, request.events)],
        )
        return json_response(created, 201)

    @api("/webhooks", "GET", "listWebhooks", people_only=True)
    def list_webhooks() -> Response:
        found = webhooks.list_endpoints(edge.ports(), edge.signed_in_user())
        return json_response({"webhooks": [endpoint.model_dump(mode="json") for endpoint in found]})

    @api("/webhooks/{webhook_id}", "DELETE", "deleteWebhook", people_only=True)
    def delete_webhook(webhook_id: str) -> Response:
        webhooks.delete_endpoint(edge.ports(), edge.signed_in_user(), webhook_id)
        edge.audited(AuditAction.WEBHOOK_DELETE, webhook_id)
        return json_response({"success": True})

    @api("/webhooks/{webhook_id}/rotate-secret", "POST", "rotateWebhookSecret", people_only=True)
    def rotate_webhook_secret(webhook_id: str) -> Response:
        rotated = webhooks.rotate_secret(edge.ports(), edge.signed_in_user(), webhook_id)
        edge.audited(AuditAction.WEBHOOK_ROTATE_SECRET, webhook_id)
        return json_response(rotated)

    @api("/webhooks/{webhook_id}/enable", "POST", "enableWebhook", people_only=True)
    def enable_webhook(webhook_id: str) -> Response:
        endpoint = webhooks.enable_endpoint(edge.ports(), edge.signed_in_user(), webhook_id)
        edge.audited(AuditAction.WEBHOOK_ENABLE, webhook_id)
        return json_response({"webhook": endpoint.model_dump(mode="json")})

    @api("/webhooks/{webhook_id}/test", "POST", "testWebhook", people_only=True)
    def test_webhook(webhook_id: str) -> Response:
        delivery = webhooks.send_test(edge.ports(), edge.signed_in_user(), webhook_id)
        edge.audited(AuditAction.WEBHOOK_TEST, webhook_id, deliveryId=delivery.id)
        return json_response({"delivery": delivery.model_dump(mode="json")}, 202)

    @api("/webhooks/{webhook_id}/deliveries", "GET", "listWebhookDeliveries", people_only=True)
    def list_webhook_deliveries(webhook_id: str) -> Response:
        found = webhooks.list_deliveries(edge.ports(), edge.signed_in_user(), webhook_id)
        return json_response({"deliveries": [delivery.model_dump(mode="json") for delivery in found]})

    @api(
        "/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
        "POST",
        "redeliverWebhookDelivery",
        people_only=True,
    )
    def redeliver_webhook_delivery(webhook_id: str, delivery_id: str) -> Response:
        delivery, queued = webhooks.redeliver(edge.ports(), edge.signed_in_user(), webhook_id, delivery_id)
        if queued:  # a repeated request changed nothing, and leaves no second entry
            attempt = delivery.redelivery.attempt if delivery.redelivery else None
            edge.audited(AuditAction.WEBHOOK_REDELIVER, webhook_id, deliveryId=delivery.id, attempt=attempt)
        return json_response({"delivery": delivery.model_dump(mode="json")}, 202)
