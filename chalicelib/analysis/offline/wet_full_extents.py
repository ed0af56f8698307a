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
    r"|room|area|underlay|pad|ceiling|walls?|perimeter)|wall[- ]to[- ]wall|throughout|100 ?%)",
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


_PERCENT_OF_FLOOR = re.compile(
    r"(?<![\d.])(?P<pct>\d{1,2}(?:\.\d)?) ?% (?:of (?:the )?)?(?:floor(?:ing)?|carpet|room|area)\b", FLAGS
)


class WholeExtents:
    """WetReader keeps the line's text and the lookups these read; it says what is wet."""

    text: str
    sentences: Sentences
    _area_named: Callable[[Mention], AreaDraft | None]
    _is_wet: Callable[[int, int], bool]
    _record: Callable[[AreaDraft], None]
    _surface: Callable[[int, int], str | None]

    def _full_extents(self, area_at: Callable[[int], AreaDraft | None]) -> None:
        for match in FULL_EXTENT.finditer(self.text):
            area = area_at(match.start())
            if area is None or not self._is_wet(match.start(), match.end()):
                continue
            noun = (match.group("noun") or "").lower()
            if noun.startswith("ceiling"):
                area.wet.ceiling_full = True
            elif noun.startswith(("wall", "perimeter")):
                area.wet.wall_perimeter = True
            elif noun or self._surface(match.start(), match.end()) in (None, "floor"):
                area.wet.floor_full = True
            else:
                continue
            self._record(area)

    def _every_floor(self) -> None:
        """Every affected room its sentence names, before the words that say all their floors are wet."""
        for match in _EVERY_FLOOR.finditer(self.text):
            start, _ = self.sentences.bounds(match.start())
            for room in vocabulary_mentions(self.text[start : match.start()]):
                area = self._area_named(room)
                if area is not None and not area.wet.floor_full:
                    area.wet.floor_full = True
                    self._record(area)

    def _room_full_extents(self) -> None:
        for match in _ROOM_FULL_EXTENT.finditer(self.text):
            named = "" if match.group("room") is not None else "2"
            written = match.group("room" + named)
            room = next(iter(vocabulary_mentions(written)), None)
            if room is None or room.start != 0 or room.end != len(written):
                continue  # "the whole ground floor": a level, not a room
            area = self._area_named(room)
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
