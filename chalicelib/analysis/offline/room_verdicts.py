"""What a line says of one room beyond its damage words: a verdict in brackets after it ("Bedroom 1
(unaffected)"), a form's "Basement - none", a list under "Checked and NOT affected:", a sentence
of its own line that is only the verdict ("... door shut, clean. Not affected."), a sentence that
sets it apart from this loss ("not related to this loss"), and a fixture named as a spot in
another room ("OSB at toilet")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from chalicelib.analysis.offline.room_states import (
    DAMAGE_CONTEXT_WORDS,
    READING_NUMBER,
    REFERENCE_BEFORE,
    SAID_DRY,
    THRESHOLD_ONLY,
    UNAFFECTED,
    UNAFFECTED_MILD,
    WET,
    seen_damage,
    unnegated,
)
from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS, Sentences

# Spaces that are also fixtures or built-ins of another room: "at the toilet" is a spot, not a room.
_BUILT_IN_SPACES = frozenset({"toilet_room", "closet", "cupboard", "pantry"})
_AT_BEFORE = re.compile(r"\bat (?:the )?$", FLAGS)

# "Checked and NOT affected: Units 301 ..., the 102 bathroom (ceiling dry)": every room after it.
UNAFFECTED_LEAD = re.compile(
    r"^\W*(?:checked(?: and)?,? )?(?:not affected|unaffected|not impacted|no damage|dry)(?: rooms?| areas?)?"
    # "Not affected per vendor:", "Unaffected (checked by the plumber):"
    r"(?: \([^()]{0,30}\)| (?:per|according to|as checked by|checked by) [\w.' ]{1,30}?)? ?:",
    FLAGS,
)
# "Reference: laundry drywall 9 %, front entry oak 8 %MC", "Dry standards - bed 3 wall 11": a line
# the dry standards' label leads; every room it names is where a standard was read.
# ("Standards taken 11/8: master bedroom wall 8 %; ...", "Std: hall laminate 15": the bare word, and
# when or how they were taken, before the colon)
REFERENCE_LEAD = re.compile(
    r"^\W*(?:dry )?(?:references?|refs?|dry (?:std|standard)s?|standards?|stds?|baselines?)"
    r"(?: (?:readings?|points?|rooms?|areas?|values?))?"
    r"(?: (?:taken|read|measured|used)(?: [\w/.]+){0,2})?"
    r"(?: \([^()]{0,30}\))? ?(?::|\s[-\u2013])\s",
    FLAGS,
)
# "Basement - none; house on crawlspace": a form's room with nothing in it.
# "Garage: nothing." / "Garage - nothing to report": the writer looked and found nothing there.
_NONE_AFTER = re.compile(
    r" ?[-:\u2013] ?(?:none|n/a|nil)\b"
    r"| ?[-:\u2013] ?nothing(?: (?:found|noted|seen|observed|to (?:report|note)))?\s*(?:[.;]|$)"
    # a survey's row, its cells run together: "Hallway 1 Normal; tape lift unremarkable"
    r"|(?: ?[-:\u2013] ?| )(?:normal|unremarkable|nothing visible)\s*(?:[.;,]|$)"
    # a table's row: "Hallway | - | Nothing visible; tape lift normal | 1", empty cells between
    r"|(?: ?\| ?[-\u2013]?)+ ?(?:none|nil|nothing (?:visible|found|noted|seen)|normal|unremarkable)"
    r"\s*(?:[.;,|]|$)",
    FLAGS,
)
# What sets a room's whole sentence apart from this loss ("a small leak at the kitchen sink ...; no
# damage, not related to this loss and not claimed").
# What the writer calls this job's loss or its work, in whatever word ("not part of this problem", "not
# part of the remediation", "not related to the incident").
_THIS_LOSS = r"(?:leak|loss|event|claim|problem|incident|issue|flood|fire|escape)"
_THIS_WORK = r"(?:scope|job|claim|works?|remediation|clean-?up|drying|repairs?|project)"
UNRELATED = re.compile(
    rf"\bnot (?:from |part of |related to |caused by )?(?:this|the) {_THIS_LOSS}\b|\bunrelated\b"
    r"|\bnot claimed\b"
    # "a mouldy smell in the bathroom too - it is the shower silicone, not part of this."
    rf"|\bnot part of (?:this|the {_THIS_WORK})(?= ?(?:[.;)]|$))"
    # "a cleaning issue - not part of this assessment's affected areas", "not part of the survey's scope"
    rf"|\bnot (?:part of|in|among|one of) (?:this|the) (?:{_THIS_WORK}|{_THIS_LOSS}"
    r"|assessment|inspection|survey|report)(?:'s|\u2019s) (?:affected )?(?:areas?|rooms?|spaces?|scope)\b"
    # "says it's an old patch and has nothing to do with this"
    r"|\b(?:has|had|is|was)(?: got)? nothing to do with (?:this|the (?:leak|loss|event|claim))\b"
    # "Garage has silt but is detached, listed under other structures - not in this log."
    r"|\bnot (?:in|included in) (?:this|the) (?:log|report|scope|claim|job|estimate)(?= ?(?:[.;)]|$))"
    # "condensation spots on the extractor grille only - housekeeping": routine cleaning, not this loss
    # (not the hotel's department: "suite returned to housekeeping")
    # ("normal surface mould on the silicone only (housekeeping)": the bracket is that verdict)
    r"|(?:[-\u2013,;:] |\( ?|\b(?:is|just|only) )(?:(?:normal|routine|general|ordinary) )?housekeeping\b"
    r"(?! (?:staff|team|carts?|closets?|rooms?|department|stor\w*))",
    FLAGS,
)
# "... only a little odour in bedroom 1, which was there before. Not part of the scope.": a sentence
# that is only that verdict speaks for the rooms of the sentence before it.
_BARE_UNRELATED = re.compile(
    rf"\s*(?:(?:it|this|that)(?: is|'s|was)? )?(?:not part of (?:this(?: {_THIS_LOSS})?|the {_THIS_WORK})"
    rf"|not (?:related to|from|caused by) (?:this|the) {_THIS_LOSS}|unrelated|not claimed)"
    r"\s*[.!]?\s*(?:$|(?<=[.!])\s)",
    FLAGS,
)
_LABEL_COLON = re.compile(r" ?:")
# ("Stairwell: water ran down the painted treads - it shed, we wiped it. Not an area.": the writer
# rules the space out as an area in so many words)
_BARE_VERDICT = re.compile(
    r"\b(?:not affected|unaffected|not impacted|no damage|not involved|not wet"
    r"|not an? (?:affected |wet )?(?:area|room))"
    # ("Not affected as far as I could see.": looked in from the door; "Not an affected area for
    # remediation.", "not a wet area for drying": what it is no area for)
    r"\b(?: as far as (?:i|we) could (?:see|tell)| for (?:the )?[a-z]+(?: (?:or|and) [a-z]+)?)?"
    r"(?:[.!](?=\s)|[.!]?\s*$)",
    FLAGS,
)
# "Bedroom 1 (unaffected) drywall 8 ...": a bracket after a room gives that room's verdict.
_VERDICT_BRACKET = re.compile(
    # ("Bedroom drywall (std) 9": a dry standard's row, its bracket after the material)
    r"[^()|\d.;]{0,30}?\("
    r"(?:[^()]{0,24}?\b(?:unaffected|not affected|dry (?:standard|std)|std|reference|ref)\b"
    # ("upstairs hallway wall (he said this is his "dry" number to compare to) - 10")
    r"|[^()]{0,50}?\b(?:numbers?|readings?|figures?) to compare (?:to|against|with)\b)"
    r"[^()]{0,24}\)",
    FLAGS,
)
_UNREACHED = re.compile(
    rf"\b(?:{THRESHOLD_ONLY})\b|\bwater stopped (?:at|short of|before)\b"
    r"|\bstopped the water\b|\b(?:held|kept) the water (?:back|out)\b"
    r"|\b(?:water )?did(?: not|n'?t) (?:get|come|go|make it) (?:there|in|into|that far|this far)\b"
    r"|\b(?:water )?(?:did(?: not|n'?t) reach|never reached)\b",
    FLAGS,
)
# (a report's numbering too: "4.4 The lounge below bedroom 2: ... Not affected.")
_LINE_LEAD = re.compile(r"[\s\-*\u2022>]*(?:\d{1,2}(?:\.\d{1,2}){0,2}[.)]? )?(?:the )?", FLAGS)
_VERDICT_LEAD = 80  # how far back a verdict's clause is read for its subject


# "the floor drain in the utility room - had water in the trap, which is normal": what was seen there
# is called normal, so the room is not damaged by it.
_CALLED_NORMAL = re.compile(
    r",? (?:which|that|this|it)(?: is|'s| was) (?:quite |perfectly |entirely )?(?:normal|expected"
    r"|to be expected|usual|by design)\b",
    FLAGS,
)


class CalledNormal:
    """Whether a room's sentence, after it, calls what it saw normal and sees no damage past that
    (each line searched once, each call weighed once: a long line of rooms stays linear)."""

    def __init__(self, text: str, sentences: Sentences) -> None:
        self._text = text
        self._sentences = sentences
        self._calls = [match.start() for match in _CALLED_NORMAL.finditer(text)]
        self._ends = [match.end() for match in _CALLED_NORMAL.finditer(text)] if self._calls else []
        self._weighed: dict[int, bool] = {}

    def __call__(self, mention: Mention) -> bool:
        if not self._calls:
            return False
        index = bisect_left(self._calls, mention.end)
        _, end = self._sentences.bounds(mention.start)
        if index >= len(self._calls) or self._calls[index] >= end:
            return False
        if index not in self._weighed:
            self._weighed[index] = not seen_damage(self._text, self._ends[index], end)
        return self._weighed[index]


def is_spot(text: str, mention: Mention) -> bool:
    """ "at the toilet", "at closet": a space that is also a fixture, named as a spot to read at."""
    return mention.base in _BUILT_IN_SPACES and bool(
        _AT_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    )


def says_none(text: str, mention: Mention) -> bool:
    return _NONE_AFTER.match(text, mention.end) is not None


# "Kitchen wall next to it 160 (dry - my standard)": a reading's bracket that calls it the standard.
_READING_BRACKET = re.compile(
    r"[^()|.;]{0,30}?\b\d{1,4}(?:\.\d{1,2})?\s*(?:%|wme|rel|%mc)?\s*\(\s*(?:dry\s*[-\u2013,:]?\s*)?"
    r"(?:(?:my|our|the|a) )?(?:dry )?(?:standard|std|reference|ref)\b[^()]{0,24}\)",
    FLAGS,
)


def bracket_verdict(text: str, found: Sequence[Mention], index: int) -> bool:
    """ "Bedroom 1 (unaffected) drywall 8", "| Front bedroom wall, upstairs (reference) |": a bracket
    after a room, before any other room, gives that room's verdict."""
    match = _VERDICT_BRACKET.match(text, found[index].end) or _READING_BRACKET.match(text, found[index].end)
    following = found[index + 1].start if index + 1 < len(found) else len(text)
    return match is not None and match.end() <= following


