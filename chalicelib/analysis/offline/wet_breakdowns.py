"""A wet total broken down by room: "732 SF of floor (420 sales floor, 224 stockroom, 42 restroom,
and 46 in the back hall)", "about 30 m2 wet (lounge 18, hall 4, bedroom 8)". Each part is its room's
extent in the total's unit; the parts must add up to the total, or none is taken (a list that does
not add up is something else: readings, dates, a count)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from chalicelib.analysis.offline.spaces_vocabulary import Mention, vocabulary_mentions
from chalicelib.analysis.offline.text import FLAGS

_OPEN_AFTER = re.compile(r"(?: of (?:the )?[a-z]+(?: [a-z]+)?)?,? ?(?:wet |affected )?\(", FLAGS)
_LIST = re.compile(r"[^()]{3,200}\)")
_PART_SPLIT = re.compile(r",? and |, ?|; ?|\+ ?", FLAGS)
# "420 sales floor", "46 in the back hall", "studio 48"; words after the room are where in it
_NUMBER_FIRST = re.compile(
    r"^(?P<n>\d{1,5}(?:\.\d{1,2})?) (?:(?:in|on|at) )?(?:the )?(?P<rest>[a-z].*)$", FLAGS
)
_NUMBER_LAST = re.compile(
    r"^(?:the )?(?P<rest>[a-z][a-z0-9 '/-]{1,40}?):? (?P<n>\d{1,5}(?:\.\d{1,2})?)$", FLAGS
)
_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_TOLERANCE = 0.02


@dataclass(frozen=True)
class Part:
    room: Mention | None  # None: a part the vocabulary does not know as a room ("stockroom")
    at: int  # where the room is named in the text
    value: float  # in the total's unit


def breakdown(text: str, total_end: int, total: float) -> tuple[int, list[Part]] | None:
    """The rooms a total ending at `total_end` is broken down into, with where the list ends; None
    unless every part is a number and a place and the parts add up to the total."""
    opening = _OPEN_AFTER.match(text, total_end)
    if opening is None:
        return None
    body = _LIST.match(text, opening.end())
    if body is None:
        return None
    parts = list(_parts(body.group()[:-1], body.start()))
    if len(parts) < 2 or any(part is None for part in parts):
        return None
    found = [part for part in parts if part is not None]
    if abs(sum(part.value for part in found) - total) > _TOLERANCE * total:
        return None
    return body.end(), [part for part in found if part.room is not None]


def _parts(body: str, offset: int) -> Iterator[Part | None]:
    started, cursor = False, 0
    for piece in _PART_SPLIT.split(body):
        at = body.find(piece, cursor)
        cursor = at + len(piece)
        stripped = piece.strip()
        if not stripped or (started and not _DIGIT.search(stripped)):
            continue  # "..., which we found wet later": a remark on the part before it
        started = True
        match = _NUMBER_FIRST.match(stripped) or _NUMBER_LAST.match(stripped)
        if match is None:
            yield None
            return
        room = next(iter(vocabulary_mentions(match.group("rest"))), None)
        if room is not None and room.start != 0:
            room = None
        start = offset + at + piece.find(stripped) + match.start("rest")
        yield Part(room, start, float(match.group("n")))


def written_value(written: str) -> float:
    """A measure's number as written: "3,600" has a thousands separator, "4,5" a decimal comma."""
    if _THOUSANDS.fullmatch(written):
        return float(written.replace(",", ""))
    return float(written.replace(",", "."))
