"""The equipment log: what was placed, added and removed, when and where, read into runs.

Every count of equipment becomes an event (set / add / remove / total / all removed) dated by the
date written in its clause, else by its line's visit date. The events are replayed per kind in
order, which gives the runs (units of a kind in a room from one day to another) and the most on
site at once, so the two always agree. A log that lists units one per row ("AM-114 air mover ...
set 20/07 removed 24/07") or a `Date | Air movers | Dehumidifiers` table is preferred for the
kinds it covers: prose beside it usually retells the same units.

This module cuts the prose into clauses, dates each and reads what no count says (a removal of a
kind or of everything, the owners' own dehumidifier, "a third added"); the counts in a clause are
read by equipment_counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from chalicelib.analysis.findings import (
    EquipmentKind,
)
from chalicelib.analysis.offline.dates import (
    Dates,
)
from chalicelib.analysis.offline.dispatch_blocks import second_hand_lines
from chalicelib.analysis.offline.equipment_counts import count_events
from chalicelib.analysis.offline.equipment_day_columns import (
    DayColumns,
    day_columns_header,
    day_columns_row,
    kind_row,
    kind_rows_header,
)
from chalicelib.analysis.offline.equipment_events import Event
from chalicelib.analysis.offline.equipment_peaks import (
    CORRECTION,
    is_peak_line,
    without_breakdowns,
    without_corrected,
)
from chalicelib.analysis.offline.equipment_plain_tables import plain_table_events
from chalicelib.analysis.offline.equipment_ranges import with_dated_series, with_ranges
from chalicelib.analysis.offline.equipment_rows import TABLE_ROW, log_row
from chalicelib.analysis.offline.equipment_tables import EquipmentColumns, equipment_columns, table_events
from chalicelib.analysis.offline.equipment_times import RUN_HOURS, without_wrapped_meridiem
from chalicelib.analysis.offline.equipment_words import (
    EQUIPMENT_KIND,
    KIND_ONLY,
    kind_of,
)
from chalicelib.analysis.offline.spaces import (
    room_mentions,
)
from chalicelib.analysis.offline.text import (
    FLAGS,
    SENTENCE_END,
    Line,
    count_word,
)
from chalicelib.analysis.offline.weekdays import WEEKDAY_NUMBERS

_CLEAR = re.compile(
    r"\b(?:all (?:the )?(?:equipment|equip|eqpt|gear|drying equipment|units)|everything(?: else)?"
    r"|rest of the (?:gear|equipment|eqpt)|remaining (?:equipment|eqpt|gear)|all eqpt|all gear)\b[^.;]{0,40}?"
    r"\b(?:pulled|removed|out|picked up|collected|came out|off ?-?hired?|decommissioned|demob\w*|taken)",
    FLAGS,
)


_CLEAR_BEFORE = re.compile(
    r"\b(?:pulled|removed|picked up|collected|demob\w*|off ?-?hired?)\s+(?:all|everything)\b", FLAGS
)


_ORDINAL_DAY = re.compile(r"\b(?:on |by |until )?the (?P<d>[1-3]?\d)(?:st|nd|rd|th)\b", FLAGS)


_HEADER_DATE = re.compile(r"^\s*(?:date|day|visit)\b", FLAGS)


# "all pulled 07/14", "air scrubber pulled 07/12": removals with no count
_ALL_REMOVED = re.compile(
    # ("Mon 12th all out": the day may lead it)
    r"(?:^\s*|[;,.]\s*)(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.? )?"
    r"(?:(?:the )?\d{1,2}(?:st|nd|rd|th)? )?"
    r"all (?:pulled|removed|out|collected|picked up|off ?-?hired?)\b",
    FLAGS,
)


# (after the day it was done, as a log entry opens: "January 23: air scrubbers removed", "16/11 - air
# movers pulled")
_DAY_LABEL = (
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?|day \d{1,2}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"(?:,? \d{4})?\s*[:\-\u2013]\s*"
)
_KIND_REMOVED = re.compile(
    rf"^[\s\-*]*(?P<day_label>{_DAY_LABEL})?(?:the )?(?:{EQUIPMENT_KIND})\s+(?:was |were )?"
    r"(?:pulled|removed|off ?-?hired?|taken out|collected|out|off(?= (?:on|by) ))\b",
    FLAGS,
)


# A recommendation or a plan places nothing: "recommend an air filter machine while they work", "a
# dehumidifier will be needed during works".
_HYPOTHETICAL = re.compile(
    r"\b(?:recommend\w*|should|will need|propos\w*|suggest\w*|if needed|may need"
    r"|(?:will|would|may|might) (?:also )?be (?:needed|required|wanted)|will (?:also )?require"
    # ("I would add a third air mover once the carpet is up": the writer's advice)
    r"|(?:I|we)(?:'d| would)|would (?:add|place|set|put|use|run|need)"
    # ("the vendor wants 3 air movers and a dehu": what someone asks for, before it is approved)
    r"|wants?|wanted|asking for|asks for|asked for)\b",
    FLAGS,
)
# ("6 from 3/17 after I asked for the family room edge to be included"): a request told as the reason
# for, or the time of, what was done is no plan: it was answered.
_ANSWERED_REQUEST = re.compile(
    r"\b(?:after|once|when|because|since|as)\b[^,;:()]{0,25}?\b(?:wanted|asked for|asking for)\b", FLAGS
)


def _hypothetical(text: str, start: int, end: int) -> bool:
    """Whether the clause advises, plans or asks for units rather than saying they are on site."""
    answered = [(match.start(), match.end()) for match in _ANSWERED_REQUEST.finditer(text, start, end)]
    return any(
        not any(a <= match.start() and match.end() <= b for a, b in answered)
        for match in _HYPOTHETICAL.finditer(text, start, end)
    )


# Units booked or sent that never went in: "Equipment booked: 4 x AM", "Equipment to send: ...", "the
# other 2 AMs stayed in the van - not needed", "never came off the truck", "neither is on site yet".
_NOT_PLACED = re.compile(
    # ("Equip req: 3 AM + 1 DH": what the booking asked for, before anyone went)
    r"\b(?:booked|to (?:be )?sen[dt]|(?:send|to take|to bring|req|reqd|required|requested)(?=\s*:)|on order"
    # ("Did NOT set the other 3 air movers", "never placed"; "the card says 2 AFD" is the booking)
    r"|(?:did ?n[o']t|never) (?:set|place|put|install|use|unload)\w*"
    r"|(?:job )?card (?:says|said|shows|had|lists)"
    # ("Invoice lists 8 air movers; the extra units are not in any photo": what is billed, not seen)
    r"|(?:invoice|bill|estimate)s? (?:lists?|listed|shows?|says|claims?|charges?|bills?)"
    r"|(?:stayed|left|kept|remained) (?:in|on) the (?:van|truck|ute|trailer)"
    r"|never (?:came off|left|got off) the (?:van|truck|ute|trailer)|never (?:set up|placed|unloaded|used)"
    r"|(?:was|were|is|are)(?:n't| not) (?:needed|required|used|set up)|not needed|not required"
    r"|(?:neither|none) (?:of them )?(?:is|are|was|were) on ?site)\b",
    FLAGS,
)


# A bracketed aside giving someone else's count: "Set 4 AM (office said 2 AM - not enough)", "[the PM
# quoted three dehus]". What another said the job needed is not what went in.
_REPORTED_ASIDE = re.compile(
    r"[(\[][^()\[\]]{0,40}?\b(?:said|says|quoted|quotes|suggested|reckoned|thought|estimated)"
    r"\s+(?:only\s+|just\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight)\b[^()\[\]]*[)\]]",
    FLAGS,
)


# "Equipment placed (not what was booked): 4 air movers": the booking named only to be set apart.
_SET_APART = re.compile(
    r"\b(?:not|rather than|instead of|unlike|other than|different from)(?: \w+){0,2}\s*$", FLAGS
)
_SET_APART_REACH = 24


def _not_placed(text: str, start: int, end: int) -> bool:
    """Whether the clause says its units were booked, sent or never set up (not a booking set apart)."""
    return any(
        not _SET_APART.search(text, max(start, match.start() - _SET_APART_REACH), match.start())
        for match in _NOT_PLACED.finditer(text, start, end)
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
# The owners' unit said to be running now, not only advised: "has been running", "keep it running",
# "leave it on".
_OWN_RUNNING = re.compile(
    r"\b(?:(?:is|are|has been|have been|was|were|been|keep\w*|kept|leave|left)"
    r"(?: [\w'\u2019-]+){0,5}? running"
    r"|(?:has|have) been on|(?:leave|left|keep|kept) it on|in use|running since)\b",
    FLAGS,
)


def _owned_running(line: Line, on: date | None, start: int = 0, end: int | None = None) -> list[Event]:
    """The owners' own unit where a clause that advises also says it is running: one unit on site."""
    text = line.text
    end = len(text) if end is None else end
    own = _THEIR_OWN.search(text, start, end)
    if own is None or not _OWN_RUNNING.search(text, start, end) or _NEGATED.search(text, start, end):
        return []
    return [Event(_OWN_KIND, 1, "set", on, line)]


