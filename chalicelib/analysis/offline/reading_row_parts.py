"""A row's readings and its parts: the words that say where a reading was taken (a surface, a
material), the air words that say it is no reading of a material, and how a line of several
numbers parts into one reading each ("skirting 11 and plasterboard 10") or stays one size or range
("2.4 x 1.9", "18-22")."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_numbers import Number, is_reading_cell
from chalicelib.analysis.offline.text import FLAGS

Role = Literal["reading", "goal", "reference"]

# (an "outside wall" is a surface, not the air outside)
AIR_WORDS = re.compile(
    r"\b(?:rh|(?:relative )?humidity|gpp|dew ?point|dp|temp\w*|ambient"
    r"|outside(?! (?:wall|corner|face|edge|skin|leaf"
    r"|(?:the |this |that )?(?:stain|wet|affected|damaged?|patch|cut|bays?|wick"
    # ("skirting outside the bathroom door: 15": a place by a room, not the outside air)
    r"|(?:\w+ )?(?:door(?:way)?|entry|room|bath\w*|laundry|kitchen|bed\w*|closet|office|hall\w*"
    r"|toilet|wc|ensuite|lounge|study|garage|pantry|stair\w*))))|outdoors?"
    # ("ceiling at the outlet 900": a place by a duct's or a pipe's outlet, not a unit's air)
    # ("lounge ceiling at outlet 410", "2 m from outlet": the same with no article)
    r"|(?<!\bat the )(?<!\bby the )(?<!\bnear the )(?<!\bunder the )(?<!\baround the )(?<!\bfrom the )"
    r"(?<!\bat )(?<!\bby )(?<!\bnear )(?<!\bunder )(?<!\baround )(?<!\bfrom )(?<!\bbeside )"
    r"(?:outlet|inlet))\b",
    FLAGS,
)
WHERE_WORDS = re.compile(
    r"\b(?:walls?|floors?|ceilings?|clg|skirt\w*|subfloor|sub-floor|slab|joists?|studs?|plates?|cabinets?|kick"
    r"\w*|vanity|sheathing|framing|frame|carpet|pad|underlay|cpt|u/lay|pbd|drywall|plasterboard|gyprock|gib|wallboard|mid-floor|sink"
    r"|sheetrock|timber|hardwood|laminate|vinyl|tiles?|grout|osb|ply\w*|particleboard|p-board|chipboard|mdf|concrete"
    r"|screed|brick|block|plaster|baseboards?|base|trim|jamb|architrave|door|robe|wardrobe|toe kick|plinth"
    r"|insulation|batts|bottom|top|corner|behind|under|beside|near|centre|center|edge|threshold"
    r"|wood|boards?|decking|rafters?|trusses|bearers?)\b",
    FLAGS,
)


@dataclass(frozen=True)
class RowReading:
    """One number a row gives: a reading (or a goal, or a dry standard) and the words about it."""

    label: str
    value: float
    unit: str | None
    role: Role
    taken_on: date | None
    said_dry: bool | None
    point: str | None
    start: int
    end: int
    told: bool = False  # read from a sentence: its own words name its place
    room: str | None = None  # the row's "Room" cell ("Rear passage"), when its table has one


# A part that gives only a height ("@ 8\": 22", "at 12 in - 19"): the surface of the part before it.
_HEIGHT_ONLY = re.compile(
    # ("at 12 in.": an abbreviation's stop is the unit's)
    r"\s*(?:@|at)? ?\d{1,3}(?:\.\d)? ?(?:\"|''|in\b\.?|inch(?:es)?\b|mm\b|cm\b|ft\b\.?|')"
    r"(?: (?:up|above|high|off)\b[\w ]{0,20})?",
    FLAGS,
)
_HEIGHT_TAIL = re.compile(
    r"[ ,]*(?:@|\bat)? ?\d{1,3}(?:\.\d)? ?(?:\"|''|in\b|inch(?:es)?\b|mm\b|cm\b|ft\b|').*$", FLAGS
)


# What may follow a bare reading in a list: its end, or where it was taken ("11 and", "34 at 100 mm").
_ENDS_READING = re.compile(
    r" ?(?:$|[,;.:)(/]|and\b|then\b|at\b|on\b|in\b|near\b|by\b|behind\b|under\b"
    # ("25 by the sink and 27 centre": a value, then where on the surface it was taken)
    r"|(?:centre|center|middle|mid|edge|corner)\b)",
    FLAGS,
)


# ("two spots: 38 and 44"; "38 then 17": a point's values on its visits, in order)
_AND_ONLY = re.compile(r"\s*(?:and|&|then|and then)\s*", FLAGS)


# "at the door 30, 2 m along 22": a step's distance from the point before, on the same surface
_STEP_ONLY = re.compile(
    r"(?:(?:and|then) )?(?:\d{1,2}(?:\.\d{1,2})?|one|two|three|four|five|six|half a) ?"
    r"(?:mm|cm|m|metres?|meters?|ft|feet|foot|')"
    r"(?: (?:out|along|away|further|on|over|across|back|in|up|down|from (?:it|there|the \w+)))?",
    FLAGS,
)


def scaled_parts(text: str, numbers: list[Number], start: int) -> list[tuple[int, list[Number]]]:
    """A part of a line with several numbers is one size or range ("2.4 x 1.9", "18-22"), unless
    words come between them: a surface ("skirting 11 and plasterboard 10") or, when each number has
    its scale, any ("clg 38% back wall high 24%")."""
    if len(numbers) < 2:
        return [(start, numbers)] if numbers else []
    scaled = all(number.scale for number in numbers)
    if not scaled and not all(_ENDS_READING.match(text, number.end) for number in numbers):
        return [(start, numbers)]  # "3 vacuum units with 24 panels": counts of things
    parts = [(start, [numbers[0]])]
    for previous, number in itertools.pairwise(numbers):
        between = text[previous.end : number.start]
        if not (
            WHERE_WORDS.search(between)
            or (scaled and re.search(r"[a-z]{2}", between, re.IGNORECASE))
            or _AND_ONLY.fullmatch(between)  # "two spots: 38 and 44": two readings, not a range
            or _STEP_ONLY.fullmatch(between.strip(" ,;"))  # "at the door 30 and two metres along 22"
        ):
            return [(start, numbers)]
        parts.append((previous.end, [number]))
    return parts


_CONNECTOR_ONLY = re.compile(r"[\s,;:\-]*(?:(?:and|&|then|with)[\s,;:\-]*)?", FLAGS)  # "18%MC and 16%MC"


# "north wall upper: 14; lower: 11": a position on the surface before it
_POSITION_ONLY = re.compile(r"(?:upper|lower|top|bottom|left|right|centre|center|middle|mid|high|low)", FLAGS)


def carry_surfaces(readings: list[RowReading]) -> list[RowReading]:
    """ "shared wall @ 4\": 31, @ 8\": 22", "east wall: 34 at 100 mm, 27 at 400 mm": the later
    points are on the first one's wall."""
    surface = ""
    carried = []
    for reading in readings:
        if surface and (
            _CONNECTOR_ONLY.fullmatch(reading.label)
            or _HEIGHT_ONLY.fullmatch(reading.label)
            or _POSITION_ONLY.fullmatch(reading.label)
            or _STEP_ONLY.fullmatch(reading.label)
        ):
            reading = replace(reading, label=f"{surface} {reading.label}")
        else:
            surface = _HEIGHT_TAIL.sub("", reading.label).strip(" ,-:@") or surface
        carried.append(reading)
    return carried


