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
    r"|(?:window |back |end |side |north |south |east |west )wall|chandeliers?|light fittings?"
    r"|window (?:boards?|frames?)|doors"
    r"|paint(?:work)?|(?:upper |base |wall |kitchen )?(?:cabinets?|cupboards?|units)|countertops?|worktops?"
    r"|benchtops?|range ?hoods?|extractor(?: hood| fan)?|microwaves?(?: hoods?)?|(?:window )?blinds?"
    r"|drapes?|curtains?"
    r"|sofas?|couch(?:es)?|lounge suite|soft furnishings|soft contents|bedding|mattress(?:es)?|carpets?"
    r"|clothing|clothes|furniture|contents|shelv(?:es|ing)|(?:bottom |top )?shelf|(?:leather )?shoes"
    r"|(?:wool |leather )?coats?|books|(?:cardboard )?boxes|trusses|sarking"
)
_ITEM_AT = re.compile(rf"(?:{_ITEM})\b", FLAGS)
# A determiner or a describing word or two before an item: "the", "stored", "a wool", "all the".
_LEAD = re.compile(
    r"(?:(?:the|a|an|all|both|some|its|their|stored|several|most|timber|wooden|painted|fabric|\d+) )*", FLAGS
)
_JOIN = re.compile(r"\s*(?:,|&|\+|\band\b|\bor\b)\s*(?:(?:on|in|over) )?", FLAGS)

_RESIDUE = re.compile(
    r"\b(?:soot\w*|smoke(?: webs?)?|odou?rs?|film|residue|smell\w*|mou?ld\w*|growth|spores?|colonies)\b"
    r"[^.;:]{0,30}?\b(?:on|in|over|across|along|covering|coating)\b ",
    FLAGS,
)
# "Kitchen 16x13 - origin. Heavy. Ceiling, walls, microwave hood": a room's list after its severity.
_SEVERITY_LIST = re.compile(r"\b(?:heavy|moderate|light|severe|medium)[.:;]\s+(?=[a-z])", FLAGS)
_ON_AGAIN = re.compile(r"(?:,|\band\b) (?:on|in) ", FLAGS)
_FIRE_DAMAGE = re.compile(r"\b(?:destroyed|charred|scorched|blistered|melted|burnt|burned)\b", FLAGS)
_MOULD_ON_ITEM = re.compile(r" (?:has|have|had|with|showing|carr(?:y|ies)) (?:visible )?growth\b", FLAGS)
_CLAUSE_END = re.compile(r"[.;:!?|](?!\d)|\s[-\u2013]\s")  # ("0.8 m2" ends no clause)
_SUBJECT_REACH = 60


_LIST_PART = re.compile(r"[^,&+;.]*", FLAGS)


def _plain(item: str) -> str:
    """An item as the report lists it: "the window wall" is one of the walls, "window blinds" blinds."""
    name = collapse(item).lower()
    if re.fullmatch(r"\w+ wall", name):
        return "walls"
    return name


def _items_from(text: str, start: int, *, skip: int = 0) -> list[str]:
    """The run of known items starting at `start` ("the walls and ceiling", "bedding and carpet").
    With `skip`, a list ("Ceiling, walls, all cabinet faces + insides of uppers, microwave hood")
    may have that many parts that are no item, or an item with words after it."""
    found: list[str] = []
    position, listing = start, skip > 0
    while True:
        lead = _LEAD.match(text, position)
        item = _ITEM_AT.match(text, lead.end() if lead else position)
        if item is None:
            part = _LIST_PART.match(text, position)
            if skip <= 0 or part is None or not found:
                return found
            skip -= 1
            join = _JOIN.match(text, part.end())
            if join is None or join.end() == part.end():
                return found
            position = join.end()
            continue
        found.append(_plain(item.group(0)))
        join = _JOIN.match(text, item.end())
        if listing and (join is None or join.end() == item.end()):
            part = _LIST_PART.match(text, item.end())  # ("all cabinet faces + ...": words after the item)
            join = _JOIN.match(text, part.end()) if part is not None else None
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
    for match in _SEVERITY_LIST.finditer(text) if damage is DamageType.FIRE_SMOKE else ():
        found.extend(item for item in _items_from(text, match.end(), skip=1) if item not in found)
    subjects = [*_FIRE_DAMAGE.finditer(text)] if damage is DamageType.FIRE_SMOKE else []
    subjects += [*_MOULD_ON_ITEM.finditer(text)] if damage is DamageType.MOULD else []
    for match in subjects:
        # "Upper cabinets each side of the range charred": the clause's subject, when it is an item
        if is_negated(text, match.start(), match.end()):
            continue
        start = _clause_start(text, match.start())
        comma = text.rfind(",", start, match.start())
        # ("Curtain and pole destroyed, timber window board charred": the part after the comma)
        for begin in (start, comma + 1) if comma >= 0 else (start,):
            lead = _LEAD.match(text, begin + len(text[begin:]) - len(text[begin:].lstrip()))
            items = _items_from(text, lead.end()) if lead is not None else []
            found.extend(item for item in items if item not in found)
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
