"""The state machine's review point: a `waitForTaskToken` task after QA, when a person must
review the findings (`core/review.py` says when).

It renders the DRAFT report (JSON, Markdown and CSV now, PDF and Word when first downloaded;
marked DRAFT, QA's issues first), then stores the task
token with the workflow and marks it NEEDS_REVIEW, in that order: the record never points at a
draft that is not there. The execution then waits until approval sends the token back, or the
review period (the state's timeout) ends it.
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from chalicelib.core.errors import WorkflowStoppedError
from chalicelib.core.models import RUNNING_STATUSES, Review, ReviewReason, Workflow, WorkflowStatus, utc_now
from chalicelib.core.ports import Ports
from chalicelib.core.review import severity_counts
from chalicelib.phases.runner import ExecutionState
from chalicelib.report.files import download_paths, render_report_files


class ReviewEvent(ExecutionState):
    model_config = ConfigDict(extra="ignore")

    task_token: str = Field(min_length=1, max_length=4096)


def review_point(ports: Ports, event: dict[str, Any]) -> dict[str, Any]:
    review = ReviewEvent.model_validate(event)
    current = ports.workflows.get(review.workflow_id)
    if current is None or current.user_id != review.user_id:
        raise WorkflowStoppedError(f"Workflow {review.workflow_id} no longer exists")
    if current.status is WorkflowStatus.NEEDS_REVIEW:
        if current.task_token != review.task_token:
            # The state's Retry after a lost answer: the task has a new token, the old one is dead.
            ports.workflows.update(review.workflow_id, lambda w: _renew_token(w, review.task_token))
        return {"review": True}
    if current.status not in RUNNING_STATUSES:
        raise WorkflowStoppedError(f"Workflow {current.id} is {current.status.value}")

    rendered = render_report_files(ports, current, draft=True)
    qa, keys = rendered.qa, rendered.keys
    errors, warnings = severity_counts(qa.model_dump(mode="json"))

    def to_review(workflow: Workflow) -> None:
        if workflow.status not in RUNNING_STATUSES:
            raise WorkflowStoppedError(f"Workflow {workflow.id} is {workflow.status.value}")
        workflow.status = WorkflowStatus.NEEDS_REVIEW
        workflow.task_token = review.task_token
        workflow.review = Review(
            reason=_reason(workflow, errors),
            requested_at=utc_now(),
            qa_errors=errors,
            qa_warnings=warnings,
        )
        workflow.output_data = {
            "draft": True,
            "reports": download_paths(keys),  # rendered now
            "onRequest": list(rendered.on_request),  # PDF and Word: when first downloaded
            "qa": {"passed": qa.passed, "issues": len(qa.issues), "errors": errors, "warnings": warnings},
        }

    ports.workflows.update(review.workflow_id, to_review)
    return {"review": True}


def _renew_token(workflow: Workflow, token: str) -> None:
    if workflow.status is not WorkflowStatus.NEEDS_REVIEW:
        raise WorkflowStoppedError(f"Workflow {workflow.id} is {workflow.status.value}")
    workflow.task_token = token


def _reason(workflow: Workflow, errors: int) -> ReviewReason:
    if errors:
        return ReviewReason.QA_ERRORS
    return ReviewReason.REVISION if workflow.revision > 1 else ReviewReason.REQUESTED
