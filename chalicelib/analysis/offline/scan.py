"""The line-by-line reader of spaces: which rooms are affected, which room the notes are on, and the
readings blocks; RoomScan carries that state, and routes each line to what it says of its areas
(scan_area_details: materials, sizes, extents) and to its readings and air (scan_readings)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from chalicelib.analysis.findings import (
    AtmosphericReading,
    LengthUnit,
    SourceSpan,
)
from chalicelib.analysis.offline.area_folds import (
    fold_bare_rooms,
    fold_numbered_rooms,
    fold_open_plan_named_apart,
)
from chalicelib.analysis.offline.area_list import AreaList, listed_areas
from chalicelib.analysis.offline.areas import (
    AreaDraft,
)
from chalicelib.analysis.offline.dispatch_blocks import second_hand_lines
from chalicelib.analysis.offline.job import (
    SECTION_LABEL,
)
from chalicelib.analysis.offline.landmark_rooms import line_rooms, log_line
from chalicelib.analysis.offline.line_owners import Owners
from chalicelib.analysis.offline.material_soundness import same_part
from chalicelib.analysis.offline.named_rooms import named_room_aliases
from chalicelib.analysis.offline.others_rooms import trading_rooms
from chalicelib.analysis.offline.photo_logs import PhotoLog
from chalicelib.analysis.offline.reading_rows import (
    RowReader,
)
from chalicelib.analysis.offline.reading_scales import Scales
from chalicelib.analysis.offline.readings import (
    Goal,
    Material,
    ReadingDraft,
    meter_in,
)
from chalicelib.analysis.offline.roof_spaces import (
    ROOF_SPACE_BASES,
    drop_roof_spaces,
    places_roof_space_over,
)
from chalicelib.analysis.offline.room_states import (
    line_says_damage,
    section_says_unaffected,
)
from chalicelib.analysis.offline.room_verdicts import UNAFFECTED_LEAD, unrelated_when_wrapped
from chalicelib.analysis.offline.scan_area_details import CONTAINER_ROOMS, AreaDetailsScan
from chalicelib.analysis.offline.scan_readings import (
    ReadingsScan,
)
from chalicelib.analysis.offline.scan_room_lines import (
    ENDS_SENTENCE,
    FRAGMENT,
    GOES_ON,
    NUMBERED_ROW,
    REFERENCE_CELL,
    REFERENCE_TAIL,
    STANDARDS_LEAD_IN,
    clause_says_damage,
    heads_line,
    lone_point,
)
from chalicelib.analysis.offline.scope_extents import (
    settle_removed_flooring,
)
from chalicelib.analysis.offline.sized_spaces import named_space_lead
from chalicelib.analysis.offline.spaces import (
    Mention,
    room_mentions,
)
from chalicelib.analysis.offline.struck_rooms import struck_off, told_spans
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    Sentences,
    continues_sentence,
    first_found,
)
from chalicelib.analysis.offline.wet_columns import WetColumns
from chalicelib.analysis.offline.wet_sections import WetSections


def _is_row(text: str) -> bool:
    """A table's row: "|Hall|3.4 x 1.1 m|carpet|", "Rec room | 18 x 14 ft | carpet, pad"."""
    return text.startswith("|") or " | " in text


