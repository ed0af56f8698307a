"""The company's letterhead in the paged formats: the logo on the cover and the company and
claim in every page's header. The logo was checked and re-encoded when it was set (PNG or
JPEG, at most 2000 px a side); fpdf2 and python-docx are imported by their renderers' callers."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from fpdf import FPDF

LOGO_BOX_MM = (42.0, 24.0)  # width, height on the PDF cover, inside the band's right end
LOGO_HEIGHT_CM = 1.8


def pdf_logo(pdf: FPDF, logo: bytes, right: float, top: float) -> float:
    """The logo on a white card at the cover band's right; its left edge, for the title to stop at."""
    width, height = LOGO_BOX_MM
    left = pdf.w - right - width
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(left, top, width, height, style="F")
    pad = 2.0
    # keep_aspect_ratio fits the image inside the box, centred
    pdf.image(
        io.BytesIO(logo),
        x=left + pad,
        y=top + pad,
        w=width - 2 * pad,
        h=height - 2 * pad,
        keep_aspect_ratio=True,
    )
    return left


def docx_logo(word: Document, logo: bytes) -> None:
    from docx.shared import Cm

    word.add_picture(io.BytesIO(logo), height=Cm(LOGO_HEIGHT_CM))


def docx_header(word: Document, text: str) -> None:
    """The company and claim in the page header, under the DRAFT mark when there is one."""
    from docx.shared import Pt, RGBColor

    header = word.sections[0].header
    paragraph = header.paragraphs[0] if not header.paragraphs[0].text else header.add_paragraph()
    run = paragraph.add_run(text)
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
