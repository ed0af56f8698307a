"""The words field notes use for building materials, abbreviations included ("cpt + u/lay", "pbd",
"GIB", "LVP", "p-board"), each keyed the way the rest of the analyzer keys materials.

Readings keep their own, narrower vocabulary (readings.py): this one is for which materials of a room
were affected, where notes abbreviate freely and name wall assemblies part by part.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from chalicelib.analysis.findings import AffectedArea
from chalicelib.analysis.offline.material_soundness import said_sound
from chalicelib.analysis.offline.text import FLAGS, Line, collapse, matched_key

# What a "kick" is the kickboard of (a board, or a cabinet by its place), and the words after a verb's
# "kicks" ("the pump kicks in"): see cabinetry_kicks below.
_KICK_OWNER = (
    r"(?:mdf|particle ?board|chipboard|melamine|base|sink|vanity|cabinet|cupboard|bench|island|pantry)"
)
_KICK_VERB = r"(?:in|on|off|out|up|back|over)\b"

# (key, pattern, name): the key is shared with readings.py and classification.py ("drywall",
# "underlay", ...); the name is how an abbreviation is reported, None to report the words as written.
# Earlier alternatives win where they overlap ("carpet pad" is underlay, "MDF skirting" is skirting).
_LEXICON: tuple[tuple[str, str, str | None], ...] = (
    # "welded vinyl with coved skirting", "ceramic tile on slab, tiled skirting": the floor finish turned
    # up the wall, part of that floor, no baseboard of its own (read and dropped: see _FINISH_UPTURN)
    ("upturn", r"(?:coved?|tiled?) (?:vinyl |tile )?skirt(?:ing|ings|s)?(?: boards?)?", None),
    # "vinyl cove base", "rubber base", "base trim": the baseboard of commercial and US notes ("remove
    # baseboard (vinyl cove)" is the same strip, not a vinyl floor); "jarrah skirting" is no hardwood floor
    (
        "baseboard",
        # ("vinyl skirting", "rubber baseboard", "PVC skirting": the skirting by what it is made of)
        r"(?:(?:mdf|timber|pine|painted|jarrah|oak|meranti|hardwood|vinyl|rubber|pvc|plastic|alumini?um) )?"
        r"(?:baseboards?|skirting(?:s| boards?)?)"
        r"|(?:(?:vinyl|rubber) )?cove base(?:s| trim)?|(?:vinyl|rubber) (?:cove|base)(?! ?board)|base ?trim",
        None,
    ),
    ("baseboard_short", r"skirts?", "skirting"),
    ("drywall_short", r"pbd|p/bd|p/board|plbd|gib(?: ?board)?", "plasterboard"),
    # "DW wicking", "DW wet both sides", "Hall DW N wall @4in": US notes' drywall, where a wall, a height
    # or wicking says it ("DW" alone is as often the dishwasher, and is left unread)
    (
        "drywall_dw",
        r"dw(?= (?:wick\w*|wet|damp|saturated|soaked)\b|(?: [a-z]{1,6}){0,3} (?:walls?\b|ceilings?\b|@ ?\d)"
        r"|(?: ?@ ?\d)"
        # "Hall DW @ bath door 40", "Bath DW behind toilet 58 31 14": a reading row's point, its number
        # read on a scale (a dishwasher's "DW 2 ft out" or "DW 3 hrs" is measured in other units)
        r"|(?: ?@)?(?: [a-z]{1,8}){0,3} \d{1,3}(?:\.\d)?"
        r"(?: ?(?:%|rel\b|wme\b)| +\d{1,3}(?:\.\d)?(?!\w)| *$))",
        "drywall",
    ),
    # A bare "PB" is plasterboard on a ceiling or wall and particleboard on a floor; elsewhere it is
    # left unread (Australian notes use it for both).
    (
        "drywall_pb",
        r"(?:(?<=clg )|(?<=ceiling )|(?<=wall )|(?<=walls ))pb|pb(?= (?:clg|ceiling|walls?)\b)"
        # "PB wicking", "PB laundry wall @100mm", "bed 1 PB @100mm": only a wall wicks or is read at a height
        r"|pb(?= wick\w*\b|(?: [a-z]{1,10}){1,2} walls?\b| ?@ ?\d)",
        "plasterboard",
    ),
    (
        "particleboard_pb",
        r"(?:(?<=floor )|(?<=flooring ))pb|pb(?= (?:floor|flooring|sub-?floor)\b)",
        "particleboard",
    ),
    # "plasterbd", "plstr bd", "gyp brd": a lining word with "board" cut to its consonants (a bare "bd" or
    # "brd" is a bedroom or a board of any kind, left unread)
    (
        "drywall_bd",
        r"(?:plaster|plstr|plas|gyp(?:sum)?|dry ?wall) ?b(?:r?d|oa?r?d)s?(?<!board)(?<!boards)",
        "plasterboard",
    ),
    ("drywall_gyp", r"gyp(?: ?board)?", "gypsum board"),
    (
        "drywall",
        r"drywall|dry wall|plaster ?boards?|gyprock|sheetrock|gypsum(?: ?board)?|wallboard",
        None,
    ),
    ("drywall_lining", r"wall linings?", "wall lining"),
    # "cushion vinyl", "cushioned vinyl", "cushion floor": a vinyl sheet with its own foam backing, one
    # floor finish (no underlay under a vinyl)
    ("vinyl_cushion", r"cushion(?:ed)? (?:vinyl|floor(?:ing)?)", None),
    ("underlay_short", r"u/lay|u/l|ulay", "underlay"),
    (
        "underlay",
        r"underlay|underlayment|carpet pad|(?:rebond )?(?<!heater )pad(?:ding)?|cushion|underpad|underfelt",
        None,
    ),
    ("carpet_short", r"cpt|crpt", "carpet"),
    # "carpet tack strip", "carpet gripper": the strip that holds the carpet, not the carpet
    (
        "tackstrip_carpet",
        r"carpet (?:tack(?:less)? ?strips?|smooth ?edge|grippers?(?: strips?| rods?)?)",
        "tack strip",
    ),
    ("carpet", r"carpet(?:s|ing)?(?: tiles?)?", None),
    # Benchtops by any of their names ("laminate benchtop", "stone countertop", "worktops"), before the
    # laminate or tile they are made of: read only by their own damage or reading (trim_materials), since
    # a benchtop is more often where things stand
    (
        "benchtop",
        r"(?:(?:laminate|stone|timber|granite|marble|quartz|formica) )?"
        r"(?:bench ?tops?|counter ?tops?|work ?tops?)",
        None,
    ),
    # ("vinyl floor tiles": vinyl, not ceramic)
    (
        "vinyl",
        r"(?:sheet )?vinyl(?: plank| planks| (?:floor )?tiles?| sheet)?|lvp|lvt|vct|lino(?:leum)?",
        None,
    ),
    # ("laminate-faced particleboard": a cabinet's finish, no laminate floor)
    (
        "laminate",
        r"laminate(?: floor(?:ing)?"
        r"|(?![- ](?:faced|covered|clad)\b))",
        None,
    ),
    # ("a suspended timber floor", "the timber floor frame": the structure under a finish, no wood
    # finish)
    (
        "hardwood",
        r"hardwood(?: floor(?:ing)?)?|(?<!suspended )(?:timber|wood|engineered) floor(?:ing|boards?)?"
        r"(?! (?:frames?|framing|structure|joists?))|floor ?boards?|parquet"
        # "pitch pine boards", "Baltic pine boards", "T&G softwood boards": a floor's boards by their timber
        # (one "pine board" is as often a shelf or a panel)
        r"|(?:(?:pitch |baltic |oregon )?pine|softwood|kauri|rimu|matai|t&g|tongue[- ]and[- ]groove)"
        r"(?: softwood| pine)? boards"
        # "Tech: Jarrah Pennick": a species followed by a capitalised word is a person's name
        r"|(?:oak|maple|jarrah|blackbutt|spotted gum)"
        r"(?: floor(?:ing|boards?)?|(?! (?!strip|boards?|floor|plank)(?-i:[A-Z][a-z]+)\b))",
        None,
    ),
    # Bare "boards" ("kitchen boards wet", "Boards cupping by day 2", "H1 hall boards 22"): a board
    # floor's shorthand once the notes name the floor (surface_materials judges it by the job's floor);
    # boards of another kind ("insulation boards", "the meter board") are not floors
    (
        "boards",
        r"(?<!insulation )(?<!foam )(?<!notice )(?<!cement )(?<!fibre )(?<!fiber )(?<!wall )(?<!ceiling )"
        r"(?<!osb )(?<!sheathing )(?<!shelf )(?<!form )(?<!switch )(?<!circuit )(?<!white )(?<!kick )"
        r"(?<!cupboard )(?<!cabinet )(?<!base )(?<!gyp )(?<!plaster )(?<!loft )(?<!sarking )(?<!bait )"
        r"(?<!barge )(?<!fascia )(?<!skirting )(?<!window )(?<!door )(?<!eave )(?<!eaves )boards",
        None,
    ),
    # "upper cabs", "sink cab", "vanity cab": field notes' short "cab" for a cabinet, read only after a
    # word that says which cabinet (a bare "cab" is as often a taxi or a truck's), reported in full
    # ("vanity cabinet")
    (
        "cabinetry_cab",
        r"(?:base|lower|upper|wall|sink|vanity|kitchen|laundry|bath(?:room)?|corner|pantry|island|tall|oven)"
        r" cabs?",
        None,
    ),
    # Cabinet work: the carcass and its kickboards; "MDF kickboard", "particleboard base cupboards" are
    # the cabinet, not a floor of particleboard ("particleboard cabinets" too: _CABINET_AFTER_BOARD).
    # "The vanity wall", "the cabinet wall" are the wall the cabinet stands against.
    (
        "cabinetry",
        r"(?:(?:mdf|particle ?board|chipboard|melamine) )?"
        r"(?:kick ?boards?|toe ?kicks?|plinths?|base cupboards?)"
        r"|(?:cabinet(?:s|ry)?|vanity|vanities)(?! walls?\b)|carcass(?:es)?",
        None,
    ),
    # "particleboard kicks", "sink kick", "MDF kick panels": field notes' short "kick" for a cabinet's
    # kickboard, read after a board or cabinet word, or as "kicks"/"kick panels" on their own (a verb's
    # "kicks in", "kicks on" is a machine starting)
    (
        "cabinetry_kicks",
        rf"(?:{_KICK_OWNER} )?kick(?:s| ?panels?)(?! {_KICK_VERB})|{_KICK_OWNER} kick(?! {_KICK_VERB})",
        "kickboards",
    ),
    # "base units", the British kitchen's base cabinets, reported in the words the report uses
    ("cabinetry_units", r"base units?", "base cabinets"),
    # Wall panelling of boards or sheets fixed over the wall ("wood panelling over drywall", "knotty pine
    # paneling", "wainscoting"): a finish of its own, read before its timber or board (a "plywood
    # panelling" is the panelling)
    (
        "panelling",
        r"(?:(?:wood|timber|pine|knotty pine|cedar|veneer|plywood|mdf) )?panell?ing|wainscot(?:t?ing)?",
        None,
    ),
    ("particleboard", r"particle ?board(?: floor(?:ing)?)?|chipboard|p-?board|yellow ?tongue", None),
    ("plywood", r"plywood|osb", None),
    ("subfloor", r"sub-?floor(?:ing)?", None),
    # "concrete block walls" are masonry, not the slab.
    ("masonry_block", r"concrete block(?:work|s)?|block walls?", "concrete block"),
    ("concrete", r"concrete(?: slab| floor)?|slab|screed", None),
    # Cork flooring, by a floor word after it ("Cork" alone is as often a place or a name).
    ("cork", r"cork (?:tiles?|floor(?:ing|s)?|planks?)", None),
    # ("ceiling tiles": named so, so a room's carpet tiles do not take them for their shorthand)
    (
        "tile",
        r"(?:ceramic |porcelain |floor |wall |ceiling )?tiles?(?! line)"
        r"|tiled (?:floor|wall|splashback)s?|tiling"
        r"|grout",
        None,
    ),
    # "The ensuite is tiled": its tiles.
    ("tile_said", r"tiled", "tiles"),
    ("insulation", r"insulation|(?:pink )?batts", None),
    # "mineral wool quilt", "loft quilt", "glass wool above" a ceiling: its insulation ("the quilt" on a
    # bed is bedding, so a quilt only by its wool or its loft); "glasswool batts" are batts as written
    ("insulation_batts", r"(?:mineral|glass|rock|stone) ?wool batts?", None),
    (
        "insulation_wool",
        r"(?:mineral|glass|rock|stone) ?wool(?: (?:loft )?(?:insulation|quilt|rolls?))?"
        r"|(?:loft|insulation) quilt",
        "insulation",
    ),
    # A wall frame part by part: "bottom plate", "studs", "joists", "bearers" are its framing. "The
    # joist bay", "the joist space above", "stud cavity" are places in the frame, not the timber.
    (
        "framing",
        r"(?:timber )?(?<!door )(?<!window )fram(?:ing|es?)"
        # ("steel studs", "metal stud partitions": a frame that takes up no water)
        # ("the stud wall", "a stud partition": the wall, named by how it is built)
        r"|(?<!steel )(?<!steel-)(?<!metal )(?<!metal-)studs?"
        r"(?! (?:bays?|cavit(?:y|ies)|spaces?|walls?|partitions?))"
        r"|joists?(?! (?:bays?|spaces?|cavit(?:y|ies)))"
        r"|(?:bottom|sole|sill|top) plates?|bearers?|noggings?",
        None,
    ),
    ("masonry", r"brick(?:work)?|masonry|block ?work|besser|cmu", None),
    # The roof over an attic: its sheathing (decking) and rafters, where attic water and mould are found
    # ("north-side roof sheathing", "the attic sheathing", "Sheathing at the vent: 21 %MC"); a wall's
    # sheathing is the outside of a wall, left unread.
    ("sheathing", r"(?<!wall )(?:(?:roof|attic) )?sheathing|roof deck(?:ing)?", "roof sheathing"),
    ("rafters", r"rafters?", "rafters"),
    # A roof's trusses and the sarking under its tiles or sheets: named by their own damage (a truss is
    # as often where a leak was traced along)
    ("trusses", r"(?:roof )?truss(?:es)?", None),
    ("sarking", r"sarking", None),
    # A crawlspace's or slab's vapour barrier ("poly vapor barrier", "vapour retarder"): the sheet itself
    ("vapourbarrier", r"(?:(?:poly(?:ethylene)?|plastic|6 ?mil) )?vapou?r (?:barriers?|retarders?)", None),
    ("plaster", r"plaster(?! ?board)|lath", None),
    ("fibro", r"fibro(?: sheeting| sheets?)?|fibre cement(?: sheet(?:ing)?)?", None),
    # Hardboard: the thin sheet under an old vinyl floor, or an old bathroom's wall lining
    ("hardboard", r"hardboard(?: linings?)?", None),
    ("tackstrip", r"tack(?:less)? ?strips?|smooth ?edge|gripper (?:strips?|rods?)", None),
    # Linings and fittings named for what they are: a commercial kitchen's FRP wall panels and its
    # exhaust canopy, a wardrobe's back panel, a garage's roof sheeting, an office's raised access
    # floor, an old cottage's limestone walls ("Limestone Coast", a region, is a company's name).
    ("frp", r"frp(?: panels?| sheets?)?", None),
    # Trim, read only by its own words (trim_materials.py): a cornice, a door's jamb or lining (a
    # "door frame" is left unread: in a frame's list it would read as the wall's framing)
    ("cornice", r"cornices?|crown mou?ldings?", None),
    ("doorjamb", r"door (?:jambs?|linings?)|(?<!window )jambs?", None),
    ("architrave", r"(?:(?:timber|mdf|pine|painted) )?architraves?", None),
    ("canopy", r"(?:exhaust |range ?hood )?canop(?:y|ies)(?! (?:grease )?filters?| fans?)", "canopy"),
    # Fittings notes name far more often as where something is ("dust on the window sill", "water ran
    # down beside the handrail") than as what was reached: like trim, read only by their own words
    # ("curtains smoke-stained", "window reveal 205 REL", "handrail sooted"). A sill plate is framing
    # (above); a "door sill" is a threshold. (Shelving and paint stay unread: the notes' "shelving uprights
    # 22 %" and "paint bubbled" are as often left out of what a report lists as affected.)
    ("curtains", r"curtains?|drapes|draper(?:y|ies)", None),
    ("windowsill", r"window ?sills?", "window sill"),
    ("windowreveal", r"window reveals?", "window reveal"),
    ("handrail", r"hand ?rails?|bannisters?|banisters?", None),
    ("wardrobeback", r"wardrobe back(?: panels?)?", "wardrobe back panel"),
    ("roofsheeting", r"roof (?:sheeting|sheets)", "roof sheeting"),
    ("raisedfloor", r"raised access floor(?: panels?| tiles?)?", None),
    ("limestone", r"limestone(?! coast\b)", "limestone"),
)


_PATTERN = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{key}>{pattern})" for key, pattern, _ in _LEXICON) + r")(?!\w)",
    FLAGS,
)


_NAMES = {key: name for key, _, name in _LEXICON}
_FINISH_UPTURN = "upturn"
_CAB = "cabinetry_cab"
_CAB_WORD = re.compile(r"\bcab(?=s?$)")
_KEYS = [(key, pattern) for key, pattern, _ in _LEXICON]


@dataclass(frozen=True)
class MaterialWord:
    key: str  # "drywall", "underlay", ...: one key however it is written
    name: str  # as reported: the words as written, or the full word for an abbreviation
    start: int
    end: int


# A cabinet's own board, written after it as an aside: "vanity base (particleboard) swollen", "toe
# kick, particleboard", "kickboards under the sink, set aside (chipboard, to be replaced)", "kick panels
# pulled - swollen chipboard". The board
# is what the cabinet is made of, not a floor; "chipboard floor" after a cabinet stays a floor.
_CABINET_BOARD_GAP = re.compile(
    r"(?:(?!\. |[;|:]).){0,70}?\("
    r"|(?: [\d.]+ ?[a-z]{1,3}| \([a-z ]{1,20}\))*(?:, ?| - | ?\| ?)(?:swollen |wet |damp |soaked )?"
    # a legend's or a table's next cell: "cupboard carcass under sink - particleboard - 32 WME",
    # "| Utility kickboard | chipboard | 42 |"
    r"|(?: (?:under|behind|beside|by|at|near|below|left of|right of)"
    r"(?: (?!floor|flooring|sub-?floor)[a-z]{1,10}){1,2})(?: - | ?\| ?)",
    FLAGS,
)
_FLOOR_AFTER = re.compile(r" (?:floor|flooring|decking|sub-?floor)\b", FLAGS)
# The board a cabinet is made of, named before the cabinet ("particleboard bench cabinets", "swollen
# chipboard carcasses", "MDF wall units"), as the cabinet's own part after it ("base units with
# chipboard bases") or as what a cabinet's part is made of ("sink base panel (particleboard)"): the
# cabinet, not a floor.
_CABINET_AFTER_BOARD = re.compile(
    r"(?: (?!floor|flooring|sub-?floor)[a-z-]{1,15}){0,2}? "
    r"(?:cabinets?|cabinetry|cabs?|carcass(?:es)?|cupboards?|(?:base |wall )?units?|joinery)\b",
    FLAGS,
)
# ("base unit kickboards and chipboard bases": a cabinet part after a join is the cabinet's too)
_CABINET_WITH_BOARD = re.compile(r"(?: with| and|,)(?: the)? (?:swollen |wet |damp )?$", FLAGS)
_CABINET_PART_AFTER = re.compile(r" (?:bases?|backs?|bottoms?|shelv(?:es|ing)|carcass(?:es)?)\b", FLAGS)
_CABINET_PART_BEFORE = re.compile(
    r"\b(?:sink|vanity|cabinet|cupboard|cabs?) (?:base|bottom|back|side)(?: panel| board)? \($", FLAGS
)
_PART_REACH = 40


def _cabinet_board(text: str, start: int, end: int, previous: MaterialWord | None) -> bool:
    """Whether a board named at start..end is a cabinet's (see _CABINET_AFTER_BOARD)."""
    if _CABINET_AFTER_BOARD.match(text, end):
        return True
    if _CABINET_PART_BEFORE.search(text, max(0, start - _PART_REACH), start):
        return True
    return (
        previous is not None
        and previous.key == "cabinetry"
        and _CABINET_WITH_BOARD.fullmatch(text, previous.end, start) is not None
        and _CABINET_PART_AFTER.match(text, end) is not None
    )


