"""Turn progress envelopes into one line of text each, for a terminal or a log.

Pure functions over plain dicts, so the CLI's output is unit-tested without a server. An event
only carries what changed (a STEP_UPDATE has no percentage), so `ProgressView` remembers the
latest known state and each line shows it:

    [#########...........]  45%  PROCESSING  STEP_UPDATE step 2 COMPLETED  ~5 min left
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

BAR_WIDTH = 20
PHASE_WIDTH = 10  # the longest phase names, INITIATION and PROCESSING

# What the workflow's status is once such an event has happened.
STATUS_AFTER = {
    "WORKFLOW_COMPLETE": "COMPLETED",
    "WORKFLOW_FAILED": "FAILED",
    "WORKFLOW_CANCELLED": "CANCELLED",
    "WORKFLOW_PAUSED": "PAUSED",
    "WORKFLOW_RESUMED": "IN_PROGRESS",
    "REVIEW_REQUIRED": "NEEDS_REVIEW",
    "APPROVED": "IN_PROGRESS",
}


@dataclass(frozen=True)
class ProgressView:
    """What the watcher knows of the workflow so far."""

    workflow_id: str | None = None
    status: str | None = None
    phase: str | None = None
    percentage: int = 0
    seconds_remaining: int | None = None

    def after(self, envelope: dict[str, Any]) -> ProgressView:
        """The view once `envelope` has happened."""
        kind = envelope.get("type")
        data = envelope.get("data") or {}
        view = self
        if kind == "SNAPSHOT":
            view = replace(
                view,
                workflow_id=data.get("workflowId", view.workflow_id),
                status=data.get("status", view.status),
                phase=data.get("currentPhase", view.phase),
                seconds_remaining=data.get("estimatedSecondsRemaining"),
            )
        elif kind in ("STEP_UPDATE", "WORKFLOW_FAILED", "WORKFLOW_PAUSED", "WORKFLOW_RESUMED"):
            view = replace(view, phase=data.get("phase", view.phase))
        elif kind == "PHASE_COMPLETE":
            view = replace(view, phase=data.get("nextPhase") or data.get("phase", view.phase))
        elif kind == "PROGRESS_UPDATE":
            view = replace(view, seconds_remaining=data.get("estimatedSecondsRemaining"))
        if isinstance(data.get("progressPercentage"), int):
            view = replace(view, percentage=data["progressPercentage"])
        if isinstance(data.get("workflowId"), str):
            view = replace(view, workflow_id=data["workflowId"])
        if kind in STATUS_AFTER:
            view = replace(view, status=STATUS_AFTER[kind])
        if kind == "STEP_UPDATE" and view.status in (None, "PENDING"):
            view = replace(view, status="IN_PROGRESS")  # the first step's update starts it
        return view


def progress_bar(percentage: int, width: int = BAR_WIDTH) -> str:
    """`[#####...............]`: rounded down, so the bar is full only at 100%."""
    clamped = max(0, min(100, percentage))
    filled = clamped * width // 100
    return "[" + "#" * filled + "." * (width - filled) + "]"


def time_left(seconds: int | None) -> str:
    """The remaining time in the server's own coarse wording, or "" when unknown or done."""
    if seconds is None or seconds <= 0:
        return ""
    if seconds < 60:
        return "<1 min left"
    return f"~{round(seconds / 60)} min left"


def describe_event(envelope: dict[str, Any]) -> str:
    """The event in a few words: its type and what it says."""
    kind = str(envelope.get("type", "?"))
    data = envelope.get("data") or {}
    if kind == "SNAPSHOT":
        return f"SNAPSHOT {data.get('status', '?')}"
    if kind == "STEP_UPDATE":
        text = f"STEP_UPDATE step {data.get('stepNumber', '?')} {data.get('status', '?')}"
        if isinstance(data.get("attempt"), int) and data["attempt"] > 1:
            text += f" (attempt {data['attempt']})"
        if data.get("errorMessage"):
            text += f": {data['errorMessage']}"
        return text
    if kind == "PHASE_COMPLETE":
        return f"PHASE_COMPLETE {data.get('phase', '?')} -> {data.get('nextPhase') or 'done'}"
    if kind == "WORKFLOW_FAILED":
        code, message = data.get("errorCode") or "ERROR", data.get("errorMessage") or ""
        return f"WORKFLOW_FAILED {code}: {message}".rstrip()
    if kind == "WORKFLOW_RESUMED":
        reason = data.get("reason", "resume")
        retries = data.get("retries")
        return f"WORKFLOW_RESUMED ({reason}{f' {retries}' if retries is not None else ''})"
    return kind


def format_line(view: ProgressView, envelope: dict[str, Any]) -> str:
    """One line for `envelope`; `view` is the state after it (`ProgressView.after`)."""
    parts = [
        progress_bar(view.percentage),
        f"{view.percentage:3d}%",
        (view.phase or "-").ljust(PHASE_WIDTH),
        describe_event(envelope),
    ]
    eta = time_left(view.seconds_remaining)
    # The estimate comes in its own event after the phase's; at 100% it is stale, not news.
    if eta and view.percentage < 100 and view.status not in ("COMPLETED", "FAILED", "CANCELLED"):
        parts.append(eta)
    return "  ".join(parts).rstrip()


def format_outcome(view: ProgressView, envelope: dict[str, Any]) -> str:
    """The closing line, after the final envelope (an event, or a SNAPSHOT of a finished one)."""
    data = envelope.get("data") or {}
    name = f"Workflow {view.workflow_id}" if view.workflow_id else "The workflow"
    if view.status == "COMPLETED":
        output = data.get("outputData") or {}
        reports = output.get("reports") or {}
        # PDF and Word are rendered when first downloaded: OUTPUT lists them apart ("onRequest").
        on_request = output.get("onRequest") or []
        available = (
            sorted({*reports, *on_request})
            if isinstance(reports, dict) and isinstance(on_request, list)
            else []
        )
        formats = f" Reports: {', '.join(available)}." if available else ""
        return f"{name} completed.{formats}"
    if view.status == "FAILED":
        code = data.get("errorCode") or "ERROR"
        message = data.get("errorMessage") or "no details"
        return f"{name} failed in {view.phase or '?'}: {code}: {message}"
    if view.status == "CANCELLED":
        return f"{name} was cancelled in {view.phase or '?'}."
    if view.status == "NEEDS_REVIEW":
        errors = data.get("qaErrors")
        found = f" QA found {errors} error(s)." if isinstance(errors, int) and errors else ""
        return f"{name} needs review:{found} Its draft report is ready; approve it to get the final one."
    return f"{name} is {view.status or 'in an unknown state'}; stopped watching."
