"""The role table through the local HTTP API and WebSockets (#22): every route walked by each
member role, each collaborator role and a stranger, answering as the table says: allowed (any
answer but 403/404: the state may still refuse, a 409 say), 403, or 404. Plus a WebSocket
subscription and a download for each, a viewer who cannot edit, and a technician who cannot sign
until a certification is on file.

The expected decision per person comes from the literal table of tests/unit/test_policy.py; what
each route's action is, is said here (`ROUTE_ACTIONS`)."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from typing import Any

import pytest
from websockets.sync.client import connect

import app as application
from chalicelib.core.policy import Action, Decision
from local_stack.stack import LocalStack
from tests.conftest import Api, token_for
from tests.unit.test_policy import NAMES, TABLE

API = application.API
RUN = uuid.uuid4().hex[:6]
PEOPLE = list(
    NAMES
)  # owner, manager, estimator, technician, viewer, collab-viewer, collab-estimator, stranger
MEMBER_ROLES = {
    "manager": "manager",
    "estimator": "estimator",
    "technician": "technician",
    "viewer": "viewer",
}
NOTES = "Cause: burst pipe in the laundry.\nLaundry 3 x 2.5 m, vinyl floor wet. Wall 40 WME."
CERTIFICATION = {"number": "123456", "categories": ["WRT"], "expiresOn": "2099-06-30"}

ACCOUNT_OWN = "the account's own"
# What each route asks the policy; None: no role needed (the caller's own account, or public).
ROUTE_ACTIONS: dict[tuple[str, str], Action | str | None] = {
    ("POST", "/workflows"): Action.CREATE_WORKFLOW,
    ("POST", "/uploads"): Action.CREATE_WORKFLOW,
    ("GET", "/workflows"): None,
    ("GET", "/workflows/{workflow_id}"): Action.VIEW,
    ("PATCH", "/workflows/{workflow_id}"): Action.UPDATE_PROGRESS,
    ("DELETE", "/workflows/{workflow_id}"): Action.DELETE,
    ("POST", "/workflows/{workflow_id}/upload"): Action.CONTROL,
    ("POST", "/workflows/{workflow_id}/pause"): Action.CONTROL,
    ("POST", "/workflows/{workflow_id}/resume"): Action.CONTROL,
    ("POST", "/workflows/{workflow_id}/retry"): Action.CONTROL,
    ("GET", "/workflows/{workflow_id}/findings"): Action.VIEW,
    ("PATCH", "/workflows/{workflow_id}/findings"): Action.EDIT_FINDINGS,
    ("POST", "/workflows/{workflow_id}/photos"): Action.ADD_PHOTO,
    ("GET", "/workflows/{workflow_id}/photos"): Action.VIEW,
    ("GET", "/workflows/{workflow_id}/revisions"): Action.VIEW,
    ("POST", "/workflows/{workflow_id}/revisions"): Action.OPEN_REVISION,
    ("POST", "/workflows/{workflow_id}/sign"): Action.SIGN,
    ("POST", "/workflows/{workflow_id}/approve"): Action.APPROVE,
    ("GET", "/workflows/{workflow_id}/report"): Action.DOWNLOAD,
    ("POST", "/workflows/{workflow_id}/comments"): Action.COMMENT,
    ("GET", "/workflows/{workflow_id}/activity"): Action.VIEW,
    ("GET", "/workflows/{workflow_id}/collaborators"): Action.VIEW,
    ("PUT", "/workflows/{workflow_id}/collaborators/{user_id}"): Action.SHARE,
    ("DELETE", "/workflows/{workflow_id}/collaborators/{user_id}"): Action.SHARE,
    ("GET", "/stats"): None,
    ("POST", "/api-keys"): None,
    ("GET", "/api-keys"): None,
    ("DELETE", "/api-keys/{key_id}"): "own key",
    ("GET", "/settings"): None,
    ("PUT", "/settings"): None,
    ("GET", "/audit"): None,
    ("GET", "/openapi.json"): None,
    ("POST", "/integrations/test"): None,
    ("POST", "/organisations"): None,
    ("GET", "/organisations/current"): None,
    ("PATCH", "/organisations/{org_id}"): Action.MANAGE_ORG,
    ("GET", "/organisations/{org_id}/members"): Action.VIEW_MEMBERS,
    ("PATCH", "/organisations/{org_id}/members/{user_id}"): Action.MANAGE_MEMBERS,
    ("DELETE", "/organisations/{org_id}/members/{user_id}"): Action.MANAGE_MEMBERS,
    ("POST", "/organisations/{org_id}/invitations"): Action.MANAGE_MEMBERS,
    ("GET", "/organisations/{org_id}/invitations"): Action.MANAGE_MEMBERS,
    ("DELETE", "/organisations/{org_id}/invitations/{invitation_id}"): Action.MANAGE_MEMBERS,
    ("GET", "/invitations"): None,
    ("POST", "/invitations/{invitation_id}/accept"): "invitee",
    ("POST", "/invitations/{invitation_id}/decline"): "invitee",
    ("GET", "/members/{user_id}/certification"): Action.VIEW_MEMBERS,
    ("PUT", "/members/{user_id}/certification"): Action.MANAGE_CERTIFICATIONS,
    # The account's own report templates, webhooks and figures: their modules decide from the
    # caller's membership (is_admin) and tests/integration/test_templates_api.py, test_webhooks.py
    # and test_api.py walk their 400/403/404 answers; not yet through policy.decide (#22, left).
    **{
        route: ACCOUNT_OWN
        for route in (
            ("GET", "/templates"),
            ("POST", "/templates"),
            ("GET", "/templates/{template_id}"),
            ("POST", "/templates/{template_id}/versions"),
            ("POST", "/templates/{template_id}/retire"),
            ("POST", "/templates/{template_id}/share"),
            ("DELETE", "/templates/{template_id}/share"),
            ("GET", "/webhooks"),
            ("POST", "/webhooks"),
            ("DELETE", "/webhooks/{webhook_id}"),
            ("POST", "/webhooks/{webhook_id}/rotate-secret"),
            ("POST", "/webhooks/{webhook_id}/enable"),
            ("POST", "/webhooks/{webhook_id}/test"),
            ("GET", "/webhooks/{webhook_id}/deliveries"),
            ("POST", "/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"),
            ("GET", "/analytics"),
        )
    },
}


def user_of(person: str) -> str:
    return f"roles-{RUN}-{person}"


def expected(person: str, route: tuple[str, str]) -> Decision:
    action = ROUTE_ACTIONS[route]
    if action is None:
        return Decision.ALLOW
    if action == "own key":
        return Decision.ALLOW if person == "owner" else Decision.NOT_FOUND
    if action == "invitee":
        return Decision.NOT_FOUND  # the walk's invitation is addressed to nobody here
    if "/members/{user_id}/certification" in route[1] and person == "technician":
        return Decision.ALLOW  # the walk's certification is the technician's own
    if action is Action.CREATE_WORKFLOW and person in ("collab-viewer", "collab-estimator", "stranger"):
        return Decision.ALLOW  # in their own (personal) account, where they are the owner
    return TABLE[Action(action)][PEOPLE.index(person)]


def test_every_route_of_the_app_has_its_action_said_here() -> None:
    declared = {(m, p) for (m, p) in application.ROUTES}
    assert declared == set(ROUTE_ACTIONS)


@pytest.fixture(scope="module")
def acme(stack: LocalStack, http_pool: Any) -> dict[str, Any]:
    """An organisation with a member of each role (each with a certification on file), a
    completed workflow of the technician's shared with two outsiders, and what the walk needs."""
    people = {person: Api(stack.api_url, http_pool, token_for(user_of(person))) for person in PEOPLE}
    owner = people["owner"]
    org = owner.post(f"{API}/organisations", {"name": "Acme Restorations"})
    assert org.status == 201, org.body
    org_id = org.body["organisation"]["id"]

    def join(user: str, role: str) -> None:
        invited = owner.post(f"{API}/organisations/{org_id}/invitations", {"userId": user, "role": role})
        assert invited.status == 201, invited.body
        joined = Api(stack.api_url, http_pool, token_for(user)).post(
            f"{API}/invitations/{invited.body['invitation']['id']}/accept"
        )
        assert joined.status == 200, joined.body

    for person, role in MEMBER_ROLES.items():
        join(user_of(person), role)
    for person in PEOPLE:
        join(user_of(f"spare-{person}"), "technician")  # whom each may change or remove
        certified = people[person].put(f"{API}/members/{user_of(person)}/certification", CERTIFICATION)
        assert certified.status == 200, certified.body
    workflow_id = people["technician"].wait_for(people["technician"].create_text(NOTES))["id"]
    for person, role in (("collab-viewer", "viewer"), ("collab-estimator", "estimator")):
        shared = owner.put(f"{API}/workflows/{workflow_id}/collaborators/{user_of(person)}", {"role": role})
        assert shared.status == 200, shared.body
    revocable = {
        person: owner.post(
            f"{API}/organisations/{org_id}/invitations", {"userId": f"x-{person}", "role": "viewer"}
        ).body["invitation"]["id"]
        for person in PEOPLE
    }
    addressed_elsewhere = owner.post(
        f"{API}/organisations/{org_id}/invitations", {"userId": "nobody-here", "role": "viewer"}
    ).body["invitation"]["id"]
    key_id = owner.post(f"{API}/api-keys", {"name": "tablet"}).body["apiKey"]["id"]
    return {
        "people": people,
        "org_id": org_id,
        "workflow_id": workflow_id,
        "revocable": revocable,
        "invitation": addressed_elsewhere,
        "key_id": key_id,
    }


