"""S500 water class from what the notes describe, without needing room sizes.

The class is the evaporation load, and the notes describe it in words far more often than in
measurements: water from above with wet ceilings or insulation is Class 3; carpet and pad wet, or
walls wicking, is Class 2; a wet patch in part of one room is Class 1; Class 4 only when bound
water in dense, low-permeance materials (hardwood, concrete, plaster, masonry) is what the
drying is about, not whenever a slab or a hardwood floor is mentioned. Every cue is read only
where nothing negates it ("insulation did not get wet", "ceiling dry").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chalicelib.analysis.findings import SourceSpan
from chalicelib.analysis.offline.areas import AreaDraft
from chalicelib.analysis.offline.text import FLAGS, Line, is_negated

_WET = r"(?:wet|saturated|soaked|sodden|damp|dripping|sagg\w*|collapsed|stain\w*|bulg\w*|water[- ]?logged)"
_CEILING_WET = re.compile(
    rf"\b(?:ceilings?|clg)\b[^.;]{{0,60}}\b{_WET}\b|\b{_WET}\b[^.;]{{0,30}}\b(?:ceilings?|clg)\b", FLAGS
)
_INSULATION_WET = re.compile(
    rf"\b(?:insulation|batts|glasswool|fibreglass|fiberglass)\b[^.;]{{0,50}}\b{_WET}\b"
    rf"|\b{_WET}\b[^.;]{{0,20}}\b(?:insulation|batts)\b",
    FLAGS,
)
_FROM_ABOVE = re.compile(
    r"\b(?:from above|overhead|came (?:down|through) (?:through )?the ceiling|through the ceiling"
    r"|down through|upstairs (?:bath\w*|toilet|laundry|unit|apartment|flat)|unit above|floor above"
    r"|roof leak|walls? wet from the top)\b",
    FLAGS,
)
# Insulation in a ceiling or floor cavity (not a wall's) is what makes wet insulation a sign of
# water from above.
_OVERHEAD_CAVITY = re.compile(r"\b(?:ceilings?|clg|joists?|bays?|attic|roof ?space|loft)\b", FLAGS)
_SMALL = re.compile(
    r"\b(?:small|minor|localised|localized|isolated|tiny|only (?:a|the)|patch|spot|single)\b", FLAGS
)
_CARPET_PAD_WET = re.compile(
    rf"\b(?:carpet|cpt)\b[^.;]{{0,40}}\b(?:pad|underlay|u/lay|cushion)\b[^.;]{{0,40}}\b{_WET}\b"
    rf"|\b(?:pad|underlay|u/lay|cushion)\b[^.;]{{0,30}}\b(?:{_WET}|sloppy)\b",
    FLAGS,
)
_WICKING = re.compile(r"\bwick(?:ed|ing|s)?\b|\bwalls? wet\b|\bwet (?:to|up to) \d", FLAGS)
_BOUND_WATER = re.compile(
    # ("low porosity vinyl, next to no wicking": a covering that sheds water, Class 1's reason, not
    # water held in a dense material)
    r"\b(?:bound water|water bound|(?:low[- ]perm(?:eance|eability)|low[- ]porosity)(?!,? (?:vinyl|lino\w*"
    r"|tiles?|tiled|laminate|sheet|surface|floor ?covering|coating|epoxy|glaze\w*))"
    r"|special(?:ty|ised|ized) (?:drying|system|equipment)|cup(?:s|ped|ping)?"
    r"|crown(?:ed|ing)|drying mats?|floor[- ]drying (?:system|panels?|mats?|units?)|injectidry"
    # ("the water is held in dense materials: the slab, the stone walls", "moisture trapped in the
    # masonry": Class 4 told in the words that define it)
    r"|(?:water|moisture) (?:is |was |being )?(?:held|trapped|locked|bound) (?:up )?in (?:the )?"
    r"(?:dense|low[- ]perm\w*|masonry|concrete|stone|slab)"
    r"|(?:slab|concrete|hardwood|masonry|brick|plaster)\b[^.;]{0,40}\b(?P<w>saturated|soaked|high readings?"
    r"|readings? (?:high|elevated)|elevated|holding water|dominat\w*))\b",
    FLAGS,
)
# A lighter material named between a dense one and the wet word: the wet word is that material's.
_OTHER_SURFACE = re.compile(
    r"\b(?:carpet|pad|underlay|drywall|plasterboard|gyprock|sheetrock|gib|vinyl|lino|laminate|tiles?"
    r"|insulation|batts)\b",
    FLAGS,
)
_FAST_KEYS = ("carpet", "underlay", "drywall")
_FAST_MATERIALS = re.compile(r"\b(?:carpet|pad|underlay|drywall|plasterboard|gyprock|sheetrock)\b", FLAGS)


@dataclass(frozen=True)
class ClassCue:
    value: int
    reason: str
    span: SourceSpan
    # Wet ceilings and wet insulation both described: the evaporation load is plain from the words,
    # so it decides against a lower stated class.
    decisive: bool = False


# A denial between a surface and a wet word ("wet from a drip, not a ceiling", "pad dry, no carpet
# wet"): the wet word is not that surface's.
_DENIAL_BETWEEN = re.compile(r"\b(?:not|no|never|nor|neither)\b", FLAGS)
# A spaced dash opens a clause of its own: "nothing to cut - it's bound water in dense materials"
# denies the cutting, not the bound water.
_DASH_CLAUSE = re.compile(r" [-\u2013\u2014] ")


def _said(text: str, match: re.Match[str]) -> bool:
    """Whether a cue is said, not denied: no negation in its own clause, none inside it. Only bound
    water's own words open their clause at a dash ("nothing to cut - it's bound water"): a place
    after a denial ("Not the roof - there's a floor above us") is still the denial's."""
    if _DENIAL_BETWEEN.search(match.group(0)):
        return False
    if match.re is not _BOUND_WATER:
        return not is_negated(text, match.start(), match.end())
    cut = max((dash.end() for dash in _DASH_CLAUSE.finditer(text, 0, match.start())), default=0)
    return not is_negated(text[cut:], match.start() - cut, match.end() - cut)


