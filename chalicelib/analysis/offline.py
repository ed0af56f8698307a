"""The offline analyzer: deterministic rules over inspection notes, no network, no AI.

Every fact keeps the line it was read from. What the rules cannot find is listed in
`Findings.undetermined` rather than guessed.

Rules, in the order they decide:
- Damage type: a labelled line ("Loss type: ...", "Type of loss: ...") wins. Otherwise the first
  non-negated keyword of the highest-ranked type: fire/smoke, then mould, then water, then other.
  Fire and mould outrank water because fire notes mention suppression water and mould notes
  mention the leak behind them, while water notes rarely mention fire.
- Cause of loss: a labelled line ("Cause: ...", "Source of water: ..."), else a phrase after
  "caused by" / "due to" / ... in a sentence about the loss, else the first sentence naming a
  known cause (burst pipe, sewage backup, ...). "Cause: unknown" stays undetermined.
- Rooms: a vocabulary (kitchen, bedroom 2, ...) or a "Room: X" label. A room is an affected area
  when its line is headed by it or its sentence describes damage, and it is not called unaffected
  (dry standard, no damage); other rooms are only reading locations. A room's materials and
  dimensions come from its part of the line and the lines after it, up to the next room or a
  blank line. A bare "bathroom" after "Downstairs bathroom" is that room.
- Dimensions need a unit ("12x14 ft", "12' x 14'", "3.5 x 4 m"): "2 x 4" alone is too ambiguous.
- Readings: "32%MC", "MC 32%", "WME 45", "REL 20", "RH 65%", "GPP 78", "reading 18% on drywall"
  (unit "%": the scale was not written).

Lines are split on \\n, \\r\\n and \\r only, so line numbers match what an editor shows.
No pattern nests unbounded repetition, all run over whitespace-collapsed text, and each
sentence is examined once, so the analysis stays linear in the size of the input.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from chalicelib.analysis.findings import (
    AffectedArea,
    DamageType,
    FindingField,
    Findings,
    LengthUnit,
    MoistureReading,
    SourceSpan,
)

_T = TypeVar("_T")

ANALYZER_NAME = "offline-rules"
ANALYZER_VERSION = "1.0.0"

_FLAGS = re.IGNORECASE | re.ASCII  # ASCII: \d must only match digits float() reads the same way
_MAX_QUOTE = 300
_MAX_ROOM_NAME = 60
_FEET_PER_METRE = 3.28084
_SQFT_PER_SQM = _FEET_PER_METRE**2

# Control and invisible characters (and lone surrogates, which JSON cannot carry).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ud800-\udfff]"
)
_WHITESPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TYPOGRAPHIC_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u2033": '"'}
)
_SENTENCE_END = re.compile(r"[.!?](?= |$)")
_PLACEHOLDER = re.compile(
    r"^(?:(?:tbc|tbd|tba|unknown|unsure|not known|not sure|pending|n/?a|none|nil"
    r"|to be (?:confirmed|determined|advised)|under investigation|investigating)\b|[?.\-\s]*$)",
    _FLAGS,
)

# --- damage type -------------------------------------------------------------------------------

_DAMAGE_KEYWORDS: tuple[tuple[DamageType, re.Pattern[str]], ...] = (
    (
        DamageType.FIRE_SMOKE,
        re.compile(
            r"\b(?:fire(?! ?(?:alarm|detector|extinguisher|exit|door|escape|rated|rating|blanket))"
            r"|smoke(?! ?(?:alarm|detector))|soot|sooty|char|charred|charring|burnt|burned|burn"
            r"|scorch(?:ed|ing)?|flames?|combustion)\b",
            _FLAGS,
        ),
    ),
    (
        DamageType.MOULD,
        re.compile(r"\b(?:mou?ld(?:y|s)?|mildew|fung(?:al|us|i)|spores?|microbial)\b", _FLAGS),
    ),
    (
        DamageType.WATER,
        re.compile(
            r"\b(?:water|sewage|sewer|flood(?:ed|ing|s|water)?|burst|leak(?:s|ed|ing|age)?|overflow(?:ed|ing|s)?"
            r"|supply line|pipe|rain(?:water)?|saturated|wet|damp)\b",
            _FLAGS,
        ),
    ),
    (
        DamageType.OTHER,
        re.compile(
            r"\b(?:hail|wind|impact|vehicle|vandal(?:ism)?|earthquake|theft|break-in|fallen tree)\b", _FLAGS
        ),
    ),
)
_LABEL_SEPARATOR = r" ?(?:[:=]| [-\u2013\u2014] ) ?"
_DAMAGE_LABEL = re.compile(
    rf"^(?:(?:loss|damage|claim|job) type|type of (?:loss|damage|claim)){_LABEL_SEPARATOR}", _FLAGS
)
# A keyword right after these is an absence or a risk, not evidence ("no mould", "check for mould").
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|nil|without|none|never|negative for|free of|free from|prevent|preventing|avoid|risk of"
    r"|potential|check for|checked for|monitor for|test for|tested for|inspect for)\b",
    _FLAGS,
)
_NEGATION_AFTER = re.compile(
    r"^[ :\-\u2013]*(?:none|nil|no|not|n/a|absent|negative|will|may|could|might|would)\b", _FLAGS
)
_NEGATION_WINDOW = 30

# --- cause of loss -----------------------------------------------------------------------------

_CAUSE_LABEL = re.compile(
    r"^(?:cause(?: of (?:loss|damage))?|source of (?:loss|water|damage|leak)|origin of (?:loss|fire)"
    rf"|point of origin|(?P<bare>source|origin)){_LABEL_SEPARATOR}",
    _FLAGS,
)
_CAUSE_CUE = re.compile(
    r"\b(?:caused by|due to|as a result of|resulting from|originat(?:ed|ing) (?:from|at|in)|came from"
    r"|coming from|traced to|stemming from) ?",
    _FLAGS,
)
_CAUSE_KEYWORD = re.compile(
    r"\b(?:burst (?:flexi(?:ble)? )?(?:pipe|hose|line|main)|(?:pipe|hose|main) burst|flexi(?:ble)? hose"
    r"|supply line|failed (?:hose|valve|fitting|seal|flange)"
    r"|(?:toilet|bath|sink|basin|shower|washing machine|dishwasher|cistern)"
    r" (?:overflow(?:ed|ing)?|leak(?:ed|ing)?)|overflow(?:ed|ing)? (?:toilet|bath|sink|basin|cistern)"
    r"|(?:sewage|sewer) (?:backup|back-up|back up|overflow|surcharge)"
    r"|blocked (?:drain|sewer)|(?:sewer|drain|stormwater)(?: main| line| pipe)?"
    r" (?:blocked|blockage|collapsed)"
    r"|roof leak|storm|flash flood|rising (?:water|flood)"
    r"|(?:hot water (?:system|heater|unit|tank)|water heater) (?:failure|failed|burst|leak(?:ed|ing)?)"
    r"|electrical fault|cooking|unattended candle|lightning strike|ice dam|condensation)\b",
    _FLAGS,
)

# --- rooms, materials, places ------------------------------------------------------------------

# (key, pattern): alternatives sharing a key are the same room written differently.
_ROOMS: tuple[tuple[str, str], ...] = (
    ("living_room", r"living (?:room|area)"),
    ("family_room", r"family room"),
    ("dining_room", r"dining (?:room|area)"),
    ("rumpus_room", r"rumpus(?: room)?"),
    ("utility_room", r"utility room"),
    ("powder_room", r"powder room"),
    ("laundry", r"laundry(?: room)?"),
    ("kitchen", r"kitchen(?:ette)?"),
    ("ensuite", r"en-?suite(?: bathroom)?"),
    ("bathroom", r"bath ?room"),
    ("bedroom", r"bed ?room"),
    ("hallway", r"hall ?way|corridor"),
    ("entry", r"entry ?way|foyer"),
    ("lounge", r"lounge(?: room)?"),
    ("basement", r"basement"),
    ("cellar", r"cellar"),
    ("garage", r"garage"),
    ("office", r"office"),
    ("study", r"study"),
    ("closet", r"closet|walk-in robe|wardrobe"),
    ("pantry", r"pantry"),
    ("attic", r"attic|roof (?:space|void)"),
    ("loft", r"loft"),
    ("crawlspace", r"crawl ?space"),
    ("stairwell", r"stair ?(?:well|case)"),
    ("sunroom", r"sun ?room"),
    ("playroom", r"play ?room"),
    ("nursery", r"nursery"),
    ("mudroom", r"mud ?room"),
)
_ROOM_QUALIFIER = r"(?:(?P<qual>master|main|guest|spare|kids|front|rear|back|upstairs|downstairs) )?"
# A room number is one digit that does not start a dimension ("Kitchen 3 x 4 m" is not room 3).
_ROOM_NUMBER = (
    r"(?: ?(?:#|no\.? ?)?(?P<num>[1-9])\b"
    r"(?![.,]?\d| ?(?:x|\u00d7|\*|by\b|ft\b|feet\b|foot\b|m\b|metres?\b|meters?\b|mm\b|cm\b|%|'|\")))?"
)
_ROOM_ALTERNATIVES = "|".join(f"(?P<{key}>{pattern})" for key, pattern in _ROOMS)
_ROOM_PATTERN = re.compile(rf"\b{_ROOM_QUALIFIER}(?:{_ROOM_ALTERNATIVES})(?![a-z]){_ROOM_NUMBER}", _FLAGS)
_ROOM_LABEL = re.compile(rf"^(?:affected )?(?:room|area|space)s?(?: name)?{_LABEL_SEPARATOR}", _FLAGS)
_ROOM_NAME_END = re.compile(r"[,;(:]| [-\u2013\u2014] ", _FLAGS)
# What may come before a room for the line to be its heading: bullets and numbering ("1. Kitchen:").
_HEADING_PREFIX = re.compile(r"[\s\-*#>\u2022\d.)]*")
_DAMAGE_CONTEXT_WORDS = re.compile(
    r"\b(?:damaged?|affected|impacted|stain(?:s|ed|ing)?|swollen|swelling|delaminat(?:ed|ing|ion)|cupp(?:ed|ing)"
    r"|buckl(?:ed|ing)|lifting|warp(?:ed|ing)?|odou?rs?|residue|growth|wicking|collapsed|sagging|peeling"
    r"|bubbling|rot(?:ted|ting)?|soaked|pool(?:ed|ing)|standing|readings?|moisture|mc|wme|rel|gpp)\b",
    _FLAGS,
)
_MAX_ROOM_WORDS = 5  # a longer "Area: ..." value is prose, not a room name
_UNAFFECTED = re.compile(
    r"\b(?:unaffected|not affected|not impacted|unimpacted|no damage|undamaged"
    r"|no (?:visible )?(?:water|moisture)|dry standard"
    r"|(?:reference|control|baseline) (?:area|room|reading|point))\b",
    _FLAGS,
)
_PLACE = re.compile(
    r"\b(?:outside|outdoors?|exterior|ambient|unaffected area"
    r"|dehu(?:midifier)? (?:inlet|outlet|exhaust|intake)|hvac(?: (?:return|supply))?)\b",
    _FLAGS,
)
# (key, pattern); earlier alternatives win where they overlap ("carpet pad" is underlay, not carpet).
_MATERIALS: tuple[tuple[str, str], ...] = (
    ("drywall", r"drywall|plasterboard|gyprock|sheetrock|gypsum(?: ?board)?"),
    ("underlay", r"underlay|carpet pad|cushion|underpad"),
    ("carpet", r"carpet(?:s|ing)?"),
    ("vinyl", r"vinyl(?: plank| tiles?| sheet)?|lvp|lino(?:leum)?"),
    ("laminate", r"laminate"),
    ("hardwood", r"hardwood(?: floor(?:ing)?)?|timber floor(?:ing|boards?)?|floorboards?|parquet"),
    ("particleboard", r"particle ?board|chipboard|mdf"),
    ("plywood", r"plywood|osb"),
    ("cabinetry", r"cabinet(?:s|ry)?|vanity|kick ?boards?|toe ?kicks?"),
    ("subfloor", r"sub-?floor"),
    ("concrete", r"concrete(?: slab)?|slab"),
    ("tile", r"tiles?|tiled (?:floor|wall|splashback)s?|grout"),
    ("insulation", r"insulation|batts"),
    ("baseboard", r"baseboards?|skirting(?: boards?)?"),
    ("framing", r"framing|studs?|joists?|bottom plates?"),
    ("masonry", r"brick(?:work)?|masonry|block ?work"),
    ("plaster", r"plaster"),
)
_MATERIAL_PATTERN = re.compile(
    r"\b(?:" + "|".join(f"(?P<{key}>{pattern})" for key, pattern in _MATERIALS) + r")\b", _FLAGS
)

# --- dimensions and readings -------------------------------------------------------------------

_NUMBER = r"\d{1,4}(?:[.,]\d{1,2})?"
_LENGTH_UNIT = r"(?:(?:ft|feet|foot|metres?|meters?|m)\b|')"
_DIMENSIONS = re.compile(
    rf"(?<![\d.,])(?P<a>{_NUMBER}) ?(?P<ua>{_LENGTH_UNIT})?(?: ?(?P<ai>\d{{1,2}}) ?(?:\"|in\b))?"
    rf" ?(?:x|\u00d7|\*|by) ?"
    rf"(?P<b>{_NUMBER}) ?(?P<ub>{_LENGTH_UNIT})?(?: ?(?P<bi>\d{{1,2}}) ?(?:\"|in\b))?",
    _FLAGS,
)
# Only an area introduced as the room's ("floor area 24 m2") is one: "1 m2 of mould" is not.
_STATED_AREA = re.compile(
    r"\b(?:floor ?area|floor|room size|size|area)(?: ?(?:of|is|approx(?:imately)?\.?|about|~|:|=)){0,2} ?"
    r"(?<![\d.,])(?P<value>\d{1,5}(?:[.,]\d{1,2})?) ?"
    r"(?:(?P<sqft>sq\.? ?(?:ft|feet|foot)|sqft|ft2|square (?:feet|foot))"
    r"|(?P<sqm>m2|sq\.? ?m|sqm|square met(?:re|er)s?))\b",
    _FLAGS,
)
_VALUE = r"(?<![\d.])(?P<value>\d{1,3}(?:\.\d{1,2})?)"
_LABEL_VALUE = r"(?P<value>\d{1,3}(?:\.\d{1,2})?)(?![\d.]\d)"
_READINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (unit, re.compile(pattern, _FLAGS))
    for unit, pattern in (
        ("%MC", rf"{_VALUE} ?% ?MC\b"),
        ("%MC", rf"\bMC ?[:=]? ?{_LABEL_VALUE} ?%"),
        ("%RH", rf"{_VALUE} ?% ?RH\b"),
        ("%RH", rf"\bRH ?[:=]? ?{_LABEL_VALUE} ?%?"),
        ("WME", rf"\bWME ?[:=]? ?{_LABEL_VALUE}"),
        ("WME", rf"{_VALUE} ?WME\b"),
        ("REL", rf"\bREL ?[:=]? ?{_LABEL_VALUE}"),
        ("REL", rf"{_VALUE} ?REL\b"),
        ("GPP", rf"\bGPP ?[:=]? ?{_LABEL_VALUE}"),
        ("GPP", rf"{_VALUE} ?(?:GPP|gr/lb|grains per pound)\b"),
        # A bare percentage names no scale, so it is reported as "%" rather than assumed %MC.
        ("%", rf"\breadings? ?(?:of|at|was|is|=|:)? ?{_LABEL_VALUE} ?%(?! ?(?:MC|RH)\b)"),
        ("%", rf"{_VALUE} ?% ?readings?\b"),
    )
)
_LOSS_PATTERNS: tuple[re.Pattern[str], ...] = (_CAUSE_KEYWORD, *(pattern for _, pattern in _DAMAGE_KEYWORDS))
_DAMAGE_CONTEXT: tuple[re.Pattern[str], ...] = (
    _DAMAGE_CONTEXT_WORDS,
    *(pattern for _, pattern in _DAMAGE_KEYWORDS),
    _DIMENSIONS,
    *(pattern for _, pattern in _READINGS),
)
_MATERIAL_FOLLOWS = re.compile(r" ?(?:on|in|at|of|for)(?: the)? ", _FLAGS)
_UNSPECIFIED_LOCATION = "unspecified"


# --- text preparation --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    number: int
    quote: str  # what a SourceSpan shows: the line as written, trimmed and cleaned
    text: str  # what the rules match: NFKC-normalised, whitespace collapsed

    def span(self) -> SourceSpan:
        return SourceSpan(line=self.number, text=self.quote)


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _prepare_lines(text: str) -> list[_Line]:
    lines = []
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        cleaned = _collapse(_INVISIBLE.sub("", raw))
        normalised = _collapse(unicodedata.normalize("NFKC", cleaned).translate(_TYPOGRAPHIC_QUOTES))
        lines.append(_Line(number=number, quote=_truncate(cleaned, _MAX_QUOTE), text=normalised))
    return lines


def _clean_value(text: str) -> str | None:
    value = _truncate(text.strip(" .;,:-\u2013\u2014"), _MAX_QUOTE)
    return None if _PLACEHOLDER.match(value) else value


def _matched_key(match: re.Match[str], table: Sequence[tuple[str, str]]) -> str:
    """Which named alternative of a vocabulary pattern matched."""
    return next(key for key, _ in table if match.group(key) is not None)


def _first(candidates: Iterable[_T | None]) -> _T | None:
    return next((candidate for candidate in candidates if candidate is not None), None)


class _Sentences:
    """Where the sentences of one line start and end, each asked a question at most once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends = [match.end() for match in _SENTENCE_END.finditer(text)]
        self._answers: dict[tuple[int, tuple[re.Pattern[str], ...]], bool] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        index = bisect_right(self._ends, pos)
        start = self._ends[index - 1] if index else 0
        return start, self._ends[index] if index < len(self._ends) else len(self.text)

    def mentions_any(self, pos: int, patterns: tuple[re.Pattern[str], ...]) -> bool:
        key = (bisect_right(self._ends, pos), patterns)
        if key not in self._answers:
            start, end = self.bounds(pos)
            self._answers[key] = any(pattern.search(self.text, start, end) for pattern in patterns)
        return self._answers[key]


