"""Step Functions adapter: start and stop a workflow's execution.

Each execution is named after its workflow, so a start delivered twice (a retried request,
an S3 event seen twice) finds the execution already there instead of starting a second one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from chalicelib.errors import TransientError

if TYPE_CHECKING:
    from mypy_boto3_stepfunctions.client import SFNClient


def execution_arn(state_machine_arn: str, workflow_id: str) -> str:
    # arn:aws:states:<region>:<account>:stateMachine:<name> -> ...:execution:<name>:<workflowId>
    prefix, _, name = state_machine_arn.rpartition(":stateMachine:")
    return f"{prefix}:execution:{name}:{workflow_id}"


class WorkflowEngine:
    def __init__(self, client: SFNClient, state_machine_arn: str) -> None:
        self._sfn = client
        self._state_machine_arn = state_machine_arn

    def start(self, workflow_id: str, user_id: str) -> str:
        """Start the workflow's execution; a second start of the same workflow is a no-op."""
        arn = execution_arn(self._state_machine_arn, workflow_id)
        state = {"workflowId": workflow_id, "userId": user_id, "attempt": 1}
        try:
            self._sfn.start_execution(
                stateMachineArn=self._state_machine_arn, name=workflow_id, input=json.dumps(state)
            )
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code == "ExecutionAlreadyExists":
                return arn
            if code in ("ThrottlingException", "ServiceUnavailable"):
                raise TransientError(f"Step Functions is unavailable ({code})") from exc
            raise
        return arn

    def stop(self, workflow_id: str, cause: str) -> None:
        """Stop the execution if it is still running; a finished or missing one is fine."""
        try:
            self._sfn.stop_execution(
                executionArn=execution_arn(self._state_machine_arn, workflow_id),
                error="WorkflowCancelled",
                cause=cause,
            )
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != "ExecutionDoesNotExist":
                raise
