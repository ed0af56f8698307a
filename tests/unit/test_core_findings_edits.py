"""Editing the findings in review (core/findings_edits.py) through the in-memory ports: merge and
JSON patches, If-Match, validation, QA again, and facts marked as the reviewer's."""

from __future__ import annotations

from typing import Any

import pytest

from chalicelib.analysis import analyze_text, check_findings
from chalicelib.core import findings_edits
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.errors import (
    ConflictError,
    InvalidRequestError,
    PreconditionRequiredError,
    UnsupportedMediaTypeError,
    VersionConflictError,
)
from chalicelib.core.models import (
    InputMethod,
    Photo,
    PhotoStatus,
    Review,
    ReviewReason,
    Workflow,
    WorkflowStatus,
    utc_now,
)
from tests.memory_ports import MemoryPorts

NOTES = """Claim: CLM-5521
Burst pipe under the laundry tub, clean water.
Laundry floor tiles wet, skirting swollen.
Readings: laundry skirting 28%.
"""
MERGE = "application/merge-patch+json"
JSON_PATCH = "application/json-patch+json"


def _in_review(status: WorkflowStatus = WorkflowStatus.NEEDS_REVIEW) -> tuple[MemoryPorts, Workflow]:
    ports = MemoryPorts()
    now = utc_now()
    workflow = Workflow(
        id="wf_" + "c" * 32,
        user_id="alice",
        title="Laundry",
        input_method=InputMethod.TEXT,
        status=status,
        task_token="token-1",
        review=Review(reason=ReviewReason.QA_ERRORS, requested_at=now),
        created_at=now,
        updated_at=now,
    )
    ports.workflows.create(workflow)
    findings = analyze_text(NOTES)
    ports.blobs.put_json(
        work_key("alice", workflow.id, WorkFile.FINDINGS), findings.model_dump(mode="json", by_alias=True)
    )
    qa = check_findings(findings).model_dump(mode="json")
    ports.blobs.put_json(work_key("alice", workflow.id, WorkFile.QA), qa)
    return ports, workflow


def _edit(ports: MemoryPorts, body: Any, content_type: str = MERGE, if_match: str | None = None) -> Any:
    workflow = ports.workflows.get("wf_" + "c" * 32)
    assert workflow is not None
    etag = if_match if if_match is not None else f'"{findings_edits.read(ports, workflow).etag}"'
    return findings_edits.edit(ports, workflow, "alice", body, content_type, etag)


def test_a_merge_patch_adds_a_room_the_analyzer_missed_and_qa_checks_it_again() -> None:
    # Given findings in review
    ports, workflow = _in_review()
    before = findings_edits.read(ports, workflow)
    areas = before.findings["affectedAreas"]
    # When the reviewer adds the hallway, with its materials
    hallway = {"room": "Hallway", "materials": ["carpet", "skirting"]}
    edited = _edit(ports, {"affectedAreas": [*areas, hallway]})
    # Then the hallway is there, citing the reviewer; what they left keeps its line
    after = edited.view.findings["affectedAreas"]
    assert after[-1]["room"] == "Hallway"
    assert after[-1]["source"]["enteredBy"] == "alice" and after[-1]["source"]["line"] is None
    assert [a["source"] for a in after[:-1]] == [a["source"] for a in areas]
    # And the answer carries QA's result of the edited findings, and a new ETag
    assert edited.view.qa["issues"] is not None and edited.view.etag != before.etag
    assert [c["path"] for c in edited.changes] == ["/affectedAreas"]
    # And the record points at the edit, and counts it
    record = ports.workflows.get(workflow.id)
    assert record is not None and record.findings_etag == edited.view.etag
    assert record.review is not None and record.review.edits == 1
    assert record.review.edited_fields == ["affectedAreas"]
    assert [e.type.value for e in ports.workflows.events[workflow.id]][-1] == "FINDINGS_EDITED"
    # And the draft was rendered again from the edit
    draft = ports.blobs.get_json(f"reports/alice/{workflow.id}/draft/report.json")
    assert draft["draft"] is True and draft["findings"]["affectedAreas"][-1]["room"] == "Hallway"


def test_a_json_patch_changes_one_reading_and_only_it_cites_the_reviewer() -> None:
    ports, workflow = _in_review()
    readings = findings_edits.read(ports, workflow).findings["moistureReadings"]
    assert readings, "the notes give a reading"
    edited = _edit(ports, [{"op": "replace", "path": "/moistureReadings/0/value", "value": 26}], JSON_PATCH)
    reading = edited.view.findings["moistureReadings"][0]
    assert reading["value"] == 26 and reading["source"]["enteredBy"] == "alice"
    assert edited.changes == [
        {"path": "/moistureReadings/0/value", "before": readings[0]["value"], "after": 26}
    ]