def _walk_order() -> list[tuple[str, str]]:
    """Each route once; what changes who someone is (a new organisation) last, and a share
    before its removal."""
    routes = sorted(ROUTE_ACTIONS, key=lambda r: (r == ("POST", "/organisations"), r[0] == "DELETE", r))
    return [route for route in routes if ROUTE_ACTIONS[route] != ACCOUNT_OWN]


def _body(route: tuple[str, str]) -> Any:
    bodies: dict[tuple[str, str], Any] = {
        ("POST", "/workflows"): {"inputMethod": "TEXT", "inputData": {"text": NOTES}},
        ("POST", "/uploads"): {
            "inputMethod": "PDF",
            "fileName": "a.pdf",
            "contentType": "application/pdf",
            "size": 10,
        },
        ("PATCH", "/workflows/{workflow_id}"): {"progress": {"estimatedTime": "1 min"}},
        ("POST", "/workflows/{workflow_id}/photos"): {
            "fileName": "a.jpg",
            "contentType": "image/jpeg",
            "caption": "Laundry wall",
            "room": "Laundry",
        },
        ("POST", "/workflows/{workflow_id}/sign"): {
            "name": "Sam Lee",
            "role": "Technician",
            "statement": "I inspected the property myself.",
        },
        ("POST", "/workflows/{workflow_id}/approve"): {"overrides": []},
        ("POST", "/workflows/{workflow_id}/comments"): {"text": "Meter re-read on Tuesday."},
        ("PUT", "/workflows/{workflow_id}/collaborators/{user_id}"): {"role": "viewer"},
        ("POST", "/api-keys"): {"name": "field app"},
        ("PUT", "/settings"): {"reviewRequired": False},
        ("POST", "/organisations"): {"name": "Another Co"},
        ("PATCH", "/organisations/{org_id}"): {"name": "Acme Restorations"},
        ("PATCH", "/organisations/{org_id}/members/{user_id}"): {"role": "technician"},
        ("POST", "/organisations/{org_id}/invitations"): {"userId": "someone-new", "role": "viewer"},
        ("PUT", "/members/{user_id}/certification"): CERTIFICATION,
    }
    return bodies.get(route)


