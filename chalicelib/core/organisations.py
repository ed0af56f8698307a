"""Organisations (#22): creating one, its members and their roles, invitations, and each person's
certification on file. Who may do each is `policy.py`'s to say; what the records must stay true
to (one organisation per user, single-use invitations, never without an owner) is said here and
kept by conditional writes in the adapter.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any

from chalicelib.core import revocation
from chalicelib.core.errors import ConflictError, ForbiddenError, NotFoundError
from chalicelib.core.identity import Principal
from chalicelib.core.models import iso, utc_now
from chalicelib.core.org_models import (
    INVITATION_ID_PATTERN,
    ORG_ID_PATTERN,
    USER_ID_PATTERN,
    CertificationRequest,
    ChangeRoleRequest,
    CreateInvitationRequest,
    CreateOrganisationRequest,
    Invitation,
    InvitationForYou,
    InvitationStatus,
    Member,
    Organisation,
    RenameOrganisationRequest,
    new_invitation_id,
    new_org_id,
)
from chalicelib.core.org_models import Certification as Certification
from chalicelib.core.policy import (
    Action,
    Decision,
    OrganisationNotFoundError,
    Relationship,
    authorize_org,
    decide,
)
from chalicelib.core.ports import ConditionFailed, NotFound, Ports
from chalicelib.core.tenancy import Membership, Role, membership_of

INVITATION_DAYS = 7


class InvitationNotFoundError(NotFoundError):
    code = "INVITATION_NOT_FOUND"

    def __init__(self, invitation_id: str) -> None:
        super().__init__(f"Invitation {invitation_id} not found")


class MemberNotFoundError(NotFoundError):
    code = "MEMBER_NOT_FOUND"

    def __init__(self, user_id: str) -> None:
        super().__init__(f"No member {user_id} in this organisation")


def _checked_org(org_id: str) -> str:
    if not ORG_ID_PATTERN.fullmatch(org_id):
        raise OrganisationNotFoundError(org_id)  # a personal account has no members to manage
    return org_id


def _org_of(ports: Ports, principal: Principal, action: Action, org_id: str) -> Membership:
    return authorize_org(ports, principal, action, _checked_org(org_id))


# --- the organisation ----------------------------------------------------------------------------


def create(ports: Ports, user_id: str, request: CreateOrganisationRequest) -> tuple[Organisation, Member]:
    """A new organisation with its creator as its owner. One at a time: a member of one leaves
    it first (409 ALREADY_IN_ORGANISATION)."""
    now = utc_now()
    organisation = Organisation(
        id=new_org_id(), name=request.name, created_by=user_id, created_at=now, updated_at=now
    )
    owner = Member(user_id=user_id, org_id=organisation.id, role=Role.OWNER, joined_at=now)
    try:
        ports.organisations.create(organisation, owner)
    except ConditionFailed as exc:
        raise _already_in_one() from exc
    return organisation, owner


def _already_in_one() -> ConflictError:
    return ConflictError(
        "You are a member of an organisation already; leave it first", code="ALREADY_IN_ORGANISATION"
    )


def current(ports: Ports, user_id: str) -> dict[str, Any]:
    """The account the caller works in: their organisation (None for a personal account) and role."""
    membership = membership_of(ports, user_id)
    organisation = None if membership.is_personal else ports.organisations.get(membership.org_id)
    return {
        "organisation": organisation.model_dump(mode="json") if organisation else None,
        "membership": {
            "userId": user_id,
            "orgId": membership.org_id,
            "role": membership.role.value,
            "personal": membership.is_personal,
        },
    }


def rename(
    ports: Ports, principal: Principal, org_id: str, request: RenameOrganisationRequest
) -> Organisation:
    _org_of(ports, principal, Action.MANAGE_ORG, org_id)
    try:
        return ports.organisations.rename(org_id, request.name, iso(utc_now()))
    except NotFound as exc:
        raise OrganisationNotFoundError(org_id) from exc


def members(ports: Ports, principal: Principal, org_id: str) -> list[Member]:
    _org_of(ports, principal, Action.VIEW_MEMBERS, org_id)
    return ports.organisations.members(org_id)


# --- roles and removal ---------------------------------------------------------------------------


def _member_in(ports: Ports, org_id: str, user_id: str) -> Member:
    member = ports.organisations.member(user_id) if USER_ID_PATTERN.fullmatch(user_id) else None
    if member is None or member.org_id != org_id:
        if USER_ID_PATTERN.fullmatch(user_id):
            # A repeat of a removal whose first attempt failed after its write ends what it left
            # live; for anyone else it ends nothing (only what they may no longer see).
            revocation.withdraw(ports, user_id)
        raise MemberNotFoundError(user_id)
    return member


def _owners_only(caller: Membership, *roles: Role) -> None:
    if Role.OWNER in roles and caller.role is not Role.OWNER:
        raise ForbiddenError("Only an owner may make or unmake an owner", code="OWNER_REQUIRED")


def change_role(
    ports: Ports, principal: Principal, org_id: str, user_id: str, request: ChangeRoleRequest
) -> Member:
    caller = _org_of(ports, principal, Action.MANAGE_MEMBERS, org_id)
    member = _member_in(ports, org_id, user_id)
    _owners_only(caller, member.role, request.role)
    if member.role is request.role:
        return member
    try:
        ports.organisations.change_role(member, request.role.value)
    except ConditionFailed as exc:
        raise _why_refused(ports, member) from exc
    revocation.withdraw(ports, user_id)  # a role that may not VIEW ends their subscriptions now
    return member.model_copy(update={"role": request.role})


def remove(ports: Ports, principal: Principal, org_id: str, user_id: str) -> Member:
    """Remove a member, or leave (a member removing themselves needs no role). Never the last owner."""
    if user_id == principal.user_id:
        caller = authorize_org(ports, principal, Action.VIEW_MEMBERS, _checked_org(org_id))
    else:
        caller = _org_of(ports, principal, Action.MANAGE_MEMBERS, org_id)
    member = _member_in(ports, org_id, user_id)
    if user_id != principal.user_id:
        _owners_only(caller, member.role)
    try:
        ports.organisations.remove(member)
    except ConditionFailed as exc:
        raise _why_refused(ports, member) from exc
    revocation.withdraw(ports, user_id)  # their subscriptions to the organisation's workflows end now
    return member


def _why_refused(ports: Ports, member: Member) -> ConflictError:
    now = ports.organisations.member(member.user_id)
    if now is not None and now.org_id == member.org_id and now.role is member.role is Role.OWNER:
        return ConflictError("An organisation keeps at least one owner", code="LAST_OWNER")
    return ConflictError("The member changed meanwhile; read the members again", code="MEMBER_CHANGED")


# --- invitations ---------------------------------------------------------------------------------


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def invite(
    ports: Ports, principal: Principal, org_id: str, request: CreateInvitationRequest
) -> tuple[Invitation, str | None]:
    """An invitation, and for one by email its code (answered this once: the invitee needs it)."""
    caller = _org_of(ports, principal, Action.MANAGE_MEMBERS, org_id)
    _owners_only(caller, request.role)
    if request.user_id is not None:
        existing = ports.organisations.member(request.user_id)
        if existing is not None and existing.org_id == org_id:
            raise ConflictError(f"{request.user_id} is a member already", code="ALREADY_MEMBER")
    now = utc_now()
    invitation = Invitation(
        id=new_invitation_id(),
        org_id=org_id,
        role=request.role,
        user_id=request.user_id,
        email=request.email,
        invited_by=principal.user_id,
        created_at=now,
        expires_at=now + timedelta(days=INVITATION_DAYS),
    )
    code = secrets.token_urlsafe(24) if request.email is not None else None
    ports.organisations.put_invitation(invitation, _hash(code) if code else None)
    return invitation, code


def invitations(ports: Ports, principal: Principal, org_id: str) -> list[Invitation]:
    _org_of(ports, principal, Action.MANAGE_MEMBERS, org_id)
    return ports.organisations.invitations(org_id)


def revoke(ports: Ports, principal: Principal, org_id: str, invitation_id: str) -> Invitation:
    _org_of(ports, principal, Action.MANAGE_MEMBERS, org_id)
    found = (
        ports.organisations.invitation(invitation_id)
        if INVITATION_ID_PATTERN.fullmatch(invitation_id)
        else None
    )
    if found is None or found[0].org_id != org_id:
        raise InvitationNotFoundError(invitation_id)
    return _settle(ports, found[0], InvitationStatus.REVOKED, principal.user_id)


def mine(ports: Ports, user_id: str) -> list[InvitationForYou]:
    """The caller's pending invitations by user id (an email invitation comes with its code),
    each with its organisation's name as it is now: one read per organisation inviting them."""
    now = utc_now()
    pending = [
        i
        for i in ports.organisations.invitations_for(user_id)
        if i.status is InvitationStatus.PENDING and i.expires_at > now
    ]
    names: dict[str, str | None] = {}
    for org_id in dict.fromkeys(i.org_id for i in pending):
        found = ports.organisations.get(org_id)
        names[org_id] = found.name if found is not None else None
    return [
        InvitationForYou(**i.model_dump(), organisation_name=names[i.org_id])
        for i in pending
        if names[i.org_id] is not None  # an organisation gone since: nothing to join
    ]


