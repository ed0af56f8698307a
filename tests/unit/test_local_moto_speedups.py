"""moto's DynamoDB answers written as JSON directly (local_stack/moto_speedups.py) are the answers
moto's own serialiser writes: the same calls, once each way, read back alike through boto3."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import boto3
import pytest
from moto import mock_aws

from local_stack import dynamodb_transactions, moto_speedups

ITEM = {
    "pk": "WF#1",
    "sk": "EVENT#0001",
    "gsi1pk": "USER#u1",
    "gsi1sk": "2026-12-05T10:00:00Z",
    "count": Decimal("3"),
    "ratio": Decimal("0.25"),
    "flag": True,
    "nothing": None,
    "tags": {"a", "b"},
    "numbers": {Decimal("1"), Decimal("2")},
    "nested": {"list": [1, "two", {"three": [Decimal("3.5")]}], "empty": {}, "none": None},
    "emptyList": [],
}


@pytest.fixture
def dynamodb() -> Iterator[Any]:
    dynamodb_transactions.install()
    moto_speedups.install()
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        yield boto3.resource("dynamodb", region_name="us-east-1")


def _table(dynamodb: Any, name: str) -> Any:
    keys = [("pk", "HASH"), ("sk", "RANGE")]
    return dynamodb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": a, "KeyType": k} for a, k in keys],
        AttributeDefinitions=[
            {"AttributeName": a, "AttributeType": "S"} for a in ("pk", "sk", "gsi1pk", "gsi1sk")
        ],
        GlobalSecondaryIndexes=[
            {
                "IndexName": "gsi1",
                "KeySchema": [
                    {"AttributeName": "gsi1pk", "KeyType": "HASH"},
                    {"AttributeName": "gsi1sk", "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
        ],
        BillingMode="PAY_PER_REQUEST",
    )


def _calls(dynamodb: Any, name: str) -> list[Any]:
    table = _table(dynamodb, name)
    client = dynamodb.meta.client
    answers: list[Any] = []
    steps: list[Callable[[], Any]] = [
        lambda: table.put_item(Item=ITEM),
        lambda: table.put_item(Item={**ITEM, "sk": "EVENT#0002"}, ReturnValues="ALL_OLD"),
        lambda: table.put_item(Item={**ITEM, "count": Decimal("4")}, ReturnValues="ALL_OLD"),
        lambda: table.get_item(Key={"pk": "WF#1", "sk": "EVENT#0001"}, ConsistentRead=True),
        lambda: table.get_item(Key={"pk": "WF#1", "sk": "missing"}),
        lambda: table.get_item(Key={"pk": "WF#1", "sk": "EVENT#0001"}, ProjectionExpression="tags, nested"),
        lambda: table.update_item(
            Key={"pk": "WF#1", "sk": "EVENT#0001"},
            UpdateExpression="SET #c = #c + :one",
            ExpressionAttributeNames={"#c": "count"},
            ExpressionAttributeValues={":one": 1},
            ReturnValues="ALL_NEW",
        ),
        lambda: table.update_item(Key={"pk": "WF#1", "sk": "EVENT#0002"}, UpdateExpression="REMOVE ratio"),
        lambda: table.query(KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": "WF#1"}),
        lambda: table.query(
            KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": "WF#1"}, Limit=1
        ),
        lambda: table.query(
            IndexName="gsi1",
            KeyConditionExpression="gsi1pk = :u",
            ExpressionAttributeValues={":u": "USER#u1"},
            ScanIndexForward=False,
            Select="COUNT",
        ),
        lambda: client.execute_statement(
            Statement=f'SELECT * FROM "{name}" WHERE pk = ?', Parameters=[{"S": "WF#1"}]
        ),
    ]
    for step in steps:
        answer = step()
        answer.pop("ResponseMetadata", None)
        answers.append(answer)
    return answers


def test_item_answers_written_as_json_are_moto_serialisers_answers(
    dynamodb: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _calls(dynamodb, "items")
    dynamodb.Table("items").delete()
    monkeypatch.setattr(moto_speedups, "JSON_AS_IS", frozenset())
    serialised = _calls(dynamodb, "items")
    assert fast == serialised
    assert fast[3]["Item"]["nested"]["list"][2] == {"three": [Decimal("3.5")]}


def _built(init: Callable[..., None], attrs: dict[str, Any]) -> Any:
    from moto.dynamodb.exceptions import ItemSizeTooLarge
    from moto.dynamodb.models.dynamo_type import DynamoType, Item

    item = Item.__new__(Item)
    try:
        init(item, DynamoType(attrs["pk"]), DynamoType(attrs["sk"]), attrs)
    except ItemSizeTooLarge:
        return "ItemSizeTooLarge"
    return item.hash_key, item.range_key, type(item.attrs), dict(item.attrs)


@pytest.mark.parametrize(
    "attrs",
    [
        {"pk": {"S": "WF#1"}, "sk": {"S": "META"}},
        {
            "pk": {"S": "WF#1"},
            "sk": {"S": "META"},
            "n": {"N": "3.5"},
            "b": {"B": "AAE="},
            "m": {"M": {"l": {"L": [{"S": "x"}, {"NULL": True}]}, "ss": {"SS": ["a", "b"]}}},
            "flag": {"BOOL": False},
        },
        # the limit: just under it, over it at the last attribute, over it at the first
        {"pk": {"S": "K"}, "sk": {"S": "S"}, "a": {"S": "x" * 200000}, "b": {"S": "y" * 204990}},
        {"pk": {"S": "K"}, "sk": {"S": "S"}, "a": {"S": "x" * 200000}, "b": {"S": "y" * 205000}},
        {"a": {"S": "x" * 405001}, "pk": {"S": "K"}, "sk": {"S": "S"}},
        {"pk": {"S": "K"}, "sk": {"S": "S"}, **{f"attr{i}": {"S": "z" * 20000} for i in range(25)}},
    ],
)
def test_an_item_is_built_as_moto_builds_it(dynamodb: Any, attrs: dict[str, Any]) -> None:
    from moto.dynamodb.models.dynamo_type import Item

    # Given moto's own item constructor and the one that sums the sizes once
    assert moto_speedups.MOTO_ITEM_INIT is not None and Item.__init__ is not moto_speedups.MOTO_ITEM_INIT

    # When each builds the same item
    # Then the attributes (and their types), or the refusal, are the same
    assert _built(Item.__init__, attrs) == _built(moto_speedups.MOTO_ITEM_INIT, attrs)
