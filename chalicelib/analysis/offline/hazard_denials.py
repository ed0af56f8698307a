"""Whether a hazard a line names is ruled out in its own clause: an absence or a check before it
("no vermiculite", "he wasn't worried about asbestos"), a state after it ("GPO - dry", "was nowhere
near it", "non-ACM"), a question answered no, or a test that cleared it (hazards.py)."""

from __future__ import annotations

import re

from chalicelib.analysis.findings import HazardKind
from chalicelib.analysis.offline.text import FLAGS, Sentences

# Before a hazard in its clause: an absence or a check ("no vermiculite or other suspect asbestos",
# "checked the insulation for vermiculite"). Not "possible" or "suspected": those are the flag.
_RULED_OUT_BEFORE = re.compile(
    r"\b(?:no|not|nil|without|none|nothing|never|negative for|free of|free from|rule out|ruled out"
    # "sampled and is clear of asbestos"
    r"|clear of|check(?:ed|ing)?(?: [\w']+){0,5} for|test(?:ed|ing)? for|inspect(?:ed)? for|prevent|avoid"
    # "the 2015 vinyl is too new to contain asbestos"
    r"|too (?:new|recent|modern|young|late) to (?:contain|have|include|be)"
    # "drywall and texture post-date asbestos use here"
    r"|post-?dat(?:e|es|ed|ing)"
    # "so he wasn't worried about asbestos": a worry the writer (or the owner) does not have
    r"|(?:(?:was|were|is|are|did|do|does)n'?t|not|never|no longer) (?:worried|concerned|bothered)"
    r" (?:about|over|by|re))\b",
    FLAGS,
)


# After it: "asbestos linings are not expected", "testing was not requested", "Electrical OK".
RULED_OUT_AFTER = re.compile(
    r"\b(?:not (?:present|found|seen|detected|observed|expected|suspected|identified|requested|required"
    r"|noted|an issue|a concern|affected"
    # "the joists above charred, not structurally through": the writer judged the frame sound
    r"|structural(?:ly)?"
    # "Asbestos not applicable (2019 build)": the writer ruled the hazard out for the building
    r"|applicable|relevant)"
    # ("the vinyl was not sampled": a suspicion nobody has cleared is still the hazard)
    r"|(?:was|were|is|are) not(?! (?:sampl|test|check|disturb|remov))|absent|negative|ok|okay|fine"
    # "Electrics safe", not "made them safe", "not safe with water in the fitting" or "lead-safe"
    r"|(?<!not )(?<!made )(?<!make )(?<!made it )(?<!made them )(?<!-)safe"
    # ("checked the circuit - no electrical issue found": the named kind's issue, none)
    r"|no (?:electrical |structural |gas )?issues?|n/a|unaffected"
    # "the electrician checked the pendant and said there was no water in it": the part found dry
    r"|no (?:water|moisture) (?:in|inside|behind|near) (?:it|them|the (?:fitting|box|board|socket|outlet)s?)"
    # "island receptacle is GFCI, stayed dry": the part the water never reached
    r"|(?:stayed|stays|remained|remains|kept) dry"
    # "GPO for the dishwasher in the next cab - dry", "the hot water service ... was nowhere near it":
    # the part the water never reached, however the writer says it
    r"|(?:[-,] |(?:was|were|is|are) )dry(?! (?:out|it|them|the|up))"
    r"|nowhere near|(?:didn'?t|did not|never) (?:get|come|reach|go) (?:near|to|anywhere near)"
    # "fibre cement sheet checked on the register as non-ACM"
    r"|non-?(?:acm|asbestos)"
    r"|none (?:detected|found|present|identified|seen)"
    # "hob supply capped by the gas engineer; no leak found on test", "line pressure-tested - no
    # leak": made safe and tested sound
    r"|no (?:gas )?leaks?"
    # "the asbestos register says no ACMs", "testing came back negative": a record that clears it.
    r"|(?:says|shows|showed|found|confirms?|confirmed|came back|returned|reports?|lists?)"
    r" (?:no|none|nil|clear|nothing))\b",
    FLAGS,
)

# Straight after it: "the coating was sampled and is asbestos free", "lead-free solder".
_FREE_AFTER = re.compile(r"[- ]free\b", FLAGS)


LABEL_SEPARATOR = re.compile(r"\s*[:\-]\s*")


_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|however|although|though|so|then|whereas)\b", FLAGS)


# A dash between clauses, where a place outside the work may follow ("1978 build, fibro eaves only -
# no fibro in the wet area").
_DASH_BREAK = re.compile(r" [-\u2013\u2014] (?=\w)")


_BEFORE_REACH = 100  # how far before a hazard its clause may rule it out


_AFTER_REACH = 60  # how far after a hazard its clause may rule it out


