"""A day-by-point table whose header a PDF wrapped over several lines.

"| Date | Laundry wall | Laundry subfloor %MC | Hall tack strip %MC |" with narrow columns comes out
of a PDF as "Date Laundry wall" / "Laundry" / "subfloor" / "%MC" / "Hall  tack" / "strip %MC",
then rows "12/01 64 33 27". The rows say how many columns there are; each column's title starts
at a room's name (or a point's code), so the header's words split into that many titles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from chalicelib.analysis.offline.dates import Dates
from chalicelib.analysis.offline.reading_numbers import is_reading_cell
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS, collapse

_DAY_TITLE = re.compile(r"\s*(?:date|day|visit)\b[ \t]*(?P<rest>.*)", FLAGS)
# A wrapped title's piece: short words, no sentence; a number only as a size ("4 ft over") or a
# room's ("Bedroom 2"). Checked a word at a time (one pattern per word: linear in the line).
_TOKEN = re.compile(r"[^\W\d_][\w'/&().-]*|%|%MC|\(?%?(?:MC|WME|REL)\)?|#|[-/,&()]", FLAGS)
_NUMBER = re.compile(r"\d{1,3}[a-z]?", FLAGS)
_SIZE_UNIT = re.compile(r"(?:ft|in|m|cm|mm)\.?", FLAGS)


def _is_fragment(text: str) -> bool:
    """Whether a line is a piece of a wrapped header: words, a unit, a size or a room's number."""
    tokens = text.split()
    if not tokens:
        return False
    for index, token in enumerate(tokens):
        if _TOKEN.fullmatch(token):
            continue
        after_word = index > 0 and _TOKEN.fullmatch(tokens[index - 1]) is not None
        sized = index + 1 < len(tokens) and _SIZE_UNIT.fullmatch(tokens[index + 1]) is not None
        if _NUMBER.fullmatch(token) and (after_word or sized):
            continue
        return False
    return True


_POINT_CODE = re.compile(r"(?<!\S)(?:[A-Z]{1,4}-?\d{1,2}[a-z]?|REF|Ref|DS)(?=,?(?:\s|$))")
_NO_VALUE = frozenset({"-", "\u2013", "\u2014", "n/a", "N/A", "nr", "NR"})
_MAX_FRAGMENTS = 30
_MAX_FRAGMENT = 40
_MIN_COLUMNS = 2
_MAX_COLUMNS = 12


@dataclass
class WrappedHeader:
    """The pieces of a header seen so far, from its "Date" line on."""

    pieces: list[str] = field(default_factory=list)

    def note(self, text: str) -> bool:
        """Take a line as the header's next piece; False when it is none (the header is over)."""
        stripped = text.strip()
        day = _DAY_TITLE.fullmatch(stripped)
        if day is not None and not self.pieces:
            rest = day.group("rest")
            if rest and not _is_fragment(rest):
                return False
            self.pieces = [rest] if rest else []
            self.pieces.append("")  # (a marker: the "Date" line was seen)
            return True
        if not self.pieces or len(self.pieces) > _MAX_FRAGMENTS:
            return False
        if len(stripped) > _MAX_FRAGMENT or not _is_fragment(stripped):
            return False
        self.pieces.append(stripped)
        return True

    def titles(self, width: int) -> list[str] | None:
        """The header's words split into as many column titles as a row has values."""
        words = collapse(" ".join(piece for piece in self.pieces if piece))
        if not words:
            return None
        for starts in (_code_starts(words), [mention.start for mention in room_mentions(words)]):
            starts = sorted(set(starts))
            if len(starts) == width and not words[: starts[0]].strip():
                ends = [*starts[1:], len(words)]
                pairs = zip(starts, ends, strict=True)
                return [collapse(words[start:end]).strip(" ,-") for start, end in pairs]
        return None


def _code_starts(words: str) -> list[int]:
    return [code.start() for code in _POINT_CODE.finditer(words)]


def day_row_width(text: str, dates: Dates) -> int | None:
    """How many values a row of the table gives after its day ("12/05 10 12 - 11": 4)."""
    tokens = text.split()
    if not _MIN_COLUMNS < len(tokens) <= _MAX_COLUMNS + 1:
        return None
    if not dates.find(tokens[0], None, yearless_numeric=True):
        return None
    values: Sequence[str] = tokens[1:]
    if not all(value in _NO_VALUE or is_reading_cell(value) for value in values):
        return None
    if all(value in _NO_VALUE for value in values):
        return None
    return len(values)


def wrapped_header_columns(state: dict[str, object], text: str, dates: Dates) -> list[str] | None:
    """Line by line: the columns ("Date", then each title) once the first row under a wrapped
    header shows how many there are; None on every other line. `state` keeps the header's pieces."""
    header = state.get("_wrapped_header")
    if not isinstance(header, WrappedHeader):
        header = state["_wrapped_header"] = WrappedHeader()
    if header.pieces and (width := day_row_width(text, dates)) is not None:
        titles = header.titles(width)
        header.pieces = []
        return ["Date", *titles] if titles is not None else None
    if not header.note(text):
        header.pieces = []
        header.note(text)  # (a "Date" line may start the next header at once)
    return None
