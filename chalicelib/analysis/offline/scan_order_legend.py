"""The scan's memory of a legend that gives the order of the values told after it ("same order
each day - laundry wall, laundry subfloor, hall baseboard:"): a visit's line of values alone reads
those places, position by position, when the legend came after the last line of readings."""

from __future__ import annotations

import re
from collections.abc import Callable

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.reading_order_legend import (
    item_scale,
    numbered_legend,
    order_legend,
    says_order_above,
)
from chalicelib.analysis.offline.reading_scales import Scales
from chalicelib.analysis.offline.reading_where import UNSPECIFIED_LOCATION
from chalicelib.analysis.offline.readings import ReadingDraft, materials_in
from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import Line

_COMPARISON = re.compile(
    r"\b(?:comparison|compare|dry (?:std|standard)|reference|ref|baseline|unaffected)\b", re.IGNORECASE
)


_AT_DOOR = re.compile(r"(?:'s)?\s+(?:door(?:way)?|entry|threshold)\b", re.IGNORECASE)
# A fitting a spot is read by: where its room is not settled ("underlay by the tap" with a kitchen and
# a laundry affected) the spot is by that fitting, wherever the spot before it was
_FITTING = re.compile(
    r"\b(?:taps?|sinks?|basins?|tubs?|troughs?|showers?|toilets?|baths?|vanity|fridge|refrigerator"
    r"|dishwasher|washer|dryer|oven|cooktop|heater|cylinder|machine)\b",
    re.IGNORECASE,
)


class OrderLegendScan:
    """RoomScan keeps the state these methods read: the meter, the scales and the rooms."""

    _meter: str | None
    _row_scales: Callable[[], Scales]
    _document_scales: Scales
    _resolve: Callable[[Mention], Mention]
    _name: Callable[[Mention | None], str]
    _label_place: Callable[[str], str]
    areas: dict[str, AreaDraft]
    _fixture_room: Callable[[str], Mention | None]
    _in_reference_room: Callable[[Mention | None], bool]

    def _note_order_legend(self, line: Line) -> None:
        # (a line saying the order and ending with a colon: the list is the next line)
        said_above = self.__dict__.get("_order_said_above") == line.number - 1
        items = order_legend(line.text, said_above) or numbered_legend(line.text)
        if items is not None:
            self.__dict__["_order_legend"] = (line.number, items)
        elif says_order_above(line.text):
            self.__dict__["_order_said_above"] = line.number

    def _legend_places(self, count: int, since: int) -> list[ReadingDraft] | None:
        """The legend's places as drafts (their values to be given), when it lists `count` places
        and was written after line `since` (the last line that gave readings)."""
        legend: tuple[int, list[str]] | None = self.__dict__.get("_order_legend")
        # (the legend goes on giving the order while the lines under it are read by it alone)
        read_by_it = self.__dict__.get("_order_legend_read") == since
        # (readings on the legend's own line came before it: "... (11 for the hallway wall). The
        # numbers for the wet spots, in the order he read them (...):" closes its line)
        if legend is None or (legend[0] < since and not read_by_it) or len(legend[1]) != count:
            return None
        drafts = []
        before: Mention | None = None
        for item in legend[1]:
            # ("skirting at my bedroom door": a room whose door marks the spot is not where it is)
            rooms = [room for room in room_mentions(item) if _AT_DOOR.match(item, room.end) is None]
            # ("dishwasher side wall": the one affected room its fixture stands in)
            fixture = None if rooms else self._fixture_room(item)
            place = self._resolve(rooms[0]) if rooms else fixture
            if (
                place is None
                and before is not None
                and before.key in self.areas
                and not _FITTING.search(item)
            ):
                # ("middle of the kitchen, island end, by the back door, dining ...": a walk round the
                # points goes room by room, so a spot that names no room is in the affected room of
                # the spot before it, as a point legend's line is in the room of the line above)
                place = before
            before = place
            # An item the notes tie to no room, first in the list ("sink wall" with a kitchen and a
            # laundry affected), is left unplaced, its value not read. With one room, it is that.
            location = (
                self._name(place)
                if place is not None
                else self._label_place(item)
                if len(self.areas) <= 1
                else UNSPECIFIED_LOCATION
            )
            materials = materials_in(item)
            material = materials[-1] if materials else None
            # (where the notes give each material its scale, one they give none is not the others')
            named = self._document_scales.by_material
            key = material.key if material else None
            unit = (
                item_scale(item) or (named.get(key) if named and key else self._row_scales().general) or "%"
            )
            drafts.append(
                ReadingDraft(
                    location=location,
                    material=material,
                    value=0.0,
                    unit=unit,
                    meter=self._meter,
                    taken_on=None,
                    # ("then the lounge last as his comparison": a room called unaffected, or an
                    # item its words call the dry standard, is the standard's point)
                    is_reference=self._in_reference_room(place) or _COMPARISON.search(item) is not None,
                    said_dry=None,
                    source=Line(legend[0], item, item).span(),
                )
            )
        return drafts
