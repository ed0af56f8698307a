"""Who may do what: one table, one decision, for every route, WebSocket subscription and download.

`decide(relationship, role, action)` is the whole policy, and pure: the caller's relationship to
the thing (a member of the organisation it belongs to, a collaborator it was shared with, or a
stranger), their role in that relationship, and the action. It answers

- `ALLOW`;
- `FORBIDDEN` (403): they may see the thing, but not do this to it;
- `NOT_FOUND` (404): they may not see it at all, so they are not told it exists.

`authorize(ports, principal, action, workflow_id)` finds the relationship for a workflow and raises
the decision's error, or returns the workflow: every route that names a workflow calls it first
(it replaced `workflows.load_owned`). `authorize_org` does the same for an organisation's own
actions (members, invitations, templates, webhooks, analytics). docs/adr (organisations and
roles) explains the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chalicelib.core.errors import ForbiddenError, InvalidRequestError, NotFoundError, WorkflowNotFoundError
from chalicelib.core.identity import Principal
from chalicelib.core.models import WORKFLOW_ID_PATTERN, Workflow
from chalicelib.core.org_models import CollaboratorRole
from chalicelib.core.ports import Ports
from chalicelib.core.tenancy import Membership, Role, membership_of, personal_org_id


class Action(StrEnum):
    # --- on a workflow
    VIEW = "view"  # the workflow, its steps, findings, photos, revisions, collaborators; live progress
    DOWNLOAD = "download"  # its report, in any format or revision
    UPDATE_PROGRESS = "update_progress"  # PATCH its progress
    CONTROL = "control"  # pause, resume, retry, a fresh upload form
    DELETE = "delete"  # cancel a running one, delete a finished one
    ADD_PHOTO = "add_photo"
    COMMENT = "comment"
    EDIT_FINDINGS = "edit_findings"  # in review, after QA
    APPROVE = "approve"
    SIGN = "sign"  # also needs a current certification on file (core/signoff.py)
    OPEN_REVISION = "open_revision"
    SHARE = "share"  # name collaborators outside the organisation
    # --- on the organisation
    CREATE_WORKFLOW = "create_workflow"
    VIEW_MEMBERS = "view_members"
    MANAGE_ORG = "manage_org"  # rename
    MANAGE_MEMBERS = "manage_members"  # invite, change roles, remove, see and revoke invitations
    MANAGE_CERTIFICATIONS = "manage_certifications"  # set another member's certification
    MANAGE_TEMPLATES = "manage_templates"
    MANAGE_WEBHOOKS = "manage_webhooks"
    VIEW_ORG_ANALYTICS = "view_org_analytics"


class Relationship(StrEnum):
    MEMBER = "member"  # of the organisation the thing belongs to (a personal account's owner too)
    COLLABORATOR = "collaborator"  # named on this one workflow, from outside its organisation
    STRANGER = "stranger"


class Decision(StrEnum):
    ALLOW = "allow"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"


ORG_ACTIONS = frozenset(
    {
        Action.CREATE_WORKFLOW,
        Action.VIEW_MEMBERS,
        Action.MANAGE_ORG,
        Action.MANAGE_MEMBERS,
        Action.MANAGE_CERTIFICATIONS,
        Action.MANAGE_TEMPLATES,
        Action.MANAGE_WEBHOOKS,
        Action.VIEW_ORG_ANALYTICS,
    }
)
WORKFLOW_ACTIONS = frozenset(set(Action) - ORG_ACTIONS)

_READ = frozenset({Action.VIEW, Action.DOWNLOAD})
_FIELD_WORK = _READ | {
    Action.CREATE_WORKFLOW,
    Action.UPDATE_PROGRESS,
    Action.CONTROL,
    Action.ADD_PHOTO,
    Action.COMMENT,
    Action.SIGN,
    Action.VIEW_MEMBERS,
}

# What each member may do in their own organisation. Owners and managers: everything.
MEMBER_ALLOWS: dict[Role, frozenset[Action]] = {
    Role.OWNER: frozenset(Action),
    Role.MANAGER: frozenset(Action),
    Role.ESTIMATOR: _FIELD_WORK | {Action.EDIT_FINDINGS, Action.APPROVE, Action.OPEN_REVISION},
    Role.TECHNICIAN: _FIELD_WORK,
    Role.VIEWER: _READ | {Action.VIEW_MEMBERS},
}

# What a collaborator may do with the one workflow shared with them (nothing of the organisation's).
COLLABORATOR_ALLOWS: dict[CollaboratorRole, frozenset[Action]] = {
    CollaboratorRole.VIEWER: _READ,
    CollaboratorRole.ESTIMATOR: _READ
    | {
        Action.ADD_PHOTO,
        Action.COMMENT,
        Action.EDIT_FINDINGS,
        Action.APPROVE,
        Action.SIGN,
        Action.OPEN_REVISION,
    },
}

# What an API key (a field app acting for its user) may never do, whatever its user's role:
# judgements a person stands behind, and administering the account.
PEOPLE_ONLY = frozenset(
    {
        Action.EDIT_FINDINGS,
        Action.APPROVE,
        Action.SIGN,
        Action.OPEN_REVISION,
        Action.SHARE,
        Action.MANAGE_ORG,
        Action.MANAGE_MEMBERS,
        Action.MANAGE_CERTIFICATIONS,
        Action.MANAGE_TEMPLATES,
        Action.MANAGE_WEBHOOKS,
    }
)


def decide(
    relationship: Relationship,
    role: Role | CollaboratorRole | None,
    action: Action,
    *,
    by_api_key: bool = False,
) -> Decision:
    """The policy: pure, and the only place an action is allowed or refused."""
    if relationship is Relationship.STRANGER or role is None:
        return Decision.NOT_FOUND
    if relationship is Relationship.COLLABORATOR:
        if action in ORG_ACTIONS or not isinstance(role, CollaboratorRole):
            return Decision.NOT_FOUND  # a collaborator is no member: the organisation is not theirs
        allowed = COLLABORATOR_ALLOWS[role]
    else:
        allowed = MEMBER_ALLOWS[Role(role)]
    if action not in allowed:
        return Decision.FORBIDDEN
    if by_api_key and action in PEOPLE_ONLY:
        return Decision.FORBIDDEN
    return Decision.ALLOW


# --- the relationship, found -----------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """A caller's relationship to one workflow, and their role in it."""

    relationship: Relationship
    role: Role | CollaboratorRole | None


