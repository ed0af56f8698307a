"""Numbers on a line that may be moisture readings, and what says one is something else (a
length, an area, a time, a temperature, a count, a room's number): shared by the row, table and
prose readers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_dotted_days import dotted_date_at
from chalicelib.analysis.offline.reading_members import member_count
from chalicelib.analysis.offline.text import FLAGS

# A reading's value as written: at most three digits before the point and two after ("17",
# "3.6", "410"); the one definition every reader of values builds on.
VALUE = r"\d{1,3}(?:\.\d{1,2})?"
# The scale written right after a value ("22%", "36 WME", "18 %MC"), and a value with it.
SCALE_SUFFIX = r" ?(?:%\s?mc|%|wme|rel)\b|%"
SCALED_VALUE = rf"{VALUE}(?:{SCALE_SUFFIX})?"
# A number that may be a reading: no digits or clock/ratio marks around it.
# (a number right after a dash, a hyphen or an en dash alike, ends a range: "0-100", "0\u2013100")
NUMBER = re.compile(rf"(?<![\w.:/#\-\u2013])(?P<value>{VALUE})(?![\d:/]|\.\d|,\d{{3}})", FLAGS)
# What may follow a reading: its scale.
SCALE_AFTER = re.compile(r" ?(?P<scale>% ?MC\b|%(?! ?RH)|MC\b|WME\b|REL\b|pts?\b)", FLAGS)
SCALE_BEFORE = re.compile(r"\b(?P<scale>MC|WME|REL)\b ?[:=]? ?$", FLAGS)
# What says a number is not a reading.
MEASURE_AFTER = re.compile(
    r" ?(?:mm\b|cm\b|m\b|m2\b|m\u00b2|sq|sf\b|lf\b|lm\b|ft\b|feet\b|foot\b|'|\"|in\b|inch|x\b|x(?=\d)"
    r"|\u00d7|hrs?\b|by \d{1,3}(?:\.\d{1,2})? ?(?:feet|foot|ft|m|metres?|meters?|mm|cm|in|inch|'|\")"
    r"|hours?\b|h\b|days?\b|wks?\b|weeks?\b|min|am\b|pm\b|c\b|f\b|\u00b0|deg|gpp\b|gr\b|grains|% ?rh\b|rh\b"
    r"|kg\b|l\b|litres?|liters?|gal|pints?|ppd\b|units?\b|pcs\b|pieces|ea\b|no\.|air ?movers?|fans?|dehu"
    r"|lgr|scrubbers?|am\b|sets?\b|rooms?\b|people|crew|techs?\b|years?\b|yrs?\b|months?\b|points?\b"
    # a count of the places read ("84, 77, 69 (3 spots, east to west)")
    r"|spots\b|locations\b|places\b|positions\b"
    # a sheet's thickness ("6 mil poly") and a count of framing bays ("6 bays")
    r"|mils?\b|bays?\b"
    # a count of things, perhaps with a word or two before them ("2 infrared heat panels", "2 inspection
    # holes", "1 desiccant"), and an electrical supply ("3-phase"); "28 on studs" stays a reading
    r"|-phase\b|(?:(?!(?:on|at|in|of|for|to|by|under|behind|near|from|along|across|and|the|a|an|with)\b)"
    r"[a-z]{2,12} ){0,2}(?:panels|holes|heaters|desiccants?|bags|boxes|sheets|lengths|photos)\b"
    r"|(?:st|nd|rd|th)\b|of\b|out of\b|to \d|-\d|\u2013\d|percent of|% of|% wet|% dry"
    r"|% depth|% deep|% full|% open|% closed|% done|% complete"
    # a height with its unit left off: "N wall 150 AFL", "6 AFF" (above finished floor/level), "100
    # above floor"
    r"|af[fl]\b|agl\b|ffl\b|(?:above|off|up from) (?:the )?(?:floor|slab|ground|skirting)\b"
    # a distance with its unit left off: "tile 600 out from DW", "300 in from the door" (not "45 along")
    r"|(?:out|in) from\b"
    # a size with its unit left off: "the hall, which is 4.2 long and 1.1 wide"
    r"|long\b|wide\b|deep\b|tall\b"
    # a guess, not a stated value: "60-something on the meter", "40-odd", "30ish"
    r"|-?something\b|-odd\b|-?ish\b)",
    FLAGS,
)
MEASURE_BEFORE = re.compile(
    r"(?:\bx|(?<=\d)x|\u00d7|\bgpp|\brh|\bdp|\btemp\w*|\bplus|\bminus|\bwithin|\bby|\bday|\bvisit|\bpt\.?|\bpoint"
    r"|\bno\.?|#|\bclass|\bcat(?:egory)?|\bcondition|\bcond\.?|\bs\d{3}|\blevel|\bunit|\bsuite|\blot"
    r"|\bapt|\bstage|\bphase|\bcl|\bstep|\bitem|\bbay|\baisles?|\bzone|\broom|\brm|\boffice"
    r"|\bclassroom|\boperatory|\bbed(?:room)?s?|\bbr|\bbath(?:room)?s?|\bflat"
    r"|\bgoal|\btarget|\bover|\bunder|\bbelow|\babove|\bless than|\bmore than|\bup to"
    # a document's own numbering: "the sketch (page 2)", "photo 14", "fig. 3"
    r"|\bpages?|\bsheet|\bfig(?:ure)?|\bphotos?|\bimage)[ .:#=]{0,2}$",
    FLAGS,
)
# ("sill to reach 15 %MC before close-in", "must get down to 12%": an aim, not a reading; a past
# "dropped to 15" or "reached 15" is one)
AIM_BEFORE = re.compile(
    r"\b(?:to|must|should|needs? to|has to|have to|until (?:it|they))\s(?:reach(?:es)?|gets? (?:down )?to"
    r"|comes? down to|drops? (?:to|below|under)|falls? (?:to|below|under))\s?$",
    FLAGS,
)
_AIM_LOOK = 30


def aimed_at(text: str, start: int, since: int = 0) -> bool:
    """Whether the number at `start` is a level the writer aims for, after `since`."""
    return AIM_BEFORE.search(text, max(since, start - _AIM_LOOK), start) is not None


# "door 2", "window #3" name an opening; "near window: 71" and "near window 71" are readings by it
# (no house numbers its doors or windows past a dozen).
OPENING_BEFORE = re.compile(r"(?:\bdoor|\bwindow)[ .#]{0,2}$", FLAGS)
# ("laminate at the back door 12", "wall by the window 9": a door the writer names with an article is
# one door, not one of a numbered set; the number after it is the reading)
_NAMED_OPENING = re.compile(r"\b(?:the|a|an|our|their)\s+(?:[a-z]+\s+)?(?:door|window)[ .#]{0,2}$", FLAGS)
MAX_OPENING = 12
# "Bedrooms 1 and 2", "units 3, 4 & 5": the later numbers name rooms as the first does.
NUMBERED_BEFORE = re.compile(
    r"\b(?:bed(?:room)?s?|bath(?:room)?s?|rooms?|units?|levels?|floors?|flats?|apartments?|suites?|offices?)"
    r" \d{1,2}(?: ?(?:,|and|&|/) ?\d{1,2}){0,4} ?(?:,|and|&|/) ?$",
    FLAGS,
)
# Words after a reading that say whether it is dry ("38 W", "14 D", "11 (dry)").
FLAG_AFTER = re.compile(
    r" ?\(?(?P<flag>w|d|b|wet|dry|dried|damp|borderline|ok|at goal|goal met|still wet|not dry)\)?(?![\w])",
    FLAGS,
)
MAX_PERCENT = 100.0  # a %MC, WME or % reading
MAX_RELATIVE = 999.0  # a relative ("reference", "search") scale reads 0-999 on some meters


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int
    scale: str | None
    said_dry: bool | None


def scale_name(written: str) -> str | None:
    written = written.replace(" ", "").upper()
    if written in ("%MC", "MC"):
        return "%MC"
    if written == "%":
        return "%"
    if written in ("WME", "REL"):
        return written
    if written == "%RH":
        return "%RH"  # a material's own humidity (a probe in the slab, a hood on a flag): its cell says so
    return None


def said_dry(text: str, position: int) -> bool | None:
    flag = FLAG_AFTER.match(text, position)
    if flag is None:
        return None
    word = flag.group("flag").lower()
    if word in ("d", "dry", "dried", "ok", "at goal", "goal met"):
        return True
    if word in ("w", "wet", "damp", "still wet", "not dry", "b", "borderline"):
        return False
    return None


def strip_dates(dates: Dates, text: str, anchor: date | None) -> str:
    out = list(text)
    for found in dates.find(text, anchor, yearless_numeric=True):
        out[found.start : found.end] = " " * (found.end - found.start)
    return "".join(out)


# "bath 33", "family rm 28": a room word before a number that names no room of its kind. Houses
# number their bedrooms and bathrooms in ones; "rm" after a word is that room's own name.
_ROOM_WORD = re.compile(r"(?P<word>bed(?:room)?s?|br|bath(?:room)?s?|room|rm)[ .:=]{0,2}$", FLAGS)
_NAMED_ROOM_BEFORE = re.compile(r"(?P<word>[a-z]{3,}) $", FLAGS)
_NOT_A_ROOM_NAME = frozenset(
    {"and", "the", "into", "from", "with", "both", "each", "every", "per", "near", "hotel"}
)


def _reading_after_room_word(text: str, before: re.Match[str], value: str) -> bool:
    word = _ROOM_WORD.match(before.group(0))
    if word is None:
        return False
    if word.group("word").lower() in ("room", "rm"):
        start = before.start()
        named = _NAMED_ROOM_BEFORE.search(text, max(0, start - 16), start)
        if named is None or named.group("word").lower() in _NOT_A_ROOM_NAME:
            return False
        return not _numbered_kind(text, named.group("word"), word.group("word"))
    return "." not in value and int(value) >= 10


_ROOM_NUMBER = r"\s(?P<number>\d{1,2})\b(?!\.\d| ?(?:%|wme|rel|mc\b))"


def _numbered_kind(text: str, name: str, word: str) -> bool:
    """Whether the line names rooms of one kind by their numbers ("consulting room 1 (the dry
    standard), consulting room 2 ...", "meeting rm 3 and meeting rm 4"): two or more numbers,
    none with a scale, after the same "<name> room"; then each number is a room's, no reading."""
    kind = re.compile(rf"\b{re.escape(name)} {re.escape(word)}{_ROOM_NUMBER}", FLAGS)
    return len({match.group("number") for match in kind.finditer(text)}) >= 2


