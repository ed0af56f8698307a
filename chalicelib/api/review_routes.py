"""The routes of one workflow's review and evidence: findings, photos, revisions, approval,
sign-off, the report, and its collaborators. Each asks `policy.authorize` first, with its action.
"""

from __future__ import annotations

from typing import Any

from chalice.app import Response

from chalicelib.api.http import json_body_of, json_response, parse_model
from chalicelib.api.routing import (
    RouteGroup,
    audited,
    current_principal,
    json_body,
    ports,
    query_params,
    request,
)
from chalicelib.core import activity, photos, review, revisions, sharing, signoff, workflows
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.models import ApproveRequest, CreatePhotoRequest, SignRequest, Workflow
from chalicelib.core.org_models import ShareRequest
from chalicelib.core.policy import Action, authorize

routes = RouteGroup("review")


def workflow_response(workflow: Workflow) -> Response:
    return json_response({"workflow": workflow.public()}, headers={"ETag": f'"{workflow.version}"'})


@routes.api("/workflows/{workflow_id}/findings", "GET", "getFindings")
def get_findings(workflow_id: str) -> Response:
    from chalicelib.core import findings_edits  # the analysis and QA: only these routes load them

    view = findings_edits.read(ports(), authorize(ports(), current_principal(), Action.VIEW, workflow_id))
    return _findings_response(view)


@routes.api(
    "/workflows/{workflow_id}/findings",
    "PATCH",
    "patchFindings",
    people_only=True,
    content_types=["application/merge-patch+json", "application/json-patch+json", "application/json"],
)
def patch_findings(workflow_id: str) -> Response:
    from chalicelib.core import findings_edits

    principal = current_principal()
    workflow = authorize(ports(), principal, Action.EDIT_FINDINGS, workflow_id)
    current = request()
    content_type = current.headers.get("content-type", "application/json")
    body = json_body_of(current.raw_body)
    edited = findings_edits.edit(
        ports(), workflow, principal.user_id, body, content_type, current.headers.get("if-match")
    )
    if edited.changes:
        audited(AuditAction.FINDINGS_EDIT, workflow_id, changes=edited.changes)
    return _findings_response(edited.view)


def _findings_response(view: Any) -> Response:
    """`{findings, qa}` with the findings' ETag (a `findings_edits.FindingsView`)."""
    return json_response({"findings": view.findings, "qa": view.qa}, headers={"ETag": f'"{view.etag}"'})


@routes.api("/workflows/{workflow_id}/photos", "POST", "createPhoto")
def create_photo(workflow_id: str) -> Response:
    workflow = authorize(ports(), current_principal(), Action.ADD_PHOTO, workflow_id)
    photo_request = parse_model(CreatePhotoRequest, json_body())
    created = photos.create_photo(ports(), workflow, photo_request)
    audited(AuditAction.PHOTO_ADD, workflow_id, photoId=created["photo"]["id"], room=photo_request.room)
    return json_response(created, 201)


@routes.api("/workflows/{workflow_id}/photos", "GET", "listPhotos")
def list_photos(workflow_id: str) -> Response:
    workflow = authorize(ports(), current_principal(), Action.VIEW, workflow_id)
    return json_response({"photos": photos.list_photos(ports(), workflow)})


@routes.api("/workflows/{workflow_id}/revisions", "POST", "openRevision", people_only=True)
def open_revision(workflow_id: str) -> Response:
    workflow = authorize(ports(), current_principal(), Action.OPEN_REVISION, workflow_id)
    opened = revisions.open_revision(ports(), workflow)
    audited(AuditAction.REVISION_OPEN, workflow_id, revision=opened.revision)
    return workflow_response(opened)


@routes.api("/workflows/{workflow_id}/revisions", "GET", "listRevisions")
def list_revisions(workflow_id: str) -> Response:
    workflow = authorize(ports(), current_principal(), Action.VIEW, workflow_id)
    return json_response({"revisions": revisions.list_revisions(workflow), "current": workflow.revision})


