"""Spaces: the room vocabulary, labelled rooms and places, and which mention a line is about."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from chalicelib.analysis.findings import (
    DamageType,
)
from chalicelib.analysis.offline.cleared_verdicts import ClearTests, odour_cleared
from chalicelib.analysis.offline.landmark_rooms import only_beside
from chalicelib.analysis.offline.locative_rooms import is_locative
from chalicelib.analysis.offline.measure_rooms import size_of_thing
from chalicelib.analysis.offline.measures import (
    DIMENSIONS,
    STATED_AREA,
)
from chalicelib.analysis.offline.mould_words import NOT_PREVENTED
from chalicelib.analysis.offline.others_rooms import others_room, people_act
from chalicelib.analysis.offline.passing_mentions import PASSING, names_a_material_there, names_a_thing_there
from chalicelib.analysis.offline.reading_units import READINGS
from chalicelib.analysis.offline.room_states import (
    DAMAGE_CONTEXT_WORDS,
    MOTION_INTO,
    NOT_BEFORE,
    hedged,
    nothing_row_first_cell_end,
    retracted,
    seen_damage,
)
from chalicelib.analysis.offline.room_verdicts import (
    REFERENCE_LEAD,
    UNAFFECTED_LEAD,
    UNRELATED,
    CalledNormal,
    bracket_verdict,
    checked_clear_sentence,
    ends_fine,
    foot_only,
    is_reference,
    is_unaffected,
    is_waterway,
    looked_into,
    needs_no_drying,
    only_floor_above_wet,
    row_reference,
    says_none,
    unchecked,
    unrelated_next,
    verdict_leads,
    verdict_sentence,
)
from chalicelib.analysis.offline.sentence_verdicts import sentence_unaffected
from chalicelib.analysis.offline.sized_spaces import sized_space_mentions
from chalicelib.analysis.offline.spaces_together import rest_is_rooms, same_room_again, standard_led
from chalicelib.analysis.offline.spaces_vocabulary import (
    ROOM_PATTERN,
    Mention,
    vocabulary_mentions,
)
from chalicelib.analysis.offline.street_types import STREET_TYPES
from chalicelib.analysis.offline.text import (
    FLAGS,
    Sentences,
    bracket_around,
    clean_value,
    evidence_matches,
    parentheses,
    truncate,
)

__all__ = ["ROOM_PATTERN", "Mention", "room_mentions"]

MAX_ROOM_NAME = 60


# --- damage type -------------------------------------------------------------------------------

DAMAGE_KEYWORDS: tuple[tuple[DamageType, re.Pattern[str]], ...] = (
    (
        DamageType.FIRE_SMOKE,
        re.compile(
            r"\b(?:fire(?! ?(?:alarm|detector|extinguisher|exit|door|escape|rated|rating|blanket|place"
            r"|brigade"
            r"|dept|department|service|sprinkler"
            # ("the fire panel logged waterflow", "the fire contractor closed the valve", "fire-line
            # water": a sprinkler system's parts and trades, not a fire)
            r"|panel|contractor|[- ]?line|main|pump|hydrant|hose reel|suppression))"
            r"|smoke(?! ?(?:alarm|detector|/\w+ (?:alarm|detector)))"
            r"|soot|sooty|char|charred|charring|burnt|burned|burn"
            r"|scorch(?:ed|ing)?|flames?|combustion)\b",
            FLAGS,
        ),
    ),
    (
        DamageType.MOULD,
        re.compile(rf"\b{NOT_PREVENTED}(?:mou?ld(?:y|s)?|mildew|fung(?:al|us|i)|spores?|microbial)\b", FLAGS),
    ),
    (
        DamageType.WATER,
        re.compile(
            r"\b(?:water|sewage|sewer|flood(?:ed|ing|s|water)?|burst|leak(?:s|ed|ing|age)?|overflow(?:ed"
            r"|ing|s)?"
            r"|supply line|pipe|rain(?:water)?|saturated|wet(?! areas?\b)(?! (?:floor )?(?:signs?|cones?)\b)"
            r"|damp|drip(?:s|ping|ped)?"
            r"|seep(?:s|ing|age)?)\b",
            FLAGS,
        ),
    ),
    (
        DamageType.OTHER,
        re.compile(
            r"\b(?:hail|wind|impact|vehicle|vandal(?:ism)?|earthquake|theft|break-in|fallen tree)\b", FLAGS
        ),
    ),
)


LABEL_SEPARATOR = r" ?(?:[:=]| [-\u2013\u2014] ) ?"


# --- rooms, materials, places ------------------------------------------------------------------


_SEGMENT_BREAK = re.compile(r"[,;|.(]| [-\u2013\u2014] ")


_MOTION_BEFORE = re.compile(r"\b(?:into|through|to)(?: the)? $", FLAGS)


_ROOM_LABEL = re.compile(rf"^(?:affected )?(?:room|area|space)s?(?: name)?{LABEL_SEPARATOR}", FLAGS)


_ROOM_NAME_END = re.compile(r"[,;(:]| [-\u2013\u2014] ", FLAGS)


# A labelled "room" that is a surface or material is a table's column, not a space ("room - skirting").
_NOT_A_ROOM_NAME = re.compile(
    r"^(?:skirting|walls?|floors?|ceilings?|carpet|underlay|pad|drywall|plasterboard|sub-?floor|tiles?"
    r"|vinyl|timber|framing|studs?|joists?|cabinets?|kick ?boards?|baseboards?|materials?|readings?)\b",
    FLAGS,
)


# What may come before a room for the line to be its heading: bullets and numbering ("1. Kitchen:").
# A level may head its room: "Downstairs - rec room", "Main floor: kitchen", "UPSTAIRS / Bed 2".
_HEADING_PREFIX = re.compile(
    r"[\s\-*#>\u2022\d.)]*(?:(?:upstairs|downstairs|upper (?:level|floor)|lower level|ground floor"
    r"|first floor|second floor|main floor|main level) ?[-:/\u2013\u2014] ?)?",
    FLAGS,
)


# ("Rooms: kitchen 12 x 10 (from listing), dining, mudroom": a header's list may give sizes)
_LISTED_REST = re.compile(
    r"(?:\s|,|&|/|\+|:|\band\b|\bthe\b|\([a-z ]{0,20}\)"
    r"|\d{1,3}(?:\.\d)? ?(?:x|\u00d7|by) ?\d{1,3}(?:\.\d)?(?: ?(?:m|ft|feet|'))?(?![\w.]))*",
    FLAGS,
)


_MAX_ROOM_WORDS = 5  # a longer "Area: ..." value is prose, not a room name

# Between two rooms of one list ("Bedrooms 2 and 3, the hallway, kitchen and laundry are ..."), a
# level in brackets included ("Living room (main floor) and linen closet (upstairs): unaffected").
# ("Room 306 (shares a wall with 305) and the third floor corridor: checked, dry": an aside in brackets
# and the next room's floor still join one list)
_LIST_JOIN = re.compile(
    r"^(?:\s|,|&|/|\+|\band\b|\bor\b|\bthe\b|\bboth\b|\([^()]{0,40}\)"
    r"|\b(?:first|second|third|fourth|fifth|ground|upper|lower|top|main|\d{1,2}(?:st|nd|rd|th))"
    r" (?:floor|level)\b)*$",
    FLAGS,
)


# A building that holds the rooms, not a room of its own ("water entered the granny flat").
_BUILDINGS = frozenset({"granny_flat", "basement"})
# "Basement only.", "basement only - main floor dry": the level the loss stayed on, closing its clause.
_EXTENT_ONLY = re.compile(r"\s+only\s*(?:[.;,:)]|$|[-\u2013\u2014]\s)", FLAGS)


_DAMAGE_CONTEXT: tuple[re.Pattern[str], ...] = (
    DAMAGE_CONTEXT_WORDS,
    *(pattern for _, pattern in DAMAGE_KEYWORDS),
    DIMENSIONS,
    *(pattern for _, pattern in READINGS),
)


# --- rooms -------------------------------------------------------------------------------------


def _labelled_mentions(text: str) -> list[Mention]:
    label = _ROOM_LABEL.match(text)
    if label is None:
        return []
    value = text[label.end() :]
    ends = (pattern.search(value) for pattern in (_ROOM_NAME_END, DIMENSIONS, STATED_AREA))
    cut = min((match.start() for match in ends if match), default=len(value))
    name = clean_value(value[:cut])
    if name is None or len(name.split()) > _MAX_ROOM_WORDS or _NOT_A_ROOM_NAME.match(name):
        return []
    name = truncate(name, MAX_ROOM_NAME)
    key = f"label|{name.lower()}"
    return [Mention(key=key, name=name, start=label.end(), end=label.end() + cut, base=key, qualified=True)]


def segments(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """The part of the line each mention owns: the text between two mentions is split at its last
    clause break ("kitchen 74F 66% RH | unaffected bedroom": the "unaffected" is the bedroom's)."""
    bounds = []
    for index, mention in enumerate(mentions):
        previous_end = mentions[index - 1].end if index else 0
        start = _last_break(text, previous_end, mention.start, default=mention.start if index else 0)
        if index + 1 < len(mentions):
            end = _last_break(text, mention.end, mentions[index + 1].start, default=mentions[index + 1].start)
        else:
            end = len(text)
        # "The landing ... are dry; the water came down ...": a semicolon closes the room's clause
        clause_end = text.find(";", mention.end, end)
        end = clause_end if clause_end != -1 else end
        bounds.append((start, end))
    return bounds


def _last_break(text: str, start: int, end: int, *, default: int) -> int:
    last = default
    for match in _SEGMENT_BREAK.finditer(text, start, end):
        last = match.start()
    return last


def _subjects(text: str, found: Sequence[Mention]) -> list[Mention]:
    """The mentions that are rooms spoken of, not rooms that only place something else; a room named
    again where the water went ("Corridor B: water went ... into corridor B") leaves its line's words
    to the room they were said of first."""
    kept: list[Mention] = []
    seen: set[str] = set()
    for index, mention in enumerate(found):
        previous = found[index - 1] if index else None
        if is_locative(text, mention, previous):
            continue
        if mention.key in seen and _MOTION_BEFORE.search(text, max(0, mention.start - 12), mention.start):
            continue
        seen.add(mention.key)
        kept.append(mention)
    return kept


class _Reader:
    """One line's rooms, each part of the line read at most once (a long line costs no more)."""

    def __init__(self, text: str, found: Sequence[Mention]) -> None:
        self.text = text
        self.found = found
        self.sentences = Sentences(text)
        self.segments = segments(text, found)
        self._damage_said: dict[tuple[int, int], bool] = {}
        self._unrelated_at: dict[tuple[int, int], int] = {}
        self._brackets = parentheses(text)
        self._bracket_starts = [start for start, _ in self._brackets]
        self._bracket_damage: dict[tuple[int, int], bool] = {}

    def part(self, index: int) -> tuple[int, int]:
        """A mention's part of its sentence: where "unaffected" or "wet" would be said of it."""
        mention = self.found[index]
        segment_start, segment_end = self.segments[index]
        sentence_start, sentence_end = self.sentences.bounds(mention.start)
        return max(segment_start, sentence_start), min(segment_end, sentence_end)

    def unrelated_after(self, pos: int) -> bool:
        """Whether the sentence says, after `pos`, that it is not about this loss (searched once)."""
        bounds = self.sentences.bounds(pos)
        if bounds not in self._unrelated_at:
            found = UNRELATED.search(self.text, *bounds)
            self._unrelated_at[bounds] = found.start() if found else -1
        return self._unrelated_at[bounds] >= pos

    def describes_damage(self, pos: int) -> bool:
        """Whether the sentence says something is damaged: a damage word nothing negates or hedges."""
        bounds = self.sentences.bounds(pos)
        if bounds not in self._damage_said:
            sentence = self.text[bounds[0] : bounds[1]]
            self._damage_said[bounds] = any(
                _has_damage(pattern, sentence) for pattern in _DAMAGE_CONTEXT if pattern is not DIMENSIONS
            ) or any(
                # (a size is a room's news only when it is no opening's: "hatch in the hall 600 x 400 mm")
                not hedged(sentence, match.start())
                and not size_of_thing(sentence, match.start(), match.end())
                for match in evidence_matches(DIMENSIONS, sentence)
            )
        return self._damage_said[bounds]

    def bracketed(self, pos: int) -> bool:
        return bracket_around(self._brackets, self._bracket_starts, pos) is not None

    def is_passing(self, index: int) -> bool:
        """A room named in brackets or for where things were put, with no damage in those words."""
        mention = self.found[index]
        bracket = bracket_around(self._brackets, self._bracket_starts, mention.start)
        if bracket is not None:
            if bracket not in self._bracket_damage:
                self._bracket_damage[bracket] = _damage_in(self.text[bracket[0] : bracket[1]])
            if not self._bracket_damage[bracket]:
                return True
        start = _last_break(
            self.text, max(0, mention.start - 60), mention.start, default=max(0, mention.start - 60)
        )
        stop = _SEGMENT_BREAK.search(self.text, mention.end, mention.end + 60)
        clause = self.text[start : stop.start() if stop else min(len(self.text), mention.end + 60)]
        return PASSING.search(clause) is not None and not _damage_in(clause)


def _has_damage(pattern: re.Pattern[str], text: str) -> bool:
    return any(not hedged(text, match.start()) for match in evidence_matches(pattern, text))


def _damage_in(text: str) -> bool:
    return any(_has_damage(pattern, text) for pattern in _DAMAGE_CONTEXT)


def _in_gloss(text: str, name: Mention, mention: Mention) -> bool:
    """Whether a room word stands in the bracket right after a space's name ("Clubroom (function
    room)")."""
    opening = text.find("(", name.end)
    closing = text.find(")", opening + 1)
    if opening < 0 or closing < 0 or text[name.end : opening].strip():
        return False
    return opening < mention.start and mention.end <= closing


def room_mentions(text: str) -> list[Mention]:
    """Rooms named on a line, each marked affected or not.

    A room is affected when its line is a heading for it ("Kitchen: ...", "Room: X") or its sentence
    describes damage, and nothing in its part of the line calls it unaffected (dry standard, no damage).
    "Smoke detectors in hallway were sounding" names a room without saying it is damaged; a room
    named in passing ("spare boxes in the garage") or as a whole ("both bedrooms") is not an area.
    """
    found = vocabulary_mentions(text)
    is_label_line = _ROOM_LABEL.match(text) is not None
    if not found:
        found = _labelled_mentions(text) or sized_space_mentions(text)
    elif (
        (sized := sized_space_mentions(text))
        and found[0].start >= sized[0].end
        and any(_in_gloss(text, sized[0], mention) for mention in found)
    ):
        # ("- Clubroom (function room): 16 x 10 m, wet on the verandah side": the line opens with a
        # space it names by its size and glosses in a bracket of known words; those words are no
        # room of their own, known words after them are others)
        found = [*sized, *(mention for mention in found if not _in_gloss(text, sized[0], mention))]
    found = [mention for mention in _subjects(text, found) if _IN_ADDRESS.match(text, mention.end) is None]
    if not found:
        return []
    found = same_room_again(found)
    reader = _Reader(text, found)
    one_room = len({mention.key for mention in found}) == 1
    prefix = _HEADING_PREFIX.match(text)
    prefix_end = prefix.end() if prefix else 0
    heading_only = found[0].start <= prefix_end and rest_is_rooms(text, found)
    # "Rooms: living room, master bedroom" (an office's header) names rooms as a sentence would: a
    # room's own later "Master bedroom - nothing wet" outweighs it
    listed = is_label_line and len(found) > 1 and rest_is_rooms(text, found, _LISTED_REST)
    whole_line: tuple[bool, bool] | None = None  # read once: a line of one room is all its own
    clear_test = ClearTests(text)
    called_normal = CalledNormal(text, reader.sentences)
    # (the only room its sentence names: what sets that sentence apart from the loss is said of it)
    bounds = [reader.sentences.bounds(mention.start) for mention in found]
    # (counted once: a long line of rooms stays linear; a room in a bracket only places the one
    # before it: "Rumpus room ceiling (under part of the main bedroom): ... not part of this problem")
    per_sentence = Counter(
        each for each, mention in zip(bounds, found, strict=True) if not reader.bracketed(mention.start)
    )
    alone = [per_sentence[each] == 1 for each in bounds]
    not_checked = unchecked(text)  # (once a line: a long line of rooms stays linear)
    flags = []
    denials: list[bool] = []  # each room's place named after a denial ("not in the kitchen")
    for index, mention in enumerate(found):
        # ("Office wrote "Class 2?" on the docket": the firm's staff heading the line, not a room)
        names_a_thing = names_a_thing_there(text, mention) or people_act(text, mention)
        # "Master bedroom and Bedroom 3" on a line of its own heads both rooms' section.
        is_heading = not names_a_thing and (is_label_line or mention.start <= prefix_end or heading_only)
        if is_heading and one_room:
            # "Server room: may have taken some water ... nothing read above the control reading"
            if whole_line is None:
                # (the room's own name is no damage: "Water heater closet: floor dry, pan dry")
                plain = "".join(
                    (text[: mention.start], " " * (mention.end - mention.start), text[mention.end :])
                )
                damage = seen_damage(plain, 0, len(plain))
                unaffected = (
                    verdict_leads(text, reader.sentences, mention)
                    or checked_clear_sentence(text, reader.sentences, mention)
                    if damage
                    else is_unaffected(plain, mention, 0, len(plain), damage)
                )
                whole_line = (damage, unaffected)
            own_damage, unaffected = whole_line
            unaffected = unaffected or is_reference(text, mention) or row_reference(text)
        else:
            start, end = reader.part(index)
            own_damage = seen_damage(text, start, end)
            unaffected = is_unaffected(text, mention, start, end, own_damage)
        denied = NOT_BEFORE.search(text, max(0, mention.start - 24), mention.start) is not None or (
            # ("the water didn't get to the half bath or the stairs": the denial runs on down its list)
            index > 0
            and denials[-1]
            and _LIST_JOIN.match(text[found[index - 1].end : mention.start]) is not None
        )
        denials.append(denied)
        unaffected = (
            unaffected
            or denied
            or bracket_verdict(text, found, index)
            or says_none(text, mention)
            or ((one_room or alone[index]) and reader.unrelated_after(mention.end))
            or unrelated_next(
                text, reader.sentences, mention, _next_room(found, index, reader) if is_heading else None
            )
            or ends_fine(text, found, index)
            or (index == 0 and verdict_sentence(text, reader.sentences, found))
            or odour_cleared(text, reader.sentences, found, index)
            or only_floor_above_wet(text, reader.sentences, found, index)
            or needs_no_drying(text, reader.sentences, mention)
            or foot_only(text, reader.sentences, mention)
            or called_normal(mention)
        )
        incidental = not is_heading and (
            _later_clause_without_damage(text, found, reader, index, own_damage) or only_beside(text, mention)
        )
        # (a heading the writer could not check, with no damage of its own, tells no damage)
        described = (is_heading and (own_damage or not not_checked)) or (
            not names_a_thing
            and reader.describes_damage(mention.start)
            and not reader.is_passing(index)
            and not incidental
            and not clear_test(reader.sentences.bounds(mention.start))
            and not looked_into(text, mention)
            and not is_waterway(text, mention)
            and not others_room(text, reader.sentences, mention)
        )
        # A building holds the rooms ("water entered the granny flat") unless a heading names it a room;
        # a level named as how far the loss went ("Basement only.") is where its rooms are.
        is_space = (
            not mention.collective
            and (is_heading or mention.base not in _BUILDINGS)
            and not (mention.base in _BUILDINGS and _EXTENT_ONLY.match(text, mention.end))
        )
        flags.append([described and is_space, unaffected, own_damage, incidental, is_heading])
    if UNAFFECTED_LEAD.match(text) or REFERENCE_LEAD.match(text):
        for flag in flags:  # "Checked and NOT affected: Units 301 ..., the 102 bathroom (ceiling dry)"
            flag[1] = True
    _retracted_or_empty(reader, flags)
    _share_unaffected(text, found, flags, reader)
    standard_led(text, found, flags)
    sentence_unaffected(reader.text, reader.found, reader.sentences, flags)
    _rest_said_dry(text, found, flags)
    for mention, flag in zip(found, flags, strict=True):
        if names_a_thing_there(text, mention):
            flag[1] = False  # (the verdict is the thing's: "the split in the kitchen, tray dry")
    return [
        replace(
            mention,
            affected=described and not unaffected,
            unaffected=unaffected,
            heading_only=heading_only,
            incidental=incidental,
            implied=not (own_damage or (heading and not listed)),
        )
        for mention, (described, unaffected, own_damage, incidental, heading) in zip(
            found, flags, strict=True
        )
        # a "<word> room" the vocabulary does not know is a room only where it is affected; elsewhere
        # the readings' own phrase reading places what is said there ("the plant room could not be read")
        # (or where it is ruled out: "Not affected: boiler room" keeps its later reference row out;
        # not where only a surface of it is said dry: "the parts room floor stayed dry")
        if mention.base != "other_room"
        or (described and not unaffected)
        or (unaffected and _SURFACE_AFTER.match(text, mention.end) is None)
    ]


# "wet patch in front of chairs 2-4 only, tile soaking. rest of salon dry": the rest of a room said dry
# after damage the line told before naming any room puts that damage in the room (not the building's
# rest: "rest of the house dry" says where the loss was not).
_REST_OF = re.compile(r"\b(?:the )?(?:rest|remainder|balance) of (?:the )?$", FLAGS)


def _rest_said_dry(text: str, found: Sequence[Mention], flags: list[list[bool]]) -> None:
    if not found or found[0].collective or found[0].base in _BUILDINGS:
        return
    first = found[0]
    if _REST_OF.search(text, max(0, first.start - 20), first.start) and seen_damage(text, 0, first.start):
        flags[0][:3] = [True, False, True]


# "Shop 4, 31 Weedon Close", "Unit 2, 8 Hill St": a unit written before its street is the address.
_IN_ADDRESS = re.compile(
    rf",? \d{{1,5}}[A-Za-z]? (?:[A-Z][A-Za-z'\-]+ ){{1,3}}(?:{STREET_TYPES})\b", re.ASCII
)


# A surface named right after a room: what is said next is said of that surface.
_SURFACE_AFTER = re.compile(r" (?:floors?|walls?|ceilings?|carpet|slab|skirting\w*)\b", FLAGS)


# Rooms listed together share what is said of them ("kitchen, hall and lounge wet").
_BRACKETED = re.compile(r"\([^()]*\)")
_LIST_GAP = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b)\s*(?:the\s+)?", FLAGS)


