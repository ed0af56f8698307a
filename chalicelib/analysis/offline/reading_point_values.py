"""Values given against the registry's points on a line: "Mon 2/11  A38  B41  E6.2  R1 11",
"16/11  A 410  B 260", " (1) 34   (2) 29   (3S) 24", "R1 10, R2 9", "C1 13, D1 17 (A2 not re-read)".

A line is such a run when, after the day it may open with, it is made only of items, each a
registry ID and then a value (a scale may follow), or words saying the point was not read ("-",
"n/r", "removed", "not re-read"); a note may end the line. Every ID must be the registry's, so a
line of prose with a capital and a number is none. The day is the line's own, else the caller's."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_grid_rows import grid_row
from chalicelib.analysis.offline.reading_numbers import TAKEN_BACK
from chalicelib.analysis.offline.text import FLAGS

# A point's ID as written: "B1", "REF-1", "3S", "(1)", "#4", "STD", "A", or a standard lettered by
# its surface: "STD-C" (concrete), "REF-W" (wall). Bracketed or bare. A number after the word for a
# point, in any case and spacing ("pt1", "Pt. 3", "point 2", "PNT#4"), is that number's point.
ID = (
    r"\(?#?(?:(?i:pt|pnt|point)\.?\s?#?\d{1,2}[A-Za-z]?(?!\w)|[A-Z]{1,3}-?\d{1,2}[A-Za-z]?|\d{1,2}[A-Z]?|(?:STD|REF|DS)-[A-Z]{1,2}(?![A-Za-z])|STD|REF|DS"
    r"|[A-Z]{1,2})\)?"
)
# A point's code where a line gives it again with its value ("K1 38 | STD-D 9 | REF-2 11"): every
# lettered form the registry keys, hyphen-joined ones too (numbered points are read apart). The
# case is the caller's: its flags say whether "std-d" is a code.
RE_READ_CODE = r"(?:(?:STD|REF|DS)-[A-Z]{1,2}(?![A-Za-z])|[A-Z]{1,3}-\d{1,2}(?![\d.])|[A-Z]{1,3}\d{0,2})"


def code_of(written: str) -> str:
    """An ID as the registry keys it: "(3s)" and "#3S" are "3S", "Ref-1" is "REF-1", "pt 3" and
    "Point 3" are "3" (as a table's "Pt 3" column is)."""
    return _POINT_WORD.sub("", written.strip().strip("()#")).strip("#").upper()


# The word for a point before its number: "pt1", "Pt. 3", "point 2" (the number is the ID).
_POINT_WORD = re.compile(r"^(?:pt|pnt|point)\.?\s?(?=#?\d)", re.IGNORECASE)


def lower_case_id(written: str) -> bool:
    """An ID written in lower case past the word for a point ("b1" in prose is no point's ID;
    "pt1" is point 1)."""
    return _LOWER_ID.search(_POINT_WORD.sub("", written.strip("()#"))) is not None


_MAX_LINE = 400
_MIN_ITEMS = 2
# The day a visit's line opens with: "Mon 2/11", "16/11", "2026-11-09:", "Nov 21, 2026 -", "Day 3:",
# perhaps with its time ("11/02 pm").
_DAY_LEAD = re.compile(
    r"\s*(?:[-*\u2022]\s*)?"
    # ("V1 Sun 15/11:", "Visit 2 - 17/11": the visit's number before its day)
    r"(?:(?:v|visit|vis\.?)\s?\d{1,2}\s*[:.\-\u2013]?\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|\d)))?"
    # ("Readings 09/11: A 25 / B 21", "Re-check Fri 12/3 -": the visit's label before its day)
    r"(?:(?:readings?|re-?checks?|re-?reads?|checks?|follow[- ]?up)\s+"
    r"(?=(?:mon|tue|wed|thu|fri|sat|sun|\d)))?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?"
    r"(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{4}-\d{2}-\d{2}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?(?: \d{4})?"
    r"|day \d{1,2})"
    # ("11/02 pm", "3/11 2:15pm": the visit's time of day after its date)
    r"(?:\s+(?:\d{1,2}(?:[:.]\d{2})?\s?)?[ap]\.?m\b\.?)?"
    r"(?:\s*\([a-z][^()]{0,30}\))?(?:\s*[:,\-\u2013]\s*|\s+)",
    FLAGS,
)
# The words for why a point was not read that visit, in place of its value: "C5 stripped", "REF not
# taken", "C2 met" (its goal), "H n/r" (shared by every reader of values by point)
NOT_READ = (
    r"n/?r|n/?a|removed|stripped|cut(?: out)?|replaced|gone|met|not (?:re-?)?(?:read|taken)|dry|at goal"
)
# One item: an ID, a gap or a mark, then a value and its scale, or a not-read word.
# (a bare number is an ID only bracketed or with a mark before its value: "(3) 34", "3 - 34", "3=34")
_ITEM = re.compile(
    rf"(?P<id>{ID})(?P<sep>\s*[:=\-\u2013]\s*|(?<=[A-Za-z)])\s*|\s+)"
    r"(?:(?P<value>\d{1,4}(?:\.\d{1,2})?)(?![\d/]|\.\d|\s?(?:mm|cm|m|ft|in)\b)\s*(?P<unit>%\s?(?:mc|wme|rh)|%|wme|rel)?"
    # ("pt4 kicks removed, no pt", "C2 board cut out": a word or two may say what went; a negated
    # word after says so again, up to the next item's slash or bar)
    rf"|(?P<skip>-|\u2013|\u2014|(?:(?<=\s)[a-z]{{3,12}}\s+){{0,2}}(?:{NOT_READ})"
    r"(?:,?\s+(?:no|not)\s+[a-z.]{1,12}(?:\s+[a-z.]{1,12})?(?=\s*[/;|]))?))(?![a-z])",
    re.ASCII | re.IGNORECASE,
)
# A second value after a point's own, parted by a slash: "REF 11 / 13" (not "13 - 40", point 13's).
_PAIRED = re.compile(r"\s*/\s*\d{1,4}(?:\.\d{1,2})?(?![\d/.])(?!\s*[:=\-\u2013]\s*\d)")
_BETWEEN = re.compile(r"\s*(?:[,;|/]\s*)?")
# What may end the line after its items: a bracketed note, or a dash or stop then words.
_NOTE = re.compile(r"\s*(?:\(.*\)|(?:[-\u2013\u2014.;:]|->)\s+\D.*|[.;]?)\s*")
_LOWER_ID = re.compile(r"[a-z]")
_BULLET = re.compile(r"\s*[-*\u2022]\s+")
# A bracketed remark between two items, in words ("(kitchen ceiling cut out 20/11)")
_ASIDE = re.compile(r"\([a-z][^()]{0,60}\)\s*(?:[,;]\s*)?", re.IGNORECASE)


@dataclass(frozen=True)
class KeyedValue:
    code: str
    value: float
    scale: str | None


@dataclass(frozen=True)
class KeyedRun:
    """A line's values by point, and the end of the day it opens with (0 when none)."""

    day_end: int
    values: list[KeyedValue]
    # where the rest of the line, set apart by a bar or a semicolon, begins (the line's end when
    # none): "1=26 2=24 | 6=19 | dining oak 8" gives the points, and "dining oak 8" is for others
    tail: int | None = None


def keyed_values(text: str, known: Collection[str], min_items: int = _MIN_ITEMS) -> KeyedRun | None:
    """The registry's points a line gives values for; None when the line is anything else."""
    if len(text) > _MAX_LINE or not known:
        return None
    lead = _DAY_LEAD.match(text)
    day_end = lead.end() if lead is not None else 0
    position = day_end + len(text[day_end:]) - len(text[day_end:].lstrip())
    if lead is None and (bullet := _BULLET.match(text)) is not None:
        position = bullet.end()  # ("- S2 210, S3 not re-read": a list's item under its day's line)
    values: list[KeyedValue] = []
    items = 0
    barred = False  # (the last items were parted by a bar or a semicolon)
    parted = False  # (... or by a slash)
    while position < len(text):
        by_surface = _surface_values(text, position, known)
        if by_surface is not None:  # ("DS 11 wall, 12 skirt", "REF wall 11": a value per surface)
            found, end = by_surface
            values.extend(found)
            items += 1
            between = _BETWEEN.match(text, end)
            barred = between is not None and any(mark in between.group(0) for mark in "|;")
            position = between.end()  # type: ignore[union-attr]
            continue
        joined = _JOINED_SKIP.match(text, position)
        if joined is not None:
            # ("D and E removed", "C & D n/r": several points not read, told at once)
            written_ids = [part.group(0) for part in _ID_AT.finditer(joined.group("ids"))]
            if any(code_of(written) not in known or lower_case_id(written) for written in written_ids):
                return None
            items += len(written_ids)
            position = _BETWEEN.match(text, joined.end()).end()  # type: ignore[union-attr]
            continue
        item = _ITEM.match(text, position)
        if item is None:
            break
        written = item.group("id")
        if written.startswith("(") and not written.endswith(")"):
            break  # ("R2-9  (6 not read)": a bracket that opens the note after the items, no ID's)
        code = code_of(written)
        if code not in known or lower_case_id(written):
            return None  # (a point the notes never defined: the line is something else)
        if (
            written[0].isdigit()
            and not item.group("sep").strip()
            and not _barred_item(text, item, barred)
            and not _skipped_in_run(item, items)
        ):
            return None  # ("2 34": a count and a number, not point 2)
        items += 1
        paired = _PAIRED.match(text, item.end()) if item.group("value") is not None else None
        if paired is not None:
            # ("REF 11 / 13" for "REF bed 1 GIB / bed 1 floor": one ID, a value per surface it names,
            # in the order the definition parted them by its slash (the registry's "REF/1", "REF/2");
            # a definition naming no such surfaces leaves neither read, and the row goes on)
            if f"{code}/1" in known and f"{code}/2" in known and f"{code}/3" not in known:
                second = paired.group(0).strip().lstrip("/").strip()
                values.append(KeyedValue(f"{code}/1", float(item.group("value")), None))
                values.append(KeyedValue(f"{code}/2", float(second), None))
            position = _BETWEEN.match(text, paired.end()).end()  # type: ignore[union-attr]
            continue
        end = item.end()
        if item.group("value") is not None:
            unit = item.group("unit")
            value = float(item.group("value"))
            # ("H 91 (typo - re-read 19)": the writer's slip; the value put right takes its place)
            slip = TAKEN_BACK.match(text, end)
            if slip is not None:
                value, end = float(slip.group("right")), _SLIP_CLOSE.match(text, slip.end()).end()  # type: ignore[union-attr]
            values.append(KeyedValue(code, value, unit.replace(" ", "") if unit else None))
        between = _BETWEEN.match(text, end)
        barred = between is not None and any(mark in between.group(0) for mark in "|;")
        # ("A 25 / B 21 / C 24 / lounge wall 10": a slash parts the points' run from the words after)
        parted = barred or (between is not None and "/" in between.group(0))
        position = between.end()  # type: ignore[union-attr]
        aside = _ASIDE.match(text, position)
        if aside is not None and _ITEM.match(text, aside.end()) is not None:
            # ("F - (ceiling cut out 20/11) G 180": a remark on the point before, the run goes on)
            position = aside.end()
    if items < min_items or not values:
        return None
    if _NOTE.fullmatch(text, position) is None:
        if not (parted and items >= _MIN_BARRED_ITEMS):
            return None
        return KeyedRun(day_end, values, tail=position)
    return KeyedRun(day_end, values)


_MIN_BARRED_ITEMS = 3
# Several points told not read at once: "D and E removed", "C & D n/r", "F, G not re-read".
_JOINED_SKIP = re.compile(
    # (not a bracket's words: "(C and D not re-read)" is the note after the items)
    rf"(?!\()(?P<ids>{ID}(?:\s*(?:,|&|\band\b)\s*{ID})+)\s+(?:(?i:were|are|both|all)\s+)?(?i:{NOT_READ})(?![A-Za-z])",
    re.ASCII,
)
_SLIP_CLOSE = re.compile(r"[^,;|/()]{0,20}\)|")  # (the bracket of the slip's note, closed)

# --- one ID, a value per surface it names ------------------------------------------------------

_ID_AT = re.compile(ID)
_VALUE = r"(?P<value>\d{1,4}(?:\.\d{1,2})?)(?![\d/]|\.\d)\s*(?P<unit>%\s?(?:mc|wme|rh)|%|wme|rel)?"
# A surface's word and its value, either way round: "wall 11", "GIB: 11", "11 wall", "12%MC skirt".
_WORD_VALUE = re.compile(rf"\s*(?P<word>[a-z]{{2,12}})\s*[:=]?\s*{_VALUE}(?![a-z])", re.IGNORECASE)
_VALUE_WORD = re.compile(rf"\s*{_VALUE}\s+(?P<word>[a-z]{{2,12}})(?![a-z])", re.IGNORECASE)
_SURFACE_GAP = re.compile(r"\s*(?:[,&]|/(?!\s*[A-Z]{1,3}\d)|\band\b)\s*", re.IGNORECASE)
_SURFACE_TOKEN = re.compile(r"[a-z]{2,}", re.IGNORECASE)
_MAX_SURFACES = 3
_PREFIX = 4  # ("skirt" is the "skirting"'s word: a word names a surface by its first letters)


def _surface_of(word: str, surfaces: dict[str, str]) -> str | None:
    """The one surface whose words a word names ("skirt" -> "bed 2 skirting"), else None."""
    stem = word.lower()[:_PREFIX]
    named = [
        code
        for code, words in surfaces.items()
        if any(token.lower().startswith(stem) for token in _SURFACE_TOKEN.findall(words))
    ]
    return named[0] if len(named) == 1 else None


def _surface_values(text: str, position: int, known: Collection[str]) -> tuple[list[KeyedValue], int] | None:
    """An ID the registry split into surfaces ("DS bed 2 wall / bed 2 skirting" is "DS/1" and
    "DS/2") and its values, each written with a word that names one of its surfaces: "DS 11 wall,
    12 skirt", "DS wall 11", "STD GIB 10 / floor 9". None when a word names no surface (one value
    with no word is the order's: "REF 11 / 13", read by the paired values)."""
    found = _ID_AT.match(text, position)
    if found is None or not isinstance(known, Mapping):
        return None
    code = code_of(found.group(0))
    surfaces = {
        f"{code}/{n}": str(getattr(known[f"{code}/{n}"], "surface", ""))
        for n in range(1, _MAX_SURFACES + 1)
        if f"{code}/{n}" in known
    }
    if len(surfaces) < _MIN_ITEMS or lower_case_id(found.group(0)):
        return None
    values: list[KeyedValue] = []
    end = found.end()
    while len(values) < len(surfaces):
        gap = _SURFACE_GAP.match(text, end) if values else None
        start = gap.end() if gap is not None else end
        piece = _WORD_VALUE.match(text, start) or _VALUE_WORD.match(text, start)
        if piece is None or (values and gap is None):
            break
        surface = _surface_of(piece.group("word"), surfaces)
        if surface is None or any(value.code == surface for value in values):
            break
        unit = piece.group("unit")
        values.append(
            KeyedValue(surface, float(piece.group("value")), unit.replace(" ", "") if unit else None)
        )
        end = piece.end()
    return (values, end) if values else None


_BAR = re.compile(r"\s*[|;]")


def _skipped_in_run(item: re.Match[str], items: int) -> bool:
    """ "1-19  2-22  7 n/r": a numbered point the run has reached, said not read that visit in
    words; a number and words alone ("2 removed") open no run."""
    skip = item.group("skip")
    return items > 0 and skip is not None and skip not in ("-", "\u2013", "\u2014")


def _barred_item(text: str, item: re.Match[str], barred: bool) -> bool:
    """ "1 5.8 | 2 28 | 3 5.2": a numbered point and its value parted by a space alone, each pair
    set apart by bars or semicolons. A bar must follow the pair (or, for the line's last pair, have
    come before it): "2 34" alone in a sentence is a count and a number."""
    if item.group("value") is None:
        return False
    return _BAR.match(text, item.end()) is not None or barred


def dated_values(
    text: str, known: Collection[str], dates: Dates | None, anchor: date | None, state: dict[str, object]
) -> list[tuple[str, KeyedValue, date | None]] | None:
    """(code, value, day) for a line of values by point: the day the line opens with, else the
    caller's (the nearest day line above, or the table's row). A line stating an order of points
    gives none ([]) and is kept in `state` for the lines of values after it. None for other lines."""
    grid = grid_row(text, known, state)
    if grid is not None:  # (a grid map's row: reading_grid_rows)
        return [(code, KeyedValue(code, value, None), anchor) for code, value in grid]
    order = point_order(text, known)
    if order is not None:
        state["_point_order"] = order
        return []
    kept = state.get("_point_order")
    run = ordered_values(text, kept, known) if isinstance(kept, PointOrder) else None
    run = run or keyed_values(text, known)
    state["_keyed_tail"] = run.tail if run is not None else None
    if run is None:
        return None
    day = anchor
    if run.day_end and dates is not None:
        found = dates.find(text[: run.day_end], anchor, yearless_numeric=True)
        day = found[0].value if found and found[0].value is not None else anchor
    return [(value.code, value, day) for value in run.values]


# --- values in a stated order of points ------------------------------------------------------

# "Readings - order 1 / 2 / 3 / 4 (4 WME, rest REL):", "same order: A, B, C, R1", "in order K1 K2 H1".
_ORDER = re.compile(r"\border\b\s*(?:of points\s*)?[:\-\u2013]?\s*", FLAGS)
_ORDER_GAP = re.compile(r"\s*(?:/|,|;|\s)\s*")
_ORDER_NOTE = re.compile(r"\s*(?:\((?P<note>[^()]{0,80})\))?\s*:?\s*")
# "(4 & 5 WME, rest REL)": the scale of some points, and of the rest.
_SCALE_WORD = r"(?P<scale>%\s?mc|wme|rel|%)"
_SOME_SCALE = re.compile(
    rf"(?P<ids>{ID}(?:\s*(?:&|,|and)\s*{ID})*)\s+{_SCALE_WORD}", re.ASCII | re.IGNORECASE
)
_REST_SCALE = re.compile(rf"\b(?:rest|others|the rest|all other)\s+{_SCALE_WORD}", FLAGS)
_ORDERED_VALUE = re.compile(
    r"(?P<value>\d{1,4}(?:\.\d{1,2})?)(?![\d/])(?:\s*\([a-z][^()]{0,20}\))?|(?P<skip>-|\u2013|n/?r|n/?a)",
    FLAGS,
)
_VALUE_GAP = re.compile(r"\s*/\s*")


@dataclass(frozen=True)
class PointOrder:
    """The points a line says later values come in, and the scale it gives each."""

    codes: tuple[str, ...]
    scales: dict[str, str]


def point_order(text: str, known: Collection[str]) -> PointOrder | None:
    """The order a line states ("order 1 / 2 / 3"), every ID the registry's; None otherwise."""
    if len(text) > _MAX_LINE:
        return None
    lead = _ORDER.search(text)
    if lead is None:
        return None
    codes: list[str] = []
    position = lead.end()
    while (item := re.compile(ID).match(text, position)) is not None:
        code = code_of(item.group(0))
        if code not in known or item.group(0).startswith("(") != item.group(0).endswith(")"):
            break  # ("6 (4 & 5 WME)": the note's bracket, no point)
        codes.append(code)
        position = item.end()
        gap = _ORDER_GAP.match(text, position)
        if gap is None or not gap.group(0) or text.startswith("(", gap.end()):
            break
        position = gap.end()
    note = _ORDER_NOTE.fullmatch(text, position)
    if len(codes) < _MIN_ITEMS or note is None:
        return None
    scales: dict[str, str] = {}
    words = note.group("note") or ""
    rest = _REST_SCALE.search(words)
    for found in _SOME_SCALE.finditer(words):
        for written in re.compile(ID).findall(found.group("ids")):
            scales[code_of(written)] = _scale(found.group("scale"))
    if rest is not None:
        for code in codes:
            scales.setdefault(code, _scale(rest.group("scale")))
    return PointOrder(tuple(codes), scales)


def _scale(written: str) -> str:
    upper = written.upper().replace(" ", "")
    return upper if upper in ("WME", "REL", "%MC") else "%"


def ordered_values(text: str, order: PointOrder, known: Collection[str]) -> KeyedRun | None:
    """ "Tue 10/11 : 640 / 520 / 455 / 28 (pegged)   R1 110, R2 12": the day, then one value (or a
    dash) per point of the order, parted by slashes; points by their IDs may follow."""
    if len(text) > _MAX_LINE:
        return None
    lead = _DAY_LEAD.match(text)
    if lead is None:
        return None
    position = lead.end()
    values: list[KeyedValue] = []
    for index, code in enumerate(order.codes):
        if index:
            gap = _VALUE_GAP.match(text, position)
            if gap is None:
                return None
            position = gap.end()
        found = _ORDERED_VALUE.match(text, position)
        if found is None:
            return None
        if found.group("value") is not None:
            values.append(KeyedValue(code, float(found.group("value")), order.scales.get(code)))
        position = found.end()
    tail = text[position:]
    if _VALUE_GAP.match(tail) and _VALUE_GAP.match(tail).group(0).strip():  # type: ignore[union-attr]
        return None  # (more values than the order has points: another layout)
    keyed = keyed_values(tail, known, min_items=1) if tail.strip() else None  # ("/ 26   S1 95")
    if tail.strip() and keyed is None and _NOTE.fullmatch(tail) is None:
        return None
    return KeyedRun(lead.end(), [*values, *(keyed.values if keyed else [])])


# --- a point's values in a row: its trend ------------------------------------------------------

# What may stand between two values of one point's trend: separators, "then", a day the value
# was read on ("34 on 12/11, 24 on 14/11", "29, then 21", "31 -> 22").
_TREND_GAP = re.compile(
    r"(?:\s*(?:[%a-z]{0,4}\s*)?(?:on|at)\s+\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)?"
    r"\s*(?:,|;|/|->|>|\u2192|-|\u2013)?\s*(?:and\s+|then\s+)?(?:then\s+)?",
    FLAGS,
)


def carried_points(text: str, found: list[Any]) -> list[Any]:
    """ "P1  34 on 12/11, 24 on 14/11", "P2  29, then 21": the values after a point's first, with no
    words of their own and only separators (or their days) between, are the same point's."""
    out = list(found)
    for index in range(1, len(out)):
        before, reading = out[index - 1], out[index]
        if (
            before.point
            and not reading.point
            and reading.label.strip(" ,;-") in ("", "then", "and", "and then")
            and before.end <= reading.start
            and _TREND_GAP.fullmatch(text, before.end, reading.start)
        ):
            out[index] = replace(reading, point=before.point, label=before.label)
    return out
