"""DynamoDB adapter for users' settings (`UserSettingsRecords`), in the workflows' table.

pk = SETTINGS#<userId>  sk = SETTINGS   the user's defaults for new workflows
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chalicelib.aws.dynamo import call, from_dynamo
from chalicelib.aws.organisation_records import member_key
from chalicelib.core.models import UserSettings
from chalicelib.core.org_models import Member

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table


# A batch of two keys is rarely held back; past this, the rest is read one by one.
MAX_BATCH_ATTEMPTS = 3


def _key(user_id: str) -> dict[str, str]:
    return {"pk": f"SETTINGS#{user_id}", "sk": "SETTINGS"}


class DynamoUserSettings:
    def __init__(self, table: Table) -> None:
        self._table = table

    def get(self, user_id: str) -> UserSettings | None:
        item = call(self._table.get_item, Key=_key(user_id), ConsistentRead=True).get("Item")
        return UserSettings.model_validate(from_dynamo(item)) if item else None

    def get_with_member(self, user_id: str) -> tuple[UserSettings | None, Member | None]:
        """One BatchGetItem for both items (both in this table), instead of two GetItems."""
        keys = [_key(user_id), member_key(user_id)]
        found: dict[tuple[str, str], dict[str, Any]] = {}
        resource = self._table.meta.client
        request: dict[str, Any] = {self._table.name: {"Keys": keys, "ConsistentRead": True}}
        for _ in range(MAX_BATCH_ATTEMPTS):
            response = call(resource.batch_get_item, RequestItems=request)
            for item in response.get("Responses", {}).get(self._table.name, []):
                found[(item["pk"], item["sk"])] = item
            request = response.get("UnprocessedKeys") or {}
            if not request:
                break
        else:  # DynamoDB kept some keys back each time: read them one by one
            for key in keys:
                if (key["pk"], key["sk"]) not in found:
                    item = call(self._table.get_item, Key=key, ConsistentRead=True).get("Item")
                    if item:
                        found[(key["pk"], key["sk"])] = item
        settings, member = (found.get((key["pk"], key["sk"])) for key in keys)
        return (
            UserSettings.model_validate(from_dynamo(settings)) if settings else None,
            Member.model_validate(from_dynamo(member)) if member else None,
        )

    def put(self, user_id: str, settings: UserSettings) -> None:
        item = settings.model_dump(mode="json", exclude_none=True)
        call(self._table.put_item, Item={**item, **_key(user_id)})
