"""What a line says of the rooms it names: damaged, wet, hedged, denied, or not affected.

The phrases live here, apart from the reading of room mentions in `spaces`, so that the two stay
small enough to read.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import BELIEF_WORDS, FLAGS, HEDGE_WORDS, evidence_matches

# ("no visible growth, normal odour": an odour called normal is the room's usual air, no damage)
DAMAGE_CONTEXT_WORDS = re.compile(
    r"\b(?:damaged?|affected|impacted|stain(?:s|ed|ing)?|swollen|swelling|delaminat(?:ed|ing|ion)|cupp(?:ed"
    r"|ing)"
    r"|buckl(?:ed|ing)|lifting|warp(?:ed|ing)?|(?<!normal )(?<!usual )(?<!typical )odou?rs?|residue|growth"
    r"|wicking|collapsed|sagging|peeling"
    # ("a brown ring on the ceiling", "water rings": a stain said by its shape)
    r"|(?:brown|water|tide|yellow|dark|rusty?) rings?"
    r"|bubbling|rot(?:ted|ting)?|soaked|pool(?:ed|ing)|standing|readings?|moisture|mc|wme|rel|spores?"
    r"|soot\w*|smoke(?! ?(?:detectors?|alarms?))|char(?:red|ring)?|burnt|scorch\w*)\b",
    FLAGS,
)


# ("shares the wet wall with 305": the plumbing wall, named by its trade term, is no wet room; "wet
# wall to wall" still is)
# ("Wet floor signs on the stairs": a warning sign is put out, nothing there is said wet)
_WET_WORD = (
    r"(?:(?<!the )(?<!shared )(?<!common )wet|wet(?! walls?\b))(?! areas?\b)"
    r"(?! (?:floor )?(?:signs?|cones?)\b)"
)
WET = re.compile(rf"\b(?:{_WET_WORD}|soaked|saturated|damp|water|flood\w*|leak\w*)\b", FLAGS)


# What outweighs a mild "no damage" in a room's own words: the room is wet or visibly damaged.
# ("the water heater in the garage failed": an appliance named for the water it holds tells no wet
# room; the room is where the loss began, wet only where a word of its own says so)
# (nor a pipe named for what it carries: "the chilled water line runs in its floor void")
_WATER_APPLIANCE = (
    r"(?! (?:heaters?|tanks?|cylinders?|softeners?|filters?|meters?|dispensers?|pipes?|pipework|mains?"
    r"|supply (?:lines?|pipes?)|lines? runs?)\b)"
)
SEEN_DAMAGE = re.compile(
    rf"\b(?:{_WET_WORD}|soaked|saturated|damp|water{_WATER_APPLIANCE}"
    r"|flood\w*|leak\w*|stain(?:s|ed|ing)?|swollen|swelling|(?:brown|tide|yellow|dark|rusty?) rings?"
    r"|delaminat\w*|cupp\w*|buckl\w*|sagg\w*|collapsed|mou?ld\w*|growth|soot\w*|charred|burnt|wicking"
    r"|wicked|(?<!normal )(?<!usual )(?<!typical )odou?rs?|residue|film"
    r"|smoke(?! ?(?:detectors?|alarms?))|scorch\w*"
    # S520 Condition 2 or 3 (settled spores, growth) is a room to remediate, however little shows
    r"|cond(?:ition)?\.? ?[23](?! ?(?:-|\u2013|to|or) ?1))\b",
    FLAGS,
)


# "may have taken some water", "possibly wet": a hedge is not damage.
HEDGE_BEFORE = re.compile(
    rf"\b(?:{HEDGE_WORDS}|reportedly|if|whether"
    # "owner thought the smoke may have gone down the stairs": a belief reported, not seen
    rf"|{BELIEF_WORDS}|reckons|reckoned|wondered|worried)\b"
    r"[^,;.]{0,64}$",
    FLAGS,
)


# "the water never got past the door", "water did not reach": the word is what is denied.
DENIED_AFTER = re.compile(
    r"(?: \w+){0,2} (?:never|did(?:n'?t| not)|ha(?:s|d|ve)(?:n'?t| not)|was(?:n'?t| not)|stopped short)\b",
    FLAGS,
)


# "Bedroom 3 - checked, carpet dry, take it off the list": the writer strikes a room they listed
# earlier off their own list.
_STRUCK_OFF_WORDS = (
    r"(?:take|took|taken|strike|struck|cross|crossed) (?:it |that |this |them |(?:the )?room )?(?:off|out of)"
    r" (?:the |my |our )?(?:list|scope)"
)
STRUCK_OFF = re.compile(rf"\b{_STRUCK_OFF_WORDS}\b", FLAGS)


# "water only touched the threshold strip", "water reached the threshold strip only": the water came
# up to the room's door and no further.
_EDGE = r"(?:the )?(?:threshold|doorway|door ?way|door ?step|door)(?: (?:strip|bar|plate|trim|seal))?"
_TO_EDGE = r"(?:touched|reached|got (?:as far as|to)|came (?:up )?to|stopped at)"
THRESHOLD_ONLY = rf"water only {_TO_EDGE} {_EDGE}|water {_TO_EDGE} {_EDGE} only"


# Said of a room, these settle that it is not affected, whatever else its words mention.
UNAFFECTED = re.compile(
    r"\b(?:unaffected|not affected|not impacted|unimpacted|undamaged|not damaged|" + _STRUCK_OFF_WORDS +
    # "at the dry standard", "back to dry standard" say a room has dried, not that it is the reference
    r"|(?<!at the )(?<!to the )(?<!of the )(?<!at )(?<!to )dry (?:standard|std|ref(?:erence)?)s?"
    # (a "control room" is a studio's or a clinic's room, the "MRI control room", not a dry standard's)
    r"|(?:reference|baseline) (?:area|room|point|wall)s?|control (?:area|point|wall)s?"
    r"|(?:our|my|his|her|their) control rooms?"
    # ("Garage - took water first, but that's an outbuilding, not dwelling interior": the writer puts the
    # space outside the home the claim dries, whatever water it took)
    r"|not (?:part of )?(?:the )?(?:dwelling|main house|house)(?: interior)?(?= ?(?:for|[.;,)]|$))"
    r"|(?:that|it|this)(?:'s| is) (?:an? |the )?outbuilding"
    # ("the front office is where we took our dry standard")
    r"|where (?:we|i|they|he|she) (?:took|take|read|got) (?:the |a |our |my |his |her |their )?(?:dry )?"
    r"(?:standard|reference|baseline|control)s?"
    r"|(?:used|taken|read|as) (?:as|for)? ?(?:the |a |our |his |her |their )?(?:dry |upstairs |downstairs "
    r"|ground floor |main floor )?(?:standard|reference|baseline|control|comparison)s?"
    # ("as the normal dry reading": both words may stand before it)
    # ("Bedroom 2 used for the drywall standard", "used the bedroom for the plaster dry standard")
    r"|used (?:[\w ]{0,16}? )?(?:as|for) (?:the |a |our )?(?:[a-z]+ ){1,2}(?:standard|reference|baseline)s?"
    r"|for comparison|(?:as|for) (?:the |a |his |her |their |our )?(?:(?:\"?normal\"?|dry) ){1,2}"
    r"(?:wall|reading|room)"
    r"|did(?: not|n'?t) (?:get wet|reach|get water)|not (?:wet|reached)|never (?:got )?wet"
    # ("The stairs are carpeted but water never reached the bottom tread", "... never got to them"):
    # the room itself, by a pronoun or its first step, is what the water did not reach
    r"|(?:water|it|the flood) never (?:reached|got to|touched) (?:it|them|the (?:bottom|first|lowest) "
    r"(?:tread|step|stair))\b"
    r"|did(?: not|n'?t) (?:get|come|go|make it) (?:there|in|into|that far|this far)"
    r"|water stopped (?:at|short)|"
    + THRESHOLD_ONLY
    + r"|(?:was|were|is|are)(?:n'?t| not) (?:wet|damp|affected|damaged|touched|involved)"
    r"|not involved|uninvolved"
    # ("The crawlspace barrier was dry - the water stayed in the flooring": said dry, and the water
    # kept to something else; the water word is where it stayed, not this room's damage)
    r"|(?:was|were|is|are) (?:completely |totally |bone |all )?dry ?(?:[-\u2013\u2014,:]|and) ?"
    r"(?:the |all the )?(?:water|moisture|wet) (?:stayed|remained|was (?:confined|contained|kept|limited))"
    r" (?:in|on|within|to|above)"
    # "The crawl is NOT an affected area", "access hatch - not a wet area, just how we got in"
    r"|not an? (?:affected|wet|damaged|drying|remediation) (?:area|room|space|zone)"
    # ("cardboard boxes wet, contents only.", "stock on the racks got wet - contents only": what
    # is in the room, not the room, took the water)
    r"|(?:(?<=[,;:] )|(?<=[-\u2013] ))contents only(?=\s*(?:[.;,)]|$|[-\u2013]\s))"
    # "Master bedroom - nothing wet. Checked the ceiling, closet and walls"
    # ("with nothing wet overhead" says where, not that the room is dry)
    r"|nothing (?:was |is |got |found )?(?:wet|damp|damaged|affected)(?= ?(?:[.;]|$))"
    # IICRC S520 Condition 1 is normal fungal ecology: a room so graded is not affected
    r"|condition ?1(?! ?(?:-|\u2013|to|or) ?[23])|normal fungal ecology"
    r"|(?:stayed|remained|remains|kept|tested|read) (?:completely |totally |bone )?dry"
    r"|(?:was|were) (?:fine|spared|untouched)|untouched"
    # "I have not treated it as an affected area"
    # ("Not calling it affected", "not counting it as an affected area", "I'm not treating it as wet")
    r"|not (?:treat|count|includ|consider|class|call|list)(?:ed|ing|e)?(?: (?:it|this|them|that))?(?: as)?"
    r" (?:an? )?(?:affected|wet|damaged)\b"
    r"|not (?:from |part of |related to |caused by )?(?:this|the) (?:leak|loss|event|claim)"
    r"|pre-?existing|(?:been there|existed) for (?:years|months|ages)"
    # "brown stain, dry to touch. Could be old": a mark from some earlier leak is not this loss
    r"|(?:could|may|might|probably|likely) be (?:an? )?old(?: (?:stain|mark|leak|damage))?"
    r"|old (?:stain|water ?mark|tide ?mark|leak)s?"
    # a clean wipe test settles that soot did not reach a room, whatever odour is mentioned
    r"|wipe tests?(?: [\w,]+){0,8}? (?:(?:were|was|came back|tested|is|are) )?clean"
    # "no soot on the wipe test": the test found none, whatever odour lingers
    # ("no visible soot on the white wipe test": a word for the wipe between)
    r"|no (?:visible |obvious )?(?:soot|smoke|residue|film)(?: \w+){0,2}? on (?:the |a |any )?(?:[a-z-]+ )?"
    r"wipes?(?: tests?)?"
    # "FRV kept it shut, no smoke got in": what the fire or the water was kept out of
    r"|no (?:smoke|soot|water|moisture) (?:got|came|went|made it) (?:in|into|through)\b"
    r"(?! (?:the|a) ceiling)"
    r"|(?:smoke|soot|water) (?:never|did(?: not|n'?t)) (?:got?|came|come|went|go) (?:in|into)\b"
    r"(?! (?:the|a) ceiling))\b",
    FLAGS,
)
# Said of a room, these say it is fine unless its own words say it is wet or damaged.
UNAFFECTED_MILD = re.compile(
    r"\b(?:no damage|no (?:visible )?(?:water|moisture|damage|staining|residue)"
    r"|(?:reference|control|baseline) readings?"
    r"|free (?:of|from) (?:any |visible )*(?:water|moisture|damage|mou?ld|staining|contamination|soot|smoke)"
    # ("Class 2 (hallway carpet, nothing came through a ceiling)": said of any ceiling, not the room)
    r"|nothing (?:(?:came|dripped|leaked|seeped|got|went) (?:through|down)(?! (?:a|any) ceilings?\b)|to dry"
    r"|(?:read )?(?:over|above|higher than))"
    r"|no (?:readings?|moisture) (?:over|above|higher than)|(?:nothing|no readings?) (?:elevated|high)"
    # "are all fine", "read normal": of a room, unless the room's own words say it is wet
    r"|(?:is|are|was|were) (?:all |both )?(?:fine|ok|okay|normal)|(?:read|reads|reading|showed|shows) normal"
    # ("Laundry, study and spare room all fine.", "both OK": the verdict without its verb)
    r"|(?:all|both) (?:fine|ok|okay|normal|good)(?= ?(?:[.;!]|$))"
    r"|checked\W{1,4}(?:and )?(?:dry|fine|ok|clear|nothing)|no action"
    # "the kitchen, bedroom 1 and lounge show nothing visible"
    r"|(?:show|shows|showed|had|has|have) nothing(?: (?:visible|wet|of note|abnormal|untoward))?"
    r"(?= ?(?:[.;,]|$))"
    # "wipe tests on the basement walls and ceiling were clean and there was no odor"
    r"|wipe tests?(?: [\w,]+){0,8} (?:were|was|came back|tested|is|are) clean|no (?:smoke )?odou?r)\b"
    # "| Lounge | 1 | normal |": a table cell that is only the verdict
    r"|(?<=\|) ?(?:normal|fine|ok|okay|clean|clear)(?= ?(?:\||$))"
    # "Upstairs bath - door shut, clean.": a bare "clean" ending a room's note is its verdict
    r"|[-,:\u2013] ?clean(?= ?(?:[.;]|$))"
    # "Bedrooms 1-3 doors shut - clean on the wipe test", "wipes clean"
    r"|\bclean on (?:the |a )?wipe(?: tests?)?\b|\bwipes clean\b",
    FLAGS,
)
CLEAN = re.compile(
    r"\b(?:came back clean|tested clean|clean wipe|wiped clean|nothing got in|no odou?r)\b", FLAGS
)
# "Ref bed 3 - pbd 9%", "reference: lounge wall 12": a room named as the dry standard.
# ("Dry standards, upstairs front bedroom": plural, after a comma, with the room's level before it;
# "Standard: upstairs guest bedroom drywall 11": a label of its own)
REFERENCE_BEFORE = re.compile(
    r"\b(?:ref(?:erence)?|dry (?:std|standard)s?|control|baseline|(?:standards?|std)(?= ?[:=\-\u2013]))\b"
    r"[\s:=\-|,]{0,5}"
    r"(?:(?:is |was |are |were )?(?:the |in the ))?"
    r"(?:(?:upstairs|downstairs|ground[- ]floor|first[- ]floor|main[- ]floor|basement) )?$",
    FLAGS,
)
# "Kitchen vinyl DRY", "hall bath vinyl dry": dry said of a room with nothing wet about it.
SAID_DRY = re.compile(
    # ("lifted and stood up to dry", "left to dry": the purpose of the work, not a verdict)
    r"(?<!\bto )(?<!\bleft )\bdry\b(?! ?(?:std|standard|goal|out|ing|by|within|in \d|to\b|after|mode))"
    r"|\bno (?:visible |active )?(?:mou?ld|growth|staining)\b",
    FLAGS,
)
# (a size is no reading: "sits on a raised 10 cm platform - dry")
READING_NUMBER = re.compile(
    r"\d ?(?:%|wme|rel|mc)|(?:wme|rel|mc) ?\d"
    r"|\d{2}\b(?! ?(?:mm|cm|m|ft|in|inch(?:es)?|feet|foot|sf|sq)\b|[\"'])",
    FLAGS,
)


# "the water came down through the mid-floor, not the stairwell": a room set aside by name.
NOT_BEFORE = re.compile(
    r"\b(?:not (?:in |into |through |via |to |down |under )?"
    # "Water stopped about 2 ft short of the basement stairs"
    r"|short of |never (?:reached|got to|got into) |(?:did not|didn't) (?:reach|get to|get into) )(?:the )?$",
    FLAGS,
)


# A table row's cells that say nothing was found: "| Front bedroom | None | - | - | Clean |".
_NOTHING_CELL = re.compile(
    r"\s*(?:none|nil|no|n/?a|clean|clear|-|\u2013|\u2014|0|not affected|unaffected|no damage)?\s*", FLAGS
)


def nothing_row_first_cell_end(text: str, first_room_end: int | None = None) -> int | None:
    """Where a table row's first cell ends, when every other cell says nothing was found. A PDF's
    row has lost its bars ("Front bedroom None - - Clean"): after the room, words that say nothing."""
    if " | " not in text and not text.lstrip().startswith("|"):
        if first_room_end is None or text[:first_room_end].strip(" -*\u2022").count(" ") > 3:
            return None
        words = text[first_room_end:].split()
        said_nothing = len(words) >= 2 and all(_NOTHING_CELL.fullmatch(word) for word in words)
        return first_room_end if said_nothing else None
    cells = text.strip().strip("|").split("|")
    if len(cells) < 3 or not all(_NOTHING_CELL.fullmatch(cell) for cell in cells[1:]):
        return None
    return text.find("|", text.find(cells[0]) + len(cells[0]) - 1)


# A statement the writer reports having made, then takes back in the next sentence.
_REPORTED = re.compile(
    r"\b(?:i|we) (?:wrote|said|mentioned|reported|told you|stated|thought)(?: (?:earlier|before))?"
    r"(?: that)?\b",
    FLAGS,
)
_TAKEN_BACK = re.compile(
    r"[.!;:\s]*(?:it|that|they|this) (?:wasn'?t|was not|weren'?t|were not|isn'?t|is not|was wrong"
    r"|was incorrect|was a mistake)\b|[.!;:\s]*(?:not so|not true|wrong|my mistake)\b",
    FLAGS,
)


def retracted(text: str, sentence: tuple[int, int], at: int) -> bool:
    """Whether the words at `at` are in a statement the writer reports and the next sentence denies."""
    start, end = sentence
    return _REPORTED.search(text, start, at) is not None and _TAKEN_BACK.match(text, end) is not None


_REFERENCE_BRACKET = re.compile(
    r"^[^()\d|]{0,30}\((?:[^()]{0,20}\b)?(?:reference|ref|dry (?:standard|std)|unaffected)\b[^()]{0,20}\)",
    FLAGS,
)


def section_says_unaffected(text: str) -> bool:
    """Whether the first line under a heading of rooms says they were not affected ("Not
    affected.", "Wipe tests came back clean", "Doors shut, nothing got in")."""
    if UNAFFECTED.search(text) is not None or CLEAN.search(text) is not None:
        return True
    if _REFERENCE_BRACKET.match(text):
        return True  # "Front bedroom wall," wrapped onto "upstairs (reference) Lime plaster 14 WME"
    return UNAFFECTED_MILD.search(text) is not None and next(evidence_matches(WET, text), None) is None


# Where the water went ("and it had gone under the door into Bella's room"): a room it reached.
MOTION_INTO = re.compile(
    r"\b(?:into|onto|reached|reaching|spread\w*|flow\w*|ran|running|seep\w*|wick\w*|tracked|migrat\w*"
    r"|through to|as far as|down to|across)\b[^,;.]*$",
    FLAGS,
)


def hedged(text: str, start: int) -> bool:
    return HEDGE_BEFORE.search(text, max(0, start - 84), start) is not None


def line_says_damage(text: str) -> bool:
    """Whether a line says anything is damaged, in words nothing negates or hedges."""
    return seen_damage(text, 0, len(text))


def seen_damage(text: str, start: int, end: int) -> bool:
    return unnegated(SEEN_DAMAGE, text[start:end])


def unnegated(pattern: re.Pattern[str], part: str) -> bool:
    """A word said and meant: not negated ("no water"), not hedged ("may have taken water"), and not
    the subject of a denial ("the water never got past the door")."""
    return any(
        not hedged(part, match.start())
        and DENIED_AFTER.match(part, match.end()) is None
        and _ON_GROUND_AFTER.match(part, match.end()) is None
        for match in evidence_matches(pattern, part)
    )


# "a small damp patch on the soil under the laundry": damp ground is not a damaged building.
_ON_GROUND_AFTER = re.compile(r"(?: \w+){0,2} (?:on|in|of) (?:the )?(?:soil|ground|earth|dirt)\b", FLAGS)
