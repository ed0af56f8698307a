"""OCR of an input's scanned pages, through the `Ocr` port: what to read, the job kept between the
state machine's polls, and how its lines join the document's text.

A PDF whose pages have no usable text layer (extraction's `NeedsOcrError`, or its `ocr_pages`
for some pages) starts a job and INITIATION raises `OcrPendingError`; the state machine waits
(`AwaitOcr`) and runs INITIATION again, which polls the job recorded in `ocr.json` until it is
done. Nothing waits inside a Lambda. A photographed form (IMAGE) is read at once.

Each OCR line keeps its confidence (0-100) beside the page/line map (`pages.json`); a page whose
mean word confidence is under `ocr_min_confidence` gives a warning the reviewer sees (QA's
`OCR_LOW_CONFIDENCE`), never silent trust.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from chalicelib.core.ocr_pricing import cost_usd
from chalicelib.core.ports import OcrResult


@dataclass(frozen=True)
class PageLines:
    """One page of the input as the analysis reads it; `confidences` (one per line of `text`)
    when the page was read by OCR, None when it came from the file's own text."""

    page: int
    text: str
    confidences: tuple[float, ...] | None = None


@dataclass(frozen=True)
class OcrJob:
    """What INITIATION keeps in `ocr.json` while the engine reads: enough to finish without
    reading the file again."""

    job_id: str
    key: str
    version_id: str | None
    pages: tuple[int, ...]  # the pages OCR is to supply
    started_at: float  # epoch seconds
    text_pages: tuple[tuple[int, str], ...] = ()  # pages whose own text was usable
    warnings: tuple[str, ...] = ()  # extraction's warnings
    # The refusal extraction made (code, message) when no page had usable text: the workflow's
    # outcome if OCR finds no text either.
    refusal: tuple[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "jobId": self.job_id,
            "key": self.key,
            "versionId": self.version_id,
            "pages": list(self.pages),
            "startedAt": self.started_at,
            "textPages": [list(page) for page in self.text_pages],
            "warnings": list(self.warnings),
            "refusal": list(self.refusal) if self.refusal else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OcrJob:
        return cls(
            job_id=str(data["jobId"]),
            key=str(data["key"]),
            version_id=data.get("versionId"),
            pages=tuple(int(page) for page in data["pages"]),
            started_at=float(data["startedAt"]),
            text_pages=tuple((int(page), str(text)) for page, text in data.get("textPages", [])),
            warnings=tuple(str(warning) for warning in data.get("warnings", [])),
            refusal=(str(data["refusal"][0]), str(data["refusal"][1])) if data.get("refusal") else None,
        )

    def is_for(self, key: str, version_id: str | None) -> bool:
        return self.key == key and self.version_id == version_id

    def overdue(self, max_wait_seconds: float, now: float | None = None) -> bool:
        return (time.time() if now is None else now) - self.started_at > max_wait_seconds


def ocr_pages(result: OcrResult, wanted: Iterable[int]) -> list[PageLines]:
    """The wanted pages of an OCR result, each as lines with their confidences."""
    keep = set(wanted)
    return [
        PageLines(
            page=page.page,
            text="\n".join(line.text for line in page.lines),
            confidences=tuple(line.confidence for line in page.lines) or (page.confidence,),
        )
        for page in result.pages
        if page.page in keep
    ]


def merged(text_pages: Sequence[tuple[int, str]], read: Sequence[PageLines]) -> list[PageLines]:
    """The document's pages in order: its own text where usable, OCR's where not."""
    by_page = {page: PageLines(page, text) for page, text in text_pages}
    by_page.update({page.page: page for page in read})  # OCR read the pages the text layer failed
    return [by_page[number] for number in sorted(by_page)]


def kept_warnings(warnings: Iterable[str], read_pages: Iterable[int]) -> list[str]:
    """Extraction's warnings, less those saying a page's text was unreadable when OCR read it."""
    openings = tuple(f"The text of page {page} of the PDF could not be read" for page in read_pages)
    return [warning for warning in warnings if not warning.startswith(openings)]


def confidence_warnings(result: OcrResult, wanted: Iterable[int], threshold: float) -> list[str]:
    """A sentence for each page read with words but under the confidence threshold."""
    keep = set(wanted)
    return [
        f"Page {page.page} was read from its image (OCR) with {page.confidence:.0f}% confidence, "
        f"under the {threshold:.0f}% this service trusts: check its facts against the scan."
        for page in result.pages
        if page.page in keep and page.lines and page.confidence < threshold
    ]


def summary(result: OcrResult, wanted: Iterable[int]) -> dict[str, Any]:
    """What the step outcome and `pages.json` record: engine, pages, cost, confidence."""
    keep = [page for page in result.pages if page.page in set(wanted)]
    return {
        "engine": result.engine,
        "pagesRead": len(keep),
        "pagesBilled": result.pages_billed,
        "costUsd": cost_usd(result.engine, result.pages_billed),
        "lowestConfidence": min((page.confidence for page in keep if page.lines), default=None),
    }
