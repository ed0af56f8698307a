"""What the routes of organisations, invitations, certifications and collaborators answer, for
the OpenAPI document (`operations.py` holds the rest and joins these in)."""

from __future__ import annotations

from pydantic import ConfigDict, Field
from pydantic.json_schema import JsonSchemaValue, SkipJsonSchema

from chalicelib.api.envelopes import Success
from chalicelib.api.operations_base import Answer, Operation
from chalicelib.core.activity import CommentRequest, ListActivityQuery
from chalicelib.core.api_model import ApiModel
from chalicelib.core.org_models import (
    INVITATION_ID_PATTERN,
    ORG_ID_PATTERN,
    USER_ID_PATTERN,
    ActivityEntry,
    Certification,
    CertificationRequest,
    ChangeRoleRequest,
    Collaborator,
    CreateInvitationRequest,
    CreateOrganisationRequest,
    Invitation,
    InvitationForYou,
    Member,
    Organisation,
    RenameOrganisationRequest,
    RespondToInvitationRequest,
    ShareRequest,
)
from chalicelib.core.tenancy import Role


class _Envelope(ApiModel):
    model_config = ConfigDict(extra="forbid")


class CreatedOrganisation(_Envelope):
    organisation: Organisation
    member: Member = Field(description="The creator, its first owner")


class OrganisationResponse(_Envelope):
    organisation: Organisation


class CurrentMembership(_Envelope):
    user_id: str
    org_id: str = Field(description="An organisation's id, or `personal-<userId>` for a personal account")
    role: Role
    personal: bool


class CurrentOrganisation(_Envelope):
    """The account the caller works in: one organisation at a time, or their personal account."""

    organisation: Organisation | None = Field(description="None for a personal account")
    membership: CurrentMembership


class MemberList(_Envelope):
    members: list[Member]


class MemberResponse(_Envelope):
    member: Member


class CreatedInvitation(_Envelope):
    invitation: Invitation
    code: str | SkipJsonSchema[None] = Field(
        default=None, description="An email invitation's code, shown this once: the invitee accepts with it"
    )


class InvitationResponse(_Envelope):
    invitation: Invitation


class InvitationList(_Envelope):
    invitations: list[Invitation]


class MyInvitationList(_Envelope):
    invitations: list[InvitationForYou]


class CertificationResponse(_Envelope):
    certification: Certification | None


class CommentResponse(_Envelope):
    comment: ActivityEntry


class ActivityPage(_Envelope):
    """The workflow's activity, newest first."""

    activity: list[ActivityEntry]
    next_token: str | None = Field(description="Pass back as `nextToken` for the next page")


class CollaboratorList(_Envelope):
    collaborators: list[Collaborator]


class CollaboratorResponse(_Envelope):
    collaborator: Collaborator


PATH_PARAMETERS: dict[str, JsonSchemaValue] = {
    "org_id": {
        "description": "The organisation's id. One the caller is not a member of is `404`.",
        "schema": {"type": "string", "pattern": ORG_ID_PATTERN.pattern},
    },
    "user_id": {
        "description": "A user's id (a member, or a collaborator).",
        "schema": {"type": "string", "pattern": USER_ID_PATTERN.pattern},
    },
    "invitation_id": {
        "description": "The invitation's id. One not addressed to the caller is `404`.",
        "schema": {"type": "string", "pattern": INVITATION_ID_PATTERN.pattern},
    },
}

TAGS = {
    "Organisations": "Organisations, members and their roles, invitations, certifications on file",
    "Collaborators": "A workflow shared with named people outside its organisation",
    "Activity": "Who did what to a workflow, when: its feed, and comments",
}

_ORG_NOT_FOUND: dict[int, tuple[str, ...]] = {404: ("ORGANISATION_NOT_FOUND",)}
_ORG = "Organisations"
_NOT_PENDING = ("INVITATION_NOT_PENDING", "INVITATION_EXPIRED")
# A change of a member (role, removal): only an owner touches an owner, never the last one.
_MEMBER_CHANGE_ERRORS: dict[int, tuple[str, ...]] = {
    403: ("OWNER_REQUIRED",),
    404: ("ORGANISATION_NOT_FOUND", "MEMBER_NOT_FOUND"),
    409: ("LAST_OWNER", "MEMBER_CHANGED"),
}
_WORKFLOW_ERRORS: dict[int, tuple[str, ...]] = {400: ("INVALID_WORKFLOW_ID",), 404: ("WORKFLOW_NOT_FOUND",)}