def ruled_out(text: str, sentences: Sentences, start: int, end: int) -> bool:
    """Whether the hazard's own clause says it is absent, unchecked-for or fine."""
    sentence_start, sentence_end = sentences.bounds(start)
    before = text[max(sentence_start, start - _BEFORE_REACH) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause_before = before[breaks[-1].end() :] if breaks else before
    after = text[end : min(sentence_end, end + _AFTER_REACH)]
    # "Asbestos: 1998 build, not suspected": a label's own colon opens its value, not a new clause.
    label = LABEL_SEPARATOR.match(after)
    cut = _CLAUSE_BREAK.search(after, label.end() if label else 0)
    clause_after = after[: cut.start()] if cut else after
    # ("No hazards beyond the mat hoses (taped - trip)": the one the writer excepts stands)
    excepted = _EXCEPTED.search(clause_before) is not None
    made_safe = _MADE_SAFE.search(text, start, end) is not None
    if (_RULED_OUT_BEFORE.search(clause_before) and not excepted) or _denied_after(clause_after, made_safe):
        return True
    if _FREE_AFTER.match(text, end) is not None:
        return True
    # ("checked on the register as non-ACM": the word's own prefix clears it)
    if clause_before.lower().endswith(("non-", "non ")):
        return True
    # "Vermiculite? No - blown fiberglass": the writer's own question, answered no past its "?"
    if _ANSWERED_NO.match(text, end) is not None or _QUESTION_CLEARED.match(text, end) is not None:
        return True
    # ("Greer asked if it's 'black water' - no."): someone's question, the writer's answer after it
    if _ASKED_IF.search(clause_before) and _ASKED_NO.match(text, end) is not None:
        return True
    # "The bathroom light had been wet: the electrician tested it on 15/10 and it is safe": a check
    # later in the sentence, past the colon, that cleared it
    if _CHECKED_CLEAR.search(text, end, min(sentence_end, end + _REFUTED_REACH)) is not None:
        return True
    # "the form has 'Category 3 - sewage' ticked because the fountain is by the restroom; it isn't":
    # what someone else said, refuted in the very next clause
    rest = text[end : min(sentence_end, end + _REFUTED_REACH)]
    following = _CLAUSE_BREAK.search(rest)
    dash = _DASH_BREAK.search(rest)
    if dash is not None and (following is None or dash.start() < following.start()):
        # (after a dash only a place outside the work rules it out: "fibro eaves only - no fibro in
        # the wet area"; "presumed asbestos - not to be cut" is the precaution for a hazard kept)
        at = dash.end()
        if _OUTSIDE_PLACE.match(rest, at) is not None:
            return True
    if following is None:
        return False
    # "may have asbestos in the eaves but none in the wet areas", "the eaves are fibro but dry and not
    # touched": present somewhere the water and the work do not reach
    at = following.end()
    return _REFUTED.match(rest, at) is not None or _OUTSIDE_WORK.match(rest, at) is not None


# What was done to make the part safe: "floor boxes under water: isolated by the sparky, tested OK".
_MADE_SAFE = re.compile(
    r"\b(?:isolated|locked out|tagged out|disconnected|de-?energi[sz]ed|switched off|turned off"
    r"|made safe|breakers? (?:off|tripped)|replaced|repaired)\b",
    FLAGS,
)
# The all-clear words that, after such a fix, report how the fix went rather than deny the hazard.
_ALL_CLEAR = re.compile(r"\b(?:ok|okay|fine|safe)\b", FLAGS)


def _denied_after(clause_after: str, made_safe: bool = False) -> bool:
    """Whether the clause after a hazard rules it out: a part made safe and then found "OK" was the
    hazard all the same ("GPOs wet - isolated at the board, tested OK 27/11", and with `made_safe`,
    the hazard's own words say the fix: "the circuit was isolated until an electrician confirmed it
    safe")."""
    denial = RULED_OUT_AFTER.search(clause_after)
    if denial is None:
        return False
    if _ALL_CLEAR.fullmatch(denial.group(0)) and (
        made_safe or _MADE_SAFE.search(clause_after, 0, denial.start())
    ):
        return RULED_OUT_AFTER.search(clause_after, denial.end()) is not None
    return True


_EXCEPTED = re.compile(
    r"\bno (?:other )?(?:hazards?|risks?|issues?|concerns?)"
    r" (?:beyond|except|apart from|other than|besides|but)\b",
    FLAGS,
)


_ANSWERED_NO = re.compile(r"[\w /-]{0,30}\?\W{0,3}(?:no|nope|nil|none|negative)\b", FLAGS)


# The writer's own question answered after a check in the next sentence: "Charred ceiling joist?
# Checked from the floor void - surface-scorched only, sound; no structural issue", "Scorched
# wiring? Sparky tested it: no electrical issue". The answer names no issue, or the part sound.
_QUESTION_CLEARED = re.compile(
    r"[\w /-]{0,30}\?+[^?]{0,160}?"
    r"(?:\bno (?:[\w-]+ )?(?:issues?|concerns?|problems?|damage|hazards?|risks?)\b"
    r"|(?:[,;-] |\b(?:is|was|are|were|found|only|and) )(?:structurally )?sound\b)",
    FLAGS,
)


_ASKED_IF = re.compile(
    r"\b(?:asked|asks|wondered|queried|wanted to know)(?: \w+){0,2} (?:if|whether)\b", FLAGS
)
_ASKED_NO = re.compile(r"[\"'\u201d]?\W{0,4}(?:no|nope|negative|it isn'?t|it's not)\b", FLAGS)


_REFUTED = re.compile(
    r" ?(?:it|that|this|which) (?:isn't|is not|wasn't|was not|is wrong|was wrong|is not supported)\b", FLAGS
)
_REFUTED_REACH = 160


# Where the water and the work are: "the wet areas", "the affected rooms", "the work zone".
_WORK_PLACE = (
    r"(?:the |any |our )?(?:wet|affected|work(?:ing)?|damaged|water-?damaged|drying|flooded)"
    r"(?: ?(?:areas?|zones?|rooms?|parts?|materials?|scope))?\b"
)
# Only the place: "none of it is in the affected rooms", "no fibro in the wet area", "away from the
# wet areas".
_OUTSIDE_PLACE = re.compile(
    r" ?(?:(?:it|they|that|these|those) (?:is|are|was|were) )?"
    r"(?:(?:none|nothing|not|no(?: \w+)?) (?:of it |of them )?(?:is |are |was |were )?"
    rf"(?:in|within|near|inside|to) {_WORK_PLACE}|(?:well |far )?(?:away|clear) (?:from|of) {_WORK_PLACE})",
    FLAGS,
)
_OUTSIDE_WORK = re.compile(
    r" ?(?:(?:it|they|that|these|those) (?:is|are|was|were) )?(?:(?:dry|intact|sealed|sound)(?: and|,) )?"
    r"(?:(?:none|nothing|not|no(?: \w+)?) (?:of it |of them )?(?:is |are |was |were )?"
    rf"(?:in|within|near|inside|to) {_WORK_PLACE}|(?:well |far )?(?:away|clear) (?:from|of) {_WORK_PLACE}"
    r"|(?:not|un)(?:touched|disturbed|affected)\b|not (?:to be |being |going to be )?(?:touched|disturbed|cut"
    r"|worked on|drilled)\b)",
    FLAGS,
)


_CHECKED_CLEAR = re.compile(
    # "the electrician looked at the downlight and said there was no water in it": who checked it
    # found it dry
    r"\b(?:said|says|found|reported|confirmed|told us)(?: that)? there (?:was|were|is|are) no (?:water"
    r"|moisture) (?:in|inside|behind) (?:it|them)\b|"
    # "ceiling texture sample from the loft sent Nov 21, result Nov 23 - none detected"
    r"\b(?:samples?|sampled|results?|lab)\b[^.;]{0,80}?\b(?:none|nil|nothing|not) (?:detected|found"
    r"|identified)\b|"
    r"\b(?:tested|checked|inspected|tested and tagged)\b[^.;]{0,60}?"
    r"\b(?:(?:it|they|that|which) (?:is|are|was|were) (?:now )?|found |as |and )"
    r"(?:safe|fine|ok|okay|sound|clear|all clear)\b(?! (?:to|for|until|once|after))",
    FLAGS,
)


# A circuit switched off before work, in a sentence that goes on to say the water never reached the
# installation ("the den circuit was off at the board before we went in; the GPOs are at 300 mm so
# the water never got near them"): a precaution, not a hazard found.
_SWITCHED_OFF = re.compile(
    r"\b(?:isolat\w*|off|switched off|turned off|shut off|cut off|disconnected|de-?energi[sz]ed)\b", FLAGS
)
_NEVER_NEAR = re.compile(
    r"\b(?:never|didn'?t|did not|wasn'?t|was not) (?:got|get|gets|come|came|reach(?:ed)?|went|go)"
    r" (?:near|anywhere near|close to|up to)\b|\bnowhere near\b|\bwell (?:below|clear of) them\b"
    # "First thing was power off to the dishwasher circuit. The GPO behind it was dry": the part
    # the water could have reached, found dry
    r"|\b(?:gpos?|outlets?|sockets?|power ?points?|receptacles?|wiring|switchboard|board)\b"
    r"(?: [\w-]+){0,5} (?:was|were|is|are|stayed|remained) (?:bone |completely |still )?dry\b"
    # "fan circuit to be switched off at the panel while the duct is worked on": for the work
    r"|^[^.;]{0,40}?\b(?:while|during|for) (?:the )?(?:[\w-]+ ){0,3}(?:is |are )?"
    r"(?:worked on|works?|repairs?|replaced|being replaced)\b"
    # "circuit to the garage sockets switched off as a precaution - no damage found": a cut made
    # before anything was found, and nothing was (not "as a precaution because the water was near")
    r"|^[^.;]{0,40}?\b(?:as a|for a?) precaution\W{1,4}(?:and |but )?(?:there was )?no (?:sign of )?"
    r"(?:damage|faults?|issues?|problems?|water)\b",
    FLAGS,
)


def precaution_only(text: str, start: int, end: int) -> bool:
    """Whether a power cut named at start..end was only a precaution: what follows it says the
    water never got near the wiring, or found it dry, or that the cut was for the work."""
    if _SWITCHED_OFF.search(text, start, end) is None:
        return False
    # (the sentence after may say it: a line reads on past the sentence, within reach)
    return _NEVER_NEAR.search(text[end : end + _REFUTED_REACH]) is not None


# The supply failing in the weather, told as what stopped a pump or a freezer: "power flickered in the
# storm last night", "the power went out across the suburb at 2 am" - an outage, no hazard in the
# building's installation.
_SUPPLY_ONLY = re.compile(r"(?:the |our |mains )?(?:power|electricity|supply)\b", FLAGS)
_OUTAGE = re.compile(
    r"\b(?:storms?|outages?|blackouts?|brownouts?|grid|utility|the (?:street|suburb|area|neighbou?rhood|town"
    r"|block)|lightning|wind|load[- ]shedding|power cut)\b",
    FLAGS,
)


def outage_only(text: str, sentences: Sentences, start: int, end: int) -> bool:
    """Whether a state named at start..end is of the mains supply failing in the weather, not of a
    part of the installation."""
    if _SUPPLY_ONLY.match(text, start, end) is None:
        return False
    sentence_start, sentence_end = sentences.bounds(start)
    return _OUTAGE.search(text, max(sentence_start, start - _BEFORE_REACH), sentence_end) is not None


# The writer's verdict on a kind, by its own name: "no electrical concern", "No structural issues".
_KIND_WORDS = {
    HazardKind.ELECTRICAL: r"electrical|electrics",
    HazardKind.STRUCTURAL: r"structural",
    HazardKind.GAS: r"gas",
}
_VERDICT = r"\bno (?:%s) (?:issues?|concerns?|hazards?|problems?|risks?|damage|involvement|exposure)\b"
_KIND_VERDICTS = {kind: re.compile(_VERDICT % words, FLAGS) for kind, words in _KIND_WORDS.items()}


def verdict_follows(kind: HazardKind, text: str, sentences: Sentences, end: int) -> bool:
    """Whether the writer, past a part named at ..end, in the rest of its sentence or the very
    next one, says the kind is no concern ("GFCI tripped and reset - not wet; no electrical
    concern", "checked with the breaker off. No electrical hazard."). A verdict before the part
    ("no electrical damage found. The electrician locked out the lighting circuit") is not about it."""
    verdict = _KIND_VERDICTS.get(kind)
    if verdict is None:
        return False
    _, sentence_end = sentences.bounds(end)
    _, next_end = sentences.bounds(sentence_end) if sentence_end < len(text) else (0, sentence_end)
    return verdict.search(text, end, next_end) is not None


# A hazard's word as the first word of a firm's name: "the plumber (Blackwater Plumbing & Gas)",
# "Sewage Solutions Pty Ltd" - the name is the firm's, not the water's.
_FIRM_AFTER = re.compile(
    r"(?:\s+(?:&\s+)?[A-Z][\w']*){0,2}?\s+(?:&\s+)?(?:Plumbing|Plumbers|Drainage|Electrical|Electric|Services"
    r"|Solutions|Restoration|Cleaning|Contractors|Pty|Ltd|LLC|Inc|Co|Group)\b"
)


def firm_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised word at start..end opens a firm's name."""
    return text[start : start + 1].isupper() and _FIRM_AFTER.match(text, end) is not None


# A ceiling that "came down" in a clause that only times something else by it: "the scrubber ran only
# while the ceiling sheets came down" is the demolition, not a collapse.
_WHILE_BEFORE = re.compile(r"\b(?:while|whilst|as)\s+(?:the\s+|our\s+)?[^,;.]{0,30}$", FLAGS)
_CAME_DOWN = re.compile(r"\b(?:came|come|coming) down$", FLAGS)


def removal_timed(text: str, start: int, end: int) -> bool:
    """Whether a ceiling said to have come down at start..end times the work ("while ... came down")."""
    return (
        _CAME_DOWN.search(text, start, end) is not None
        and _WHILE_BEFORE.search(text, max(0, start - 40), start) is not None
    )