def test_a_failed_test_operation_is_a_conflict_and_writes_nothing() -> None:
    ports, workflow = _in_review()
    with pytest.raises(ConflictError) as refused:
        _edit(ports, [{"op": "test", "path": "/causeOfLoss", "value": "something else"}], JSON_PATCH)
    assert refused.value.code == "PATCH_TEST_FAILED"
    assert ports.workflows.get(workflow.id).version == 1  # type: ignore[union-attr]


def test_findings_the_model_refuses_are_refused_with_the_problem_and_nothing_is_written() -> None:
    ports, workflow = _in_review()
    documents = dict(ports.blobs.documents)
    with pytest.raises(InvalidRequestError) as refused:
        _edit(ports, {"moistureReadings": [{"location": "Laundry", "value": "very wet", "unit": "%"}]})
    assert refused.value.code == "INVALID_FINDINGS" and refused.value.details
    assert ports.blobs.documents == documents
    assert ports.workflows.get(workflow.id).version == 1  # type: ignore[union-attr]


def test_if_match_is_required_and_a_stale_one_is_a_conflict() -> None:
    ports, workflow = _in_review()
    with pytest.raises(PreconditionRequiredError):
        findings_edits.edit(ports, workflow, "alice", {"causeOfLoss": "burst pipe"}, MERGE, None)
    first = _edit(ports, {"causeOfLoss": "Burst copper pipe under the laundry tub"})
    with pytest.raises(VersionConflictError):
        stale = f'"{findings_edits.etag_of({})}"'
        _edit(ports, {"causeOfLoss": "Something else"}, if_match=stale)
    record = ports.workflows.get(workflow.id)
    assert record is not None and record.findings_etag == first.view.etag


def test_the_analyzer_fields_stay_the_analyzers_and_other_media_types_are_refused() -> None:
    ports, _ = _in_review()
    edited = _edit(ports, {"analyzer": "me", "causeOfLoss": "Burst copper pipe"})
    assert edited.view.findings["analyzer"] == "offline-rules"
    assert edited.view.findings["causeOfLossEvidence"]["enteredBy"] == "alice"
    with pytest.raises(UnsupportedMediaTypeError):
        _edit(ports, {"causeOfLoss": "x"}, "text/plain")


def test_only_findings_in_review_are_edited() -> None:
    ports, _ = _in_review(WorkflowStatus.COMPLETED)
    with pytest.raises(ConflictError) as refused:
        _edit(ports, {"causeOfLoss": "Burst copper pipe"})
    assert refused.value.code == "NOT_IN_REVIEW"


def test_merge_patch_follows_rfc_7396() -> None:
    # The RFC's own example, in short: members merge, null removes, arrays replace
    target = {"a": "b", "c": {"d": "e", "f": "g"}, "tags": ["x"]}
    patch = {"a": "z", "c": {"f": None}, "tags": ["y"]}
    assert findings_edits.merge_patch(target, patch) == {"a": "z", "c": {"d": "e"}, "tags": ["y"]}


def test_a_photo_received_during_review_answers_its_warning_when_the_findings_are_read() -> None:
    # Given findings in review whose QA, run before any photo, asked for one of the laundry
    ports, workflow = _in_review()
    findings = analyze_text(NOTES)
    at_qa = check_findings(findings, photos=[]).model_dump(mode="json")
    ports.blobs.put_json(work_key("alice", workflow.id, WorkFile.QA), at_qa)
    asked = [i for i in at_qa["issues"] if i["code"] == "AFFECTED_AREA_WITHOUT_PHOTO"]
    assert len(asked) == 1
    assert _photo_warnings(ports, workflow) == asked

    # When the contractor's photo of the laundry arrives
    now = utc_now()
    ports.photos.create(
        Photo(
            id="ph_" + "1" * 32,
            workflow_id=workflow.id,
            user_id="alice",
            file_name="laundry.jpg",
            content_type="image/jpeg",
            caption="Tiles lifting by the tub",
            room="Laundry",
            status=PhotoStatus.RECEIVED,
            created_at=now,
            received_at=now,
            upload_key="uploads/alice/laundry.jpg",
        )
    )

    # Then the findings read now no longer ask for it; the stored QA result is unchanged
    assert _photo_warnings(ports, workflow) == []
    assert ports.blobs.get_json(work_key("alice", workflow.id, WorkFile.QA)) == at_qa


def _photo_warnings(ports: MemoryPorts, workflow: Workflow) -> list[dict[str, Any]]:
    qa = findings_edits.read(ports, workflow).qa
    return [i for i in qa["issues"] if i["code"] == "AFFECTED_AREA_WITHOUT_PHOTO"]
