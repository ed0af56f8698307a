"""Report rendering: the findings and their QA as documents an insurer can read.

Importing this package loads neither python-docx nor fpdf2: `render_docx` and `render_pdf`
import them when first called.
"""

from __future__ import annotations

from chalicelib.report.blocks import ReportDocument
from chalicelib.report.docx_report import DOCX_CONTENT_TYPE, render_docx
from chalicelib.report.pdf_report import PDF_CONTENT_TYPE, render_pdf
from chalicelib.report.render import Report, render_csv, render_json, render_markdown
from chalicelib.report.sections import build_document

__all__ = [
    "DOCX_CONTENT_TYPE",
    "PDF_CONTENT_TYPE",
    "Report",
    "ReportDocument",
    "build_document",
    "render_csv",
    "render_docx",
    "render_json",
    "render_markdown",
    "render_pdf",
]
