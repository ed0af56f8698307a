"""Where a reading whose own words name no room was taken: the surface it names ("north wall",
"shared wall") was described earlier under one affected room, or its point's letters are that
room's ("K1", "K2" in a kitchen with no other room starting with K).

Readings lists often give the surface only ("- North wall, 6" above base: 72"; "N wall 30, E wall
24") because the room was told a paragraph before ("The drywall on the north wall of the showroom
had wicked 12 inches"). The room is taken only when the surface was described under exactly one
affected room: a surface seen in two rooms stays unplaced.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chalicelib.analysis.offline.spaces import Mention
from chalicelib.analysis.offline.text import FLAGS

# "6\" above base", "@ 4\"", "12\" up", "at 100 mm": the height of a point is no part of its surface.
_HEIGHT = re.compile(
    r"(?:@|\bat)? ?\d{1,4}(?:\.\d)? ?(?:\"|''|in\b|inch(?:es)?\b|mm\b|cm\b|m\b|ft\b|')"
    r"(?: ?(?:above|up|high|off|aff|agl)\b(?: (?:the )?(?:base|floor|slab|ffl|fl|cove)\b)?)?",
    FLAGS,
)
# A map's or table's point id before the words: "G1 north baseline", "A - ", "3. ".
_POINT_PREFIX = re.compile(
    r"^[\s\-*\u2022>]*(?![NSEW] (?i:wall|side|end|face|elevation)\b)"
    r"(?:[A-Z]{1,3}\d{0,2}|\d{1,2})(?:[ .:)\-]+|$)"
)
_DATE_PREFIX = re.compile(r"^[\s\-*\u2022>]*\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\W*")
_POINT_LETTERS = re.compile(r"^[\s\-*\u2022>]*(?P<letters>[A-Z]{1,3})\d{1,2}\b")
_WORD = re.compile(r"[a-z][a-z\-']*", FLAGS)
_ABBREVIATIONS = {"n": "north", "s": "south", "e": "east", "w": "west", "clg": "ceiling", "flr": "floor"}
_SKIP = frozenset({"the", "a", "an", "of", "on", "at", "in", "to", "by", "w/", "with", "and"})
# Words of a row that say nothing of where: a scale, a role, a meter's setting.
_NOT_SURFACE = frozenset(
    {"ref", "reference", "dry", "std", "standard", "wme", "rel", "mc", "pin", "pins", "reading", "readings"}
)
_MIN_PLURAL = 4
_MAX_LINES_PER_WORD = 200  # keeps a look-up bounded on a huge document
_MAX_TOKENS = 120  # words of a line remembered
_SLACK = 3  # words allowed between a surface's words ("wall shared w/ dish pit" is the shared wall)


def _tokens(text: str) -> list[tuple[str, int]]:
    found = []
    for match in _WORD.finditer(text):
        word = match.group(0).lower()
        word = _ABBREVIATIONS.get(word, word)
        if len(word) > _MIN_PLURAL and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]  # "joists" where "joist" was listed
        found.append((word, match.start()))
        if len(found) >= _MAX_TOKENS:
            break
    return found


def surface_words(label: str) -> list[str]:
    """The words of a row's label that name its surface: "North wall, 6\" above base" -> north wall."""
    label = _DATE_PREFIX.sub("", label.lstrip(" ,;:-"), count=1)
    # "Follow-up February 13, 2026: north wall": what leads the list is not the surface
    _, colon, rest = label.rpartition(":")
    if colon and re.search(r"[a-z]", rest, FLAGS):
        label = rest
    label = _POINT_PREFIX.sub("", label, count=1)
    label = re.sub(r"\([^()]{0,60}\)", " ", label)
    label = _HEIGHT.sub(" ", label)
    label = re.split(r"[,:;=]| [-\u2013] ", label, maxsplit=1)[0]
    words = [word for word, _ in _tokens(label) if word not in _SKIP]
    if any(word in _NOT_SURFACE for word in words):
        return []
    return words if 0 < len(words) <= 4 else []


@dataclass(frozen=True)
class _Seen:
    tokens: list[tuple[str, int]]
    rooms: list[Mention]
    parts: list[int]  # where each sentence, ;-part or table cell of the line starts
    context: Mention | None
    table: bool  # a table's row: each cell is its own, no room owns the row

    def owner(self, position: int) -> Mention | None:
        """The room a surface at `position` was described under: one named before it in its own
        sentence ("the rec room N wall"), else the room the line starts with ("The showroom is
        ... The drywall on the north wall"), else the room of the section ("- south wall 4-6\" up"
        under "Back dining room"). A room named after it ("wall shared w/ dish pit") is a neighbour."""
        part = bisect_right(self.parts, position) - 1
        part_start = self.parts[part] if part >= 0 else 0
        before = [room for room in self.rooms if part_start <= room.start < position]
        if before:
            return before[-1]
        if self.table:
            return None
        if self.rooms and self.rooms[0].start <= _SUBJECT_REACH:
            return self.rooms[0]
        return self.context


