"""Per-user API keys for field apps: created with a secret shown once, kept as a hash.

A secret reads `rak_<keyId>_<random>`: the key id inside it finds the record in one read, and
the SHA-256 of the whole secret is compared in constant time. The secrets are 256 random bits,
so a fast hash is the right one (slow hashes are for guessable passwords).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta
from typing import Any

from chalicelib.core import live_progress
from chalicelib.core.errors import NotFoundError
from chalicelib.core.models import ApiKey, CreateApiKeyRequest, iso, utc_now
from chalicelib.core.ports import Ports

SECRET_PREFIX = "rak_"
SECRET_PATTERN = re.compile(r"^rak_(?P<key_id>[0-9a-f]{16})_[A-Za-z0-9_-]{43}$")
KEY_ID_PATTERN = re.compile(r"^[0-9a-f]{16}$")
LAST_USED_RESOLUTION = timedelta(minutes=1)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_api_key(ports: Ports, user_id: str, request: CreateApiKeyRequest) -> dict[str, Any]:
    key_id = secrets.token_hex(8)
    secret = f"{SECRET_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
    key = ApiKey(id=key_id, user_id=user_id, name=request.name, prefix=secret[:12], created_at=utc_now())
    ports.api_keys.put(key, _hash(secret))
    return {"apiKey": key.model_dump(mode="json"), "secret": secret}


def list_api_keys(ports: Ports, user_id: str) -> list[ApiKey]:
    return ports.api_keys.list_for_user(user_id)


def revoke_api_key(ports: Ports, user_id: str, key_id: str) -> None:
    """Revoke one of the caller's keys; revoking it again is fine, another user's is 404."""
    found = ports.api_keys.get(key_id) if KEY_ID_PATTERN.fullmatch(key_id) else None
    if found is None or found[0].user_id != user_id:
        # Not echoed back: the id came from the URL, and may be anything the caller typed.
        raise NotFoundError("No such API key", code="API_KEY_NOT_FOUND")
    if found[0].revoked_at is None:
        ports.api_keys.revoke(key_id, user_id, iso(utc_now()))
    # Its open sockets close now: a revoked key must not keep receiving a workflow's events
    live_progress.close_connections_of_key(ports, key_id)


def verify_api_key(ports: Ports, secret: str) -> ApiKey | None:
    """The live key this secret belongs to, or None (unknown, wrong, or revoked)."""
    match = SECRET_PATTERN.fullmatch(secret)
    found = ports.api_keys.get(match["key_id"]) if match else None
    if found is None:
        return None
    key, stored_hash = found
    if not hmac.compare_digest(stored_hash, _hash(secret)) or key.revoked_at is not None:
        return None
    return key


def note_use(ports: Ports, key_id: str) -> bool:
    """Set the key's `lastUsedAt`, at most once a minute; True if this call set it.

    Done by the route, not the authorizer: the authorizer only reads, and the route knows the
    request (its source IP and id) for the audit entry of the use.
    """
    now = utc_now()
    return ports.api_keys.touch(key_id, iso(now), iso(now - LAST_USED_RESOLUTION))
