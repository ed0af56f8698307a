"""Who is calling: the user behind a request, and whether an API key stood in for them.

Every caller sends `Authorization: Bearer <credential>`, where the credential is one of:

- a Cognito user pool JWT (on AWS; the user id is its `sub` claim),
- a development token, an HS256 JWT signed with the checkout's key (AUTH_MODE=dev only),
- an API key (`rak_...`) that a user created for a field app; it acts as that user.

On AWS the API Gateway authorizer (`gateway_principal`, in a Lambda of its own) verifies the credential
before the route runs and hands over the user id; the route trusts only that. Locally
(AUTH_MODE=dev) there is no API Gateway authorizer and the route verifies the credential
itself with the same `authenticate`. A deployment never trusts dev tokens: the mode is
`cognito` unless AUTH_MODE=dev is set.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from functools import cache
from typing import Any

from chalicelib.core import api_keys
from chalicelib.core.errors import UnauthorizedError
from chalicelib.core.identity import Principal
from chalicelib.core.ports import Ports
from chalicelib.settings import AuthMode, Settings

DEV_ISSUER = "restoreassist-local"
DEV_TOKEN_TTL_SECONDS = 12 * 3600
API_KEY_PREFIX = "rak_"
# One answer for every way a token can be wrong (bad signature, algorithm, expiry, issuer,
# audience): which check failed would help someone forging one, and nobody else.
INVALID_TOKEN = "The token is not valid"
# User ids end up in S3 keys and index keys: keep them to a safe alphabet.
USER_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}$")
POOL_ARN = re.compile(r"^arn:aws[a-z-]*:cognito-idp:(?P<region>[a-z0-9-]+):\d{12}:userpool/(?P<pool>[\w-]+)$")


def principal_for(
    ports: Ports, headers: Mapping[str, str], request_context: Mapping[str, Any], settings: Settings
) -> Principal:
    if settings.auth_mode is AuthMode.COGNITO:
        # Set by API Gateway's authorizers; nothing the caller sends can write it.
        verified = request_context.get("authorizer") or {}
        claims = verified.get("claims")
        if isinstance(claims, Mapping):
            return Principal(_user_of_pool_claims(claims, settings))
        return Principal(_checked_user_id(verified.get("principalId")), verified.get("apiKeyId") or None)
    return authenticate(ports, _authorization_header(headers), settings)


def authenticate(ports: Ports, authorization: str, settings: Settings) -> Principal:
    token = bearer_token(authorization)
    if token.startswith(API_KEY_PREFIX):
        key = api_keys.verify_api_key(ports, token)
        if key is None:
            raise UnauthorizedError("Unknown or revoked API key")
        return Principal(key.user_id, key.id)
    if settings.auth_mode is AuthMode.DEV:
        return Principal(verify_dev_token(token, settings.dev_auth_secret), expires_at=_expiry(token))
    return Principal(verify_cognito_token(token, settings), expires_at=_expiry(token))


def _expiry(verified_token: str) -> int | None:
    """A verified token's `exp` (its signature and `exp` were checked just before this read)."""
    import jwt

    expiry = jwt.decode(verified_token, options={"verify_signature": False}).get("exp")
    return int(expiry) if isinstance(expiry, int | float) else None


def gateway_principal(ports: Ports, authorization: str, settings: Settings) -> Principal:
    """For the API Gateway TOKEN authorizer: the caller, or the failure that means 401."""
    try:
        return authenticate(ports, authorization, settings)
    except UnauthorizedError:
        # API Gateway answers 401 exactly when the authorizer fails with "Unauthorized".
        raise Exception("Unauthorized") from None


def _authorization_header(headers: Mapping[str, str]) -> str:
    return next((v for k, v in headers.items() if k.lower() == "authorization"), "")


def bearer_token(authorization: str) -> str:
    scheme, _, token = authorization.partition(" ")
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
        raise UnauthorizedError(INVALID_TOKEN) from exc
    return _checked_user_id(claims.get("sub"))


def issue_dev_token(user_id: str, secret: str, ttl_seconds: int = DEV_TOKEN_TTL_SECONDS) -> str:
    import jwt

    _checked_user_id(user_id)
    now = int(time.time())
    payload = {"sub": user_id, "iss": DEV_ISSUER, "iat": now, "exp": now + ttl_seconds}
    return jwt.encode(payload, secret, algorithm="HS256")


def verify_cognito_token(token: str, settings: Settings) -> str:
    """An ID or access token of our user pool, for our app client, signed with the pool's key."""
    import jwt

    match = POOL_ARN.fullmatch(settings.cognito_user_pool_arn)
    if match is None or not settings.cognito_client_id:
        raise UnauthorizedError("Sign-in is not configured")
    issuer = f"https://cognito-idp.{match['region']}.amazonaws.com/{match['pool']}"
    try:
        signing_key = signing_keys(f"{issuer}/.well-known/jwks.json").get_signing_key_from_jwt(token)
        claims = jwt.decode(
            token,
            signing_key.key,
            algorithms=["RS256"],
            issuer=issuer,
            options={"require": ["sub", "exp", "iss", "token_use"], "verify_aud": False},
        )
    except jwt.PyJWTError as exc:
        raise UnauthorizedError(INVALID_TOKEN) from exc
    # ID tokens name the app client in `aud`, access tokens in `client_id`.
    audience = claims.get("aud") if claims.get("token_use") == "id" else claims.get("client_id")
    if claims.get("token_use") not in ("id", "access") or audience != settings.cognito_client_id:
        raise UnauthorizedError(INVALID_TOKEN)
    return _checked_user_id(claims.get("sub"))


@cache
def signing_keys(jwks_url: str) -> Any:
    """The pool's public keys, fetched once per container and cached by PyJWT."""
    import jwt

    return jwt.PyJWKClient(jwks_url, cache_keys=True, lifespan=3600)


def _user_of_pool_claims(claims: Mapping[str, Any], settings: Settings) -> str:
    """Claims API Gateway's Cognito authorizer verified (pool, signature, expiry). It does not
    check which app client a token is for; that is done here, as for our own verification."""
    token_use = claims.get("token_use")
    audience = claims.get("aud") if token_use == "id" else claims.get("client_id")
    if (
        token_use not in ("id", "access")
        or not settings.cognito_client_id
        or audience != settings.cognito_client_id
    ):
        raise UnauthorizedError(INVALID_TOKEN)
    return _checked_user_id(claims.get("sub"))


def _checked_user_id(value: Any) -> str:
    if not isinstance(value, str) or not USER_ID_PATTERN.fullmatch(value):
        raise UnauthorizedError(INVALID_TOKEN)
    return value
