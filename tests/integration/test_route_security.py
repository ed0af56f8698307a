"""Every route of the app, against every kind of bad credential: 401, and another user's
workflow or key is 404, never theirs to see or touch."""

from __future__ import annotations

import re
import time
from typing import Any

import jwt
import pytest

import app as application
from chalicelib.api.auth import DEV_ISSUER
from tests.conftest import TEST_SECRET, Api

API = application.API
BODIES: dict[tuple[str, str], Any] = {
    ("POST", "/workflows"): {"inputMethod": "TEXT", "inputData": {"text": "Laundry wall 40 WME."}},
    ("POST", "/uploads"): {
        "inputMethod": "PDF",
        "fileName": "a.pdf",
        "contentType": "application/pdf",
        "size": 10,
    },
    ("PATCH", "/workflows/{workflow_id}"): {"progress": {"estimatedTime": "1 min"}},
    ("POST", "/api-keys"): {"name": "field app"},
    ("POST", "/templates/{template_id}/share"): {"orgId": "personal-route-security-stranger"},
    ("POST", "/webhooks"): {"url": "https://hooks.example.com/x", "events": ["workflow.completed"]},
    ("POST", "/organisations"): {"name": "Route Security Pty Ltd"},
    ("PATCH", "/organisations/{org_id}"): {"name": "Renamed"},
    ("PATCH", "/organisations/{org_id}/members/{user_id}"): {"role": "viewer"},
    ("POST", "/organisations/{org_id}/invitations"): {"userId": "someone", "role": "viewer"},
    ("PUT", "/members/{user_id}/certification"): {
        "number": "1",
        "categories": ["WRT"],
        "expiresOn": "2099-01-01",
    },
    ("PUT", "/workflows/{workflow_id}/collaborators/{user_id}"): {"role": "viewer"},
}
TEMPLATE = {
    "name": "Owner's template",
    "lossTypes": ["water"],
    "sections": [{"kind": "loss"}, {"kind": "qa"}, {"kind": "photos"}],
}
BODIES[("POST", "/templates")] = BODIES[("POST", "/templates/{template_id}/versions")] = TEMPLATE


def routes() -> list[tuple[str, str]]:
    """(method, path under /api/orchestrator) for every route the app defines."""
    found = [
        (method, path.removeprefix(API))
        for path, methods in application.app.routes.items()
        for method in methods
        if path.startswith(API) and method != "OPTIONS"  # preflights: see test_cors.py
    ]
    assert len(found) >= 16, found
    return sorted(found)


def forged_token() -> str:
    now = int(time.time())
    return jwt.encode({"sub": "alice", "iss": DEV_ISSUER, "exp": now + 600}, "not-the-key-" + "x" * 40)


def expired_token() -> str:
    now = int(time.time())
    return jwt.encode({"sub": "alice", "iss": DEV_ISSUER, "iat": now - 7200, "exp": now - 3600}, TEST_SECRET)


@pytest.fixture(scope="module")
def owned(stack: Any, http_pool: Any) -> dict[str, str]:
    """A finished workflow, an API key, a report template, a webhook endpoint, an organisation and an
    invitation, all the owner's."""
    from tests.conftest import token_for

    owner = Api(stack.api_url, http_pool, token_for("route-security-owner"))
    workflow = owner.wait_for(owner.create_text("Cause: burst pipe.\nLaundry wall 40 WME."))
    key = owner.post(f"{API}/api-keys", {"name": "owner's app"}).body["apiKey"]["id"]
    created = owner.post(f"{API}/organisations", {"name": "Route Security Pty Ltd"})
    org = (
        created.body["organisation"]["id"]
        if created.status == 201
        else owner.get(f"{API}/organisations/current").body["membership"]["orgId"]
    )
    invited = owner.post(f"{API}/organisations/{org}/invitations", {"userId": "invitee", "role": "viewer"})
    # The organisation's own template and webhook (made after it: an account's things are its own)
    template = owner.post(f"{API}/templates", TEMPLATE).body["template"]["id"]
    # The test stack allows a loopback receiver; nothing is sent to it here
    hook = {"url": "http://127.0.0.1:9/owner", "events": ["workflow.completed"]}
    webhook = owner.post(f"{API}/webhooks", hook).body["webhook"]["id"]
    delivery = owner.post(f"{API}/webhooks/{webhook}/test").body["delivery"]["id"]
    return {
        "workflow_id": workflow["id"],
        "key_id": key,
        "org_id": org,
        "user_id": "route-security-owner",
        "invitation_id": invited.body["invitation"]["id"],
        "webhook_id": webhook,
        "template_id": template,
        "delivery_id": delivery,
    }


def _path(path: str, ids: dict[str, str]) -> str:
    return API + re.sub(r"\{(\w+)\}", lambda m: ids[m[1]], path)


