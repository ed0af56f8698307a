"""Equipment tables as a PDF's text gives them: no bars, a header line of column names ("Item Qty
Placed Removed", "Unit Where Placed Removed", "Equipment Placed Changes Max on site") and one row per
kind below it, its cells run together with spaces and a long cell wrapped onto lines of its own:

    Item Qty Placed Removed
    Floor drying mat system (8
    panels, 1 vacuum unit) 1 03/11 24/11
    Air movers 8 25/11 4 pulled 28/11
    LGR dehumidifier x2 Living and entry 20/11 1 removed 27/11
    Desiccant dehumidifier 1 26/11 -

A row ends at the line that carries its dates, so a wrapped row is read whole. The quantity is the
count written where the header puts its column (the first number after the kind, outside brackets,
when the column comes before the days; the last one when it comes after), else the row's "x2" or its
tags' range, else one. The first day is the day in; each later day is a removal, of the count written
just before it ("4 pulled 28/11", "2 on 22/10, 2 on 26/10") or of all of them; "-" leaves them on site.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chalicelib.analysis.offline.dates import DateMatch, Dates
from chalicelib.analysis.offline.equipment_day_columns import day_columns_header
from chalicelib.analysis.offline.equipment_events import Event
from chalicelib.analysis.offline.equipment_tables import heading_name
from chalicelib.analysis.offline.equipment_times import make_and_model
from chalicelib.analysis.offline.equipment_words import (
    COUNT_AFTER,
    KIND_ONLY,
    TAG_RANGE,
    TAG_THEN_KIND,
    kind_of,
    tagged_units,
)
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS, Line

_HEADER_LENGTH = 80
_PHRASE_WORDS = 3  # the longest column name read as one ("max on site")
_WRAPPED_LINES = 5  # how many lines one row may wrap over before it is not a row
_NUMBER = re.compile(
    r"(?<![\w.,/:\-])(?P<n>[1-9]\d{0,2})(?![\w.,/:\-]|\s?(?:%|mm|cm|m\b|ft|in\b|lm|lf|sf))", FLAGS
)
_REMOVAL_COUNT = re.compile(r"^\W*(?P<n>[1-9]\d{0,2})\b(?![/.\-]\d)", FLAGS)
# A list item, a numbered heading or a labelled note ("Safety: ...") is no row of the table.
_ENDS_TABLE = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)]\s|[A-Za-z][\w ]{0,30}:(?:\s|$))")
_KIND_REACH = 30  # how far into a row its kind may start ("Tent/tarp over C1-C2 with heater")


@dataclass(frozen=True)
class PlainColumns:
    """The order of a header's columns, by what each holds."""

    names: tuple[str, ...]

    @property
    def counted_only(self) -> bool:
        """ "Item Qty": a count per row and no days."""
        return "placed" not in self.names and "removed" not in self.names

    def before_days(self, name: str) -> bool:
        """Whether a column comes before the day-in column (or there is none)."""
        if name not in self.names:
            return False
        placed = self.names.index("placed") if "placed" in self.names else len(self.names)
        return self.names.index(name) < placed


def plain_header(text: str) -> PlainColumns | None:
    """The columns of a bar-less header line, or None when the line is anything else: every word
    must be a column name, one naming the equipment and two of quantity, day in and day out."""
    if len(text) > _HEADER_LENGTH or any(char.isdigit() for char in text) or "|" in text:
        return None
    # ("Reduced / pulled": one column under two names)
    words = re.sub(r"\s*/\s*", "/", text.strip()).split()
    names: list[str] = []
    index = 0
    while index < len(words):
        for size in range(min(_PHRASE_WORDS, len(words) - index), 0, -1):
            phrase = " ".join(words[index : index + size])
            # (a name written two ways, "Reduced / pulled", is one word: a phrase is never split)
            named = [heading_name(part) for part in (phrase.split("/") if size == 1 else [phrase])]
            found = next((name for name in named if name not in (None, "other")), None)
            if found is not None or any(name == "other" for name in named):
                names.append(found or "other")
                index += size
                break
        else:
            return None
    measured = {name for name in names if name in ("quantity", "placed", "removed")}
    # ("Item Qty": a count a row, no days; not "Item Qty Unit", a scope table's unit of measure)
    counted_only = measured == {"quantity"} and names.count("kind") == 1
    if "kind" not in names or (len(measured) < 2 and not counted_only):
        return None
    return PlainColumns(tuple(names))