def describes_place(label: str) -> bool:
    """Whether a row's words name where a reading was taken (a surface, material or room word)."""
    return WHERE_WORDS.search(label) is not None


# "Bathroom GIB by the tray, at 100, 300 and 600 mm: 38, 33 and 29.": a place, a colon, then a
# series of bare numbers to the end of the sentence, each a reading of the place before the colon
_COLON_SERIES = re.compile(
    # (parted by commas, "and", or slashes with spaces round them: "820 / 640 / 410", not "12/11")
    r"(?P<label>[^:.;]{3,120}):[ \t]*(?P<series>\d{1,3}(?:\.\d{1,2})?(?:(?:,[ \t]*|[ \t]+(?:and|&|/)[ \t]+)"
    r"\d{1,3}(?:\.\d{1,2})?){1,8})[ \t]*(?:[.;](?!\d)|$)",  # ("1.1": a decimal, no stop)
    FLAGS,
)
_SERIES_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})?")


def colon_series(text: str, taken_on: date | None) -> list[RowReading]:
    """Each number of a line's "place: a, b and c" series, labelled by the place."""
    found = []
    for match in _COLON_SERIES.finditer(text):
        label = match.group("label").strip()
        if AIR_WORDS.search(label) or not WHERE_WORDS.search(label):
            continue
        start = match.start("series")
        for number in _SERIES_NUMBER.finditer(match.group("series")):
            found.append(
                RowReading(
                    label=label,
                    value=float(number.group(0)),
                    unit=None,
                    role="reading",
                    taken_on=taken_on,
                    said_dry=None,
                    point=None,
                    start=start + number.start(),
                    end=start + number.end(),
                )
            )
    return found


