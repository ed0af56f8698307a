"""The room of a table row whose place cell names no room outright: the one affected room its
fixture stands in ("Floor under the dishwasher": the kitchen), or the room whose side of a wall it
was read on ("Partition base, bathroom side", when no other room is named)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from chalicelib.analysis.offline.reading_row_parts import WHERE_WORDS
from chalicelib.analysis.offline.readings import materials_in
from chalicelib.analysis.offline.spaces import Mention, room_mentions


def unnamed_row_place(
    label: str,
    side: Mention | None,
    affected: Collection[str],
    resolve: Callable[[Mention], Mention],
    fixture_room: Callable[[str], Mention | None],
) -> Mention | None:
    """The affected room a table row's words point to without naming it as the place; None when
    they point to none, or to more than one."""
    if side is not None:
        # ("bath drywall, laundry side" names the bath as the place: only a side alone is the room)
        others = [m for m in room_mentions(label) if m.key != side.key]
        room = resolve(side)
        return room if not others and room.key in affected else None
    return fixture_room(label)


# A PDF row's point code before its words ("4 Lab 47 drywall", "R1 Lobby drywall"), and the scale
# or the cells a row may end with
_ROW_CODE = re.compile(r"\s*(?:[A-Z]{0,3}-?\d{1,3}[A-Za-z]?|[A-Z]{1,3})\s+")
_MAX_ROOM_WORDS = 4


def leading_room_words(label: str) -> str | None:
    """A PDF table row's Room cell, when its header titles the room's column first ("Pt Room
    Material 11/29 ..." over "1 Pharaoh's Tomb plywood wall panel %MC 31 24 16"): the words after
    the point's code and before the first word of a material or a surface. The cells lost their
    bars in the PDF's text, so only a material or a surface word can end the room's; None when
    none does, or the words are more than a name."""
    code = _ROW_CODE.match(label)
    words = label[code.end() :] if code is not None else label
    cut = WHERE_WORDS.search(words)
    materials = materials_in(words)
    ends = [
        found
        for found in (cut.start() if cut else None, materials[0].start if materials else None)
        if found is not None
    ]
    if not ends:
        return None
    room = words[: min(ends)].strip(" ,-:(")
    if not room or len(room.split()) > _MAX_ROOM_WORDS or not room[0].isupper():
        return None
    # ("Green Room pine skirting": a name in capitals, then a word of the material's; "Game
    # master booth drywall" is a name in sentence case, all of it)
    titled = _TITLED.match(room)
    return titled.group(0) if titled is not None else room


# two or more words of a name, each with a capital or a number: "Green Room", "Lab 47", "Bay 3B"
_TITLED = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+(?:[A-Z][\w'\u2019-]*|\d{1,4}[A-Za-z]?))+(?=\s|$)")


def titled_name(name: str) -> bool:
    """Whether a Room cell's words are a name in capitals ("Pharaoh's Tomb", "Lab 47"): a space of
    its own, not a part of a room written in sentence case ("Chimney breast", a wrapped row's rest)."""
    return _TITLED.fullmatch(name) is not None
