"""In-slab RH probes: the relative humidity read in a hole drilled into concrete is a reading of
the slab (unit "%RH"), not of the air. Notes say so once ("In-slab RH probes (hygrometer, holes
drilled to 40% depth)") and then list "family 97 %RH | kitchen 94 %RH", or on a later day "RH
family 88 %RH, kitchen 84 %RH"; outside, ambient and dehumidifier air stay air."""

from __future__ import annotations

import re
from datetime import date

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.text import FLAGS

# The notes test the slab's own humidity: probes, sleeves or hoods, holes drilled for them.
PROBE_CONTEXT = re.compile(
    r"\b(?:in-?slab|in[- ]situ|slab rh|concrete rh|screed rh|rh probes?|rh sleeves?|probe holes?|f ?2170"
    # ("Screed: hygrometer in drilled sleeves (equilibrium RH, %RH)")
    r"|hygrometer(?: probes?| in)|(?:drilled|probe|screed|slab) (?:holes?|sleeves?)|equilibrium rh)\b",
    FLAGS,
)
_PROBE_RH = re.compile(r"(?<![\d.])(?P<value>\d{2,3}(?:\.\d)?) ?% ?RH\b", FLAGS)
_PART_BREAK = re.compile(r"[,;|.](?!\d)")
_ID_BREAK = re.compile(r"[,;|.:](?!\d)")
# Whose air a humidity is: never a probe in the slab.
_AIR_LABEL = re.compile(
    r"\b(?:outside|outdoors?|exterior|ambient|air|room air|dehu\w*|lgr|inlet|outlet|exhaust|hvac|temp\w*|gpp"
    r"|grains|dew)\b|\d ?(?:\u00b0|deg)? ?[fc]\b",
    FLAGS,
)
_MAX_LABEL = 40
# ("main floor 41% RH / 21 C", "hall 44 %RH, 20.5 \u00b0C": a humidity with its temperature after it is
# the air's; a line that calls itself atmospheric gives only air)
# (not the next item's temperature before its own humidity: "probe 90 %RH, 70F 45 %RH")
_TEMPERATURE_AFTER = re.compile(
    r"\s*[/,;]?\s*\d{1,3}(?:\.\d)?\s?(?:\u00b0|deg(?:rees)?)?\s?[cf]\b(?!\s*\d)", FLAGS
)
_AIR_LINE = re.compile(r"\b(?:atmospher\w*|psychrometric\w*)\b", FLAGS)
# "once both points are at or below 75 %RH", "Target slab RH 75%": a goal, not a reading
_TARGET_BEFORE = re.compile(r"\b(?:target|goal|at or (?:below|under)|below|under|or less)\b\W*$", FLAGS)


# A probe's id ("S1 kitchen centre - fitted 26/01 - 97 %RH", later "S1 88 %RH"): re-read by it.
_PROBE_ID = re.compile(r"\s*[-*\u2022]?\s*(?P<id>[A-Z]{1,2}\d{1,2})\b(?![./:]\d)")


def probe_readings(text: str, taken_on: date | None, dates: Dates | None = None) -> list[RowReading]:
    """Each "<place> 97 %RH" on a line of probe results, labelled by the words of its part; a
    line led by a probe's id is all that probe's label, its id the reading's point."""
    found: list[RowReading] = []
    if _AIR_LINE.search(text):
        return found
    previous = 0
    for match in _PROBE_RH.finditer(text):
        start = max(previous, match.start() - _MAX_LABEL)
        breaks = [part.end() for part in _PART_BREAK.finditer(text, start, match.start())]
        label_start = breaks[-1] if breaks else start
        # the id leads the value's part ("09/02: S1 88 %RH, S2 79 %RH"), or the line
        leads = [part.end() for part in _ID_BREAK.finditer(text, start, match.start())]
        point = _PROBE_ID.match(text, leads[-1] if leads else start)
        if point is None and previous == 0:
            point = _PROBE_ID.match(text)
        if point is not None:
            label_start = point.start("id")
        label = re.sub(r"\brh\b", " ", text[label_start : match.start()], flags=re.IGNORECASE).strip(" :-=")
        previous = match.end()
        value = float(match.group("value"))
        if (
            not label
            or _AIR_LABEL.search(label)
            or _TEMPERATURE_AFTER.match(text, match.end())
            or value > 100
            or _TARGET_BEFORE.search(label)
        ):
            continue
        when = _read_on(label, dates, taken_on) if point is not None and dates is not None else taken_on
        found.append(
            RowReading(
                label=label,
                value=value,
                unit="%RH",
                role="reading",
                taken_on=when,
                said_dry=None,
                point=point.group("id") if point is not None else None,
                start=match.start("value"),
                end=match.end(),
            )
        )
    return found


_READ_WORD = re.compile(r"\bread\b\W*$", FLAGS)


def _read_on(label: str, dates: Dates, taken_on: date | None) -> date | None:
    """ "S1 kitchen centre - fitted 26/01, read 29/01": the day the probe was read, else the line's."""
    found = [match for match in dates.find(label, taken_on, yearless_numeric=True) if match.value]
    read = [match for match in found if _READ_WORD.search(label, 0, match.start)]
    return read[-1].value if read else taken_on
