"""What the notes took second-hand: a header the dispatcher, the call centre or the office filled in
from the phone call before anyone was on site, and a sentence of the writer's own that reports what
such a booking said.

A job sheet often opens with fields somebody else typed from the call ("[auto-filled from dispatch
call]", "-- dispatch header (filled in from the phone call) --" ... "-- end header --", or a block
closed by "(header filled in by the office from the phone intake)"); the technician's narrative then
says what was found. Where the writer's own observations state otherwise (a measured size, the day
the hose let go, clear supply water, a room that was dry), the writer wins; where they only repeat
the header, it may stand. Each topic asks this module which lines and sentences are second-hand and
gives them way only where its own reading of the rest finds something else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.offline.text import FLAGS, Line, Sentences

# Who takes a job down second-hand: the dispatcher, a call centre, the office from the phone, a
# booking or triage system, the caller.
_WHO = (
    # ("phoned in by the insurer's claims line": the claim line's operator typed it from the call)
    r"(?:dispatch(?:er|ed)?|call[- ]?(?:cent(?:re|er)|taker)|phone(?: call| intake| booking)?"
    r"|phoned(?: in| through)?|claims? (?:line|cent(?:re|er)|desk)"
    r"|intake call|phone intake|booking|triage|caller|fnol|(?:insurer(?:'s)? )?(?:app|portal)"
    r"|work order|referral)"
)
# What a marker line says was done with the fields: filled in or entered (by anyone, the office
# too), or a header, details or notes taken from the call.
_FILLED = r"(?:(?:auto|pre)[- ]?(?:filled|populated|fill)|filled (?:in|out)|entered|typed|copied)"
_HOW = (
    rf"(?:{_FILLED}|header|details|info(?:rmation)?|notes|fields|as (?:reported|given|booked)|from"
    r"|intake|in by)"
)
# A line that only marks a block: short, one sentence at most, naming who filled it and how (or
# only that it was filled in for the writer: "[auto-filled]").
_MARKER_WIDTH = 110
_MARKER = re.compile(
    # (a dot between digits is a time's or a date's, not a sentence's end: "(Office - from phone call
    # 1/12/26 7.30am, Tahnee)")
    rf"^(?=(?:[^.!?]|(?<=\d)\.(?=\d)){{0,{_MARKER_WIDTH}}}$)"
    rf"(?:(?=.*\b{_WHO}\b)(?=.*\b{_HOW}\b)|(?=.*\b(?:auto|pre)[- ]?(?:filled|populated)\b))",
    FLAGS,
)
# ... and set apart: in brackets, between rules, or as a heading ("Dispatch info:").
_WRAPPED = re.compile(r"^\s*(?:[\[(#]|-{2,}|={2,}|\*{2,})|:\s*$|(?:[\])]|-{2,}|={2,}|\*{2,})\s*$", FLAGS)
# A line of rules, or "-- end header --", ends a block; so does the title of the next one set between
# rules ("=== TECHNICIAN NOTES (A. Whitfield) - on site 11/15 ===", "== TECH'S NOTES (on site) ==";
# two dashes are a list item's or an aside's, so a title between dashes takes three).
_RULE = re.compile(
    r"^\s*(?:[=\-_*~#]{3,}|[\-=\s]*end(?: of)? (?:the )?(?:header|dispatch|booking|intake)\b.*"
    r"|(?:={2,}|-{3,}|\*{3,}|#{3,}) ?[^=\-*#\s][^\n]{0,120}? ?(?:={2,}|-{3,}|\*{3,}|#{3,}))\s*$",
    FLAGS,
)
_BLOCK_LINES = 25  # a header block is a few fields: bound every walk


# The writer's own section opening under the booking, with no blank line or rule between (a Word
# form's table runs straight into it): a heading in capitals ("TECHNICIAN NOTES - 02/12/2026 13:05",
# "SITE VISIT 1"), or one naming the writer's notes ("Tech notes (on site 3 Dec):", "On-site
# findings"). Not a field of the block ("CALLER: SUE"): a heading has no colon before its end and no
# cells.
_SECTION_HEADING = re.compile(
    # (a colon only in a time: "13:05")
    r"^(?:(?=[^a-z|]{6,80}$)(?=(?:.*?\b[A-Z]{3,}\b){2})(?:[^a-z|:]|(?<=\d):(?=\d))+"
    r"|\W*(?i:tech(?:nician)?(?:'s)?|site|on[- ]site|field|inspection|attendance|assessor'?s?)"
    r" (?i:notes|report|findings|visit|attendance)\b[^.!?|]{0,60})$",
)


# A block titled between rules as the office's card: "===== JOB CARD (office) =====", "=== OFFICE
# SECTION ===": fields the office typed before anyone was on site, like a dispatch header.
# "=== OFFICE (from insurer instruction, entered Sat 14/11 by M. Quill) ===": the office says what
# it typed and from where.
_CARD_TITLE = re.compile(
    # ("== OFFICE INTAKE (phoned in by the insurer's claims line) ==", "=== OFFICE (from insurer
    # instruction, entered Sat 14/11/2026 by M. Quill) ===": the office's intake of the instruction)
    r"^\s*(?:={2,}|-{3,}|\*{3,}|#{3,}) ?(?=[^=\-*#\n]{0,60}\boffice\b)"
    r"(?=[^=\-*#\n]{0,100}\b(?:job ?card|card|section|booking|header|intake|instruction|entered|typed"
    r"|phoned)\b)"
    r"[^=\-*#\n]{1,100}?"
    r" ?(?:={2,}|-{3,}|\*{3,}|#{3,})\s*$",
    FLAGS,
)


# A title with no rules round it that ends by saying, in brackets, who typed the block: "NEW LOSS
# INTAKE (office)", "Job booking (dispatch)". Only an intake's or a booking's title: "Office (by the
# front door):" is a room.
_BRACKETED_TITLE = re.compile(
    r"^[^.!?:\n]{0,60}\b(?:intake|booking|job ?card|job ?sheet)"
    r" ?\((?:the )?(?:office|dispatch(?:er)?|call[- ]?(?:cent(?:re|er)|taker)|front desk)\)\s*$",
    FLAGS,
)


# A field saying who took the call down, for the office: "Taken by: Kendra (office) 2026-11-02 06:48",
# "Call taken by - reception", "Booked by: dispatch (Sam)". The fields under it are the intake's.
_TAKEN_BY = re.compile(
    r"^[\s\-*#>]*(?:(?:call|job|details|intake|claim) )?(?:taken|booked|logged|entered|received) by\b ?[:\-]?"
    r"[^.!?:]{0,40}?\b(?:office|dispatch(?:er)?|reception(?:ist)?|call[- ]?(?:cent(?:re|er)|taker)|front desk"
    r"|admin)\b",
    FLAGS,
)
# A title that says its block is an intake or a booking, in the capitals a form's heading takes:
# "PRAIRIE PEAK RESTORATION - NEW LOSS INTAKE", "PHONE BOOKING". (Not "Air intake (roof)": lower
# case, and not the title's last words.)
_INTAKE_TITLE = re.compile(
    r"^[^a-z.!?:\n]{0,60}\b(?:(?:(?:NEW|PHONE|CALL|LOSS|CLAIM|JOB) )+(?:INTAKE|BOOKING)|CALL SHEET)\s*$"
)


def _is_marker(text: str) -> bool:
    if (
        _CARD_TITLE.match(text) is not None
        or _BRACKETED_TITLE.match(text) is not None
        or _TAKEN_BY.match(text) is not None
        or _INTAKE_TITLE.match(text) is not None
    ):
        return True
    return _MARKER.match(text) is not None and _WRAPPED.search(text) is not None


def _is_rule(text: str) -> bool:
    return _RULE.match(text) is not None


def second_hand_lines(lines: Sequence[Line]) -> frozenset[int]:
    """The numbers of the lines in a block somebody other than the writer filled in from the call:
    the fields after a marker line up to a rule or a blank line, or, for a marker that closes its
    block (a line of fields just above it), the fields above it back to a blank line or a rule."""
    out: set[int] = set()
    for index, line in enumerate(lines):
        if not line.text or not _is_marker(line.text):
            continue
        out.add(line.number)
        # (a marker with fields under it opens its block; one with fields only above it closes it)
        after = lines[index + 1].text if index + 1 < len(lines) else ""
        before = lines[index - 1].text if index else ""
        closes = (not after or _is_rule(after)) and bool(before) and not _is_rule(before)
        step = -1 if closes else 1
        walk = index + step
        for _ in range(_BLOCK_LINES):
            if not 0 <= walk < len(lines):
                break
            text = lines[walk].text
            if not text or _is_rule(text) or (step == 1 and _SECTION_HEADING.match(text)):
                break
            out.add(lines[walk].number)
            walk += step
    return frozenset(out)


# A sentence that reports what the booking said rather than what was found: "the sewage wording in
# the header came from the call center", "booked by the call centre as Class 2", "dispatch listed
# it", "per the booking", "the caller said".
_REPORTS = re.compile(
    rf"\b(?:came|comes|is|was|were|are) (?:from|off) (?:the )?{_WHO}\b"
    # ("the booking sheet says Cl 2", "the work order form listed it": the paper the booking is on)
    rf"|\b(?:the )?{_WHO}(?: (?:sheet|form|notes?|ticket|card|record|slip))?"
    r" (?:listed|logged|booked|recorded|said|says|put|entered|noted|called it"
    r"|described|had it|wrote|typed)\b"
    rf"|\b(?:booked|logged|listed|entered|recorded|filled in|typed) (?:in )?by (?:the )?{_WHO}\b"
    rf"|\b(?:per|according to|as per) (?:the )?{_WHO}\b"
    rf"|\bas (?:reported|given|stated) by (?:the )?{_WHO}\b"
    r"|\b(?:auto|pre)[- ]?filled\b"
    r"|\bin the (?:dispatch |job |booking )?header\b",
    FLAGS,
)


def reported_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a line that report what a dispatcher, call centre or caller said."""
    if _REPORTS.search(text) is None:
        return []
    sentences = Sentences(text)
    spans: list[tuple[int, int]] = []
    for match in _REPORTS.finditer(text):
        start, end = sentences.bounds(match.start())
        if spans and spans[-1][1] >= start:
            continue
        spans.append((start, end))
    return spans


# Where a clause opens inside a sentence: a spaced dash, a colon, a semicolon or a comma.
_CLAUSE_OPEN = re.compile(r" [-\u2013\u2014] |[:;,] ")


def reported_clauses(text: str) -> list[tuple[int, int]]:
    """The stretches of a line that report what the booking said, from the clause that names it to
    its sentence's end: "CLASS 1 - booking sheet says Cl 2, not on what I found" reports only from
    "booking sheet" on; the writer's own call before the dash is no report."""
    if _REPORTS.search(text) is None:
        return []
    sentences = Sentences(text)
    spans: list[tuple[int, int]] = []
    for match in _REPORTS.finditer(text):
        start, end = sentences.bounds(match.start())
        opens = [found.end() for found in _CLAUSE_OPEN.finditer(text, start, match.start())]
        spans.append((opens[-1] if opens else start, end))
    return spans


def first_hand_text(text: str) -> str:
    """The line with the sentences that report the booking blanked out (offsets kept)."""
    out = text
    for start, end in reported_spans(text):
        out = out[:start] + " " * (end - start) + out[end:]
    return out
