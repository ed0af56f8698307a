"""The workflows table's stream, as the progress events it carries (app.py's `push_events`).

On AWS the table streams NEW_IMAGE records to a Lambda event source mapping whose filter
(`EVENT_ITEMS_FILTER`, bound in deploy/package.py) passes only inserted event items; locally
`local_stack/streams.py` applies the same filter to moto's stream. Either way the handler gets
DynamoDB-typed images and turns each back into the `Event` that `workflow_records` wrote.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from boto3.dynamodb.types import TypeDeserializer

from chalicelib.aws.dynamo import from_dynamo
from chalicelib.aws.workflow_records import EVENT_SK_PREFIX
from chalicelib.core.events import Event
from chalicelib.logs import logger

# Lambda's event filtering syntax: INSERTs of `sk = EVENT#...` items, nothing else of the table.
EVENT_ITEMS_FILTER: dict[str, Any] = {
    "eventName": ["INSERT"],
    "dynamodb": {"Keys": {"sk": {"S": [{"prefix": EVENT_SK_PREFIX}]}}},
}

_deserializer = TypeDeserializer()


def events_of(records: Iterable[dict[str, Any]]) -> list[Event]:
    """The events among a batch of stream records, in stream order (others are skipped: the
    filter is the template's, this is the code's own check)."""
    events: list[Event] = []
    for record in records:
        change = record.get("dynamodb", {})
        key = change.get("Keys", {}).get("sk", {}).get("S", "")
        image = change.get("NewImage")
        if record.get("eventName") != "INSERT" or not key.startswith(EVENT_SK_PREFIX) or not image:
            continue
        try:
            item = {name: _deserializer.deserialize(value) for name, value in image.items()}
            events.append(Event.model_validate({**from_dynamo(item), "data": json.loads(item["data"])}))
        except (ValueError, TypeError, KeyError):
            # A record no push can use (written by hand, say): skipped, never retried for ever.
            logger.exception("A stream record is not a progress event", extra={"sk": key})
    return events
