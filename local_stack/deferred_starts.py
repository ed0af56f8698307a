"""StartExecution answers at once; the execution's interpretation begins once the burst is over.

moto 5.2.5 begins interpreting an execution inside StartExecution: a thread of the stack's
process reads the definition (a copy of the parsed program: moto_speedups), enters the first
state and calls the first Lambda, about 14 ms of that process's CPU per workflow. During a burst
of 100 POSTs (#19 item 6) that was 1.4 CPU-s on the GIL that also answers the POSTs' S3 puts and
StartExecutions, while no POST needs its execution to have begun: on AWS, too, StartExecution
only records the execution, and its first state runs moments later.

Here `Execution.start` records the execution as RUNNING (DescribeExecution says so at once, as on
AWS) and queues it; a scheduler thread begins the queued executions, in the order they were
started, once no StartExecution has arrived for `quiet` seconds (the POSTs are over), and never
later than `max_delay` after the oldest was started (a steady stream of POSTs does not starve
them). A StopExecution of a queued execution ends it ABORTED without ever running it.

Never lost: a queued execution is as durable as a running one. Neither survives the stack's
process (ADR 0015: executions are not journaled; they are threads); the workflow record that the
POST wrote before StartExecution is, and the stack re-drives at start every unfinished workflow
whose execution does not exist (chalicelib/core/recover.py). A SIGKILL between the answer and the
interpretation is the same case as a SIGKILL during the first phase
(`test_local_durability.py::test_a_start_not_yet_begun_at_a_sigkill_runs_after_the_restart`).

`LOCAL_STACK_START_QUIET_SECONDS` / `LOCAL_STACK_START_MAX_DELAY_SECONDS` set the two bounds
(0 and 0: begin at once, as moto does).
"""

from __future__ import annotations

import datetime
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from moto.stepfunctions.parser.api import ExecutionStatus, GetExecutionHistoryOutput
from moto.stepfunctions.parser.backend.execution import Execution
from moto.stepfunctions.parser.models import StepFunctionsParserBackend

logger = logging.getLogger(__name__)
QUIET_SECONDS = 0.2
MAX_DELAY_SECONDS = 2.0


class DeferredStarts:
    """The queue of started executions not yet begun, and the thread that begins them."""

    def __init__(self, begin: Callable[[Any], None], quiet: float, max_delay: float) -> None:
        self._begin = begin
        self.quiet = quiet
        self.max_delay = max_delay
        self._queue: deque[tuple[float, Any]] = deque()
        self._last_start = 0.0
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, daemon=True, name="local-deferred-starts")
        self._thread.start()

    def defer(self, execution: Any) -> None:
        now = time.monotonic()
        with self._changed:
            self._queue.append((now, execution))
            self._last_start = now
            self._changed.notify()

    def cancel(self, execution: Any) -> bool:
        """Take a queued execution out of the queue; False if it is not (or no longer) there."""
        with self._changed:
            for entry in self._queue:
                if entry[1] is execution:
                    self._queue.remove(entry)
                    return True
        return False

    def pending(self) -> int:
        with self._changed:
            return len(self._queue)

    def _due(self) -> float:
        """Seconds until the queue is due (0: now); called with the lock held and a queue."""
        now = time.monotonic()
        return max(0.0, min(self._last_start + self.quiet, self._queue[0][0] + self.max_delay) - now)

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._queue or self._due() > 0:
                    self._changed.wait(timeout=self._due() if self._queue else None)
                due = [execution for _, execution in self._queue]
                self._queue.clear()
            for execution in due:
                try:
                    self._begin(execution)
                except Exception:  # one execution's trouble must not strand the others
                    logger.exception("A deferred execution could not begin: %s", execution.exec_arn)


_installed: dict[str, Any] = {}
_guard = threading.Lock()


def is_installed() -> bool:
    return bool(_installed)


def install(quiet: float | None = None, max_delay: float | None = None) -> DeferredStarts | None:
    """Patch moto's executions to begin deferred (idempotent); None when both bounds are 0."""
    with _guard:
        if _installed:
            return _installed.get("starts")
        quiet = (
            float(os.environ.get("LOCAL_STACK_START_QUIET_SECONDS", QUIET_SECONDS))
            if quiet is None
            else quiet
        )
        max_delay = (
            float(os.environ.get("LOCAL_STACK_START_MAX_DELAY_SECONDS", MAX_DELAY_SECONDS))
            if max_delay is None
            else max_delay
        )
        original_start, original_stop = Execution.start, Execution.stop
        _installed.update(start=original_start, stop=original_stop, starts=None)
        if quiet <= 0 and max_delay <= 0:
            return None

        def begin(execution: Any) -> None:
            # Stopped while queued (or begun some other way): nothing to do.
            if execution.exec_status == ExecutionStatus.RUNNING and execution.exec_worker is None:
                original_start(execution)

        starts = DeferredStarts(begin, quiet, max_delay)
        _installed["starts"] = starts

        def start(self: Execution) -> None:
            if self.exec_worker is not None:
                original_start(self)  # moto's own refusal of a second start
                return
            self.exec_status = ExecutionStatus.RUNNING
            starts.defer(self)

        def stop(self: Execution, stop_date: datetime.datetime, error: str | None, cause: str | None) -> None:
            if self.exec_worker is None and starts.cancel(self):
                # Never begun: it ends here, as AWS ends a stopped execution at once.
                self.exec_status = ExecutionStatus.ABORTED
                self.stop_date = stop_date
                self.error, self.cause = error, cause
                return
            original_stop(self, stop_date=stop_date, error=error, cause=cause)

        def history(self: Execution) -> Any:
            if self.exec_worker is None:  # queued: no event yet (moto would read a worker's)
                return GetExecutionHistoryOutput(events=[])
            return original_history(self)

        def executions(self: StepFunctionsParserBackend, execution_status: Any = None) -> list[Any]:
            # Its callers (task tokens, map runs) read each execution's worker: a queued one has
            # none, and no token or map run of its own yet.
            found = original_executions(self, execution_status)
            return [execution for execution in found if getattr(execution, "exec_worker", None) is not None]

        original_history = Execution.to_history_output
        original_executions = StepFunctionsParserBackend._get_executions
        _installed.update(history=original_history, executions=original_executions)
        Execution.start = start  # type: ignore[method-assign]
        Execution.stop = stop  # type: ignore[method-assign]
        Execution.to_history_output = history  # type: ignore[method-assign]
        StepFunctionsParserBackend._get_executions = executions  # type: ignore[method-assign]
        return starts


def restore() -> None:
    """moto's own start and stop again (tests); queued executions then begin when due as before."""
    with _guard:
        if not _installed:
            return
        Execution.start = _installed["start"]  # type: ignore[method-assign]
        Execution.stop = _installed["stop"]  # type: ignore[method-assign]
        if "history" in _installed:
            Execution.to_history_output = _installed["history"]  # type: ignore[method-assign]
            StepFunctionsParserBackend._get_executions = _installed["executions"]  # type: ignore[method-assign]
        _installed.clear()
