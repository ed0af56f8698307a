"""`DELETE /templates/{id}/share?orgId=`: an account's admin takes a shared template back, through
Chalice's test client on the session's stack (moto). Idempotent; the account it was shared with
no longer lists, reads or chooses it (its workflows keep their version); anyone whose account may
not see the template gets 404, whatever they send; a refusal changes nothing and is not audited."""

from __future__ import annotations

import urllib.request
import uuid
from collections.abc import Iterator

import pytest

from local_stack.stack import LocalStack
from tests.chalice_client import ChaliceApi, chalice_client, join_organisation
from tests.conftest import Api

RUN = uuid.uuid4().hex[:8]
TEMPLATE = {
    "name": "Water, insurer panel A",
    "lossTypes": ["water"],
    "sections": [
        {"kind": "summary", "title": "Overview"},
        {"kind": "loss"},
        {"kind": "affected-areas"},
        {"kind": "photos"},
        {"kind": "qa"},
        {"kind": "text", "title": "Panel A terms", "text": "Payment within 30 days of the signed report."},
    ],
}
NOTES = (
    "Cause: burst supply line under the kitchen sink.\nKitchen 12x14 ft, vinyl floor wet.\nSubfloor 32%MC."
)


@pytest.fixture
def owner(stack: LocalStack) -> Iterator[ChaliceApi]:
    with chalice_client() as client:
        yield ChaliceApi(client, f"unshare-{RUN}-{uuid.uuid4().hex[:6]}-owner")


def _shared(owner: ChaliceApi, partner: ChaliceApi) -> tuple[str, str]:
    """A template of the owner's account, shared with the partner's (personal) account."""
    created = owner.post("/templates", TEMPLATE)
    assert created.status == 201, created.body
    template_id = created.body["template"]["id"]
    partner_account = partner.get("/organisations/current").body["membership"]["orgId"]
    shared = owner.post(f"/templates/{template_id}/share", {"orgId": partner_account})
    assert shared.status == 200, shared.body
    assert shared.body["template"]["sharedWith"] == [partner_account]
    return template_id, partner_account


def _listed(api: ChaliceApi) -> list[str]:
    reply = api.get("/templates")
    assert reply.status == 200, reply.body
    return [t["id"] for t in reply.body["templates"]]


def _unshares(api: ChaliceApi) -> list[dict[str, object]]:
    entries = api.get("/audit?limit=100").body["auditEntries"]
    return [e for e in entries if e["action"] == "TEMPLATE_UNSHARE"]


def test_unsharing_takes_the_template_back_and_is_idempotent(owner: ChaliceApi, api: Api) -> None:
    # Given a template shared with a partner's account, which chose it for a workflow meanwhile
    partner = owner.as_user(f"{owner.user_id}-partner")
    template_id, partner_account = _shared(owner, partner)
    assert template_id in _listed(partner)
    partner_http = api.as_user(partner.user_id)
    made = partner_http.post(
        "/api/orchestrator/workflows",
        {"inputMethod": "TEXT", "templateId": template_id, "inputData": {"text": NOTES}},
    )
    assert made.status == 201, made.body
    workflow = partner_http.wait_for(made.body["workflowId"])
    assert workflow["status"] == "COMPLETED" and workflow["template"]["id"] == template_id

    # When the owner un-shares it
    unshared = owner.delete(f"/templates/{template_id}/share?orgId={partner_account}")

    # Then the template is the owner's alone again
    assert unshared.status == 200, unshared.body
    assert unshared.body["template"]["id"] == template_id
    assert unshared.body["template"]["sharedWith"] == []
    # and the partner's account no longer lists, reads or chooses it
    assert template_id not in _listed(partner)
    read = partner.get(f"/templates/{template_id}")
    assert read.status == 404 and read.body["error"]["code"] == "TEMPLATE_NOT_FOUND"
    chosen = partner_http.post(
        "/api/orchestrator/workflows",
        {"inputMethod": "TEXT", "templateId": template_id, "inputData": {"text": NOTES}},
    )
    assert chosen.status == 400 and chosen.body["error"]["code"] == "UNKNOWN_TEMPLATE"
    # but its workflow keeps the version it was made with, and its report still renders by it
    kept = partner_http.workflow(workflow["id"])
    assert kept["template"] == workflow["template"]
    report = partner_http.get(f"/api/orchestrator/workflows/{workflow['id']}/report?format=md")
    assert report.status == 200, report.body
    with urllib.request.urlopen(report.body["url"], timeout=10) as markdown:
        assert "Panel A terms" in markdown.read().decode()

    # When it is un-shared again (a retry, a double click), and from an account it never was shared with
    again = owner.delete(f"/templates/{template_id}/share?orgId={partner_account}")
    never = owner.delete(f"/templates/{template_id}/share?orgId=personal-{RUN}-nobody")

    # Then each answers the template as it is
    assert again.status == 200 and again.body == unshared.body
    assert never.status == 200 and never.body == unshared.body
    # and each was audited like a share, saying whether it removed anything
    entries = _unshares(owner)
    assert [(e["targetId"], e["details"]) for e in reversed(entries)] == [
        (template_id, {"orgId": partner_account, "removed": True}),
        (template_id, {"orgId": partner_account, "removed": False}),
        (template_id, {"orgId": f"personal-{RUN}-nobody", "removed": False}),
    ]
    # and the owner's own listing is untouched
    assert template_id in _listed(owner)


