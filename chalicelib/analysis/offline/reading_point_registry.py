"""The point registry: every line of the notes that defines a moisture point, whatever its layout.

Inspectors name their points once and give values against the names later. A definition is an ID
(letters, digits, letters and digits, bracketed, "REF-1", "STD", "R2") and then words that say
where the point is or what it is: a room, a material, a surface, a scale, a reference role.
They come as a list, one point a line ("B  chandlery west wall, 100 AFF - plasterboard", "(3) kitchen
laminate - rel", "A laundry wall ...... search (REL)"), or several on one line, parted by ";" or
"|" ("Points: B1 bedroom by pipe; B2 bedroom centre; STD lounge boards."), perhaps after a label
("Standards: RC bedroom 2 slab (CME), RW study rendered wall (WME)"). A point whose words name no
room is in the room of the definition before it; a point defined "at (3)" is in point 3's room.
A definition holds no reading: a number in it is a height, a distance or a room's number."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from chalicelib.analysis.offline.reading_box_map import box_points
from chalicelib.analysis.offline.reading_grid_map import grid_points
from chalicelib.analysis.offline.reading_legend import LegendPoint, cell_scale, legend_header
from chalicelib.analysis.offline.reading_point_meter import meter_scales
from chalicelib.analysis.offline.reading_point_rooms import (
    NAMED_NUMBER,
    NUMBERED_PLACE,
    PART_WORDS,
    SPACE_CODE,
    names_a_thing,
    point_room,
)
from chalicelib.analysis.offline.reading_point_surfaces import register_surfaces
from chalicelib.analysis.offline.reading_point_values import ID, code_of
from chalicelib.analysis.offline.reading_row_parts import WHERE_WORDS
from chalicelib.analysis.offline.readings import (
    DENIED_STANDARD,
    METER_REFERENCE,
    REFERENCE_WORD,
    Material,
    materials_in,
    names_reference,
)
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.spaces_vocabulary import vocabulary_mentions
from chalicelib.analysis.offline.text import FLAGS, Line

_MAX_LINE = 600  # a legend's line is a list, not a page
_MAX_WORDS = 150  # one point's words
_IDS = rf"{ID}(?:\s?/\s?{ID}){{0,3}}"
# A run of numbered points one definition covers: "Pt 1-5 family room floor" (after a label only).
_RANGE = r"\d{1,2}\s?[-\u2013]\s?\d{1,2}"
_RANGE_PARTS = re.compile(r"(?P<first>\d{1,2})\s?[-\u2013]\s?(?P<last>\d{1,2})")
_MAX_RANGE = 12
_ID_PART = re.compile(ID)
# (after a comma, a bare number is a height's: "wall, 2 in. AFF"; an ID there has a letter or a bracket)
_SPLIT_ID = r"(?:\(#?\d{1,2}[A-Z]?\)|#\d{1,2}[A-Z]?|[A-Z]{1,3}-?\d{0,2}[A-Za-z]?)"
# A label that leads a line of definitions, or a part of one: "Points:", "Legend -", "Standards:".
# (two words may make the label: "Point legend", "Reading locations", "Test points", "Pin key")
_LABEL = (
    r"(?i:(?:(?:moisture|reading|map|meter|test|pin|probe|sample|point|location)s? )?"
    r"(?:points?|pts?\.?|legend|key|locations?)"
    r"|(?:dry )?(?:standards?|std|references?|refs?)|map key|point key)"
)
# (a label may lead its first definition with a space alone, "Points P1 kitchen floor, P2 ...", when
# an ID follows it, or a range of them: "Pts 1-5 family room floor")
_LABEL_LEAD = re.compile(
    rf"\s*(?:[-*\u2022]\s*)?(?P<label>{_LABEL})\s*"
    rf"(?::|\s[-\u2013]\s|\s(?=(?-i:{_SPLIT_ID})\s+[a-z])|(?=\s{_RANGE}\s))\s*",
    FLAGS,
)
_REFERENCE_LABEL = re.compile(r"(?:dry )?(?:standards?|std|references?|refs?)", FLAGS)
# One definition: its ID(s), a mark or a gap, then its words (a letter or a bracket first, or a
# storey's count: "#3 2nd floor hallway tack strip").
_DEFINITION = re.compile(
    rf"\s*(?:[-*\u2022]\s*)?(?P<ids>{_RANGE}|{_IDS})(?:\s*[.):=]|\s+[-\u2013=:])?\s+"
    r"(?P<words>(?:\d(?:st|nd|rd|th) (?:floor|level) )?[A-Za-z].*)",
    re.ASCII,
)
# After a labelled numbered point, the next ones may follow a comma by their bare numbers:
# "Pt 1-5 family room floor, 6 hall, 7 closet wall behind the heater".
# ("Points: 1 VCT at tank stand / 2 VCT 6 ft out / 3 drywall behind rack": a slash parts them too)
_NUMBERED_PARTS = re.compile(r"(?:,|\s/)\s+(?=\d{1,2}\s+[A-Za-z])")
# A sentence of a long line: a label may open one in the middle ("Meter ... (%). Pt 1-5 ...").
_SENTENCE_GAP = re.compile(r"(?<=[a-z)%\]])\.\s+(?=[A-Z])")
# (a dash parts two definitions only before an ID with a number: "P2 laundry slab - P3 rec room
# N wall"; "kitchen wall - PB" is a point's words and its material)
_DASHED_ID = r"(?:[A-Z]{1,3}-?\d{1,2}[A-Za-z]?|\(#?\d{1,2}[A-Z]?\)|#\d{1,2}[A-Z]?)"
# Where one line's definitions part: ";", " | ", or ", " / ". " right before another ID and words,
# or " - " right before a numbered ID and words.
_PARTS = re.compile(
    # (", " after a height or an abbreviation too: "over basin 2, C4 ...", "300 AFF, S1 ...")
    rf"\s*;\s*|\s+\|\s+|(?<=[A-Za-z0-9)])[.,]\s+(?=(?:{_SPLIT_ID})(?:\s+[a-z(]|\s?=\s?[A-Za-z]))"
    # (" / " before another ID and words: "P1 hall subfloor (%MC) / P2 hall wall (%)")
    # ("... 2 in. AFF / K2 kitchen toe-kick": a height's unit in capitals ends the point before)
    # ("R1 - office drywall (%) / R2 - office carpet": the next ID, a dash, then its words)
    rf"|(?<=[A-Za-z0-9.)])\s+/\s+(?=(?:{_SPLIT_ID})(?:(?:\s+[-\u2013])?\s+[a-z(]|\s?=\s?[A-Za-z]"
    rf"|\s+[-\u2013:]\s+[A-Za-z])|[A-Z]{{1,3}}-?\d{{1,2}}\s+[A-Z])"
    rf"|(?<=[a-z0-9.)])\s+[-\u2013]\s+(?={_DASHED_ID}\s+[a-z])"
    rf"|\.\s+(?={_LABEL}\s*(?:[:\-]|\s(?={_SPLIT_ID}\s+[a-z])))",
    re.ASCII,
)
# The next definition's ID alone at the end of a line a PDF wrapped, its words on the next line
# ("... P6 dining ceiling at light (%) / P7"): not this line's
_DANGLING = re.compile(rf"\s+[/;|]\s+{_SPLIT_ID}\s*$", re.ASCII)
_NEXT_SENTENCE = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z][a-z])")
_LEADER = re.compile(r"\s*(?:\.{3,}|\u2026+)\s*")
# An all-capitals word of the trade is no point's ID: "DW toe kick", "AM x2", "PB walls".
_NOT_IDS = frozenset(
    {"AM", "DH", "PB", "DW", "AC", "OK", "NB", "PS", "MC", "RH", "TV", "HW", "WC", "AFF", "LGR", "GPO", "RCD"}
    | {"I", "ID", "NA", "NO", "AU", "US", "UK", "NZ", "IF", "OR", "AN", "AT", "IN", "ON", "TO", "BY", "OF"}
)
# A number a definition may hold: a height or a distance ("100 AFF", "2 in. AFF", "1.5 m out"),
# a point it refers to ("at (3)", "under B1"), a bracket's words. Any other number is a reading.
_HEIGHT = re.compile(
    r"\d{1,4}(?:\.\d{1,2})?\s?(?:mm|cm|m|in\b\.?|inch\w*|ft|feet|'|\"|aff|afl|above|high|up|out|along|from"
    r"|x\s?\d|[lr]\s+of\b|left\b|right\b)",
    FLAGS,
)
_BRACKET = re.compile(r"\([^()]{0,60}\)")
_DIGIT = re.compile(r"\d")
_POINT_REFERENCE = re.compile(
    rf"\b(?:at|under|over|behind|beside|by|near|above|below)\s+(?P<ids>{_IDS}(?:\s(?:and|&)\s{ID})*)"
)
# A space's code of letters, a hyphen and digits ("B-118", "U-4"), and a point named by its number.
# ("4 ft east of #3": a number marked by "#" is a point's, never a reading)
_POINT_NAMED = re.compile(r"\b(?:point|pt\.?)\s?#?\d{1,2}\b|(?<![\w#])#\d{1,2}\b", FLAGS)
_GLUED_CODE = re.compile(
    r"(?<![\w.])[A-Z]{1,4}\d{1,4}[a-z]?(?:\s?[-\u2013/]\s?[A-Z]{0,2}\d{1,3}[a-z]?)?(?![\w.%])"
)
_STANDARD_WORD = re.compile(r"\bstandard\b|\(\s*dry\s*\)|\bdry (?:room|side)\b", FLAGS)
_REFERENCE_ID = re.compile(r"(?:STD|REF|DS|DRY)(?:-?\d{1,2}|-[A-Z]{1,2})?|R-?\d{1,2}", re.ASCII)
_MIN_RUN = 2
# (a mark's meaning is the state alone or with its bound: "D = dry (under 17)", "W = wet, over 20";
# "dry store wall", "dry room floor" name a place)
_STATE = re.compile(
    r"(?:wet|dry|damp|moist|borderline|elevated|saturated|ok|normal)\b(?!\s+(?:std|standard))"
    r"(?=\s*(?:$|[(,;:.=<>\-\u2013\d]|(?:over|under|above|below|less|more|if|when|to|at|or)\b))",
    FLAGS,
)
_DAY = re.compile(r"\d{1,2}\s?/\s?\d{1,2}")
_SIDE = re.compile(r"(?:wall|side|end|face|corner|elevation|edge)\b", FLAGS)


@dataclass(frozen=True)
class _Definition:
    codes: tuple[str, ...]
    words: str
    labelled_reference: bool
    # (the part of its line right before it defined nothing: "...; 5 lobby column wrap; 6 MDF kick")
    after_gap: bool = False


@dataclass(frozen=True)
class PointRegistry:
    """The points the notes define, by ID, and the lines the definitions take (no readings)."""

    points: dict[str, LegendPoint]
    lines: frozenset[int]
    # (the points whose scale the job's meter modes gave: it wins over another legend's default)
    meter_scaled: frozenset[str] = frozenset()


def _ids(written: str) -> tuple[str, ...]:
    span = _RANGE_PARTS.fullmatch(written.strip())
    if span is not None:
        first, last = int(span.group("first")), int(span.group("last"))
        return tuple(str(n) for n in range(first, last + 1)) if 0 < last - first < _MAX_RANGE else ()
    return tuple(code_of(part.group(0)) for part in _ID_PART.finditer(written))


def _holds_reading(words: str) -> bool:
    """Whether a point's words hold a number that is no height, distance or room number."""
    bare = _HEIGHT.sub(" ", _BRACKET.sub(" ", words))
    # ("bed 3 skirting": the room's number; "hall skirting at bedroom 1 door": a room named only to
    # place the point is still a room with its number, though the line is not about it)
    for mention in [*room_mentions(bare), *vocabulary_mentions(bare)]:
        bare = bare[: mention.start] + " " * (mention.end - mention.start) + bare[mention.end :]
    # ("beside B-118 door": a unit's or a suite's code; "4 ft east of point 3": another point)
    bare = SPACE_CODE.sub(" ", _POINT_NAMED.sub(" ", NUMBERED_PLACE.sub(" ", bare)))
    # ("joist J4 under sink", "between studs S3-S4", "Tramex CME5": a member's, a fitting's or a
    # meter's code, its letters glued to its number, names what the point is on or read with; a
    # reading is a number standing alone)
    bare = _GLUED_CODE.sub(" ", bare)
    bare = NAMED_NUMBER.sub(lambda found: " " if names_a_thing(found) else found.group(0), bare)
    bare = _POINT_REFERENCE.sub(" ", bare)
    bare = _MODEL.sub(" ", bare)  # ("screed - CME5", "Delmhorst BD-2100": a meter's model)
    return _DIGIT.search(bare) is not None


