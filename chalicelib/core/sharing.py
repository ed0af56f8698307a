"""Collaborators: a workflow shared with a named person outside its organisation, with a role on
that workflow alone (`org_models.CollaboratorRole`; what each may do is `policy.py`'s table)."""

from __future__ import annotations

from chalicelib.core import revocation
from chalicelib.core.errors import ConflictError, InvalidRequestError, NotFoundError, WorkflowNotFoundError
from chalicelib.core.models import Workflow, utc_now
from chalicelib.core.org_models import USER_ID_PATTERN, Share, ShareRequest
from chalicelib.core.policy import Relationship, standing
from chalicelib.core.ports import NotFound, Ports


class CollaboratorNotFoundError(NotFoundError):
    code = "COLLABORATOR_NOT_FOUND"


def collaborators(ports: Ports, workflow: Workflow) -> list[Share]:
    return ports.shares.for_workflow(workflow.id)


def share(ports: Ports, workflow: Workflow, user_id: str, by: str, request: ShareRequest) -> Share:
    """Name `user_id` a collaborator (or change their role). A member of the workflow's own
    organisation already has their role there: sharing with them is refused."""
    if not USER_ID_PATTERN.fullmatch(user_id):
        raise InvalidRequestError("That is not a user id", code="INVALID_USER_ID")
    if standing(ports, user_id, workflow).relationship is Relationship.MEMBER:
        raise ConflictError(
            f"{user_id} is a member of this workflow's organisation already", code="ALREADY_MEMBER"
        )
    created = Share(
        workflow_id=workflow.id,
        user_id=user_id,
        role=request.role,
        shared_by=by,
        shared_at=utc_now(),
        workflow_sort_key=workflow.listing_key,
    )
    try:
        ports.shares.put(created)
    except NotFound as exc:
        raise WorkflowNotFoundError(workflow.id) from exc
    revocation.withdraw(ports, user_id, workflow_id=workflow.id)  # a role that may not VIEW: ended now
    return created


def unshare(ports: Ports, workflow: Workflow, user_id: str) -> None:
    """Take the share away; the collaborator's live subscriptions to the workflow end at once. A
    repeat (say, after the first failed past its write) ends what the first left live."""
    removed = ports.shares.remove(workflow.id, user_id) if USER_ID_PATTERN.fullmatch(user_id) else False
    if USER_ID_PATTERN.fullmatch(user_id):
        revocation.withdraw(ports, user_id, workflow_id=workflow.id)
    if not removed:
        raise CollaboratorNotFoundError(f"{user_id} is not a collaborator on this workflow")
