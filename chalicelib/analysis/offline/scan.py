"""The line-by-line reader of spaces: which rooms are affected, their extents, readings and air."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date

from chalicelib.analysis.findings import (
    AtmosphericReading,
)
from chalicelib.analysis.offline.areas import (
    AreaDraft,
)
from chalicelib.analysis.offline.atmosphere import (
    AIR_PLACE,
    AirToken,
    air_place,
    air_room,
    air_tokens,
    atmospheric,
)
from chalicelib.analysis.offline.job import (
    SECTION_LABEL,
)
from chalicelib.analysis.offline.measures import (
    CEILING_WORD,
    FEET_PER_METRE,
    NUMBER,
    WET_WORD,
    area_sqft,
    dimensions_in,
    parse_height_ft,
    patch_surface,
    stated_areas_in,
)
from chalicelib.analysis.offline.readings import (
    Goal,
    Material,
    MaterialFinder,
    ReadingDraft,
    dry_note,
    is_reference_reading,
    materials_in,
    meter_in,
    readings_in,
)
from chalicelib.analysis.offline.spaces import (
    ROOM_PATTERN,
    Mention,
    Owners,
    place_mentions,
    room_mentions,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    Sentences,
    around,
    count_word,
    first_found,
    has_evidence,
    is_negated,
    parse_number,
)

# Rooms that hold other rooms: "Basement" is dropped when "Basement laundry" is an area too.
_CONTAINER_ROOMS = frozenset({"basement", "cellar"})


_AREA_UNIT = (
    r"(?:(?P<sqft>sq\.? ?(?:ft|feet|foot)|sqft|sf|ft2|square (?:feet|foot))"
    r"|(?P<sqm>m2|sq\.? ?m|sqm|square met(?:re|er)s?))\b"
)


_AREA_QUANTITY = re.compile(rf"(?<![\d.,])(?P<value>\d{{1,5}}(?:[.,]\d{{1,2}})?) ?{_AREA_UNIT}", FLAGS)


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


_WALL_WORD = re.compile(r"\b(?:walls?|drywall|plasterboard|gyprock|sheetrock|plaster)\b", FLAGS)


_FLOOR_WORD = re.compile(
    r"\b(?:floor(?:ing)?|carpet(?:s|ing)?|pad|underlay|cushion|vinyl|lvp|lvt|laminate|hardwood|timber floor"
    r"|floorboards?|tiles?|sub-?floor|slab|oak|maple|jarrah)\b",
    FLAGS,
)


# Only these say water is held in the material (a lifting tile says nothing about the slab under it).
_SOAKED_WORD = re.compile(
    r"\b(?:wet|saturated|soaked|damp|cupp(?:ed|ing)|crowning|buckl(?:ed|ing)|elevated|high readings?"
    r"|bound water|water ?logged)\b",
    FLAGS,
)


_SIZE_LABEL_END = re.compile(
    r"\b(?:area|size|total|room)(?: ?(?:of|is|approx(?:imately)?\.?|about|~|:|=)){0,2} ?$|= ?$", FLAGS
)


_FULL_EXTENT = re.compile(
    r"\b(?:(?:entire|whole|all(?: of)?(?: the)?|full|complete) (?P<noun>floor(?:ing)?|carpet(?:ed)?(?: area"
    r"| floor)?"
    r"|room|area|underlay|pad|ceiling|walls?|perimeter)|wall[- ]to[- ]wall|throughout|100 ?%)",
    FLAGS,
)


_PERCENT_OF_FLOOR = re.compile(
    r"(?<![\d.])(?P<pct>\d{1,2}(?:\.\d)?) ?% (?:of (?:the )?)?(?:floor(?:ing)?|carpet|room|area)\b", FLAGS
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


# A readings block: its heading line and the lines under it, up to a blank line or another section.
_READINGS_HEADER = re.compile(
    r"^[\s\-*#>]*(?:[a-z/]+ ){0,3}(?:moisture (?:readings?|map|check|content)|readings?|mc readings?)\b",
    FLAGS,
)


_SCALES = (
    (re.compile(r"\bwme\b", FLAGS), "WME"),
    (re.compile(r"\b(?:ref(?:erence)?|rel(?:ative)?)\b", FLAGS), "REL"),
    (re.compile(r"\b(?:wood|%\s?mc|mc)\b", FLAGS), "%MC"),
)


_GOAL_BEFORE = re.compile(r"\b(?:goal|target|dry(?:ing)? goal)\b\W{0,3}(?:[a-z]+ ){0,2}\W{0,2}$", FLAGS)


_UNSPECIFIED_LOCATION = "unspecified"


_AreaLookup = Callable[[int], AreaDraft | None]


HeightSink = Callable[[float], None]


_SURFACES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ceiling", CEILING_WORD),
    ("wall", _WALL_WORD),
    ("floor", _FLOOR_WORD),
)


_WHOLE_BUILDING = re.compile(
    r"\b(?:throughout|all rooms|all areas|typical|everywhere|whole (?:house|unit|home|dwelling))\b", FLAGS
)


# --- the scan ----------------------------------------------------------------------------------


class RoomScan:
    """One pass over the lines, carrying the room the notes are currently talking about."""

    def __init__(self, line_dates: Sequence[date | None], scope_lines: frozenset[int]) -> None:
        self.areas: dict[str, AreaDraft] = {}
        self.readings: list[ReadingDraft] = []
        self.goals: list[Goal] = []
        self.air: list[AtmosphericReading] = []
        self.unaffected: set[str] = set()
        self.rooms_by_line: dict[int, str] = {}
        self.default_height_ft: float | None = None
        self._in_readings = False
        self._block_header = ""
        self._context: Mention | None = None
        self._meter: str | None = None
        self._line_dates = line_dates
        self._scope_lines = scope_lines

    def scan(self, lines: Iterable[Line]) -> None:
        for index, line in enumerate(lines):
            if not line.text:
                # A blank line ends a room's section, and a readings block.
                self._context = None
                self._in_readings = False
                continue
            rooms = [self._resolve(room) for room in room_mentions(line.text)]
            # A room called unaffected stays a reference room: its later readings are dry standards.
            rooms = [
                replace(room, affected=False)
                if room.key in self.unaffected and room.key not in self.areas
                else room
                for room in rooms
            ]
            for room in rooms:
                if room.affected and room.key not in self.areas:
                    self.areas[room.key] = AreaDraft(room=room.name, base=room.base, source=line.span())
                elif room.unaffected and room.key not in self.areas:
                    self.unaffected.add(room.key)
            self._note_room(line, rooms)
            owners = Owners(line.text, rooms)
            self._meter = meter_in(line.text) or self._meter
            self._update_block(line)
            self._attach_details(line, owners, is_scope=line.number in self._scope_lines)
            self._collect_readings(line, rooms, self._line_dates[index])
            self._collect_air(line, rooms, self._line_dates[index])
            if rooms:
                self._context = rooms[-1]

    def _in_reference_room(self, place: Mention | None) -> bool:
        """A room called unaffected, here or before, and never described as damaged."""
        if place is None or not place.is_room:
            return False
        return place.unaffected or (place.key in self.unaffected and place.key not in self.areas)

    def _update_block(self, line: Line) -> None:
        if _READINGS_HEADER.match(line.text):
            self._in_readings = True
            self._block_header = line.text  # "Readings (Tramex ME5, ref scale) 12/09:" names the scale
        elif SECTION_LABEL.match(line.text):
            self._in_readings = False  # "Equipment: ..." starts another section

    def _bare_scale(self) -> str | None:
        if not self._in_readings:
            return None
        named = f"{self._meter or ''} {self._block_header}"
        return next((scale for pattern, scale in _SCALES if pattern.search(named)), "%")

    def _name(self, place: Mention | None) -> str:
        if place is None:
            return _UNSPECIFIED_LOCATION
        return self.areas[place.key].room if place.key in self.areas else place.name

    def _set_default_height(self, height: float) -> None:
        self.default_height_ft = self.default_height_ft or height

    def finish(self) -> list[AreaDraft]:
        """The affected areas, with a whole-building ceiling height where a room has none."""
        self.drop_containers()
        for area in self.areas.values():
            if area.height_ft is None and self.default_height_ft is not None:
                area.wet.ceiling_height_ft = self.default_height_ft
        return list(self.areas.values())

    def _note_room(self, line: Line, rooms: Sequence[Mention]) -> None:
        named = first_found(self.areas[room.key].room for room in rooms if room.key in self.areas)
        if named:
            self.rooms_by_line[line.number] = named

    def _resolve(self, room: Mention) -> Mention:
        """A bare "bathroom" after "Downstairs bathroom" is that room, when it is the only one; and
        "laundry" first, "basement laundry" later are one room, named the longer way."""
        if room.key in self.areas:
            return room
        same_base = [key for key, area in self.areas.items() if area.base == room.base]
        if len(same_base) != 1:
            return room
        existing = same_base[0]
        if not room.qualified:
            return replace(room, key=existing, name=self.areas[existing].room)
        if existing.startswith("|") and room.key.endswith("|") and existing.endswith("|"):
            # Only a qualifier is added ("basement laundry"), never a number ("bedroom 2").
            area = self.areas.pop(existing)
            area.room = room.name
            self.areas[room.key] = area
            if existing in self.unaffected:
                self.unaffected.add(room.key)
        return room

    def drop_containers(self) -> None:
        """ "Basement" named on its own is the level the basement rooms are on, not another room."""
        for key, area in list(self.areas.items()):
            is_level = area.base in _CONTAINER_ROOMS and key.startswith("|")
            if is_level and any(other.startswith(f"{area.base}|") for other in self.areas):
                del self.areas[key]

    def _owner(self, owners: Owners, pos: int) -> Mention | None:
        return owners.at(pos) or self._context

    def _area_at(self, owners: Owners, pos: int) -> AreaDraft | None:
        owner = self._owner(owners, pos)
        if owner is None or not owner.affected:
            return None
        return self.areas.get(owner.key)

    def _attach_details(self, line: Line, owners: Owners, *, is_scope: bool) -> None:
        text = line.text
        sentences = Sentences(text)
        for material in materials_in(text):
            area = self._area_at(owners, material.start)
            if area is not None:
                area.materials.setdefault(material.key, material.name)
                start, end = around(sentences, material.start, material.end, reach=60)
                if not is_scope and has_evidence(_SOAKED_WORD, text[start:end]):
                    area.soaked_materials.setdefault(material.key, line.span())
        for start, end, dimensions in dimensions_in(text):
            area = self._area_at(owners, start)
            patch = patch_surface(text, start, end)
            if area is not None and patch is not None:
                if patch == "ceiling":
                    area.wet.ceiling_sqft = area.wet.ceiling_sqft or dimensions.floor_area_sqft
                else:
                    area.wet.wall_total_sqft = area.wet.wall_total_sqft or dimensions.floor_area_sqft
                area.evidence.append(line.span())
            elif area is not None and area.dimensions is None:
                area.dimensions = dimensions
                # Cite the line the measurements are on: it is the fact an adjuster checks.
                area.source = line.span()
        for start, sqft, unit in stated_areas_in(text):
            area = self._area_at(owners, start)
            if area is not None and area.stated_area_sqft is None:
                area.stated_area_sqft, area.stated_unit = sqft, unit
        if not is_scope:
            _WetReader(text, sentences, line, self._set_default_height).read(
                lambda pos: self._area_at(owners, pos)
            )

    def _collect_readings(self, line: Line, rooms: Sequence[Mention], taken_on: date | None) -> None:
        text = line.text
        materials = materials_in(text)
        readings = readings_in(text, materials, self._bare_scale())
        if not readings:
            return
        places = Owners(text, [*rooms, *place_mentions(text)])
        finder = MaterialFinder(text, materials)
        sentences = Sentences(text)
        affected_starts = [room.start for room in rooms if room.affected]
        previous_material: Material | None = None
        for index, reading in enumerate(readings):
            previous_end = readings[index - 1].end if index else 0
            next_start = readings[index + 1].start if index + 1 < len(readings) else len(text)
            material = finder.for_reading(readings, index)
            if material is None and previous_material is not None and index:
                # "oak 26 %MC at fridge, 19 %MC center": the material carries on in its sentence.
                same_sentence = sentences.bounds(readings[index - 1].start) == sentences.bounds(reading.start)
                material = previous_material if same_sentence else None
            previous_material = material
            if _GOAL_BEFORE.search(text, max(previous_end, reading.start - 30), reading.start):
                self.goals.append(Goal(material.key if material else None, reading.unit, reading.value))
                continue
            place = places.at(reading.start) or self._context
            self.readings.append(
                ReadingDraft(
                    location=self._name(place),
                    material=material,
                    value=reading.value,
                    unit=reading.unit,
                    meter=self._meter,
                    taken_on=taken_on,
                    is_reference=self._in_reference_room(place)
                    or is_reference_reading(text, sentences, reading, affected_starts),
                    said_dry=dry_note(text, reading.end, next_start),
                    source=line.span(),
                )
            )

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


class _WetReader:
    """Wet extents on one line: floor, wall and ceiling areas, wicking heights, ceiling height."""

    def __init__(self, text: str, sentences: Sentences, line: Line, on_default_height: HeightSink) -> None:
        self.text = text
        self.sentences = sentences
        self.line = line
        self._on_default_height = on_default_height

    def read(self, area_at: _AreaLookup) -> None:
        self._quantities(area_at)
        self._full_extents(area_at)
        self._percentages(area_at)
        self._walls(area_at)
        self._ceilings(area_at)

    def _record(self, area: AreaDraft) -> None:
        if not area.evidence or area.evidence[-1].line != self.line.number:
            area.evidence.append(self.line.span())

    def _surface(self, start: int, end: int) -> str | None:
        """The surface a quantity is about: the last one named before it in its clause, else the
        first one after it in its clause, else the last one before it in its sentence."""
        sentence_start, sentence_end = around(self.sentences, start, end)
        clause_start = max(sentence_start, self.text.rfind(",", sentence_start, start) + 1)
        before = self._last_surface(clause_start, start)
        if before is not None:
            return before
        comma = self.text.find(",", end, sentence_end)
        clause_end = comma if comma >= 0 else sentence_end
        for name, pattern in _SURFACES:
            if pattern.search(self.text, end, clause_end):
                return name
        return self._last_surface(sentence_start, start)

    def _last_surface(self, start: int, end: int) -> str | None:
        best: tuple[int, str] | None = None
        for name, pattern in _SURFACES:
            for match in pattern.finditer(self.text, start, end):
                if best is None or match.start() > best[0]:
                    best = (match.start(), name)
        return best[1] if best else None

    def _is_wet(self, start: int, end: int) -> bool:
        window_start, window_end = around(self.sentences, start, end, reach=40)
        return has_evidence(WET_WORD, self.text[window_start:window_end])

    def _quantities(self, area_at: _AreaLookup) -> None:
        for match in _AREA_QUANTITY.finditer(self.text):
            before = self.text[max(0, match.start() - 24) : match.start()]
            size_label = _SIZE_LABEL_END.search(before)
            if size_label and not WET_WORD.search(
                before, max(0, size_label.start() - 16), size_label.start()
            ):
                continue  # "floor area 24 m2" is the room's size
            area = area_at(match.start())
            if area is None or not self._is_wet(match.start(), match.end()):
                continue
            surface = self._surface(match.start(), match.end())
            sqft = area_sqft(match)
            if surface == "ceiling" and area.wet.ceiling_sqft is None:
                area.wet.ceiling_sqft = sqft
            elif surface == "wall":
                if _ABOVE_TWO_FEET.search(self.text, match.end(), match.end() + 25):
                    area.wet.wall_above_sqft = sqft
                elif area.wet.wall_total_sqft is None:
                    area.wet.wall_total_sqft = sqft
            elif surface == "floor" and area.wet.floor_sqft is None:
                area.wet.floor_sqft = sqft
            else:
                continue
            self._record(area)

    def _full_extents(self, area_at: _AreaLookup) -> None:
        for match in _FULL_EXTENT.finditer(self.text):
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

    def _percentages(self, area_at: _AreaLookup) -> None:
        for match in _PERCENT_OF_FLOOR.finditer(self.text):
            area = area_at(match.start())
            if area is not None and self._is_wet(match.start(), match.end()):
                area.wet.floor_percent = float(match.group("pct"))
                self._record(area)

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
