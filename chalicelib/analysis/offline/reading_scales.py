"""The scale a reading is on: named outright ("values in WME"), implied ("pin mode"), or per
material in a block's preamble ("drywall on the reference scale, wood with pins in %MC")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from chalicelib.analysis.offline.reading_numbers import MAX_PERCENT
from chalicelib.analysis.offline.text import FLAGS

_WOOD_EQUIVALENT = r"(?:%\s?mc\s+)?\bwood[\s-](?:moisture\s)?equivalent\b"

# The one table of scales: each scale's name, the words that name it in a reading's or a
# preamble's text, and the looser words a meter's name or a block's heading gives it by ("Delmhorst
# wood mode", "reference readings"), which are tried in the table's order (WME, then REL, then %MC).
_SCALE_TABLE: tuple[tuple[str, str, str, str | None], ...] = (
    # ("%MC wood equivalent", "wood moisture equivalent": a wood equivalent is WME, whatever unit leads it)
    ("WME", "WME", r"\bwme\b|" + _WOOD_EQUIVALENT, r"\bwme\b|" + _WOOD_EQUIVALENT),
    (
        "REL",
        "REL",
        r"\b(?:rel(?:ative)?(?: scale)?|ref(?:erence)? (?:scale|mode)|gypsum scale|drywall scale"
        # ("Trotec T660 (digits, no scale) on GIB": a meter's bare count is a relative scale)
        r"|search(?: mode)?|0-100|60-999|no units?|no scale|digits)\b",
        r"\b(?:ref(?:erence)?|rel(?:ative)?)\b",
    ),
    (
        "MC",
        "%MC",
        r"%\s?mc\b|\bmc ?%|\bpins?\b|\bwood (?:scale|setting)|\bspecies setting",
        r"\b(?:wood|%\s?mc|mc)\b",
    ),
    ("PCT", "%", r"\bconcrete (?:scale|mode)\b|\bin %(?! ?(?:mc|wme|rh)\b)|\(%\)", None),
)
# A material's own humidity: "Slab - in-situ RH probes in sleeves (%RH)", "hoods on the flags, % RH".
# A scale of the materials its clause names only (a clause naming none says the air's RH); kept out
# of SCALE_WORDS, whose first scale a sentence names is its readings' ("probes at 88 %RH and the
# plates at 14 %MC" gives the plates no %RH).
_MATERIAL_RH = re.compile(r"%\s?rh\b|\brh (?:probes?|sleeves?|hoods?)\b|\bin-?situ rh\b", FLAGS)
SCALE_WORDS = re.compile("|".join(f"(?P<{group}>{words})" for group, _, words, _ in _SCALE_TABLE), FLAGS)
SCALE_NAMES = {group: name for group, name, _, _ in _SCALE_TABLE}
_LOOSE_WORDS = tuple((re.compile(loose, FLAGS), name) for _, name, _, loose in _SCALE_TABLE if loose)


def named_scale(text: str) -> str | None:
    """The scale a meter's name or a block's heading reads its bare values on, by its looser words
    ("Protimeter reference mode", "pin meter, wood"); None when it names none."""
    return next((name for pattern, name in _LOOSE_WORDS if pattern.search(text)), None)


_EXPLICIT_SCALE = re.compile(r"wme|rel(?:ative)?(?: scale)?|%\s?mc|mc ?%|" + _WOOD_EQUIVALENT, FLAGS)

# A meter's setting is often named for a kind of material, not a material: "wood in %MC", "wood
# scale %MC on ply / trim" is the scale of every wooden surface; "DW in WME" is US notes' drywall.
# ("wood equivalent" is a scale, WME, for any material)
_WOOD_WORD = re.compile(r"\bwood\b(?![\s-]?(?:floor|flooring|boards?|(?:moisture\s)?equivalent)\b)", FLAGS)
_DRYWALL_SHORT = re.compile(r"\bDW\b")
_WOOD = "wood"
WOODEN_MATERIALS = frozenset(
    {"hardwood", "particleboard", "plywood", "cabinetry", "subfloor", "baseboard", "framing", "timber"}
)


@dataclass(frozen=True)
class Scales:
    """The scales a block's preamble names: in general, and for a material ("drywall on the
    reference scale, wood with pins in %MC")."""

    general: str | None = None
    by_material: dict[str, str] = field(default_factory=dict)
    # "pins WME, search REL": a relative scale named beside another, for no material of its own;
    # a value over 100 can only be on it
    relative: bool = False

    @staticmethod
    def read(text: str, material_keys: Callable[[str], list[str]]) -> Scales:
        general: str | None = None
        by_material: dict[str, str] = {}
        relative = False
        keys_of = _with_kinds(material_keys)
        clauses = _clauses(text, keys_of)
        pins_read = _pins_scale(clauses)
        for sentence in clauses:
            if _MATERIAL_RH.search(sentence) and (probed := keys_of(sentence)):
                for key in probed:
                    by_material.setdefault(key, "%RH")
                continue
            # A scale named outright ("values in WME", "%MC") beats one implied ("pin mode").
            named = [m for m in SCALE_WORDS.finditer(sentence) if m.lastgroup]
            relative = relative or any(
                SCALE_NAMES[m.lastgroup] == "REL" and _EXPLICIT_SCALE.fullmatch(m.group(0))
                for m in named
                if m.lastgroup
            )
            found = next(
                (m for m in named if _EXPLICIT_SCALE.fullmatch(m.group(0))), named[0] if named else None
            )
            if found is None or found.lastgroup is None:
                continue
            scale = SCALE_NAMES[found.lastgroup]
            if pins_read is not None and _PIN_WORD.fullmatch(found.group(0)):
                scale = pins_read  # ("pins thru carpet" where "meter: pins, WME": the pins' stated scale)
            keys = keys_of(sentence)
            for key in keys:
                for each in sorted(WOODEN_MATERIALS) if key == _WOOD else (key,):
                    by_material.setdefault(each, scale)
            if not keys and general is None:
                general = scale
        if general is None and by_material:
            # (a material's humidity is no scale for the other materials)
            general = next((scale for scale in by_material.values() if scale != "%RH"), None)
        return Scales(general, by_material, relative)

    def for_material(self, key: str | None) -> str | None:
        return self.by_material.get(key, self.general) if key else self.general


