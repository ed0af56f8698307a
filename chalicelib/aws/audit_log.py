"""DynamoDB adapter for the audit log (`AuditLog`), in its own table (`AUDIT_TABLE_NAME`).

    pk = AUDIT#<userId>  sk = <at>#<requestId>#<action>   the user's entries, oldest first

Only ever put, never updated: every role's policy denies updating or deleting in the audit
table (deploy/policies.py, docs/adr/0010-least-privilege-roles.md), and the put is conditional so
the same request recorded twice stays one entry and never replaces another.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from boto3.dynamodb.conditions import Attr, Key

from chalicelib.aws.dynamo import call, from_dynamo, to_dynamo
from chalicelib.core.models import AuditEntry
from chalicelib.core.ports import ConditionFailed

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table


class DynamoAuditLog:
    def __init__(self, table: Table) -> None:
        self._table = table

    def append(self, entry: AuditEntry) -> None:
        item = entry.model_dump(mode="json", exclude_none=True)
        item.update(pk=f"AUDIT#{entry.user_id}", sk=entry.id)
        # The same request recorded twice (a retried delivery) stays one entry.
        with contextlib.suppress(ConditionFailed):
            call(self._table.put_item, Item=to_dynamo(item), ConditionExpression=Attr("pk").not_exists())

    def list_for_user(
        self, user_id: str, *, limit: int, cursor: str | None
    ) -> tuple[list[AuditEntry], str | None]:
        """Newest first."""
        condition = Key("pk").eq(f"AUDIT#{user_id}")
        if cursor is not None:
            condition = condition & Key("sk").lt(cursor)
        response = call(
            self._table.query, KeyConditionExpression=condition, ScanIndexForward=False, Limit=limit + 1
        )
        items = response.get("Items", [])
        entries = [AuditEntry.model_validate(from_dynamo(item)) for item in items[:limit]]
        next_cursor = entries[-1].id if len(items) > limit else None
        return entries, next_cursor
