"""Lines and sentences of the notes, negation, and the small helpers every topic uses."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from chalicelib.analysis.findings import (
    SourceSpan,
)
from chalicelib.analysis.offline.form_marks import unmarked

_T = TypeVar("_T")


FLAGS = re.IGNORECASE | re.ASCII  # ASCII: \d must only match digits float() reads the same way


MAX_QUOTE = 300


# The one hedge vocabulary: words saying the writer guesses or supposes rather than saw. Each topic
# builds its own "hedged before" pattern from these, adding only what its context needs (a source
# hedge wants "could be", not a bare "could": "could see the supply line" names it).
GUESS_WORDS = r"might|maybe|possibly|perhaps|unsure|suspect\w*"
HEDGE_WORDS = rf"may|could|probably|{GUESS_WORDS}"
BELIEF_WORDS = r"thinks|thought|believed|believes"


# Control and invisible characters (and lone surrogates, which JSON cannot carry).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ud800-\udfff]"
)


_WHITESPACE = re.compile(r"\s+")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


_TYPOGRAPHIC_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2033": '"',
        "\u00b2": "2",  # m², ft² (NFKC leaves the superscript alone in some inputs)
        "\u00b0": "\u00b0",
    }
)


# A full stop after an abbreviation or an initial ("approx.", "Mrs K. Walsh") ends no sentence; one
# after a unit does ("about 5 x 4 m. The carpet ...").
# An e-mail's header lines ("Subject: Claim 123 - washer flood"): they name the loss in passing,
# so what the body says of it is read first.
MAIL_HEADER = re.compile(r"^(?:subject|re|fwd?|from|to|cc|date|sent)\s*:", re.IGNORECASE)


SENTENCE_END = re.compile(
    r"(?<!\bapprox)(?<!\best)(?<!\bno)(?<!\bvs)(?<!\bmr)(?<!\bmrs)(?<!\bdr)(?<!\bst)"
    r"(?<!\b(?-i:[A-Z]))(?<!\d in)(?<!\d ft)(?<!\b[ap]\.m)[.!?](?= |$)"
    # ("Ballarat Water Damage Co. attended 1 December": a firm's "Co." or "Ltd." with the sentence
    # going on in lower case is no sentence's end)
    r"(?!(?:(?<=\bco\.)|(?<=\bltd\.)|(?<=\binc\.)|(?<=\bpty\.)|(?<=\bcorp\.)) (?-i:[a-z]))"
    # "a 1-1/4 in. copper riser": a unit's point ends a sentence only before a capital
    # (and a clock's: "on site at 8:30 p.m. the same night" goes on)
    r"|(?<=\d in|\d ft)\.(?= (?-i:[A-Z])|$)|(?<=\b[ap]\.m)\.(?= (?-i:[A-Z])|$)",
    re.IGNORECASE,
)


_PLACEHOLDER = re.compile(
    r"^(?:(?:tbc|tbd|tba|unknown|unsure|not known|not sure|pending|n/?a|none|nil"
    r"|to be (?:confirmed|determined|advised)|under investigation|investigating)\b|[?.\-\s]*$)",
    FLAGS,
)


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


# A keyword right after these is an absence or a risk, not evidence ("no mould", "check for mould").
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|nil|nothing|without|none|never|negative for|free of|free from|prevent|preventing|avoid"
    # "I didn't get a reading on it", "the pad wasn't wet" (not "couldn't save the wet carpet")
    r"|(?:did|does|do|was|were|is|are|has|have|had)n['\u2019]?t"
    r"|risk of"
    r"|potential|check for|checked for|monitor for|test for|tested for|inspect for|rule out|ruled out)\b",
    FLAGS,
)


_NEGATION_AFTER = re.compile(
    r"^[ :\-\u2013]*(?:none|nil|no|not|n/a|absent|negative|will|may|could|might|would"
    # ("mould - nothing seen", "odour: nothing noted"): the finding the item's answer denies
    r"|nothing (?:seen|found|visible|noted|observed|detected|evident|obvious))\b",
    FLAGS,
)


_NEGATION_WINDOW = 40
_LIST_TAIL = re.compile(r"\s*(?:[\w/-]+\s+){0,2}(?:or|and|nor)\s+", FLAGS)


# --- text preparation --------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    number: int
    quote: str  # what a SourceSpan shows: the line as written, trimmed and cleaned
    text: str  # what the rules match: NFKC-normalised, whitespace collapsed

    def span(self) -> SourceSpan:
        return SourceSpan(line=self.number, text=self.quote)


def collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# A gap of two or more spaces, or a tab, after a value and before the next label: the columns of a
# field sheet typed with the space bar ("8/4  hall N 38   hall S 41   closet 29"). Only on a line
# with two or more of them: a justified PDF line spaces every word, a moisture map pads one number.
_COLUMN_GAP = re.compile(
    r"(?<=[\d%\"'])(?: {2,}|\t+)(?=[A-Za-z])(?!(?:x|by|m|mm|cm|ft|in|m2|sq|sf|lf|lm)\b)", re.IGNORECASE
)
_WORD_SPACE = re.compile(r"\S \S")


def _columns(text: str) -> str:
    gaps = _COLUMN_GAP.findall(text)
    if len(gaps) < 2 or _WORD_SPACE.search(text) is None:
        return text
    return _COLUMN_GAP.sub(", ", text)


def prepare_lines(text: str) -> list[Line]:
    lines = []
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        cleaned = collapse(_INVISIBLE.sub("", raw))
        columns = _columns(unmarked(_INVISIBLE.sub("", raw)).strip())
        normalised = collapse(unicodedata.normalize("NFKC", columns).translate(_TYPOGRAPHIC_QUOTES))
        lines.append(Line(number=number, quote=truncate(cleaned, MAX_QUOTE), text=normalised))
    return lines


_LONG_LINE = 60  # a line at least this long may be one a writer's mail program or editor wrapped
_MIN_WRAPPED = 6  # how many long lines make a document hard-wrapped
# A table's row as a PDF gives it, its bars gone: three numbers in a row ("72 48 29 16"). Not a
# year set off by dashes in prose ("the house was built - 1994 - and ...").
_ROW_OF_NUMBERS = re.compile(r"(?!-\s+\d{4}\s+-(?:\s|$))(?:(?<!\S)(?:\d{1,4}(?:\.\d{1,2})?|-)(?:\s+|$)){3}")
_OPEN_WORD_END = re.compile(
    r"\b(?:a|an|the|and|or|but|of|to|in|on|at|by|for|with|from|into|onto|over|under|was|were|is|are"
    r"|had|has|have|that|which|who|its|their|his|her|our|my|about|roughly|around|just|than|then|as)$|,$",
    FLAGS,
)
# "... By 24" / "February the probes read 88": a date the wrap split between its day and month
_DAY_END = re.compile(r"\b(?:on|by|until|till|from|since|before|after) \d{1,2}$", FLAGS)
_MONTH_START = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?(?: \d{4})?[ ,]", FLAGS
)
# "... a joist in the basement" / "(11 %MC), and he wants": a reading in brackets goes on the
# sentence the wrap broke
# (so does a bracketed area: "... Whole floor covered" / "(20 m2). Vinyl is fine after cleaning")
_BRACKET_GOES_ON = re.compile(
    r"\(\d{1,4}(?:\.\d{1,2})? ?(?:%|MC\b|WME\b|REL\b|mc\b|wme\b|(?:m2|sq\.? ?m|sq\.? ?ft|sf)\))"
)
_ITEM_START = re.compile(r"^(?:[-*\u2022>#|]|\d{1,2}[.)]\s|[A-Z][A-Za-z ]{0,30}:\s)")
# "... Murihiku Restoration, attended" / "Tue 4/8 at 7:30 am.": an event's verb the wrap parted
# from the day that dates it (a day opening a line after a finished sentence is a new entry)
_EVENT_VERB_END = re.compile(
    r"\b(?:attended|arrived|visited|inspected|happened|occurred|started|began|failed|burst|overflowed"
    r"|on site|came (?:out|back)|came|was|were)$",
    FLAGS,
)
_DAY_START = re.compile(
    r"(?:(?:on |at |by )?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? \d|\d{1,2}[/.-]\d{1,2}\b"
    r"|(?:on |by )?\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?:on |by )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d)",
    FLAGS,
)


def unwrap_paragraphs(lines: Sequence[Line]) -> list[Line]:
    """A document hard-wrapped at a width (an e-mail, a text editor's "job story"): each sentence a
    wrap broke across lines is put back on one line, which keeps the first line's number. A line
    is taken to be wrapped when it reaches near the document's wrap width and stops mid-sentence;
    the next line joins it unless it starts an item, a heading or a table row."""
    long = sorted(len(line.text) for line in lines if len(line.text) >= _LONG_LINE and "|" not in line.text)
    if len(long) < _MIN_WRAPPED:
        return list(lines)
    width = long[(len(long) * 9) // 10]
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and line.text
            and len(previous.text) >= max(_LONG_LINE, width * 3 // 4)
            and _ENDS_SENTENCE.search(previous.text) is None
            and "|" not in previous.text
            and "|" not in line.text
            and _ITEM_START.match(line.text) is None
            and not _ROW_OF_NUMBERS.search(line.text)
            and not _ROW_OF_NUMBERS.search(previous.text)
            # mid-sentence: the next line goes on in lower case, or this one ends on a word no
            # sentence ends with (a table's rows, as a PDF gives them, do neither)
            and (
                line.text[:1].islower()
                or _BRACKET_GOES_ON.match(line.text) is not None
                or _OPEN_WORD_END.search(previous.text) is not None
                or (_DAY_END.search(previous.text) is not None and _MONTH_START.match(line.text) is not None)
                or (
                    _EVENT_VERB_END.search(previous.text) is not None
                    and _DAY_START.match(line.text) is not None
                )
            )
        ):
            out[-1] = Line(
                number=previous.number,
                quote=truncate(f"{previous.quote} {line.quote}", MAX_QUOTE),
                text=f"{previous.text} {line.text}",
            )
            continue
        out.append(line)
    return out


_WRAP_WIDTH = 70  # a line this long that stops mid-sentence was wrapped, not ended
_ENDS_SENTENCE = re.compile(r"[.!?:;|)\]]$|\s[-\u2013\u2014]$")


def continues_sentence(previous: str) -> bool:
    """Whether the next line goes on with this one's sentence: a line a PDF page or an e-mail
    wrapped ("The cooler was last serviced" over "03/11/2025.") is long and ends with no stop."""
    if "|" in previous or _DOT_LEADER.search(previous):
        return False  # (a table's or a map's row: "9. Lounge ceiling ........ 11 WME REF")
    # ("... found a leaking drain in the crawlspace on" over "11/16/2026": a line that ends on a word
    # that needs what follows goes on, however short a table's cell made it)
    return (
        len(previous) >= _WRAP_WIDTH and _ENDS_SENTENCE.search(previous) is None
    ) or _DANGLING_WORD.search(previous) is not None


_DOT_LEADER = re.compile(r"\.{4,}|\u2026{2,}")
_DANGLING_WORD = re.compile(
    r"\s(?:on|at|by|from|of|since|until|till|to|in|into|onto|with|the|a|an|and|or|between|after|before)$",
    re.IGNORECASE,
)


# "owner name and insurer to be confirmed": the value says it is not known yet, wherever it says so.
_PENDING_VALUE = re.compile(
    r"\bto be (?:confirmed|determined|advised|provided)\b"
    r"|\b(?:name|details?) (?:unknown|not (?:known|given|provided))\b",
    FLAGS,
)


def clean_value(text: str) -> str | None:
    value = truncate(text.strip(" .;,:-\u2013\u2014"), MAX_QUOTE)
    return None if _PLACEHOLDER.match(value) or _PENDING_VALUE.search(value) else value


def matched_key(match: re.Match[str], table: Sequence[tuple[str, str]]) -> str:
    """Which named alternative of a vocabulary pattern matched."""
    return next(key for key, _ in table if match.group(key) is not None)


def first_found(candidates: Iterable[_T | None]) -> _T | None:
    return next((candidate for candidate in candidates if candidate is not None), None)


def parse_number(text: str) -> float:
    return float(text.replace(",", "."))


def count_word(word: str) -> int:
    return _NUMBER_WORDS.get(word.lower(), 0) if not word.isdigit() else int(word)


def fmt(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=32)
def _sentence_ends(text: str) -> tuple[int, ...]:
    # Every topic reads the same line's sentences: find them once per line.
    return tuple(match.end() for match in SENTENCE_END.finditer(text))


class Sentences:
    """Where the sentences of one line start and end, each asked a question at most once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends = _sentence_ends(text)
        self._answers: dict[tuple[int, tuple[re.Pattern[str], ...]], bool] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        index = bisect_right(self._ends, pos)
        start = self._ends[index - 1] if index else 0
        return start, self._ends[index] if index < len(self._ends) else len(self.text)

    def mentions_any(self, pos: int, patterns: tuple[re.Pattern[str], ...]) -> bool:
        key = (bisect_right(self._ends, pos), patterns)
        if key not in self._answers:
            start, end = self.bounds(pos)
            self._answers[key] = any(pattern.search(self.text, start, end) for pattern in patterns)
        return self._answers[key]


WINDOW = 120  # how far around a match its context is read: keeps every look linear in the line


def around(sentences: Sentences, start: int, end: int, reach: int = WINDOW) -> tuple[int, int]:
    """The match's sentence, cut to `reach` characters either side of it."""
    sentence_start, sentence_end = sentences.bounds(start)
    return max(sentence_start, start - reach), min(sentence_end, end + reach)


def excerpt_of(text: str, start: int, end: int) -> str | None:
    # Slice no more than a value can keep, so long sentences cost no more than short ones.
    return clean_value(text[start : min(end, start + 2 * MAX_QUOTE)])


def is_negated(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _NEGATION_WINDOW) : start]
    clause_start = max(before.rfind(mark) for mark in ".;!?,") + 1
    if _LIST_TAIL.fullmatch(before, clause_start):
        # "No contact with drains, soil or sewage": a list carries its negation across commas.
        clause_start = max(before.rfind(mark) for mark in ".;!?") + 1
    after = text[end : end + _NEGATION_WINDOW]
    return bool(_NEGATION_BEFORE.search(before[clause_start:]) or _NEGATION_AFTER.match(after))


