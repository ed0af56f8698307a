"""Grid maps: a floor split into cells named by a letter and a number, read again on each visit.

    GRID MAP - kitchen floor
    ... columns A-D ..., rows 1-3 ... Tramex MEP, reference scale (REL) ...
    2026-11-09
            A     B     C     D
      1    12    13    31    64
      2    11     -    15    22

Each cell ("C1") is a point in the room the lines above the grid name, on their material and
scale; a visit's table is a header row of letters (or numbers) and a row per number (or letter),
its day the date line above it. Because the cells are registered as points, a later line
"2026-11-12: C1 13, D1 17" is read by the keyed reader (reading_point_values)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chalicelib.analysis.offline.reading_grid_rows import cell_code, grid_head, grid_line
from chalicelib.analysis.offline.reading_legend import LegendPoint, cell_scale
from chalicelib.analysis.offline.readings import Material, materials_in
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import Line

_LOOK_BACK = 12  # lines above a grid that may describe it (bounded: linear scan)
_GRID = re.compile(r"\bgrid\b", re.IGNORECASE)
_COLUMNS = re.compile(r"\bcolumns?\b", re.IGNORECASE)
_ROWS = re.compile(r"\brows?\b", re.IGNORECASE)


def _says_grid(text: str) -> bool:
    """ "split into a grid", "columns A-D, rows 1-3" (separate searches: no quantifier between)."""
    return bool(_GRID.search(text) or (_COLUMNS.search(text) and _ROWS.search(text)))


def grid_points(lines: Sequence[Line]) -> dict[str, LegendPoint]:
    """Every cell of every grid the notes draw, in the room, material and scale the lines above
    the grid's first table describe."""
    points: dict[str, LegendPoint] = {}
    texts = [line.text for line in lines]
    index = 0
    while index < len(texts):
        head = grid_head(texts[index])
        if head is None or index + 1 >= len(texts) or grid_line(texts[index + 1], head) is None:
            index += 1
            continue
        labels: list[str] = []
        end = index + 1
        while end < len(texts) and (row := grid_line(texts[end], head)) is not None:
            labels.append(row[0])
            end += 1
        if cell_code(head[0], "1") in points:
            # (a later visit's table: its cells are registered already, perhaps with more rows)
            for label in labels:
                for column in head:
                    code = cell_code(column, label)
                    if code not in points:
                        points[code] = replace(points[cell_code(head[0], "1")], code=code)
            index = end
            continue
        described = _description(texts[max(0, index - _LOOK_BACK) : index])
        if described is not None:
            room, material, scale = described
            for label in labels:
                for column in head:
                    code = cell_code(column, label)
                    points[code] = LegendPoint(code, room, material, scale, False)
        index = end
    return points


def _description(above: Sequence[str]) -> tuple[str, Material | None, str | None] | None:
    """The room, material and scale the lines above a grid give it, read from the nearest line
    that says it is a grid down to the table; None when no such line is near (a table of letters
    and numbers that no sentence calls a grid is another layout)."""
    start = next((i for i in range(len(above) - 1, -1, -1) if _says_grid(above[i])), None)
    if start is None:
        return None
    words = " ".join(above[start:])
    heading = " ".join(above[max(0, start - 2) : start + 1])
    # (the heading may give the scale: "Bathroom floor grid (%MC, pin meter)")
    scale = cell_scale(words)
    if scale is None and start > 0:
        scale = cell_scale(above[start - 1])
    mentions = room_mentions(heading) or room_mentions(words)
    if not mentions:
        return None
    source = heading if room_mentions(heading) else words
    room = source[mentions[0].start : mentions[0].end]
    materials = materials_in(words)
    return room, materials[0] if materials else None, scale
