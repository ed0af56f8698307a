"""Which numbers in a scope line are quantities of work: not the size of the damage ("carpet wet
approx 6 m2"), a room's or a sheet's size ("2.4 x 1.9 m"), a flood-cut height or a waiting period
("hold 14 days after drying"). A wrong item is worse than none."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chalicelib.analysis.offline.scope_units import COUNT_NOUNS, QUANTITY, scope_unit
from chalicelib.analysis.offline.text import FLAGS, count_word

_COUNT_REACH = 25  # "detach and reset washer (1)": how far after its verb a bare count may be


# A bare count where a unit would be: "Toilet detach & reset (1)", "Remove kickboards: 2 (...)".
# ("replace vanity carcass and kickboard (1 unit)", "(2 no.)", "(1 off)": the count named as one)
_BARE_COUNT = re.compile(
    r"(?:\((?P<p>\d{1,2})(?P<named> ?(?:units?|no\.?|nr|ea|each|off))?\)"
    r"|(?<![\d\s]):(?P<c> ?\d{1,3})(?= ?(?:\(|,|;|\.|$)))",
    FLAGS,
)


# Words right before a quantity that make it the size of the damage: "carpet wet approx 6 m2".
_DAMAGE_BEFORE = re.compile(
    r"\b(?:wet|soaked|saturated|damp|wicking|wicked|stained|affected|extent|under water|water)"
    r"(?: (?:over|across|for|to))?:?(?: (?:approx\.?|about|around|roughly|some|c\.|~))?[\s:~]*$",
    FLAGS,
)


_DAMAGE_AFTER = re.compile(
    r"^\s*(?:of (?:it |the \w+ )?)?(?:was |were |is |are )?(?:wet|soaked|damp|affected)\b", FLAGS
)


DAMAGE_WORDS = re.compile(
    r"\b(?:wet|soaked|saturated|damp|wicking|wicked|stained|affected|extent|dry|reading|readings)\b", FLAGS
)


# "2.4 x 1.9 m", "2 x 4 ft tiles": a size, not a quantity of work; "240 sf of 320": a total.
_DIMENSION_BEFORE = re.compile(
    r"(?:\d ?(?:m|ft|mm|')? ?[x\u00d7*] ?|\d ?(?:sq\.? ?ft|sf|m2|sqm|lf|lm)?\.? of (?:the )?)$", FLAGS
)


_BARE_METRES = re.compile(r"m|met(?:re|er)s?", FLAGS)


_HEIGHT_BY_RUN = re.compile(r"\d ?(?:ft|'|mm|m|in|\") ?[x\u00d7] ?$", FLAGS)


_DIMENSION_AFTER = re.compile(r"^ ?[x\u00d7*] ?\d", FLAGS)


# Bare metres are a run of skirting only when they are not a height or a depth.
# ("above a 1.2 m tiled dado", "to the 600 mm line": a height with its article is still a height)
_HEIGHT_BEFORE = re.compile(
    r"\b(?:at|to|up to|up|above|below|within|of|on|over|under)(?:\s+(?:a|an|the))?\s*$", FLAGS
)


_HEIGHT_AFTER = re.compile(
    r"^\s*(?:high|up|above|below|from|wide|width|long|length|deep|depth|strip|stumps|height|short|away|out)\b",
    FLAGS,
)


# "Hold ... 14 days after drying", "for 3 days": a waiting period, not a billed quantity.
_PERIOD_BEFORE = re.compile(
    r"\b(?:for|within|in|after|hold\w*|wait\w*|every|over|next|about|approx\.?|at|under)\s*$", FLAGS
)


# "3 AM x 4 days", "1 LGR x 4 days": a unit's days on hire, which the equipment log keeps; a
# line item's days stand alone ("hardwood drying system, 8 days").
_UNITS_TIMES_BEFORE = re.compile(r"\b\d{1,3} ?(?:[a-z]+ ){1,2}?[x\u00d7] ?$", FLAGS)


_PERIOD_AFTER = re.compile(r"^\s*(?:after|before|from|later|ago|until|of|post|then|to)\b", FLAGS)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    start: int
    end: int


@dataclass(frozen=True)
class Verb:
    action: str
    start: int
    end: int


def quantities(text: str, start: int, end: int, verbs: Sequence[Verb], listed: bool) -> list[Quantity]:
    found: list[Quantity] = []
    for match in QUANTITY.finditer(text, start, end):
        unit = scope_unit(match.group("u"))
        if unit is None or _not_work(text, match, unit, start, verbs, listed):
            continue
        value = float(match.group("q").replace(",", "")) if re.search(r",\d{3}", match.group("q")) else None
        found.append(
            Quantity(value or float(match.group("q").replace(",", ".")), unit, match.start(), match.end())
        )
    found = [_drilled_each(quantity, verbs) for quantity in found]
    if not any(quantity.unit == "ea" for quantity in found):
        drilled = _drilled_holes(text, start, end, verbs)
        if drilled is not None and all(drilled.end <= q.start or drilled.start >= q.end for q in found):
            found = sorted([*found, drilled], key=lambda quantity: quantity.start)
    counted = _counted_fittings(text, start, end, verbs)
    found = sorted(
        [*found, *(c for c in counted if all(c.end <= q.start or c.start >= q.end for q in found))],
        key=lambda quantity: quantity.start,
    )
    count = _bare_count(text, start, end, verbs, listed)
    if count is not None and all(count.end <= quantity.start for quantity in found):
        found.insert(0, count)
    return _without_sums(text, found)


# Fittings priced each, by any name a scope gives one: "Remove and dispose the vanity", "replace one LED
# downlight", "detach and reset 2 toilets".
FIXTURES = (
    r"vanity(?: unit| cabinet)?|toilet(?: suite)?|cistern|dryer|dishwasher|refrigerator|fridge|water heater"
    r"|(?:hot water )?cylinder|tub|bath ?tub|basin|sink(?: base)?(?: unit| cabinet)?|(?:tub |base )?cabinet"
    r"|carcass|back panel|downlight|light(?: fitting| fixture)?|fixture|fitting|exhaust fan|ceiling fan"
    r"|drain hose|supply (?:hose|line)|hose|valve|oven|washing machine|washer|mirror|shelf"
)
# A count written before a fitting a work verb governs: "replace one LED downlight", "reset 2 toilets",
# "carcass removed today (1 vanity, 900 mm)". Only a count of the fitting itself: "2 x 4 ft", "3 air
# movers" and "1 in. holes" name no fitting; a count of its parts ("2 hinges") is no fitting either.
_COUNTED_FITTING = re.compile(
    r"(?<![\w.,/-])(?P<n>[1-9]|one|two|three|four|five|six)"
    rf" (?:[a-z-]+ ){{0,2}}?(?:{FIXTURES})(?:e?s)?(?![\w-])(?! (?:door|hinge|handle|tap|mixer|trap)s?\b)",
    FLAGS,
)
_FITTING_REACH = 60  # how far after its work verb a fitting's count may be


def _counted_fittings(text: str, start: int, end: int, verbs: Sequence[Verb]) -> list[Quantity]:
    """Each fitting counted after a work verb of its clause (see _COUNTED_FITTING), in ea."""
    found: list[Quantity] = []
    for match in _COUNTED_FITTING.finditer(text, start, end):
        if not any(0 <= match.start() - verb.end <= _FITTING_REACH for verb in verbs):
            continue
        value = float(count_word(match.group("n")))
        if value:
            found.append(Quantity(value, "ea", match.start("n"), match.end("n")))
    return found


# Holes drilled are counted each ("Drill 6 x 10 mm vent holes", "drilled three little holes"); holes
# patched are priced by the hole.
_DRILLED_HOLES = re.compile(
    r"\b(?P<n>\d{1,3}(?![\d.])|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    # ("drilled 8 mm vent holes": a size, not a count; "two 10 mm holes", "6 x 10 mm holes": a count)
    r"(?!\s*(?:mm|cm|in\b|\"))(?:\s*[x\u00d7]?\s*\d{1,2}(?:\.\d)?\s*(?:mm|cm|in\b\.?|\"))?"
    r"(?:\s+[a-z-]+){0,2}?\s+holes\b",
    FLAGS,
)
_DRILL_REACH = 40  # how far after "drill" its holes may be counted


def _drilled_each(quantity: Quantity, verbs: Sequence[Verb]) -> Quantity:
    governing = [verb for verb in verbs if verb.end <= quantity.start]
    if quantity.unit == "holes" and governing and governing[-1].action == "drill":
        return Quantity(quantity.value, "ea", quantity.start, quantity.end)
    return quantity


def _drilled_holes(text: str, start: int, end: int, verbs: Sequence[Verb]) -> Quantity | None:
    """The count of holes a drill verb just before them makes: "drilled three little holes"."""
    for verb in verbs:
        if verb.action != "drill":
            continue
        match = _DRILLED_HOLES.search(text, verb.end, min(end, verb.end + _DRILL_REACH))
        if match is not None:
            value = float(count_word(match.group("n").lower()))
            return Quantity(value, "ea", match.start(), match.end()) if value else None
    return None


# "laundry 5 m2 + family room 8 m2 = 13 m2": the total after "=" is the parts again, not more work.
_EQUALS_BEFORE = re.compile(r"=\s*(?:approx\.?\s*|about\s*|~\s*)?$", re.IGNORECASE)
_SUM_TOLERANCE = 0.05


def _without_sums(text: str, found: list[Quantity]) -> list[Quantity]:
    """The quantities less a written sum of the ones before it (at least two, in its unit) and
    less one in brackets straight after another of its unit."""
    kept: list[Quantity] = []
    for quantity in found:
        parts = [part.value for part in kept if part.unit == quantity.unit]
        summed = (
            len(parts) >= 2
            and _EQUALS_BEFORE.search(text[max(0, quantity.start - 16) : quantity.start]) is not None
            and abs(sum(parts) - quantity.value) <= _SUM_TOLERANCE * quantity.value
        )
        # "approx 2.5 m2 (the 1.5 m2 visible plus a margin)": a note on the quantity before it
        noted = bool(kept) and _NOTE_OPEN.match(text[kept[-1].end : quantity.start]) is not None
        if not summed and not (noted and kept[-1].unit == quantity.unit):
            kept.append(quantity)
    return kept


# (not a bracket of work of its own: "60 SF (replace 216 SF to match)", "pad 40 SF (new pad 40 SF)")
_NOTE_OPEN = re.compile(
    r"^\s*\((?![^()]*\b(?:replace|new|remove|install|clean|paint|seal|supply|lay|fit)\w*\b)[^()]*$",
    re.IGNORECASE,
)


def _bare_count(text: str, start: int, end: int, verbs: Sequence[Verb], listed: bool) -> Quantity | None:
    """A count with no unit, only right where an item's quantity goes: "(1)" just after the verb,
    or ": 2" after an item that starts with its verb ("Remove kickboards: 2")."""
    if not verbs:
        return None
    leading = text[start : verbs[0].start].strip(" -*") == ""
    for match in _BARE_COUNT.finditer(text, start, end):
        reach = _FITTING_REACH if match.group("named") else _COUNT_REACH
        if match.group("p") and any(0 <= match.start() - verb.end <= reach for verb in verbs):
            return Quantity(float(match.group("p")), "ea", match.start(), match.end())
        if match.group("c") and (leading or listed) and verbs[0].end <= match.start():
            return Quantity(float(match.group("c")), "ea", match.start(), match.end())
    return None


def _not_work(
    text: str, match: re.Match[str], unit: str, start: int, verbs: Sequence[Verb], listed: bool
) -> bool:
    before, after = text[max(start, match.start() - 30) : match.start()], text[match.end() : match.end() + 30]
    if (_DIMENSION_BEFORE.search(before) or _DIMENSION_AFTER.match(after)) and not (
        unit in ("lf", "lm")
        and _HEIGHT_BY_RUN.search(before)
        and not _BARE_METRES.fullmatch(match.group("u"))
    ):
        return True  # a size; but "cut out 2 ft x 8 lf" is a cut 8 lf long ("2.4 m x 1.5 m" is a size)
    if _DAMAGE_BEFORE.search(before) or _DAMAGE_AFTER.match(after):
        return True
    written = match.group("u").lower()
    if written in ("m", "metre", "metres", "meter", "meters"):
        # bare metres are a run only where work is said and no damage is described before them
        governing = [verb for verb in verbs if verb.end <= match.start()]
        damage = not governing or DAMAGE_WORDS.search(text, governing[-1].end, match.start()) is not None
        if _HEIGHT_BEFORE.search(before) or _HEIGHT_AFTER.match(after) or damage:
            return True
    if re.match(r"(?:mm|cm|in|inch)\b", written):
        return True  # "drilled 10 mm holes": the holes' size, not how many
    if written.endswith(COUNT_NOUNS):
        return not any(verb.end <= match.start() for verb in verbs)  # "46 tiles" only as removed
    if unit == "L":
        # litres are work only as water taken out ("extracted standing water, approx 40 L"), never a
        # tank's or a cylinder's size ("replace the 250 L hot water unit")
        governing = [verb for verb in verbs if verb.end <= match.start()]
        return not governing or governing[-1].action != "extract"
    if unit in ("hrs", "days"):
        if _UNITS_TIMES_BEFORE.search(before):
            return True
        return not listed or bool(_PERIOD_BEFORE.search(before) or _PERIOD_AFTER.match(after))
    return False
