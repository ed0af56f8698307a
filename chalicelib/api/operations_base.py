"""An operation of the HTTP API as the OpenAPI document describes it (`operations.py` and
`operations_orgs.py` list them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaValue

from chalicelib.core.models import RequestModel


@dataclass(frozen=True)
class Answer:
    """A successful answer: its status, model and headers."""

    status: int
    description: str
    # One model, or several the answer is one of; None for a free-form `schema`.
    models: tuple[type[BaseModel], ...] = ()
    schema: JsonSchemaValue | None = None
    headers: tuple[str, ...] = ()
    # Other media types the answer may come in (a CSV, say), with their schemas.
    other_media: dict[str, JsonSchemaValue] = field(default_factory=dict)


@dataclass(frozen=True)
class Operation:
    operation_id: str
    summary: str
    tag: str
    answer: Answer
    # Error codes by status, besides the ones every route can answer (see `_error_codes`).
    errors: dict[int, tuple[str, ...]] = field(default_factory=dict)
    description: str | None = None
    body: type[RequestModel] | None = None
    body_examples: dict[str, Any] = field(default_factory=dict)
    # A body no request model describes, by media type (a patch, say).
    raw_body: dict[str, JsonSchemaValue] = field(default_factory=dict)
    query: type[RequestModel] | None = None
    # Query parameters no model describes (the route reads them itself).
    query_parameters: tuple[JsonSchemaValue, ...] = ()
    headers: tuple[JsonSchemaValue, ...] = ()
