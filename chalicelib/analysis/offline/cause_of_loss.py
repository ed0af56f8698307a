"""The cause of loss: the sentence that says what failed, from a label, a heading's paragraph, a cue,
a failure's words or, last, the water source named."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.findings import SourceSpan
from chalicelib.analysis.offline.cause_words import CAUSE_CUE, CAUSE_KEYWORD, CAUSE_LABEL, LOSS_PATTERNS
from chalicelib.analysis.offline.dates import BULLETS
from chalicelib.analysis.offline.dispatch_blocks import second_hand_lines
from chalicelib.analysis.offline.job import CATEGORY_SOURCES, SECTION_LABEL
from chalicelib.analysis.offline.text import (
    FLAGS,
    MAIL_HEADER,
    SENTENCE_END,
    Line,
    Sentences,
    clean_value,
    evidence_matches,
    excerpt_of,
    first_found,
    is_negated,
)
from chalicelib.analysis.offline.water_sources import QUOTED, hedged_at


def _labelled_cause(text: str) -> str | None:
    # ("- cause: 400 L tank in lounge, bottom seam let go": a field written as a list item is still
    # its label)
    bullet = BULLETS.match(text)
    text = text[bullet.end() :] if bullet is not None else text
    label = CAUSE_LABEL.match(text)
    if label is None:
        return None
    rest = text[label.end() :]
    end = SENTENCE_END.search(rest)
    value = clean_value(rest[: end.start()] if end else rest)  # the first sentence is the cause
    # A bare "Source:" is as often the referral source as the loss source; "Loss:" may be a figure.
    bare = bool(label.group("bare")) or text[: label.end()].strip(" :=-").lower() == "loss"
    if value is None or not bare or any(pattern.search(value) for pattern in LOSS_PATTERNS):
        return value
    if label.group("bare") and label.group("bare").lower() in _STORY_LABELS:
        # "What happened: the tenant ran the bath and fell asleep. It overflowed for 40 minutes":
        # a story label's next sentence that names the loss
        sentences = Sentences(rest[:_STORY_REACH])
        start = end.end() if end else len(rest)
        if start < min(len(rest), _STORY_REACH):
            following = excerpt_of(rest, *sentences.bounds(start + 1))
            if following is not None and any(pattern.search(following) for pattern in LOSS_PATTERNS):
                # ("It overflowed for 40 minutes": a sentence that goes on from the first is read with it)
                return f"{value}. {following}" if _GOES_ON.match(following) else following
    return None


def _cued_cause(text: str) -> str | None:
    sentences = Sentences(text)
    for cue in CAUSE_CUE.finditer(text):
        # "Access delayed due to tenant" is not a cause of loss: the sentence must be about the loss.
        if sentences.mentions_any(cue.start(), LOSS_PATTERNS):
            value = excerpt_of(text, cue.end(), sentences.bounds(cue.start())[1])
            if value is not None:
                return value
    return None


# Someone else's word for the loss, quoted and then refuted by the writer before their own account:
# 'insurer phone note says "clean rainwater cat 1" - NO. overland flow off the road', 'the card
# says "toilet overflow" - wrong, the supply nut was loose'. The report's cause is the writer's own
# account after the refutation, not the quote it sets aside.
_REFUTED_QUOTE = re.compile(
    r"[\"\u201d']\s*(?:[-\u2013\u2014:,]\s*)?(?:no|not so|wrong|incorrect|nope)\b"
    r"[.!,:;]?(?:\s*[-\u2013\u2014])?\s*",
    FLAGS,
)


def _own_account(text: str, start: int, at: int) -> int:
    """Where the writer's own account of the sentence begins: after a quote it refutes before `at`."""
    refuted = [match for match in _REFUTED_QUOTE.finditer(text, start, at) if match.end() <= at]
    return refuted[-1].end() if refuted else start


def _refuted_quotes(text: str) -> list[tuple[int, int]]:
    return [quote.span() for quote in QUOTED.finditer(text) if _REFUTED_QUOTE.match(text, quote.end() - 1)]


def _keyword_cause(text: str) -> str | None:
    refuted = _refuted_quotes(text) if '"' in text or "\u201d" in text else []
    for keyword in CAUSE_KEYWORD.finditer(text):
        if any(a <= keyword.start() < b for a, b in refuted):
            continue  # (the failure someone else named, set aside by the writer)
        if not is_negated(text, keyword.start(), keyword.end()):
            start, end = Sentences(text).bounds(keyword.start())
            # ("Quick recap in case this lands with someone else: on Saturday the hose burst": the
            # lead-in before a colon is the writer's preamble, not the cause; a colon inside brackets
            # is an aside's: "the dishwasher in #304 (owner: Mr. D. Aker) was draining when ...")
            lead_in = text.rfind(": ", start, keyword.start())
            if lead_in >= 0 and text.count("(", start, lead_in) <= text.count(")", start, lead_in):
                start = lead_in + 2
            return excerpt_of(text, _own_account(text, start, keyword.start()), end)
    return None