def _excerpt(text: str, start: int, end: int) -> str | None:
    # Slice no more than a value can keep, so long sentences cost no more than short ones.
    return _clean_value(text[start : min(end, start + 2 * _MAX_QUOTE)])


# --- damage type -------------------------------------------------------------------------------


def _is_negated(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _NEGATION_WINDOW) : start]
    clause_start = max(before.rfind(mark) for mark in ".;!?") + 1
    after = text[end : end + _NEGATION_WINDOW]
    return bool(_NEGATION_BEFORE.search(before[clause_start:]) or _NEGATION_AFTER.match(after))


def _has_evidence(pattern: re.Pattern[str], text: str) -> bool:
    return any(not _is_negated(text, match.start(), match.end()) for match in pattern.finditer(text))


def _labelled_damage_type(line: _Line) -> tuple[DamageType, SourceSpan] | None:
    # A label naming nothing we recognise ("Claim type: building") falls through to the keywords.
    label = _DAMAGE_LABEL.match(line.text)
    if label is None:
        return None
    value = line.text[label.end() :]
    named = _first(damage_type for damage_type, pattern in _DAMAGE_KEYWORDS if _has_evidence(pattern, value))
    return (named, line.span()) if named is not None else None


def _keyword_damage_type(lines: Sequence[_Line]) -> tuple[DamageType, SourceSpan] | None:
    for damage_type, pattern in _DAMAGE_KEYWORDS:
        evidence = _first(line for line in lines if _has_evidence(pattern, line.text))
        if evidence is not None:
            return damage_type, evidence.span()
    return None