_MODEL = re.compile(r"\b[A-Za-z]{2,5}-?\d{1,4}[A-Za-z]?\b")


def _describes(words: str) -> bool:
    """A point's words name where or what it is (a scale alone, "31 WME", is a reading's)."""
    return bool(
        room_mentions(words)
        or point_room(words)  # ("Settee area tack strip, lane 15": an area by its name)
        or materials_in(words)
        or WHERE_WORDS.search(words)
        or PART_WORDS.search(words)  # ("workroom face, 0.9 m": a side of a partition)
        or REFERENCE_WORD.search(words)
    )


def _definition(part: str, *, labelled: bool, reference: bool) -> _Definition | None:
    part = _LEADER.sub(" - ", part).strip()
    match = _DEFINITION.fullmatch(part)
    if match is None:
        return None
    if _RANGE_PARTS.fullmatch(match.group("ids")) and not labelled:
        return None  # ("13 - 40 wall": a range of readings unless a label says points follow)
    codes = _ids(match.group("ids"))
    # (a definition is a sentence at most: "H hall ceiling at the far end. Office wall is our
    # reference (REF-W). Ceilings on the Tramex ..." defines H by its own sentence)
    words = _NEXT_SENTENCE.split(match.group("words"), maxsplit=1)[0].strip(" .,;")
    if (
        _DAY.fullmatch(match.group("ids"))
        or (codes[0] in "NSEW" and _SIDE.match(words))
        or _STATE.match(words)
    ):
        # ("12/11: moved one air mover", "N wall, 6 in.": a day, a side; "D = dry (under 17)": a mark)
        return None
    # (two capitals alone are a trade's word unless a label says the line is a legend)
    if not labelled and any(
        code in _NOT_IDS or (len(code) == 2 and code.isalpha() and code != "DS") for code in codes
    ):
        return None
    if not codes or len(words) > _MAX_WORDS or _holds_reading(words) or not _describes(words):
        return None
    return _Definition(codes, words, reference)


