"""Domain errors: each carries a stable error code and a message a user can act on.

The domain raises these and never decides an HTTP status: the edge maps each class to one
(`api/errors.py`), once. The errors the ports raise (a condition that was false, throttling, a
missing document) are the ports' own (`core/ports.py`).
"""

from __future__ import annotations

from typing import Any, ClassVar


class AppError(Exception):
    code: ClassVar[str] = "INTERNAL_ERROR"

    def __init__(self, message: str, *, code: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code  # type: ignore[misc]  # per-instance override of the class default
        self.details = details

    def to_body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


class InvalidRequestError(AppError):
    code = "INVALID_REQUEST"


class UnauthorizedError(AppError):
    code = "UNAUTHORIZED"


class ForbiddenError(AppError):
    code = "FORBIDDEN"


class NotFoundError(AppError):
    code = "NOT_FOUND"


class ConflictError(AppError):
    code = "CONFLICT"


class PayloadTooLargeError(AppError):
    code = "PAYLOAD_TOO_LARGE"


class UnsupportedMediaTypeError(AppError):
    code = "UNSUPPORTED_MEDIA_TYPE"


class PreconditionRequiredError(AppError):
    """A write that must name the version it was made from (If-Match) did not."""

    code = "PRECONDITION_REQUIRED"


class RateLimitedError(AppError):
    code = "RATE_LIMITED"

    def __init__(self, retry_after_seconds: int) -> None:
        super().__init__(f"Too many requests; try again in {retry_after_seconds} s")
        self.retry_after_seconds = retry_after_seconds


class WorkflowNotFoundError(NotFoundError):
    code = "WORKFLOW_NOT_FOUND"

    def __init__(self, workflow_id: str) -> None:
        # Same answer whether the id does not exist or belongs to someone else.
        super().__init__(f"Workflow {workflow_id} not found")


class VersionConflictError(ConflictError):
    """`If-Match` named a stale version, or racing writers never let a write through."""

    code = "VERSION_CONFLICT"


class TransientError(Exception):
    """A dependency failed in a way worth retrying (throttling, timeouts).

    The state machine's Retry matches this class name, and `Throttled` (`core/ports.py`), the
    ports' kind of it.
    """


class WorkflowStoppedError(Exception):
    """The workflow was cancelled (or deleted) while a phase was queued: the phase does nothing.

    The state machine catches this class name and ends the execution without marking FAILED.
    """


class ResumeAt(Exception):
    """A retry or a new revision starts at a later phase: INITIATION answers with the subclass
    for that phase at once, and the state machine's Catch goes there with the input unchanged
    (a Choice state at the start would cost every workflow a transition; docs/adr/0011)."""


class ResumeAtProcessing(ResumeAt):
    pass


class ResumeAtQa(ResumeAt):
    pass


class ResumeAtOutput(ResumeAt):
    pass


class ResumeAtReview(ResumeAt):
    pass


class PauseRequestedError(Exception):
    """A pause was asked for: the phase does not start, and the state machine catches this class
    name to wait at the pause point before it (then runs the phase on resume)."""


class PauseWithdrawnError(Exception):
    """The pause was withdrawn before the execution reached it: the state machine goes on."""


class ScanPendingError(Exception):
    """The upload's malware scan has no verdict yet (GuardDuty scans asynchronously).

    The state machine retries INITIATION on this class name, with its own patient backoff.
    """


class OcrPendingError(Exception):
    """An OCR job on the input's scanned pages is still running.

    INITIATION's Catch sends the execution to a Wait state (`AwaitOcr`, `ocrPollSeconds`), which
    runs INITIATION again to poll the job: no Lambda waits (docs/adr/0018-ocr.md).
    """


class InputRejectedError(Exception):
    """The inspection input cannot be processed; retrying will not help.

    The phase records `code` and `message` on the workflow itself (the user sees both), then
    the state machine's Catch finds the workflow already FAILED.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
