"""The room vocabulary: which words name a space, and how a written room becomes a `Mention`.

A mention keeps the words the notes use for a space ("Bella's room", "1306 bathroom", "Gym storage
room", "granny flat bedsit") when the vocabulary has no better name for it, and carries the level a
qualifier names ("upstairs", "basement", "(main floor)") for whoever builds the area.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from chalicelib.analysis.offline.room_lexicon import ROOMS
from chalicelib.analysis.offline.text import (
    FLAGS,
    collapse,
    matched_key,
)

# Rooms that make one space when written together ("kitchen/dining", "open-plan lounge and kitchen").
_OPEN_PLAN = frozenset(
    {"kitchen", "kitchenette", "dining_room", "meals", "lounge", "living_room", "family_room"}
)


# Rooms told apart by the words they are written with.
_WRITTEN_KEYS = frozenset(
    {"named_room", "numbered_room", "lettered_space", "other_room", "closet", "cupboard", "store", "use_hall"}
)


# Levels a qualifier names, by how the notes write them.
_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (level, re.compile(pattern, FLAGS))
    for level, pattern in (
        ("upstairs", r"^(?:upstairs|upper(?: level| floor)?|first floor|second floor|top floor)$"),
        ("downstairs", r"^(?:downstairs|lower(?: level)?)$"),
        ("basement", r"^(?:basement|lower level|cellar)$"),
        ("ground", r"^(?:ground(?: floor| level)?|main floor|main level)$"),
    )
)


_ROOM_QUALIFIER = (
    # A unit or suite number ("1306 bathroom", "Suite 310 kitchenette"), never a date's year.
    r"(?:(?<![/.:\-\d])(?P<unit>(?:(?:unit|suite|apt|flat) ?#?)?\d{3,4}) )?"
    r"(?:(?P<qual>master|primary|main|guest|spare|kids|front|rear|back|upstairs|downstairs|basement"
    r"|lower level|ground floor|first floor|second floor|upper|lower|granny flat) )?"
)


# A room number is one digit that does not start a dimension ("Kitchen 3 x 4 m" is not room 3) or a
# quantity ("baseboard - hall 6 LF, BR2 12 LF"); a slash only joins room numbers ("beds 2/3"), never
# a date ("bed 2 12/05").
_ROOM_NUMBER = (
    r"(?: ?(?:#|no\.? ?)?(?P<num>[1-9])\b"
    r"(?![.,]?\d| ?(?:x|\u00d7|\*|by\b|ft\b|feet\b|foot\b|m\b|metres?\b|meters?\b|mm\b|cm\b|%|'|\""
    r"|lf\b|lm\b|sf\b|sq\b|m2\b|ea\b|lin\b|linear\b)"
    r"|/ ?\d{2}|/\d+/))?"
)


_ROOM_ALTERNATIVES = "|".join(f"(?P<{key}>{pattern})" for key, pattern in ROOMS)


ROOM_PATTERN = re.compile(rf"\b{_ROOM_QUALIFIER}(?:{_ROOM_ALTERNATIVES})(?![a-z]){_ROOM_NUMBER}", FLAGS)


_ROOM_ABBREVIATIONS = re.compile(r"\brm\b", FLAGS)


_PLURAL = re.compile(r"(?<=room)s$|(?<=bed)s$", FLAGS)


_IS_PLURAL = re.compile(r"(?:rooms|beds)$", FLAGS)


_MORE_NUMBERS = re.compile(r" ?(?:and|&|/|,) ?(?P<more>[1-9])\b(?![.,]?\d| ?(?:x|\u00d7|ft\b|m\b|'))", FLAGS)


# "Kitchen/dining", "kitchen and meals area", "open-plan lounge and kitchen": one space.
_OPEN_PLAN_JOIN = re.compile(r"/| ?& ?| and ", FLAGS)
_OPEN_PLAN_BEFORE = re.compile(r"\bopen[- ]plan $", FLAGS)
_AREA_AFTER = re.compile(r" area\b", FLAGS)


# "the back bedroom (we call it Bedroom 3)": the second name is what the notes call it from then on.
_BRACKET_OPEN = re.compile(r" ?\( ?(?:the |now |aka )?")
_ALIAS_JOIN = re.compile(
    r"^(?: (?:upstairs|downstairs|up|down))? ?[(,-] ?"
    r"(?:referred to (?:here |below |hereafter )?as|(?:we|they|i) call it|called|known as|aka|i\.?e\.?)"
    r" (?:the )?$",
    FLAGS,
)


# "Living room (main floor)": a level in brackets right after the room.
_LEVEL_AFTER = re.compile(r" ?\((?P<level>[a-z ]{4,20})\)", FLAGS)


@dataclass(frozen=True)
class Mention:
    """A room (or reading place) named on a line; `key` tells two spellings of one room apart."""

    key: str
    name: str
    start: int
    end: int
    base: str = ""  # the room without qualifier or number: "bedroom" for "Master bedroom 2"
    qualified: bool = True
    affected: bool = True
    is_room: bool = True
    unaffected: bool = False  # explicitly called unaffected (dry standard, no damage)
    level: str | None = None  # the level a qualifier names: "upstairs", "downstairs", "basement", ...
    collective: bool = False  # "the bedrooms", "both bedrooms": rooms named one by one elsewhere
    heading_only: bool = False  # the line names rooms and nothing else: its section tells whether
    incidental: bool = False  # named for something else in a clause of its own ("access via the hall")
    implied: bool = False  # affected only by its sentence's damage, none said in its own words


def level_of(words: str | None) -> str | None:
    """The level a qualifier names ("upstairs", "first floor", "main floor"), if it names one."""
    if not words:
        return None
    phrase = collapse(words).lower()
    return next((level for level, pattern in _LEVELS if pattern.match(phrase)), None)


def sentence_case(text: str) -> str:
    lowered = collapse(text).lower()
    return lowered[:1].upper() + lowered[1:]


def _room_name(words: Iterable[str | None], base: str) -> str:
    name = " ".join(word for word in words if word)
    name = _ROOM_ABBREVIATIONS.sub("room", name)
    if base == "bedroom" and re.fullmatch(r"(?:[\w ]+ )?(?:bed|br) ?#?\s?[1-9]", name, FLAGS):
        name = re.sub(r"\b(?:bed|br) ?#?\s?", "bedroom ", name, flags=FLAGS)
    elif base == "bedroom":
        name = re.sub(r"\b(?:br|bed)\b", "bedroom", name, flags=FLAGS)  # "Primary BR", "Master bed"
    elif base == "kitchen":
        name = re.sub(r"\bkit\b", "kitchen", name, flags=FLAGS)  # "KIT"
    named = sentence_case(name)
    if base == "toilet_room":  # "WC", "W/C": an initialism keeps its capitals
        named = re.sub(r"\bw(/?)c\b", r"W\1C", named, flags=FLAGS)
    if base == "lettered_space":  # "Studio B": the letter is a name
        return named[:-1] + name[-1:].upper()
    return named if base != "named_room" else name[:1].upper() + collapse(name)[1:]


def vocabulary_mentions(text: str) -> list[Mention]:
    """Every room the vocabulary names on a line, joined where the notes join them into one."""
    return list(_vocabulary_mentions(text))


# A readings line asks again about the same few words per reading (each list item's head, its own
# label): remembered, a line of thousands of readings costs no more than one pass each.
@lru_cache(maxsize=2048)
def _vocabulary_mentions(text: str) -> tuple[Mention, ...]:
    mentions: list[Mention] = []
    for match in ROOM_PATTERN.finditer(text):
        base = matched_key(match, ROOMS)
        unit, qualifier, number = match.group("unit"), match.group("qual"), match.group("num")
        written = match.group(base)
        collective = number is None and _IS_PLURAL.search(written) is not None
        written = _PLURAL.sub("", written)
        level = level_of(qualifier)
        level_after = _LEVEL_AFTER.match(text, match.end())
        if level is None and level_after is not None:
            level = level_of(level_after.group("level"))
        words = (unit, qualifier, written, number)
        if base == "office" and number is None and qualifier is None and _firms_office(text, match):
            continue  # ("Office wrote "Class 2?" on the docket", "I rang the office"): the firm's
        mention = _numbered(base, words, match.start(), match.end(), level)
        if collective:
            mention = replace(mention, collective=True)
        mentions.append(mention)
        if number is not None:
            # "Bedroom 1 and 2", "Beds 2/3": each number is a room of its own.
            more = _MORE_NUMBERS.match(text, match.end())
            if more is not None:
                words = (unit, qualifier, written, more.group("more"))
                mentions.append(_numbered(base, words, more.start("more"), more.end(), level))
    joined = _join_compounds(text, _without_bracketed_descriptions(text, mentions))
    return tuple(_join_aliases(text, [_ordinal_numbered(text, mention) for mention in joined]))


# The firm's office, no room of the house: it writes, says and is rung ("Office wrote "Class 2?" on
# the docket", "the office says", "I texted the office", "check with the office")
_OFFICE_SAYS = re.compile(
    r" (?:wrote|writes|said|says|rang|called|phoned|e-?mailed|texted|sent|told|asked|booked|confirmed"
    r"|advised|noted|to (?:confirm|chase|send|book))\b",
    re.IGNORECASE,
)
_TOLD_OFFICE = re.compile(
    r"\b(?:wrote to|rang|called|phoned|e-?mailed|texted|told|asked|messaged|check(?:ed)? with|call|ring"
    r") (?:the |our |head |back )?$",
    re.IGNORECASE,
)


def _firms_office(text: str, match: re.Match[str]) -> bool:
    """Whether "office" is the restorer's or insurer's office that writes and is rung, no room."""
    return (
        _OFFICE_SAYS.match(text, match.end()) is not None
        or _TOLD_OFFICE.search(text, max(0, match.start() - 24), match.start()) is not None
    )


_SPACE_ROOM_WORD = re.compile(r" (?:room|rm)\b")


def _numbered(
    base: str, words: tuple[str | None, str | None, str, str | None], start: int, end: int, level: str | None
) -> Mention:
    unit, qualifier, written, number = words
    # "main bathroom" is the bathroom: "main" names no other room of the same kind.
    prefix = " ".join(word for word in (unit, qualifier) if word and word.lower() != "main")
    # "Linen closet" and "utility closet" are two closets; "Bella's room" is nobody else's.
    written_words = _ROOM_ABBREVIATIONS.sub("room", collapse(written).lower())
    kind = written_words.rsplit(" ", 1)[0] if base in _WRITTEN_KEYS and " " in written else ""
    numbered = base in ("numbered_room", "lettered_space")
    if numbered:
        # "Room 411" and "room 412" are two rooms; "Rm 411" is the first again
        kind = _ROOM_ABBREVIATIONS.sub("room", collapse(written).lower())
        if base == "lettered_space":  # ("Treatment room 2" and "treatment 2 wall": one room)
            kind = _SPACE_ROOM_WORD.sub("", kind)
        kind = kind.replace(" ", "")
    key_prefix = " ".join(word for word in (prefix, kind) if word)
    return Mention(
        key=f"{key_prefix}|{base}|{number or ''}".lower(),
        name=_room_name(words, base),
        start=start,
        end=end,
        base=base,
        qualified=bool(prefix or number or numbered),
        level=level,
    )


# What follows a slashed pair that names one space: its size, a label's separator or a cell's end.
# (the size may be hedged: "a laundry/utility room about 10 x 8 ft", "Store/stock room, approx. 4 x 3 m")
_ONE_SPACE_AFTER = re.compile(
    r"\s*(?:,\s*(?=\d|approx|about|roughly|~))?"
    r"(?:(?:about|approx(?:imately|\.)?|roughly|~)\s*(?=\d)|\(?\d|[:|(]|[-\u2013\u2014]\s|$)",
    FLAGS,
)


def _join_compounds(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Gym storage room", "Bedroom 3 closet": a room named by another is one space, keyed by both;
    "kitchen/dining" and "kitchen and meals area" are one open-plan space, known by its first room."""
    joined: list[Mention] = []
    was_joined = False  # two rooms make one space; a third starts another (and keeps this linear)
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous is None or was_joined or previous.collective or mention.collective:
            joined.append(mention)
            was_joined = False
            continue
        between = text[previous.end : mention.start] if mention.start - previous.end <= 5 else "  "
        if _level_cell(text, previous, mention, between):
            # ("Linen store Basement 4.0 x 3.0 m": a table's Level column, run into the room's row)
            level = previous.level or level_of(text[mention.start : mention.end])
            joined[-1] = replace(previous, level=level)
            was_joined = True
            continue
        open_plan = (
            previous.base in _OPEN_PLAN
            and mention.base in _OPEN_PLAN
            and previous.base != mention.base
            and _OPEN_PLAN_JOIN.fullmatch(between) is not None
            and (
                between == "/"
                or _OPEN_PLAN_BEFORE.search(text, max(0, previous.start - 12), previous.start) is not None
                or _AREA_AFTER.match(text, mention.end) is not None
                or mention.name.lower().endswith(" area")
            )
        )
        # ("Laundry/utility 10' x 9'", "Dispensary / colour bar:": two rooms written with a slash and
        # then sized or labelled as one are one space named two ways, known by its first name; "Beds
        # 2/3" are numbers, read apart above; "lounge / hall carpet soaked" and "laundry/hall/bed 2" are
        # lists of rooms, each told of on its own)
        slashed = (
            between.strip() == "/"
            and previous.base != mention.base
            and _ONE_SPACE_AFTER.match(text, mention.end) is not None
        )
        was_joined = True
        if open_plan or slashed:
            joined[-1] = _combined(text, previous, mention, base=previous.base, key=previous.key)
        elif between == " " and previous.base != mention.base and mention.base not in ("granny_flat",):
            key = f"{previous.key.replace('|', ' ').strip()}|{mention.base}|{mention.key.rsplit('|', 1)[1]}"
            joined[-1] = _combined(text, previous, mention, base=mention.base, key=key)
        else:
            joined.append(mention)
            was_joined = False
    return joined


