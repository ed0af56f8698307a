"""The report's files: rendered in every format from the findings as they stand, and stored.

OUTPUT renders the final report; review renders the DRAFT a reviewer reads, again after each
edit of the findings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from chalicelib.analysis import Findings, QaResult
from chalicelib.core.company import logo_bytes
from chalicelib.core.documents import findings_key_of, qa_key_of, report_key
from chalicelib.core.models import REPORT_CONTENT_TYPES, Signature, Workflow, iso, utc_now
from chalicelib.core.ports import Ports
from chalicelib.core.user_settings import company_profile, line_item_catalogue
from chalicelib.report import photos
from chalicelib.report.line_items import line_items
from chalicelib.report.render import (
    Report,
    render_csv,
    render_docx,
    render_json,
    render_markdown,
    render_pdf,
)
from chalicelib.settings import get_settings

RENDERERS: dict[str, Callable[[Report], str | bytes]] = {
    "json": render_json,
    "md": render_markdown,
    "docx": render_docx,
    "pdf": render_pdf,
    "csv": render_csv,
}


@dataclass(frozen=True)
class RenderedReport:
    findings: Findings
    qa: QaResult
    keys: dict[str, str]  # by extension
    sha256: dict[str, str]  # of each file's bytes, by extension


def render_report_files(
    ports: Ports, workflow: Workflow, *, draft: bool = False, signature: Signature | None = None
) -> RenderedReport:
    """The report in every format, stored: the final one; the DRAFT a reviewer reads (marked
    DRAFT on every page, QA's issues first); or, with a signature, the signed revision."""
    blobs = ports.blobs
    findings = Findings.model_validate(blobs.get_json(findings_key_of(workflow)))
    qa_result = QaResult.model_validate(blobs.get_json(qa_key_of(workflow)))
    shown, images = photos.load(ports, workflow, with_gps=get_settings().report_photo_gps)
    report = (
        Report(
            workflow_id=workflow.id,
            title=workflow.title,
            generated_at=iso(signature.signed_at if signature else utc_now()),
            findings=findings,
            qa=qa_result,
            draft=draft,
            review=workflow.review,
            signature=signature,
            # Coded with the user's catalogue as it is now: the files keep the codes they were made with.
            line_items=line_items(findings.scope_of_work, line_item_catalogue(ports, workflow.user_id)),
            photos=shown,
            photo_captions=photos.named_without_images(ports, workflow, shown),
            company=(company := company_profile(ports, workflow.user_id)),
        )
        .with_images(images)
        .with_logo(logo_bytes(ports, company))
    )
    keys, hashes = {}, {}
    signed = f"rev-{signature.revision}-{signature.signed_at:%Y%m%dT%H%M%S%f}" if signature else None
    for extension, render in RENDERERS.items():
        keys[extension] = report_key(workflow.user_id, workflow.id, extension, draft=draft, signed=signed)
        rendered = render(report)
        data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
        hashes[extension] = hashlib.sha256(data).hexdigest()
        blobs.put_bytes(keys[extension], data, REPORT_CONTENT_TYPES[extension])
    return RenderedReport(findings, qa_result, keys, hashes)
