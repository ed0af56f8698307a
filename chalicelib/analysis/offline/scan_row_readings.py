"""The readings a line's rows were found to hold, read as the scan's readings: which are readings
(a number in a room's name is none), which make a list of dry standards (one led by a dry-standard or
"std" label), and each placed in turn, sentence by sentence (_read_rows, used by ReadingsScan)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from chalicelib.analysis.offline.line_owners import Owners
from chalicelib.analysis.offline.reading_corrections import corrected
from chalicelib.analysis.offline.reading_point_values import carried_points
from chalicelib.analysis.offline.reading_row_parts import RowReading
from chalicelib.analysis.offline.reading_rows import RowReader
from chalicelib.analysis.offline.reading_sentence import SENTENCE_END, sentence_start
from chalicelib.analysis.offline.readings import REFERENCE_WORD, ReadingDraft
from chalicelib.analysis.offline.scan_reading_runs import sentence_slices
from chalicelib.analysis.offline.spaces import Mention
from chalicelib.analysis.offline.street_types import STREET_TYPES
from chalicelib.analysis.offline.text import FLAGS, Line

_MAX_LIST_LEAD = 80  # "Dry standard from unaffected rooms on 02/10:" leads a list of dry standards
# ("Std each visit: bed 2 wall 12 / 12 / 11": "std" alone leads a list of standards, as "dry std" does)
_STANDARDS_LEAD = re.compile(r"\bstds?\b", FLAGS)


_AFTER_ROOM_NUMBER = re.compile(r" ?[,;:()]| [a-z]", FLAGS)


_THRESHOLD_MARK = re.compile(r"[<>\u2264\u2265]=?\s?$")
# ("Dry the framing to below 18 WME before re-lining", "all under 16"): a bound in words, as the
# inline reader's, is a threshold too; no run's arrow ever is a word
_THRESHOLD_WORDS = re.compile(r"\b(?:below|under|less than|no more than|at most)\s?$", FLAGS)
# (not a result told in the past: "the GIB had dried to below 15", "it was under 16": that value)
_RESULT_BEFORE = re.compile(r"\b(?:dried|fell|dropped|came down|come down|was|were)\s+(?:to\s+)?$", FLAGS)
# (what before the mark makes it a run's arrow: "31 -> 17", "33 > 27 > 19 %MC", "14 rel > 9")
_RUN_BEFORE_MARK = re.compile(r"(?:[\d%)\-=<>]|\b(?:mc|wme|rel))\s*$", FLAGS)


# A street address: a unit or shop and its number perhaps, then the street's number, name and type
_STREET_ADDRESS = re.compile(
    r"(?:\b(?:shop|unit|suite|apt|flat|lot|level|tenancy)\s?\d{1,4}[A-Za-z]?,?\s+|\b\d{1,4}[A-Za-z]?/)?"
    rf"\b\d{{1,5}}[A-Za-z]?\s+(?-i:(?:[A-Z][A-Za-z'\-]+\s+){{1,3}}(?:{STREET_TYPES}))\b",
    re.IGNORECASE,
)
_DECADE = re.compile(r"\d0'?s\b")
# ("2 more days", "3 extra fans"; not "35 further along": a place further on, the value a reading)
_COUNT_MORE = re.compile(r"\s+(?:more|extra|additional)\s+[a-z]", re.IGNORECASE)


def _after_threshold_mark(text: str, start: int) -> bool:
    """ "particleboard <16, slab <4.5", "framing to below 18 WME": a value right after "<", ">" or a
    bound's word is a threshold, unless the mark stands between two values of a run."""
    # (a table's cells are apart: "| read from below | 31 |" bounds nothing)
    bound = _THRESHOLD_WORDS.search(text, max(0, start - 14), start) if " | " not in text else None
    if bound is not None and not _RESULT_BEFORE.search(text, max(0, bound.start() - 20), bound.start()):
        return True
    mark = _THRESHOLD_MARK.search(text, max(0, start - 3), start)
    return mark is not None and _RUN_BEFORE_MARK.search(text, max(0, mark.start() - 12), mark.start()) is None


def _names_number(text: str, room: Mention, reading: RowReading) -> bool:
    """Whether a reading's number is the number in a room's name, words or a stop after it."""
    return (
        room.start < reading.start < room.end
        and room.name[-1:].isdigit()
        and _AFTER_ROOM_NUMBER.match(text, room.end) is not None
    )


# A dry standard is read at the same point each visit and stays put: a point whose readings fall by
# more than the rule of thumb's margin (about 4 points, or a tenth of a relative scale's figure)
# between its first and last days was wet and dried.
_STANDARD_MARGIN = 4.0
_RELATIVE_SHARE = 0.1


