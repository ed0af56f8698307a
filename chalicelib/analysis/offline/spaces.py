"""Spaces: the room vocabulary, labelled rooms and places, and which mention a line is about."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from chalicelib.analysis.findings import (
    DamageType,
)
from chalicelib.analysis.offline.measures import (
    DIMENSIONS,
    STATED_AREA,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Sentences,
    clean_value,
    collapse,
    evidence_matches,
    matched_key,
    truncate,
)

MAX_ROOM_NAME = 60


# --- damage type -------------------------------------------------------------------------------

DAMAGE_KEYWORDS: tuple[tuple[DamageType, re.Pattern[str]], ...] = (
    (
        DamageType.FIRE_SMOKE,
        re.compile(
            r"\b(?:fire(?! ?(?:alarm|detector|extinguisher|exit|door|escape|rated|rating|blanket|place"
            r"|brigade"
            r"|dept|department|service|sprinkler))"
            r"|smoke(?! ?(?:alarm|detector))|soot|sooty|char|charred|charring|burnt|burned|burn"
            r"|scorch(?:ed|ing)?|flames?|combustion)\b",
            FLAGS,
        ),
    ),
    (
        DamageType.MOULD,
        re.compile(r"\b(?:mou?ld(?:y|s)?|mildew|fung(?:al|us|i)|spores?|microbial)\b", FLAGS),
    ),
    (
        DamageType.WATER,
        re.compile(
            r"\b(?:water|sewage|sewer|flood(?:ed|ing|s|water)?|burst|leak(?:s|ed|ing|age)?|overflow(?:ed"
            r"|ing|s)?"
            r"|supply line|pipe|rain(?:water)?|saturated|wet|damp)\b",
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

# (key, pattern): alternatives sharing a key are the same room written differently.
_ROOMS: tuple[tuple[str, str], ...] = (
    ("living_dining", r"(?:living|lounge|family) ?(?:/|&|and) ?dining(?: room| area| rm)?"),
    ("living_room", r"living (?:room|area|rm)|living(?= ?(?:\d|:|carpet|floor))"),
    # "Family", "Living" alone name a room only before its size or a heading colon ("Family 5x4m").
    ("family_room", r"family (?:room|rm)|family(?= ?(?:\d|:|carpet|floor))"),
    ("dining_room", r"dining (?:room|area|rm)|dining(?! (?:table|chairs?|set|suite|furniture|hutch))"),
    ("rumpus_room", r"rumpus(?: room| rm)?"),
    ("utility_room", r"utility (?:room|rm)"),
    ("powder_room", r"powder (?:room|rm)"),
    ("laundry", r"laundry(?: room| rm)?"),
    ("kitchen", r"kitchen(?:ette)?"),
    ("ensuite", r"en-?suite(?: bathroom)?"),
    # "Bath" alone is as often the tub: only "master bath" or "bath wall/floor/..." is the room.
    (
        "bathroom",
        r"(?:hall|guest|kids|half|main) bath(?:room)?|bath ?room|bath ?rm"
        r"|bath(?(qual)\b|(?= (?:wall|floor|ceiling|vanity|bottom plate|door|subfloor|tile)s?\b))",
    ),
    ("bedroom", r"bed ?rooms?|bed ?rm|(?:beds?|br)(?= ?#?[1-9]\b)"),
    ("hallway", r"hall ?way|hall|corridor"),
    ("entry", r"entry ?way|entry|foyer"),
    ("lounge", r"lounge(?: room| rm)?(?! (?:suite|chairs?|furniture))"),
    ("basement", r"basement"),
    ("cellar", r"cellar"),
    ("garage", r"garage"),
    ("office", r"office"),
    ("study", r"study"),
    ("walk_in_robe", r"walk-?in (?:robe|wardrobe)|wir(?= |$|:|,)"),
    ("closet", r"closet|wardrobe"),
    ("cupboard", r"(?:airing|hot water|linen|utility|broom|under-?stair) cupboard|hwc(?= |:|,)"),
    ("landing", r"landing"),
    ("showroom", r"show ?room|sales floor"),
    ("restroom", r"rest ?room|wash ?room|staff (?:toilet|wc)"),
    ("reception", r"reception(?: area)?|waiting (?:room|area)|lobby"),
    ("boardroom", r"board ?room|conference room|meeting room"),
    ("open_office", r"open[- ](?:plan )?office"),
    ("server_room", r"server room|comms room"),
    ("break_room", r"break ?room|lunch ?room|staff ?room"),
    ("loading_dock", r"loading dock|dock(?= (?:floor|area|door)|:)"),
    ("gym", r"gym(?:nasium)?"),
    ("storage_room", r"stor(?:age|e) ?room|storeroom"),
    ("rec_room", r"rec(?:reation)? room"),
    ("meals", r"meals(?: area)?"),
    ("granny_flat", r"granny flat|bedsit|studio flat"),
    ("classroom", r"class ?room"),
    ("operatory", r"operatory"),
    ("sterilization", r"sterili[sz]ation(?: room| area)?"),
    ("dish_pit", r"dish ?pit|dish(?:washing)? area|prep area|walk-in (?:cooler|freezer)"),
    ("outdoor", r"verandah?|porch|patio|alfresco|deck(?= |:|,|$)"),
    ("pantry", r"pantry"),
    ("attic", r"attic|roof (?:space|void)"),
    ("loft", r"loft"),
    ("crawlspace", r"crawl ?space"),
    ("stairwell", r"stair ?(?:well|case)|stairs"),
    ("sunroom", r"sun ?room"),
    ("playroom", r"play ?room"),
    ("nursery", r"nursery"),
    ("mudroom", r"mud ?room"),
    ("den", r"den"),
    ("great_room", r"great (?:room|rm)"),
    ("bonus_room", r"bonus (?:room|rm)"),
    # US notes write "master" for the master bedroom ("master slab 2.9 %MC").
    ("master", r"master(?! ?(?:bed|bath|closet|suite|en-?suite|wardrobe|robe|wir)\w*)"),
    ("toilet_room", r"(?:wc|toilet|w/c)(?= ?(?:\d|:))"),
    ("media_room", r"media (?:room|rm)|theatre room|theater room"),
)


_ROOM_QUALIFIER = (
    r"(?:(?P<qual>master|main|guest|spare|kids|front|rear|back|upstairs|downstairs|basement|lower level"
    r"|ground floor|first floor|second floor|upper|lower) )?"
)


_SEGMENT_BREAK = re.compile(r"[,;|.(]| [-\u2013\u2014] ")


# "Basement below kitchen", "plasterboard hall wall": a room named to place something, not the subject.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:below|above|under|beneath|next to|adjacent to|beside|behind|off|outside|from|into|to|towards?"
    r"|via|through)(?: the)? $",
    FLAGS,
)


_LOCATIVE_AFTER = re.compile(r" (?:wall|side|door(?:way)?|end|edge|threshold)s?\b", FLAGS)


# A room number is one digit that does not start a dimension ("Kitchen 3 x 4 m" is not room 3).
_ROOM_NUMBER = (
    r"(?: ?(?:#|no\.? ?)?(?P<num>[1-9])\b"
    r"(?![.,]?\d| ?(?:x|\u00d7|\*|by\b|ft\b|feet\b|foot\b|m\b|metres?\b|meters?\b|mm\b|cm\b|%|'|\"|/)))?"
)


_ROOM_ALTERNATIVES = "|".join(f"(?P<{key}>{pattern})" for key, pattern in _ROOMS)


ROOM_PATTERN = re.compile(rf"\b{_ROOM_QUALIFIER}(?:{_ROOM_ALTERNATIVES})(?![a-z]){_ROOM_NUMBER}", FLAGS)


_ROOM_LABEL = re.compile(rf"^(?:affected )?(?:room|area|space)s?(?: name)?{LABEL_SEPARATOR}", FLAGS)


_ROOM_NAME_END = re.compile(r"[,;(:]| [-\u2013\u2014] ", FLAGS)


_ROOM_ABBREVIATIONS = re.compile(r"\brm\b", FLAGS)


_PLURAL = re.compile(r"(?<=room)s$|(?<=bed)s$", FLAGS)


_MORE_NUMBERS = re.compile(r" ?(?:and|&|/|,) ?(?P<more>[1-9])\b(?![.,]?\d| ?(?:x|\u00d7|ft\b|m\b|'))", FLAGS)


# What may come before a room for the line to be its heading: bullets and numbering ("1. Kitchen:").
_HEADING_PREFIX = re.compile(r"[\s\-*#>\u2022\d.)]*")


_DAMAGE_CONTEXT_WORDS = re.compile(
    r"\b(?:damaged?|affected|impacted|stain(?:s|ed|ing)?|swollen|swelling|delaminat(?:ed|ing|ion)|cupp(?:ed"
    r"|ing)"
    r"|buckl(?:ed|ing)|lifting|warp(?:ed|ing)?|odou?rs?|residue|growth|wicking|collapsed|sagging|peeling"
    r"|bubbling|rot(?:ted|ting)?|soaked|pool(?:ed|ing)|standing|readings?|moisture|mc|wme|rel|spores?"
    r"|soot\w*|smoke(?! ?(?:detectors?|alarms?))|char(?:red|ring)?|burnt|scorch\w*)\b",
    FLAGS,
)


_WET = re.compile(r"\b(?:wet|soaked|saturated|damp|water|flood\w*|leak\w*)\b", FLAGS)


_MAX_ROOM_WORDS = 5  # a longer "Area: ..." value is prose, not a room name


_UNAFFECTED = re.compile(
    r"\b(?:unaffected|not affected|not impacted|unimpacted|no damage|undamaged|not damaged"
    r"|no (?:visible )?(?:water|moisture|damage)|dry (?:standard|std)"
    r"|(?:reference|control|baseline) (?:area|room|reading|point)"
    r"|did(?: not|n'?t) get wet|not (?:wet|reached)|never got wet|(?:stayed|remained|remains|kept) dry"
    r"|free (?:of|from)|nothing (?:came through|to dry)|(?:was|were) (?:fine|spared|ok)"
    r"|checked\W{1,4}(?:and )?(?:dry|fine|ok|clear|nothing)|no action)\b",
    FLAGS,
)
# "Kitchen vinyl DRY", "hall bath vinyl dry": dry said of a room with nothing wet about it.
_SAID_DRY = re.compile(
    r"\bdry\b(?! ?(?:std|standard|goal|out|ing|by|within|in \d|to\b|after))"
    r"|\bno (?:visible |active )?(?:mou?ld|growth|staining)\b",
    FLAGS,
)
_READING_NUMBER = re.compile(r"\d ?(?:%|wme|rel|mc)|(?:wme|rel|mc) ?\d|\d{2}\b", FLAGS)
# Between two rooms of one list ("Bedrooms 2 and 3, the hallway, kitchen and laundry are ...").
_LIST_JOIN = re.compile(r"^(?:\s|,|&|/|\+|\band\b|\bor\b|\bthe\b|\bboth\b)*$", FLAGS)


_PLACE = re.compile(
    r"\b(?:outside|outdoors?|exterior|ambient|unaffected area"
    r"|dehu(?:midifier)? (?:inlet|outlet|exhaust|intake)|hvac(?: (?:return|supply))?)\b",
    FLAGS,
)


VALUE = r"(?<![\d.])(?P<value>\d{1,3}(?:\.\d{1,2})?)"


LABEL_VALUE = r"(?P<value>\d{1,3}(?:\.\d{1,2})?)(?![\d.]\d)"


READINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (unit, re.compile(pattern, FLAGS))
    for unit, pattern in (
        ("%MC", rf"{VALUE} ?% ?MC\b"),
        ("%MC", rf"\bMC ?[:=]? ?{LABEL_VALUE} ?%"),
        ("WME", rf"\bWME ?[:=]? ?{LABEL_VALUE}"),
        ("WME", rf"{VALUE} ?%? ?WME\b"),
        ("REL", rf"\bREL ?[:=]? ?{LABEL_VALUE}"),
        ("REL", rf"{VALUE} ?REL\b"),
        # A bare percentage names no scale, so it is reported as "%" rather than assumed %MC.
        ("%", rf"\breadings? ?(?:of|at|was|is|=|:)? ?{LABEL_VALUE} ?%(?! ?(?:MC|RH)\b)"),
        ("%", rf"{VALUE} ?% ?readings?\b"),
    )
)


_DAMAGE_CONTEXT: tuple[re.Pattern[str], ...] = (
    _DAMAGE_CONTEXT_WORDS,
    *(pattern for _, pattern in DAMAGE_KEYWORDS),
    DIMENSIONS,
    *(pattern for _, pattern in READINGS),
)


# --- rooms -------------------------------------------------------------------------------------


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


def _sentence_case(text: str) -> str:
    lowered = collapse(text).lower()
    return lowered[:1].upper() + lowered[1:]


def _room_name(words: Iterable[str | None], base: str) -> str:
    name = " ".join(word for word in words if word)
    name = _ROOM_ABBREVIATIONS.sub("room", name)
    if base == "bedroom" and re.fullmatch(r"(?:\w+ )?bed ?#?\s?[1-9]", name, FLAGS):
        name = re.sub(r"\bbed ?#?\s?", "bedroom ", name, flags=FLAGS)
    return _sentence_case(name)


def _vocabulary_mentions(text: str) -> list[Mention]:
    mentions = []
    for match in ROOM_PATTERN.finditer(text):
        base = matched_key(match, _ROOMS)
        qualifier, number = match.group("qual"), match.group("num")
        written = _PLURAL.sub("", match.group(base))
        mentions.append(_numbered(base, qualifier, written, number, match.start(), match.end()))
        if number is not None:
            # "Bedroom 1 and 2", "Beds 2/3": each number is a room of its own.
            more = _MORE_NUMBERS.match(text, match.end())
            if more is not None:
                mentions.append(
                    _numbered(base, qualifier, written, more.group("more"), more.start("more"), more.end())
                )
    return mentions


def _numbered(
    base: str, qualifier: str | None, written: str, number: str | None, start: int, end: int
) -> Mention:
    return Mention(
        key=f"{qualifier or ''}|{base}|{number or ''}".lower(),
        name=_room_name((qualifier, written, number), base),
        start=start,
        end=end,
        base=base,
        qualified=bool(qualifier or number),
    )


def _labelled_mentions(text: str) -> list[Mention]:
    label = _ROOM_LABEL.match(text)
    if label is None:
        return []
    value = text[label.end() :]
    ends = (pattern.search(value) for pattern in (_ROOM_NAME_END, DIMENSIONS, STATED_AREA))
    cut = min((match.start() for match in ends if match), default=len(value))
    name = clean_value(value[:cut])
    if name is None or len(name.split()) > _MAX_ROOM_WORDS:
        return []
    name = truncate(name, MAX_ROOM_NAME)
    key = f"label|{name.lower()}"
    return [Mention(key=key, name=name, start=label.end(), end=label.end() + cut, base=key, qualified=True)]


def _segments(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
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
        bounds.append((start, end))
    return bounds


def _last_break(text: str, start: int, end: int, *, default: int) -> int:
    last = default
    for match in _SEGMENT_BREAK.finditer(text, start, end):
        last = match.start()
    return last


def _is_locative(text: str, mention: Mention, has_subject: bool) -> bool:
    if not has_subject:
        return False
    before = _LOCATIVE_BEFORE.search(text, max(0, mention.start - 14), mention.start)
    return before is not None or _LOCATIVE_AFTER.match(text, mention.end) is not None


def room_mentions(text: str) -> list[Mention]:
    """Rooms named on a line, each marked affected or not.

    A room is affected when its line is a heading for it ("Kitchen: ...", "Room: X") or its sentence
    describes damage, and nothing in its part of the line calls it unaffected (dry standard, no damage).
    "Smoke detectors in hallway were sounding" names a room without saying it is damaged.
    """
    found = _vocabulary_mentions(text)
    is_label_line = _ROOM_LABEL.match(text) is not None
    if not found:
        found = _labelled_mentions(text)
    found = [mention for index, mention in enumerate(found) if not _is_locative(text, mention, index > 0)]
    sentences = Sentences(text)
    flags = []
    damage_said: dict[tuple[int, int], bool] = {}  # per sentence: a long line is read once
    for mention, (segment_start, segment_end) in zip(found, _segments(text, found), strict=True):
        # A mention owns its part of its sentence; that is where "unaffected" would be said.
        sentence_start, sentence_end = sentences.bounds(mention.start)
        start, end = max(segment_start, sentence_start), min(segment_end, sentence_end)
        unaffected = _UNAFFECTED.search(text, start, end) is not None or _said_dry(text, start, end)
        is_heading = is_label_line or _HEADING_PREFIX.fullmatch(text, 0, mention.start) is not None
        described = is_heading or _describes_damage(sentences, mention.start, damage_said)
        flags.append([described, unaffected])
    # What is said of the last room of a list is said of every room in it.
    for index in range(len(found) - 2, -1, -1):
        if flags[index + 1][1] and _LIST_JOIN.match(text[found[index].end : found[index + 1].start]):
            flags[index][1] = True
    return [
        replace(mention, affected=described and not unaffected, unaffected=unaffected)
        for mention, (described, unaffected) in zip(found, flags, strict=True)
    ]


def _said_dry(text: str, start: int, end: int) -> bool:
    """ "Kitchen vinyl DRY": dry, with no reading and no unnegated damage in the same part."""
    if _SAID_DRY.search(text, start, end) is None or _READING_NUMBER.search(text, start, end):
        return False
    part = text[start:end]
    return not any(True for pattern in (_DAMAGE_CONTEXT_WORDS, _WET) for _ in evidence_matches(pattern, part))


def _describes_damage(sentences: Sentences, pos: int, cache: dict[tuple[int, int], bool]) -> bool:
    """Whether the sentence says something is damaged: a damage word that nothing negates."""
    bounds = sentences.bounds(pos)
    if bounds not in cache:
        sentence = sentences.text[bounds[0] : bounds[1]]
        cache[bounds] = any(
            next(evidence_matches(pattern, sentence), None) is not None for pattern in _DAMAGE_CONTEXT
        )
    return cache[bounds]


def place_mentions(text: str) -> list[Mention]:
    return [
        Mention(
            key=f"place|{match.group(0).lower()}",
            name=_sentence_case(match.group(0)),
            start=match.start(),
            end=match.end(),
            is_room=False,
        )
        for match in _PLACE.finditer(text)
    ]


class Owners:
    """Who a position on a line belongs to: the mention whose part of the line it is in. Text before
    the first mention's clause belongs to none (the room the notes were already talking about)."""

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self._mentions = sorted(mentions, key=lambda mention: mention.start)
        self._starts = [start for start, _ in _segments(text, self._mentions)]

    def at(self, pos: int) -> Mention | None:
        index = bisect_right(self._starts, pos) - 1
        return self._mentions[index] if index >= 0 else None