_CLAUSE_BREAK = re.compile(r"[,;]")
_DASH_BREAK = re.compile(r"[,;]| [-\u2013\u2014] ")
# What only a whole space is called ("- not a drying area", "- contents only"), so a dash opens its
# clause as a comma does; a bare "- not wet" after a part ("the timber floor ... reads normal - not
# wet") is that part's.
_SPACE_VERDICT = re.compile(r"\b(?:area|room|space|zone|contents)\b", FLAGS)
_BUT = re.compile(r"but|though|although", FLAGS)
_OUTSIDE_HOME = re.compile(r"outbuilding|dwelling|house", FLAGS)


def verdict_leads(text: str, sentences: Sentences, mention: Mention) -> bool:
    """A room's line that describes damage is unaffected only where a sentence (or the words after
    its heading, or a clause) starts with the verdict: "Kitchen: not affected, though the laundry
    vinyl is wet", "Water stopped at the threshold; tile dry, not affected";
    "Kitchen: vinyl wet. Cabinets not damaged." is about the cabinets. Words that say the water
    never got there ("water stopped at the step down") speak for the room wherever they stand."""
    if _UNREACHED.search(text):
        return True
    for match in UNAFFECTED.finditer(text):
        start, _ = sentences.bounds(match.start())
        low = max(start, mention.end if start <= mention.start else start, match.start() - _VERDICT_LEAD)
        lead = text[low : match.start()]  # (bounded: a long line costs no more)
        breaks = _DASH_BREAK if _SPACE_VERDICT.search(match.group(0)) else _CLAUSE_BREAK
        rest = breaks.split(lead)[-1].strip(" :-\u2013*")
        # (a clause opened by "but" that puts the space outside the home: "slab wet at the door, but
        # it's an outbuilding"; not "vinyl wet, but not affected beyond it")
        if not rest or (_BUT.fullmatch(rest) and _OUTSIDE_HOME.search(match.group(0))):
            return True
    return False


