"""Step Functions adapter (`Engine`): start, stop, resume and abandon a workflow's execution.

Each execution is named after its workflow, so a start delivered twice (a retried request,
an S3 event seen twice) finds the execution already there instead of starting a second one.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from chalicelib.core.ports import TaskGone, Throttled

if TYPE_CHECKING:
    from mypy_boto3_stepfunctions.client import SFNClient


# A token whose task is over already: nothing left to end.
GONE_TOKEN_CODES = frozenset({"TaskDoesNotExist", "TaskTimedOut", "InvalidToken"})
# Worth another try: the service throttled the call or was briefly unavailable.
RETRYABLE_CODES = frozenset(
    {"ThrottlingException", "ServiceUnavailable", "InternalFailure", "InternalServerError", "RequestTimeout"}
)
SEND_ATTEMPTS = 5


def execution_arn(state_machine_arn: str, workflow_id: str) -> str:
    # arn:aws:states:<region>:<account>:stateMachine:<name> -> ...:execution:<name>:<workflowId>
    prefix, _, name = state_machine_arn.rpartition(":stateMachine:")
    return f"{prefix}:execution:{name}:{workflow_id}"


class StepFunctionsEngine:
    def __init__(
        self, client: SFNClient, state_machine_arn: str, *, settings_input: Mapping[str, Any] | None = None
    ) -> None:
        self._sfn = client
        self._state_machine_arn = state_machine_arn
        # Settings the state machine reads from its input (the OCR poll's Wait: `ocrPollSeconds`).
        self._settings_input = dict(settings_input or {})

    def start(
        self,
        workflow_id: str,
        user_id: str,
        *,
        execution_name: str | None = None,
        resume_from: str | None = None,
        attempt: int = 1,
        extra: Mapping[str, Any] | None = None,
    ) -> str:
        """Start an execution; a second start under the same name is a no-op.

        The first execution is named after the workflow; a retry names its own and says which
        phase to resume from.
        """
        name = execution_name or workflow_id
        arn = execution_arn(self._state_machine_arn, name)
        state: dict[str, object] = {
            **self._settings_input,
            **(extra or {}),
            "workflowId": workflow_id,
            "userId": user_id,
            "attempt": attempt,
        }
        if resume_from is not None:
            state["resumeFrom"] = resume_from
        try:
            self._sfn.start_execution(
                stateMachineArn=self._state_machine_arn, name=name, input=json.dumps(state)
            )
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code == "ExecutionAlreadyExists":
                return arn
            if code in ("ThrottlingException", "ServiceUnavailable"):
                raise Throttled(f"Step Functions is unavailable ({code})") from exc
            raise
        return arn

    def stop(self, execution_name: str, cause: str) -> None:
        """Stop the execution if it is still running; a finished or missing one is fine."""
        try:
            self._sfn.stop_execution(
                executionArn=execution_arn(self._state_machine_arn, execution_name),
                error="WorkflowCancelled",
                cause=cause,
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != "ExecutionDoesNotExist":
                raise

    def resume(self, task_token: str) -> None:
        """Let a waiting execution go on (paused at a phase boundary, or in review).

        Throttling and a brief outage are tried again (full jitter) before Throttled; a token
        whose task is over is TaskGone, for the caller to settle the workflow."""
        for attempt in range(SEND_ATTEMPTS):
            try:
                self._sfn.send_task_success(taskToken=task_token, output="{}")
                return
            except ClientError as exc:
                code = exc.response.get("Error", {}).get("Code", "")
                if code in GONE_TOKEN_CODES:
                    raise TaskGone(code) from exc
                if code not in RETRYABLE_CODES:
                    raise
                if attempt + 1 == SEND_ATTEMPTS:
                    raise Throttled(f"Step Functions is unavailable ({code})") from exc
                time.sleep(random.uniform(0, min(2.0, 0.1 * 2**attempt)))

    def describe(self, execution_name: str) -> str | None:
        """The execution's status (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED), or None if
        there is no such execution (never started, or deleted with its history)."""
        try:
            described = self._sfn.describe_execution(
                executionArn=execution_arn(self._state_machine_arn, execution_name)
            )
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code == "ExecutionDoesNotExist":
                return None
            if code in RETRYABLE_CODES:
                raise Throttled(f"Step Functions is unavailable ({code})") from exc
            raise
        return str(described["status"])

    def abandon(self, task_token: str, cause: str) -> None:
        """End a paused execution's wait. StopExecution alone does not end it on moto's interpreter,
        and on AWS a token of a stopped execution is simply no longer valid."""
        try:
            self._sfn.send_task_failure(taskToken=task_token, error="WorkflowCancelled", cause=cause)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") not in GONE_TOKEN_CODES:
                raise
