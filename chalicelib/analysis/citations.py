"""Page numbers for the findings of a document: the analyzer reads lines, reports cite pages."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from chalicelib.analysis.findings import SourceSpan

ModelT = TypeVar("ModelT", bound=BaseModel)


def with_pages(model: ModelT, line_pages: list[int]) -> ModelT:
    """A copy of `model` whose every SourceSpan also names the page its line is on."""
    updates = {name: _cite(getattr(model, name), line_pages) for name in type(model).model_fields}
    return model.model_copy(update=updates)


def _cite(value: Any, line_pages: list[int]) -> Any:
    if isinstance(value, SourceSpan):
        if value.line is None:
            return value  # a reviewer's entry: on no page
        page = line_pages[value.line - 1] if 0 < value.line <= len(line_pages) else None
        return value.model_copy(update={"page": page})
    if isinstance(value, BaseModel):
        return with_pages(value, line_pages)
    if isinstance(value, list):
        return [_cite(item, line_pages) for item in value]
    return value
