"""A map's legend typed in two columns: "A rumpus back wall 300 AFF     B rumpus side wall" is two
points on one line, set apart by a wide gap, and an indented line under it ("   garage block wall
at street level") goes on the point its line ended with. Each point is given its own line, so the
legend reads as one point a line. The gaps are in the document as written only (a line's text
has its spaces collapsed), so the lines are matched back to it by number."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.text import Line, collapse

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A point's code leading the line or a column: "A", "G", "P3", "DS1", then a word
_CODE_START = r"(?:[A-Z]{1,2}\d{0,2}|DS\d?|REF|STD)(?:[ \t]+|[ \t]*=[ \t]*)[A-Za-z]"
# (a label may lead the first line: "Pts:  W1 wall behind tap   W2 wall by the door")
_LEADING_CODE = re.compile(r"[ \t]*(?:[A-Za-z]{2,12}\.?:[ \t]+)?" + _CODE_START)
# A wide gap (three spaces or more, or a tab) before the next column's code
_COLUMN_GAP = re.compile(r"(?: {3,}|\t+)(?=" + _CODE_START + ")")
_MAX_LINE = 300
_MAX_COLUMNS = 4


def legend_column_lines(lines: Sequence[Line], text: str) -> list[Line]:
    """The lines with each two-column legend line split into a line per point."""
    raw = _LINE_BREAK.split(text)
    out: list[Line] = []
    indent = -1  # how far the last point's line was indented; -1 after a line that is no point's
    for line in lines:
        written = raw[line.number - 1] if 0 < line.number <= len(raw) else ""
        own = collapse(written)
        if len(written) > _MAX_LINE or not own or not line.text.startswith(own):
            out.append(line)  # (too long to be a legend's, or not the line as written)
            indent = -1
            continue
        rest = line.text[len(own) :]  # (the lines under it that were joined to it: its last point's)
        depth = len(written) - len(written.lstrip(" \t"))
        if 0 <= indent < depth and not _LEADING_CODE.match(written) and not rest:
            last = out[-1]  # ("   garage block wall at street level": the last point's, wrapped)
            out[-1] = Line(last.number, last.quote, f"{last.text} {line.text}")
            continue
        if not _LEADING_CODE.match(written):
            out.append(line)
            indent = -1
            continue
        indent = depth
        parts = [part for part in _COLUMN_GAP.split(written) if part.strip()]  # (not the indent)
        if len(parts) > _MAX_COLUMNS or any(len(part.split()) < 2 for part in parts):
            # ("   A     B     C": a grid's or a table's header of codes alone, no legend)
            out.append(line)
            continue
        parts[-1] = f"{parts[-1]}{rest}"
        out.extend(Line(line.number, line.quote, collapse(part)) for part in parts)
    return out
