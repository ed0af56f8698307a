"""Readings and air as the scan meets them: rows of tables, maps and lists (reading_rows),
readings inline and in sentences, and atmospheric readings, each placed in the scan's rooms.

Which of a line's row readings are read, and which make a list of dry standards, is in
scan_row_readings.py (RowReadingsScan); here each row reading is placed and added."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

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
from chalicelib.analysis.offline.reading_legend import points_scale_legend
from chalicelib.analysis.offline.reading_legend_scan import LegendScan
from chalicelib.analysis.offline.reading_line_state import METER_WORD, ReadingLineState
from chalicelib.analysis.offline.reading_named_numbers import names_numbered_area
from chalicelib.analysis.offline.reading_numbers import is_reading_cell
from chalicelib.analysis.offline.reading_point_table import (
    day_row_cells,
    point_header,
    short_day_row,
    standards_short_row,
)
from chalicelib.analysis.offline.reading_probes import PROBE_CONTEXT, probe_readings
from chalicelib.analysis.offline.reading_prose import dated_after, in_same_order, prose_readings
from chalicelib.analysis.offline.reading_repeats import ReadingRepeats
from chalicelib.analysis.offline.reading_room_numbers import numbered_items
from chalicelib.analysis.offline.reading_room_phrases import (
    is_room_number,
)
from chalicelib.analysis.offline.reading_row_parts import describes_place, sentence_days
from chalicelib.analysis.offline.reading_rows import RowReader, fits_columns
from chalicelib.analysis.offline.reading_scales import (
    Scales,
    declared_scale,
)
from chalicelib.analysis.offline.reading_story_days import story_dated
from chalicelib.analysis.offline.reading_table_titles import titled_header
from chalicelib.analysis.offline.reading_told_days import told_column_days
from chalicelib.analysis.offline.reading_wrapped_headers import wrapped_header_columns
from chalicelib.analysis.offline.reading_wrapped_rooms import wrapped_row_rooms
from chalicelib.analysis.offline.readings import (
    Goal,
    Material,
    ReadingDraft,
)
from chalicelib.analysis.offline.scan_inline_readings import InlineReadingsScan
from chalicelib.analysis.offline.scan_label_series import LabelSeriesScan
from chalicelib.analysis.offline.scan_listed_readings import SENTENCE_BREAK, ListedReadingsScan
from chalicelib.analysis.offline.scan_order_legend import OrderLegendScan
from chalicelib.analysis.offline.scan_point_rereads import PointRereadScan
from chalicelib.analysis.offline.scan_reading_headings import ReadingHeadingScan
from chalicelib.analysis.offline.scan_reading_runs import ReadingRunScan
from chalicelib.analysis.offline.scan_reading_scales import ReadingScalesScan
from chalicelib.analysis.offline.scan_row_places import RowPlacesScan
from chalicelib.analysis.offline.scan_row_readings import RowReadingsScan
from chalicelib.analysis.offline.spaces import (
    Mention,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
)

_TABLE_RULE = re.compile(r"\s*\|[\s:|-]*-[\s:|-]*\|?\s*")
# A map's row: words, a dot leader, then values the bars part ("A hall ...... 31 | 22"); no bar
# before the leader (a table's cell may hold dots)
_LEADER_THEN_BARS = re.compile(r"[^|\n]{2,200}?(?:\.{3,}|\u2026+)[^|]*\s\|\s")


_DRY_LEGEND = re.compile(
    r"\b(?:d ?= ?)?dry ?[=:]? ?\(? ?(?:under|below|less than|<) ?(?P<value>\d{1,3}(?:\.\d)?)\b"
    r"(?! ?%? ?(?:of|rh))",
    FLAGS,
)


# A line of only numbers: the readings of a PDF row whose label wrapped onto the lines above.
_NUMBERS_ONLY = re.compile(
    r"\s*[-\u2013\u2014]?(?:\d{1,3}(?:\.\d{1,2})?\s*(?:%\s?MC|%|WME|REL)?[\s,/\-\u2013\u2014]*){2,12}", FLAGS
)


_MAX_WRAPPED = 60
# A row's point ID before its words ("4 MRI control", "P4 rear hall"): no reading
_ROW_ID = re.compile(r"\s*[A-Z]{0,3}\d{1,3}[a-z]?\s+(?=[A-Za-z])")
# A cell's words that end on a word pointing past them ("Back kitchen baseboard at" / "pantry door
# pine baseboard 19 %MC"): the next line carries the same cell on, whatever room it names
_OPEN_END = re.compile(
    r"\b(?:at|near|by|behind|beside|under|below|above|of|to|on|in|from|off|between|and|the)\s*$", FLAGS
)


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
    RowPlacesScan,
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
        told_header = self.__dict__.get("_told_days_header")
        if told_days := told_column_days(text, rows.dates, taken_on):
            # ("readings on 9/2, 11/2 and 13/2, in that order": the headerless table's days below)
            if not self._in_readings:
                # ("The four number columns are, left to right, 23/08, 24/08 and 26/08." with no
                # readings heading: the sentence heads the table under it)
                self._in_readings, self._reference_block, self._block_rows = True, False, 0
                self._block_header = text
            rows.preamble_dates, rows.columns = told_days, None
            self.__dict__["_told_days_header"] = self._block_header
            return True
        if self._in_readings and not self._block_rows:
            if not (told_header and self._block_header.startswith(told_header)):
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
            # ("READINGS (meter, plasterboard on WME, slab in search mode)" taken for a header of
            # three columns, then "27/11: wall 34 WME, door 26 WME | slab 890 | WC wall 31 WME | ..."
            # in four cells: the first barred line under words the header's columns do not fit)
            unfit = (
                not found
                and not was_table
                and rows.point_columns is None
                and rows.columns is not None
                and not fits_columns(rows.columns, text)
            )
            if not found and ((rows.columns is None and rows.point_columns is None) or unfit):
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
            if (
                self._pending_label
                and (
                    _NUMBERS_ONLY.fullmatch(text)
                    or (
                        wrapped
                        # ("K2 kitchen floor" / "by pantry 19 17": a room the point is by goes on its label)
                        and (
                            not wrapped_row_rooms(text[: wrapped[0].start])
                            or _OPEN_END.search(self._pending_label)
                        )
                    )
                )
            ):
                # A PDF cell that wrapped: "P1 Living/bedroom -" / "bottom plate, north wall" /
                # "38 29 21 16" is one row; the words before the numbers are its label. So are
                # "P5 Bathroom - bottom" / "plate at door 36 28 20 15".
                joined = f"{self._pending_label} {text}"
                self._pending_label = ""
                rooms = wrapped_row_rooms(joined)
                return self._read_rows(line, rooms, rows.word_row(joined, taken_on), joined)
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
            found = dated_after(
                text, found, rows.dates, taken_on, rows.day_one
            )  # ("drywall 11 REL on 06/06")
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