def test_only_the_owning_accounts_admins_may_unshare_and_outsiders_get_404(owner: ChaliceApi) -> None:
    # Given a template of an organisation, shared with a partner's account
    technician = owner.as_user(f"{owner.user_id}-technician")
    org_id = join_organisation(owner, technician, "technician")
    partner = owner.as_user(f"{owner.user_id}-partner")
    template_id, partner_account = _shared(owner, partner)
    stranger = owner.as_user(f"{owner.user_id}-stranger")
    path = f"/templates/{template_id}/share?orgId={partner_account}"
    key = owner.post("/api-keys", {"name": "field app"}).body["secret"]

    # When people who may not un-share it try
    answers = {
        # another account's admin, who may not see it: 404, whatever the query says
        "stranger": stranger.delete(path),
        "stranger, no query": stranger.delete(f"/templates/{template_id}/share"),
        "stranger, own account": stranger.delete(f"/templates/{template_id}/share?orgId=personal-x"),
        "unknown template": owner.delete(f"/templates/tpl_{'0' * 32}/share?orgId={partner_account}"),
        "malformed id": owner.delete(f"/templates/not-a-template/share?orgId={partner_account}"),
        # the partner sees it, read-only; a technician sees it and may not manage templates
        "partner": partner.delete(path),
        "technician": technician.delete(path),
        "api key": owner.with_token(key).delete(path),
        "built-in": owner.delete(f"/templates/builtin-water-s500/share?orgId={partner_account}"),
        "own account": owner.delete(f"/templates/{template_id}/share?orgId={org_id}"),
        "no org": owner.delete(f"/templates/{template_id}/share"),
        "bad org": owner.delete(f"/templates/{template_id}/share?orgId=a%20b"),
    }

    # Then each is refused as the policy says
    assert {who: (r.status, r.body["error"]["code"]) for who, r in answers.items()} == {
        "stranger": (404, "TEMPLATE_NOT_FOUND"),
        "stranger, no query": (404, "TEMPLATE_NOT_FOUND"),
        "stranger, own account": (404, "TEMPLATE_NOT_FOUND"),
        "unknown template": (404, "TEMPLATE_NOT_FOUND"),
        "malformed id": (404, "TEMPLATE_NOT_FOUND"),
        "partner": (403, "TEMPLATE_READ_ONLY"),
        "technician": (403, "TEMPLATE_ADMIN_REQUIRED"),
        "api key": (403, "USER_TOKEN_REQUIRED"),
        "built-in": (409, "TEMPLATE_BUILT_IN"),
        "own account": (400, "INVALID_SHARE"),
        "no org": (400, "VALIDATION_ERROR"),
        "bad org": (400, "VALIDATION_ERROR"),
    }
    # and nothing changed, nor was audited
    assert owner.get(f"/templates/{template_id}").body["template"]["sharedWith"] == [partner_account]
    assert template_id in _listed(partner)
    assert _unshares(owner) == [] and _unshares(technician) == [] and _unshares(stranger) == []

    # When a manager of the organisation un-shares it
    technician_role = owner.call(
        "PATCH", f"/organisations/{org_id}/members/{technician.user_id}", {"role": "manager"}
    )
    assert technician_role.status == 200, technician_role.body
    unshared = technician.delete(path)

    # Then it is done (a manager may manage the account's templates)
    assert unshared.status == 200, unshared.body
    assert unshared.body["template"]["sharedWith"] == []
    assert template_id not in _listed(partner)
