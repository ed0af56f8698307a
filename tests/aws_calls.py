"""Count the AWS requests a route makes, on the tests' stack (whose HTTP API runs in this process).

    with route_calls() as calls:
        api.post(...)
    calls.names  # ["dynamodb:UpdateItem", "dynamodb:GetItem", ...], in the order made

All clients are counted: botocore's, and the local stack's own for the JSON protocol
(chalicelib/aws/json_http.py: DynamoDB, Step Functions) and S3's PutObject
(chalicelib/aws/s3_http.py), one per call (retries are not calls).

Only calls made under a route's view are counted (the frame of `routing.api`'s wrapper is on the
stack): the execution a POST starts runs on other threads of the same process, and its calls are
not the POST's.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from botocore.client import BaseClient

from chalicelib.aws.json_http import HttpJsonClient
from chalicelib.aws.s3_http import HttpS3Client

ROUTE_WRAPPER = "limited"  # chalicelib/api/routing.py: every JSON route runs inside it


@dataclass
class RouteCalls:
    names: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _under_a_route() -> bool:
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == ROUTE_WRAPPER and frame.f_code.co_filename.endswith("routing.py"):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _counting(original: Callable[..., Any], calls: RouteCalls, service_of: Callable[[Any], str]) -> Any:
    """`original` (a client's call method), recording "service:Operation" when a route makes it."""

    def counted(self: Any, operation: str, params: dict[str, Any]) -> Any:
        if _under_a_route():
            with calls.lock:
                calls.names.append(f"{service_of(self)}:{operation}")
        return original(self, operation, params)

    return counted


# Each client's call method, and how it names its service.
_COUNTED: tuple[tuple[type, str, Callable[[Any], str]], ...] = (
    (BaseClient, "_make_api_call", lambda client: client.meta.service_model.service_name),
    (HttpJsonClient, "call", lambda client: client.service),
    (HttpS3Client, "call", lambda _client: "s3"),
)


@contextmanager
def route_calls() -> Iterator[RouteCalls]:
    calls = RouteCalls()
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in _COUNTED]
    for (owner, name, original), (_, _, service_of) in zip(originals, _COUNTED, strict=True):
        setattr(owner, name, _counting(original, calls, service_of))
    try:
        yield calls
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
