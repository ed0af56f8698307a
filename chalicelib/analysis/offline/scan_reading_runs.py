"""Values told again in the order of an earlier telling: after "the bottom plates read 28 in the
rumpus, 26 in the guest bedroom and 31 in the laundry", a later "plates 16, 15 and 18" or "slab 3.6%
and 3.3%" gives the same places in the same order. A run is two or more values in one sentence with
nothing but commas and "and" between them and no room of their own; it takes the places of the
latest group of as many readings, told together in one sentence, of its material when it names one;
or, failing that, of as many readings told one after another in the sentences of one earlier line
("64% on the sink run, 58% by the dishwasher. The family room wall read 41%." then "the walls
read 38%, 33%, 29% and 22%")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.reading_where import UNSPECIFIED_LOCATION
from chalicelib.analysis.offline.readings import ReadingDraft, materials_in
from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS

_SENTENCE_END = re.compile(r"[.;!?](?!\d)")
_RUN_GAP = re.compile(r" ?(?:% ?MC|%|WME|REL)?(?: ?,| and|, and| &) ?", FLAGS)
_MAX_GROUPS = 24  # sentences' groups remembered (bounded)
_MAX_RUN = 8
_Group = tuple[str | None, list[str], int | None]  # a sentence's readings: material, places, line


class ReadingRunScan:
    """RoomScan keeps the state these methods read: the readings so far and the rooms."""

    readings: list[ReadingDraft]
    _context: Mention | None
    room_right_after: Callable[[str, int], Mention | None]
    _area_by_word: Callable[[str], Mention | None]

    def _run_places(self, text: str, found: Sequence[RowReading]) -> dict[int, str]:
        """For each reading of a run, by its index in `found`, the place of the earlier group."""
        places: dict[int, str] = {}
        groups: list[_Group] = self.__dict__.get("_reading_groups", [])
        if self._context is not None and self._context.heading_only:
            return places  # (under a room's heading, a run is that room's)
        for run in _runs(text, found):
            first = found[run[0]]
            if room_mentions(first.label) or self._area_by_word(first.label) is not None:
                continue
            if any(self.room_right_after(text, found[index].end) is not None for index in run):
                continue
            materials = materials_in(first.label)
            key = materials[-1].key if materials else None
            template = next(
                (
                    names
                    for material, names, _ in reversed(groups)
                    if len(names) == len(run) and (key is None or material == key) and len(set(names)) > 1
                ),
                None,
            )
            if template is None and key is None:
                template = _joined_template(groups, len(run))
            if template is not None:
                places.update(zip(run, template, strict=True))
        return places

    def _note_group(self, members: Sequence[ReadingDraft]) -> None:
        """Remember a sentence's readings (not its dry standards) as a group: their material and
        places, in order."""
        groups: list[_Group] = self.__dict__.setdefault("_reading_groups", [])
        members = [draft for draft in members if not draft.is_reference]
        if 1 <= len(members) <= _MAX_RUN:
            # (a sentence of one reading is kept too: a later run may go over several sentences)
            material = next((draft.material.key for draft in members if draft.material), None)
            groups.append((material, [draft.location for draft in members], members[0].source.line))
        del groups[:-_MAX_GROUPS]


def sentence_slices(text: str, found: Sequence[RowReading]) -> list[tuple[int, int]]:
    """The readings of each sentence of a line, as slices of `found` (in order of place), so that
    a run later in a line takes the places of a sentence before it ("the plates were 19 in the
    lounge and 18 in bedroom 2. By the 24th the plates were at 14 and 13")."""
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    slices: list[tuple[int, int]] = []
    low, current = 0, -1
    for index, reading in enumerate(found):
        sentence = bisect_right(ends, reading.start)
        if index and sentence != current:
            slices.append((low, index))
            low = index
        current = sentence
    if found:
        slices.append((low, len(found)))
    return slices


def _joined_template(groups: Sequence[_Group], size: int) -> list[str] | None:
    """The places of `size` readings told in consecutive sentences of one earlier line, from the
    start of a sentence to the end of one; the latest such line's."""
    for first in range(len(groups) - 1, -1, -1):
        names: list[str] = []
        for _, more, line in groups[first:]:
            if line != groups[first][2] or len(names) >= size:
                break
            names += more
        if len(names) == size and len(set(names)) > 1 and UNSPECIFIED_LOCATION not in names:
            return names
    return None


def _runs(text: str, found: Sequence[RowReading]) -> list[list[int]]:
    """Runs of values: two or more, with nothing but separators between them."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, reading in enumerate(found):
        joined = (
            current
            and found[current[-1]].end <= reading.start
            and _RUN_GAP.fullmatch(text, found[current[-1]].end, reading.start) is not None
        )
        if joined:
            current.append(index)
            continue
        if 2 <= len(current) <= _MAX_RUN:
            runs.append(current)
        current = [index]
    if 2 <= len(current) <= _MAX_RUN:
        runs.append(current)
    return runs
