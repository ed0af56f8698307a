"""Rows of a days table led by a point code whose letters are the room's initials, as technicians
write them in shorthand under a line of dates:

    Pts:         11/28  11/30  12/2
     L1 DW ext    40     26     15
     H1 base      22     16     12

"L1" is the laundry's first point and "H1" the hallway's: the row names no room in words, so the
room is the one affected room whose initials the code's letters are. The row's words are the
technician's short names for the surface ("DW" drywall, "ply sub" plywood subfloor, "base"
baseboard), which give the material and so the meter's scale for it. Such a row is never the room
the lines above were about (a dry standard's "Std (bed 1): ..." just before the table is no
context for it)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from chalicelib.analysis.offline.reading_numbers import MAX_PERCENT, numbers_in
from chalicelib.analysis.offline.reading_positional import PositionalRows
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.reading_scales import Scales, explicit_scale, wide_scale
from chalicelib.analysis.offline.readings import REFERENCE_WORD, Goal, Material, ReadingDraft, materials_in
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS, Line

# A row's code, then its words: "L1 DW ext", "KT2 cab toe kick", "H-3 base". Letters a room's
# initials may be; "P", "MP" and "PT" say "point" and "DS", "REF", "STD" a dry standard: no room.
_CODED_ROW = re.compile(r"[ \t>*\u2022-]*(?P<letters>[A-Z]{1,3})-?\d{1,2}[a-z]?[ \t]+(?=[A-Za-z])", re.ASCII)
# "305 bath wall 410 260 140", "> 112 wall by bed 88 61 30": a hotel's or a block's room number
# leads the row, the room's part after it (a room the notes number: "Room 112", "Suite 305").
_NUMBERED_ROW = re.compile(r"[ \t>*\u2022-]*(?P<number>\d{3,4})[ \t]+(?=[A-Za-z])", re.ASCII)
_NO_ROOM_LETTERS = frozenset({"P", "MP", "PT", "R", "DS", "REF", "STD", "D", "DAY"})
# Shorthand for surfaces in a technician's rows (the vocabulary's words are read first).
_SHORT_MATERIALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("drywall", re.compile(r"\b(?:DW|GWB|SR|gyp)\b")),
    ("plywood", re.compile(r"\bply\b", FLAGS)),
    ("subfloor", re.compile(r"\bsub\b", FLAGS)),
    ("baseboard", re.compile(r"\b(?:base|trim)\b", FLAGS)),
)
_MIN_DAYS = 2
_WORD = re.compile(r"[a-z]+")
_WORD_OR_NUMBER = re.compile(r"[A-Za-z]+|\d+")


def _initials(name: str) -> set[str]:
    """ "Laundry room" is "L" or "LR", "Dining room" "D" or "DR", "Master bedroom" "MB"."""
    words = _WORD.findall(name.lower())
    named = [word for word in words if word not in ("room", "area", "rm")]
    return {"".join(word[0] for word in named), "".join(word[0] for word in words)}


def row_material(words: str) -> Material | None:
    """The material a row's words name, in the vocabulary's words or a technician's shorthand."""
    found = materials_in(words)
    if found:
        return found[-1]
    for key, pattern in _SHORT_MATERIALS:
        match = pattern.search(words)
        if match is not None:
            return Material(key, key, match.start(), match.end())
    return None


# "Exam 4 door, 4" before "in.": a label's last word, a comma, then a height whose unit wrapped
_HEIGHT_WRAPPED = re.compile(r"[A-Za-z][,;]?[ \t]+\d{1,3}[ \t]*$")
_MAX_WRAPPED_CELL = 40
_LANDMARK_BEFORE = re.compile(
    r"\b(?:at|near|by|beside|behind|opposite|outside|under|below|above)(?: the)? $", FLAGS
)
_CELL = r"(?:\d{1,3}(?:\.\d{1,2})?|[-\u2013]|n/?r)"
_NUMBERS_ONLY = re.compile(rf"[ \t]*(?:{_CELL}[ \t]+){{1,11}}{_CELL}[ \t]*")
_MIN_WRAPPED_DAYS = 3


