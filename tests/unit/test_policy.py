"""The role table (#22): each role by each action: allowed, 403 or 404, written out here as the
specification `core/policy.decide` must answer, then checked through `authorize` on workflows of
a real organisation in memory (routes, WebSocket subscriptions and downloads all call it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from chalicelib.core import live_progress, organisations, sharing, workflows
from chalicelib.core.errors import ForbiddenError, WorkflowNotFoundError
from chalicelib.core.identity import Principal
from chalicelib.core.models import CreateWorkflowRequest, SignRequest, WorkflowStatus
from chalicelib.core.org_models import (
    CertificationRequest,
    CollaboratorRole,
    CreateInvitationRequest,
    CreateOrganisationRequest,
    ShareRequest,
)
from chalicelib.core.organisations import MemberNotFoundError
from chalicelib.core.policy import (
    ORG_ACTIONS,
    Action,
    Decision,
    OrganisationNotFoundError,
    Relationship,
    authorize,
    authorize_org,
    decide,
)
from chalicelib.core.tenancy import Role
from tests.memory_ports import MemoryPorts, certify

A, F, N = Decision.ALLOW, Decision.FORBIDDEN, Decision.NOT_FOUND

# Columns: the five member roles, the two collaborator roles, and a stranger.
COLUMNS: tuple[tuple[Relationship, Role | CollaboratorRole | None], ...] = (
    (Relationship.MEMBER, Role.OWNER),
    (Relationship.MEMBER, Role.MANAGER),
    (Relationship.MEMBER, Role.ESTIMATOR),
    (Relationship.MEMBER, Role.TECHNICIAN),
    (Relationship.MEMBER, Role.VIEWER),
    (Relationship.COLLABORATOR, CollaboratorRole.VIEWER),
    (Relationship.COLLABORATOR, CollaboratorRole.ESTIMATOR),
    (Relationship.STRANGER, None),
)
NAMES = (
    "owner",
    "manager",
    "estimator",
    "technician",
    "viewer",
    "collab-viewer",
    "collab-estimator",
    "stranger",
)

# fmt: off
# The last column is what an owner's API key gets (decision 3): never what a person must stand
# behind, nor administering the account.
TABLE: dict[Action, tuple[Decision, ...]] = {
    #                             own man est tec vie cvi ces str key
    Action.VIEW:                  (A,  A,  A,  A,  A,  A,  A,  N,  A),
    Action.DOWNLOAD:              (A,  A,  A,  A,  A,  A,  A,  N,  A),
    Action.UPDATE_PROGRESS:       (A,  A,  A,  A,  F,  F,  F,  N,  A),
    Action.CONTROL:               (A,  A,  A,  A,  F,  F,  F,  N,  A),
    Action.DELETE:                (A,  A,  F,  F,  F,  F,  F,  N,  A),
    Action.ADD_PHOTO:             (A,  A,  A,  A,  F,  F,  A,  N,  A),
    Action.COMMENT:               (A,  A,  A,  A,  F,  F,  A,  N,  A),
    Action.EDIT_FINDINGS:         (A,  A,  A,  F,  F,  F,  A,  N,  F),
    Action.APPROVE:               (A,  A,  A,  F,  F,  F,  A,  N,  F),
    Action.SIGN:                  (A,  A,  A,  A,  F,  F,  A,  N,  F),
    Action.OPEN_REVISION:         (A,  A,  A,  F,  F,  F,  A,  N,  F),
    Action.SHARE:                 (A,  A,  F,  F,  F,  F,  F,  N,  F),
    Action.CREATE_WORKFLOW:       (A,  A,  A,  A,  F,  N,  N,  N,  A),
    Action.VIEW_MEMBERS:          (A,  A,  A,  A,  A,  N,  N,  N,  A),
    Action.MANAGE_ORG:            (A,  A,  F,  F,  F,  N,  N,  N,  F),
    Action.MANAGE_MEMBERS:        (A,  A,  F,  F,  F,  N,  N,  N,  F),
    Action.MANAGE_CERTIFICATIONS: (A,  A,  F,  F,  F,  N,  N,  N,  F),
    Action.MANAGE_TEMPLATES:      (A,  A,  F,  F,  F,  N,  N,  N,  F),
    Action.MANAGE_WEBHOOKS:       (A,  A,  F,  F,  F,  N,  N,  N,  F),
    Action.VIEW_ORG_ANALYTICS:    (A,  A,  F,  F,  F,  N,  N,  N,  A),
}
# fmt: on

CASES = [
    pytest.param(action, relationship, role, expected, id=f"{action.value}-{name}")
    for action, row in TABLE.items()
    for (relationship, role), name, expected in zip(COLUMNS, NAMES, row[: len(COLUMNS)], strict=True)
]


def test_the_table_names_every_action() -> None:
    assert set(TABLE) == set(Action)


@pytest.mark.parametrize(("action", "relationship", "role", "expected"), CASES)
def test_the_role_table(
    action: Action, relationship: Relationship, role: Role | CollaboratorRole | None, expected: Decision
) -> None:
    assert decide(relationship, role, action) is expected


@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
def test_an_api_key_acts_with_its_users_role_but_never_as_a_person_or_an_admin(action: Action) -> None:
    # An owner's key: the table's last column
    assert decide(Relationship.MEMBER, Role.OWNER, action, by_api_key=True) is TABLE[action][-1]
    # and a key never turns a 404 into a 403
    assert decide(Relationship.STRANGER, None, action, by_api_key=True) is N


# --- the same table through authorize(), on a real organisation in memory -------------------------

NOTES = "Kitchen: dishwasher leak, laminate wet over 6 m2. Readings 28% at the dishwasher."
PEOPLE = {
    "owner": Role.OWNER,
    "manager": Role.MANAGER,
    "estimator": Role.ESTIMATOR,
    "technician": Role.TECHNICIAN,
    "viewer": Role.VIEWER,
    "field-tech": Role.TECHNICIAN,  # whose certification others set
}


@pytest.fixture
def org() -> Iterator[tuple[MemoryPorts, str, str]]:
    """An organisation with one member of each role, a workflow of theirs shared with two
    outsiders (a viewer and an estimator), and a stranger: (ports, org id, workflow id)."""
    ports = MemoryPorts()
    owner = Principal("owner")
    created, _ = organisations.create(ports, "owner", CreateOrganisationRequest(name="Acme Restorations"))
    for user, role in PEOPLE.items():
        if role is Role.OWNER:
            continue
        invitation, _ = organisations.invite(
            ports, owner, created.id, CreateInvitationRequest.model_validate({"userId": user, "role": role})
        )
        organisations.accept(ports, Principal(user), invitation.id, None)
    request = CreateWorkflowRequest.model_validate({"inputMethod": "TEXT", "inputData": {"text": NOTES}})
    workflow_id = str(workflows.create_workflow(ports, "technician", request)["workflowId"])
    workflow = authorize(ports, owner, Action.SHARE, workflow_id)
    for user, role in (
        ("collab-viewer", CollaboratorRole.VIEWER),
        ("collab-estimator", CollaboratorRole.ESTIMATOR),
    ):
        sharing.share(ports, workflow, user, "owner", ShareRequest(role=role))
    yield ports, created.id, workflow_id


def _expect(expected: Decision, call: Callable[[], object], not_found: type[Exception]) -> object:
    """What an authorization answers for a cell: its result (ALLOW), else the 403 or the 404."""
    if expected is A:
        return call()
    with pytest.raises(ForbiddenError if expected is F else not_found):
        call()
    return None


@pytest.mark.parametrize(("action", "relationship", "role", "expected"), CASES)
def test_authorize_answers_the_table_for_each_person(
    org: tuple[MemoryPorts, str, str],
    action: Action,
    relationship: Relationship,
    role: Role | CollaboratorRole | None,
    expected: Decision,
) -> None:
    # On a workflow of the organisation (authorize), or on the organisation itself (authorize_org)
    ports, org_id, workflow_id = org
    principal = Principal(NAMES[COLUMNS.index((relationship, role))])
    if action in ORG_ACTIONS:
        membership = _expect(
            expected, lambda: authorize_org(ports, principal, action, org_id), OrganisationNotFoundError
        )
        assert membership is None or getattr(membership, "org_id", None) == org_id
    else:
        workflow = _expect(
            expected, lambda: authorize(ports, principal, action, workflow_id), WorkflowNotFoundError
        )
        assert workflow is None or getattr(workflow, "id", None) == workflow_id


CERTIFICATION = CertificationRequest.model_validate(
    {"number": "998877", "categories": ["WRT", "AMRT"], "expiresOn": "2028-03-31"}
)


@pytest.mark.parametrize(
    ("name", "expected"),
    list(zip(NAMES, TABLE[Action.MANAGE_CERTIFICATIONS][: len(COLUMNS)], strict=True)),
)
def test_setting_another_members_certification_answers_the_table(
    org: tuple[MemoryPorts, str, str], name: str, expected: Decision
) -> None:
    # Given the organisation's field technician with no certification on file
    ports, _, _ = org
    # When each person sets theirs: owners and managers may; other members 403; outsiders 404
    _expect(
        expected,
        lambda: organisations.set_certification(ports, Principal(name), "field-tech", CERTIFICATION),
        MemberNotFoundError,
    )
    # Then it is on file, recording who set it, only where the table allows
    found = ports.organisations.certification("field-tech")
    assert (found.updated_by if found else None) == (name if expected is A else None)
    # and it is always one's own to set
    mine = organisations.set_certification(ports, Principal(name), name, CERTIFICATION)
    assert mine.user_id == name and mine.updated_by == name


@pytest.mark.parametrize("user", NAMES)
def test_a_websocket_subscription_is_the_view_decision(org: tuple[MemoryPorts, str, str], user: str) -> None:
    ports, _, workflow_id = org
    ports.connections.add_connection(f"c-{user}", user, "now")
    connection = ports.connections.get_connection(f"c-{user}")
    assert connection is not None
    channel = f"workflow:{workflow_id}:progress"
    if user == "stranger":
        with pytest.raises(WorkflowNotFoundError):
            live_progress.subscribe(ports, connection, channel, None)
        assert f"c-{user}" not in ports.pusher.sent
    else:
        live_progress.subscribe(ports, connection, channel, None)
        assert [m["type"] for m in ports.pusher.sent[f"c-{user}"][:2]] == ["SUBSCRIBED", "SNAPSHOT"]


def _completed(ports: MemoryPorts, workflow_id: str) -> None:
    def done(workflow: object) -> None:
        workflow.status = WorkflowStatus.COMPLETED  # type: ignore[attr-defined]

    ports.workflows.update(workflow_id, done)  # type: ignore[arg-type]


SIGN = SignRequest(name="Sam Lee", role="Technician", statement="I inspected this job myself.")


def test_a_technician_without_a_certification_cannot_sign_and_with_one_can(
    org: tuple[MemoryPorts, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from chalicelib.core import signoff

    ports, _, workflow_id = org
    _completed(ports, workflow_id)
    monkeypatch.setattr(
        "chalicelib.report.files.render_report_files",
        lambda *_args, **_kwargs: type("Rendered", (), {"keys": {}, "sha256": {}})(),
    )
    workflow = authorize(ports, Principal("technician"), Action.SIGN, workflow_id)
    # Without a certification on file: 403 CERTIFICATION_REQUIRED, nothing signed
    with pytest.raises(ForbiddenError) as refused:
        signoff.sign(ports, workflow, "technician", SIGN)
    assert refused.value.code == "CERTIFICATION_REQUIRED"
    # An expired one: 403 CERTIFICATION_EXPIRED
    certify(ports, "technician", expires_on="2020-01-01")
    with pytest.raises(ForbiddenError) as expired:
        signoff.sign(ports, workflow, "technician", SIGN)
    assert expired.value.code == "CERTIFICATION_EXPIRED"
    assert ports.workflows.get(workflow_id).signatures == []  # type: ignore[union-attr]
    # A current one: signed, and the signature prints the certification on file
    certify(ports, "technician")
    signed = signoff.sign(ports, workflow, "technician", SIGN)
    assert signed.signatures[0].certification == "IICRC WRT #123456 (expires 2099-12-31)"


def test_a_viewer_cannot_edit_anything_but_reads_and_downloads(org: tuple[MemoryPorts, str, str]) -> None:
    ports, _, workflow_id = org
    viewer = Principal("viewer")
    for action in (Action.VIEW, Action.DOWNLOAD):
        authorize(ports, viewer, action, workflow_id)
    for action in set(Action) - ORG_ACTIONS - {Action.VIEW, Action.DOWNLOAD}:
        with pytest.raises(ForbiddenError):
            authorize(ports, viewer, action, workflow_id)


def test_a_personal_accounts_workflow_stays_its_creators_after_they_join_an_organisation() -> None:
    # Given alice's workflow from her personal account, and one made before accounts (no orgId)
    ports = MemoryPorts()
    request = CreateWorkflowRequest.model_validate({"inputMethod": "TEXT", "inputData": {"text": NOTES}})
    personal = str(workflows.create_workflow(ports, "alice", request)["workflowId"])
    legacy = str(workflows.create_workflow(ports, "alice", request)["workflowId"])
    ports.workflows.workflows[legacy] = ports.workflows.workflows[legacy].model_copy(update={"org_id": None})
    # When she joins bob's organisation as a viewer
    created, _ = organisations.create(ports, "bob", CreateOrganisationRequest(name="Bob's Drying"))
    invitation, _ = organisations.invite(
        ports,
        Principal("bob"),
        created.id,
        CreateInvitationRequest.model_validate({"userId": "alice", "role": "viewer"}),
    )
    organisations.accept(ports, Principal("alice"), invitation.id, None)
    # Then both stay hers to do anything with, and bob (her organisation's owner) does not see them
    for workflow_id in (personal, legacy):
        assert authorize(ports, Principal("alice"), Action.DELETE, workflow_id).id == workflow_id
        with pytest.raises(WorkflowNotFoundError):
            authorize(ports, Principal("bob"), Action.VIEW, workflow_id)
