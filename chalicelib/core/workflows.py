"""What the workflow API does, one function per route; `app.py` only parses and shapes.

Who may do what to a workflow is `policy.authorize`'s to say, before any of these is called: the
functions that act on one workflow take it as the route's authorization returned it.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from chalicelib.core import activity, analytics, control, policy, templates, tenancy, uploads, user_settings
from chalicelib.core.audit_models import AuditAction
from chalicelib.core.documents import AREAS, input_payload_key, input_text_key, workflow_prefix
from chalicelib.core.errors import (
    ConflictError,
    InvalidRequestError,
    PayloadTooLargeError,
    VersionConflictError,
)
from chalicelib.core.identity import Principal
from chalicelib.core.models import (
    ACTIVE_STATUSES,
    FINISHED_STATUSES,
    PHASE_ORDER,
    REPORT_CONTENT_TYPES,
    UNFINISHED_STATUSES,
    UPLOADED_INPUTS,
    CreateWorkflowRequest,
    CreateWorkflowResponse,
    InputMethod,
    ListWorkflowsQuery,
    OrchestratorStats,
    PatchWorkflowRequest,
    PhaseProgressPatch,
    TextInput,
    UserSettings,
    Workflow,
    WorkflowStatus,
    WorkflowStep,
    iso,
    new_workflow_id,
    utc_now,
)
from chalicelib.core.org_models import ActivityEntry
from chalicelib.core.paging import decode_page_token, encode_page_token
from chalicelib.core.ports import ConditionFailed, Ports
from chalicelib.core.revisions import signed_file_key
from chalicelib.core.signoff import current_signature
from chalicelib.core.validation import validated
from chalicelib.fieldapps import inspection_from_payload, inspection_text
from chalicelib.settings import get_settings

# --- POST /workflows ----------------------------------------------------------------------


@dataclass(frozen=True)
class Creator:
    """Who creates a workflow, as one read found them: where they work and their defaults."""

    principal: Principal
    membership: tenancy.Membership
    settings: UserSettings


def authorized_creator(ports: Ports, principal: Principal) -> Creator:
    """The caller, if they may create workflows in their account (policy.authorize_org): the
    membership the authorization needs and the settings the new record needs, read together."""
    membership, settings = tenancy.membership_and_settings(ports, principal.user_id)
    policy.authorize_org(ports, principal, policy.Action.CREATE_WORKFLOW, membership=membership)
    return Creator(principal, membership, settings)


@dataclass(frozen=True)
class Created:
    """A new workflow's answer, and its first activity entry when that was written with the
    record (TEXT and API inputs); None: the caller records the feed's entry itself."""

    response: dict[str, Any]
    feed_entry: ActivityEntry | None = None


def create_workflow(ports: Ports, user_id: str, request: CreateWorkflowRequest) -> dict[str, Any]:
    """TEXT and API inputs start at once; a PDF or WORD workflow answers with its upload form."""
    membership, settings = tenancy.membership_and_settings(ports, user_id)
    return create(ports, Creator(Principal(user_id), membership, settings), request).response


def create(ports: Ports, creator: Creator, request: CreateWorkflowRequest) -> Created:
    """`create_workflow`, for the route: the creator as `authorized_creator` read them (one
    read for the membership and the settings), and a started workflow's `WORKFLOW_CREATE`
    activity entry written in the record's own transaction (one request fewer per POST)."""
    principal = creator.principal
    user_id = principal.user_id
    if request.input_method in UPLOADED_INPUTS:
        return Created(uploads.create_upload(ports, user_id, uploads.upload_request(request)))
    payload, text = inspection_input(request)
    template = templates.chosen(ports, user_id, request.template_id)  # refused before anything is stored
    now = utc_now()
    workflow_id = new_workflow_id()
    workflow = Workflow(
        id=workflow_id,
        user_id=user_id,
        org_id=creator.membership.org_id,
        execution_name=workflow_id,
        title=request.title or _default_title(request.input_method, text),
        input_method=request.input_method,
        review_required=user_settings.review_required(
            ports, user_id, request.review_required, creator.settings
        ),
        template=template,
        created_at=now,
        updated_at=now,
    )
    key = input_text_key(user_id, workflow.id)
    # The input goes to S3 before the record exists, so no record ever points at nothing.
    ports.blobs.put_text(key, text)
    workflow.input_data = {"textKey": key, "characters": len(text)}
    if payload is not None:
        payload_key = input_payload_key(user_id, workflow.id)
        ports.blobs.put_json(payload_key, payload)
        workflow.input_data["payloadKey"] = payload_key
    details = {"inputMethod": request.input_method.value}
    entry = activity.new_entry(principal, workflow.id, AuditAction.WORKFLOW_CREATE, details=details)
    ports.workflows.create(workflow, activity=entry)
    ports.engine.start(workflow.id, user_id)
    response = CreateWorkflowResponse(workflow_id=workflow.id, status=workflow.status).model_dump(mode="json")
    return Created(response, entry)


