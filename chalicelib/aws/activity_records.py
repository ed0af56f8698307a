"""DynamoDB adapter for a workflow's activity feed (`ActivityRecords`), in the workflow's partition:

pk = WF#<workflowId>  sk = ACTIVITY#<at>#<id>   who did what, when (deleted with the workflow)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from boto3.dynamodb.conditions import Key

from chalicelib.aws.dynamo import call, from_dynamo
from chalicelib.aws.workflow_records import ACTIVITY_SK_PREFIX, activity_item, workflow_pk
from chalicelib.core.org_models import ActivityEntry

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table


class DynamoActivityRecords:
    def __init__(self, table: Table) -> None:
        self._table = table

    def append(self, entry: ActivityEntry) -> None:
        call(self._table.put_item, Item=activity_item(entry))

    def list_for_workflow(
        self, workflow_id: str, *, limit: int, before: str | None
    ) -> tuple[list[ActivityEntry], str | None]:
        upper = before if before is not None else f"{ACTIVITY_SK_PREFIX}~"
        query: dict[str, Any] = {
            "KeyConditionExpression": Key("pk").eq(workflow_pk(workflow_id))
            & Key("sk").between(ACTIVITY_SK_PREFIX, upper),
            "ScanIndexForward": False,
            "Limit": limit + 1,
            "ConsistentRead": True,
        }
        items = [i for i in call(self._table.query, **query).get("Items", []) if i["sk"] != before]
        entries = [ActivityEntry.model_validate(from_dynamo(item)) for item in items[:limit]]
        next_cursor = str(items[limit - 1]["sk"]) if len(items) > limit else None
        return entries, next_cursor
