"""The report: the findings and their QA, rendered as JSON, Markdown, Word (DOCX) and PDF, and
its scope's line items as CSV.

Every document writes the same content, planned once in `sections.build_document`; JSON is the
report model itself, with the line items and their catalogue codes. The Word and PDF renderers
import python-docx and fpdf2 only when called, so importing this module stays cheap for the
phases that never render. Every format makes the
notes' text safe in `sanitize`; JSON keeps it as data, without control or bidi-override characters.
"""

from __future__ import annotations

import json

from pydantic import Field, PrivateAttr

from chalicelib.analysis.findings import CamelModel, Findings
from chalicelib.analysis.qa import QaResult
from chalicelib.core.company_models import CompanyProfile
from chalicelib.core.models import Review, Signature
from chalicelib.core.template_models import ReportTemplate
from chalicelib.report.csv_report import write_csv
from chalicelib.report.documentation_checklist import DocumentationGap, documentation_gaps
from chalicelib.report.docx_report import render_docx
from chalicelib.report.line_items import LineItem, coded_items
from chalicelib.report.markdown import write_markdown
from chalicelib.report.pdf_report import render_pdf
from chalicelib.report.photos import PhotoCaption, ReportPhoto, with_photos
from chalicelib.report.sanitize import clean_data
from chalicelib.report.sections import build_document


class Report(CamelModel):
    workflow_id: str
    title: str
    generated_at: str
    findings: Findings
    qa: QaResult
    # A DRAFT is made for a person's review: not for payment, marked on every page.
    draft: bool = False
    # The review, once there was one: who approved, and the QA errors they overrode and why.
    review: Review | None = None
    # The sign-off of this revision, once a qualified person stands behind it.
    signature: Signature | None = None
    # Photos received, by room in the PDF and Word reports, with their hash prefix and time.
    photos: list[ReportPhoto] = Field(default_factory=list)
    # Photos the notes name with no image received.
    photo_captions: list[PhotoCaption] = Field(default_factory=list)
    # The scope as priced lines, coded from the user's catalogue when the report was rendered;
    # None until then (each format then codes them from the shipped default).
    line_items: list[LineItem] | None = None
    # What a desk review will ask for that the findings lack, for the contractor (the report
    # that goes out does not print it, the DRAFT does): computed when the JSON is rendered.
    documentation_gaps: list[DocumentationGap] | None = None
    # The company the report names, from the user's settings (None: the one the notes name).
    company: CompanyProfile | None = None
    # The report copies' bytes by photo id: read through the ports by OUTPUT, never serialized.
    _images: dict[str, bytes] = PrivateAttr(default_factory=dict)
    _logo: bytes | None = PrivateAttr(default=None)
    # The template version it is laid out by (sections, titles, colours): the workflow's own,
    # kept beside the report (`files.ReportSource`) so a file rendered later is laid out the
    # same. None: the default layout. Not in the JSON: the workflow record names it.
    _template: ReportTemplate | None = PrivateAttr(default=None)

    @property
    def images(self) -> dict[str, bytes]:
        return self._images

    def with_images(self, images: dict[str, bytes]) -> Report:
        self._images = dict(images)
        return self

    @property
    def logo(self) -> bytes | None:
        return self._logo

    def with_logo(self, logo: bytes | None) -> Report:
        self._logo = logo
        return self

    @property
    def template(self) -> ReportTemplate | None:
        return self._template

    def with_template(self, template: ReportTemplate | None) -> Report:
        self._template = template
        return self


def report_line_items(report: Report) -> list[LineItem]:
    """The report's line items: as rendered with the user's catalogue, else the default's."""
    return coded_items(report.line_items, report.findings.scope_of_work)


def render_json(report: Report) -> str:
    """The report model as camelCase JSON, every string `clean`ed as in the other formats, with
    its line items coded and the documentation gaps for the contractor."""
    gaps = documentation_gaps(report.findings, photographed=bool(report.photos))
    coded = report.model_copy(update={"line_items": report_line_items(report), "documentation_gaps": gaps})
    data = clean_data(coded.model_dump(mode="json", by_alias=True))
    return json.dumps(data, indent=2, ensure_ascii=False)


def render_markdown(report: Report) -> str:
    return write_markdown(with_photos(build_document(report), report, None))  # lists, embeds none


def render_csv(report: Report) -> str:
    """The line items as CSV (`csv_report`)."""
    return write_csv(report_line_items(report))


__all__ = [
    "Report",
    "render_csv",
    "render_docx",
    "render_json",
    "render_markdown",
    "render_pdf",
    "report_line_items",
]
