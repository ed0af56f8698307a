"""Where a reading was taken: the room its own words name, the room a surface or a point was
described under, the room of a wide table's column, or the room the notes are on; and whether
that room is a dry standard's."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.reading_line_items import table_row_location
from chalicelib.analysis.offline.reading_places import PlaceMemory
from chalicelib.analysis.offline.reading_room_codes import room_code_key
from chalicelib.analysis.offline.reading_room_words import RoomWords
from chalicelib.analysis.offline.reading_row_parts import WHERE_WORDS, RowReading
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_sentence import told_reference
from chalicelib.analysis.offline.reading_sized_spaces import sized_space_lead
from chalicelib.analysis.offline.readings import REFERENCE_WORD, ReadingDraft, materials_in
from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS, collapse

UNSPECIFIED_LOCATION = "unspecified"

# Rooms known only by the words they are written with ("plant room", "Studio B", "Tom's room")
_TOLD_BY_WORDS = frozenset({"other_room", "named_room", "lettered_space"})
_NAME_WORD = re.compile(r"[a-z]{3,}", re.IGNORECASE)
_GENERIC_WORDS = frozenset({"room", "area", "space", "studio", "ward", "bay", "lab", "shop"})


def _other_words(room: Mention, area_name: str) -> bool:
    """Whether a room known only by its words names another room than the area does: "kennel
    room" is not the "Grooming room"; "prep room" may be the "Preparation room", "crib room" the
    "Depot crib room" (a word in common, or one the start of the other)."""
    if room.base not in _TOLD_BY_WORDS:
        return False
    own = {w.lower() for w in _NAME_WORD.findall(room.name)} - _GENERIC_WORDS
    theirs = {w.lower() for w in _NAME_WORD.findall(area_name)} - _GENERIC_WORDS
    if not own or not theirs:
        return False
    return not any(a.startswith(b) or b.startswith(a) for a in own for b in theirs)


_ROLE_LEAD = re.compile(r"^(?:ref(?:erence)?|dry ?(?:std|standard)|control|baseline)\b\W*", FLAGS)
_POINT_LEAD = re.compile(r"^\d{1,3}[a-z]?\s+(?=[A-Z])")
_NAME_END = re.compile(r"(?<=\s(?:room|area))\s.*$", FLAGS)
_SUBJECT_REACH = 6  # "The family room (20 x 16 ft) took water": a paragraph's room comes first
_SUBJECT_LOOK = 80
_BEFORE_LOOK = 300  # how far back a sentence's earlier room is looked for
_LOOK_BACK = 40  # readings looked back over for the previous line's
_PLACE_LEAD = re.compile(r"[\s\-*]*(?:(?:up|down|out|over|back) )?(?:in|at|inside|under|on) (?:the )?", FLAGS)
_IN_ROOM = re.compile(r" ?(?:%\s?mc|%|wme|rel)? (?:in|at) (?:the )?", FLAGS)
_RIGHT_AFTER_LOOK = 40
# "52% at the pantry end", "30 on the laundry side": a room that only names an end or a side of
# the room being read is a landmark, not the reading's room
_END_OR_SIDE = re.compile(r"(?:'s)? (?:end|side|door(?:way)?|wall)\b", FLAGS)
# "5.8% at the sink": the fixture right after a reading, up to the next item of the list
_FIXTURE_ITEM = re.compile(r"[^,;.]{1,30}?(?=,|;|\.|\band\b|$)", FLAGS)
# "under bathroom", "beneath the kitchen": the words right before a room a point lies under
# After a value (and the run it opens): where on the surface it was taken ("29, 26 at the external
# wall;", "12 along the back wall.")
_SPOT_AFTER = re.compile(
    r"(?:\s?(?:%\s?mc|%|wme|rel)\b)?"
    r"(?:,? ?(?:and |then )?\d{1,3}(?:\.\d{1,2})?(?:\s?(?:%\s?mc|%|wme|rel)\b)?)*"
    r" (?:at|along|on|by|near|against) (?:the )?(?P<spot>[a-z][a-z ]{2,30}?)\s*(?=[;,.)]|$)",
    FLAGS,
)
_BENEATH = re.compile(r"\b(?:under|beneath|below|underneath)\s+(?:the\s+)?$", FLAGS)
# The spaces that lie under a house's rooms, whose points are told by the room above them
_SPACES_BENEATH = frozenset({"crawlspace", "subfloor_space"})
# The words of a point read from beneath a room: "subfloor joist under the kitchen", "crawl under den"
_UNDER_SPACE_WORD = re.compile(
    r"\b(?:sub-?floor|under-?floor|crawl(?: ?space)?|cellar|basement|joists?|bearers?|sole plates?)\b", FLAGS
)
_FOLLOWS_AT_ONCE = 25  # "10%MC in the linen closet": a room this close after a reading is its own


# a landmark's lead-in: the room after it is where the point is near, not the point's room
# ("diner screed by patio door", "rec room drywall @ laundry")
_LANDMARK_LEAD = re.compile(
    r"(?:\b(?:at|by|near|beside|next to|behind|against|along|towards?|opposite"
    # ("bedroom 2 wall shared with closet", "lounge wall backing onto the ensuite": the wall between
    # two rooms is the one the label opens with; the other only says which wall)
    r"|shared with|common (?:to|with)|backing (?:on ?to|on)|adjoining|adjacent to|abutting"
    # ("bedroom 3 internal wall to hallway", "partition to the laundry": the wall toward that room)
    r"|(?<=wall )to|(?<=walls )to|(?<=partition )to)|@)(?: the)? ?$",
    FLAGS,
)
_LANDMARK_LOOK = 20  # how far before a room word its landmark lead-in is looked for


# What names a space the vocabulary does not know ("Sterilization room", "east wing", "bay 4").
SPACE_NOUN = re.compile(
    r"\b(?:room|area|office|suite|unit|flat|wing|bay|zone|hall|corridor|cupboard|closet|store|space|void"
    r"|floor|level|annex\w*|studio|shed|deck|porch|court|aisle|bays"
    # (commercial spaces a reading's label may lead with: "Shop ceiling over range", "Salon wall")
    r"|shop|showroom|salon|gym|foyer|warehouse|workshop|classroom|auditorium|theat(?:re|er)|cinema"
    r"|clinic|canteen|cafe|restaurant|mezzanine|dock)\b",
    FLAGS,
)


_LABEL_LEAD = re.compile(r"[,:(]| - ")


_OWN_SPACE = re.compile(
    r"\b(?:room|office|suite|unit|flat|wing|zone|corridor|cupboard|closet|store ?room|annex\w*|studio"
    r"|shed)\b",
    FLAGS,
)


_MAX_LABEL_WORDS = 120
_MAX_FIXTURE_ITEM_WORDS = 4


# A list's items: "kitchen wall 14, family room wall 13, skirting 12".
_ITEM_LEAD = re.compile(r"[\s,;:/\-]*(?:and |then |the )*", FLAGS)
_LIST_LOOK = 200
_MAX_ITEMS = 4
_MAX_ITEM_LABEL = 60
_MATERIAL_LOOK_BACK = 200  # readings looked back over for a material's earlier room (bounded: linear)
# What may stand around a bare material in a list's item: separators, never another word.
_ROOM_HEAD = re.compile(r"[\s\-*\u2022]*[a-z][a-z0-9 ]{0,30}:", FLAGS)
_ITEM_FILLER = re.compile(r"[\s,;/|:=\-]*", FLAGS)


# ("laundry side" of a wall; "Rear bays, kitchen end": the end of the place named before the comma)
_SIDE_OF = re.compile(r" (?:side|(?P<end>end))\b(?: wall)?(?P<of> of (?:the )?)?", FLAGS)
_SIDE_LOOK = 40


def side_mention(label: str) -> Mention | None:
    """The room a label names as a side ("laundry side"), not as the place."""
    for mention in room_mentions(label[:_SIDE_LOOK]):
        side = _SIDE_OF.match(label, mention.end)
        if side is None:
            continue
        if side.group("end") is None or label[: mention.start].rstrip().endswith(","):
            # ("Dry joist at the living room end" names no place before its room: left to the room)
            return mention
    return None


# "Wardrobe side of shared wall", "garage side, 300 mm": a label that opens with a room's side
_LEADING_SIDE = re.compile(
    r"^[\s\-*\u2022]*(?:[A-Z]{1,3}-?\d{1,2}[a-z]?\s+)?(?:the\s+)?(?P<room>[a-z]+(?:[ -][a-z]+)?) side\b",
    FLAGS,
)


class ReadingPlaces(RoomWords):
    """The readings scan's rooms: RoomScan keeps the state these methods read."""

    areas: dict[str, AreaDraft]
    unaffected: set[str]
    _context: Mention | None
    _rows: RowReader | None
    readings: list[ReadingDraft]
    _fixture_area: Callable[[str], AreaDraft | None]

    def _side_alone(self, label: str) -> Mention | None:
        """ "Wardrobe side of shared wall, 100 mm", "| Garage side, 900 mm | 230 |": a label that
        opens with a room's side and names no other room is read in that room, on its face of the
        wall; "laundry side wall of bath" is the bath's (the room the label names as the wall's).
        Only an affected room: an unaffected room's side only says which face."""
        lead = _LEADING_SIDE.match(label[:_MAX_LABEL_WORDS])
        if lead is None:
            return None
        rest = label[lead.end() : _MAX_LABEL_WORDS]
        if room_mentions(rest) or self._area_by_word(rest) is not None:
            return None  # (the wall is another room's, named after its side)
        words = lead.group("room")
        named = room_mentions(words)
        room = self._resolve(named[0]) if named else self._area_by_word(words)
        if room is None or room.key not in self.areas or room.key in self.unaffected:
            return None
        return room

    def _opens_own_space(self, label: str) -> bool:
        """ "workshop skirting by the bench 29" after "WC plaster 31" on one line: a label that opens
        with a space's word of its own is not the place of the item before it."""
        words = _POINT_LEAD.sub("", label.lstrip(" -*,;:"))[:_MAX_ITEM_LABEL]
        cut = WHERE_WORDS.search(words)
        lead = words[: cut.start()] if cut else words
        return bool(SPACE_NOUN.search(lead)) or self._sized_space(label) is not None

    def _sized_space(self, label: str) -> Mention | None:
        """ "Stockroom slab: 4.9%" under a sales floor's list: the space the notes introduced by its
        size that the label opens with (reading_sized_spaces), as the affected area of that name
        when there is one; None when the label opens otherwise or names an affected room by word."""
        name = sized_space_lead(label, self.__dict__.get("_sized_spaces") or {})
        if name is None:
            return None
        key = next((key for key, area in self.areas.items() if area.room.lower() == name.lower()), None)
        if key is not None:
            return Mention(key=key, name=self.areas[key].room, start=0, end=0)
        if self._area_by_word(label) is not None:
            return None  # (an affected room the label names by a word of its own)
        return Mention(key=f"sized|{name.lower()}", name=name, start=0, end=0)

    def _fixture_room(self, label: str) -> Mention | None:
        """ "drywall behind the fridge 32%": the one affected room its fixture stands in (a kitchen)."""
        if not self.areas:
            return None  # (no room to stand a fixture in: no need to read the label)
        area = self._fixture_area(label[:_MAX_LABEL_WORDS])
        key = next((key for key, known in self.areas.items() if known is area), None) if area else None
        return Mention(key=key, name=self.areas[key].room, start=0, end=0) if key is not None else None

    def _table_location(self, location: str, table_row: bool) -> str:
        """A headed table's row naming no room ("C5 | North wall at the split | Rim joist"): in the
        one affected room the table's earlier rows were all in (reading_line_items); else as found."""
        if not table_row or self._rows is None or self._rows.columns is None:
            return location  # (a headed table's rows only: its header tells one table from the next)
        found = location != UNSPECIFIED_LOCATION
        affected = any(area.room == location for area in self.areas.values())
        return table_row_location(self.__dict__, id(self._rows.columns), location, found, affected)

    def _room_cell_first(self, cell: str, place: Mention | None) -> bool:
        """Whether a table row's Room cell, naming a space the vocabulary does not know ("Hot-desk
        zone"), is its place before a room word another cell holds that is no affected room ("ply
        deck under tiles": the deck is the floor's structure, no space of the job's)."""
        return place is not None and place.key not in self.areas and not room_mentions(cell)

    def _space_beneath(self, label: str) -> Mention | None:
        """ "C1 | Under bathroom | Joist": a point said to be under a room that is not affected, when
        the job's affected space lies under its rooms (a crawlspace, a subfloor void), is in that
        space; the room above only says where in it. A joist or subfloor said to be under a room is
        that room's own (read from below) when the room is affected or no such space is; None when
        the label names the space itself, or says no more than "under the hall"."""
        mentions = room_mentions(label[:_MAX_LABEL_WORDS])
        if not mentions or _BENEATH.search(label, 0, mentions[0].start) is None:
            return None
        if any(mention.base in _SPACES_BENEATH for mention in mentions):
            return None  # ("crawl under the den": the label's own words place it)
        above = self._resolve(mentions[0])
        if above.key in self.areas and above.key not in self.unaffected:
            # ("sub under hall" when the hall is affected: the hall's own subfloor; "subfloor joist
            # under the kitchen sink" is the kitchen's, whatever room the row before it named)
            return above if _UNDER_SPACE_WORD.search(label, 0, mentions[0].start) else None
        under = [
            key
            for key, area in self.areas.items()
            if area.base in _SPACES_BENEATH and key not in self.unaffected
        ]
        if len(under) != 1:
            # ("subfloor joist under the lounge (reference)": no space beneath is affected, so the
            # point is the unaffected room's own subfloor, a dry standard's place)
            return above if _UNDER_SPACE_WORD.search(label, 0, mentions[0].start) else None
        return Mention(key=under[0], name=self.areas[under[0]].room, start=0, end=0)

    def _place_memory(self) -> PlaceMemory:
        """The surfaces described so far and their rooms (made on first use: RoomScan builds the state)."""
        memory = self.__dict__.get("_memory")
        if not isinstance(memory, PlaceMemory):
            memory = self.__dict__["_memory"] = PlaceMemory()
        return memory

    def _in_reference_room(self, place: Mention | None) -> bool:
        """A room called unaffected, here or before, and never described as damaged."""
        if place is None or not place.is_room or place.key in self.areas:
            return False  # an affected room's reading is never its dry standard ("hall pbd 12 = dry std")
        return place.unaffected or place.key in self.unaffected

    def _tagged_reference(
        self, label: str, reading: RowReading, place: Mention | None, line: int, text: str = ""
    ) -> bool:
        """A reading its words call a dry standard ("ref", "dry std"); but a row whose Room column
        names a room the notes described as wet on an earlier line ("| P5 (ref) | Laundry | GIB |")
        is that wet room's, whatever its tag says: a dry standard comes from an unaffected room."""
        # ("3 MRI control drywall": a word of the affected room's own name, the MRI control room's,
        # tags no dry standard)
        own = (
            set(self.areas[place.key].room.lower().split())
            if place is not None and place.key in self.areas
            else set()
        )
        tags = [tag for tag in REFERENCE_WORD.finditer(label) if tag.group(0).lower() not in own]
        if not tags and not (reading.told and told_reference(text, reading.start)):
            return False
        if not reading.room or place is None or place.unaffected or place.key not in self.areas:
            return True
        named = room_mentions(reading.room)
        wet = bool(named) and self._resolve(named[0]).key == place.key
        described = self.areas[place.key].source.line
        return not (wet and described is not None and described < line)

    def _name(self, place: Mention | None) -> str:
        if place is None:
            return UNSPECIFIED_LOCATION
        return self.areas[place.key].room if place.key in self.areas else place.name

    def _resolve(self, room: Mention) -> Mention:
        """A bare "bathroom" after "Downstairs bathroom" is that room, when it is the only one; and
        "laundry" first, "basement laundry" later are one room, named the longer way."""
        if room.key in self.areas:
            return room
        # "room 5" after "Practice room 5": the one affected room whose name ends that way
        ending = f" {room.name.lower()}" if room.base == "numbered_room" else None
        named = [key for key, area in self.areas.items() if ending and area.room.lower().endswith(ending)]
        if len(named) == 1:
            return replace(room, key=named[0], name=self.areas[named[0]].room)
        same_base = [
            key
            for key, area in self.areas.items()
            if area.base == room.base and not _other_words(room, area.room)
        ]
        if len(same_base) != 1:
            return room
        existing = same_base[0]
        # ("the main bedroom" is not "Bedroom 2": a numbered room takes only the bare word)
        numbered = not existing.endswith("|") and room.name.lower() != room.base
        if not room.qualified and not numbered:
            return replace(room, key=existing, name=self.areas[existing].room)
        if (
            existing.startswith("|")
            and room.key.endswith("|")
            and existing.endswith("|")
            and not room.unaffected
            # ("Main hallway" then "Upstairs hallway": two hallways, "main" being the ground floor's)
            and not self.areas[existing].room.lower().startswith("main ")
        ):
            # Only a qualifier is added ("basement laundry"), never a number ("bedroom 2"); and never
            # by a room called unaffected ("the 102 bathroom (ceiling dry)" is another bathroom).
            area = self.areas.pop(existing)
            area.room = room.name
            self.areas[room.key] = area
            if existing in self.unaffected:
                self.unaffected.add(room.key)
        return room

    def _before_forward_owner(self, text: str, reading: RowReading, owner: Mention) -> Mention | None:
        """ "put the subfloor at 32%MC against 10%MC in the linen closet": a room named after a
        reading owns it only when it follows at once ("10%MC in the linen closet"); the 32 is the
        room the sentence was about before ("The bathroom ... the subfloor at 32%MC")."""
        between = text[reading.end : owner.start]
        if len(between) <= _FOLLOWS_AT_ONCE and not any(character.isdigit() for character in between):
            return owner
        before = [
            self._resolve(mention)
            for mention in room_mentions(text[max(0, reading.start - _BEFORE_LOOK) : reading.start])
            if mention.affected
        ]
        return before[-1] if before else None

    def _item_room(
        self, text: str, position: int, sentence_start: int, ends: Sequence[int]
    ) -> Mention | None:
        """In a list of readings, the room the nearest earlier item starts with: "kitchen wall 14,
        family room wall 13, skirting 12" has the skirting in the family room. An item is the text
        between two readings (`ends`: where the line's readings end); one that names a room of its
        own, or names none but the room a word of it stands for ("powder ceiling"), is left to the
        rules for its own words; a room later in an item ("plasterboard hall wall 29") only says
        which wall, and leads nothing."""
        low = max(sentence_start, position - _LIST_LOOK)
        ends = list(ends[max(0, bisect_left(ends, low)) : bisect_right(ends, position)][-_MAX_ITEMS:])
        if not ends or position - ends[-1] > _MAX_ITEM_LABEL:
            return None  # the first reading of its sentence (no list before it), or no list item
        own = text[ends[-1] : position]
        if room_mentions(own) or self._area_by_word(own) is not None:
            return None
        for nearest, (start, end) in enumerate(
            zip(reversed([low, *ends[:-1]]), reversed(ends), strict=False)
        ):
            # (each item on its own: a line's room list drops "family room wall" after "kitchen")
            # (an item is what its last ";" leaves: "joist from below 27 %MC; laundry partition 35 %"
            # is the laundry's, when the 27 before it was not read as a reading)
            start = max(start, text.rfind(";", start, end) + 1)
            lead = _ITEM_LEAD.match(text, start, end)
            head = text[lead.end() if lead else start : min(end, start + _MAX_ITEM_LABEL)]
            mentions = room_mentions(head)
            # ("behind-fridge drywall 24, baseboard 19": the kitchen's baseboard, by the item just
            # before; a sentence's "the lining behind the fridge read 19" is no list item to carry)
            short = nearest == 0 and len(head.split()) <= _MAX_FIXTURE_ITEM_WORDS
            fixture = None if mentions or not short else self._fixture_room(head)
            if fixture is not None:
                return fixture
            if mentions:
                if mentions[0].start > 0:
                    return None  # an item naming a room further in: its words, not a lead to carry
                room = self._resolve(mentions[0])
                if room.key not in self.areas:
                    return None  # (a dry standard's room leads nothing)
                # ("- Guest bedroom: drywall 14, plate 13": a room heading the line owns its list)
                headed = _ROOM_HEAD.match(text, sentence_start, end)
                reread = None if headed else self._material_room(own)
                return reread if reread is not None and reread.key != room.key else room
        return None

    def _material_room(self, item: str) -> Mention | None:
        """A list item that is a material alone ("K wall 22 / K ceiling 20 / joist 17 / subfloor
        21"): the writer re-reads each surface by its material once its room was given with its
        first reading ("Bath subfloor from below 31"), so the room of the earlier readings of that
        material, when they were all in one affected room; not the room of the item before it."""
        materials = materials_in(item)
        if len(materials) != 1:
            return None
        material = materials[0]
        if not (
            _ITEM_FILLER.fullmatch(item, 0, material.start) and _ITEM_FILLER.fullmatch(item, material.end)
        ):
            return None  # ("subfloor at toilet": a spot of its own, left to the other rules)
        name = _singular(material.name)
        places = {
            draft.location
            for draft in self.readings[-_MATERIAL_LOOK_BACK:]
            if draft.material is not None
            and not draft.is_reference
            and _singular(draft.material.name) == name
        }
        if len(places) != 1:
            return None
        place = places.pop()
        key = next((key for key, area in self.areas.items() if area.room == place), None)
        described = self._surface_room(item)
        if key is None or (described is not None and described.key != key):
            return None  # (the notes described that material under another room: not sure enough)
        return Mention(key=key, name=place, start=0, end=0)

    def _paragraph_room(self, text: str, owner: Mention) -> Mention:
        """A sentence's reading whose sentence names no room: the room the paragraph is about
        ("The family room (20 x 16 ft) took water ... nearest the laundry. Readings ...: 42%"),
        or the section's ("6.2 Walk-in robe" over "... the ensuite east wall. Readings: 31"),
        not a room an earlier sentence named in passing."""
        first = next(iter(room_mentions(text[:_SUBJECT_LOOK])), None)
        # ("C  drywall, storage room (unaffected) ..... 12%": a line about a room called unaffected
        # is that room's too, whatever the notes were about before it)
        if (
            first is not None
            and (first.affected or first.unaffected)
            and (first.start <= _SUBJECT_REACH or _PLACE_LEAD.fullmatch(text, 0, first.start))
        ):
            return self._resolve(first)
        if self._context is not None and self._context.key in self.areas:
            return self._context
        return owner

    def _off_landmark(self, label: str, place: Mention) -> Mention:
        """ "diner screed by patio door", "Rec room drywall @ laundry": a label that starts with
        an affected room's word and names another room only as a landmark is the first room's;
        `place` (the room the reading was given) unless it is that landmark."""
        label = label[:_MAX_LABEL_WORDS]
        place_key = self._resolve(place).key
        for mention in room_mentions(label):
            lead_in = _LANDMARK_LEAD.search(label, max(0, mention.start - _LANDMARK_LOOK), mention.start)
            if lead_in is None or lead_in.start() == 0 or self._resolve(mention).key != place_key:
                continue
            lead = label[: lead_in.start()]
            named = [self._resolve(other) for other in room_mentions(lead)]
            room = named[0] if named else self._area_by_word(lead)
            if room is not None and room.key in self.areas and room.key != place_key:
                return room
        return place

    def _label_context(self, label: str) -> Mention | None:
        """The room the notes were on, unless the label names a space of its own first ("East
        wing, column wrap C3: 52" after a Boardroom line is no boardroom reading), or the room is
        only the unaffected one the previous line ended on ("..., hall skirting 14 (dry std)" then
        "Day 3: vanity kick 18" is no reading of the hall, and no dry standard)."""
        lead = _LABEL_LEAD.split(label.lstrip(" -*"), maxsplit=1)[0]
        context = self._context
        line_number = self.__dict__.get("_line_number")
        earlier = (draft.source.line for draft in reversed(self.readings[-_LOOK_BACK:]))
        previous_read = (
            next((number for number in earlier if number != line_number), None) == (line_number or 0) - 1
        )
        if (
            context is not None
            and not context.heading_only
            and context.key not in self.areas
            and previous_read
        ):
            return None
        return None if _OWN_SPACE.search(lead) else context

    def _surface_room(self, label: str) -> Mention | None:
        """The affected room the label's surface was described under ("joists" -> the Meals, whose
        ceiling joists were listed), when only one."""
        key = self._place_memory().place(label, lambda known: known in self.areas)
        return Mention(key=key, name=self.areas[key].room, start=0, end=0) if key is not None else None

    def _remembered(self, label: str) -> Mention | None:
        """The room whose surface a list's line names ("- 01/23: north wall 6\" - 13"), before the
        room the previous line ended on; a room heading above the list is context enough."""
        by_word = self._area_by_word(label)
        if by_word is not None:
            return by_word
        if self._context is not None and self._context.heading_only:
            return None
        return self._surface_room(label)

    def _spot_after(self, text: str, end: int) -> Mention | None:
        """ "Readings (pins): 29, 26 at the external wall; 14 at the door": a roomless value, or run
        of values, followed by the spot it was taken at, whose surface was described under one
        affected room ("carpet wet along the external wall" under "Bedroom 2")."""
        spot = _SPOT_AFTER.match(text, end)
        return self._surface_room(spot.group("spot")) if spot is not None else None

    def _label_place(self, label: str) -> str:
        """A place the vocabulary does not know ("Sterilization", "rear of the house"): the words
        before the first material or surface word, else the only affected area."""
        coded = room_code_key(label, self.areas)
        if coded is not None:  # "TR2 slab": Treatment Room 2, written by its initials
            return self.areas[coded].room
        # ("1 Children's area bulkhead drywall": a table row read from a PDF leads with its point)
        words = re.split(r"\s[-\u2013]\s|,|\(", _POINT_LEAD.sub("", label), maxsplit=1)[0]
        cut = WHERE_WORDS.search(words)
        phrase = collapse(words[: cut.start()] if cut else words).strip(" -:")
        phrase = _ROLE_LEAD.sub("", phrase)  # "REF front room": the front room, read as a reference
        phrase = _NAME_END.sub("", phrase)  # ("Children's area bulkhead": the area, not its bulkhead)
        if phrase and len(phrase.split()) <= 4 and not phrase[0].isdigit():
            # "utility - wall behind washer" is the Utility room's when one is affected
            first = phrase.split()[0].lower()
            known = [area.room for area in self.areas.values() if area.room.lower().split()[0] == first]
            if known:
                return known[0]
            # (a table whose other rows lead with their rooms leads this one with its place too:
            # "Paint desk drywall at 2 in." under "Aisle 7 concrete under the head")
            in_table = bool(self.__dict__.get("_in_table"))
            if SPACE_NOUN.search(phrase):
                self.__dict__["_table_places"] = in_table
                return phrase[0].upper() + phrase[1:]
            if in_table and self.__dict__.get("_table_places") and phrase[0].isupper():
                return phrase
        by_word = self._area_by_word(label)
        if by_word is not None:  # ("drywall @ 4 in., mech room side": the Mechanical room)
            return self.areas[by_word.key].room
        # "North wall, 6\" above base": the room whose north wall the notes described
        known_key = self._place_memory().place(label, lambda key: key in self.areas)
        if known_key is not None:
            return self.areas[known_key].room
        if len(self.areas) == 1:
            return next(iter(self.areas.values())).room
        return UNSPECIFIED_LOCATION

    def room_right_after(self, text: str, end: int) -> Mention | None:
        """ "read 28%MC in the rumpus and 31%MC in the granny flat": the room right after a reading."""
        lead = _IN_ROOM.match(text, end)
        if lead is None:
            return self._room_word_after(text, end)
        mention = next(iter(room_mentions(text[lead.end() : lead.end() + _RIGHT_AFTER_LOOK])), None)
        if mention is not None and mention.start == 0:
            if _END_OR_SIDE.match(text, lead.end() + mention.end):
                return None
            return self._resolve(mention)
        item = _FIXTURE_ITEM.match(text[lead.end() : lead.end() + _RIGHT_AFTER_LOOK])
        return self._fixture_room(item.group(0)) if item is not None and mention is None else None

    def _room_word_after(self, text: str, end: int) -> Mention | None:
        """ "plates 21 rumpus, 20 guest, 25 laundry": a list that gives each value, then the room
        it was read in by a word, and nothing more, before the next. Only when the line has two
        such pairs at least: a lone "18 laundry," may be the start of the next item."""
        found = _VALUE_ROOM.match(text, end)
        around = text[max(0, end - _VALUE_ROOM_LOOK) : end + _VALUE_ROOM_LOOK]
        if found is None or len(_VALUE_ROOM.findall(around)) < _MIN_PAIRS:
            return None
        words = found.group("words")
        mention = next(iter(room_mentions(words)), None)
        if mention is not None and mention.start == 0 and mention.end == len(words):
            return self._resolve(mention)
        by_word = self._area_by_word(words)
        if by_word is not None:
            return by_word
        # ("20 guest": the Guest bedroom, the one affected room whose name starts with that word)
        first = [key for key, area in self.areas.items() if area.room.lower().split()[0] == words.lower()]
        if len(first) != 1:
            return None
        return Mention(key=first[0], name=self.areas[first[0]].room, start=0, end=0)


# "21 rumpus," "20 guest bedroom;" "25 laundry" at the line's end: a value, then a room's word or two.
_VALUE_ROOM = re.compile(
    r"(?<=\d)(?: ?(?:%\s?mc|%|wme|rel))? (?P<words>[a-z]{3,}(?: [a-z]{3,})?)(?=\s*(?:[,;]|and\b|$))", FLAGS
)
# how far around a value the line is looked at for the list's other pairs (bounded: linear time)
_VALUE_ROOM_LOOK = 200
_MIN_PAIRS = 2


def _singular(name: str) -> str:
    """ "joists" where "joist" was read before: one material."""
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name
