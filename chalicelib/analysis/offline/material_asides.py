"""Materials a line names for what a meter reads on them or what a goal sets for them, not as what
got wet: "Moisture readings (Tramex ME5, drywall and masonry scales, %)", "Meters: Delmhorst pins on
particleboard and joists", "reference scale on the plasterboard, concrete mode on the slab", "Drying
goals: plasterboard 16 or under; carpet 13 or under", "Dry standards: spin room timber floor 13". Such
a line says how the job was measured; the readings themselves say which materials were wet.

A number read right after the material ("Readings (hall drywall 38)") is a reading, not an aside.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

_SCALE = r"(?:scales?|modes?|settings?)\b"
# A word of a listed material's name, not a clause saying it was wet or read ("OSB and joists wet, read
# on pins 24" is a reading).
_LISTED = (
    r"(?!(?:wet|damp|soaked|swollen|stained|read|reads|reading|readings|was|were|is|are|taken)\b)[a-z]{1,12}"
)
# After the material: "drywall relative scale", "drywall and masonry scales", "drywall on the 0-100
# reference scale", "Drywall with the non-invasive search mode", "skirting in WME", "(plates,
# baseboard) with pins", "joists %MC,", "plaster WME)".
_METER_AFTER = re.compile(
    rf"(?:(?:,| and| or| &) [a-z]{{1,12}}){{0,3}} (?:[a-z-]{{1,14}} )?{_SCALE}"
    rf"|\)? (?:on|with|in) (?:the |a )?(?:[a-z0-9-]{{1,14}} ){{0,2}}{_SCALE}"
    # "OSB and engineered hardwood on pins (%MC)": a list of materials read the same way
    rf"|(?:(?:,| and| or| &) (?:{_LISTED} )?{_LISTED}){{0,3}}\)? ?(?:in|with|on) (?:the )?"
    r"(?:%? ?mc|%? ?wme|pins?)\b"
    r"|(?:(?:,| and| or| &) [a-z]{1,12}){0,3} (?:%mc|%wme|wme|rel)\b(?! ?\d)"
    # "(wood scale %MC / drywall %)", "plasterboard %, pine %MC": a bare percent sign closing the entry is
    # the scale the material is read on, its number given elsewhere
    r"|(?:(?:,| and| or| &) [a-z]{1,12}){0,3} ?%(?=\s*(?:[),/;:]|$))",
    FLAGS,
)
# Before it: "concrete mode on the slab", "pins in %MC on the bottom plates", "WME on plaster".
_METER_BEFORE = re.compile(
    r"\b(?:scales?|modes?|settings?|pins|%mc|wme|rel)(?: \([a-z%]{1,6}\))?(?: in %? ?(?:mc|wme))?"
    r" (?:on|for) (?:the )?(?:[a-z]{1,10} )?$"
    # the meter itself named by its make: "a Tramex CME5 on the slab", "the Protimeter MMS2 on the walls"
    r"|\b(?:protimeter|tramex|delmhorst|gann|surveymaster|wagner|trotec|flir|extech)(?: [a-z0-9-]{1,10})?"
    r" (?:on|for) (?:the )?(?:[a-z]{1,10} )?$",
    FLAGS,
)
# Inside a meter's bracket: "Moisture readings (Protimeter MMS2, WME on plaster - indicative only on
# plaster)", "Readings received from Thistle (Protimeter; boards and joists %MC, plaster WME)"; or on a
# line about the meters: "Meters: Protimeter MMS3. Wood (plates, baseboard) with pins".
_METER_BRACKET = re.compile(r"\b(?:readings?|meters?)\b[^().;]{0,40}\([^()]{0,120}$", FLAGS)
_METER_LINE = re.compile(r"^\W{0,4}(?:meters?|instruments?|equipment used)\s*[:\-\u2013]", FLAGS)
# A line headed as the job's hazards: "Safety: wet tile floor in the bath coned off", "Hazards: slip on
# the warehouse slab": a material named for the risk it poses, which the survey reads elsewhere.
_SAFETY_LINE = re.compile(
    r"^\W{0,4}(?:safety|hazards?|health (?:and|&) safety|site safety|whs|ohs)(?: notes?)?\s*[:\-\u2013]",
    FLAGS,
)
# A goal or a dry standard set for it: "Drying goal: ... joists at or below 16 %MC", "Goal for the
# subfloor 12%", "Targets: plasterboard 15 WME or under; screed 75 %RH", "Dry standards: ...".
_GOAL_BEFORE = re.compile(
    r"\b(?:goals?|targets?|(?:dry )?standards?)\b"
    # ("Standards: hall slab 2.6 %, landing ply 10": a decimal point does not end the list)
    r"(?: for(?: the)?(?: [a-z]{1,12}){0,2} ?$|\s*:(?:[^.:]|\.\d){0,90}$)",
    FLAGS,
)
# A drying goal written as the work: "Dry the framing to 15 WME or under", "dry the bottom plate and
# studs to within 4 points of the reference": the level it must reach, not a finding that it is wet.
_DRY_TO = re.compile(
    r"\bdry(?: out)?(?: the| all)?(?: [a-z&,]{1,14}){1,5} to "
    r"(?:below |under |within |at or below |less than )?\d",
    FLAGS,
)
# "Slip risk on the quarry tiles", "trip hazard from the lifted carpet": a material named for the risk.
_HAZARD_BEFORE = re.compile(
    r"\b(?:slip|trip|fall(?:ing)?)(?: (?:and|&|/) (?:slip|trip|fall(?:ing)?))? (?:risks?|hazards?)\b"
    r"[^.;:]{0,40}$",
    FLAGS,
)
# A material named as the way a probe went in: "bottom plate (probe through baseboard)", "plate read
# through the baseboard gap". What was read is the other material.
_LANDMARK_BEFORE = re.compile(
    r"(?:\b(?:probe[ds]?|probing|pins?|drill(?:ed|ing)?|read(?:ing)?)(?: in)? |\()through (?:the |a )?$",
    FLAGS,
)
# "spare room - skirting (reference)", "boardroom drywall (unaffected) 8%", "skirting, dry std": the
# dry standard's material, said right after it in its own entry.
_REFERENCE_AFTER = re.compile(
    r" ?(?:[(\-,:] ?)(?:ref(?:erence)?|dry (?:std|standard)|unaffected|baseline|control)\b"
    r"(?! ?(?:scale|mode))",
    FLAGS,
)
# A line under a dry-standard label: each entry after it is a standard, not only the first.
_REFERENCE_LINE = re.compile(
    # ("Ref 48812: ..." is the claim's reference, not a standard's)
    r"\W{0,4}(?:ref(?:erence)?s?|dry (?:std|standards?)|baselines?)\b(?! ?(?:no\.? ?)?#?\d{4})[^:.;]{0,60}: ",
    FLAGS,
)
# A row labelled as a standard: "STD bedroom 4 ceiling 9 / furnace room joist 12", "REF-2 store slab:
# 3.1", "ref | spare room | drywall | 10": every entry of the row is a standard. (A letter must follow:
# "Ref 48812" is a claim's reference.)
_REFERENCE_ROW = re.compile(
    r"\W{0,4}(?:ref|std)(?:[- ]?\d{1,2}[a-z]?)?(?: ?[|:\-\u2013] ?| )(?=[a-z])", FLAGS
)
# The point's own value marked as a standard or as dry: "lounge ceiling, GIB ....... 11 WME REF",
# "(e) hall ceiling (plasterboard) ...... 98 REL - dry", "skirting 12 (std)"; no other number between.
# ("study skirting 11 WME as a second standard", "taken as our reference": the value kept as one)
_VALUE_MARKED = re.compile(
    r"[^\d;|\n]{0,70}?\d{1,3}(?:\.\d)?(?: ?(?:%? ?mc|%? ?wme|rel|%))?"
    r" ?(?:[(\-\u2013:=]|<-|,? ?(?:(?:taken|kept|used|read|logged) )?as (?:an? |the |our |my )?"
    r"(?:(?:second|2nd|third|another|extra|further|backup|secondary|spare) )?)?"
    r" ?(?:ref(?:erence)?|std|standard|dry(?: std| standard)?"
    r"(?! (?:std|standard|in|by|out|to|for|as)\b))\b(?! ?\d)",
    FLAGS,
)
# The entry's point named as a standard in brackets: "R2 office skirting (standard) - MDF", "vestry slab
# at the door (reference) - 3.2%": each material of that entry.
_BRACKET_REFERENCE = re.compile(r"\((?:dry )?(?:ref(?:erence)?|std|standard)\)", FLAGS)
# A map legend's entry: the point's material and the scale it is read on, its value elsewhere: "(4) den
# laminate 1 m out - rel", "C study door jamb (pine) ........ %MC", "R3 robe shelf particleboard - pins,
# %MC |". The readings say whether the point was wet; the legend says only what it is.
_LEGEND_UNIT = re.compile(
    # (a distance on the way is where the point is: "laminate 1 m out from the robe - rel")
    r"(?:[^\d|;\n]|\d{1,4}(?:\.\d{1,2})? ?(?:mm|cm|m|ft|in)\b\.?){0,60}?"
    r"(?: [-\u2013:] ?| \.{2,} ?)(?:pins?,? )?(?:%? ?mc|%? ?wme|rel|%)\s*(?=[|;]|$)",
    FLAGS,
)
_ENTRY_END = re.compile(r"[,;|\n]|\.(?=\s)")
_READ_AFTER = re.compile(r"(?: [a-z]{1,10}){0,2} ?[:=\-]? ?\d", FLAGS)
_REACH = 130
# A material written with a question mark is one the notes ask about ("subfloor? slab, not read"); a
# question closing a sentence after it ("is the drywall wet?") is left to the sentence's other words.
_ASKED = re.compile(r" ?\?(?!\S)", FLAGS)


def named_aside(text: str, start: int, end: int) -> bool:
    """Whether the material at `start`-`end` is named for a meter's scale or a goal, not as wet."""
    lo = max(0, start - _REACH)
    if _LANDMARK_BEFORE.search(text, max(0, start - 30), start) or _REFERENCE_AFTER.match(
        text, end, end + 24
    ):
        return True
    if _SAFETY_LINE.match(text):
        return True
    heading = _REFERENCE_LINE.match(text)
    if heading is not None and heading.end() <= start:
        return True  # "Reference (furnace room, unaffected): drywall 140, stud 12": all standards
    if _LEGEND_UNIT.match(text, end):
        return True
    if _REFERENCE_ROW.match(text) or _VALUE_MARKED.match(text, end) or _bracketed_reference(text, start, end):
        return True
    if _ASKED.match(text, end):
        return True  # "subfloor? slab-on-grade": a material asked about, not found wet
    if _METER_AFTER.match(text, end, end + 60) or _METER_BEFORE.search(text, max(0, start - 40), start):
        return True
    if _GOAL_BEFORE.search(text, lo, start) or _HAZARD_BEFORE.search(text, max(0, start - 70), start):
        return True
    goal = _DRY_TO.search(text, max(0, start - 60), min(len(text), end + 60))
    if goal is not None and goal.start() <= start and end <= goal.end():
        return True
    if _READ_AFTER.match(text, end, end + 30):
        return False  # "Readings (hall drywall 38)": a reading in the bracket
    return _METER_BRACKET.search(text, lo, start) is not None or _METER_LINE.match(text) is not None


def _bracketed_reference(text: str, start: int, end: int) -> bool:
    """Whether the material's entry (between commas, semicolons or cells) marks its point a standard."""
    lo = max(0, start - 60)
    before = [m.end() for m in _ENTRY_END.finditer(text, lo, start)]
    after = _ENTRY_END.search(text, end, end + 60)
    entry_start = before[-1] if before else lo
    entry_end = after.start() if after is not None else min(len(text), end + 60)
    return _BRACKET_REFERENCE.search(text, entry_start, entry_end) is not None


# A sentence giving the water class: "Whole room of carpet and underlay plus low wall wicking - we called
# it Class 2", "Class 4 - bound water in the oak and the plywood under it". It sums up the job's wet
# materials to grade it; a material it names without a room of its own is no one room's.
CLASS_SENTENCE = re.compile(r"\bclass (?:[1-4]|one|two|three|four)\b(?! ?(?:fire|[a-z]\b))", FLAGS)
