"""The scan's reading of a lettered map's points again by their codes: a line of codes and values
("B 17% | C 21% | H not read") or a table of one row per point and one column per day its heading
lists ("| A | 19 | 14 |"). Each code is the point the map described when it was first read. A visit's
line of values alone ("08-17: 24; 300; 20") reads the places of the list before it again, in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from chalicelib.analysis.offline.reading_days import is_weekday, lone_weekday
from chalicelib.analysis.offline.reading_numbers import MAX_PERCENT
from chalicelib.analysis.offline.reading_point_rereads import place_rereads, point_rereads, point_row
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_scales import explicit_scale
from chalicelib.analysis.offline.readings import Material, ReadingDraft
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
    _stated_day: Callable[[str, date | None], date | None]
    _note_order_legend: Callable[[Line], None]
    _legend_places: Callable[[int, int], list[ReadingDraft] | None]

    def _read_points_again(self, line: Line, taken_on: date | None) -> bool:
        """ "B 17% | C 21% | G 33 | H not read": a map's points re-read by code alone."""
        if not self._points:
            return self._read_places_again(line, taken_on)
        rereads = point_rereads(line.text, frozenset(self._points))
        if rereads is None:
            return self._read_point_row(line) or self._read_places_again(line, taken_on)
        for code, value, written in rereads:
            scale = explicit_scale(written) if written else None
            self._add_point_reading(line, code, value, taken_on, scale)
        return True

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
        )
        self._append(draft, told=False)

    def _read_places_again(self, line: Line, taken_on: date | None) -> bool:
        """ "08-17: 24; 300; 20; 380; 250" under "08-15: laundry subfloor 36 WME; laundry drywall
        480; ...": a visit that gives only the values, in the order of the list before it, each
        the place of the item it stands in for; only when the counts match, item for item."""
        found = place_rereads(line.text)
        if found is None or self._rows is None:
            self._note_order_legend(line)
            return False
        lead, values = found
        # ("08-17: ...": the visit's own day, a month and day in the notes' order)
        drafts = _last_line_drafts(self.readings)
        # ("same order each day - laundry wall, laundry subfloor, hall baseboard:" just before)
        drafts = self._legend_places(len(values), drafts[-1].source.line or 0 if drafts else 0) or drafts
        # ("Wednesday (yesterday): 17, 14, 12": the first Wednesday from the list's own day)
        since = max(
            (draft.taken_on for draft in drafts if draft.taken_on), default=taken_on or self._rows.day_one
        )
        stated = self._stated_day(lead.strip(), taken_on)
        if stated is None and not is_weekday(lead):
            return False  # (a visit's lead is its day; undated when no date places its weekday)
        taken_on = stated or lone_weekday(lead, since)
        if len(drafts) != len(values) or any(draft.is_reference for draft in drafts):
            return False
        for draft, value in zip(drafts, values, strict=True):
            self._append(
                replace(draft, value=value, taken_on=taken_on, said_dry=None, source=line.span()), told=False
            )
        return True


_LOOK_BACK = 12  # a list's readings looked back over (bounded)


def _last_line_drafts(readings: list[ReadingDraft]) -> list[ReadingDraft]:
    """The readings of the last line that gave any, in the order they were read."""
    recent = readings[-_LOOK_BACK:]
    if not recent:
        return []
    line = recent[-1].source.line
    tail = [draft for draft in recent if draft.source.line == line]
    return tail if len(tail) < _LOOK_BACK else []
