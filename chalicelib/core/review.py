"""Review: when QA's verdict sends the findings to a person, and what approving them takes.

QA never swallows a report. When QA finds errors that another analysis of the same input cannot
change (the offline analyzer is deterministic; Claude once its attempts are spent, or when a
retry gave the same errors), the workflow stops at NEEDS_REVIEW with a DRAFT report, instead of
FAILED with nothing. A workflow created with `reviewRequired` stops there even when QA passes.
The reviewer approves: warnings are acknowledged by approving, and each QA error is overridden
only with a written reason, which the final report prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from chalicelib.core import control
from chalicelib.core.documents import qa_key_of
from chalicelib.core.errors import ConflictError, InvalidRequestError
from chalicelib.core.models import (
    ApproveRequest,
    OverrideRequest,
    QaOverride,
    Workflow,
    WorkflowStatus,
    utc_now,
)
from chalicelib.core.ports import Ports

# Analyses of one input in all (the state machine holds the same bound).
MAX_ANALYSIS_ATTEMPTS = 3


@dataclass(frozen=True)
class QaVerdict:
    """What the state machine does after QA: `review` and `retry` are never both true."""

    passed: bool
    retry: bool
    review: bool


def verdict_after_qa(
    *,
    passed: bool,
    review_requested: bool,
    deterministic: bool,
    attempt: int,
    errors: Iterable[str],
    previous_errors: Iterable[str] | None,
) -> QaVerdict:
    """Retry only when another analysis could give another answer; otherwise a person reviews.

    `errors` and `previous_errors` are the QA error codes of this attempt and the one before
    (None on the first): a retry that changed nothing will not change anything the next time.
    """
    if passed:
        return QaVerdict(passed=True, retry=False, review=review_requested)
    same_as_before = previous_errors is not None and sorted(errors) == sorted(previous_errors)
    retry = not deterministic and attempt < MAX_ANALYSIS_ATTEMPTS and not same_as_before
    return QaVerdict(passed=False, retry=retry, review=not retry)


def qa_errors(qa: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The QA result's errors (as stored by the QA phase), in order."""
    return [issue for issue in qa.get("issues", []) if issue.get("severity") == "error"]


def severity_counts(qa: Mapping[str, Any]) -> tuple[int, int]:
    """The QA result's errors and warnings, counted (as stored by the QA phase)."""
    severities = [issue.get("severity") for issue in qa.get("issues", [])]
    return severities.count("error"), severities.count("warning")


def _override_for(issue: Mapping[str, Any], overrides: list[OverrideRequest]) -> OverrideRequest | None:
    """The override that names this error: by code and field, or by code alone."""
    exact = [o for o in overrides if o.code == issue.get("code") and o.field == issue.get("field")]
    by_code = [o for o in overrides if o.code == issue.get("code") and o.field is None]
    found = exact or by_code
    return found[0] if found else None


def checked_overrides(qa: Mapping[str, Any], request: ApproveRequest) -> list[QaOverride]:
    """One override, with its reason, for every QA error; InvalidRequestError naming the errors
    left without one, or the overrides that name no error. Pure."""
    errors = qa_errors(qa)
    missing = [
        {"code": issue.get("code"), "field": issue.get("field")}
        for issue in errors
        if _override_for(issue, request.overrides) is None
    ]
    if missing:
        listed = ", ".join(f"{m['code']} ({m['field']})" if m["field"] else str(m["code"]) for m in missing)
        raise InvalidRequestError(
            f"Each QA error needs a written reason to override it; missing for: {listed}",
            code="OVERRIDE_REASON_REQUIRED",
            details=missing,
        )
    named = {(issue.get("code"), issue.get("field")) for issue in errors}
    codes = {code for code, _ in named}
    strays = [
        o.code + (f" ({o.field})" if o.field else "")
        for o in request.overrides
        if (o.code, o.field) not in named and not (o.field is None and o.code in codes)
    ]
    if strays:
        raise InvalidRequestError(
            f"These overrides name no QA error of this workflow: {', '.join(strays)}",
            code="UNKNOWN_QA_ERROR",
        )
    overrides = []
    for issue in errors:
        chosen = _override_for(issue, request.overrides)
        assert chosen is not None
        overrides.append(
            QaOverride(code=str(issue.get("code")), field=issue.get("field"), reason=chosen.reason)
        )
    return overrides


def approve(ports: Ports, workflow: Workflow, approver: str, request: ApproveRequest) -> Workflow:
    """Approve the findings of a workflow in review; the execution goes on to the final report."""
    if workflow.status is not WorkflowStatus.NEEDS_REVIEW:
        raise ConflictError(
            f"Only a workflow in review can be approved; this one is {workflow.status.value}",
            code="NOT_IN_REVIEW",
        )
    qa = ports.blobs.get_json(qa_key_of(workflow))
    overrides = checked_overrides(qa, request)
    _, warnings = severity_counts(qa)
    token: list[str] = []

    def to_approved(current: Workflow) -> None:
        if current.status is not WorkflowStatus.NEEDS_REVIEW or current.task_token is None:
            raise ConflictError("The workflow is no longer waiting for its review", code="NOT_IN_REVIEW")
        if current.review is None:
            raise ConflictError("The workflow has no review to approve", code="NOT_IN_REVIEW")
        token[:] = [current.task_token]
        current.review = current.review.model_copy(
            update={
                "approved_by": approver,
                "approved_at": utc_now(),
                "overrides": overrides,
                "warnings_acknowledged": warnings,
            }
        )
        # Still NEEDS_REVIEW, with its token: the token goes back first, then the record says
        # IN_PROGRESS (control.hand_back), so a failed send never strands the workflow.

    ports.workflows.update(workflow.id, to_approved)
    return control.hand_back(ports, workflow.id, token[0], gone=control.REVIEW_EXPIRED)
