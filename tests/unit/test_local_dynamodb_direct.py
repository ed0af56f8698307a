"""DynamoDB's requests taken the short way past Flask (local_stack/dynamodb_direct.py) get moto's
own answers: the same requests sent to moto's server app and to the wrapped one, on a fresh moto
each time, give the same status, headers (the random request id's value aside), body bytes,
items and stream records.

Nothing is installed or patched here: `wrap` is a WSGI app around moto's, so both runs use
whatever moto patches this process holds, alike."""

from __future__ import annotations

import base64
import json
import os
from typing import Any

import boto3
import pytest
from moto import mock_aws
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.test import EnvironBuilder

from local_stack import dynamodb_direct
from local_stack.wsgi_call import call_wsgi
from tests.aws_answers import stream_records, streamed_table
from tests.unit.test_local_moto_requests import CASES, ITEMS, TABLE, _post

pytestmark = pytest.mark.unit

AUTHORIZATION = (
    "AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, "
    "SignedHeaders=content-type;host;x-amz-target, Signature=0"
)
RANDOM_HEADERS = frozenset({"x-amzn-requestid", "date"})

# Requests as a client sends them: (target, body bytes, extra headers, method, path).
Request = tuple[str, bytes, dict[str, str], str, str]


def _json(operation: str, params: dict[str, Any], **headers: str) -> Request:
    body = json.dumps(params, default=_blob).encode()
    return (f"DynamoDB_20120810.{operation}", body, headers, "POST", "/")


def _blob(value: Any) -> str:
    """A binary value as botocore sends it."""
    assert isinstance(value, bytes)
    return base64.b64encode(value).decode()


KEY = {"pk": {"S": "WF#0"}, "sk": {"S": "WF"}}
MORE: dict[str, list[Request]] = {
    "reads: GetItem, BatchGetItem, a Query paged, a Scan": [
        _json("TransactWriteItems", _post(1)),
        _json("GetItem", {"TableName": TABLE, "Key": KEY, "ConsistentRead": True}),
        _json("GetItem", {"TableName": TABLE, "Key": {"pk": {"S": "none"}, "sk": {"S": "WF"}}}),
        _json("BatchGetItem", {"RequestItems": {TABLE: {"Keys": [KEY], "ConsistentRead": True}}}),
        _json(
            "Query",
            {
                "TableName": TABLE,
                "KeyConditionExpression": "pk = :p",
                "ExpressionAttributeValues": {":p": {"S": "STATS#u1"}},
                "Limit": 1,
            },
        ),
        _json("Scan", {"TableName": TABLE}),
    ],
    "writes: PutItem refused and returning ALL_OLD, UpdateItem, DeleteItem, BatchWriteItem": [
        _json("PutItem", {"TableName": TABLE, "Item": {**KEY, "v": {"N": "1"}}, "ReturnValues": "ALL_OLD"}),
        _json(
            "PutItem",
            {
                "TableName": TABLE,
                "Item": {**KEY, "v": {"N": "2"}},
                "ConditionExpression": "attribute_not_exists(pk)",
                "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
            },
        ),
        _json(
            "UpdateItem",
            {
                "TableName": TABLE,
                "Key": KEY,
                "UpdateExpression": "SET v = v + :one",
                "ExpressionAttributeValues": {":one": {"N": "1"}},
                "ReturnValues": "ALL_NEW",
            },
        ),
        _json("DeleteItem", {"TableName": TABLE, "Key": KEY, "ReturnValues": "ALL_OLD"}),
        _json(
            "BatchWriteItem",
            {"RequestItems": {TABLE: [{"PutRequest": {"Item": {"pk": {"S": "B"}, "sk": {"S": "1"}}}}]}},
        ),
        _json(
            "ExecuteStatement",
            {"Statement": f"INSERT INTO \"{TABLE}\" VALUE {{'pk': 'P', 'sk': 'Q'}}"},
        ),
        _json("ExecuteStatement", {"Statement": f"SELECT * FROM \"{TABLE}\" WHERE pk = 'P'"}),
    ],
    "errors: unknown table, unknown action, a bad expression, bodies botocore would not send": [
        _json("GetItem", {"TableName": "missing", "Key": KEY}),
        _json("NoSuchAction", {}),
        _json("UpdateItem", {"TableName": TABLE, "Key": KEY, "UpdateExpression": "SET = 1"}),
        ("DynamoDB_20120810.GetItem", b"{not json", {}, "POST", "/"),
        ("DynamoDB_20120810.ListTables", b"", {}, "POST", "/"),
        _json("GetItem", {"TableName": TABLE, "Key": KEY, "ConsistentRead": "yes"}),
    ],
    "not taken the short way: an Origin, another path or method, another target": [
        _json("GetItem", {"TableName": TABLE, "Key": KEY}, Origin="http://example.test"),
        ("DynamoDB_20120810.GetItem", json.dumps({"TableName": TABLE, "Key": KEY}).encode(), {}, "GET", "/"),
        (
            "DynamoDBStreams_20120810.DescribeStream",
            b'{"StreamArn": "arn:aws:dynamodb:us-east-1:123456789012:table/none/stream/x"}',
            {},
            "POST",
            "/",
        ),
    ],
}
ALL_CASES: dict[str, list[Request]] = {
    **{case: [_json(operation, params) for operation, params in calls] for case, calls in CASES.items()},
    **MORE,
}


