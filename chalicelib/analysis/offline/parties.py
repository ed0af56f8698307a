"""Who is who on the claim: the restoration company, the technician and their certifications,
the insurer, the adjuster, the policy number and how to reach the insured.

Only labelled lines ("Tech: Dana Lee (WRT, AMRT)", "Insurer: Allianz", "Policy no. HOM-1234567"),
a letterhead's first lines ("GULF COAST RESTORATION SERVICES (SA) PTY LTD", "ABN 12 345 678 901")
and the insured's own line are read. Every fact cites its line. A wrong party on an insurer's
report is worse than a blank one, so a value that does not look like what its label promises
(a name with digits, a policy number without one, "TBC") is left out, and a label seen twice with
two different values leaves the field out too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from chalicelib.analysis.findings import Parties, TextFact
from chalicelib.analysis.offline.text import FLAGS, Line

_SEP = r"\s*(?::|-|\u2013|\u2014|=)\s*"
_LABEL_START = r"^[\s#*>\-\u2022]*"

# IICRC certifications (and the common Australian/UK ones) as they follow a name: "(WRT, AMRT)".
_CERTS = (
    "WRT|ASD|AMRT|FSRT|OCT|CCT|RRT|HST|CDS|UFT|AMT|CMT|SRT|TCST|FCT|CTMT|LFT|RCT|OCT|BSAT|MSI|MRS"
    "|ACAC|CMR|CMRS|CIEC|CIE|CMC|CRMI|CBFRS|ACT|ART"
)
_CERT_LIST = rf"(?:IICRC[\s:]+)?(?:{_CERTS})(?:\s*(?:,|/|&|and)\s*(?:IICRC[\s:]+)?(?:{_CERTS}))*"

# A person's name as written: two to four capitalised words ("Dana Lee", "Mary-Jo O'Neill").
_WORD = r"[A-Z][A-Za-z'\-]*[a-z]"
_PERSON = rf"(?:{_WORD}(?: (?:[A-Z]\.|{_WORD})){{1,3}}|[A-Z]\.(?: ?[A-Z]\.)? {_WORD})"  # ("R. Okafor")

# ("First visit: 06/15/2026 7:50 AM - Tech: Dana Whitsett (WRT)": a label after a dash or a bar)
_LABEL_AFTER_PART = r"(?:(?<= - )|(?<= \u2013 )|(?<= \| )|(?<=; ))"
_TECH = re.compile(
    rf"(?:{_LABEL_START}|{_LABEL_AFTER_PART})"
    rf"(?i:(?:lead |senior |attending |inspecting )?(?:tech(?:nician)?|inspected by|inspector"
    rf"|technician on site)){_SEP}(?P<name>{_PERSON})"
    rf"(?:\s*[(,\-\u2013]\s*(?P<certs>{_CERT_LIST})\s*\)?)?\s*(?:$|[,;|(])",
    re.ASCII,
)
_CERTS_LINE = re.compile(
    rf"{_LABEL_START}(?i:certifications?|certs?){_SEP}(?P<certs>{_CERT_LIST})\s*$", re.ASCII
)

# An organisation's name: letters, digits, "&", "'", ".", "(", ")" and spaces; at most 80 characters.
_ORG = r"[A-Z][A-Za-z0-9&'.()\- ]{1,78}?[A-Za-z.)]"  # lazy: "Insurer: X - Claim 12" is X
_INSURER = re.compile(
    # ("Job ref: LCR-26-0418      Insurer: Swanline Home      Claim no. ...": a header's columns)
    rf"(?:{_LABEL_START}|{_LABEL_AFTER_PART}|(?<=, )|(?<=\S )(?=(?:Insurer|Carrier|Insurance|INSURER):))"
    rf"(?i:insurer|carrier|insurance(?: company| co\.?)?|insured with|underwriter){_SEP}"
    # ("Carrier: Show-Me Mutual   Claim #: ...": the next label ends the value too)
    rf"(?P<value>{_ORG})\s*(?:$|[,;|]|\s-\s"
    rf"|(?<=\S)\s+(?=(?i:claim|policy|ref(?:erence)?|job)\s*(?:#|no\b|number\b|:)))",
)
_ADJUSTER = re.compile(
    rf"{_LABEL_START}(?i:(?:loss |claims? |field )?"
    r"(?:adjuster|adjustor|assessor|claims? (?:officer|handler|manager)))"
    rf"{_SEP}(?P<value>{_PERSON}(?: \((?:[A-Z][A-Za-z&'. ]{{1,40}})\))?)\s*(?:$|[,;|]|\s-\s|\s+(?=[\d+(]))",
)
_POLICY = re.compile(
    r"(?:^|[;|,]\s*)[\s#*>\-\u2022]*policy\s*(?:no\.?|number|num\.?|#)?\s*[:#\-]?\s*"
    r"(?P<value>(?=[A-Z0-9\-/]*\d)[A-Z0-9][A-Z0-9\-/]{3,29})(?![\w/])",
    FLAGS,
)
_COMPANY = re.compile(
    rf"{_LABEL_START}(?i:company|contractor|restorer|restoration (?:company|contractor)|prepared by){_SEP}"
    rf"(?P<value>{_ORG})\s*(?:$|[,;|]|\s-\s)",  # "Company: X Pty Ltd, ABN 12 ...": X
)
_ABN = re.compile(r"(?P<value>\bABN\s*:?\s*\d{2} ?\d{3} ?\d{3} ?\d{3})\b")
_LICENCE = re.compile(
    r"(?:^|[;|,]\s*)[\s#*>\-\u2022]*(?:contractor'?s? )?(?:licen[cs]e|lic\.?)"
    r"\s*(?:no\.?|number|#)?\s*[:#\-]?\s*"
    r"(?P<value>(?=[A-Z0-9\-/]*\d)[A-Z0-9][A-Z0-9\-/]{3,20})(?![\w/])",
    re.IGNORECASE,
)
# A letterhead's company line: capitals, no digits, with a word companies use in their names; a
# document's title ("DAILY DRYING LOG", "MOULD ASSESSMENT NOTES") is not a company. The part
# before a dash is the name ("SUMMIT PEAK RESTORATION - DRYING LOG").
_LETTERHEAD = re.compile(r"^(?P<value>[A-Z][A-Z&'.,()\- ]{3,80}?[A-Z.)])(?:\s+[\-\u2013\u2014|]\s+.*)?$")
_COMPANY_WORD = re.compile(
    r"\b(?:RESTORATIONS?|SERVICES|PTY|LTD|LLC|INC|CLEANING|DRYING|DRY-OUT|REMEDIATION|CONTRACTING"
    r"|CONTRACTORS|GROUP|DISASTER|RECOVERY|CO)\b"
)
_DOCUMENT_WORD = re.compile(
    r"\b(?:LOG|REPORT|RECORD|MAP|NOTES|SHEET|CERTIFICATE|ASSESSMENT|INSPECTION|SCOPE|ESTIMATE|SUMMARY)\b"
)
_LETTERHEAD_LINES = 3
_STREET = re.compile(r"^\d{1,5}[A-Za-z]?(?:/\d+)? [A-Z][\w'. ]+,? .*\b\d{4,5}\b")

_INSURED = re.compile(rf"{_LABEL_START}(?:insured|policy ?holder|home ?owner|client|customer){_SEP}", FLAGS)
_INSURED_CONTACT = re.compile(
    rf"{_LABEL_START}(?:insured|policy ?holder|home ?owner)(?:'s)? "
    rf"(?:phone|ph|mobile|mob|tel|cell|email|e-mail|contact){_SEP}",
    FLAGS,
)
_CONTACT = re.compile(
    rf"{_LABEL_START}(?:insured(?:'s)? )?(?:phone|ph|mobile|mob|tel|cell|email|e-mail|contact){_SEP}", FLAGS
)
# A phone number: after a phone label, or in a form no claim or job number takes (+61 ..., 04..., (555) ...).
_PHONE = re.compile(
    r"(?:(?i:ph(?:one)?|mob(?:ile)?|tel|cell)\.?\s*:?\s*|(?=[+0(]))"
    r"(?<![\w+/])(?P<value>\+?\(?\d[\d ()\-]{6,16}\d)(?![\w/])"
)
_EMAIL = re.compile(r"(?<![\w.+-])(?P<value>[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+)(?![\w@])")
_PLACEHOLDER = re.compile(r"^(?:n/?a|tbc|tba|unknown|none|nil|pending|not known|-+|\?+)$", FLAGS)


def _fact(value: str, line: Line) -> TextFact | None:
    value = value.strip(" ,;-")
    if not value or _PLACEHOLDER.match(value):
        return None
    return TextFact(value=value, source=line.span())


def _one(facts: Iterator[TextFact | None]) -> TextFact | None:
    """The fact, when every line that gives it agrees; two different values leave it out."""
    found = [fact for fact in facts if fact is not None]
    values = {fact.value.casefold() for fact in found}
    return found[0] if len(values) == 1 else None


def _each(lines: Sequence[Line], read: Callable[[Line], TextFact | None]) -> TextFact | None:
    return _one(read(line) for line in lines)


def _match(pattern: re.Pattern[str], group: str = "value") -> Callable[[Line], TextFact | None]:
    def read(line: Line) -> TextFact | None:
        match = pattern.search(line.text)
        return _fact(match[group], line) if match else None

    return read


def _certifications(line: Line) -> TextFact | None:
    match = _TECH.search(line.text) or _CERTS_LINE.search(line.text)
    if not match or not match["certs"]:
        return None
    return _fact(re.sub(r"\s*(?:/|&|\band\b)\s*", ", ", match["certs"]), line)


def _letterhead(lines: Sequence[Line]) -> tuple[TextFact | None, TextFact | None]:
    """The company and its address from the first lines, when they are a letterhead."""
    head = lines[:_LETTERHEAD_LINES]
    matches = ((line, _LETTERHEAD.match(line.text)) for line in head)
    company = next(
        (
            _fact(match["value"], line)
            for line, match in matches
            if match and _COMPANY_WORD.search(match["value"]) and not _DOCUMENT_WORD.search(match["value"])
        ),
        None,
    )
    if company is None:
        return None, None
    after = [line for line in head if company.source.line is not None and line.number > company.source.line]
    # the street and town, not the ABN, phone or web address the same letterhead line carries
    address = next(
        (
            _fact(street.group(0).rstrip(" ,."), line)
            for line in after
            if (street := _STREET.match(line.text))
        ),
        None,
    )
    return company, address


def _insured_contact(lines: Sequence[Line], pattern: re.Pattern[str]) -> TextFact | None:
    """A phone or email on the insured's own line, or on a contact line right below it."""
    facts: list[TextFact | None] = []
    for index, line in enumerate(lines):
        if _INSURED_CONTACT.match(line.text):
            match = pattern.search(line.text)
            facts.append(_fact(match["value"], line) if match else None)
            continue
        if not _INSURED.match(line.text):
            continue
        candidates = [line]
        if index + 1 < len(lines) and _CONTACT.match(lines[index + 1].text):
            candidates.append(lines[index + 1])
        for candidate in candidates:
            match = pattern.search(candidate.text)
            if match:
                facts.append(_fact(match["value"], candidate))
    return _one(iter(facts))


def read_parties(lines: Sequence[Line]) -> Parties:
    letterhead_company, letterhead_address = _letterhead(lines)
    head = lines[: _LETTERHEAD_LINES + 2]
    return Parties(
        company=_each(lines, _match(_COMPANY)) or letterhead_company,
        company_licence=_each(head, _match(_ABN))
        or _each([line for line in lines if _COMPANY.match(line.text)], _match(_ABN))
        or _each(lines, _match(_LICENCE)),
        company_address=letterhead_address,
        technician=_each(lines, _match(_TECH, "name")),
        certifications=_each(lines, _certifications),
        insurer=_each(lines, _match(_INSURER)),
        adjuster=_each(lines, _match(_ADJUSTER)),
        policy_number=_each(lines, _match(_POLICY)),
        insured_phone=_insured_contact(lines, _PHONE),
        insured_email=_insured_contact(lines, _EMAIL),
    )