def material_words(text: str) -> list[MaterialWord]:
    """The materials named on a line, in order."""
    words: list[MaterialWord] = []
    for match in _PATTERN.finditer(text):
        group = matched_key(match, _KEYS)
        key = group.split("_")[0]
        name = _NAMES[group] or collapse(match.group(0)).lower()
        if group == _CAB:
            name = _CAB_WORD.sub("cabinet", name)  # ("upper cabs": "upper cabinets")
        if (
            key == "particleboard"
            and words
            and words[-1].key == "cabinetry"
            and _CABINET_BOARD_GAP.fullmatch(text, words[-1].end, match.start())
            and not _FLOOR_AFTER.match(text, match.end())
        ):
            continue
        if key == "particleboard" and _cabinet_board(
            text, match.start(), match.end(), words[-1] if words else None
        ):
            continue
        if key == _FINISH_UPTURN:
            continue
        words.append(MaterialWord(key, name, match.start(), match.end()))
    return words


# A compound whose tiles are not ceramic ("carpet tiles", "cork tiles", "vinyl floor tiles"): the same
# room's bare "tiles" ("lifted tiles", "the slab under the lifted tiles", a reading row's "tile") is
# its shorthand, not a ceramic floor beside it. Where the notes have ceiling tiles too ("T-bar ceiling
# with acoustic tiles ... tiles collapsed onto the table") a bare "tiles" may be those: kept.
_TILED_KEYS = frozenset({"carpet", "vinyl", "cork"})
_BARE_TILES = frozenset({"tile", "tiles"})
_CEILING_TILES = re.compile(
    r"\b(?:ceiling|acoustic|suspended|t-bar|drop|lay-in) (?:ceiling )?tiles?\b", FLAGS
)


