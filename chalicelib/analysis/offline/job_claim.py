"""The claim number: the insurer's reference under any of its labels, read as insurers write it.

A reference is often more than one token: an insurer's code before it ("CGU BP-5521908"), digits in
groups ("NRMA 0099 412 567", "WHC 26 018842"), the insurer's name between the label and it ("Claim:
Tower TWR-H-26-301558"), or a note in brackets on the label ("Claim ref (RAC): RAC-HM-7741203").
Not a policy number, a restorer's "Job no." or "Our ref", nor an independent adjuster's own file
number: none of those is the claim.
"""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

_CLAIM_LABEL = re.compile(
    r"\b(?:(?:(?:carrier|insurer|insurance)(?:'s)? )?(?:claim|clm)s?"
    # "CLAIM FILE NOTES - HOM-2026-118830": a claim file's heading with its reference
    r"(?: file(?: notes?)?| ?(?:no\.?|number|num|#|ref(?:erence)?\.?|id))?"
    # ("carrier file no. TX-HO-44188": the American's insurer is its carrier)
    r"|(?:insurer|carrier)(?:'s)? (?:ref(?:erence)?|file|claim)(?: ?(?:no\.?|number|#))?"
    # "Ins. ref: HOM018842271 (NRMA)": the insurer's reference, abbreviated
    r"|ins\.? ref(?:erence)?"
    # "ins job no. AMC 4471-0926": the insurer's own job number, abbreviated (not "Job no.": ours)
    r"|ins(?:urer(?:'s)?)?\.? job (?:no\.?|number|#)"
    r"|loss (?:no\.?|number|#)|your ref(?:erence)?)(?<=[\w#.])(?![\w])\.?",
    FLAGS,
)

# A reference on the insurer's own line: "Insurer: Interior Mutual - File #: IMI-FR-26-118374",
# "Insurer: Ecclesia Mutual   Their reference: EM/...", "owner's insurer Suncorp, ref SUN-...".
# The reference word follows a separator at once: "Insurer: Vero   Our file: SLA-..." is ours.
_INSURER_LINE = re.compile(
    # (cells of a header row run together: a bare space before a capitalised label is a separator)
    r"\b(?:insurer|insurance)\b[: ]+[^;|:]{1,60}?"
    r"(?:(?:,|\.|\s[-\u2013\u2014])\s*(?:their )?|\s(?-i:Their |(?=[A-Z])))"
    r"(?<!\bour )(?<!\bmy )(?<!\bia )(?<!\bjob )(?<!adjuster's )"
    # ("Insurer: Southern Cross Business Insurance - incident no. SCB-INC-2611-0357")
    r"(?:file|ref(?:erence)?|dossier|claim|incident|loss)\b\.?(?: ?(?:no\.?|number|#))?",
    FLAGS,
)

# Between the label and the reference: a note in brackets, a separator, or a clause that ends in
# "is"/"was" ("the claim number they gave us was X", "claim ref with the insurer (Acme) is X",
# "the claim is with Acme Mutual, number X").
_BRIDGE = re.compile(
    r"(?: ?\([^()\n]{1,40}\))?"
    r"(?: is with [A-Z][\w&' ]{1,40}?,? (?:number|no\.?|#)"
    r"|(?: [a-z]+| \([^()\n]{1,40}\)){0,5} (?:is|was)(?= )"
    # "claim ref on our job card: RAC-HC-2611-40718": where the reference was written, then a colon
    r"|(?: [a-z]+){1,5}(?=:)"
    # a label given in two languages: "Claim no. / No de réclamation | GAT-88-410276"
    r"|\.? / [^|:/\n]{1,30}?(?= ?[|:]))?"
    # A table row's cells are joined by " | " ("Claim No: | CLM-4410", a letterhead's usual layout).
    r"\.? ?[:#=\-\u2013]{0,2} ?(?:\| ?)?#? ?",
    FLAGS,
)

# The insurer's name before its reference ("Wheatland Insurance WI-26-30417"): capitalised words.
_INSURER_NAME = re.compile(r"(?:[A-Z][a-z]+(?: &)? ){1,3}(?=[A-Z0-9])", re.ASCII)

# An insurer's code before the number ("CGU", "NRMA", "CLM"): capitals only, as written.
_PREFIX = re.compile(r"(?:[A-Z]{2,5} ){1,2}(?=[A-Z0-9])", re.ASCII)

_CORE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-/_.]{1,30}", re.ASCII)

# Digits in groups after the first ("0099 412 567"); not a following date, time or quantity.
_GROUP = re.compile(r" (\d{2,8}(?:-[A-Z0-9]{1,8})*)(?![\w/:.,]?\w)(?! ?(?:[a-z]|[AaPp]\.?[Mm]\b))", re.ASCII)

_MONTH_AHEAD = re.compile(r" (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", FLAGS)

# A bare date or sum after a claim label is no claim reference.
_NOT_CLAIM = re.compile(r"^(?:\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?|\d{4}-\d{2}-\d{2}|\d{1,3}(?:[.,]\d+)?)$")

# Capitalised words that are not an insurer's name before a reference.
_NOT_NAME = re.compile(r"^(?:No|Number|Ref|Reference|Date|Dated|Lodged|Job|Policy|Pending)\b")


def _reference(text: str, start: int) -> str | None:
    """The reference that starts at `start` (after its label), or None when what follows is none."""
    bridge = _BRIDGE.match(text, start)
    at = bridge.end() if bridge else start
    for skip_name in (False, True):
        pos = at
        if skip_name:
            name = _INSURER_NAME.match(text, pos)
            if name is None or _NOT_NAME.match(name.group(0)):
                return None
            pos = name.end()
        prefix = _PREFIX.match(text, pos)
        head = text[pos : prefix.end()] if prefix else ""
        core = _CORE.match(text, prefix.end() if prefix else pos)
        if core is None:
            continue
        value = core.group(0).rstrip(".,/-_")
        if not any(char.isdigit() for char in value):
            continue
        groups, end = "", core.start() + len(value)
        if value.isdigit():
            while (group := _GROUP.match(text, end)) and not _MONTH_AHEAD.match(text, group.end()):
                groups += group.group(0)
                end = group.end()
        # "WHC 26 018842" is a reference; a bare "26" or "12/03" after the label is not
        if not (head and groups) and (_NOT_CLAIM.match(value) or (not head and len(value) < 3)):
            continue
        return head + value + groups
    return None


def claim_number(text: str) -> str | None:
    """The insurer's claim reference a line gives, or None."""
    for label in (*_CLAIM_LABEL.finditer(text), *_INSURER_LINE.finditer(text)):
        value = _reference(text, label.end())
        if value is not None:
            return value
    return None
