"""DynamoDB adapter for API keys (`ApiKeyRecords`), in the workflows' table.

    pk = APIKEY#<id>  sk = APIKEY   the key, its secret's hash, when it was last used

Listed per user through UserCreatedIndex under `USER#<userId>#APIKEYS`, newest first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boto3.dynamodb.conditions import Attr, Key

from chalicelib.aws.dynamo import call, from_dynamo, pages
from chalicelib.core.models import ApiKey
from chalicelib.core.ports import ConditionFailed

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table

USER_CREATED_INDEX = "UserCreatedIndex"


def _key(key_id: str) -> dict[str, str]:
    return {"pk": f"APIKEY#{key_id}", "sk": "APIKEY"}


class DynamoApiKeyRecords:
    def __init__(self, table: Table) -> None:
        self._table = table

    def put(self, key: ApiKey, secret_hash: str) -> None:
        item = key.model_dump(mode="json", exclude_none=True)
        item.update(
            _key(key.id),
            secretHash=secret_hash,
            gsi2pk=f"USER#{key.user_id}#APIKEYS",
            gsi2sk=f"{item['createdAt']}#{key.id}",
        )
        call(self._table.put_item, Item=item, ConditionExpression=Attr("pk").not_exists())

    def get(self, key_id: str) -> tuple[ApiKey, str] | None:
        item = call(self._table.get_item, Key=_key(key_id), ConsistentRead=True).get("Item")
        if not item:
            return None
        return ApiKey.model_validate(from_dynamo(item)), str(item["secretHash"])

    def list_for_user(self, user_id: str) -> list[ApiKey]:
        keys: list[ApiKey] = []
        for page in pages(
            self._table.query,
            IndexName=USER_CREATED_INDEX,
            KeyConditionExpression=Key("gsi2pk").eq(f"USER#{user_id}#APIKEYS"),
            ScanIndexForward=False,
        ):
            keys.extend(ApiKey.model_validate(from_dynamo(item)) for item in page.get("Items", []))
        return keys

    def revoke(self, key_id: str, user_id: str, at: str) -> None:
        call(
            self._table.update_item,
            Key=_key(key_id),
            UpdateExpression="SET revokedAt = :at",
            ConditionExpression=Attr("userId").eq(user_id) & Attr("revokedAt").not_exists(),
            ExpressionAttributeValues={":at": at},
        )

    def touch(self, key_id: str, at: str, not_since: str) -> bool:
        # At most one write per interval: a write per request would be waste.
        try:
            call(
                self._table.update_item,
                Key=_key(key_id),
                UpdateExpression="SET lastUsedAt = :at",
                ConditionExpression=Attr("pk").exists()
                & (Attr("lastUsedAt").not_exists() | Attr("lastUsedAt").lt(not_since)),
                ExpressionAttributeValues={":at": at},
            )
        except ConditionFailed:
            return False  # used recently enough already
        return True
