"""DynamoDB adapter for the audit log (`AuditLog`), in its own table (`AUDIT_TABLE_NAME`).

    pk = AUDIT#<userId>  sk = <at>#<requestId>#<action>   the user's entries, oldest first

Appended with a PartiQL `INSERT`, never `PutItem`: an INSERT whose key exists fails
(`DuplicateItemException`) instead of replacing the item, so a role allowed only
`dynamodb:PartiQLInsert` can add entries and never overwrite one. The table's resource policy
and every role's policy deny `PutItem`, updates and deletes
(docs/adr/0010-least-privilege-roles.md). The same request recorded twice stays one entry.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.conditions import Key
from botocore.exceptions import ClientError

from chalicelib.aws.dynamo import call, error_code, from_dynamo, to_dynamo
from chalicelib.core.audit_models import AuditEntry

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table


ATTRIBUTE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
DUPLICATE_ITEM = "DuplicateItemException"  # an INSERT whose key exists: nothing was written


class DynamoAuditLog:
    def __init__(self, table: Table) -> None:
        self._table = table

    def append(self, entry: AuditEntry) -> None:
        item = entry.model_dump(mode="json", exclude_none=True)
        item.update(pk=f"AUDIT#{entry.user_id}", sk=entry.id)
        # The resource's client serialises plain values into DynamoDB's types, as put_item would.
        values: dict[str, Any] = to_dynamo(item)
        # The names are the model's fields, written into the statement; every value is a parameter.
        unsafe = [name for name in values if not ATTRIBUTE_NAME.fullmatch(name)]
        if unsafe:
            raise ValueError(f"Audit attribute names must be plain identifiers: {unsafe}")
        fields = ", ".join(f"'{name}': ?" for name in values)
        statement = f'INSERT INTO "{self._table.name}" VALUE {{{fields}}}'
        try:
            call(
                self._table.meta.client.execute_statement,
                Statement=statement,
                Parameters=list(values.values()),
            )
        except ClientError as exc:
            # The same request recorded twice (a retried delivery) stays one entry.
            if error_code(exc) != DUPLICATE_ITEM:
                raise

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
