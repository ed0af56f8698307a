"""A table of readings by day that starts outside a readings block, known by its header's titles:
"Ref Room Material Dry std 02/10 03/10 ..." names its columns; "Upstairs (%MC)  23/03  24/03 ..."
names the level its rows are on and the scale of every column."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from chalicelib.analysis.offline.reading_rows import Column, RowReader
from chalicelib.analysis.offline.reading_scales import explicit_scale
from chalicelib.analysis.offline.text import FLAGS

_COLUMN_TITLE = re.compile(r"\b(?:room|location|material|point|pt|area|surface|substrate)\b", FLAGS)
_LEVEL_TITLE = re.compile(
    r"^(?:upstairs|downstairs|basement|ground floor|first floor|upper floor|lower level|main floor)"
    r"(?: ?\((?P<scale>% ?mc|wme|rel)\))? \d",
    FLAGS,
)
_MIN_DAYS = 2


def titled_header(rows: RowReader, text: str, anchor: date | None) -> list[Column] | None:
    """The columns of a titled header of readings by day, or None when the line is no such header."""
    header = rows.header_words(text, anchor)
    level = _LEVEL_TITLE.match(text)
    if header is None or (_COLUMN_TITLE.search(text) is None and level is None):
        return None
    if sum(column.kind == "date" for column in header) < _MIN_DAYS:
        return None
    scale = explicit_scale(level.group("scale")) if level is not None and level.group("scale") else None
    return [replace(column, scale=column.scale or scale) for column in header] if scale else header
