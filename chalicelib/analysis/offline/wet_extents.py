"""Wet extents on a line: wet floor, wall and ceiling areas, wicking heights, ceiling heights."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from chalicelib.analysis.offline.areas import (
    AreaDraft,
)
from chalicelib.analysis.offline.measures import (
    CEILING_WORD,
    FEET_PER_METRE,
    NUMBER,
    WET_WORD,
    area_sqft,
    parse_height_ft,
)
from chalicelib.analysis.offline.spaces_vocabulary import Mention, vocabulary_mentions
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    Sentences,
    around,
    count_word,
    has_evidence,
    is_negated,
    parse_number,
)
from chalicelib.analysis.offline.wet_breakdowns import breakdown, written_value
from chalicelib.analysis.offline.wet_full_extents import WholeExtents
from chalicelib.analysis.offline.work_verbs import WORK_DONE

_AREA_UNIT = (
    r"(?:(?P<sqft>sq\.? ?(?:ft|feet|foot)|sqft|sf|ft2|square (?:feet|foot))"
    r"|(?P<sqm>m2|sq\.? ?m|sqm|square met(?:re|er)s?))\b"
)


AREA_QUANTITY = re.compile(
    rf"(?<![\d.,])(?P<value>\d{{1,3}}(?:,\d{{3}})+|\d{{1,5}}(?:[.,]\d{{1,2}})?) ?{_AREA_UNIT}", FLAGS
)
# "Hall cpt+u/lay ~5m2", "vinyl full floor ~4.5m2": a floor covering's quantity in a room's damage
# notes is its wet extent even without a wet word beside it.
_FLOOR_COVERING = re.compile(
    r"\b(?:cpt|carpet|u/lay|underlay|pad|vinyl|laminate|floor(?:ing)?|lino|lvp|tiles?|boards?)\b[^.;,\d]{0,16}$",
    FLAGS,
)


# A homeowner's size in words: "maybe half a square metre", "about a square metre", "two square feet".
_WORD_AREA = re.compile(
    r"\b(?P<words>half a|a quarter of a|a|one|two|three|four|five) square "
    r"(?:(?P<sqm>met(?:re|er)s?)|(?P<sqft>feet|foot))\b",
    FLAGS,
)
_WORD_AREA_VALUES = {"half a": 0.5, "a quarter of a": 0.25, "a": 1.0, "one": 1.0, "two": 2.0}
_WORD_AREA_VALUES |= {"three": 3.0, "four": 4.0, "five": 5.0}


# "wet in a 2 m x 3 m patch", "sagging over roughly a 1.5 x 1 m patch"
_PATCH = re.compile(
    rf"(?<![\d.,])(?P<a>{NUMBER}) ?(?P<ua>m|ft|feet|')? ?(?:x|\u00d7|by) ?"
    rf"(?P<b>{NUMBER}) ?(?P<ub>m|ft|feet|')"
    r"(?![\w']) (?:(?:wet|damp|stained|soaked) )?(?:patch|area|section|strip|band|zone)\b"
    # ("ceiling stain roughly 3 x 2 ft", "a puddle about 1 x 0.5 m": the damage named before its sides)
    r"|\b(?:stain|(?:wet|damp) (?:patch|area)|puddle|pool(?: of water)?)"
    r"(?: (?:roughly|about|approx\.?|approximately|around|some|of|measuring|~)){0,2} ?"
    rf"(?P<a2>{NUMBER}) ?(?P<ua2>m|ft|feet|')? ?(?:x|\u00d7|by) ?"
    rf"(?P<b2>{NUMBER}) ?(?P<ub2>m|ft|feet|')(?![\w'])",
    FLAGS,
)


_HEIGHT_UNIT = r"(?P<unit>in(?:ch(?:es)?)?\b|\"|cm\b|mm\b|ft\b|feet\b|foot\b|'|m\b)"


_WICKING = re.compile(
    r"\b(?:wick(?:ed|ing|s)?|wet|damp|saturated|moisture|water|tide ?marks?|stain(?:ed|ing)?)"
    r"(?: (?:up|to|at|approx\.?|approximately|~|about|around|of|by|height|level|high)){0,3} ?"
    rf"~?(?<![\d.,])(?P<value>\d{{1,4}}(?:[.,]\d{{1,2}})?) ?{_HEIGHT_UNIT}",
    FLAGS,
)


_WALL_LENGTH = re.compile(
    r"(?<![\d.,])(?P<value>\d{1,4}(?:[.,]\d{1,2})?) ?"
    r"(?P<unit>lf|lin\.? ?ft|linear (?:feet|foot|ft)|lm|lin\.? ?m|linear met(?:re|er)s?)\b",
    FLAGS,
)


# ("carpet wet wall to wall, about 4.4 m2" is a floor's extent, not a wall's)
_WALL_WORD = re.compile(
    r"\b(?:(?<!wall to )(?<!wall-to-)walls?(?![- ]to[- ]wall)"
    r"|drywall|plasterboard|gyprock|sheetrock|plaster)\b",
    FLAGS,
)


_FLOOR_WORD = re.compile(
    r"\b(?:floor(?:ing)?|carpet(?:s|ing)?|cpt|u/lay|pad|underlay|cushion|vinyl|lvp|lvt|laminate|hardwood"
    r"|timber floor"
    r"|floorboards?|tiles?|sub-?floor|slab|oak|maple|jarrah)\b",
    FLAGS,
)


_LABEL_WET_REACH = 20
_SIZE_LABEL_END = re.compile(
    r"\b(?:area|size|total|room)(?: ?(?:of|is|approx(?:imately)?\.?|about|~|:|=)){0,2} ?$|= ?$", FLAGS
)


_ALL_WALLS = re.compile(
    r"\b(?:all (?:\d |four )?walls|perimeter(?: walls?)?|all 4 walls|every wall)\b", FLAGS
)


_ABOVE_TWO_FEET = re.compile(r"\babove (?:2 ?(?:ft|feet|')|24 ?(?:in|\")|600 ?mm|0\.6 ?m)", FLAGS)


_CEILING_HEIGHT = re.compile(
    r"\b(?:ceiling|clg)s?(?: (?:height|ht|hgt|is|are|approx\.?|~|at|of|=|:)){0,2} ?"
    rf"(?<![\d.,])(?P<value>{NUMBER}) ?(?P<unit>ft|feet|foot|'|m|metres?|meters?)(?![\w'])(?! ?(?:x|by"
    rf"|\*)\b)"
    rf"|(?<![\d.,])(?P<value2>{NUMBER}) ?(?P<unit2>ft|feet|foot|'|m|metres?|meters?)(?![\w'])"
    r"(?: high| tall)? (?:ceilings?|clg)\b",
    FLAGS,
)


_INSETS = re.compile(
    r"\b(?P<n>\d{1,2}|no|one|two|three|four|five) (?:wall )?(?:insets?|offsets?)"
    r"(?: ?(?:/|and|&) ?(?:insets?|offsets?))?\b",
    FLAGS,
)


_AreaLookup = Callable[[int], AreaDraft | None]
_NamedLookup = Callable[[Mention], AreaDraft | None]


HeightSink = Callable[[float], None]


# "wet sound batts out, 32 SF": insulation is measured apart from the ceiling and floor it lies on
_INSULATION_WORD = re.compile(
    r"\b(?:insulation|batts|cellulose|mineral wool|glass ?wool|rock ?wool|quilt)\b", FLAGS
)


# Spaces whose floor is the insulation over the ceiling below.
_INSULATED_SPACES = frozenset({"attic", "loft", "ceiling_space"})


_SURFACES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ceiling", CEILING_WORD),
    ("insulation", _INSULATION_WORD),
    ("wall", _WALL_WORD),
    ("floor", _FLOOR_WORD),
)


_WHOLE_BUILDING = re.compile(
    r"\b(?:throughout|all rooms|all areas|typical|everywhere|whole (?:house|unit|home|dwelling))\b", FLAGS
)


# "water went out the east doors into corridor B, about 200 sf": where the water went is wet
_WATER_WENT = re.compile(
    r"\bwater (?:went|ran|spread|flowed|came|got|tracked|migrated|travell?ed|reached|covered)\b", FLAGS
)
# "residual water on the floor ... about 60 sf", "120 sf of floor had water on it": water lying on
# a floor is a wet floor
# ("about 6 m2 of the vinyl planks had water under them", "water was across all of it (20 m2)": water
# under a floating floor or across all of a room is a wet floor too)
_WATER_ON = re.compile(
    r"\bwater (?:(?:was|were|is|had been) )?(?:(?:still|left|lying|sitting|stood|standing|sat|pooled) )?"
    r"(?:on|over|across|covering|covered|under|beneath|underneath)"
    # ("the bathroom block had water over its whole floor": the room's own floor, said by "its")
    r" (?:(?:all|most|much|half) of )?(?:it\b|them\b|(?:the |its |their )?(?:(?:whole|entire) (?:[a-z]+ )?)?"
    r"(?:floor|slab|tiles?|concrete|carpet|planks?|boards?|vinyl|laminate|lino|underlay)\b"
    # "water stood on about 420 SF of it", "water covered roughly 80 sq ft around the dish pit"
    r"|(?:(?:about|approx\.?|approximately|roughly|around|some) )?\d)",
    FLAGS,
)
# "along the ensuite wall", "against the north wall": a wall that says where, not the wet surface
_ALONG_BEFORE = re.compile(
    # ("stain about 40 SF under bedroom 2's closet wall": the wall says where, the stain is the ceiling's)
    r"\b(?:along|against|beside|by|at|near|next to|up to|from|toward|towards|under|below|beneath)"
    r" (?:the |a )?(?:[\w'\u2019-]+ ){0,3}$",
    FLAGS,
)


# "ceiling drywall wet approx 60 SF", "ceiling tiles wet": the ceiling's, not a wall or a floor
_CEILING_BOARD_BEFORE = re.compile(r"\b(?:ceiling|clg)s? $", FLAGS)
_WET_LOOK_BACK = 300  # how far back in its sentence a measure looks for what is wet (bounded: linear)
# "only a small patch about 1.2 square metres in front of the dishwasher": a patch with its article
# is the damage's extent ("patch 6 holes" is work)
_DAMAGE_PATCH = re.compile(
    r"\b(?:a|one|the) (?:(?:small|little|large|big|single|wet|damp) ){0,2}patch[:,]?"
    r"(?: (?:of|about|approx\.?|approximately|roughly|around|some|~)){0,2} ?~?$",
    FLAGS,
)
_PATCH_REACH = 50
# a sentence that opens with a measure: "About 60 SF of the kitchen floor, 40 SF of ..."
_OPENS_WITH_MEASURE = re.compile(
    r"\s{0,4}(?:(?:about|approx\.?|approximately|roughly|around|some|~) ?)?"
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,5}}(?:[.,]\d{{1,2}})?) ?{_AREA_UNIT}",
    FLAGS,
)
_INTO = re.compile(r"\binto (?:the )?", FLAGS)
# "0.4 m2 in Surgery 2", "9 m2 wet in the kitchen", "40 SF of sealed concrete in the restroom
# corridor", "11 m2 of the family room carpet": the room named right after a measure holds it
_IN_ROOM_AFTER = re.compile(
    r"(?: (?:wet|damp|soaked|saturated|affected)| of(?: [\w/-]+){1,3}?)?"
    r" (?:in|on|across|throughout) (?:the )?"
    # "about 5 sq ft of a 14 ft x 11 ft kitchen": the room after its own size
    # ("about 5 sq ft wet out of a 12 x 11 ft kitchen")
    r"|(?: (?:wet|damp))?(?: out)? of (?:the |a |an |this )?\d{1,3}(?:\.\d{1,2})? ?(?:ft|m|')?"
    r" ?(?:x|by|\u00d7) ?\d{1,3}(?:\.\d{1,2})?"
    r" ?(?:ft|m|')? "
    r"| of (?:the )?",
    FLAGS,
)
_ROOM_AFTER_LOOK = 40
_LINE_LEAD = re.compile(r"\s{0,8}(?:[-*\u2022>#]{1,3}\s{0,3}|\d{1,2}(?:\.\d{1,2}){0,2}[.)]?\s{1,3})?")
# "Sales floor is 1,900 SF total": the room's size, whatever the sentence says of its finish
_TOTAL_AFTER = re.compile(r" ?(?:total|overall|in all)\b", FLAGS)
_IS_BEFORE = re.compile(
    r"\b(?:is|are|was|measures|measuring)(?: (?:about|approx\.?|approximately|roughly|around))? ?$", FLAGS
)
_SHARE_OF = re.compile(r"\bof (?:the |a |an |this |that )?$", FLAGS)


# A word that says what state a surface is in: a list that has one says which surface is wet.
_STATE_WORD = re.compile(
    r"\b(?:wet|damp|dry|soaked|saturated|wick\w*|stain\w*|affected|swollen|sagg\w*|fine|ok|sound)\b", FLAGS
)


class WetReader(WholeExtents):
    """Wet extents on one line: floor, wall and ceiling areas, wicking heights, ceiling height."""

    def __init__(self, text: str, sentences: Sentences, line: Line, on_default_height: HeightSink) -> None:
        self.text = text
        self.sentences = sentences
        self.line = line
        self._on_default_height = on_default_height

    def read(
        self,
        area_at: _AreaLookup,
        area_named: _NamedLookup = lambda mention: None,
        measured_at: _AreaLookup | None = None,
        listed: bool = False,
    ) -> None:
        """`measured_at`: whose a measure is when no room is named right after it or moved into
        (by default, whose its part of the line is); `listed`: the line is in a list of what got
        wet, so a measure of a floor or ceiling needs no wet word of its own."""
        self._area_named = area_named
        self._listed = listed
        self._quantities(measured_at or area_at)
        self._patches(area_at)
        self._word_quantities(measured_at or area_at)
        self._full_extents(area_at)
        self._every_floor()
        self._room_full_extents(area_at)
        self._percentages(area_at)
        self._walls(area_at)
        self._ceilings(area_at)

    def _record(self, area: AreaDraft) -> None:
        if not area.evidence or area.evidence[-1].line != self.line.number:
            area.evidence.append(self.line.span())

    def _surface(self, start: int, end: int) -> str | None:
        """The surface a quantity is about; insulation named with its ceiling ("ceiling drywall and
        batts wet, 40 SF") is the ceiling's measure."""
        surface = self._named_surface(start, end)
        if surface == "insulation":
            sentence_start, _ = around(self.sentences, start, end)
            if CEILING_WORD.search(self.text, max(sentence_start, start - 60), start):
                return "ceiling"
        return surface

    def _named_surface(self, start: int, end: int) -> str | None:
        """The surface a quantity is about: the last one named before it in its clause, else the
        first one after it in its clause, else the last one before it in its sentence."""
        sentence_start, sentence_end = around(self.sentences, start, end)
        clause_start = max(
            sentence_start,
            self.text.rfind(",", sentence_start, start) + 1,
            self.text.rfind(";", sentence_start, start) + 1,
        )
        before = self._last_surface(clause_start, start)
        if before is not None:
            return before
        clause_end = min(
            (found for found in (self.text.find(mark, end, sentence_end) for mark in ",;") if found >= 0),
            default=sentence_end,
        )
        after = self._first_surface(end, clause_end)
        if after is not None:
            return after
        # ("Kennel ward - sealed vinyl floor, plasterboard walls, wet throughout (28 m2)": a room's
        # list of its finishes names no one surface for the measure after it; a room's wet area
        # with its floor among them is the floor's)
        named = {name for _, name in self._surfaces(sentence_start, clause_start)}
        if (
            len(named) > 1
            and "floor" in named
            and not _STATE_WORD.search(self.text, sentence_start, clause_start)
        ):
            return "floor"  # (only a list of finishes: "carpet dry, walls wet, about 3 m2" is the walls')
        return self._last_surface(sentence_start, start)

    def _surfaces(self, start: int, end: int) -> Iterator[tuple[int, str]]:
        """Each surface named in [start, end), with where; a wall that says where ("along the
        ensuite wall") is none, and a ceiling's board or tiles ("ceiling drywall", "ceiling
        tiles") are the ceiling."""
        for name, pattern in _SURFACES:
            for match in pattern.finditer(self.text, start, end):
                if name == "wall" and _ALONG_BEFORE.search(
                    self.text, max(0, match.start() - 30), match.start()
                ):
                    continue
                of_ceiling = name != "ceiling" and _CEILING_BOARD_BEFORE.search(
                    self.text, max(0, match.start() - 12), match.start()
                )
                yield match.start(), "ceiling" if of_ceiling else name

    def _first_surface(self, start: int, end: int) -> str | None:
        return min(self._surfaces(start, end), default=(0, None))[1]

    def _last_surface(self, start: int, end: int) -> str | None:
        return max(self._surfaces(start, end), default=(0, None))[1]

    def _is_wet(self, start: int, end: int) -> bool:
        window_start, window_end = around(self.sentences, start, end, reach=40)
        window = self.text[window_start:window_end]
        if has_evidence(WET_WORD, window):
            return True
        # (water said to lie on or under what was measured takes more words: "about 6 m2 of the vinyl
        # planks had water under them")
        window_start, window_end = around(self.sentences, start, end, reach=60)
        if has_evidence(_WATER_ON, self.text[window_start:window_end]):
            return True
        sentence_start, _ = around(self.sentences, start, end)
        # "carpet and underlay wet for about 1 m in from the door, roughly 3 m2": the sentence said
        # what is wet before it said how much
        before = self.text[max(sentence_start, start - _WET_LOOK_BACK) : start]
        return (
            has_evidence(_WATER_WENT, before)
            or (
                (has_evidence(WET_WORD, before) or has_evidence(_WATER_ON, before))
                and not WORK_DONE.search(before)
            )
            or self._listed_after_water(sentence_start)
            or (_DAMAGE_PATCH.search(before[-_PATCH_REACH:]) is not None and not WORK_DONE.search(before))
        )

    def _listed_after_water(self, sentence_start: int) -> bool:
        """ "Water ran over the kitchen vinyl and into the dining room. About 60 SF of the kitchen
        floor, 40 SF of dining carpet ...": a sentence that opens with a measure and lists more,
        a sentence or two after the one that says where the water went, lists what it wetted."""
        if not _OPENS_WITH_MEASURE.match(self.text, sentence_start):
            return False
        _, sentence_end = self.sentences.bounds(sentence_start)
        if WORK_DONE.search(self.text, sentence_start, min(sentence_end, sentence_start + _WET_LOOK_BACK)):
            return False  # "25 SF of hall carpet was removed": work, not damage
        previous = self.text[max(0, sentence_start - _WET_LOOK_BACK) : sentence_start]
        return has_evidence(_WATER_WENT, previous) or has_evidence(_WATER_ON, previous)

    def _breakdowns(self) -> list[tuple[int, int]]:
        """ "732 SF of floor (420 sales floor, 224 stockroom, ...)": each room's part of a wet
        total; returns the totals' spans, which are no one room's."""
        totals: list[tuple[int, int]] = []
        for match in AREA_QUANTITY.finditer(self.text):
            value = written_value(match.group("value"))
            found = breakdown(self.text, match.end(), value) if value else None
            if found is None or not self._is_wet(match.start(), found[0]):
                continue
            totals.append((match.start(), match.end()))
            for part in found[1]:
                area = self._area_named(part.room) if part.room is not None else None
                if area is not None:
                    self._place(
                        area, match.start(), match.end(), round(area_sqft(match) * part.value / value, 1)
                    )
        return totals

    def _quantities(self, area_at: _AreaLookup) -> None:
        totals = self._breakdowns()
        for match in AREA_QUANTITY.finditer(self.text):
            if (match.start(), match.end()) in totals:
                continue
            before = self.text[max(0, match.start() - 24) : match.start()]
            size_label = _SIZE_LABEL_END.search(before)
            label_at = match.start() - len(before) + size_label.start() if size_label else 0
            # ("the quilt is saturated over an area of about 12 m2": the wet word just before the label)
            if size_label and not WET_WORD.search(self.text, max(0, label_at - _LABEL_WET_REACH), label_at):
                continue  # "floor area 24 m2" is the room's size
            if _IS_BEFORE.search(before) and _TOTAL_AFTER.match(self.text, match.end()):
                continue  # "the store is 2,800 SF total"
            named = self._room_right_after(match.end()) or self._room_moved_into(match.start())
            area = (
                (self._area_named(named) if named is not None else None)
                or area_at(match.start())
                or self._line_room(match.start())
            )
            space = self._lead_space()
            if space is not None and self._surface(match.start(), match.end()) == "insulation":
                area = space  # "Attic over the loft: insulation soaked over about 200 sq ft": the attic's
            covering = _FLOOR_COVERING.search(self.text, max(0, match.start() - 40), match.start())
            listed = (
                self._listed
                and not _SHARE_OF.search(before)  # "a few percent of the 1,650 SF suite": the whole
                and self._surface(match.start(), match.end()) in ("floor", "ceiling")
            )
            if area is None or not (self._is_wet(match.start(), match.end()) or covering or listed):
                continue
            self._place(area, match.start(), match.end(), area_sqft(match))

    def _word_quantities(self, area_at: _AreaLookup) -> None:
        """ "damp patch on the ceiling, maybe half a square metre": a size in words, when wet."""
        for match in _WORD_AREA.finditer(self.text):
            area = area_at(match.start())
            if area is None or not self._is_wet(match.start(), match.end()):
                continue
            value = _WORD_AREA_VALUES[" ".join(match.group("words").lower().split())]
            sqft = round(value * FEET_PER_METRE**2, 1) if match.group("sqm") else value
            self._place(area, match.start(), match.end(), sqft)

    def _patches(self, area_at: _AreaLookup) -> None:
        """ "carpet and pad wet in a 2 m x 3 m patch": a patch's sides give its area."""
        for match in _PATCH.finditer(self.text):
            named = "" if match.group("a") is not None else "2"  # (the damage named after or before)
            units = {(match.group(name + named) or "").lower().rstrip("e") for name in ("ua", "ub")} - {""}
            area = area_at(match.start())
            if area is None or len({"m" if unit == "m" else "ft" for unit in units}) != 1:
                continue
            if not self._is_wet(match.start(), match.end()) and not named:
                continue  # (a stain or a puddle is the damage itself)
            sides = parse_number(match.group("a" + named)) * parse_number(match.group("b" + named))
            sqft = round(sides * FEET_PER_METRE**2, 1) if units == {"m"} else round(sides, 1)
            self._place(area, match.start(), match.end(), sqft)

    def _place(self, area: AreaDraft, start: int, end: int, sqft: float) -> None:
        """A wet measure of `area` on the surface its clause names (the first one given stands)."""
        surface = self._surface(start, end)
        if surface == "ceiling" and area.wet.ceiling_sqft is None:
            area.wet.ceiling_sqft = sqft
        elif surface == "wall":
            if _ABOVE_TWO_FEET.search(self.text, end, end + 25):
                area.wet.wall_above_sqft = sqft
            elif area.wet.wall_total_sqft is None:
                area.wet.wall_total_sqft = sqft
        elif (
            surface in ("floor", None) or (surface == "insulation" and area.base in _INSULATED_SPACES)
        ) and area.wet.floor_sqft is None:
            # (in a loft or roof space the wet insulation lying over the ceiling joists is its extent:
            # "Loft: the quilt over bedroom 2 is saturated over about 12 m2")
            # A wet area with no surface named ("a third of the court, about 2,900 sq ft") is floor
            area.wet.floor_sqft = sqft
        else:
            return
        self._record(area)

    def _line_room(self, start: int) -> AreaDraft | None:
        """ "- Family room 15 x 20, carpet staged in the garage for review. About 220 SF of the
        300 SF wet.": a measure whose own sentence names no room, after a room named only in passing
        (no affected area), is the room the line opens with."""
        sentence_start, sentence_end = around(self.sentences, start, start)
        if vocabulary_mentions(self.text[sentence_start:sentence_end]):
            return None
        lead = _LINE_LEAD.match(self.text)
        opening = vocabulary_mentions(self.text[lead.end() : lead.end() + _ROOM_AFTER_LOOK]) if lead else []
        return self._area_named(opening[0]) if opening and opening[0].start == 0 else None

    def _lead_space(self) -> AreaDraft | None:
        """The loft, attic or roof space the line opens with ("Roof space over the lounge: ...")."""
        lead = _LINE_LEAD.match(self.text)
        opening = vocabulary_mentions(self.text[lead.end() : lead.end() + _ROOM_AFTER_LOOK]) if lead else []
        space = self._area_named(opening[0]) if opening and opening[0].start == 0 else None
        return space if space is not None and space.base in _INSULATED_SPACES else None

    def _room_right_after(self, end: int) -> Mention | None:
        """ "about 0.6 m2 in the steriliser room and 0.4 m2 in Surgery 2": where the room named right
        after a measure ends, so the measure is that room's, not the room the sentence began on."""
        lead = _IN_ROOM_AFTER.match(self.text, end)
        if lead is None:
            return None
        mention = next(iter(vocabulary_mentions(self.text[lead.end() : lead.end() + _ROOM_AFTER_LOOK])), None)
        return mention if mention is not None and mention.start == 0 else None

    def _room_moved_into(self, start: int) -> Mention | None:
        """ "water went out the gym's doors into corridor B, about 200 sf": the room the water went
        into, earlier in the sentence, holds the measure."""
        sentence_start, _ = around(self.sentences, start, start)
        into = next(reversed(list(_INTO.finditer(self.text, sentence_start, start))), None)
        if into is None or not _WATER_WENT.search(self.text, sentence_start, into.start()):
            return None
        mention = next(iter(vocabulary_mentions(self.text[into.end() : into.end() + _ROOM_AFTER_LOOK])), None)
        return mention if mention is not None and mention.start == 0 else None

    def _walls(self, area_at: _AreaLookup) -> None:
        for match in _WICKING.finditer(self.text):
            start, end = around(self.sentences, match.start(), match.end())
            if not _WALL_WORD.search(self.text, start, end) or _CEILING_HEIGHT.match(
                self.text, match.start()
            ):
                continue
            height = parse_height_ft(match.group("value"), match.group("unit"))
            area = area_at(match.start())
            if area is not None and height is not None and area.wet.wick_height_ft is None:
                area.wet.wick_height_ft = height
                self._record(area)
        for match in _WALL_LENGTH.finditer(self.text):
            area = area_at(match.start())
            if area is not None and self._surface(match.start(), match.end()) == "wall":
                unit = match.group("unit").lower()
                metres = unit in ("lm",) or unit.startswith(("lin m", "lin. m", "linear m"))
                value = parse_number(match.group("value"))
                area.wet.wall_length_ft = round(value * FEET_PER_METRE, 1) if metres else round(value, 1)
                self._record(area)
        for match in _ALL_WALLS.finditer(self.text):
            area = area_at(match.start())
            if area is not None and self._is_wet(match.start(), match.end()):
                area.wet.wall_perimeter = True
                self._record(area)
        for match in _INSETS.finditer(self.text):
            area = area_at(match.start())
            if area is not None:
                word = match.group("n").lower()
                area.wet.insets = 0 if word == "no" else count_word(word)

    def _ceilings(self, area_at: _AreaLookup) -> None:
        for match in _CEILING_HEIGHT.finditer(self.text):
            value, unit = (
                match.group("value") or match.group("value2"),
                match.group("unit") or match.group("unit2"),
            )
            area = area_at(match.start())
            height = parse_height_ft(value, "m" if unit.lower().startswith("m") else "ft")
            if height is None or not 6 <= height <= 30:
                continue
            start, end = around(self.sentences, match.start(), match.end())
            if _WHOLE_BUILDING.search(self.text, start, end):
                self._on_default_height(height)  # "ceiling height 2.4 m throughout"
            elif area is not None:
                area.wet.ceiling_height_ft = height
        heights = [(match.start(), match.end()) for match in _CEILING_HEIGHT.finditer(self.text)]
        for match in CEILING_WORD.finditer(self.text):
            area = area_at(match.start())
            if area is None or any(start <= match.start() < end for start, end in heights):
                continue  # "8 ft ceilings" is a height, not a wet ceiling
            if is_negated(self.text, match.start(), match.end()):
                continue  # "no ceiling involvement"
            start, end = self._clause(match.start(), match.end())
            if has_evidence(WET_WORD, self.text[start:end]):
                area.wet.ceiling_wet = True

    def _clause(self, start: int, end: int) -> tuple[int, int]:
        sentence_start, sentence_end = around(self.sentences, start, end)
        clause_start = self.text.rfind(",", sentence_start, start) + 1 or sentence_start
        comma = self.text.find(",", end, sentence_end)
        return max(clause_start, sentence_start), comma if comma >= 0 else sentence_end
