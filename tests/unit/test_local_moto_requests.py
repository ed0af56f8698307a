"""moto's request handling made cheaper (local_stack/moto_requests.py) answers as moto's own does:
the same calls sent to moto with and without it, call by call, give the same answers and errors,
leave the same items and append the same stream records. The stack's other DynamoDB patches
(dynamodb_transactions, dynamodb_updates) are installed both ways, as the stack serves them.

moto_requests is installed and restored by this file's own fixtures: nothing here depends on the
order tests run in, or on a stack in this process having installed it."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from boto3.dynamodb.types import TypeDeserializer
from botocore.exceptions import ClientError, ParamValidationError
from moto import mock_aws
from moto.core.parse import JSONParser
from moto.core.utils import get_service_model
from moto.dynamodb import responses as moto_responses

from local_stack import dynamodb_transactions, dynamodb_updates, moto_requests
from tests.aws_answers import stream_records, streamed_table

pytestmark = pytest.mark.unit

TABLE = "t"


def _put(item: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"Put": {"TableName": TABLE, "Item": item, **extra}}


def _add(pk: str, sk: str, counters: dict[str, Any]) -> dict[str, Any]:
    """An analytics aggregate's update as chalicelib/aws/workflow_records.py writes it."""
    names = {f"#a{n}": name for n, name in enumerate(counters)}
    values = {f":a{n}": value for n, value in enumerate(counters.values())}
    return {
        "Update": {
            "TableName": TABLE,
            "Key": {"pk": {"S": pk}, "sk": {"S": sk}},
            "UpdateExpression": "ADD " + ", ".join(f"#a{n} :a{n}" for n in range(len(names))),
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
        }
    }


NOT_EXISTS = {"ConditionExpression": "attribute_not_exists(#n0)", "ExpressionAttributeNames": {"#n0": "pk"}}


def _workflow(n: int, **more: Any) -> dict[str, Any]:
    return {
        "pk": {"S": f"WF#{n}"},
        "sk": {"S": "WF"},
        "gsi1pk": {"S": "USER#u1"},
        "status": {"S": "PENDING"},
        "version": {"N": "1"},
        "progress": {"N": "0.0"},
        "inputData": {"M": {"characters": {"N": "53"}, "key": {"S": f"inputs/{n}.txt"}}},
        "signatures": {"L": []},
        "flag": {"BOOL": False},
        **more,
    }


def _post(n: int) -> dict[str, Any]:
    """A TEXT POST's transaction: the record, its first activity entry, three aggregates."""
    return {
        "TransactItems": [
            _put(_workflow(n), **NOT_EXISTS),
            _put({"pk": {"S": f"WF#{n}"}, "sk": {"S": "ACTIVITY#1"}, "details": {"M": {"m": {"S": "TEXT"}}}}),
            _add("STATS#u1", "ALL", {"*|im.TEXT": {"N": "1"}, "*|n": {"N": "1"}, "*|st.PENDING": {"N": "1"}}),
            _add("STATS#u1", "DAY#1", {"*|n": {"N": "1"}, "*|st.PENDING": {"N": "1"}}),
            _add("STATS#ALL", "ALL", {"*|n": {"N": "1"}}),
        ]
    }


