"""Readings and air as the scan meets them: rows of tables, maps and lists (reading_rows),
readings inline and in sentences, and atmospheric readings, each placed in the scan's rooms.

Which of a line's row readings are read, and which make a list of dry standards, is in
scan_row_readings.py (RowReadingsScan); here each row reading is placed and added."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from chalicelib.analysis.findings import (
    AtmosphericReading,
    LengthUnit,
)
from chalicelib.analysis.offline.areas import (
    AreaDraft,
)
from chalicelib.analysis.offline.reading_air import AirScan
from chalicelib.analysis.offline.reading_column_days import column_days, redated
from chalicelib.analysis.offline.reading_day_align import (
    aligned_to_days,
    lined_up,
    note_dated_row,
    note_lead,
    says_each_visit,
    visit_dated,
)
from chalicelib.analysis.offline.reading_day_runs import (
    barred_day_values,
    day_value_runs,
    value_day_runs,
    weekday_value_runs,
)
from chalicelib.analysis.offline.reading_day_series import day_series
from chalicelib.analysis.offline.reading_goals import without_goal
from chalicelib.analysis.offline.reading_inline_codes import bracketed_spot, inline_point_code
from chalicelib.analysis.offline.reading_legend import LegendScan, cell_place, points_scale_legend
from chalicelib.analysis.offline.reading_line_items import keep_line_place, line_item_place
from chalicelib.analysis.offline.reading_line_state import METER_WORD, ReadingLineState
from chalicelib.analysis.offline.reading_meters import meter_scale
from chalicelib.analysis.offline.reading_named_numbers import named_space_lead, names_numbered_area
from chalicelib.analysis.offline.reading_numbers import MAX_PERCENT, is_reading_cell
from chalicelib.analysis.offline.reading_places import point_room
from chalicelib.analysis.offline.reading_point_table import (
    day_row_cells,
    point_header,
    short_day_row,
    standards_short_row,
)
from chalicelib.analysis.offline.reading_probes import PROBE_CONTEXT, probe_readings
from chalicelib.analysis.offline.reading_prose import dated_after, in_same_order, prose_readings
from chalicelib.analysis.offline.reading_repeats import ReadingRepeats
from chalicelib.analysis.offline.reading_room_codes import leading_room_code
from chalicelib.analysis.offline.reading_room_numbers import numbered_items
from chalicelib.analysis.offline.reading_room_pairs import paired_room
from chalicelib.analysis.offline.reading_room_phrases import (
    is_room_number,
    room_leading_landmark,
    room_phrase_before,
)
from chalicelib.analysis.offline.reading_row_parts import RowReading, describes_place, sentence_days
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_scales import (
    Scales,
    declared_scale,
    wide_scale,
)
from chalicelib.analysis.offline.reading_story_days import story_dated
from chalicelib.analysis.offline.reading_table_places import titled_name, unnamed_row_place
from chalicelib.analysis.offline.reading_table_titles import titled_header
from chalicelib.analysis.offline.reading_where import (
    UNSPECIFIED_LOCATION,
    after_temperature,
    sentence_start,
    side_mention,
)
from chalicelib.analysis.offline.reading_wrapped_headers import wrapped_header_columns
from chalicelib.analysis.offline.readings import (
    Goal,
    Material,
    ReadingDraft,
    materials_in,
)
from chalicelib.analysis.offline.room_verdicts import is_spot
from chalicelib.analysis.offline.scan_inline_readings import InlineReadingsScan
from chalicelib.analysis.offline.scan_label_series import LabelSeriesScan
from chalicelib.analysis.offline.scan_listed_readings import SENTENCE_BREAK, ListedReadingsScan
from chalicelib.analysis.offline.scan_order_legend import OrderLegendScan
from chalicelib.analysis.offline.scan_point_rereads import PointRereadScan
from chalicelib.analysis.offline.scan_reading_headings import ReadingHeadingScan
from chalicelib.analysis.offline.scan_reading_runs import ReadingRunScan
from chalicelib.analysis.offline.scan_reading_scales import ReadingScalesScan
from chalicelib.analysis.offline.scan_row_readings import RowReadingsScan
from chalicelib.analysis.offline.spaces import (
    Mention,
    Owners,
    room_mentions,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
)

_TABLE_RULE = re.compile(r"\s*\|[\s:|-]*-[\s:|-]*\|?\s*")
# A map's row: words, a dot leader, then values the bars part ("A hall ...... 31 | 22"); no bar
# before the leader (a table's cell may hold dots)
_LEADER_THEN_BARS = re.compile(r"[^|\n]{2,200}?(?:\.{3,}|\u2026+)[^|]*\s\|\s")


_ROOM_LOOK = 40
_DRY_LEGEND = re.compile(
    r"\b(?:d ?= ?)?dry ?[=:]? ?\(? ?(?:under|below|less than|<) ?(?P<value>\d{1,3}(?:\.\d)?)\b"
    r"(?! ?%? ?(?:of|rh))",
    FLAGS,
)


# A line of only numbers: the readings of a PDF row whose label wrapped onto the lines above.
_NUMBERS_ONLY = re.compile(r"\s*(?:\d{1,3}(?:\.\d{1,2})?\s*(?:%\s?MC|%|WME|REL)?[\s,/-]*){2,12}", FLAGS)


_MAX_WRAPPED = 60
# A row's point ID before its words ("4 MRI control", "P4 rear hall"): no reading
_ROW_ID = re.compile(r"\s*[A-Z]{0,3}\d{1,3}[a-z]?\s+(?=[A-Za-z])")
# A cell's words that end on a word pointing past them ("Back kitchen baseboard at" / "pantry door
# pine baseboard 19 %MC"): the next line carries the same cell on, whatever room it names
_OPEN_END = re.compile(
    r"\b(?:at|near|by|behind|beside|under|below|above|of|to|on|in|from|off|between|and|the)\s*$", FLAGS
)


# "at ensuite wall", "near the laundry door": the room next, which only places a point
_LANDMARK_BEFORE = re.compile(
    r"\b(?:at|near|by|along|beside|against|behind|towards?|opposite|under|below|beneath)(?: the)? $", FLAGS
)
# A map's point code in a list line ("L1", "H2"): its letters may stand for its room's initials
_POINT_CODE = re.compile(r"(?<![\w.])[A-Z]{1,3}\d{1,2}\b")
_MAX_CODED_LINE = 400


@lru_cache(maxsize=4)
def _is_list_line(text: str) -> bool:
    return " / " in text or " | " in text


class ReadingsScan(
    ListedReadingsScan,
    LegendScan,
    ReadingRepeats,
    ReadingLineState,
    AirScan,
    PointRereadScan,
    OrderLegendScan,
    InlineReadingsScan,
    ReadingRunScan,
    ReadingScalesScan,
    ReadingHeadingScan,
    LabelSeriesScan,
    RowReadingsScan,
):
    """The scan's readings half: what it reads, and where it puts each reading. RoomScan keeps
    the state these methods read and write; state only the readings half needs (the place memory,
    a heading's date, the lines of air or of a readings section, reference points) is made on first
    use in the instance's own attributes, so that RoomScan (owned elsewhere) need not know of it."""

    areas: dict[str, AreaDraft]
    readings: list[ReadingDraft]
    goals: list[Goal]
    air: list[AtmosphericReading]
    unaffected: set[str]
    default_unit: LengthUnit | None
    _in_readings: bool
    _block_header: str
    _context: Mention | None
    _meter: str | None
    _rows: RowReader | None
    _in_table: bool
    _reference_block: bool
    _block_rows: int
    _pending_label: str
    _points: dict[str, tuple[str, Material | None, str]]
    _document_scales: Scales
    _scales_cache: tuple[str, Scales] | None

    def _collect_row_readings(self, line: Line, rooms: Sequence[Mention], taken_on: date | None) -> bool:
        """Readings in a table, a moisture map or a list; True when the line was read that way.
        ("day 1 then today:" over "P1 kitchen ..... 28 -> 22": each row's values take those days)"""
        count = len(self.readings)
        read = self._collect_rows(line, rooms, taken_on)
        if self._rows is not None:
            # (the days the row writes itself: "34 on 12/11, 24 on 14/11")
            written = len(self._rows.dates.find(line.text, taken_on, yearless_numeric=True)) if read else 0
            self.readings[count:] = lined_up(
                self.__dict__, line.number, self.readings[count:], taken_on, written
            )
            note_dated_row(self.__dict__, line.number, self.readings[count:], taken_on, written)
            note_lead(self.__dict__, line.number, line.text, self._rows.dates, self._rows.day_one, taken_on)
        return read

    def _collect_rows(self, line: Line, rooms: Sequence[Mention], taken_on: date | None) -> bool:
        line, stated = without_goal(line)  # "Drying goals: timber 18 %WME or less": no readings
        self.goals.extend(stated)
        if not line.text.strip() or points_scale_legend(line.text):
            return True  # ("(2-4 REL)" under a list: which points are on which scale, no reading)
        self.__dict__["_line_number"] = line.number
        self.__dict__["_declared_scale"] = declared_scale(line.text) or self.__dict__.get("_declared_scale")
        self._place_memory().note(line.text, rooms, self._context)
        self._note_heading(line.text, rooms)
        taken_on = self._lead_date(line, taken_on)
        line = self._without_entry_head(line)  # ("... (readings 07-16): plates 21": read that day)
        self._note_air(line)
        self._note_section(line)
        titles = wrapped_header_columns(self.__dict__, line.text, self._rows.dates) if self._rows else None
        if titles and self._rows is not None:  # ("Date Laundry wall" / "Laundry" / "subfloor %MC")
            self._rows.point_columns, self._rows.columns, self._in_readings = titles, None, True
        if self._rows is not None and (days := column_days(line.text, self._rows.dates, taken_on)):
            moved = redated(self.readings, line.number, days)  # ("Columns = 2/10, 5/10" under a table)
            if moved is not None:
                self.readings[:] = moved
                return True
        if self._rows is not None and (
            series := day_series(self.__dict__, line.text, self._rows.dates, taken_on or self._rows.day_one)
        ):
            return self._read_rows(line, rooms, series, line.text) or True  # ("11/23 > 11/24" then "a > b")
        if (noted := self._points_noted(line)) is not None:
            self.readings[:] = noted  # ("P7 and P8 are on the kitchen face of the partition")
            return True
        if self._read_points_again(line, taken_on):
            return True
        drafts = self._legend_drafts(line, self._rows, taken_on, self._row_scales())
        if drafts is None:  # ("L1 DW ext 40 26 15" under a line of days; "21/10 - 230, 310" in order)
            drafts = self._layout_row_drafts(line, taken_on, self._row_scales())
        tail = self.__dict__.pop("_keyed_tail", None)
        if drafts is not None:  # a point legend's line, or a row of the wide table of its points
            self._in_table = False
            for draft in drafts:
                self._append(draft, told=False)
            if not (drafts and isinstance(tail, int)):
                return True
            # ("11/02: 1=26 2=24 | 6=19 | dining oak 8, BR2 drywall 10": the points' values read,
            # the rest of the line is read as any line, its places where they stand)
            line = replace(line, text=" " * tail + line.text[tail:])
        if (under := self._series_under_label(line, rooms, taken_on)) is not None:
            return under
        legend = _DRY_LEGEND.search(line.text)
        if legend is not None:
            # "Legend: W = wet (over 20), B = borderline (17-20), D = dry (under 17)": the job's goal
            unit = self._row_scales().general or "%"
            self.goals.append(Goal(None, unit, float(legend.group("value"))))
        if METER_WORD.search(line.text):
            self.__dict__["_meter_seen"] = True
        if PROBE_CONTEXT.search(line.text):
            self.__dict__["_probes"] = True
        if (
            self.__dict__.get("_probes")
            and "%" in line.text
            and not self._in_table
            # ("S1 slab centre: 26/11 97 %RH; 03/12 93 %RH": each value after its own day is the day
            # runs' to read, below, each on its day)
            and not (self._rows is not None and day_value_runs(line.text, self._rows.dates, taken_on))
        ):
            # "ref entry 78 %RH | family 97 %RH": the slab's humidity, after the probes were named
            self._read_rows(
                line,
                rooms,
                probe_readings(line.text, taken_on, self._rows.dates if self._rows else None),
                line.text,
            )
        rows = self._rows
        if rows is None:
            return False
        text = line.text
        rows.note_days(text, taken_on)
        if self._in_readings and not self._block_rows:
            rows.note_preamble(self._block_header, taken_on)
        elif not self._in_readings:
            rows.preamble_dates = []
        if _TABLE_RULE.fullmatch(text):
            return True  # a Markdown table's rule line ("|---|---|") belongs to the table around it
        if " | " in text and _LEADER_THEN_BARS.match(text):
            # ("MP2 hall GIB, 100 AFF ........ 117 | 71": a map's row whose bars part its visits'
            # values after the leader; no table's cells)
            self._in_table = False
            run = rows.segments(text.replace(" | ", " ; "), taken_on, in_block=self._in_readings)
            return self._read_rows(line, rooms, run, text) or True
        if " | " in text and (barred := barred_day_values(text, rows.dates, taken_on)):
            # "P2 hall (drywall): 11/8 40 | 11/9 31": bars between a point's days, no table's cells
            # (its first day would head a column)
            self._in_table = False
            return self._read_rows(line, rooms, barred, text) or True
        if " | " in text:
            was_table, self._in_table = self._in_table, True
            if not was_table:
                rows.point_columns = None
                self.__dict__["_table_places"] = False  # (whether its rows lead with their rooms)
                if not self._in_readings:
                    rows.columns = None
            found = rows.table_row(text, taken_on, taken_on)
            if not found and rows.columns is None and rows.point_columns is None:
                # "pbd 45% | skirt 30%MC | joist 24%MC": bars between place-value pairs, not a table
                found = rows.segments(text.replace(" | ", " ; "), taken_on, in_block=self._in_readings)
                self._in_table = False
                return self._read_rows(line, rooms, found, text) or True
            if found is None or (
                not self._in_readings and rows.columns is None and rows.point_columns is None
            ):
                return True
        elif self._in_readings:
            self._in_table = False
            if (points := point_header(text)) is not None:
                rows.point_columns, rows.columns = points, None
                return True
            if rows.point_columns and (cells := day_row_cells(text, len(rows.point_columns), rows.dates)):
                self._last_cells().update(
                    (title, cell)
                    for title, cell in zip(rows.point_columns[1:], cells[1:], strict=True)
                    if is_reading_cell(cell)
                )
                joined, self._in_table = " | ".join(cells), True
                return self._read_rows(line, rooms, rows.table_row(joined, taken_on, taken_on) or [], joined)
            if rows.point_columns and (
                cells := standards_short_row(text, rows.point_columns, rows.dates, self._last_cells())
            ):
                # ("2026-11-13 30 40 22 18 55 cut 24 10": the skipped point's place held, a standard
                # not read that day left out)
                joined, self._in_table = " | ".join(cells), True
                return self._read_rows(line, rooms, rows.table_row(joined, taken_on, taken_on) or [], joined)
            if rows.point_columns and short_day_row(text, len(rows.point_columns), rows.dates):
                return True  # (a row the PDF dropped an empty cell of: the rows under it are the table's)
            header = rows.header_words(text, taken_on)
            if header is not None:
                rows.columns = header
                self._pending_label = ""
                return True
            wrapped = (
                rows.word_row(text, taken_on) if self._pending_label and len(text) <= _MAX_WRAPPED else []
            )
            if self._pending_label and (
                _NUMBERS_ONLY.fullmatch(text)
                or (
                    wrapped
                    and (not room_mentions(text[: wrapped[0].start]) or _OPEN_END.search(self._pending_label))
                )
            ):
                # A PDF cell that wrapped: "P1 Living/bedroom -" / "bottom plate, north wall" /
                # "38 29 21 16" is one row; the words before the numbers are its label. So are
                # "P5 Bathroom - bottom" / "plate at door 36 28 20 15".
                joined = f"{self._pending_label} {text}"
                self._pending_label = ""
                return self._read_rows(line, room_mentions(joined), rows.word_row(joined, taken_on), joined)
            # ("112 ceiling drywall: 100": a motel's Room 112 by its number, no value, no point)
            found, rooms = numbered_items(
                text,
                self.__dict__.get("_room_numbers", frozenset()),
                rooms,
                lambda line_text: (
                    rows.word_row(line_text, taken_on)
                    or rows.pairs(line_text, taken_on)
                    or rows.segments(line_text, taken_on, in_block=True)
                ),
            )
            told = (
                prose_readings(text, rows.dates, rows.day_one, taken_on, scale_known=self._metered())
                if len(text) > _MAX_WRAPPED or in_same_order(text)
                else []
            )
            if told:  # a sentence reads its own way; what one way missed, the other may read
                first, second = (told, found) if len(told) >= len(found) else (found, told)
                starts = {reading.start for reading in first}
                found = sorted([*first, *(r for r in second if r.start not in starts)], key=lambda r: r.start)
                found = sentence_days(found, told, taken_on)
            if found:
                self._pending_label = ""
            elif (
                len(text) <= _MAX_WRAPPED
                and not text.rstrip().endswith(":")
                and not rows.has_reading(text[row_id.end() :] if (row_id := _ROW_ID.match(text)) else text)
            ):
                # ("4 MRI control" / "drywall," / "27 15 4.0 0.5": a row's point ID opens its wrapped label)
                self._pending_label = f"{self._pending_label} {text}".strip()[-_MAX_WRAPPED * 3 :]
            else:
                self._pending_label = ""
        else:
            self._in_table = False
            header = titled_header(rows, text, taken_on or rows.day_one)
            if header is not None:
                # "Ref Room Material Dry std 02/10 03/10 ...": a table of readings by day starts here
                rows.columns, self._in_readings, self._block_rows = header, True, 0
                return True
            listed = self._listed_readings(text, taken_on, line) if rooms or describes_place(text) else []
            told = prose_readings(text, rows.dates, rows.day_one, taken_on, scale_known=self._metered())
            found = rows.pairs(text, taken_on) or (told if len(told) >= len(listed) else listed)
        if " | " not in text:
            runs = value_day_runs(text, rows.dates, taken_on) or day_value_runs(
                text, rows.dates, taken_on, relative=self._row_scales().general == "REL"
            )  # ("71 on 11/8 - 52 on 11/9 - 27 on 11/11", "10/29: 31   10/30: 18")
            found = runs if runs and len(runs) >= len(found) else found
            # ("Tue 17/11 46, Wed 34, Thu 25": every value has its weekday, so each its own day)
            weekdays = weekday_value_runs(text, rows.dates, taken_on, self.__dict__)
            found = weekdays if weekdays and len(weekdays) >= len(found) else found
            found = dated_after(text, found, rows.dates, taken_on)  # ("drywall 11 REL on 06/06")
            found = aligned_to_days(text, found, rows.dates, taken_on)  # ("46 / 33 (11/8, 11/9)")
            found = story_dated(
                self.__dict__, line.number, text, found, rows.dates, taken_on
            )  # ("Friday: hall 14")
            # ("Std each visit: bed 2 wall 12 / 12 / 11": a value a visit, in the visits' order)
            if says_each_visit(text):  # (the visits so far are gathered only for such a line)
                found = visit_dated(text, found, self._visit_days(), taken_on)
        if not self._read_rows(line, rooms, found, text):
            return " | " in text
        if " | " not in text and all(reading.taken_on == taken_on for reading in found):
            # "Bottom plates by pin meter: 17%MC and 15%MC": what the list or the sentence did not
            # read, the reader of scale-marked readings does; not when the sentences are dated
            # apart ("By Friday 20/11 they were 19%MC"), as it reads by the line's day
            self._collect_readings(line, rooms, taken_on, skip=[(r.start, r.end) for r in found])
        return True

    def _last_cells(self) -> dict[str, str]:
        """Each column title of a day-by-point table with the value as its last row wrote it."""
        kept: dict[str, str] = self.__dict__.setdefault("_point_table_cells", {})
        return kept

    def _visit_days(self) -> list[date]:
        """The days the affected points were read on so far, in order (dry standards are read on
        some visits only)."""
        return sorted({r.taken_on for r in self.readings if r.taken_on is not None and not r.is_reference})

    def _add_row_reading(self, line: Line, reading: RowReading, owners: Owners) -> None:
        by_code, draft = self._legend_row_draft(line, reading, self._row_scales())
        if by_code:
            if draft is not None:  # (a goal's or an off-scale value's row gives none)
                self._append(draft, told=False)
            return
        label = reading.label
        if self._in_table and (heads := room_mentions(label)) and not label[: heads[0].start].strip():
            # ("| A1 | Aisle 7 concrete under the head |": the table's rows lead with their places, so
            # "| A4 | Paint desk drywall at 2 in. |" leads with one the vocabulary does not know)
            self.__dict__["_table_places"] = True
        # The line's rooms own the parts after them, as for any reading ("Bed 3 carpet 41 WME,
        # plasterboard hall wall 29 WME" is Bed 3's); a table row's label names its own.
        in_table = self._in_table  # (not " | " in the line: that would read a long line once per reading)
        own_words = in_table or reading.told
        owner = owners.at(reading.start)
        if not own_words and owner is not None and owner.start < reading.start - len(label) - 3:
            # "hall wall pbd 12 = dry std. bath wall 11": a part that names its own room, in a
            # sentence of its own, is that room's, not the room an earlier sentence named; within
            # the same sentence ("Bed 3 carpet 41, plasterboard hall wall 29") the room word only
            # says which wall of the line's room
            between = line.text[owner.start : reading.start - len(label)]
            own_words = bool(room_mentions(label)) and bool(SENTENCE_BREAK.search(between))
            listed = _is_list_line(line.text)  # ("/ joists 21 %MC": a list's own part)
            leading = room_leading_landmark(label)  # ("rec room wall next to the laundry 30")
            owner = (
                owner
                if own_words
                else (self._resolve(leading) if leading is not None else None)
                or self._area_by_word(label)
                or (self._surface_room(label) if listed else None)
                or owner
            )
        if (
            not own_words
            and owner is not None
            and owner.start >= reading.end
            and (by_word := self._area_by_word(label)) is not None
        ):
            # ("rec N wall 40 / ... / bath wall 45": a part that names an affected room by a word of
            # its name is that room's, not the room a later part of the line names)
            owner = by_word
        if reading.told and owner is not None and owner.start >= reading.end:
            owner = self._before_forward_owner(line.text, reading, owner)
        elif not in_table and owner is not None and owner.start < sentence_start(line.text, reading.start):
            owner = self._paragraph_room(line.text, owner)
        mentioned = room_mentions(label) if own_words else []  # ("Den 9 and OSB at closet 11": a spot)
        named = [self._resolve(m) for m in mentioned if owner is None or not is_spot(label, m)]
        heading = self._heading_room() if in_table and mentioned else None
        if heading is not None and all(_LANDMARK_BEFORE.search(label, 0, m.start) for m in mentioned):
            # ("carpet at ensuite door: 40 | 17" under "Main bedroom": a room after "at" is a landmark)
            named, owner = [], heading
        side = side_mention(label)
        if side is not None:
            # "laundry side wall of bath", "bath drywall, laundry side": the bath's wall, on the side
            # that faces the laundry
            whose = self._area_by_word(label)
            named = [whose] if whose is not None else [m for m in named if m.key != side.key]
            owner = None if owner is not None and owner.key == side.key else owner
        following = None if in_table else self.room_right_after(line.text, reading.end)
        if following is not None:
            named = [following]  # "28%MC in the rumpus and 31%MC in the granny flat"
        if reading.told and not in_table and (paired := paired_room(line.text, reading.start)) is not None:
            named = [self._resolve(paired)]  # "bedrooms 2 and 3 read 38 and 35": each its own, in order
        if reading.told and not named:
            # "but the cupboard wall was still 19": the Hot water cupboard, by its word
            named = [found] if (found := self._area_by_word(label)) is not None else []
        if not named and not in_table and side is None:
            start = sentence_start(line.text, reading.start)
            ends = self.__dict__.get("_line_reading_ends", ())
            named = [item] if (item := self._item_room(line.text, reading.start, start, ends)) else []
        # ("diner screed by patio door", "rec dw at laundry wall 30": the diner's, the rec room's)
        if named:
            named[0] = self._off_landmark(label, named[0])
        elif owner is not None:
            owner = self._off_landmark(label, owner)
        transposed = in_table and self._rows is not None and self._rows.point_columns is not None
        # A column of a day-by-day table is named by its heading alone, never by the row's context.
        # A table row is named by its own words: the block's preamble is no context for it.
        place = (
            named[0]
            if named
            else None
            if transposed
            else owner
            or (
                self._heading_room()
                if in_table
                else self._remembered(label)
                or self._spot_after(line.text, reading.end)
                or self._fixture_room(label)
                or line_item_place(self.__dict__, line.number, label)
                or self._label_context(label)
            )
        )
        if bracketed_spot(label) and (before := line_item_place(self.__dict__, line.number, "")) is not None:
            place = before  # ("kitchen K1 (bench) 38, K4 (pantry) 33": K4 is the kitchen's, by the pantry)
        beneath = self._space_beneath(label)  # ("Under bathroom" in a crawlspace's log)
        place = beneath or place
        keep_line_place(self.__dict__, line.number, place)
        if (
            reading.point is not None
            and not in_table
            and side is None
            and beneath is None
            and (mentions := room_mentions(label))
        ):
            # A map's point is in the first room its line names ("A  bottom plate, mech room / rec
            # room wall"); a room it is only near is a landmark ("A  master bed floorboards at
            # ensuite wall": the room the map is about)
            own = [m for m in mentions if not _LANDMARK_BEFORE.search(label, 0, m.start)]
            landmark = self._resolve(mentions[0])
            # ("A  bottom plate, mech room / rec room wall": the room named first, by its short word)
            earlier = self._area_by_word(label[: own[0].start]) if own and own[0].start else None
            if earlier is not None and earlier.key in self.areas:
                place = earlier
            elif own:
                place = self._resolve(own[0])
            elif (lead := self._off_landmark(label, landmark)) is not landmark:
                place = lead  # ("C master bed floorboards at ensuite wall": the master bedroom's)
            elif self._context is not None and self._context.key in self.areas:
                place = self._context
        elif reading.point is not None and not in_table and not named and _is_list_line(line.text):
            # ("L1 GIB by machine 35 / L2 ... / H1 hall skirting 30": L1 and L2 in the Laundry, the one
            # affected room whose initial their letters are, not the room a later item names)
            codes = [code.group(0) for code in _POINT_CODE.finditer(line.text[:_MAX_CODED_LINE])]
            names = {key: area.room for key, area in self.areas.items()}
            key = point_room(reading.point, codes, names)
            place = Mention(key=key, name=names[key], start=0, end=0) if key is not None else place
        spelt = None
        if (coded := leading_room_code(reading.point or label, self.areas)) is not None:
            # ("T2 wall shared with laundry 33", "Day 2: laundry 30, T3 21": the room the row's
            # code spells, not the one its words or the line before name)
            place = Mention(key=coded, name=self.areas[coded].room, start=0, end=0)
            named = [place]
        elif not named and not room_mentions(label) and (spelt := named_space_lead(label)) is not None:
            # ("S1 Gallery 2 centre: ..." under a line on the office: a space by its name and number
            # the vocabulary does not know is the row's own, not the one the lines before named)
            same = next((key for key, area in self.areas.items() if area.room.lower() == spelt.lower()), None)
            place = Mention(key=same, name=self.areas[same].room, start=0, end=0) if same else None
        materials = materials_in(label)
        material = materials[-1] if materials else None  # "vinyl/subfloor near cooktop: 17": the last
        unit = (
            reading.unit
            or self._label_scale(label)  # ("| pins | 48 |": the scale the job says its pins read)
            or meter_scale(label, self.__dict__.get("_meter_scales", {}))  # "| Surveymaster | 690 |"
            or self._row_scales().for_material(material.key if material else None)
            or "%"
        )
        if reading.role == "goal":
            self.goals.append(Goal(material.key if material else None, unit, reading.value))
            return
        if transposed and self._rows is not None and self._rows.point_columns:
            place = self._column_room(label, self._rows.point_columns)
        phrase = room_phrase_before(line.text, reading.start) if reading.told and not named else None
        if phrase is not None and (owner is None or owner.start < reading.start - _ROOM_LOOK * 5):
            place = None  # "Walls in the nappy change room read 75-90": the room its sentence names
        location = self._name(place) if place is not None else phrase or self._label_place(label)
        location = spelt if spelt is not None and place is None else location
        location = self.__dict__.get("_run_place") or location
        if reading.room and (
            location == UNSPECIFIED_LOCATION
            or self._room_cell_first(reading.room, place)
            # (a place the row's own words do not name came from the lines around it: the Room cell,
            # a space the vocabulary does not know, "Pharaoh's Tomb", is the row's own)
            or (
                not room_mentions(label)
                and not named
                and not room_mentions(reading.room)
                and titled_name(reading.room)
            )
        ):
            location = cell_place(reading.room) or location  # "| Rear passage | pine stud | 31 |"
        if location == UNSPECIFIED_LOCATION and in_table:  # ("| Partition base, bathroom side | 880 |")
            found = unnamed_row_place(label, side, self.areas, self._resolve, self._fixture_room)
            location = self._name(found) if found is not None else location
        location = self._table_location(location, in_table and not transposed)
        re_read = False
        if reading.point is not None:
            # A map's point keeps its place, material and scale when it is re-read by its letter.
            re_read = reading.point in self._points and not named
            known = self._points.setdefault(reading.point, (location, material, unit))
            if not named:
                location, material, unit = known[0], material or known[1], reading.unit or known[2]
            reference_points: set[str] = self.__dict__.setdefault("_reference_points", set())
            re_read_reference = reading.point in reference_points  # "R2 11 %MC": still the dry standard
        if reading.point is None and not in_table and (code := inline_point_code(label)) is not None:
            self._points.setdefault(code, (location, material, unit))  # ("kitchen K1 (at bench) 38")
        unit = wide_scale(reading.value, unit, self._row_scales(), self._document_scales)
        if reading.value > MAX_PERCENT and unit != "REL":
            return  # "230" is a reading only on a relative scale
        draft = ReadingDraft(
            location=location,
            material=material,
            value=reading.value,
            unit=unit,
            meter=self._meter,
            taken_on=reading.taken_on,
            is_reference=reading.role == "reference"
            or self._reference_block
            or bool(self.__dict__.get("_reference_list"))
            or (reading.point is not None and re_read_reference)
            # (a point re-read by its letter is in its own room, not the one the lines before name:
            # "A is the wettest wood point at 26%" after the storage room's dry standards)
            or (
                not re_read
                and self._in_reference_room(place)
                and reading.label not in self.__dict__.get("_drying_labels", frozenset())
            )
            or self._tagged_reference(label, reading, place, line.number, line.text),
            said_dry=reading.said_dry,
            source=line.span(),
            point=reading.point,
        )
        if draft.is_reference and reading.point is not None:
            self.__dict__.setdefault("_reference_points", set()).add(reading.point)
        if not self._is_air(line, reading.unit or "") and not after_temperature(line.text, reading.start):
            self._append(draft, told=reading.told)

    def _append(self, draft: ReadingDraft, *, told: bool) -> None:
        if is_room_number(draft.source.text, draft.value, self.__dict__.get("_room_numbers", frozenset())):
            return  # "water came from above into 312": Room 312, no reading
        if names_numbered_area(draft.source.text, draft.value, (area.room for area in self.areas.values())):
            return  # ("D treatment 1, W wall ... 36 %": Treatment 1's number)
        in_block = self._in_readings or self.__dict__.get("_section") == draft.source.line
        # A sentence under a table ("Note the kitchen E wall 14 is a check ...") tells of a row
        told = told or (
            in_block
            and " | " not in draft.source.text
            and SENTENCE_BREAK.search(draft.source.text) is not None
        )
        if self._repeats(draft, told=told, in_block=in_block):
            return
        self.readings.append(draft)
        blocks = self.__dict__.setdefault("_draft_blocks", [])
        blocks.append(in_block)