def evidence_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    return (match for match in pattern.finditer(text) if not is_negated(text, match.start(), match.end()))


def has_evidence(pattern: re.Pattern[str], text: str) -> bool:
    return first_found(evidence_matches(pattern, text)) is not None


def dedupe_spans(spans: Iterable[SourceSpan]) -> list[SourceSpan]:
    seen: dict[int, SourceSpan] = {}
    for span in spans:
        seen.setdefault(span.line or 0, span)  # the analyzer's spans always have a line
    return sorted(seen.values(), key=lambda span: span.line or 0)


# The contractor's own letterhead at the top of the notes ("14 Port Road, Adelaide SA 5000  ABN 12 345
# 678 901"): its address is the company's, not the job's.
_COMPANY_MARK = re.compile(
    r"\b(?:abn|acn|nzbn|pty\.? ?ltd|ltd|llc|inc|licen[cs]e|lic\.? ?no|www)\b|@|https?://",
    re.IGNORECASE,
)
_LABEL_START = re.compile(r"^[\w /&#.()-]{1,30}:")
_LETTERHEAD_LINES = 3
_LETTERHEAD_WIDTH = 100  # a letterhead line is short; prose that mentions a company is no letterhead


def letterhead_lines(lines: Sequence[Line]) -> frozenset[int]:
    """The numbers of the letterhead's lines: among the first few, unlabelled, with a company mark."""
    top = [line for line in lines if line.text][:_LETTERHEAD_LINES]
    return frozenset(
        line.number
        for line in top
        if len(line.text) <= _LETTERHEAD_WIDTH
        and _COMPANY_MARK.search(line.text) is not None
        and _LABEL_START.match(line.text) is None
    )


def parentheses(text: str) -> list[tuple[int, int]]:
    """The bracketed stretches of a line, in order (one level: an inner bracket ends the outer)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for index, char in enumerate(text):
        if char == "(" and opened is None:
            opened = index + 1
        elif char == ")" and opened is not None:
            spans.append((opened, index))
            opened = None
    return spans


def bracket_around(
    spans: Sequence[tuple[int, int]], starts: Sequence[int], pos: int
) -> tuple[int, int] | None:
    index = bisect_right(starts, pos) - 1
    if index < 0:
        return None
    start, end = spans[index]
    return (start, end) if start <= pos < end else None