# --- reading events ----------------------------------------------------------------------------


def read_events(lines: Sequence[Line], line_dates: Sequence[date | None], dates: Dates | None) -> list[Event]:
    """Every equipment event in the notes, log rows and equipment tables first-class."""
    lines = without_wrapped_meridiem(lines)  # ("... alerted at 6:12" over "AM on Saturday": a time)
    prose: list[Event] = []
    columns: list[EquipmentKind | None] | None = None
    named_columns: EquipmentColumns | None = None  # "Equipment | Placed | Removed | Qty"
    listed = False  # under an "Equipment" heading
    proposed = False  # in a list under a "Recommendations" heading
    day_columns: DayColumns | None = None  # "Day AM DH Note" as a PDF gives it, no bars
    kind_days: list[date | None] | None = None  # "| Equipment | Nov 21 | Nov 22 |": its columns' days
    first_day = min((day for day in line_dates if day is not None), default=None)
    logged, in_tables = plain_table_events(lines, line_dates, dates)
    for index, (line, on) in enumerate(zip(lines, line_dates, strict=True)):
        text = line.text
        if index in in_tables:
            continue
        if not text:
            columns = named_columns = day_columns = kind_days = None
            proposed = False
            continue
        if (header_columns := day_columns_header(text)) is not None:
            day_columns = header_columns
            continue
        if day_columns is not None:
            row_events = day_columns_row(line, day_columns, first_day, on, dates)
            if row_events is not None:
                logged += row_events
                continue
            day_columns = None
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
            # (a line outside the bars ends the table: "| Date | Air movers |" over a "Safety" heading
            # and then a scope table whose Qty column is no count of air movers)
            columns = named_columns = kind_days = None
        else:
            cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
            if (header_days := kind_rows_header(cells, on, dates)) is not None:
                kind_days = header_days  # "| Equipment | Nov 21 | Nov 22 |": a row per kind
                continue
            if kind_days is not None and (kind_events := kind_row(line, cells, kind_days)) is not None:
                logged += kind_events
                continue
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
        if not proposed or _DONE_ON_A_DAY.search(text):
            prose += without_breakdowns(without_corrected(_line_events(line, on, dates, listed), text))
        else:
            # ("keep the owners' dehumidifier running": it is there, whatever the list advises)
            prose += [
                event for start, end in _clauses(text) for event in _owned_running(line, on, start, end)
            ]
    prose = _recounted(prose, lines)
    # ("=== OFFICE INTAKE === ... Send 2 air movers." over the technician's "Set 4 AM"): what the
    # booking ordered gives way, kind by kind, to what the writer's own lines say went in
    booked = second_hand_lines(lines)
    own = {event.kind for event in prose if event.line.number not in booked}
    prose = [event for event in prose if event.line.number not in booked or event.kind not in own]
    covered = {event.kind for event in logged}
    return [*logged, *(event for event in prose if event.kind not in covered)]


