"""A moisture map's points read again by their codes alone, one visit a line: "B 17% | C 21% |
D 18% | G 33 | H not read | DS1 13%" under "Re-check Fri 06/03/2026:"; or one point a row, one
visit a column, under a heading that lists the visits' days: "Follow-up readings (same points,
2025-01-16 and 2025-01-18)" then "| A | 19 | 14 |". Each code is the point the map described when it
was first read; a code the map never gave is no reading."""

from __future__ import annotations

import re
from datetime import date

from chalicelib.analysis.offline.dates import MONTH_WORDS, Dates
from chalicelib.analysis.offline.reading_coded_runs import coded_run
from chalicelib.analysis.offline.reading_point_values import NOT_READ, RE_READ_CODE
from chalicelib.analysis.offline.text import FLAGS

# One item: a point's code, then its value (and scale), or words saying it was not read.
_ITEM = re.compile(
    # ("Pt 4 = 33", "Point 2: 11": a numbered point by its word)
    r"(?:(?:pt\.?|point|#)\s?(?P<word_number>\d{1,2})\s*[-:=]?\s*"
    rf"|(?P<code>{RE_READ_CODE})\s*[:=]?\s*|#?(?P<number>\d{{1,2}})\s*[-:=]\s*)"
    r"(?:(?P<value>\d{1,3}(?:\.\d)?)\s*(?P<unit>%\s?(?:wme|mc)?|wme|rel)?"
    # (a dash alone is a point not read; not the hyphen of a word, "Re-check 16/10: ...")
    rf"|(?P<skip>{NOT_READ}|nr|(?<![a-z])-(?![a-z]))[^|,;]*)",
    FLAGS,
)
_SEPARATOR = re.compile(r"\s*(?:\||,|;|\s/\s|\s{2,})\s*")
_MIN_ITEMS = 2
# A note after the last item ("J 14 - all at goal, equipment out."): not an item of the line.
# (not a code after a day's dash: "Thu 12/11 - K1 24, K2 27")
# (nor a point not read, "3 - gone, 4 - 12": an item of the line)
_TRAILING_NOTE = re.compile(
    rf"\s+(?:[-\u2013\u2014]|->|\u2192)\s+(?!(?:{NOT_READ})\s*[,;|])[a-z](?![a-z]{{0,2}}\d)[^|]*$", FLAGS
)
# A bracket after the items naming the points not read that visit ("(5 not re-read)", "(C, D not
# read - removed)"): not an item, and its number no value
_NOT_READ_NOTE = re.compile(
    r"\s*\([^()]{0,40}\b(?:not (?:re-?)?read|nr|skipped|missed|removed|no access)\b[^()]{0,30}\)$", FLAGS
)
# A visit's label by its count before its day: "Visit 2 7/3:", "Trip #3, 9/3 -", "Re-check 2 (11/3)",
# "Day 2, 4/22:" (the count is the visit's, not a point's: the day written after it dates the line)
VISIT_LABEL = (
    r"(?:(?:(?:site |return |follow-?up )?visit|follow-?up|trip|attendance|re-?check|check|re-?visit|day)"
    r"\s?(?:no\.?\s?|#)?\d{1,2}[,:]?\s+(?:on\s+)?)"
)
_NOTE_SENTENCE = re.compile(r"(?<=\d)\.\s+(?![A-Z]{1,3}\d{0,2}\s*[:=]?\s*\d)[A-Z][^|]*$")
# A visit's day before its items: "Day 2, 4/22: Pt 1 = 14 / Pt 2 = 11"
_DAY_LEAD = re.compile(
    rf"\s*{VISIT_LABEL}?(?:\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?)?(?: [a-z][a-z -]{{0,20}})?:\s+"
    r"(?=(?:pt|point|#)\.?\s?\d)",
    FLAGS,
)