def inspection_input(request: CreateWorkflowRequest) -> tuple[dict[str, Any] | None, str]:
    """A TEXT or API workflow's input, checked: the field app's payload (API only) and the text
    the analysis reads; InvalidRequestError or PayloadTooLargeError if it will not do. Pure."""
    if request.input_method is InputMethod.API:
        return _field_app_input(request)
    return None, _checked_size(_text_input(request))


def _text_input(request: CreateWorkflowRequest) -> str:
    if request.input_data is None:
        raise InvalidRequestError("TEXT workflows need inputData.text", code="MISSING_INPUT_DATA")
    message = 'inputData must be {"text": "<inspection notes>"}'
    return validated(TextInput, request.input_data, message=message, code="INVALID_INPUT_DATA").text


def _field_app_input(request: CreateWorkflowRequest) -> tuple[dict[str, Any], str]:
    if request.input_data is None:
        raise InvalidRequestError("API workflows need inputData: the inspection", code="MISSING_INPUT_DATA")
    inspection = inspection_from_payload(request.input_data)
    return inspection.model_dump(mode="json", exclude_none=True), _checked_size(inspection_text(inspection))


def _checked_size(text: str) -> str:
    limit = get_settings().max_text_chars
    if len(text) > limit:
        raise PayloadTooLargeError(
            f"The inspection text has {len(text)} characters; the limit is {limit}",
            code="TEXT_TOO_LARGE",
        )
    return text


def _default_title(method: InputMethod, text: str | None) -> str:
    if text:
        first_line = text.strip().splitlines()[0].strip()
        return first_line[:80] or "Inspection"
    return f"{method.value} inspection"


# --- GET /workflows -----------------------------------------------------------------------


def list_workflows(ports: Ports, user_id: str, query: ListWorkflowsQuery) -> dict[str, Any]:
    """Newest first: the workflows of the caller's organisation, those shared with them, and the
    ones they made in their personal account, merged by the listing sort key (`<createdAt>#<id>`,
    which the page token carries), each once."""
    statuses: frozenset[WorkflowStatus] | None
    if query.status == "active":
        statuses = ACTIVE_STATUSES
    elif isinstance(query.status, WorkflowStatus):
        statuses = frozenset({query.status})
    else:
        statuses = None
    before = decode_page_token(query.next_token) if query.next_token else None
    membership = tenancy.membership_of(ports, user_id)
    page = query.limit + 1
    sources: list[Iterator[Workflow]] = [
        ports.workflows.newest_for_user(user_id, statuses=statuses, before=before, page=page)
    ]
    if not membership.is_personal:
        sources.append(
            ports.workflows.newest_for_org(membership.org_id, statuses=statuses, before=before, page=page)
        )
    sources.append(_shared_with(ports, user_id, statuses, before, page))
    merged = heapq.merge(*sources, key=sort_key, reverse=True)
    visible = (w for w in _each_once(merged) if policy.can(ports, user_id, policy.Action.VIEW, w, membership))
    taken = list(islice(visible, page))
    shown = taken[: query.limit]
    return {
        "workflows": [w.public(steps=True) for w in shown],
        "nextToken": encode_page_token(sort_key(shown[-1])) if len(taken) > query.limit else None,
    }


def sort_key(workflow: Workflow) -> str:
    return f"{iso(workflow.created_at)}#{workflow.id}"


def _each_once(workflows: Iterator[Workflow]) -> Iterator[Workflow]:
    """A workflow both in the organisation's and its creator's listing comes once (the same sort
    key puts the two copies side by side)."""
    last: str | None = None
    for workflow in workflows:
        if workflow.id != last:
            yield workflow
        last = workflow.id