_EQUIPMENT_COUNT = re.compile(
    r"\b\d+ ?x? ?(?:air ?movers?|fans?|blowers?|dehu\w*|dh|lgrs?|scrubbers?|afds?|heaters?|hepa)\b"
    # "AM x7 (closet 1, hall 2)"
    r"|\b(?:ams?|air ?movers?|dh|dehus?|lgrs?|afds?|fans?|scrubbers?) ?x ?\d+\b",
    FLAGS,
)


_CLAUSE_END = re.compile(r"[.!?;](?= |$)")


def outside_equipment_counts(text: str, numbers: list[Number]) -> list[Number]:
    """ "Equipment: 3 air movers (bathroom 1, hallway 1)": a sentence counting equipment says where
    the units stand; its numbers are not readings unless a scale is written with them."""
    spans = []
    for count in _EQUIPMENT_COUNT.finditer(text):
        starts = [end.end() for end in _CLAUSE_END.finditer(text, 0, count.start())]
        end = _CLAUSE_END.search(text, count.end())
        spans.append((starts[-1] if starts else 0, end.start() if end else len(text)))
    if not spans:
        return numbers
    return [n for n in numbers if n.scale or not any(start <= n.start < end for start, end in spans)]


# "Workshop side of partition: 40, 36, 33 (18/10); 24, 21, 19 (20/10)": a place, then groups of
# readings each followed by the day (in brackets) they were taken
_DATED_GROUPS = re.compile(
    r"(?P<label>[^:;]{3,120}):[ \t]*(?P<groups>(?:\d{1,3}(?:\.\d{1,2})?(?:,[ \t]*\d{1,3}(?:\.\d{1,2})?){0,8}"
    r"[ \t]*\([^()]{3,24}\)[ \t]*(?:[;,][ \t]*|$)){2,10})",
    FLAGS,
)
_DATED_GROUP = re.compile(
    r"(?P<values>\d{1,3}(?:\.\d{1,2})?(?:,[ \t]*\d{1,3}(?:\.\d{1,2})?)*)[ \t]*\((?P<day>[^()]+)\)"
)


