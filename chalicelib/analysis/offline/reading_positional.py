"""A later visit's readings given by position only, in the order of the visit before:

    19/10 - 6 m plasterboard 410, 9 m plasterboard 520, 12 m plasterboard 380, 9 m skirting 29
    21/10 - 230, 310, 190, 19

"Feb 12: 190, 160, 110, 15, 13 - in the same order", "Wednesday (yesterday): 17, 14, 12",
"08-17: 24; 300; 20", "June 8: 22%, 38, 70 and 30 - equipment out". Each number is the reading, on
the new day, of the point in the same place of the earlier list: its room, material, scale and
role. The earlier list is a legend of places written after the last readings ("same order each
day - laundry wall, laundry subfloor, hall baseboard:"), or else the nearest line above that gave
as many readings, all of another day. Only when the counts agree exactly; otherwise the line is
left to the other readers. This is the one reader of such visits: the prose scan and the layout
readers both call it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from chalicelib.analysis.offline.reading_days import is_weekday, lone_weekday
from chalicelib.analysis.offline.reading_numbers import SCALE_SUFFIX, SCALED_VALUE, VALUE
from chalicelib.analysis.offline.reading_scales import Scales, explicit_scale, wide_scale
from chalicelib.analysis.offline.reading_skipped_values import skipped_values
from chalicelib.analysis.offline.reading_where import UNSPECIFIED_LOCATION, ReadingPlaces
from chalicelib.analysis.offline.readings import ReadingDraft
from chalicelib.analysis.offline.text import FLAGS, Line

# A value of a visit's line with no lead: its scale may be "MC" alone ("18 MC")
_BARE_VALUE = rf"{VALUE}(?: ?mc\b|{SCALE_SUFFIX})?"
# Between values: ",", ";", " / " or "and" ("20%, 41 and 22"); " | " between points and " // "
# between floors or rooms ("180 | 21 | 15 // 420 | 300").
_SEPARATOR = r"[ \t]*(?:;|[ \t]/|,|,? and[ \t]|[ \t]\|[ \t]|[ \t]//[ \t])[ \t]*"
# The visit's lead (a day, a date, "Day 3"), a colon or a dash, then the numbers alone; words after
# them only say how to read them ("- in the same order", "(same points)", ". He said it's done."), a
# sentence of remarks at most.
# (the remark may name a point by its number: "- he didn't do number 7 again", "(pt 3 not read)")
_POINT_NUMBER = r"(?:(?<=number )|(?<=no\. )|(?<=no )|(?<=point )|(?<=pt )|(?<=#))\d{1,2}(?!\d)"
_REMARK = rf"(?:[^\d\n]|{_POINT_NUMBER})"
_POSITIONAL = re.compile(
    rf"[ \t>*\u2022-]*(?P<lead>[^:\d\n]{{0,30}}\d{{0,4}}[^:\n]{{0,30}}?)[ \t]*(?::|[ \t][-\u2013])[ \t]*"
    rf"(?P<values>{SCALED_VALUE}(?:{_SEPARATOR}{SCALED_VALUE}){{2,15}})(?P<rest>{_REMARK}{{0,120}})",
    FLAGS,
)
# A remark saying which numbered points the visit left out: "he didn't do number 7 again", "no
# reading at point 3", "pt 2 and 5 not re-read", "skipped #4"; those points keep no place in its order.
_LEFT_OUT = re.compile(
    r"\b(?:didn'?t|did not|not|no|skipped|missed|except|bar|without|left out|n/r)\b[^.;()]{0,30}?"
    r"(?:\b(?:number|no\.?|point|pt)|#)\s?(?P<first>\d{1,2})(?P<more>(?:\s?(?:,|&|and)\s?\d{1,2})*)"
    r"|(?:\b(?:number|no\.?|point|pt)|#)\s?(?P<after>\d{1,2})(?P<after_more>(?:\s?(?:,|&|and)\s?\d{1,2})*)"
    r"\s(?:was |were )?(?:not|n/r|skipped|missed)\b",
    FLAGS,
)


def left_out_points(remark: str) -> frozenset[str]:
    """The numbered points a visit's remark says were not read ("didn't do number 7 again")."""
    found = _LEFT_OUT.search(remark)
    if found is None:
        return frozenset()
    first = found.group("first") or found.group("after")
    more = found.group("more") or found.group("after_more") or ""
    return frozenset(re.findall(r"\d{1,2}", f"{first} {more}"))


