"""A note under a point log that says which room some points are in:

    P7   partition plaster 6" AFF      68   55   40
    P8   partition plaster 24" AFF     31   22   15
    P7 and P8 are on the kitchen face of the partition.

The rows named a wall two rooms share; the note says whose side was read. The readings of those
points in the log just above are moved to that room."""

from __future__ import annotations

import re
from dataclasses import replace

from chalicelib.analysis.offline.readings import ReadingDraft

_POINT = r"[A-Z]{1,2}-?\d{1,2}"
# "P7 and P8 are on the kitchen face ...", "Points M4, M5 are in the laundry", "P3 is inside the robe"
_NOTE = re.compile(
    rf"\s*(?:[Pp]oints? )?(?P<points>{_POINT}(?:(?:,| and| &|,? and) {_POINT}){{0,5}})"
    r" (?:are|is|were|was) (?:both |all )?(?:on|in|inside|within) (?:the )?(?P<rest>[^.;]{3,60})",
)
_POINT_CODE = re.compile(_POINT)
_LOOK_BACK = 120  # the readings a log above may hold (bounded)
_MAX_LINES_ABOVE = 6  # how far under its log such a note is written


def noted_points(text: str) -> tuple[list[str], str] | None:
    """The points a note names and the words that follow ("kitchen face of the partition")."""
    found = _NOTE.match(text)
    if found is None:
        return None
    return _POINT_CODE.findall(found.group("points")), found.group("rest")


def relocated(
    readings: list[ReadingDraft], line_number: int, points: list[str], room: str
) -> list[ReadingDraft] | None:
    """The readings with those of the named points in the log just above moved to `room`; None
    when the log above has no row of every point the note names."""
    wanted = tuple(f"{point} " for point in points) + tuple(f"{point}\t" for point in points)
    start = max(0, len(readings) - _LOOK_BACK)
    moved: dict[int, ReadingDraft] = {}
    seen: set[str] = set()
    for index in range(start, len(readings)):
        draft = readings[index]
        line = draft.source.line
        text = draft.source.text.lstrip(" |")
        if line is None or not line_number - _MAX_LINES_ABOVE - _LOOK_BACK < line < line_number:
            continue
        if text.startswith(wanted):
            seen.add(text.split(None, 1)[0])
            moved[index] = replace(draft, location=room)
    if seen != set(points) or not moved:
        return None
    last = max(readings[index].source.line or 0 for index in moved)
    if line_number - last > _MAX_LINES_ABOVE:
        return None  # (a note far below its log is about something else)
    return [moved.get(index, draft) for index, draft in enumerate(readings)]
