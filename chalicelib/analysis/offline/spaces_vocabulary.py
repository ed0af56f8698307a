"""The room vocabulary: which words name a space, and how a written room becomes a `Mention`.

A mention keeps the words the notes use for a space ("Bella's room", "1306 bathroom", "Gym storage
room", "granny flat bedsit") when the vocabulary has no better name for it, and carries the level a
qualifier names ("upstairs", "basement", "(main floor)") for whoever builds the area.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from chalicelib.analysis.offline.text import (
    FLAGS,
    collapse,
    matched_key,
)

# Words that do not name a kind of room before "room" ("the room", "each room", "open room").
_NOT_A_ROOM_WORD = (
    r"(?!(?:the|a|an|this|that|these|those|each|every|other|same|which|one|no|any|dry|wet|whole"
    r"|entire|adjoining|next|adjacent|affected|unaffected|his|her|their|our|my|your|its|whose|main"
    r"|front|back|rear|side|upstairs|downstairs|and|or|of|in|into|to|from|per|more|enough|spare"
    r"|guest|kids|open|either|neither|both|big|small|large|single|empty|own|another|first|second"
    r"|third|half|quarter|last|new|old|point|item|code|location|date|material|area|level|with|under|over"
    r"|between|behind|beside|near|across|through|was|were|is|are|has|had|have|read|wall|walls"
    r"|floor|ceiling|carpet|slab|type|unit|units|name"
    # ("ran across a burned room": the state of a room, not its name)
    r"|burned|burnt|charred|flooded|damaged|gutted|sooty|smoky|soaked"
    # ("sat three days in a closed room", "a small patch of a tiled room": how a room was, not its name)
    r"|closed|shut|locked|sealed|vacant|empty|occupied|unoccupied|tiled|carpeted|finished|unfinished"
    r"|musty|humid|stuffy|furnished|unfurnished)\b)"
)


# The first word of a room the vocabulary knows: "finished family room" is the family room, so the
# word before it is no part of another room's name.
_KNOWN_ROOM_WORD = (
    r"(?!(?:family|storage|store|dining|living|laundry|utility|rumpus|powder|bath|bed|show|board|media"
    r"|great|bonus|mud|sun|play|class|server|comms|meeting|conference|waiting|break|lunch|staff|rest"
    r"|wash|rec|recreation|guest|spare|kids|theatre|theater)\b)"
)


# What follows a room's capital initials ("LR", "DR") in a map row: a surface or a material, so that
# the initials are read as the room and not as someone's initials or a title.
_INITIALS_BEFORE = (
    r"(?= (?:ceiling|wall|floor|joist|subfloor|carpet|baseboard|drywall|skirting|plaster|maple|oak"
    r"|hardwood|timber|plank|board|flooring|gib|plasterboard)s?\b)"
)


# (key, pattern): alternatives sharing a key are the same room written differently.
_ROOMS: tuple[tuple[str, str], ...] = (
    ("living_dining", r"(?:living|lounge|family) ?(?:/|&|and) ?dining(?: room| area| rm)?"),
    # ("LR ceiling at duct boot 92", "LR maple by window": field notes' initials in capitals before a
    # surface or a material, as "K" is)
    ("living_room", r"living (?:room|area|rm)|living(?= ?(?:\d|:|carpet|floor))|(?-i:LR)" + _INITIALS_BEFORE),
    # "Family", "Living" alone name a room only before its size or a heading colon ("Family 5x4m").
    ("family_room", r"family (?:room|rm)|family(?= ?(?:\d|:|carpet|floor))"),
    # ("DR maple at opening": only in capitals and before a surface or material, as "Dr" is a title)
    (
        "dining_room",
        r"dining (?:room|area|rm)|dining(?! (?:table|chairs?|set|suite|furniture|hutch))"
        r"|(?-i:DR)" + _INITIALS_BEFORE,
    ),
    ("rumpus_room", r"rumpus(?: room| rm)?"),
    # "The utility" and a map's "5 utility - skirting" are the utility room (as UK notes write it); a
    # utility closet, cupboard, bill or knife is not.
    (
        "utility_room",
        r"utility (?:room|rm)|utility(?= ?(?:\d|:|[-\u2013] ))"
        r"|(?<=\bthe )utility\b"
        r"(?! (?:closet|cupboard|knife|bills?|compan\w+|meters?|sink|tub|lines?|poles?|trailer))",
    ),
    ("powder_room", r"powder (?:room|rm)"),
    # (a "laundry closet" or "laundry cupboard" is the laundry, where the washer stands)
    ("laundry", r"laundry(?: room| rm| area| closet| cupboard)?"),
    # "KIT ceiling drywall wet": field notes' capitals, or "kit" before a surface ("test kit" is none)
    # ("K ceiling by N wall 62 REL": field notes' single capital before a kitchen surface)
    (
        "kitchen",
        r"kitchen|(?-i:KIT)|kit(?= (?:ceiling|wall|floor|cabinet|subfloor|cupboard)s?\b)"
        r"|(?-i:K)(?= (?:ceiling|wall|floor|joist|subfloor|cabinet|cupboard)s?\b)",
    ),
    ("kitchenette", r"kitchenette"),
    ("ensuite", r"en-?suite(?: bathroom)?"),
    # "Bath" alone is as often the tub: only "master bath" or "bath wall/floor/..." is the room.
    (
        "bathroom",
        r"(?:hall|guest|kids|half|main) bath(?:room)?|bath ?room|bath ?rm"
        r"|bath(?(qual)\b|(?= (?:wall|floor|ceiling|vanity|bottom plate|door|subfloor|tile)s?\b))",
    ),
    # "Guest room", "spare room": a bedroom by another name.
    # "BR 2", "Primary BR": a bedroom, by its number or a qualifier ("br" alone is no room)
    # ("master bed skirting", "guest bed wall": a qualified "bed" is the bedroom; "bed frame" is none)
    (
        "bedroom",
        r"bed ?rooms?|bed ?rm|(?:beds?|br)(?= ?#?[1-9]\b)|br(?(qual)\b|(?!))|(?<=guest |spare )room"
        r"|bed(?(qual)\b(?! ?(?:frames?|base|head\w*|linen|sheets?|spread|bugs?|side)\b)|(?!))",
    ),
    # ("the training hall is 14 x 9 m", "function hall", "pool hall": a club's or a venue's big room
    # named for what is done in it, not a passage; its words are kept, and told apart from the
    # corridor the same notes name)
    (
        "use_hall",
        r"(?:training|pool|sports?|function|assembly|banquet|exhibition|concert|drill|dance|games|dojo"
        r"|practice|rehearsal|lecture|examination|exam|reception|dining|mess|meeting) hall(?!\w)",
    ),
    ("hallway", r"hall ?way|hall|corridor(?! (?-i:[A-H])(?![\w/.-]))"),
    # ("no entry to the garage", "entry into the roof space": going in, not the room)
    ("entry", r"entry ?way|(?<!no )entry(?! (?:to|into|through|via|of|was|is|gained|point)\b)|foyer"),
    ("lounge", r"lounge(?: room| rm)?(?! (?:suite|chairs?|furniture))"),
    # British and older US usage: "the front room" is the sitting room, a room of its own name.
    ("front_room", r"(?:front|back) (?:room|rm)(?!s)"),
    # "basement floor drain", "basement stairs": a fixture of the level, not the basement itself.
    ("basement", r"basement(?! (?:floor )?drain| stair| steps| door| window| level)"),
    ("cellar", r"cellar"),
    ("garage", r"garage"),
    (
        "office",
        # "the strata office", "Office booking sheet says": the firm that took the call, not a room.
        r"(?<!strata )(?<!head )(?<!branch )(?<!claims )(?<!post )"
        r"office(?! (?:tenancy|building|block|park|manager|hours|staff|furniture|chair|desk|supplies"
        r"|booking|intake|sheet|says|said|details|records?|system|files?|copy|rang|called))",
    ),
    ("study", r"study"),
    ("walk_in_robe", r"walk-?in (?:robe|wardrobe)|wir(?= |$|:|,)"),
    # A wardrobe is furniture in its room ("wardrobe back panel", "behind the wardrobe"), never a
    # space of its own; only a walk-in one is (above).
    ("closet", r"(?:utility |linen |coat |broom |water heater |furnace |mechanical |ahu )?closet"),
    # ("the cylinder cupboard", "boiler cupboard": the hot water cylinder's or the boiler's)
    (
        "cupboard",
        r"(?:airing|hot water|cylinder|boiler|linen|utility|broom|under-?stair) cupboard|hwc(?= |:|,)"
        # ("the hall cupboard", "landing cupboard": a walk-in cupboard off the hall, one space with it)
        r"|(?:(?<=hall )|(?<=hallway )|(?<=landing ))cupboard"
        # ("the cupboard the cylinder lives in", "cupboard where the boiler is": named by what it houses)
        r"|cupboard(?= (?:that |where |which )?(?:the |our |their )?(?:hot water )?(?:cylinder|boiler"
        r"|water heater|hot water system|hws|furnace) (?:lives|sits|stands|is|was)\b)",
    ),
    ("landing", r"landing"),
    ("showroom", r"show ?room|sales floor"),
    # ("Bakehouse (production floor), 9.0 x 7.5 m": a bakery's working room)
    ("bakehouse", r"bake ?house|production (?:floor|area|kitchen)"),
    # ("Shop front / retail (about 9 m x 6 m)": a small business's public room)
    ("shop_front", r"shop ?front|shop floor|retail (?:area|floor|space)"),
    # ("a 9 x 5 m salon floor": a hairdresser's or beauty business's working floor)
    ("salon", r"(?:hair |beauty |nail )?salon"),
    ("restroom", r"rest ?room|wash ?room|staff (?:toilet|wc)"),
    ("reception", r"reception(?: area)?|waiting (?:room|area)|lobby"),
    ("boardroom", r"board ?(?:room|rm)|conference (?:room|rm)|meeting (?:room|rm)"),
    # ("Open-plan, east partition": the open-plan office named by its adjective alone)
    ("open_office", r"open[- ](?:plan )?office|open[- ]plan(?=[,:;)]| [-\u2013])"),
    ("server_room", r"(?:server|comms) (?:room|rm)"),
    ("break_room", r"(?:break|lunch|staff) ?(?:room|rm)"),
    ("loading_dock", r"loading dock|dock(?= (?:floor|area|door)|:)"),
    ("gym", r"gym(?:nasium)?"),
    ("storage_room", r"stor(?:age|e) ?(?:room|rm)|storeroom"),
    # (a basement's "rec area"; "rec" alone only as a point's bracketed room: "tile by stairs (rec)")
    ("rec_room", r"rec(?:reation)? (?:room|rm|area)|(?<=\()rec(?=\))"),
    ("meals", r"meals(?: area)?(?! (?:table|chairs?|bench))"),
    ("granny_flat", r"granny flat|studio flat"),
    ("bedsit", r"bedsit"),
    ("classroom", r"class ?room"),
    ("operatory", r"operatory"),
    ("sterilization", r"sterili[sz]ation(?: room| rm| area)?"),
    ("dish_pit", r"dish ?pit|dish(?:washing)? area|prep area|walk-in (?:cooler|freezer)"),
    # ("deck oven 2", "the plywood mezzanine deck", "the plant deck above the studio": an oven, a
    # floor's sheeting, a platform for plant; not the outdoor deck; "chipboard floor deck", "catwalk
    # deck", "stage deck": the walking surface of a floor or an indoor platform)
    (
        "outdoor",
        r"verandah?|porch|patio|alfresco"
        r"|(?<!mezzanine )(?<!plywood )(?<!plant )(?<!roof )(?<!steel )(?<!floor )(?<!chipboard )"
        r"(?<!particleboard )(?<!catwalk )(?<!gantry )(?<!platform )(?<!stage )deck(?! ovens?\b)(?= |:|,|$)",
    ),
    # ("kick and pantry base wicking", "pantry food": the kitchen's pantry unit and what it holds)
    (
        "pantry",
        r"pantry(?! (?:base|kick(?:board)?|plinth|doors?|shel(?:f|ves)|cupboard|unit|cabinet|carcass"
        r"|food|items|goods|contents|stock)s?\b)",
    ),
    ("attic", r"attic|roof (?:space|void)"),
    ("loft", r"loft"),
    # ("the crawl": restorers' word for the crawlspace; not its hatch or access, nor "a full crawl of")
    (
        "crawlspace",
        r"crawl ?space"
        r"|(?:(?<=\bthe )|(?<=\bof )|(?<=\bin )|(?<=\binto )|(?<=^)|(?<=[-*:] ))"
        r"crawl(?! ?(?:space|hatch|access|opening|door|of)\b)",
    ),
    # The space under a suspended floor; "subfloor" alone is the sheet material.
    (
        "subfloor_space",
        r"(?:sub-?|under-?)floor (?:void|space|cavity)|sub-floor(?=:| (?:under|beneath|below)\b| -)",
    ),
    # "down stairs" / "up stairs" is a level, not the staircase.
    ("stairwell", r"stair ?(?:well|case)|(?<!down )(?<!up )stairs"),
    ("sunroom", r"sun ?room"),
    # Rooms of older or other houses: the UK scullery and larder, the NZ sleep-out, the snug
    ("scullery", r"scullery|larder"),
    ("conservatory", r"conservatory|sleep-?out|snug"),
    ("cloakroom", r"cloakroom|vestibule"),
    ("breakfast_nook", r"breakfast (?:nook|area|bar area)|nook(?= ?[,:(]| [-\u2013] )"),
    ("library", r"library(?! (?:book|card|board|staff|loan|catalogue|service)s?\b)"),
    ("playroom", r"play ?room"),
    ("nursery", r"nursery"),
    ("mudroom", r"mud ?room"),
    ("den", r"den"),
    ("great_room", r"great (?:room|rm)"),
    ("bonus_room", r"bonus (?:room|rm)"),
    # US notes write "master" for the master bedroom ("master slab 2.9 %MC").
    ("master", r"master(?! ?(?:bed|bath|closet|suite|en-?suite|wardrobe|robe|wir)\w*)"),
    # ("WC 2", "Toilet:"; not the pan a point is by: "behind the toilet 310", "at toilet 24 %MC")
    (
        "toilet_room",
        r"(?<!behind )(?<!behind the )(?<!beside )(?<!beside the )(?<!at )(?<!at the )(?<!by )(?<!by the )"
        r"(?<!near )(?<!near the )(?<!under )(?<!under the )(?<!around )(?<!around the )"
        r"(?:wc|toilet|w/c)(?= ?(?:\d{1,2}\b(?! ?(?:%|wme|rel|mc\b))|:))",
    ),
    ("media_room", r"(?:media|theatre|theater) (?:room|rm)"),
    # A hotel, school or office room known by its number ("Room 412", "room 3B").
    ("numbered_room", r"(?:room|rm) ?#?\d{1,4}[a-z]?(?![\d/.:-]\d)"),
    # A commercial space known by its letter or number ("Studio B", "Ward 4", "Lab 2", "Bay 12").
    (
        "lettered_space",
        # (a clinic's rooms, written short: "Tx rm 2" the treatment room, "consult rm 3")
        r"(?:studio|ward|lab|bay|pod|tenancy|shop|exam(?:ination)?(?: room| rm)?"
        r"|treatment(?: room| rm)?|tx (?:room|rm)|consult(?:ing)?(?: room| rm)?|procedure(?: room| rm)?"
        r"|surgery|cubicle"
        # ("Dorm 4", "Auditorium 2", "Cinema 3": a hostel's, a cinema's or a theatre's rooms by number)
        r"|dorm(?:itory)?|auditorium|cinema|theat(?:re|er)"
        # ("Corridor B": a school's or office's corridors told apart by letter)
        r"|corridor(?= (?-i:[A-H])(?![\w/.-]))"
        # ("Aisle 7", "aisle C": a shop's or a warehouse's runs between the shelving, by number)
        r"|aisle"
        # ("Gallery 2", "Court 3", "Booth B", "Stall 4": a gallery's, a sports centre's or a market's
        # rooms told apart by number)
        r"|gallery|court|booth|stall|vault)"
        # ("Studio B: carpet wet": a letter may head its note; a number before a colon is a time)
        # ("Glazing bay 6 x 4 m": a number that starts a size is the space's size, not its number)
        r" (?:(?-i:[A-H])(?![\w/.-])|\d{1,3}[a-z]?(?![\w/.:-])(?! ?(?:x|by|\u00d7) ?\d))",
    ),
    # ("Linen store", "collection store": a business's store room, known by what it holds; not a shop
    # the writer went to, nor a verb: "the hardware store", "remove store wall")
    (
        "store",
        rf"{_NOT_A_ROOM_WORD}(?!(?:public|grocery|hardware|department|convenience|liquor|retail|online"
        rf"|chain|corner|general|remove|removed|dollar|big-box|local) )[a-z]{{3,14}} store(?![\w-])"
        r"(?! ?rooms?\b)",
    ),
    # Any other "<word> room" the notes use ("steriliser room", "plant room", "story-time room"), kept in
    # their words; last, so every room the vocabulary knows is named its own way first.
    # ("Tx rm 2", "Exam rm 4", "plant rm": field notes shorten "room" to "rm", and a clinic's or a
    # school's numbered rooms to a short word before it; a two-letter word only with the room's number)
    (
        "other_room",
        rf"{_NOT_A_ROOM_WORD}[a-z]{{3,14}}(?:-[a-z]{{3,10}})? "
        rf"(?:{_KNOWN_ROOM_WORD}{_NOT_A_ROOM_WORD}[a-z]{{3,14}} )?(?:room|rm)(?!s)"
        rf"|{_NOT_A_ROOM_WORD}[a-z]{{2}} rm(?= ?#?[1-9]\b)",
    ),
    # "Bella's room", "Tom's bedroom": a room known by whose it is.
    ("named_room", r"[a-z]{2,12}'s (?:bed)?room"),
)


# Rooms that make one space when written together ("kitchen/dining", "open-plan lounge and kitchen").
_OPEN_PLAN = frozenset(
    {"kitchen", "kitchenette", "dining_room", "meals", "lounge", "living_room", "family_room"}
)


# Rooms told apart by the words they are written with.
_WRITTEN_KEYS = frozenset(
    {"named_room", "numbered_room", "lettered_space", "other_room", "closet", "cupboard", "store", "use_hall"}
)


# Levels a qualifier names, by how the notes write them.
_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (level, re.compile(pattern, FLAGS))
    for level, pattern in (
        ("upstairs", r"^(?:upstairs|upper(?: level| floor)?|first floor|second floor|top floor)$"),
        ("downstairs", r"^(?:downstairs|lower(?: level)?)$"),
        ("basement", r"^(?:basement|lower level|cellar)$"),
        ("ground", r"^(?:ground(?: floor| level)?|main floor|main level)$"),
    )
)


_ROOM_QUALIFIER = (
    # A unit or suite number ("1306 bathroom", "Suite 310 kitchenette"), never a date's year.
    r"(?:(?<![/.:\-\d])(?P<unit>(?:(?:unit|suite|apt|flat) ?#?)?\d{3,4}) )?"
    r"(?:(?P<qual>master|primary|main|guest|spare|kids|front|rear|back|upstairs|downstairs|basement"
    r"|lower level|ground floor|first floor|second floor|upper|lower|granny flat) )?"
)


# A room number is one digit that does not start a dimension ("Kitchen 3 x 4 m" is not room 3) or a
# quantity ("baseboard - hall 6 LF, BR2 12 LF"); a slash only joins room numbers ("beds 2/3"), never
# a date ("bed 2 12/05").
_ROOM_NUMBER = (
    r"(?: ?(?:#|no\.? ?)?(?P<num>[1-9])\b"
    r"(?![.,]?\d| ?(?:x|\u00d7|\*|by\b|ft\b|feet\b|foot\b|m\b|metres?\b|meters?\b|mm\b|cm\b|%|'|\""
    r"|lf\b|lm\b|sf\b|sq\b|m2\b|ea\b|lin\b|linear\b)"
    r"|/ ?\d{2}|/\d+/))?"
)


_ROOM_ALTERNATIVES = "|".join(f"(?P<{key}>{pattern})" for key, pattern in _ROOMS)


ROOM_PATTERN = re.compile(rf"\b{_ROOM_QUALIFIER}(?:{_ROOM_ALTERNATIVES})(?![a-z]){_ROOM_NUMBER}", FLAGS)


_ROOM_ABBREVIATIONS = re.compile(r"\brm\b", FLAGS)


_PLURAL = re.compile(r"(?<=room)s$|(?<=bed)s$", FLAGS)


_IS_PLURAL = re.compile(r"(?:rooms|beds)$", FLAGS)


_MORE_NUMBERS = re.compile(r" ?(?:and|&|/|,) ?(?P<more>[1-9])\b(?![.,]?\d| ?(?:x|\u00d7|ft\b|m\b|'))", FLAGS)


# "Kitchen/dining", "kitchen and meals area", "open-plan lounge and kitchen": one space.
_OPEN_PLAN_JOIN = re.compile(r"/| ?& ?| and ", FLAGS)
_OPEN_PLAN_BEFORE = re.compile(r"\bopen[- ]plan $", FLAGS)
_AREA_AFTER = re.compile(r" area\b", FLAGS)


# "the back bedroom (we call it Bedroom 3)": the second name is what the notes call it from then on.
_BRACKET_OPEN = re.compile(r" ?\( ?(?:the |now |aka )?")
_ALIAS_JOIN = re.compile(
    r"^(?: (?:upstairs|downstairs|up|down))? ?[(,-] ?"
    r"(?:referred to (?:here |below |hereafter )?as|(?:we|they|i) call it|called|known as|aka|i\.?e\.?)"
    r" (?:the )?$",
    FLAGS,
)


# "Living room (main floor)": a level in brackets right after the room.
_LEVEL_AFTER = re.compile(r" ?\((?P<level>[a-z ]{4,20})\)", FLAGS)


@dataclass(frozen=True)
class Mention:
    """A room (or reading place) named on a line; `key` tells two spellings of one room apart."""

    key: str
    name: str
    start: int
    end: int
    base: str = ""  # the room without qualifier or number: "bedroom" for "Master bedroom 2"
    qualified: bool = True
    affected: bool = True
    is_room: bool = True
    unaffected: bool = False  # explicitly called unaffected (dry standard, no damage)
    level: str | None = None  # the level a qualifier names: "upstairs", "downstairs", "basement", ...
    collective: bool = False  # "the bedrooms", "both bedrooms": rooms named one by one elsewhere
    heading_only: bool = False  # the line names rooms and nothing else: its section tells whether
    incidental: bool = False  # named for something else in a clause of its own ("access via the hall")
    implied: bool = False  # affected only by its sentence's damage, none said in its own words


def level_of(words: str | None) -> str | None:
    """The level a qualifier names ("upstairs", "first floor", "main floor"), if it names one."""
    if not words:
        return None
    phrase = collapse(words).lower()
    return next((level for level, pattern in _LEVELS if pattern.match(phrase)), None)


def sentence_case(text: str) -> str:
    lowered = collapse(text).lower()
    return lowered[:1].upper() + lowered[1:]


def _room_name(words: Iterable[str | None], base: str) -> str:
    name = " ".join(word for word in words if word)
    name = _ROOM_ABBREVIATIONS.sub("room", name)
    if base == "bedroom" and re.fullmatch(r"(?:[\w ]+ )?(?:bed|br) ?#?\s?[1-9]", name, FLAGS):
        name = re.sub(r"\b(?:bed|br) ?#?\s?", "bedroom ", name, flags=FLAGS)
    elif base == "bedroom":
        name = re.sub(r"\b(?:br|bed)\b", "bedroom", name, flags=FLAGS)  # "Primary BR", "Master bed"
    elif base == "kitchen":
        name = re.sub(r"\bkit\b", "kitchen", name, flags=FLAGS)  # "KIT"
    named = sentence_case(name)
    if base == "lettered_space":  # "Studio B": the letter is a name
        return named[:-1] + name[-1:].upper()
    return named if base != "named_room" else name[:1].upper() + collapse(name)[1:]


def vocabulary_mentions(text: str) -> list[Mention]:
    """Every room the vocabulary names on a line, joined where the notes join them into one."""
    return list(_vocabulary_mentions(text))


# A readings line asks again about the same few words per reading (each list item's head, its own
# label): remembered, a line of thousands of readings costs no more than one pass each.
@lru_cache(maxsize=2048)
def _vocabulary_mentions(text: str) -> tuple[Mention, ...]:
    mentions: list[Mention] = []
    for match in ROOM_PATTERN.finditer(text):
        base = matched_key(match, _ROOMS)
        unit, qualifier, number = match.group("unit"), match.group("qual"), match.group("num")
        written = match.group(base)
        collective = number is None and _IS_PLURAL.search(written) is not None
        written = _PLURAL.sub("", written)
        level = level_of(qualifier)
        level_after = _LEVEL_AFTER.match(text, match.end())
        if level is None and level_after is not None:
            level = level_of(level_after.group("level"))
        words = (unit, qualifier, written, number)
        mention = _numbered(base, words, match.start(), match.end(), level)
        if collective:
            mention = replace(mention, collective=True)
        mentions.append(mention)
        if number is not None:
            # "Bedroom 1 and 2", "Beds 2/3": each number is a room of its own.
            more = _MORE_NUMBERS.match(text, match.end())
            if more is not None:
                words = (unit, qualifier, written, more.group("more"))
                mentions.append(_numbered(base, words, more.start("more"), more.end(), level))
    joined = _join_compounds(text, _without_bracketed_descriptions(text, mentions))
    return tuple(_join_aliases(text, [_ordinal_numbered(text, mention) for mention in joined]))


_SPACE_ROOM_WORD = re.compile(r" (?:room|rm)\b")


def _numbered(
    base: str, words: tuple[str | None, str | None, str, str | None], start: int, end: int, level: str | None
) -> Mention:
    unit, qualifier, written, number = words
    # "main bathroom" is the bathroom: "main" names no other room of the same kind.
    prefix = " ".join(word for word in (unit, qualifier) if word and word.lower() != "main")
    # "Linen closet" and "utility closet" are two closets; "Bella's room" is nobody else's.
    written_words = _ROOM_ABBREVIATIONS.sub("room", collapse(written).lower())
    kind = written_words.rsplit(" ", 1)[0] if base in _WRITTEN_KEYS and " " in written else ""
    numbered = base in ("numbered_room", "lettered_space")
    if numbered:
        # "Room 411" and "room 412" are two rooms; "Rm 411" is the first again
        kind = _ROOM_ABBREVIATIONS.sub("room", collapse(written).lower())
        if base == "lettered_space":  # ("Treatment room 2" and "treatment 2 wall": one room)
            kind = _SPACE_ROOM_WORD.sub("", kind)
        kind = kind.replace(" ", "")
    key_prefix = " ".join(word for word in (prefix, kind) if word)
    return Mention(
        key=f"{key_prefix}|{base}|{number or ''}".lower(),
        name=_room_name(words, base),
        start=start,
        end=end,
        base=base,
        qualified=bool(prefix or number or numbered),
        level=level,
    )


# What follows a slashed pair that names one space: its size, a label's separator or a cell's end.
_ONE_SPACE_AFTER = re.compile(r"\s*(?:,\s*(?=\d))?(?:\(?\d|[:|(]|[-\u2013\u2014]\s|$)", FLAGS)


def _join_compounds(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Gym storage room", "Bedroom 3 closet": a room named by another is one space, keyed by both;
    "kitchen/dining" and "kitchen and meals area" are one open-plan space, known by its first room."""
    joined: list[Mention] = []
    was_joined = False  # two rooms make one space; a third starts another (and keeps this linear)
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous is None or was_joined or previous.collective or mention.collective:
            joined.append(mention)
            was_joined = False
            continue
        between = text[previous.end : mention.start] if mention.start - previous.end <= 5 else "  "
        if _level_cell(text, previous, mention, between):
            # ("Linen store Basement 4.0 x 3.0 m": a table's Level column, run into the room's row)
            level = previous.level or level_of(text[mention.start : mention.end])
            joined[-1] = replace(previous, level=level)
            was_joined = True
            continue
        open_plan = (
            previous.base in _OPEN_PLAN
            and mention.base in _OPEN_PLAN
            and previous.base != mention.base
            and _OPEN_PLAN_JOIN.fullmatch(between) is not None
            and (
                between == "/"
                or _OPEN_PLAN_BEFORE.search(text, max(0, previous.start - 12), previous.start) is not None
                or _AREA_AFTER.match(text, mention.end) is not None
                or mention.name.lower().endswith(" area")
            )
        )
        # ("Laundry/utility 10' x 9'", "Dispensary / colour bar:": two rooms written with a slash and
        # then sized or labelled as one are one space named two ways, known by its first name; "Beds
        # 2/3" are numbers, read apart above; "lounge / hall carpet soaked" and "laundry/hall/bed 2" are
        # lists of rooms, each told of on its own)
        slashed = (
            between.strip() == "/"
            and previous.base != mention.base
            and _ONE_SPACE_AFTER.match(text, mention.end) is not None
        )
        was_joined = True
        if open_plan or slashed:
            joined[-1] = _combined(text, previous, mention, base=previous.base, key=previous.key)
        elif between == " " and previous.base != mention.base and mention.base not in ("granny_flat",):
            key = f"{previous.key.replace('|', ' ').strip()}|{mention.base}|{mention.key.rsplit('|', 1)[1]}"
            joined[-1] = _combined(text, previous, mention, base=mention.base, key=key)
        else:
            joined.append(mention)
            was_joined = False
    return joined


