"""BASELINE FOR bench/render.py ONLY: the PDF renderer as it was before #17 item 9 (commit e1481e0),
kept verbatim below this note (with `photos.pdf_figures` of that commit at the end) so the bench
can measure today's renderer against it in the same run. Nothing in chalicelib imports this file;
do not fix or extend it.

The report document written as a PDF with fpdf2, in an embedded Unicode font.

fpdf2's built-in fonts are Latin-1 only, so "m²" would survive but "Nguyễn" would not: the text
is set in Fira Sans (SIL Open Font License 1.1), which covers Latin, Vietnamese, Greek and
Cyrillic and ships as static TTFs in the `fontpkg-fira-sans` PyPI package; fpdf2 embeds only the
glyphs used. A character the font lacks prints as "?" rather than vanishing.

Text from the notes goes through `sanitize.pdf_text` (one line, no control, bidi-override or
invisible characters) and is written with fpdf2's markup off (no `markdown=True`, no
`write_html`, no `link=`), so it makes no emphasis, link or annotation. fpdf2 is imported inside
`render_pdf`. Tables repeat their header row on every page; a table row must fit on one page,
so a cell longer than `_MAX_CELL_LINES` wrapped lines is cut with a note (the Word and JSON
reports keep the whole text). Long words wrap inside their cell.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, assert_never

from chalicelib.report.blocks import Bullets, Figures, KeyValues, Paragraph, ReportDocument, Subheading, Table
from chalicelib.report.photos import _PDF_IMAGE_MM, _PDF_MAX_HEIGHT_MM, with_photos
from chalicelib.report.sanitize import PDF_PAGE_COUNT_ALIAS, pdf_text
from chalicelib.report.sections import build_document

if TYPE_CHECKING:
    from fpdf import FPDF
    from fpdf.util import Padding

    from chalicelib.report.render import Report

PDF_CONTENT_TYPE = "application/pdf"

FONT_PACKAGE = "fontpkg-fira-sans"
_FONT_FAMILY = "Fira Sans"
_FONT = "FiraSans"  # the name fpdf2 knows the embedded font by
_STYLES = {"": (400, "normal"), "B": (700, "normal"), "I": (400, "italic")}

_MARGIN = 18.0  # mm, A4 portrait
_BAND_HEIGHT = 38.0
_KEY_WIDTH = 42.0
_BODY_PT = 9.5
_TABLE_PT = 8.0
_CODE_PT = 7.2
_BODY_LINE = 4.8
_TABLE_LINE = 3.6
_CELL_PADDING = 1.2
_MAX_CELL_LINES = 36
_KEEP_WITH_NEXT = 36.0  # mm
_TRUNCATED = " \u2026 (cut short here; the Word and JSON reports have the full text)"

_NAVY = (31, 58, 95)
_ACCENT = (52, 109, 160)
_TEXT = (33, 37, 41)
_MUTED = (100, 106, 115)
_RULE = (205, 211, 219)
_KEY_FILL = (232, 237, 243)
_ZEBRA_FILL = (244, 246, 249)
_WHITE = (255, 255, 255)
_DRAFT_RED = (176, 32, 32)


class MissingFontError(RuntimeError):
    """The PDF's Unicode font is not installed."""


@cache
def font_files() -> dict[str, Path]:
    """The TTF for each style fpdf2 is given ("" regular, "B" bold, "I" italic)."""
    try:
        import fontpkg
    except ImportError as error:
        raise MissingFontError(f"the PDF report needs the {FONT_PACKAGE} package") from error
    try:
        return {
            style: Path(str(fontpkg.path(_FONT_FAMILY, weight=weight, style=slant)))
            for style, (weight, slant) in _STYLES.items()
        }
    except fontpkg.FontpkgError as error:
        raise MissingFontError(f"the PDF report needs the {FONT_PACKAGE} package: {error}") from error


def render_pdf(report: Report) -> bytes:
    """The report as a PDF file (content type `PDF_CONTENT_TYPE`)."""
    document = with_photos(build_document(report), report, report.images)
    writer = _PdfWriter(document, report.generated_at)
    return writer.write()