def _detect_damage_type(lines: Sequence[_Line]) -> tuple[DamageType, SourceSpan] | None:
    return _first(_labelled_damage_type(line) for line in lines) or _keyword_damage_type(lines)


# --- cause of loss -----------------------------------------------------------------------------


def _labelled_cause(text: str) -> str | None:
    label = _CAUSE_LABEL.match(text)
    if label is None:
        return None
    value = _clean_value(text[label.end() :])
    # A bare "Source:" is as often the referral source as the loss source.
    if value is None or (
        label.group("bare") and not any(pattern.search(value) for pattern in _LOSS_PATTERNS)
    ):
        return None
    return value


def _cued_cause(text: str) -> str | None:
    sentences = _Sentences(text)
    for cue in _CAUSE_CUE.finditer(text):
        # "Access delayed due to tenant" is not a cause of loss: the sentence must be about the loss.
        if sentences.mentions_any(cue.start(), _LOSS_PATTERNS):
            value = _excerpt(text, cue.end(), sentences.bounds(cue.start())[1])
            if value is not None:
                return value
    return None


def _keyword_cause(text: str) -> str | None:
    for keyword in _CAUSE_KEYWORD.finditer(text):
        if not _is_negated(text, keyword.start(), keyword.end()):
            return _excerpt(text, *_Sentences(text).bounds(keyword.start()))
    return None


