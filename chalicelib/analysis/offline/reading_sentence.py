"""A reading's sentence: where it starts, a temperature just before a percentage (the air's RH, not
a reading), and a dry standard's words earlier in it that make the reading a reference too."""

from __future__ import annotations

import re
from functools import lru_cache

from chalicelib.analysis.offline.readings import REFERENCE_WORD
from chalicelib.analysis.offline.spaces import room_mentions
from chalicelib.analysis.offline.text import FLAGS

# (a map's leader "...... 12%" ends no sentence, nor does a height in inches: "N wall at 6 in. (rec)")
SENTENCE_END = re.compile(r"(?<!\.)(?<!\d in)(?<!\din)\.\s|[!?]\s")
_SENTENCE_LOOK = 400


def sentence_start(text: str, position: int) -> int:
    """Where the sentence around `position` starts, looking a bounded way back (a 200 KB line of
    readings must not be scanned from its start for each one)."""
    low = max(0, position - _SENTENCE_LOOK)
    starts = [match.end() for match in SENTENCE_END.finditer(text, low, position)]
    return starts[-1] if starts else low


# "the hallway was 68 F and 57%", "66 F 62% 58 GPP": a percentage after a temperature is its RH.
_TEMPERATURE_BEFORE = re.compile(r"\d ?(?:\u00b0|deg(?:rees)?)? ?[fc]\b,? ?(?:and |/ ?)?$", FLAGS)


def after_temperature(text: str, start: int) -> bool:
    return _TEMPERATURE_BEFORE.search(text, max(0, start - 16), start) is not None


_REFERENCE_LOOK = 160  # how far back in its sentence a reading's dry-standard words are looked for
# Words that tell of a wet place: a reading after them is no longer the dry standard's.
_WET_WORD = re.compile(r"\b(?:wet|affected|damp|soaked|wicking|wicked|saturated|still|while|but)\b", FLAGS)


@lru_cache(maxsize=4)
def _has_reference_word(text: str) -> bool:
    return REFERENCE_WORD.search(text) is not None


def told_reference(text: str, start: int) -> bool:
    """ "Our dry standard was 10 on the drywall and 9% on the subfloor": a reading told after a
    dry standard's words in its sentence is one too, unless a room or a wet place comes between."""
    if not _has_reference_word(text):
        return False  # (one look per line, not one per reading)
    low = max(0, start - _REFERENCE_LOOK)
    stop = max(text.rfind(". ", low, start), text.rfind("; ", low, start))
    low = stop + 1 if stop >= 0 else low
    label = None
    for match in REFERENCE_WORD.finditer(text, low, start):
        label = match
    if label is None:
        return False
    between = text[label.end() : start]
    return not room_mentions(between) and _WET_WORD.search(between) is None
