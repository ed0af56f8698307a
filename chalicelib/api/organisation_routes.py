"""The routes of organisations (#22): the organisation, its members and their roles, invitations,
and each person's certification on file. Who may do what is `core/policy.py`'s table."""

from __future__ import annotations

from chalice.app import Response

from chalicelib.api.http import json_response, parse_model
from chalicelib.api.routing import (
    RouteGroup,
    audited,
    current_principal,
    current_user,
    json_body,
    optional_json_body,
    ports,
    signed_in,
)
from chalicelib.core import organisations
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.org_models import (
    CertificationRequest,
    ChangeRoleRequest,
    CreateInvitationRequest,
    CreateOrganisationRequest,
    Invitation,
    RenameOrganisationRequest,
    RespondToInvitationRequest,
)

routes = RouteGroup("organisations")


def _invitation(invitation: Invitation) -> dict[str, object]:
    return invitation.model_dump(mode="json")


@routes.api("/organisations", "POST", "createOrganisation", people_only=True)
def create_organisation() -> Response:
    principal = signed_in()
    request = parse_model(CreateOrganisationRequest, json_body())
    organisation, owner = organisations.create(ports(), principal.user_id, request)
    audited(AuditAction.ORG_CREATE, organisation.id, name=organisation.name)
    return json_response(
        {"organisation": organisation.model_dump(mode="json"), "member": owner.model_dump(mode="json")}, 201
    )


@routes.api("/organisations/current", "GET", "getCurrentOrganisation")
def current_organisation() -> Response:
    return json_response(organisations.current(ports(), current_user()))


@routes.api("/organisations/{org_id}", "PATCH", "renameOrganisation", people_only=True)
def rename_organisation(org_id: str) -> Response:
    request = parse_model(RenameOrganisationRequest, json_body())
    renamed = organisations.rename(ports(), current_principal(), org_id, request)
    audited(AuditAction.ORG_RENAME, org_id, name=renamed.name)
    return json_response({"organisation": renamed.model_dump(mode="json")})


@routes.api("/organisations/{org_id}/members", "GET", "listMembers")
def list_members(org_id: str) -> Response:
    members = organisations.members(ports(), current_principal(), org_id)
    return json_response({"members": [m.model_dump(mode="json") for m in members]})


@routes.api("/organisations/{org_id}/members/{user_id}", "PATCH", "changeMemberRole", people_only=True)
def change_member_role(org_id: str, user_id: str) -> Response:
    request = parse_model(ChangeRoleRequest, json_body())
    member = organisations.change_role(ports(), current_principal(), org_id, user_id, request)
    audited(AuditAction.MEMBER_ROLE_CHANGE, org_id, userId=user_id, role=member.role.value)
    return json_response({"member": member.model_dump(mode="json")})


@routes.api("/organisations/{org_id}/members/{user_id}", "DELETE", "removeMember", people_only=True)
def remove_member(org_id: str, user_id: str) -> Response:
    organisations.remove(ports(), current_principal(), org_id, user_id)
    audited(AuditAction.MEMBER_REMOVE, org_id, userId=user_id)
    return json_response({"success": True})


@routes.api("/organisations/{org_id}/invitations", "POST", "createInvitation", people_only=True)
def create_invitation(org_id: str) -> Response:
    request = parse_model(CreateInvitationRequest, json_body())
    invitation, code = organisations.invite(ports(), current_principal(), org_id, request)
    audited(AuditAction.MEMBER_INVITE, invitation.id, orgId=org_id, role=invitation.role.value)
    body: dict[str, object] = {"invitation": _invitation(invitation)}
    if code is not None:
        body["code"] = code
    return json_response(body, 201)


@routes.api("/organisations/{org_id}/invitations", "GET", "listInvitations")
def list_invitations(org_id: str) -> Response:
    found = organisations.invitations(ports(), current_principal(), org_id)
    return json_response({"invitations": [_invitation(i) for i in found]})


@routes.api(
    "/organisations/{org_id}/invitations/{invitation_id}", "DELETE", "revokeInvitation", people_only=True
)
def revoke_invitation(org_id: str, invitation_id: str) -> Response:
    revoked = organisations.revoke(ports(), current_principal(), org_id, invitation_id)
    audited(AuditAction.INVITATION_REVOKE, invitation_id, orgId=org_id)
    return json_response({"invitation": _invitation(revoked)})


@routes.api("/invitations", "GET", "listMyInvitations")
def my_invitations() -> Response:
    return json_response(
        {"invitations": [i.model_dump(mode="json") for i in organisations.mine(ports(), current_user())]}
    )


@routes.api("/invitations/{invitation_id}/accept", "POST", "acceptInvitation", people_only=True)
def accept_invitation(invitation_id: str) -> Response:
    request = parse_model(RespondToInvitationRequest, optional_json_body())
    member = organisations.accept(ports(), current_principal(), invitation_id, request.code)
    audited(AuditAction.INVITATION_ACCEPT, invitation_id, orgId=member.org_id, role=member.role.value)
    return json_response({"member": member.model_dump(mode="json")})


@routes.api("/invitations/{invitation_id}/decline", "POST", "declineInvitation", people_only=True)
def decline_invitation(invitation_id: str) -> Response:
    request = parse_model(RespondToInvitationRequest, optional_json_body())
    declined = organisations.decline(ports(), current_principal(), invitation_id, request.code)
    audited(AuditAction.INVITATION_DECLINE, invitation_id, orgId=declined.org_id)
    return json_response({"invitation": _invitation(declined)})


@routes.api("/members/{user_id}/certification", "GET", "getCertification")
def get_certification(user_id: str) -> Response:
    found = organisations.certification_of(ports(), current_principal(), user_id)
    return json_response({"certification": found.model_dump(mode="json") if found else None})


@routes.api("/members/{user_id}/certification", "PUT", "putCertification", people_only=True)
def put_certification(user_id: str) -> Response:
    request = parse_model(CertificationRequest, json_body())
    saved = organisations.set_certification(ports(), current_principal(), user_id, request)
    audited(
        AuditAction.CERTIFICATION_SET, user_id, number=saved.number, expiresOn=saved.expires_on.isoformat()
    )
    return json_response({"certification": saved.model_dump(mode="json")})