_PIN_WORD = re.compile(r"pins?", FLAGS)
_PINS = re.compile(r"\bpins?\b", FLAGS)
# (a clause that names the pins and another mode gives each its own scale: not the pins' alone)
_OTHER_MODE = re.compile(r"\b(?:search|scan|non-?invasive|capacitive|reference|relative|rel)\b", FLAGS)


def _pins_scale(clauses: list[str]) -> str | None:
    """The one scale the notes say their pins read ("meter: Protimeter, pins, WME"), written out in
    the clauses that name the pins; None when none says, or they say two."""
    said = {
        SCALE_NAMES[m.lastgroup]
        for clause in clauses
        if _PINS.search(clause) and not _OTHER_MODE.search(clause)
        for m in SCALE_WORDS.finditer(clause)
        if m.lastgroup and _EXPLICIT_SCALE.fullmatch(m.group(0))
    }
    # (pins read a wood scale: a relative one written beside them is another mode's)
    said &= {"WME", "%MC"}
    return said.pop() if len(said) == 1 else None


def with_named_materials(block: Scales, document: Scales) -> Scales:
    """A block's scales, with each material the notes give its own scale elsewhere ("Tramex on
    plaster (REL)" in the meters' line) that the block says nothing of: a block read under an
    oak meter's "%MC" still reads its plaster rows on the plaster meter's scale."""
    missing = {key: scale for key, scale in document.by_material.items() if key not in block.by_material}
    return Scales(block.general, {**block.by_material, **missing}, block.relative) if missing else block


_BRACKETED_SCALE = re.compile(r"\((?:wme|%\s?mc|rel)\)", FLAGS)


