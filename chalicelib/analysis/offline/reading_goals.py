"""Sentences that state drying goals: "Drying goals: plasterboard 18 or less; timber 18 %WME or
less", "Target: within 40 of the dry standard; timber below 17 %WME", "The vendor's drying goal is
drywall under 15 and wood below 16%". Their numbers are thresholds, never readings: the sentence is
taken out of the line before readings are looked for, and its plain "material N unit or less"
clauses are kept as the job's goals."""

from __future__ import annotations

import re
from dataclasses import replace

from chalicelib.analysis.offline.reading_scales import SCALE_NAMES, SCALE_WORDS
from chalicelib.analysis.offline.readings import OWN_SCALE, Goal, materials_in
from chalicelib.analysis.offline.text import FLAGS, Line

# A goal sentence names its goal in its first few words ("Goals:", "Drying targets -", "Our drying
# goal is"); "at goal", "goal met" and "reached goal" say a point is dry and lead no goal.
_GOAL_LEAD = re.compile(
    r"(?:^|(?<=[.;!?] ))[-*\u2022 ]*(?:[A-Za-z'\u2019]{1,12} ){0,3}(?:drying |dry(?:-out)? )?"
    r"(?P<goal>goals?|targets?)\b(?! (?:met|reached|achieved)\b)",
    FLAGS,
)
_NOT_A_GOAL_LEAD = re.compile(r"\b(?:at|reached|met|hit|to|above|below|under|over|near|of|from)$", FLAGS)
# "Pt Location Material Goal 11/16 11/17 11/18": a PDF table's header line, whose "Goal" heads a
# column and whose other titles are the days (or scales, or the dry standard); it states no goal.
_COLUMN_TITLES_AFTER = re.compile(
    r"(?:[ \t]+(?:\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|day ?\d{1,2}|visit ?\d{1,2}|d\d{1,2}"
    r"|[a-z]{3}\.? \d{1,2}|%? ?mc|wme|rel|%|dry ?std|intake|initial|final|notes?|\(?%\)?)){2,16}[ \t]*$",
    FLAGS,
)
# Where the goal sentence ends: a full stop before a space or the line's end (not "3.5%").
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_CLAUSE = re.compile(r"[^;,]{1,200}")
# "timber 18 %WME or less", "slab 3.5% or below", "plywood under 12%", "wood below 16%"
_THRESHOLD = re.compile(
    r"(?:\b(?:under|below|less than|<|max(?:imum)?) ?(?P<a>\d{1,3}(?:\.\d{1,2})?)"
    r"|(?P<b>\d{1,3}(?:\.\d{1,2})?))"
    r" ?(?P<unit>% ?wme|%? ?wme|% ?mc|%)?"
    r"(?(b) ?(?:or (?:less|under|below|lower))\b|)",
    FLAGS,
)
_UNITS = {"wme": "WME", "mc": "%MC", "%": "%"}


def goal_span(text: str) -> tuple[int, int] | None:
    """Where the line's goal sentence is, or None."""
    lead = _GOAL_LEAD.search(text)
    if lead is None or _NOT_A_GOAL_LEAD.search(text, max(0, lead.start("goal") - 12), lead.start("goal") - 1):
        return None
    if _COLUMN_TITLES_AFTER.fullmatch(text, lead.end()):
        return None
    end = _SENTENCE_END.search(text, lead.end())
    return lead.start(), end.end() if end is not None else len(text)


def _unit(written: str | None) -> str | None:
    if not written:
        return None
    squashed = written.replace(" ", "").lower()
    return next((unit for key, unit in _UNITS.items() if key in squashed), None)


def _mode_scale(words: str) -> str | None:
    """The scale a clause names by the meter's mode or scale ("search back under 120": the relative
    scale); "pins" alone is none, as jobs say their pins read %MC or WME."""
    for found in SCALE_WORDS.finditer(words):
        name = SCALE_NAMES.get(found.lastgroup or "")
        if name is not None and not _PINS_ONLY.fullmatch(found.group(0)):
            return name
    return None


_PINS_ONLY = re.compile(r"pins?", FLAGS)


