"""A moisture map's points read again by their codes alone, one visit a line: "B 17% | C 21% |
D 18% | G 33 | H not read | DS1 13%" under "Re-check Fri 06/03/2026:". Each code is the point the
map described when it was first read; a code the map never gave is no reading."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

# One item: a point's code, then its value (and scale), or words saying it was not read.
_ITEM = re.compile(
    r"(?P<code>[A-Z]{1,3}\d{0,2})\s*[:=]?\s*"
    r"(?:(?P<value>\d{1,3}(?:\.\d)?)\s*(?P<unit>%\s?(?:wme|mc)?|wme|rel)?"
    r"|(?P<skip>n/?a|not read|nr|-)[^|,;]*)",
    FLAGS,
)
_SEPARATOR = re.compile(r"\s*(?:\||,|;|\s{2,})\s*")
_MIN_ITEMS = 2
# A note after the last item ("J 14 - all at goal, equipment out."): not an item of the line.
_TRAILING_NOTE = re.compile(r"\s+[-\u2013\u2014]\s+[a-z][^|]*$", FLAGS)


def point_rereads(text: str, known: frozenset[str]) -> list[tuple[str, float, str | None]] | None:
    """(code, value, scale as written) for each point read on a line made only of known codes'
    items; None when the line is anything else."""
    body = _TRAILING_NOTE.sub("", text.strip()).rstrip(" .")
    items = [item for item in _SEPARATOR.split(body) if item]
    if len(items) < _MIN_ITEMS:
        return None
    found: list[tuple[str, float, str | None]] = []
    matches = [_ITEM.fullmatch(item.strip()) for item in items]
    if any(match is None for match in matches):
        return None
    codes = [match.group("code").upper() for match in matches if match is not None]
    if sum(code in known for code in codes) < _MIN_ITEMS:
        return None
    for match in matches:
        if match is None or match.group("code").upper() not in known:
            continue  # a code the map never described: no place to give its number
        if match.group("value") is not None:
            unit = match.group("unit")
            found.append(
                (match.group("code").upper(), float(match.group("value")), unit.strip() if unit else None)
            )
    return found