@routes.api("/workflows/{workflow_id}/sign", "POST", "signReport", people_only=True)
def sign_report(workflow_id: str) -> Response:
    principal = current_principal()
    workflow = authorize(ports(), principal, Action.SIGN, workflow_id)
    sign_request = parse_model(SignRequest, json_body())
    signed = signoff.sign(ports(), workflow, principal.user_id, sign_request)
    signature = signoff.current_signature(signed)
    assert signature is not None
    hashes = {extension: file.sha256 for extension, file in signature.files.items()}
    audited(AuditAction.REPORT_SIGN, workflow_id, revision=signature.revision, sha256=hashes)
    return workflow_response(signed)


@routes.api("/workflows/{workflow_id}/approve", "POST", "approveWorkflow", people_only=True)
def approve_workflow(workflow_id: str) -> Response:
    principal = current_principal()
    # Who may first: someone who may not see the workflow is 404 whatever the body says.
    workflow = authorize(ports(), principal, Action.APPROVE, workflow_id)
    approve_request = parse_model(ApproveRequest, json_body())
    approved = review.approve(ports(), workflow, principal.user_id, approve_request)
    overridden = [o.code for o in approved.review.overrides] if approved.review else []
    audited(AuditAction.WORKFLOW_APPROVE, workflow_id, overrides=overridden)
    return workflow_response(approved)


@routes.api("/workflows/{workflow_id}/report", "GET", "getReport")
def get_report(workflow_id: str) -> Response:
    workflow = authorize(ports(), current_principal(), Action.DOWNLOAD, workflow_id)
    report_format = query_params().get("format", "json")
    report = workflows.get_report(ports(), workflow, report_format, query_params().get("revision"))
    audited(AuditAction.REPORT_DOWNLOAD, workflow_id, format=report_format)
    return json_response(report)


# --- comments and the activity feed -------------------------------------------------------


@routes.api("/workflows/{workflow_id}/comments", "POST", "addComment")
def add_comment(workflow_id: str) -> Response:
    principal = current_principal()
    workflow = authorize(ports(), principal, Action.COMMENT, workflow_id)
    entry = activity.comment(ports(), principal, workflow, parse_model(activity.CommentRequest, json_body()))
    audited(AuditAction.COMMENT_ADD, workflow_id, activityId=entry.id)
    return json_response({"comment": entry.model_dump(mode="json")}, 201)


@routes.api("/workflows/{workflow_id}/activity", "GET", "listActivity")
def list_activity(workflow_id: str) -> Response:
    workflow = authorize(ports(), current_principal(), Action.VIEW, workflow_id)
    query = parse_model(activity.ListActivityQuery, query_params(), "query string")
    return json_response(activity.feed(ports(), workflow, query))


# --- collaborators ------------------------------------------------------------------------


@routes.api("/workflows/{workflow_id}/collaborators", "GET", "listCollaborators")
def list_collaborators(workflow_id: str) -> Response:
    workflow = authorize(ports(), current_principal(), Action.VIEW, workflow_id)
    shares = sharing.collaborators(ports(), workflow)
    return json_response({"collaborators": [s.view() for s in shares]})


@routes.api("/workflows/{workflow_id}/collaborators/{user_id}", "PUT", "shareWorkflow", people_only=True)
def share_workflow(workflow_id: str, user_id: str) -> Response:
    principal = current_principal()
    workflow = authorize(ports(), principal, Action.SHARE, workflow_id)
    share_request = parse_model(ShareRequest, json_body())
    share = sharing.share(ports(), workflow, user_id, principal.user_id, share_request)
    audited(AuditAction.WORKFLOW_SHARE, workflow_id, userId=user_id, role=share.role.value)
    return json_response({"collaborator": share.view()})


@routes.api("/workflows/{workflow_id}/collaborators/{user_id}", "DELETE", "unshareWorkflow", people_only=True)
def unshare_workflow(workflow_id: str, user_id: str) -> Response:
    workflow = authorize(ports(), current_principal(), Action.SHARE, workflow_id)
    sharing.unshare(ports(), workflow, user_id)
    audited(AuditAction.WORKFLOW_UNSHARE, workflow_id, userId=user_id)
    return json_response({"success": True})
