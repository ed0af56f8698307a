"""A later visit's readings given by position only, in the order of the visit before:

    19/10 - 6 m plasterboard 410, 9 m plasterboard 520, 12 m plasterboard 380, 9 m skirting 29
    21/10 - 230, 310, 190, 19

"Feb 12: 190, 160, 110, 15, 13 - in the same order", "Wednesday: 17, 14, 12, 12". Each number is
the reading, on the new day, of the point in the same place of the earlier line's list: its room,
material, scale and role. Only when the counts agree exactly and each earlier reading can be found
in its line's words in order; otherwise the line is left to the other readers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from chalicelib.analysis.offline.reading_scales import Scales, wide_scale
from chalicelib.analysis.offline.reading_where import ReadingPlaces
from chalicelib.analysis.offline.readings import ReadingDraft
from chalicelib.analysis.offline.text import FLAGS, Line

_VALUE = r"\d{1,3}(?:\.\d{1,2})?"
# The visit's lead (a day, a date, "Day 3"), a colon or a dash, then the numbers alone; words after
# them only say how to read them ("- in the same order", "(same points)").
_POSITIONAL = re.compile(
    rf"[ \t>*\u2022-]*(?P<lead>[^:\d\n]{{0,30}}\d{{0,4}}[^:\n]{{0,30}}?)[ \t]*(?::|[ \t][-\u2013])[ \t]*"
    rf"(?P<values>{_VALUE}(?:[ \t]*,[ \t]*{_VALUE}){{2,15}})(?P<rest>[^\d]{{0,60}})"
)
_NUMBER = re.compile(_VALUE)
_DAY_WORD = re.compile(
    r"\s*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|day \d{1,2})\b", FLAGS
)
_LOOK_BACK_LINES = 4  # how far above the earlier visit's list may be
_LOOK_BACK_DRAFTS = 60


def _positions(drafts: Sequence[ReadingDraft]) -> list[ReadingDraft] | None:
    """The earlier line's drafts in the order their values are written in it, or None when a value
    is not found once for each draft that has it (a size or a date with the same digits)."""
    text = drafts[0].source.text
    placed: list[tuple[int, ReadingDraft]] = []
    values = {draft.value for draft in drafts}
    for value in values:
        written = f"{value:g}"
        found = [m.start() for m in re.finditer(rf"(?<![\d.]){re.escape(written)}(?![\d]|\.\d)", text)]
        same = [draft for draft in drafts if draft.value == value]
        if len(found) != len(same):
            return None
        placed.extend(zip(found, same, strict=True))
    return [draft for _, draft in sorted(placed, key=lambda pair: pair[0])]


class PositionalRows(ReadingPlaces):
    """The scan's reader of a visit's readings given by position."""

    _document_scales: Scales

    def _positional_drafts(
        self, line: Line, taken_on: date | None, scales: Scales
    ) -> list[ReadingDraft] | None:
        match = _POSITIONAL.fullmatch(line.text)
        if match is None or self._rows is None:
            return None
        # (the lead's own day: "21/10 - 230, 310" is read on the 21st whatever the line before says)
        days = self._rows.dates.find(match.group("lead"), taken_on, yearless_numeric=True)
        taken_on = days[0].value if days and days[0].value else taken_on
        if taken_on is None and not _DAY_WORD.match(match.group("lead")):
            return None  # (an undated visit only by its weekday or number: "Wednesday: 17, 14, 12")
        values = [float(number) for number in _NUMBER.findall(match.group("values"))]
        earlier = self._earlier_list(line.number, len(values), taken_on, match.group("lead"))
        if earlier is None:
            return None
        drafts = []
        for value, before in zip(values, earlier, strict=True):
            unit = wide_scale(value, before.unit, scales, self._document_scales)
            if value > 100 and unit != "REL":
                return None  # a number no scale of the earlier point reads: not its reading
            drafts.append(
                replace(before, value=value, unit=unit, taken_on=taken_on, said_dry=None, source=line.span())
            )
        return drafts

    def _earlier_list(
        self, number: int, count: int, taken_on: date | None, lead: str
    ) -> list[ReadingDraft] | None:
        """The readings of the nearest line above with as many readings, all of one other day (or,
        undated, of a line led by another day's word)."""
        by_line: dict[int, list[ReadingDraft]] = {}
        for draft in self.readings[-_LOOK_BACK_DRAFTS:]:
            seen = draft.source.line
            if seen is not None and number - _LOOK_BACK_LINES <= seen < number:
                by_line.setdefault(seen, []).append(draft)
        for line in sorted(by_line, reverse=True):
            drafts = by_line[line]
            if len(drafts) != count:
                continue
            days = {draft.taken_on for draft in drafts}
            if len(days) != 1 or (taken_on and taken_on in days) or any(d.is_reference for d in drafts):
                return None
            if taken_on is None and drafts[0].source.text.lower().startswith(lead.strip().lower()):
                return None
            return _positions(drafts)
        return None