def _later_clause_without_damage(
    text: str, found: Sequence[Mention], reader: _Reader, index: int, own_damage: bool
) -> bool:
    """ "batts above lounge soaked, roof space access via manhole in hall": a room in a later clause
    of a sentence whose damage an earlier room's clause holds after that room, named with none of its
    own and not listed with that room, is named for something else (access, a route, a view).
    ("Rooms that took water: lounge (5.0 x 4.2 m), kitchen": a list the damage heads.)"""
    if index == 0 or own_damage:
        return False
    mention, previous = found[index], found[index - 1]
    if any(earlier.key == mention.key for earlier in found[:index]):
        return False  # the same room again ("part of the kitchen is wet ... of a kitchen 5.4 x 3.8 m")
    if MOTION_INTO.search(text, max(0, mention.start - 40), mention.start):
        return False  # where the water went ("and it had gone under the door into Bella's room")
    if _LIST_GAP.fullmatch(_BRACKETED.sub("", text[previous.end : mention.start])):
        return False
    sentence = reader.sentences.bounds(mention.start)
    for earlier_index, earlier in enumerate(found[:index]):
        if reader.sentences.bounds(earlier.start) != sentence:
            continue
        _, end = reader.part(earlier_index)
        clause_break = _SEGMENT_BREAK.search(_BRACKETED.sub("", text[earlier.end : mention.start]))
        if clause_break is not None and seen_damage(text, earlier.end, end):
            return True
    return False


