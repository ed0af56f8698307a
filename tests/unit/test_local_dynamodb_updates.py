"""moto's UpdateItem applied directly for plain SETs (local_stack/dynamodb_updates.py) answers as
moto's own does: the same requests sent to moto with and without it, call by call, give the same
answers (or errors), leave the same items and append the same stream records.

The fast path is installed by this file's own fixture and restored after each test: nothing
here depends on the order tests run in or on a stack having installed it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from boto3.dynamodb.conditions import Attr, ConditionExpressionBuilder
from botocore.exceptions import ClientError
from moto import mock_aws
from moto.dynamodb import responses as moto_responses

from local_stack import dynamodb_transactions, dynamodb_updates
from tests.aws_answers import stream_records, streamed_table

pytestmark = pytest.mark.unit

KEY = {"pk": {"S": "RATE#USER#u1"}, "sk": {"S": "BUCKET"}}
BUCKET = {
    **KEY,
    "tokens": {"N": "3"},
    "refilledAt": {"N": "1000"},
    "version": {"N": "1"},
    "label": {"S": "b"},
}
# The rate limiter's take as chalicelib/aws/rate_buckets.py sends it: its condition written by the
# installed boto3's own builder (this boto3 writes "(#n0 >= :v0 AND #n1 >= :v1)"; a fast path
# that knew only the older "(#n0 >= :v0) AND (#n1 >= :v1)" silently never ran).
_BUILT = ConditionExpressionBuilder().build_expression(Attr("tokens").gte(1) & Attr("refilledAt").gte(500))
TAKE = {
    "UpdateExpression": "SET tokens = tokens - :one, version = version + :one",
    "ConditionExpression": _BUILT.condition_expression,
    "ExpressionAttributeNames": _BUILT.attribute_name_placeholders,
    "ExpressionAttributeValues": {
        ":one": {"N": "1"},
        **{name: {"N": str(value)} for name, value in _BUILT.attribute_value_placeholders.items()},
    },
}
OLDER_TAKE = {**TAKE, "ConditionExpression": "(#n0 >= :v0) AND (#n1 >= :v1)"}

# Each case: a list of UpdateItem requests (after the bucket is put), sent in order.
CASES: dict[str, list[dict[str, Any]]] = {
    "the rate limiter's take, until the bucket is empty": [TAKE] * 5,
    "a refused take returns the bucket": [{**TAKE, "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}] * 5,
    "the take as older boto3 wrote its condition": [OLDER_TAKE] * 5,
    "a refused take without ALL_OLD": [
        {**TAKE, "ExpressionAttributeValues": {**TAKE["ExpressionAttributeValues"], ":v1": {"N": "2000"}}}
    ],
    "ALL_NEW": [{**TAKE, "ReturnValues": "ALL_NEW"}],
    "plain SETs, names and values": [
        {
            "UpdateExpression": "SET #a = :a, label = :s, ratio = :r",
            "ExpressionAttributeNames": {"#a": "new attribute"},
            "ExpressionAttributeValues": {":a": {"N": "0.5"}, ":s": {"S": "x"}, ":r": {"N": "1.25"}},
        },
        {
            "UpdateExpression": "SET ratio = ratio - :r",
            "ExpressionAttributeValues": {":r": {"N": "0.75"}},
        },
    ],
    "exists and not_exists": [
        {
            "UpdateExpression": "SET label = :s",
            "ConditionExpression": "attribute_exists(#p) AND attribute_not_exists(#q)",
            "ExpressionAttributeNames": {"#p": "pk", "#q": "missing"},
            "ExpressionAttributeValues": {":s": {"S": "y"}},
        },
        {
            "UpdateExpression": "SET label = :s",
            "ConditionExpression": "attribute_not_exists(#p)",
            "ExpressionAttributeNames": {"#p": "pk"},
            "ExpressionAttributeValues": {":s": {"S": "z"}},
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        },
    ],
    "string comparisons": [
        {
            "UpdateExpression": "SET version = :v",
            "ConditionExpression": "#l = :l",
            "ExpressionAttributeNames": {"#l": "label"},
            "ExpressionAttributeValues": {":v": {"N": "9"}, ":l": {"S": "b"}},
        },
        {
            "UpdateExpression": "SET version = :v",
            "ConditionExpression": "#l < :l",
            "ExpressionAttributeNames": {"#l": "label"},
            "ExpressionAttributeValues": {":v": {"N": "10"}, ":l": {"S": "a"}},
        },
    ],
    # What moto decides itself (the fast path declines): the answers must still be moto's
    "a condition on a missing attribute": [
        {
            "UpdateExpression": "SET version = :v",
            "ConditionExpression": "#m >= :n",
            "ExpressionAttributeNames": {"#m": "missing"},
            "ExpressionAttributeValues": {":v": {"N": "2"}, ":n": {"N": "1"}},
        }
    ],
    "arithmetic on a missing attribute": [
        {"UpdateExpression": "SET missing = missing + :n", "ExpressionAttributeValues": {":n": {"N": "1"}}}
    ],
    "arithmetic on a string": [
        {"UpdateExpression": "SET label = label + :n", "ExpressionAttributeValues": {":n": {"N": "1"}}}
    ],
    "a key attribute assigned": [
        {"UpdateExpression": "SET sk = :s", "ExpressionAttributeValues": {":s": {"S": "X"}}}
    ],
    "a reserved word": [
        {"UpdateExpression": "SET size = :s", "ExpressionAttributeValues": {":s": {"N": "1"}}}
    ],
    "a name given and not used": [
        {
            "UpdateExpression": "SET label = :s",
            "ExpressionAttributeNames": {"#unused": "x"},
            "ExpressionAttributeValues": {":s": {"S": "q"}},
        }
    ],
    "a value given and not used": [
        {
            "UpdateExpression": "SET label = :s",
            "ExpressionAttributeValues": {":s": {"S": "q"}, ":u": {"N": "1"}},
        }
    ],
    "a value used and not given": [{"UpdateExpression": "SET label = :s"}],
    "an empty string": [
        {"UpdateExpression": "SET label = :s", "ExpressionAttributeValues": {":s": {"S": ""}}}
    ],
    "an item that does not exist": [
        {
            "Key": {"pk": {"S": "RATE#USER#u2"}, "sk": {"S": "BUCKET"}},
            "UpdateExpression": "SET label = :s",
            "ExpressionAttributeValues": {":s": {"S": "new"}},
        }
    ],
    "an OR": [
        {
            "UpdateExpression": "SET label = :s",
            "ConditionExpression": "#t >= :n OR #t < :n",
            "ExpressionAttributeNames": {"#t": "tokens"},
            "ExpressionAttributeValues": {":s": {"S": "or"}, ":n": {"N": "1"}},
        }
    ],
    "REMOVE and ADD": [
        {
            "UpdateExpression": "SET label = :s REMOVE version",
            "ExpressionAttributeValues": {":s": {"S": "r"}},
        },
        {"UpdateExpression": "ADD tokens :n", "ExpressionAttributeValues": {":n": {"N": "1"}}},
    ],
    "a GSI key assigned": [
        {"UpdateExpression": "SET gsi1pk = :s", "ExpressionAttributeValues": {":s": {"S": "G"}}}
    ],
}
FAST = {
    "the rate limiter's take, until the bucket is empty",
    "a refused take returns the bucket",
    "the take as older boto3 wrote its condition",
    "ALL_NEW",
}


@pytest.fixture
def fast_updates() -> Iterator[None]:
    """The fast path installed for one test by this file itself, and afterwards put back as it
    was before the test (off, unless a stack in this process had installed it)."""
    was_installed = dynamodb_updates.is_installed()
    dynamodb_transactions.install()
    dynamodb_updates.install(lock=dynamodb_transactions.write_lock())
    try:
        yield
    finally:
        dynamodb_updates.restore()
        if was_installed:
            dynamodb_updates.install(lock=dynamodb_transactions.write_lock())


@pytest.fixture
def moto_updates() -> Iterator[None]:
    """moto's own UpdateItem for one test (the fast path off), put back as it was afterwards."""
    was_installed = dynamodb_updates.is_installed()
    dynamodb_updates.restore()
    try:
        yield
    finally:
        if was_installed:
            dynamodb_updates.install(lock=dynamodb_transactions.write_lock())


