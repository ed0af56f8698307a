"""INITIATION: check the input and turn it into the plain text the analysis reads.

TEXT is taken as typed. A PDF, DOCX or photographed form (IMAGE) is first scanned for malware
(`scanning.py`), then validated from its bytes (type, size, encryption, corruption, zip bombs,
macros, a text layer) and then extracted (`reading.py`), by OCR where it has no usable text; a
rejected file fails the workflow with its own error code and leaves the upload in place.
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
from chalicelib.core.models import UPLOADED_INPUTS, InputMethod, OrchestratorPhase, Workflow
from chalicelib.core.ports import Ports
from chalicelib.phases.reading import ReadInput, read_upload
from chalicelib.phases.runner import ExecutionState, PhaseResult, run_phase
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
    read: ReadInput | None = None
    # TEXT as typed; API as the text form of the field app's structured inspection.
    if workflow.input_method in (InputMethod.TEXT, InputMethod.API) and "textKey" in data:
        text = normalize_text(blobs.get_text(str(data["textKey"])))
    elif workflow.input_method in UPLOADED_INPUTS and "uploadKey" in data:
        # The version recorded at receipt, never whatever is current: a second POST of the same
        # form on AWS makes a new version of the key, and must not change what is read.
        version = data.get("uploadVersionId")
        read = read_upload(ports, workflow, str(data["uploadKey"]), str(version) if version else None)
        text = "\n".join(normalize_text(page.text) for page in read.pages)
    else:
        raise InputRejectedError("NO_INPUT", f"This {workflow.input_method.value} workflow has no input yet")
    if not text.strip():
        raise InputRejectedError("EMPTY_INPUT", "The inspection has no text to analyse")
    blobs.put_text(work_key(workflow.user_id, workflow.id, WorkFile.TEXT), text)
    outcome: dict[str, Any] = {"characters": len(text), "lines": text.count("\n") + 1}
    if read is not None:
        # The page of each line of text.txt, and OCR's confidence in it (None: the file's own text);
        # `warnings`: what extraction left out (a damaged page), `ocrWarnings`: pages OCR read with
        # low confidence; PROCESSING puts both in the findings for QA to flag.
        line_pages = [page.page for page in read.pages for _ in normalize_text(page.text).split("\n")]
        blobs.put_json(
            work_key(workflow.user_id, workflow.id, WorkFile.PAGES),
            {
                "linePages": line_pages,
                "lineConfidences": line_confidences(read),
                "warnings": read.warnings,
                "ocrWarnings": read.ocr_warnings,
                "ocr": read.ocr,
            },
        )
        outcome["pages"] = max(line_pages, default=0)
        if read.ocr is not None:
            outcome["ocr"] = read.ocr
    return PhaseResult(outcome=outcome)


def line_confidences(read: ReadInput) -> list[float | None] | None:
    """One entry per line of text.txt: OCR's confidence, or None for a line of the file's text."""
    if read.ocr is None:
        return None
    confidences: list[float | None] = []
    for page in read.pages:
        count = normalize_text(page.text).count("\n") + 1
        own = list(page.confidences or ())
        confidences.extend(own[:count] + [None if not own else own[-1]] * (count - len(own)))
    return confidences


def normalize_text(text: str) -> str:
    """One Unicode form and one newline style, so line numbers cited later are stable; lone
    surrogates (a JSON "\\ud800" escape decodes to one) replaced, so the text can be stored."""
    text = unicodedata.normalize("NFC", repair_unicode(text)).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