def dated_groups(text: str, dates: Dates, anchor: date | None) -> list[RowReading]:
    """Each reading of a "place: a, b (day); c, d (day)" line, on the day written after its group;
    none when a group's brackets hold no day."""

    def day_of(words: str) -> date | None:
        found = dates.find(words.strip(), anchor, yearless_numeric=True)
        whole = len(found) == 1 and found[0].start == 0 and found[0].end == len(words.strip())
        return found[0].value if whole else None

    match = _DATED_GROUPS.search(text)
    if match is None or AIR_WORDS.search(match.group("label")):
        return []
    label = match.group("label").strip(" -*\u2022")
    found = []
    for group in _DATED_GROUP.finditer(text, match.start("groups"), match.end("groups")):
        taken_on = day_of(group.group("day"))
        if taken_on is None:
            return []
        for number in _SERIES_NUMBER.finditer(group.group("values")):
            start = group.start("values") + number.start()
            found.append(
                RowReading(
                    label,
                    float(number.group(0)),
                    None,
                    "reading",
                    taken_on,
                    None,
                    None,
                    start,
                    start + len(number.group(0)),
                )
            )
    return found


# A column headed by a month and day with a dash ("Location  09-13  09-16  09-19"), in notes whose
# entries carry full dates: each a day in the notes' own order, near the entry's. Two or more make
# a header of days; one alone is a range ("10-12") as often as a day.
_DASHED_DAY = re.compile(r"(?<![\d/.\-])(?P<a>\d{1,2})-(?P<b>\d{1,2})(?![\d/.\-%])")
_MIN_DASHED_DAYS = 2
_NEAR_DASHED_DAYS = 60


def dashed_days(text: str, dates: Dates, anchor: date | None) -> dict[str, date]:
    """Each dashed month-and-day title of a header line and its day; empty unless every one of
    two or more is a day within two months of the entry's, later ones after earlier ones."""
    if anchor is None or "-" not in text:
        return {}
    found: dict[str, date] = {}
    previous: date | None = None
    for match in _DASHED_DAY.finditer(text):
        first, second = int(match.group("a")), int(match.group("b"))
        month, day = (second, first) if dates.order == "DMY" else (first, second)
        try:
            value = date(anchor.year, month, day)
        except ValueError:
            return {}
        if abs((value - anchor).days) > _NEAR_DASHED_DAYS or (previous and value <= previous):
            return {}
        found[match.group(0)] = previous = value
    return found if len(found) >= _MIN_DASHED_DAYS else {}


# "plasterboard behind vanity: 34 | 22 | 15 WME": a list's item whose values are set apart by bars,
# the first after its label's colon
_LABELLED_VALUE = re.compile(r"(?P<label>[^:|]{3,120}?):[ \t]*(?P<value>\d{1,3}(?:\.\d{1,2})?)")


def labelled_first(cells: list[str]) -> list[str]:
    """A row's cells with a first cell "place: value" split in two, when every later cell is a
    reading; any other row as it is."""
    if len(cells) < 2 or not all(map(is_reading_cell, cells[1:])):
        return cells
    match = _LABELLED_VALUE.fullmatch(cells[0])
    if match is None:
        return cells
    return [match.group("label").strip(), match.group("value"), *cells[1:]]


_NUMERIC_DAY = re.compile(r"\s*(?P<a>\d{1,2})/(?P<b>\d{1,2})\s*")


def one_reading_of(cell: str, day: date | None) -> bool:
    """Whether a yearless numeric day ("10/09") reads as `day` one way or the other."""
    written = _NUMERIC_DAY.fullmatch(cell)
    if written is None or day is None:
        return False
    return {(day.day, day.month), (day.month, day.day)} & {
        (int(written.group("a")), int(written.group("b")))
    } != set()


def sentence_days(found: list[RowReading], told: list[RowReading], taken_on: date | None) -> list[RowReading]:
    """ "... By 24 February the plates were at 14 and 13 %MC": where a sentence dates a value the
    line's other readers also read, the sentence's day is the value's, not the line's."""
    days = {reading.start: reading.taken_on for reading in told if reading.taken_on != taken_on}
    return [
        replace(reading, taken_on=days[reading.start])
        if reading.start in days and not reading.told
        else reading
        for reading in found
    ]
