"""The report document written as Markdown (CommonMark with pipe tables).

Every string from the notes goes through `sanitize.markdown_text` (or `markdown_code` for the
identifier columns): a `|` cannot end a table cell, a newline cannot end a row or start a block,
HTML is shown as text and markup characters are shown, not interpreted. The headings, lists,
bold keys and tables around that text are this module's own markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

from chalicelib.report.blocks import (
    Block,
    Bullets,
    Column,
    Figures,
    KeyValues,
    Paragraph,
    ReportDocument,
    Subheading,
    Table,
)
from chalicelib.report.photos import markdown_figures
from chalicelib.report.sanitize import markdown_code, markdown_text


def _cell(text: str, column: Column) -> str:
    return markdown_code(text) if column.code else markdown_text(text)


def _table(table: Table) -> str:
    lines = [
        "| " + " | ".join(markdown_text(column.header) for column in table.columns) + " |",
        "|" + "".join(" ---: |" if column.align == "right" else " --- |" for column in table.columns),
    ]
    lines.extend(
        "| " + " | ".join(_cell(text, column) for text, column in zip(row, table.columns, strict=True)) + " |"
        for row in table.rows
    )
    return "\n".join(lines)


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _key_values(block: KeyValues) -> str:
    return _bullets(f"**{markdown_text(key)}:** {markdown_text(value)}" for key, value in block.items)


def _block(block: Block) -> str:
    match block:
        case Subheading(text=text):
            return f"### {markdown_text(text)}"
        case KeyValues():
            return _key_values(block)
        case Table():
            return _table(block)
        case Paragraph(text=text):
            return markdown_text(text)
        case Bullets(items=items):
            return _bullets(map(markdown_text, items))
        case Figures():
            return markdown_figures(block)
        case _:
            assert_never(block)


def write_markdown(document: ReportDocument) -> str:
    parts = [
        f"# {markdown_text(document.title)}",
        markdown_text(document.subtitle),
        _key_values(document.cover),
    ]
    if document.draft_mark:
        parts.insert(0, f"**{markdown_text(document.draft_mark)}**")
    for section in document.sections:
        parts.append(f"## {markdown_text(section.title)}")
        parts.extend(map(_block, section.blocks))
    return "\n\n".join(parts) + "\n"
