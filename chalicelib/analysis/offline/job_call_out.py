"""A call-out dated only by its day heading: "Nov 5" then "call 22:10, on site 23:05" then what
burst places the loss on that day. Also the clock times the visit readers share."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from chalicelib.analysis.offline.dates import BULLETS, DateMatch
from chalicelib.analysis.offline.text import FLAGS, Line

# ("on site by 7.40": the hour as AU/NZ/UK notes write it, a dot before the minutes, not a measure)
_CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d(?: ?[ap]\.?m\b\.?)?| ?[ap]\.?m\b\.?"
    r"|\.[0-5]\d(?!\d|\.\d)(?! ?(?:m|mm|cm|m2|sqm|lm|ft|%|kg|l|litres?|mtrs?)\b)(?: ?[ap]\.?m\b\.?)?)"
    r"|(?<![\d/:.])(?:[01]\d|2[0-3])[0-5]\d(?![\d/:.]))"
)


# "we were on site at 6:40 a.m.": an arrival told by its hour
CLOCK_AFTER = re.compile(rf" ?(?:at |by |around |about )?{_CLOCK}", FLAGS)


# "call 22:10", "21:55 call from insured", "rang 9:40pm"
_CALL_AT = re.compile(
    r"\b(?:call(?:ed)?(?: in)?|rang|phoned|fnol)\b(?: (?:from|by) [\w ]{1,25}?)?[ ,:@\-]{0,4}"
    rf"(?:at )?(?P<a>{_CLOCK})"
    rf"|(?P<b>{_CLOCK}),? ?[\-\u2013]? ?(?:call|fnol|phone call)\b",
    FLAGS,
)


# "on site 23:05", "22:30 arrived"
_ON_SITE_AT = re.compile(
    rf"\b(?:on ?site|arrived|attended|attd?)\b[ ,:@\-]{{0,4}}(?:at |by )?(?P<a>{_CLOCK})"
    rf"|(?P<b>{_CLOCK}),? ?[\-\u2013]? ?(?:on ?site|arrived|attended)\b",
    FLAGS,
)


# Anything placing the loss on another day, or leaving its day open.
_OTHER_DAY = re.compile(
    r"\b(?:yesterday|last night|overnight|o/n(?:ight)?|days?|weeks?|months?|weekend|ago|since|previous(?:ly)?"
    r"|earlier|(?:night|day|evening) before|unknown|not known|(?:don'?t|do not|didn'?t|did not) know|unsure"
    r"|away|holidays?|vacation|trip|slow(?:ly)?|gradual(?:ly)?|ongoing|for some time|long[- ]term"
    r"|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?)\b",
    FLAGS,
)


_BLOCK_LINES = 6  # how many lines under a day heading its call-out may be told in


_HEADING_REACH = 12  # how far into its line a day heading's date may start (after a weekday)


_NOON = 12


def _hour(clock: str) -> int:
    digits = re.match(r"\d+", clock)
    value = int(digits.group(0)) if digits else 0
    hour = value // 100 if len(digits.group(0) if digits else "") == 4 else value
    return hour + 12 if "p" in clock.lower() and hour < _NOON else hour


class CallOutDay:
    """ "Nov 5" then "call 22:10, on site 23:05" then what burst: the loss happened that day.

    Only an afternoon or evening call with the arrival the same day, a sudden escape of water, and
    nothing in the block placing the loss on any other day (a weekday, "overnight", "since", "weeks").
    """

    def __init__(
        self, about_loss: Callable[[str], bool], leak: re.Pattern[str], third_party: re.Pattern[str]
    ) -> None:
        self._about_loss = about_loss
        self._leak = leak  # the water getting out
        self._third_party = third_party  # a trade's visit or work is not the loss
        self._day: tuple[date, Line] | None = None
        self._text: list[str] = []
        self.found: list[tuple[date, Line]] = []

    def read(self, line: Line, found: Sequence[DateMatch]) -> None:
        text = line.text
        if not text or found:
            self._close()
        if not text:
            return
        if found:
            bullets = BULLETS.match(text)
            start = bullets.end() if bullets else 0
            first = found[0]
            if first.value is not None and first.start - start <= _HEADING_REACH:
                self._day = (first.value, line)
                self._text = [text[first.end :]]
            return
        if self._day is not None:
            self._text.append(text)
            if len(self._text) >= _BLOCK_LINES:
                self._close()

    def close(self) -> None:
        self._close()

    def _close(self) -> None:
        day, block = self._day, " ".join(self._text)
        self._day, self._text = None, []
        if day is None:
            return
        call, on_site = _CALL_AT.search(block), _ON_SITE_AT.search(block)
        if (
            call is not None
            and on_site is not None
            and _hour(call.group("a") or call.group("b")) >= _NOON
            and self._leak.search(block)
            and self._about_loss(block)
            and not _OTHER_DAY.search(block)
            and not self._third_party.search(block)
        ):
            self.found.append(day)
