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
        self.injected: dict[Fault, int] = dict.fromkeys(Fault, 0)

    def __call__(self, function: str, event: dict[str, Any]) -> Fault | None:
        with self._lock:
            if self._random.random() >= self._rate:
                return None
            fault = self._random.choice(list(Fault))
            self.injected[fault] += 1
            return fault
