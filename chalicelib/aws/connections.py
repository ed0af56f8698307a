"""DynamoDB adapter for WebSocket connections and their subscriptions (`Connections`), in a
table of its own.

    pk = CONN#<connectionId>  sk = CONN            who is connected: the user, the channels
    pk = CHAN#<workflowId>    sk = CONN#<connId>   a subscription: how far it has been sent
    pk = KEY#<apiKeyId>       sk = CONN#<connId>   a connection an API key opened (revoking closes it)
    pk = EXPIRY               sk = <exp>#<connId>  a connection whose token expires (exp: 12 digits)

Both carry `expiresAt` (epoch seconds), the table's TTL attribute: API Gateway closes a
WebSocket after two hours at most, and a Lambda that dies before `$disconnect` runs must not
leave a subscription behind for ever.

A subscription's `deliveredSeq` only moves while its sender holds the subscription's lease
(`leaseUntil`, epoch milliseconds): one sender at a time, so a subscriber receives each event
once and in order even when a replay and a live push, or two pushes, race.
"""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING, Any

from boto3.dynamodb.conditions import Attr, Key

from chalicelib.aws.dynamo import call
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


def _expiry_pointer(expires_at: int, connection_id: str) -> dict[str, str]:
    return {"pk": EXPIRY_PARTITION, "sk": f"{expires_at:012d}#{connection_id}"}


class DynamoConnections:
    def __init__(self, table: Table, ttl_seconds: int) -> None:
        self._table = table
        self._ttl_seconds = ttl_seconds

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
        if not item:
            return None
        expiry = item.get("credentialExpiresAt")
        return Connection(
            connection_id=connection_id,
            user_id=str(item["userId"]),
            channels=frozenset(str(c) for c in item.get("channels", set())),
            api_key_id=str(item["apiKeyId"]) if item.get("apiKeyId") else None,
            credential_expires_at=int(expiry) if expiry is not None else None,
        )

    def remove_connection(self, connection_id: str) -> None:
        """Forget the connection and every subscription it had."""
        connection = self.get_connection(connection_id)
        if connection is None:
            return
        for workflow_id in connection.channels:
            call(self._table.delete_item, Key=_subscription_key(workflow_id, connection_id))
        if connection.api_key_id is not None:
            call(self._table.delete_item, Key=_key_pointer(connection.api_key_id, connection_id))
        if connection.credential_expires_at is not None:
            call(
                self._table.delete_item, Key=_expiry_pointer(connection.credential_expires_at, connection_id)
            )
        call(self._table.delete_item, Key=_connection_key(connection_id))

    def connections_of_key(self, api_key_id: str) -> list[str]:
        return [
            str(item["sk"]).removeprefix("CONN#") for item in self._query(Key("pk").eq(f"KEY#{api_key_id}"))
        ]

    def expired_connections(self, now: int, limit: int) -> list[str]:
        # Sorted by expiry: the expired ones are the first, and no more than them are read.
        condition = Key("pk").eq(EXPIRY_PARTITION) & Key("sk").lt(f"{now + 1:012d}#")
        return [str(item["connectionId"]) for item in self._query(condition, limit=limit)]

    def _query(self, condition: Any, limit: int | None = None) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        kwargs: dict[str, Any] = {"KeyConditionExpression": condition}
        while True:
            page = call(self._table.query, **kwargs)
            found.extend(page.get("Items", []))
            if "LastEvaluatedKey" not in page or (limit is not None and len(found) >= limit):
                return found[:limit] if limit is not None else found
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    # --- subscriptions -----------------------------------------------------------------

    def subscribe(
        self, workflow_id: str, connection: Connection, delivered_seq: int, lease_until: int
    ) -> bool:
        """Create (or restart) the subscription, holding its lease; False if another sender
        holds it right now."""
        item = {
            **_subscription_key(workflow_id, connection.connection_id),
            "connectionId": connection.connection_id,
            "userId": connection.user_id,
            "deliveredSeq": delivered_seq,
            "leaseUntil": lease_until,
            "expiresAt": self._expires_at(),
        }
        if connection.credential_expires_at is not None:
            item["credentialExpiresAt"] = connection.credential_expires_at
        try:
            call(
                self._table.put_item,
                Item=item,
                ConditionExpression=Attr("leaseUntil").not_exists() | Attr("leaseUntil").lt(_now_ms()),
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

    def unsubscribe(self, workflow_id: str, connection_id: str) -> None:
        call(self._table.delete_item, Key=_subscription_key(workflow_id, connection_id))
        with contextlib.suppress(ConditionFailed):  # the connection is gone already
            call(
                self._table.update_item,
                Key=_connection_key(connection_id),
                UpdateExpression="DELETE channels :channel",
                ConditionExpression=Attr("pk").exists(),
                ExpressionAttributeValues={":channel": {workflow_id}},
            )

    def subscriptions(self, workflow_id: str) -> list[Subscription]:
        found: list[Subscription] = []
        kwargs: dict[str, Any] = {"KeyConditionExpression": Key("pk").eq(f"CHAN#{workflow_id}")}
        while True:
            page = call(self._table.query, **kwargs)
            found.extend(
                Subscription(
                    workflow_id=workflow_id,
                    connection_id=str(item["connectionId"]),
                    user_id=str(item["userId"]),
                    delivered_seq=int(item["deliveredSeq"]),
                    credential_expires_at=(
                        int(item["credentialExpiresAt"])
                        if item.get("credentialExpiresAt") is not None
                        else None
                    ),
                )
                for item in page.get("Items", [])
            )
            if "LastEvaluatedKey" not in page:
                return found
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def acquire(self, workflow_id: str, connection_id: str, below_seq: int, lease_until: int) -> int | None:
        """Take the subscription's lease if it is free and owed events up to `below_seq`;
        returns how far it has been delivered, or None."""
        try:
            response = call(
                self._table.update_item,
                Key=_subscription_key(workflow_id, connection_id),
                UpdateExpression="SET leaseUntil = :until",
                ConditionExpression=Attr("pk").exists()
                & Attr("deliveredSeq").lt(below_seq)
                & (Attr("leaseUntil").not_exists() | Attr("leaseUntil").lt(_now_ms())),
                ExpressionAttributeValues={":until": lease_until},
                ReturnValues="ALL_NEW",
            )
        except ConditionFailed:
            return None
        return int(response["Attributes"]["deliveredSeq"])

    def release(self, workflow_id: str, connection_id: str, delivered_seq: int, lease_until: int) -> None:
        """Record how far it was delivered and free the lease (if it is still ours)."""
        # If the condition fails, the lease expired and another sender took over, or the
        # subscription ended: either way there is nothing of ours to record.
        with contextlib.suppress(ConditionFailed):
            call(
                self._table.update_item,
                Key=_subscription_key(workflow_id, connection_id),
                UpdateExpression="SET deliveredSeq = :seq REMOVE leaseUntil",
                ConditionExpression=Attr("leaseUntil").eq(lease_until),
                ExpressionAttributeValues={":seq": delivered_seq},
            )


def _now_ms() -> int:
    return int(time.time() * 1000)
