"""StopExecution on moto's Step Functions interpreter, made to answer as AWS does.

On AWS, `StopExecution` ends the execution at once: `DescribeExecution` says `ABORTED` with the
stop's date, even while a Lambda task of it still runs (that invocation finishes on its own; the
execution starts no further state). moto 5.2.5 tells its interpreter to stop, but records
`ABORTED` only when the interpreter's thread notices, which is after the task in flight returns:
meanwhile the execution reads `RUNNING`, and a test or a client polling it sees a stopped workflow
still running (#19); and when that task then fails (a phase refusing to run for a cancelled
workflow), moto's interpreter records the error over the stop and the execution ends `FAILED`.
This records the stop when the interpreter has accepted it, keeps it (a later error does not
replace it, as on AWS, where a stopped execution stays ABORTED) and keeps its date when the thread
ends. An execution that had already ended is left as it was.
(A task waiting on a task token is not ended by moto's stop at all: cancel also sends the token's
failure, `chalicelib/core/control.py`.)
"""

from __future__ import annotations

import datetime
import threading
from typing import Any

from moto.stepfunctions.parser.api import ExecutionStatus
from moto.stepfunctions.parser.asl.eval.environment import Environment
from moto.stepfunctions.parser.asl.eval.program_state import ProgramStopped
from moto.stepfunctions.parser.backend.execution import BaseExecutionWorkerCommunication, Execution

_lock = threading.Lock()
_installed = False


def install() -> None:
    """Patch moto's interpreter-backed executions (idempotent)."""
    global _installed
    with _lock:
        if _installed:
            return
        original_stop = Execution.stop
        original_reflect = BaseExecutionWorkerCommunication._reflect_execution_status
        original_set_error = Environment.set_error

        def set_error(self: Environment, error: Any) -> None:
            if isinstance(self.program_state(), ProgramStopped):
                return  # stopped is final: the error of a task that returned afterwards changes nothing
            original_set_error(self, error)

        def stop(self: Execution, stop_date: datetime.datetime, error: str | None, cause: str | None) -> None:
            original_stop(self, stop_date=stop_date, error=error, cause=cause)
            worker: Any = self.exec_worker
            environment = getattr(worker, "env", None)
            accepted = environment is not None and isinstance(environment.program_state(), ProgramStopped)
            if accepted and self.exec_status == ExecutionStatus.RUNNING:
                self.exec_status = ExecutionStatus.ABORTED
                self.stop_date = stop_date

        def reflect(self: BaseExecutionWorkerCommunication) -> None:
            execution = self.execution
            stopped_at = execution.stop_date if execution.exec_status == ExecutionStatus.ABORTED else None
            original_reflect(self)  # type: ignore[no-untyped-call]
            if stopped_at is not None and execution.exec_status == ExecutionStatus.ABORTED:
                execution.stop_date = stopped_at  # when it was stopped, not when the thread noticed

        Environment.set_error = set_error  # type: ignore[method-assign]
        Execution.stop = stop  # type: ignore[method-assign]
        BaseExecutionWorkerCommunication._reflect_execution_status = reflect  # type: ignore[method-assign]
        _installed = True
