"""The report document written as a PDF with fpdf2, in an embedded Unicode font.

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

The fonts come from `pdf_fonts` (read once per container); paragraphs, bullets, key-value lists
and tables are wrapped and written by `pdf_layout`, not by fpdf2's per-character `multi_cell`
and table API, with the same look (docs/adr/0009-rendering-on-request.md).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, assert_never

from chalicelib.report.blocks import (
    Bullets,
    Figures,
    KeyValues,
    Paragraph,
    ReportDocument,
    Subheading,
    Table,
    rgb,
)
from chalicelib.report.letterhead import pdf_logo
from chalicelib.report.pdf_fonts import FONT, FONT_PACKAGE, MissingFontError, font_files, install_fonts
from chalicelib.report.pdf_layout import TableStyle, TextSetter, draw_table
from chalicelib.report.photos import pdf_figures, with_photos
from chalicelib.report.sanitize import PDF_PAGE_COUNT_ALIAS, pdf_text
from chalicelib.report.sections import build_document

if TYPE_CHECKING:
    from fpdf import FPDF

    from chalicelib.report.render import Report

PDF_CONTENT_TYPE = "application/pdf"
_FONT = FONT
__all__ = ["FONT_PACKAGE", "PDF_CONTENT_TYPE", "MissingFontError", "font_files", "render_pdf"]

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
        self.primary = rgb(document.primary_colour, _NAVY)
        self.accent = rgb(document.accent_colour, _ACCENT)
        pdf = _report_pdf_class()(orientation="portrait", unit="mm", format="A4")
        pdf.alias_nb_pages(PDF_PAGE_COUNT_ALIAS)  # "{nb}" typed in the notes stays "{nb}"
        install_fonts(pdf)  # read once per container, not per report (`pdf_fonts`)
        self.text = TextSetter(pdf)
        self.glyphs: frozenset[int] = frozenset(_cmap(pdf))
        running = f"{document.header} \u2014 {document.title}" if document.header else document.title
        running = f"{running} \u2014 {document.subtitle}"
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
                        pdf_figures(self.text, block, self.fit)
                    case _:
                        assert_never(block)
        return bytes(self.pdf.output())

    # --- blocks --------------------------------------------------------------------------------

    def cover(self) -> None:
        pdf = self.pdf
        pdf.add_page()
        pdf.set_fill_color(*self.primary)
        pdf.rect(0, 0, pdf.w, _BAND_HEIGHT, style="F")
        title_width = 0.0
        if self.document.logo:
            title_width = pdf_logo(pdf, self.document.logo, _MARGIN, 7) - _MARGIN - 4
        pdf.set_text_color(*_WHITE)
        pdf.set_xy(_MARGIN, 11)
        pdf.set_font(_FONT, "B", 19)
        pdf.multi_cell(
            title_width,
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
        pdf.set_text_color(*self.primary)
        pdf.cell(0, 7, self.fit(title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_draw_color(*self.accent)
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
        pdf.set_text_color(*self.accent)
        pdf.cell(0, 6, self.fit(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(0.5)

    def paragraph(self, text: str, empty: bool = False) -> None:
        pdf = self.pdf
        style = "I" if empty else ""
        pdf.set_text_color(*(_MUTED if empty else _TEXT))
        room = self.width - 2 * pdf.c_margin
        lines = self.text.wrap(self.fit(text), room, style, _BODY_PT)
        self.text.write_lines(lines, _MARGIN, self.width, _BODY_LINE, style, _BODY_PT)
        pdf.x = _MARGIN
        pdf.ln(1.5)

    def bullets(self, items: tuple[str, ...]) -> None:
        pdf = self.pdf
        pdf.set_text_color(*_TEXT)
        indent = 1.5 + 4  # the bullet's own column
        width = self.width - indent
        for item in items:
            lines = self.text.wrap(self.fit(item), width - 2 * pdf.c_margin, "", _BODY_PT)
            if pdf.will_page_break(_BODY_LINE):
                pdf.add_page()
            # The bullet on the item's first line: drawn as a line of its own column, same baseline.
            top = pdf.y
            self.text.write_lines(["\u2022"], _MARGIN + 1.5, 4, _BODY_LINE, "", _BODY_PT)
            pdf.y = top
            self.text.write_lines(lines, _MARGIN + indent, width, _BODY_LINE, "", _BODY_PT)
            pdf.x = _MARGIN
            pdf.ln(0.6)
        pdf.ln(1)

    def key_values(self, block: KeyValues, filled: bool = False) -> None:
        """A definition list: the label in a column on the left, the value wrapping on the right."""
        pdf = self.pdf
        vertical, horizontal = 1.2, 1.6  # padding inside each of the two columns
        value_width = self.width - _KEY_WIDTH
        for key, value in block.items:
            key_lines = self.text.wrap(self.fit(key), _KEY_WIDTH - 2 * horizontal, "B", _BODY_PT)
            value_lines = self.text.wrap(self.fit(value), value_width - 2 * horizontal, "", _BODY_PT)
            height = max(len(key_lines), len(value_lines)) * _BODY_LINE + 2 * vertical
            fits_a_page = height < pdf.eph - 10
            if fits_a_page and pdf.will_page_break(height):
                pdf.add_page()
            top = pdf.y
            if filled and fits_a_page:
                pdf.set_fill_color(*_KEY_FILL)
                pdf.rect(_MARGIN, top, _KEY_WIDTH, height, style="F")
            pdf.set_text_color(*(self.primary if filled else _TEXT))
            pdf.y = top + vertical
            self.text.write_lines(
                key_lines, _MARGIN, _KEY_WIDTH, _BODY_LINE, "B", _BODY_PT, margin=horizontal
            )
            key_bottom, key_page = pdf.y + vertical, pdf.page
            pdf.y = top + vertical
            pdf.set_text_color(*_TEXT)
            self.text.write_lines(
                value_lines, _MARGIN + _KEY_WIDTH, value_width, _BODY_LINE, "", _BODY_PT, margin=horizontal
            )
            pdf.y += vertical
            if pdf.page == key_page:
                pdf.y = max(key_bottom, pdf.y)
            pdf.x = _MARGIN
            pdf.set_draw_color(*_RULE)
            pdf.set_line_width(0.2)
            pdf.line(_MARGIN, pdf.get_y(), pdf.w - _MARGIN, pdf.get_y())
        pdf.ln(3)

    def table(self, block: Table) -> None:
        pdf = self.pdf
        total = sum(column.weight for column in block.columns)
        widths = [self.width * column.weight / total for column in block.columns]
        pdf.set_draw_color(*_RULE)
        pdf.set_line_width(0.2)
        if pdf.will_page_break(20):
            pdf.add_page()
        rows = [
            [self.cell_text(text, width - 2 * _CELL_PADDING) for text, width in zip(row, widths, strict=True)]
            for row in block.rows
        ]
        draw_table(
            self.text,
            widths,
            [self.fit(column.header) for column in block.columns],
            rows,
            right=[column.align == "right" for column in block.columns],
            code=[column.code for column in block.columns],  # identifiers are long and unbroken
            look=replace(_TABLE_LOOK, heading_fill=self.primary),
        )
        pdf.ln(3)

    def cell_text(self, text: str, width: float) -> str:
        """The cell's text, cut short if it would make its row taller than a page."""
        text = self.fit(text)
        if len(text) < 200:
            return text
        lines = self.text.wrap(text, width, "", _TABLE_PT)
        if len(lines) <= _MAX_CELL_LINES:
            return text
        note_lines = len(self.text.wrap(_TRUNCATED, width, "", _TABLE_PT))
        kept = " ".join(line.strip() for line in lines[: _MAX_CELL_LINES - note_lines - 1])
        return kept + _TRUNCATED


_TABLE_LOOK = TableStyle(
    line_height=_TABLE_LINE,
    padding=_CELL_PADDING,
    size_pt=_TABLE_PT,
    code_size_pt=_CODE_PT,
    text=_TEXT,
    rule=_RULE,
    heading_text=_WHITE,
    heading_fill=_NAVY,
    zebra_fill=_ZEBRA_FILL,
)


def _cmap(pdf: FPDF) -> set[int]:
    font = pdf.fonts[_FONT.lower()]
    return set(getattr(font, "cmap", {}))
