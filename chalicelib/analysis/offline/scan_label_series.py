"""A place's line ending with a colon, and under it a line of its values alone ("Bedroom wall behind
the bed, search mode, 300 mm up:" then "- 820 / 640 / 410 / 250"): each value a reading of that
place (`reading_row_parts.colon_series`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from chalicelib.analysis.offline.reading_row_parts import RowReading, colon_series
from chalicelib.analysis.offline.spaces import Mention, room_mentions
from chalicelib.analysis.offline.text import FLAGS, Line

# A line of values alone, perhaps a list item: "- 820 / 640 / 410 / 250", "31, 26 and 22".
_BARE_SERIES = re.compile(
    r"\s*(?:[-*\u2022]\s*)?\d{1,3}(?:\.\d{1,2})?(?:(?:\s*,\s*|\s+(?:and|&|/)\s+)\d{1,3}(?:\.\d{1,2})?){1,11}\s*\.?\s*",
    FLAGS,
)
_MAX_LABEL_LINE = 200  # a place's line, not a paragraph
_LABEL_MARKS = re.compile(r"[:.;]")


class LabelSeriesScan:
    """RowReadingsScan reads the rows this pair makes; the label waits in the instance's own
    attributes for the line under it."""

    _read_rows: Callable[[Line, Sequence[Mention], list[RowReading], str], bool]  # RowReadingsScan's

    def _series_under_label(self, line: Line, rooms: Sequence[Mention], taken_on: date | None) -> bool | None:
        """ "Bedroom wall behind the bed, search mode, 300 mm up:" then "- 820 / 640 / 410": a line
        naming one place and ending with a colon, and under it a line of values alone, each a
        reading of that place (reading_row_parts.colon_series). None when the line is no such pair."""
        label = self.__dict__.pop("_colon_label", None)
        text = line.text
        if text.rstrip().endswith(":") and len(text) <= _MAX_LABEL_LINE and len(rooms) <= 1:
            self.__dict__["_colon_label"] = (line.number, text.rstrip().rstrip(":"))
            return None
        if label is None or label[0] != line.number - 1 or _BARE_SERIES.fullmatch(text) is None:
            return None
        values = text.strip().lstrip("-*\u2022").strip()
        # (the place's line whole, its stops and colons blanked: "at 0.5 m spacings, 300 mm up")
        joined = f"{_LABEL_MARKS.sub(' ', label[1])}: {values}"
        found = colon_series(joined, taken_on)
        if not found:
            return None
        self._read_rows(line, room_mentions(joined), found, joined)
        return True
