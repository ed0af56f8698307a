"""moto's DynamoDB, made to scale like DynamoDB where the local stack needs it to.

**TransactWriteItems, atomic and cheap.**

moto 5.2.5 applies a transaction's writes one by one and, if a condition fails, restores a
deep copy of every table it touched, taken before the transaction:

- the copy costs time in proportion to the table (a workflow update took 50 ms with 300
  workflows in the table, 150 ms after five updates each), which a soak cannot afford; and
- the restore also undoes any write another thread made meanwhile, which the local stack,
  serving concurrent Lambdas from threads, would turn into lost updates.

The store's transactions are Puts, ConditionChecks, Deletes and unconditional Updates (the
analytics aggregates' ADDs), so here every condition is checked first and the writes are
applied only if all hold: an unconditional Update cannot fail once the checks passed (its
expression is moto's to validate, and the store's are plain ADDs), so there is nothing to
restore. One lock serialises these with moto's single-item writes, which is the isolation
DynamoDB gives. Anything else (a conditional Update) goes to moto's own implementation, under
the same lock.

**A query reads its partition, not the table.** moto 5.2.5 answers every Query by sorting
every item of the table and filtering; a workflow's steps and events are one partition of a
table that grows with every workflow, so a soak slowed down as it went. A query on the table
itself (not an index) now sees only its partition's items, in the same order. A query on an
index still reads every item, but unsorted: moto sorts what matches by the index's keys and
then the table's (a total order), so sorting the whole table first only cost time (a tenth of
the stack process's busy samples under 100 workflows at once, each listing a user's workflows).

**PartiQL INSERT with parameters.** The audit log appends with
`INSERT INTO "<table>" VALUE {'a': ?, ...}` and parameters, which never replaces an item
(chalicelib/aws/audit_log.py). moto 5.2.5's PartiQL parser takes no `?` in an INSERT; here such a
statement is applied as DynamoDB does: the item is written unless its key exists, in which case
`DuplicateItemException` and nothing written. Every other statement goes to moto.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from moto.dynamodb.comparisons import get_filter_expression
from moto.dynamodb.exceptions import ERROR_TYPE_PREFIX, DynamodbException, TransactionCanceledException
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table

_lock = threading.RLock()
_installed = False
# The partition the current thread's Query reads: (table, hash key).
_partition = threading.local()
SIMPLE_OPERATIONS = frozenset({"Put", "ConditionCheck", "Delete"})


def _simple(item: dict[str, Any]) -> bool:
    kind, operation = next(iter(item.items()))
    return kind in SIMPLE_OPERATIONS or (kind == "Update" and "ConditionExpression" not in operation)


UNSORTED = object()  # an index query's marker: every item, in no order


def install() -> None:
    """Patch moto's DynamoDB backend (idempotent)."""
    global _installed
    with _lock:
        if _installed:
            return
        original = DynamoDBBackend.transact_write_items
        for name in ("put_item", "update_item", "delete_item"):
            setattr(DynamoDBBackend, name, _locked(getattr(DynamoDBBackend, name)))

        def transact_write_items(self: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
            with _lock:
                if all(_simple(item) for item in transact_items):
                    _check_then_put(self, transact_items)
                else:
                    original(self, transact_items)

        DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]
        _read_partitions_only()
        _insert_with_parameters()
        _installed = True


def write_lock() -> Any:
    """The lock every moto DynamoDB write of the local stack is applied under."""
    return _lock


def _read_partitions_only() -> None:
    original_query = Table.query
    original_all_items = Table.all_items

    def query(self: Table, hash_key: Any, *args: Any, **kwargs: Any) -> Any:
        # moto's backend passes index_name as the eighth positional argument.
        index_name = kwargs.get("index_name", args[6] if len(args) > 6 else None)
        if index_name:
            _partition.current = (self, UNSORTED)
        elif hash_key is None or not self.range_key_attr:
            return original_query(self, hash_key, *args, **kwargs)
        else:
            _partition.current = (self, hash_key)
        try:
            return original_query(self, hash_key, *args, **kwargs)
        finally:
            _partition.current = None

    def all_items(self: Table) -> list[Any]:
        current = getattr(_partition, "current", None)
        if current is None or current[0] is not self:
            return original_all_items(self)
        if current[1] is UNSORTED:
            partitions = list(self.items.values())
            if not self.range_key_attr:
                return partitions
            return [item for partition in partitions for item in list(partition.values())]
        partition = self.items.get(current[1], {})  # .get: items is a defaultdict
        return sorted(partition.values(), key=lambda item: item.range_key)

    Table.query = query  # type: ignore[method-assign]
    Table.all_items = all_items  # type: ignore[method-assign]


INSERT = re.compile(
    r'\s*INSERT\s+INTO\s+"(?P<table>[^"]+)"\s+VALUE\s+\{(?P<fields>[^{}]*)\}\s*', re.IGNORECASE
)
FIELD = re.compile(r"\s*'(?P<name>[^']+)'\s*:\s*\?\s*")


