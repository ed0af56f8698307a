"""The date of loss and the first visit: from a label, else from what the prose says."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from chalicelib.analysis.findings import DateFact
from chalicelib.analysis.offline.dates import (
    DateMatch,
    Dates,
)
from chalicelib.analysis.offline.dispatch_blocks import second_hand_lines
from chalicelib.analysis.offline.job_arrivals import (
    ARRIVAL,
    RELATIVE_TRIES,
    insurers_visit,
    is_our_arrival,
    told_arrival,
)
from chalicelib.analysis.offline.job_call_out import CallOutDay
from chalicelib.analysis.offline.job_date_clues import (
    arrival_day,
    column_heading,
    dated_elsewhere,
    denied,
    other_event,
    related_day,
    reported_days,
    seen_fine_then,
    told_after_label,
)
from chalicelib.analysis.offline.job_date_labels import (
    DISCOVERY_LABEL,
    INSPECTION_LABEL,
    LOSS_DATE_LABEL,
    THIRD_PARTY,
    first_visit_labelled,
    is_form_field,
    is_loss_field,
    labelled_date,
    named_loss_day,
    visit_in_bracket,
)
from chalicelib.analysis.offline.job_insurer_files import insurers_file, vendors_visit
from chalicelib.analysis.offline.loss_away import AWAY, home_same_day
from chalicelib.analysis.offline.loss_hypotheses import Hypotheses
from chalicelib.analysis.offline.loss_onset import (
    DISCOVERY,
    OPEN_ENDED,
    found_late,
    guessed_before_seen,
    metered_start,
    onset_open,
    overnight_start,
    seen_until,
)
from chalicelib.analysis.offline.loss_statements import set_aside, stated_loss
from chalicelib.analysis.offline.loss_words import ANNOUNCEMENT, ESCAPE, ESCAPE_SOUND, LEAK_WORD
from chalicelib.analysis.offline.relative_days import DayContext, DayEvent
from chalicelib.analysis.offline.story_openings import opens_story
from chalicelib.analysis.offline.text import (
    FLAGS,
    WINDOW,
    Line,
    Sentences,
    around,
)
from chalicelib.analysis.offline.told_days import told_days
from chalicelib.analysis.offline.visit_days import Visits, next_anchor
from chalicelib.analysis.offline.written_days import WrittenDays, with_hour, with_today

# --- the loss and the first visit --------------------------------------------------------------

_ARRIVALS_KEPT = 4  # told arrivals kept: the first of them after the loss is the inspection


_EVENT_REACH = 50  # how far from a date the words saying what it dates may be


# "the night before we attended": a loss dated only by the first visit.
_BEFORE_WE_ATTENDED = re.compile(
    r"\b(?:the )?(?:night|evening|day|afternoon) before (?:we|I|the (?:tech|technician|restorer|crew))"
    r" (?:attended|arrived|got there|came|were called out)\b",
    FLAGS,
)


# "the faucet she fitted the night before", "The night before, Thursday 2 April, ...": the loss
# begins with a related event told against the day of the call.
_NIGHT_BEFORE = re.compile(
    r"\b(?:the )?(?:night|evening|day|afternoon) before\b"
    r"(?!,? (?:we|I|the (?:tech|technician|restorer|crew))\b)"
    r"|\bthe previous (?:night|evening|day|afternoon)\b",
    FLAGS,
)


# The loss in the small hours of the day the call was made: "it rusted through some time after midnight".
_SMALL_HOURS = re.compile(
    r"\b(?:(?:some ?time |just |shortly |not long )?after midnight|in the (?:early|small|wee) hours"
    r"|earlier that (?:same )?morning|earlier the same morning)\b",
    FLAGS,
)


_BACKED_UP = re.compile(r"\bback(?:ed|ing|s)? ?up\b", FLAGS)


_FOUND_LABEL = re.compile(r"\b(?:found|discovered|noticed|discovery)\b", FLAGS)


_FOUND_IT = re.compile(r"\b(?:found|noticed|discovered|spotted) it\b", FLAGS)


_SEEN_FINE = re.compile(
    r"\b(?:everything|all|it|floor|carpet)(?: \w+){0,2} (?:was|were|looked|seemed)"
    r" (?:normal|fine|dry|ok|okay)\b",
    FLAGS,
)


# A call, a report or the customer's contact: the sentence is about it, not about the loss.
_CALL_WORD = re.compile(
    r"\b(?:call(?:ed|s)?|rang|rung|phoned|contacted|e-?mailed|reported|notified|lodged|fnol)\b", FLAGS
)


# Where a date's words end: what the next clause says ("...failed on Saturday 6 June; staff found
# water ...") is not about that date.
_CLAUSE_END = re.compile(r"[;()]| [-\u2013\u2014] ")


_DAY = timedelta(days=1)


# Our own make-safe visit as a field of the sheet: "Board-up / make safe: our crew, Sat 21/11 10 pm",
# "Emergency call-out: tech on site 02/03 23:40". It is the job's first visit, before a later
# labelled "Inspection:" (someone else's board-up, a builder's or the fire service's, is not ours).
_MAKE_SAFE_FIELD = re.compile(
    r"^[\s\-*#>]*(?:board[- ]?up|make[- ]safe|made safe|emergency(?: (?:call[- ]?out|response|attendance"
    r"|visit|service))?|after[- ]hours(?: (?:call[- ]?out|attendance|visit))?)"
    r"(?: ?[/&] ?[\w -]{1,20}?)?\s*:",
    FLAGS,
)


@dataclass
class _Found:
    value: date
    line: Line
    escape: bool = False  # its sentence tells the water getting out or in, not only the weather
    weak: bool = False  # an arrival told only as a call-out: any other arrival told comes first
    insurers: bool = False  # a visit by the insurer's person: a visit of ours before it comes first

    def fact(self) -> DateFact:
        return DateFact(value=self.value, source=self.line.span())


class JobDates:
    """The date of loss and the first visit, each from a label, else from what the prose says."""

    def __init__(self, dates: Dates, visits: Visits, about_loss: Callable[[str], bool]) -> None:
        self._dates = dates
        self._visits = visits
        self._about_loss = about_loss  # the job topic knows what a sentence about the loss looks like

    def read(self, lines: Sequence[Line]) -> tuple[DateFact | None, DateFact | None]:
        loss_labelled: _Found | None = None
        relabelled: list[_Found] = []  # every labelled loss: a later one may correct the first
        came_to_light: list[_Found] = []  # "Found: 11/08", "Reported: 15/10": the claim's date, last
        inspection_labelled: _Found | None = None
        labelled_first = False  # the inspection label says it was the first visit
        arrivals: list[_Found] = []  # each told arrival, in order: an early one may predate the loss
        loss_told: list[_Found] = []
        stated: _Found | None = None  # the writer's verdict: "So DOL is Sunday 15/11, not 16/11"
        discovered: list[_Found] = []
        loss_related: list[_Found] = []
        relative: Line | None = None
        long_term = False
        anchor: date | None = None
        written = WrittenDays()  # the day each line was written on: its "this morning"
        context = DayContext()
        guesses = Hypotheses()
        call_out = CallOutDay(self._about_loss, LEAK_WORD, THIRD_PARTY)
        lead = ""  # the line before, which this one may go on from
        insurers_notes = insurers_file(lines)  # the writer is the insurer's side: their visits are theirs
        made_safe: _Found | None = None  # our make-safe visit, told as a field of its own
        reported: set[date] = set()  # the days the prose says the loss was rung in or reported
        for line in lines:
            if not line.text:
                call_out.read(line, [])
                lead = ""
                continue
            found = [match for match in self._dates.find_with_weekdays(line.text, anchor) if match.value]
            found = told_days(self._dates, line.text, found, anchor, written.sent)
            found = with_hour(line, with_today(line, found, written.read(line, found)), written.entry)
            call_out.read(line, found)
            events = context.events(line.text, found)
            if (labelled := self._labelled(line, found, anchor)) is not None:
                loss_labelled = loss_labelled or labelled
                relabelled.append(labelled)
            else:
                reported.update(reported_days(line.text, found))
            if (day := stated_loss(line.text, found, lead)) is not None:
                stated = _Found(day, line)
            lead = line.text  # (a blank line between ends it: above)
            if (
                not came_to_light
                and (
                    day := labelled_date(DISCOVERY_LABEL, line, found, self._dates, anchor, third_party=False)
                )
                and self._told_coming_to_light(line.text)
            ):
                came_to_light.append(_Found(day, line))
            if inspection_labelled is None and (
                # ("Sat Nov 21 (first visit, 10 a.m.)": the bracket names the date before it)
                # (notes that write no year: "att 24/11 0940" is read near the day they arrived)
                day := labelled_date(
                    INSPECTION_LABEL,
                    line,
                    found,
                    self._dates,
                    anchor or self._dates.yearless_anchor,
                    first_named=True,
                )
                or first_visit_labelled(line, found, self._dates, anchor)
            ):
                inspection_labelled = _Found(day, line, insurers=insurers_visit(line.text, found, day))
                labelled_first = first_visit_labelled(line, found, self._dates, anchor) == day
            elif (
                inspection_labelled is not None
                and not labelled_first
                and (day := first_visit_labelled(line, found, self._dates, anchor))
                and day < inspection_labelled.value
            ):
                # ("Site visit: 11/20/2026" heads a consultant's report; "Mitigation vendor: Dry Co
                # (first on site 11/18/2026)" further down dates the job's first visit)
                inspection_labelled, labelled_first = _Found(day, line), True
            if (
                made_safe is None
                and found
                and found[0].value
                and (field := _MAKE_SAFE_FIELD.match(line.text)) is not None
                and not THIRD_PARTY.search(line.text, field.end())
            ):
                made_safe = _Found(found[0].value, line)
            if len(arrivals) < _ARRIVALS_KEPT and (arrival := told_arrival(line, found, context, events)):
                arrivals.append(
                    _Found(
                        arrival[0],
                        line,
                        weak=arrival[1],
                        insurers=insurers_visit(line.text, found, arrival[0]),
                    )
                )
            # (a guessed source's days date no loss: "Could be: ... 3) the roof - that storm on the 19th")
            if not guesses.read(line):
                days = set_aside(line.text, found)  # ("Oct 2 - not relevant to the date")
                loss_told.extend(self._loss_sentences(line, days))
                loss_told.extend(_Found(day, line, escape=True) for day in metered_start(line.text, days))
                discovered.extend(self._discoveries(line, days))
                loss_related.extend(self._related_loss(line, days, context, events))
            long_term = long_term or onset_open(line.text)
            if relative is None and _BEFORE_WE_ATTENDED.search(line.text):
                relative = line
            # (a yearless day only its label reads, "att 24/11 0940", dates the lines after it too)
            labelled_days = [
                told.value
                for told in (inspection_labelled, labelled)
                if told is not None and told.line is line
            ]
            anchor = next_anchor(anchor, [*(match.value for match in found if match.value), *labelled_days])
            context.advance(events)
        call_out.close()
        # A claim dates the loss by its discovery when nothing says when the water got out.
        called_out = [_Found(value, line) for value, line in call_out.found]
        # ("the big snowstorm on January 24th ... On Tuesday the 3rd my son said his ceiling was
        # dripping": the day the water got in, before the day of the weather that led to it)
        loss_told.sort(key=lambda found: not found.escape)
        told = [] if long_term else [*loss_told, *loss_related, *called_out, *discovered, *came_to_light]
        if came_to_light:
            # ("Loss found: Sat 14/11" in the header: the water got out no later than it was found)
            told = [found for found in told if found.value <= came_to_light[0].value]
        if loss_labelled is not None and _booked_over(loss_labelled, [*loss_told, *loss_related], lines):
            # (the booking's own line tells no loss either: "Loss: stormwater under the door, DOL
            # Sat 14/11" in the office's intake, the writer's "started Friday afternoon" after it)
            booked = loss_labelled.line.number
            told = [found for found in told if found.line.number != booked]
            loss_labelled = None
        # No visit for this loss comes before it: "we had the roof inspected on 11/14/2024" is not
        # the inspection of a leak that began on 02/09/2025.
        losses = [found.value for found in (stated, loss_labelled, *told) if found is not None]
        earliest_loss = min(losses) if losses else None
        arrivals.sort(key=lambda found: found.weak)
        visits = [found for found in (inspection_labelled, *arrivals) if found is not None]
        if insurers_notes:
            # ("Date of our inspection: 18/11" in a loss adjuster's report: the adjuster's visit; the
            # contractor who "attended on the morning of 15/11" came first)
            for visit in visits:
                visit.insurers = visit.insurers or not vendors_visit(visit.line.text)
        # (a form's own "Inspected: 03/10" stands even before a wrong loss date: QA says they conflict)
        kept = [v for v in visits if not earliest_loss or v.value >= earliest_loss or is_form_field(v.line)]
        inspection = kept[0] if kept else None
        if (
            made_safe is not None
            and not insurers_notes
            and (inspection is None or made_safe.value < inspection.value)
            and (earliest_loss is None or made_safe.value >= earliest_loss)
        ):
            inspection = made_safe  # ("Board-up: our crew, Sat 21/11" before "Inspection: Mon 23/11")
        if inspection is not None and inspection.insurers:
            # ("Adjuster (G. Power) attended March 9" after "our crew was on site the same night")
            ours = [visit for visit in kept if not visit.insurers and visit.value < inspection.value]
            inspection = min(ours, key=lambda visit: visit.value) if ours else inspection
        inspection_fact = inspection.fact() if inspection else self._visits.first_visit(lines, self._dates)
        if inspection is None and inspection_fact and earliest_loss and inspection_fact.value < earliest_loss:
            inspection_fact = None  # a dated visit line before the loss is some other visit
        first_visit = inspection_fact.value if inspection_fact else None
        if stated is not None:
            return stated.fact(), inspection_fact
        return self._loss(loss_labelled, told, relative, first_visit, relabelled, reported), inspection_fact

    @staticmethod
    def _loss(
        labelled: _Found | None,
        told: list[_Found],
        relative: Line | None,
        first_visit: date | None,
        relabelled: list[_Found],
        reported: set[date],
    ) -> DateFact | None:
        # A labelled loss after the first visit contradicts it: a loss the prose dates before the
        # visit is taken instead; with none, the label stands as written and QA says it conflicts.
        candidates = [labelled] if labelled else []
        candidates.extend(told)
        if (
            labelled is not None
            and (labelled.value == first_visit or labelled.value in reported)
            and is_loss_field(labelled.line)
        ):
            # A labelled loss on the day of our first visit, or on the day the prose says the loss
            # was rung in ("rang the agent on 10/11, which is the date the job came in"), where the
            # prose tells the water getting out or found days before: the label is the job's open
            # date, the prose the loss.
            # (or a later label corrects it: "DOL: 11/14" in a dispatch header, then "DOL: she says
            # it happened Friday night (11/13). 11/14 is when they called")
            earlier = [found for found in (*told, *relabelled) if found.value < labelled.value]
            if earlier:
                return min(earlier, key=lambda found: found.value).fact()
        for candidate in candidates:
            if first_visit is None or candidate.value <= first_visit:
                return candidate.fact()
        if labelled is not None:
            return labelled.fact()
        if relative is not None and first_visit is not None and not candidates:
            return DateFact(value=first_visit - _DAY, source=relative.span())
        return None

    def _told_coming_to_light(self, text: str) -> bool:
        """ "Found: 11/08/2026" dates the finding; "Reported: 19/08/2026." only the report, unless its
        sentence tells the water found or getting out ("Reported: cleaner found water at 6.10am")."""
        label = DISCOVERY_LABEL.search(text)
        if label is None:
            return False
        if _FOUND_LABEL.search(label.group(0)):
            return True
        sentence = text[label.end() : Sentences(text).bounds(label.end())[1]]
        return bool(
            DISCOVERY.search(sentence)
            or ESCAPE.search(sentence)
            or _BACKED_UP.search(sentence)
            or self._about_loss(sentence)
        )

    def _labelled(self, line: Line, found: list[DateMatch], anchor: date | None) -> _Found | None:
        anchor = anchor or self._dates.yearless_anchor
        day = (
            named_loss_day(line, found)
            or labelled_date(LOSS_DATE_LABEL, line, found, self._dates, anchor, third_party=False)
            or told_after_label(line.text, found)
        )
        return _Found(day, line) if day else None

    def _related_loss(
        self, line: Line, found: list[DateMatch], context: DayContext, events: list[DayEvent]
    ) -> list[_Found]:
        """A loss told against the day of the call: the faucet fitted "the night before", a tank
        that let go "some time after midnight" on the morning the customer rang."""
        text = line.text
        sentences = Sentences(text)
        out = []
        for pattern in (_NIGHT_BEFORE, _SMALL_HOURS):
            for match in itertools.islice(pattern.finditer(text), RELATIVE_TRIES):
                start, end = around(sentences, match.start(), match.end())
                sentence_end = sentences.bounds(match.start())[1]
                following = text[sentence_end : sentence_end + 2 * WINDOW]
                night_before = pattern is _NIGHT_BEFORE
                if (
                    not (self._about_loss(text[start:end]) or night_before)
                    or (
                        night_before
                        and not (LEAK_WORD.search(text, start, end) or LEAK_WORD.search(following))
                    )
                    or (night_before and DISCOVERY.search(text, start, end))
                    # ("a shower at nine the night before and everything was normal": the last time
                    # it was seen fine, not the loss)
                    or (night_before and _SEEN_FINE.search(text, start, end))
                    or OPEN_ENDED.search(text, start, end)
                    or OPEN_ENDED.search(following)
                    or _CALL_WORD.search(text, start, end)
                    # (a trade named in a later clause came after it: "had split sometime after
                    # midnight, and by the time the plumber isolated it at 6.30 ...")
                    or THIRD_PARTY.search(text, start, _clause_after(text, match.end(), end))
                    or any(
                        is_our_arrival(text, cue, start, end) for cue in ARRIVAL.finditer(text, start, end)
                    )
                ):
                    continue
                value = related_day(night_before, match, found, context, events)
                if value is not None:
                    out.append(_Found(value, line))
        return out

    def _about_loss_near(self, text: str, sentences: Sentences, start: int, end: int, at: int) -> bool:
        """Whether the date's sentence (near the date) or the start of the next one is about the loss.

        "Saturday night, 1/17, the heat tape quit. The line froze and split.": the sentence after may
        say what the dated one was about. Both are read only near the date, to stay linear.
        """
        if self._about_loss(text[start:end]):
            return True
        sentence_end = sentences.bounds(at)[1]
        if sentence_end - at > 2 * WINDOW:
            # ("On Wednesday 14 October, a bit after 7 pm in the middle of that long downpour, the
            # council drain at the top of the drive backed up and ...": a long sentence's water
            # words come late; read it on to a bounded reach past the date)
            return self._about_loss(text[start : at + 2 * WINDOW])
        # ("Sunday Nov 22, 2026, during that big storm, the city main surcharged and our floor drain
        # started pushing up brown water.": the water word may come late in the dated sentence)
        return self._about_loss(text[start:sentence_end]) or self._about_loss(
            text[sentence_end : sentence_end + 2 * WINDOW]
        )

    def _discoveries(self, line: Line, found: list[DateMatch]) -> list[_Found]:
        """ "On Monday night (9 November) I noticed the vanity was swollen": the day the damage was
        found, unless whoever found it had been away (then the loss could be any day before)."""
        text = line.text
        if (
            not found
            or (self._visits.is_visit_line(text) and not opens_story(text))
            or DISCOVERY.search(text) is None
        ):
            return []
        sentences = Sentences(text)
        out = []
        for known in found:
            start, end = sentences.bounds(known.start)
            sentence_end = sentences.bounds(known.start)[1]
            following = text[sentence_end : sentence_end + WINDOW]
            # ("Noticed Sat 12/09 as warm water on the tiles; plumber isolated it that night": who
            # came next, in the next clause, did not find it)
            after = _DISCOVERY_CLAUSE_END.search(text, known.end, end)
            clause_end = after.start() if after else end
            if known.value is not None and seen_until(text, sentences, known):
                # ("nobody saw water until guests reported a wet floor on Monday 23/11": the first
                # day it was seen, whoever saw it and told of it)
                out.append(_Found(known.value, line))
                continue
            if (
                known.value is None
                # ("nobody saw water until Saturday": the finding is another day's)
                or all(denied(text, seen) for seen in DISCOVERY.finditer(text, start, end))
                or not (
                    self._about_loss(text[start:end])
                    or LEAK_WORD.search(text, start, end)
                    # ("The hose split at the tap. Owners out all day, found it 5:40pm (Thu 12/03).":
                    # "it" is the loss the sentence before told)
                    or (
                        _FOUND_IT.search(text, start, end)
                        and LEAK_WORD.search(text, max(0, start - WINDOW), start)
                    )
                )
                or (AWAY.search(text, start, end) and not home_same_day(text, start, end))
                or seen_fine_then(text, known)
                or OPEN_ENDED.search(text, start, end)
                or OPEN_ENDED.search(following)
                or any(
                    not dated_elsewhere(call.end(), found, known)
                    for call in _CALL_WORD.finditer(text, start, clause_end)
                )
                or THIRD_PARTY.search(text, start, clause_end)
                or INSPECTION_LABEL.search(text, start, end)
            ):
                continue
            out.append(_Found(known.value, line))
        return out

    def _loss_sentences(self, line: Line, found: list[DateMatch]) -> list[_Found]:
        """Dates in sentences about the loss itself, not a visit, a call or a tradesman's work."""
        # ("After flood cut 11/9 - new points on the plates": a flood cut is drying work, no flood;
        # blanked in place so every offset still points into the line)
        text = _FLOOD_CUT.sub(lambda cut: " " * len(cut.group()), line.text)
        if not found:
            return []
        sentences = Sentences(text)
        # (a visit line's first sentence is the visit; a paragraph may go on to tell the loss)
        # (not a story's: "Monday 9 November, about half six, I was making tea and heard dripping")
        visit_end = (
            sentences.bounds(0)[1] if self._visits.is_visit_line(text) and not opens_story(text) else -1
        )
        out = []
        for known in found:
            if known.start < visit_end:
                continue
            start, end = around(sentences, known.start, known.end)
            near_start, near_end = max(start, known.start - _EVENT_REACH), min(end, known.end + _EVENT_REACH)
            clause_end = _CLAUSE_END.search(text, known.end, near_end)
            near_end = clause_end.start() if clause_end else near_end
            if (
                known.value is None
                or not self._about_loss_near(text, sentences, start, end, known.start)
                or other_event(text, near_start, known, near_end, start, found)
                or column_heading(text, found, known)
                # ("kitchen floor dry at 22:00 on the 19th, water found 06:45 on the 20th": the day
                # it was last seen fine, in the date's own sentence: "caught fire at close on Fri
                # 27/11. Chef put it out with the dry powder" is no state of the 27th)
                or seen_fine_then(text[:end], known)
                or THIRD_PARTY.search(text, start, known.start)
                or any(
                    is_our_arrival(text, cue, start, end)
                    for cue in ARRIVAL.finditer(text, near_start, near_end)
                )
                or INSPECTION_LABEL.search(text, near_start, near_end)
                or visit_in_bracket(text, known)
                or arrival_day(text, found, known, start)
                or (ANNOUNCEMENT.search(text, start, end) and not ESCAPE.search(text, start, end))
                or found_late(text, sentences, start, known)
                or overnight_start(text, found, known)
                or guessed_before_seen(text, sentences, found, known)
            ):
                continue
            # (the sentence after may tell it: "... on Monday night (20/07). The hose split")
            # (but not past the next date: "... snowstorm on January 24th ... On the 3rd it dripped")
            reach = min([len(text), end + 2 * WINDOW, *(m.start for m in found if m.start >= end)])
            # (or its sound: "heard a bang around 11pm" on the night before the water was found)
            escape = ESCAPE.search(text, start, max(end, reach)) is not None or bool(
                ESCAPE_SOUND.search(text, start, end)
            )
            out.append(_Found(known.value, line, escape=escape))
        return out


_DISCOVERY_CLAUSE_END = re.compile(r";")


# Where the clause after a small-hours time ends: a comma or semicolon that opens another clause.
_NEXT_CLAUSE = re.compile(r"[;,] (?:and |but |then |so |by the time )?")


_FLOOD_CUT = re.compile(r"\bflood[- ]?cut(?:s|ting)?\b", re.IGNORECASE)


def _clause_after(text: str, at: int, end: int) -> int:
    """The end of the clause a word at `at` stands in (at most the sentence's end)."""
    cut = _NEXT_CLAUSE.search(text, at, end)
    return cut.start() if cut else end


def _booked_over(labelled: _Found, own: Sequence[_Found], lines: Sequence[Line]) -> bool:
    """Whether a loss date is the booking's (a header filled in from the call) and the writer's own
    account tells the loss on another day ("heard a bang at 7 this morning (Tuesday 11/3)" under a
    dispatch "Date of loss: 11/02"): the writer's day stands."""
    second_hand = second_hand_lines(lines)
    if labelled.line.number not in second_hand:
        return False
    return any(found.line.number not in second_hand and found.value != labelled.value for found in own)