def verdict_sentence(text: str, sentences: Sentences, found: Sequence[Mention]) -> bool:
    """ "Laundry: at the back past the kitchen, door shut, clean. Not affected.": the first room of
    a line it heads, and a sentence of that line that names no room and is only the verdict."""
    # (a line that opens on the room heads it too: "Room 4 shares the library's east wall. Readings
    # on the Room 4 side were normal. Not affected.")
    if not found or (
        _LABEL_COLON.match(text, found[0].end) is None
        and _LINE_LEAD.fullmatch(text, 0, found[0].start) is None
    ):
        return False
    named = {sentences.bounds(mention.start) for mention in found}
    for match in _BARE_VERDICT.finditer(text):
        start, end = sentences.bounds(match.start())
        if (start, end) not in named and not text[start : match.start()].strip():
            return True  # (the sentence is the verdict: "Cabinets not damaged." is about the cabinets)
    return False


# ("Condition 1 - not part of this problem."): a survey's grade may lead the verdict's sentence
_GRADE_LEAD = re.compile(r"\s*(?:cond(?:ition)?\.? ?1|nothing (?:found|seen)|dry)\s*[-\u2013,;:]?", FLAGS)


def unrelated_next(text: str, sentences: Sentences, mention: Mention, next_room: int | None = None) -> bool:
    """Whether a later sentence of the room's, before the next room named (`next_room`), is only a
    verdict setting it apart from this loss ("Rumpus room ceiling: an old stain. Dry on the meter.
    Condition 1 - not part of this problem.")."""
    end = sentences.bounds(mention.start)[1]
    stop = len(text) if next_room is None else min(next_room, len(text))
    while end < stop:
        lead = _GRADE_LEAD.match(text, end)
        if _BARE_UNRELATED.match(text, lead.end() if lead else end) is not None:
            return True
        if next_room is None:
            return False  # (no room of the line's own heads it: only the sentence straight after)
        end = sentences.bounds(end + 1)[1]
    return False


