"""Dates a label gives: "DOL 12/03", "Date of fire: Sunday 12 January 2025", "Attended 04/03/2026",
a file note's entry headed by its date, and "that is the date of the escape" (job_dates.py)."""

from __future__ import annotations

import itertools
import re
from datetime import date

from chalicelib.analysis.offline.dates import DateMatch, Dates
from chalicelib.analysis.offline.text import FLAGS, Line

_LINE_START = r"(?:^|[|;] ?)[\s\-*#>\u2022]*"


# What the water, fire or storm was: "Date of fire:", "Flood date", "Date water entered the property".
_EVENT = r"(?:loss|incident|damage|event|escape|fire|flood|leak|burst|storm|occurrence)(?! detect)"


LOSS_DATE_LABEL = re.compile(
    rf"\b(?:date of (?:the )?{_EVENT}|d\.?o\.?l\b\.?"
    r"|date (?:the )?(?:water|fire|leak|flood)(?: first)? (?:entered|got in|came in|started|began|broke out)"
    r"|loss (?:date|occurred|happened|discovered)|(?:incident|event|fire|flood|storm) date|date loss"
    r"|(?:loss|damage|incident|leak|flood|fire) occurred(?: on)?)"
    rf"|{_LINE_START}(?:loss|event|incident)\b ?[:\-]"
    # "Attended 04/03/2026. Loss 03/03/2026 overnight.": a sentence that opens with the word and a date
    r"|(?:^|[.!?] )(?:loss|event|incident)\b ?[:\-]? ?(?=\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]* \d)"
    # "FNOL taken Monday by phone; insured reports loss Saturday 06/06/2026 around 2:15 PM"
    r"|\b(?:reports?|reported|advises?|advised|states?|stated|gives?) (?:the )?(?:date of )?loss(?: on| as)?"
    r" ?(?=\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? \d)",
    FLAGS,
)


# "Reported: Thursday 15 October 2026, water found coming under the door", "Found: 11/08/2026",
# "Loss reported: 11/15/2026, 9:40 PM - the line backed up": the day the loss came to light, which a
# claim takes as its date when nothing else dates it.
DISCOVERY_LABEL = re.compile(
    rf"{_LINE_START}(?:(?:loss|leak|damage|water) )?(?:reported|found|discovered|noticed)\b ?[:\-]"
    rf"|{_LINE_START}date (?:of )?(?:loss )?(?:reported|found|discovered|discovery)\b ?[:\-]?",
    FLAGS,
)


INSPECTION_LABEL = re.compile(
    # ("restorer Coastline Restoration attended first, Wed 2/12/26": whoever came first, then the day)
    r"\b(?:(?:attended|arrived|came|(?:was|were) (?:on ?site|there)) first\b(?!ly)"
    r"|(?:inspection|assessment|survey|visit|attendance|arrival) date|date (?:of )?(?:our |the |first "
    r"|initial )?(?:inspection|assessment|attendance|visit|survey|arrival)"
    r"|date (?:inspected|attended|assessed|surveyed)|inspected(?: on)?|attended(?: site)?(?: on)?|attendance"
    r"|(?:site|initial|first)(?: (?:drying|emergency|response|make[- ]safe|restoration|site))?"
    r" (?:visits?|inspections?|attendances?|access|assessments?)|first attended|(?:first )?on ?site"
    r"|arrived(?: on site)?|surveyed(?: on)?|inspection|attend(?= (?:mon|tue|wed|thu|fri|sat|sun|\d))"
    # a walk-through is the inspection's other name: "Walk-through Mon 11/24/25", "Walked 11/2 with
    # the adjuster" (a sentence that opens with it: "she walked in and found" is not one)
    r"|(?:site )?walk[- ]?through|site walk|(?:(?<=^)|(?<=[.!?] ))walked(?= \d))\b"
    r"|\binsp(?:n|ected)?\b\.? ?:"
    # "following the drying company's visit this morning", "their first visit on 3/2"
    r"|(?:(?:company|restorer|contractor|technician|tech|crew|team)'s|\bour|\btheir)"
    r" (?:first |initial )?visit\b"
    # ("Our arrival: 11/20/2026 9:30 PM": the crew's first arrival heads the line as a label does)
    # ("Our visits: 10/24 about 9:30 PM - board-up ... 10/26 - full inspection": the first listed)
    rf"|{_LINE_START}(?:att|attd|(?:our |site )?visits?|survey|(?:our |first )?arrival|inspection|assessment"
    r"|insp|assessed)"
    r"\b\.? ?[:\-]?"
    # "quick notes 4/2/26 - unit 14B": field notes are written at the visit they record
    rf"|{_LINE_START}(?:quick|site|field|on-?site|visit) notes\b"
    # "11/28/26 arr 10:40": the arrival's short form, with its hour
    r"|\barr\b\.?:?(?= ?(?:at )?\d{1,2}[:.]?\d{2}(?!\d))",
    FLAGS,
)


