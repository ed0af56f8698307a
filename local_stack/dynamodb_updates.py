"""moto's UpdateItem, applied directly when it is a plain SET under a plain condition.

moto 5.2.5 handles every UpdateItem by parsing its UpdateExpression twice (once to validate the
names, once in the backend), its ConditionExpression twice, validating the tree against the item,
and deep-copying the item twice (the answer's old image, the stream's): about 4.8 ms of CPU for
the rate limiter's decrement (`SET tokens = tokens - :one, version = version + :one` under
`(#n0 >= :v0) AND (#n1 >= :v1)`), against 1.1 ms for a PutItem. Every API request takes one
(chalicelib/aws/rate_buckets.py), so a burst of 100 POSTs paid about 0.5 CPU-s here for it.

Here an update whose expression is only `SET name = :value` and `SET name = name ± :value`
assignments, and whose condition is only comparisons of a name with a value and
`attribute_exists` / `attribute_not_exists` joined by AND, on an item that exists, is applied
with moto's own types (`DynamoType` arithmetic and comparisons, the item's size-checked
attributes, the stream's record with the old and new images). Anything else, and anything the
fast path cannot decide for sure (a name not in the item, operands of different types, a key
attribute assigned, a reserved word, a name or value given but unused, other ReturnValues or
ReturnConsumedCapacity), goes to moto's own code before anything is changed. The unit test
`tests/unit/test_local_dynamodb_updates.py` sends the same requests to moto with and without
this, call by call, and compares the answers, the items and the stream.

`install` patches the backend's `update_item` and the handler's, under the lock that serialises
moto's writes with transactions (dynamodb_transactions); `restore` puts moto's back (tests).
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from typing import Any, cast

from moto.dynamodb.exceptions import ConditionalCheckFailed, ItemSizeTooLarge, ItemSizeToUpdateTooLarge
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType, Item
from moto.dynamodb.parsing.reserved_keywords import ReservedKeywords
from moto.dynamodb.responses import DynamoHandler, DynamoResult

NAME = r"#[A-Za-z0-9_]+|[A-Za-z_][A-Za-z0-9_]*"
VALUE = r":[A-Za-z0-9_]+"
ASSIGNMENT = re.compile(
    rf"\s*(?P<target>{NAME})\s*=\s*(?:(?P<source>{NAME})\s*(?P<op>[+-])\s*)?(?P<value>{VALUE})\s*"
)
SET = re.compile(r"\s*SET\s+(?P<body>.*)", re.IGNORECASE | re.DOTALL)
COMPARISON = re.compile(rf"\s*(?P<name>{NAME})\s*(?P<op><=|>=|=|<|>)\s*(?P<value>{VALUE})\s*")
EXISTENCE = re.compile(
    rf"\s*(?P<function>attribute_exists|attribute_not_exists)\s*\(\s*(?P<name>{NAME})\s*\)\s*"
)
AND = re.compile(r"\s+AND\s+", re.IGNORECASE)
RESERVED = frozenset(word.upper() for word in ReservedKeywords.get_reserved_keywords())
COMPARE = {
    "=": lambda a, b: a == b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
ORDERED_TYPES = frozenset({"N", "S"})  # DynamoType orders these as DynamoDB does


@dataclass(frozen=True)
class Assignment:
    target: str
    value: str
    source: str | None = None
    op: str | None = None


@dataclass(frozen=True)
class Check:
    name: str
    op: str  # a comparison, "exists" or "not_exists"
    value: str | None = None


@dataclass(frozen=True)
class Plan:
    assignments: tuple[Assignment, ...]
    checks: tuple[Check, ...]
    names: frozenset[str]  # every #placeholder used
    values: frozenset[str]  # every :value used


@functools.lru_cache(maxsize=256)
def _unwrapped(text: str) -> str:
    """`text` without the parentheses that enclose all of it. boto3's condition builder writes
    `Attr(a).gte(x) & Attr(b).gte(y)` as `(#n0 >= :v0 AND #n1 >= :v1)` (older releases wrote
    `(#n0 >= :v0) AND (#n1 >= :v1)`): both must reach the fast path."""
    text = text.strip()
    while text.startswith("(") and text.endswith(")"):
        depth = 0
        for position, char in enumerate(text):
            depth += (char == "(") - (char == ")")
            if depth == 0 and position < len(text) - 1:
                return text  # the first "(" closes before the end: "(a) AND (b)"
        text = text[1:-1].strip()
    return text


def plan(update_expression: str, condition: str | None) -> Plan | None:
    """The request's expressions, if both are of the plain kind this applies; None otherwise."""
    found = SET.fullmatch(update_expression)
    if found is None:
        return None
    assignments = []
    for part in found["body"].split(","):
        match = ASSIGNMENT.fullmatch(part)
        if match is None:
            return None
        assignments.append(Assignment(match["target"], match["value"], match["source"], match["op"]))
    checks = []
    for term in AND.split(_unwrapped(condition)) if condition and condition.strip() else []:
        term = _unwrapped(term)
        if "(" in term.replace("attribute_exists(", "").replace("attribute_not_exists(", ""):
            return None  # nested parentheses, OR inside a term: moto's
        if (match := COMPARISON.fullmatch(term)) is not None:
            checks.append(Check(match["name"], match["op"], match["value"]))
        elif (match := EXISTENCE.fullmatch(term)) is not None:
            checks.append(Check(match["name"], match["function"].removeprefix("attribute_")))
        else:
            return None
    names = (
        [a.target for a in assignments]
        + [a.source for a in assignments if a.source]
        + [c.name for c in checks]
    )
    if any(not name.startswith("#") and name.upper() in RESERVED for name in names):
        return None  # moto refuses a reserved word: let it say so
    if len({a.target for a in assignments}) != len(assignments):
        return None  # two paths overlap: an error, moto's to give
    values = [a.value for a in assignments] + [c.value for c in checks if c.value]
    return Plan(
        tuple(assignments),
        tuple(checks),
        frozenset(n for n in names if n.startswith("#")),
        frozenset(values),
    )


