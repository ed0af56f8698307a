"""Step Functions adapter (`Engine`): start, stop, resume and abandon a workflow's execution.

Each execution is named after its workflow, so a start delivered twice (a retried request,
an S3 event seen twice) finds the execution already there instead of starting a second one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from chalicelib.core.ports import Throttled

if TYPE_CHECKING:
    from mypy_boto3_stepfunctions.client import SFNClient


# A token whose task is over already: nothing left to end.
GONE_TOKEN_CODES = frozenset({"TaskDoesNotExist", "TaskTimedOut", "InvalidToken"})


def execution_arn(state_machine_arn: str, workflow_id: str) -> str:
    # arn:aws:states:<region>:<account>:stateMachine:<name> -> ...:execution:<name>:<workflowId>
    prefix, _, name = state_machine_arn.rpartition(":stateMachine:")
    return f"{prefix}:execution:{name}:{workflow_id}"


class StepFunctionsEngine:
    def __init__(self, client: SFNClient, state_machine_arn: str) -> None:
        self._sfn = client
        self._state_machine_arn = state_machine_arn

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
        """Let a paused execution go on (it waits on this token at a phase boundary)."""
        self._sfn.send_task_success(taskToken=task_token, output="{}")

    def abandon(self, task_token: str, cause: str) -> None:
        """End a paused execution's wait. StopExecution alone does not end it on moto's interpreter,
        and on AWS a token of a stopped execution is simply no longer valid."""
        try:
            self._sfn.send_task_failure(taskToken=task_token, error="WorkflowCancelled", cause=cause)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") not in GONE_TOKEN_CODES:
                raise
