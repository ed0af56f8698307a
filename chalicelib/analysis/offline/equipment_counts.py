"""The counts of equipment in a clause of prose, each read as an event: the count and its kind, its
mode (set / add / remove / total) from the words around it, its room, its days in brackets, and the
"one in the closet and two in the bedroom" that go on after it. Times ("arrived 9 AM") and household
fans, heaters and mats are no counts. equipment_log cuts the notes into clauses and dates them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from chalicelib.analysis.findings import (
    EquipmentKind,
)
from chalicelib.analysis.offline.equipment_events import Event, Mode
from chalicelib.analysis.offline.equipment_words import (
    COUNT_AFTER,
    COUNT_AFTER_BARE,
    COUNT_BEFORE,
    EQUIPMENT_KIND,
    EXTRA_NUMBERS,
    KIND_ONLY,
    REMOVED,
    kind_of,
    system_parts,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    WINDOW,
    Line,
    count_word,
)

_CONTEXT = re.compile(
    r"\b(?:placed|place|set|setup|set up|installed|install|running|equipment|equip|eqpt|dehu\w*|lgr"
    r"|scrubbers?|afd|air movers?|drying|pulled|removed|on site|onsite|in place|added|deployed|dh"
    r"|mobili[sz]ed|ams)\b",
    FLAGS,
)


_TIME_BEFORE = re.compile(
    r"(?:\b(?:at|@|by|from|until|till|to|arrived|attended|approx\.?|around|about|~|after|before|since)"
    # ("Monday 8 June 2026, 10 am", "Tuesday, 9 AM": a time after its day)
    r"|\b(?:19|20)\d\d,?|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?"
    r"|\d:\d\d) ?$",
    FLAGS,
)


# "a fan" said of anything but drying ("a ceiling fan", "exhaust fan") is no equipment.
# "6 ft east of fan: 17": the kind names where a reading was taken, not a count of units.
_PLACE_BEFORE = re.compile(
    r"\b(?:of|from|near|at|by|beside|under|above|below|behind|off|around)\s+(?:the\s+)?$", FLAGS
)


# A household fan, heater or mat named like drying equipment: "ceiling fan: 1 EA", "ran two box fans",
# "the water heater", "a bath mat" (the word right before the kind says which).
_HOUSEHOLD_BEFORE = {
    "am": re.compile(
        r"\b(?:ceiling|exhaust|extractor|bathroom|bath|range|oven|pedestal|vent|box|desk|household"
        r"|oscillating|tower|attic|furnace|hvac|condenser)[\s-]*$",
        FLAGS,
    ),
    # ("their own air cleaner in the nursery": the household's, not a scrubber the job placed)
    "scrubber": re.compile(r"\b(?:own|household|home|desktop|bedside|nursery)[\s-]*$", FLAGS),
    "other": re.compile(
        r"\b(?:water|tank|storage|wall|gas|baseboard|patio|pool|bath|door|welcome|rubber|yoga|mouse"
        r"|anti-fatigue|entrance)[\s-]*$",
        FLAGS,
    ),
}
_HOUSEHOLD_REACH = 20
_HOUSEHOLD_THING = re.compile(r"heater|mat\b|mats\b", FLAGS)


def is_household(text: str, match: re.Match[str]) -> bool:
    """Whether a kind matched in `text` is a household fan, heater or mat, not drying equipment."""
    for group, before in _HOUSEHOLD_BEFORE.items():
        start = match.start(group)
        if group == "other" and start >= 0 and not _HOUSEHOLD_THING.search(match.group(group)):
            return False  # ("a wall cavity injection system": only a heater or a mat is a household one)
        if start >= 0:
            return before.search(text, max(0, start - _HOUSEHOLD_REACH), start) is not None
    return False


_REMOVED_AFTER = re.compile(
    r"^[\s,]*(?:\([^)]*\)\s*)?(?:were |was |had been |have been )?(?:pulled|removed|picked up|collected|off\b"
    r"|out\b|came out|taken (?:out|off|away)|away\b|lifted|decommissioned|off ?-?hired?"
    # ("one kitchen air mover went off on Saturday": taken away, not switched off for the night)
    r"|went (?:off site|off\b|back\b))",
    FLAGS,
)


# "its 2 LGRs and 4 of the air movers pulled.": a list that ends in its removal.
_REMOVED_AT_END = re.compile(
    r"^(?:\s*(?:and|&|,|\+)?\s*(?:\d{1,2}|one|two|three|four|five|the|both|all)?\s*(?:of the )?"
    # ("one compact LGR dehu with the door pulled to": the door is what is pulled)
    r"(?:(?!\bwith\b)[\w\- ]){0,30}?)"
    r"\s(?:were |was )?(?:pulled|removed|came out|taken out|picked up|collected)(?: [\w/ ,]{0,30})?[.;]?\s*$",
    FLAGS,
)


# "1 air mover + 1 dehumidifier stay on P4": a list that ends in what is left.
_TOTAL_AT_END = re.compile(
    r"^(?:\s*(?:and|&|,|\+)?\s*(?:\d{1,2}|one|two|three|four|five|the|both|all)?\s*(?:of the )?"
    r"[\w\- ]{0,30}?)"
    # ("there were 7 air movers and 2 dehumidifiers on site": what was there, whatever was added)
    r"\s(?:were |was )?(?:stay|stays|remain|remains|left|running|still running|kept|on ?site)"
    r"(?: [\w/ ,]{0,30})?[.;]?\s*$",
    FLAGS,
)


_ADDED = re.compile(r"\b(?:added|add|additional|extra|another|more|second|third)\s*$|\badded\b", FLAGS)


_TOTAL = re.compile(
    # ("So 4 fans and 2 dehumidifiers": the count the story has come to, after an addition; "Equipment:
    # AM x4, DH x1", "Equipment actually placed: 4 AM": a labelled summary says what is on site)
    r"\b(?:total|dropped to|down to|reduced to|cut (?:back |down )?to|scaled (?:back |down )?to|leaving|left"
    r"|stay|stays|remain\w*|now|still|keep|keeping|kept)\b|^\s*so\s*$"
    # ("+1 AM family rm = 5 AM", "2 more -> 6 fans": the sum written after the addition)
    r"|(?:=|->|\u2192|=>)\s*$"
    r"|^\W*(?:drying )?equipment(?: (?:actually )?(?:on ?site|placed|in use|running|used|set))?\s*:\s*$",
    FLAGS,
)


_TOTAL_AFTER = re.compile(
    r"^\s*(?:\(?(?:total|in total|on site|onsite|left|remain\w*|running|stay\w*)\b|\s*stay"
    # ("added a desiccant - 2 dehumidifiers from then": the count on site after the change)
    r"|from (?:then|now|that (?:day|point))(?: on)?\b"
    # ("6 air movers set 23/11; 4 air movers from 25/11": the count on site from a later day)
    r"|(?:from|as of) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|day \d{1,2}|the \d{1,2}(?:st|nd|rd|th)"
    r"|\d{1,2}[/.]\d{1,2})\b)",
    FLAGS,
)


# "(5 total)", "(6 left)", "(10 air movers)": the count on site after the change before it.
_PAREN_TOTAL = re.compile(
    rf"\((?P<n>\d{{1,3}}) (?:(?:{EQUIPMENT_KIND}) ?)?(?:total|on site|onsite|left|remaining|in total)?"
    r"[^)]{0,20}\)",
    FLAGS,
)


# "(day 1-3)", "(11/10-11/13)", "(from Monday)": a count's days, written after it in brackets
_PERIOD_AFTER = re.compile(
    r"\s*\((?:days?\s*\d|from\b|until\b|till\b|to\b|\d{1,2}[/.\-]\d{1,2}"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
    FLAGS,
)


_DAY_BEFORE = re.compile(
    r"\b(?:day|visit|#|no\.?|room|bed|bedroom|level|unit|cat|category|class|point|p)\s?$", FLAGS
)


_DAY_WRITTEN = re.compile(r"\b\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?\b")


# "three air movers in the hallway, one in the closet and two in the bedroom".
_ELLIPTIC = re.compile(
    r"(?:,|:|\band\b|&)\s*(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d)"
    r"(?: more)?(?: [a-z]+ing| [a-z]+ed)? (?:in|into|on|at|for|under|near)"
    r" (?!(?:each|every|both|all|total)\b)",
    FLAGS,
)


# "One air mover under each ceiling area, three in all": one per place, then how many that made.
_IN_ALL = re.compile(
    r"[^.;()]{0,60}?(?:,|:|\band\b|&|-|\bso\b)\s*(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r" (?:in all|in total|altogether|all told|all up|total)\b",
    FLAGS,
)


_CLOSED_BRACKETS = re.compile(r"\([^()]*\)")
_BREAKDOWN_AFTER = re.compile(r"[^(),.;]{0,30}\([^()]*\)")


_ROOM_LEAD = re.compile(
    r"^[\s,]*(?:\(|in(?:to)?|on|at|for|under|near|to|from|out of|off)?\s*(?:the )?$", FLAGS
)

_REST_REACH = 80  # how much of a clause after a count is read for a removal at its end


_ROOM_REACH = 40  # how far after a count its room may be named


_VERB_REACH = 28  # how far before a count its verb may be ("pulled 2 AM"): farther, it is another's


_JOINER = re.compile(r"\s*(?:and|&|\+|plus|with)?\s*", FLAGS)


def count_events(
    text: str,
    start: int,
    end: int,
    day: date | None,
    line: Line,
    rooms: Sequence[tuple[int, int, str]],
    run_hours: float | None,
) -> list[Event]:
    """The events the counts of equipment between `start` and `end` of `text` say, dated `day`."""
    matches = sorted(
        [
            *COUNT_BEFORE.finditer(text, start, end),
            *COUNT_AFTER.finditer(text, start, end),
            *COUNT_AFTER_BARE.finditer(text, start, end),
        ],
        key=lambda match: (match.start(), -match.end()),
    )
    events: list[Event] = []
    parts = system_parts(text[start:end]) if len(matches) > 1 else []
    totals: dict[EquipmentKind, int] = {}  # where each kind's total is in `events`
    staged: dict[EquipmentKind, int] = {}  # where each kind's count with its days in brackets is
    previous_end = start
    total_said = False
    chain: list[int] = []  # the counts joined by "+", "and" or "&" alone up to this one
    for match in matches:
        if match.start() < previous_end:
            continue
        kind = kind_of(match)
        written = match.group("n").lower()
        if (
            kind is None
            or _is_time(text, match)
            or (
                match.start("n") > match.start()
                and _PLACE_BEFORE.search(text, max(0, match.start() - 16), match.start())
            )
            or _DAY_BEFORE.search(text, max(0, match.start() - 10), match.start())
        ):
            continue
        if written in ("a", "an", "the") and re.search(r"fans?$", match.group(0), FLAGS):
            continue  # "ventilated the house with a fan": a household or fire-crew fan
        if is_household(text, match):
            continue
        if kind[0] is EquipmentKind.OTHER and any(a <= match.start() - start < b for a, b in parts):
            continue  # "a mat system (6 mats, 1 vacuum unit)": the system's parts, not more units
        before = text[max(previous_end, match.start() - WINDOW) : match.start()]
        cut = max(before.rfind(mark) for mark in ",()") + 1
        before = before[cut:][-_VERB_REACH:]
        after = text[match.end() : match.end() + 30]
        # only a short rest of the clause is read for "... pulled." (a long one is another note)
        rest = text[match.end() : end] if end - match.end() <= _REST_REACH else ""
        if _RULED_OUT_COUNT.search(before):
            continue  # "4 air movers and 1 LGR (not 2 air movers)": the count the writer corrects
        if _NEEDED_AFTER.match(after):
            continue  # "set 2 AM + 1 DH - only 2 AM needed": how many the room called for, not more set
        mode: Mode | None = _mode(before, after, match, total_said, rest, text[match.end() : end])
        if _is_more(match) and mode != "remove":
            mode = "add"  # "plus a second air scrubber" (but "the 2 extra air movers pulled")
        elif events and text[max(previous_end, match.start() - WINDOW) : match.start()].rstrip().endswith(
            "("
        ):
            mode = "total"  # "2 more air movers (10 air movers)": the count on site after it
        elif mode in ("set", None) and events and _JOINER.fullmatch(before):
            mode = events[-1].mode  # "removed 3 air movers, 1 dehu and the scrubber"
        if mode is None:
            continue
        if not (events and _JOINER.fullmatch(text, previous_end, match.start())):
            chain = []
        if mode == "add" and _ADDED_AFTER.match(after):
            # ("1 AM + 1 dehu added": the verb after a joined list is every count's in it)
            _joined_take(events, chain, mode)
        total_said = total_said or mode == "total"
        quantity = EXTRA_NUMBERS.get(written) or count_word(written)
        if written == "the" and mode == "remove":
            quantity = 0  # "the air scrubber" removed: all of that kind
        elif written == "the":
            quantity = 1  # "1 air mover + the little dehu": one unit in a list of what was put in
        room = _room_after(text, rooms, match.end(), end)
        if _PERIOD_AFTER.match(text, match.end()):
            earlier = staged.get(kind[0])
            if earlier is not None and mode in ("set", "add", "total"):
                # "4 air movers (day 1-2), 3 air movers (day 2-5)": stages, the most at once is the larger
                events[earlier] = replace(events[earlier], quantity=max(events[earlier].quantity, quantity))
                previous_end = match.end()
                continue
            staged[kind[0]] = len(events)
        part_of = totals.get(kind[0])
        if mode == "total" and part_of is not None:
            # "Equipment: 6 air movers in #204, 2 air movers in #304": the parts of one total
            events[part_of] = replace(events[part_of], quantity=events[part_of].quantity + quantity)
            previous_end = match.end()
            continue
        if mode == "total":
            totals[kind[0]] = len(events)
        chain.append(len(events))
        events.append(
            Event(kind[0], quantity, mode, day, line, room, kind[1], run_hours, position=match.start())
        )
        previous_end = match.end()
        in_all = _IN_ALL.match(text, previous_end, end)
        if in_all is not None and not COUNT_BEFORE.search(text, previous_end, in_all.start("n")):
            events[-1] = replace(events[-1], quantity=count_word(in_all.group("n")))
            previous_end = in_all.end()
        previous_end = _ellipsis(text, previous_end, end, kind, mode, day, line, rooms, events, run_hours)
        paren = _PAREN_TOTAL.search(text, previous_end, min(end, previous_end + WINDOW))
        later = paren is not None and COUNT_BEFORE.search(text, previous_end, paren.start()) is not None
        if paren and mode in ("add", "remove") and not later:
            events.append(Event(kind[0], int(paren.group("n")), "total", day, line, None, kind[1]))
            previous_end = paren.end()
    return events


_ADDED_AFTER = re.compile(r"^\s*(?:were |was )?added\b", FLAGS)


# A count ruled out just before it: "(not 2 air movers)", "rather than 3 fans", "instead of the 2 dehus"
# (another's count, or the booking's, that the writer corrects).
_NEEDED_AFTER = re.compile(
    r"^\s*(?:(?:were|was|are|is) )?(?:needed|required|called for|warranted|necessary)\b", FLAGS
)
_RULED_OUT_COUNT = re.compile(r"\b(?:not|rather than|instead of|never)\s*(?:the\s+)?$", FLAGS)


def _joined_take(events: list[Event], chain: Sequence[int], mode: Mode) -> None:
    """The counts of a list joined to this one by "+", "and" or "&" alone take its mode when they
    were only "set" for want of a verb of their own."""
    for index in chain:
        if events[index].mode == "set":
            events[index] = replace(events[index], mode=mode)


def _is_more(match: re.Match[str]) -> bool:
    second = (match.groupdict().get("second") or "").lower()
    return (
        second in ("second", "third", "more", "extra", "additional", "further")
        or match.group("n") == "another"
    )


def _mode(
    before: str, after: str, match: re.Match[str], total_said: bool, rest: str = "", clause: str = ""
) -> Mode | None:
    written = match.group("n").lower()
    second = (match.groupdict().get("second") or "").lower()
    if written == "the" and not (REMOVED.search(before) or _REMOVED_AFTER.match(after)):
        return None  # "the dehumidifier" placed earlier, not a count
    if _removed_before(before, clause) or _REMOVED_AFTER.match(after) or _REMOVED_AT_END.match(rest):
        return "remove"
    if _TOTAL_AFTER.match(after) or second == "remaining" or _TOTAL_AT_END.match(rest):
        return "total"
    if second in ("second", "third", "more", "extra", "additional", "further") or written == "another":
        return "add"
    if _ADDED.search(before) or re.match(r"^\s*(?:added|more)\b", after, FLAGS):
        return "add"
    if total_said or _TOTAL.search(before) or _STAGE.search(before):
        return "total"
    return "set"


# "From Friday: 8 air movers", "then 6 AM / 2 DH from 11/14": the count from a later stage on, what is on
# site then (not more of them)
_STAGE = re.compile(
    r"(?:\b(?:then|after that|afterwards|later)\s*[,:]?\s*"
    r"|\bfrom (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|day \d{1,2}|the \d{1,2}\w*|\d{1,2}[/.]\d{1,2})"
    r"\s*[:,-]?\s*)$",
    FLAGS,
)


# Where "took" takes units: "took two fans away", "took one air mover out of the hall", "took the air
# movers down to 3". Without it, "Took 3 AM + 1 DH" is what the tech took to the job.
_TAKEN_AWAY = re.compile(r"\b(?:away|out|down|off|back|home)\b", FLAGS)


def _removed_before(before: str, clause: str = "") -> bool:
    """A removal verb before a count: "lifted" only right before it ("lifted 2 AM"), since "lifted the
    carpet corner and 1 dehu" lifts the carpet; "took" only with where to in the rest of its clause."""
    return any(
        (match.group(0).lower() != "took" or _TAKEN_AWAY.search(clause) is not None)
        and (
            match.group(0).lower() != "lifted"
            or not before[match.end() :].strip(" ,").removeprefix("the").strip()
        )
        for match in REMOVED.finditer(before)
        if not _OTHER_THING_REMOVED.search(before, 0, match.start())
        or not _LABEL_AFTER.match(before, match.end())
    )


