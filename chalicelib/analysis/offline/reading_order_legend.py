"""A list of places that says the order of the values told after it: "His readings, same order
each day - laundry wall, laundry subfloor, hall baseboard:" then "Nov 28: 40, 28, 22". Each value
of a visit's line of values alone is the place its position names. Only a list of three places or
more, each a surface or a room in words and none with a reading of its own, is such a legend."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.reading_row_parts import WHERE_WORDS
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS

_MIN_ITEMS = 3
_MAX_ITEMS = 12
_MAX_ITEM = 60  # an item is a place's few words, not a sentence
_MAX_LEGEND = 600
# What leads the list: "Readings, same order each day - ", "The points, in order: ".
_LEAD = re.compile(r"^.{0,80}?(?:\s[-\u2013\u2014]\s|:\s)", FLAGS)
# A room's number ("bedroom 2") is the only number an item may have.
_NUMBER = re.compile(r"(?<![a-z] )\b\d", FLAGS)
# A sentence that says the order, then lists it: "Same order every time: sink wall, mudroom wall.",
# "four spots, in this order: behind the stand, ...", or with the list straight after the words:
# "His readings, in the order laundry wall, rumpus wall, skirting:" ("in order to ..." says no order),
# or in a bracket closing the sentence: "copied in the same order he writes them (hall wall, ...):",
# "in the order he read them each time (hall wall, ...):".
_SAID_ORDER = re.compile(
    r"\b(?:(?:same|this|that|the following) order\b[^:.;\n]{0,30}:"
    r"|(?:same|this|that|the following) order\b[^:.;()\n]{0,40}\((?=[^()]{0,400}\)\s*:\s*$)"
    # ("in the order he read them each time (...):"; not "in the order laundry wall, ... (the floor
    # one in %MC):", whose list comes before its bracket)
    r"|in the order\b[^:.;(),\n]{0,40}\((?=[^()]{0,400}\)\s*:\s*$)"
    r"|in (?:the |this )?order\b(?!\s+(?:to|that|for|of|as)\b)(?=\s+[a-z]))\s*",
    FLAGS,
)
# What an item may name beside a room or a surface: a side, an end, a fixture it is read by.
_PLACE_WORDS = re.compile(
    r"\b(?:side|face|end|front|back|middle|centre|center|corner|fridge|refrigerator|dishwasher|oven"
    r"|island|stand|tank|sink|tub|toilet|shower|bath|basin|heater|washer|dryer|robe|door)\b",
    FLAGS,
)
_BRACKETED = re.compile(r"\([^()]{0,120}\)")
_LIST_END = re.compile(r"[.;!?](?:\s|$)")
# (a comma inside a bracket parts no items: "skirting (the skirting one in %MC, the walls %)")
_ITEM_SPLIT = re.compile(r"(?:,\s*(?:and\s+)?|(?<=\S)\s+and\s+)(?![^()]*\))", FLAGS)


def _items(body: str) -> list[str]:
    """A list's items, parted by commas and "and" outside brackets: "hall floor (where he'd pulled
    the carpet back), the spare room wall (his "dry one", for comparison)" is two."""
    masked = _BRACKETED.sub(lambda found: "_" * len(found.group(0)), body)
    items = []
    start = 0
    for gap in _ITEM_SPLIT.finditer(masked):
        items.append(body[start : gap.start()])
        start = gap.end()
    items.append(body[start:])
    return items


def says_order_above(text: str) -> bool:
    """Whether a line says the order and leaves its list to the next line: "He read them out in the
    same order each time, so I wrote them down:"."""
    body = text.strip()
    said = next(reversed(list(_SAID_ORDER.finditer(body, 0, _MAX_LEGEND * 2))), None)
    if said is None:
        # ("in the same order each time, so I wrote them down:": the order said, then a few words)
        said = next(reversed(list(_ORDER_THEN.finditer(body, 0, _MAX_LEGEND * 2))), None)
    return said is not None and body.endswith(":") and said.end() >= len(body) - _MAX_TAIL_WORDS


# "same order each time, so I wrote them down:": the order said, then a few words to the colon
_ORDER_THEN = re.compile(r"\b(?:same|this|that|the following) order\b[^:.;\n]{0,60}:", FLAGS)
_MAX_TAIL_WORDS = 40


