"""The report's scope of work: the line items an estimator prices, each with its action,
description, room, quantity and unit as the job wrote them, the catalogue's code and the line
of the notes it came from (`line_items` makes them)."""

from __future__ import annotations

from collections.abc import Sequence

from chalicelib.report.blocks import Column, Paragraph, Section, Table
from chalicelib.report.line_items import LineItem, quantity_text
from chalicelib.report.wording import NONE, sentence

SCOPE_COLUMNS = (
    Column("#", 0.35, "right"),
    Column("Action", 1.2),  # "Apply antimicrobial" must not break inside a word
    Column("Description", 2.35),
    Column("Room", 0.9),
    Column("Quantity", 0.75, "right"),
    Column("Unit", 0.6),
    Column("Code", 1.2, code=True),
    Column("Source", 0.8),
)


def _code(item: LineItem) -> str:
    if item.category is None or item.selector is None:
        return NONE  # the catalogue has no entry: the estimator codes it (the JSON says `mapped`)
    return f"{item.category} {item.selector}"


def _row(item: LineItem) -> tuple[str, ...]:
    return (
        str(item.number),
        sentence(item.action) if item.action else NONE,
        item.description,
        item.room or NONE,
        quantity_text(item) or NONE,
        item.unit or NONE,
        _code(item),
        item.source,
    )


def scope_section(items: Sequence[LineItem]) -> Section:
    title = "Scope of work"
    if not items:
        return Section(
            "scope-of-work",
            title,
            (Paragraph("No scope of work items were recorded in the notes.", empty=True),),
        )
    intro = (
        "Line items with quantities and units as the job wrote them; the code is the estimating "
        "system's category and selector from the company's line-item catalogue (\u2014 where the "
        "catalogue has no entry for the line)."
    )
    return Section("scope-of-work", title, (Paragraph(intro), Table(SCOPE_COLUMNS, tuple(map(_row, items)))))