# "Equipment on Day 1 was 6 air movers, not 8": the writer's correction of a count written earlier.
_RECOUNT = re.compile(
    rf"(?<![\w.])(?P<n>\d{{1,3}}) (?:{EQUIPMENT_KIND})(?!\w),? (?:and )?not (?:the )?(?P<m>\d{{1,3}})\b",
    FLAGS,
)


def _recounted(events: list[Event], lines: Sequence[Line]) -> list[Event]:
    """The prose events with a count the notes correct later ("6 air movers, not 8") put right:
    the latest placement of that kind and count before the correction takes the corrected count."""
    for line in lines:
        if "not" not in line.text:
            continue  # (most lines correct nothing: no pattern run over them)
        for match in _RECOUNT.finditer(line.text):
            kind = kind_of(match)
            right, wrong = int(match.group("n")), int(match.group("m"))
            if kind is None or right == wrong:
                continue
            earlier = [
                index
                for index, event in enumerate(events)
                if event.kind is kind[0]
                and event.quantity == wrong
                and event.mode in ("set", "add", "total")
                and event.line.number < line.number
            ]
            if earlier:
                events[earlier[-1]] = replace(events[earlier[-1]], quantity=right)
    return events


# ("Dehumidifiers (LGR)", "Air movers (qty)": a column's kind with what it counts in brackets)
_COLUMN_QUALIFIER = re.compile(r"\s*\([^()]{1,20}\)\s*$")