def _source_cause(text: str) -> str | None:
    """Last resort: the sentence naming a water source the category rules know (not in a quote:
    'the work order says "grey water from a bath"' is someone else's word for it; nor asked or
    guessed at: "wondered whether it counted as grey water")."""
    quoted = [match.span() for match in QUOTED.finditer(text)]
    for _, _, pattern in CATEGORY_SOURCES:
        match = first_found(
            found
            for found in evidence_matches(pattern, text)
            if not any(a <= found.start() < b for a, b in quoted)
            # ("The owner wondered whether it counted as grey water": a question, no cause told)
            and not hedged_at(text, found.start())
        )
        if match is not None:
            start, end = Sentences(text).bounds(match.start())
            return excerpt_of(text, _own_account(text, start, match.start()), end)
    return None


# A heading on a line of its own over the story of the loss ("1. Cause", "CAUSE OF LOSS", "How it
# started"): the paragraph under it begins with the cause. ("Source" or "Origin" alone may head a
# referral or a fire's room, so their paragraph must name the loss.)
_CAUSE_HEADING = re.compile(
    r"^[\s\d.)#*-]*(?:(?P<cause>cause(?: of (?:loss|damage|the (?:loss|leak|fire)))?"
    r"|how it (?:started|happened)|what happened)"
    r"|(?:source|origin)(?: and spread| of (?:loss|water|fire))?)(?: ?[/&] ?[\w /&]{0,24})?:?\s*$",
    FLAGS,
)


_HEADED_REACH = 600  # how far into the paragraph under a cause heading its failure is looked for
_GOES_ON = re.compile(r"(?:it|they|this|that|he|she|which)\b", re.IGNORECASE)
_STORY_LABELS = frozenset({"circumstances", "what happened", "incident", "background", "bkgrd", "history"})
_STORY_REACH = 600  # how far into a story label's text its loss sentence is looked for


def _headed_cause(lines: Sequence[Line]) -> tuple[str, SourceSpan] | None:
    for index, line in enumerate(lines[:-1]):
        heading = _CAUSE_HEADING.match(line.text)
        if heading is None:
            continue
        following = next((later for later in lines[index + 1 : index + 3] if later.text.strip()), None)
        if following is None:
            continue
        # the paragraph's sentence that says what failed ("At 9.50 the nurse found water. The feed
        # hose had worn through ..."), else its first
        text = following.text
        # (not a quoted opinion: 'the landlord's view is that it is "just condensation"')
        quoted = [match.span() for match in QUOTED.finditer(text[:_HEADED_REACH])]
        keyword = next(
            (
                match
                for match in CAUSE_KEYWORD.finditer(text[:_HEADED_REACH])
                if not is_negated(text, *match.span()) and not any(a <= match.start() < b for a, b in quoted)
            ),
            None,
        )
        value = excerpt_of(text, *Sentences(text).bounds(keyword.start() if keyword else 0))
        named_loss = value is not None and any(pattern.search(value) for pattern in LOSS_PATTERNS)
        if value is not None and (heading.group("cause") or named_loss):
            return value, following.span()
    return None


# A source the writer cannot settle: alternatives each hedged ("Could be their bath waste, could be a
# supply pipe", "Possibly the roof, possibly the HWS"), set against each other ("HO thinks the pan
# overflowed OR the water heater", "mentioned the storm but also said the split system drips"), or
# a source not found. None of them is a stated cause.
_UNSETTLED = re.compile(
    r"\b(?P<hedge>could be|possibly|maybe|might be)\b[^.;]{0,160}?\b(?P=hedge)\b"
    r"|\b(?:could be|possibly|maybe|might be|thinks?)\b[^.;]{0,160}?(?-i: OR )"
    r"|\bbut also (?:said|mentioned|thinks|reckons)\b"
    r"|\bsource (?:is |was )?(?:not (?:yet )?(?:found|known|confirmed|determined)|unknown)\b",
    FLAGS,
)