def _addressed_to(ports: Ports, user_id: str, invitation_id: str, code: str | None) -> Invitation:
    """The invitation, if it is the caller's: theirs by id, or an email one whose code they hold.
    Anyone else's is not found."""
    found = (
        ports.organisations.invitation(invitation_id)
        if INVITATION_ID_PATTERN.fullmatch(invitation_id)
        else None
    )
    if found is None:
        raise InvitationNotFoundError(invitation_id)
    invitation, code_hash = found
    if invitation.user_id is not None:
        if invitation.user_id != user_id:
            raise InvitationNotFoundError(invitation_id)
    elif code is None or code_hash is None or not hmac.compare_digest(_hash(code), code_hash):
        raise InvitationNotFoundError(invitation_id)
    return invitation


def _pending(invitation: Invitation) -> None:
    if invitation.status is not InvitationStatus.PENDING:
        raise ConflictError(
            f"This invitation was {invitation.status.value.lower()} already", code="INVITATION_NOT_PENDING"
        )
    if invitation.expires_at <= utc_now():
        raise ConflictError("This invitation has expired; ask for a new one", code="INVITATION_EXPIRED")


def accept(ports: Ports, principal: Principal, invitation_id: str, code: str | None) -> Member:
    """Join the organisation with the invitation's role. Single use: of two acceptances at once
    (or an acceptance racing a revocation) one wins, the other is 409."""
    invitation = _addressed_to(ports, principal.user_id, invitation_id, code)
    if principal.api_key_id is not None:
        raise ForbiddenError("An API key may not accept an invitation; sign in", code="USER_TOKEN_REQUIRED")
    _pending(invitation)
    now = utc_now()
    member = Member(
        user_id=principal.user_id,
        org_id=invitation.org_id,
        role=invitation.role,
        joined_at=now,
        invited_by=invitation.invited_by,
    )
    try:
        ports.organisations.accept(invitation, member, iso(now))
    except ConditionFailed as exc:
        if ports.organisations.member(principal.user_id) is not None:
            raise _already_in_one() from exc
        again = ports.organisations.invitation(invitation_id)
        if again is not None:
            _pending(again[0])
        raise OrganisationNotFoundError(invitation.org_id) from exc
    return member


