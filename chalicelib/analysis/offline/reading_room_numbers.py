"""Rooms written by their number alone in a hotel's, motel's or office block's notes ("112 ceiling
drywall: 100" for Room 112, "204 carpet 88" for Suite 204): once the notes have named the room in
full ("Room 112", "Suite 204"), inspectors write the number as the room."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS

# a room number leading a label: three or four digits ("112", "1204"), then the spot's words,
# never a unit or a value ("112 %", "112.5", "112 sq ft")
_LEAD_NUMBER = re.compile(
    r"[\s\-*\u2022]{0,4}(?P<number>\d{3,4})(?![\w.%/])(?! ?(?:sq|ft|m2|mm|in|x)\b)(?= ?[a-z(])", FLAGS
)
# the same at the start of a line or of a list's item ("...: 12; 112 east wall: 14")
_ITEM_NUMBER = re.compile(
    r"(?:^|(?<=[;,]))[\s\-*\u2022]{0,4}(?P<number>\d{3,4})(?![\w.%/])(?! ?(?:sq|ft|m2|mm|in|x)\b)(?= [a-z(])",
    FLAGS,
)
# a space called by its number: "Room 112", "Suite 204", "Unit 305", "Apt 1204"
_NUMBERED_SPACE = re.compile(
    r"(?:(?:guest|motel|hotel) )?(?:room|rm|suite|unit|apt|apartment|office|flat|guestroom)\.? ?#?"
    r"(?P<number>\d{3,4})",
    FLAGS,
)


def numbered_room_key(label: str, areas: Mapping[str, AreaDraft]) -> str | None:
    """The one affected space named "Room <n>" (or Suite, Unit, ...) whose number leads the label."""
    lead = _LEAD_NUMBER.match(label)
    if lead is None:
        return None
    number = lead.group("number")
    found = [
        key
        for key, area in areas.items()
        if (named := _NUMBERED_SPACE.fullmatch(area.room.strip())) is not None
        and named.group("number") == number
    ]
    return found[0] if len(found) == 1 else None


def mask_room_numbers(text: str, rooms: frozenset[str]) -> tuple[str, list[tuple[int, str]]]:
    """The line with each room number that leads an item blanked (so it is read as no value and no
    point), and where each was: only numbers the notes gave a room by ("Room 112")."""
    if not rooms:
        return text, []
    leads = [
        (found.start("number"), found.group("number"))
        for found in _ITEM_NUMBER.finditer(text)
        if found.group("number") in rooms
    ]
    characters = list(text)  # (blanked in one pass: linear however many items the line has)
    for start, number in leads:
        characters[start : start + len(number)] = " " * len(number)
    return "".join(characters), leads


def with_room_numbers(readings: Sequence[RowReading], leads: Sequence[tuple[int, str]]) -> list[RowReading]:
    """Each reading's label led again by the room number of its item (the nearest before it, when
    no other reading stands between)."""
    if not leads:
        return list(readings)
    starts = [start for start, _ in leads]
    out = []
    previous_end = 0
    for reading in readings:
        # (the nearest lead before the reading: bisected, so a long line stays linear)
        index = bisect_left(starts, reading.start) - 1
        number = leads[index][1] if index >= 0 and leads[index][0] >= previous_end else None
        out.append(replace(reading, label=f"{number} {reading.label.strip()}") if number else reading)
        previous_end = reading.end
    return out


def lead_mentions(leads: Sequence[tuple[int, str]]) -> list[Mention]:
    """The rooms the blanked numbers name, where they stood, as the line's own room words: so a dry
    standard's "110 baseboard (dry std): 10" is Room 110's, not the room the notes were on."""
    found = []
    for start, number in leads:
        named = next(iter(room_mentions(f"Room {number}")), None)
        if named is not None:
            found.append(replace(named, start=start, end=start + len(number)))
    return found


def numbered_items(
    text: str,
    numbers: frozenset[str],
    rooms: Sequence[Mention],
    read: Callable[[str], list[RowReading]],
) -> tuple[list[RowReading], Sequence[Mention]]:
    """A block line's readings, read with its items' room numbers blanked ("112 ceiling: 100"),
    each label led by its number again, and the line's rooms with the numbered rooms added."""
    masked, leads = mask_room_numbers(text, numbers)
    if not leads:
        return read(text), rooms
    found = with_room_numbers(read(masked), leads)
    return found, sorted([*rooms, *lead_mentions(leads)], key=lambda room: room.start)