def _detect_cause(lines: Sequence[_Line]) -> tuple[str, SourceSpan] | None:
    for finder in (_labelled_cause, _cued_cause, _keyword_cause):
        found = _first((cause, line) for line in lines if (cause := finder(line.text)) is not None)
        if found is not None:
            return found[0], found[1].span()
    return None


# --- rooms -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    """A room (or reading place) named on a line; `key` tells two spellings of one room apart."""

    key: str
    name: str
    start: int
    end: int
    base: str = ""  # the room without qualifier or number: "bedroom" for "Master bedroom 2"
    qualified: bool = True
    affected: bool = True


@dataclass(frozen=True)
class _Dimensions:
    length_ft: float
    width_ft: float
    floor_area_sqft: float
    unit: LengthUnit


@dataclass
class _AreaDraft:
    room: str
    base: str
    source: SourceSpan
    dimensions: _Dimensions | None = None
    stated_area_sqft: float | None = None
    stated_unit: LengthUnit | None = None
    materials: dict[str, str] = field(default_factory=dict)  # key -> name as first written

    def to_model(self) -> AffectedArea:
        dims = self.dimensions
        computed_area = dims.floor_area_sqft if dims else None
        return AffectedArea(
            room=self.room,
            length_ft=dims.length_ft if dims else None,
            width_ft=dims.width_ft if dims else None,
            # The technician's stated area wins: rooms are not always rectangles.
            floor_area_sqft=self.stated_area_sqft or computed_area,
            original_unit=dims.unit if dims else self.stated_unit,
            materials=list(self.materials.values()),
            source=self.source,
        )


