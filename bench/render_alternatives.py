"""Two other PDF renderers of the same report document, for bench/render.py only: ReportLab
(platypus) and Typst (the `typst` PyPI wheel, a Rust typesetter). Each lays out the blocks of
`sections.build_document` with the report's look (A4, 18 mm margins, Fira Sans, a navy cover
band, tables with a navy heading row repeated on each page, zebra rows and rules, a running
header after the cover and "Page n of N" footers) so the time compares like with like. Each
loads its fonts once per process, as the tuned fpdf2 renderer does. Nothing in chalicelib
imports this; neither library is a runtime dependency (requirements-dev.txt).
"""

# ruff: noqa: E501 - the Typst templates below read best one markup call to a line

from __future__ import annotations

import io
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from chalicelib.report.blocks import Bullets, Figures, KeyValues, Paragraph, ReportDocument, Subheading, Table
from chalicelib.report.pdf_fonts import font_files
from chalicelib.report.photos import with_photos
from chalicelib.report.render import Report
from chalicelib.report.sanitize import pdf_text
from chalicelib.report.sections import build_document

NAVY, ACCENT, TEXT, MUTED, RULE = "#1f3a5f", "#346da0", "#212529", "#646a73", "#cdd3db"
KEY_FILL, ZEBRA = "#e8edf3", "#f4f6f9"


def _document(report: Report) -> ReportDocument:
    return with_photos(build_document(report), report, report.images)


# --- ReportLab ---------------------------------------------------------------------------------


@cache
def _reportlab_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = {"": "Fira", "B": "Fira-Bold", "I": "Fira-Italic"}
    for style, path in font_files().items():
        pdfmetrics.registerFont(TTFont(names[style], str(path)))
    pdfmetrics.registerFontFamily("Fira", normal="Fira", bold="Fira-Bold", italic="Fira-Italic")


