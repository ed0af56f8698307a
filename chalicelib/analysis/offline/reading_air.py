"""Atmospheric readings as the scan meets them: temperature, RH and GPP grouped per place, each
placed in the affected or unaffected room, outside or at a dehumidifier."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from chalicelib.analysis.findings import AtmosphericReading
from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.atmosphere import (
    AIR_PLACE,
    AirToken,
    air_place,
    air_room,
    air_tokens,
    atmospheric,
)
from chalicelib.analysis.offline.spaces import ROOM_PATTERN, Mention
from chalicelib.analysis.offline.text import Line

_UNSPECIFIED_LOCATION = "unspecified"


class AirScan:
    """The scan's air readings: RoomScan keeps the state these methods read and write."""

    areas: dict[str, AreaDraft]
    air: list[AtmosphericReading]
    _context: Mention | None

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