# A level a table writes in a column of its own: capitalised, right after the room, before its size.
_LEVEL_BASES = frozenset({"basement"})
_SIZE_NEXT = re.compile(r" \d", FLAGS)


def _level_cell(text: str, room: Mention, level: Mention, between: str) -> bool:
    return (
        between == " "
        and level.base in _LEVEL_BASES
        and room.base not in _LEVEL_BASES
        and text[level.start].isupper()
        and _SIZE_NEXT.match(text, level.end) is not None
    )


def _combined(text: str, first: Mention, second: Mention, *, base: str, key: str) -> Mention:
    name = sentence_case(text[first.start : second.end])
    name = _ROOM_ABBREVIATIONS.sub("room", name)
    return Mention(
        key=key.lower(),
        name=name,
        start=first.start,
        end=second.end,
        base=base,
        qualified=True,
        level=first.level or second.level,
    )


def _without_bracketed_descriptions(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Back dining room (private room)": an unknown "<word> room" in brackets right after a room
    describes it; it is no room of its own."""
    return [
        mention
        for index, mention in enumerate(mentions)
        if not (
            index
            and mention.base == "other_room"
            and re.fullmatch(r" ?\( ?", text[mentions[index - 1].end : mention.start])
        )
    ]


# "the 3rd bedroom", "our second bedroom": a bedroom counted by an ordinal is the one a plan numbers so.
_ORDINAL_BEFORE = re.compile(
    r"\b(?:(?P<digit>[1-9])(?:st|nd|rd|th)|(?P<word>second|third|fourth|fifth|sixth)) $", FLAGS
)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def _ordinal_numbered(text: str, mention: Mention) -> Mention:
    if mention.base != "bedroom" or mention.key != "|bedroom|" or mention.collective:
        return mention
    ordinal = _ORDINAL_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    if ordinal is None:
        return mention
    number = ordinal.group("digit") or str(_ORDINALS[ordinal.group("word").lower()])
    return replace(mention, key=f"|bedroom|{number}", name=f"Bedroom {number}", start=ordinal.start())


# "the 3rd bedroom (the kids' playroom, we call it the back room)": a gloss before the name the notes
# then use, in the same bracket; every room the bracket names is that one room.
_GLOSSED_ALIAS = re.compile(
    r"^ ?\([^()]{0,50}?[,;] ?(?:(?:we|they|i) (?:call|called) it|(?:it'?s |is )?(?:called|known as)|aka)"
    r" (?:the |our )?$",
    FLAGS,
)


def _join_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "the back bedroom (we call it Bedroom 3)": both mentions are the room the notes call Bedroom 3."""
    out = list(mentions)
    for index in range(len(out) - 2):
        first, third = out[index], out[index + 2]
        if _GLOSSED_ALIAS.match(text[first.end : third.start]):
            for each in (index, index + 1):
                out[each] = replace(
                    out[each], key=third.key, name=third.name, level=out[each].level or third.level
                )
    for index in range(len(out) - 1):
        first, second = out[index], out[index + 1]
        between = text[first.end : second.start]
        if (first.base == second.base and _ALIAS_JOIN.match(between)) or (
            # ("Mikaere's room (bedroom 2, 3.4 x 3.0)": a room known by whose it is, then the name
            # the plan gives it, first in its bracket)
            first.base == "named_room" and second.base != "named_room" and _BRACKET_OPEN.fullmatch(between)
        ):
            out[index] = replace(first, key=second.key, name=second.name, level=first.level or second.level)
    return out