def _table_columns(cells: Sequence[str]) -> list[EquipmentKind | None] | None:
    """ "Date | Air movers | Dehumidifiers (LGR) | Notes": the kind each column counts."""
    if not cells or not _HEADER_DATE.match(cells[0]):
        return None
    kinds: list[EquipmentKind | None] = []
    for cell in cells:
        match = KIND_ONLY.fullmatch(_COLUMN_QUALIFIER.sub("", cell.strip()))
        kind = kind_of(match) if match else None
        kinds.append(kind[0] if kind else None)
    return kinds if any(kinds) else None


# A kind column's cell: a count ("3"), or counts of its sorts summed ("1 LGR + 1 desiccant"), or a count
# with its rooms after it ("3 (2 bedroom, 1 lounge)", "3 - kitchen").
_CELL_COUNT = re.compile(r"(?P<n>\d{1,3})(?:\s+[A-Za-z][\w -]{0,20}?)?")
_CELL_SUM = re.compile(rf"{_CELL_COUNT.pattern}(?:\s*[+&]\s*{_CELL_COUNT.pattern.replace('?P<n>', '')})*")


def cell_count(cell: str) -> int | None:
    """The units a kind column's cell counts, or None when it holds no count."""
    cell = cell.strip()
    if _CELL_SUM.fullmatch(cell):
        return sum(int(number) for number in re.findall(r"\d{1,3}", cell))
    lead = re.match(r"(?P<n>\d{1,3})(?=\s*(?:\(|-\s|$))", cell)
    return int(lead.group("n")) if lead else None


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
        count = cell_count(cell) if kind is not None else None
        if kind is not None and count is not None:
            events.append(Event(kind, count, "total", day, line))
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
# An item of such a list that tells what was done, on its day: "- Drying: 6 air movers set 23/11; 4
# from 25/11; all off 28/11", "2 dehus were placed on Monday": done, whatever the heading advised.
_DONE_ON_A_DAY = re.compile(
    r"\b(?:set|set up|placed|installed|deployed|started|ran|running|pulled|removed|switched off"
    r"|(?:all|turned) off|in place)\b(?: (?:on|from|since|at))?(?: the)?"
    r" (?:\d{1,2}[/.]\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)\b"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)",
    FLAGS,
)
_HEADING_LENGTH = 100  # ("Recommended scope (they can start Monday 30/11, when the shop is shut)")
# ("7.3 Containment ...": a list numbered under its section's number goes on too)
_LIST_ITEM_OR_WRAP = re.compile(r"^(?:\s*(?:[-*\u2022]|\d{1,2}[.)]|\d{1,2}\.\d{1,2}\.?)\s|\s|[a-z])")