def decline(ports: Ports, principal: Principal, invitation_id: str, code: str | None) -> Invitation:
    invitation = _addressed_to(ports, principal.user_id, invitation_id, code)
    return _settle(ports, invitation, InvitationStatus.DECLINED, principal.user_id)


def _settle(ports: Ports, invitation: Invitation, status: InvitationStatus, by: str) -> Invitation:
    if invitation.status is not InvitationStatus.PENDING:
        _pending(invitation)
    now = utc_now()
    try:
        ports.organisations.settle(invitation, status.value, by, iso(now))
    except ConditionFailed as exc:
        again = ports.organisations.invitation(invitation.id)
        if again is not None:
            _pending(again[0])
        raise ConflictError("The invitation changed meanwhile", code="INVITATION_NOT_PENDING") from exc
    return invitation.model_copy(update={"status": status, "responded_at": now, "responded_by": by})


# --- certifications ------------------------------------------------------------------------------


def _colleague(ports: Ports, principal: Principal, user_id: str, action: Action) -> None:
    """Nothing to check for oneself; for another person, they must be in the caller's organisation
    (else 404), and the caller's role must allow `action` there (else 403)."""
    if user_id == principal.user_id:
        return
    caller = membership_of(ports, principal.user_id)
    other = ports.organisations.member(user_id) if USER_ID_PATTERN.fullmatch(user_id) else None
    relationship = (
        Relationship.MEMBER
        if other is not None and not caller.is_personal and other.org_id == caller.org_id
        else Relationship.STRANGER
    )
    decision = decide(relationship, caller.role, action, by_api_key=principal.api_key_id is not None)
    if decision is Decision.NOT_FOUND:
        raise MemberNotFoundError(user_id)
    if decision is Decision.FORBIDDEN:
        raise ForbiddenError("Only an owner or a manager may set a member's certification")


def certification_of(ports: Ports, principal: Principal, user_id: str) -> Certification | None:
    _colleague(ports, principal, user_id, Action.VIEW_MEMBERS)
    return ports.organisations.certification(user_id)


def set_certification(
    ports: Ports, principal: Principal, user_id: str, request: CertificationRequest
) -> Certification:
    """A person's certification on file, set by themselves or by an admin of their organisation."""
    if principal.api_key_id is not None:
        raise ForbiddenError("An API key may not set a certification; sign in", code="USER_TOKEN_REQUIRED")
    _colleague(ports, principal, user_id, Action.MANAGE_CERTIFICATIONS)
    certification = Certification(
        user_id=user_id,
        scheme=request.scheme,
        number=request.number,
        categories=sorted(set(request.categories), key=request.categories.index),
        expires_on=request.expires_on,
        updated_by=principal.user_id,
        updated_at=utc_now(),
    )
    ports.organisations.put_certification(certification)
    return certification
