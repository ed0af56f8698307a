"""Being away when the water came: what the owner found on return dates the finding, not the loss,
unless they were only out for hours and came home the same day."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.text import FLAGS

# Being away when it happened: what was found on return dates the finding, not the loss.
AWAY = re.compile(
    r"\b(?:on (?:their |our |his |her |my )?return|(?:came|got|arrived) (?:back|home)|returned|back from)\b",
    FLAGS,
)


# An outing of hours, not an absence: "came home from church on Sunday 15/11 at about half eleven
# and found water": home the same day, told by the hour or the part of it, and no stay away told.
# ("found by owner Thu 19/11 approx 5:15pm on return from work": back from a day's outing)
_HOME = re.compile(
    r"\b(?:came|got|arrived) home\b"
    r"|\b(?:on (?:\w+ )?return(?:ing)?|returned|(?:came|got) back) (?:home )?from (?:work|school|church"
    r"|shopping|the shops|the gym|the pool|lunch|dinner|the office|(?:a|her|his|their) shift)\b",
    FLAGS,
)
_HOUR_TOLD = re.compile(
    r"\b(?:at|about|around|after|before) (?:about |around |half |quarter (?:past|to) )?"
    r"(?:[1-9]|1[0-2]|six|seven|eight|nine|ten|eleven|twelve|one|two|three|four|five)\b"
    r"|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?[ap]\.?m\b"
    r"|\b(?:that|in the) (?:morning|afternoon|evening|night)\b|\blunch ?time\b",
    FLAGS,
)
_STAY_AWAY = re.compile(
    r"\b(?:holiday|vacation|trip|away|week(?:end)?s?|fortnight|days|months?|overseas|interstate|cruise)\b",
    FLAGS,
)


def home_same_day(text: str, start: int, end: int) -> bool:
    return bool(
        _HOME.search(text, start, end)
        and _HOUR_TOLD.search(text, start, end)
        and not _STAY_AWAY.search(text, start, end)
    )
