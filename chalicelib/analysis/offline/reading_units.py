"""A moisture reading written with its scale ("38 %MC", "WME 22", "REL 140", "a reading of 18%"): the
value patterns the rooms' damage words and the readings' own reader share."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

VALUE = r"(?<![\d.])(?P<value>\d{1,3}(?:\.\d{1,2})?)"


LABEL_VALUE = r"(?P<value>\d{1,3}(?:\.\d{1,2})?)(?![\d.]\d)"


READINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (unit, re.compile(pattern, FLAGS))
    for unit, pattern in (
        ("%MC", rf"{VALUE} ?% ?MC\b"),
        ("%MC", rf"\bMC ?[:=]? ?{LABEL_VALUE} ?%"),
        ("WME", rf"\bWME ?[:=]? ?{LABEL_VALUE}"),
        ("WME", rf"{VALUE} ?%? ?WME\b"),
        # ("REL 0-999": the meter's span from nought, no reading)
        ("REL", rf"\bREL ?[:=]? ?(?!0 ?[-\u2013] ?\d){LABEL_VALUE}"),
        ("REL", rf"{VALUE} ?REL\b"),
        # A bare percentage names no scale, so it is reported as "%" rather than assumed %MC.
        ("%", rf"\breadings? ?(?:of|at|was|is|=|:)? ?{LABEL_VALUE} ?%(?! ?(?:MC|RH)\b)"),
        ("%", rf"{VALUE} ?% ?readings?\b"),
    )
)