_SENTENCE_STOP = re.compile(r"[.;!?](?:\s|$)")
_WRAP_READ = 200  # how much of the next line is read for the end of a wrapped sentence


def unrelated_when_wrapped(text: str, following: str, found: Sequence[Mention]) -> int | None:
    """Where the last sentence of a line begins, when the next line goes on with it to set it apart
    from this loss ("... a damp patch in the understair cupboard last week, but the plumber checked
    it" over "and says it is an old one and has nothing to do with this."); else None."""
    if not found:
        return None
    stop = _SENTENCE_STOP.search(following, 0, _WRAP_READ)
    tail = following[: stop.start() if stop else min(len(following), _WRAP_READ)]
    if UNRELATED.search(tail) is None:
        return None
    start = Sentences(text).bounds(len(text))[0]
    return start if sum(mention.start >= start for mention in found) == 1 else None


# "hose water ran across the vinyl and down the basement stairs", "reached it down the stairs": a
# stair named as the way the water went is its path to the rooms below, not an area of its own.
# ("ran down the tiled half-flight of stairs": the stair's own words between)
_WAY_DOWN = re.compile(r"\b(?:down|up|via) (?:the |a )?(?:[\w-]+ ){0,2}(?:(?:[\w-]*flight|run) of )?$", FLAGS)
# "stairs only got the bottom tread wet", "Stairs carpet - bottom tread damp only, top treads dry",
# "water reached the floor at the bottom step only": the water stopped at the foot of the stair, which
# is where the wet ended, not a space of its own. "only" stands next to the foot, on either side of it,
# in one clause ("only the runner was wet, from the top step to the bottom" is no foot).
_FOOT = (
    r"\b(?:the )?(?:bottom|lowest|first|last)(?: (?:one|two|couple of|few|\d))?"
    r" (?:treads?|steps?|risers?|stairs?|nosings?)\b"
)
_FOOT_ONLY = re.compile(
    rf"{_FOOT}[^.;,()]{{0,30}}?\bonly\b|\bonly\b[^.;,()]{{0,30}}?{_FOOT}",
    FLAGS,
)
_FOOT_READ = 120  # how far after the stair its foot is read


