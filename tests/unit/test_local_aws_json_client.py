"""The local stack's clients without botocore (chalicelib/aws/json_http.py, dynamo_http.py) answer
as boto3 does: the same calls, sent through boto3 and through them to moto, give the same answers
and the same errors, call by call (conditions, cancelled transactions' reasons, binary values,
pagination keys, PartiQL, Step Functions' timestamps and errors)."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import boto3
import pytest
from boto3.dynamodb.conditions import Attr, Key
from boto3.dynamodb.types import Binary
from botocore.exceptions import ClientError

from chalicelib.aws.dynamo_http import HttpDynamoClient, HttpResourceClient, HttpTable
from chalicelib.aws.json_http import HttpJsonClient, HttpStepFunctionsClient
from local_stack import dynamodb_transactions
from tests.aws_answers import normalised, served

pytestmark = pytest.mark.unit

REGION = "us-east-1"
ACCESS_KEY = "testing"
ROLE = "arn:aws:iam::123456789012:role/local"
MACHINE = '{"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 60, "End": true}}}'
Outcome = tuple[Any, ...]


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    """moto's server as the local stack serves it, with its PartiQL INSERT with parameters."""
    dynamodb_transactions.install()
    with served() as url:
        yield url


@pytest.fixture(scope="module")
def session() -> boto3.session.Session:
    return boto3.session.Session(
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key="testing", region_name=REGION
    )


# DynamoDB's set types: moto keeps them in Python sets, whose order follows each process's hash
# seed, so two answers holding the same set may list it in different orders.
_SET_TYPES = frozenset({"SS", "NS", "BS"})


def _normalised(value: Any, names: tuple[str, ...]) -> Any:
    return normalised(value, names, dropped=frozenset({"ResponseMetadata"}), unordered=_SET_TYPES)


def _outcome(action: Callable[[], Any], names: tuple[str, ...]) -> Outcome:
    try:
        answer = action()
    except ClientError as exc:
        metadata = exc.response["ResponseMetadata"]
        return (
            "error",
            exc.operation_name,
            _normalised(str(exc), names),
            _normalised(exc.response, names),
            metadata["HTTPStatusCode"],
            metadata["RetryAttempts"],
        )
    return ("ok", *_answered(answer, names))


