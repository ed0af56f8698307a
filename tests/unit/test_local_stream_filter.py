"""A write whose stream record the event source mapping's filter drops is decided before moto
builds the record (local_stack/streams.py, `early_filter`): the same records reach the stream's
listener as when every record is built and filtered whole."""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws
from moto.dynamodb.models import table as table_models

from chalicelib.aws.event_stream import EVENT_ITEMS_FILTER
from local_stack import streams
from tests.aws_answers import streamed_table

pytestmark = pytest.mark.unit

TABLE = "filtered"


def _writes(client: Any) -> None:
    """Inserts, modifies and removes of event items and of others, one by one and in a transaction."""
    for sk in ("EVENT#0001", "WF", "ACTIVITY#1", "EVENT#0002"):
        client.put_item(TableName=TABLE, Item={"pk": {"S": "WF#1"}, "sk": {"S": sk}, "n": {"N": "1"}})
    client.put_item(TableName=TABLE, Item={"pk": {"S": "WF#1"}, "sk": {"S": "EVENT#0001"}, "n": {"N": "2"}})
    client.update_item(
        TableName=TABLE,
        Key={"pk": {"S": "WF#1"}, "sk": {"S": "WF"}},
        UpdateExpression="SET n = :n",
        ExpressionAttributeValues={":n": {"N": "3"}},
    )
    client.transact_write_items(
        TransactItems=[
            {"Put": {"TableName": TABLE, "Item": {"pk": {"S": "WF#2"}, "sk": {"S": "EVENT#0001"}}}},
            {"Put": {"TableName": TABLE, "Item": {"pk": {"S": "WF#2"}, "sk": {"S": "WF"}}}},
        ]
    )
    client.delete_item(TableName=TABLE, Key={"pk": {"S": "WF#1"}, "sk": {"S": "EVENT#0002"}})
    client.put_item(TableName=TABLE, Item={"pk": {"S": "WF#3"}, "sk": {"S": "EVENTS"}})
    client.put_item(TableName=TABLE, Item={"pk": {"S": "WF#3"}, "sk": {"S": "event#x"}})


@pytest.fixture
def listened() -> Iterator[None]:
    yield
    streams._listeners.pop(TABLE, None)


def _forwarded(early: bool) -> list[Any]:
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    received: queue.Queue[dict[str, Any]] = queue.Queue()
    with mock_aws():
        client = boto3.client("dynamodb", region_name="us-east-1")
        streamed_table(client, TABLE)
        stream = streams.ForwardedStream(TABLE, "arn:stream", EVENT_ITEMS_FILTER, received.put)
        if not early:
            stream.early = None
        stream.start()
        _writes(client)
        records: list[dict[str, Any]] = []
        while len(records) < 3:  # the three inserts of event items, at least
            records.append(received.get(timeout=5))
        try:
            while True:
                records.append(received.get(timeout=0.2))
        except queue.Empty:
            pass
    return [
        (r["eventName"], r["dynamodb"]["Keys"], r["dynamodb"].get("NewImage"), r["eventSourceARN"])
        for r in records
    ]


def test_the_same_records_pass_as_when_every_record_is_built(
    listened: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    real = table_models.StreamRecord

    def counted(*args: Any) -> Any:
        built.append(args[2])  # the event's name
        return real(*args)

    monkeypatch.setattr(table_models, "StreamRecord", counted)

    # Given the records that pass when each is built whole and then filtered
    whole = _forwarded(early=False)
    assert len(built) == 11

    # When the filter decides before the record is built
    built.clear()
    early = _forwarded(early=True)

    # Then the same records pass, in the same order: the inserts of event items only
    assert early == whole
    assert [(name, keys["sk"]["S"]) for name, keys, _, _ in early] == [
        ("INSERT", "EVENT#0001"),
        ("INSERT", "EVENT#0002"),
        ("INSERT", "EVENT#0001"),
    ]
    assert built == ["INSERT"] * 3  # the dropped eight were never built


def test_only_a_pattern_of_the_name_and_keys_is_decided_early() -> None:
    assert streams.early_filter(EVENT_ITEMS_FILTER) is not None
    assert streams.early_filter({"eventName": ["INSERT"]}) is not None
    assert streams.early_filter({"dynamodb": {"NewImage": {"status": {"S": ["DONE"]}}}}) is None
    assert streams.early_filter({"eventSource": ["aws:dynamodb"]}) is None
