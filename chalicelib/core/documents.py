"""Where a workflow's documents live: the key layout of the document store.

Everything a workflow owns sits under one prefix per store area,
`<area>/<userId>/<workflowId>/`, so deleting a workflow deletes its prefixes.
"""

from __future__ import annotations

import re
import secrets
from enum import StrEnum

from chalicelib.core.models import PHOTO_ID_BODY, WORKFLOW_ID_BODY, Workflow

# `photos/` holds the report copies of photos: not under `work/`, which expires after 30 days,
# because a signed report may be rendered again from them.
AREAS = ("inputs", "uploads", "work", "reports", "photos")
# Each upload form gets a key of its own (a folder named by the form's id), so a form replaced by
# a fresh one can no longer attach a file: the record names the current form's key only. Keys
# from before forms had ids have no such folder.
FORM_ID = r"f[0-9a-f]{16}"
UPLOAD_KEY = re.compile(
    rf"^uploads/(?P<user_id>[^/]+)/(?P<workflow_id>{WORKFLOW_ID_BODY})/"
    rf"(?:(?P<form_id>{FORM_ID})/)?(?P<file_name>[^/]+)$"
)
# A photo's original lands under the workflow's upload prefix too (the bucket notifies, and
# GuardDuty scans, `uploads/`), in a folder a document's key can never match.
PHOTO_UPLOAD_KEY = re.compile(
    rf"^uploads/(?P<user_id>[^/]+)/(?P<workflow_id>{WORKFLOW_ID_BODY})/photos/(?P<photo_id>{PHOTO_ID_BODY})$"
)


def workflow_prefix(area: str, user_id: str, workflow_id: str) -> str:
    return f"{area}/{user_id}/{workflow_id}/"


def input_text_key(user_id: str, workflow_id: str) -> str:
    return workflow_prefix("inputs", user_id, workflow_id) + "input.txt"


def input_payload_key(user_id: str, workflow_id: str) -> str:
    """A field app's structured inspection, kept as it was sent (after field-name mapping)."""
    return workflow_prefix("inputs", user_id, workflow_id) + "payload.json"


def new_form_id() -> str:
    return "f" + secrets.token_hex(8)


def upload_key(user_id: str, workflow_id: str, file_name: str, form_id: str) -> str:
    """Where the browser uploads with one form: under the caller's own prefix, in the form's own
    folder, with a tamed file name."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", file_name).strip("._") or "document"
    return workflow_prefix("uploads", user_id, workflow_id) + f"{form_id}/{stem[-100:]}"


def photo_upload_key(user_id: str, workflow_id: str, photo_id: str) -> str:
    """The original, as uploaded: no file name in the key, so none of the uploader's text."""
    return workflow_prefix("uploads", user_id, workflow_id) + f"photos/{photo_id}"


def photo_report_key(user_id: str, workflow_id: str, photo_id: str) -> str:
    """The re-encoded copy the report embeds (JPEG, metadata stripped)."""
    return workflow_prefix("photos", user_id, workflow_id) + f"{photo_id}.jpg"


class WorkFile(StrEnum):
    """What the phases hand one another, under work/<userId>/<workflowId>/."""

    TEXT = "text.txt"  # INITIATION: the text the analysis reads
    PAGES = "pages.json"  # INITIATION, documents only: the page of each line of text.txt
    FINDINGS = "findings.json"  # PROCESSING
    QA = "qa.json"  # QA; each attempt overwrites the last
    REFERENCE = "reference.json"  # QA: the offline analyzer's findings, to cross-check Claude's
    OCR = "ocr.json"  # INITIATION: the OCR job the state machine polls (core/ocr.py)


def work_key(user_id: str, workflow_id: str, name: str) -> str:
    """Results passed between phases: extracted text, findings, QA result."""
    return workflow_prefix("work", user_id, workflow_id) + name


def findings_key_of(workflow: Workflow) -> str:
    """The findings as they stand: a reviewer's edit once there is one, else PROCESSING's."""
    return workflow.findings_key or work_key(workflow.user_id, workflow.id, WorkFile.FINDINGS)


def qa_key_of(workflow: Workflow) -> str:
    """QA's result of the findings as they stand."""
    return workflow.qa_key or work_key(workflow.user_id, workflow.id, WorkFile.QA)


def qa_attempt_key(user_id: str, workflow_id: str, attempt: int) -> str:
    """One analysis attempt's QA result, kept: the next attempt compares its errors with it."""
    return work_key(user_id, workflow_id, f"qa-{attempt}.json")


def report_key(
    user_id: str, workflow_id: str, extension: str, *, draft: bool = False, signed: str | None = None
) -> str:
    """The final report; the DRAFT made for a review; or a signed revision, kept as signed (in
    `signed`, a folder of its own per signing: of two people signing at once, the files of the
    one who loses never replace the winner's). A reviewer's download, the final report and a
    signed one never overwrite one another."""
    folder = "draft/" if draft else f"{signed}/" if signed is not None else ""
    return workflow_prefix("reports", user_id, workflow_id) + f"{folder}report.{extension}"


def report_source_key(user_id: str, workflow_id: str, *, draft: bool = False) -> str:
    """The report as OUTPUT (or review) planned it, kept so PDF and Word can be rendered from it
    when first asked for, with the same time, codes and photos as the files rendered at once."""
    folder = "draft/" if draft else ""
    return workflow_prefix("reports", user_id, workflow_id) + f"{folder}source.json"


def rendered_report_key(
    user_id: str, workflow_id: str, extension: str, source_sha256: str, *, draft: bool
) -> str:
    """A file rendered on request, addressed by the SHA-256 of the source it was rendered from:
    a changed source (an edit in review) gets a new key, the same source always the same one,
    so racing first requests write the same object and never a stale one."""
    folder = "draft/" if draft else ""
    return (
        workflow_prefix("reports", user_id, workflow_id)
        + f"{folder}rendered/{source_sha256}/report.{extension}"
    )
