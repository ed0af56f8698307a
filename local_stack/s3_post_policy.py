"""The POST policy: its base64 JSON document, its expiration and conditions, checked as S3 checks them.

Condition types, the Content-Type list rule and the exempt fields follow AWS's "POST Policy" page;
the InvalidPolicyDocument texts are the ones S3 answers (see `s3_post` for the sources).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from local_stack.s3_post_errors import invalid_policy, policy_refused, too_large, too_small
from local_stack.s3_post_form import PostForm

MAX_OBJECT_BYTES = 5 * 1024**3  # S3's limit for an object sent in one request
# The documented conditions that support exact matching only.
EXACT_ONLY = frozenset(
    {
        "bucket",
        "success_action_status",
        "x-amz-algorithm",
        "x-amz-credential",
        "x-amz-date",
        "x-amz-security-token",
    }
)
EQ, STARTS_WITH, RANGE = "eq", "starts-with", "content-length-range"


@dataclass(frozen=True)
class PolicyCondition:
    rendered: str  # as S3 echoes it in "Policy Condition failed: ..."
    operator: str = ""  # "" marks a condition S3 cannot satisfy (no "$", wrong types)
    field: str = ""  # lower-cased, without the "$"
    value: str = ""
    low: int = 0
    high: int = 0

    def holds(self, values: Mapping[str, str]) -> bool:
        actual = values.get(self.field)
        if actual is None:  # a condition on a field that was not sent fails, even starts-with ""
            return False
        if self.operator == EQ:
            return actual == self.value
        if self.operator != STARTS_WITH or self.field in EXACT_ONLY:
            return False
        if self.field == "content-type":  # a comma-separated Content-Type is a list: every item must match
            return all(item.strip().startswith(self.value) for item in actual.split(","))
        return actual.startswith(self.value)


@dataclass(frozen=True)
class PostPolicy:
    expiration: datetime
    conditions: tuple[PolicyCondition, ...]

    def check_fields(self, values: Mapping[str, str]) -> None:
        for condition in self.conditions:
            if condition.operator != RANGE and not condition.holds(values):
                raise policy_refused(f"Policy Condition failed: {condition.rendered}")

    def check_coverage(self, form: PostForm, exempt: frozenset[str]) -> None:
        covered = {c.field for c in self.conditions if c.operator in (EQ, STARTS_WITH)}
        for name in form.names():
            if name not in covered and name not in exempt and not name.startswith("x-ignore-"):
                raise policy_refused(f"Extra input fields: {name}")

    def size_limit(self) -> int:
        return min([c.high for c in self.conditions if c.operator == RANGE] + [MAX_OBJECT_BYTES])

    def check_size(self, size: int) -> None:
        for condition in self.conditions:
            if condition.operator == RANGE and size < condition.low:
                raise too_small(size, condition.low)
            if condition.operator == RANGE and size > condition.high:
                raise too_large(size, condition.high)
        if size > MAX_OBJECT_BYTES:
            raise too_large(size, MAX_OBJECT_BYTES)


def _reject_number(text: str) -> Any:
    # S3 refuses non-integer numbers (e.g. a 512.0 bound) as "Invalid JSON".
    raise ValueError(text)


def decode_policy(text: str) -> PostPolicy:
    try:
        raw = base64.b64decode(text, validate=True)
        document = json.loads(raw.decode("utf-8"), parse_float=_reject_number, parse_constant=_reject_number)
    except (binascii.Error, ValueError) as exc:
        raise invalid_policy("Invalid JSON.") from exc
    if not isinstance(document, dict):
        raise invalid_policy("Invalid JSON.")
    for member in document:
        if member not in ("expiration", "conditions"):
            raise invalid_policy(f"Unexpected: '{str(member).lower()}'")
    if "expiration" not in document:
        raise invalid_policy("Policy missing expiration.")
    if "conditions" not in document:
        raise invalid_policy("Policy missing conditions.")
    if not isinstance(document["conditions"], list):
        raise invalid_policy("Invalid 'conditions' value: must be a List.")
    conditions = tuple(_parse_condition(item) for item in document["conditions"])
    return PostPolicy(_parse_expiration(document["expiration"]), conditions)


def _parse_expiration(value: Any) -> datetime:
    # ISO 8601 in UTC ("Z"), with or without fractional seconds; offsets and spaces are refused.
    match = (
        re.fullmatch(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z", value)
        if isinstance(value, str)
        else None
    )
    try:
        if match is None:
            raise ValueError(value)
        moment = datetime.strptime(match[1], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    except ValueError as exc:
        raise invalid_policy(f"Invalid 'expiration' value: '{value}'") from exc
    fraction = match[2] or "0"
    return moment + timedelta(microseconds=int(fraction.ljust(6, "0")[:6]))


def _parse_condition(item: Any) -> PolicyCondition:
    if isinstance(item, dict):
        return _simple_condition(item)
    if isinstance(item, list):
        return _list_condition(item)
    raise invalid_policy("Invalid condition test: must be a List or Object.")


def _simple_condition(item: dict[str, Any]) -> PolicyCondition:
    # {"field": "value"} is ["eq", "$field", "value"], and S3 echoes it in that form.
    if len(item) != 1:
        raise invalid_policy(
            "Invalid Simple-Condition: Simple-Conditions must have exactly one property specified."
        )
    [(name, value)] = item.items()
    if value is None:
        raise invalid_policy("Invalid JSON.")
    if not isinstance(value, str):
        raise invalid_policy("Invalid Simple-Condition: value must be a string.")
    rendered = _render([EQ, f"${name}", value])
    return PolicyCondition(rendered, EQ, name.lower(), value)


def _list_condition(item: list[Any]) -> PolicyCondition:
    if not item or not isinstance(item[0], str):
        raise invalid_policy("Invalid Condition: missing operation identifier.")
    operator = item[0].lower()
    if operator not in (EQ, STARTS_WITH, RANGE):
        raise invalid_policy(f"Invalid Condition: unknown operation '{item[0]}'.")
    if len(item) != 3:
        raise invalid_policy(f"Invalid {item[0]}: wrong number of arguments.")
    rendered = _render(item)
    if operator == RANGE:
        low, high = _range_bound(item[1]), _range_bound(item[2])
        if low is None or high is None:
            return PolicyCondition(rendered)
        return PolicyCondition(rendered, RANGE, low=low, high=high)
    name, value = item[1], item[2]
    if not isinstance(name, str) or not name.startswith("$") or not isinstance(value, str):
        return PolicyCondition(rendered)
    return PolicyCondition(rendered, operator, name[1:].lower(), value)


def _range_bound(value: Any) -> int | None:
    # S3 takes integers and strings of digits ("5"); anything else fails the condition.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
        return int(value)
    return None


def _render(items: list[Any]) -> str:
    return json.dumps(items, ensure_ascii=False)