def _answered(answer: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    if isinstance(answer, list):  # a query's pages, in order
        return tuple(_answered(page, names) for page in answer)
    metadata = answer["ResponseMetadata"]
    return (_normalised(answer, names), metadata["HTTPStatusCode"], metadata["RetryAttempts"])


def _create_table(session: boto3.session.Session, endpoint: str, name: str) -> Any:
    client = session.client("dynamodb", endpoint_url=endpoint)
    client.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    return session.resource("dynamodb", endpoint_url=endpoint).Table(name)


def _table_calls(table: Any) -> list[Callable[[], Any]]:
    """What the adapters ask of a table and its resource's client, and what goes wrong."""
    client = table.meta.client
    name = table.name
    item = {
        "pk": "P#1",
        "sk": "A",
        "text": "ünïcode",
        "count": 3,
        "ratio": Decimal("0.25"),
        "flag": True,
        "nothing": None,
        "tags": {"a", "b"},
        "numbers": {Decimal(1), Decimal(2)},
        "blob": Binary(b"\x00\xffbinary"),
        "blobs": {Binary(b"one"), Binary(b"\x01two")},
        "nested": {"list": [1, "two", {"B": Binary(b"inner")}], "map": {"B": "a string named B"}},
        "tokens": 1,
        "version": 1,
    }
    rows = [{"pk": "P#2", "sk": f"S#{i:02d}", "n": i, "raw": Binary(bytes([i]))} for i in range(7)]
    take = {
        "Key": {"pk": "P#1", "sk": "A"},
        "UpdateExpression": "SET tokens = tokens - :one, version = version + :one",
        "ConditionExpression": Attr("tokens").gte(1) & Attr("version").gte(1),
        "ExpressionAttributeValues": {":one": 1},
        "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
    }
    page = {"KeyConditionExpression": Key("pk").eq("P#2") & Key("sk").begins_with("S#"), "Limit": 3}

    def pages(**extra: Any) -> list[Any]:
        answers, start = [], None
        while True:
            answer = table.query(**page, **extra, **({"ExclusiveStartKey": start} if start else {}))
            answers.append(answer)
            start = answer.get("LastEvaluatedKey")
            if not start:
                return answers

    return [
        lambda: table.put_item(Item=item),
        lambda: table.put_item(Item=item, ConditionExpression=Attr("pk").not_exists()),
        lambda: table.get_item(Key={"pk": "P#1", "sk": "A"}, ConsistentRead=True),
        lambda: table.get_item(Key={"pk": "P#1", "sk": "missing"}),
        lambda: table.update_item(**take),
        lambda: table.update_item(**take),  # the bucket is empty now: refused, with the item
        lambda: table.update_item(**take, ReturnValues="ALL_NEW"),
        lambda: table.update_item(
            Key={"pk": "P#1", "sk": "A"},
            UpdateExpression="SET #t = :t ADD #c :c",
            ExpressionAttributeNames={"#t": "text", "#c": "count"},
            ExpressionAttributeValues={":t": "changed", ":c": 2},
            ReturnValues="UPDATED_NEW",
        ),
        lambda: table.update_item(Key={"pk": "P#1", "sk": "A"}, UpdateExpression="SET = broken"),
        *[(lambda row=row: table.put_item(Item=row)) for row in rows],
        lambda: pages(),
        lambda: pages(ScanIndexForward=False, ConsistentRead=True),
        lambda: pages(FilterExpression=Attr("n").gt(2)),
        lambda: client.batch_get_item(
            RequestItems={
                name: {
                    "Keys": [{"pk": "P#1", "sk": "A"}, {"pk": "P#2", "sk": "S#01"}, {"pk": "P#9", "sk": "X"}],
                    "ConsistentRead": True,
                }
            }
        ),
        lambda: client.batch_write_item(
            RequestItems={
                name: [
                    {"PutRequest": {"Item": {"pk": "P#3", "sk": "B", "raw": Binary(b"\x02")}}},
                    {"DeleteRequest": {"Key": {"pk": "P#2", "sk": "S#00"}}},
                ]
            }
        ),
        lambda: client.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": name, "Item": {"pk": "P#4", "sk": "T", "v": Decimal("1.5")}}},
                {
                    "Update": {
                        "TableName": name,
                        "Key": {"pk": "P#1", "sk": "A"},
                        "UpdateExpression": "ADD #c :one",
                        "ExpressionAttributeNames": {"#c": "count"},
                        "ExpressionAttributeValues": {":one": 1},
                    }
                },
            ]
        ),
        lambda: client.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": name, "Item": {"pk": "P#5", "sk": "T"}}},
                {
                    "ConditionCheck": {
                        "TableName": name,
                        "Key": {"pk": "P#1", "sk": "A"},
                        "ConditionExpression": "version = :v",
                        "ExpressionAttributeValues": {":v": 99},
                        "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                    }
                },
            ]
        ),
        lambda: client.execute_statement(
            Statement=f"INSERT INTO \"{name}\" VALUE {{'pk': ?, 'sk': ?, 'b': ?}}",
            Parameters=["P#6", "E", Decimal(3)],  # moto's PartiQL takes no binary parameter
        ),
        lambda: client.execute_statement(  # the same key again: refused, nothing written
            Statement=f"INSERT INTO \"{name}\" VALUE {{'pk': ?, 'sk': ?}}", Parameters=["P#6", "E"]
        ),
        lambda: client.execute_statement(Statement=f"SELECT * FROM \"{name}\" WHERE pk = 'P#6'"),
        lambda: client.execute_statement(
            Statement=f'SELECT * FROM "{name}" WHERE pk = ?', Parameters=["P#6"]
        ),
        lambda: table.delete_item(Key={"pk": "P#4", "sk": "T"}, ConditionExpression=Attr("v").eq(2)),
        lambda: table.delete_item(Key={"pk": "P#4", "sk": "T"}, ReturnValues="ALL_OLD"),
        lambda: client.get_item(TableName="no-such-table", Key={"pk": "x", "sk": "y"}),
        lambda: table.query(KeyConditionExpression=Key("pk").eq("P#1"), Select="COUNT"),
    ]