def _with_kinds(material_keys: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    """The materials a clause names, with "wood" (every wooden one) and "DW" (drywall)."""

    def keys(text: str) -> list[str]:
        found = material_keys(text)
        if _DRYWALL_SHORT.search(text) and "drywall" not in found:
            found = [*found, "drywall"]
        if _WOOD_WORD.search(text) and not WOODEN_MATERIALS & set(found):
            found = [*found, _WOOD]
        return found

    return keys


def _clauses(text: str, material_keys: Callable[[str], list[str]]) -> list[str]:
    """The sentences of a preamble; one that gives two materials each its own scale ("drywall on
    the reference scale (REL), slab in concrete mode (%)") as its clauses. Clauses that name a
    material and no scale ("dry std bed 1: DW 10") say nothing of scales and are passed over."""
    out = []
    for sentence in re.split(
        r"(?<=[.;])\s+|(?<=\):)\s+|\n", text
    ):  # ("(... %MC): Point 3/2": a heading ends)
        clauses = re.split(r",\s+|\s-\s", sentence)
        named = [c for c in clauses if material_keys(c)]
        # (each clause one material and its scale; else the sentence is read whole)
        # ("WME on timber and skirting, search mode on plasterboard and slab": one scale a clause,
        # for each material it names)
        scaled = [
            c for c in named if (len(set(material_keys(c))) == 1 or _one_scale(c)) and SCALE_WORDS.search(c)
        ]
        # (clauses with no scale of their own take the general one)
        unscaled = [c for c in named if not SCALE_WORDS.search(c)]
        if len(scaled) >= 2 and len(scaled) + len(unscaled) == len(named):
            out += scaled
            continue
        # ("10 on the drywall (WME) and 9% on the subfloor": the scale in brackets is the drywall's)
        parts = re.split(r",\s+|\s-\s|(?<=\S)\s+and\s", sentence)
        single = [p for p in parts if material_keys(p)]
        # ("search mode on plasterboard and pins in WME on timber": a scale for each material)
        scaled = [p for p in single if len(set(material_keys(p))) == 1 and SCALE_WORDS.search(p)]
        if len(scaled) >= 2 and len(scaled) == len(single):
            out += scaled
            continue
        bracketed = [p for p in single if len(set(material_keys(p))) == 1 and _BRACKETED_SCALE.search(p)]
        whole = not bracketed or len(single) < 2 or any(len(set(material_keys(p))) > 1 for p in single)
        out += [sentence] if whole else bracketed
    return out


def _one_scale(clause: str) -> bool:
    """Whether a clause names exactly one scale, once, for the materials it lists with "and"
    ("search mode on plasterboard and slab"): one written out, or else one mode ("WME pins on
    particleboard and framing": the pins read WME). (A clause that runs on into the next line's
    words, "timber on pins Scullery 3 x 2 m: tiles wet", lists no materials for its scale.)"""
    if _LISTED.search(clause) is None:
        return False
    named = [m for m in SCALE_WORDS.finditer(clause) if m.lastgroup]
    explicit = [m for m in named if _EXPLICIT_SCALE.fullmatch(m.group(0))]
    return len(explicit) == 1 or (not explicit and len(named) == 1)


_LISTED = re.compile(r"\w\s+(?:and|&)\s+\w|\w\s?/\s?[a-z]", FLAGS)


def names_scale_outright(text: str) -> bool:
    """Whether `text` writes a scale out ("WME", "%MC", "relative scale"), not only implies one by
    a meter's mode ("pin meter")."""
    return any(_EXPLICIT_SCALE.fullmatch(m.group(0)) for m in SCALE_WORDS.finditer(text) if m.lastgroup)


def explicit_scale(label: str) -> str | None:
    """A scale written in a row's words: "(WME)", "(pin)", "%MC"."""
    found = SCALE_WORDS.search(label)
    return SCALE_NAMES[found.lastgroup] if found and found.lastgroup else None


# A scale said of readings to come, not written on one: "First readings (Protimeter, WME):",
# "readings in WME", "on the relative scale". A digit right before it makes it a reading's own.
# ("WME on plasterboard": a material's scale, not one for every reading)
# ("%MC wood equivalent", "in wood moisture equivalent": a wood equivalent is WME, whatever unit
# leads it)
_DECLARED = re.compile(
    r"(?<![\d.])(?<!\d )(?P<scale>(?:%\s?mc\s+)?wood[\s-](?:moisture\s)?equivalent|wme|%\s?mc"
    r"|rel(?:ative)? scale)\b(?! ?(?:on|for|with|in) \w)",
    FLAGS,
)


def declared_scale(text: str) -> str | None:
    """The scale a line declares for the bare readings that follow it, if it declares one."""
    found = _DECLARED.search(text)
    if found is None:
        return None
    written = found.group("scale").lower()
    if written == "wme" or "equivalent" in written:
        return "WME"
    return "REL" if written.startswith("rel") else "%MC"


def wide_scale(value: float, unit: str, *scales: Scales) -> str:
    """A value over 100 is on no percentage scale: where the notes name a relative scale ("search
    mode (REL) on drywall") it is on that one ("family room ceiling 620", the ceiling being named
    by no material), whatever scale the surface's words would otherwise give it."""
    if value <= MAX_PERCENT or unit == "REL":
        return unit
    named = any(
        scale.general == "REL" or "REL" in scale.by_material.values() or scale.relative for scale in scales
    )
    return "REL" if named else unit
