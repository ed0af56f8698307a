"""A whole floor, carpet, ceiling or wall perimeter wet ("the entire lounge carpet", "wet
throughout", "the water covered the laundry floor"), and a share of the floor ("60% of the
carpet"): the extents `WetReader` records without a measure."""

from __future__ import annotations

import re
from collections.abc import Callable

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.spaces_vocabulary import Mention, vocabulary_mentions
from chalicelib.analysis.offline.text import FLAGS, Sentences

FULL_EXTENT = re.compile(
    r"\b(?:(?:entire|whole|all(?: of)?(?: the)?|full|complete) (?P<noun>floor(?:ing)?|carpet(?:ed)?(?: area"
    r"| floor)?"
    r"|room|area|underlay|pad|ceiling|walls?|perimeter)|wall[- ]to[- ]wall|throughout|100 ?%"
    # "vinyl fully wet", "tiles completely under water", "wet end to end", "flooded edge to edge": the
    # whole of the surface the clause names, said by how it is wet
    r"|(?P<how>(?:fully|completely|totally|entirely|all(?: of it)?) (?:wet|soaked|saturated|flooded"
    r"|submerged|under ?water)\b)"
    # "- laundry (3 x 2 m), completely covered", "fully covered in water": a room's floor covered by
    # the water, not by a tarp or a film of mould
    r"|(?P<covered>(?:fully|completely|totally|entirely) covered"
    r"(?: (?:in|with|by) (?:the )?(?:water|floodwater|sewage))?(?! (?:with|in|by|over|under|for|on|up)\b))"
    r"|(?:end|edge|side) to (?:end|edge|side)\b"
    # "water all over the floor", "wet all across the carpet"
    r"|(?P<water>water )?\ball (?:over|across) (?:the )?(?P<over>floor(?:ing)?|carpet)\b)",
    FLAGS,
)
# "fully wet by the door", "completely soaked in the corner": how wet a spot is, not how much is wet
_SPOT_AFTER = re.compile(
    r"[,;]? ?(?:[a-z]+ ){0,2}?(?:near|by|around|along|at|beside|behind|under|in front|next to|where"
    r"|in (?:the )?(?:corner|middle|centre|center|doorway|places|patches|spots))\b",
    FLAGS,
)


# "The whole kitchen floor was wet", "the entire closet ceiling": the room named in the phrase is
# the one whose whole floor or ceiling it is, whoever the line was about before.
# ("The water covered the laundry room floor (10 x 8 ft, bare concrete)": over all of it; not "covered
# the kitchen floor in places")
_ROOM_FULL_EXTENT = re.compile(
    r"\b(?:entire|whole|all of the|full) (?P<room>[a-z][a-z ]{2,20}?) (?P<noun>floor|carpet|ceiling)\b"
    # ("the water covered the laundry room floor (10 x 8 ft)": the floor it covered, not a spot of it)
    r"|\bwater (?:had |has )?(?:covered|flooded) the (?P<room2>[a-z][a-z ]{2,20}?) (?P<noun2>floor|carpet)\b"
    r"(?! (?:near|by|around|in front|at|along|beside|under|behind|next|partly|partially)\b"
    r"| in (?:places|patches|spots|parts)\b)",
    FLAGS,
)


# "Affected: lounge 7 x 5 m, kitchen 4 x 3.5 m, bed 1 - all floors fully wet", "carpets wet wall to
# wall in every room": each room of the sentence has its whole floor wet (the plural says so).
_EVERY_FLOOR = re.compile(
    r"\ball (?:of )?(?:the |their |its )?(?:floors|carpets|floor coverings)(?: (?:were|are|fully|completely"
    r"|totally|entirely)){0,2} (?:wet|soaked|saturated|flooded|under water)\b"
    r"|\b(?:floors|carpets) (?:were |are )?(?:fully |completely |totally )?(?:wet|soaked|saturated|flooded)"
    r" (?:(?:wall[- ]to[- ]wall |right through |throughout )?in )?(?:all|every|each|both)"
    r" (?:of (?:the|these|them)|rooms?|the rooms)\b",
    FLAGS,
)


# (a clause break straight before: a comma, colon, semicolon or dash, or the line's start)
_CLAUSE_OPENED = re.compile(r"(?:^|[,;:\u2013\u2014]|\s-)\s*$", FLAGS)

_PERCENT_OF_FLOOR = re.compile(
    r"(?<![\d.])(?P<pct>\d{1,2}(?:\.\d)?) ?% (?:of (?:the )?)?(?:floor(?:ing)?|carpet|room|area)\b", FLAGS
)


