"""The report: the findings and their QA, rendered as JSON, Markdown, Word (DOCX) and PDF.

Every format writes the same content, planned once in `sections.build_document`; JSON is the
report model itself. The Word and PDF renderers import python-docx and fpdf2 only when called,
so importing this module stays cheap for the phases that never render.
"""

from __future__ import annotations

from chalicelib.analysis.findings import CamelModel, Findings
from chalicelib.analysis.qa import QaResult
from chalicelib.report.docx_report import render_docx
from chalicelib.report.markdown import write_markdown
from chalicelib.report.pdf_report import render_pdf
from chalicelib.report.sections import build_document


class Report(CamelModel):
    workflow_id: str
    title: str
    generated_at: str
    findings: Findings
    qa: QaResult


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2)


def render_markdown(report: Report) -> str:
    return write_markdown(build_document(report))


__all__ = ["Report", "render_docx", "render_json", "render_markdown", "render_pdf"]