def point_rereads(text: str, known: frozenset[str]) -> list[tuple[str, float, str | None]] | None:
    """(code, value, scale as written) for each point read on a line made only of known codes'
    items; None when the line is anything else. A visit's line may open with its day ("10/7
    recheck: 1-26  2-22", "21/07  1-28  2-22"): numbered points by their number and a dash."""
    # (the bracket naming the points not read goes first: its own words may hold a dash)
    body = _NOT_READ_NOTE.sub("", text.strip().rstrip(" .")).rstrip(" .")
    body = _NOT_READ_NOTE.sub("", _TRAILING_NOTE.sub("", body).rstrip(" .")).rstrip(" .")
    # ("A 16, B 14, H 12. F not re-read (at std Nov. 5)": a sentence after the items that is no
    # item of them is the visit's note)
    body = _NOTE_SENTENCE.sub("", body).rstrip(" .")
    day_lead = _DAY_LEAD.match(body)
    if day_lead is not None:
        body = body[day_lead.end() :]
    lead = _VISIT_LEAD.match(body)
    spaced = _SPACED_RUN.match(body, lead.end()) if lead is not None else None
    if spaced is not None:
        # ("Mon 16/11  1 22 / 2 19 / 3 18%MC. pulled laundry AM": numbered points a space from their
        # values, the slashes parting the items; the sentence after is the visit's note)
        return _spaced_items(spaced.group(0), known)
    run = _NUMBERED_RUN.match(body, lead.end()) if lead is not None else None
    # (words after the run are the visit's note: "6-17 all at goal"; so is a sentence of its own,
    # "... 7 = 4.1. Std bedroom 13.", whose numbers are not the points')
    numbered = run is not None and (
        not re.search(r"\d", body[run.end() :]) or _NEXT_SENTENCE.match(body, run.end()) is not None
    )
    if lead is not None and run is not None and numbered:
        body = body[lead.end() : run.end()]
    elif (coded := _CODED_LEAD.match(body)) is not None:
        body = body[coded.end() :]  # ("22/10  L1 21 / L2 17": the day, then the points by their codes)
    # ("1-26 2-22 3-41": numbered items need no wider gap than a space between them)
    items = _NUMBERED_ITEM.findall(body) if numbered else [item for item in _SEPARATOR.split(body) if item]
    if len(items) < _MIN_ITEMS:
        return coded_run(text, known)  # ("Thu 21/5: A 4.8 B 36 C 31": one space apart)
    found: list[tuple[str, float, str | None]] = []
    matches = [_ITEM.fullmatch(item.strip()) for item in items]
    if any(match is None for match in matches):
        return coded_run(text, known)  # ("H 5.4 X 11": two items a space apart)
    codes = [_known_code(match, known) for match in matches if match is not None]
    if sum(code is not None for code in codes) < _MIN_ITEMS:
        return None
    for match, code in zip(matches, codes, strict=True):
        if match is None or code is None:
            continue  # a code the map never described: no place to give its number
        if match.group("value") is not None:
            unit = match.group("unit")
            found.append((code, float(match.group("value")), unit.strip() if unit else None))
    return found


def told_point_rereads(text: str, known: frozenset[str]) -> list[tuple[str, float, str | None]] | None:
    """ "24/10 15:05  Final readings from the drier: L1 13, L2 12, H1 14. All within 3 of the
    standard.": a sentence whose colon leads a run of the map's points by their codes alone, and a
    sentence after it; the run read as a line of re-reads. None when no colon leads such a run."""
    colon = -1
    for _ in range(_MAX_TOLD_COLONS):
        colon = text.find(":", colon + 1, _TOLD_LEAD_REACH)
        if colon < 0:
            return None
        end = _TOLD_RUN_END.search(text, colon + 1)
        run = text[colon + 1 : end.start() if end is not None else len(text)]
        found = point_rereads(run, known) if _TOLD_CODE_FIRST.match(run) else None
        if found:
            return found
    return None


