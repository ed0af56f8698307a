"""A drying log's point legend: a table that says, once, what each point code stands for
("P1 | Kitchen | plasterboard | west wall | Tramex ME5, relative"), then a wide table of readings
with a row per visit and a column per code ("Date | P1 | P2 | DS1"). The legend's rows are no
readings (their numbers are heights and scale ranges); each column of the wide table is read as
the legend's point: its room, material, scale and whether it is a dry standard.

Both come as a Word table (`a | b | c`) or as a PDF's text, where the bars are gone and a long
cell wraps onto the lines below ("P1 Kitchen plasterboard" / "west wall, 150 mm up" /
"Tramex ME5, relative (0-100)"; a date may wrap too: "14/10/202" / "6 11:40 88 34")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from chalicelib.analysis.offline.reading_numbers import reading_cell
from chalicelib.analysis.offline.reading_point_table import held_places_row
from chalicelib.analysis.offline.reading_row_parts import AIR_WORDS
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_scales import explicit_scale
from chalicelib.analysis.offline.readings import (
    METER_REFERENCE,
    Material,
    materials_in,
    names_reference,
)
from chalicelib.analysis.offline.spaces import MAX_ROOM_NAME, room_mentions
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS, collapse, truncate

# The first heading of a legend names the code column: "Point", "Code", "Pt", "Ref", "ID", "#".
_CODE_HEADING = re.compile(
    r"(?:point|pt|code|point code|ref(?:erence)?\.?(?: ?(?:no\.?|#|code))?|id|#|no\.?|tag|mp|location code)",
    FLAGS,
)
_CODE_WORD = re.compile(r"(?:point code|location code|point|pt|code|ref|id|#|no\.?|tag|mp)\b", FLAGS)
# What the other columns hold; a legend names a room column and a material column at least.
_ROOM_HEADING = re.compile(r"\b(?:room|area|space)\b", FLAGS)
_PLACE_HEADING = re.compile(r"\b(?:location|where|place)\b", FLAGS)  # a room when no "Room" column
_MATERIAL_HEADING = re.compile(r"\b(?:material|substrate|surface|item)\b", FLAGS)
# A wide table's column of the air, not of a point: "Air °C", "Air RH%", "GPP", "Outside temp".
_AIR_HEADING = re.compile(r"^(?:air|room air|outside|ambient)\b|^(?:gpp|dew ?point|dp)$", FLAGS)
# (a numbered point headed by the word for a point, "Pt 1  Pt 2  REF", is one heading too)
_AIR_PAIR = re.compile(
    r"(?:air|outside|ambient) (?:temp\w*|\S?C|\S?F|rh ?%?|%rh|gpp|dp)(?!\S)"
    r"|(?:pt|point|pnt)\.? ?\d{1,2}[a-z]?(?!\S)"
    # ("K1 %  K2 %MC  REF-B WME": a point's code and the scale its column reads, one heading)
    r"|(?-i:[A-Z]{1,4}(?:-?[A-Z0-9]{1,2})?) (?:%(?:MC|WME)?|WME|REL)(?!\S)|\S+",
    FLAGS,
)
# A column of the readings themselves: "Reading", "Readings (WME)", "MC", "Value", "Result".
_READING_HEADING = re.compile(
    r"(?:readings?|values?|mc|%\s?mc|moisture(?: content)?|results?)(?:\s*\([^()]{1,20}\))?", FLAGS
)
# (the same titles as words of a PDF's header line, its bars gone)
_READING_TITLE = re.compile(r"\b(?:readings?|values?|results?|moisture content)\b", FLAGS)
_SCALE_HEADING = re.compile(r"\b(?:meter|instrument|scale|unit|mode|tool)\b", FLAGS)
_MAX_HEADER = 90  # a header row is a few words; a sentence naming rooms and materials is none
# A point's code: "P1", "DS1", "DS-A", "DS", "H1", "#3". Capitals and digits, so a word is none.
_CODE = re.compile(r"#?(?:[A-Z]{1,3}(?:-?[A-Z0-9]{1,2})?|\d{1,2}[A-Z]?)", re.ASCII)
_LEAD_CODE = re.compile(r"(?P<code>#?(?:[A-Z]{1,3}(?:-?[A-Z0-9]{1,2})?|\d{1,2}[A-Z]?)) (?=\S)", re.ASCII)
# A scale the meter cell names outright beats one it implies: "MMS3 pins, %WME" is on WME.
_SCALE_NAMED = (
    (re.compile(r"\bwme\b", FLAGS), "WME"),
    (re.compile(r"%\s?mc\b|\bmc ?%", FLAGS), "%MC"),
    (
        re.compile(
            r"\b(?:rel(?:ative)?|ref(?:erence)? scale|digits|non-?invasive|pinless|search)\b|\b0-\d{3,4}\b",
            FLAGS,
        ),
        "REL",
    ),
    (re.compile(r"\bconcrete scale\b", FLAGS), "%"),
    (METER_REFERENCE, "REL"),
)
# A dry-standard point: "Bedroom 2 (unaffected)", "Living room (dry)", code "DS" or "DS-B".
_DRY_MARK = re.compile(r"\(\s*dry\s*\)", FLAGS)
_REFERENCE_CODE = re.compile(r"(?:DS|REF|DRY)(?:-?[A-Z0-9]{1,2})?", re.ASCII)
_BRACKETED = re.compile(r"\([^()]{0,40}\)")
# A legend's level column is no part of the room: "First floor Bedroom 1", "Ground floor Hallway".
_LEVEL = re.compile(r"^(?:(?:ground|first|second|third|top|upper|lower|main) floor|level \d{1,2}) ", FLAGS)
_RULE = re.compile(r"[|:\-\s]+")
_MAX_PLACE_WORDS = 4
_MAX_ROW = 300  # a legend row's wrapped cells, joined: bounded, so each line is parsed in bounded time
# A PDF legend row's wrapped cell: a few words, no sentence ("Goal: within 2 of DS" ends it).
_WRAPPED = re.compile(r"[^:.;!?]{1,40}|[^:;!?]{0,40}\([^()]{0,20}\)[^:;!?]{0,10}")
# The wide table: its first heading says when; a second may give the time.
_WHEN_HEADING = re.compile(r"(?:date|day|visit|time|date / time|date and time|reading date)", FLAGS)
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?: ?[ap]m)?", FLAGS)
# A cell that says the point was not read: "-", "—", "n/r", "not read", "cut", blank.
_NOT_READ = re.compile(
    # ("cut", "stripped", "lifted": the material was taken out or up at that point)
    r"(?:-{1,3}|\u2014|\u2013|n/?r|n/?a|nr|not (?:read|re-?read|taken|accessible)|no access|removed|dry"
    r"|at goal|cut(?: out)?|stripped|pulled|gone|replaced|lifted)",
    FLAGS,
)
_NOT_READ_WORDS = re.compile(r"\bnot (?:read|re-?read|taken|accessible)\b|\bno access\b|\bat goal\b", FLAGS)
# A month's name opening a row: its day is the next word ("Nov 29 36 28 5.9")
_MONTH_WORD = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]{0,6}\.?", FLAGS)
_CELL_GAP = re.compile(r"[.\u00b7\u2022]")
# A header of codes alone needs this many, so a line of two capitals is no table's head.
_MIN_CODE_HEADINGS = 3
_WEEKDAY = re.compile(r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s*)?", FLAGS)
_PARTIAL_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{1,3}|\d{4}-\d{1,2}-?\d?")
# A row's cell that is only a material and its scale ("slab %", "drywall (%)", "plywood %MC"): the
# column says what the point reads, not where it is.
# A row's cell naming only its material and scale: "drywall %", "slab (REL)", "tile/concrete, CME %"
# (two materials together; the meter's short name before its unit), "VCT, ref scale", "MDF, %MC".
MATERIAL_CELL = re.compile(
    r"\s*[a-z]+(?: [a-z]+)?(?:\s?[/+&]\s?[a-z]+)?\s*"
    r"(?:,?\s*(?:[a-z]{2,5}\s+)?\(?\s*(?:%\s?mc|%|wme|rel|(?:ref(?:erence)?|[a-z]{3,10}) scale)\s*\)?)?"
    r"\s*(?:\(\s*(?:std|ref|dry std)\s*\))?\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LegendPoint:
    """What a point code stands for: its room's words, its material, scale and role."""

    code: str
    room: str
    material: Material | None
    scale: str | None
    reference: bool
    # ("REF bed 1 GIB / bed 1 floor": one ID for two surfaces, each registered as "REF/1", "REF/2"
    # with its own words, so a value written with its surface's word, "REF 11 GIB", finds it)
    surface: str = ""
    # (a point whose own words name no room, placed by the definition before it or the first room
    # the legend names: a default its letter may overrule, "K1 kick under sink" under "F1 family rm")
    borrowed: bool = False


