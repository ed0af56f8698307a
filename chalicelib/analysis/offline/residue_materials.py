"""What fire and mould leave on a room's surfaces and contents: "Moderate soot on the ceiling and on
the window blinds", "Odor in the sofa and drapes", "growth ... on stored shoes and a wool coat",
"range hood and microwave destroyed". In a fire or mould job these are the room's affected
materials, though no water reached them; in a water job the words mean nothing of the kind.

Each item must be a surface or a piece of contents this module knows, named right after the residue
("soot on the ceiling") or as the subject of a fire's damage ("upper cabinets ... charred"); the
room is the one the line is about. A negated residue ("no soot", "free of mould") adds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from chalicelib.analysis.findings import AffectedArea, DamageType
from chalicelib.analysis.offline.material_words import material_words
from chalicelib.analysis.offline.text import FLAGS, Line, collapse, is_negated

# Surfaces and contents that residue settles on, as notes name them.
_ITEM = (
    r"(?:textured |popcorn |artex |painted |plasterboard |drywall )?ceilings?|(?:upper |lower )?walls"
    r"|paint(?:work)?|(?:upper |base |wall |kitchen )?(?:cabinets?|cupboards?|units)|countertops?|worktops?"
    r"|benchtops?|range ?hoods?|extractor(?: hood| fan)?|microwaves?|(?:window )?blinds|drapes|curtains"
    r"|sofas?|couch(?:es)?|lounge suite|soft furnishings|soft contents|bedding|mattress(?:es)?|carpets?"
    r"|clothing|clothes|furniture|contents|shelv(?:es|ing)|(?:bottom |top )?shelf|(?:leather )?shoes"
    r"|(?:wool |leather )?coats?|books|(?:cardboard )?boxes|trusses|sarking"
)
_ITEM_AT = re.compile(rf"(?:{_ITEM})\b", FLAGS)
# A determiner or a describing word or two before an item: "the", "stored", "a wool", "all the".
_LEAD = re.compile(r"(?:(?:the|a|an|all|both|some|its|their|stored|several|most|\d+) )*", FLAGS)
_JOIN = re.compile(r"\s*(?:,|&|\band\b|\bor\b)\s*(?:(?:on|in|over) )?", FLAGS)

_RESIDUE = re.compile(
    r"\b(?:soot\w*|smoke(?: webs?)?|odou?rs?|film|residue|smell\w*|mou?ld\w*|growth|spores?|colonies)\b"
    r"[^.;:]{0,30}?\b(?:on|in|over|across|covering|coating)\b ",
    FLAGS,
)
_ON_AGAIN = re.compile(r"(?:,|\band\b) (?:on|in) ", FLAGS)
_FIRE_DAMAGE = re.compile(r"\b(?:destroyed|charred|scorched|blistered|melted|burnt|burned)\b", FLAGS)
_MOULD_ON_ITEM = re.compile(r" (?:has|have|had|with|showing|carr(?:y|ies)) (?:visible )?growth\b", FLAGS)
_CLAUSE_END = re.compile(r"[.;:!?](?!\d)|\s[-\u2013]\s")  # ("0.8 m2" ends no clause)
_SUBJECT_REACH = 60


def _items_from(text: str, start: int) -> list[str]:
    """The run of known items starting at `start` ("the walls and ceiling", "bedding and carpet")."""
    found: list[str] = []
    position = start
    while True:
        lead = _LEAD.match(text, position)
        item = _ITEM_AT.match(text, lead.end() if lead else position)
        if item is None:
            return found
        found.append(collapse(item.group(0)).lower())
        join = _JOIN.match(text, item.end())
        if join is None or join.end() == item.end():
            return found
        position = join.end()


def _clause_start(text: str, position: int) -> int:
    ends = [match.end() for match in _CLAUSE_END.finditer(text, max(0, position - _SUBJECT_REACH), position)]
    return ends[-1] if ends else max(0, position - _SUBJECT_REACH)


def residue_items(text: str, damage: DamageType) -> list[str]:
    """The surfaces and contents a line says fire or mould reached."""
    found: list[str] = []
    for match in _RESIDUE.finditer(text):
        if is_negated(text, match.start(), match.end()):
            continue
        found.extend(_items_from(text, match.end()))
        # "growth on the back wall over about 0.8 m2 and on stored shoes and a wool coat"
        end = _CLAUSE_END.search(text, match.end())
        for place in _ON_AGAIN.finditer(text, match.end(), end.start() if end else len(text)):
            found.extend(item for item in _items_from(text, place.end()) if item not in found)
    subjects = [*_FIRE_DAMAGE.finditer(text)] if damage is DamageType.FIRE_SMOKE else []
    subjects += [*_MOULD_ON_ITEM.finditer(text)] if damage is DamageType.MOULD else []
    for match in subjects:
        # "Upper cabinets each side of the range charred": the clause's subject, when it is an item
        start = _clause_start(text, match.start())
        lead = _LEAD.match(text, start + len(text[start:]) - len(text[start:].lstrip()))
        if lead is not None and not is_negated(text, match.start(), match.end()):
            found.extend(_items_from(text, lead.end()))
    return found


def _keys(name: str) -> set[str]:
    words = material_words(name)
    return {word.key for word in words} if words else {name}


def with_residue_materials(
    areas: Sequence[AffectedArea],
    lines: Sequence[Line],
    damage: DamageType | None,
    areas_of_line: Callable[[int], list[str]],
) -> list[AffectedArea]:
    if damage not in (DamageType.FIRE_SMOKE, DamageType.MOULD):
        return list(areas)
    added: dict[str, list[str]] = {}
    for line in lines:
        names = areas_of_line(line.number) if line.text else []
        if not names:
            continue
        items = residue_items(line.text, damage)
        for name in names:
            for item in items:
                have = added.setdefault(name, [])
                area = next(a for a in areas if a.room == name)
                known = {key for material in (*area.materials, *have) for key in _keys(material)}
                if not _keys(item) <= known:
                    have.append(item)
    return [
        area.model_copy(update={"materials": [*area.materials, *added.get(area.room, [])]}) for area in areas
    ]
