"""A table cell holding two readings of one row whose words name two surfaces: "Lounge GIB (REL) /
skirting (WME)" over "140 / 13" is the lounge GIB read 140 on the relative scale and the lounge
skirting read 13 WME. The values pair with the label's parts in order; the room the first part names
is the second's too when it names none. A cell of two values under a label of one part is no pair
(a range, or a reading and its goal), and is left unread."""

from __future__ import annotations

import re
from datetime import date

from chalicelib.analysis.offline.reading_numbers import reading_cell
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.reading_scales import explicit_scale
from chalicelib.analysis.offline.spaces import room_mentions

# Two values parted by a slash with spaces or a semicolon ("140 / 13", "140; 13"), no date ("14/11").
_PAIR = re.compile(
    r"(?P<first>[^/;]{1,12}?)\s+/\s+(?P<second>[^/;]{1,12})|(?P<a>[^/;]{1,12}?)\s*;\s*(?P<b>[^/;]{1,12})"
)
# The label's parts: "GIB (REL) / skirting (WME)", "drywall; baseboard".
_LABEL_SPLIT = re.compile(r"\s+/\s+|\s*;\s*")
_MAX_LABEL = 120


def paired_cell(
    cell: str, label: str, taken_on: date | None, point: str | None, start: int
) -> list[RowReading]:
    """Each value of a two-value cell with its own part of the row's label; [] for any other cell."""
    match = _PAIR.fullmatch(cell.strip())
    if match is None or len(label) > _MAX_LABEL:
        return []
    written = [match.group("first") or match.group("a"), match.group("second") or match.group("b")]
    numbers = [reading_cell(value) for value in written]
    parts = [part.strip() for part in _LABEL_SPLIT.split(label)]
    if any(number is None for number in numbers) or len(parts) != 2 or not all(parts):
        return []
    rooms = room_mentions(parts[0])
    if rooms and not room_mentions(parts[1]):
        # ("Lounge GIB / skirting": the skirting is the lounge's)
        parts[1] = f"{parts[0][: rooms[0].end]} {parts[1]}"
    out = []
    for part, number in zip(parts, numbers, strict=True):
        if number is None:
            continue
        scale = number.scale or explicit_scale(part)
        out.append(
            RowReading(
                part,
                number.value,
                scale,
                "reading",
                taken_on,
                number.said_dry,
                point,
                start,
                start + len(cell),
            )
        )
    return out