def _retracted_or_empty(reader: _Reader, flags: list[list[bool]]) -> None:
    """Rooms the writer takes back ("I wrote that ... was wet. It wasn't") or a row found nothing in."""
    first_end = nothing_row_first_cell_end(reader.text, reader.found[0].end if reader.found else None)
    taken_back: dict[tuple[int, int], bool] = {}  # by sentence: linear in a long line
    for mention, flag in zip(reader.found, flags, strict=True):
        bounds = reader.sentences.bounds(mention.start)
        if bounds not in taken_back:
            taken_back[bounds] = retracted(reader.text, bounds, bounds[1])
        if taken_back[bounds]:
            flag[0], flag[2] = False, False
        if first_end is not None and mention.end <= first_end:
            flag[1] = True


_NOTHING_MORE = re.compile(r"[\s.,;:!)]*", FLAGS)


def _next_room(found: Sequence[Mention], index: int, reader: _Reader) -> int:
    """Where the next room the line names outside a bracket starts (the line's end when none)."""
    for mention in found[index + 1 :]:
        if mention.key != found[index].key and not reader.bracketed(mention.start):
            return mention.start
    return len(reader.text)


def _share_unaffected(text: str, found: Sequence[Mention], flags: list[list[bool]], reader: _Reader) -> None:
    # What is said of the last room of a list is said of every room in it.
    for index in range(len(found) - 2, -1, -1):
        if flags[index + 1][1] and _LIST_JOIN.match(text[found[index].end : found[index + 1].start]):
            flags[index][1] = True
    # ... and a list that closes its clause after the verdict ("no soot on the wipe test in bed 2 and
    # 3.", "readings normal in the study and the den"): its last rooms have no words of their own, the
    # verdict before the list is theirs as it is the first one's
    for index in range(1, len(found)):
        _, end = reader.part(index)
        if (
            flags[index - 1][1]
            and not flags[index][2]
            and _LIST_JOIN.match(text[found[index - 1].end : found[index].start])
            and _NOTHING_MORE.fullmatch(text, found[index].end, end)
        ):
            flags[index][1] = True
    # "Bathroom side of wall tiled - no water onto bathroom floor": one room, said unaffected once,
    # wet nowhere on the line, is unaffected wherever the line names it. (Not a verdict on a material
    # the room holds: "The plasterboard in the studio was not wet" is no verdict on the studio's floor.)
    unaffected_keys = {
        mention.key
        for mention, flag in zip(found, flags, strict=True)
        if flag[1] and not names_a_material_there(text, mention)
    }
    damaged_keys = {mention.key for mention, flag in zip(found, flags, strict=True) if flag[2]}
    for mention, flag in zip(found, flags, strict=True):
        if mention.key in unaffected_keys and mention.key not in damaged_keys:
            flag[1] = True
