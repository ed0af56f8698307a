"""Readings and air as the scan meets them: rows of tables, maps and lists (reading_rows),
readings inline and in sentences, and atmospheric readings, each placed in the scan's rooms."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from chalicelib.analysis.findings import (
    AtmosphericReading,
    LengthUnit,
)
from chalicelib.analysis.offline.areas import (
    AreaDraft,
)
from chalicelib.analysis.offline.atmosphere import (
    AIR_PLACE,
    AirToken,
    air_place,
    air_room,
    air_tokens,
    atmospheric,
)
from chalicelib.analysis.offline.measures import (
    unit_system,
)
from chalicelib.analysis.offline.reading_numbers import MAX_PERCENT
from chalicelib.analysis.offline.reading_places import PlaceMemory, point_room
from chalicelib.analysis.offline.reading_probes import PROBE_CONTEXT, probe_readings
from chalicelib.analysis.offline.reading_prose import day_of_month, prose_readings
from chalicelib.analysis.offline.reading_rows import (
    WHERE_WORDS,
    RowReader,
    RowReading,
    describes_place,
)
from chalicelib.analysis.offline.reading_scales import Scales, explicit_scale
from chalicelib.analysis.offline.readings import (
    REFERENCE_WORD,
    Goal,
    Material,
    MaterialFinder,
    ReadingDraft,
    dry_note,
    is_reference_reading,
    materials_in,
    readings_in,
)
from chalicelib.analysis.offline.spaces import (
    ROOM_PATTERN,
    Mention,
    Owners,
    place_mentions,
    room_mentions,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    Sentences,
    collapse,
)

_DATE_START = re.compile(
    r"^[\s\-*\u2022]*(?:\d{1,2}[/.]\d{1,2}|day ?\d|mon|tue|wed|thu|fri|sat|sun|intake|initial|re-?check)",
    FLAGS,
)


_SCALES = (
    (re.compile(r"\bwme\b", FLAGS), "WME"),
    (re.compile(r"\b(?:ref(?:erence)?|rel(?:ative)?)\b", FLAGS), "REL"),
    (re.compile(r"\b(?:wood|%\s?mc|mc)\b", FLAGS), "%MC"),
)


# "Goal: 12", "target for framing 16%", "Our goal for the framing is 12%"
_GOAL_BEFORE = re.compile(r"\b(?:goal|target|dry(?:ing)? goal)\b\W{0,3}(?:[a-z]+ ){0,4}\W{0,2}$", FLAGS)


_UNSPECIFIED_LOCATION = "unspecified"


# Words that start room names but name no one room ("main bathroom", "upstairs hall").
_GENERIC_ROOM_WORDS = frozenset(
    {"main", "upstairs", "downstairs", "ground", "first", "second", "lower", "upper", "front", "back", "rear"}
    | {"north", "south", "east", "west", "master", "guest", "spare", "room", "the", "basement"}
)


_FOLLOWS_AT_ONCE = 25  # "10%MC in the linen closet": a room this close after a reading is its own


_REPEAT_REACH = 40  # how many readings back a restated one is looked for
_REPEAT_LINES = 10  # and how many lines back: a restatement is close to what it restates


# "(from basement)": the room a point was reached from, not the room it is in.
_FROM_BEFORE = re.compile(r"\bfrom (?:the )?$", FLAGS)


def _material_keys(text: str) -> list[str]:
    return [material.key for material in materials_in(text)]


# A line of only numbers: the readings of a PDF row whose label wrapped onto the lines above.
_NUMBERS_ONLY = re.compile(r"\s*(?:\d{1,3}(?:\.\d{1,2})?\s*(?:%\s?MC|%|WME|REL)?[\s,/-]*){2,12}", FLAGS)


_MAX_WRAPPED = 60


_COLUMN_TITLE = re.compile(r"\b(?:room|location|material|point|area|surface|substrate)\b", FLAGS)


# What names a space the vocabulary does not know ("Sterilization room", "east wing", "bay 4").
_SPACE_NOUN = re.compile(
    r"\b(?:room|area|office|suite|unit|flat|wing|bay|zone|hall|corridor|cupboard|closet|store|space|void"
    r"|floor|level|annex\w*|studio|shed|deck|porch|court|aisle)\b",
    FLAGS,
)


# "6. Moisture readings", "3) Readings", "Moisture map:": a heading of a section of readings.
# "9. Follow-up readings, 2026-03-20 (same points, same meter)": a date and a note may follow.
_SECTION_HEADING = re.compile(
    r"^[\s\-*#>]*(?:\d{1,2}[.)] ?)?(?:[a-z/\-]+ ){0,2}(?:moisture (?:readings?|map\w*|log|survey)|readings?"
    r"|drying log|moisture)(?:,? [\d/.\-]{4,10})?(?: ?\([^()]{0,60}\))?\W*$",
    FLAGS,
)
_NOT_SECTION = re.compile(
    r"^[\s\-*#>]*(?:\d{1,2}[.)] ?)?(?:[a-z/]+ ){0,2}(?:equipment|scope|works?|atmospher\w*|psychro\w*"
    r"|recommendations?|summary|photos?|notes|actions?)\b",
    FLAGS,
)
_MAX_SECTION_HEADING = 90
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022>]|\d{1,2}[.)]|[a-z][.)])\s", FLAGS)


_METER_WORD = re.compile(r"\b(?:meter|metered|protimeter|tramex|delmhorst)\b", FLAGS)


# A line that heads or gives air readings: "Psychrometrics (temperature / RH / GPP)", "Atmos:",
# "Atmospheric (deg C / %RH / g/kg): 02/10 outside 13 / 86 / 8.1". The lines right after it
# (a list, or a PDF line that wrapped) are air too, until a blank line or a heading of readings.
_AIR_HEADING = re.compile(
    r"^[\s\-*#>]*(?:atmospher\w*|psychrometr\w*|atmos\b|ambient (?:readings|conditions|log)|air (?:readings"
    r"|conditions|log))",
    FLAGS,
)
_READINGS_AGAIN = re.compile(r"^[\s\-*#>]*(?:[a-z]+ ){0,2}(?:moisture|mc|readings?)\b", FLAGS)


# "Back on Tuesday 10/03:", "On Sat 17/01 the", "Then on the Friday, 12/03": words of time, then
# the date. A line that starts with the date itself is dated by its visit already.
_LEAD_DATE = re.compile(
    r"^[\s\-*\u2022>]*(?P<words>(?:(?:back|then|and|but|by|on|until|as of|later)\b[ ,]{1,2}){1,3}"
    r"(?:(?:the )?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? (?:the )?)?"
    r"|(?:the )?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? (?:the )?)(?=\d)",
    FLAGS,
)


_LEAD_ORDINAL = re.compile(
    r"^[\s\-*\u2022>]*(?:(?:back|then|and|but|by|on|until|as of|later)\b[ ,]{1,2}){1,3}"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? )?the (?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b",
    FLAGS,
)


@dataclass(frozen=True)
class _LeadDate:
    line: int
    value: date | None
    carries: bool  # a heading's date, for the lines under it


_LABEL_LEAD = re.compile(r"[,:(]| - ")
_OWN_SPACE = re.compile(
    r"\b(?:room|office|suite|unit|flat|wing|zone|corridor|cupboard|closet|store ?room|annex\w*|studio"
    r"|shed)\b",
    FLAGS,
)
_LABEL_WORD = re.compile(r"[a-z][a-z']*", FLAGS)
_MAX_LABEL_WORDS = 120


def _name_words(name: str) -> set[str]:
    """The words a room is called by in short: its first and its last ("Hot water cupboard")."""
    words = [word for word in name.lower().split() if word not in _GENERIC_ROOM_WORDS]
    return {words[0], words[-1]} if words else set()


def _same_point(one: ReadingDraft, other: ReadingDraft) -> bool:
    """Two readings that may be one point: the same material and place, or one of them unnamed."""
    materials = (one.material.key if one.material else None, other.material.key if other.material else None)
    locations = (one.location, other.location)
    return (None in materials or materials[0] == materials[1]) and (
        _UNSPECIFIED_LOCATION in locations or locations[0] == locations[1]
    )


class ReadingsScan:
    """The scan's readings half: what it reads, and where it puts each reading. RoomScan keeps
    the state these methods read and write."""

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

    def _place_memory(self) -> PlaceMemory:
        """The surfaces described so far and their rooms (made on first use: RoomScan builds the state)."""
        memory = self.__dict__.get("_memory")
        if not isinstance(memory, PlaceMemory):
            memory = self.__dict__["_memory"] = PlaceMemory()
        return memory

    def _in_reference_room(self, place: Mention | None) -> bool:
        """A room called unaffected, here or before, and never described as damaged."""
        if place is None or not place.is_room or place.key in self.areas:
            return False  # an affected room's reading is never its dry standard ("hall pbd 12 = dry std")
        return place.unaffected or place.key in self.unaffected

    def _bare_scale(self) -> str | None:
        if not self._in_readings:
            return None
        named = f"{self._meter or ''} {self._block_header}"
        return next((scale for pattern, scale in _SCALES if pattern.search(named)), "%")

    def _name(self, place: Mention | None) -> str:
        if place is None:
            return _UNSPECIFIED_LOCATION
        return self.areas[place.key].room if place.key in self.areas else place.name

    def _resolve(self, room: Mention) -> Mention:
        """A bare "bathroom" after "Downstairs bathroom" is that room, when it is the only one; and
        "laundry" first, "basement laundry" later are one room, named the longer way."""
        if room.key in self.areas:
            return room
        same_base = [key for key, area in self.areas.items() if area.base == room.base]
        if len(same_base) != 1:
            return room
        existing = same_base[0]
        if not room.qualified:
            return replace(room, key=existing, name=self.areas[existing].room)
        if existing.startswith("|") and room.key.endswith("|") and existing.endswith("|"):
            # Only a qualifier is added ("basement laundry"), never a number ("bedroom 2").
            area = self.areas.pop(existing)
            area.room = room.name
            self.areas[room.key] = area
            if existing in self.unaffected:
                self.unaffected.add(room.key)
        return room

    def _lead_date(self, line: Line, taken_on: date | None) -> date | None:
        """The day a line's readings were taken: the date that opens it after a few words ("Back on
        Tuesday 10/03: ...", "On Saturday 17/01 the laundry ..."), or the date of the heading above
        it ("Then on Fri 12/03:" over a list, until a blank line); else the visit's."""
        cached = self.__dict__.get("_lead")
        if isinstance(cached, _LeadDate) and cached.line == line.number:
            return cached.value
        carried = (
            cached.value
            if isinstance(cached, _LeadDate) and cached.carries and cached.line == line.number - 1
            else None
        )
        value, carries = carried or taken_on, carried is not None
        lead = _LEAD_DATE.match(line.text)
        heading = line.text.rstrip().endswith(":")
        ordinal = _LEAD_ORDINAL.match(line.text)
        anchor = taken_on or (self._rows.day_one if self._rows is not None else None)
        if ordinal is not None and anchor is not None:
            # "On Monday the 9th he came back. The hallway wall was 14": that day, in the job's month
            day = day_of_month(anchor, int(ordinal.group("day")))
            if day is not None:
                self.__dict__["_lead"] = _LeadDate(line.number, day, carries=False)
                return day
        if (heading or (lead is not None and lead.group("words"))) and self._rows is not None:
            found = [m for m in self._rows.dates.find(line.text, taken_on, yearless_numeric=True) if m.value]
            if found and lead is not None and found[0].start == lead.end() and found[0].value is not None:
                value, carries = found[0].value, heading
            elif heading and len(found) == 1 and found[0].value is not None:
                # "In-slab RH probes (hygrometer, read after 72 h) 15/05:" dates the lines under it
                value, carries = found[0].value, True
        self.__dict__["_lead"] = _LeadDate(line.number, value, carries)
        return value

    def _note_section(self, line: Line) -> None:
        """A section of readings the block reader does not see ("6. Moisture readings", numbered),
        with its dated subheadings and "- place: value" items, until a blank line."""
        previous = self.__dict__.get("_section")
        if (_SECTION_HEADING.match(line.text) and len(line.text) <= _MAX_SECTION_HEADING) or (
            isinstance(previous, int) and previous == line.number - 1 and not _NOT_SECTION.match(line.text)
        ):
            self.__dict__["_section"] = line.number

    def _note_air(self, line: Line) -> None:
        """Whether a line gives the air, not materials: under "Psychrometrics (temperature / RH /
        GPP)" or "Atmospheric (deg C / %RH / g/kg): 02/10 outside 13 / 86 / 8.1, lounge 18 / 77"
        and the lines right after it, until a blank line."""
        previous = self.__dict__.get("_air")
        carried = isinstance(previous, int) and previous == line.number - 1
        if _AIR_HEADING.match(line.text) or (carried and not _READINGS_AGAIN.match(line.text)):
            self.__dict__["_air"] = line.number

    def _is_air(self, line: Line, written: str) -> bool:
        """A number on a line of air readings, unless its moisture scale is written ("%MC", "WME")."""
        return self.__dict__.get("_air") == line.number and written not in ("%MC", "WME")

    def _collect_row_readings(self, line: Line, rooms: Sequence[Mention], taken_on: date | None) -> bool:
        """Readings in a table, a moisture map or a list; True when the line was read that way."""
        self._place_memory().note(line.text, rooms, self._context)
        taken_on = self._lead_date(line, taken_on)
        self._note_air(line)
        self._note_section(line)
        if _METER_WORD.search(line.text):
            self.__dict__["_meter_seen"] = True
        if PROBE_CONTEXT.search(line.text):
            self.__dict__["_probes"] = True
        if self.__dict__.get("_probes") and "%" in line.text and not self._in_table:
            # "ref entry 78 %RH | family 97 %RH": the slab's humidity, after the probes were named
            self._read_rows(line, rooms, probe_readings(line.text, taken_on), line.text)
        rows = self._rows
        if rows is None:
            return False
        text = line.text
        rows.note_days(text, taken_on)
        if self._in_readings and not self._block_rows:
            rows.note_preamble(self._block_header, taken_on)
        elif not self._in_readings:
            rows.preamble_dates = []
        if " | " in text:
            was_table, self._in_table = self._in_table, True
            if not was_table:
                rows.point_columns = None
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
            header = rows.header_words(text, taken_on)
            if header is not None:
                rows.columns = header
                self._pending_label = ""
                return True
            if _NUMBERS_ONLY.fullmatch(text) and self._pending_label:
                # A PDF cell that wrapped: "P1 Living/bedroom -" / "bottom plate, north wall" /
                # "38 29 21 16" is one row; the words before the numbers are its label.
                joined = f"{self._pending_label} {text}"
                self._pending_label = ""
                return self._read_rows(line, room_mentions(joined), rows.word_row(joined, taken_on), joined)
            found = (
                rows.word_row(text, taken_on)
                or rows.pairs(text, taken_on)
                or rows.segments(text, taken_on, in_block=True)
            )
            told = (
                prose_readings(text, rows.dates, rows.day_one, taken_on, scale_known=self._metered())
                if len(text) > _MAX_WRAPPED
                else []
            )
            found = told if len(told) > len(found) else found
            if found:
                self._pending_label = ""
            elif len(text) <= _MAX_WRAPPED and not text.rstrip().endswith(":") and not rows.has_reading(text):
                self._pending_label = f"{self._pending_label} {text}".strip()[-_MAX_WRAPPED * 3 :]
            else:
                self._pending_label = ""
        else:
            self._in_table = False
            header = rows.header_words(text, taken_on)
            titled = _COLUMN_TITLE.search(text) is not None
            if header is not None and titled and sum(column.kind == "date" for column in header) >= 2:
                # "Ref Room Material Dry std 02/10 03/10 ...": a table of readings by day starts here
                rows.columns, self._in_readings, self._block_rows = header, True, 0
                return True
            listed = self._listed_readings(text, taken_on, line) if rooms or describes_place(text) else []
            told = prose_readings(text, rows.dates, rows.day_one, taken_on, scale_known=self._metered())
            found = rows.pairs(text, taken_on) or (told if len(told) >= len(listed) else listed)
        if not self._read_rows(line, rooms, found, text):
            return " | " in text
        if " | " not in text and all(reading.taken_on == taken_on for reading in found):
            # "Bottom plates by pin meter: 17%MC and 15%MC": what the list or the sentence did not
            # read, the reader of scale-marked readings does; not when the sentences are dated
            # apart ("By Friday 20/11 they were 19%MC"), as it reads by the line's day
            self._collect_readings(line, rooms, taken_on, skip=[(r.start, r.end) for r in found])
        return True

    def _read_rows(self, line: Line, rooms: Sequence[Mention], found: list[RowReading], text: str) -> bool:
        rows = self._rows
        assert rows is not None
        headed_table = " | " in text and (rows.columns is not None or rows.point_columns is not None)
        found = [reading for reading in found if headed_table or reading.told or self._names_a_place(reading)]
        owners = Owners(text, rooms)
        for reading in found:
            self._add_row_reading(line, reading, owners)
        # A goal in the preamble ("Goal for framing: 16% or less") is not yet the block's rows
        self._block_rows += sum(reading.role != "goal" for reading in found)
        return bool(found)

    def _listed_readings(self, text: str, taken_on: date | None, line: Line) -> list[RowReading]:
        """Outside a readings block, "place value" pairs count when there are several on the line
        ("laundry 17 / hall 14 / bed 2 13"), or one on a dated line once a meter scale is known."""
        assert self._rows is not None
        found = [r for r in self._rows.segments(text, taken_on, in_block=False) if self._names_a_place(r)]
        if len(found) >= 2:
            return found
        if found and self._scale_known() and _DATE_START.match(text):
            return found
        if self.__dict__.get("_section") == line.number and _LIST_ITEM.match(text):
            # "- Kitchen north wall, upper: 22" under "6. Moisture readings": one item, the whole
            # line its label, as in a readings block
            item = self._rows.segments(text, taken_on, in_block=True)
            if len(item) == 1 and self._names_a_place(item[0]):
                return item
        return []

    def _metered(self) -> bool:
        """Whether the notes have said a meter was used ("He used a meter on everything"), so that
        "the hallway wall was 26" is a reading on it."""
        return self._scale_known() or bool(self.__dict__.get("_meter_seen"))

    def _scale_known(self) -> bool:
        return self._row_scales().general is not None

    def _names_a_place(self, reading: RowReading) -> bool:
        label = reading.label
        return bool(
            (reading.point and self._rows and reading.point in self._rows.points)
            or describes_place(label)
            or room_mentions(label)
            or materials_in(label)
            or self._area_by_word(label) is not None
            or _SPACE_NOUN.search(label) is not None  # "East wing, column wrap C3"
        )

    def _before_forward_owner(self, text: str, reading: RowReading, owner: Mention) -> Mention:
        """ "put the subfloor at 32%MC against 10%MC in the linen closet": a room named after a
        reading owns it only when it follows at once ("10%MC in the linen closet"); the 32 is the
        room the sentence was about before ("The bathroom ... the subfloor at 32%MC")."""
        between = text[reading.end : owner.start]
        if len(between) <= _FOLLOWS_AT_ONCE and not any(character.isdigit() for character in between):
            return owner
        before = [
            self._resolve(mention) for mention in room_mentions(text[: reading.start]) if mention.affected
        ]
        return before[-1] if before else owner

    def _area_by_word(self, label: str) -> Mention | None:
        """An affected room a label names by its first word only ("CME family 4.2" in a job whose
        Family room is affected), when only one affected room starts with that word."""
        words = {word.lower() for word in _LABEL_WORD.findall(label[:_MAX_LABEL_WORDS])} - _GENERIC_ROOM_WORDS
        found = [key for key, area in self.areas.items() if words & _name_words(area.room)]
        if len(found) != 1:
            return None
        return Mention(key=found[0], name=self.areas[found[0]].room, start=0, end=0)

    def _add_row_reading(self, line: Line, reading: RowReading, owners: Owners) -> None:
        label = reading.label
        # The line's rooms own the parts after them, as for any reading ("Bed 3 carpet 41 WME,
        # plasterboard hall wall 29 WME" is Bed 3's); a table row's label names its own.
        in_table = self._in_table  # (not " | " in the line: that would read a long line once per reading)
        own_words = in_table or reading.told
        owner = owners.at(reading.start)
        if not own_words and owner is not None and owner.start < reading.start - len(label) - 3:
            # "hall wall pbd 12 = dry std. bath wall 11": a part that names its own room is that
            # room's, not the room an earlier part of the line named
            own_words = any(mention.affected for mention in room_mentions(label))
            owner = owner if own_words else self._area_by_word(label) or owner
        if reading.told and owner is not None and owner.start >= reading.end:
            owner = self._before_forward_owner(line.text, reading, owner)
        named = [self._resolve(mention) for mention in room_mentions(label)] if own_words else []
        if reading.told and not named:
            # "but the cupboard wall was still 19": the Hot water cupboard, by its word
            named = [found] if (found := self._area_by_word(label)) is not None else []
        transposed = in_table and self._rows is not None and self._rows.point_columns is not None
        # A column of a day-by-day table is named by its heading alone, never by the row's context.
        # A table row is named by its own words: the block's preamble is no context for it.
        place = (
            named[0]
            if named
            else None
            if transposed
            else owner or (None if in_table else self._remembered(label) or self._label_context(label))
        )
        materials = materials_in(label)
        material = materials[-1] if materials else None  # "vinyl/subfloor near cooktop: 17": the last
        unit = (
            reading.unit
            or explicit_scale(label)
            or self._row_scales().for_material(material.key if material else None)
            or "%"
        )
        if reading.role == "goal":
            self.goals.append(Goal(material.key if material else None, unit, reading.value))
            return
        if transposed and self._rows is not None and self._rows.point_columns:
            place = self._column_room(label, self._rows.point_columns)
        location = self._name(place) if place is not None else self._label_place(label)
        if reading.point is not None:
            # A map's point keeps its place, material and scale when it is re-read by its letter.
            known = self._points.setdefault(reading.point, (location, material, unit))
            if not named:
                location, material, unit = known[0], material or known[1], reading.unit or known[2]
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
            or self._in_reference_room(place)
            or REFERENCE_WORD.search(label) is not None,
            said_dry=reading.said_dry,
            source=line.span(),
        )
        if not self._repeats(draft, told=reading.told) and not self._is_air(line, reading.unit or ""):
            self.readings.append(draft)

    def _repeats(self, draft: ReadingDraft, *, told: bool) -> bool:
        """A reading said again: the dry standard of a day restated in a table ("7%MC (REF)" then a
        REF column of 7 that day), or a sentence citing one already listed ("The restroom reading
        of 85 was the wettest")."""
        for earlier in self.readings[-_REPEAT_REACH:]:
            if draft.source.line - earlier.source.line > _REPEAT_LINES:
                continue
            same = (
                earlier.value == draft.value
                and earlier.taken_on == draft.taken_on
                and (
                    earlier.unit == draft.unit
                    or "%" in (earlier.unit, draft.unit)
                    or "REL" in (earlier.unit, draft.unit)
                )
            )
            if same and draft.is_reference and earlier.is_reference and _same_point(earlier, draft):
                return True
            if (
                same
                and told
                and earlier.location == draft.location
                and earlier.source.line != draft.source.line
            ):
                return True
        return False

    def _column_room(self, label: str, columns: Sequence[str], *, alone: bool = False) -> Mention | None:
        """The room of a wide table's point column: named in its heading ("D2 dining by kitchen"),
        never one it was reached from ("SF subfloor (from basement)"); else the room its point
        letters stand for ("K1 fridge" beside "K2", "K3" in the kitchen); else, when every other
        point of the table is in one affected room, that room ("Plywood at cut" beside G1-G3)."""
        named = [
            self._resolve(mention)
            for mention in room_mentions(label)
            if not _FROM_BEFORE.search(label, max(0, mention.start - 12), mention.start)
        ]
        if named:
            return named[0]
        names = {key: area.room for key, area in self.areas.items()}
        key = point_room(label, columns, names)
        if key is not None:
            return Mention(key=key, name=names[key], start=0, end=0)
        if alone:
            return None
        others = {
            room.key if room is not None and room.key in self.areas else None
            for other in columns[1:]
            if other != label and REFERENCE_WORD.search(other) is None
            for room in (self._column_room(other, columns, alone=True),)
        }
        key = next(iter(others)) if len(others) == 1 else None
        return Mention(key=key, name=names[key], start=0, end=0) if key is not None else None

    def _label_context(self, label: str) -> Mention | None:
        """The room the notes were on, unless the label names a space of its own first ("East
        wing, column wrap C3: 52" after a Boardroom line is no boardroom reading)."""
        lead = _LABEL_LEAD.split(label.lstrip(" -*"), maxsplit=1)[0]
        return None if _OWN_SPACE.search(lead) else self._context

    def _remembered(self, label: str) -> Mention | None:
        """The room whose surface a list's line names ("- 01/23: north wall 6\" - 13"), before the
        room the previous line ended on; a room heading above the list is context enough."""
        by_word = self._area_by_word(label)
        if by_word is not None:
            return by_word
        if self._context is not None and self._context.heading_only:
            return None
        key = self._place_memory().place(label, lambda known: known in self.areas)
        return Mention(key=key, name=self.areas[key].room, start=0, end=0) if key is not None else None

    def _row_scales(self) -> Scales:
        """The scales the block's heading and preamble name, else the meter's, else the document's."""
        text = f"{self._block_header if self._in_readings else ''}\n{self._meter or ''}"
        if self._scales_cache is None or self._scales_cache[0] != text:
            scales = Scales.read(text, _material_keys)
            if scales.general is None and self._document_scales.general is not None:
                scales = Scales(self._document_scales.general, scales.by_material)
            self._scales_cache = (text, scales)
        return self._scales_cache[1]

    def note_scales(self, text: str) -> None:
        """Scales named anywhere in the notes, for readings outside a block; and the units the
        notes are written in, for sizes written without one."""
        self._document_scales = Scales.read(text, _material_keys)
        self.default_unit = unit_system(text)

    def _label_place(self, label: str) -> str:
        """A place the vocabulary does not know ("Sterilization", "rear of the house"): the words
        before the first material or surface word, else the only affected area."""
        words = re.split(r"\s[-\u2013]\s|,|\(", label, maxsplit=1)[0]
        cut = WHERE_WORDS.search(words)
        phrase = collapse(words[: cut.start()] if cut else words).strip(" -:")
        if phrase and len(phrase.split()) <= 4 and not phrase[0].isdigit():
            # "utility - wall behind washer" is the Utility room's when one is affected
            first = phrase.split()[0].lower()
            known = [area.room for area in self.areas.values() if area.room.lower().split()[0] == first]
            if known:
                return known[0]
            if _SPACE_NOUN.search(phrase):
                return phrase[0].upper() + phrase[1:]
        # "North wall, 6\" above base": the room whose north wall the notes described
        known_key = self._place_memory().place(label, lambda key: key in self.areas)
        if known_key is not None:
            return self.areas[known_key].room
        if len(self.areas) == 1:
            return next(iter(self.areas.values())).room
        return _UNSPECIFIED_LOCATION

    def _collect_readings(
        self,
        line: Line,
        rooms: Sequence[Mention],
        taken_on: date | None,
        skip: Sequence[tuple[int, int]] = (),
    ) -> None:
        text = line.text
        taken_on = self._lead_date(line, taken_on)
        materials = materials_in(text)
        readings = [
            reading
            for reading in readings_in(text, materials, self._bare_scale())
            if not any(start < reading.end and reading.start < end for start, end in skip)
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
        if not readings:
            return
        places = Owners(text, [*rooms, *place_mentions(text)])
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
            place = places.at(reading.start) or self._context
            if self._is_air(line, reading.unit):
                continue
            self.readings.append(
                ReadingDraft(
                    location=self._name(place),
                    material=material,
                    value=reading.value,
                    unit=reading.unit,
                    meter=self._meter,
                    taken_on=taken_on,
                    is_reference=self._in_reference_room(place)
                    or is_reference_reading(text, sentences, reading, affected_starts),
                    said_dry=dry_note(text, reading.end, next_start),
                    source=line.span(),
                )
            )

    def _collect_air(self, line: Line, rooms: Sequence[Mention], taken_on: date | None) -> None:
        text = line.text
        groups: list[list[AirToken]] = []
        for token in air_tokens(text):
            current = groups[-1] if groups else None
            # A new reading starts when a value repeats or a new place is named in between.
            if (
                current is None
                or any(seen.kind == token.kind for seen in current)
                or AIR_PLACE.search(text, current[-1].end, token.start)
                or ROOM_PATTERN.search(text, current[-1].end, token.start)
            ):
                groups.append([token])
            else:
                current.append(token)
        # A temperature alone ("heat set to 72F") is not a psychrometric reading.
        groups = [group for group in groups if any(token.kind in ("rh", "gpp") for token in group)]
        starts = [room.start for room in rooms]
        windows = [
            (
                (groups[index - 1][-1].end if index else 0, group[0].start),
                (group[-1].end, groups[index + 1][0].start if index + 1 < len(groups) else len(text)),
            )
            for index, group in enumerate(groups)
        ]
        # "Ambient 70F 58% RH master bath, 68F 45% RH hallway": when the first values have no place
        # before them and the last have one after, the line names each place after its values.
        trailing = (
            bool(windows)
            and not self._names_place(text, (rooms, starts), windows[0][0])
            and self._names_place(text, (rooms, starts), windows[-1][1])
        )
        for group, (before, after) in zip(groups, windows, strict=True):
            order = (after, before) if trailing else (before, after)
            location = self._air_location(text, (rooms, starts), *order)
            self.air.append(atmospheric(group, location, taken_on, line))

    @staticmethod
    def _names_place(
        text: str, rooms: tuple[Sequence[Mention], Sequence[int]], window: tuple[int, int]
    ) -> bool:
        start, end = window
        # "Ambient" and "affected" say whose air only in general; a room or "outside" names it.
        place = air_place(text, start, end)
        return place not in (None, "affected") or air_room(*rooms, start, end, last=True) is not None

    def _air_location(
        self,
        text: str,
        rooms: tuple[Sequence[Mention], Sequence[int]],
        before: tuple[int, int],
        after: tuple[int, int],
    ) -> str:
        """The place named before the values, else right after them ("70F 58% RH master bath")."""
        for (start, end), last in ((before, before[1] <= after[0]), (after, after[1] <= before[0])):
            place = air_place(text, start, end, last=last)
            room = air_room(*rooms, start, end, last=last)
            if place in (None, "affected", "unaffected") and room is not None:
                explicit = place or ("unaffected" if room.unaffected else None)
                kind = explicit or ("affected" if room.key in self.areas else "unaffected")
                return f"{kind} ({self.areas[room.key].room if room.key in self.areas else room.name})"
            if place is not None:
                return place
        if self._context is not None and self._context.key in self.areas:
            return f"affected ({self.areas[self._context.key].room})"
        return _UNSPECIFIED_LOCATION
