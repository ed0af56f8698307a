"""How notes say what mould an inspector saw: growth (S520 Condition 3), settled spores (Condition
2), normal fungal ecology (Condition 1). Read for the condition and for the mould hazard."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

# "sprayed something against mould on the floor", "to prevent mould", "anti-mould paint": a
# treatment that keeps mould away names none found
NOT_PREVENTED = r"(?<!against )(?<!prevent )(?<!inhibit )(?<!anti-)(?<!anti )"


MOULD_GROWTH = re.compile(
    r"\b(?:(?:visible|active|heavy|extensive|significant|suspected|apparent)? ?(?:mou?ld|fungal|microbial)"
    r" (?:growth|colonies|coloni[sz]ation|contamination)|(?:black|green|white|grey|gray) mou?ld"
    rf"|{NOT_PREVENTED}mou?ld (?:on|behind|visible|present|observed|found|spotting)"
    r"|growth (?:on|behind|visible|observed))\b",
    FLAGS,
)


SETTLED_SPORES = re.compile(
    r"\b(?:settled spores|spore (?:contamination|deposition|settlement)|elevated spore(?: count)?s?)\b",
    FLAGS,
)


NORMAL_ECOLOGY = re.compile(r"\bnormal fungal ecology\b", FLAGS)