def _run(requests: list[dict[str, Any]]) -> dict[str, Any]:
    """The answers, the items and the stream after `requests`, on a fresh moto."""
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        client = boto3.client("dynamodb", region_name="us-east-1")
        streamed_table(client, "t")
        client.put_item(TableName="t", Item=BUCKET)
        answers: list[Any] = []
        for request in requests:
            try:
                answer = client.update_item(**{"TableName": "t", "Key": KEY, **request})
                answer.pop("ResponseMetadata", None)
                answers.append(answer)
            except ClientError as exc:
                answers.append({"error": exc.response["Error"], "item": exc.response.get("Item")})
        items = client.scan(TableName="t")["Items"]
        stream = [
            (
                r["eventName"],
                r["dynamodb"]["Keys"],
                r["dynamodb"].get("OldImage"),
                r["dynamodb"].get("NewImage"),
            )
            for r in stream_records("t")
        ]
        return {"answers": answers, "items": sorted(items, key=str), "stream": stream}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_update_answers_as_moto_does(
    case: str, moto_updates: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given moto's own answers to the requests
    assert not dynamodb_updates.is_installed()
    expected = _run(CASES[case])

    # When the same requests are sent with the fast path installed
    parsed: list[str] = []
    make = moto_responses.UpdateExpressionParser.make

    def counted(expression: str) -> Any:
        parsed.append(expression)
        return make(expression)

    monkeypatch.setattr(moto_responses.UpdateExpressionParser, "make", staticmethod(counted))
    dynamodb_transactions.install()
    dynamodb_updates.install(lock=dynamodb_transactions.write_lock())
    try:
        actual = _run(CASES[case])
    finally:
        dynamodb_updates.restore()

    # Then every answer, error, item and stream record is moto's
    assert actual == expected
    if case in FAST:  # and the plain ones did not go through moto's parser at all
        assert parsed == []


def test_restore_turns_it_off_without_dropping_a_later_wrapper(fast_updates: None) -> None:
    from moto.dynamodb.models import DynamoDBBackend

    # Given the fast path installed (by the fixture), then wrapped by something else
    patched = DynamoDBBackend.update_item

    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        return patched(self, *args, **kwargs)

    DynamoDBBackend.update_item = wrapper  # type: ignore[method-assign]
    try:
        # When it is restored: it is off, and the wrapper stays
        dynamodb_updates.restore()
        assert not dynamodb_updates.is_installed()
        assert DynamoDBBackend.update_item is wrapper
        # And installing it again turns it on
        dynamodb_updates.install(lock=dynamodb_transactions.write_lock())
        assert dynamodb_updates.is_installed()
    finally:
        DynamoDBBackend.update_item = patched  # type: ignore[method-assign]


def test_restore_puts_moto_s_own_method_back_when_nothing_wrapped_it(fast_updates: None) -> None:
    from moto.dynamodb.models import DynamoDBBackend

    patched = DynamoDBBackend.update_item
    ours = patched is dynamodb_updates._installed.get("backend_patch")  # (not wrapped by a meter)
    dynamodb_updates.restore()
    assert not dynamodb_updates.is_installed()
    assert (DynamoDBBackend.update_item is not patched) == ours


def test_the_plans_it_takes_and_declines() -> None:
    assert dynamodb_updates.plan(TAKE["UpdateExpression"], TAKE["ConditionExpression"]) is not None
    assert dynamodb_updates.plan("SET a = :a", None) is not None
    assert dynamodb_updates.plan("SET a = :a REMOVE b", None) is None
    assert dynamodb_updates.plan("SET a.b = :a", None) is None
    assert dynamodb_updates.plan("SET a = :a", "(#a = :a) OR (#b = :b)") is None
    assert dynamodb_updates.plan("SET a = :a, a = :b", None) is None
    assert dynamodb_updates.plan("SET size = :a", None) is None