# The words of a floor's own kind between "whole" and "floor": "the whole tiled floor", "entire vinyl
# floor", not a level ("the whole ground floor") or another room.
_FLOOR_KIND = frozenset(
    ["tiled", "tile", "vinyl", "carpeted", "timber", "wooden", "wood", "concrete", "laminate", "hardwood"]
)
_LEVEL_WORDS = frozenset(
    ["ground", "main", "first", "second", "third", "upper", "lower", "top", "bottom", "basement"]
)


def _short_named(written: str, area: AreaDraft | None) -> AreaDraft | None:
    """The room a line is about, for a room said short ("Whole utility floor wet" on the utility
    room's line) or a floor said by its kind ("the whole tiled floor"); None for a level or a word
    its name does not hold."""
    if area is None:
        return None
    words = written.lower().split()
    name = area.room.lower()
    if any(word in _LEVEL_WORDS for word in words):
        return None
    if all(word in _FLOOR_KIND for word in words) or all(word in name.split() for word in words):
        return area
    return None


class WholeExtents:
    """WetReader keeps the line's text and the lookups these read; it says what is wet."""

    text: str
    sentences: Sentences
    _area_named: Callable[[Mention], AreaDraft | None]
    _is_wet: Callable[[int, int], bool]
    _record: Callable[[AreaDraft], None]
    _surface: Callable[[int, int], str | None]
    _last_surface: Callable[[int, int], str | None]

    def _full_extents(self, area_at: Callable[[int], AreaDraft | None]) -> None:
        for match in FULL_EXTENT.finditer(self.text):
            area = area_at(match.start())
            # (water covering it, or lying all over it, says it was wet)
            said_wet = match.group("covered") is not None or match.group("water") is not None
            if area is None or not (said_wet or self._is_wet(match.start(), match.end())):
                continue
            surface = self._surface(match.start(), match.end())
            if match.group("covered") is not None and (
                _SPOT_AFTER.match(self.text, match.end()) or not self._floor_covered(match.start())
            ):
                # ("the wall completely covered", "desk completely covered": no floor; "covered by the
                # door": a spot; a room's line, "- laundry (3 x 2 m), completely covered": its floor)
                continue
            if match.group("how") is not None and (
                _SPOT_AFTER.match(self.text, match.end()) or surface != "floor"
            ):
                # ("pad completely saturated by the door": a spot of it; "boxes all wet", "drywall
                # fully wet": the whole of no floor)
                continue
            noun = (match.group("noun") or match.group("over") or "").lower()
            if noun.startswith("ceiling"):
                area.wet.ceiling_full = True
            elif noun.startswith(("wall", "perimeter")):
                area.wet.wall_perimeter = True
            elif noun or self._surface(match.start(), match.end()) in (None, "floor"):
                area.wet.floor_full = True
            else:
                continue
            self._record(area)

    def _floor_covered(self, pos: int) -> bool:
        """Whether what is covered at `pos` is a floor: the clause before it names a floor, or is empty
        (the words at `pos` open their own clause on a room's line)."""
        if _CLAUSE_OPENED.search(self.text, max(0, pos - 40), pos) is not None:
            return True
        sentence_start, _ = self.sentences.bounds(pos)
        breaks = (self.text.rfind(mark, sentence_start, pos) + 1 for mark in ",;:")
        clause_start = max(sentence_start, *breaks)
        return self._last_surface(clause_start, pos) == "floor"

    def _every_floor(self) -> None:
        """Every affected room its sentence names, before the words that say all their floors are wet."""
        for match in _EVERY_FLOOR.finditer(self.text):
            start, _ = self.sentences.bounds(match.start())
            for room in vocabulary_mentions(self.text[start : match.start()]):
                area = self._area_named(room)
                if area is not None and not area.wet.floor_full:
                    area.wet.floor_full = True
                    self._record(area)

    def _room_full_extents(self, area_at: Callable[[int], AreaDraft | None]) -> None:
        for match in _ROOM_FULL_EXTENT.finditer(self.text):
            named = "" if match.group("room") is not None else "2"
            written = match.group("room" + named)
            room = next(iter(vocabulary_mentions(written)), None)
            if room is not None and room.start == 0 and room.end == len(written):
                area = self._area_named(room)
            else:
                area = _short_named(written, area_at(match.start()))
            if area is None or not (named or self._is_wet(match.start(), match.end())):
                continue  # (water covering it says it was wet)
            if match.group("noun" + named).lower() == "ceiling":
                area.wet.ceiling_full = True
            else:
                area.wet.floor_full = True
            self._record(area)

    def _percentages(self, area_at: Callable[[int], AreaDraft | None]) -> None:
        for match in _PERCENT_OF_FLOOR.finditer(self.text):
            area = area_at(match.start())
            if area is not None and self._is_wet(match.start(), match.end()):
                area.wet.floor_percent = float(match.group("pct"))
                self._record(area)
