"""Sign-off: a qualified person stands behind a revision of the final report.

Signing renders the report once more with the signature block, stores it as that revision's own
files (`reports/.../rev-<n>/`) and records the SHA-256 of each, so anyone can check that a file
is the one that was signed. A signed revision never changes: what comes after it is a new
revision, with its own review and sign-off.

Only a person with a current certification on file may sign (#22), and the signature prints that
certification, not one typed at signing: who may sign is the policy's (`Action.SIGN`), what
qualifies them is their record (`organisations.set_certification`).
"""

from __future__ import annotations

from chalicelib.core.errors import ConflictError, ForbiddenError
from chalicelib.core.models import (
    Signature,
    SignedFile,
    SignRequest,
    Workflow,
    WorkflowStatus,
    utc_now,
)
from chalicelib.core.ports import Ports


def current_signature(workflow: Workflow) -> Signature | None:
    """The signature of the workflow's current revision, if it is signed."""
    return next((s for s in workflow.signatures if s.revision == workflow.revision), None)


def signer_certification(ports: Ports, signer: str) -> str:
    """The signer's certification as the report prints it; ForbiddenError without a current one."""
    on_file = ports.organisations.certification(signer)
    if on_file is None:
        raise ForbiddenError(
            "Only a person with a certification on file may sign: add yours first",
            code="CERTIFICATION_REQUIRED",
        )
    if not on_file.is_current(utc_now().date()):
        raise ForbiddenError(
            f"Your certification expired on {on_file.expires_on.isoformat()}: renew it to sign",
            code="CERTIFICATION_EXPIRED",
        )
    return on_file.printed()


def sign(ports: Ports, workflow: Workflow, signer: str, request: SignRequest) -> Workflow:
    certification = signer_certification(ports, signer)
    if workflow.status is not WorkflowStatus.COMPLETED:
        raise ConflictError(
            f"A report is signed once it is final (COMPLETED); this one is {workflow.status.value}",
            code="NOT_COMPLETED",
        )
    if current_signature(workflow) is not None:
        raise ConflictError(
            f"Revision {workflow.revision} is signed already; a change needs a new revision",
            code="ALREADY_SIGNED",
        )
    signature = Signature(
        revision=workflow.revision,
        name=request.name,
        role=request.role,
        certification=certification,
        statement=request.statement,
        signed_at=utc_now(),
        signed_by=signer,
    )
    from chalicelib.report.files import render_report_files  # deferred: the renderers

    rendered = render_report_files(ports, workflow, signature=signature)
    signature = signature.model_copy(
        update={
            "files": {
                extension: SignedFile(key=key, sha256=rendered.sha256[extension])
                for extension, key in rendered.keys.items()
            }
        }
    )

    def to_signed(record: Workflow) -> None:
        # Whoever signed first wins; the other signer is told, and nothing of theirs is kept.
        if record.status is not WorkflowStatus.COMPLETED or record.revision != signature.revision:
            raise ConflictError("The workflow changed while it was being signed", code="NOT_COMPLETED")
        if current_signature(record) is not None:
            raise ConflictError(f"Revision {record.revision} is signed already", code="ALREADY_SIGNED")
        record.signatures = [*record.signatures, signature]

    return ports.workflows.update(workflow.id, to_signed)
