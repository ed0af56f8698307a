"""The one map from an error to its HTTP status (and headers). Nothing else decides a status.

Domain errors (`core/errors.py`) carry a code and a message; the ports' errors are mapped here
too, for the ones the domain lets through: a condition that stayed false under racing writers
is a conflict, a missing document is not found, a throttled dependency is "try again".
"""

from __future__ import annotations

from chalicelib.core.errors import (
    AppError,
    ConflictError,
    ForbiddenError,
    InvalidRequestError,
    NotFoundError,
    PayloadTooLargeError,
    PreconditionRequiredError,
    RateLimitedError,
    TransientError,
    UnauthorizedError,
    UnsupportedMediaTypeError,
)
from chalicelib.core.ports import ConditionFailed, NotFound

STATUS: dict[type[AppError], int] = {
    InvalidRequestError: 400,
    UnauthorizedError: 401,
    ForbiddenError: 403,
    NotFoundError: 404,
    ConflictError: 409,
    PayloadTooLargeError: 413,
    UnsupportedMediaTypeError: 415,
    PreconditionRequiredError: 428,
    RateLimitedError: 429,
}


def status_of(error: AppError) -> int:
    """The status of the error's nearest mapped class (a WorkflowNotFoundError is a 404)."""
    for kind in type(error).__mro__:
        if kind in STATUS:
            return STATUS[kind]
    return 500


def headers_of(error: AppError) -> dict[str, str]:
    if isinstance(error, RateLimitedError):
        return {"Retry-After": str(error.retry_after_seconds)}
    return {}


def from_port_error(error: Exception) -> tuple[AppError, int, dict[str, str]] | None:
    """A port error the domain did not handle, as the answer it means; None for any other."""
    if isinstance(error, ConditionFailed):
        conflict = ConflictError("The workflow changed while this request was handled; try again")
        return conflict, 409, {}
    if isinstance(error, NotFound):
        return NotFoundError("Not found", code="NOT_FOUND"), 404, {}
    if isinstance(error, TransientError):
        busy = AppError("The service is busy; try again in a moment", code="SERVICE_BUSY")
        return busy, 503, {"Retry-After": "1"}
    return None