# "04/03 - batts removed: 8 air movers, 2 dehus": the verb closes a statement of its own about
# something else (its object just before it, the colon after), and what the colon opens is on site.
# ("Removed: 2 AM", "Air movers removed: 3", "Equipment pulled: ..." stay removals.)
_OTHER_THING_REMOVED = re.compile(
    rf"(?<![\w-])(?!(?:equipment|units?|gear|kit|plant|machines?|all|both)\b)(?!(?:{EQUIPMENT_KIND})\b)"
    r"[A-Za-z][\w-]*\s+$",
    FLAGS,
)
_LABEL_AFTER = re.compile(r"\s*:", FLAGS)


def _is_time(text: str, match: re.Match[str]) -> bool:
    """ "arrived 9 AM" is a time, "set 3 AM" is three air movers."""
    kind_text = match.group("am") or ""
    if kind_text.lower() not in ("am",):
        return False
    if _TIME_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        return True
    context = (
        text[max(0, match.start() - WINDOW) : match.start()] + " " + text[match.end() : match.end() + WINDOW]
    )
    return not _CONTEXT.search(context)


def _room_after(text: str, rooms: Sequence[tuple[int, int, str]], position: int, end: int) -> str | None:
    """The first room named after a count, when only "in the" (or nothing) stands between."""
    index = bisect_left(rooms, (position, 0, ""))
    if index < len(rooms):
        start, stop, name = rooms[index]
        if stop <= end and start - position <= _ROOM_REACH and _ROOM_LEAD.match(text[position:start]):
            return name
    return None