# "at 100, 300 and 600 mm above the floor: 38, 33 and 29": heights listed with one unit at the end
_LENGTH_SERIES = re.compile(
    # (tried from a series' first number only, so a long list is read in linear time)
    r"(?<![\d.,&/])(?<!, )(?<!& )(?<!/ )(?<!and )"
    r"\d{1,4}(?:\.\d)?(?: ?(?:,|and|&|/) ?\d{1,4}(?:\.\d)?)+"
    r" ?(?:mm|cm|m|in\.?|inch(?:es)?|ft|feet|')(?![a-z])",
    FLAGS,
)


# "at the outlet 900, 0.5 m out 690, 1 m out 380": a reading, then the distance of the next point
# from it, that point's reading right after ("out", "along", "further" or nothing between): the
# first number is a reading, not a length of a series with the second
_STEP_SERIES = re.compile(r"\d{1,4}(?:\.\d)?, ?\d{1,2}(?:\.\d{1,2})? ?(?:mm|cm|m|ft|feet|')", FLAGS)
_STEP_NEXT = re.compile(
    r" (?:(?:out|along|away|further|on|over|across|back|in|up|down|from (?:it|there|the \w+))[ ,:]{1,2})?"
    r"\d{1,3}(?:\.\d{1,2})?(?![\d.]| ?(?:mm|cm|m|ft|feet|')\b)",
    FLAGS,
)