def foot_only(text: str, sentences: Sentences, mention: Mention) -> bool:
    """A stair whose sentence, after it, says the water reached only its foot."""
    if mention.base != "stairwell":
        return False
    _, end = sentences.bounds(mention.start)
    return _FOOT_ONLY.search(text, mention.end, min(end, mention.end + _FOOT_READ)) is not None


_CLAUSE_STOP = re.compile(r"[,;.!?|(]| [-\u2013\u2014] ")
_CLAUSE_READ = 80


def is_waterway(text: str, mention: Mention) -> bool:
    """(unless its own clause goes on to its damage: "down the stairs and soaked the stair carpet")"""
    if mention.base != "stairwell":
        return False
    if not _WAY_DOWN.search(text, max(0, mention.start - 36), mention.start):
        return False
    stop = _CLAUSE_STOP.search(text, mention.end, mention.end + _CLAUSE_READ)
    clause = text[mention.end : stop.start() if stop else min(len(text), mention.end + _CLAUSE_READ)]
    return not seen_damage(clause, 0, len(clause))


_SENTENCE_LEAD = re.compile(r"[\s\-*#>\u2022\d.)]*")
_OWN_LEAD = re.compile(r"[\s\-*#>\u2022\d.)]*(?:the )?", FLAGS)  # also "The bathroom is NOT affected."


# "Dining room and powder room not affected.": a sentence that opens on a list of rooms ending in it
_LIST_GAP = re.compile(r"(?:\s|,|&|/|\+|\band\b|\bor\b|\bthe\b)*", FLAGS)


def _opens_list(text: str, start: int, room: Mention, rooms: Sequence[Mention]) -> bool:
    before = [other for other in rooms if start <= other.start < room.start]
    if not before or _OWN_LEAD.fullmatch(text, start, before[0].start) is None:
        return False
    ends = [other.end for other in before]
    starts = [other.start for other in before[1:]] + [room.start]
    return all(_LIST_GAP.fullmatch(text, end, begin) for end, begin in zip(ends, starts, strict=True))


def own_sentence_clear(text: str, room: Mention, rooms: Sequence[Mention] = ()) -> bool:
    """A sentence that opens on the room and tells no damage: "Hall: the walls read dry. Not
    affected."; also later on a line ("Carpet under it wet. Bedroom 1 is dry - nothing there, the
    office got it wrong."): the room's own verdict, whatever the line's other sentences say. Its water
    words may only say the water never got there ("its door threshold stopped the water") or that
    what is seen is old and set apart from this loss ("an old water mark from 2019 ... unrelated")."""
    start, end = Sentences(text).bounds(room.start)
    if _OWN_LEAD.fullmatch(text, start, room.start) is None and not _opens_list(text, start, room, rooms):
        return False
    return not seen_damage(text, start, end) or (
        _UNREACHED.search(text, start, end) is not None or UNRELATED.search(text, start, end) is not None
    )


# "The basement is unfinished and nothing in it was wet except the underside of the floor above": a
# space below the loss that only shows the wet structure of the rooms over it is where it was seen from.
_ONLY_FLOOR_ABOVE = re.compile(
    r"\bnothing (?:in (?:it|there|here) |down there )?(?:was|is|got) (?:wet|damp|affected)"
    r" (?:except|but|apart from|other than|besides) (?:for )?the (?:underside|underneath|bottom|soffit)"
    r" of the (?:floor|subfloor|deck|floor ?boards)(?: above| over it)?\b",
    FLAGS,
)