def _line_definitions(text: str) -> tuple[list[_Definition], bool]:
    """The definitions one line makes, and whether a label leads it."""
    if len(text) > _MAX_LINE or text.rstrip().endswith(":") or text.lstrip().startswith("|"):
        # ("P2 subfloor under the dishwasher, pins %MC:" leads its readings; "| Date | K1 fridge |"
        # heads a table, the legend reader's to read)
        return [], False
    sentences = _SENTENCE_GAP.split(text)
    if len(sentences) > 1 and any(_LABEL_LEAD.match(sentence) for sentence in sentences[1:]):
        # ("Meter: Delmhorst J-2000 on oak. Pt 1-5 family room, 6 hall.": each sentence defines or
        # not on its own; one that says something else is left to other readers)
        found = []
        labelled = False
        for sentence in sentences:
            definitions, sentence_labelled = _line_definitions(sentence)
            found.extend(definitions)
            labelled = labelled or (sentence_labelled and bool(definitions))
        return found, labelled
    found = []
    labelled = False
    reference = False
    parts, glues = _parts(_LEADER.sub(" - ", _DANGLING.sub("", text)))
    lead = _LABEL_LEAD.match(parts[0]) if parts else None
    if lead is not None and re.match(r"\(?#?\d", parts[0][lead.end() :]):
        numbered = _NUMBERED_PARTS.split(parts[0])  # (numbered points after a comma)
        parts, glues = [*numbered, *parts[1:]], [""] * (len(numbered) - 1) + glues
    previous = ""  # (the last part that defined, as written, while the next may still go on it)
    gap = False  # (whether the last part defined nothing)
    for index, part in enumerate(parts):
        lead = _LABEL_LEAD.match(part)
        if lead is not None:
            labelled = True
            reference = _REFERENCE_LABEL.fullmatch(lead.group("label")) is not None
            part = part[lead.end() :]
        if not part.strip():
            continue
        definition = _definition(part, labelled=labelled, reference=reference)
        if definition is None and lead is None and previous and index and glues[index - 1]:
            # ("P1 kitchen kickboard under sink, LH end - particleboard, %MC": "LH end" after the comma
            # is no point of its own but the rest of P1's words)
            joined = _definition(previous + glues[index - 1] + part, labelled=labelled, reference=reference)
            if joined is not None:
                found[-1] = joined
                previous += glues[index - 1] + part
                continue
        previous = part if definition is not None else ""
        if definition is not None:
            found.append(replace(definition, after_gap=True) if gap else definition)
            gap = False
        elif " | " in text or _holds_reading(_own_words(part) if labelled else part):
            # ("K1 | Kitchen ceiling | Plasterboard | 31 WME": a table's row; "1 Exam 4 drywall, N wall,
            # 6 in. 92 61": a row of readings, its place parted by commas. After a label, a part's
            # leading number is its point's: "Points: ...; 5 lobby column wrap" names a place that
            # defines nothing, and holds no reading)
            return [], False
        else:
            gap = True
    return found, labelled


