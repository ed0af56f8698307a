"""The scan's reading of a lettered map's points again by their codes: a line of codes and values
("B 17% | C 21% | H not read") or a table of one row per point and one column per day its heading
lists ("| A | 19 | 14 |"). Each code is the point the map described when it was first read. A visit's
line of values alone ("08-17: 24; 300; 20") is read by reading_positional's one reader of visits
by position."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.reading_numbers import MAX_PERCENT
from chalicelib.analysis.offline.reading_point_notes import noted_points, relocated
from chalicelib.analysis.offline.reading_point_rereads import (
    opening_day,
    point_rereads,
    point_row,
    told_point_rereads,
)
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_scales import Scales, explicit_scale
from chalicelib.analysis.offline.reading_skipped_values import has_remark
from chalicelib.analysis.offline.readings import Material, ReadingDraft
from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import Line


class PointRereadScan:
    """RoomScan keeps the state these methods read: the map's points, the block and the meter."""

    _points: dict[str, tuple[str, Material | None, str]]
    _rows: RowReader | None
    _in_readings: bool
    _block_header: str
    _meter: str | None
    _append: Callable[..., None]
    readings: list[ReadingDraft]
    _note_order_legend: Callable[[Line], None]
    _positional_drafts: Callable[[Line, date | None, Scales], list[ReadingDraft] | None]
    _row_scales: Callable[[], Scales]
    areas: dict[str, AreaDraft]
    _resolve: Callable[[Mention], Mention]

    def _points_noted(self, line: Line) -> list[ReadingDraft] | None:
        """ "P7 and P8 are on the kitchen face of the partition" under a point log: the readings
        with those points' moved to that affected room; None for any other line."""
        noted = noted_points(line.text)
        if noted is None:
            return None
        points, rest = noted
        mention = next(iter(room_mentions(rest)), None)
        if mention is None:
            return None
        room = self._resolve(mention)
        if room.key not in self.areas:
            return None  # (a room the notes never called wet: no reading is moved on a guess)
        return relocated(self.readings, line.number, points, self.areas[room.key].room)

    def _read_points_again(self, line: Line, taken_on: date | None) -> bool:
        """ "B 17% | C 21% | G 33 | H not read": a map's points re-read by code alone."""
        if not self._points:
            return self._read_places_again(line, taken_on)
        known = frozenset(self._points)
        rereads = point_rereads(line.text, known) or told_point_rereads(line.text, known)
        if rereads is None:
            return self._read_point_row(line) or self._read_places_again(line, taken_on)
        taken_on = self._opening_day(line.text, taken_on)
        for code, value, written in rereads:
            scale = explicit_scale(written) if written else None
            self._add_point_reading(line, code, value, taken_on, scale)
        return True

    def _opening_day(self, text: str, taken_on: date | None) -> date | None:
        """ "22/10  L1 21 / L2 17": a visit's line of re-reads that opens with its day is that day's."""
        if self._rows is None:
            return taken_on
        return opening_day(text, self._rows.dates, taken_on)

    def _read_point_row(self, line: Line) -> bool:
        """ "| A | 19 | 14 |" under "Follow-up readings (same points, 2025-01-16 and 2025-01-18)"."""
        if not self._in_readings or self._rows is None:
            return False
        days = [
            found.value
            for found in self._rows.dates.find(self._block_header, None, yearless_numeric=True)
            if found.value
        ]
        row = point_row(line.text, frozenset(self._points), len(days)) if len(days) >= 2 else None
        if row is None:
            return False
        code, values = row
        for taken_on, value in zip(days, values, strict=True):
            if value is not None:
                self._add_point_reading(line, code, value, taken_on, None)
        return True

    def _add_point_reading(
        self, line: Line, code: str, value: float, taken_on: date | None, scale: str | None
    ) -> None:
        location, material, unit = self._points[code]
        unit = scale or unit
        if value > MAX_PERCENT and unit != "REL":
            return  # "230" is a reading only on a relative scale
        references: set[str] = self.__dict__.setdefault("_reference_points", set())
        draft = ReadingDraft(
            location=location,
            material=material,
            value=value,
            unit=unit,
            meter=self._meter,
            taken_on=taken_on,
            is_reference=code in references,
            said_dry=None,
            source=line.span(),
            point=code,
        )
        self._append(draft, told=False)

    def _read_places_again(self, line: Line, taken_on: date | None) -> bool:
        """ "08-17: 24; 300; 20; 380; 250" under "08-15: laundry subfloor 36 WME; laundry drywall
        480; ...": a visit that gives only the values, read by the one reader of such visits
        (reading_positional), which the layout readers use too."""
        drafts = self._positional_drafts(line, taken_on, self._row_scales())
        if drafts is None:
            self._note_order_legend(line)
            return False
        for draft in drafts:
            self._append(draft, told=False)
        return not has_remark(line.text)  # ("11/14: 29 / 41 / 33   std: drywall 9%": read on)
