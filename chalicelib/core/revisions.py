"""Revisions: a signed report never changes; a change after signing is the next revision.

Opening revision N+1 of a signed workflow starts a new execution at review (the state machine's
`resumeFrom: REVIEW`): a DRAFT of the findings as they stand, edits, approval, the final report,
and its own sign-off. Every signed revision keeps its files and their hashes, and stays
downloadable (`GET .../report?revision=N`).
"""

from __future__ import annotations

from typing import Any

from chalicelib.core.errors import ConflictError, NotFoundError
from chalicelib.core.models import Workflow, WorkflowStatus
from chalicelib.core.ports import Ports
from chalicelib.core.signoff import current_signature
from chalicelib.settings import get_settings


def open_revision(ports: Ports, workflow: Workflow) -> Workflow:
    if workflow.status is not WorkflowStatus.COMPLETED or current_signature(workflow) is None:
        raise ConflictError(
            "A revision is opened on a signed report; until it is signed, edit it in review",
            code="NOT_SIGNED",
        )
    # A fresh analysis attempt number, so the revision's OUTPUT step is a step of its own.
    attempt = max((step.attempt for step in ports.workflows.list_steps(workflow.id)), default=1) + 1
    opened: list[int] = []

    def to_revision(record: Workflow) -> None:
        if record.status is not WorkflowStatus.COMPLETED or current_signature(record) is None:
            raise ConflictError("The workflow changed; read it again", code="NOT_SIGNED")
        record.revision += 1
        record.status = WorkflowStatus.IN_PROGRESS
        record.completed_at = None
        record.execution_name = f"{record.id}-rev{record.revision}"
        record.review = None
        opened[:] = [record.revision]

    updated = ports.workflows.update(workflow.id, to_revision)
    assert updated.execution_name is not None
    ports.engine.start(
        workflow.id,
        workflow.user_id,
        execution_name=updated.execution_name,
        resume_from="REVIEW",
        attempt=attempt,
        extra={"reviewTimeoutSeconds": get_settings().review_timeout_seconds},
    )
    return updated


def list_revisions(workflow: Workflow) -> list[dict[str, Any]]:
    """Every revision: the signed ones with their signer and files' hashes, then the open one."""
    listed: list[dict[str, Any]] = []
    for signature in sorted(workflow.signatures, key=lambda s: s.revision):
        listed.append(
            {
                "revision": signature.revision,
                "state": "SIGNED",
                "signedAt": signature.signed_at.isoformat().replace("+00:00", "Z"),
                "name": signature.name,
                "role": signature.role,
                "certification": signature.certification,
                "files": {ext: {"sha256": f.sha256} for ext, f in sorted(signature.files.items())},
            }
        )
    if current_signature(workflow) is None:
        listed.append({"revision": workflow.revision, "state": "OPEN", "status": workflow.status.value})
    return listed


def signed_file_key(workflow: Workflow, revision: int, report_format: str) -> str:
    """The stored file of a signed revision, or NotFoundError."""
    for signature in workflow.signatures:
        if signature.revision == revision and report_format in signature.files:
            return signature.files[report_format].key
    raise NotFoundError(f"Revision {revision} has no signed report", code="REVISION_NOT_FOUND")
