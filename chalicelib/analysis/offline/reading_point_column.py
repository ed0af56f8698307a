"""A visit's re-reads of a map's points written down the page, one point a line, under the visit's
heading:

    Visit 2 - Mon 12/01 (ceiling sheet at point 1 cut out)
    1 - cut out
    2 - 95
    3 - 22

Each line alone ("2 - 95") is only a code and a number, so it is read as a point's value only
where the column is plain: right under a line that is a visit's heading and nothing else (its
label, its day, a bracketed note), or under a line of the same column; and only for a code the
map defined."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.reading_point_rereads import VISIT_LABEL, WRITTEN_DAY
from chalicelib.analysis.offline.reading_point_values import NOT_READ, code_of, lower_case_id
from chalicelib.analysis.offline.text import FLAGS

# A visit's heading alone: "Visit 2 - Mon 12/01 (ceiling cut out Sun 11/01)", "Re-check 3 14/01:",
# "Wed 14/01", "12/01/2026 9.30 am:". No reading stands on it.
_HEADING = re.compile(
    rf"\s*(?:[-*\u2022]\s*)?(?:{VISIT_LABEL}[-\u2013]?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?"
    rf"{WRITTEN_DAY}(?:,?\s+\d{{1,2}}(?:[:.]\d{{2}})?\s?(?:[ap]\.?m\.?)?)?"
    r"\s*(?:\([^()]{0,120}\))?\s*[:\-\u2013]?\s*",
    FLAGS,
)
# One point's item, the whole line: "2 - 95", "#4: 17%", "B = 21", "C 19 %MC", "1 - cut out".
# (a bare number needs its mark before the value: "2 95" may be anything)
_ITEM = re.compile(
    r"\s*(?:[-*\u2022]\s+)?(?:(?P<number>#?\d{1,2})\s*[-:=\u2013]\s*|(?P<code>[A-Z]{1,3}\d{0,2})\s*[-:=\u2013]?\s*)"
    r"(?:(?P<value>\d{1,3}(?:\.\d)?)\s*(?P<unit>(?i:%\s?(?:mc|wme)?|wme|rel))?"
    rf"|(?P<skip>(?i:{NOT_READ})))\s*\.?\s*",
    re.ASCII,
)


def visit_heading(text: str) -> bool:
    """Whether a line is a visit's heading and nothing else: "Visit 2 - Mon 12/01 (...)"."""
    return _HEADING.fullmatch(text) is not None


def column_item(text: str, known: frozenset[str]) -> tuple[str, float | None, str | None] | None:
    """(code, value or None when the point was not read, scale as written) for a line that is one
    known point's item alone; None for any other line."""
    found = _ITEM.fullmatch(text)
    if found is None:
        return None
    written = found.group("number") or found.group("code")
    code = code_of(written)
    if code not in known or lower_case_id(written):
        return None
    if found.group("value") is None:
        return code, None, None
    unit = found.group("unit")
    return code, float(found.group("value")), unit.replace(" ", "") if unit else None
