"""Counts the notes sum up or correct themselves: a line giving the most on site at once ("Most on site at
once: 7 air movers, 2 dehumidifiers", "Peak: 12 AMs"), and a total beside its breakdown ("10 air
movers (Studio B 8 AM; corridor 2 AM)", "five air movers: one in the laundry, two in the kitchen and
two in the hall"). Replayed as placements of their own, these would double the count."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from chalicelib.analysis.findings import EquipmentKind
from chalicelib.analysis.offline.equipment_words import COUNT_BEFORE, kind_of
from chalicelib.analysis.offline.text import FLAGS, Line, count_word

PEAK = re.compile(
    r"\b(?:most|max(?:imum)?|peak)(?: (?:equipment|units?|number|count))?"
    r"(?: (?:on ?site|in use|running|set))?"
    r"(?: (?:at (?:once|one time|any (?:one )?time)|at the same time|simultaneously))?\s*[:=-]"
    r"|\b(?:most|max(?:imum)?) (?:on ?site|in use|running) at (?:once|one time|any (?:one )?time)\b",
    FLAGS,
)


def is_peak_line(text: str) -> bool:
    return PEAK.search(text) is not None


class _Count(Protocol):
    @property
    def kind(self) -> EquipmentKind: ...
    @property
    def quantity(self) -> int: ...
    @property
    def mode(self) -> str: ...
    @property
    def room(self) -> str | None: ...


CountT = TypeVar("CountT", bound=_Count)
_PLACED = ("set", "add")


def without_breakdowns(events: Sequence[CountT]) -> list[CountT]:
    """One line's placements with a total's breakdown dropped: where one count of a kind, with no
    room, equals the sum of at least two others of that kind, those others are its parts."""
    dropped: set[int] = set()
    for kind in {event.kind for event in events}:
        placed = [index for index, event in enumerate(events) if event.kind == kind and event.mode in _PLACED]
        if len(placed) < 3:
            continue
        whole = sum(events[index].quantity for index in placed)  # (one sum: a long line stays linear)
        # (the total names no room: "three air movers in the hallway, one in the closet and two in
        # the bedroom" is three parts, whatever they add up to)
        total = next(
            (index for index in placed if events[index].room is None and 2 * events[index].quantity == whole),
            None,
        )
        if total is not None:
            dropped.update(index for index in placed if index != total)
    return [event for index, event in enumerate(events) if index not in dropped]


# "They set up four fans - sorry, I just counted in the photos, it was three fans": the count after
# the correction replaces the one before it.
CORRECTION = re.compile(
    r"\b(?:sorry|I mean|I meant|actually|correction|make that|rather|scratch that"
    r"|my mistake)\b",
    FLAGS,
)
_CORRECTION_REACH = 80


# ("3 air movers rather than 5": the count after "rather than" is the one set aside, not a correction)
_RATHER_THAN = re.compile(r"\brather than\b", FLAGS)


def _corrects(between: str) -> bool:
    """Whether the words between two counts of a kind say the second corrects the first."""
    return any(
        not (match.group(0).lower() == "rather" and _RATHER_THAN.match(between, match.start()))
        for match in CORRECTION.finditer(between)
    )


def without_corrected(events: Sequence[CountT], text: str) -> list[CountT]:
    """One line's counts with those the writer corrects later in the line dropped."""
    corrected: list[tuple[EquipmentKind, int]] = []
    # (each count against the next one of its kind: "4 AM + 1 dehu... actually 3 AM" corrects the 4)
    last: dict[EquipmentKind, re.Match[str]] = {}
    for second in COUNT_BEFORE.finditer(text):
        second_kind = kind_of(second)
        if second_kind is None:
            continue
        first = last.get(second_kind[0])
        last[second_kind[0]] = second
        if first is None:
            continue
        between = text[first.end() : second.start()]
        if len(between) <= _CORRECTION_REACH and _corrects(between):
            corrected.append((second_kind[0], count_word(first.group("n").lower())))
    # (by kind and count, each correction drops one placement: a line of many stays linear)
    pending: dict[tuple[EquipmentKind, int], int] = {}
    for key in corrected:
        pending[key] = pending.get(key, 0) + 1
    kept = []
    for event in events:
        key = (event.kind, event.quantity)
        if event.mode in _PLACED and pending.get(key):
            pending[key] -= 1
            continue
        kept.append(event)
    return kept


def stated_peaks(lines: Sequence[Line]) -> dict[EquipmentKind, tuple[int, Line]]:
    """Per kind, the count a summing-up line gives (the last such line wins)."""
    peaks: dict[EquipmentKind, tuple[int, Line]] = {}
    for line in lines:
        lead = PEAK.search(line.text)
        if lead is None:
            continue
        for match in COUNT_BEFORE.finditer(line.text, lead.end()):
            kind = kind_of(match)
            quantity = count_word(match.group("n").lower())
            if kind is not None and quantity:
                peaks[kind[0]] = (quantity, line)
    return peaks