# Trades and services whose visit is not the inspection ("Plumber attended 01/03"), and whose work
# is not the loss ("the roofer replaced the boot on 02/24").
THIRD_PARTY = re.compile(
    r"\b(?:plumbers?|electricians?|roofers?|builders?|leak detect(?:ion|or)|fire (?:brigade|crews?|service"
    r"|department)|firefighters|ses|police|locksmith|glazier|agent|(?:property|building|strata) manager"
    r"|council|landlord)\b",
    FLAGS,
)


# A visit after the first: "attended that night and came back Monday morning" dates the return.
RETURN = re.compile(r"\b(?:came back|come back|returned|came again|back on site|re-?attended)\b", FLAGS)


# "12/03 (20:10, first visit), 14/03": a label in brackets is of the date before them.
_CLOSED = re.compile(r"[^(]*\)")
_SENTENCE_STOP = re.compile(r"[.!?] +[A-Z]")
_LABEL_TO_DATE = 40  # how far after a label its date may be


# A day and month with no year straight after the label ("DOL 21/07.", "Att: 3/2"): notes give the
# year once, in the header, and a label says what the number is.
_YEARLESS_AFTER_LABEL = re.compile(r"[\s:\-=]{0,3}(?:on )?$", FLAGS)
# ... and then what follows a date, not a fraction's words ("attended 3/4 of the rooms"); a part of
# the day says the number is a day ("DOL: 14/06 late evening", "att 3/2 morning").
_DATE_FOLLOWS = re.compile(
    r"\s*(?:$|[.,;:)(\-]|\d|(?:at|am|pm|approx\w*|about|around|[ap]\.m"
    r"|(?:early |late |mid-?)?(?:morning|afternoon|evening|night|overnight|arvo))\b)",
    FLAGS,
)


def labelled_date(
    label: re.Pattern[str],
    line: Line,
    found: list[DateMatch],
    dates: Dates,
    anchor: date | None,
    *,
    third_party: bool = True,
    first_named: bool = False,
) -> date | None:
    """The date a label gives; with `first_named`, a label that says it was the first ("Inspected:
    Monday 23/11 with the drying contractor (first on site Sunday 22/11)") over the others."""
    given = None
    for match in itertools.islice(label.finditer(line.text), _LABELS_TRIED):
        day = _label_day(match, line, found, dates, anchor, third_party=third_party)
        if day is not None and first_named and _FIRST.match(match.group(0)):
            return day
        if day is not None and not first_named:
            return day
        given = given or day
    return given


_FIRST = re.compile(r"\W*(?:(?:our|their) )?(?:first|initial)\b|.*\bfirst$", FLAGS)


def first_visit_labelled(
    line: Line, found: list[DateMatch], dates: Dates, anchor: date | None
) -> date | None:
    """The day a label that says it was the first visit gives ("Mitigation vendor: Dry Co (first on
    site 11/18/2026)"), else None."""
    for match in itertools.islice(INSPECTION_LABEL.finditer(line.text), _LABELS_TRIED):
        if not _FIRST.match(match.group(0)):
            continue
        if day := _label_day(match, line, found, dates, anchor, third_party=True):
            return day
        # ("the drying firm had been out on 11/26/2026 (their first visit)": the bracket names
        # the date just before it)
        before = [known for known in found if known.end <= match.start()]
        if before and before[-1].value and _NAMES_DATE.fullmatch(line.text, before[-1].end, match.start()):
            return before[-1].value
    return None


# (or a dash: "10:00 on 25/11 - the first inspection by anyone")
_NAMES_DATE = re.compile(r" ?\((?:[^()]{0,20}, )?| [-\u2013\u2014] (?:the |our |their )?")


_OPENS_BRACKET = re.compile(r" ?\((?:[^()]{0,20}, )?")


def visit_in_bracket(text: str, known: DateMatch) -> bool:
    """Whether a bracket just after the date names it a visit: "out on 11/26 (their first visit)"."""
    bracket = _OPENS_BRACKET.match(text, known.end)
    return (
        bracket is not None
        and bracket.group(0).strip() != ""
        and INSPECTION_LABEL.match(text, bracket.end()) is not None
    )


_LABELS_TRIED = 8  # labels read per line: a long line costs no more than a short one