def render_reportlab(report: Report) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import (
        CondPageBreak,
        HRFlowable,
        Image,
        ListFlowable,
        SimpleDocTemplate,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus import Paragraph as P
    from reportlab.platypus import Table as T

    _reportlab_fonts()
    document = _document(report)
    body = ParagraphStyle("body", fontName="Fira", fontSize=9.5, leading=4.8 * mm, textColor=TEXT)
    muted = ParagraphStyle("muted", parent=body, fontName="Fira-Italic", textColor=MUTED)
    key = ParagraphStyle("key", parent=body, fontName="Fira-Bold")
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=3.6 * mm)
    code = ParagraphStyle("code", parent=cell, fontSize=7.2)
    head = ParagraphStyle("head", parent=cell, fontName="Fira-Bold", textColor=colors.white)
    h1 = ParagraphStyle("h1", parent=body, fontName="Fira-Bold", fontSize=13, leading=7 * mm, textColor=NAVY)
    h2 = ParagraphStyle(
        "h2", parent=body, fontName="Fira-Bold", fontSize=10.5, leading=6 * mm, textColor=ACCENT
    )
    width = A4[0] - 36 * mm

    def text(value: str, style: ParagraphStyle) -> P:
        return P(escape(pdf_text(value)), style)  # Paragraph parses markup: escape it

    def key_values(block: KeyValues, filled: bool = False) -> T:
        rows = [[text(k, key), text(v, body)] for k, v in block.items]
        table = T(rows, colWidths=[42 * mm, width - 42 * mm])
        commands: list[Any] = [
            ("LINEBELOW", (0, 0), (-1, -1), 0.2 * mm, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if filled:
            commands.append(("BACKGROUND", (0, 0), (0, -1), KEY_FILL))
        table.setStyle(TableStyle(commands))
        return table

    story: list[Any] = [Spacer(1, 30 * mm)]
    if document.draft_mark:
        story.append(text(document.draft_mark, h1))
    story.append(key_values(document.cover, filled=True))
    for section in document.sections:
        story += [CondPageBreak(44 * mm), Spacer(1, 4 * mm), text(section.title, h1)]
        story += [HRFlowable(width="100%", thickness=0.5 * mm, color=ACCENT), Spacer(1, 2.5 * mm)]
        for block in section.blocks:
            match block:
                case Subheading(text=value):
                    story += [CondPageBreak(36 * mm), text(value, h2)]
                case KeyValues():
                    story.append(key_values(block))
                case Table(columns=columns, rows=rows):
                    total = sum(c.weight for c in columns)
                    widths = [width * c.weight / total for c in columns]
                    data = [[text(c.header, head) for c in columns]]
                    data += [
                        [text(v, code if c.code else cell) for v, c in zip(row, columns, strict=True)]
                        for row in rows
                    ]
                    table = T(data, colWidths=widths, repeatRows=1)
                    table.setStyle(
                        TableStyle(
                            [
                                ("BACKGROUND", (0, 0), (-1, 0), NAVY),
                                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [ZEBRA, colors.white]),
                                ("LINEBELOW", (0, 1), (-1, -2), 0.2 * mm, RULE),
                                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ]
                        )
                    )
                    story += [table, Spacer(1, 3 * mm)]
                case Paragraph(text=value, empty=empty):
                    story += [text(value, muted if empty else body), Spacer(1, 1.5 * mm)]
                case Bullets(items=items):
                    story.append(
                        ListFlowable([text(i, body) for i in items], bulletType="bullet", start="\u2022")
                    )
                case Figures(items=figures):
                    for figure in figures:
                        ratio = figure.height / figure.width if figure.width else 0.75
                        image = Image(io.BytesIO(figure.image), width=60 * mm, height=60 * mm * ratio)
                        story.append(
                            T(
                                [[image, [text(figure.caption, key), text(figure.detail, cell)]]],
                                colWidths=[65 * mm, width - 65 * mm],
                            )
                        )

    running = pdf_text(f"{document.title} \u2014 {document.subtitle}")

    # reportlab ships no type hints, so Canvas is Any to mypy; subclassing it is what its docs show.
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Draws headers and footers once the page count is known (ReportLab has no alias)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(len(self._pages))
                super().showPage()
            super().save()

        def _decorate(self, count: int) -> None:
            page = self._pageNumber
            if page == 1:
                self.setFillColor(NAVY)
                self.rect(0, A4[1] - 38 * mm, A4[0], 38 * mm, stroke=0, fill=1)
                self.setFillColor(colors.white)
                self.setFont("Fira-Bold", 19)
                self.drawString(18 * mm, A4[1] - 17 * mm, pdf_text(document.title))
                self.setFont("Fira", 11)
                self.drawString(18 * mm, A4[1] - 24 * mm, pdf_text(document.subtitle))
            else:
                self.setFont("Fira", 7.5)
                self.setFillColor(MUTED)
                self.drawString(18 * mm, A4[1] - 12 * mm, running)
            self.setFont("Fira", 7.5)
            self.setFillColor(MUTED)
            self.drawString(18 * mm, 9 * mm, pdf_text(document.footer))
            self.drawRightString(A4[0] - 18 * mm, 9 * mm, f"Page {page} of {count}")

    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title=document.title,
        author="RestoreAssist",
    )
    template.build(story, canvasmaker=NumberedCanvas)
    return buffer.getvalue()


# --- Typst -------------------------------------------------------------------------------------


@cache
def _typst_compiler() -> Any:
    import typst

    folders = sorted({str(path.parent) for path in font_files().values()})
    return typst.Compiler(font_paths=folders, ignore_system_fonts=True)


def _s(value: str) -> str:
    """A Typst string literal: all text from the notes is data, never markup."""
    return "#" + json.dumps(pdf_text(value), ensure_ascii=False)