_CAVITY = re.compile(r"\b(?:cavit(?:y|ies)|ceilings?|wall voids?)\b", FLAGS)
_CAVITY_REACH = 40


# Boards that cup by swelling at their joints, not by water bound in dense timber: laminate,
# floating, vinyl or particleboard flooring ("floating boards cupped", "laminate has crowned").
_CUPPED = re.compile(r"(?:cup(?:s|ped|ping)?|crown(?:ed|ing))", FLAGS)
_LIGHT_BOARDS = re.compile(
    r"\b(?:laminate|floating|vinyl|lvp|lvt|hybrid|particle ?board|chipboard|mdf|kickboards?)\b",
    FLAGS,
)

# A cupping the writer calls slight: the boards' faces swelling as any wet floor's do, not water bound
# in the timber ("Boards cupped slightly", "a little cupping at the joins", "minor crowning").
_SLIGHT = re.compile(r"\b(?:slight(?:ly)?|minor|a little|a bit|barely|marginal(?:ly)?|faint(?:ly)?)\b", FLAGS)
_SLIGHT_REACH = 15
# ... or one only supposed: "re-sand if cupping stays", "may cup later".
_MAYBE = re.compile(r"\b(?:if|unless|in case|should|may|might|could)\b[^.;]*$", FLAGS)


def _first(pattern: re.Pattern[str], lines: Sequence[Line]) -> Line | None:
    """The first line where the pattern is said and not negated; a compound pattern is negated
    at its wet word ("concrete: nothing soaked in")."""
    for line in lines:
        for match in pattern.finditer(line.text):
            if not _said(line.text, match):
                continue
            wet = match.group("w") if "w" in pattern.groupindex else None
            if wet and is_negated(line.text, match.start("w"), match.end("w")):
                continue
            if wet and _OTHER_SURFACE.search(line.text, match.start(), match.start("w")):
                continue  # "two rooms on a slab, carpet tiles soaked": the carpet is soaked, not the slab
            if _CUPPED.fullmatch(match.group(0)) and _LIGHT_BOARDS.search(
                line.text, max(0, match.start() - _CAVITY_REACH), match.start()
            ):
                continue  # "floating boards cupped and swollen": a laminate's swelling, no bound water
            if _CUPPED.fullmatch(match.group(0)) and _SLIGHT.search(
                line.text[max(0, match.start() - _SLIGHT_REACH) : match.end() + _SLIGHT_REACH]
            ):
                continue  # "boards cupped slightly along the sink run": surface swelling, no bound water
            if _CUPPED.fullmatch(match.group(0)) and _MAYBE.search(
                line.text, max(0, match.start() - _SLIGHT_REACH), match.start()
            ):
                continue  # "re-sand after 4 weeks if cupping stays": a cupping that may yet come
            if match.group(0).lower() == "injectidry" and _CAVITY.search(
                line.text, max(0, match.start() - _CAVITY_REACH), match.end() + _CAVITY_REACH
            ):
                continue  # "Ceiling cavity drying kit (injectidry)": a cavity's air, no bound water
            return line
    return None


_DENSE = re.compile(
    r"\b(?:hardwood|oak|maple|jarrah|timber floor\w*|floorboards?|parquet|concrete|slab|screed|plaster"
    r"|masonry|brick\w*|block ?work|stone)\b",
    FLAGS,
)


def _bound_reason(line: Line) -> str:
    dense = _DENSE.search(line.text)
    what = dense.group(0).lower() if dense else "dense, low-permeance materials"
    return f"bound water in {what} is what the drying is about"


def class_from_evidence(
    lines: Sequence[Line], drafts: Sequence[AreaDraft], stated: int | None = None
) -> ClassCue | None:
    """The class the described damage points to, with the line it rests on; None when the notes
    describe nothing that decides it."""
    bound = _first(_BOUND_WATER, lines)
    fast_wet = any(key in area.soaked_materials for area in drafts for key in _FAST_KEYS)
    if bound is not None and (stated == 4 or not fast_wet):
        return ClassCue(4, _bound_reason(bound), bound.span())
    ceiling = _first(_CEILING_WET, lines)
    insulation = _first(_INSULATION_WET, lines)
    above = _first(_FROM_ABOVE, lines)
    if ceiling is not None and (insulation is not None or above is not None):
        small = _SMALL.search(ceiling.text) and insulation is None
        if not small:
            return ClassCue(
                3,
                "water from above: wet ceilings or insulation",
                (insulation or ceiling).span(),
                decisive=insulation is not None and bool(_OVERHEAD_CAVITY.search(insulation.text)),
            )
    carpet_pad = _first(_CARPET_PAD_WET, lines)
    if carpet_pad is not None:
        return ClassCue(2, "carpet and pad wet", carpet_pad.span())
    wicking = _first(_WICKING, lines)
    if wicking is not None and len(drafts) >= 2:
        return ClassCue(2, "walls wicking in more than one room", wicking.span())
    if bound is not None and not _FAST_MATERIALS.search(bound.text):
        return ClassCue(4, _bound_reason(bound), bound.span())
    return None