def _shared_with(
    ports: Ports, user_id: str, statuses: frozenset[WorkflowStatus] | None, before: str | None, page: int
) -> Iterator[Workflow]:
    for share in ports.shares.newest_shared_with(user_id, before=before, page=page):
        workflow = ports.workflows.get(share.workflow_id)
        if workflow is not None and (statuses is None or workflow.status in statuses):
            yield workflow


# --- GET /workflows/{id} ------------------------------------------------------------------


def get_workflow(ports: Ports, workflow: Workflow) -> Workflow:
    """The workflow (as authorized) with its steps."""
    workflow.steps = _sorted_steps(ports, workflow.id)
    return workflow


def _sorted_steps(ports: Ports, workflow_id: str) -> list[WorkflowStep]:
    return sorted(ports.workflows.list_steps(workflow_id), key=lambda step: step.step_number)


# --- PATCH /workflows/{id} ----------------------------------------------------------------


def patch_workflow(
    ports: Ports,
    workflow: Workflow,
    request: PatchWorkflowRequest,
    if_match: str | None,
) -> Workflow:
    workflow_id = workflow.id
    patch = request.progress
    if not patch.model_fields_set:
        raise InvalidRequestError("progress names no field to change", code="EMPTY_PROGRESS")
    _check_phase_list(patch)
    expected = _parse_if_match(if_match)
    try:
        updated = ports.workflows.update(
            workflow_id, lambda workflow: apply_progress(workflow, patch), expected_version=expected
        )
    except ConditionFailed as exc:
        if expected is None:
            raise VersionConflictError("Too many concurrent updates; try again") from exc
        raise VersionConflictError(f"The workflow is no longer at version {expected}; read it again") from exc
    # Answer with the version this request wrote, not whatever a later writer made of it.
    updated.steps = _sorted_steps(ports, updated.id)
    return updated


MAX_VERSION_DIGITS = 18


def _parse_if_match(value: str | None) -> int | None:
    if value is None:
        return None
    # Accept a bare number or an HTTP entity tag: 7, "7", W/"7".
    cleaned = value.strip().removeprefix("W/").strip('"')
    # ASCII digits only ("²".isdigit() is True), and no more than a version can have.
    if not (cleaned.isascii() and cleaned.isdigit() and len(cleaned) <= MAX_VERSION_DIGITS):
        raise InvalidRequestError("If-Match must be a workflow version number", code="INVALID_IF_MATCH")
    return int(cleaned)


def _check_phase_list(patch: PhaseProgressPatch) -> None:
    phases = patch.completed_phases
    if phases is not None and phases != list(PHASE_ORDER[: len(phases)]):
        raise InvalidRequestError(
            "completedPhases must list phases in order without gaps: "
            + ", ".join(p.value for p in PHASE_ORDER),
            code="INVALID_PROGRESS",
        )


def apply_progress(workflow: Workflow, patch: PhaseProgressPatch) -> None:
    """Move progress forward only; anything that would go back is a conflict."""
    if workflow.status in FINISHED_STATUSES:
        raise ConflictError(
            f"Workflow is {workflow.status.value}; its progress can no longer change",
            code="WORKFLOW_FINISHED",
        )
    if patch.progress_percentage is not None:
        if patch.progress_percentage < workflow.progress_percentage:
            raise _backwards(
                f"progressPercentage {workflow.progress_percentage} -> {patch.progress_percentage}"
            )
        workflow.progress_percentage = patch.progress_percentage
    if patch.completed_phases is not None:
        if len(patch.completed_phases) < len(workflow.completed_phases):
            raise _backwards("completedPhases would lose a completed phase")
        workflow.completed_phases = list(patch.completed_phases)
    if patch.current_phase is not None:
        if PHASE_ORDER.index(patch.current_phase) < PHASE_ORDER.index(workflow.current_phase):
            raise _backwards(f"currentPhase {workflow.current_phase.value} -> {patch.current_phase.value}")
        workflow.current_phase = patch.current_phase
    if "estimated_time" in patch.model_fields_set:
        workflow.estimated_time = patch.estimated_time
        # The client's own estimate replaces ours; our seconds would contradict it.
        workflow.estimated_seconds_remaining = None


def _backwards(detail: str) -> ConflictError:
    return ConflictError(f"Progress cannot go backwards: {detail}", code="PROGRESS_BACKWARDS")


# --- DELETE /workflows/{id} ---------------------------------------------------------------


