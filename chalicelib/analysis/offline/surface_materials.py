"""A room's ceiling named in plain words as what the water damaged: "brown stain on the bedroom 3
ceiling", "the hallway ceiling is stained and wet along one side", "bubbling paint and drips from the
bathroom ceiling", "bedroom ceiling 28, 31 and 26%". Homeowners, tenants and first-response notes
rarely say what a ceiling is made of; the report lists the ceiling itself.

Only in a water job whose notes name no lining material: where they name the board ("plasterboard
ceiling sagging", "lath and plaster ceilings") the board is what is read, and in a fire or mould job
the residue reader names the surfaces. A ceiling named for what is in it or above it ("ceiling fan",
"ceiling void", "ceiling insulation") or by its board ("ceiling tiles", "gyprock ceiling") is no bare
ceiling; one only named where water came through, with no damage word of its own, or as a landmark
("the batts over the laundry ceiling are wet"), is left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.findings import AffectedArea, DamageType
from chalicelib.analysis.offline.material_words import MaterialWord, material_words, named_materials
from chalicelib.analysis.offline.text import FLAGS, Line, evidence_matches

SURFACE_KEYS = frozenset({"ceiling"})
_NAME = "ceiling"

# A bare ceiling: no board or finish written before it, nothing it holds or carries written after it.
_CEILING = re.compile(
    r"(?<![\w/-])(?<!plaster )(?<!board )(?<!drywall )(?<!gyprock )(?<!sheetrock )(?<!gib )(?<!gypsum )"
    r"(?<!lath )(?<!fibro )(?<!tile )(?<!tiled )(?<!timber )(?<!acoustic )(?<!suspended )(?<!drop )"
    r"(?<!t-bar )(?<!grid )(?<!pb )(?<!cement )(?<!lay-in )(?<!lay in )"
    r"ceilings?(?![\w/-])"
    r"(?! ?(?:tiles?|boards?|sheets?|sheeting|linings?|plaster\w*|drywall|gyprock|sheetrock|gib|gypsum|fans?"
    r"|lights?|lighting|fittings?|fixtures?|roses?|cavit(?:y|ies)|voids?|spaces?|heights?|joists?|battens?"
    r"|insulation|batts|panels?|grids?|hatch\w*|access|vents?|registers?|mounted|level|exhaust|speakers?"
    r"|downlights?|penetrations?|openings?|cut\w*|holes?|above|plenum)\b)",
    FLAGS,
)
# What a ceiling's own clause says of it: stained, wet, sagging, dripping, part of it down.
_CEILING_DAMAGE = re.compile(
    r"\b(?:wet|damp|saturated|soaked|sodden|stain\w*|sagg\w*|bulg\w*|bubbl\w*|bow(?:ed|ing)|drip\w*"
    r"|collapsed|came down|dropped|fell|soft|swollen|water[- ]damaged|damaged|mou?ld\w*|tide ?(?:line|mark)s?"
    r"|water marks?|affected)\b",
    FLAGS,
)
# The words that name a lining material: a job naming any of them reads its ceilings by the board.
_LINING_KEYS = frozenset({"drywall", "plaster", "fibro"})


# "the batts over the laundry ceiling are wet", "sheathing above the bedroom ceiling": a ceiling named
# as where something else is, a landmark.
_LANDMARK_BEFORE = re.compile(
    r"\b(?:over|above|on top of|behind|below|beneath|under|into)(?: the| a| its)?(?: [\w']{1,12}){0,2} $",
    FLAGS,
)
_LANDMARK_REACH = 40


def surface_words(text: str) -> list[MaterialWord]:
    """The bare ceilings a line names, as material words keyed "ceiling"."""
    return [
        MaterialWord("ceiling", _NAME, match.start(), match.end())
        for match in _CEILING.finditer(text)
        if not _LANDMARK_BEFORE.search(text, max(0, match.start() - _LANDMARK_REACH), match.start())
    ]


def with_surface_words(words: Sequence[MaterialWord], text: str) -> list[MaterialWord]:
    """A line's material words with its bare ceilings among them, in order (none inside another)."""
    if "eiling" not in text:
        return list(words)
    extra = [w for w in surface_words(text) if not any(w.start < o.end and o.start < w.end for o in words)]
    return sorted([*words, *extra], key=lambda word: word.start)


def surface_damaged(text: str, start: int, end: int) -> bool:
    """Whether a clause says the ceiling in it was damaged (not denied: "no stain on the ceiling")."""
    return next(evidence_matches(_CEILING_DAMAGE, text[start:end]), None) is not None


# The linings a bare ceiling may be taken for: where the notes name one of them and no other lining
# ("Meter: drywall scale on ceilings and walls"), "ceiling stain 30 SF" is that board stained (fibro is
# named as often for eaves and wet-area walls as for a ceiling: it only makes the lining unsaid).
_CEILING_LININGS = frozenset({"drywall", "plaster"})


def with_bare_surfaces_judged(
    areas: Sequence[AffectedArea], lines: Sequence[Line], damage: DamageType | None
) -> list[AffectedArea]:
    """Bare ceilings kept as they are only in a water job that names no lining; in a water job that
    names one lining, a damaged bare ceiling is that lining; elsewhere (several linings named, or a fire
    or mould job, whose residue reader names the surfaces) it is left to what else the notes say."""
    linings = named_materials(lines, _LINING_KEYS)
    if damage is DamageType.WATER and not linings:
        return list(areas)
    lining = next(iter(linings.values())) if damage is DamageType.WATER and len(linings) == 1 else None
    if lining is not None and not _CEILING_LININGS & {word.key for word in material_words(lining)}:
        lining = None
    out = []
    for area in areas:
        if _NAME not in area.materials:
            out.append(area)
            continue
        materials = [m for m in area.materials if m != _NAME]
        lined = {word.key for name in materials for word in material_words(name)} & _CEILING_LININGS
        if lining is not None and not lined:
            materials.append(lining)
        out.append(area.model_copy(update={"materials": materials}))
    return out


# A board floor the notes name ("Baltic pine boards on joists", "oak floorboards", "T&G timber floor"):
# the floor a bare "boards" is. With none named, "boards" may be plasterboards, loft boards or a
# sprung floor's, and is left out; so too where the notes name a laminate, whose planks owners call
# "boards" as often ("the floorboards ... the click-together laminate").
_BOARDS = "boards"
_BOARD_FLOOR_KEYS = frozenset({"hardwood"})
_PLANK_KEYS = frozenset({"laminate"})


def with_bare_boards_judged(areas: Sequence[AffectedArea], lines: Sequence[Line]) -> list[AffectedArea]:
    """Each room's bare "boards" as the job's named board floor, or dropped when the notes name none."""
    if not any(_BOARDS in area.materials for area in areas):
        return list(areas)
    named = named_materials(lines, _BOARD_FLOOR_KEYS | _PLANK_KEYS)
    floor = None if _PLANK_KEYS & named.keys() else next(iter(named.values()), None)
    out = []
    for area in areas:
        if _BOARDS not in area.materials:
            out.append(area)
            continue
        materials = [m for m in area.materials if m != _BOARDS]
        floored = any(word.key in _BOARD_FLOOR_KEYS for name in materials for word in material_words(name))
        if floor is not None and not floored:
            materials.append(floor)
        out.append(area.model_copy(update={"materials": materials}))
    return out
