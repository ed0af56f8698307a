"""The API keys' routes (`/api-keys`): for signed-in people only, never for a key. Registered by
`app.py` through its own `api(...)` decorator, like the template routes (see template_routes.py)."""

from __future__ import annotations

from chalice.app import Response

from chalicelib.api.http import json_response, parse_model
from chalicelib.api.template_routes import ApiDecorator, Edge
from chalicelib.core import api_keys
from chalicelib.core.models import AuditAction, CreateApiKeyRequest


def register(api: ApiDecorator, edge: Edge) -> None:
    @api("/api-keys", "POST", "createApiKey", people_only=True)
    def create_api_key() -> Response:
        user = edge.person()
        request = parse_model(CreateApiKeyRequest, edge.body())
        created = api_keys.create_api_key(edge.ports(), user, request)
        edge.audited(AuditAction.API_KEY_CREATE, created["apiKey"]["id"], name=request.name)
        return json_response(created, 201)

    @api("/api-keys", "GET", "listApiKeys", people_only=True)
    def list_api_keys() -> Response:
        keys = api_keys.list_api_keys(edge.ports(), edge.person())
        return json_response({"apiKeys": [key.model_dump(mode="json") for key in keys]})

    @api("/api-keys/{key_id}", "DELETE", "revokeApiKey", people_only=True)
    def revoke_api_key(key_id: str) -> Response:
        api_keys.revoke_api_key(edge.ports(), edge.person(), key_id)
        edge.audited(AuditAction.API_KEY_REVOKE, key_id)
        return json_response({"success": True})
