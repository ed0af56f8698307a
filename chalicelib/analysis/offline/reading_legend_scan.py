"""The readings scan's use of a drying log's point legend (`reading_legend`): the legend's rows are
known as points, each wide-table column or re-read line is read as its point (room, material,
scale, dry standard), and a point with no room of its own takes the affected room its letter
is the initial of."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from chalicelib.analysis.findings import SourceSpan
from chalicelib.analysis.offline.reading_coded_rows import CodedRowScan
from chalicelib.analysis.offline.reading_legend import (
    CODE_LETTERS,
    MATERIAL_CELL,
    LegendCell,
    LegendPoint,
    PointLegend,
    legend_room,
    room_initials,
)
from chalicelib.analysis.offline.reading_numbers import MAX_PERCENT
from chalicelib.analysis.offline.reading_point_column import column_item, visit_heading
from chalicelib.analysis.offline.reading_point_rereads import opening_day, point_rereads
from chalicelib.analysis.offline.reading_point_values import dated_values
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_scales import Scales, explicit_scale, wide_scale
from chalicelib.analysis.offline.reading_where import UNSPECIFIED_LOCATION
from chalicelib.analysis.offline.readings import (
    ReadingDraft,
    materials_in,
)
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import Line


class LegendScan(CodedRowScan):
    """The scan's use of a legend: a wide table's cell read as the point its code stands for."""

    _meter: str | None
    _document_scales: Scales

    def _legend(self) -> PointLegend:
        legend = self.__dict__.get("_point_legend")
        if not isinstance(legend, PointLegend):
            legend = self.__dict__["_point_legend"] = PointLegend()
        return legend

    def know_points(self, points: dict[str, LegendPoint], legend_lines: frozenset[int]) -> None:
        """Points a legend elsewhere in the document defines (one written under its table), and the
        lines that legend takes: they hold no readings."""
        self._legend().points.update(points)
        self.__dict__["_legend_lines"] = legend_lines

    def _legend_drafts(
        self, line: Line, rows: RowReader | None, anchor: date | None, scales: Scales
    ) -> list[ReadingDraft] | None:
        """The readings a legend's wide table gives on the line ([] on the legend's own lines);
        None when the line is no part of either. A point's scale is the legend's, else the one its
        cell wrote ("12%MC"), else the block's."""
        if line.number in self.__dict__.get("_legend_lines", ()):
            return []
        points = self._legend().points
        column = self._column_cells(line, points, anchor)
        if column is not None:
            return [draft for cell in column if (draft := self._point_draft(line, cell, scales))]
        rereads = point_rereads(line.text, frozenset(points)) if points else None
        dates = rows.dates if rows else None
        keyed = (
            dated_values(line.text, points, dates, anchor, self.__dict__) if points and not rereads else None
        )
        # "21/07 1-28 2-22 3-19": the legend's points read on a visit by their codes alone
        day = opening_day(line.text, dates, anchor) if rereads and dates is not None else anchor
        cells = (
            [
                LegendCell(points[code], value, explicit_scale(written or ""), day, None)
                for code, value, written in rereads
            ]
            if rereads
            else [  # ("Mon 2/11  A38  B41  R1 11", "(1) 34  (2) 29"): any ID style, reading_point_values
                LegendCell(
                    replace(points[code], scale=found.scale or points[code].scale),
                    found.value,
                    None,
                    day,
                    None,
                )
                for code, found, day in keyed
            ]
            if keyed is not None
            else self._legend().note(line.text, rows, anchor)
        )
        if cells is None:
            return None
        drafts = []
        for cell in cells:
            draft = self._point_draft(line, cell, scales)
            if draft is not None:
                drafts.append(draft)
        return drafts

    def _column_cells(
        self, line: Line, points: dict[str, LegendPoint], anchor: date | None
    ) -> list[LegendCell] | None:
        """ "2 - 95" under "Visit 2 - Mon 12/01" (or under another such line): a visit's re-read of
        one point a line (reading_point_column); None for any other line."""
        if not points:
            return None
        under = self.__dict__.get("_point_column") == line.number - 1
        item = column_item(line.text, frozenset(points)) if under else None
        if item is not None or visit_heading(line.text):
            self.__dict__["_point_column"] = line.number
        if item is None:
            return None
        code, value, written = item
        if value is None:
            return []  # ("1 - cut out": the point was not read that visit)
        return [LegendCell(points[code], value, explicit_scale(written or ""), anchor, None)]

    def _lettered_room(self, code: str, place: Mention | str | None) -> Mention | str | None:
        """The one affected room whose initial(s) a point's letters are, when the room the legend
        lent the point is not one they could stand for; else `place`."""
        letters = CODE_LETTERS.match(code)
        if letters is None:
            return place
        initials = letters.group(1).lower()
        lent = place.name if isinstance(place, Mention) else place or ""
        if lent and room_initials(lent, len(initials)) == initials:
            return place
        found = [
            key for key, area in self.areas.items() if room_initials(area.room, len(initials)) == initials
        ]
        if len(found) != 1 or found[0] in self.unaffected:
            return place
        return Mention(key=found[0], name=self.areas[found[0]].room, start=0, end=0)

    def _point_draft(self, line: Line, cell: LegendCell, scales: Scales) -> ReadingDraft | None:
        """A reading of a legend's point: in the point's room, on its material and scale."""
        point = cell.point
        unit = (
            point.scale
            or cell.unit
            or scales.for_material(point.material.key if point.material else None)
            or "%"
        )
        # ("P5 480, then 310" where the notes read the partition "in search mode, relative"): a value
        # over 100 is on the relative scale the job names, as any row's is (reading_scales)
        unit = wide_scale(cell.value, unit, scales, self._document_scales) if point.scale is None else unit
        if cell.value > MAX_PERCENT and unit != "REL":
            return None  # "230" is a reading only on a relative scale
        room = legend_room(point)
        # (a dry standard's room is another than the affected one it resembles: "front office" is
        # not the wet "shipping office" named the longer way)
        place = room if point.reference or not isinstance(room, Mention) else self._resolve(room)
        if point.borrowed and not point.reference:
            # ("K1 kick under sink" in a legend whose first room is "F1 family rm wall": the point's
            # letter is the kitchen's initial, not the family room's)
            place = self._lettered_room(point.code, place)
        if place is None and not point.reference and len(self.areas) == 1:
            # ("W1 wall behind tap": a point naming no room is in the only affected one)
            place = next(iter(self.areas.values())).room
        location = self._name(place) if isinstance(place, Mention) else place or UNSPECIFIED_LOCATION
        return ReadingDraft(
            location=location,
            material=point.material,
            value=cell.value,
            unit=unit,
            meter=self._meter,
            taken_on=cell.taken_on,
            is_reference=point.reference,
            said_dry=cell.said_dry,
            source=SourceSpan(line=line.number, text=line.quote),
            point=point.code,
        )

    def _legend_row_draft(
        self, line: Line, reading: RowReading, scales: Scales
    ) -> tuple[bool, ReadingDraft | None]:
        """A row's reading by a point code the legend defined ("| 1 | 84 | 66 |" under "1 Laundry
        drywall"): (True, that point's draft, or None for a goal or a value off its scale); (False,
        None) when the legend does not know the row's point or the row names its own place."""
        point = self._legend().points.get(reading.point or "")
        if point is None or room_mentions(reading.label):
            return False, None
        materials = materials_in(reading.label)
        if materials and (not point.room or not MATERIAL_CELL.fullmatch(reading.label)):
            # (a row that names its material with a place of its own, "floorboard under tub", or
            # under a legend with no room for the point, is the row's own place)
            return False, None
        if reading.role == "goal":
            return True, None
        if materials:
            # ("| 5 | slab % | 5.6 |" under "5 - B-118 slab just inside the door": the legend places
            # the point, the row's own cell says what it reads)
            point = replace(point, material=materials[0])
        cell = LegendCell(point, reading.value, reading.unit, reading.taken_on, reading.said_dry)
        return True, self._point_draft(line, cell, scales)
