"""Page numbers for the findings of a document: the analyzer reads lines, reports cite pages, and
OCR's confidence in a line read from a scan or photo."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from chalicelib.analysis.findings import SourceSpan

ModelT = TypeVar("ModelT", bound=BaseModel)


def with_pages(
    model: ModelT, line_pages: list[int], line_confidences: list[float | None] | None = None
) -> ModelT:
    """A copy of `model` whose every SourceSpan also names the page its line is on, and OCR's
    confidence in that line where `line_confidences` has one."""
    confidences = line_confidences or []
    updates = {
        name: _cite(getattr(model, name), line_pages, confidences) for name in type(model).model_fields
    }
    return model.model_copy(update=updates)


def _cite(value: Any, line_pages: list[int], confidences: list[float | None]) -> Any:
    if isinstance(value, SourceSpan):
        if value.line is None:
            return value  # a reviewer's entry: on no page
        index = value.line - 1
        page = line_pages[index] if 0 <= index < len(line_pages) else None
        confidence = confidences[index] if 0 <= index < len(confidences) else None
        return value.model_copy(update={"page": page, "ocr_confidence": confidence})
    if isinstance(value, BaseModel):
        return with_pages(value, line_pages, confidences)
    if isinstance(value, list):
        return [_cite(item, line_pages, confidences) for item in value]
    return value
