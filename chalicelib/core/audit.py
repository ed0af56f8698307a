"""The audit log: every mutation, once, with who, what, when, from where and which request.

Entries are appended after the mutation succeeded and are never changed or deleted through
the API (the template's IAM policy denies it, too). A refused request changes nothing and is
not an entry; API Gateway's and Lambda's own logs keep those.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from chalicelib.core.audit_models import AuditAction, AuditEntry
from chalicelib.core.identity import Principal
from chalicelib.core.models import ListAuditQuery, iso, utc_now
from chalicelib.core.paging import decode_page_token, encode_page_token
from chalicelib.core.ports import Ports


def request_meta(request_context: Mapping[str, Any]) -> tuple[str | None, str]:
    """The caller's source IP and API Gateway's request id (one is made up if there is none)."""
    identity = request_context.get("identity") or {}
    source_ip = identity.get("sourceIp") if isinstance(identity, Mapping) else None
    request_id = request_context.get("requestId") or f"local-{uuid.uuid4()}"
    return (str(source_ip) if source_ip else None), str(request_id)


def record(
    ports: Ports,
    principal: Principal,
    action: AuditAction,
    target_id: str,
    request_context: Mapping[str, Any],
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    source_ip, request_id = request_meta(request_context)
    at = utc_now()
    entry = AuditEntry(
        id=f"{iso(at)}#{request_id}#{action.value}",
        user_id=principal.user_id,
        api_key_id=principal.api_key_id,
        action=action,
        target_id=target_id,
        at=at,
        source_ip=source_ip,
        request_id=request_id,
        details=details,
    )
    ports.audit.append(entry)
    return entry


def list_entries(ports: Ports, user_id: str, query: ListAuditQuery) -> dict[str, Any]:
    cursor = decode_page_token(query.next_token) if query.next_token else None
    entries, next_cursor = ports.audit.list_for_user(user_id, limit=query.limit, cursor=cursor)
    return {
        "auditEntries": [entry.model_dump(mode="json") for entry in entries],
        "nextToken": encode_page_token(next_cursor) if next_cursor else None,
    }
