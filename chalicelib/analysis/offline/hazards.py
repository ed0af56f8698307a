"""Safety hazards: asbestos, lead, electrical, biohazard, mould, slips, structure and gas.

A hazard is reported only with a reason the notes give: a named material or condition that the
sentence does not rule out ("no vermiculite", "asbestos not expected", "Electrical OK"), or a
build year that a rule of the job's country makes a presumption (asbestos before the configured
year in Australia; lead paint before 1978 in the US, where the job disturbs paint). A build year
alone says nothing elsewhere: a 1985 house in Colorado is no asbestos flag.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from chalicelib.analysis.findings import (
    Classification,
    HazardKind,
    Locale,
    SafetyHazard,
    SourceSpan,
)
from chalicelib.analysis.offline.dispatch_blocks import first_hand_text, second_hand_lines
from chalicelib.analysis.offline.hazard_denials import (
    RULED_OUT_AFTER,
    firm_name,
    outage_only,
    precaution_only,
    removal_timed,
    ruled_out,
    verdict_follows,
)
from chalicelib.analysis.offline.hazard_recall import EXTRA_HAZARDS
from chalicelib.analysis.offline.hazard_tests import cleared_by_test
from chalicelib.analysis.offline.mould_words import MOULD_GROWTH
from chalicelib.analysis.offline.scope import (
    MAX_DESCRIPTION,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    Sentences,
    around,
    clean_value,
    truncate,
)
from chalicelib.analysis.offline.water_sources import QUOTED
from chalicelib.analysis.standards import (
    Standards,
)

# The electrical hazard, read as a part of the installation and what befell it or was done about
# it, in either order and a few words apart: "the double socket below the window has a melted
# faceplate", "their electrician isolated the kitchen lighting circuit", "kitchen light isolated at
# the consumer unit", "tripped the RCD". Water that merely came "through" a light is not one: notes
# say it of every ceiling leak, and writers flag what was found in the fitting or done to it.
# A few words, never across , ; : . or a dash, nor past the water or gas that a verb may be about.
# A denial between the part and its state is no gap: "the RCD never tripped", "lights not isolated".
_GAP = (
    r"(?:[\s/()&\"']+(?!(?:water|gas|supply|valve|tap|stop|never|not|no|didn't|wasn't|hasn't)\b)"
    r"[\w#'\-]+){0,%d}?[\s/()&\"']+"
)
# Between a verb and the part it acts on: "isolated the #204 kitchen lighting circuit", not the place
# it was done from ("the dishwasher was isolated at the GPO" says nothing of the GPO).
_OBJECT_GAP = (
    r"(?:[\s/()&\"']+(?!(?:water|gas|supply|valve|tap|stop|at|from|by|on|via|with)\b)[\w#'\-]+){0,%d}?"
    r"[\s/()&\"']+"
)
_ELECTRIC_THING = (
    r"(?:power ?points?|gpos?|outlets?|sockets?|receptacles?|switchboards?|breakers?|wiring|wires"
    r"|cables?|cords?|(?:light(?:ing)?|ceiling|electrical) (?:fittings?|fixtures?|roses?|box(?:es)?)"
    r"|ceiling roses?|downlights?|(?:pot|can|recessed|ceiling) ?lights?|lights?|circuits?|ring(?: main)?"
    # ("the floor box under the bar", "HWS isolator left off": the one part as well as many)
    r"|rcds?|gfcis?|safety switch(?:es)?|main switch|floor box(?:es)?|isolators?|immersion heater"
    r"|consumer unit"
    r"|fuse ?box|electrics|power|electricity)"
)
# After the part: what happened to it or what was done, said of the installation only.
_ELECTRIC_STATE = (
    r"(?:isolated|tripped|(?:switched|turned|shut|left|kept|stays?|stayed|remains?|remained|went) off"
    r"|off (?:at|until)|locked out|tagged(?: out)?|de-?energi[sz]ed|disconnected|made safe"
    r"|(?:filled|full) (?:up )?(?:with|of) water"
    r"|(?:had|has|with) water (?:in|inside) (?:it|them)|flicker(?:ed|ing|s)|spark(?:ed|ing|s)|shorted"
    r"|melted|burnt|burned|scorched|heat[- ]damaged|arc(?:ed|ing)"
    r"|(?:to be|must be|until) (?:checked|tested|inspected|cleared) by (?:the |an? )?(?:[\w']+ ){0,2}"
    r"electrician)"
)
# "power points wet", "receptacles at 12 in. were wet", "breaker 14 off": a plain state, said of
# the part itself (next to it, or after "was"/"were"), so "power in the wet room" is not one.
_ELECTRIC_WET = (
    r"(?:(?:%s(?:is|are|was|were|got|been|stays?|stayed|left|kept|remains?|remained)|(?: \d+)?) "
    r"(?:all |both |also |still )?(?:off|wet|damp|splashed|submerged|under ?water|flooded|affected"
    r"|dripp(?:ed|ing)))" % (_GAP % 3)
)
# Before the part: what someone did to it, or water found in it.
_ELECTRIC_ACT = (
    r"(?:isolated?|isolating|tripped|(?:switched|turned|shut|cut) off|unplugged|disconnected|locked out"
    r"|de-?energi[sz]ed|melted|water (?:had |has )?(?:got |gotten |came |come |pooled |sat |collected )?"
    r"(?:in|into|inside|out of|reached|under|entered))"
)
_ELECTRICAL = re.compile(
    rf"\b(?:{_ELECTRIC_THING}{_GAP % 6}{_ELECTRIC_STATE}|{_ELECTRIC_THING}{_ELECTRIC_WET}"
    rf"|{_ELECTRIC_ACT}{_OBJECT_GAP % 4}{_ELECTRIC_THING}"
    # "DRG's electrician made safe", "made safe by the electrician": there was something to make safe
    r"|electrician (?:has |had |have )?made (?:it |them |\w+ )?safe|made safe by (?:the |an? )?electrician"
    r"|electrical hazard|electrocution|live (?:wires?|power|circuits?)|exposed wir(?:es|ing)"
    r"|(?:burnt|melted|damaged|wet) (?:wiring|wires|cables?|outlets?|receptacles?|power ?points?|gpos?)"
    r"|(?:power|supply|electricity) (?:has been |had been |was )?disconnected"
    r"|disconnected (?:the )?(?:house|power|supply|property|electricity))\b",
    FLAGS,
)


# A sagging or bulging ceiling is how notes describe a wet room ("ceiling plasterboard stained and
# sagging over 9 m2"); writers flag it as a hazard when they say what they did about it, or what it
# may do: propped, cordoned off, taped off, cut down for safety, at risk of falling. Acoustic tiles
# sagging in a suspended grid are a wet finish, not the structure.
_SAGGING = (
    r"(?:(?:sagging|bulging|bowed|bowing) (?:[\w\-]+ )?(?:ceiling|plaster)"
    r"|ceiling(?! tiles?)(?: [\w\-]+){0,6} (?:sagging|bowing|bowed|bulging)"
    r"|plaster(?:board)? (?:is |was )?(?:bulging|sagging))"
)
_MADE_SAFE = (
    r"(?:propped|cordoned|taped off|barricaded|barriered|closed off|no entry|keep out|for safety"
    r"|(?:collapse|falling) (?:risk|hazard)|risk of (?:collapse|falling)|at risk"
    r"|may (?:drop|fall|collapse|come down)"
    r"|unsafe|danger)"
)


_HAZARDS: tuple[tuple[HazardKind, str, re.Pattern[str]], ...] = (
    (
        HazardKind.ASBESTOS,
        "Asbestos",
        re.compile(
            r"\b(?:asbestos|acms?|fibro(?: ?cement)?|vermiculite|popcorn ceiling|cottage cheese ceiling"
            r"|9 ?(?:x|by|\u00d7) ?9(?: ?in(?:ch)?)? (?:vinyl |floor |asphalt )*tiles?)\b",
            FLAGS,
        ),
    ),
    (
        HazardKind.LEAD,
        "Lead",
        re.compile(
            # ("Consultant: A. Vos, BE(Hons), LBP, IICRC WRT": a licensed building practitioner among
            # a person's credentials, not lead-based paint)
            r"\b(?:lead(?:-based| based)? paint|lead-safe|lead safe|lead hazard|rrp"
            r"|lbp(?![,/ ]+(?:iicrc|wrt|asd|amrt|mrics|rics|nzibs|ciob|reg\b|licen[cs]e|#|no\b|\d))"
            r"(?<!\), lbp)"
            # "paint on the trim presumed lead (1938)", "presumed to contain lead - not to be sanded"
            r"|(?:presumed|assumed|suspected|likely) (?:to (?:contain|have|be) )?lead"
            # "they tested the paint ... It came back positive for lead"
            r"|positive for lead|lead(?: \w+){0,3} (?:tested|came back|returned|was|is) positive"
            # "skirtings almost certainly lead-painted", "lead painted sashes"
            r"|lead[- ]painted)\b",
            FLAGS,
        ),
    ),
    (HazardKind.ELECTRICAL, "Electrical", _ELECTRICAL),
    (
        HazardKind.BIOHAZARD,
        "Biohazard",
        re.compile(
            r"\b(?:raw sewage|sewage|black ?water|fa?ec(?:es|al)|feces|biohazard|bio-hazard"
            r"|grossly contaminated|flood ?waters?)\b",
            FLAGS,
        ),
    ),
    (HazardKind.MOULD, "Mould", MOULD_GROWTH),
    # Mould notes often say only "visible growth" or the S520 condition the growth makes.
    (
        HazardKind.MOULD,
        "Mould",
        re.compile(r"\b(?:(?:visible|fuzzy|actual|active) growth|cond(?:ition)? ?3)\b", FLAGS),
    ),
    (
        HazardKind.SLIP_TRIP,
        "Slip/trip",
        re.compile(
            r"\b(?:slip(?:pery)? (?:hazard|risk)|trip (?:hazard|risk)|slippery|wet[- ]floor signs?"
            r"|slip ?/ ?trip|cords? (?:taped|covered)|cord covers?"
            # "Wet floor - told tenant to keep out", "wet tile floor in the bath coned off": a wet floor
            # people were kept off is the slip hazard, not every wet floor a note describes
            r"|wet (?:[\w\-]+ ){0,2}floors?(?=[^.;]{0,50}?\b(?:cones?|coned|signs?(?! of)|signage"
            r"|keep (?:out|off|clear)|kept (?:out|off|clear)|taped[- ]off|barriers?|barricaded"
            r"|cordoned)\b))\b",
            FLAGS,
        ),
    ),
    (
        HazardKind.STRUCTURAL,
        "Structural",
        re.compile(
            r"\b(?:structural(?:ly)? (?:damage|concern|compromised|unsound|engineer)"
            # (not a suspended grid's tiles, finishes that drop when wet: "through the ceiling - lay-in
            # ceiling tiles collapsed"; nor "the edge of the collapse", where it fell)
            r"|(?<!suspended )ceiling(?! tiles?)(?: (?!tiles?\b)[\w\-]+){0,5}"
            r" (?<!the )(?<!a )(?:collapsed?|has come down|came down|fallen|fell|failing)"
            rf"|{_SAGGING}(?=[^.!?]{{0,80}}?{_MADE_SAFE})|{_MADE_SAFE}[^.!?]{{0,60}}?{_SAGGING}"
            r"|(?<!tiles )(?<!tile )(?<!the )(?<!a )collaps(?:e|ed|ing)"
            # "the bellied ceiling was a collapse risk until drained", "a risk of collapse"
            r"|(?:collapse|falling) (?:risk|hazard)|risk of (?:collapse|collapsing|falling in)"
            # (not a door or window "propped open" to let air through: that props no structure)
            r"|caved in|unsafe to enter|unstable"
            r"|propped(?! (?:open|ajar|back|(?:the |a )?(?:doors?|windows?|gates?)\b))"
            # the frame itself gone soft: "joist J9 is soft (punky), to be sistered", "plate decayed"
            r"|(?:joists?|bearers?|trusses?|rafters?|beams?|studs?|plates?)(?: [\w\-]+){0,4}"
            r" (?:is |are |was |were )?(?:soft|punky|rotten|rotted|decayed|spongy)"
            r"|sister(?:ed|ing)? (?:the )?joists?"
            # "ceiling tiles falling in the washroom (closed off)": still coming down, and kept clear
            rf"|ceiling(?: [\w\-]+){{0,3}} (?:falling|dropping)(?=[^.;]{{0,40}}?{_MADE_SAFE})"
            r"|(?:should|must|to) be sistered)\b",
            FLAGS,
        ),
    ),
    (
        HazardKind.GAS,
        "Gas",
        re.compile(
            r"\bgas (?:leak|smell|odou?r)\b|\bcarbon monoxide\b"
            r"|\bgas (?:supply |line |meter )?(?:shut|turned) off\b"
            r"|\bgas (?:supply|line) (?:isolated|capped)\b"
            # "gas isolated at the meter by the fire crew", "gas capped off at the hob": the gas itself
            r"|\bgas (?:(?:was|has been|had been) )?(?:isolated|capped)(?= (?:at|by|off|on|to|from)\b)"
            r"(?![^.!?]{0,80}\bno (?:gas )?(?:smell|odou?r|leak)s?\b)"
            # "gas to the water heater shut at its valve", "gas valve closed by the owner": the gas
            # supply (not a gas appliance) shut, whatever the words between
            r"|\bgas (?:(?:valve|cock|service|main) |to (?:the )?(?:[\w\-]+ ){1,3}?)"
            r"(?:was |is |has been |had been )?(?:shut|closed|isolated|capped|turned off)\b"
            # (a shut-off the same sentence clears: "gas to the heater shut at its valve; no gas smell")
            r"(?![^.!?]{0,80}\bno (?:gas )?(?:smell|odou?r|leak)s?\b)",
            FLAGS,
        ),
    ),
    *EXTRA_HAZARDS,
)


_KIND_OF = {pattern: kind for kind, _, pattern in _HAZARDS}


_ELECTRICAL_PATTERNS = frozenset(pattern for kind, _, pattern in _HAZARDS if kind is HazardKind.ELECTRICAL)


# "- Electrical: receptacle melted", "3. Gas: valve closed": a safety list names the kind itself.
_KIND_LABEL = re.compile(
    r"^[\s\-*#>\u2022\d.)]*(?P<kind>asbestos|lead(?: paint)?|electrical|electrics|gas|structural|biohazard"
    r"|slip(?: and trip| ?/ ?trip)?|trip)"
    r" ?[:\-] ?(?=\w)",
    FLAGS,
)


_LABEL_KINDS = {
    "asbestos": HazardKind.ASBESTOS,
    "lead": HazardKind.LEAD,
    "lead paint": HazardKind.LEAD,
    "electrical": HazardKind.ELECTRICAL,
    "electrics": HazardKind.ELECTRICAL,
    "gas": HazardKind.GAS,
    "structural": HazardKind.STRUCTURAL,
    "biohazard": HazardKind.BIOHAZARD,
    "slip": HazardKind.SLIP_TRIP,
    "trip": HazardKind.SLIP_TRIP,
}


_BUILT_YEAR = re.compile(
    r"\b(?:built|constructed|build year|year built|yr built|construction|circa|c\.|erected"
    r"|(?:house|home|dwelling|building|property)(?: (?:is|was))?(?: an?)?)\W{0,3}(?:in )?(?:the )?"
    r"(?P<year>1[89]\d\d|20[0-2]\d)s?\b(?! ?(?:sq|sf|m2|ft|mm))"
    r"|\b(?:an?|the) (?P<adjective>1[89]\d\d|20[0-2]\d)s? (?:house|home|build|brick|weatherboard|cottage"
    r"|bungalow|ranch|frame|dwelling)\b"
    r"|\b(?:predates|pre-dates|older than|built before) (?P<before>1[89]\d\d)\b",
    FLAGS,
)


_AU_ASBESTOS_COUNTRIES = frozenset({"AU"})


_US_LEAD_BEFORE = 1978  # the US ban on lead paint in housing


_HAZARD_SECTION = re.compile(
    r" ?(?:safety(?: notes?)?|hazards?|whs|oh&s|ohs|h&s|risks?|risk assessment)\b ?[:\-]? ?", FLAGS
)


# --- safety hazards ----------------------------------------------------------------------------


def _hazard_text(label: str, line: Line, start: int) -> str:
    sentence_start, sentence_end = around(Sentences(line.text), start, start, reach=MAX_DESCRIPTION)
    section = _HAZARD_SECTION.match(line.text, sentence_start)
    if section is not None:
        sentence_start = section.end()  # "Safety: ..." says the label already given
    excerpt = clean_value(line.text[sentence_start:sentence_end]) or line.text
    if excerpt.lower().startswith(f"{label.lower()}:"):
        return truncate(excerpt, MAX_DESCRIPTION)  # "- Electrical: the receptacle ...": labelled already
    return truncate(f"{label}: {excerpt}", MAX_DESCRIPTION)


# "water ran out through the ducted heating outlet", "the ceiling outlet", "dehu outlet": an outlet of
# air, not of power. Where the notes name such an outlet and never a power outlet, "the outlet" is it.
_AIR_OUTLET = re.compile(
    r"\b(?:duct(?:ed)?|heating|cool(?:ing|er)|air|ceiling|vent|hvac|a/?c|register|dehu\w*|drain)"
    r"(?: [a-z]+)? outlets?\b",
    FLAGS,
)
_POWER_OUTLET = re.compile(
    r"\b(?:power|electrical|electric|wall|gfci|gfi|duplex|double|single|floor|usb) outlets?\b", FLAGS
)
_OUTLET = re.compile(r"\boutlets?\b", FLAGS)


def _air_outlets_only(lines: Sequence[Line]) -> bool:
    air = any(_AIR_OUTLET.search(line.text) for line in lines)
    return air and not any(_POWER_OUTLET.search(line.text) for line in lines)


def _inside_quote(text: str, at: int) -> bool:
    return any(quote.start() < at < quote.end() for quote in QUOTED.finditer(text))


def _named(
    pattern: re.Pattern[str], line: Line, air_outlets: bool = False, unquoted_only: bool = False
) -> int | None:
    """Where the line names the hazard without ruling it out (with `air_outlets`, an outlet is
    the air's and no electrical part; with `unquoted_only`, a name inside quotation marks is
    someone else's word and does not count)."""
    first = pattern.search(line.text)
    if first is None:
        return None  # most lines name no hazard: no need to find their sentences
    sentences = Sentences(line.text)
    for match in pattern.finditer(line.text, first.start()):
        if air_outlets and pattern is _ELECTRICAL and _OUTLET.search(match.group(0)):
            continue
        # ("the circuit was off at the board before we went in; the water never got near them")
        if pattern in _ELECTRICAL_PATTERNS and (
            precaution_only(line.text, match.start(), match.end())
            or outage_only(line.text, sentences, match.start(), match.end())
        ):
            continue
        # ("Blackwater Plumbing & Gas" is a firm; "while the ceiling sheets came down" the demolition)
        if firm_name(line.text, match.start(), match.end()) or removal_timed(
            line.text, match.start(), match.end()
        ):
            continue
        # ('The agent calls it "sewage from the stack"' on a job graded below Category 3: someone
        # else's word, quoted, that the writer's own grade does not bear out)
        if unquoted_only and _inside_quote(line.text, match.start()):
            continue
        kind = _KIND_OF.get(pattern)
        if kind is not None and verdict_follows(kind, line.text, sentences, match.end()):
            continue
        if not ruled_out(line.text, sentences, match.start(), match.end()):
            return match.start()
    return None


def _labelled(kind: HazardKind, line: Line, pattern: re.Pattern[str]) -> int | None:
    label = _KIND_LABEL.match(line.text)
    if label is None or _label_kind(label) is not kind:
        return None
    sentences = Sentences(line.text)
    if ruled_out(line.text, sentences, label.start("kind"), label.end()):
        return None
    # "Asbestos - house built 2011, no ACM expected": the label's value rules out what it names.
    _, sentence_end = sentences.bounds(label.end())
    value = line.text[label.end() : sentence_end]
    if pattern.search(value):
        value_clears = _named(pattern, Line(line.number, value, value)) is None
    else:
        # "Gas: the meter is on the other side ...; gas supply not affected": a value that names no
        # hazard of its kind and says it is fine
        value_clears = _NONE_VALUE.match(value) is not None or RULED_OUT_AFTER.search(value) is not None
    if value_clears:
        return None
    return label.end()


# "Asbestos: none found", "Lead: N/A", "Gas: no."
def _label_kind(label: re.Match[str]) -> HazardKind:
    # "Slip and trip:", "Slip / trip:" are one kind with "Slip:"
    return _LABEL_KINDS[label.group("kind").lower().split()[0].split("/")[0]]


_NONE_VALUE = re.compile(
    r"\W*(?:none|nil|n/?a|negative|clear|not (?:present|found|detected|applicable|seen))\b|\W*no\W*$"
    # "Structural: no, floorboards are sound": the answer first, then why
    r"|\W*(?:no|nope)(?:[,;.]| [-\u2013] )"
    # "Asbestos: 1990s build, none.", "Lead - trim repainted 2015; nil": the reason first, the answer
    # last, nothing after it
    r"|[^.;]{0,60}?[,;] ?(?:none|nil|n/?a|no|negative|not (?:present|found|detected))\W*$",
    FLAGS,
)


def detect_hazards(
    lines: Sequence[Line],
    category: Classification | None,
    standards: Standards,
    locale: Locale | None = None,
) -> list[SafetyHazard]:
    """One hazard per kind, from a "Safety:" line when there is one, else the first line naming it."""
    hazards: dict[HazardKind, SafetyHazard] = {}
    # "Asbestos: house built 1984, clearance report - no ACM": the writer weighed the build year
    # and ruled the kind out on its own line; the era presumption must not overrule them.
    ruled_out_by_label: set[HazardKind] = set()
    safety_first = sorted(lines, key=lambda line: not _HAZARD_SECTION.match(line.text))
    # ("Loss type: SEWAGE BACKUP" in a header filled in from the call, then "No biohazard" in the
    # technician's own notes: the booking's word gives way to the writer's)
    second_hand = second_hand_lines(lines)
    booked: dict[HazardKind, SafetyHazard] = {}
    air_outlets = _air_outlets_only(lines)
    wrapped = _wrapped_sentences(lines)
    # a sewage word someone else used, quoted, stands only where the job's grade is Category 3
    quoted_aside = {HazardKind.BIOHAZARD} if category is None or category.value != 3 else set()
    for kind, label, pattern in _HAZARDS:
        if kind in hazards or kind in ruled_out_by_label:  # the writer's own label ruled it out
            continue
        for written in safety_first:
            # ("the sewage wording in the header came from the call center": the booking's, reported)
            line = Line(written.number, written.quote, first_hand_text(written.text))
            if written.number in second_hand or line.text != written.text:
                position = _named(pattern, written, air_outlets)
                if position is not None and kind not in booked:
                    booked[kind] = SafetyHazard(
                        description=_hazard_text(label, written, position), kind=kind, source=written.span()
                    )
                if written.number in second_hand:
                    continue
            kind_label = _KIND_LABEL.match(line.text)
            if kind_label is not None and _label_kind(kind_label) is kind:
                position = _labelled(kind, line, pattern)  # a line labelled with the kind: its value says
                if position is None:
                    ruled_out_by_label.add(kind)
            else:
                position = _named(pattern, line, air_outlets, unquoted_only=kind in quoted_aside)
                whole = wrapped.get(line.number)
                if position is None and whole is not None:
                    # ("... and the electrician" over "(booked 10/11) cleared the GPOs."): a sentence a
                    # PDF wrapped, read whole, for a hazard that starts on this line
                    found = _named(pattern, whole, air_outlets, unquoted_only=kind in quoted_aside)
                    if found is not None and found < len(line.text):
                        line, position = whole, found
            if position is not None:
                hazards[kind] = SafetyHazard(
                    description=_hazard_text(label, line, position), kind=kind, source=line.span()
                )
                break
    for kind, hazard in booked.items():
        if kind not in hazards and not _ruled_out_by_writer(kind, lines, second_hand):
            # ("Cause: toilet overflow (sewage)" booked from the call, then the technician finds
            # clean supply water: the writer's own grade, judged below 3, says no sewage was there)
            if kind is HazardKind.BIOHAZARD and category is not None and category.value in (1, 2):
                continue
            hazards[kind] = hazard
    cleared = cleared_by_test(lines)
    for kind in cleared:
        hazards.pop(kind, None)
    country = locale.country if locale else None
    for kind, presumed in (
        (HazardKind.ASBESTOS, _asbestos_era(lines, standards, country)),
        (HazardKind.LEAD, _lead_era(lines, country)),
    ):
        if (
            kind not in hazards
            and kind not in cleared | ruled_out_by_label
            and presumed is not None
            # ("c.1905 cottage" and then "No asbestos in the floor or subfloor": the writer looked)
            and not _ruled_out_by_writer(kind, lines, second_hand)
        ):
            hazards[kind] = presumed
    if (
        category is not None
        and category.value == 3
        and HazardKind.BIOHAZARD not in hazards
        and category.evidence
    ):
        hazards[HazardKind.BIOHAZARD] = SafetyHazard(
            description="Biohazard: Category 3 water is grossly contaminated; PPE and containment required.",
            kind=HazardKind.BIOHAZARD,
            source=category.evidence[0],
        )
    order = list(HazardKind)
    return sorted(hazards.values(), key=lambda hazard: order.index(hazard.kind or HazardKind.OTHER))


# A line a wrap broke mid-sentence: it ends with no stop and the next goes on in lower case or with
# a bracket ("... and the electrician" over "(booked 10/11) cleared the GPOs.").
_OPEN_END = re.compile(r"[\w,)]$")
_GOES_ON = re.compile(r"^(?:[a-z]|\((?=[^()]{1,40}\) ?[a-z]))")


def _wrapped_sentences(lines: Sequence[Line]) -> dict[int, Line]:
    """Each line a wrap broke, by its number, read together with the line that goes on with it."""
    out: dict[int, Line] = {}
    for line, following in itertools.pairwise(lines):
        if line.text and _OPEN_END.search(line.text) and _GOES_ON.match(following.text):
            joined = f"{line.text} {following.text}"
            out[line.number] = Line(line.number, line.quote, joined)
    return out


def _ruled_out_by_writer(kind: HazardKind, lines: Sequence[Line], second_hand: frozenset[int]) -> bool:
    """Whether the writer's own lines name the kind only to rule it out ("No biohazard"): the kind
    has no mention of the writer's that stands, or it would have been found there."""
    patterns = [pattern for each, _, pattern in _HAZARDS if each is kind]
    for line in lines:
        if line.number in second_hand or all(pattern.search(line.text) is None for pattern in patterns):
            continue
        text = first_hand_text(line.text)
        sentences = Sentences(text)
        for pattern in patterns:
            if any(ruled_out(text, sentences, m.start(), m.end()) for m in pattern.finditer(text)):
                return True
    return False


def _built_before(lines: Sequence[Line]) -> tuple[int, str, SourceSpan] | None:
    """The build year the notes give (the year before, for "predates 1978"), and how it is written."""
    for line in lines:
        built = _BUILT_YEAR.search(line.text)
        if built is None:
            continue
        written = built.group(0).strip()
        if built.group("before"):
            return int(built.group("before")) - 1, written, line.span()
        return int(built.group("year") or built.group("adjective")), written, line.span()
    return None


def _asbestos_era(lines: Sequence[Line], standards: Standards, country: str | None) -> SafetyHazard | None:
    # The configured era is an Australian rule; elsewhere a build year alone is no asbestos flag.
    if country not in _AU_ASBESTOS_COUNTRIES:
        return None
    before = standards.hazards.asbestos_era_built_before
    built = _built_before(lines)
    if built is None or built[0] >= before:
        return None
    return SafetyHazard(
        description=(
            f"Asbestos: {built[1]}, before {before}; asbestos-containing materials"
            " possible, test before demolition."
        ),
        kind=HazardKind.ASBESTOS,
        source=built[2],
    )


# Paint the job disturbs: "sand the trim paint", "cut out the painted drywall", "strip the paint".
_PAINT_DISTURBED = re.compile(
    r"\bpaint\w*\b[^.;]{0,80}?\b(?:sand\w*|scrap\w*|cut\w*|demo\w*|remov\w*|strip\w*|disturb\w*)\b"
    r"|\b(?:sand\w*|scrap\w*|cut\w*|demo\w*|remov\w*|strip\w*|disturb\w*)\b[^.;]{0,80}?\bpaint\w*\b",
    FLAGS,
)


def _lead_era(lines: Sequence[Line], country: str | None) -> SafetyHazard | None:
    # A US house built before 1978 is presumed to have lead paint, but the presumption is a hazard of
    # the job only where the notes have painted surfaces disturbed: "a 1957 ranch" whose carpet and
    # drywall come out raises no lead flag the writer did not raise.
    if country != "US" or not any(_PAINT_DISTURBED.search(line.text) for line in lines):
        return None
    built = _built_before(lines)
    if built is None or built[0] >= _US_LEAD_BEFORE:
        return None
    return SafetyHazard(
        description=(
            f"Lead: {built[1]}, before {_US_LEAD_BEFORE}; presume lead-based paint, work lead-safe."
        ),
        kind=HazardKind.LEAD,
        source=built[2],
    )
