"""A table of readings by day that starts outside a readings block, known by its header's titles:
"Ref Room Material Dry std 02/10 03/10 ..." names its columns; "Upstairs (%MC)  23/03  24/03 ..."
names the level its rows are on and the scale of every column."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from chalicelib.analysis.offline.reading_row_columns import Column
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_scales import explicit_scale
from chalicelib.analysis.offline.text import FLAGS

# ("Pts:  11/28  11/30  12/2": a technician's plural titles the points' column as the singular does)
_COLUMN_TITLE = re.compile(
    r"\b(?:rooms?|locations?|materials?|points?|pts?|areas?|surfaces?|substrates?)\b", FLAGS
)
_LEVEL_TITLE = re.compile(
    r"^(?:upstairs|downstairs|basement|cellar|attic|loft"
    r"|(?:lower ground|ground|first|second|third|1st|2nd|3rd|upper|lower|main|top) (?:floor|level|storey))"
    r"(?: ?\((?P<scale>% ?mc|wme|rel)\))? \d",
    FLAGS,
)
_MIN_DAYS = 2


def titled_header(rows: RowReader, text: str, anchor: date | None) -> list[Column] | None:
    """The columns of a titled header of readings by day, or None when the line is no such header."""
    header = rows.header_words(text, anchor)
    level = _LEVEL_TITLE.match(text)
    if header is None or (
        _COLUMN_TITLE.search(text) is None and level is None and not _only_days(rows, text, anchor)
    ):
        return None
    if sum(column.kind == "date" for column in header) < _MIN_DAYS and not _one_visit(header, text):
        return None
    scale = explicit_scale(level.group("scale")) if level is not None and level.group("scale") else None
    return [replace(column, scale=column.scale or scale) for column in header] if scale else header


# ("Ref Location Material Reading Note": one visit's table, its column of values titled as such)
_READING_TITLE = re.compile(r"\b(?:readings?|results?|values?)\b", FLAGS)


def _one_visit(header: list[Column], text: str) -> bool:
    """Whether a header titles a table of one visit's readings: its place and material columns and
    one column of values titled "Reading" (the day is the block's or the visit's)."""
    values = [column for column in header if column.kind in ("value", "date")]
    return (
        len(values) == 1
        and _READING_TITLE.search(text) is not None
        and _COLUMN_TITLE.search(text) is not None
    )


def _only_days(rows: RowReader, text: str, anchor: date | None) -> bool:
    """ "                 11/12   11/14   11/16": a line of days alone over the rows' untitled label
    column heads a table as a titled one does (nothing but days is no sentence of the notes)."""
    found = rows.dates.find(text, anchor, yearless_numeric=True)
    if len(found) < _MIN_DAYS:
        return False
    rest, position = [], 0
    for match in found:
        rest.append(text[position : match.start])
        position = match.end
    rest.append(text[position:])
    return not re.search(r"\w", "".join(rest))