# A section's number before its title: "4. ", "4) ", "3.2 ", "B. ", "(iv) " ("5. Equipment").
_SECTION_NUMBER = r"(?:(?:\d{1,2}(?:\.\d{1,2}){0,2}|[A-H]|\(?[ivx]{1,4})[.)]\s+)?"
# A readings block: its heading line and the lines under it, up to a blank line or another section.
_READINGS_HEADER = re.compile(
    r"^[\s\-*#>]*(?:[a-z0-9/\-]+ ){0,3}(?:moisture (?:readings?|map\w*|check|content|survey|log)|readings?"
    r"|mc readings?|mc|moisture|re-?reads?|re-?checks?|drying log|monitoring|meter readings?"
    # (a key to the points drawn on a sketch heads their readings: "Map key (letters on the plan)",
    # "Pin legend", "Key to the sketch")
    r"|(?:moisture |pin |point |reading )?map (?:key|legend)|(?:point|pin) (?:key|legend|map)"
    r"|key to (?:the )?(?:map|sketch|plan|drawing))\b"
    r"(?! rooms?\b)",  # ("5 Reading room drywall, E wall 19 9.8": a clinic's or a library's room, a row)
    FLAGS,
)
# "15-Sep-26 14:00 Reviewed vendor's intake moisture log, taken 14-Sep (their meter, ...):" leads
# the rows under it in, whatever the line starts with.
_READINGS_LEAD_IN = re.compile(
    r"\b(?:moisture (?:readings?|log|map)|intake (?:readings?|log)|(?:meter |mc )?readings?)\b[^.|]{0,80}:$"
    # ("Ross's readings (he said the wall ones are % ...) - he took a dry standard ...:", "The
    # readings the tech gave us, which he said are WME on the skirting and ...:"): readings that open
    # the line lead in to the list under it, however long the sentence that qualifies them
    # (not one bracket alone, "Avalon's readings (CME on slab %, pins %MC):", a scale legend's
    # heading, which the table under it reads by its own header)
    r"|^[\s\-*#>]*(?:[\w'\u2019]+ ){0,3}(?:moisture |meter |mc )?readings?\b"
    r"(?!\s*\([^()]*\)\s*:$)[^.|]{0,300}:$",
    FLAGS,
)
_PREAMBLE = 600
_REFERENCE_LEAD = 30  # how much of a readings block's heading and preamble names its scales
_NOT_READINGS = re.compile(r"\b(?:atmospher\w*|psychro\w*|air|ambient|temp\w*|humidity|rh|gpp)\b", FLAGS)
# A short heading of another section ends a readings block ("Equipment", "Scope of work").
_OTHER_SECTION = re.compile(
    r"^[\s\-*#>]*"
    + _SECTION_NUMBER
    + r"(?:[a-z/&]+ ){0,3}(?:equipment|eqpt|scope|works?|cause|hazards?|safety|atmospher\w*"
    r"|psychro\w*|recommendations?|summary|photos?|category|class|job|insured|client|signed|layout|contents"
    r"|findings|conclusions?|notes|actions?|layout|affected areas?)\b",
    FLAGS,
)
_HEADING = re.compile(r"^[\s\-*#>]*" + _SECTION_NUMBER + r"[A-Za-z][A-Za-z /&()-]{0,40}:?$")
_REFERENCE_HEADING = re.compile(
    r"\b(?:dry (?:std|standard)s?|references?|baseline|control|unaffected)\b(?! ?(?:scale|mode|setting))",
    FLAGS,
)


# "Attic over closet": between two rooms, the second only places the first.
_PLACES_ANOTHER = re.compile(
    r" (?:directly |right |just )?(?:over|above|below|beneath|under|underneath)(?: the)? ", FLAGS
)


# --- the scan ----------------------------------------------------------------------------------


def _name_words(name: str) -> frozenset[str]:
    return frozenset(name.lower().split())


def _bare_key(room: Mention) -> str:
    """The key of a room written bare, with no qualifier or number ("the bedroom")."""
    return f"|{room.base}|"


def _kind(room: Mention) -> tuple[str, str]:
    """A room's qualifier and base, without its number: "upstairs bedrooms" and "Upstairs bedroom 2"
    are of one kind."""
    return room.key.split("|", 1)[0], room.base