def _own_words(part: str) -> str:
    """A part's words after its ID ("5 lobby column wrap": "lobby column wrap"), or the part."""
    match = _DEFINITION.fullmatch(part.strip())
    return match.group("words") if match is not None else part


def _parts(text: str) -> tuple[list[str], list[str]]:
    """A line's parts, and after each but the last the mark that parted it when that was a comma or
    a stop ("" for ";" and " | "): a part there may be the previous one's words, not a point."""
    parts: list[str] = []
    glues: list[str] = []
    start = 0
    for gap in _PARTS.finditer(text):
        if gap.end() == gap.start():
            continue
        parts.append(text[start : gap.start()])
        mark = gap.group(0)
        glues.append(mark if mark.strip() in (",", ".") else "")
        start = gap.end()
    parts.append(text[start:])
    return parts, glues


def point_registry(lines: Sequence[Line], text: str = "") -> PointRegistry:
    """Every point the notes define. A line of several definitions (or a labelled one) defines
    alone; a line of one definition only in a run of such lines, so a sentence that starts with a
    capital and names a wall ("A plumber checked the wall") is none. `text`, the document as
    written, gives the points a drawn map marks in its boxes (reading_box_map)."""
    points: dict[str, LegendPoint] = {}
    words_of: dict[str, str] = {}  # (each point's definition words, for the meter's modes)
    taken: set[int] = set()
    run: list[tuple[int, _Definition]] = []
    # (a legend under a header row, "Code Room Material Meter", is reading_legend's; the points it
    # could not place, "S1 Linen store floor quarry tile", are the registry's, on the legend's scales)
    headed = False
    headed_points: dict[str, LegendPoint] = {}

    heading_room = ""  # (the room the line over a run of definitions names: its points' room)

    equated: set[int] = set()  # (lines that define by "ID = place")

    def close() -> None:
        # ("R = bedroom 2 wall (unaffected)": an ID set equal to a place defines on its own line)
        alone = len(run) == 1 and run[0][0] in equated
        if (len(run) >= _MIN_RUN or alone) and len({d.codes for _, d in run}) == len(run):
            if headed:
                _register(headed_points, [d for _, d in run], {}, elsewhere(run))
            else:
                _register(points, [d for _, d in run], words_of, heading_room=heading_room)
                taken.update(number for number, _ in run)
        run.clear()

    def elsewhere(run: list[tuple[int, _Definition]]) -> Callable[[str], bool]:
        """Whether the notes name a room outside the legend's own lines (an affected room's
        name, not one only the legend writes: "Q9 Sunporch annexe" in no other line is no room)."""
        inside = {number for number, _ in run}
        others = "\n".join(line.text.lower() for line in lines if line.number not in inside)
        return lambda room: room.lower() in others

    previous = ""
    for line, found, labelled, covered in _unwrapped(lines):
        if len(found) >= _MIN_RUN or (found and labelled) or (found and line.number - 1 in taken and not run):
            # (a definition right under a line of them goes on the same legend)
            close()
            _register(points, found, words_of)
            taken.update(covered)
        elif len(found) == 1:
            if _EQUATED.match(line.text) is not None:
                equated.add(line.number)
            if not run:
                headed = legend_header(previous) is not None
                heading_room = _heading_room(previous)
            run.append((line.number, found[0]))
        else:
            close()
        previous = line.text
    close()
    for code, point in _read_definitions(lines).items():  # (points named at their first reading)
        points.setdefault(code, point)
    meter_scaled = meter_scales(points, words_of, lines)
    for code, point in [*grid_points(lines).items(), *headed_points.items()]:  # (grids: reading_grid_map)
        points.setdefault(code, point)
    boxed, drawn = box_points(text) if text else ({}, frozenset())
    for code, point in boxed.items():  # (a drawn map's marks, in the box each is drawn in)
        reference = point.reference or _REFERENCE_ID.fullmatch(code) is not None
        points.setdefault(code, replace(point, reference=reference))
    return PointRegistry(points, frozenset(taken | drawn), meter_scaled)


