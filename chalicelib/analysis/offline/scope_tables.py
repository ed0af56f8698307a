"""Scope written as a table: a header row naming a quantity column and a unit column.

An estimator's schedule puts the number and its unit in cells of their own ("Launder curtains |
Front bedroom | 1 | each"), so the prose reader, which wants "1 each" together after a work verb,
cannot see them. A PDF loses the cell borders: the header becomes "Item Room Qty Unit" and each
row ends with its quantity and unit, its description wrapped over the lines before it. Either way
the header is what says the numbers are billed quantities, so no work verb is needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from chalicelib.analysis.findings import ScopeItem
from chalicelib.analysis.offline.scope_units import scope_unit
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS, Line, clean_value, truncate

MAX_DESCRIPTION = 200
_MAX_WRAP = 4  # description lines a PDF row may wrap over before its quantity

_DESCRIPTION_HEAD = re.compile(r"^(?:items?|description|work|task|scope(?: item)?|action|line item)$", FLAGS)
_QUANTITY_HEAD = re.compile(r"^(?:qty|quantity|quant\.?|amount)$", FLAGS)
_UNIT_HEAD = re.compile(r"^(?:units?|uom|unit of measure)$", FLAGS)
_ROOM_HEAD = re.compile(r"^(?:area|room|location|where|space)$", FLAGS)

# A flattened header: "Item Room Qty Unit", "Description Qty Unit Area".
_FLAT_HEADER = re.compile(
    r"^(?:(?:line )?item|description|work|task)(?: (?:area|room|location))? (?:qty|quantity) units?"
    r"(?: (?:area|room|location))?$",
    FLAGS,
)

_NUMBER = re.compile(r"^\d{1,5}(?:\.\d{1,2})?$")

_UNIT_WORDS = r"m2|m²|sqm|sf|sq ?ft|lm|lf|ea|each|no\.?|nr|items?|lots?|ls|sets?|pairs?|boxes|pallets|rooms?"
# A flattened row's end: "... Front bedroom 1 each", "units Kitchen 3.6 lm".
_ROW_END = re.compile(rf"(?:^|\s)(?P<q>\d{{1,5}}(?:\.\d{{1,2}})?) (?P<u>{_UNIT_WORDS})$", FLAGS)


ActionOf = Callable[[str], "str | None"]


def table_scope_items(lines: Sequence[Line], action_of: ActionOf) -> dict[int, list[ScopeItem]]:
    """Per line number, the item its table row gives (a row with no quantity gives none);
    `action_of` names the work a description's verbs say (the prose reader owns the verbs)."""
    out: dict[int, list[ScopeItem]] = {}
    columns: tuple[int, int, int | None, int | None] | None = None
    flat = False
    wrapped: list[str] = []
    for line in lines:
        cells = _cells(line.text)
        if len(cells) >= 3:
            found = _header(cells)
            if found is not None:
                columns, flat = found, False
                continue
            if columns is not None:
                item = _row_item(line, cells, columns, action_of)
                if item is not None:
                    out[line.number] = [item]
                continue
        columns = None
        if _FLAT_HEADER.match(line.text):
            flat, wrapped = True, []
            continue
        if not flat:
            continue
        if not line.text:
            flat = False
            continue
        end = _ROW_END.search(line.text)
        if end is None:
            wrapped.append(line.text)
            flat = len(wrapped) <= _MAX_WRAP  # a longer run without a quantity is past the table
            continue
        item = _flat_item(line, " ".join([*wrapped, line.text[: end.start()]]), end, action_of)
        wrapped = []
        if item is not None:
            out[line.number] = [item]
    return out


def _cells(text: str) -> list[str]:
    if "|" not in text:
        return []
    cells = [cell.strip() for cell in text.split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _header(cells: Sequence[str]) -> tuple[int, int, int | None, int | None] | None:
    """(quantity, unit, description, room) columns when the row is a scope table's header."""
    quantity = next((i for i, cell in enumerate(cells) if _QUANTITY_HEAD.match(cell)), None)
    unit = next((i for i, cell in enumerate(cells) if _UNIT_HEAD.match(cell)), None)
    if quantity is None or unit is None:
        return None
    description = next((i for i, cell in enumerate(cells) if _DESCRIPTION_HEAD.match(cell)), None)
    room = next((i for i, cell in enumerate(cells) if _ROOM_HEAD.match(cell)), None)
    return quantity, unit, description, room


def _row_item(
    line: Line, cells: Sequence[str], columns: tuple[int, int, int | None, int | None], action_of: ActionOf
) -> ScopeItem | None:
    quantity, unit_column, description_column, room_column = columns
    if max(quantity, unit_column) >= len(cells) or not _NUMBER.match(cells[quantity]):
        return None
    unit = scope_unit(cells[unit_column])
    if unit is None:
        return None
    description = (
        cells[description_column]
        if description_column is not None and description_column < len(cells)
        else ""
    )
    room = cells[room_column] if room_column is not None and room_column < len(cells) else None
    if room_column is None:
        # No room column: the one room the item's own words name ("Clean and disinfect vinyl plank,
        # showroom"); a line naming two ("carpet, lounge to hall") stays unplaced.
        named = {mention.name for mention in room_mentions(description)}
        room = named.pop() if len(named) == 1 else None
    return _item(line, description, float(cells[quantity]), unit, room or None, action_of)


def _flat_item(line: Line, description: str, end: re.Match[str], action_of: ActionOf) -> ScopeItem | None:
    unit = scope_unit(end.group("u"))
    if unit is None:
        return None
    rooms = room_mentions(description)
    room = rooms[-1].name if rooms else None
    if rooms:
        description = description[: rooms[-1].start].strip() or description
    return _item(line, description, float(end.group("q")), unit, room, action_of)


def _item(
    line: Line, description: str, quantity: float, unit: str, room: str | None, action_of: ActionOf
) -> ScopeItem:
    description = " ".join(description.split())
    return ScopeItem(
        description=truncate(clean_value(description) or description or line.text, MAX_DESCRIPTION),
        action=action_of(description),
        material=None,
        room=room,
        quantity=quantity,
        unit=unit,
        source=line.span(),
    )