def _ellipsis(
    text: str,
    position: int,
    end: int,
    kind: tuple[EquipmentKind, str | None],
    mode: Mode,
    day: date | None,
    line: Line,
    rooms: Sequence[tuple[int, int, str]],
    events: list[Event],
    run_hours: float | None,
) -> int:
    """ "three air movers in the hallway, one in the closet and two in the bedroom": each "one in
    the X" after a count is more of the same kind. Inside brackets it is a breakdown, not more."""
    cursor = position
    parts: list[int] = []
    breakdown = _BREAKDOWN_AFTER.match(text, cursor, end)
    start = breakdown.end() if breakdown else cursor  # ("3 air movers (two hall, one lounge), 1 in the roof")
    while (follow := _ELLIPTIC.search(text, start, min(end, cursor + _ROOM_REACH * 2))) is not None:
        # (a breakdown closed before it is passed: "3 air movers (two hall, one lounge), 1 in the roof")
        between = _CLOSED_BRACKETS.sub(" ", text[cursor : follow.start()])
        undated = _DAY_WRITTEN.sub(" ", between)  # ("2 in the kitchen 12/01 to 19/01, 1 in the hall")
        if "(" in between or ")" in between or KIND_ONLY.search(between) or re.search(r"\d", undated):
            break  # a breakdown in brackets, or another kind's count, ends the list
        quantity = count_word(follow.group("n"))
        room = _room_after(text, rooms, follow.end() - 1, end)
        mode_here: Mode = "add" if mode == "set" else mode
        if mode == "total" and events and events[-1].kind is kind[0] and events[-1].mode == "total":
            parts.append(quantity)  # ("Equipment: 3 air movers downstairs, 1 in the roof space")
            cursor = start = follow.end()
            continue
        events.append(
            Event(kind[0], quantity, mode_here, day, line, room, kind[1], run_hours, position=follow.start())
        )
        cursor = start = follow.end()
    if parts and (sum(parts) != events[-1].quantity or events[-1].room is not None):
        # one total told in parts; parts that add up to a total with no room of its own are its
        # breakdown ("5 air movers: one in the laundry, two in the kitchen and two in the hall")
        events[-1] = replace(events[-1], quantity=events[-1].quantity + sum(parts))
    return cursor