def _path(route: tuple[str, str], person: str, acme: dict[str, Any], workflow_id: str) -> str:
    method, path = route
    if "/collaborators/" in path:
        user = user_of(f"outsider-{person}")
    elif "/certification" in path:
        user = user_of("technician")
    else:
        user = user_of(f"spare-{person}")
    invitation = acme["revocable"][person] if method == "DELETE" else acme["invitation"]
    ids = {
        "workflow_id": workflow_id,
        "org_id": acme["org_id"],
        "user_id": user,
        "invitation_id": invitation,
        "key_id": acme["key_id"],
    }
    return API + re.sub(r"\{(\w+)\}", lambda m: ids[m[1]], path)


@pytest.mark.parametrize("person", PEOPLE)
def test_each_person_gets_what_the_table_says_on_every_route(acme: dict[str, Any], person: str) -> None:
    caller: Api = acme["people"][person]
    owner: Api = acme["people"]["owner"]
    wrong: list[str] = []
    for route in _walk_order():
        workflow_id = acme["workflow_id"]
        if route == ("DELETE", "/workflows/{workflow_id}"):
            # A workflow of its own to delete (or cancel), shared like the walk's
            workflow_id = acme["people"]["technician"].create_text(NOTES)
            for outsider, role in (("collab-viewer", "viewer"), ("collab-estimator", "estimator")):
                owner.put(f"{API}/workflows/{workflow_id}/collaborators/{user_of(outsider)}", {"role": role})
        reply = caller.call(route[0], _path(route, person, acme, workflow_id), body=_body(route))
        want = expected(person, route)
        got = reply.status
        ok = (
            (want is Decision.NOT_FOUND and got == 404)
            or (want is Decision.FORBIDDEN and got == 403 and reply.body["error"]["code"] == "FORBIDDEN")
            or (want is Decision.ALLOW and got < 500 and got not in (401, 403, 404))
        )
        if not ok:
            wrong.append(f"{route[0]} {route[1]}: wanted {want.value}, got {got} {reply.body}")
    assert wrong == [], "\n".join(wrong)


