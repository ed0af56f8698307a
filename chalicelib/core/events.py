"""Progress events: what a change of a workflow means to someone watching it.

Every write of a workflow goes through `WorkflowStore.update`, which asks `describe_change`
what the write changed and stores the answer, numbered with the workflow's next `seq`, in the
same transaction. Nothing here does I/O; `live_progress.py` delivers the events.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from chalicelib.core.models import (
    PHASE_ORDER,
    WORKFLOW_ID_BODY,
    ApiModel,
    OrchestratorPhase,
    Workflow,
    WorkflowStatus,
    WorkflowStep,
    iso,
    utc_now,
)


class EventType(StrEnum):
    STEP_UPDATE = "STEP_UPDATE"
    PHASE_COMPLETE = "PHASE_COMPLETE"
    PROGRESS_UPDATE = "PROGRESS_UPDATE"
    WORKFLOW_COMPLETE = "WORKFLOW_COMPLETE"
    WORKFLOW_FAILED = "WORKFLOW_FAILED"
    WORKFLOW_PAUSED = "WORKFLOW_PAUSED"
    WORKFLOW_RESUMED = "WORKFLOW_RESUMED"
    WORKFLOW_CANCELLED = "WORKFLOW_CANCELLED"
    # A person must review the findings; a DRAFT report is ready meanwhile.
    REVIEW_REQUIRED = "REVIEW_REQUIRED"
    # The reviewer edited the findings; QA checked them again.
    FINDINGS_EDITED = "FINDINGS_EDITED"
    # The reviewer approved the findings; the final report follows.
    APPROVED = "APPROVED"
    # A qualified person signed the final report's current revision.
    SIGNED = "SIGNED"
    # A signed report is being revised: a new revision, with its own review and sign-off.
    REVISION_OPENED = "REVISION_OPENED"
    # A photo's upload arrived: kept (with its hash) or refused (with its code).
    PHOTO_RECEIVED = "PHOTO_RECEIVED"
    PHOTO_REJECTED = "PHOTO_REJECTED"
    # Not stored: the current state, sent on a subscribe without `lastSeq`.
    SNAPSHOT = "SNAPSHOT"


# After one of these nothing more happens to the workflow unless the user retries it.
FINAL_EVENTS = frozenset(
    {EventType.WORKFLOW_COMPLETE, EventType.WORKFLOW_FAILED, EventType.WORKFLOW_CANCELLED}
)

# API Gateway refuses WebSocket messages over 128 KB; an event stays well under it.
MAX_EVENT_BYTES = 96 * 1024

CHANNEL = re.compile(rf"^workflow:(?P<workflow_id>{WORKFLOW_ID_BODY}):progress$")


def channel_for(workflow_id: str) -> str:
    return f"workflow:{workflow_id}:progress"


def workflow_of(channel: str) -> str | None:
    match = CHANNEL.match(channel)
    return match["workflow_id"] if match else None


class Event(ApiModel):
    """One stored event; `envelope()` is what a subscriber receives."""

    workflow_id: str
    seq: int
    type: EventType
    data: dict[str, Any]
    at: datetime

    def envelope(self) -> dict[str, Any]:
        return {
            "channel": channel_for(self.workflow_id),
            "seq": self.seq,
            "type": self.type.value,
            "data": self.data,
            "at": iso(self.at),
        }


Change = tuple[EventType, dict[str, Any]]


def describe_change(before: Workflow, after: Workflow, steps: Sequence[WorkflowStep] = ()) -> list[Change]:
    """The events one write makes, in the order a watcher should see them.

    Steps first (a phase's step completes before the phase does), then phases and progress,
    then the workflow's own status. A write that changes nothing visible makes no event, so a
    repeated delivery of the same phase result adds nothing.
    """
    changes: list[Change] = [(EventType.STEP_UPDATE, step_data(step)) for step in steps]

    for phase in after.completed_phases:
        if phase not in before.completed_phases:
            changes.append((EventType.PHASE_COMPLETE, _phase_complete(phase, after)))
    if (before.progress_percentage, before.estimated_time) != (
        after.progress_percentage,
        after.estimated_time,
    ):
        changes.append((EventType.PROGRESS_UPDATE, progress_data(after)))

    if before.findings_etag != after.findings_etag and after.review is not None:
        changes.append(
            (
                EventType.FINDINGS_EDITED,
                {
                    "workflowId": after.id,
                    "fields": after.review.edited_fields,
                    "edits": after.review.edits,
                    "qaErrors": after.review.qa_errors,
                    "qaWarnings": after.review.qa_warnings,
                },
            )
        )
    for photo_id, receipt in after.photo_receipts.items():
        if before.photo_receipts.get(photo_id) != receipt:
            received = receipt == "RECEIVED"
            data = {"workflowId": after.id, "photoId": photo_id}
            changes.append(
                (EventType.PHOTO_RECEIVED, data)
                if received
                else (EventType.PHOTO_REJECTED, {**data, "errorCode": receipt})
            )
    if after.revision > before.revision:
        changes.append((EventType.REVISION_OPENED, {"workflowId": after.id, "revision": after.revision}))
    if len(after.signatures) > len(before.signatures):
        signature = after.signatures[-1]
        changes.append(
            (
                EventType.SIGNED,
                {
                    "workflowId": after.id,
                    "revision": signature.revision,
                    "name": signature.name,
                    "certification": signature.certification,
                },
            )
        )
    if before.status is not after.status:
        status_event = _status_change(before, after)
        if status_event is not None:
            changes.append(status_event)
    return [(kind, _bounded(data)) for kind, data in changes]


def record_change(current: Workflow, updated: Workflow, steps: Sequence[WorkflowStep]) -> list[Event]:
    """The events a write of `updated` over `current` makes, numbered after the record's last;
    `updated` gets its new `lastEventSeq`, `version` and `updatedAt`. Every WorkflowRecords
    adapter calls this, so their events agree."""
    now = utc_now()
    events = [
        Event(workflow_id=current.id, seq=current.last_event_seq + n, type=kind, data=data, at=now)
        for n, (kind, data) in enumerate(describe_change(current, updated, steps), start=1)
    ]
    updated.last_event_seq = current.last_event_seq + len(events)
    updated.version = current.version + 1
    updated.updated_at = now
    return events


def step_data(step: WorkflowStep) -> dict[str, Any]:
    return step.model_dump(
        mode="json",
        include={
            "step_number",
            "phase",
            "attempt",
            "status",
            "description",
            "started_at",
            "completed_at",
            "error_message",
            "runs",
        },
        exclude_none=True,
    )


def progress_data(workflow: Workflow) -> dict[str, Any]:
    return {
        "progressPercentage": workflow.progress_percentage,
        "estimatedTimeRemaining": workflow.estimated_time,
        "estimatedSecondsRemaining": workflow.estimated_seconds_remaining,
    }


def snapshot_data(workflow: Workflow, steps: Sequence[WorkflowStep]) -> dict[str, Any]:
    """Where the workflow is now: what a subscriber without `lastSeq` starts from."""
    fields = workflow.public()
    keep = (
        "id",
        "title",
        "status",
        "currentPhase",
        "completedPhases",
        "progressPercentage",
        "estimatedTime",
        "estimatedSecondsRemaining",
        "errorCode",
        "errorMessage",
        "outputData",
        "updatedAt",
    )
    data = {key: fields.get(key) for key in keep}
    data["workflowId"] = data.pop("id")
    data["steps"] = [step_data(step) for step in sorted(steps, key=lambda s: s.step_number)]
    return _bounded(data)


def _phase_complete(phase: OrchestratorPhase, workflow: Workflow) -> dict[str, Any]:
    index = PHASE_ORDER.index(phase)
    next_phase = PHASE_ORDER[index + 1].value if index + 1 < len(PHASE_ORDER) else None
    return {"phase": phase.value, "nextPhase": next_phase, "progressPercentage": workflow.progress_percentage}


def _status_change(before: Workflow, after: Workflow) -> Change | None:
    workflow_id = after.id
    status = after.status
    if status is WorkflowStatus.COMPLETED:
        return EventType.WORKFLOW_COMPLETE, {"workflowId": workflow_id, "outputData": after.output_data}
    if status is WorkflowStatus.FAILED:
        return EventType.WORKFLOW_FAILED, {
            "workflowId": workflow_id,
            "phase": after.current_phase.value,
            "errorCode": after.error_code,
            "errorMessage": after.error_message,
        }
    if status is WorkflowStatus.CANCELLED:
        return EventType.WORKFLOW_CANCELLED, {"workflowId": workflow_id, "phase": after.current_phase.value}
    if status is WorkflowStatus.PAUSED:
        return EventType.WORKFLOW_PAUSED, {"workflowId": workflow_id, "phase": after.current_phase.value}
    if status is WorkflowStatus.NEEDS_REVIEW and after.review is not None:
        return EventType.REVIEW_REQUIRED, {
            "workflowId": workflow_id,
            "reason": after.review.reason.value,
            "qaErrors": after.review.qa_errors,
            "qaWarnings": after.review.qa_warnings,
        }
    if before.status is WorkflowStatus.NEEDS_REVIEW and after.review is not None and after.review.approved_at:
        return EventType.APPROVED, {
            "workflowId": workflow_id,
            "approvedBy": after.review.approved_by,
            "overrides": len(after.review.overrides),
        }
    if before.status is WorkflowStatus.PAUSED:
        return EventType.WORKFLOW_RESUMED, {
            "workflowId": workflow_id,
            "phase": after.current_phase.value,
            "reason": "resume",
        }
    if before.status is WorkflowStatus.FAILED:
        return EventType.WORKFLOW_RESUMED, {
            "workflowId": workflow_id,
            "phase": after.current_phase.value,
            "reason": "retry",
            "retries": after.retries,
        }
    # PENDING -> IN_PROGRESS: the first step's STEP_UPDATE, in the same write, says it.
    return None


def _bounded(data: dict[str, Any]) -> dict[str, Any]:
    """Drop the bulky part of an oversized event; the client reads it with GET instead."""
    if len(json.dumps(data, default=str)) <= MAX_EVENT_BYTES:
        return data
    trimmed = {key: value for key, value in data.items() if key not in ("outputData", "steps")}
    trimmed["truncated"] = True
    return trimmed