_VERDICT_REACH = 300  # how far after a room its sentence's verdict is read


def only_floor_above_wet(text: str, sentences: Sentences, found: Sequence[Mention], index: int) -> bool:
    """Whether a sentence that names this room (at or after it) says only the floor above it was wet."""
    room = found[index]
    # (read a bounded stretch after the room: a long line of rooms stays linear)
    match = _ONLY_FLOOR_ABOVE.search(text, room.start, room.end + _VERDICT_REACH)
    if match is None:
        return False
    start, _ = sentences.bounds(match.start())
    return any(
        other.key == room.key and start <= other.start < match.start() and other.start >= room.start
        for other in found
    )


# "Store room floor is sealed epoxy - the water ran to the drain and it needs no drying": nothing there
# for the drying to do. (Water that ran across it is no wet material: only these words are.)
# ("The garage also took water but it is bare slab; hosed out, needed no drying": it was an area)
_HELD_WET = re.compile(
    r"\b(?:wet|soaked|saturated|damp|sodden|swollen|wicking|took (?:in |on |some )?water)\b", FLAGS
)
_NO_DRYING = re.compile(
    r"\b(?:needs?|needed|requires?|required) no (?:drying|dry-?out)\b"
    r"|\bno drying (?:is |was )?(?:needed|required)\b"
    r"|\b(?:does|did)(?: not|n'?t) (?:need|require) (?:any )?drying\b"
    # "a few drips on the brick floor; it had dried by Tuesday and needs nothing", "a few drips on
    # the treads; wiped, nothing else": a trace already dealt with on the day
    r"|\b(?:needs?|needed|requires?|required) nothing(?: (?:else|more|further))?\s*(?:[.;]|$)"
    r"|\bnothing (?:else |more |further )?to dry\b"
    # ("it needed nothing more than a mop", "only needed a wipe-over", "needs just a squeegee": a
    # quick clean-up was all the work there, nothing held the water)
    r"|\b(?:needs?|needed|requires?|required|wanted) (?:nothing|no more|little) (?:more |else )?than"
    r" (?:an? )?(?:quick )?(?:mop|wipe|squeegee|towel)"
    r"|\b(?:only|just) (?:needs?|needed|requires?|required|wanted|got|had) (?:an? )?(?:quick )?"
    r"(?:mop|wipe|squeegee|towel)"
    r"|\b(?:needs?|needed|requires?|required) (?:only|just) (?:an? )?(?:quick )?(?:mop|wipe|squeegee|towel)"
    r"|\b(?:wiped|mopped|dried)(?: (?:up|off|down|dry|out))?(?: it| them)?(?:,|;| [-\u2013]) ?"
    r"nothing (?:else|more)\b",
    FLAGS,
)


