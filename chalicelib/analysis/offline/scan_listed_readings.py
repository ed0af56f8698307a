"""Readings outside a readings block: "place value" pairs on a line of notes ("laundry 17 / hall 14 /
bed 2 13"), a map's coded point under the meter's line, an item of a numbered "Moisture readings"
section; each kept only where its label names a place."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from chalicelib.analysis.offline.reading_legend import PointLegend
from chalicelib.analysis.offline.reading_named_numbers import named_space_lead
from chalicelib.analysis.offline.reading_row_parts import RowReading, describes_place
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_where import SPACE_NOUN
from chalicelib.analysis.offline.readings import Material, ReadingDraft, materials_in
from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS, Line

# A dated line: a day, a weekday or a visit's name first
_DATE_START = re.compile(
    r"^[\s\-*\u2022]*(?:\d{1,2}[/.]\d{1,2}|day ?\d|mon|tue|wed|thu|fri|sat|sun|intake|initial|re-?check)",
    FLAGS,
)
# An item of a readings section without a bullet: short, and no sentence ("Kitchen ceiling 72").
_MAX_ITEM = 80
SENTENCE_BREAK = re.compile(r"[.;!?]\s")
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022>]|\d{1,2}[.)]|[a-z][.)])\s", FLAGS)
# An item's place, a colon, then its value ("- hallway wall (his normal one): 10 both days")
_PLACE_COLON_VALUE = re.compile(r"[a-z)\"\u201d]\s?:\s*\d{1,3}(?:\.\d{1,2})?\b", FLAGS)
# A map's point code leading its line: letters and a number ("P1", "M-3"), no lone letter
_CODED_POINT = re.compile(r"[ \t\-*\u2022]*[A-Z]{1,2}-?\d{1,2}[ \t]", re.ASCII)
_DOT_LEADER = re.compile(r"\.{4,}|\u2026")  # a map's leader between a point's place and its value


class ListedReadingsScan:
    """RoomScan keeps the state these methods read: the row reader, the points, the section."""

    _rows: RowReader | None
    readings: list[ReadingDraft]
    _points: dict[str, tuple[str, Material | None, str]]
    _scale_known: Callable[[], bool]
    _metered: Callable[[], bool]
    _legend: Callable[[], PointLegend]
    _area_by_word: Callable[[str], Mention | None]

    def _listed_readings(self, text: str, taken_on: date | None, line: Line) -> list[RowReading]:
        """Outside a readings block, "place value" pairs count when there are several on the line
        ("laundry 17 / hall 14 / bed 2 13"), or one on a dated line once a meter scale is known."""
        assert self._rows is not None
        found = [r for r in self._rows.segments(text, taken_on, in_block=False) if self._names_a_place(r)]
        if len(found) >= 2:
            return found
        if found and self._scale_known() and _DATE_START.match(text):
            return found
        coded = _CODED_POINT.match(text) or _DOT_LEADER.search(text)  # ("1 wall at pan ..... 310 REL")
        if len(found) == 1 and found[0].point and coded and self._metered():
            return found  # "P1 HWC particleboard 38" under the meter's line: a map's point, one a line
        if (
            len(found) == 1
            and _LIST_ITEM.match(text)
            and self.readings
            and self.readings[-1].source.line == line.number - 1
            and _LIST_ITEM.match(self.readings[-1].source.text)
            and _PLACE_COLON_VALUE.search(text)
        ):
            # ("- kitchen wall: 41, then 18" / "- hallway wall (the normal one): 10 both days"): an
            # item of a list whose item before gave readings is one too, though it gives one value
            return found
        if self.__dict__.get("_section") == line.number and (
            _LIST_ITEM.match(text) or (len(text) <= _MAX_ITEM and not SENTENCE_BREAK.search(text))
        ):
            # "- Kitchen north wall, upper: 22" under "6. Moisture readings": one item, the whole
            # line its label, as in a readings block
            item = self._rows.segments(text, taken_on, in_block=True)
            if item and all(self._names_a_place(reading) for reading in item):
                return item
        return []

    def _names_a_place(self, reading: RowReading) -> bool:
        label = reading.label
        return bool(
            (
                reading.point
                and (
                    (self._rows and reading.point in self._rows.points)
                    or reading.point in self._points
                    or reading.point in self._legend().points  # ("A WME 33 26 20" under a point legend)
                )
            )
            or describes_place(label)
            or room_mentions(label)
            or materials_in(label)
            or self._area_by_word(label) is not None
            or SPACE_NOUN.search(label) is not None  # "East wing, column wrap C3"
            # ("S3 Gallery 3 doorway", "S-ref Gallery 1": a space by its name and number, leading)
            or named_space_lead(label, alone=True) is not None
        )
