"""The memory double of the photo store answers as the DynamoDB adapter does: the same calls made
on each (moto's DynamoDB behind the adapter, beside the workflow store whose partitions the photos
live in) give the same photos, order, refusals and deletions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from chalicelib.aws.photo_records import DynamoPhotoRecords
from chalicelib.aws.workflow_records import DynamoWorkflowRecords
from chalicelib.core.models import GpsPosition, InputMethod, Photo, PhotoStatus, Workflow, WorkflowStatus
from chalicelib.core.ports import PhotoRecords, WorkflowRecords
from tests.aws_answers import workflows_table
from tests.memory_workflows import MemoryPhotoRecords, MemoryWorkflowRecords
from tests.store_contract import assert_double_answers_as_adapter, outcome

pytestmark = pytest.mark.unit

START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
Stores = tuple[WorkflowRecords, PhotoRecords]


@contextmanager
def _memory() -> Iterator[Stores]:
    workflows = MemoryWorkflowRecords()
    yield workflows, MemoryPhotoRecords(workflows)


@contextmanager
def _dynamodb() -> Iterator[Stores]:
    with workflows_table() as table:
        yield DynamoWorkflowRecords(table), DynamoPhotoRecords(table)


STORES: dict[str, Callable[[], AbstractContextManager[Stores]]] = {"memory": _memory, "dynamodb": _dynamodb}


def _workflow(n: int) -> Workflow:
    created = START + timedelta(seconds=n)
    return Workflow(
        id=f"wf_{n:032x}",
        user_id="owner",
        title=f"Job {n}",
        input_method=InputMethod.TEXT,
        created_at=created,
        updated_at=created,
    )


def _photo(workflow: Workflow, n: int, *, seconds: int | None = None) -> Photo:
    return Photo(
        id=f"ph_{n:02d}",
        workflow_id=workflow.id,
        user_id="owner",
        file_name=f"IMG_{n:04d}.jpg",
        content_type="image/jpeg",
        caption=f"Wet skirting, photo {n}",
        room="Laundry",
        created_at=START + timedelta(minutes=n if seconds is None else 0, seconds=seconds or 0),
        upload_key=f"photos/{workflow.id}/ph_{n:02d}",
    )


def _received(photo: Photo) -> Photo:
    return photo.model_copy(
        update={
            "status": PhotoStatus.RECEIVED,
            "received_at": START + timedelta(hours=1),
            "sha256": "ab" * 32,
            "size": 123_456,
            "format": "JPEG",
            "width": 4032,
            "height": 3024,
            "exif_taken_at": "2026:11:20 08:41:07",
            "gps": GpsPosition(latitude=-31.95, longitude=115.86),
            "report_key": f"photos/{photo.workflow_id}/{photo.id}.report.jpg",
        }
    )


def _transcript(stores: Stores) -> dict[str, Any]:
    workflows, photos = stores
    said: dict[str, Any] = {}
    kept, deleted = _workflow(0), _workflow(1)
    for job in (kept, deleted):
        workflows.create(job)
    # Two photos asked for in the same instant list by id; the others by when they were asked for.
    asked = [_photo(kept, 3), _photo(kept, 1), _photo(kept, 5, seconds=0), _photo(kept, 4, seconds=0)]
    for photo in asked:
        photos.create(photo)
    photos.create(_photo(deleted, 7))
    said["same id again"] = outcome(lambda: photos.create(_photo(kept, 3)))
    said["listed"] = [p.id for p in photos.list_for_workflow(kept.id)]
    said["got"] = photos.get(kept.id, "ph_01")
    said["missing"] = photos.get(kept.id, "ph_99")
    said["other workflow's id"] = photos.get(deleted.id, "ph_01")
    # Two deliveries of one upload: the first receipt wins, the second is told.
    said["settled"] = outcome(lambda: photos.settle(_received(asked[1])))
    rejected = asked[1].model_copy(update={"status": PhotoStatus.REJECTED, "error_code": "NOT_AN_IMAGE"})
    said["settled twice"] = outcome(lambda: photos.settle(rejected))
    said["receipt"] = photos.get(kept.id, "ph_01")
    said["settle a photo never asked for"] = outcome(lambda: photos.settle(_received(_photo(kept, 9))))
    # Deleting a finished workflow deletes its photos' records with it.
    workflows.update(deleted.id, lambda w: setattr(w, "status", WorkflowStatus.COMPLETED))
    finished = workflows.get(deleted.id)
    assert finished is not None
    workflows.delete_with_history(deleted.id, version=finished.version)
    said["after delete"] = (photos.get(deleted.id, "ph_07"), photos.list_for_workflow(deleted.id))
    said["others kept"] = [p.id for p in photos.list_for_workflow(kept.id)]
    return said


@pytest.mark.parametrize("name", sorted(STORES))
def test_store_answers_as_the_port_promises(name: str) -> None:
    with STORES[name]() as stores:
        said = _transcript(stores)

    assert said["same id again"] == "ConditionFailed"
    assert said["listed"] == ["ph_04", "ph_05", "ph_01", "ph_03"]
    assert said["got"] is not None and said["got"].status is PhotoStatus.PENDING
    assert said["missing"] is None and said["other workflow's id"] is None
    assert said["settled"] == "done"
    assert said["settled twice"] == "ConditionFailed"
    receipt = said["receipt"]
    assert receipt.status is PhotoStatus.RECEIVED and receipt.error_code is None
    assert receipt.gps == GpsPosition(latitude=-31.95, longitude=115.86)
    assert said["settle a photo never asked for"] == "ConditionFailed"
    assert said["after delete"] == (None, [])
    assert said["others kept"] == ["ph_04", "ph_05", "ph_01", "ph_03"]


def test_memory_double_answers_as_the_dynamodb_adapter() -> None:
    assert_double_answers_as_adapter(STORES, _transcript)