class RoomScan(ReadingsScan, AreaDetailsScan):
    """One pass over the lines, carrying the room the notes are currently talking about."""

    def __init__(
        self, line_dates: Sequence[date | None], scope_lines: frozenset[int], rows: RowReader | None = None
    ) -> None:
        self.areas: dict[str, AreaDraft] = {}
        self.readings: list[ReadingDraft] = []
        self.goals: list[Goal] = []
        self.air: list[AtmosphericReading] = []
        self.unaffected: set[str] = set()
        # rooms ruled out as a kind ("both bedrooms unaffected"): (qualifier, base) of each
        self._unaffected_kinds: set[tuple[str, str]] = set()
        # the words of each room ruled out by its full name, by base ("basement guest bedroom"): a later
        # "Guest bedroom" in fewer of its words is that room
        self._ruled_out_words: dict[str, list[frozenset[str]]] = {}
        # the qualified or numbered rooms of each kind the notes have named ("front vestibule", "basement
        # bedroom"): a bare "vestibule" later is that room when it is the only one of its kind
        self._named_of_kind: dict[str, set[str]] = {}
        self._said_affected: set[str] = set()  # rooms some line described as damaged, ruled out or not
        self._second_hand: set[int] = set()  # areas sized only from a listing or a phone call so far
        self._booked_lines: frozenset[int] = frozenset()  # a header filled in from the call (dispatch_blocks)
        self._booked: set[str] = set()  # areas only such a header named so far
        self._told_lines: set[int] = set()  # lines that only report what the client or booking said
        self._implied: set[str] = set()  # areas only a sentence's damage made affected so far
        # by area (id): materials said fine, never soaked, with the names they were said fine by
        self._cleared: dict[int, dict[str, set[str]]] = {}
        self.rooms_by_line: dict[int, str] = {}
        # the affected areas (keys) a line is about: those it names, else its section's
        self.areas_by_line: dict[int, list[str]] = {}
        # the section's areas before a line's own rooms ("KITCHEN" then "- Soot on ceiling. Dust nearest
        # the mudroom": the soot is the kitchen's)
        self.section_by_line: dict[int, list[str]] = {}
        self.named_by_line: dict[int, list[str]] = {}  # every affected area a line names
        self._section_rooms: list[str] = []
        self.default_height_ft: float | None = None
        self._in_readings = False
        self._previous_text = ""
        self._block_header = ""
        self._wet_columns = WetColumns()
        self._wet_sections = WetSections()
        self._context: Mention | None = None
        # whether the context was set by a table's row, and the line now read is no row of that table:
        # then a material the line does not place is no row's ("|Hall|...|" then "Checked under the
        # vinyl before lifting: none, hardboard straight onto boards" is about the table's rooms, not
        # its last row's)
        self._row_context = False
        self._past_rows = False
        self._meter: str | None = None
        self._line_dates = line_dates
        self._scope_lines = scope_lines
        self.wet_keys: set[str] = set()  # floorings some clause of the notes calls wet
        self._rows = rows
        self._in_table = False
        self._reference_block = False
        self._block_rows = 0
        # a heading's rooms, until its section's first line
        self._held: list[tuple[Mention, SourceSpan]] = []
        self._held_tail = ""  # the fragments of a wrapped row read after a held heading
        self._open_verdict = False  # the line before opened a list of rooms ruled out and wrapped on
        self._held_row = False  # the held rooms open a row whose cells wrapped onto the next lines
        self._pending_label = ""
        self._points: dict[str, tuple[str, Material | None, str]] = {}
        self._document_scales = Scales()
        self.default_unit: LengthUnit | None = None
        self._scales_cache: tuple[str, Scales] | None = None
        self._area_list = AreaList()  # the areas a list under an "Areas affected" heading names
        self._room_levels: set[str] = set()  # levels affected rooms were said to be on ("(basement)")
        self._over_rooms: set[str] = set()  # roof spaces written as the cavity over rooms
        self._photo_log = PhotoLog()
        self._named_aliases: dict[str, Mention] = {}  # rooms written by whose they are, by their names
        self._in_photos = False  # the line is in a photo log: it names no room's affected materials

    def _aliased(self, room: Mention) -> Mention:
        """A room written by whose it is, by the name the notes gave it once ("Mikaere's room
        (bedroom 2)" then "Mikaere's room": Bedroom 2)."""
        alias = self._named_aliases.get(room.key)
        return replace(room, key=alias.key, name=alias.name) if alias is not None else room

    def scan(self, lines: Sequence[Line]) -> None:
        self._booked_lines = second_hand_lines(lines)
        self._named_aliases = named_room_aliases([line.text for line in lines])
        trading = trading_rooms([line.text for line in lines])
        for index, line in enumerate(lines):
            self._in_photos = self._photo_log.covers(line.text)
            if not line.text:
                # A blank line ends a room's section, and a readings block that has had rows (one
                # between a block's heading and its first row only sets the rows apart).
                self._context = None
                self._row_context = False
                self._section_rooms = []
                if self._block_rows:
                    self._in_readings = False
                    self._reference_block = False
                if self._rows is not None:
                    self._rows.columns = None
                continue
            self.section_by_line[line.number] = list(self._section_rooms)
            rooms = [
                self._resolve(self._aliased(room))
                for room in room_mentions(line.text)
                # ("Fernhill Growers Nursery" named the business: "the nursery's pond" is the business's)
                if not (room.base in trading and room.key == _bare_key(room))
            ]
            if not rooms:
                # ("- Female amenities: blockwork 820" under "Female amenities 7.2 x 5.0 m: ..." earlier)
                sized = {
                    area.room.lower(): key for key, area in self.areas.items() if key.startswith("label|")
                }
                rooms = named_space_lead(line.text, sized)
            self._said_affected.update(room.key for room in rooms if room.affected)
            if rooms and self._open_verdict and GOES_ON.match(line.text):
                # ("- Not affected: the lanes and approaches (the step" wrapped onto "  line side ...), the
                # plant room, the office": the verdict heads the wrapped list up to its sentence's end)
                stop = Sentences(line.text).bounds(0)[1]
                rooms = [
                    replace(room, affected=False, unaffected=True) if room.start < stop else room
                    for room in rooms
                ]
            # (a list the line leaves open with a comma or a semicolon goes on, however short the line)
            self._open_verdict = (
                continues_sentence(line.text) or line.text.rstrip().endswith((",", ";"))
            ) and (
                UNAFFECTED_LEAD.match(line.text) is not None
                or STANDARDS_LEAD_IN.match(line.text) is not None
                or (self._open_verdict and ENDS_SENTENCE.search(line.text) is None)
            )
            if index + 1 < len(lines) and continues_sentence(line.text):
                # (a sentence an e-mail wrapped onto the next line, that sets its room apart from the loss)
                cut = unrelated_when_wrapped(line.text, lines[index + 1].text, rooms)
                if cut is not None:
                    rooms = [
                        replace(room, affected=False, unaffected=True) if room.start >= cut else room
                        for room in rooms
                    ]
            # A room called unaffected stays a reference room: its later readings are dry standards.
            # (unless a line of its own later says what in it is wet: "the kitchen was dry and cool",
            # then "Kitchen 15 x 13 ft (wet approx 120 SF of hardwood)"; a room named after another
            # on the line is no line of its own: "Point 4 is in the kitchen ... close to the bedroom 3
            # ceiling, so it marks where the wet ceiling stops")
            rooms = [
                replace(room, affected=False)
                if self._ruled_out(room)
                and room.key not in self.areas
                and not (
                    room.affected
                    and not room.implied
                    and heads_line(line.text, rooms, room)
                    and clause_says_damage(line.text, room)
                )
                else room
                for room in rooms
            ]
            if self._held_row and self._held and not rooms and FRAGMENT.fullmatch(line.text):
                # ("10 Study, upstairs" / "particleboard" / "floor (%MC)," / "dry std" / "12": a PDF row
                # wrapped cell by cell; its fragments together are the first line under the room)
                self._held_tail = f"{self._held_tail} {line.text}"
                if (
                    section_says_unaffected(self._held_tail)
                    or REFERENCE_CELL.fullmatch(line.text)
                    or REFERENCE_TAIL.search(line.text)
                ):
                    self._settle_held(self._held_tail, ruled_out=True)
            else:
                self._settle_held(f"{self._held_tail} {line.text}" if self._held_tail else line.text)
            self._past_rows = self._row_context and not _is_row(line.text)
            after = lines[index + 1].text if index + 1 < len(lines) else ""
            # (a numbered row's first cell, its other cells wrapped onto short lines under it)
            # (or its point's ID alone on the line before: "S1" / "Front bedroom" / "skirting - dry")
            row_start = (
                (
                    NUMBERED_ROW.match(line.text) is not None
                    or (index > 0 and bool(rooms) and lone_point(lines[index - 1].text))
                )
                and FRAGMENT.fullmatch(after) is not None
                and not line_says_damage(line.text)
            )
            wrapped = (line.text.endswith(",") and not line_says_damage(line.text)) or row_start
            if rooms and all((room.heading_only or wrapped) and room.affected for room in rooms):
                # "Garage" on a line of its own: its section's first line says whether it was affected;
                # so does the line a wrapped table cell goes on in ("Front bedroom wall," "upstairs
                # (reference) Lime plaster 14 WME")
                self._held = [(room, line.span()) for room in rooms]
                self._held_row = row_start
            # (rooms named only in what the client or the booking said: second-hand, like a header's)
            told = told_spans(line.text) if rooms else []
            if told and all(any(start <= room.start < end for start, end in told) for room in rooms):
                self._told_lines.add(line.number)  # (what it says of the rooms is second-hand too)
            held_keys = {held.key for held, _ in self._held}
            struck_here: set[str] = (
                set()
            )  # rooms this line strikes off: its other mentions do not restore them
            for room in rooms:
                if room.key in held_keys or room.key in struck_here:
                    continue  # settled by the next line; meanwhile it is the context of what follows
                second_hand = line.number in self._booked_lines or any(
                    start <= room.start < end for start, end in told
                )
                if room.affected and not room.implied:
                    self._implied.discard(room.key)
                    if not second_hand:
                        self._booked.discard(room.key)
                if room.affected and room.key not in self.areas:
                    self.areas[room.key] = AreaDraft(room=room.name, base=room.base, source=line.span())
                    self._room_levels.add(room.level or "")
                    if room.implied:
                        self._implied.add(room.key)
                    if second_hand:
                        self._booked.add(room.key)
                elif room.unaffected and struck_off(
                    line.text,
                    room,
                    self.areas.get(room.key),
                    self.readings,
                    second_hand=room.key in self._implied | self._booked,
                    booked=self._booked_lines | self._told_lines,
                    rooms=rooms,
                ):
                    # "the two rooms share the hall" (a sentence about spores), then "Hall: the walls read
                    # dry. Not affected.": the room's own verdict outweighs a sentence that only named it
                    del self.areas[room.key]
                    self.unaffected.add(room.key)
                    struck_here.add(room.key)
                elif room.unaffected and room.key not in self.areas:
                    self.unaffected.add(room.key)
                    self._ruled_out_words.setdefault(room.base, []).append(_name_words(room.name))
                    if room.collective:
                        self._unaffected_kinds.add(_kind(room))
            self._note_room(line, rooms)
            if places_roof_space_over(line.text):
                self._over_rooms.update(room.key for room in rooms if room.base in ROOF_SPACE_BASES)
            self._area_list.read(line.text, rooms)
            owners = Owners(line.text, rooms)
            self._meter = meter_in(line.text) or self._meter
            self._update_block(line)
            self._attach_details(line, owners, rooms, is_scope=line.number in self._scope_lines, after=after)
            if not self._collect_row_readings(line, rooms, self._line_dates[index]):
                self._collect_readings(line, rooms, self._line_dates[index])
            # the day a line opens with ("Atmospherics 13/11/2026: ...") dates its air readings too
            self._collect_air(line, rooms, self._lead_date(line, self._line_dates[index]))
            if rooms:
                # ("skirting at ensuite door: 27 | 18" under "Main bedroom" stays in the main bedroom)
                moved = line_rooms(line.text, rooms)
                # (a header filled in from the call leaves the notes on no room of its own)
                if (
                    (moved or self._context is None)
                    and not log_line(line.text)
                    and line.number not in self._booked_lines
                ):
                    self._context = self._line_room(line.text, moved or rooms)
                    self._row_context = _is_row(line.text)
                # (a heading's rooms become areas when the line under it settles them)
                self._section_rooms = listed_areas(line.text, rooms)
            elif " | " in line.text:
                self._section_rooms = []  # a table's row is about the room its own cells name
            self.areas_by_line[line.number] = list(self._section_rooms)
            self.named_by_line[line.number] = [room.key for room in rooms if room.key in self.areas]
            for room in rooms:
                if not room.collective and room.key != _bare_key(room):
                    self._named_of_kind.setdefault(room.base, set()).add(room.key)

    def _ruled_out(self, room: Mention) -> bool:
        """A room called unaffected, by itself or as one of its kind: "Bathroom, lounge and both
        bedrooms not affected" rules out "Bedroom 1" when its reference readings name it later."""
        if room.key in self.unaffected:
            return True
        if room.key == _bare_key(room) and not room.collective:
            # ("Not affected: ... the front vestibule (used for our dry standard)", then "Goal: drywall
            # within 4 of the vestibule"): a bare room is the one room of its kind the notes named
            # (of those the notes judged: "Vestibule 9, basement office 10" is a reading, no room 9)
            named = {
                key
                for key in self._named_of_kind.get(room.base, ())
                if key in self.areas or key in self.unaffected
            }
            # (not one a line described as damaged: "the basement bathroom ... was fine then" before
            # its row "| Basement bathroom | 8 x 5 ft | whole floor |" leaves the bare one its own)
            if len(named) == 1 and named <= self.unaffected and not named & self._said_affected:
                return True
        if not room.collective and self._fewer_words_of_ruled_out(room):
            return True
        if room.collective or not self._unaffected_kinds:
            return False
        prefix, base = _kind(room)
        return (prefix, base) in self._unaffected_kinds or ("", base) in self._unaffected_kinds

    def _fewer_words_of_ruled_out(self, room: Mention) -> bool:
        """ "Not affected: basement guest bedroom (used for dry standards)", then "DS1 | Guest bedroom":
        a room named in some of the words of a room ruled out is that room, unless an affected room of
        its kind has those words too (then the shorter name could be either)."""
        words = _name_words(room.name)
        if len(words) < 2 or not any(words < other for other in self._ruled_out_words.get(room.base, ())):
            return False
        return not any(
            words <= _name_words(area.room) for area in self.areas.values() if area.base == room.base
        )

    @staticmethod
    def _line_room(text: str, rooms: Sequence[Mention]) -> Mention:
        """The room a line leaves the notes on: its last, unless that one only places another ("Attic
        over closet", "Roof space above bedroom 2"): then the room it places."""
        spoken_of = [room for room in rooms if not room.incidental]
        rooms = spoken_of or rooms
        last = rooms[-1]
        if last.unaffected:
            # "Kitchen 3.6 x 3.0. LVP wet ... Rest of kitchen floor dry": the rest of a room said fine
            # after the room itself leaves the notes on the room ("Kickboard swollen" is the kitchen's)
            last = next((room for room in rooms if room.key == last.key and not room.unaffected), last)
        if len(rooms) > 1 and _PLACES_ANOTHER.fullmatch(text, rooms[-2].end, last.start):
            return rooms[-2]
        return last

    def _settle_held(self, text: str | None, *, ruled_out: bool = False) -> None:
        """A heading's rooms are affected unless the first line of their section says otherwise."""
        held, self._held = self._held, []
        self._held_tail = ""
        if held and text is not None and (ruled_out or section_says_unaffected(text)):
            self.unaffected.update(room.key for room, _ in held if room.key not in self.areas)
            return
        for room, span in held:
            if room.key not in self.areas and room.key not in self.unaffected:
                self.areas[room.key] = AreaDraft(room=room.name, base=room.base, source=span)

    def _update_block(self, line: Line) -> None:
        text = line.text
        # (a lead-in a PDF wrapped: "... Readings received (Protimeter; boards %MC," / "plaster WME):")
        previous, self._previous_text = self._previous_text, text
        lead_in = f"{previous} {text}" if text.endswith(":") and continues_sentence(previous) else text
        heading = (_READINGS_HEADER.match(text) is not None and not _NOT_READINGS.search(text[:40])) or (
            _READINGS_LEAD_IN.search(lead_in) is not None and not _NOT_READINGS.search(lead_in)
        )
        if heading:
            self._in_readings = True
            self._reference_block = False
            self._block_rows = 0
            # (a lead-in that ends with its colon: values it tells in passing are no rows of the block)
            self.__dict__["_block_heading_line"] = line.number if text.rstrip().endswith(":") else None
            # "Readings (Tramex ME5, ref scale) 12/09:" names the scale; of a longer line, the
            # sentence that leads in ("28/03/2026 - Tiles removed. Readings received (...):")
            lead = _READINGS_LEAD_IN.search(text)
            self._block_header = (
                text if lead is None or _READINGS_HEADER.match(text) else text[lead.start() :]
            )
            if self._rows is not None:
                self._rows.columns = None
        elif (
            _OTHER_SECTION.match(text)
            and (SECTION_LABEL.match(text) or _HEADING.match(text))
            # ("4 MRI control" / "drywall," / "equipment" / "rack wall": a PDF cell's wrapped words, in
            # lower case under a row begun above, head no section)
            and not (self._pending_label and text[:1].islower())
        ):
            self._in_readings = False  # "Equipment: ..." starts another section
            self._reference_block = False
            if self._rows is not None:
                self._rows.columns = None
        # (the reference word leads it: "Readings supplied (...; dry standard from bedroom 2):" heads
        # every reading, the dry standard's among them)
        if _REFERENCE_HEADING.search(text[:_REFERENCE_LEAD]) and (
            _HEADING.match(text) or text.rstrip().endswith(":")
        ):
            # "Reference (unaffected room - Bed 2):" heads a block of dry standards
            self._in_readings = self._reference_block = True
            self._block_rows = 0
        elif self._in_readings and not (heading or self._block_rows) and len(self._block_header) < _PREAMBLE:
            # "Meter: Protimeter, values in WME" names the scale
            self._block_header += f" {text[:_PREAMBLE]}"

    def _set_default_height(self, height: float) -> None:
        self.default_height_ft = self.default_height_ft or height

    def finish(self) -> list[AreaDraft]:
        """The affected areas, with a whole-building ceiling height where a room has none."""
        self._settle_held(None)
        if self._area_list.listed:
            # ("4. Areas affected" lists the hall and the kitchenette; "a pipe in the roof void above
            # the kitchenette froze and split" only placed the source): a space that only a sentence's
            # damage made an area, and that the writer's own list of areas leaves out, is not one
            for key in self._implied - self._area_list.listed:
                self.areas.pop(key, None)
        self.drop_containers()
        drop_roof_spaces(self.areas, self._over_rooms, self._area_list.listed)
        settle_removed_flooring(self.areas.values(), self.wet_keys)
        for area in self.areas.values():
            for key, names in self._cleared.get(id(area), {}).items():
                # ("Tiled. ... Floor tiles intact" clears the tiles; "Kickboards swollen. Cabinet carcasses
                # dry": another part of the cabinets is fine)
                kept = area.materials.get(key, "")
                if key not in area.soaked_materials and any(same_part(kept, name) for name in names):
                    area.materials.pop(key, None)
        for area in self.areas.values():
            for key, via in area.borrowed.items():
                # ("Affected: bathroom + hallway carpet", then "Hallway carpet: DRY"): a material the
                # area took from another room's compound goes when that room is no area or lost it
                source = next((other for other in self.areas.values() if id(other) == via), None)
                # (whatever its line said of it: "lounge / hall carpet soaked" said it of the hall's)
                if source is None or key not in source.materials:
                    area.materials.pop(key, None)
        for area in self.areas.values():
            if area.height_ft is None and self.default_height_ft is not None:
                area.wet.ceiling_height_ft = self.default_height_ft
        return list(self.areas.values())

    def area_names(self, line_number: int, *, before_rooms: bool = False, named: bool = False) -> list[str]:
        """The affected areas a line is about, by their final names; with `before_rooms`, those of the
        section it is in, for what the line says before it names a room of its own; with `named`, every
        one it names ("Clean walls: kitchen 30 m2, hallway 22 m2")."""
        keys = self.areas_by_line.get(line_number, [])
        if before_rooms:
            keys = self.section_by_line.get(line_number, []) or keys
        elif named:
            keys = self.named_by_line.get(line_number, []) or keys
        return [self.areas[key].room for key in keys if key in self.areas]

    def _note_room(self, line: Line, rooms: Sequence[Mention]) -> None:
        named = first_found(self.areas[room.key].room for room in rooms if room.key in self.areas)
        if named:
            self.rooms_by_line[line.number] = named

    def drop_containers(self) -> None:
        """ "Basement" named on its own is the level the basement rooms are on, not another room."""
        for key, area in list(self.areas.items()):
            is_level = area.base in CONTAINER_ROOMS and key.startswith("|")
            # "Bedroom (basement)" then "the water stayed in the basement": the basement is its level
            on_level = "basement" in self._room_levels and len(self.areas) > 1
            if is_level and (on_level or any(other.startswith(f"{area.base}|") for other in self.areas)):
                del self.areas[key]
        fold_numbered_rooms(self.areas)
        fold_bare_rooms(self.areas)
        fold_open_plan_named_apart(self.areas)