# An item of an equipment list that opens with a kind and no count: "- 22/11: floor drying mat system
# (8 panels, one vacuum unit), 3 air movers": one of it.
_LISTED_ONE = re.compile(
    r"^[\s\-*\u2022]*(?:[\w/.]{1,10}\s*:\s*)?(?:[A-Za-z][\w-]* ){0,2}?"
    rf"(?:{EQUIPMENT_KIND})(?=\s*(?:\(|,|;|\.|$))",
    FLAGS,
)


def _line_events(line: Line, on: date | None, dates: Dates | None, listed: bool = False) -> list[Event]:
    text = line.text
    events: list[Event] = []
    day = on
    if not KIND_ONLY.search(text) and not _CLEAR.search(text) and not _CLEAR_BEFORE.search(text):
        return events  # no equipment named: nothing to read, and no need for its rooms or dates
    rooms = [(mention.start, mention.end, mention.name) for mention in room_mentions(text)]
    for start, end in _clauses(text):
        told = _clause_date(text, start, end, day, dates)
        # ("..., then took one fan away on the Monday": the next step's weekday is the next such day)
        day = _next_step_day(text, start, end, day) if told == day else told
        hours = RUN_HOURS.search(text, start, end)
        run_hours = float(hours.group("a") or hours.group("b")) if hours else None
        if _hypothetical(text, start, end):
            # what someone advises is not what is on site; the owners' unit said to be running is
            # ("their own dehumidifier has been running since, at my suggestion")
            events += _owned_running(line, day, start, end)
            continue
        if _REPORTED_ASIDE.fullmatch(text, start, end):
            continue  # "(office said 2 AM - not enough)": another's count, not what went in
        if _not_placed(text, start, end) and not CORRECTION.search(text, start, end):
            continue  # booked, sent or brought but never set up (a correction's new count is placed)
        clause_events = count_events(text, start, end, day, line, rooms, run_hours)
        gone = _KIND_REMOVED.match(text[start:end])
        # (not a dated entry's one type of a kind: "18/05 - LGR dehumidifier removed, desiccant kept
        # running" takes the LGR only, and the runs do not know their type)
        typed = gone is not None and gone.group("day_label") and (gone.group("dtype") or gone.group("lgr"))
        if not clause_events and gone and not typed and (kind_gone := kind_of(gone)) is not None:
            clause_events.append(Event(kind_gone[0], 0, "remove", day, line))  # all of that kind
        if _ALL_REMOVED.search(text[start:end]):  # (its ^ is the clause's start)
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
        head = _LISTED_ONE.match(text[start:end]) if listed and start == 0 else None
        head_kind = kind_of(head) if head else None
        if head_kind is not None and all(event.kind is not head_kind[0] for event in clause_events):
            clause_events.insert(0, Event(head_kind[0], 1, "set", day, line, None, head_kind[1], run_hours))
        kindless = _KINDLESS_COUNT.match(text, start, end) if not clause_events else None
        if kindless and events and len({event.kind for event in events}) == 1:
            # ("Air movers: 6 (...). 8 on the Tuesday": the count goes on with the line's kind)
            clause_events.append(Event(events[-1].kind, count_word(kindless.group("n")), "total", day, line))
        running = _RUNNING_ONE.match(text[start:end])
        if not clause_events and running:
            kind = kind_of(running)
            if kind is not None:
                clause_events.append(Event(kind[0], 1, "set", day, line, None, kind[1], run_hours))
        if _CLEAR.search(text, start, end) or _CLEAR_BEFORE.search(text, start, end):
            clause_events.append(Event(EquipmentKind.OTHER, 1, "clear", day, line))
        ranged = with_ranges(clause_events, text, start, end, day, dates)
        events += with_dated_series(ranged, text, start, end, day, dates)
    return events


