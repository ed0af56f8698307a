"""The report document written as Markdown (CommonMark with pipe tables).

All text from the notes is escaped: a `|` cannot end a table cell, a newline cannot end a row,
and markup characters or a leading `#`, `>`, `-` or `1.` are shown, not interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import assert_never

from chalicelib.report.sections import (
    Block,
    Bullets,
    Column,
    KeyValues,
    Paragraph,
    ReportDocument,
    Subheading,
    Table,
    plain,
)

# Characters Markdown would read as syntax anywhere in a line; `|` also ends a table cell.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
# What would start a heading, quote, list, thematic break or setext underline at a line's start.
_BLOCK_START = re.compile(r"^(?:(\d{1,9})([.)])|#{1,6}|[+\-])(?=\s|$)")


def inline(text: str) -> str:
    """User text made safe for one line of Markdown, including a table cell."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", plain(text))
    return _BLOCK_START.sub(_escape_block_start, escaped, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group(0)


def code(text: str) -> str:
    # A code span shows identifiers as written; only a backtick inside could end it early.
    return f"`{plain(text).replace('`', '')}`"


def _cell(text: str, column: Column) -> str:
    return code(text) if column.code else inline(text)


def _table(table: Table) -> str:
    lines = [
        "| " + " | ".join(inline(column.header) for column in table.columns) + " |",
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
    return _bullets(f"**{inline(key)}:** {inline(value)}" for key, value in block.items)


def _block(block: Block) -> str:
    match block:
        case Subheading(text=text):
            return f"### {inline(text)}"
        case KeyValues():
            return _key_values(block)
        case Table():
            return _table(block)
        case Paragraph(text=text):
            return inline(text)
        case Bullets(items=items):
            return _bullets(map(inline, items))
        case _:
            assert_never(block)


def write_markdown(document: ReportDocument) -> str:
    parts = [f"# {inline(document.title)}", inline(document.subtitle), _key_values(document.cover)]
    for section in document.sections:
        parts.append(f"## {inline(section.title)}")
        parts.extend(map(_block, section.blocks))
    return "\n\n".join(parts) + "\n"
