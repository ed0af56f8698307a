"""A visit's line of values by position where a point was not read that day, or with a remark
after the values: "11/16:  20 / removed / 16 / 17 / 14", "11/18:  14 / - / 10 / 13 / 11 -> all
within 4 of std. Dry." Each slot keeps its place in the order of the points; a slot with no number
is no reading."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.dates import MONTH_WORDS
from chalicelib.analysis.offline.reading_numbers import SCALED_VALUE
from chalicelib.analysis.offline.reading_scales import explicit_scale
from chalicelib.analysis.offline.text import FLAGS

# A point not read: "removed", "-", "n/a", "nr", "n/r", "not read", "pulled".
_SKIP = r"(?:removed|pulled|gone|n/?a|n/?r|not read|-|\u2013)"
_SLOT = rf"(?:{SCALED_VALUE}|{_SKIP})"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
# The visit's day in any of the forms a date is written: "11/18", "18.11.26", "Nov. 20", "Dec 3/26",
# "20 Nov", "Day 3". (A weekday-led line, "Fri 13/11 : ...", is left to the coded-order readers:
# such logs often end the line with their dry standards' codes, "R1 108, R2 12".)
_VISIT_DAY = (
    rf"\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?"
    rf"|(?:{MONTH_WORDS})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:/\d{{2,4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTH_WORDS})\.?|day \d{{1,2}}"
)
# The day, then ":" or a spaced dash, the values parted by " / ", then a remark: words, an arrow, or
# a dash or full stop before words ("- dry std den 10. Goal 14.": its own numbers are other readers')
_SLOTS = re.compile(
    rf"[ \t>*\u2022-]*(?P<lead>{_VISIT_DAY})[ \t]*(?::|[ \t][-\u2013])[ \t]*"
    rf"(?P<values>{_SLOT}(?:[ \t]+/[ \t]+{_SLOT}){{2,15}})[ \t]*"
    rf"(?P<rest>(?:[ \t]*(?:[-\u2013.;,]|->|\u2192)?[ \t]+(?:[a-z(])[^\n]{{0,120}})?)",
    FLAGS,
)
# The same in a sentence's way, parted by commas: "Saturday: 16, 15, (skipped the far one), lounge 11".
# A slot may be a bracketed remark (that point not read) or a value its place's word or two lead
# ("lounge 11": the writer's reminder of the point, the order still gives it).
_REMARK = r"\([^()\d]{1,80}\)"
# (the last slot may follow "and": "26, and spare room 11")
_LABELLED = rf"(?:and )?(?:[a-z]{{3,15}} ){{1,2}}{SCALED_VALUE}"
_COMMA_SLOT = rf"(?:{SCALED_VALUE}|{_SKIP}|{_REMARK}|{_LABELLED})"
# (the day may be a weekday and its date, "Mon 16/11"; words saying the places are the earlier ones,
# "- same spots", may follow it; a dash may stand for the colon)
_SAME_PLACES = r"(?:[ \t]*[-\u2013,][ \t]*(?:at )?(?:the )?same (?:spots|points|places|locations|order))"
_COMMA_SLOTS = re.compile(
    rf"[ \t>*\u2022-]*(?P<lead>(?:(?:{_WEEKDAY})\.?[ \t]+(?=\d)|)"
    rf"(?:{_WEEKDAY}|\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?|day \d{{1,2}})"
    rf"(?: \d{{1,2}}(?:st|nd|rd|th)?)?){_SAME_PLACES}?[ \t]*(?::|[ \t][-\u2013])[ \t]*"
    rf"(?P<values>{_COMMA_SLOT}(?:[ \t]*,[ \t]*{_COMMA_SLOT}){{2,15}})[ \t.]*"
    # (a sentence of remarks with no number may close the line: ". He didn't redo the bedroom.";
    # one with a number, ". Hall standard still 12.", is a reading of its own, the other readers')
    r"(?:(?<=\.)[ \t]*[A-Z][^\d\n]{0,120})?",
    FLAGS,
)
_LABEL_WORDS = re.compile(r"(?:and )?(?:[a-z]{3,15} ){1,2}", FLAGS)
_ITEM = re.compile(rf"(?P<number>\d{{1,3}}(?:\.\d{{1,2}})?)(?P<scale>\S*)|{_SKIP}", FLAGS)
_MIN_READ = 2


def skipped_values(text: str) -> tuple[str, list[tuple[float | None, str | None]]] | None:
    """The lead (the visit's day) and each slot's value and scale as written (None where the point
    was not read); None for any other line."""
    match = _SLOTS.fullmatch(text.strip())
    if match is None:
        return _comma_slots(text)
    values: list[tuple[float | None, str | None]] = []
    for slot in re.split(r"[ \t]+/[ \t]+", match.group("values")):
        found = _ITEM.fullmatch(slot)
        if found is None:
            return None
        number = found.group("number")
        scale = explicit_scale(found.group("scale")) if number and found.group("scale") else None
        values.append((float(number), scale) if number else (None, None))
    if sum(value is not None for value, _ in values) < _MIN_READ:
        return None
    if all(value is not None for value, _ in values) and not match.group("rest"):
        return None  # (a plain line of values is the main reader's)
    return match.group("lead"), values


def has_remark(text: str) -> bool:
    """Whether a visit's line of values ends in a remark, which other readers read
    for what it says of its own ("std (living room): drywall 9%, baseboard 10%MC")."""
    match = _SLOTS.fullmatch(text.strip())
    return match is not None and bool(match.group("rest").strip())


def _comma_slots(text: str) -> tuple[str, list[tuple[float | None, str | None]]] | None:
    """A visit's values parted by commas with a remark for a point not read or a word or two
    naming a point; a plain line of values is the main reader's."""
    match = _COMMA_SLOTS.fullmatch(text.strip())
    if match is None:
        return None
    values: list[tuple[float | None, str | None]] = []
    plain = True
    bare = False  # (a value with no words of its own: only the order says whose it is)
    for slot in re.split(r"[ \t]*,[ \t]*(?![^()]*\))", match.group("values")):
        label = _LABEL_WORDS.match(slot) if not slot.startswith("(") else None
        if slot.startswith("(") or label is not None:
            plain = False
        else:
            bare = True
        found = _ITEM.fullmatch(slot[label.end() :] if label is not None else slot)
        if slot.startswith("("):
            values.append((None, None))
            continue
        if found is None:
            return None
        number = found.group("number")
        scale = explicit_scale(found.group("scale")) if number and found.group("scale") else None
        values.append((float(number), scale) if number else (None, None))
    if plain or not bare or sum(value is not None for value, _ in values) < _MIN_READ:
        # ("Fri: rumpus plasterboard 22, laundry plasterboard 18, rumpus slab 5.4": every value names
        # its own place, so the line is a list of readings by their words, not an order to follow)
        return None
    return match.group("lead"), values
