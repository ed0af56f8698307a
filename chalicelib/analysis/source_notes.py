"""What the findings must say about the source document itself: pages extraction left out (a
damaged page, a page whose text was garbage) and pages OCR read with low confidence. INITIATION
records them with the text; PROCESSING adds each to the findings' notes (`source_note(...)`,
`ocr_note(...)`); QA turns each such note into a warning (`SOURCE_INCOMPLETE`,
`OCR_LOW_CONFIDENCE`), which the report's QA section shows to the reviewer and the insurer, and
which survives a reviewer's edits (QA re-runs from the findings)."""

from __future__ import annotations

from chalicelib.analysis.findings import Findings
from chalicelib.analysis.qa_issues import QaIssue

SOURCE_NOTE_PREFIX = "Source document: "
SOURCE_INCOMPLETE = "SOURCE_INCOMPLETE"
# A page read from its image (OCR) with low confidence: its facts need checking against the scan.
OCR_NOTE_PREFIX = "Read by OCR: "
OCR_LOW_CONFIDENCE = "OCR_LOW_CONFIDENCE"
_CODES = {SOURCE_NOTE_PREFIX: SOURCE_INCOMPLETE, OCR_NOTE_PREFIX: OCR_LOW_CONFIDENCE}


def source_note(warning: str) -> str:
    """A findings note for an extraction warning (a sentence for the reader)."""
    return SOURCE_NOTE_PREFIX + warning


def ocr_note(warning: str) -> str:
    """A findings note for a page OCR read with low confidence."""
    return OCR_NOTE_PREFIX + warning


def source_issues(findings: Findings) -> list[QaIssue]:
    """A warning for each source-document or OCR note: shown, never blocking."""
    return [
        QaIssue(code=code, severity="warning", field=f"notes[{index}]", message=note.removeprefix(prefix))
        for index, note in enumerate(findings.notes)
        for prefix, code in _CODES.items()
        if note.startswith(prefix)
    ]