@dataclass(frozen=True)
class _Columns:
    room: int
    material: int
    scale: int | None


# A line that only says which points a list read on which scale: "(2-4 REL)", "(pts 1, 3: %MC)".
# Its numbers are points, not a range of readings ("walls 22-31 REL" in a sentence is one).
_POINTS_SCALE_LEGEND = re.compile(
    r"\s*\((?:(?:points?|pts?\.?|#)\s?)?\d{1,2}(?:\s?(?:-|\u2013|,|&|and|to)\s?\d{1,2}){1,6}"
    r"\s?:?\s?(?:rel|wme|%\s?mc|mc|%)(?: scale)?\)\s*",
    FLAGS,
)


def points_scale_legend(text: str) -> bool:
    """Whether a line is only a note of the scale some listed points were read on."""
    return _POINTS_SCALE_LEGEND.fullmatch(text) is not None


def _cells(text: str) -> list[str]:
    stripped = text.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        stripped = stripped[1:-1]
    return [collapse(cell).strip() for cell in stripped.split("|")]


def _is_table_line(text: str) -> bool:
    return " | " in text or text.strip().startswith("|")


def legend_header(text: str) -> _Columns | None:
    """The columns of a legend's header row (`Point | Room | Material | Meter`, or the PDF's
    "Point Room Material Location Meter and scale"), or None when the row is none."""
    if re.search(r"\d", text) or len(text) > _MAX_HEADER:
        return None
    if not _is_table_line(text):
        lead = _CODE_WORD.match(text.strip())
        rest = text.strip()[lead.end() :] if lead else ""
        if lead is None or (not _ROOM_HEADING.search(rest) and not _PLACE_HEADING.search(rest)):
            return None
        if _READING_TITLE.search(rest):
            return None  # ("Ref Location Material Reading Note": a PDF's table of readings, no legend)
        return _Columns(0, 0, None) if _MATERIAL_HEADING.search(rest) else None
    cells = _cells(text)
    if len(cells) < 3 or not _CODE_HEADING.fullmatch(cells[0]):
        return None
    if any(_READING_HEADING.fullmatch(cell) for cell in cells[1:]):
        return None  # ("Point | Location | Material | Reading": a table of readings, not a legend)
    room = next((i for i, cell in enumerate(cells) if i and _ROOM_HEADING.search(cell)), None)
    if room is None:
        room = next((i for i, cell in enumerate(cells) if i and _PLACE_HEADING.search(cell)), None)
    material = next((i for i, cell in enumerate(cells) if i and _MATERIAL_HEADING.search(cell)), None)
    if room is None or material is None or room == material:
        return None
    scale = next(
        (i for i, cell in enumerate(cells) if i not in (0, room, material) and _SCALE_HEADING.search(cell)),
        None,
    )
    return _Columns(room, material, scale)


