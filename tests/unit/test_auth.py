"""Who is calling: Cognito claims on AWS, signed development tokens locally."""

from __future__ import annotations

import time
from collections.abc import Callable

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from chalicelib.api.auth import DEV_ISSUER, INVALID_TOKEN, issue_dev_token, principal_for
from chalicelib.core.errors import UnauthorizedError
from chalicelib.core.identity import Principal
from chalicelib.settings import AuthMode, Settings
from tests.memory_ports import MemoryPorts

SECRET = "unit-test-secret-0123456789abcdef0123456789"
DEV = Settings(auth_mode=AuthMode.DEV, dev_auth_secret=SECRET)
COGNITO = Settings(auth_mode=AuthMode.COGNITO)


RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _in(seconds: int) -> int:
    return int(time.time()) + seconds


def _bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def user_id_for(headers: dict[str, str], context: dict[str, object], settings: Settings) -> str:
    return principal_for(MemoryPorts(), headers, context, settings).user_id


def test_a_dev_token_names_its_user() -> None:
    before = int(time.time())
    principal = principal_for(
        MemoryPorts(), _bearer(issue_dev_token("alice", SECRET, ttl_seconds=600)), {}, DEV
    )
    assert (principal.user_id, principal.api_key_id) == ("alice", None)
    # and when it stops being valid: its WebSocket closes then
    assert principal.expires_at is not None and before + 600 <= principal.expires_at <= int(time.time()) + 600


@pytest.mark.parametrize(
    "make_headers",
    [
        lambda: {},
        lambda: {"authorization": "Basic YWxpY2U6cHc="},
        lambda: {"authorization": "Bearer "},
        lambda: {"authorization": "Bearer not-a-jwt"},
        lambda: _bearer(issue_dev_token("alice", "another-secret-0123456789abcdef0123")),
        lambda: _bearer(jwt.encode({"sub": "alice", "iss": DEV_ISSUER, "exp": int(time.time()) - 5}, SECRET)),
        lambda: _bearer(
            jwt.encode({"sub": "alice", "iss": "someone-else", "exp": int(time.time()) + 60}, SECRET)
        ),
        lambda: _bearer(
            jwt.encode({"sub": "../bob", "iss": DEV_ISSUER, "exp": int(time.time()) + 60}, SECRET)
        ),
        lambda: _bearer(jwt.encode({"sub": "alice", "iss": DEV_ISSUER}, SECRET)),
        lambda: _bearer(
            jwt.encode({"sub": "alice", "iss": DEV_ISSUER, "exp": _in(600), "nbf": _in(300)}, SECRET)
        ),
        lambda: _bearer(
            jwt.encode({"sub": "alice", "iss": DEV_ISSUER, "exp": _in(60)}, SECRET * 2, algorithm="HS512")
        ),
        lambda: _bearer(
            jwt.encode({"sub": "alice", "iss": DEV_ISSUER, "exp": _in(60)}, RSA_KEY, algorithm="RS256")
        ),
        lambda: _bearer(issue_dev_token("alice", SECRET)[:-3] + "abc"),
    ],
    ids=[
        "none",
        "basic",
        "empty",
        "garbage",
        "wrong-key",
        "expired",
        "issuer",
        "bad-sub",
        "no-exp",
        "not-yet-valid",
        "other-hmac",
        "rs256",
        "bad-signature",
    ],
)
def test_anything_but_a_valid_dev_token_is_unauthorized(make_headers: Callable[[], dict[str, str]]) -> None:
    # The token is made when the test runs: one made at collection could be valid by then
    with pytest.raises(UnauthorizedError) as refused:
        user_id_for(make_headers(), {}, DEV)
    # Which check failed is not the caller's business
    assert "Bearer" in refused.value.message or refused.value.message == INVALID_TOKEN


def test_an_unsigned_token_is_refused() -> None:
    # Given a token with alg "none" (the classic JWT forgery)
    token = jwt.encode(
        {"sub": "alice", "iss": DEV_ISSUER, "exp": int(time.time()) + 60}, None, algorithm="none"
    )
    with pytest.raises(UnauthorizedError):
        user_id_for(_bearer(token), {}, DEV)


def test_dev_mode_ignores_claims_it_did_not_verify() -> None:
    # Given a request context claiming to be bob, but alice's signed token
    context = {"authorizer": {"claims": {"sub": "bob"}}}
    assert user_id_for(_bearer(issue_dev_token("alice", SECRET)), context, DEV) == "alice"


def test_cognito_mode_takes_the_user_the_gateway_authorizer_verified() -> None:
    context = {"authorizer": {"principalId": "6f1c2a9e-1111-2222-3333-444455556666", "apiKeyId": ""}}
    assert principal_for(MemoryPorts(), {}, context, COGNITO) == Principal(
        "6f1c2a9e-1111-2222-3333-444455556666"
    )
    with_key = {"authorizer": {"principalId": "alice", "apiKeyId": "0123456789abcdef"}}
    assert principal_for(MemoryPorts(), {}, with_key, COGNITO) == Principal("alice", "0123456789abcdef")


def test_cognito_mode_without_a_verified_user_is_unauthorized() -> None:
    # A dev token means nothing on AWS: only what the gateway's authorizer verified counts
    with pytest.raises(UnauthorizedError):
        user_id_for(_bearer(issue_dev_token("alice", SECRET)), {}, COGNITO)
