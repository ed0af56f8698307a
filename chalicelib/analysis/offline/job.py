"""Job facts: damage type, claim number, insured, address, loss and inspection dates (the cause of
loss is cause_of_loss.py's)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chalicelib.analysis.findings import (
    DamageType,
    DateFact,
    JobInfo,
    SourceSpan,
    TextFact,
)
from chalicelib.analysis.offline.cause_words import CAUSE_LABEL, LOSS_PATTERNS
from chalicelib.analysis.offline.damage_mentions import doubted_mould, in_paired_kinds_name
from chalicelib.analysis.offline.dates import (
    Dates,
)
from chalicelib.analysis.offline.job_claim import claim_number
from chalicelib.analysis.offline.job_dates import JobDates
from chalicelib.analysis.offline.job_insured import unlabelled_insured
from chalicelib.analysis.offline.proper_names import in_business_name
from chalicelib.analysis.offline.spaces import (
    DAMAGE_KEYWORDS,
    LABEL_SEPARATOR,
)
from chalicelib.analysis.offline.street_types import STREET_TYPES
from chalicelib.analysis.offline.text import (
    FLAGS,
    MAX_QUOTE,
    SENTENCE_END,
    Line,
    clean_value,
    evidence_matches,
    first_found,
    has_evidence,
    letterhead_lines,
    truncate,
)
from chalicelib.analysis.offline.visit_days import Visits

_DAMAGE_LABEL = re.compile(
    rf"^(?:(?:loss|damage|claim|job) type|type of (?:loss|damage|claim)){LABEL_SEPARATOR}", FLAGS
)


# --- job facts ---------------------------------------------------------------------------------

_INSURED = re.compile(
    # ("Ins'd:", "Cust:", "Policyholders:": the field notes' and the consultant's forms of the labels)
    r"\b(?:(?:named )?insureds?(?: name| party| entity)?"
    # ("Insured as per the policy schedule: ...": where the name was taken from)
    r"(?: as (?:per|on|named (?:in|on)) (?:the )?(?:policy )?(?:schedule|policy|certificate))?"
    r"|insd|ins'd|ins(?=:)|policy ?holders?|p/?h|home ?owners?|h/o"
    r"|(?:property )?owners?(?: ?/ ?(?:insured|insd))?|client(?: name)?|customer(?: name)?|cust"
    # ("Prepared for: Fernhill Growers, Inc.", "Commissioned by: A. Whitford (owner)": a report's
    # client, read as "Client:" is: an insurer, an agent or a manager so named is not the insured)
    r"|prepared for|commissioned by|engaged by"
    # "Tenant (insured): Lachine Actuarial Partners Inc.": another role the bracket says holds the policy
    r"|(?:tenant|landlord|occupier|occupant|lessee|freeholder|leaseholder)"
    r"(?= ?\((?:the )?(?:named )?(?:insured|policy ?holder)\)))"
    r"(?: ?\([^)]{1,30}\))?(?: ?[:=]+ ?| [-\u2013\u2014] )",
    FLAGS,
)


# Prose: "I'm the policy holder, Jo Reyes", "12 Main St - owners Sam and Jo Reyes" (a capitalised name).
# "the policy is in the name of Karen Dunleavy", "policy in my name, Bethan Pryce": whose policy it is.
_INSURED_PROSE = re.compile(
    r"\b[Pp]olicy ?holder,? (?:is )?(?=[A-Z])|(?:^| [-\u2013\u2014] |, )[Oo]wners? (?=[A-Z][a-z])"
    r"|\b[Pp]olicy (?:is )?in (?:the )?names? of (?=[A-Z])|\b[Pp]olicy (?:is )?in my name,? (?=[A-Z])"
    # "the policy is in my husband's name (Marc Ouellette)": a relative's policy, the writer not the insured
    r"|\b[Pp]olicy (?:is )?in my (?:husband|wife|partner|spouse|father|mother|dad|mum|mom|son|daughter)'s"
    r" name,? \(?(?=[A-Z])"
    # "Homeowners Ana and Luis Ortega." opening a line; "... NT 0870. Owner R. Baines (landlord)"
    r"|^[Hh]ome ?owners? (?=[A-Z][a-z])|(?<=\. )[Oo]wners? (?=[A-Z]\. ?[A-Z][a-z])",
    re.ASCII,
)


_NAME_WORD = re.compile(r"^(?:[A-Z][\w'.\-]*|and|&|de|la|van|von|du)$", re.ASCII)


_MAX_NAME_WORDS = 8  # "Centre de services scolaire de la Riviere-Blanche"


_VALUE_END = re.compile(
    # (not the slash of "t/a", "o/a", "d/b/a": the trading name follows, cut below)
    r"[;|(]|(?<!\b[a-zA-Z])/| [-\u2013\u2014] | {3,}"
    r"| (?:ph|phone|mob|mobile|tel|cell|email|e-?mail|contact)\b"
    # the next field's label: a word, or a word and what it numbers ("Policy no:"); not the name's last
    # word ("Insured: Grace Ngata Claim: 55-2026")
    r"| [A-Za-z]+(?: (?:no|number|ref|reference|date|name|id|type|#))?\.? ?:"
    r"|,? \+?\d{3,}|@|, ?(?=\d)|,? (?:owner|tenant|contact|c/o)\b"
    # the next field's label with no colon: "Ins'd: Linda Vukovich Clm# OH-0429", "Insured: DESHMUKH,
    # Priya Claim ref HLF-7731", "Okafor-Banks, Adaeze Policy/claim: GA-55", "Sam Lee Carrier claim: NJM-4"
    r"| (?:clm|claim|policy|carrier|insurer)(?=\s*#| ?(?:ref\b|reference\b|no\b|number\b|/|claim\b))",
    FLAGS,
)


_ADDRESS_LABEL = re.compile(
    r"\b(?:(?:loss|property|site|risk|job|service|insured|street|job site) )?(?:address|addr)\b\.? ?[:=\-]+ ?"
    # ("First on site: 08/04, 2:20 PM", "Date on site:": when someone arrived, not where)
    r"|\b(?<!on )(?<!on-)(?:property|site|location|loss location|risk|premises)\b ?[:=]+ ?",
    FLAGS,
)


_ADDRESS_END = re.compile(
    r"[;|(]| [-\u2013\u2014] | (?:ph|phone|mob|mobile|tel|cell|email|dol|claim|insured)\b"
    # ("Property: 12 Elm St, Mesa, AZ 85203 Site visit: 12/01/2026": the next field on the line)
    r"| (?-i:[A-Z][a-z]+)(?: [a-z]+)? ?:(?!\d)",
    FLAGS,
)


_STREET_TYPES = STREET_TYPES


# A place's name after the street: a suburb, a town, a city ("Lake Wendouree", "Cairns City").
_PLACE = r"(?:[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f]+ ){0,2}[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f]+"


# A street's name word: accented ("Tūī", "René-Lévesque"), or a numbered street ("West 6th").
_STREET_WORD = r"(?:[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'\-]+|\d{1,3}(?:st|nd|rd|th))"
_STREET = re.compile(
    r"(?<![\w/])(?:(?:Unit|Apt|Suite|Lot) ?\d{1,4}[A-Za-z]?,? |U?\d{1,4}[A-Za-z]?/)?\d{1,5}[A-Za-z]? "
    rf"(?:(?:[NSEW]\.? |(?:North|South|East|West) )?(?:{_STREET_WORD} ){{1,3}}(?:{_STREET_TYPES})\b\.?"
    # "4417 38 Ave NW": a grid city's numbered street and its quadrant
    r"|\d{1,3} (?:St|Ave|Avenue|Street)\b\.?(?= (?:NW|NE|SW|SE)\b)"
    # "4115 rue Wellington": a French street, its type first
    rf"|(?:rue|avenue|boulevard|boul\.|chemin|place) (?:(?:de |des |du |de la )?{_STREET_WORD} ?){{1,3}}"
    # "410 Avenue P South": a lettered avenue, its letter after the type
    r"|Avenue [A-Z](?: (?:North|South|East|West))?(?![\w'])"
    r")"
    r"(?: (?:NW|NE|SW|SE|N|S|E|W)\b)?"
    rf"(?:,? {_PLACE}\b"
    # "27 Kowhai Terrace, Riccarton, Christchurch 8041": a suburb and its city, only before a state or
    # a postcode (not "12 Elm St, Kitchen, Lounge": rooms)
    rf"(?:, {_PLACE}\b(?=,? (?:[A-Z]{{2,3}}\b|\d{{4,5}}\b|[A-Z]{{1,2}}\d)))?)?"
    r"(?:,? [A-Z]{2,3}\b)?"
    # A postcode or ZIP; a Canadian "B2W 3K9" or a UK "LS12 3QT".
    r"(?:,? \d{4,5}\b|,? [A-Z]\d[A-Z] ?\d[A-Z]\d\b|,? [A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b)?",
    re.ASCII,
)


# "Sandhill Rd - get house # from office": a street named with no number, only as a note's heading.
_HEADING_STREET = re.compile(
    rf"^(?:[A-Z][A-Za-z']+ ){{1,3}}(?:{_STREET_TYPES})\b\.?(?=$| [-\u2013\u2014(]|,)", re.ASCII
)


_HEADING_LINES = 2  # the first lines only: further down, "Smith St" is a neighbour or a direction


# (category, what S500 calls it, pattern): the worst source named wins.
CATEGORY_SOURCES: tuple[tuple[int, str, re.Pattern[str]], ...] = (
    (
        3,
        "sewage (grossly contaminated)",
        re.compile(
            r"\b(?:raw sewage|sewage|sewer (?:back-?up|back up|overflow|surcharge|line|main|blockage)"
            r"|black ?water|fa?ec(?:es|al)|feces|human waste"
            r"|(?:soil|waste|drain|sewer) (?:pipe|stack|line) (?:burst|broke|broken|leak(?:ed|ing)?"
            r"|fail(?:ed|ure)"
            r"|blocked|backed up|collapsed)"
            r"|(?:pushed|came|welled|surged|bubbled|forced)(?: back)? up (?:through|from|out of|via)"
            r" (?:the )?"
            r"(?:floor drain|floor waste|basement drain|shower drain|toilet)"
            r"|(?:backed up|back-?up|overflow(?:ed|ing)?) (?:through|from|via) (?:the )?(?:floor waste"
            r"|floor drain"
            r"|toilet|shower drain|sewer)|floor waste (?:backed up|overflow(?:ed|ing)?|surcharg(?:ed"
            r"|ing))"
            # "the floor drain backed up", "the grease interceptor downstream had blocked"
            r"|(?:floor|basement|trench|main|sewer) drains? (?:had |has )?(?:backed up|overflowed|surcharged)"
            r"|grease (?:trap|interceptor|arrestor)s?(?: \w+){0,2} (?:had |has |was )?(?:blocked|backed up"
            r"|overflow(?:ed|ing)|fail(?:ed|ure)))\b",
            FLAGS,
        ),
    ),
    (
        3,
        "flood, surface or sea water (grossly contaminated)",
        re.compile(
            r"\b(?:flood ?waters?|flash flood(?:ing)?|riverine flood(?:ing)?|river flood(?:ing)?"
            r"|rising (?:water|flood(?:water)?s?)|creek (?:rose|flooded|burst)|overland (?:flow|flooding"
            r"|water)"
            # "Holes Creek came over its bank", "creek water came in through the window wells"
            r"|(?:creek|river|stream|bayou|lake|canal) ?water"
            r"|(?:came|went|spilled|rose) over (?:its|their|the) banks?"
            r"|(?:broke|burst|overtopped) (?:its|their|the) banks?"
            r"|storm ?surge|tidal (?:surge|inundation)|sea ?water|salt ?water inundation|king tide"
            r"|surface water (?:entered|intrusion|inundation|ingress)|ground ?water (?:intrusion|entered"
            r"|ingress)"
            r"|storm ?water (?:entered|ingress|inundation|runoff)|wind-?driven rain)\b",
            FLAGS,
        ),
    ),
    (
        2,
        "washing machine or dishwasher discharge (significant contamination)",
        re.compile(
            r"\b(?:washing machine|washer|dish ?washer|wm|w/m)(?: \w+){0,6}"
            # (not "the washer drain-box hole": the wall box its hose drains into, a fitting)
            r" (?:overflow(?:ed|ing)?|discharg(?:e|ed|ing)|drain(?:ed|ing)?(?![- ]?box)|drain hose|waste hose"
            r"|outlet hose"
            r"|pump(?:ed|ing)?(?: out)?|malfunction(?:ed)?|flood(?:ed)?|leak(?:ed|ing)?|fail(?:ed|ure)"
            r"|hose)\b"
            # "this is the machine's drain water (detergent, lint)"
            r"|\b(?:machine|washer)'?s? drain water\b"
            # "the water from the washing machine", "water out of the dishwasher": its discharge,
            # unless its supply hose is named after it (read as Category 1 by the caller)
            r"|\b(?:water|flood\w*|leak\w*) (?:from|out of) (?:the )?"
            r"(?:washing machine|washer|dish ?washer)\b"
            r"(?:'s)?(?: (?:inlet|supply|fill|cold|hot)(?: water)? (?:hose|line))?"
            r"|\b(?:overflow(?:ed|ing)?|discharge) (?:from|of) (?:the )?(?:washing machine|washer"
            r"|dish ?washer)\b",
            FLAGS,
        ),
    ),
    (
        2,
        "toilet bowl overflow without faeces (significant contamination)",
        re.compile(
            r"\b(?:toilet(?: bowl)? (?:overflow(?:ed|ing)?|blocked|backed up|blockage)"
            r"|overflow(?:ed|ing)? (?:toilet|wc)|urine)\b",
            FLAGS,
        ),
    ),
    (
        2,
        "grey water (significant contamination)",
        re.compile(
            r"\b(?:gr[ae]y ?water|aquarium|fish tank|water ?bed|hydrostatic (?:pressure|seepage)"
            r"|(?:sink|basin|shower|bath|laundry tub|trough) (?:drain|waste)(?: pipe| line)?"
            r" (?:leak(?:ed|ing)?|blocked|backed up|burst|fail(?:ed|ure))"
            # "it's sink waste - dishwater with food scraps", "basin waste water into the cavity":
            # used water from a fixture, not its supply
            # (not a bare "shower waste": the fitting a to-do names to test)
            r"|dish ?water|(?:sink|basin|shower|bath|tub|trough) waste ?water)\b",
            FLAGS,
        ),
    ),
    (
        1,
        "clean water supply",
        re.compile(
            r"\b(?:supply (?:line|hose|pipe)|(?:inlet|fill|cold|hot|mains?) (?:hose|line|pipe|supply)"
            r"|flexi(?:ble)? (?:hose|line|connector)|braided (?:hose|line|supply)"
            r"|(?:water|copper|pex|cpvc|pvc|poly) (?:pipe|line|main|supply)|water main|burst pipe|pipe burst"
            r"|broken pipe|split pipe|pinhole leak|ice ?maker(?: line| supply)?|fridge (?:line|water line)"
            r"|refrigerator (?:line|water line)|clean (?:domestic |potable |mains |supply |tap )water"
            r"|(?:cold|hot)[- ]water (?:riser|pipe|line|supply|main)"
            r"|domestic (?:cold |hot )?water (?:line|pipe|riser)"
            r"|(?:tap|faucet|mixer|valve|stop ?cock|isolation valve|angle (?:valve|stop))(?: \w+)?"
            r" (?:fail(?:ed|ure)?|leak(?:ed|ing)?|burst|broke|broken|split)"
            r"|hot water (?:system|heater|unit|tank|cylinder|service)|water heater|hws|geyser"
            r"|(?:toilet|cistern) (?:supply|inlet|fill valve|flexi)|cistern (?:overflow|leak)"
            r"|(?:burst|leak(?:ing|ed)?|broken|split|failed|cracked) (?:water )?pipe|pipe (?:leak|burst"
            r"|failure|split)|clean water(?: source| supply)?)\b",
            FLAGS,
        ),
    ),
)


SECTION_LABEL = re.compile(r"^[A-Za-z][A-Za-z /&#]{0,30}:")


# --- damage type -------------------------------------------------------------------------------


def _labelled_damage_type(line: Line) -> tuple[DamageType, SourceSpan] | None:
    # A label naming nothing we recognise ("Claim type: building") falls through to the keywords.
    label = _DAMAGE_LABEL.match(line.text)
    if label is None:
        return None
    value = line.text[label.end() :]
    named = first_found(
        damage_type for damage_type, pattern in DAMAGE_KEYWORDS if has_evidence(pattern, value)
    )
    return (named, line.span()) if named is not None else None


def _names_damage(damage_type: DamageType, pattern: re.Pattern[str], text: str) -> bool:
    """Whether the line names the damage, not only a firm named for it ("KDH Fire shut the riser",
    "Coastal Fire Protection replaced the head", "Bayside Water & Mould": a sprinkler job's fire
    contractor, a restorer's name), nor a mould it denies or guesses at ("can't see any mould")."""
    return any(
        not in_business_name(text, match.start(), match.end())
        and not in_paired_kinds_name(text, match.start(), match.end())
        and not (damage_type is DamageType.MOULD and doubted_mould(text, match.start(), match.end()))
        for match in evidence_matches(pattern, text)
    )


def _keyword_damage_type(lines: Sequence[Line]) -> tuple[DamageType, SourceSpan] | None:
    for damage_type, pattern in DAMAGE_KEYWORDS:
        evidence = first_found(line for line in lines if _names_damage(damage_type, pattern, line.text))
        if evidence is not None:
            return damage_type, evidence.span()
    return None


# "EOW first visit": an escape of water, as UK claim files write it. Read only for the damage type,
# when no other word names it: not a damage word beside a room.
_ESCAPE_OF_WATER = re.compile(r"\beow\b", FLAGS)


# The signs of water when no word names it: a moisture meter's readings, a ceiling stained or
# sagging ("brown stain on the bedroom ceiling ... Protimeter search mode 780"). Read only when nothing
# else names the damage (a fire's or a mould's words come first).
_WATER_SIGNS = re.compile(
    r"\b(?:protimeter|tramex|delmhorst|moisture (?:meter|readings?|map|content|mapping)|%\s?mc|wme"
    r"|(?:water|tide|brown|yellow) ?(?:stains?|staining|marks?) (?:on|to|across) (?:the |a )?(?:\w+ )?"
    r"ceiling)\b",
    FLAGS,
)


def detect_damage_type(lines: Sequence[Line]) -> tuple[DamageType, SourceSpan] | None:
    return (
        first_found(_labelled_damage_type(line) for line in lines)
        or _keyword_damage_type(lines)
        or first_found(
            (DamageType.WATER, line.span()) for line in lines if _ESCAPE_OF_WATER.search(line.text)
        )
        or first_found((DamageType.WATER, line.span()) for line in lines if _WATER_SIGNS.search(line.text))
    )


# --- job facts ---------------------------------------------------------------------------------


def _labelled_value(label: re.Pattern[str], end: re.Pattern[str], text: str) -> str | None:
    match = label.search(text)
    if match is None:
        return None
    rest = text[match.end() : match.end() + MAX_QUOTE]
    cut = end.search(rest)
    return clean_value(rest[: cut.start()] if cut else rest)


# A client label names whoever engaged us: an agent or the insurer itself ("Client: Hudson Ridge
# Insurance, on claim ...", or a bare "Ins: Dragon Mutual", the insurer as often as the insured) is
# not the insured, and "Client: Harbour Lane Property Management, for
# the owner Ms B. Achterberg" names the owner after it.
_CLIENT = re.compile(r"^\W*(?:client|customer|cust|ins\b|prepared for|commissioned by|engaged by)", FLAGS)
_FOR_OWNER = re.compile(
    r"[^;|]{0,80}?,? (?:for|on behalf of) (?:the )?owners?,? (?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?"
    r"[A-Z][\w'\-]*(?: [A-Z][\w'\-.]*){0,3})",
)
_INSURED_WORD = re.compile(r"ins|polic|p/?h", FLAGS)  # a label that names the insured itself
_NO_CLAIM = re.compile(
    # (not "no insurance claim at this time": the owners may yet claim, and are the insured)
    r"\b(?:private(?:ly)? (?:engagement|engaged|funded|job|work)|not an insurance (?:job|claim))",
    FLAGS,
)
_NOT_INSURED_CLIENT = re.compile(
    r"\b(?:insurance|insurer|assurance|mutual|underwriters?|lettings?|property management|managing agents?"
    r"|realty|real estate|strata|body corporate|loss adjust\w*)\b",
    FLAGS,
)


# A report's client ("Prepared for:", "Commissioned by:") tagged with a role that is not the owner's
# or the policyholder's ("(freeholder)", "(managing agent)"): whoever they are, not the insured.
_REPORT_CLIENT = re.compile(r"^\W*(?:prepared for|commissioned by|engaged by)", FLAGS)
_OTHER_ROLE = re.compile(r"\.?\s*\((?![^)]*\b(?:owners?|insured|policy ?holders?)\b)[^)]{1,40}\)", FLAGS)


def _client_insured(text: str) -> tuple[str | None, bool]:
    """The insured a line's label gives, and whether the label was only "Client" (a later insured or
    policyholder label says it better)."""
    label = _INSURED.search(text)
    if label is not None and not _INSURED_WORD.search(label.group(0)) and _NO_CLAIM.search(text, label.end()):
        return None, True  # "Client: J. Moss (owner; private engagement)": no insurer, so no insured
    if label is None or not _CLIENT.match(label.group(0)):
        return _insured(text), False
    owner = _FOR_OWNER.match(text, label.end())
    if owner is not None:
        return owner.group("name"), True
    value = _insured(text)
    if value is not None and _REPORT_CLIENT.match(label.group(0)):
        after = text[text.find(value, label.end()) + len(value) :] if value in text else ""
        if _OTHER_ROLE.match(after):
            return (
                None,
                True,
            )  # "Prepared for: Quayside Court Ltd (freeholder)": another role than the insured's
    if value is not None and _NOT_INSURED_CLIENT.search(value):
        # "Client: RAA Insurance, claim 66-1. Insured: Mr Lorenzo Bianchi": the insurer engaged us, and
        # the insured's own label follows on the line
        later = _INSURED.search(text, label.end())
        while later is not None and not _INSURED_WORD.search(later.group(0)):
            later = _INSURED.search(text, later.end())
        return (_insured(text[later.start() :]), False) if later is not None else (None, True)
    return value, True


# A table's row, as a Word table ("Policyholder | Ewan Tolmie") or a PDF's text gives it (the cells
# one space apart: "Insured Margaret Hollis"): the label is the row's first cell, a name the rest.
_ROW_INSURED = re.compile(
    r"^\W*(?:(?:named )?insured(?: name| party)?|policy ?holders?(?: name)?|(?:client|owner) ?/ ?insured)"
    r"(?: ?\| ?| (?=(?-i:[A-Z])))",
    FLAGS,
)
_ROW_NAME_WORDS = 2  # a row's name has two words at least: "Insured | Address" is a header row


def _row_insured(text: str) -> str | None:
    row = _ROW_INSURED.match(text)
    if row is None:
        return None
    # (the rest of the row read by hand, not by a pattern: a long line costs no more than a short one)
    rest = text[row.end() :].strip(" \t|")
    if rest.endswith(")") and "(" in rest:
        # a bracket after the name says more of them: "Mathieu Roy (owner, occupies unit 1)"
        rest = rest[: rest.index("(")]
    words = rest.split()
    if (
        "|" in rest  # more cells: a header row, or another field
        or not _ROW_NAME_WORDS <= len(words) <= _MAX_NAME_WORDS
        or not all(_NAME_WORD.match(word.rstrip(",")) for word in words)
    ):
        return None
    return " ".join(words)


def _insured(text: str) -> str | None:
    value = _labelled_value(_INSURED, _VALUE_END, text) or _row_insured(text)
    if value is None:
        value = _labelled_value(_INSURED_PROSE, _VALUE_END, text)
        if value is not None and "(" not in value:
            value = value.rstrip(")")  # "in my husband's name (Marc Ouellette)": the bracket's close
        if value is not None:
            # the name ends its sentence or its clause: "Homeowner Priscilla Doane, on site all day"
            title = _TITLE.match(value)
            end = SENTENCE_END.search(value, title.end() if title else 0)
            value = value[: end.start()] if end else value
            value = value.split(",", maxsplit=1)[0]
        if value is not None and not all(_NAME_WORD.match(word) for word in value.split()):
            return None  # prose after "owners" that is not a name
    if value is not None:
        # "Owner/insd: M. Latrobe. Tenant on site." (not a title's point: "Ms. Corinne Abernathy")
        title = _TITLE.match(value)
        end = SENTENCE_END.search(value, title.end() if title else 0)
        value = clean_value(value[: end.start()]) if end else value
    if value is not None and (street := _STREET.search(value)) is not None and street.start() > 0:
        # "Insd: Whitfield, Aroha & Dean   27 Te Aroha St, Hillcrest": the address after the name
        # (its wide gap was closed when the line was read)
        value = clean_value(value[: street.start()].rstrip(" ,-"))
    if value is not None:
        # "Riverfront Lodging LLC dba The Yards Hotel": the insured is the company, not its trading name
        value = _TRADING_AS.split(value, maxsplit=1)[0].rstrip(" .")
    # A name starts with a letter: "PH: 0412 ..." is a phone number; "not on the referral" is none.
    if (
        value is None
        or not (value[0].isalpha() or _NUMBERED_COMPANY.match(value))
        or len(value.split()) > _MAX_NAME_WORDS
        or _NO_NAME.match(value)
    ):
        return None
    return value


_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\. ")
_TRADING_AS = re.compile(r" (?:dba|d/b/a|t/a|o/a|trading as|operating as)\b", FLAGS)
# "2291044 Ontario Inc.": a numbered company, a name that starts with its number
_NUMBERED_COMPANY = re.compile(r"^\d{3,}(?: [A-Z][\w'&-]*){1,3} (?:Inc|Ltd|Limited|LLC|Corp|Pty Ltd)\b\.?")
# (nor 'tenant, "Shauna"': the customer is someone else on the job, not the policyholder)
_NO_NAME = re.compile(
    r"(?:not|unknown|n/a|tba|tbc|none|nil"
    r"|(?:the )?(?:tenants?|renters?|occupants?|occupiers?|agents?|property managers?|neighbou?rs?))\b",
    FLAGS,
)


# "Property: Flat 1 (ground floor), 27 Cwm Road, Swansea": a unit, its bracket, then the street.
_UNIT_FIRST = re.compile(
    r"(?:Flat|Unit|Apt|Apartment|Suite|Shop|Level|Lot) ?\d{1,4}[A-Za-z]? \([^()]{1,30}\),? "
)


def _address(text: str) -> str | None:
    value = _labelled_value(_ADDRESS_LABEL, _ADDRESS_END, text)
    label = _ADDRESS_LABEL.search(text)
    unit = _UNIT_FIRST.match(text, label.end()) if label is not None else None
    if unit is not None and _STREET.match(text, unit.end()) is not None:
        rest = text[unit.end() : unit.end() + MAX_QUOTE]
        cut = _ADDRESS_END.search(rest)
        value = clean_value(text[unit.start() : unit.end()] + (rest[: cut.start()] if cut else rest))
    if value is not None and _DOUBTED.search(value):
        return None  # ("Site: Unit 6, 14 Bridge St?" - the writer is not sure of it: say nothing)
    # A labelled address has a street number; "Location: kitchen" is a room.
    if value is not None and any(char.isdigit() for char in value) and any(char.isalpha() for char in value):
        return value.rstrip(",")
    # "Job: 27 Wattle Grove, Croydon VIC 3136": a label that also heads job numbers, so only a street
    job = _labelled_value(_JOB_LABEL, _ADDRESS_END, text)
    if job is not None and _STREET.match(job) is not None:
        return job.rstrip(",")
    return None


_JOB_LABEL = re.compile(r"\b(?:job|premises|loss site|job location)\b ?[:=]+ ?", FLAGS)


# A question mark on an address: "5127 Rochdale Blvd?? - mailbox says 5172", "Toowoomba?".
_DOUBTED = re.compile(r"\?")


def _street(text: str) -> str | None:
    match = _STREET.search(text)
    if match is None or _DOUBTED.match(text, match.end()):
        return None
    return match.group(0).rstrip(" ,.")


def _heading_street(lines: Sequence[Line]) -> TextFact | None:
    for line in [line for line in lines if line.text][:_HEADING_LINES]:
        match = _HEADING_STREET.match(line.text)
        if match is not None:
            return _fact(match.group(0), line)
    return None


@dataclass
class _JobScan:
    claim: TextFact | None = None
    insured: TextFact | None = None
    address: TextFact | None = None
    street: TextFact | None = None

    def to_model(self, date_of_loss: DateFact | None, inspection: DateFact | None) -> JobInfo:
        return JobInfo(
            claim_number=self.claim,
            insured=self.insured,
            address=self.address or self.street,
            date_of_loss=date_of_loss,
            inspection_date=inspection,
        )


def read_job(lines: Sequence[Line], dates: Dates, visits: Visits) -> JobInfo:
    scan = _JobScan()
    client_only = False  # the insured so far is a "Client:" label's
    letterhead = letterhead_lines(lines)
    for line in lines:
        text = line.text
        if not text:
            continue
        scan.claim = scan.claim or _fact(claim_number(text), line)
        if scan.insured is None or client_only:
            insured, client = _client_insured(text)
            if insured is not None and (scan.insured is None or not client):
                scan.insured, client_only = _fact(insured, line), client
        scan.address = scan.address or _fact(_address(text), line)
        if line.number not in letterhead:  # the contractor's own address is not the job's
            scan.street = scan.street or _fact(_street(text), line)
    if scan.address is None and scan.street is None:
        scan.street = _heading_street(lines)
    if scan.insured is None:
        named = unlabelled_insured(lines)
        scan.insured = _fact(named[0], named[1]) if named else None
    date_of_loss, inspection = JobDates(dates, visits, _is_about_loss).read(lines)
    return scan.to_model(date_of_loss, inspection)


def _is_about_loss(sentence: str) -> bool:
    """ "Kitchen fire 2 Jan 2025", "Cause: hose blew off 04.08": a sentence about the loss itself."""
    # (a firm named for the water it works on says nothing of the loss: "Northern Water Pros came
    # out on Tuesday 3 March" dates their visit)
    return bool(CAUSE_LABEL.match(sentence)) or any(
        not in_business_name(sentence, match.start(), match.end())
        for pattern in LOSS_PATTERNS
        for match in pattern.finditer(sentence)
    )


def _fact(value: str | None, line: Line) -> TextFact | None:
    return TextFact(value=truncate(value, MAX_QUOTE), source=line.span()) if value else None