OPERATIONS: tuple[Operation, ...] = (
    Operation(
        operation_id="addComment",
        summary="Comment on a workflow",
        description="An entry of its activity feed, pushed to the connections subscribed to "
        "`workflow:<id>:activity`. Members but viewers, and collaborating estimators.",
        tag="Activity",
        body=CommentRequest,
        body_examples={"note": {"summary": "A note", "value": {"text": "Meter re-read on Tuesday: 18%."}}},
        answer=Answer(201, "The comment, as its feed entry", (CommentResponse,)),
        errors=_WORKFLOW_ERRORS,
    ),
    Operation(
        operation_id="listActivity",
        summary="A workflow's activity: who did what, when (edits, approvals, sign-offs, downloads, "
        "shares, control, comments)",
        description="Newest first. Live: subscribe to `workflow:<id>:activity` on the WebSocket "
        "(`ACTIVITY` messages, without a `seq`).",
        tag="Activity",
        query=ListActivityQuery,
        answer=Answer(200, "A page of the feed", (ActivityPage,)),
        errors={**_WORKFLOW_ERRORS, 400: ("INVALID_WORKFLOW_ID", "INVALID_NEXT_TOKEN")},
    ),
    Operation(
        operation_id="createOrganisation",
        summary="Create an organisation; the caller becomes its owner",
        description="One organisation per user at a time: a member of one leaves it first. "
        "Workflows made from then on belong to it. A signed-in person only.",
        tag=_ORG,
        body=CreateOrganisationRequest,
        body_examples={"acme": {"summary": "A company", "value": {"name": "Acme Restorations"}}},
        answer=Answer(201, "Created", (CreatedOrganisation,)),
        errors={409: ("ALREADY_IN_ORGANISATION",)},
    ),
    Operation(
        operation_id="getCurrentOrganisation",
        summary="The account the caller works in, and their role in it",
        tag=_ORG,
        answer=Answer(
            200, "The organisation (None: a personal account) and the membership", (CurrentOrganisation,)
        ),
    ),
    Operation(
        operation_id="renameOrganisation",
        summary="Rename the organisation (owner, manager)",
        tag=_ORG,
        body=RenameOrganisationRequest,
        answer=Answer(200, "Renamed", (OrganisationResponse,)),
        errors=_ORG_NOT_FOUND,
    ),
    Operation(
        operation_id="listMembers",
        summary="The organisation's members and their roles",
        tag=_ORG,
        answer=Answer(200, "The members", (MemberList,)),
        errors=_ORG_NOT_FOUND,
    ),
    Operation(
        operation_id="changeMemberRole",
        summary="Change a member's role (owner, manager; owners alone make or unmake owners)",
        description="Never the last owner: `409 LAST_OWNER`, also when two owners demote each other "
        "at once (one of the two wins).",
        tag=_ORG,
        body=ChangeRoleRequest,
        answer=Answer(200, "The member, with the new role", (MemberResponse,)),
        errors=_MEMBER_CHANGE_ERRORS,
    ),
    Operation(
        operation_id="removeMember",
        summary="Remove a member (owner, manager), or leave (oneself)",
        description="Never the last owner (`409 LAST_OWNER`). The member's workflows stay the "
        "organisation's.",
        tag=_ORG,
        answer=Answer(200, "Removed", (Success,)),
        errors=_MEMBER_CHANGE_ERRORS,
    ),
    Operation(
        operation_id="createInvitation",
        summary="Invite someone to the organisation with a role (owner, manager)",
        description="By user id (they see it in `GET /invitations`) or by email (the answer's `code` "
        "is shown this once; send it to them). Expires after 7 days; single use.",
        tag=_ORG,
        body=CreateInvitationRequest,
        body_examples={
            "user": {"summary": "A known user", "value": {"userId": "sam", "role": "technician"}},
            "email": {"summary": "By email", "value": {"email": "sam@example.com", "role": "estimator"}},
        },
        answer=Answer(201, "The invitation (and an email one's code)", (CreatedInvitation,)),
        errors={403: ("OWNER_REQUIRED",), 404: ("ORGANISATION_NOT_FOUND",), 409: ("ALREADY_MEMBER",)},
    ),
    Operation(
        operation_id="listInvitations",
        summary="The organisation's invitations, newest first (owner, manager)",
        tag=_ORG,
        answer=Answer(200, "The invitations", (InvitationList,)),
        errors=_ORG_NOT_FOUND,
    ),
    Operation(
        operation_id="revokeInvitation",
        summary="Revoke a pending invitation (owner, manager)",
        tag=_ORG,
        answer=Answer(200, "Revoked", (InvitationResponse,)),
        errors={404: ("ORGANISATION_NOT_FOUND", "INVITATION_NOT_FOUND"), 409: _NOT_PENDING},
    ),
    Operation(
        operation_id="listMyInvitations",
        summary="The caller's pending invitations (by user id), with each organisation's name",
        tag=_ORG,
        answer=Answer(200, "Pending, not expired", (MyInvitationList,)),
    ),
    Operation(
        operation_id="acceptInvitation",
        summary="Accept an invitation: join its organisation with its role",
        description="Single use: of two acceptances at once one wins. An email invitation needs its "
        "`code`. A member of an organisation leaves it first.",
        tag=_ORG,
        body=RespondToInvitationRequest,
        answer=Answer(200, "The new membership", (MemberResponse,)),
        errors={
            404: ("INVITATION_NOT_FOUND", "ORGANISATION_NOT_FOUND"),
            409: ("ALREADY_IN_ORGANISATION", *_NOT_PENDING),
        },
    ),
    Operation(
        operation_id="declineInvitation",
        summary="Decline an invitation",
        tag=_ORG,
        body=RespondToInvitationRequest,
        answer=Answer(200, "Declined", (InvitationResponse,)),
        errors={404: ("INVITATION_NOT_FOUND",), 409: _NOT_PENDING},
    ),
    Operation(
        operation_id="getCertification",
        summary="A person's certification on file (oneself, or a member of one's organisation)",
        tag=_ORG,
        answer=Answer(200, "The certification, or None", (CertificationResponse,)),
        errors={404: ("MEMBER_NOT_FOUND",)},
    ),
    Operation(
        operation_id="putCertification",
        summary="Set a person's certification on file (oneself, or an owner or manager for a member)",
        description="Signing a report needs a current one (`POST .../sign`), and the signature prints it.",
        tag=_ORG,
        body=CertificationRequest,
        body_examples={
            "iicrc": {
                "summary": "IICRC WRT and ASD",
                "value": {
                    "scheme": "IICRC",
                    "number": "123456",
                    "categories": ["WRT", "ASD"],
                    "expiresOn": "2027-06-30",
                },
            }
        },
        answer=Answer(200, "Saved", (CertificationResponse,)),
        errors={403: ("FORBIDDEN",), 404: ("MEMBER_NOT_FOUND",)},
    ),
    Operation(
        operation_id="listCollaborators",
        summary="The people outside the organisation a workflow is shared with",
        tag="Collaborators",
        answer=Answer(200, "The collaborators", (CollaboratorList,)),
        errors=_WORKFLOW_ERRORS,
    ),
    Operation(
        operation_id="shareWorkflow",
        summary="Share a workflow with a named person outside its organisation (owner, manager)",
        description="`viewer`: read and download. `estimator`: also photos, comments, findings, "
        "approval and sign-off (with their own certification on file). A signed-in person only.",
        tag="Collaborators",
        body=ShareRequest,
        body_examples={"estimator": {"summary": "An insurer's estimator", "value": {"role": "estimator"}}},
        answer=Answer(200, "The collaborator", (CollaboratorResponse,)),
        errors={
            **_WORKFLOW_ERRORS,
            400: ("INVALID_WORKFLOW_ID", "INVALID_USER_ID"),
            409: ("ALREADY_MEMBER",),
        },
    ),
    Operation(
        operation_id="unshareWorkflow",
        summary="Stop sharing a workflow with a person (owner, manager)",
        tag="Collaborators",
        answer=Answer(200, "No longer shared", (Success,)),
        errors={**_WORKFLOW_ERRORS, 404: ("WORKFLOW_NOT_FOUND", "COLLABORATOR_NOT_FOUND")},
    ),
)
