"""Review (core/review.py): when QA's verdict goes to a person, and what approving takes."""

from __future__ import annotations

import pytest

from chalicelib.core import review
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.errors import ConflictError, InvalidRequestError
from chalicelib.core.models import (
    ApproveRequest,
    InputMethod,
    Review,
    ReviewReason,
    Workflow,
    WorkflowStatus,
    utc_now,
)
from tests.memory_ports import MemoryPorts

QA = {
    "passed": False,
    "issues": [
        {"severity": "error", "code": "AFFECTED_AREAS_MISSING", "field": "affectedAreas", "message": "m"},
        {"severity": "error", "code": "READING_UNIT_MISSING", "field": "moistureReadings[0]", "message": "m"},
        {"severity": "error", "code": "READING_UNIT_MISSING", "field": "moistureReadings[2]", "message": "m"},
        {"severity": "warning", "code": "DRY_STANDARD_MISSING", "field": "moistureReadings", "message": "m"},
    ],
}


@pytest.mark.parametrize(
    ("deterministic", "attempt", "previous", "retry"),
    [
        (True, 1, None, False),  # the offline analyzer: the same input gives the same answer
        (False, 1, None, True),  # Claude's first answer: another attempt may differ
        (False, 2, ["B", "A"], False),  # the retry got the same errors: another will too
        (False, 2, ["A"], True),  # the retry changed something: one more is worth it
        (False, 3, None, False),  # attempts spent
    ],
)
def test_a_failed_qa_is_retried_only_when_another_analysis_could_differ(
    deterministic: bool, attempt: int, previous: list[str] | None, retry: bool
) -> None:
    verdict = review.verdict_after_qa(
        passed=False,
        review_requested=False,
        deterministic=deterministic,
        attempt=attempt,
        errors=["A", "B"],
        previous_errors=previous,
    )
    # Then it is either retried or reviewed by a person, never both, never neither
    assert (verdict.retry, verdict.review) == (retry, not retry)
    assert verdict.passed is False


def test_a_passed_qa_goes_to_review_only_when_review_was_asked_for() -> None:
    common = {"passed": True, "deterministic": True, "attempt": 1, "errors": [], "previous_errors": None}
    assert review.verdict_after_qa(review_requested=False, **common) == review.QaVerdict(True, False, False)
    assert review.verdict_after_qa(review_requested=True, **common) == review.QaVerdict(True, False, True)


def test_every_error_needs_a_reason_and_the_missing_ones_are_named() -> None:
    # Given overrides for one error code only
    request = ApproveRequest.model_validate(
        {
            "overrides": [
                {"code": "AFFECTED_AREAS_MISSING", "reason": "Only the hallway was wet; it is listed"}
            ]
        }
    )
    # When they are checked
    with pytest.raises(InvalidRequestError) as refused:
        review.checked_overrides(QA, request)
    # Then the refusal names both unit errors, by field
    assert refused.value.code == "OVERRIDE_REASON_REQUIRED"
    assert refused.value.details == [
        {"code": "READING_UNIT_MISSING", "field": "moistureReadings[0]"},
        {"code": "READING_UNIT_MISSING", "field": "moistureReadings[2]"},
    ]


def test_an_override_by_code_covers_every_error_of_that_code() -> None:
    request = ApproveRequest.model_validate(
        {
            "overrides": [
                {"code": "AFFECTED_AREAS_MISSING", "reason": "Only the hallway was wet; it is listed"},
                {"code": "READING_UNIT_MISSING", "reason": "Pin meter in %MC, as the log says"},
                {
                    "code": "READING_UNIT_MISSING",
                    "field": "moistureReadings[2]",
                    "reason": "Reference scale on drywall",
                },
            ]
        }
    )
    overrides = review.checked_overrides(QA, request)
    assert [(o.code, o.field, o.reason) for o in overrides] == [
        ("AFFECTED_AREAS_MISSING", "affectedAreas", "Only the hallway was wet; it is listed"),
        ("READING_UNIT_MISSING", "moistureReadings[0]", "Pin meter in %MC, as the log says"),
        ("READING_UNIT_MISSING", "moistureReadings[2]", "Reference scale on drywall"),
    ]


def test_a_blank_reason_or_an_override_of_no_error_is_refused() -> None:
    with pytest.raises(ValueError):
        ApproveRequest.model_validate({"overrides": [{"code": "AFFECTED_AREAS_MISSING", "reason": "   "}]})
    stray = ApproveRequest.model_validate(
        {
            "overrides": [
                {"code": "AFFECTED_AREAS_MISSING", "reason": "Only the hallway was wet"},
                {"code": "READING_UNIT_MISSING", "reason": "Pin meter in %MC"},
                {"code": "NOT_A_QA_ERROR", "reason": "Made up for the test"},
            ]
        }
    )
    with pytest.raises(InvalidRequestError) as refused:
        review.checked_overrides(QA, stray)
    assert refused.value.code == "UNKNOWN_QA_ERROR"


def _in_review(ports: MemoryPorts) -> Workflow:
    now = utc_now()
    workflow = Workflow(
        id="wf_" + "b" * 32,
        user_id="alice",
        title="Hallway leak",
        input_method=InputMethod.TEXT,
        status=WorkflowStatus.NEEDS_REVIEW,
        task_token="token-9",
        review=Review(reason=ReviewReason.QA_ERRORS, requested_at=now, qa_errors=3, qa_warnings=1),
        created_at=now,
        updated_at=now,
    )
    ports.workflows.create(workflow)
    ports.blobs.put_json(work_key("alice", workflow.id, WorkFile.QA), QA)
    return workflow


def test_approving_records_who_and_why_then_sends_the_token_back() -> None:
    # Given a workflow waiting for its review
    ports = MemoryPorts()
    workflow = _in_review(ports)
    request = ApproveRequest.model_validate(
        {
            "overrides": [
                {"code": "AFFECTED_AREAS_MISSING", "reason": "Only the hallway was wet; it is listed"},
                {"code": "READING_UNIT_MISSING", "reason": "Pin meter in %MC, as the log says"},
            ]
        }
    )
    # When alice approves it
    approved = review.approve(ports, workflow, "alice", request)
    # Then it runs on to its final report, the review says who and why, and the engine got its token
    assert approved.status is WorkflowStatus.IN_PROGRESS and approved.task_token is None
    assert approved.review is not None and approved.review.approved_by == "alice"
    assert approved.review.warnings_acknowledged == 1 and len(approved.review.overrides) == 3
    assert ports.engine.resumed == ["token-9"]
    # And an APPROVED event was recorded for watchers
    assert [e.type.value for e in ports.workflows.events[workflow.id]][-1] == "APPROVED"


def test_only_a_workflow_in_review_can_be_approved_and_a_refused_approval_changes_nothing() -> None:
    ports = MemoryPorts()
    workflow = _in_review(ports)
    with pytest.raises(InvalidRequestError):
        review.approve(ports, workflow, "alice", ApproveRequest())
    assert ports.engine.resumed == []
    record = ports.workflows.get(workflow.id)
    assert record is not None and record.status is WorkflowStatus.NEEDS_REVIEW and record.version == 1
    running = workflow.model_copy(update={"status": WorkflowStatus.IN_PROGRESS})
    with pytest.raises(ConflictError) as refused:
        review.approve(ports, running, "alice", ApproveRequest())
    assert refused.value.code == "NOT_IN_REVIEW"
