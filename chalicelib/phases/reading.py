"""INITIATION's reading of an uploaded input: a PDF or Word file's text, and OCR where a PDF's
pages have no usable text (a scan) or the input is a photographed form (IMAGE).

The file is scanned for malware before anything parses it. A PDF that needs OCR starts a job on
the `Ocr` port, records it in `ocr.json` and raises `OcrPendingError`: the state machine waits
and runs INITIATION again, which lands here and polls the job (`core/ocr.py`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from chalicelib.core import ocr
from chalicelib.core.documents import WorkFile, work_key
from chalicelib.core.errors import InputRejectedError, OcrPendingError
from chalicelib.core.models import InputMethod, Workflow
from chalicelib.core.ports import NotFound, OcrFailedError, OcrResult, Ports
from chalicelib.core.scanning import check_upload
from chalicelib.extract.sniff import Container, sniff
from chalicelib.logs import logger
from chalicelib.settings import Settings, get_settings

OCR_FOUND_NOTHING = (
    "This PDF has no text we can read, even by text recognition (OCR) of its pages: the scan may be "
    "blank, too faint or too small. Scan the paper again more clearly, or upload the PDF exported from "
    "your report software or the Word document itself."
)


@dataclass
class ReadInput:
    pages: list[ocr.PageLines]
    warnings: list[str] = field(default_factory=list)  # what was left out (a damaged page...)
    ocr_warnings: list[str] = field(default_factory=list)  # pages OCR read with low confidence
    ocr: dict[str, Any] | None = None  # engine, pages, cost (core/ocr.summary)


def read_upload(ports: Ports, workflow: Workflow, key: str, version_id: str | None) -> ReadInput:
    settings = get_settings()
    job_key = work_key(workflow.user_id, workflow.id, WorkFile.OCR)
    job = _recorded_job(ports, job_key, key, version_id)
    if job is not None:
        return _poll(ports, job, settings)
    data = _checked_bytes(ports, key, version_id, settings)
    sniffed = sniff(data)
    if sniffed.container is Container.IMAGE and settings.ocr_engine != "off":
        return _read_image(ports, data, settings)  # an IMAGE, or a photo sent as the document
    if workflow.input_method is InputMethod.IMAGE:
        kind = sniffed.description or "not a file type we read"
        raise InputRejectedError(
            "UNSUPPORTED_FILE_TYPE", f"The file is {kind}; an IMAGE upload is a JPEG, PNG or HEIC photo"
        )
    document_pages, warnings, wanted, refusal = _extract(workflow.input_method, data, settings)
    if not wanted:
        return ReadInput([ocr.PageLines(page, text) for page, text in document_pages], warnings)
    job = ocr.OcrJob(
        job_id=_ocr_call(lambda: ports.ocr.start_pdf(key, version_id, wanted)),
        key=key,
        version_id=version_id,
        pages=tuple(wanted),
        started_at=time.time(),
        text_pages=tuple(document_pages),
        warnings=tuple(warnings),
        refusal=refusal,
    )
    ports.blobs.put_json(job_key, job.to_json())
    logger.info("OCR started", extra={"workflowId": workflow.id, "pages": len(wanted)})
    raise OcrPendingError(f"OCR of {len(wanted)} page(s) started")


def _recorded_job(ports: Ports, job_key: str, key: str, version_id: str | None) -> ocr.OcrJob | None:
    try:
        job = ocr.OcrJob.from_json(ports.blobs.get_json(job_key))
    except NotFound:
        return None
    # A job for another file (a re-upload before a retry) is not this one's.
    return job if job.is_for(key, version_id) else None


def _poll(ports: Ports, job: ocr.OcrJob, settings: Settings) -> ReadInput:
    result = _ocr_call(lambda: ports.ocr.pdf_result(job.job_id))
    if result is None:
        if job.overdue(settings.ocr_max_wait_seconds):
            raise InputRejectedError(
                "OCR_TIMED_OUT",
                f"Reading the scanned pages took longer than {settings.ocr_max_wait_seconds} seconds",
            )
        raise OcrPendingError(f"OCR job of {len(job.pages)} page(s) still running")
    read = ocr.ocr_pages(result, job.pages)
    pages = ocr.merged(job.text_pages, read)
    if job.refusal is not None and not any(page.text.strip() for page in pages):
        # A scan OCR finds no words on either: extraction's code, and a message that says so.
        raise InputRejectedError(job.refusal[0], OCR_FOUND_NOTHING)
    return ReadInput(
        pages,
        ocr.kept_warnings(job.warnings, [page.page for page in read]),
        ocr.confidence_warnings(result, job.pages, settings.ocr_min_confidence),
        ocr.summary(result, job.pages),
    )


def _read_image(ports: Ports, data: bytes, settings: Settings) -> ReadInput:
    from chalicelib.extract.images import Limits, PhotoRejectedError, check_photo  # deferred: Pillow

    try:
        # Upright per EXIF, flattened, re-encoded as JPEG (HEIC decoded): what every engine reads.
        image = check_photo(data, Limits(max_pixels=settings.max_photo_pixels, max_side=4000, quality=92))
    except PhotoRejectedError as rejected:
        raise InputRejectedError(rejected.code, rejected.message) from rejected
    result: OcrResult = _ocr_call(lambda: ports.ocr.read_image(image.report_jpeg))
    return ReadInput(
        ocr.ocr_pages(result, [1]),
        [],
        ocr.confidence_warnings(result, [1], settings.ocr_min_confidence),
        ocr.summary(result, [1]),
    )


def _extract(
    method: InputMethod, data: bytes, settings: Settings
) -> tuple[list[tuple[int, str]], list[str], list[int], tuple[str, str] | None]:
    """The pages with usable text, extraction's warnings, the pages OCR must read, and the
    refusal extraction made when none had usable text."""
    from chalicelib.extract import (  # deferred: pypdf and lxml load only here
        DocumentKind,
        DocumentRejectedError,
        ExtractLimits,
        NeedsOcrError,
        extract_document,
    )

    kind = DocumentKind.PDF if method is InputMethod.PDF else DocumentKind.DOCX
    limits = ExtractLimits(max_bytes=settings.max_upload_bytes, max_pdf_pages=settings.max_pdf_pages)
    try:
        document = extract_document(data, kind, limits)
    except NeedsOcrError as scanned:
        if settings.ocr_engine == "off":
            raise InputRejectedError(str(scanned.code), scanned.message) from scanned
        return [], [], list(scanned.pages), (str(scanned.code), scanned.message)
    except DocumentRejectedError as rejected:
        raise InputRejectedError(str(rejected.code), rejected.message) from rejected
    pages = [(page.page, page.text) for page in document.pages if page.page not in document.ocr_pages]
    wanted = [] if settings.ocr_engine == "off" else list(document.ocr_pages)
    if not wanted:
        pages = [(page.page, page.text) for page in document.pages]
    return pages, list(document.warnings), wanted, None


def _checked_bytes(ports: Ports, key: str, version_id: str | None, settings: Settings) -> bytes:
    blobs = ports.blobs
    size = blobs.size_of(key, version_id)
    if size is None:
        raise InputRejectedError("UPLOAD_MISSING", "The uploaded file could not be found")
    if size > settings.max_upload_bytes:
        # The upload policy already refuses this on S3; checked again before reading it.
        raise InputRejectedError(
            "FILE_TOO_LARGE", f"The file has {size} bytes; the limit is {settings.max_upload_bytes}"
        )
    try:
        data = blobs.get_bytes(key, version_id)
    except NotFound as gone:  # removed between the two reads
        raise InputRejectedError("UPLOAD_MISSING", "The uploaded file could not be found") from gone
    # Nothing parses a file before the scanner has passed it.
    check_upload(ports.scanner, key, data, version_id)
    return data


def _ocr_call(call: Any) -> Any:
    try:
        return call()
    except OcrFailedError as failed:
        raise InputRejectedError("OCR_FAILED", str(failed)) from failed
