"""Readings written as "place value" parts on one line, as moisture maps and lists give them: a
map's row ("A - kitchen wall behind fridge, 100 mm above floor - 38 W"), a list of places and
readings ("17/01: laundry 17 / hall 14 / bed 2 13"), a dotted-leader row ("Kitchen wall ........
22"), and later re-reads by point ("A 19, C 18, D 15"). RowReader reads its other layouts (tables
with a header) and takes these from here."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import pairwise

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_numbers import (
    MEASURE_AFTER,
    SCALE_AFTER,
    Number,
    numbers_in,
    said_dry,
    scale_name,
    strip_dates,
)
from chalicelib.analysis.offline.reading_part_dates import date_parts
from chalicelib.analysis.offline.reading_row_parts import (
    AIR_WORDS,
    RowReading,
    carry_surfaces,
    colon_series,
    dated_groups,
    describes_place,
    outside_equipment_counts,
    scaled_parts,
)
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS, collapse

EQUIPMENT_WORDS = re.compile(
    r"\b(?:air ?movers?|ams?|fans?|dehu\w*|lgrs?|desiccants?|scrubbers?|afds?|hepa|blowers?|heaters?"
    r"|set|placed|pulled|removed|added|running"
    # a floor-drying system's mats or panels ("floor-drying mat panels: 4, then 6"): counted, not read
    r"|(?:drying|suction|vacuum) (?:mats?|panels?)|mat panels?|mat systems?)\b",
    FLAGS,
)
# A drying unit's word that only says where the point is ("plasterboard behind heater", "floor by
# the fan"), or a fixture's ("water heater"): the row is still a surface's reading.
_LANDMARK_LEAD = re.compile(
    r"(?:\b(?:behind|under|beside|by|near|next to|above|below|at)(?: the)?|\bwater|\bhot water) $", FLAGS
)
_UNIT_AIR = re.compile(r"\s(?:inlet|outlet|exhaust|intake|discharge|return|supply)\b", FLAGS)
_LANDMARK_LOOK = 20  # the words before an equipment word looked at (bounded)


def names_equipment(label: str) -> bool:
    """Whether a row's label names drying equipment (its reading is the unit's, not a surface's)."""
    return any(
        not _LANDMARK_LEAD.search(label[max(0, found.start() - _LANDMARK_LOOK) : found.start()])
        or _UNIT_AIR.match(label, found.end()) is not None  # ("at the dehu outlet": its air)
        for found in EQUIPMENT_WORDS.finditer(label)
    )


# The title of a table's label column when its rows are units on site, not points read ("Equipment |
# Nov 21 | Nov 22", "Units on site | Day 1 | Day 2"): its numbers are counts of units, never readings.
_EQUIPMENT_TITLE = re.compile(
    # (not a bare "Unit": in a block of flats that column names the flat)
    r"(?:drying )?(?:equipment|equip\.?|plant)(?: (?:on site|count|placed|log|in use))?"
    r"|units? (?:on site|placed|in use)",
    FLAGS,
)


def heads_equipment(cells: list[str]) -> bool:
    """Whether a table's header row titles a table of equipment counts by day."""
    first = collapse(cells[0]) if cells else ""
    return bool(first) and (
        _EQUIPMENT_TITLE.fullmatch(first) is not None or EQUIPMENT_WORDS.fullmatch(first) is not None
    )


