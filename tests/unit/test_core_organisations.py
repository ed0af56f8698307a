"""Organisations through the in-memory ports: creation, invitations (single use, expiry, codes),
roles (never without an owner, also under races), certifications, collaborators, and the listing
of what a member may see (tests/memory_ports.py keeps the adapters' conditions)."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest

from chalicelib.core import organisations, sharing, workflows
from chalicelib.core.errors import ConflictError, ForbiddenError, NotFoundError
from chalicelib.core.identity import Principal
from chalicelib.core.models import CreateWorkflowRequest, ListWorkflowsQuery, utc_now
from chalicelib.core.org_models import (
    CertificationRequest,
    ChangeRoleRequest,
    CollaboratorRole,
    CreateInvitationRequest,
    CreateOrganisationRequest,
    RenameOrganisationRequest,
    ShareRequest,
)
from chalicelib.core.policy import Action, authorize
from chalicelib.core.tenancy import Role, membership_of
from tests.memory_ports import MemoryPorts

NOTES = "Laundry: burst hose, vinyl wet over 4 m2. Readings 30% at the wall."


def _org(ports: MemoryPorts, owner: str = "olivia") -> str:
    created, _ = organisations.create(ports, owner, CreateOrganisationRequest(name="Acme Restorations"))
    return created.id


def _invite(ports: MemoryPorts, org_id: str, user: str, role: str, by: str = "olivia") -> str:
    request = CreateInvitationRequest.model_validate({"userId": user, "role": role})
    return organisations.invite(ports, Principal(by), org_id, request)[0].id


def _join(ports: MemoryPorts, org_id: str, user: str, role: str) -> None:
    organisations.accept(ports, Principal(user), _invite(ports, org_id, user, role), None)


def _create(ports: MemoryPorts, user: str) -> str:
    time.sleep(0.002)  # each its own millisecond: "newest first" is then creation order
    request = CreateWorkflowRequest.model_validate({"inputMethod": "TEXT", "inputData": {"text": NOTES}})
    return str(workflows.create_workflow(ports, user, request)["workflowId"])


def test_the_creator_owns_the_new_organisation_and_its_workflows_belong_to_it() -> None:
    ports = MemoryPorts()
    assert membership_of(ports, "olivia").is_personal
    org_id = _org(ports)
    membership = membership_of(ports, "olivia")
    assert (membership.org_id, membership.role, membership.is_admin) == (org_id, Role.OWNER, True)
    assert ports.workflows.get(_create(ports, "olivia")).org_id == org_id  # type: ignore[union-attr]
    # One organisation at a time
    with pytest.raises(ConflictError) as again:
        _org(ports)
    assert again.value.code == "ALREADY_IN_ORGANISATION"


def test_an_invitation_is_accepted_once_by_its_invitee_only() -> None:
    ports = MemoryPorts()
    org_id = _org(ports)
    invitation_id = _invite(ports, org_id, "sam", "technician")
    # Nobody else may see it
    with pytest.raises(NotFoundError):
        organisations.accept(ports, Principal("mallory"), invitation_id, None)
    assert [i.id for i in organisations.mine(ports, "sam")] == [invitation_id]
    member = organisations.accept(ports, Principal("sam"), invitation_id, None)
    assert (member.org_id, member.role) == (org_id, Role.TECHNICIAN)
    with pytest.raises(ConflictError) as twice:
        organisations.accept(ports, Principal("sam"), invitation_id, None)
    assert twice.value.code == "INVITATION_NOT_PENDING"
    assert organisations.mine(ports, "sam") == []


def test_the_invitee_lists_each_invitation_with_its_organisations_name_as_it_is_now() -> None:
    # Given invitations for sam from two organisations
    ports = MemoryPorts()
    acme = _org(ports)
    bravo, _ = organisations.create(ports, "bea", CreateOrganisationRequest(name="Bravo Drying"))
    first = _invite(ports, acme, "sam", "technician")
    second = _invite(ports, bravo.id, "sam", "viewer", by="bea")
    # When acme is renamed after inviting
    organisations.rename(
        ports, Principal("olivia"), acme, RenameOrganisationRequest(name="Acme Restorations NSW")
    )
    # Then sam's listing names each organisation as it is now
    listed = {i.id: i.organisation_name for i in organisations.mine(ports, "sam")}
    assert listed == {first: "Acme Restorations NSW", second: "Bravo Drying"}


def test_two_acceptances_at_once_join_once() -> None:
    # Given an email invitation whose code two people hold
    ports = MemoryPorts()
    org_id = _org(ports)
    request = CreateInvitationRequest.model_validate({"email": "Sam@Example.com", "role": "estimator"})
    invitation, code = organisations.invite(ports, Principal("olivia"), org_id, request)
    assert invitation.email == "sam@example.com" and code
    results: list[str] = []

    def accept(user: str) -> None:
        try:
            organisations.accept(ports, Principal(user), invitation.id, code)
            results.append(f"joined:{user}")
        except ConflictError as refused:
            results.append(refused.code)

    threads = [threading.Thread(target=accept, args=(u,)) for u in ("sam", "sam2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then exactly one joined; a wrong code is not found
    assert sorted(r.split(":")[0] for r in results) == ["INVITATION_NOT_PENDING", "joined"]
    with pytest.raises(NotFoundError):
        organisations.decline(ports, Principal("eve"), invitation.id, "wrong")


def test_an_expired_or_revoked_invitation_cannot_be_accepted() -> None:
    ports = MemoryPorts()
    org_id = _org(ports)
    expired = _invite(ports, org_id, "sam", "viewer")
    record, code_hash = ports.organisations.invitations_[expired]
    ports.organisations.invitations_[expired] = (
        record.model_copy(update={"expires_at": utc_now() - timedelta(seconds=1)}),
        code_hash,
    )
    with pytest.raises(ConflictError) as late:
        organisations.accept(ports, Principal("sam"), expired, None)
    assert late.value.code == "INVITATION_EXPIRED"
    revoked = _invite(ports, org_id, "sam", "viewer")
    organisations.revoke(ports, Principal("olivia"), org_id, revoked)
    with pytest.raises(ConflictError):
        organisations.accept(ports, Principal("sam"), revoked, None)
    assert membership_of(ports, "sam").is_personal


def test_a_manager_manages_members_but_not_owners_and_the_last_owner_stays() -> None:
    ports = MemoryPorts()
    org_id = _org(ports)
    _join(ports, org_id, "max", "manager")
    _join(ports, org_id, "tess", "technician")
    manager = Principal("max")
    # A manager changes a technician's role, but makes no owner and unmakes none
    organisations.change_role(ports, manager, org_id, "tess", ChangeRoleRequest(role=Role.ESTIMATOR))
    with pytest.raises(ForbiddenError):
        organisations.change_role(ports, manager, org_id, "tess", ChangeRoleRequest(role=Role.OWNER))
    with pytest.raises(ForbiddenError):
        organisations.remove(ports, manager, org_id, "olivia")
    # A technician manages nobody; someone outside sees nothing
    with pytest.raises(ForbiddenError):
        organisations.remove(ports, Principal("tess"), org_id, "max")
    with pytest.raises(NotFoundError):
        organisations.members(ports, Principal("mallory"), org_id)
    # The only owner can neither step down nor leave
    for attempt in (
        lambda: organisations.change_role(
            ports, Principal("olivia"), org_id, "olivia", ChangeRoleRequest(role=Role.VIEWER)
        ),
        lambda: organisations.remove(ports, Principal("olivia"), org_id, "olivia"),
    ):
        with pytest.raises(ConflictError) as kept:
            attempt()
        assert kept.value.code == "LAST_OWNER"
    # A member leaves by themselves
    organisations.remove(ports, Principal("tess"), org_id, "tess")
    assert membership_of(ports, "tess").is_personal


def test_two_owners_demoting_each_other_at_once_leave_one_owner() -> None:
    ports = MemoryPorts()
    org_id = _org(ports)
    _join(ports, org_id, "otto", "manager")
    organisations.change_role(ports, Principal("olivia"), org_id, "otto", ChangeRoleRequest(role=Role.OWNER))
    outcomes: list[str] = []

    def demote(by: str, whom: str) -> None:
        try:
            organisations.change_role(ports, Principal(by), org_id, whom, ChangeRoleRequest(role=Role.VIEWER))
            outcomes.append("demoted")
        except (ConflictError, ForbiddenError) as refused:
            outcomes.append(refused.code)

    threads = [
        threading.Thread(target=demote, args=pair) for pair in (("olivia", "otto"), ("otto", "olivia"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    owners = [m for m in organisations.members(ports, Principal("olivia"), org_id) if m.role is Role.OWNER]
    assert len(owners) == 1 and ports.organisations.get(org_id).owner_count == 1  # type: ignore[union-attr]
    assert "demoted" in outcomes


def test_a_certification_is_set_by_its_person_or_an_admin_of_their_organisation() -> None:
    ports = MemoryPorts()
    org_id = _org(ports)
    _join(ports, org_id, "tess", "technician")
    _join(ports, org_id, "vic", "viewer")
    body = CertificationRequest.model_validate(
        {"number": "88-1", "categories": ["WRT", "ASD"], "expiresOn": "2030-01-31"}
    )
    organisations.set_certification(ports, Principal("tess"), "tess", body)
    organisations.set_certification(ports, Principal("olivia"), "tess", body)
    with pytest.raises(ForbiddenError):
        organisations.set_certification(ports, Principal("vic"), "tess", body)
    with pytest.raises(NotFoundError):
        organisations.set_certification(ports, Principal("mallory"), "tess", body)
    with pytest.raises(ForbiddenError):
        organisations.set_certification(ports, Principal("tess", api_key_id="key_1"), "tess", body)
    found = organisations.certification_of(ports, Principal("vic"), "tess")
    assert found is not None and found.printed() == "IICRC WRT, ASD #88-1 (expires 2030-01-31)"
    assert found.updated_by == "olivia"


def test_a_collaborator_is_someone_outside_and_the_listing_shows_what_each_may_see() -> None:
    # Given an organisation's two workflows, one shared with an outsider, and the outsider's own
    ports = MemoryPorts()
    org_id = _org(ports)
    _join(ports, org_id, "tess", "technician")
    first, second = _create(ports, "tess"), _create(ports, "olivia")
    own = _create(ports, "ivan")
    workflow = authorize(ports, Principal("olivia"), Action.SHARE, first)
    with pytest.raises(ConflictError):
        sharing.share(ports, workflow, "tess", "olivia", ShareRequest(role=CollaboratorRole.VIEWER))
    sharing.share(ports, workflow, "ivan", "olivia", ShareRequest(role=CollaboratorRole.ESTIMATOR))

    def listed(user: str, limit: int = 10) -> list[str]:
        ids: list[str] = []
        token = None
        while True:
            query = ListWorkflowsQuery.model_validate(
                {"limit": limit, **({"nextToken": token} if token else {})}
            )
            page = workflows.list_workflows(ports, user, query)
            ids += [w["id"] for w in page["workflows"]]
            if not (token := page["nextToken"]):
                return ids

    # Then a member sees the organisation's, newest first, whoever made them, each once (pages of 1)
    assert listed("tess", 1) == [second, first] == listed("olivia")
    # And the outsider sees their own and the one shared with them, not the other
    assert listed("ivan", 1) == [own, first]
    assert authorize(ports, Principal("ivan"), Action.APPROVE, first).id == first
    with pytest.raises(NotFoundError):
        authorize(ports, Principal("ivan"), Action.VIEW, second)
    # And unsharing takes it away
    sharing.unshare(ports, workflow, "ivan")
    assert listed("ivan") == [own]
    with pytest.raises(NotFoundError):
        sharing.unshare(ports, workflow, "ivan")
