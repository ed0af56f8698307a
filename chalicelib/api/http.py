"""The HTTP edge: request parsing and the one mapping from errors to `{"error": ...}`."""

from __future__ import annotations

import functools
import json
import re
import uuid
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, TypeVar

from chalice.app import ChaliceViewError, Response
from pydantic import BaseModel

from chalicelib.api.errors import from_port_error, headers_of, status_of
from chalicelib.core.errors import AppError, InvalidRequestError
from chalicelib.core.validation import validated
from chalicelib.logs import logger

ModelT = TypeVar("ModelT", bound=BaseModel)
JSON_HEADERS = {"Content-Type": "application/json"}
API_PREFIX = "/api/orchestrator"


class RouteDoc(NamedTuple):
    """What a route declares about itself on `app.api(...)`, for its OpenAPI operation."""

    operation_id: str  # its entry in api/operations.py
    people_only: bool  # a signed-in person only, never an API key


def parse_model(model: type[ModelT], data: Any, what: str = "request body") -> ModelT:
    if not isinstance(data, Mapping):
        raise InvalidRequestError(f"The {what} must be a JSON object", code="INVALID_BODY")
    return validated(model, data, message=f"The {what} is not valid", code="VALIDATION_ERROR")


def json_body_of(raw: bytes | None) -> Any:
    """A request body parsed as JSON whatever its JSON media type (a patch's included)."""
    try:
        return json.loads(raw or b"null")
    except (ValueError, RecursionError):
        raise InvalidRequestError("The body is not JSON", code="BAD_REQUEST") from None


def json_response(body: Any, status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    if isinstance(body, BaseModel):
        body = body.model_dump(mode="json")
    return Response(
        body=json.dumps(body), status_code=status_code, headers={**JSON_HEADERS, **(headers or {})}
    )


def text_download(body: str, content_type: str, file_name: str) -> Response:
    """A file answered in the body (a CSV, say), named for the browser's download."""
    headers: dict[str, str | list[str]] = {
        "Content-Type": content_type,
        "Content-Disposition": f'attachment; filename="{file_name}"',
    }
    return Response(body=body, status_code=200, headers=headers)


def error_response(exc: Exception) -> Response:
    if isinstance(exc, AppError):
        return json_response(exc.to_body(), status_of(exc), headers_of(exc))
    mapped = from_port_error(exc)
    if mapped is not None:
        error, status, headers = mapped
        if status >= 500:
            logger.warning("A dependency is unavailable", exc_info=exc)
        return json_response(error.to_body(), status, headers)
    if isinstance(exc, RecursionError):
        # Chalice's json_body parses with json.loads, which recurses once per nesting level.
        nested = InvalidRequestError("The JSON body is nested too deeply", code="BAD_REQUEST")
        return json_response(nested.to_body(), status_of(nested))
    if isinstance(exc, ChaliceViewError):
        # e.g. a body that is not JSON at all, raised by Chalice's json_body.
        return json_response(
            {"error": {"code": _error_code(type(exc).__name__), "message": str(exc)}}, exc.STATUS_CODE
        )
    # The user gets what to do and a reference; the logs get the exception under that reference
    reference = uuid.uuid4().hex[:12]
    logger.exception("Unhandled error", extra={"reference": reference})
    message = (
        "Something went wrong on our side. Try again; if it keeps failing, contact support with the "
        f"reference {reference}."
    )
    return json_response(
        {"error": {"code": "INTERNAL_ERROR", "message": message, "reference": reference}}, 500
    )


def json_errors(view: Callable[..., Response]) -> Callable[..., Response]:
    """Let a view raise; answer its errors in the API's one error shape."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Response:
        try:
            return view(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - every error becomes a JSON answer
            return error_response(exc)

    return wrapper


def normalize_gateway_error(response: Response) -> Response:
    """Chalice's own answers (unknown route, wrong method, media type) in our error shape."""
    body = response.body
    if response.status_code >= 400 and isinstance(body, dict) and set(body) == {"Code", "Message"}:
        return json_response(
            {"error": {"code": _error_code(str(body["Code"])), "message": body["Message"]}},
            response.status_code,
        )
    return response


def _error_code(class_name: str) -> str:
    """Chalice's `MethodNotAllowedError` -> `METHOD_NOT_ALLOWED`, our codes' style."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", class_name.removesuffix("Error")).upper()
