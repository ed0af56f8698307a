"""A line that opens with a day and goes on to tell what happened to the writer then ("Monday 9
November, about half six in the evening, I was making tea and heard dripping"): a homeowner's story,
not a visit's heading, so its first sentence may date the loss (job_dates.py)."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

# After the opening day, an hour or a part of the day told as people say it, then the writer (or
# the household) as the subject of what happened: "Monday the 19th, about quarter past seven at
# night, I had a load going", "Sat 14/11 around 6 pm we heard a bang". A visit's heading goes
# straight to its work ("Tuesday 10th: readings ...", "Mon 12/10 9am - attended, extracted").
_PART_OF_DAY = (
    r"(?:in the (?:morning|afternoon|evening|night)|at night|(?:that|last|late|early) (?:morning|afternoon"
    r"|evening|night)|overnight|at (?:dinner|tea|lunch|breakfast)(?: ?time)?"
    r"|(?:(?:half|quarter) (?:past |to )?\w+|\d{1,2}(?:[:.]\d{2})? ?(?:[ap]\.?m\.?|o'?clock)))"
)
_STORY_OPENING = re.compile(
    rf"^[^.!?:]{{0,40}}?\b(?:about |around |just (?:before|after) |at |by )?{_PART_OF_DAY}"
    # (the day and hour may stand as a sentence of their own: "Saturday 11/28/2026 about 6:15 PM.
    # Lena was frying chicken ...", the household named)
    r"(?:\. (?=(?-i:[A-Z][a-z]+) (?:was|were|had)\b(?! (?:on|at|there)\b))(?-i:[A-Z][a-z]+)|[^.!?:]{0,40}?,? "
    r"(?:I|we|my (?:husband|wife|partner|son|daughter)|the kids))"
    r" (?:was|were|had|heard|woke|got|came|went|walked|noticed|found|saw|smelt|smelled)\b",
    FLAGS,
)


# Or a thing as the subject, giving way then: "Friday 13/11/2026 at about 6.40 pm the O-ring on the
# mixer let go while she was showering" tells the loss, not a visit's work.
# (the hour's "a.m." may end its sentence: "Monday 10/12/2026 about 9 AM. Corey was on site and set
# the dehumidifier; the hose had burst" is a visit's heading, its part giving way another sentence)
_GAVE_WAY = re.compile(
    rf"^[^.!?:]{{0,40}}?\b(?:about |around |just (?:before|after) |at |by )?{_PART_OF_DAY}"
    r"(?!(?<=\.)\s+(?-i:[A-Z]))"
    r"[^.!?:]{0,40}? the [^.!?:]{1,60}? (?:let go|burst|split|gave way|rusted through|blew|failed"
    r"|came (?:off|loose|apart)|overflowed|started (?:leaking|dripping))\b",
    FLAGS,
)
_OPENING_REACH = 160  # how much of the line's start is read: a long line costs no more


def opens_story(text: str) -> bool:
    """Whether a day-led line's first sentence tells the writer's own day."""
    opening = text[:_OPENING_REACH]
    return _STORY_OPENING.match(opening) is not None or _GAVE_WAY.match(opening) is not None