# A visit's values with no lead, its words saying they follow an earlier list's order:
# "17 / 18 MC / 14 / 11 / 15 MC   (same order)" under the visit's dated heading
_SAME_ORDER = re.compile(
    rf"[ \t>*\u2022-]*(?P<values>{_BARE_VALUE}(?:{_SEPARATOR}{_BARE_VALUE}){{2,15}})[ \t.,;-]*"
    rf"(?P<rest>\(?(?:in )?(?:the )?same (?:order|points|spots)\b{_REMARK}{{0,40}})",
    FLAGS,
)
_NUMBER = re.compile(rf"(?P<number>{VALUE})(?P<scale>{SCALE_SUFFIX})?", FLAGS)
_DAY_WORD = re.compile(
    r"\s*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|day \d{1,2})\b", FLAGS
)
_LOOK_BACK_LINES = 12  # how far above the earlier visit's list may be (bounded)
_LOOK_BACK_DRAFTS = 60


def visit_values(text: str) -> tuple[str, list[tuple[float | None, str | None]]] | None:
    """The lead (the visit's day) and each value with its scale as written, of a line that gives
    values alone after its day; None for any other line. A point not read that day ("removed",
    "-") keeps its place in the order, with no value."""
    match = _POSITIONAL.fullmatch(text) or _SAME_ORDER.fullmatch(text)
    if match is None:
        return skipped_values(text)
    values: list[tuple[float | None, str | None]] = [
        (float(found.group("number")), explicit_scale(found.group("scale")) if found.group("scale") else None)
        for found in _NUMBER.finditer(match.group("values"))
    ]
    return (match.group("lead").strip() if "lead" in match.groupdict() else ""), values


def _positions(drafts: Sequence[ReadingDraft]) -> list[ReadingDraft] | None:
    """The earlier line's drafts in the order their values are written in it, or None when a value
    is not found once for each draft that has it (a size or a date with the same digits)."""
    text = drafts[0].source.text
    placed: list[tuple[int, ReadingDraft]] = []
    values = {draft.value for draft in drafts}
    for value in values:
        written = f"{value:g}"
        # (not a part of a date: "Sat 14/11 - ... wall 11%")
        found = [m.start() for m in re.finditer(rf"(?<![\d./]){re.escape(written)}(?![\d/]|\.\d)", text)]
        same = [draft for draft in drafts if draft.value == value]
        if len(found) != len(same):
            return None
        placed.extend(zip(found, same, strict=True))
    return [draft for _, draft in sorted(placed, key=lambda pair: pair[0])]


