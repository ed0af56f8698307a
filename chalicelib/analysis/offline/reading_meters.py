"""Which scale each meter reads on, as the notes say once ("drywall points with the Protimeter
Surveymaster, non-invasive (relative, 60-999)"; "studs with the Delmhorst J-2000, pins, %MC"), so
that a table's meter column ("| Surveymaster | 690 |") gives the row's scale."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.reading_legend import cell_scale
from chalicelib.analysis.offline.readings import METER
from chalicelib.analysis.offline.text import FLAGS

_SENTENCES = re.compile(r"[^.;\n]+(?:\.\d[^.;\n]*)*")  # (a sentence goes on through "3.5")
_MAX_NAME = 24


def meter_scales(text: str) -> dict[str, str]:
    """The scale of each meter a sentence names alone with a scale, by its model (or its brand
    when no model is written), in lower case."""
    scales: dict[str, str] = {}
    for sentence in _SENTENCES.finditer(text):
        words = sentence.group(0)
        meters = list(METER.finditer(words))
        if len(meters) != 1:
            continue  # two meters in one sentence: which scale is whose is not said
        scale = cell_scale(words)
        meter = meters[0]
        name = (meter.group("model") or meter.group("brand") or "").lower()
        if scale is not None and name and len(name) <= _MAX_NAME:
            scales.setdefault(name, scale)
    return scales


def meter_scale(label: str, scales: dict[str, str]) -> str | None:
    """The scale of the meter a row's words name ("rec rm, N wall Surveymaster")."""
    for name, scale in scales.items():
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", label, FLAGS):
            return scale
    return None
