"""Spaces the room vocabulary does not know, which the notes introduce by their size ("- Stockroom
(rear), approx. 20 ft x 15 ft", "Arena maze (main floor, approx. 60 ft x 40 ft)", "The WC itself
(about 1.5 by 1.2 metres)"): a reading whose label opens with such a space's word ("Stockroom
slab: 4.9%", "maze ceiling 45 %", "WC skirting 38") was taken there, not in the room of the heading
or the line before it. Used by the readings scan (ReadingPlaces)."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.reading_point_rooms import PART_WORDS
from chalicelib.analysis.offline.reading_row_parts import WHERE_WORDS
from chalicelib.analysis.offline.readings import materials_in
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS

# A size of a space: "approx. 20 ft x 15 ft", "about 1.5 by 1.2 metres", "4.2 x 3.0 m"
_SIZE = re.compile(
    r"(?P<a>\d{1,3}(?:\.\d{1,2})?) ?(?:ft|feet|foot|'|m|metres?|meters?)? ?(?:x|by|\u00d7) ?"
    r"(?P<b>\d{1,3}(?:\.\d{1,2})?)(?! ?(?:mm|cm|in\b|inch|\"))",
    FLAGS,
)
# A line's or a sentence's head naming a space, a word or three ("Stockroom", "Arena maze", "The WC
# itself"), then a bracket, a comma or a colon before its size
_HEAD = re.compile(
    r"[\s\-*\u2022]*(?:(?:the|our) )?(?P<name>[a-z][a-z]+(?:[ -][a-z]{3,}){0,2}?)(?: itself)?"
    r"(?= ?[(,:]| (?:approx|about|is about|measures|measuring)\b)",
    FLAGS,
)
_SIZE_REACH = 45  # how far after its head a space's size may stand ("(main floor, approx. 60 ft x 40 ft)")
_SENTENCE = re.compile(r"(?:^|(?<=[.!?] )|(?<=\n))")
_NOT_A_SPACE = re.compile(
    r"\b(?:hole|cut|cuts|opening|patch|panel|sheet|section|strip|stain|staining|window|door|access|hatch"
    r"|vent|register|sample|house|home|property|building|site|job|loss|note|notes|cause|class|category"
    r"|scope|equipment|readings?|meter|instruments?|total|approx|about|size|dimensions?|item|items|rug|mat"
    r"|table|bench|desk|bed|sofa|couch|cabinet|unit|units|plan|photo|photos|extent|area|areas|affected"
    r"|tile|tiles|board|boards|sheets|damage|water|wet|dry|mould|mold|growth|rooms?|sizes?|measured"
    r"|spread|observations?|origin|risk|equip\w*|work|done|asbestos|heavy|fan|fans|tray|stand|level"
    r"|upstairs|downstairs|upper|lower|ground|first|second|he|she|they|we|what|did|no|not|was|were|is)\b",
    FLAGS,
)
_NEXT_SENTENCE = re.compile(r"\.\s+[A-Z]")
_MIN_SIDE = 1.0  # (a room's side, in metres or feet: a 0.5 x 0.5 patch names no space)
_LEAD_WORD = re.compile(r"[a-z][a-z]+", FLAGS)
_LABEL_PREFIX = re.compile(
    r"^[\s\-*\u2022>]*(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\s*:?\s*|\d{4}-\d{2}-\d{2}\s*:?\s*)?"
    r"(?:(?:the|and|then|our) )*",
    FLAGS,
)


def sized_spaces(text: str) -> dict[str, str]:
    """Each space the notes introduce by its head and size, by its last word in lower case (the
    word a label calls it by: "maze" for "Arena maze"), as written; a word two spaces share is
    nobody's."""
    found: dict[str, str] = {}
    shared: set[str] = set()
    for line in text.splitlines():
        for start in (match.start() for match in _SENTENCE.finditer(line)):
            head = _HEAD.match(line, start)
            if head is None:
                continue
            size = _SIZE.search(line, head.end(), head.end() + _SIZE_REACH)
            if size is None or min(float(size.group("a")), float(size.group("b"))) < _MIN_SIDE:
                continue
            if _NEXT_SENTENCE.search(line, head.end(), size.start()):
                continue  # (a size in the next sentence is another thing's)
            name = head.group("name")
            if not _names_a_space(name):
                continue
            key = name.split()[-1].lower()
            if key in found and found[key].lower() != name.lower():
                shared.add(key)
            found.setdefault(key, name[0].upper() + name[1:])
    return {key: name for key, name in found.items() if key not in shared}


def _names_a_space(name: str) -> bool:
    """A head the vocabulary does not know as a room, and no thing, surface or material."""
    if room_mentions(name) or _NOT_A_SPACE.search(name) or materials_in(name):
        return False
    return not any(WHERE_WORDS.fullmatch(word) or PART_WORDS.fullmatch(word) for word in name.lower().split())


def sized_space_lead(label: str, spaces: dict[str, str]) -> str | None:
    """The sized space a reading's label opens with ("Stockroom, west wall drywall at 6 in",
    "maze sleepers plywood", "the WC plaster"): its words before the first surface or material
    word, ending on the space's word; None when the label opens with anything else."""
    if not spaces:
        return None
    # (the label as a whole, else its last clause: "(Protimeter, WME on skirting): WC skirting", "On
    # Thursday 10th the WC skirting was")
    clause = _CLAUSE.split(label)[-1]
    the = clause.lower().rfind("the ")
    for part in (label, clause, clause[the + 4 :] if the >= 0 else ""):
        found = _opening_space(part, spaces) if part else None
        if found is not None:
            return found
    return None


_CLAUSE = re.compile(r"[:;,(]\s*|\)\s*")


def _opening_space(label: str, spaces: dict[str, str]) -> str | None:
    rest = label[_LABEL_PREFIX.match(label).end() :]  # type: ignore[union-attr]
    words = []
    for word in _LEAD_WORD.finditer(rest[:60]):
        if word.start() > 0 and not rest[: word.start()].replace(" ", "").replace("-", "").isalpha():
            break  # (only the words that open the label, before any comma, bracket or number)
        words.append(word.group(0).lower())
        if len(words) >= 3:
            break
    for count in range(len(words), 0, -1):
        lead = words[:count]
        name = spaces.get(lead[-1])
        if name is not None and set(lead) <= set(name.lower().replace("-", " ").split()):
            return name
    return None
