"""PDF and Word inputs: the presigned upload, and the S3 event that starts the workflow.

The file never passes through API Gateway (10 MB body limit): the API hands out a presigned
S3 POST whose policy pins the key, the content type and the size range, and the bucket's
`ObjectCreated` notification (through SQS) starts the workflow's execution.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote_plus

from chalicelib import observability
from chalicelib.core import photos, user_settings
from chalicelib.core.documents import UPLOAD_KEY, upload_key
from chalicelib.core.errors import InvalidRequestError, PayloadTooLargeError, WorkflowStoppedError
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
    expected_type = DOCUMENT_CONTENT_TYPES[request.input_method]
    if request.content_type != expected_type:
        raise InvalidRequestError(
            f"A {request.input_method.value} upload has contentType {expected_type}",
            code="INVALID_CONTENT_TYPE",
        )
    settings = get_settings()
    if request.size > settings.max_upload_bytes:
        raise PayloadTooLargeError(
            f"The file has {request.size} bytes; the limit is {settings.max_upload_bytes}",
            code="FILE_TOO_LARGE",
        )
    now = utc_now()
    workflow = Workflow(
        id=new_workflow_id(),
        user_id=user_id,
        title=request.title or request.file_name,
        input_method=request.input_method,
        review_required=user_settings.review_required(ports, user_id, request.review_required),
        created_at=now,
        updated_at=now,
    )
    key = upload_key(user_id, workflow.id, request.file_name)
    workflow.input_data = {
        "uploadKey": key,
        "fileName": request.file_name,
        "contentType": request.content_type,
        "declaredSize": request.size,
    }
    form = ports.blobs.upload_form(
        key, request.content_type, settings.max_upload_bytes, settings.upload_expiry_seconds
    )
    ports.workflows.create(workflow)
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
            "PDF and WORD workflows need inputData: {fileName, contentType, size}",
            code="MISSING_INPUT_DATA",
        )
    fields = {
        **request.input_data,
        "inputMethod": request.input_method,
        "title": request.title,
        "reviewRequired": request.review_required,
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
            with observability.about_workflow(observability.workflow_in_key(key)):
                if photos.is_photo_key(key):
                    photos.photo_created(ports, key)
                else:
                    object_created(ports, key, int(s3_object.get("size", 0)))


class _AlreadyRecordedError(Exception):
    """The same upload was seen before (S3 and SQS deliver at least once)."""


def object_created(ports: Ports, key: str, size: int) -> None:
    """Start the workflow that owns `key`. Delivered twice, it still starts one execution."""
    match = UPLOAD_KEY.fullmatch(key)
    workflow = ports.workflows.get(match["workflow_id"]) if match else None
    if match is None or workflow is None or workflow.user_id != match["user_id"]:
        logger.warning("Upload that no workflow owns; ignored", extra={"key": key})
        return
    if (workflow.input_data or {}).get("uploadKey") != key:
        logger.warning("Upload under a workflow's prefix but not its key; ignored", extra={"key": key})
        return

    def record_upload(current: Workflow) -> None:
        if current.status is not WorkflowStatus.PENDING:
            raise WorkflowStoppedError(f"Workflow {current.id} is {current.status.value}")
        data = dict(current.input_data or {})
        if "uploadedAt" in data:
            raise _AlreadyRecordedError
        current.input_data = {**data, "uploadedAt": iso(utc_now()), "uploadedSize": size}
        current.execution_name = current.id

    try:
        ports.workflows.update(workflow.id, record_upload)
    except WorkflowStoppedError:
        logger.info("Upload for a workflow no longer waiting; ignored", extra={"key": key})
        return
    except _AlreadyRecordedError:
        pass  # a repeated event: the start below is idempotent, so a lost first start heals
    ports.engine.start(workflow.id, workflow.user_id)