# How far into a line the colon that leads a told run is looked for, and how many colons are tried
# (a log's time "15:05" has one): bounded, linear in the line.
_TOLD_LEAD_REACH = 160
_MAX_TOLD_COLONS = 3
# The run ends where its sentence does: ". All within 3 of the standard".
_TOLD_RUN_END = re.compile(r"\.(?:\s+[A-Z]|\s*$)|;")
# (its first code has a number or a hyphen: "L1 13", "STD-D 9"; "A 4" may be a sentence's word)
_TOLD_CODE_FIRST = re.compile(r"\s*(?:(?:STD|REF|DS)-[A-Z]{1,2}|[A-Z]{1,3}-?\d{1,2})\s*[:=]?\s*\d", re.ASCII)


# The day (and a word or two) that opens a visit's line of numbered points: "10/7 recheck:",
# "21/07", "Day 3:". Only before a numbered item ("1-26"), so a map's own row is never cut.
# ("January 20: 1 = 42, 2 = 30": the day by its month's name, the visit's items after its colon)
_MONTH_DAY = (
    rf"(?:{MONTH_WORDS})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTH_WORDS})\.?(?:,? \d{{4}})?"
)
_VISIT_LEAD = re.compile(
    rf"\s*{VISIT_LABEL}?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{{0,6}}\.?,? )?"
    rf"(?:\(?\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?\)?|day \d{{1,2}}|{_MONTH_DAY})"
    r"(?: [a-z][a-z -]{0,20})?(?:\s?[:\u2013\u2014-]\s*|\s{2,}|\s(?=\d))",
    FLAGS,
)
# A visit's day in any of the forms a date is written: "22/10", "2026-11-05", "Nov. 5", "5th Nov"
WRITTEN_DAY = (
    r"(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{4}-\d{2}-\d{2}"
    rf"|(?i:{MONTH_WORDS})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?i:{MONTH_WORDS})\.?(?:,? \d{{4}})?)"
)
_CODED_LEAD = re.compile(
    # ("Thu 12/11 - K1 24, K2 27": a weekday before the day, a dash after it; "Nov. 5: A 21 / B 18":
    # the day by its month's name, the map's letters alone; "10/12: STD-D 9": a hyphen-joined standard)
    rf"\s*(?:[A-Z][a-z]{{2,8}},?\s)?(?i:{VISIT_LABEL})?{WRITTEN_DAY}(?:\s?\([^()]{{0,40}}\))?"
    r"(?::|\s[-\u2013])?\s+(?=(?:(?:STD|REF|DS)-[A-Z]{1,2}|[A-Z]{1,3}-?\d{0,2})\s*[:=]?\s*\d)",
    re.ASCII,
)
# ("4 = cut", "3-removed": a point not read that visit is an item with no value)
_NUMBERED_ITEM = re.compile(
    r"#?\d{1,2} ?[-=] ?(?:\d{1,3}(?:\.\d)?(?: ?(?:%\s?(?:wme|mc)?|wme|rel)\b)?"
    rf"|(?:{NOT_READ}|nr)(?![a-z]))",
    FLAGS,
)
_NEXT_SENTENCE = re.compile(r"(?<=[.;])\s*[A-Z]|(?<=\d)[.;]\s+[A-Z]")
_NUMBERED_RUN = re.compile(
    rf"(?:{_NUMBERED_ITEM.pattern})(?:[\s,;]+(?:{_NUMBERED_ITEM.pattern}))+[\s,;]*", FLAGS
)


# A numbered item a space from its value: only inside a run the slashes part ("1 22 / 2 19").
_SPACED_ITEM = r"\d{1,2} \d{1,3}(?:\.\d)?(?: ?(?:%\s?(?:wme|mc)?|wme|rel)\b)?"
_SPACED_RUN = re.compile(rf"{_SPACED_ITEM}(?: / {_SPACED_ITEM})+(?=\s*(?:[.;,]\s|[.;,]?$))", FLAGS)
_SPACED_PARTS = re.compile(r"(?P<number>\d{1,2}) (?P<value>\d{1,3}(?:\.\d)?) ?(?P<unit>.*)")