# Each case: (operation, parameters) sent in order to a fresh moto holding ITEMS.
ITEMS = [
    {"pk": {"S": "WF#0"}, "sk": {"S": "WF"}, "version": {"N": "3"}, "label": {"S": "x"}},
    {
        "pk": {"S": "STATS#u1"},
        "sk": {"S": "OLD"},
        "count": {"N": "2"},
        "name": {"S": "s"},
        "tags": {"SS": ["a"]},
    },
]
CASES: dict[str, list[tuple[str, dict[str, Any]]]] = {
    "a POST's transaction, twice (ADD creates the aggregates, then adds to them)": [
        ("TransactWriteItems", _post(1)),
        ("TransactWriteItems", _post(2)),
    ],
    "a condition failing: the record exists (cancellation reasons)": [
        ("TransactWriteItems", _post(1)),
        ("TransactWriteItems", _post(1)),
    ],
    "a condition failing with ALL_OLD": [
        (
            "TransactWriteItems",
            {
                "TransactItems": [
                    _put(_workflow(0), **NOT_EXISTS, ReturnValuesOnConditionCheckFailure="ALL_OLD"),
                    _add("STATS#u1", "ALL", {"*|n": {"N": "1"}}),
                ]
            },
        )
    ],
    "a version check passing, then failing": [
        *[
            (
                "TransactWriteItems",
                {
                    "TransactItems": [
                        _put(
                            _workflow(0, version={"N": "4"}),
                            ConditionExpression="#n0 = :v0",
                            ExpressionAttributeNames={"#n0": "version"},
                            ExpressionAttributeValues={":v0": {"N": "3"}},
                        ),
                        _put({"pk": {"S": "WF#0"}, "sk": {"S": "EVENT#1"}}),
                    ]
                },
            )
        ]
        * 2,
    ],
    "ADD on attributes the item lacks, numbers of every form": [
        (
            "TransactWriteItems",
            {
                "TransactItems": [
                    _add(
                        "STATS#u1",
                        "OLD",
                        {
                            "count": {"N": "1.50"},
                            "new": {"N": "-0.25"},
                            "big": {"N": "1E+2"},
                            "e": {"N": "12345678901234567890.5"},
                        },
                    )
                ]
            },
        ),
        ("GetItem", {"TableName": TABLE, "Key": {"pk": {"S": "STATS#u1"}, "sk": {"S": "OLD"}}}),
    ],
    "ADD to a string (moto's error)": [
        ("TransactWriteItems", {"TransactItems": [_add("STATS#u1", "OLD", {"name": {"N": "1"}})]}),
    ],
    "ADD of a set to a set": [
        ("TransactWriteItems", {"TransactItems": [_add("STATS#u1", "OLD", {"tags": {"SS": ["b", "c"]}})]}),
        ("GetItem", {"TableName": TABLE, "Key": {"pk": {"S": "STATS#u1"}, "sk": {"S": "OLD"}}}),
    ],
    "sets, binary and nested values put": [
        (
            "TransactWriteItems",
            {
                "TransactItems": [
                    _put(
                        _workflow(
                            5,
                            tags={"SS": ["b", "a"]},
                            ns={"NS": ["1", "2.5"]},
                            blob={"B": b"\x00\xffbytes"},
                            blobs={"BS": [b"a", b"\x01"]},
                            nested={"L": [{"M": {"b": {"B": b"x"}, "n": {"NULL": True}}}, {"BOOL": True}]},
                        )
                    )
                ]
            },
        ),
        (
            "GetItem",
            {"TableName": TABLE, "Key": {"pk": {"S": "WF#5"}, "sk": {"S": "WF"}}, "ConsistentRead": True},
        ),
    ],
    "a ConditionCheck and a Delete": [
        (
            "TransactWriteItems",
            {
                "TransactItems": [
                    {
                        "ConditionCheck": {
                            "TableName": TABLE,
                            "Key": {"pk": {"S": "WF#0"}, "sk": {"S": "WF"}},
                            "ConditionExpression": "attribute_exists(#n0)",
                            "ExpressionAttributeNames": {"#n0": "pk"},
                        }
                    },
                    {"Delete": {"TableName": TABLE, "Key": {"pk": {"S": "STATS#u1"}, "sk": {"S": "OLD"}}}},
                ]
            },
        )
    ],
    "a conditional Update (moto's own transaction)": [
        (
            "TransactWriteItems",
            {
                "TransactItems": [
                    {
                        "Update": {
                            "TableName": TABLE,
                            "Key": {"pk": {"S": "WF#0"}, "sk": {"S": "WF"}},
                            "UpdateExpression": "SET #l = :l ADD version :one",
                            "ConditionExpression": "version = :three",
                            "ExpressionAttributeNames": {"#l": "label"},
                            "ExpressionAttributeValues": {
                                ":l": {"S": "y"},
                                ":one": {"N": "1"},
                                ":three": {"N": "3"},
                            },
                        }
                    }
                ]
            },
        )
    ],
    "invalid update expressions, each refused every time": [
        ("TransactWriteItems", {"TransactItems": [_add("STATS#u1", "ALL", {"n": {"N": "1"}})]}),
        *[
            (
                "TransactWriteItems",
                {
                    "TransactItems": [
                        {
                            "Update": {
                                "TableName": TABLE,
                                "Key": {"pk": {"S": "STATS#u1"}, "sk": {"S": "ALL"}},
                                "UpdateExpression": expression,
                                "ExpressionAttributeNames": {"#a0": "n"},
                                "ExpressionAttributeValues": {":a0": {"N": "1"}},
                            }
                        }
                    ]
                },
            )
            for expression in ["ADD #a0", "ADD #a0 :a0,", "ADD #a0 :a0", "ADD #a0 :a0 ADD #a0 :a0", "ADD #a0"]
        ],
    ],
    "a name given and not used": [
        (
            "TransactWriteItems",
            {
                "TransactItems": [
                    {
                        "Update": {
                            **_add("STATS#u1", "ALL", {"n": {"N": "1"}})["Update"],
                            "ExpressionAttributeNames": {"#a0": "n", "#unused": "x"},
                        }
                    }
                ]
            },
        )
    ],
    "two operations on one item": [
        ("TransactWriteItems", {"TransactItems": [_put(_workflow(7)), _put(_workflow(7))]}),
    ],
    "an empty key value": [
        ("TransactWriteItems", {"TransactItems": [_put({"pk": {"S": ""}, "sk": {"S": "WF"}})]}),
    ],
    "an unknown table": [
        ("TransactWriteItems", {"TransactItems": [{"Put": {"TableName": "nope", "Item": _workflow(8)}}]}),
    ],
    "a POST's other requests": [
        (
            "UpdateItem",
            {
                "TableName": TABLE,
                "Key": {"pk": {"S": "WF#0"}, "sk": {"S": "WF"}},
                "UpdateExpression": "SET version = version + :one",
                "ConditionExpression": "(#n0 >= :v0)",
                "ExpressionAttributeNames": {"#n0": "version"},
                "ExpressionAttributeValues": {":one": {"N": "1"}, ":v0": {"N": "9"}},
                "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
            },
        ),
        (
            "UpdateItem",
            {
                "TableName": TABLE,
                "Key": {"pk": {"S": "WF#0"}, "sk": {"S": "WF"}},
                "UpdateExpression": "SET version = version + :one REMOVE label",
                "ExpressionAttributeValues": {":one": {"N": "1"}},
                "ReturnValues": "ALL_NEW",
            },
        ),
        ("PutItem", {"TableName": TABLE, "Item": _workflow(9), **NOT_EXISTS, "ReturnValues": "ALL_OLD"}),
        ("PutItem", {"TableName": TABLE, "Item": _workflow(9), **NOT_EXISTS}),
        (
            "BatchGetItem",
            {
                "RequestItems": {
                    TABLE: {
                        "Keys": [
                            {"pk": {"S": "WF#9"}, "sk": {"S": "WF"}},
                            {"pk": {"S": "WF#0"}, "sk": {"S": "WF"}},
                        ],
                        "ConsistentRead": True,
                    }
                }
            },
        ),
        (
            "Query",
            {
                "TableName": TABLE,
                "KeyConditionExpression": "pk = :p",
                "ExpressionAttributeValues": {":p": {"S": "WF#9"}},
                "Limit": 5,
                "ScanIndexForward": False,
            },
        ),
        (
            "ExecuteStatement",
            {
                "Statement": f"INSERT INTO \"{TABLE}\" VALUE {{'pk': ?, 'sk': ?, 'at': ?}}",
                "Parameters": [{"S": "AUDIT#1"}, {"S": "E#1"}, {"S": "2026-12-06"}],
            },
        ),
    ],
}


