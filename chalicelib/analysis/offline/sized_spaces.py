"""A space the vocabulary does not know, named by the size written straight after it: "- Group
fitness studio, 14 x 9 m.", "- Salon (styling floor) 7.5 x 4.8 m."
or a table row "| Dish station | 12 x 10 ft | entire floor |". Commercial
losses name their spaces their own way; a name followed at once by a room's size is a space, kept in
the notes' words (a cut, hole, sheet or piece of material with a size is not)."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.material_words import material_words
from chalicelib.analysis.offline.measure_rooms import thing_sized
from chalicelib.analysis.offline.measures import DIMENSIONS
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS, collapse

_SIZED_NAME = re.compile(
    # ("2.5 Vocal booth: 8 ft x 6 ft", "3) Tack room 4 x 3 m": a report's section number before it)
    r"^[\s\-*\u2022|]*(?:(?:\d{1,2}(?:\.\d{1,2}){1,2}\.?|\d{1,2}[.)])\s+)?(?P<name>[a-z][a-z'&/ ]{2,40}?)"
    # ("Salon (styling floor) 7.5 x 4.8 m", "Backwash (3 basins) 3.0 x 2.4 m": the name's gloss)
    r"(?: ?\((?![^()]{0,30}?\d ?(?:x|by|\u00d7) ?\d)[^()]{1,30}\))?"
    r" ?(?:,|\||:|-|\u2013)? ?"
    # ("Stockroom (rear), approx. 20 ft x 15 ft", "Arena maze (main floor, approx. 60 x 40 ft): ...":
    # the size hedged, or opening the name's bracket after a gloss of its own)
    r"(?:\([^()\d]{1,30}?[,;] ?)?(?:(?:approx(?:imately|\.)?|about|roughly|circa|c\.|~) ?)?(?=\d)",
    FLAGS,
)
_MAX_WORDS = 4
# A thing with a size, not a space: what was cut, lifted or measured, or a size's own label.
_NOT_A_SPACE = re.compile(
    r"\b(?:cuts?|holes?|openings?|sections?|patch(?:es)?|samples?|pieces?|windows?|doors?|slabs?|sheets?"
    r"|tiles?|boards?|panels?|hatch(?:es)?|manholes?|access|benches|vanity|cabinets?|bench|sizes?|dimensions?|overall|total|approx\w*"
    r"|about|roughly|area|areas|standard|stain|burn|pattern|mark|void|ceiling|walls?|floors?|rug|mat"
    r"|one|two|three|four|five|six|a|an|each|per|every|some|all"
    # "The 3 x 3 ft access hatch was used": a determiner is no name; the size is the next noun's
    r"|the|this|that|these|those|its|their|our|my|his|her|your"
    # "Containment poly tent 4 x 4 m": what was put up around the wet zone, sized as work, not a room
    r"|containments?|tents?|enclosures?|poly|polythene|sheeting|barriers?"
    # "- Drill 4 x 8 mm vent holes in pantry base": a scope line's verb and its work, not a space
    r"|drill|bore|core|cut|remove|replace|install|fit|lift|strip|sand|seal|paint|supply|dispose|apply"
    r"|treat|clean|vent|holes?"
    # "Room is 10 x 8", "the space measures 3 x 4 m": the room the notes are on, said with a verb
    r"|is|are|was|were|measures|measuring"
    # (a verb's past, not a noun that ends the same way: "Gear shed 12 x 8 m", "Garden bed 3 x 1 m")
    r"|(?!(?:shed|bed)\b)[a-z]+ed)\b",
    FLAGS,
)

# ("- Settee area (lanes 9-16): 64 ft x 16 ft", "Kids' play area 5 x 4 m": a venue's space named for
# what is done there is a space; "Wet area: 12 x 10 ft", "Work area 3 x 3 m", "Floor area 20 x 12 ft"
# name a size's extent or a work zone, not a space)
_AREA_LABEL = re.compile(
    r"\b(?:wet|dry|damp|moist|drying|work|working|floor|surface|square|sq|claim|loss|site|zone|spill"
    r"|water|leak|flood|damage|affected|total|gross|net|plan|footprint|roof|ground|plot|lot|land"
    r"|drip|splash|test|sample|containment)\b",
    FLAGS,
)
_AREA_END = re.compile(r" area$", FLAGS)

_DETERMINER = re.compile(r"the|this|that|its|their|our|my|his|her|your", FLAGS)
_NAME_AFTER = re.compile(
    r" ?(?P<name>[a-z][a-z'&/ ]{2,40}?)"
    r"(?= ?(?:[,.;:(\u2013]|$|- |\b(?:is|was|were|has|had|with|where|in|on|at|by|and|got|took)\b))",
    FLAGS,
)


def sized_space_mentions(text: str) -> list[Mention]:
    """The space a line names by its size at the line's start, when no word of the vocabulary does."""
    match = _SIZED_NAME.match(text)
    size = None if match is None else DIMENSIONS.match(text, match.end())
    if match is None or size is None or thing_sized(text, size.end()):
        return []
    name, start = collapse(match.group("name")).strip(" -/&'"), match.start("name")
    if _DETERMINER.fullmatch(name):
        # "The 6 x 4 m glazing bay, slab wet": a size before its name is the space named after it
        named = _NAME_AFTER.match(text, size.end())
        if named is None:
            return []
        name, start = collapse(named.group("name")).strip(" -/&'"), named.start("name")
    # ("Dispensary / frame display area": one space by two names; the slash is no word)
    words = [word for word in name.split() if word not in ("/", "&")]
    head = _AREA_END.sub("", name)
    checked = head if head != name and _AREA_LABEL.search(head) is None else name
    # (its first name says what the space is: "frame display" after the slash is what it holds)
    first = name.split(" / ")[0]
    if not words or len(words) > _MAX_WORDS or _NOT_A_SPACE.search(checked) or material_words(first):
        return []
    name = name[:1].upper() + name[1:]
    key = f"label|{name.lower()}"
    return [Mention(key=key, name=name, start=start, end=start + len(name), base=key, qualified=True)]


# A line (or a list's item) led by a name and a colon or a dash: "- Female amenities: blockwork 820".
_LEAD_NAME = re.compile(
    r"^[\s\-*\u2022]*(?P<name>[A-Za-z][A-Za-z'&/ ]{2,40}?)\s*(?:\([^()]{0,30}\))?\s*(?::|\s[-\u2013]\s)"
)


def named_space_lead(text: str, spaces: dict[str, str]) -> list[Mention]:
    """A space the notes named once by its size ("Female amenities 7.2 x 5.0 m: ...", `spaces`: such
    spaces' keys by name), named again by the same words alone leading a later line: "- Female
    amenities: blockwork at 300 mm 820; floor 700" is that space's line, though no vocabulary word
    says so. Only the whole name at the lead: "amenities" alone, or the name inside a sentence,
    could be either of two such spaces."""
    if not spaces:
        return []
    match = _LEAD_NAME.match(text)
    if match is None:
        return []
    name = collapse(match.group("name")).strip()
    key = spaces.get(name.lower())
    if key is None:
        return []
    start = match.start("name")
    return [Mention(key=key, name=name[:1].upper() + name[1:], start=start, end=start + len(name), base=key)]
