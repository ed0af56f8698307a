"""PDF and Word inputs: the presigned upload, and the S3 event that starts the workflow.

The file never passes through API Gateway (10 MB body limit): the API hands out a presigned
S3 POST whose policy pins the key, the content type and the size range, and the bucket's
`ObjectCreated` notification (through SQS) starts the workflow's execution.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_plus

from chalicelib import observability
from chalicelib.core import photos, templates, tenancy, user_settings
from chalicelib.core.documents import UPLOAD_KEY, new_form_id, upload_key
from chalicelib.core.errors import (
    ConflictError,
    InvalidRequestError,
    PayloadTooLargeError,
    WorkflowStoppedError,
)
from chalicelib.core.models import (
    DOCUMENT_CONTENT_TYPES,
    CreateUploadRequest,
    CreateWorkflowRequest,
    Workflow,
    WorkflowStatus,
    iso,
    new_workflow_id,
    utc_now,
)
from chalicelib.core.ports import Ports
from chalicelib.core.validation import validated
from chalicelib.logs import logger
from chalicelib.settings import get_settings


def create_upload(ports: Ports, user_id: str, request: CreateUploadRequest) -> dict[str, Any]:
    expected_types = DOCUMENT_CONTENT_TYPES[request.input_method]
    if request.content_type not in expected_types:
        raise InvalidRequestError(
            f"A {request.input_method.value} upload has contentType {' or '.join(expected_types)}",
            code="INVALID_CONTENT_TYPE",
        )
    settings = get_settings()
    if request.size > settings.max_upload_bytes:
        raise PayloadTooLargeError(
            f"The file has {request.size} bytes; the limit is {settings.max_upload_bytes}",
            code="FILE_TOO_LARGE",
        )
    template = templates.chosen(ports, user_id, request.template_id)
    now = utc_now()
    workflow = Workflow(
        id=new_workflow_id(),
        user_id=user_id,
        org_id=tenancy.membership_of(ports, user_id).org_id,
        title=request.title or request.file_name,
        input_method=request.input_method,
        review_required=user_settings.review_required(ports, user_id, request.review_required),
        template=template,
        created_at=now,
        updated_at=now,
    )
    key = upload_key(user_id, workflow.id, request.file_name, new_form_id())
    workflow.input_data = {
        "uploadKey": key,
        "fileName": request.file_name,
        "contentType": request.content_type,
        "declaredSize": request.size,
    }
    ports.workflows.create(workflow)
    return _form_answer(ports, workflow, key)


def renew_upload_form(ports: Ports, workflow: Workflow) -> dict[str, Any]:
    """`POST /workflows/{id}/upload`: a fresh form for a workflow still waiting for its file.

    The record names the new form's key before the form is handed out, so the old form can no
    longer attach a file (its key is not the record's: the trigger removes what lands there).
    The PENDING expiry counts from the newest form (`formIssuedAt`)."""
    _require_waiting(workflow)
    data = workflow.input_data or {}
    key = upload_key(workflow.user_id, workflow.id, str(data.get("fileName", "")), new_form_id())

    def to_new_form(current: Workflow) -> None:
        _require_waiting(current)
        current.input_data = {**(current.input_data or {}), "uploadKey": key, "formIssuedAt": iso(utc_now())}

    return _form_answer(ports, ports.workflows.update(workflow.id, to_new_form), key)


def _require_waiting(workflow: Workflow) -> None:
    data = workflow.input_data or {}
    if workflow.input_method not in DOCUMENT_CONTENT_TYPES or "uploadKey" not in data:
        raise ConflictError("Only a PDF, WORD or IMAGE workflow takes an upload", code="NOT_PENDING")
    if workflow.status is not WorkflowStatus.PENDING or "uploadedAt" in data:
        raise ConflictError(
            f"This workflow is {workflow.status.value} and has its file already, or no longer waits "
            "for one: only a PENDING workflow gets a new upload form",
            code="NOT_PENDING",
        )


def _form_answer(ports: Ports, workflow: Workflow, key: str) -> dict[str, Any]:
    settings = get_settings()
    # The type the upload was declared as (one of the method's: an IMAGE may be JPEG, PNG, HEIC).
    declared = str((workflow.input_data or {}).get("contentType", ""))
    types = DOCUMENT_CONTENT_TYPES[workflow.input_method]
    content_type = declared if declared in types else types[0]
    form = ports.blobs.upload_form(
        key, content_type, settings.max_upload_bytes, settings.upload_expiry_seconds
    )
    return {
        "workflowId": workflow.id,
        "status": workflow.status.value,
        "upload": form,
        "maxBytes": settings.max_upload_bytes,
    }


def upload_request(request: CreateWorkflowRequest) -> CreateUploadRequest:
    """`POST /workflows` for a PDF or WORD: inputData describes the file to upload."""
    if request.input_data is None:
        raise InvalidRequestError(
            "PDF, WORD and IMAGE workflows need inputData: {fileName, contentType, size}",
            code="MISSING_INPUT_DATA",
        )
    fields = {
        **request.input_data,
        "inputMethod": request.input_method,
        "title": request.title,
        "reviewRequired": request.review_required,
        "templateId": request.template_id,
    }
    return validated(
        CreateUploadRequest,
        {k: v for k, v in fields.items() if v is not None},
        message="inputData must be {fileName, contentType, size}",
        code="INVALID_INPUT_DATA",
    )


# --- the S3 ObjectCreated notification, delivered through SQS ------------------------------


def process_upload_messages(ports: Ports, event: dict[str, Any], context: Any) -> dict[str, Any]:
    """An SQS batch: each message handled alone; only the failed ones go back to the queue."""
    from aws_lambda_powertools.utilities.batch import (  # deferred: only this Lambda needs it
        BatchProcessor,
        EventType,
        process_partial_response,
    )

    processor = BatchProcessor(event_type=EventType.SQS)
    response: dict[str, Any] = process_partial_response(  # type: ignore[assignment]
        event=event,
        record_handler=lambda record: handle_notification(ports, record.body),
        processor=processor,
        context=context,
    )
    return response


def handle_notification(ports: Ports, body: str) -> None:
    """One SQS message: an S3 event notification (or S3's test event, which is ignored)."""
    message = json.loads(body)
    if message.get("Event") == "s3:TestEvent":
        return
    for record in message.get("Records", []):
        if str(record.get("eventName", "")).startswith("ObjectCreated:"):
            s3_object = record["s3"]["object"]
            # S3 URL-encodes keys in notifications, spaces as '+'.
            key = unquote_plus(s3_object["key"])
            # A batch mixes workflows: each record's lines carry its own.
            arrival = Arrival(
                key,
                int(s3_object.get("size", 0)),
                # A versioned bucket names the version created, and its ETag.
                s3_object.get("versionId"),
                s3_object.get("eTag"),
            )
            with observability.about_workflow(observability.workflow_in_key(key)):
                if not photos.is_photo_key(key):
                    object_created(ports, arrival)
                elif not photos.photo_created(ports, key):
                    _discard(ports, arrival, "no photo of a workflow owns it (deleted)")


@dataclass(frozen=True)
class Arrival:
    """One object S3 says was created: its key, size, version and ETag as S3 reported them."""

    key: str
    size: int
    version_id: str | None = None
    etag: str | None = None


class _AlreadyRecordedError(Exception):
    """The workflow has its upload already: this notification is of that one (S3 and SQS deliver
    at least once) or of a second file."""

    def __init__(self, same_object: bool) -> None:
        super().__init__()
        self.same_object = same_object


class _NotTheFormsKeyError(Exception):
    """The object is not at the key of the workflow's current upload form."""


def object_created(ports: Ports, arrival: Arrival) -> None:
    """Record the upload and start the workflow that owns it; delivered twice, one execution.

    The record keeps the version and ETag received, and INITIATION reads that version: a second
    upload (a form posted twice on AWS, where S3 stores it as a new version) changes nothing the
    workflow reads. Anything else that lands (a second file, a file for a deleted, cancelled or
    expired workflow, a file sent with a replaced form) is removed and logged."""
    key = arrival.key
    match = UPLOAD_KEY.fullmatch(key)
    if match is None:
        # Not a key any form of ours names: someone with access to the bucket put it there.
        logger.warning("Upload that is no workflow's key; ignored", extra={"key": key})
        return
    workflow = ports.workflows.get(match["workflow_id"])
    if workflow is None or workflow.user_id != match["user_id"]:
        _discard(ports, arrival, "no workflow owns it (deleted, or never made)")
        return

    def record_upload(current: Workflow) -> None:
        data = dict(current.input_data or {})
        if data.get("uploadKey") != key:
            raise _NotTheFormsKeyError
        if "uploadedAt" in data:
            recorded = data.get("uploadVersionId")
            # Without version ids (an unversioned bucket) a second file cannot be told apart.
            same = arrival.version_id is None or recorded is None or recorded == arrival.version_id
            raise _AlreadyRecordedError(same_object=same)
        if current.status is not WorkflowStatus.PENDING:
            raise WorkflowStoppedError(f"Workflow {current.id} is {current.status.value}")
        current.input_data = {
            **data,
            "uploadedAt": iso(utc_now()),
            "uploadedSize": arrival.size,
            "uploadVersionId": arrival.version_id,
            "uploadETag": arrival.etag,
        }
        current.execution_name = current.id

    try:
        ports.workflows.update(workflow.id, record_upload)
    except _NotTheFormsKeyError:
        _discard(ports, arrival, "not the key of the workflow's current upload form")
        return
    except WorkflowStoppedError:
        _discard(ports, arrival, "the workflow no longer waits for a file")
        return
    except _AlreadyRecordedError as recorded:
        if not recorded.same_object:
            _discard(ports, arrival, "the workflow received its file already")
            return
        # A repeated event: the start below is idempotent, so a lost first start heals.
    ports.engine.start(workflow.id, workflow.user_id)


def _discard(ports: Ports, arrival: Arrival, reason: str) -> None:
    """Remove an object nothing will read (that version only: the one a workflow read stays)."""
    if arrival.version_id is None:
        logger.warning(
            "Upload not used (%s); kept: S3 named no version to remove", reason, extra={"key": arrival.key}
        )
        return
    ports.blobs.delete_version(arrival.key, arrival.version_id)
    logger.warning(
        "Upload not used (%s); removed", reason, extra={"key": arrival.key, "versionId": arrival.version_id}
    )