def _subscribe(stack: LocalStack, person: str, workflow_id: str) -> dict[str, Any]:
    with connect(f"{stack.websocket_url}/?token={token_for(user_of(person))}", open_timeout=10) as ws:
        ws.send(json.dumps({"action": "subscribe", "channel": f"workflow:{workflow_id}:progress"}))
        return dict(json.loads(ws.recv(timeout=30)))


@pytest.mark.parametrize("person", PEOPLE)
def test_a_websocket_subscription_follows_the_table(
    stack: LocalStack, acme: dict[str, Any], person: str
) -> None:
    reply = _subscribe(stack, person, acme["workflow_id"])
    if expected(person, ("GET", "/workflows/{workflow_id}")) is Decision.ALLOW:
        assert reply["type"] == "SUBSCRIBED", reply
    else:
        assert reply["type"] == "ERROR" and reply["error"]["code"] == "WORKFLOW_NOT_FOUND", reply


@pytest.mark.parametrize("person", PEOPLE)
def test_a_download_follows_the_table(acme: dict[str, Any], person: str) -> None:
    reply = acme["people"][person].get(f"{API}/workflows/{acme['workflow_id']}/report?format=md")
    if person == "stranger":
        assert reply.status == 404 and reply.body["error"]["code"] == "WORKFLOW_NOT_FOUND"
        return
    assert reply.status == 200, reply.body
    with urllib.request.urlopen(reply.body["url"], timeout=10) as response:
        assert b"Laundry" in response.read()


def test_a_viewer_reads_but_cannot_edit(acme: dict[str, Any]) -> None:
    viewer: Api = acme["people"]["viewer"]
    base = f"{API}/workflows/{acme['workflow_id']}"
    assert viewer.get(base).status == 200
    assert viewer.get(f"{base}/findings").status == 200
    edits = [
        viewer.patch(base, {"progress": {"estimatedTime": "2 min"}}),
        viewer.patch(f"{base}/findings", {"causeOfLoss": "x"}, headers={"If-Match": '"x"'}),
        viewer.post(f"{base}/approve", {"overrides": []}),
        viewer.post(f"{base}/photos", _body(("POST", "/workflows/{workflow_id}/photos"))),
        viewer.post(f"{base}/pause"),
        viewer.delete(base),
        viewer.post(f"{API}/workflows", _body(("POST", "/workflows"))),
    ]
    assert [(r.status, r.body["error"]["code"]) for r in edits] == [(403, "FORBIDDEN")] * len(edits)


def test_a_technician_without_a_certification_cannot_sign(
    stack: LocalStack, http_pool: Any, acme: dict[str, Any]
) -> None:
    # Given a technician of the organisation with no certification on file, and a completed workflow
    owner: Api = acme["people"]["owner"]
    newcomer = f"roles-{RUN}-new-technician"
    invited = owner.post(
        f"{API}/organisations/{acme['org_id']}/invitations", {"userId": newcomer, "role": "technician"}
    )
    tech = Api(stack.api_url, http_pool, token_for(newcomer))
    assert tech.post(f"{API}/invitations/{invited.body['invitation']['id']}/accept").status == 200
    workflow_id = tech.wait_for(tech.create_text(NOTES))["id"]
    sign = _body(("POST", "/workflows/{workflow_id}/sign"))
    # When they sign: 403 CERTIFICATION_REQUIRED, and nothing is signed
    refused = tech.post(f"{API}/workflows/{workflow_id}/sign", sign)
    assert refused.status == 403 and refused.body["error"]["code"] == "CERTIFICATION_REQUIRED", refused.body
    assert tech.workflow(workflow_id)["signatures"] == []
    # An expired one does not do either
    expired = {**CERTIFICATION, "expiresOn": "2020-01-01"}
    assert owner.put(f"{API}/members/{newcomer}/certification", expired).status == 200
    late = tech.post(f"{API}/workflows/{workflow_id}/sign", sign)
    assert late.status == 403 and late.body["error"]["code"] == "CERTIFICATION_EXPIRED"
    # Once a manager puts a current one on file, they sign, and the signature prints it
    assert owner.put(f"{API}/members/{newcomer}/certification", CERTIFICATION).status == 200
    signed = tech.post(f"{API}/workflows/{workflow_id}/sign", sign)
    assert signed.status == 200, signed.body
    assert signed.body["workflow"]["signatures"][0]["certification"].startswith("IICRC WRT #123456")