def cell_scale(cell: str) -> str | None:
    """The scale a legend's meter cell names: "Protimeter Mini, %WME", "Tramex ME5, relative"."""
    for pattern, scale in _SCALE_NAMED:
        if pattern.search(cell):
            return scale
    return explicit_scale(cell)


def _is_reference(code: str, words: str) -> bool:
    return (
        names_reference(words)
        or _DRY_MARK.search(words) is not None
        or _REFERENCE_CODE.fullmatch(code) is not None
    )


def legend_point(text: str, columns: _Columns) -> LegendPoint | None:
    """One legend row, or None when the row is no point's (a note, a rule line)."""
    if columns.room == columns.material:
        return _text_point(text)
    cells = _cells(text)
    if len(cells) <= max(columns.room, columns.material, columns.scale or 0) or not _CODE.fullmatch(cells[0]):
        return None
    code = cells[0].lstrip("#").upper()
    room, material = cells[columns.room], cells[columns.material]
    materials = materials_in(material)
    scale_cell = cells[columns.scale] if columns.scale is not None else ""
    return LegendPoint(
        code=code,
        room=_LEVEL.sub("", room),
        material=materials[0] if materials else None,
        scale=cell_scale(scale_cell) if scale_cell else None,
        reference=_is_reference(code, f"{room} {material}"),
    )


