"""A reading the writer corrects on the same line: "bed 2 floor 91 - sorry, 19", "hall 64, I mean
46", "wall 81 (typo: 18)", or a note after the row, "<- the 81 is a typo, read 18 not 81". The struck
value is no reading; the value it is set against takes its place, its day and its room. A value the
note says the sheet first held ("was first recorded as 3.5") is no reading either."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chalicelib.analysis.offline.reading_numbers import TAKEN_BACK, VALUE
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.text import FLAGS

# A note that names the struck value and the right one: "read 18 not 81", "18 not 81", "81 should be
# 18", "81 is a typo for 18" (the struck value must be one the line gave before the note).
_RIGHT_NOT_WRONG = re.compile(
    rf"\b(?:(?:read|is|was|meant|means)\s+)?(?P<right>{VALUE})\s*,?\s+not\s+(?P<wrong>{VALUE})(?![\d.])",
    FLAGS,
)
_WRONG_SHOULD_BE = re.compile(
    rf"(?<![\d.])(?P<wrong>{VALUE})\s+(?:should (?:be|read|say)|is a typo for|was meant to be)\s+"
    rf"(?P<right>{VALUE})(?![\d.])",
    FLAGS,
)
# A value the writer says went down wrongly before it was put right ("P3 on 12/4 was first logged
# as 41 - wrong column", "the hall figure was originally entered as 9.5 in error"): only on a line
# that says it was a slip, and the value struck is the one the phrase names.
_FIRST_WRITTEN = re.compile(
    r"\b(?:first|originally|initially|wrongly|mistakenly|erroneously)\s+(?:been\s+)?"
    r"(?:recorded|entered|logged|written|noted|keyed|typed|put down|transcribed)\s+(?:(?:as|at)\s+)?"
    rf"(?P<wrong>{VALUE})(?![\d.])",
    FLAGS,
)
# ... or says so after the value: "K5 entered as 71 in the app first - it's 17"
_WRITTEN_FIRST_AFTER = re.compile(
    r"\b(?:recorded|entered|logged|written|noted|keyed(?: in)?|typed|put down|transcribed)\s+(?:as|at)\s+"
    rf"(?P<wrong>{VALUE})(?![\d.])(?:\s+[a-z]+){{0,4}}?\s+(?:at first|first|initially|originally)\b",
    FLAGS,
)
_SENTENCE_END = re.compile(r"\.(?:\s|$)")
# What says the note is about a slip of the pen, not a comparison ("18 not 81" alone may be a range)
_SLIP_WORD = re.compile(
    r"\b(?:typo|misread|mis-?typed|mistake|wrong|error|sorry|oops|correction|meant|i mean"
    r"|struck|crossed out|slip|transcription|mis-?transcribed)\b",
    FLAGS,
)


# A value the sheet held before it was put right: "K3 was first recorded as 3.5 - copied from the
# wrong column", "P2 was originally keyed in as 91", "the 81 was entered as ... by mistake".
_RECORDED_AS = re.compile(
    r"\b(?P<when>first|originally|initially|wrongly|mistakenly|incorrectly|accidentally)?\s*"
    r"(?:recorded|written|entered|keyed(?: in)?|logged|noted|put down|typed)\s+as\s+"
    rf"(?P<wrong>{VALUE})(?![\d.])",
    FLAGS,
)


# In a note about a slip, the values it names are the log's, told again: what a sheet showed ("the
# field sheet shows the stockroom wall as 51%"), the right figure already entered ("the correct
# figure is 15% as entered above"), a reading named by its day ("the 03-07 reading (44)") and the
# value of a record the note says stands ("the table is right (17)").
_NOTE_VALUES = re.compile(
    r"\b(?:shows?|showed|shown|lists?|listed|gives?|gave)\s+(?:[\w-]+\s+){0,6}?as\s+"
    rf"(?P<shown>{VALUE})(?![\d.])"
    r"|\b(?:correct|right|actual|true)\s+(?:figure|value|reading|number)\s+(?:is|was)\s+"
    rf"(?P<right>{VALUE})(?![\d.])"
    rf"|\breading\s*\((?P<named>{VALUE})\)"
    # ("that was a typo, the table is right (17)", "the log was correct: 22"): the record stands
    r"|\b(?:table|log|sheet|chart|grid|entry|record)\s+(?:is|was)\s+(?:right|correct|accurate)\b"
    rf"\s*[:(,\-\u2013]?\s*\(?(?P<kept>{VALUE})(?![\d.])",
    FLAGS,
)


def corrected(text: str, found: Sequence[RowReading]) -> list[RowReading]:
    """The line's readings with the values the writer takes back removed, and the right value put in
    the place of one a note corrects; readings are untouched on a line that corrects nothing."""
    slip = _SLIP_WORD.search(text) is not None
    struck_starts = {
        match.start("wrong") for match in _RECORDED_AS.finditer(text) if match.group("when") or slip
    }
    if slip:
        struck_starts |= {
            match.start(group)
            for match in _NOTE_VALUES.finditer(text)
            for group in ("shown", "right", "named", "kept")
            if match.group(group) is not None
        }
    found = [reading for reading in found if reading.start not in struck_starts]
    if (
        not slip
        and not re.search(r"\bshould (?:be|read|say)\b", text, FLAGS)
        and not _WRITTEN_FIRST_AFTER.search(text)
    ):
        return list(found)
    out: list[RowReading] = []
    rights: set[int] = set()  # (starts of the right values said right after a struck one)
    for reading in found:
        taken_back = TAKEN_BACK.match(text, reading.end)
        if taken_back is not None:
            rights.add(taken_back.start("right"))
            if not any(other.start == taken_back.start("right") for other in found):
                # (the right value no reader took: it takes the struck one's place)
                out.append(
                    replace(
                        reading,
                        value=float(taken_back.group("right")),
                        start=taken_back.start("right"),
                        end=taken_back.end("right"),
                    )
                )
            continue
        out.append(reading)
    # ("K3 on Nov 30 was first recorded as 3.5 - copied into the wrong column"): the struck value
    # read where the note names it is no reading
    # ("Pt 7 on 11/24 was first written 52 and struck out - re-read, got 25"): the right value after
    # it in the sentence is the one the log already holds, no reading of its own (nor on its day)
    for match in [*_FIRST_WRITTEN.finditer(text), *_WRITTEN_FIRST_AFTER.finditer(text)]:
        stop = _SENTENCE_END.search(text, match.end())
        end = stop.start() if stop is not None else len(text)
        out = [reading for reading in out if not match.start("wrong") <= reading.start < end]
    for match in [*_RIGHT_NOT_WRONG.finditer(text), *_WRONG_SHOULD_BE.finditer(text)]:
        if not _SLIP_WORD.search(text) and "should" not in match.group(0).lower():
            continue
        wrong, right = float(match.group("wrong")), float(match.group("right"))
        struck = [
            index
            for index, reading in enumerate(out)
            if reading.value == wrong and reading.end <= match.start() and reading.start not in rights
        ]
        if len(struck) != 1:
            continue  # (the note's value is no one reading the line gave before it)
        index = struck[0]
        out[index] = replace(out[index], value=right)
        # (the note's own numbers are no readings)
        out = [reading for reading in out if not match.start() <= reading.start < match.end()]
    return out