def _sentence_case(text: str) -> str:
    lowered = _collapse(text).lower()
    return lowered[:1].upper() + lowered[1:]


def _vocabulary_mentions(text: str) -> list[_Mention]:
    mentions = []
    for match in _ROOM_PATTERN.finditer(text):
        base = _matched_key(match, _ROOMS)
        qualifier, number = match.group("qual"), match.group("num")
        words = [qualifier, match.group(base), number]
        mentions.append(
            _Mention(
                key=f"{qualifier or ''}|{base}|{number or ''}".lower(),
                name=_sentence_case(" ".join(word for word in words if word)),
                start=match.start(),
                end=match.end(),
                base=base,
                qualified=bool(qualifier or number),
            )
        )
    return mentions


def _labelled_mentions(text: str) -> list[_Mention]:
    label = _ROOM_LABEL.match(text)
    if label is None:
        return []
    value = text[label.end() :]
    ends = (pattern.search(value) for pattern in (_ROOM_NAME_END, _DIMENSIONS, _STATED_AREA))
    cut = min((match.start() for match in ends if match), default=len(value))
    name = _clean_value(value[:cut])
    if name is None or len(name.split()) > _MAX_ROOM_WORDS:
        return []
    name = _truncate(name, _MAX_ROOM_NAME)
    key = f"label|{name.lower()}"
    return [_Mention(key=key, name=name, start=label.end(), end=label.end() + cut, base=key, qualified=True)]