def _creation_date(timestamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _report_pdf_class() -> type[FPDF]:
    from fpdf import FPDF

    class ReportPdf(FPDF):
        """Running header (after the cover page) and footer with page numbers."""

        running_title = ""
        footer_text = ""

        def header(self) -> None:
            if self.page_no() == 1:
                return
            self.set_font(_FONT, "", 7.5)
            self.set_text_color(*_MUTED)
            self.set_xy(_MARGIN, 9)
            self.cell(0, 4, self.running_title)
            self.set_draw_color(*_RULE)
            self.set_line_width(0.2)
            self.line(_MARGIN, 14, self.w - _MARGIN, 14)
            self.set_y(_MARGIN + 2)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(_FONT, "", 7.5)
            self.set_text_color(*_MUTED)
            self.cell(0, 4, self.footer_text)
            self.set_x(_MARGIN)
            self.cell(0, 4, f"Page {self.page_no()} of {PDF_PAGE_COUNT_ALIAS}", align="R")

    return ReportPdf


class _PdfWriter:
    def __init__(self, document: ReportDocument, generated_at: str) -> None:
        self.document = document
        pdf = _report_pdf_class()(orientation="portrait", unit="mm", format="A4")
        pdf.alias_nb_pages(PDF_PAGE_COUNT_ALIAS)  # "{nb}" typed in the notes stays "{nb}"
        for style, path in font_files().items():
            pdf.add_font(_FONT, style, str(path))
        self.glyphs: frozenset[int] = frozenset(_cmap(pdf))
        running = f"{document.title} \u2014 {document.subtitle}"
        if document.draft_mark:
            running = f"{document.draft_mark} \u00b7 {running}"
        pdf.running_title = self.fit(running)  # type: ignore[attr-defined]
        pdf.footer_text = self.fit(document.footer)  # type: ignore[attr-defined]
        pdf.set_margins(_MARGIN, _MARGIN + 2, _MARGIN)
        pdf.set_auto_page_break(True, margin=_MARGIN)
        pdf.set_title(self.fit(document.title))
        pdf.set_subject(self.fit(document.subtitle))
        pdf.set_author("RestoreAssist")
        pdf.set_creator("RestoreAssist Orchestrator")
        pdf.set_lang("en")
        created = _creation_date(generated_at)
        if created is not None:
            pdf.set_creation_date(created)
        self.pdf = pdf

    @property
    def width(self) -> float:
        return float(self.pdf.epw)

    def fit(self, text: str) -> str:
        """Plain text the embedded font can print: a character it lacks becomes "?"."""
        text = pdf_text(text)
        if text.isascii():
            return text
        return "".join(char if ord(char) in self.glyphs else "?" for char in text)

    def write(self) -> bytes:
        self.cover()
        for section in self.document.sections:
            self.heading(section.title)
            for block in section.blocks:
                match block:
                    case Subheading(text=text):
                        self.subheading(text)
                    case KeyValues():
                        self.key_values(block)
                    case Table():
                        self.table(block)
                    case Paragraph(text=text, empty=empty):
                        self.paragraph(text, empty)
                    case Bullets(items=items):
                        self.bullets(items)
                    case Figures():
                        pdf_figures(self.pdf, block, self.fit, _FONT)
                    case _:
                        assert_never(block)
        return bytes(self.pdf.output())

    # --- blocks --------------------------------------------------------------------------------

    def cover(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        pdf.set_fill_color(*_NAVY)
        pdf.rect(0, 0, pdf.w, _BAND_HEIGHT, style="F")
        pdf.set_text_color(*_WHITE)
        pdf.set_xy(_MARGIN, 11)
        pdf.set_font(_FONT, "B", 19)
        pdf.multi_cell(
            0,
            8.5,
            self.fit(self.document.title),
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
            max_line_height=8.5,
        )
        pdf.set_font(_FONT, "", 11)
        pdf.set_x(_MARGIN)
        pdf.cell(0, 6, self.fit(self.document.subtitle), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), _BAND_HEIGHT) + 8)
        if self.document.draft_mark:
            pdf.set_font(_FONT, "B", 13)
            pdf.set_text_color(*_DRAFT_RED)
            pdf.cell(0, 7, self.fit(self.document.draft_mark), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        self.key_values(self.document.cover, filled=True)

    def heading(self, title: str) -> None:
        pdf = self.pdf
        # A section's title, its intro and the first rows of its table start a page together.
        if pdf.will_page_break(_KEEP_WITH_NEXT + 8):
            pdf.add_page()
        else:
            pdf.ln(4)
        pdf.set_font(_FONT, "B", 13)
        pdf.set_text_color(*_NAVY)
        pdf.cell(0, 7, self.fit(title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*_ACCENT)
        pdf.set_line_width(0.5)
        pdf.line(_MARGIN, pdf.get_y(), pdf.w - _MARGIN, pdf.get_y())
        pdf.ln(2.5)

    def subheading(self, text: str) -> None:
        pdf = self.pdf
        # Room for the heading, a line of intro and a table's first rows: never left alone at a page's foot.
        if pdf.will_page_break(_KEEP_WITH_NEXT):
            pdf.add_page()
        pdf.ln(1.5)
        pdf.set_font(_FONT, "B", 10.5)
        pdf.set_text_color(*_ACCENT)
        pdf.cell(0, 6, self.fit(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.5)

    def paragraph(self, text: str, empty: bool = False) -> None:
        pdf = self.pdf
        pdf.set_font(_FONT, "I" if empty else "", _BODY_PT)
        pdf.set_text_color(*(_MUTED if empty else _TEXT))
        pdf.multi_cell(0, _BODY_LINE, self.fit(text), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)

    def bullets(self, items: tuple[str, ...]) -> None:
        pdf = self.pdf
        pdf.set_font(_FONT, "", _BODY_PT)
        pdf.set_text_color(*_TEXT)
        for item in items:
            pdf.set_x(_MARGIN + 1.5)
            pdf.cell(4, _BODY_LINE, "\u2022")
            pdf.multi_cell(0, _BODY_LINE, self.fit(item), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.6)
        pdf.ln(1)

    def key_values(self, block: KeyValues, filled: bool = False) -> None:
        """A definition list: the label in a column on the left, the value wrapping on the right."""
        pdf = self.pdf
        padding = _padding(1.2, 1.6)
        value_width = self.width - _KEY_WIDTH
        for key, value in block.items:
            key_text, value_text = self.fit(key), self.fit(value)
            pdf.set_font(_FONT, "", _BODY_PT)
            lines = _wrapped(pdf, value_width, _BODY_LINE, value_text, padding)
            height = len(lines) * _BODY_LINE + 2 * padding[0]
            fits_a_page = height < pdf.eph - 10
            if fits_a_page and pdf.will_page_break(height):
                pdf.add_page()
            top = pdf.get_y()
            if filled and fits_a_page:
                pdf.set_fill_color(*_KEY_FILL)
                pdf.rect(_MARGIN, top, _KEY_WIDTH, height, style="F")
            pdf.set_font(_FONT, "B", _BODY_PT)
            pdf.set_text_color(*(_NAVY if filled else _TEXT))
            pdf.multi_cell(
                _KEY_WIDTH, _BODY_LINE, key_text, align="L", padding=padding, new_x="LMARGIN", new_y="NEXT"
            )
            key_bottom, key_page = pdf.get_y(), pdf.page
            pdf.set_xy(_MARGIN + _KEY_WIDTH, top)
            pdf.set_font(_FONT, "", _BODY_PT)
            pdf.set_text_color(*_TEXT)
            pdf.multi_cell(
                value_width, _BODY_LINE, value_text, align="L", padding=padding, new_x="LMARGIN", new_y="NEXT"
            )
            if pdf.page == key_page:
                pdf.set_y(max(key_bottom, pdf.get_y()))
            pdf.set_draw_color(*_RULE)
            pdf.set_line_width(0.2)
            pdf.line(_MARGIN, pdf.get_y(), pdf.w - _MARGIN, pdf.get_y())
        pdf.ln(3)

    def table(self, block: Table) -> None:
        from fpdf.fonts import FontFace

        pdf = self.pdf
        total = sum(column.weight for column in block.columns)
        widths = [self.width * column.weight / total for column in block.columns]
        pdf.set_font(_FONT, "", _TABLE_PT)
        pdf.set_text_color(*_TEXT)
        pdf.set_draw_color(*_RULE)
        pdf.set_line_width(0.2)
        if pdf.will_page_break(20):
            pdf.add_page()
        headings = FontFace(emphasis="BOLD", color=_WHITE, fill_color=_NAVY, size_pt=_TABLE_PT)
        code_style = FontFace(size_pt=_CODE_PT)  # identifiers are long and unbroken
        options: dict[str, Any] = {
            "col_widths": widths,
            "width": self.width,
            "text_align": tuple("RIGHT" if column.align == "right" else "LEFT" for column in block.columns),
            "line_height": _TABLE_LINE,
            "padding": _CELL_PADDING,
            "headings_style": headings,
            "cell_fill_color": _ZEBRA_FILL,
            "cell_fill_mode": "ROWS",
            "borders_layout": "HORIZONTAL_LINES",
            "v_align": "TOP",
            "repeat_headings": 1,
            "markdown": False,  # cell text is the notes' text, never fpdf2 markup
        }
        with pdf.table(**options) as table:
            heading_row = table.row()
            for column in block.columns:
                heading_row.cell(self.fit(column.header))
            for row in block.rows:
                cells = table.row()
                for text, width, column in zip(row, widths, block.columns, strict=True):
                    style = code_style if column.code else None
                    cells.cell(self.cell_text(text, width - 2 * _CELL_PADDING), style=style)
        pdf.ln(3)

    def cell_text(self, text: str, width: float) -> str:
        """The cell's text, cut short if it would make its row taller than a page."""
        text = self.fit(text)
        if len(text) < 200:
            return text
        lines = _wrapped(self.pdf, width, _TABLE_LINE, text)
        if len(lines) <= _MAX_CELL_LINES:
            return text
        note_lines = len(_wrapped(self.pdf, width, _TABLE_LINE, _TRUNCATED))
        kept = " ".join(line.strip() for line in lines[: _MAX_CELL_LINES - note_lines - 1])
        return kept + _TRUNCATED


def _padding(vertical: float, horizontal: float) -> Padding:
    from fpdf.util import Padding

    return Padding(top=vertical, right=horizontal, bottom=vertical, left=horizontal)


def _wrapped(
    pdf: FPDF, width: float, line_height: float, text: str, padding: Padding | None = None
) -> list[str]:
    """The lines `text` wraps into at `width` in the current font, without drawing it."""
    lines = pdf.multi_cell(width, line_height, text, dry_run=True, output="LINES", padding=padding or 0)
    assert isinstance(lines, list)
    return [str(line) for line in lines]


def _cmap(pdf: FPDF) -> set[int]:
    font = pdf.fonts[_FONT.lower()]
    return set(getattr(font, "cmap", {}))


# --- photos.pdf_figures as it was at e1481e0 ---


def pdf_figures(pdf: FPDF, block: Figures, fit: Callable[[str], str], font: str) -> None:
    """Each photo at a fixed width, its caption and custody line beside it."""
    left = pdf.l_margin
    for figure in block.items:
        ratio = figure.height / figure.width if figure.width else 0.75
        width = min(_PDF_IMAGE_MM, _PDF_MAX_HEIGHT_MM / ratio) if ratio else _PDF_IMAGE_MM
        height = width * ratio
        if pdf.will_page_break(height + 4):
            pdf.add_page()
        top = pdf.get_y()
        pdf.image(io.BytesIO(figure.image), x=left, y=top, w=width, h=height)
        text_x = left + _PDF_IMAGE_MM + 5
        pdf.set_xy(text_x, top)
        pdf.set_font(font, "B", 9.5)
        pdf.multi_cell(pdf.w - pdf.r_margin - text_x, 4.8, fit(figure.caption), new_x="LEFT", new_y="NEXT")
        pdf.set_font(font, "", 8)
        pdf.set_x(text_x)
        pdf.multi_cell(pdf.w - pdf.r_margin - text_x, 4.0, fit(figure.detail), new_x="LEFT", new_y="NEXT")
        pdf.set_xy(left, max(pdf.get_y(), top + height) + 4)