def delete_workflow(ports: Ports, workflow: Workflow) -> bool:
    """Cancel a running workflow (True); delete a finished one with its steps and documents."""
    if workflow.status in UNFINISHED_STATUSES:
        control.cancel_workflow(ports, workflow)
        return True
    try:
        ports.workflows.delete_with_history(workflow.id, version=workflow.version)
    except ConditionFailed as exc:
        raise ConflictError("Workflow changed while being deleted; try again") from exc
    blobs = ports.blobs
    for area in AREAS:
        blobs.delete_prefix(workflow_prefix(area, workflow.user_id, workflow.id))
    return False


# --- GET /stats ---------------------------------------------------------------------------


def get_stats(ports: Ports, user_id: str) -> OrchestratorStats:
    """From the user's all-time aggregate: one item read, however many workflows they have."""
    return analytics.get_stats(ports, user_id)


# --- GET /workflows/{id}/report -----------------------------------------------------------


def get_report(
    ports: Ports, workflow: Workflow, report_format: str, revision: str | None = None
) -> dict[str, Any]:
    """The report of a workflow the caller may download (`policy.Action.DOWNLOAD`)."""
    if report_format not in REPORT_CONTENT_TYPES:
        raise InvalidRequestError(
            f"format must be one of: {', '.join(REPORT_CONTENT_TYPES)}", code="INVALID_REPORT_FORMAT"
        )
    if revision is not None:
        return _signed_revision(ports, workflow, report_format, revision)
    # The final report once COMPLETED; before that, the DRAFT made for a review, if there is one.
    draft = workflow.status is not WorkflowStatus.COMPLETED
    if draft and not (workflow.output_data or {}).get("draft"):
        raise ConflictError(
            f"The report is ready when the workflow is COMPLETED (or a draft when it is "
            f"NEEDS_REVIEW); it is {workflow.status.value}",
            code="REPORT_NOT_READY",
        )
    signed = current_signature(workflow)
    if signed is not None and report_format in signed.files:
        key = signed.files[report_format].key  # the files as signed, checkable by their SHA-256
    else:
        # Every format lists the photos received by the time it is asked for, and what the
        # documentation checklist still asks for (photos arrive after a TEXT workflow's OUTPUT).
        # Only now, after the route's authorization: a stranger's request renders nothing.
        from chalicelib.report.files import file_on_request  # deferred: the renderers

        key = file_on_request(ports, workflow, report_format, draft=draft)
    return _served(ports, workflow, key, report_format, suffix="DRAFT" if draft else None, draft=draft)


def _signed_revision(ports: Ports, workflow: Workflow, report_format: str, revision: str) -> dict[str, Any]:
    """A signed revision's file, as it was signed (every revision stays downloadable)."""
    if not (revision.isascii() and revision.isdigit() and 0 < len(revision) <= 6):
        raise InvalidRequestError("revision must be a revision number", code="INVALID_REVISION")
    key = signed_file_key(workflow, int(revision), report_format)
    return _served(ports, workflow, key, report_format, suffix=f"rev{revision}", draft=False)


def _served(
    ports: Ports, workflow: Workflow, key: str, report_format: str, *, suffix: str | None, draft: bool
) -> dict[str, Any]:
    """The report itself (JSON), or a short-lived link to download its file under the job's name."""
    if report_format == "json":
        return {"report": ports.blobs.get_json(key)}
    expires_in = get_settings().presign_expiry_seconds
    name = download_name(workflow, report_format, suffix=suffix)
    return {
        "format": report_format,
        "contentType": REPORT_CONTENT_TYPES[report_format],
        "url": ports.blobs.download_url(key, expires_in, name),
        "expiresIn": expires_in,
        "draft": draft,
    }


_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def download_name(workflow: Workflow, report_format: str, *, suffix: str | None = None) -> str:
    """The file's name as the downloader saves it: after the job (its claim number, else its
    title) and the report's date, e.g. "CLM-4471_2026-11-19.pdf", never the workflow's id."""
    claim = (workflow.output_data or {}).get("claimNumber")
    job = str(claim or workflow.title or "Inspection report")
    stem = _UNSAFE_IN_NAME.sub("-", job).strip("-._")[:80] or "Inspection-report"
    day = (workflow.completed_at or workflow.updated_at).date().isoformat()
    parts = [stem, day, *([suffix] if suffix else [])]
    return f"{'_'.join(parts)}.{report_format}"