def _room_mentions(text: str) -> list[_Mention]:
    """Rooms named on a line, each marked affected or not.

    A room is affected when its line is a heading for it ("Kitchen: ...", "Room: X") or its sentence
    describes damage, and nothing in its part of the line calls it unaffected (dry standard, no damage).
    "Smoke detectors in hallway were sounding" names a room without saying it is damaged.
    """
    found = _vocabulary_mentions(text)
    is_label_line = _ROOM_LABEL.match(text) is not None
    if not found:
        found = _labelled_mentions(text)
    sentences = _Sentences(text)
    mentions = []
    for index, mention in enumerate(found):
        # A mention owns the text up to the next mention; that is where "unaffected" would be said.
        segment_start = found[index - 1].end if index else 0
        segment_end = found[index + 1].start if index + 1 < len(found) else len(text)
        unaffected = _UNAFFECTED.search(text, segment_start, segment_end) is not None
        is_heading = is_label_line or _HEADING_PREFIX.fullmatch(text, 0, mention.start) is not None
        described = is_heading or sentences.mentions_any(mention.start, _DAMAGE_CONTEXT)
        mentions.append(replace(mention, affected=described and not unaffected))
    return mentions


def _place_mentions(text: str) -> list[_Mention]:
    return [
        _Mention(
            key=f"place|{match.group(0).lower()}",
            name=_sentence_case(match.group(0)),
            start=match.start(),
            end=match.end(),
        )
        for match in _PLACE.finditer(text)
    ]


