"""Readings laid out as rows: tables, moisture maps and lists of "place value" pairs.

Real notes give readings in many layouts, and a reader who only knows "drywall 32%MC" misses most
of them:
- a Word table extracted as `cell | cell | cell`, with or without a header row naming the days,
  dates, the goal or the dry standard ("Pt | Location | Goal | Day 1 | Day 2");
- a PDF table, whose cells come out as one line of words and numbers under a header line
  ("Location Dry std 9/22 9/23 9/24" / "Rear hallway slab 3.6 5.7 4.4 3.5");
- a lettered or numbered moisture map under an "MC" heading ("A - kitchen wall behind fridge,
  100 mm above floor - 38 W"), and later re-reads by point ("A 19, C 18, D 15");
- lists of "place value" pairs on one line ("17/01: laundry 17 / hall 14 / bed 2 13").

A number is a reading only when nothing says it is something else: a length, an area, a time, a
date, a temperature or humidity, a count of equipment, a room's or point's number. A row's words
(its label) say where and on what; the caller resolves them to a room and a material.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_dotted_days import dated_after, dotted_days
from chalicelib.analysis.offline.reading_numbers import (
    NUMBER,
    SCALE_AFTER,
    Number,
    is_reading_cell,
    numbers_in,
    reading_cell,
    scale_name,
    strip_dates,
)
from chalicelib.analysis.offline.reading_pair_cells import paired_cell
from chalicelib.analysis.offline.reading_part_dates import own_days
from chalicelib.analysis.offline.reading_row_cells import day_cells
from chalicelib.analysis.offline.reading_row_columns import (
    DAY_COLUMN,
    HEADER_CELLS,
    Column,
    is_point_heading,
    labels_dates,
    titles_written_day,
)
from chalicelib.analysis.offline.reading_row_labels import counts_equipment
from chalicelib.analysis.offline.reading_row_parts import (
    AIR_WORDS,
    Role,
    RowReading,
    dashed_days,
    labelled_first,
    one_reading_of,
)
from chalicelib.analysis.offline.reading_row_units import (
    rh_scale,
    unit_cell,
    with_material_rh,
    without_material_rh,
)
from chalicelib.analysis.offline.reading_scales import explicit_scale
from chalicelib.analysis.offline.reading_segments import (
    EQUIPMENT_WORDS,
    SegmentReader,
    heads_equipment,
    names_equipment,
    point_id,
)
from chalicelib.analysis.offline.reading_table_places import leading_room_words
from chalicelib.analysis.offline.reading_told_days import told_day_cells, told_day_padded
from chalicelib.analysis.offline.reading_visit_cells import visit_readings, visit_values_in_cell
from chalicelib.analysis.offline.text import FLAGS, collapse

_MAX_HEADER_WORDS = 14
_TRAILING_NUMBERS = re.compile(r"(?:\s\d{1,3}(?:\.\d{1,2})?){3,12}\s*$")
# "11 Nov  13 Nov  16 Nov": a PDF header of days by month name, whose "11 Nov 13" reads as a date
# with a two-digit year unless each day and its month are taken as a title of their own.
_DAY_MONTH = r"\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
_DAY_MONTH_RUN = re.compile(rf"\b{_DAY_MONTH}(?:\s+{_DAY_MONTH})+(?![\w/])", FLAGS)
# "Nov 12  Nov 13  Nov 15": the same header month first, whose "12 Nov 13" the run above would take
# for day-first titles; whichever order titles more of the line's days is the header's.
_MONTH_DAY = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}(?:st|nd|rd|th)?"
_MONTH_DAY_RUN = re.compile(rf"\b{_MONTH_DAY}(?:\s+{_MONTH_DAY})+(?![\w/])", FLAGS)
_HEADER_TOKEN = re.compile(r"dry ?std|dry standard|day ?\d{1,2}|[^\s|]+", FLAGS)
_TRAILING_NOTE = re.compile(r"\s\([^()]{3,80}\)\s*$")
_NUMBER_WORD = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
_BRACKETS = re.compile(r"\([^()]{0,60}\)")
# a bracket naming two scales, each for its material: "(REL on plasterboard, %MC on timber)"
# a comma, then a place of words: the next item of a list, not the next cell of a row
_LISTED_PLACE = re.compile(r",\s*(?!(?:not|no|n/)\b)[a-z]{2,}\s+[a-z0-9]", FLAGS)
_BLOCK_TITLE = re.compile(r"readings?", FLAGS)
_SCALE_LEGEND = re.compile(
    r"\([^()]{0,40}?\b(?:rel|wme|%\s?mc|mc)\b[^()]{0,40}?(?:rel|wme|%\s?mc|mc)\b[^()]{0,40}\)", FLAGS
)
_DAY_TITLE = re.compile(r"\b(?:day|d|visit|v) ?\d{1,2}\b", FLAGS)
_DATE_HEADING = re.compile(r"(?:date|day|visit|reading date|day / date)", FLAGS)
_SCALED_NUMBER = re.compile(r"\d ?(?:%|wme\b|rel\b)", FLAGS)
# A clock time after a day: "2026-11-18 08:02" stamps a call or a visit ("12/11 am" may title a column)
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_POINT_COLUMN = re.compile(r"(?:#|pt|point|no\.?|id|code)", FLAGS)
_REF_NUMBER_HEADING = re.compile(r"ref(?:erence)?\.?(?: ?(?:no\.?|#|code|pt|point))?", FLAGS)
_BARE_POINT = re.compile(r"#?\d{1,3}")
_LABELLED_CELL = re.compile(r"(?P<label>[^:|\d][^:|]{0,80}?) ?: ?(?P<value>\d{1,4}(?:\.\d)? ?[%A-Za-z]{0,4})")
# A point's code in its own cell: "A4", "12", "#3", "REF-1", "STD-C" (a standard lettered by surface)
_POINT_CELL = re.compile(r"#?(?P<id>[A-Z]{0,3}-?\d{1,2}|(?:STD|REF|DS)-[A-Z]{1,2}|[A-Z])", re.ASCII)
_REFERENCE_CODE = re.compile(r"(?:STD|REF|DS)(?![A-Z])")
_ROOM_COLUMN = re.compile(r"(?:room|space|area|room / area)", FLAGS)
_DAY_DEFINED = re.compile(r"\bday ?(?P<n>\d{1,2}) ?(?:=|:|-|is|was) ?", FLAGS)


_LIST_ITEM = re.compile(r"\s*[-*\u2022]\s+[A-Za-z]")


@dataclass
class RowReader(SegmentReader):
    """Reads one line at a time, remembering the header row and the points of a moisture map."""

    dates: Dates
    day_one: date | None
    columns: list[Column] | None = None
    point_columns: list[str] | None = None  # a table with a row per day and a column per point
    preamble_dates: list[date] = field(default_factory=list)
    points: dict[str, str] = field(default_factory=dict)
    days: dict[int, date] = field(default_factory=dict)

    # --- headers ---------------------------------------------------------------------------

    def has_reading(self, text: str) -> bool:
        """Whether a line has a number that may be a reading."""
        return bool(numbers_in(text, self.dates))

    def note_preamble(self, text: str, anchor: date | None) -> None:
        """The dates a block's preamble lists, in order: a table without a header reads by them."""
        found = [m.value for m in self.dates.find(text, anchor, yearless_numeric=True) if m.value]
        self.preamble_dates = found if len(found) >= 2 else []

    def note_days(self, text: str, anchor: date | None) -> None:
        """ "Day 1 = 7/8, Day 2 = 7/9": what the day columns of a table mean."""
        for match in _DAY_DEFINED.finditer(text):
            found = self.dates.find(text[match.end() : match.end() + 12], anchor, yearless_numeric=True)
            if found and found[0].start == 0 and found[0].value:
                self.days[int(match.group("n"))] = found[0].value

    def _day(self, number: int) -> date | None:
        if number in self.days:
            return self.days[number]
        if 1 in self.days:
            return self.days[1] + timedelta(days=number - 1)
        return self.day_one + timedelta(days=number - 1) if self.day_one else None

    def _column(self, cell: str, anchor: date | None) -> Column | None:
        cell = collapse(cell).strip(" :")
        if not cell:
            return Column("other")
        if _DATE_HEADING.fullmatch(cell):
            return Column("when")  # "Date | Location | Reading": each row's own date
        day = DAY_COLUMN.match(cell)
        if day:
            # ("D1 11/13", "Day 3 (15/11)": the day's number and its date; the date written is the
            # column's, whatever day the notes' first visit is taken to be)
            written = self.dates.find(cell[day.end() :], anchor, yearless_numeric=True)
            if (
                written
                and written[0].value is not None
                and not cell[day.end() : day.end() + written[0].start].strip(" (-:,")
            ):
                return Column("date", written[0].value)
            return Column("date", self._day(int(day.group("n"))))
        found = self.dates.find(cell, anchor, yearless_numeric=True)
        if found and NUMBER.search(cell, found[0].end):
            return None  # "05.08.2026 pbd 45%": a dated reading, not a column's title
        if found and _CLOCK.search(cell, found[0].end):
            return None  # ("Call received | 2026-11-18 08:02": a form's time stamp, no day's column)
        if found and (found[0].start == 0 or not NUMBER.search(cell[: found[0].start])):
            scale = SCALE_AFTER.search(cell[: found[0].start])  # "MC % 11/03"
            return Column("date", found[0].value, scale_name(scale.group("scale")) if scale else None)
        for kind, pattern in HEADER_CELLS:
            if pattern.search(cell):
                scale = SCALE_AFTER.search(cell)
                room = kind == "label" and _ROOM_COLUMN.fullmatch(cell) is not None
                point = kind == "label" and _POINT_COLUMN.fullmatch(cell) is not None
                scale_named = scale_name(scale.group("scale")) if scale else None
                return Column(kind, scale=scale_named, room=room, point=point)
        return None

    def header(self, cells: list[str], anchor: date | None) -> list[Column] | None:
        """The columns of a header row, or None when the row is not a header."""
        dotted = dotted_days(cells, self.dates, anchor)  # ("| Pt | 16.11 | 17.11 |": days, not readings)
        if not dotted and any(is_reading_cell(cell) or _SCALED_NUMBER.search(cell) for cell in cells):
            return None  # ("B 17% | D 18%": a point's reading each, though "D 18" looks like day 18)
        if any(visit_values_in_cell(cell, self.dates, anchor) for cell in cells):
            return None  # ("3/12 28 ; 5/12 21": a point's visits, each day with its value)
        if self.columns and len(self.columns) == len(cells):
            # "19/07 | Lounge | board | - | not re-read | -": a row of the table whose point was
            # not read is no new header, though its date cell would head a column
            whens = (cell for cell, column in zip(cells, self.columns, strict=True) if column.kind == "when")
            if any(self.dates.find(cell, anchor, yearless_numeric=True) for cell in whens):
                return None
        dashed = {**dashed_days(" ".join(cells), self.dates, anchor), **dotted}
        columns = [
            Column("date", dashed[cell.strip()]) if cell.strip() in dashed else self._column(cell, anchor)
            for cell in cells
        ]
        numeric = [
            c for c in columns if c is not None and c.kind in ("date", "goal", "reference", "value", "visits")
        ]
        if not numeric:
            return None
        # ("#" is no word for the titles' patterns; it heads the points' column)
        points = [_POINT_COLUMN.fullmatch(collapse(cell)) is not None for cell in cells]
        if _REF_NUMBER_HEADING.fullmatch(collapse(cells[0])) and len(numeric) >= 2:
            # ("Ref | 10/11/2026 | 12/11/2026", "Ref no. | Day 1 | Day 3"): the first column titled
            # "Ref" holds the points' reference codes, as a UK log titles them, not a dry standard's
            # values (one "Ref" column among others is: "Location | Ref | Day 1")
            columns[0], points[0] = None, True
        return [c or Column("label", point=point) for c, point in zip(columns, points, strict=True)]

    def header_words(self, text: str, anchor: date | None) -> list[Column] | None:
        """A PDF table's header line: words, then the titles of the number columns."""
        if text.rstrip().endswith(":"):
            return None  # "Readings (Tramex ME5, ref scale):" heads a block; it is no table's header
        if _LIST_ITEM.match(text):
            # ("- Rec ceiling - removed Nov 18, no point": an item of a list tells of its point; no
            # table's header is a list's item, so its day heads no column of the items under it)
            return None
        dashed = dashed_days(text, self.dates, anchor)  # ("Location  09-13  09-16": days)
        undashed = re.sub("|".join(map(re.escape, dashed)), " ", text) if dashed else text
        if NUMBER.search(_DAY_TITLE.sub(" ", strip_dates(self.dates, undashed, anchor))):
            return None  # ("D1 family ceiling 72 (removed 24/03)": a row whose point looks like a day)
        # ("Readings (Protimeter - REL on plasterboard, %MC on timber)  1/11 -> 3/11": a legend of
        # which material takes which scale, then the days; the legend's scales head no columns)
        text = _SCALE_LEGEND.sub(lambda legend: " " * len(legend.group(0)), text)
        tokens = self._header_tokens(text, anchor)
        if len(tokens) > _MAX_HEADER_WORDS or re.search(r"[.!?;]\s", text):
            return None  # a sentence of the preamble, not a row of column titles
        columns, titles = list[Column](), list[int]()
        labelled = False
        room_first = False  # ("Pt Room Material 11/29 ...": the room's words open each row's label)
        for index, token in enumerate(tokens):
            if index == 0 and re.fullmatch(r"(?:ref|pt|point|#|no)\.?", token, FLAGS):
                continue  # the point column: "Ref Room Material Dry std 02/10 ..."
            if titles_written_day(tokens, index, self.dates, anchor):
                continue  # ("Day 1 12/10  Day 3 14/10": one column, titled by its number and its date)
            column = Column("date", dashed[token]) if token in dashed else self._column(token, anchor)
            if column is not None and column.kind == "label":
                room_first = room_first or (column.room and not labelled)
                labelled = True
            elif column is not None:
                titles += [len(columns)] if _BLOCK_TITLE.fullmatch(token) else []
                columns.append(column)
        # ("Room Point Readings 11/02 > 11/03": "Readings" titles the days after it, heads no column)
        columns = [c for i, c in enumerate(columns) if i not in titles or not dated_after(columns, i)]
        numeric = [c for c in columns if c.kind in ("date", "goal", "reference", "value")]
        dated = sum(c.kind == "date" for c in numeric)
        # A header names its rows' words ("Room", "Location") or several days; "Moisture readings"
        # alone is a block's heading.
        if not numeric or not (dated >= 2 or (labelled and len(numeric) >= 1)):
            return None
        if dated >= 2 and columns[0].kind == "value" and _BLOCK_TITLE.fullmatch(tokens[0]):
            columns = columns[1:]  # ("Readings  1/11 -> 3/11 -> 5/11": the block's title, then its days)
        return [Column("label", room=room_first), *[c for c in columns if c.kind not in ("notes", "unit")]]

    def _header_tokens(self, text: str, anchor: date | None) -> list[str]:
        """A header line's titles: a date is one ("Point  Oct 18  Oct 20": "Oct 18"), as are
        "dry std" and "day 2"; other words one each."""
        run, form = _DAY_MONTH_RUN.search(text), _DAY_MONTH
        month_first = _MONTH_DAY_RUN.search(text)
        if month_first is not None and (
            run is None
            or len(re.findall(_MONTH_DAY, month_first.group(0), FLAGS))
            > len(re.findall(_DAY_MONTH, run.group(0), FLAGS))
        ):
            run, form = month_first, _MONTH_DAY
        if run is not None:
            days = re.findall(form, run.group(0), FLAGS)
            titles = [
                *_HEADER_TOKEN.findall(text, 0, run.start()),
                *days,
                *_HEADER_TOKEN.findall(text, run.end()),
            ]
            return [token.strip(",") for token in titles if token.strip(",")]
        tokens, position = [], 0
        for found in self.dates.find(text, anchor, yearless_numeric=True):
            tokens += _HEADER_TOKEN.findall(text, position, found.start)
            tokens.append(text[found.start : found.end])
            position = found.end
        tokens += _HEADER_TOKEN.findall(text, position)
        return [token.strip(",") for token in tokens if token.strip(",")]

    # --- rows ------------------------------------------------------------------------------

    def table_row(self, text: str, taken_on: date | None, anchor: date | None) -> list[RowReading] | None:
        """A Word table row (`a | b | c`): the header's columns say what each number is."""
        stripped = text.strip()
        if re.fullmatch(r"[|:\-\s]+", stripped):
            return []  # a Markdown table's rule line
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            stripped = stripped[1:-1]  # a table typed with its outer bars
        raw_cells = [cell.strip() for cell in stripped.split("|")]
        cells = list(raw_cells)
        width = len(self.point_columns) if self.point_columns else len(self.columns) if self.columns else 0
        while cells and not cells[-1] and len(cells) > width:
            cells.pop()  # the extractor's trailing " |" of an empty last cell
        if (
            len(cells) >= 3
            and _DATE_HEADING.fullmatch(cells[0])
            and not any(map(is_reading_cell, cells))
            and all(self._column(cell, anchor) is None or is_point_heading(cell) for cell in cells[1:])
            and not any(AIR_WORDS.search(cell) or EQUIPMENT_WORDS.search(cell) for cell in cells)
        ):
            # "Date | K1 fridge | K2 island | REF living room": one row per day, a column per point
            self.point_columns, self.columns = cells, None
            return []
        if self.point_columns is not None and len(cells) == len(self.point_columns):
            return self._day_row(cells, taken_on, anchor)
        header = self.header(cells, anchor)
        if header is not None and heads_equipment(cells):  # (its rows count units on site each day)
            header = [Column("notes") for _ in cells]
        if header is not None:
            self.columns = header
            return []
        cells = labelled_first(cells)
        columns = self.columns if self.columns and len(self.columns) == len(cells) else None
        if columns is None and self.columns and labels_dates(self.columns, cells):
            # "(10/11 | 12/11 | 16/11)" over "tile at vanity: 780 | 420 | 260 REL": a header of the
            # days alone, the row's own label before them
            columns = [Column("label"), *self.columns]
        if columns is None and self.preamble_dates:
            # No header: "the four numbers in each row are the readings on 14/04, 15/04, ..."
            days = len(self.preamble_dates)
            # ("5.4 | 4.4 | n/r": not read the last day; "3 | hall skirting | %MC | 22 | 17": the
            # point's number before its words is no day's reading)
            padded = told_day_padded(cells, raw_cells, days)
            numeric = told_day_cells(padded, days) or [
                index for index, cell in enumerate(cells) if is_reading_cell(cell)
            ]
            cells = padded if len(numeric) == days and numeric[-1] >= len(cells) else cells
            if len(numeric) == days:
                dated = iter(self.preamble_dates)
                columns = [
                    Column("date", next(dated))
                    if i in numeric
                    else Column("unit")
                    if unit_cell(cell)
                    else Column("label", point=i == 0 and _BARE_POINT.fullmatch(cell) is not None)
                    for i, cell in enumerate(cells)
                ]
        # "plasterboard behind vanity: 34 | 22 | 15 WME" under "(10/11 | 12/11 | 16/11)": the first
        # day's number follows the row's words, in their cell
        lead = _LABELLED_CELL.fullmatch(cells[0]) if columns and columns[0].kind == "date" else None
        if lead is not None:
            cells = [lead.group("value"), *cells[1:]]
        # "1 | rec rm, E wall stud | 27 %MC" with no header: the bare number first is the point's
        numbered = (
            columns is None
            and len(cells) >= 3
            and _BARE_POINT.fullmatch(cells[0]) is not None
            and not is_reading_cell(cells[1])
            and any(map(is_reading_cell, cells[2:]))
        )
        label_cells = [
            cell
            for index, cell in enumerate(cells)
            if not is_reading_cell(cell) and (columns is None or columns[index].kind in ("label", "other"))
        ]
        if columns is not None:
            when = [c for c, column in zip(cells, columns, strict=True) if column.kind == "when"]
            found_when = self.dates.find(when[0], anchor, yearless_numeric=True) if when else []
            if found_when and found_when[0].value:
                taken_on = found_when[0].value
        coded = [
            cell
            for cell, column in zip(cells, columns or [], strict=False)
            if column.point and _POINT_CELL.fullmatch(cell) is not None
        ]
        # ("P6 | utility screed | % | 4.8": the point's code is no word of its place)
        label = (
            " ".join(cell for cell in label_cells if cell not in coded[:1])
            if coded
            else " ".join(label_cells)
        )
        label = f"{lead.group('label')} {label}".strip() if lead is not None else label
        units = [cell for cell, column in zip(cells, columns or [], strict=False) if column.kind == "unit"]
        row_unit = unit_cell(units[0]) if units else None
        rooms = [cell for cell, column in zip(cells, columns or [], strict=False) if column.room]
        codes = [
            code.group("id")
            for cell, column in zip(cells, columns or [], strict=False)
            if column.point and (code := _POINT_CELL.fullmatch(cell)) is not None
        ]
        if numbered:
            codes = [cells[0].lstrip("#")]
        if codes and label.strip():
            self.points.setdefault(codes[0], label)  # "| 3 | rec rm, N wall | 820 |", then "#3 460"
        # (a note in brackets, "floor under dishwasher (pulled out)", says nothing of equipment)
        if AIR_WORDS.search(label) or names_equipment(_BRACKETS.sub(" ", label)):
            return []
        offset, found = lead.start("value") if lead is not None else 0, []
        for index, cell in enumerate(cells):
            column = columns[index] if columns else None
            if column is not None and column.kind == "visits":
                point = codes[0] if codes else _point_of(label)
                found.extend(
                    visit_readings(cell, offset, label, row_unit, point, self.dates, anchor or taken_on)
                )
                offset += len(cell) + 3
                continue
            number = None if numbered and index == 0 else reading_cell(cell)
            if number is None and column is not None and column.kind == "value":
                # ("Readings" over "27-Nov 26 / 29-Nov 19": the point's visits, each with its day)
                point = codes[0] if codes else _point_of(label)
                visits = visit_readings(cell, offset, label, row_unit, point, self.dates, anchor or taken_on)
                if visits:
                    found.extend(visits)
                    offset += len(cell) + 3
                    continue
            if number is None and column and column.kind == "date":  # ("GIB / skirting" over "140 / 13")
                found += paired_cell(cell, label, column.taken_on, codes[0] if codes else None, offset)
            if number is not None and (column is None or column.kind in ("date", "goal", "value")):
                role: Role = "goal" if column and column.kind == "goal" else "reading"
                if (column and column.kind == "reference") or (
                    role == "reading" and codes and _REFERENCE_CODE.match(codes[0])
                ):
                    role = "reference"  # (a reference column, or the row of a point coded "REF-C")
                found.append(
                    RowReading(
                        label=label,
                        value=number.value,
                        unit=number.scale or row_unit or (column.scale if column else None),
                        role=role,
                        taken_on=column.taken_on if column and column.kind == "date" else taken_on,
                        said_dry=number.said_dry,
                        point=codes[0] if codes else _point_of(label),
                        start=offset,
                        end=offset + len(cell),
                        room=rooms[0] if rooms else None,
                    )
                )
            offset += len(cell) + 3
        return found

    def _day_row(self, cells: list[str], taken_on: date | None, anchor: date | None) -> list[RowReading]:
        assert self.point_columns is not None
        found = self.dates.find(cells[0], anchor, yearless_numeric=True)
        day = DAY_COLUMN.match(cells[0])
        when = found[0].value if found else self._day(int(day.group("n"))) if day else taken_on
        if found and when is None and one_reading_of(cells[0], taken_on):
            # ("10/09" in a job that writes no other numeric date: October 9th or September 10th;
            # the line's day, read from the rows around it, is one of the two, so it is that one)
            when = taken_on
        readings, offset = [], len(cells[0]) + 3
        for label, cell in zip(self.point_columns[1:], cells[1:], strict=True):
            number = reading_cell(cell)
            if number is not None:
                readings.append(
                    RowReading(
                        label=label,
                        value=number.value,
                        unit=number.scale,
                        role="reading",
                        taken_on=when,
                        said_dry=number.said_dry,
                        point=_point_of(label),
                        start=offset,
                        end=offset + len(cell),
                    )
                )
            offset += len(cell) + 3
        return readings

    def word_row(self, text: str, taken_on: date | None) -> list[RowReading]:
        """A PDF table row under a header line: the trailing numbers fill the number columns."""
        if groups := self._dated_groups(text, taken_on):
            return groups
        numbers = with_material_rh(text, numbers_in(text, self.dates))
        if (
            numbers
            and re.match(r"\d{1,3}[.)]?\s+[A-Za-z]", text[numbers[0].start :])
            and not strip_dates(self.dates, text[: numbers[0].start], taken_on).strip(" \t>*\u2022-")
        ):
            # "1 Airing cupboard ...", "2. Hall skirting ...", "09/08/2026 1 Laundry drywall ...":
            # the row's point number, alone or after the row's date
            numbers = numbers[1:]
        trailing = _TRAILING_NUMBERS.search(text)
        if trailing and len(self.preamble_dates) >= 3 and len(numbers) < len(self.preamble_dates):
            # "plate at door 36 28 20 15": a row ends with one number a day, whatever word is before
            tail = [
                Number(float(m.group(0)), m.start(), m.end(), None, None)
                for m in _NUMBER_WORD.finditer(text, trailing.start())
            ]
            numbers = tail if len(tail) == len(self.preamble_dates) else numbers
        columns = self.columns
        days = len(self.preamble_dates)
        # ("24 16 12 11 -" under "Columns are Dec 1, ... Dec 5": a day not read holds its place)
        marked = day_cells(_TRAILING_NOTE.sub(lambda note: " " * len(note.group(0)), text).rstrip())
        if (
            columns is None
            and days >= 3
            and (len(numbers) == days or (marked is not None and len(numbers) < days == len(marked[1])))
        ):
            columns = [Column("label"), *(Column("date", day) for day in self.preamble_dates)]
        if not numbers or columns is None:
            return []
        if _LISTED_PLACE.search(text, numbers[0].end, numbers[-1].start):
            return []  # ("dining ceiling 110, bed 2 floor 12": a list of places, each with its value)
        slots = [c for c in columns if c.kind in ("date", "goal", "reference", "value")]
        if trailing and len(numbers) != len(slots):
            # "P5 dining oak 4 ft into room 16 13 11 9": a row ends with one number a column, though
            # a word before one of them made it look like something else ("room 16")
            tail = [
                Number(float(m.group(0)), m.start(), m.end(), None, None)
                for m in _NUMBER_WORD.finditer(text, trailing.start())
            ]
            numbers = tail if len(tail) == len(slots) else numbers
        # ("J1 joist - 27 19 (read once the sheet was off)": the note after the cells is no cell)
        # (a day not read holds its place: "5 joist (after opening) - 24 %MC 17 %MC 13 %MC")
        dashed = day_cells(_TRAILING_NOTE.sub(lambda note: " " * len(note.group(0)), text).rstrip())
        if dashed is not None and len(dashed[1]) == len(slots):
            label = text[: dashed[0]]
            room = leading_room_words(label) if columns[0].room else None
            return self._cells_row(label, dashed[1], slots, taken_on, room)
        label = text[: numbers[0].start]
        if AIR_WORDS.search(without_material_rh(label)) or counts_equipment(label) or not label.strip():
            return []
        if len(numbers) > len(slots):
            return []  # more numbers than columns: not a row of this table
        row_scale = explicit_scale(label) or rh_scale(label)  # "E %MC 29 24 19 16": the row's scale
        room = leading_room_words(label) if columns[0].room else None
        found = []
        for number, column in zip(numbers, slots, strict=False):
            if column.kind == "reference":
                continue  # a "Dry std" column is the row's dry standard, not a reading of it
            role: Role = "goal" if column.kind == "goal" else "reading"
            found.append(
                RowReading(
                    label=collapse(label),
                    value=number.value,
                    unit=number.scale or column.scale or row_scale,
                    role=role,
                    taken_on=column.taken_on if column.kind == "date" else taken_on,
                    said_dry=number.said_dry,
                    point=_point_of(label),
                    start=number.start,
                    end=number.end,
                    room=room,
                )
            )
        return own_days(text, found, self.dates)

    def _cells_row(
        self,
        label: str,
        cells: list[tuple[int, int, Number | None]],
        slots: list[Column],
        taken_on: date | None,
        room: str | None = None,
    ) -> list[RowReading]:
        if AIR_WORDS.search(without_material_rh(label)) or counts_equipment(label) or not label.strip():
            return []
        found = []
        for (start, end, number), column in zip(cells, slots, strict=True):
            if number is None or column.kind == "reference":
                continue
            found.append(
                RowReading(
                    label=collapse(label),
                    value=number.value,
                    unit=number.scale or column.scale or explicit_scale(label) or rh_scale(label),
                    role="goal" if column.kind == "goal" else "reading",
                    taken_on=column.taken_on if column.kind == "date" else taken_on,
                    said_dry=number.said_dry,
                    point=_point_of(label),
                    room=room,
                    start=start,
                    end=end,
                )
            )
        return found


def _point_of(label: str) -> str | None:
    match = point_id(label)
    return match.group("id") if match else None


def fits_columns(columns: list[Column], text: str) -> bool:
    """Whether a barred line has a cell for each of a header's columns (or its label, then a cell
    for each of a header of days alone)."""
    stripped = text.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        stripped = stripped[1:-1]
    cells = [cell.strip() for cell in stripped.split("|")]
    while cells and not cells[-1] and len(cells) > len(columns):
        cells.pop()
    return len(cells) == len(columns) or labels_dates(columns, cells)