def _source(document: ReportDocument, images: dict[int, str]) -> str:
    running = pdf_text(f"{document.title} \u2014 {document.subtitle}")
    out = [
        f'#set document(title: {json.dumps(pdf_text(document.title), ensure_ascii=False)}, author: "RestoreAssist")',
        '#set text(font: "Fira Sans", size: 9.5pt, fill: rgb("' + TEXT + '"))',
        "#set par(leading: 0.55em, spacing: 0.9em)",
        '#set page(paper: "a4", margin: (x: 18mm, top: 20mm, bottom: 18mm),',
        f'  header: context {{ if counter(page).get().first() > 1 {{ text(size: 7.5pt, fill: rgb("{MUTED}"))[{_s(running)}]; line(length: 100%, stroke: 0.2mm + rgb("{RULE}")) }} }},',
        f'  footer: context text(size: 7.5pt, fill: rgb("{MUTED}"))[{_s(document.footer)} #h(1fr) Page #counter(page).display("1 of 1", both: true)])',
        f'#place(top + left, dx: -18mm, dy: -20mm, block(width: 210mm, height: 38mm, fill: rgb("{NAVY}"), inset: (x: 18mm, top: 11mm))[',
        f'  #text(size: 19pt, weight: "bold", fill: white)[{_s(document.title)}] \\',
        f"  #text(size: 11pt, fill: white)[{_s(document.subtitle)}]])",
        "#v(26mm)",
    ]
    if document.draft_mark:
        out.append(f'#text(size: 13pt, weight: "bold", fill: rgb("#b02020"))[{_s(document.draft_mark)}]')

    def key_values(block: KeyValues, filled: bool = False) -> str:
        fill = f'(x, y) => if x == 0 {{ rgb("{KEY_FILL}") }}' if filled else "none"
        cells = ", ".join(f"[*{_s(k)}*], [{_s(v)}]" for k, v in block.items)
        return (
            f'#table(columns: (42mm, 1fr), stroke: (x, y) => (bottom: 0.2mm + rgb("{RULE}")), inset: (x: 1.6mm, y: 1.2mm),'
            f" fill: {fill}, {cells})"
        )

    out.append(key_values(document.cover, filled=True))
    for section in document.sections:
        out.append(
            f'#block(breakable: false, below: 2.5mm)[#text(size: 13pt, weight: "bold", fill: rgb("{NAVY}"))[{_s(section.title)}] #v(-2mm) #line(length: 100%, stroke: 0.5mm + rgb("{ACCENT}"))]'
        )
        for block in section.blocks:
            match block:
                case Subheading(text=value):
                    out.append(f'#text(size: 10.5pt, weight: "bold", fill: rgb("{ACCENT}"))[{_s(value)}]')
                case KeyValues():
                    out.append(key_values(block))
                case Table(columns=columns, rows=rows):
                    widths = ", ".join(f"{c.weight}fr" for c in columns)
                    aligns = ", ".join("right" if c.align == "right" else "left" for c in columns)
                    header = ", ".join(f'text(fill: white, weight: "bold")[{_s(c.header)}]' for c in columns)
                    body = ", ".join(
                        f"text(size: 7.2pt)[{_s(v)}]" if c.code else f"[{_s(v)}]"
                        for row in rows
                        for v, c in zip(row, columns, strict=True)
                    )
                    out.append(
                        f"#{{set text(size: 8pt); table(columns: ({widths},), align: ({aligns},), inset: 1.2mm,"
                        f' stroke: (x, y) => if y > 0 {{ (top: 0.2mm + rgb("{RULE}")) }},'
                        f' fill: (x, y) => if y == 0 {{ rgb("{NAVY}") }} else if calc.odd(y) {{ rgb("{ZEBRA}") }},'
                        f" table.header({header}), {body})}}"
                    )
                case Paragraph(text=value, empty=empty):
                    out.append(
                        f'#text(style: "italic", fill: rgb("{MUTED}"))[{_s(value)}]'
                        if empty
                        else f"#par[{_s(value)}]"
                    )
                case Bullets(items=items):
                    out.append("#list(" + ", ".join(f"[{_s(i)}]" for i in items) + ")")
                case Figures(items=figures):
                    for figure in figures:
                        name = images[id(figure)]
                        out.append(
                            f'#grid(columns: (60mm, 1fr), gutter: 5mm, image("{name}", width: 60mm),'
                            f" [*{_s(figure.caption)}* \\ #text(size: 8pt)[{_s(figure.detail)}]])"
                        )
    return "\n".join(out)


def render_typst(report: Report) -> bytes:
    document = _document(report)
    compiler = _typst_compiler()
    with tempfile.TemporaryDirectory() as root:
        # Typst reads images from files under its root: writing them is part of its cost.
        images: dict[int, str] = {}
        for section in document.sections:
            for block in section.blocks:
                if isinstance(block, Figures):
                    for figure in block.items:
                        name = f"photo-{len(images)}.jpg"
                        (Path(root) / name).write_bytes(figure.image)
                        images[id(figure)] = name
        source = _source(document, images).encode("utf-8")
        result = compiler.compile(input=source, format="pdf", root=root, pdf_tags=False)
    assert isinstance(result, bytes)
    return result
