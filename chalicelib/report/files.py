"""The report's files: rendered from the findings as they stand, and stored.

OUTPUT renders the final report; review renders the DRAFT a reviewer reads, again after each
edit of the findings. Both render the cheap formats (JSON, Markdown, CSV) at once and keep the
report model they rendered (`source.json`); PDF and Word are rendered from that model when first
downloaded (`file_on_request`) and kept under a key named by the model's SHA-256, so every later
download reuses them. Sign-off renders every format itself, with the signature, and hashes the
files it stores (docs/adr/0009-rendering-on-request.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from chalicelib.analysis import Findings, QaResult
from chalicelib.analysis.findings import CamelModel
from chalicelib.analysis.photo_rules import PhotoEvidence, with_photos_now
from chalicelib.core import templates
from chalicelib.core.company import logo_bytes
from chalicelib.core.company_models import CompanyProfile
from chalicelib.core.documents import (
    findings_key_of,
    qa_key_of,
    rendered_report_key,
    report_key,
    report_source_key,
)
from chalicelib.core.models import (
    ON_REQUEST_FORMATS,
    REPORT_CONTENT_TYPES,
    LineItemCatalogue,
    Signature,
    Workflow,
    iso,
    utc_now,
)
from chalicelib.core.ports import NotFound, Ports
from chalicelib.core.template_models import ReportTemplate
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
EAGER_FORMATS = tuple(extension for extension in RENDERERS if extension not in ON_REQUEST_FORMATS)


class ReportSource(CamelModel):
    """What a file rendered on request is rendered from: the report model as OUTPUT made it (its
    photos are read again when the file is rendered: they may have arrived since)."""

    report: Report
    template: ReportTemplate | None = None  # the version the report is laid out by


@dataclass(frozen=True)
class RenderedReport:
    findings: Findings
    qa: QaResult
    keys: dict[str, str]  # by extension, of the files rendered now
    sha256: dict[str, str]  # of each file's bytes, by extension
    on_request: tuple[str, ...] = ()  # formats left to be rendered when first downloaded


def render_report_files(
    ports: Ports, workflow: Workflow, *, draft: bool = False, signature: Signature | None = None
) -> RenderedReport:
    """The report, stored: the final one; the DRAFT a reviewer reads (marked DRAFT on every
    page, QA's issues first); or, with a signature, the signed revision in every format."""
    blobs = ports.blobs
    findings = Findings.model_validate(blobs.get_json(findings_key_of(workflow)))
    qa_result = QaResult.model_validate(blobs.get_json(qa_key_of(workflow)))
    # A signature is what the files are checked against: sign-off renders and hashes them all.
    formats = tuple(RENDERERS) if signature else EAGER_FORMATS
    embeds = any(extension in ON_REQUEST_FORMATS for extension in formats)
    template = templates.pinned(ports, workflow)  # the workflow's own version, never a newer one
    shown, images = _photos(ports, workflow, with_bytes=embeds)
    # Photos may have come since QA: its photo warnings are judged again against those shown.
    shown_qa = with_photos_now(qa_result, findings, _evidence(shown), template.qa() if template else None)
    report = (
        Report(
            workflow_id=workflow.id,
            title=workflow.title,
            generated_at=iso(signature.signed_at if signature else utc_now()),
            findings=findings,
            qa=shown_qa,
            draft=draft,
            review=workflow.review,
            signature=signature,
            # Coded with the template's catalogue, else the user's as it is now: the files keep
            # the codes they were made with.
            line_items=line_items(findings.scope_of_work, _catalogue(ports, workflow, template)),
            photos=shown,
            photo_captions=photos.named_without_images(ports, workflow, shown),
            company=(company := _company(ports, workflow, template)),
        )
        .with_images(images)
        .with_template(template)
        .with_logo(logo_bytes(ports, company))
    )
    keys, hashes = {}, {}
    signed = f"rev-{signature.revision}-{signature.signed_at:%Y%m%dT%H%M%S%f}" if signature else None
    for extension in formats:
        keys[extension] = report_key(workflow.user_id, workflow.id, extension, draft=draft, signed=signed)
        data = _as_bytes(RENDERERS[extension](report))
        hashes[extension] = hashlib.sha256(data).hexdigest()
        blobs.put_bytes(keys[extension], data, REPORT_CONTENT_TYPES[extension])
    if signature is None:
        # Written last: a source on the store means its eager files are there too.
        source = ReportSource(report=report, template=template)
        blobs.put_bytes(
            report_source_key(workflow.user_id, workflow.id, draft=draft),
            source.model_dump_json(by_alias=True).encode("utf-8"),
            "application/json",
        )
    on_request = tuple(extension for extension in RENDERERS if extension not in formats)
    return RenderedReport(findings, qa_result, keys, hashes, on_request)


def file_on_request(ports: Ports, workflow: Workflow, extension: str, *, draft: bool) -> str:
    """The key of the final (or DRAFT) report's `extension` file as of the photos received now,
    rendered from the stored source if no request rendered it before (JSON, Markdown and CSV too:
    they list the photos, and the JSON's documentation gaps ask for photos until one arrives).
    Racing first requests render the same source to the same key; S3 keeps one whole object,
    never a mix, and never a file of an older source."""
    blobs = ports.blobs
    try:
        data = blobs.get_bytes(report_source_key(workflow.user_id, workflow.id, draft=draft))
    except NotFound:
        # Rendered before formats waited for a request: OUTPUT stored this format itself.
        return report_key(workflow.user_id, workflow.id, extension, draft=draft)
    # Photos keep arriving after OUTPUT (a TEXT workflow reports at once): the file shows the
    # photos received by the time it is asked for, so their hashes are part of its name.
    received = sorted(photos.received_hashes(ports, workflow))
    digest = hashlib.sha256(data + "\n".join(received).encode("ascii")).hexdigest()
    key = rendered_report_key(workflow.user_id, workflow.id, extension, digest, draft=draft)
    if blobs.size_of(key) is None:
        source = ReportSource.model_validate_json(data)
        shown, images = _photos(ports, workflow, with_bytes=extension in ON_REQUEST_FORMATS)
        report = source.report.model_copy(
            update={
                "photos": shown,
                "photo_captions": photos.named_without_images(ports, workflow, shown),
                # QA's photo warnings as of these photos: a file never asks for a photo it shows.
                "qa": with_photos_now(
                    source.report.qa,
                    source.report.findings,
                    _evidence(shown),
                    source.template.qa() if source.template is not None else None,
                ),
            }
        )
        logo = logo_bytes(ports, source.report.company)
        report = report.with_images(images).with_logo(logo).with_template(source.template)
        rendered = _as_bytes(RENDERERS[extension](report))
        blobs.put_bytes(key, rendered, REPORT_CONTENT_TYPES[extension])
    return key


def _catalogue(ports: Ports, workflow: Workflow, template: ReportTemplate | None) -> LineItemCatalogue | None:
    own = template.scope.catalogue if template is not None else None
    return own or line_item_catalogue(ports, workflow.user_id)


def _company(ports: Ports, workflow: Workflow, template: ReportTemplate | None) -> CompanyProfile | None:
    """The user's company, under the template's company name when it gives one."""
    company = company_profile(ports, workflow.user_id)
    name = template.branding.company_name if template is not None else None
    if name is None:
        return company
    return (company or CompanyProfile()).model_copy(update={"name": name})


def _photos(
    ports: Ports, workflow: Workflow, *, with_bytes: bool
) -> tuple[list[photos.ReportPhoto], dict[str, bytes]]:
    return photos.load(ports, workflow, with_gps=get_settings().report_photo_gps, with_bytes=with_bytes)


def _evidence(shown: list[photos.ReportPhoto]) -> list[PhotoEvidence]:
    """What QA's photo rules read of the photos the file shows (listed once, by `_photos`)."""
    return [PhotoEvidence(photo.room, photo.caption) for photo in shown]


def _as_bytes(rendered: str | bytes) -> bytes:
    return rendered.encode("utf-8") if isinstance(rendered, str) else rendered


def download_paths(keys: dict[str, str]) -> dict[str, str]:
    """What a workflow's record shows of its files: where each is downloaded (relative to the
    workflow: `report?format=pdf`), never the storage key, which names the user and the store."""
    return {extension: f"report?format={extension}" for extension in sorted(keys)}
