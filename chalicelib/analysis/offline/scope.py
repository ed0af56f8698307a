"""Scope of work: line items with action, material, quantity, unit and room."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.findings import (
    ScopeItem,
)
from chalicelib.analysis.offline.dates import (
    BULLETS,
)
from chalicelib.analysis.offline.job import (
    SECTION_LABEL,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    Line,
    clean_value,
    parse_number,
    truncate,
)

MAX_DESCRIPTION = 200


# Outside a scope section only unmistakable work verbs start an item ("Clean supply line ..." is not one).
_SCOPE_VERB_STRICT = re.compile(
    r"(?:remove|r ?& ?r|d ?& ?r|detach(?: (?:&|and) reset)?|flood ?cut|cut out|tear ?out|demo(?:lish|lition)?"
    r"|dispose|discard|replace|install|apply|extract(?:ion)?|deodori[sz]e|thermal fog|hepa(?: vac(?:uum)?)?"
    r"|anti-?microbial|pack ?out|content manipulation|encapsulate|erect|lift and|sand and|seal and)\b",
    FLAGS,
)


_SCOPE_VERB = re.compile(
    r"(?:remove|removed|r ?& ?r|d ?& ?r|detach(?: (?:&|and) reset)?|flood ?cut|cut out|cut|tear ?out"
    r"|demo(?:lish|lition|ed)?"
    r"|dispose|discard|replace|install|apply|applied|spray|clean|hepa(?: vac(?:uum)?)?|wipe|seal|encapsulate"
    r"|extract(?:ion|ed)?|deodori[sz]e|thermal fog|fog|sand|refinish|lift|strip|mask|contain(?:ment)?"
    r"|erect|build|pack ?out|content manipulation|move|treat|anti-?microbial|drill|vent|block|bag)\b",
    FLAGS,
)


# A short heading line: "Scope", "Scope of works:", "Remediation scope", "Work performed".
_SCOPE_SECTION = re.compile(
    r"^[#*\s]*(?:[a-z&/]+ ){0,3}(?:scope|sow|remediation|recommend(?:ed|ations?)|mitigation|works?|repairs?)"
    r"(?: (?:of|works?|performed|completed|required|plan|items?|to be (?:done|completed)))*[^a-z0-9]*$",
    FLAGS,
)


_SCOPE_INLINE = re.compile(
    r"^[\s\-*#>]*(?:scope(?: of works?)?|sow|works? (?:performed|required|completed))\s?[:\-]\s?(?=\S)",
    FLAGS,
)


_ITEM_BREAK = re.compile(r"[;,]")


_NOT_AN_ITEM = re.compile(r"\b(?:not required|not needed|not necessary|no need|n/a)\b", FLAGS)


_SCOPE_QUANTITY = re.compile(
    r"(?<![\d.,x])(?P<q>\d{1,5}(?:[.,]\d{1,2})?) ?"
    r"(?P<u>sq\.? ?ft|sqft|sf|ft2|square (?:feet|foot)|m2|sq\.? ?m|sqm|lf|lin\.? ?ft|linear (?:ft|feet|foot)"
    r"|lm|lin\.? ?m|ft|feet|foot|'|m|ea|each|pcs?|hrs?|hours?|days?|units?)(?![\w'])",
    FLAGS,
)


_SCOPE_UNITS = (
    (re.compile(r"sq\.? ?ft|sqft|sf|ft2|square", FLAGS), "sq ft"),
    (re.compile(r"m2|sq\.? ?m|sqm", FLAGS), "m2"),
    (re.compile(r"lf|lin\.? ?ft|linear", FLAGS), "lf"),
    (re.compile(r"lm|lin\.? ?m", FLAGS), "lm"),
    (re.compile(r"ft|feet|foot|'", FLAGS), "ft"),
    (re.compile(r"m", FLAGS), "m"),
    (re.compile(r"ea|each|pcs?|units?", FLAGS), "ea"),
    (re.compile(r"hrs?|hours?", FLAGS), "hrs"),
    (re.compile(r"days?", FLAGS), "days"),
)


# --- scope of work -----------------------------------------------------------------------------


def scope_line_numbers(lines: Sequence[Line]) -> frozenset[int]:
    """Work items: lines starting with a work verb, and every line of a "Scope:" section."""
    numbers: set[int] = set()
    in_section = False
    for line in lines:
        if not line.text:
            in_section = False
            continue
        if _SCOPE_SECTION.match(line.text):
            in_section = True
            continue
        if _SCOPE_INLINE.match(line.text):
            numbers.add(line.number)  # "Scope: remove laminate 14 m2, remove kickboards 4.2 lm"
            continue
        bullets = BULLETS.match(line.text)
        start = bullets.end() if bullets else 0
        if in_section and start == 0 and SECTION_LABEL.match(line.text) and not _SCOPE_VERB.match(line.text):
            in_section = False  # "Safety: ..." starts another section
        if in_section and (start > 0 or _SCOPE_VERB.match(line.text, start)):
            numbers.add(line.number)  # a bullet or a work verb in the scope section
        elif not in_section and _SCOPE_VERB_STRICT.match(line.text, start):
            numbers.add(line.number)
    return frozenset(numbers)


def _scope_unit(written: str) -> str:
    return next((unit for pattern, unit in _SCOPE_UNITS if pattern.fullmatch(written)), written.lower())


def scope_items(
    lines: Sequence[Line], numbers: frozenset[int], rooms_by_line: dict[int, str]
) -> list[ScopeItem]:
    items = []
    for line in lines:
        if line.number not in numbers:
            continue
        for text in _scope_chunks(line.text):
            description = clean_value(text)
            if description is None or _NOT_AN_ITEM.search(text):
                continue  # "Soda blast not required" is a decision, not a line item
            quantity = _SCOPE_QUANTITY.search(text)
            items.append(
                ScopeItem(
                    description=truncate(description, MAX_DESCRIPTION),
                    room=rooms_by_line.get(line.number),
                    quantity=parse_number(quantity.group("q")) if quantity else None,
                    unit=_scope_unit(quantity.group("u")) if quantity else None,
                    source=line.span(),
                )
            )
    return items


def _scope_chunks(text: str) -> list[str]:
    """A scope line's items: the line itself, or for "Scope: a, b, c" each part that starts with
    a work verb (a part without one continues the item before it)."""
    inline = _SCOPE_INLINE.match(text)
    if inline is None:
        bullets = BULLETS.match(text)
        return [text[bullets.end() if bullets else 0 :]]
    chunks: list[str] = []
    for part in _ITEM_BREAK.split(text[inline.end() :]):
        part = part.strip()
        if chunks and not _SCOPE_VERB.match(part):
            chunks[-1] = f"{chunks[-1]}, {part}"
        elif part:
            chunks.append(part)
    return chunks
