"""Readings written inline with their scale, in notes and sentences ("drywall 32%MC", "18% on the
subfloor", "Dry std: drywall 10 WME"): each with the material its words give, placed in the room
the line names at it, dated by the line; what the row and sentence readers read is skipped."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from datetime import date

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.line_owners import Owners
from chalicelib.analysis.offline.place_mentions import place_mentions
from chalicelib.analysis.offline.reading_goals import without_goal
from chalicelib.analysis.offline.reading_numbers import aimed_at
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_sentence import after_temperature
from chalicelib.analysis.offline.readings import (
    Goal,
    Material,
    MaterialFinder,
    ReadingDraft,
    dry_note,
    is_reference_reading,
    materials_in,
    readings_in,
)
from chalicelib.analysis.offline.spaces import Mention
from chalicelib.analysis.offline.text import FLAGS, Line, Sentences

# "Goal: 12", "target for framing 16%", "Our goal for the framing is 12%"
_GOAL_BEFORE = re.compile(r"\b(?:goal|target|dry(?:ing)? goal)\b\W{0,3}(?:[a-z]+ ){0,4}\W{0,2}$", FLAGS)
# A bound right before the value: "confirm framing below 15% MC", "all under 16 %MC" (no one reading)
_BOUND_BEFORE = re.compile(
    r"(?:\b(?:below|under|less than|no more than|max(?:imum)?|at most)|<|\u2264)\s?$"
    # ("at goal (ref + 4 = 18 WME)", "std+3 = 15": the dry standard and its margin, summed)
    r"|\b(?:ref(?:erence)?|std|standard|dry std|baseline)\s?\+\s?\d{1,3}(?:\.\d)?"
    r"\s?(?:%|wme|rel|mc)?\s?=\s?$",
    FLAGS,
)


# A point's code opening a line, before its value: "1 28 %MC", "P4 31"
_CODE_LEAD = re.compile(r"\s*([A-Z]{0,3}-?\d{1,3}[a-z]?)\s+")


def _overlaps(spans: Sequence[tuple[int, int]], starts: Sequence[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping spans."""
    index = bisect_left(starts, end)
    return index > 0 and spans[index - 1][1] > start


class InlineReadingsScan:
    """RoomScan keeps the state these methods read: the rooms, the meter, the readings so far."""

    goals: list[Goal]
    _rows: RowReader | None
    _context: Mention | None
    _meter: str | None
    _bare_scale: Callable[[], str | None]
    _lead_date: Callable[[Line, date | None], date | None]
    _is_air: Callable[[Line, str], bool]
    _name: Callable[[Mention | None], str]
    _in_reference_room: Callable[[Mention | None], bool]
    _append: Callable[..., None]
    areas: dict[str, AreaDraft]
    _points: dict[str, tuple[str, Material | None, str]]

    def _only_area(self) -> Mention | None:
        """The one affected room of a job that has only one, for a reading whose line names none."""
        if len(self.areas) != 1:
            return None
        key, area = next(iter(self.areas.items()))
        return Mention(key=key, name=area.room, start=0, end=0)

    def _collect_readings(
        self,
        line: Line,
        rooms: Sequence[Mention],
        taken_on: date | None,
        skip: Sequence[tuple[int, int]] = (),
    ) -> None:
        line = without_goal(line)[0]
        text = line.text
        taken_on = self._lead_date(line, taken_on)
        materials = materials_in(text)
        spans = sorted(skip)
        starts = [start for start, _ in spans]
        readings = [
            reading
            for reading in readings_in(text, materials, self._bare_scale())
            if not _overlaps(spans, starts, reading.start, reading.end)
        ]
        if self._rows is not None and readings:
            # "MC Protimeter WME 15/01:": the number after the scale is a date's day
            dated = [
                (found.start, found.end)
                for found in self._rows.dates.find(text, taken_on, yearless_numeric=True)
            ]
            readings = [
                reading
                for reading in readings
                if not any(start <= reading.start < end for start, end in dated)
            ]
        named = [*rooms, *place_mentions(text)]
        # ("plasterboard at bay 1 (P1) 41%": a space's own number, inside its name, is no reading)
        readings = [r for r in readings if not any(m.start < r.start < m.end for m in named)]
        if not readings:
            return
        places = Owners(text, named)
        finder = MaterialFinder(text, materials)
        sentences = Sentences(text)
        affected_starts = [room.start for room in rooms if room.affected]
        previous_material: Material | None = None
        for index, reading in enumerate(readings):
            previous_end = readings[index - 1].end if index else 0
            next_start = readings[index + 1].start if index + 1 < len(readings) else len(text)
            material = finder.for_reading(readings, index)
            if material is None and previous_material is not None and index:
                # "oak 26 %MC at fridge, 19 %MC center": the material carries on in its sentence.
                same_sentence = sentences.bounds(readings[index - 1].start) == sentences.bounds(reading.start)
                material = previous_material if same_sentence else None
            previous_material = material
            if _GOAL_BEFORE.search(text, max(previous_end, reading.start - 30), reading.start):
                self.goals.append(Goal(material.key if material else None, reading.unit, reading.value))
                continue
            if _BOUND_BEFORE.search(text, max(previous_end, reading.start - 16), reading.start):
                continue
            if aimed_at(text, reading.start, previous_end):
                continue
            # ("3 vanity kick MDF .... 34 WME" in a job with one affected room: that room's)
            place = places.at(reading.start) or self._context or self._only_area()
            if self._is_air(line, reading.unit) or after_temperature(text, reading.start):
                continue
            # ("1 28 %MC" on a later day, under rows that read point 1 in the bathroom: a point re-read
            # by its code alone, the value right after it, keeps the place its first reading had)
            code = _CODE_LEAD.match(text) if index == 0 and place is None else None
            known = (
                self._points.get(code.group(1)) if code is not None and code.end() == reading.start else None
            )
            self._append(
                ReadingDraft(
                    location=known[0] if known is not None else self._name(place),
                    material=material or (known[1] if known is not None else None),
                    value=reading.value,
                    unit=reading.unit,
                    meter=self._meter,
                    taken_on=taken_on,
                    is_reference=self._in_reference_room(place)
                    or is_reference_reading(text, sentences, reading, affected_starts),
                    said_dry=dry_note(text, reading.end, next_start),
                    source=line.span(),
                ),
                told=False,
            )
