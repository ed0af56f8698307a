"""The scale a point reads on, from what the job says of its meter's modes.

A point defined "R2 bed 1 skirting pins" names the meter's mode, not a scale. The notes say what
each mode reads elsewhere: on the meter line ("Meter: Protimeter MMS2 - search mode on PB + carpet
(REL), pins WME on skirting") or on the other points' definitions ("D pantry skirting ... pins
(WME)"). The job's stated mode wins over the trade's default (pins read %MC). A point that names
no scale or mode takes the scale the meter line gives its material ("R1 bed 1 PB wall" -> REL)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from chalicelib.analysis.offline.reading_legend import LegendPoint
from chalicelib.analysis.offline.text import FLAGS, Line

_MAX_LINE = 900  # (a meter's modes may close a paragraph of point definitions)
_MAX_METER_LINES = 20
_METER_LINE = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:moisture )?meters?\b|.*\b(?:protimeter|tramex|delmhorst|gann|surveymaster)\b",
    FLAGS,
)
_CLAUSE_GAP = re.compile(r"\s*(?:[,;.]\s+|\s[-\u2013]\s)\s*")
PINS = re.compile(r"\bpins?\b|\bpin mode\b", FLAGS)
# A unit written out (a mode word alone, "pins" or "search", is no unit).
# ("in reference mode": a meter's relative scale, no dry standard)
_UNIT = re.compile(
    r"(?P<wme>\bwme\b)|(?P<mc>%\s?mc\b|\bmc\s?%)|(?P<rel>\brel(?:ative)?\b|\breference (?:mode|scale)\b)",
    FLAGS,
)
_UNIT_NAMES = {"wme": "WME", "mc": "%MC", "rel": "REL"}
_ON = re.compile(r"\b(?:on|for|into|in)\s+(?P<what>[^()]{1,60})", FLAGS)
_KEY_GAP = re.compile(r"\s*(?:\+|&|/|,|\band\b)\s*", FLAGS)
_KEY_NOISE = re.compile(r"\(.*?\)|\b(?:wme|rel|%\s?mc|scale|mode|pins?|search)\b", FLAGS)
# The surfaces a clause names before the meter it reads them with: "Ceilings on the Tramex MEP ..."
_ON_METER = re.compile(
    r"\s*(?P<what>[A-Za-z][A-Za-z /+&]{0,40}?)\s+(?:on|with)\s+(?:the\s+|a\s+)?"
    r"(?:protimeter|tramex|delmhorst|gann|surveymaster|trotec|flir|extech|wagner|pins?\b|search\b)",
    FLAGS,
)
_SAID = re.compile(r"\s*(?P<what>[A-Za-z][A-Za-z /+&]{0,40}?)\s*=", FLAGS)
# "particleboard/timber pin %MC", "GIB in search": the materials named before the mode they read in
_BEFORE_MODE = re.compile(
    r"\s*(?:[A-Za-z]{1,12} ?\()?(?P<what>[A-Za-z][A-Za-z /+&]{0,40}?)\s+(?:in\s+|on\s+)?(?:pins?|search)\b",
    FLAGS,
)
_MAX_KEY = 30
_ARTICLE = re.compile(r"^(?:the|a|an|all|any)(?:\s+|$)")
_MIN_PLURAL = 4  # ("tiles" is a tile's word; "gas" is no plural)
_WORD = re.compile(r"[A-Za-z]{2}")
_TRAILING_WORD = re.compile(r"\s+(?:in|on|with|at|by)$")


def written_unit(text: str) -> str | None:
    """The unit a text writes out: "pins (WME)" is WME, "pins" none."""
    found = _UNIT.search(text)
    return _UNIT_NAMES[found.lastgroup] if found is not None and found.lastgroup else None


@dataclass
class MeterModes:
    """What the notes say the meter's pins read, and the scale they give each material's word."""

    pins: str | None = None
    by_word: dict[str, str] = field(default_factory=dict)

    def scale_for(self, words: str, default: str | None) -> str | None:
        """The scale of a point by its definition's words, the trade's default (`default`, its
        own reading of the words) only where the notes say nothing of the mode it names."""
        if written_unit(words) is not None:
            return default  # ("pins %MC": the point's own unit)
        if PINS.search(words) and self.pins is not None:
            return self.pins
        if default is not None:
            return default
        lowered = words.lower()
        scales = {
            scale for key, scale in self.by_word.items() if re.search(rf"\b{re.escape(key)}s?\b", lowered)
        }
        return scales.pop() if len(scales) == 1 else None


def meter_modes(texts: Iterable[str], definitions: Iterable[str]) -> MeterModes:
    """The meter's modes the notes state: on meter lines, and as the pins' unit the point
    definitions agree on ("pins (WME)" on every one that writes a unit)."""
    modes = MeterModes()
    pins: set[str] = set()
    seen = 0
    for text in texts:
        if len(text) > _MAX_LINE or _METER_LINE.match(text) is None:
            continue
        seen += 1
        if seen > _MAX_METER_LINES:
            break
        units = {_UNIT_NAMES[m.lastgroup] for m in _UNIT.finditer(text) if m.lastgroup}
        if PINS.search(text) and len(units) == 1:
            pins.add(units.pop())  # ("meter: Protimeter, pins, WME": the one unit is the pins')
        for clause in _CLAUSE_GAP.split(text):
            unit = written_unit(clause)
            if unit is None:
                continue
            if PINS.search(clause):
                pins.add(unit)
            meter_after = _ON_METER.match(clause)  # ("Ceilings on the Tramex MEP in reference mode")
            on = _ON.search(clause)
            said = _SAID.match(clause)  # ("Ceiling/wall pins = WME", "Floor = search mode (REL)")
            before = _BEFORE_MODE.match(clause)  # ("particleboard/timber pin %MC", "GIB in search")
            # (the first that names a material: "in search = REL" names only the mode)
            what = next(
                (
                    found.group("what")
                    for found in (meter_after, on, said, before)
                    if found is not None and _WORD.search(_KEY_NOISE.sub(" ", found.group("what")))
                ),
                "",
            )
            for key in _KEY_GAP.split(_KEY_NOISE.sub(" ", what)):
                # ("on ceilings and the laminate": "ceiling" and "laminate" points; "gib in": the GIB)
                key = _TRAILING_WORD.sub("", _ARTICLE.sub("", key.strip(" .").lower()))
                plural = key.endswith("s") and not key.endswith("ss") and len(key) > _MIN_PLURAL
                key = key[:-1] if plural else key
                if key and len(key) <= _MAX_KEY:
                    modes.by_word.setdefault(key, unit)
    for words in definitions:
        if PINS.search(words) and (unit := written_unit(words)) is not None:
            pins.add(unit)
    modes.pins = pins.pop() if len(pins) == 1 else None  # (two units for pins: the notes disagree)
    return modes


def meter_scales(
    points: dict[str, LegendPoint], words_of: dict[str, str], lines: Sequence[Line]
) -> frozenset[str]:
    """Each point's scale as the job states its meter's modes: "pins" read WME where the meter
    line or the other points say so; a point with no scale takes the one the meter gives its
    material (reading_point_meter). The codes whose scale they changed."""
    modes = meter_modes((line.text for line in lines), words_of.values())
    changed = set()
    for code, words in words_of.items():
        scale = modes.scale_for(words, points[code].scale)
        if scale != points[code].scale:
            points[code] = replace(points[code], scale=scale)
            changed.add(code)
    return frozenset(changed)
