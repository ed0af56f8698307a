"""DynamoDB without botocore's client, for the local stack (`AWS_JSON_CLIENT=http`): its JSON
protocol over plain HTTP keep-alive (`json_http.HttpJsonClient`), with boto3's resource layer on
top, since the adapters hold a boto3 `Table` (ADR 0025, addendum).

- `HttpDynamoClient`: the low-level client's methods, shapes and errors (DynamoDB JSON in and
  out, bytes for binary values, `ResponseMetadata`, `ClientError` with botocore's code, message
  and modelled fields such as `Item` and `CancellationReasons`).
- `HttpTable` / `HttpResourceClient`: a boto3 `Table` and its `meta.client`, with boto3's own
  `TransformationInjector` on either side (condition objects into expressions with the same
  placeholders, Python values into DynamoDB's types and back), so requests and answers are the
  ones boto3's resource makes. Anything else (`batch_writer`, a scan) is the boto3 object's.

`tests/unit/test_local_aws_json_client.py` sends the same calls both ways to moto and compares.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from boto3.dynamodb.transform import ParameterTransformer, TransformationInjector

from chalicelib.aws.json_http import HttpJsonClient


class _DynamoOperations:
    """The operations the adapters make, each a `call` of its own class: the low-level client's
    (DynamoDB JSON) and the resource's (Python values) take the same names."""

    call: Callable[[str, dict[str, Any]], dict[str, Any]]

    def get_item(self, **params: Any) -> dict[str, Any]:
        return self.call("GetItem", params)

    def put_item(self, **params: Any) -> dict[str, Any]:
        return self.call("PutItem", params)

    def update_item(self, **params: Any) -> dict[str, Any]:
        return self.call("UpdateItem", params)

    def delete_item(self, **params: Any) -> dict[str, Any]:
        return self.call("DeleteItem", params)

    def query(self, **params: Any) -> dict[str, Any]:
        return self.call("Query", params)

    def batch_get_item(self, **params: Any) -> dict[str, Any]:
        return self.call("BatchGetItem", params)

    def batch_write_item(self, **params: Any) -> dict[str, Any]:
        return self.call("BatchWriteItem", params)

    def transact_write_items(self, **params: Any) -> dict[str, Any]:
        return self.call("TransactWriteItems", params)

    def execute_statement(self, **params: Any) -> dict[str, Any]:
        return self.call("ExecuteStatement", params)


class HttpDynamoClient(_DynamoOperations, HttpJsonClient):
    """boto3's low-level DynamoDB client (DynamoDB JSON in and out) for the operations the
    adapters make; any other: `call(operation, params)`."""


class HttpResourceClient(_DynamoOperations):
    """A boto3 DynamoDB resource's `meta.client` (Python values in and out, condition objects
    built) over `HttpDynamoClient`. Operations it does not make are the boto3 client's."""

    def __init__(self, raw: HttpDynamoClient, boto_client: Any) -> None:
        self.raw = raw
        self._boto = boto_client
        self._models = boto_client.meta.service_model
        self._injector = TransformationInjector(transformer=PrunedTransformer())

    def call(self, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        model = self._models.operation_model(operation)
        # boto3 deep-copies the caller's parameters before transforming them in place; copying
        # the containers is enough, as the transformations replace values and mutate none.
        request = _containers_copied(params)
        self._injector.inject_condition_expressions(request, model)
        self._injector.inject_attribute_value_input(request, model)
        response = self.raw.call(operation, request)
        self._injector.inject_attribute_value_output(response, model)
        return response

    def __getattr__(self, name: str) -> Any:
        return getattr(self._boto, name)


class PrunedTransformer(ParameterTransformer):  # type: ignore[misc]  # boto3 has no type hints
    """boto3's walk of the parameters (or the answer) along the operation's shapes, applying a
    transformation wherever a member's shape is the target (`AttributeValue`,
    `ConditionExpression`, `KeyExpression`), without going down a shape that holds no such
    member at any depth. boto3 walks every item's attributes looking for condition expressions
    three times a call (about 0.9 ms of a POST's 4-5 in the API, ADR 0025): nothing under an
    `AttributeValue` can be one, so the walks below it never transformed anything."""

    def __init__(self) -> None:
        super().__init__()
        self._reaches: dict[tuple[str, str], bool] = {}  # (shape name, target) -> whether

    def _transform_parameters(self, model: Any, params: Any, transformation: Any, target_shape: str) -> None:
        key = (model.name, target_shape)
        reaches = self._reaches.get(key)
        if reaches is None:
            reaches = self._reaches[key] = _holds(model, target_shape)
        if reaches:
            super()._transform_parameters(model, params, transformation, target_shape)


def _holds(shape: Any, target: str) -> bool:
    """Whether the walk from `shape` meets a member, a map value or a list member named `target`
    (what boto3's walk follows: a structure's members, a map's values, a list's members)."""
    seen: set[str] = set()
    pending = [shape]
    while pending:
        current = pending.pop()
        kind = current.type_name
        if kind == "structure":
            children = list(current.members.values())
        elif kind == "map":
            children = [current.value]
        elif kind == "list":
            children = [current.member]
        else:
            continue
        for child in children:
            if child.name == target:
                return True
            if child.name not in seen:
                seen.add(child.name)
                pending.append(child)
    return False


def _containers_copied(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _containers_copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_containers_copied(item) for item in value]
    return value


class _Meta:
    def __init__(self, client: HttpResourceClient, boto_meta: Any) -> None:
        self.client = client
        self._boto_meta = boto_meta

    def __getattr__(self, name: str) -> Any:
        return getattr(self._boto_meta, name)


class HttpTable:
    """A boto3 `Table` whose item calls and `meta.client` go over `HttpResourceClient`; anything
    else (`batch_writer`, `scan`, ...) is the boto3 table's."""

    def __init__(self, table: Any, client: HttpResourceClient) -> None:
        self._table = table
        self.name: str = table.name
        self.meta = _Meta(client, table.meta)

    def get_item(self, **params: Any) -> dict[str, Any]:
        return self.meta.client.call("GetItem", {"TableName": self.name, **params})

    def put_item(self, **params: Any) -> dict[str, Any]:
        return self.meta.client.call("PutItem", {"TableName": self.name, **params})

    def update_item(self, **params: Any) -> dict[str, Any]:
        return self.meta.client.call("UpdateItem", {"TableName": self.name, **params})

    def delete_item(self, **params: Any) -> dict[str, Any]:
        return self.meta.client.call("DeleteItem", {"TableName": self.name, **params})

    def query(self, **params: Any) -> dict[str, Any]:
        return self.meta.client.call("Query", {"TableName": self.name, **params})

    def __getattr__(self, name: str) -> Any:
        return getattr(self._table, name)