def _spaced_items(run: str, known: frozenset[str]) -> list[tuple[str, float, str | None]] | None:
    """The (code, value, scale) of each item of a slash-parted run of numbered points; None when
    fewer than two of its numbers are points the map defined."""
    found = []
    for item in run.split(" / "):
        parts = _SPACED_PARTS.fullmatch(item.strip())
        code = _number_code(parts.group("number"), known) if parts is not None else None
        if parts is not None and code is not None:
            found.append((code, float(parts.group("value")), parts.group("unit").strip() or None))
    return found if len(found) >= _MIN_ITEMS else None


def _number_code(number: str, known: frozenset[str]) -> str | None:
    if number in known:
        return number
    numbered = [code for code in known if re.fullmatch(rf"[A-Z#]?0?{number}", code)]
    return numbered[0] if len(numbered) == 1 else None


def _known_code(match: re.Match[str], known: frozenset[str]) -> str | None:
    """The map's code an item names: a letter code as written; a number as itself or as the map's
    one code of that number ("3" for "P3", "#3")."""
    if match.group("code") is not None:
        code = match.group("code").upper()
        return code if code in known else None
    number = match.group("number") or match.group("word_number")
    if number in known:
        return number
    numbered = [code for code in known if re.fullmatch(rf"[A-Z#]?0?{number}", code)]
    return numbered[0] if len(numbered) == 1 else None


_ROW_CELL = re.compile(r"\d{1,3}(?:\.\d)?|n/?a|nr|-|", FLAGS)
_ROW_CODE = re.compile(RE_READ_CODE)


def point_row(text: str, known: frozenset[str], days: int) -> tuple[str, list[float | None]] | None:
    """(code, a value or None per visit) for a table row "| A | 19 | 14 |" (from a PDF, "A 19 14") of
    a known point with one cell per visit the heading listed; None when the line is anything else."""
    body = text.strip()
    cells = [cell.strip() for cell in body.strip("|").split("|")] if "|" in body else body.split()
    if len(cells) != days + 1 or not _ROW_CODE.fullmatch(cells[0]) or cells[0].upper() not in known:
        return None
    if not all(_ROW_CELL.fullmatch(cell) for cell in cells[1:]):
        return None
    values = [float(cell) if cell[:1].isdigit() else None for cell in cells[1:]]
    return (cells[0].upper(), values) if any(value is not None for value in values) else None


_DAY_LOOK = 32  # how far into a line its opening day is looked for (bounded)


# What may come before a line's opening day: a bullet, a weekday ("Fri 20/11 A 31", "- Tue 3/3:").
_BEFORE_DAY = re.compile(r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?)?", FLAGS)
# ... or the visit's label by its count: "Visit 2 7/3:", "Trip #3 (9/3)"
_LABEL_BEFORE_DAY = re.compile(rf"{VISIT_LABEL}\(?", FLAGS)


def opening_day(text: str, dates: Dates, taken_on: date | None) -> date | None:
    """ "22/10  L1 21 / L2 17", "11/10: 1-58, 2-30", "Fri 20/11 A 31": a visit's line of re-reads
    that opens with its day is that day's, whatever day the lines around it were given."""
    head = text[:_DAY_LOOK]
    found = dates.find(head, taken_on, yearless_numeric=True)
    before = head[: found[0].start] if found else ""
    opens = bool(found) and (
        _BEFORE_DAY.fullmatch(before.strip(" -*\u2022>")) is not None
        or _LABEL_BEFORE_DAY.fullmatch(before.lstrip(" -*\u2022>")) is not None
    )
    return found[0].value if opens and found[0].value is not None else taken_on