def _blank_lengths(series: re.Match[str]) -> str:
    """A series of lengths blanked, keeping a reading that only a step's distance follows."""
    text = series.group(0)
    if _STEP_SERIES.fullmatch(text) and _STEP_NEXT.match(series.string, series.end()):
        comma = text.index(",")
        return text[:comma] + " " * (len(text) - comma)
    return " " * len(text)


# A point's height with its unit and floor left off: "kitchen wall pb 100 up - 30 %", "wall 300 up:
# 22". Only a round height (mm, a multiple of 50), and not a value that rose ("24 up from 19",
# "30 up, 28 down": a trend, whose value is a reading).
_HEIGHT_UP = re.compile(r" ?up\b(?! (?:from|to|by|again|on|over|since|slightly|a bit))", FLAGS)
_HEIGHT_STEP = 50


def is_bare_height(text: str, value: str, end: int) -> bool:
    """Whether the number that ends at `end` is a height by "up" alone ("100 up")."""
    number = float(value)
    return number >= _HEIGHT_STEP and number % _HEIGHT_STEP == 0 and bool(_HEIGHT_UP.match(text, end))


def numbers_in(text: str, dates: Dates) -> list[Number]:
    """Numbers on a line that may be readings."""
    blanked = _LENGTH_SERIES.sub(_blank_lengths, strip_dates(dates, text, None))
    found = []
    rights: set[int] = set()
    for match in NUMBER.finditer(blanked):
        end = match.end()
        scale = SCALE_AFTER.match(blanked, end)
        if scale is None and (
            MEASURE_AFTER.match(blanked, end) or is_bare_height(blanked, match.group("value"), end)
        ):
            continue
        before = MEASURE_BEFORE.search(blanked, max(0, match.start() - 14), match.start())
        if before is not None and not _reading_after_room_word(blanked, before, match.group("value")):
            continue
        if NUMBERED_BEFORE.search(blanked, max(0, match.start() - 30), match.start()):
            continue
        if aimed_at(blanked, match.start()):
            continue  # ("sill to reach 15 before insulation": the aim, no reading)
        # (an opening's number is whole: "floor at the laundry door 5.2" is a reading by the door)
        if (
            "." not in match.group("value")
            and float(match.group("value")) <= MAX_OPENING
            and OPENING_BEFORE.search(blanked, max(0, match.start() - 8), match.start())
            and not _NAMED_OPENING.search(blanked, max(0, match.start() - 30), match.start())
        ):
            continue
        if scale is None and member_count(blanked, match.start("value"), match.end("value")):
            continue  # ("sill plate at stud 1: 21", "beam at post 3 ... 15": the member's count)
        if label_number(blanked, match.start(), end) or dotted_date_at(blanked, match.start(), end):
            continue  # ("at goal on 19.11": a day written day.month, no reading)
        if match.start() in rights:
            continue  # (the right value, already read in the struck one's place)
        value = float(match.group("value"))
        slip = TAKEN_BACK.match(blanked, end)
        if slip is not None:
            # ("study floor 72 (typo: 27)": the writer's slip; the right value takes its place and words)
            rights.add(slip.start("right"))
            value, end = float(slip.group("right")), slip.end("right")
            scale = SCALE_AFTER.match(blanked, end)
        if value > MAX_RELATIVE:
            continue  # over 100 only a relative scale reads (60-999); the caller checks the scale
        after = scale.end() if scale else end
        named_before = SCALE_BEFORE.search(blanked, max(0, match.start() - 8), match.start())
        written = scale_name(scale.group("scale")) if scale else None
        if named_before and written in (None, "%"):
            written = scale_name(named_before.group("scale"))  # "MC 40%", "WME 22"
        found.append(
            Number(
                value=value,
                start=match.start(),
                end=after,
                scale=written,
                said_dry=said_dry(blanked, after),
            )
        )
    return found