POINT_ID = re.compile(
    # ("Pt 4 corridor concrete = 62": the word for a point, as written at a line's start, capitalised;
    # "Loc 5 - storage room, drywall ...: 41": a surveyor's location by its number)
    r"^[\s\-*\u2022>]*(?:(?:(?i:pt|point|loc|location|spot)|#|no\.?|ref|mp)\.? ?)?"
    # ("F5-1 Flat 5 hall wall", "MP-3 ...", "STD-2 bed 1 wall": a code whose parts a hyphen joins,
    # a unit's or a series' letters then the point's number, is one point, not "F5" for all its rows)
    # ("DS1 180 - - 185", "MP12 hall wall": a code of two or three letters and its number)
    r"(?P<id>[A-Z]{1,4}\d{0,2}-\d{1,2}(?![\d.-])|[A-Z]|[A-Z]{0,3}\d{1,2})"
    # ("2 m along 22", "0.5 m out 690": a distance along the surface, not a point's number)
    r"(?!\.\d| ?(?:mm|cm|m|ft|feet)\b)"
    # ("12 REF front room - skirting": a numbered point may be followed by a capital)
    # ("A WME 33 26 20": a code, then the row's scale column)
    # ("P1 Kitchen - toe kick": a numbered point, its room, then a dash)
    r"(?:[ \t]*[-\u2013:.)=]|[ \t]{2,}|[ \t](?=[a-z])"
    r"|(?<=\d)[ \t](?=[A-Z]{2,}\d? |[A-Z][a-z]+ (?:[a-zA-Z]|[-\u2013] ))"
    # ("F9-1 Flat 9 kitchen": a point, then a space by its name and number)
    r"|(?<=\d)[ \t](?=[A-Z][a-z]+ +\d{1,4} +[a-z])"
    r"|[ \t](?=(?:WME|REL|% ?MC|%)(?: |$))|[ \t]*$"  # ("A": a grid row's label is its code alone)
    # ("F5-1 Flat 5 kitchen ceiling": a hyphen-joined code is no word, whatever its place starts with)
    r"|(?<=\w-\d)[ \t]|(?<=\w-\d\d)[ \t])",
    re.ASCII,
)
_LETTERS = re.compile(r"[A-Z]{2}")


def point_id(text: str) -> re.Match[str] | None:
    """The point's ID a row or a part opens with (POINT_ID); None for a room's shorthand written like
    one ("BR2 drywall hall wall 31%": bedroom 2, no point "BR2")."""
    match = POINT_ID.match(text)
    if match is not None and _LETTERS.match(match.group("id")) and room_mentions(match.group("id")):
        return None
    return match


_PAIR = re.compile(
    r"(?<![\w.])(?P<id>[A-Z]|[A-Z]?\d{1,2}|R\d{1,2})\b ?[-:=]? ?(?P<value>\d{1,3}(?:\.\d{1,2})?)", re.ASCII
)
_SEGMENT_BREAK = re.compile(
    r"(?<!\d)[,;](?!\d)|(?<=\d)[,;]|\s/\s|\s->\s|\.\s+(?=[A-Z])|\s\u2013\s(?=\D)"
    # ("hall ceiling 38 > 26 > 15": an arrow between two values is a trend's, no threshold's)
    r"|(?<=[\d%])\s?(?:>|\u2192)\s?(?=\d)"
    # ("... along 22 ref - bed 2 skirting 11": a dry standard's item, its line run on after a value)
    r"|(?<=\d)\s(?=(?:ref|dry ?std|dry standard)\s?[-:]\s)"
    # ("spare room skirting 31 - lounge wall 140 and lounge skirting 13": after a value, a dash or
    # "and" before the next place's words parts two items)
    # (not a sentence going on: "read 34 and over the linen press 28", "41 and the middle 22")
    r"|(?<=\d)\s(?:-|and|&)\s(?!(?:the|a|an|over|at|in|on|by|near|under|from|to|then|was|is|were|it|its"
    r"|his|her|their|our|my|still|down|up|now|all|both|each|every|also|after|before|when)\b)"
    r"(?=[a-z][a-z ]{1,40}\d)",
    FLAGS,
)
_MAX_LABEL = 120  # a row's words before its number; keeps every look bounded
# A line's first part with no value, one word that leads its first item's words ("- Oak,")
_LEAD_WORDS = re.compile(r"[\s\-*\u2022]*[A-Za-z][a-z]+\s*", re.ASCII)
# A lettered code right after a colon, right before the value: "... again: K1 19", "goal: STD-D 9"
_COLON_CODE = re.compile(
    r":\s+(?P<id>(?:STD|REF|DS)-[A-Z]{1,2}|[A-Z]{1,3}-?\d{1,2}[A-Za-z]?)\s?[:=]?\s?$", re.ASCII
)


