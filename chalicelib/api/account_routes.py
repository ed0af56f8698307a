"""The routes of the caller's own account: API keys, settings, the audit log."""

from __future__ import annotations

from chalice.app import Response

from chalicelib.api.http import json_response, parse_model
from chalicelib.api.routing import (
    RouteGroup,
    audited,
    current_user,
    json_body,
    ports,
    query_params,
    signed_in_user,
)
from chalicelib.core import api_keys, audit, user_settings
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.models import CreateApiKeyRequest, ListAuditQuery, UserSettingsRequest

routes = RouteGroup("account")


@routes.api("/api-keys", "POST", "createApiKey", people_only=True)
def create_api_key() -> Response:
    user = signed_in_user()
    request = parse_model(CreateApiKeyRequest, json_body())
    created = api_keys.create_api_key(ports(), user, request)
    audited(AuditAction.API_KEY_CREATE, created["apiKey"]["id"], name=request.name)
    return json_response(created, 201)


@routes.api("/api-keys", "GET", "listApiKeys", people_only=True)
def list_api_keys() -> Response:
    keys = api_keys.list_api_keys(ports(), signed_in_user())
    return json_response({"apiKeys": [key.model_dump(mode="json") for key in keys]})


@routes.api("/api-keys/{key_id}", "DELETE", "revokeApiKey", people_only=True)
def revoke_api_key(key_id: str) -> Response:
    api_keys.revoke_api_key(ports(), signed_in_user(), key_id)
    audited(AuditAction.API_KEY_REVOKE, key_id)
    return json_response({"success": True})


@routes.api("/settings", "GET", "getSettings")
def get_user_settings() -> Response:
    settings = user_settings.read(ports(), current_user())
    return json_response({"settings": settings.model_dump(mode="json")})


@routes.api("/settings", "PUT", "putSettings", people_only=True)
def put_user_settings() -> Response:
    user = signed_in_user()
    request = parse_model(UserSettingsRequest, json_body())
    settings = user_settings.update(ports(), user, request)
    catalogue = settings.line_item_catalogue
    audited(
        AuditAction.SETTINGS_UPDATE,
        user,
        reviewRequired=settings.review_required,
        lineItemCatalogue=f"{len(catalogue.entries)} entries" if catalogue else "default",
        company="set" if settings.company else "none",
    )
    return json_response({"settings": settings.model_dump(mode="json")})


@routes.api("/audit", "GET", "listAuditEntries")
def list_audit() -> Response:
    query = parse_model(ListAuditQuery, query_params(), "query string")
    return json_response(audit.list_entries(ports(), current_user(), query))