def goals_in(text: str) -> list[Goal]:
    """The plain goals of a goal sentence: a material and a threshold on a written scale, a
    clause each; "within 4 of the dry standard" gives none. A clause that names its scale by the
    meter's mode ("search back under 120 on the sheeting") is a goal for that scale."""
    goals: list[Goal] = []
    for clause in _CLAUSE.finditer(text):
        words = clause.group(0)
        materials = materials_in(words)
        threshold = _THRESHOLD.search(words)
        if threshold is None or re.search(r"\bwithin\b", words, FLAGS):
            continue
        unit = _unit(threshold.group("unit"))
        mode = _mode_scale(words) if unit is None and threshold.group("a") else None
        if unit is None and mode is None:
            # a bare number is on a scale the sentence does not say: a material's own, else none
            goals.extend(
                Goal(material.key, OWN_SCALE, float(threshold.group("a") or threshold.group("b")))
                for material in materials
            )
            continue
        if not materials and mode is None:
            continue
        value = float(threshold.group("a") or threshold.group("b"))
        if not materials:  # (the goal of every reading on the scale its mode names)
            goals.append(Goal(None, mode or unit or "%", value))
            continue
        goals.extend(Goal(material.key, unit or mode or "%", value) for material in materials)
    return goals


# "dry the framing to 15 WME or under", "dry with 1 dehumidifier to 15 %MC or below": a drying
# target in a remediation plan (a wrapped line may end at its "or"); its number is no reading.
_DRY_TO = re.compile(
    r"\bdry(?: [\w-]{1,20}){0,5}? to (?P<value>\d{1,3}(?:\.\d{1,2})?) ?(?P<unit>% ?wme|%? ?wme|% ?mc|%)?"
    r" ?or(?: (?:below|under|less|lower)\b|\s*$)",
    FLAGS,
)


def _dry_to_goals(text: str) -> tuple[str, list[Goal]]:
    goals: list[Goal] = []
    for match in _DRY_TO.finditer(text):
        unit = _unit(match.group("unit"))
        materials = materials_in(match.group(0))
        if unit is not None:
            value = float(match.group("value"))
            keys: list[str | None] = [material.key for material in materials] or [None]
            goals.extend(Goal(key, unit, value) for key in keys)
        text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return text, goals


# "concrete 26 or less", "framing at 18% or under is normal", "at or below the 11%MC goal": a
# threshold a value is held against, never a value read.
_HELD_AGAINST = re.compile(
    r"(?<![\d.])\d{1,3}(?:\.\d{1,2})? ?(?:% ?wme|%? ?wme|% ?mc|%|rel)? ?or (?:less|under|below|lower)\b"
    r"|\bat or (?:below|under) (?:the |a |our )?\d{1,3}(?:\.\d{1,2})?",
    FLAGS,
)


# "Wood above 19% supports growth", "timber over 20 %MC can grow mould", "anything over 16% will
# encourage decay": a rule of thumb about a kind of material, a threshold and no value read.
_GROWTH_RULE = re.compile(
    r"\b(?:above|over|greater than|more than|exceeding|>) ?\d{1,3}(?:\.\d{1,2})? ?(?:% ?wme|%? ?wme|% ?mc|%)?"
    r" (?:(?:will|can|may|could|would|is enough to|tends? to) )?"
    r"(?:supports?|promotes?|allows?|encourages?|favou?rs?|grows?|sustains?|invites?|risks?)"
    r"(?: [\w-]+){0,3}? (?:mou?ld|growth|decay|rot|fung\w*)\b",
    FLAGS,
)
_HELD_AGAINST = re.compile(_HELD_AGAINST.pattern + "|" + _GROWTH_RULE.pattern, FLAGS)


_BRACKET_REACH = 80


def _without_thresholds(text: str) -> str:
    """The text with each threshold blanked; a bracket that gives one gives the goals, so all of
    it goes ("All at goal (14 or under on drywall, 15% on OSB)": the 15% is a goal too)."""
    for match in _HELD_AGAINST.finditer(text):
        start, end = match.start(), match.end()
        opening = text.rfind("(", max(0, start - _BRACKET_REACH), start)
        closing = text.find(")", end, end + _BRACKET_REACH)
        if opening >= 0 and closing >= 0 and ")" not in text[opening:start] and "(" not in text[end:closing]:
            start, end = opening, closing + 1
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def without_goal(line: Line) -> tuple[Line, list[Goal]]:
    """The line with its goal sentence, drying targets and thresholds taken out (blanked, so places
    keep their offsets), and the goals they stated."""
    text, goals = _dry_to_goals(line.text)
    span = goal_span(text)
    if span is not None:
        start, end = span
        goals += goals_in(text[start:end])
        text = text[:start] + " " * (end - start) + text[end:]
    text = _without_thresholds(text)  # (after the goal sentence: its thresholds say it is one)
    return (line, goals) if text == line.text else (replace(line, text=text), goals)