def _environ(request: Request) -> dict[str, Any]:
    target, body, extra, method, path = request
    headers: dict[str, str] = {
        "X-Amz-Target": target,
        "Content-Type": "application/x-amz-json-1.0",
        "Authorization": AUTHORIZATION,
        **extra,
    }
    environ: dict[str, Any] = EnvironBuilder(
        method=method, path=path, base_url="http://127.0.0.1:4567", data=body, headers=list(headers.items())
    ).get_environ()
    return environ


def _run(requests: list[Request], direct: bool) -> dict[str, Any]:
    """The answers, the items and the stream after `requests`, on a fresh moto."""
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    moto_app = DomainDispatcherApplication(create_backend_app)
    app = dynamodb_direct.wrap(moto_app) if direct else moto_app
    with mock_aws():
        client = boto3.client("dynamodb", region_name="us-east-1")
        streamed_table(client, TABLE)
        for item in ITEMS:
            client.put_item(TableName=TABLE, Item=item)
        answers: list[Any] = []
        for request in requests:
            try:
                status, headers, chunks = call_wsgi(app, _environ(request))
            except Exception as exc:  # noqa: BLE001 - moto's own failure (a 500 from the server): raised alike
                answers.append(("raised", type(exc).__name__, str(exc)))
                continue
            kept = [(n, "<random>" if n.lower() in RANDOM_HEADERS else v) for n, v in headers]
            answers.append((status, kept, b"".join(chunks)))
        items = client.scan(TableName=TABLE)["Items"]
        stream = [
            (r["eventName"], r["dynamodb"].get("OldImage"), r["dynamodb"].get("NewImage"))
            for r in stream_records(TABLE)
        ]
        return {"answers": answers, "items": sorted(items, key=str), "stream": stream}


@pytest.mark.parametrize("case", sorted(ALL_CASES))
def test_the_requests_answer_as_through_flask(case: str) -> None:
    # Given moto's server app's answers to the requests
    expected = _run(ALL_CASES[case], direct=False)

    # When the same requests are sent to the wrapped app
    actual = _run(ALL_CASES[case], direct=True)

    # Then every status, header, body, item and stream record is the same
    assert actual == expected


def test_the_short_way_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given an app that counts what reaches moto's own app
    moto_app = DomainDispatcherApplication(create_backend_app)
    reached: list[str] = []

    def counted(environ: dict[str, Any], start_response: Any) -> Any:
        reached.append(str(environ.get("HTTP_X_AMZ_TARGET")))
        return moto_app(environ, start_response)

    app = dynamodb_direct.wrap(counted)
    with mock_aws():
        # When a plain request and an Origin's are sent
        plain = call_wsgi(app, _environ(_json("ListTables", {})))
        with_origin = call_wsgi(app, _environ(_json("ListTables", {}, Origin="http://example.test")))

    # Then only the second reached moto's app, and both were answered
    assert reached == ["DynamoDB_20120810.ListTables"]
    assert plain[0] == with_origin[0] == "200 OK"