_installed: dict[str, Any] = {}
_guard = threading.Lock()
# The patched methods pass straight to moto's while this is False: `restore` cannot take them
# off a class that something (metering.py's counters) has wrapped since, without dropping that.
_active = False


def is_installed() -> bool:
    return _active


def install(
    backend_class: type[DynamoDBBackend] = DynamoDBBackend,
    lock: Any = None,
    handler_class: type[DynamoHandler] = DynamoHandler,
) -> None:
    """Patch moto's UpdateItem (idempotent). `lock`: held while an update is applied (the one
    dynamodb_transactions serialises moto's writes with)."""
    global _active
    with _guard:
        _active = True
        if _installed:
            return
        held = lock if lock is not None else threading.RLock()
        backend_update = backend_class.update_item
        handler_update = handler_class.update_item
        _installed.update(
            backend_class=backend_class,
            handler_class=handler_class,
            backend_update=backend_update,
            handler_update=handler_update,
        )

        def update_item(
            self: DynamoDBBackend, table_name: str, key: dict[str, Any], *args: Any, **kwargs: Any
        ) -> Any:
            applied = _apply(self, held, table_name, key, *args, **kwargs) if _active else None
            return applied if applied is not None else backend_update(self, table_name, key, *args, **kwargs)

        def handle(self: DynamoHandler) -> Any:
            answered = _answer(self) if _active else None
            return answered if answered is not None else handler_update(self)

        backend_class.update_item = update_item  # type: ignore[method-assign]
        handler_class.update_item = handle  # type: ignore[method-assign]
        _installed.update(backend_patch=update_item, handler_patch=handle)


def restore() -> None:
    """moto's own UpdateItem again (tests): the methods put back if nothing wrapped them since,
    else left in place doing nothing of their own."""
    global _active
    with _guard:
        _active = False
        if not _installed:
            return
        backend_class, handler_class = _installed["backend_class"], _installed["handler_class"]
        if backend_class.update_item is _installed["backend_patch"] and (
            handler_class.update_item is _installed["handler_patch"]
        ):
            backend_class.update_item = _installed["backend_update"]
            handler_class.update_item = _installed["handler_update"]
            _installed.clear()


def _answer(handler: DynamoHandler) -> DynamoResult | None:
    """The handler's part: moto's validation of the request, without parsing it (None: moto's)."""
    body = handler.body
    expression = body.get("UpdateExpression")
    if (
        not isinstance(expression, str)
        or body.get("AttributeUpdates")
        or "Expected" in body
        or body.get("ReturnValues", "NONE") not in ("NONE", "ALL_NEW")
        or body.get("ReturnConsumedCapacity", "NONE") != "NONE"
    ):
        return None
    found = plan(expression, body.get("ConditionExpression"))
    names = body.get("ExpressionAttributeNames") or {}
    values = body.get("ExpressionAttributeValues") or {}
    # moto refuses a name or value given and not used (and one used and not given): its to say
    if found is None or set(names) != found.names or set(values) != found.values:
        return None
    name, key = body["TableName"], body["Key"]
    table = handler.dynamodb_backend.get_table(name)
    if set(key) != {table.hash_key_attr, table.range_key_attr} - {None}:
        return None  # a key of the wrong shape: moto's error
    item = handler.dynamodb_backend.update_item(
        name,
        key,
        update_expression=expression,
        expression_attribute_names=names,
        expression_attribute_values=handler._get_expr_attr_values(),
        condition_expression=body.get("ConditionExpression"),
        return_values_on_condition_check_failure=body.get("ReturnValuesOnConditionCheckFailure"),
    )
    answer = item.to_json()
    answer["ConsumedCapacity"] = {"TableName": name, "CapacityUnits": 0.5}
    if body.get("ReturnValues", "NONE") == "NONE":
        answer.pop("Attributes", None)
    return DynamoResult(answer)


