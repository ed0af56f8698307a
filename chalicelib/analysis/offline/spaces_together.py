"""Rooms a line names together: a bare room after the one qualified room of its kind is that room
("the upstairs hall bathroom ... the bathroom tile"), and a line of rooms and nothing else (a
heading, a list of rooms), and the rooms of a sentence the dry standard leads (used by
spaces.room_mentions)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chalicelib.analysis.offline.spaces_vocabulary import Mention
from chalicelib.analysis.offline.text import FLAGS, Sentences

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


# A sentence whose subject is the dry standard, before it names any room: "The dry standard was the
# upstairs hall drywall at 12, plus a stud in the upstairs closet", "Std: hall laminate 15, lounge
# plinth 12", "Our reference readings came from the study and the den" (not a room dried back "to
# the standard", "within 2 of the reference").
_STANDARD_SUBJECT = re.compile(
    r"\W*(?:(?:the|our|my|their|his|her) )?(?:dry )?(?:standards?|stds?|references?|refs?|baselines?)\b"
    r"(?! ?(?:scale|mode|setting))",
    FLAGS,
)


def standard_led(text: str, found: Sequence[Mention], flags: list[list[bool]]) -> None:
    """Every room of a sentence the dry standard leads is where a standard was read, as its first is,
    unless its own part says it is damaged (`flags`: [described, unaffected, own damage, ...] by
    mention, as spaces.room_mentions keeps them)."""
    if len(found) < 2:
        return
    sentences = Sentences(text)
    first_of: dict[tuple[int, int], int] = {}
    for index, mention in enumerate(found):
        bounds = sentences.bounds(mention.start)
        if bounds not in first_of:
            first_of[bounds] = index
            continue
        first = first_of[bounds]
        if (
            flags[first][1]
            and not flags[index][2]
            and _STANDARD_SUBJECT.match(text, bounds[0], found[first].start) is not None
        ):
            flags[index][1] = True
