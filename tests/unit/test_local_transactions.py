"""The local stack's TransactWriteItems (local_stack/dynamodb_transactions.py) keeps DynamoDB's
promises: all or nothing, and a cancelled transaction undoes nobody else's write."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws

from local_stack import dynamodb_transactions

TABLE = "transactions-test"


@pytest.fixture
def table() -> Iterator[Any]:
    dynamodb_transactions.install()
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        resource = boto3.resource("dynamodb", region_name="us-east-1")
        created = resource.create_table(
            TableName=TABLE,
            KeySchema=[
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "sk", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
            ],
            BillingMode="PAY_PER_REQUEST",
        )
        yield created


def _put(
    item: dict[str, Any], condition: str | None = None, values: dict[str, Any] | None = None
) -> dict[str, Any]:
    put: dict[str, Any] = {"TableName": TABLE, "Item": item}
    if condition:
        put["ConditionExpression"] = condition
        put["ExpressionAttributeValues"] = values or {}
    return {"Put": put}


def test_all_puts_land_when_every_condition_holds(table: Any) -> None:
    table.put_item(Item={"pk": "w", "sk": "WF", "version": 1})

    table.meta.client.transact_write_items(
        TransactItems=[
            _put({"pk": "w", "sk": "WF", "version": 2}, "version = :v", {":v": 1}),
            _put({"pk": "w", "sk": "EVENT#1", "type": "STEP_UPDATE"}),
        ]
    )

    assert table.get_item(Key={"pk": "w", "sk": "WF"})["Item"]["version"] == 2
    assert "Item" in table.get_item(Key={"pk": "w", "sk": "EVENT#1"})


def test_a_failed_condition_writes_nothing_and_undoes_no_other_write(table: Any) -> None:
    table.put_item(Item={"pk": "w", "sk": "WF", "version": 5})
    # Another item of the table, which a cancelled transaction must leave as it is.
    table.put_item(Item={"pk": "other", "sk": "WF", "version": 1})

    with pytest.raises(ClientError) as cancelled:
        table.meta.client.transact_write_items(
            TransactItems=[
                _put({"pk": "w", "sk": "EVENT#6", "type": "X"}),
                _put({"pk": "w", "sk": "WF", "version": 2}, "version = :v", {":v": 1}),
            ]
        )

    assert cancelled.value.response["Error"]["Code"] == "TransactionCanceledException"
    reasons = [r["Code"] for r in cancelled.value.response["CancellationReasons"]]
    assert reasons == ["None", "ConditionalCheckFailed"]
    assert "Item" not in table.get_item(Key={"pk": "w", "sk": "EVENT#6"})
    assert table.get_item(Key={"pk": "w", "sk": "WF"})["Item"]["version"] == 5
    assert table.get_item(Key={"pk": "other", "sk": "WF"})["Item"]["version"] == 1
