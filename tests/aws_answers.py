"""What the local stack's own AWS clients are checked against: moto served as the stack serves it,
and an AWS answer without what differs between two runs by design.

The clients without botocore (chalicelib/aws/json_http.py, dynamo_http.py, s3_http.py) must answer
as boto3 does; their tests send the same calls both ways and compare the answers normalised here.
The stores' contract tests run their DynamoDB adapters on `workflows_table()`.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import boto3
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID
from moto.dynamodb.models import dynamodb_backends
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

from local_stack import dynamodb_transactions
from local_stack.keep_alive import KeepAliveRequestHandler
from local_stack.provision import table_properties


@contextmanager
def workflows_table() -> Iterator[Any]:
    """The stack's workflows table on moto (the template's keys and indexes; no stream, which these
    tests do not read), with transactions checked as the local stack checks them."""
    dynamodb_transactions.install()
    with mock_aws():
        properties = table_properties("WorkflowsTable")
        properties.pop("StreamSpecification", None)
        dynamodb = boto3.resource("dynamodb", region_name="us-east-1")
        yield dynamodb.create_table(TableName="workflows", **properties)


def streamed_table(client: Any, name: str) -> None:
    """A table keyed as the stack's (pk, sk, an index on gsi1pk) with a stream of old and new
    images, made with `client` inside `mock_aws()`: what the DynamoDB speed-ups are checked on."""
    client.create_table(
        TableName=name,
        KeySchema=[
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"},
        ],
        AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in ("pk", "sk", "gsi1pk")],
        GlobalSecondaryIndexes=[
            {
                "IndexName": "gsi1",
                "KeySchema": [{"AttributeName": "gsi1pk", "KeyType": "HASH"}],
                "Projection": {"ProjectionType": "ALL"},
            }
        ],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )


def stream_records(name: str) -> list[dict[str, Any]]:
    """The stream records of `streamed_table(name)` as moto keeps them (moto's DescribeStream is
    not implemented in mock mode)."""
    return [
        r.record
        for r in dynamodb_backends[DEFAULT_ACCOUNT_ID]["us-east-1"].get_table(name).stream_shard.items
    ]


@contextmanager
def served(app: Any = None) -> Iterator[str]:
    """`app` (moto's by default) served as the local stack serves moto, on kept-alive connections;
    yields its URL."""
    server = make_server(
        "127.0.0.1",
        0,
        app or DomainDispatcherApplication(create_backend_app),
        threaded=True,
        request_handler=KeepAliveRequestHandler,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def normalised(
    value: Any,
    names: tuple[str, ...],
    *,
    dropped: frozenset[str] = frozenset(),
    unordered: frozenset[str] = frozenset(),
) -> Any:
    """`value` with each of `names` (a table's, bucket's or machine's name, which each run makes
    anew) replaced by "<name>", dates reduced to their offset, the keys in `dropped` left out, and
    the lists under the keys in `unordered` sorted (members of a set, whose order is not part of
    the answer)."""

    def walk(item: Any) -> Any:
        if isinstance(item, dict):
            return {
                walk(k): sorted(walk(v)) if k in unordered and isinstance(v, list) else walk(v)
                for k, v in item.items()
                if k not in dropped
            }
        if isinstance(item, list):
            return [walk(v) for v in item]
        if isinstance(item, str):
            for name in names:
                item = item.replace(name, "<name>")
            return item
        if isinstance(item, datetime.datetime):
            return ("datetime", item.utcoffset())
        return item

    return walk(value)
