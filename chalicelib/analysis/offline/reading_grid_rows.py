"""A grid map's table lines: a header row of letters (or numbers) in order, and a row per number
(or letter) giving one cell a column ("1  12  13  -  64"). Cells are named letter first ("C1"),
whichever way the grid is turned. The grid's points are registered by reading_grid_map."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

_MAX_LINE = 200
_MIN_COLUMNS = 2
# A header row: single letters (or one- or two-digit numbers) in order, spaced.
_LETTER_HEAD = re.compile(r"\s*(?:\|\s*)?[A-Z](?:\s*\|?\s+[A-Z])+\s*\|?\s*", re.ASCII)
_NUMBER_HEAD = re.compile(r"\s*(?:\|\s*)?\d{1,2}(?:\s*\|?\s+\d{1,2})+\s*\|?\s*", re.ASCII)
_ROW = re.compile(r"\s*\|?\s*(?P<label>[A-Z]|\d{1,2})\s*[|:]?\s+(?P<cells>.*)", re.ASCII)
_CELL = re.compile(r"\d{1,4}(?:\.\d{1,2})?|-|\u2013|\u2014|n/?r|n/?a", re.ASCII | re.IGNORECASE)
_GAP = re.compile(r"[\s|]+")
_STATE_KEY = "_grid_head"


def grid_head(text: str) -> tuple[str, ...] | None:
    """A header row's labels when they run in order ("A B C D", "1 2 3"); None otherwise."""
    if len(text) > _MAX_LINE:
        return None
    if _LETTER_HEAD.fullmatch(text) is None and _NUMBER_HEAD.fullmatch(text) is None:
        return None
    labels = tuple(_GAP.split(text.strip(" |")))
    if len(labels) < _MIN_COLUMNS:
        return None
    first = int(labels[0]) if labels[0].isdigit() else ord(labels[0])
    expected = tuple(str(first + i) if labels[0].isdigit() else chr(first + i) for i in range(len(labels)))
    return labels if labels == expected else None


def grid_line(text: str, head: Sequence[str]) -> tuple[str, list[str]] | None:
    """A row under a header: its label (the other kind: a number under letters) and one cell a
    column; None when the line is anything else."""
    if len(text) > _MAX_LINE:
        return None
    found = _ROW.fullmatch(text.rstrip(" |"))
    if found is None or found.group("label").isdigit() == head[0].isdigit():
        return None
    cells = [cell for cell in _GAP.split(found.group("cells").strip(" |")) if cell]
    if len(cells) != len(head) or not all(_CELL.fullmatch(cell) for cell in cells):
        return None
    return found.group("label"), cells


def cell_code(column: str, row: str) -> str:
    """A cell's ID, letter first: column "C" row "1" and column "1" row "C" are both "C1"."""
    return f"{column}{row}" if column.isalpha() else f"{row}{column}"


def grid_row(text: str, known: Collection[str], state: dict[str, object]) -> list[tuple[str, float]] | None:
    """A grid table's line: [] for its header (kept in `state`), the row's values by cell, None for
    any other line (which ends the table)."""
    head = grid_head(text)
    if head is not None and cell_code(head[0], "1" if head[0].isalpha() else "A") in known:
        state[_STATE_KEY] = head
        return []
    kept = state.get(_STATE_KEY)
    if not isinstance(kept, tuple):
        return None
    row = grid_line(text, kept)
    if row is None:
        state.pop(_STATE_KEY, None)
        return None
    label, cells = row
    values = []
    for column, cell in zip(kept, cells, strict=True):
        code = cell_code(column, label)
        if code in known and cell[0].isdigit():
            values.append((code, float(cell)))
    return values