def _apply(
    backend: DynamoDBBackend,
    lock: Any,
    table_name: str,
    key: dict[str, Any],
    update_expression: str | None = None,
    expression_attribute_names: dict[str, str] | None = None,
    expression_attribute_values: dict[str, Any] | None = None,
    attribute_updates: Any = None,
    expected: Any = None,
    condition_expression: str | None = None,
    return_values_on_condition_check_failure: str | None = None,
) -> Item | None:
    """The backend's part: the update applied, or None (nothing changed) for moto to apply."""
    if attribute_updates or expected or not update_expression:
        return None
    found = plan(update_expression, condition_expression)
    if found is None:
        return None
    names = expression_attribute_names or {}
    values = expression_attribute_values or {}
    table = backend.get_table(table_name)
    if table.hash_key_attr not in key or (
        table.range_key_attr is not None and table.range_key_attr not in key
    ):
        return None
    key_names = {table.hash_key_attr, table.range_key_attr, *_index_keys(table)}
    with lock:
        item = table.get_item(
            DynamoType(key[table.hash_key_attr]),
            DynamoType(key[table.range_key_attr]) if table.range_key_attr else None,
        )
        if item is None:
            return None  # an update that creates its item: moto's
        resolved = _resolve(found, names, values, item, key_names)
        if resolved is None:
            return None
        holds, assignments = resolved
        if not holds:
            if return_values_on_condition_check_failure == "ALL_OLD":
                raise ConditionalCheckFailed(item=item.to_json()["Attributes"])
            raise ConditionalCheckFailed
        old = _image(item) if table.stream_shard is not None else None
        try:
            for attribute, value in assignments:
                item.attrs[attribute] = value
        except ItemSizeTooLarge:
            raise ItemSizeToUpdateTooLarge() from None
        if table.stream_shard is not None:
            table.stream_shard.add(old, item)
        return item


def _resolve(
    found: Plan, names: dict[str, str], values: dict[str, Any], item: Item, key_names: set[str | None]
) -> tuple[bool, list[tuple[str, DynamoType]]] | None:
    """Whether the condition holds and what to set, or None when moto must decide."""

    def name_of(placeholder: str) -> str | None:
        return names.get(placeholder) if placeholder.startswith("#") else placeholder

    def value_of(placeholder: str) -> DynamoType | None:
        raw = values.get(placeholder)
        return DynamoType(raw) if isinstance(raw, dict) and len(raw) == 1 else None

    holds = True
    for check in found.checks:
        attribute = name_of(check.name)
        if attribute is None:
            return None
        if check.op in ("exists", "not_exists"):
            holds = holds and ((attribute in item.attrs) == (check.op == "exists"))
            continue
        current, given = item.attrs.get(attribute), value_of(check.value or "")
        if (
            current is None
            or given is None
            or current.type != given.type
            or current.type not in ORDERED_TYPES
        ):
            return None  # missing or mixed types: moto's comparison rules, not ours
        holds = holds and bool(COMPARE[check.op](current, given))
    assignments: list[tuple[str, DynamoType]] = []
    for assignment in found.assignments:
        target, given = name_of(assignment.target), value_of(assignment.value)
        if target is None or given is None or target in key_names:
            return None
        if (given.type in ("S", "B") and given.value == "") or (
            given.type in ("SS", "NS", "BS") and not given.value
        ):
            return None  # empty values have rules of their own
        if assignment.source is None:
            assignments.append((target, given))
            continue
        source = name_of(assignment.source)
        operand = item.attrs.get(source) if source is not None else None
        if operand is None or operand.type != "N" or given.type != "N":
            return None
        assignments.append((target, operand + given if assignment.op == "+" else operand - given))
    return holds, assignments


def _index_keys(table: Any) -> set[str]:
    """Every secondary index's key attributes: moto checks their types on a write."""
    keys: set[str] = set()
    for index in [*table.global_indexes, *table.indexes]:
        keys.update(part["AttributeName"] for part in index.schema)
    return keys


def _image(item: Item) -> Item:
    """The item as it is now, for the stream's old image: the update replaces values, never
    changes one in place, so a copy of the attribute mapping is enough (moto deep-copies)."""
    old = cast("Item", Item.__new__(Item))  # moto's BaseModel types its __new__ as the base class
    old.hash_key, old.range_key = item.hash_key, item.range_key
    old.attrs = dict(item.attrs)  # type: ignore[assignment]  # a plain copy: the old image is only read
    return old
