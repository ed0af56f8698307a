"""INITIATION: check the input and turn it into the plain text the analysis reads.

TEXT is taken as typed. A PDF or DOCX is first scanned for malware (`scanning.py`), then
validated from its bytes (type, size, encryption, corruption, zip bombs, macros, a text
layer) and then extracted; a rejected file fails the workflow with its own error code and
leaves the upload in place.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.errors import (
    InputRejectedError,
    ResumeAt,
    ResumeAtOutput,
    ResumeAtProcessing,
    ResumeAtQa,
    ResumeAtReview,
)
from chalicelib.core.models import InputMethod, OrchestratorPhase, Workflow
from chalicelib.core.ports import NotFound, Ports
from chalicelib.core.scanning import check_upload
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
from chalicelib.settings import get_settings
from chalicelib.unicode_text import repair_unicode

# The execution input's `resumeFrom` -> the error whose Catch goes to that state.
RESUME_POINTS: dict[str, type[ResumeAt]] = {
    "PROCESSING": ResumeAtProcessing,
    "QA": ResumeAtQa,
    "OUTPUT": ResumeAtOutput,
    "REVIEW": ResumeAtReview,
}


def handle(ports: Ports, event: dict[str, Any]) -> dict[str, Any]:
    resume_from = event.get("resumeFrom")
    if resume_from in RESUME_POINTS:
        raise RESUME_POINTS[resume_from](f"Resuming at {resume_from}")
    return run_phase(ports, OrchestratorPhase.INITIATION, event, prepare_input)


def prepare_input(ports: Ports, workflow: Workflow, state: ExecutionState) -> PhaseResult:
    blobs = ports.blobs
    data = workflow.input_data or {}
    line_pages: list[int] | None = None
    warnings: list[str] = []
    # TEXT as typed; API as the text form of the field app's structured inspection.
    if workflow.input_method in (InputMethod.TEXT, InputMethod.API) and "textKey" in data:
        text = normalize_text(blobs.get_text(str(data["textKey"])))
    elif workflow.input_method in (InputMethod.PDF, InputMethod.WORD) and "uploadKey" in data:
        # The version recorded at receipt, never whatever is current: a second POST of the same
        # form on AWS makes a new version of the key, and must not change what is read.
        version = data.get("uploadVersionId")
        pages, warnings = extract_upload(
            ports, workflow.input_method, str(data["uploadKey"]), str(version) if version else None
        )
        text = "\n".join(page_text for _, page_text in pages)
        line_pages = [page for page, page_text in pages for _ in page_text.split("\n")]
    else:
        raise InputRejectedError("NO_INPUT", f"This {workflow.input_method.value} workflow has no input yet")
    if not text.strip():
        raise InputRejectedError("EMPTY_INPUT", "The inspection has no text to analyse")
    blobs.put_text(work_key(workflow.user_id, workflow.id, WorkFile.TEXT), text)
    outcome: dict[str, Any] = {"characters": len(text), "lines": text.count("\n") + 1}
    if line_pages is not None:
        # `warnings`: what extraction left out (a damaged page), for PROCESSING to put in the findings.
        blobs.put_json(
            work_key(workflow.user_id, workflow.id, WorkFile.PAGES),
            {"linePages": line_pages, "warnings": warnings},
        )
        outcome["pages"] = max(line_pages, default=0)
    return PhaseResult(outcome=outcome)


def extract_upload(
    ports: Ports, method: InputMethod, key: str, version_id: str | None = None
) -> tuple[list[tuple[int, str]], list[str]]:
    """The document's pages (number, text), and the warnings of what was left out of them."""
    from chalicelib.extract import (  # deferred: pypdf and python-docx load only here
        DocumentKind,
        DocumentRejectedError,
        ExtractLimits,
        extract_document,
    )

    settings = get_settings()
    blobs = ports.blobs
    size = blobs.size_of(key, version_id)
    if size is None:
        raise InputRejectedError("UPLOAD_MISSING", "The uploaded file could not be found")
    if size > settings.max_upload_bytes:
        # The upload policy already refuses this on S3; checked again before reading it.
        raise InputRejectedError(
            "FILE_TOO_LARGE", f"The file has {size} bytes; the limit is {settings.max_upload_bytes}"
        )
    kind = DocumentKind.PDF if method is InputMethod.PDF else DocumentKind.DOCX
    limits = ExtractLimits(max_bytes=settings.max_upload_bytes, max_pdf_pages=settings.max_pdf_pages)
    try:
        data = blobs.get_bytes(key, version_id)
    except NotFound as gone:  # removed between the two reads
        raise InputRejectedError("UPLOAD_MISSING", "The uploaded file could not be found") from gone
    # Nothing parses a file before the scanner has passed it.
    check_upload(ports.scanner, key, data, version_id)
    try:
        document = extract_document(data, kind, limits)
    except DocumentRejectedError as rejected:
        raise InputRejectedError(str(rejected.code), rejected.message) from rejected
    return [(page.page, normalize_text(page.text)) for page in document.pages], list(document.warnings)


def normalize_text(text: str) -> str:
    """One Unicode form and one newline style, so line numbers cited later are stable; lone
    surrogates (a JSON "\\ud800" escape decodes to one) replaced, so the text can be stored."""
    text = unicodedata.normalize("NFC", repair_unicode(text)).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