class CodedRowScan(PositionalRows):
    """The scan's reader of coded rows, and of rows led by a room's number, under a line of days;
    and of a visit's readings given by position in the order of the visit before."""

    _meter: str | None
    goals: list[Goal]
    _pending_label: str
    _in_readings: bool

    def _layout_row_drafts(
        self, line: Line, anchor: date | None, scales: Scales
    ) -> list[ReadingDraft] | None:
        """The readings of a row these layouts read; None when the line is none of theirs."""
        if self._wrapped_label(line.text):
            return []
        wrapped = self._wrapped_row(line, anchor, scales)
        if wrapped is not None:
            return wrapped
        # (a visit's values by position were tried first, by the scan's point rereads)
        return self._coded_row_drafts(line, anchor, scales)

    def _wrapped_label(self, text: str) -> bool:
        """ "4 Corridor B" / "Drywall at" / "Exam 4 door, 4" / "in." / "48 22 13 12": a PDF row's
        label cell wrapped over several lines, one ending in a height whose unit wrapped onto the
        next. A short line with one number, after label lines, in a table of several days is more
        of the label; its number is no reading. Kept as the label the row's numbers take."""
        rows = self._rows
        if rows is None or rows.columns is None or not self._pending_label or not self._in_readings:
            return False
        days = sum(column.kind == "date" for column in rows.columns)
        if days < _MIN_WRAPPED_DAYS or len(text) > _MAX_WRAPPED_CELL or " | " in text:
            return False
        if _HEIGHT_WRAPPED.search(text) is None or len(numbers_in(text, rows.dates)) != 1:
            return False
        self._pending_label = f"{self._pending_label} {text}"
        self.__dict__["_label_wrapped"] = True
        return True

    def _wrapped_row(self, line: Line, anchor: date | None, scales: Scales) -> list[ReadingDraft] | None:
        """The numbers that end a row whose label wrapped that way: read in the room the label
        starts with ("4 Corridor B Drywall at Exam 4 door, 4 in." is the corridor's; the exam room
        is only where on the wall)."""
        if not self.__dict__.get("_label_wrapped") or self._rows is None or not self._pending_label:
            self.__dict__["_label_wrapped"] = False
            return None
        if not _NUMBERS_ONLY.fullmatch(line.text):
            return None  # ("in.": more of the label, which the scan keeps)
        label, self.__dict__["_label_wrapped"] = self._pending_label, False
        found = self._rows.word_row(f"{label} {line.text}", anchor)
        named = room_mentions(label)
        rooms = [room for room in named if not _LANDMARK_BEFORE.search(label[: room.start])]
        if not found or not named:
            return None  # (a label naming no room: the scan places the row as any other)
        self._pending_label = ""
        if not rooms:
            return []  # ("Drywall at Exam 4 door": a room the point is only by; its own room wrapped away)
        found = [replace(reading, start=0, end=0) for reading in found]
        return self._row_drafts(
            line, self._resolve(rooms[0]), label, found, scales, REFERENCE_WORD.search(label)
        )

    def _coded_row_drafts(self, line: Line, anchor: date | None, scales: Scales) -> list[ReadingDraft] | None:
        """The readings of a coded row in the room its code stands for; None when the line is no
        such row (the other readers then read it)."""
        text, rows = line.text, self._rows
        if rows is None or rows.columns is None or " | " in text:
            return None
        if sum(column.kind == "date" for column in rows.columns) < _MIN_DAYS:
            return None
        lead = _CODED_ROW.match(text) or _NUMBERED_ROW.match(text)
        if lead is None:
            return None
        found = rows.word_row(text, anchor)
        if not found:
            return None
        words = text[lead.end() : found[0].start]
        if REFERENCE_WORD.search(words):
            return None  # a dry standard's row: read the usual way
        if lead.re is _NUMBERED_ROW:
            room = self._numbered_room(lead.group("number"))
        elif lead.group("letters") in _NO_ROOM_LETTERS or room_mentions(words):
            return None  # a point's code, or a row that names its room: read the usual way
        else:
            room = self._room_of_letters(lead.group("letters"))
        if room is None:
            return None
        return self._row_drafts(line, room, words, found, scales)

    def _row_drafts(
        self,
        line: Line,
        room: Mention,
        words: str,
        found: list[RowReading],
        scales: Scales,
        reference: object = None,
    ) -> list[ReadingDraft]:
        material = row_material(words)
        key = material.key if material else None
        # (the block's scale for the material, else the one the notes named for it, else the block's)
        document = self._document_scales
        scale = scales.by_material.get(key or "") or document.by_material.get(key or "") or scales.general
        drafts = []
        for reading in found:
            unit = reading.unit or explicit_scale(words) or scale or "%"
            if reading.role == "goal":
                self.goals.append(Goal(key, unit, reading.value))
                continue
            unit = wide_scale(reading.value, unit, scales, document)
            if reading.value > MAX_PERCENT and unit != "REL":
                continue  # "230" is a reading only on a relative scale
            drafts.append(
                ReadingDraft(
                    location=self._name(room),
                    material=material,
                    value=reading.value,
                    unit=unit,
                    meter=self._meter,
                    taken_on=reading.taken_on,
                    is_reference=bool(reference),
                    said_dry=reading.said_dry,
                    source=line.span(),
                )
            )
        return drafts

    def _room_of_letters(self, letters: str) -> Mention | None:
        """The one affected room whose initials the code's letters are ("L" the Laundry room, "MB"
        the Master bedroom), or None when none or several are."""
        wanted = letters.lower()
        found = [key for key, area in self.areas.items() if wanted in _initials(area.room)]
        if len(found) != 1:
            return None
        return Mention(key=found[0], name=self.areas[found[0]].room, start=0, end=0)

    def _numbered_room(self, number: str) -> Mention | None:
        """The room the notes give by this number ("Room 112", "Suite 305"): its affected area when
        one is named by it, else the room by its number; None when the notes number no such room."""
        if number not in self.__dict__.get("_room_numbers", frozenset()):
            return None
        for key, area in self.areas.items():
            if number in _WORD_OR_NUMBER.findall(area.room):
                return Mention(key=key, name=area.room, start=0, end=0)
        return Mention(key=f"room {number}", name=f"Room {number}", start=0, end=0)