def _text_point(text: str) -> LegendPoint | None:
    """A PDF's legend row, its bars gone: the code, then the room (a level before it is dropped),
    the material named after the room, and the scale its meter words name."""
    lead = _LEAD_CODE.match(text.strip())
    if lead is None:
        return None
    code = lead.group("code").lstrip("#").upper()
    rest = _LEVEL.sub("", text.strip()[lead.end() :])
    rooms = room_mentions(rest)
    room = rest[: rooms[0].end] if rooms and rooms[0].start == 0 else ""
    if not room:
        return None  # the room must lead the row: a code before other words is no legend's
    bracket = re.match(r" ?\([^()]{0,30}\)", rest[len(room) :])
    room_words = room + (bracket.group(0) if bracket else "")
    materials = materials_in(rest[len(room_words) :])
    return LegendPoint(
        code=code,
        room=room_words,
        material=materials[0] if materials else None,
        scale=cell_scale(rest),
        # ("R1 Lounge ceiling, plaster - reference (REL)": the role may follow the material)
        reference=_is_reference(code, rest),
    )


# A point code's letters: "K1", "FR-2", "B12a"
CODE_LETTERS = re.compile(r"([A-Z]{1,2})-?\d{1,3}[a-z]?$")
_NAME_WORD = re.compile(r"[a-z]+")


def room_initials(name: str, count: int) -> str:
    """The first `count` initials of a room's name ("Kitchen/dining" -> "k", "Family room" ->
    "fr"; "room" and "area" count only when they are all the name has)."""
    words = _NAME_WORD.findall(name.lower())
    words = [word for word in words if word not in ("room", "area")] or words
    return "".join(word[0] for word in words)[:count] if len(words) >= count else ""


def legend_room(point: LegendPoint) -> Mention | str | None:
    """The room a point's room cell names: a known room word, else the cell's own words
    ("Loft", "Rear passage") without its brackets; None when the cell is empty."""
    mentions = room_mentions(point.room)
    if mentions:
        return mentions[0]
    return cell_place(point.room)


def cell_place(cell: str) -> str | None:
    """A room column's cell as a place, when the vocabulary knows no room in it ("Rear passage",
    "Loft"): its words without brackets; none when blank, a dash or more than a name."""
    words = collapse(_BRACKETED.sub(" ", cell)).strip(" -,")
    if not words or _NOT_READ.fullmatch(words) or len(words.split()) > _MAX_PLACE_WORDS:
        return None
    return truncate(words[0].upper() + words[1:], MAX_ROOM_NAME)


@dataclass(frozen=True)
class LegendCell:
    """One reading of the wide table: the point whose column it is in, its value and day."""

    point: LegendPoint
    value: float
    unit: str | None
    taken_on: date | None
    said_dry: bool | None


def _heading_code(cell: str) -> str:
    """A wide table's column code without the scale a heading may add: "H1 (%MC)" is H1."""
    return _POINT_WORD.sub("", _HEADING_SCALE.sub("", _BRACKETED.sub("", cell).strip())).lstrip("#").upper()


# The scale a heading writes after its code: "K1 %", "K2 %MC", "REF-B WME" are K1, K2, REF-B
_HEADING_SCALE = re.compile(r"(?<=\w)\s+(?:%\s?(?:MC|WME)?|WME|REL|MC)$", FLAGS)


