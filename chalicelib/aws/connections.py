"""DynamoDB adapter for WebSocket connections and their subscriptions (`Connections`), in a
table of its own.

    pk = CONN#<connectionId>  sk = CONN            who is connected: the user, the channels
    pk = CHAN#<workflowId>    sk = CONN#<connId>   a subscription: how far it has been sent
    pk = KEY#<apiKeyId>       sk = CONN#<connId>   a connection an API key opened (revoking closes it)
    pk = USER#<userId>        sk = CONN#<connId>   a person's connection (losing access re-checks it)
    pk = EXPIRY               sk = <exp>#<connId>  a connection whose token expires (exp: 12 digits)

Both carry `expiresAt` (epoch seconds), the table's TTL attribute: API Gateway closes a
WebSocket after two hours at most, and a Lambda that dies before `$disconnect` runs must not
leave a subscription behind for ever.

A subscription is written when a client subscribes and when its replay ends, never per event:
`replayingUntil` (epoch milliseconds) while its subscribe replays the history, then `liveAfter`,
the seq after which the push (the workflows table's stream, `push_events`) sends. The switch is
one transaction that also checks the workflow's `lastEventSeq`, so every event is sent by
exactly one of the two, in order (docs/adr/0016-fan-out-from-the-table-stream.md).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.conditions import Attr, ConditionExpressionBuilder, Key

from chalicelib.aws.dynamo import call
from chalicelib.aws.workflow_records import WORKFLOW_SK, workflow_pk
from chalicelib.core.ports import ConditionFailed, Connection, Subscription

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table


def _connection_key(connection_id: str) -> dict[str, str]:
    return {"pk": f"CONN#{connection_id}", "sk": "CONN"}


def _subscription_key(workflow_id: str, connection_id: str) -> dict[str, str]:
    return {"pk": f"CHAN#{workflow_id}", "sk": f"CONN#{connection_id}"}


EXPIRY_PARTITION = "EXPIRY"


def _key_pointer(api_key_id: str, connection_id: str) -> dict[str, str]:
    return {"pk": f"KEY#{api_key_id}", "sk": f"CONN#{connection_id}"}


def _user_pointer(user_id: str, connection_id: str) -> dict[str, str]:
    return {"pk": f"USER#{user_id}", "sk": f"CONN#{connection_id}"}


def _expiry_pointer(expires_at: int, connection_id: str) -> dict[str, str]:
    return {"pk": EXPIRY_PARTITION, "sk": f"{expires_at:012d}#{connection_id}"}


# BatchWriteItem takes at most 25 requests, BatchGetItem 100 keys.
BATCH_WRITE = 25
BATCH_GET = 100


class DynamoConnections:
    def __init__(self, table: Table, ttl_seconds: int, workflows_table: str) -> None:
        self._table = table
        self._client = table.meta.client
        self._ttl_seconds = ttl_seconds
        # go_live checks a workflow's newest event in the same transaction.
        self._workflows_table = workflows_table

    def _expires_at(self) -> int:
        return int(time.time()) + self._ttl_seconds

    # --- connections -------------------------------------------------------------------

    def add_connection(
        self,
        connection_id: str,
        user_id: str,
        connected_at: str,
        *,
        api_key_id: str | None = None,
        credential_expires_at: int | None = None,
    ) -> None:
        expires_at = self._expires_at()
        item: dict[str, Any] = {
            **_connection_key(connection_id),
            "connectionId": connection_id,
            "userId": user_id,
            "connectedAt": connected_at,
            "expiresAt": expires_at,
        }
        # Before the connection itself: whoever finds the connection can find it by its person.
        call(self._table.put_item, Item={**_user_pointer(user_id, connection_id), "expiresAt": expires_at})
        if api_key_id is not None:
            item["apiKeyId"] = api_key_id
            call(
                self._table.put_item,
                Item={**_key_pointer(api_key_id, connection_id), "expiresAt": expires_at},
            )
        if credential_expires_at is not None:
            item["credentialExpiresAt"] = credential_expires_at
            pointer = _expiry_pointer(credential_expires_at, connection_id)
            call(
                self._table.put_item, Item={**pointer, "connectionId": connection_id, "expiresAt": expires_at}
            )
        call(self._table.put_item, Item=item)

    def get_connection(self, connection_id: str) -> Connection | None:
        response = call(self._table.get_item, Key=_connection_key(connection_id), ConsistentRead=True)
        item = response.get("Item")
        return _connection_of(item) if item else None

    def remove_connection(self, connection_id: str) -> None:
        """Forget the connection and every subscription it had."""
        connection = self.get_connection(connection_id)
        if connection is None:
            return
        for key in _keys_of(connection):
            call(self._table.delete_item, Key=key)

    def remove_connections(self, connection_ids: Sequence[str]) -> None:
        """Forget many connections: one BatchGetItem per 100, one BatchWriteItem per 25 items."""
        keys: list[dict[str, str]] = []
        unique = list(dict.fromkeys(connection_ids))
        for start in range(0, len(unique), BATCH_GET):
            for item in self._batch_get([_connection_key(c) for c in unique[start : start + BATCH_GET]]):
                keys += _keys_of(_connection_of(item))
        for start in range(0, len(keys), BATCH_WRITE):
            self._batch_delete(keys[start : start + BATCH_WRITE])

    def _batch_get(self, keys: list[dict[str, str]]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        request: dict[str, Any] = {self._table.name: {"Keys": keys, "ConsistentRead": True}}
        for _ in range(MAX_BATCH_ROUNDS):
            response = call(self._client.batch_get_item, RequestItems=request)
            found += response.get("Responses", {}).get(self._table.name, [])
            request = response.get("UnprocessedKeys") or {}
            if not request:
                break
            time.sleep(BATCH_BACKOFF_SECONDS)
        return found

    def _batch_delete(self, keys: list[dict[str, str]]) -> None:
        request: dict[str, Any] = {self._table.name: [{"DeleteRequest": {"Key": key}} for key in keys]}
        for _ in range(MAX_BATCH_ROUNDS):
            request = call(self._client.batch_write_item, RequestItems=request).get("UnprocessedItems") or {}
            if not request:
                return
            time.sleep(BATCH_BACKOFF_SECONDS)
        # What is left expires with its TTL (`expiresAt`); the next push finds it gone again.

    def connections_of_key(self, api_key_id: str) -> list[str]:
        return [
            str(item["sk"]).removeprefix("CONN#") for item in self._query(Key("pk").eq(f"KEY#{api_key_id}"))
        ]

    def connections_of_user(self, user_id: str) -> list[Connection]:
        """One strongly consistent query of the person's pointers, one consistent BatchGetItem per
        100 of their connections (a pointer whose connection is gone is skipped)."""
        ids = [
            str(item["sk"]).removeprefix("CONN#")
            for item in self._query(Key("pk").eq(f"USER#{user_id}"), consistent=True)
        ]
        found: list[Connection] = []
        for start in range(0, len(ids), BATCH_GET):
            found += [
                _connection_of(item)
                for item in self._batch_get([_connection_key(c) for c in ids[start : start + BATCH_GET]])
            ]
        return sorted(found, key=lambda connection: connection.connection_id)

    def expired_connections(self, now: int, limit: int) -> list[str]:
        # Sorted by expiry: the expired ones are the first, and no more than them are read.
        condition = Key("pk").eq(EXPIRY_PARTITION) & Key("sk").lt(f"{now + 1:012d}#")
        return [str(item["connectionId"]) for item in self._query(condition, limit=limit)]

    def _query(
        self, condition: Any, limit: int | None = None, *, consistent: bool = False
    ) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        kwargs: dict[str, Any] = {"KeyConditionExpression": condition, "ConsistentRead": consistent}
        while True:
            page = call(self._table.query, **kwargs)
            found.extend(page.get("Items", []))
            if "LastEvaluatedKey" not in page or (limit is not None and len(found) >= limit):
                return found[:limit] if limit is not None else found
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    # --- subscriptions -----------------------------------------------------------------

    def subscribe(
        self, workflow_id: str, connection: Connection, after_seq: int, replaying_until: int
    ) -> bool:
        """Create (or restart) the subscription in its replay; False if another replay of it is
        under way."""
        item = self._subscription_item(workflow_id, connection, after_seq)
        item["replayingUntil"] = replaying_until
        try:
            call(
                self._table.put_item,
                Item=item,
                ConditionExpression=Attr("replayingUntil").not_exists()
                | Attr("replayingUntil").lt(_now_ms()),
            )
        except ConditionFailed:
            return False
        call(
            self._table.update_item,
            Key=_connection_key(connection.connection_id),
            UpdateExpression="ADD channels :channel",
            ConditionExpression=Attr("pk").exists(),
            ExpressionAttributeValues={":channel": {workflow_id}},
        )
        return True

    def go_live(self, workflow_id: str, connection: Connection, after_seq: int, replaying_until: int) -> bool:
        """End the replay at `after_seq` if no event followed it and the replay is still ours.

        One transaction: a ConditionCheck that the workflow's `lastEventSeq` is `after_seq`, and
        the subscription's Put. An event written after it is pushed (its stream record comes
        after its commit, so the push reads this subscription live); one written before it makes
        it fail, and the replay sends that event itself first."""
        newest = Attr("lastEventSeq").eq(after_seq)
        if after_seq == 0:
            newest = newest | Attr("lastEventSeq").not_exists()  # 0 is a default: not stored
        ours = Attr("replayingUntil").eq(replaying_until)
        check = ConditionExpressionBuilder().build_expression(newest)
        mine = ConditionExpressionBuilder().build_expression(ours)
        try:
            call(
                self._client.transact_write_items,
                TransactItems=[
                    {
                        "ConditionCheck": {
                            "TableName": self._workflows_table,
                            "Key": {"pk": workflow_pk(workflow_id), "sk": WORKFLOW_SK},
                            "ConditionExpression": check.condition_expression,
                            "ExpressionAttributeNames": check.attribute_name_placeholders,
                            "ExpressionAttributeValues": check.attribute_value_placeholders,
                        }
                    },
                    {
                        "Put": {
                            "TableName": self._table.name,
                            "Item": self._subscription_item(workflow_id, connection, after_seq),
                            "ConditionExpression": mine.condition_expression,
                            "ExpressionAttributeNames": mine.attribute_name_placeholders,
                            "ExpressionAttributeValues": mine.attribute_value_placeholders,
                        }
                    },
                ],
            )
        except ConditionFailed:
            return False
        return True

    def holds(self, workflow_id: str, connection_id: str, replaying_until: int) -> bool:
        key = _subscription_key(workflow_id, connection_id)
        item = call(self._table.get_item, Key=key, ConsistentRead=True).get("Item")
        return item is not None and _optional_int(item.get("replayingUntil")) == replaying_until

    def activate(self, workflow_id: str, connection: Connection, replaying_until: int) -> bool:
        try:
            call(
                self._table.put_item,
                Item=self._subscription_item(workflow_id, connection, 0),
                ConditionExpression=Attr("replayingUntil").eq(replaying_until),
            )
        except ConditionFailed:
            return False  # revoked meanwhile, or a newer subscribe of the same socket has it
        return True

    def _subscription_item(self, workflow_id: str, connection: Connection, after_seq: int) -> dict[str, Any]:
        item: dict[str, Any] = {
            **_subscription_key(workflow_id, connection.connection_id),
            "connectionId": connection.connection_id,
            "userId": connection.user_id,
            "liveAfter": after_seq,
            "expiresAt": self._expires_at(),
        }
        if connection.credential_expires_at is not None:
            item["credentialExpiresAt"] = connection.credential_expires_at
        return item

    def unsubscribe(self, workflow_id: str, connection_id: str) -> bool:
        deleted = call(
            self._table.delete_item, Key=_subscription_key(workflow_id, connection_id), ReturnValues="ALL_OLD"
        )
        with contextlib.suppress(ConditionFailed):  # the connection is gone already
            call(
                self._table.update_item,
                Key=_connection_key(connection_id),
                UpdateExpression="DELETE channels :channel",
                ConditionExpression=Attr("pk").exists(),
                ExpressionAttributeValues={":channel": {workflow_id}},
            )
        return bool(deleted.get("Attributes"))

    def subscriptions(self, workflow_id: str) -> list[Subscription]:
        """One query (strongly consistent: a replay that just went live is seen live)."""
        found: list[Subscription] = []
        kwargs: dict[str, Any] = {
            "KeyConditionExpression": Key("pk").eq(f"CHAN#{workflow_id}"),
            "ConsistentRead": True,
        }
        while True:
            page = call(self._table.query, **kwargs)
            found.extend(_subscription_of(workflow_id, item) for item in page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return found
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


MAX_BATCH_ROUNDS = 5
BATCH_BACKOFF_SECONDS = 0.05


def _optional_int(value: Any) -> int | None:
    return int(value) if value is not None else None


def _subscription_of(workflow_id: str, item: dict[str, Any]) -> Subscription:
    return Subscription(
        workflow_id=workflow_id,
        connection_id=str(item["connectionId"]),
        user_id=str(item["userId"]),
        live_after=int(item["liveAfter"]),
        replaying_until=_optional_int(item.get("replayingUntil")),
        credential_expires_at=_optional_int(item.get("credentialExpiresAt")),
    )


def _connection_of(item: dict[str, Any]) -> Connection:
    return Connection(
        connection_id=str(item["connectionId"]),
        user_id=str(item["userId"]),
        channels=frozenset(str(c) for c in item.get("channels", set())),
        api_key_id=str(item["apiKeyId"]) if item.get("apiKeyId") else None,
        credential_expires_at=_optional_int(item.get("credentialExpiresAt")),
    )


def _keys_of(connection: Connection) -> list[dict[str, str]]:
    """Every item a connection has: its subscriptions, its pointers, itself (last)."""
    connection_id = connection.connection_id
    keys = [_subscription_key(workflow_id, connection_id) for workflow_id in sorted(connection.channels)]
    keys.append(_user_pointer(connection.user_id, connection_id))
    if connection.api_key_id is not None:
        keys.append(_key_pointer(connection.api_key_id, connection_id))
    if connection.credential_expires_at is not None:
        keys.append(_expiry_pointer(connection.credential_expires_at, connection_id))
    keys.append(_connection_key(connection_id))
    return keys


def _now_ms() -> int:
    return int(time.time() * 1000)
