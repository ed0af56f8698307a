"""Moisture readings: materials, values and scales, meters, references, goals and dryness."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chalicelib.analysis.findings import (
    MoistureReading,
    SourceSpan,
)
from chalicelib.analysis.offline.reading_members import member_count
from chalicelib.analysis.offline.reading_units import READINGS
from chalicelib.analysis.offline.spaces import (
    MAX_ROOM_NAME,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Sentences,
    around,
    collapse,
    matched_key,
    truncate,
)
from chalicelib.analysis.standards import (
    Standards,
    drying_goal,
    on_a_points_scale,
)

# (key, pattern); earlier alternatives win where they overlap ("carpet pad" is underlay, not carpet).
_MATERIALS: tuple[tuple[str, str], ...] = (
    ("drywall", r"drywall|plasterboard|gyprock|sheetrock|gypsum(?: ?board)?"),
    ("underlay", r"underlay|carpet pad|cushion|underpad|pad"),
    ("carpet", r"carpet(?:s|ing)?"),
    ("vinyl", r"vinyl(?: plank| tiles?| sheet)?|lvp|lvt|vct|lino(?:leum)?"),
    ("laminate", r"laminate"),
    (
        "hardwood",
        r"hardwood(?: floor(?:ing)?)?|timber floor(?:ing|boards?)?|floorboards?|parquet"
        r"|(?:oak|maple|jarrah|blackbutt|spotted gum)(?: floor(?:ing|boards?)?)?",
    ),
    ("particleboard", r"particle ?board|p-board|chipboard|mdf"),
    ("plywood", r"plywood|osb"),
    ("cabinetry", r"cabinet(?:s|ry)?|vanity|kick ?boards?|toe ?kicks?"),
    ("subfloor", r"sub-?floor"),
    ("concrete", r"concrete(?: slab)?|slab"),
    ("tile", r"tiles?|tiled (?:floor|wall|splashback)s?|grout"),
    ("insulation", r"insulation|batts"),
    ("baseboard", r"baseboards?|skirting(?: boards?)?"),
    ("framing", r"framing|studs?|joists?|bottom plates?|sill plates?"),
    (
        "masonry",
        r"brick(?:work)?|masonry|block ?work|cmu|(?:lime|sand|flag|blue)stone|stone(?: wall| flags?)?",
    ),
    ("plaster", r"plaster"),
    ("timber", r"timber(?: frame| framing| studs?| joists?)?"),
)


_MATERIAL_PATTERN = re.compile(
    r"\b(?:" + "|".join(f"(?P<{key}>{pattern})" for key, pattern in _MATERIALS) + r")\b", FLAGS
)


# "drywall 18%", "carpet north side 22%": a percentage right after a material is its reading,
# unless it is a share ("100% wet", "30% of the floor").
_MATERIAL_PERCENT = re.compile(
    r"(?: [a-z]{1,12}){0,2}(?: ?[:=\-])? (?P<value>\d{1,3}(?:\.\d{1,2})?) ?%"
    r"(?! ?(?:MC|RH|WME|of|wet|saturated|affected|damaged|dry|coverage|area|humidity|depth|deep|thick"
    r"|full|open|closed|done|complete)\b)(?![\d.])",
    FLAGS,
)


_WHOLE = 100.0

_MATERIAL_BARE = re.compile(
    # ("a hole in the drywall at pt 2", "plywood near point 4": a point's number, no reading)
    r"(?: [a-z]{1,12}){0,2}(?: ?[:=\-])? (?<!\bpt )(?<!\bpts )(?<!\bpoint )(?<!\bpoints )(?<!\bloc )"
    r"(?P<value>\d{1,3}(?:\.\d{1,2})?)"
    r"(?![\d.]| ?(?:%|x\b|x(?=\d)|\u00d7|ft\b|feet\b|m\b|mm\b|cm\b|in\b|'|\"|sq|sf\b|lf\b|lm\b|m2\b|hrs?\b"
    # ("reference scale 0-100", "relative 60-999": a meter scale's range, no reading; "18-22" is two;
    # "skirting 150 AFL": a height above the floor with its unit left off; "60-something": a guess)
    # ("tile 600 out from DW": a distance with its unit left off)
    r"|days?\b|am\b|pm\b|ppd\b|af[fl]\b|agl\b|ffl\b|-?something\b|-odd\b|-?ish\b"
    r"|(?:out|in) from\b)|(?<=\b0) ?[-\u2013] ?\d|(?<=\b60) ?[-\u2013] ?\d"
    # ("wicking 200-300 mm": a height range with its unit after the second number)
    r"|[-\u2013]\d{1,4} ?(?:mm|cm|m|in|ft|feet)\b)",
    FLAGS,
)


REFERENCE_WORD = re.compile(
    # ("control room": a studio's room, no control reading)
    r"\b(?:dry (?:std|standard|ref(?:erence)?)|ds|reference|ref|baseline|control(?! rooms?\b)|unaffected"
    r"|unimpacted"
    r"|not affected"
    # a homeowner's words for the dry standard: "normal for our house is 10", a "normal" number
    r"|normal(?= (?:for|reading|number|dry|level|figure|value)\b)|(?<=[\"\u201c])normal(?=[\"\u201d]))\b"
    r"(?! ?(?:scale|mode|setting))",  # "on the reference scale" names the meter's scale, not a dry standard
    FLAGS,
)


# "(ME5 ref)", "Tramex ref", "BD-2100 reference": a meter's model or make, then its reference scale
# (a relative one): the point it describes is no dry standard
METER_REFERENCE = re.compile(
    r"(?:\b(?:tramex|protimeter|delmhorst|gann|trotec|wagner|flir|extech)"
    r"|\b(?!ds|std|ref)[a-z]{2,4}-?\d{1,5}[a-z]{0,3})"
    r"\s+ref(?:erence)?\b(?!\s*(?:point|pt|std|standard|room|area|reading))",
    FLAGS,
)


# A role the words deny: "edge check only - not a standard", "not used as the reference"
DENIED_STANDARD = re.compile(
    r"\b(?:not|never|no)\s+(?:a\s+|the\s+|used\s+(?:as\s+)?(?:a\s+|the\s+)?)?(?:dry\s+)?"
    r"(?:standard|std|ref(?:erence)?|control|baseline)\b",
    FLAGS,
)


def names_reference(words: str) -> bool:
    """Whether a point's words call it a dry standard ("bed 2 wall (ref)"), not a meter's
    reference scale ("carpet (ME5 ref)") nor a point they say is none ("still the sales floor,
    not a reference")."""
    return REFERENCE_WORD.search(METER_REFERENCE.sub(" ", DENIED_STANDARD.sub(" ", words))) is not None


_DRY_NOTE = re.compile(
    r"\b(?:(?P<neg>not dry|still wet|wet|above goal|not at goal|drying)|dry(?! ?(?:std|standard|goal|ref"
    r"|ing|-?out))"
    r"|dried|at goal|goal met|met goal|at dry (?:std|standard)|reached (?:goal|dry (?:std|standard)))\b",
    FLAGS,
)


METER = re.compile(
    r"\b(?P<brand>protimeter|delmhorst|tramex|flir|extech|wagner|gann|trotec|general tools|klein|sovereign"
    r"|pin(?:-| )?meter|pinless(?: meter)?|penetrating meter|non-?penetrating meter|thermo-?hygrometer)"
    r"(?: (?P<model>surveymaster(?: ?\d)?|mms ?\d|mini|aquant|timbermaster|reachmaster|hygromaster|navigator"
    r"|hydromette|orion ?\d{3}|moisture encounter(?: plus)?|[a-z]{0,4}-?\d{1,5}[a-z]{0,3}))?"
    r"(?: ?\((?P<mode>[^()]{1,30})\)| (?:in |on |set to |- )?(?P<mode2>wme|rel(?:ative)?|drywall|wood"
    r"|ref(?:erence)?"
    r"|gypsum|pin|pinless|search|measure)(?: mode| scale| setting))?",
    FLAGS,
)


_MATERIAL_FOLLOWS = re.compile(r" ?(?:on|in|at|of|for)(?: the)? ", FLAGS)


# --- materials and readings --------------------------------------------------------------------


@dataclass(frozen=True)
class Material:
    key: str
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class _Reading:
    unit: str
    value: float
    start: int
    end: int


def materials_in(text: str) -> list[Material]:
    return [
        Material(matched_key(match, _MATERIALS), collapse(match.group(0)).lower(), match.start(), match.end())
        for match in _MATERIAL_PATTERN.finditer(text)
    ]


def readings_in(text: str, materials: Sequence[Material], bare_scale: str | None = None) -> list[_Reading]:
    """Readings on a line. In a readings block (`bare_scale` set) a bare number right after a
    material is a reading too ("kitchen laminate 62"), on the meter's scale when it is named."""
    candidates = [
        _Reading(unit=unit, value=float(match.group("value")), start=match.start("value"), end=match.end())
        for unit, pattern in READINGS
        for match in pattern.finditer(text)
    ]
    for material in materials:
        # Anchored at the material's end, so each try is bounded.
        match = _MATERIAL_PERCENT.match(text, material.end)
        if match is not None and float(match.group("value")) >= _WHOLE:
            match = None  # ("linings 100%", "skirting 100% (both walls)": the whole of it, a share)
        unit = "%"
        if match is None and bare_scale is not None:
            match, unit = _MATERIAL_BARE.match(text, material.end), bare_scale
            if match is not None and member_count(text, match.start("value"), match.end("value")):
                match = None  # ("sill plate at stud 1", "stud 2: 16": the stud's count)
        if match is not None:
            candidates.append(
                _Reading(
                    unit=unit, value=float(match.group("value")), start=match.start("value"), end=match.end()
                )
            )
    candidates.sort(key=lambda reading: (reading.start, -reading.end))
    # Patterns overlap ("MC 32%" next to "32%MC"): keep the first reading at each position.
    readings: list[_Reading] = []
    for candidate in candidates:
        if not readings or candidate.start >= readings[-1].end:
            readings.append(candidate)
        elif candidate.start == readings[-1].start and candidate.unit != "%" and readings[-1].unit == "%":
            readings[-1] = candidate  # a written scale beats a bare percentage at the same place
    return readings


class MaterialFinder:
    """Which material a reading is about: notes write "drywall 32%MC" and "18% on drywall"."""

    def __init__(self, text: str, materials: list[Material]) -> None:
        self._text = text
        self._sentences = Sentences(text)
        self._materials = materials
        self._starts = [material.start for material in self._materials]

    def _bracketed(self, material: Material) -> bool:
        opened = self._text.rfind("(", 0, material.start)
        closed = self._text.rfind(")", 0, material.start)
        return opened > closed and self._text.find(")", material.end) != -1

    def for_reading(self, readings: Sequence[_Reading], index: int) -> Material | None:
        reading = readings[index]
        after = bisect_left(self._starts, reading.end)
        following = self._materials[after] if after < len(self._materials) else None
        if following and _MATERIAL_FOLLOWS.fullmatch(self._text, reading.end, following.start):
            return following
        # Otherwise the material named before the reading, in its sentence and after the previous reading.
        before = bisect_left(self._starts, reading.start)
        sentence_start, sentence_end = self._sentences.bounds(reading.start)
        lower = max(readings[index - 1].end if index else 0, sentence_start)
        if before > 0 and self._materials[before - 1].start >= lower:
            # "Slab (carpet tiles lifted) 420": what a bracket adds is not the material read
            for candidate in reversed(self._materials[:before]):
                if candidate.start < lower:
                    break
                if not self._bracketed(candidate):
                    return candidate
            return self._materials[before - 1]
        upper = min(
            readings[index + 1].start if index + 1 < len(readings) else len(self._text),
            sentence_end,
        )
        return following if following and following.start < upper else None


@dataclass
class ReadingDraft:
    """A moisture reading before the dry standards of the whole document are known."""

    location: str
    material: Material | None
    value: float
    unit: str
    meter: str | None
    taken_on: date | None
    is_reference: bool
    said_dry: bool | None
    source: SourceSpan
    # The point's ID when the notes number or letter their points (a legend's "4", a map's "C1").
    point: str | None = None


@dataclass(frozen=True)
class Goal:
    material_key: str | None
    unit: str  # OWN_SCALE: the scale the material's readings are on ("slab at or below 4.0")
    value: float


OWN_SCALE = "*"


def meter_in(text: str) -> str | None:
    match = METER.search(text)
    if match is None:
        return None
    return truncate(collapse(match.group(0)), MAX_ROOM_NAME)


def dry_note(text: str, start: int, end: int) -> bool | None:
    """What the notes say right after a reading: "11 WME (dry)", "32%MC still wet"."""
    match = _DRY_NOTE.search(text, start, min(end, start + 40))
    if match is None:
        return None
    return match.group("neg") is None


def is_reference_reading(
    text: str, sentences: Sentences, reading: _Reading, affected_starts: Sequence[int]
) -> bool:
    """A dry-standard reading by its label: after "dry std"/"reference" in its sentence ("Dry std:
    drywall 10 WME, carpet 8%MC") with no affected room named in between ("dry std 10: kitchen
    35 WME" is a kitchen reading)."""
    sentence_start = around(sentences, reading.start, reading.end, reach=160)[0]
    label = None
    for match in REFERENCE_WORD.finditer(text, sentence_start, reading.start):
        label = match
    if label is None:
        return False
    return bisect_left(affected_starts, label.end()) == bisect_left(affected_starts, reading.start)


# --- readings: dry standards, drying goals, dry or not -----------------------------------------


def _reading_key(draft: ReadingDraft) -> tuple[str | None, str]:
    return (draft.material.key if draft.material else None, draft.unit)


def finalise_readings(
    drafts: Sequence[ReadingDraft], goals: Sequence[Goal], standards: Standards
) -> list[MoistureReading]:
    """Each reading compared with the dry standard of its own material and scale."""
    references: dict[tuple[str | None, str], float] = {}
    for draft in drafts:
        if draft.is_reference:
            references.setdefault(_reading_key(draft), draft.value)
    stated_goals: dict[tuple[str | None, str], float] = {}
    for stated in goals:
        stated_goals.setdefault((stated.material_key, stated.unit), stated.value)
    # A goal written with no scale is on its material's own, when the job reads that material on one.
    scales: dict[str | None, set[str]] = {}
    for draft in drafts:
        scales.setdefault(_reading_key(draft)[0], set()).add(draft.unit)
    for (material, unit), value in list(stated_goals.items()):
        if unit == OWN_SCALE and material is not None and len(scales.get(material, ())) == 1:
            stated_goals.setdefault((material, next(iter(scales[material]))), value)
    readings = []
    for draft in drafts:
        key = _reading_key(draft)
        # A reference without a material serves every reading on its scale; never another material's.
        dry_standard = None if draft.is_reference else references.get(key, references.get((None, draft.unit)))
        # The goal the notes state for the job ("D = dry (under 17)", "Goal: 16 %MC") is the record;
        # the standard's goal from the dry standard serves when they state none.
        stated_goal = stated_goals.get(key, stated_goals.get((None, draft.unit)))
        goal = (
            stated_goal
            if stated_goal is not None
            else drying_goal(dry_standard, standards, draft.material.key if draft.material else None)
            if dry_standard is not None and on_a_points_scale(dry_standard)
            else None
        )
        readings.append(
            MoistureReading(
                location=draft.location,
                point=draft.point,
                material=draft.material.name if draft.material else None,
                value=draft.value,
                unit=draft.unit,
                meter=draft.meter,
                taken_on=draft.taken_on,
                dry_standard=dry_standard,
                drying_goal=None if draft.is_reference else goal,
                is_dry=None if draft.is_reference else _is_dry(draft, goal),
                is_reference=draft.is_reference,
                source=draft.source,
            )
        )
    return readings


def _is_dry(draft: ReadingDraft, goal: float | None) -> bool | None:
    # What the notes say is the record (QA checks it against the goal); else the goal decides.
    if draft.said_dry is not None:
        return draft.said_dry
    return draft.value <= goal if goal is not None else None