_SURFACE_WORD = re.compile(
    r"skirt\w*|plasterboard|drywall|pbd|gyprock|walls?|floors?|ceilings?|carpet|subfloor|joists?|studs?|plates?"
    r"|timber|framing|cabinet\w*|vanity|laminate|vinyl|tiles?|slab|concrete|osb|plywood|particleboard|baseboard"
    # (linings and masonry by their trade names: "GIB 9 and particleboard 11" is two readings)
    r"|gib|blockwork|brickwork|bricks?|render|plaster|masonry|mdf|chipboard|hardwood|screed"
    # (boards and trims by their plain names: "kitchen boards 38 and 41", "architrave 22 and 19")
    r"|(?:floor|sole |bottom )?boards?|flooring|architraves?|trims?|sills?|bearers?|battens?|linings?",
    FLAGS,
)


_SCALE_WORD = re.compile(r"wme|rel|mc|rh", FLAGS)
# A surface, then a capital letter for its side: "wall L", "wall N", "skirting R"
_SIDE_OF_SURFACE = re.compile(
    r"\b(?i:walls?|skirt\w*|plasterboard|drywall|pbd|gib|baseboard|floor|ceiling) [LRNSEW] $"
)
# A thing a point is taken at ("at the laundry door", "by the sink"): no room's name with a number
_LANDMARK_WORD = re.compile(
    r"doors?|doorway|window|sink|tub|shower|toilet|vanity|drain|outlet|machine|washer|dishwasher|fridge"
    r"|heater|cylinder|leak|source|stain|tap",
    FLAGS,
)
_SPOT_BEFORE = re.compile(r"\b(?:at|by|near|beside|behind|under|below|opposite|next to)\b", FLAGS)


