"""Water that stood before anyone dried it: how long the notes say it stood, and what the technician
found of it. S500 treats standing time as a reason to suspect the water degraded, so the category
rules weigh both."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chalicelib.analysis.findings import SourceSpan
from chalicelib.analysis.offline.text import FLAGS, Line, Sentences, around, count_word, has_evidence

_STANDING = re.compile(
    r"\b(?:standing|stood|sat|sitting|left|undetected|unnoticed|undiscovered|stagnant|pooled|pooling"
    r"|unattended|away|on holiday|on vacation|before (?:being )?(?:discovered|found|noticed))\b",
    FLAGS,
)


_DURATION = re.compile(
    r"(?<![\d.])(?P<n>\d{1,3}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten) ?"
    r"(?P<unit>h|hrs?|hours?|d|days?|wks?|weeks?)\b",
    FLAGS,
)


def standing_hours(lines: Sequence[Line]) -> tuple[float, SourceSpan] | None:
    """How long water stood before mitigation, when the notes say ("undetected for 4 days")."""
    longest: tuple[float, SourceSpan] | None = None
    for line in lines:
        sentences = Sentences(line.text)
        for match in _DURATION.finditer(line.text):
            start, end = around(sentences, match.start(), match.end())
            sentence = line.text[start:end]
            if not has_evidence(_STANDING, sentence) or not _STANDING_WATER.search(sentence):
                continue
            if _EQUIPMENT_RUNNING.search(sentence):
                continue  # "dehu left running 3 days" is drying time, not standing water
            hours = (
                count_word(match.group("n")) if not match.group("n")[0].isdigit() else float(match.group("n"))
            )
            hours *= _HOURS_PER_UNIT[match.group("unit").lower()[0]]
            if longest is None or hours > longest[0]:
                longest = (hours, line.span())
    return longest


_STANDING_WATER = re.compile(r"\b(?:water|leak\w*|pool\w*|flood\w*|wet|moisture)\b", FLAGS)


_EQUIPMENT_RUNNING = re.compile(r"\b(?:running|equipment|dehu\w*|air movers?|AMs?|fans?)\b", FLAGS)


_HOURS_PER_UNIT = {"h": 1.0, "d": 24.0, "w": 168.0}


# What the technician found of water that stood: "no odor, clear, no debris", "still clean and
# odourless". A stated Category 1 with it is a judgement on the water itself, which the standing
# time alone does not overturn (S500: standing time is a reason to suspect degradation, not proof).
FOUND_CLEAN = re.compile(
    r"\b(?:no (?:odou?r|smell|discolou?ration|debris|sediment|contamination)|odou?rless"
    r"|(?:still |ran |looked )clear"
    r"|clear(?:,| and) (?:no|cold|odou?rless)|not (?:smelly|discolou?red|degraded))\b",
    FLAGS,
)
