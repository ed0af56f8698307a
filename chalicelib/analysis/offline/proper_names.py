"""Words inside a business's or a service's name: "Brushy Creek Water Pros came out", "the riser was
shut by KDH Fire", "Harbour Sewer & Drain Services". A trade names itself for the damage it works on,
so a source word or a damage word in such a name says nothing about this job's water or fire.

A name is a run of capitalised words (Title-case or a short acronym) written inside a sentence, that
carries a trade's word ("Pros", "Protection", "Plumbing", "Services", "Ltd") or opens with an acronym
("KDH Fire"). A heading in capitals ("KITCHEN FIRE - 12 MAIN ST") is no name: the word itself must be
written in Title case. "Kitchen Fire at 12 Main St" has no trade word and no acronym: not a name.
"""

from __future__ import annotations

import re

# A token of a name: a Title-case word, a short acronym, or the joiners names use.
_TOKEN = re.compile(r"(?-i:[A-Z][a-z'\u2019]+|[A-Z]{2,5}|&)")
_TITLE = re.compile(r"(?-i:[A-Z][a-z'\u2019]+)")
_ACRONYM = re.compile(r"(?-i:[A-Z]{2,5})")

# The words a business or a public service names itself with.
_TRADE_WORDS = frozenset(
    {
        "pros",
        "protection",
        "service",
        "services",
        "restoration",
        "restorations",
        "plumbing",
        "plumbers",
        "solutions",
        "group",
        "co",
        "company",
        "corp",
        "corporation",
        "inc",
        "ltd",
        "llc",
        "pty",
        "brigade",
        "department",
        "dept",
        "rescue",
        "systems",
        "response",
        "cleaning",
        "experts",
        "specialists",
        "contractors",
        "mitigation",
        "mutual",
        "authority",
        "utilities",
        "works",
        "drainage",
        "rooter",
        "restore",
        "dry",
        # (a grower's, a farm's or a practice's trading name: "Fernhill Growers Nursery")
        "growers",
        "farms",
        "holdings",
        "partners",
        "associates",
        "accountants",
        "trading",
        "enterprises",
    }
)


def _tokens_around(text: str, start: int, end: int) -> list[str] | None:
    """The run of name tokens the span [start, end) sits in, or None when a word of the span is not
    one (lower case, or a heading's capitals longer than an acronym)."""
    words = text[start:end].split()
    if not words or not all(_TOKEN.fullmatch(word) for word in words):
        return None
    before: list[str] = []
    cursor = start
    while True:
        match = re.search(r"(\S+) $", text[max(0, cursor - 40) : cursor])
        if match is None or not _TOKEN.fullmatch(match.group(1)):
            break
        before.insert(0, match.group(1))
        cursor -= len(match.group(0))
    after: list[str] = []
    cursor = end
    while True:
        match = re.match(r" (\S+?)[.,;:)]?(?=\s|$)", text[cursor : cursor + 40])
        if match is None or not _TOKEN.fullmatch(match.group(1)):
            break
        after.append(match.group(1))
        cursor += len(match.group(0))
    return [*before, *words, *after]


def in_business_name(text: str, start: int, end: int) -> bool:
    """Whether the words at [start, end) belong to a business's or a service's name."""
    words = text[start:end].split()
    if not words or not any(_TITLE.fullmatch(word) for word in words):
        return False  # ("SEWER BACKUP": a heading's capitals, not a name)
    run = _tokens_around(text, start, end)
    if run is None or len(run) < 2:
        return False
    if any(word.lower() in _TRADE_WORDS for word in run):
        return True
    # ("KDH Fire shut the riser": a firm known by its initials)
    return _ACRONYM.fullmatch(run[0]) is not None and run[0] not in words


# A run of name tokens in a line: where business names may be.
_RUN = re.compile(r"(?-i:(?:[A-Z][a-z'\u2019]+|[A-Z]{2,5}|&)(?: (?:[A-Z][a-z'\u2019]+|[A-Z]{2,5}|&))+)")


def business_names(text: str) -> list[tuple[int, int]]:
    """Where the line names a business by a trade's word ("Midwest Dry & Restore attended ...")."""
    return [
        (run.start(), run.end())
        for run in _RUN.finditer(text)
        if any(word.lower() in _TRADE_WORDS for word in run.group(0).split())
    ]