# A count that opens a clause with no kind, then its day: "8 on the Tuesday", "5 from 14/11", ", then 4
# from 05/11" (a next step cut off with its own day).
_KINDLESS_COUNT = re.compile(
    r"\s*(?:,\s*)?(?:(?:and )?then,? )?(?P<n>[1-9]\d?|two|three|four|five|six|seven|eight|nine|ten)"
    r" (?:on|from|by) (?:the )?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|day \d{1,2}|\d{1,2}[/.]\d{1,2}|\d{1,2}(?:st|nd|rd|th))\b",
    FLAGS,
)


# "2 HEPA air scrubbers ... Nov 21: a third added": one more of the kind the line has been counting.
_ORDINAL_ADDED = re.compile(
    r"\b(?:a|another|the) (?:second|third|fourth|fifth|sixth)(?: one| unit)? (?:was |were )?"
    r"(?:added|brought in|set up|placed|went in)\b",
    FLAGS,
)


def _last_kind(events: Sequence[Event]) -> EquipmentKind | None:
    placed = [event.kind for event in events if event.mode in ("set", "add", "total")]
    return placed[-1] if placed else None


# A bracketed aside about units that never went in: "Placed: 3 air movers, 1 LGR (the other 2 AM on
# the booking stayed on the truck)", "4 AM set [2 more sent, not needed]". It is a clause of its own,
# so the placed count before it stands.
_BRACKET = re.compile(r"[(\[][^()\[\]]{1,160}[)\]]")


# "4 fans and a dehumidifier going from Saturday, then took one fan away on the Monday": what was
# done next, on a day of its own, is a clause of its own (its day is not the first one's).
_NEXT_STEP = re.compile(r",? (?:and )?then\b(?= (?:\w+ ){0,6}?(?:on|from|at|by) (?:the )?\w)", FLAGS)


_STEP_WEEKDAY = re.compile(
    r"\b(?:on|from|by) (?:the )?(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\b", FLAGS
)


def _next_step_day(text: str, start: int, end: int, current: date | None) -> date | None:
    """The day a next step names by its weekday alone, counted on from the day before it."""
    if current is None or _NEXT_STEP.match(text, start) is None:
        return current
    weekday = _STEP_WEEKDAY.search(text, start, end)
    if weekday is None:
        return current
    ahead = (WEEKDAY_NUMBERS[weekday.group("weekday").lower()] - current.weekday()) % 7
    return current + timedelta(days=ahead)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Sentences cut at semicolons, at a next step told with its own day ("..., then took one fan
    away on the Monday") and at a dash that starts a new dated entry, and around a bracket that
    tells of units never placed."""
    cuts = sorted(
        {
            0,
            len(text),
            *(m.end() for m in SENTENCE_END.finditer(text)),
            *(m.end() for m in re.finditer(";", text)),
            *(m.start() for m in _NEXT_STEP.finditer(text)),
            *(
                cut
                for m in _BRACKET.finditer(text)
                if _NOT_PLACED.search(text, m.start(), m.end())
                or _REPORTED_ASIDE.fullmatch(text, m.start(), m.end())
                for cut in (m.start(), m.end())
            ),
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
    weekday = _CLAUSE_WEEKDAY.search(text[start:end])  # (its ^ is the clause's start)
    if weekday and current is not None:
        # ("Wed pulled 1 AM", "two came out on the Wednesday"): the next such day from the last one
        return current + timedelta(
            days=(WEEKDAY_NUMBERS[weekday.group("day").lower()[:3]] - current.weekday()) % 7
        )
    return current


# A weekday alone, the clause's day: "Wed pulled 1 AM", "on the Wednesday", "Friday: dehu out".
_CLAUSE_WEEKDAY = re.compile(
    r"(?:^\s*|\b(?:on|by|from|the) (?:the )?)"
    r"(?P<day>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\b",
    FLAGS,
)