class _Owners:
    """Who a position on a line belongs to: the last mention before it, else the first one."""

    def __init__(self, mentions: Sequence[_Mention]) -> None:
        self._mentions = sorted(mentions, key=lambda mention: mention.start)
        self._starts = [mention.start for mention in self._mentions]

    def at(self, pos: int) -> _Mention | None:
        if not self._mentions:
            return None
        return self._mentions[max(bisect_right(self._starts, pos) - 1, 0)]


# --- dimensions --------------------------------------------------------------------------------


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _length_unit(written: str | None) -> LengthUnit | None:
    if not written:
        return None
    return LengthUnit.METRES if written.lower().startswith("m") else LengthUnit.FEET


def _side(value: str, inches: str | None, unit: LengthUnit) -> float:
    if unit is LengthUnit.METRES:
        return _number(value) * _FEET_PER_METRE
    return _number(value) + (int(inches) / 12 if inches else 0.0)


def _parse_dimensions(match: re.Match[str]) -> _Dimensions | None:
    units = {unit for unit in (_length_unit(match.group("ua")), _length_unit(match.group("ub"))) if unit}
    # No unit ("2 x 4") or two different ones is too ambiguous to convert.
    if len(units) != 1:
        return None
    unit = units.pop()
    if unit is LengthUnit.METRES and (match.group("ai") or match.group("bi")):
        return None
    length = _side(match.group("a"), match.group("ai"), unit)
    width = _side(match.group("b"), match.group("bi"), unit)
    if length <= 0 or width <= 0:
        return None
    return _Dimensions(round(length, 1), round(width, 1), round(length * width, 1), unit)


def _dimensions_in(text: str) -> Iterator[tuple[int, _Dimensions]]:
    for match in _DIMENSIONS.finditer(text):
        dimensions = _parse_dimensions(match)
        if dimensions is not None:
            yield match.start(), dimensions


def _stated_areas_in(text: str) -> Iterator[tuple[int, float, LengthUnit]]:
    for match in _STATED_AREA.finditer(text):
        value = _number(match.group("value"))
        if value > 0:
            if match.group("sqm"):
                yield match.start(), round(value * _SQFT_PER_SQM, 1), LengthUnit.METRES
            else:
                yield match.start(), round(value, 1), LengthUnit.FEET


# --- materials and readings --------------------------------------------------------------------


@dataclass(frozen=True)
class _Material:
    key: str
    name: str
    start: int


@dataclass(frozen=True)
class _Reading:
    unit: str
    value: float
    start: int
    end: int


def _materials_in(text: str) -> list[_Material]:
    return [
        _Material(_matched_key(match, _MATERIALS), _collapse(match.group(0)).lower(), match.start())
        for match in _MATERIAL_PATTERN.finditer(text)
    ]


def _readings_in(text: str) -> list[_Reading]:
    candidates = sorted(
        (
            _Reading(unit=unit, value=float(match.group("value")), start=match.start(), end=match.end())
            for unit, pattern in _READINGS
            for match in pattern.finditer(text)
        ),
        key=lambda reading: (reading.start, -reading.end),
    )
    # Patterns overlap ("MC 32%" next to "32%MC"): keep the first reading at each position.
    readings: list[_Reading] = []
    for candidate in candidates:
        if not readings or candidate.start >= readings[-1].end:
            readings.append(candidate)
    return readings