def _http_table(session: boto3.session.Session, endpoint: str, table: Any) -> HttpTable:
    boto_client = table.meta.client
    raw = HttpDynamoClient(endpoint, REGION, ACCESS_KEY, boto_client.meta.service_model)
    return HttpTable(table, HttpResourceClient(raw, boto_client))


def test_dynamodb_answers_and_errors_are_boto3s_call_by_call(
    session: boto3.session.Session, endpoint: str
) -> None:
    # Given the same table twice, one reached through boto3, the other without botocore
    boto_table = _create_table(session, endpoint, "json-client-boto3")
    http_table = _http_table(session, endpoint, _create_table(session, endpoint, "json-client-http"))

    # When the same calls are made through each
    names = ("json-client-boto3", "json-client-http")
    through_boto3 = [_outcome(call, names) for call in _table_calls(boto_table)]
    through_http = [_outcome(call, names) for call in _table_calls(http_table)]

    # Then every answer and every error is the same, call by call
    for step, (expected, got) in enumerate(zip(through_boto3, through_http, strict=True)):
        assert got == expected, f"call {step}"
    kinds = [outcome[0] for outcome in through_http]
    assert kinds.count("error") == 8  # the refusals above really were refusals
    codes = {outcome[3]["Error"]["Code"] for outcome in through_http if outcome[0] == "error"}
    assert codes == {
        "ConditionalCheckFailedException",
        "ValidationException",
        "TransactionCanceledException",
        "DuplicateItemException",
        "ResourceNotFoundException",
    }
    session.client("dynamodb", endpoint_url=endpoint).delete_table(TableName="json-client-boto3")
    session.client("dynamodb", endpoint_url=endpoint).delete_table(TableName="json-client-http")


def test_the_raw_client_speaks_dynamodb_json(session: boto3.session.Session, endpoint: str) -> None:
    # Given a table, and the low-level client without botocore beside boto3's
    _create_table(session, endpoint, "json-client-raw")
    boto_client = session.client("dynamodb", endpoint_url=endpoint)
    raw = HttpDynamoClient(endpoint, REGION, ACCESS_KEY, boto_client.meta.service_model)
    item = {"pk": {"S": "K"}, "sk": {"S": "1"}, "b": {"B": b"\x00\x01"}, "bs": {"BS": [b"x", b"y"]}}

    # When an item with binary values is written and read back through each
    raw.put_item(TableName="json-client-raw", Item=item)
    key = {"pk": {"S": "K"}, "sk": {"S": "1"}}
    mine = raw.get_item(TableName="json-client-raw", Key=key)
    boto3s = boto_client.get_item(TableName="json-client-raw", Key=key)

    # Then both hold bytes, as boto3's low-level client does
    assert mine["Item"] == boto3s["Item"] == item
    boto_client.delete_table(TableName="json-client-raw")