# A definition written as an equation: "R = bedroom 2 wall", "P4 = hall skirting".
_EQUATED = re.compile(rf"\s*(?:[-*\u2022]\s*)?{_IDS}\s?=\s?[A-Za-z]", re.ASCII)


# A line a PDF wrapped goes on in lower case ("under pad - P6 storage room drywall, 4 in. - P7 ...").
_GOES_ON = re.compile(r"\s*[a-z(]")
_MAX_WRAPS = 4


def _unwrapped(lines: Sequence[Line]) -> list[tuple[Line, list[_Definition], bool, list[int]]]:
    """Each line's definitions, and whether a label leads them; a line of several definitions the
    PDF wrapped is read with the lines that go on from it (they are its own: no definitions of theirs
    are read twice), so the last point of each line keeps its words and the next line's points count."""
    out: list[tuple[Line, list[_Definition], bool, list[int]]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        found, labelled = _line_definitions(line.text)
        covered = [line.number]
        text = line.text
        while (
            len(found) >= _MIN_RUN
            and len(covered) <= _MAX_WRAPS
            and index + 1 < len(lines)
            and lines[index + 1].number == covered[-1] + 1
            and _GOES_ON.match(lines[index + 1].text)
        ):
            joined = f"{text.rstrip()} {lines[index + 1].text.strip()}"
            more, more_labelled = _line_definitions(joined)
            if len(more) < len(found):
                break
            index += 1
            text, found, labelled = joined, more, labelled or more_labelled
            covered.append(lines[index].number)
        out.append((replace(line, text=text) if len(covered) > 1 else line, found, labelled, covered))
        index += 1
    return out


def _register(
    points: dict[str, LegendPoint],
    definitions: Sequence[_Definition],
    words_of: dict[str, str],
    named: Callable[[str], bool] | None = None,
    heading_room: str = "",
) -> None:
    """Each definition's points, a roomless one placed by the point it refers to, else by the
    definition before it (a legend goes room by room), else by the room the legend's heading names
    ("MAP - DOWNSTAIRS (lounge)"), else by the first room the legend names."""
    # (a dry standard's room is an unaffected one: no affected point is placed by it)
    first_room = heading_room or next(
        (room for d in definitions if not _is_reference(d, d.codes[0]) and (room := point_room(d.words))), ""
    )
    room = ""
    for definition in definitions:
        own = point_room(definition.words)
        referred = _referred_rooms(definition, points)
        if named is not None and not (own and named(own)):
            continue  # (a headed legend's point in a room the notes name nowhere else: left out)
        if (
            definition.after_gap
            and not own
            and not referred
            and not _is_reference(definition, definition.codes[0])
        ):
            # ("4 Office B corner; 5 lobby column wrap; 6 MDF kick": the run of rooms broke at a part
            # that defined nothing, so the room before it may not be this point's: left out)
            continue
        materials = measured_first(definition.words)
        for index, code in enumerate(definition.codes):
            reference = _is_reference(definition, code)
            words_of[code] = definition.words
            points[code] = LegendPoint(
                code=code,
                room=own or (referred[index] if referred else "" if reference else room or first_room),
                borrowed=not own and not referred and not reference and bool(room or first_room),
                material=materials[0] if materials else None,
                scale=cell_scale(definition.words) or _series_scale(points, code),
                reference=reference,
            )
            for surface in register_surfaces(points, points[code], definition.words):
                words_of[surface] = definition.words  # (its scale as the meter's modes give it)
        if not _is_reference(definition, definition.codes[0]):
            room = own or room or first_room


# "kitchen kickboard under sink - particleboard, %MC": the place, a dash, then what the pins are in
_MEASURED_GAP = re.compile(r"\s[-\u2013]\s")


def measured_first(words: str) -> list[Material]:
    """A definition's materials, the one it names after a dash first: the place's words name a
    fitting or a finish ("kickboard", "at lifted carpet edge") and the dash the material measured."""
    materials = materials_in(words)
    gap = _MEASURED_GAP.search(words)
    if gap is None:
        return materials
    return sorted(materials, key=lambda material: material.start < gap.end())


# A heading over a legend: short, no numbers, perhaps ending with a colon ("MAP - DOWNSTAIRS (lounge)",
# "Bathroom points:")
_HEADING = re.compile(r"[^\d.;|]{3,60}", FLAGS)


def _heading_room(text: str) -> str:
    """The one room a legend's heading line names, or ""."""
    if _HEADING.fullmatch(text.strip()) is None:
        return ""
    mentions = room_mentions(text)
    if len({mention.key for mention in mentions}) != 1:
        return ""
    return text[mentions[0].start : mentions[0].end]


def _is_reference(definition: _Definition, code: str) -> bool:
    # ("sales floor carpet (ME5 ref)": the meter's reference scale; "not a reference": denied)
    words = METER_REFERENCE.sub(" ", DENIED_STANDARD.sub(" ", definition.words))
    return (
        definition.labelled_reference
        or names_reference(words)
        or _STANDARD_WORD.search(words) is not None
        or _REFERENCE_ID.fullmatch(code) is not None
    )


def _referred_rooms(definition: _Definition, points: dict[str, LegendPoint]) -> list[str]:
    """ "(3S)/(6S) subfloor at (3) and (6)": each point in the room of the point it is at."""
    found = _POINT_REFERENCE.search(definition.words)
    if found is None:
        return []
    referred = [points.get(code) for code in _ids(found.group("ids"))]
    rooms = [point.room for point in referred if point is not None and point.room]
    return rooms if len(rooms) == len(definition.codes) else []


def _series_scale(points: dict[str, LegendPoint], code: str) -> str | None:
    """ "C = Tramex CME5 concrete scale (%)" then "C1 living slab": a series takes its letter's scale."""
    letters = re.match(r"[A-Z]{1,2}(?=-?\d)", code)
    series = points.get(letters.group(0)) if letters is not None else None
    return series.scale if series is not None else None


def with_registry(legend: dict[str, LegendPoint], registry: PointRegistry) -> dict[str, LegendPoint]:
    """The legend's points with the registry's: a point the legend left without a room or a role
    takes the registry's reading of its definition."""
    merged = dict(legend)
    for code, point in registry.points.items():
        known = merged.get(code)
        if known is None:
            merged[code] = point
            continue
        if code in registry.meter_scaled and point.scale != known.scale:
            known = merged[code] = replace(known, scale=point.scale)
        if (not known.room and point.room) or (point.reference and not known.reference):
            merged[code] = replace(
                known,
                room=known.room or point.room,
                reference=known.reference or point.reference,
                scale=known.scale or point.scale,
            )
    return merged


# --- points named where they are first read ---------------------------------------------------

# "- S1 staff room ceiling, centre: 870", "W2 Tui room north (shared) wall = 26%", "pt 3 hall skirting
# - 19 %MC": an ID with a letter, the point's words, a mark, then its first value (and a remark).
# Later visits give the values by the IDs alone ("S2 210, W1 15%"): the line defines the point.
_READ_DEFINITION = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?P<ids>(?i:pt|pnt|point)\.?\s?#?\d{1,2}[A-Za-z]?|[A-Z]{1,3}-?\d{1,2}[A-Za-z]?)"
    r"\s+(?P<words>[A-Za-z][^:=\d]{1,80}?(?:\([^()\d]{1,30}\)[^:=\d]{0,40}?)?)"
    r"\s*(?::|=|\s[-\u2013]\s)\s*(?P<value>\d{1,4}(?:\.\d{1,2})?)(?![\d/.])\s*"
    r"(?P<unit>(?i:%\s?(?:mc|wme)|%|wme|rel))?(?![A-Za-z])(?:\s*(?:[-\u2013(.,;]|$).*)?",
    re.ASCII,
)
_MIN_READ_DEFINITIONS = 2