def plain_table_events(
    lines: Sequence[Line], line_dates: Sequence[date | None], dates: Dates | None
) -> tuple[list[Event], set[int]]:
    """The events of every bar-less equipment table, and the indexes of the lines its rows took."""
    events: list[Event] = []
    taken: set[int] = set()
    if dates is None:
        return events, taken
    columns: PlainColumns | None = None
    pending: list[int] = []
    for index, line in enumerate(lines):
        text = line.text
        header = plain_header(text) if text else None
        if header is not None:
            columns, pending = header, []
            taken.add(index)
            continue
        if columns is None:
            continue
        # (a line with bars is a table of its own: "Equipment on site" over "Date | AM | DH | AFD"; so
        # is a header of a day a row and a kind a column, as a PDF gives it: "Date Air movers Dehus")
        if (
            not text
            or _ENDS_TABLE.match(text)
            or "|" in text
            or len(pending) >= _WRAPPED_LINES
            or day_columns_header(text) is not None
        ):
            columns, pending = None, []
            continue
        pending.append(index)
        row_text = " ".join(lines[i].text for i in pending)
        if columns.counted_only:
            # (no days: a row ends at the line that ends in its count)
            if _TRAILING_COUNT.search(text) is None:
                continue
            row = _counted_row(row_text, lines[pending[0]], line_dates[index])
        else:
            found = [
                match
                for match in dates.find(text, line_dates[index], yearless_numeric=True, own_separator=True)
                if match.value
            ]
            if not found:
                continue
            row = _row_events(row_text, columns, lines[pending[0]], line_dates[index], dates)
        if not row:
            columns, pending = None, []
            continue
        events += row
        taken.update(pending)
        pending = []
    return events, taken


def _row_events(text: str, columns: PlainColumns, line: Line, on: date | None, dates: Dates) -> list[Event]:
    """One row's units in on its first day and out on each later one."""
    tagged = TAG_THEN_KIND.match(text)
    kinds = [match for match in KIND_ONLY.finditer(text) if tagged is None or match.start() >= tagged.end()]
    days = [match for match in dates.find(text, on, yearless_numeric=True, own_separator=True) if match.value]
    if not kinds or not days or kinds[0].start() > min(days[0].start, _KIND_REACH):
        return []
    kind = kind_of(kinds[0])
    if kind is None:
        return []
    named = text[: days[0].start]
    quantity = _quantity(text, named, kinds[0].end(), days, columns)
    if quantity is None:
        quantity = (
            tagged_units(tagged)
            if tagged is not None
            else _written_count(named) or _tag_count(named[kinds[0].start() :]) or 1
        )
    rooms = [mention.name for mention in room_mentions(named[kinds[0].end() :])]
    room = rooms[0] if rooms else None
    model = make_and_model(named)
    placed = days[0].value
    events = [Event(kind[0], quantity, "add", placed, line, room, kind[1], model=model)]
    if "removed" not in columns.names:
        return events
    left, previous = quantity, days[0].end
    for day in days[1:]:
        if left <= 0:
            break
        written = _REMOVAL_COUNT.match(text[previous : day.start])
        count = min(int(written.group("n")), left) if written else left
        events.append(Event(kind[0], count, "remove", day.value, line, room, kind[1], model=model))
        left -= count
        previous = day.end
    return events


# "Air movers (kitchen 3, family room 1) 4": the row's count, last on its line.
_TRAILING_COUNT = re.compile(r"(?<![\w.,/:\-])(?P<n>[1-9]\d{0,2})\s*$")


def _counted_row(text: str, line: Line, on: date | None) -> list[Event]:
    """A row of a count-only table: its kind near the start, its count at the end."""
    kinds = list(KIND_ONLY.finditer(text))
    count = _TRAILING_COUNT.search(text)
    if not kinds or count is None or kinds[0].start() > _KIND_REACH or kinds[0].end() > count.start():
        return []
    kind = kind_of(kinds[0])
    if kind is None:
        return []
    return [Event(kind[0], int(count.group("n")), "add", on, line, None, kind[1])]


def _quantity(
    text: str, named: str, kind_end: int, days: Sequence[DateMatch], columns: PlainColumns
) -> int | None:
    """The count in the quantity column: the first number after the kind (outside brackets) when
    the column comes before the days, the last number of the row when it comes after them."""
    if "quantity" not in columns.names:
        return None
    if columns.before_days("quantity"):
        return next((int(match.group("n")) for match in _outside_brackets(named, kind_end)), None)
    tail = text[days[-1].end :]
    numbers = list(_NUMBER.finditer(tail))
    return int(numbers[-1].group("n")) if numbers else None


def _outside_brackets(text: str, start: int) -> list[re.Match[str]]:
    """The numbers after `start` not inside brackets ("(8 panels, 1 vacuum unit) 1": the last)."""
    out = []
    depth, cursor = 0, 0
    for match in _NUMBER.finditer(text, start):
        # (one pass over the brackets as the numbers go: a long row stays linear)
        for char in text[cursor : match.start()]:
            depth = depth + 1 if char == "(" else max(0, depth - 1) if char == ")" else depth
        cursor = match.start()
        if depth == 0:
            out.append(match)
    return out


def _written_count(text: str) -> int | None:
    """ "LGR dehumidifier x2", "Air mover x 2": the count written against the kind."""
    match = COUNT_AFTER.search(text)
    return int(match.group("n")) if match else None


def _tag_count(text: str) -> int | None:
    match = TAG_RANGE.search(text)
    return tagged_units(match) if match else None