class PositionalRows(ReadingPlaces):
    """The scan's reader of a visit's readings given by position."""

    _document_scales: Scales
    _legend_places: Callable[[int, int], list[ReadingDraft] | None]
    _stated_day: Callable[[str, date | None], date | None]

    def _positional_drafts(
        self, line: Line, taken_on: date | None, scales: Scales
    ) -> list[ReadingDraft] | None:
        found = visit_values(line.text)
        if found is None or self._rows is None:
            return None
        lead, values = found
        # ("..., same order: 19, 22, 17 - he didn't do number 7 again": the order without point 7)
        left_out = left_out_points(line.text)
        last = self.readings[-1].source.line if self.readings else None
        # (a legend of places written after the last readings gives the order)
        earlier = self._legend_places(len(values), last or 0)
        by_legend = earlier is not None
        if earlier is None:
            nearest = self._earlier_list(line.number, len(values))
            if nearest is None and (not lead or self._stated_day(lead, taken_on) is not None):
                # ("Fri 20/11: 24 / 350 / 18" under points read one a line: a day's lead, not a row's)
                nearest = self._earlier_day(line.number, len(values), left_out)
            if nearest is None:
                return None
            earlier = _positions(nearest) or nearest
        if not by_legend and any(draft.is_reference for draft in earlier):
            return None  # (a legend of places may list the dry standard; a visit's list is the wet points')
        # (the lead's own day: "21/10 - 230, 310" is read on the 21st whatever the line before says;
        # "Wednesday (yesterday)": the first Wednesday from the list's own day)
        stated = self._stated_day(lead, taken_on)
        if stated is None and is_weekday(lead):
            since = max((d.taken_on for d in earlier if d.taken_on), default=taken_on or self._rows.day_one)
            stated = lone_weekday(lead, since)
        taken_on = stated or taken_on
        if taken_on is None and not _DAY_WORD.match(lead):
            return None  # (an undated visit only by its weekday or number: "Wednesday: 17, 14, 12")
        days = {draft.taken_on for draft in earlier if draft.source.line != line.number}
        if taken_on is not None and taken_on in days:
            return None  # (the same day's list again is no later visit)
        if taken_on is None and earlier[0].source.text.lower().startswith(lead.lower()):
            return None
        drafts = []
        for (value, written), before in zip(values, earlier, strict=True):
            if value is None or (by_legend and before.location == UNSPECIFIED_LOCATION):
                continue  # ("removed", "-": the point was not read that day; a legend item in no room)
            unit = written or wide_scale(value, before.unit, scales, self._document_scales)
            if value > 100 and unit != "REL":
                return None  # a number no scale of the earlier point reads: not its reading
            drafts.append(
                replace(before, value=value, unit=unit, taken_on=taken_on, said_dry=None, source=line.span())
            )
        # (a visit read by the wet points of a line the legend read leaves the legend giving the
        # order: "Tue: 21, 19, 17, 18 (no dry standard this time)" between two full visits)
        legend_read = self.__dict__.get("_order_legend_read")
        if by_legend or (legend_read is not None and {d.source.line for d in earlier} == {legend_read}):
            self.__dict__["_order_legend_read"] = line.number
        return drafts

    def _earlier_day(
        self, number: int, count: int, left_out: frozenset[str] = frozenset()
    ) -> list[ReadingDraft] | None:
        """ "(same order)" under a visit's heading: the wet points of the day read last before it,
        one or two a line, when they are as many as the values (its dry standards are read once)."""
        recent = [
            draft
            for draft in self.readings[-_LOOK_BACK_DRAFTS:]
            if draft.source.line is not None and number - _LOOK_BACK_LINES <= draft.source.line < number
        ]
        if not recent or recent[-1].taken_on is None:
            return None
        day = recent[-1].taken_on
        points = [draft for draft in recent if draft.taken_on == day and not draft.is_reference]
        if len(points) != count and left_out:
            # (the points the visit's remark says it left out take no place: "didn't do number 7")
            kept = [draft for draft in points if draft.point not in left_out]
            points = kept if len(points) - len(kept) == len(left_out) else points
        return points if len(points) == count else None

    def _earlier_list(self, number: int, count: int) -> list[ReadingDraft] | None:
        """The readings of the nearest line above with as many readings, all of one day."""
        by_line: dict[int, list[ReadingDraft]] = {}
        for draft in self.readings[-_LOOK_BACK_DRAFTS:]:
            seen = draft.source.line
            if seen is not None and number - _LOOK_BACK_LINES <= seen < number:
                by_line.setdefault(seen, []).append(draft)
        for line in sorted(by_line, reverse=True):
            drafts = by_line[line] if len(by_line[line]) == count else _wet_points_first(by_line[line], count)
            if drafts is None:
                continue
            return drafts if len({draft.taken_on for draft in drafts}) == 1 else None
        return None


def _wet_points_first(drafts: list[ReadingDraft], count: int) -> list[ReadingDraft] | None:
    """ "hall wall 480, ... skirting 31 - lounge wall 140 and lounge skirting 13 for comparison" then
    "Friday: 24, 350, 18, 230, 260, 19": a list whose dry standards close it gives its wet points'
    order to later visits that read only those (the dry standard is read once)."""
    ordered = _positions(drafts)
    if ordered is None or len(ordered) <= count:
        return None
    wet, references = ordered[:count], ordered[count:]
    if any(draft.is_reference for draft in wet) or not all(draft.is_reference for draft in references):
        return None
    return wet
