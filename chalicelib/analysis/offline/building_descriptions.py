"""Sentences that say how the building is made, not what got wet.

"Low-set brick veneer, built 1977, glasswool batts, carpet in bedrooms", "House: 1998 weatherboard, GIB
linings, carpet in lounge", "Structure: two-storey, 1990s, wood frame. Kitchen floor LVP.": what the
house is built of and finished with. A material named there is affected only when its own sentence says
it was reached. A line that opens by describing the building goes on describing it until a sentence of
it says what the water or fire did, or gives a room its size (that room's own entry).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chalicelib.analysis.offline.text import FLAGS, Sentences

# A sentence describing how the house is built: its age, its cladding, its storeys.
BUILDING_DESCRIBED = re.compile(
    r"\b(?:built (?:in |circa |c\. ?|around )?(?:18|19|20)\d\d"
    r"|(?:18|19|20)\d0s (?:house|home|weatherboard|brick)|brick veneer|weatherboard (?:house|home|cottage)"
    # "a 1957 ranch", "1998 weatherboard": a year naming the house's kind
    r"|(?:18|19|20)\d\d (?:house|home|ranch|bungalow|villa|cottage|terrace|weatherboard|brick|semi|cape"
    r"|split)"
    r"|(?:low|high)[- ]set|(?:one|two|three|four|five|six|single|double|multi)[- ]stor(?:e)?y"
    r"(?: (?:frame |brick )?(?:house|home|dwelling))?|frame (?:house|home)|split[- ]level"
    r"|slab[- ]on[- ](?:grade|ground)|finished basement"
    r"|(?:single|one|two)[- ]level (?:[a-z]+ )?(?:unit|house|home)"
    r"|tilt[- ]slab|raised[- ]slab"
    # "Walls are hard plaster on brick", "floors throughout are tiled": what the rooms are made of
    r"|(?:walls|floors|ceilings|linings)(?: throughout)? (?:are|were) (?:all |mostly )?"
    r"(?:hard |solid |painted )?"
    r"(?:plaster|brick|block|concrete|timber|tiled|plasterboard|gyprock|drywall|lath|fibro|masonry|stone))\b",
    FLAGS,
)

# A line labelled as the building's description: "House:", "Structure -", "3.1 Construction:".
_DESCRIPTION_LABEL = re.compile(
    r"\W{0,3}(?:\d{1,2}(?:\.\d{1,2})*\.? )?(?:the )?(?:house|dwelling|building|property|premises|structure"
    r"|construction|building type|construction type|description of (?:the )?(?:building|property))"
    r" ?[:\-\u2013]",
    FLAGS,
)


# "Laundry 2.4 x 1.8 m, lined with fibre cement", "about 9 ft x 7 ft, laminate floor": a sentence giving a
# room's size is that room's own entry, no longer the building's description ("9 x 9 vinyl tiles" is a
# tile's size).
_SIZED = re.compile(
    r"\b\d{1,3}(?:\.\d{1,2})? ?(?:m|ft|'|metres|meters|feet)? ?(?:x|by|\u00d7) ?\d{1,3}(?:\.\d{1,2})?"
    r" ?(?:m|ft|'|metres|meters|feet)\b",
    FLAGS,
)


def described_until(text: str, sentences: Sentences, damaged: Callable[[int, int], bool]) -> int:
    """Where the building description a line opens with ends (0 when it opens with none): at the start
    of its first sentence that says what was reached (`damaged` answers for a span of the line), or that
    gives a room's size."""
    first_end = sentences.bounds(0)[1]
    if _DESCRIPTION_LABEL.match(text) is None and BUILDING_DESCRIBED.search(text, 0, first_end) is None:
        return 0
    start = 0
    while start < len(text):
        end = sentences.bounds(start)[1]
        if damaged(start, end) or (start > 0 and _SIZED.search(text, start, end) is not None):
            return start
        if end <= start:
            break
        start = end
    return len(text)
