"""Rooms a line names together: a bare room after the one qualified room of its kind is that room
("the upstairs hall bathroom ... the bathroom tile"), and a line of rooms and nothing else (a
heading, a list of rooms) (used by spaces.room_mentions)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS

# A line that names rooms and nothing else ("Master bedroom and Bedroom 3", "Garage", "Bedroom 2 (upstairs)").
HEADING_ONLY_REST = re.compile(r"(?:\s|,|&|/|\+|:|\band\b|\bthe\b|\([^()\d\n,;:]{0,40}\))*", FLAGS)


def same_room_again(found: Sequence[Mention]) -> list[Mention]:
    """ "the upstairs hall bathroom toilet burst. Water ran across the bathroom tile": a bare room after
    the one qualified room of its kind on the line is that room."""
    qualified: dict[str, set[str]] = {}
    named: dict[str, Mention] = {}
    out = []
    for mention in found:
        if mention.qualified:
            qualified.setdefault(mention.base, set()).add(mention.key)
            named[mention.key] = mention
        elif len(qualified.get(mention.base, ())) == 1:
            first = named[next(iter(qualified[mention.base]))]
            mention = replace(mention, key=first.key, name=first.name, qualified=True, level=first.level)
        out.append(mention)
    return out


def rest_is_rooms(text: str, found: Sequence[Mention], rest: re.Pattern[str] = HEADING_ONLY_REST) -> bool:
    previous = found[0].start
    for mention in found:
        if not rest.fullmatch(text, previous, mention.start) and previous != found[0].start:
            return False
        previous = mention.end
    return rest.fullmatch(text, previous) is not None
