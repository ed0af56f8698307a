"""DynamoDB adapter for users' settings (`UserSettingsRecords`), in the workflows' table.

pk = SETTINGS#<userId>  sk = SETTINGS   the user's defaults for new workflows
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chalicelib.aws.dynamo import call, from_dynamo
from chalicelib.core.models import UserSettings

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table


def _key(user_id: str) -> dict[str, str]:
    return {"pk": f"SETTINGS#{user_id}", "sk": "SETTINGS"}


class DynamoUserSettings:
    def __init__(self, table: Table) -> None:
        self._table = table

    def get(self, user_id: str) -> UserSettings | None:
        item = call(self._table.get_item, Key=_key(user_id), ConsistentRead=True).get("Item")
        return UserSettings.model_validate(from_dynamo(item)) if item else None

    def put(self, user_id: str, settings: UserSettings) -> None:
        item = settings.model_dump(mode="json", exclude_none=True)
        call(self._table.put_item, Item={**item, **_key(user_id)})
