"""The local DynamoDB client's walk of parameters and answers (chalicelib/aws/dynamo_http.py's
`PrunedTransformer`) transforms exactly what boto3's own `ParameterTransformer` does: the same
requests (condition objects, Python values of every type, nested, in transactions and batches)
and the same answers, transformed both ways, are equal."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import boto3
import pytest
from boto3.dynamodb.conditions import Attr, Key
from boto3.dynamodb.transform import ParameterTransformer, TransformationInjector, copy_dynamodb_params
from boto3.dynamodb.types import Binary

from chalicelib.aws.dynamo_http import PrunedTransformer

pytestmark = pytest.mark.unit

MODEL = boto3.session.Session().client("dynamodb", region_name="us-east-1").meta.service_model
ITEM = {
    "pk": "WF#1",
    "sk": "WF",
    "n": Decimal("1.5"),
    "flag": True,
    "none": None,
    "tags": {"a", "b"},
    "numbers": {Decimal("1"), Decimal("2")},
    "blob": Binary(b"\x00\xff"),
    "blobs": {Binary(b"a"), Binary(b"b")},
    "nested": {"list": [1, "two", {"three": [Decimal("3.5")], "ConditionExpression": "x"}], "empty": {}},
    # names that are also member names of the shapes walked: they are values here, never shapes
    "ConditionExpression": Attr("x").eq(1).get_expression()["format"],
    "Item": {"Key": "v"},
}
CONDITION = Attr("version").eq(3) & Attr("pk").exists()
REQUESTS: list[tuple[str, dict[str, Any]]] = [
    ("PutItem", {"TableName": "t", "Item": ITEM, "ConditionExpression": CONDITION}),
    ("PutItem", {"TableName": "t", "Item": ITEM, "ConditionExpression": "attribute_not_exists(pk)"}),
    ("GetItem", {"TableName": "t", "Key": {"pk": "a", "sk": "b"}, "ConsistentRead": True}),
    (
        "UpdateItem",
        {
            "TableName": "t",
            "Key": {"pk": "a", "sk": "b"},
            "UpdateExpression": "SET tokens = tokens - :one",
            "ConditionExpression": Attr("tokens").gte(1) & Attr("refilledAt").gte(Decimal("500.25")),
            "ExpressionAttributeValues": {":one": 1},
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        },
    ),
    ("DeleteItem", {"TableName": "t", "Key": {"pk": "a", "sk": "b"}, "ConditionExpression": Attr("v").lt(2)}),
    (
        "Query",
        {
            "TableName": "t",
            "IndexName": "gsi1",
            "KeyConditionExpression": Key("gsi1pk").eq("USER#u") & Key("gsi1sk").begins_with("2026"),
            "FilterExpression": Attr("status").is_in(["A", "B"]) | Attr("n").between(1, 5),
            "ExclusiveStartKey": {"pk": "a", "sk": "b", "gsi1pk": "USER#u"},
            "Limit": 5,
        },
    ),
    ("Scan", {"TableName": "t", "FilterExpression": Attr("tags").contains("a")}),
    (
        "BatchGetItem",
        {
            "RequestItems": {
                "t": {
                    "Keys": [{"pk": "a", "sk": "b"}, {"pk": "c", "sk": Decimal("2")}],
                    "ConsistentRead": True,
                }
            }
        },
    ),
    (
        "BatchWriteItem",
        {
            "RequestItems": {
                "t": [{"PutRequest": {"Item": ITEM}}, {"DeleteRequest": {"Key": {"pk": "a", "sk": "b"}}}]
            }
        },
    ),
    (
        "TransactWriteItems",
        {
            "TransactItems": [
                {"Put": {"TableName": "t", "Item": ITEM, "ConditionExpression": CONDITION}},
                {
                    "Put": {
                        "TableName": "t",
                        "Item": {"pk": "a", "sk": "ACTIVITY#1", "details": {"m": "TEXT"}},
                    }
                },
                {
                    "Update": {
                        "TableName": "t",
                        "Key": {"pk": "STATS", "sk": "ALL"},
                        "UpdateExpression": "ADD #a0 :a0",
                        "ExpressionAttributeNames": {"#a0": "*|n"},
                        "ExpressionAttributeValues": {":a0": Decimal("1")},
                    }
                },
                {
                    "ConditionCheck": {
                        "TableName": "t",
                        "Key": {"pk": "a", "sk": "b"},
                        "ConditionExpression": Attr("x").ne(0),
                    }
                },
                {"Delete": {"TableName": "t", "Key": {"pk": "a", "sk": "c"}}},
            ]
        },
    ),
    ("TransactGetItems", {"TransactItems": [{"Get": {"TableName": "t", "Key": {"pk": "a", "sk": "b"}}}]}),
    (
        "ExecuteStatement",
        {"Statement": "INSERT INTO t VALUE {'a': ?}", "Parameters": [ITEM["nested"], {"x"}]},
    ),
    ("ExecuteTransaction", {"TransactStatements": [{"Statement": "s", "Parameters": [Decimal("1"), b"x"]}]}),
    ("DescribeTable", {"TableName": "t"}),
]
# Not what botocore would let through: both walks leave them alone, or fail alike.
ODD: list[tuple[str, dict[str, Any]]] = [
    ("PutItem", {"TableName": "t", "Item": "not a map", "ConditionExpression": ["not", "a", "condition"]}),
    ("PutItem", {"TableName": "t", "Item": {"a": 1 + 2j}}),  # a type DynamoDB has not
    ("BatchGetItem", {"RequestItems": {"t": {"Keys": "abc"}}}),
]
RAW_ITEM = {
    "pk": {"S": "WF#1"},
    "n": {"N": "1.5"},
    "tags": {"SS": ["a"]},
    "blob": {"B": b"\x00"},
    "nested": {"M": {"l": {"L": [{"N": "1"}, {"NULL": True}, {"BOOL": False}, {"NS": ["1", "2"]}]}}},
}
ANSWERS: list[tuple[str, dict[str, Any]]] = [
    ("GetItem", {"Item": RAW_ITEM, "ConsumedCapacity": {"TableName": "t", "CapacityUnits": 0.5}}),
    ("PutItem", {"Attributes": RAW_ITEM}),
    ("UpdateItem", {}),
    ("Query", {"Items": [RAW_ITEM, RAW_ITEM], "Count": 2, "LastEvaluatedKey": {"pk": {"S": "a"}}}),
    (
        "BatchGetItem",
        {"Responses": {"t": [RAW_ITEM]}, "UnprocessedKeys": {"t": {"Keys": [{"pk": {"S": "x"}}]}}},
    ),
    ("BatchWriteItem", {"UnprocessedItems": {"t": [{"PutRequest": {"Item": RAW_ITEM}}]}}),
    ("TransactWriteItems", {"ConsumedCapacity": [{"TableName": "t"}]}),
    ("TransactGetItems", {"Responses": [{"Item": RAW_ITEM}]}),
    ("ExecuteStatement", {"Items": [RAW_ITEM], "NextToken": "n"}),
    ("DescribeTable", {"Table": {"TableName": "t", "ItemCount": 3}}),
]


def _transformed_request(transformer: ParameterTransformer, operation: str, params: dict[str, Any]) -> Any:
    injector = TransformationInjector(transformer=transformer)
    request = copy_dynamodb_params(params)  # as boto3 copies them: every repeated object its own
    model = MODEL.operation_model(operation)
    try:
        injector.inject_condition_expressions(request, model)
        injector.inject_attribute_value_input(request, model)
    except Exception as exc:  # noqa: BLE001 - what is raised is what is compared
        return ("raised", type(exc), str(exc))
    return request


CASES = [*REQUESTS, *ODD]


@pytest.mark.parametrize(("operation", "params"), CASES, ids=[f"{n}-{op}" for n, (op, _) in enumerate(CASES)])
def test_a_request_is_transformed_as_boto3_transforms_it(operation: str, params: dict[str, Any]) -> None:
    expected = _transformed_request(ParameterTransformer(), operation, params)
    assert _transformed_request(PrunedTransformer(), operation, params) == expected
    if (operation, params) in REQUESTS and operation != "DescribeTable":
        assert expected != params  # (the case does transform something)


@pytest.mark.parametrize(("operation", "answer"), ANSWERS, ids=[op for op, _ in ANSWERS])
def test_an_answer_is_transformed_as_boto3_transforms_it(operation: str, answer: dict[str, Any]) -> None:
    model = MODEL.operation_model(operation)
    expected, actual = copy_dynamodb_params(answer), copy_dynamodb_params(answer)
    TransformationInjector(transformer=ParameterTransformer()).inject_attribute_value_output(expected, model)
    TransformationInjector(transformer=PrunedTransformer()).inject_attribute_value_output(actual, model)
    assert actual == expected


def test_it_skips_what_holds_no_target() -> None:
    transformer = PrunedTransformer()
    _transformed_request(transformer, "TransactWriteItems", dict(REQUESTS[9][1]))
    reaches = transformer._reaches
    # an item's attributes are not walked for conditions; the transaction's members are
    assert reaches[("PutItemInputAttributeMap", "ConditionExpression")] is False
    assert reaches[("Put", "ConditionExpression")] is True
    assert reaches[("TransactWriteItemsInput", "KeyExpression")] is False
    assert reaches[("PutItemInputAttributeMap", "AttributeValue")] is True
    assert ("AttributeValue", "AttributeValue") not in reaches  # transformed, never walked into