@pytest.mark.parametrize(("method", "path"), routes())
@pytest.mark.parametrize("credential", ["none", "forged", "expired"])
def test_a_bad_credential_is_401_on_every_route(
    api: Api, owned: dict[str, str], method: str, path: str, credential: str
) -> None:
    caller = api.anonymous()
    if credential != "none":
        caller.token = forged_token() if credential == "forged" else expired_token()

    reply = caller.call(method, _path(path, owned), body=BODIES.get((method, path)))

    assert reply.status == 401, (method, path, reply.body)
    assert reply.body["error"]["code"] == "UNAUTHORIZED"
    # One answer for every bad token: nothing about which check failed
    assert "expired" not in reply.body["error"]["message"].lower()
    assert "signature" not in reply.body["error"]["message"].lower()


OWNED_ROUTES = [(m, p) for m, p in routes() if "{" in p]


@pytest.mark.parametrize(("method", "path"), OWNED_ROUTES)
def test_another_users_workflow_or_key_is_404_on_every_route(
    api: Api, owned: dict[str, str], method: str, path: str
) -> None:
    stranger = api.as_user("route-security-stranger")

    reply = stranger.call(method, _path(path, owned), body=BODIES.get((method, path)))

    assert reply.status == 404, (method, path, reply.body)
    assert reply.body["error"]["code"] in (
        "WORKFLOW_NOT_FOUND",
        "API_KEY_NOT_FOUND",
        "TEMPLATE_NOT_FOUND",
        "WEBHOOK_NOT_FOUND",
        "ORGANISATION_NOT_FOUND",
        "INVITATION_NOT_FOUND",
        "MEMBER_NOT_FOUND",
    )


def test_the_owners_things_were_left_as_they_were(api: Api, owned: dict[str, str]) -> None:
    from tests.conftest import token_for

    owner = api.as_user("route-security-owner")
    assert owner.token == token_for("route-security-owner")
    workflow = owner.workflow(owned["workflow_id"])
    assert workflow["status"] == "COMPLETED" and workflow["estimatedTime"] != "1 min"
    keys = owner.get(f"{API}/api-keys").body["apiKeys"]
    assert [k["revokedAt"] for k in keys if k["id"] == owned["key_id"]] == [None]
    template = owner.get(f"{API}/templates/{owned['template_id']}").body["template"]
    assert template["latestVersion"] == 1 and not template["retired"] and template["sharedWith"] == []
    webhooks = owner.get(f"{API}/webhooks").body["webhooks"]
    assert [w["id"] for w in webhooks] == [owned["webhook_id"]]


@pytest.mark.parametrize("authorized", [True, False], ids=["with-token", "without-token"])
def test_an_unknown_route_is_404_in_the_error_shape(api: Api, authorized: bool) -> None:
    # Given a path no route matches, asked with and without credentials
    client = api if authorized else api.anonymous()
    reply = client.get("/api/orchestrator/no-such-thing")
    # Then 404 in the API's one error shape, as the deployed gateway answers (not Chalice's 403
    # "Missing Authentication Token", which echoes the Authorization header back)
    assert reply.status == 404
    assert reply.body["error"]["code"] == "NOT_FOUND"
    assert "Bearer" not in str(reply.body)


def test_a_token_in_a_query_string_is_redacted_from_the_access_log(
    api: Api, capsys: pytest.CaptureFixture[str]
) -> None:
    api.get("/api/orchestrator/workflows?token=abc.def.ghi&limit=5")
    logged = capsys.readouterr().err
    assert "token=[redacted]" in logged
    assert "abc.def.ghi" not in logged


def test_every_error_a_test_receives_is_checked_for_internals() -> None:
    # The guard every HTTP reply goes through (tests/conftest.py): it must catch what it is for
    from tests.conftest import assert_no_internals

    assert_no_internals({"error": {"code": "NOT_FOUND", "message": "No such workflow"}}, "GET /x")
    for leak in (
        "AccessDenied on arn:aws:dynamodb:us-east-1:123456789012:table/t",
        "NoSuchKey: s3://restoreassist-documents/inputs/alice/wf_1/notes.txt",
        "Traceback (most recent call last)",
    ):
        with pytest.raises(AssertionError):
            assert_no_internals({"workflow": {"errorMessage": leak}}, "GET /x")


def test_an_unexpected_error_is_internal_error_with_a_reference_and_no_internals(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a route whose code fails with an exception that names internals
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("ResourceNotFound: arn:aws:dynamodb:us-east-1:123456789012:table/prod-workflows")

    monkeypatch.setattr(application.workflows, "list_workflows", broken)
    reply = api.get("/api/orchestrator/workflows")
    # Then 500 INTERNAL_ERROR, with what to do and a reference (the guard in Api.call checks that
    # nothing of the inside shows)
    assert reply.status == 500
    error = reply.body["error"]
    assert error["code"] == "INTERNAL_ERROR"
    assert re.fullmatch(r"[0-9a-f]{12}", error["reference"])
    assert error["reference"] in error["message"] and "Try again" in error["message"]
    assert "RuntimeError" not in str(reply.body) and "prod-workflows" not in str(reply.body)
