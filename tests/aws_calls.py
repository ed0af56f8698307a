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
from collections.abc import Iterator
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


@contextmanager
def route_calls() -> Iterator[RouteCalls]:
    calls = RouteCalls()
    original = BaseClient._make_api_call

    def counted(self: BaseClient, operation: str, params: dict[str, Any]) -> Any:
        if _under_a_route():
            with calls.lock:
                calls.names.append(f"{self.meta.service_model.service_name}:{operation}")
        return original(self, operation, params)

    original_http = HttpJsonClient.call

    def counted_http(self: HttpJsonClient, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        if _under_a_route():
            with calls.lock:
                calls.names.append(f"{self.service}:{operation}")
        return original_http(self, operation, params)

    original_s3 = HttpS3Client.call

    def counted_s3(self: HttpS3Client, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        if _under_a_route():
            with calls.lock:
                calls.names.append(f"s3:{operation}")
        return original_s3(self, operation, params)

    BaseClient._make_api_call = counted  # type: ignore[method-assign]
    HttpJsonClient.call = counted_http  # type: ignore[method-assign]
    HttpS3Client.call = counted_s3  # type: ignore[method-assign]
    try:
        yield calls
    finally:
        BaseClient._make_api_call = original  # type: ignore[method-assign]
        HttpJsonClient.call = original_http  # type: ignore[method-assign]
        HttpS3Client.call = original_s3  # type: ignore[method-assign]
