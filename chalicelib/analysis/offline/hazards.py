"""Safety hazards: asbestos (by build year), lead, electrical, biohazard, mould, slips, structure, gas."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.findings import (
    Classification,
    HazardKind,
    SafetyHazard,
)
from chalicelib.analysis.offline.classification import (
    MOULD_GROWTH,
)
from chalicelib.analysis.offline.scope import (
    MAX_DESCRIPTION,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    Sentences,
    around,
    clean_value,
    evidence_matches,
    first_found,
    truncate,
)
from chalicelib.analysis.standards import (
    Standards,
)

_HAZARDS: tuple[tuple[HazardKind, str, re.Pattern[str]], ...] = (
    (
        HazardKind.ASBESTOS,
        "Asbestos",
        re.compile(
            r"\b(?:asbestos|acm|fibro(?: ?cement)?|vermiculite|popcorn ceiling|cottage cheese ceiling)\b",
            FLAGS,
        ),
    ),
    (HazardKind.LEAD, "Lead", re.compile(r"\blead(?:-based| based)? paint\b", FLAGS)),
    (
        HazardKind.ELECTRICAL,
        "Electrical",
        re.compile(
            r"\b(?:electrical hazard|electrocution|live (?:wires?|power|circuits?)|exposed wir(?:es|ing)"
            r"|(?:power ?points?|gpos?|outlets?|sockets?|switchboard|breakers?|wiring|light fittings?"
            r"|downlights?)"
            r" (?:wet|submerged|tripped|sparking|shorted|under water|affected|isolated|off|burnt|melted)"
            r"|(?:burnt|melted|damaged|wet) (?:wiring|wires|cables?|outlets?|power ?points?|gpos?)"
            r"|(?:power|electricity|circuits?)(?: [a-z]+){0,3} (?:isolated|turned off|cut|off at|shut off)"
            r"|tripped (?:breaker|rcd|safety switch))\b",
            FLAGS,
        ),
    ),
    (
        HazardKind.BIOHAZARD,
        "Biohazard",
        re.compile(
            r"\b(?:raw sewage|sewage|black ?water|fa?ec(?:es|al)|feces|biohazard|bio-hazard)\b", FLAGS
        ),
    ),
    (HazardKind.MOULD, "Mould", MOULD_GROWTH),
    (
        HazardKind.SLIP_TRIP,
        "Slip/trip",
        re.compile(
            r"\b(?:slip(?:pery)? (?:hazard|risk)|trip (?:hazard|risk)|slippery|wet floor signs?)\b", FLAGS
        ),
    ),
    (
        HazardKind.STRUCTURAL,
        "Structural",
        re.compile(
            r"\b(?:structural(?:ly)? (?:damage|concern|compromised|unsound|engineer)|sagging ceiling"
            r"|ceiling(?: [\w\-]+){0,5} (?:sagging|bowing|bulging|collapse[ds]?|down)|collaps(?:e|ed|ing)"
            r"|unsafe to enter|unstable|propped)\b",
            FLAGS,
        ),
    ),
    (HazardKind.GAS, "Gas", re.compile(r"\bgas (?:leak|smell|odou?r)\b|\bcarbon monoxide\b", FLAGS)),
)


_BUILT_YEAR = re.compile(
    r"\b(?:built|constructed|build year|year built|yr built|construction|circa|c\.|erected)\W{0,3}(?:in )?"
    r"(?P<year>1[89]\d\d|20[0-2]\d)\b",
    FLAGS,
)


_HAZARD_SECTION = re.compile(
    r" ?(?:safety(?: notes?)?|hazards?|whs|oh&s|ohs|h&s|risks?|risk assessment)\b ?[:\-]? ?", FLAGS
)


# --- safety hazards ----------------------------------------------------------------------------


def _hazard_text(label: str, line: Line, start: int) -> str:
    sentence_start, sentence_end = around(Sentences(line.text), start, start, reach=MAX_DESCRIPTION)
    section = _HAZARD_SECTION.match(line.text, sentence_start)
    if section is not None:
        sentence_start = section.end()  # "Safety: ..." says the label already given
    excerpt = clean_value(line.text[sentence_start:sentence_end]) or line.text
    return truncate(f"{label}: {excerpt}", MAX_DESCRIPTION)


def detect_hazards(
    lines: Sequence[Line], category: Classification | None, standards: Standards
) -> list[SafetyHazard]:
    """One hazard per kind, from a "Safety:" line when there is one, else the first line naming it."""
    hazards: dict[HazardKind, SafetyHazard] = {}
    safety_first = sorted(lines, key=lambda line: not _HAZARD_SECTION.match(line.text))
    for kind, label, pattern in _HAZARDS:
        for line in safety_first:
            match = first_found(evidence_matches(pattern, line.text))
            if match is not None:
                hazards[kind] = SafetyHazard(
                    description=_hazard_text(label, line, match.start()), kind=kind, source=line.span()
                )
                break
    if HazardKind.ASBESTOS not in hazards:
        era = _asbestos_era(lines, standards)
        if era is not None:
            hazards[HazardKind.ASBESTOS] = era
    if (
        category is not None
        and category.value == 3
        and HazardKind.BIOHAZARD not in hazards
        and category.evidence
    ):
        hazards[HazardKind.BIOHAZARD] = SafetyHazard(
            description="Biohazard: Category 3 water is grossly contaminated; PPE and containment required.",
            kind=HazardKind.BIOHAZARD,
            source=category.evidence[0],
        )
    order = list(HazardKind)
    return sorted(hazards.values(), key=lambda hazard: order.index(hazard.kind or HazardKind.OTHER))


def _asbestos_era(lines: Sequence[Line], standards: Standards) -> SafetyHazard | None:
    before = standards.hazards.asbestos_era_built_before
    for line in lines:
        built = _BUILT_YEAR.search(line.text)
        if built and int(built.group("year")) < before:
            return SafetyHazard(
                description=(
                    f"Asbestos: built {built.group('year')}, before {before}; asbestos-containing materials"
                    " possible, test before demolition."
                ),
                kind=HazardKind.ASBESTOS,
                source=line.span(),
            )
    return None
