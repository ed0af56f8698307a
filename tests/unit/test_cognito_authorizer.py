"""The API Gateway authorizer on AWS: Cognito JWTs checked against the pool's keys."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from chalicelib.api import auth
from chalicelib.core.errors import UnauthorizedError
from chalicelib.core.identity import Principal
from chalicelib.settings import AuthMode, Settings
from tests.memory_ports import MemoryPorts

POOL_ARN = "arn:aws:cognito-idp:ap-southeast-2:123456789012:userpool/ap-southeast-2_AbCdEf123"
ISSUER = "https://cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_AbCdEf123"
CLIENT_ID = "4example0client0id0000000"
COGNITO = Settings(auth_mode=AuthMode.COGNITO, cognito_user_pool_arn=POOL_ARN, cognito_client_id=CLIENT_ID)
POOL_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeJwks:
    """Stands in for the pool's JWKS endpoint (no network in tests)."""

    def __init__(self, url: str) -> None:
        assert url == f"{ISSUER}/.well-known/jwks.json"

    def get_signing_key_from_jwt(self, token: str) -> Any:
        class Key:
            key = POOL_KEY.public_key()

        return Key()


@pytest.fixture(autouse=True)
def pool_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "signing_keys", FakeJwks)


def _forge(header: dict[str, Any], secret: bytes | None = None) -> str:
    """A token with any header, signed by hand (or not at all): what an attacker would send."""

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    now = int(time.time())
    claims = {
        "sub": "alice",
        "iss": ISSUER,
        "token_use": "id",
        "aud": CLIENT_ID,
        "iat": now,
        "exp": now + 600,
    }
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest() if secret else b""
    return f"{signing_input}.{b64(signature)}"


def _token(key: rsa.RSAPrivateKey = POOL_KEY, **claims: Any) -> str:
    now = int(time.time())
    body = {
        "sub": "6f1c2a9e-1111-2222-3333-444455556666",
        "iss": ISSUER,
        "token_use": "id",
        "aud": CLIENT_ID,
        "iat": now,
        "exp": now + 600,
        **claims,
    }
    return jwt.encode({k: v for k, v in body.items() if v is not None}, key, algorithm="RS256")


def test_an_id_token_of_the_pool_names_its_user() -> None:
    token = _token()
    principal = auth.authenticate(MemoryPorts(), f"Bearer {token}", COGNITO)
    expiry = jwt.decode(token, options={"verify_signature": False})["exp"]
    assert principal == Principal("6f1c2a9e-1111-2222-3333-444455556666", expires_at=expiry)


def test_an_access_token_names_the_client_in_client_id() -> None:
    token = _token(token_use="access", aud=None, client_id=CLIENT_ID)
    assert auth.authenticate(MemoryPorts(), f"Bearer {token}", COGNITO).user_id.startswith("6f1c2a9e")


@pytest.mark.parametrize(
    "make_token",
    [
        lambda: _token(key=OTHER_KEY),
        lambda: _token(iss="https://cognito-idp.ap-southeast-2.amazonaws.com/another-pool"),
        lambda: _token(aud="another-client"),
        lambda: _token(token_use="refresh"),
        lambda: _token(token_use=None),
        lambda: _token(exp=int(time.time()) - 10),
        lambda: _token(nbf=int(time.time()) + 600),
        lambda: _token(exp=None),
        lambda: _token(sub="../../etc"),
        lambda: jwt.encode(
            {"sub": "alice", "iss": ISSUER, "token_use": "id", "aud": CLIENT_ID}, "k" * 32, algorithm="HS256"
        ),
        # The pool's public key used as an HMAC secret: the classic algorithm confusion
        lambda: _forge(
            {"alg": "HS256", "typ": "JWT"},
            POOL_KEY.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo),
        ),
        lambda: _forge({"alg": "none", "typ": "JWT"}),
        lambda: _forge({"alg": "None"}),
        lambda: _token()[:-4] + "AAAA",
        lambda: _token().replace(".", "", 1),
    ],
    ids=[
        "foreign-key",
        "other-pool",
        "other-client",
        "refresh",
        "no-use",
        "expired",
        "not-yet-valid",
        "no-expiry",
        "bad-user-id",
        "hs256",
        "public-key-as-hmac",
        "alg-none",
        "alg-None",
        "bad-signature",
        "malformed",
    ],
)
def test_anything_else_is_unauthorized_and_the_answer_does_not_say_why(
    make_token: Callable[[], str],
) -> None:
    # The token is made when the test runs: one made at collection could be valid by then
    with pytest.raises(UnauthorizedError) as refused:
        auth.authenticate(MemoryPorts(), f"Bearer {make_token()}", COGNITO)
    assert refused.value.message == auth.INVALID_TOKEN


def test_a_dev_token_is_not_accepted_on_aws() -> None:
    token = auth.issue_dev_token("alice", "some-development-secret-0123456789abcdef")
    with pytest.raises(UnauthorizedError):
        auth.authenticate(MemoryPorts(), f"Bearer {token}", COGNITO)


def test_the_gateway_authorizer_allows_a_verified_user_and_fails_others_with_unauthorized(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import app

    monkeypatch.setattr(app, "get_settings", lambda: COGNITO)
    method_arn = "arn:aws:execute-api:ap-southeast-2:123456789012:abc123/v1/GET/api/orchestrator/workflows"

    # Given API Gateway's TOKEN authorizer event with a valid ID token
    allowed = app.verify_caller(
        {"type": "TOKEN", "authorizationToken": f"Bearer {_token()}", "methodArn": method_arn}, None
    )

    # Then the answer names the user and allows the API
    assert allowed["principalId"] == "6f1c2a9e-1111-2222-3333-444455556666"
    assert allowed["policyDocument"]["Statement"][0]["Effect"] == "Allow"
    assert allowed["context"] == {"apiKeyId": ""}

    # And a bad token fails with exactly "Unauthorized", which API Gateway turns into 401
    with pytest.raises(Exception, match=r"^Unauthorized$"):
        app.verify_caller(
            {"type": "TOKEN", "authorizationToken": "Bearer nope", "methodArn": method_arn}, None
        )


def _claims(**overrides: Any) -> dict[str, Any]:
    claims = {"sub": "6f1c2a9e-1111-2222-3333-444455556666", "token_use": "id", "aud": CLIENT_ID}
    return {k: v for k, v in {**claims, **overrides}.items() if v is not None}


def test_claims_the_pools_own_authorizer_verified_name_the_user_if_they_are_for_our_client() -> None:
    # API Gateway's Cognito authorizer (the API key routes) hands over the verified claims
    context = {"authorizer": {"claims": _claims()}}
    assert auth.principal_for(MemoryPorts(), {}, context, COGNITO) == Principal(
        "6f1c2a9e-1111-2222-3333-444455556666"
    )
    access = {"authorizer": {"claims": _claims(token_use="access", aud=None, client_id=CLIENT_ID)}}
    assert auth.principal_for(MemoryPorts(), {}, access, COGNITO).api_key_id is None


@pytest.mark.parametrize(
    "claims",
    [
        _claims(aud="another-client"),
        _claims(token_use="access", aud=None, client_id="another-client"),
        _claims(token_use="refresh"),
        _claims(sub="../etc"),
    ],
    ids=["other-client", "other-client-access", "refresh", "bad-sub"],
)
def test_claims_for_another_client_are_refused(claims: dict[str, Any]) -> None:
    with pytest.raises(UnauthorizedError) as refused:
        auth.principal_for(MemoryPorts(), {}, {"authorizer": {"claims": claims}}, COGNITO)
    assert refused.value.message == auth.INVALID_TOKEN
