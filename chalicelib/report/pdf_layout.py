"""Text and tables laid out for the PDF report without fpdf2's per-character line breaker.

fpdf2's `multi_cell` (and its table API, which calls `multi_cell` twice per cell: once to
measure, once to draw) re-measures the whole line for every character it adds, so a cell costs
time in the square of its length; in a profiled report it was two thirds of the CPU. Our text
is plain (one font and size per block, no markup, no shaping), so it is wrapped here with a
width per character looked up once per font and size, and each line is written with
`FPDF.text`. The rules are fpdf2's own, so the pages look as before: break at the last space
that fits, else inside the word; a space at the break is dropped; a line's width is the sum of
its characters' advance widths; the baseline sits at half the line height plus 0.3 of the font
size; a table row is as tall as its tallest cell, repeats the heading row after a page break,
and is filled on every other row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chalicelib.report.pdf_fonts import FONT

if TYPE_CHECKING:
    from fpdf import FPDF

Colour = tuple[int, int, int]
_TOLERANCE = 1e-7  # fpdf2's FloatTolerance: a line exactly as wide as the room fits


class TextSetter:
    """Measures, wraps and writes plain text in the report's font on one `FPDF`."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        # (style, size) -> mm per character; filled as characters are met.
        self._widths: dict[tuple[str, float], dict[str, float]] = {}

    def _table(self, style: str, size_pt: float) -> tuple[dict[str, float], Callable[[str], float]]:
        key = (style, size_pt)
        widths = self._widths.get(key)
        if widths is None:
            widths = self._widths[key] = {}
        cw: dict[int, float] = self.pdf.fonts[f"{FONT.lower()}{style}"].cw  # type: ignore[assignment]
        scale = size_pt * 0.001 / self.pdf.k

        def measure(char: str) -> float:
            width = widths[char] = cw[ord(char)] * scale
            return width

        return widths, measure

    def width(self, text: str, style: str, size_pt: float) -> float:
        widths, measure = self._table(style, size_pt)
        return sum(widths.get(char) or measure(char) for char in text)

    def wrap(self, text: str, room: float, style: str, size_pt: float) -> list[str]:
        """The lines `text` breaks into in `room` mm, as fpdf2's word wrap breaks them."""
        widths, measure = self._table(style, size_pt)
        room += _TOLERANCE
        lines: list[str] = []
        start, used, last_space, index, end = 0, 0.0, -1, 0, len(text)
        while index < end:
            char = text[index]
            advance = widths.get(char)
            if advance is None:
                advance = measure(char)
            if used + advance > room:
                if char == " ":  # the space at a break is dropped
                    lines.append(text[start:index])
                    start = index + 1
                elif last_space >= start:  # back to the last space that fitted
                    lines.append(text[start:last_space])
                    start = last_space + 1
                elif index > start:  # one word wider than the room: break inside it
                    lines.append(text[start:index])
                    start = index
                else:  # not even one character fits: fpdf2 would refuse; print it anyway
                    lines.append(char)
                    start = index + 1
                index, used, last_space = start, 0.0, -1
                continue
            if char == " ":
                last_space = index
            used += advance
            index += 1
        if start < end or not lines:
            lines.append(text[start:])
        return lines

    def write_lines(
        self,
        lines: Sequence[str],
        x: float,
        width: float,
        line_height: float,
        style: str,
        size_pt: float,
        *,
        right: bool = False,
        margin: float | None = None,
    ) -> None:
        """Write `lines` down from the current y in a column `width` mm wide at `x`, one
        `line_height` each, breaking the page before a line that would cross its foot (the
        running header moves y). The text stands `margin` mm inside the column (fpdf2's cell
        margin when None)."""
        pdf = self.pdf
        pdf.set_font(FONT, style, size_pt)
        inset = pdf.c_margin if margin is None else margin
        rise = 0.5 * line_height + 0.3 * pdf.font_size
        for line in lines:
            if pdf.will_page_break(line_height):
                pdf.add_page()
            if line:
                left = x + width - inset - self.width(line, style, size_pt) if right else x + inset
                pdf.text(left, pdf.y + rise, line)
            pdf.y += line_height


@dataclass(frozen=True)
class TableStyle:
    line_height: float
    padding: float
    size_pt: float
    code_size_pt: float
    text: Colour
    rule: Colour
    heading_text: Colour
    heading_fill: Colour
    zebra_fill: Colour


@dataclass(frozen=True)
class _Cell:
    lines: list[str]
    style: str
    size_pt: float
    right: bool


def draw_table(
    setter: TextSetter,
    widths: Sequence[float],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[bool],
    code: Sequence[bool],
    look: TableStyle,
) -> None:
    """A table as fpdf2's `table()` draws ours (`borders_layout="HORIZONTAL_LINES"`,
    `cell_fill_mode="ROWS"`, `v_align="TOP"`, `repeat_headings=1`): a filled heading row in
    bold, rules between rows, every other body row filled; a row never splits across pages."""
    pdf = setter.pdf
    pad = look.padding
    lefts = [pdf.l_margin]
    for width in widths[:-1]:
        lefts.append(lefts[-1] + width)
    total_width = sum(widths)

    def laid_out(texts: Sequence[str], heading: bool) -> tuple[list[_Cell], float]:
        cells = []
        for text, width, is_right, is_code in zip(texts, widths, right, code, strict=True):
            style = "B" if heading else ""
            size = look.code_size_pt if is_code and not heading else look.size_pt
            lines = setter.wrap(text, width - 2 * pad, style, size) if text else []
            cells.append(_Cell(lines, style, size, is_right))
        tallest = max((len(cell.lines) for cell in cells), default=0)
        return cells, max(tallest, 1) * look.line_height + 2 * pad

    heading = laid_out(headers, True)
    body = [laid_out(row, False) for row in rows]
    count = len(body) + 1

    def draw(index: int, cells: list[_Cell], height: float) -> None:
        top = pdf.y
        fill = look.heading_fill if index == 0 else look.zebra_fill if index % 2 == 1 else None
        if fill is not None:
            pdf.set_fill_color(*fill)
            pdf.rect(pdf.l_margin, top, total_width, height, style="F")
        pdf.set_draw_color(*look.rule)
        if index > 0:
            pdf.line(pdf.l_margin, top, pdf.l_margin + total_width, top)
        if index < count - 1:
            pdf.line(pdf.l_margin, top + height, pdf.l_margin + total_width, top + height)
        pdf.set_text_color(*(look.heading_text if index == 0 else look.text))
        for cell, left, width in zip(cells, lefts, widths, strict=True):
            pdf.y = top + pad
            setter.write_lines(
                cell.lines,
                left,
                width,
                look.line_height,
                cell.style,
                cell.size_pt,
                right=cell.right,
                margin=pad,
            )
        pdf.set_xy(pdf.l_margin, top + height)

    # The heading starts a page with the first row under it (fpdf2 checks the two together).
    first = heading[1] + (body[0][1] if body else 0)
    if pdf.will_page_break(first):
        pdf.add_page()
    draw(0, *heading)
    for index, (cells, height) in enumerate(body, start=1):
        if pdf.will_page_break(height):
            pdf.add_page()
            draw(0, *heading)
        draw(index, cells, height)