class DuplicateItemException(DynamodbException):
    error_type = ERROR_TYPE_PREFIX + "DuplicateItemException"

    def __init__(self) -> None:
        super().__init__(DuplicateItemException.error_type, "Duplicate primary key exists in table")


def _insert_with_parameters() -> None:
    original = DynamoDBBackend.execute_statement

    def execute_statement(self: DynamoDBBackend, statement: str, parameters: list[dict[str, Any]]) -> Any:
        insert = INSERT.fullmatch(statement)
        if insert is None or not parameters:
            return original(self, statement, parameters)
        fields = [FIELD.fullmatch(field) for field in insert["fields"].split(",")]
        if any(field is None for field in fields) or len(fields) != len(parameters):
            return original(self, statement, parameters)
        item = {field["name"]: value for field, value in zip(fields, parameters, strict=True) if field}
        table = self.get_table(insert["table"])
        key = {table.hash_key_attr: item[table.hash_key_attr]}
        if table.range_key_attr is not None:
            key[table.range_key_attr] = item[table.range_key_attr]
        with _lock:
            if self.get_item(insert["table"], key) is not None:
                raise DuplicateItemException()
            self.put_item(insert["table"], item)
        return []

    DynamoDBBackend.execute_statement = execute_statement  # type: ignore[method-assign]


def _locked(method: Callable[..., Any]) -> Callable[..., Any]:
    def locked(self: DynamoDBBackend, *args: Any, **kwargs: Any) -> Any:
        with _lock:
            return method(self, *args, **kwargs)

    return locked


def _check_then_put(backend: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
    errors: list[tuple[str | None, str | None, Any]] = []
    for item in transact_items:
        kind, operation = next(iter(item.items()))
        table = backend.get_table(operation["TableName"])
        if kind == "Put":
            attrs = operation["Item"]
            key = {table.hash_key_attr: attrs[table.hash_key_attr]}
            if table.range_key_attr is not None:
                key[table.range_key_attr] = attrs[table.range_key_attr]
        else:
            key = operation["Key"]
        current = backend.get_item(operation["TableName"], key)
        condition = get_filter_expression(
            operation.get("ConditionExpression"),
            operation.get("ExpressionAttributeNames"),
            operation.get("ExpressionAttributeValues"),
        )
        if condition.expr(current):
            errors.append((None, None, None))
        else:
            errors.append(("ConditionalCheckFailed", "The conditional request failed", None))
    if any(code is not None for code, _, _ in errors):
        raise TransactionCanceledException(errors)
    for item in transact_items:
        kind, operation = next(iter(item.items()))
        if kind == "Put":
            backend.put_item(operation["TableName"], operation["Item"])
        elif kind == "Delete":
            backend.delete_item(operation["TableName"], operation["Key"])
        elif kind == "Update" and not _add_numbers(backend, operation):
            backend.update_item(
                operation["TableName"],
                operation["Key"],
                operation["UpdateExpression"],
                operation.get("ExpressionAttributeNames") or {},
                operation.get("ExpressionAttributeValues") or {},
            )


ADD_PAIR = r"(#\w+)\s+(:\w+)"
ADD_ONLY = re.compile(rf"\s*ADD\s+{ADD_PAIR}(\s*,\s*{ADD_PAIR})*\s*")


def _add_numbers(backend: DynamoDBBackend, operation: dict[str, Any]) -> bool:
    """`ADD #a :a, ...` of numbers to one item (the analytics aggregates' every update), applied
    here: moto's expression parser takes ~30 ms for one with 50 names, which would make every
    workflow write of the local stack several times slower. False for anything else."""
    expression = operation.get("UpdateExpression", "")
    names = operation.get("ExpressionAttributeNames") or {}
    values = operation.get("ExpressionAttributeValues") or {}
    if not ADD_ONLY.fullmatch(expression):
        return False
    pairs = re.findall(ADD_PAIR, expression)
    if any(name not in names or "N" not in values.get(value, {}) for name, value in pairs):
        return False
    current = backend.get_item(operation["TableName"], operation["Key"])
    if current is None:
        added = {names[name]: {"N": str(Decimal(values[value]["N"]))} for name, value in pairs}
        backend.put_item(operation["TableName"], {**operation["Key"], **added})
        return True
    if any(names[name] in current.attrs and current.attrs[names[name]].type != "N" for name, _ in pairs):
        return False  # ADD to a non-number: moto answers the error DynamoDB would
    # In place: rebuilding an item of a few hundred counters costs moto ~10 ms, and so does its
    # attribute dict's size check on each set (it sums every attribute; these items stay far
    # below 400 KB). The journal keeps the request itself, and the stream's consumers never look
    # at these items.
    for name, value in pairs:
        before = current.attrs.get(names[name])
        total = Decimal(values[value]["N"]) + (Decimal(before.value) if before is not None else 0)
        dict.__setitem__(current.attrs, names[name], DynamoType({"N": str(total)}))
    return True
