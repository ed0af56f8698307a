"""Which materials a line says were affected, and whose they are.

A material belongs to the room written right before it ("hall cpt", "Laundry pbd"), to the rooms it
is placed in ("carpet and underlay in the lounge and hallway"), to the rooms a list after a colon
names ("stripped carpet: lounge 21 m2, bedroom 1 12 m2"), or to the room whose part of the line it
is in; a material in a sentence with rooms it fits none of is left out rather than guessed. Rooms
written as a list share what is said after them ("Hallway and bed 2: cpt + u/l wet").

A material is affected when its clause says so (wet, swollen, removed, a reading), never when it
is denied ("no laminate in this unit", "the slab itself was dry", "did not get wet"), hedged
("may have wicked"), only cleaned ("antimicrobial to the slab"), or named as what something sits
on or stands by ("vinyl over the slab", "slab-on-grade house", "water sat against the vanity").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chalicelib.analysis.offline.building_descriptions import BUILDING_DESCRIBED, described_until
from chalicelib.analysis.offline.cabinet_mentions import cabinet_as_place, cabinet_wet_on_top
from chalicelib.analysis.offline.dry_timber_readings import read_dry
from chalicelib.analysis.offline.material_asides import CLASS_SENTENCE, named_aside
from chalicelib.analysis.offline.material_heads import heading_list, heads_line, landmarked_head
from chalicelib.analysis.offline.material_lists import (
    ADJACENT,
    LIST_GAP,
    MAX_LIST,
    WALLED_LIST_GAP,
    compound_room,
    room_lists,
)
from chalicelib.analysis.offline.material_places import (
    ROOF_KEYS,
    ROOF_SPACE,
    not_neighbour,
    placed_elsewhere,
    room_outside_aside,
    shared_with,
)
from chalicelib.analysis.offline.material_soundness import (
    BUT_NOT_REACHED,
    HEDGE_BEFORE,
    NO_DAMAGE_ON,
    NONE_ON,
    OUT_OF_CLAIM,
    SAID_SOUND,
    SOUND_LATER,
    SURFACE_WATER,
    SURFACE_WATER_KEYS,
    outside_only_these,
    said_sound,
    said_sound_later,
)
from chalicelib.analysis.offline.material_substrates import (
    named_as_space,
    named_as_substrate,
    seen_from_below,
)
from chalicelib.analysis.offline.material_words import MaterialWord, material_words
from chalicelib.analysis.offline.material_work import REMOVAL, work_on
from chalicelib.analysis.offline.scope_material_rooms import rooms_listed_after
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.surface_materials import SURFACE_KEYS, surface_damaged, with_surface_words
from chalicelib.analysis.offline.text import FLAGS, Sentences, around, evidence_matches, is_negated
from chalicelib.analysis.offline.trim_materials import TRIM_KEYS, baseboard_as_landmark, trim_reached

# "carpet and underlay in the lounge", "underlay to WIR": the room a material is placed in, written
# after it; "carpet and underlay: lounge ..." lists them after a colon.
_PLACED_IN = re.compile(
    r"\b(?:in|of|inside|throughout|across|within|to)(?: the| both| all| each)? $|: ?(?:the )?$"
    # "carpet and underlay were removed and dumped from the lounge (22 m2), bedroom 2 (11 m2)": where
    # it was taken from (a bare "from the laundry" is where water came from)
    r"|\b(?:remov|lift|pull|dump|strip|took|taken|rip|torn|dispos|discard)[a-z ,]{0,30}"
    # ("carpet + underlay out rumpus and guest room": field notes' word for taken out of them)
    r"\bfrom(?: the| both| all)? $|\bout(?: of)?(?: the| both| all)? $",
    FLAGS,
)
# "- remove carpet and pad (Bedroom 2)", "flood-cut the drywall at 24 inches (family room 52 LF)": a
# room in brackets right after a run of materials, sizes and joins places them all; other work between
# ("the vanity, flood-cut the drywall (...)") places only the last material.
_BRACKET_ROOM = re.compile(r"\((?:in |at )?(?:the )?$", FLAGS)
_BRACKET_RUN = re.compile(
    r"(?:\s|,|&|\+|/|\s[-\u2013]|\band\b|\bat\b|\bup\b|~?\d{1,4}(?:\.\d{1,2})?"
    r" ?(?:mm|cm|m2|m|in(?:ches)?|ft|lf|lm|sf|sq ?ft|\"|')?(?!\w))*",
    FLAGS,
)
# "plaster wicking on the utility walls", "stain on the hall ceiling": a room's own surface places it.
_ON_ROOMS = re.compile(r"\b(?:on|along|up)(?: the| both| all)? $", FLAGS)
_ROOMS_SURFACE = re.compile(r"'?s? (?:walls?|ceilings?|floors?)\b", FLAGS)
_MAX_PLACED = 70
_REACH = 160
# "relay cpt hall & bed 2", "u/lay R&D hall 5m2 + bed 2 3.4m2": a material, the work, then its rooms.
_WORK_BEFORE_ROOMS = re.compile(r"(?: [a-z&/]{1,10}){0,3} ", FLAGS)


# "the batts over the closet ceiling are damp", "the sheathing above the bathroom ceiling": another
# room's surface named as a landmark; the material is the room the notes are on (the attic).
_OVER_ROOM = re.compile(r" (?:[a-z]{1,12} ){0,2}?(?:over|above|below|beneath|under) (?:the )?", FLAGS)
_ROOM_SURFACE = re.compile(r"'?s? (?:ceiling|floor|roof)s?\b", FLAGS)


# A material named for a place in it or through it ("the slab penetration at the toilet drain",
# "the drywall access panel"), not as what got wet.
_A_PLACE_IN_IT = re.compile(
    r" (?:penetrations?|core[- ]?holes?|access (?:panels?|holes?|hatch(?:es)?)"
    r"|inspection (?:holes?|openings?)"
    r"|cut-?outs?|openings?)\b",
    FLAGS,
)


# A clause's word that the water or fire reached the material.
_AFFECTED_WORD = re.compile(
    # "tiles in the wet areas": the bathrooms and laundry, not a wet tile
    r"\b(?:wet(?! areas?\b)|saturated|soaked|sodden|damp|wick\w*|swollen|swelling|swelled|cupp\w*|crown\w*"
    r"|buckl\w*"
    r"|delaminat\w*|lifting|stain\w*|sagg\w*|collapsed|bulg\w*|mou?ld\w*|growth|affected|damaged|elevated"
    r"|high|water\w*|sloppy|squelch\w*|puddl\w*|pool\w*|overflow\w*|flood\w*|soot\w*|charred|burnt|smoke"
    r"|moisture|readings?|tide ?line|silt|wicked|\d+ ?(?:%|wme|rel))\b",
    FLAGS,
)


# "carpet 24", "skirting - 27 W", "| skirting | 22 |": a reading right after the material.
_READING_AFTER = re.compile(
    r"(?: [a-z]{1,10}){0,3} ?[:=\-|]? ?\|? ?\d{1,3}(?:\.\d)?"
    r"(?![\d.]| ?(?:x\b|\u00d7|ft\b|feet\b|m\b|mm\b|cm\b|in\b|'|\"|sq|sf\b|lf\b|lm\b|m2\b|hrs?\b|days?\b"
    r"|%? ?rh\b|pm\b|am\b|/))",
    FLAGS,
)
_REFERENCE = re.compile(
    r"\b(?:ref(?:erence)?|dry (?:std|standard)|baseline|control|unaffected)\b(?! ?(?:scale|mode|setting))",
    FLAGS,
)


# A material named as a suspected or known asbestos product ("presumed asbestos-containing", "contain
# chrysotile", "ACM, left undisturbed"): what is said of it is the hazard.
# ("no asbestos concern" clears it, and says nothing of the material)
_ASBESTOS = re.compile(
    r"(?<!\bno )(?<!\bnot )\b(?:asbestos|chrysotile|amosite|acm|ahera)\b(?![- ]free)", FLAGS
)

# A safety note ("Hazards noted: exposed tack strip, managed", "trip hazard at the carpet edge"): what
# it names is the risk; only the material's own damage words in its clause make it affected.
_SAFETY_NOTE = re.compile(r"\b(?:hazards?|slip|trip)\b", FLAGS)

# Between two materials of one list ("no hardwood, plaster or masonry"): a denial of the first
# carries to the rest.
_MATERIAL_JOIN = re.compile(r"(?:\s|,|/|\+|&|\band\b|\bor\b|\bnor\b)*", FLAGS)


# "carpet and underlay wet across two rooms": rooms not named, so no room of the line is meant.
_GENERIC_ROOMS = re.compile(r"\b(?:two|three|four|both|several|other|multiple|\d) rooms\b", FLAGS)


# What `Owners.at` answers: the room whose part of the line a position is in.
OwnerAt = Callable[[int], Mention | None]


@dataclass(frozen=True)
class AffectedMaterial:
    word: MaterialWord
    owners: tuple[Mention, ...] | None  # None: the room the notes were already talking about
    everywhere: bool = False  # "in all three rooms", "every room": each affected area
    # "bathroom + hallway carpet": the room the material is written right after, when its list's other
    # rooms share it only through that room's compound (their carpet stands or falls with the hallway's)
    via: Mention | None = None


# "Plasterboard and batts cut at 600 mm, all three rooms", "wicked in every room": all the areas.
_EVERY_ROOM = re.compile(
    r"\b(?:(?:in )?all (?:(?:two|three|four|five|six|\d) |the |of the )?(?:rooms|areas)|every (?:room|area)"
    r"|each (?:room|area)|throughout(?: the)? (?:house|flat|unit|home|property))\b",
    FLAGS,
)

# After a denied material, the whole building: "No carpet anywhere - it is oak throughout", "no
# insulation in the house".
_ANYWHERE = re.compile(
    r"(?: (?:at all|on site))? (?:anywhere|(?:in|throughout) the"
    r" (?:house|home|building|property|flat|unit))\b",
    FLAGS,
)


# "no insulation between the floors", "no batts in this ceiling": the material said not to be there at
# all, in the part of the building it would fill.
_NONE_THERE = re.compile(
    r" (?:at all )?(?:between|in|inside|within|under|behind|above|over)(?: the| this| that| these)?"
    r" (?:floors?|ceilings?|walls?|cavit(?:y|ies)|void|joists|studs|roof|frame|framing)\b",
    FLAGS,
)


class MaterialReader:
    """One line's materials: which were affected and whose they are."""

    def __init__(
        self, text: str, sentences: Sentences, rooms: Sequence[Mention], owner_at: OwnerAt, *, is_scope: bool
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.rooms = sorted(rooms, key=lambda room: room.start)
        self.owner_at = owner_at
        self.is_scope = is_scope
        self.words = with_surface_words(material_words(text), text)
        self._word_starts = [word.start for word in self.words]
        self._groups = room_lists(text, self.rooms, LIST_GAP)
        self._walled_groups = room_lists(text, self.rooms, WALLED_LIST_GAP)
        self._starts = [room.start for room in self.rooms]
        # rooms do not overlap, so their ends are in order too
        self._ends = [room.end for room in self.rooms]
        self._described: int | None = None  # where the line's opening building description ends

    def read(self) -> list[AffectedMaterial]:
        out = []
        sound = {
            (word.key, self._part(word))
            for word in self.words
            if self._said_sound(word) and not self._on_top(word)
        }
        # "porcelain tile on slab, no damage to the tile; drywall wet": what nothing was found on
        spared = {
            (word.key, self._part(word))
            for word in self.words
            if NO_DAMAGE_ON.search(self.text, max(0, word.start - 70), word.start)
        }
        # "insulation above? - no insulation between floors": a question the line answers itself
        absent = {word.key for index, word in enumerate(self.words) if self._none_there(index, word)}
        for index, word in enumerate(self.words):
            if word.key in absent or not self._affected(index, word):
                continue
            if (word.key, self._part(word)) in sound and not self._own_damage(word):
                continue  # "Bathroom: tiled. Wet wall cavity ... Floor tiles intact": the tiles are fine
            if (word.key, self._part(word)) in spared and not self._clause_damage(word):
                continue  # (the same tile named first as the floor, in a clause of its own)
            clause_start, clause_end = self._clause(word)
            if _EVERY_ROOM.search(self.text, clause_start, clause_end):
                out.append(AffectedMaterial(word, (), everywhere=True))
                continue
            if self._grades_job(word):
                continue  # "carpet and underlay plus wall wicking: Class 2" grades the job, no one room
            owners = self._owners(word)
            if word.key in ROOF_KEYS and owners and not all(ROOF_SPACE.search(o.name) for o in owners):
                owners = None  # "Sheathing at the vent", after "batts over the closet ceiling": the roof's
            if owners != ():
                out.append(AffectedMaterial(word, owners, via=compound_room(self.text, word.start, owners)))
        return out

    def cleared(self) -> list[AffectedMaterial]:
        """Materials the line says are fine where it names them, with nothing in their own clause
        saying they were reached ("the bearers and joists ... were checked and are dry; ..."): a
        room's earlier mention of them was its construction, not its damage."""
        out = []
        for index, word in enumerate(self.words):
            if _ANYWHERE.match(self.text, word.end) and self._denied(index):
                # "No carpet anywhere": no room has it
                out.append(AffectedMaterial(word, (), everywhere=True))
                continue
            if self._none_there(index, word):
                # ("no insulation between the floors", "no underlay under the carpet here"): the room
                # has none of it, whatever a hedged mention before asked
                out.append(AffectedMaterial(word, self._owners(word)))
                continue
            if self._outside_only(word):
                # ("the same tile as the kitchen, but only the baseboard got wet in there": the tile the
                # room's other lines name was not reached)
                out.append(AffectedMaterial(word, self._owners(word)))
                continue
            if not self._said_sound(word):
                continue
            start, end = self._sentence(word)
            clause_end = self.text.find(";", word.end, end)
            clause = self.text[start : clause_end if clause_end != -1 else end]
            if next(evidence_matches(_AFFECTED_WORD, clause), None) is None:
                out.append(AffectedMaterial(word, self._owners(word)))
        return out

    # --- whose -----------------------------------------------------------------------------

    def _from(self, index: int) -> tuple[Mention, ...]:
        """A room and the rest of its list after it (its rooms may name their walls)."""
        group = self._walled_groups[index]
        return group[group.index(self.rooms[index]) :]

    def _up_to(self, index: int) -> tuple[Mention, ...]:
        """The room's list, when the room ends it; the room alone otherwise."""
        group = self._groups[index]
        return group if group[-1] is self.rooms[index] else (self.rooms[index],)

    def _owners(self, word: MaterialWord) -> tuple[Mention, ...] | None:
        text = self.text
        row_room = self._row_room(word)
        if row_room is not None:
            return (row_room,)
        start, end = self._sentence(word)
        last_before = bisect_right(self._ends, word.start) - 1
        first_after = bisect_left(self._starts, word.end)
        before = last_before if last_before >= 0 and self.rooms[last_before].start >= start else None
        after = first_after if first_after < len(self.rooms) and self._starts[first_after] < end else None
        # "the wall it shares with the store room": a neighbour named for the wall, never the owner
        after = None if after is not None and shared_with(text, self._starts[after]) else after
        before = None if before is not None and shared_with(text, self._starts[before]) else before
        if before is not None and placed_elsewhere(text, self.rooms[before], word, last=after is None):
            return ()  # "3 Office 1, 1 warehouse slab edge": where an air mover stood; "; tile in bath 1"
        if before is not None and ADJACENT.fullmatch(text, self.rooms[before].end, word.start):
            return self._up_to(before)
        if (
            before is None
            and after is not None
            and self._starts[after] - word.end <= _MAX_PLACED
            and _OVER_ROOM.fullmatch(text, word.end, self._starts[after])
        ):
            # "the batts over the closet ceiling": that room is where they are not. The line's own room
            # before them has them; failing that, the room the notes are on, when a surface of the other
            # room is named ("over the closet ceiling"); "batts over closet" alone is left out (a
            # heading "Attic over closet" leaves the closet as the room the notes are on).
            owner = self.owner_at(word.start)
            if owner is not None and owner is not self.rooms[after] and owner.end <= word.start:
                return (owner,)
            return None if _ROOM_SURFACE.match(text, self.rooms[after].end) else ()
        if after is not None and self._starts[after] - word.end <= _MAX_PLACED:
            gap = text[word.end : self._starts[after]]
            worked = _WORK_BEFORE_ROOMS.fullmatch(gap) is not None and (gap == " " or REMOVAL.search(gap))
            # ("remove vinyl plank, 168 SF (kitchen)": a room bracketed after the material's own run of
            # sizes is its item's, whatever comma the size brings)
            bracketed = self._bracketed(word, after)
            placed = (
                _PLACED_IN.search(gap) is not None
                or bracketed
                or (
                    _ON_ROOMS.search(gap) is not None
                    and _ROOMS_SURFACE.match(text, self.rooms[after].end) is not None
                )
            )
            if ";" not in gap and (placed or worked) and (bracketed or self._one_item(word, after)):
                return self._from(after)
            listed = self._from(after)
            index = bisect_left(self._word_starts, word.start)
            if self.is_scope and rooms_listed_after(text, self.words, index, listed[0].start, listed[-1].end):
                return listed  # "Remove baseboard, rec room and bedroom 3: 46 LF"
        if CLASS_SENTENCE.search(text, start, end) and not self.is_scope and not self._room_leads_part(word):
            # "Class 3 - water from above, the kitchen ceiling soaked, plus carpet and pad upstairs": a
            # class sentence sums up the job; a material it does not place in a room is no one room's
            # (unless a room leads its own part: "Class 2: hall bath 8 x 5 ft vinyl fully wet; ...")
            return ()
        outer = room_outside_aside(text, self.rooms, self._ends, before, start, word.start)
        if outer is not None:
            return self._up_to(outer)  # "The mudroom (laundry is in there too) got ...; drywall wicked"
        owner = not_neighbour(text, self.rooms, self.owner_at(word.start))
        head = landmarked_head(text, self.rooms, word, owner)
        if head is not None:
            return (head,)
        if (
            before is not None
            and owner is not None
            and owner.start >= word.end
            and not owner.affected
            and heads_line(text, self.rooms[before])
        ):
            # "Living room (downstairs): ceiling drywall along the kitchen opening": the heading's room,
            # not the room named after the material only as a landmark
            return self._up_to(before)
        if owner is not None and before is not None and owner is self.rooms[before]:
            return self._up_to(before)
        if owner is not None and start <= owner.start and owner.end <= word.start:
            return (owner,)
        if after is not None or _GENERIC_ROOMS.search(text, start, end):
            return ()  # a sentence of rooms that places this material in none of them: left out
        if owner is None or owner.end > word.start:
            return None
        group = self._groups[self.rooms.index(owner)] if owner in self.rooms else (owner,)
        # "Male change room (6 x 4 m) and female change room (6 x 4 m): ... Both have tiled floors": a
        # later sentence naming no room goes on about the list that heads the line
        return group if group[-1] is owner and heading_list(text, group) else (owner,)

    def _row_room(self, word: MaterialWord) -> Mention | None:
        """ "| Basement bedroom | 11 x 10 ft | 35 sq ft along the wall shared with the bathroom | carpet, pad
        |": a table row's room is its first cell's; a room in another cell is a landmark, unless the
        material's own cell names one."""
        text = self.text
        if not self.rooms or text.count("|") < 2 + text.startswith("|"):
            return None  # (a Word table's row comes as "Rec room | 18 x 14 ft | carpet, pad")
        first_end = text.find("|", 1)
        if self.rooms[0].end > first_end or word.start < first_end:
            return None
        cell_start = text.rfind("|", 0, word.start)
        cell_end = text.find("|", word.end)
        cell_end = cell_end if cell_end >= 0 else len(text)
        if any(cell_start < room.start < cell_end for room in self.rooms):
            return None
        return self.rooms[0]

    def _bracketed(self, word: MaterialWord, after: int) -> bool:
        """Whether the room is in brackets right after the material's run of materials and sizes."""
        bracket = _BRACKET_ROOM.search(self.text, word.end, self._starts[after])
        if bracket is None:
            return False
        position = word.end
        first = bisect_right(self._word_starts, word.start)
        for other in self.words[first : first + MAX_LIST]:
            if other.start >= bracket.start():
                break
            if not _BRACKET_RUN.fullmatch(self.text, position, other.start):
                return False
            position = other.end
        return _BRACKET_RUN.fullmatch(self.text, position, bracket.start()) is not None

    def _one_item(self, word: MaterialWord, after: int) -> bool:
        """Whether the room placing a material is its list item's: "(wetting, carpet and underlay, low
        wicking in the laundry only)" places the wicking, not the carpet; "carpet, underlay and
        skirting in the lounge" places all three."""
        comma = self.text.rfind(",", word.end, self._starts[after])
        if comma < 0:
            return True
        first = bisect_right(self._word_starts, comma)
        return first < len(self._word_starts) and self._word_starts[first] < self._starts[after]

    # --- whether affected ------------------------------------------------------------------

    def _affected(self, index: int, word: MaterialWord) -> bool:
        text = self.text
        if self._denied(index) or (self._said_sound(word) and not self._on_top(word)):
            return False
        if self._outside_only(word):
            return False  # "the same tile, but only the baseboard and drywall got wet": not the tile
        if OUT_OF_CLAIM.search(text, *self._sentence(word)):
            return False  # "Kitchen sheet vinyl next to the bath: dry, not part of loss"
        if named_aside(text, word.start, word.end):
            return False  # "Readings (Tramex, drywall scale)", "Goal: joists 16 %MC or under"
        if word.key in SURFACE_WATER_KEYS and SURFACE_WATER.match(text, word.end, word.end + 120):
            return False
        if BUT_NOT_REACHED.match(text, word.end, word.end + 200):
            return False
        if SOUND_LATER.search(text, word.end, self._clause(word)[1]):
            return False
        if HEDGE_BEFORE.search(text, max(0, word.start - 60), word.start):
            return False
        if self._none_on(word):
            return False
        if named_as_substrate(text, word) or seen_from_below(text, word) or named_as_space(text, word):
            return False
        if word.key == "cabinetry" and cabinet_as_place(text, word.start):
            return False
        if _A_PLACE_IN_IT.match(text, word.end):
            return False  # "down through the slab penetration", "a hole in the drywall": a way through
        clause_start, clause_end = self._clause(word)
        if _ASBESTOS.search(text, clause_start, clause_end) and not self._clause_damage(word):
            return False  # "the old 9 x 9 tile, presumed asbestos, left undisturbed": a hazard, not damage
        if _SAFETY_NOTE.search(text, self._sentence(word)[0], clause_end) and not self._clause_damage(word):
            return False  # "Hazards: exposed tack strip along the hall wall, taped": a safety note
        if word.key in TRIM_KEYS:
            return trim_reached(text, word.start, word.end)
        if read_dry(word.key, text, word.end):
            return False  # "Hall OSB 13": timber at its normal level
        if word.key == "baseboard" and baseboard_as_landmark(text, word.start, word.end):
            return False  # "hall GIB at skirting 26": the lining read at the skirting's height
        verb = self._verb(word)
        if verb is not None:
            return verb
        if word.key in SURFACE_KEYS:
            # a bare ceiling: only its own clause's damage, or its own reading, says it was reached
            return surface_damaged(text, *self._clause(word)) or self._read_here(word)
        if self.is_scope:
            return True  # a scope line's materials are worked on: only cleaning spares them
        if self._read_here(word):
            return True
        if BUILDING_DESCRIBED.search(text, clause_start, clause_end) or word.start < self._described_end():
            # "Low-set brick veneer, built 1977, glasswool batts, carpet in bedrooms": what the house
            # is built of; only the sentence's own damage words make a material of it affected
            return not self.is_scope and self._own_damage(word)
        # What is said of the room's part of the line counts: "Utility 2.4 x 2.1 m: vinyl on chipboard.
        # Whole floor wet." says the vinyl is wet.
        following = bisect_left(self._starts, word.end)
        next_room = self._starts[following] if following < len(self._starts) else len(text)
        clause = text[clause_start : min(max(clause_end, next_room), word.end + _REACH)]
        return next(evidence_matches(_AFFECTED_WORD, clause), None) is not None or not SAID_SOUND.search(
            clause
        )

    def _none_on(self, word: MaterialWord) -> bool:
        """ "no visible mould on the framing", "no damage to the tile": what nothing was found on."""
        return NONE_ON.search(self.text, max(0, word.start - 70), word.start) is not None

    def _room_leads_part(self, word: MaterialWord) -> bool:
        """A room is named earlier in the material's own part of its sentence (cut at commas,
        semicolons and colons)."""
        text = self.text
        part = max(text.rfind(mark, 0, word.start) for mark in ",;:") + 1
        before = bisect_right(self._ends, word.start) - 1
        return before >= 0 and self.rooms[before].start >= part

    def _described_end(self) -> int:
        """Where the building description the line opens with ends (0: it opens with none)."""
        if self._described is None:
            text = self.text
            self._described = described_until(
                text,
                self.sentences,
                lambda start, end: next(evidence_matches(_AFFECTED_WORD, text[start:end]), None) is not None,
            )
        return self._described

    def _outside_only(self, word: MaterialWord) -> bool:
        """Its sentence says only some other materials of it got wet."""
        return outside_only_these(self.text, *self._sentence(word), word.start, self._word_starts)

    def _read_here(self, word: MaterialWord) -> bool:
        """A reading of the material, not a dry standard's: only its own entry of the line counts."""
        text = self.text
        reach = max(0, word.start - 40)
        entry = max(max(text.rfind(mark, reach, word.start) for mark in "/,;|") + 1, reach)
        return _READING_AFTER.match(text, word.end, word.end + 30) is not None and not _REFERENCE.search(
            text, entry, word.start
        )

    def _clause_damage(self, word: MaterialWord) -> bool:
        """Its own clause says it was reached ("asbestos vinyl tiles, wet and lifting")."""
        return next(evidence_matches(_AFFECTED_WORD, self.text[slice(*self._clause(word))]), None) is not None

    def _grades_job(self, word: MaterialWord) -> bool:
        """The material is in a sentence giving the water class that names no room of its own."""
        start, end = self._sentence(word)
        first = bisect_left(self._starts, start)
        named = first < len(self._starts) and self._starts[first] < end
        return not named and CLASS_SENTENCE.search(self.text, start, end) is not None

    def _part(self, word: MaterialWord) -> str | None:
        """The room whose part of the line the material is in (None before any room)."""
        owner = self.owner_at(word.start)
        return owner.key if owner is not None else None

    def _on_top(self, word: MaterialWord) -> bool:
        return word.key == "cabinetry" and cabinet_wet_on_top(self.text, word.end)

    def _said_sound(self, word: MaterialWord) -> bool:
        """The material said fine right where it is named ("floor tiles intact", "tiles dry"), or by a
        later "it" of a sentence that says nothing else of it ("got drips; it reads normal")."""
        if said_sound(self.text, word.end):
            return True
        later = said_sound_later(self.text, word.end, self._sentence(word)[1])
        if later is None or self._own_damage(word):
            return False
        following = bisect_right(self._word_starts, word.start)
        return following >= len(self._word_starts) or self._word_starts[following] >= later

    def _own_damage(self, word: MaterialWord) -> bool:
        """Its own sentence says it was reached ("tiles lifting"), not only the line around it."""
        start, end = self._sentence(word)
        return next(evidence_matches(_AFFECTED_WORD, self.text[start:end]), None) is not None

    def _none_there(self, index: int, word: MaterialWord) -> bool:
        """Whether the line says the part of the building has none of the material at all."""
        return _NONE_THERE.match(self.text, word.end) is not None and self._denied(index)

    def _denied(self, index: int) -> bool:
        """Negated itself, or the later part of a denied list ("no hardwood, plaster or masonry")."""
        first = index
        while first > max(0, index - MAX_LIST) and _MATERIAL_JOIN.fullmatch(
            self.text, self.words[first - 1].end, self.words[first].start
        ):
            first -= 1
        return any(is_negated(self.text, w.start, w.end) for w in (self.words[first], self.words[index]))

    def _verb(self, word: MaterialWord) -> bool | None:
        """Whether the work nearest the material removes it (True) or only cleans it (False)."""
        start, end = self._clause(word)
        index = bisect_left(self._word_starts, word.start)
        return work_on(self.text, start, end, word, self.words[index - 1] if index else None)

    def _sentence(self, word: MaterialWord) -> tuple[int, int]:
        """The material's sentence, cut to a reach either side (a long line costs no more)."""
        return around(self.sentences, word.start, word.end, reach=_REACH)

    def _clause(self, word: MaterialWord) -> tuple[int, int]:
        """The sentence around a material, cut at semicolons and at "but"."""
        start, end = self._sentence(word)
        text = self.text
        left = max(text.rfind(";", start, word.start), text.rfind(" but ", start, word.start))
        right_candidates = [
            i for i in (text.find(";", word.end, end), text.find(" but ", word.end, end)) if i >= 0
        ]
        return (left + 1 if left >= 0 else start), (min(right_candidates) if right_candidates else end)
