"""What the local Lambda service does around one invocation, wherever the handler runs.

A handler runs either in the stack's own process (tests that patch the handlers' modules or
inject faults need that) or in a worker process of `workers.py` (`make run`: every core works,
as Lambda runs each invocation in a container of its own). Both answer with an `Outcome`: the
handler's result, or the error document Lambda reports for an unhandled error.
"""

from __future__ import annotations

import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

Handler = Callable[[dict[str, Any], Any], Any]
ACCOUNT_ID = "123456789012"
REGION = "us-east-1"


class LambdaContext:
    """The attributes of Lambda's context object that handlers and Powertools read."""

    def __init__(self, function_name: str, request_id: str | None = None) -> None:
        self.function_name = function_name
        self.function_version = "$LATEST"
        self.invoked_function_arn = f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{function_name}"
        self.memory_limit_in_mb = 512
        self.aws_request_id = request_id or str(uuid.uuid4())
        self.log_group_name = f"/aws/lambda/{function_name}"
        self.log_stream_name = "local"

    def get_remaining_time_in_millis(self) -> int:
        return 300_000


@dataclass(frozen=True)
class Outcome:
    """One invocation's answer: `result`, or `error` ({errorMessage, errorType, stackTrace?})."""

    result: Any = None
    error: dict[str, Any] | None = None


class Invoke(Protocol):
    """Runs one invocation of a function (its name without the stack's prefix).

    `die`: the runtime process dies as the invocation starts (a fault the tests inject: a crash,
    an OOM kill); the answer is Lambda's Runtime.ExitError."""

    def __call__(self, name: str, event: dict[str, Any], *, die: bool = False) -> Outcome: ...


class StoppedError(Exception):
    """The stack is stopping: the invocation got no answer. The Invoke endpoint answers as the
    Lambda service does when it fails an invoke (a ServiceException, which every Task retries),
    so a stop never fails a workflow: it is still unfinished when the stack starts again."""


class FunctionError(Exception):
    """An invocation answered with an error, raised where a caller wants a plain call
    (the upload queue, the schedules): the queue then redelivers, the timer tries again."""

    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(f"{error.get('errorType')}: {error.get('errorMessage')}")
        self.error = error


def run_handler(handler: Handler, event: dict[str, Any], context: LambdaContext) -> Outcome:
    try:
        return Outcome(result=handler(event, context))
    except Exception as exc:  # noqa: BLE001 - reported to the caller the way Lambda does
        return Outcome(error=unhandled(exc))


def unhandled(exc: BaseException) -> dict[str, Any]:
    """Lambda's document for an exception the handler let out."""
    return {
        "errorMessage": str(exc),
        "errorType": type(exc).__name__,
        "stackTrace": traceback.format_exception(exc)[-5:],
    }


def runtime_exit(request_id: str, how: str) -> dict[str, Any]:
    """Lambda's document when the runtime process dies during an invocation (a crash, an OOM
    kill): `how` is what it died of ("signal: killed", "exit status 1")."""
    return {
        "errorMessage": f"RequestId: {request_id} Error: Runtime exited with error: {how}",
        "errorType": "Runtime.ExitError",
    }


def timed_out(request_id: str, seconds: float) -> dict[str, Any]:
    """Lambda's document when an invocation runs past the function's timeout."""
    return {
        "errorMessage": f"RequestId: {request_id} Task timed out after {seconds:.2f} seconds",
        "errorType": "Sandbox.Timedout",
    }


class InProcess:
    """Runs each invocation's handler on the calling thread, in this process.

    The handler is looked up at each call, so a test may replace what a handler calls."""

    def __init__(self, handlers: dict[str, Handler], name_prefix: str) -> None:
        self._handlers = handlers
        self._prefix = name_prefix

    def __call__(self, name: str, event: dict[str, Any], *, die: bool = False) -> Outcome:
        context = LambdaContext(self._prefix + name)
        if die:  # this process is the stack's own: its death is only told, as Lambda tells it
            return Outcome(error=runtime_exit(context.aws_request_id, "signal: killed"))
        return run_handler(self._handlers[name], event, context)


def as_handler(invoke: Invoke, name: str) -> Handler:
    """A plain handler that runs `name` through `invoke` and raises FunctionError on an error."""

    def handler(event: dict[str, Any], _context: Any) -> Any:
        outcome = invoke(name, event)
        if outcome.error is not None:
            raise FunctionError(outcome.error)
        return outcome.result

    return handler
