"""DynamoDB adapter for photos (`PhotoRecords`), in the workflow's own partition:

    pk = WF#<workflowId>  sk = PHOTO#<photoId>   what the uploader said, and the receipt

In the workflow's partition, a workflow's deletion (`delete_with_history`) takes its photos'
records with it, and listing them is one query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from boto3.dynamodb.conditions import Attr, Key

from chalicelib.aws.dynamo import call, from_dynamo, pages, to_dynamo
from chalicelib.aws.workflow_records import workflow_pk
from chalicelib.core.models import Photo, PhotoStatus

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table

PHOTO_SK_PREFIX = "PHOTO#"


def _key(workflow_id: str, photo_id: str) -> dict[str, str]:
    return {"pk": workflow_pk(workflow_id), "sk": f"{PHOTO_SK_PREFIX}{photo_id}"}


def _item(photo: Photo) -> dict[str, Any]:
    item: dict[str, Any] = to_dynamo(photo.model_dump(mode="json", exclude_none=True))
    return {**item, **_key(photo.workflow_id, photo.id)}


class DynamoPhotoRecords:
    def __init__(self, table: Table) -> None:
        self._table = table

    def create(self, photo: Photo) -> None:
        call(self._table.put_item, Item=_item(photo), ConditionExpression=Attr("pk").not_exists())

    def get(self, workflow_id: str, photo_id: str) -> Photo | None:
        item = call(self._table.get_item, Key=_key(workflow_id, photo_id), ConsistentRead=True).get("Item")
        return Photo.model_validate(from_dynamo(item)) if item else None

    def list_for_workflow(self, workflow_id: str) -> list[Photo]:
        photos: list[Photo] = []
        for page in pages(
            self._table.query,
            KeyConditionExpression=Key("pk").eq(workflow_pk(workflow_id))
            & Key("sk").begins_with(PHOTO_SK_PREFIX),
            ConsistentRead=True,
        ):
            photos.extend(Photo.model_validate(from_dynamo(item)) for item in page.get("Items", []))
        return sorted(photos, key=lambda photo: (photo.created_at, photo.id))

    def settle(self, photo: Photo) -> None:
        # Of two deliveries of one upload racing here, the first write wins; the other is told.
        call(
            self._table.put_item,
            Item=_item(photo),
            ConditionExpression=Attr("status").eq(PhotoStatus.PENDING.value),
        )