def without_tile_shorthand(areas: Sequence[AffectedArea], text: str) -> list[AffectedArea]:
    """Each room's materials without a bare "tiles" that its carpet, vinyl or cork tiles stand for (run
    on the finished areas: readings and the scope add materials after the notes' own)."""
    # (a bare "tiles" may be the ceiling's, unless every ceiling tile the notes name is said fine:
    # "ceiling tiles over the store dry on the meter" leaves only the floor's tiles to be wet)
    if any(not said_sound(text, match.end()) for match in _CEILING_TILES.finditer(text)):
        return list(areas)
    return [area.model_copy(update={"materials": _without_shorthand(area.materials)}) for area in areas]


def _without_shorthand(names: list[str]) -> list[str]:
    keyed = [(words[0].key if (words := material_words(name)) else name, name) for name in names]
    if not any(key in _TILED_KEYS and "tile" in name.lower() for key, name in keyed):
        return names
    return [name for key, name in keyed if not (key == "tile" and name.lower() in _BARE_TILES)]


def named_materials(lines: Sequence[Line], keys: Collection[str]) -> dict[str, str]:
    """Each of the material `keys` the notes name, as first written ("Gyprock" for drywall): which
    linings a job has, when a bare "wall" or "ceiling" must be read as one of them."""
    first: dict[str, str] = {}
    for line in lines:
        for word in material_words(line.text):
            if word.key in keys:
                first.setdefault(word.key, word.name)
    return first