_VALUE_AFTER_BRACKET = re.compile(r"\)\s*[:=\-\u2013]?\s*\d")


def _in_brackets(text: str, position: int) -> bool:
    """Whether `position` is among a bracket's words, inside a bracket that closes later on the line:
    "study wall pb (downstairs, front) 8 %" is one item, its bracket's comma no break; not so a
    bracket of readings, "all at std (laundry L 13, R 12, hall 12)", whose commas part its items."""
    opened = text.rfind("(", 0, position)
    closed = text.find(")", position)
    return (
        opened >= 0
        and text.rfind(")", opened, position) < 0
        and closed >= 0
        and _DIGIT.search(text, opened, position) is None
        # (only a bracket the item's value follows: "(pins, WME): family room wall 28" is a meter's
        # bracket leading the items, its comma a break as before)
        and _VALUE_AFTER_BRACKET.match(text, closed) is not None
    )


_LEADER = re.compile(r"\.{3,}|\u2026+|_{3,}")
# "Pt 6 sales floor concrete, aisle 7 end = 31": what follows "=" is the part's reading; a number
# in the words before it names a place ("aisle 7")
_EQUALS_BEFORE = re.compile(r"=[ \t]*$")
# What a leader row's run may hold between its values: separators, scales, a visit's day (taken
# out before), who read it ("restorer", "mine"), "then", "not read": a word or two, no sentence.
_RUN_GAP = re.compile(
    r"[\s,;|/:>\-\u2013\u2192()]*(?:(?:%\s?MC|%|WME|REL|MC)\b[\s,;|/:>\-\u2013\u2192()]*)?"
    r"(?:[a-z]{2,12}[\s,;|/:>\-\u2013\u2192()]*){0,2}",
    FLAGS,
)
_MIN_RUN = 2
# Between a leader row's visits: a dash, slash or bar with spaces, or a comma or semicolon.
_SLOT_GAP = re.compile(r"\s+[-\u2013/|]\s+|\s*[;,]\s*")
_DIGIT = re.compile(r"\d")
_CODED = re.compile(r"[A-Z]\d{1,2}")  # (a code of a letter and a number, no list item's number)
# A visit's day that leads its line of points ("20/10  L1 GIB 35 / L2 ..."), before the first code
_LEAD_DAY = re.compile(r"[\s\-*\u2022>]*\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?:?[ \t]+(?=[A-Z]{1,2}\d{1,2}\b)")
# A leader row's dry standard named by its role in capitals ("REF lounge ...... 11 -> 11", "STD bed 2
# ..... 12"): the role is the point's code too (re-read later as "REF 11"), and stays in its words
_ROLE_CODE = re.compile(r"[\s\-*\u2022>]*(?P<id>REF|STD|DS)[ \t]*[:.=\-]?[ \t]+(?=[a-z])", re.ASCII)