# "Pt 1", "Point 3": a column headed by the word for a point and its number is that point's
_POINT_WORD = re.compile(r"^(?:pt|point|pnt)\.? ?(?=\d)", FLAGS)


# A scale written after a code in a PDF's header line: "Date K1 % K2 %MC": the column's scale.
_SCALE_TOKEN = re.compile(r"\(?(?:%\s?mc|%|wme|rel)\)?", FLAGS)


def _with_scales(tokens: list[str]) -> list[str]:
    """A header's words, each scale after a code joined to it as its column's ("K1 (%)")."""
    out: list[str] = []
    for token in tokens:
        if out and _SCALE_TOKEN.fullmatch(token) and _CODE.fullmatch(_heading_code(out[-1])):
            out[-1] = f"{out[-1]} ({token.strip('()')})"
        else:
            out.append(token)
    return out


class PointLegend:
    """The legend read so far, line by line: its header's columns while in its table, the points
    it defined (kept for the rest of the document, as the wide table follows it), and the wide
    table's columns while in that table."""

    def __init__(self) -> None:
        self.columns: _Columns | None = None
        self.points: dict[str, LegendPoint] = {}
        self._row_text = ""  # a PDF legend row so far, its wrapped cells joined
        self.wide: list[str] | None = None  # the wide table's headings: "Date", "Time", codes
        self._partial = ""  # a PDF row's date that wrapped: "14/10/202" before "6 11:40 88"
        self._last: dict[str, str] = {}  # each wide column's cell as the last full row wrote it

    def note(self, text: str, rows: RowReader | None, anchor: date | None) -> list[LegendCell] | None:
        """The readings of a wide table's row ([] for the legend's own lines and the wide table's
        head); None when the line is neither's."""
        if self.wide is not None and rows is not None:
            found = self._wide_row(text, rows, anchor)
            if found is not None:
                return found
            self.wide = None
        header = legend_header(text)
        if header is not None:
            self.columns, self._row_text = header, ""
            return []
        if self.points and self._heads_wide_table(text):
            self.columns = None
            return []
        if self.columns is None:
            return None
        if _is_table_line(text) and _RULE.fullmatch(text.strip()):
            return []
        if self.columns.room != self.columns.material or _LEAD_CODE.match(text.strip()):
            self._row_text = text
        elif self._row_text and len(self._row_text) < _MAX_ROW and _WRAPPED.fullmatch(text.strip()):
            self._row_text = f"{self._row_text} {text}"  # a PDF cell wrapped onto its own line
        else:
            self.columns = None
            return None
        point = legend_point(self._row_text, self.columns)
        if point is None and self.columns.room == self.columns.material and _LEAD_CODE.match(text.strip()):
            return []  # a PDF row whose room the vocabulary does not know: no point, the legend goes on
        if point is None:
            self.columns = None
            return None
        self.points[point.code] = point
        return []

    def _heads_wide_table(self, text: str) -> bool:
        """ "Date | Time | P1 | P2 | DS1": a row per visit, a column per legend point; other
        headings may only say when (a time column)."""
        # (a PDF's heading "Air °C" is one column's, though a space splits it)
        cells = _cells(text) if _is_table_line(text) else _with_scales(_AIR_PAIR.findall(text))
        if len(cells) >= _MIN_CODE_HEADINGS and all(_heading_code(cell) in self.points for cell in cells):
            # ("A B C X": a header of the legend's codes alone; each row opens with its day)
            cells = ["Date", *cells]
        codes = [_heading_code(cell) in self.points for cell in cells[1:]]
        if not cells or not _WHEN_HEADING.fullmatch(cells[0]) or sum(codes) < 2:
            return False
        # (a code the legend did not define is a column left unread)
        # (the air's columns, "Air °C | Air RH%", are no points': their cells are left unread)
        others = (cell for known, cell in zip(codes, cells[1:], strict=True) if not known)
        if not all(
            _WHEN_HEADING.fullmatch(cell)
            or _CODE.fullmatch(_heading_code(cell))
            or AIR_WORDS.search(cell)
            or _AIR_HEADING.search(cell)
            for cell in others
        ):
            return False
        self.wide, self._partial = cells, ""
        return True

    def _wide_row(self, text: str, rows: RowReader, anchor: date | None) -> list[LegendCell] | None:
        assert self.wide is not None
        table = _is_table_line(text)
        if table and _RULE.fullmatch(text.strip()):
            return []
        if not table and _PARTIAL_DATE.fullmatch(text.strip()) and not self._partial:
            self._partial = text.strip()  # the date cell wrapped; its row goes on below
            return []
        if not table and text.strip() and _WEEKDAY.fullmatch(text.strip()) and not self._partial:
            self._partial = f"{text.strip()} "  # ("Mon" / "23/11 6.1 5.3": the day's weekday wrapped)
            return []
        if table:
            cells = _cells(text)
        else:
            joined = f"{self._partial}{text.strip()}"
            # ("Nov 29 36 28", "29 Nov. 36 28": a day written in words is one cell, though a space
            # parts its words)
            day = rows.dates.find(joined, anchor, yearless_numeric=True)
            lead = day[0].end if day and day[0].value is not None and not day[0].start else 0
            # (a lone dot or middle dot between values parts the columns: "42 . 36 . 29")
            cells = ([joined[:lead]] if lead else []) + [
                cell
                for cell in _NOT_READ_WORDS.sub("-", joined[lead:]).split()
                if not _CELL_GAP.fullmatch(cell)
            ]
            if len(cells) == len(self.wide) + 1 and _WEEKDAY.fullmatch(f"{cells[0]} "):
                cells = [f"{cells[0]} {cells[1]}", *cells[2:]]  # ("Fri 20/11 6.6 5.8": one day cell)
            elif len(cells) == len(self.wide) + 1 and _MONTH_WORD.fullmatch(cells[0]):
                cells = [f"{cells[0]} {cells[1]}", *cells[2:]]  # ("Nov 29 36 28", "Mar. 4 22": one day cell)
        self._partial = ""
        if not table and _MIN_CODE_HEADINGS <= len(cells) < len(self.wide):
            # ("2026-11-13 30 40 22 18 55 - 24 10": the skipped point's place held, a dry standard
            # not read that day left out: reading_point_table)
            cells = held_places_row(cells, self.wide, self._last) or cells
        if (
            not table
            and _MIN_CODE_HEADINGS <= len(cells) < len(self.wide)
            and self._short_row(cells, rows, anchor)
        ):
            # (a PDF drops an empty cell, so which point each value is stays unknown: the row is read
            # by no one, and the rows under it are still the table's)
            return []
        if len(cells) != len(self.wide):
            return None
        found = rows.dates.find(cells[0], anchor, yearless_numeric=True)
        # ("Fri 20/11": a weekday may open the day's cell)
        if not found or not _WEEKDAY.fullmatch(cells[0][: found[0].start]) or found[0].value is None:
            return None
        taken_on = found[0].value
        self._last.update(
            (heading, cell)
            for heading, cell in zip(self.wide[1:], cells[1:], strict=True)
            if reading_cell(cell)
        )
        readings = []
        for heading, cell in zip(self.wide[1:], cells[1:], strict=True):
            point = self.points.get(_heading_code(heading))
            number = reading_cell(cell)
            if point is None:
                if not cell or _TIME.fullmatch(cell) or _NOT_READ.fullmatch(cell) or number is not None:
                    continue  # the time column, or a point the legend did not define
                return None
            if number is None:
                if cell and not _NOT_READ.fullmatch(cell):
                    return None  # a row of other words is not this table's
                continue
            scale = number.scale or cell_scale(heading)  # ("H1 (%MC)": the column's scale)
            readings.append(LegendCell(point, number.value, scale, taken_on, number.said_dry))
        return readings

    @staticmethod
    def _short_row(cells: list[str], rows: RowReader, anchor: date | None) -> bool:
        """Whether the cells are a day's and then values or not-read words only."""
        found = rows.dates.find(cells[0], anchor, yearless_numeric=True)
        if not found or found[0].start or found[0].value is None:
            return False
        return all(reading_cell(cell) is not None or _NOT_READ.fullmatch(cell) for cell in cells[1:])