def drying_labels(found: Sequence[RowReading]) -> frozenset[str]:
    """The labels of a line's rows whose values, each on its own day, fall past a dry standard's
    margin from the first day to the last ("J1 joist under DW 32 26 19 15")."""
    by_label: dict[str, list[RowReading]] = {}
    for reading in found:
        if reading.taken_on is not None and reading.role == "reading":
            by_label.setdefault(reading.label, []).append(reading)
    out = set()
    for label, readings in by_label.items():
        days = sorted(readings, key=lambda reading: reading.taken_on or date.min)
        if len({reading.taken_on for reading in days}) < 2:
            continue
        first, last = days[0].value, days[-1].value
        if first - last > max(_STANDARD_MARGIN, _RELATIVE_SHARE * first):
            out.add(label)
    return frozenset(out)


class RowReadingsScan:
    """RoomScan keeps the state these methods read and write: the readings so far, the row reader
    and the readings block's row count; ReadingsScan adds each reading."""

    readings: list[ReadingDraft]
    _rows: RowReader | None
    _block_rows: int
    _names_a_place: Callable[[RowReading], bool]
    _run_places: Callable[[str, Sequence[RowReading]], dict[int, str]]
    _note_group: Callable[[Sequence[ReadingDraft]], None]
    _add_row_reading: Callable[[Line, RowReading, Owners], None]

    def _read_rows(self, line: Line, rooms: Sequence[Mention], found: list[RowReading], text: str) -> bool:
        rows = self._rows
        assert rows is not None
        headed_table = " | " in text and (rows.columns is not None or rows.point_columns is not None)
        found = found if headed_table else carried_points(text, found)  # ("P2  29, then 21")
        found = [reading for reading in found if headed_table or reading.told or self._names_a_place(reading)]
        # ("Standards (Studio 2, Friday): ply 10": the 2 is the studio's number, no reading; not so
        # "ref - living rm 9" or "into room 16 13 11": a number ending the line or before others)
        found = [r for r in found if not any(_names_number(text, m, r) for m in rooms)]
        # ("all at goal (particleboard <16, slab <4.5)": a value after "<" or ">" is a threshold)
        found = [r for r in found if not _after_threshold_mark(text, r.start)]
        # ("ceiling 2 more days", "3 extra air movers": a count of more of something, no reading)
        found = [r for r in found if _COUNT_MORE.match(text, r.end) is None]
        # ("Shop 2, 188 The Parade", "Unit 4/31 Hill St": a street address's numbers, no readings)
        streets = [(found.start(), found.end()) for found in _STREET_ADDRESS.finditer(text)]
        found = [r for r in found if not any(start <= r.start < end for start, end in streets)]
        # ("in the 30s", "the low 20's", "mid-40s": a decade guessed at, no reading)
        found = [r for r in found if _DECADE.match(text, r.start) is None]
        # ("bed 2 floor 91 - sorry, 19": a value the writer takes back is no reading)
        found = corrected(text, found)
        owners = Owners(text, rooms)
        # "Dry standard from unaffected rooms on 02/10: Bedroom 3 floorboards 12, dining room
        # ceiling 13": a list led by a dry-standard label is a list of dry standards
        colon = text.find(":", sentence_start(text, min((r.start for r in found), default=0)))
        lead = sentence_start(text, colon) if colon >= 0 else 0
        led = (
            not headed_table
            and bool(found)
            and 0 <= colon - lead <= _MAX_LIST_LEAD
            and colon < max(reading.start for reading in found)
            and (
                REFERENCE_WORD.search(text, lead, colon) is not None
                or _STANDARDS_LEAD.search(text, lead, colon) is not None
            )
        )
        ends = SENTENCE_END.search(text, colon) if led else None
        list_end = -1 if not led else ends.start() if ends is not None else len(text)
        self.__dict__["_line_reading_ends"] = sorted(reading.end for reading in found)
        # (a row whose point dried over the visits was wet: no dry standard, whatever room it is in)
        self.__dict__["_drying_labels"] = drying_labels(found)
        # ("plates 16, 15 and 18": the places of the plates told before, in their order)
        # (sentence by sentence: a run may take the places of a sentence before it on the line)
        for low, high in [(0, len(found))] if headed_table else sentence_slices(text, found):
            run_places = {} if headed_table else self._run_places(text, found[low:high])
            drafts: list[ReadingDraft] = []
            for index in range(low, high):
                self.__dict__["_reference_list"] = colon < found[index].start < list_end
                self.__dict__["_run_place"] = run_places.get(index - low)
                count = len(self.readings)
                self._add_row_reading(line, found[index], owners)
                if len(self.readings) > count:
                    drafts.append(self.readings[-1])
            if not headed_table:
                self._note_group(drafts)
        self.__dict__["_reference_list"] = False
        self.__dict__["_run_place"] = None
        # A goal in the preamble ("Goal for framing: 16% or less") is not yet the block's rows, nor
        # are the values the heading itself tells in passing ("Ross's readings (his dry standard was
        # 11 on Monday):" over a blank line and the list): the blank line sets the heading apart
        if line.number != self.__dict__.get("_block_heading_line"):
            self._block_rows += sum(reading.role != "goal" for reading in found)
        return bool(found)
