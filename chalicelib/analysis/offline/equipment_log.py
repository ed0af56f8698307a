"""The equipment log: what was placed, added and removed, when and where, read into runs.

Every count of equipment becomes an event (set / add / remove / total / all removed) dated by the
date written in its clause, else by its line's visit date. The events are replayed per kind in
order, which gives the runs (units of a kind in a room from one day to another) and the most on
site at once, so the two always agree. A log that lists units one per row ("AM-114 air mover ...
set 20/07 removed 24/07") or a `Date | Air movers | Dehumidifiers` table is preferred for the
kinds it covers: prose beside it usually retells the same units.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import pairwise

from chalicelib.analysis.findings import (
    EquipmentKind,
)
from chalicelib.analysis.offline.dates import (
    Dates,
)
from chalicelib.analysis.offline.equipment_events import Event, Mode
from chalicelib.analysis.offline.equipment_peaks import (
    CORRECTION,
    is_peak_line,
    without_breakdowns,
    without_corrected,
)
from chalicelib.analysis.offline.equipment_plain_tables import plain_table_events
from chalicelib.analysis.offline.equipment_ranges import with_ranges
from chalicelib.analysis.offline.equipment_rows import TABLE_ROW, log_row
from chalicelib.analysis.offline.equipment_tables import EquipmentColumns, equipment_columns, table_events
from chalicelib.analysis.offline.equipment_times import RUN_HOURS
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
from chalicelib.analysis.offline.spaces import (
    room_mentions,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    SENTENCE_END,
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
    r"\s(?:were |was )?(?:stay|stays|remain|remains|left|running|still running|kept)"
    r"(?: [\w/ ,]{0,30})?[.;]?\s*$",
    FLAGS,
)


_ADDED = re.compile(r"\b(?:added|add|additional|extra|another|more|second|third)\s*$|\badded\b", FLAGS)


_TOTAL = re.compile(
    # ("So 4 fans and 2 dehumidifiers": the count the story has come to, after an addition; "Equipment:
    # AM x4, DH x1", "Equipment actually placed: 4 AM": a labelled summary says what is on site)
    r"\b(?:total|dropped to|down to|reduced to|cut (?:back |down )?to|scaled (?:back |down )?to|leaving|left"
    r"|stay|stays|remain\w*|now|still|keep|keeping|kept)\b|^\s*so\s*$"
    r"|^\W*(?:drying )?equipment(?: (?:actually )?(?:on ?site|placed|in use|running|used|set))?\s*:\s*$",
    FLAGS,
)


_TOTAL_AFTER = re.compile(
    r"^\s*(?:\(?(?:total|in total|on site|onsite|left|remain\w*|running|stay\w*)\b|\s*stay)", FLAGS
)


# "(5 total)", "(6 left)", "(10 air movers)": the count on site after the change before it.
_PAREN_TOTAL = re.compile(
    rf"\((?P<n>\d{{1,3}}) (?:(?:{EQUIPMENT_KIND}) ?)?(?:total|on site|onsite|left|remaining|in total)?"
    r"[^)]{0,20}\)",
    FLAGS,
)


_CLEAR = re.compile(
    r"\b(?:all (?:the )?(?:equipment|equip|eqpt|gear|drying equipment|units)|everything(?: else)?"
    r"|rest of the (?:gear|equipment|eqpt)|remaining (?:equipment|eqpt|gear)|all eqpt|all gear)\b[^.;]{0,40}?"
    r"\b(?:pulled|removed|out|picked up|collected|came out|off ?-?hired?|decommissioned|demob\w*|taken)",
    FLAGS,
)


_CLEAR_BEFORE = re.compile(
    r"\b(?:pulled|removed|picked up|collected|demob\w*|off ?-?hired?)\s+(?:all|everything)\b", FLAGS
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
    r"(?: more)?(?: [a-z]+ing| [a-z]+ed)? (?:in|into|on|at|for|under|near) (?!(?:each|every|both)\b)",
    FLAGS,
)


_CLOSED_BRACKETS = re.compile(r"\([^()]*\)")
_BREAKDOWN_AFTER = re.compile(r"[^(),.;]{0,30}\([^()]*\)")


_ROOM_LEAD = re.compile(
    r"^[\s,]*(?:\(|in(?:to)?|on|at|for|under|near|to|from|out of|off)?\s*(?:the )?$", FLAGS
)


_ORDINAL_DAY = re.compile(r"\b(?:on |by |until )?the (?P<d>[1-3]?\d)(?:st|nd|rd|th)\b", FLAGS)


_HEADER_DATE = re.compile(r"^\s*(?:date|day|visit)\b", FLAGS)


# "all pulled 07/14", "air scrubber pulled 07/12": removals with no count
_ALL_REMOVED = re.compile(
    r"(?:^|[;,.]\s*)all (?:pulled|removed|out|collected|picked up|off ?-?hired?)\b", FLAGS
)


_KIND_REMOVED = re.compile(
    rf"^[\s\-*]*(?:the )?(?:{EQUIPMENT_KIND})\s+(?:was |were )?"
    r"(?:pulled|removed|off ?-?hired?|taken out|collected)\b",
    FLAGS,
)


_REST_REACH = 80  # how much of a clause after a count is read for a removal at its end


_ROOM_REACH = 40  # how far after a count its room may be named


_VERB_REACH = 28  # how far before a count its verb may be ("pulled 2 AM"): farther, it is another's


_JOINER = re.compile(r"\s*(?:and|&|\+|plus|with)?\s*", FLAGS)


# A recommendation or a plan places nothing: "recommend an air filter machine while they work", "a
# dehumidifier will be needed during works".
_HYPOTHETICAL = re.compile(
    r"\b(?:recommend\w*|should|will need|propos\w*|suggest\w*|if needed|may need"
    r"|(?:will|would|may|might) (?:also )?be (?:needed|required|wanted)|will (?:also )?require"
    # ("I would add a third air mover once the carpet is up": the writer's advice)
    r"|(?:I|we)(?:'d| would)|would (?:add|place|set|put|use|run|need))\b",
    FLAGS,
)


# Units booked or sent that never went in: "Equipment booked: 4 x AM", "Equipment to send: ...", "the
# other 2 AMs stayed in the van - not needed", "never came off the truck", "neither is on site yet".
_NOT_PLACED = re.compile(
    r"\b(?:booked|to (?:be )?sen[dt]|(?:send|to take|to bring)(?=\s*:)|on order"
    # ("Did NOT set the other 3 air movers", "never placed"; "the card says 2 AFD" is the booking)
    r"|(?:did ?n[o']t|never) (?:set|place|put|install|use|unload)\w*"
    r"|(?:job )?card (?:says|said|shows|had|lists)"
    r"|(?:stayed|left|kept|remained) (?:in|on) the (?:van|truck|ute|trailer)"
    r"|never (?:came off|left|got off) the (?:van|truck|ute|trailer)|never (?:set up|placed|unloaded|used)"
    r"|(?:was|were|is|are)(?:n't| not) (?:needed|required|used|set up)|not needed|not required"
    r"|(?:neither|none) (?:of them )?(?:is|are|was|were) on ?site)\b",
    FLAGS,
)


# A kind named at the start of a note with no count, said to be running: one unit.
_RUNNING_ONE = re.compile(
    rf"^[\s\-*]*(?:{EQUIPMENT_KIND})\s+(?:running|set|placed|in place|on site|installed)\b", FLAGS
)  # a unit-per-row log line gives the day it went in and the day it came out


# The owners' own dehumidifier, running on site: one unit, though nobody counted it ("their own 50-pint
# dehumidifier", "the PM's portable dehumidifier", "the Smiths' own dehu").
_THEIR_OWN = re.compile(
    r"\b(?:their|his|her|(?:the )?(?!dehu)[A-Za-z]+(?:'s|s'|\u2019s))(?: own)?(?: [\w-]+){0,2}?"
    r" (?:dehumidifier|dehu)s?\b",
    FLAGS,
)
_OWN_KIND = EquipmentKind.DEHUMIDIFIER
_NEGATED = re.compile(r"\b(?:not|no|never|without)\b|n't\b", FLAGS)


# --- reading events ----------------------------------------------------------------------------


def read_events(lines: Sequence[Line], line_dates: Sequence[date | None], dates: Dates | None) -> list[Event]:
    """Every equipment event in the notes, log rows and equipment tables first-class."""
    prose: list[Event] = []
    columns: list[EquipmentKind | None] | None = None
    named_columns: EquipmentColumns | None = None  # "Equipment | Placed | Removed | Qty"
    listed = False  # under an "Equipment" heading
    proposed = False  # in a list under a "Recommendations" heading
    logged, in_tables = plain_table_events(lines, line_dates, dates)
    for index, (line, on) in enumerate(zip(lines, line_dates, strict=True)):
        text = line.text
        if index in in_tables:
            continue
        if not text:
            columns = named_columns = None
            proposed = False
            continue
        if _EQUIPMENT_HEADING.match(text):
            listed = True
            continue
        if len(text) <= _HEADING_LENGTH and _PROPOSED_HEADING.match(text):
            proposed = True  # "Recommendations", "Remediation protocol (proposed)": nothing placed yet
            continue
        # (the list goes on through its items and their wrapped lines; a new sentence ends it: "I left one
        # dehumidifier running until the works start")
        proposed = proposed and _LIST_ITEM_OR_WRAP.match(text) is not None
        # (its column header, "Unit Qty Location Set Pulled", and a wrapped cell keep the list going)
        listed = listed and (KIND_ONLY.search(text) is not None or not any(char.isdigit() for char in text))
        if not TABLE_ROW.match(text):
            named_columns = None
        else:
            cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
            named = equipment_columns(cells)
            if named is not None:
                named_columns = named
                continue
            if named_columns is not None and dates is not None:
                logged += table_events(line, cells, named_columns, on, dates)
                continue
            header = _table_columns(cells)
            if header is not None:
                columns = header
                continue
            if columns is not None:
                logged += _table_events(line, cells, columns, on, dates)
                continue
        if is_peak_line(text):
            continue  # "Most on site at once: 7 air movers": the sum of the lines above (equipment_peaks)
        row = log_row(line, on, dates, listed)
        if row:
            logged += row
            continue
        if not proposed:
            prose += without_breakdowns(without_corrected(_line_events(line, on, dates), text))
    covered = {event.kind for event in logged}
    return [*logged, *(event for event in prose if event.kind not in covered)]


def _table_columns(cells: Sequence[str]) -> list[EquipmentKind | None] | None:
    """ "Date | Air movers | Dehumidifiers | Notes": the kind each column counts."""
    if not cells or not _HEADER_DATE.match(cells[0]):
        return None
    kinds: list[EquipmentKind | None] = []
    for cell in cells:
        match = KIND_ONLY.fullmatch(cell.strip())
        kind = kind_of(match) if match else None
        kinds.append(kind[0] if kind else None)
    return kinds if any(kinds) else None


def _table_events(
    line: Line,
    cells: Sequence[str],
    columns: Sequence[EquipmentKind | None],
    on: date | None,
    dates: Dates | None,
) -> list[Event]:
    found = dates.find(cells[0], on, yearless_numeric=True) if dates else []
    day = found[0].value if found and found[0].value else on
    events = []
    for cell, kind in zip(cells, columns, strict=False):
        if kind is not None and re.fullmatch(r"\d{1,3}", cell):
            events.append(Event(kind, int(cell), "total", day, line))
    return events


# "Equipment", "5. Equipment", "Equipment log": the heading of a list of units with their days
_EQUIPMENT_HEADING = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?equipment(?: (?:log|list|placed|on site|register))?\W*$", FLAGS
)
# A list of what someone advises: its units are not on site ("1. Isolate the robe ... and run one HEPA
# air scrubber", "- Set up containment ... with an air scrubber").
_PROPOSED_HEADING = re.compile(
    r"^[#*\s\d.)]*(?:[\w&/()-]+ ){0,2}(?:recommend(?:ed|ations?)?|proposed|protocol|next steps|still to do)\b"
    r"[^.!?]*$",
    FLAGS,
)
_HEADING_LENGTH = 100  # ("Recommended scope (they can start Monday 30/11, when the shop is shut)")
# ("7.3 Containment ...": a list numbered under its section's number goes on too)
_LIST_ITEM_OR_WRAP = re.compile(r"^(?:\s*(?:[-*\u2022]|\d{1,2}[.)]|\d{1,2}\.\d{1,2}\.?)\s|\s|[a-z])")


def _line_events(line: Line, on: date | None, dates: Dates | None) -> list[Event]:
    text = line.text
    events: list[Event] = []
    day = on
    if not KIND_ONLY.search(text) and not _CLEAR.search(text) and not _CLEAR_BEFORE.search(text):
        return events  # no equipment named: nothing to read, and no need for its rooms or dates
    rooms = [(mention.start, mention.end, mention.name) for mention in room_mentions(text)]
    for start, end in _clauses(text):
        day = _clause_date(text, start, end, day, dates)
        hours = RUN_HOURS.search(text, start, end)
        run_hours = float(hours.group("a") or hours.group("b")) if hours else None
        if _HYPOTHETICAL.search(text, start, end):
            continue  # what someone advises is not what is on site
        if _NOT_PLACED.search(text, start, end) and not CORRECTION.search(text, start, end):
            continue  # booked, sent or brought but never set up (a correction's new count is placed)
        clause_events = _clause_events(text, start, end, day, line, rooms, run_hours)
        gone = _KIND_REMOVED.match(text[start:end])
        if not clause_events and gone and (kind_gone := kind_of(gone)) is not None:
            clause_events.append(Event(kind_gone[0], 0, "remove", day, line))  # all of that kind
        if _ALL_REMOVED.search(text, start, end):
            clause_events.append(Event(EquipmentKind.OTHER, 1, "clear", day, line))
        own = _THEIR_OWN.search(text, start, end)
        if (
            own
            and not _NEGATED.search(text, start, end)
            and all(e.kind is not _OWN_KIND for e in clause_events)
        ):
            clause_events.append(Event(_OWN_KIND, 1, "set", day, line))
        ordinal = _ORDINAL_ADDED.search(text, start, end)
        if ordinal and not clause_events and (last := _last_kind(events)) is not None:
            clause_events.append(Event(last, 1, "add", day, line))  # "Nov 21: a third added"
        running = _RUNNING_ONE.match(text[start:end])
        if not clause_events and running:
            kind = kind_of(running)
            if kind is not None:
                clause_events.append(Event(kind[0], 1, "set", day, line, None, kind[1], run_hours))
        if _CLEAR.search(text, start, end) or _CLEAR_BEFORE.search(text, start, end):
            clause_events.append(Event(EquipmentKind.OTHER, 1, "clear", day, line))
        events += with_ranges(clause_events, text, start, end, day, dates)
    return events


# "2 HEPA air scrubbers ... Nov 21: a third added": one more of the kind the line has been counting.
_ORDINAL_ADDED = re.compile(
    r"\b(?:a|another|the) (?:second|third|fourth|fifth|sixth)(?: one| unit)? (?:was |were )?"
    r"(?:added|brought in|set up|placed|went in)\b",
    FLAGS,
)


def _last_kind(events: Sequence[Event]) -> EquipmentKind | None:
    placed = [event.kind for event in events if event.mode in ("set", "add", "total")]
    return placed[-1] if placed else None


def _clauses(text: str) -> list[tuple[int, int]]:
    """Sentences cut at semicolons and at a dash that starts a new dated entry."""
    cuts = sorted(
        {
            0,
            len(text),
            *(m.end() for m in SENTENCE_END.finditer(text)),
            *(m.end() for m in re.finditer(";", text)),
        }
    )
    return [(a, b) for a, b in pairwise(cuts) if text[a:b].strip()]


def _clause_date(text: str, start: int, end: int, current: date | None, dates: Dates | None) -> date | None:
    """The date written in the clause ("Pulled 14 air movers on 01/21", "On the 13th"), else the
    date the line (or its clause before) was at."""
    if dates is not None:
        found = [
            match.value
            for match in dates.find(text[start:end], current, yearless_numeric=True)
            if match.value
        ]
        if found:
            return found[0]
    ordinal = _ORDINAL_DAY.search(text, start, end)
    if ordinal and current is not None:
        try:
            return current.replace(day=int(ordinal.group("d")))
        except ValueError:
            return current
    return current


def _clause_events(
    text: str,
    start: int,
    end: int,
    day: date | None,
    line: Line,
    rooms: Sequence[tuple[int, int, str]],
    run_hours: float | None,
) -> list[Event]:
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
        mode: Mode | None = _mode(before, after, match, total_said, rest)
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
        events.append(
            Event(kind[0], quantity, mode, day, line, room, kind[1], run_hours, position=match.start())
        )
        previous_end = match.end()
        previous_end = _ellipsis(text, previous_end, end, kind, mode, day, line, rooms, events, run_hours)
        paren = _PAREN_TOTAL.search(text, previous_end, min(end, previous_end + WINDOW))
        later = paren is not None and COUNT_BEFORE.search(text, previous_end, paren.start()) is not None
        if paren and mode in ("add", "remove") and not later:
            events.append(Event(kind[0], int(paren.group("n")), "total", day, line, None, kind[1]))
            previous_end = paren.end()
    return events


def _is_more(match: re.Match[str]) -> bool:
    second = (match.groupdict().get("second") or "").lower()
    return (
        second in ("second", "third", "more", "extra", "additional", "further")
        or match.group("n") == "another"
    )


def _mode(before: str, after: str, match: re.Match[str], total_said: bool, rest: str = "") -> Mode | None:
    written = match.group("n").lower()
    second = (match.groupdict().get("second") or "").lower()
    if written == "the" and not (REMOVED.search(before) or _REMOVED_AFTER.match(after)):
        return None  # "the dehumidifier" placed earlier, not a count
    if _removed_before(before) or _REMOVED_AFTER.match(after) or _REMOVED_AT_END.match(rest):
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


def _removed_before(before: str) -> bool:
    """A removal verb before a count: "lifted" only right before it ("lifted 2 AM"), since "lifted the
    carpet corner and 1 dehu" lifts the carpet."""
    return any(
        match.group(0).lower() != "lifted"
        or not before[match.end() :].strip(" ,").removeprefix("the").strip()
        for match in REMOVED.finditer(before)
    )


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
