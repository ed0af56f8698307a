"""Counts the notes sum up themselves: a line giving the most on site at once ("Most on site at
once: 7 air movers, 2 dehumidifiers", "Peak: 12 AMs"), and a total beside its breakdown ("10 air
movers (Studio B 8 AM; corridor 2 AM)", "five air movers: one in the laundry, two in the kitchen and
two in the hall"). Replayed as placements of their own, these would double the count."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from chalicelib.analysis.findings import EquipmentKind
from chalicelib.analysis.offline.text import FLAGS

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
