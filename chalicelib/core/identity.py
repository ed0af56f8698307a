"""Who a request acts for: the user, and the API key that stood in for them (if one did).

The edge (`api/auth.py`) finds out from the credential; the domain only reads the answer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principal:
    user_id: str
    # The key's id when a field app's API key made the call, not the user's own sign-in.
    api_key_id: str | None = None
    # When the credential stops being valid (a token's `exp`, epoch seconds); None for an API
    # key, which stays valid until it is revoked.
    expires_at: int | None = None
