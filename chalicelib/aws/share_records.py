"""DynamoDB adapter for collaborators (`ShareRecords`), in the workflow's own partition:

    pk = WF#<workflowId>  sk = SHARE#<userId>   a collaborator and their role on the workflow

Deleting the workflow deletes them with its steps and events. A collaborator's "shared with me"
is listed through UserCreatedIndex under `PERSON#<userId>#SHARED`, sorted by the workflow's own
listing key, so it merges with the other listings newest first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.conditions import Attr, ConditionExpressionBuilder, Key

from chalicelib.aws.dynamo import call, from_dynamo, pages
from chalicelib.aws.workflow_records import WORKFLOW_SK, workflow_pk
from chalicelib.core.org_models import Share
from chalicelib.core.ports import ConditionFailed, NotFound

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table

USER_CREATED_INDEX = "UserCreatedIndex"
SHARE_SK_PREFIX = "SHARE#"


def share_key(workflow_id: str, user_id: str) -> dict[str, str]:
    return {"pk": workflow_pk(workflow_id), "sk": f"{SHARE_SK_PREFIX}{user_id}"}


class DynamoShareRecords:
    def __init__(self, table: Table) -> None:
        self._table = table
        self._client = table.meta.client

    def put(self, share: Share) -> None:
        item = share.model_dump(mode="json")
        item.update(
            share_key(share.workflow_id, share.user_id),
            gsi2pk=f"PERSON#{share.user_id}#SHARED",
            gsi2sk=share.workflow_sort_key,
        )
        # Only beside a workflow that exists: a share racing the workflow's deletion either lands
        # before it (and is deleted with the partition) or not at all.
        exists = ConditionExpressionBuilder().build_expression(Attr("pk").exists())
        check = {
            "TableName": self._table.name,
            "Key": {"pk": workflow_pk(share.workflow_id), "sk": WORKFLOW_SK},
            "ConditionExpression": exists.condition_expression,
            "ExpressionAttributeNames": exists.attribute_name_placeholders,
        }
        try:
            call(
                self._client.transact_write_items,
                TransactItems=[
                    {"ConditionCheck": check},
                    {"Put": {"TableName": self._table.name, "Item": item}},
                ],
            )
        except ConditionFailed as exc:
            raise NotFound(share.workflow_id) from exc

    def get(self, workflow_id: str, user_id: str) -> Share | None:
        item = call(self._table.get_item, Key=share_key(workflow_id, user_id), ConsistentRead=True).get(
            "Item"
        )
        return Share.model_validate(from_dynamo(item)) if item else None

    def for_workflow(self, workflow_id: str) -> list[Share]:
        found: list[Share] = []
        for page in pages(
            self._table.query,
            KeyConditionExpression=Key("pk").eq(workflow_pk(workflow_id))
            & Key("sk").begins_with(SHARE_SK_PREFIX),
            ConsistentRead=True,
        ):
            found.extend(Share.model_validate(from_dynamo(item)) for item in page.get("Items", []))
        return found

    def remove(self, workflow_id: str, user_id: str) -> bool:
        response = call(self._table.delete_item, Key=share_key(workflow_id, user_id), ReturnValues="ALL_OLD")
        return bool(response.get("Attributes"))

    def newest_shared_with(self, user_id: str, *, before: str | None, page: int) -> Iterator[Share]:
        condition = Key("gsi2pk").eq(f"PERSON#{user_id}#SHARED")
        if before is not None:
            condition = condition & Key("gsi2sk").lt(before)
        query: dict[str, Any] = {
            "IndexName": USER_CREATED_INDEX,
            "KeyConditionExpression": condition,
            "ScanIndexForward": False,
            "Limit": page,
        }
        for found in pages(self._table.query, **query):
            for item in found.get("Items", []):
                yield Share.model_validate(from_dynamo(item))