def says_no_drying(text: str, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` say nothing there needs drying and call nothing wet."""
    return _NO_DRYING.search(text, start, end) is not None and not unnegated(_HELD_WET, text[start:end])


def needs_no_drying(text: str, sentences: Sentences, room: Mention) -> bool:
    """A sentence that opens on the room, says it needs no drying and calls nothing in it wet."""
    start, end = sentences.bounds(room.start)
    if _OWN_LEAD.fullmatch(text, start, room.start) is None:
        return False
    end = min(end, room.end + _VERDICT_REACH)  # (bounded: a long sentence of rooms stays linear)
    return says_no_drying(text, start, end)


# The writer looked: what a sentence checked and found clear ("checked, no residue, no odor").
_CHECKED = re.compile(r"\b(?:checked|inspected|looked (?:at|in|into)|metered|walked through)\b", FLAGS)


def checked_clear_sentence(text: str, sentences: Sentences, room: Mention) -> bool:
    """ "Room 14 next door: checked, no residue, no odour. The corridor outside has soot on the
    frame.": a heading room's own sentence says it was checked and found clear; the damage of the
    line's other sentences is another place's."""
    start, end = sentences.bounds(room.start)
    return (
        _SENTENCE_LEAD.fullmatch(text, start, room.start) is not None
        and _CHECKED.search(text, start, end) is not None
        and not seen_damage(text, start, end)
        and is_unaffected(text, room, start, end, False)
    )


# "cut a hole in the kitchen ceiling to check the roof space for extension": the space is what was
# looked into, the purpose of the words, not a place the sentence's damage is in.
_LOOKED_INTO = re.compile(
    r"\bto (?:check|inspect|look (?:in|into|at)|see into|get eyes on) (?:the |a |inside the )?$", FLAGS
)
_LOOKED_FOR = re.compile(r" for\b", FLAGS)


def looked_into(text: str, mention: Mention) -> bool:
    return (
        _LOOKED_INTO.search(text, max(0, mention.start - 36), mention.start) is not None
        and _LOOKED_FOR.match(text, mention.end) is not None
    )


# "Garage - not connected to the house air, fine.": a room's line that closes on a bare verdict
# after the writer's reason (with no damage on the line: "Lounge - carpet wet, rest fine" is wet).
_FINE_END = re.compile(
    r"(?:,|;| [-\u2013] ) ?(?:all )?(?:fine|ok|okay|good|clear|all good|all clear)\s*[.!]?\s*$", FLAGS
)
_LABEL_DASH = re.compile(r" ?(?::| [-\u2013] )")


def ends_fine(text: str, found: Sequence[Mention], index: int) -> bool:
    """The room that heads its line, closed by a bare "fine" (no damage on the line)."""
    mention = found[index]
    return (
        index == 0
        and _LABEL_DASH.match(text, mention.end) is not None
        and _LINE_LEAD.fullmatch(text, 0, mention.start) is not None
        and _FINE_END.search(text) is not None
        and not seen_damage(text, 0, len(text))
    )


def is_unaffected(text: str, mention: Mention, start: int, end: int, own_damage: bool) -> bool:
    """Whether a room's part of its line calls it unaffected (a mild word only where no damage is seen)."""
    if UNAFFECTED.search(text, start, end) is not None:
        return True
    if is_reference(text, mention):
        return True
    if own_damage:
        return False
    return (
        UNAFFECTED_MILD.search(text, start, end) is not None
        or _TESTED_CLEAN.search(text, start, end) is not None
        or said_dry_part(text, start, end)
    )


# "the bathroom and the back bedroom had doors closed and tested clean": a wipe or swab test's verdict
_TESTED_CLEAN = re.compile(r"\b(?:tested|came back) (?:as )?clean\b", FLAGS)


# "Dry standards, taken in treatment room 1: plasterboard 11": where the dry standards were read.
_REFERENCE_TAKEN_IN = re.compile(
    r"\b(?:dry (?:std|standard)s?|references?|reference readings?|control readings?"
    # ('took a "dry reading" in my living room', "got his dry figures from the den": a reading of
    # what dry is, taken in a room, is where the standard was read)
    r"|dry (?:reading|figure|value)s?)\b[\"'\u201d]?,? (?:were |was )?"
    r"(?:(?:taken|read|measured|recorded|got|obtained) )?(?:in|from|at) (?:the |my |our |their |his |her )?$",
    FLAGS,
)


# "close to the kitchen standard by Monday", "Bed 1 refs: floor 14", "reads close to the lounge
# figure": the room's name makes a reading its dry standard (not a meter's "reference scale")
_REFERENCE_AFTER = re.compile(
    r" (?:dry )?(?:standard|std|ref(?:erence)?|figure)s?\b(?! ?(?:scale|mode|setting|size))"
    # ("Joist under the den (baseline): 12", "Bed 3 wall [dry std] 9": the label bracketed after it)
    r"| ?[(\[] ?(?:dry )?(?:standard|std|ref(?:erence)?|baseline|control)s?\b ?[)\]]",
    FLAGS,
)


# "goal met (within 4 pts of office drywall)", "dry when within 2 of the vestibule": the goal's room is
# where the dry standard was read.
_GOAL_OF = re.compile(r"\bwithin \d{1,2}(?:\.\d)? ?(?:pts?\.?|points?|%|wme|rel)? of (?:the )?$", FLAGS)


# "9. Lounge ceiling, downstairs, GIB ........ 11 WME REF": a reading's row that ends by tagging its
# value the reference.
_ROW_REFERENCE_END = re.compile(
    r"\d(?:\.\d{1,2})?\s*(?:%\s*mc|%|wme|rel|mc)?\s*[-(\u2013]?\s*(?:ref|reference|std|dry std|dry standard"
    r"|standard)\s*\)?\s*\.?\s*$",
    FLAGS,
)


def row_reference(text: str) -> bool:
    """Whether a line ends by tagging its reading as the reference (its one room is the dry standard's)."""
    return _ROW_REFERENCE_END.search(text[-60:]) is not None


# "drywall behind the dryer 9% against 8% in the master bedroom", "31 compared with 12 in the study":
# the room where the figure a wet one is set against was read is where the dry standard was taken.
_COMPARED_IN = re.compile(
    r"\b(?:against|compared (?:to|with)|versus|vs\.?|relative to) (?:(?:about|around|~) ?)?"
    r"\d{1,3}(?:\.\d)? ?(?:%|wme|rel|mc|% ?mc|pts?|points?)?"
    r" (?:in|at|from|for|on) (?:the |my |our )?(?:(?:upstairs|downstairs|basement|ground[- ]floor) )?$",
    FLAGS,
)


def is_reference(text: str, mention: Mention) -> bool:
    low = max(0, mention.start - 48)
    return (
        _COMPARED_IN.search(text, low, mention.start) is not None
        or REFERENCE_BEFORE.search(text, max(0, mention.start - 36), mention.start) is not None
        or _GOAL_OF.search(text, max(0, mention.start - 30), mention.start) is not None
        or _REFERENCE_TAKEN_IN.search(text, low, mention.start) is not None
        or _REFERENCE_AFTER.match(text, mention.end) is not None
    )


# "Shop floor approx 8 x 5 m. Rest of the shop tiles dry.": the rest of a space said dry tells that
# some of it is not; no verdict on the room.
_REST_OF_BEFORE = re.compile(r"\b(?:the )?(?:rest|remainder|balance) of\b[^.;,]{0,30}$", FLAGS)


def said_dry_part(text: str, start: int, end: int) -> bool:
    """ "Kitchen vinyl DRY": dry, with no reading and no unnegated damage in the same part."""
    if READING_NUMBER.search(text, start, end) or not any(
        _REST_OF_BEFORE.search(text, max(start, match.start() - 40), match.start()) is None
        for match in SAID_DRY.finditer(text, start, end)
    ):
        return False
    part = text[start:end]
    return not any(unnegated(pattern, part) for pattern in (DAMAGE_CONTEXT_WORDS, WET))


# "Bathroom floor upstairs - tiled, didn't read", "Garage: no access": a room the writer did not
# get to check. With no damage told of it, it is a room to visit again, not an affected area.
_UNCHECKED = re.compile(
    # ("Kitchen and upper bedrooms - tenant says fine, I did not go up": the writer never went there)
    r"\b(?:did(?:n'?t| not) (?:go (?:up|down|in|into|inside|there|upstairs|downstairs)\b|read|check|test"
    r"|inspect|meter|get to|look)|not (?:read|checked|tested"
    r"|inspected|accessed|metered)|no access|(?:could ?n'?t|could not|can'?t|cannot|unable to)"
    r" (?:read|check|access|get (?:in|into|to)|inspect)"
    # ("Bed 2, hall: not looked at.", "Sunroom - haven't looked in yet", "Loft never opened up"):
    # the writer did not look, in other words
    r"|(?:not|never|have ?n'?t|haven'?t|has ?n'?t|hasn'?t|yet to be) (?:been )?(?:looked (?:at|in|into)"
    r"|viewed|entered|opened(?: up)?|visited|inspected|checked|gone into)"
    r"|(?:did(?:n'?t| not)|have ?n'?t|haven'?t|never) (?:enter|open(?: up)?|visit|see inside)\b)\b",
    FLAGS,
)


def unchecked(text: str) -> bool:
    return _UNCHECKED.search(text) is not None