def test_the_organisations_workflows_are_listed_for_its_members_and_shared_ones_for_collaborators(
    acme: dict[str, Any],
) -> None:
    shared = acme["workflow_id"]
    for person in PEOPLE:
        listed = {w["id"] for w in acme["people"][person].get(f"{API}/workflows?limit=100").body["workflows"]}
        assert (shared in listed) is (person != "stranger"), person


def test_two_owners_demoting_each_other_at_once_in_dynamodb_leave_one(stack: LocalStack) -> None:
    # Given an organisation with two owners, through the DynamoDB adapter (the stack's moto)
    import threading

    from chalicelib import wiring
    from chalicelib.core import organisations
    from chalicelib.core.errors import ConflictError
    from chalicelib.core.identity import Principal
    from chalicelib.core.org_models import (
        ChangeRoleRequest,
        CreateInvitationRequest,
        CreateOrganisationRequest,
    )
    from chalicelib.core.tenancy import Role

    ports = wiring.ports()
    first, second = f"roles-{RUN}-owner-a", f"roles-{RUN}-owner-b"
    org, _ = organisations.create(ports, first, CreateOrganisationRequest(name="Race Co"))
    invite = CreateInvitationRequest.model_validate({"userId": second, "role": "manager"})
    organisations.accept(
        ports, Principal(second), organisations.invite(ports, Principal(first), org.id, invite)[0].id, None
    )
    organisations.change_role(ports, Principal(first), org.id, second, ChangeRoleRequest(role=Role.OWNER))
    assert ports.organisations.get(org.id).owner_count == 2  # type: ignore[union-attr]
    # When each demotes the other at the same moment
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def demote(by: str, whom: str) -> None:
        start.wait()
        try:
            organisations.change_role(ports, Principal(by), org.id, whom, ChangeRoleRequest(role=Role.VIEWER))
            outcomes.append("demoted")
        except ConflictError as refused:
            outcomes.append(refused.code)
        except Exception as refused:  # noqa: BLE001 - the loser may also find itself no owner any more
            outcomes.append(type(refused).__name__)

    threads = [threading.Thread(target=demote, args=pair) for pair in ((first, second), (second, first))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then exactly one owner is left, and the count says so
    owners = [m for m in ports.organisations.members(org.id) if m.role is Role.OWNER]
    assert len(owners) == 1, (outcomes, owners)
    assert ports.organisations.get(org.id).owner_count == 1  # type: ignore[union-attr]
    assert outcomes.count("demoted") == 1, outcomes


ACCOUNT_ADMINS = ("owner", "manager")


@pytest.mark.parametrize("person", ["owner", *MEMBER_ROLES])
def test_the_accounts_templates_webhooks_and_figures_follow_the_table(
    acme: dict[str, Any], person: str
) -> None:
    # Given a member of each role in the organisation
    caller: Api = acme["people"][person]
    admin = person in ACCOUNT_ADMINS
    template = {
        "name": f"{person}'s template",
        "lossTypes": ["water"],
        "sections": [{"kind": "loss"}, {"kind": "qa"}, {"kind": "photos"}],
    }
    hook = {"url": f"http://127.0.0.1:9/{person}", "events": ["workflow.completed"]}
    # Then only the table's admins change the account's templates and webhooks, or read its figures
    answers = {
        "template": caller.post(f"{API}/templates", template),
        "webhook": caller.post(f"{API}/webhooks", hook),
        "figures": caller.get(f"{API}/analytics?scope=account"),
    }
    for what, reply in answers.items():
        assert (reply.status in (200, 201)) if admin else (reply.status == 403), (what, reply.body)
    # And every member reads the account's templates and their own figures
    assert caller.get(f"{API}/templates").status == 200
    assert caller.get(f"{API}/analytics").status == 200
