"""Places a reading is told of that are not rooms: the outside air, an unaffected area, a
dehumidifier's inlet or outlet, the HVAC's return. A line's readings belong to these as they belong
to its rooms (`line_owners.Owners`), so a value after "outside" is never the room's before it."""

from __future__ import annotations

import re

from chalicelib.analysis.offline.spaces_vocabulary import Mention, sentence_case
from chalicelib.analysis.offline.text import FLAGS

_PLACE = re.compile(
    # ("skirting outside laundry", "outside the bathroom door": where in the house, not outdoors)
    r"\b(?:outside(?! (?:the |of the |of )?(?:laundry|kitchen|bath\w*|bed\w*|hall\w*|lounge|dining|door"
    r"|ensuite|toilet|wc|study|office|garage|room|cupboard|closet|robe|wardrobe|stair\w*|entry|unit|suite))"
    r"|outdoors?|exterior|ambient|unaffected area"
    r"|dehu(?:midifier)? (?:inlet|outlet|exhaust|intake)|hvac(?: (?:return|supply))?)\b",
    FLAGS,
)


def place_mentions(text: str) -> list[Mention]:
    return [
        Mention(
            key=f"place|{match.group(0).lower()}",
            name=sentence_case(match.group(0)),
            start=match.start(),
            end=match.end(),
            is_room=False,
        )
        for match in _PLACE.finditer(text)
    ]
