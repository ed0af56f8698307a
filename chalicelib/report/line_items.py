"""The scope of work as line items an estimator can price, with the company's catalogue codes.

Each scope item becomes one line: its action, description, room, quantity and unit (named as
the job wrote them: m², ft², lm, lf, each, hours, days), the line of the notes it came from, and
the category and selector codes of the company's estimating system. The codes come from the
line-item catalogue (`LineItemCatalogue`): the shipped default in `line_item_catalogue.json`, or
the one a user keeps in their settings. Entries are tried in order and the first whose action
word and material word both appear wins; a line no entry matches keeps empty codes (and
`mapped: false`) rather than a guessed one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pydantic import Field

from chalicelib.analysis.findings import CamelModel, ScopeItem
from chalicelib.core.models import CatalogueEntry, LineItemCatalogue
from chalicelib.report.wording import number, where

DEFAULT_CATALOGUE_PATH = Path(__file__).with_name("line_item_catalogue.json")
ANY = "*"

# The units the scope reader writes, named as an estimate names them; an unknown one as written.
UNIT_NAMES = {
    "m2": "m\u00b2",
    "sq ft": "ft\u00b2",
    "lm": "lm",
    "lf": "lf",
    "ea": "each",
    "each": "each",
    "hrs": "hours",
    "days": "days",
}


class LineItem(CamelModel):
    """One priced line of the scope of work, in the JSON report and the CSV export."""

    number: int = Field(ge=1, description="The line's number in the scope, from 1")
    action: str | None = Field(default=None, description='The work, e.g. "remove"')
    description: str
    room: str | None = None
    quantity: float | None = None
    unit: str | None = Field(default=None, description='As the job wrote it: "m²", "ft²", "lm", "each", ...')
    category: str | None = Field(default=None, description="The estimating system's category code")
    selector: str | None = Field(default=None, description="The estimating system's selector code")
    mapped: bool = Field(description="Whether a catalogue entry matched (else the codes are empty)")
    source: str = Field(description='Where the notes give it, e.g. "line 21" or "p. 2, line 4"')
    line: int | None = Field(default=None, description="The line of the notes, when it is one")
    page: int | None = None


@cache
def default_catalogue() -> LineItemCatalogue:
    """The shipped catalogue (generic codes; a company replaces them through its settings)."""
    return LineItemCatalogue.model_validate(json.loads(DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8")))


def unit_name(unit: str | None) -> str | None:
    if unit is None:
        return None
    return UNIT_NAMES.get(unit.strip().lower(), unit)


def _words(text: str) -> str:
    """Lower case, one space between words, with spaces at both ends for whole-word matching."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def _matches(entry: CatalogueEntry, action: str, material: str) -> bool:
    wanted_action, wanted_material = _words(entry.action), _words(entry.material)
    action_ok = entry.action.strip() == ANY or wanted_action in action
    # A material word may be the start of the written one ("skirting" in "skirting boards").
    material_ok = entry.material.strip() == ANY or wanted_material.rstrip() in material
    return action_ok and material_ok


def match_entry(item: ScopeItem, catalogue: LineItemCatalogue) -> CatalogueEntry | None:
    """The first entry whose action and material words the scope item has."""
    action = _words(item.action or item.description)
    material = _words(f"{item.material or ''} {item.description}")
    return next((entry for entry in catalogue.entries if _matches(entry, action, material)), None)


def line_items(items: Iterable[ScopeItem], catalogue: LineItemCatalogue | None = None) -> list[LineItem]:
    chosen = catalogue or default_catalogue()
    out = []
    for index, item in enumerate(items, start=1):
        entry = match_entry(item, chosen)
        out.append(
            LineItem(
                number=index,
                action=item.action,
                description=item.description,
                room=item.room,
                quantity=item.quantity,
                unit=unit_name(item.unit),
                category=entry.category if entry else None,
                selector=entry.selector if entry else None,
                mapped=entry is not None,
                source=where(item.source),
                line=item.source.line,
                page=item.source.page,
            )
        )
    return out


def quantity_text(item: LineItem) -> str:
    return "" if item.quantity is None else number(item.quantity)


def coded_items(stored: list[LineItem] | None, scope: Iterable[ScopeItem]) -> list[LineItem]:
    """The line items a report was rendered with, else the scope coded from the default."""
    return stored if stored is not None else line_items(scope)
