"""A table row's last cells, one a day, where a day the point was not read holds its place with a
mark or words: "X 205 - - 210", "R2 10 -- 10", "5 Kitchen joist (after opening) - 24 %MC 17 %MC
13 %MC" (not read on the first day), "H2 Hall skirting 19 %MC 14 %MC not read" (not on the last).
Once a PDF has flattened the table, the cells are parted by spaces only: a cell is a value with its
scale, or the mark, and the row's cells are read only when one of them is such a mark (a row of
values alone is the row reader's own)."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.reading_numbers import Number, reading_cell
from chalicelib.analysis.offline.text import FLAGS

# A day's cell: a value and the scale written after it ("24 %MC", "118 REL", "0.6 %"), or a mark
# or words saying the point was not read that day ("-", "--", "n/r", "not read", "removed").
_SKIP = r"[-\u2013\u2014]{1,3}|n/?r|n/a|not (?:re-?)?read|not taken|removed|lifted|cut out|gone|no access"
_VALUE = r"\d{1,3}(?:\.\d{1,2})?(?:\s?(?:%\s?MC|%|WME|REL)(?![\w%]))?"
_CELL = rf"(?:{_VALUE}|(?:{_SKIP})(?![\w/]))"
_CELLS = re.compile(rf"(?<=\s)(?:{_CELL})(?:\s+(?:{_CELL})){{1,11}}\s*$", FLAGS)
_CELL_AT = re.compile(_CELL, FLAGS)
_SKIP_CELL = re.compile(_SKIP, FLAGS)


def day_cells(text: str) -> tuple[int, list[tuple[int, int, Number | None]]] | None:
    """Where a row's trailing cells start, and each cell's span and reading (None for a day the
    point was not read); None when the row ends in no such cells or none of them is a mark."""
    found = _CELLS.search(text)
    if found is None:
        return None
    cells: list[tuple[int, int, Number | None]] = []
    for cell in _CELL_AT.finditer(text, found.start(), found.end()):
        number = reading_cell(cell.group(0)) if cell.group(0)[:1].isdigit() else None
        cells.append((cell.start(), cell.end(), number))
    if not any(_SKIP_CELL.fullmatch(text, start, end) for start, end, _ in cells):
        return None
    return found.start(), cells