def order_legend(text: str, said_above: bool = False) -> list[str] | None:
    """The places a legend line lists, in order; None for any other line. `said_above`: the line
    before said the order and ended with a colon, so this line is the list itself, to its stop."""
    body = text.strip()
    # (the last saying of the order: "He reads ... in the same order: ...:" lists after it)
    said = next(reversed(list(_SAID_ORDER.finditer(body, 0, _MAX_LEGEND * 2))), None)
    if said is not None:  # ("... Same order every time: sink wall, mudroom wall, plywood.")
        stop = _LIST_END.search(body, said.end())
        body = body[said.end() : stop.start() if stop is not None else len(body)].rstrip(":") + ":"
        if said.group(0).endswith("("):  # (the list is the bracket's: its close is no item's)
            body = body[:-1].rstrip().removesuffix(")") + ":"
    elif said_above:  # (the whole line is the list, to its first stop)
        stop = _LIST_END.search(body)
        body = body[: stop.start() if stop is not None else len(body)].rstrip(":") + ":"
    if not body.endswith(":") or len(body) > _MAX_LEGEND:
        return None
    body = body[:-1]
    lead = _LEAD.match(body) if said is None and not said_above else None
    if lead is not None:
        body = body[lead.end() :]
    items = [item.strip() for item in _items(body)]
    if not _MIN_ITEMS <= len(items) <= _MAX_ITEMS:
        return None
    for item in items:
        # (a bracket says what the point is on or how it is read: "(he pushes pins into the board)")
        words = _BRACKETED.sub(" ", item)
        if not item or len(words) > _MAX_ITEM or _NUMBER.search(words):
            return None
        # (after "in this order:" a side, an end or a fixture places a point too)
        placed = (said is not None or said_above) and _PLACE_WORDS.search(words) is not None
        if WHERE_WORDS.search(item) is None and not room_mentions(item) and not placed:
            return None
    return items


# "Points: 1 kitchen subfloor at sink (%MC) / 2 sink base floor (particleboard, %) / 3 ...": a
# legend of numbered points on one line, in order, whose values later lines give by position.
_NUMBERED_LEAD = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?:points?|pts?\.?|locations?|key|legend)\s*[:\-\u2013]\s+", FLAGS
)
_NUMBERED_SPLIT = re.compile(r"\s+/\s+|\s*;\s*")
_NUMBERED_ITEM = re.compile(r"#?(?P<number>\d{1,2})[.):]?\s+(?P<place>\S.*)")
_BRACKETS = re.compile(r"\([^()]{0,60}\)")
_TWO_DIGITS = re.compile(r"\d{2}")


def numbered_legend(text: str) -> list[str] | None:
    """The places of a one-line legend of numbered points (1, 2, 3 ... in order); None for any
    other line."""
    if len(text) > _MAX_LEGEND:
        return None
    lead = _NUMBERED_LEAD.match(text)
    if lead is None:
        return None
    items = _NUMBERED_SPLIT.split(text[lead.end() :].strip())
    if not _MIN_ITEMS <= len(items) <= _MAX_ITEMS:
        return None
    places = []
    for index, item in enumerate(items, start=1):
        found = _NUMBERED_ITEM.fullmatch(item.strip())
        if found is None or int(found.group("number")) != index:
            return None
        place = found.group("place")
        words = _BRACKETS.sub(" ", place)
        if len(words) > _MAX_ITEM or _NUMBER.search(words) or _TWO_DIGITS.search(words):
            return None  # ("1 kitchen wall 22 / 2 ...": a list of readings, no legend)
        if WHERE_WORDS.search(words) is None and not room_mentions(words):
            return None
        places.append(place)
    return places


# "(via toe kick, %MC)", "(particleboard, %)": the scale a legend's item says its point reads on.
_ITEM_SCALE = re.compile(r"\([^()]{0,40}?(?P<scale>%\s?mc|%|wme|rel)\s*\)", FLAGS)


def item_scale(item: str) -> str | None:
    """The scale a legend item's bracket names, as the notes write scales ("%MC", "%", ...)."""
    found = _ITEM_SCALE.search(item)
    if found is None:
        return None
    scale = found.group("scale").upper().replace(" ", "")
    return "%" if scale == "%" else scale