@pytest.fixture
def moto_own() -> Iterator[None]:
    """moto's own request handling for one test, put back as it was afterwards."""
    was_installed = moto_requests.is_installed()
    moto_requests.restore()
    dynamodb_transactions.install()
    updates_were_installed = dynamodb_updates.is_installed()
    dynamodb_updates.install(lock=dynamodb_transactions.write_lock())
    try:
        yield
    finally:
        moto_requests.restore()
        if was_installed:
            moto_requests.install()
        if not updates_were_installed:
            dynamodb_updates.restore()


def _answer(call: Any) -> Any:
    try:
        answer = call()
    except ClientError as exc:
        return {key: value for key, value in exc.response.items() if key != "ResponseMetadata"}
    except ParamValidationError as exc:  # botocore's own refusal: the same either way
        return {"refused": str(exc)}
    answer.pop("ResponseMetadata", None)
    return answer


def _run(requests: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """The answers, the items and the stream after `requests`, on a fresh moto."""
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        client = boto3.client("dynamodb", region_name="us-east-1")
        streamed_table(client, TABLE)
        for item in ITEMS:
            client.put_item(TableName=TABLE, Item=item)
        answers = []
        for operation, params in requests:
            method = getattr(client, "".join("_" + c.lower() if c.isupper() else c for c in operation)[1:])
            answers.append(_answer(lambda: method(**params)))  # noqa: B023 - called at once
        items = client.scan(TableName=TABLE)["Items"]
        stream = [
            (r["eventName"], r["dynamodb"].get("OldImage"), r["dynamodb"].get("NewImage"))
            for r in stream_records(TABLE)
        ]
        deserialise = TypeDeserializer().deserialize
        # numbers as the resource layer reads them (Decimals), sets as sets
        values = sorted(
            (json.dumps(sorted((k, repr(deserialise(v))) for k, v in item.items())) for item in items),
        )
        return {"answers": answers, "items": sorted(items, key=str), "values": values, "stream": stream}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_calls_answer_as_moto_does(case: str, moto_own: None) -> None:
    # Given moto's own answers to the calls
    assert not moto_requests.is_installed()
    expected = _run(CASES[case])

    # When the same calls are sent with moto_requests installed (nothing parsed before)
    moto_requests.parse_update_expression.cache_clear()
    moto_requests.install()
    actual = _run(CASES[case])

    # Then every answer, error, item, value and stream record is moto's
    assert actual == expected
    assert moto_responses.UpdateExpressionParser is not moto_requests._MOTO_UPDATE_PARSER


def test_an_update_expression_is_parsed_once_and_a_bad_one_every_time(moto_own: None) -> None:
    moto_requests.install()
    moto_requests.parse_update_expression.cache_clear()
    requests = [("TransactWriteItems", _post(n)) for n in range(10, 14)]
    _run(requests)
    info = moto_requests.parse_update_expression.cache_info()
    # three distinct aggregate expressions (three, two and one ADD), each parsed once
    assert (info.misses, info.hits) == (3, 9)

    bad = CASES["invalid update expressions, each refused every time"]
    first, second = _run(bad)["answers"][1], _run(bad)["answers"][5]
    assert first == second and first["Error"]["Code"] == "ValidationException"


# --- the JSON parser, against moto's, over bodies botocore would not send ------------------------

BODIES: list[tuple[str, Any]] = [
    ("TransactWriteItems", _post(1)),
    ("GetItem", {"TableName": TABLE, "Key": {"pk": {"S": "a"}}, "Unknown": 1, "ConsistentRead": None}),
    ("PutItem", {"TableName": TABLE, "Item": {"b": {"B": base64.b64encode(b"\x00\x01").decode()}}}),
    ("PutItem", {"TableName": TABLE, "Item": {"b": {"B": "not base64!"}}}),
    (
        "PutItem",
        {"TableName": TABLE, "Item": {"v": {"NULL": True, "N": "1", "S": "x"}}},
    ),  # not in the shape's order
    ("PutItem", {"TableName": TABLE, "Item": {"v": {}}}),
    ("PutItem", {"TableName": TABLE, "Item": {"v": {"X": "1"}}}),
    ("PutItem", {"TableName": TABLE, "Item": {"v": {"S": None}}}),
    ("PutItem", {"TableName": TABLE, "Item": ["not", "a", "map"]}),
    ("PutItem", {"TableName": TABLE, "Item": {"v": "not a structure"}}),
    ("PutItem", {"TableName": TABLE, "Item": {"v": ["S"]}}),
    ("PutItem", {"TableName": TABLE, "Item": None}),
    ("Query", {"TableName": TABLE, "Limit": "12", "ExclusiveStartKey": {"pk": {"S": "a"}}}),
    ("Query", {"TableName": TABLE, "Limit": 1.5}),
    ("Query", {"TableName": TABLE, "Limit": "twelve"}),
    ("BatchGetItem", {"RequestItems": {TABLE: {"Keys": "abc"}}}),
    ("ExecuteStatement", {"Statement": "x", "Parameters": [{"L": [{"M": {"a": {"BS": ["AA=="]}}}]}]}),
    ("RestoreTableToPointInTime", {"SourceTableName": "a", "RestoreDateTime": 1700000000}),
    ("RestoreTableToPointInTime", {"SourceTableName": "a", "RestoreDateTime": "2026-12-06T10:00:00Z"}),
    ("RestoreTableToPointInTime", {"SourceTableName": "a", "RestoreDateTime": "soon"}),
    ("UpdateTable", {"TableName": "a", "OnDemandThroughput": {"MaxReadRequestUnits": "5"}}),
    ("ListTables", "not an object"),
    ("ListTables", None),
]


def _parsed(parser_class: type[JSONParser], operation: str, body: Any) -> Any:
    model = get_service_model("dynamodb").operation_model(operation)
    raw = b"" if body is None else json.dumps(body).encode()
    try:
        result = parser_class(model, map_type=dict).parse(
            {"method": "POST", "values": {}, "headers": {}, "body": raw, "url_path": "/", "url_params": {}}  # type: ignore[typeddict-item]
        )
    except Exception as exc:  # noqa: BLE001 - what is raised is what is compared
        return ("raised", type(exc), str(exc))
    return ("parsed", result, json.dumps(result, default=repr))  # the order of members too


@pytest.mark.parametrize(("operation", "body"), BODIES, ids=[f"{n}-{op}" for n, (op, _) in enumerate(BODIES)])
def test_a_body_parses_as_moto_parses_it(operation: str, body: Any) -> None:
    assert _parsed(moto_requests.CompiledJSONParser, operation, body) == _parsed(JSONParser, operation, body)


def test_every_dynamodb_operation_has_a_compiled_converter() -> None:
    # (a shape kind it did not know would leave that operation to moto's walk: slower, not wrong)
    model = get_service_model("dynamodb")
    for operation in model.operation_names:
        shape = model.operation_model(operation).input_shape
        assert shape is None or moto_requests.converter_for(shape) is not None, operation


def test_a_method_of_the_handler_is_found_as_moto_lists_them() -> None:
    from moto.core.utils import method_names_from_class

    listed = set(method_names_from_class(moto_responses.DynamoHandler))
    probes = listed | {"register", "mro", "dynamodb_backend", "nope", "__init__", "__class__", "body"}
    found = {name for name in probes if name in moto_requests._Methods(moto_responses.DynamoHandler)}
    assert found == listed & probes
