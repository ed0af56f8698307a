"""The insured when no label names them: a header's abbreviation, a job heading, the policyholder's
own email, or the narrative ("Sam Reid and his wife ...", "Sam Reid called us about her ceiling").

Every form here is a fallback after the labelled insured, and each names a person only where the
text ties them to the property: a tenant, agent, manager or adjuster is never the insured, so the
narrative forms are not read at all in a document about a tenancy.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from chalicelib.analysis.offline.text import FLAGS, Line

# A name as written: "Rosa Whitcombe", "Colin MacLeod", "J. Moreno", "O'Neill".
_WORD = r"[A-Z][A-Za-z'\-]*[a-z]"
_NAME = rf"{_WORD}(?: (?:{_WORD}|[A-Z]\.)){{0,3}}"
_FULL_NAME = rf"{_WORD}(?: [A-Z]\.)? {_WORD}(?: {_WORD})?"


# Words a capitalised phrase in those places may be that are no person's name.
_NOT_NAME = re.compile(
    r"\b(?:water|fire|flood|mou?ld|storm|leak|sewage|smoke|damage|claim|insurance|insurer|restoration"
    r"|residential|commercial|emergency|drying|job|site|notes?|report|tenant|owner|unit|flat|house|home"
    r"|kitchen|bathroom|laundry|bedroom|basement|office|advised|says|said|reports?|not|no|called|rang"
    # someone else on the job
    r"|adjusters?|agents?|managers?|contacts?|plumbers?|technicians?|tech|inspectors?|assessors?|directors?"
    r"|supervisors?|estimators?|brokers?|neighbou?rs?|landlords?|tenants?|crew|team|company"
    # words that start a sentence
    r"|the|then|when|after|before|later|so|and|but|our|my|his|her|their|this|that|these|those|finally"
    r"|today|tonight|yesterday|eventually|luckily|thankfully|unfortunately|also|once|while|meanwhile"
    r"|first|next|someone|nobody|everyone|she|he|they|we|it|there|here|what|who|if|as|by|on|at|in"
    r"|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
    r"|jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b",
    FLAGS,
)


# What may follow a name in a header: a separator, a street number or the line's end (or the
# sentence's: "insured Tamar Rowing Club Inc.")
_HEADER_END = r"(?=\s*(?:$|[\-\u2013\u2014,|;(/]|\d|\.(?:\s|$)))"
# "insd OKAFOR, Tess": a file's surname first, in capitals, then the given name
_SURNAME_FIRST = r"[A-Z]{2,}(?:['\-][A-Z]+)*, [A-Z][a-z'\-]+"
# a body's legal ending: "Inc", "Ltd", "Pty Ltd", "LLC"
_INCORPORATED = r"(?:Inc|Incorporated|Ltd|Limited|Pty Ltd|LLC|Co-?op)\b"


# "HO Rosa Whitcombe - 418 ...", "PH J. Moreno, ...": the owner's abbreviation with no colon.
_ABBREVIATED = re.compile(
    rf"(?<![\w/])(?:HO|H/O|PH|P/H|INSD|Insd|insd)\.? (?P<name>{_NAME}|{_SURNAME_FIRST}){_HEADER_END}"
    # "Re: Claim No. SM-HO-2026-558810, insured Gideon Pryce-Lopez": the role as a word, no colon
    rf"|(?<![\w/])(?-i:insured|policyholder|policy holder) (?P<named>(?:(?:Mr|Mrs|Ms|Dr)\.? )?{_FULL_NAME}"
    # "Claim reference for anyone following up: 04-77, insured Tamar Rowing Club Inc.": a body
    rf"|{_WORD}(?: {_WORD}){{0,4}} {_INCORPORATED}|{_SURNAME_FIRST}){_HEADER_END}"
)


# "JOB 4471 Mulholland, 7 Frangipani Ct": a job filed under the customer's name, then the street.
# ("JOB 26-1187 | Wierzbicki | 7 Derwent Crest": the heading's cells set apart by bars)
_JOB_HEADING = re.compile(
    r"^[\s#*>\-]*(?:JOB|Job)\b\.?\s*(?:#|no\.?|number)?\s*:?\s*[A-Z]{0,4}[\-/]?\d[\w\-/]*\s*[:\-\u2013|]?\s*"
    rf"(?P<name>{_NAME})\s*(?:,|[\-\u2013\u2014|]) ?(?=\d{{1,5}}[A-Za-z]?(?:/\d+)? [A-Z])"
)


_HEADER_LINES = 3  # the job heading is one of the note's first lines


# "Tower claim CLM-2025-044817 - Hemi & Rosa Tane, 12 Campbell Rise", "Job: Whitcombe, 42 Glenpark
# Ave": a heading that files the job under the customer's name, then the street.
_NAMED_HEADING = re.compile(
    # ("Mrs P. Hollingsworth, 14 Gertrude Road, Norwich": a titled person heading the note)
    rf"^[\s#*>\-]*(?P<titled>(?:Mr|Mrs|Ms|Miss|Dr)\.? (?:[A-Z]\. )?{_NAME}), (?=\d{{1,5}}[A-Za-z]? [A-Z])"
    # ("Ana & Luis Ortega | 12 Elm St", "Tomas Reyes Sr., 40 Oak Dr": a person or a couple, and their
    # street, opening a line: a first name and a surname, no more, so a firm's three words are not read)
    rf"|^[\s#*>\-]*(?P<person>(?:{_WORD} (?:&|and) )?{_WORD} {_WORD}(?: (?:Jr|Sr)\.| II| III)?)"
    r"(?:, | [|\-\u2013\u2014] )(?=\d{1,5}[A-Za-z]? [A-Z])"
    r"|^[\s#*>\-]*(?:(?:Job|JOB|Customer|Re)\b ?:|[^\n]{0,40}?\b(?:claim|Claim|CLAIM)\b[^\n]{0,40}?"
    r" [\-\u2013\u2014|])\s*"
    # ("Claim VA-77 | Sam & Jo Reyes | 91 Old Mill Trace": the heading's cells, the street last)
    rf"(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.? )?{_NAME}(?: (?:&|and) {_NAME})?)(?:, | [|\-\u2013\u2014] )"
    r"(?=\d{1,5}[A-Za-z]?(?:/\d+)? [A-Z])"
)


# A heading's name that is a building's, not a person's: "Harbour View, 12 Elm St".
_PLACE_NAME = re.compile(
    r"\b(?:view|tower|towers|court|centre|center|building|plaza|apartments?|hall|church|school|clinic"
    r"|lodge|hotel|motel|house|wharf|place|mews|estate|park)\b",
    FLAGS,
)


# A heading's name that is a firm's: "Coastal Dry Solutions, 14 Port Rd" (the contractor's own).
_FIRM = re.compile(
    r"\b(?:dry|drying|solutions?|services?|group|co|corp|plumbing|builders?|construction|restorations?"
    r"|response|recovery|cleaning|carpets?|remediation|adjusting|contractors?|holdings|properties)\b",
    FLAGS,
)


# "From: Rosa Whitcombe" (an email the policyholder wrote: see `_OWNER_VOICE`).
_FROM = re.compile(rf"^\s*From: ?(?P<name>{_FULL_NAME})\s*(?:<[^>]{{0,80}}>)?\s*$")


_EMAIL_HEADER_LINES = 6


# "so I'm Sam Reid on the claim"
_SELF_NAMED = re.compile(
    rf"\b(?:I'm|I am|my name is|this is) (?P<name>{_FULL_NAME})(?:,? on the (?:claim|policy)\b"
    r"|, the (?:policy ?holder|insured|home ?owner|owner)\b)"
)


# The writer holding the policy: "Policy is in my name", "My policy number is ...".
_POLICY_MINE = r"\bpolicy (?:is )?in (?:my|our) names?\b|\b(?:my|our) policy\b"


# The writer speaking as the owner of the property.
_OWNER_VOICE = re.compile(
    r"\b(?:our|my) (?:own )?(?:house|home|place|flat|apartment|condo|townhouse|property|policy|insurer"
    r"|insurance (?:company|policy))\b|\bwe(?:'re| are) at \d"
    r"|\bI'm the (?:policy ?holder|home ?owner|owner)\b"
    # the policyholder asking about their own cover: "can you tell me if we're covered for the floor"
    r"|\b(?:we're|we are|are we|I'm|I am|am I) (?:still |fully )?covered\b"
    # the household telling its own rooms and people: "our back bedroom", "my son said his ceiling"
    r"|\b(?:our|my) (?:[a-z]+ ){0,2}(?:kitchen|bedroom|bathroom|bathtub|ceilings?|laundry|basement|lounge"
    r"|dining room|living room|hallway|spare room|lounge room|rumpus(?: room)?|cupboard|garage|carpets?)\b"
    r"|\bmy (?:husband|wife|partner|son|daughter|mum|mom|dad|mother|father|kids|family"
    r"|(?:mother|father|brother|sister)-in-law)\b"
    # the household's own floors and fittings: "Our hardwood in the dining room", "our fridge"
    r"|\b(?:our|my) (?:hardwood|floor(?:s|boards)?|timber floors?|walls?|fridge|dishwasher"
    r"|washing machine|water heater|hot water (?:cylinder|system|unit|service))\b"
    r"|\bour (?:son|daughter|kids|children)\b"
    # the claimant telling their own claim: "I ticked it by mistake when I started the claim"
    r"|\b(?:my|our) claim\b"
    r"|\b(?:I|we) (?:started|lodged|made|opened|submitted|filed|put in) (?:the|a|my|our) claim\b|"
    + _POLICY_MINE,
    FLAGS,
)


# A tenancy, or someone managing the property for its owner: the caller may be anyone of these.
_TENANCY = re.compile(
    r"\b(?:tenants?|tenancy|renters?|rents|renting|rented|landlord|lease[ds]?|leasing|letting agent"
    r"|property manager|managing agent|rental|strata|body corporate|hoa|condo association)\b",
    FLAGS,
)


# "Colin Reid and his wife had been out", "Sam Reid called us about a stain on her ceiling".
_WITH_FAMILY = re.compile(
    rf"(?:^ ?|[.!?] )(?P<name>{_FULL_NAME}) and (?:his|her|their) (?:wife|husband|partner|family|kids"
    r"|children|son|daughter)\b"
)


_CALLED_US = re.compile(
    rf"(?:^ ?|[.!?] )(?P<name>{_FULL_NAME}) (?:called|rang|phoned|contacted|emailed)"
    r" (?:us|our office|the office)\b"
    # "Got the call from Mrs Delia Fairweather on Tuesday": the caller named by title after the call
    r"|\b(?i:got|took|had|received|answered) (?:the |a |an )?(?:[a-z-]+ )?call from"
    rf" (?P<titled>(?:Mr|Mrs|Ms|Miss|Dr)\.? {_FULL_NAME})"
)


# The caller's own property, told after the call: "her dining room ceiling", "Her address is".
_THEIR_PROPERTY = re.compile(
    r"\b(?:her|his|their) (?:[a-z]+ ){0,2}(?:house|home|address|place|property|carrier|insurer|insurance"
    r"|policy|room|ceiling|floor|hallway|hall|kitchen|bathroom|basement|garage|laundry|closet"
    # the household at home: "her son was doing a load of washing"
    r"|son|daughter|husband|wife|kids|children)\b",
    FLAGS,
)


_PROPERTY_REACH = 400  # how far after the call the caller's property must be told


# Someone calling for the owner: "Sam Reid called us on behalf of the owner", "... called us as agent".
_FOR_SOMEONE = re.compile(
    r"\b(?:adjusters?|agents?|managers?|tenants?|insurer|carrier|broker|on behalf|neighbou?rs?|contractor"
    r"|plumber|for (?:the|her|his|their) (?:owner|client|insured|mother|father|parents?))\b",
    FLAGS,
)


_ROLE_REACH = 120  # how far into the call's sentence a role given to the caller may be told


# Two people of one household: "Tom and Alessia Ferraro", "Marisol Pruett and David Pruett".
_COUPLE = rf"(?:{_FULL_NAME}|{_WORD}) and {_FULL_NAME}"
_TITLED = rf"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?(?:{_COUPLE}|{_FULL_NAME})"


# The property or the claim told as theirs: "for Tom and Alessia Ferraro (AAMI claim 0412-778)",
# "on Ms Tahnee Russo's lowset brick home at 27 Farrell St", "The policy is in both our names
# (Marisol Pruett and David Pruett)".
_THEIRS = re.compile(
    rf"\bfor (?P<a>{_TITLED}) \((?:[A-Z][\w&]* ){{0,2}}(?:claim|policy)\b"
    rf"|\b(?P<b>{_TITLED})'s (?:[a-z\-]+ ){{0,3}}(?:home|house|property|townhouse|cottage|villa)"
    r" (?:at|in|on) \d"
    rf"|\bpolicy is in (?:both )?(?:our|their) names \((?P<c>{_COUPLE}|{_FULL_NAME})\)"
)


# A field's value tagged as the insured ("Strata: The Owners of Riverbank Quays, Strata Plan 48812
# (insured)"), or the writer saying who it is ("for the record the insured is Owners Corporation 1
# PS 734218T."): a body corporate or a company as often as a person, so no name test beyond its
# capital and its length.
_TAGGED = re.compile(
    r"^[\s#*>\-]*[A-Z][\w /&'-]{0,30}: (?P<name>[A-Z][^:()|;]{2,80}?) \("
    # ("Prepared for: Beck Court Ltd (freeholder and buildings policyholder)": another role first)
    # ("Commissioned by: Mr Gareth Pryce-Jones (landlord / policyholder)", "(owner/insured)")
    r"(?:[a-z][a-z ]{0,30}?(?: and|,|&| ?/) ?)?(?:the )?(?:named )?(?:buildings? |contents )?"
    r"(?:insured|policy ?holder)\)"
    # "Caller: Ngaire Tait (owner-occupier)": a field's person tagged as the property's owner, who holds
    # the building's policy (a tenant, agent or manager tagged so is never read here)
    r"|^[\s#*>\-]*[A-Z][\w /&'-]{0,30}: "
    r"(?P<owner>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][\w'\-]+(?: [A-Z][\w'\-]+){1,3})"
    r" \((?:home ?|property )?owner(?:[- ]occupiers?)?\)"
)
_INSURED_IS = re.compile(
    # ("Report for the florist. Insured is Fern & Co Pty Ltd, tenancy 2": a sentence opening with it)
    # ("Policy holders are Sam & Jo Reyes", "The insured is the Harbour Rowing Trust": the article kept out)
    r"(?:\b(?:the|our) |^|(?<=[.!?] ))(?:named )?(?:insureds?|policy ?holders?) (?:is|are|will be)"
    r" (?:the )?(?P<name>(?-i:[A-Z])[^.;:()!?,]{2,60}?)"
    r"(?=[.;(!?,]\s|[.;!?]?$| - )",
    FLAGS,
)
_NOT_A_PARTY = re.compile(r"^(?:not|unknown|unclear|tbc|tba|n/?a|none|also|still)\b", FLAGS)


def unlabelled_insured(lines: Sequence[Line]) -> tuple[str, Line] | None:
    return _header_insured(lines) or _stated_insured(lines) or _narrative_insured(lines)


# A person named in the prose with their role in a bracket: "Unit 2 is owned by Ms Fenella Vickery
# (policy holder, Harbour Mutual claim 55-1)", "Jo Reyes (the insured) rang at six".
_NAME_TAGGED = re.compile(
    rf"(?<![\w'])(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?{_FULL_NAME}(?: (?:&|and) {_FULL_NAME})?)"
    r" \((?:the )?(?:named )?(?:insured|policy ?holder)s?(?:[,;)]| -)"
)


# The owner named as the one the work is for: "Instructed by: Aire Lettings (agent) for the landlord,
# Mr Hamish Doyle", "on behalf of the owners, Sam and Jo Reyes". A landlord owns the property and
# holds its buildings cover; an agent or a tenant named so is not read (their words are not here).
_FOR_THE_OWNER = re.compile(
    r"\b(?:for|on behalf of) (?:the )?(?:property |home ?)?(?:owners?|landlord|landlady|freeholder)"
    rf",? (?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?{_FULL_NAME}(?: (?:&|and) {_FULL_NAME})?)\b"
)


def _stated_insured(lines: Sequence[Line]) -> tuple[str, Line] | None:
    for line in lines:
        if not line.text:
            continue
        for match in (_TAGGED.match(line.text), *itertools.islice(_INSURED_IS.finditer(line.text), 3)):
            if match is None:
                continue
            name = match.groupdict().get("owner") or match.group("name")
            if name is not None and not _NOT_A_PARTY.match(name):
                return name.strip(), line
    for pattern in (_NAME_TAGGED, _FOR_THE_OWNER):
        for line in lines:
            for match in pattern.finditer(line.text) if line.text else ():
                bare = re.sub(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.? ", "", match.group("name"))
                if all(_is_name(part) for part in re.split(r" (?:&|and) ", bare)):
                    return match.group("name"), line
    return None


def _is_name(value: str) -> bool:
    return not _NOT_NAME.search(value)


def _header_insured(lines: Sequence[Line]) -> tuple[str, Line] | None:
    written = [line for line in lines if line.text]
    for line in written:
        for match in _ABBREVIATED.finditer(line.text):
            name = match.group("name") or match.group("named")
            if _is_name(name):
                return name, line
    for line in written[:_HEADER_LINES]:
        job = _JOB_HEADING.match(line.text) or _NAMED_HEADING.match(line.text)
        groups = job.groupdict() if job is not None else {}
        name = groups.get("titled") or groups.get("person") or groups.get("name")
        if name is not None and _is_name(name) and not _PLACE_NAME.search(name) and not _FIRM.search(name):
            return name, line
    return None


def _narrative_insured(lines: Sequence[Line]) -> tuple[str, Line] | None:
    written = [line for line in lines if line.text]
    # (a tenancy's caller may be anyone, unless the writer says the policy is theirs)
    tenancy = any(_TENANCY.search(line.text) for line in written)
    if tenancy and not any(re.search(_POLICY_MINE, line.text, FLAGS) for line in written):
        return None
    owner_voice = any(_OWNER_VOICE.search(line.text) for line in written)
    if owner_voice:
        for line in written[:_EMAIL_HEADER_LINES]:
            sender = _FROM.match(line.text)
            if sender is not None and _is_name(sender.group("name")):
                return sender.group("name"), line
    if tenancy:
        return None  # only the policyholder's own mail is read in a tenancy
    for line in written:
        text = line.text
        for pattern in (_SELF_NAMED, _WITH_FAMILY, _CALLED_US):
            if pattern is _SELF_NAMED and not owner_voice:
                continue
            for match in pattern.finditer(text):
                name = match.group("name") or match.groupdict().get("titled")
                if name is None or not _is_name(name):
                    continue
                if pattern is _CALLED_US and (
                    not _THEIR_PROPERTY.search(text, match.end(), match.end() + _PROPERTY_REACH)
                    or _FOR_SOMEONE.search(_sentence_from(text, match.end()))
                ):
                    continue
                return name, line
    for line in written:
        for match in _THEIRS.finditer(line.text):
            name = match.group("a") or match.group("b") or match.group("c")
            bare = re.sub(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.? ", "", name)
            if all(_is_name(part) for part in bare.split(" and ")):
                return name, line
    return None


def _sentence_from(text: str, start: int) -> str:
    """The rest of a sentence, up to `_ROLE_REACH` characters."""
    rest = text[start : start + _ROLE_REACH]
    end = re.search(r"[.!?](?:\s|$)", rest)
    return rest[: end.start()] if end else rest
