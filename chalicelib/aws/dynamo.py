"""What every DynamoDB adapter shares: values in DynamoDB's types, paging, and its errors
turned into the ports' own (`ConditionFailed`, `Throttled`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from botocore.exceptions import ClientError

from chalicelib.core.ports import ConditionFailed, Throttled

THROTTLING_CODES = frozenset(
    {"ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"}
)


def to_dynamo(value: Any) -> Any:
    """DynamoDB's resource API takes Decimal, never float."""
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, dict):
        return {k: to_dynamo(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [to_dynamo(v) for v in value]
    return value


def from_dynamo(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: from_dynamo(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_dynamo(v) for v in value]
    return value


def error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def call(operation: Callable[..., Any], **kwargs: Any) -> Any:
    """One DynamoDB call; a false condition or a lost transaction is ConditionFailed."""
    try:
        return operation(**kwargs)
    except ClientError as exc:
        code = error_code(exc)
        if code == "ConditionalCheckFailedException" or _lost_transaction(exc):
            raise ConditionFailed(code) from exc
        if code in THROTTLING_CODES:
            raise Throttled(f"DynamoDB throttled the request ({code})") from exc
        raise


def pages(query: Callable[..., Any], **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Every page of a query, following LastEvaluatedKey."""
    while True:
        page = call(query, **kwargs)
        yield page
        if "LastEvaluatedKey" not in page:
            return
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def _lost_transaction(error: ClientError) -> bool:
    """A transaction cancelled by a failed condition or by a racing transaction."""
    if error_code(error) != "TransactionCanceledException":
        return False
    reasons = error.response.get("CancellationReasons") or []
    return any(r.get("Code") in ("ConditionalCheckFailed", "TransactionConflict") for r in reasons)
