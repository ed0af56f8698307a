"""What fire and mould leave on a room's surfaces and contents: "Moderate soot on the ceiling and on
the window blinds", "Odor in the sofa and drapes", "growth ... on stored shoes and a wool coat",
"range hood and microwave destroyed". In a fire or mould job these are the room's affected
materials, though no water reached them; in a water job the words mean nothing of the kind.

Each item must be a surface or a piece of contents this module knows, named right after the residue
("soot on the ceiling") or as the subject of a fire's damage ("upper cabinets ... charred"); the
room is the one the line is about (its section's, for a sentence before the line names a room of its
own). A negated residue ("no soot", "free of mould") adds nothing. A fire job's scope cleaning a
surface ("Clean ceilings and walls: hallway 28 m2, lounge 55 m2") names it for each room it lists,
when the survey said nothing of that room's surfaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from chalicelib.analysis.findings import AffectedArea, DamageType
from chalicelib.analysis.offline.lining_materials import job_lining
from chalicelib.analysis.offline.material_soundness import said_sound
from chalicelib.analysis.offline.material_words import material_words
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS, Line, collapse, is_negated

# Surfaces and contents that residue settles on, as notes name them.
_ITEM = (
    # appliances and furniture a fire reaches ("Dryer destroyed", "countertop appliances sooted"), first:
    # "clothes dryer" is no clothes, "countertop appliances" no countertop
    r"(?:clothes )?dryers?|(?:small |countertop |benchtop |kitchen )?appliances|crockery|stair spindles"
    r"|ductwork|sectional(?: sofa)?|nightstands?|rugs?|"
    r"(?:textured |popcorn |artex |painted |plasterboard |drywall )?ceilings?|(?:upper |lower )?walls"
    r"|(?:window |back |end |side |north |south |east |west )wall|chandeliers?|light fittings?"
    r"|window (?:boards?|frames?)|doors|cornices?"
    r"|paint(?:work)?|(?:upper |base |wall |kitchen )?(?:cabinets?|cupboards?|units)(?: faces| doors)?"
    r"|countertops?|worktops?"
    r"|benchtops?|range ?hoods?|extractor(?: hood| fan)?|microwaves?(?: hoods?)?|(?:window )?blinds?"
    r"|drapes?|curtains?"
    r"|sofas?|couch(?:es)?|lounge suite|soft furnishings|soft contents|bedding|mattress(?:es)?|carpets?"
    r"|clothing|clothes|furniture|contents|shelv(?:es|ing)|(?:bottom |top )?shelf|(?:leather )?shoes"
    r"|(?:wool |leather )?coats?|books|(?:cardboard )?boxes|trusses|sarking|hard surfaces"
)
_ITEM_AT = re.compile(rf"(?:{_ITEM})\b", FLAGS)
# What cleaning names as a room's surface ("clean contents ... 38 boxes" is a pack-out count).
_CLEANED_ITEM = re.compile(rf"\b(?!contents|(?:cardboard )?boxes)(?:{_ITEM})\b", FLAGS)
# (a mould job's contents are wiped of spores where they stand: "wipe all surfaces and contents")
_WIPED_ITEM = re.compile(rf"\b(?!(?:cardboard )?boxes)(?:{_ITEM})\b", FLAGS)
# A determiner or a describing word or two before an item: "the", "stored", "a wool", "all the"; and
# the part of it the residue reaches, "the top third of the walls", "the upper half of the doors".
_LEAD = re.compile(
    r"(?:(?:the|a|an|all|both|some|its|their|stored|several|most|timber|wooden|painted|fabric|\d+"
    r"|(?:top|upper|lower|bottom)(?: (?:third|half|quarter|part|portion|section|edge))? of) )*",
    FLAGS,
)
# ("cabinet faces (painted), range hood": an aside in brackets after an item goes with it)
# ("wet clean ceiling 26 m2, walls 42 m2": a scope line's quantity after each item)
_JOIN = re.compile(
    r"(?: ?\([^()]{1,30}\))?(?: ~?\d{1,5}(?:\.\d{1,2})? ?(?:m2|m²|sq ?m|sqm|sq ?ft|sf|lm|lf|ea)\b\.?)?"
    r"\s*(?:,|&|\+|\band\b|\bor\b)\s*(?:(?:on|in|over) )?",
    FLAGS,
)

_RESIDUE = re.compile(
    r"\b(?:soot\w*|smoke(?: webs?)?|odou?rs?|film|residue|smell\w*|mou?ld\w*|growth|spores?|colonies)\b"
    r"[^.;:]{0,30}?\b(?:on|in|over|across|along|covering|coating)\b ",
    FLAGS,
)
# "Kitchen 16x13 - origin. Heavy. Ceiling, walls, microwave hood": a room's list after its severity.
# ("| Dining | Moderate | Ceiling, walls, window and blind |": a survey table's severity cell, then its list)
_SEVERITY_LIST = re.compile(r"\b(?:heavy|moderate|light|severe|medium)(?:[.:;]|\s*\|)\s+(?=[a-z])", FLAGS)
_ON_AGAIN = re.compile(r"(?:,|\band\b) (?:on|in) ", FLAGS)
_FIRE_DAMAGE = re.compile(
    r"\b(?:destroyed|charred|scorched|blistered|melted|burnt|burned|sooted|(?:smoke|soot|heat)[- ]damaged)\b",
    FLAGS,
)
_MOULD_ON_ITEM = re.compile(r" (?:has|have|had|with|showing|carr(?:y|ies)) (?:visible )?growth\b", FLAGS)
_CLAUSE_END = re.compile(r"[.;:!?|](?!\d)|\s[-\u2013]\s")  # ("0.8 m2" ends no clause)
_SUBJECT_REACH = 60
_BULLET = re.compile(r"\s*(?:[-*\u2022\u2013]\s+)?")


_LIST_PART = re.compile(r"[^,&+;.]*", FLAGS)


# "Clean ceilings and walls: ...", "Dry sponge then wet clean ... (walls and ceilings)", "Seal walls &
# ceiling": in a fire job, the surfaces the work cleans soot off (a wipe test that "came back clean"
# is no work); in a mould job, what is vacuumed and wiped of settled spores ("HEPA vac + wipe
# surfaces/contents, clean carpet").
_CLEANING = re.compile(
    r"(?<!were )(?<!was )(?<!is )(?<!are )(?<!back )(?<!wipe test )(?<!wipe tests )(?<!swab )"
    r"\b(?:clean(?:ed)?|wash(?:ed|ing)?(?: down)?|sponge[ds]?|seal(?:ed|ing)?|stain[- ]block(?:ed|ing)?"
    r"|degreas(?:e|ed|ing))\b",
    FLAGS,
)
_MOULD_CLEANING = re.compile(
    r"\b(?:hepa[- ]?vac(?:uum)?(?:ed|ing)?|(?:damp[- ])?wip(?:e|ed|ing)(?! tests?\b)"
    r"|clean(?:ed)?(?= (?:the |all )?(?:carpet|contents|hard surfaces)\b))\b",
    FLAGS,
)
_ITEM_END = re.compile(r"[;.|](?!\d)", FLAGS)
_LEAD_BACK = re.compile(r"(?:(?:the|all|both) )*$", FLAGS)
_SENTENCE_END = re.compile(r"[.;!?](?!\d)", FLAGS)


class AreasOfLine(Protocol):
    """The affected areas a line is about; with `before_rooms`, its section's, for what it says before
    it names a room of its own; with `named`, every one it names."""

    def __call__(self, line_number: int, *, before_rooms: bool = False, named: bool = False) -> list[str]: ...


def _plain(item: str) -> str:
    """An item as the report lists it: "the window wall" is one of the walls, "window blinds" blinds."""
    name = collapse(item).lower()
    if re.fullmatch(r"(?:\w+ )?walls?", name):
        return "walls"  # ("upper walls": the walls, the soot's reach is its extent)
    if name == "ceilings":
        return "ceiling"  # (a room has one)
    return name


def _items_from(text: str, start: int, *, skip: int = 0) -> list[tuple[str, int]]:
    """The run of known items starting at `start` ("the walls and ceiling", "bedding and carpet").
    With `skip`, a list ("Ceiling, walls, all cabinet faces + insides of uppers, microwave hood")
    may have that many parts that are no item, or an item with words after it."""
    found: list[tuple[str, int]] = []
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
        found.append((_plain(item.group(0)), item.start()))
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
    return [name for name, _, is_cleaning in _residue_spans(text, damage) if not is_cleaning]


def _residue_spans(text: str, damage: DamageType) -> list[tuple[str, int, bool]]:
    """Each surface or piece of contents a line says fire or mould reached, with where it is named and
    whether only the work cleaning it names it."""
    found: list[tuple[str, int, bool]] = []

    def add(items: list[tuple[str, int]], *, cleaning: bool = False) -> None:
        names = {name for name, _, _ in found}
        found.extend((name, start, cleaning) for name, start in items if name not in names)

    for match in _RESIDUE.finditer(text):
        if is_negated(text, match.start(), match.end()):
            continue
        add(_items_from(text, match.end()))
        # "growth on the back wall over about 0.8 m2 and on stored shoes and a wool coat"
        end = _CLAUSE_END.search(text, match.end())
        for place in _ON_AGAIN.finditer(text, match.end(), end.start() if end else len(text)):
            add(_items_from(text, place.end()))
    is_fire = damage is DamageType.FIRE_SMOKE
    for match in _SEVERITY_LIST.finditer(text) if is_fire else ():
        add(_items_from(text, match.end(), skip=1))
    cleaning = _CLEANING if is_fire else _MOULD_CLEANING if damage is DamageType.MOULD else None
    for match in cleaning.finditer(text) if cleaning is not None else ():
        # "Clean ceilings and walls: hallway 28 m2, lounge 55 m2": what the soot is cleaned off
        end = _ITEM_END.search(text, match.end())
        item = (_CLEANED_ITEM if is_fire else _WIPED_ITEM).search(
            text, match.end(), end.start() if end else len(text)
        )
        if item is not None and not is_negated(text, match.start(), match.end()):
            lead = _LEAD_BACK.search(text, match.end(), item.start())
            add(_items_from(text, lead.start() if lead is not None else item.start()), cleaning=True)
    subjects = [*_FIRE_DAMAGE.finditer(text)] if is_fire else []
    subjects += [*_MOULD_ON_ITEM.finditer(text)] if damage is DamageType.MOULD else []
    for match in subjects:
        # "Upper cabinets each side of the range charred": the clause's subject, when it is an item
        if is_negated(text, match.start(), match.end()):
            continue
        start = _clause_start(text, match.start())
        comma = text.rfind(",", start, match.start())
        # ("Curtain and pole destroyed, timber window board charred": the part after the comma)
        for begin in (start, comma + 1) if comma >= 0 else (start,):
            # ("- Dryer destroyed": a bullet before the subject)
            bullet = _BULLET.match(text, begin)
            lead = _LEAD.match(text, bullet.end() if bullet is not None else begin)
            add(_items_from(text, lead.end()) if lead is not None else [])
    return found


_LINED = frozenset({"walls", "ceiling"})
_LINED_KEYS = frozenset({"walls", "ceiling", "plaster"})


# A survey table's cell as a PDF gives it, wrapped at the column's width into short lines ("Wall
# cupboards and" / "worktop by hob burnt;" / "ceiling and walls" / "heavily sooted;"): a short line
# that stops mid-phrase goes on in the next one, which starts in lower case or follows a join.
_CELL_WIDTH = 40
_CELL_ENDED = re.compile(r"[.;:!?|)]$", FLAGS)
_CELL_GOES_ON = re.compile(r"(?:,|&|\+|\band|\bor|\bof|\bthe)$", FLAGS)
_CELL_LINES = 3


def _cells_rejoined(lines: Sequence[Line]) -> list[Line]:
    """Each line, with a wrapped cell's following fragments added to its first (a few at most); the
    fragments stay lines of their own too."""
    out = []
    for index, line in enumerate(lines):
        text = line.text
        for following in lines[index + 1 : index + _CELL_LINES]:
            if (
                len(text) > _CELL_WIDTH * _CELL_LINES
                or len(following.text) > _CELL_WIDTH
                or not following.text
                or "|" in text
                or "|" in following.text
                or _CELL_ENDED.search(text)
                or not (following.text[:1].islower() or _CELL_GOES_ON.search(text))
            ):
                break
            text = f"{text} {following.text}"
        out.append(line if text == line.text else Line(number=line.number, quote=line.quote, text=text))
    return out


def _keys(name: str) -> set[str]:
    words = material_words(name)
    return {word.key for word in words} if words else {name}


def with_residue_materials(
    areas: Sequence[AffectedArea],
    lines: Sequence[Line],
    damage: DamageType | None,
    areas_of_line: AreasOfLine,
) -> list[AffectedArea]:
    if damage not in (DamageType.FIRE_SMOKE, DamageType.MOULD):
        return list(areas)
    added: dict[str, list[str]] = {}
    # what the survey says is fine ("carpet and underlay (dry, not stained)"): cleaning it is no damage
    sound = {
        word.key for line in lines for word in material_words(line.text) if said_sound(line.text, word.end)
    }
    # "lath-and-plaster walls", "plaster ceilings": an old house's walls and ceilings are its plaster
    plastered = (lining := job_lining(lines)) is not None and _keys(lining) == {"plaster"}
    cleaned: dict[str, list[str]] = {}  # what the scope cleans, by area: for areas told nothing else
    surfaces: dict[str, set[str]] = {}  # linings cleaned under a room's own heading, by area
    for line in _cells_rejoined(lines):
        if not line.text:
            continue
        first_room = min((room.start for room in room_mentions(line.text)), default=len(line.text))
        for item, position, is_cleaning in _residue_spans(line.text, damage):
            if is_cleaning and _keys(item) <= sound:
                continue
            item = "plaster" if plastered and item in _LINED else item
            # an item in a sentence before the line names a room is its section's ("KITCHEN" / "- Soot on
            # the ceiling. Dust nearest the mudroom")
            sentence_end = _SENTENCE_END.search(line.text, position)
            before_rooms = (sentence_end.end() if sentence_end else len(line.text)) <= first_room
            # (work cleaning a list of rooms: "Clean ceilings and walls: kitchen 30 m2, hallway 22 m2")
            named = is_cleaning and not before_rooms
            # the walls and ceiling the work under a room's own heading cleans the soot off are that
            # room's linings, reached whatever else the survey says of it ("Hallway" / "- Clean ceiling 8
            # m2, walls 28 m2" beside "soot tracking along the ceiling"). One line cleaning a list of
            # rooms ("Clean ceilings + walls: kitchen 610 SF, hall 280 SF") is a blanket treatment, and
            # contents cleaned may be a pack-out of what the fire never reached: both are known only for
            # a room the survey says nothing of.
            surface = is_cleaning and before_rooms and _keys(item) <= _LINED_KEYS
            for name in areas_of_line(line.number, before_rooms=before_rooms, named=named):
                have = (cleaned if is_cleaning and not surface else added).setdefault(name, [])
                area = next(a for a in areas if a.room == name)
                known = {key for material in (*area.materials, *have) for key in _keys(material)}
                if not _keys(item) <= known:
                    have.append(item)
                    if surface:
                        surfaces.setdefault(name, set()).add(item)
    for area in areas:
        # a room the survey says nothing of is known by what its soot is cleaned off
        if not area.materials and not set(added.get(area.room, [])) - surfaces.get(area.room, set()):
            added[area.room] = [*added.get(area.room, []), *cleaned.get(area.room, [])]
    return [
        area.model_copy(
            update={
                "materials": [
                    *area.materials,
                    *_without_lined_walls(area.materials, added.get(area.room, [])),
                ]
            }
        )
        for area in areas
    ]


# The board a room's walls are lined with: named among its materials, it is what the residue's "walls"
# are ("Kitchen: plasterboard scorched behind the cooktop; soot on the walls and ceiling"), the same
# surface named twice.
# Any wall lining or masonry counts ("painted block walls", "lath and plaster", "FRP panels"); a ceiling
# named by its board or tiles ("ceiling tiles", "fibre cement ceiling") is the residue's "ceiling".
_WALL_BOARDS = frozenset({"drywall", "plaster", "masonry", "fibro", "frp", "limestone"})
_NAMED_CEILING = re.compile(r"\b(?!ceilings?$)\w[\w ]* ceilings?\b|\bceiling \w+", FLAGS)


def _without_lined_walls(materials: Sequence[str], added: Sequence[str]) -> list[str]:
    keys = {key for material in (*materials, *added) for key in _keys(material)}
    named_ceiling = any(_NAMED_CEILING.search(material) for material in (*materials, *added))
    return [
        item
        for item in added
        if not (item == "walls" and keys & _WALL_BOARDS) and not (item == "ceiling" and named_ceiling)
    ]