_PART_BREAK = re.compile(r"[.;!?](?!\d)|\||\s/\s")  # " / " parts a list: "kitchen ceiling 35 / joists 21"
_SUBJECT_REACH = 6  # a room the line starts with ("- Kitchen, main floor: ...") is its subject


class PlaceMemory:
    """The lines read so far, indexed by word, each with the rooms named on it."""

    def __init__(self) -> None:
        self._lines: list[_Seen] = []
        self._index: dict[str, list[int]] = {}
        self._cache: dict[tuple[str, ...], frozenset[str]] = {}
        self._pending: tuple[str, Sequence[Mention], Mention | None] | None = None

    def note(self, text: str, rooms: Sequence[Mention], context: Mention | None) -> None:
        """Remember a line once the next one is read: a line's own readings are placed by what
        came before it, never by the room it is itself read in."""
        if self._pending is not None:
            self._remember(*self._pending)
        # Only a heading's room owns the lines under it: a room the previous line merely ended on
        # ("..., study carpet - 18") owns nothing of the next.
        self._pending = (text, rooms, context if context is not None and context.heading_only else None)

    def _remember(self, text: str, rooms: Sequence[Mention], context: Mention | None) -> None:
        if not rooms and context is None:
            return  # no room owns any of it
        tokens = _tokens(text)
        number = len(self._lines)
        parts = [0, *(match.end() for match in _PART_BREAK.finditer(text))]
        table = " | " in text or " / " in text  # (a list's parts are each their own too)
        rooms = sorted(rooms, key=lambda room: room.start)
        self._lines.append(_Seen(tokens, rooms, parts, None if table else context, table))
        for word in {word for word, _ in tokens}:
            seen = self._index.setdefault(word, [])
            if len(seen) < _MAX_LINES_PER_WORD:
                seen.append(number)
        self._cache.clear()

    def owners_of(self, words: Sequence[str]) -> frozenset[str]:
        """The room keys that own the surface these words name, wherever it was described."""
        key = tuple(words)
        if key in self._cache:
            return self._cache[key]
        lists = [self._index.get(word, []) for word in key]
        keys: set[str] = set()
        candidates = sorted(set.intersection(*(set(found) for found in lists))) if key and all(lists) else []
        # The surface as written ("the north wall") first; its words spread out ("the wall shared
        # w/ the dish pit") only when it is nowhere written so.
        for slack in (0, _SLACK):
            for number in candidates:
                seen = self._lines[number]
                position = _window(seen.tokens, key, slack)
                owner = seen.owner(position) if position is not None else None
                if owner is not None:
                    keys.add(owner.key)
            if keys:
                break
        self._cache[key] = frozenset(keys)
        return self._cache[key]

    def place(self, label: str, is_affected: Callable[[str], bool]) -> str | None:
        """The affected room a label's surface was described under, when it is only one."""
        words = surface_words(label)
        if not words:
            return None
        owners = [key for key in self.owners_of(words) if is_affected(key)]
        return owners[0] if len(owners) == 1 else None


def _window(tokens: Sequence[tuple[str, int]], words: Sequence[str], slack: int) -> int | None:
    """Where the words appear together: in order (`slack` 0), or in any order within a few words
    of each other ("the wall shared w/ the dish pit" is the shared wall)."""
    wanted = set(words)
    span = len(words) + slack
    for index, (word, position) in enumerate(tokens):
        window = tokens[index : index + span]
        if slack == 0 and [token for token, _ in window] == list(words):
            return position
        if slack and word in wanted and wanted <= {token for token, _ in window}:
            return position
    return None


def point_room(label: str, siblings: Sequence[str], names: dict[str, str]) -> str | None:
    """ "K1 fridge" when "K2", "K3" head other columns and the Kitchen is the only affected room
    whose initials are K: the room the point letters stand for. `names` maps room keys to names."""
    match = _POINT_LETTERS.match(label)
    if match is None:
        return None
    letters = match.group("letters").lower()
    same = sum(
        1
        for sibling in siblings
        if (other := _POINT_LETTERS.match(sibling)) and other.group("letters").lower() == letters
    )
    if same < 2:
        return None
    found = [key for key, name in names.items() if _initials(name) == letters]
    return found[0] if len(found) == 1 else None


def _initials(name: str) -> str:
    words = [word for word in _WORD.findall(name.lower()) if word not in ("room", "area")]
    return "".join(word[0] for word in words)