def label_number(text: str, start: int, end: int) -> bool:
    """ "Operatory 2 drywall", "Bed 2 skirt": a number between two words names the place."""
    before = text[max(0, start - 20) : start]
    after = text[end : end + 12]
    word_before = re.search(r"([A-Za-z]+) $", before)
    word_after = re.match(r" ([A-Za-z]{2,})", after)
    if not word_before or not word_after:
        return False
    if FLAG_AFTER.match(text, end) and not word_after.group(1)[0].isupper():
        return False
    if _SURFACE_WORD.fullmatch(word_before.group(1)):
        return False  # "skirting 11 and plasterboard 10": a surface's reading, then the next
    if _SCALE_WORD.fullmatch(word_before.group(1)):
        return False  # "46 WME 33 WME 21 WME": a row's readings, each with its scale
    if _SIDE_OF_SURFACE.search(before):
        return False  # "wall L 34 WME, wall R 29": the letter names the surface's side, no place
    if (
        _LANDMARK_WORD.fullmatch(word_before.group(1))
        and int(text[start:end].split(".")[0]) > MAX_OPENING
        and _SPOT_BEFORE.search(before)
    ):
        return False  # "skirting at the laundry door 30 and 2 m along 22": a reading by the door
    if (
        word_after.group(1).lower() == "and"
        and _PAIR_OF_VALUES.match(text, end)
        and word_before.group(1).lower() not in ("between", "from", "ranged", "ranging")
    ):
        # ("doorframe 31 and 27, ...": two values past any room's or unit's number, a pair of readings)
        return word_before.group(1)[0].isupper() or int(text[start:end].split(".")[0]) <= MAX_OPENING
    return word_before.group(1)[0].isupper() or word_after.group(1).lower() in (
        "and",
        "&",
    )


# " and 27," / " and 27 centre" / " and 19%": a second value after "and", itself past a room's number
_PAIR_OF_VALUES = re.compile(r" and (?:1[3-9]|[2-9]\d|\d{3})(?:\.\d{1,2})?(?![\d.])(?! ?(?:and|&)\b)", FLAGS)


# Right after a value: the writer takes it back and gives the right one ("91 - sorry, 19", "64, I
# mean 46", "81 (typo: 18)", "33 - correction: 38", "27, should read 21").
# ("42%... sorry, I looked at the photo again, it was 24%": a few words of why, no number, may come
# between the slip and the right value when they end on what it was)
TAKEN_BACK = re.compile(
    r"\s*(?:\.{2,3}|\u2026)?\s*[-\u2013,;(]?\s*"
    r"(?:sorry|oops|i mean[t]?|correction|typo|misread|mis-?typed|should (?:be|read|say))"
    r"\b[\s,:\-\u2013]*"
    r"(?:(?:[a-z' ,]{0,60}?\b)?(?:i mean[t]?|it'?s|it was|it is|re-?read|read|should be)\s*[:\-]?\s*)?"
    rf"(?P<right>{VALUE})(?![\d.])",
    FLAGS,
)


def reading_cell(cell: str) -> Number | None:
    """A table cell that is one reading: "38", "38 W", "12%MC", "14 (dry)"."""
    cell = cell.strip()
    match = re.fullmatch(
        r"(?P<value>\d{1,3}(?:\.\d{1,2})?) ?(?P<scale>% ?MC|% ?RH|%|MC|WME|REL)?"
        r" ?\(?(?P<flag>[WDB]|wet|dry|damp)?\)?\*?",
        cell,
        FLAGS,
    )
    if match is None or float(match.group("value")) > MAX_RELATIVE:
        return None
    flag = (match.group("flag") or "").lower()
    return Number(
        value=float(match.group("value")),
        start=0,
        end=len(cell),
        scale=scale_name(match.group("scale")) if match.group("scale") else None,
        said_dry=True if flag in ("d", "dry") else False if flag in ("w", "wet", "damp", "b") else None,
    )


def is_reading_cell(cell: str) -> bool:
    return reading_cell(cell) is not None
