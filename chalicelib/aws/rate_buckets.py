"""DynamoDB adapter for rate-limit token buckets (`RateBuckets`), in the workflows' table.

    pk = RATE#<USER#id | KEY#id>  sk = BUCKET   tokens, refilledAt (ms), version, expiresAt

`expiresAt` is the table's TTL attribute: idle buckets drop out by themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from boto3.dynamodb.conditions import Attr
from boto3.dynamodb.types import TypeDeserializer
from botocore.exceptions import ClientError

from chalicelib.aws.dynamo import call, to_dynamo
from chalicelib.core.ports import ConditionFailed, RateBucket, TokenTaken

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table


def _key(key: str) -> dict[str, str]:
    return {"pk": f"RATE#{key}", "sk": "BUCKET"}


class DynamoRateBuckets:
    def __init__(self, table: Table) -> None:
        self._table = table

    def get(self, key: str) -> RateBucket | None:
        item = call(self._table.get_item, Key=_key(key), ConsistentRead=True).get("Item")
        return _bucket(item)

    def take_token(self, key: str, refilled_since_ms: int) -> TokenTaken:
        try:
            call(
                self._table.update_item,
                Key=_key(key),
                UpdateExpression="SET tokens = tokens - :one, version = version + :one",
                ConditionExpression=Attr("tokens").gte(1) & Attr("refilledAt").gte(refilled_since_ms),
                ExpressionAttributeValues={":one": 1},
                # The bucket the condition saw comes back with the refusal: no read to refill it.
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        except ConditionFailed as exc:
            return TokenTaken(False, _refused_bucket(exc))
        return TokenTaken(True)

    def put(
        self, key: str, tokens: float, now_ms: int, *, previous: RateBucket | None, expires_at: int
    ) -> None:
        condition = Attr("pk").not_exists() if previous is None else Attr("version").eq(previous.version)
        call(
            self._table.put_item,
            Item={
                **_key(key),
                "tokens": to_dynamo(round(tokens, 6)),
                "refilledAt": now_ms,
                "version": (previous.version if previous else 0) + 1,
                "expiresAt": expires_at,
            },
            ConditionExpression=condition,
        )


def _bucket(item: dict[str, Any] | None) -> RateBucket | None:
    if not item:
        return None
    return RateBucket(float(item["tokens"]), int(item["refilledAt"]), int(item["version"]))


_deserializer = TypeDeserializer()


def _refused_bucket(exc: ConditionFailed) -> RateBucket | None:
    """The item a refused update returned (DynamoDB JSON: an error's body is not deserialised by
    the resource API); None when there was none."""
    cause = exc.__cause__
    raw = cause.response.get("Item") if isinstance(cause, ClientError) else None
    if not raw:
        return None
    return _bucket({name: _deserializer.deserialize(value) for name, value in raw.items()})
