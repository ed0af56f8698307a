"""Photos as evidence: the presigned upload, the receipt (hash, EXIF, refusals, the report copy),
and the listing.

A photo is asked for with what the uploader knows (caption, room, when it was taken) and
uploaded straight to S3 as documents are. Its receipt is recorded from the bytes S3 holds, never
from the uploader's word: SHA-256, size, pixel dimensions, EXIF time and GPS. S3 and SQS deliver
at least once: a photo settles once (a DynamoDB condition on PENDING), and its progress event is
noted once on the workflow, however often the notification comes.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any

from chalicelib.core.documents import PHOTO_UPLOAD_KEY, photo_report_key, photo_upload_key
from chalicelib.core.errors import ConflictError, InvalidRequestError, PayloadTooLargeError
from chalicelib.core.models import (
    PHOTO_CONTENT_TYPES,
    CreatePhotoRequest,
    GpsPosition,
    Photo,
    PhotoStatus,
    Workflow,
    WorkflowStatus,
    new_photo_id,
    utc_now,
)
from chalicelib.core.ports import ConditionFailed, NotFound, Ports
from chalicelib.logs import logger
from chalicelib.settings import get_settings

if TYPE_CHECKING:
    from chalicelib.analysis.photo_rules import PhotoEvidence


def create_photo(ports: Ports, workflow: Workflow, request: CreatePhotoRequest) -> dict[str, Any]:
    """The photo's record (PENDING) and its upload form. `workflow` is the caller's own."""
    if request.content_type not in PHOTO_CONTENT_TYPES:
        raise InvalidRequestError(
            f"A photo is one of {', '.join(sorted(PHOTO_CONTENT_TYPES))}", code="INVALID_CONTENT_TYPE"
        )
    settings = get_settings()
    if request.size is not None and request.size > settings.max_photo_bytes:
        raise PayloadTooLargeError(
            f"The photo has {request.size} bytes; the limit is {settings.max_photo_bytes}",
            code="FILE_TOO_LARGE",
        )
    if workflow.status is WorkflowStatus.CANCELLED:
        raise ConflictError("The workflow was cancelled", code="WORKFLOW_FINISHED")
    if len(ports.photos.list_for_workflow(workflow.id)) >= settings.max_photos_per_workflow:
        raise ConflictError(
            f"A workflow holds at most {settings.max_photos_per_workflow} photos", code="TOO_MANY_PHOTOS"
        )
    photo_id = new_photo_id()
    photo = Photo(
        id=photo_id,
        workflow_id=workflow.id,
        user_id=workflow.user_id,
        file_name=request.file_name,
        content_type=request.content_type,
        caption=request.caption,
        room=request.room,
        taken_at=request.taken_at,
        created_at=utc_now(),
        upload_key=photo_upload_key(workflow.user_id, workflow.id, photo_id),
    )
    form = ports.blobs.upload_form(
        photo.upload_key, request.content_type, settings.max_photo_bytes, settings.upload_expiry_seconds
    )
    ports.photos.create(photo)
    return {
        "photo": photo.public(),
        "upload": form,
        "maxBytes": settings.max_photo_bytes,
    }


def list_photos(ports: Ports, workflow: Workflow) -> list[dict[str, Any]]:
    return [photo.public() for photo in ports.photos.list_for_workflow(workflow.id)]


# --- receipt: the S3 notification of a photo's upload ----------------------------------------


def is_photo_key(key: str) -> bool:
    return PHOTO_UPLOAD_KEY.fullmatch(key) is not None


def photo_created(ports: Ports, key: str) -> bool:
    """Record the receipt of the photo at `key`. Delivered twice, it settles and notes it once.
    False when no photo record owns the key (its workflow deleted): the caller removes it."""
    from chalicelib.extract.images import Limits, PhotoRejectedError, check_photo  # deferred: Pillow

    match = PHOTO_UPLOAD_KEY.fullmatch(key)
    assert match is not None
    photo = ports.photos.get(match["workflow_id"], match["photo_id"])
    if photo is None or photo.user_id != match["user_id"] or photo.upload_key != key:
        logger.warning("Photo upload that no photo record owns", extra={"key": key})
        return False
    if photo.status is PhotoStatus.PENDING:
        try:
            data = ports.blobs.get_bytes(key)
        except NotFound:
            logger.warning("Photo notified but gone from the bucket; ignored", extra={"key": key})
            return True
        settings = get_settings()
        limits = Limits(
            settings.max_photo_pixels, settings.report_photo_max_side, settings.report_photo_quality
        )
        settled = photo.model_copy(update={"received_at": utc_now(), "size": len(data)})
        try:
            checked = check_photo(data, limits)
        except PhotoRejectedError as refused:
            from chalicelib.extract.images import sha256_of

            # The hash of what was refused is kept too: support can match it to the object.
            settled.status, settled.sha256 = PhotoStatus.REJECTED, sha256_of(data)
            settled.error_code, settled.error_message = refused.code, refused.message
        else:
            report_key = photo_report_key(photo.user_id, photo.workflow_id, photo.id)
            # Written before the record says RECEIVED, so a reader never finds a missing copy;
            # a racing delivery writes the same bytes under the same key.
            ports.blobs.put_bytes(report_key, checked.report_jpeg, "image/jpeg")
            settled.status, settled.report_key = PhotoStatus.RECEIVED, report_key
            settled.sha256, settled.format = checked.sha256, checked.format
            settled.width, settled.height = checked.width, checked.height
            settled.exif_taken_at = checked.exif_taken_at
            if checked.gps is not None:
                settled.gps = GpsPosition(latitude=checked.gps[0], longitude=checked.gps[1])
        try:
            ports.photos.settle(settled)
            photo = settled
        except ConditionFailed:
            latest = ports.photos.get(photo.workflow_id, photo.id)  # another delivery settled it
            if latest is None:
                return True
            photo = latest
    _note_receipt(ports, photo)
    return True


def _note_receipt(ports: Ports, photo: Photo) -> None:
    """Note the settled photo on its workflow once: that write makes its progress event."""
    receipt = photo.error_code or photo.status.value

    def note(workflow: Workflow) -> None:
        if workflow.photo_receipts.get(photo.id) == receipt:
            raise _AlreadyNotedError
        workflow.photo_receipts = {**workflow.photo_receipts, photo.id: receipt}

    # Noted by an earlier delivery, or the workflow was deleted meanwhile: nothing to do.
    with suppress(_AlreadyNotedError, NotFound):
        ports.workflows.update(photo.workflow_id, note)


class _AlreadyNotedError(Exception):
    """The receipt is on the workflow already."""


# --- what the report and QA read ---------------------------------------------------------------


def received_photos(ports: Ports, workflow_id: str) -> list[Photo]:
    """The photos that arrived and passed, oldest first."""
    return [p for p in ports.photos.list_for_workflow(workflow_id) if p.status is PhotoStatus.RECEIVED]


def evidence(ports: Ports, workflow_id: str) -> list[PhotoEvidence]:
    """What QA's photo rules read: each received photo's room and caption."""
    from chalicelib.analysis.photo_rules import PhotoEvidence

    return [PhotoEvidence(p.room, p.caption) for p in received_photos(ports, workflow_id)]


def taken_at(photo: Photo) -> datetime | None:
    """When it was taken: EXIF's word over the uploader's (a camera does not misremember)."""
    if photo.exif_taken_at:
        try:
            return datetime.strptime(photo.exif_taken_at[:19], "%Y:%m:%d %H:%M:%S")
        except ValueError:
            pass
    return photo.taken_at.replace(tzinfo=None) if photo.taken_at else None
