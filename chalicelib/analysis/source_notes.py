"""What the findings must say about the source document itself: pages extraction left out (a
damaged page, a page whose text was garbage). INITIATION records them with the text; PROCESSING
adds each to the findings' notes as `source_note(...)`; QA turns each such note into a warning
(`SOURCE_INCOMPLETE`), which the report's QA section shows to the reviewer and the insurer, and
which survives a reviewer's edits (QA re-runs from the findings)."""

from __future__ import annotations

from chalicelib.analysis.findings import Findings
from chalicelib.analysis.qa_issues import QaIssue

SOURCE_NOTE_PREFIX = "Source document: "
SOURCE_INCOMPLETE = "SOURCE_INCOMPLETE"


def source_note(warning: str) -> str:
    """A findings note for an extraction warning (a sentence for the reader)."""
    return SOURCE_NOTE_PREFIX + warning


def source_issues(findings: Findings) -> list[QaIssue]:
    """A warning for each source-document note: shown, never blocking."""
    return [
        QaIssue(
            code=SOURCE_INCOMPLETE,
            severity="warning",
            field=f"notes[{index}]",
            message=note.removeprefix(SOURCE_NOTE_PREFIX),
        )
        for index, note in enumerate(findings.notes)
        if note.startswith(SOURCE_NOTE_PREFIX)
    ]
