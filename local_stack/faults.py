"""Fault injection for the local Lambda Invoke endpoint (tests only; never deployed).

Step Functions delivers at least once, Lambdas time out after doing their work, the Lambda
service throttles: a fault plan makes each of these happen on purpose, at a chosen invocation,
so the tests can show that every phase survives them.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from enum import StrEnum
from typing import Any


class Fault(StrEnum):
    # The Lambda service fails the invoke before the handler runs (Lambda.ServiceException).
    SERVICE_ERROR = "service_error"
    # The handler does its work, then the invocation times out (Sandbox.Timedout).
    TIMEOUT_AFTER_WORK = "timeout_after_work"
    # The handler runs twice for one invocation (at-least-once delivery).
    DUPLICATE = "duplicate"
    # The handler fails with an error the state machine does not retry (e.g. its table refused
    # every write): recording a failure that itself fails.
    HANDLER_ERROR = "handler_error"
    # The Lambda service throttles the invoke (429 TooManyRequestsException): a concurrency cap.
    THROTTLED = "throttled"
    # The runtime process dies as the invocation starts (a crash, an OOM kill): Runtime.ExitError.
    # With worker processes the worker really is killed and replaced (local_stack/workers.py).
    RUNTIME_EXIT = "runtime_exit"


# What Step Functions and Lambda do to every workflow now and then (the soak draws from these).
DELIVERY_FAULTS = (Fault.SERVICE_ERROR, Fault.TIMEOUT_AFTER_WORK, Fault.DUPLICATE)


FaultPlan = Callable[[str, dict[str, Any]], Fault | None]


class OncePerFunction:
    """One fault, the first time a given function is invoked for a given workflow."""

    def __init__(self, function: str, fault: Fault) -> None:
        self._function = function
        self._fault = fault
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, function: str, event: dict[str, Any]) -> Fault | None:
        if function != self._function:
            return None
        with self._lock:
            key = str(event.get("workflowId"))
            if key in self._seen:
                return None
            self._seen.add(key)
        return self._fault


class RandomFaults:
    """Each invocation faults with probability `rate`, from a seeded generator (reproducible)."""

    def __init__(self, rate: float, seed: int) -> None:
        self._rate = rate
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self.injected: dict[Fault, int] = dict.fromkeys(DELIVERY_FAULTS, 0)
        # (function, fault) -> how many: a timed-out analysis fails its workflow by design.
        self.injected_into: dict[tuple[str, Fault], int] = {}

    def __call__(self, function: str, event: dict[str, Any]) -> Fault | None:
        with self._lock:
            if self._random.random() >= self._rate:
                return None
            fault = self._random.choice(DELIVERY_FAULTS)
            self.injected[fault] += 1
            self.injected_into[(function, fault)] = self.injected_into.get((function, fault), 0) + 1
            return fault


class Always:
    """The fault on every invocation of a function, for the workflows `only` names (all if None)."""

    def __init__(self, function: str, fault: Fault, only: set[str] | None = None) -> None:
        self._function = function
        self._fault = fault
        self._only = only

    def __call__(self, function: str, event: dict[str, Any]) -> Fault | None:
        if function != self._function:
            return None
        if self._only is not None and str(event.get("workflowId")) not in self._only:
            return None
        return self._fault


class FirstInvocations:
    """The fault on the first `times` invocations of a function (then none); counts them all."""

    def __init__(self, function: str, fault: Fault, times: int) -> None:
        self._function = function
        self._fault = fault
        self._left = times
        self._lock = threading.Lock()
        self.invocations = 0

    def __call__(self, function: str, event: dict[str, Any]) -> Fault | None:
        if function != self._function:
            return None
        with self._lock:
            self.invocations += 1
            if self._left <= 0:
                return None
            self._left -= 1
        return self._fault


# Step Functions API faults: (action, request body) -> the error code to answer with, or None.
ApiFaultPlan = Callable[[str, dict[str, Any]], str | None]


class FailApiCalls:
    """Answer the first `times` calls of a Step Functions action with `code` (then pass)."""

    def __init__(self, action: str, code: str, times: int = 1_000_000) -> None:
        self._action = action
        self._code = code
        self._left = times
        self._lock = threading.Lock()
        self.failed = 0

    def __call__(self, action: str, body: dict[str, Any]) -> str | None:
        if action != self._action:
            return None
        with self._lock:
            if self._left <= 0:
                return None
            self._left -= 1
            self.failed += 1
        return self._code


class HeldWrites:
    """Tests: S3 writes whose path matches never get an answer, so a phase stays IN_PROGRESS (its
    step written, its work under way) for as long as a test needs, e.g. to kill the stack there.

    `python -m local_stack run` takes the pattern from LOCAL_STACK_HOLD_WRITES (a regex on the
    request path, `/<bucket>/<key>`); the durability test holds each phase's own output file."""

    def __init__(self, next_app: Any, pattern: str, released: threading.Event) -> None:
        import re

        self._next = next_app
        self._pattern = re.compile(pattern)
        self._released = released
        self.held = 0

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("REQUEST_METHOD") == "PUT" and self._pattern.search(environ.get("PATH_INFO", "")):
            self.held += 1
            self._released.wait()  # set when the stack stops
        return self._next(environ, start_response)