def workflow_org(workflow: Workflow) -> str:
    """The account a workflow belongs to (one made before accounts: its creator's own)."""
    return workflow.org_id or personal_org_id(workflow.user_id)


def standing(
    ports: Ports, user_id: str, workflow: Workflow, membership: Membership | None = None
) -> Standing:
    org = workflow_org(workflow)
    if org == personal_org_id(user_id):
        return Standing(Relationship.MEMBER, Role.OWNER)  # one's personal account is always one's own
    member = membership or membership_of(ports, user_id)
    if member.org_id == org:
        return Standing(Relationship.MEMBER, member.role)
    share = ports.shares.get(workflow.id, user_id)
    if share is not None:
        return Standing(Relationship.COLLABORATOR, share.role)
    return Standing(Relationship.STRANGER, None)


def checked_workflow_id(workflow_id: str) -> str:
    if not WORKFLOW_ID_PATTERN.fullmatch(workflow_id):
        raise InvalidRequestError(
            "Workflow ids look like 'wf_' followed by 32 hex digits", code="INVALID_WORKFLOW_ID"
        )
    return workflow_id


def _refuse(decision: Decision, action: Action, principal: Principal, not_found: NotFoundError) -> None:
    if decision is Decision.ALLOW:
        return
    if decision is Decision.NOT_FOUND:
        raise not_found
    if principal.api_key_id is not None and action in PEOPLE_ONLY:
        raise ForbiddenError(
            f"An API key may not {action.value.replace('_', ' ')}; sign in", code="USER_TOKEN_REQUIRED"
        )
    raise ForbiddenError(f"Your role does not allow you to {action.value.replace('_', ' ')} here")


def authorize(ports: Ports, principal: Principal, action: Action, workflow_id: str) -> Workflow:
    """The workflow, if the caller may do `action` to it; WorkflowNotFoundError if they may not
    see it, ForbiddenError if they may see it but not do this."""
    workflow = ports.workflows.get(checked_workflow_id(workflow_id))
    if workflow is None:
        raise WorkflowNotFoundError(workflow_id)
    found = standing(ports, principal.user_id, workflow)
    decision = decide(found.relationship, found.role, action, by_api_key=principal.api_key_id is not None)
    _refuse(decision, action, principal, WorkflowNotFoundError(workflow_id))
    return workflow


def can(
    ports: Ports, user_id: str, action: Action, workflow: Workflow, membership: Membership | None = None
) -> bool:
    """Whether a person (not a key) may do `action` to a workflow already read (listings)."""
    found = standing(ports, user_id, workflow, membership)
    return decide(found.relationship, found.role, action) is Decision.ALLOW


def member_may(membership: Membership, action: Action) -> bool:
    """Whether a member may do an action of their own account (templates, webhooks, its figures):
    the table's answer, for the modules that hold the membership already."""
    return decide(Relationship.MEMBER, membership.role, action) is Decision.ALLOW


class OrganisationNotFoundError(NotFoundError):
    code = "ORGANISATION_NOT_FOUND"

    def __init__(self, org_id: str) -> None:
        super().__init__(f"Organisation {org_id} not found")


def authorize_org(
    ports: Ports,
    principal: Principal,
    action: Action,
    org_id: str | None = None,
    *,
    membership: Membership | None = None,
) -> Membership:
    """The caller's membership, if they may do `action` in the organisation `org_id` (default:
    their own); OrganisationNotFoundError if it is not theirs, ForbiddenError if their role does
    not allow it. Templates, webhooks and analytics call this with their action. `membership`:
    the caller's, if this request has read it already (not read again)."""
    membership = membership or membership_of(ports, principal.user_id)
    target = org_id or membership.org_id
    relationship = Relationship.MEMBER if target == membership.org_id else Relationship.STRANGER
    decision = decide(relationship, membership.role, action, by_api_key=principal.api_key_id is not None)
    _refuse(decision, action, principal, OrganisationNotFoundError(target))
    return membership
