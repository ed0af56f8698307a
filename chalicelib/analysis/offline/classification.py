"""S500 water category and class, and the S520 mould condition, each with its evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from chalicelib.analysis.findings import (
    Classification,
    DamageType,
    SourceSpan,
    StandardRef,
)
from chalicelib.analysis.offline.areas import (
    AreaDraft,
)
from chalicelib.analysis.offline.class_evidence import class_from_evidence
from chalicelib.analysis.offline.class_shares import class_at, share_of, share_text
from chalicelib.analysis.offline.dispatch_blocks import first_hand_text, reported_clauses, second_hand_lines
from chalicelib.analysis.offline.grade_refutations import rejected_grades, without_others_views
from chalicelib.analysis.offline.mould_words import MOULD_GROWTH, NORMAL_ECOLOGY, SETTLED_SPORES
from chalicelib.analysis.offline.relayed_grades import relayed_quotes
from chalicelib.analysis.offline.standing_water import FOUND_CLEAN, standing_hours
from chalicelib.analysis.offline.text import (
    FLAGS,
    MAIL_HEADER,
    Line,
    Sentences,
    dedupe_spans,
    evidence_matches,
    first_found,
    fmt,
    has_evidence,
    is_negated,
    truncate,
)
from chalicelib.analysis.offline.water_sources import QUOTED, classify_water_source, guessed_lines
from chalicelib.analysis.standards import Standards, SurfaceShare

# --- S500 category, class; S520 condition --------------------------------------------------------

_STATED_CATEGORY = re.compile(
    r"\bcat(?:egory)?\.?(?: of (?:water|loss))? ?[:#=\-]? ?(?P<n>[1-3]|iii|ii|i)\b(?! ?(?:x|\u00d7))", FLAGS
)


# A grade field the writer leaves open: "Category: cannot say until the source is found", "Class:
# unknown yet - ...". The grades it goes on to name are what the water would be if, not what it is.
_UNDETERMINED = re.compile(
    r"^\W*(?:water )?(?:cat(?:egory)?|class)\s*[:=\-\u2013]\s*"
    r"(?:(?:we |I )?(?:cannot|can't|can not|unable to)"
    r" (?:say|tell|determine|confirm|be (?:determined|confirmed))"
    r"|unknown|undetermined|not (?:yet )?known"
    r"|tbc|to be (?:confirmed|determined))\b",
    FLAGS,
)


_STATED_CLASS = re.compile(
    # ("Cl 1 - small area", "Cls. 2": a field note's short forms of the word)
    r"\b(?:class|cls?\.?(?= ?[:#=\-]? ?[1-4]\b))(?: of (?:water|loss))? ?[:#=\-]? ?(?P<n>[1-4]|iv|iii|ii|i)\b"
    r"(?! ?(?:x|\u00d7|fire))",
    FLAGS,
)


_STATED_CONDITION = re.compile(r"\b(?:s520 )?cond(?:ition)?\.? ?(?P<n>[1-3])\b", FLAGS)


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


_JUSTIFYING_CUE = re.compile(
    r"\b(?:due to|because|as|from|source|since|per)\b| [-\u2013\u2014(] ?[a-z]"
    # "Fresh potable water, no waste ...: Category 1": the water's quality is the reason given
    r"|\b(?:potable|clean|fresh|mains|grey|gray|black|sewage|contaminat\w*|waste|faec\w*|fec(?:es|al)"
    r"|unsanitary|sanitary)\b"
    # "Category 2: the water had been sitting in the cooler sump all season": a sentence after it
    r"|\b(?:cat(?:egory)?|class) ?\d\b ?: ?(?-i:[a-z])[a-z']+(?: [a-z'\d]+){2,}"
    # "Roof water that ran across a dusty roof space and through old insulation: Category 2": the
    # water told, what it is and where it went, before the grade
    r"|\b(?:water|rain|overflow|runoff|run-off|sewage)\b(?: [\w'\-]+){3,30} ?: ?cat(?:egory)? ?\d\b",
    FLAGS,
)


_RAINWATER = re.compile(r"\b(?:roof leak|rain ?water|rain|storm|gutter|downpipe|skylight|flashing)\b", FLAGS)


# --- S500 category -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Graded:
    """A graded value and the line it was read from."""

    value: int
    reason: str
    span: SourceSpan


# How a grade the rules only took from the notes is justified (QA's cross-check knows it by this).
STATED_PREFIX = "Stated in the notes"


def _stated_grade(
    lines: Sequence[Line],
    pattern: re.Pattern[str],
    *,
    worst: bool = False,
    rejected: frozenset[int] = frozenset(),
    relayed: bool = False,
) -> _Graded | None:
    """The grade the notes state; the last one written, since notes revise ("recorded Class 2 ...
    revised to Class 4") and quote others before correcting them ("the insurer's Cat 2 ... Cat 3"),
    unless the notes reject it ("I do not agree"). With `relayed`, a grade the writer only quotes
    from the technician who graded the job ('Rob said it was "Category 1, clean water"') is the
    stated one when the writer states none of their own."""
    stated: _Graded | None = None
    passed_on: _Graded | None = None
    for index, line in enumerate(lines):
        if _UNDETERMINED.match(line.text):
            continue  # "Category: cannot say yet - mains would be Cat 1": a grade only supposed
        quoted = [(m.start(), m.end()) for m in QUOTED.finditer(line.text)]
        called = list(_called(pattern, line.text))
        # ("CLASS 1 - booking sheet says Cl 2, not on what I found": the booking's grade, reported
        # beside the writer's own, is not the last word on the line)
        reported = reported_clauses(line.text)
        own = [m for m in called if not any(start <= m.start() < end for start, end in reported)]
        firm = relayed_quotes(line.text) if relayed and quoted else []
        for match in own or called:
            if _SUPPOSED.search(line.text, _clause_start(line.text, match.start()), match.start()):
                continue  # "monitoring; if it turns it's Cat 2": what it would become, not what it is
            written = match.group("n").lower()
            value = _ROMAN.get(written) or int(written)
            if _OTHERS_OPINION.search(line.text, max(0, match.start() - 80), match.start()) and any(
                other != value for other in _values(lines, pattern)
            ):
                continue  # "the old hands reckoned it should be Class 4": theirs, beside the writer's own
            if any(start < match.start() < end for start, end in quoted):
                # 'describes the loss as "Class 3"': someone else's words, reported; the grading
                # technician's, relayed by an owner who grades nothing, are the firm's call
                if value not in rejected and any(start < match.start() < end for start, end in firm):
                    passed_on = _Graded(
                        value=value, reason=_with_reason_above(lines, index, match), span=line.span()
                    )
                continue
            if value in rejected and any(value not in rejected for value in _values(lines, pattern)):
                continue
            if not worst or stated is None or value > stated.value:
                graded = _Graded(
                    value=value, reason=_with_reason_above(lines, index, match), span=line.span()
                )
                # A later repeat ("bagged as Cat 3 debris") keeps the line that said why ("through
                # soot and ash on its way down - Category 3").
                if stated is None or stated.value != value or not _justified(stated):
                    stated = graded
    return stated or passed_on


# A grade the clause only supposes: "if it turns it's Cat 2", "should it smell, Cat 2", "unless the
# trap was blocked (then Cat 2)", "would go Class 3 if the ceiling is wet".
_SUPPOSED = re.compile(
    r"\b(?:if|unless|should (?:it|the \w+)|in case|otherwise"
    r"|(?:would|could|might|may) (?:be|become|go|turn))\b",
    FLAGS,
)
# Someone else's opinion of the grade, not the writer's call: "a couple of the old hands reckoned it
# should be Class 4", "the owner thought it was Cat 1" (the writer's own "I think" is a call).
_OTHERS_OPINION = re.compile(
    r"(?<!\bI )(?<!\bwe )\b(?:reckon(?:s|ed)?|thought|thinks|suggested|suggests|argued|insisted|claimed|felt)"
    r"(?: (?:it|this|that|the job))?(?: (?:should|would|was|is|must|ought to))?(?: (?:be|have been|go|rate))?"
    r"(?: (?:a|an|as))?[\s\"'“]*$",
    FLAGS,
)
_CLAUSE_MARK = re.compile(r"[.;!?(]\s|[.;!?]$| [-\u2013\u2014] ")


def _clause_start(text: str, at: int) -> int:
    """Where the clause that holds `at` starts (bounded: at most a sentence's worth back)."""
    window = max(0, at - 120)
    marks = [mark.end() for mark in _CLAUSE_MARK.finditer(text, window, at)]
    return marks[-1] if marks else window


def _with_reason_above(lines: Sequence[Line], index: int, match: re.Match[str]) -> str:
    """A grade written alone on the line under the sentence that says why ("- no - tank water w/ fish
    waste, sat ~11 hrs on carpet." / "  CAT 2."): that sentence is its reason."""
    text = lines[index].text
    alone = not text[: match.start()].strip(" -*\u2022") and not text[match.end() :].strip(" .;:!")
    if not alone:
        return _sentence_of_grade(text, match)
    if index == 0 or not lines[index - 1].text:
        return text
    return f"{lines[index - 1].text} {text}"


# A line longer than this is a paragraph: its opening is not the grade's reason.
_PARAGRAPH = 160


def _sentence_of_grade(text: str, match: re.Match[str]) -> str:
    """The sentence that states the grade, not the paragraph it sits in: a job story's one-line
    paragraph opens with the phone call ("We got the call at 10:05 ...") and says "It's pumped wash
    water with detergent. We called it Category 2." at its end; quoting its opening tells the
    insurer nothing. A grade sentence that gives no reason of its own ("We called it Category 2.")
    keeps the sentence before it, which does; when neither says why, the paragraph is quoted as
    before."""
    if len(text) <= _PARAGRAPH:
        return text
    sentences = Sentences(text)
    start, end = sentences.bounds(match.start())
    own = text[start:end].strip()
    if _JUSTIFYING_CUE.search(own):
        return own
    if start:
        previous_start, _ = sentences.bounds(start - 1)
        with_previous = text[previous_start:end].strip()
        if _JUSTIFYING_CUE.search(with_previous):
            return with_previous
    return text


def _called(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The grades a line calls, not negated ones ("not Category 1"). A grade after a colon or an
    equals sign is the call whatever came before it ("Not clean water: Category 2", "water from a
    tap that never went through the machine = Category 1")."""
    for match in pattern.finditer(text):
        called = text[: match.start()].rstrip().endswith((":", "="))
        if called or not is_negated(text, match.start(), match.end()):
            yield match


def _values(lines: Sequence[Line], pattern: re.Pattern[str]) -> list[int]:
    written = (match.group("n").lower() for line in lines for match in _called(pattern, line.text))
    return [_ROMAN.get(value) or int(value) for value in written]


def _source_grades(
    lines: Sequence[Line], rejected: frozenset[int] = frozenset(), others_aside: bool = False
) -> list[_Graded]:
    """The grades the sources the lines name give; with `others_aside` (the writer states a grade
    of their own), someone else's view of the water ("my neighbor says this is gray water") is
    no evidence."""
    grades: list[_Graded] = []
    headers: list[_Graded] = []
    second_hand = second_hand_lines(lines)
    guessed = guessed_lines(lines)
    for line in lines:
        if line.number in guessed or _UNDETERMINED.match(line.text):
            continue  # "Could be: 1) the roof cooler; 2) a supply line in the wall": no source named
        # 'Tenant reckons "just clean water"': quoted words are someone else's, not evidence
        text = QUOTED.sub(" ", line.text)
        if others_aside:
            text = without_others_views(text)
        # ("the sewage wording in the header came from the call center": the booking's word, reported)
        own = text if line.number in second_hand else first_hand_text(text)
        for part, is_own in ((own, True), (text, False)):
            found = classify_water_source(part)
            if found is None or found[0] in rejected:
                continue
            graded = _Graded(value=found[0], reason=found[1], span=line.span())
            # ("Subject: Claim 123 - washer flood", then "it was the supply hose": the body names it;
            # "Loss type: SEWAGE BACKUP" in a header filled in from the call, then "clear supply water")
            first_hand = is_own and not MAIL_HEADER.match(line.text) and line.number not in second_hand
            (grades if first_hand else headers).append(graded)
            break
    return grades or headers


def _booked(lines: Sequence[Line], graded: _Graded | None) -> bool:
    """Whether a stated grade is the booking's, not the writer's: read from a block filled in from
    the call before anyone was on site ("[auto-filled from dispatch call]")."""
    return graded is not None and graded.span.line in second_hand_lines(lines)


@dataclass
class _Explained:
    """The reasons, evidence and notes a classification is being built with."""

    reasons: list[str]
    evidence: list[SourceSpan]
    notes: list[str]


def _merge_stated(
    label: str, stated: _Graded | None, derived: _Graded | None, explained: _Explained, fallback: list[str]
) -> int:
    """The grade judged from the evidence is the value; what the notes state is kept beside it
    (`Classification.stated`), and a difference is said out loud. With no evidence to judge from,
    the stated grade stands."""
    if stated is None:
        return derived.value if derived is not None else 0
    explained.evidence.insert(0, stated.span)
    if derived is None:
        explained.reasons[:] = fallback
        return stated.value
    if derived.value != stated.value:
        explained.reasons.append(
            f"The notes state {label} {stated.value} (line {stated.span.line}); the evidence gives"
            f" {label} {derived.value}."
        )
        explained.notes.append(
            f"The notes state {label} {stated.value}; the evidence gives {label} {derived.value}."
        )
    else:
        explained.reasons.append(f"The notes state the same (line {stated.span.line}).")
    return derived.value


def _graded(
    value: int, stated: _Graded | None, reasons: list[str], evidence: list[SourceSpan], standard: StandardRef
) -> Classification:
    """The judged grade with its reasons and lines, and the stated one kept beside it."""
    return Classification(
        value=value,
        stated=stated.value if stated else None,
        stated_source=stated.span if stated else None,
        justification=" ".join(reasons),
        evidence=dedupe_spans(evidence),
        standard=standard,
    )


def _stated_reasons(stated: _Graded | None) -> list[str]:
    if stated is None or not _justified(stated):
        return []
    return [f"{STATED_PREFIX}: \u201c{truncate(stated.reason, 160)}\u201d."]


def _justified(graded: _Graded) -> bool:
    """A stated grade with its own reason on the line ("Cat 2 - grey water"), not a bare "Cat 2"."""
    return _JUSTIFYING_CUE.search(graded.reason) is not None


# What water stood in, or passed through, on its way: time, odour, soot, debris.
_WORSENED = re.compile(
    # ("it sat on the poly in a warm crawlspace for about 11 days and smells stale. Category 2.")
    r"\b(?:deteriorat\w*|degraded|stood|stagnant|musty|odou?r|stale|sour|foul|smells? (?:bad|off|stale|sour)"
    r"|sat (?:for|there|on|in|under)|left (?:standing|sitting)"
    r"|soot|char|charred|ash|extinguisher"
    r"|contaminat\w*|picked up|passed through|came through)\b",
    FLAGS,
)


def _worsened(lines: Sequence[Line], value: int) -> _Graded | None:
    """A line stating the higher category with what made it so ("it had stood six days ... we have
    treated it as Category 2", "came through char, soot and extinguisher powder: Category 3")."""
    for line in lines:
        for match in evidence_matches(_STATED_CATEGORY, line.text):
            written = match.group("n").lower()
            if (_ROMAN.get(written) or int(written)) == value and _WORSENED.search(line.text):
                return _Graded(value=value, reason=line.text, span=line.span())
    return None


def _checked_clean(stated: _Graded | None, standing: SourceSpan) -> bool:
    """Whether the writer states Category 1 and found the standing water clean on the same line."""
    if stated is None or stated.value != 1:
        return False
    return any(FOUND_CLEAN.search(text) for text in {stated.span.text, standing.text, stated.reason})


def detect_category(
    lines: Sequence[Line], cause_line: int | None, standards: Standards
) -> tuple[Classification | None, list[str]]:
    rejected = rejected_grades(lines, "category")
    stated = _stated_grade(lines, _STATED_CATEGORY, rejected=rejected, relayed=True)
    # The cause-of-loss line is the first evidence an adjuster looks for.
    sources = sorted(
        _source_grades(lines, rejected, others_aside=stated is not None),
        key=lambda grade: grade.span.line != cause_line,
    )
    booked_lines = second_hand_lines(lines)
    if stated is not None and stated.span.line not in booked_lines:
        # ("Cause: washing machine overflow - Cat 2" in the office's block from the call, then the
        # technician's "Clean - Category 1": the booking's source is no evidence against the
        # writer's own grade, whether or not the writer names a source of their own: "It's the
        # cold inlet hose on the washer, not the drain hose. Supply water, Cat 1.")
        sources = [grade for grade in sources if grade.span.line not in booked_lines]
    notes: list[str] = []
    derived = max(sources, key=lambda grade: grade.value) if sources else None
    evidence = [grade.span for grade in sources if derived and grade.value == derived.value][:3]
    reasons = []
    if derived is not None:
        reasons.append(
            f"Source: {derived.reason} (line {derived.span.line}) is Category {derived.value}"
            f" per {standards.cite('water_category')}."
        )
        standing = standing_hours(lines)
        if (
            derived.value == 1
            and standing
            and standing[0] >= standards.category.standing_hours_cat1_to_cat2
            and not _checked_clean(stated, standing[1])
        ):
            derived = replace(derived, value=2)
            evidence.append(standing[1])
            reasons.append(
                f"Clean water stood about {fmt(standing[0])} h (line {standing[1].line}), over the"
                f" {fmt(standards.category.standing_hours_cat1_to_cat2)} h after which S500 treats it as"
                " degraded: Category 2."
            )
    elif any(_RAINWATER.search(line.text) for line in lines):
        notes.append(
            "Rainwater or a roof leak: its category depends on what it picked up on the way in;"
            " the rules do not categorise it."
        )
    # (a worse grade the booking gave is not the writer's reason it worsened)
    second_hand = second_hand_lines(lines)
    own_lines = [line for line in lines if line.number not in second_hand]
    worse = stated is not None and derived is not None and stated.value > derived.value
    worsened = _worsened(own_lines, stated.value) if stated and worse else None
    if worsened is not None and derived is not None:
        # Clean at the source, worse where it was found: the notes say what it stood in or passed
        # through (S500: water deteriorates with time and with what it touches). The rules cannot
        # see that from the source; the writer's reason can.
        derived = _Graded(value=worsened.value, reason=worsened.reason, span=worsened.span)
        evidence.append(worsened.span)
        reasons.append(
            f"The notes say the water worsened before it was found (line {worsened.span.line}):"
            f" Category {worsened.value} per {standards.cite('water_category')}."
        )
    if stated is None and derived is None:
        return None, notes
    value = _merge_stated(
        "Category", stated, derived, _Explained(reasons, evidence, notes), _stated_reasons(stated)
    )
    return (
        _graded(value, stated, reasons, evidence, standards.ref("water_category")),
        notes,
    )


def states_water_grade(lines: Sequence[Line]) -> SourceSpan | None:
    """The line where the writer grades the water themselves (a Category or Class of their own, not
    quoted from someone else, not the booking's): the job is a water loss the writer is drying, even
    when mould turned up on the way ("light mould on the back of the skirting, bagged"). A mould
    assessment quotes the insurer's water grade ("describes the claim as \"Category 2\"") and grades
    no water of its own."""
    for pattern, kind in ((_STATED_CATEGORY, "category"), (_STATED_CLASS, "class")):
        stated = _stated_grade(lines, pattern, rejected=rejected_grades(lines, kind))
        if stated is not None and not _booked(lines, stated):
            return stated.span
    return None


# --- S500 class --------------------------------------------------------------------------------


# "carpet and pad soaked wall to wall - the whole room": an extent no Class 1 call survives.
_WHOLE_EXTENT = re.compile(
    r"\b(?:wall[- ]to[- ]wall|whole (?:room|floor|house|level)|entire (?:room|floor|house|level)"
    r"|throughout|all (?:of )?the (?:floor|carpet|rooms?)|every room"
    r"|most of the (?:room|floor|house|carpet))\b",
    FLAGS,
)


def detect_class(
    lines: Sequence[Line], drafts: Sequence[AreaDraft], standards: Standards, metric: bool = False
) -> tuple[Classification | None, list[str]]:
    """The class judged from the evidence beside the one stated; `metric`: the notes measure in
    metres, so a measured share is said in square metres."""
    stated = _stated_grade(lines, _STATED_CLASS, rejected=rejected_grades(lines, "class"), relayed=True)
    notes: list[str] = []
    rooms = ", ".join(area.room for area in drafts)
    share = share_of(drafts, standards)
    area_evidence = [span for area in drafts for span in (area.source, *area.evidence)]
    derived: _Graded | None = None
    reasons: list[str] = []
    evidence: list[SourceSpan] = []
    if share is not None and share.class_value(standards) is not None:
        value = share.class_value(standards) or 0
        derived = _Graded(
            value=value, reason=share_text(share, rooms, standards, metric), span=drafts[0].source
        )
        reasons, evidence = [derived.reason], area_evidence
    # A class the booking gave before anyone saw the job ("Loss type: ... Class 3" filled in from the
    # call) is no technician's call: what the writer describes decides over it.
    own = None if _booked(lines, stated) else stated
    cue = class_from_evidence(lines, drafts, own.value if own else None)
    if (
        cue is not None
        and own is not None
        and 4 not in (own.value, cue.value)
        and cue.value != own.value  # (words that agree with the call decide over a measured share)
        and (cue.value < own.value or not (cue.decisive or _WHOLE_EXTENT.search(cue.span.text)))
    ):
        # Words weigh less than the technician's own call between Classes 1-3 when they read lower
        # (the technician saw rooms the notes may not describe); the difference is said. Words that
        # read higher ("carpet and pad soaked wall to wall" under a stated Class 1) contradict the
        # call and decide, the stated class kept beside them. Class 4 is the exception both ways: it
        # needs bound water in dense materials.
        if cue.value != own.value:
            notes.append(
                f"The notes state Class {own.value}; what they describe ({cue.reason}, line"
                f" {cue.span.line}) reads as Class {cue.value}."
            )
        cue = None
    if cue is not None and (
        derived is None
        or cue.value == 4
        or (cue.value == 3 and derived.value < 3)
        or (stated is not None and cue.value == stated.value)
    ):
        # What the notes describe decides where no measured share does, and overrides one that
        # misses bound water or water from above.
        reason = (
            f"{cue.reason} (line {cue.span.line}): Class {cue.value} per {standards.cite('water_class')}."
        )
        derived = _Graded(value=cue.value, reason=reason, span=cue.span)
        reasons, evidence = [reason], [cue.span]
    if stated is None and derived is None:
        if drafts and share is None:
            notes.append("Water class not determined: a room's dimensions are not stated.")
        elif share is not None:
            notes.append("Water class not determined: " + share_text(share, rooms, standards, metric))
        return None, notes
    fallback = _stated_class_reasons(stated, share, rooms, standards, metric) if stated is not None else []
    if stated is not None and derived is None and share is not None:
        evidence += area_evidence
    value = _merge_stated("Class", stated, derived, _Explained(reasons, evidence, notes), fallback)
    return (
        _graded(value, stated, reasons, evidence, standards.ref("water_class")),
        notes,
    )


def _stated_class_reasons(
    stated: _Graded, share: SurfaceShare | None, rooms: str, standards: Standards, metric: bool
) -> list[str]:
    reasons = _stated_reasons(stated)
    if share is not None and share.total > 0 and stated.value <= 3:
        low = 1 if share.wet_low <= 0 else class_at(share.wet_low / share.total, standards)
        high = class_at(share.wet_high / share.total, standards)
        if low <= stated.value <= high:
            reasons.append(
                share_text(share, rooms, standards, metric) + f" Consistent with Class {stated.value}."
            )
    return reasons


# --- S520 mould condition ----------------------------------------------------------------------


def detect_condition(
    lines: Sequence[Line], damage_type: DamageType | None, standards: Standards
) -> Classification | None:
    derived: _Graded | None = None
    for value, pattern, reason in (
        (3, MOULD_GROWTH, "actual growth (Condition 3)"),
        (2, SETTLED_SPORES, "settled spores from a Condition 3 area (Condition 2)"),
        (1, NORMAL_ECOLOGY, "normal fungal ecology (Condition 1)"),
    ):
        line = first_found(line for line in lines if has_evidence(pattern, line.text))
        if line is not None:
            derived = _Graded(value=value, reason=f"{reason} (line {line.number})", span=line.span())
            break
    mould_named = damage_type is DamageType.MOULD or derived is not None
    # A mould report grades each area; the job's condition is the worst one it states.
    stated = _stated_grade(lines, _STATED_CONDITION, worst=True) if mould_named else None
    if stated is None and derived is None:
        return None
    if stated is not None and derived is not None and stated.value > derived.value:
        derived = None  # the inspector saw more than the words the rules know ("fuzzy growth")
    cite = standards.cite("mould_condition")
    reasons = [f"The notes show {derived.reason}, per {cite}."] if derived else []
    evidence = [derived.span] if derived else []
    value = _merge_stated(
        "Condition", stated, derived, _Explained(reasons, evidence, []), _stated_reasons(stated)
    )
    return _graded(min(value, 3), stated, reasons, evidence, standards.ref("mould_condition"))