def _read_definitions(lines: Sequence[Line]) -> dict[str, LegendPoint]:
    """The points the notes name at their first reading, one a line, when at least two lines do
    so with IDs of their own (a lone "B2 bedroom: 31" is a sentence's). The lines are not taken:
    their values are read as any line's."""
    found: dict[str, tuple[_Definition, str | None]] = {}
    for line in lines:
        if len(line.text) > _MAX_LINE:
            continue
        match = _READ_DEFINITION.fullmatch(line.text.strip())
        if match is None:
            continue
        definition = _definition(
            f"{match.group('ids')} {match.group('words')}", labelled=False, reference=False
        )
        if definition is None or len(definition.codes) != 1 or definition.codes[0] in found:
            continue
        if not point_room(definition.words):
            # ("S3 cornice, party wall: 96": a point naming no room is placed where its reading is,
            # by the lines around it; the definitions before it do not place it)
            continue
        unit = match.group("unit")
        found[definition.codes[0]] = (definition, cell_scale(unit) if unit else None)
    if len(found) < _MIN_READ_DEFINITIONS:
        return {}
    points: dict[str, LegendPoint] = {}
    _register(points, [definition for definition, _ in found.values()], {})
    for code, (_, scale) in found.items():
        if code in points and points[code].scale is None and scale is not None:
            points[code] = replace(points[code], scale=scale)
    return points