# "DOL Tue 17/11/2026 approx 4.40am - e-bike battery on charge went into thermal runaway", "Fire:
# Thursday 5/11/2026 about 11.20 pm, electric blanket in bedroom 2": a loss's date label whose value
# goes on, after the date and its hour, to say what happened.
_DAY_AND_HOUR = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? )?"
    # (the day in figures, or with the month's name either side: "21 Nov 2026", "Nov 21, 2026")
    r"(?:\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?"
    r"|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,? \d{4})?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?)"
    r"(?:,? (?:approx\.? |about |around |~ ?|at )?\d{1,2}(?:[:.]\d{2})? ?(?:[ap]\.? ?m\b\.?)?)?"
)
_DATED_LOSS = re.compile(
    r"^[\s\-*#>\u2022]*(?:d\.?o\.?l\.?|date of (?:the )?(?:loss|fire|incident|escape)|loss|fire|incident)"
    rf" ?[:\-]? ?{_DAY_AND_HOUR}"
    r" ?(?:[,;]| [\-\u2013\u2014]) ?(?P<value>\S.*)$",
    FLAGS,
)
# "Date of loss: Mon 30/11/2026 (cold water line split in the ceiling space)": a label's value that
# opens with the day and hour, the cause after them or in brackets; the report's cause is what
# happened, and the day is the date of loss's own field.
# (a colon before a figure is the hour's own: "about 6:05 p.m. the resident left a pan on")
_OPENING_DAY = re.compile(rf"^{_DAY_AND_HOUR}(?: ?(?:[,;]|:(?!\d))| [\-\u2013\u2014]| (?=\())\s*", FLAGS)


def _after_the_day(cause: str) -> str:
    opening = _OPENING_DAY.match(cause)
    if opening is None:
        return cause
    rest = cause[opening.end() :]
    if rest.startswith("(") and rest.endswith(")") and rest.count("(") == 1:
        rest = rest[1:-1].strip()
    return rest if len(rest.split()) >= 3 and not _NOT_TOLD.match(rest) else cause


_NOT_TOLD = re.compile(r"(?:per|as per|reported|according|unknown|tbc|tba|not|approx|about|around)\b", FLAGS)


def _dated_loss_cause(text: str) -> str | None:
    dated = _DATED_LOSS.match(text)
    if dated is None or _NOT_TOLD.match(dated.group("value")):
        return None
    rest = dated.group("value")
    end = SENTENCE_END.search(rest)
    value = clean_value(rest[: end.start()] if end else rest)
    return value if value is not None and len(value.split()) >= 3 else None


def detect_cause(lines: Sequence[Line]) -> tuple[str, SourceSpan] | None:
    # ("Loss: TOILET OVERFLOW" in a header the office filled in from the call, then the technician's
    # "It is NOT an overflow ... the supply line nut was loose": the writer's own words are read first;
    # an e-mail's "Subject: Claim 558031 - kitchen hose leak" only names the matter, so the body's
    # "the hose under our kitchen sink burst" is the cause and the subject line is read last)
    booked = second_hand_lines(lines)
    header = {index for index, line in enumerate(lines) if MAIL_HEADER.match(line.text)}
    own = [index for index in range(len(lines)) if lines[index].number not in booked]
    pools = (
        [index for index in own if index not in header],
        [index for index in own if index in header],
        [index for index in range(len(lines)) if lines[index].number in booked],
    )
    for number, pool in enumerate(pools):
        found = _cause_in(lines, pool, headed=number == 0)
        if found is not None:
            return found
    return None


def _cause_in(lines: Sequence[Line], order: Sequence[int], *, headed: bool) -> tuple[str, SourceSpan] | None:
    for finder in (_labelled_cause, _cued_cause, _keyword_cause, _dated_loss_cause, _source_cause):
        if finder is _keyword_cause and headed:
            found = _headed_cause(lines)
            if found is not None and not _UNSETTLED.search(found[0]):
                return found
        for index in order:
            line = lines[index]
            text = _continued(lines, index) if finder is _labelled_cause else line.text
            cause = finder(text)
            if cause is not None and not _UNSETTLED.search(text):
                return _after_the_day(cause), line.span()
    return None


def _continued(lines: Sequence[Line], index: int, extra: int = 2) -> str:
    """A line and the lines its sentence runs on to ("Cause: ... HO found water" / "at 2300 ...")."""
    text = lines[index].text
    for following in lines[index + 1 : index + 1 + extra]:
        bullets = BULLETS.match(following.text)
        if (
            SENTENCE_END.search(text)
            or not following.text
            or (bullets is not None and bullets.end() > 0)
            or SECTION_LABEL.match(following.text)
        ):
            break
        text = f"{text} {following.text}"
    return text