def _machine_calls(client: Any, machine_arn: str) -> list[Callable[[], Any]]:
    execution = machine_arn.replace(":stateMachine:", ":execution:") + ":run-1"
    return [
        lambda: client.start_execution(stateMachineArn=machine_arn, name="run-1", input='{"a": 1}'),
        lambda: client.start_execution(stateMachineArn=machine_arn, name="run-1", input='{"a": 2}'),
        lambda: {k: v for k, v in client.describe_execution(executionArn=execution).items() if k != "input"},
        lambda: client.stop_execution(executionArn=execution, error="Cancelled", cause="test"),
        lambda: client.describe_execution(executionArn=execution + "-missing"),
        lambda: client.send_task_success(taskToken="no-such-token", output="{}"),
        lambda: client.send_task_failure(taskToken="no-such-token", error="E", cause="c"),
    ]


def test_step_functions_answers_and_errors_are_boto3s_call_by_call(
    session: boto3.session.Session, endpoint: str
) -> None:
    # Given two state machines, one reached through boto3, the other without botocore
    sfn = session.client("stepfunctions", endpoint_url=endpoint)
    arns = [
        sfn.create_state_machine(name=name, definition=MACHINE, roleArn=ROLE)["stateMachineArn"]
        for name in ("machine-boto3", "machine-http")
    ]
    http_client = HttpStepFunctionsClient(
        HttpJsonClient(endpoint, REGION, ACCESS_KEY, sfn.meta.service_model), sfn
    )

    # When the engine's calls are made through each
    names = ("machine-boto3", "machine-http")
    through_boto3 = [_outcome(call, names) for call in _machine_calls(sfn, arns[0])]
    through_http = [_outcome(call, names) for call in _machine_calls(http_client, arns[1])]

    # Then the answers (timestamps as datetimes, in UTC) and errors are the same
    for step, (expected, got) in enumerate(zip(through_boto3, through_http, strict=True)):
        assert got == expected, f"call {step}"
    assert through_http[0][1]["startDate"] == ("datetime", datetime.timedelta(0))
    codes = [o[3]["Error"]["Code"] if o[0] == "error" else None for o in through_http]
    assert codes[1] == "ExecutionAlreadyExists" and codes[4] == "ExecutionDoesNotExist"
    for arn in arns:
        sfn.delete_state_machine(stateMachineArn=arn)


class _Flaky:
    """A DynamoDB stand-in that fails the first `failures` requests with `status` and `code`."""

    def __init__(self, failures: int, status: str, code: str) -> None:
        self.failures, self.status, self.code = failures, status, code
        self.requests = 0

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        self.requests += 1
        if self.requests <= self.failures:
            body = b'{"__type": "com.amazonaws.dynamodb.v20120810#%s", "message": "no"}' % self.code.encode()
            status = self.status
        else:
            body, status = b'{"Item": {"pk": {"S": "x"}}}', "200 OK"
        headers = [("Content-Type", "application/x-amz-json-1.0"), ("Content-Length", str(len(body)))]
        start_response(status, headers)
        return [body]


@pytest.mark.parametrize(
    ("failures", "status", "code"),
    [
        (9, "500 Internal Server Error", "InternalServerError"),  # every attempt fails
        (2, "503 Service Unavailable", "ServiceUnavailable"),  # the third attempt answers
        (1, "400 Bad Request", "ProvisionedThroughputExceededException"),  # throttled once
        (9, "400 Bad Request", "ValidationException"),  # not retried
    ],
)
def test_retries_are_botocores(session: boto3.session.Session, failures: int, status: str, code: str) -> None:
    outcomes = []
    for kind in ("boto3", "http"):
        # Given a DynamoDB that fails some requests
        flaky = _Flaky(failures, status, code)
        with served(flaky) as url:
            client: Any = session.client("dynamodb", endpoint_url=url)
            if kind == "http":
                client = HttpDynamoClient(url, REGION, ACCESS_KEY, client.meta.service_model)

            # When a call is made through each client
            outcome = _outcome(functools.partial(client.get_item, TableName="t", Key={"pk": {"S": "x"}}), ())
            outcomes.append((outcome, flaky.requests))

    # Then both try as often, and answer or fail alike
    assert outcomes[1] == outcomes[0]