def _label_day(
    match: re.Match[str],
    line: Line,
    found: list[DateMatch],
    dates: Dates,
    anchor: date | None,
    *,
    third_party: bool,
) -> date | None:
    text = line.text
    # "plumber attended 01/03": someone else's visit; not "Call from the agent. Attended 15/09"
    before = text[max(0, match.start() - _LABEL_TO_DATE) : match.start()]
    stop = max(before.rfind(". "), before.rfind("; "))
    if third_party and THIRD_PARTY.search(before[stop + 1 :]):
        return None
    for known in found:
        if (
            match.end() <= known.start <= match.end() + _LABEL_TO_DATE
            and known.value
            and not _SENTENCE_STOP.search(text, match.end(), known.start)
            and not _CLOSED.match(text, match.end(), known.start)
            and not RETURN.search(text, match.end(), known.start)
        ):
            # (not across a sentence: "... of the escape. We ...")
            return _listed_first(text, match.end(), known, dates) or known.value
    # "07/10/2025 - Site visit. Present: ...": a file note's entry headed by its date
    if (
        found
        and found[0].value
        and _DATE_LED.fullmatch(text, 0, found[0].start)
        and _ENTRY_GAP.fullmatch(text, found[0].end, match.start())
    ):
        return found[0].value
    if anchor is not None:
        for known in dates.find(text[: match.end() + _LABEL_TO_DATE], anchor, yearless_numeric=True):
            if known.value and known.start >= match.end():
                if _YEARLESS_AFTER_LABEL.match(text[match.end() : known.start]) and _DATE_FOLLOWS.match(
                    text, known.end
                ):
                    return known.value
                break
    return None


# "Site visits: 2 Nov, 5 Nov and 9 Nov 2026": the days a list shares its one year across.
_LIST_JOIN = re.compile(r" ?(?:,|&|and|,? and) ?", FLAGS)


def _listed_first(text: str, start: int, dated: DateMatch, dates: Dates) -> date | None:
    """The first of a list of days the label gives when only its last carries the year ("Site visits:
    November 2, November 5 and November 9, 2026": the 2nd), else None."""
    if dated.value is None:
        return None
    read = dates.find(text[start : dated.end], dated.value)
    listed = [known for known in read if start + known.end <= dated.start]
    if (
        not listed
        or listed[0].value is None
        or not _LABEL_GAP.fullmatch(text, start, start + listed[0].start)
    ):
        return None
    ends = [start + known.end for known in listed]
    starts = [start + known.start for known in listed[1:]] + [dated.start]
    if not all(_LIST_JOIN.fullmatch(text, end, begin) for end, begin in zip(ends, starts, strict=True)):
        return None
    return listed[0].value if listed[0].value <= dated.value else None


_LABEL_GAP = re.compile(r"[\s:=\-\u2013]*")


_DATE_LED = re.compile(r"[\s\-*#>\u2022]*")
# (a time of day may sit between: "Jun 17, 2026 09:00 - Site inspection with DRG")
_ENTRY_GAP = re.compile(
    r"(?: ?(?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: ?hrs)?)? ?[\-\u2013:|,]? ?", FLAGS
)


# "... show continuous flow starting at 04:00 on 27/12/2025; that is the date of the escape": the
# writer names the day just told as the loss, as a label would.
_THAT_IS_THE_LOSS = re.compile(
    r"\b(?:that|this|which) (?:is|was) (?:the )?(?:date|day) (?:of )?(?:the )?"
    r"(?:loss|escape|leak|incident|flood)\b",
    FLAGS,
)


def named_loss_day(line: Line, found: list[DateMatch]) -> date | None:
    named = _THAT_IS_THE_LOSS.search(line.text)
    if named is None:
        return None
    before = [match for match in found if match.end <= named.start() and match.value]
    return before[-1].value if before else None


def is_form_field(line: Line) -> bool:
    """Whether an inspection label opens the line or a clause of it ("Inspected: 03/10/2024",
    "DOL 12/03/2024. inspected 10/03/2024"), rather than sitting inside a sentence ("we had the
    roof inspected on 11/14/2024")."""
    return any(
        _FIELD_START.search(line.text[: label.start()]) is not None
        for label in INSPECTION_LABEL.finditer(line.text)
    )


# ("Category 1 / Class 1 / DOL 10/11/2026": a summary's fields set apart by slashes)
_FIELD_START = re.compile(r"(?:^|[.;|]\s*| / )[\s\-*#>\u2022]*$")


def is_loss_field(line: Line) -> bool:
    """Whether a loss label opens the line or a clause of it ("DOL: 11/14", "Loss 03/03/2026
    overnight") rather than ending the writer's own reasoning in a sentence ("So the loss occurred
    on 6/14, not on Saturday as the notice says"): a field may be the job's open date, a conclusion
    is the writer's answer."""
    return any(
        _FIELD_START.search(line.text[: label.start()]) is not None
        for label in itertools.islice(LOSS_DATE_LABEL.finditer(line.text), _LABELS_TRIED)
    )
