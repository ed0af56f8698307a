"""A visit's line of a map's points read again, one space apart: "Thu 21/5 (intake): A 4.8 B 36
C 31 H 5.4 X 11". Once the map's legend has given the codes, a line made only of a day's lead
and code-value pairs of known codes is the points' readings that day."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.reading_point_values import RE_READ_CODE
from chalicelib.analysis.offline.text import FLAGS

# The visit's lead: a few words ending in a colon ("Thu 21/5 (intake):", "Fri 22/5 (next morning
# after the carpet came out):"), or none
_LEAD = re.compile(r"[^:|]{1,60}:\s+|", FLAGS)
_PAIR = (
    rf"(?P<code>{RE_READ_CODE})\s?[:=]?\s?(?P<value>\d{{1,3}}(?:\.\d{{1,2}})?)"
    r"(?P<unit>\s?(?:%\s?(?:wme|mc)\b|%|wme\b|rel\b))?"
)
_PAIR_AT = re.compile(_PAIR + r"(?:[\s,;]+|$)", re.ASCII | re.IGNORECASE)
_CODE_CASE = re.compile(RE_READ_CODE, re.ASCII)
_MIN_ITEMS = 3
_MAX_LINE = 400


def coded_run(text: str, known: frozenset[str]) -> list[tuple[str, float, str | None]] | None:
    """(code, value, scale as written) for each pair of a line made of known codes' pairs only."""
    body = text.strip().rstrip(" .")
    if len(body) > _MAX_LINE:
        return None
    lead = _LEAD.match(body)
    position = lead.end() if lead is not None else 0
    found: list[tuple[str, float, str | None]] = []
    while position < len(body):
        pair = _PAIR_AT.match(body, position)
        if pair is None or not _CODE_CASE.fullmatch(pair.group("code")) or pair.group("code") not in known:
            return None
        unit = pair.group("unit")
        found.append((pair.group("code"), float(pair.group("value")), unit.strip() if unit else None))
        position = pair.end()
    return found if len(found) >= _MIN_ITEMS else None