class SegmentReader:
    """The "place value" layouts of RowReader: the points a map has named are kept in `points`."""

    dates: Dates
    points: dict[str, str]

    def _dated_groups(self, text: str, anchor: date | None) -> list[RowReading]:
        """ "Showroom wall: 31, 28 (18/10); 18, 16 (20/10)": each group on the day after it."""
        found = dated_groups(text, self.dates, anchor)
        return [] if found and names_equipment(found[0].label) else found

    def pairs(self, text: str, taken_on: date | None) -> list[RowReading]:
        """Re-reads by point ("A 19, C 18", "1 - 55, 3 - 40"): only points the map has named."""
        found = []
        for match in _PAIR.finditer(text):
            point = match.group("id")
            if point not in self.points:
                continue
            value_end = match.end("value")
            scale = SCALE_AFTER.match(text, value_end)
            if MEASURE_AFTER.match(text, value_end) and not scale:
                continue
            found.append(
                RowReading(
                    label=self.points[point],
                    value=float(match.group("value")),
                    unit=scale_name(scale.group("scale")) if scale else None,
                    role="reading",
                    taken_on=taken_on,
                    said_dry=said_dry(text, scale.end() if scale else value_end),
                    point=point,
                    start=match.start("value"),
                    end=value_end,
                )
            )
        return found if len(found) >= 2 else []

    def segments(self, text: str, taken_on: date | None, *, in_block: bool) -> list[RowReading]:
        """A line of "label value" parts: a map's row, or a list of places and readings."""
        if (leader := _LEADER.search(text)) is not None and (
            run := self._leader_run(text, leader, taken_on, in_block=in_block)
        ):
            return run
        if _LEADER.search(text):
            text = _LEADER.sub(lambda leader: " " * len(leader.group(0)), text)  # offsets stay the line's
        if series := self._dated_groups(text, taken_on) or colon_series(text, taken_on):
            return series  # "Bedroom 1 wardrobe wall, at 100, 300 and 600 mm: 28, 31 and 26."
        point_match = point_id(text)
        if point_match:  # "1. Extracted the carpet": the item's number is not a reading
            text = " " * point_match.end() + text[point_match.end() :]
        numbers = outside_equipment_counts(text, numbers_in(text, self.dates))
        if not numbers:
            return []
        if in_block and len(numbers) == 1:
            readings = self._segment(text, numbers, taken_on)  # a map's row: commas in its words
        else:
            readings = []
            start, index = 0, 0
            breaks = [
                match for match in _SEGMENT_BREAK.finditer(text) if not _in_brackets(text, match.start())
            ]
            for match in [*breaks, None]:
                end = match.start() if match else len(text)
                first = index
                while index < len(numbers) and numbers[index].start < end:
                    index += 1
                for part_start, part in scaled_parts(text, numbers[first:index], start):
                    readings += self._segment(text, part, taken_on, part_start)
                if first == index and start == 0 and _LEAD_WORDS.fullmatch(text, 0, end):
                    continue  # ("- Oak, island end (P1): 28 WME": the line's lead word is its first item's)
                start = match.end() if match else len(text)
        readings = date_parts(text, carry_surfaces(readings), taken_on, self.dates)
        if point_match and len(readings) == 1:
            point = point_match.group("id")
            if in_block and describes_place(readings[0].label):
                self.points.setdefault(point, readings[0].label)
            readings = [replace(readings[0], point=point)]
        elif (
            point_match
            and readings
            and readings[0].point is None
            and _CODED.fullmatch(point_match.group("id"))
            and describes_place(readings[0].label)
        ):
            # ("- T2 wall shared with laundry 33, T2 far wall 16": the code that opens the line is
            # its first part's, as the second part's own code is that part's; not a sentence about the
            # point, "H2 was keyed in as 51 - typo; 15 is correct")
            readings[0] = replace(readings[0], point=point_match.group("id"))
        return readings

    def _leader_run(
        self, text: str, leader: re.Match[str], taken_on: date | None, *, in_block: bool
    ) -> list[RowReading]:
        """ "MP2  hall GIB, 100 AFF ........ 117 | 71", "B  robe wall ..... 6/11: 88 / 9/11: 52": a
        map's row whose leader parts its place from a run of values, one per visit. Every value
        after the leader is that one place's (a comma or a height before the leader is the place's
        words, no part of its own); a day written before a value is its day. Only a run of two or
        more values with nothing but days, scales, a word or two and separators between them."""
        before, after = text[: leader.start()], text[leader.end() :]
        point = point_id(before)
        words = collapse(before[point.end() :] if point else before).strip(" -:=(,")
        role = _ROLE_CODE.match(before) if point is None else None
        code = point.group("id") if point else role.group("id") if role else None
        numbers = numbers_in(" " * leader.end() + after, self.dates)
        # (one value after the leader is a run too when numbers stand in the place's words: "plinth
        # behind basin 2, pins ...... 28 WME" is basin 2's plinth read 28, no reading of 2)
        if not words or not numbers or (len(numbers) < _MIN_RUN and not _DIGIT.search(words)):
            return []
        gaps = [after[: numbers[0].start - leader.end()]] + [
            text[a.end : b.start] for a, b in pairwise(numbers)
        ]
        gaps.append(text[numbers[-1].end :])
        if not all(_RUN_GAP.fullmatch(strip_dates(self.dates, gap, taken_on)) for gap in gaps):
            return []
        # (a room and a spot in it place a point as well as a surface does: "P2 kitchen middle",
        # "P5 dining 1.5 m in", "STD spare room")
        placed = describes_place(words) or bool(room_mentions(words))
        if not placed or names_equipment(words) or AIR_WORDS.search(words):
            return []
        if code is not None and in_block:
            self.points.setdefault(code, words)  # (read again later by its ID alone)
        run = [
            RowReading(
                label=words,
                value=number.value,
                unit=number.scale,
                role="reference" if role else "reading",
                taken_on=taken_on,
                said_dry=number.said_dry,
                point=code,
                start=number.start,
                end=number.end,
            )
            for number in numbers
        ]
        written = self.dates.find(after, taken_on, yearless_numeric=True)
        preamble: list[date] = getattr(self, "preamble_dates", [])
        slots = [_DIGIT.search(slot) is not None for slot in _SLOT_GAP.split(after.strip())]
        if not written and len(preamble) == len(slots) and sum(slots) == len(run):
            # ("readings 16/11 - 18/11 - 20/11" over "1. Ensuite wall ...... 45 - 28 - 14 %": the
            # block's days, in order; a slot that says the point was not read that day keeps its
            # day from the values after it: "55 - 36 - (cut out)")
            days = iter(day for day, filled in zip(preamble, slots, strict=True) if filled)
            return [replace(reading, taken_on=next(days)) for reading in run]
        return date_parts(text, run, taken_on, self.dates)

    def _segment(
        self, text: str, numbers: list[Number], taken_on: date | None, start: int = 0
    ) -> list[RowReading]:
        number = numbers[-1]
        label = text[max(start, number.start - _MAX_LABEL) : number.start]
        day = _LEAD_DAY.match(label) if start == 0 else None
        label = label[day.end() :] if day else label  # ("20/10  L1 GIB by machine 35": L1's, that day)
        point = point_id(label)
        words = label[point.end() :] if point else label
        code = point.group("id") if point else None
        if code is None and (lead := _COLON_CODE.search(label)) is not None:
            # ("Readings again: K1 19, K3 12", "all at goal: K4 11, K5 13"): the first item of a run
            # of codes a colon leads is its code's, as the items after it are theirs
            code, words = lead.group("id"), label[: lead.start()]
        if names_equipment(words) or AIR_WORDS.search(words):
            return []
        if len(numbers) > 1 and not _EQUALS_BEFORE.search(text, max(start, number.start - 4), number.start):
            return []  # two candidates in one part: a size or a range, not one reading
        # (not "all at goal: K4 11": a state the readings after it are in, no goal's value)
        goal = re.search(r"\b(?:(?<!\bat )goal|target|dried to|dry at|dry when)\b", words, FLAGS)
        return [
            RowReading(
                label=collapse(words).strip(" -:=(,"),
                value=number.value,
                unit=number.scale,
                role="goal" if goal else "reading",
                taken_on=taken_on,
                said_dry=number.said_dry,
                point=code,
                start=number.start,
                end=number.end,
            )
        ]
