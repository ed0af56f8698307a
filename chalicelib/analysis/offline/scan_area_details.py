"""What a line says of the scan's affected areas, attached to them: the materials it names (and
those it says are fine, or soaked), the sizes it gives (a measured size over one taken second-hand),
stated areas, removed flooring, scope extents and wet extents; each placed in the area its words
name, else the room the notes are on, else the one room a fixture stands in."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from chalicelib.analysis.findings import LengthUnit
from chalicelib.analysis.offline.affected_materials import MaterialReader
from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.corrected_sizes import Corrections
from chalicelib.analysis.offline.line_owners import Owners
from chalicelib.analysis.offline.material_places import fits_room
from chalicelib.analysis.offline.measure_rooms import patch_sized, placing_room, size_owner, thing_sized
from chalicelib.analysis.offline.measures import (
    dimensions_in,
    patch_surface,
    stated_areas_in,
)
from chalicelib.analysis.offline.scope_extents import (
    read_removed_flooring,
    read_scope_extents,
    wet_floorings,
)
from chalicelib.analysis.offline.spaces import (
    Mention,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    Sentences,
    around,
    has_evidence,
)
from chalicelib.analysis.offline.wet_columns import WetColumns
from chalicelib.analysis.offline.wet_extents import WetReader
from chalicelib.analysis.offline.wet_sections import WetSections

# Fixtures and the kinds of room they stand in: a line about one is about the one affected room of
# those kinds ("under-sink kickboard" with a kitchen and a hall affected is the kitchen's; with a
# kitchen and a laundry affected it is no room's).
_FIXTURES: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = (
    (
        frozenset({"kitchen"}),
        re.compile(r"\b(?:fridge|refrigerator|dishwasher|cooktop|rangehood|oven|kitchen island)\b", FLAGS),
    ),
    (frozenset({"laundry"}), re.compile(r"\b(?:washing machine|washer|dryer|laundry tub|trough)\b", FLAGS)),
    # ("joist below the trap", "wall behind the tub"): a bathroom's fittings stand in it ("bath" alone is
    # the room's word, read as a room elsewhere)
    (
        frozenset({"bathroom", "ensuite", "powder_room"}),
        # ("bearer under the shower": a shower alone is the fitting; a "shower room" is a room)
        re.compile(
            r"\b(?:bath ?tub|tub|toilet|wc pan|shower(?! ?(?:room|curtain)\b)|vanity|basin)s?\b", FLAGS
        ),
    ),
    (
        frozenset({"kitchen", "laundry", "bathroom", "ensuite", "powder_room"}),
        re.compile(
            r"\b(?:under-?)?sinks?\b"
            r"|(?<!spore )(?<!mouse )(?<!rat )\b(?:waste )?traps?\b(?! ?(?:door|hatch))",
            FLAGS,
        ),
    ),
)


# "under the tub", "beneath the toilet flange", "subfloor underside at the drain": a place below the
# fixture's room, in the space under the floor
_UNDER_FIXTURE = re.compile(r"\b(?:under|underneath|beneath|below|underside)\b", FLAGS)
_UNDER_ROOMS = frozenset({"crawlspace"})


# Rooms that hold other rooms: "Basement" is dropped when "Basement laundry" is an area too.
CONTAINER_ROOMS = frozenset({"basement", "cellar"})


# Only these say water is held in the material (a lifting tile says nothing about the slab under it).
_SOAKED_WORD = re.compile(
    r"\b(?:wet|saturated|soaked|damp|cupp(?:ed|ing)|crowning|buckl(?:ed|ing)|elevated|high readings?"
    r"|bound water|water ?logged)\b",
    FLAGS,
)


# "Rooms: kitchen 12 x 10 (from listing)" in a dispatch header, then "Measured the kitchen: 12 x 14":
# a size taken second-hand gives way to the one measured on site.
_SECOND_HAND = re.compile(
    r" ?\(?(?:(?:from|per|off|as per) (?:the )?(?:listing|plans?|floor ?plan|phone|call|brochure|owner)"
    r"|est(?:imated)?\b|approx(?:imately)?\b|\?)",
    FLAGS,
)
# ... or hedged before it ("Rec room approx 20 x 15", "about 3 x 3 m"): a guess, until measured.
_GUESSED_BEFORE = re.compile(
    r"\b(?:approx(?:imately|\.)?|about|roughly|around|circa|est(?:imated|\.)?)\s*~?$", FLAGS
)
# The writer's own measure, said before the size ("Measured the kitchen: 12 x 14", "Kitchen actually
# 14 x 13") or right after it ("14 x 13 (measured)", "14 x 13 ft - I measured it"); not "not measured".
_MEASURED = re.compile(r"(?<!not )(?<!n't )\b(?:measured|measures|measuring|actually|in fact)\b", FLAGS)
_MEASURED_AFTER = re.compile(
    r"\s*(?:ft|feet|foot|m|metres?|meters?|')?\.?\s*(?:\(|,|;|\s[-\u2013\u2014])\s*(?:as |i |we |was |were )?"
    r"(?:tape[- ]|laser[- ])?measured\b",
    FLAGS,
)


# A line holding nothing but a verdict on a material: "sound", "dry", "intact", "not wet".
_LONE_VERDICT = re.compile(
    r"\s*(?P<verdict>sound|dry|intact|undamaged|unaffected|not (?:wet|damp|affected))\.?\s*", FLAGS
)
_ENDS_IN_WORD = re.compile(r"[a-z]\s*$", FLAGS)


class AreaDetailsScan:
    """The scan's details half: what each line says of the affected areas. RoomScan keeps the state
    these methods read and write."""

    areas: dict[str, AreaDraft]
    wet_keys: set[str]
    default_unit: LengthUnit | None
    _context: Mention | None
    _past_rows: bool
    _in_photos: bool
    _cleared: dict[int, dict[str, set[str]]]
    _second_hand: set[int]
    _booked_lines: frozenset[int]
    _wet_columns: WetColumns
    _wet_sections: WetSections
    _resolve: Callable[[Mention], Mention]
    _set_default_height: Callable[[float], None]

    def _owner(self, owners: Owners, pos: int) -> Mention | None:
        return owners.at(pos) or self._context

    def _area_of(self, room: Mention | None, *, in_passing: bool = False) -> AreaDraft | None:
        """The affected area a room mention is. `in_passing`: "Corridor B: water ran under the doors
        into the corridor, about 150 sf": a room named again where the water went, without damage
        words of its own, is still the affected room it was read as."""
        if room is None or room.unaffected:
            return None
        return self.areas.get(room.key) if room.affected or in_passing else None

    def _area_at(self, owners: Owners, pos: int, *, in_passing: bool = False) -> AreaDraft | None:
        return self._area_of(self._owner(owners, pos), in_passing=in_passing)

    def _measured_area_at(
        self, owners: Owners, rooms: Sequence[Mention], pos: int, text: str = ""
    ) -> AreaDraft | None:
        """ "Carpet/underpad wet over about 60 sq ft along the wall shared with the bathroom": a
        measure the clause gives before it names a room is the room the line was on before it,
        not the room named later (a measure "of"/"in" a room named right after it is read first);
        nor is it a room named only to place the damage ("by the hallway") after the line's room."""
        owner = self._owner(owners, pos)
        placing = placing_room(text, rooms, owner, pos)
        if placing is not None:
            return self._area_of(placing, in_passing=True)  # (none when the line's room is no area)
        if owner is not None and owner.start > pos:
            earlier = [room for room in rooms if room.end <= pos]
            owner = earlier[-1] if earlier else self._context
        return self._area_of(owner, in_passing=True)

    def _room_named_at(self, rooms: Sequence[Mention], pos: int) -> AreaDraft | bool | None:
        """The affected area a room named right at `pos` is, None for a room that is no affected
        area, False when no room is named there."""
        room = next((room for room in rooms if room.start == pos), None)
        if room is None:
            return False
        if room.unaffected:
            return None
        return self.areas.get(room.key) or self.areas.get(self._resolve(room).key)

    def _row_area(self, rooms: Sequence[Mention], pos: int) -> AreaDraft | None:
        """ "Middle level Kitchen 4.6 x 3.2 m ...": the first affected room a table row names before
        `pos` (its room column, after a level or unit column that names none). A verdict in a later
        cell ("furnaces on benches - not wet") is no verdict on the row's room."""
        for room in rooms:
            if room.end > pos:
                break
            area = self.areas.get(room.key) or self.areas.get(self._resolve(room).key)
            if area is not None:
                return area
        return None

    def _fixture_area(self, text: str) -> AreaDraft | None:
        """ "Plasterboard wicking on the walls around the fridge recess": a line that names no room
        is about the one affected room its fixture stands in (a fridge in the kitchen)."""
        kinds = [bases for bases, pattern in _FIXTURES if pattern.search(text)]
        if not kinds:
            return None
        # (every fixture the line names must stand in the same one room: "fridge by the washer" none)
        found = [area for area in self.areas.values() if all(area.base in bases for bases in kinds)]
        if len(found) != 1:
            return None
        # ("Subfloor under the tub drain", "joist below the toilet flange": read from the crawlspace
        # under the fixture's room, when the notes have one affected)
        under = [area for area in self.areas.values() if area.base in _UNDER_ROOMS]
        return under[0] if _UNDER_FIXTURE.search(text) and len(under) == 1 else found[0]

    def _areas_of(self, owners: tuple[Mention, ...] | None) -> list[AreaDraft]:
        """The affected areas a material's rooms are: the room the notes were already on for None,
        every bedroom read so far for "both bedrooms"."""
        if owners is None:
            owners = (self._context,) if self._context is not None and not self._past_rows else ()
        areas: list[AreaDraft] = []
        for owner in owners:
            if owner.collective:
                areas += [area for area in self.areas.values() if area.base == owner.base]
            elif not owner.unaffected and owner.key in self.areas:
                areas.append(self.areas[owner.key])
            elif not owner.unaffected:
                areas += self._only_room_of(owner)
        return areas

    def _only_room_of(self, owner: Mention) -> list[AreaDraft]:
        """ "granny flat carpet" when the granny flat's one affected room is "Granny flat bedsit": a
        building or wing named for its one room of that name; none when it has several or none."""
        if owner.base in CONTAINER_ROOMS or owner.level is not None:
            return []  # "basement ceiling tiles": a level holds many rooms, whatever the areas so far
        prefix = f"{owner.name.lower()} "
        inside = [area for area in self.areas.values() if area.room.lower().startswith(prefix)]
        return inside if len(inside) == 1 else []

    def _attach_details(
        self, line: Line, owners: Owners, rooms: Sequence[Mention], *, is_scope: bool, after: str = ""
    ) -> None:
        text = line.text
        # (a PDF table cell wrapped as "... hob; tiles" / "sound": the verdict on the next line alone
        # is the material's, so the materials are read with it)
        verdict = _LONE_VERDICT.fullmatch(after)
        read = f"{text} {verdict.group('verdict')}" if verdict and _ENDS_IN_WORD.search(text) else text
        sentences = Sentences(text)
        read_sentences = sentences if read is text else Sentences(read)
        reader = MaterialReader(read, read_sentences, rooms, owners.at, is_scope=is_scope)
        if not is_scope:
            # the one room the line names, affected or not ("joists under the kitchen ... are dry");
            # with two ("next to the laundry but its vinyl was dry") whose it is stays unsaid
            keys = {room.key for room in rooms}
            named = [self.areas[key] for key in keys if key in self.areas] if len(keys) == 1 else []
            for cleared in reader.cleared():
                everywhere = list(self.areas.values()) if cleared.everywhere else []
                for draft in everywhere or self._areas_of(cleared.owners) or named:
                    names = self._cleared.setdefault(id(draft), {}).setdefault(cleared.word.key, set())
                    names.add(cleared.word.name)
        fixture_area = None if rooms else self._fixture_area(text)
        for found in [] if self._in_photos else reader.read():
            word = found.word
            areas = (
                list(self.areas.values())
                if found.everywhere
                else [fixture_area]
                if fixture_area is not None
                and found.owners is None
                # (the fixture's own sentence: "Removed vanity toe kick" places no carpet of another)
                and self._fixture_area(read[slice(*read_sentences.bounds(word.start))]) is fixture_area
                else self._areas_of(found.owners)
            )
            for draft in areas:
                if not fits_room(word.key, draft.room):
                    continue
                via = self._areas_of((found.via,)) if found.via is not None else []
                if found.via is None or any(draft is other for other in via):
                    draft.borrowed.pop(word.key, None)  # its own mention: no longer only the other room's
                elif word.key not in draft.materials:
                    draft.borrowed[word.key] = id(via[0]) if via else None
                draft.materials.setdefault(word.key, word.name)
                start, end = self._clause(read_sentences, word.start, word.end)
                if not is_scope and has_evidence(_SOAKED_WORD, read[start:end]):
                    draft.soaked_materials.setdefault(word.key, line.span())
        sizes = list(dimensions_in(text, self.default_unit))
        corrections = Corrections(text, [start for start, _, _ in sizes], [end for _, end, _ in sizes])
        for start, end, dimensions in sizes:
            area = self._area_of(size_owner(text, rooms, start, self._owner(owners, start), end))
            patch = patch_surface(text, start, end)
            # ("2.8 x 1.9 m, not 3.0 x 2.2": the size another gave, that is wrong; "the 3 x 3 ft access
            # hatch": an opening's size, no room's)
            if corrections.struck(start) or thing_sized(text, end):
                continue
            if area is not None and patch is not None:
                if patch == "ceiling":
                    area.wet.ceiling_sqft = area.wet.ceiling_sqft or dimensions.floor_area_sqft
                elif patch == "floor":
                    area.wet.floor_sqft = area.wet.floor_sqft or dimensions.floor_area_sqft
                else:
                    area.wet.wall_total_sqft = area.wet.wall_total_sqft or dimensions.floor_area_sqft
                area.evidence.append(line.span())
            elif (area is not None and not patch_sized(text, start)) and (
                area.dimensions is None
                or corrections.corrects(start)
                or (
                    id(area) in self._second_hand
                    and (
                        _MEASURED.search(text, max(0, start - 40), start) or _MEASURED_AFTER.match(text, end)
                    )
                )
            ):
                area.dimensions = dimensions
                if (
                    _SECOND_HAND.match(text, end)
                    or _GUESSED_BEFORE.search(text, max(0, start - 16), start)
                    or line.number in self._booked_lines
                ):
                    self._second_hand.add(id(area))
                else:
                    self._second_hand.discard(id(area))
                # Cite the line the measurements are on: it is the fact an adjuster checks.
                area.source = line.span()
        for start, sqft, unit in stated_areas_in(text):
            area = self._area_at(owners, start)
            if area is not None and area.stated_area_sqft is None:
                area.stated_area_sqft, area.stated_unit = sqft, unit
        if not is_scope:
            self.wet_keys |= wet_floorings(text)
        read_removed_flooring(
            text,
            lambda pos: self._measured_area_at(owners, rooms, pos, text),
            lambda pos: self._room_named_at(rooms, pos),
        )
        if is_scope:
            read_scope_extents(text, lambda pos: self._area_at(owners, pos, in_passing=True))
        else:
            self._wet_columns.read(
                line,
                lambda pos: self._area_at(owners, pos),
                lambda pos: self._measured_area_at(owners, rooms, pos, text),
                lambda pos: self._row_area(rooms, pos),
            )
            WetReader(text, sentences, line, self._set_default_height).read(
                lambda pos: self._area_at(owners, pos, in_passing=True),
                lambda mention: self.areas.get(self._resolve(mention).key),
                lambda pos: self._measured_area_at(owners, rooms, pos, text),
                listed=self._wet_sections.under_heading(line),
            )

    @staticmethod
    def _clause(sentences: Sentences, start: int, end: int) -> tuple[int, int]:
        """The clause around a word: its sentence, cut at semicolons."""
        sentence_start, sentence_end = around(sentences, start, end, reach=90)
        text = sentences.text
        left = text.rfind(";", sentence_start, start)
        right = text.find(";", end, sentence_end)
        return (left + 1 if left >= 0 else sentence_start), (right if right >= 0 else sentence_end)