# A level a table writes in a column of its own: capitalised, right after the room, before its size.
_LEVEL_BASES = frozenset({"basement"})
_SIZE_NEXT = re.compile(r" \d", FLAGS)


def _level_cell(text: str, room: Mention, level: Mention, between: str) -> bool:
    return (
        between == " "
        and level.base in _LEVEL_BASES
        and room.base not in _LEVEL_BASES
        and text[level.start].isupper()
        and _SIZE_NEXT.match(text, level.end) is not None
    )


def _combined(text: str, first: Mention, second: Mention, *, base: str, key: str) -> Mention:
    name = sentence_case(text[first.start : second.end])
    name = _ROOM_ABBREVIATIONS.sub("room", name)
    return Mention(
        key=key.lower(),
        name=name,
        start=first.start,
        end=second.end,
        base=base,
        qualified=True,
        level=first.level or second.level,
    )


def _without_bracketed_descriptions(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Back dining room (private room)": an unknown "<word> room" in brackets right after a room
    describes it; it is no room of its own."""
    return [
        mention
        for index, mention in enumerate(mentions)
        if not (
            index
            and mention.base == "other_room"
            and re.fullmatch(r" ?\( ?", text[mentions[index - 1].end : mention.start])
        )
    ]


# "the 3rd bedroom", "our second bedroom": a bedroom counted by an ordinal is the one a plan numbers so.
_ORDINAL_BEFORE = re.compile(
    r"\b(?:(?P<digit>[1-9])(?:st|nd|rd|th)|(?P<word>second|third|fourth|fifth|sixth)) $", FLAGS
)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def _ordinal_numbered(text: str, mention: Mention) -> Mention:
    if mention.base != "bedroom" or mention.key != "|bedroom|" or mention.collective:
        return mention
    ordinal = _ORDINAL_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    if ordinal is None:
        return mention
    number = ordinal.group("digit") or str(_ORDINALS[ordinal.group("word").lower()])
    return replace(mention, key=f"|bedroom|{number}", name=f"Bedroom {number}", start=ordinal.start())


# "the 3rd bedroom (the kids' playroom, we call it the back room)": a gloss before the name the notes
# then use, in the same bracket; every room the bracket names is that one room.
_GLOSSED_ALIAS = re.compile(
    r"^ ?\([^()]{0,50}?[,;] ?(?:(?:we|they|i) (?:call|called) it|(?:it'?s |is )?(?:called|known as)|aka)"
    r" (?:the |our )?$",
    FLAGS,
)


def _join_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "the back bedroom (we call it Bedroom 3)": both mentions are the room the notes call Bedroom 3."""
    out = list(mentions)
    for index in range(len(out) - 2):
        first, third = out[index], out[index + 2]
        if _GLOSSED_ALIAS.match(text[first.end : third.start]):
            for each in (index, index + 1):
                out[each] = replace(
                    out[each], key=third.key, name=third.name, level=out[each].level or third.level
                )
    for index in range(len(out) - 1):
        first, second = out[index], out[index + 1]
        between = text[first.end : second.start]
        if (first.base == second.base and _ALIAS_JOIN.match(between)) or (
            # ("Mikaere's room (bedroom 2, 3.4 x 3.0)": a room known by whose it is, then the name
            # the plan gives it, first in its bracket)
            first.base == "named_room" and second.base != "named_room" and _BRACKET_OPEN.fullmatch(between)
        ):
            out[index] = replace(first, key=second.key, name=second.name, level=first.level or second.level)
    return out
