"""Validating untrusted data against a model: a pydantic error becomes a 400 with the details."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from chalicelib.core.errors import InvalidRequestError

ModelT = TypeVar("ModelT", bound=BaseModel)


def validated(model: type[ModelT], data: Any, *, message: str, code: str) -> ModelT:
    """`model` from `data`, or InvalidRequestError(code) naming the first problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidRequestError(
            f"{message}: {_first_problem(exc)}",
            code=code,
            details=exc.errors(include_url=False, include_context=False, include_input=False),
        ) from exc


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    location = ".".join(str(part) for part in error["loc"]) or "body"
    return f"{location}: {error['msg']}"
