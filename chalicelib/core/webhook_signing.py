"""How a webhook delivery is signed, and how a receiver checks it (README: "Webhooks").

    RestoreAssist-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">[,v1=...]
    RestoreAssist-Delivery: <delivery id>   (the same on every attempt: a repeat is a replay)

The key is the endpoint's secret as shown at creation (`whsec_...`, its UTF-8 bytes). After a
rotation the old secret signs beside the new one for a while, so the header carries one `v1` per
live secret and a receiver accepts the body if any matches. Pure functions: no I/O.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence

SIGNATURE_HEADER = "RestoreAssist-Signature"
DELIVERY_HEADER = "RestoreAssist-Delivery"
EVENT_HEADER = "RestoreAssist-Event"
SECRET_PREFIX = "whsec_"
# A receiver refuses a signature older (or further ahead) than this: a captured request cannot be
# replayed later, and one replayed within it repeats a delivery id the receiver has seen.
TOLERANCE_SECONDS = 300


def new_secret() -> str:
    return f"{SECRET_PREFIX}{secrets.token_urlsafe(32)}"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def signature_header(secrets_: Sequence[str], timestamp: int, body: bytes) -> str:
    return ",".join([f"t={timestamp}", *(f"v1={signature(s, timestamp, body)}" for s in secrets_)])


def verify(secret: str, header: str, body: bytes, now: float, tolerance: int = TOLERANCE_SECONDS) -> bool:
    """True if one of the header's `v1` signatures is `secret`'s over this body, made within
    `tolerance` seconds of `now`. (A receiver also remembers delivery ids to refuse a replay.)"""
    parts = [part.split("=", 1) for part in header.split(",") if "=" in part]
    stamps = [value for name, value in parts if name.strip() == "t"]
    if len(stamps) != 1 or not stamps[0].strip().isdigit():
        return False
    timestamp = int(stamps[0])
    if abs(now - timestamp) > tolerance:
        return False
    expected = signature(secret, timestamp, body)
    return any(name.strip() == "v1" and hmac.compare_digest(value.strip(), expected) for name, value in parts)
