"""The report document written as a Word file (DOCX) with python-docx.

python-docx is imported inside `render_docx`, never at module import, so the phases that do not
render stay light. Text from the notes goes through `sanitize.docx_text` (one line, no control,
bidi-override or invisible characters, nothing XML cannot hold) and is written as plain runs:
python-docx escapes it as XML text, and no hyperlink or field is ever made from it. Tables have
fixed column widths, so Word wraps a long word inside its cell instead of widening the table, and
their header row repeats on every page.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import TYPE_CHECKING, assert_never

from chalicelib.report.blocks import (
    Bullets,
    Column,
    Figures,
    KeyValues,
    Paragraph,
    ReportDocument,
    Subheading,
    Table,
)
from chalicelib.report.letterhead import docx_header, docx_logo
from chalicelib.report.photos import docx_figures, with_photos
from chalicelib.report.sanitize import docx_text
from chalicelib.report.sections import build_document

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as DocxParagraph

    from chalicelib.report.render import Report

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_PAGE_WIDTH_CM = 21.0  # A4
_PAGE_HEIGHT_CM = 29.7
_MARGIN_CM = 2.0
_TEXT_WIDTH_CM = _PAGE_WIDTH_CM - 2 * _MARGIN_CM
_KEY_WIDTH_CM = 4.5
_BODY_PT = 10
_TABLE_PT = 8
_FONT = "Calibri"
_CODE_FONT = "Consolas"
_NAVY = "1F3A5F"
_DRAFT_RED = "B02020"
_KEY_FILL = "E8EDF3"
_ZEBRA_FILL = "F4F6F9"
_MUTED = (0x59, 0x59, 0x59)
_PROPERTY_LIMIT = 255


def render_docx(report: Report) -> bytes:
    """The report as a .docx file (content type `DOCX_CONTENT_TYPE`)."""
    import docx

    document = with_photos(build_document(report), report, report.images)
    word = docx.Document()
    _set_up(word, document, report.generated_at)
    if document.header:
        docx_header(word, docx_text(document.header))
    if document.logo:
        docx_logo(word, document.logo)
    word.add_paragraph(docx_text(document.title), style="Title")
    word.add_paragraph(docx_text(document.subtitle), style="Subtitle")
    _key_values(word, document.cover)
    for section in document.sections:
        word.add_heading(docx_text(section.title), level=1)
        for block in section.blocks:
            match block:
                case Subheading(text=text):
                    word.add_heading(docx_text(text), level=2)
                case KeyValues():
                    _key_values(word, block)
                case Table():
                    _table(word, block)
                case Paragraph(text=text, empty=empty):
                    _paragraph(word, text, empty)
                case Bullets(items=items):
                    for item in items:
                        word.add_paragraph(docx_text(item), style="List Bullet")
                case Figures():
                    docx_figures(word, block, docx_text)
                case _:
                    assert_never(block)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_up(word: Document, document: ReportDocument, generated_at: str) -> None:
    from docx.shared import Cm, Pt, RGBColor

    page = word.sections[0]
    page.page_width, page.page_height = Cm(_PAGE_WIDTH_CM), Cm(_PAGE_HEIGHT_CM)
    page.left_margin = page.right_margin = page.top_margin = page.bottom_margin = Cm(_MARGIN_CM)
    normal = word.styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = Pt(_BODY_PT)
    for name in ("Heading 1", "Heading 2", "Title"):
        word.styles[name].font.color.rgb = RGBColor.from_string((document.primary_colour or f"#{_NAVY}")[1:])
    _footer(page.footer.paragraphs[0], document.footer)
    if document.draft_mark:
        # In the page header: on every page of the document.
        mark = page.header.paragraphs[0].add_run(docx_text(document.draft_mark))
        mark.bold = True
        mark.font.size = Pt(9)
        mark.font.color.rgb = RGBColor.from_string(_DRAFT_RED)

    properties = word.core_properties
    properties.title = _property(document.title)
    properties.subject = _property(document.subtitle)
    properties.author = properties.last_modified_by = "RestoreAssist"
    properties.comments = _property(document.footer)
    properties.revision = 1
    created = _utc(generated_at)
    if created is not None:
        properties.created = properties.modified = created


def _property(text: str) -> str:
    """A core property: python-docx refuses more than 255 characters, so a longer one is cut."""
    text = docx_text(text)
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1].rstrip() + "\u2026"


def _utc(timestamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _footer(paragraph: DocxParagraph, text: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def run(value: str) -> None:
        paragraph.add_run(value).font.size = Pt(8)

    def field(instruction: str) -> None:
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), instruction)
        paragraph._p.append(simple)
        inner = OxmlElement("w:r")
        text_element = OxmlElement("w:t")
        text_element.text = "1"
        inner.append(text_element)
        simple.append(inner)

    run(f"{docx_text(text)} \u00b7 Page ")
    field("PAGE")
    run(" of ")
    field("NUMPAGES")


def _paragraph(word: Document, text: str, empty: bool) -> None:
    from docx.shared import RGBColor

    run = word.add_paragraph().add_run(docx_text(text))
    if empty:
        run.italic = True
        run.font.color.rgb = RGBColor(*_MUTED)


def _shade(cell: _Cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _write_cell(cell: _Cell, text: str, size: int, *, bold: bool = False, code: bool = False) -> None:
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(docx_text(text))
    run.font.size = Pt(size)
    run.bold = bold
    if code:
        run.font.name = _CODE_FONT


def _key_values(word: Document, block: KeyValues) -> None:
    from docx.shared import Cm

    table = word.add_table(rows=0, cols=2)
    table.style = word.styles["Table Grid"]
    table.autofit = False
    for key, value in block.items:
        key_cell, value_cell = table.add_row().cells
        key_cell.width, value_cell.width = Cm(_KEY_WIDTH_CM), Cm(_TEXT_WIDTH_CM - _KEY_WIDTH_CM)
        _shade(key_cell, _KEY_FILL)
        _write_cell(key_cell, key, _BODY_PT, bold=True)
        _write_cell(value_cell, value, _BODY_PT)
    word.add_paragraph()


def _repeat_as_header(row_element: object) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row_element.get_or_add_trPr().append(header)  # type: ignore[attr-defined]


def _table(word: Document, block: Table) -> None:
    from docx.shared import Cm, RGBColor

    total = sum(column.weight for column in block.columns)
    widths = [Cm(_TEXT_WIDTH_CM * column.weight / total) for column in block.columns]
    table = word.add_table(rows=1, cols=len(block.columns))
    table.style = word.styles["Table Grid"]
    table.autofit = False
    header = table.rows[0]
    _repeat_as_header(header._tr)
    for cell, column, width in zip(header.cells, block.columns, widths, strict=True):
        cell.width = width
        _shade(cell, _NAVY)
        _write_cell(cell, column.header, _TABLE_PT, bold=True)
        cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        _align(cell, column)
    for index, row in enumerate(block.rows):
        cells = table.add_row().cells
        for cell, column, width, text in zip(cells, block.columns, widths, row, strict=True):
            cell.width = width
            if index % 2:
                _shade(cell, _ZEBRA_FILL)
            _write_cell(cell, text, _TABLE_PT, code=column.code)
            _align(cell, column)
    word.add_paragraph()


def _align(cell: _Cell, column: Column) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    if column.align == "right":
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