class _MaterialFinder:
    """Which material a reading is about: notes write "drywall 32%MC" and "18% on drywall"."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._sentences = _Sentences(text)
        self._materials = _materials_in(text)
        self._starts = [material.start for material in self._materials]

    def for_reading(self, readings: Sequence[_Reading], index: int) -> str | None:
        reading = readings[index]
        after = bisect_left(self._starts, reading.end)
        following = self._materials[after] if after < len(self._materials) else None
        if following and _MATERIAL_FOLLOWS.fullmatch(self._text, reading.end, following.start):
            return following.name
        # Otherwise the material named before the reading, in its sentence and after the previous reading.
        sentence_start, sentence_end = self._sentences.bounds(reading.start)
        lower = max(readings[index - 1].end if index else 0, sentence_start)
        if after > 0 and self._materials[after - 1].start >= lower:
            return self._materials[after - 1].name
        upper = min(
            readings[index + 1].start if index + 1 < len(readings) else len(self._text),
            sentence_end,
        )
        return following.name if following and following.start < upper else None


# --- the scan ----------------------------------------------------------------------------------


class _RoomScan:
    """One pass over the lines, carrying the room the notes are currently talking about."""

    def __init__(self) -> None:
        self.areas: dict[str, _AreaDraft] = {}
        self.readings: list[MoistureReading] = []
        self._context: _Mention | None = None

    def scan(self, lines: Iterable[_Line]) -> None:
        for line in lines:
            if not line.text:
                # A blank line ends a room's section.
                self._context = None
                continue
            rooms = [self._resolve(room) for room in _room_mentions(line.text)]
            for room in rooms:
                if room.affected and room.key not in self.areas:
                    self.areas[room.key] = _AreaDraft(room=room.name, base=room.base, source=line.span())
            self._attach_details(line, _Owners(rooms))
            self._collect_readings(line, _Owners([*rooms, *_place_mentions(line.text)]))
            if rooms:
                self._context = rooms[-1]

    def _resolve(self, room: _Mention) -> _Mention:
        """A bare "bathroom" after "Downstairs bathroom" is that room, when it is the only one."""
        if room.qualified or room.key in self.areas:
            return room
        same_base = [key for key, area in self.areas.items() if area.base == room.base]
        if len(same_base) != 1:
            return room
        return replace(room, key=same_base[0], name=self.areas[same_base[0]].room)

    def _area_at(self, owners: _Owners, pos: int) -> _AreaDraft | None:
        owner = owners.at(pos) or self._context
        if owner is None or not owner.affected:
            return None
        return self.areas.get(owner.key)

    def _attach_details(self, line: _Line, owners: _Owners) -> None:
        for material in _materials_in(line.text):
            area = self._area_at(owners, material.start)
            if area is not None:
                area.materials.setdefault(material.key, material.name)
        for start, dimensions in _dimensions_in(line.text):
            area = self._area_at(owners, start)
            if area is not None and area.dimensions is None:
                area.dimensions = dimensions
                # Cite the line the measurements are on: it is the fact an adjuster checks.
                area.source = line.span()
        for start, sqft, unit in _stated_areas_in(line.text):
            area = self._area_at(owners, start)
            if area is not None and area.stated_area_sqft is None:
                area.stated_area_sqft, area.stated_unit = sqft, unit

    def _collect_readings(self, line: _Line, places: _Owners) -> None:
        readings = _readings_in(line.text)
        if not readings:
            return
        materials = _MaterialFinder(line.text)
        for index, reading in enumerate(readings):
            place = places.at(reading.start) or self._context
            self.readings.append(
                MoistureReading(
                    location=place.name if place else _UNSPECIFIED_LOCATION,
                    material=materials.for_reading(readings, index),
                    value=reading.value,
                    unit=reading.unit,
                    source=line.span(),
                )
            )


# --- entry point -------------------------------------------------------------------------------


def analyze_text(text: str) -> Findings:
    """Read inspection notes into findings; never raises on odd input, never guesses."""
    lines = _prepare_lines(text)
    damage = _detect_damage_type(lines)
    cause = _detect_cause(lines)
    rooms = _RoomScan()
    rooms.scan(lines)
    findings = Findings(
        damage_type=damage[0] if damage else None,
        damage_type_evidence=damage[1] if damage else None,
        cause_of_loss=cause[0] if cause else None,
        cause_of_loss_evidence=cause[1] if cause else None,
        affected_areas=[area.to_model() for area in rooms.areas.values()],
        moisture_readings=rooms.readings,
        analyzer=ANALYZER_NAME,
        analyzer_version=ANALYZER_VERSION,
    )
    findings.undetermined = _undetermined(findings)
    return findings


def _undetermined(findings: Findings) -> list[str]:
    missing = {
        FindingField.DAMAGE_TYPE: findings.damage_type is None,
        FindingField.CAUSE_OF_LOSS: findings.cause_of_loss is None,
        FindingField.AFFECTED_AREAS: not findings.affected_areas,
        FindingField.MOISTURE_READINGS: not findings.moisture_readings,
    }
    return [str(name) for name, is_missing in missing.items() if is_missing]
