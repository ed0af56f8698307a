"""Who is calling: the user id behind a request.

On AWS, API Gateway's Cognito authorizer has verified the JWT before the Lambda runs and
hands over its claims; the user id is the `sub` claim. Locally there is no Cognito, so
tokens are HS256 JWTs signed with a development key, verified here in full. A deployment
never trusts dev tokens: the mode is `cognito` unless AUTH_MODE=dev is set.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from typing import Any

from chalicelib.errors import UnauthorizedError
from chalicelib.settings import AuthMode, Settings

DEV_ISSUER = "restoreassist-local"
DEV_TOKEN_TTL_SECONDS = 12 * 3600
# User ids end up in S3 keys and index keys: keep them to a safe alphabet.
USER_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}$")


def user_id_for(headers: Mapping[str, str], request_context: Mapping[str, Any], settings: Settings) -> str:
    if settings.auth_mode is AuthMode.COGNITO:
        claims = (request_context.get("authorizer") or {}).get("claims") or {}
        return _checked_user_id(claims.get("sub"))
    return verify_dev_token(bearer_token(headers), settings.dev_auth_secret)


def bearer_token(headers: Mapping[str, str]) -> str:
    value = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise UnauthorizedError("Send 'Authorization: Bearer <token>'")
    return token.strip()


def verify_dev_token(token: str, secret: str) -> str:
    import jwt  # deferred: only the dev mode needs it

    if not secret:
        raise UnauthorizedError("Development tokens are not configured")
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],
            issuer=DEV_ISSUER,
            options={"require": ["sub", "exp", "iss"]},
        )
    except jwt.PyJWTError as exc:
        raise UnauthorizedError(f"Invalid token: {exc}") from exc
    return _checked_user_id(claims.get("sub"))


def issue_dev_token(user_id: str, secret: str, ttl_seconds: int = DEV_TOKEN_TTL_SECONDS) -> str:
    import jwt

    _checked_user_id(user_id)
    now = int(time.time())
    payload = {"sub": user_id, "iss": DEV_ISSUER, "iat": now, "exp": now + ttl_seconds}
    return jwt.encode(payload, secret, algorithm="HS256")


def _checked_user_id(value: Any) -> str:
    if not isinstance(value, str) or not USER_ID_PATTERN.fullmatch(value):
        raise UnauthorizedError("The token names no valid user")
    return value
